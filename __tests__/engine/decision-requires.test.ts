/**
 * `decision_requires` on a threshold: a `verdict: below` capability decision counts only with a
 * trusted, unexpired `report: <id>` attestation for the model for each id; `above` needs none.
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Attestation, RepositoryState } from '../../src/core/inputs.js';
import { InputError } from '../../src/core/errors.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import {
  NOW,
  TEST_POLICY,
  asl2Attestations,
  attestation,
  context,
  model,
  record,
  state,
} from '../helpers/build.js';

const ANCHOR = '    max_evidence_age_days: 180\n';

function policyRequiring(reports: string[]) {
  expect(TEST_POLICY).toContain(ANCHOR);
  return loadPolicy(
    TEST_POLICY.replace(ANCHOR, `${ANCHOR}    decision_requires: [${reports.join(', ')}]\n`),
    '.github/rsp-policy.yml',
  );
}

/** Uplift 3.5 is between the rule-out and rule-in lines: only a decision can clear CBRN-3. */
const undecided = () => [
  record('bio-uplift-trial', 'ratio', 3.5),
  record('longform-virology', 'score', 0.3),
];

const decision = (extra: Partial<Attestation> = {}) =>
  attestation({
    kind: 'decision',
    target: 'CBRN-3',
    verdict: 'below',
    approvedBy: ['alice', 'carol'],
    file: 'safeguards/decision.yml',
    line: 2,
    ...extra,
  });

const report = (extra: Partial<Attestation> = {}) =>
  attestation({
    kind: 'report',
    target: 'expert-red-team',
    approvedBy: ['dave'],
    file: 'safeguards/red-team.yml',
    line: 5,
    ...extra,
  });

function judged(
  attestations: Attestation[],
  reports = ['expert-red-team'],
  base: RepositoryState | null = null,
) {
  const result = evaluate({
    policy: policyRequiring(reports),
    head: state([model(undecided())], [...asl2Attestations(), ...attestations]),
    base,
    context: context(),
    policyChange: null,
    now: NOW,
  });
  return {
    status: result.models[0]!.thresholds.find((t) => t.id === 'CBRN-3')!.status,
    notCounted: result.reasons
      .filter((r) => r.code === 'decision-not-counted')
      .map((r) => `${r.message} @ ${r.file}:${r.line}`),
  };
}

const NEEDS_RED_TEAM =
  "capability decision on CBRN-3 not counted: needs a `report: expert-red-team` attestation for acme/m, trusted, unexpired and dated no later than the decision (2026-10-20) (the threshold's decision_requires) @ safeguards/decision.yml:2";

