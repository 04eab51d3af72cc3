/** Normalised evidence: what every reader yields and what the engine judges. */

export type EvidenceFormat =
  | 'inspect-json'
  | 'inspect-eval'
  | 'lm-eval'
  | 'lighteval'
  | 'every-eval-ever'
  | 'hf-model-index'
  | 'hf-eval-results'
  | 'native';

/**
 * Where a record comes from, in the policy's vocabulary (`evidence.rule_out_from`): one name per
 * reader family. `inspect` covers `.json` and `.eval` logs; `model-card` is a card's `model-index`.
 */
export type EvidenceSource =
  | 'inspect'
  | 'lm-eval'
  | 'lighteval'
  | 'every-eval-ever'
  | 'native'
  | 'hf-eval-results'
  | 'model-card';

export const EVIDENCE_SOURCES: readonly EvidenceSource[] = [
  'inspect',
  'lm-eval',
  'lighteval',
  'every-eval-ever',
  'native',
  'hf-eval-results',
  'model-card',
];

const SOURCE_OF_FORMAT: Record<EvidenceFormat, EvidenceSource> = {
  'inspect-json': 'inspect',
  'inspect-eval': 'inspect',
  'lm-eval': 'lm-eval',
  lighteval: 'lighteval',
  'every-eval-ever': 'every-eval-ever',
  'hf-model-index': 'model-card',
  'hf-eval-results': 'hf-eval-results',
  native: 'native',
};

export function sourceOf(format: EvidenceFormat): EvidenceSource {
  return SOURCE_OF_FORMAT[format];
}

/**
 * How the run that produced a value ended.
 * `reported` is a self-reported number (a model card): there is no run to check.
 */
export type RunStatus = 'success' | 'partial' | 'cancelled' | 'error' | 'started' | 'reported';

/** The scale a value is written on. Readers report what the file says; the policy decides. */
export type Scale = 'fraction' | 'percent' | 'unbounded' | 'unknown';

export interface EvidenceRecord {
  /** Repository-relative path, forward slashes. */
  file: string;
  /** JSON pointer to the value inside the file; `.eval` logs prefix the member: `header.json#/results/...`. */
  pointer: string;
  /** 1-based line of the value in `file`, or null when the file is binary (a `.eval` zip). */
  line: number | null;
  format: EvidenceFormat;
  /** Model as written in the file (null when the file does not say). */
  model: string | null;
  /** Benchmark or task id as written in the file. */
  benchmark: string;
  /**
   * Metric name as written, without an lm-eval filter suffix. Null when the file names no metric
   * (Hugging Face `.eval_results`: the value is the benchmark's primary score, on no stated scale).
   */
  metric: string | null;
  /** lm-eval filter (`none`, `strict-match`, …) from a `metric,filter` key; null where the format has none. */
  filter: string | null;
  /** Inspect scorer (`results.scores[].name`); null where the format has none. */
  scorer: string | null;
  /** Finite number, or null when missing, NaN, infinite or unparseable (with a warning). */
  value: number | null;
  /** What the file says about scale: `percent` for "25.59%", else usually `unknown`. */
  scale: Scale;
  stderr: number | null;
  /** Samples actually scored. */
  n: number | null;
  /** Samples intended. */
  n_intended: number | null;
  /** ISO-8601 date-time in UTC, or null. */
  date: string | null;
  status: RunStatus;
  /** Every coercion made while reading, in words a reviewer understands. */
  warnings: string[];
}

/** Random-access, streamable view of one file; the readers never touch `fs` directly. */
export interface FileSource {
  /** Repository-relative path, forward slashes. */
  readonly path: string;
  readonly size: number;
  /** Read `length` bytes at `offset` (fewer at end of file). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Read the file front to back in chunks; the consumer may stop early. */
  chunks(): AsyncIterable<Uint8Array>;
}

export interface EvidenceReader {
  readonly format: EvidenceFormat;
  /** True when this reader owns the file, decided from its name and first bytes. */
  accepts(path: string, head: Uint8Array): boolean;
  /** Records, or throws an InputError that names the file and line. */
  read(source: FileSource): Promise<EvidenceRecord[]>;
}
