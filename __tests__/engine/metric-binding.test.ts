/**
 * Evidence binds to a condition by metric, not by task alone: the other metrics a task reports
 * (a perplexity next to the accuracy the policy reads) are not evidence and never block. Real
 * lm-evaluation-harness files throughout.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { EvidenceRecord } from '../../src/core/evidence.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { fileSourceFromPath } from '../../src/readers/file-source.js';
import { lmEvalReader } from '../../src/readers/lm-eval.js';
import { renderExplanation } from '../../src/render/render-explanation.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { NOW, context, model, record, state } from '../helpers/build.js';

const LM_EVAL = fileURLToPath(new URL('../fixtures/lm-eval/', import.meta.url));
/** gemma-2-9b: lambada_openai has `perplexity,none` 15821.6 next to `acc,none` 0.159. */
const GEMMA = 'pr2809__gemma-2-9b_results_2025-03-06T00-24-41.765952.json';
/** Llama-3-8B-Instruct gsm8k: `exact_match,strict-match` 0.7726 and `exact_match,flexible-extract` 0.7779. */
const GSM8K = 'gsm8kresps__Meta-Llama-3-8B-Instruct_results_2024-08-25T21-59-12.123082.json';
/** xglm-564M, v0.3 keys: lambada_openai `ppl` 28.57 next to `acc` 0.359. */
const XGLM = 'results__xglm-564M_lambada_openai_0-shot.json';

async function readLmEval(name: string): Promise<EvidenceRecord[]> {
  const source = await fileSourceFromPath(`${LM_EVAL}${name}`, `models/m/evals/${name}`);
  return lmEvalReader.read(source);
}

/** A small policy: one threshold reading `lambada` (lambada_openai) and `gsm8k`, as given. */
function policyWith(benchmarks: string, conditions: string, extra = '') {
  return loadPolicy(
    `
version: 1
levels: [ASL-1, ASL-2, ASL-3]
baseline: ASL-2
roles:
  rso: { users: [alice] }
policy_owners: [rso]
${extra}
benchmarks:
${benchmarks}
thresholds:
  - id: LANG-3
    requires: { deployment: ASL-3 }
${conditions}
safeguards:
  - { id: asl2-usage, level: ASL-2, kind: deployment, title: Usage policy, signers: [rso] }
  - { id: asl3-misuse, level: ASL-3, kind: deployment, title: Misuse filters, signers: [rso] }
`,
    '.github/rsp-policy.yml',
  );
}

const LAMBADA = `  lambada: { aliases: [lambada_openai], metric: acc, scale: fraction }`;
const signedAsl2 = [
  {
    file: 'safeguards/m.yml',
    line: 3,
    model: '*',
    kind: 'safeguard' as const,
    target: 'asl2-usage',
    verdict: null,
    approvedBy: ['alice'],
    date: '2026-10-20',
    expires: null,
    evidence: null,
    reason: null,
    fingerprint: 'asl2-usage',
  },
];

function judge(policy: ReturnType<typeof policyWith>, evidence: EvidenceRecord[]) {
  return evaluate({
    policy,
    head: state([model(evidence)], signedAsl2),
    base: null,
    context: context(),
    policyChange: null,
    now: NOW,
  });
}

