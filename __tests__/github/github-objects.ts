/**
 * GitHub's objects as its REST API and its webhooks render them: users, repositories and pull
 * requests with every field either description requires (the union, as GitHub really sends).
 * Shared by the fake server and the webhook payload builders so that ids and URLs agree.
 */
import { createHash } from 'node:crypto';

export type JsonObject = Record<string, unknown>;

export interface Host {
  /** base of `url` fields, e.g. `https://api.github.com` or the fake's own address */
  apiUrl: string;
  /** base of `html_url` fields, e.g. `https://github.com` */
  htmlUrl: string;
}

export const GITHUB_COM: Host = { apiUrl: 'https://api.github.com', htmlUrl: 'https://github.com' };

export type AccountType = 'User' | 'Bot' | 'Organization';

export interface Identity {
  login: string;
  id: number;
  type: AccountType;
}

export interface RepoDescription {
  owner: string;
  name: string;
  /** defaults to a stable number derived from `owner/name` */
  id?: number;
  ownerType?: 'User' | 'Organization';
  private?: boolean;
  defaultBranch?: string;
}

/** The GitHub Actions app and bot, as api.github.com has them. */
export const ACTIONS_BOT: Identity = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const ACTIONS_APP = { id: 15368, slug: 'github-actions', name: 'GitHub Actions' };
/** Who the REST API says wrote the content of a deleted account. */
export const GHOST: Identity = { login: 'ghost', id: 10137, type: 'User' };

/** A stable positive id for a name (same name, same id, in every test). */
export function stableId(text: string, min = 1_000_000, span = 90_000_000): number {
  const digest = createHash('sha1').update(text).digest();
  return min + (digest.readUInt32BE(0) % span);
}

/** GitHub's timestamps: ISO 8601, seconds precision, `Z`. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An opaque global node id in GitHub's current style (`PR_kwDO…`, `IC_kwDO…`). */
export function nodeId(prefix: string, ...parts: (string | number)[]): string {
  const payload = Buffer.from(parts.join(':')).toString('base64url');
  return `${prefix}_kwDO${payload}`;
}

/** `login` as an account: bots end in `[bot]`; ids are stable unless given. */
export function identityFor(login: string, known: Partial<Identity> = {}): Identity {
  if (login === ACTIONS_BOT.login) {
    return { ...ACTIONS_BOT, id: known.id ?? ACTIONS_BOT.id, type: known.type ?? ACTIONS_BOT.type };
  }
  return {
    login,
    id: known.id ?? stableId(`user:${login}`),
    type: known.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
  };
}

export function userObject(host: Host, who: Identity | string): JsonObject {
  const user = typeof who === 'string' ? identityFor(who) : who;
  const api = `${host.apiUrl}/users/${encodeURIComponent(user.login)}`;
  const html =
    user.type === 'Bot'
      ? `${host.htmlUrl}/apps/${user.login.replace(/\[bot\]$/, '')}`
      : `${host.htmlUrl}/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(
      user.type === 'Bot' ? 'BOT' : user.type === 'Organization' ? 'O' : 'U',
      user.id,
    ),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: html,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function repoId(repo: RepoDescription): number {
  return repo.id ?? stableId(`repo:${repo.owner}/${repo.name}`, 100_000_000, 800_000_000);
}

export function ownerIdentity(repo: RepoDescription): Identity {
  return identityFor(repo.owner, { type: repo.ownerType ?? 'Organization' });
}

const CREATED = '2023-03-01T09:00:00Z';

export function repositoryObject(
  host: Host,
  repo: RepoDescription,
  pushedAt = CREATED,
): JsonObject {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${host.apiUrl}/repos/${full}`;
  const id = repoId(repo);
  const host_ = new URL(host.htmlUrl).host;
  return {
    id,
    node_id: nodeId('R', id),
    name: repo.name,
    full_name: full,
    private: repo.private ?? true,
    owner: userObject(host, ownerIdentity(repo)),
    html_url: `${host.htmlUrl}/${full}`,
    description: 'Model cards and evaluation logs',
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: CREATED,
    updated_at: CREATED,
    pushed_at: pushedAt,
    git_url: `git://${host_}/${full}.git`,
    ssh_url: `git@${host_}:${full}.git`,
    clone_url: `${host.htmlUrl}/${full}.git`,
    svn_url: `${host.htmlUrl}/${full}`,
    homepage: null,
    size: 1024,
    stargazers_count: 0,
    watchers_count: 0,
    language: 'Python',
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: 1,
    license: {
      key: 'apache-2.0',
      name: 'Apache License 2.0',
      spdx_id: 'Apache-2.0',
      url: `${host.apiUrl}/licenses/apache-2.0`,
      node_id: 'MDc6TGljZW5zZTI=',
    },
    allow_forking: false,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private === false ? 'public' : 'private',
    forks: 0,
    open_issues: 1,
    watchers: 0,
    default_branch: repo.defaultBranch ?? 'main',
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
  };
}

