/**
 * Every Eval Ever aggregate records (formats.md §7.6; evaleval/every_eval_ever
 * `every_eval_ever/schemas/eval.schema.json`, schema_version 0.2.x and 0.3.x). One reader for
 * every harness EEE's converters cover (Inspect, lm-eval, HELM, lighteval, leaderboard scrapes):
 * it reads the schema's own fields and never branches on `eval_library`.
 *
 * One record per `evaluation_results[]` entry:
 * - benchmark = `evaluation_name`, as written. `source_data.dataset_name` is not used: several
 *   evaluations of one record often share a dataset (a leaderboard's overall score and its
 *   subject scores), so it cannot tell them apart. Policies alias the evaluation name.
 * - metric = `metric_config.metric_id`, else `metric_name` (0.2.2+), else none (older records
 *   name their metric only in prose, `evaluation_description`).
 * - scale from the declared bounds: [0, 1] fraction, [0, 100] percent, none declared unknown,
 *   anything else unbounded; a score outside its own bounds refuses the file.
 * - date = the result's `evaluation_timestamp`, else the record's. `retrieved_timestamp` is when
 *   the record was made — for a leaderboard scrape, long after the run — so it is never taken for
 *   the evaluation's date: a record without an evaluation timestamp is undated.
 * - status: `reported` when `source_metadata.source_type` is `documentation` (numbers copied from
 *   a leaderboard, paper or card), else `success`.
 */
import { InputError } from '../core/errors.js';
import type { EvidenceReader, EvidenceRecord, FileSource, Scale } from '../core/evidence.js';
import { parseJsonStream, type ParsedJson } from '../formats/tolerant-json.js';
import { finiteOrWarn } from './inspect-results.js';
import { normaliseDate } from './native-evidence.js';
import { quote } from './quote.js';
import { validateHarnessJson } from './validate-harness-json.js';

type JsonObject = Record<string, unknown>;

const HEAD_DECODER = new TextDecoder('utf-8');
const SUPPORTED_VERSION = /^0\.[23]\.\d+$/;
const EPOCH_SECONDS = /^\d{1,12}(\.\d+)?$/;
/** Version 0.1 records carried every sample inline; nothing in them is read. */
const INLINE_SAMPLES = 'detailed_evaluation_results_per_samples';

/** The shape every-eval-ever.schema.json guarantees once validation has passed. */
interface MetricConfig {
  metric_id?: string;
  metric_name?: string;
  lower_is_better: boolean;
  score_type?: 'binary' | 'continuous' | 'levels';
  has_unknown_level?: boolean | null;
  min_score?: number | 'Infinity' | '-Infinity' | null;
  max_score?: number | 'Infinity' | '-Infinity' | null;
}

interface EvaluationResult {
  evaluation_name: string;
  evaluation_timestamp?: string | number;
  metric_config: MetricConfig;
  score_details: {
    score: number;
    uncertainty?: {
      standard_error?: { value: number } | null;
      num_samples?: number | null;
    } | null;
  };
}

