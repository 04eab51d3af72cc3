/** Every evidence format, one reader each; the first whose `accepts` says yes reads the file. */
import type { EvidenceReader } from '../core/evidence.js';
import { hfModelIndexReader } from './hf-model-index.js';
import { inspectEvalReader } from './inspect-eval.js';
import { inspectJsonReader } from './inspect-json.js';
import { lmEvalReader } from './lm-eval.js';
import { nativeEvidenceReader } from './native-evidence.js';

export const readers: readonly EvidenceReader[] = [
  inspectEvalReader,
  inspectJsonReader,
  lmEvalReader,
  nativeEvidenceReader,
  hfModelIndexReader,
];

/** Bytes read from the start of a file to choose its reader. */
export const SNIFF_BYTES = 4096;

export function findReader(path: string, head: Uint8Array): EvidenceReader | null {
  return readers.find((reader) => reader.accepts(path, head)) ?? null;
}
