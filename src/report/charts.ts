/**
 * The report's charts: Vega-Lite specifications, compiled with `vega-lite` and rendered to static
 * SVG by Vega's headless renderer when the report is built (no script in the page draws them).
 *
 * Why Vega-Lite: a maintained grammar whose specs say what is drawn (scales, axes, legends) in a
 * few lines, with a headless SVG renderer in the same package family and no native dependency.
 * Without a canvas Vega would estimate text widths (0.8 em a character); here it measures them
 * with the embedded Inter's advance widths (font-metrics.ts, measured in Chromium), so labels,
 * legends and titles get the room the page's font needs. Long row labels are shortened here (in
 * the middle, keeping both ends of an id) rather than by Vega, whose label limit is turned off.
 *
 * The bar every chart meets: axis titles with units (a benchmark's metric is its unit), Okabe-Ito
 * colours, each status also told by a shape and a word, rows of fixed height in scrolling
 * containers (never marks shrunk to fit), and an accessible name on the `<svg>` (the page adds
 * the text alternative). Marks carry no ARIA labels of their own: the SVG is one image.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT_METRIC_CHARS, FONT_WIDTHS } from './font-metrics.js';
import { FONT_FAMILY } from './font.js';

/** The Okabe-Ito palette (Okabe and Ito, "Color Universal Design", 2008). */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** A status as the page draws it: its word, colour and Vega shape. */
export interface StatusStyle {
  word: string;
  colour: string;
  shape: string;
}

/** Threshold statuses, in order of concern. */
export const THRESHOLD_STYLES: readonly StatusStyle[] = [
  { word: 'crossed', colour: OKABE_ITO.vermillion, shape: 'triangle-up' },
  { word: 'not ruled out', colour: OKABE_ITO.orange, shape: 'diamond' },
  { word: 'cleared by decision', colour: OKABE_ITO.blue, shape: 'square' },
  { word: 'ruled out', colour: OKABE_ITO.bluishGreen, shape: 'circle' },
];

export const ATTESTATION_STYLES: readonly StatusStyle[] = [
  { word: 'expired', colour: OKABE_ITO.vermillion, shape: 'cross' },
  { word: 'expiring', colour: OKABE_ITO.orange, shape: 'diamond' },
  { word: 'undated', colour: OKABE_ITO.reddishPurple, shape: 'square' },
  { word: 'active', colour: OKABE_ITO.bluishGreen, shape: 'circle' },
];

/** A series (model, generation, kind) when no status is involved: colour and shape together. */
export const SERIES_STYLES: readonly { colour: string; shape: string }[] = [
  { colour: OKABE_ITO.blue, shape: 'circle' },
  { colour: OKABE_ITO.vermillion, shape: 'triangle-up' },
  { colour: OKABE_ITO.bluishGreen, shape: 'square' },
  { colour: OKABE_ITO.reddishPurple, shape: 'diamond' },
  { colour: OKABE_ITO.orange, shape: 'triangle-down' },
  { colour: OKABE_ITO.skyBlue, shape: 'cross' },
  { colour: OKABE_ITO.black, shape: 'triangle-right' },
  { colour: OKABE_ITO.yellow, shape: 'triangle-left' },
];

/** Row height of the row-per-item charts, in pixels; long charts scroll in their container. */
export const ROW_STEP = 20;

/**
 * The axis of a row-per-item chart: its title written level above the labels (a rotated title
 * would be as tall as Vega's estimate of its width, padding short charts), long labels allowed.
 */
function rowAxis() {
  return {
    titleAngle: 0,
    titleAlign: 'right',
    titleBaseline: 'bottom',
    titleX: -6,
    titleY: -4,
  } as const;
}

/** A rule-in line is solid, a rule-out line dashed: told apart without colour. */
const RULE_DASH = { rule_in: [1, 0], rule_out: [6, 3], review_if: [2, 2], alert_if: [2, 2] };

