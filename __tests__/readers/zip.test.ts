import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crc32, openZip, readZipMember } from '../../src/formats/zip.js';
import { fileSourceFromBytes } from '../../src/readers/file-source.js';
import { buildZip, zstdRawFrame } from './zip-builder.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/inspect/', import.meta.url));
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function source(bytes: Uint8Array, path = 'a.zip') {
  return fileSourceFromBytes(path, bytes);
}

async function member(bytes: Uint8Array, name: string, maxSize = 1 << 20): Promise<string> {
  return decoder.decode(await readZipMember(await openZip(source(bytes)), name, maxSize));
}

describe('zip reader', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(encoder.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(encoder.encode('6789'), crc32(encoder.encode('12345')))).toBe(0xcbf43926);
  });

  it('reads stored and deflated members by name', async () => {
    const text = 'hello '.repeat(1000);
    const zip = buildZip([
      { name: 'a.txt', data: 'stored' },
      { name: 'dir/b.txt', data: text, method: 8 },
    ]);
    const archive = await openZip(source(zip));
    expect([...archive.entries.keys()]).toEqual(['a.txt', 'dir/b.txt']);
    expect(archive.entries.get('dir/b.txt')).toMatchObject({ method: 8, uncompressedSize: 6000 });
    expect(await member(zip, 'a.txt')).toBe('stored');
    expect(await member(zip, 'dir/b.txt')).toBe(text);
  });

  it('lists the members of a real Inspect .eval log and reads header.json (deflate, CRC checked)', async () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}log_formats.eval`));
    const archive = await openZip(source(bytes, 'log_formats.eval'));
    expect([...archive.entries.keys()]).toEqual([
      '_journal/start.json',
      'samples/1_epoch_1.json',
      '_journal/summaries/1.json',
      'summaries.json',
      'reductions.json',
      'header.json',
    ]);
    const header = JSON.parse(decoder.decode(await readZipMember(archive, 'header.json', 1 << 20)));
    expect(header).toMatchObject({ version: 2, status: 'success' });
  });

  it('reads zstd (method 93) members byte-identical to the deflate original', async () => {
    const deflate = await openZip(
      source(new Uint8Array(readFileSync(`${FIXTURES}log_formats.eval`))),
    );
    const zstd = await openZip(
      source(new Uint8Array(readFileSync(`${FIXTURES}log_formats.zstd.eval`))),
    );
    expect(zstd.entries.get('header.json')?.method).toBe(93);
    for (const name of deflate.entries.keys()) {
      const fromZstd = Buffer.from(await readZipMember(zstd, name, 1 << 20));
      expect(fromZstd.equals(await readZipMember(deflate, name, 1 << 20))).toBe(true);
    }
  });

  it('decompresses several concatenated zstd frames, skipping skippable frames', async () => {
    const skippable = Uint8Array.from([0x50, 0x2a, 0x4d, 0x18, 2, 0, 0, 0, 0xaa, 0xbb]);
    const frames = [
      zstdRawFrame(encoder.encode('first,')),
      skippable,
      zstdRawFrame(encoder.encode('second')),
    ];
    const compressed = new Uint8Array(Buffer.concat(frames));
    const zip = buildZip([{ name: 'm.json', data: 'first,second', method: 93, compressed }]);
    expect(await member(zip, 'm.json')).toBe('first,second');
  });

  it('rejects a zstd frame that promises more data than the member declares, before decoding it', async () => {
    const frame = zstdRawFrame(encoder.encode('0123456789'));
    const zip = buildZip([{ name: 'm', data: '0123', method: 93, compressed: frame }]);
    await expect(member(zip, 'm')).rejects.toMatchObject({
      code: 'zip-corrupt',
      message: "member m: a zstd frame declares more data than the member's declared 4 bytes",
    });
  });

  it('lets the last central-directory entry win when a name repeats', async () => {
    const zip = buildZip([
      { name: 'header.json', data: '{"n": 1}' },
      { name: 'other', data: 'x' },
      { name: 'header.json', data: '{"n": 2}', method: 8 },
    ]);
    expect(await member(zip, 'header.json')).toBe('{"n": 2}');
  });

  it('reads a ZIP64 archive (ZIP64 end records and extra fields)', async () => {
    const zip = buildZip(
      [
        { name: 'a', data: 'alpha' },
        { name: 'header.json', data: '{"zip64": true}', method: 8 },
      ],
      { zip64: true },
    );
    const archive = await openZip(source(zip));
    expect(archive.entries.get('header.json')).toMatchObject({ uncompressedSize: 15 });
    expect(await member(zip, 'header.json')).toBe('{"zip64": true}');
    expect(await member(zip, 'a')).toBe('alpha');
  });

  it('rejects a member whose declared size is smaller than its data', async () => {
    const zip = buildZip([
      { name: 'header.json', data: 'x'.repeat(5000), method: 8, declaredSize: 100 },
    ]);
    await expect(member(zip, 'header.json')).rejects.toMatchObject({
      code: 'zip-corrupt',
      message: 'member header.json: decompresses to more than its declared 100 bytes',
      location: { file: 'a.zip', key: 'header.json' },
    });
  });

  it('rejects a member whose declared size is larger than its data', async () => {
    const zip = buildZip([{ name: 'h', data: 'abc', declaredSize: 10, declaredCompressedSize: 3 }]);
    await expect(member(zip, 'h')).rejects.toThrow(
      'member h: decompresses to 3 bytes but declares 10',
    );
    const deflated = buildZip([{ name: 'h', data: 'abc', method: 8, declaredSize: 10 }]);
    await expect(member(deflated, 'h')).rejects.toThrow(
      'member h: decompresses to 3 bytes but declares 10',
    );
  });

  it('rejects a member whose compressed size runs past the file', async () => {
    const zip = buildZip([
      { name: 'h', data: 'abc', declaredCompressedSize: 5000, declaredSize: 3 },
    ]);
    await expect(member(zip, 'h')).rejects.toMatchObject({
      code: 'zip-corrupt',
      message: 'member h: its compressed size (5000 bytes) runs past the end of the member data',
    });
  });

  it('rejects a truncated archive', async () => {
    const whole = buildZip([{ name: 'header.json', data: '{}' }]);
    for (const cut of [whole.subarray(0, whole.length - 5), whole.subarray(0, 40)]) {
      await expect(openZip(source(cut))).rejects.toMatchObject({
        code: 'zip-corrupt',
        message:
          'no end-of-central-directory record: the file is not a zip archive, or it is truncated',
      });
    }
    await expect(openZip(source(new Uint8Array(10)))).rejects.toThrow(
      'too small to be a zip archive',
    );
  });

  it('rejects a member larger than the cap', async () => {
    const zip = buildZip([{ name: 'big', data: 'x'.repeat(2000), method: 8 }]);
    await expect(member(zip, 'big', 1000)).rejects.toMatchObject({ code: 'zip-too-large' });
  });

  it('rejects unsupported compression methods and encrypted members', async () => {
    const zip = buildZip([{ name: 'b', data: 'abc', method: 12 }]);
    await expect(member(zip, 'b')).rejects.toMatchObject({
      code: 'zip-unsupported-method',
      message:
        'member b uses compression method 12; rsp-gate reads stored (0), deflate (8) and zstd (93)',
    });
    const encrypted = buildZip([{ name: 'e', data: 'abc', flags: 0x0801 }]);
    await expect(member(encrypted, 'e')).rejects.toMatchObject({
      code: 'zip-unsupported',
      message: 'member e is encrypted',
    });
  });

  it('rejects data that fails its CRC-32', async () => {
    const zip = buildZip([{ name: 'c', data: 'abc', crc: 1234 }]);
    await expect(member(zip, 'c')).rejects.toThrow(
      'member c: CRC-32 mismatch: the data is damaged',
    );
  });

  it('rejects corrupt deflate data', async () => {
    const zip = buildZip([
      { name: 'd', data: 'abc', method: 8, compressed: Uint8Array.from([0xff, 0xff, 0xff]) },
    ]);
    await expect(member(zip, 'd')).rejects.toMatchObject({ code: 'zip-corrupt' });
  });

  it('reports a missing member', async () => {
    const zip = buildZip([{ name: 'a', data: '' }]);
    await expect(member(zip, 'header.json')).rejects.toMatchObject({ code: 'zip-member-missing' });
  });
});
