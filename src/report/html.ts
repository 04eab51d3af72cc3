/**
 * Small HTML helpers for the report page: escaping (every string from the data is treated as
 * hostile), tables with scoped headers, status badges and the chart figure with its hooks
 * (`figure.chart[data-chart][data-model]`, a `<figcaption>` and a `<details class="text-alternative">`).
 */
import type { ThresholdStatus } from '../core/decision.js';

/** Escapes text for an HTML text node or a quoted attribute value. */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The status words the page writes (and the tests and the browser tests read). */
export const THRESHOLD_WORD: Record<ThresholdStatus, string> = {
  crossed: 'crossed',
  not_ruled_out: 'not ruled out',
  ruled_out: 'ruled out',
  cleared_by_decision: 'cleared by decision',
};

/**
 * Comparisons in ASCII: the embedded font's Latin subset has no ≥ or ≤, and the page draws no
 * text in a system font.
 */
export const OP_SYMBOL = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=' } as const;

export const RULE_WORD: Record<string, string> = {
  rule_in: 'rule in',
  rule_out: 'rule out',
  review_if: 'review if',
  alert_if: 'alert if',
};

/**
 * A status word as a badge: its shape drawn by the stylesheet (`status-crossed::before`, the same
 * shape the charts use, no glyph from a font the page does not embed) and the word.
 */
export function badge(word: string): string {
  return `<span class="status status-${word.replace(/ /g, '-')}">${esc(word)}</span>`;
}

/** A commit subject cut to `max` characters (this repository's subjects can be paragraphs). */
export function subjectLine(subject: string, max = 120): string {
  const chars = [...subject];
  return chars.length <= max ? subject : `${chars.slice(0, max - 1).join('')}…`;
}

export function shortSha(sha: string | null | undefined): string {
  return sha ? sha.slice(0, 7) : 'current';
}

/** A table cell: `raw` is trusted HTML (already escaped), otherwise the text is escaped. */
export type Cell = string | number | null | { raw: string; sort?: string | number };

function cellHtml(cell: Cell, tag: 'td' | 'th'): string {
  const scope = tag === 'th' ? ' scope="row"' : '';
  if (cell !== null && typeof cell === 'object') {
    const sort = cell.sort === undefined ? '' : ` data-sort="${esc(cell.sort)}"`;
    return `<${tag}${scope}${sort}>${cell.raw}</${tag}>`;
  }
  return `<${tag}${scope}>${cell === null ? '—' : esc(cell)}</${tag}>`;
}

/** A table whose first column heads its rows. */
export function table(o: {
  caption?: string;
  head: string[];
  rows: Cell[][];
  attrs?: string;
  rowAttrs?: (i: number) => string;
}): string {
  const caption = o.caption ? `<caption>${esc(o.caption)}</caption>` : '';
  const head = o.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = o.rows
    .map((r, i) => {
      const cells = r.map((c, j) => cellHtml(c, j === 0 ? 'th' : 'td')).join('');
      return `<tr${o.rowAttrs ? o.rowAttrs(i) : ''}>${cells}</tr>`;
    })
    .join('\n');
  return `<table${o.attrs ?? ''}>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A table in a fixed-height box that scrolls, reachable by keyboard (a named region). */
export function scrollBox(inner: string, label: string, tall = false): string {
  const cls = tall ? 'table-scroll tall' : 'table-scroll';
  return `<div class="${cls}" tabindex="0" role="region" aria-label="${esc(label)} (scrolls)">${inner}</div>`;
}

/** A chart's figure with the hooks the browser tests find it by. */
export function figure(o: {
  kind: string;
  model?: string;
  extraAttrs?: string;
  caption: string;
  svg: string;
  /** The text alternative: a table (trusted HTML). */
  alternative: string;
  /** Fixed-height scrolling container for long charts. */
  scroll?: boolean;
}): string {
  const model = o.model === undefined ? '' : ` data-model="${esc(o.model)}"`;
  const scroll = o.scroll
    ? `<div class="chart-scroll" tabindex="0" role="region" aria-label="${esc(o.caption)} (scrolls)">`
    : '<div class="chart-box">';
  return [
    `<figure class="chart" data-chart="${esc(o.kind)}"${model}${o.extraAttrs ?? ''}>`,
    `<figcaption>${esc(o.caption)}</figcaption>`,
    `${scroll}${o.svg}</div>`,
    '<details class="text-alternative"><summary>The data as a table</summary>',
    `${scrollBox(o.alternative, `${o.caption}: data`)}</details>`,
    '</figure>',
  ].join('\n');
}
