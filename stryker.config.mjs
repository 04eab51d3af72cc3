// @ts-check
/**
 * StrykerJS mutation testing of the engine and the approval and trust code: `npm run
 * test:mutation` runs it, then scripts/check-mutation.ts fails on any mutant of the trust files
 * that survived or that no test covers (the other files are reported, not failed).
 *
 * The tests are the in-process unit tests (vitest.stryker.config.ts). The run is incremental:
 * reports/stryker-incremental.json is committed, so a fresh clone re-tests only the mutants whose
 * source or tests changed; commit it again after a run that changed it. One test process by
 * default (the development machine is shared); CI sets STRYKER_CONCURRENCY=2.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts' },
  // The trust and approval files (scripts/check-mutation.ts TRUST), whose every mutant must die.
  // STRYKER_MUTATE_ALL=1 mutates the whole engine as well, for the report's other scores: since
  // the App's tests (issue 12) cover most of the engine, that re-tests every surviving mutant of
  // the other files at each test change (an hour and more at two processes), too long for CI.
  mutate: process.env.STRYKER_MUTATE_ALL
    ? ['src/core/**/*.ts', 'src/github/checklist.ts', 'src/github/change-writers.ts']
    : [
        'src/core/people.ts',
        'src/core/judge-safeguards.ts',
        'src/core/judge-thresholds.ts',
        'src/core/independence.ts',
        'src/core/evaluate.ts',
        'src/core/declared-levels.ts',
        'src/github/checklist.ts',
        'src/github/change-writers.ts',
      ],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: 'reports/.stryker-tmp',
  cleanTempDir: true,
  timeoutMS: 10_000,
};
