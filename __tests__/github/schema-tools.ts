/**
 * Shared plumbing for the validators: finding the description files in node_modules, turning
 * OpenAPI schema objects (3.0 `nullable`, `#/components/schemas/…` refs, annotation keywords) into
 * self-contained JSON Schemas that ajv compiles, and reporting ajv's errors as readable lines.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Absolute path of `node_modules/<pkg>/<file>`, found by walking up from this folder. */
export function packageFile(pkg: string, file: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', pkg, file);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find node_modules/${pkg}/${file}`);
    dir = parent;
  }
}

const DROPPED = new Set([
  'description',
  'example',
  'examples',
  'externalDocs',
  'xml',
  'discriminator',
  'readOnly',
  'writeOnly',
  'deprecated',
  'title',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_SINGLES = new Set([
  'items',
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
]);

function convertNode(node: unknown, onRef: (ref: string) => string): unknown {
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = onRef(value);
    else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, convertNode(sub, onRef)]),
      );
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((sub) => convertNode(sub, onRef));
    } else if (SCHEMA_SINGLES.has(key)) out[key] = convertNode(value, onRef);
    else if (key !== 'nullable') out[key] = value;
  }
  if (node.nullable !== true) return out;
  // OpenAPI 3.0 `nullable: true` → JSON Schema: add "null" to the type (and enum), or wrap.
  if (typeof out.type === 'string' || Array.isArray(out.type)) {
    const types = Array.isArray(out.type) ? out.type : [out.type];
    if (!types.includes('null')) out.type = [...types, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;

/**
 * A self-contained JSON Schema for `root`: every `#/components/schemas/X` it reaches, directly or
 * through other components, is copied (converted) into `definitions`.
 */
export function bundleSchema(root: unknown, components: JsonObject): JsonObject {
  const definitions: JsonObject = {};
  const queue: string[] = [];
  const onRef = (ref: string): string => {
    const match = COMPONENT_REF.exec(ref);
    if (!match) throw new Error(`unsupported $ref ${ref}`);
    const name = match[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!(name in definitions)) {
      if (!(name in components)) throw new Error(`dangling $ref ${ref}`);
      definitions[name] = null;
      queue.push(name);
    }
    return `#/definitions/${match[1]!}`;
  };
  const converted = convertNode(root, onRef);
  while (queue.length > 0) {
    const name = queue.pop()!;
    definitions[name] = convertNode(components[name], onRef);
  }
  return { allOf: [converted], definitions };
}

/** Follows `#/components/<section>/<name>` refs (any depth) to the object they name. */
export function resolveRef(document: JsonObject, value: unknown): unknown {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${current.$ref}`);
    const parts = current.$ref.replace(/^#\//, '').split('/');
    let target: unknown = document;
    for (const part of parts) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) ? target[key] : undefined;
    }
    if (target === undefined) throw new Error(`dangling $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

/** ajv as both descriptions need it: lenient about OpenAPI keywords, strict about values. */
export function createAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  // OpenAPI formats that ajv-formats does not know: annotations only.
  for (const name of ['int32', 'int64', 'double', 'float', 'binary', 'repo.nwo', 'timestamp']) {
    if (!ajv.formats[name]) ajv.addFormat(name, true);
  }
  return ajv;
}

/** One line per ajv error, e.g. `body/output/annotations must NOT have more than 50 items`. */
export function formatAjvErrors(
  errors: ErrorObject[] | null | undefined,
  prefix: string,
): string[] {
  const lines = (errors ?? []).map((error) => {
    const where = `${prefix}${error.instancePath}`;
    const params = error.params as JsonObject;
    let detail = error.message ?? 'is invalid';
    if (typeof params.additionalProperty === 'string') detail += ` (${params.additionalProperty})`;
    if (Array.isArray(params.allowedValues)) {
      detail += ` (${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')})`;
    }
    return `${where} ${detail}`;
  });
  return [...new Set(lines)];
}

export function runValidator(validate: ValidateFunction, value: unknown, prefix: string): string[] {
  return validate(value) ? [] : formatAjvErrors(validate.errors, prefix);
}

interface Candidate {
  schema: JsonObject;
  /** reached through anyOf/oneOf: its `additionalProperties: true` only qualifies a branch */
  conditional: boolean;
}

function expand(
  schemas: unknown[],
  resolve: (value: unknown) => unknown,
  conditional: boolean,
  out: Candidate[],
): Candidate[] {
  for (const raw of schemas) {
    const schema = resolve(raw);
    if (!isObject(schema)) continue;
    out.push({ schema, conditional });
    if (Array.isArray(schema.allOf)) expand(schema.allOf, resolve, conditional, out);
    for (const key of ['anyOf', 'oneOf'] as const) {
      const branches = schema[key];
      if (Array.isArray(branches)) expand(branches, resolve, true, out);
    }
  }
  return out;
}

/**
 * GitHub's request-body schemas never say `additionalProperties: false`, yet a misspelt key is
 * silently ignored by GitHub — a bug in the caller. This reports every key that no branch of the
 * schema declares, at any depth (objects without declared properties are free-form).
 */
export function findUnknownProperties(
  schemas: unknown[],
  value: unknown,
  resolve: (value: unknown) => unknown,
  path: string,
): string[] {
  const candidates = expand(schemas, resolve, false, []);
  if (Array.isArray(value)) {
    const items = candidates.map((c) => c.schema.items).filter(isObject);
    if (items.length === 0) return [];
    return value.flatMap((item, index) =>
      findUnknownProperties(items, item, resolve, `${path}/${index}`),
    );
  }
  if (!isObject(value)) return [];
  const declared = new Map<string, unknown[]>();
  let open = !candidates.some((c) => isObject(c.schema.properties));
  const extra: unknown[] = [];
  for (const { schema, conditional } of candidates) {
    if (isObject(schema.properties)) {
      for (const [key, sub] of Object.entries(schema.properties)) {
        declared.set(key, [...(declared.get(key) ?? []), sub]);
      }
    }
    if (isObject(schema.additionalProperties)) extra.push(schema.additionalProperties);
    if (schema.additionalProperties === true && !conditional) open = true;
    if (schema.patternProperties !== undefined) open = true;
  }
  const problems: string[] = [];
  for (const [key, sub] of Object.entries(value)) {
    const subSchemas = declared.get(key) ?? extra;
    if (subSchemas.length > 0) {
      problems.push(...findUnknownProperties(subSchemas, sub, resolve, `${path}/${key}`));
    } else if (!open) {
      problems.push(`${path || '/'} has a property GitHub does not define: "${key}"`);
    }
  }
  return problems;
}
