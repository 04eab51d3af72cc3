/**
 * A minimal zip reader over a random-access FileSource: finds the central directory from the end
 * of the file (ZIP64 included), and reads single members (stored, deflate, zstd) with size caps,
 * size-honesty checks and CRC-32 verification. Archives come from pull requests: nothing here
 * trusts a declared size, and nothing is extracted to disk.
 *
 * Node does the arithmetic: `zlib.crc32` (Node ≥ 20.15, hence `engines`) and
 * `zlib.inflateRawSync` with `maxOutputLength`; zstd frames go to `fzstd`. The container parsing
 * is our own because no maintained library meets these needs:
 * - header-only reads: an Inspect `.eval` can be a gigabyte; we read its tail, the central
 *   directory in one read, and the one member we want, through a `FileSource` that may be a
 *   GitHub blob. fflate (`unzipSync`, `unzip`) needs the whole archive in memory, and its
 *   streaming `Unzip` walks local headers from the front instead of the central directory;
 *   adm-zip and JSZip also load the whole archive.
 * - the hostile-input limits, checked before reading: a central directory larger than
 *   `maxDirectoryBytes` is refused from the size the end record declares. yauzl (random access
 *   through a `RandomAccessReader`) never reads that size and fetches the directory entry by
 *   entry (two reads each); @zip.js/zip.js reads whatever length is declared and, by design,
 *   repairs inconsistent offsets and lengths that we refuse. yauzl also ignores the local header
 *   beyond its signature (we check that it names the member) and verifies no CRC-32.
 * - zstd members (method 93, as Inspect writes them), bounded by the declared size before the
 *   decoder allocates: yauzl and fflate read only stored and deflate; zip.js only through a
 *   registered DecompressionStream, which is not told the declared size. (Node's own
 *   `zlib.zstdDecompressSync` needs Node ≥ 22.15; we support Node 20.)
 * - last-duplicate-wins over the central directory, with every entry checked: yauzl and zip.js
 *   list duplicates (zip.js flags them), which a caller could map, but only on top of the gaps
 *   above.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';
import { InputError } from '../core/errors.js';
import type { FileSource } from '../core/evidence.js';

export const METHOD_STORED = 0;
export const METHOD_DEFLATE = 8;
export const METHOD_ZSTD = 93;
export const DEFAULT_MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipArchive {
  readonly source: FileSource;
  /** One entry per name: when a name repeats in the central directory, the last entry wins. */
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** Where the central directory starts; member data must end before it. */
  readonly directoryOffset: number;
}

/** CRC-32 (IEEE 802.3, as zip uses it), Node's own; pass the previous result to continue. */
export { crc32 };

function corrupt(file: string, message: string, member?: string): InputError {
  return new InputError(
    'zip-corrupt',
    member ? `member ${member}: ${message}` : message,
    { file, key: member },
    'the archive is damaged or truncated; re-export the log with the tool that wrote it',
  );
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number, file: string): number {
  const value = dv.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw corrupt(file, 'a ZIP64 size or offset is out of range');
  return Number(value);
}

async function readExactly(
  source: FileSource,
  offset: number,
  length: number,
  what: string,
  member?: string,
): Promise<Uint8Array> {
  if (offset < 0 || offset + length > source.size) {
    throw corrupt(source.path, `${what} lies outside the file (${source.size} bytes)`, member);
  }
  const bytes = await source.read(offset, length);
  if (bytes.length !== length) throw corrupt(source.path, `${what} is truncated`, member);
  return bytes;
}