describe('a "below" decision counts only with the reports the threshold requires', () => {
  test('without the report the decision is not counted, and the reason names the report', () => {
    expect(judged([decision()])).toEqual({ status: 'not_ruled_out', notCounted: [NEEDS_RED_TEAM] });
  });

  test('with the report the decision clears the threshold, and nothing is reported as not counted', () => {
    expect(judged([decision(), report()])).toEqual({
      status: 'cleared_by_decision',
      notCounted: [],
    });
  });

  test('a report signed by anyone counts, as long as it is trusted', () => {
    expect(judged([decision(), report({ approvedBy: ['mallory'] })]).status).toBe(
      'cleared_by_decision',
    );
  });

  test.each([
    ['an expired report', report({ expires: '2026-11-01' })],
    ['a report for another model', report({ model: 'acme/other' })],
    ['a report with another id', report({ target: 'internal-red-team' })],
    [
      'another kind of attestation with the report id',
      attestation({ kind: 'safeguard', target: 'expert-red-team', approvedBy: ['dave'] }),
    ],
  ])('%s does not satisfy it', (_name, offered) => {
    expect(judged([decision(), offered])).toEqual({
      status: 'not_ruled_out',
      notCounted: [NEEDS_RED_TEAM],
    });
  });

  test('an untrusted report (new in the change, its signer has not approved) does not satisfy it', () => {
    const trustedDecision = decision();
    const base = state([model(undecided())], [...asl2Attestations(), trustedDecision]);
    expect(judged([trustedDecision, report()], ['expert-red-team'], base)).toEqual({
      status: 'not_ruled_out',
      notCounted: [NEEDS_RED_TEAM],
    });
    // The same report on the base branch is trusted.
    const reportOnBase = report();
    const trustedBase = state(
      [model(undecided())],
      [...asl2Attestations(), trustedDecision, reportOnBase],
    );
    expect(judged([trustedDecision, reportOnBase], ['expert-red-team'], trustedBase).status).toBe(
      'cleared_by_decision',
    );
  });

  test('each required report is needed; the reason names only those missing', () => {
    const both = ['expert-red-team', 'uplift-trial'];
    expect(judged([decision(), report()], both)).toEqual({
      status: 'not_ruled_out',
      notCounted: [
        "capability decision on CBRN-3 not counted: needs a `report: uplift-trial` attestation for acme/m, trusted, unexpired and dated no later than the decision (2026-10-20) (the threshold's decision_requires) @ safeguards/decision.yml:2",
      ],
    });
    expect(judged([decision()], both).notCounted).toEqual([
      "capability decision on CBRN-3 not counted: needs a `report: expert-red-team` and a `report: uplift-trial` attestation for acme/m, trusted, unexpired and dated no later than the decision (2026-10-20) (the threshold's decision_requires) @ safeguards/decision.yml:2",
    ]);
    expect(judged([decision(), report(), report({ target: 'uplift-trial' })], both).status).toBe(
      'cleared_by_decision',
    );
  });

  test('a decision that also lacks a role is reported for both', () => {
    expect(judged([decision({ approvedBy: ['alice'] })]).notCounted).toEqual([
      'capability decision on CBRN-3 not counted: no approver holds the role ceo @ safeguards/decision.yml:2',
      NEEDS_RED_TEAM,
    ]);
  });

  test('an untrusted decision is reported as untrusted only', () => {
    const base = state([model(undecided())], asl2Attestations());
    const { notCounted } = judged([decision()], ['expert-red-team'], base);
    expect(notCounted).toHaveLength(1);
    expect(notCounted[0]).toMatch(/not counted: new in this change and not yet approved/);
  });
});

describe('an "above" decision never needs reports', () => {
  test('it crosses the threshold without the report, and is not reported as not counted', () => {
    expect(judged([decision({ verdict: 'above' })])).toEqual({ status: 'crossed', notCounted: [] });
  });

  test('it still wins over a "below" that has its report', () => {
    expect(
      judged([decision(), report(), decision({ verdict: 'above', file: 'safeguards/up.yml' })])
        .status,
    ).toBe('crossed');
  });
});

describe('a threshold without decision_requires', () => {
  test('counts a "below" decision with no report, as before', () => {
    const result = evaluate({
      policy: loadPolicy(TEST_POLICY, '.github/rsp-policy.yml'),
      head: state([model(undecided())], [...asl2Attestations(), decision()]),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.models[0]!.thresholds.find((t) => t.id === 'CBRN-3')!.status).toBe(
      'cleared_by_decision',
    );
  });
});

describe('the policy loader', () => {
  test('reads decision_requires onto the threshold', () => {
    expect(policyRequiring(['expert-red-team']).thresholds[0]!.decisionRequires).toEqual([
      'expert-red-team',
    ]);
    expect(loadPolicy(TEST_POLICY, 'p.yml').thresholds[0]!.decisionRequires).toEqual([]);
  });

  test('refuses an empty list, at its line', () => {
    let error: unknown;
    try {
      policyRequiring([]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('schema');
    expect((error as InputError).location).toMatchObject({
      line: TEST_POLICY.split('\n').indexOf(ANCHOR.trimEnd()) + 2,
    });
  });
});
