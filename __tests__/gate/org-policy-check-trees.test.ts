/**
 * The organization policy through the gate (issue 12): a repository without a policy file is
 * judged by it, before any fallback preset; a repository policy builds on it; a pull request
 * keeps today's base-against-head rules for the repository's own file. The decision record, the
 * comment and the check run name the policy that judged and its commit.
 */
import { describe, expect, test } from 'vitest';
import type { ReviewContext } from '../../src/core/inputs.js';
import { validateValue } from '../../src/formats/validate.js';
import { checkTrees, type CheckOptions } from '../../src/gate/check-trees.js';
import type { OrganizationPolicy } from '../../src/policy/types.js';
import { renderCheckRun } from '../../src/render/render-check-run.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { memoryTree } from '../hostile/generators.js';
import { CARD, MODEL, POLICY_PATH, STATE, card, evidence } from '../presets/judge-repository.js';

const COMMIT = 'abc1234def5678abc1234def5678abc1234def56';
const ORG_FILE = 'acme/.github:.github/rsp-policy.yml';

const ORG_TEXT = `version: 1
levels: [ASL-1, ASL-2, ASL-3]
baseline: ASL-2
roles:
  rso: { users: [alice] }
  security-lead: { users: [bob] }
policy_owners: [rso]
benchmarks:
  wmdp-bio: { metric: accuracy, scale: fraction }
thresholds:
  - id: cbrn-3
    requires: { deployment: ASL-3, security: ASL-3 }
    rule_in:
      - { benchmark: wmdp-bio, gte: 0.7 }
    rule_out:
      - { benchmark: wmdp-bio, lt: 0.5 }
safeguards:
  - { id: asl3-weights, level: ASL-3, kind: security, title: Weight access minimised, signers: [security-lead] }
organization: { required: true }
`;

const ORGANIZATION: OrganizationPolicy = {
  repository: 'acme/.github',
  path: '.github/rsp-policy.yml',
  commit: COMMIT,
  text: ORG_TEXT,
};

/** A repository policy on the organization's that adds a cyber threshold. */
const ON_ORG = `version: 1
extends: organization
benchmarks:
  cybench: { metric: accuracy, scale: fraction }
thresholds:
  - id: cyber-2
    requires: { security: ASL-3 }
    rule_in:
      - { benchmark: cybench, gte: 0.5 }
`;

/** The repository: one model whose WMDP-Bio accuracy is `wmdp` (and cybench 0.2), and `extra` files. */
function repository(wmdp: number, extra: Record<string, string> = {}) {
  return memoryTree({
    [CARD]: card('2026-11-01'),
    'models/m/evals/results.evidence.yml': evidence(
      [
        { benchmark: 'wmdp-bio', metric: 'accuracy', value: wmdp },
        { benchmark: 'cybench', metric: 'accuracy', value: 0.2 },
      ],
      '2026-11-01',
    ),
    ...extra,
  });
}

const NOW = new Date('2026-11-27T12:00:00Z');
const PULL_REQUEST: ReviewContext = { ...STATE, author: 'dave-ml', headSha: 'head1' };

function check(options: Partial<CheckOptions> & Pick<CheckOptions, 'head'>) {
  return checkTrees({
    base: null,
    policyPath: POLICY_PATH,
    now: NOW,
    context: STATE,
    organization: ORGANIZATION,
    ...options,
  });
}

const JUDGED_BY_ORG =
  'Judged by the organization policy `acme/.github:.github/rsp-policy.yml` at `abc1234`';

