// Loaded with `node --import tsx --import ./bench/raw-import.mjs`: the sources' `?raw` imports (the
// presets' YAML), which Vite and the bundle resolve, as modules whose default export is the text.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { readFile } from 'node:fs/promises';
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('?raw')) return next(url, context);
  const text = await readFile(new URL(url.slice(0, -4)), 'utf8');
  return { format: 'module', source: 'export default ' + JSON.stringify(text) + ';', shortCircuit: true };
}
`)}`,
);
