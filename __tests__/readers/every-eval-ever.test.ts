import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceRecord, FileSource } from '../../src/core/evidence.js';
import { everyEvalEverReader } from '../../src/readers/every-eval-ever.js';
import { MAX_HARNESS_JSON_BYTES } from '../../src/readers/validate-harness-json.js';
import { findReader, SNIFF_BYTES } from '../../src/readers/registry.js';
import {
  expectLocated,
  expectPrototypesClean,
  lineOf,
  memorySource,
  rejection,
} from '../hostile/generators.js';

const FIXTURES = new URL('../fixtures/every-eval-ever/', import.meta.url);
const pathOf = (name: string) => `evals/eee/${name}`;
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const readFixture = (name: string, chunkSize?: number): Promise<EvidenceRecord[]> =>
  everyEvalEverReader.read(memorySource(pathOf(name), fixture(name), chunkSize));

const FILE = 'evals/eee/record.json';
const readText = (text: string): Promise<EvidenceRecord[]> =>
  everyEvalEverReader.read(memorySource(FILE, text));

const common = { format: 'every-eval-ever', filter: null, scorer: null, n_intended: null } as const;
/** The warning on a result that names no metric and is its evaluation's only result. */
const onlyScore = (evaluation: string) =>
  `metric_config names no metric (metric_id, metric_name, or a metric name as evaluation_description); taken as the only score of "${evaluation}", its primary score`;
const UNDATED =
  'the record has no evaluation_timestamp (retrieved_timestamp is when the record was made, not when the evaluation ran); date treated as unknown';

afterEach(() => expectPrototypesClean());

/** benchmark, metric, value, scale, status, line */
const rows = (records: EvidenceRecord[]) =>
  records.map((r) => [r.benchmark, r.metric, r.value, r.scale, r.status, r.line]);

describe('Every Eval Ever records: which files are theirs', () => {
  it('routes every real record to this reader, not to the lm-eval or Inspect readers', () => {
    for (const name of [
      'eee__98ea850e-7019-4728-a558-8b1819ec47c2.json',
      'eee__community_mmlu-pro_yi-1.5-34b-chat.json',
      'eee__hal-gaia_claude-3-7-sonnet-20250219.json',
      'eee__helm_instruct_claude-v1.3.json',
      'eee__inspect_ai2_arc_claude-sonnet-4-0.json',
      'eee__skill_reference_demo-model.json',
      'eee__reward-bench_rm-100pctflipped_out-of-bounds.json',
    ]) {
      expect(findReader(pathOf(name), fixture(name).subarray(0, SNIFF_BYTES))?.format, name).toBe(
        'every-eval-ever',
      );
    }
  });

  it('does not claim lm-eval results or other JSON', () => {
    const lm = new TextEncoder().encode(
      '{"results": {"arc": {"acc,none": 0.5}}, "schema_version": "1"}',
    );
    expect(everyEvalEverReader.accepts('r/results.json', lm)).toBe(false);
    expect(
      everyEvalEverReader.accepts('r/x.yaml', fixture('eee__skill_reference_demo-model.json')),
    ).toBe(false);
  });
});

