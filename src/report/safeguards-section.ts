/**
 * The report's Safeguards and sign-offs section: a timeline of every attestation (its date to its
 * expiry, its state by colour, shape and word), one chart per kind of attestation with a row per
 * attestation (scrolling), and the lists of what expires within 30, 60 and 90 days.
 */
import { attestationSpec, fitLabels, LONG_CHART_ROWS, renderChart } from './charts.js';
import { badge, esc, figure, scrollBox, table } from './html.js';
import type { AttestationRow, ReportData } from './report-data.js';

const KIND_TITLE: Record<string, string> = {
  safeguard: 'Safeguards',
  signoff: 'Sign-offs',
  decision: 'Threshold decisions',
  override: 'Overrides',
  report: 'Alert reports',
  declaration: 'Level declarations',
};

function attestationTable(rows: AttestationRow[], redacted: boolean): string {
  return table({
    head: [
      'model',
      'kind',
      'target',
      'state',
      'approved by',
      'date',
      'expires',
      'days left',
      'file',
    ],
    rows: rows.map((a) => [
      a.model === '*' ? '* (all models)' : a.model,
      a.kind,
      a.target,
      {
        raw: `${badge(a.state)}${a.notCounted ? ` not counted: ${esc(a.notCounted)}` : ''}`,
        sort: a.state,
      },
      a.approvedBy.length ? a.approvedBy.join(', ') : 'nobody',
      a.date,
      a.expires ?? 'never',
      a.daysLeft,
      redacted ? 'redacted' : a.file === null ? null : `${a.file}${a.line ? `:${a.line}` : ''}`,
    ]),
  });
}

/** Who attested, in a few words: `by ann, bob +2`. */
function byWhom(approvers: string[]): string {
  if (approvers.length === 0) return 'by nobody';
  const shown = approvers.slice(0, 2).map((a) => (a.length > 24 ? `${a.slice(0, 23)}…` : a));
  return `by ${shown.join(', ')}${approvers.length > 2 ? ` +${approvers.length - 2}` : ''}`;
}

/** Rows labelled `model · target` (fitted to the axis), numbered when the same label repeats. */
function chartRows(rows: AttestationRow[], now: string) {
  const bases = rows.map((a) => `${a.model === '*' ? 'all models' : a.model} · ${a.target}`);
  // A number never lands on another attestation's own words (a target named `x (2)`): each
  // attestation has a row of its own.
  const taken = new Set(bases);
  const seen = new Set<string>();
  const texts = bases.map((base) => {
    let text = base;
    for (let n = 2; seen.has(text) || (text !== base && taken.has(text)); n++)
      text = `${base} (${n})`;
    seen.add(text);
    return text;
  });
  const labels = fitLabels(texts, 300);
  return rows.map((a, i) => ({
    row: labels.get(texts[i]!)!,
    start: a.date ?? a.expires ?? now,
    end: a.expires ?? now,
    state: a.state,
    text: `${a.expires === null && a.state === 'active' ? 'active, no expiry' : a.state} · ${byWhom(a.approvedBy)}${a.notCounted ? ' · not counted' : ''}`,
  }));
}

async function kindFigure(kind: string, rows: AttestationRow[], data: ReportData) {
  const now = data.generatedAt.slice(0, 10);
  const title = `${KIND_TITLE[kind] ?? kind}: from attestation to expiry`;
  const spec = attestationSpec({ title, rows: chartRows(rows, now), now });
  return figure({
    kind: 'attestation-timeline',
    extraAttrs: ` data-kind="${esc(kind)}"`,
    caption: `${title}, ${rows.length} attestation${rows.length === 1 ? '' : 's'}`,
    svg: await renderChart(spec, `${title}: each attestation's date, expiry and state`),
    alternative: attestationTable(rows, data.redacted),
    scroll: rows.length > LONG_CHART_ROWS,
  });
}

function expiringLists(data: ReportData): string[] {
  return ([30, 60, 90] as const).flatMap((days) => {
    const rows = data.expiringWithin[days];
    return [
      `<h3 id="expiring-${days}">Expiring within ${days} days</h3>`,
      rows.length === 0
        ? '<p>Nothing.</p>'
        : scrollBox(attestationTable(rows, data.redacted), `Expiring within ${days} days`),
    ];
  });
}

export async function safeguardsSection(data: ReportData): Promise<string> {
  const parts = [
    '<section id="safeguards" aria-labelledby="safeguards-heading">',
    '<h2 id="safeguards-heading">Safeguards and sign-offs</h2>',
    `<p>States: ${['active', 'expiring', 'expired', 'undated'].map(badge).join(', ')}. ` +
      'A bar runs from the attestation’s date to its expiry, or to the report’s day when it has none.</p>',
  ];
  const byKind = new Map<string, AttestationRow[]>();
  for (const a of data.attestations) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), a]);
  if (byKind.size === 0) parts.push('<p>No attestation.</p>');
  else parts.push('<h3>Timeline</h3>');
  for (const [kind, rows] of byKind) parts.push(await kindFigure(kind, rows, data));
  parts.push(...expiringLists(data), '</section>');
  return parts.join('\n');
}
