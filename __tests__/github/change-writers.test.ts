/**
 * Who wrote a pull request's change, read through the octokit port from the fake GitHub (every
 * request checked against GitHub's own descriptions): the comparison's commits, paged past 250,
 * and co-authors from GraphQL `Commit.authors`; and failing closed when the list is not whole.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MAX_COMMITS, readChangeWriters } from '../../src/github/change-writers.js';
import { createMemoryPort } from '../../src/github/memory-port.js';
import { createOctokitPort } from '../../src/github/octokit-port.js';
import type { Comparison, ComparedCommit, GitHubPort } from '../../src/github/port.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

/** A SHA whose short form is the number: `0000001aaa…`. */
const sha = (n: number) => n.toString(16).padStart(7, '0').padEnd(40, 'a');
const BASE = 'b'.repeat(40);
const FILES = { 'README.md': 'models\n' };

let gh: FakeGitHub;
let port: GitHubPort;
beforeEach(async () => {
  gh = await startFakeGitHub({
    tokens: { ghs_bot: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } },
  });
  gh.state.addCommit(BASE, FILES, undefined, { author: 'carol' });
  gh.state.setBranch('main', BASE);
  port = createOctokitPort({
    token: 'ghs_bot',
    owner: 'acme',
    repo: 'models',
    apiUrl: gh.apiUrl,
    graphqlUrl: gh.graphqlUrl,
  });
});
afterEach(async () => {
  expect(gh.violations, 'every request must match GitHub’s API description').toEqual([]);
  await gh.close();
});

async function writers(base: string, head: string) {
  const before = gh.requests.length;
  const result = await readChangeWriters(port, base, head, await port.compare(base, head));
  return { ...result, requests: gh.requests.slice(before) };
}

