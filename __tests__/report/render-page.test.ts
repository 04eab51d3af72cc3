/**
 * The report page as a user would check it: every section is there, the overview is sortable,
 * every chart is an inline SVG with marks and axis titles with units, statuses are written as
 * words, nothing points at the network, hostile strings from the data stay text, a redacted page
 * shows no path or value, and the records decode back to the same JSON. A scale test renders
 * 1,000 models and counts the charts (a bound, not a time).
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import type { DecisionRecord, ModelDecision } from '../../src/core/decision.js';
import { chartWarnings } from '../../src/report/charts.js';
import { FONT_UNICODE_RANGE } from '../../src/report/font.js';
import { renderReportPage } from '../../src/report/render-page.js';
import type {
  AttestationRow,
  CommitSummary,
  MarginRow,
  ReportData,
} from '../../src/report/report-data.js';

const HOSTILE = '<script>alert("id")</script>';
const LEVELS = ['level-1', 'level-2', 'level-3'];

function model(id: string, deployment: string, file: string): ModelDecision {
  return {
    id,
    card: `models/${id}.md`,
    line: 1,
    levels: { deployment, security: deployment },
    base_levels: null,
    declared: null,
    thresholds: [],
    safeguards: [],
    signoffs: [],
    triggers: [],
    evidence: { records: 1, files: [file] },
  };
}

function record(models: ModelDecision[], head: string | null): DecisionRecord {
  return {
    decision: 'block',
    mode: 'enforce',
    policy: {
      source: '.rsp/policy.yml',
      sha256: 'ab'.repeat(32),
      extends: 'frontier-v1',
      preset: { name: 'frontier-v1', version: 3, sha256: 'cd'.repeat(32) },
      organization: null,
      levels: LEVELS,
    },
    evaluated_at: '2026-11-27T00:00:00.000Z',
    head,
    models,
    reasons: [],
  };
}

/** Two conditions of one threshold on one benchmark, and one of another, for a model. */
function margins(m: string, value: number, status: MarginRow['thresholdStatus'], file: string) {
  const base = { model: m, benchmark: 'wmdp-bio', metric: 'accuracy', file };
  return [
    {
      ...base,
      threshold: 'bio-uplift',
      thresholdStatus: status,
      rule: 'rule_in',
      op: 'gte',
      line: 0.8,
      value,
      holds: value >= 0.8,
      tooClose: false,
    },
    {
      ...base,
      threshold: 'bio-uplift',
      thresholdStatus: status,
      rule: 'rule_out',
      op: 'lt',
      line: 0.5,
      value,
      holds: value < 0.5,
      tooClose: value < 0.5 && value > 0.45,
    },
    {
      ...base,
      benchmark: 'cybench',
      metric: 'solve_rate',
      threshold: 'cyber-ops',
      thresholdStatus: 'cleared_by_decision',
      rule: 'rule_out',
      op: 'lt',
      line: 0.3,
      value: value / 2,
      holds: false,
      tooClose: false,
    },
  ] satisfies MarginRow[];
}

const COMMITS = [
  { sha: '1111111aaaaaaa', date: '2026-10-01T10:00:00Z', subject: 'first', author: 'ann' },
  { sha: '2222222bbbbbbb', date: '2026-10-15T10:00:00Z', subject: 'raise', author: 'ann' },
  {
    sha: '3333333ccccccc',
    date: '2026-11-01T10:00:00Z',
    subject: `evil ${HOSTILE}`,
    author: 'bob',
  },
];

function attestation(m: string, state: AttestationRow['state'], expires: string | null) {
  return {
    model: m,
    kind: 'safeguard',
    target: 'weights-security',
    approvedBy: ['carol', `<img src=x onerror=alert(1)>`],
    date: '2026-09-01',
    expires,
    state,
    daysLeft: expires ? Math.round((Date.parse(expires) - Date.parse('2026-11-27')) / 864e5) : null,
    file: `attestations/${m}.yml`,
    line: 3,
  } satisfies AttestationRow;
}

