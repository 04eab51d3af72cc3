/**
 * Whatever a repository policy adds on a required organization policy, under any reviews and
 * attestations, every organization requirement keeps its outcome (issue 12). A property test,
 * run with the others outside mutation testing (see vitest.stryker.config.ts).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ModelDecision, Reason } from '../../src/core/decision.js';
import type { Review } from '../../src/core/inputs.js';
import { check as checkProperty, TEST_TIMEOUT_MS } from './settings.js';
import { POLICY_PATH, attestations } from '../presets/judge-repository.js';

import { WMDP, approval, repository, check, pullRequest } from '../gate/org-policy-world.js';

/* Whatever a repository policy adds, under any reviews and attestations: a property. */

const LEVELS = ['ASL-1', 'ASL-2', 'ASL-3'];
const USERS = ['dave-ml', 'mallory', 'alice', 'carol', 'bob'];
const ORG_ROLES = ['rso', 'ceo', 'security-lead'];
const REPO_ROLES = ['r0', 'r1', 'RSO'];

const condition = fc
  .record(
    {
      benchmark: fc.constantFrom('wmdp-bio', 'lab-bench'),
      metric: fc.constantFrom('accuracy', 'acc_norm'),
      op: fc.constantFrom('gt', 'gte', 'lt', 'lte'),
      value: fc.constantFrom(0.1, 0.5, 0.75, 0.9),
    },
    { requiredKeys: ['benchmark', 'op', 'value'] },
  )
  .map(({ op, value, ...rest }) => ({ ...rest, [op]: value }));

const conditions = fc.array(condition, { maxLength: 2 });

const requires = fc
  .record(
    { deployment: fc.constantFrom(...LEVELS), security: fc.constantFrom(...LEVELS) },
    { requiredKeys: [] },
  )
  .filter((r) => Object.keys(r).length > 0);

