/**
 * Vitest global setup: bundle the current sources for the tests that run the Action and the CLI
 * as users do (a child process running one bundled file).
 *
 * Those tests used to run the committed dist/, so after a source edit they tested the old build.
 * This setup bundles src/ with the project's own rollup.config.js (same entry points, same
 * plugins) into node_modules/.cache/rsp-gate-dist/<hash of the inputs>/ and hands the directory
 * to the tests (`bundled('cli.js')` in bundle.ts). `npm run check-dist` still checks that the
 * committed dist/ is what the sources build.
 *
 * One difference from `npm run bundle`, for speed: the TypeScript plugin is replaced by
 * TypeScript's own per-file transpiler. The project compiles with `isolatedModules`, so each
 * file's output is the same; type errors are `npm run typecheck`'s to report, as in the rest of
 * the suite (vitest does not type-check either). A bundle whose inputs have not changed is
 * reused, and the directory is named by the hash so that runs side by side never share a
 * half-written bundle.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup, type OutputOptions, type Plugin, type RollupOptions } from 'rollup';
import ts from 'typescript';
import type { TestProject } from 'vitest/node';

const ROOT = join(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/rsp-gate-dist');
/** What the bundle is made from: a change to any of these makes a new bundle. */
const INPUTS = [
  'src',
  'schemas',
  'rollup.config.js',
  'tsconfig.json',
  'package-lock.json',
  relative(ROOT, import.meta.filename),
];

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

function inputsHash(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS)
    for (const file of filesUnder(join(ROOT, input))) {
      hash.update(`${relative(ROOT, file)}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  return hash.digest('hex').slice(0, 16);
}

/** TypeScript → JavaScript one file at a time, with the project's compiler options. */
function transpileTypeScript(): Plugin {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const compilerOptions: ts.CompilerOptions = {
    ...options,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: false,
    declaration: false,
    sourceMap: false,
  };
  return {
    name: 'transpile-typescript',
    resolveId(source, importer) {
      // Sources import each other as `./file.js` (NodeNext): the file on disk is `./file.ts`.
      if (!importer?.endsWith('.ts') || !source.startsWith('.') || !source.endsWith('.js'))
        return null;
      const path = join(dirname(importer), source.slice(0, -3) + '.ts');
      return existsSync(path) ? path : null;
    },
    transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const out = ts.transpileModule(code, {
        compilerOptions,
        fileName: id,
        reportDiagnostics: true,
      });
      const errors = (out.diagnostics ?? []).filter(
        (d) => d.category === ts.DiagnosticCategory.Error,
      );
      if (errors.length > 0)
        this.error(
          `${relative(ROOT, id)}: ${errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`,
        );
      return { code: out.outputText, map: null };
    },
  };
}

/** rollup.config.js's build, written to `dir` and transpiled without type checking. */
async function bundleInto(dir: string): Promise<void> {
  const file = pathToFileURL(join(ROOT, 'rollup.config.js')).href;
  const config = ((await import(file)) as { default: RollupOptions }).default;
  const plugins = (config.plugins as Plugin[]).map((p) =>
    p.name === 'typescript' ? transpileTypeScript() : p,
  );
  if (!plugins.some((p) => p.name === 'transpile-typescript'))
    throw new Error('rollup.config.js has no typescript plugin to replace');
  const build = await rollup({ ...config, plugins });
  try {
    await build.write({ ...(config.output as OutputOptions), dir });
  } finally {
    await build.close();
  }
}

/** Bundles of older sources that no run has used for an hour. */
function pruneOld(keep: string): void {
  const hour = Date.now() - 3_600_000;
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (name !== keep && statSync(path).mtimeMs < hour)
      rmSync(path, { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  const hash = inputsHash();
  const dir = join(CACHE, hash);
  if (!['index.js', 'cli.js', 'app.js'].every((file) => existsSync(join(dir, file)))) {
    const building = `${dir}.${process.pid}.tmp`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    try {
      await bundleInto(building);
      renameSync(building, dir);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      // Another run built the same sources first: use its bundle. Anything else fails the run.
      if (!existsSync(join(dir, 'index.js'))) throw error;
    }
    console.log(
      `rsp-gate: bundled the current sources in ${Date.now() - started} ms (${relative(ROOT, dir)})`,
    );
  }
  const now = new Date();
  utimesSync(dir, now, now); // in use: not pruned by a run of other sources
  pruneOld(hash);
  project.provide('bundleDir', dir);
}