describe('who wrote a change, from the comparison', () => {
  test('authors and co-authors of its commits; not the base’s authors, the Update-branch merger, or a committer', async () => {
    const [C1, C2, MAIN2, MERGE, C3] = [1, 2, 3, 4, 5].map(sha) as [
      string,
      string,
      string,
      string,
      string,
    ];
    gh.state.addCommit(C1, { ...FILES, a: '1' }, BASE, { author: 'alice' });
    gh.state.addCommit(C2, { ...FILES, a: '2' }, C1, {
      author: 'bob',
      message: 'Tune the eval\n\nSome detail.',
      coAuthors: ['erin'],
    });
    // The base branch moves on (carol), and dave presses Update branch: a merge commit.
    gh.state.addCommit(MAIN2, { ...FILES, b: '1' }, BASE, { author: 'carol' });
    gh.state.addCommit(MERGE, { ...FILES, a: '2', b: '1' }, [C2, MAIN2], {
      author: 'dave',
      committer: { name: 'GitHub', email: 'noreply@github.com' },
      message: "Merge branch 'main' into rsp/pr-12",
    });
    // frank's commit, rebased by grace: grace is its committer, not its author.
    gh.state.addCommit(C3, { ...FILES, a: '3', b: '1' }, MERGE, {
      author: 'frank',
      committer: 'grace',
    });
    gh.state.setBranch('main', MAIN2);

    const read = await writers(MAIN2, C3);
    expect(read.people).toEqual([
      { login: 'alice', authored: [C1], coAuthored: [] },
      { login: 'bob', authored: [C2], coAuthored: [] },
      { login: 'erin', authored: [], coAuthored: [C2] },
      { login: 'frank', authored: [C3], coAuthored: [] },
    ]);
    expect(read.unknown).toEqual([]);
    // The comparison, then one GraphQL query for the one commit that names a co-author.
    expect(read.requests.map((r) => r.path)).toEqual([
      `/repos/acme/models/compare/${MAIN2}...${C3}`,
      '/graphql',
    ]);
  });

  test('no GraphQL query when no commit names a co-author', async () => {
    gh.state.addCommit(sha(1), { ...FILES, a: '1' }, BASE, { author: 'alice' });
    const read = await writers(BASE, sha(1));
    expect(read.people.map((p) => p.login)).toEqual(['alice']);
    expect(read.requests).toHaveLength(1);
  });

  test('an author or co-author whose email no account lists is unknown, until an account lists it', async () => {
    gh.state.addCommit(sha(1), { ...FILES, a: '1' }, BASE, {
      author: { name: 'Bob Smith', email: 'bob@laptop.local' },
      coAuthors: [{ name: 'Q', email: 'q@contractor.test' }],
    });
    const before = await writers(BASE, sha(1));
    expect(before.people).toEqual([]);
    expect(before.unknown).toEqual([
      'Bob Smith <bob@laptop.local> (author of commit 0000001) has no GitHub account that lists that email',
      'Q <q@contractor.test> (co-author of commit 0000001) has no GitHub account that lists that email',
    ]);
    // Adding the address to an account links the commits already made with it.
    gh.state.linkEmail('bob@laptop.local', 'bob');
    gh.state.linkEmail('q@contractor.test', 'quinn');
    const after = await writers(BASE, sha(1));
    expect(after.unknown).toEqual([]);
    expect(after.people.map((p) => p.login)).toEqual(['bob', 'quinn']);
  });

  test('a bot and a GitHub no-reply co-author are known by their accounts', async () => {
    gh.state.addCommit(sha(1), { ...FILES, a: '1' }, BASE, {
      author: 'github-actions[bot]',
      coAuthors: [{ name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com' }],
    });
    const read = await writers(BASE, sha(1));
    expect(read.unknown).toEqual([]);
    expect(read.people.map((p) => p.login)).toEqual(['github-actions[bot]', 'Copilot']);
  });

  test('more than 250 commits are read page by page, the oldest included', async () => {
    let parent = BASE;
    for (let i = 1; i <= 260; i++) {
      gh.state.addCommit(sha(i), { ...FILES, n: String(i) }, parent, {
        author: i === 1 ? 'first-author' : 'bulk',
      });
      parent = sha(i);
    }
    const unpaged = await port.compare(BASE, sha(260));
    expect([unpaged.commits.length, unpaged.totalCommits]).toEqual([250, 260]);
    const read = await writers(BASE, sha(260));
    expect(read.people.map((p) => [p.login, p.authored.length])).toEqual([
      ['first-author', 1],
      ['bulk', 259],
    ]);
    expect(read.unknown).toEqual([]);
    // The unpaged comparison, then three pages of a hundred.
    expect(read.requests.map((r) => r.query.page ?? null)).toEqual([null, '1', '2', '3']);
  });
});

describe('fails closed when the commit list is not whole', () => {
  const commit = (n: number): ComparedCommit => ({
    sha: sha(n),
    parents: 1,
    author: { login: 'bob', name: 'bob', email: 'bob@example.com' },
    message: `Commit ${n}`,
  });

  test('GitHub lists fewer commits than the comparison holds', async () => {
    const memory = createMemoryPort();
    memory.state.commits.set('base', new Map());
    memory.state.commits.set('head', new Map());
    memory.state.comparisons.set(
      'base...head',
      Array.from({ length: 300 }, (_, i) => commit(i + 1)),
    );
    const cut: GitHubPort = {
      ...memory,
      comparisonCommits: async (base, head, limit) => {
        const all = await memory.comparisonCommits(base, head, limit);
        return { commits: all.commits.slice(0, 200), total: all.total };
      },
    };
    const read = await readChangeWriters(cut, 'base', 'head', await cut.compare('base', 'head'));
    expect(read.unknown).toEqual(['GitHub listed 200 of the 300 commits of the pull request']);
  });

  test('more commits than the gate reads', async () => {
    const memory = createMemoryPort();
    memory.state.commits.set('base', new Map());
    memory.state.commits.set('head', new Map());
    memory.state.comparisons.set(
      'base...head',
      Array.from({ length: MAX_COMMITS + 1 }, (_, i) => commit(i + 1)),
    );
    const read = await readChangeWriters(
      memory,
      'base',
      'head',
      await memory.compare('base', 'head'),
    );
    expect(read.unknown).toEqual([
      'the pull request has 3,001 commits and the gate reads who wrote at most 3,000',
    ]);
    expect(memory.state.calls.filter((c) => c.includes('page'))).toEqual([]);
  });

  test('a commit GitHub does not return, and one with more co-authors than a page', async () => {
    const memory = createMemoryPort();
    memory.state.commits.set('base', new Map());
    memory.state.commits.set('head', new Map());
    memory.state.comparisons.set('base...head', [
      { ...commit(1), message: 'x\n\nCo-authored-by: A <a@example.com>' },
      { ...commit(2), message: 'y\n\nco-authored-by: B <b@example.com>' },
    ]);
    const odd: GitHubPort = {
      ...memory,
      coAuthors: async () =>
        new Map([
          [sha(1), null],
          [sha(2), { people: [], complete: false }],
        ]),
    };
    const read = await readChangeWriters(odd, 'base', 'head', await odd.compare('base', 'head'));
    expect(read.unknown).toEqual([
      'GitHub did not return commit 0000001 to read its co-authors',
      'commit 0000002 names more co-authors than GitHub lists in one page (100)',
    ]);
  });
});

describe('what the gate asks GitHub for', () => {
  const person = (login: string) => ({ login, name: login, email: `${login}@acme.test` });
  const compared = (n: number, extra: Partial<ComparedCommit> = {}): ComparedCommit => ({
    sha: sha(n),
    parents: 1,
    author: person('alice'),
    message: 'Work',
    ...extra,
  });

  /** A port that answers only the two reads readChangeWriters makes, and records them. */
  function stubPort(all: ComparedCommit[]) {
    const asked: { pages: number[]; coAuthors: string[][] } = { pages: [], coAuthors: [] };
    const port = {
      comparisonCommits: async (_base: string, _head: string, limit: number) => {
        asked.pages.push(limit);
        return { commits: all.slice(0, limit), total: all.length };
      },
      coAuthors: async (shas: string[]) => {
        asked.coAuthors.push(shas);
        return new Map(shas.map((s) => [s, { people: [person('erin')], complete: true }]));
      },
    } as unknown as GitHubPort;
    return { port, asked };
  }
  const comparison = (commits: ComparedCommit[], total: number): Comparison => ({
    mergeBase: BASE,
    files: [],
    complete: true,
    commits,
    totalCommits: total,
  });

  test('a pull request of exactly the most commits the gate reads, listed 250 at first, is read whole', async () => {
    const all = Array.from({ length: MAX_COMMITS }, (_, i) => compared(i + 1));
    const { port, asked } = stubPort(all);
    const result = await readChangeWriters(
      port,
      BASE,
      sha(MAX_COMMITS),
      comparison(all.slice(0, 250), MAX_COMMITS),
    );
    expect(asked.pages).toEqual([MAX_COMMITS]);
    expect(result.unknown).toEqual([]);
    expect(result.people[0]!.authored).toHaveLength(MAX_COMMITS);
  });

  test('co-authors are asked only for non-merge commits that name one, and not at all when none does', async () => {
    const merge = compared(2, {
      parents: 2,
      message: 'Merge\n\nCo-authored-by: Erin <erin@acme.test>',
    });
    const named = compared(3, { message: 'Tune\n\nco-authored-by: Erin <erin@acme.test>' });
    const { port, asked } = stubPort([]);
    const result = await readChangeWriters(
      port,
      BASE,
      sha(3),
      comparison([compared(1), merge, named], 3),
    );
    expect(asked.coAuthors).toEqual([[sha(3)]]);
    expect(result.people.map((p) => p.login)).toEqual(['alice', 'erin']);

    const plain = stubPort([]);
    await readChangeWriters(plain.port, BASE, sha(1), comparison([compared(1)], 1));
    expect(plain.asked.coAuthors).toEqual([]);
  });
});
