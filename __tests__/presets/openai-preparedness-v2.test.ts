/**
 * The openai-preparedness-v2 preset judged over small repositories, as a lab extending it would
 * see it: the published bio cases of the GPT-5.1-Codex-Max system card, Critical with no override,
 * the lagging self-improvement indicator, the Capabilities Report every model needs, the limits
 * the preset states, and security raised at least as high as deployment by every threshold.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { EvidenceRecord } from '../../src/core/evidence.js';
import type { Attestation, RepositoryState } from '../../src/core/inputs.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { levelRank } from '../../src/policy/types.js';
import { NOW, approve, attestation, context, model, record, state } from '../helpers/build.js';

const POLICY = `version: 1
extends: openai-preparedness-v2@2
roles:
  sag: { users: [sam-sag] }
  ceo: { users: [cleo-ceo] }
  board-ssc: { users: [bea-board] }
  safety-lead: { users: [sal-safety] }
  security-lead: { users: [sec-lead] }
`;
const policy = () => loadPolicy(POLICY, '.github/rsp-policy.yml');

/** GPT-5.1-Codex-Max system card, Biological and Chemical (Figs. 3 and 4). */
const codexMaxBio = (): EvidenceRecord[] => [
  // "All models underperform the consensus expert baseline (54%) and the median expert baseline of 42%."
  record('protocolqa-open-ended', 'accuracy', 0.41),
  // "GPT-5.1-Codex-Max is the highest performing model on this benchmark at 77%, nearing the consensus expert baseline of 80%."
  record('tacit-knowledge-troubleshooting', 'accuracy', 0.77),
];

/** Illustrative results that rule out every threshold but the ones a test is about. */
const cyberBelow = (): EvidenceRecord[] => [
  record('ctf-professional', 'pass_rate', 0.2),
  record('cyber-range', 'pass_rate', 0.1),
];
const selfImprovementBelow = (): EvidenceRecord[] => [
  record('mle-bench', 'medal_rate', 0.1),
  record('paperbench', 'replication_score', 0.1),
];
/** A SAG-requested deep dive that found no Critical bio capability. */
const bioCriticalDeepDive = (): EvidenceRecord[] => [
  record('bio-critical-deep-dive', 'capability_found', 0),
];

/** The Capabilities Report every model needs, attested by SAG for every model. */
const capabilitiesReport = (): Attestation =>
  attestation({
    kind: 'safeguard',
    target: 'standard-deploy-capabilities-report',
    approvedBy: ['sam-sag'],
    model: '*',
    file: 'safeguards/capabilities-reports.yml',
  });

const decision = (target: string, approvedBy: string[], extra: Partial<Attestation> = {}) =>
  attestation({
    kind: 'decision',
    target,
    verdict: 'below',
    approvedBy,
    file: 'safeguards/sag-decisions.yml',
    line: 8,
    ...extra,
  });

function judged(
  evidence: EvidenceRecord[],
  attestations: Attestation[] = [capabilitiesReport()],
  options: { base?: RepositoryState | null; reviews?: ReturnType<typeof approve>[] } = {},
) {
  const result = evaluate({
    policy: policy(),
    head: state([model(evidence)], attestations),
    base: options.base ?? null,
    context: context({ reviews: options.reviews ?? [] }),
    policyChange: null,
    now: NOW,
  });
  const decided = result.models[0]!;
  const threshold = (id: string) => decided.thresholds.find((t) => t.id === id)!;
  return { result, decided, threshold };
}

