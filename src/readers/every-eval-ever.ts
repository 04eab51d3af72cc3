/**
 * Every Eval Ever aggregate records (formats.md §7.6; evaleval/every_eval_ever
 * `every_eval_ever/schemas/eval.schema.json`, schema_version 0.2.x and 0.3.x). One reader for
 * every harness EEE's converters cover (Inspect, lm-eval, HELM, lighteval, leaderboard scrapes):
 * it reads the schema's own fields and never branches on `eval_library`.
 *
 * Files over 64 MiB are refused before they are parsed: real records are a few kilobytes (the
 * largest of the 5,318 in EEE's `data/` folder at its commit d9be34d60cb3 is 110 KB), and a parsed file is held whole in memory.
 * A record that holds no result is refused too: it is not evidence of anything.
 *
 * One record per `evaluation_results[]` entry:
 * - benchmark = `evaluation_name`, as written. `source_data.dataset_name` is not used: several
 *   evaluations of one record often share a dataset (a leaderboard's overall score and its
 *   subject scores), so it cannot tell them apart. Policies alias the evaluation name. EEE's
 *   lm-eval converter names a filtered result `<task>/<filter>`: that suffix is dropped when the
 *   result names its filter, so the benchmark is the task, as the lm-eval reader names it.
 * - metric = `metric_config.metric_id`, else `metric_name` (0.2.2+), else
 *   `evaluation_description` when it is a bare metric name: EEE's Inspect and lm-eval converters
 *   write the metric only there (`accuracy`, `acc_norm`, and `exact_match (filter:
 *   strict-match)` for an lm-eval filter, read as metric and filter). Else the result names no
 *   metric, and it is read as its evaluation's primary score only when it is that evaluation's
 *   only result in the record (a leaderboard scrape's "Accuracy on GPQA"). Several results of one
 *   evaluation that cannot be told apart refuse the file: any of them could be taken for the
 *   primary score, so a perplexity could answer a policy that reads accuracy.
 * - scale from `metric_unit` (`proportion` fraction, `percent`/`percentage` percent) and the
 *   declared bounds: [0, 1] fraction, [0, 100] percent, none declared (and no unit) unknown,
 *   anything else unbounded. A unit its bounds contradict, and a score outside its own bounds,
 *   refuse the file.
 * - n = `score_details.uncertainty.num_samples`; n_intended = `source_data.samples_number`
 *   (`source_data.additional_details.samples_number` where the Inspect converter writes it for a
 *   dataset that is not on the Hub). A run that scored fewer samples than that, or whose
 *   `sample_ids` list fewer, is partial.
 * - date = the result's `evaluation_timestamp`, else the record's. `retrieved_timestamp` is when
 *   the record was made — for a leaderboard scrape, long after the run — so it is never taken for
 *   the evaluation's date: a record without an evaluation timestamp is undated. An epoch outside
 *   1970–2100 is not a date.
 * - status: `reported` when `source_metadata.source_type` is `documentation` (numbers copied from
 *   a leaderboard, paper or card), else `success` (or `partial`, above). `source_type` is trusted
 *   as written: a leaderboard copy labelled `evaluation_run` cannot be told from a run.
 */
import { InputError } from '../core/errors.js';
import type {
  EvidenceReader,
  EvidenceRecord,
  FileSource,
  RunStatus,
  Scale,
} from '../core/evidence.js';
import { parseJsonStream, type ParsedJson } from '../formats/tolerant-json.js';
import { finiteOrWarn } from './inspect-results.js';
import { normaliseDate } from './native-evidence.js';
import { quote } from './quote.js';
import { refuseOversizedHarnessJson, validateHarnessJson } from './validate-harness-json.js';
import { isObject, headText } from './json-values.js';

