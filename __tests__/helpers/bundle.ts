/** The Action and the CLI bundled from the current sources, for tests that run them as users do. */
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The directory holding index.js (the Action) and cli.js, set by bundle-setup.ts. */
    bundleDir: string;
  }
}

/** The path of `index.js` (the Action) or `cli.js`, bundled from the sources under test. */
export function bundled(file: 'index.js' | 'cli.js'): string {
  const dir = inject('bundleDir');
  if (!dir)
    throw new Error(
      'no bundle of the sources: a test that runs the bundled Action or CLI belongs to the "bundled" project in vitest.config.ts',
    );
  return join(dir, file);
}
