/**
 * The branch's history, judged: each first-parent commit of HEAD read from local git and judged as
 * a state at its committer date, kept as a small CommitSummary. Files are read through one
 * `git cat-file --batch` and parsed once per blob (the parse cache), so the cost of a history
 * follows what its commits change. Commits are judged one at a time: only the summaries and the
 * cache are held.
 */
import type { DecisionRecord, Levels } from '../core/decision.js';
import { InputError, isInputError } from '../core/errors.js';
import { NO_WRITERS, type ReviewContext } from '../core/inputs.js';
import { checkTrees } from '../gate/check-trees.js';
import { createParseCache, type ParseCache } from '../repository/load-repository.js';
import type { TreeEntry } from '../repository/tree.js';
import {
  createGitTree,
  listCommitFiles,
  runGit,
  startBlobReader,
  updateCommitFiles,
} from './git-tree.js';
import type { BenchmarkValue, CommitInfo, CommitSummary } from './report-data.js';

export interface HistoryOptions {
  /** A directory inside a git work tree (the --root); its path inside the repository is the prefix. */
  root: string;
  policyPath: string;
  /** First-parent commits of HEAD: at most `limit` newest, or those committed on/after `since`. */
  limit?: number;
  since?: Date;
  fallbackPreset?: string;
  /** Told of every blob read from git (tests and benchmarks count them). */
  onBlobRead?: (id: string) => void;
  /** Told of each commit's summary as it is judged (progress). */
  onCommit?: (summary: CommitSummary, index: number, total: number) => void;
}

/** A history judges states: nobody reviewed anything. */
const NO_REVIEWS: ReviewContext = {
  author: null,
  writers: NO_WRITERS,
  headSha: null,
  reviews: [],
  confirmations: [],
  teams: null,
};

interface Repository {
  /** The work tree's top directory. */
  top: string;
  /** The root's path inside it: `''` or `dir/`. */
  prefix: string;
}

/** The git work tree `root` is in, or null when it is in none. */
async function locate(root: string): Promise<Repository | null> {
  let output: string;
  try {
    output = (await runGit(root, ['rev-parse', '--show-toplevel', '--show-prefix'])).toString(
      'utf8',
    );
  } catch {
    return null;
  }
  const [top, prefix = ''] = output.split('\n');
  return top ? { top, prefix } : null;
}

/** `git log` fields: sha, committer time (Unix seconds), author, subject; NUL-separated. */
const LOG_FORMAT = '--format=%H%x00%ct%x00%an%x00%s';

function commitsFrom(output: string): CommitInfo[] {
  const fields = output.split('\0');
  const out: CommitInfo[] = [];
  for (let i = 0; i + 3 < fields.length; i += 4) {
    const sha = fields[i]!.trim();
    if (sha === '') continue;
    out.push({
      sha,
      date: new Date(Number(fields[i + 1]) * 1000).toISOString().replace('.000Z', 'Z'),
      author: fields[i + 2]!,
      subject: fields[i + 3]!,
    });
  }
  return out;
}

/** The commit HEAD is at, or null when `root` is not in a git work tree (or HEAD has no commit). */
export async function headCommit(root: string): Promise<CommitInfo | null> {
  const repository = await locate(root);
  if (!repository) return null;
  try {
    const output = await runGit(repository.top, ['log', '-1', '-z', LOG_FORMAT, 'HEAD']);
    return commitsFrom(output.toString('utf8'))[0] ?? null;
  } catch {
    return null;
  }
}

/** The first-parent commits of HEAD that were asked for, oldest first. */
async function selectCommits(top: string, options: HistoryOptions): Promise<CommitInfo[]> {
  const args = ['log', '--first-parent', '-z', LOG_FORMAT];
  if (options.limit !== undefined) args.push('-n', String(options.limit));
  if (options.since !== undefined) args.push(`--since=${options.since.toISOString()}`);
  args.push('HEAD');
  return commitsFrom((await runGit(top, args)).toString('utf8')).reverse();
}

/**
 * The values a judgment read: every condition's deciding value (evidence, review and alert
 * conditions), once per model, benchmark, metric and file. A value equal to one of the previous
 * commit's is that same object, so a long history of unchanged values costs little memory.
 */
function valuesOf(record: DecisionRecord, previous: Map<string, BenchmarkValue>) {
  const values = new Map<string, BenchmarkValue>();
  for (const model of record.models) {
    for (const threshold of model.thresholds) {
      const conditions = [
        ...threshold.evidence,
        ...threshold.review,
        ...(threshold.alert?.conditions ?? []),
      ];
      for (const c of conditions) {
        if (c.value === null) continue;
        const key = `${model.id}\0${c.benchmark}\0${c.metric}\0${c.file ?? ''}\0${c.value}`;
        if (values.has(key)) continue;
        values.set(
          key,
          previous.get(key) ?? {
            model: model.id,
            benchmark: c.benchmark,
            metric: c.metric,
            value: c.value,
            file: c.file,
          },
        );
      }
    }
  }
  return values;
}

function levelsOf(record: DecisionRecord, previous: Record<string, Levels>) {
  const levels: Record<string, Levels> = {};
  for (const model of record.models) {
    const before = previous[model.id];
    const same =
      before?.deployment === model.levels.deployment && before.security === model.levels.security;
    levels[model.id] = same ? before : { ...model.levels };
  }
  return levels;
}