describe('Every Eval Ever records: real files', () => {
  it('reads a 0.3.0 record: metric from metric_id, date from evaluation_timestamp (epoch seconds)', async () => {
    expect(await readFixture('eee__skill_reference_demo-model.json')).toEqual([
      {
        ...common,
        file: pathOf('eee__skill_reference_demo-model.json'),
        pointer: '/evaluation_results/0/score_details/score',
        line: 50,
        model: 'demo-org/demo-model',
        benchmark: 'demo-source.demo_bench',
        metric: 'accuracy',
        value: 0.75,
        scale: 'fraction',
        stderr: null,
        n: null,
        date: '2025-06-15T15:06:40.000Z',
        status: 'reported',
        warnings: [],
      },
    ]);
  });

  it('reads a record converted from an Inspect log of 5 of 2,376 samples as partial, its metric from evaluation_description', async () => {
    expect(await readFixture('eee__inspect_ai2_arc_claude-sonnet-4-0.json')).toEqual([
      {
        ...common,
        file: pathOf('eee__inspect_ai2_arc_claude-sonnet-4-0.json'),
        pointer: '/evaluation_results/0/score_details/score',
        line: 43,
        model: 'anthropic/claude-sonnet-4-0',
        benchmark: 'choice',
        metric: 'accuracy',
        value: 1,
        scale: 'fraction',
        stderr: null,
        n: null,
        n_intended: 2376,
        date: '2025-10-20T22:40:45.000Z',
        status: 'partial',
        warnings: [
          'source_data.sample_ids lists 5 of the 2376 samples of source_data.samples_number; treated as partial',
        ],
      },
    ]);
  });

  it('reads a 0.2.0 leaderboard scrape as reported and undated: retrieved_timestamp is not when it ran', async () => {
    const records = await readFixture('eee__98ea850e-7019-4728-a558-8b1819ec47c2.json');
    expect(rows(records)).toEqual([
      ['IFEval', null, 0.4486, 'fraction', 'reported', 38],
      ['BBH', null, 0.4224, 'fraction', 'reported', 56],
      ['MATH Level 5', null, 0.0249, 'fraction', 'reported', 74],
      ['GPQA', null, 0.2743, 'fraction', 'reported', 92],
      ['MUSR', null, 0.419, 'fraction', 'reported', 110],
      ['MMLU-PRO', null, 0.1946, 'fraction', 'reported', 128],
    ]);
    for (const r of records) {
      expect(r.model).toBe('TencentARC/LLaMA-Pro-8B-Instruct');
      expect(r.date).toBeNull();
      expect(r.warnings).toEqual([onlyScore(r.benchmark), UNDATED]);
    }
  });

  it('reads a 0.2.2 record with metric ids for every result', async () => {
    const records = await readFixture('eee__community_mmlu-pro_yi-1.5-34b-chat.json');
    expect(records).toHaveLength(15);
    expect(rows(records.slice(0, 2))).toEqual([
      ['MMLU-Pro (overall)', 'mmlu_pro/overall', 0.5229, 'fraction', 'reported', 68],
      ['MMLU-Pro (Biology)', 'mmlu_pro/biology', 0.7141, 'fraction', 'reported', 105],
    ]);
    expect(rows(records.slice(-1))).toEqual([
      ['MMLU-Pro (Other)', 'mmlu_pro/other', 0.5162, 'fraction', 'reported', 586],
    ]);
    expect(new Set(records.map((r) => r.model))).toEqual(new Set(['01-ai/yi-1.5-34b-chat']));
    expect(records[0]!.warnings).toEqual([UNDATED]);
  });

  it('reads an agent leaderboard record (HAL, GAIA) whatever its evaluation library', async () => {
    expect(rows(await readFixture('eee__hal-gaia_claude-3-7-sonnet-20250219.json'))).toEqual([
      ['GAIA', null, 0.6424, 'fraction', 'reported', 52],
      ['GAIA - GAIA Level 1', null, 0.6792, 'fraction', 'reported', 108],
      ['GAIA - GAIA Level 2', null, 0.6395, 'fraction', 'reported', 161],
      ['GAIA - GAIA Level 3', null, 0.5769, 'fraction', 'reported', 214],
    ]);
  });

  it('puts a score declared on 0–5 on an unbounded scale, next to a 0–1 score of the same record', async () => {
    const records = await readFixture('eee__helm_instruct_claude-v1.3.json');
    expect(rows(records.slice(0, 3))).toEqual([
      ['Mean win rate', null, 0.611, 'fraction', 'reported', 35],
      ['Anthropic RLHF dataset', null, 4.965, 'unbounded', 'reported', 61],
      ['Best ChatGPT Prompts', null, 4.995, 'unbounded', 'reported', 109],
    ]);
    expect(records).toHaveLength(7);
  });

  it('refuses a real record whose score lies outside its own declared bounds (-0.01 on [0, 1])', async () => {
    const name = 'eee__reward-bench_rm-100pctflipped_out-of-bounds.json';
    expectLocated(await rejection(readFixture(name)), {
      code: 'eee-out-of-bounds',
      file: pathOf(name),
      line: 139,
      column: 18,
      key: '/evaluation_results/6/score_details/score',
      message: '"Ties": score -0.01 is outside the bounds its metric_config declares [0, 1]',
    });
  });

  it('gives the same records whatever the chunk size', async () => {
    const name = 'eee__community_mmlu-pro_yi-1.5-34b-chat.json';
    expect(await readFixture(name, 7)).toEqual(await readFixture(name));
  });
});

