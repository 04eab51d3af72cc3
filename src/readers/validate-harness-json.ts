/**
 * What the harness JSON readers (Every Eval Ever records, lighteval results) check before reading:
 * the file's size, then its schema. Python writes bare
 * `NaN` and `Infinity`, which the readers turn into "no value" with a warning; ajv (strict numbers)
 * would refuse them as not numbers. So the schema sees a copy with each non-finite number stood in
 * for by 0, and the reader reads the real values.
 */
import { InputError } from '../core/errors.js';
import type { FileSource } from '../core/evidence.js';
import type { SchemaName } from '../formats/validate.js';
import { validateDocument } from '../formats/validate.js';
import type { ParsedJson } from '../formats/tolerant-json.js';

/** A copy of `value` with every non-finite number replaced by 0; the same value when it has none. */
function withFiniteStandIns(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  if (Array.isArray(value)) return value.map(withFiniteStandIns);
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties: a `__proto__` key stays a plain key.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withFiniteStandIns(v)]));
  }
  return value;
}

function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(hasNonFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasNonFinite);
  return false;
}

/** Throw the located InputError of the first schema violation in a parsed JSON file. */
export function validateHarnessJson(
  parsed: ParsedJson,
  file: string,
  name: SchemaName,
  what: string,
): void {
  const value = hasNonFinite(parsed.value) ? withFiniteStandIns(parsed.value) : parsed.value;
  validateDocument({ file, value, locate: parsed.locate, locateKey: parsed.locate }, name, what);
}

/** Largest harness JSON file (Every Eval Ever record, lighteval results) read: 64 MiB. */
export const MAX_HARNESS_JSON_BYTES = 64 * 1024 * 1024;

/** Refuse a file over MAX_HARNESS_JSON_BYTES before a byte of it is parsed. */
export function refuseOversizedHarnessJson(source: FileSource, what: string, hint: string): void {
  if (source.size <= MAX_HARNESS_JSON_BYTES) return;
  throw new InputError(
    'file-too-large',
    `the file is ${source.size} bytes; ${what} files are read up to ${MAX_HARNESS_JSON_BYTES} bytes (64 MiB)`,
    { file: source.path, line: 1 },
    hint,
  );
}
