/**
 * Generators for hostile inputs: YAML bombs, binary look-alikes, zip structures built byte by
 * byte, temporary repositories, and virtual files of any size whose bytes are produced on demand
 * (never materialised) and whose consumption is counted.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import type { FileSource } from '../../src/core/evidence.js';
import { InputError } from '../../src/core/errors.js';
import { crc32 } from '../../src/formats/zip.js';
import { CHUNK_SIZE, fileSourceFromBytes } from '../../src/readers/file-source.js';
import type { RepositoryTree, TreeEntry } from '../../src/repository/tree.js';

export { buildZip } from '../readers/zip-builder.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

export function concatBytes(...parts: (Uint8Array | string)[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? utf8(p) : p));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

export function memorySource(path: string, data: Uint8Array | string, chunkSize = CHUNK_SIZE) {
  return fileSourceFromBytes(path, typeof data === 'string' ? utf8(data) : data, chunkSize);
}

/* ------------------------------------------------------------------ errors */

function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 300) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The InputError a promise rejects with. Anything else (an untyped error, success) fails the test. */
export async function rejection(work: Promise<unknown> | (() => unknown)): Promise<InputError> {
  let value: unknown;
  try {
    value = await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error; // shown as is: an untyped error is the finding
  }
  throw new Error(`expected an InputError, got a result: ${describeValue(value)}`);
}

/** The InputError a synchronous call throws. */
export function thrown(work: () => unknown): InputError {
  let value: unknown;
  try {
    value = work();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`expected an InputError, got a result: ${describeValue(value)}`);
}

export interface Expected {
  code: string;
  file: string;
  /** A number to check it, null when the input has no lines (binary), undefined to skip. */
  line?: number | null;
  column?: number;
  key?: string;
  message?: RegExp | string;
}

/** A clear, located error: the code, the file, the line where there is one, and a hint. */
export function expectLocated(error: InputError, expected: Expected): void {
  expect(error).toBeInstanceOf(InputError);
  expect(error.code).toBe(expected.code);
  expect(error.location.file).toBe(expected.file);
  if (expected.line === null) expect(error.location.line).toBeUndefined();
  else if (expected.line !== undefined) expect(error.location.line).toBe(expected.line);
  if (expected.column !== undefined) expect(error.location.column).toBe(expected.column);
  if (expected.key !== undefined) expect(error.location.key).toBe(expected.key);
  if (typeof expected.message === 'string') expect(error.message).toBe(expected.message);
  else if (expected.message) expect(error.message).toMatch(expected.message);
  expect(error.hint, `hint of ${error.code}: ${error.message}`).toBeTruthy();
}

/* --------------------------------------------------------------- prototypes */

const BUILTINS = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const PRISTINE = BUILTINS.map((proto) => Object.getOwnPropertyNames(proto).sort());

/** Nothing was added to the built-in prototypes, and plain objects carry nothing inherited. */
export function expectPrototypesClean(): void {
  BUILTINS.forEach((proto, i) => {
    expect(Object.getOwnPropertyNames(proto).sort()).toEqual(PRISTINE[i]);
  });
  const plain = {} as Record<string, unknown>;
  for (const key of ['polluted', 'model', 'rsp', 'value', 'isAdmin'])
    expect(plain[key]).toBeUndefined();
  // Built-ins still work.
  expect(Object.prototype.toString.call([])).toBe('[object Array]');
  expect(typeof Object.prototype.hasOwnProperty).toBe('function');
}

/* --------------------------------------------------------------------- YAML */

/**
 * Billion laughs: `levels` anchors, each a list of `width` aliases of the previous one.
 * Returns the YAML lines (top-level keys `<prefix>0…`) and the alias of the last level.
 * width 10 × 12 levels uses 120 aliases (the classic bomb); width 2 × 49 levels uses 98 aliases,
 * under the alias cap of 100, and still expands to 2^49 leaves.
 */
export function laughs(
  levels: number,
  width: number,
  prefix = 'l',
): { lines: string[]; top: string } {
  const lines = [`${prefix}0: &${prefix}0 lol`];
  for (let k = 1; k <= levels; k++) {
    const items = Array(width)
      .fill(`*${prefix}${k - 1}`)
      .join(', ');
    lines.push(`${prefix}${k}: &${prefix}${k} [${items}]`);
  }
  return { lines, top: `*${prefix}${levels}` };
}

/* ------------------------------------------------------------------ binary */

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(concatBytes(head.subarray(4), data)), 0);
  return concatBytes(head, data, crc);
}

