/** Every evidence format, one reader each; the first whose `accepts` says yes reads the file. */
import type { EvidenceReader } from '../core/evidence.js';
import { everyEvalEverReader } from './every-eval-ever.js';
import { hfEvalResultsReader } from './hf-eval-results.js';
import { hfModelIndexReader } from './hf-model-index.js';
import { inspectEvalReader } from './inspect-eval.js';
import { inspectJsonReader } from './inspect-json.js';
import { lightevalReader } from './lighteval.js';
import { lmEvalReader } from './lm-eval.js';
import { nativeEvidenceReader } from './native-evidence.js';

/**
 * Order matters for `.json`: Inspect logs open with `version`, Every Eval Ever records with
 * `schema_version`, lighteval files with `config_general`; lm-eval (any `results` object) comes
 * after all three so that it never takes theirs.
 */
export const readers: readonly EvidenceReader[] = [
  inspectEvalReader,
  inspectJsonReader,
  everyEvalEverReader,
  lightevalReader,
  lmEvalReader,
  nativeEvidenceReader,
  hfEvalResultsReader,
  hfModelIndexReader,
];

/** Bytes read from the start of a file to choose its reader. */
export const SNIFF_BYTES = 4096;

export function findReader(path: string, head: Uint8Array): EvidenceReader | null {
  return readers.find((reader) => reader.accepts(path, head)) ?? null;
}
