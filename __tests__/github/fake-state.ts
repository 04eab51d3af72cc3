/**
 * The fake GitHub's world: one repository with commits (real git trees), pull requests, reviews,
 * issue comments with their edit history, check runs with their update history, org teams, and
 * the faults to inject. Tests drive it through the plain methods below; the server reads it.
 */
import { FaultQueue, type FaultSource } from './fake-faults.js';
import { writeSnapshot, type FileSpec, type GitObject } from './git-objects.js';
import {
  ACTIONS_APP,
  ACTIONS_BOT,
  identityFor,
  pullRequestId,
  repoId,
  timestamp,
  type Identity,
  type RepoDescription,
} from './github-objects.js';
import type {
  AppInfo,
  CheckRunRecord,
  CommentRecord,
  CommitMeta,
  CommitPerson,
  CommitRecord,
  DismissalRecord,
  FakeGitHubOptions,
  FaultSpec,
  GitSignature,
  PullRequestRecord,
  ReviewRecord,
  RulesetRecord,
  TeamRecord,
  TokenIdentity,
} from './fake-records.js';

export type * from './fake-records.js';

/** Who commits when a test does not say: a GitHub user. */
const DEFAULT_AUTHOR = 'octocat';

/** An address GitHub gives an account, which names it: `[id+]login@users.noreply.github.com`. */
const NO_REPLY = /^(?:\d+\+)?(.+)@users\.noreply\.github\.com$/i;

export class FakeGitHubState implements FaultSource {
  readonly repo: RepoDescription;
  readonly tokens: Map<string, Required<Omit<TokenIdentity, 'app'>> & { app: AppInfo }>;
  readonly objects = new Map<string, GitObject>();
  readonly commits = new Map<string, CommitRecord>();
  readonly branches = new Map<string, string>();
  readonly pulls = new Map<number, PullRequestRecord>();
  readonly reviews: ReviewRecord[] = [];
  /** Review dismissals, as the pull request's timeline lists them. */
  readonly dismissals: DismissalRecord[] = [];
  readonly commentsById = new Map<number, CommentRecord>();
  readonly checkRunsById = new Map<number, CheckRunRecord>();
  readonly teams = new Map<string, TeamRecord>();
  /** Rulesets with a required-status-checks rule, by the branch patterns they target. */
  readonly rulesets: RulesetRecord[] = [];
  /** Classic branch protection by branch name: the check names it requires. */
  readonly protections = new Map<string, { requiredChecks: string[] }>();
  /** logins whose accounts were deleted: GitHub shows them as `ghost` / a null actor */
  readonly deletedUsers = new Set<string>();
  /** Emails an account lists (lower case → login): GitHub links commits made with them to it. */
  readonly emails = new Map<string, string>();
  private readonly faultQueue = new FaultQueue();
  private readonly clock: () => Date;
  private nextIds = { comment: 1_900_000_001, review: 1_700_000_001, checkRun: 20_000_000_001 };

  constructor(options: FakeGitHubOptions = {}) {
    this.repo = {
      owner: options.owner ?? 'acme',
      name: options.repo ?? 'models',
      id: options.repoId,
      ownerType: options.ownerType ?? 'Organization',
      defaultBranch: options.defaultBranch ?? 'main',
    };
    this.repo.id = repoId(this.repo);
    this.clock = options.now ?? (() => new Date());
    const tokens = options.tokens ?? { ghs_bot: { login: ACTIONS_BOT.login } };
    this.tokens = new Map(
      Object.entries(tokens).map(([token, t]) => {
        const who = identityFor(t.login, { id: t.id, type: t.type });
        return [token, { ...who, readOnly: t.readOnly ?? false, app: t.app ?? ACTIONS_APP }];
      }),
    );
  }

  now(): string {
    return timestamp(this.clock());
  }

  // ---- git ----------------------------------------------------------------------------------

