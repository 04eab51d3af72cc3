import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceRecord, FileSource } from '../../src/core/evidence.js';
import { MAX_HARNESS_JSON_BYTES } from '../../src/readers/validate-harness-json.js';
import { lightevalBenchmark, lightevalReader } from '../../src/readers/lighteval.js';
import { lmEvalReader } from '../../src/readers/lm-eval.js';
import { findReader, SNIFF_BYTES } from '../../src/readers/registry.js';
import {
  expectLocated,
  expectPrototypesClean,
  lineOf,
  memorySource,
  rejection,
} from '../hostile/generators.js';

const FIXTURES = new URL('../fixtures/lighteval/', import.meta.url);
const SMOLLM = 'eee__lighteval_SmolLM2-1.7B-Instruct_results_2026-01-21T03-44-18.458309.json';
const SMOKE = 'eee__lighteval_smoke_dummy-model_results_2026-08-10T17-22-11.385681.json';
const QWEN =
  'neuralmagic__Qwen3-235B-A22B-Thinking-2507.w4a16_results_2026-05-11T07-33-49.106520.json';

const pathOf = (name: string) => `evals/lighteval/${name}`;
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const readFixture = (name: string, chunkSize?: number): Promise<EvidenceRecord[]> =>
  lightevalReader.read(memorySource(pathOf(name), fixture(name), chunkSize));

const FILE = 'results/results_2026-10-01T12-00-00.000000.json';
const readText = (text: string, file = FILE): Promise<EvidenceRecord[]> =>
  lightevalReader.read(memorySource(file, text));

const stamp = (time: string) =>
  `the file has no date field; used the time in its name (${time}), assumed UTC`;

afterEach(() => expectPrototypesClean());

describe('lighteval results: which files are theirs', () => {
  it('takes every real lighteval file; the lm-eval reader refuses them', () => {
    for (const name of [SMOLLM, SMOKE, QWEN]) {
      const head = fixture(name).subarray(0, SNIFF_BYTES);
      expect(findReader(pathOf(name), head)?.format, name).toBe('lighteval');
      expect(lmEvalReader.accepts(pathOf(name), head), name).toBe(false);
    }
  });

  it('drops the few-shot count from the key to name the benchmark', () => {
    expect(lightevalBenchmark('lighteval|gpqa:diamond|0')).toBe('lighteval|gpqa:diamond');
    expect(lightevalBenchmark('harness|arc:challenge|25')).toBe('harness|arc:challenge');
    expect(lightevalBenchmark('gpqa:diamond|0')).toBe('gpqa:diamond');
    expect(lightevalBenchmark('mmlu:_average|5')).toBe('mmlu:_average');
    expect(lightevalBenchmark('custom|my_task')).toBe('custom|my_task');
  });
});

