/**
 * Judge policy conditions against bound evidence.
 *
 * Rule-in: any record with a value proves presence, whatever its status or age.
 * Rule-out: needs fresh, successful, logged evidence, and every such record must hold.
 */
import type { ConditionResult, Rule } from './decision.js';
import { metricNames, type BoundRecord } from './normalise-evidence.js';
import type { Comparator, Condition, EvidenceCondition, Policy } from '../policy/types.js';

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
  policy: Pick<Policy, 'benchmarks'>;
  records: BoundRecord[];
  now: Date;
  maxAgeDays: number | null;
}

/** Why a record cannot rule a threshold out, or null when it can. */
export function unfitToRuleOut(
  bound: BoundRecord,
  now: Date,
  maxAgeDays: number | null,
): string | null {
  const { record } = bound;
  if (bound.value === null) return bound.error ?? 'no value';
  if (record.status === 'reported') return 'self-reported in a model card, not a run';
  if (record.status !== 'success') return `run status is ${record.status}`;
  if (maxAgeDays !== null) {
    if (record.date === null)
      return `undated, so it cannot be shown fresher than ${maxAgeDays} days`;
    const ageDays = (now.getTime() - Date.parse(record.date)) / 86_400_000;
    if (!(ageDays <= maxAgeDays))
      return `stale: ${Math.floor(ageDays)} days old, limit ${maxAgeDays}`;
  }
  return null;
}

function matching(condition: EvidenceCondition, ctx: JudgeContext): BoundRecord[] {
  const benchmark = ctx.policy.benchmarks.get(condition.benchmark)!;
  const metrics = metricNames(benchmark, condition.metric);
  return ctx.records.filter(
    (b) =>
      b.benchmark.id === benchmark.id &&
      b.record.metric !== null &&
      metrics.has(b.record.metric.toLowerCase()),
  );
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
    op: condition.op,
    threshold: condition.value,
    provenance: condition.provenance,
    holds,
    value,
    margin: value === null ? null : Number((value - condition.value).toPrecision(12)),
    file: bound?.record.file ?? null,
    line: bound?.record.line ?? null,
    pointer: bound?.record.pointer ?? null,
    status: bound?.record.status ?? null,
    note,
    policy_file: condition.where.file,
    policy_line: condition.where.line,
  };
}

function judgeLeaf(condition: EvidenceCondition, rule: Rule, ctx: JudgeContext): ConditionResult {
  const benchmark = ctx.policy.benchmarks.get(condition.benchmark)!;
  const metric = condition.metric ?? benchmark.metric;
  const test = `${condition.benchmark} ${metric} ${symbol(condition.op)} ${describeValue(condition.value)}`;
  const records = matching(condition, ctx);
  const withValue = records.filter((b) => b.value !== null);
  const finish = (r: ConditionResult) => ({ ...r, metric });

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
          : `no evidence for ${condition.benchmark}`;
    return finish(leafResult(condition, rule, false, shown, note));
  }

  const fit = records.filter((b) => unfitToRuleOut(b, ctx.now, ctx.maxAgeDays) === null);
  if (fit.length === 0) {
    const unfit = records[0];
    const note = unfit
      ? `cannot rule out with ${unfit.record.file}: ${unfitToRuleOut(unfit, ctx.now, ctx.maxAgeDays)}`
      : `no evidence for ${condition.benchmark}: cannot rule out`;
    return finish(leafResult(condition, rule, false, unfit ?? null, note));
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
