import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EvidenceRecord, FileSource } from '../../src/core/evidence.js';
import { fileSourceFromBytes, fileSourceFromPath } from '../../src/readers/file-source.js';
import { lmEvalReader } from '../../src/readers/lm-eval.js';
import { findReader } from '../../src/readers/registry.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/lm-eval/', import.meta.url));
/** Real files from the corpus subset (provenance in __tests__/fixtures/corpus/manifest.csv). */
const CORPUS = fileURLToPath(new URL('../fixtures/corpus/files/lm-eval/', import.meta.url));
const INSPECT = fileURLToPath(new URL('../fixtures/inspect/', import.meta.url));
const encoder = new TextEncoder();

async function read(name: string): Promise<EvidenceRecord[]> {
  return lmEvalReader.read(await fileSourceFromPath(`${FIXTURES}${name}`, `results/${name}`));
}

function readText(text: string, path = 'results/x.json'): Promise<EvidenceRecord[]> {
  return lmEvalReader.read(fileSourceFromBytes(path, encoder.encode(text)));
}

/** benchmark, metric, value, stderr, n, n_intended, status, line */
function rows(records: EvidenceRecord[]): unknown[][] {
  return records.map((r) => [
    r.benchmark,
    r.metric,
    r.value,
    r.stderr,
    r.n,
    r.n_intended,
    r.status,
    r.line,
  ]);
}

function head(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path)).subarray(0, 4096);
}

const base = { format: 'lm-eval', scale: 'unknown', filter: null, scorer: null } as const;

