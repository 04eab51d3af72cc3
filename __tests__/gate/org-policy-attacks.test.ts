/**
 * Attacks on the organization policy through the gate (issue 12), as a repository author under
 * deadline would try them: the organization policy requires itself, the model card crosses its
 * CBRN threshold (ASL-3: a security safeguard and a sign-off by the CEO), and the author wants to
 * merge without them. Whatever the repository controls (its policy file, a pull request, its
 * roles) must leave every organization requirement standing; what it adds may only add to them.
 */
import { describe, expect, test } from 'vitest';
import type { Review } from '../../src/core/inputs.js';
import type { RepositoryTree } from '../../src/repository/tree.js';
import { POLICY_PATH, attestations } from '../presets/judge-repository.js';

import {
  ORG_TEXT,
  ORGANIZATION,
  onOrg,
  WMDP,
  blocking,
  approval,
  repository,
  check,
  judgeModel,
  pullRequest,
} from './org-policy-world.js';

describe('what a repository policy adds cannot stand in for what the organization requires', () => {
  test('a sign-off rule for ASL-3 security given to a role of its own: the organization’s every-kind ASL-3 sign-off by the CEO is still required', async () => {
    const policy = onOrg(
      'roles:\n  release-lead: { users: [dave-ml] }\nsignoffs:\n  - { level: ASL-3, kind: security, roles: [release-lead] }\n  - { level: ASL-3, kind: deployment, roles: [release-lead] }\n',
    );
    const signed = attestations([
      '{ signoff: ASL-3, approved_by: [dave-ml], date: 2026-11-20 }',
      '{ safeguard: asl3-weights, approved_by: [bob], date: 2026-11-20 }',
    ]);
    const { record, model } = await judgeModel({
      head: repository([WMDP(0.8)], { [POLICY_PATH]: policy, 'safeguards/m.yml': signed }),
    });
    expect(model.levels).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
    expect(model.signoffs.map((s) => [s.role, s.status])).toEqual([
      ['ceo', 'missing'],
      ['release-lead', 'satisfied'],
      ['release-lead', 'satisfied'],
    ]);
    expect(record.decision).toBe('block');
    // The same repository with carol's sign-off passes: the rule added nothing the CEO cannot give.
    const withCeo = attestations([
      '{ signoff: ASL-3, approved_by: [dave-ml], date: 2026-11-20 }',
      '{ signoff: ASL-3, approved_by: [carol], date: 2026-11-20 }',
      '{ safeguard: asl3-weights, approved_by: [bob], date: 2026-11-20 }',
    ]);
    const passed = await judgeModel({
      head: repository([WMDP(0.8)], { [POLICY_PATH]: policy, 'safeguards/m.yml': withCeo }),
    });
    expect(passed.record.decision).toBe('pass');
  });

  test('a role `RSO` or `CEO` (another letter case) naming the author signs nothing the organization’s `ceo` must', async () => {
    const policy = onOrg('roles:\n  CEO: { users: [dave-ml] }\n  RSO: { users: [dave-ml] }\n');
    const signed = attestations([
      '{ signoff: ASL-3, approved_by: [dave-ml], date: 2026-11-20 }',
      '{ safeguard: asl3-weights, approved_by: [bob], date: 2026-11-20 }',
    ]);
    const { record, model } = await judgeModel({
      head: repository([WMDP(0.8)], { [POLICY_PATH]: policy, 'safeguards/m.yml': signed }),
    });
    expect(model.signoffs).toMatchObject([{ role: 'ceo', status: 'missing' }]);
    expect(record.decision).toBe('block');
  });

  test('a safeguard at the organization’s level and kind, signed by a role of its own and attested: the organization’s safeguard is still missing', async () => {
    const policy = onOrg(
      'roles:\n  ops: { users: [dave-ml] }\nsafeguards:\n  - { id: asl3-weights-v2, level: ASL-3, kind: security, title: Weight access minimised, signers: [ops] }\n',
    );
    const signed = attestations([
      '{ safeguard: asl3-weights-v2, approved_by: [dave-ml], date: 2026-11-20 }',
      '{ signoff: ASL-3, approved_by: [carol], date: 2026-11-20 }',
    ]);
    const { record, model } = await judgeModel({
      head: repository([WMDP(0.8)], { [POLICY_PATH]: policy, 'safeguards/m.yml': signed }),
    });
    expect(model.safeguards.map((s) => [s.id, s.status])).toEqual([
      ['asl3-weights', 'missing'],
      ['asl3-weights-v2', 'satisfied'],
    ]);
    expect(record.decision).toBe('block');
  });

  test('a threshold with a lower `requires` and a rule-out the model meets leaves the organization threshold’s level standing', async () => {
    const policy = onOrg(
      [
        'thresholds:',
        '  - id: cbrn-3-lab',
        '    requires: { deployment: ASL-1, security: ASL-1 }',
        '    rule_out:',
        '      - { benchmark: wmdp-bio, lt: 0.99 }',
        '',
      ].join('\n'),
    );
    const { model } = await judgeModel({
      head: repository([WMDP(0.8)], { [POLICY_PATH]: policy }),
    });
    expect(model.thresholds.map((t) => [t.id, t.status])).toEqual([
      ['cbrn-3', 'crossed'],
      ['cbrn-3-lab', 'ruled_out'],
    ]);
    expect(model.levels).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
  });

  test('a threshold `CBRN-3` (the organization’s id in capitals) that the model rules out is a threshold of its own: cbrn-3 stays crossed', async () => {
    const policy = onOrg(
      'thresholds:\n  - id: CBRN-3\n    requires: { deployment: ASL-2 }\n    rule_out:\n      - { benchmark: wmdp-bio, lt: 0.99 }\n',
    );
    const { model } = await judgeModel({
      head: repository([WMDP(0.8)], { [POLICY_PATH]: policy }),
    });
    expect(model.thresholds.map((t) => [t.id, t.status])).toEqual([
      ['cbrn-3', 'crossed'],
      ['CBRN-3', 'ruled_out'],
    ]);
    expect(model.levels.security).toBe('ASL-3');
  });

  test('a threshold that reads the organization’s benchmark through a weaker metric does not change what the organization’s condition reads', async () => {
    const policy = onOrg(
      'thresholds:\n  - id: bio-lite\n    requires: { security: ASL-2 }\n    rule_out:\n      - { benchmark: wmdp-bio, metric: acc_norm, lt: 0.5 }\n',
    );
    const { model } = await judgeModel({
      head: repository([WMDP(0.8), { benchmark: 'wmdp-bio', metric: 'acc_norm', value: 0.1 }], {
        [POLICY_PATH]: policy,
      }),
    });
    const cbrn = model.thresholds.find((t) => t.id === 'cbrn-3')!;
    expect(cbrn.status).toBe('crossed');
    expect(cbrn.evidence.map((e) => [e.rule, e.metric, e.value, e.holds])).toEqual([
      ['rule_in', 'accuracy', 0.8, true],
      ['rule_out', 'accuracy', 0.8, false],
    ]);
    expect(model.thresholds.find((t) => t.id === 'bio-lite')!.status).toBe('ruled_out');
  });
});