const LM_ARC = 'converted__lm-eval_arc_easy_pythia-14m-deduped.json';
const LM_LAMBADA = 'converted__lm-eval_lambada_openai_pythia-14m-deduped.json';
const LM_GSM8K = 'converted__lm-eval_gsm8k_cot_llama_Meta-Llama-3-8B-Instruct.json';
const INSPECT_LIMITED = 'converted__inspect_popularity_llama3.1.json';
const INSPECT_CANCELLED = 'converted__inspect_testtaskname_gpt-4o-mini.json';

describe('Every Eval Ever records: what its own lm-eval and Inspect converters write', () => {
  it('routes the converted records to this reader', () => {
    for (const name of [LM_ARC, LM_LAMBADA, LM_GSM8K, INSPECT_LIMITED, INSPECT_CANCELLED]) {
      expect(findReader(pathOf(name), fixture(name).subarray(0, SNIFF_BYTES))?.format, name).toBe(
        'every-eval-ever',
      );
    }
  });

  it('tells acc from acc_norm by evaluation_description when both share the evaluation name', async () => {
    const records = await readFixture(LM_ARC);
    expect(records.map((r) => [r.benchmark, r.metric, r.filter, r.value, r.scale, r.line])).toEqual(
      [
        ['arc_easy', 'acc', null, 0.3, 'fraction', 43],
        ['arc_easy', 'acc_norm', null, 0.1, 'fraction', 63],
      ],
    );
    for (const r of records) {
      // The converter keeps lm-eval's effective sample count (10) but not its original (2,376).
      expect(r).toMatchObject({ n: 10, n_intended: null, status: 'success', date: null });
      expect(r.warnings).toEqual([UNDATED]);
    }
  });

  it('names a perplexity beside an accuracy, so it is never read as the primary score', async () => {
    const records = await readFixture(LM_LAMBADA);
    expect(records.map((r) => [r.benchmark, r.metric, r.value, r.scale])).toEqual([
      ['lambada_openai', 'acc', 0.1, 'fraction'],
      ['lambada_openai', 'perplexity', 605.5452047779999, 'unbounded'],
    ]);
    expect(records[1]!.warnings).toContain(
      "metric_config says lower is better; the policy's higher_is_better decides how the value is compared",
    );
  });

  it('reads `exact_match (filter: strict-match)` as metric and filter, and names the benchmark after the task', async () => {
    const records = await readFixture(LM_GSM8K);
    expect(
      records.map((r) => [r.benchmark, r.metric, r.filter, r.value, r.stderr, r.n, r.date]),
    ).toEqual([
      [
        'gsm8k_cot_llama',
        'exact_match',
        'strict-match',
        0.7725549658832449,
        0.01154636331254809,
        1319,
        '2024-08-25T21:55:00.000Z',
      ],
      [
        'gsm8k_cot_llama',
        'exact_match',
        'flexible-extract',
        0.7778620166793025,
        0.011449986902435323,
        1319,
        '2024-08-25T21:55:00.000Z',
      ],
    ]);
    expect(records.map((r) => r.warnings)).toEqual([[], []]);
  });

  it('reads an Inspect run limited to 1 of 100 samples as partial (samples_number in additional_details)', async () => {
    const [r] = await readFixture(INSPECT_LIMITED);
    expect(r).toMatchObject({
      benchmark: 'accuracy on popularity for scorer match',
      metric: 'accuracy',
      value: 0,
      scale: 'fraction',
      n: 1,
      n_intended: 100,
      status: 'partial',
      date: '2024-10-15T16:53:13.000Z',
      model: 'ollama/llama3.1',
    });
    expect(r!.warnings).toEqual([
      'score_details.uncertainty.num_samples is 1, fewer than the 100 samples of source_data.additional_details.samples_number; treated as partial',
    ]);
  });

  it('reads a cancelled Inspect run of 3 listed sample ids of 100 as partial', async () => {
    const [r] = await readFixture(INSPECT_CANCELLED);
    expect(r).toMatchObject({ metric: 'accuracy', n: 0, n_intended: 100, status: 'partial' });
    expect(r!.warnings).toEqual([
      'score_details.uncertainty.num_samples is 0, fewer than the 100 samples of source_data.additional_details.samples_number; treated as partial',
      'source_data.additional_details.sample_ids lists 3 of the 100 samples of source_data.additional_details.samples_number; treated as partial',
    ]);
  });

  it('refuses a record whose results of one evaluation name no metric and cannot be told apart', async () => {
    // The lm-eval conversion above with its metric names written as prose, as a hand-made or
    // older record might: either result could be taken for arc_easy's primary score.
    const text = new TextDecoder()
      .decode(fixture(LM_ARC))
      .replace(
        '"evaluation_description": "acc"',
        '"evaluation_description": "Accuracy on ARC-Easy"',
      )
      .replace(
        '"evaluation_description": "acc_norm"',
        '"evaluation_description": "Length-normalised accuracy on ARC-Easy"',
      );
    expectLocated(await rejection(readText(text)), {
      code: 'eee-metric-ambiguous',
      file: FILE,
      line: lineOf(text, '"metric_config"'),
      key: '/evaluation_results/0/metric_config',
      message:
        '"arc_easy" has 2 results (evaluation_results[0], [1]) and evaluation_results[0], [1] name no metric (no metric_id, metric_name, or metric name as evaluation_description): which result is the evaluation\'s primary score cannot be told',
    });
    // One named result beside an unnamed one is no better: the unnamed one could be anything.
    const one = new TextDecoder()
      .decode(fixture(LM_ARC))
      .replace(
        '"evaluation_description": "acc_norm"',
        '"evaluation_description": "Normalised accuracy"',
      );
    expectLocated(await rejection(readText(one)), {
      code: 'eee-metric-ambiguous',
      file: FILE,
      key: '/evaluation_results/1/metric_config',
      message: /and evaluation_results\[1\] names no metric/,
    });
  });
});

