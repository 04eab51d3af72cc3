/**
 * Hostile `.eval` archives, read through the Inspect `.eval` reader as the gate reads them:
 * bombs, lying sizes, truncation and corruption at every byte, directories pointing elsewhere,
 * ZIP64 promises, encryption, exotic methods, duplicate members and very many entries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../src/core/evidence.js';
import { InputError } from '../../src/core/errors.js';
import { crc32 } from '../../src/formats/zip.js';
import { inspectEvalReader, MAX_HEADER_BYTES } from '../../src/readers/inspect-eval.js';
import {
  buildZip,
  centralEntryOffset,
  centralHeader,
  concatBytes,
  deflateBomb,
  endOfDirectory,
  eocdOffset,
  expectLocated,
  FIXTURES,
  GiB,
  localHeader,
  manyEntryZip,
  memorySource,
  MiB,
  patched,
  pngImage,
  rejection,
  utf16leWithBom,
  utf8,
  virtualFile,
} from './generators.js';

const EVAL = 'logs/run.eval';
const readEval = (bytes: Uint8Array) => inspectEvalReader.read(memorySource(EVAL, bytes));
const REAL = new Uint8Array(readFileSync(join(FIXTURES, 'inspect/log_formats.eval')));

const HEADER = JSON.stringify({
  version: 2,
  status: 'success',
  eval: { task: 'built', model: 'test/model', created: '2026-10-01T00:00:00Z' },
  results: {
    total_samples: 5,
    completed_samples: 5,
    scores: [{ name: 's', metrics: { accuracy: { value: 0.4 } } }],
  },
});

const values = (records: EvidenceRecord[]) =>
  records.map((r) => [r.benchmark, r.metric, r.value, r.status]);
const BUILT = [['built', 'accuracy', 0.4, 'success']];

/** Binary inputs have no lines: the error names the file and the member. */
function expectZipError(error: InputError, code: string, message?: RegExp | string, key?: string) {
  expectLocated(error, { code, file: EVAL, line: null, message, key });
}

describe('zip bombs in header.json', () => {
  const bomb = deflateBomb(GiB); // 1 GiB of zeros in about 1 MB

  it('builds a deflate stream that really expands (sanity check on 16 MiB)', async () => {
    const { inflateRawSync } = await import('node:zlib');
    expect(inflateRawSync(deflateBomb(16 * MiB)).length).toBe(16 * MiB);
    expect(bomb.length).toBeLessThan(2 * MiB);
  });

  it(
    'rejects a bomb that declares its 1 GiB size before inflating anything',
    { timeout: 5000 },
    async () => {
      const zip = buildZip([
        {
          name: 'header.json',
          data: new Uint8Array(0),
          method: 8,
          compressed: bomb,
          declaredSize: GiB,
          crc: 0,
        },
      ]);
      expectZipError(
        await rejection(readEval(zip)),
        'zip-too-large',
        `member header.json is ${GiB} bytes uncompressed (${bomb.length} compressed); the limit is ${MAX_HEADER_BYTES}`,
        'header.json',
      );
    },
  );

  it(
    'rejects a bomb that declares 1,000 bytes, stopping inflation at the declared size',
    { timeout: 5000 },
    async () => {
      const zip = buildZip([
        {
          name: 'header.json',
          data: new Uint8Array(0),
          method: 8,
          compressed: bomb,
          declaredSize: 1000,
          crc: 0,
        },
      ]);
      const before = process.memoryUsage().arrayBuffers;
      expectZipError(
        await rejection(readEval(zip)),
        'zip-corrupt',
        'member header.json: decompresses to more than its declared 1000 bytes',
        'header.json',
      );
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * MiB);
    },
  );

  it(
    'rejects a bomb that declares just under the 64 MiB member cap',
    { timeout: 10_000 },
    async () => {
      const zip = buildZip([
        {
          name: 'header.json',
          data: new Uint8Array(0),
          method: 8,
          compressed: bomb,
          declaredSize: MAX_HEADER_BYTES - 1,
          crc: 0,
        },
      ]);
      expectZipError(
        await rejection(readEval(zip)),
        'zip-corrupt',
        `member header.json: decompresses to more than its declared ${MAX_HEADER_BYTES - 1} bytes`,
      );
    },
  );

  it(
    'does not inflate a bomb in another member (only header.json is read)',
    { timeout: 5000 },
    async () => {
      const zip = buildZip([
        {
          name: 'samples/1_epoch_1.json',
          data: new Uint8Array(0),
          method: 8,
          compressed: bomb,
          declaredSize: 100,
          crc: 0,
        },
        { name: 'header.json', data: HEADER, method: 8 },
      ]);
      expect(values(await readEval(zip))).toEqual(BUILT);
    },
  );
});