interface EeeRecord {
  schema_version: string;
  evaluation_timestamp?: string | number;
  source_metadata: { source_type: 'documentation' | 'evaluation_run' };
  model_info: { id: string };
  evaluation_results: EvaluationResult[];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An EEE record opens with `schema_version` and names its evaluation or its results early on. */
export function looksLikeEveryEvalEver(head: Uint8Array): boolean {
  const text = HEAD_DECODER.decode(head).replace(/^\uFEFF/, '');
  return (
    /^\s*\{/.test(text) &&
    /"schema_version"\s*:\s*"/.test(text) &&
    /"(evaluation_id|evaluation_results|retrieved_timestamp|source_metadata)"\s*:/.test(text)
  );
}

/** An evaluation timestamp (epoch seconds, or ISO 8601) as ISO UTC; null with a warning when unreadable. */
function evaluationDate(raw: string | number, label: string, warnings: string[]): string | null {
  const text = String(raw).trim();
  if (typeof raw === 'number' || EPOCH_SECONDS.test(text)) {
    const date = new Date(Number(text) * 1000);
    if (Number.isFinite(date.getTime())) return date.toISOString();
  } else {
    const date = normaliseDate(text);
    if (date !== null) return date;
  }
  warnings.push(`${label} (${quote(raw)}) is not a date; date treated as unknown`);
  return null;
}

/** A declared bound as a number (±Infinity for an open end), or null when not given. */
function bound(raw: MetricConfig['min_score']): number | null {
  if (raw === undefined || raw === null) return null;
  if (raw === 'Infinity') return Infinity;
  if (raw === '-Infinity') return -Infinity;
  return raw;
}

function formatBound(value: number): string {
  return Number.isFinite(value) ? String(value) : value > 0 ? 'Infinity' : '-Infinity';
}

interface Context {
  file: string;
  parsed: ParsedJson;
  model: string;
  status: 'success' | 'reported';
  recordDate: string | null;
  /** Why the record-level date is what it is, for every result that uses it. */
  recordDateWarnings: string[];
  /** Evaluation names that occur more than once without a metric name to tell them apart. */
  ambiguous: Set<string>;
}

function scaleOf(
  config: MetricConfig,
  base: string,
  ctx: Context,
  warnings: string[],
): { scale: Scale; min: number; max: number } {
  const min = bound(config.min_score);
  const max = bound(config.max_score);
  if (Number.isNaN(min) || Number.isNaN(max)) {
    const key = Number.isNaN(min) ? 'min_score' : 'max_score';
    throw new InputError(
      'eee-bounds',
      `metric_config.${key} is NaN`,
      {
        file: ctx.file,
        ...ctx.parsed.locate(`${base}/metric_config/${key}`),
        key: `${base}/metric_config/${key}`,
      },
      'write the bound as a number, "Infinity"/"-Infinity" for an open end, or leave it out',
    );
  }
  if (min !== null && max !== null && min > max) {
    throw new InputError(
      'eee-bounds',
      `metric_config declares min_score ${formatBound(min)} above max_score ${formatBound(max)}`,
      {
        file: ctx.file,
        ...ctx.parsed.locate(`${base}/metric_config`),
        key: `${base}/metric_config`,
      },
      'the record contradicts itself; regenerate it with the Every Eval Ever converter',
    );
  }
  if (min === null && max === null) {
    warnings.push('metric_config declares no min_score/max_score; scale unknown');
    return { scale: 'unknown', min: -Infinity, max: Infinity };
  }
  const scale: Scale =
    min === 0 && max === 1 ? 'fraction' : min === 0 && max === 100 ? 'percent' : 'unbounded';
  return { scale, min: min ?? -Infinity, max: max ?? Infinity };
}

function recordOf(result: EvaluationResult, i: number, ctx: Context): EvidenceRecord {
  const base = `/evaluation_results/${i}`;
  const pointer = `${base}/score_details/score`;
  const config = result.metric_config;
  const warnings: string[] = [];
  const metric = config.metric_id ?? config.metric_name ?? null;
  if (metric === null) {
    warnings.push(
      ctx.ambiguous.has(result.evaluation_name)
        ? `metric_config names no metric (metric_id, metric_name), and ${quote(result.evaluation_name)} has several results in this record: they cannot be told apart`
        : 'metric_config names no metric (metric_id, metric_name)',
    );
  }
  if (config.lower_is_better) {
    warnings.push(
      "metric_config says lower is better; the policy's higher_is_better decides how the value is compared",
    );
  }
  let value = finiteOrWarn(result.score_details.score, 'score_details.score', warnings, 'record');
  if (value === -1 && config.score_type === 'levels' && config.has_unknown_level === true) {
    warnings.push('score -1 is the unknown level of a levels metric; treated as no value');
    value = null;
  }
  const { scale, min, max } = scaleOf(config, base, ctx, warnings);
  if (value !== null && (value < min || value > max)) {
    throw new InputError(
      'eee-out-of-bounds',
      `${quote(result.evaluation_name)}: score ${value} is outside the bounds its metric_config declares [${formatBound(min)}, ${formatBound(max)}]`,
      { file: ctx.file, ...ctx.parsed.locate(pointer), key: pointer },
      'the record contradicts itself (a percentage on a 0–1 metric?); regenerate it with the Every Eval Ever converter',
    );
  }
  const uncertainty = result.score_details.uncertainty ?? null;
  const standardError = uncertainty?.standard_error ?? null;
  const stderr =
    standardError === null
      ? null
      : finiteOrWarn(standardError.value, 'uncertainty.standard_error.value', warnings, 'record');
  const n = uncertainty?.num_samples ?? null;
  let date = ctx.recordDate;
  if (result.evaluation_timestamp !== undefined) {
    date = evaluationDate(
      result.evaluation_timestamp,
      `evaluation_results[${i}].evaluation_timestamp`,
      warnings,
    );
  } else warnings.push(...ctx.recordDateWarnings);
  return {
    file: ctx.file,
    pointer,
    line: ctx.parsed.locate(pointer).line,
    format: 'every-eval-ever',
    model: ctx.model,
    benchmark: result.evaluation_name,
    metric,
    filter: null,
    scorer: null,
    value,
    scale,
    stderr,
    n,
    n_intended: null,
    date,
    status: ctx.status,
    warnings,
  };
}

export const everyEvalEverReader: EvidenceReader = {
  format: 'every-eval-ever',
  accepts(path: string, head: Uint8Array): boolean {
    return /\.json$/i.test(path) && looksLikeEveryEvalEver(head);
  },
  async read(source: FileSource): Promise<EvidenceRecord[]> {
    const file = source.path;
    const parsed = await parseJsonStream(source.chunks(), file, {
      skipTopLevelKeys: [INLINE_SAMPLES],
    });
    const root = parsed.value;
    const version = isObject(root) ? root.schema_version : undefined;
    if (typeof version !== 'string' || !SUPPORTED_VERSION.test(version)) {
      const said = !isObject(root)
        ? 'the file is not a JSON object'
        : version === undefined
          ? 'the record has no schema_version'
          : `unsupported Every Eval Ever schema_version ${quote(version)}`;
      throw new InputError(
        'eee-version',
        `${said}; rsp-gate reads schema versions 0.2.x and 0.3.x`,
        { file, ...parsed.locate('/schema_version'), key: 'schema_version' },
        'convert the results again with a current every_eval_ever release (schema 0.3)',
      );
    }
    validateHarnessJson(parsed, file, 'every-eval-ever', 'Every Eval Ever record');
    const record = root as unknown as EeeRecord;
    const recordDateWarnings: string[] = [];
    let recordDate: string | null = null;
    if (record.evaluation_timestamp !== undefined) {
      recordDate = evaluationDate(
        record.evaluation_timestamp,
        'evaluation_timestamp',
        recordDateWarnings,
      );
    } else {
      recordDateWarnings.push(
        'the record has no evaluation_timestamp (retrieved_timestamp is when the record was made, not when the evaluation ran); date treated as unknown',
      );
    }
    const seen = new Map<string, number>();
    for (const r of record.evaluation_results) {
      if (r.metric_config.metric_id === undefined && r.metric_config.metric_name === undefined)
        seen.set(r.evaluation_name, (seen.get(r.evaluation_name) ?? 0) + 1);
    }
    const ctx: Context = {
      file,
      parsed,
      model: record.model_info.id,
      status: record.source_metadata.source_type === 'documentation' ? 'reported' : 'success',
      recordDate,
      recordDateWarnings,
      ambiguous: new Set([...seen].filter(([, count]) => count > 1).map(([name]) => name)),
    };
    return record.evaluation_results.map((result, i) => recordOf(result, i, ctx));
  },
};