/** A colour/shape scale pair and its legend, from status styles. */
export function statusScales(styles: readonly { word: string; colour: string; shape: string }[]) {
  return {
    colour: { domain: styles.map((s) => s.word), range: styles.map((s) => s.colour) },
    shape: { domain: styles.map((s) => s.word), range: styles.map((s) => s.shape) },
  };
}

/** Categories each told by a colour and a shape. */
interface Categories {
  domain: string[];
  colour: string[];
  shape: string[];
}

/**
 * Colour and shape encodings of `field` over `categories`, under one legend titled `title`: a
 * category is never told by colour alone.
 */
function colourAndShape(
  field: string,
  categories: Categories,
  title: string,
  legend?: Record<string, unknown>,
) {
  const channel = (range: string[]) => ({
    field,
    type: 'nominal' as const,
    scale: { domain: categories.domain, range },
    title,
    ...(legend ? { legend } : {}),
  });
  return { color: channel(categories.colour), shape: channel(categories.shape) };
}

/** Per character, thousandths of an em; a character not measured counts a full em. */
const ADVANCE = new Map<number, Map<string, number>>(
  Object.entries(FONT_WIDTHS).map(([w, widths]) => [
    Number(w),
    new Map([...FONT_METRIC_CHARS].map((c, i) => [c, widths[i]!])),
  ]),
);

/** The width of `text` in the embedded font, in pixels, with 2% to spare (kerning is ignored). */
export function textWidth(text: string, size: number, weight: number | string = 400): number {
  const bold = weight === 'bold' || Number(weight) >= 550;
  const advance = ADVANCE.get(bold ? 600 : 400)!;
  let total = 0;
  for (const c of text) total += advance.get(c) ?? 1000;
  return (total / 1000) * size * 1.02;
}

/** Vega's text metrics, pointed at the embedded font's widths (once per process). */
function measureWithEmbeddedFont(): void {
  const metrics = (vega as unknown as { textMetrics: { width: unknown } }).textMetrics;
  metrics.width = (item: { fontSize?: number; fontWeight?: number | string }, text: unknown) =>
    textWidth(String(text ?? '').trim(), item.fontSize ?? 11, item.fontWeight ?? 400);
}
measureWithEmbeddedFont();

/**
 * Row labels that fit `px` at the axis label size: a long one keeps its start and end around an
 * ellipsis; labels that would then be equal are numbered. Full texts go in the text alternative.
 */
export function fitLabels(texts: readonly string[], px: number, size = 11): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const text of texts) {
    if (out.has(text)) continue;
    let label = text;
    if (textWidth(text, size) > px) {
      const chars = [...text];
      let keep = chars.length - 1;
      const cut = (n: number) =>
        chars.slice(0, Math.ceil(n / 2)).join('') +
        '…' +
        chars.slice(chars.length - Math.floor(n / 2)).join('');
      while (keep > 2 && textWidth(cut(keep), size) > px) keep--;
      label = cut(keep);
    }
    for (let n = 2; used.has(label); n++) label = `${label.replace(/ \(\d+\)$/, '')} (${n})`;
    used.add(label);
    out.set(text, label);
  }
  return out;
}

const CONFIG = {
  font: FONT_FAMILY,
  background: '#ffffff',
  view: { stroke: '#bbbbbb' },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 600,
    labelColor: '#222222',
    labelLimit: 0,
  },
  legend: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 600,
    orient: 'top',
    labelLimit: 0,
  },
  title: { fontSize: 13, fontWeight: 600, anchor: 'start' },
  mark: { aria: false },
  point: { size: 70, strokeWidth: 2 },
  text: { fontSize: 11 },
} as const;

/**
 * What Vega-Lite and Vega warned about while compiling and rendering (tests assert none); the
 * last 100 only, since the App's server renders pages for as long as it runs.
 */
