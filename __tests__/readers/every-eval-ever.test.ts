import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../src/core/evidence.js';
import { everyEvalEverReader } from '../../src/readers/every-eval-ever.js';
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
const NO_METRIC = 'metric_config names no metric (metric_id, metric_name)';
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

  it('reads a record converted from an Inspect log as a successful run, dated by its evaluation', async () => {
    expect(await readFixture('eee__inspect_ai2_arc_claude-sonnet-4-0.json')).toEqual([
      {
        ...common,
        file: pathOf('eee__inspect_ai2_arc_claude-sonnet-4-0.json'),
        pointer: '/evaluation_results/0/score_details/score',
        line: 43,
        model: 'anthropic/claude-sonnet-4-0',
        benchmark: 'choice',
        metric: null,
        value: 1,
        scale: 'fraction',
        stderr: null,
        n: null,
        date: '2025-10-20T22:40:45.000Z',
        status: 'success',
        warnings: [NO_METRIC],
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
      expect(r.warnings).toEqual([NO_METRIC, UNDATED]);
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

  it('says when several results of one evaluation name no metric and cannot be told apart', async () => {
    const text = record({}, {}, { metric_id: undefined });
    const doc = JSON.parse(text) as { evaluation_results: unknown[] };
    doc.evaluation_results.push({
      ...(doc.evaluation_results[0] as object),
      score_details: { score: 0.5 },
    });
    const records = await readText(JSON.stringify(doc, null, 2));
    expect(records.map((r) => [r.metric, r.value])).toEqual([
      [null, 0.41],
      [null, 0.5],
    ]);
    expect(records[1]!.warnings).toEqual([
      'metric_config names no metric (metric_id, metric_name), and "wmdp_bio" has several results in this record: they cannot be told apart',
    ]);
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

  it('refuses a file that is not a JSON object', async () => {
    expectLocated(await rejection(readText('[1, 2]')), {
      code: 'eee-version',
      file: FILE,
      message: 'the file is not a JSON object; rsp-gate reads schema versions 0.2.x and 0.3.x',
    });
  });
});
