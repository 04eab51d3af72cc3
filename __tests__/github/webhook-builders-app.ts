/**
 * Builders for the payloads only a GitHub App receives: `installation` (the App installed or
 * uninstalled), `installation_repositories` (repositories added to or removed from an
 * installation) and `check_run` (`rerequested`: someone pressed Re-run on the App's check).
 * Every output validates against @octokit/openapi-webhooks (validators.test.ts).
 */
import type { AppInfo } from './fake-records.js';
import { installationObject, renderApp } from './github-app-objects.js';
import {
  GITHUB_COM,
  identityFor,
  nodeId,
  repoId,
  stableId,
  timestamp,
  userObject,
  type Host,
  type JsonObject,
  type RepoDescription,
} from './github-objects.js';
import { EPOCH, envelope } from './webhook-common.js';

export interface InstallationEventDescription {
  installationId: number;
  /** the organisation or user the App is installed on */
  account: string;
  /** default Organization */
  accountType?: 'User' | 'Organization';
  app: AppInfo;
  /** default `selected` */
  repositorySelection?: 'all' | 'selected';
  /** default the App's */
  permissions?: Record<string, string>;
  events?: string[];
  /** who installed (or changed) the App; default `octocat` */
  sender?: string;
  createdAt?: Date;
  host?: Host;
}

/** A repository as installation events list it (`webhooks_repositories`). */
function listedRepository(repo: RepoDescription): JsonObject {
  const id = repoId(repo);
  return {
    id,
    node_id: nodeId('R', id),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: repo.private ?? true,
  };
}

function installation(d: InstallationEventDescription): JsonObject {
  return installationObject(d.host ?? GITHUB_COM, {
    id: d.installationId,
    account: identityFor(d.account, { type: d.accountType ?? 'Organization' }),
    app: d.app,
    repositorySelection: d.repositorySelection ?? 'selected',
    permissions: d.permissions ?? d.app.permissions ?? {},
    events: d.events ?? d.app.events ?? [],
    createdAt: timestamp(d.createdAt ?? EPOCH),
  });
}

/** `installation` / `created` (or `deleted`), naming the repositories it covers. */
export function buildInstallationEvent(
  action: 'created' | 'deleted',
  d: InstallationEventDescription & { repositories: RepoDescription[] },
): JsonObject {
  const host = d.host ?? GITHUB_COM;
  return {
    action,
    installation: installation(d),
    repositories: d.repositories.map(listedRepository),
    requester: null,
    sender: userObject(host, identityFor(d.sender ?? 'octocat')),
  };
}

/** `installation_repositories` / `added` or `removed`. */
export function buildInstallationRepositoriesEvent(
  action: 'added' | 'removed',
  d: InstallationEventDescription & { added?: RepoDescription[]; removed?: RepoDescription[] },
): JsonObject {
  const host = d.host ?? GITHUB_COM;
  const sender = userObject(host, identityFor(d.sender ?? 'octocat'));
  return {
    action,
    installation: installation(d),
    repository_selection: d.repositorySelection ?? 'selected',
    repositories_added: (d.added ?? []).map(listedRepository),
    repositories_removed: (d.removed ?? []).map(listedRepository),
    requester: sender,
    sender,
  };
}

/** A check run as the fake's state records it (`CheckRunRecord` fits). */
export interface CheckRunView {
  id: number;
  name: string;
  headSha: string;
  /** default `completed` */
  status?: string;
  conclusion?: string | null;
  startedAt?: string | null;
  completedAt?: string | null;
  externalId?: string | null;
  detailsUrl?: string | null;
  output?: { title: string | null; summary: string | null; text: string | null };
  app: AppInfo;
}

export interface CheckRunEventDescription {
  repo: RepoDescription;
  run: CheckRunView;
  /** open pull requests whose head is the run's commit */
  pullRequests?: { number: number; baseSha: string; headRef?: string; baseRef?: string }[];
  /** who pressed Re-run; default `octocat` */
  sender?: string;
  installationId?: number;
  host?: Host;
}

function pullRequestMinimal(
  host: Host,
  d: CheckRunEventDescription,
  pr: NonNullable<CheckRunEventDescription['pullRequests']>[number],
): JsonObject {
  const api = `${host.apiUrl}/repos/${d.repo.owner}/${d.repo.name}`;
  const repoRef = { id: repoId(d.repo), url: api, name: d.repo.name };
  return {
    id: stableId(`pr:${d.repo.owner}/${d.repo.name}#${pr.number}`),
    number: pr.number,
    url: `${api}/pulls/${pr.number}`,
    head: { ref: pr.headRef ?? `rsp/pr-${pr.number}`, sha: d.run.headSha, repo: repoRef },
    base: { ref: pr.baseRef ?? d.repo.defaultBranch ?? 'main', sha: pr.baseSha, repo: repoRef },
  };
}

/** `check_run` payloads: `rerequested` is the Re-run button on the App's check. */
export function buildCheckRunEvent(
  action: 'created' | 'completed' | 'rerequested',
  d: CheckRunEventDescription,
): JsonObject {
  const host = d.host ?? GITHUB_COM;
  const { run } = d;
  const api = `${host.apiUrl}/repos/${d.repo.owner}/${d.repo.name}`;
  const html = `${host.htmlUrl}/${d.repo.owner}/${d.repo.name}/runs/${run.id}`;
  const pulls = (d.pullRequests ?? []).map((pr) => pullRequestMinimal(host, d, pr));
  const app = renderApp(host, run.app);
  const at = timestamp(EPOCH);
  const suiteId = stableId(`suite:${run.headSha}:${run.app.id}`, 10_000_000_000, 1_000_000_000);
  const status = run.status ?? 'completed';
  const checkRun: JsonObject = {
    id: run.id,
    node_id: nodeId('CR', run.id),
    head_sha: run.headSha,
    external_id: run.externalId ?? '',
    url: `${api}/check-runs/${run.id}`,
    html_url: html,
    details_url: run.detailsUrl ?? html,
    status,
    conclusion: run.conclusion ?? null,
    started_at: run.startedAt ?? at,
    completed_at: run.completedAt ?? (status === 'completed' ? at : null),
    output: {
      title: run.output?.title ?? null,
      summary: run.output?.summary ?? null,
      text: run.output?.text ?? null,
      annotations_count: 0,
      annotations_url: `${api}/check-runs/${run.id}/annotations`,
    },
    name: run.name,
    check_suite: {
      id: suiteId,
      node_id: nodeId('CS', suiteId),
      head_branch: d.pullRequests?.[0]?.headRef ?? null,
      head_sha: run.headSha,
      status: 'completed',
      conclusion: run.conclusion ?? null,
      url: `${api}/check-suites/${suiteId}`,
      before: null,
      after: run.headSha,
      pull_requests: pulls,
      app,
      created_at: at,
      updated_at: at,
    },
    app,
    pull_requests: pulls,
  };
  return {
    action,
    check_run: checkRun,
    ...envelope(host, d.repo, d.sender ?? 'octocat', d.installationId),
  };
}
