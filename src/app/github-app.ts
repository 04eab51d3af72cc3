/**
 * The App's identity on GitHub, through `@octokit/app`: the App's JWT, installation tokens
 * (cached and renewed by `@octokit/auth-app`), the installations and their repositories, a
 * repository's open pull requests and default branch. Each job gets the same GitHub port the
 * Action uses (`createOctokitPort`) with an installation token.
 */
import { App } from '@octokit/app';
import { retry } from '@octokit/plugin-retry';
import { Octokit } from '@octokit/rest';
import { createOctokitPort } from '../github/octokit-port.js';
import type { GitHubPort } from '../github/port.js';
import type { AppConfig } from './config.js';

export interface OpenPullRequest {
  number: number;
  headSha: string;
  baseRef: string;
  /** When anything on the pull request last changed (a review, a comment, an edit), if known. */
  updatedAt?: string;
}

export interface InstalledRepository {
  owner: string;
  name: string;
}

/** What the App's jobs ask of GitHub beyond the port. */
export interface AppGitHub {
  /** The port for one repository, with a fresh (or cached, unexpired) installation token. */
  portFor(
    installationId: number,
    owner: string,
    repo: string,
    /** Where the port's own lines (retries, rate-limit waits) go: the job's, with its delivery. */
    log?: (message: string) => void,
  ): Promise<GitHubPort>;
  installations(): Promise<{ id: number; account: string }[]>;
  repositories(installationId: number): Promise<InstalledRepository[]>;
  openPullRequests(installationId: number, owner: string, repo: string): Promise<OpenPullRequest[]>;
  /**
   * The installation a repository belongs to, as the App's JWT reads it, or null when the App is
   * not installed on it. A delivery names the installation that received it, which need not be
   * the repository's (the App on a fork receives events about the base repository's pull
   * request): jobs run with the repository's own. `named` is the delivery's: an answer equal to
   * it is remembered a few minutes; any other is read again.
   */
  installationOf(owner: string, repo: string, named: number): Promise<number | null>;
  /** The default branch and its head commit, or null when the repository is not visible. */
  defaultBranchHead(
    installationId: number,
    owner: string,
    repo: string,
  ): Promise<{ branch: string; sha: string } | null>;
}

const RetryingOctokit = Octokit.plugin(retry);

/** How long a repository's installation is remembered. */
const INSTALLATION_CACHE_MS = 5 * 60_000;

/** Network tuning of the App's own requests (tests shorten it). */
export interface AppGitHubTuning {
  /** A request that takes longer is abandoned (and retried); default 30 s, as the port's. */
  requestTimeoutMs?: number;
  /** Base of the retry back-off in ms; default 1 s. */
  retryBaseMs?: number;
}

/** fetch that gives up after `ms`: Node's own waits 300 s for headers, and as long for a body. */
function fetchWithin(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}

export function createAppGitHub(
  config: Pick<AppConfig, 'appId' | 'privateKey' | 'webhookSecret' | 'apiUrl' | 'graphqlUrl'>,
  log: (message: string) => void,
  tuning: AppGitHubTuning = {},
): AppGitHub {
  // The App's own requests (installations, tokens, repositories, installation look-ups) hold a
  // job, and so its key, while they wait: they give up as the port's requests do.
  const app = new App({
    appId: config.appId,
    privateKey: config.privateKey,
    webhooks: { secret: config.webhookSecret },
    Octokit: RetryingOctokit.defaults({
      baseUrl: config.apiUrl,
      userAgent: 'rsp-gate-app',
      request: { fetch: fetchWithin(tuning.requestTimeoutMs ?? 30_000) },
      retry: { retryAfterBaseValue: tuning.retryBaseMs ?? 1000 },
    }),
  });

  const installationOctokit = (id: number) =>
    app.getInstallationOctokit(id) as Promise<InstanceType<typeof RetryingOctokit>>;

  const installationsOf = new Map<string, { id: number; at: number }>();

  async function readInstallationOf(owner: string, repo: string): Promise<number | null> {
    try {
      const { data } = await app.octokit.request('GET /repos/{owner}/{repo}/installation', {
        owner,
        repo,
      });
      return data.id;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw error;
    }
  }

  async function token(id: number): Promise<string> {
    const octokit = await installationOctokit(id);
    const auth = (await octokit.auth({ type: 'installation' })) as { token: string };
    return auth.token;
  }

  return {
    async portFor(installationId, owner, repo, portLog) {
      return createOctokitPort({
        token: await token(installationId),
        owner,
        repo,
        apiUrl: config.apiUrl,
        graphqlUrl: config.graphqlUrl,
        log: portLog ?? log,
        // GitHub's secondary limits are per installation: each keeps its own pace.
        throttleId: `installation-${installationId}`,
      });
    },
    async installations() {
      const found: { id: number; account: string }[] = [];
      for await (const { installation } of app.eachInstallation.iterator()) {
        const account = installation.account as { login?: string; slug?: string } | null;
        found.push({ id: installation.id, account: account?.login ?? account?.slug ?? '' });
      }
      return found;
    },
    async repositories(installationId) {
      const found: InstalledRepository[] = [];
      for await (const { repository } of app.eachRepository.iterator({ installationId }))
        found.push({ owner: repository.owner.login, name: repository.name });
      return found;
    },
    async openPullRequests(installationId, owner, repo) {
      const octokit = await installationOctokit(installationId);
      const pulls = await octokit.paginate(octokit.rest.pulls.list, {
        owner,
        repo,
        state: 'open',
        per_page: 100,
      });
      return pulls.map((p) => ({
        number: p.number,
        headSha: p.head.sha,
        baseRef: p.base.ref,
        updatedAt: p.updated_at,
      }));
    },
    async installationOf(owner, repo, named) {
      const key = `${owner}/${repo}`.toLowerCase();
      const known = installationsOf.get(key);
      if (known?.id === named && Date.now() - known.at < INSTALLATION_CACHE_MS) return named;
      const id = await readInstallationOf(owner, repo);
      if (id === null) installationsOf.delete(key);
      else installationsOf.set(key, { id, at: Date.now() });
      return id;
    },
    async defaultBranchHead(installationId, owner, repo) {
      const octokit = await installationOctokit(installationId);
      try {
        const { data } = await octokit.rest.repos.get({ owner, repo });
        const branch = await octokit.rest.repos.getBranch({
          owner,
          repo,
          branch: data.default_branch,
        });
        return { branch: data.default_branch, sha: branch.data.commit.sha };
      } catch (error) {
        // Not there, or not in the installation: both answer 404 (an empty repository, 404 on the branch).
        if ((error as { status?: number }).status === 404) return null;
        throw error;
      }
    },
  };
}
