/**
 * `rsp-gate check | validate | explain | init | presets`. Exit codes: 0 pass, 1 block,
 * 2 invalid input or usage.
 */
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DecisionRecord } from '../core/decision.js';
import { isInputError } from '../core/errors.js';
import { STATE_CONTEXT } from '../core/inputs.js';
import {
  checkTrees,
  DEFAULT_POLICY_PATH,
  hasInvalidInput,
  loadPolicyFrom,
} from '../gate/check-trees.js';
import { DEFAULT_PRESET, presetNames } from '../policy/presets.js';
import { loadPreset } from '../policy/load-policy.js';
import type { Policy } from '../policy/types.js';
import { createLocalTree } from '../repository/local-tree.js';
import { loadRepository } from '../repository/load-repository.js';
import { renderExplanation } from '../render/render-explanation.js';
import { describeHistoryScope, type CommitInfo } from '../report/report-data.js';
import { renderMarkdown } from '../render/render-markdown.js';
import { renderText } from '../render/render-text.js';
import { starterPolicy, starterWorkflow } from './starter-files.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** The clock; the CLI's `--now` overrides it. */
  now(): Date;
}

export const EXIT_PASS = 0;
export const DEFAULT_REPORT_PATH = 'rsp-gate-report.html';
export const EXIT_BLOCK = 1;
export const EXIT_INVALID = 2;

const USAGE = `usage: rsp-gate <command> [options]

commands:
  check     evaluate a repository tree (optionally against a base tree)
              --root DIR   tree to judge (default: .)
              --base DIR   base tree: judge root as a change against it
              --policy FILE  policy path inside the tree (default: ${DEFAULT_POLICY_PATH})
              --format text|json|markdown   (default: text)
              --now YYYY-MM-DD   evaluate as of this date (default: today)
  validate  schema-check the policy, cards, evidence and attestations  [--root DIR] [--policy FILE]
  explain   the full reasoning for one model: rsp-gate explain MODEL [--root DIR] [--base DIR]
  init      write a starter policy and workflow  [--root DIR] [--preset NAME]
  report    write a self-contained HTML page of where every model stands, its margins to each
            threshold, trends, sign-offs and expiries
              --root DIR   tree to report on (default: .)
              --history N  also judge the last N first-parent commits (local git)
              --since DATE also judge the first-parent commits since DATE (instead of --history)
              --now YYYY-MM-DD   judge the current state as of this date (default: today)
              --out FILE   where to write the page (default: ${DEFAULT_REPORT_PATH})
              --redact     leave out evidence paths and values (for a page published widely)
              --policy FILE  policy path inside the tree (default: ${DEFAULT_POLICY_PATH})
  presets   list the built-in presets: version, digest, document, what each does not enforce
  serve     run the GitHub App server (the same as \`node dist/app.js\`); configured by the
            environment: APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT, DATABASE_URL (README)

exit codes: 0 pass, 1 block, 2 invalid input`;

function parseNow(value: string | undefined, io: Io): Date {
  if (value === undefined) return io.now();
  if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--now: \`${value}\` is not a date (YYYY-MM-DD)`);
  }
  return new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
}

class UsageError extends Error {}

/** A YYYY-MM-DD option, as midnight UTC of that day. */
function parseDay(option: string, value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new UsageError(`${option}: \`${value}\` is not a date (YYYY-MM-DD)`);
  return new Date(`${value}T00:00:00Z`);
}