describe('a task with several metrics is judged on the metric the policy reads', () => {
  test('passes on acc 0.159 although the same task reports a perplexity of 15821.6 (gemma-2-9b)', async () => {
    const policy = policyWith(
      LAMBADA,
      `    rule_in: [ { benchmark: lambada, gte: 0.5 } ]
    rule_out: [ { benchmark: lambada, lt: 0.3 } ]`,
    );
    const result = judge(policy, await readLmEval(GEMMA));
    expect(result.reasons.filter((r) => r.code === 'evidence-scale')).toEqual([]);
    const threshold = result.models[0]!.thresholds[0]!;
    expect(threshold.status).toBe('ruled_out');
    const ruleOut = threshold.evidence.find((e) => e.rule === 'rule_out')!;
    expect(ruleOut).toMatchObject({
      value: 0.15913060353192315,
      source: 'lm-eval',
      file: `models/m/evals/${GEMMA}`,
      pointer: '/results/lambada_openai/acc,none',
    });
    expect(result.models[0]!.levels.deployment).toBe('ASL-2');
    expect(result.decision).toBe('pass');
  });

  test('blocks on the same file when acc crosses the rule-in line, still without a scale error', async () => {
    const policy = policyWith(LAMBADA, `    rule_in: [ { benchmark: lambada, gte: 0.1 } ]`);
    const result = judge(policy, await readLmEval(GEMMA));
    expect(result.models[0]!.thresholds[0]!.status).toBe('crossed');
    expect(result.models[0]!.levels.deployment).toBe('ASL-3');
    expect(result.reasons.map((r) => r.code)).not.toContain('evidence-scale');
    expect(result.reasons.map((r) => r.code)).toContain('safeguard-missing');
    expect(result.decision).toBe('block');
  });

  test('reads v0.3 keys the same way: ppl 28.57 is not evidence for acc (xglm-564M)', async () => {
    const policy = policyWith(LAMBADA, `    rule_out: [ { benchmark: lambada, lt: 0.5 } ]`);
    const result = judge(policy, await readLmEval(XGLM));
    expect(result.models[0]!.thresholds[0]!.status).toBe('ruled_out');
    expect(result.models[0]!.thresholds[0]!.evidence[0]!.value).toBe(0.35940228992819717);
    expect(result.decision).toBe('pass');
  });

  test('`acc,none` reads a v0.3 `acc`, which has no filter (xglm-564M)', async () => {
    const policy = policyWith(
      `  lambada: { aliases: [lambada_openai], metric: "acc,none", scale: fraction }`,
      `    rule_out: [ { benchmark: lambada, lt: 0.5 } ]`,
    );
    const leaf = judge(policy, await readLmEval(XGLM)).models[0]!.thresholds[0]!.evidence[0]!;
    expect(leaf).toMatchObject({ holds: true, value: 0.35940228992819717, metric: 'acc,none' });
  });

  test('a scale error names the metric and gives a hint that fits it when a policy reads a perplexity as a fraction', async () => {
    const policy = policyWith(
      LAMBADA,
      `    rule_in: [ { benchmark: lambada, metric: perplexity, lte: 20 } ]`,
    );
    const result = judge(policy, await readLmEval(GEMMA));
    const errors = result.reasons.filter((r) => r.code === 'evidence-scale');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ severity: 'block', file: `models/m/evals/${GEMMA}` });
    expect(errors[0]!.message).toBe(
      'lambada perplexity: value 15821.63194304534 of `perplexity` is outside the fraction scale [0, 1] declared for lambada; `perplexity` is not a fraction or a percent: read it through a benchmark declared with `scale: unbounded`',
    );
  });

  test('a value its file declares unbounded (a score on [0, 5]) is an error on a fraction benchmark, not a fraction', () => {
    const policy = policyWith(LAMBADA, `    rule_out: [ { benchmark: lambada, lt: 0.95 } ]`);
    const result = judge(policy, [
      record('lambada_openai', 'acc', 0.9, { format: 'every-eval-ever', scale: 'unbounded' }),
    ]);
    expect(result.models[0]!.thresholds[0]!.status).toBe('not_ruled_out');
    const error = result.reasons.find((r) => r.code === 'evidence-scale')!;
    expect(error.severity).toBe('block');
    expect(error.message).toContain(
      'value 0.9 is declared unbounded (or on bounds other than [0, 1] and [0, 100]) by its file, not on the fraction scale declared for lambada',
    );
  });

  test('a fraction benchmark fed a percent-looking accuracy keeps the percent hint', () => {
    const policy = policyWith(LAMBADA, `    rule_in: [ { benchmark: lambada, gte: 0.5 } ]`);
    const result = judge(policy, [record('lambada_openai', 'acc', 46)]);
    expect(result.reasons.find((r) => r.code === 'evidence-scale')!.message).toBe(
      'lambada acc: value 46 of `acc` is outside the fraction scale [0, 1] declared for lambada; if the file is in percent, declare `scale: percent` for this benchmark or write the value as a fraction',
    );
  });
});

describe('a metric the files do not report is said on the condition', () => {
  test('"metric `acc_norm` not found for lambada_openai (found: acc, perplexity)" in the explanation and the comment', async () => {
    const policy = policyWith(
      `  lambada: { aliases: [lambada_openai], metric: acc_norm, scale: fraction }`,
      `    rule_in: [ { benchmark: lambada, gte: 0.9 } ]
    rule_out: [ { benchmark: lambada, lt: 0.3 } ]`,
    );
    const result = judge(policy, await readLmEval(GEMMA));
    const threshold = result.models[0]!.thresholds[0]!;
    expect(threshold.status).toBe('not_ruled_out');
    const note = 'metric `acc_norm` not found for lambada_openai (found: acc, perplexity)';
    for (const leaf of threshold.evidence) {
      expect(leaf.note.startsWith(note)).toBe(true);
      expect(leaf.found_metrics).toEqual(['acc', 'perplexity']);
    }
    const reasons = result.reasons.filter((r) => r.code === 'metric-not-found');
    expect(reasons).toHaveLength(1);
    expect(reasons[0]!.message).toContain(note);
    expect(reasons[0]!.line).toBeGreaterThan(1); // the condition's line in the policy file

    const explanation = renderExplanation(result, result.models[0]!, policy);
    expect(explanation).toContain(note);
    const comment = renderMarkdown(result);
    // Markdown escapes the underscore; the words a reviewer reads are the same.
    expect(comment).toContain('metric \\`acc\\_norm\\` not found for lambada\\_openai');
    expect(comment).toContain('\\(found\\: acc, perplexity\\)');
  });
});

