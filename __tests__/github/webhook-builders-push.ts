/**
 * Builders for the payloads of events about refs rather than pull requests: `merge_group`,
 * `push`, `workflow_dispatch` and `schedule`.
 */
import {
  GITHUB_COM,
  identityFor,
  repositoryObject,
  timestamp,
  type Host,
  type JsonObject,
  type RepoDescription,
} from './github-objects.js';
import { EPOCH, baseRefOf, envelope, fakeSha, organizationObject } from './webhook-common.js';

export interface MergeGroupDescription {
  repo: RepoDescription;
  /** the pull request at the head of the queue entry */
  prNumber: number;
  /** the merge queue's temporary commit */
  headSha: string;
  baseSha: string;
  /** branch name, default `main` */
  baseRef?: string;
  /** default `refs/heads/gh-readonly-queue/<base>/pr-<n>-<baseSha>` */
  headRef?: string;
  treeSha?: string;
  sender?: string;
  installationId?: number;
  host?: Host;
}

/** `merge_group` / `checks_requested`. `base_ref` and `head_ref` are full refs, as GitHub sends. */
export function buildMergeGroupEvent(d: MergeGroupDescription): JsonObject {
  const host = d.host ?? GITHUB_COM;
  const base = baseRefOf(d);
  const headRef = d.headRef ?? `refs/heads/gh-readonly-queue/${base}/pr-${d.prNumber}-${d.baseSha}`;
  const author = { name: 'GitHub', email: 'noreply@github.com' };
  return {
    action: 'checks_requested',
    merge_group: {
      head_sha: d.headSha,
      head_ref: headRef,
      base_sha: d.baseSha,
      base_ref: `refs/heads/${base}`,
      head_commit: {
        id: d.headSha,
        tree_id: d.treeSha ?? fakeSha(`tree:${d.headSha}`),
        message: `Merge pull request #${d.prNumber} into ${base}`,
        timestamp: timestamp(EPOCH),
        author,
        committer: author,
      },
    },
    ...envelope(host, d.repo, d.sender ?? 'github-merge-queue[bot]', d.installationId),
  };
}

export interface PushDescription {
  repo: RepoDescription;
  /** full ref, default `refs/heads/<default branch>` */
  ref?: string;
  before: string;
  after: string;
  /** login of the pusher */
  pusher?: string;
  /** the pushed commits, with the paths each added, removed and modified (default none) */
  commits?: {
    id: string;
    message?: string;
    treeId?: string;
    added?: string[];
    removed?: string[];
    modified?: string[];
  }[];
  forced?: boolean;
  /** include `installation: { id, node_id }`, as deliveries to a GitHub App do */
  installationId?: number;
  host?: Host;
}

/** `push`. Its `repository` has integer `created_at`/`pushed_at`, as GitHub really sends. */
export function buildPushEvent(d: PushDescription): JsonObject {
  const host = d.host ?? GITHUB_COM;
  const pusher = identityFor(d.pusher ?? 'octocat');
  const full = `${d.repo.owner}/${d.repo.name}`;
  const person = {
    name: pusher.login,
    email: `${pusher.id}+${pusher.login}@users.noreply.github.com`,
    username: pusher.login,
  };
  const commits = (d.commits ?? [{ id: d.after }]).map((c) => ({
    id: c.id,
    tree_id: c.treeId ?? fakeSha(`tree:${c.id}`),
    distinct: true,
    message: c.message ?? 'Update evaluation logs',
    timestamp: timestamp(EPOCH),
    url: `${host.htmlUrl}/${full}/commit/${c.id}`,
    author: person,
    committer: person,
    added: c.added ?? [],
    removed: c.removed ?? [],
    modified: c.modified ?? [],
  }));
  const env = envelope(host, d.repo, pusher.login, d.installationId);
  const repository = env.repository as JsonObject;
  repository.created_at = Math.floor(Date.parse(repository.created_at as string) / 1000);
  repository.pushed_at = Math.floor(EPOCH.getTime() / 1000);
  repository.stargazers = repository.stargazers_count;
  repository.master_branch = repository.default_branch;
  return {
    ref: d.ref ?? `refs/heads/${d.repo.defaultBranch ?? 'main'}`,
    before: d.before,
    after: d.after,
    repository,
    ...(env.organization ? { organization: env.organization } : {}),
    pusher: { name: person.name, email: person.email },
    sender: env.sender,
    created: /^0+$/.test(d.before),
    deleted: /^0+$/.test(d.after),
    forced: d.forced ?? false,
    base_ref: null,
    compare: `${host.htmlUrl}/${full}/compare/${d.before.slice(0, 12)}...${d.after.slice(0, 12)}`,
    commits,
    head_commit: commits.at(-1) ?? null,
    ...(env.installation ? { installation: env.installation } : {}),
  };
}

export interface DispatchDescription {
  repo: RepoDescription;
  /** full ref, default `refs/heads/<default branch>` */
  ref?: string;
  workflow?: string;
  inputs?: Record<string, string | boolean | number> | null;
  sender?: string;
  host?: Host;
}

export function buildWorkflowDispatchEvent(d: DispatchDescription): JsonObject {
  const host = d.host ?? GITHUB_COM;
  return {
    inputs: d.inputs === undefined ? null : d.inputs,
    ref: d.ref ?? `refs/heads/${d.repo.defaultBranch ?? 'main'}`,
    workflow: d.workflow ?? '.github/workflows/rsp-gate.yml',
    ...envelope(host, d.repo, d.sender ?? 'octocat'),
  };
}

/**
 * `schedule`: no webhook exists for it; Actions writes
 * `{ schedule, workflow, repository, organization? }` (no sender).
 */
export function buildScheduleEvent(d: {
  repo: RepoDescription;
  schedule?: string;
  workflow?: string;
  host?: Host;
}): JsonObject {
  const host = d.host ?? GITHUB_COM;
  const org = organizationObject(host, d.repo);
  return {
    schedule: d.schedule ?? '17 6 * * 1',
    workflow: d.workflow ?? '.github/workflows/rsp-gate.yml',
    repository: repositoryObject(host, d.repo),
    ...(org ? { organization: org } : {}),
  };
}