describe('biological and chemical High: the published GPT-5.1-Codex-Max case', () => {
  const evidence = () => [
    ...codexMaxBio(),
    ...bioCriticalDeepDive(),
    ...cyberBelow(),
    ...selfImprovementBelow(),
  ];

  test('ProtocolQA below 54 % and Tacit Knowledge at 77 % do not rule High out: the model counts as High without a SAG decision', () => {
    const { decided, threshold } = judged(evidence());
    expect(threshold('bio-chem-high').status).toBe('not_ruled_out');
    expect(threshold('bio-chem-high').summary).toContain(
      'only a signed capability decision can clear it',
    );
    expect(decided.levels).toEqual({ deployment: 'High', security: 'High' });
    // The baselines it passes are flagged for SAG; the 80 % consensus baseline it nears is not.
    expect(threshold('bio-chem-high').review.map((c) => [c.benchmark, c.threshold])).toEqual([
      ['tacit-knowledge-troubleshooting', 0.63],
    ]);
  });

  test('a trusted capability decision signed by SAG and the CEO clears it', () => {
    const { result, decided, threshold } = judged(evidence(), [
      capabilitiesReport(),
      decision('bio-chem-high', ['sam-sag', 'cleo-ceo']),
    ]);
    expect(threshold('bio-chem-high').status).toBe('cleared_by_decision');
    expect(threshold('bio-chem-high').decision).toEqual({
      file: 'safeguards/sag-decisions.yml',
      line: 8,
      approved_by: ['sam-sag', 'cleo-ceo'],
    });
    expect(decided.levels).toEqual({ deployment: 'Standard', security: 'Standard' });
    expect(result.decision).toBe('pass');
  });

  test('a decision signed by SAG alone does not clear it', () => {
    const { decided, threshold } = judged(evidence(), [
      capabilitiesReport(),
      decision('bio-chem-high', ['sam-sag']),
    ]);
    expect(threshold('bio-chem-high').status).toBe('not_ruled_out');
    expect(decided.levels.deployment).toBe('High');
  });

  test('a decision added in the change, not approved on the head by its signers, does not clear it', () => {
    const base = state([model(evidence())], [capabilitiesReport()]);
    const { decided, threshold } = judged(
      evidence(),
      [capabilitiesReport(), decision('bio-chem-high', ['sam-sag', 'cleo-ceo'])],
      { base },
    );
    expect(threshold('bio-chem-high').status).toBe('not_ruled_out');
    expect(decided.levels.deployment).toBe('High');
  });

  test('even a model below every expert baseline counts as High until SAG and the CEO decide', () => {
    const below = [
      record('multimodal-troubleshooting-virology', 'accuracy', 0.2),
      record('protocolqa-open-ended', 'accuracy', 0.3),
      record('tacit-knowledge-troubleshooting', 'accuracy', 0.5),
      record('troubleshootingbench', 'accuracy', 0.2),
      ...cyberBelow(),
      ...selfImprovementBelow(),
    ];
    const { decided, threshold } = judged(below);
    expect(threshold('bio-chem-high').status).toBe('not_ruled_out');
    // Below every High baseline rules Critical out a fortiori (labelled a preset inference).
    expect(threshold('bio-chem-critical').status).toBe('ruled_out');
    expect(decided.levels).toEqual({ deployment: 'High', security: 'High' });
  });

  test('above the VCT baseline every recent model exceeds, Critical needs the deep dive or a decision', () => {
    const frontier = [
      ...codexMaxBio(),
      record('multimodal-troubleshooting-virology', 'accuracy', 0.4),
      record('troubleshootingbench', 'accuracy', 0.3),
      ...cyberBelow(),
      ...selfImprovementBelow(),
    ];
    expect(judged(frontier).threshold('bio-chem-critical').status).toBe('not_ruled_out');
    expect(
      judged([...frontier, ...bioCriticalDeepDive()]).threshold('bio-chem-critical').status,
    ).toBe('ruled_out');
  });
});

describe('Critical: halt further development, with no override', () => {
  const atCritical = () => [
    ...codexMaxBio(),
    ...bioCriticalDeepDive(),
    ...cyberBelow(),
    ...selfImprovementBelow(),
    record('generational-speedup', 'speedup', 6),
  ];

  test('a model at Critical self-improvement blocks, and an override signed by SAG, the CEO and the Board committee is not counted', () => {
    const override = attestation({
      kind: 'override',
      target: 'Critical',
      approvedBy: ['sam-sag', 'cleo-ceo', 'bea-board'],
      reason: 'proceeding while Critical safeguards are drafted',
      file: 'safeguards/override.yml',
      line: 3,
    });
    const { result, decided, threshold } = judged(atCritical(), [capabilitiesReport(), override]);
    expect(threshold('self-improvement-critical').status).toBe('crossed');
    expect(decided.levels).toEqual({ deployment: 'Critical', security: 'Critical' });
    const codes = result.reasons.map((r) => r.code);
    expect(codes).toContain('override-not-counted');
    expect(codes).not.toContain('undefined-level-overridden');
    const undefinedLevel = result.reasons.filter((r) => r.code === 'undefined-level');
    expect(undefinedLevel.length).toBeGreaterThan(0);
    expect(undefinedLevel.every((r) => r.severity === 'block')).toBe(true);
    expect(undefinedLevel[0]!.message).toContain('the policy grants no override');
    expect(result.decision).toBe('block');
  });
});