describe('a repository without a policy file', () => {
  test('is judged by the organization policy; the record, the comment and the check run name it and its commit', async () => {
    const { record, policy } = await check({ head: repository(0.8) });
    expect(record.policy).toMatchObject({
      source: `${ORG_FILE}@abc1234`,
      extends: null,
      preset: null,
      organization: { repository: 'acme/.github', path: '.github/rsp-policy.yml', commit: COMMIT },
    });
    expect(validateValue(JSON.parse(JSON.stringify(record)), 'decision')).toEqual([]);
    expect(policy.organization?.required).toBe(true);
    // Its threshold is crossed and its safeguard is open: the organization policy is what judged.
    const model = record.models.find((m) => m.id === MODEL)!;
    expect(model.levels).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
    expect(model.safeguards.map((s) => [s.id, s.status])).toEqual([['asl3-weights', 'missing']]);
    expect(record.decision).toBe('block');

    const comment = renderMarkdown(record);
    expect(comment).toContain(
      `${JUDGED_BY_ORG} (sha256 \`${record.policy.sha256.slice(0, 12)}\`).`,
    );
    expect(renderCheckRun(record).summary).toContain(JUDGED_BY_ORG);
  });

  test('is judged by the organization policy before any fallback preset', async () => {
    const { record } = await check({ head: repository(0.3), fallbackPreset: 'anthropic-rsp-v2.2' });
    expect(record.policy.source).toBe(`${ORG_FILE}@abc1234`);
    expect(record.policy.preset).toBeNull();
    expect(record.decision).toBe('pass');
  });

  test('with no organization policy, the fallback preset judges as before and the record names no organization', async () => {
    const { record } = await check({
      head: repository(0.3),
      fallbackPreset: 'anthropic-rsp-v2.2',
      organization: null,
    });
    expect(record.policy.source).toBe('preset:anthropic-rsp-v2.2');
    expect(record.policy.organization).toBeNull();
    expect(renderMarkdown(record)).toContain('Judged by policy `preset:anthropic-rsp-v2.2`');
  });

  test('an organization policy on an unpinned preset names the preset in the record, and no reason points at a line of the organization file', async () => {
    const onPreset: OrganizationPolicy = {
      ...ORGANIZATION,
      text: 'version: 1\nextends: anthropic-rsp-v2.2\nroles:\n  rso: { users: [alice] }\n  ceo: { users: [carol] }\n  security-lead: { users: [bob] }\n  safeguards-lead: { users: [sam] }\n',
    };
    const { record } = await check({ head: repository(0.3), organization: onPreset });
    expect(record.policy).toMatchObject({
      source: `${ORG_FILE}@abc1234`,
      extends: 'anthropic-rsp-v2.2',
      preset: { name: 'anthropic-rsp-v2.2', version: 2 },
    });
    expect(record.reasons.filter((r) => r.file === ORG_FILE)).toEqual([]);
    expect(renderMarkdown(record)).toContain(`${JUDGED_BY_ORG} (sha256 \``);
    expect(renderMarkdown(record)).toContain(', preset `anthropic-rsp-v2.2@⁠2`');
  });

  test('a condition of the organization policy that cannot hold is reported at the model card, not at a line of a file the repository does not have', async () => {
    const head = memoryTree({
      [CARD]: card('2026-11-01'),
      'models/m/evals/results.evidence.yml': evidence(
        [{ benchmark: 'wmdp-bio', metric: 'f1', value: 0.9 }],
        '2026-11-01',
      ),
    });
    const { record } = await check({ head });
    const notFound = record.reasons.filter((r) => r.code === 'metric-not-found');
    expect(notFound.length).toBeGreaterThan(0);
    for (const reason of notFound) expect(reason.file).toBe(CARD);
  });
});

describe('a repository policy that extends organization', () => {
  test('judges with what it adds; the comment names it and the organization policy it builds on', async () => {
    const { record } = await check({
      head: repository(0.3, { [POLICY_PATH]: ON_ORG }),
      policyRef: 'main',
    });
    expect(record.policy).toMatchObject({
      source: `${POLICY_PATH}@main`,
      organization: { repository: 'acme/.github', commit: COMMIT },
    });
    const model = record.models.find((m) => m.id === MODEL)!;
    expect(model.thresholds.map((t) => [t.id, t.status])).toEqual([
      ['cbrn-3', 'ruled_out'],
      ['cyber-2', 'not_ruled_out'],
    ]);
    expect(renderMarkdown(record)).toContain(
      `Judged by policy \`${POLICY_PATH}@⁠main\` (sha256 \`${record.policy.sha256.slice(0, 12)}\`), built on the organization policy \`acme/.github:.github/rsp-policy.yml\` at \`abc1234\`.`,
    );
  });

  test('that relaxes an organization threshold is refused, located in the repository file', async () => {
    const relaxed = `version: 1\nextends: organization\nthresholds:\n  - id: cbrn-3\n    requires: { deployment: ASL-3, security: ASL-3 }\n    rule_in:\n      - { benchmark: wmdp-bio, gte: 0.99 }\n`;
    await expect(
      check({ head: repository(0.8, { [POLICY_PATH]: relaxed }) }),
    ).rejects.toMatchObject({
      code: 'policy-org-frozen',
      location: { file: POLICY_PATH, line: 4, key: 'thresholds[0]' },
      message: expect.stringContaining(
        `is set by the organization policy ${ORG_FILE}@abc1234 and cannot be changed here`,
      ),
    });
  });

  test('a repository policy that does not build on a required organization policy is refused', async () => {
    const own = 'version: 1\nextends: anthropic-rsp-v2.2@2\n';
    await expect(check({ head: repository(0.3, { [POLICY_PATH]: own }) })).rejects.toMatchObject({
      code: 'policy-org-required',
      location: { file: POLICY_PATH, line: 2 },
    });
  });
});