/** A minimal 0.3.0 record; `result` and `top` override its parts. `NaN` etc. are spliced in as bare tokens. */
function record(
  result: Record<string, unknown> = {},
  top: Record<string, unknown> = {},
  metricConfig: Record<string, unknown> = {},
): string {
  const doc = {
    schema_version: '0.3.0',
    evaluation_id: 'x/acme_m/1767225600',
    evaluation_timestamp: '1767225600',
    retrieved_timestamp: '1767225600',
    source_metadata: {
      source_type: 'evaluation_run',
      source_organization_name: 'acme',
      evaluator_relationship: 'first_party',
    },
    eval_library: { name: 'inspect_ai', version: '0.3.160' },
    model_info: { name: 'm', id: 'acme/m' },
    ...top,
    evaluation_results: [
      {
        evaluation_name: 'wmdp_bio',
        source_data: { dataset_name: 'wmdp', source_type: 'hf_dataset', hf_repo: 'cais/wmdp' },
        metric_config: {
          metric_id: 'accuracy',
          lower_is_better: false,
          score_type: 'continuous',
          min_score: 0,
          max_score: 1,
          ...metricConfig,
        },
        score_details: { score: 0.41 },
        ...result,
      },
    ],
  };
  return JSON.stringify(doc, null, 2).replace(/"<(NaN|Infinity|-Infinity)>"/g, '$1');
}