/** Three models: a lineage of two and one with a hostile id. */
function threeModels(redacted = false): ReportData {
  const ids = ['alpha-1', 'alpha-2', HOSTILE];
  const files = ids.map((_, i) => `evidence/run-${i}/results.json`);
  const models = ids.map((id, i) => model(id, LEVELS[i % 2]!, files[i]!));
  const rows = [
    ...margins('alpha-1', 0.42, 'ruled_out', files[0]!),
    ...margins('alpha-2', 0.63, 'not_ruled_out', files[1]!),
    ...margins(HOSTILE, 0.91, 'crossed', files[2]!),
  ];
  const values = rows
    .filter((r) => r.rule === 'rule_out' || r.threshold === 'cyber-ops')
    .map((r) => ({
      model: r.model,
      benchmark: r.benchmark,
      metric: r.metric,
      value: r.value,
      file: r.file,
    }));
  const history: CommitSummary[] = COMMITS.map((commit, i) => ({
    commit,
    decision: 'block',
    levels: Object.fromEntries(models.map((m) => [m.id, m.levels])),
    values: values.map((v) => ({ ...v, value: v.value - 0.1 * (2 - i) })),
    blocking: 1,
    record: i === 1 ? record(models, commit.sha) : null,
    error: null,
  }));
  const attestations = [
    attestation('alpha-1', 'active', '2027-06-01'),
    attestation('alpha-2', 'expiring', '2026-12-20'),
    attestation(HOSTILE, 'expired', '2026-11-01'),
    { ...attestation('alpha-2', 'undated', null), kind: 'signoff', target: 'level-2', date: null },
  ] satisfies AttestationRow[];
  const current = record(models, COMMITS[2]!.sha);
  const data: ReportData = {
    title: 'acme/models report',
    generatedAt: '2026-11-27T00:00:00.000Z',
    policy: current.policy,
    decision: 'block',
    mode: 'enforce',
    head: COMMITS[2]!,
    headSha: null,
    overview: ids.map((id, i) => ({
      model: id,
      deployment: LEVELS[i % 2]!,
      security: LEVELS[i % 2]!,
      verdict: i === 2 ? 'block' : 'pass',
      openItems: i === 2 ? 3 : i,
      nextExpiry: i === 0 ? '2027-06-01' : i === 1 ? '2026-12-20' : null,
      card: `models/${id}.md`,
    })),
    margins: rows,
    lineage: { 'alpha-1': [], 'alpha-2': ['alpha-1'], [HOSTILE]: [] },
    values,
    history,
    historyScope: 'the last 3 first-parent commits of main',
    levelChanges: [
      {
        commit: COMMITS[1]!,
        model: 'alpha-2',
        kind: 'deployment',
        from: 'level-1',
        to: 'level-2',
        causes: [files[1]!],
        approvers: ['carol', HOSTILE],
      },
    ],
    attestations,
    expiringWithin: { 30: [attestations[1]!], 60: [attestations[1]!], 90: [attestations[1]!] },
    blockingReasons: [
      {
        code: 'threshold-not-ruled-out',
        severity: 'block',
        message: `bio-uplift is not ruled out for ${HOSTILE}`,
        file: files[2]!,
        line: 4,
        model: HOSTILE,
      },
    ],
    records: [
      { label: 'current state', commit: null, record: current },
      { label: 'raise', commit: COMMITS[1]!.sha, record: history[1]!.record! },
    ],
    redacted,
  };
  if (!redacted) return data;
  const strip = <T extends { file: string | null }>(r: T) => ({ ...r, file: null });
  return {
    ...data,
    margins: data.margins.map((r) => ({ ...strip(r), value: null })),
    values: [],
    history: data.history.map((c) => ({ ...c, values: [] })),
    levelChanges: data.levelChanges.map((c) => ({ ...c, causes: ['bio-uplift'] })),
    attestations: data.attestations.map(strip),
    expiringWithin: { 30: [strip(attestations[1]!)], 60: [], 90: [] },
    blockingReasons: data.blockingReasons.map((r) => ({
      ...r,
      message: `${r.code} (details redacted)`,
      file: null,
      line: null,
    })),
    records: [],
  };
}

/** The `<figure class="chart">` elements of a page, each with its attributes and inner HTML. */
function figures(html: string) {
  return [...html.matchAll(/<figure class="chart"([^>]*)>([\s\S]*?)<\/figure>/g)].map((m) => ({
    attrs: m[1]!,
    kind: /data-chart="([^"]+)"/.exec(m[1]!)?.[1],
    body: m[2]!,
  }));
}

