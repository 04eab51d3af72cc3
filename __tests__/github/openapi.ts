/**
 * GitHub's REST description (@octokit/openapi, api.github.com) as a request and response
 * validator: which operation a method + path is, whether its query parameters and JSON body are
 * ones GitHub declares, and whether a response body matches the documented schema.
 */
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import {
  bundleSchema,
  createAjv,
  findUnknownProperties,
  isObject,
  packageFile,
  resolveRef,
  runValidator,
  type JsonObject,
} from './schema-tools.js';

export interface OperationMatch {
  operationId: string;
  /** e.g. `/repos/{owner}/{repo}/pulls/{pull_number}` */
  pathTemplate: string;
  params: Record<string, string>;
}

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema: JsonObject;
  /** `x-multi-segment`: the value may contain slashes (a ref like `heads/main`) */
  multi: boolean;
}

interface Operation {
  operationId: string;
  method: string;
  pathTemplate: string;
  definition: JsonObject;
  parameters: Parameter[];
}

interface PathMatcher {
  template: string;
  regex: RegExp;
  paramNames: string[];
  literalSegments: number;
  multiSegmentParams: number;
  operations: Map<string, Operation>;
}

interface RestIndex {
  document: JsonObject;
  components: JsonObject;
  matchers: PathMatcher[];
  byId: Map<string, Operation>;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];
let index: RestIndex | null = null;

/** The parsed description (13 MB, read once per process). */
export function restDescription(): JsonObject {
  return restIndex().document;
}

function restIndex(): RestIndex {
  if (index) return index;
  const file = packageFile('@octokit/openapi', 'generated/api.github.com.json');
  const document = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
  correctDescription(document);
  const components = (document.components as JsonObject).schemas as JsonObject;
  const matchers: PathMatcher[] = [];
  const byId = new Map<string, Operation>();
  for (const [template, item] of Object.entries(document.paths as JsonObject)) {
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    const operations = new Map<string, Operation>();
    for (const method of METHODS) {
      const definition = item[method];
      if (!isObject(definition)) continue;
      const own = Array.isArray(definition.parameters) ? definition.parameters : [];
      const parameters = [...shared, ...own]
        .map((p) => resolveRef(document, p))
        .filter(isObject)
        .map((p) => ({
          name: String(p.name),
          in: String(p.in),
          required: p.required === true,
          schema: isObject(p.schema) ? p.schema : {},
          multi: p['x-multi-segment'] === true,
        }));
      const operation: Operation = {
        operationId: String(definition.operationId),
        method: method.toUpperCase(),
        pathTemplate: template,
        definition,
        parameters,
      };
      operations.set(operation.method, operation);
      byId.set(operation.operationId, operation);
    }
    matchers.push(buildMatcher(template, operations));
  }
  index = { document, components, matchers, byId };
  return index;
}

/**
 * GitHub's description contradicts itself once: `apps/list-installations` copies the
 * `installation` schema inline but gives its `account` as `allOf` [Simple User, Enterprise] (an
 * account that is both at once, which none is), where the `installation` component that
 * `apps/get-installation` answers with says `anyOf`. Read the copy as the component says.
 */
function correctDescription(document: JsonObject): void {
  const items = ['paths', '/app/installations', 'get', 'responses', '200', 'content'];
  const properties = [
    ...items,
    'application/json',
    'schema',
    'items',
    'properties',
  ].reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), document);
  if (!isObject(properties) || !isObject(properties.account)) return;
  const { allOf, ...rest } = properties.account;
  const titles = Array.isArray(allOf) ? allOf.map((s) => (isObject(s) ? s.title : '')) : [];
  if (titles.join() === 'Simple User,Enterprise') properties.account = { ...rest, anyOf: allOf };
}

