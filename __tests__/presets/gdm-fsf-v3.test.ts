/**
 * The gdm-fsf-v3 preset judged over small repositories, as a lab extending it would see it: an
 * alert threshold asks for a signed response plan and raises no level, a reached CCL needs the
 * §5.2 disclosure item, the limits the preset states, and security raised at least as high as
 * deployment by every threshold.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { EvidenceRecord } from '../../src/core/evidence.js';
import type { Attestation } from '../../src/core/inputs.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { levelRank } from '../../src/policy/types.js';
import { NOW, attestation, context, model, record, state } from '../helpers/build.js';

const POLICY = `version: 1
extends: gdm-fsf-v3@2
roles:
  governance-function: { users: [gina-gov] }
  frontier-safety-lead: { users: [fay-safety] }
  security-lead: { users: [sec-lead] }
`;
const policy = () => loadPolicy(POLICY, '.github/rsp-policy.yml');

const cbrn = (value: number) =>
  record('cbrn-open-ended', 'score', value, {
    file: 'models/m/evals/cbrn.evidence.yml',
    line: 7,
  });

/** Illustrative results below every alert threshold of the other CCLs. */
const othersQuiet = (): EvidenceRecord[] => [
  record('gdm-in-house-ctf', 'accuracy', 0.2),
  record('cybench', 'accuracy', 0.1),
  record('manipulation-efficacy-study', 'odds_ratio', 1.2),
  record('re-bench', 'normalized_score', 0.5),
  record('ml-rnd-progress-multiplier', 'multiplier', 1.1),
];

const responsePlan = (approvedBy: string[]): Attestation =>
  attestation({
    kind: 'report',
    target: 'response-plan',
    approvedBy,
    file: 'safeguards/cbrn-response-plan.yml',
    line: 5,
  });

function judged(evidence: EvidenceRecord[], attestations: Attestation[] = []) {
  const result = evaluate({
    policy: policy(),
    head: state([model(evidence)], attestations),
    base: null,
    context: context(),
    policyChange: null,
    now: NOW,
  });
  const decided = result.models[0]!;
  const threshold = (id: string) => decided.thresholds.find((t) => t.id === id)!;
  const alertReasons = result.reasons.filter((r) => r.code.startsWith('alert-'));
  return { result, decided, threshold, alertReasons };
}

describe('an alert threshold (FSF v3 §1.3-§1.4)', () => {
  test('an alert-level CBRN result raises no level but blocks until a signed response plan', () => {
    const { result, decided, threshold, alertReasons } = judged([cbrn(0.55), ...othersQuiet()]);
    expect(threshold('CBRN-uplift-1').status).toBe('ruled_out');
    expect(decided.levels).toEqual({ deployment: 'SL1', security: 'SL1' });
    expect(threshold('CBRN-uplift-1').alert).toMatchObject({
      reached: true,
      status: 'missing',
      report: 'response-plan',
      signers: ['frontier-safety-lead', 'governance-function'],
    });
    expect(alertReasons.map((r) => [r.code, r.severity, r.file, r.line])).toEqual([
      ['alert-response-missing', 'block', 'models/m/evals/cbrn.evidence.yml', 7],
    ]);
    expect(alertReasons[0]!.message).toContain('CBRN-uplift-1');
    expect(alertReasons[0]!.message).toContain('response-plan');
    expect(result.decision).toBe('block');
  });

  test('a response plan signed by the frontier safety lead and the governance function answers it', () => {
    const { result, decided, alertReasons } = judged(
      [cbrn(0.55), ...othersQuiet()],
      [responsePlan(['fay-safety', 'gina-gov'])],
    );
    expect(decided.levels).toEqual({ deployment: 'SL1', security: 'SL1' });
    expect(alertReasons.map((r) => [r.code, r.severity])).toEqual([['alert-reached', 'info']]);
    expect(result.decision).toBe('pass');
  });

  test('a response plan signed by the frontier safety lead alone does not', () => {
    const { result, alertReasons } = judged(
      [cbrn(0.55), ...othersQuiet()],
      [responsePlan(['fay-safety'])],
    );
    expect(alertReasons.map((r) => r.code)).toEqual(['alert-response-missing']);
    expect(result.decision).toBe('block');
  });

  test('ML R&D progress data at its alert threshold asks for a response plan, not SL3 security', () => {
    const quietButProgress = [
      cbrn(0.1),
      ...othersQuiet().filter((r) => r.benchmark !== 'ml-rnd-progress-multiplier'),
      record('ml-rnd-progress-multiplier', 'multiplier', 1.6),
    ];
    const { decided, threshold } = judged(quietButProgress);
    expect(threshold('mlrnd-acceleration-1').status).toBe('ruled_out');
    expect(threshold('mlrnd-automation-1').status).toBe('ruled_out');
    expect(threshold('mlrnd-acceleration-1').alert?.status).toBe('missing');
    expect(decided.levels).toEqual({ deployment: 'SL1', security: 'SL1' });
  });

  test('below every alert threshold nothing is asked', () => {
    const { result, alertReasons } = judged([cbrn(0.3), ...othersQuiet()]);
    expect(alertReasons).toEqual([]);
    expect(result.decision).toBe('pass');
  });

  test('past the rule-out line the CCL counts as reached, SL2 applies, and the alert still wants its plan', () => {
    const { decided, threshold, alertReasons } = judged([cbrn(0.75), ...othersQuiet()]);
    expect(threshold('CBRN-uplift-1').status).toBe('not_ruled_out');
    expect(decided.levels).toEqual({ deployment: 'SL2', security: 'SL2' });
    expect(alertReasons.map((r) => r.code)).toEqual(['alert-response-missing']);
  });
});

