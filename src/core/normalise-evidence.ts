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

function onScale(
  benchmark: Benchmark,
  record: EvidenceRecord,
): Pick<BoundRecord, 'value' | 'error' | 'notes'> {
  const raw = record.value;
  if (raw === null) return { value: null, error: null, notes: [] };
  const declared = benchmark.scale;
  const written = record.scale;
  if (declared === 'fraction' && written === 'percent') {
    return {
      value: raw / 100,
      error: null,
      notes: [`${raw}% read as ${raw / 100} on the fraction scale`],
    };
  }
  if (declared === 'percent' && written === 'fraction') {
    return {
      value: raw * 100,
      error: null,
      notes: [`${raw} (fraction) read as ${raw * 100}% on the percent scale`],
    };
  }
  if (declared === 'fraction' && (raw < 0 || raw > 1)) {
    return {
      value: null,
      error: `value ${raw} is outside the fraction scale [0, 1] declared for ${benchmark.id}; if the file is in percent, declare \`scale: percent\` for this benchmark or write the value as a fraction`,
      notes: [],
    };
  }
  if (declared === 'percent' && (raw < 0 || raw > 100)) {
    return {
      value: null,
      error: `value ${raw} is outside the percent scale [0, 100] declared for ${benchmark.id}`,
      notes: [],
    };
  }
  return { value: raw, error: null, notes: [] };
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
