/**
 * The fake's GitHub App endpoints: those authenticated by the App's JWT (`GET /app`,
 * `GET /app/installations[/{id}]`, `POST /app/installations/{id}/access_tokens`,
 * `GET /repos/{owner}/{repo}/installation`, `GET /orgs/{org}/installation`) and the one an
 * installation token lists its repositories with (`GET /installation/repositories`). Answers are
 * checked against GitHub's REST description like every other.
 */
import { checkAppJwt, JWT_ERRORS, looksLikeJwt } from './fake-app-auth.js';
import type { FakeAppWorld, FakeInstallation } from './fake-app-world.js';
import { errorResult, type RestResult } from './fake-rest.js';
import { paginate } from './fake-rest-support.js';
import {
  BAD_CREDENTIALS,
  REQUIRES_AUTHENTICATION,
  operationAnswer,
  type Answer,
  type Exchange,
} from './fake-server.js';
import { installationObject, renderApp } from './github-app-objects.js';
import { repositoryObject, timestamp, type JsonObject } from './github-objects.js';

type AppHandler = (world: FakeAppWorld, x: Exchange, params: Record<string, string>) => RestResult;

const LEVEL: Record<string, number> = { read: 1, write: 2, admin: 3 };

function render(world: FakeAppWorld, x: Exchange, installation: FakeInstallation): JsonObject {
  return installationObject(x.host, {
    id: installation.id,
    account: installation.account,
    app: world.app.info,
    repositorySelection: installation.selection,
    permissions: installation.permissions,
    events: installation.events,
    createdAt: installation.createdAt,
  });
}

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : {};
}

const NOT_ACCESSIBLE =
  'There is at least one repository that does not exist or is not accessible to the parent installation.';

/** `POST /app/installations/{id}/access_tokens`, optionally narrowed to some repositories. */
const createToken: AppHandler = (world, x, params) => {
  const operationId = 'apps/create-installation-access-token';
  const installation = world.installations.get(Number(params.installation_id));
  if (!installation) return errorResult(404, 'Not Found', operationId);
  const body = asObject(x.body);
  const available = world.installedRepositories(installation);
  let narrowed: string[] | undefined;
  if (Array.isArray(body.repositories) || Array.isArray(body.repository_ids)) {
    narrowed = [];
    const names = Array.isArray(body.repositories) ? body.repositories : [];
    const ids = Array.isArray(body.repository_ids) ? body.repository_ids : [];
    for (const wanted of [...names, ...ids]) {
      const state = available.find((s) =>
        typeof wanted === 'number'
          ? s.repo.id === wanted
          : s.repo.name.toLowerCase() === String(wanted).toLowerCase(),
      );
      if (!state) return errorResult(422, NOT_ACCESSIBLE, operationId);
      narrowed.push(`${state.repo.owner}/${state.repo.name}`);
    }
  }
  const asked = asObject(body.permissions);
  for (const [name, level] of Object.entries(asked)) {
    const granted = installation.permissions[name];
    if (!granted || (LEVEL[String(level)] ?? 9) > (LEVEL[granted] ?? 0))
      return errorResult(
        422,
        'The permissions requested are not granted to this installation.',
        operationId,
      );
  }
  const record = world.mint(installation.id, {
    repositories: narrowed,
    permissions: Object.keys(asked).length > 0 ? (asked as Record<string, string>) : undefined,
  });
  const selected = narrowed !== undefined || installation.selection === 'selected';
  return {
    status: 201,
    body: {
      token: record.token,
      expires_at: timestamp(new Date(record.expiresAt)),
      permissions: record.permissions,
      repository_selection: selected ? 'selected' : 'all',
      ...(selected
        ? {
            repositories: world
              .tokenRepositories(record)
              .map((s) => repositoryObject(x.host, s.repo)),
          }
        : {}),
    },
  };
};

const APP_HANDLERS: Record<string, AppHandler> = {
  'apps/get-authenticated': (world, x) => ({
    status: 200,
    body: { ...renderApp(x.host, world.app.info), installations_count: world.installations.size },
  }),

  'apps/list-installations': (world, x) => {
    const all = [...world.installations.values()].sort((a, b) => a.id - b.id);
    const { page, headers } = paginate(x, all, '/app/installations');
    return { status: 200, headers, body: page.map((i) => render(world, x, i)) };
  },

  'apps/get-installation': (world, x, params) => {
    const installation = world.installations.get(Number(params.installation_id));
    return installation
      ? { status: 200, body: render(world, x, installation) }
      : errorResult(404, 'Not Found', 'apps/get-installation');
  },

  'apps/create-installation-access-token': createToken,

  'apps/get-repo-installation': (world, x, params) => {
    const state = world.repository(`${params.owner}/${params.repo}`);
    const installation = state && world.installationFor(state);
    return installation
      ? { status: 200, body: render(world, x, installation) }
      : errorResult(404, 'Not Found', 'apps/get-repo-installation');
  },

  'apps/get-org-installation': (world, x, params) => {
    const org = (params.org ?? '').toLowerCase();
    const installation = [...world.installations.values()].find(
      (i) => i.account.login.toLowerCase() === org,
    );
    return installation
      ? { status: 200, body: render(world, x, installation) }
      : errorResult(404, 'Not Found', 'apps/get-org-installation');
  },
};

/** The operations a request must make with the App's JWT. */
export const JWT_OPERATIONS = new Set(Object.keys(APP_HANDLERS));

/** A request to an `/app…` endpoint: the App's JWT, checked by GitHub's rules, then the answer. */
export function serveAsApp(
  world: FakeAppWorld,
  x: Exchange,
  operationId: string,
  params: Record<string, string>,
): Answer {
  if (x.credential === null) return REQUIRES_AUTHENTICATION();
  // An installation token or a user's token on an App endpoint (GitHub's answer to those).
  if (!looksLikeJwt(x.credential)) return errorResult(401, JWT_ERRORS.undecodable);
  const check = checkAppJwt(
    x.credential,
    (id) => (id === world.app.id ? world.app.publicKey : undefined),
    Math.floor(world.now() / 1000),
  );
  if ('refused' in check) return check.refused;
  x.entry.login = world.app.slug;
  return operationAnswer(x, APP_HANDLERS[operationId]!(world, x, params));
}

/** `GET /installation/repositories`: the repositories an installation token may use. */
export function serveInstallationRepositories(world: FakeAppWorld, x: Exchange): Answer {
  if (x.credential === null) return REQUIRES_AUTHENTICATION();
  const record = world.liveToken(x.credential);
  if (!record) return BAD_CREDENTIALS();
  x.entry.login = world.app.bot.login;
  const installation = world.installation(record.installationId);
  const repositories = world.tokenRepositories(record);
  const { page, headers } = paginate(x, repositories, '/installation/repositories');
  return operationAnswer(x, {
    status: 200,
    headers,
    body: {
      total_count: repositories.length,
      repositories: page.map((s) => repositoryObject(x.host, s.repo)),
      repository_selection:
        record.repositories === null ? installation.selection : ('selected' as const),
    },
  });
}
