/**
 * The job summary's report section (src/action/report.ts): the overview table, one row per model,
 * blocking models first, cut at 50 rows with a count of the rest, model ids that cannot break the
 * table; and upload errors shown without a signed URL's query.
 */
import { expect, test } from 'vitest';
import { overviewTable, SUMMARY_ROWS, withoutQueries } from '../../src/action/report.js';
import type { OverviewRow } from '../../src/report/report-data.js';

function row(model: string, verdict: 'pass' | 'block', extra: Partial<OverviewRow> = {}) {
  return {
    model,
    deployment: 'ASL-2',
    security: 'ASL-2',
    verdict,
    openItems: verdict === 'block' ? 3 : 0,
    nextExpiry: null,
    card: `models/${model}.md`,
    ...extra,
  } satisfies OverviewRow;
}

const tableRows = (text: string) => text.split('\n').filter((l) => l.startsWith('| `'));

test('at 1,000 models the summary shows 50 rows, blocking models first, and counts the rest', () => {
  const rows = Array.from({ length: 1000 }, (_, i) =>
    row(`m-${String(i).padStart(4, '0')}`, i % 100 === 7 ? 'block' : 'pass'),
  );
  const text = overviewTable(rows);
  const shown = tableRows(text);
  expect(shown).toHaveLength(SUMMARY_ROWS);
  expect(shown.slice(0, 10).every((l) => l.includes('**block**'))).toBe(true);
  expect(shown[10]).toContain('| pass |');
  expect(shown[0]).toBe('| `m-0007` | ASL-2 | ASL-2 | **block** | 3 | — |');
  expect(text).toContain('… and 950 more in the report');
  expect(text.length).toBeLessThan(5000);
});

test('a short list is shown whole, with its expiry dates, and says nothing of more', () => {
  const text = overviewTable([
    row('acme/b', 'pass', { nextExpiry: '2027-01-05' }),
    row('acme/a', 'block', { deployment: 'ASL-3', security: 'ASL-3' }),
  ]);
  expect(tableRows(text)).toEqual([
    '| `acme/a` | ASL-3 | ASL-3 | **block** | 3 | — |',
    '| `acme/b` | ASL-2 | ASL-2 | pass | 0 | 2027-01-05 |',
  ]);
  expect(text).not.toContain('more in the report');
});

test('a model id with a pipe or a mention stays inside its cell', () => {
  const [line] = tableRows(overviewTable([row('evil|x @org/team', 'pass')]));
  expect(line).toBe('| `evil\\|x @\u2060org/team` | ASL-2 | ASL-2 | pass | 0 | — |');
});

test('an upload error shown in the summary keeps no signed URL’s query (its credential)', () => {
  expect(
    withoutQueries(
      'PUT https://results.blob.core.windows.net/c/report.html?sv=2023-11-03&sig=abc%2B123 failed: 403',
    ),
  ).toBe('PUT https://results.blob.core.windows.net/c/report.html?… failed: 403');
});
