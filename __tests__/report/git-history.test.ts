/**
 * The branch's history judged from local git: a temporary repository built from the example's
 * files, commit by commit with pinned dates, judged by `judgeHistory` as a user of the report
 * would check it (levels per commit, values, which records are kept), and the point of reading
 * history from git: a blob that does not change is read and parsed once.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyFrom } from '../../src/gate/check-trees.js';
import { createParseCache, loadRepository } from '../../src/repository/load-repository.js';
import { headCommit, judgeHistory } from '../../src/report/git-history.js';
import {
  createGitTree,
  listCommitFiles,
  runGit,
  startBlobReader,
  updateCommitFiles,
} from '../../src/report/git-tree.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/acme-models');
const POLICY = '.github/rsp-policy.yml';
const UPLIFT = 'models/frontier-7/evals/uplift-trial-2026-11.evidence.yml';
const F7 = 'acme/frontier-7';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A git repository whose work tree holds the example under `sub` ('' for the top). */
function exampleRepository(sub = ''): { top: string; root: string } {
  const top = mkdtempSync(join(tmpdir(), 'rsp-gate-history-'));
  dirs.push(top);
  const root = join(top, sub);
  cpSync(EXAMPLE, root, { recursive: true });
  git(top, [], 'init', '-q', '-b', 'main');
  return { top, root };
}

function git(top: string, env: string[], ...args: string[]): string {
  const [date] = env;
  return execFileSync(
    'git',
    ['-c', 'user.name=Dana Tester', '-c', 'user.email=dana@example.com', ...args],
    {
      cwd: top,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
      },
    },
  );
}

/** Commits everything in the work tree at `date` (ISO, UTC); returns the new commit's sha. */
function commit(top: string, date: string, subject: string): string {
  git(top, [], 'add', '-A');
  git(top, [date], 'commit', '-q', '--allow-empty', '-m', subject);
  return git(top, [], 'rev-parse', 'HEAD').trim();
}

