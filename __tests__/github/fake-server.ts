/**
 * The fake GitHub's HTTP plumbing, shared by the one-repository server (fake-github.ts) and the
 * App host of many repositories (fake-app-host.ts): reading each request and checking it against
 * GitHub's REST description, recording it, injecting faults, serving a repository's REST and
 * GraphQL requests from its state, checking every REST answer against the documented schema, and
 * answering with GitHub's headers. Problems are recorded as violations, never thrown.
 *
 * A server is `serveFake({ canonicalPath, respond })`: `respond` decides each answer, from the
 * building blocks below (`preflight`, `serveRepository`, `operationFor`, `operationAnswer`).
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultSource } from './fake-faults.js';
import { errorResult, handleRest, teamIdFor, type Caller, type RestResult } from './fake-rest.js';
import { customMediaType } from './fake-rest-support.js';
import { handleGraphql } from './fake-graphql.js';
import type { FakeGitHubState } from './fake-state.js';
import { identityFor, type Host } from './github-objects.js';
import {
  matchOperation,
  validateRequest,
  validateResponse,
  type OperationMatch,
} from './openapi.js';

export interface RecordedRequest {
  method: string;
  /** the pathname as requested (a `/repositories/{id}/…` link stays as it was) */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** 0 when the connection was reset by `resetConnectionNext` */
  status: number;
  operationId?: string;
  /** login of the token's identity (the App's slug for a request made with the App's JWT) */
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

/** One request as the server read it, with what `respond` needs to answer it. */
export interface Exchange {
  method: string;
  /** the URL as requested */
  requested: URL;
  /** the URL with GitHub's `/repositories/{id}` and `/organizations/{id}/team/{id}` links undone */
  url: URL;
  graphql: boolean;
  /** the parsed JSON body (the text when it is not JSON; undefined when empty) */
  body: unknown;
  badJson: boolean;
  headers: IncomingHttpHeaders;
  /** the credential of `Authorization: token X` or `Authorization: bearer X`, or null */
  credential: string | null;
  host: Host;
  entry: RecordedRequest;
  /** problems found so far; recorded as a violation once the request is answered */
  problems: string[];
  /** the REST operation, once `operationFor` matched it */
  match?: OperationMatch | null;
}

/** An answer, with the rate-limit resource it counts against (default `core`). */
export type Answer = RestResult & { resource?: string };

/** What `respond` decides: an answer, a request never answered, or a connection destroyed. */
export type Outcome = Answer | 'hang' | 'reset';

