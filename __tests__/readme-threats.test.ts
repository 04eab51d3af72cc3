/** Every row of the README's threat table names tests that exist. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Security model'));
const rows = section
  .split('\n')
  .filter(
    (line) => line.startsWith('| ') && !line.startsWith('| threat') && !line.startsWith('|---'),
  );

/** `file` › name; name; … — a name runs until the next `;` or the next backticked file. */
function references(cell: string): { file: string; names: string[] }[] {
  const out: { file: string; names: string[] }[] = [];
  for (const part of cell.split(/;\s*(?=`__tests__)/)) {
    const file = /`(__tests__\/[^`]+)`/.exec(part)?.[1];
    if (!file) continue;
    const after = part.split('›')[1];
    const names = after
      ? after
          .split(';')
          .map((n) => n.replace(/\(.*\)$/, '').trim())
          .filter(Boolean)
      : [];
    out.push({ file, names });
  }
  return out;
}

describe('the README threat table', () => {
  test('has rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
  });

  test.each(rows.map((row) => [row.split('|')[1]!.trim(), row] as const))(
    '%s: names a test that exists',
    (_threat, row) => {
      const cell = row.split('|').at(-2)!;
      const refs = references(cell);
      expect(refs.length, 'every row cites at least one test file').toBeGreaterThan(0);
      for (const { file, names } of refs) {
        expect(existsSync(join(ROOT, file)), file).toBe(true);
        const source = readFileSync(join(ROOT, file), 'utf8');
        for (const name of names) {
          // Test names may be built from a table (`rejects %s`): every word must appear in the file.
          const words = name
            .replace(/…/g, '')
            .split(/\s+/)
            .filter((w) => w.length > 2);
          for (const word of words)
            expect(source, `${file} should hold the test “${name}”`).toContain(word);
        }
      }
    },
  );
});
