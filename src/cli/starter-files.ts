/** What `rsp-gate init` writes. */

export function starterPolicy(preset: string): string {
  return `# yaml-language-server: $schema=https://rsp-gate.dev/schemas/v1/policy.schema.json
# rsp-gate policy. Lists below merge into the preset by id: override one threshold or
# safeguard by repeating its id, add your own with a new id. \`rsp-gate presets\` lists presets.
version: 1
extends: ${preset}
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
name: rsp-gate
on:
  pull_request_target:
    types: [opened, synchronize, reopened, edited, ready_for_review]
  pull_request_review:
    types: [submitted, dismissed]
  issue_comment:
    types: [created, edited]
permissions:
  contents: read
  pull-requests: write
  checks: write
  issues: write
concurrency:
  group: rsp-gate-\${{ github.event.pull_request.number || github.event.issue.number || github.ref }}
  cancel-in-progress: false
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      # No checkout: rsp-gate reads files through the API and never runs pull-request code.
      - uses: rsp-gate/rsp-gate@v1
        with:
          token: \${{ secrets.GITHUB_TOKEN }}
`;
}
