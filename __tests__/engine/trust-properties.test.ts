/**
 * The trust logic, one property per test. Each test here was written against a deliberate
 * one-line bug in the engine that the rest of the suite let through (issue 10): it fails with
 * that bug in place and passes without it. Each test also checks the case the rule allows, so
 * it cannot pass against an engine that refuses everything.
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type {
  Attestation,
  ModelState,
  RepositoryState,
  Review,
  ReviewContext,
} from '../../src/core/inputs.js';
import {
  approversFit,
  approversOnHead,
  holdsRole,
  isExpired,
  trustOf,
} from '../../src/core/people.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import type { Policy } from '../../src/policy/types.js';
import {
  NOW,
  TEST_POLICY,
  approve,
  asl2Attestations,
  attestation,
  belowEverything,
  context,
  model,
  record,
  state,
  testPolicy,
} from '../helpers/build.js';

/** The test policy with one piece of its text replaced (the text must be there). */
function policyWith(find: string, replace: string): Policy {
  expect(TEST_POLICY).toContain(find);
  return loadPolicy(TEST_POLICY.replace(find, replace), '.github/rsp-policy.yml');
}

/** Evidence that crosses CBRN-3: ASL-3 for deployment and security. */
const asl3Evidence = () => [
  record('bio-uplift-trial', 'ratio', 5.3),
  record('longform-virology', 'score', 0.3),
  record('ai-research-suite-2', 'score', 0.2),
];

/** Evidence that neither crosses CBRN-3 nor rules it out (3.5 is between 2.8 and 5). */
const cbrnUndecided = () => [
  record('bio-uplift-trial', 'ratio', 3.5),
  record('longform-virology', 'score', 0.3),
  record('ai-research-suite-2', 'score', 0.2),
];

interface Judge {
  policy?: Policy;
  models?: ModelState[];
  attestations?: Attestation[];
  /** Attestations on the base; undefined judges the head as a state (no base). */
  base?: Attestation[];
  ctx?: Partial<ReviewContext>;
  policyChanged?: boolean;
}

function judge({
  policy = testPolicy(),
  models = [model(asl3Evidence())],
  attestations = [],
  base,
  ctx = {},
  policyChanged = false,
}: Judge) {
  const head: RepositoryState = state(models, [...asl2Attestations(), ...attestations]);
  return evaluate({
    policy,
    head,
    base: base === undefined ? null : state(models, [...asl2Attestations(), ...base]),
    context: context(ctx),
    policyChange: policyChanged
      ? { changed: true, file: '.github/rsp-policy.yml', headProblem: null }
      : null,
    now: NOW,
  });
}

const safeguardOf = (result: ReturnType<typeof judge>, id: string, modelIndex = 0) =>
  result.models[modelIndex]!.safeguards.find((s) => s.id === id)!;
const thresholdOf = (result: ReturnType<typeof judge>, id: string) =>
  result.models[0]!.thresholds.find((t) => t.id === id)!;

describe('attestations added in the change', () => {
  test("an attestation added in the change needs every named approver's approving review, not one", () => {
    // asl3-sec-weight-access is signed by security-lead (bob) and rso (alice).
    const weightAccess = attestation({
      kind: 'safeguard',
      target: 'asl3-sec-weight-access',
      approvedBy: ['bob', 'alice'],
    });
    const withReviews = (...users: string[]) =>
      safeguardOf(
        judge({
          attestations: [weightAccess],
          base: [],
          ctx: { reviews: users.map((u) => approve(u)) },
        }),
        'asl3-sec-weight-access',
      );

    const oneOfTwo = withReviews('bob');
    expect(oneOfTwo.status).toBe('missing');
    expect(oneOfTwo.confirmed_by).toEqual([]);
    expect(oneOfTwo.note).toMatch(/not yet approved on the head commit by @alice$/);

    expect(withReviews('alice').note).toMatch(/not yet approved on the head commit by @bob$/);
    expect(withReviews('bob', 'alice').status).toBe('satisfied');
  });
});

