/**
 * Everything the Action asks of GitHub, as one small interface: implemented once with octokit
 * (`octokit-port.ts`) and once in memory for unit tests (`memory-port.ts`).
 */
import { SourceUnavailableError } from '../core/errors.js';
import type { GitPerson, Review } from '../core/inputs.js';

export interface Identity {
  login: string;
  /** Numeric user id, when GitHub says. */
  id: number | null;
}

export interface PullRequest {
  number: number;
  state: 'open' | 'closed';
  draft: boolean;
  merged: boolean;
  author: string;
  headSha: string;
  headRef: string;
  /** `owner/name` of the head repository; differs from the base for forks; null if deleted. */
  headRepo: string | null;
  baseSha: string;
  baseRef: string;
  /** The repository's default branch, as the pull request's base repository names it. */
  defaultBranch: string | null;
  htmlUrl: string;
}

/** A check run already on a commit, as far as the gate needs it to order its writes. */
export interface ExistingCheckRun {
  id: number;
  /** `queued`, `in_progress`, `completed` (GitHub may add others). */
  status: string;
  /** What the gate stored when it wrote the run (`readStamp`), or null. */
  externalId: string | null;
}

/**
 * What GitHub says it enforces on a branch: the check names its rulesets require (null when the
 * token cannot read them), and classic branch protection's (null when the branch or its
 * protection cannot be read; `protected` false means no classic protection at all).
 */
export interface BranchEnforcement {
  rulesetChecks: { context: string; ruleset: string }[] | null;
  classic: { protected: boolean; requiredChecks: string[] | null } | null;
}

export interface GitTreeEntry {
  path: string;
  kind: 'file' | 'symlink';
  /** Git blob id, used to fetch the content. */
  sha: string;
  size: number;
}

/** A file GitHub reports as changed between two commits. */
export interface ChangedFile {
  path: string;
  status: string;
  /** The old name of a renamed or copied file. */
  previousPath: string | null;
}

/** A commit of a comparison, as far as it tells who wrote it. */
export interface ComparedCommit {
  sha: string;
  /** How many parents: more than one is a merge. */
  parents: number;
  /** The git author, with the account GitHub links to the email (the committer is not read). */
  author: GitPerson;
  /** The whole message, whose `Co-authored-by:` trailers name co-authors. */
  message: string;
}

export interface Comparison {
  /** The commit both sides descend from; the files are those changed from it to the head. */
  mergeBase: string;
  files: ChangedFile[];
  /** False when GitHub cut the list short (300 files or more). */
  complete: boolean;
  /**
   * The commits from the merge base to the head, oldest first, as far as one answer lists them:
   * GitHub lists at most 250 without paging (`comparisonCommits` reads them all).
   */
  commits: ComparedCommit[];
  /** How many commits the comparison holds. */
  totalCommits: number;
}

/** A commit's co-authors as GitHub resolves its `Co-authored-by:` trailers. */
export interface CoAuthors {
  people: GitPerson[];
  /** False when GitHub has more than one page of authors for the commit (over 100). */
  complete: boolean;
}

/** One path at a commit, as the contents API answers. Small files come with their bytes. */
export type PathEntry =
  | { kind: 'file' | 'symlink'; sha: string; size: number; bytes: Uint8Array | null }
  | { kind: 'directory' };

/** A directory's files, recursively, down to the depth asked for. */
export interface DirectoryListing {
  files: GitTreeEntry[];
  /** Directories below that depth, to be listed by another call. */
  deeper: string[];
  /**
   * True when a level held 1,000 entries or more: GitHub may cut such a listing short without
   * saying so, so it is not trusted (the REST tree, which says when it is truncated, is used).
   */
  capped: boolean;
}

/** Everything said on a pull request that the gate weighs, read together. */
export interface Conversation {
  identity: Identity;
  comments: IssueComment[];
  /** Edit histories by comment node id, for comments whose history came whole. */
  histories: Map<string, CommentRevision[]>;
  reviews: Review[];
}