function buildMatcher(template: string, operations: Map<string, Operation>): PathMatcher {
  const multi = new Set<string>();
  for (const op of operations.values()) {
    for (const p of op.parameters) if (p.in === 'path' && p.multi) multi.add(p.name);
  }
  const paramNames: string[] = [];
  let literalSegments = 0;
  let multiSegmentParams = 0;
  const source = template
    .split('/')
    .map((segment) => {
      if (!segment.includes('{')) {
        literalSegments += segment === '' ? 0 : 1;
        return escapeRegex(segment);
      }
      return segment
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (name === undefined) return escapeRegex(part);
          paramNames.push(name);
          if (multi.has(name)) multiSegmentParams++;
          return multi.has(name) ? '(.+)' : '([^/]+)';
        })
        .join('');
    })
    .join('/');
  return {
    template,
    regex: new RegExp(`^${source}$`),
    paramNames,
    literalSegments,
    multiSegmentParams,
    operations,
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface PathMatch {
  matcher: PathMatcher;
  params: Record<string, string>;
}

function matchPath(pathname: string): PathMatch[] {
  const found: PathMatch[] = [];
  for (const matcher of restIndex().matchers) {
    const m = matcher.regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    matcher.paramNames.forEach((name, i) => {
      const raw = m[i + 1] ?? '';
      try {
        params[name] = decodeURIComponent(raw);
      } catch {
        params[name] = raw;
      }
    });
    found.push({ matcher, params });
  }
  // Literal segments beat parameters; a multi-segment parameter is the last resort.
  return found.sort(
    (a, b) =>
      b.matcher.literalSegments - a.matcher.literalSegments ||
      a.matcher.multiSegmentParams - b.matcher.multiSegmentParams,
  );
}

/** The operation GitHub would run for `method pathname`, or null. */
export function matchOperation(method: string, pathname: string): OperationMatch | null {
  const upper = method.toUpperCase();
  for (const { matcher, params } of matchPath(pathname)) {
    const op = matcher.operations.get(upper);
    if (op) return { operationId: op.operationId, pathTemplate: matcher.template, params };
  }
  return null;
}

/** GitHub's documentation page for an operation (used in error bodies). */
export function documentationUrl(operationId: string): string {
  const docs = restIndex().byId.get(operationId)?.definition.externalDocs;
  return isObject(docs) && typeof docs.url === 'string' ? docs.url : 'https://docs.github.com/rest';
}

function checkScalar(raw: string, schema: JsonObject): string | null {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'array') {
    const items = isObject(schema.items) ? schema.items : {};
    for (const part of raw.split(',')) {
      const problem = checkScalar(part, items);
      if (problem) return problem;
    }
    return null;
  }
  if (type === 'integer' && !/^-?\d+$/.test(raw)) return `must be an integer, got "${raw}"`;
  if (type === 'number' && (raw.trim() === '' || !Number.isFinite(Number(raw)))) {
    return `must be a number, got "${raw}"`;
  }
  if (type === 'boolean' && raw !== 'true' && raw !== 'false') {
    return `must be true or false, got "${raw}"`;
  }
  if (Array.isArray(schema.enum) && !schema.enum.map(String).includes(raw)) {
    return `must be one of ${schema.enum.join(', ')}, got "${raw}"`;
  }
  if (schema.format === 'date-time' && Number.isNaN(Date.parse(raw))) {
    return `must be an ISO 8601 timestamp, got "${raw}"`;
  }
  return null;
}

const requestValidators = new Map<string, ValidateFunction>();
const responseValidators = new Map<string, ValidateFunction | null>();
let ajv: ReturnType<typeof createAjv> | null = null;

function compile(schema: unknown): ValidateFunction {
  ajv ??= createAjv();
  return ajv.compile(bundleSchema(schema, restIndex().components));
}

/**
 * Everything GitHub would reject (or silently ignore) about a request: unknown path or method,
 * undeclared or mistyped query parameters, path parameters of the wrong type, and a JSON body
 * that does not match the operation's requestBody schema or carries keys it does not define.
 */
