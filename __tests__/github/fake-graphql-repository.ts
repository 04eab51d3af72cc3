/**
 * The fake's GraphQL `repository(owner:, name:)`: git objects by revision expression or oid
 * (`Commit` with its `authors`, `Tree` with its `entries`, `Blob`) and pull requests with their
 * comments and reviews.
 */
import { entryAt, isBinary, modeNumber, treeEntries, type TreeEntry } from './git-objects.js';
import {
  nodeId,
  ownerIdentity,
  type Host,
  type Identity,
  type JsonObject,
} from './github-objects.js';
import {
  GitHubGraphqlError,
  actor,
  connection,
  issueComment,
  presentActor,
} from './fake-graphql-support.js';
import type {
  CommitRecord,
  FakeGitHubState,
  GitSignature,
  PullRequestRecord,
  ReviewRecord,
} from './fake-state.js';

type Args = Record<string, unknown>;

interface Scope {
  state: FakeGitHubState;
  host: Host;
  viewer: Identity;
}

function repoPath(scope: Scope): string {
  return `/${scope.state.repo.owner}/${scope.state.repo.name}`;
}

function commitObject(scope: Scope, commit: CommitRecord): JsonObject {
  const path = `${repoPath(scope)}/commit/${commit.sha}`;
  return {
    __typename: 'Commit',
    id: nodeId('C', scope.state.repo.id ?? 0, commit.sha),
    oid: commit.sha,
    abbreviatedOid: commit.sha.slice(0, 7),
    resourcePath: path,
    commitResourcePath: path,
    url: `${scope.host.htmlUrl}${path}`,
    commitUrl: `${scope.host.htmlUrl}${path}`,
    tree: () => treeObject(scope, commit.treeSha, ''),
    repository: () => repositoryObject(scope),
    message: commit.message,
    author: gitActor(scope, commit.author),
    committer: gitActor(scope, commit.committer),
    // The git author first, then each `Co-authored-by:` trailer (GitHub's schema description).
    authors: (args: Args) =>
      connection(
        [commit.author, ...coAuthorTrailers(commit.message, commit.author.date)],
        args,
        'authors',
        (who) => gitActor(scope, who),
      ),
  };
}

/** The people a message's `Co-authored-by: Name <email>` lines name, any case of the key. */
function coAuthorTrailers(message: string, date: string): GitSignature[] {
  return [...message.matchAll(/^co-authored-by:[ \t]*(.*?)[ \t]*<([^<>\n]+)>[ \t]*$/gim)].map(
    (m) => ({ name: m[1]!, email: m[2]!, date }),
  );
}

/** A git signature, with the GitHub user its email belongs to (a User only: never a Bot). */
function gitActor(scope: Scope, who: GitSignature): JsonObject {
  const user = scope.state.userForEmail(who.email);
  return {
    __typename: 'GitActor',
    name: who.name,
    email: who.email,
    date: who.date,
    avatarUrl: () =>
      `https://avatars.githubusercontent.com/u/e?email=${encodeURIComponent(who.email)}`,
    user: user === undefined || user.type !== 'User' ? null : actor(scope.host, user),
  };
}

/**
 * A tree; `prefix` is where it sits (`models/` for `sha:models`), since GitHub gives every
 * entry's `path` from the repository root. A tree reached by oid alone has no place: ''.
 */
function treeObject(scope: Scope, sha: string, prefix: string): JsonObject | null {
  const tree = scope.state.objects.get(sha);
  if (!tree || tree.type !== 'tree') return null;
  return {
    __typename: 'Tree',
    id: nodeId('T', scope.state.repo.id ?? 0, sha),
    oid: sha,
    abbreviatedOid: sha.slice(0, 7),
    entries: () => treeEntries(tree, false).map((e) => treeEntry(scope, e, prefix)),
    repository: () => repositoryObject(scope),
  };
}