describe('lm-evaluation-harness results reader', () => {
  it('reads v0.3 keys without a filter suffix and takes the model from model_args, not the adapter', async () => {
    const name = 'eee__results_v03_no_comma_metric_keys.json';
    const common = {
      ...base,
      file: `results/${name}`,
      model: 'bigscience/bloom-3b',
      n: null,
      n_intended: null,
    };
    expect(await read(name)).toEqual([
      {
        ...common,
        pointer: '/results/sciq/acc',
        line: 4,
        benchmark: 'sciq',
        metric: 'acc',
        value: 0.891,
        stderr: 0.009859828407037191,
        date: null,
        status: 'success',
        warnings: [],
      },
      {
        ...common,
        pointer: '/results/sciq/acc_norm',
        line: 6,
        benchmark: 'sciq',
        metric: 'acc_norm',
        value: 0.816,
        stderr: 0.012259457340938588,
        date: null,
        status: 'success',
        warnings: [],
      },
      {
        ...common,
        pointer: '/results/arc_easy/acc',
        line: 10,
        benchmark: 'arc_easy',
        metric: 'acc',
        value: 0.5942760942760943,
        stderr: 0.010075755540128871,
        date: null,
        status: 'success',
        warnings: [],
      },
      {
        ...common,
        pointer: '/results/arc_easy/acc_norm',
        line: 12,
        benchmark: 'arc_easy',
        metric: 'acc_norm',
        value: 0.5328282828282829,
        stderr: 0.010237645778853869,
        date: null,
        status: 'success',
        warnings: [],
      },
    ]);
  });

  it('reads the minimal legacy test vectors (no config, no model)', async () => {
    const v0 = await read('testdata__arc_challenge-v0-res.json');
    expect(v0).toEqual([
      {
        ...base,
        file: 'results/testdata__arc_challenge-v0-res.json',
        pointer: '/results/arc_challenge/acc',
        line: 1,
        model: null,
        benchmark: 'arc_challenge',
        metric: 'acc',
        value: 0.24488054607508533,
        stderr: 0.012566273985131354,
        n: null,
        n_intended: null,
        date: null,
        status: 'success',
        warnings: [],
      },
      {
        ...base,
        file: 'results/testdata__arc_challenge-v0-res.json',
        pointer: '/results/arc_challenge/acc_norm',
        line: 1,
        model: null,
        benchmark: 'arc_challenge',
        metric: 'acc_norm',
        value: 0.2440273037542662,
        stderr: 0.012551447627856257,
        n: null,
        n_intended: null,
        date: null,
        status: 'success',
        warnings: [],
      },
    ]);
    expect(rows(await read('testdata__arc_challenge-v2.0-res.json'))).toEqual([
      ['arc_challenge', 'acc', 0.26621160409556316, 0.01291577478152323, null, null, 'success', 1],
      [
        'arc_challenge',
        'acc_norm',
        0.28242320819112626,
        0.01315545688409722,
        null,
        null,
        'success',
        1,
      ],
    ]);
  });

  it('keeps the 999 sentinel, drops an "N/A" stderr with a warning and reads the epoch date', async () => {
    expect(await read('pr1764__scheming_evals_mc_results.json')).toEqual([
      {
        ...base,
        file: 'results/pr1764__scheming_evals_mc_results.json',
        pointer: '/results/scheming_evals_mc_prompt_task/bypass,none',
        line: 4,
        model: 'gpt-4',
        benchmark: 'scheming_evals_mc_prompt_task',
        metric: 'bypass',
        filter: 'none',
        value: 999,
        stderr: null,
        n: null,
        n_intended: null,
        date: '2024-04-08T22:51:05.413Z',
        status: 'success',
        warnings: ['bypass_stderr,none is "N/A" in the file, not a number; treated as no value'],
      },
    ]);
  });

  it('splits a custom filter off the metric name and prefers model_name', async () => {
    const name = 'pr2251__gsm8k_judge_Llama-3.1-70B_results_2024-08-26T11-40-14.123429.json';
    expect(await read(name)).toEqual([
      {
        ...base,
        file: `results/${name}`,
        pointer: '/results/gsm8k_judge_2/exact_match,test',
        line: 5,
        model: 'meta-llama/Meta-Llama-3.1-70B-Instruct',
        benchmark: 'gsm8k_judge_2',
        metric: 'exact_match',
        filter: 'test',
        value: 0.8165276724791509,
        stderr: 0.01066137044869965,
        n: 1319,
        n_intended: 1319,
        date: '2024-08-26T11:16:34.712Z',
        status: 'success',
        warnings: [],
      },
    ]);
  });

  it('reads a results file with an embedded samples array, including the config and date after it', async () => {
    expect(await read('pr2754__aibe_evaluation_results.json')).toEqual([
      {
        ...base,
        file: 'results/pr2754__aibe_evaluation_results.json',
        pointer: '/results/aibe/acc,none',
        line: 5,
        model: null,
        benchmark: 'aibe',
        metric: 'acc',
        filter: 'none',
        value: 0.72,
        stderr: 0.045126085985421296,
        n: 100,
        n_intended: 100,
        date: '2025-02-25T12:31:18.271Z',
        status: 'success',
        warnings: [],
      },
    ]);
  });

  it('emits groups once, from results only (gemma-2-9b: 79 entries, 6 of them groups)', async () => {
    const records = await read('pr2809__gemma-2-9b_results_2025-03-06T00-24-41.765952.json');
    expect(records).toHaveLength(89);
    expect(new Set(records.map((r) => r.pointer)).size).toBe(89);
    expect(records.filter((r) => r.benchmark === 'mmlu')).toEqual([
      {
        ...base,
        file: 'results/pr2809__gemma-2-9b_results_2025-03-06T00-24-41.765952.json',
        pointer: '/results/mmlu/acc,none',
        line: 23,
        model: 'google/gemma-2-9b',
        benchmark: 'mmlu',
        metric: 'acc',
        filter: 'none',
        value: 0.23287281014100555,
        stderr: 0.0035649813597955723,
        n: null,
        n_intended: null,
        date: '2025-03-05T23:44:29.153Z',
        status: 'success',
        warnings: [],
      },
    ]);
    expect(rows(records.filter((r) => r.benchmark === 'glue'))).toEqual([
      ['glue', 'mcc', 0, 0, null, null, 'success', expect.any(Number)],
      [
        'glue',
        'acc',
        0.37788828013339687,
        0.001862322465017756,
        null,
        null,
        'success',
        expect.any(Number),
      ],
      [
        'glue',
        'f1',
        0.5409143833980335,
        0.0025417011721530773,
        null,
        null,
        'success',
        expect.any(Number),
      ],
    ]);
    const algebra = records.find((r) => r.benchmark === 'mmlu_abstract_algebra');
    expect(algebra).toMatchObject({
      metric: 'acc',
      value: 0.23,
      stderr: 0.04229525846816507,
      n: 100,
      n_intended: 100,
    });
    expect(records.every((r) => r.status === 'success' && r.warnings.length === 0)).toBe(true);
  });

  it('reads a hand-trimmed file (no config, no date) with the date from its name and the top-level model', async () => {
    const name = 'pr2809__rwkv7-1.47B_trimmed_results_2025-03-05T01-44-07.json';
    const records = await read(name);
    const warning =
      'the file has no date field; used the time in its name (2025-03-05T01-44-07), assumed UTC';
    for (const record of records) {
      expect(record).toMatchObject({
        model: '/workspace/RWKV-x070-Pile-421M-20241127-ctx4096',
        date: '2025-03-05T01:44:07.000Z',
        warnings: [warning],
      });
    }
    expect(rows(records)).toEqual([
      ['glue', 'acc', 0.38644890424011435, 0.0018593151582183476, null, null, 'success', 9],
      ['glue', 'f1', 0.5275448606508784, 0.00261291770999644, null, null, 'success', 11],
      ['glue', 'mcc', 0, 0, null, null, 'success', 13],
      ['cola', 'mcc', 0, 0, null, null, 'success', 18],
      ['mnli', 'acc', 0.34090677534386143, 0.004784848738191838, null, null, 'success', 23],
      [
        'mnli_mismatch',
        'acc',
        0.33848657445077296,
        0.004772448023078359,
        null,
        null,
        'success',
        28,
      ],
      ['mrpc', 'acc', 0.6838235294117647, 0.023048336668420193, null, null, 'success', 33],
      ['mrpc', 'f1', 0.8122270742358079, 0.01642422915504594, null, null, 'success', 35],
      ['qnli', 'acc', 0.5209591799377631, 0.006759464021556998, null, null, 'success', 40],
      ['qqp', 'acc', 0.37813504823151123, 0.002411709571849969, null, null, 'success', 45],
      ['qqp', 'f1', 0.5246719854803947, 0.0026340571216250785, null, null, 'success', 47],
      ['rte', 'acc', 0.5306859205776173, 0.030039730592197816, null, null, 'success', 52],
      ['sst2', 'acc', 0.7935779816513762, 0.013713987123090354, null, null, 'success', 57],
      ['wnli', 'acc', 0.43661971830985913, 0.0592793555841297, null, null, 'success', 62],
      ['aggregate', 'acc', 0.5029, null, null, null, 'success', 67],
    ]);
  });

  it('turns bare Infinity and NaN into null values with warnings; a limit above the dataset size is still complete', async () => {
    const name = 'pr3144__tgpred_gpt-4o-mini_results_2025-06-30T19-40-09.461247.json';
    expect(await read(name)).toEqual([
      {
        ...base,
        file: `results/${name}`,
        pointer: '/results/polymer_tg_prediction/mae,none',
        line: 5,
        model: 'gpt-4o-mini',
        benchmark: 'polymer_tg_prediction',
        metric: 'mae',
        filter: 'none',
        value: null,
        stderr: null,
        n: 24,
        n_intended: 24,
        date: '2025-06-30T23:39:56.890Z',
        status: 'success',
        warnings: [
          'mae,none is Infinity in the file; treated as no value',
          'mae_stderr,none is NaN in the file; treated as no value',
        ],
      },
    ]);
  });

  it('marks --limit runs partial, skips sample_len/name/alias, and reads a dict model_args', async () => {
    const name = 'pr3936__negotiationtom_Qwen3-8B_results_2026-07-08T18-15-33.115417.json';
    const records = await read(name);
    expect(rows(records)).toEqual([
      ['negotiationtom_belief', 'acc', 0.45, 0.11413288653790232, 20, 13812, 'partial', 7],
      ['negotiationtom_desire', 'acc', 0.6, 0.11239029738980327, 20, 13812, 'partial', 14],
      ['negotiationtom_intention', 'micro_f1', 0.2857142857142857, null, 20, 4618, 'partial', 21],
      ['negotiationtom_intention', 'macro_f1', 0.24025974025974023, null, 20, 4618, 'partial', 23],
      ['negotiationtom_intention', 'exact_match', 0.2, 0.0917662935482247, 20, 4618, 'partial', 25],
      ['negotiationtom', 'acc', 0.525, 0.08009040943964843, null, null, 'partial', 32],
      ['negotiationtom', 'micro_f1', 0.2857142857142857, null, null, null, 'partial', 34],
      ['negotiationtom', 'macro_f1', 0.24025974025974023, null, null, null, 'partial', 36],
      ['negotiationtom', 'exact_match', 0.2, 0.0917662935482247, null, null, 'partial', 38],
    ]);
    expect(new Set(records.map((r) => r.model))).toEqual(new Set(['Qwen/Qwen3-8B']));
    expect(new Set(records.map((r) => r.date))).toEqual(new Set(['2026-07-08T18:13:21.866Z']));
    expect(records[0]!.warnings).toEqual([]);
    expect(records[2]!.warnings).toEqual([
      'micro_f1_stderr,none is "N/A" in the file, not a number; treated as no value',
    ]);
    expect(records[5]!.warnings).toEqual([
      'config.limit is 20 and the file does not say how many samples ran; treated as partial',
    ]);
  });

  it('reads a regression snapshot: perplexities kept as written, all stderr "N/A", 10 of N samples partial', async () => {
    const records = await read('pr4027__cpu_regression_expected.json');
    expect(rows(records)).toEqual([
      ['arc_easy', 'acc', 0.3, null, 10, 2376, 'partial', 39],
      ['arc_easy', 'acc_norm', 0.1, null, 10, 2376, 'partial', 40],
      ['lambada_openai', 'acc', 0.1, null, 10, 5153, 'partial', 48],
      ['lambada_openai', 'perplexity', 605.5452047779999, null, 10, 5153, 'partial', 52],
      ['wikitext', 'bits_per_byte', 1.3393660745008342, null, 10, 62, 'partial', 58],
      ['wikitext', 'byte_perplexity', 2.530401076099876, null, 10, 62, 'partial', 60],
      ['wikitext', 'word_perplexity', 130.4813590639406, null, 10, 62, 'partial', 64],
    ]);
    expect(records.every((r) => r.model === null && r.date === null && r.scale === 'unknown')).toBe(
      true,
    );
    expect(records[3]!.warnings).toEqual([
      'perplexity_stderr,none is "N/A" in the file, not a number; treated as no value',
    ]);
  });

  it('reads a huge embedded samples array without keeping it', async () => {
    let chunks = 0;
    const source: FileSource = {
      path: 'results/big.json',
      size: 0,
      read: () => Promise.reject(new Error('random access not expected')),
      async *chunks() {
        yield encoder.encode('{"results": {"t": {"acc,none": 0.5}}, "samples": {"t": [');
        for (let i = 0; i < 200; i++) {
          chunks++;
          yield encoder.encode('{"doc": {"q": "a question"}, "resps": [["x"]]},'.repeat(1000));
        }
        yield encoder.encode('{}]}, "model_name": "org/m", "date": 0}');
      },
    };
    const records = await lmEvalReader.read(source);
    expect(chunks).toBe(200);
    expect(records.map((r) => [r.benchmark, r.metric, r.value, r.model, r.date])).toEqual([
      ['t', 'acc', 0.5, 'org/m', '1970-01-01T00:00:00.000Z'],
    ]);
  });

  it('rejects a JSON file with no results object', async () => {
    await expect(readText('{\n  "results": [1]\n}')).rejects.toMatchObject({
      code: 'lm-eval-no-results',
      message: 'the file has no results object',
      location: { file: 'results/x.json', line: 2, column: 14, key: '/results' },
    });
    await expect(readText('[]')).rejects.toMatchObject({
      message: 'the file is not a JSON object',
    });
  });

  it('takes the model from a model_args string (pretrained=, model= or path=)', async () => {
    const file = (args: string) =>
      `{"results": {"t": {"acc,none": 1}}, "config": {"model": "hf", "model_args": "${args}"}}`;
    expect((await readText(file('dtype=auto,pretrained=org/a')))[0]!.model).toBe('org/a');
    expect((await readText(file('path=/models/b')))[0]!.model).toBe('/models/b');
    expect((await readText(file('dtype=auto')))[0]!.model).toBeNull();
  });

  it('reads a v0.3 per-sample list where a number belongs as no value, with a warning', async () => {
    // A results file whose `acc` and `id` hold one entry per question instead of an aggregate.
    const name =
      '37/375462e17bfaf570edc793b2623b0707efdf9044/trivia_qaterm_frequency-pythia-v1.1-2.8b-deduped-143000-04shot.json';
    const records = await lmEvalReader.read(await fileSourceFromPath(`${CORPUS}${name}`, 'r.json'));
    expect(
      records.map((r) => [r.benchmark, r.metric, r.filter, r.value, r.stderr, r.status]),
    ).toEqual([
      ['long_tail_trivia_qa', 'acc', null, null, null, 'success'],
      ['long_tail_trivia_qa', 'id', null, null, null, 'success'],
    ]);
    expect(records[0]!.warnings).toEqual([
      'acc is [0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,1,0,1,1,0,1,0,0,0,1,0,… in the file, not a number; treated as no value',
    ]);
  });

  it('reads a file that puts its run parameters first, `results` 85 KB in, as a partial run', async () => {
    // The harness's leaderboard test configuration: `params` and `tasks` first, groups nested as
    // tables of subtasks (not metrics), and the samples that ran under `n_samples`.
    const name = '90/903b3f5263a6ae00c64776c6f2d5dc4843ae4448/phi3-samples_10-no_chat-gpu.json';
    expect(findReader('r.json', head(`${CORPUS}${name}`))).toBe(lmEvalReader);
    const records = await lmEvalReader.read(await fileSourceFromPath(`${CORPUS}${name}`, 'r.json'));
    expect(rows(records)).toEqual([
      ['leaderboard_mmlu_pro', 'acc', 0.6, 0.16329931618554522, 10, 12032, 'partial', 1465],
      [
        'leaderboard_ifeval',
        'inst_level_loose_acc',
        0.3888888888888889,
        null,
        10,
        541,
        'partial',
        1589,
      ],
      [
        'leaderboard_ifeval',
        'inst_level_strict_acc',
        0.3888888888888889,
        null,
        10,
        541,
        'partial',
        1591,
      ],
      [
        'leaderboard_ifeval',
        'prompt_level_loose_acc',
        0.2,
        0.13333333333333333,
        10,
        541,
        'partial',
        1593,
      ],
      [
        'leaderboard_ifeval',
        'prompt_level_strict_acc',
        0.2,
        0.13333333333333333,
        10,
        541,
        'partial',
        1595,
      ],
    ]);
  });

  it('reads a bare numeric key beside filtered ones as a metric without a filter, never dropping it', async () => {
    const records = await readText(
      '{"results": {"t": {"alias": "t", "acc,none": 0.3, "acc_stderr,none": "N/A", "acc": 0.95}}}',
    );
    expect(records.map((r) => [r.metric, r.filter, r.value])).toEqual([
      ['acc', 'none', 0.3],
      ['acc', null, 0.95],
    ]);
  });

  it('claims lm-eval results files but not Inspect logs or lighteval files', () => {
    for (const name of [
      'pr2251__gsm8k_judge_Llama-3.1-70B_results_2024-08-26T11-40-14.123429.json',
      'pr2809__rwkv7-1.47B_trimmed_results_2025-03-05T01-44-07.json',
      'testdata__arc_challenge-v0-res.json',
      'pr4027__cpu_regression_expected.json',
    ]) {
      expect(lmEvalReader.accepts(`r/${name}`, head(`${FIXTURES}${name}`))).toBe(true);
    }
    expect(lmEvalReader.accepts('r/log.json', head(`${INSPECT}log_formats.json`))).toBe(false);
    expect(
      lmEvalReader.accepts('r/log.json', head(`${INSPECT}eee__data_cvebench_empty_choices.json`)),
    ).toBe(false);
    expect(
      lmEvalReader.accepts('r/x.txt', head(`${FIXTURES}testdata__arc_challenge-v0-res.json`)),
    ).toBe(false);
    const lighteval = encoder.encode(
      '{"config_general": {"model_name": "m"}, "results": {"all": {"acc": 1}}}',
    );
    expect(lmEvalReader.accepts('r/results.json', lighteval)).toBe(false);
  });
});