export function validateRequest(method: string, url: string, body: unknown): string[] {
  const parsed = new URL(url, 'http://api.invalid');
  const upper = method.toUpperCase();
  const matches = matchPath(parsed.pathname);
  if (matches.length === 0) return [`${parsed.pathname} is not a path in GitHub's REST API`];
  const found = matches.find((m) => m.matcher.operations.has(upper));
  if (!found) {
    const allowed = [...matches[0]!.matcher.operations.keys()].join(', ');
    return [`${upper} is not defined for ${matches[0]!.matcher.template} (only ${allowed})`];
  }
  const op = found.matcher.operations.get(upper)!;
  const problems: string[] = [];
  for (const p of op.parameters.filter((p) => p.in === 'path')) {
    const value = found.params[p.name];
    const problem = value === undefined ? 'is missing' : checkScalar(value, p.schema);
    if (problem) problems.push(`path parameter ${p.name} ${problem}`);
  }
  const query = op.parameters.filter((p) => p.in === 'query');
  for (const [rawName, value] of parsed.searchParams) {
    const name = rawName.endsWith('[]') ? rawName.slice(0, -2) : rawName;
    const declared = query.find((p) => p.name === name);
    if (!declared) {
      problems.push(`query parameter ${rawName} is not defined for ${op.operationId}`);
      continue;
    }
    const problem = checkScalar(value, declared.schema);
    if (problem) problems.push(`query parameter ${rawName} ${problem}`);
  }
  for (const p of query.filter((p) => p.required && !parsed.searchParams.has(p.name))) {
    problems.push(`required query parameter ${p.name} is missing`);
  }
  problems.push(...checkBody(op, body));
  return problems;
}

function checkBody(op: Operation, body: unknown): string[] {
  const requestBody = resolveRef(restIndex().document, op.definition.requestBody);
  const hasBody = body !== undefined && body !== null && body !== '';
  if (!isObject(requestBody)) {
    return hasBody ? [`${op.operationId} takes no request body`] : [];
  }
  if (!hasBody) return requestBody.required === true ? [`${op.operationId} needs a body`] : [];
  const content = isObject(requestBody.content) ? requestBody.content : {};
  const json = content['application/json'];
  if (!isObject(json) || !isObject(json.schema)) return [];
  if (typeof body === 'string') return ['body is not valid JSON'];
  let validate = requestValidators.get(op.operationId);
  if (!validate) {
    validate = compile(json.schema);
    requestValidators.set(op.operationId, validate);
  }
  const document = restIndex().document;
  return [
    ...runValidator(validate, body, 'body'),
    ...findUnknownProperties([json.schema], body, (v) => resolveRef(document, v), 'body'),
  ];
}

/**
 * Does `body` match what GitHub documents for `operationId` answering `status`? Undocumented
 * error statuses (GitHub documents few 401/403s) are not checked; an undocumented 2xx is a problem.
 */
export function validateResponse(operationId: string, status: number, body: unknown): string[] {
  const op = restIndex().byId.get(operationId);
  if (!op) return [`${operationId} is not an operation in GitHub's REST API`];
  const responses = isObject(op.definition.responses) ? op.definition.responses : {};
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
  if (key === undefined) {
    return status < 300 ? [`${operationId} does not document a ${status} response`] : [];
  }
  const response = resolveRef(restIndex().document, responses[key]);
  const content = isObject(response) && isObject(response.content) ? response.content : {};
  const json = content['application/json'];
  if (!isObject(json) || !isObject(json.schema)) {
    return body === undefined || body === '' ? [] : [`${operationId} ${status} has no body`];
  }
  const cacheKey = `${operationId} ${key}`;
  let validate = responseValidators.get(cacheKey);
  if (validate === undefined) {
    validate = compile(json.schema);
    responseValidators.set(cacheKey, validate);
  }
  return validate ? runValidator(validate, body, `response ${status}`) : [];
}