describe('declared sizes that lie, through the .eval reader', () => {
  const size = utf8(HEADER).length;

  it.each([
    [
      'larger',
      size + 1,
      0,
      `member header.json: decompresses to ${size} bytes but declares ${size + 1}`,
    ],
    [
      'smaller',
      size - 1,
      0,
      `member header.json: decompresses to ${size} bytes but declares ${size - 1}`,
    ],
    [
      'larger',
      size + 1,
      8,
      `member header.json: decompresses to ${size} bytes but declares ${size + 1}`,
    ],
    [
      'smaller',
      size - 1,
      8,
      `member header.json: decompresses to more than its declared ${size - 1} bytes`,
    ],
  ])(
    'rejects a header.json whose declared size is %s than its data (method %d)',
    async (_how, declaredSize, method, message) => {
      const zip = buildZip([{ name: 'header.json', data: HEADER, method, declaredSize }]);
      expectZipError(await rejection(readEval(zip)), 'zip-corrupt', message, 'header.json');
    },
  );

  it('rejects a compressed size that claims bytes of the next member', async () => {
    const zip = buildZip([
      { name: 'header.json', data: HEADER, declaredCompressedSize: utf8(HEADER).length + 30 },
      { name: 'reductions.json', data: '[]' },
    ]);
    expectZipError(await rejection(readEval(zip)), 'zip-corrupt', /^member header\.json: /);
  });
});

describe('a real .eval log truncated or corrupted anywhere', () => {
  const original = [['popularity', 'accuracy', 0, 'success']];

  it('gives the original records for the untouched file', async () => {
    expect(values(await readEval(REAL))).toEqual(original);
  });

  it(`rejects every truncation (all ${REAL.length} lengths) with a typed, located error`, async () => {
    const codes = new Set<string>();
    for (let length = 0; length < REAL.length; length++) {
      const error = await rejection(readEval(REAL.subarray(0, length)));
      expect(error.location.file).toBe(EVAL);
      expect(error.hint, `${error.code} at length ${length}`).toBeTruthy();
      codes.add(error.code);
    }
    expect([...codes].sort()).toEqual(['inspect-not-zip', 'zip-corrupt']);
  });

  it('answers every single-byte change of the directory, end record and header member with the original records or a typed error', async () => {
    const from = centralEntryOffset(REAL, '_journal/start.json');
    const headerLocal = 2888;
    const offsets = [
      ...Array.from({ length: 80 }, (_, i) => headerLocal + i),
      ...Array.from({ length: REAL.length - from }, (_, i) => from + i),
    ];
    let typed = 0;
    let same = 0;
    for (const at of offsets) {
      for (const value of [0x00, 0xff, REAL[at]! ^ 0x01]) {
        if (value === REAL[at]) continue;
        const copy = REAL.slice();
        copy[at] = value;
        try {
          expect(values(await readEval(copy)), `byte ${at} = ${value}`).toEqual(original);
          same++;
        } catch (error) {
          if (!(error instanceof InputError))
            throw new Error(`byte ${at} = ${value}: ${String(error)}`);
          typed++;
        }
      }
    }
    expect(typed).toBeGreaterThan(100);
    expect(same).toBeGreaterThan(100);
  });
});