export const chartWarnings: string[] = [];
const LOGGER = vega.logger(vega.Warn, 'warn', (_method, _level, args) => {
  chartWarnings.push(args.map(String).join(' '));
  if (chartWarnings.length > 100) chartWarnings.shift();
});

/** Renders one Vega-Lite spec to an SVG string with an accessible name. */
export async function renderChart(spec: TopLevelSpec, name: string): Promise<string> {
  const withConfig = { ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(withConfig, { logger: LOGGER }).spec), {
    renderer: 'none',
    logger: LOGGER,
  });
  const svg = await view.toSVG();
  view.finalize();
  return labelSvg(svg, name);
}

/** Gives the `<svg>` root `role="img"`, an `aria-label` and a `<title>` (escaped). */
function labelSvg(svg: string, name: string): string {
  const text = escapeXml(name);
  const open = svg.indexOf('>', svg.indexOf('<svg'));
  if (open < 0) throw new Error('Vega returned no <svg> element');
  const head = svg.slice(0, open).replace('<svg', `<svg role="img" aria-label="${text}"`);
  return `${head}><title>${text}</title>${svg.slice(open + 1)}`;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// ---------------------------------------------------------------------------------------------
// Specs. Each takes plain rows (already escaped by Vega when drawn) and returns a spec.

/**
 * The span of an x scale holding these values and lines, a little wider than they are; a single
 * value gets a span around it (Vega would otherwise draw a point-wide scale with six decimals).
 */
export function valueDomain(values: readonly number[]): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [0, 1];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const pad = min === max ? Math.abs(min) * 0.1 || 1 : (max - min) * 0.08;
  return [min - pad, max + pad];
}

/** One condition line on a benchmark's scale. */
export interface LineDatum {
  rule: string;
  /** `rule in >= 0.8`. */
  label: string;
  line: number;
}

/** Models per level, by kind: horizontal bars with the count written at the end of each. */
export function levelsSpec(
  rows: { level: string; kind: string; count: number }[],
  levelOrder: string[],
): TopLevelSpec {
  const kinds = { domain: ['deployment', 'security'], range: [OKABE_ITO.blue, OKABE_ITO.orange] };
  const y = {
    field: 'level',
    type: 'nominal',
    sort: null,
    scale: { domain: levelOrder },
    title: 'level',
  } as const;
  return {
    width: 360,
    height: { step: 36 },
    data: { values: rows },
    encoding: {
      y,
      yOffset: { field: 'kind', type: 'nominal', sort: kinds.domain },
      x: {
        field: 'count',
        type: 'quantitative',
        title: 'models (count)',
        axis: { tickMinStep: 1 },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.9 } },
        encoding: {
          color: { field: 'kind', type: 'nominal', scale: kinds, title: 'kind of level' },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4 },
        encoding: { text: { field: 'label', type: 'nominal' } },
        transform: [{ calculate: "datum.kind + ': ' + datum.count", as: 'label' }],
      },
    ],
  } as TopLevelSpec;
}

/** A value point with its status (word, colour and shape) on a row. */
export interface MarginPoint {
  row: string;
  value: number | null;
  status: string;
  /** The status word and any qualifier, written to the right of the plot. */
  text: string;
}

/**
 * Values against the condition lines of one benchmark: one row per item (a model, or a model's
 * condition), x on the benchmark's scale, the lines as rules labelled at the top, the point
 * shaped and coloured by status, the status written at the right.
 */
