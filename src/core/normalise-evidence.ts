/**
 * Bind raw evidence records to the policy's benchmarks: resolve aliases, keep only the records
 * whose metric some condition reads, and put their values on the benchmark's declared scale.
 *
 * A task reports many metrics (`lambada_openai` has `perplexity` next to `acc`); only the ones a
 * condition reads are evidence for that benchmark. The others are never scale-checked, compared
 * or shown, and never block. Scale is never guessed: a value outside the declared scale is an
 * error on that record.
 */
import type { EvidenceRecord } from './evidence.js';
import type { Benchmark, Condition, EvidenceCondition, Policy } from '../policy/types.js';

/** Metric spellings that mean the same thing across harnesses. */
const METRIC_SYNONYMS: readonly (readonly string[])[] = [['accuracy', 'acc']];

/** Metrics that are neither fractions nor percentages, for a scale error's hint. */
const UNBOUNDED_METRICS =
  /perplexity|bits_per_byte|bpb|loss|^mae$|^mse$|^rmse$|^ratio$|^count$|^total$|^tokens?$/i;

/** What a condition (or a benchmark by default) reads: a metric, optionally one filter and scorer. */
export interface Reading {
  /** `acc` or `exact_match,strict-match`, as written in the policy. */
  label: string;
  /** Lower-case metric names, synonyms included. */
  names: Set<string>;
  /** One lm-eval filter, or null for every filter. */
  filter: string | null;
  /** One Inspect scorer, or null for every scorer. */
  scorer: string | null;
  /**
   * True when this reads the benchmark's own metric, so that a record naming no metric (Hub
   * `.eval_results`: the benchmark's primary score) speaks to it.
   */
  primary: boolean;
}

export interface BoundRecord {
  record: EvidenceRecord;
  benchmark: Benchmark;
  /** On the benchmark's scale; null when the record has no usable value. */
  value: number | null;
  /** Why the value is unusable, when it is (scale violation). */
  error: string | null;
  /** Coercions made here, added to the record's own warnings. */
  notes: string[];
}

export interface BoundEvidence {
  /** Records whose metric some condition of the policy reads, on their benchmark's scale. */
  bound: BoundRecord[];
  /** Every record whose task resolves to a policy benchmark, by benchmark id, whatever its metric. */
  byBenchmark: Map<string, EvidenceRecord[]>;
}

export function createBenchmarkIndex(policy: Pick<Policy, 'benchmarks'>): Map<string, Benchmark> {
  const index = new Map<string, Benchmark>();
  for (const benchmark of policy.benchmarks.values()) {
    for (const name of [benchmark.id, ...benchmark.aliases])
      index.set(name.toLowerCase(), benchmark);
  }
  return index;
}

/** `exact_match,strict-match` → metric `exact_match`, filter `strict-match` (lm-eval splits at the first comma). */
export function splitMetric(text: string): { metric: string; filter: string | null } {
  const comma = text.indexOf(',');
  return comma < 0
    ? { metric: text, filter: null }
    : { metric: text.slice(0, comma), filter: text.slice(comma + 1) };
}

function withSynonyms(name: string): string[] {
  const lower = name.toLowerCase();
  const group = METRIC_SYNONYMS.find((g) => g.includes(lower));
  return group ? [...group] : [lower];
}

/** The readings of a benchmark's own metric and its aliases (each may name a filter). */
function defaultReadings(benchmark: Benchmark, scorer: string | null): Reading[] {
  return [benchmark.metric, ...benchmark.metricAliases].map((text) => {
    const { metric, filter } = splitMetric(text);
    return { label: text, names: new Set(withSynonyms(metric)), filter, scorer, primary: true };
  });
}

/** What one condition reads: its own metric, else the benchmark's metric and metric aliases. */
export function conditionReadings(benchmark: Benchmark, condition: EvidenceCondition): Reading[] {
  const scorer = condition.scorer ?? benchmark.scorer;
  if (condition.metric === null) return defaultReadings(benchmark, scorer);
  const { metric, filter } = splitMetric(condition.metric);
  const names = new Set(withSynonyms(metric));
  const primary = defaultReadings(benchmark, null).some(
    (d) =>
      (d.filter ?? '').toLowerCase() === (filter ?? '').toLowerCase() &&
      [...names].some((n) => d.names.has(n)),
  );
  return [{ label: condition.metric, names, filter, scorer, primary }];
}

