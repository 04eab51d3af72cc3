/**
 * Sign-off expiry (issue 11 D): a sign-off rule's `expires_after_days` and a sign-off
 * attestation's own `expires` end a sign-off, by the same rule as safeguards; a review signs off
 * as of the day it was submitted. An expired sign-off blocks (`signoff-expired`).
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Attestation, Review, ReviewContext } from '../../src/core/inputs.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import {
  NOW,
  TEST_POLICY,
  approve,
  asl2Attestations,
  attestation,
  context,
  model,
  record,
  state,
} from '../helpers/build.js';

const RULE = 'signoffs:\n  - { level: ASL-3, roles: [ceo, rso] }';

/** The test policy, its ASL-3 sign-off renewed every `days` days (or never, for null). */
function policy(days: number | null) {
  const text =
    days === null
      ? TEST_POLICY
      : TEST_POLICY.replace(RULE, `${RULE.slice(0, -2)}, expires_after_days: ${days} }`);
  return loadPolicy(text, '.github/rsp-policy.yml');
}

/** CBRN-3 crossed: ASL-3, so the ASL-3 sign-off by ceo and rso applies. */
const asl3 = () => [
  record('bio-uplift-trial', 'ratio', 5.3),
  record('longform-virology', 'score', 0.3),
  record('ai-research-suite-2', 'score', 0.2),
];

function run(days: number | null, attestations: Attestation[], reviews: Review[] = []) {
  return evaluate({
    policy: policy(days),
    head: state([model(asl3())], [...asl2Attestations(), ...attestations]),
    base: null,
    context: context({ reviews } as Partial<ReviewContext>),
    policyChange: null,
    now: NOW,
  });
}

const signoff = (extra: Partial<Attestation> = {}) =>
  attestation({ kind: 'signoff', target: 'ASL-3', approvedBy: ['alice', 'carol'], ...extra });

const expiredReasons = (result: ReturnType<typeof run>) =>
  result.reasons.filter((r) => r.code === 'signoff-expired');

describe('a sign-off rule with expires_after_days', () => {
  test('loads, and a value below one day is a schema error', () => {
    expect(policy(365).signoffs[0]!.expiresAfterDays).toBe(365);
    expect(policy(null).signoffs[0]!.expiresAfterDays).toBeNull();
    expect(() => policy(0)).toThrow(/expires_after_days/);
  });

  test('a signed attestation older than the rule allows has expired, and blocks saying until when it was valid and how to renew', () => {
    // 2025-11-27 + 365 days is 2026-11-27: on that day (NOW) re-approval is due.
    const result = run(365, [signoff({ date: '2025-11-27' })]);
    expect(result.models[0]!.signoffs).toEqual([
      {
        level: 'ASL-3',
        role: 'ceo',
        status: 'expired',
        by: 'carol',
        via: 'attestation',
        date: '2025-11-27',
        expires: '2026-11-26',
      },
      {
        level: 'ASL-3',
        role: 'rso',
        status: 'expired',
        by: 'alice',
        via: 'attestation',
        date: '2025-11-27',
        expires: '2026-11-26',
      },
    ]);
    expect(result.decision).toBe('block');
    const reasons = expiredReasons(result);
    expect(reasons.map((r) => r.severity)).toEqual(['block', 'block']);
    expect(reasons[0]).toMatchObject({
      model: 'acme/m',
      file: 'models/m/MODEL_CARD.md',
      line: 3,
      message:
        'ASL-3 sign-off by ceo (@carol, `signoff: ASL-3` attestation dated 2025-11-27) has expired: it was valid until 2026-11-26; renew it with an approving review on the head commit from ceo, or a new dated `signoff: ASL-3` attestation',
    });
    // An expired sign-off is not reported as missing as well.
    expect(result.reasons.some((r) => r.code === 'signoff-missing')).toBe(false);
  });

  test('on its last valid day a sign-off still counts, and says until when', () => {
    const result = run(365, [signoff({ date: '2025-11-28' })]);
    expect(result.models[0]!.signoffs.map((s) => [s.status, s.date, s.expires])).toEqual([
      ['satisfied', '2025-11-28', '2026-11-27'],
      ['satisfied', '2025-11-28', '2026-11-27'],
    ]);
    expect(expiredReasons(result)).toEqual([]);
  });

  test('without the rule, an old sign-off with no expires never expires', () => {
    const result = run(null, [signoff({ date: '2020-01-01' })]);
    expect(result.models[0]!.signoffs.map((s) => [s.status, s.date, s.expires])).toEqual([
      ['satisfied', '2020-01-01', null],
      ['satisfied', '2020-01-01', null],
    ]);
  });
});

describe('who a sign-off attestation signs off for', () => {
  test('only a signer holding the role: an rso-only attestation leaves the ceo missing', () => {
    const result = run(365, [signoff({ approvedBy: ['alice'] })]);
    expect(result.models[0]!.signoffs.map((s) => [s.role, s.status, s.by])).toEqual([
      ['ceo', 'missing', null],
      ['rso', 'satisfied', 'alice'],
    ]);
  });
});

