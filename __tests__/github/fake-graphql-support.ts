/**
 * What the fake's GraphQL resolvers share: GitHub's error types, actors, Relay connections with
 * GitHub's pagination rules, and issue comments with their edit history.
 */
import { nodeId, type Host, type Identity, type JsonObject } from './github-objects.js';
import type { CommentRecord, FakeGitHubState, Revision } from './fake-state.js';

/** The `type` of an error for a field the fake does not resolve (not a GitHub type). */
export const FAKE_UNSERVED = 'FAKE_UNSERVED';

export class GitHubGraphqlError extends Error {
  constructor(
    message: string,
    readonly type: string,
  ) {
    super(message);
  }
}

export function actor(host: Host, who: Identity): JsonObject {
  const bot = who.type === 'Bot';
  const path = bot ? `/apps/${who.login.replace(/\[bot\]$/, '')}` : `/${who.login}`;
  return {
    __typename: bot ? 'Bot' : 'User',
    id: nodeId(bot ? 'BOT' : 'U', who.id),
    databaseId: who.id,
    login: who.login,
    avatarUrl: () => `https://avatars.githubusercontent.com/u/${who.id}?v=4`,
    resourcePath: path,
    url: `${host.htmlUrl}${path}`,
    name: null,
  };
}

function encodeCursor(index: number): string {
  return Buffer.from(`cursor:v2:${index}`).toString('base64');
}

function decodeCursor(cursor: unknown): number | null {
  if (typeof cursor !== 'string') return null;
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!m)
    throw new GitHubGraphqlError(
      `\`${cursor}\` does not appear to be a valid cursor.`,
      'INVALID_CURSOR_ARGUMENTS',
    );
  return Number(m[1]);
}

/** A Relay connection over `items` with first/after/last/before, as GitHub enforces them. */
export function connection<T>(
  items: T[],
  args: Record<string, unknown>,
  field: string,
  render: (item: T, i: number) => JsonObject,
): JsonObject {
  const first = typeof args.first === 'number' ? args.first : null;
  const last = typeof args.last === 'number' ? args.last : null;
  if (first === null && last === null) {
    throw new GitHubGraphqlError(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`,
      'MISSING_PAGINATION_BOUNDARIES',
    );
  }
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value !== null && (value < 0 || value > 100)) {
      throw new GitHubGraphqlError(
        `Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of 100 records.`,
        'EXCESSIVE_PAGINATION',
      );
    }
  }
  const after = decodeCursor(args.after);
  const before = decodeCursor(args.before);
  let start = after === null ? 0 : after + 1;
  let end = before === null ? items.length : Math.min(before, items.length);
  if (first !== null) end = Math.min(end, start + first);
  if (last !== null) start = Math.max(start, end - last);
  const edges = items
    .slice(start, end)
    .map((item, i) => ({ cursor: encodeCursor(start + i), node: render(item, start + i) }));
  return {
    totalCount: items.length,
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A deleted account is a null actor in GraphQL. */
export function presentActor(state: FakeGitHubState, host: Host, who: Identity): JsonObject | null {
  return state.deletedUsers.has(who.login) ? null : actor(host, who);
}

/**
 * The comment's history as GitHub's `userContentEdits`: empty until the first edit; after it,
 * one node per revision, newest first, whose `diff` is that revision's full body, the oldest
 * being the original text by its author.
 */
export function issueComment(
  state: FakeGitHubState,
  host: Host,
  comment: CommentRecord,
): JsonObject {
  const present = (who: Identity): JsonObject | null => presentActor(state, host, who);
  const revisions = comment.revisions.length > 1 ? [...comment.revisions].reverse() : [];
  const edited = comment.revisions.length > 1 ? comment.revisions.at(-1)! : null;
  return {
    __typename: 'IssueComment',
    id: comment.nodeId,
    databaseId: comment.id,
    fullDatabaseId: String(comment.id),
    body: comment.body,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    lastEditedAt: edited?.editedAt ?? null,
    includesCreatedEdit: edited !== null,
    author: present(comment.author),
    editor: edited ? present(edited.editor) : null,
    url: `${host.htmlUrl}/${state.repo.owner}/${state.repo.name}/pull/${comment.issue}#issuecomment-${comment.id}`,
    userContentEdits: (args: Record<string, unknown>) =>
      connection(revisions, args, 'userContentEdits', (rev: Revision, i) => ({
        __typename: 'UserContentEdit',
        id: nodeId('UCE', comment.id, revisions.length - 1 - i),
        createdAt: rev.editedAt,
        updatedAt: rev.editedAt,
        editedAt: rev.editedAt,
        deletedAt: null,
        deletedBy: null,
        diff: rev.body,
        editor: present(rev.editor),
      })),
  };
}
