/** Every row of the README's threat table cites tests that exist, by their exact names. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { declares, testNames, type TestNames } from './helpers/test-names.js';

const ROOT = join(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Security model'));
const rows = section
  .split('\n')
  .filter(
    (line) => line.startsWith('| ') && !line.startsWith('| threat') && !line.startsWith('|---'),
  );

/** `file` › name; name; … — the text after `›` split at each `;`, per cited file. */
function references(cell: string): { file: string; segments: string[] }[] {
  const out: { file: string; segments: string[] }[] = [];
  for (const part of cell.split(/;\s*(?=`__tests__)/)) {
    const file = /`(__tests__\/[^`]+)`/.exec(part)?.[1];
    if (!file) continue;
    const after = part.split('›')[1];
    out.push({ file, segments: after ? after.split(';') : [] });
  }
  return out;
}

/**
 * Whether `cited` names a test of the file: its whole name, or its opening clause (the name up
 * to one of its own `:` or `;`). A parenthesis at the end of a citation is commentary.
 */
function names(tests: TestNames, cited: string): boolean {
  const whole = cited.trim();
  return [whole, whole.replace(/\s*\(.*\)$/, '')].some(
    (name) =>
      name !== '' &&
      (declares(tests, name) ||
        [...tests.exact].some(
          (t) => t.startsWith(name) && (t[name.length] === ':' || t[name.length] === ';'),
        )),
  );
}

/**
 * The citations among `segments` that name no test. A test name may hold `;` itself, so the
 * longest run of consecutive segments that together name a test is taken first.
 */
function unmatched(tests: TestNames, segments: string[]): string[] {
  const missing: string[] = [];
  for (let i = 0; i < segments.length;) {
    let end = -1;
    for (let j = segments.length; j > i; j--)
      if (names(tests, segments.slice(i, j).join(';'))) {
        end = j;
        break;
      }
    if (end === -1) {
      if (segments[i]!.trim() !== '') missing.push(segments[i]!.trim());
      i++;
    } else i = end;
  }
  return missing;
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
      for (const { file, segments } of refs) {
        expect(existsSync(join(ROOT, file)), file).toBe(true);
        const tests = testNames(join(ROOT, file));
        expect(unmatched(tests, segments), `tests not found by name in ${file}`).toEqual([]);
      }
    },
  );
});

describe('reading test names', () => {
  const safeguards = testNames(join(ROOT, '__tests__/engine/safeguards.test.ts'));

  test('a name from a test.each table is found whole, and words from the file are not a name', () => {
    expect(names(safeguards, 'rejected when the author ticks an independent item')).toBe(true);
    expect(
      names(safeguards, 'an attestation is not trusted when added in the change without approvals'),
    ).toBe(true);
    // Every word occurs in the file; no test is called this.
    expect(names(safeguards, 'rejected when the author ticks an item')).toBe(false);
    expect(names(safeguards, 'the author ticks an independent item')).toBe(false);
    expect(names(safeguards, 'rejected when the author')).toBe(false);
  });

  test('a name that holds `;` is found across the segments it was split into, and an opening clause names its test', () => {
    const e2e = testNames(join(ROOT, '__tests__/e2e/action.e2e.test.ts'));
    const cited = 'opened → blocked; ticks; a rejected tick; a new push; approvals → passes';
    expect(unmatched(e2e, cited.split(';'))).toEqual([]);
    expect(unmatched(e2e, 'opened → blocked; approvals → passes'.split(';'))).toEqual([
      'approvals → passes',
    ]);
    const checklist = testNames(join(ROOT, '__tests__/github/checklist.test.ts'));
    expect(names(checklist, 'duplicating a ticked item makes it unchecked')).toBe(true);
    expect(names(checklist, 'duplicating a ticked item')).toBe(false);
  });
});
