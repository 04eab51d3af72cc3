/**
 * Builders for the event payloads the Action handles (what `GITHUB_EVENT_PATH` holds). Each takes
 * a small description and fills every field GitHub's webhook schema requires with values that
 * agree with the fake server (same ids, URLs and shas). Every output validates against
 * @octokit/openapi-webhooks (see fake-github.test.ts).
 */
import {
  GITHUB_COM,
  authorAssociation,
  identityFor,
  nodeId,
  pullRequestObject,
  stableId,
  timestamp,
  userObject,
  type Host,
  type JsonObject,
  type RepoDescription,
} from './github-objects.js';
import { EPOCH, baseRefOf, envelope, reactions } from './webhook-common.js';

export * from './webhook-builders-push.js';
export * from './webhook-builders-app.js';
export { fakeSha, organizationObject } from './webhook-common.js';

export interface PullRequestDescription {
  repo: RepoDescription;
  number: number;
  headSha: string;
  baseSha: string;
  /** default: the repository's default branch, `main` */
  baseRef?: string;
  /** default: `rsp/pr-<number>` */
  headRef?: string;
  /** login of the pull request's author; default `octocat` */
  author?: string;
  /** a fork the head branch lives in */
  headRepo?: RepoDescription;
  title?: string;
  body?: string | null;
  draft?: boolean;
  /** who caused the event; default the author */
  sender?: string;
  /** `synchronize`: the head before the push; default `baseSha` */
  before?: string;
  /** `edited`: what changed; default a title change */
  changes?: JsonObject;
  createdAt?: Date;
  /** include `installation: { id }`, as deliveries to a GitHub App do */
  installationId?: number;
  host?: Host;
}

export type PullRequestAction =
  'opened' | 'synchronize' | 'reopened' | 'edited' | 'ready_for_review';

function pullRequest(d: PullRequestDescription, state: 'open' | 'closed' = 'open'): JsonObject {
  const host = d.host ?? GITHUB_COM;
  const created = timestamp(d.createdAt ?? EPOCH);
  return pullRequestObject(host, {
    repo: d.repo,
    headRepo: d.headRepo,
    number: d.number,
    title: d.title,
    body: d.body ?? null,
    author: identityFor(d.author ?? 'octocat'),
    state,
    draft: d.draft ?? false,
    merged: false,
    createdAt: created,
    updatedAt: created,
    headSha: d.headSha,
    headRef: d.headRef ?? `rsp/pr-${d.number}`,
    baseSha: d.baseSha,
    baseRef: baseRefOf(d),
  });
}

/** `pull_request` payloads. */
export function buildPullRequestEvent(
  action: PullRequestAction,
  d: PullRequestDescription,
): JsonObject {
  const host = d.host ?? GITHUB_COM;
  const payload: JsonObject = { action, number: d.number };
  if (action === 'synchronize') {
    payload.before = d.before ?? d.baseSha;
    payload.after = d.headSha;
  }
  if (action === 'edited') {
    payload.changes = d.changes ?? { title: { from: `Draft: ${d.title ?? 'update model card'}` } };
  }
  payload.pull_request = pullRequest(action === 'ready_for_review' ? { ...d, draft: false } : d);
  return {
    ...payload,
    ...envelope(host, d.repo, d.sender ?? d.author ?? 'octocat', d.installationId),
  };
}

/** `pull_request_target` payloads: GitHub sends the `pull_request` payload unchanged. */
export function buildPullRequestTargetEvent(
  action: PullRequestAction,
  d: PullRequestDescription,
): JsonObject {
  return buildPullRequestEvent(action, d);
}

export interface ReviewDescription {
  id?: number;
  /** reviewer login */
  user: string;
  /** as the REST API spells it; webhooks carry it in lower case */
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  /** the head the review was made on; default the pull request's `headSha` */
  commitId?: string;
  body?: string | null;
  submittedAt?: Date;
}

export function reviewId(
  d: { repo: RepoDescription; number: number },
  user: string,
  n = 0,
): number {
  return stableId(
    `review:${d.repo.owner}/${d.repo.name}#${d.number}:${user}:${n}`,
    2_000_000_000,
    90_000_000,
  );
}

