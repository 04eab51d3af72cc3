/** The records the fake GitHub keeps, and the options it starts with. */
import type { Snapshot } from './git-objects.js';
import type { AccountType, Identity, RepoDescription } from './github-objects.js';

export interface TokenIdentity {
  login: string;
  id?: number;
  type?: AccountType;
  /** writes answer 403 "Resource not accessible by integration" */
  readOnly?: boolean;
  /** the GitHub App a bot token belongs to (check runs record it); default GitHub Actions */
  app?: AppInfo;
}

export interface AppInfo {
  id: number;
  slug: string;
  name: string;
  /** the organisation that owns the App; default `github` (GitHub Actions) */
  owner?: string;
  /** the App's permissions and events; default GitHub Actions' */
  permissions?: Record<string, string>;
  events?: string[];
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  repoId?: number;
  ownerType?: 'User' | 'Organization';
  defaultBranch?: string;
  /** token → identity; default `{ ghs_bot: github-actions[bot] }` */
  tokens?: Record<string, TokenIdentity>;
  /** the clock (timestamps in every object); default real time */
  now?: () => Date;
  /** base of html_url fields; default https://github.com */
  htmlUrl?: string;
}

/** A commit's author or committer as git records them. */
export interface GitSignature {
  name: string;
  email: string;
  date: string;
}

export interface CommitRecord {
  sha: string;
  treeSha: string;
  /** First parent first; two or more make a merge commit. */
  parents: string[];
  snapshot: Snapshot;
  author: GitSignature;
  committer: GitSignature;
  /** The whole message, `Co-authored-by:` trailers included. */
  message: string;
}

/**
 * Who made a commit: a login (a GitHub user, committing with an email their account lists) or a
 * bare name and email, which GitHub links to an account only if one lists it (`linkEmail`).
 */
export type CommitPerson = string | { name: string; email: string };

export interface CommitMeta {
  /** Default `octocat`, a GitHub user. */
  author?: CommitPerson;
  /** Default the author. */
  committer?: CommitPerson;
  /** Default `Commit <short sha>`. */
  message?: string;
  /** Appended to the message as `Co-authored-by: Name <email>` trailers. */
  coAuthors?: CommitPerson[];
}

export interface PullRequestRecord {
  number: number;
  id: number;
  author: Identity;
  title: string;
  body: string | null;
  draft: boolean;
  state: 'open' | 'closed';
  merged: boolean;
  mergeCommitSha: string | null;
  headSha: string;
  headRef: string;
  headRepo?: RepoDescription;
  baseSha: string;
  baseRef: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  /** every head the pull request has had, oldest first */
  heads: string[];
}

export interface ReviewRecord {
  id: number;
  pr: number;
  user: Identity;
  /** a PENDING review is a draft: only its author sees it, and it has no submission time */
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commitId: string;
  body: string;
  submittedAt: string | null;
}

/** A `ReviewDismissedEvent` on a pull request's timeline. */
export interface DismissalRecord {
  id: number;
  pr: number;
  reviewId: number;
  actor: Identity;
  was: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';
  at: string;
}

export interface Revision {
  editor: Identity;
  editedAt: string;
  body: string;
}

export interface CommentRecord {
  id: number;
  nodeId: string;
  issue: number;
  author: Identity;
  body: string;
  createdAt: string;
  updatedAt: string;
  /** the original body first, then every edit (REST or human), oldest first */
  revisions: Revision[];
}

export interface CheckRunOutput {
  title: string | null;
  summary: string | null;
  text: string | null;
  annotations: Record<string, unknown>[];
}

export interface CheckRunRecord {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  externalId: string | null;
  detailsUrl: string | null;
  output: CheckRunOutput;
  app: AppInfo;
  /** the request bodies that created and updated the run, in order */
  history: { at: string; method: 'POST' | 'PATCH'; body: Record<string, unknown> }[];
}

export interface TeamRecord {
  members: string[] | 'forbidden';
  /** tokens allowed to read the team; default every token */
  visibleTo?: string[];
}

export interface FaultSpec {
  method?: string;
  /** tested against the request's pathname */
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** how many matching requests fail; default 1 */
  times?: number;
}

/** A repository ruleset with one required-status-checks rule. */
export interface RulesetRecord {
  id: number;
  name: string;
  /** fnmatch patterns of the branch names it targets (`~DEFAULT_BRANCH` not modelled). */
  branches: string[];
  checks: string[];
}
