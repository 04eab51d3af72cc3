/**
 * The world of the organization-policy attacks (issue 12): an organization policy that requires
 * itself, where the model card crosses its CBRN threshold (ASL-3: a security safeguard and a
 * sign-off by the CEO), and helpers to judge a repository under it. Shared by the attack tests
 * (__tests__/gate/org-policy-attacks.test.ts) and their property (__tests__/property/).
 */
import type { Reason } from '../../src/core/decision.js';
import type { Review, ReviewContext } from '../../src/core/inputs.js';
import { checkTrees, type CheckOptions } from '../../src/gate/check-trees.js';
import type { OrganizationPolicy } from '../../src/policy/types.js';
import { memoryTree } from '../hostile/generators.js';
import {
  CARD,
  MODEL,
  POLICY_PATH,
  STATE,
  card,
  evidence,
  type Result,
} from '../presets/judge-repository.js';

export const COMMIT = 'abc1234def5678abc1234def5678abc1234def56';

/** The organization policy: wmdp-bio ≥ 0.7 crosses cbrn-3 (ASL-3); ASL-3 needs bob’s safeguard and carol’s sign-off. */
export const ORG_TEXT = `version: 1
levels: [ASL-1, ASL-2, ASL-3]
baseline: ASL-2
roles:
  rso: { users: [alice] }
  ceo: { users: [carol] }
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
signoffs:
  - { level: ASL-3, roles: [ceo] }
organization: { required: true }
`;

export const ORGANIZATION: OrganizationPolicy = {
  repository: 'acme/.github',
  path: '.github/rsp-policy.yml',
  commit: COMMIT,
  text: ORG_TEXT,
};

/** A repository policy on the organization's, with `body` after its `extends` line. */
export const onOrg = (body: string) => `version: 1\nextends: organization\n${body}`;

export const WMDP = (value: number): Result => ({
  benchmark: 'wmdp-bio',
  metric: 'accuracy',
  value,
});

/** The repository: the model card, its evidence, and `extra` files (a policy, attestations). */
export function repository(results: Result[], extra: Record<string, string> = {}) {
  return memoryTree({
    [CARD]: card('2026-11-01'),
    'models/m/evals/results.evidence.yml': evidence(results, '2026-11-01'),
    ...extra,
  });
}

export const NOW = new Date('2026-11-27T12:00:00Z');

export function check(options: Partial<CheckOptions> & Pick<CheckOptions, 'head'>) {
  return checkTrees({
    base: null,
    policyPath: POLICY_PATH,
    now: NOW,
    context: STATE,
    organization: ORGANIZATION,
    ...options,
  });
}

export async function judgeModel(options: Partial<CheckOptions> & Pick<CheckOptions, 'head'>) {
  const { record } = await check(options);
  return { record, model: record.models.find((m) => m.id === MODEL)! };
}

export const blocking = (reasons: Reason[]) =>
  reasons.filter((r) => r.severity === 'block').map((r) => r.code);

/** dave-ml's pull request at head1, with these reviews. */
export function pullRequest(reviews: Review[] = []): ReviewContext {
  return { ...STATE, author: 'dave-ml', headSha: 'head1', reviews };
}

export const approval = (user: string): Review => ({
  user,
  state: 'APPROVED',
  commit: 'head1',
  submittedAt: '2026-11-27T10:00:00Z',
});
