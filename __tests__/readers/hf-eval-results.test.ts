import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../src/core/evidence.js';
import { hfEvalResultsReader, isHfEvalResultsPath } from '../../src/readers/hf-eval-results.js';
import { findReader } from '../../src/readers/registry.js';
import {
  expectLocated,
  expectPrototypesClean,
  laughs,
  memorySource,
  rejection,
} from '../hostile/generators.js';

const FIXTURES = new URL('../fixtures/hf-eval-results/', import.meta.url);
/** Fixtures are read under the path a model repository gives them. */
const pathOf = (name: string) => `models/m/.eval_results/${name}`;

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const readFixture = (name: string): Promise<EvidenceRecord[]> =>
  hfEvalResultsReader.read(memorySource(pathOf(name), fixture(name)));
const readText = (text: string | Uint8Array, name = 'x.yaml'): Promise<EvidenceRecord[]> =>
  hfEvalResultsReader.read(memorySource(pathOf(name), text));

/** What every record of this format has in common. */
const common = {
  format: 'hf-eval-results',
  model: null,
  metric: null,
  filter: null,
  scorer: null,
  scale: 'unknown',
  stderr: null,
  n: null,
  n_intended: null,
  status: 'reported',
} as const;

afterEach(() => expectPrototypesClean());

describe('Hub .eval_results files: which files are theirs', () => {
  it('owns *.yaml and *.yml under a .eval_results directory, at any depth', () => {
    const head = new Uint8Array();
    expect(hfEvalResultsReader.format).toBe('hf-eval-results');
    for (const path of [
      '.eval_results/gpqa.yaml',
      'models/m/.eval_results/hle.yml',
      'models/m/.eval_results/variants/hle_with_tools.YAML',
    ]) {
      expect(isHfEvalResultsPath(path), path).toBe(true);
      expect(findReader(path, head)?.format, path).toBe('hf-eval-results');
    }
    for (const path of [
      'eval_results/gpqa.yaml',
      'models/m/my.eval_results/gpqa.yaml',
      '.eval_results.yaml',
      '.eval_results/gpqa.json',
      'models/m/.eval_results',
    ]) {
      expect(isHfEvalResultsPath(path), path).toBe(false);
    }
  });

  it('leaves a native evidence file inside .eval_results to the native reader', () => {
    expect(findReader('.eval_results/trial.evidence.yml', new Uint8Array())?.format).toBe('native');
  });
});

describe('Hub .eval_results files: real files', () => {
  it('reads a committed GPQA Diamond result: benchmark `dataset.id:task_id`, no metric, no scale, reported', async () => {
    expect(await readFixture('vedika-4.1-flash__gpqa.yaml')).toEqual([
      {
        ...common,
        file: pathOf('vedika-4.1-flash__gpqa.yaml'),
        pointer: '/0/value',
        line: 4,
        benchmark: 'Idavidrein/gpqa:diamond',
        value: 78.8,
        date: '2026-05-23T00:00:00.000Z',
        warnings: [],
      },
    ]);
  });

  it('shows the notes the result was measured under', async () => {
    expect(await readFixture('vedika-4.1-flash__hle.yaml')).toEqual([
      {
        ...common,
        file: pathOf('vedika-4.1-flash__hle.yaml'),
        pointer: '/0/value',
        line: 4,
        benchmark: 'cais/hle:hle',
        value: 5.2,
        date: '2026-05-23T00:00:00.000Z',
        warnings: ['notes: "No tools"'],
      },
    ]);
  });

  it('finds the value wherever the entry puts it, and leaves an undated result undated', async () => {
    expect(await readFixture('aura-gen-2.0__gsm8k.yaml')).toEqual([
      {
        ...common,
        file: pathOf('aura-gen-2.0__gsm8k.yaml'),
        pointer: '/0/value',
        line: 7,
        benchmark: 'openai/gsm8k:gsm8k',
        value: 96.06,
        date: null,
        warnings: [],
      },
    ]);
  });

  it('reads a file with a comment line and non-ASCII text, cutting long notes short', async () => {
    const [record, ...rest] = await readFixture('aura-gen-2.0__gpqa_diamond.yaml');
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      ...common,
      pointer: '/0/value',
      line: 5,
      benchmark: 'Idavidrein/gpqa:diamond',
      value: 72.22,
      date: '2026-07-18T00:00:00.000Z',
    });
    expect(record!.warnings).toHaveLength(1);
    expect(record!.warnings[0]).toMatch(
      /^notes: "Q2, CTX=32768, thinking mode ON, temp=0\.7, .*…"$/,
    );
    expect(record!.warnings[0]!.length).toBeLessThan(140);
  });

  it('yields one record per entry of a list, each at the line of its value', async () => {
    const records = await readFixture('dual-loop-controller__ai2_arc.yaml');
    expect(records.map((r) => [r.benchmark, r.value, r.line, r.pointer, r.date])).toEqual([
      ['ai2_arc:ARC-Easy', 80, 4, '/0/value', '2026-09-17T00:00:00.000Z'],
      ['ai2_arc:ARC-Challenge', 50, 14, '/1/value', '2026-09-17T00:00:00.000Z'],
    ]);
  });

  it('reads the transcribed Trinity-Large-Preview GPQA result (63.3, a percentage the file does not call one)', async () => {
    expect(await readFixture('transcribed__arcee-ai__Trinity-Large-Preview__gpqa.yaml')).toEqual([
      {
        ...common,
        file: pathOf('transcribed__arcee-ai__Trinity-Large-Preview__gpqa.yaml'),
        pointer: '/0/value',
        line: 4,
        benchmark: 'Idavidrein/gpqa:gpqa_diamond',
        value: 63.3,
        date: '2026-02-03T00:00:00.000Z',
        warnings: [],
      },
    ]);
  });

  it('refuses the spec template: its {placeholders} are not a task id', async () => {
    const error = await rejection(readFixture('hubdocs__eval_results_spec.yaml'));
    expectLocated(error, {
      code: 'schema',
      file: pathOf('hubdocs__eval_results_spec.yaml'),
      line: 4,
      column: 14,
      key: '[0].dataset.task_id',
      message: 'Hub evaluation results: [0].dataset.task_id: must be string',
    });
  });
});

