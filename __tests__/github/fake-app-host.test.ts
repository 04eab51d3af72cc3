import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@octokit/app';
import { Octokit } from '@octokit/rest';
import { Webhooks } from '@octokit/webhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JWT_ERRORS, OPERATION_PERMISSIONS } from './fake-app-auth.js';
import { startFakeGitHubHost, type FakeGitHubHost } from './fake-app-host.js';
import { servedOperations } from './fake-rest.js';
import {
  buildCheckRunEvent,
  buildInstallationRepositoriesEvent,
  buildPullRequestEvent,
} from './webhooks.js';

// Response bodies are GitHub's JSON: typed loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const BASE = '1111111111111111111111111111111111111111';
const HEAD = '2222222222222222222222222222222222222222';
const POLICY = '3333333333333333333333333333333333333333';

let gh: FakeGitHubHost;
/** the host's clock (ms): JWTs and installation tokens are judged by it */
let clock: number;

beforeEach(async () => {
  clock = Date.now();
  gh = await startFakeGitHubHost({
    tokens: { ghp_alice: { login: 'alice' } },
    clock: () => clock,
  });
  for (const name of ['models', 'secret']) {
    const repo = gh.addRepository('acme', name);
    repo.addCommit(BASE, { 'README.md': `${name}\n` });
    repo.addCommit(HEAD, { 'README.md': `${name} v2\n` }, BASE);
    repo.openPullRequest({ number: 12, author: 'alice', head: HEAD, base: BASE, title: name });
  }
  const org = gh.addRepository('acme', '.github', { defaultBranch: 'trunk' });
  org.addCommit(POLICY, { '.github/rsp-policy.yml': 'mode: enforce\n' });
  org.setBranch('trunk', POLICY);
  gh.addRepository('globex', 'lib').addCommit(BASE, { 'README.md': 'lib\n' });
  gh.addInstallation(7, 'acme', ['models', '.github']);
  gh.addInstallation(8, 'globex', 'all');
});

afterEach(async () => {
  await gh.close();
});