export function marginsSpec(o: {
  title: string;
  subtitle?: string;
  xTitle: string;
  points: MarginPoint[];
  lines: LineDatum[];
  /** null: no row axis (one row, which the title names). */
  rowTitle: string | null;
}): TopLevelSpec {
  const scales = statusScales(THRESHOLD_STYLES);
  const width = 360;
  const rows = [...new Set(o.points.map((p) => p.row))];
  const y = {
    field: 'row',
    type: 'nominal',
    sort: null,
    scale: { domain: rows },
    title: o.rowTitle,
    axis: o.rowTitle === null ? null : rowAxis(),
  } as const;
  const domain = valueDomain([
    ...o.lines.map((l) => l.line),
    ...o.points.flatMap((p) => (p.value === null ? [] : [p.value])),
  ]);
  const axisTop = rows.length > LONG_CHART_ROWS;
  const x = {
    field: 'value',
    type: 'quantitative',
    title: o.xTitle,
    scale: { domain, nice: true, zero: false },
    axis: { orient: axisTop ? 'top' : 'bottom' },
  } as const;
  return {
    title: o.subtitle ? { text: o.title, subtitle: o.subtitle } : o.title,
    width,
    height: { step: ROW_STEP },
    layer: [
      ...lineLayers(o.lines, x, { domain, width, axisTop }),
      {
        data: { values: o.points },
        layer: [
          {
            transform: [{ filter: 'datum.value !== null' }],
            mark: { type: 'point', filled: true, opacity: 1 },
            encoding: {
              x,
              y,
              color: { field: 'status', type: 'nominal', scale: scales.colour, title: 'status' },
              shape: { field: 'status', type: 'nominal', scale: scales.shape, title: 'status' },
            },
          },
          {
            mark: { type: 'text', align: 'left', dx: 8 },
            encoding: { x: { value: width }, y, text: { field: 'text', type: 'nominal' } },
          },
        ],
      },
    ],
  } as TopLevelSpec;
}

/** Status only (a redacted page): one row per item, the status as shape, colour and word. */
export function statusOnlySpec(o: {
  title: string;
  points: MarginPoint[];
  rowTitle: string;
}): TopLevelSpec {
  const scales = statusScales(THRESHOLD_STYLES);
  const rows = [...new Set(o.points.map((p) => p.row))];
  const y = {
    field: 'row',
    type: 'nominal',
    sort: null,
    scale: { domain: rows },
    title: o.rowTitle,
    axis: rowAxis(),
  } as const;
  const x = {
    field: 'status',
    type: 'nominal',
    scale: { domain: scales.colour.domain },
    title: 'status (values redacted)',
    axis: { labelAngle: 0 },
  } as const;
  return {
    title: o.title,
    height: { step: ROW_STEP },
    width: { step: 130 },
    data: { values: o.points },
    mark: { type: 'point', filled: true, opacity: 1 },
    encoding: {
      x,
      y,
      color: { field: 'status', type: 'nominal', scale: scales.colour, legend: null },
      shape: { field: 'status', type: 'nominal', scale: scales.shape, legend: null },
    },
  } as TopLevelSpec;
}

/** Per-model margins: one small chart per condition group, each on its benchmark's own scale. */
export function stackedSpec(title: string, parts: TopLevelSpec[]): TopLevelSpec {
  return { title, vconcat: parts, spacing: 18 } as unknown as TopLevelSpec;
}

/**
 * A benchmark across lineages: one row per lineage (oldest first), a point per generation
 * connected in order, the newest generation told by shape, colour and the legend's words; the
 * policy's lines for the benchmark drawn across.
 */
export function lineageSpec(o: {
  title: string;
  xTitle: string;
  points: { chain: string; generation: number; model: string; value: number; role: string }[];
  lines: LineDatum[];
}): TopLevelSpec {
  const roles = {
    domain: ['earlier generation', 'latest generation'],
    colour: [OKABE_ITO.skyBlue, OKABE_ITO.blue],
    shape: ['circle', 'triangle-right'],
  };
  const chains = [...new Set(o.points.map((p) => p.chain))];
  const y = {
    field: 'chain',
    type: 'nominal',
    sort: null,
    scale: { domain: chains },
    title: 'lineage (oldest first)',
    axis: rowAxis(),
  } as const;
  const domain = valueDomain([...o.lines.map((l) => l.line), ...o.points.map((p) => p.value)]);
  const axisTop = chains.length > LONG_CHART_ROWS;
  const x = {
    field: 'value',
    type: 'quantitative',
    title: o.xTitle,
    scale: { domain, zero: false, nice: true },
    axis: { orient: axisTop ? 'top' : 'bottom' },
  } as const;
  return {
    title: o.title,
    width: 360,
    height: { step: ROW_STEP + 4 },
    layer: [
      ...lineLayers(o.lines, x, { domain, width: 360, axisTop }),
      {
        data: { values: o.points },
        layer: [
          {
            mark: { type: 'line', color: '#777777', strokeWidth: 1.5 },
            encoding: { x, y, detail: { field: 'chain' }, order: { field: 'generation' } },
          },
          {
            mark: { type: 'point', filled: true, opacity: 1 },
            encoding: { x, y, ...colourAndShape('role', roles, 'generation') },
          },
        ],
      },
    ],
  } as TopLevelSpec;
}

