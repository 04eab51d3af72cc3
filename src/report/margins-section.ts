/**
 * The report's Margins section: each threshold's conditions drawn as the model's value against
 * the condition's lines on the benchmark's own scale, status by colour, shape and word, naming
 * the source file.
 *
 * Grouping, for a page readable (and built in seconds) at 1,000 models: up to
 * `PER_MODEL_LIMIT` models, one figure per model (`data-model`), one small chart per threshold
 * and benchmark stacked in it. Past that, one figure per threshold and benchmark with a row per
 * model in a scrolling container, and per-model figures only for the `PER_MODEL_LIMIT` models
 * that need attention most (blocked, most open items): a chart costs ~15 ms, so the number of
 * charts must not grow with the number of models.
 */
import {
  fitLabels,
  LONG_CHART_ROWS,
  marginsSpec,
  renderChart,
  stackedSpec,
  statusOnlySpec,
  type LineDatum,
} from './charts.js';
import type { TopLevelSpec } from 'vega-lite';
import { badge, esc, figure, OP_SYMBOL, RULE_WORD, table, THRESHOLD_WORD } from './html.js';
import type { MarginRow, OverviewRow, ReportData } from './report-data.js';

export const PER_MODEL_LIMIT = 12;

/** The rows of one threshold on one benchmark and metric (of one model, or of all). */
interface Group {
  threshold: string;
  benchmark: string;
  metric: string;
  rows: MarginRow[];
}

function groupRows(rows: MarginRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = JSON.stringify([r.threshold, r.benchmark, r.metric]);
    let g = groups.get(key);
    if (!g) {
      g = { threshold: r.threshold, benchmark: r.benchmark, metric: r.metric, rows: [] };
      groups.set(key, g);
    }
    g.rows.push(r);
  }
  return [...groups.values()];
}

/** The distinct condition lines of some rows, labelled `rule in >= 0.8`. */
function linesOf(rows: MarginRow[]): LineDatum[] {
  const seen = new Map<string, LineDatum>();
  for (const r of rows) {
    const label = `${RULE_WORD[r.rule] ?? r.rule} ${OP_SYMBOL[r.op]} ${r.line}`;
    seen.set(label, { rule: r.rule, label, line: r.line });
  }
  return [...seen.values()];
}

/**
 * The words written beside a point: the threshold's status, then what each condition drawn says
 * (the status may come from another benchmark's condition), `too close`, or `no value`.
 */
function pointText(rows: MarginRow[]): string {
  const word = THRESHOLD_WORD[rows[0]!.thresholdStatus];
  if (rows.every((r) => r.value === null)) return `${word} · no value`;
  const says = [
    ...new Set(rows.map((r) => `${RULE_WORD[r.rule] ?? r.rule} ${r.holds ? 'met' : 'not met'}`)),
  ];
  if (rows.some((r) => r.tooClose)) says.push('too close');
  return `${word} · ${says.join(', ')}`;
}

function xTitle(g: { benchmark: string; metric: string }): string {
  return `${g.benchmark} value (${g.metric})`;
}

/** The source files of some rows, for a subtitle. */
function sources(rows: MarginRow[], redacted: boolean): string {
  if (redacted) return 'source: redacted';
  const files = [...new Set(rows.map((r) => r.file).filter((f): f is string => f !== null))];
  return files.length === 0 ? 'source: no evidence file' : `source: ${files.join(', ')}`;
}

/** The text alternative of margin rows: one line per condition. */
function marginsTable(rows: MarginRow[], redacted: boolean): string {
  const valueCell = (r: MarginRow) =>
    redacted ? 'redacted' : r.value === null ? 'no value' : r.value;
  const fileCell = (r: MarginRow) => (redacted ? 'redacted' : r.file);
  return table({
    head: [
      'model',
      'threshold',
      'status',
      'condition',
      'value',
      'holds',
      'too close',
      'source file',
    ],
    rows: rows.map((r) => [
      r.model,
      r.threshold,
      { raw: badge(THRESHOLD_WORD[r.thresholdStatus]) },
      `${RULE_WORD[r.rule] ?? r.rule}: ${r.benchmark} (${r.metric}) ${OP_SYMBOL[r.op]} ${r.line}`,
      valueCell(r),
      r.holds ? 'yes' : 'no',
      r.tooClose ? 'yes' : 'no',
      fileCell(r),
    ]),
  });
}

/** One model's chart: a small chart per threshold and benchmark, each on its own scale. */
function modelSpec(model: string, rows: MarginRow[], redacted: boolean): TopLevelSpec {
  const groups = groupRows(rows);
  if (redacted) {
    const points = [...new Map(rows.map((r) => [r.threshold, r])).values()].map((r) => ({
      row: r.threshold,
      value: null,
      status: THRESHOLD_WORD[r.thresholdStatus],
      text: THRESHOLD_WORD[r.thresholdStatus],
    }));
    return statusOnlySpec({ title: `${model}: thresholds`, points, rowTitle: 'threshold' });
  }
  const parts = groups.map((g) =>
    marginsSpec({
      title: `${g.threshold} — ${g.benchmark}`,
      subtitle: sources(g.rows, false),
      xTitle: xTitle(g),
      rowTitle: null,
      lines: linesOf(g.rows),
      points: [
        {
          row: g.threshold,
          value: g.rows.find((r) => r.value !== null)?.value ?? null,
          status: THRESHOLD_WORD[g.rows[0]!.thresholdStatus],
          text: pointText(g.rows),
        },
      ],
    }),
  );
  return parts.length === 1 ? parts[0]! : stackedSpec(`${model}: margins`, parts);
}