/** `pull_request_review` payloads: `submitted`, or `dismissed` (review state `dismissed`). */
export function buildPullRequestReviewEvent(
  action: 'submitted' | 'dismissed',
  d: PullRequestDescription & { review: ReviewDescription },
): JsonObject {
  const host = d.host ?? GITHUB_COM;
  const reviewer = identityFor(d.review.user);
  const id = d.review.id ?? reviewId(d, reviewer.login);
  const full = `${d.repo.owner}/${d.repo.name}`;
  const prUrl = `${host.apiUrl}/repos/${full}/pulls/${d.number}`;
  const html = `${host.htmlUrl}/${full}/pull/${d.number}#pullrequestreview-${id}`;
  const state = action === 'dismissed' ? 'dismissed' : d.review.state.toLowerCase();
  const review: JsonObject = {
    id,
    node_id: nodeId('PRR', id),
    user: userObject(host, reviewer),
    body: d.review.body ?? null,
    commit_id: d.review.commitId ?? d.headSha,
    submitted_at: timestamp(d.review.submittedAt ?? EPOCH),
    state,
    html_url: html,
    pull_request_url: prUrl,
    author_association: authorAssociation(d.repo, reviewer),
    _links: { html: { href: html }, pull_request: { href: prUrl } },
  };
  return {
    action,
    review,
    pull_request: pullRequest(d),
    ...envelope(host, d.repo, d.sender ?? reviewer.login, d.installationId),
  };
}

export interface CommentDescription {
  id: number;
  body: string;
  /** the comment's author */
  user: string;
  /** `edited`: the body before the edit */
  previousBody?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

/** `issue_comment` payloads for a comment on a pull request (`issue.pull_request` is present). */
export function buildIssueCommentEvent(
  action: 'created' | 'edited',
  d: PullRequestDescription & { comment: CommentDescription },
): JsonObject {
  const host = d.host ?? GITHUB_COM;
  const full = `${d.repo.owner}/${d.repo.name}`;
  const api = `${host.apiUrl}/repos/${full}`;
  const pr = pullRequest(d);
  const commenter = identityFor(d.comment.user);
  const created = timestamp(d.comment.createdAt ?? EPOCH);
  const issueUrl = `${api}/issues/${d.number}`;
  const issue: JsonObject = {
    url: issueUrl,
    repository_url: api,
    labels_url: `${issueUrl}/labels{/name}`,
    comments_url: `${issueUrl}/comments`,
    events_url: `${issueUrl}/events`,
    html_url: pr.html_url,
    id: pr.id,
    node_id: pr.node_id,
    number: d.number,
    title: pr.title,
    user: pr.user,
    labels: [],
    state: 'open',
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: 1,
    created_at: pr.created_at,
    updated_at: created,
    closed_at: null,
    author_association: pr.author_association,
    active_lock_reason: null,
    draft: pr.draft,
    pull_request: {
      url: pr.url,
      html_url: pr.html_url,
      diff_url: pr.diff_url,
      patch_url: pr.patch_url,
      merged_at: null,
    },
    body: pr.body,
    reactions: reactions(`${issueUrl}/reactions`),
    timeline_url: `${issueUrl}/timeline`,
    performed_via_github_app: null,
    state_reason: null,
  };
  const comment: JsonObject = {
    url: `${api}/issues/comments/${d.comment.id}`,
    html_url: `${pr.html_url as string}#issuecomment-${d.comment.id}`,
    issue_url: issueUrl,
    id: d.comment.id,
    node_id: nodeId('IC', d.comment.id),
    user: userObject(host, commenter),
    created_at: created,
    updated_at: timestamp(d.comment.updatedAt ?? d.comment.createdAt ?? EPOCH),
    author_association: authorAssociation(d.repo, commenter),
    body: d.comment.body,
    reactions: reactions(`${api}/issues/comments/${d.comment.id}/reactions`),
    performed_via_github_app: null,
  };
  const payload: JsonObject = { action, issue, comment };
  if (action === 'edited') payload.changes = { body: { from: d.comment.previousBody ?? '' } };
  return { ...payload, ...envelope(host, d.repo, d.sender ?? commenter.login, d.installationId) };
}