/** The lines of a benchmark as rules with a label at the top. */
/**
 * The line labels' heights: a label that would run into one to its left on the same level goes
 * a level up (negative pixels from the top of the plot). Positions are estimated on `domain`
 * (Vega rounds it outward, which only spreads the labels more).
 */
function staggered(
  lines: LineDatum[],
  domain: [number, number],
  width: number,
): (LineDatum & { labelY: number })[] {
  const ends: number[] = [];
  const span = domain[1] - domain[0] || 1;
  return [...lines]
    .sort((p, q) => p.line - q.line)
    .map((l) => {
      const left = ((l.line - domain[0]) / span) * width + 3;
      let level = ends.findIndex((end) => end + 6 <= left);
      if (level < 0) level = ends.length;
      ends[level] = left + textWidth(l.label, 11);
      return { ...l, labelY: -level * 14 };
    });
}

function lineLayers(
  lines: LineDatum[],
  x: object,
  place: { domain: [number, number]; width: number; axisTop: boolean },
): object[] {
  if (lines.length === 0) return [];
  const labelled = staggered(lines, place.domain, place.width);
  return [
    {
      data: { values: lines },
      mark: { type: 'rule', strokeWidth: 1.5, color: OKABE_ITO.black },
      encoding: {
        x: { ...x, field: 'line' },
        strokeDash: {
          field: 'rule',
          type: 'nominal',
          scale: { domain: Object.keys(RULE_DASH), range: Object.values(RULE_DASH) },
          legend: null,
        },
      },
    },
    // One text layer per height (a mark's offset is not a channel); above the axis when the
    // axis is on top (long charts).
    ...[...new Set(labelled.map((l) => l.labelY))].map((labelY) => ({
      data: { values: labelled.filter((l) => l.labelY === labelY) },
      mark: {
        type: 'text',
        baseline: 'bottom',
        dy: (place.axisTop ? -ABOVE_TOP_AXIS : -2) + labelY,
        align: 'left',
        dx: 3,
      },
      encoding: { x: { ...x, field: 'line' }, y: { value: 0 }, text: { field: 'label' } },
    })),
  ];
}

/** Rows past which a row-per-item chart scrolls, and so has its x axis on top, always in view. */
export const LONG_CHART_ROWS = 20;
/** The height of a top x axis (labels and title), for writing above it. */
const ABOVE_TOP_AXIS = 40;

/**
 * A benchmark over the branch's history: x the commit date, y the value, one series per model
 * (colour and shape and the legend's words), each commit's short sha written along the top.
 */