describe('disclosure to government (FSF v3 §5.2)', () => {
  test('a reached CCL needs the governance function to record the §5.2 assessment', () => {
    const { decided } = judged([cbrn(0.75), ...othersQuiet()]);
    const item = decided.safeguards.find((s) => s.id === 'sl2-sec-government-disclosure');
    expect(item).toMatchObject({
      level: 'SL2',
      kind: 'security',
      status: 'missing',
      signers: ['governance-function'],
    });
  });

  test('a model that reaches no CCL is not asked', () => {
    const { decided } = judged([cbrn(0.3), ...othersQuiet()]);
    expect(decided.safeguards.map((s) => s.id)).not.toContain('sl2-sec-government-disclosure');
  });
});

describe('the preset as written', () => {
  const raw = load(
    readFileSync(new URL('../../src/presets/gdm-fsf-v3.yml', import.meta.url), 'utf8'),
  ) as {
    not_enforced?: { element: string; why: string; source: string }[];
    thresholds: { id: string; rule_out?: unknown[]; alert_if?: unknown[] }[];
  };

  test('every threshold that raises deployment raises security at least as high', () => {
    const p = policy();
    for (const t of p.thresholds) {
      if (t.requires.deployment === undefined) continue;
      expect(t.requires.security, t.id).toBeDefined();
      expect(levelRank(p, t.requires.security!), t.id).toBeGreaterThanOrEqual(
        levelRank(p, t.requires.deployment),
      );
    }
  });

  test('sets every alert line below the rule-out line of the same evaluation, so the alert fires first', () => {
    const p = policy();
    let pairs = 0;
    for (const t of p.thresholds) {
      for (const alert of t.alertIf) {
        if (alert.type !== 'evidence') continue;
        const line = t.ruleOut.find(
          (c) => c.type === 'evidence' && c.benchmark === alert.benchmark,
        );
        if (line?.type !== 'evidence') continue;
        pairs += 1;
        expect(alert.op, `${t.id} ${alert.benchmark}`).toBe('gte');
        expect(line.op, `${t.id} ${alert.benchmark}`).toBe('lt');
        expect(alert.value, `${t.id} ${alert.benchmark}`).toBeLessThan(line.value);
      }
    }
    expect(pairs).toBe(6);
  });

  test('lists what it cannot enforce, each with why and where FSF says it', () => {
    const listed = raw.not_enforced ?? [];
    for (const item of listed) {
      expect(item.why, item.element).toBeTruthy();
      expect(item.source, item.element).toMatch(/^FSF v3(\.1)? /);
    }
    const sources = listed.map((item) => item.source);
    for (const where of ['FSF v3 §1.3', 'FSF v3 §1.6', 'FSF v3 §5.1', 'FSF v3 §5.2']) {
      expect(sources).toContain(where);
    }
    expect(listed.some((item) => /Instrumental Reasoning/.test(item.element))).toBe(true);
  });
});
