import { describe, expect, it } from 'vitest';
import { gitBlobSha } from './git-objects.js';
import {
  BASE,
  BASE_FILES,
  BINARY,
  HEAD,
  HEAD_FILES,
  NEXT,
  REPO,
  useFakeGitHub,
  type Json,
} from './fake-github-fixture.js';

const t = useFakeGitHub();
const { call, graphql } = t;

const MAIN2 = '4444444444444444444444444444444444444444';
const ORPHAN = '5555555555555555555555555555555555555555';
const MISSING = '9'.repeat(40);

describe('compare', () => {
  it('lists the files that differ between the merge base and the head', async () => {
    const { status, json } = await call('GET', `${REPO}/compare/${BASE}...${HEAD}`);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      status: 'ahead',
      ahead_by: 1,
      behind_by: 0,
      total_commits: 1,
      base_commit: { sha: BASE, parents: [] },
      merge_base_commit: { sha: BASE },
      html_url: `https://github.com/acme/models/compare/${BASE}...${HEAD}`,
    });
    expect(json.commits.map((c: Json) => [c.sha, c.parents.map((p: Json) => p.sha)])).toEqual([
      [HEAD, [BASE]],
    ]);
    expect(json.commits[0].commit.tree.sha).toBe(t.gh.state.commits.get(HEAD)!.treeSha);
    const byName = Object.fromEntries(json.files.map((f: Json) => [f.filename, f]));
    expect(Object.keys(byName)).toEqual([
      'docs/manual.md',
      'latest',
      'models/frontier-7/card.md',
      'models/frontier-7/evals/new.eval',
      'models/frontier-7/evals/old.json',
    ]);
    expect(byName['models/frontier-7/card.md']).toMatchObject({
      status: 'modified',
      sha: gitBlobSha(HEAD_FILES['models/frontier-7/card.md'] as string),
      additions: 2,
      deletions: 1,
      changes: 3,
      blob_url: `https://github.com/acme/models/blob/${HEAD}/models/frontier-7/card.md`,
      raw_url: `https://github.com/acme/models/raw/${HEAD}/models/frontier-7/card.md`,
      contents_url: `${t.gh.apiUrl}${REPO}/contents/models/frontier-7/card.md?ref=${HEAD}`,
    });
    expect(byName['models/frontier-7/evals/new.eval']).toMatchObject({
      status: 'added',
      sha: gitBlobSha(BINARY),
    });
    // A removed file carries the sha of the blob it had.
    expect(byName['models/frontier-7/evals/old.json']).toMatchObject({
      status: 'removed',
      sha: gitBlobSha(BASE_FILES['models/frontier-7/evals/old.json'] as string),
      deletions: 1,
    });
    expect(byName['docs/manual.md']).toMatchObject({
      status: 'renamed',
      previous_filename: 'docs/guide.md',
    });
    expect(byName.latest.previous_filename).toBeUndefined();
    expect(t.gh.violations).toEqual([]);
  });

  it('diffs against the merge base when the base branch moved on (three dots)', async () => {
    t.gh.state.addCommit(
      MAIN2,
      { ...BASE_FILES, 'README.md': 'moved on\n', 'safeguards/asl4.yml': 'y: 2\n' },
      BASE,
    );
    t.gh.state.setBranch('main', MAIN2);
    const { json } = await call('GET', `${REPO}/compare/main...rsp/pr-12`);
    expect(json).toMatchObject({
      status: 'diverged',
      ahead_by: 1,
      behind_by: 1,
      total_commits: 1,
      base_commit: { sha: MAIN2 },
      merge_base_commit: { sha: BASE },
    });
    const names = json.files.map((f: Json) => f.filename);
    expect(names).not.toContain('README.md');
    expect(names).not.toContain('safeguards/asl4.yml');
    expect(names).toHaveLength(5);
    // The other way round: what main has that the head branch lacks.
    const reverse = await call('GET', `${REPO}/compare/${HEAD}...main`);
    expect(reverse.json).toMatchObject({ status: 'diverged', ahead_by: 1, behind_by: 1 });
    expect(reverse.json.files.map((f: Json) => [f.filename, f.status])).toEqual([
      ['README.md', 'modified'],
      ['safeguards/asl4.yml', 'added'],
    ]);
    // A head behind its base changes nothing.
    const behind = await call('GET', `${REPO}/compare/main...${BASE}`);
    expect(behind.json).toMatchObject({
      status: 'behind',
      ahead_by: 0,
      behind_by: 1,
      total_commits: 0,
      commits: [],
      files: [],
      merge_base_commit: { sha: BASE },
    });
    const owned = await call('GET', `${REPO}/compare/acme:main...acme:rsp/pr-12`);
    expect(owned.json.merge_base_commit.sha).toBe(BASE);
    expect(t.gh.violations).toEqual([]);
  });

  it('answers identical, and 404 for unknown commits or unrelated histories', async () => {
    const same = await call('GET', `${REPO}/compare/${HEAD}...rsp/pr-12`);
    expect(same.json).toMatchObject({
      status: 'identical',
      ahead_by: 0,
      behind_by: 0,
      total_commits: 0,
      commits: [],
      files: [],
    });
    expect((await call('GET', `${REPO}/compare/${BASE}...${MISSING}`)).status).toBe(404);
    expect((await call('GET', `${REPO}/compare/nope...${HEAD}`)).status).toBe(404);
    expect((await call('GET', `${REPO}/compare/${BASE}..${HEAD}`)).status).toBe(404);
    expect((await call('GET', `${REPO}/compare/other:main...${HEAD}`)).status).toBe(404);
    t.gh.state.addCommit(ORPHAN, { 'x.txt': 'x\n' });
    const unrelated = await call('GET', `${REPO}/compare/${BASE}...${ORPHAN}`);
    expect(unrelated).toMatchObject({
      status: 404,
      json: { message: `No common ancestor between ${BASE} and ${ORPHAN}.` },
    });
    expect((await call('GET', '/repos/acme/other/compare/main...main')).status).toBe(404);
    expect(t.gh.violations).toEqual([]);
  });

  it('lists at most 300 files and pages the commits only when asked', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 320 }, (_, i) => [`data/f${String(i).padStart(3, '0')}.txt`, `${i}\n`]),
    );
    t.gh.state.addCommit(NEXT, { ...HEAD_FILES, ...many }, HEAD);
    t.gh.state.pushCommit(12, NEXT);
    const { json } = await call('GET', `${REPO}/compare/${BASE}...${NEXT}`);
    expect(json.files).toHaveLength(300);
    expect(json.commits.map((c: Json) => c.sha)).toEqual([HEAD, NEXT]);
    const first = await call('GET', `${REPO}/compare/${BASE}...${NEXT}?per_page=1`);
    expect(first.json.commits.map((c: Json) => c.sha)).toEqual([HEAD]);
    expect(first.json.files).toHaveLength(300);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link')!)![1]!;
    expect(next).toContain(`/repositories/${t.gh.state.repo.id}/compare/`);
    const second = await call('GET', next);
    expect(second.json.commits.map((c: Json) => c.sha)).toEqual([NEXT]);
    expect(second.json.files).toBeUndefined();
    expect(t.gh.violations).toEqual([]);
  });

  it('records a diff media type as not served', async () => {
    const res = await fetch(`${t.gh.apiUrl}${REPO}/compare/${BASE}...${HEAD}`, {
      headers: { authorization: 'token ghs_bot', accept: 'application/vnd.github.diff' },
    });
    expect(res.status).toBe(404);
    expect(t.gh.violations.map((v) => v.problems)).toEqual([
      [expect.stringMatching(/not served \(repos\/compare-commits-with-basehead, media type diff/)],
    ]);
  });
});

