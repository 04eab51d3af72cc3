/**
 * Attacks on the issue 11 mechanisms (sign-off expiry, declared levels, too_close_within bands):
 * inputs an author under deadline pressure could write to get past them. Each test states the
 * safe outcome.
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import { InputError } from '../../src/core/errors.js';
import type { Attestation } from '../../src/core/inputs.js';
import { isExpired } from '../../src/core/people.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { renderExplanation } from '../../src/render/render-explanation.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import {
  NOW,
  TEST_POLICY,
  asl2Attestations,
  attestation,
  belowEverything,
  context,
  model,
  record,
  state,
  testPolicy,
} from '../helpers/build.js';

const RULE = 'signoffs:\n  - { level: ASL-3, roles: [ceo, rso] }';

/** CBRN-3 crossed: ASL-3, so the ASL-3 sign-off by ceo and rso applies. */
const asl3 = () => [
  record('bio-uplift-trial', 'ratio', 5.3),
  record('longform-virology', 'score', 0.3),
  record('ai-research-suite-2', 'score', 0.2),
];

function judge(policyText: string, attestations: Attestation[], evidence = asl3()) {
  return evaluate({
    policy: loadPolicy(policyText, '.github/rsp-policy.yml'),
    head: state([model(evidence)], [...asl2Attestations(), ...attestations]),
    base: null,
    context: context(),
    policyChange: null,
    now: NOW,
  });
}

