/**
 * Small checks the JSON readers (Inspect, lm-eval, lighteval, Every Eval Ever) share: what a
 * parsed value is, and the text of a file's first bytes for choosing its reader.
 */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string with something in it, else null. */
export function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A count: a non-negative integer, else null. */
export function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

const HEAD_DECODER = new TextDecoder('utf-8');

/** A file's first bytes as text, without a byte-order mark (a multi-byte character cut at the end reads as U+FFFD). */
export function headText(head: Uint8Array): string {
  return HEAD_DECODER.decode(head).replace(/^\uFEFF/, '');
}