describe('Hub .eval_results files: the API wrapping and informational fields', () => {
  it('reads entries wrapped as {data: …} the way the Hub API returns them, noting verified and pull request', async () => {
    const text = [
      '- filename: .eval_results/gsm8k.yaml',
      '  verified: false',
      '  data:',
      '    dataset: { id: openai/gsm8k, task_id: main }',
      '    value: 86.2',
      "    date: '2024-04-22'",
      '    source: { url: "https://hf.co/papers/2404.14219", name: Phi-3 Technical Report }',
      '  pullRequest: 44',
      '',
    ].join('\n');
    expect(await readText(text)).toEqual([
      {
        ...common,
        file: pathOf('x.yaml'),
        pointer: '/0/data/value',
        line: 5,
        benchmark: 'openai/gsm8k:main',
        value: 86.2,
        date: '2024-04-22T00:00:00.000Z',
        warnings: [
          "the Hub's verified flag (false) is informational; not trusted",
          'the value comes from Hub pull request #44, a community result not merged on the Hub',
        ],
      },
    ]);
  });

  it('does not trust a verifyToken, and says so', async () => {
    const [record] = await readText(
      '- dataset: { id: cais/hle, task_id: hle }\n  value: 20.9\n  verifyToken: eyJhbGciOi.x.y\n',
    );
    expect(record!.status).toBe('reported');
    expect(record!.warnings).toEqual([
      'verifyToken is not checked by rsp-gate; the value is read as reported',
    ]);
  });

  it('puts a date-time with a time zone in UTC', async () => {
    const [record] = await readText(
      '- dataset: { id: cais/hle, task_id: hle }\n  value: 20.9\n  date: "2025-01-15T10:30:00+02:00"\n',
    );
    expect(record!.date).toBe('2025-01-15T08:30:00.000Z');
  });

  it('reads a date-time without a time zone as UTC, with a warning', async () => {
    // Vedika's GPQA result with its date written as Python's datetime.isoformat() writes one.
    const text = new TextDecoder()
      .decode(fixture('vedika-4.1-flash__gpqa.yaml'))
      .replace("date: '2026-05-23'", "date: '2026-05-23T10:00:00'");
    const [record] = await readText(text);
    expect(record!.date).toBe('2026-05-23T10:00:00.000Z');
    expect(record!.warnings).toEqual(['date (2026-05-23T10:00:00) has no time zone; assumed UTC']);
    const [spaced] = await readText(text.replace('T10:00:00', ' 10:00:00.250'));
    expect(spaced!.date).toBe('2026-05-23T10:00:00.250Z');
  });

  it('reads an unknown attribution key in source with a warning', async () => {
    const [record] = await readText(
      '- dataset: { id: cais/hle, task_id: hle }\n  value: 20.9\n  source: { url: "https://x.example", licence: mit }\n',
    );
    expect(record!.value).toBe(20.9);
    expect(record!.warnings).toEqual(["source.licence is not part of the Hub's format; ignored"]);
  });
});