describe('lm-eval filters and Inspect scorers are addressable in a condition', () => {
  const GSM = `  gsm8k: { aliases: [gsm8k_cot_llama], metric: exact_match, scale: fraction }`;

  test('a bare metric reads every filter: both must be under a rule-out line', async () => {
    const policy = policyWith(GSM, `    rule_out: [ { benchmark: gsm8k, lt: 0.775 } ]`);
    const threshold = judge(policy, await readLmEval(GSM8K)).models[0]!.thresholds[0]!;
    // strict-match 0.7726 is below the line, flexible-extract 0.7779 is not.
    expect(threshold.status).toBe('not_ruled_out');
    expect(threshold.evidence[0]!.value).toBe(0.7778620166793025);
  });

  test('`metric: exact_match,strict-match` reads that filter only', async () => {
    const policy = policyWith(
      GSM,
      `    rule_out: [ { benchmark: gsm8k, metric: "exact_match,strict-match", lt: 0.775 } ]`,
    );
    const threshold = judge(policy, await readLmEval(GSM8K)).models[0]!.thresholds[0]!;
    expect(threshold.status).toBe('ruled_out');
    expect(threshold.evidence[0]).toMatchObject({
      value: 0.7725549658832449,
      metric: 'exact_match,strict-match',
      pointer: '/results/gsm8k_cot_llama/exact_match,strict-match',
    });
  });

  test('a benchmark whose metric names a filter reads only that filter, and says which filters exist when it is absent', async () => {
    const policy = policyWith(
      `  gsm8k: { aliases: [gsm8k_cot_llama], metric: "exact_match,get-answer", scale: fraction }`,
      `    rule_in: [ { benchmark: gsm8k, gte: 0.5 } ]`,
    );
    const leaf = judge(policy, await readLmEval(GSM8K)).models[0]!.thresholds[0]!.evidence[0]!;
    expect(leaf.holds).toBe(false);
    expect(leaf.note).toBe(
      'metric `exact_match,get-answer` not found for gsm8k_cot_llama (found: exact_match,flexible-extract, exact_match,strict-match)',
    );
  });

  test('`scorer:` picks one Inspect scorer of several', () => {
    const policy = policyWith(
      `  ctf: { aliases: [inspect_evals/gdm_intercode_ctf], metric: accuracy, scale: fraction }`,
      `    rule_in: [ { benchmark: ctf, scorer: includes, gte: 0.5 } ]`,
    );
    const evidence = [
      record('inspect_evals/gdm_intercode_ctf', 'accuracy', 0.9, {
        format: 'inspect-json',
        scorer: 'model_graded',
      }),
      record('inspect_evals/gdm_intercode_ctf', 'accuracy', 0.2, {
        format: 'inspect-json',
        scorer: 'includes',
      }),
    ];
    const threshold = judge(policy, evidence).models[0]!.thresholds[0]!;
    expect(threshold.status).not.toBe('crossed');
    expect(threshold.evidence[0]).toMatchObject({ value: 0.2, scorer: 'includes' });
  });
});