/** A real 2×2 RGBA PNG image. */
export function pngImage(): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  const row = [0, 255, 0, 0, 255, 0, 0, 255, 255];
  const pixels = Uint8Array.from([...row, ...row]);
  return concatBytes(
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', new Uint8Array(0)),
  );
}

/** UTF-16LE with a byte order mark, as Windows editors save "Unicode" text. */
export function utf16leWithBom(text: string): Uint8Array {
  return concatBytes(Uint8Array.from([0xff, 0xfe]), new Uint8Array(Buffer.from(text, 'utf16le')));
}

/** UTF-16BE with a byte order mark. */
export function utf16beWithBom(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return concatBytes(Uint8Array.from([0xfe, 0xff]), be);
}

/* ------------------------------------------------------------- deflate bomb */

/**
 * A raw deflate stream that inflates to `totalBytes` zeros, built without materialising them:
 * one 1 MiB block of zeros is compressed once with a full flush (self-contained, byte-aligned,
 * no back references into earlier data) and repeated, then a final empty stored block ends it.
 */
export function deflateBomb(totalBytes: number, blockBytes = MiB): Uint8Array {
  if (totalBytes % blockBytes !== 0) throw new Error('deflateBomb: whole blocks only');
  const block = deflateRawSync(new Uint8Array(blockBytes), {
    level: 9,
    finishFlush: constants.Z_FULL_FLUSH,
  });
  const count = totalBytes / blockBytes;
  const out = new Uint8Array(block.length * count + 5);
  for (let i = 0; i < count; i++) out.set(block, i * block.length);
  out.set([0x01, 0x00, 0x00, 0xff, 0xff], block.length * count); // BFINAL stored block, LEN 0
  return out;
}

/* --------------------------------------------------------------- zip parts */

export interface ZipMemberSpec {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  flags?: number;
}

export function localHeader(spec: ZipMemberSpec): Uint8Array {
  const name = Buffer.from(spec.name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(spec.flags ?? 0x0800, 6);
  h.writeUInt16LE(spec.method, 8);
  h.writeUInt16LE(0x21, 12);
  h.writeUInt32LE(spec.crc >>> 0, 14);
  h.writeUInt32LE(spec.compressedSize, 18);
  h.writeUInt32LE(spec.uncompressedSize, 22);
  h.writeUInt16LE(name.length, 26);
  return concatBytes(h, name);
}

export function centralHeader(spec: ZipMemberSpec, offset: number, comment = 0): Uint8Array {
  const name = Buffer.from(spec.name, 'utf8');
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(spec.flags ?? 0x0800, 8);
  h.writeUInt16LE(spec.method, 10);
  h.writeUInt16LE(0x21, 14);
  h.writeUInt32LE(spec.crc >>> 0, 16);
  h.writeUInt32LE(spec.compressedSize, 20);
  h.writeUInt32LE(spec.uncompressedSize, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt16LE(comment, 32);
  h.writeUInt32LE(offset, 42);
  return concatBytes(h, name, new Uint8Array(comment).fill(0x2e));
}

export function endOfDirectory(
  count: number,
  directorySize: number,
  directoryOffset: number,
  comment: Uint8Array = new Uint8Array(0),
): Uint8Array {
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(count & 0xffff, 8);
  e.writeUInt16LE(count & 0xffff, 10);
  e.writeUInt32LE(directorySize, 12);
  e.writeUInt32LE(directoryOffset, 16);
  e.writeUInt16LE(comment.length, 20);
  return concatBytes(e, comment);
}

/** Offset of the end-of-central-directory record (the last one in the file). */
export function eocdOffset(zip: Uint8Array): number {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = zip.length - 22; i >= 0; i--) if (dv.getUint32(i, true) === 0x06054b50) return i;
  throw new Error('no EOCD');
}

/** Offset of the central-directory entry for `name`. */
export function centralEntryOffset(zip: Uint8Array, name: string, nth = 0): number {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const wanted = Buffer.from(name, 'utf8');
  let seen = 0;
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (dv.getUint32(i, true) !== 0x02014b50) continue;
    const length = dv.getUint16(i + 28, true);
    if (Buffer.from(zip.subarray(i + 46, i + 46 + length)).equals(wanted) && seen++ === nth)
      return i;
  }
  throw new Error(`no central entry ${name}`);
}

