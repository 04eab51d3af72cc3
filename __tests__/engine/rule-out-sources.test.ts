/**
 * Who may rule a threshold out is policy: `evidence.rule_out_from` (and per benchmark). Any
 * source may always rule in. Numbers reported without a run to check (a card's model-index, the
 * Hub's .eval_results) do not rule out unless the policy lists them.
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { EvidenceRecord } from '../../src/core/evidence.js';
import { isInputError } from '../../src/core/errors.js';
import { loadPolicy, loadPreset } from '../../src/policy/load-policy.js';
import { presetNames } from '../../src/policy/presets.js';
import { renderExplanation } from '../../src/render/render-explanation.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { NOW, context, model, record, state } from '../helpers/build.js';

function policy(extra = '', benchmark = '{ metric: accuracy, scale: fraction }') {
  return loadPolicy(
    `
version: 1
levels: [ASL-2, ASL-3]
baseline: ASL-2
roles:
  rso: { users: [alice] }
policy_owners: [rso]
${extra}
benchmarks:
  gpqa: ${benchmark}
thresholds:
  - id: SCI-3
    requires: { deployment: ASL-3 }
    rule_in: [ { benchmark: gpqa, gte: 0.9 } ]
    rule_out: [ { benchmark: gpqa, lt: 0.5 } ]
`,
    '.github/rsp-policy.yml',
  );
}

/** A number in a card's model-index: self-reported, no run to check. */
const card = (value: number, extra: Partial<EvidenceRecord> = {}) =>
  record('gpqa', 'accuracy', value, {
    file: 'models/m/MODEL_CARD.md',
    format: 'hf-model-index',
    status: 'reported',
    date: null,
    ...extra,
  });
/** A value from the Hub's .eval_results: no metric name and no scale. */
const hub = (value: number) =>
  record('gpqa', 'accuracy', value, {
    file: 'models/m/.eval_results/gpqa.yaml',
    format: 'hf-eval-results',
    metric: null,
    status: 'reported',
    date: null,
  });

function judge(p: ReturnType<typeof policy>, evidence: EvidenceRecord[]) {
  return evaluate({
    policy: p,
    head: state([model(evidence)], []),
    base: null,
    context: context(),
    policyChange: null,
    now: NOW,
  });
}

describe('evidence.rule_out_from', () => {
  test('a card number does not rule out by default, and the comment and explanation say why', () => {
    const p = policy();
    const result = judge(p, [card(0.31)]);
    const threshold = result.models[0]!.thresholds[0]!;
    expect(threshold.status).toBe('not_ruled_out');
    const why =
      'source `model-card` not accepted for rule-out by this policy (rule_out_from: inspect, lm-eval, lighteval, every-eval-ever, native)';
    expect(threshold.summary).toContain(why);
    const leaf = threshold.evidence.find((e) => e.rule === 'rule_out')!;
    expect(leaf).toMatchObject({ holds: false, value: 0.31, source: 'model-card' });
    expect(renderExplanation(result, result.models[0]!, p)).toContain(why);
    const comment = renderMarkdown(result);
    expect(comment).toContain('not accepted for rule-out by this policy');
    expect(comment).toContain('(model-card)');
  });

  test('a card number rules out exactly when the policy lists model-card', () => {
    const p = policy('evidence: { rule_out_from: [model-card, native] }');
    expect(p.evidence.ruleOutFrom).toEqual(['model-card', 'native']);
    const result = judge(p, [card(0.31)]);
    expect(result.models[0]!.thresholds[0]!.status).toBe('ruled_out');
    expect(result.models[0]!.levels.deployment).toBe('ASL-2');
    // …and a source the list leaves out no longer rules out.
    const lmEval = record('gpqa', 'accuracy', 0.31, { format: 'lm-eval' });
    expect(judge(p, [lmEval]).models[0]!.thresholds[0]!.status).toBe('not_ruled_out');
  });

  test('any source rules in, whatever the list says', () => {
    const result = judge(policy(), [card(0.95)]);
    expect(result.models[0]!.thresholds[0]!.status).toBe('crossed');
    expect(result.models[0]!.thresholds[0]!.evidence[0]!.source).toBe('model-card');
  });

  test('a benchmark may narrow (or widen) the list for itself', () => {
    const narrowed = policy('', '{ metric: accuracy, scale: fraction, rule_out_from: [inspect] }');
    const lmEval = record('gpqa', 'accuracy', 0.31, { format: 'lm-eval' });
    const leaf = judge(narrowed, [lmEval]).models[0]!.thresholds[0]!.evidence[1]!;
    expect(leaf.note).toContain(
      'source `lm-eval` not accepted for rule-out by this policy (rule_out_from: inspect)',
    );
    const inspect = record('gpqa', 'accuracy', 0.31, { format: 'inspect-eval' });
    expect(judge(narrowed, [inspect]).models[0]!.thresholds[0]!.status).toBe('ruled_out');
    const widened = policy(
      '',
      '{ metric: accuracy, scale: fraction, rule_out_from: [model-card] }',
    );
    expect(judge(widened, [card(0.31)]).models[0]!.thresholds[0]!.status).toBe('ruled_out');
  });

  test('every run that can rule out must hold, including an accepted card next to a run', () => {
    const p = policy('evidence: { rule_out_from: [model-card, lm-eval] }');
    const run = record('gpqa', 'accuracy', 0.3, { format: 'lm-eval' });
    expect(judge(p, [run, card(0.6)]).models[0]!.thresholds[0]!.status).toBe('not_ruled_out');
  });

  test('a number an accepted source marks as reported (Every Eval Ever documentation) never rules out', () => {
    const copied = record('gpqa', 'accuracy', 0.3, {
      format: 'every-eval-ever',
      status: 'reported',
    });
    const leaf = judge(policy(), [copied]).models[0]!.thresholds[0]!.evidence[1]!;
    expect(leaf.holds).toBe(false);
    expect(leaf.note).toContain(
      'a number reported without a run to check (every-eval-ever marks it as reported), so it cannot rule out',
    );
    const run = record('gpqa', 'accuracy', 0.3, { format: 'every-eval-ever' });
    expect(judge(policy(), [run]).models[0]!.thresholds[0]!.status).toBe('ruled_out');
  });

  test('an unknown source name is a located policy error', () => {
    try {
      policy('evidence:\n  rule_out_from: [inspect, model_card]');
      expect.unreachable('the policy loaded');
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      if (!isInputError(error)) return;
      expect(error.location.file).toBe('.github/rsp-policy.yml');
      expect(error.location.line).toBe(9);
      expect(error.message).toContain('rule_out_from');
    }
  });

  test.each(presetNames())(
    'preset %s states its choice: no card or Hub number rules out',
    (name) => {
      const sources = loadPreset(name).evidence.ruleOutFrom;
      expect(sources).not.toContain('model-card');
      expect(sources).not.toContain('hf-eval-results');
      expect(sources).toContain('native');
    },
  );
});