describe('Critical self-improvement: the leading indicator rules out, the lagging one cannot', () => {
  const base = () => [...codexMaxBio(), ...bioCriticalDeepDive(), ...cyberBelow()];

  test('a generational speed-up below 2x alone no longer rules Critical self-improvement out', () => {
    const { threshold } = judged([...base(), record('generational-speedup', 'speedup', 1.5)]);
    expect(threshold('self-improvement-critical').status).toBe('not_ruled_out');
  });

  test('a deep dive that finds no superhuman research-scientist agent rules it out', () => {
    const { threshold } = judged([
      ...base(),
      record('generational-speedup', 'speedup', 1.5),
      record('research-scientist-deep-dive', 'capability_found', 0),
    ]);
    expect(threshold('self-improvement-critical').status).toBe('ruled_out');
  });

  test('either indicator at its bar rules Critical in, whatever the other says', () => {
    const leading = judged([
      ...base(),
      record('generational-speedup', 'speedup', 1.2),
      record('research-scientist-deep-dive', 'capability_found', 1),
    ]);
    expect(leading.threshold('self-improvement-critical').status).toBe('crossed');
    const lagging = judged([
      ...base(),
      record('generational-speedup', 'speedup', 5),
      record('research-scientist-deep-dive', 'capability_found', 0),
    ]);
    expect(lagging.threshold('self-improvement-critical').status).toBe('crossed');
  });
});

describe('the Capabilities Report to SAG (§3.3)', () => {
  const cleared = () => [
    ...codexMaxBio(),
    ...bioCriticalDeepDive(),
    ...cyberBelow(),
    ...selfImprovementBelow(),
  ];
  const sagDecision = () => decision('bio-chem-high', ['sam-sag', 'cleo-ceo']);

  test('is required of a model at the baseline, and blocks until SAG confirms it', () => {
    const { result, decided } = judged(cleared(), [sagDecision()]);
    expect(decided.levels).toEqual({ deployment: 'Standard', security: 'Standard' });
    const item = decided.safeguards.find((s) => s.id === 'standard-deploy-capabilities-report');
    expect(item).toMatchObject({ status: 'missing', level: 'Standard', signers: ['sag'] });
    expect(result.decision).toBe('block');
  });

  test('is not confirmed by the safety lead, who is not SAG', () => {
    const bySafetyLead = attestation({
      kind: 'safeguard',
      target: 'standard-deploy-capabilities-report',
      approvedBy: ['sal-safety'],
    });
    const { result, decided } = judged(cleared(), [sagDecision(), bySafetyLead]);
    const item = decided.safeguards.find((s) => s.id === 'standard-deploy-capabilities-report');
    expect(item?.status).toBe('rejected');
    expect(result.decision).toBe('block');
  });

  test('once SAG confirms it, a model SAG and the CEO found below High passes', () => {
    const { result } = judged(cleared(), [capabilitiesReport(), sagDecision()]);
    expect(result.decision).toBe('pass');
  });
});

describe('the preset as written', () => {
  const raw = load(
    readFileSync(new URL('../../src/presets/openai-preparedness-v2.yml', import.meta.url), 'utf8'),
  ) as { not_enforced?: { element: string; why: string; source: string }[] };

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

  test('lists what it cannot enforce, each with why and where PF v2 says it', () => {
    const listed = raw.not_enforced ?? [];
    for (const item of listed) {
      expect(item.why, item.element).toBeTruthy();
      expect(item.source, item.element).toMatch(/^PF v2 (§|Table|App\.)/);
    }
    const sources = listed.map((item) => item.source);
    for (const where of ['PF v2 §4.3', 'PF v2 App. B', 'PF v2 §3.2', 'PF v2 §3.1']) {
      expect(sources).toContain(where);
    }
    expect(listed.filter((item) => item.source === 'PF v2 §2.3, Table 2')).toHaveLength(5);
    expect(listed.some((item) => /fast-track/i.test(item.element))).toBe(true);
    expect(listed.some((item) => /reverse/i.test(item.element))).toBe(true);
    expect(listed.some((item) => /before external deployment/i.test(item.element))).toBe(true);
  });
});
