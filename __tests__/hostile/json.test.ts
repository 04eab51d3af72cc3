/**
 * Hostile JSON evaluation logs: odd numbers, strings where numbers belong, truncation at every
 * structural boundary, deep nesting, wrong encodings and binary files named `.json`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../src/core/evidence.js';
import { inspectEvalReader } from '../../src/readers/inspect-eval.js';
import { inspectJsonReader } from '../../src/readers/inspect-json.js';
import { lmEvalReader } from '../../src/readers/lm-eval.js';
import { loadRepository } from '../../src/repository/load-repository.js';
import { testPolicy } from '../helpers/build.js';
import {
  buildZip,
  cardText,
  concatBytes,
  expectLocated,
  expectPrototypesClean,
  FIXTURES,
  INSPECT_LOG_JSON,
  lineOf,
  memorySource,
  memoryTree,
  MiB,
  pngImage,
  rejection,
  utf16leWithBom,
  utf8,
  virtualFile,
} from './generators.js';

const LOG = 'logs/run.json';
const LM = 'results/results_2026-10-01T00-00-00.json';

afterEach(() => expectPrototypesClean());

const readInspect = (data: string | Uint8Array, chunkSize?: number) =>
  inspectJsonReader.read(memorySource(LOG, data, chunkSize));
const readLm = (data: string | Uint8Array) => lmEvalReader.read(memorySource(LM, data));

/** A small Inspect log; the accuracy value (written as `value`) is on line 8. */
function inspectText(value: string, stderr = '0.01'): string {
  return [
    '{',
    '  "version": 2,',
    '  "status": "success",',
    '  "eval": {"task": "t", "model": "m/m", "created": "2026-10-01T00:00:00Z"},',
    '  "results": {',
    '    "total_samples": 10, "completed_samples": 10,',
    '    "scores": [{"name": "s", "metrics": {',
    `      "accuracy": {"value": ${value}},`,
    `      "stderr": {"value": ${stderr}}`,
    '    }}]',
    '  }',
    '}',
    '',
  ].join('\n');
}

async function accuracy(value: string): Promise<EvidenceRecord> {
  const records = await readInspect(inspectText(value));
  expect(records).toHaveLength(1);
  return records[0]!;
}

