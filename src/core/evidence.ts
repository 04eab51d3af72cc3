/** Normalised evidence: what every reader yields and what the engine judges. */

export type EvidenceFormat =
  'inspect-json' | 'inspect-eval' | 'lm-eval' | 'hf-model-index' | 'native';

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
  /** Metric name as written, without an lm-eval filter suffix. */
  metric: string;
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
