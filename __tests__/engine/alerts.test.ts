/**
 * Alert thresholds (`alert_if` + `alert_response`): a reached alert needs a trusted, dated,
 * unexpired `report: <id>` signed by every signer role; it never changes the status or the level.
 */
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { evaluate } from '../../src/core/evaluate.js';
import type { EvidenceRecord } from '../../src/core/evidence.js';
import type { Attestation, RepositoryState } from '../../src/core/inputs.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
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
} from '../helpers/build.js';

const ANCHOR = '    max_evidence_age_days: 180\n';
const WMDP_ALERT = '      - { benchmark: wmdp-bio, gte: 0.6, provenance: illustrative }';
const RESPONSE = '    alert_response: { report: cbrn-response-plan, signers: [ceo, rso] }';

/** The test policy with CBRN-3 given `alert_if` (the lines under it) and `alert_response`. */
function alertPolicyText(conditions = [WMDP_ALERT], response: string | null = RESPONSE): string {
  expect(TEST_POLICY).toContain(ANCHOR);
  const alertIf = conditions.length ? `    alert_if:\n${conditions.join('\n')}\n` : '';
  return TEST_POLICY.replace(ANCHOR, `${ANCHOR}${alertIf}${response ? `${response}\n` : ''}`);
}

const plan = (extra: Partial<Attestation> = {}) =>
  attestation({
    kind: 'report',
    target: 'cbrn-response-plan',
    approvedBy: ['alice', 'carol'],
    file: 'safeguards/plan.yml',
    line: 6,
    ...extra,
  });

const wmdp = (value: number) =>
  record('wmdp-bio', 'accuracy', value, { file: 'models/m/evals/wmdp.evidence.yml', line: 12 });

function judged(
  evidence: EvidenceRecord[],
  attestations: Attestation[] = [],
  options: { conditions?: string[]; base?: RepositoryState | null } = {},
) {
  const result = evaluate({
    policy: loadPolicy(alertPolicyText(options.conditions), '.github/rsp-policy.yml'),
    head: state([model(evidence)], [...asl2Attestations(), ...attestations]),
    base: options.base ?? null,
    context: context(),
    policyChange: null,
    now: NOW,
  });
  const threshold = result.models[0]!.thresholds.find((t) => t.id === 'CBRN-3')!;
  const alertReasons = result.reasons.filter((r) => r.code.startsWith('alert-'));
  return { result, threshold, alert: threshold.alert!, alertReasons };
}

const MISSING_MESSAGE =
  'CBRN-3: alert threshold reached (0.65 meets wmdp-bio accuracy ≥ 0.6, models/m/evals/wmdp.evidence.yml:12): a `report: cbrn-response-plan` attestation signed by ceo and rso is required; the alert does not raise the level';