describe("a sign-off attestation's own expires", () => {
  test('is honoured: past it, the sign-off has expired', () => {
    const result = run(null, [signoff({ expires: '2026-11-26' })]);
    expect(result.models[0]!.signoffs.map((s) => [s.status, s.expires])).toEqual([
      ['expired', '2026-11-26'],
      ['expired', '2026-11-26'],
    ]);
    expect(expiredReasons(result)[1]!.message).toContain(
      '(@alice, `signoff: ASL-3` attestation dated 2026-10-20) has expired: it was valid until 2026-11-26',
    );
  });

  test('its own last day still counts', () => {
    const result = run(null, [signoff({ expires: '2026-11-27' })]);
    expect(result.models[0]!.signoffs.map((s) => [s.status, s.expires])).toEqual([
      ['satisfied', '2026-11-27'],
      ['satisfied', '2026-11-27'],
    ]);
  });

  test('with the rule too, the earlier of the two ends it', () => {
    const earlyOwn = run(365, [signoff({ date: '2026-10-20', expires: '2026-12-31' })]);
    expect(earlyOwn.models[0]!.signoffs[0]).toMatchObject({
      status: 'satisfied',
      expires: '2026-12-31',
    });
    const earlyRule = run(365, [signoff({ date: '2025-12-01', expires: '2027-06-30' })]);
    expect(earlyRule.models[0]!.signoffs[0]).toMatchObject({
      status: 'satisfied',
      expires: '2026-11-30',
    });
    const ruleOver = run(365, [signoff({ date: '2025-11-01', expires: '2027-06-30' })]);
    expect(ruleOver.models[0]!.signoffs[0]).toMatchObject({
      status: 'expired',
      expires: '2026-10-31',
    });
  });
});

describe('a sign-off by approving review is dated by the day it was submitted', () => {
  test('a recent review on the head signs off, dated and valid for the rule', () => {
    const result = run(365, [], [approve('carol', 'head1', '2026-11-20T08:30:00Z')]);
    expect(result.models[0]!.signoffs[0]).toEqual({
      level: 'ASL-3',
      role: 'ceo',
      status: 'satisfied',
      by: 'carol',
      via: 'review',
      date: '2026-11-20',
      expires: '2027-11-19',
    });
  });

  test('an old approval of a head that has not changed since has expired: the approver must approve again', () => {
    const result = run(365, [], [approve('carol', 'head1', '2025-11-01T09:00:00Z')]);
    expect(result.models[0]!.signoffs[0]).toMatchObject({
      status: 'expired',
      by: 'carol',
      via: 'review',
      date: '2025-11-01',
      expires: '2026-10-31',
    });
    expect(expiredReasons(result)[0]!.message).toBe(
      'ASL-3 sign-off by ceo (@carol, approving review of 2025-11-01) has expired: it was valid until 2026-10-31; renew it with an approving review on the head commit from ceo, or a new dated `signoff: ASL-3` attestation',
    );

    // Approving the same head again renews it: the latest review decides.
    const renewed = run(
      365,
      [],
      [
        approve('carol', 'head1', '2025-11-01T09:00:00Z'),
        approve('carol', 'head1', '2026-11-26T09:00:00Z'),
      ],
    );
    expect(renewed.models[0]!.signoffs[0]).toMatchObject({
      status: 'satisfied',
      date: '2026-11-26',
      expires: '2027-11-25',
    });
  });

  test('the date is the UTC day of the submission time', () => {
    // 01:00 at +05:00 on 28 November is 20:00 UTC on 27 November 2025: 365 days before NOW.
    const result = run(365, [], [approve('carol', 'head1', '2025-11-28T01:00:00+05:00')]);
    expect(result.models[0]!.signoffs[0]).toMatchObject({
      status: 'expired',
      date: '2025-11-27',
      expires: '2026-11-26',
    });
  });

  test('an expired review does not hide a valid sign-off attestation, and vice versa', () => {
    const viaAttestation = run(
      365,
      [signoff({ date: '2026-10-20' })],
      [approve('carol', 'head1', '2025-01-01T09:00:00Z')],
    );
    expect(viaAttestation.models[0]!.signoffs[0]).toMatchObject({
      status: 'satisfied',
      by: 'carol',
      via: 'attestation',
      date: '2026-10-20',
    });
    const viaReview = run(
      365,
      [signoff({ date: '2025-01-01' })],
      [approve('carol', 'head1', '2026-11-27T09:00:00Z')],
    );
    expect(viaReview.models[0]!.signoffs[0]).toMatchObject({ status: 'satisfied', via: 'review' });
  });

  test('a review GitHub gives no submission time for cannot show it is recent: under the rule it has expired', () => {
    const undated = run(365, [], [approve('carol', 'head1', '')]);
    expect(undated.models[0]!.signoffs[0]).toMatchObject({
      status: 'expired',
      via: 'review',
      date: null,
      expires: null,
    });
    expect(expiredReasons(undated)[0]!.message).toContain(
      '(@carol, approving review of no date) has expired: it is undated, so it cannot show it is recent',
    );
    // Without the rule nothing needs a date.
    const noRule = run(null, [], [approve('carol', 'head1', '')]);
    expect(noRule.models[0]!.signoffs[0]).toMatchObject({
      status: 'satisfied',
      date: null,
      expires: null,
    });
  });

  test('a review on an older commit is no sign-off at all: missing, not expired', () => {
    const result = run(365, [], [approve('carol', 'old0', '2026-11-27T09:00:00Z')]);
    expect(result.models[0]!.signoffs[0]).toMatchObject({
      status: 'missing',
      by: null,
      via: null,
      date: null,
      expires: null,
    });
  });
});