describe('the report page', async () => {
  const html = await renderReportPage(threeModels());

  test('is one HTML document in English with every section in heading order', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    for (const id of ['overview', 'margins', 'trends', 'safeguards', 'audit']) {
      expect(html).toMatch(
        new RegExp(`<section id="${id}" aria-labelledby="${id}-heading">\\s*<h2 `),
      );
    }
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    levels.forEach(
      (l, i) => i > 0 && expect(l, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1),
    );
  });

  test('says what was judged: policy source, preset@version, short digest, commit', () => {
    const header = html.slice(html.indexOf('<header>'), html.indexOf('</header>'));
    expect(header).toContain('.rsp/policy.yml');
    expect(header).toContain('frontier-v1@3');
    expect(header).toContain('abababababab');
    expect(header).toContain('3333333');
  });

  test('the overview has one row per model, sortable headers with aria-sort, levels and verdicts', () => {
    const overview = /<table id="overview-table"[\s\S]*?<\/table>/.exec(html)![0];
    expect([...overview.matchAll(/<tr data-model="/g)]).toHaveLength(3);
    expect(overview).toContain('<tr data-model="alpha-2"><th scope="row">alpha-2</th>');
    const heads = [
      ...overview.matchAll(
        /<th scope="col"[^>]*aria-sort="(\w+)"[^>]*><button type="button">([^<]+)</g,
      ),
    ];
    expect(heads.map((h) => h[2])).toEqual([
      'model',
      'deployment level',
      'security level',
      'verdict',
      'open items',
      'next expiry',
    ]);
    expect(heads.map((h) => h[1])).toEqual(['ascending', 'none', 'none', 'none', 'none', 'none']);
    // Levels sort by the policy's order, not alphabetically.
    expect(overview).toContain('<td data-sort="1">level-2</td>');
    expect(overview).toMatch(
      /<td data-sort="block"><span class="status status-block">.*block<\/span>/,
    );
  });

  test('every chart is an inline SVG image with a name, marks, a unit on an axis and a text alternative', () => {
    const charts = figures(html);
    expect(new Set(charts.map((c) => c.kind))).toEqual(
      new Set([
        'levels',
        'margins',
        'lineage-trend',
        'history-trend',
        'level-timeline',
        'attestation-timeline',
      ]),
    );
    for (const c of charts) {
      const what = `${c.kind} ${c.attrs}`;
      expect(c.body, what).toMatch(/<figcaption>[^<]+<\/figcaption>/);
      expect(c.body, what).toMatch(/<svg role="img" aria-label="[^"]+"[^>]*><title>/);
      expect(c.body, what).toMatch(/class="mark-(symbol|rect|line|rule)[^"]*role-mark/);
      expect(c.body, what).toMatch(
        /<details class="text-alternative"><summary>[^<]+<\/summary>[\s\S]*<table>/,
      );
      const axisTitles = [
        ...c.body.matchAll(/role-axis-title[\s\S]*?<text[^>]*>([^<]+)<\/text>/g),
      ].map((m) => m[1]);
      expect(
        axisTitles.some((t) => /\([^)]+\)/.test(t!)),
        `${what}: ${axisTitles.join(' | ')}`,
      ).toBe(true);
    }
  });

  test("each model's margins chart draws its benchmarks with units, names its files and writes its statuses", () => {
    const perModel = figures(html).filter(
      (c) => c.kind === 'margins' && c.attrs.includes('data-model'),
    );
    expect(perModel).toHaveLength(3);
    const alpha2 = perModel.find((c) => c.attrs.includes('data-model="alpha-2"'))!;
    const svgText = [...alpha2.body.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(svgText).toContain('wmdp-bio value (accuracy)');
    expect(svgText).toContain('cybench value (solve_rate)');
    expect(svgText).toContain('rule in &gt;= 0.8');
    expect(svgText).toContain('rule out &lt; 0.5');
    expect(svgText).toContain('not ruled out');
    expect(svgText).toContain('cleared by decision');
    expect(svgText).toContain('source: evidence/run-1/results.json');
    for (const word of ['crossed', 'not ruled out', 'ruled out', 'cleared by decision']) {
      expect(html).toContain(`"status status-${word.replace(/ /g, '-')}">${word}</span>`);
    }
  });

  test('trends draw the lineage and the history with short shas; level changes list commit, causes and approvers', () => {
    const lineage = figures(html).filter((c) => c.kind === 'lineage-trend');
    expect(lineage.length).toBe(2);
    expect(lineage[0]!.body).toContain('alpha-1 › alpha-2');
    const history = figures(html).filter((c) => c.kind === 'history-trend');
    expect(history.length).toBe(2);
    for (const c of COMMITS) expect(history[0]!.body).toContain(`>${c.sha.slice(0, 7)}</text>`);
    const timeline = figures(html).find((c) => c.kind === 'level-timeline')!;
    expect(timeline.body).toContain('deployment: level-1 to level-2 (2222222)');
    expect(html).toContain('evidence/run-1/results.json</td><td>carol, &#60;script&#62;');
  });

  test('safeguards: a timeline per kind of attestation and the 30/60/90-day lists', () => {
    const timelines = figures(html).filter((c) => c.kind === 'attestation-timeline');
    expect(timelines.map((c) => /data-kind="(\w+)"/.exec(c.attrs)![1])).toEqual([
      'safeguard',
      'signoff',
    ]);
    // Approvers are hostile strings too; a long one is cut.
    expect(timelines[0]!.body).toContain('>active · by carol, &lt;img src=x onerror=aler…</text>');
    for (const state of ['active', 'expiring', 'expired'])
      expect(timelines[0]!.body).toContain(`>${state} · by carol, `);
    expect(timelines[1]!.body).toContain('>undated · by carol, ');
    for (const days of [30, 60, 90])
      expect(html).toContain(`<h3 id="expiring-${days}">Expiring within ${days} days</h3>`);
  });

  test('Vega-Lite and Vega drew every chart without a warning', () => {
    expect(chartWarnings).toEqual([]);
  });

  test('writes no character the embedded font lacks, so no text falls back to a system font', () => {
    const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
    const text = html
      .replace(/<style>[\s\S]*?<\/style>|<script[^>]*>[\s\S]*?<\/script>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&(lt|gt|amp|quot);/g, (_, name: string) => entities[name]!);
    const covered = (c: string) =>
      FONT_UNICODE_RANGE.some(
        ([first, last]) => c.codePointAt(0)! >= first && c.codePointAt(0)! <= last,
      );
    expect([...new Set([...text].filter((c) => !covered(c)))]).toEqual([]);
    // Nor does the stylesheet or a chart name another font (code and buttons inherit Inter).
    const families = [...html.matchAll(/font-family[:=]"?([^;}"]+)/g)].map((m) => m[1]!.trim());
    expect(families.length).toBeGreaterThan(10);
    expect(families.filter((f) => !/^(Inter\b|inherit$)/.test(f))).toEqual([]);
  });

  test('makes no network request: no http(s) URL in a src, href or url(), no external script or link', () => {
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b|<script[^>]+src=/i);
    expect(html).toMatch(/@font-face\{font-family:Inter;[^}]*src:url\(data:font\/woff2;base64,/);
  });

  test('hostile strings from the data stay text, in HTML and in SVG', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    // The page's own script and the records' inert data blocks: nothing from the data.
    expect(scripts.filter((a) => a === '')).toHaveLength(1);
    expect(
      scripts.every(
        (a) => a === '' || /^ type="application\/octet-stream" id="record-\d+"$/.test(a!),
      ),
    ).toBe(true);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;script&#62;alert(&#34;id&#34;)&#60;/script&#62;');
    const hostileFigure = figures(html).find((c) => c.attrs.includes('data-model="&#60;script'))!;
    expect(hostileFigure.body).toContain('&lt;script&gt;');
  });

  test('each record link decodes (gunzip) back to the same JSON', () => {
    const data = threeModels();
    const links = [
      ...html.matchAll(
        /<a class="download-record"[^>]*data-commit="([^"]+)" data-record="([^"]+)" download="([^"]+)"/g,
      ),
    ];
    expect(links.map((l) => [l[1], l[3]])).toEqual([
      ['current', 'rsp-gate-record-current.json'],
      [COMMITS[1]!.sha, 'rsp-gate-record-2222222.json'],
    ]);
    links.forEach((l, i) => {
      const b64 = new RegExp(
        `<script type="application/octet-stream" id="${l[2]}">([^<]+)</script>`,
      ).exec(html)![1]!;
      const text = gunzipSync(Buffer.from(b64, 'base64')).toString('utf8');
      expect(JSON.parse(text)).toEqual(data.records[i]!.record);
      // Byte for byte what `rsp-gate check --format json` prints.
      expect(text).toBe(`${JSON.stringify(data.records[i]!.record, null, 2)}\n`);
    });
  });
});