describe('capability decisions', () => {
  const decision = (extra: Partial<Attestation> = {}) =>
    attestation({
      kind: 'decision',
      target: 'CBRN-3',
      verdict: 'below',
      approvedBy: ['carol', 'alice'],
      evidence: 'reports/cbrn-3.pdf',
      ...extra,
    });

  test('a capability decision added in the change does not clear a threshold until its approvers approve', () => {
    const untrusted = judge({
      models: [model(cbrnUndecided())],
      attestations: [decision()],
      base: [],
    });
    expect(thresholdOf(untrusted, 'CBRN-3')).toMatchObject({
      status: 'not_ruled_out',
      decision: null,
    });
    expect(untrusted.models[0]!.levels).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
    expect(untrusted.reasons).toContainEqual(
      expect.objectContaining({
        code: 'attestation-untrusted',
        message: expect.stringMatching(/decision attestation for CBRN-3 is not counted yet/),
      }),
    );

    const approved = judge({
      models: [model(cbrnUndecided())],
      attestations: [decision()],
      base: [],
      ctx: { reviews: [approve('carol'), approve('alice')] },
    });
    expect(thresholdOf(approved, 'CBRN-3').status).toBe('cleared_by_decision');
    expect(approved.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
  });

  test('an expired capability decision no longer clears a threshold', () => {
    const expired = judge({
      models: [model(cbrnUndecided())],
      attestations: [decision({ expires: '2026-11-01' })],
    });
    expect(thresholdOf(expired, 'CBRN-3')).toMatchObject({
      status: 'not_ruled_out',
      decision: null,
    });
    expect(expired.models[0]!.levels.deployment).toBe('ASL-3');

    const current = judge({
      models: [model(cbrnUndecided())],
      attestations: [decision({ expires: '2027-01-01' })],
    });
    expect(thresholdOf(current, 'CBRN-3').status).toBe('cleared_by_decision');
  });
});

describe('thresholds without rule-out conditions', () => {
  test('a threshold with no rule_out conditions is never ruled out by evidence', () => {
    const policy = policyWith(
      `    rule_out:
      - { benchmark: ai-research-suite-2, lt: 0.9, provenance: illustrative }
`,
      '',
    );
    expect(policy.thresholds.find((t) => t.id === 'AI-RND-5')!.ruleOut).toEqual([]);
    // Every benchmark is low and the rule-in (scaleup ≥ 1000) does not hold.
    const result = judge({
      policy,
      models: [model([...belowEverything(), record('scaleup', 'multiplier', 1.5)])],
    });
    expect(thresholdOf(result, 'AI-RND-5')).toMatchObject({
      status: 'not_ruled_out',
      summary:
        'cannot be ruled out, so counts as crossed: no rule-out criteria: only a signed capability decision can clear it',
    });
    // It counts as crossed: security ASL-4, a level this policy leaves undefined, blocks.
    expect(result.models[0]!.levels.security).toBe('ASL-4');
    expect(result.decision).toBe('block');
    // The same evidence rules out the thresholds that have rule-out conditions.
    expect(thresholdOf(result, 'CBRN-3').status).toBe('ruled_out');
  });
});

describe('policy owners', () => {
  test('a policy edit needs an approving review from every policy-owner role, not one', () => {
    const policy = policyWith('policy_owners: [rso]', 'policy_owners: [rso, ceo]');
    const edited = (...users: string[]) =>
      judge({
        policy,
        models: [model(belowEverything())],
        policyChanged: true,
        ctx: { reviews: users.map((u) => approve(u)) },
      });

    for (const one of ['alice', 'carol']) {
      const result = edited(one);
      expect(result.decision, `approved by ${one} only`).toBe('block');
      expect(result.reasons.find((r) => r.code === 'policy-changed')).toMatchObject({
        severity: 'block',
        message: expect.stringContaining('from rso and ceo'),
      });
    }

    const both = edited('alice', 'carol');
    expect(both.decision).toBe('pass');
    expect(both.reasons.find((r) => r.code === 'policy-changed')!.severity).toBe('info');
  });
});

describe('sign-offs', () => {
  test('a sign-off attestation added in the change does not sign off until its approvers approve', () => {
    const signoff = attestation({
      kind: 'signoff',
      target: 'ASL-3',
      approvedBy: ['alice', 'carol'],
    });

    const untrusted = judge({ attestations: [signoff], base: [] });
    expect(untrusted.models[0]!.signoffs).toEqual([
      {
        level: 'ASL-3',
        role: 'ceo',
        status: 'missing',
        by: null,
        via: null,
        date: null,
        expires: null,
      },
      {
        level: 'ASL-3',
        role: 'rso',
        status: 'missing',
        by: null,
        via: null,
        date: null,
        expires: null,
      },
    ]);
    expect(untrusted.decision).toBe('block');

    // The same attestation, already on the base, signs off.
    const onBase = judge({ attestations: [signoff], base: [signoff] });
    expect(onBase.models[0]!.signoffs.map((s) => [s.role, s.status, s.via])).toEqual([
      ['ceo', 'satisfied', 'attestation'],
      ['rso', 'satisfied', 'attestation'],
    ]);
  });
});

describe('trigger reports', () => {
  const report = (date: string) =>
    attestation({
      kind: 'report',
      target: 'capability-report',
      approvedBy: ['alice', 'carol'],
      date,
    });
  const triggerStatus = (facts: Partial<ModelState>, date: string) =>
    judge({ models: [model(belowEverything(), facts)], attestations: [report(date)] }).models[0]!
      .triggers[0]!;

  test('a capability report made before the trigger fired does not answer it, however recent', () => {
    // Assessed 2026-01-01: the six-month deadline fired on 2026-07-01. A report of 2026-06-15 is
    // under six months old today (2026-11-27), but it predates the firing.
    const sixMonths = { assessedAt: '2026-01-01' };
    expect(triggerStatus(sixMonths, '2026-06-15')).toMatchObject({
      fired: true,
      status: 'missing',
    });
    expect(triggerStatus(sixMonths, '2026-07-01').status).toBe('satisfied');

    // 4× the previous model's compute fires from the assessment of 2026-09-01: a report of
    // 2026-08-20 is about an earlier state of the model.
    const fourTimes = {
      assessedAt: '2026-09-01',
      effectiveCompute: 4e25,
      previous: { card: 'models/old/MODEL_CARD.md', id: 'acme/old', effectiveCompute: 1e25 },
    };
    expect(triggerStatus(fourTimes, '2026-08-20')).toMatchObject({
      fired: true,
      status: 'missing',
    });
    expect(triggerStatus(fourTimes, '2026-09-01').status).toBe('satisfied');
  });
});

describe('checklist ticks', () => {
  test("a tick on one model's item does not confirm the same safeguard for another model", () => {
    const models = [
      model(asl3Evidence()),
      model(asl3Evidence(), { id: 'acme/n', card: 'models/n/MODEL_CARD.md' }),
    ];
    const result = judge({
      models,
      ctx: {
        confirmations: [
          {
            model: 'acme/m',
            safeguard: 'asl3-deploy-threat-model',
            user: 'alice',
            at: '2026-11-27T09:00:00Z',
          },
        ],
      },
    });
    expect(result.models.map((m) => m.id)).toEqual(['acme/m', 'acme/n']);
    expect(safeguardOf(result, 'asl3-deploy-threat-model', 0)).toMatchObject({
      status: 'satisfied',
      confirmed_by: [{ user: 'alice', via: 'checklist', file: null, line: null }],
    });
    expect(safeguardOf(result, 'asl3-deploy-threat-model', 1)).toMatchObject({
      status: 'missing',
      confirmed_by: [],
    });
  });
});

/* Who holds a role, who approved, and when an attestation lapses (core/people.ts). */

/** A policy's roles only: rso is two people and one team; team-lead is a team in mixed case. */
const ROLES: Pick<Policy, 'roles'> = {
  roles: new Map([
    [
      'rso',
      { id: 'rso', description: null, users: ['alice', 'Frank'], teams: ['acme/rsp-office'] },
    ],
    ['team-lead', { id: 'team-lead', description: null, users: [], teams: ['Acme/Leads'] }],
    ['ceo', { id: 'ceo', description: null, users: ['carol'], teams: [] }],
  ]),
};

describe('role holders', () => {
  test('any one of the people a role names holds it, in any letter case', () => {
    expect(holdsRole(ROLES, 'rso', 'frank', null)).toEqual({ holds: true, unresolvedTeams: [] });
    expect(holdsRole(ROLES, 'rso', 'ALICE', null)).toEqual({ holds: true, unresolvedTeams: [] });
  });

  test('a role the policy does not define is held by nobody', () => {
    expect(holdsRole(ROLES, 'cfo', 'alice', new Map())).toEqual({
      holds: false,
      unresolvedTeams: [],
    });
  });

  test('any one member of a role’s team holds it; a non-member does not, and nothing is unresolved', () => {
    const teams = new Map([['acme/rsp-office', ['erin', 'gus']]]);
    expect(holdsRole(ROLES, 'rso', 'gus', teams)).toEqual({ holds: true, unresolvedTeams: [] });
    expect(holdsRole(ROLES, 'rso', 'hank', teams)).toEqual({ holds: false, unresolvedTeams: [] });
  });

  test('a team the policy spells in capitals is matched with the membership read for it', () => {
    // The Action keys team membership by the lower-cased team name.
    const teams = new Map([['acme/leads', ['ivy']]]);
    expect(holdsRole(ROLES, 'team-lead', 'ivy', teams).holds).toBe(true);
    // A map keyed by the policy's own spelling works too.
    expect(holdsRole(ROLES, 'team-lead', 'ivy', new Map([['Acme/Leads', ['ivy']]])).holds).toBe(
      true,
    );
  });

  test('a team whose membership cannot be read is named as unresolved, and holds nothing', () => {
    expect(holdsRole(ROLES, 'rso', 'erin', null)).toEqual({
      holds: false,
      unresolvedTeams: ['acme/rsp-office'],
    });
  });
});

describe('approvals on the head commit', () => {
  const review = (
    user: string,
    state: Review['state'],
    submittedAt: string,
    commit = 'head1',
  ): Review => ({ user, state, commit, submittedAt });
  const approvers = (...reviews: Review[]) =>
    [...approversOnHead({ reviews, headSha: 'head1' })].sort();

  test('a comment or a pending review after an approval does not withdraw it', () => {
    expect(
      approvers(
        review('alice', 'APPROVED', '2026-11-27T10:00:00Z'),
        review('alice', 'COMMENTED', '2026-11-27T11:00:00Z'),
        review('bob', 'APPROVED', '2026-11-27T10:00:00Z'),
        review('bob', 'PENDING', '2026-11-27T11:00:00Z'),
      ),
    ).toEqual(['alice', 'bob']);
  });

  test('the latest review decides by its time, whatever order GitHub lists them in', () => {
    expect(
      approvers(
        review('alice', 'CHANGES_REQUESTED', '2026-11-27T11:00:00Z'),
        review('alice', 'APPROVED', '2026-11-27T10:00:00Z'),
      ),
    ).toEqual([]);
    expect(
      approvers(
        review('alice', 'APPROVED', '2026-11-27T11:00:00Z'),
        review('alice', 'CHANGES_REQUESTED', '2026-11-27T10:00:00Z'),
      ),
    ).toEqual(['alice']);
  });

  test('of two reviews in the same second, the one GitHub lists later decides', () => {
    expect(
      approvers(
        review('alice', 'APPROVED', '2026-11-27T10:00:00Z'),
        review('alice', 'CHANGES_REQUESTED', '2026-11-27T10:00:00Z'),
      ),
    ).toEqual([]);
  });

  test('an approval of an earlier commit does not count', () => {
    expect(approvers(review('alice', 'APPROVED', '2026-11-27T10:00:00Z', 'old1'))).toEqual([]);
  });
});

describe('why an attestation or its approvers do not count', () => {
  test('every approver still missing is named', () => {
    const a = attestation({ kind: 'signoff', target: 'ASL-3', approvedBy: ['alice', 'Carol'] });
    expect(trustOf(a, new Set(), new Set())).toEqual({
      trusted: false,
      why: 'new in this change and not yet approved on the head commit by @alice, @Carol',
    });
    expect(trustOf(a, new Set(), new Set(['alice', 'carol']))).toEqual({
      trusted: true,
      why: null,
    });
  });

  test('approvers outside the allowed roles are named, and so is a role no approver holds', () => {
    const policy = testPolicy();
    expect(approversFit(policy, ['dave'], ['rso', 'ceo'], null, false)).toEqual({
      ok: false,
      why: '@dave holds none of the allowed roles (rso, ceo)',
    });
    expect(approversFit(policy, ['dave', 'erin'], ['rso', 'ceo'], null, false)).toEqual({
      ok: false,
      why: '@dave, @erin hold none of the allowed roles (rso, ceo)',
    });
    expect(approversFit(policy, ['bob'], ['ceo', 'rso', 'security-lead'], null, true)).toEqual({
      ok: false,
      why: 'no approver holds the role ceo, rso',
    });
    expect(approversFit(policy, ['alice', 'carol'], ['ceo', 'rso'], null, true)).toEqual({
      ok: true,
      why: null,
    });
  });
});

describe('expiry', () => {
  test('an attestation is valid through the whole of its expiry day, and expired after it', () => {
    const lastSecond = new Date('2026-11-27T23:59:59Z');
    expect(isExpired('2026-01-01', '2026-11-27', null, lastSecond)).toBeNull();
    expect(isExpired('2026-01-01', '2026-11-27', null, new Date('2026-11-28T00:00:00Z'))).toBe(
      'expired on 2026-11-27',
    );
  });

  test('re-approval falls due only once the full number of days has passed', () => {
    // Approved 2026-11-17 with a 10-day limit: still valid at the first moment of 2026-11-27.
    const due = new Date('2026-11-27T00:00:00Z');
    expect(isExpired('2026-11-17', null, 10, due)).toBeNull();
    expect(isExpired('2026-11-17', null, 10, new Date('2026-11-27T00:00:01Z'))).toBe(
      'approved 2026-11-17, which is more than 10 days ago: re-approval is due',
    );
  });
});