const SUPPORTED_VERSION = /^0\.[23]\.\d+$/;
const EPOCH_SECONDS = /^\d{1,12}(\.\d+)?$/;
/** Epoch seconds of 1970-01-01 and 2101-01-01: an evaluation timestamp lies between. */
const EPOCH_MIN = 0;
const EPOCH_MAX = Date.UTC(2101, 0, 1) / 1000;
/** Version 0.1 records carried every sample inline; nothing in them is read. */
const INLINE_SAMPLES = 'detailed_evaluation_results_per_samples';
/** How EEE's lm-eval converter describes a filtered metric: `exact_match (filter: strict-match)`. */
const LM_EVAL_FILTERED = /^(\S+) \(filter: (\S+)\)$/;
/** A description that is one word is the metric's name (`accuracy`, `acc_norm`), not prose. */
const METRIC_WORD = /^\S{1,200}$/;
const FRACTION_UNITS = new Set(['proportion']);
const PERCENT_UNITS = new Set(['percent', 'percentage']);

/** The shape every-eval-ever.schema.json guarantees once validation has passed. */
interface MetricConfig {
  evaluation_description?: string;
  metric_id?: string;
  metric_name?: string;
  metric_unit?: string;
  lower_is_better: boolean;
  score_type?: 'binary' | 'continuous' | 'levels';
  has_unknown_level?: boolean | null;
  min_score?: number | 'Infinity' | '-Infinity' | null;
  max_score?: number | 'Infinity' | '-Infinity' | null;
}

interface SourceData {
  samples_number?: number;
  sample_ids?: (string | number)[];
  additional_details?: { samples_number?: string; sample_ids?: string };
}