describe('lighteval results: real files', () => {
  it('reads a run of Qwen3-235B on GPQA Diamond, AIME 25 and MATH-500, without the `all` aggregate', async () => {
    const file = pathOf(QWEN);
    const base = {
      file,
      format: 'lighteval',
      model: 'hosted_vllm/inference-optimization/Qwen3-235B-A22B-Thinking-2507.w4a16',
      filter: null,
      scorer: null,
      scale: 'unknown',
      n: null,
      n_intended: null,
      date: '2026-05-11T07:33:49.106Z',
      status: 'success',
      warnings: [stamp('2026-05-11T07-33-49.106520')],
    } as const;
    expect(await readFixture(QWEN)).toEqual([
      {
        ...base,
        pointer: '/results/gpqa:diamond|0/gpqa_pass@k:k=1',
        line: 49,
        benchmark: 'gpqa:diamond',
        metric: 'gpqa_pass@k:k=1',
        value: 0.7525252525252525,
        stderr: 0.03074630074212453,
      },
      {
        ...base,
        pointer: '/results/aime25|0/pass@k:k=1&n=1',
        line: 53,
        benchmark: 'aime25',
        metric: 'pass@k:k=1&n=1',
        value: 0.8333333333333334,
        stderr: 0.06920456654478331,
      },
      {
        ...base,
        pointer: '/results/aime25|0/avg@n:n=1',
        line: 55,
        benchmark: 'aime25',
        metric: 'avg@n:n=1',
        value: 0.8333333333333334,
        stderr: 0.06920456654478331,
      },
      {
        ...base,
        pointer: '/results/math_500|0/pass@k:k=1&n=1',
        line: 59,
        benchmark: 'math_500',
        metric: 'pass@k:k=1&n=1',
        value: 0.904,
        stderr: 0.013187715179792425,
      },
    ]);
  });

  it('reads NaN as no value with a warning, n from config_tasks, and an _average row as its own benchmark', async () => {
    const records = await readFixture(SMOLLM);
    expect(
      records.map((r) => [r.benchmark, r.metric, r.value, r.stderr, r.n, r.n_intended, r.line]),
    ).toEqual([
      ['mmlu:abstract_algebra', 'acc', 0.31, 0.04648231987117316, 100, 100, 33],
      ['mmlu:anatomy', 'acc', 0.4444444444444444, null, 135, 135, 37],
      ['glue:cola', 'mcc', 0.1673623873916, 0.03127419342, 1043, 1043, 41],
      ['glue:cola', 'custom_reward', 7.25, null, 1043, 1043, 43],
      ['glue:cola', 'broken_metric', null, null, 1043, 1043, 44],
      ['mmlu:_average', 'acc', 0.3772222222222222, 0.04648231987117316, null, null, 47],
    ]);
    const time = stamp('2026-01-21T03-44-18.458309');
    expect(records.map((r) => r.warnings)).toEqual([
      [time],
      [time, 'acc_stderr is NaN in the file; treated as no value'],
      [time],
      [time],
      [time, 'broken_metric is NaN in the file; treated as no value'],
      [
        time,
        `"mmlu:_average|5" is lighteval's average over the mmlu tasks of this file, not a task of its own`,
      ],
    ]);
    for (const r of records) {
      expect(r.model).toBe('HuggingFaceTB/SmolLM2-1.7B-Instruct');
      expect(r.status).toBe('success');
      expect(r.date).toBe('2026-01-21T03:44:18.458Z');
    }
  });

  it('reads a run limited by --max-samples (lighteval 0.13, keys without a suite) as partial', async () => {
    const records = await readFixture(SMOKE);
    expect(
      records.map((r) => [r.benchmark, r.metric, r.value, r.stderr, r.status, r.line]),
    ).toEqual([
      ['squad_v2', 'em', 0, 0, 'partial', 40],
      ['anli:r1', 'acc', 0, 0, 'partial', 44],
    ]);
    expect(records[0]!.model).toBe('eee-smoke/dummy-model');
    expect(records[0]!.warnings).toEqual([
      stamp('2026-08-10T17-22-11.385681'),
      'config_general.max_samples is 2 (a limited run); treated as partial',
    ]);
  });

  it('gives the same records whatever the chunk size', async () => {
    expect(await readFixture(SMOLLM, 5)).toEqual(await readFixture(SMOLLM));
  });
});

/** An Open LLM Leaderboard v1 style file. */
const LEADERBOARD = `{
  "config_general": {
    "lighteval_sha": "494ee12240e716e804ae9ea834f84a2c864c07ca",
    "max_samples": null,
    "start_time": 1781075.607155059,
    "model_name": "acme/m"
  },
  "results": {
    "harness|arc:challenge|25": {
      "acc": 0.4991467576791809,
      "acc_stderr": 0.014611369529813262,
      "acc_norm": 0.5460750853242321,
      "acc_norm_stderr": 0.014549221105171872
    },
    "all": { "acc": 0.5 }
  }
}
`;