describe('Every Eval Ever records: what the record says', () => {
  it('takes stderr from uncertainty.standard_error and n from num_samples', async () => {
    const [r] = await readText(
      record({
        score_details: {
          score: 0.41,
          uncertainty: { standard_error: { value: 0.012, method: 'analytic' }, num_samples: 1273 },
        },
      }),
    );
    expect(r).toMatchObject({ value: 0.41, stderr: 0.012, n: 1273, model: 'acme/m' });
  });

  it('prefers a result’s own evaluation_timestamp to the record’s, and reads ISO dates too', async () => {
    const [r] = await readText(
      record(
        { evaluation_timestamp: '2026-10-01T12:00:00+02:00' },
        { evaluation_timestamp: '1700000000' },
      ),
    );
    expect(r!.date).toBe('2026-10-01T10:00:00.000Z');
    const [s] = await readText(record({}, { evaluation_timestamp: '1700000000' }));
    expect(s!.date).toBe('2023-11-14T22:13:20.000Z');
    const [t] = await readText(record({}, { evaluation_timestamp: 'last Tuesday' }));
    expect(t!.date).toBeNull();
    expect(t!.warnings).toEqual([
      'evaluation_timestamp ("last Tuesday") is not a date; date treated as unknown',
    ]);
  });

  it('falls back from metric_id to metric_name', async () => {
    const [r] = await readText(record({}, {}, { metric_id: undefined, metric_name: 'Accuracy' }));
    expect(r!.metric).toBe('Accuracy');
  });

  it('takes a one-word evaluation_description as the metric, and reads prose as no metric', async () => {
    const metric = async (description: string) =>
      (
        await readText(
          record({}, {}, { metric_id: undefined, evaluation_description: description }),
        )
      )[0]!.metric;
    expect(await metric('accuracy')).toBe('accuracy');
    expect(await metric('  pass@1 ')).toBe('pass@1');
    expect(await metric('Accuracy on WMDP-Bio')).toBeNull();
    expect(await metric('')).toBeNull();
  });

  it('prefers metric_id and metric_name to evaluation_description', async () => {
    const [r] = await readText(record({}, {}, { evaluation_description: 'acc' }));
    expect(r!.metric).toBe('accuracy');
  });

  it('notes lower_is_better and leaves the comparison to the policy', async () => {
    const [r] = await readText(record({}, {}, { lower_is_better: true }));
    expect(r!.value).toBe(0.41);
    expect(r!.warnings).toEqual([
      "metric_config says lower is better; the policy's higher_is_better decides how the value is compared",
    ]);
  });

  it('reads the declared bounds as the scale: [0, 100] percent, open or other bounds unbounded, none unknown', async () => {
    const scale = async (config: Record<string, unknown>, score = 40) =>
      (await readText(record({ score_details: { score } }, {}, config)))[0]!.scale;
    expect(await scale({ min_score: 0, max_score: 100 })).toBe('percent');
    expect(await scale({ min_score: 0, max_score: 'Infinity' })).toBe('unbounded');
    expect(await scale({ min_score: '-Infinity', max_score: '<Infinity>' })).toBe('unbounded');
    expect(await scale({ min_score: 1, max_score: 5 }, 4)).toBe('unbounded');
    const [none] = await readText(
      record({}, {}, { min_score: undefined, max_score: undefined, score_type: undefined }),
    );
    expect(none!.scale).toBe('unknown');
    expect(none!.warnings).toEqual([
      'metric_config declares no min_score/max_score; scale unknown',
    ]);
  });

  it('reads the unknown level (-1) of a levels metric as no value', async () => {
    const [r] = await readText(
      record(
        { score_details: { score: -1 } },
        {},
        {
          score_type: 'levels',
          level_names: ['low', 'high'],
          has_unknown_level: true,
          min_score: undefined,
          max_score: undefined,
        },
      ),
    );
    expect(r!.value).toBeNull();
    expect(r!.warnings).toContain(
      'score -1 is the unknown level of a levels metric; treated as no value',
    );
  });

  it('turns NaN and Infinity scores into no value, with a warning', async () => {
    for (const token of ['NaN', 'Infinity', '-Infinity']) {
      const [r] = await readText(record({ score_details: { score: `<${token}>` } }));
      expect(r!.value).toBeNull();
      expect(r!.warnings).toEqual([
        `score_details.score is ${token} in the record; treated as no value`,
      ]);
    }
  });

  it('reads a documentation record as reported', async () => {
    const [r] = await readText(
      record(
        {},
        {
          source_metadata: {
            source_type: 'documentation',
            source_organization_name: 'x',
            evaluator_relationship: 'third_party',
          },
        },
      ),
    );
    expect(r!.status).toBe('reported');
  });
});