export interface FakeServer {
  apiUrl: string;
  graphqlUrl: string;
  /** the base URLs objects are rendered with (`apiUrl` is set once the server listens) */
  host: Host;
  requests: RecordedRequest[];
  violations: Violation[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** base of html_url fields; default https://github.com */
  htmlUrl?: string;
  /** undoes GitHub's id-based link paths (`/repositories/{id}/…`) */
  canonicalPath: (pathname: string) => string;
  respond: (exchange: Exchange) => Outcome;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `/repositories/{id}/…` and `/organizations/{id}/team/{id}/…` (GitHub's Link URLs) → canonical. */
export function canonicalRepositoryPath(state: FakeGitHubState, pathname: string): string {
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

/** The REST operation of the request (null: none), recorded on its entry. */
export function operationFor(x: Exchange): OperationMatch | null {
  if (x.match === undefined) {
    x.match = x.graphql ? null : canonicalOperation(matchOperation(x.method, x.url.pathname));
    if (x.match) x.entry.operationId = x.match.operationId;
  }
  return x.match;
}

/**
 * The answer to an operation from its handler's result: null (or no operation) is a request the
 * fake does not serve (404, recorded); anything else is checked against the documented schema.
 */
export function operationAnswer(x: Exchange, result: RestResult | null): Answer {
  const match = operationFor(x);
  if (!match || !result) {
    const media = customMediaType(x.headers.accept);
    const what = match ? ` (${match.operationId}${media ? `, media type ${media}` : ''})` : '';
    x.problems.push(`fake: ${x.method} ${x.url.pathname} is not served${what}`);
    return errorResult(404, 'Not Found');
  }
  x.problems.push(
    ...validateResponse(match.operationId, result.status, result.body).map((p) => `response: ${p}`),
  );
  return result;
}

/** An injected fault, then a body that is not JSON (400), before anything else is looked at. */
export function preflight(faults: FaultSource, x: Exchange): Outcome | null {
  if (faults.takeHang(x.url.pathname)) return 'hang';
  if (faults.takeReset(x.url.pathname)) return 'reset';
  const fault = faults.takeFault(x.method, x.url.pathname);
  if (fault) {
    return {
      status: fault.status,
      headers: fault.headers,
      body: fault.body ?? { message: 'Server Error' },
    };
  }
  if (x.badJson) return errorResult(400, 'Problems parsing JSON');
  return null;
}

/** No credential: 401 as GitHub answers. */
export const REQUIRES_AUTHENTICATION = (): Answer => errorResult(401, 'Requires authentication');
/** An unknown, revoked or expired credential. */
export const BAD_CREDENTIALS = (): Answer => errorResult(401, 'Bad credentials');

/** The caller a repository's own tokens name, or GitHub's 401. */
export function callerFromTokens(state: FakeGitHubState, x: Exchange): Caller | Answer {
  if (x.credential === null) return REQUIRES_AUTHENTICATION();
  const who = state.tokens.get(x.credential);
  if (!who) return BAD_CREDENTIALS();
  return {
    login: who.login,
    id: who.id,
    type: who.type,
    token: x.credential,
    readOnly: who.readOnly,
    app: who.app,
  };
}

/** A request to one repository (REST or GraphQL) by an authenticated caller. */
export function serveRepository(state: FakeGitHubState, x: Exchange, caller: Caller): Answer {
  x.entry.login = caller.login;
  if (x.graphql) {
    const result = handleGraphql(state, x.host, caller, x.body);
    x.problems.push(...result.problems);
    return { status: result.status, body: result.body, resource: 'graphql' };
  }
  const match = operationFor(x);
  if (x.method !== 'GET' && caller.readOnly && match) {
    return errorResult(403, 'Resource not accessible by integration', match.operationId);
  }
  const result = match
    ? handleRest({
        state,
        host: x.host,
        operationId: match.operationId,
        params: match.params,
        url: x.url,
        body: x.body,
        caller,
        accept: x.headers.accept ?? '',
      })
    : null;
  return operationAnswer(x, result);
}

/** Reads the request, checks it against GitHub's descriptions and records it. */
async function readExchange(
  req: IncomingMessage,
  host: Host,
  canonicalPath: (pathname: string) => string,
): Promise<Exchange> {
  const raw = await readBody(req);
  const method = (req.method ?? 'GET').toUpperCase();
  const requested = new URL(req.url ?? '/', host.apiUrl);
  const url = new URL(requested.href);
  url.pathname = canonicalPath(requested.pathname);
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
  else if (method !== 'POST') problems.push(`request: ${method} /graphql (GitHub takes POST only)`);
  const credential = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  return {
    method,
    requested,
    url,
    graphql,
    body,
    badJson,
    headers: req.headers,
    credential: credential ?? null,
    host,
    problems,
    entry: {
      method,
      path: requested.pathname,
      query: Object.fromEntries(requested.searchParams),
      body,
      status: 0,
      at: Date.now(),
    },
  };
}

export async function serveFake(options: ServeOptions): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const host: Host = { apiUrl: '', htmlUrl: options.htmlUrl ?? 'https://github.com' };
  let remaining = 5000;
  let requestCount = 0;

  const send = (res: ServerResponse, answer: Answer, entry: RecordedRequest): void => {
    remaining = Math.max(0, remaining - 1);
    const json = answer.body === undefined ? '' : JSON.stringify(answer.body);
    entry.status = answer.status;
    entry.bytes = Buffer.byteLength(json);
    res.writeHead(answer.status, {
      ...(json ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FAKE:${(++requestCount).toString(16).toUpperCase()}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-used': String(5000 - remaining),
      'x-ratelimit-resource': answer.resource ?? 'core',
      ...answer.headers,
    });
    res.end(json);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const x = await readExchange(req, host, options.canonicalPath);
    requests.push(x.entry);
    const outcome = options.respond(x);
    if (x.problems.length > 0) {
      const { method, path, query, body } = x.entry;
      violations.push({ method, path, query, body, problems: x.problems });
    }
    if (outcome === 'hang') return; // never answered; close() ends the connection
    if (outcome === 'reset') {
      req.socket.destroy();
      return;
    }
    send(res, outcome, x.entry);
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
    host,
    requests,
    violations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
