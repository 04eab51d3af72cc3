/**
 * The example repositories' files as text by path (`examples/<dir>`), as the e2e tests load them
 * into the fake GitHub's commits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalTree } from '../../src/repository/local-tree.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');

export async function exampleTexts(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await createLocalTree(join(EXAMPLES, dir)).list(''))
    files[entry.path] = readFileSync(join(EXAMPLES, dir, entry.path), 'utf8');
  return files;
}
