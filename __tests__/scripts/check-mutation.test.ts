/**
 * scripts/check-mutation.ts, the gate on Stryker's report that `npm run test:mutation` runs: a
 * living mutant in the trust and approval code fails it, with file, line and mutator; elsewhere
 * it is only counted.
 */
import { describe, expect, test } from 'vitest';
import { checkReport, table, type Report } from '../../scripts/check-mutation.js';

const TRUST = ['src/core/people.ts', 'src/github/checklist.ts'];

function mutant(status: string, line = 1, mutatorName = 'ConditionalExpression') {
  return { mutatorName, replacement: 'true', location: { start: { line, column: 5 } }, status };
}

function report(files: Record<string, string[]>): Report {
  return {
    files: Object.fromEntries(
      Object.entries(files).map(([file, statuses]) => [
        file,
        { mutants: statuses.map((s, i) => mutant(s, i + 10)) },
      ]),
    ),
  };
}

describe('check-mutation', () => {
  test('passes when every mutant of the trust files is killed, timed out or marked equivalent', () => {
    const verdict = checkReport(
      report({
        'src/core/people.ts': ['Killed', 'Timeout', 'Ignored'],
        'src/github/checklist.ts': ['Killed'],
      }),
      TRUST,
    );
    expect(verdict.failures).toEqual([]);
    expect(verdict.scores[0]).toEqual({
      file: 'src/core/people.ts',
      killed: 1,
      survived: 0,
      noCoverage: 0,
      timeout: 1,
      equivalent: 1,
      other: 0,
      score: 100,
    });
  });

  test('fails on a surviving or uncovered mutant of a trust file, naming file:line and mutator', () => {
    const verdict = checkReport(
      report({
        'src/core/people.ts': ['Killed', 'Survived'],
        'src/github/checklist.ts': ['NoCoverage'],
      }),
      TRUST,
    );
    expect(verdict.failures).toEqual([
      'src/core/people.ts:11:5 ConditionalExpression survived (→ true)',
      'src/github/checklist.ts:10:5 ConditionalExpression not covered by any test (→ true)',
    ]);
    expect(verdict.scores.map((s) => [s.file, s.score])).toEqual([
      ['src/core/people.ts', 50],
      ['src/github/checklist.ts', 0],
    ]);
  });

  test('reports but does not fail on living mutants outside the trust files', () => {
    const verdict = checkReport(
      report({
        'src/core/people.ts': ['Killed'],
        'src/github/checklist.ts': ['Killed'],
        'src/core/conditions.ts': ['Survived', 'Killed', 'Killed', 'Killed'],
      }),
      TRUST,
    );
    expect(verdict.failures).toEqual([]);
    const printed = table(verdict.scores, TRUST);
    expect(printed).toMatch(/^ {2}src\/core\/conditions\.ts +3 +1 +0 +0 +0 +0 +75\.0%$/m);
    expect(printed).toMatch(/^\* src\/core\/people\.ts +1 +0 +0 +0 +0 +0 +100\.0%$/m);
  });

  test('fails when a trust file is missing from the report: nothing about it was proved', () => {
    const verdict = checkReport(report({ 'src/core/people.ts': ['Killed'] }), TRUST);
    expect(verdict.failures).toEqual([
      'src/github/checklist.ts: not in the report, so none of its mutants was tested',
    ]);
  });
});