describe('a redacted page', async () => {
  const html = await renderReportPage(threeModels(true));

  test('shows no evidence path and no value, says "redacted" instead, and keeps ids, statuses and approvers', () => {
    expect(html).not.toMatch(/evidence\/run-|attestations\/|results\.json/);
    for (const value of ['0.42', '0.63', '0.91']) expect(html).not.toContain(value);
    expect(html).not.toContain('application/octet-stream');
    expect(html).toContain('redacted');
    expect(html).toContain('alpha-2');
    expect(html).toContain('carol');
    expect(html).toContain('>not ruled out</span>');
    const perModel = figures(html).filter(
      (c) => c.kind === 'margins' && c.attrs.includes('data-model'),
    );
    expect(perModel).toHaveLength(3);
    for (const c of perModel) expect(c.body).toContain('status (values redacted)');
  });
});

describe('at 1,000 models', () => {
  test('the page groups and scrolls instead of drawing a chart per model', async () => {
    const base = threeModels();
    const ids = Array.from({ length: 1000 }, (_, i) => `model-${String(i).padStart(4, '0')}`);
    const statuses = ['crossed', 'not_ruled_out', 'ruled_out', 'cleared_by_decision'] as const;
    const rows = ids.flatMap((id, i) =>
      margins(id, (i % 100) / 100, statuses[i % 4]!, `evidence/${id}.json`),
    );
    const values = rows
      .filter((r) => r.rule === 'rule_out')
      .map((r) => ({
        model: r.model,
        benchmark: r.benchmark,
        metric: r.metric,
        value: r.value,
        file: r.file,
      }));
    const data: ReportData = {
      ...base,
      overview: ids.map((model, i) => ({ ...base.overview[0]!, model, openItems: i % 7 })),
      margins: rows,
      values,
      lineage: Object.fromEntries(ids.map((id, i) => [id, i % 2 ? [ids[i - 1]!] : []])),
      // 100 commits, each moving a few models' values.
      history: Array.from({ length: 100 }, (_, i) => ({
        ...base.history[0]!,
        commit: {
          ...COMMITS[0]!,
          sha: `${String(i).padStart(3, '0')}${'f'.repeat(37)}`,
          date: new Date(Date.parse('2026-08-01T00:00:00Z') + i * 86_400_000).toISOString(),
        },
        values: values.map((v, j) => (j % 97 === i % 97 ? { ...v, value: v.value + 0.01 * i } : v)),
        record: null,
      })),
      levelChanges: ids.slice(0, 50).map((model) => ({ ...base.levelChanges[0]!, model })),
      attestations: ids.map((model, i) =>
        attestation(model, i % 3 ? 'active' : 'expiring', '2027-01-01'),
      ),
    };
    const started = performance.now();
    const html = await renderReportPage(data);
    const ms = performance.now() - started;
    console.log(
      `1,000 models: ${Math.round(ms)} ms, ${(html.length / 1e6).toFixed(1)} MB, ${html.split('<svg').length - 1} charts`,
    );
    const kinds = figures(html).map(
      (c) => `${c.kind}${c.attrs.includes('data-model') ? ' per model' : ''}`,
    );
    const count = (k: string) => kinds.filter((x) => x === k).length;
    // Margins: one chart per threshold and benchmark (2) and the 12 models needing attention.
    expect(count('margins')).toBe(2);
    expect(count('margins per model')).toBe(12);
    // One lineage chart per benchmark; history: at most 2 charts of 8 models per benchmark.
    expect(count('lineage-trend')).toBe(2);
    expect(count('history-trend')).toBe(4);
    expect(count('level-timeline')).toBe(1);
    expect(count('attestation-timeline')).toBe(1);
    expect(count('levels')).toBe(1);
    expect(html.split('<svg').length - 1).toBe(23);
    // Long charts scroll in a fixed-height container rather than shrinking.
    expect(html).toMatch(
      /<figure class="chart" data-chart="margins" data-threshold="bio-uplift">\s*<figcaption>[^<]*<\/figcaption>\s*<div class="chart-scroll" tabindex="0"/,
    );
  });
});