/**
 * `record` with each model decision and reason that equals one of `kept`'s replaced by that one:
 * the records a history keeps differ in a few models, and a 1,000-model record is tens of MB.
 * Records are data that nothing mutates, so sharing parts between them is safe.
 */
function shareParts(record: DecisionRecord, kept: DecisionRecord | null): DecisionRecord {
  if (!kept) return record;
  const keptModels = new Map(kept.models.map((m) => [m.id, m]));
  const models = record.models.map((model) => {
    const before = keptModels.get(model.id);
    return before && JSON.stringify(before) === JSON.stringify(model) ? before : model;
  });
  const keptReasons = new Map(kept.reasons.map((r) => [JSON.stringify(r), r]));
  const reasons = record.reasons.map((r) => keptReasons.get(JSON.stringify(r)) ?? r);
  return { ...record, models, reasons };
}

/** A model's level moved, a model came or went, or the verdict changed. */
function changed(summary: CommitSummary, before: CommitSummary | null): boolean {
  if (!before) return true;
  if (summary.decision !== before.decision) return true;
  const ids = Object.keys(summary.levels);
  if (ids.length !== Object.keys(before.levels).length) return true;
  return ids.some((id) => summary.levels[id] !== before.levels[id]);
}

/** Judges one commit; an input error (a policy that does not load) is the summary's `error`. */
async function judgeCommit(
  commit: CommitInfo,
  tree: Parameters<typeof checkTrees>[0]['head'],
  options: HistoryOptions,
  cache: ParseCache,
) {
  try {
    const { record } = await checkTrees({
      head: tree,
      base: null,
      policyPath: options.policyPath,
      now: new Date(commit.date),
      context: NO_REVIEWS,
      policyRef: commit.sha.slice(0, 7),
      cache,
      ...(options.fallbackPreset !== undefined ? { fallbackPreset: options.fallbackPreset } : {}),
    });
    return { record, error: null };
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { record: null, error: error.describe() };
  }
}

/** Oldest first. Each commit judged as a state at its committer date. */
export async function judgeHistory(options: HistoryOptions): Promise<CommitSummary[]> {
  const repository = await locate(options.root);
  if (!repository)
    throw new InputError(
      'history-not-git',
      'history is read from git, and this directory is not inside a git work tree',
      { file: options.root },
      'run in a clone of the repository (in CI, check out with `fetch-depth: 0`), or leave out --history and --since',
    );
  const commits = await selectCommits(repository.top, options).catch((error: unknown) => {
    throw new InputError(
      'history-unreadable',
      `the branch's commits could not be read: ${error instanceof Error ? error.message : String(error)}`,
      { file: options.root },
      'the branch needs at least one commit (and, in a shallow clone, its history: `fetch-depth: 0`)',
    );
  });
  const blobs = startBlobReader(repository.top, options.onBlobRead);
  const cache = createParseCache();
  const summaries: CommitSummary[] = [];
  // The last judged commit's summary, and its values by key (to share unchanged ones).
  let before: CommitSummary | null = null;
  let beforeValues = new Map<string, BenchmarkValue>();
  let lastKept: DecisionRecord | null = null;
  const { top, prefix } = repository;
  // The first commit is listed whole, each next one from the one before and what changed; the
  // next commit's files are listed by git while this one is judged.
  const list = (i: number, before: Promise<TreeEntry[]> | null) => {
    if (i >= commits.length) return null;
    const sha = commits[i]!.sha;
    const listing = before
      ? before.then((files) => updateCommitFiles(top, commits[i - 1]!.sha, sha, prefix, files))
      : listCommitFiles(top, sha, prefix);
    listing.catch(() => {}); // awaited in its turn; a run that stops before it must not crash on it
    return listing;
  };
  let listing = list(0, null);
  try {
    for (const [i, commit] of commits.entries()) {
      const files = await listing!;
      listing = list(i + 1, listing);
      const tree = createGitTree(commit.sha.slice(0, 7), files, blobs);
      const { record, error } = await judgeCommit(commit, tree, options, cache);
      // What this commit did not use is dropped; a commit that could not be judged used nothing.
      if (record !== null) cache.sweep();
      let summary: CommitSummary;
      if (record === null) {
        // Fails closed: a commit that cannot be judged blocks, for the one reason it gives.
        summary = { commit, decision: 'block', levels: {}, values: [], blocking: 1, record, error };
      } else {
        const values = valuesOf(record, beforeValues);
        summary = {
          commit,
          decision: record.decision,
          levels: levelsOf(record, before?.levels ?? {}),
          values: [...values.values()],
          blocking: record.reasons.filter((r) => r.severity === 'block').length,
          record: null,
          error: null,
        };
        const newest = i === commits.length - 1;
        if (newest || changed(summary, before)) {
          summary.record = shareParts(record, lastKept);
          lastKept = summary.record;
        }
        before = summary;
        beforeValues = values;
      }
      summaries.push(summary);
      options.onCommit?.(summary, i, commits.length);
    }
  } finally {
    blobs.close();
  }
  return summaries;
}