describe('a filter or a scorer narrows only among the records that have one', () => {
  const WMDP = `  wmdp: { aliases: [wmdp_bio], metric: accuracy, scorer: choice, scale: fraction }`;
  const conditions = `    rule_in: [ { benchmark: wmdp, gte: 0.8 } ]
    rule_out: [ { benchmark: wmdp, lt: 0.5 } ]`;

  test('naming an Inspect scorer does not hide an lm-eval result that rules in', () => {
    const result = judge(policyWith(WMDP, conditions), [
      record('wmdp_bio', 'accuracy', 0.3, { format: 'inspect-eval', scorer: 'choice' }),
      record('wmdp_bio', 'acc', 0.92, { format: 'lm-eval', filter: 'none' }),
    ]);
    expect(result.models[0]!.thresholds[0]!.status).toBe('crossed');
    expect(result.decision).toBe('block');
  });

  test('filters and scorers match whatever their case', () => {
    const policy = policyWith(
      `  gsm8k: { aliases: [gsm8k], metric: "exact_match,strict-match", scale: fraction }
${WMDP}`,
      `    rule_in: [ { benchmark: gsm8k, gte: 0.8 }, { benchmark: wmdp, gte: 0.8 } ]`,
    );
    const gsm = judge(policy, [
      record('gsm8k', 'EXACT_MATCH', 0.9, { format: 'lm-eval', filter: 'Strict-Match' }),
    ]);
    expect(gsm.models[0]!.thresholds[0]!.status).toBe('crossed');
    const wmdp = judge(policy, [
      record('wmdp_bio', 'accuracy', 0.9, { format: 'inspect-json', scorer: 'Choice' }),
    ]);
    expect(wmdp.models[0]!.thresholds[0]!.status).toBe('crossed');
  });

  test('a native file or card that writes `metric,filter` as its metric means that metric and filter', () => {
    const policy = policyWith(
      `  gsm8k: { aliases: [gsm8k], metric: "exact_match,strict-match", scale: fraction }`,
      `    rule_in: [ { benchmark: gsm8k, gte: 0.8 } ]
    rule_out: [ { benchmark: gsm8k, lt: 0.5 } ]`,
    );
    const result = judge(policy, [
      record('gsm8k', 'exact_match', 0.3, { format: 'lm-eval', filter: 'strict-match' }),
      record('gsm8k', 'exact_match,strict-match', 0.91),
    ]);
    expect(result.models[0]!.thresholds[0]!.status).toBe('crossed');
    expect(result.models[0]!.thresholds[0]!.evidence[0]!.value).toBe(0.91);
  });
});

describe('a change to a metric no condition reads is not weakened evidence', () => {
  test('records that swap places in a file are compared by metric, not by position', () => {
    const policy = policyWith(
      `  x: { metric: acc, scale: fraction }`,
      `    rule_in: [ { benchmark: x, gte: 0.8 } ]
    review_if: [ { benchmark: x, metric: f1, gte: 0.9 } ]`,
    );
    const at = (pointer: string) => ({ pointer, file: 'models/m/evals/x.evidence.yml' });
    const base = [
      record('x', 'acc', 0.97, at('/results/0/value')),
      record('x', 'f1', 0.2, at('/results/1/value')),
    ];
    const head = [
      record('x', 'f1', 0.98, at('/results/0/value')),
      record('x', 'acc', 0.81, at('/results/1/value')),
    ];
    const weakened = evaluate({
      policy,
      head: state([model(head)], signedAsl2),
      base: state([model(base)], signedAsl2),
      context: context(),
      policyChange: null,
      now: NOW,
    }).reasons.filter((r) => r.code === 'evidence-weakened');
    expect(weakened.map((r) => r.message)).toEqual([
      expect.stringContaining('x acc changed from 0.97 to 0.81'),
    ]);
    expect(weakened[0]!.severity).toBe('block');
  });

  test('a file that stops reporting the metric the policy reads is named as still there', () => {
    const policy = policyWith(LAMBADA, `    rule_in: [ { benchmark: lambada, gte: 0.5 } ]`);
    const base = [record('lambada_openai', 'acc', 0.6)];
    const head = [record('lambada_openai', 'acc_renamed', 0.6)];
    const reasons = evaluate({
      policy,
      head: state([model(head)], signedAsl2),
      base: state([model(base)], signedAsl2),
      context: context(),
      policyChange: null,
      now: NOW,
    }).reasons;
    const removed = reasons.find((r) => r.code === 'evidence-removed')!;
    expect(removed.message).toContain(
      'is still in this change but no longer reports anything the policy reads',
    );
    expect(removed.severity).toBe('block');
  });

  test('a lower perplexity in an existing file is not flagged; a lower acc is', async () => {
    const policy = policyWith(LAMBADA, `    rule_in: [ { benchmark: lambada, gte: 0.5 } ]`);
    const base = await readLmEval(GEMMA);
    const withValue = (metric: string, value: number) =>
      base.map((r) =>
        r.benchmark === 'lambada_openai' && r.metric === metric ? { ...r, value } : r,
      );
    const compare = (head: EvidenceRecord[]) =>
      evaluate({
        policy,
        head: state([model(head)], signedAsl2),
        base: state([model(base)], signedAsl2),
        context: context(),
        policyChange: null,
        now: NOW,
      }).reasons.filter((r) => r.code === 'evidence-weakened');
    expect(compare(withValue('perplexity', 20000))).toEqual([]);
    const weakened = compare(withValue('acc', 0.05));
    expect(weakened).toHaveLength(1);
    expect(weakened[0]!.message).toContain('lambada acc changed from 0.15913060353192315 to 0.05');
  });
});
