import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EvidenceRecord, FileSource } from '../../src/core/evidence.js';
import { InputError } from '../../src/core/errors.js';
import { decodeUtf8, MAX_TEXT_BYTES } from '../../src/readers/decode-text.js';
import {
  isZonelessDateTime,
  nativeEvidenceReader,
  normaliseDate,
} from '../../src/readers/native-evidence.js';

const FIXTURES = new URL('../fixtures/native/', import.meta.url);

function memorySource(path: string, bytes: Uint8Array, size = bytes.length): FileSource {
  return {
    path,
    size,
    read: async (offset, length) => bytes.slice(offset, offset + length),
    chunks: async function* () {
      for (let i = 0; i < bytes.length; i += 1024) yield bytes.slice(i, i + 1024);
    },
  };
}

const readFixture = (name: string): Promise<EvidenceRecord[]> =>
  nativeEvidenceReader.read(
    memorySource(`evals/${name}`, new Uint8Array(readFileSync(new URL(name, FIXTURES)))),
  );

const readText = (text: string, path = 'evals/x.evidence.yml'): Promise<EvidenceRecord[]> =>
  nativeEvidenceReader.read(memorySource(path, new TextEncoder().encode(text)));

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, the read succeeded');
}

describe('nativeEvidenceReader', () => {
  it('owns *.evidence.yml and *.evidence.yaml files only', () => {
    const head = new Uint8Array();
    expect(nativeEvidenceReader.format).toBe('native');
    expect(nativeEvidenceReader.accepts('evals/uplift.evidence.yml', head)).toBe(true);
    expect(nativeEvidenceReader.accepts('evals/uplift.Evidence.YAML', head)).toBe(true);
    expect(nativeEvidenceReader.accepts('evals/uplift.yml', head)).toBe(false);
    expect(nativeEvidenceReader.accepts('evals/evidence.yml', head)).toBe(false);
    expect(nativeEvidenceReader.accepts('MODEL_CARD.md', head)).toBe(false);
  });

  it('yields one record per result with defaults, dates in UTC and the line of each value', async () => {
    expect(await readFixture('valid.evidence.yml')).toEqual([
      {
        file: 'evals/valid.evidence.yml',
        pointer: '/results/0/value',
        line: 6,
        format: 'native',
        filter: null,
        scorer: null,
        model: 'acme/frontier-7',
        benchmark: 'bio-uplift-trial',
        metric: 'uplift_ratio',
        value: 1.8,
        scale: 'unbounded',
        stderr: 0.3,
        n: 40,
        n_intended: 48,
        date: '2026-10-01T00:00:00.000Z',
        status: 'partial',
        warnings: [],
      },
      {
        file: 'evals/valid.evidence.yml',
        pointer: '/results/1/value',
        line: 17,
        format: 'native',
        filter: null,
        scorer: null,
        model: 'acme/frontier-7',
        benchmark: 'red-team-jailbreak',
        metric: 'success_rate',
        value: 0.12,
        scale: 'unknown',
        stderr: null,
        n: null,
        n_intended: null,
        date: '2026-09-15T12:30:00.000Z',
        status: 'success',
        warnings: [],
      },
    ]);
  });

  it('rejects an unknown key at its line, naming the key', async () => {
    const error = await rejection(readFixture('unknown-key.evidence.yml'));
    expect(error.code).toBe('schema');
    expect(error.location).toEqual({
      file: 'evals/unknown-key.evidence.yml',
      line: 6,
      column: 5,
      key: 'results[0].confidence',
    });
    expect(error.message).toMatch(
      /^evidence file: results\[0\]\.confidence: unknown key `confidence`/,
    );
  });

  it('lists the allowed keys when it rejects an unknown key', async () => {
    // Needs `verbose: true` in validate.ts's Ajv options (error.parentSchema is otherwise absent).
    const error = await rejection(readFixture('unknown-key.evidence.yml'));
    expect(error.message).toContain(
      'allowed keys: benchmark, metric, value, stderr, n, n_intended, scale, status, date, source, note',
    );
  });

  it('rejects a result without a date at the line of that result', async () => {
    const error = await rejection(readFixture('missing-date.evidence.yml'));
    expect(error.code).toBe('schema');
    expect(error.message).toBe('evidence file: results[0]: missing required key `date`');
    expect(error.location).toEqual({
      file: 'evals/missing-date.evidence.yml',
      line: 3,
      column: 5,
      key: 'results[0]',
    });
  });

  it('rejects `value: .nan` at the line of the value', async () => {
    const error = await rejection(readFixture('nan-value.evidence.yml'));
    expect(error.code).toBe('schema');
    expect(error.message).toBe('evidence file: results[0].value is not a finite number');
    expect(error.location).toEqual({
      file: 'evals/nan-value.evidence.yml',
      line: 5,
      column: 12,
      key: 'results[0].value',
    });
  });

  it('stops a billion-laughs alias bomb at the alias cap, fast', async () => {
    const started = performance.now();
    const error = await rejection(readFixture('alias-bomb.evidence.yml'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('yaml-syntax');
    expect(error.message).toBe('invalid YAML: aliases exceeded maxAliases (100)');
    expect(error.hint).toBe('at most 100 aliases are allowed; write the values out');
    expect(error.location).toMatchObject({ file: 'evals/alias-bomb.evidence.yml', line: 14 });
  });

  it('rejects a `__proto__` key as unknown without polluting Object.prototype', async () => {
    const error = await rejection(readFixture('proto-key.evidence.yml'));
    expect(error.code).toBe('schema');
    expect(error.message).toMatch(/^evidence file: __proto__: unknown key `__proto__`/);
    expect(error.location).toEqual({
      file: 'evals/proto-key.evidence.yml',
      line: 2,
      column: 1,
      key: '__proto__',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('rejects a status the schema does not know', async () => {
    const error = await rejection(
      readText(
        'model: m\nresults:\n- {benchmark: b, metric: m, value: 1, date: 2026-01-01, source: s, status: reported}\n',
      ),
    );
    expect(error.code).toBe('schema');
    expect(error.message).toMatch(
      /results\[0\]\.status: must be one of "success", "partial", "error", "cancelled"/,
    );
  });

  it('rejects a date-time without a time zone', async () => {
    const error = await rejection(
      readText(
        'model: m\nresults:\n- {benchmark: b, metric: m, value: 1, date: "2026-01-01T10:00:00", source: s}\n',
      ),
    );
    expect(error.code).toBe('schema');
    expect(error.location.key).toBe('results[0].date');
  });

  it('reports YAML syntax errors at their line', async () => {
    const error = await rejection(readText('model: m\nresults:\n  - benchmark: b\n   metric: x\n'));
    expect(error.code).toBe('yaml-syntax');
    expect(error.location.line).toBe(4);
  });

  it('refuses a file over 8 MiB and a file that is not UTF-8', async () => {
    const big = await rejection(
      nativeEvidenceReader.read(
        memorySource('evals/big.evidence.yml', new Uint8Array(), MAX_TEXT_BYTES + 1),
      ),
    );
    expect(big.code).toBe('file-too-large');
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('model: m\nnote: na'),
      0xef,
      0x76,
      0x65,
      0x0a,
    ]);
    const bad = await rejection(
      nativeEvidenceReader.read(memorySource('evals/bad.evidence.yml', latin1)),
    );
    expect(bad.code).toBe('encoding');
    expect(bad.location).toEqual({ file: 'evals/bad.evidence.yml', line: 2, column: 9 });
  });
});

describe('normaliseDate', () => {
  it('turns dates and offset date-times into ISO UTC', () => {
    expect(normaliseDate('2026-10-01')).toBe('2026-10-01T00:00:00.000Z');
    expect(normaliseDate('2026-10-01T23:30:00-02:00')).toBe('2026-10-02T01:30:00.000Z');
    expect(normaliseDate('2026-10-01 08:00:00.123456Z')).toBe('2026-10-01T08:00:00.123Z');
    expect(normaliseDate('2026-10-01T08:00:00+0530')).toBe('2026-10-01T02:30:00.000Z');
    expect(normaliseDate('0099-01-01')).toBe('0099-01-01T00:00:00.000Z');
    expect(normaliseDate('1 October 2026')).toBeNull();
  });

  it('refuses impossible dates and times instead of rolling them into another day', () => {
    for (const impossible of [
      '2026-13-45',
      '2026-00-10',
      '2026-02-29',
      '2026-04-31',
      '2026-10-00',
      '2026-10-01T24:00:00Z',
      '2026-10-01T12:60:00Z',
      '2026-10-01T12:00:61Z',
      '2026-10-01T12:00:00+24:00',
      '2026-10-01T12:00:00+05:60',
    ]) {
      expect(normaliseDate(impossible), impossible).toBeNull();
    }
    expect(normaliseDate('2028-02-29')).toBe('2028-02-29T00:00:00.000Z');
    expect(normaliseDate('2000-02-29')).toBe('2000-02-29T00:00:00.000Z');
    expect(normaliseDate('1900-02-29')).toBeNull();
    expect(normaliseDate('2026-04-30T23:59:59-23:59')).toBe('2026-05-01T23:58:59.000Z');
    // A leap second is legal RFC 3339; it lands on the first instant of the next day.
    expect(normaliseDate('2016-12-31T23:59:60Z')).toBe('2017-01-01T00:00:00.000Z');
  });

  it('refuses a date-time without a time zone, and says which those are', () => {
    expect(normaliseDate('2026-05-23T10:00:00')).toBeNull();
    expect(isZonelessDateTime('2026-05-23T10:00:00')).toBe(true);
    expect(isZonelessDateTime('2026-05-23 10:00:00.5')).toBe(true);
    expect(isZonelessDateTime('2026-05-23T10:00:00Z')).toBe(false);
    expect(isZonelessDateTime('2026-05-23')).toBe(false);
  });
});

describe('decodeUtf8', () => {
  it('drops a byte order mark and rejects overlong encodings and surrogates', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'f')).toBe('a');
    expect(() => decodeUtf8(new Uint8Array([0xc0, 0xaf]), 'f')).toThrow(/byte 0xc0 at offset 0/);
    expect(() => decodeUtf8(new Uint8Array([0x61, 0xed, 0xa0, 0x80]), 'f')).toThrow(
      /byte 0xed at offset 1/,
    );
    expect(() => decodeUtf8(new Uint8Array([0x61, 0x62, 0xe2, 0x82]), 'f')).toThrow(
      /byte 0xe2 at offset 2/,
    );
  });
});