/**
 * The metric and filter a record reports. Only lm-eval keys carry a filter of their own; a native
 * file or a card that writes `exact_match,strict-match` as its metric means the same thing.
 */
function metricOf(record: EvidenceRecord): { metric: string | null; filter: string | null } {
  if (record.metric === null || record.filter !== null) return record;
  return splitMetric(record.metric);
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Whether a record speaks to any of these readings. A filter or a scorer narrows only among the
 * records that have one (lm-eval filters, Inspect scorers): a record from a format without them
 * still speaks to the metric, so naming a scorer never hides an lm-eval or native result.
 */
export function readsRecord(readings: readonly Reading[], record: EvidenceRecord): boolean {
  const { metric, filter } = metricOf(record);
  return readings.some((r) => {
    if (r.scorer !== null && record.scorer !== null && !same(r.scorer, record.scorer)) return false;
    if (metric === null) return r.primary;
    if (!r.names.has(metric.toLowerCase())) return false;
    return r.filter === null || filter === null || same(r.filter, filter);
  });
}

/** How a record's metric is shown: `acc`, `exact_match,strict-match`, `accuracy` (scorer `match`). */
export function metricLabel(record: EvidenceRecord): string {
  const { metric: name, filter } = metricOf(record);
  const metric =
    name === null
      ? '(no metric named)'
      : filter !== null && filter.toLowerCase() !== 'none'
        ? `${name},${filter}`
        : name;
  return record.scorer !== null ? `${metric} (scorer ${record.scorer})` : metric;
}

function evidenceConditions(conditions: Condition[], out: EvidenceCondition[]): void {
  for (const c of conditions) {
    if (c.type === 'evidence') out.push(c);
    else evidenceConditions(c.items, out);
  }
}

const readingsCache = new WeakMap<object, Map<string, Reading[]>>();

/** Per benchmark id, everything some condition of the policy reads from it. */
function policyReadings(policy: Pick<Policy, 'benchmarks' | 'thresholds'>): Map<string, Reading[]> {
  const cached = readingsCache.get(policy);
  if (cached) return cached;
  const conditions: EvidenceCondition[] = [];
  for (const t of policy.thresholds)
    evidenceConditions([...t.ruleIn, ...t.ruleOut, ...t.reviewIf], conditions);
  const readings = new Map<string, Reading[]>();
  for (const c of conditions) {
    const benchmark = policy.benchmarks.get(c.benchmark);
    if (!benchmark) continue;
    readings.set(benchmark.id, [
      ...(readings.get(benchmark.id) ?? []),
      ...conditionReadings(benchmark, c),
    ]);
  }
  readingsCache.set(policy, readings);
  return readings;
}

/** Scale conversion without binary noise: 0.57 × 100 is 57, not 56.99999999999999. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

const RANGE: Partial<Record<Benchmark['scale'], [number, number]>> = {
  fraction: [0, 1],
  percent: [0, 100],
};

/** A hint that fits the metric and the value: a perplexity is not a percentage. */
function scaleHint(benchmark: Benchmark, record: EvidenceRecord, value: number): string {
  const metric = record.metric ?? '';
  if (UNBOUNDED_METRICS.test(metric))
    return `; \`${metric}\` is not a fraction or a percent: read it through a benchmark declared with \`scale: unbounded\``;
  if (value < 0) return '; a negative value is neither a fraction nor a percent';
  if (record.metric === null)
    return `; the file names no scale: declare \`reported_scale: percent\` for ${benchmark.id} if its values are percentages`;
  if (benchmark.scale === 'fraction' && record.scale !== 'percent' && value <= 100)
    return '; if the file is in percent, declare `scale: percent` for this benchmark or write the value as a fraction';
  if (benchmark.scale === 'percent')
    return `; a percent goes up to 100: if \`${metric}\` is a count or a score without bound, declare \`scale: unbounded\``;
  return '';
}

/** The scale a record's value is written on: what the file says, or the policy's declaration. */
function writtenScale(
  benchmark: Benchmark,
  record: EvidenceRecord,
): { scale: EvidenceRecord['scale']; declared?: boolean } | { error: string } {
  // A value that names neither metric nor scale (Hub `.eval_results`): the policy must say which.
  if (record.metric === null && record.scale === 'unknown' && benchmark.scale !== 'unbounded') {
    if (benchmark.reportedScale !== null) return { scale: benchmark.reportedScale, declared: true };
    const value = record.value!;
    if (value >= 0 && value <= 1)
      return {
        error: `value ${value} names no scale and could be a fraction or a percent; declare \`reported_scale: fraction\` or \`reported_scale: percent\` for ${benchmark.id}`,
      };
  }
  return { scale: record.scale };
}

function onScale(
  benchmark: Benchmark,
  record: EvidenceRecord,
): Pick<BoundRecord, 'value' | 'error' | 'notes'> {
  const raw = record.value;
  if (raw === null) return { value: null, error: null, notes: [] };
  // Readers turn non-finite numbers into null; this keeps a reader bug from ruling anything in or out.
  if (!Number.isFinite(raw))
    return { value: null, error: `value ${raw} is not a finite number`, notes: [] };
  const declared = benchmark.scale;
  const scale = writtenScale(benchmark, record);
  if ('error' in scale) return { value: null, error: scale.error, notes: [] };
  const written = scale.scale;
  // A file that says its value has no [0, 1] or [0, 100] bound (an Every Eval Ever score on
  // [0, 5], a native result marked unbounded) is not on a fraction or percent benchmark's scale.
  if (written === 'unbounded' && declared !== 'unbounded')
    return {
      value: null,
      error: `value ${raw} is declared unbounded (or on bounds other than [0, 1] and [0, 100]) by its file, not on the ${declared} scale declared for ${benchmark.id}; read it through a benchmark declared with \`scale: unbounded\``,
      notes: [],
    };
  let value = raw;
  const notes: string[] = [];
  if (scale.declared)
    notes.push(
      written === 'percent' && raw >= 0 && raw <= 1
        ? `the file names no scale: ${raw} read as ${raw}% by the \`reported_scale: percent\` declared for ${benchmark.id}; if the file meant a fraction (${tidy(raw * 100)}%), this misreads it`
        : `the file names no scale: ${raw} read on the \`reported_scale: ${written}\` declared for ${benchmark.id}`,
    );
  if (declared === 'fraction' && written === 'percent') {
    value = tidy(raw / 100);
    notes.push(`${raw}% read as ${value} on the fraction scale`);
  } else if (declared === 'percent' && written === 'fraction') {
    value = tidy(raw * 100);
    notes.push(`${raw} (fraction) read as ${value}% on the percent scale`);
  }
  // The range is checked after any conversion: 150% is no more a fraction than 1.5 is.
  const range = RANGE[declared];
  if (range && (value < range[0] || value > range[1])) {
    const shown = written === 'percent' ? `${raw}%` : String(raw);
    const of = record.metric === null ? '' : ` of \`${metricLabel(record)}\``;
    return {
      value: null,
      error: `value ${shown}${of} is outside the ${declared} scale [${range[0]}, ${range[1]}] declared for ${benchmark.id}${scaleHint(benchmark, record, raw)}`,
      notes,
    };
  }
  return { value, error: null, notes };
}

/**
 * The records that speak to the policy's conditions, on their benchmark's scale, and every
 * record of each policy benchmark (so a condition can say which metrics a file does have).
 */
export function bindEvidence(
  records: EvidenceRecord[],
  policy: Pick<Policy, 'benchmarks' | 'thresholds'>,
  index: Map<string, Benchmark> = createBenchmarkIndex(policy),
): BoundEvidence {
  const readings = policyReadings(policy);
  const bound: BoundRecord[] = [];
  const byBenchmark = new Map<string, EvidenceRecord[]>();
  for (const record of records) {
    const benchmark = index.get(record.benchmark.toLowerCase());
    if (!benchmark) continue;
    const list = byBenchmark.get(benchmark.id);
    if (list) list.push(record);
    else byBenchmark.set(benchmark.id, [record]);
    if (!readsRecord(readings.get(benchmark.id) ?? [], record)) continue;
    bound.push({ record, benchmark, ...onScale(benchmark, record) });
  }
  return { bound, byBenchmark };
}
