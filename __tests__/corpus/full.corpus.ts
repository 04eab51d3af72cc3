/**
 * The whole real-world corpus through the readers and the engine (`npm run test:corpus`).
 * The corpus is ../shared/corpus beside the project, or the directory RSP_GATE_CORPUS names.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { describeFailures, loadCorpus, runCorpus, summaryLine } from './harness.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = resolve(root, process.env.RSP_GATE_CORPUS ?? '../shared/corpus');

test('every corpus file is read and judged as the independent reading says', async () => {
  expect(existsSync(resolve(dir, 'manifest.csv')), `no corpus at ${dir}`).toBe(true);
  const summary = await runCorpus(await loadCorpus(dir));
  const failures = describeFailures(summary);
  if (failures !== '') console.log(failures);
  console.log(summaryLine(summary));
  expect(failures).toBe('');
  expect(summary.elapsedMs).toBeLessThan(10 * 60 * 1000);
});