describe('values that name neither metric nor scale (Hub .eval_results)', () => {
  test('a value in [0, 1] could be either scale: an error on the record unless the policy says which', () => {
    const result = judge(policy(), [hub(0.412)]);
    const error = result.reasons.find((r) => r.code === 'evidence-scale')!;
    expect(error.severity).toBe('block');
    expect(error.message).toBe(
      'gpqa (no metric named): value 0.412 names no scale and could be a fraction or a percent; declare `reported_scale: fraction` or `reported_scale: percent` for gpqa',
    );
    expect(result.decision).toBe('block');
  });

  test('`reported_scale: fraction` reads 0.412 as a fraction; the value binds to the benchmark metric', () => {
    const p = policy('', '{ metric: accuracy, scale: fraction, reported_scale: fraction }');
    const result = judge(p, [hub(0.412)]);
    expect(result.reasons.filter((r) => r.code === 'evidence-scale')).toEqual([]);
    const leaf = result.models[0]!.thresholds[0]!.evidence.find((e) => e.rule === 'rule_out')!;
    // Read, on its scale, but a Hub number is not accepted for rule-out by default.
    expect(leaf).toMatchObject({ value: 0.412, source: 'hf-eval-results', holds: false });
  });

  test('`reported_scale: percent` converts 63.3 to 0.633 on a fraction benchmark', () => {
    const p = policy('', '{ metric: accuracy, scale: fraction, reported_scale: percent }');
    const leaf = judge(p, [hub(63.3)]).models[0]!.thresholds[0]!.evidence[0]!;
    expect(leaf.value).toBe(0.633);
  });

  test('a value under 1 read as a percent by `reported_scale` says so beside the value', () => {
    const p = policy('', '{ metric: accuracy, scale: fraction, reported_scale: percent }');
    const result = judge(p, [hub(0.85)]);
    expect(result.models[0]!.thresholds[0]!.evidence[0]!.value).toBe(0.0085);
    const note = result.reasons.find((r) => r.code === 'evidence-read-as')!;
    expect(note.message).toBe(
      'gpqa (no metric named): the file names no scale: 0.85 read as 0.85% by the `reported_scale: percent` declared for gpqa; if the file meant a fraction (85%), this misreads it; 0.85% read as 0.0085 on the fraction scale',
    );
    expect(note.file).toBe('models/m/.eval_results/gpqa.yaml');
  });

  test('63.3 without reported_scale cannot be a fraction: the error says to declare the percent', () => {
    const error = judge(policy(), [hub(63.3)]).reasons.find((r) => r.code === 'evidence-scale')!;
    expect(error.message).toBe(
      'gpqa (no metric named): value 63.3 is outside the fraction scale [0, 1] declared for gpqa; the file names no scale: declare `reported_scale: percent` for gpqa if its values are percentages',
    );
  });

  test('a condition that names another metric is not answered by an unnamed score', () => {
    const p = loadPolicy(
      `
version: 1
levels: [ASL-2, ASL-3]
baseline: ASL-2
roles: { rso: { users: [alice] } }
policy_owners: [rso]
benchmarks:
  gpqa: { metric: accuracy, scale: fraction, reported_scale: fraction }
thresholds:
  - id: SCI-3
    requires: { deployment: ASL-3 }
    rule_in: [ { benchmark: gpqa, metric: f1, gte: 0.3 } ]
`,
      '.github/rsp-policy.yml',
    );
    const leaf = judge(p, [hub(0.9)]).models[0]!.thresholds[0]!.evidence[0]!;
    expect(leaf.holds).toBe(false);
    expect(leaf.note).toBe('metric `f1` not found for gpqa (found: (no metric named))');
  });
});