function edit(root: string, path: string, change: (text: string) => string): void {
  const file = join(root, path);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/**
 * Five commits: frontier-7 without its November uplift trial; a card's prose edited; the trial
 * arriving (frontier-7 moves to ASL-3); a broken policy; the policy mended.
 */
function buildHistory(sub = '') {
  const { top, root } = exampleRepository(sub);
  const trial = readFileSync(join(root, UPLIFT), 'utf8');
  rmSync(join(root, UPLIFT));
  const shas = [commit(top, '2026-11-01T09:00:00Z', 'Example without the November trial')];
  edit(root, 'models/atlas-2/MODEL_CARD.md', (t) => `${t}\nA sentence of prose.\n`);
  shas.push(commit(top, '2026-11-05T09:00:00Z', 'atlas-2: prose'));
  writeFileSync(join(root, UPLIFT), trial);
  shas.push(commit(top, '2026-11-21T09:00:00Z', 'frontier-7: November uplift trial'));
  const policy = readFileSync(join(root, POLICY), 'utf8');
  writeFileSync(join(root, POLICY), 'version: 1\nextends: [not, a, preset\n');
  shas.push(commit(top, '2026-11-22T09:00:00Z', 'Break the policy'));
  writeFileSync(join(root, POLICY), policy);
  shas.push(commit(top, '2026-11-23T09:00:00Z', 'Mend the policy'));
  return { top, root, shas };
}

describe('judgeHistory', () => {
  let history: ReturnType<typeof buildHistory>;
  let reads: string[];
  let summaries: Awaited<ReturnType<typeof judgeHistory>>;
  beforeAll(async () => {
    history = buildHistory();
    reads = [];
    summaries = await judgeHistory({
      root: history.root,
      policyPath: POLICY,
      onBlobRead: (id) => reads.push(id),
    });
  });

  it('judges every first-parent commit, oldest first, with git’s commit details', () => {
    expect(summaries.map((s) => s.commit.sha)).toEqual(history.shas);
    expect(summaries[2]!.commit).toEqual({
      sha: history.shas[2],
      date: '2026-11-21T09:00:00Z',
      subject: 'frontier-7: November uplift trial',
      author: 'Dana Tester',
    });
  });

  it('gives each model’s levels per commit: frontier-7 reaches ASL-3 when its trial arrives', () => {
    const f7 = summaries.map((s) => s.levels[F7]?.deployment ?? null);
    expect(f7).toEqual(['ASL-2', 'ASL-2', 'ASL-3', null, 'ASL-3']);
    expect(summaries[2]!.levels['acme/frontier-6']).toEqual({
      deployment: 'ASL-2',
      security: 'ASL-2',
    });
    expect(summaries[0]!.decision).toBe('pass');
    expect(summaries[2]!.decision).toBe('block');
    expect(summaries[2]!.blocking).toBe(
      summaries[2]!.record!.reasons.filter((r) => r.severity === 'block').length,
    );
    expect(summaries[2]!.blocking).toBeGreaterThan(0);
    expect(summaries[0]!.blocking).toBe(0);
  });

  it('keeps the deciding values each commit read, with their files', () => {
    const uplift = (i: number) =>
      summaries[i]!.values.filter((v) => v.model === F7 && v.benchmark === 'bio-uplift-trial');
    expect(uplift(0)).toEqual([
      {
        model: F7,
        benchmark: 'bio-uplift-trial',
        metric: 'ratio',
        value: 2.1,
        file: 'models/frontier-7/evals/uplift-trial-2026-08.evidence.yml',
      },
    ]);
    expect(uplift(2)).toEqual([
      { model: F7, benchmark: 'bio-uplift-trial', metric: 'ratio', value: 5.3, file: UPLIFT },
    ]);
    // Every value is one a condition of the commit's record decided on.
    const record = summaries[2]!.record!;
    for (const v of summaries[2]!.values) {
      const model = record.models.find((m) => m.id === v.model)!;
      const conditions = model.thresholds.flatMap((t) => [
        ...t.evidence,
        ...t.review,
        ...(t.alert?.conditions ?? []),
      ]);
      expect(
        conditions.some(
          (c) => c.benchmark === v.benchmark && c.value === v.value && c.file === v.file,
        ),
      ).toBe(true);
    }
  });

  it('keeps the record only where a level or the verdict changed, and for the newest commit', () => {
    expect(summaries.map((s) => s.record !== null)).toEqual([true, false, true, false, true]);
    expect(summaries[4]!.record!.models.map((m) => m.id)).toContain(F7);
    expect(summaries[2]!.record!.evaluated_at.slice(0, 10)).toBe('2026-11-21');
  });

  it('shares what kept records have in common, and keeps each record whole', () => {
    const model = (i: number, id: string) => summaries[i]!.record!.models.find((m) => m.id === id)!;
    // frontier-6 is judged alike at both commits: one object. frontier-7 moved: its own.
    expect(model(2, 'acme/frontier-6')).toBe(model(0, 'acme/frontier-6'));
    expect(model(2, F7)).not.toBe(model(0, F7));
    expect(model(2, F7).levels.deployment).toBe('ASL-3');
    expect(summaries[2]!.record!.models.map((m) => m.id)).toEqual([
      'acme/atlas-2',
      'acme/frontier-6',
      F7,
    ]);
  });

  it('reports a commit whose policy does not load as an error, and judges the others', () => {
    const broken = summaries[3]!;
    expect(broken.error).toMatch(/^\.github\/rsp-policy\.yml/);
    expect(broken).toMatchObject({ decision: 'block', levels: {}, values: [], record: null });
    expect(summaries.filter((s) => s.error === null)).toHaveLength(4);
  });

  it('reads a blob that did not change from git once over the whole history', async () => {
    const ids = async (sha: string) =>
      new Map((await listCommitFiles(history.top, sha, '')).map((e) => [e.path, e.id!]));
    const first = await ids(history.shas[0]!);
    const newest = await ids(history.shas[4]!);
    const count = (id: string) => reads.filter((r) => r === id).length;
    // Judged in four commits, read once.
    expect(count(first.get('models/atlas-2/evals/capability-assessment.evidence.yml')!)).toBe(1);
    expect(count(first.get('safeguards/frontier-7.yml')!)).toBe(1);
    expect(count(newest.get(UPLIFT)!)).toBe(1);
    // The edited card: each version once.
    const card = 'models/atlas-2/MODEL_CARD.md';
    expect(first.get(card)).not.toBe(newest.get(card));
    expect(count(first.get(card)!)).toBe(1);
    expect(count(newest.get(card)!)).toBe(1);
    // Only the policy is read at every commit (it decides what the others mean).
    const policyReads = reads.filter((r) => r === first.get(POLICY)).length;
    expect(policyReads).toBe(4);
    const others = reads.filter((r) => r !== first.get(POLICY));
    expect(others.length).toBe(new Set(others).size);
  });
});

describe('judgeHistory: which commits', () => {
  let history: ReturnType<typeof buildHistory>;
  beforeAll(() => {
    history = buildHistory();
  });

  it('judges the newest N with a limit', async () => {
    const summaries = await judgeHistory({ root: history.root, policyPath: POLICY, limit: 2 });
    expect(summaries.map((s) => s.commit.sha)).toEqual(history.shas.slice(3));
    // The newest commit's record is kept, and the first one judged is a change from nothing.
    expect(summaries.map((s) => s.record !== null)).toEqual([false, true]);
  });

  it('judges those committed on or after a date with since', async () => {
    const summaries = await judgeHistory({
      root: history.root,
      policyPath: POLICY,
      since: new Date('2026-11-21T09:00:00Z'),
    });
    expect(summaries.map((s) => s.commit.subject)).toEqual([
      'frontier-7: November uplift trial',
      'Break the policy',
      'Mend the policy',
    ]);
  });

  it('follows the first parent only', async () => {
    const { top } = history;
    git(top, [], 'checkout', '-q', '-b', 'side', history.shas[1]!);
    writeFileSync(join(history.root, 'side.txt'), 'a file on a side branch\n');
    const side = commit(top, '2026-11-24T09:00:00Z', 'Side work');
    git(top, [], 'checkout', '-q', 'main');
    git(top, ['2026-11-25T09:00:00Z'], 'merge', '-q', '--no-ff', '-m', 'Merge side', 'side');
    const summaries = await judgeHistory({ root: history.root, policyPath: POLICY });
    const shas = summaries.map((s) => s.commit.sha);
    expect(shas.slice(0, 5)).toEqual(history.shas);
    expect(shas).toHaveLength(6);
    expect(shas).not.toContain(side);
    expect(summaries[5]!.commit.subject).toBe('Merge side');
  });
});

describe('judgeHistory: a root inside the repository', () => {
  it('reads the root’s part of each commit, with paths relative to the root', async () => {
    const history = buildHistory('teams/acme');
    mkdirSync(join(history.top, 'other'), { recursive: true });
    // Outside the root: not part of what is judged, even with a card-like path.
    const outside = join(history.top, 'models/elsewhere/MODEL_CARD.md');
    mkdirSync(dirname(outside), { recursive: true });
    writeFileSync(outside, '---\nrsp:\n  model: acme/elsewhere\n---\n');
    commit(history.top, '2026-11-26T09:00:00Z', 'A card outside the root');
    const summaries = await judgeHistory({ root: history.root, policyPath: POLICY });
    expect(summaries).toHaveLength(6);
    expect(summaries.map((s) => s.levels[F7]?.deployment ?? null)).toEqual([
      'ASL-2',
      'ASL-2',
      'ASL-3',
      null,
      'ASL-3',
      'ASL-3',
    ]);
    expect(Object.keys(summaries[5]!.levels).sort()).toEqual([
      'acme/atlas-2',
      'acme/frontier-6',
      F7,
    ]);
    expect(summaries[2]!.values.map((v) => v.file)).toContain(UPLIFT);
  });
});

describe('headCommit', () => {
  it('names the commit HEAD is at, and null outside a git work tree', async () => {
    const history = buildHistory('sub');
    expect(await headCommit(history.root)).toEqual({
      sha: history.shas[4],
      date: '2026-11-23T09:00:00Z',
      subject: 'Mend the policy',
      author: 'Dana Tester',
    });
    const plain = mkdtempSync(join(tmpdir(), 'rsp-gate-not-git-'));
    dirs.push(plain);
    expect(await headCommit(plain)).toBeNull();
  });
});

describe('judgeHistory without a history', () => {
  it('says so, as an input error, outside a git work tree and on a branch with no commit', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'rsp-gate-not-git-'));
    dirs.push(plain);
    await expect(judgeHistory({ root: plain, policyPath: POLICY })).rejects.toMatchObject({
      code: 'history-not-git',
      location: { file: plain },
    });
    const { root } = exampleRepository();
    expect(await headCommit(root)).toBeNull();
    await expect(judgeHistory({ root, policyPath: POLICY })).rejects.toMatchObject({
      code: 'history-unreadable',
      message: expect.stringMatching(/commits could not be read: git log failed/),
    });
  });
});

