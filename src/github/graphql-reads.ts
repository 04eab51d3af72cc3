/**
 * The GraphQL documents the gate sends and how their answers become port values: the pull
 * request's conversation in one query, several directories of a commit in one query, small
 * blobs a hundred to a query, and the co-authors of commits a hundred to a query.
 */
import { createHash } from 'node:crypto';
import type { GitPerson, Review, ReviewDismissal } from '../core/inputs.js';
import type {
  CoAuthors,
  CommentRevision,
  DirectoryListing,
  GitTreeEntry,
  Identity,
  IssueComment,
} from './port.js';

export const REVIEW_STATES = new Set([
  'APPROVED',
  'CHANGES_REQUESTED',
  'COMMENTED',
  'DISMISSED',
  'PENDING',
]);

export const CONVERSATION_QUERY = `
query ($owner: String!, $name: String!, $number: Int!) {
  viewer { login databaseId }
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      comments(first: 100) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id databaseId body url
          author { login ... on User { databaseId } ... on Bot { databaseId } }
          userContentEdits(first: 100) {
            pageInfo { hasNextPage endCursor }
            nodes { editedAt diff editor { login } }
          }
        }
      }
      reviews(first: 100) {
        pageInfo { hasNextPage endCursor }
        nodes { databaseId state submittedAt author { login } commit { oid } }
      }
      timelineItems(itemTypes: [REVIEW_DISMISSED_EVENT], first: 100) {
        pageInfo { hasNextPage endCursor }
        nodes {
          ... on ReviewDismissedEvent { actor { login } previousReviewState review { databaseId } }
        }
      }
    }
  }
}`;

interface Page<T> {
  pageInfo: { hasNextPage: boolean };
  nodes: (T | null)[];
}

export interface ConversationData {
  viewer: { login: string; databaseId: number | null };
  repository: {
    pullRequest: {
      comments: Page<{
        id: string;
        databaseId: number | null;
        body: string;
        url: string;
        author: { login: string; databaseId?: number | null } | null;
        userContentEdits: Page<{
          editedAt: string;
          diff: string | null;
          editor: { login: string } | null;
        }> | null;
      }>;
      reviews: Page<{
        databaseId: number | null;
        state: string;
        submittedAt: string | null;
        author: { login: string } | null;
        commit: { oid: string } | null;
      }>;
      timelineItems: Page<{
        actor?: { login: string } | null;
        previousReviewState?: string;
        review?: { databaseId: number | null } | null;
      }>;
    } | null;
  } | null;
}

/** The parts of a conversation that came whole; `null` where a list needs more pages. */
export interface ConversationPage {
  identity: Identity;
  comments: IssueComment[] | null;
  histories: Map<string, CommentRevision[]>;
  reviews: Review[] | null;
  /**
   * Who dismissed each dismissed review and what it was, by review id; null when GitHub listed
   * more dismissals than one page holds.
   */
  dismissals: Map<number, ReviewDismissal> | null;
}

