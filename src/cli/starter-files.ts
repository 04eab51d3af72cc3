/** What `rsp-gate init` writes. */

/** A policy that extends `preset`, pinned to `version` (see README, "Preset versions"). */
export function starterPolicy(preset: string, version: number): string {
  return `# yaml-language-server: $schema=https://rsp-gate.dev/schemas/v1/policy.schema.json
# rsp-gate policy. Lists below merge into the preset by id: override one threshold or
# safeguard by repeating its id, add your own with a new id. \`rsp-gate presets\` lists presets.
# The preset is pinned (@${version}): a newer rsp-gate whose preset version differs refuses this
# policy until you update the pin, a policy change the policy owners approve.
version: 1
extends: ${preset}@${version}
mode: advisory            # start by reporting; switch to \`enforce\` to block merges

roles:                    # who may confirm safeguards and sign off: GitHub logins and/or org teams
  rso: { users: [] }      # Responsible Scaling Officer
  ceo: { users: [] }
  security-lead: { users: [] }

discovery:
  cards: ["**/MODEL_CARD.md", "models/*/README.md"]
  attestations: ["safeguards/**/*.yml"]
`;
}

export function starterWorkflow(): string {
  return `# rsp-gate: judge every pull request that touches model cards, evals, safeguards or the policy.
# Every run re-judges its pull request, whatever event started it, so a run that carries a
# revocation (a "changes requested" review, a dismissed approval, an unticked item) must not be
# dropped: runs of one pull request queue in order (\`queue: max\`, up to 100 pending) instead of
# replacing each other. Past 100, GitHub cancels the newest; the next run re-judges, and a merge
# queue re-judges on its own commit (keep \`merge_group\`). See the README, "Use it on GitHub".
name: rsp-gate
on:
  pull_request_target:
    types: [opened, synchronize, reopened, edited, ready_for_review]
  pull_request_review:
    types: [submitted, dismissed]
  issue_comment:
    types: [created, edited, deleted]
  merge_group:
    types: [checks_requested]
permissions:
  contents: read
  pull-requests: write
  checks: write
  issues: write
concurrency:
  group: rsp-gate-\${{ github.event.pull_request.number || github.event.issue.number || github.ref }}
  cancel-in-progress: false
  queue: max
jobs:
  gate:
    if: github.event_name != 'issue_comment' || github.event.issue.pull_request
    runs-on: ubuntu-latest
    steps:
      # No checkout: rsp-gate reads files through the API and never runs pull-request code.
      - uses: rsp-gate/rsp-gate@v1
        with:
          token: \${{ secrets.GITHUB_TOKEN }}
`;
}
