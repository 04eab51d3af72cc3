/** The Action, the CLI and the App bundled from the current sources, for tests that run them as users do. */
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The directory holding index.js (the Action), cli.js and app.js, set by bundle-setup.ts. */
    bundleDir: string;
  }
}

/** The path of `index.js` (the Action), `cli.js` or `app.js`, bundled from the sources under test. */
export function bundled(file: 'index.js' | 'cli.js' | 'app.js'): string {
  const dir = inject('bundleDir');
  if (!dir)
    throw new Error(
      'no bundle of the sources: a test that runs the bundled Action or CLI belongs to the "bundled" project in vitest.config.ts',
    );
  return join(dir, file);
}
