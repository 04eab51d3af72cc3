import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findReader, SNIFF_BYTES } from '../../src/readers/registry.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');

function formatOf(path: string): string | null {
  const head = readFileSync(join(FIXTURES, path)).subarray(0, SNIFF_BYTES);
  return findReader(path, head)?.format ?? null;
}

describe('the reader table routes each real file to its reader', () => {
  test.each(
    readdirSync(join(FIXTURES, 'inspect')).filter(
      (f) => f.endsWith('.json') || f.endsWith('.eval'),
    ),
  )('inspect/%s', (file) => {
    expect(formatOf(`inspect/${file}`)).toBe(
      file.endsWith('.eval') ? 'inspect-eval' : 'inspect-json',
    );
  });

  test.each(readdirSync(join(FIXTURES, 'lm-eval')))('lm-eval/%s', (file) => {
    expect(formatOf(`lm-eval/${file}`)).toBe('lm-eval');
  });

  test.each(readdirSync(join(FIXTURES, 'hf-model-card')))('hf-model-card/%s', (file) => {
    expect(formatOf(`hf-model-card/${file}`)).toBe('hf-model-index');
  });

  test('native evidence files by their name', () => {
    expect(formatOf('native/valid.evidence.yml')).toBe('native');
  });

  test('nothing claims a file that is none of these', () => {
    expect(findReader('notes/readme.txt', new TextEncoder().encode('hello'))).toBeNull();
    expect(findReader('data/other.json', new TextEncoder().encode('{"rows": []}'))).toBeNull();
  });
});
