/**
 * The fake's GraphQL endpoint: every document is validated against GitHub's schema, then run
 * by graphql-js against the state. Served root fields: `viewer`; `node(id:)` resolving an
 * IssueComment (with `userContentEdits`); and `repository(owner:, name:)` with `object(expression:
 * | oid:)` (Commit with its `message` and `authors`, Tree with `entries`, Blob) and `pullRequest(number:)` with its `comments`, `timelineItems` (review dismissals only) and
 * `reviews` (fake-graphql-repository.ts). Any other root field, and any field of a served object
 * that the fake does not resolve, is answered with a GraphQL error and recorded as a violation.
 */
import {
  execute,
  GraphQLError,
  type GraphQLFieldResolver,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { checkGraphql, githubGraphqlSchema } from './graphql-schema.js';
import type { Host, Identity, JsonObject } from './github-objects.js';
import type { FakeGitHubState } from './fake-state.js';
import { FAKE_UNSERVED, GitHubGraphqlError, actor, issueComment } from './fake-graphql-support.js';
import { repositoryField } from './fake-graphql-repository.js';

export interface GraphqlResult {
  status: number;
  body: unknown;
  /** problems to record as violations */
  problems: string[];
}

const SERVED_ROOT_FIELDS = new Set(['viewer', 'node', 'repository', '__typename']);

/**
 * graphql-js's default resolver, except that a field the fake's object does not carry is an
 * error (a `fake:` violation) instead of a silent null.
 */
const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (typeof source === 'object' && source !== null && info.fieldName in source) {
    const value = (source as JsonObject)[info.fieldName];
    return typeof value === 'function'
      ? (value as (...a: unknown[]) => unknown)(args, context, info)
      : value;
  }
  throw new GitHubGraphqlError(
    `the fake GitHub does not serve ${info.parentType.name}.${info.fieldName}`,
    FAKE_UNSERVED,
  );
};

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
    repository: (args: Record<string, unknown>) => repositoryField(state, host, viewer, args),
  };
  const result = execute({
    schema: githubGraphqlSchema(),
    document,
    rootValue,
    variableValues: variables,
    operationName,
    fieldResolver,
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
    .map((e) =>
      (e as { type?: string }).type === FAKE_UNSERVED
        ? `fake: ${e.message}`
        : `graphql: ${e.message}`,
    );
  return {
    status: 200,
    body: errors ? { data: result.data ?? null, errors } : { data: result.data },
    problems: rejected,
  };
}
