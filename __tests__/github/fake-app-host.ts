/**
 * The fake GitHub as a host of many repositories behind one API URL, for a GitHub App: each
 * repository is a `FakeGitHubState` as the one-repository fake serves it, plus the App's side of
 * GitHub — its JWT (RS256, checked by GitHub's rules), installations, installation tokens
 * (`ghs_…`, one hour, valid only on the installation's repositories: 404 elsewhere, 403 without
 * the permission), and signed webhook deliveries. Every request is checked against GitHub's REST
 * description and GraphQL schema, as the one-repository fake checks them (fake-server.ts).
 *
 *   const gh = await startFakeGitHubHost({ tokens: { ghp_alice: { login: 'alice' } } });
 *   const models = gh.addRepository('acme', 'models');
 *   gh.addInstallation(7, 'acme', ['models']);
 *   … run the App with APP_ID = gh.app.id, PRIVATE_KEY = gh.app.privateKey,
 *     WEBHOOK_SECRET = gh.app.webhookSecret, GITHUB_API_URL = gh.apiUrl …
 *   await gh.deliver(`${appUrl}/api/github/webhooks`, { event: 'pull_request', payload });
 *   expect(gh.violations).toEqual([]);
 *
 * Routing: `/repos/{owner}/{repo}/…` (and GitHub's `/repositories/{id}/…` links) to that
 * repository; `/orgs/{org}/…` to the organisation's repositories (teams: `setTeamMembers`);
 * GraphQL by `variables.owner` + `variables.name`, else by a repository-scoped node id among the
 * variables (`IC_kwDO…`), else the token's first repository (`viewer`).
 */
import { FaultQueue } from './fake-faults.js';
import { looksLikeJwt, permits, signAppJwt, type JwtClaims } from './fake-app-auth.js';
import { JWT_OPERATIONS, serveAsApp, serveInstallationRepositories } from './fake-app-endpoints.js';
import {
  createApp,
  FakeAppWorld,
  type FakeApp,
  type FakeAppOptions,
  type FakeInstallation,
  type InstallOptions,
  type InstallationToken,
  type RepositoryOptions,
} from './fake-app-world.js';
import { errorResult, type Caller } from './fake-rest.js';
import {
  BAD_CREDENTIALS,
  REQUIRES_AUTHENTICATION,
  callerFromTokens,
  canonicalRepositoryPath,
  operationFor,
  preflight,
  serveFake,
  serveRepository,
  type Answer,
  type Exchange,
  type Outcome,
  type RecordedRequest,
  type Violation,
} from './fake-server.js';
import { FakeGitHubState, type FaultSpec, type TokenIdentity } from './fake-state.js';
import type { Host } from './github-objects.js';
import { deliverWebhook, type DeliveryOptions, type DeliveryResult } from './webhook-delivery.js';

export type {
  FakeApp,
  FakeAppOptions,
  FakeInstallation,
  InstallOptions,
  InstallationToken,
  RepositoryOptions,
} from './fake-app-world.js';
export type { DeliveryOptions, DeliveryResult } from './webhook-delivery.js';
export { signWebhook } from './webhook-delivery.js';

export interface FakeGitHubHostOptions {
  app?: FakeAppOptions;
  /** tokens of people (not the App), valid on every repository of the host */
  tokens?: Record<string, TokenIdentity>;
  /** the clock of every repository's timestamps; default real time */
  now?: () => Date;
  /** the clock JWTs and installation tokens are judged by (ms); default Date.now */
  clock?: () => number;
  /** base of html_url fields; default https://github.com */
  htmlUrl?: string;
}

export interface HostDeliveryOptions extends Omit<DeliveryOptions, 'secret'> {
  /** default the App's webhook secret */
  secret?: string;
}