describe('Every Eval Ever records: units, sample counts and dates', () => {
  it('reads metric_unit: proportion is a fraction and percent a percentage, with or without bounds', async () => {
    const read = async (config: Record<string, unknown>, score = 0.41) =>
      (await readText(record({ score_details: { score } }, {}, config)))[0]!;
    expect((await read({ metric_unit: 'proportion' })).scale).toBe('fraction');
    expect((await read({ metric_unit: 'percent', min_score: 0, max_score: 100 }, 41)).scale).toBe(
      'percent',
    );
    const unitOnly = await read(
      { metric_unit: 'percentage', min_score: undefined, max_score: undefined },
      41,
    );
    expect(unitOnly.scale).toBe('percent');
    expect(unitOnly.warnings).toEqual([]);
    const noUnit = await read({ min_score: undefined, max_score: undefined });
    expect(noUnit.scale).toBe('unknown');
    // A unit that says nothing about the scale leaves it to the bounds.
    expect((await read({ metric_unit: 'points' })).scale).toBe('fraction');
  });

  it('refuses a unit its bounds contradict: a proportion on [0, 100], a percent on [0, 1]', async () => {
    const proportion = record(
      { score_details: { score: 41 } },
      {},
      { metric_unit: 'proportion', max_score: 100 },
    );
    expectLocated(await rejection(readText(proportion)), {
      code: 'eee-unit-bounds',
      file: FILE,
      line: lineOf(proportion, '"metric_unit"'),
      key: '/evaluation_results/0/metric_config/metric_unit',
      message:
        'metric_config.metric_unit "proportion" contradicts the declared bounds [0, 100]: a proportion lies in [0, 1]',
    });
    const percent = record({}, {}, { metric_unit: 'percent' });
    expectLocated(await rejection(readText(percent)), {
      code: 'eee-unit-bounds',
      file: FILE,
      line: lineOf(percent, '"metric_unit"'),
      message:
        'metric_config.metric_unit "percent" contradicts the declared bounds [0, 1]: a percentage does not top out at 1',
    });
  });

  it('reads a run that scored fewer samples than samples_number as partial, and as many as success', async () => {
    const run = async (numSamples: number, sourceData: Record<string, unknown>) =>
      (
        await readText(
          record({
            source_data: { dataset_name: 'wmdp', source_type: 'hf_dataset', ...sourceData },
            score_details: { score: 0.41, uncertainty: { num_samples: numSamples } },
          }),
        )
      )[0]!;
    const partial = await run(500, { samples_number: 1273 });
    expect(partial).toMatchObject({ n: 500, n_intended: 1273, status: 'partial' });
    expect(partial.warnings).toEqual([
      'score_details.uncertainty.num_samples is 500, fewer than the 1273 samples of source_data.samples_number; treated as partial',
    ]);
    const whole = await run(1273, { samples_number: 1273 });
    expect(whole).toMatchObject({ n: 1273, n_intended: 1273, status: 'success', warnings: [] });
    // Epochs: an Inspect run counts every sample of every epoch.
    expect((await run(2546, { samples_number: 1273 })).status).toBe('success');
    const listed = await run(1273, { samples_number: 1273, sample_ids: ['1', '2'] });
    expect(listed.status).toBe('partial');
  });

  it('keeps a documentation record reported even when its sample counts fall short', async () => {
    const [r] = await readText(
      record(
        {
          source_data: { dataset_name: 'wmdp', source_type: 'hf_dataset', samples_number: 1273 },
          score_details: { score: 0.41, uncertainty: { num_samples: 10 } },
        },
        { source_metadata: { source_type: 'documentation' } },
      ),
    );
    expect(r!.status).toBe('reported');
    expect(r!.warnings).toHaveLength(1);
  });

  it('reads a NaN or Infinity num_samples as an unknown count, with a warning', async () => {
    for (const token of ['NaN', 'Infinity']) {
      const [r] = await readText(
        record({ score_details: { score: 0.41, uncertainty: { num_samples: `<${token}>` } } }),
      );
      expect(r!.n).toBeNull();
      expect(r!.warnings).toEqual([
        `score_details.uncertainty.num_samples is ${token} in the record; sample count treated as unknown`,
      ]);
    }
  });

  it('refuses a samples_number that is not a count, at its line', async () => {
    const text = record({
      source_data: {
        dataset_name: 'x',
        source_type: 'other',
        additional_details: { samples_number: 'about 100' },
      },
    });
    expectLocated(await rejection(readText(text)), {
      code: 'schema',
      file: FILE,
      line: lineOf(text, '"samples_number"'),
    });
  });

  it('leaves a result undated when its epoch is outside 1970–2100 or its ISO date impossible', async () => {
    const [far] = await readText(record({}, { evaluation_timestamp: '999999999999' }));
    expect(far!.date).toBeNull();
    expect(far!.warnings).toEqual([
      'evaluation_timestamp ("999999999999") is epoch seconds outside 1970–2100; date treated as unknown',
    ]);
    const [impossible] = await readText(record({}, { evaluation_timestamp: '2026-13-45' }));
    expect(impossible!.date).toBeNull();
    expect(impossible!.warnings).toEqual([
      'evaluation_timestamp ("2026-13-45") is not a date; date treated as unknown',
    ]);
    const [last] = await readText(record({}, { evaluation_timestamp: 4133980799 }));
    expect(last!.date).toBe('2100-12-31T23:59:59.000Z');
    const [next] = await readText(record({}, { evaluation_timestamp: '4133980800' }));
    expect(next!.date).toBeNull();
  });
});

