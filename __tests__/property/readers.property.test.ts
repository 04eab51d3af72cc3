/**
 * Property tests for the evidence readers: whatever bytes a pull request commits, a reader
 * returns well-formed records or throws a located InputError — never a crash, a hang, another
 * exception type, a polluted prototype, or an answer that depends on how the file was chunked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { EvidenceReader, EvidenceRecord } from '../../src/core/evidence.js';
import { MAX_YAML_ALIASES, parseYaml } from '../../src/formats/yaml.js';
import { CHUNK_SIZE, fileSourceFromBytes } from '../../src/readers/file-source.js';
import { findReader, readers, SNIFF_BYTES } from '../../src/readers/registry.js';
import { buildZip } from '../readers/zip-builder.js';
import { check, TEST_TIMEOUT_MS } from './settings.js';

const encoder = new TextEncoder();
const encode = (text: string): Uint8Array => encoder.encode(text);

/* ------------------------------------------------------------------------------------------ */
/* Seeds: every real fixture                                                                    */
/* ------------------------------------------------------------------------------------------ */

const FIXTURES = join(import.meta.dirname, '../fixtures');
const FIXTURE_DIRS = [
  'inspect',
  'lm-eval',
  'hf-model-card',
  'native',
  'hf-eval-results',
  'every-eval-ever',
  'lighteval',
] as const;

interface Seed {
  /** Repository-relative path the fixture is read under. */
  path: string;
  bytes: Uint8Array;
}

