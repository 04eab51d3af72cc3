import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  FIRST_CHUNK_SIZE,
  fileSourceFromBytes,
  fileSourceFromPath,
} from '../../src/readers/file-source.js';

const dir = mkdtempSync(join(tmpdir(), 'rsp-gate-file-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = new Uint8Array(CHUNK_SIZE * 2 + 100);
for (let i = 0; i < bytes.length; i++) bytes[i] = i % 251;

describe('file sources', () => {
  it('streams a file in chunks that start small and grow to 1 MiB, and reads ranges', async () => {
    const path = join(dir, 'data.bin');
    writeFileSync(path, bytes);
    const source = await fileSourceFromPath(path, 'repo/data.bin');
    expect(source.path).toBe('repo/data.bin');
    expect(source.size).toBe(bytes.length);
    const sizes: number[] = [];
    for await (const chunk of source.chunks()) sizes.push(chunk.length);
    expect(sizes.slice(0, 4)).toEqual([
      FIRST_CHUNK_SIZE,
      FIRST_CHUNK_SIZE * 4,
      FIRST_CHUNK_SIZE * 16,
      CHUNK_SIZE,
    ]);
    expect(sizes.slice(4).every((size) => size === CHUNK_SIZE || size < CHUNK_SIZE)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(bytes.length);
    expect(await source.read(CHUNK_SIZE - 2, 4)).toEqual(
      bytes.slice(CHUNK_SIZE - 2, CHUNK_SIZE + 2),
    );
    expect(await source.read(bytes.length - 3, 10)).toEqual(bytes.slice(bytes.length - 3));
    expect((await source.read(bytes.length + 5, 10)).length).toBe(0);
  });

  it('lets the consumer stop streaming early', async () => {
    const path = join(dir, 'early.bin');
    writeFileSync(path, bytes);
    const source = await fileSourceFromPath(path, 'early.bin');
    let seen = 0;
    for await (const chunk of source.chunks()) {
      seen += chunk.length;
      break;
    }
    expect(seen).toBe(FIRST_CHUNK_SIZE);
  });

  it('serves bytes held in memory with the same contract', async () => {
    const source = fileSourceFromBytes('mem.bin', bytes.subarray(0, 10), 4);
    const chunks: number[][] = [];
    for await (const chunk of source.chunks()) chunks.push([...chunk]);
    expect(chunks).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect([...(await source.read(8, 5))]).toEqual([8, 9]);
    expect(source.size).toBe(10);
  });
});
