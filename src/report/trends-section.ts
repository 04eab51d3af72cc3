/**
 * The report's Trends section: each benchmark across model lineages (the `previous` chain) and
 * across the branch's history, and each level change on a timeline with its commit, causes and
 * approvers.
 *
 * Grouping: one lineage chart per benchmark with a row per lineage (scrolling); one history chart
 * per benchmark with at most `SERIES_PER_CHART` models (the ones whose value moved most), at most
 * `HISTORY_CHARTS_PER_BENCHMARK` charts each: the others are counted in words, their values are in
 * the downloadable records. One level timeline with a row per model whose level changed.
 */
import {
  fitLabels,
  LONG_CHART_ROWS,
  historySpec,
  levelTimelineSpec,
  lineageSpec,
  renderChart,
  SERIES_STYLES,
  type LineDatum,
} from './charts.js';
import {
  esc,
  figure,
  OP_SYMBOL,
  RULE_WORD,
  scrollBox,
  shortSha,
  subjectLine,
  table,
} from './html.js';
import type { BenchmarkValue, LevelChange, ReportData } from './report-data.js';

export const SERIES_PER_CHART = SERIES_STYLES.length;
export const HISTORY_CHARTS_PER_BENCHMARK = 2;

interface Benchmark {
  benchmark: string;
  metric: string;
}

const keyOf = (b: Benchmark) => JSON.stringify([b.benchmark, b.metric]);
const axisTitle = (b: Benchmark) => `${b.benchmark} value (${b.metric})`;

/** The policy's lines for a benchmark, from the margins rows. */
function linesFor(data: ReportData, b: Benchmark): LineDatum[] {
  const seen = new Map<string, LineDatum>();
  for (const r of data.margins) {
    if (r.benchmark !== b.benchmark || r.metric !== b.metric) continue;
    const label = `${RULE_WORD[r.rule] ?? r.rule} ${OP_SYMBOL[r.op]} ${r.line}`;
    seen.set(label, { rule: r.rule, label, line: r.line });
  }
  return [...seen.values()];
}