async function call(
  method: string,
  path: string,
  credential: string | null,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  const res = await fetch(gh.apiUrl + path, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

async function graphql(
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Json> {
  const res = await fetch(gh.graphqlUrl, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

/** 404s are expected here: no request log on stderr. */
const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** The App as the server runs it: @octokit/app on the host's URL. */
function theApp() {
  return new App({
    appId: gh.app.id,
    privateKey: gh.app.privateKey,
    Octokit: Octokit.defaults({ baseUrl: gh.apiUrl, log: QUIET }),
  });
}

describe('the App JWT', () => {
  it('is accepted when @octokit/app signs it, and lists the installations', async () => {
    const app = theApp();
    const { data: me } = await app.octokit.request('GET /app');
    expect(me).toMatchObject({ id: gh.app.id, slug: 'rsp-gate', owner: { login: 'acme' } });
    const installations: Json[] = [];
    for await (const { installation } of app.eachInstallation.iterator())
      installations.push(installation);
    expect(installations.map((i) => [i.id, i.account.login, i.repository_selection])).toEqual([
      [7, 'acme', 'selected'],
      [8, 'globex', 'all'],
    ]);
    const { data: where } = await app.octokit.request('GET /repos/{owner}/{repo}/installation', {
      owner: 'acme',
      repo: 'models',
    });
    expect(where.id).toBe(7);
    await expect(
      app.octokit.request('GET /repos/{owner}/{repo}/installation', {
        owner: 'acme',
        repo: 'secret',
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect(gh.requests.find((r) => r.path === '/app')?.login).toBe('rsp-gate');
    expect(gh.violations).toEqual([]);
  });

  it('is refused with GitHub’s answers: wrong key, expired, too long, not yet issued, unknown App', async () => {
    const now = Math.floor(clock / 1000);
    const { privateKey: otherKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const refused = async (jwt: string | null): Promise<[number, string]> => {
      const { status, json } = await call('GET', '/app/installations', jwt);
      return [status, json.message];
    };
    expect(await refused(gh.appJwt())).toEqual([200, undefined]);
    expect(await refused(gh.appJwt({ iss: String(gh.app.id) }))).toEqual([200, undefined]);
    expect(await refused(gh.appJwt({ privateKey: otherKey }))).toEqual([
      401,
      JWT_ERRORS.undecodable,
    ]);
    expect(await refused(gh.appJwt({ iat: now - 700, exp: now - 100 }))).toEqual([
      401,
      JWT_ERRORS.expired,
    ]);
    expect(await refused(gh.appJwt({ iat: now - 10, exp: now + 591 }))).toEqual([
      401,
      JWT_ERRORS.tooLong,
    ]);
    expect(await refused(gh.appJwt({ iat: now + 60, exp: now + 600 }))).toEqual([
      401,
      JWT_ERRORS.issuedAt,
    ]);
    expect(await refused(gh.appJwt({ iss: 'rsp-gate' }))).toEqual([401, JWT_ERRORS.issuer]);
    expect(await refused(gh.appJwt({ iss: gh.app.id + 1 }))).toEqual([
      404,
      'Integration not found',
    ]);
    expect(await refused(gh.installationToken(7))).toEqual([401, JWT_ERRORS.undecodable]);
    expect(await refused(null)).toEqual([401, 'Requires authentication']);
    // A JWT is not a token for a repository.
    expect((await call('GET', '/repos/acme/models/pulls', gh.appJwt())).status).toBe(401);
    expect(gh.violations).toEqual([]);
  });
});

describe('installation tokens', () => {
  it('are valid for an hour, on the installation’s repositories only', async () => {
    const app = theApp();
    const { data: minted } = await app.octokit.request(
      'POST /app/installations/{installation_id}/access_tokens',
      { installation_id: 7 },
    );
    expect(minted.token).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
    expect(Date.parse(minted.expires_at) - clock).toBeGreaterThan(3599_000);
    expect(Date.parse(minted.expires_at) - clock).toBeLessThanOrEqual(3600_000);
    expect(minted.repositories?.map((r) => r.full_name)).toEqual(['acme/models', 'acme/.github']);

    const octokit = await app.getInstallationOctokit(7);
    const { data: pulls } = await octokit.request('GET /repos/{owner}/{repo}/pulls', {
      owner: 'acme',
      repo: 'models',
    });
    expect(pulls.map((p: Json) => p.title)).toEqual(['models']);
    for (const [owner, repo] of [
      ['acme', 'secret'],
      ['globex', 'lib'],
      ['acme', 'nowhere'],
    ] as const) {
      await expect(
        octokit.request('GET /repos/{owner}/{repo}/pulls', { owner, repo }),
      ).rejects.toMatchObject({ status: 404 });
    }
    const { data: listed } = await octokit.request('GET /installation/repositories');
    expect(listed.repositories.map((r: Json) => r.full_name)).toEqual([
      'acme/models',
      'acme/.github',
    ]);
    // The org's policy repository: its default branch, and the head of it.
    const { data: orgRepo } = await octokit.request('GET /repos/{owner}/{repo}', {
      owner: 'acme',
      repo: '.github',
    });
    const { data: branch } = await octokit.request('GET /repos/{owner}/{repo}/branches/{branch}', {
      owner: 'acme',
      repo: '.github',
      branch: orgRepo.default_branch,
    });
    expect(branch.commit.sha).toBe(POLICY);

    clock += 3600_000;
    expect((await call('GET', '/repos/acme/models/pulls', minted.token)).json.message).toBe(
      'Bad credentials',
    );
    expect(gh.violations).toEqual([]);
  });

  it('can be narrowed to some repositories, never widened, and stop with the installation', async () => {
    const jwt = gh.appJwt();
    const narrowed = await call('POST', '/app/installations/7/access_tokens', jwt, {
      repositories: ['models'],
    });
    expect(narrowed.status).toBe(201);
    expect((await call('GET', '/repos/acme/models/pulls/12', narrowed.json.token)).status).toBe(
      200,
    );
    expect((await call('GET', '/repos/acme/.github', narrowed.json.token)).status).toBe(404);
    const widened = await call('POST', '/app/installations/7/access_tokens', jwt, {
      repositories: ['secret'],
    });
    expect(widened.status).toBe(422);
    const stronger = await call('POST', '/app/installations/7/access_tokens', jwt, {
      permissions: { contents: 'write' },
    });
    expect(stronger.status).toBe(422);
    expect((await call('POST', '/app/installations/99/access_tokens', jwt)).status).toBe(404);

    const token = gh.installationToken(7);
    gh.addToInstallation(7, ['secret']);
    expect((await call('GET', '/repos/acme/secret/pulls/12', token)).status).toBe(200);
    gh.uninstall(7);
    expect((await call('GET', '/repos/acme/models/pulls/12', token)).status).toBe(401);
    expect(gh.violations).toEqual([]);
  });

  it('act as the App’s bot: its check runs carry the App, its comments the bot', async () => {
    const octokit = await theApp().getInstallationOctokit(7);
    const repo = { owner: 'acme', repo: 'models' };
    const { data: run } = await octokit.rest.checks.create({
      ...repo,
      name: 'rsp-gate',
      head_sha: HEAD,
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'Blocked', summary: 'evidence missing' },
    });
    expect(run.app).toMatchObject({ id: gh.app.id, slug: 'rsp-gate', owner: { login: 'acme' } });
    const runs = await octokit.rest.checks.listForRef({ ...repo, ref: HEAD, app_id: gh.app.id });
    expect(runs.data.check_runs.map((r) => r.app?.slug)).toEqual(['rsp-gate']);
    expect(gh.repo('acme/models').checkRuns(HEAD)[0]!.app.slug).toBe('rsp-gate');
    const { data: comment } = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: 12,
      body: 'judged',
    });
    expect(comment.user).toMatchObject({ login: 'rsp-gate[bot]', type: 'Bot' });
    expect(gh.violations).toEqual([]);
  });

  it('are refused what the installation was not granted', async () => {
    gh.addInstallation(9, 'acme', ['secret'], {
      permissions: { contents: 'read', metadata: 'read', pull_requests: 'read' },
    });
    const token = gh.installationToken(9);
    expect((await call('GET', '/repos/acme/secret/pulls/12', token)).status).toBe(200);
    const refused = await call('POST', '/repos/acme/secret/check-runs', token, {
      name: 'rsp-gate',
      head_sha: HEAD,
    });
    expect(refused).toMatchObject({
      status: 403,
      json: { message: 'Resource not accessible by integration' },
    });
    expect(
      (await call('POST', '/repos/acme/secret/issues/12/comments', token, { body: 'x' })).status,
    ).toBe(403);
    expect((await call('GET', '/orgs/acme/teams/rso/members', token)).status).toBe(403);
    expect(gh.violations).toEqual([]);
  });

  it('know a permission for every operation the fake serves', () => {
    expect(servedOperations().filter((op) => !(op in OPERATION_PERMISSIONS))).toEqual([]);
  });
});

describe('routing', () => {
  it('reads the organisation’s teams with the org’s installation only', async () => {
    gh.setTeamMembers('acme', 'rso', ['jane', 'omar']);
    gh.addRepository('acme', 'later');
    const acme = gh.installationToken(7);
    const members = await call('GET', '/orgs/acme/teams/rso/members', acme);
    expect(members.json.map((m: Json) => m.login)).toEqual(['jane', 'omar']);
    // GitHub's next-page links name the organisation and team by id.
    const first = await fetch(`${gh.apiUrl}/orgs/acme/teams/rso/members?per_page=1`, {
      headers: { authorization: `token ${acme}` },
    });
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')![1]!;
    expect(next).toMatch(/\/organizations\/\d+\/team\/\d+\/members\?per_page=1&page=2$/);
    expect(
      (
        (await (
          await fetch(next, { headers: { authorization: `token ${acme}` } })
        ).json()) as Json[]
      ).map((m) => m.login),
    ).toEqual(['omar']);
    expect(gh.repo('acme/later').team('acme', 'rso')?.members).toEqual(['jane', 'omar']);
    expect(
      (await call('GET', '/orgs/acme/teams/rso/members', gh.installationToken(8))).status,
    ).toBe(404);
    expect(gh.violations).toEqual([]);
  });

  it('routes GraphQL by owner and name, by node id, and viewer by the token', async () => {
    const token = gh.installationToken(7);
    const query = `query($owner: String!, $name: String!) {
      repository(owner: $owner, name: $name) { nameWithOwner pullRequest(number: 12) { title } } }`;
    const models = await graphql(token, query, { owner: 'acme', name: 'models' });
    expect(models.data.repository).toEqual({
      nameWithOwner: 'acme/models',
      pullRequest: { title: 'models' },
    });
    const hidden = await graphql(token, query, { owner: 'acme', name: 'secret' });
    expect(hidden.errors[0]).toMatchObject({
      type: 'NOT_FOUND',
      message: "Could not resolve to a Repository with the name 'acme/secret'.",
    });
    const dotGithub = gh.repo('acme/.github');
    dotGithub.openPullRequest({ number: 3, author: 'alice', head: POLICY, base: POLICY });
    const comment = dotGithub.addComment(3, 'alice', 'in .github');
    const node = await graphql(
      token,
      'query($id: ID!) { node(id: $id) { ... on IssueComment { body } } }',
      { id: comment.nodeId },
    );
    expect(node.data.node).toEqual({ body: 'in .github' });
    const viewer = await graphql(token, 'query { viewer { login } }');
    expect(viewer.data.viewer.login).toBe('rsp-gate[bot]');
    const alice = await graphql('ghp_alice', query, { owner: 'globex', name: 'lib' });
    expect(alice.data.repository.nameWithOwner).toBe('globex/lib');
    expect(gh.violations).toEqual([]);
  });

  it('follows GitHub’s /repositories/{id} links and records what it does not serve', async () => {
    const token = gh.installationToken(7);
    const id = gh.repo('acme/models').repo.id;
    expect((await call('GET', `/repositories/${id}/pulls/12`, token)).json.title).toBe('models');
    expect((await call('GET', '/user', token)).status).toBe(404);
    expect(gh.violations.map((v) => v.problems)).toEqual([['fake: GET /user is not served']]);
  });

  it('injects faults for the host and for one repository', async () => {
    const token = gh.installationToken(7);
    gh.failNext({ path: /access_tokens$/, status: 502 });
    expect((await call('POST', '/app/installations/7/access_tokens', gh.appJwt())).status).toBe(
      502,
    );
    gh.repo('acme/models').failNext({ path: /pulls/, status: 500 });
    expect((await call('GET', '/repos/acme/.github/pulls', token)).status).toBe(200);
    expect((await call('GET', '/repos/acme/models/pulls', token)).status).toBe(500);
    expect((await call('GET', '/repos/acme/models/pulls', token)).status).toBe(200);
  });
});

describe('webhook deliveries', () => {
  async function receiver(): Promise<{
    url: string;
    got: { headers: IncomingHttpHeaders; body: string }[];
    close(): Promise<void>;
  }> {
    const got: { headers: IncomingHttpHeaders; body: string }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end('{"jobs":1}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
    return { url, got, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  const opened = (): Json =>
    buildPullRequestEvent('opened', {
      repo: { owner: 'acme', name: 'models' },
      number: 12,
      headSha: HEAD,
      baseSha: BASE,
      author: 'alice',
      installationId: 7,
      host: gh.urls,
    });

  it('signs the raw body with the App’s secret and sends GitHub’s headers', async () => {
    const hook = await receiver();
    try {
      const result = await gh.deliver(hook.url, { event: 'pull_request', payload: opened() });
      expect(result).toMatchObject({ status: 202, json: { jobs: 1 } });
      expect(result.ms).toBeGreaterThan(0);
      const { headers, body } = hook.got[0]!;
      expect(headers).toMatchObject({
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': result.deliveryId,
        'x-github-hook-installation-target-type': 'integration',
        'x-github-hook-installation-target-id': String(gh.app.id),
      });
      expect(headers['user-agent']).toMatch(/^GitHub-Hookshot\//);
      expect(result.deliveryId).toMatch(/^[0-9a-f-]{36}$/);
      const signature = String(headers['x-hub-signature-256']);
      const webhooks = (secret: string): Webhooks => new Webhooks({ secret });
      expect(await webhooks(gh.app.webhookSecret).verify(body, signature)).toBe(true);
      expect(await webhooks('another secret').verify(body, signature)).toBe(false);

      await gh.deliver(hook.url, {
        event: 'pull_request',
        payload: opened(),
        deliveryId: result.deliveryId,
        signature: 'sha256=' + '0'.repeat(64),
      });
      await gh.deliver(hook.url, { event: 'pull_request', payload: opened(), signature: null });
      expect(hook.got[1]!.headers['x-github-delivery']).toBe(result.deliveryId);
      expect(hook.got[1]!.headers['x-hub-signature-256']).toBe('sha256=' + '0'.repeat(64));
      expect(hook.got[2]!.headers).not.toHaveProperty('x-hub-signature-256');
    } finally {
      await hook.close();
    }
  });

  it('sends only payloads GitHub would: valid, and with the installation', async () => {
    const hook = await receiver();
    try {
      const { installation: _dropped, ...bare } = opened();
      await expect(gh.deliver(hook.url, { event: 'pull_request', payload: bare })).rejects.toThrow(
        /no installation\.id/,
      );
      await expect(
        gh.deliver(hook.url, {
          event: 'pull_request',
          payload: { ...opened(), action: 'teleported' },
        }),
      ).rejects.toThrow(/no webhook schema/);
      const rerun = buildCheckRunEvent('rerequested', {
        repo: { owner: 'acme', name: 'models' },
        run: { id: 1, name: 'rsp-gate', headSha: HEAD, app: gh.app.info },
        installationId: 7,
        host: gh.urls,
      });
      const added = buildInstallationRepositoriesEvent('added', {
        installationId: 7,
        account: 'acme',
        app: gh.app.info,
        added: [{ owner: 'acme', name: 'secret' }],
        host: gh.urls,
      });
      expect((await gh.deliver(hook.url, { event: 'check_run', payload: rerun })).status).toBe(202);
      expect(
        (await gh.deliver(hook.url, { event: 'installation_repositories', payload: added })).status,
      ).toBe(202);
      expect(hook.got).toHaveLength(2);
    } finally {
      await hook.close();
    }
  });
});