describe('the parse cache', () => {
  let history: ReturnType<typeof buildHistory>;
  beforeAll(() => {
    history = buildHistory();
  });

  async function treeAt(sha: string, onRead?: (id: string) => void) {
    const blobs = startBlobReader(history.top, onRead);
    const tree = createGitTree(sha.slice(0, 7), await listCommitFiles(history.top, sha, ''), blobs);
    const { policy } = await loadPolicyFrom(tree, POLICY);
    return { tree, policy, close: () => blobs.close() };
  }

  it('gives loadRepository the same state as without it, parsing each blob once', async () => {
    const { tree, policy, close } = await treeAt(history.shas[2]!);
    try {
      const without = await loadRepository(tree, policy);
      const cache = createParseCache();
      const first = await loadRepository(tree, policy, { cache });
      const parses = cache.stats.parses;
      const again = await loadRepository(tree, policy, { cache });
      expect(first).toEqual(without);
      expect(again).toEqual(without);
      expect(parses).toBeGreaterThan(10);
      expect(cache.stats.parses).toBe(parses);
      expect(cache.stats.hits).toBe(parses);
    } finally {
      close();
    }
  });

  it('parses again when the policy text changes', async () => {
    const { tree, policy, close } = await treeAt(history.shas[2]!);
    try {
      const cache = createParseCache();
      await loadRepository(tree, policy, { cache });
      const parses = cache.stats.parses;
      const edited = { ...policy, sha256: 'f'.repeat(64) };
      await loadRepository(tree, edited, { cache });
      expect(cache.stats.parses).toBe(2 * parses);
      expect(cache.stats.hits).toBe(0);
    } finally {
      close();
    }
  });

  it('in a history, a policy edit has every file read again under the new text', async () => {
    const { top, root } = exampleRepository();
    commit(top, '2026-11-01T09:00:00Z', 'Example');
    edit(root, POLICY, (t) => `${t}\n# A comment.\n`);
    commit(top, '2026-11-02T09:00:00Z', 'Policy: a comment');
    commit(top, '2026-11-03T09:00:00Z', 'Nothing');
    const reads: string[] = [];
    const summaries = await judgeHistory({
      root,
      policyPath: POLICY,
      onBlobRead: (id) => reads.push(id),
    });
    expect(summaries.every((s) => s.error === null)).toBe(true);
    const files = await listCommitFiles(
      top,
      (await runGit(top, ['rev-parse', 'HEAD'])).toString().trim(),
      '',
    );
    const card = files.find((e) => e.path === 'models/atlas-2/MODEL_CARD.md')!.id!;
    expect(reads.filter((r) => r === card)).toHaveLength(2);
  });

  it('drops what no load used since the last sweep', async () => {
    const { tree, policy, close } = await treeAt(history.shas[2]!);
    try {
      const cache = createParseCache();
      await loadRepository(tree, policy, { cache });
      cache.sweep();
      cache.sweep(); // unused since the first sweep: dropped
      const parses = cache.stats.parses;
      await loadRepository(tree, policy, { cache });
      expect(cache.stats.parses).toBe(2 * parses);
    } finally {
      close();
    }
  });
});