interface EvaluationResult {
  evaluation_name: string;
  evaluation_timestamp?: string | number;
  source_data?: SourceData;
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

/** An EEE record opens with `schema_version` and names its evaluation or its results early on. */
export function looksLikeEveryEvalEver(head: Uint8Array): boolean {
  const text = headText(head);
  return (
    /^\s*\{/.test(text) &&
    /"schema_version"\s*:\s*"/.test(text) &&
    /"(evaluation_id|evaluation_results|retrieved_timestamp|source_metadata)"\s*:/.test(text)
  );
}

/**
 * An evaluation timestamp (epoch seconds between 1970 and 2100, or an ISO 8601 date-time with a
 * time zone) as ISO UTC; null with a warning when it is not one.
 */
function evaluationDate(raw: string | number, label: string, warnings: string[]): string | null {
  const text = String(raw).trim();
  if (typeof raw === 'number' || EPOCH_SECONDS.test(text)) {
    const seconds = Number(text);
    if (Number.isFinite(seconds) && seconds >= EPOCH_MIN && seconds < EPOCH_MAX) {
      return new Date(seconds * 1000).toISOString();
    }
    if (Number.isFinite(seconds)) {
      warnings.push(
        `${label} (${quote(raw)}) is epoch seconds outside 1970–2100; date treated as unknown`,
      );
      return null;
    }
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

function formatBound(value: number | null): string {
  if (value === null) return 'none';
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
}

/** What a result says it measures: its metric, and the lm-eval filter its description names. */
interface Naming {
  metric: string | null;
  filter: string | null;
}

/** metric_id, else metric_name, else an evaluation_description that is a bare metric name. */
export function eeeMetricOf(config: MetricConfig): Naming {
  if (config.metric_id !== undefined) return { metric: config.metric_id, filter: null };
  if (config.metric_name !== undefined) return { metric: config.metric_name, filter: null };
  const description = config.evaluation_description?.trim() ?? '';
  const filtered = LM_EVAL_FILTERED.exec(description);
  if (filtered) return { metric: filtered[1]!, filter: filtered[2]! };
  if (METRIC_WORD.test(description)) return { metric: description, filter: null };
  return { metric: null, filter: null };
}

function scaleOf(
  config: MetricConfig,
  base: string,
  ctx: Context,
  warnings: string[],
): { scale: Scale; min: number; max: number } {
  const min = bound(config.min_score);
  const max = bound(config.max_score);
  const at = (key: string) => ({
    file: ctx.file,
    ...ctx.parsed.locate(`${base}/metric_config/${key}`),
    key: `${base}/metric_config/${key}`,
  });
  if (Number.isNaN(min) || Number.isNaN(max)) {
    const key = Number.isNaN(min) ? 'min_score' : 'max_score';
    throw new InputError(
      'eee-bounds',
      `metric_config.${key} is NaN`,
      at(key),
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
  const unit = config.metric_unit?.trim().toLowerCase();
  const unitScale: Scale | null =
    unit === undefined
      ? null
      : FRACTION_UNITS.has(unit)
        ? 'fraction'
        : PERCENT_UNITS.has(unit)
          ? 'percent'
          : null;
  const contradicts =
    unitScale === 'fraction'
      ? (min !== null && min < 0) || (max !== null && max > 1)
      : unitScale === 'percent' && max !== null && max <= 1;
  if (contradicts) {
    throw new InputError(
      'eee-unit-bounds',
      `metric_config.metric_unit ${quote(config.metric_unit)} contradicts the declared bounds [${formatBound(min)}, ${formatBound(max)}]: ${
        unitScale === 'fraction'
          ? 'a proportion lies in [0, 1]'
          : 'a percentage does not top out at 1'
      }`,
      at('metric_unit'),
      'the record contradicts itself (a percentage on a 0–1 metric?); regenerate it with the Every Eval Ever converter',
    );
  }
  if (min === null && max === null) {
    if (unitScale !== null) return { scale: unitScale, min: -Infinity, max: Infinity };
    warnings.push('metric_config declares no min_score/max_score; scale unknown');
    return { scale: 'unknown', min: -Infinity, max: Infinity };
  }
  const scale: Scale =
    min === 0 && max === 1 ? 'fraction' : min === 0 && max === 100 ? 'percent' : 'unbounded';
  return { scale, min: min ?? -Infinity, max: max ?? Infinity };
}

/** A count the record gives as a number or (in additional_details) a string of digits. */
function countOf(raw: number | string | undefined): number | null {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? raw : null;
  if (typeof raw === 'string' && /^\d+$/.test(raw.trim())) return Number(raw.trim());
  return null;
}

/** How many samples the run covered and was meant to cover, and whether it fell short. */
function sampleCounts(
  result: EvaluationResult,
  warnings: string[],
): { n: number | null; nIntended: number | null; partial: boolean } {
  const raw = result.score_details.uncertainty?.num_samples ?? null;
  let n: number | null = null;
  if (raw !== null) {
    n = countOf(raw);
    if (n === null) {
      warnings.push(
        `score_details.uncertainty.num_samples is ${String(raw)} in the record; sample count treated as unknown`,
      );
    }
  }
  const source = result.source_data ?? {};
  const details = source.additional_details ?? {};
  const [intendedKey, nIntended] =
    source.samples_number !== undefined
      ? ['source_data.samples_number', countOf(source.samples_number)]
      : ['source_data.additional_details.samples_number', countOf(details.samples_number)];
  if (nIntended === null) return { n, nIntended, partial: false };
  let partial = false;
  if (n !== null && n < nIntended) {
    warnings.push(
      `score_details.uncertainty.num_samples is ${n}, fewer than the ${nIntended} samples of ${intendedKey}; treated as partial`,
    );
    partial = true;
  }
  const [idsKey, ids] = Array.isArray(source.sample_ids)
    ? ['source_data.sample_ids', source.sample_ids.length]
    : typeof details.sample_ids === 'string'
      ? [
          'source_data.additional_details.sample_ids',
          details.sample_ids.split(',').filter((id) => id.trim() !== '').length,
        ]
      : [null, null];
  if (ids !== null && ids < nIntended) {
    warnings.push(
      `${idsKey} lists ${ids} of the ${nIntended} samples of ${intendedKey}; treated as partial`,
    );
    partial = true;
  }
  return { n, nIntended, partial };
}

function recordOf(
  result: EvaluationResult,
  i: number,
  naming: Naming,
  ctx: Context,
): EvidenceRecord {
  const base = `/evaluation_results/${i}`;
  const pointer = `${base}/score_details/score`;
  const config = result.metric_config;
  const warnings: string[] = [];
  const { metric, filter } = naming;
  let benchmark = result.evaluation_name;
  if (filter !== null && benchmark.endsWith(`/${filter}`) && benchmark.length > filter.length + 1) {
    benchmark = benchmark.slice(0, -(filter.length + 1));
  }
  if (metric === null) {
    warnings.push(
      `metric_config names no metric (metric_id, metric_name, or a metric name as evaluation_description); taken as the only score of ${quote(result.evaluation_name)}, its primary score`,
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
  const { n, nIntended, partial } = sampleCounts(result, warnings);
  let date = ctx.recordDate;
  if (result.evaluation_timestamp !== undefined) {
    date = evaluationDate(
      result.evaluation_timestamp,
      `evaluation_results[${i}].evaluation_timestamp`,
      warnings,
    );
  } else warnings.push(...ctx.recordDateWarnings);
  const status: RunStatus = ctx.status === 'success' && partial ? 'partial' : ctx.status;
  return {
    file: ctx.file,
    pointer,
    line: ctx.parsed.locate(pointer).line,
    format: 'every-eval-ever',
    model: ctx.model,
    benchmark,
    metric,
    filter,
    scorer: null,
    value,
    scale,
    stderr,
    n,
    n_intended: nIntended,
    date,
    status,
    warnings,
  };
}

/**
 * Each result's metric; refuses the file when several results of one evaluation name none, since
 * then any of them could be taken for the evaluation's primary score.
 */
function namingsOf(record: EeeRecord, file: string, parsed: ParsedJson): Naming[] {
  const namings = record.evaluation_results.map((r) => eeeMetricOf(r.metric_config));
  const byName = new Map<string, number[]>();
  record.evaluation_results.forEach((r, i) => {
    byName.set(r.evaluation_name, [...(byName.get(r.evaluation_name) ?? []), i]);
  });
  for (const [name, indexes] of byName) {
    const unnamed = indexes.filter((i) => namings[i]!.metric === null);
    if (indexes.length < 2 || unnamed.length === 0) continue;
    const at = `/evaluation_results/${unnamed[0]}/metric_config`;
    throw new InputError(
      'eee-metric-ambiguous',
      `${quote(name)} has ${indexes.length} results (evaluation_results[${indexes.join('], [')}]) and evaluation_results[${unnamed.join('], [')}] name${unnamed.length === 1 ? 's' : ''} no metric (no metric_id, metric_name, or metric name as evaluation_description): which result is the evaluation's primary score cannot be told`,
      { file, ...parsed.locate(at), key: at },
      'give every result a metric_config.metric_id (current Every Eval Ever converters write one), or convert the run again',
    );
  }
  return namings;
}

export const everyEvalEverReader: EvidenceReader = {
  format: 'every-eval-ever',
  accepts(path: string, head: Uint8Array): boolean {
    return /\.json$/i.test(path) && looksLikeEveryEvalEver(head);
  },
  async read(source: FileSource): Promise<EvidenceRecord[]> {
    const file = source.path;
    refuseOversizedHarnessJson(
      source,
      'Every Eval Ever record',
      'an aggregate record is a few kilobytes: point the policy at the record, not at its instance-level samples',
    );
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
    if (record.evaluation_results.length === 0) {
      throw new InputError(
        'eee-empty',
        'evaluation_results is empty: the record holds no score',
        { file, ...parsed.locate('/evaluation_results'), key: '/evaluation_results' },
        'point the policy at a record with results; a converter that wrote none found no scores in its input',
      );
    }
    const namings = namingsOf(record, file, parsed);
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
    const ctx: Context = {
      file,
      parsed,
      model: record.model_info.id,
      status: record.source_metadata.source_type === 'documentation' ? 'reported' : 'success',
      recordDate,
      recordDateWarnings,
    };
    return record.evaluation_results.map((result, i) => recordOf(result, i, namings[i]!, ctx));
  },
};