  /**
   * A commit whose tree holds exactly `files` (strings, bytes or `{ symlink: target }`), with its
   * parent (or parents: a merge), author, committer and message (`meta`).
   */
  addCommit(
    sha: string,
    files: Record<string, FileSpec>,
    parent?: string | string[],
    meta: CommitMeta = {},
  ): CommitRecord {
    const snapshot = writeSnapshot(files, this.objects);
    const author = this.signature(meta.author ?? DEFAULT_AUTHOR);
    const committer = meta.committer === undefined ? author : this.signature(meta.committer);
    const trailers = (meta.coAuthors ?? []).map((p) => {
      const who = this.signature(p);
      return `Co-authored-by: ${who.name} <${who.email}>`;
    });
    const message = [meta.message ?? `Commit ${sha.slice(0, 7)}`]
      .concat(trailers.length > 0 ? ['', ...trailers] : [])
      .join('\n');
    const parents = parent === undefined ? [] : typeof parent === 'string' ? [parent] : parent;
    const record: CommitRecord = {
      sha,
      treeSha: snapshot.treeSha,
      parents,
      snapshot,
      author,
      committer,
      message,
    };
    this.commits.set(sha, record);
    return record;
  }

  /** Git's signature for a person; a login commits with an email its account lists. */
  private signature(who: CommitPerson): GitSignature {
    const date = this.now();
    if (typeof who !== 'string') return { ...who, date };
    const id = this.identity(who);
    const email =
      id.type === 'Bot' ? `${id.id}+${who}@users.noreply.github.com` : `${who}@example.com`;
    this.linkEmail(email, who);
    return { name: who, email, date };
  }

  /** The account lists `email` (GitHub links every commit made with it, past ones too). */
  linkEmail(email: string, login: string): void {
    this.emails.set(email.toLowerCase(), login);
  }

  /** The account GitHub links to a commit email, or undefined (none lists it, or it is deleted). */
  userForEmail(email: string): Identity | undefined {
    const login = this.emails.get(email.toLowerCase()) ?? NO_REPLY.exec(email)?.[1];
    if (login === undefined || this.deletedUsers.has(login)) return undefined;
    return this.identity(login);
  }