function treeEntry(scope: Scope, entry: TreeEntry, prefix: string): JsonObject {
  const path = prefix + entry.path;
  return {
    __typename: 'TreeEntry',
    name: entry.path,
    nameRaw: Buffer.from(entry.path).toString('base64'),
    path,
    pathRaw: Buffer.from(path).toString('base64'),
    mode: modeNumber(entry.mode),
    type: entry.type,
    oid: entry.sha,
    size: entry.type === 'blob' ? (entry.size ?? 0) : 0,
    submodule: null,
    object: () =>
      entry.type === 'tree'
        ? treeObject(scope, entry.sha, `${path}/`)
        : blobObject(scope, entry.sha),
    repository: () => repositoryObject(scope),
  };
}

function blobObject(scope: Scope, sha: string): JsonObject | null {
  const blob = scope.state.objects.get(sha);
  if (!blob || blob.type !== 'blob') return null;
  const binary = isBinary(blob.content);
  return {
    __typename: 'Blob',
    id: nodeId('B', scope.state.repo.id ?? 0, sha),
    oid: sha,
    abbreviatedOid: sha.slice(0, 7),
    byteSize: blob.content.length,
    isBinary: binary,
    isTruncated: false,
    text: binary ? null : blob.content.toString('utf8'),
    repository: () => repositoryObject(scope),
  };
}

/** Any object by its full id: a commit, a tree or a blob. */
function objectById(scope: Scope, oid: string): JsonObject | null {
  const commit = scope.state.commits.get(oid);
  if (commit) return commitObject(scope, commit);
  const object = scope.state.objects.get(oid);
  if (!object) return null;
  return object.type === 'tree' ? treeObject(scope, oid, '') : blobObject(scope, oid);
}

/**
 * `object(expression:)` as git's rev-parse reads it: `REV` (a commit, branch or object id) or
 * `REV:PATH` (the tree or blob at PATH; `REV:` the root tree). Anything missing is null.
 */
function objectByExpression(scope: Scope, expression: string): JsonObject | null {
  const colon = expression.indexOf(':');
  if (colon < 0) {
    const commit = scope.state.resolveCommit(expression);
    return commit ? commitObject(scope, commit) : objectById(scope, expression);
  }
  const commit = scope.state.resolveCommit(expression.slice(0, colon));
  if (!commit) return null;
  const path = expression.slice(colon + 1).replace(/\/+$/, '');
  if (path === '') return treeObject(scope, commit.treeSha, '');
  const entry = entryAt(commit.snapshot, path);
  if (!entry) return null;
  return entry.type === 'tree'
    ? treeObject(scope, entry.sha, `${path}/`)
    : blobObject(scope, entry.sha);
}

function reviewObject(scope: Scope, pr: PullRequestRecord, review: ReviewRecord): JsonObject {
  const { state, host } = scope;
  const commit = state.commits.get(review.commitId);
  const path = `${repoPath(scope)}/pull/${pr.number}#pullrequestreview-${review.id}`;
  return {
    __typename: 'PullRequestReview',
    id: nodeId('PRR', review.id),
    databaseId: review.id,
    fullDatabaseId: String(review.id),
    state: review.state,
    body: review.body,
    submittedAt: review.submittedAt,
    publishedAt: review.submittedAt,
    author: presentActor(state, host, review.user),
    commit: commit
      ? commitObject(scope, commit)
      : { __typename: 'Commit', oid: review.commitId, abbreviatedOid: review.commitId.slice(0, 7) },
    resourcePath: path,
    url: `${host.htmlUrl}${path}`,
    pullRequest: () => pullRequestObject(scope, pr),
    repository: () => repositoryObject(scope),
  };
}

