/**
 * The fake's records rendered as GitHub's REST objects (every field the REST description
 * requires; the fake validates its own responses against it).
 */
import { diffSnapshots, type FileChange } from './git-objects.js';
import {
  GHOST,
  authorAssociation,
  nodeId,
  pullRequestObject,
  stableId,
  userObject,
  type Host,
  type Identity,
  type JsonObject,
} from './github-objects.js';
import type {
  CheckRunRecord,
  CommentRecord,
  CommitRecord,
  FakeGitHubState,
  PullRequestRecord,
  ReviewRecord,
} from './fake-state.js';
import { renderApp } from './github-app-objects.js';

/** A deleted account's content is shown as by `ghost`. */
export function shownAs(state: FakeGitHubState, who: Identity): Identity {
  return state.deletedUsers.has(who.login) ? GHOST : who;
}

export function repoApi(state: FakeGitHubState, host: Host): string {
  return `${host.apiUrl}/repos/${state.repo.owner}/${state.repo.name}`;
}

export function repoHtml(state: FakeGitHubState, host: Host): string {
  return `${host.htmlUrl}/${state.repo.owner}/${state.repo.name}`;
}

export function pullRequestChanges(state: FakeGitHubState, pr: PullRequestRecord): FileChange[] {
  const base = state.commits.get(pr.baseSha);
  const head = state.commits.get(pr.headSha);
  if (!base || !head) return [];
  return diffSnapshots(base.snapshot, head.snapshot, state.objects);
}

export function renderPullRequest(
  state: FakeGitHubState,
  host: Host,
  pr: PullRequestRecord,
): JsonObject {
  const files = pullRequestChanges(state, pr);
  return pullRequestObject(host, {
    ...pr,
    repo: state.repo,
    commits: pr.heads.length,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changedFiles: files.length,
    comments: state.comments(pr.number).length,
    reviewComments: 0,
  });
}

export function renderFile(
  state: FakeGitHubState,
  host: Host,
  pr: PullRequestRecord,
  file: FileChange,
): JsonObject {
  return renderDiffEntry(state, host, file, pr.baseSha, pr.headSha);
}

/** A changed file (`diff-entry`); a removed file's links point at `before`, the others at `after`. */
export function renderDiffEntry(
  state: FakeGitHubState,
  host: Host,
  file: FileChange,
  before: string,
  after: string,
): JsonObject {
  const ref = file.status === 'removed' ? before : after;
  const path = file.filename.split('/').map(encodeURIComponent).join('/');
  return {
    ...file,
    blob_url: `${repoHtml(state, host)}/blob/${ref}/${path}`,
    raw_url: `${repoHtml(state, host)}/raw/${ref}/${path}`,
    contents_url: `${repoApi(state, host)}/contents/${path}?ref=${ref}`,
  };
}

/** The account GitHub links to a commit email, as a REST user; null when none lists it. */
function linkedUser(state: FakeGitHubState, host: Host, email: string): JsonObject | null {
  const who = state.userForEmail(email);
  return who === undefined ? null : userObject(host, who);
}

/** A commit as the REST `commit` schema has it (no `files` or `stats`, as in a comparison). */
export function renderCommit(state: FakeGitHubState, host: Host, commit: CommitRecord): JsonObject {
  const api = repoApi(state, host);
  const html = repoHtml(state, host);
  return {
    url: `${api}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: nodeId('C', state.repo.id ?? 0, commit.sha),
    html_url: `${html}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.treeSha, url: `${api}/git/trees/${commit.treeSha}` },
      verification: {
        verified: false,
        reason: 'unsigned',
        payload: null,
        signature: null,
        verified_at: null,
      },
    },
    // The accounts that list the author's and committer's emails; null where none does.
    author: linkedUser(state, host, commit.author.email),
    committer: linkedUser(state, host, commit.committer.email),
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${html}/commit/${sha}`,
    })),
  };
}

export function renderReview(state: FakeGitHubState, host: Host, review: ReviewRecord): JsonObject {
  const html = `${repoHtml(state, host)}/pull/${review.pr}#pullrequestreview-${review.id}`;
  const prUrl = `${repoApi(state, host)}/pulls/${review.pr}`;
  return {
    id: review.id,
    node_id: nodeId('PRR', review.id),
    user: userObject(host, shownAs(state, review.user)),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: prUrl,
    author_association: authorAssociation(state.repo, shownAs(state, review.user)),
    _links: { html: { href: html }, pull_request: { href: prUrl } },
    // A pending review has not been submitted: GitHub leaves the field out.
    ...(review.submittedAt === null ? {} : { submitted_at: review.submittedAt }),
    commit_id: review.commitId,
  };
}

export function renderComment(
  state: FakeGitHubState,
  host: Host,
  comment: CommentRecord,
): JsonObject {
  const api = repoApi(state, host);
  const url = `${api}/issues/comments/${comment.id}`;
  return {
    id: comment.id,
    node_id: comment.nodeId,
    url,
    html_url: `${repoHtml(state, host)}/pull/${comment.issue}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userObject(host, shownAs(state, comment.author)),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${api}/issues/${comment.issue}`,
    author_association: authorAssociation(state.repo, shownAs(state, comment.author)),
    performed_via_github_app: null,
    reactions: {
      url: `${url}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0,
    },
  };
}

export function renderCheckRun(
  state: FakeGitHubState,
  host: Host,
  run: CheckRunRecord,
): JsonObject {
  const api = repoApi(state, host);
  const html = `${repoHtml(state, host)}/runs/${run.id}`;
  const pulls = [...state.pulls.values()].filter(
    (pr) => pr.state === 'open' && pr.headSha === run.headSha,
  );
  const repoRef = {
    id: state.repo.id,
    url: `${host.apiUrl}/repos/${state.repo.owner}/${state.repo.name}`,
    name: state.repo.name,
  };
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('CR', run.id),
    head_sha: run.headSha,
    external_id: run.externalId ?? '',
    url: `${api}/check-runs/${run.id}`,
    html_url: html,
    details_url: run.detailsUrl ?? html,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${api}/check-runs/${run.id}/annotations`,
    },
    check_suite: {
      id: stableId(`suite:${run.headSha}:${run.app.id}`, 10_000_000_000, 1_000_000_000),
    },
    app: renderApp(host, run.app),
    pull_requests: pulls.map((pr) => ({
      url: `${api}/pulls/${pr.number}`,
      id: pr.id,
      number: pr.number,
      head: { ref: pr.headRef, sha: pr.headSha, repo: repoRef },
      base: { ref: pr.baseRef, sha: pr.baseSha, repo: repoRef },
    })),
  };
}