describe('Hub .eval_results files: malformed and hostile input is refused whole, at its line', () => {
  const file = pathOf('x.yaml');
  const entry = (extra: string, value = '0.41') =>
    `- dataset:\n    id: Idavidrein/gpqa\n    task_id: gpqa_diamond\n  value: ${value}\n${extra}`;

  it('refuses a value written as a string (`63.3%`)', async () => {
    expectLocated(await rejection(readText(entry('', '"63.3%"'))), {
      code: 'schema',
      file,
      line: 4,
      key: '[0].value',
      message: 'Hub evaluation results: [0].value: must be number',
    });
  });

  it('refuses .nan and .inf', async () => {
    for (const value of ['.nan', '-.inf']) {
      expectLocated(await rejection(readText(entry('', value))), {
        code: 'schema',
        file,
        line: 4,
        key: '[0].value',
        message: 'Hub evaluation results: [0].value is not a finite number',
      });
    }
  });

  it('refuses a number too large for a double (YAML reads 1e400 as text)', async () => {
    expectLocated(await rejection(readText(entry('', '1e400'))), {
      code: 'schema',
      file,
      line: 4,
      key: '[0].value',
      message: 'Hub evaluation results: [0].value: must be number',
    });
  });

  it('refuses an entry without a task id, at its dataset', async () => {
    const error = await rejection(readText('- dataset:\n    id: cais/hle\n  value: 20.9\n'));
    expectLocated(error, {
      code: 'schema',
      file,
      line: 2,
      key: '[0].dataset',
      message: 'Hub evaluation results: [0].dataset: missing required key `task_id`',
    });
  });

  it('refuses an entry without a value', async () => {
    const error = await rejection(readText('- dataset: { id: cais/hle, task_id: hle }\n'));
    expectLocated(error, {
      code: 'schema',
      file,
      line: 1,
      message: 'Hub evaluation results: [0]: missing required key `value`',
    });
  });

  it('refuses an unknown key on an entry (it could change what the value measures), naming the allowed keys', async () => {
    const error = await rejection(readText(entry('  metric_id: error_rate\n')));
    expectLocated(error, {
      code: 'schema',
      file,
      line: 5,
      column: 3,
      key: '[0].metric_id',
    });
    expect(error.message).toBe(
      'Hub evaluation results: [0].metric_id: unknown key `metric_id`; allowed keys: dataset, value, verifyToken, date, source, notes',
    );
  });

  it('refuses an unknown key in dataset', async () => {
    const error = await rejection(
      readText('- dataset:\n    id: cais/hle\n    task_id: hle\n    split: test\n  value: 20.9\n'),
    );
    expectLocated(error, { code: 'schema', file, line: 4, key: '[0].dataset.split' });
  });

  it('refuses a date it cannot read', async () => {
    const error = await rejection(readText(entry('  date: May 2026\n')));
    expectLocated(error, { code: 'schema', file, line: 5, key: '[0].date' });
  });

  it('refuses an impossible date, with or without a time', async () => {
    for (const date of ['2026-13-45', '2026-02-30', '2026-13-45T10:00:00', '2026-05-23T24:00:00']) {
      const error = await rejection(readText(entry(`  date: '${date}'\n`)));
      expectLocated(error, { code: 'schema', file, line: 5, key: '[0].date' });
    }
  });

  it('refuses a source without its url', async () => {
    const error = await rejection(readText(entry('  source: { name: Model Card }\n')));
    expectLocated(error, {
      code: 'schema',
      file,
      line: 5,
      message: 'Hub evaluation results: [0].source: missing required key `url`',
    });
  });

  it('refuses a mapping, an empty list and an empty file: the file must be a list of results', async () => {
    expectLocated(await rejection(readText('dataset: { id: a/b, task_id: c }\nvalue: 1\n')), {
      code: 'schema',
      file,
      line: 1,
      message: 'Hub evaluation results: (top level): must be array',
    });
    expectLocated(await rejection(readText('[]\n')), {
      code: 'schema',
      file,
      line: 1,
      message: 'Hub evaluation results: (top level): must NOT have fewer than 1 items',
    });
    expectLocated(await rejection(readText('')), { code: 'schema', file, line: 1 });
  });

  it('refuses truncated YAML at the line where it breaks', async () => {
    const error = await rejection(readText('- dataset:\n    id: [cais/hle,\n  value: 2'));
    expectLocated(error, { code: 'yaml-syntax', file });
    expect(error.location.line).toBeGreaterThanOrEqual(2);
  });

  it('stops an alias bomb at the alias cap, fast', { timeout: 2000 }, async () => {
    const bomb = laughs(12, 10);
    const text = [
      '- dataset: { id: a/b, task_id: c }',
      '  value: 1',
      ...bomb.lines.map((l) => `  ${l}`),
      `  notes: ${bomb.top}`,
      '',
    ].join('\n');
    const error = await rejection(readText(text));
    expectLocated(error, {
      code: 'yaml-syntax',
      file,
      message: 'invalid YAML: aliases exceeded maxAliases (100)',
    });
  });

  it('refuses a __proto__ key as unknown, without touching Object.prototype', async () => {
    const error = await rejection(readText(entry('  __proto__: { polluted: true }\n')));
    expectLocated(error, { code: 'schema', file, line: 5, key: '[0].__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses bytes that are not UTF-8, at their line', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(entry('  notes: "')),
      0xff,
      0x22,
      0x0a,
    ]);
    expectLocated(await rejection(readText(bytes)), { code: 'encoding', file, line: 5 });
  });
});