export interface FakeGitHubHost {
  /** set as GITHUB_API_URL */
  apiUrl: string;
  /** set as GITHUB_GRAPHQL_URL */
  graphqlUrl: string;
  /** the bases objects are rendered with: pass as `host` to the webhook builders */
  urls: Host;
  app: FakeApp;
  /** `owner/name` → the repository's state, in the order added */
  repos: Map<string, FakeGitHubState>;
  installations: Map<number, FakeInstallation>;
  /** every installation token minted, valid or not */
  tokens: Map<string, InstallationToken>;
  /** A repository (`options` as the one-repository fake takes them, minus owner and name). */
  addRepository(owner: string, name: string, options?: RepositoryOptions): FakeGitHubState;
  /** The repository `owner/name` (any case); throws when there is none. */
  repo(fullName: string): FakeGitHubState;
  /** Installs the App on `account`: on `all` its repositories, or on those named. */
  addInstallation(
    id: number,
    account: string,
    repositories: string[] | 'all',
    options?: InstallOptions,
  ): FakeInstallation;
  addToInstallation(id: number, repositories: string[]): void;
  removeFromInstallation(id: number, repositories: string[]): void;
  /** The App is uninstalled: its installation and tokens stop working. */
  uninstall(id: number): void;
  /** Team members in every repository of `org`, those added later included. */
  setTeamMembers(
    org: string,
    team: string,
    members: string[] | 'forbidden',
    options?: { visibleTo?: string[] },
  ): void;
  /** A JWT for the App as @octokit/auth-app makes one, or with the claims (or key) a test sets. */
  appJwt(claims?: JwtClaims & { now?: number; privateKey?: string }): string;
  /** An installation token minted directly (no request), as the App would get it. */
  installationToken(installationId: number): string;
  /** Ends a token's life now, as if its hour had passed. */
  expireToken(token: string): void;
  /** Delivers a webhook to `url` as GitHub does, signed with the App's secret by default. */
  deliver(url: string, options: HostDeliveryOptions): Promise<DeliveryResult>;
  /** Faults for any request to the host (`/app…` ones included); repositories have their own. */
  failNext(fault: FaultSpec): void;
  resetConnectionNext(path: RegExp): void;
  hangNext(path: RegExp): void;
  requests: RecordedRequest[];
  violations: Violation[];
  close(): Promise<void>;
}

/** Answers for repositories the caller may not see: GraphQL's NOT_FOUND comes from this. */
const NOWHERE = new FakeGitHubState({ owner: '-', repo: '-', tokens: {} });

type Target = { state: FakeGitHubState | undefined; org?: string };

/** Which repository a REST request is about (an org-scoped one: any repository of the org). */
function restTarget(world: FakeAppWorld, x: Exchange): Target | null {
  const repo = /^\/repos\/([^/]+)\/([^/]+)/.exec(x.url.pathname);
  if (repo) return { state: world.repository(`${repo[1]}/${repo[2]}`) };
  const org = /^\/orgs\/([^/]+)/.exec(x.url.pathname);
  if (org) return { state: world.repositoriesOf(org[1]!)[0], org: org[1] };
  return null;
}

/** Which repository a GraphQL request is about: by owner and name, else by a node id. */
function graphqlTarget(world: FakeAppWorld, x: Exchange): FakeGitHubState | null | undefined {
  const body = typeof x.body === 'object' && x.body !== null ? (x.body as JsonBody) : {};
  const vars = typeof body.variables === 'object' && body.variables !== null ? body.variables : {};
  if (typeof vars.owner === 'string' && typeof vars.name === 'string')
    return world.repository(`${vars.owner}/${vars.name}`) ?? NOWHERE;
  for (const value of Object.values(vars)) {
    const encoded = typeof value === 'string' ? /^[A-Z]+_kwDO([\w-]+)$/.exec(value)?.[1] : null;
    if (!encoded) continue;
    const first = Buffer.from(encoded, 'base64url').toString('utf8').split(':')[0];
    const state = world.repositoryById(Number(first));
    if (state) return state;
  }
  return null;
}

interface JsonBody {
  variables?: Record<string, unknown>;
}

function botCaller(world: FakeAppWorld, token: string): Caller {
  return { ...world.app.bot, token, readOnly: false, app: world.app.info };
}

/** A request with an installation token: only on its repositories, with its permissions. */
function serveWithInstallationToken(
  world: FakeAppWorld,
  x: Exchange,
  record: InstallationToken,
  target: Target | null,
): Answer {
  const allowed = world.tokenRepositories(record);
  const caller = botCaller(world, record.token);
  x.entry.login = caller.login;
  if (x.graphql) {
    const wanted = graphqlTarget(world, x) ?? allowed[0] ?? NOWHERE;
    const state = allowed.includes(wanted) ? wanted : NOWHERE;
    if (state !== NOWHERE) world.register(record, state);
    return serveRepository(state, x, caller);
  }
  const match = operationFor(x);
  const installation = world.installation(record.installationId);
  const visible =
    target?.state !== undefined &&
    (target.org === undefined
      ? allowed.includes(target.state)
      : installation.account.login.toLowerCase() === target.org.toLowerCase());
  if (!target || !visible) {
    if (!target) x.problems.push(`fake: ${x.method} ${x.url.pathname} is not served`);
    return errorResult(404, 'Not Found', match?.operationId);
  }
  const allowedOp = match ? permits(match.operationId, record.permissions) : true;
  if (allowedOp === false)
    return errorResult(403, 'Resource not accessible by integration', match?.operationId);
  if (allowedOp === undefined)
    x.problems.push(`fake: no installation permission is known for ${match!.operationId}`);
  world.register(record, target.state!);
  return serveRepository(target.state!, x, caller);
}

