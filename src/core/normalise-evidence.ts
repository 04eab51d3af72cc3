/**
 * Bind raw evidence records to the policy's benchmarks: resolve aliases, check the metric, and
 * put the value on the benchmark's declared scale. Scale is never guessed: a value outside the
 * declared scale is an error on that record.
 */
import type { EvidenceRecord } from './evidence.js';
import type { Benchmark, Policy } from '../policy/types.js';

/** Metric spellings that mean the same thing across harnesses. */
const METRIC_SYNONYMS: readonly (readonly string[])[] = [['accuracy', 'acc']];

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

export function createBenchmarkIndex(policy: Pick<Policy, 'benchmarks'>): Map<string, Benchmark> {
  const index = new Map<string, Benchmark>();
  for (const benchmark of policy.benchmarks.values()) {
    for (const name of [benchmark.id, ...benchmark.aliases])
      index.set(name.toLowerCase(), benchmark);
  }
  return index;
}

export function metricNames(benchmark: Benchmark, metric: string | null): Set<string> {
  const names = new Set<string>();
  const add = (name: string) => {
    names.add(name.toLowerCase());
    for (const group of METRIC_SYNONYMS)
      if (group.includes(name.toLowerCase())) group.forEach((n) => names.add(n));
  };
  if (metric !== null) add(metric);
  else [benchmark.metric, ...benchmark.metricAliases].forEach(add);
  return names;
}

/** Scale conversion without binary noise: 0.57 × 100 is 57, not 56.99999999999999. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

const RANGE: Partial<Record<Benchmark['scale'], [number, number]>> = {
  fraction: [0, 1],
  percent: [0, 100],
};

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
  const written = record.scale;
  let value = raw;
  const notes: string[] = [];
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
    const hint =
      declared === 'fraction' && written !== 'percent'
        ? '; if the file is in percent, declare `scale: percent` for this benchmark or write the value as a fraction'
        : '';
    return {
      value: null,
      error: `value ${shown} is outside the ${declared} scale [${range[0]}, ${range[1]}] declared for ${benchmark.id}${hint}`,
      notes,
    };
  }
  return { value, error: null, notes };
}

/** The records that speak to a policy benchmark, on its scale. Others are not evidence here. */
export function bindEvidence(
  records: EvidenceRecord[],
  index: Map<string, Benchmark>,
): BoundRecord[] {
  const bound: BoundRecord[] = [];
  for (const record of records) {
    const benchmark = index.get(record.benchmark.toLowerCase());
    if (!benchmark) continue;
    bound.push({ record, benchmark, ...onScale(benchmark, record) });
  }
  return bound;
}
