// `npm run test:corpus`: the conformance harness over the whole real-world corpus
// (../shared/corpus, or RSP_GATE_CORPUS). Kept out of `npm test`, which reads the subset only.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/corpus/**/*.corpus.ts'],
    testTimeout: 600_000,
    // The summary line goes straight to the terminal, not through vitest's log capture.
    disableConsoleIntercept: true,
  },
});