describe('numbers a JSON log may hold where a metric value belongs', () => {
  const digits400 = `1${'0'.repeat(399)}`;

  it.each([
    ['NaN', 'accuracy is NaN in the log; treated as no value'],
    ['Infinity', 'accuracy is Infinity in the log; treated as no value'],
    ['-Infinity', 'accuracy is -Infinity in the log; treated as no value'],
    ['1e400', 'accuracy is Infinity in the log; treated as no value'],
    ['-1e400', 'accuracy is -Infinity in the log; treated as no value'],
    [digits400, 'accuracy is Infinity in the log; treated as no value'],
    [`-${'9'.repeat(400)}`, 'accuracy is -Infinity in the log; treated as no value'],
    ['"0.5"', 'accuracy is "0.5" in the log, not a number; treated as no value'],
    ['"50%"', 'accuracy is "50%" in the log, not a number; treated as no value'],
    ['true', 'accuracy is true in the log, not a number; treated as no value'],
    ['null', 'accuracy has no value in the log; treated as no value'],
    ['[0.5]', 'accuracy is [0.5] in the log, not a number; treated as no value'],
    ['{"value": 0.5}', 'accuracy is {"value":0.5} in the log, not a number; treated as no value'],
  ])('reads `%s` as no value, with a warning that says why', async (value, warning) => {
    const record = await accuracy(value);
    expect(record.value).toBeNull();
    expect(record.warnings).toEqual([warning]);
    expect(record.line).toBe(8);
  });

  it.each([
    ['-0', 0],
    ['1e-400', 0], // below the smallest double: zero, as any JSON reader gives
    [`0.${'0'.repeat(398)}1`, 0],
    [`0.${'3'.repeat(398)}`, 0.3333333333333333],
    ['5E-1', 0.5],
    ['0.5e+0', 0.5],
  ])('reads `%s` as the number %d', async (value, expected) => {
    const record = await accuracy(value);
    expect(record.value === expected).toBe(true);
    expect(record.warnings).toEqual([]);
  });

  it('reads a -Infinity standard error as no standard error, keeping the value', async () => {
    const [record] = await readInspect(inspectText('0.4', '-Infinity'));
    expect([record!.value, record!.stderr, record!.warnings]).toEqual([
      0.4,
      null,
      ['stderr is -Infinity in the log; treated as no value'],
    ]);
  });

  it.each([
    ['+0.5', '+0.5', "invalid token '+0.5'"],
    ['.5', '.5', "invalid token '.5'"],
    ['0x1F', '0x1F', "invalid token '0x1F'"],
    ['01', '01', "invalid token '01'"],
    ['nan', 'nan', "invalid token 'nan'"],
    ['-NaN', '-NaN', "invalid token '-NaN'"],
    ['infinity', 'infinity', "invalid token 'infinity'"],
    ['0.5e', '0.5e', "invalid token '0.5e'"],
    ['1_000', '1_000', "unexpected '_'"],
    [
      'a 601-digit number',
      `1${'0'.repeat(600)}`,
      'a number or literal is longer than 512 characters',
    ],
  ])('rejects %s at its line and column', async (_name, value, message) => {
    const error = await rejection(readInspect(inspectText(value)));
    expectLocated(error, { code: 'json-syntax', file: LOG, line: 8 });
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.location.column).toBeGreaterThanOrEqual(29); // where the value starts, or later
  });

  it(
    'reads a 16 MB string where a number belongs as no value, with a warning',
    { timeout: 20_000 },
    async () => {
      const record = await accuracy(`"${'x'.repeat(16 * MiB)}"`);
      expect(record.value).toBeNull();
      expect(record.warnings).toHaveLength(1);
      expect(record.warnings[0]).toMatch(/^accuracy is "x{10}/);
    },
  );

  it(
    'refuses a string longer than the 64 MiB cap without reading far past it',
    { timeout: 20_000 },
    async () => {
      const text = inspectText('"@@"');
      const [head, tail] = text.split('@@') as [string, string];
      const xs = utf8('x'.repeat(64 * 1024));
      const source = virtualFile(LOG, [
        { bytes: utf8(head) },
        { bytes: xs, repeat: 1100 },
        { bytes: utf8(tail) },
      ]);
      const error = await rejection(inspectJsonReader.read(source));
      expectLocated(error, {
        code: 'json-string-too-long',
        file: LOG,
        line: 8,
        message: 'a string is longer than 67108864 characters',
      });
      expect(source.stats.bytesPulled).toBeLessThanOrEqual(66 * MiB);
    },
  );

  it('reads an lm-eval "N/A" standard error and a string value as no value, with warnings', async () => {
    const records = await readLm(
      '{"results": {"t": {"acc,none": "0.5", "acc_stderr,none": "N/A", "f1,none": 0.25, "f1_stderr,none": "N/A"}}, "date": 1790000000}',
    );
    expect(records.map((r) => [r.metric, r.value, r.stderr, r.warnings])).toEqual([
      [
        'acc',
        null,
        null,
        [
          'acc,none is "0.5" in the file, not a number; treated as no value',
          'acc_stderr,none is "N/A" in the file, not a number; treated as no value',
        ],
      ],
      [
        'f1',
        0.25,
        null,
        ['f1_stderr,none is "N/A" in the file, not a number; treated as no value'],
      ],
    ]);
  });

  it('reads huge or non-integer sample counts as unknown, not as a completed run', async () => {
    const text = inspectText('0.4')
      .replace('"total_samples": 10', '"total_samples": 1e400')
      .replace('"completed_samples": 10', '"completed_samples": 10.5');
    const [record] = await readInspect(text);
    expect([record!.n, record!.n_intended, record!.status]).toEqual([null, null, 'success']);
    const partial = await readInspect(
      inspectText('0.4').replace('"total_samples": 10', `"total_samples": ${'9'.repeat(300)}`),
    );
    expect([partial[0]!.n, partial[0]!.status]).toEqual([10, 'partial']);
  });
});