export function historySpec(o: {
  title: string;
  yTitle: string;
  points: { date: string; sha: string; model: string; value: number }[];
  commits: { date: string; sha: string }[];
  models: string[];
}): TopLevelSpec {
  const styles = o.models.map((_, i) => SERIES_STYLES[i % SERIES_STYLES.length]!);
  const series = {
    domain: o.models,
    colour: styles.map((s) => s.colour),
    shape: styles.map((s) => s.shape),
  };
  const width = Math.max(420, o.commits.length * 18);
  const time = timeAxis(o.commits.map((c) => c.date));
  const x = {
    field: 'date',
    type: 'temporal',
    title: 'commit date (UTC)',
    scale: { type: 'utc', domain: time.domain },
    axis: { format: time.format, labelOverlap: 'greedy' },
  } as const;
  const y = {
    field: 'value',
    type: 'quantitative',
    title: o.yTitle,
    scale: { zero: false, nice: true },
  } as const;
  return {
    title: o.title,
    width,
    height: 220,
    layer: [
      {
        data: { values: o.points },
        layer: [
          {
            mark: { type: 'line', strokeWidth: 1.5 },
            encoding: {
              x,
              y,
              color: {
                field: 'model',
                type: 'nominal',
                scale: { ...series, range: series.colour },
              },
            },
          },
          {
            mark: { type: 'point', filled: true, opacity: 1 },
            encoding: {
              x,
              y,
              ...colourAndShape('model', series, 'model', {
                orient: 'right',
                direction: 'vertical',
              }),
            },
          },
        ],
      },
      {
        data: { values: spacedOut(o.commits, time.domain, width) },
        mark: { type: 'text', angle: 300, align: 'left', baseline: 'middle', dy: -4, fontSize: 9 },
        encoding: { x, y: { value: 0 }, text: { field: 'sha' } },
      },
    ],
  } as TopLevelSpec;
}

/**
 * A time axis over some dates: its domain (a little wider, a single date gets a day either side)
 * and a label format (days, or hours when the dates span less than three days).
 */
export function timeAxis(dates: readonly string[]): { domain: [number, number]; format: string } {
  const times = dates.map((d) => Date.parse(d)).filter((t) => Number.isFinite(t));
  const day = 86_400_000;
  if (times.length === 0) return { domain: [0, day], format: '%Y-%m-%d' };
  const min = Math.min(...times);
  const max = Math.max(...times);
  const pad = min === max ? day : (max - min) * 0.04;
  return {
    domain: [min - pad, max + pad],
    format: max - min < 3 * day ? '%m-%d %H:%M' : '%Y-%m-%d',
  };
}

/** The commits whose sha label has room (13 px from the last one kept); the table has them all. */
function spacedOut<T extends { date: string }>(
  commits: T[],
  domain: [number, number],
  width: number,
): T[] {
  const kept: T[] = [];
  let last = -Infinity;
  for (const c of commits) {
    const px = ((Date.parse(c.date) - domain[0]) / (domain[1] - domain[0])) * width;
    if (px - last < 13) continue;
    kept.push(c);
    last = px;
  }
  return kept;
}

/** Level changes: x the commit date, one row per model, each change written beside its point. */
export function levelTimelineSpec(o: {
  title: string;
  /** The dates of every judged commit: the axis spans them. */
  dates: string[];
  points: { date: string; model: string; kind: string; direction: string; text: string }[];
}): TopLevelSpec {
  const directions = {
    domain: ['raised', 'lowered', 'first judged'],
    colour: [OKABE_ITO.vermillion, OKABE_ITO.bluishGreen, OKABE_ITO.blue],
    shape: ['triangle-up', 'triangle-down', 'circle'],
  };
  const models = [...new Set(o.points.map((p) => p.model))];
  const time = timeAxis(o.dates);
  const x = {
    field: 'date',
    type: 'temporal',
    title: 'commit date (UTC)',
    scale: { type: 'utc', domain: time.domain },
    axis: {
      format: time.format,
      labelOverlap: 'greedy',
      orient: models.length > LONG_CHART_ROWS / 2 ? 'top' : 'bottom',
    },
  } as const;
  const y = {
    field: 'model',
    type: 'nominal',
    sort: null,
    scale: { domain: models },
    title: 'model',
    axis: rowAxis(),
  } as const;
  return {
    title: o.title,
    width: 420,
    height: { step: ROW_STEP * 2 },
    data: { values: withRoomyLabels(o.points, time.domain, 420) },
    encoding: {
      x,
      y,
      yOffset: { field: 'kind', type: 'nominal', sort: ['deployment', 'security'] },
    },
    layer: [
      {
        mark: { type: 'point', filled: true, opacity: 1 },
        encoding: colourAndShape('direction', directions, 'change'),
      },
      { mark: { type: 'text', align: 'left', dx: 8 }, encoding: { text: { field: 'label' } } },
    ],
  } as TopLevelSpec;
}