function pullRequestObject(scope: Scope, pr: PullRequestRecord): JsonObject {
  const { state, host, viewer } = scope;
  const path = `${repoPath(scope)}/pull/${pr.number}`;
  return {
    __typename: 'PullRequest',
    id: nodeId('PR', pr.id),
    databaseId: pr.id,
    fullDatabaseId: String(pr.id),
    number: pr.number,
    title: pr.title,
    body: pr.body ?? '',
    state: pr.merged ? 'MERGED' : pr.state === 'open' ? 'OPEN' : 'CLOSED',
    isDraft: pr.draft,
    merged: pr.merged,
    closed: pr.state === 'closed',
    createdAt: pr.createdAt,
    updatedAt: pr.updatedAt,
    closedAt: pr.closedAt,
    mergedAt: pr.mergedAt,
    author: presentActor(state, host, pr.author),
    headRefName: pr.headRef,
    headRefOid: pr.headSha,
    baseRefName: pr.baseRef,
    baseRefOid: pr.baseSha,
    resourcePath: path,
    url: `${host.htmlUrl}${path}`,
    comments: (args: Args) =>
      connection(state.comments(pr.number), args, 'comments', (c) => issueComment(state, host, c)),
    reviews: (args: Args) => {
      const { states, author } = args;
      let reviews = state.reviewsSeenBy(pr.number, viewer.login);
      if (Array.isArray(states)) reviews = reviews.filter((r) => states.includes(r.state));
      if (typeof author === 'string')
        reviews = reviews.filter((r) => r.user.login.toLowerCase() === author.toLowerCase());
      return connection(reviews, args, 'reviews', (r) => reviewObject(scope, pr, r));
    },
    // Only review dismissals are on this fake's timeline; other item types list nothing.
    timelineItems: (args: Args) => {
      const types = Array.isArray(args.itemTypes) ? args.itemTypes : null;
      const events =
        types === null || types.includes('REVIEW_DISMISSED_EVENT')
          ? state.dismissals.filter((d) => d.pr === pr.number)
          : [];
      return connection(events, args, 'timelineItems', (d) => ({
        __typename: 'ReviewDismissedEvent',
        id: nodeId('RDE', d.id),
        databaseId: d.id,
        createdAt: d.at,
        actor: presentActor(state, host, d.actor),
        previousReviewState: d.was,
        dismissalMessage: 'Dismissed',
        review: () => {
          const review = state.reviews.find((r) => r.id === d.reviewId);
          return review ? reviewObject(scope, pr, review) : null;
        },
        pullRequest: () => pullRequestObject(scope, pr),
      }));
    },
    repository: () => repositoryObject(scope),
  };
}

function repositoryObject(scope: Scope): JsonObject {
  const { state, host } = scope;
  const id = state.repo.id ?? 0;
  return {
    __typename: 'Repository',
    id: nodeId('R', id),
    databaseId: id,
    name: state.repo.name,
    nameWithOwner: `${state.repo.owner}/${state.repo.name}`,
    owner: () => {
      const who = ownerIdentity(state.repo);
      const org = who.type === 'Organization';
      return {
        ...actor(host, who),
        __typename: org ? 'Organization' : 'User',
        id: nodeId(org ? 'O' : 'U', who.id),
      };
    },
    isPrivate: state.repo.private ?? true,
    resourcePath: repoPath(scope),
    url: `${host.htmlUrl}${repoPath(scope)}`,
    object: (args: Args) => {
      if (typeof args.oid === 'string') return objectById(scope, args.oid);
      return typeof args.expression === 'string'
        ? objectByExpression(scope, args.expression)
        : null;
    },
    pullRequest: (args: Args) => {
      const pr = state.pulls.get(Number(args.number));
      if (!pr)
        throw new GitHubGraphqlError(
          `Could not resolve to a PullRequest with the number of ${String(args.number)}.`,
          'NOT_FOUND',
        );
      return pullRequestObject(scope, pr);
    },
  };
}

/** The root field `repository(owner:, name:)`: this fake's one repository, by either case. */
export function repositoryField(
  state: FakeGitHubState,
  host: Host,
  viewer: Identity,
  args: Args,
): JsonObject {
  const owner = String(args.owner);
  const name = String(args.name);
  if (
    owner.toLowerCase() !== state.repo.owner.toLowerCase() ||
    name.toLowerCase() !== state.repo.name.toLowerCase()
  ) {
    throw new GitHubGraphqlError(
      `Could not resolve to a Repository with the name '${owner}/${name}'.`,
      'NOT_FOUND',
    );
  }
  return repositoryObject({ state, host, viewer });
}