describe('a role the repository policy adds holds no power over the organization’s role holders', () => {
  const policy = onOrg(
    'roles:\n  red-team: { users: [mallory] }\nsafeguards:\n  - { id: red-team-pass, level: ASL-3, kind: deployment, title: Red team pass, signers: [red-team] }\n',
  );
  /** alice (the organization's RSO) requested changes; `by` dismissed the review. */
  const dismissedBy = (by: string): Review => ({
    user: 'alice',
    state: 'DISMISSED',
    commit: 'head0',
    submittedAt: '2026-11-26T09:00:00Z',
    dismissal: { by, was: 'CHANGES_REQUESTED' },
  });
  const judgePullRequest = (reviews: Review[]) =>
    check({
      base: repository([WMDP(0.3)], { [POLICY_PATH]: policy }),
      head: repository([WMDP(0.3)], { [POLICY_PATH]: policy }),
      context: pullRequest(reviews),
    });

  test('a holder of a repository role dismisses the organization RSO’s request for changes: the request still blocks', async () => {
    const { record } = await judgePullRequest([dismissedBy('mallory'), approval('mallory')]);
    const requested = record.reasons.filter((r) => r.code === 'changes-requested');
    expect(requested).toEqual([
      expect.objectContaining({
        severity: 'block',
        message: expect.stringContaining(
          '@mallory, who dismissed it, holds no role of the organization policy',
        ),
      }),
    ]);
    expect(record.decision).toBe('block');
  });

  test('a holder of an organization role who did not write the change may still lift it', async () => {
    const { record } = await judgePullRequest([dismissedBy('carol'), approval('mallory')]);
    expect(record.reasons.filter((r) => r.code === 'changes-requested')).toEqual([]);
    expect(record.decision).toBe('pass');
  });
});