export function authorAssociation(repo: RepoDescription, who: Identity): string {
  if (who.login === repo.owner) return 'OWNER';
  return who.type === 'Bot' ? 'NONE' : 'MEMBER';
}

export interface PullRequestView {
  repo: RepoDescription;
  /** the repository the head branch lives in (a fork); defaults to `repo` */
  headRepo?: RepoDescription;
  number: number;
  id?: number;
  title?: string;
  body?: string | null;
  author: Identity;
  state: 'open' | 'closed';
  draft: boolean;
  merged: boolean;
  mergedBy?: Identity | null;
  mergeCommitSha?: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt?: string | null;
  mergedAt?: string | null;
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  commits?: number;
  additions?: number;
  deletions?: number;
  changedFiles?: number;
  comments?: number;
  reviewComments?: number;
}

export function pullRequestId(repo: RepoDescription, number: number): number {
  return stableId(`pr:${repo.owner}/${repo.name}#${number}`, 1_000_000_000, 900_000_000);
}

function branchObject(host: Host, repo: RepoDescription, ref: string, sha: string): JsonObject {
  return {
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: userObject(host, ownerIdentity(repo)),
    repo: repositoryObject(host, repo),
  };
}

/** A pull request with every field of the REST `pull-request` and the webhook variants. */
export function pullRequestObject(host: Host, pr: PullRequestView): JsonObject {
  const full = `${pr.repo.owner}/${pr.repo.name}`;
  const api = `${host.apiUrl}/repos/${full}`;
  const url = `${api}/pulls/${pr.number}`;
  const html = `${host.htmlUrl}/${full}/pull/${pr.number}`;
  const id = pr.id ?? pullRequestId(pr.repo, pr.number);
  const statuses = `${api}/statuses/${pr.headSha}`;
  return {
    url,
    id,
    node_id: nodeId('PR', id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pr.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pr.number}/comments`,
    statuses_url: statuses,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title ?? `Update model card (#${pr.number})`,
    user: userObject(host, pr.author),
    body: pr.body ?? null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt ?? null,
    merged_at: pr.mergedAt ?? null,
    merge_commit_sha: pr.mergeCommitSha ?? null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchObject(host, pr.headRepo ?? pr.repo, pr.headRef, pr.headSha),
    base: branchObject(host, pr.repo, pr.baseRef, pr.baseSha),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: `${api}/issues/${pr.number}` },
      comments: { href: `${api}/issues/${pr.number}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: statuses },
    },
    author_association: authorAssociation(pr.repo, pr.author),
    auto_merge: null,
    draft: pr.draft,
    merged: pr.merged,
    mergeable: pr.state === 'open' ? true : null,
    rebaseable: pr.state === 'open' ? true : null,
    mergeable_state: pr.state === 'open' ? (pr.draft ? 'draft' : 'blocked') : 'unknown',
    merged_by: pr.mergedBy ? userObject(host, pr.mergedBy) : null,
    comments: pr.comments ?? 0,
    review_comments: pr.reviewComments ?? 0,
    maintainer_can_modify: false,
    commits: pr.commits ?? 1,
    additions: pr.additions ?? 0,
    deletions: pr.deletions ?? 0,
    changed_files: pr.changedFiles ?? 0,
  };
}

const FULL_ONLY = new Set([
  'merged',
  'mergeable',
  'rebaseable',
  'mergeable_state',
  'merged_by',
  'comments',
  'review_comments',
  'maintainer_can_modify',
  'commits',
  'additions',
  'deletions',
  'changed_files',
]);

/** The fields of `pull-request-simple` (what commit → pulls returns). */
export function pullRequestSimple(full: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(full).filter(([key]) => !FULL_ONLY.has(key)));
}