describe('an approval dated ahead of today cannot put off its re-approval', () => {
  test('a sign-off attestation dated 2099 under a 365-day rule does not count, and the block says it is dated after today', () => {
    const policy = TEST_POLICY.replace(RULE, `${RULE.slice(0, -2)}, expires_after_days: 365 }`);
    const signoff = attestation({
      kind: 'signoff',
      target: 'ASL-3',
      approvedBy: ['alice', 'carol'],
      date: '2099-01-01',
    });
    const result = judge(policy, [signoff]);
    expect(result.models[0]!.signoffs.map((s) => [s.role, s.status])).toEqual([
      ['ceo', 'expired'],
      ['rso', 'expired'],
    ]);
    expect(result.decision).toBe('block');
    const reasons = result.reasons.filter((r) => r.code === 'signoff-expired');
    expect(reasons.map((r) => r.severity)).toEqual(['block', 'block']);
    expect(reasons[0]!.message).toBe(
      'ASL-3 sign-off by ceo (@carol, `signoff: ASL-3` attestation dated 2099-01-01) does not count: it is dated after today, so it cannot show when it was given; renew it with an approving review on the head commit from ceo, or a new dated `signoff: ASL-3` attestation',
    );
    // The comment and the explanation say so too, with no "valid until" in 2099.
    const comment = renderMarkdown(result);
    expect(comment).toContain(
      '- ⏰ `ceo` — the sign-off by @carol (signed attestation of 2099-01-01) is dated after today, so it does not count: renew with an approving review on the head commit, or a new dated `signoff: ASL-3` attestation',
    );
    expect(comment).not.toContain('2099-12-31');
    const explanation = renderExplanation(result, result.models[0]!, loadPolicy(policy, 'p.yml'));
    expect(explanation).toContain(
      '✗ ASL-3 ceo by @carol (attestation of 2099-01-01) — dated after today, not counted\n',
    );
    expect(explanation).not.toContain('2099-12-31');
  });

  test('a safeguard renewed every 365 days, signed with a date in 2099, is not in place', () => {
    const safeguard = attestation({
      kind: 'safeguard',
      target: 'asl3-sec-weight-access',
      approvedBy: ['bob', 'alice'],
      date: '2099-06-01',
    });
    const result = judge(TEST_POLICY, [safeguard]);
    const judged = result.models[0]!.safeguards.find((s) => s.id === 'asl3-sec-weight-access')!;
    expect(judged.status).not.toBe('satisfied');
    expect(result.decision).toBe('block');
  });

  test('a declaration dated ahead, under declared_levels with expires_after_days, is not counted', () => {
    const declared = '\ndeclared_levels: { signers: [ceo, rso], expires_after_days: 200 }\n';
    const declaration = attestation({
      kind: 'declaration',
      target: 'ASL-2',
      approvedBy: ['alice', 'carol'],
      date: '2030-01-01',
    });
    const result = evaluate({
      policy: testPolicy(declared),
      head: state([model(belowEverything())], [...asl2Attestations(), declaration]),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.models[0]!.declared).toBeNull();
    expect(result.reasons.filter((r) => r.code === 'declaration-not-counted')[0]!.message).toBe(
      'declaration of ASL-2 for acme/m is not counted: dated 2030-01-01, after today, so it cannot show when it was made',
    );
    expect(result.reasons.some((r) => r.code === 'level-undeclared')).toBe(true);
    expect(result.decision).toBe('block');
  });

  test('a date one day ahead of UTC (a time zone east of it) still counts; two days ahead does not', () => {
    // At NOW (2026-11-27 12:00 UTC) it is already 2026-11-28 east of UTC+12.
    expect(isExpired('2026-11-28', null, 365, NOW)).toBeNull();
    expect(isExpired('2026-11-29', null, 365, NOW)).toBe(
      'dated 2026-11-29, after today: an approval cannot be dated ahead',
    );
    // At midnight UTC, the next day is still allowed, the one after is not.
    const midnight = new Date('2026-11-28T00:00:00Z');
    expect(isExpired('2026-11-29', null, 30, midnight)).toBeNull();
    expect(isExpired('2026-11-30', null, 30, midnight)).not.toBeNull();
  });

  test('without an expiry rule a date ahead does not count either', () => {
    expect(isExpired('2099-01-01', null, null, NOW)).toBe(
      'dated 2099-01-01, after today: an approval cannot be dated ahead',
    );
    expect(isExpired('2026-11-28', null, null, NOW)).toBeNull();
  });
});

describe('a relative too_close_within band needs a line that is not zero', () => {
  test('a relative band on a line of 0 is a located load error, not a band of width 0', () => {
    const line = '      - { benchmark: bio-uplift-trial, lte: 2.8, provenance: published }';
    const zero =
      '      - { benchmark: bio-uplift-trial, lte: 0, provenance: published, too_close_within: { relative: 0.1, provenance: illustrative } }';
    expect(TEST_POLICY).toContain(line);
    let error: unknown;
    try {
      loadPolicy(TEST_POLICY.replace(line, zero), '.github/rsp-policy.yml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      'policy: a relative too_close_within band is a fraction of the line, and this line is 0, so the band would be empty',
    );
    expect((error as InputError).location?.line).toBe(TEST_POLICY.split('\n').indexOf(line) + 1);
  });
});

describe('decision_requires: a report written after the decision cannot make it count', () => {
  const ANCHOR = '    max_evidence_age_days: 180\n';
  const requiring = TEST_POLICY.replace(
    ANCHOR,
    `${ANCHOR}    decision_requires: [expert-red-team]\n`,
  );
  /** Uplift 3.5 lies between the rule-out and rule-in lines: only a decision clears CBRN-3. */
  const undecided = () => [
    record('bio-uplift-trial', 'ratio', 3.5),
    record('longform-virology', 'score', 0.3),
  ];
  const decision = attestation({
    kind: 'decision',
    target: 'CBRN-3',
    verdict: 'below',
    approvedBy: ['alice', 'carol'],
    date: '2026-10-20',
    file: 'safeguards/decision.yml',
    line: 2,
  });
  const report = (date: string) =>
    attestation({
      kind: 'report',
      target: 'expert-red-team',
      approvedBy: ['mallory'],
      date,
      file: 'safeguards/red-team.yml',
      line: 5,
    });
  const cbrn3 = (attestations: Attestation[]) => {
    const result = judge(requiring, attestations, undecided());
    return {
      status: result.models[0]!.thresholds.find((t) => t.id === 'CBRN-3')!.status,
      notCounted: result.reasons
        .filter((r) => r.code === 'decision-not-counted')
        .map((r) => r.message),
    };
  };

  test('a decision signed 2026-10-20 and a red-team report dated 2026-11-01 (added later by a teammate): the decision is not counted', () => {
    expect(TEST_POLICY).toContain(ANCHOR);
    expect(cbrn3([decision, report('2026-11-01')])).toEqual({
      status: 'not_ruled_out',
      notCounted: [
        "capability decision on CBRN-3 not counted: needs a `report: expert-red-team` attestation for acme/m, trusted, unexpired and dated no later than the decision (2026-10-20) (the threshold's decision_requires)",
      ],
    });
  });

  test('a decision dated 2099, which would outdate any later report, is not counted', () => {
    const ahead = { ...decision, date: '2099-01-01' };
    expect(cbrn3([ahead, report('2026-11-01')])).toEqual({
      status: 'not_ruled_out',
      notCounted: [
        'capability decision on CBRN-3 not counted: dated 2099-01-01, after today: an approval cannot be dated ahead',
      ],
    });
  });

  test('a report of the same day, or of an earlier day, lets the decision count', () => {
    expect(cbrn3([decision, report('2026-10-20')])).toEqual({
      status: 'cleared_by_decision',
      notCounted: [],
    });
    expect(cbrn3([decision, report('2026-09-01')])).toEqual({
      status: 'cleared_by_decision',
      notCounted: [],
    });
  });
});

describe('declared levels: a declaration dated ahead of today', () => {
  test('does not supersede a current one, even without expires_after_days: a lower level dated 2099 leaves the ASL-3 declared today in force', () => {
    const declaration = (level: string, date: string, line: number) =>
      attestation({
        kind: 'declaration',
        target: level,
        approvedBy: ['alice', 'carol'],
        date,
        file: 'safeguards/declaration.yml',
        line,
      });
    const result = evaluate({
      policy: testPolicy('\ndeclared_levels: { signers: [ceo, rso] }\n'),
      head: state(
        [model(belowEverything())],
        [
          ...asl2Attestations(),
          declaration('ASL-3', '2026-11-27', 3),
          declaration('ASL-2', '2099-01-01', 9),
        ],
      ),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.models[0]!.declared).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
    expect(
      result.reasons.filter((r) => r.code === 'declaration-not-counted').map((r) => r.message),
    ).toEqual([
      'declaration of ASL-2 for acme/m is not counted: dated 2099-01-01, after today, so it cannot show when it was made',
    ]);
  });
});

describe('declared levels on a pull request', () => {
  test('a new, later declaration that lowers the level, signed by the declaration signers, still needs the policy owners', () => {
    const policy = testPolicy('\ndeclared_levels: { signers: [ceo, security-lead] }\n');
    const declaration = (level: string, date: string) =>
      attestation({
        kind: 'declaration',
        target: level,
        approvedBy: ['bob', 'carol'],
        date,
        file: 'safeguards/declaration.yml',
        line: 3,
      });
    const onBase = [...asl2Attestations(), declaration('ASL-3', '2026-10-01')];
    const approve = (user: string) => ({
      user,
      state: 'APPROVED' as const,
      commit: 'head1',
      submittedAt: '2026-11-27T10:00:00Z',
    });
    const result = evaluate({
      policy,
      head: state([model(belowEverything())], [...onBase, declaration('ASL-2', '2026-11-20')]),
      base: state([model(belowEverything())], onBase),
      context: context({ reviews: [approve('bob'), approve('carol')] }),
      policyChange: null,
      now: NOW,
    });
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    const lowered = result.reasons.filter((r) => r.code === 'level-lowered');
    expect(lowered.map((r) => [r.severity, r.message])).toEqual([
      [
        'block',
        'acme/m deployment: ASL-3 → ASL-2 because it is declared ASL-2 where it was ASL-3 — needs an approving review on the head commit from rso',
      ],
      [
        'block',
        'acme/m security: ASL-3 → ASL-2 because it is declared ASL-2 where it was ASL-3 — needs an approving review on the head commit from rso',
      ],
    ]);
    expect(result.decision).toBe('block');
  });

  test('a declaration that raises the level says so, rather than naming no threshold', () => {
    const policy = testPolicy('\ndeclared_levels: { signers: [ceo, security-lead] }\n');
    const declaration = (level: string) =>
      attestation({
        kind: 'declaration',
        target: level,
        approvedBy: ['bob', 'carol'],
        date: '2026-10-01',
      });
    const result = evaluate({
      policy,
      head: state([model(belowEverything())], [...asl2Attestations(), declaration('ASL-3')]),
      base: state([model(belowEverything())], [...asl2Attestations(), declaration('ASL-2')]),
      context: context({
        reviews: ['bob', 'carol'].map((user) => ({
          user,
          state: 'APPROVED' as const,
          commit: 'head1',
          submittedAt: '2026-11-27T10:00:00Z',
        })),
      }),
      policyChange: null,
      now: NOW,
    });
    expect(
      result.reasons.filter((r) => r.code === 'level-raised').map((r) => [r.severity, r.message]),
    ).toEqual([
      ['info', 'acme/m deployment: ASL-2 → ASL-3 because it is declared ASL-3'],
      ['info', 'acme/m security: ASL-2 → ASL-3 because it is declared ASL-3'],
    ]);
  });
});

describe('a too_close_within band inside an `any` rule-out group', () => {
  test('a leaf too close does not stop another branch from ruling out (the policy says either suffices), and stays marked too close', () => {
    const line = '          - { benchmark: ai-research-suite-2, lt: 0.6, provenance: published }';
    expect(TEST_POLICY).toContain(line);
    const banded = TEST_POLICY.replace(
      line,
      '          - { benchmark: ai-research-suite-2, lt: 0.6, provenance: published, too_close_within: { absolute: 0.1 } }',
    );
    const judged = (evidence: ReturnType<typeof record>[]) =>
      judge(banded, [], evidence).models[0]!.thresholds.find((t) => t.id === 'AI-RND-4')!;
    // 0.55 is within 0.1 of < 0.6; the other branch (scaleup < 2 and suite < 0.8) holds.
    const both = judged([
      ...belowEverything().filter((r) => r.benchmark !== 'ai-research-suite-2'),
      record('ai-research-suite-2', 'score', 0.55),
      record('scaleup', 'multiplier', 1.5),
    ]);
    expect(both.status).toBe('ruled_out');
    expect(both.evidence.find((e) => e.op === 'lt' && e.threshold === 0.6)!.too_close).toBe(true);
    // Without the other branch's evidence, the too-close leaf alone cannot rule out.
    const alone = judged([
      ...belowEverything().filter((r) => r.benchmark !== 'ai-research-suite-2'),
      record('ai-research-suite-2', 'score', 0.55),
    ]);
    expect(alone.status).toBe('not_ruled_out');
  });
});
