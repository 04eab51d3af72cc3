import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitBlobSha } from './git-objects.js';
import {
  BASE,
  BINARY,
  HEAD,
  HEAD_FILES,
  NEXT,
  REPO,
  useFakeGitHub,
  type Json,
} from './fake-github-fixture.js';

const t = useFakeGitHub();
const call = t.call;

describe('pull requests', () => {
  it('serves the fields the Action reads', async () => {
    const { status, json } = await call('GET', `${REPO}/pulls/12`);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      number: 12,
      state: 'open',
      draft: false,
      merged: false,
      user: { login: 'alice', type: 'User' },
      head: { sha: HEAD, ref: 'rsp/pr-12', repo: { full_name: 'acme/models' } },
      base: { sha: BASE, ref: 'main', repo: { full_name: 'acme/models' } },
      html_url: 'https://github.com/acme/models/pull/12',
      changed_files: 5,
    });
    expect(json.node_id).toMatch(/^PR_/);
    expect((await call('GET', `${REPO}/pulls/99`)).status).toBe(404);
    t.gh.state.closePullRequest(12, { merged: true, mergeCommitSha: NEXT });
    expect((await call('GET', `${REPO}/pulls/12`)).json).toMatchObject({
      state: 'closed',
      merged: true,
    });
    expect(t.gh.violations).toEqual([]);
  });

  it('lists changed files page by page, following GitHub-style Link headers', async () => {
    const first = await call('GET', `${REPO}/pulls/12/files?per_page=2`);
    const link = first.headers.get('link')!;
    expect(link).toContain(
      `/repositories/${t.gh.state.repo.id}/pulls/12/files?per_page=2&page=2>; rel="next"`,
    );
    expect(link).toContain('page=3>; rel="last"');
    const files: Json[] = [...first.json];
    let next = /<([^>]+)>; rel="next"/.exec(link)?.[1];
    while (next) {
      const page = await call('GET', next);
      files.push(...page.json);
      next = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
    }
    const byName = Object.fromEntries(files.map((f) => [f.filename, f]));
    expect(Object.keys(byName)).toEqual([
      'docs/manual.md',
      'latest',
      'models/frontier-7/card.md',
      'models/frontier-7/evals/new.eval',
      'models/frontier-7/evals/old.json',
    ]);
    expect(byName['docs/manual.md']).toMatchObject({
      status: 'renamed',
      previous_filename: 'docs/guide.md',
    });
    expect(byName['models/frontier-7/card.md']).toMatchObject({
      status: 'modified',
      additions: 2,
      deletions: 1,
      changes: 3,
    });
    expect(byName['models/frontier-7/evals/new.eval']).toMatchObject({
      status: 'added',
      additions: 0,
      sha: gitBlobSha(BINARY),
    });
    expect(byName['models/frontier-7/evals/old.json']).toMatchObject({
      status: 'removed',
      deletions: 1,
    });
    expect(byName.latest).toMatchObject({ status: 'added', additions: 1 });
    expect(t.gh.requests.map((r) => r.path)).toContain(
      `/repositories/${t.gh.state.repo.id}/pulls/12/files`,
    );
    expect(t.gh.violations).toEqual([]);
  });

  it('lists reviews and associated pull requests', async () => {
    const approve = t.gh.state.addReview({ pr: 12, user: 'rso-jane', state: 'APPROVED' });
    t.gh.state.addCommit(NEXT, { ...HEAD_FILES, 'README.md': 'v2\n' }, HEAD);
    t.gh.state.pushCommit(12, NEXT);
    t.gh.state.addReview({ pr: 12, user: 'ceo-sam', state: 'CHANGES_REQUESTED', body: 'no' });
    t.gh.state.dismissReview(approve.id);
    const { json, headers } = await call('GET', `${REPO}/pulls/12/reviews?per_page=1`);
    expect(headers.get('link')).toContain('rel="next"');
    expect(json).toEqual([
      expect.objectContaining({
        state: 'DISMISSED',
        commit_id: HEAD,
        user: expect.objectContaining({ login: 'rso-jane' }),
      }),
    ]);
    const second = await call('GET', `${REPO}/pulls/12/reviews?per_page=1&page=2`);
    expect(second.json[0]).toMatchObject({
      state: 'CHANGES_REQUESTED',
      commit_id: NEXT,
      body: 'no',
    });
    expect(
      (await call('GET', `${REPO}/commits/${HEAD}/pulls`)).json.map((p: Json) => p.number),
    ).toEqual([12]);
    expect((await call('GET', `${REPO}/commits/${BASE}/pulls`)).json).toEqual([]);
    expect(t.gh.violations).toEqual([]);
  });
});

