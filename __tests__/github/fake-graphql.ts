/**
 * The fake's GraphQL endpoint: every document is validated against GitHub's schema, then run
 * by graphql-js against the state. Served: `viewer` and `node(id:)` resolving an IssueComment
 * (with `userContentEdits`). Any other top-level field is answered with a GraphQL error.
 */
import {
  execute,
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { checkGraphql, githubGraphqlSchema } from './graphql-schema.js';
import { nodeId, type Host, type Identity, type JsonObject } from './github-objects.js';
import type { CommentRecord, FakeGitHubState, Revision } from './fake-state.js';

export interface GraphqlResult {
  status: number;
  body: unknown;
  /** problems to record as violations */
  problems: string[];
}

const SERVED_ROOT_FIELDS = new Set(['viewer', 'node', '__typename']);

class GitHubGraphqlError extends Error {
  constructor(
    message: string,
    readonly type: string,
  ) {
    super(message);
  }
}

function actor(host: Host, who: Identity): JsonObject {
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
function connection<T>(
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

/**
 * The comment's history as GitHub's `userContentEdits`: empty until the first edit; after it,
 * one node per revision, newest first, whose `diff` is that revision's full body, the oldest
 * being the original text by its author.
 */
function issueComment(state: FakeGitHubState, host: Host, comment: CommentRecord): JsonObject {
  // A deleted account is a null actor in GraphQL.
  const present = (who: Identity): JsonObject | null =>
    state.deletedUsers.has(who.login) ? null : actor(host, who);
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

function rootFields(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const names: string[] = [];
  const walk = (set: SelectionSetNode): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) names.push(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else {
        const fragment = fragments.get(sel.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}

export function handleGraphql(
  state: FakeGitHubState,
  host: Host,
  viewer: Identity,
  requestBody: unknown,
): GraphqlResult {
  const body =
    typeof requestBody === 'object' && requestBody !== null ? (requestBody as JsonObject) : {};
  if (typeof body.query !== 'string') {
    const message = 'A query attribute must be specified and must be a string.';
    return { status: 200, body: { errors: [{ message }] }, problems: [`graphql: ${message}`] };
  }
  const variables = (
    typeof body.variables === 'object' && body.variables !== null ? body.variables : {}
  ) as Record<string, unknown>;
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  const { document, problems } = checkGraphql(body.query, variables, operationName);
  if (!document || problems.length > 0) {
    return {
      status: 200,
      body: { errors: problems.map((message) => ({ message })) },
      problems: problems.map((p) => `graphql: ${p}`),
    };
  }
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION &&
      (operationName === undefined || d.name?.value === operationName),
  )!;
  const unserved =
    operation.operation !== 'query'
      ? [operation.operation]
      : rootFields(document, operation).filter((f) => !SERVED_ROOT_FIELDS.has(f));
  if (unserved.length > 0) {
    const message = `the fake GitHub does not serve ${unserved.join(', ')}`;
    return { status: 200, body: { errors: [{ message }] }, problems: [`fake: ${message}`] };
  }
  const rootValue = {
    viewer: () => ({ ...actor(host, viewer), __typename: 'User' }),
    node: (args: { id: string }) => {
      const comment = [...state.commentsById.values()].find((c) => c.nodeId === args.id);
      if (!comment)
        throw new GitHubGraphqlError(
          `Could not resolve to a node with the global id of '${args.id}'`,
          'NOT_FOUND',
        );
      return issueComment(state, host, comment);
    },
  };
  const result = execute({
    schema: githubGraphqlSchema(),
    document,
    rootValue,
    variableValues: variables,
    operationName,
    typeResolver: (value) => (value as { __typename?: string }).__typename,
  });
  if ('then' in result) throw new Error('the fake resolves synchronously');
  const errors = result.errors?.map((error: GraphQLError) => ({
    ...(error.originalError instanceof GitHubGraphqlError
      ? { type: error.originalError.type }
      : {}),
    ...error.toJSON(),
  }));
  // NOT_FOUND is an answer; every other error is a request GitHub rejects or the fake cannot serve.
  const rejected = (errors ?? [])
    .filter((e) => (e as { type?: string }).type !== 'NOT_FOUND')
    .map((e) => `graphql: ${e.message}`);
  return {
    status: 200,
    body: errors ? { data: result.data ?? null, errors } : { data: result.data },
    problems: rejected,
  };
}