async function check(args: string[], io: Io, explainModel: string | null): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      root: { type: 'string', default: '.' },
      base: { type: 'string' },
      policy: { type: 'string', default: DEFAULT_POLICY_PATH },
      format: { type: 'string', default: 'text' },
      now: { type: 'string' },
    },
    allowPositionals: false,
  });
  const format = values.format!;
  if (!['text', 'json', 'markdown'].includes(format))
    throw new UsageError(`--format must be text, json or markdown, not \`${format}\``);
  const root = resolve(io.cwd, values.root!);
  if (!existsSync(root)) throw new UsageError(`--root: ${values.root} does not exist`);
  const base = values.base !== undefined ? resolve(io.cwd, values.base) : null;
  if (base !== null && !existsSync(base))
    throw new UsageError(`--base: ${values.base} does not exist`);
  const result = await checkTrees({
    head: createLocalTree(root, relative(io.cwd, root) || '.'),
    base: base ? createLocalTree(base, relative(io.cwd, base) || '.') : null,
    policyPath: values.policy!,
    now: parseNow(values.now, io),
    context: STATE_CONTEXT,
    policyRef: base ? 'base' : undefined,
  });
  const { record } = result;
  if (explainModel !== null) {
    const model = record.models.find((m) => m.id.toLowerCase() === explainModel.toLowerCase());
    if (!model) {
      io.err(
        `rsp-gate: no model \`${explainModel}\` in ${values.root}; models: ${record.models.map((m) => m.id).join(', ') || 'none'}\n`,
      );
      return EXIT_INVALID;
    }
    io.out(renderExplanation(record, model, result.policy));
  } else if (format === 'json') io.out(`${JSON.stringify(record, null, 2)}\n`);
  else if (format === 'markdown') io.out(renderMarkdown(record));
  else io.out(renderText(record));
  if (hasInvalidInput(result)) return EXIT_INVALID;
  if (record.decision === 'block' && record.mode === 'enforce') return EXIT_BLOCK;
  return EXIT_PASS;
}

async function validate(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      root: { type: 'string', default: '.' },
      policy: { type: 'string', default: DEFAULT_POLICY_PATH },
    },
  });
  const root = resolve(io.cwd, values.root!);
  const tree = createLocalTree(root, values.root!);
  const { policy } = await loadPolicyFrom(tree, values.policy!);
  const state = await loadRepository(tree, policy);
  const problems = [...state.problems, ...state.models.flatMap((m) => m.artifactErrors)];
  const records = state.models.reduce((n, m) => n + m.evidence.length, 0);
  const files = new Set(state.models.flatMap((m) => m.evidence.map((r) => r.file))).size;
  for (const p of problems)
    io.err(
      `${p.file}${p.line !== null ? `:${p.line}` : ''}${p.column ? `:${p.column}` : ''}: ${p.message}${p.hint ? ` — ${p.hint}` : ''}\n`,
    );
  io.out(
    `policy ${values.policy} (${policy.extends ? `extends ${policy.extends}, ` : ''}${policy.thresholds.length} thresholds, ${policy.safeguards.length} safeguards): valid\n`,
  );
  io.out(
    `${state.models.length} model cards, ${records} evidence records from ${files} files, ${state.attestations.length} attestations: ${problems.length === 0 ? 'valid' : `${problems.length} invalid`}\n`,
  );
  return problems.length === 0 ? EXIT_PASS : EXIT_INVALID;
}

/** `path` as a user reads it: relative to where they are, unless it lies outside. */
function shownPath(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  return shown === '' || shown.startsWith('..') ? path : shown;
}

/** `--history N`: a whole number of commits, at least 1. */
function parseHistory(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100_000)
    throw new UsageError(`--history: \`${value}\` is not a number of commits (1 or more)`);
  return Number(value);
}

