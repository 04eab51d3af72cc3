// `npm run test:browser`: the report page in the system's Chromium (playwright-core pointed at
// /usr/bin/chromium, Google Chrome or RSP_GATE_CHROMIUM; never a downloaded browser). Kept out of
// `npm test`, which needs no system packages: .ci/run installs Debian's Chromium, then runs this.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/browser/**/*.browser.test.ts'],
    // The report is written by the CLI as users run it: a bundle of the current sources.
    globalSetup: ['__tests__/helpers/bundle-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // One browser at a time on a small machine.
    fileParallelism: false,
  },
});