describe('a pull request', () => {
  test('that makes a repository policy standing outside a required organization policy build on it is judged by the organization policy, and blocks until its owners approve', async () => {
    const own = 'version: 1\nextends: anthropic-rsp-v2.2@2\n';
    const { record } = await check({
      base: repository(0.3, { [POLICY_PATH]: own }),
      head: repository(0.3, { [POLICY_PATH]: ON_ORG }),
      context: PULL_REQUEST,
    });
    expect(record.policy.source).toBe(`${ORG_FILE}@abc1234`);
    expect(record.reasons.find((r) => r.code === 'policy-changed')).toMatchObject({
      severity: 'block',
      file: POLICY_PATH,
    });
  });

  test('that removes what the organization policy has since frozen is judged by the organization policy, and blocks until its owners approve', async () => {
    // The repository added a role the organization policy now defines too: its base is refused.
    const clashing = `${ON_ORG.replace(/\n$/, '')}\nroles:\n  rso: { users: [mallory] }\n`;
    const { record } = await check({
      base: repository(0.3, { [POLICY_PATH]: clashing }),
      head: repository(0.3, { [POLICY_PATH]: ON_ORG }),
      context: PULL_REQUEST,
    });
    expect(record.policy.source).toBe(`${ORG_FILE}@abc1234`);
    expect(record.reasons.find((r) => r.code === 'policy-changed')).toMatchObject({
      severity: 'block',
    });
  });

  test('in a repository whose policy stands outside a required organization policy, a change that leaves the policy alone is still refused', async () => {
    const own = 'version: 1\nextends: anthropic-rsp-v2.2@2\n';
    await expect(
      check({
        base: repository(0.3, { [POLICY_PATH]: own }),
        head: repository(0.3, { [POLICY_PATH]: own, 'README.md': 'more\n' }),
        context: PULL_REQUEST,
      }),
    ).rejects.toMatchObject({ code: 'policy-org-required' });
  });

  test('that adds a repository policy is judged by the organization policy (the base has none) and blocks until its owners approve', async () => {
    const { record } = await check({
      base: repository(0.3),
      head: repository(0.3, { [POLICY_PATH]: ON_ORG }),
      context: PULL_REQUEST,
    });
    expect(record.policy.source).toBe(`${ORG_FILE}@abc1234`);
    const changed = record.reasons.find((r) => r.code === 'policy-changed')!;
    expect(changed).toMatchObject({ severity: 'block', file: POLICY_PATH });
    expect(changed.message).toContain('needs an approving review on the head commit from rso');
    expect(record.reasons.some((r) => r.message.startsWith('the edited policy is invalid'))).toBe(
      false,
    );
  });

  test('that edits the repository policy to relax an organization threshold is judged by the base and blocks on the invalid edit', async () => {
    const relaxed = `${ON_ORG}  - id: cbrn-3\n    requires: { deployment: ASL-2 }\n`;
    const { record } = await check({
      base: repository(0.3, { [POLICY_PATH]: ON_ORG }),
      head: repository(0.3, { [POLICY_PATH]: relaxed }),
      context: PULL_REQUEST,
    });
    expect(record.policy.source).toBe(POLICY_PATH);
    const invalid = record.reasons.find((r) =>
      r.message.startsWith('the edited policy is invalid'),
    );
    expect(invalid).toMatchObject({ code: 'policy-org-frozen', severity: 'block', line: 10 });
    expect(invalid!.message).toContain(
      '`thresholds[1]` (id cbrn-3) is set by the organization policy',
    );
  });

  test('that deletes the repository policy is a policy change for the owners (the organization policy would judge), not an invalid one', async () => {
    const { record } = await check({
      base: repository(0.3, { [POLICY_PATH]: ON_ORG }),
      head: repository(0.3),
      context: PULL_REQUEST,
    });
    expect(record.reasons.filter((r) => r.code.startsWith('policy-'))).toEqual([
      expect.objectContaining({ code: 'policy-changed', severity: 'block' }),
    ]);
  });
});