/** A repository policy on the organization's: new roles, a benchmark, thresholds, safeguards, sign-off rules, a trigger. */
const additions = fc
  .record({
    roles: fc.subarray(REPO_ROLES),
    users: fc.subarray(USERS, { minLength: 1 }),
    thresholds: fc.array(
      fc.record({ requires, rule_in: conditions, rule_out: conditions, review_if: conditions }),
      { maxLength: 2 },
    ),
    safeguards: fc.array(
      fc.record({
        level: fc.constantFrom(...LEVELS),
        kind: fc.constantFrom('deployment', 'security'),
        signers: fc.subarray([...ORG_ROLES, ...REPO_ROLES], { minLength: 1 }),
        independent: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    signoffs: fc.array(
      fc.record(
        {
          level: fc.constantFrom(...LEVELS),
          kind: fc.constantFrom('deployment', 'security'),
          roles: fc.subarray([...ORG_ROLES, ...REPO_ROLES], { minLength: 1 }),
          expires_after_days: fc.constantFrom(1, 365),
        },
        { requiredKeys: ['level', 'roles'] },
      ),
      { maxLength: 2 },
    ),
    trigger: fc.boolean(),
  })
  .map((a) => ({
    version: 1,
    extends: 'organization',
    roles: Object.fromEntries(a.roles.map((r) => [r, { users: a.users }])),
    benchmarks: { 'lab-bench': { metric: 'accuracy', scale: 'fraction', aliases: ['lab'] } },
    thresholds: a.thresholds.map((t, i) => ({ id: `t${i}`, ...t })),
    safeguards: a.safeguards.map((s, i) => ({ id: `s${i}`, title: `Lab item ${i}`, ...s })),
    signoffs: a.signoffs,
    triggers: a.trigger
      ? [
          {
            id: 'lab-trigger',
            any: [{ months_since_assessment: { gte: 0 } }],
            requires_attestation: 'lab-report',
            signers: a.roles.length > 0 ? [a.roles[0]] : ['rso'],
          },
        ]
      : [],
  }));

/** Attestations on the organization's items, by its role holders, the author or an accomplice. */
const ORG_ATTESTATIONS = [
  '{ safeguard: asl3-weights, approved_by: [bob], date: 2026-11-20 }',
  '{ safeguard: asl3-weights, approved_by: [mallory], date: 2026-11-20 }',
  '{ signoff: ASL-3, approved_by: [carol], date: 2026-11-20 }',
  '{ signoff: ASL-3, approved_by: [dave-ml], date: 2026-11-20 }',
  '{ decision: capability, threshold: cbrn-3, verdict: below, approved_by: [dave-ml, mallory], date: 2026-11-20 }',
  '{ decision: capability, threshold: cbrn-3, verdict: below, approved_by: [carol, alice], date: 2026-11-20 }',
];

/** Attestations on the repository's items (a file of its own: without them, it names unknown items). */
const REPO_ATTESTATIONS = [
  '{ safeguard: s0, approved_by: [dave-ml], date: 2026-11-20 }',
  '{ safeguard: s1, approved_by: [mallory], date: 2026-11-20 }',
  '{ report: lab-report, approved_by: [dave-ml], date: 2026-11-20 }',
];

const dismissal = (by: string): Review => ({
  user: 'alice',
  state: 'DISMISSED',
  commit: 'head0',
  submittedAt: '2026-11-26T09:00:00Z',
  dismissal: { by, was: 'CHANGES_REQUESTED' },
});

const REVIEWS: Review[] = [
  {
    user: 'alice',
    state: 'CHANGES_REQUESTED',
    commit: 'head0',
    submittedAt: '2026-11-26T09:00:00Z',
  },
  dismissal('mallory'),
  dismissal('carol'),
  dismissal('dave-ml'),
  approval('mallory'),
  approval('carol'),
  approval('bob'),
];

const world = fc.record({
  wmdp: fc.constantFrom(0.3, 0.6, 0.8),
  accNorm: fc.constantFrom(0.1, 0.9),
  lab: fc.constantFrom(0.2, 0.8),
  orgAttestations: fc.subarray(ORG_ATTESTATIONS),
  repoAttestations: fc.subarray(REPO_ATTESTATIONS),
  // One latest review per user decides; alice's comes first so a later one of hers replaces it.
  reviews: fc.subarray(REVIEWS),
});

const rank = (level: string) => LEVELS.indexOf(level);

/** Every organization item of `alone` is in `built` with the same outcome; its levels are no lower. */
function expectNoWeaker(alone: ModelDecision, built: ModelDecision): void {
  for (const kind of ['deployment', 'security'] as const)
    expect(rank(built.levels[kind])).toBeGreaterThanOrEqual(rank(alone.levels[kind]));
  for (const t of alone.thresholds)
    expect(built.thresholds.find((b) => b.id === t.id)?.status).toBe(t.status);
  for (const s of alone.safeguards)
    expect(built.safeguards.find((b) => b.id === s.id)?.status).toBe(s.status);
  for (const s of alone.signoffs)
    expect(built.signoffs.find((b) => b.level === s.level && b.role === s.role)?.status).toBe(
      s.status,
    );
  for (const t of alone.triggers)
    expect(built.triggers.find((b) => b.id === t.id)?.status).toBe(t.status);
}

describe('whatever a repository policy adds on the organization’s', () => {
  test(
    'every organization threshold, safeguard, sign-off and request for changes keeps its outcome, no level is lower, and what the organization policy blocks stays blocked',
    async () => {
      let loaded = 0;
      await checkProperty(
        fc.asyncProperty(additions, world, async (policy, w) => {
          const results = [
            WMDP(w.wmdp),
            { benchmark: 'wmdp-bio', metric: 'acc_norm', value: w.accNorm },
            { benchmark: 'lab', metric: 'accuracy', value: w.lab },
          ];
          const file = (path: string, items: string[]) =>
            items.length > 0 ? { [path]: attestations(items) } : {};
          // The organization alone judges the repository without what it adds: no policy file,
          // no attestations on items of its own.
          const orgFiles = file('safeguards/m.yml', w.orgAttestations);
          const repoFiles = { ...orgFiles, ...file('safeguards/m-lab.yml', w.repoAttestations) };
          const judge = (files: Record<string, string>) =>
            check({
              base: repository(results, files),
              head: repository(results, files),
              context: pullRequest(w.reviews),
            });
          let built;
          try {
            built = await judge({ ...repoFiles, [POLICY_PATH]: JSON.stringify(policy) });
          } catch (error) {
            // A refused addition (a reference to an undefined threshold, a frozen sign-off rule)
            // judges nothing: the gate fails closed. Only what loads is compared.
            expect((error as { code?: string }).code).toMatch(/^policy-/);
            fc.pre(false);
            return;
          }
          loaded += 1;
          const alone = (await judge(orgFiles)).record;
          expectNoWeaker(alone.models[0]!, built.record.models[0]!);
          // Who stands in the way (the roles a request names may grow with the repository's).
          const requests = (reasons: Reason[]) =>
            reasons
              .filter((r) => r.code === 'changes-requested' && r.severity === 'block')
              .map((r) => r.message.split(' ')[0]);
          expect(requests(built.record.reasons)).toEqual(
            expect.arrayContaining(requests(alone.reasons)),
          );
          if (alone.decision === 'block') expect(built.record.decision).toBe('block');
        }),
      );
      // The property is about policies that load: most generated ones must.
      expect(loaded).toBeGreaterThan(50);
    },
    TEST_TIMEOUT_MS,
  );
});
