// The tests `npm run test:mutation` runs against each mutant: the in-process unit tests, without
// - the `bundled` project (e2e and CLI tests), which runs a pre-built bundle that holds no mutant;
// - the property tests, whose random inputs would make a mutant's fate depend on the seed (and
//   so the incremental report on the run), and which compute fixtures when their file loads,
//   making every mutant they reach "static", to be re-tested by every test file;
// - the Postgres tests, which need a database server (`npm run test:postgres`).
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
    ],
  },
});
