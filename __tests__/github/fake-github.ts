/**
 * A stateful stand-in for api.github.com on 127.0.0.1: the REST operations and GraphQL queries
 * the Action uses, authenticated by token, with every request checked against GitHub's own
 * descriptions (violations are recorded, never thrown) and every REST response checked against
 * the documented schema, so the fake cannot drift from GitHub.
 *
 *   const gh = await startFakeGitHub({ tokens: { ghs_bot: { login: 'github-actions[bot]' } } });
 *   gh.state.addCommit(BASE, { 'README.md': 'hi\n' });
 *   … run the Action with GITHUB_API_URL = gh.apiUrl, GITHUB_GRAPHQL_URL = gh.graphqlUrl …
 *   expect(gh.violations).toEqual([]);
 *   await gh.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGitHubState, type FakeGitHubOptions } from './fake-state.js';
import { errorResult, handleRest, teamIdFor, type Caller, type RestResult } from './fake-rest.js';
import { customMediaType } from './fake-rest-support.js';
import { handleGraphql } from './fake-graphql.js';
import { identityFor, type Host } from './github-objects.js';
import {
  matchOperation,
  validateRequest,
  validateResponse,
  type OperationMatch,
} from './openapi.js';

export { FakeGitHubState } from './fake-state.js';
export type {
  AppInfo,
  CheckRunRecord,
  CommentRecord,
  FakeGitHubOptions,
  FaultSpec,
  PullRequestRecord,
  ReviewRecord,
  Revision,
  TokenIdentity,
} from './fake-state.js';

export interface RecordedRequest {
  method: string;
  /** the pathname as requested (a `/repositories/{id}/…` link stays as it was) */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** 0 when the connection was reset by `resetConnectionNext` */
  status: number;
  operationId?: string;
  /** login of the token's identity */
  login?: string;
  /** bytes of the response body */
  bytes?: number;
  /** when the request arrived (ms since the epoch) */
  at?: number;
}

export interface Violation {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** prefixed `request:`, `response:` (a bug in the fake), `graphql:` or `fake:` (not served) */
  problems: string[];
}