describe('unterminated strings', () => {
  it.each([
    [
      '{"version": 2, "eval": {"task": "t',
      1,
      `unexpected end of file: expected '"' to close the string`,
    ],
    [
      '{"version": 2, "eval": {"task": "t\\"}}',
      1,
      `unexpected end of file: expected '"' to close the string`,
    ],
    [
      '{"version": 2,\n "eval": {"task": "a\\u00',
      2,
      `unexpected end of file: expected '"' to close the string`,
    ],
  ])('rejects %j as truncated at its last line', async (text, line, message) => {
    expectLocated(await rejection(readInspect(text)), {
      code: 'json-truncated',
      file: LOG,
      line,
      message,
    });
  });

  it('rejects a raw line break inside a string at the line where the string breaks', async () => {
    const error = await rejection(readInspect('{"version": 2,\n "eval": {"task": "two\nlines"}}'));
    expectLocated(error, {
      code: 'json-syntax',
      file: LOG,
      line: 2,
      message: `unescaped control character U+000a in a string: expected '"' or an escape`,
    });
  });
});

describe('a real Inspect log truncated at every structural boundary', () => {
  const text = INSPECT_LOG_JSON;
  // The top-level key (results.sample_reductions holds a nested `samples` earlier).
  const samplesKeyEnd = text.indexOf('\n  "samples": [') + '\n  "samples"'.length;
  const cuts = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    if ('{}[],:"'.includes(text[i]!)) {
      cuts.add(i);
      cuts.add(i + 1);
    }
  }
  const before = [...cuts].filter((c) => c < samplesKeyEnd);
  const after = [...cuts].filter((c) => c >= samplesKeyEnd && c < text.length);

  it(`rejects each of the ${before.length} cuts before the samples as truncated, at the last line`, async () => {
    expect(before.length).toBeGreaterThan(300);
    for (const cut of before) {
      const part = text.slice(0, cut);
      const error = await rejection(readInspect(part, 97));
      expect(error.code, `cut at ${cut}`).toBe('json-truncated');
      expect(error.location.file).toBe(LOG);
      expect(error.location.line, `cut at ${cut}`).toBe(part.split('\n').length);
      expect(error.hint).toBeTruthy();
    }
  });

  it(`reads the same records for each of the ${after.length} cuts inside the samples (never read)`, async () => {
    const whole = await readInspect(text);
    expect(whole.map((r) => [r.metric, r.value, r.status])).toEqual([['accuracy', 0, 'success']]);
    for (const cut of after) expect(await readInspect(text.slice(0, cut), 4096)).toEqual(whole);
  });

  it('rejects every structural cut of an lm-eval results file, which is read to the end', async () => {
    const lm = readFileSync(
      join(
        FIXTURES,
        'lm-eval/pr2251__gsm8k_judge_Llama-3.1-70B_results_2024-08-26T11-40-14.123429.json',
      ),
      'utf8',
    ).trimEnd();
    let tried = 0;
    for (let cut = 0; cut < lm.length; cut++) {
      if (!'{}[],:"'.includes(lm[cut]!)) continue;
      tried++;
      const part = lm.slice(0, cut);
      const error = await rejection(readLm(part));
      expect(error.code, `cut at ${cut}`).toBe('json-truncated');
      expect(error.location.line, `cut at ${cut}`).toBe(part.split('\n').length);
    }
    expect(tried).toBeGreaterThan(200);
    expect(await readLm(lm)).toHaveLength(1);
  });
});

describe('shapes other than an object', () => {
  it.each(['[]', '"log"', '42', 'null', 'true'])(
    'rejects a top-level %s in an lm-eval file',
    async (text) => {
      expectLocated(await rejection(readLm(text)), {
        code: 'lm-eval-no-results',
        file: LM,
        line: 1,
        message: 'the file is not a JSON object',
      });
    },
  );

  it('rejects a top-level array holding a real Inspect log, with a located error and a hint', async () => {
    const error = await rejection(readInspect(`[${INSPECT_LOG_JSON}]`));
    expectLocated(error, {
      code: 'inspect-shape',
      file: LOG,
      line: 1,
      message: 'the Inspect log is not a JSON object',
    });
  });

  it('reports a top-level array named .json as a file no reader recognises', async () => {
    const state = await loadRepository(
      memoryTree({
        'models/m/MODEL_CARD.md': cardText('acme/m', '  evals: ["logs/*"]\n'),
        'models/m/logs/run.json': `[${INSPECT_LOG_JSON}]`,
      }),
      testPolicy(),
    );
    expect(state.models[0]!.artifactErrors).toMatchObject([
      { code: 'unknown-format', file: 'models/m/logs/run.json', line: 1, hint: expect.any(String) },
    ]);
  });
});

