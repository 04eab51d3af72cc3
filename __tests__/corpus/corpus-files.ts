/**
 * The corpus on disk: manifest.csv (provenance and licence of each file), expected.jsonl (what an
 * independent reading of each raw file found) and files/FORMAT/XX/BLOB/NAME. No engine imports,
 * so scripts run by tsx can use it too.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export type CorpusFormat = 'lm-eval' | 'inspect-json' | 'inspect-eval' | 'hf-card';
export const CORPUS_FORMATS: readonly CorpusFormat[] = [
  'lm-eval',
  'inspect-json',
  'inspect-eval',
  'hf-card',
];

export interface ManifestRow {
  id: string;
  format: CorpusFormat;
  repo: string;
  path: string;
  commit: string;
  blob: string;
  bytes: number;
  /** Path inside the corpus directory: files/FORMAT/XX/BLOB/NAME. */
  file: string;
  licence: string;
}

export const MANIFEST_COLUMNS = [
  'id',
  'format',
  'repo',
  'path',
  'commit',
  'blob',
  'bytes',
  'file',
  'licence',
] as const;

export interface LmEvalExpected {
  task: string;
  metric: string;
  filter: string | null;
  value: number | null;
  raw: unknown;
  stderr: number | null;
  partial: boolean;
}

export interface InspectExpected {
  task: string;
  scorer: string | null;
  metric: string;
  value: number | null;
  raw: unknown;
}

export interface CardExpected {
  model: string | number | null;
  task_type: string | null;
  dataset_type: string | number | null;
  dataset_name: string | number | null;
  metric: string | number | null;
  metric_name: string | number | null;
  value: number | null;
  value_kind: string;
  percent: boolean;
  raw: unknown;
}

export interface ExpectedLine {
  id: string;
  file: string;
  format: CorpusFormat;
  refuse?: string;
  records?: (LmEvalExpected | InspectExpected | CardExpected)[];
  /** Inspect: the log's status, sample counts, completeness and model. */
  status?: string | null;
  total_samples?: number | null;
  completed_samples?: number | null;
  complete?: boolean | null;
  model?: string | null;
  /** lm-eval: `lm_eval_version`; Inspect: the log version. */
  version?: unknown;
  /** lm-eval: whether metric keys carry a filter (`acc,none`), and `config.limit`. */
  v04_keys?: boolean;
  limit?: unknown;
}

export interface Corpus {
  dir: string;
  rows: ManifestRow[];
  expected: Map<string, ExpectedLine>;
}

/** manifest.csv: nine plain columns; a quote or a tenth column is refused, not guessed. */
export function parseManifest(text: string): ManifestRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  const header = lines.shift()?.split(',');
  if (header?.join(',') !== MANIFEST_COLUMNS.join(','))
    throw new Error(`manifest.csv: header is not ${MANIFEST_COLUMNS.join(',')}`);
  return lines.map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== MANIFEST_COLUMNS.length || line.includes('"'))
      throw new Error(`manifest.csv line ${i + 2}: expected ${MANIFEST_COLUMNS.length} columns`);
    const [id, format, repo, path, commit, blob, bytes, file, licence] = cells as [
      string,
      ...string[],
    ];
    if (!CORPUS_FORMATS.includes(format as CorpusFormat))
      throw new Error(`manifest.csv line ${i + 2}: unknown format ${format}`);
    return {
      id,
      format: format as CorpusFormat,
      repo: repo!,
      path: path!,
      commit: commit!,
      blob: blob!,
      bytes: Number(bytes),
      file: file!,
      licence: licence!,
    };
  });
}

export function parseExpected(text: string): Map<string, ExpectedLine> {
  const out = new Map<string, ExpectedLine>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = JSON.parse(line) as ExpectedLine;
    if (out.has(parsed.id)) throw new Error(`expected.jsonl line ${i + 1}: duplicate id`);
    out.set(parsed.id, parsed);
  });
  return out;
}

export async function loadCorpus(dir: string): Promise<Corpus> {
  const [manifest, expected] = await Promise.all([
    readFile(join(dir, 'manifest.csv'), 'utf8'),
    readFile(join(dir, 'expected.jsonl'), 'utf8'),
  ]);
  return { dir, rows: parseManifest(manifest), expected: parseExpected(expected) };
}
