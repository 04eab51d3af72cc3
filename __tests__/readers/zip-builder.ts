/** Builds small zip archives in tests (duplicates, ZIP64, lying sizes); not a general zip writer. */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/formats/zip.js';

export interface BuildEntry {
  name: string;
  data: Uint8Array | string;
  /** 0 stored (default), 8 deflate; any other number writes `compressed` (or `data`) as is. */
  method?: number;
  /** Bytes to store instead of compressing `data` (e.g. hand-made zstd frames). */
  compressed?: Uint8Array;
  declaredSize?: number;
  declaredCompressedSize?: number;
  crc?: number;
  /** General-purpose flags; default 0x0800 (UTF-8 names). */
  flags?: number;
}

const encoder = new TextEncoder();

/** A zstd frame holding `bytes` in one raw (uncompressed) block; at most 255 bytes. */
export function zstdRawFrame(bytes: Uint8Array): Uint8Array {
  if (bytes.length > 255) throw new Error('zstdRawFrame: at most 255 bytes');
  const block = (bytes.length << 3) | 1; // last block, type raw
  return Uint8Array.from([
    0x28,
    0xb5,
    0x2f,
    0xfd, // magic
    0x20, // single segment, 1-byte content size, no checksum, no dictionary
    bytes.length,
    block & 0xff,
    (block >> 8) & 0xff,
    (block >> 16) & 0xff,
    ...bytes,
  ]);
}

export function buildZip(entries: BuildEntry[], options: { zip64?: boolean } = {}): Uint8Array {
  const zip64 = options.zip64 === true;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
    const method = entry.method ?? 0;
    const body = entry.compressed ?? (method === 8 ? deflateRawSync(data) : data);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = entry.crc ?? crc32(data);
    const size = entry.declaredSize ?? data.length;
    const csize = entry.declaredCompressedSize ?? body.length;
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(csize), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(entry.flags ?? 0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(zip64 ? 0xffffffff : csize, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(zip64 ? 20 : 0, 28);
    const localExtra = zip64 ? Buffer.from(extra.subarray(0, 20)) : Buffer.alloc(0);
    if (zip64) localExtra.writeUInt16LE(16, 2);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(zip64 ? 45 : 20, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(entry.flags ?? 0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : csize, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    const localBytes = Buffer.concat([local, name, Buffer.from(localExtra), Buffer.from(body)]);
    locals.push(localBytes);
    centrals.push(Buffer.concat([central, name, extra]));
    offset += localBytes.length;
  }
  const directory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  eocd.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : directory.length, 12);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, ...tail, eocd]));
}