describe('10,000 levels of nesting', () => {
  const prefix = '{"version": 2, "eval": {"task": "t"}, "results": ';

  it('rejects them in an Inspect log at the bracket that passes the depth cap', async () => {
    const text = `${prefix}${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expectLocated(await rejection(readInspect(text, 1000)), {
      code: 'json-depth',
      file: LOG,
      line: 1,
      column: prefix.length + 256,
      message: 'values are nested more than 256 levels deep',
    });
  });

  it('rejects them inside the samples an lm-eval reader skips', async () => {
    const text = `{"results": {"t": {"acc,none": 0.5}},\n "samples": ${'{"a": '.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    expectLocated(await rejection(readLm(text)), { code: 'json-depth', file: LM, line: 2 });
  });

  it('rejects them in the header.json of an .eval log, naming the member', async () => {
    const zip = buildZip([
      { name: 'header.json', data: `${prefix}${'['.repeat(10_000)}`, method: 8 },
    ]);
    const error = await rejection(inspectEvalReader.read(memorySource('logs/run.eval', zip)));
    expectLocated(error, {
      code: 'json-depth',
      file: 'logs/run.eval',
      key: 'header.json',
      message: `header.json line 1, column ${prefix.length + 256}: values are nested more than 256 levels deep`,
    });
  });
});

describe('encodings and binary files named .json', () => {
  const withByte = (text: string, at: string, bytes: number[]) => {
    const cut = text.indexOf(at);
    return concatBytes(text.slice(0, cut), Uint8Array.from(bytes), text.slice(cut));
  };

  it.each([1, 3, 7, 4096])(
    'rejects invalid UTF-8 in an Inspect header at its line (chunks of %d bytes)',
    async (chunkSize) => {
      const bytes = withByte(INSPECT_LOG_JSON, 'popularity"', [0xf8, 0x88]);
      expectLocated(await rejection(readInspect(bytes, chunkSize)), {
        code: 'json-encoding',
        file: LOG,
        line: lineOf(INSPECT_LOG_JSON, '"task": "popularity"'),
      });
    },
  );

  it('reads an Inspect log whose invalid UTF-8 lies only in the samples it never reads', async () => {
    const bytes = withByte(INSPECT_LOG_JSON, '"target": " Yes"', [0xc0, 0x80]);
    expect((await readInspect(bytes)).map((r) => r.value)).toEqual([0]);
  });

  it('rejects invalid UTF-8 in an lm-eval file at its line', async () => {
    const text = '{\n  "results": {"t": {"acc,none": 0.5}},\n  "model_name": "org/m"\n}';
    expectLocated(await rejection(readLm(withByte(text, 'org/m', [0xe2, 0x28, 0xa1]))), {
      code: 'json-encoding',
      file: LM,
      line: 3,
    });
  });

  it('rejects a UTF-16 log: the readers with an encoding error, the repository as an unknown format', async () => {
    const bytes = utf16leWithBom(INSPECT_LOG_JSON);
    expectLocated(await rejection(readInspect(bytes)), {
      code: 'json-encoding',
      file: LOG,
      line: 1,
      column: 1,
    });
    expectLocated(await rejection(readLm(bytes)), {
      code: 'json-encoding',
      file: LM,
      line: 1,
      column: 1,
    });
    const state = await loadRepository(
      memoryTree({
        'models/m/MODEL_CARD.md': cardText('acme/m', '  evals: ["logs/*"]\n'),
        'models/m/logs/run.json': bytes,
      }),
      testPolicy(),
    );
    expect(state.models[0]!.artifactErrors).toMatchObject([
      { code: 'unknown-format', file: 'models/m/logs/run.json', line: 1 },
    ]);
  });

  it('rejects a NUL byte between tokens at its line and column', async () => {
    const text = inspectText('0.4').replace('"status"', '\u0000"status"');
    expectLocated(await rejection(readInspect(text)), {
      code: 'json-syntax',
      file: LOG,
      line: 3,
      column: 3,
      message: 'unexpected character U+0000: expected a string key',
    });
  });

  it('rejects a NUL inside a string, and NUL padding after a complete log', async () => {
    const inString = inspectText('0.4').replace('"task": "t"', '"task": "t\u0000"');
    expectLocated(await rejection(readInspect(inString)), {
      code: 'json-syntax',
      file: LOG,
      line: 4,
    });
    const padded = concatBytes(inspectText('0.4'), new Uint8Array(4096));
    expectLocated(await rejection(readInspect(padded)), {
      code: 'json-syntax',
      file: LOG,
      line: 13,
      column: 1,
      message: 'unexpected character U+0000 after the end of the JSON value: expected end of file',
    });
    const lmPadded = concatBytes('{"results": {"t": {"acc,none": 0.5}}}\n', new Uint8Array(10));
    expectLocated(await rejection(readLm(lmPadded)), { code: 'json-syntax', file: LM, line: 2 });
  });

  it('rejects a PNG renamed to .json: the reader at byte 0, the repository as an unknown format', async () => {
    expectLocated(await rejection(readInspect(pngImage())), {
      code: 'json-encoding',
      file: LOG,
      line: 1,
      column: 1,
    });
    const state = await loadRepository(
      memoryTree({
        'models/m/MODEL_CARD.md': cardText('acme/m', '  evals: ["logs/*.json"]\n'),
        'models/m/logs/chart.json': pngImage(),
      }),
      testPolicy(),
    );
    expect(state.models[0]!.artifactErrors).toMatchObject([
      {
        code: 'unknown-format',
        file: 'models/m/logs/chart.json',
        line: 1,
        hint: expect.any(String),
      },
    ]);
  });

  it('reports a log padded with whitespace past the 4 KiB sniff as unrecognised, not as no evidence', async () => {
    const state = await loadRepository(
      memoryTree({
        'models/m/MODEL_CARD.md': cardText('acme/m', '  evals: ["logs/*.json"]\n'),
        'models/m/logs/run.json': `${' '.repeat(5000)}${INSPECT_LOG_JSON}`,
      }),
      testPolicy(),
    );
    expect(state.models[0]!.artifactErrors).toMatchObject([
      { code: 'unknown-format', file: 'models/m/logs/run.json' },
    ]);
  });
});

describe('prototype-named keys in JSON logs', () => {
  it('reads metrics named __proto__, constructor and toString as plain metrics', async () => {
    const text = inspectText('0.4').replace(
      '"accuracy": {"value": 0.4},',
      '"__proto__": {"value": 0.9}, "constructor": {"value": 0.1}, "toString": {"value": 0.2}, "accuracy": {"value": 0.4},',
    );
    const records = await readInspect(text);
    expect(records.map((r) => [r.metric, r.value, r.stderr])).toEqual([
      ['__proto__', 0.9, 0.01],
      ['constructor', 0.1, 0.01],
      ['toString', 0.2, 0.01],
      ['accuracy', 0.4, 0.01],
    ]);
  });

  it('reads lm-eval tasks named __proto__ and constructor, with their own sample counts', async () => {
    const records = await readLm(
      JSON.stringify({
        results: { constructor: { 'acc,none': 0.3 }, toString: { 'acc,none': 0.6 } },
        'n-samples': { constructor: { original: 10, effective: 5 } },
        date: 1790000000,
      }).replace('"toString"', '"__proto__"'),
    );
    expect(records.map((r) => [r.benchmark, r.value, r.n, r.n_intended, r.status])).toEqual([
      ['constructor', 0.3, 5, 10, 'partial'],
      ['__proto__', 0.6, null, null, 'success'],
    ]);
  });
});