/** Bytes as a short string literal: printable ASCII as is, everything else as `\xHH`. */
function showBytes(bytes: Uint8Array, max = 600): string {
  let text = '';
  for (const b of bytes.subarray(0, max)) {
    text +=
      b >= 0x20 && b < 0x7f && b !== 0x5c && b !== 0x22
        ? String.fromCharCode(b)
        : b === 0x0a
          ? '\\n'
          : `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return `"${text}"${bytes.length > max ? `…(${bytes.length} bytes)` : ''}`;
}

/** Make fast-check print a value as `text()` in counterexamples (not as a byte array). */
function printable<T extends object>(value: T, text: (value: T) => string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => text(value) });
  return value;
}

const SEEDS: Seed[] = FIXTURE_DIRS.flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .sort()
    .map((file) =>
      printable(
        {
          // Hub results files are theirs only under a `.eval_results/` directory.
          path: `evals/${dir}/${dir === 'hf-eval-results' ? '.eval_results/' : ''}${file}`,
          bytes: new Uint8Array(readFileSync(join(FIXTURES, dir, file))),
        },
        (seed) => `seed(${seed.path})`,
      ),
    ),
);

/** The format each fixture is written in (the `.txt` Inspect logs are JSON logs). */
function seedFormat(seed: Seed): string {
  if (seed.path.endsWith('.eval')) return 'inspect-eval';
  if (seed.path.startsWith('evals/inspect/')) return 'inspect-json';
  if (seed.path.startsWith('evals/lm-eval/')) return 'lm-eval';
  if (seed.path.startsWith('evals/native/')) return 'native';
  if (seed.path.startsWith('evals/hf-eval-results/')) return 'hf-eval-results';
  if (seed.path.startsWith('evals/every-eval-ever/')) return 'every-eval-ever';
  if (seed.path.startsWith('evals/lighteval/')) return 'lighteval';
  return 'hf-model-index';
}

const EXTENSION: Record<string, RegExp> = {
  'inspect-eval': /\.eval$/i,
  'inspect-json': /\.json$/i,
  'lm-eval': /\.json$/i,
  native: /\.evidence\.ya?ml$/i,
  'hf-model-index': /\.md$/i,
  'hf-eval-results': /\.ya?ml$/i,
  'every-eval-ever': /\.json$/i,
  lighteval: /\.json$/i,
};
const NEW_EXTENSION: Record<string, string> = {
  'inspect-eval': '.eval',
  'inspect-json': '.json',
  'lm-eval': '.json',
  native: '.evidence.yml',
  'hf-model-index': '.md',
  'hf-eval-results': '.yaml',
  'every-eval-ever': '.json',
  lighteval: '.json',
};

/** A path the reader would be handed for this seed: the seed's own, renamed when needed. */
function pathFor(format: string, seed: Seed): string {
  if (EXTENSION[format]!.test(seed.path)) return seed.path;
  return seed.path.replace(/(\.[A-Za-z0-9]+)+$/, '') + NEW_EXTENSION[format]!;
}

/* ------------------------------------------------------------------------------------------ */
/* Mutations                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** Tokens that stress number parsing, nesting limits, prototype keys and YAML features. */
const TEXT_PAYLOADS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e309',
  '1e-400',
  '-0',
  '123456789012345678901234567890',
  '0.1e+999',
  '.nan',
  '.inf',
  '-.inf',
  '"\\u0000"',
  '"\\ud800"',
  '"\\uZZ"',
  '"\\',
  '"',
  ',',
  ':',
  '{',
  '}',
  '[',
  ']',
  '\t',
  '\r',
  '\r\n',
  '\n',
  '\u2028',
  '"__proto__": {"polluted": true},',
  '"constructor": {"prototype": {"polluted": true}},',
  '{"__proto__": {"polluted": true}}',
  '"samples": [',
  '"results": {"t": {"acc,none": NaN}},',
  '__proto__: {polluted: true}\n',
  'constructor: {prototype: {polluted: true}}\n',
  '<<: {polluted: true}\n',
  '&a [1, 2]',
  '*a',
  '&c [*c]',
  'cycle: &c {next: *c}\n',
  '*nowhere',
  '<<: *a\n',
  '!!binary aGk=',
  '!!js/function "function () {}"',
  '!!set {a, b}',
  '!<tag:yaml.org,2002:str> x',
  '? [a, b]\n: c\n',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  'model-index:\n- name: x\n  results: 1\n',
  '- ',
];

/** Byte sequences that are not valid UTF-8, and a BOM. */
const BYTE_PAYLOADS = [
  [0xef, 0xbb, 0xbf], // BOM
  [0xff],
  [0xfe],
  [0x80],
  [0xc0, 0x80], // overlong NUL
  [0xc3], // truncated two-byte sequence
  [0xe2, 0x82], // truncated three-byte sequence
  [0xed, 0xa0, 0x80], // UTF-16 surrogate
  [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
  [0xf5],
  [0x00],
  [0xe2, 0x82, 0xac], // a valid multi-byte character (€), to move boundaries
  [0xf0, 0x9f, 0x98, 0x80], // a valid four-byte character
].map((bytes) => Uint8Array.from(bytes));

const NESTING = ['[', '{"a":', '[{"x":', '- ', '{a: '];

const payload: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TEXT_PAYLOADS).map(encode) },
  { weight: 3, arbitrary: fc.constantFrom(...BYTE_PAYLOADS) },
  { weight: 2, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).map(encode) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        open: fc.constantFrom(...NESTING),
        depth: fc.constantFrom(10, 63, 64, 65, 255, 256, 257, 1000, 4000),
      })
      .map(({ open, depth }) => encode(open.repeat(depth))),
  },
);

const NUMBER_REPLACEMENTS = [
  '"1e400"',
  '"-1e309 +/- 0.5"',
  '"1e999%"',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e309',
  '1e-400',
  '-0',
  '5e-324',
  '1.7976931348623157e308',
  '123456789012345678901234567890',
  '"0.5"',
  '"25.59%"',
  '"279.55 +/- 11.76"',
  '"NaN"',
  'null',
  'true',
  '[]',
  '{}',
  '.nan',
  '.inf',
  '0x1F',
  '~',
  '-',
];

const KEY_REPLACEMENTS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '<<',
  'samples',
  'results',
  'version',
  'eval',
  'status',
  'invalidated',
  'metrics',
  'value',
  'scores',
  'scorers',
  'n-samples',
  'config',
  'date',
  'model-index',
  'model',
  'benchmark',
  'metric',
  '',
];

type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'overwrite'; at: number; bytes: Uint8Array }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number; to: number }
  | { op: 'line'; what: 'delete' | 'duplicate' | 'swap'; line: number; other: number }
  | { op: 'number'; index: number; replacement: string }
  | { op: 'key'; index: number; replacement: string };

const at = fc.nat({ max: 1 << 24 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('truncate' as const), at }),
  fc.record({ op: fc.constant('insert' as const), at, bytes: payload }),
  fc.record({ op: fc.constant('overwrite' as const), at, bytes: payload }),
  fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({
    op: fc.constant('duplicate' as const),
    at,
    length: fc.integer({ min: 1, max: 4096 }),
    to: at,
  }),
  fc.record({
    op: fc.constant('line' as const),
    what: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const),
    line: at,
    other: at,
  }),
  fc.record({
    op: fc.constant('number' as const),
    index: at,
    replacement: fc.constantFrom(...NUMBER_REPLACEMENTS),
  }),
  fc.record({
    op: fc.constant('key' as const),
    index: at,
    replacement: fc.constantFrom(...KEY_REPLACEMENTS),
  }),
);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

const NUMBER_TOKEN = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
/** JSON keys (`"key":`) and YAML block keys (`key:` at the start of a line or after `- `). */
const KEY_TOKEN = /"((?:[^"\\\n]|\\.)*)"(?=\s*:)|^(?:[ \t]*(?:- )?)([A-Za-z_][\w.-]*)(?=:)/gm;

function replaceToken(
  bytes: Uint8Array,
  pattern: RegExp,
  index: number,
  make: (m: RegExpExecArray) => string,
): Uint8Array {
  const text = latin1(bytes);
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return bytes;
  const m = matches[index % matches.length]!;
  return fromLatin1(text.slice(0, m.index) + make(m) + text.slice(m.index + m[0].length));
}

function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const n = bytes.length;
  const pos = (x: number) => (n === 0 ? 0 : x % (n + 1));
  switch (m.op) {
    case 'flip': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[m.at % n]! ^= 1 << m.bit;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, pos(m.at));
    case 'insert': {
      const p = pos(m.at);
      return concat(bytes.subarray(0, p), m.bytes, bytes.subarray(p));
    }
    case 'overwrite': {
      const p = pos(m.at);
      return concat(bytes.subarray(0, p), m.bytes, bytes.subarray(Math.min(n, p + m.bytes.length)));
    }
    case 'delete': {
      const p = pos(m.at);
      return concat(bytes.subarray(0, p), bytes.subarray(Math.min(n, p + m.length)));
    }
    case 'duplicate': {
      const p = pos(m.at);
      const piece = bytes.slice(p, Math.min(n, p + m.length));
      const to = pos(m.to);
      return concat(bytes.subarray(0, to), piece, bytes.subarray(to));
    }
    case 'line': {
      const lines = latin1(bytes).split('\n');
      const i = m.line % lines.length;
      const j = m.other % lines.length;
      if (m.what === 'delete') lines.splice(i, 1);
      else if (m.what === 'duplicate') lines.splice(i, 0, lines[i]!);
      else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return fromLatin1(lines.join('\n'));
    }
    case 'number':
      return replaceToken(bytes, NUMBER_TOKEN, m.index, () => m.replacement);
    case 'key':
      return replaceToken(bytes, KEY_TOKEN, m.index, (match) =>
        match[1] !== undefined
          ? `"${m.replacement}"`
          : match[0].slice(0, match[0].length - match[2]!.length) + m.replacement,
      );
  }
}

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  return mutations.reduce(applyMutation, bytes);
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

/**
 * Chunk sizes from 1 byte to 64 KiB, small ones often (they put boundaries everywhere). Large
 * inputs get at most ~4096 chunks, so a 400 KB fixture does not take 400 000 reads.
 */
const chunkSize = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 16 }) },
  { weight: 2, arbitrary: fc.integer({ min: 17, max: 1024 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1025, max: 64 * 1024 }) },
);
const boundedChunk = (size: number, bytes: Uint8Array): number =>
  Math.max(size, Math.ceil(bytes.length / 4096));

/* ------------------------------------------------------------------------------------------ */
/* Outcomes                                                                                     */
/* ------------------------------------------------------------------------------------------ */

type Outcome = { records: EvidenceRecord[] } | { error: unknown };

async function readWith(
  reader: EvidenceReader,
  path: string,
  bytes: Uint8Array,
  chunk: number,
): Promise<Outcome> {
  try {
    return { records: await reader.read(fileSourceFromBytes(path, bytes, chunk)) };
  } catch (error) {
    return { error };
  }
}

/** As the repository loader does: sniff the head, pick the reader, read. Null: nobody claims it. */
async function readThroughRegistry(
  path: string,
  bytes: Uint8Array,
  chunk: number,
): Promise<{ format: string; outcome: Outcome } | null> {
  const source = fileSourceFromBytes(path, bytes, chunk);
  const reader = findReader(path, await source.read(0, SNIFF_BYTES));
  if (!reader) return null;
  return { format: reader.format, outcome: await readWith(reader, path, bytes, chunk) };
}

const SCALES = new Set(['fraction', 'percent', 'unbounded', 'unknown']);
const STATUSES = new Set(['success', 'partial', 'cancelled', 'error', 'started', 'reported']);
const ISO_UTC = /^(?:\d{4}|[+-]\d{6})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const isPositiveInteger = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x > 0;
const isCount = (x: unknown) =>
  x === null || (typeof x === 'number' && Number.isInteger(x) && x >= 0);
const isFiniteOrNull = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x));

/** Why a record breaks the EvidenceRecord contract, or null. */
function recordProblem(r: EvidenceRecord, path: string, format: string | null): string | null {
  if (r === null || typeof r !== 'object') return 'is not an object';
  if (r.file !== path) return `file ${JSON.stringify(r.file)} is not the source path`;
  if (format !== null && r.format !== format) return `format ${r.format} is not ${format}`;
  if (!isFiniteOrNull(r.value)) return `value ${String(r.value)} is neither null nor finite`;
  if (!SCALES.has(r.scale)) return `scale ${String(r.scale)} is not in the enum`;
  if (!STATUSES.has(r.status)) return `status ${String(r.status)} is not in the enum`;
  if (r.line !== null && !isPositiveInteger(r.line))
    return `line ${String(r.line)} is not positive`;
  if (!Array.isArray(r.warnings) || !r.warnings.every((w) => typeof w === 'string'))
    return 'warnings is not an array of strings';
  if (typeof r.benchmark !== 'string' || (r.metric !== null && typeof r.metric !== 'string'))
    return 'benchmark is not a string, or metric is neither null nor a string';
  if (typeof r.pointer !== 'string') return 'pointer is not a string';
  if (r.model !== null && typeof r.model !== 'string') return 'model is neither null nor a string';
  if (!isFiniteOrNull(r.stderr)) return `stderr ${String(r.stderr)} is neither null nor finite`;
  if (!isCount(r.n) || !isCount(r.n_intended)) return 'n or n_intended is not a count';
  if (r.date !== null && !(typeof r.date === 'string' && ISO_UTC.test(r.date)))
    return `date ${String(r.date)} is not ISO-8601 UTC`;
  return null;
}

/** Records that keep the contract, or a located InputError; anything else fails the property. */
function assertValidOutcome(outcome: Outcome, path: string, format: string | null): void {
  if ('records' in outcome) {
    if (!Array.isArray(outcome.records)) throw new Error('read() resolved to a non-array');
    for (const [i, r] of outcome.records.entries()) {
      const problem = recordProblem(r, path, format);
      if (problem) throw new Error(`record ${i} ${problem}: ${JSON.stringify(r)}`);
    }
    return;
  }
  const { error } = outcome;
  if (!(error instanceof InputError)) {
    const e = error as Error | undefined;
    throw new Error(
      `untyped exception ${e?.constructor?.name ?? typeof error}: ${e?.message ?? String(error)}\n${e?.stack ?? ''}`,
    );
  }
  if (typeof error.code !== 'string' || error.code === '')
    throw new Error('InputError without a code');
  if (typeof error.message !== 'string' || error.message === '')
    throw new Error(`InputError ${error.code} without a message`);
  if (error.location?.file !== path)
    throw new Error(
      `InputError ${error.code} names ${JSON.stringify(error.location?.file)}, not ${path}: ${error.message}`,
    );
  const { line, column } = error.location;
  if (line !== undefined && !isPositiveInteger(line))
    throw new Error(`InputError ${error.code} has line ${String(line)}`);
  if (column !== undefined && !isPositiveInteger(column))
    throw new Error(`InputError ${error.code} has column ${String(column)}`);
}

const PROTOTYPES: [string, object][] = [
  ['Object', Object.prototype],
  ['Array', Array.prototype],
  ['Function', Function.prototype],
  ['String', String.prototype],
];
const PROTOTYPE_KEYS = new Map(
  PROTOTYPES.map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort().join()]),
);

function assertNoPollution(): void {
  for (const [name, proto] of PROTOTYPES) {
    const keys = Reflect.ownKeys(proto).map(String).sort().join();
    if (keys !== PROTOTYPE_KEYS.get(name)) throw new Error(`${name}.prototype was polluted`);
  }
  const probe: Record<string, unknown> = {};
  if (
    probe.polluted !== undefined ||
    ([] as unknown as Record<string, unknown>).polluted !== undefined
  )
    throw new Error('a fresh object sees a polluted property');
}

/**
 * Nodes in the tree a value stands for, an aliased subtree counted every time it appears (what a
 * recursive walk of the value visits). Stops counting past `limit`; a cycle counts as unbounded.
 */
function expandedSize(value: unknown, limit: number): number {
  const memo = new Map<object, number>();
  const size = (v: unknown): number => {
    if (v === null || typeof v !== 'object') return 1;
    const known = memo.get(v);
    if (known !== undefined) return known;
    memo.set(v, Infinity); // seen again before it is done: a cycle
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      n += size(child);
      if (n > limit) break;
    }
    memo.set(v, n === Infinity ? Infinity : n > limit ? limit + 1 : n);
    return memo.get(v)!;
  };
  return size(value);
}

/** A walk of more nodes than this takes seconds; a property case must not do it. */
const HANG_NODES = 2_000_000;

/**
 * The native and Hub results readers validate their whole document with recursive walks. When the
 * YAML stands for a finite tree so large that walking it would stall the run, say so instead of
 * reading it.
 */
function wouldStall(bytes: Uint8Array, format: string): string | null {
  if (format !== 'native' && format !== 'hf-eval-results') return null;
  let value: unknown;
  try {
    value = parseYaml(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'probe').value;
  } catch {
    return null; // not UTF-8 or not YAML: the reader refuses it quickly
  }
  const size = expandedSize(value, HANG_NODES);
  if (size === Infinity || size <= HANG_NODES) return null; // cycles fail fast; let them
  return `${bytes.length} bytes of YAML, accepted by parseYaml, stand for a tree of more than ${HANG_NODES} nodes: reading would stall (see the alias-ladder property)`;
}

/** Same records (deep-equal), or errors with the same code. */
function assertSameOutcome(a: Outcome, b: Outcome, what: string): void {
  if ('records' in a && 'records' in b) {
    expect(b.records, what).toStrictEqual(a.records);
    return;
  }
  const describe = (o: Outcome) =>
    'records' in o
      ? `${o.records.length} records`
      : `error ${(o.error as InputError).code ?? String(o.error)}: ${(o.error as Error).message}`;
  if ('error' in a && 'error' in b && (a.error as InputError).code === (b.error as InputError).code)
    return;
  throw new Error(`${what}: ${describe(a)} vs ${describe(b)}`);
}

/* ------------------------------------------------------------------------------------------ */
/* (a) Mutated real fixtures                                                                    */
/* ------------------------------------------------------------------------------------------ */

const seedIndex = fc.nat({ max: SEEDS.length - 1 });

describe('mutated real fixtures: records or a located InputError', () => {
  for (const reader of readers) {
    const own = SEEDS.filter((s) => seedFormat(s) === reader.format);
    const ownSeed = fc.nat({ max: own.length - 1 }).map((i) => own[i]!);
    const anySeed = seedIndex.map((i) => SEEDS[i]!);

    test(
      `${reader.format} reader, read directly`,
      async () => {
        await check(
          fc.asyncProperty(
            fc.oneof({ weight: 4, arbitrary: ownSeed }, { weight: 1, arbitrary: anySeed }),
            mutations,
            chunkSize,
            async (seed, ms, size) => {
              const bytes = mutate(seed.bytes, ms);
              const path = pathFor(reader.format, seed);
              const stall = wouldStall(bytes, reader.format);
              if (stall) throw new Error(stall);
              const outcome = await readWith(reader, path, bytes, boundedChunk(size, bytes));
              assertValidOutcome(outcome, path, reader.format);
              assertNoPollution();
            },
          ),
        );
      },
      TEST_TIMEOUT_MS,
    );
  }

  test(
    'through findReader, as the repository loader uses it',
    async () => {
      await check(
        fc.asyncProperty(
          seedIndex,
          mutations,
          chunkSize,
          fc.constantFrom(null, '.json', '.eval', '.md', '.evidence.yml', '.EVAL', '.Json'),
          async (i, ms, size, rename) => {
            const seed = SEEDS[i]!;
            const bytes = mutate(seed.bytes, ms);
            const path = rename ? seed.path.replace(/(\.[A-Za-z0-9]+)+$/, '') + rename : seed.path;
            const stall = wouldStall(
              bytes,
              findReader(path, bytes.subarray(0, SNIFF_BYTES))?.format ?? '',
            );
            if (stall) throw new Error(stall);
            const result = await readThroughRegistry(path, bytes, boundedChunk(size, bytes));
            if (result) assertValidOutcome(result.outcome, path, result.format);
            assertNoPollution();
          },
        ),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

/* ------------------------------------------------------------------------------------------ */
/* (b) Generated JSON-ish inputs in the shapes the readers look for                             */
/* ------------------------------------------------------------------------------------------ */

/** A JSON-ish tree that can hold what JSON.stringify cannot: bare NaN, 1e400, invalid bytes. */
type J =
  | { t: 'lit'; v: unknown }
  | { t: 'raw'; s: string }
  | { t: 'bytes'; b: Uint8Array }
  | { t: 'obj'; entries: [string, J][] }
  | { t: 'arr'; items: J[] };

const lit = (v: unknown): J => ({ t: 'lit', v });
const obj = (entries: [string, J][]): J => ({ t: 'obj', entries });

/** Strings rich in what breaks parsers: escapes, quotes, unicode, lone surrogates. */
const hostileString = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '"',
        '\\',
        '\n',
        '\u0000',
        '\uFEFF',
        '\uD800',
        '\uDFFF',
        'é',
        '€',
        '😀',
        '%',
      ),
    },
  ),
  maxLength: 12,
});

const jKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KEY_REPLACEMENTS, 'acc,none', 'acc_stderr,none') },
  { weight: 2, arbitrary: hostileString },
);

const jLeaf: fc.Arbitrary<J> = fc.oneof(
  fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), hostileString).map(lit),
  fc
    .constantFrom(
      'NaN',
      'Infinity',
      '-Infinity',
      '1e400',
      '-1e309',
      '-0',
      '1E+2',
      '0.000001',
      '123456789012345678901234567890',
    )
    .map((s): J => ({ t: 'raw', s })),
  fc.uint8Array({ minLength: 1, maxLength: 6 }).map((b): J => ({ t: 'bytes', b })),
);

const { json: jValue } = fc.letrec<{ json: J }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    jLeaf,
    fc.array(fc.tuple(jKey, tie('json')), { maxLength: 4 }).map(obj),
    fc.array(tie('json'), { maxLength: 4 }).map((items): J => ({ t: 'arr', items })),
  ),
}));

/** fc.json() and fc.anything() values as J trees (NaN, -0 and Infinity survive as bare words). */
const fromValue = (v: unknown): J => {
  if (Array.isArray(v)) return { t: 'arr', items: v.map(fromValue) };
  if (v !== null && typeof v === 'object')
    return obj(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromValue(x)]));
  return lit(v);
};
const anyValue: fc.Arbitrary<J> = fc.oneof(
  jValue,
  fc.json({ maxDepth: 3 }).map((text) => fromValue(JSON.parse(text))),
  fc.anything({ maxDepth: 3 }).map(fromValue),
);

/** Serialise as Python's json module would (bare NaN/Infinity), with raw bytes where asked. */
function emit(j: J, out: Uint8Array[]): void {
  switch (j.t) {
    case 'raw':
      out.push(encode(j.s));
      return;
    case 'bytes':
      out.push(encode('"'), j.b, encode('"'));
      return;
    case 'lit': {
      const v = j.v;
      let text: string;
      if (typeof v === 'number') {
        text = Number.isNaN(v)
          ? 'NaN'
          : v === Infinity
            ? 'Infinity'
            : v === -Infinity
              ? '-Infinity'
              : JSON.stringify(v);
      } else if (typeof v === 'string' || typeof v === 'boolean' || v === null)
        text = JSON.stringify(v);
      else if (typeof v === 'bigint') text = v.toString();
      else text = 'null'; // undefined, symbols, functions
      out.push(encode(text));
      return;
    }
    case 'arr':
      out.push(encode('['));
      j.items.forEach((item, i) => {
        if (i > 0) out.push(encode(', '));
        emit(item, out);
      });
      out.push(encode(']'));
      return;
    case 'obj':
      out.push(encode('{'));
      j.entries.forEach(([k, v], i) => {
        if (i > 0) out.push(encode(',\n'));
        out.push(encode(`${JSON.stringify(k)}: `));
        emit(v, out);
      });
      out.push(encode('}'));
  }
}
function toBytes(j: J): Uint8Array {
  const out: Uint8Array[] = [];
  emit(j, out);
  return concat(...out);
}

/** Sometimes the expected value, sometimes anything at all. */
const or = (expected: fc.Arbitrary<J>, weight = 3): fc.Arbitrary<J> =>
  fc.oneof({ weight, arbitrary: expected }, { weight: 1, arbitrary: anyValue });

const metricValue: fc.Arbitrary<J> = fc.oneof(
  fc.double().map(lit),
  fc
    .constantFrom('NaN', 'Infinity', '1e400', '-1e309', '0.5', '-0')
    .map((s): J => ({ t: 'raw', s })),
  fc.constantFrom('0.5', '25%', '1e400', '-1e309%', '1e999 +/- 2', null, true).map(lit),
);

const metricsObject = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('accuracy', 'stderr', 'mean', 'bootstrap_stderr', '__proto__'),
        hostileString,
      ),
      or(
        metricValue.map((v) =>
          obj([
            ['name', lit('m')],
            ['value', v],
          ]),
        ),
      ),
    ),
    { maxLength: 4 },
  )
  .map(obj);

const inspectHeader: fc.Arbitrary<J> = fc
  .record({
    version: or(fc.constantFrom(1, 2, 3).map(lit), 6),
    eval: or(
      fc
        .record({
          task: or(
            fc
              .oneof(fc.constantFrom('popularity', 'inspect_evals/wmdp_bio'), hostileString)
              .map(lit),
          ),
          model: or(fc.oneof(fc.constant('openai/gpt-4'), hostileString).map(lit)),
          created: or(
            fc
              .constantFrom(
                '2024-05-05T07:59:35',
                '2025-02-11T15:17:00-05:00',
                '2025-13-45T99:99',
                'yesterday',
              )
              .map(lit),
          ),
        })
        .map(({ task, model, created }) =>
          obj([
            ['task', task],
            ['model', model],
            ['created', created],
          ]),
        ),
      6,
    ),
    status: or(fc.constantFrom('success', 'error', 'cancelled', 'started', 'done').map(lit)),
    results: or(
      fc
        .record({
          shape: fc.constantFrom('scores', 'scorers', 'metrics'),
          total: or(fc.nat(100).map(lit)),
          completed: or(fc.nat(100).map(lit)),
          groups: fc.array(metricsObject, { minLength: 1, maxLength: 3 }),
        })
        .map(({ shape, total, completed, groups }) =>
          obj([
            ['total_samples', total],
            ['completed_samples', completed],
            shape === 'metrics'
              ? ['metrics', groups[0]!]
              : [
                  shape,
                  {
                    t: 'arr',
                    items: groups.map((m) =>
                      obj([
                        ['name', lit('s')],
                        ['metrics', m],
                      ]),
                    ),
                  },
                ],
          ]),
        ),
      6,
    ),
    extra: fc.array(fc.tuple(jKey, anyValue), { maxLength: 2 }),
    samples: fc.option(anyValue, { nil: undefined }),
  })
  .map(({ version, eval: e, status, results, extra, samples }) =>
    obj([
      ['version', version],
      ['status', status],
      ['eval', e],
      ['results', results],
      ...extra,
      ...(samples === undefined ? [] : ([['samples', samples]] as [string, J][])),
    ]),
  );

const lmEvalResults: fc.Arbitrary<J> = fc
  .record({
    tasks: fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom('gsm8k', 'arc_challenge', 'wmdp_bio', '__proto__'), hostileString),
        or(
          fc
            .array(
              fc.tuple(
                fc.constantFrom(
                  'acc,none',
                  'acc_stderr,none',
                  'exact_match,strict-match',
                  'acc',
                  'acc_stderr',
                  'alias',
                  '',
                ),
                metricValue,
              ),
              { maxLength: 4 },
            )
            .map(obj),
        ),
      ),
      { maxLength: 3 },
    ),
    nSamples: or(
      anyValue.map((v) =>
        obj([
          [
            'gsm8k',
            obj([
              ['original', lit(10)],
              ['effective', v],
            ]),
          ],
        ]),
      ),
    ),
    config: or(
      fc
        .record({
          args: or(fc.constantFrom('pretrained=x/y,dtype=auto', 'model=,path=', '=').map(lit)),
          limit: or(fc.constantFrom(null, 0, 10, 0.5).map(lit)),
        })
        .map(({ args, limit }) =>
          obj([
            ['model_args', args],
            ['limit', limit],
          ]),
        ),
    ),
    date: or(fc.oneof(fc.double(), fc.integer()).map(lit)),
    samples: fc.option(anyValue, { nil: undefined }),
    first: fc.boolean(),
  })
  .map(({ tasks, nSamples, config, date, samples, first }) => {
    const rest: [string, J][] = [
      ['n-samples', nSamples],
      ['config', config],
      ['date', date],
    ];
    const results: [string, J] = ['results', obj(tasks)];
    const s: [string, J][] = samples === undefined ? [] : [['samples', samples]];
    return obj(first ? [results, ...s, ...rest] : [...s, results, ...rest]);
  });

/** A model card whose front matter holds a generated model-index (JSON is YAML flow syntax). */
const modelCard = fc
  .record({
    index: or(
      fc
        .array(
          fc
            .record({ name: anyValue, results: anyValue, value: metricValue })
            .map(({ name, results, value }) =>
              obj([
                ['name', name],
                [
                  'results',
                  {
                    t: 'arr',
                    items: [
                      obj([
                        ['dataset', obj([['type', lit('wmdp')]])],
                        [
                          'metrics',
                          {
                            t: 'arr',
                            items: [
                              obj([
                                ['type', lit('acc')],
                                ['value', value],
                              ]),
                            ],
                          },
                        ],
                      ]),
                      results,
                    ],
                  },
                ],
              ]),
            ),
          { maxLength: 3 },
        )
        .map((items): J => ({ t: 'arr', items })),
    ),
    extra: fc.constantFrom(
      '',
      '__proto__: {polluted: true}\n',
      '<<: {polluted: true}\n',
      'a: &x [1]\nb: *x\n',
      'rsp: {model: x}\n',
    ),
    crlf: fc.boolean(),
  })
  .map(({ index, extra, crlf }) => {
    const text = concat(
      encode(`---\n${extra}model-index: `),
      toBytes(index),
      encode('\n---\n# Card\n'),
    );
    return crlf ? fromLatin1(latin1(text).replace(/\n/g, '\r\n')) : text;
  });

const nativeEvidence = fc
  .record({
    model: or(fc.constant(lit('acme/m'))),
    results: anyValue,
    value: metricValue,
    date: or(
      fc
        .constantFrom('2026-10-01', '2026-02-30', '2026-10-01T12:00:00+14:00', '0000-01-01')
        .map(lit),
    ),
  })
  .map(({ model, results, value, date }) =>
    toBytes(
      obj([
        ['model', model],
        [
          'results',
          {
            t: 'arr',
            items: [
              obj([
                ['benchmark', lit('b')],
                ['metric', lit('m')],
                ['value', value],
                ['date', date],
                ['source', lit('s')],
              ]),
              results,
            ],
          },
        ],
      ]),
    ),
  );

interface Generated {
  path: string;
  bytes: Uint8Array;
}

const generatedRaw: fc.Arbitrary<Generated> = fc.oneof(
  inspectHeader.map((j) => ({
    path: 'logs/2025-01-01T00-00-00+00-00_task_x.json',
    bytes: toBytes(j),
  })),
  lmEvalResults.map((j) => ({
    path: 'results/m/results_2025-01-01T00-00-00.123.json',
    bytes: toBytes(j),
  })),
  fc
    .record({
      header: inspectHeader,
      method: fc.constantFrom(0, 8),
      journal: fc.boolean(),
      drop: fc.boolean(),
    })
    .map(({ header, method, journal, drop }) => ({
      path: 'logs/x.eval',
      bytes: buildZip([
        ...(journal ? [{ name: '_journal/start.json', data: '{}', method }] : []),
        ...(drop ? [] : [{ name: 'header.json', data: toBytes(header), method }]),
      ]),
    })),
  modelCard.map((bytes) => ({ path: 'models/m/README.md', bytes })),
  nativeEvidence.map((bytes) => ({ path: 'evals/m/uplift.evidence.yml', bytes })),
);

const generated = generatedRaw.map((g) =>
  printable(g, ({ path, bytes }) => `${path} ${showBytes(bytes)}`),
);

describe('generated inputs in the readers’ own shapes: records or a located InputError', () => {
  test(
    'through findReader, and by every reader directly',
    async () => {
      await check(
        fc.asyncProperty(generated, chunkSize, async ({ path, bytes }, size) => {
          const result = await readThroughRegistry(path, bytes, size);
          if (result) assertValidOutcome(result.outcome, path, result.format);
          for (const reader of readers) {
            const own = pathFor(reader.format, { path, bytes });
            assertValidOutcome(await readWith(reader, own, bytes, size), own, reader.format);
          }
          assertNoPollution();
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

/* ------------------------------------------------------------------------------------------ */
/* (b') No silent wrong pass: well-formed files with hostile values read as what they say       */
/* ------------------------------------------------------------------------------------------ */

/** A metric value as the file says it, and what a reader must make of it. */
const valueCase = fc.oneof(
  fc.double().map((v) => ({
    text: Number.isNaN(v)
      ? 'NaN'
      : !Number.isFinite(v)
        ? v > 0
          ? 'Infinity'
          : '-Infinity'
        : JSON.stringify(v),
    expected: Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null,
  })),
  fc.constantFrom(
    { text: '1e400', expected: null },
    { text: '-1e309', expected: null },
    { text: 'NaN', expected: null },
    { text: '"0.9"', expected: null },
    { text: 'null', expected: null },
    { text: 'true', expected: null },
    { text: '[0.9]', expected: null },
    { text: '{"value": 0.9}', expected: null },
    { text: '1e-400', expected: 0 },
    { text: '0.9', expected: 0.9 },
  ),
);

describe('well-formed files with hostile values: the value read is the value written, or none', () => {
  test(
    'Inspect JSON logs: values, and success only when the log says success',
    async () => {
      await check(
        fc.asyncProperty(
          fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z][a-z_]{0,8}$/), valueCase), {
            minLength: 1,
            maxLength: 5,
            selector: ([k]) => k,
          }),
          fc.constantFrom('success', 'error', 'cancelled', 'started', 'Success', ''),
          fc.option(fc.boolean(), { nil: undefined }),
          fc.tuple(fc.nat(5), fc.nat(5)),
          chunkSize,
          async (metrics, status, invalidated, [completed, total], size) => {
            const names = metrics.map(([k]) => k);
            const text = `{"version": 2, "status": ${JSON.stringify(status)},${invalidated === undefined ? '' : ` "invalidated": ${invalidated},`}
  "eval": {"task": "t", "model": "m", "created": "2025-01-01T00:00:00Z"},
  "results": {"total_samples": ${total}, "completed_samples": ${completed}, "scores": [{"name": "s", "metrics": {${metrics
    .map(([k, v]) => `${JSON.stringify(k)}: {"name": ${JSON.stringify(k)}, "value": ${v.text}}`)
    .join(', ')}}}]},
  "samples": [{"id": 1, "score": "\u00ff"}]}`;
            const path = 'logs/x.json';
            const outcome = await readWith(
              readers.find((r) => r.format === 'inspect-json')!,
              path,
              encode(text),
              size,
            );
            assertValidOutcome(outcome, path, 'inspect-json');
            if (!('records' in outcome))
              throw new Error(`a well-formed log was refused: ${String(outcome.error)}`);
            const helpers = new Set(['stderr', 'bootstrap_stderr', 'bootstrap_std']);
            expect(outcome.records.map((r) => r.metric).sort()).toStrictEqual(
              names.filter((n) => !helpers.has(n)).sort(),
            );
            for (const r of outcome.records) {
              const expected = metrics.find(([k]) => k === r.metric)![1].expected;
              expect(r.value, r.metric ?? undefined).toBe(expected);
              if (expected === null) expect(r.warnings.length).toBeGreaterThan(0);
              const success = status === 'success' && invalidated !== true && completed >= total;
              if (r.status === 'success') expect(success).toBe(true);
            }
          },
        ),
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'lm-eval results: values, and partial whenever fewer samples ran than intended',
    async () => {
      await check(
        fc.asyncProperty(
          fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z][a-z_]{0,8}$/), valueCase), {
            minLength: 1,
            maxLength: 5,
            selector: ([k]) => k,
          }),
          fc.tuple(fc.nat(5), fc.nat(5)),
          fc.constantFrom('null', '0', '10', '0.5'),
          fc.boolean(),
          chunkSize,
          async (metrics, [effective, original], limit, withCounts, size) => {
            const entry = metrics
              .map(([k, v]) => `${JSON.stringify(`${k},none`)}: ${v.text}`)
              .join(', ');
            const counts = withCounts
              ? `"n-samples": {"t": {"original": ${original}, "effective": ${effective}}},`
              : '';
            const text = `{"results": {"t": {"alias": "t", ${entry}}}, ${counts} "samples": {"t": ["\u00e9"]}, "config": {"model": "hf", "model_args": "pretrained=acme/m", "limit": ${limit}}, "date": 1700000000.5}`;
            const path = 'results/results_2025-01-01T00-00-00.json';
            const outcome = await readWith(
              readers.find((r) => r.format === 'lm-eval')!,
              path,
              encode(text),
              size,
            );
            assertValidOutcome(outcome, path, 'lm-eval');
            if (!('records' in outcome))
              throw new Error(`a well-formed file was refused: ${String(outcome.error)}`);
            const names = metrics.map(([k]) => k).filter((k) => !k.endsWith('_stderr'));
            expect(outcome.records.map((r) => r.metric).sort()).toStrictEqual(names.sort());
            for (const r of outcome.records) {
              const expected = metrics.find(([k]) => k === r.metric)![1].expected;
              expect(r.value, r.metric ?? undefined).toBe(expected);
              expect(r.model).toBe('acme/m');
              if (withCounts && effective < original) expect(r.status).toBe('partial');
              if (!withCounts && limit !== 'null' && limit !== '0')
                expect(r.status).toBe('partial');
            }
          },
        ),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

/* ------------------------------------------------------------------------------------------ */
/* (c) Determinism: chunk boundaries never change the answer                                    */
/* ------------------------------------------------------------------------------------------ */

const STREAMED = readers.filter((r) => r.format !== 'inspect-eval');

describe('the answer does not depend on chunk boundaries', () => {
  test(
    'mutated fixtures, every streaming reader, two random chunk sizes and one whole read',
    async () => {
      const streamedSeeds = SEEDS.filter((s) => seedFormat(s) !== 'inspect-eval');
      await check(
        fc.asyncProperty(
          fc.nat({ max: streamedSeeds.length - 1 }),
          mutations,
          chunkSize,
          chunkSize,
          async (i, ms, a, b) => {
            const seed = streamedSeeds[i]!;
            const bytes = mutate(seed.bytes, ms);
            const reader = STREAMED.find((r) => r.format === seedFormat(seed))!;
            const path = pathFor(reader.format, seed);
            const stall = wouldStall(bytes, reader.format);
            if (stall) throw new Error(stall);
            const whole = await readWith(reader, path, bytes, CHUNK_SIZE);
            const first = await readWith(reader, path, bytes, boundedChunk(a, bytes));
            const second = await readWith(reader, path, bytes, boundedChunk(b, bytes));
            for (const o of [whole, first, second]) assertValidOutcome(o, path, reader.format);
            assertSameOutcome(whole, first, `chunks of ${boundedChunk(a, bytes)} vs whole`);
            assertSameOutcome(whole, second, `chunks of ${boundedChunk(b, bytes)} vs whole`);
          },
        ),
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'generated Inspect and lm-eval files with unicode and invalid bytes',
    async () => {
      await check(
        fc.asyncProperty(
          fc.oneof(
            inspectHeader.map((j) =>
              printable({ format: 'inspect-json', bytes: toBytes(j) }, (g) => showBytes(g.bytes)),
            ),
            lmEvalResults.map((j) =>
              printable({ format: 'lm-eval', bytes: toBytes(j) }, (g) => showBytes(g.bytes)),
            ),
          ),
          fc.integer({ min: 1, max: 64 }),
          async ({ format, bytes }, size) => {
            const reader = readers.find((r) => r.format === format)!;
            const path = 'logs/results_2025-01-01T00-00-00.json';
            const whole = await readWith(reader, path, bytes, CHUNK_SIZE);
            const chunked = await readWith(reader, path, bytes, size);
            assertValidOutcome(whole, path, format);
            assertValidOutcome(chunked, path, format);
            assertSameOutcome(whole, chunked, `${format} in chunks of ${size} vs whole`);
          },
        ),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

/* ------------------------------------------------------------------------------------------ */
/* Targeted properties: each shrinks to a minimal counterexample                                */
/* ------------------------------------------------------------------------------------------ */

/** Pieces of UTF-8 text: ASCII, valid multi-byte characters, and invalid sequences. */
const utf8Piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('a', 'é', '€', '😀').map(encode) },
  { weight: 1, arbitrary: fc.constantFrom(...BYTE_PAYLOADS.slice(1, 10)) },
);
const utf8Text = fc
  .array(utf8Piece, { maxLength: 6 })
  .map((parts) => printable({ bytes: concat(...parts) }, (b) => showBytes(b.bytes)));

describe('targeted: chunk boundaries inside multi-byte characters', () => {
  test(
    'an Inspect log with multi-byte text in its header and any bytes in `samples` reads the same in every chunk size 1..128',
    async () => {
      const reader = readers.find((r) => r.format === 'inspect-json')!;
      await check(
        fc.asyncProperty(utf8Text, utf8Text, async (note, samples) => {
          const bytes = concat(
            encode(
              '{"version":2,"eval":{"task":"t"},"results":{"metrics":{"m":{"value":0.5}},"note":"',
            ),
            note.bytes,
            encode('"},"samples":"'),
            samples.bytes,
            encode('"}'),
          );
          const path = 'logs/x.json';
          const whole = await readWith(reader, path, bytes, CHUNK_SIZE);
          assertValidOutcome(whole, path, 'inspect-json');
          for (let size = 1; size <= 128; size++) {
            const chunked = await readWith(reader, path, bytes, size);
            assertValidOutcome(chunked, path, 'inspect-json');
            assertSameOutcome(whole, chunked, `chunks of ${size} vs whole`);
          }
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

/** Model-card metric values as written in YAML, and what the reader must read from them. */
interface CardValue {
  yaml: string;
  value: number | null;
  scale?: string;
}
const CARD_VALUES: CardValue[] = [
  { yaml: '0.5', value: 0.5 },
  { yaml: '"0.5"', value: 0.5 },
  { yaml: '" 7 "', value: 7 },
  { yaml: '"25.59%"', value: 25.59, scale: 'percent' },
  { yaml: '"279.55 +/- 11.76"', value: 279.55 },
  { yaml: '.nan', value: null },
  { yaml: '-.inf', value: null },
  { yaml: '"abc"', value: null },
  { yaml: '"0x10"', value: null },
  { yaml: '[0.5]', value: null },
  { yaml: '~', value: null },
  { yaml: '"1e400"', value: null },
  { yaml: '"-1e309"', value: null },
  { yaml: '"1e999%"', value: null },
  { yaml: '"1e400 +/- 2"', value: null },
];

describe('targeted: no silent wrong value from a model card', () => {
  test(
    'a model-index value is read as the finite number it spells, or as no value',
    async () => {
      const reader = readers.find((r) => r.format === 'hf-model-index')!;
      const quotedDouble = fc
        .double({ noNaN: true, noDefaultInfinity: true })
        .map((v): CardValue => ({ yaml: `"${String(v)}"`, value: v }));
      await check(
        fc.asyncProperty(fc.oneof(fc.constantFrom(...CARD_VALUES), quotedDouble), async (c) => {
          const text = `---\nmodel-index:\n- name: acme/m\n  results:\n  - dataset: {type: wmdp}\n    metrics:\n    - {type: acc, value: ${c.yaml}}\n---\n`;
          const path = 'models/m/README.md';
          const outcome = await readWith(reader, path, encode(text), CHUNK_SIZE);
          assertValidOutcome(outcome, path, 'hf-model-index');
          if (!('records' in outcome)) throw new Error(`refused: ${String(outcome.error)}`);
          expect(outcome.records).toHaveLength(1);
          expect(outcome.records[0]!.value).toBe(c.value);
          if (c.scale) expect(outcome.records[0]!.scale).toBe(c.scale);
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

/** `a0: &a0 x`, then each level an anchored list of `fanout` aliases to the level below. */
function aliasLadder(fanout: number, levels: number, top: 'results' | 'extra'): string {
  let text = 'model: acme/m\na0: &a0 x\n';
  for (let i = 1; i <= levels; i++) {
    text += `a${i}: &a${i} [${Array(fanout)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  }
  return top === 'results' ? text.replace(`a${levels}: `, 'results: ') : text;
}

/** Anchored collections that contain themselves. */
const CYCLES = [
  'model: m\nresults: &r [*r]\n',
  'model: m\nresults:\n- &r {benchmark: *r}\n',
  'a: &a {b: *a}\n',
];

describe('targeted: bounded work for YAML under the alias cap', () => {
  test(
    'a document within the alias cap stands for a tree small enough to walk (no billion laughs)',
    async () => {
      const reader = readers.find((r) => r.format === 'native')!;
      const ladder = fc.tuple(
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom('results' as const, 'extra' as const),
      );
      await check(
        fc.asyncProperty(ladder, async ([fanout, wanted, top]) => {
          const levels = Math.min(wanted, Math.floor(MAX_YAML_ALIASES / fanout)); // within the cap
          const text = aliasLadder(fanout, levels, top);
          const path = 'evals/m/ladder.evidence.yml';
          let value: unknown;
          try {
            value = parseYaml(text, path).value;
          } catch (error) {
            if (error instanceof InputError) return; // refused: fine
            throw error;
          }
          const size = expandedSize(value, HANG_NODES);
          if (size > HANG_NODES) {
            throw new Error(
              `${text.length} bytes with ${fanout * levels} aliases (cap ${MAX_YAML_ALIASES}) were accepted and stand for ${fanout}^${levels} values, more than ${HANG_NODES}: every recursive walk of the document (validation) stalls`,
            );
          }
          const outcome = await readWith(reader, path, encode(text), CHUNK_SIZE);
          assertValidOutcome(outcome, path, 'native');
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a self-referencing anchor is a located InputError, not a stack overflow',
    async () => {
      const reader = readers.find((r) => r.format === 'native')!;
      await check(
        fc.asyncProperty(fc.constantFrom(...CYCLES), async (text) => {
          const path = 'evals/m/cycle.evidence.yml';
          assertValidOutcome(
            await readWith(reader, path, encode(text), CHUNK_SIZE),
            path,
            'native',
          );
        }),
        CYCLES.length * 2,
      );
    },
    TEST_TIMEOUT_MS,
  );
});