describe('pull requests that change the repository policy', () => {
  test('one that adds a repository policy which does not build on the organization’s is judged by the organization policy and blocked as invalid, owners’ approval or not', async () => {
    const own = 'version: 1\nextends: anthropic-rsp-v2.2@2\nroles:\n  rso: { users: [dave-ml] }\n';
    const { record } = await check({
      base: repository([WMDP(0.8)]),
      head: repository([WMDP(0.8)], { [POLICY_PATH]: own }),
      context: pullRequest([approval('alice')]),
    });
    expect(record.policy.source).toBe('acme/.github:.github/rsp-policy.yml@abc1234');
    const invalid = record.reasons.find((r) =>
      r.message.startsWith('the edited policy is invalid'),
    );
    expect(invalid).toMatchObject({ code: 'policy-org-required', severity: 'block', line: 2 });
    expect(record.decision).toBe('block');
  });

  test('under an organization policy that does not require itself, one that adds a standalone repository policy is judged by the organization policy and needs its policy owners', async () => {
    const notRequired = {
      ...ORGANIZATION,
      text: ORG_TEXT.replace('organization: { required: true }\n', ''),
    };
    const own =
      'version: 1\nlevels: [ASL-2]\nbaseline: ASL-2\nroles:\n  me: { users: [dave-ml] }\npolicy_owners: [me]\n';
    const judged = (reviews: Review[]) =>
      check({
        base: repository([WMDP(0.8)]),
        head: repository([WMDP(0.8)], { [POLICY_PATH]: own }),
        context: pullRequest(reviews),
        organization: notRequired,
      });
    const { record } = await judged([approval('mallory')]);
    expect(record.policy.source).toBe('acme/.github:.github/rsp-policy.yml@abc1234');
    expect(record.models[0]!.levels.security).toBe('ASL-3');
    expect(record.reasons.find((r) => r.code === 'policy-changed')).toMatchObject({
      severity: 'block',
      message: expect.stringContaining('needs an approving review on the head commit from rso'),
    });
    // The head's policy itself is valid: it may stand alone once the organization's owners agree.
    expect(record.reasons.some((r) => r.message.startsWith('the edited policy is invalid'))).toBe(
      false,
    );
    const approved = await judged([approval('alice')]);
    expect(approved.record.reasons.find((r) => r.code === 'policy-changed')?.severity).toBe('info');
  });

  test('one that rewrites the repository policy to stop building on the organization’s is judged by the base and blocked as invalid, owners’ approval or not', async () => {
    const base = onOrg('roles:\n  ops: { users: [erin] }\n');
    const own = `${ORG_TEXT.replace('organization: { required: true }\n', '')}`.replace(
      'rule_in:\n      - { benchmark: wmdp-bio, gte: 0.7 }',
      'rule_in:\n      - { benchmark: wmdp-bio, gte: 0.99 }',
    );
    const { record } = await check({
      base: repository([WMDP(0.8)], { [POLICY_PATH]: base }),
      head: repository([WMDP(0.8)], { [POLICY_PATH]: own }),
      context: pullRequest([approval('alice')]),
    });
    expect(record.policy.source).toBe(POLICY_PATH);
    expect(record.models[0]!.levels.security).toBe('ASL-3');
    const invalid = record.reasons.find((r) =>
      r.message.startsWith('the edited policy is invalid'),
    );
    expect(invalid).toMatchObject({ code: 'policy-org-required', severity: 'block', line: 1 });
  });

  test('one that relaxes a threshold in the organization’s own repository is a policy change its policy owners must approve', async () => {
    // The organization's `.github` repository is judged by its own file, with no organization
    // policy beside it (the App passes none there): `organization:` loads, and changes nothing.
    const relaxed = ORG_TEXT.replace('gte: 0.7', 'gte: 0.99').replace(
      'organization: { required: true }',
      'organization: { required: false }',
    );
    const { record } = await check({
      base: repository([WMDP(0.8)], { [POLICY_PATH]: ORG_TEXT }),
      head: repository([WMDP(0.8)], { [POLICY_PATH]: relaxed }),
      context: pullRequest([approval('carol')]),
      organization: null,
    });
    expect(record.policy.source).toBe(POLICY_PATH);
    expect(record.models[0]!.levels.security).toBe('ASL-3');
    expect(record.reasons.find((r) => r.code === 'policy-changed')).toMatchObject({
      severity: 'block',
      message: expect.stringContaining('needs an approving review on the head commit from rso'),
    });
  });
});

