import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that run the Action or the CLI as a bundle: they get a bundle of the current sources. */
const BUNDLED = ['__tests__/e2e/**/*.test.ts', '__tests__/cli/cli.test.ts'];
/** Tests on a real Postgres server: `npm run test:postgres` (vitest.postgres.config.ts) runs them. */
const POSTGRES = ['__tests__/postgres/**'];
/** Tests in the system's Chromium: `npm run test:browser` (vitest.browser.config.ts) runs them. */
const BROWSER = ['__tests__/browser/**'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['__tests__/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...BUNDLED, ...POSTGRES, ...BROWSER],
        },
      },
      {
        extends: true,
        test: {
          name: 'bundled',
          include: BUNDLED,
          // Bundles src/ once per run, and only when a bundled test is among those run.
          globalSetup: ['__tests__/helpers/bundle-setup.ts'],
        },
      },
    ],
  },
});
