// Bundles the Action, the CLI and the App server into self-contained ES modules in dist/. What only
// some runs need (the report: Vega, the artifact client) is imported dynamically and split into
// dist/chunks/, so that a run with nothing to report does not parse it (the cold-start bench).
import { readFileSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';

/** `import text from './file.yml?raw'`: the file's text as a string (Vite does the same in tests). */
function rawText() {
  return {
    name: 'raw-text',
    resolveId(source, importer) {
      if (!source.endsWith('?raw') || !importer) return null;
      return new URL(source.slice(0, -4), `file://${importer}`).pathname + '?raw';
    },
    load(id) {
      if (!id.endsWith('?raw')) return null;
      return `export default ${JSON.stringify(readFileSync(id.slice(0, -4), 'utf8'))};`;
    },
  };
}

/** Silence what third-party packages do by design (TypeScript's `this` helpers, cycles). */
function onwarn(warning, warn) {
  const inDependency = (id) => id?.includes('node_modules');
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.some(inDependency)) return;
  if (warning.code === 'THIS_IS_UNDEFINED' && inDependency(warning.id)) return;
  warn(warning);
}

const plugins = () => [
  rawText(),
  typescript({
    tsconfig: './tsconfig.json',
    noEmit: false,
    outDir: 'dist',
    declaration: false,
    sourceMap: false,
    include: ['src/**/*.ts'],
  }),
  nodeResolve({ preferBuiltins: true }),
  commonjs(),
  json({ preferConst: true }),
];

/**
 * One build of the three entry points (dist/index.js, dist/cli.js, dist/app.js): the sources are
 * transformed once, code two entries share is one chunk in dist/chunks/, and each dynamic import
 * is a chunk loaded only when it runs.
 */
export default {
  input: { index: 'src/index.ts', cli: 'src/cli.ts', app: 'src/app/main.ts' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
  },
  plugins: plugins(),
  onwarn,
};
