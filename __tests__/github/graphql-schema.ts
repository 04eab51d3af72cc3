/**
 * GitHub's GraphQL schema (@octokit/graphql-schema) as a validator for the documents and
 * variables a client sends.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { packageFile } from './schema-tools.js';

let schema: GraphQLSchema | null = null;

/**
 * The schema, built once. The published SDL defines two fields of `EnterpriseOwnerInfo` twice,
 * which graphql-js's SDL validation rejects, so it is built with `assumeValidSDL` (the later
 * definition wins; both are identical).
 */
export function githubGraphqlSchema(): GraphQLSchema {
  schema ??= buildSchema(
    readFileSync(packageFile('@octokit/graphql-schema', 'schema.graphql'), 'utf8'),
    {
      assumeValidSDL: true,
    },
  );
  return schema;
}

export interface ParsedGraphql {
  document: DocumentNode | null;
  problems: string[];
}

/** Parses and validates `query`, and checks `variables` against its variable definitions. */
export function checkGraphql(
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): ParsedGraphql {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { document: null, problems: [`syntax: ${(error as Error).message}`] };
  }
  const problems = validate(githubGraphqlSchema(), document).map((e) => e.message);
  if (problems.length > 0) return { document, problems };
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    return { document, problems: ['the document does not name exactly one operation to run'] };
  }
  const definitions = operation.variableDefinitions ?? [];
  const coerced = getVariableValues(githubGraphqlSchema(), definitions, variables);
  if (coerced.errors) problems.push(...coerced.errors.map((e) => e.message));
  const declared = new Set(definitions.map((d) => d.variable.name.value));
  for (const name of Object.keys(variables)) {
    if (!declared.has(name)) problems.push(`variable $${name} is sent but not declared`);
  }
  return { document, problems };
}

/** Every problem GitHub's GraphQL endpoint would report for this document and these variables. */
export function validateGraphql(
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): string[] {
  return checkGraphql(query, variables, operationName).problems;
}