describe('git data', () => {
  it('lists trees recursively with real git ids, directories and symlinks', async () => {
    const { json } = await call('GET', `${REPO}/git/trees/${HEAD}?recursive=1`);
    expect(json.truncated).toBe(false);
    expect(json.sha).toBe(t.gh.state.commits.get(HEAD)!.treeSha);
    const byPath = Object.fromEntries(json.tree.map((e: Json) => [e.path, e]));
    expect(byPath.models).toMatchObject({ type: 'tree', mode: '040000' });
    expect(byPath['models/frontier-7/evals']).toMatchObject({ type: 'tree' });
    expect(byPath.latest).toMatchObject({ type: 'blob', mode: '120000', size: 25 });
    expect(byPath['README.md']).toMatchObject({
      mode: '100644',
      size: 9,
      sha: gitBlobSha('RSP gate\n'),
    });
    expect(gitBlobSha('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    const top = await call('GET', `${REPO}/git/trees/${json.sha}`);
    expect(top.json.tree.map((e: Json) => e.path)).toEqual([
      'README.md',
      'docs',
      'latest',
      'models',
      'safeguards',
    ]);
    expect((await call('GET', `${REPO}/git/trees/main?recursive=1`)).json.sha).toBe(
      t.gh.state.commits.get(BASE)!.treeSha,
    );
    expect((await call('GET', `${REPO}/git/trees/${'9'.repeat(40)}`)).status).toBe(404);
    expect(t.gh.violations).toEqual([]);
  });

  it('computes the same tree id as git itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fake-gh-'));
    try {
      for (const [path, spec] of Object.entries(HEAD_FILES)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        if (typeof spec === 'object' && 'symlink' in spec)
          symlinkSync(spec.symlink, join(dir, path));
        else writeFileSync(join(dir, path), spec as string | Uint8Array);
      }
      const git = (...args: string[]): string =>
        execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
      git('init', '-q');
      git('add', '-A');
      expect(git('write-tree')).toBe(t.gh.state.commits.get(HEAD)!.treeSha);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round-trips blob content, binary included, as 60-column base64', async () => {
    const text = 'x'.repeat(200);
    t.gh.state.addCommit(NEXT, { 'big.txt': text, 'bin.eval': BINARY });
    for (const content of [Buffer.from(text), Buffer.from(BINARY)]) {
      const { json } = await call('GET', `${REPO}/git/blobs/${gitBlobSha(content)}`);
      expect(json).toMatchObject({
        encoding: 'base64',
        size: content.length,
        sha: gitBlobSha(content),
      });
      const lines = json.content.split('\n');
      expect(lines.at(-1)).toBe('');
      expect(lines.slice(0, -2).every((l: string) => l.length === 60)).toBe(true);
      expect(Buffer.from(json.content, 'base64').equals(content)).toBe(true);
    }
    expect(
      (await call('GET', `${REPO}/git/blobs/${t.gh.state.commits.get(HEAD)!.treeSha}`)).status,
    ).toBe(404);
    expect(t.gh.violations).toEqual([]);
  });
});

