/**
 * The port's reads against the fake GitHub: what a path is (file, link, directory, nothing),
 * directories to a depth, small files as verified text, and the change between two commits.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiTree } from '../../src/github/api-tree.js';
import { createOctokitPort } from '../../src/github/octokit-port.js';
import type { GitHubPort } from '../../src/github/port.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { gitBlobSha } from './git-objects.js';

const BASE = 'b'.repeat(40);
const HEAD = 'c'.repeat(40);
const CROWDED = 'd'.repeat(40);
const CARD = '---\nrsp:\n  model: acme/a\n---\n# a\n';
let gh: FakeGitHub;
let port: GitHubPort;

beforeAll(async () => {
  gh = await startFakeGitHub({
    tokens: { ghs_bot: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } },
  });
  const base = {
    'models/a/MODEL_CARD.md': CARD,
    'models/a/evals/x/y/z/deep.evidence.yml': 'model: acme/a\nresults: []\n',
    'models/a/evals/run.json': '{}',
    'big.bin': new Uint8Array(70 * 1024).fill(0xff),
  };
  gh.state.addCommit(BASE, base);
  gh.state.addCommit(
    HEAD,
    {
      ...base,
      'models/b/MODEL_CARD.md': { symlink: '../a/MODEL_CARD.md' },
      'models/a/evals/run.json': '{"x":1}',
    },
    BASE,
  );
  gh.state.addCommit(
    CROWDED,
    Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [`logs/run-${i}.json`, `{"i":${i}}`]),
    ),
  );
  port = createOctokitPort({
    token: 'ghs_bot',
    owner: 'acme',
    repo: 'models',
    apiUrl: gh.apiUrl,
    graphqlUrl: gh.graphqlUrl,
  });
});
afterAll(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

describe('a path read by path', () => {
  test('a file comes with its bytes', async () => {
    const read = await port.readPath(HEAD, 'models/a/MODEL_CARD.md');
    expect(read).toMatchObject({ kind: 'file', sha: gitBlobSha(CARD) });
    expect(Buffer.from((read as { bytes: Uint8Array }).bytes).toString()).toBe(CARD);
  });

  test('a link to a file is a link, though GitHub answers with the file it points at', async () => {
    expect(await port.readPath(HEAD, 'models/b/MODEL_CARD.md')).toMatchObject({
      kind: 'symlink',
      bytes: null,
    });
  });

  test('a directory, and nothing', async () => {
    expect(await port.readPath(HEAD, 'models/a')).toEqual({ kind: 'directory' });
    expect(await port.readPath(HEAD, 'models/zzz/MODEL_CARD.md')).toBeNull();
  });
});

describe('directories, several commits to a query', () => {
  test('files to the depth asked for, deeper directories left for later, links marked', async () => {
    const before = gh.requests.length;
    const [shallow, deep, missing] = await port.directories([
      { commit: HEAD, dir: 'models/b', depth: 1 },
      { commit: BASE, dir: 'models/a', depth: 2 },
      { commit: HEAD, dir: 'nope', depth: 4 },
    ]);
    expect(gh.requests.length - before).toBe(1);
    expect(shallow).toEqual({
      files: [
        {
          path: 'models/b/MODEL_CARD.md',
          kind: 'symlink',
          sha: gitBlobSha('../a/MODEL_CARD.md'),
          size: 18,
        },
      ],
      deeper: [],
      capped: false,
    });
    expect(deep!.files.map((f) => f.path)).toEqual([
      'models/a/MODEL_CARD.md',
      'models/a/evals/run.json',
    ]);
    expect(deep!.deeper).toEqual(['models/a/evals/x']);
    expect(missing).toBeNull();
  });
});

describe('a directory of 1,000 entries', () => {
  test('is marked as possibly cut short, and the tree lists it from the REST tree instead', async () => {
    const [listing] = await port.directories([{ commit: CROWDED, dir: 'logs', depth: 1 }]);
    expect(listing!.capped).toBe(true);
    const before = gh.requests.length;
    const files = await createApiTree(port, CROWDED, 'crowded').list('logs');
    expect(files).toHaveLength(1000);
    const made = gh.requests.slice(before);
    expect(made.filter((r) => r.path.includes('/git/trees/'))).toHaveLength(1);
  });
});

describe('small files as text', () => {
  test('text is kept when it is the blob; a binary blob is left to the blob API', async () => {
    const card = gitBlobSha(CARD);
    const big = gitBlobSha(new Uint8Array(70 * 1024).fill(0xff));
    const texts = await port.textBlobs([card, big]);
    expect(Buffer.from(texts.get(card)!).toString()).toBe(CARD);
    expect(texts.get(big)).toBeNull();
  });
});

describe('the change between two commits', () => {
  test('lists added and modified files since the merge base', async () => {
    const comparison = await port.compare(BASE, HEAD);
    expect(comparison.mergeBase).toBe(BASE);
    expect(comparison.complete).toBe(true);
    expect(comparison.files.map((f) => [f.path, f.status]).sort()).toEqual([
      ['models/a/evals/run.json', 'modified'],
      ['models/b/MODEL_CARD.md', 'added'],
    ]);
  });
});
