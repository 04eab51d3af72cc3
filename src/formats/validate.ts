/**
 * JSON Schema validation with located errors: the first problem, at the line and column of the
 * offending key or value, with what is allowed there.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { InputError } from '../core/errors.js';
import type { LocatedDocument } from './yaml.js';
import policySchema from '../../schemas/policy.schema.json' with { type: 'json' };
import cardSchema from '../../schemas/card.schema.json' with { type: 'json' };
import evidenceSchema from '../../schemas/evidence.schema.json' with { type: 'json' };
import attestationsSchema from '../../schemas/attestations.schema.json' with { type: 'json' };
import decisionSchema from '../../schemas/decision.schema.json' with { type: 'json' };
import hfEvalResultsSchema from '../../schemas/hf-eval-results.schema.json' with { type: 'json' };
import everyEvalEverSchema from '../../schemas/every-eval-ever.schema.json' with { type: 'json' };
import lightevalSchema from '../../schemas/lighteval.schema.json' with { type: 'json' };

export type SchemaName =
  | 'policy'
  | 'card'
  | 'evidence'
  | 'attestations'
  | 'decision'
  | 'hf-eval-results'
  | 'every-eval-ever'
  | 'lighteval';

const schemas: Record<SchemaName, object> = {
  policy: policySchema,
  card: cardSchema,
  evidence: evidenceSchema,
  attestations: attestationsSchema,
  decision: decisionSchema,
  'hf-eval-results': hfEvalResultsSchema,
  'every-eval-ever': everyEvalEverSchema,
  lighteval: lightevalSchema,
};

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped in `default`.
type AddFormats = (ajv: Ajv, formats: string[]) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

let ajv: Ajv | null = null;
const compiled = new Map<SchemaName, ValidateFunction>();

function validatorFor(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    ajv ??= (() => {
      const instance = new Ajv({
        allErrors: true,
        strict: true,
        strictRequired: false,
        allowUnionTypes: true,
        verbose: true,
      });
      addFormats(instance, ['date', 'date-time', 'uri']);
      return instance;
    })();
    validate = ajv.compile(schemas[name]);
    compiled.set(name, validate);
  }
  return validate;
}

export function schemaId(name: SchemaName): string {
  return (schemas[name] as { $id: string }).$id;
}

function keyName(pointer: string): string {
  if (pointer === '') return '(top level)';
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((token) => (/^\d+$/.test(token) ? `[${token}]` : `.${token}`))
    .join('')
    .replace(/^\./, '');
}

/** Rank errors so the most specific, most useful one is reported first. */
function rank(error: ErrorObject): number {
  switch (error.keyword) {
    case 'additionalProperties':
      return 0;
    case 'required':
      return 1;
    case 'enum':
    case 'const':
    case 'type':
    case 'pattern':
    case 'format':
      return 2;
    case 'oneOf':
    case 'anyOf':
      return 9;
    default:
      return 5;
  }
}

