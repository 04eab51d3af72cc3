/** The decision for a terminal: a verdict per model, levels, reasons and what is missing. */
import type { DecisionRecord, ModelDecision, ThresholdStatus } from '../core/decision.js';
import {
  blockingReasons,
  countSatisfied,
  isModelBlocked,
  levelChange,
  location,
  reasonsFor,
  reviewFlags,
} from './summarise.js';

const STATUS_WORD: Record<ThresholdStatus, string> = {
  crossed: 'CROSSED',
  not_ruled_out: 'NOT RULED OUT',
  ruled_out: 'ruled out',
  cleared_by_decision: 'cleared',
};

function renderModel(record: DecisionRecord, model: ModelDecision, detail: boolean): string[] {
  const lines: string[] = [];
  const blocked = isModelBlocked(record, model);
  lines.push(`${blocked ? '✗ BLOCKED' : '✓ pass'}  ${model.id}  (${model.card})`);
  lines.push(
    `    deployment ${levelChange(model.levels.deployment, model.base_levels?.deployment)}   security ${levelChange(model.levels.security, model.base_levels?.security)}`,
  );
  for (const t of model.thresholds) {
    if (!detail && t.status === 'ruled_out') continue;
    lines.push(
      `    ${t.id.padEnd(10)} ${STATUS_WORD[t.status].padEnd(13)} ${t.summary.replace(/^[a-z ]+: /, '')}`,
    );
  }
  const ruledOut = model.thresholds.filter((t) => t.status === 'ruled_out').map((t) => t.id);
  if (!detail && ruledOut.length > 0) lines.push(`    ruled out: ${ruledOut.join(', ')}`);
  const { satisfied, total } = countSatisfied(model);
  lines.push(`    safeguards: ${satisfied} of ${total} confirmed`);
  for (const s of model.safeguards) {
    if (s.status === 'satisfied' && !detail) continue;
    const mark = s.status === 'satisfied' ? '✓' : '✗';
    const state = s.status === 'satisfied' ? s.note : `${s.status}: ${s.note}`;
    lines.push(`      ${mark} ${s.id} — ${s.title} · ${state}`);
  }
  for (const s of model.signoffs) {
    lines.push(
      `    sign-off ${s.level} by ${s.role}: ${s.status === 'satisfied' ? `✓ @${s.by} (${s.via})` : `✗ ${s.status}`}${s.expires ? `, valid until ${s.expires}` : ''}`,
    );
  }
  for (const t of model.triggers) {
    if (!t.fired && !detail) continue;
    const state =
      t.status === 'not_fired'
        ? 'not fired'
        : t.status === 'satisfied'
          ? `fired, ${t.requires_attestation} attested`
          : `fired, ${t.requires_attestation} MISSING`;
    lines.push(`    trigger ${t.id}: ${state} (${t.why})`);
  }
  const own = reasonsFor(record, model).filter(
    (r) => r.severity !== 'block' && !r.code.startsWith('threshold-'),
  );
  for (const r of own)
    lines.push(
      `    ${r.severity === 'review' ? 'review' : 'note'}: ${r.message}${r.file ? ` [${location(r.file, r.line)}]` : ''}`,
    );
  return lines;
}

export function renderText(record: DecisionRecord, options: { detail?: boolean } = {}): string {
  const detail = options.detail ?? false;
  const blocking = blockingReasons(record);
  const verdict =
    record.decision === 'pass'
      ? 'PASS'
      : record.mode === 'advisory'
        ? 'WOULD BLOCK (advisory mode)'
        : 'BLOCKED';
  const out: string[] = [];
  const extendsNote = record.policy.extends ? ` (extends preset ${record.policy.extends})` : '';
  out.push(
    `rsp-gate: ${verdict} — ${record.models.length} model${record.models.length === 1 ? '' : 's'}, policy ${record.policy.source}${extendsNote}`,
  );
  out.push('');
  for (const model of record.models) out.push(...renderModel(record, model, detail), '');
  const general = record.reasons.filter((r) => r.model === undefined && r.severity !== 'block');
  for (const r of general)
    out.push(`note: ${r.message}${r.file ? ` [${location(r.file, r.line)}]` : ''}`);
  if (blocking.length > 0) {
    out.push(`Blocking (${blocking.length}):`);
    const listedAbove = (code: string) =>
      code.startsWith('safeguard-') || code === 'signoff-missing';
    for (const model of record.models) {
      const open = blocking.filter((r) => r.model === model.id && listedAbove(r.code));
      const safeguards = open.filter((r) => r.code !== 'signoff-missing').length;
      const signoffs = open.length - safeguards;
      if (open.length > 0)
        out.push(
          `  ${model.id}: ${safeguards} safeguard${safeguards === 1 ? '' : 's'} and ${signoffs} sign-off${signoffs === 1 ? '' : 's'} outstanding (listed above)`,
        );
    }
    for (const r of blocking.filter((r) => !listedAbove(r.code))) {
      out.push(`  ${location(r.file, r.line) || '(repository)'}: ${r.message}`);
    }
  }
  const flags = reviewFlags(record);
  if (flags.length > 0)
    out.push(
      `Review flags (${flags.length}), not blocking:`,
      ...flags.map((r) => `  ${location(r.file, r.line)}: ${r.message}`),
    );
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