export interface IssueComment {
  id: number;
  nodeId: string;
  author: string;
  authorId: number | null;
  body: string;
  htmlUrl: string;
}

/** One revision of a comment's body, from its edit history. */
export interface CommentRevision {
  editor: string | null;
  body: string;
  at: string;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text: string;
}

export interface CheckRunUpdate {
  status: 'in_progress' | 'completed';
  conclusion?: 'success' | 'failure' | 'neutral';
  output: CheckRunOutput;
  /** At most 50 per call; the caller batches. */
  annotations?: Annotation[];
  detailsUrl?: string;
  /** Stored on the run for the gate's next write (see `ExistingCheckRun.externalId`). */
  externalId?: string;
}

export interface GitHubPort {
  pullRequest(number: number): Promise<PullRequest>;
  /** Every file of the commit's tree (recursive). */
  tree(commitSha: string): Promise<GitTreeEntry[]>;
  /** The files changed from the merge base of `base` and `head` to `head` (GitHub's `base...head`). */
  compare(base: string, head: string): Promise<Comparison>;
  /**
   * The commits of `base...head`, oldest first, a hundred to a page, at most `limit` of them, and
   * how many there are: the paged comparison, which has no cap on commits.
   */
  comparisonCommits(
    base: string,
    head: string,
    limit: number,
  ): Promise<{ commits: ComparedCommit[]; total: number }>;
  /**
   * The co-authors of each commit (GraphQL `Commit.authors` after the first, which is the git
   * author), a hundred commits to a request; null for a commit GitHub does not return.
   */
  coAuthors(shas: string[]): Promise<Map<string, CoAuthors | null>>;
  /** One path at a commit, or null when the commit has nothing there. */
  readPath(commitSha: string, path: string): Promise<PathEntry | null>;
  /**
   * Several directories, of any commits, in one request, each down to `depth` levels (files
   * below are left to `deeper`); null for a directory that is not there.
   */
  directories(
    requests: { commit: string; dir: string; depth: number }[],
  ): Promise<(DirectoryListing | null)[]>;
  /** The token's identity, the pull request's comments with their histories, and its reviews. */
  conversation(pullNumber: number): Promise<Conversation>;
  blob(sha: string): Promise<Uint8Array>;
  /**
   * Several blobs in one request, for small text files: each blob's bytes, or null when GitHub
   * cannot give them exactly as text (binary, truncated, not valid UTF-8); fetch those by `blob`.
   */
  textBlobs(shas: string[]): Promise<Map<string, Uint8Array | null>>;
  reviews(pullNumber: number): Promise<Review[]>;
  comments(issueNumber: number): Promise<IssueComment[]>;
  createComment(issueNumber: number, body: string): Promise<IssueComment>;
  updateComment(commentId: number, body: string): Promise<void>;
  deleteComment(commentId: number): Promise<void>;
  /** The comment's revisions, oldest first; the first is the original body. */
  commentHistory(nodeId: string): Promise<CommentRevision[]>;
  /** Members of `org/team`, or null when the token may not read the team. */
  teamMembers(org: string, team: string): Promise<string[] | null>;
  /** The rules and classic protection GitHub applies to a branch of this repository. */
  branchEnforcement(branch: string): Promise<BranchEnforcement>;
  /**
   * The open pull requests of this repository whose head is `sha`, forks included; null when
   * there are more open pull requests than the gate lists (`limit`), so some could be missed.
   */
  openPullRequestsWithHead(sha: string, limit: number): Promise<PullRequest[] | null>;
  findCheckRun(headSha: string, name: string): Promise<ExistingCheckRun | null>;
  createCheckRun(headSha: string, name: string, update: CheckRunUpdate): Promise<number>;
  updateCheckRun(id: number, update: CheckRunUpdate): Promise<void>;
}

/** An API failure with the status GitHub answered, for messages that say what to do. */
export class GitHubError extends SourceUnavailableError {
  override readonly name = 'GitHubError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly request: string,
  ) {
    super(message);
  }
}