describe('lighteval results: shapes and hostile input', () => {
  it('reads Open LLM Leaderboard v1 keys (`harness|arc:challenge|25`)', async () => {
    const records = await readText(LEADERBOARD);
    expect(records.map((r) => [r.benchmark, r.metric, r.value, r.stderr, r.line])).toEqual([
      ['harness|arc:challenge', 'acc', 0.4991467576791809, 0.014611369529813262, 10],
      ['harness|arc:challenge', 'acc_norm', 0.5460750853242321, 0.014549221105171872, 12],
    ]);
    expect(records[0]!.model).toBe('acme/m');
  });

  it('leaves a file without a time in its name undated, and never reads start_time as a date', async () => {
    const [r] = await readText(LEADERBOARD, 'results/results.json');
    expect(r!.date).toBeNull();
    expect(r!.warnings).toEqual([]);
  });

  it('reads a task that scored fewer documents than it has as partial', async () => {
    const text = LEADERBOARD.replace(
      '"results"',
      '"config_tasks": {"harness|arc:challenge|25": {"original_num_docs": 1172, "effective_num_docs": 100}},\n  "results"',
    );
    const [r] = await readText(text);
    expect(r).toMatchObject({ n: 100, n_intended: 1172, status: 'partial' });
    expect(r!.warnings).toContain('100 of 1172 documents were scored; treated as partial');
  });

  it('reads Infinity, a string and null as no value, each with a warning', async () => {
    const text = LEADERBOARD.replace('"acc": 0.4991467576791809', '"acc": Infinity')
      .replace('"acc_norm": 0.5460750853242321', '"acc_norm": "N/A"')
      .replace('"acc_norm_stderr": 0.014549221105171872', '"acc_norm_stderr": null');
    const records = await readText(text);
    expect(records.map((r) => [r.value, r.stderr, r.warnings.slice(1)])).toEqual([
      [null, 0.014611369529813262, ['acc is Infinity in the file; treated as no value']],
      [
        null,
        null,
        [
          'acc_norm is "N/A" in the file, not a number; treated as no value',
          'acc_norm_stderr has no value in the file; treated as no value',
        ],
      ],
    ]);
  });

  it('reads a list, an object or a boolean where a score belongs as no value, with a warning', async () => {
    const text = LEADERBOARD.replace('"acc": 0.4991467576791809', '"acc": [0.49, 0.51]').replace(
      '"acc_norm": 0.5460750853242321',
      '"acc_norm": {"mean": 0.546}',
    );
    const records = await readText(text);
    expect(records.map((r) => [r.metric, r.value, r.stderr, r.line, r.warnings.slice(1)])).toEqual([
      [
        'acc',
        null,
        0.014611369529813262,
        10,
        ['acc is [0.49,0.51] in the file, not a number; treated as no value'],
      ],
      [
        'acc_norm',
        null,
        0.014549221105171872,
        12,
        ['acc_norm is {"mean":0.546} in the file, not a number; treated as no value'],
      ],
    ]);
    const [flag] = await readText(LEADERBOARD.replace('"acc": 0.4991467576791809', '"acc": true'));
    expect(flag).toMatchObject({ metric: 'acc', value: null });
    expect(flag!.warnings).toContain('acc is true in the file, not a number; treated as no value');
  });

  it('reads a _stderr with no metric beside it as that metric without a value, with a warning', async () => {
    const text = LEADERBOARD.replace('"acc": 0.4991467576791809,\n', '');
    const records = await readText(text);
    expect(records.map((r) => [r.metric, r.value, r.stderr, r.pointer])).toEqual([
      ['acc', null, 0.014611369529813262, '/results/harness|arc:challenge|25/acc_stderr'],
      [
        'acc_norm',
        0.5460750853242321,
        0.014549221105171872,
        '/results/harness|arc:challenge|25/acc_norm',
      ],
    ]);
    expect(records[0]!.warnings.slice(1)).toEqual([
      '"acc_stderr" has no "acc" beside it in the file; read as "acc" without a value',
    ]);
    expect(records[0]!.line).toBe(lineOf(text, '"acc_stderr"'));
    expect(records[1]!.warnings.slice(1)).toEqual([]);
  });

  it('says when two few-shot settings of one task become the same benchmark and metric', async () => {
    // The Qwen3 run with a 5-shot GPQA Diamond result beside its 0-shot one.
    const text = new TextDecoder()
      .decode(fixture(QWEN))
      .replace(
        '"aime25|0": {',
        '"gpqa:diamond|5": {\n      "gpqa_pass@k:k=1": 0.71,\n      "gpqa_pass@k:k=1_stderr": 0.03\n    },\n    "aime25|0": {',
      );
    const records = await readText(text, pathOf(QWEN));
    const gpqa = records.filter((r) => r.benchmark === 'gpqa:diamond');
    expect(gpqa.map((r) => [r.metric, r.value, r.pointer])).toEqual([
      ['gpqa_pass@k:k=1', 0.7525252525252525, '/results/gpqa:diamond|0/gpqa_pass@k:k=1'],
      ['gpqa_pass@k:k=1', 0.71, '/results/gpqa:diamond|5/gpqa_pass@k:k=1'],
    ]);
    for (const r of gpqa) {
      expect(r.warnings).toContain(
        '"gpqa:diamond|0" and "gpqa:diamond|5" are all read as benchmark "gpqa:diamond", metric "gpqa_pass@k:k=1": a policy cannot tell their few-shot settings apart',
      );
    }
    for (const r of records.filter((r) => r.benchmark !== 'gpqa:diamond')) {
      expect(r.warnings).toEqual([stamp('2026-05-11T07-33-49.106520')]);
    }
  });

  it('refuses results that hold no task: empty, or only the `all` aggregate', async () => {
    const empty = LEADERBOARD.replace(/"results": \{[\s\S]*\n {2}\}\n/, '"results": {}\n');
    expectLocated(await rejection(readText(empty)), {
      code: 'lighteval-empty',
      file: FILE,
      line: lineOf(empty, '"results"'),
      message: 'results is empty: the file holds no score',
    });
    const onlyAll = LEADERBOARD.replace(/"harness\|arc:challenge\|25": \{[^}]*\},\n\s*/, '');
    expectLocated(await rejection(readText(onlyAll)), {
      code: 'lighteval-empty',
      file: FILE,
      line: lineOf(onlyAll, '"results"'),
      message: 'results holds only the `all` aggregate, no task: the file holds no score to read',
    });
  });

  it('refuses a file over 64 MiB before reading a byte of it', async () => {
    const source: FileSource = {
      path: FILE,
      size: MAX_HARNESS_JSON_BYTES + 1,
      read: () => Promise.reject(new Error('read')),
      chunks: () => {
        throw new Error('the file was read');
      },
    };
    expectLocated(await rejection(lightevalReader.read(source)), {
      code: 'file-too-large',
      file: FILE,
      line: 1,
      message: `the file is 67108865 bytes; lighteval results files are read up to 67108864 bytes (64 MiB)`,
    });
  });

  it('refuses a file without results, at the top', async () => {
    expectLocated(await rejection(readText('{"config_general": {"model_name": "m"}}')), {
      code: 'schema',
      file: FILE,
      line: 1,
      message: 'lighteval results: (top level): missing required key `results`',
    });
  });

  it('refuses a task entry that is not an object, at its line', async () => {
    const text = LEADERBOARD.replace('"all": { "acc": 0.5 }', '"all": 0.5');
    expectLocated(await rejection(readText(text)), {
      code: 'schema',
      file: FILE,
      line: lineOf(text, '"all": 0.5'),
      message: 'lighteval results: results.all: must be object',
    });
  });

  it('refuses a negative or fractional max_samples', async () => {
    for (const bad of ['-3', '2.5']) {
      const text = LEADERBOARD.replace('"max_samples": null', `"max_samples": ${bad}`);
      expectLocated(await rejection(readText(text)), {
        code: 'schema',
        file: FILE,
        line: lineOf(text, '"max_samples"'),
        key: 'config_general.max_samples',
      });
    }
  });

  it('refuses truncated and invalid JSON, and a file that is not an object', async () => {
    expectLocated(await rejection(readText(LEADERBOARD.slice(0, 200))), {
      code: 'json-truncated',
      file: FILE,
    });
    expectLocated(await rejection(readText(LEADERBOARD.replace('"acc": 0.49', '"acc": 0..49'))), {
      code: 'json-syntax',
      file: FILE,
      line: 10,
    });
    expectLocated(await rejection(readText('["config_general"]')), {
      code: 'lighteval-shape',
      file: FILE,
      line: 1,
    });
  });

  it('reads a __proto__ task as a plain key, without touching Object.prototype', async () => {
    const text = LEADERBOARD.replace(
      '"all":',
      '"__proto__": { "acc": 0.9, "polluted": 1 },\n    "all":',
    );
    const records = await readText(text);
    expect(records.map((r) => [r.benchmark, r.metric, r.value])).toContainEqual([
      '__proto__',
      'acc',
      0.9,
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
