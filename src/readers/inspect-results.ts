/**
 * Turns an Inspect log header (a JSON log without its samples, or an `.eval` log's header.json)
 * into evidence records. Shared by the `.json` and `.eval` readers; formats.md §5.
 */
import { InputError } from '../core/errors.js';
import type { EvidenceRecord, RunStatus } from '../core/evidence.js';
import type { Position } from '../formats/line-index.js';
import { pointerToken } from '../formats/tolerant-json.js';
import { quote } from './quote.js';
import { isObject, count, type JsonObject } from './json-values.js';

export const SUPPORTED_INSPECT_VERSIONS = [1, 2, 3] as const;

/** Helper metrics whose value is the standard error of the other metrics of the same score, by priority. */
const STDERR_METRICS = ['stderr', 'bootstrap_stderr', 'bootstrap_std'];

export interface InspectHeaderContext {
  file: string;
  format: 'inspect-json' | 'inspect-eval';
  /** Prefix of every pointer: '' for JSON logs, 'header.json#' for `.eval` logs. */
  pointerPrefix: string;
  /** Positions of values in a text file; null for `.eval` (binary) logs. */
  locate: ((pointer: string) => Position) | null;
}

/** A finite number, or null with the warning that explains why. */
export function finiteOrWarn(
  value: unknown,
  label: string,
  warnings: string[],
  where = 'log',
): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'number')
    warnings.push(`${label} is ${value} in the ${where}; treated as no value`);
  else if (value === undefined || value === null)
    warnings.push(`${label} has no value in the ${where}; treated as no value`);
  else
    warnings.push(`${label} is ${quote(value)} in the ${where}, not a number; treated as no value`);
  return null;
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** `eval.created` as ISO-8601 UTC. A time without offset is taken as UTC, with a warning. */
export function normaliseInspectDate(raw: unknown, warnings: string[]): string | null {
  if (raw === undefined || raw === null) return null;
  const match = typeof raw === 'string' ? ISO_DATE.exec(raw.trim()) : null;
  let zone = match?.[5];
  if (match && !zone) {
    warnings.push(`eval.created (${raw as string}) has no time zone; assumed UTC`);
    zone = 'Z';
  }
  if (match && zone) {
    const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    const fraction = (match[4] ?? '').slice(0, 4);
    const time = Date.parse(`${match[1]}T${match[2]}${match[3] ?? ':00'}${fraction}${offset}`);
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  warnings.push(`eval.created (${quote(raw)}) is not a date; date treated as unknown`);
  return null;
}

interface MetricGroup {
  /** Pointer of the `metrics` object. */
  pointer: string;
  metrics: unknown;
  /** The scorer's name (`scores[].name`, or the legacy `scorer.name`), when the log gives one. */
  scorer: string | null;
}

function nameOf(value: unknown): string | null {
  return isObject(value) && typeof value.name === 'string' && value.name !== '' ? value.name : null;
}

/** The three results shapes, told apart by keys (not by version). */
function metricGroups(results: JsonObject): MetricGroup[] {
  for (const shape of ['scores', 'scorers'] as const) {
    const list = results[shape];
    if (Array.isArray(list)) {
      return list.map((score, i) => ({
        pointer: `/results/${shape}/${i}/metrics`,
        metrics: isObject(score) ? score.metrics : undefined,
        scorer: nameOf(score),
      }));
    }
  }
  if (isObject(results.metrics))
    return [
      { pointer: '/results/metrics', metrics: results.metrics, scorer: nameOf(results.scorer) },
    ];
  return [];
}

function runStatus(
  header: JsonObject,
  completed: number | null,
  total: number | null,
  warnings: string[],
): RunStatus {
  const raw = header.status;
  let status: RunStatus;
  if (raw === 'success') {
    status = 'success';
    if (completed !== null && total !== null && completed < total) {
      warnings.push(
        `the log says success but only ${completed} of ${total} samples completed; treated as partial`,
      );
      status = 'partial';
    }
  } else if (raw === 'cancelled' || raw === 'error' || raw === 'started') status = raw;
  else {
    warnings.push(`status ${quote(raw)} is not an Inspect run status; treated as error`);
    status = 'error';
  }
  if (header.invalidated === true) {
    warnings.push('the log is marked invalidated; treated as status error');
    status = 'error';
  }
  return status;
}

export function inspectRecordsFromHeader(
  header: unknown,
  ctx: InspectHeaderContext,
): EvidenceRecord[] {
  const { file, pointerPrefix } = ctx;
  const where = (pointer: string): { line?: number; column?: number; key: string } => {
    const position = ctx.locate?.(pointer);
    return { ...position, key: pointerPrefix + pointer };
  };
  if (!isObject(header)) {
    throw new InputError(
      'inspect-shape',
      'the Inspect log is not a JSON object',
      {
        file,
        ...where(''),
      },
      'commit the log exactly as Inspect wrote it (`inspect log convert` can rewrite an old or damaged log)',
    );
  }
  const version = header.version;
  if (!SUPPORTED_INSPECT_VERSIONS.some((v) => v === version)) {
    const said =
      version === undefined
        ? 'the log has no version field'
        : `unsupported Inspect log version ${quote(version)}`;
    throw new InputError(
      'inspect-version',
      `${said}; rsp-gate reads versions 1–3`,
      { file, ...where('/version') },
      'the log was written by an Inspect release rsp-gate does not know; check for an rsp-gate update',
    );
  }
  const evalSpec = header.eval;
  if (!isObject(evalSpec)) {
    throw new InputError(
      'inspect-shape',
      'the Inspect log has no eval object',
      {
        file,
        ...where('/eval'),
      },
      'commit the log exactly as Inspect wrote it (`inspect log convert` can rewrite an old or damaged log)',
    );
  }
  const taskKey = ['task', 'task_registry_name', 'task_display_name'].find(
    (key) => typeof evalSpec[key] === 'string' && (evalSpec[key] as string).trim() !== '',
  );
  if (taskKey === undefined) {
    throw new InputError(
      'inspect-shape',
      'the Inspect log names no task (eval.task)',
      {
        file,
        ...where('/eval'),
      },
      'commit the log exactly as Inspect wrote it (`inspect log convert` can rewrite an old or damaged log)',
    );
  }
  const benchmark = evalSpec[taskKey] as string;
  const model = typeof evalSpec.model === 'string' && evalSpec.model !== '' ? evalSpec.model : null;

  const common: string[] = [];
  const date = normaliseInspectDate(evalSpec.created, common);
  const results = isObject(header.results) ? header.results : null;
  const n = count(results?.completed_samples);
  const nIntended = count(results?.total_samples);
  const status = runStatus(header, n, nIntended, common);
  if (!results) return [];

  const records: EvidenceRecord[] = [];
  for (const group of metricGroups(results)) {
    if (!isObject(group.metrics)) continue;
    const metrics = group.metrics;
    const valueOf = (key: string): unknown =>
      isObject(metrics[key]) ? (metrics[key] as JsonObject).value : undefined;
    const stderrKey = STDERR_METRICS.find((key) => Object.hasOwn(metrics, key));
    const stderrWarnings: string[] = [];
    const stderr =
      stderrKey === undefined ? null : finiteOrWarn(valueOf(stderrKey), stderrKey, stderrWarnings);
    for (const key of Object.keys(metrics)) {
      if (STDERR_METRICS.includes(key)) continue;
      const warnings = [...common];
      const value = finiteOrWarn(valueOf(key), key, warnings);
      const pointer = `${group.pointer}/${pointerToken(key)}/value`;
      records.push({
        file,
        pointer: pointerPrefix + pointer,
        line: ctx.locate ? ctx.locate(pointer).line : null,
        format: ctx.format,
        model,
        benchmark,
        metric: key,
        filter: null,
        scorer: group.scorer,
        value,
        scale: 'unknown',
        stderr,
        n,
        n_intended: nIntended,
        date,
        status,
        warnings: [...warnings, ...stderrWarnings],
      });
    }
  }
  return records;
}
