/**
 * The open-models example: lighteval, Hugging Face `.eval_results` and Every Eval Ever files,
 * copied from public repositories, bind to the policy's benchmarks and decide its threshold.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import type { ConditionResult, DecisionRecord, ModelDecision } from '../../src/core/decision.js';
import { validateValue } from '../../src/formats/validate.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLE = 'examples/open-models';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    cwd: ROOT,
    now: () => new Date('2026-11-27T12:00:00Z'),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

async function checkJson(root: string) {
  const { code, out, err } = await run(
    'check',
    '--root',
    root,
    '--format',
    'json',
    '--now',
    '2026-11-27',
  );
  expect(err).toBe('');
  const record = JSON.parse(out) as DecisionRecord;
  expect(validateValue(record, 'decision')).toEqual([]);
  return { code, record };
}

function model(record: DecisionRecord, id: string): ModelDecision {
  const found = record.models.find((m) => m.id === id);
  expect(found, `model ${id}`).toBeDefined();
  return found!;
}

/** The SCI-EXPERT threshold of a model, and its condition results by rule and benchmark. */
function sciExpert(m: ModelDecision) {
  const threshold = m.thresholds.find((t) => t.id === 'SCI-EXPERT')!;
  const condition = (rule: ConditionResult['rule'], benchmark: string) => {
    const list = rule === 'review_if' ? threshold.review : threshold.evidence;
    const found = list.find((e) => e.rule === rule && e.benchmark === benchmark);
    expect(found, `${rule} ${benchmark}`).toBeDefined();
    return found!;
  };
  return { threshold, condition };
}

const QWEN = 'inference-optimization/Qwen3-235B-A22B-Thinking-2507.w4a16';
const VEDIKA = 'Vedika-advanced-AI/Vedika-4.1-flash';
const LLAMA_PRO = 'TencentARC/LLaMA-Pro-8B-Instruct';

describe('rsp-gate check on examples/open-models', () => {
  test('passes (exit 0): every model stays at ASL-2', async () => {
    const { code, record } = await checkJson(EXAMPLE);
    expect(code).toBe(0);
    expect(record.decision).toBe('pass');
    expect(record.models.map((m) => [m.id, m.levels.deployment, m.levels.security])).toEqual([
      [LLAMA_PRO, 'ASL-2', 'ASL-2'],
      [QWEN, 'ASL-2', 'ASL-2'],
      [VEDIKA, 'ASL-2', 'ASL-2'],
    ]);
  });

  test('a lighteval run binds to gpqa-diamond through its task (`gpqa:diamond|0`) and metric alias, and rules the threshold out', async () => {
    const { record } = await checkJson(EXAMPLE);
    const { threshold, condition } = sciExpert(model(record, QWEN));
    expect(threshold.status).toBe('ruled_out');
    expect(condition('rule_out', 'gpqa-diamond')).toMatchObject({
      holds: true,
      value: 0.7525252525252525,
      file: 'models/qwen3-235b-thinking/evals/lighteval/results_2026-05-11T07-33-49.106520.json',
      line: 49,
      pointer: '/results/gpqa:diamond|0/gpqa_pass@k:k=1',
      status: 'success',
      source: 'lighteval',
    });
  });

  test('a Hub .eval_results value binds by `dataset.id:task_id`, on the declared reported_scale (78.8 → 0.788), but does not rule out', async () => {
    const { record } = await checkJson(EXAMPLE);
    const { threshold, condition } = sciExpert(model(record, VEDIKA));
    const ruleOut = condition('rule_out', 'gpqa-diamond');
    expect(ruleOut).toMatchObject({
      holds: false,
      value: 0.788,
      file: 'models/vedika-4.1-flash/.eval_results/gpqa.yaml',
      line: 4,
      status: 'reported',
      source: 'hf-eval-results',
    });
    expect(ruleOut.note).toContain(
      'source `hf-eval-results` not accepted for rule-out by this policy',
    );
    expect(condition('rule_in', 'gpqa-diamond')).toMatchObject({ holds: false, value: 0.788 });
    // Its HLE file flags the threshold for a human: 5.2 → 0.052 ≥ 0.05.
    expect(condition('review_if', 'hle')).toMatchObject({
      holds: true,
      value: 0.052,
      file: 'models/vedika-4.1-flash/.eval_results/hle.yaml',
      line: 4,
    });
    expect(threshold.status).toBe('cleared_by_decision');
    expect(threshold.decision).toMatchObject({
      file: 'safeguards/vedika-4.1-flash.yml',
      approved_by: ['dana-safety'],
    });
  });

  test('an Every Eval Ever record binds by evaluation_name (`GPQA`); copied from a leaderboard, it is reported and does not rule out', async () => {
    const { record } = await checkJson(EXAMPLE);
    const { threshold, condition } = sciExpert(model(record, LLAMA_PRO));
    const ruleOut = condition('rule_out', 'open-llm-gpqa');
    expect(ruleOut).toMatchObject({
      holds: false,
      value: 0.2743,
      file: 'models/llama-pro-8b-instruct/evals/every-eval-ever/98ea850e-7019-4728-a558-8b1819ec47c2.json',
      line: 92,
      status: 'reported',
      source: 'every-eval-ever',
    });
    expect(ruleOut.note).toContain('reported');
    expect(threshold.status).toBe('cleared_by_decision');
    expect(threshold.decision).toMatchObject({ file: 'safeguards/llama-pro-8b-instruct.yml' });
  });

  test('prints one line per model in text', async () => {
    const { code, out } = await run('check', '--root', EXAMPLE, '--now', '2026-11-27');
    expect(code).toBe(0);
    expect(out).toMatch(/^rsp-gate: PASS — 3 models/);
    for (const id of [LLAMA_PRO, QWEN, VEDIKA]) expect(out).toContain(`✓ pass  ${id}`);
  });
});

describe('examples/open-models without the signed capability decisions', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('blocks (exit 1): reported numbers alone cannot clear SCI-EXPERT, so Vedika and LLaMA-Pro need ASL-3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rsp-gate-open-models-'));
    dirs.push(dir);
    cpSync(join(ROOT, EXAMPLE), dir, {
      recursive: true,
      filter: (src) => !src.includes(`${EXAMPLE}/safeguards`),
    });
    const { code, record } = await checkJson(dir);
    expect(code).toBe(1);
    expect(record.decision).toBe('block');
    for (const id of [VEDIKA, LLAMA_PRO]) {
      const m = model(record, id);
      expect(m.levels, id).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
      expect(sciExpert(m).threshold.status, id).toBe('not_ruled_out');
      expect(m.safeguards.map((s) => [s.id, s.status])).toEqual([
        ['asl3-release-misuse-review', 'missing'],
        ['asl3-staged-weights-access', 'missing'],
      ]);
    }
    // The lighteval run rules the threshold out on its own.
    expect(model(record, QWEN).levels.deployment).toBe('ASL-2');
  });
});
