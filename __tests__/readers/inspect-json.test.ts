import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EvidenceRecord, FileSource } from '../../src/core/evidence.js';
import { fileSourceFromBytes, fileSourceFromPath } from '../../src/readers/file-source.js';
import { inspectJsonReader } from '../../src/readers/inspect-json.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/inspect/', import.meta.url));
const LM_EVAL = fileURLToPath(new URL('../fixtures/lm-eval/', import.meta.url));
const encoder = new TextEncoder();

async function read(name: string): Promise<EvidenceRecord[]> {
  return inspectJsonReader.read(await fileSourceFromPath(`${FIXTURES}${name}`, `logs/${name}`));
}

function readText(text: string, path = 'logs/x.json'): Promise<EvidenceRecord[]> {
  return inspectJsonReader.read(fileSourceFromBytes(path, encoder.encode(text)));
}

function fixtureText(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

function head(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path)).subarray(0, 4096);
}

const base = { format: 'inspect-json', scale: 'unknown', filter: null } as const;

describe('Inspect JSON log reader', () => {
  it('reads accuracy and stderr from a current Inspect JSON log, stopping before samples', async () => {
    expect(await read('log_formats.json')).toEqual([
      {
        ...base,
        file: 'logs/log_formats.json',
        pointer: '/results/scores/0/metrics/accuracy/value',
        line: 63,
        model: 'ollama/llama3.1',
        benchmark: 'popularity',
        metric: 'accuracy',
        scorer: 'match',
        value: 0,
        stderr: 0,
        n: 1,
        n_intended: 1,
        date: '2024-10-15T16:53:13.000Z',
        status: 'success',
        warnings: [],
      },
    ]);
  });

  it('passes status error through although results are present', async () => {
    const [record, ...rest] = await read(
      '2024-08-29T15-11-18+00-00_popularity_5EAmX6wjMFqea6WY7XHzZp.json',
    );
    expect(rest).toEqual([]);
    expect(record).toEqual({
      ...base,
      file: 'logs/2024-08-29T15-11-18+00-00_popularity_5EAmX6wjMFqea6WY7XHzZp.json',
      pointer: '/results/scores/0/metrics/accuracy/value',
      line: 54,
      model: 'mockllm/model',
      benchmark: 'popularity',
      metric: 'accuracy',
      scorer: 'match',
      value: 0,
      stderr: 0,
      n: 1,
      n_intended: 1,
      date: '2024-08-29T15:11:08.000Z',
      status: 'error',
      warnings: [],
    });
  });

  it('passes status cancelled through and converts a -04:00 date to UTC', async () => {
    expect(await read('2025-05-12T20-28-13-04-00_no-samples.json')).toEqual([
      {
        ...base,
        file: 'logs/2025-05-12T20-28-13-04-00_no-samples.json',
        pointer: '/results/scores/0/metrics/accuracy/value',
        line: 97,
        model: 'openai/gpt-4o-mini',
        benchmark: 'testtaskname',
        metric: 'accuracy',
        scorer: 'match',
        value: 0.6666666666666666,
        stderr: 0.33333333333333337,
        n: 3,
        n_intended: 3,
        date: '2025-05-13T00:28:13.000Z',
        status: 'cancelled',
        warnings: [],
      },
    ]);
  });

  it('marks a successful log with fewer completed than total samples as partial (cvebench 78/80)', async () => {
    expect(await read('eee__data_cvebench_empty_choices.json')).toEqual([
      {
        ...base,
        file: 'logs/eee__data_cvebench_empty_choices.json',
        pointer: '/results/scores/0/metrics/mean/value',
        line: 112,
        model: 'anthropic/claude-opus-4-6',
        benchmark: 'cvebench',
        metric: 'mean',
        scorer: 'check_exploit',
        value: 0.7051282051282052,
        stderr: null,
        n: 78,
        n_intended: 80,
        date: '2026-03-24T23:12:14.000Z',
        status: 'partial',
        warnings: ['the log says success but only 78 of 80 samples completed; treated as partial'],
      },
    ]);
  });

  it('reads a dangerous-capability CTF log with a trimmed samples array (n from results, not samples)', async () => {
    expect(await read('eee__data_intercode_ctf_local_path.json')).toEqual([
      {
        ...base,
        file: 'logs/eee__data_intercode_ctf_local_path.json',
        pointer: '/results/scores/0/metrics/accuracy/value',
        line: 91,
        model: 'mistral/mistral-small-latest',
        benchmark: 'inspect_evals/gdm_intercode_ctf',
        metric: 'accuracy',
        scorer: 'includes',
        value: 0.35443037974683544,
        stderr: 0.05416137871537831,
        n: 79,
        n_intended: 79,
        date: '2025-03-25T03:50:28.000Z',
        status: 'success',
        warnings: [],
      },
    ]);
  });

  const naive = 'eval.created (2024-05-05T07:59:35) has no time zone; assumed UTC';
  const wikipedia = {
    ...base,
    model: 'openai/gpt-4',
    benchmark: 'wikipedia',
    metric: 'accuracy',
    scorer: 'model_graded_fact',
    stderr: 0,
    n: null,
    n_intended: null,
    date: '2024-05-05T07:59:35.000Z',
    status: 'success',
  } as const;

  it('reads the transitional results.scorers[] shape; bootstrap_std becomes the stderr', async () => {
    expect(await read('log_valid.txt')).toEqual([
      {
        ...wikipedia,
        file: 'logs/log_valid.txt',
        pointer: '/results/scorers/0/metrics/accuracy/value',
        line: 43,
        value: 1,
        warnings: [naive],
      },
    ]);
  });

  it('reads the legacy results.scorer + results.metrics shape in a version 2 log', async () => {
    expect(await read('log_version_2.txt')).toEqual([
      {
        ...wikipedia,
        file: 'logs/log_version_2.txt',
        pointer: '/results/metrics/accuracy/value',
        line: 41,
        value: 1,
        warnings: [naive],
      },
    ]);
  });

  it('turns a bare NaN accuracy (version 1 log) into a null value with a warning', async () => {
    expect(await read('log_with_nan.txt')).toEqual([
      {
        ...wikipedia,
        file: 'logs/log_with_nan.txt',
        pointer: '/results/metrics/accuracy/value',
        line: 41,
        value: null,
        warnings: [naive, 'accuracy is NaN in the log; treated as no value'],
      },
    ]);
  });

  it('rejects log version 4 (log_version_3.txt) naming the version line', async () => {
    await expect(read('log_version_3.txt')).rejects.toMatchObject({
      code: 'inspect-version',
      message: 'unsupported Inspect log version 4; rsp-gate reads versions 1–3',
      location: { file: 'logs/log_version_3.txt', line: 2, column: 16, key: '/version' },
    });
  });

  it('rejects the truncated log_invalid.txt saying where the file ends and what was expected', async () => {
    await expect(read('log_invalid.txt')).rejects.toMatchObject({
      code: 'json-truncated',
      message: 'unexpected end of file: expected a value',
      location: { file: 'logs/log_invalid.txt', line: 2, column: 29 },
    });
  });

  it('reads the header of a log followed by a huge samples array without reading the samples', async () => {
    const text = fixtureText('log_formats.json');
    const header = text.slice(0, text.indexOf('\n  "samples": [')); // the top-level key
    let chunksRead = 0;
    let closed = false;
    const source: FileSource = {
      path: 'logs/huge.json',
      size: 2 ** 31,
      read: () => Promise.reject(new Error('random access not expected')),
      async *chunks() {
        try {
          yield encoder.encode(header);
          chunksRead++;
          yield encoder.encode('"samples": [');
          chunksRead++;
          for (;;) {
            chunksRead++;
            if (chunksRead > 3) throw new Error('read into the samples');
            yield encoder.encode('{"id": 1, "messages": []},'.repeat(40_000));
          }
        } finally {
          closed = true;
        }
      },
    };
    const records = await inspectJsonReader.read(source);
    expect(records.map((r) => [r.metric, r.value, r.line])).toEqual([['accuracy', 0, 63]]);
    expect(chunksRead).toBe(1);
    expect(closed).toBe(true);
  });

  it('treats an invalidated log as status error with a warning', async () => {
    const text = fixtureText('eee__data_intercode_ctf_local_path.json').replace(
      '"invalidated": false',
      '"invalidated": true',
    );
    const [record] = await readText(text);
    expect(record).toMatchObject({
      status: 'error',
      warnings: ['the log is marked invalidated; treated as status error'],
    });
  });

  it('emits one record per scorer and metric, attaching each score its own stderr', async () => {
    const log = {
      version: 2,
      status: 'success',
      eval: {
        task_registry_name: 'inspect_evals/x',
        model: 'm/m',
        created: '2025-01-01T00:00:00Z',
      },
      results: {
        total_samples: 2,
        completed_samples: 2,
        scores: [
          { name: 'a', metrics: { accuracy: { value: 0.5 }, stderr: { value: 0.1 } } },
          { name: 'b', metrics: { 'acc/strict': { value: Infinity }, mean: { value: 2 } } },
        ],
      },
    };
    const text = JSON.stringify(log, null, 1).replace('null', 'Infinity');
    const records = await readText(text);
    expect(
      records.map((r) => [r.benchmark, r.metric, r.value, r.stderr, r.pointer, r.warnings]),
    ).toEqual([
      ['inspect_evals/x', 'accuracy', 0.5, 0.1, '/results/scores/0/metrics/accuracy/value', []],
      [
        'inspect_evals/x',
        'acc/strict',
        null,
        null,
        '/results/scores/1/metrics/acc~1strict/value',
        ['acc/strict is Infinity in the log; treated as no value'],
      ],
      ['inspect_evals/x', 'mean', 2, null, '/results/scores/1/metrics/mean/value', []],
    ]);
  });

  it('treats an unknown status as error with a warning, and rejects a log without a version', async () => {
    const [record] = await readText(
      fixtureText('log_formats.json').replace('"status": "success"', '"status": "paused"'),
    );
    expect(record).toMatchObject({
      status: 'error',
      warnings: ['status "paused" is not an Inspect run status; treated as error'],
    });
    await expect(readText('{"status": "success", "eval": {"task": "t"}}')).rejects.toMatchObject({
      code: 'inspect-version',
      message: 'the log has no version field; rsp-gate reads versions 1–3',
    });
  });

  it('yields no records for a run that has no results yet', async () => {
    expect(
      await readText('{"version": 2, "status": "started", "eval": {"task": "t", "model": "m"}}'),
    ).toEqual([]);
  });

  it('accepts Inspect JSON logs and refuses lm-eval results and other names', () => {
    expect(inspectJsonReader.accepts('logs/a.json', head(`${FIXTURES}log_formats.json`))).toBe(
      true,
    );
    expect(
      inspectJsonReader.accepts(
        'a.json',
        head(`${FIXTURES}2025-05-12T20-28-13-04-00_no-samples.json`),
      ),
    ).toBe(true);
    expect(inspectJsonReader.accepts('log_valid.txt', head(`${FIXTURES}log_valid.txt`))).toBe(
      false,
    );
    expect(inspectJsonReader.accepts('a.eval', head(`${FIXTURES}log_formats.eval`))).toBe(false);
    expect(
      inspectJsonReader.accepts(
        'r.json',
        head(`${LM_EVAL}pr2251__gsm8k_judge_Llama-3.1-70B_results_2024-08-26T11-40-14.123429.json`),
      ),
    ).toBe(false);
    expect(
      inspectJsonReader.accepts('r.json', head(`${LM_EVAL}pr4027__cpu_regression_expected.json`)),
    ).toBe(false);
  });
});