/**
 * Each change's `label`: its text when it has room before the row's next change (or is the
 * last), else empty: the point stays, and the table under the chart lists every change.
 */
function withRoomyLabels<T extends { date: string; model: string; kind: string; text: string }>(
  points: T[],
  domain: [number, number],
  width: number,
): (T & { label: string })[] {
  const px = (p: T) => ((Date.parse(p.date) - domain[0]) / (domain[1] - domain[0])) * width;
  const rows = new Map<string, T[]>();
  for (const p of points) {
    const key = JSON.stringify([p.model, p.kind]);
    rows.set(key, [...(rows.get(key) ?? []), p]);
  }
  return [...rows.values()].flatMap((row) =>
    row
      .sort((a, b) => Date.parse(a.date) - Date.parse(b.date))
      .map((p, i) => {
        const next = row[i + 1];
        const room = next === undefined || px(next) - px(p) >= textWidth(p.text, 11) + 16;
        return { ...p, label: room ? p.text : '' };
      }),
  );
}

/**
 * Attestations over time: one row per attestation, a bar from its date to its expiry (or to the
 * report's day when it has none), the state at the end as shape and colour and written beside
 * it, the report's day as a labelled rule.
 */
export function attestationSpec(o: {
  title: string;
  /** `text`: the state (`no expiry` when the bar ends at the report's day for want of one) and who attested. */
  rows: { row: string; start: string; end: string; state: string; text: string }[];
  now: string;
}): TopLevelSpec {
  const scales = statusScales(ATTESTATION_STYLES);
  const rows = [...new Set(o.rows.map((r) => r.row))];
  const axisTop = rows.length > LONG_CHART_ROWS;
  const x = {
    field: 'start',
    type: 'temporal',
    title: 'date (UTC)',
    scale: { type: 'utc' },
    axis: { format: '%Y-%m-%d', labelOverlap: 'greedy', orient: axisTop ? 'top' : 'bottom' },
  } as const;
  const y = {
    field: 'row',
    type: 'nominal',
    sort: null,
    scale: { domain: rows },
    title: 'attestation (model · target)',
    axis: rowAxis(),
  } as const;
  return {
    title: o.title,
    width: 420,
    height: { step: ROW_STEP },
    layer: [
      {
        data: { values: o.rows },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 3, color: '#999999' },
            encoding: { x, x2: { field: 'end' }, y },
          },
          {
            mark: { type: 'point', filled: true, opacity: 1 },
            encoding: {
              x: { ...x, field: 'end' },
              y,
              color: { field: 'state', type: 'nominal', scale: scales.colour, title: 'state' },
              shape: { field: 'state', type: 'nominal', scale: scales.shape, title: 'state' },
            },
          },
          {
            mark: { type: 'text', align: 'left', dx: 8 },
            encoding: { x: { ...x, field: 'end' }, y, text: { field: 'text' } },
          },
        ],
      },
      {
        data: { values: [{ start: o.now, label: `report day ${o.now}` }] },
        layer: [
          { mark: { type: 'rule', strokeDash: [4, 4], color: OKABE_ITO.black }, encoding: { x } },
          {
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'bottom',
              dx: 3,
              dy: axisTop ? -ABOVE_TOP_AXIS : -2,
            },
            encoding: { x, y: { value: 0 }, text: { field: 'label' } },
          },
        ],
      },
    ],
  } as TopLevelSpec;
}