  setBranch(name: string, sha: string): void {
    this.branches.set(name.replace(/^refs\/heads\//, '').replace(/^heads\//, ''), sha);
  }

  /** A commit sha from a sha, a branch name, `heads/x` or `refs/heads/x`; else undefined. */
  resolveCommit(ref: string): CommitRecord | undefined {
    const direct = this.commits.get(ref);
    if (direct) return direct;
    const branch = this.branches.get(ref.replace(/^refs\/heads\//, '').replace(/^heads\//, ''));
    return branch === undefined ? undefined : this.commits.get(branch);
  }

  /** `sha` and every commit it descends from, through all parents. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const c = this.commits.get(stack.pop()!);
      if (!c || seen.has(c.sha)) continue;
      seen.add(c.sha);
      stack.push(...c.parents);
    }
    return seen;
  }

  /**
   * `git log exclude..tip`: the commits `tip` descends from (itself included) that `exclude`
   * does not, oldest first (every parent before its children).
   */
  log(exclude: string, tip: string): CommitRecord[] {
    const skip = this.ancestors(exclude);
    const out: CommitRecord[] = [];
    const seen = new Set<string>();
    const visit = (sha: string): void => {
      const c = this.commits.get(sha);
      if (!c || seen.has(sha) || skip.has(sha)) return;
      seen.add(sha);
      for (const p of c.parents) visit(p);
      out.push(c);
    };
    visit(tip);
    return out;
  }

  /**
   * The best common ancestor (`git merge-base a b`): one both descend from that no other common
   * ancestor descends from; undefined for unrelated histories.
   */
  mergeBase(a: string, b: string): CommitRecord | undefined {
    const inA = this.ancestors(a);
    const common = [...this.ancestors(b)].filter((sha) => inA.has(sha));
    const best = common.find((sha) =>
      common.every((other) => other === sha || !this.ancestors(other).has(sha)),
    );
    return best === undefined ? undefined : this.commits.get(best);
  }

  // ---- branch rules -------------------------------------------------------------------------

  /** A ruleset requiring `checks` on branches matching `branches` (fnmatch, `**` included). */
  addRuleset(name: string, branches: string[], checks: string[]): void {
    this.rulesets.push({ id: 5_000_001 + this.rulesets.length, name, branches, checks });
  }

  /** Classic branch protection on `branch` requiring `checks`. */
  protectBranch(branch: string, checks: string[]): void {
    this.protections.set(branch, { requiredChecks: checks });
  }

  // ---- pull requests ------------------------------------------------------------------------

  openPullRequest(pr: {
    number: number;
    author: string;
    head: string;
    base: string;
    baseRef?: string;
    headRef?: string;
    draft?: boolean;
    title?: string;
    body?: string | null;
    headRepo?: RepoDescription;
  }): PullRequestRecord {
    for (const sha of [pr.head, pr.base]) {
      if (!this.commits.has(sha)) throw new Error(`addCommit(${sha}) before opening #${pr.number}`);
    }
    const at = this.now();
    const record: PullRequestRecord = {
      number: pr.number,
      id: pullRequestId(this.repo, pr.number),
      author: this.identity(pr.author),
      title: pr.title ?? `Update model evidence (#${pr.number})`,
      body: pr.body ?? null,
      draft: pr.draft ?? false,
      state: 'open',
      merged: false,
      mergeCommitSha: null,
      headSha: pr.head,
      headRef: pr.headRef ?? `rsp/pr-${pr.number}`,
      headRepo: pr.headRepo,
      baseSha: pr.base,
      baseRef: pr.baseRef ?? this.repo.defaultBranch ?? 'main',
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      mergedAt: null,
      heads: [pr.head],
    };
    this.pulls.set(pr.number, record);
    if (!pr.headRepo) this.setBranch(record.headRef, pr.head);
    if (!this.branches.has(record.baseRef)) this.setBranch(record.baseRef, pr.base);
    return record;
  }

  pullRequest(number: number): PullRequestRecord {
    const pr = this.pulls.get(number);
    if (!pr) throw new Error(`no pull request #${number}`);
    return pr;
  }

  /** A push to the pull request's branch: `sha` (added with addCommit) becomes its head. */
  pushCommit(prNumber: number, sha: string): void {
    const pr = this.pullRequest(prNumber);
    if (!this.commits.has(sha)) throw new Error(`addCommit(${sha}) before pushing it`);
    pr.headSha = sha;
    pr.heads.push(sha);
    pr.updatedAt = this.now();
    if (!pr.headRepo) this.setBranch(pr.headRef, sha);
  }

  setDraft(prNumber: number, draft: boolean): void {
    const pr = this.pullRequest(prNumber);
    pr.draft = draft;
    pr.updatedAt = this.now();
  }

  closePullRequest(
    prNumber: number,
    options: { merged?: boolean; mergeCommitSha?: string } = {},
  ): void {
    const pr = this.pullRequest(prNumber);
    const at = this.now();
    pr.state = 'closed';
    pr.closedAt = at;
    pr.updatedAt = at;
    if (options.merged) {
      pr.merged = true;
      pr.mergedAt = at;
      pr.mergeCommitSha = options.mergeCommitSha ?? null;
    }
  }

  // ---- reviews ------------------------------------------------------------------------------

  addReview(review: {
    pr: number;
    user: string;
    /** PENDING: a draft review, seen only by its author */
    state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'PENDING';
    /** default the pull request's current head */
    commit?: string;
    body?: string;
  }): ReviewRecord {
    const pr = this.pullRequest(review.pr);
    const record: ReviewRecord = {
      id: this.nextIds.review++,
      pr: pr.number,
      user: this.identity(review.user),
      state: review.state,
      commitId: review.commit ?? pr.headSha,
      body: review.body ?? '',
      submittedAt: review.state === 'PENDING' ? null : this.now(),
    };
    this.reviews.push(record);
    return record;
  }

  /** `by` (someone with write access; default the repository's owner) dismisses a review. */
  dismissReview(reviewId: number, by?: string): void {
    const review = this.reviews.find((r) => r.id === reviewId);
    if (!review) throw new Error(`no review ${reviewId}`);
    if (review.state === 'DISMISSED' || review.state === 'PENDING')
      throw new Error(`review ${reviewId} is ${review.state}: it cannot be dismissed`);
    this.dismissals.push({
      id: this.dismissals.length + 1,
      pr: review.pr,
      reviewId,
      actor: this.identity(by ?? this.repo.owner),
      was: review.state,
      at: this.now(),
    });
    review.state = 'DISMISSED';
  }

  /** The reviews of pull request `pr` that `viewer` may see (a pending one only by its author). */
  reviewsSeenBy(pr: number, viewer: string): ReviewRecord[] {
    return this.reviews
      .filter((r) => r.pr === pr && (r.state !== 'PENDING' || r.user.login === viewer))
      .sort((a, b) => a.id - b.id);
  }

  // ---- comments -----------------------------------------------------------------------------

  /** A comment on pull request `pr` by `login` (a human, or any identity). */
  addComment(pr: number, login: string, body: string): CommentRecord {
    this.pullRequest(pr);
    const author = this.identity(login);
    const id = this.nextIds.comment++;
    const at = this.now();
    const record: CommentRecord = {
      id,
      nodeId: `IC_kwDO${Buffer.from(`${this.repo.id}:${id}`).toString('base64url')}`,
      issue: pr,
      author,
      body,
      createdAt: at,
      updatedAt: at,
      revisions: [{ editor: author, editedAt: at, body }],
    };
    this.commentsById.set(id, record);
    return record;
  }

  /** An edit through the web UI by `login` (e.g. ticking a checklist box): history grows. */
  userEditsComment(commentId: number, login: string, newBody: string): CommentRecord {
    return this.editComment(commentId, this.identity(login), newBody);
  }

  editComment(commentId: number, editor: Identity, newBody: string): CommentRecord {
    const comment = this.commentsById.get(commentId);
    if (!comment) throw new Error(`no comment ${commentId}`);
    const at = this.now();
    comment.body = newBody;
    comment.updatedAt = at;
    comment.revisions.push({ editor, editedAt: at, body: newBody });
    return comment;
  }

  deleteComment(commentId: number): void {
    this.commentsById.delete(commentId);
  }

  /** The account is deleted: REST shows its content as by `ghost`, GraphQL actors are null. */
  deleteUser(login: string): void {
    this.deletedUsers.add(login);
  }

  comments(pr: number): CommentRecord[] {
    return [...this.commentsById.values()]
      .filter((c) => c.issue === pr)
      .sort((a, b) => a.id - b.id);
  }

  comment(id: number): CommentRecord | undefined {
    return this.commentsById.get(id);
  }

  // ---- check runs ---------------------------------------------------------------------------

  newCheckRunId(): number {
    return this.nextIds.checkRun++;
  }

  checkRuns(sha: string): CheckRunRecord[] {
    return [...this.checkRunsById.values()]
      .filter((r) => r.headSha === sha)
      .sort((a, b) => a.id - b.id);
  }

  // ---- teams --------------------------------------------------------------------------------

  setTeamMembers(
    org: string,
    team: string,
    members: string[] | 'forbidden',
    options: { visibleTo?: string[] } = {},
  ): void {
    this.teams.set(`${org.toLowerCase()}/${team.toLowerCase()}`, {
      members,
      visibleTo: options.visibleTo,
    });
  }

  team(org: string, team: string): TeamRecord | undefined {
    return this.teams.get(`${org.toLowerCase()}/${team.toLowerCase()}`);
  }

  // ---- faults ------------------------------------------------------------------------------

  /** The next `times` requests matching `method` and `path` get this answer instead. */
  failNext(fault: FaultSpec): void {
    this.faultQueue.failNext(fault);
  }

  /** The next request whose pathname matches has its connection destroyed, unanswered. */
  resetConnectionNext(path: RegExp): void {
    this.faultQueue.resetConnectionNext(path);
  }

  /** The next request whose pathname matches is never answered (a timeout, from the client's side). */
  hangNext(path: RegExp): void {
    this.faultQueue.hangNext(path);
  }

  takeHang(pathname: string): boolean {
    return this.faultQueue.takeHang(pathname);
  }

  takeFault(method: string, pathname: string): FaultSpec | undefined {
    return this.faultQueue.takeFault(method, pathname);
  }

  takeReset(pathname: string): boolean {
    return this.faultQueue.takeReset(pathname);
  }

  /** The identity behind a login: a configured token's identity if one has it, else a user. */
  identity(login: string): Identity {
    for (const t of this.tokens.values()) {
      if (t.login === login) return { login: t.login, id: t.id, type: t.type };
    }
    return identityFor(login);
  }
}