describe('end-of-central-directory records', () => {
  const withComment = (comment: Uint8Array, declared = comment.length) => {
    const at = eocdOffset(REAL);
    return patched(concatBytes(REAL, comment), [at + 20, 2, declared]);
  };

  it('reads a log whose end record carries a comment, up to the 65,535-byte maximum', async () => {
    expect(values(await readEval(withComment(utf8('built by ci #42'))))).toHaveLength(1);
    expect(values(await readEval(withComment(new Uint8Array(0xffff).fill(0x20))))).toHaveLength(1);
  });

  it('rejects an end record whose comment length runs past the end of the file', async () => {
    expectZipError(
      await rejection(readEval(withComment(utf8('short'), 500))),
      'zip-corrupt',
      'no end-of-central-directory record: the file is not a zip archive, or it is truncated',
    );
  });

  it('rejects a central directory that starts past the end of the file', async () => {
    const at = eocdOffset(REAL);
    expectZipError(
      await rejection(readEval(patched(REAL, [at + 16, 4, REAL.length + 100]))),
      'zip-corrupt',
      'the central directory overlaps the end of the archive',
    );
  });

  it('rejects a central directory that points at member data instead', async () => {
    const at = eocdOffset(REAL);
    expectZipError(
      await rejection(readEval(patched(REAL, [at + 16, 4, 0]))),
      'zip-corrupt',
      'central directory entry 1 is malformed',
    );
  });

  it('rejects a directory size of 4 GiB as too large, before reading it', async () => {
    const at = eocdOffset(REAL);
    expectZipError(
      await rejection(readEval(patched(REAL, [at + 12, 4, 0xfffffff0]))),
      'zip-too-large',
      /^the central directory is 4294967280 bytes/,
    );
  });

  it('rejects a member whose local header lies outside the file', async () => {
    const entry = centralEntryOffset(REAL, 'header.json');
    expectZipError(
      await rejection(readEval(patched(REAL, [entry + 42, 4, 0x7ffffff0]))),
      'zip-corrupt',
      /^member header\.json: the local header lies outside the file/,
      'header.json',
    );
  });

  it('rejects an entry count that disagrees with the directory', async () => {
    const at = eocdOffset(REAL);
    expectZipError(
      await rejection(readEval(patched(REAL, [at + 8, 2, 5], [at + 10, 2, 5]))),
      'zip-corrupt',
      'the central directory holds 6 entries but the archive declares 5',
    );
  });
});

describe('overlapping entries', () => {
  const header = utf8(HEADER);
  const spec = (name: string, data: Uint8Array) => ({
    name,
    method: 0,
    crc: crc32(data),
    compressedSize: data.length,
    uncompressedSize: data.length,
  });

  it("rejects header.json pointed at another member's local header", async () => {
    const zip = buildZip([
      { name: 'reductions.json', data: '[]' },
      { name: 'header.json', data: HEADER },
    ]);
    const entry = centralEntryOffset(zip, 'header.json');
    expectZipError(
      await rejection(readEval(patched(zip, [entry + 42, 4, 0]))),
      'zip-corrupt',
      'member header.json: the local header names "reductions.json"',
      'header.json',
    );
  });

  it("reads header.json when another member's data range covers it (overlapping-file bomb layout)", async () => {
    const headerLocal = concatBytes(localHeader(spec('header.json', header)), header);
    const cover = {
      ...spec('samples/1_epoch_1.json', headerLocal),
      compressedSize: headerLocal.length,
    };
    const coverLocal = localHeader({ ...cover, compressedSize: 0, uncompressedSize: 0 });
    const directory = concatBytes(
      centralHeader(cover, 0),
      centralHeader(spec('header.json', header), coverLocal.length),
    );
    const dataEnd = coverLocal.length + headerLocal.length;
    const zip = concatBytes(
      coverLocal,
      headerLocal,
      directory,
      endOfDirectory(2, directory.length, dataEnd),
    );
    expect(values(await readEval(zip))).toEqual(BUILT);
  });

  it('reads one local record named by two central entries only as header.json', async () => {
    const headerLocal = concatBytes(localHeader(spec('header.json', header)), header);
    const directory = concatBytes(
      centralHeader(spec('header.json', header), 0),
      centralHeader(spec('_journal/start.json', header), 0),
    );
    const zip = concatBytes(
      headerLocal,
      directory,
      endOfDirectory(2, directory.length, headerLocal.length),
    );
    expect(values(await readEval(zip))).toEqual(BUILT);
  });
});