describe('teams, auth and requests GitHub would reject', () => {
  it('pages team members and hides teams the token may not read', async () => {
    t.gh.state.setTeamMembers('acme', 'rso', ['jane', 'omar', 'li']);
    t.gh.state.setTeamMembers('acme', 'board', 'forbidden');
    t.gh.state.setTeamMembers('acme', 'ceo', ['sam'], { visibleTo: ['ghp_alice'] });
    const first = await call('GET', '/orgs/acme/teams/rso/members?per_page=2');
    expect(first.json.map((u: Json) => u.login)).toEqual(['jane', 'omar']);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link')!)![1]!;
    expect(next).toMatch(/\/organizations\/\d+\/team\/\d+\/members\?per_page=2&page=2$/);
    expect((await call('GET', next)).json.map((u: Json) => u.login)).toEqual(['li']);
    expect((await call('GET', '/orgs/acme/teams/board/members')).status).toBe(404);
    expect((await call('GET', '/orgs/acme/teams/ceo/members')).status).toBe(404);
    expect((await call('GET', '/orgs/acme/teams/ceo/members', { token: 'ghp_alice' })).status).toBe(
      200,
    );
    expect((await call('GET', '/orgs/acme/teams/nobody/members')).status).toBe(404);
    expect(t.gh.violations).toEqual([]);
  });

  it('answers 401 without or with an unknown token and 403 to writes with a read-only one', async () => {
    expect((await call('GET', `${REPO}/pulls/12`, { token: null })).status).toBe(401);
    const bad = await call('GET', `${REPO}/pulls/12`, { token: 'ghs_nope' });
    expect(bad).toMatchObject({ status: 401, json: { message: 'Bad credentials' } });
    expect((await call('GET', `${REPO}/pulls/12`, { token: 'ghs_readonly' })).status).toBe(200);
    const write = await call('POST', `${REPO}/issues/12/comments`, {
      token: 'ghs_readonly',
      body: { body: 'x' },
    });
    expect(write).toMatchObject({
      status: 403,
      json: { message: 'Resource not accessible by integration' },
    });
    expect(t.gh.violations).toEqual([]);
  });

  it('records requests GitHub would reject or the fake does not serve', async () => {
    await call('GET', `${REPO}/pulls/12/files?per_page=abc`);
    await call('POST', `${REPO}/check-runs`, {
      body: { name: 'x', head_sha: HEAD, titel: 'typo' },
    });
    const nowhere = await call('GET', `${REPO}/pulls/12/nowhere`);
    expect(nowhere.status).toBe(404);
    expect(nowhere.json).toMatchObject({
      message: 'Not Found',
      documentation_url: expect.stringContaining('docs.github.com'),
    });
    const unserved = await call('GET', `${REPO}/issues/12`);
    expect(unserved.status).toBe(404);
    expect(t.gh.violations.map((v) => `${v.method} ${v.path}: ${v.problems.join(' | ')}`)).toEqual([
      expect.stringMatching(
        /pulls\/12\/files: request: query parameter per_page must be an integer/,
      ),
      expect.stringMatching(
        /check-runs: request: body has a property GitHub does not define: "titel"/,
      ),
      expect.stringMatching(
        /nowhere: request: .* is not a path in GitHub's REST API \| fake: .*not served/,
      ),
      expect.stringMatching(/issues\/12: fake: GET .* is not served \(issues\/get\)/),
    ]);
    expect(t.gh.requests.map((r) => r.status)).toEqual([200, 201, 404, 404]);
  });

  it('injects failures and connection resets', async () => {
    t.gh.state.failNext({
      path: /\/pulls\/12$/,
      status: 502,
      body: { message: 'Bad Gateway' },
      times: 2,
    });
    t.gh.state.failNext({
      method: 'POST',
      path: /comments$/,
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'secondary rate limit' },
    });
    expect((await call('GET', `${REPO}/pulls/12`)).status).toBe(502);
    expect((await call('GET', `${REPO}/pulls/12`)).status).toBe(502);
    expect((await call('GET', `${REPO}/pulls/12`)).status).toBe(200);
    expect((await call('GET', `${REPO}/issues/12/comments`)).status).toBe(200);
    const limited = await call('POST', `${REPO}/issues/12/comments`, { body: { body: 'x' } });
    expect(limited.headers.get('retry-after')).toBe('1');
    t.gh.state.resetConnectionNext(/\/git\/trees\//);
    await expect(call('GET', `${REPO}/git/trees/${HEAD}`)).rejects.toThrow();
    expect((await call('GET', `${REPO}/git/trees/${HEAD}`)).status).toBe(200);
    expect(t.gh.requests.map((r) => r.status)).toEqual([502, 502, 200, 200, 403, 0, 200]);
    expect(t.gh.violations).toEqual([]);
  });
});

describe('with the client the Action uses', () => {
  it('serves @octokit/rest, pagination and GraphQL included, without violations', async () => {
    const { Octokit } = await import('@octokit/rest');
    const octokit = new Octokit({ auth: 'ghs_bot', baseUrl: t.gh.apiUrl });
    const repo = { owner: 'acme', repo: 'models' };
    t.gh.state.setTeamMembers('acme', 'rso', ['jane', 'omar', 'li']);
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      ...repo,
      pull_number: 12,
      per_page: 2,
    });
    expect(files).toHaveLength(5);
    const members = await octokit.paginate(octokit.rest.teams.listMembersInOrg, {
      org: 'acme',
      team_slug: 'rso',
      per_page: 1,
    });
    expect(members.map((m) => m.login)).toEqual(['jane', 'omar', 'li']);
    const tree = await octokit.rest.git.getTree({ ...repo, tree_sha: HEAD, recursive: '1' });
    expect(tree.data.tree.length).toBeGreaterThan(6);
    const { data: comment } = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: 12,
      body: 'hi',
    });
    await octokit.rest.issues.updateComment({ ...repo, comment_id: comment.id, body: 'hi again' });
    const { data: run } = await octokit.rest.checks.create({
      ...repo,
      name: 'rsp-gate',
      head_sha: HEAD,
      status: 'in_progress',
    });
    await octokit.rest.checks.update({
      ...repo,
      check_run_id: run.id,
      conclusion: 'success',
      output: { title: 'ok', summary: 'ok' },
    });
    const runs = await octokit.rest.checks.listForRef({
      ...repo,
      ref: HEAD,
      check_name: 'rsp-gate',
    });
    expect(runs.data.check_runs[0]?.conclusion).toBe('success');
    const { data: described } = await octokit.rest.repos.get(repo);
    expect(described).toMatchObject({ full_name: 'acme/models', default_branch: 'main' });
    const viewer = await octokit.request(`POST ${t.gh.graphqlUrl}`, {
      query: 'query { viewer { login } }',
      variables: {},
    });
    expect(viewer.data).toEqual({ data: { viewer: { login: 'github-actions[bot]' } } });
    expect(t.gh.violations).toEqual([]);
  });
});
