import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createBatcher } from '../../src/github/batch.js';
import { readTextBlob } from '../../src/github/graphql-reads.js';

describe('calls made together go out as one request', () => {
  test('keys asked for in the same turn share one call; each caller gets its own answer', async () => {
    const calls: string[][] = [];
    const get = createBatcher(async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    }, 100);
    expect(await Promise.all(['a', 'b', 'c'].map(get))).toEqual(['A', 'B', 'C']);
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect(await get('d')).toBe('D');
    expect(calls).toHaveLength(2);
  });

  test('no call carries more than the limit', async () => {
    const sizes: number[] = [];
    const get = createBatcher(async (keys: number[]) => {
      sizes.push(keys.length);
      return new Map(keys.map((k) => [k, k * 2]));
    }, 100);
    const answers = await Promise.all(Array.from({ length: 250 }, (_, i) => get(i)));
    expect(answers[249]).toBe(498);
    expect(sizes).toEqual([100, 100, 50]);
  });

  test('a failed call fails every caller in it; a missing answer fails only its caller', async () => {
    const failing = createBatcher(async () => Promise.reject(new Error('HTTP 502')), 10);
    await expect(Promise.all([failing('a'), failing('b')])).rejects.toThrow('HTTP 502');
    const partial = createBatcher(async (keys: string[]) => new Map([[keys[0]!, 1]]), 10);
    const [first, second] = await Promise.allSettled([partial('x'), partial('y')]);
    expect(first).toEqual({ status: 'fulfilled', value: 1 });
    expect(second.status).toBe('rejected');
  });
});

const gitId = (bytes: Uint8Array) =>
  createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

describe('a blob read as text counts only if it is exactly the blob', () => {
  const text = 'model: acme/a\nnote: “quoted” — ünïcode\n';
  const sha = gitId(new TextEncoder().encode(text));

  test('text that hashes to the blob id gives its bytes', () => {
    expect(
      Buffer.from(readTextBlob(sha, { text, isBinary: false, isTruncated: false })!).toString(),
    ).toBe(text);
  });

  test.each([
    [
      'text that GitHub decoded lossily (invalid UTF-8 replaced)',
      { text: text.replace('ü', '\uFFFD'), isBinary: false, isTruncated: false },
    ],
    ['a binary blob', { text: null, isBinary: true, isTruncated: false }],
    ['a truncated blob', { text, isBinary: false, isTruncated: true }],
    ['no blob at all', null],
  ])('%s is fetched by id instead', (_, blob) => {
    expect(readTextBlob(sha, blob)).toBeNull();
  });
});