describe('contents', () => {
  it('serves a file as 60-column base64 with its links', async () => {
    const { status, json } = await call(
      'GET',
      `${REPO}/contents/models/frontier-7/card.md?ref=${HEAD}`,
    );
    expect(status).toBe(200);
    const text = HEAD_FILES['models/frontier-7/card.md'] as string;
    const sha = gitBlobSha(text);
    expect(json).toEqual({
      type: 'file',
      encoding: 'base64',
      size: Buffer.byteLength(text),
      name: 'card.md',
      path: 'models/frontier-7/card.md',
      content: `${Buffer.from(text).toString('base64')}\n`,
      sha,
      url: `${t.gh.apiUrl}${REPO}/contents/models/frontier-7/card.md?ref=${HEAD}`,
      git_url: `${t.gh.apiUrl}${REPO}/git/blobs/${sha}`,
      html_url: `https://github.com/acme/models/blob/${HEAD}/models/frontier-7/card.md`,
      download_url: `https://raw.githubusercontent.com/acme/models/${HEAD}/models/frontier-7/card.md`,
      _links: {
        self: `${t.gh.apiUrl}${REPO}/contents/models/frontier-7/card.md?ref=${HEAD}`,
        git: `${t.gh.apiUrl}${REPO}/git/blobs/${sha}`,
        html: `https://github.com/acme/models/blob/${HEAD}/models/frontier-7/card.md`,
      },
    });
    const binary = await call(
      'GET',
      `${REPO}/contents/models/frontier-7/evals/new.eval?ref=rsp/pr-12`,
    );
    expect(Buffer.from(binary.json.content, 'base64').equals(Buffer.from(BINARY))).toBe(true);
    expect(binary.json.url).toContain('?ref=rsp/pr-12');
    // Without a ref: the default branch.
    const readme = await call('GET', `${REPO}/contents/models/frontier-7/evals/old.json`);
    expect(readme.json).toMatchObject({ type: 'file', sha: gitBlobSha('{"a":1}\n') });
    expect(readme.json.url).toContain('?ref=main');
    const long = 'y'.repeat(200);
    t.gh.state.addCommit(NEXT, { 'long.txt': long });
    const lines = (await call('GET', `${REPO}/contents/long.txt?ref=${NEXT}`)).json.content.split(
      '\n',
    );
    expect(lines.slice(0, -2).every((l: string) => l.length === 60)).toBe(true);
    expect(lines.at(-1)).toBe('');
    expect(t.gh.violations).toEqual([]);
  });

  it('sends no bytes for a file over 1 MB', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    const limit = Buffer.alloc(1024 * 1024, 'b');
    t.gh.state.addCommit(NEXT, { 'big.bin': big, 'limit.bin': limit });
    const { json } = await call('GET', `${REPO}/contents/big.bin?ref=${NEXT}`);
    expect(json).toMatchObject({
      type: 'file',
      encoding: 'none',
      content: '',
      size: big.length,
      sha: gitBlobSha(big),
    });
    const atLimit = await call('GET', `${REPO}/contents/limit.bin?ref=${NEXT}`);
    expect(atLimit.json.encoding).toBe('base64');
    expect(Buffer.from(atLimit.json.content, 'base64').equals(limit)).toBe(true);
    expect(t.gh.violations).toEqual([]);
  });

  it('follows a symlink to a file, and describes any other symlink', async () => {
    t.gh.state.addCommit(NEXT, {
      ...HEAD_FILES,
      'models/current': { symlink: 'frontier-7' },
      'models/frontier-7/up': { symlink: '../../README.md' },
      dangling: { symlink: 'nowhere.md' },
      escape: { symlink: '../outside.md' },
      chain: { symlink: 'latest' },
    });
    // `latest` → models/frontier-7/card.md, a normal file: GitHub answers with that file.
    const latest = await call('GET', `${REPO}/contents/latest?ref=${NEXT}`);
    expect(latest.json).toMatchObject({
      type: 'file',
      name: 'card.md',
      path: 'models/frontier-7/card.md',
      sha: gitBlobSha(HEAD_FILES['models/frontier-7/card.md'] as string),
      encoding: 'base64',
    });
    const up = await call('GET', `${REPO}/contents/models/frontier-7/up?ref=${NEXT}`);
    expect(up.json).toMatchObject({ type: 'file', path: 'README.md' });
    const dir = await call('GET', `${REPO}/contents/models/current?ref=${NEXT}`);
    expect(dir.json).toEqual({
      type: 'symlink',
      target: 'frontier-7',
      size: 'frontier-7'.length,
      name: 'current',
      path: 'models/current',
      sha: gitBlobSha('frontier-7'),
      url: `${t.gh.apiUrl}${REPO}/contents/models/current?ref=${NEXT}`,
      git_url: `${t.gh.apiUrl}${REPO}/git/blobs/${gitBlobSha('frontier-7')}`,
      html_url: `https://github.com/acme/models/blob/${NEXT}/models/current`,
      download_url: `https://raw.githubusercontent.com/acme/models/${NEXT}/models/current`,
      _links: expect.objectContaining({ git: expect.stringContaining('/git/blobs/') }),
    });
    for (const [path, target] of [
      ['dangling', 'nowhere.md'],
      ['escape', '../outside.md'],
      ['chain', 'latest'],
    ]) {
      const { json } = await call('GET', `${REPO}/contents/${path}?ref=${NEXT}`);
      expect(json).toMatchObject({ type: 'symlink', target, path });
    }
    expect(t.gh.violations).toEqual([]);
  });

  it('lists a directory without content, in git order', async () => {
    const { json } = await call('GET', `${REPO}/contents/models/frontier-7?ref=${HEAD}`);
    expect(Array.isArray(json)).toBe(true);
    expect(json.map((e: Json) => [e.type, e.name, e.path])).toEqual([
      ['file', 'card.md', 'models/frontier-7/card.md'],
      ['dir', 'evals', 'models/frontier-7/evals'],
    ]);
    expect(json.every((e: Json) => !('content' in e))).toBe(true);
    const evals = json[1];
    expect(evals).toMatchObject({
      size: 0,
      download_url: null,
      html_url: `https://github.com/acme/models/tree/${HEAD}/models/frontier-7/evals`,
      git_url: expect.stringMatching(/\/git\/trees\/[0-9a-f]{40}$/),
    });
    const models = await call('GET', `${REPO}/contents/models/?ref=${HEAD}`);
    expect(models.json.map((e: Json) => e.path)).toEqual(['models/frontier-7']);
    t.gh.state.addCommit(NEXT, { 'a/link': { symlink: 'b' }, 'a/b': 'b\n' });
    const links = await call('GET', `${REPO}/contents/a?ref=${NEXT}`);
    expect(links.json.map((e: Json) => [e.type, e.name, e.size])).toEqual([
      ['file', 'b', 2],
      ['symlink', 'link', 1],
    ]);
    expect(t.gh.violations).toEqual([]);
  });

  it('answers 404 for a missing path or ref', async () => {
    const path = await call('GET', `${REPO}/contents/nope.md?ref=${HEAD}`);
    expect(path).toMatchObject({ status: 404, json: { message: 'Not Found' } });
    // A path below a file, or through a symlinked directory, is not in git either.
    expect((await call('GET', `${REPO}/contents/README.md/x?ref=${HEAD}`)).status).toBe(404);
    t.gh.state.addCommit(NEXT, { ...HEAD_FILES, 'models/current': { symlink: 'frontier-7' } });
    expect((await call('GET', `${REPO}/contents/models/current/card.md?ref=${NEXT}`)).status).toBe(
      404,
    );
    const ref = await call('GET', `${REPO}/contents/README.md?ref=${MISSING}`);
    expect(ref).toMatchObject({
      status: 404,
      json: { message: `No commit found for the ref ${MISSING}` },
    });
    expect((await call('GET', '/repos/acme/other/contents/README.md')).status).toBe(404);
    expect(t.gh.violations).toEqual([]);
  });

  it('reads the same through @octokit/rest', async () => {
    const { Octokit } = await import('@octokit/rest');
    const octokit = new Octokit({ auth: 'ghs_bot', baseUrl: t.gh.apiUrl });
    const repo = { owner: 'acme', repo: 'models' };
    const { data } = await octokit.rest.repos.getContent({ ...repo, path: 'README.md', ref: HEAD });
    expect(!Array.isArray(data) && data.type === 'file' && data.content).toBe(
      `${Buffer.from('RSP gate\n').toString('base64')}\n`,
    );
    const dir = await octokit.rest.repos.getContent({ ...repo, path: 'models', ref: HEAD });
    expect(Array.isArray(dir.data)).toBe(true);
    await expect(
      octokit.rest.repos.getContent({ ...repo, path: 'nope', ref: HEAD }),
    ).rejects.toMatchObject({ status: 404 });
    const compared = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${BASE}...${HEAD}`,
    });
    expect(compared.data.merge_base_commit.sha).toBe(BASE);
    expect(compared.data.files).toHaveLength(5);
    expect(t.gh.violations).toEqual([]);
  });
});

/** The document the gate sends for directories (depth 4, aliases d0, d1, …). */
function entries(depth: number): string {
  const below = depth > 1 ? ` object { ... on Tree { ${entries(depth - 1)} } }` : '';
  return `entries { path mode type oid size${below} }`;
}
const DIRECTORIES = `query ($owner: String!, $name: String!, $e0: String!, $e1: String!) {
  repository(owner: $owner, name: $name) {
    d0: object(expression: $e0) { ... on Tree { ${entries(4)} } }
    d1: object(expression: $e1) { ... on Tree { ${entries(1)} } }
  }
}`;

const CONVERSATION = `query ($owner: String!, $name: String!, $number: Int!) {
  viewer { login databaseId }
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      comments(first: 100) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id databaseId body url
          author { login ... on User { databaseId } ... on Bot { databaseId } }
          userContentEdits(first: 100) { pageInfo { hasNextPage endCursor } nodes { editedAt diff editor { login } } }
        }
      }
      reviews(first: 100) {
        pageInfo { hasNextPage endCursor }
        nodes { state submittedAt author { login } commit { oid } }
      }
    }
  }
}`;

const repoVars = { owner: 'acme', name: 'models' };

describe('GraphQL git objects', () => {
  it('lists directories with full paths, numeric modes and nested trees', async () => {
    t.gh.state.addCommit(NEXT, {
      ...HEAD_FILES,
      'models/frontier-7/run.sh': { executable: '#!/bin/sh\n' },
      'models/frontier-7/evals/deep/er/est/x.json': '{}\n',
    });
    const res = await graphql(DIRECTORIES, {
      ...repoVars,
      e0: `${NEXT}:models`,
      e1: `${NEXT}:`,
    });
    expect(res.errors).toBeUndefined();
    const { d0, d1 } = res.data.repository;
    const tree = (sha: string, path: string): string =>
      t.gh.state.commits.get(sha)!.snapshot.listing.find((e) => e.path === path)!.sha;
    expect(d1.entries).toEqual([
      { path: 'README.md', mode: 33188, type: 'blob', oid: gitBlobSha('RSP gate\n'), size: 9 },
      { path: 'docs', mode: 16384, type: 'tree', oid: tree(NEXT, 'docs'), size: 0 },
      {
        path: 'latest',
        mode: 40960,
        type: 'blob',
        oid: gitBlobSha('models/frontier-7/card.md'),
        size: 25,
      },
      { path: 'models', mode: 16384, type: 'tree', oid: tree(NEXT, 'models'), size: 0 },
      { path: 'safeguards', mode: 16384, type: 'tree', oid: tree(NEXT, 'safeguards'), size: 0 },
    ]);
    const [frontier] = d0.entries;
    expect(frontier).toMatchObject({ path: 'models/frontier-7', type: 'tree', mode: 16384 });
    const level2 = frontier.object.entries;
    expect(level2.map((e: Json) => [e.path, e.mode])).toEqual([
      ['models/frontier-7/card.md', 33188],
      ['models/frontier-7/evals', 16384],
      ['models/frontier-7/run.sh', 33261],
    ]);
    const evals = level2[1].object.entries;
    expect(evals.map((e: Json) => e.path)).toEqual([
      'models/frontier-7/evals/deep',
      'models/frontier-7/evals/new.eval',
    ]);
    expect(evals[1]).toMatchObject({ size: BINARY.length, object: {} });
    // Depth 4 ends here: the deepest selected level has no `object`.
    const deep = evals[0].object.entries;
    expect(deep).toEqual([
      {
        path: 'models/frontier-7/evals/deep/er',
        mode: 16384,
        type: 'tree',
        oid: tree(NEXT, 'models/frontier-7/evals/deep/er'),
        size: 0,
      },
    ]);
    expect(t.gh.violations).toEqual([]);
  });

  it('resolves a missing path or revision to null without an error', async () => {
    const res = await graphql(DIRECTORIES, {
      ...repoVars,
      e0: `${HEAD}:nope`,
      e1: `${MISSING}:`,
    });
    expect(res).toEqual({ data: { repository: { d0: null, d1: null } } });
    // A file is a Blob, not a Tree: the fragment selects nothing.
    const file = await graphql(DIRECTORIES, {
      ...repoVars,
      e0: `${HEAD}:README.md`,
      e1: 'main:models/',
    });
    expect(file.data.repository.d0).toEqual({});
    expect(file.data.repository.d1.entries.map((e: Json) => e.path)).toEqual(['models/frontier-7']);
    expect(t.gh.violations).toEqual([]);
  });

  it('serves blobs, commits and objects by oid', async () => {
    const query = `query ($e: String, $oid: GitObjectID) {
      repository(owner: "acme", name: "models") {
        byExpression: object(expression: $e) {
          __typename oid
          ... on Blob { byteSize isBinary text isTruncated }
          ... on Commit { tree { oid entries { name path } } }
        }
        byOid: object(oid: $oid) { __typename oid ... on Tree { entries { name path } } }
      }
    }`;
    const treeSha = t.gh.state.commits
      .get(HEAD)!
      .snapshot.listing.find((e) => e.path === 'models/frontier-7')!.sha;
    const text = await graphql(query, { e: `${HEAD}:README.md`, oid: treeSha });
    expect(text.data.repository.byExpression).toEqual({
      __typename: 'Blob',
      oid: gitBlobSha('RSP gate\n'),
      byteSize: 9,
      isBinary: false,
      text: 'RSP gate\n',
      isTruncated: false,
    });
    // A tree by oid alone has no place in the repository: its paths are its names.
    expect(text.data.repository.byOid).toEqual({
      __typename: 'Tree',
      oid: treeSha,
      entries: [
        { name: 'card.md', path: 'card.md' },
        { name: 'evals', path: 'evals' },
      ],
    });
    const binary = await graphql(query, {
      e: `rsp/pr-12:models/frontier-7/evals/new.eval`,
      oid: HEAD,
    });
    expect(binary.data.repository.byExpression).toMatchObject({
      isBinary: true,
      text: null,
      byteSize: BINARY.length,
    });
    expect(binary.data.repository.byOid).toEqual({ __typename: 'Commit', oid: HEAD });
    const commit = await graphql(query, { e: 'main', oid: MISSING });
    expect(commit.data.repository.byExpression).toMatchObject({
      __typename: 'Commit',
      oid: BASE,
      tree: { oid: t.gh.state.commits.get(BASE)!.treeSha },
    });
    expect(commit.data.repository.byExpression.tree.entries[0]).toEqual({
      name: 'README.md',
      path: 'README.md',
    });
    expect(commit.data.repository.byOid).toBeNull();
    expect(t.gh.violations).toEqual([]);
  });

  it('answers NOT_FOUND for another repository, and records fields it does not serve', async () => {
    const other = await graphql(DIRECTORIES, {
      owner: 'acme',
      name: 'secret',
      e0: `${HEAD}:`,
      e1: `${HEAD}:`,
    });
    expect(other.data).toEqual({ repository: null });
    expect(other.errors).toEqual([
      expect.objectContaining({
        type: 'NOT_FOUND',
        path: ['repository'],
        message: "Could not resolve to a Repository with the name 'acme/secret'.",
      }),
    ]);
    const cased = await graphql(DIRECTORIES, {
      owner: 'ACME',
      name: 'Models',
      e0: `${HEAD}:`,
      e1: `${HEAD}:`,
    });
    expect(cased.data.repository.d0.entries).toHaveLength(5);
    expect(t.gh.violations).toEqual([]);
    const unserved = await graphql(
      'query { repository(owner: "acme", name: "models") { forkCount } }',
    );
    expect(unserved.errors[0].message).toBe('the fake GitHub does not serve Repository.forkCount');
    expect(t.gh.violations.map((v) => v.problems)).toEqual([
      ['fake: the fake GitHub does not serve Repository.forkCount'],
    ]);
  });
});

describe('GraphQL pull request conversation', () => {
  it('answers the conversation query: comments with their edits, reviews', async () => {
    const bot = await call('POST', `${REPO}/issues/12/comments`, { body: { body: '- [ ] ASL-3' } });
    t.gh.state.userEditsComment(bot.json.id, 'rso-jane', '- [x] ASL-3');
    const human = t.gh.state.addComment(12, 'bob', 'LGTM');
    const approve = t.gh.state.addReview({ pr: 12, user: 'rso-jane', state: 'APPROVED' });
    t.gh.state.addCommit(NEXT, { ...HEAD_FILES, 'README.md': 'v2\n' }, HEAD);
    t.gh.state.pushCommit(12, NEXT);
    t.gh.state.addReview({ pr: 12, user: 'ceo-sam', state: 'CHANGES_REQUESTED', body: 'no' });
    t.gh.state.addReview({ pr: 12, user: 'bob', state: 'COMMENTED' });
    t.gh.state.dismissReview(approve.id);
    // A draft review of someone else is not visible.
    t.gh.state.addReview({ pr: 12, user: 'omar', state: 'PENDING' });
    const res = await graphql(CONVERSATION, { ...repoVars, number: 12 });
    expect(res.errors).toBeUndefined();
    expect(res.data.viewer).toEqual({ login: 'github-actions[bot]', databaseId: 41898282 });
    const { comments, reviews } = res.data.repository.pullRequest;
    expect(comments.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    expect(comments.nodes).toEqual([
      {
        id: bot.json.node_id,
        databaseId: bot.json.id,
        body: '- [x] ASL-3',
        url: bot.json.html_url,
        author: { login: 'github-actions[bot]', databaseId: 41898282 },
        userContentEdits: {
          pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
          nodes: [
            { editedAt: expect.any(String), diff: '- [x] ASL-3', editor: { login: 'rso-jane' } },
            {
              editedAt: bot.json.created_at,
              diff: '- [ ] ASL-3',
              editor: { login: 'github-actions[bot]' },
            },
          ],
        },
      },
      {
        id: human.nodeId,
        databaseId: human.id,
        body: 'LGTM',
        url: `https://github.com/acme/models/pull/12#issuecomment-${human.id}`,
        author: { login: 'bob', databaseId: t.gh.state.identity('bob').id },
        userContentEdits: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
      },
    ]);
    expect(reviews.pageInfo.hasNextPage).toBe(false);
    expect(reviews.nodes).toEqual([
      {
        state: 'DISMISSED',
        submittedAt: approve.submittedAt,
        author: { login: 'rso-jane' },
        commit: { oid: HEAD },
      },
      {
        state: 'CHANGES_REQUESTED',
        submittedAt: expect.any(String),
        author: { login: 'ceo-sam' },
        commit: { oid: NEXT },
      },
      {
        state: 'COMMENTED',
        submittedAt: expect.any(String),
        author: { login: 'bob' },
        commit: { oid: NEXT },
      },
    ]);
    // Only its author sees a pending review, which has no submission time.
    const others = await graphql(CONVERSATION, { ...repoVars, number: 12 }, 'ghp_alice');
    expect(others.data.repository.pullRequest.reviews.nodes).toHaveLength(3);
    t.gh.state.addReview({ pr: 12, user: 'alice', state: 'PENDING' });
    const alice = await graphql(CONVERSATION, { ...repoVars, number: 12 }, 'ghp_alice');
    expect(alice.data.repository.pullRequest.reviews.nodes.at(-1)).toMatchObject({
      state: 'PENDING',
      submittedAt: null,
      author: { login: 'alice' },
    });
    // The REST list agrees, and leaves `submitted_at` out of the pending review.
    expect((await call('GET', `${REPO}/pulls/12/reviews`)).json).toHaveLength(3);
    const rest = await call('GET', `${REPO}/pulls/12/reviews`, { token: 'ghp_alice' });
    expect(rest.json.map((r: Json) => r.state)).toEqual([
      'DISMISSED',
      'CHANGES_REQUESTED',
      'COMMENTED',
      'PENDING',
    ]);
    expect('submitted_at' in rest.json[3]).toBe(false);
    expect(t.gh.violations).toEqual([]);
  });

  it('pages comments and reviews as GitHub does', async () => {
    for (const user of ['a', 'b', 'c']) {
      t.gh.state.addComment(12, user, `from ${user}`);
      t.gh.state.addReview({ pr: 12, user, state: 'COMMENTED' });
    }
    const query = `query ($n: Int!, $c: String, $r: String) {
      repository(owner: "acme", name: "models") {
        pullRequest(number: $n) {
          comments(first: 2, after: $c) {
            totalCount pageInfo { hasNextPage endCursor } nodes { body }
          }
          reviews(first: 2, after: $r) {
            totalCount pageInfo { hasNextPage endCursor }
            nodes { id databaseId body author { login } }
          }
        }
      }
    }`;
    const page1 = (await graphql(query, { n: 12 })).data.repository.pullRequest;
    expect(page1.comments).toMatchObject({
      totalCount: 3,
      pageInfo: { hasNextPage: true },
      nodes: [{ body: 'from a' }, { body: 'from b' }],
    });
    expect(page1.reviews.nodes.map((r: Json) => r.author.login)).toEqual(['a', 'b']);
    expect(page1.reviews.nodes[0].id).toMatch(/^PRR_/);
    const page2 = (
      await graphql(query, {
        n: 12,
        c: page1.comments.pageInfo.endCursor,
        r: page1.reviews.pageInfo.endCursor,
      })
    ).data.repository.pullRequest;
    expect(page2.comments.nodes).toEqual([{ body: 'from c' }]);
    expect(page2.comments.pageInfo.hasNextPage).toBe(false);
    expect(page2.reviews.nodes.map((r: Json) => r.author.login)).toEqual(['c']);
    expect(t.gh.violations).toEqual([]);
    const excessive = await graphql(
      'query { repository(owner: "acme", name: "models") { pullRequest(number: 12) { reviews(first: 101) { totalCount } } } }',
    );
    expect(excessive.errors[0]).toMatchObject({ type: 'EXCESSIVE_PAGINATION' });
    expect(t.gh.violations).toHaveLength(1);
  });

  it('answers null and NOT_FOUND for an unknown pull request', async () => {
    const res = await graphql(CONVERSATION, { ...repoVars, number: 404 });
    expect(res.data).toEqual({
      viewer: { login: 'github-actions[bot]', databaseId: 41898282 },
      repository: { pullRequest: null },
    });
    expect(res.errors).toEqual([
      expect.objectContaining({
        type: 'NOT_FOUND',
        path: ['repository', 'pullRequest'],
        message: 'Could not resolve to a PullRequest with the number of 404.',
      }),
    ]);
    expect(t.gh.violations).toEqual([]);
  });

  it('keeps node(id:) serving comments, and deleted accounts as null actors', async () => {
    const comment = t.gh.state.addComment(12, 'bob', 'hi');
    t.gh.state.addReview({ pr: 12, user: 'bob', state: 'APPROVED' });
    t.gh.state.deleteUser('bob');
    const node = await graphql(
      'query ($id: ID!) { node(id: $id) { ... on IssueComment { body author { login } } } }',
      { id: comment.nodeId },
    );
    expect(node.data.node).toEqual({ body: 'hi', author: null });
    const conversation = await graphql(CONVERSATION, { ...repoVars, number: 12 });
    expect(conversation.data.repository.pullRequest.reviews.nodes[0].author).toBeNull();
    expect(t.gh.violations).toEqual([]);
  });
});