export interface FakeGitHub {
  /** set as GITHUB_API_URL */
  apiUrl: string;
  /** set as GITHUB_GRAPHQL_URL (`<apiUrl>/graphql`, as on api.github.com) */
  graphqlUrl: string;
  state: FakeGitHubState;
  requests: RecordedRequest[];
  violations: Violation[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `/repositories/{id}/…` and `/organizations/{id}/team/{id}/…` (GitHub's Link URLs) → canonical. */
function canonicalPath(state: FakeGitHubState, pathname: string): string {
  const repo = /^\/repositories\/(\d+)(\/.*)?$/.exec(pathname);
  if (repo && Number(repo[1]) === state.repo.id) {
    return `/repos/${state.repo.owner}/${state.repo.name}${repo[2] ?? ''}`;
  }
  const team = /^\/organizations\/(\d+)\/team\/(\d+)(\/.*)?$/.exec(pathname);
  if (team) {
    for (const key of state.teams.keys()) {
      const [org, slug] = key.split('/') as [string, string];
      if (
        identityFor(org, { type: 'Organization' }).id === Number(team[1]) &&
        teamIdFor(org, slug) === Number(team[2])
      ) {
        return `/orgs/${org}/teams/${slug}${team[3] ?? ''}`;
      }
    }
  }
  return pathname;
}

/**
 * One GitHub endpoint that the description lists twice: `compare/{base}...{head}` (legacy) wins
 * the match over `compare/{basehead}` whenever neither side has a slash. Both are the latter.
 */
function canonicalOperation(match: OperationMatch | null): OperationMatch | null {
  if (match?.operationId !== 'repos/compare-commits') return match;
  const { owner = '', repo = '', base = '', head = '' } = match.params;
  return {
    operationId: 'repos/compare-commits-with-basehead',
    pathTemplate: '/repos/{owner}/{repo}/compare/{basehead}',
    params: { owner, repo, basehead: `${base}...${head}` },
  };
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = new FakeGitHubState(options);
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const host: Host = { apiUrl: '', htmlUrl: options.htmlUrl ?? 'https://github.com' };
  let remaining = 5000;
  let requestCount = 0;

  const send = (
    res: ServerResponse,
    result: RestResult,
    resource: string,
    entry?: RecordedRequest,
  ): void => {
    remaining = Math.max(0, remaining - 1);
    const json = result.body === undefined ? '' : JSON.stringify(result.body);
    if (entry) entry.bytes = Buffer.byteLength(json);
    res.writeHead(result.status, {
      ...(json ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FAKE:${(++requestCount).toString(16).toUpperCase()}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-used': String(5000 - remaining),
      'x-ratelimit-resource': resource,
      ...result.headers,
    });
    res.end(json);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const requested = new URL(req.url ?? '/', host.apiUrl);
    const url = new URL(requested.href);
    url.pathname = canonicalPath(state, requested.pathname);
    const graphql = url.pathname === '/graphql';
    const problems: string[] = [];
    let body: unknown = undefined;
    let badJson = false;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = raw.toString('utf8');
        badJson = true;
        problems.push('request: body is not valid JSON');
      }
    }
    if (!graphql)
      problems.push(
        ...validateRequest(method, url.pathname + url.search, body).map((p) => `request: ${p}`),
      );
    else if (method !== 'POST')
      problems.push(`request: ${method} /graphql (GitHub takes POST only)`);
    const entry: RecordedRequest = {
      method,
      path: requested.pathname,
      query: Object.fromEntries(requested.searchParams),
      body,
      status: 0,
      at: Date.now(),
    };
    requests.push(entry);
    const finish = (result: RestResult, resource = 'core'): void => {
      entry.status = result.status;
      if (problems.length > 0)
        violations.push({ method, path: entry.path, query: entry.query, body, problems });
      send(res, result, resource, entry);
    };

    if (state.takeHang(url.pathname)) {
      if (problems.length > 0)
        violations.push({ method, path: entry.path, query: entry.query, body, problems });
      return; // never answered; close() ends the connection
    }
    if (state.takeReset(url.pathname)) {
      if (problems.length > 0)
        violations.push({ method, path: entry.path, query: entry.query, body, problems });
      req.socket.destroy();
      return;
    }
    const fault = state.takeFault(method, url.pathname);
    if (fault) {
      finish({
        status: fault.status,
        headers: fault.headers,
        body: fault.body ?? { message: 'Server Error' },
      });
      return;
    }
    if (badJson) {
      finish(errorResult(400, 'Problems parsing JSON'));
      return;
    }
    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!auth) {
      finish(errorResult(401, 'Requires authentication'));
      return;
    }
    const token = auth[1]!;
    const who = state.tokens.get(token);
    if (!who) {
      finish(errorResult(401, 'Bad credentials'));
      return;
    }
    const caller: Caller = {
      login: who.login,
      id: who.id,
      type: who.type,
      token,
      readOnly: who.readOnly,
      app: who.app,
    };
    entry.login = who.login;

    if (graphql) {
      const result = handleGraphql(state, host, caller, body);
      problems.push(...result.problems);
      finish({ status: result.status, body: result.body }, 'graphql');
      return;
    }
    const match = canonicalOperation(matchOperation(method, url.pathname));
    if (match) entry.operationId = match.operationId;
    if (method !== 'GET' && who.readOnly && match) {
      finish(errorResult(403, 'Resource not accessible by integration', match.operationId));
      return;
    }
    const result = match
      ? handleRest({
          state,
          host,
          operationId: match.operationId,
          params: match.params,
          url,
          body,
          caller,
          accept: req.headers.accept ?? '',
        })
      : null;
    if (!match || !result) {
      const media = customMediaType(req.headers.accept);
      const what = match ? ` (${match.operationId}${media ? `, media type ${media}` : ''})` : '';
      problems.push(`fake: ${method} ${url.pathname} is not served${what}`);
      finish(errorResult(404, 'Not Found'));
      return;
    }
    problems.push(
      ...validateResponse(match.operationId, result.status, result.body).map(
        (p) => `response: ${p}`,
      ),
    );
    finish(result);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      violations.push({
        method: req.method ?? 'GET',
        path: req.url ?? '',
        query: {},
        body: undefined,
        problems: [`fake: crashed: ${(error as Error).stack ?? String(error)}`],
      });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Server Error' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  host.apiUrl = `http://127.0.0.1:${port}`;
  return {
    apiUrl: host.apiUrl,
    graphqlUrl: `${host.apiUrl}/graphql`,
    state,
    requests,
    violations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
