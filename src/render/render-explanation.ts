/** `rsp-gate explain MODEL`: every condition, every record and every reason for one model. */
import type {
  AlertResult,
  ConditionResult,
  DecisionRecord,
  ModelDecision,
} from '../core/decision.js';
import type { Policy } from '../policy/types.js';
import { levelChange, location, signedAhead } from './summarise.js';
import { symbol } from '../core/conditions.js';

/** One judged condition: its test, the value and margin, where it was read, and why. */
function conditionLines(e: ConditionResult): string[] {
  const value = e.value === null ? 'no value' : String(e.value);
  const margin = e.margin === null ? '' : `, margin ${e.margin >= 0 ? '+' : ''}${e.margin}`;
  return [
    `    ${e.holds ? '✓' : '·'} ${e.rule.padEnd(9)} ${e.benchmark} ${e.metric}${e.scorer ? ` (scorer ${e.scorer})` : ''} ${symbol(e.op)} ${e.threshold} [${e.provenance ?? 'unlabelled'}; policy ${e.policy_file}:${e.policy_line}] → ${value}${margin}${e.file ? ` at ${location(e.file, e.line)} (${[e.source, e.status].filter(Boolean).join(', ')})` : ''}`,
    `        ${e.note}`,
  ];
}

/** A threshold's alert: reached or not, and whether its signed response is there. */
function alertLines(alert: AlertResult): string[] {
  const report = `report: ${alert.report} signed by ${alert.signers.join(' and ')}`;
  const status =
    alert.status === 'not_reached'
      ? 'not reached'
      : alert.status === 'satisfied'
        ? `reached; response ${report} at ${location(alert.file, alert.line)}`
        : `reached; response ${report} is missing`;
  return [
    `    alert: ${status} (an alert does not raise the level)`,
    ...alert.conditions.flatMap((c) => conditionLines(c).map((l) => `  ${l}`)),
  ];
}

/** How a sign-off stands in time: expired, dated after today (never valid), and until when. */
function signoffLapse(s: ModelDecision['signoffs'][number], evaluatedAt: string): string {
  if (signedAhead(s, evaluatedAt)) return ' — dated after today, not counted';
  return `${s.status === 'expired' ? ' — expired' : ''}${s.expires ? `, valid until ${s.expires}` : ''}`;
}

export function renderExplanation(
  record: DecisionRecord,
  model: ModelDecision,
  policy: Policy,
): string {
  const out: string[] = [];
  out.push(`${model.id} — ${model.card}:${model.line}`);
  out.push(
    `policy ${record.policy.source}${record.policy.extends ? ` (extends ${record.policy.extends})` : ''}, evaluated ${record.evaluated_at}`,
  );
  out.push(
    `deployment ${levelChange(model.levels.deployment, model.base_levels?.deployment)}, security ${levelChange(model.levels.security, model.base_levels?.security)} (baseline ${policy.baseline})`,
  );
  if (model.declared)
    out.push(
      `declared deployment ${model.declared.deployment}, security ${model.declared.security} (the level is the higher of declared and required by the thresholds)`,
    );
  out.push('', `Thresholds (${model.thresholds.length}):`);
  for (const t of model.thresholds) {
    const requires = Object.entries(t.requires)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    out.push(`  ${t.id} → ${t.status} (requires ${requires})`, `    ${t.summary}`);
    for (const e of [...t.evidence, ...t.review]) out.push(...conditionLines(e));
    if (t.decision)
      out.push(
        `    capability decision ${location(t.decision.file, t.decision.line)} approved by ${t.decision.approved_by.join(', ')}`,
      );
    if (t.alert) out.push(...alertLines(t.alert));
  }
  out.push('', `Required safeguards (${model.safeguards.length}):`);
  for (const s of model.safeguards) {
    out.push(
      `  ${s.status === 'satisfied' ? '✓' : '✗'} ${s.level} ${s.kind} ${s.id}: ${s.title} — ${s.status}; ${s.note}`,
    );
  }
  if (model.signoffs.length)
    out.push(
      '',
      'Sign-offs:',
      ...model.signoffs.map(
        (s) =>
          `  ${s.status === 'satisfied' ? '✓' : '✗'} ${s.level} ${s.role}${s.by ? ` by @${s.by} (${s.via}${s.date ? ` of ${s.date}` : ''})` : ''}${signoffLapse(s, record.evaluated_at)}`,
      ),
    );
  out.push(
    '',
    'Triggers:',
    ...model.triggers.map((t) => `  ${t.id}: ${t.status.replace('_', ' ')} — ${t.why}`),
  );
  out.push(
    '',
    `Evidence: ${model.evidence.records} records from ${model.evidence.files.length} files`,
    ...model.evidence.files.map((f) => `  ${f}`),
  );
  const reasons = record.reasons.filter((r) => r.model === model.id);
  if (reasons.length)
    out.push(
      '',
      'Reasons:',
      ...reasons.map(
        (r) =>
          `  [${r.severity}] ${r.code}: ${r.message}${r.file ? ` (${location(r.file, r.line)})` : ''}`,
      ),
    );
  return `${out.join('\n')}\n`;
}
