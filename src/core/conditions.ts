/**
 * Judge policy conditions against bound evidence.
 *
 * Rule-in: any record with a value proves presence, whatever its status or age.
 * Rule-out: needs fresh, successful, logged evidence, and every such record must hold.
 */
import type { ConditionResult, Rule } from './decision.js';
import { sourceOf, type EvidenceRecord, type EvidenceSource } from './evidence.js';
import {
  conditionReadings,
  metricLabel,
  readsRecord,
  type BoundRecord,
} from './normalise-evidence.js';
import type {
  Benchmark,
  Comparator,
  Condition,
  EvidenceCondition,
  Policy,
  TooCloseBand,
} from '../policy/types.js';

const SYMBOL: Record<Comparator, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=' };

export function compare(value: number, op: Comparator, limit: number): boolean {
  switch (op) {
    case 'gt':
      return value > limit;
    case 'gte':
      return value >= limit;
    case 'lt':
      return value < limit;
    case 'lte':
      return value <= limit;
    case 'eq':
      return value === limit;
  }
}

export function symbol(op: Comparator): string {
  return SYMBOL[op];
}

export interface JudgeContext {
  policy: Pick<Policy, 'benchmarks' | 'evidence'>;
  records: BoundRecord[];
  /** Every record of each policy benchmark, whatever its metric (for "metric not found"). */
  byBenchmark: Map<string, EvidenceRecord[]>;
  now: Date;
  maxAgeDays: number | null;
}

/** Sources whose every record is a reported number; listing one in rule_out_from accepts them. */
const REPORTED_SOURCES: ReadonlySet<EvidenceSource> = new Set(['model-card', 'hf-eval-results']);

/** The sources whose records may rule out on a benchmark. */
export function ruleOutSources(
  policy: Pick<Policy, 'evidence'>,
  benchmark: Benchmark,
): readonly EvidenceSource[] {
  return benchmark.ruleOutFrom ?? policy.evidence.ruleOutFrom;
}

/** Why a record cannot rule a threshold out, or null when it can. */
export function unfitToRuleOut(
  bound: BoundRecord,
  policy: Pick<Policy, 'evidence'>,
  now: Date,
  maxAgeDays: number | null,
): string | null {
  const { record } = bound;
  if (bound.value === null) return bound.error ?? 'no value';
  const source = sourceOf(record.format);
  const accepted = ruleOutSources(policy, bound.benchmark);
  if (!accepted.includes(source)) {
    const list = accepted.length > 0 ? accepted.join(', ') : 'none';
    return `source \`${source}\` not accepted for rule-out by this policy (rule_out_from: ${list})`;
  }
  // A reported number has no run to check. It rules out only from a source that is nothing but
  // reported numbers (a card, the Hub's .eval_results) and that the policy lists by name; one
  // inside a source of runs (an Every Eval Ever record copied from documentation) never does.
  if (record.status === 'reported' && !REPORTED_SOURCES.has(source))
    return `a number reported without a run to check (${source} marks it as reported), so it cannot rule out`;
  if (record.status !== 'success' && record.status !== 'reported')
    return `run status is ${record.status}`;
  if (maxAgeDays !== null) {
    if (record.date === null)
      return `undated, so it cannot be shown fresher than ${maxAgeDays} days`;
    const ageDays = (now.getTime() - Date.parse(record.date)) / 86_400_000;
    if (!(ageDays <= maxAgeDays))
      return `stale: ${Math.floor(ageDays)} days old, limit ${maxAgeDays}`;
  }
  return null;
}

/**
 * The metrics a benchmark's files do report, for a condition none of whose records was found.
 * (A record the condition reads is always bound, so the benchmark's records are all other metrics.)
 */
function foundInstead(condition: EvidenceCondition, ctx: JudgeContext): string[] | null {
  const all = ctx.byBenchmark.get(condition.benchmark) ?? [];
  return all.length === 0 ? null : [...new Set(all.map(metricLabel))].sort();
}

function describeValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

function leafResult(
  condition: EvidenceCondition,
  rule: Rule,
  holds: boolean,
  bound: BoundRecord | null,
  note: string,
): ConditionResult {
  const benchmark = condition.benchmark;
  const value = bound?.value ?? null;
  return {
    rule,
    benchmark,
    metric: condition.metric ?? '',
    scorer: condition.scorer,
    op: condition.op,
    threshold: condition.value,
    provenance: condition.provenance,
    holds,
    too_close: false,
    value,
    margin: value === null ? null : Number((value - condition.value).toPrecision(12)),
    file: bound?.record.file ?? null,
    line: bound?.record.line ?? null,
    pointer: bound?.record.pointer ?? null,
    status: bound?.record.status ?? null,
    source: bound ? sourceOf(bound.record.format) : null,
    found_metrics: null,
    note,
    policy_file: condition.where.file,
    policy_line: condition.where.line,
  };
}

/** `metric \`acc\` not found for lambada_openai (found: acc_norm, perplexity)` */
function notFoundNote(
  condition: EvidenceCondition,
  metric: string,
  found: string[],
  ctx: JudgeContext,
): string {
  const names = [
    ...new Set((ctx.byBenchmark.get(condition.benchmark) ?? []).map((r) => r.benchmark)),
  ];
  const scorer = condition.scorer ?? ctx.policy.benchmarks.get(condition.benchmark)!.scorer;
  const read = scorer !== null ? `${metric}\` (scorer \`${scorer}\`)` : `${metric}\``;
  return `metric \`${read} not found for ${names.join(', ')} (found: ${found.join(', ')})`;
}