async function modelFigure(model: string, rows: MarginRow[], redacted: boolean): Promise<string> {
  const name = `Margins of ${model}: each threshold's value against its rule-in and rule-out lines`;
  const svg = await renderChart(modelSpec(model, rows, redacted), name);
  return figure({
    kind: 'margins',
    model,
    caption: `${model}: ${redacted ? 'threshold statuses (values redacted)' : 'value against each condition line'}`,
    svg,
    alternative: marginsTable(rows, redacted),
  });
}

/** One threshold on one benchmark across all models: a row per model. */
async function groupFigure(g: Group, redacted: boolean): Promise<string> {
  const byModel = new Map<string, MarginRow[]>();
  for (const r of g.rows) byModel.set(r.model, [...(byModel.get(r.model) ?? []), r]);
  const labels = fitLabels([...byModel.keys()], 240);
  const perModel = [...byModel].map(([model, rows]) => {
    return {
      row: labels.get(model)!,
      value: redacted ? null : (rows.find((r) => r.value !== null)?.value ?? null),
      status: THRESHOLD_WORD[rows[0]!.thresholdStatus],
      text: pointText(rows),
    };
  });
  const title = redacted ? `${g.threshold}: status per model` : `${g.threshold} — ${g.benchmark}`;
  const spec = redacted
    ? statusOnlySpec({ title, points: perModel, rowTitle: 'model' })
    : marginsSpec({
        title,
        xTitle: xTitle(g),
        rowTitle: 'model',
        lines: linesOf(g.rows),
        points: perModel,
      });
  const name = `${title}: each model's value against the threshold's lines`;
  return figure({
    kind: 'margins',
    extraAttrs: ` data-threshold="${esc(g.threshold)}"`,
    caption: `${title}, ${perModel.length} models`,
    svg: await renderChart(spec, name),
    alternative: marginsTable(g.rows, redacted),
    scroll: perModel.length > LONG_CHART_ROWS,
  });
}

/** The models shown one by one past the limit: blocked first, then most open items. */
function attentionOrder(overview: OverviewRow[]): string[] {
  return [...overview]
    .sort(
      (a, b) =>
        Number(b.verdict === 'block') - Number(a.verdict === 'block') ||
        b.openItems - a.openItems ||
        a.model.localeCompare(b.model),
    )
    .map((o) => o.model);
}

export async function marginsSection(data: ReportData): Promise<string> {
  const byModel = new Map<string, MarginRow[]>();
  for (const r of data.margins) byModel.set(r.model, [...(byModel.get(r.model) ?? []), r]);
  const parts: string[] = [
    '<section id="margins" aria-labelledby="margins-heading">',
    '<h2 id="margins-heading">Margins</h2>',
    '<p>Each threshold condition: the model’s value on the benchmark’s own scale against the',
    'condition’s line (rule-in solid, rule-out dashed). Status is told by colour, shape and word:',
    `${['crossed', 'not ruled out', 'cleared by decision', 'ruled out'].map(badge).join(', ')}.</p>`,
  ];
  if (data.margins.length === 0) parts.push('<p>No model has a threshold condition.</p>');
  const many = byModel.size > PER_MODEL_LIMIT;
  if (many) {
    parts.push('<h3>By threshold</h3>');
    parts.push(
      `<p>${byModel.size} models: one chart per threshold and benchmark, a row per model.</p>`,
    );
    const groups = redacted(data) ? groupByThreshold(data.margins) : groupRows(data.margins);
    for (const g of groups) parts.push(await groupFigure(g, data.redacted));
  }
  const shown = many
    ? attentionOrder(data.overview)
        .filter((m) => byModel.has(m))
        .slice(0, PER_MODEL_LIMIT)
    : [...byModel.keys()];
  if (many) {
    parts.push('<h3>Models needing attention</h3>');
    parts.push(
      `<p>The ${shown.length} models with a block verdict or the most open items, one by one.</p>`,
    );
  }
  for (const model of shown)
    parts.push(await modelFigure(model, byModel.get(model)!, data.redacted));
  parts.push('</section>');
  return parts.join('\n');
}

function redacted(data: ReportData): boolean {
  return data.redacted;
}

/** Redacted: one group per threshold (no benchmark scale is drawn). */
function groupByThreshold(rows: MarginRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const g = groups.get(r.threshold) ?? {
      threshold: r.threshold,
      benchmark: '',
      metric: '',
      rows: [],
    };
    g.rows.push(r);
    groups.set(r.threshold, g);
  }
  return [...groups.values()];
}