describe('an alert that is not reached', () => {
  test('is recorded as not reached, with no conditions, no location and no reason', () => {
    const { threshold, alertReasons } = judged([...belowEverything(), wmdp(0.55)]);
    expect(threshold.alert).toEqual({
      reached: false,
      conditions: [],
      report: 'cbrn-response-plan',
      signers: ['ceo', 'rso'],
      status: 'not_reached',
      file: null,
      line: null,
    });
    expect(alertReasons).toEqual([]);
  });

  test('a threshold without alert_if has no alert', () => {
    const result = evaluate({
      policy: loadPolicy(TEST_POLICY, '.github/rsp-policy.yml'),
      head: state([model([...belowEverything(), wmdp(0.9)])]),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.models[0]!.thresholds.map((t) => t.alert)).toEqual([null, null, null]);
    expect(result.reasons.filter((r) => r.code.startsWith('alert-'))).toEqual([]);
  });
});

describe('an alert that is reached without its response', () => {
  test('blocks, naming the threshold, the condition, the report and the signers', () => {
    const { result, alertReasons } = judged([...belowEverything(), wmdp(0.65)]);
    expect(alertReasons).toEqual([
      {
        code: 'alert-response-missing',
        severity: 'block',
        message: MISSING_MESSAGE,
        file: 'models/m/evals/wmdp.evidence.yml',
        line: 12,
        model: 'acme/m',
      },
    ]);
    expect(result.decision).toBe('block');
  });

  test('leaves the status and the level alone', () => {
    const { result, threshold, alert } = judged([...belowEverything(), wmdp(0.65)]);
    expect(threshold.status).toBe('ruled_out');
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    expect(alert).toMatchObject({ reached: true, status: 'missing', file: null, line: null });
    expect(alert.conditions).toHaveLength(1);
    expect(alert.conditions[0]).toMatchObject({
      rule: 'alert_if',
      benchmark: 'wmdp-bio',
      holds: true,
      value: 0.65,
      threshold: 0.6,
      file: 'models/m/evals/wmdp.evidence.yml',
      line: 12,
    });
  });

  test('is judged on a crossed threshold too', () => {
    const { threshold, alert } = judged([
      record('bio-uplift-trial', 'ratio', 6),
      record('longform-virology', 'score', 0.3),
      wmdp(0.65),
    ]);
    expect(threshold.status).toBe('crossed');
    expect(alert.status).toBe('missing');
  });

  test('a stale or partial run still reaches it, as a review flag would', () => {
    const stale = record('wmdp-bio', 'accuracy', 0.65, {
      date: '2024-01-01T00:00:00Z',
      status: 'partial',
    });
    expect(judged([...belowEverything(), stale]).alert.reached).toBe(true);
  });
});

describe('the response that satisfies a reached alert', () => {
  test('a trusted report signed by every signer role satisfies it: a note, not a block', () => {
    const { result, alert, alertReasons } = judged(
      [...belowEverything(), wmdp(0.65)],
      [plan(), ...asl2Attestations()],
    );
    expect(alert).toMatchObject({
      reached: true,
      status: 'satisfied',
      file: 'safeguards/plan.yml',
      line: 6,
    });
    expect(alertReasons).toEqual([
      {
        code: 'alert-reached',
        severity: 'info',
        message:
          'CBRN-3: alert threshold reached (0.65 meets wmdp-bio accuracy ≥ 0.6, models/m/evals/wmdp.evidence.yml:12), answered by the `report: cbrn-response-plan` signed by ceo and rso; the alert does not raise the level',
        file: 'safeguards/plan.yml',
        line: 6,
        model: 'acme/m',
      },
    ]);
    expect(result.decision).toBe('pass');
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
  });

  test.each([
    ['signed by only one of the signer roles', plan({ approvedBy: ['alice'] })],
    [
      'signed also by someone holding neither role',
      plan({ approvedBy: ['alice', 'carol', 'bob'] }),
    ],
    ['expired', plan({ expires: '2026-11-01' })],
    ['undated', plan({ date: null })],
    ['for another model', plan({ model: 'acme/other' })],
    ['under another report id', plan({ target: 'cyber-response-plan' })],
    [
      'another kind of attestation with the report id',
      attestation({
        kind: 'signoff',
        target: 'cbrn-response-plan',
        approvedBy: ['alice', 'carol'],
      }),
    ],
  ])('a report %s does not satisfy it', (_name, offered) => {
    const { alert, alertReasons } = judged([...belowEverything(), wmdp(0.65)], [offered]);
    expect(alert.status).toBe('missing');
    expect(alertReasons.map((r) => r.message)).toEqual([MISSING_MESSAGE]);
  });

  test('an untrusted report (new in the change, not approved on the head) does not satisfy it', () => {
    const evidence = [...belowEverything(), wmdp(0.65)];
    const base = state([model(evidence)], asl2Attestations());
    expect(judged(evidence, [plan()], { base }).alert.status).toBe('missing');
    const trusted = state([model(evidence)], [...asl2Attestations(), plan()]);
    expect(judged(evidence, [plan()], { base: trusted }).alert.status).toBe('satisfied');
  });
});

describe('alert conditions use the review_if grammar', () => {
  const ANY = [
    '      - any:',
    '          - { benchmark: wmdp-bio, gte: 0.6 }',
    '          - { benchmark: ai-research-suite-2, gte: 0.9 }',
  ];
  const ALL = [
    '      - all:',
    '          - { benchmark: wmdp-bio, gte: 0.6 }',
    '          - { benchmark: ai-research-suite-2, gte: 0.9 }',
  ];

  test('an `any` reaches the alert on one branch, and lists only the leaf that holds', () => {
    const { alert } = judged([...belowEverything(), wmdp(0.65)], [], { conditions: ANY });
    expect(alert.reached).toBe(true);
    expect(alert.conditions.map((c) => c.benchmark)).toEqual(['wmdp-bio']);
  });

  test('an `all` with one branch holding is not reached, and lists nothing', () => {
    const { alert } = judged([...belowEverything(), wmdp(0.65)], [], { conditions: ALL });
    expect(alert).toMatchObject({ reached: false, status: 'not_reached', conditions: [] });
  });

  test('an `all` with every branch holding lists both leaves', () => {
    const evidence = [
      record('bio-uplift-trial', 'ratio', 1.6),
      record('longform-virology', 'score', 0.31),
      record('ai-research-suite-2', 'score', 0.95),
      wmdp(0.65),
    ];
    const { alert } = judged(evidence, [], { conditions: ALL });
    expect(alert.conditions.map((c) => c.benchmark)).toEqual(['wmdp-bio', 'ai-research-suite-2']);
  });

  test('of two conditions, only the one that holds is listed', () => {
    const other = '      - { benchmark: ai-research-suite-2, gte: 0.9 }';
    const { alert } = judged([...belowEverything(), wmdp(0.65)], [], {
      conditions: [other, WMDP_ALERT],
    });
    expect(alert.conditions.map((c) => c.benchmark)).toEqual(['wmdp-bio']);
  });
});

describe('the policy loader', () => {
  function errorOf(text: string): InputError {
    try {
      loadPolicy(text, '.github/rsp-policy.yml');
    } catch (error) {
      if (error instanceof InputError) return error;
      throw error;
    }
    throw new Error('policy loaded without error');
  }
  const lineOf = (text: string, line: string) => text.split('\n').indexOf(line) + 1;

  test('reads alert_if and alert_response onto the threshold', () => {
    const threshold = loadPolicy(alertPolicyText(), 'p.yml').thresholds[0]!;
    expect(threshold.alertResponse).toEqual({
      report: 'cbrn-response-plan',
      signers: ['ceo', 'rso'],
    });
    expect(threshold.alertIf).toHaveLength(1);
    expect(loadPolicy(TEST_POLICY, 'p.yml').thresholds[0]).toMatchObject({
      alertIf: [],
      alertResponse: null,
    });
  });

  test('refuses alert_if without alert_response, at alert_if', () => {
    const text = alertPolicyText([WMDP_ALERT], null);
    const error = errorOf(text);
    expect(error.code).toBe('schema');
    expect(error.message).toBe('policy: threshold CBRN-3 has alert_if but no alert_response');
    expect(error.location).toMatchObject({
      file: '.github/rsp-policy.yml',
      line: lineOf(text, WMDP_ALERT),
      key: 'thresholds.CBRN-3.alert_if',
    });
  });

  test('refuses alert_response without alert_if, at alert_response', () => {
    const text = alertPolicyText([], RESPONSE);
    const error = errorOf(text);
    expect(error.message).toBe('policy: threshold CBRN-3 has alert_response but no alert_if');
    expect(error.location).toMatchObject({ line: lineOf(text, RESPONSE) });
  });

  test('refuses an unknown signer role, at the role', () => {
    const response = '    alert_response: { report: cbrn-response-plan, signers: [ceo, board] }';
    const text = alertPolicyText([WMDP_ALERT], response);
    const error = errorOf(text);
    expect(error.code).toBe('policy-reference');
    expect(error.message).toBe(
      'policy: unknown role `board` at thresholds.CBRN-3.alert_response.signers[1]',
    );
    expect(error.location).toMatchObject({ line: lineOf(text, response) });
  });

  test('refuses an alert condition on an undefined benchmark', () => {
    const error = errorOf(alertPolicyText(['      - { benchmark: nope, gte: 1 }']));
    expect(error.message).toBe('policy: threshold CBRN-3 refers to undefined benchmark `nope`');
  });

  test('refuses a too_close_within band on an alert condition', () => {
    const error = errorOf(
      alertPolicyText([
        '      - { benchmark: wmdp-bio, gte: 0.6, too_close_within: { absolute: 0.1 } }',
      ]),
    );
    expect(error.message).toBe(
      'policy: too_close_within is allowed only on a rule_out condition, not under alert_if',
    );
  });

  test('refuses an alert_response without signers', () => {
    const error = errorOf(alertPolicyText([WMDP_ALERT], '    alert_response: { report: x }'));
    expect(error.code).toBe('schema');
    expect(error.message).toMatch(/signers/);
  });
});
