/**
 * EleutherAI lm-evaluation-harness results files (`results_*.json`, v0.3 and v0.4 shapes);
 * formats.md §6. One record per (task, metric, filter) in `results`; `groups` repeats group rows
 * and is ignored, so nothing is counted twice.
 */
import { InputError } from '../core/errors.js';
import type { EvidenceReader, EvidenceRecord, FileSource, RunStatus } from '../core/evidence.js';
import { parseJsonStream, pointerToken } from '../formats/tolerant-json.js';
import { finiteOrWarn } from './inspect-results.js';
import { looksLikeInspectJson } from './inspect-json.js';
import { quote } from './quote.js';
import { isObject, nonEmpty, count, headText, type JsonObject } from './json-values.js';

/** Keys of a results entry that are not metrics. */
const NOT_METRICS = new Set(['alias', 'sample_len', 'name', ' ', 'sample_count']);
const MODEL_ARG_KEYS = ['pretrained', 'model', 'path'];
const FILE_STAMP = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(\.\d+)?/;
/** `model_name`, else the model named in `config.model_args` (string `k=v,…` or dict), else top-level `model`. */
export function lmEvalModel(root: JsonObject): string | null {
  const name = nonEmpty(root.model_name);
  if (name) return name;
  const args = isObject(root.config) ? root.config.model_args : undefined;
  let table: JsonObject | null = isObject(args) ? args : null;
  if (typeof args === 'string') {
    table = {};
    for (const part of args.split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) table[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
    }
  }
  for (const key of MODEL_ARG_KEYS) {
    const value = table ? nonEmpty(table[key]) : null;
    if (value) return value;
  }
  return nonEmpty(root.model); // hand-trimmed files keep only `model`
}

/** `date` (epoch seconds), else the timestamp in the file name (local time of the run: assumed UTC). */
export function lmEvalDate(root: JsonObject, path: string, warnings: string[]): string | null {
  if (typeof root.date === 'number' && Number.isFinite(root.date)) {
    const date = new Date(root.date * 1000);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  const stamp = FILE_STAMP.exec(path.slice(path.lastIndexOf('/') + 1));
  if (!stamp) return null;
  const time = Date.parse(
    `${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}${(stamp[5] ?? '').slice(0, 4)}Z`,
  );
  if (Number.isNaN(time)) return null;
  warnings.push(`the file has no date field; used the time in its name (${stamp[0]}), assumed UTC`);
  return new Date(time).toISOString();
}

interface MetricKey {
  key: string;
  metric: string;
  /** The part after the first comma of a v0.4 key; null for v0.3 keys. */
  filter: string | null;
  stderrKey: string;
}

function metricKeys(entry: JsonObject): MetricKey[] {
  const keys = Object.keys(entry);
  const v04 = keys.some((key) => key.includes(','));
  const out: MetricKey[] = [];
  for (const key of keys) {
    if (NOT_METRICS.has(key)) continue;
    const comma = key.indexOf(',');
    // In a v0.4 entry every metric carries its filter; a bare key that holds a number is still
    // read (as a metric without a filter), never dropped unseen beside the filtered ones.
    if (v04 && comma < 0 && typeof entry[key] !== 'number') continue;
    const split = v04 && comma >= 0;
    const metric = split ? key.slice(0, comma) : key;
    if (metric.endsWith('_stderr')) continue;
    // A v0.3 key holding a mapping is a nested table (a subtask's results in the harness's
    // leaderboard test configurations), not a metric. Anything else is a metric: a per-sample
    // list where a number belongs is read as no value, with a warning, never dropped unseen.
    if (!v04 && isObject(entry[key])) continue;
    out.push({
      key,
      metric,
      filter: split ? key.slice(comma + 1) : null,
      stderrKey: split ? `${metric}_stderr${key.slice(comma)}` : `${metric}_stderr`,
    });
  }
  return out;
}

export const lmEvalReader: EvidenceReader = {
  format: 'lm-eval',
  accepts(path: string, head: Uint8Array): boolean {
    if (!/\.json$/i.test(path) || looksLikeInspectJson(head)) return false;
    const text = headText(head);
    // `results` comes first in the harness's output; files that write the run's parameters
    // first (its leaderboard test configurations) name `model_args` there, and their
    // `results` may start tens of kilobytes in. lighteval files also carry `results` (and
    // `model_args`) but are not lm-eval output.
    return (
      /^\s*\{/.test(text) &&
      /"(?:results"\s*:\s*\{|model_args"\s*:)/.test(text) &&
      !/"config_general"\s*:/.test(text)
    );
  },
  async read(source: FileSource): Promise<EvidenceRecord[]> {
    const file = source.path;
    // Embedded per-sample data can be large and comes before `config` and `date`: skip it, read on.
    const parsed = await parseJsonStream(source.chunks(), file, { skipTopLevelKeys: ['samples'] });
    const root = parsed.value;
    if (!isObject(root) || !isObject(root.results)) {
      throw new InputError(
        'lm-eval-no-results',
        isObject(root) ? 'the file has no results object' : 'the file is not a JSON object',
        { file, ...parsed.locate('/results'), key: '/results' },
        'point the policy at the results_*.json file written by lm-evaluation-harness',
      );
    }
    const config = isObject(root.config) ? root.config : {};
    const limit = config.limit;
    // `n-samples` in the harness's output; its leaderboard test configurations spell it `n_samples`.
    const nSamples = [root['n-samples'], root.n_samples].find(isObject) ?? {};
    const model = lmEvalModel(root);
    const common: string[] = [];
    const date = lmEvalDate(root, file, common);

    const records: EvidenceRecord[] = [];
    for (const [task, entry] of Object.entries(root.results)) {
      if (!isObject(entry)) continue;
      const samples = isObject(nSamples[task]) ? (nSamples[task] as JsonObject) : {};
      const n = count(samples.effective);
      const nIntended = count(samples.original);
      const taskWarnings = [...common];
      let status: RunStatus = 'success';
      if (n !== null && nIntended !== null) status = n < nIntended ? 'partial' : 'success';
      else if (limit !== undefined && limit !== null && limit !== 0) {
        taskWarnings.push(
          `config.limit is ${quote(limit)} and the file does not say how many samples ran; treated as partial`,
        );
        status = 'partial';
      }
      for (const { key, metric, filter, stderrKey } of metricKeys(entry)) {
        const warnings = [...taskWarnings];
        const value = finiteOrWarn(entry[key], key, warnings, 'file');
        const stderr = Object.hasOwn(entry, stderrKey)
          ? finiteOrWarn(entry[stderrKey], stderrKey, warnings, 'file')
          : null;
        const pointer = `/results/${pointerToken(task)}/${pointerToken(key)}`;
        records.push({
          file,
          pointer,
          line: parsed.locate(pointer).line,
          format: 'lm-eval',
          model,
          benchmark: task,
          metric,
          filter,
          scorer: null,
          value,
          scale: 'unknown',
          stderr,
          n,
          n_intended: nIntended,
          date,
          status,
          warnings,
        });
      }
    }
    return records;
  },
};