/** The band's width in the benchmark's units: `relative` is a fraction of |line|. */
function bandWidth(band: TooCloseBand, line: number): number {
  return band.kind === 'absolute' ? band.width : band.width * Math.abs(line);
}

/**
 * Whether a value that meets a rule-out line lies within the band of it. A distance that is not
 * a number (NaN) is never shown to clear the band, so it is too close: the gate fails closed.
 */
function tooCloseToRuleOut(value: number, condition: EvidenceCondition): boolean {
  const band = condition.tooClose;
  if (band === null) return false;
  const distance = Number(Math.abs(value - condition.value).toPrecision(12));
  const width = Number(bandWidth(band, condition.value).toPrecision(12));
  return !(distance > width);
}

/** `2.53 is within 0.3 of the rule-out line bio-uplift-trial ratio ≤ 2.8: too close to rule out` */
function tooCloseNote(value: number, condition: EvidenceCondition, test: string): string {
  const band = condition.tooClose!;
  const width = describeValue(bandWidth(band, condition.value));
  const within =
    band.kind === 'absolute'
      ? width
      : `${width} (${describeValue(band.width * 100)} % of the line)`;
  const label = band.provenance ? ` (${band.provenance} band)` : '';
  return `${describeValue(value)} is within ${within} of the rule-out line ${test}${label}: too close to rule out`;
}

function judgeLeaf(condition: EvidenceCondition, rule: Rule, ctx: JudgeContext): ConditionResult {
  const benchmark = ctx.policy.benchmarks.get(condition.benchmark)!;
  const metric = condition.metric ?? benchmark.metric;
  const test = `${condition.benchmark} ${metric} ${symbol(condition.op)} ${describeValue(condition.value)}`;
  const read = conditionReadings(benchmark, condition);
  const records = ctx.records.filter(
    (b) => b.benchmark.id === benchmark.id && readsRecord(read, b.record),
  );
  const withValue = records.filter((b) => b.value !== null);
  const finish = (r: ConditionResult): ConditionResult => ({ ...r, metric });
  const found = records.length === 0 ? foundInstead(condition, ctx) : null;
  const missing = (note: string) =>
    found === null ? note : notFoundNote(condition, metric, found, ctx);

  if (rule !== 'rule_out') {
    const hit = withValue.find((b) => compare(b.value!, condition.op, condition.value));
    if (hit)
      return finish(
        leafResult(condition, rule, true, hit, `${describeValue(hit.value!)} meets ${test}`),
      );
    const shown = withValue[0] ?? null;
    const note =
      shown !== null
        ? `${describeValue(shown.value!)} does not meet ${test}`
        : records.length > 0
          ? `no usable value for ${test} (${records[0]!.error ?? 'value missing'})`
          : missing(`no evidence for ${condition.benchmark}`);
    return finish({ ...leafResult(condition, rule, false, shown, note), found_metrics: found });
  }

  const unfit = (b: BoundRecord) => unfitToRuleOut(b, ctx.policy, ctx.now, ctx.maxAgeDays);
  const fit = records.filter((b) => unfit(b) === null);
  if (fit.length === 0) {
    const first = records[0];
    const note = first
      ? `cannot rule out with ${first.record.file}: ${unfit(first)}`
      : missing(`no evidence for ${condition.benchmark}`) + ': cannot rule out';
    return finish({
      ...leafResult(condition, rule, false, first ?? null, note),
      found_metrics: found,
    });
  }
  const failing = fit.find((b) => !compare(b.value!, condition.op, condition.value));
  if (failing) {
    return finish(
      leafResult(
        condition,
        rule,
        false,
        failing,
        `${describeValue(failing.value!)} does not meet ${test}`,
      ),
    );
  }
  const close = fit.find((b) => tooCloseToRuleOut(b.value!, condition));
  if (close) {
    const note = tooCloseNote(close.value!, condition, test);
    return finish({ ...leafResult(condition, rule, false, close, note), too_close: true });
  }
  const latest = [...fit].sort((a, b) =>
    (b.record.date ?? '').localeCompare(a.record.date ?? ''),
  )[0]!;
  const also = fit.length > 1 ? ` (all ${fit.length} fresh runs do)` : '';
  return finish(
    leafResult(
      condition,
      rule,
      true,
      latest,
      `${describeValue(latest.value!)} meets ${test}${also}`,
    ),
  );
}

/** Judge a condition tree; returns whether it holds and every leaf's result, in order. */
export function judge(
  condition: Condition,
  rule: Rule,
  ctx: JudgeContext,
): { holds: boolean; leaves: ConditionResult[] } {
  if (condition.type === 'evidence') {
    const leaf = judgeLeaf(condition, rule, ctx);
    return { holds: leaf.holds, leaves: [leaf] };
  }
  const parts = condition.items.map((item) => judge(item, rule, ctx));
  const holds = condition.type === 'all' ? parts.every((p) => p.holds) : parts.some((p) => p.holds);
  return { holds, leaves: parts.flatMap((p) => p.leaves) };
}