async function report(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      root: { type: 'string', default: '.' },
      history: { type: 'string' },
      since: { type: 'string' },
      now: { type: 'string' },
      out: { type: 'string', default: DEFAULT_REPORT_PATH },
      redact: { type: 'boolean', default: false },
      policy: { type: 'string', default: DEFAULT_POLICY_PATH },
    },
    allowPositionals: false,
  });
  if (values.history !== undefined && values.since !== undefined)
    throw new UsageError('--history and --since: give one of them');
  const limit = values.history !== undefined ? parseHistory(values.history) : undefined;
  const since = values.since !== undefined ? parseDay('--since', values.since) : undefined;
  const now = parseNow(values.now, io);
  const root = resolve(io.cwd, values.root!);
  if (!existsSync(root)) throw new UsageError(`--root: ${values.root} does not exist`);
  const { judgeHistory, headCommit, ignoredFiles, isShallow, uncommittedChanges } =
    await import('../report/git-history.js');
  const { buildReport } = await import('../report/build-report.js');
  const out = resolve(io.cwd, values.out!);
  const head = await headCommit(root);
  // A work tree that is not HEAD's is judged as it is, and the page does not name HEAD for it.
  const changed = head ? await uncommittedChanges(root, [out]) : [];
  const wantsHistory = limit !== undefined || since !== undefined;
  if (wantsHistory && head === null)
    throw new UsageError(`--history/--since: ${values.root} is not inside a git work tree`);
  const history = wantsHistory
    ? await judgeHistory({
        root,
        policyPath: values.policy!,
        ...(limit !== undefined ? { limit } : {}),
        ...(since !== undefined ? { since } : {}),
      })
    : [];
  // A shallow clone holds fewer commits than the branch: the page and the command say so.
  const cut =
    wantsHistory && (limit === undefined || history.length < limit) && (await isShallow(root));
  if (cut)
    io.err(
      `rsp-gate report: the clone is shallow, so only ${history.length} commit${history.length === 1 ? ' was' : 's were'} there to judge; ` +
        'run `git fetch --unshallow` (in CI, check out with `fetch-depth: 0`) for the whole history\n',
    );
  const label = relative(io.cwd, root) || basename(root);
  const build = (commit: CommitInfo | null) =>
    buildReport({
      tree: createLocalTree(root, label),
      policyPath: values.policy!,
      now,
      repository:
        head && commit === null
          ? `${label}, uncommitted changes on ${head.sha.slice(0, 7)}`
          : label,
      commit,
      history,
      historyScope: wantsHistory
        ? `${describeHistoryScope({ limit, since, judged: history.length })}` +
          `${cut ? '; the clone is shallow: its history stops there' : ''}`
        : null,
      redact: values.redact!,
    });
  let result = await build(changed.length > 0 ? null : head);
  // Files git ignores are read too where the card's globs reach them: a page that read one is
  // not HEAD's either (judged again, naming no commit; rare, so paid only then).
  if (head && changed.length === 0) {
    changed.push(...ignoredRead(root, result.record, await ignoredFiles(root)));
    if (changed.length > 0) result = await build(null);
  }
  if (head && changed.length > 0)
    io.err(
      `rsp-gate report: the work tree has uncommitted changes (${changed.slice(0, 3).join(', ')}` +
        `${changed.length > 3 ? `, +${changed.length - 3}` : ''}); the page reports the work tree, not ${head.sha.slice(0, 7)}\n`,
    );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, result.html);
  const models = result.data.overview.length;
  io.out(
    `wrote ${shownPath(io.cwd, out)}: ${models} model${models === 1 ? '' : 's'}, decision ${result.record.decision}` +
      `${wantsHistory ? `, ${history.length} commit${history.length === 1 ? '' : 's'} of history` : ''}` +
      `${values.redact ? ', redacted' : ''}\n`,
  );
  if (!result.invalidInput) return EXIT_PASS;
  io.err(
    'rsp-gate report: some files could not be read; the page lists them (run `rsp-gate validate`)\n',
  );
  return EXIT_INVALID;
}

/** The ignored files (physical absolute paths) that the judgment read: cards and evidence. */
function ignoredRead(root: string, record: DecisionRecord, ignored: string[]): string[] {
  if (ignored.length === 0) return [];
  const top = realpathSync(root);
  const read = new Set(
    record.models.flatMap((m) => [m.card, ...m.evidence.files]).map((p) => join(top, p)),
  );
  return ignored.filter((p) => read.has(p)).map((p) => relative(top, p));
}