/** A request with a person's token (or none, or an unknown one). */
function serveWithUserToken(world: FakeAppWorld, x: Exchange, target: Target | null): Answer {
  if (x.credential === null) return REQUIRES_AUTHENTICATION();
  const credential = x.credential;
  const knows = [...world.repos.values()].find((s) => s.tokens.has(credential));
  if (!knows) return BAD_CREDENTIALS();
  if (x.graphql) {
    const wanted = graphqlTarget(world, x) ?? knows;
    const state = wanted.tokens.has(credential) ? wanted : NOWHERE;
    const caller = callerFromTokens(knows, x) as Caller;
    return serveRepository(state, x, caller);
  }
  if (!target) {
    x.problems.push(`fake: ${x.method} ${x.url.pathname} is not served`);
    return errorResult(404, 'Not Found', operationFor(x)?.operationId);
  }
  if (!target.state?.tokens.has(credential)) {
    x.entry.login = knows.tokens.get(credential)!.login;
    return errorResult(404, 'Not Found', operationFor(x)?.operationId);
  }
  const caller = callerFromTokens(target.state, x);
  return 'status' in caller ? caller : serveRepository(target.state, x, caller);
}

function respond(world: FakeAppWorld, faults: FaultQueue, x: Exchange): Outcome {
  const early = preflight(faults, x);
  if (early) return early;
  const match = operationFor(x);
  if (match && JWT_OPERATIONS.has(match.operationId))
    return serveAsApp(world, x, match.operationId, match.params);
  if (match?.operationId === 'apps/list-repos-accessible-to-installation')
    return serveInstallationRepositories(world, x);
  const target = x.graphql ? null : restTarget(world, x);
  const repoFaults = target?.state ?? (x.graphql ? graphqlTarget(world, x) : undefined);
  if (repoFaults && repoFaults !== NOWHERE) {
    const fault = preflight(repoFaults, x);
    if (fault) return fault;
  }
  const record = x.credential === null ? undefined : world.liveToken(x.credential);
  if (record) return serveWithInstallationToken(world, x, record, target);
  if (x.credential !== null && (world.tokens.has(x.credential) || looksLikeJwt(x.credential)))
    return BAD_CREDENTIALS(); // an expired or revoked installation token, or a JWT
  return serveWithUserToken(world, x, target);
}

export async function startFakeGitHubHost(
  options: FakeGitHubHostOptions = {},
): Promise<FakeGitHubHost> {
  const app = createApp(options.app);
  const world = new FakeAppWorld(app, {
    tokens: options.tokens,
    now: options.now,
    clock: options.clock ?? Date.now,
  });
  const faults = new FaultQueue();
  const server = await serveFake({
    htmlUrl: options.htmlUrl,
    canonicalPath: (pathname) => {
      for (const state of world.repos.values()) {
        const canonical = canonicalRepositoryPath(state, pathname);
        if (canonical !== pathname) return canonical;
      }
      return pathname;
    },
    respond: (x) => respond(world, faults, x),
  });
  return {
    apiUrl: server.apiUrl,
    graphqlUrl: server.graphqlUrl,
    urls: server.host,
    app,
    repos: world.repos,
    installations: world.installations,
    tokens: world.tokens,
    addRepository: (owner, name, repoOptions) => world.addRepository(owner, name, repoOptions),
    repo: (fullName) => {
      const state = world.repository(fullName);
      if (!state) throw new Error(`no repository ${fullName}`);
      return state;
    },
    addInstallation: (id, account, repositories, installOptions) =>
      world.addInstallation(id, account, repositories, installOptions),
    addToInstallation: (id, repositories) => world.addToInstallation(id, repositories),
    removeFromInstallation: (id, repositories) => world.removeFromInstallation(id, repositories),
    uninstall: (id) => world.uninstall(id),
    setTeamMembers: (org, team, members, teamOptions) =>
      world.setTeamMembers(org, team, members, teamOptions),
    appJwt: (claims = {}) =>
      signAppJwt(claims.privateKey ?? app.privateKey, {
        iss: app.id,
        now: Math.floor(world.now() / 1000),
        ...claims,
      }),
    installationToken: (installationId) => world.mint(installationId).token,
    expireToken: (token) => world.expire(token),
    deliver: (url, delivery) =>
      deliverWebhook(url, {
        appId: app.id,
        ...delivery,
        secret: delivery.secret ?? app.webhookSecret,
      }),
    failNext: (fault) => faults.failNext(fault),
    resetConnectionNext: (path) => faults.resetConnectionNext(path),
    hangNext: (path) => faults.hangNext(path),
    requests: server.requests,
    violations: server.violations,
    close: server.close,
  };
}