describe('the blob reader', () => {
  it('reads blobs of any size in order, and names a missing one', async () => {
    const { top } = exampleRepository();
    const big = Buffer.alloc(300_000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
    writeFileSync(join(top, 'big.bin'), big);
    writeFileSync(join(top, 'empty.txt'), '');
    const sha = commit(top, '2026-11-01T09:00:00Z', 'Blobs');
    const files = new Map((await listCommitFiles(top, sha, '')).map((e) => [e.path, e]));
    expect(files.get('big.bin')).toMatchObject({ kind: 'file', size: big.length });
    const blobs = startBlobReader(top);
    try {
      const [bytes, empty, policy] = await Promise.all([
        blobs.read(files.get('big.bin')!.id!),
        blobs.read(files.get('empty.txt')!.id!),
        blobs.read(files.get(POLICY)!.id!),
      ]);
      expect(Buffer.from(bytes).equals(big)).toBe(true);
      expect(empty).toHaveLength(0);
      expect(Buffer.from(policy).toString('utf8')).toBe(readFileSync(join(top, POLICY), 'utf8'));
      await expect(blobs.read('0'.repeat(40))).rejects.toThrow(/blob 0{40} is missing/);
      // The reader goes on after a missing blob.
      expect(await blobs.read(files.get('empty.txt')!.id!)).toHaveLength(0);
    } finally {
      blobs.close();
    }
    await expect(blobs.read(files.get('empty.txt')!.id!)).rejects.toThrow(/closed/);
  });

  it('lists links as symlinks and skips submodules', async () => {
    const { top } = exampleRepository();
    symlinkSync('models/atlas-2/MODEL_CARD.md', join(top, 'link.md'));
    const sha = commit(top, '2026-11-01T09:00:00Z', 'A link');
    const blob = git(top, [], 'rev-parse', `${sha}:link.md`).trim();
    // A submodule entry, written into the index directly (no other repository needed).
    git(top, [], 'update-index', '--add', '--cacheinfo', `160000,${sha},vendored`);
    git(top, ['2026-11-02T09:00:00Z'], 'commit', '-q', '-m', 'A submodule');
    const withSubmodule = git(top, [], 'rev-parse', 'HEAD').trim();
    expect(git(top, [], 'ls-tree', withSubmodule, 'vendored')).toMatch(/^160000 commit /);
    const files = await listCommitFiles(top, withSubmodule, '');
    expect(files.find((e) => e.path === 'link.md')).toEqual({
      path: 'link.md',
      kind: 'symlink',
      size: 'models/atlas-2/MODEL_CARD.md'.length,
      id: blob,
    });
    expect(files.some((e) => e.path === 'vendored')).toBe(false);
  });
});

describe('listing a commit from the one before', () => {
  it('gives the same files as listing it whole: edits, additions, deletions, links, submodules', async () => {
    const { top } = exampleRepository('sub');
    const shas = [commit(top, '2026-11-01T09:00:00Z', 'Example')];
    edit(join(top, 'sub'), 'models/atlas-2/MODEL_CARD.md', (t) => `${t}\nMore prose.\n`);
    writeFileSync(join(top, 'sub/models/atlas-2/evals/new.evidence.yml'), 'model: acme/atlas-2\n');
    rmSync(join(top, 'sub/safeguards/frontier-6.yml'));
    writeFileSync(join(top, 'outside.txt'), 'not under the root\n');
    shas.push(commit(top, '2026-11-02T09:00:00Z', 'Edit, add, delete'));
    rmSync(join(top, 'sub/models/atlas-2/evals/new.evidence.yml'));
    symlinkSync('../MODEL_CARD.md', join(top, 'sub/models/atlas-2/evals/new.evidence.yml'));
    git(top, [], 'update-index', '--add', '--cacheinfo', `160000,${shas[0]},sub/vendored`);
    shas.push(commit(top, '2026-11-03T09:00:00Z', 'A file becomes a link; a submodule'));
    let before = await listCommitFiles(top, shas[0]!, 'sub/');
    for (let i = 1; i < shas.length; i++) {
      const updated = await updateCommitFiles(top, shas[i - 1]!, shas[i]!, 'sub/', before);
      const whole = await listCommitFiles(top, shas[i]!, 'sub/');
      const sorted = (files: typeof whole) => [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
      expect(sorted(updated)).toEqual(sorted(whole));
      before = updated;
    }
    expect(before.find((e) => e.path === 'models/atlas-2/evals/new.evidence.yml')?.kind).toBe(
      'symlink',
    );
    expect(before.some((e) => e.path === 'safeguards/frontier-6.yml')).toBe(false);
    expect(before.some((e) => e.path.includes('outside') || e.path.includes('vendored'))).toBe(
      false,
    );
  });
});

describe('judgeHistory: judging only what a commit changed', () => {
  it('gives every commit of the fixture history what a whole judgment of its tree at its date gives', async () => {
    const { buildReportFixture } = await import('../../scripts/build-report-fixture.js');
    const top = mkdtempSync(join(tmpdir(), 'rsp-gate-fixture-'));
    dirs.push(top);
    buildReportFixture(top);
    const summaries = await judgeHistory({ root: top, policyPath: POLICY, limit: 50 });
    expect(summaries.length).toBeGreaterThanOrEqual(8);
    const blobs = startBlobReader(top);
    try {
      for (const summary of summaries) {
        const files = await listCommitFiles(top, summary.commit.sha, '');
        const { checkTrees } = await import('../../src/gate/check-trees.js');
        const { STATE_CONTEXT } = await import('../../src/core/inputs.js');
        const { benchmarkValues } = await import('../../src/report/report-data.js');
        const { record } = await checkTrees({
          head: createGitTree('whole', files, blobs),
          base: null,
          policyPath: POLICY,
          now: new Date(summary.commit.date),
          context: STATE_CONTEXT,
        });
        const what = summary.commit.subject;
        expect(summary.error, what).toBeNull();
        expect(summary.levels, what).toEqual(
          Object.fromEntries(record.models.map((m) => [m.id, m.levels])),
        );
        expect(summary.decision, what).toBe(record.decision);
        expect(summary.blocking, what).toBe(
          record.reasons.filter((r) => r.severity === 'block').length,
        );
        const key = (v: { model: string; benchmark: string; metric: string; value: number }) =>
          `${v.model} ${v.benchmark} ${v.metric} ${v.value}`;
        expect(new Set(summary.values.map(key)), what).toEqual(
          new Set(benchmarkValues(record).map(key)),
        );
      }
    } finally {
      blobs.close();
    }
  });
});
