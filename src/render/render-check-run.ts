/**
 * The check run: a title a reviewer reads in the merge box, the comment as the summary, every
 * threshold and reason as the detail, and annotations at the evidence and error lines.
 * Pure; owns the check run's size limits.
 */
import type { DecisionRecord } from '../core/decision.js';
import type { Annotation, CheckRunOutput } from '../github/port.js';
import { renderMarkdown, type MarkdownOptions } from './render-markdown.js';
import {
  blockingReasons,
  countSatisfied,
  isModelBlocked,
  location,
  passedModels,
} from './summarise.js';

export const MAX_CHECK_TEXT = 65_535;
export const MAX_ANNOTATIONS = 500;
export const ANNOTATIONS_PER_REQUEST = 50;

function clip(text: string, limit: number, note: string): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit - note.length - 1)}\n${note}`;
}

export function checkRunTitle(record: DecisionRecord): string {
  const blocked = record.models.filter((m) => isModelBlocked(record, m));
  const verdict =
    record.decision === 'pass'
      ? 'Pass'
      : record.mode === 'advisory'
        ? 'Would block (advisory)'
        : 'Blocked';
  if (blocked.length === 0) {
    return record.decision === 'pass'
      ? `${verdict}: ${passedModels(record)}`
      : `${verdict}: ${blockingReasons(record)[0]?.message ?? 'see details'}`.slice(0, 200);
  }
  const parts = blocked.map((m) => {
    const { satisfied, total } = countSatisfied(m);
    const level =
      m.levels.deployment === m.levels.security
        ? m.levels.deployment
        : `${m.levels.deployment}/${m.levels.security}`;
    return `${m.id} at ${level}, ${total - satisfied} of ${total} safeguards open`;
  });
  return `${verdict}: ${parts.join('; ')}`.slice(0, 200);
}

function detail(record: DecisionRecord): string {
  const lines: string[] = [];
  for (const m of record.models) {
    lines.push(`## ${m.id} — deployment ${m.levels.deployment}, security ${m.levels.security}`, '');
    lines.push('| threshold | status | summary |', '|---|---|---|');
    for (const t of m.thresholds)
      lines.push(
        `| ${t.id} | ${t.status.replace(/_/g, ' ')} | ${t.summary.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`,
      );
    lines.push('', '| safeguard | level | status | note |', '|---|---|---|---|');
    for (const s of m.safeguards)
      lines.push(
        `| ${s.id} | ${s.level} ${s.kind} | ${s.status} | ${s.note.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`,
      );
    lines.push('');
  }
  if (record.reasons.length) {
    lines.push('## Reasons', '');
    for (const r of record.reasons)
      lines.push(
        `- **${r.severity}** \`${r.code}\` ${r.message.replace(/\n/g, ' ')}${r.file ? ` (${location(r.file, r.line)})` : ''}`,
      );
  }
  return lines.join('\n');
}

export function renderCheckRun(
  record: DecisionRecord,
  options: MarkdownOptions = {},
  /** Markdown put before the summary (which pull requests the check speaks for). */
  preface = '',
): CheckRunOutput {
  const summary =
    preface + renderMarkdown(record, options).replace(/^<!-- rsp-gate:comment -->\n/, '');
  return {
    title: checkRunTitle(record),
    summary: clip(
      summary,
      MAX_CHECK_TEXT,
      '_…shortened: the full record is in the workflow run’s `record` output._',
    ),
    text: clip(
      detail(record),
      MAX_CHECK_TEXT,
      '_…shortened: the full record is in the workflow run’s `record` output._',
    ),
  };
}

/** Annotations at the lines of blocking problems, review flags and deciding evidence. */
export function checkRunAnnotations(record: DecisionRecord): Annotation[] {
  const out: Annotation[] = [];
  const seen = new Set<string>();
  const add = (a: Annotation) => {
    const key = `${a.path}:${a.start_line}:${a.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(a);
    }
  };
  const level = { block: 'failure', review: 'warning', info: 'notice' } as const;
  for (const r of record.reasons) {
    if (
      r.file === null ||
      r.line === null ||
      r.code.startsWith('safeguard-') ||
      r.code === 'signoff-missing'
    )
      continue;
    add({
      path: r.file,
      start_line: r.line,
      end_line: r.line,
      annotation_level: level[r.severity],
      title: `rsp-gate: ${r.code}`,
      message: r.message.slice(0, 64_000),
    });
  }
  for (const m of record.models) {
    const open = m.safeguards.filter((s) => s.status !== 'satisfied');
    const signoffs = m.signoffs.filter((s) => s.status === 'missing');
    if (open.length === 0 && signoffs.length === 0) continue;
    add({
      path: m.card,
      start_line: m.line,
      end_line: m.line,
      annotation_level: 'failure',
      title: `rsp-gate: ${m.id} needs ${open.length} safeguard${open.length === 1 ? '' : 's'} and ${signoffs.length} sign-off${signoffs.length === 1 ? '' : 's'}`,
      message: [
        ...open.map((s) => `${s.id} (${s.status})`),
        ...signoffs.map((s) => `sign-off ${s.level} by ${s.role}`),
      ].join('\n'),
    });
  }
  return out.slice(0, MAX_ANNOTATIONS);
}

export function batches<T>(items: T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
