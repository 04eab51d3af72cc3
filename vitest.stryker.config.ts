// The tests `npm run test:mutation` runs against each mutant: the in-process unit tests, without
// - the `bundled` project (e2e and CLI tests), which runs a pre-built bundle that holds no mutant;
// - the property tests, whose random inputs would make a mutant's fate depend on the seed (and
//   so the incremental report on the run), and which compute fixtures when their file loads,
//   making every mutant they reach "static", to be re-tested by every test file;
// - the Postgres tests, which need a database server (`npm run test:postgres`);
// - the browser tests, which need Chromium (`npm run test:browser`);
// - the report's tests, which build git repositories and render pages: they judge through the
//   engine, but test what the report shows of a judgment, not the judgment (each would add seconds
//   to every trust-file mutant it reaches).
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    include: ['__tests__/**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      '__tests__/e2e/**',
      '__tests__/cli/cli.test.ts',
      '__tests__/property/**',
      '__tests__/postgres/**',
      '__tests__/browser/**',
      '__tests__/report/**',
      '__tests__/cli/report-command.test.ts',
      '__tests__/app/report-*.test.ts',
    ],
  },
});