function init(args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: {
      root: { type: 'string', default: '.' },
      preset: { type: 'string', default: DEFAULT_PRESET },
    },
  });
  const preset = values.preset!;
  if (!presetNames().includes(preset))
    throw new UsageError(
      `--preset: unknown preset \`${preset}\`; built-in presets: ${presetNames().join(', ')}`,
    );
  // The preset itself must load before we point a user at it; the policy pins its version.
  const { version } = loadPreset(preset).preset!;
  const root = resolve(io.cwd, values.root!);
  const files = [
    [join(root, DEFAULT_POLICY_PATH), starterPolicy(preset, version)],
    [join(root, '.github/workflows/rsp-gate.yml'), starterWorkflow()],
  ] as const;
  const existing = files
    .filter(([path]) => existsSync(path))
    .map(([path]) => relative(io.cwd, path));
  if (existing.length > 0) {
    io.err(`rsp-gate init: not overwriting ${existing.join(', ')}\n`);
    return EXIT_INVALID;
  }
  for (const [path, text] of files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    io.out(`wrote ${relative(io.cwd, path)}\n`);
  }
  io.out(`next: fill in the role members in ${DEFAULT_POLICY_PATH}, then run \`rsp-gate check\`\n`);
  return EXIT_PASS;
}

/** One preset as `rsp-gate presets` lists it; every line after the name is indented. */
export function presetListing(policy: Policy): string {
  const preset = policy.preset!;
  const name = preset.name;
  const marker = name === DEFAULT_PRESET ? ' (default)' : '';
  const notEnforced =
    preset.notEnforced.length === 0
      ? ['  not enforced: none listed']
      : [
          `  not enforced (${preset.notEnforced.length}):`,
          ...preset.notEnforced.map((n) => `    - ${n.element}: ${n.why} (${n.source})`),
        ];
  return [
    `${name}${marker}`,
    `  ${policy.name ?? name}`,
    `  version ${preset.version}, sha256 ${preset.sha256.slice(0, 12)}; pin it with \`extends: ${name}@${preset.version}\``,
    `  document: ${preset.document ?? 'not named'}`,
    `  levels ${policy.levels.join(' < ')}; ${policy.thresholds.length} thresholds, ${policy.safeguards.length} safeguards, ${policy.signoffs.length} sign-off rules, ${policy.triggers.length} triggers`,
    ...notEnforced,
  ].join('\n');
}

function presets(io: Io): number {
  const listings = presetNames().map((name) => presetListing(loadPreset(name)));
  io.out(`${listings.join('\n\n')}\n`);
  return EXIT_PASS;
}

/** The App server, until SIGTERM or SIGINT stops it (after the running jobs). */
async function serve(io: Io): Promise<number> {
  const { startApp } = await import('../app/start.js');
  const { ConfigError } = await import('../app/config.js');
  let app;
  try {
    app = await startApp(process.env, io.out);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`rsp-gate serve: ${error.message}\n`);
    return EXIT_INVALID;
  }
  const running = app;
  await new Promise<void>((resolve) => {
    const stop = () => void running.close().then(resolve);
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  // The running jobs are done: a request still retrying (a sweep's) must not keep it alive.
  process.exit(EXIT_PASS);
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, io, null);
      case 'explain': {
        const [model, ...options] = rest;
        if (!model || model.startsWith('-'))
          throw new UsageError('explain needs a model id, e.g. `rsp-gate explain acme/frontier-7`');
        return await check(options, io, model);
      }
      case 'validate':
        return await validate(rest, io);
      case 'init':
        return init(rest, io);
      case 'presets':
        return presets(io);
      case 'report':
        return await report(rest, io);
      case 'serve':
        return await serve(io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(`${USAGE}\n`);
        return command === undefined ? EXIT_INVALID : EXIT_PASS;
      default:
        throw new UsageError(`unknown command \`${command}\``);
    }
  } catch (error) {
    if (isInputError(error)) {
      io.err(`rsp-gate: ${error.describe()}\n`);
      return EXIT_INVALID;
    }
    if (
      error instanceof UsageError ||
      (error instanceof TypeError &&
        (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`rsp-gate: ${error.message}\n\n${USAGE}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
}