describe('ZIP64 promises', () => {
  const zip64 = buildZip(
    [
      { name: 'samples/1_epoch_1.json', data: '{}' },
      { name: 'header.json', data: HEADER, method: 8 },
    ],
    { zip64: true },
  );
  // The ZIP64 extra field of a central entry: id, size, then uncompressed, compressed, offset.
  const extra = (name: string) => centralEntryOffset(zip64, name) + 46 + name.length + 4;

  it('reads the archive as built', async () => {
    expect(values(await readEval(zip64))).toEqual(BUILT);
  });

  it('rejects header.json declared as 5 GiB uncompressed, without reading it', async () => {
    expectZipError(
      await rejection(readEval(patched(zip64, [extra('header.json'), 8, 5 * GiB]))),
      'zip-too-large',
      /^member header\.json is 5368709120 bytes uncompressed/,
      'header.json',
    );
  });

  it('rejects header.json declared as 5 GiB compressed', async () => {
    expectZipError(
      await rejection(readEval(patched(zip64, [extra('header.json') + 8, 8, 5 * GiB]))),
      'zip-too-large',
      /5368709120 compressed/,
    );
  });

  it('ignores a 5 GiB promise in a member it never reads', async () => {
    const lying = patched(
      zip64,
      [extra('samples/1_epoch_1.json'), 8, 5 * GiB],
      [extra('samples/1_epoch_1.json') + 8, 8, 5 * GiB],
    );
    expect(values(await readEval(lying))).toEqual(BUILT);
  });

  it('rejects a local header offset of 5 GiB', async () => {
    expectZipError(
      await rejection(readEval(patched(zip64, [extra('header.json') + 16, 8, 5 * GiB]))),
      'zip-corrupt',
      /^member header\.json: the local header lies outside the file/,
    );
  });

  it('rejects a size beyond 2^53', async () => {
    expectZipError(
      await rejection(readEval(patched(zip64, [extra('header.json'), 8, 1n << 63n]))),
      'zip-corrupt',
      'a ZIP64 size or offset is out of range',
    );
  });

  it('rejects saturated sizes without a ZIP64 extra field', async () => {
    expectZipError(
      await rejection(readEval(patched(zip64, [extra('header.json') - 4, 2, 0x9999]))),
      'zip-corrupt',
      'member header.json: sizes are saturated but there is no ZIP64 extra field',
    );
  });

  it('rejects a ZIP64 end record that lies outside the file, or declares 2^40 entries', async () => {
    const locator = eocdOffset(zip64) - 20;
    expectZipError(
      await rejection(readEval(patched(zip64, [locator + 8, 8, 6 * GiB]))),
      'zip-corrupt',
      /^the ZIP64 end-of-central-directory record lies outside the file/,
    );
    const record = locator - 56;
    expectZipError(
      await rejection(readEval(patched(zip64, [record + 32, 8, 2 ** 40]))),
      'zip-corrupt',
      'the central directory holds 2 entries but the archive declares 1099511627776',
    );
  });
});

describe('members rsp-gate cannot read', () => {
  it.each([
    ['traditional encryption', 0x0801],
    ['strong encryption', 0x0841],
  ])('rejects a header.json with %s', async (_name, flags) => {
    const zip = buildZip([{ name: 'header.json', data: HEADER, flags }]);
    expectZipError(
      await rejection(readEval(zip)),
      'zip-unsupported',
      'member header.json is encrypted',
      'header.json',
    );
  });

  it.each([
    ['bzip2', 12],
    ['LZMA', 14],
    ['xz', 95],
    ['PPMd', 98],
    ['AES', 99],
    ['deflate64', 9],
  ])('rejects a header.json compressed with %s (method %d)', async (_name, method) => {
    const zip = buildZip([{ name: 'header.json', data: HEADER, method, compressed: utf8(HEADER) }]);
    expectZipError(
      await rejection(readEval(zip)),
      'zip-unsupported-method',
      `member header.json uses compression method ${method}; rsp-gate reads stored (0), deflate (8) and zstd (93)`,
      'header.json',
    );
  });
});