function describe(error: ErrorObject): { pointer: string; message: string; atKey: boolean } {
  const at = error.instancePath;
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(
        ((error.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object,
      );
      const pointer = `${at}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const list = allowed.length > 0 ? `; allowed keys: ${allowed.join(', ')}` : '';
      return { pointer, message: `unknown key \`${extra}\`${list}`, atKey: true };
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return { pointer: at, message: `missing required key \`${missing}\``, atKey: false };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      return {
        pointer: at,
        message: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`,
        atKey: false,
      };
    }
    case 'const':
      return {
        pointer: at,
        message: `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`,
        atKey: false,
      };
    case 'minProperties':
    case 'maxProperties':
      return { pointer: at, message: `${error.message ?? 'invalid'}`, atKey: false };
    default:
      return { pointer: at, message: error.message ?? 'is invalid', atKey: false };
  }
}

/**
 * Among alternatives (`oneOf`), a branch that rejects the object's own keys is the wrong branch
 * when another branch accepts them: drop its errors, so `{benchmark: x, lt: yes}` is reported as
 * "lt must be a number", not as "benchmark is not allowed in an `all` group".
 */
function dropWrongBranches(errors: ErrorObject[]): ErrorObject[] {
  const branchOf = (e: ErrorObject) => /^(.*\/oneOf\/\d+)(?:\/|$)/.exec(e.schemaPath)?.[1] ?? null;
  const wrong = new Set<string>();
  const branches = new Set(errors.map(branchOf).filter((b): b is string => b !== null));
  for (const branch of branches) {
    const rejectsKeys = errors.some(
      (e) =>
        branchOf(e) === branch &&
        (e.keyword === 'additionalProperties' || e.keyword === 'required'),
    );
    if (rejectsKeys) wrong.add(branch);
  }
  // Keep them only if nothing else is left to report (every alternative rejects the keys).
  const rest = errors.filter((e) => {
    const branch = branchOf(e);
    return (branch === null || !wrong.has(branch)) && e.keyword !== 'oneOf';
  });
  return rest.length > 0 ? rest : errors;
}

/** The error closest to the mistake: deepest location first, then the most specific keyword. */
function mostUseful(all: ErrorObject[]): ErrorObject {
  const errors = dropWrongBranches(all).filter(
    (e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if',
  );
  const pool = errors.length > 0 ? errors : all;
  const depth = (e: ErrorObject) => describe(e).pointer.split('/').length;
  return pool.reduce((acc, e) =>
    depth(e) > depth(acc) || (depth(e) === depth(acc) && rank(e) < rank(acc)) ? e : acc,
  );
}

/** A non-finite number (`.nan`, `.inf`) where the document tolerates one, and where it is. */
export interface NonFiniteNumber {
  pointer: string;
  /** The key path as people write it, e.g. `model-index[0].results[2].metrics[4].value`. */
  key: string;
  /** As YAML writes it: `.nan`, `.inf` or `-.inf`. */
  written: string;
  line: number;
  column: number;
}

/**
 * Non-finite numbers (`.nan`, `.inf`), found before ajv sees them (ajv would say only "must be
 * number", and only where the schema types a number): all of them, in order.
 */
function findNonFinite(value: unknown, pointer = '', found: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) found.push(pointer);
  } else if (Array.isArray(value)) {
    value.forEach((child, i) => findNonFinite(child, `${pointer}/${i}`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      findNonFinite(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, found);
    }
  }
  return found;
}

function valueAt(value: unknown, pointer: string): unknown {
  let at = value;
  for (const token of pointer.split('/').slice(1)) {
    at = (at as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return at;
}

export interface ValidateOptions {
  /**
   * Model cards: only a non-finite number inside this block (a JSON pointer, `/rsp`) is refused;
   * the others belong to other tools (`model-index`, training metadata) and are returned,
   * located, for the caller to warn about. Without it every non-finite number is refused.
   */
  refuseNonFiniteOnlyUnder?: string;
}

/**
 * Throw an InputError for the first schema violation in `doc`, located at its line. Non-finite
 * numbers are refused, except as `options` says; the ones tolerated outside
 * `refuseNonFiniteOnlyUnder` are returned.
 */
export function validateDocument(
  doc: LocatedDocument,
  name: SchemaName,
  what: string,
  { refuseNonFiniteOnlyUnder }: ValidateOptions = {},
): NonFiniteNumber[] {
  const nonFinite = findNonFinite(doc.value);
  const refused = (pointer: string): boolean =>
    refuseNonFiniteOnlyUnder === undefined ||
    pointer === refuseNonFiniteOnlyUnder ||
    pointer.startsWith(`${refuseNonFiniteOnlyUnder}/`);
  const first = nonFinite.find(refused);
  if (first !== undefined) {
    throw new InputError(
      'schema',
      `${what}: ${keyName(first)} is not a finite number`,
      { file: doc.file, ...doc.locate(first), key: keyName(first) },
      'write a finite number (.nan and .inf are not allowed here)',
    );
  }
  const validate = validatorFor(name);
  if (!validate(doc.value)) {
    const best = mostUseful(validate.errors ?? []);
    const { pointer, message, atKey } = describe(best);
    const position = atKey ? doc.locateKey(pointer) : doc.locate(pointer);
    throw new InputError(
      'schema',
      `${what}: ${keyName(pointer)}: ${message}`,
      { file: doc.file, ...position, key: keyName(pointer) },
      `see ${schemaId(name)}`,
    );
  }
  return nonFinite.map((pointer) => {
    const value = valueAt(doc.value, pointer) as number;
    const written = Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    return { pointer, key: keyName(pointer), written, ...doc.locate(pointer) };
  });
}

/** Validate a plain value (no source positions), e.g. the decision record. */
export function validateValue(value: unknown, name: SchemaName): string[] {
  const validate = validatorFor(name);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