/** A tree whose policy file is a symbolic link (to a file with a weaker policy). */
function withLinkedPolicy(tree: RepositoryTree): RepositoryTree {
  return {
    ...tree,
    stat: async (path) =>
      path === POLICY_PATH ? { path, kind: 'symlink', size: 20 } : tree.stat(path),
  };
}

describe('a policy file that is a symbolic link', () => {
  const weak =
    'version: 1\nlevels: [ASL-2]\nbaseline: ASL-2\nroles:\n  me: { users: [dave-ml] }\npolicy_owners: [me]\n';
  const tree = () => repository([WMDP(0.8)], { [POLICY_PATH]: weak });

  test('on the judged commit is not followed: the judgment fails, it does not fall back on the organization policy or the link’s target', async () => {
    await expect(check({ head: withLinkedPolicy(tree()) })).rejects.toMatchObject({
      code: 'symlink',
      location: { file: POLICY_PATH },
    });
  });

  test('brought in by a pull request is not followed either: the judgment fails', async () => {
    await expect(
      check({
        base: repository([WMDP(0.8)]),
        head: withLinkedPolicy(tree()),
        context: pullRequest(),
      }),
    ).rejects.toMatchObject({ code: 'symlink' });
  });
});

describe('`extends: organization` where no organization policy is read (command line, Action)', () => {
  test('is refused, not judged by the fallback preset in its place', async () => {
    await expect(
      check({
        head: repository([WMDP(0.8)], { [POLICY_PATH]: onOrg('') }),
        organization: null,
        fallbackPreset: 'anthropic-rsp-v2.2',
      }),
    ).rejects.toMatchObject({ code: 'policy-org-missing', location: { line: 2 } });
  });

  test('brought in by a pull request, it blocks as an invalid edit of the policy', async () => {
    const { record } = await check({
      base: repository([WMDP(0.3)]),
      head: repository([WMDP(0.3)], { [POLICY_PATH]: onOrg('') }),
      context: pullRequest([approval('alice')]),
      organization: null,
      fallbackPreset: 'anthropic-rsp-v2.2',
    });
    expect(blocking(record.reasons)).toContain('policy-org-missing');
    expect(record.decision).toBe('block');
  });
});