describe('duplicate header.json: the last one is read, and its faults are never papered over', () => {
  const good = { name: 'header.json', data: HEADER, method: 8 };

  it.each([
    ['a bad CRC', { name: 'header.json', data: HEADER, crc: 1 }, 'zip-corrupt'],
    [
      'corrupt deflate data',
      { name: 'header.json', data: HEADER, method: 8, compressed: Uint8Array.from([0xff, 0xff]) },
      'zip-corrupt',
    ],
    ['truncated JSON', { name: 'header.json', data: HEADER.slice(0, 40) }, 'json-truncated'],
    ['encryption', { name: 'header.json', data: HEADER, flags: 0x0801 }, 'zip-unsupported'],
    [
      'method 12',
      { name: 'header.json', data: HEADER, method: 12, compressed: utf8(HEADER) },
      'zip-unsupported-method',
    ],
    ['a lying size', { name: 'header.json', data: HEADER, declaredSize: 3 }, 'zip-corrupt'],
  ])('fails when the last copy has %s, though the first is valid', async (_name, last, code) => {
    const zip = buildZip([good, { name: 'reductions.json', data: '[]' }, last]);
    const error = await rejection(readEval(zip));
    expect(error.code).toBe(code);
    expect(error.location).toMatchObject({ file: EVAL, key: 'header.json' });
    expect(error.hint).toBeTruthy();
  });
});

describe('70,000 entries', () => {
  it(
    'reads header.json after 70,000 other members (16-bit entry count wrapped)',
    { timeout: 20_000 },
    async () => {
      const zip = manyEntryZip(70_000, utf8(HEADER));
      expect(values(await readEval(zip))).toEqual(BUILT);
    },
  );

  it('refuses a 73 MB central directory (70,000 entries with 1 KiB comments) before reading it', async () => {
    const header = utf8(HEADER);
    const spec = {
      name: 'header.json',
      method: 0,
      crc: crc32(header),
      compressedSize: header.length,
      uncompressedSize: header.length,
    };
    const headerLocal = concatBytes(localHeader(spec), header);
    const filler = centralHeader({ ...spec, name: 'samples/x.json' }, 0, 1024);
    const last = centralHeader(spec, 0);
    const directorySize = filler.length * 70_000 + last.length;
    const source = virtualFile(EVAL, [
      { bytes: headerLocal },
      { bytes: filler, repeat: 70_000 },
      { bytes: concatBytes(last, endOfDirectory(70_001, directorySize, headerLocal.length)) },
    ]);
    expect(directorySize).toBeGreaterThan(64 * MiB);
    const error = await rejection(inspectEvalReader.read(source));
    expectZipError(
      error,
      'zip-too-large',
      `the central directory is ${directorySize} bytes (limit ${64 * MiB})`,
    );
    expect(source.stats.bytesRead).toBeLessThan(MiB);
  });
});

describe('files named .eval that are not zip archives', () => {
  it.each([
    ['a PNG image', pngImage()],
    ['UTF-16 text', utf16leWithBom('{"version": 2}')],
    ['4 KiB of NUL bytes', new Uint8Array(4096)],
    ['an empty file', new Uint8Array(0)],
    ['a JSON log', utf8(HEADER)],
  ])('rejects %s as not a zip archive', async (_name, bytes) => {
    expectZipError(
      await rejection(readEval(bytes)),
      'inspect-not-zip',
      'the .eval file is not a zip archive',
    );
  });

  it('rejects a zip archive that is not an Inspect log (a PNG inside)', async () => {
    const zip = buildZip([{ name: 'figure.png', data: pngImage() }]);
    expectZipError(
      await rejection(readEval(zip)),
      'inspect-shape',
      'the archive has neither header.json nor _journal/start.json: it is not an Inspect log',
    );
  });

  it('rejects a header.json that is a PNG', async () => {
    const zip = buildZip([{ name: 'header.json', data: pngImage() }]);
    const error = await rejection(readEval(zip));
    expectZipError(
      error,
      'json-encoding',
      /^header\.json line 1, column 1: the file is not valid UTF-8/,
      'header.json',
    );
  });
});