/** A copy of `zip` with little-endian fields patched: [offset, byteLength (2|4|8), value]. */
export function patched(zip: Uint8Array, ...fields: [number, 2 | 4 | 8, number | bigint][]) {
  const copy = zip.slice();
  const dv = new DataView(copy.buffer);
  for (const [at, width, value] of fields) {
    if (width === 2) dv.setUint16(at, Number(value), true);
    else if (width === 4) dv.setUint32(at, Number(value), true);
    else dv.setBigUint64(at, BigInt(value), true);
  }
  return copy;
}

/* ------------------------------------------------------------ virtual files */

export interface VirtualPart {
  bytes: Uint8Array;
  /** How many times `bytes` repeats (default 1). */
  repeat?: number;
}

export interface VirtualStats {
  chunksPulled: number;
  bytesPulled: number;
  readCalls: number;
  bytesRead: number;
  closed: boolean;
}

export interface VirtualFile extends FileSource {
  readonly stats: VirtualStats;
}

/**
 * A file of `parts` (each repeated), produced on demand: `chunks()` yields fixed-size slices of
 * the virtual byte stream and `read` serves any range. Counts what is consumed; throws once more
 * than `maxPull` bytes are pulled, so a reader that does not stop fails the test instead of
 * running out of memory.
 */
export function virtualFile(
  path: string,
  parts: VirtualPart[],
  options: { chunkSize?: number; maxPull?: number } = {},
): VirtualFile {
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
  const maxPull = options.maxPull ?? Infinity;
  const spans = parts.map((p) => ({ bytes: p.bytes, length: p.bytes.length * (p.repeat ?? 1) }));
  const starts: number[] = [];
  let size = 0;
  for (const span of spans) {
    starts.push(size);
    size += span.length;
  }
  const stats: VirtualStats = {
    chunksPulled: 0,
    bytesPulled: 0,
    readCalls: 0,
    bytesRead: 0,
    closed: false,
  };
  const fill = (target: Uint8Array, offset: number): void => {
    let filled = 0;
    let part = 0;
    while (part < spans.length - 1 && starts[part + 1]! <= offset) part++;
    while (filled < target.length && part < spans.length) {
      const span = spans[part]!;
      const within = offset + filled - starts[part]!;
      if (within >= span.length) {
        part++;
        continue;
      }
      const unit = span.bytes;
      const at = within % unit.length;
      const take = Math.min(unit.length - at, span.length - within, target.length - filled);
      target.set(unit.subarray(at, at + take), filled);
      filled += take;
    }
  };
  return {
    path,
    size,
    stats,
    async read(offset: number, length: number): Promise<Uint8Array> {
      const start = Math.max(0, Math.min(offset, size));
      const out = new Uint8Array(Math.max(0, Math.min(length, size - start)));
      stats.readCalls++;
      stats.bytesRead += out.length;
      fill(out, start);
      return out;
    },
    async *chunks(): AsyncGenerator<Uint8Array> {
      try {
        for (let position = 0; position < size; position += chunkSize) {
          const chunk = new Uint8Array(Math.min(chunkSize, size - position));
          fill(chunk, position);
          stats.chunksPulled++;
          stats.bytesPulled += chunk.length;
          if (stats.bytesPulled > maxPull)
            throw new Error(`the reader pulled more than ${maxPull} bytes of ${path}`);
          yield chunk;
        }
      } finally {
        stats.closed = true;
      }
    },
  };
}

/* --------------------------------------------------------- Inspect logs */

export const INSPECT_LOG_JSON = readFileSync(join(FIXTURES, 'inspect/log_formats.json'), 'utf8');

/** The fixture log's top-level fields, parsed. */
export function inspectLog(): Record<string, unknown> {
  return JSON.parse(INSPECT_LOG_JSON) as Record<string, unknown>;
}

/** One sample object of the fixture log, as compact JSON (about 8 KB). */
export function inspectSampleText(): string {
  return JSON.stringify((inspectLog().samples as unknown[])[0]);
}