describe('Every Eval Ever records: malformed and hostile input is refused, at its line', () => {
  it('refuses a score outside its declared bounds, at the score', async () => {
    const text = record({ score_details: { score: 63.3 } });
    expectLocated(await rejection(readText(text)), {
      code: 'eee-out-of-bounds',
      file: FILE,
      line: lineOf(text, '"score": 63.3'),
      key: '/evaluation_results/0/score_details/score',
      message: '"wmdp_bio": score 63.3 is outside the bounds its metric_config declares [0, 1]',
    });
  });

  it('refuses bounds that contradict each other', async () => {
    const text = record({}, {}, { min_score: 1, max_score: 0 });
    expectLocated(await rejection(readText(text)), {
      code: 'eee-bounds',
      file: FILE,
      line: lineOf(text, '"metric_config"'),
      message: 'metric_config declares min_score 1 above max_score 0',
    });
  });

  it('refuses a NaN bound', async () => {
    const text = record({}, {}, { max_score: '<NaN>' });
    expectLocated(await rejection(readText(text)), {
      code: 'eee-bounds',
      file: FILE,
      line: lineOf(text, '"max_score": NaN'),
      message: 'metric_config.max_score is NaN',
    });
  });

  it('refuses an unsupported schema version, saying which it reads', async () => {
    for (const version of ['0.1.0', '0.4.0', '1.0']) {
      const text = record({}, { schema_version: version });
      expectLocated(await rejection(readText(text)), {
        code: 'eee-version',
        file: FILE,
        line: 2,
        key: 'schema_version',
        message: `unsupported Every Eval Ever schema_version "${version}"; rsp-gate reads schema versions 0.2.x and 0.3.x`,
      });
    }
  });

  it('refuses a result without a score, and a score of the wrong type, at their lines', async () => {
    const missing = record({ score_details: { details: {} } });
    expectLocated(await rejection(readText(missing)), {
      code: 'schema',
      file: FILE,
      line: lineOf(missing, '"score_details"'),
      message:
        'Every Eval Ever record: evaluation_results[0].score_details: missing required key `score`',
    });
    const text = record({ score_details: { score: '0.41' } });
    expectLocated(await rejection(readText(text)), {
      code: 'schema',
      file: FILE,
      line: lineOf(text, '"score": "0.41"'),
      message: 'Every Eval Ever record: evaluation_results[0].score_details.score: must be number',
    });
  });

  it('refuses a result without lower_is_better, and a record without model_info.id', async () => {
    const text = record({}, {}, { lower_is_better: undefined });
    expectLocated(await rejection(readText(text)), {
      code: 'schema',
      file: FILE,
      message:
        'Every Eval Ever record: evaluation_results[0].metric_config: missing required key `lower_is_better`',
    });
    expectLocated(await rejection(readText(record({}, { model_info: { name: 'm' } }))), {
      code: 'schema',
      file: FILE,
      message: 'Every Eval Ever record: model_info: missing required key `id`',
    });
  });

  it('reads a number too large for a double (1e400) as no value, never as a score within bounds', async () => {
    const [r] = await readText(record({ score_details: { score: '<Infinity>' } }));
    expect(r!.value).toBeNull();
    const text = record({ score_details: { score: 1 } }).replace('"score": 1', '"score": 1e400');
    const [s] = await readText(text);
    expect(s!.value).toBeNull();
    expect(s!.warnings).toEqual([
      'score_details.score is Infinity in the record; treated as no value',
    ]);
  });

  it('refuses truncated and invalid JSON at the place it breaks', async () => {
    const text = record();
    const truncated = text.slice(0, text.indexOf('"score_details"'));
    expectLocated(await rejection(readText(truncated)), { code: 'json-truncated', file: FILE });
    expectLocated(await rejection(readText(text.replace('"score": 0.41', '"score": 0.41,,'))), {
      code: 'json-syntax',
      file: FILE,
      line: lineOf(text, '"score": 0.41'),
    });
  });

  it('reads a __proto__ key as a plain key, without touching Object.prototype', async () => {
    const text = record({}, {}).replace(
      '"schema_version"',
      '"__proto__": {"polluted": true}, "schema_version"',
    );
    const [r] = await readText(text);
    expect(r!.value).toBe(0.41);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a record with no results: it is evidence of nothing', async () => {
    const text = JSON.stringify({ ...JSON.parse(record()), evaluation_results: [] }, null, 2);
    expectLocated(await rejection(readText(text)), {
      code: 'eee-empty',
      file: FILE,
      line: lineOf(text, '"evaluation_results"'),
      message: 'evaluation_results is empty: the record holds no score',
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
    expectLocated(await rejection(everyEvalEverReader.read(source)), {
      code: 'file-too-large',
      file: FILE,
      line: 1,
      message: `the file is ${MAX_HARNESS_JSON_BYTES + 1} bytes; Every Eval Ever record files are read up to 67108864 bytes (64 MiB)`,
    });
    expect(MAX_HARNESS_JSON_BYTES).toBe(64 * 1024 * 1024);
  });

  it('refuses a file that is not a JSON object', async () => {
    expectLocated(await rejection(readText('[1, 2]')), {
      code: 'eee-version',
      file: FILE,
      message: 'the file is not a JSON object; rsp-gate reads schema versions 0.2.x and 0.3.x',
    });
  });
});