function benchmarksOf(values: BenchmarkValue[]): Benchmark[] {
  const seen = new Map<string, Benchmark>();
  for (const v of values) seen.set(keyOf(v), { benchmark: v.benchmark, metric: v.metric });
  return [...seen.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

/** Every lineage of two or more generations, oldest first: one per model no other succeeds. */
export function chains(lineage: Record<string, string[]>): string[][] {
  const predecessors = new Set(Object.values(lineage).flat());
  return Object.keys(lineage)
    .filter((m) => !predecessors.has(m) && (lineage[m]?.length ?? 0) > 0)
    .sort()
    .map((m) => [...lineage[m]!].reverse().concat(m));
}

/** `acme/a-1 › a-2 › a-3`: later generations without the first one's owner prefix. */
function chainLabel(chain: string[]): string {
  const owner = /^.*\//.exec(chain[0]!)?.[0] ?? '';
  return chain
    .map((m, i) => (i > 0 && owner && m.startsWith(owner) ? m.slice(owner.length) : m))
    .join(' › ');
}

async function lineageFigures(data: ReportData): Promise<string[]> {
  const all = chains(data.lineage);
  if (all.length === 0) return ['<p>No model names a previous generation: no lineage to draw.</p>'];
  const out: string[] = [];
  for (const b of benchmarksOf(data.values)) {
    const value = new Map(
      data.values.filter((v) => keyOf(v) === keyOf(b)).map((v) => [v.model, v.value]),
    );
    const valuedChains = all.map((chain) => chain.filter((m) => value.has(m)));
    const labels = fitLabels(valuedChains.map(chainLabel), 360);
    const points = valuedChains.flatMap((valued) => {
      if (valued.length < 2) return [];
      return valued.map((model, generation) => ({
        chain: labels.get(chainLabel(valued))!,
        generation,
        model,
        value: value.get(model)!,
        role: generation === valued.length - 1 ? 'latest generation' : 'earlier generation',
      }));
    });
    if (points.length === 0) continue;
    const rows = new Set(points.map((p) => p.chain)).size;
    const title = `${b.benchmark} (${b.metric}) across lineages`;
    const spec = lineageSpec({ title, xTitle: axisTitle(b), points, lines: linesFor(data, b) });
    out.push(
      figure({
        kind: 'lineage-trend',
        extraAttrs: ` data-benchmark="${esc(b.benchmark)}"`,
        caption: `${title}: ${rows} lineage${rows === 1 ? '' : 's'}, oldest generation first`,
        svg: await renderChart(spec, `${title}, each generation's value`),
        alternative: table({
          head: ['model', 'lineage', 'generation', `value (${b.metric})`],
          rows: valuedChains
            .filter((c) => c.length > 1)
            .flatMap((c) => c.map((m, i) => [m, c.join(' › '), i + 1, value.get(m)!])),
        }),
        scroll: rows > LONG_CHART_ROWS,
      }),
    );
  }
  if (out.length === 0) out.push('<p>No lineage has values on a benchmark in two generations.</p>');
  return out;
}

type HistoryPoint = { date: string; sha: string; model: string; value: number };

/** benchmark key, then model: its points over the history, read once. */
function historyIndex(data: ReportData): Map<string, Map<string, HistoryPoint[]>> {
  const index = new Map<string, Map<string, HistoryPoint[]>>();
  for (const c of data.history) {
    if (c.error !== null) continue;
    for (const v of c.values) {
      const key = keyOf(v);
      const byModel = index.get(key) ?? new Map<string, HistoryPoint[]>();
      index.set(key, byModel);
      const points = byModel.get(v.model) ?? [];
      byModel.set(v.model, points);
      points.push({
        date: c.commit.date,
        sha: shortSha(c.commit.sha),
        model: v.model,
        value: v.value,
      });
    }
  }
  return index;
}

/** The models of one benchmark, the ones whose value moved most first. */
function bySpread(byModel: Map<string, HistoryPoint[]>): [string, HistoryPoint[]][] {
  const spread = (ps: HistoryPoint[]) =>
    Math.max(...ps.map((p) => p.value)) - Math.min(...ps.map((p) => p.value));
  return [...byModel.entries()]
    .map(([m, ps]) => ({ m, ps, s: spread(ps) }))
    .sort((a, b) => b.s - a.s || a.m.localeCompare(b.m))
    .map(({ m, ps }) => [m, ps]);
}

async function historyFigures(data: ReportData): Promise<string[]> {
  const judged = data.history.filter((c) => c.error === null);
  const commits = judged.map((c) => ({ date: c.commit.date, sha: shortSha(c.commit.sha) }));
  const index = historyIndex(data);
  const out: string[] = [];
  for (const b of benchmarksOf(judged.flatMap((c) => c.values))) {
    const series = bySpread(index.get(keyOf(b))!);
    const limit = SERIES_PER_CHART * HISTORY_CHARTS_PER_BENCHMARK;
    for (let i = 0; i < Math.min(series.length, limit); i += SERIES_PER_CHART) {
      const chunk = series.slice(i, i + SERIES_PER_CHART);
      const labels = fitLabels(
        chunk.map(([m]) => m),
        200,
      );
      const points = chunk.flatMap(([, ps]) => ps);
      const title = `${b.benchmark} (${b.metric}) over the branch's history`;
      const part = series.length > SERIES_PER_CHART ? `, models ${i + 1}–${i + chunk.length}` : '';
      const spec = historySpec({
        title,
        yTitle: axisTitle(b),
        points: points.map((p) => ({ ...p, model: labels.get(p.model)! })),
        commits,
        models: [...labels.values()],
      });
      out.push(
        figure({
          kind: 'history-trend',
          extraAttrs: ` data-benchmark="${esc(b.benchmark)}"`,
          caption: `${title}${part}: ${chunk.map(([m]) => m).join(', ')}`,
          svg: await renderChart(spec, `${title}${part}, value per commit`),
          alternative: table({
            head: ['commit', 'date', 'model', `value (${b.metric})`],
            rows: points.map((p) => [p.sha, p.date, p.model, p.value]),
          }),
          scroll: commits.length > 24,
        }),
      );
    }
    if (series.length > limit) {
      out.push(
        `<p>${series.length - limit} more models have ${esc(b.benchmark)} values in the history; ` +
          'the models drawn are those whose value moved most. All values are in the records below.</p>',
      );
    }
  }
  return out;
}

function direction(data: ReportData, c: LevelChange): string {
  if (c.from === null) return 'first judged';
  const order = data.policy.levels;
  return order.indexOf(c.to) > order.indexOf(c.from) ? 'raised' : 'lowered';
}

/**
 * The changes worth drawing: the levels every model starts with at the first judged commit are
 * not changes (at 1,000 models they would be 2,000 points at one date); a model that appears
 * later is (`first judged`).
 */
function realChanges(data: ReportData): { changes: LevelChange[]; start: string } {
  const first = data.history.find((c) => c.error === null)?.commit.sha;
  const changes = data.levelChanges.filter((c) => !(c.from === null && c.commit.sha === first));
  const start = first
    ? `<p>The levels at the first judged commit, <code>${esc(shortSha(first))}</code>, are the starting point.</p>`
    : '';
  return { changes, start };
}

async function levelTimeline(data: ReportData): Promise<string> {
  const { changes, start } = realChanges(data);
  if (changes.length === 0)
    return `${start}<p>No model’s level changed over the judged commits.</p>`;
  const labels = fitLabels(
    changes.map((c) => c.model),
    240,
  );
  const points = changes.map((c) => ({
    date: c.commit.date,
    model: labels.get(c.model)!,
    kind: c.kind,
    direction: direction(data, c),
    text: `${c.kind}: ${c.from ?? 'none'} to ${c.to} (${shortSha(c.commit.sha)})`,
  }));
  const title = 'Level changes over the branch’s history';
  const models = new Set(changes.map((c) => c.model)).size;
  const changeTable = table({
    head: ['model', 'commit', 'date', 'kind', 'change', 'causes', 'approvers'],
    rows: changes.map((c) => [
      c.model,
      {
        raw: `<code>${esc(shortSha(c.commit.sha))}</code> ${esc(subjectLine(c.commit.subject, 80))}`,
      },
      c.commit.date,
      c.kind,
      `${c.from ?? 'none'} to ${c.to} (${direction(data, c)})`,
      c.causes.length ? c.causes.join(', ') : 'none recorded',
      c.approvers.length ? c.approvers.join(', ') : 'none',
    ]),
  });
  return [
    start,
    figure({
      kind: 'level-timeline',
      caption: `${title}: ${changes.length} changes to ${models} models`,
      svg: await renderChart(
        levelTimelineSpec({ title, points, dates: data.history.map((c) => c.commit.date) }),
        title,
      ),
      alternative: changeTable,
      scroll: models > LONG_CHART_ROWS / 2,
    }),
    '<h4>Each change, its causes and approvers</h4>',
    scrollBox(changeTable, 'Level changes'),
  ].join('\n');
}

function unjudged(data: ReportData): string {
  const failed = data.history.filter((c) => c.error !== null);
  if (failed.length === 0) return '';
  return [
    '<h4>Commits that could not be judged</h4>',
    table({
      head: ['commit', 'date', 'why'],
      rows: failed.map((c) => [shortSha(c.commit.sha), c.commit.date, c.error]),
    }),
  ].join('\n');
}

export async function trendsSection(data: ReportData): Promise<string> {
  const parts = [
    '<section id="trends" aria-labelledby="trends-heading">',
    '<h2 id="trends-heading">Trends</h2>',
    '<h3>Across lineages</h3>',
  ];
  if (data.redacted) parts.push('<p>Values are redacted in this report.</p>');
  else parts.push(...(await lineageFigures(data)));
  parts.push('<h3>Across the branch’s history</h3>');
  if (data.history.length === 0) {
    parts.push(
      data.historyScope === null
        ? '<p class="no-history">No history: run with --history N.</p>'
        : `<p class="no-history">No commit to judge: ${esc(data.historyScope)}.</p>`,
    );
  } else {
    parts.push(`<p>${esc(data.historyScope ?? `${data.history.length} commits`)}.</p>`);
    if (data.redacted) parts.push('<p>Values are redacted in this report.</p>');
    else parts.push(...(await historyFigures(data)));
    parts.push('<h3>Level changes</h3>', await levelTimeline(data), unjudged(data));
  }
  parts.push('</section>');
  return parts.join('\n');
}
