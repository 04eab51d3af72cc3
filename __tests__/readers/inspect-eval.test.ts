import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../src/core/evidence.js';
import { fileSourceFromBytes, fileSourceFromPath } from '../../src/readers/file-source.js';
import { inspectEvalReader } from '../../src/readers/inspect-eval.js';
import { buildZip } from './zip-builder.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/inspect/', import.meta.url));

async function read(name: string): Promise<EvidenceRecord[]> {
  return inspectEvalReader.read(await fileSourceFromPath(`${FIXTURES}${name}`, `logs/${name}`));
}

function readBytes(bytes: Uint8Array, path = 'logs/built.eval'): Promise<EvidenceRecord[]> {
  return inspectEvalReader.read(fileSourceFromBytes(path, bytes));
}

function header(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: 2,
    status: 'success',
    eval: { task: 'built', model: 'test/model', created: '2025-01-02T03:04:05+00:00' },
    results: {
      total_samples: 5,
      completed_samples: 5,
      scores: [{ name: 's', metrics: { accuracy: { value: 0.4 } } }],
    },
    ...overrides,
  });
}

const base = { format: 'inspect-eval', scale: 'unknown', filter: null, line: null } as const;
const popularity = {
  ...base,
  pointer: 'header.json#/results/scores/0/metrics/accuracy/value',
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
} as const;

describe('Inspect .eval log reader', () => {
  it('reads accuracy and stderr from header.json of a deflate .eval log', async () => {
    expect(await read('log_formats.eval')).toEqual([
      { ...popularity, file: 'logs/log_formats.eval' },
    ]);
  });

  it('gives the same records for the zstd (method 93) re-encoding as for the deflate original', async () => {
    const zstd = await read('log_formats.zstd.eval');
    expect(zstd).toEqual([{ ...popularity, file: 'logs/log_formats.zstd.eval' }]);
    const deflate = await read('log_formats.eval');
    expect(zstd.map(({ file: _file, ...rest }) => rest)).toEqual(
      deflate.map(({ file: _file, ...rest }) => rest),
    );
  });

  it('reads a log with 2 samples x 2 epochs (accuracy 0.75, stderr 0.25)', async () => {
    expect(await read('log_streaming.eval')).toEqual([
      {
        ...popularity,
        file: 'logs/log_streaming.eval',
        model: 'azureai/Meta-Llama-3-1-405B-Instruct-jqf',
        value: 0.75,
        stderr: 0.25,
        n: 4,
        n_intended: 4,
        date: '2024-11-05T20:04:20.000Z',
      },
    ]);
  });

  it('yields zero records for a successful but unscored run (empty results.scores)', async () => {
    expect(await read('2025-02-11T15-17-00-05-00_popularity_dPiJifoWeEQBrfWsAopzWr.eval')).toEqual(
      [],
    );
  });

  it('reads an inspect_evals MMLU log (task_registry_name style task id)', async () => {
    expect(await read('mmlu-no-summary-choices.eval')).toEqual([
      {
        ...popularity,
        file: 'logs/mmlu-no-summary-choices.eval',
        model: 'openai/gpt-4o',
        benchmark: 'inspect_evals/mmlu_0_shot',
        scorer: 'choice',
        date: '2025-12-19T12:36:45.000Z',
      },
    ]);
  });

  it('accepts a version 3 log (written in March 2026)', async () => {
    expect(await read('log_message_deduplication.eval')).toEqual([
      {
        ...popularity,
        file: 'logs/log_message_deduplication.eval',
        model: 'hardcoded/hardcoded',
        benchmark: 'inspect_test_utils/guess_number',
        scorer: 'closeness_log',
        date: '2025-10-06T10:15:43.000Z',
      },
    ]);
  });

  it('uses the last header.json when the archive holds several', async () => {
    const zip = buildZip([
      { name: '_journal/start.json', data: '{}' },
      { name: 'header.json', data: header({ status: 'started', results: null }), method: 8 },
      { name: 'header.json', data: header(), method: 8 },
    ]);
    const records = await readBytes(zip);
    expect(records.map((r) => [r.benchmark, r.metric, r.value, r.status, r.date])).toEqual([
      ['built', 'accuracy', 0.4, 'success', '2025-01-02T03:04:05.000Z'],
    ]);
  });

  it('reads header.json from a ZIP64 archive', async () => {
    const zip = buildZip([{ name: 'header.json', data: header(), method: 8 }], { zip64: true });
    expect((await readBytes(zip)).map((r) => r.value)).toEqual([0.4]);
  });

  it('rejects an unfinished log that has only _journal/start.json', async () => {
    const zip = buildZip([{ name: '_journal/start.json', data: '{"version": 2}' }]);
    await expect(readBytes(zip)).rejects.toMatchObject({
      code: 'inspect-unfinished',
      message: 'the log has no header.json: the run never finished (status started)',
      location: { file: 'logs/built.eval', key: 'header.json' },
    });
  });

  it('rejects a zip that is not an Inspect log', async () => {
    await expect(readBytes(buildZip([{ name: 'x', data: '' }]))).rejects.toMatchObject({
      code: 'inspect-shape',
    });
  });

  it('rejects an unknown log version inside header.json', async () => {
    const zip = buildZip([{ name: 'header.json', data: header({ version: 4 }) }]);
    await expect(readBytes(zip)).rejects.toMatchObject({
      code: 'inspect-version',
      message: 'unsupported Inspect log version 4; rsp-gate reads versions 1–3',
      location: { file: 'logs/built.eval', key: 'header.json#/version' },
    });
  });

  it('reports a JSON error inside header.json with its line in the member', async () => {
    const zip = buildZip([{ name: 'header.json', data: '{\n "version": 2,\n "status": }' }]);
    await expect(readBytes(zip)).rejects.toMatchObject({
      code: 'json-syntax',
      message: "header.json line 3, column 12: unexpected '}': expected a value",
      location: { file: 'logs/built.eval', key: 'header.json' },
    });
  });

  it('reads NaN metrics in header.json as null with a warning', async () => {
    const text = header().replace('0.4', 'NaN');
    const [record] = await readBytes(buildZip([{ name: 'header.json', data: text }]));
    expect(record).toMatchObject({
      value: null,
      warnings: ['accuracy is NaN in the log; treated as no value'],
    });
  });

  it('rejects a truncated .eval file', async () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}log_formats.eval`));
    await expect(readBytes(bytes.subarray(0, 3000))).rejects.toMatchObject({ code: 'zip-corrupt' });
  });

  it('explains a Git LFS pointer committed instead of the log', async () => {
    const pointer = new TextEncoder().encode(
      'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 514557\n',
    );
    await expect(readBytes(pointer)).rejects.toMatchObject({
      code: 'inspect-not-zip',
      message: 'the .eval file is a Git LFS pointer, not the log itself',
    });
  });

  it('claims every .eval file and nothing else', () => {
    const head = new Uint8Array(readFileSync(`${FIXTURES}log_formats.eval`)).subarray(0, 64);
    expect(inspectEvalReader.accepts('logs/a.eval', head)).toBe(true);
    expect(inspectEvalReader.accepts('logs/A.EVAL', head)).toBe(true);
    expect(inspectEvalReader.accepts('logs/a.zip', head)).toBe(false);
    expect(
      inspectEvalReader.accepts('logs/a.json', new TextEncoder().encode('{"version": 2')),
    ).toBe(false);
  });
});