const DISMISSED_STATES = new Set(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED']);

type DismissalEvent = NonNullable<
  NonNullable<ConversationData['repository']>['pullRequest']
>['timelineItems']['nodes'][number];

function readDismissals(events: NonNullable<DismissalEvent>[]): Map<number, ReviewDismissal> {
  const out = new Map<number, ReviewDismissal>();
  for (const event of events) {
    const id = event.review?.databaseId;
    const was = event.previousReviewState;
    if (typeof id !== 'number' || !was || !DISMISSED_STATES.has(was)) continue;
    out.set(id, { by: event.actor?.login ?? null, was: was as ReviewDismissal['was'] });
  }
  return out;
}

/** A dismissed review with who dismissed it and what it was, when the timeline says. */
export function withDismissal(
  review: Review,
  id: number | null,
  dismissals: Map<number, ReviewDismissal> | null,
): Review {
  if (review.state !== 'DISMISSED') return review;
  const dismissal = id === null ? null : (dismissals?.get(id) ?? null);
  return { ...review, dismissal };
}

export function readConversation(data: ConversationData, number: number): ConversationPage {
  const pr = data.repository?.pullRequest;
  if (!pr) throw new Error(`pull request #${number} was not found`);
  const nodes = <T>(page: Page<T>) => page.nodes.filter((n): n is T => n !== null);
  const histories = new Map<string, CommentRevision[]>();
  const comments: IssueComment[] = [];
  for (const c of nodes(pr.comments)) {
    if (c.databaseId === null) continue;
    comments.push({
      id: c.databaseId,
      nodeId: c.id,
      author: c.author?.login ?? 'ghost',
      authorId: c.author?.databaseId ?? null,
      body: c.body,
      htmlUrl: c.url,
    });
    const edits = c.userContentEdits;
    if (edits && !edits.pageInfo.hasNextPage) {
      // GitHub lists the newest edit first.
      const revisions = nodes(edits).map((n) => ({
        editor: n.editor?.login ?? null,
        body: n.diff ?? '',
        at: n.editedAt,
      }));
      histories.set(c.id, revisions.reverse());
    }
  }
  const dismissals = pr.timelineItems.pageInfo.hasNextPage
    ? null
    : readDismissals(nodes(pr.timelineItems));
  const reviews: Review[] = [];
  for (const r of nodes(pr.reviews)) {
    if (!r.author || !r.commit || !REVIEW_STATES.has(r.state)) continue;
    reviews.push(
      withDismissal(
        {
          user: r.author.login,
          state: r.state as Review['state'],
          commit: r.commit.oid,
          submittedAt: r.submittedAt ?? '',
        },
        r.databaseId,
        dismissals,
      ),
    );
  }
  return {
    identity: { login: data.viewer.login, id: data.viewer.databaseId },
    comments: pr.comments.pageInfo.hasNextPage ? null : comments,
    histories,
    reviews: pr.reviews.pageInfo.hasNextPage ? null : reviews,
    dismissals,
  };
}

function entriesSelection(depth: number): string {
  const below = depth > 1 ? ` object { ... on Tree { ${entriesSelection(depth - 1)} } }` : '';
  return `entries { path mode type oid size${below} }`;
}

/** One aliased `object(expression:)` per directory, each expanded to its own depth. */
export function directoriesQuery(depths: number[]): string {
  const variables = depths.map((_, i) => `, $e${i}: String!`).join('');
  const fields = depths
    .map(
      (depth, i) =>
        `    d${i}: object(expression: $e${i}) { ... on Tree { ${entriesSelection(depth)} } }`,
    )
    .join('\n');
  return `query ($owner: String!, $name: String!${variables}) {\n  repository(owner: $owner, name: $name) {\n${fields}\n  }\n}`;
}

interface RawEntry {
  path: string;
  mode: number;
  type: string;
  oid: string;
  size: number;
  object?: { entries?: RawEntry[] } | null;
}

const SYMLINK_MODE = 0o120000;

/** GitHub shows at most this many entries of a directory in places; a level this long is suspect. */
const LISTING_CAP = 1000;

export function readDirectory(
  tree: { entries?: RawEntry[] } | null | undefined,
): DirectoryListing | null {
  if (!tree || !Array.isArray(tree.entries)) return null;
  const files: GitTreeEntry[] = [];
  const deeper: string[] = [];
  let capped = false;
  const walk = (entries: RawEntry[]) => {
    if (entries.length >= LISTING_CAP) capped = true;
    for (const e of entries) {
      if (e.type === 'blob') {
        files.push({
          path: e.path,
          kind: e.mode === SYMLINK_MODE ? 'symlink' : 'file',
          sha: e.oid,
          size: e.size,
        });
      } else if (e.type === 'tree') {
        if (e.object && Array.isArray(e.object.entries)) walk(e.object.entries);
        else deeper.push(e.path);
      }
      // `commit` entries are submodules: another repository, never read.
    }
  };
  walk(tree.entries);
  return { files, deeper, capped };
}

export function textBlobsQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `, $o${i}: GitObjectID!`).join('');
  const fields = Array.from(
    { length: count },
    (_, i) => `    b${i}: object(oid: $o${i}) { ... on Blob { text isBinary isTruncated } }`,
  ).join('\n');
  return `query ($owner: String!, $name: String!${variables}) {\n  repository(owner: $owner, name: $name) {\n${fields}\n  }\n}`;
}

/** Git's id of a blob with these bytes. */
function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The blob's bytes from its text, only when they hash to its id: nothing lost in decoding. */
export function readTextBlob(
  sha: string,
  blob: { text?: string | null; isBinary?: boolean; isTruncated?: boolean } | null | undefined,
): Uint8Array | null {
  if (!blob || typeof blob.text !== 'string' || blob.isBinary || blob.isTruncated) return null;
  const bytes = new TextEncoder().encode(blob.text);
  return gitBlobId(bytes) === sha ? bytes : null;
}

/** One aliased `object(oid:)` per commit, with the authors GitHub reads from it (100 at most). */
export function commitAuthorsQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `, $c${i}: GitObjectID!`).join('');
  const fields = Array.from(
    { length: count },
    (_, i) =>
      `    c${i}: object(oid: $c${i}) { ... on Commit { authors(first: 100) { pageInfo { hasNextPage } nodes { name email user { login } } } } }`,
  ).join('\n');
  return `query ($owner: String!, $name: String!${variables}) {\n  repository(owner: $owner, name: $name) {\n${fields}\n  }\n}`;
}

interface RawActor {
  name: string | null;
  email: string | null;
  user: { login: string } | null;
}

/**
 * The account a GitHub no-reply address belongs to (`123+login@users.noreply.github.com`, or
 * `login@users.noreply.github.com` for older accounts): GitHub gives each address to one account
 * only, so it names that account even where GitHub links no user (GraphQL's `GitActor.user` is a
 * User, never a Bot such as `github-actions[bot]`).
 */
export function noReplyLogin(email: string): string | null {
  const m =
    /^(?:\d+\+)?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?)@users\.noreply\.github\.com$/i.exec(
      email,
    );
  return m ? m[1]! : null;
}

export function gitPerson(
  login: string | null,
  name: string | null,
  email: string | null,
): GitPerson {
  const address = email ?? '';
  return { login: login ?? noReplyLogin(address), name: name ?? '', email: address };
}

/** A commit's co-authors: its `authors` after the first (the git author), or null when absent. */
export function readCoAuthors(
  commit:
    | { authors?: { pageInfo: { hasNextPage: boolean }; nodes: (RawActor | null)[] } }
    | null
    | undefined,
): CoAuthors | null {
  if (!commit?.authors) return null;
  const people = commit.authors.nodes
    .slice(1)
    .filter((n): n is RawActor => n !== null)
    .map((n) => gitPerson(n.user?.login ?? null, n.name, n.email));
  return { people, complete: !commit.authors.pageInfo.hasNextPage };
}
