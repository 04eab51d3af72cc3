/**
 * Text files for the readers: whole-file reads with a size cap and strict UTF-8 decoding.
 * Cards and evidence files are small; anything bigger than the cap is refused, not truncated.
 */
import type { FileSource } from '../core/evidence.js';
import { InputError } from '../core/errors.js';

/** Largest text file (model card, evidence file) a reader loads whole: 8 MiB. */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

function tooLarge(file: string, size: number): InputError {
  return new InputError(
    'file-too-large',
    `file is ${size} bytes; text inputs are limited to ${MAX_TEXT_BYTES} bytes (8 MiB)`,
    { file },
    'keep model cards and evidence files small; move bulky results into evaluation logs',
  );
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Strict UTF-8 decoding (a leading BOM is dropped); invalid bytes are a located InputError. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_TEXT_BYTES) throw tooLarge(file, bytes.length);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    throw new InputError(
      'encoding',
      `file is not valid UTF-8 (byte 0x${bytes[offset]?.toString(16).padStart(2, '0') ?? '??'} at offset ${offset})`,
      { file, line, column: offset - lineStart + 1 },
      'save the file as UTF-8',
    );
  }
}

/** Read a whole text file through its FileSource: size cap first, then strict UTF-8. */
export async function readText(source: FileSource): Promise<string> {
  if (source.size > MAX_TEXT_BYTES) throw tooLarge(source.path, source.size);
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source.chunks()) {
    total += chunk.length;
    // The declared size may be stale or wrong; never buffer past the cap.
    if (total > MAX_TEXT_BYTES) throw tooLarge(source.path, total);
    parts.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return decodeUtf8(bytes, source.path);
}