/** Read the central directory. */
export async function openZip(
  source: FileSource,
  maxDirectoryBytes = DEFAULT_MAX_DIRECTORY_BYTES,
): Promise<ZipArchive> {
  const file = source.path;
  if (source.size < EOCD_SIZE)
    throw corrupt(file, `the file is too small to be a zip archive (${source.size} bytes)`);
  const tailLength = Math.min(source.size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = await readExactly(source, tailStart, tailLength, 'the end of the archive');
  const tv = view(tail);
  let at = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (
      tv.getUint32(i, true) === SIG_EOCD &&
      i + EOCD_SIZE + tv.getUint16(i + 20, true) <= tail.length
    ) {
      at = i;
      break;
    }
  }
  if (at < 0) {
    throw corrupt(
      file,
      'no end-of-central-directory record: the file is not a zip archive, or it is truncated',
    );
  }
  const eocdOffset = tailStart + at;
  let disk = tv.getUint16(at + 4, true);
  let directoryDisk = tv.getUint16(at + 6, true);
  let count = tv.getUint16(at + 10, true);
  let directorySize = tv.getUint32(at + 12, true);
  let directoryOffset = tv.getUint32(at + 16, true);
  let directoryEnd = eocdOffset;

  if (eocdOffset >= 20) {
    const locator = view(await readExactly(source, eocdOffset - 20, 20, 'the ZIP64 locator'));
    if (locator.getUint32(0, true) === SIG_EOCD64_LOCATOR) {
      const recordOffset = u64(locator, 8, file);
      const record = view(
        await readExactly(source, recordOffset, 56, 'the ZIP64 end-of-central-directory record'),
      );
      if (record.getUint32(0, true) !== SIG_EOCD64)
        throw corrupt(file, 'the ZIP64 end-of-central-directory record is missing');
      disk = record.getUint32(16, true);
      directoryDisk = record.getUint32(20, true);
      count = u64(record, 32, file);
      directorySize = u64(record, 40, file);
      directoryOffset = u64(record, 48, file);
      directoryEnd = recordOffset;
    }
  }
  if (disk !== 0 || directoryDisk !== 0) {
    throw new InputError(
      'zip-unsupported',
      'multi-disk (split) zip archives are not supported',
      { file },
      'commit the log as a single file',
    );
  }
  if (directorySize > maxDirectoryBytes) {
    throw new InputError(
      'zip-too-large',
      `the central directory is ${directorySize} bytes (limit ${maxDirectoryBytes})`,
      { file },
      'the archive has too many members to be read safely',
    );
  }
  if (directoryOffset + directorySize > directoryEnd)
    throw corrupt(file, 'the central directory overlaps the end of the archive');

  const directory = await readExactly(
    source,
    directoryOffset,
    directorySize,
    'the central directory',
  );
  const dv = view(directory);
  const decoder = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  let pos = 0;
  let parsed = 0;
  while (pos < directory.length) {
    if (pos + 46 > directory.length || dv.getUint32(pos, true) !== SIG_CENTRAL) {
      throw corrupt(file, `central directory entry ${parsed + 1} is malformed`);
    }
    const nameLength = dv.getUint16(pos + 28, true);
    const extraLength = dv.getUint16(pos + 30, true);
    const commentLength = dv.getUint16(pos + 32, true);
    const next = pos + 46 + nameLength + extraLength + commentLength;
    if (next > directory.length)
      throw corrupt(file, `central directory entry ${parsed + 1} runs past the directory`);
    const name = decoder.decode(directory.subarray(pos + 46, pos + 46 + nameLength));
    let uncompressedSize = dv.getUint32(pos + 24, true);
    let compressedSize = dv.getUint32(pos + 20, true);
    let localHeaderOffset = dv.getUint32(pos + 42, true);
    if (
      uncompressedSize === 0xffffffff ||
      compressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      // ZIP64 extended information: only the fields saturated in the header, in this order.
      let e = pos + 46 + nameLength;
      const extraEnd = e + extraLength;
      let found = false;
      while (e + 4 <= extraEnd) {
        const id = dv.getUint16(e, true);
        const size = dv.getUint16(e + 2, true);
        if (id === 0x0001) {
          let f = e + 4;
          const take = (): number => {
            if (f + 8 > e + 4 + size || f + 8 > extraEnd)
              throw corrupt(file, 'ZIP64 extra field is too short', name);
            const value = u64(dv, f, file);
            f += 8;
            return value;
          };
          if (uncompressedSize === 0xffffffff) uncompressedSize = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
          found = true;
          break;
        }
        e += 4 + size;
      }
      if (!found)
        throw corrupt(file, 'sizes are saturated but there is no ZIP64 extra field', name);
    }
    entries.set(name, {
      name,
      flags: dv.getUint16(pos + 8, true),
      method: dv.getUint16(pos + 10, true),
      crc32: dv.getUint32(pos + 16, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    parsed++;
    pos = next;
  }
  // Writers without ZIP64 let the 16-bit count wrap past 65 535 entries.
  if (parsed !== count && parsed % 0x10000 !== count) {
    throw corrupt(
      file,
      `the central directory holds ${parsed} entries but the archive declares ${count}`,
    );
  }
  return { source, entries, directoryOffset };
}

function inflateZstd(data: Uint8Array, expected: number, file: string, member: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let pos = 0;
  const bad = (why: string): InputError => corrupt(file, `zstd data is corrupt (${why})`, member);
  while (pos < data.length) {
    if (pos + 8 > data.length) throw bad('truncated frame header');
    const dv = view(data.subarray(pos));
    const magic = dv.getUint32(0, true);
    if ((magic & 0xfffffff0) === 0x184d2a50) {
      pos += 8 + dv.getUint32(4, true); // skippable frame
      if (pos > data.length) throw bad('truncated skippable frame');
      continue;
    }
    if (magic !== 0xfd2fb528) throw bad('bad frame magic');
    const descriptor = data[pos + 4]!;
    const singleSegment = (descriptor >> 5) & 1;
    let p = pos + 5;
    let window = 0;
    if (!singleSegment) {
      const wd = data[p++]!;
      const base = 2 ** (10 + (wd >> 3));
      window = base + (base / 8) * (wd & 7);
    }
    p += [0, 1, 2, 4][descriptor & 3]!;
    const sizeBytes = [singleSegment, 2, 4, 8][descriptor >> 6]!;
    let contentSize = -1;
    if (sizeBytes > 0) {
      if (p + sizeBytes > data.length) throw bad('truncated frame header');
      contentSize = 0;
      for (let k = sizeBytes - 1; k >= 0; k--) contentSize = contentSize * 256 + data[p + k]!;
      if (sizeBytes === 2) contentSize += 256;
      p += sizeBytes;
    }
    // The decoder allocates the content size (or the window): bound both before calling it.
    if (
      contentSize > expected - total ||
      (contentSize <= 0 && window > Math.max(expected, 8 << 20))
    ) {
      throw corrupt(
        file,
        `a zstd frame declares more data than the member's declared ${expected} bytes`,
        member,
      );
    }
    for (let last = 0; !last;) {
      if (p + 3 > data.length) throw bad('truncated block');
      const header = data[p]! | (data[p + 1]! << 8) | (data[p + 2]! << 16);
      last = header & 1;
      const type = (header >> 1) & 3;
      if (type === 3) throw bad('reserved block type');
      p += 3 + (type === 1 ? 1 : header >>> 3);
    }
    if ((descriptor >> 2) & 1) p += 4;
    if (p > data.length) throw bad('truncated frame');
    let out: Uint8Array;
    try {
      out = zstdDecompress(data.subarray(pos, p));
    } catch (error) {
      throw bad(error instanceof Error ? error.message : String(error));
    }
    total += out.length;
    if (total > expected)
      throw corrupt(file, `decompresses to more than its declared ${expected} bytes`, member);
    parts.push(out);
    pos = p;
  }
  if (parts.length === 1) return parts[0]!;
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Read and decompress one member, at most `maxSize` bytes uncompressed. */
export async function readZipMember(
  zip: ZipArchive,
  name: string,
  maxSize: number,
): Promise<Uint8Array> {
  const { source } = zip;
  const file = source.path;
  const entry = zip.entries.get(name);
  if (!entry)
    throw new InputError('zip-member-missing', `the archive has no member ${name}`, {
      file,
      key: name,
    });
  if (entry.flags & 1) {
    throw new InputError(
      'zip-unsupported',
      `member ${name} is encrypted`,
      { file, key: name },
      'commit the log without encryption',
    );
  }
  if (
    entry.method !== METHOD_STORED &&
    entry.method !== METHOD_DEFLATE &&
    entry.method !== METHOD_ZSTD
  ) {
    throw new InputError(
      'zip-unsupported-method',
      `member ${name} uses compression method ${entry.method}; rsp-gate reads stored (0), deflate (8) and zstd (93)`,
      { file, key: name },
      're-write the log with a current version of the tool that produced it',
    );
  }
  if (entry.uncompressedSize > maxSize || entry.compressedSize > maxSize + (maxSize >>> 6) + 1024) {
    throw new InputError(
      'zip-too-large',
      `member ${name} is ${entry.uncompressedSize} bytes uncompressed (${entry.compressedSize} compressed); the limit is ${maxSize}`,
      { file, key: name },
      'this member is far larger than any real one; the archive may be hostile',
    );
  }
  const local = view(
    await readExactly(source, entry.localHeaderOffset, 30, 'the local header', name),
  );
  if (local.getUint32(0, true) !== SIG_LOCAL)
    throw corrupt(file, 'the local header is missing', name);
  const nameLength = local.getUint16(26, true);
  const nameStart = entry.localHeaderOffset + 30;
  const localName = new TextDecoder('utf-8').decode(
    await readExactly(source, nameStart, nameLength, 'the local header', name),
  );
  if (localName !== name)
    throw corrupt(file, `the local header names ${JSON.stringify(localName)}`, name);
  const dataStart = nameStart + nameLength + local.getUint16(28, true);
  if (dataStart + entry.compressedSize > zip.directoryOffset) {
    throw corrupt(
      file,
      `its compressed size (${entry.compressedSize} bytes) runs past the end of the member data`,
      name,
    );
  }
  const data = await readExactly(source, dataStart, entry.compressedSize, 'the member data', name);

  let out: Uint8Array;
  if (entry.method === METHOD_STORED) out = data;
  else if (entry.method === METHOD_ZSTD)
    out = inflateZstd(data, entry.uncompressedSize, file, name);
  else {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      const tooLarge =
        error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw corrupt(
        file,
        tooLarge
          ? `decompresses to more than its declared ${entry.uncompressedSize} bytes`
          : `deflate data is corrupt (${error instanceof Error ? error.message : String(error)})`,
        name,
      );
    }
  }
  if (out.length !== entry.uncompressedSize) {
    throw corrupt(
      file,
      `decompresses to ${out.length} bytes but declares ${entry.uncompressedSize}`,
      name,
    );
  }
  if (crc32(out) !== entry.crc32) throw corrupt(file, 'CRC-32 mismatch: the data is damaged', name);
  return out;
}