function field(key: string, value: unknown): string {
  return `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;
}

export interface HugeLogOptions {
  /** Total size to approach (default 2 GiB). */
  totalBytes?: number;
  /** Put `samples` before `results` and `stats` (hostile order); default: Inspect's order. */
  samplesFirst?: boolean;
  /** Replace fields of the header (e.g. a different `results` or `eval`). */
  header?: Record<string, unknown>;
  chunkSize?: number;
  maxPull?: number;
}

/**
 * An Inspect JSON log of about `totalBytes`: the fixture's real header and a `samples` array of
 * the fixture's sample repeated. Produced on demand, never held in memory.
 */
export function hugeInspectLog(path: string, options: HugeLogOptions = {}): VirtualFile {
  const log = { ...inspectLog(), ...options.header };
  delete log.samples;
  const keys = Object.keys(log);
  const before = options.samplesFirst
    ? keys.filter((k) => ['version', 'status', 'eval', 'plan'].includes(k))
    : keys;
  const after = keys.filter((k) => !before.includes(k));
  const sample = inspectSampleText();
  const prefix = utf8(`{\n${before.map((k) => field(k, log[k])).join(',\n')},\n  "samples": [\n`);
  const unit = utf8(`    ${sample},\n`);
  const tail = after.map((k) => `,\n${field(k, log[k])}`).join('');
  const suffix = utf8(`    ${sample}\n  ]${tail}\n}\n`);
  const total = options.totalBytes ?? 2 * GiB;
  const repeat = Math.max(0, Math.floor((total - prefix.length - suffix.length) / unit.length));
  return virtualFile(path, [{ bytes: prefix }, { bytes: unit, repeat }, { bytes: suffix }], {
    chunkSize: options.chunkSize,
    maxPull: options.maxPull,
  });
}

/* ------------------------------------------------------ repositories */

const made: string[] = [];

/** A temporary repository holding `files`; removed by `removeRepos`. */
export function tempRepo(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'rsp-gate-hostile-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) writeIn(root, path, content);
  return root;
}

export function writeIn(root: string, path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** `root/path` becomes a symbolic link to `target` (absolute, or relative to the link). */
export function linkIn(root: string, path: string, target: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  symlinkSync(target, join(root, path));
}

/** A directory outside every repository, for link targets. */
export function outsideDir(files: Record<string, string>): string {
  return tempRepo(files);
}

export function removeRepos(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A repository held in memory whose files may be virtual (any size). */
export function memoryTree(
  files: Record<string, string | Uint8Array | FileSource>,
): RepositoryTree {
  const sources = new Map<string, () => FileSource>();
  for (const [path, content] of Object.entries(files)) {
    sources.set(path, () =>
      typeof content === 'string' || content instanceof Uint8Array
        ? memorySource(path, content)
        : content,
    );
  }
  const entries: TreeEntry[] = [...sources.keys()].sort().map((path) => ({
    path,
    kind: 'file',
    size: sources.get(path)!().size,
  }));
  return {
    label: 'memory',
    list: async (dir) => entries.filter((e) => dir === '' || e.path.startsWith(`${dir}/`)),
    stat: async (path) => entries.find((e) => e.path === path) ?? null,
    open: async (path) => {
      const source = sources.get(path);
      if (!source) throw new Error(`no file ${path}`);
      return source();
    },
  };
}

/** A model card with an `rsp` block (lines: 1 `---`, 2 `rsp:`, 3 `  model:`, 4… the rest). */
export function cardText(model: string, rest = '', extraFront = ''): string {
  return `---\nrsp:\n  model: ${model}\n${rest}${extraFront}---\n# ${model}\n`;
}

/** A native evidence file with one result per entry (each `{ benchmark, metric, value }`). */
export function evidenceText(
  model: string,
  results: { benchmark: string; metric: string; value: string | number; extra?: string }[],
): string {
  const lines = results.map(
    (r) =>
      `  - { benchmark: ${r.benchmark}, metric: ${r.metric}, value: ${r.value}, date: 2026-10-01, source: trial${r.extra ? `, ${r.extra}` : ''} }`,
  );
  return `model: ${model}\nresults:\n${lines.join('\n')}\n`;
}

/** 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`lineOf: ${JSON.stringify(needle)} not found`);
  return text.slice(0, index).split('\n').length;
}

/**
 * A zip with `count` empty stored members (`samples/<i>.json`) and then `header.json` holding
 * `header` (stored), with a 16-bit entry count that wraps as writers without ZIP64 write it.
 */
export function manyEntryZip(count: number, header: Uint8Array): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const add = (spec: ZipMemberSpec, data: Uint8Array) => {
    const local = concatBytes(localHeader(spec), data);
    locals.push(local);
    centrals.push(centralHeader(spec, offset));
    offset += local.length;
  };
  for (let i = 0; i < count; i++) {
    const spec = {
      name: `samples/${i}.json`,
      method: 0,
      crc: 0,
      compressedSize: 0,
      uncompressedSize: 0,
    };
    add(spec, new Uint8Array(0));
  }
  const size = header.length;
  add(
    {
      name: 'header.json',
      method: 0,
      crc: crc32(header),
      compressedSize: size,
      uncompressedSize: size,
    },
    header,
  );
  const directory = concatBytes(...centrals);
  return concatBytes(...locals, directory, endOfDirectory(count + 1, directory.length, offset));
}
