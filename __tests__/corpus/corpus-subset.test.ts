/**
 * The corpus subset kept in the project (__tests__/fixtures/corpus, chosen by
 * scripts/select-corpus-subset.ts) through the same harness `npm run test:corpus` runs on the
 * whole corpus; and the harness itself, shown to catch each kind of disagreement.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import {
  CORPUS_FORMATS,
  MANIFEST_COLUMNS,
  type ExpectedLine,
  type LmEvalExpected,
  type ManifestRow,
} from './corpus-files.js';
import { checkFile, describeFailures, loadCorpus, runCorpus, summaryLine } from './harness.js';

const SUBSET = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const subset = await loadCorpus(SUBSET);

describe('the corpus subset', () => {
  test('every file is read and judged as the independent reading says', async () => {
    const summary = await runCorpus(subset);
    expect(describeFailures(summary)).toBe('');
    const outcomes = summary.outcomes;
    expect(outcomes).toHaveLength(subset.rows.length);
    expect(outcomes.filter((o) => o.crash)).toEqual([]);
    // Every format is there, and every record of every file was compared and judged.
    for (const format of CORPUS_FORMATS)
      expect(outcomes.filter((o) => o.row.format === format).length).toBeGreaterThan(0);
    const refusals = [...subset.expected.values()].filter((l) => l.refuse !== undefined);
    expect(outcomes.filter((o) => o.refused).map((o) => o.row.id)).toEqual(
      refusals.map((l) => l.id),
    );
    expect(outcomes.reduce((n, o) => n + o.earnedBlocks, 0)).toBe(refusals.length);
    expect(summaryLine(summary)).toMatch(
      /^corpus: \d+ files · lm-eval \d+ files\/\d+ of \d+ records agreed\/.* · crashes: 0 · blocking reasons earned: \d+ · files disagreeing: 0 · [\d.]+ s$/,
    );
  });

  test('holds the shapes the reader fixes were made for', () => {
    const has = (id: string) => subset.rows.some((r) => r.id === id);
    expect(has('lm-eval:375462e17bfa')).toBe(true); // v0.3 per-sample lists where numbers belong
    expect(has('lm-eval:903b3f5263a6')).toBe(true); // `results` 85 KB in, `n_samples` 10 of 12,032
    expect(subset.rows.some((r) => r.format === 'inspect-eval' && r.bytes < 200)).toBe(true); // LFS
  });

  test('keeps only files whose licence lets them be copied', () => {
    for (const row of subset.rows)
      expect(row.licence).toMatch(/^(MIT|mit|apache-2\.0|bsd-3-clause|cc-by-4\.0|cc0-1\.0)\b/);
  });
});

describe('the conformance harness', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A one-file corpus made from a subset file, its expected line edited by `edit`. */
  async function tampered(
    id: string,
    edit: (line: ExpectedLine) => void,
    editRow: (row: ManifestRow) => void = () => {},
  ) {
    const row = { ...subset.rows.find((r) => r.id === id)! };
    const line = structuredClone(subset.expected.get(id)!);
    edit(line);
    editRow(row);
    const dir = mkdtempSync(join(tmpdir(), 'rsp-gate-corpus-'));
    dirs.push(dir);
    mkdirSync(dirname(join(dir, row.file)), { recursive: true });
    copyFileSync(join(SUBSET, row.file), join(dir, row.file));
    writeFileSync(
      join(dir, 'manifest.csv'),
      `${MANIFEST_COLUMNS.join(',')}\n${MANIFEST_COLUMNS.map((c) => row[c]).join(',')}\n`,
    );
    writeFileSync(join(dir, 'expected.jsonl'), `${JSON.stringify(line)}\n`);
    const corpus = await loadCorpus(dir);
    return checkFile(corpus, corpus.rows[0]!);
  }

  // An lm-eval file of a complete run with a perplexity beside other metrics.
  const LM = subset.rows.find(
    (r) =>
      r.format === 'lm-eval' &&
      (subset.expected.get(r.id)!.records as LmEvalExpected[]).some(
        (e) => e.metric === 'perplexity' && !e.partial,
      ),
  )!.id;
  const records = (line: ExpectedLine) => line.records as LmEvalExpected[];

  test('passes the unedited file', async () => {
    expect((await tampered(LM, () => {})).failures).toEqual([]);
  });

  test('reports a value that differs by more than 1e-9 relative', async () => {
    const outcome = await tampered(LM, (line) => {
      const r = records(line).find((e) => e.value !== null && e.value !== 0)!;
      r.value = r.value! * (1 + 1e-8);
    });
    expect(outcome.failures.join('\n')).toMatch(/reader: .*value .* ≠/);
    expect(outcome.failures.join('\n')).toMatch(/engine: .*value .* ≠/);
  });

  test('reports a record the reader emits that the independent reading does not list', async () => {
    const outcome = await tampered(LM, (line) => {
      line.records = records(line).slice(1);
    });
    expect(outcome.failures).toEqual([expect.stringMatching(/is not in expected\.jsonl$/)]);
  });

  test('reports an expected record the reader does not read', async () => {
    const outcome = await tampered(LM, (line) => {
      records(line).push({ ...records(line)[0]!, metric: 'acc_missing' });
    });
    expect(outcome.failures.join('\n')).toMatch(/expected record .*acc_missing.* not read/);
    expect(outcome.failures.join('\n')).toMatch(/engine: .*acc_missing.*not bound/);
  });

  test('reports a run status the reader and the engine do not share', async () => {
    const outcome = await tampered(LM, (line) => {
      records(line).forEach((e) => (e.partial = true));
    });
    expect(outcome.failures.join('\n')).toMatch(/reader: .*status success ≠ partial/);
    expect(outcome.failures.join('\n')).toMatch(/engine: .*ruled_out ≠ not_ruled_out/);
  });

  test('reports a file the corpus refuses that the reader accepts', async () => {
    const outcome = await tampered(LM, (line) => {
      line.refuse = 'not a results file';
    });
    expect(outcome.failures).toEqual([
      expect.stringMatching(/^accepted a file the corpus refuses/),
    ]);
  });

  test('reports a file whose bytes are not the ones committed', async () => {
    const outcome = await tampered(
      LM,
      () => {},
      (row) => (row.blob = '0'.repeat(40)),
    );
    expect(outcome.failures).toEqual([expect.stringMatching(/git blob id is [0-9a-f]{40}/)]);
  });

  test('counts a refusal the corpus expects as earned, and nothing else', async () => {
    const lfs = subset.rows.find((r) => subset.expected.get(r.id)!.refuse !== undefined)!;
    const outcome = await tampered(lfs.id, () => {});
    expect(outcome).toMatchObject({ failures: [], crash: null, earnedBlocks: 1 });
    expect(outcome.refused).toMatch(/^inspect-not-zip: .*Git LFS pointer/);
  });
});
