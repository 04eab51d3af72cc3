/**
 * `rsp-gate report` in a real browser (`npm run test:browser`): the report of the fixture
 * repository (examples/acme-models with a pinned history) opened from disk in the system's
 * Chromium. What a reader would check: it opens offline without errors, every section and chart
 * is there with its labels, status reads without colour, axe-core finds nothing serious, Vega's
 * estimated label widths fit once the embedded font draws them, and the overview, its sorting
 * and the record downloads work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLE_DIR, FIXTURE_STEPS } from '../../scripts/build-report-fixture.js';
import type { DecisionRecord, ThresholdStatus } from '../../src/core/decision.js';
import {
  axeSource,
  isLocal,
  launchBrowser,
  openPage,
  writeFixtureReport,
  type Browser,
  type FixtureReport,
  type OpenedPage,
} from './harness.js';
import { fontsOfText, misplacedLabels } from './page-checks.js';

const SECTIONS = ['overview', 'margins', 'trends', 'safeguards', 'audit'];
const THRESHOLD_WORDS: Record<ThresholdStatus, string> = {
  crossed: 'crossed',
  not_ruled_out: 'not ruled out',
  ruled_out: 'ruled out',
  cleared_by_decision: 'cleared by decision',
};
const STATUS_WORDS = [...Object.values(THRESHOLD_WORDS), 'active', 'expiring', 'expired'];

let browser: Browser;
let report: FixtureReport;
let opened: OpenedPage;

beforeAll(async () => {
  report = await writeFixtureReport();
  browser = await launchBrowser();
  opened = await openPage(browser.context, report.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  report?.remove();
});

/** The model's verdict as `rsp-gate check` gives it: blocked by any blocking reason naming it. */
function verdictOf(record: DecisionRecord, model: string): 'pass' | 'block' {
  return record.reasons.some((r) => r.severity === 'block' && r.model === model) ? 'block' : 'pass';
}

/** axe-core's serious and critical violations on the page, with where they are. */
async function seriousViolations({ page }: OpenedPage): Promise<string[]> {
  await page.addScriptTag({ content: axeSource() });
  return page.evaluate(async () => {
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    }
    const axe = (window as unknown as { axe: { run(c: Document): Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} at ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
  });
}

describe('the page, opened from disk', () => {
  test('logs no console error or page error, and asks for nothing but itself', async () => {
    // Everything the page can do unprompted: open every text alternative, scroll to the end.
    await opened.page.evaluate(() => {
      document.querySelectorAll('details').forEach((d) => (d.open = true));
      window.scrollTo(0, document.body.scrollHeight);
    });
    await opened.page.waitForTimeout(200);
    expect(opened.errors).toEqual([]);
    expect(opened.requests.filter((u) => !isLocal(u, report.url))).toEqual([]);
    expect(opened.requests).toContain(report.url);
  });

  test('the file has no external script, stylesheet, font or image', () => {
    const html = readFileSync(report.file, 'utf8');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
    expect(html).not.toMatch(/<(img|iframe|object|embed)\b[^>]*\ssrc=["']?(https?:)?\/\//i);
  });

  test('has the overview, margins, trends, safeguards and audit sections, each with a heading', async () => {
    for (const id of SECTIONS) {
      const section = opened.page.locator(`#${id}`);
      expect(await section.count(), `#${id}`).toBe(1);
      expect(await section.isVisible(), `#${id} visible`).toBe(true);
      expect((await section.locator('h2').first().textContent())?.trim(), `#${id} h2`).toBeTruthy();
    }
  });
});

describe('the charts', () => {
  test('every chart is an SVG image with marks, axis titles, a caption and a text alternative', async () => {
    const charts = await opened.page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const svg = f.querySelector('svg');
        return {
          kind: f.getAttribute('data-chart'),
          model: f.getAttribute('data-model'),
          svg: svg !== null,
          name: svg?.getAttribute('aria-label') ?? svg?.querySelector('title')?.textContent ?? '',
          role: svg?.getAttribute('role') ?? null,
          marks: svg?.querySelectorAll('g.role-mark > path, g.role-mark > line, g.role-mark > rect')
            .length,
          axisTitles: [...(svg?.querySelectorAll('g.role-axis-title text') ?? [])].map(
            (t) => t.textContent ?? '',
          ),
          caption: f.querySelector('figcaption')?.textContent?.trim() ?? '',
          alternative: f.querySelector('details.text-alternative')?.textContent?.trim() ?? '',
        };
      }),
    );
    const kinds = new Set(charts.map((c) => c.kind));
    for (const kind of [
      'levels',
      'margins',
      'lineage-trend',
      'history-trend',
      'level-timeline',
      'attestation-timeline',
    ])
      expect(kinds, `a ${kind} chart`).toContain(kind);
    for (const c of charts) {
      const what = `${c.kind} ${c.model ?? ''}`;
      expect(c.svg, `${what}: svg`).toBe(true);
      expect(c.role, `${what}: role`).toBe('img');
      expect(c.name, `${what}: accessible name`).not.toBe('');
      expect(c.marks, `${what}: marks`).toBeGreaterThan(0);
      expect(c.axisTitles.length, `${what}: axis titles`).toBeGreaterThan(0);
      expect(c.caption, `${what}: figcaption`).not.toBe('');
      expect(c.alternative, `${what}: text alternative`).not.toBe('');
    }
  });

  test("each model's margins chart titles an axis with each metric it draws and names its files", async () => {
    for (const model of report.record.models) {
      const figure = opened.page.locator(
        `figure.chart[data-chart="margins"][data-model="${model.id}"]`,
      );
      expect(await figure.count(), `${model.id}: margins chart`).toBe(1);
      const titles = await figure.locator('g.role-axis-title text').allTextContents();
      const drawn = model.thresholds.flatMap((t) => t.evidence.filter((e) => e.value !== null));
      expect(drawn.length, `${model.id}: values drawn`).toBeGreaterThan(0);
      for (const condition of drawn)
        expect(
          titles.some((t) => t.includes(condition.metric)),
          `${model.id}: an axis title with the unit ${condition.metric} (${condition.benchmark}) among ${JSON.stringify(titles)}`,
        ).toBe(true);
      const text = (await figure.textContent()) ?? '';
      for (const condition of drawn)
        expect(text, `${model.id}: source file of ${condition.benchmark}`).toContain(
          condition.file,
        );
    }
  });

  test("status is told by words and shapes: each model's margins write its thresholds' statuses", async () => {
    for (const model of report.record.models) {
      const figure = opened.page.locator(
        `figure.chart[data-chart="margins"][data-model="${model.id}"]`,
      );
      const words = (await figure.locator('svg text').allTextContents()).join('\n');
      for (const threshold of model.thresholds) {
        if (!threshold.evidence.some((e) => e.value !== null)) continue;
        expect(words, `${model.id} ${threshold.id}`).toContain(THRESHOLD_WORDS[threshold.status]);
      }
    }
    // Every status legend pairs each word with a shape of its own: no two words share a shape.
    const legends = await opened.page.$$eval('figure.chart svg g.role-legend', (groups) =>
      groups.map((legend) => ({
        title: legend.querySelector('g.role-legend-title text')?.textContent ?? '',
        entries: [...legend.querySelectorAll('g.role-legend-entry g.role-scope')].map((entry) => ({
          word: entry.querySelector('g.role-legend-label text')?.textContent ?? '',
          shape: entry.querySelector('g.role-legend-symbol path')?.getAttribute('d') ?? '',
        })),
      })),
    );
    const statusLegends = legends.filter((l) =>
      l.entries.some((e) => STATUS_WORDS.includes(e.word)),
    );
    expect(statusLegends.length, 'legends naming statuses').toBeGreaterThan(0);
    for (const legend of statusLegends) {
      const shapes = new Map(legend.entries.map((e) => [e.word, e.shape]));
      expect(
        new Set(shapes.values()).size,
        `legend "${legend.title}": ${JSON.stringify(legend.entries)}`,
      ).toBe(shapes.size);
      for (const e of legend.entries)
        expect(e.shape, `legend "${legend.title}" ${e.word}`).not.toBe('');
    }
  });

  test("labels fit: axis, legend and mark text inside its SVG, one axis' labels never overlapping", async () => {
    await opened.page.evaluate(() =>
      document.querySelectorAll('details').forEach((d) => (d.open = true)),
    );
    const { checked, problems } = await misplacedLabels(opened.page);
    expect(problems).toEqual([]);
    expect(checked, 'texts checked').toBeGreaterThan(100);
  });
});

describe('the page as a reader meets it', () => {
  test('axe-core finds no serious or critical violation', async () => {
    expect(await seriousViolations(opened)).toEqual([]);
  });

  test('its text is drawn with the embedded font, never a system font', async () => {
    const family = await opened.page.evaluate(() =>
      getComputedStyle(document.body)
        .fontFamily.split(',')[0]!
        .trim()
        .replace(/^["']|["']$/g, ''),
    );
    const embedded = await opened.page.evaluate(
      (name) =>
        [...document.fonts]
          .filter((f) => f.family.replace(/^["']|["']$/g, '') === name)
          .map((f) => f.status),
      family,
    );
    expect(embedded.length, `@font-face rules for ${family}`).toBeGreaterThan(0);
    expect(
      embedded.every((s) => s === 'loaded'),
      `${family} loaded: ${embedded.join(', ')}`,
    ).toBe(true);
    const fonts = await fontsOfText(opened.page);
    expect(fonts.filter((f) => !f.custom)).toEqual([]);
    expect(fonts.map((f) => f.family)).toContain(family);
  });

  test('the overview lists every model with the levels and verdict rsp-gate check gives', async () => {
    const { page } = opened;
    const headers = (await page.locator('#overview-table thead th').allTextContents()).map((h) =>
      h.trim().toLowerCase(),
    );
    const column = (pattern: RegExp) => {
      const i = headers.findIndex((h) => pattern.test(h));
      expect(
        i,
        `a column matching ${pattern} among ${JSON.stringify(headers)}`,
      ).toBeGreaterThanOrEqual(0);
      return i;
    };
    const deployment = column(/deploy/);
    const security = column(/secur/);
    const verdict = column(/verdict|decision/);
    const rows = page.locator('#overview-table tbody tr[data-model]');
    expect(await rows.count()).toBe(report.record.models.length);
    expect(report.record.models.length).toBe(3);
    for (const model of report.record.models) {
      const cells = (
        await page.locator(`#overview-table tr[data-model="${model.id}"] > *`).allTextContents()
      ).map((c) => c.trim());
      expect(cells.join(' | '), model.id).toContain(model.id);
      expect(cells[deployment], `${model.id} deployment`).toContain(model.levels.deployment);
      expect(cells[security], `${model.id} security`).toContain(model.levels.security);
      expect(cells[verdict]?.toLowerCase(), `${model.id} verdict`).toContain(
        verdictOf(report.record, model.id),
      );
    }
  });

  test('clicking a column header sorts the rows by it, and clicking again reverses them', async () => {
    const { page } = opened;
    const order = () =>
      page.$$eval('#overview-table tbody tr[data-model]', (rows) =>
        rows.map((r) => r.getAttribute('data-model')!),
      );
    const ids = report.record.models.map((m) => m.id);
    const ascending = [...ids].sort();
    const header = page
      .locator('#overview-table thead th')
      .filter({ hasText: /^\s*model/i })
      .first();
    const target = (await header.locator('button').count()) > 0 ? header.locator('button') : header;
    await target.click();
    const first = await order();
    expect([ascending, [...ascending].reverse()]).toContainEqual(first);
    await target.click();
    expect(await order()).toEqual([...first].reverse());
    expect(await header.getAttribute('aria-sort')).toMatch(/^(ascending|descending)$/);
  });

  test("each of the audit's record links downloads JSON with its commit's decision", async () => {
    const { page } = opened;
    const links = page.locator('a.download-record');
    const count = await links.count();
    expect(count, 'record links').toBeGreaterThan(1);
    const head = report.commits.at(-1)!;
    let current = 0;
    for (let i = 0; i < count; i++) {
      const link = links.nth(i);
      const commit = (await link.getAttribute('data-commit'))!;
      if (commit !== 'current')
        expect(report.commits, `${commit}: a fixture commit`).toContain(commit);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const record = JSON.parse(readFileSync((await download.path())!, 'utf8')) as DecisionRecord;
      expect(['pass', 'block'], `${commit}: decision`).toContain(record.decision);
      // The current state's record is the one `rsp-gate check` writes for the same day.
      if (
        (commit === 'current' || commit === head) &&
        record.evaluated_at === report.record.evaluated_at
      ) {
        current++;
        expect(record.decision).toBe(report.record.decision);
        expect(record.models.map((m) => [m.id, m.levels])).toEqual(
          report.record.models.map((m) => [m.id, m.levels]),
        );
      }
    }
    expect(current, "the current state's record").toBe(1);
  });
});

describe("what the page tells of the fixture's history", () => {
  test('the level timeline raises frontier-7 to ASL-3 at the commit adding UT-2026-11, naming that file', async () => {
    const evidence = 'models/frontier-7/evals/uplift-trial-2026-11.evidence.yml';
    const step = FIXTURE_STEPS.findIndex((s) => s.files.includes(evidence));
    const sha = report.commits[step]!.slice(0, 7);
    const rows = await opened.page
      .locator('figure.chart[data-chart="level-timeline"] details.text-alternative tr')
      .allTextContents();
    const raised = rows.filter((r) => r.includes('acme/frontier-7') && r.includes(sha));
    expect(raised.length, `rows of ${sha} among ${JSON.stringify(rows)}`).toBe(2);
    for (const row of raised) {
      expect(row).toMatch(/ASL-2\s*to\s*ASL-3/);
      expect(row).toContain(evidence);
    }
    const svg = await opened.page
      .locator('figure.chart[data-chart="level-timeline"] svg text')
      .allTextContents();
    expect(svg.join('\n')).toContain(sha);
  });

  test('the safeguards section names every approver of the attestations', async () => {
    const approvers = new Set(
      readdirSync(join(EXAMPLE_DIR, 'safeguards')).flatMap((name) =>
        [
          ...readFileSync(join(EXAMPLE_DIR, 'safeguards', name), 'utf8').matchAll(
            /approved_by: \[([^\]]+)\]/g,
          ),
        ].flatMap((m) => m[1]!.split(',').map((a) => a.trim())),
      ),
    );
    expect([...approvers].sort()).toEqual(['alice-rso', 'bob-sec', 'carol-ceo', 'sam-safeguards']);
    const text = (await opened.page.locator('#safeguards').textContent()) ?? '';
    for (const approver of approvers) expect(text, approver).toContain(approver);
  });
});

describe('the redacted page (--redact), for a site not everyone may read', () => {
  let redacted: FixtureReport;
  let page: OpenedPage;

  beforeAll(async () => {
    redacted = await writeFixtureReport(['--redact']);
    page = await openPage(browser.context, redacted.url);
  }, 180_000);

  afterAll(() => redacted?.remove());

  test('holds no evidence file path and no attestation evidence, even in its records', () => {
    const html = readFileSync(redacted.file, 'utf8');
    const files = new Set(
      redacted.record.models.flatMap((m) => [
        ...m.evidence.files,
        ...m.thresholds.flatMap((t) => t.evidence.flatMap((e) => (e.file ? [e.file] : []))),
      ]),
    );
    expect(files.size).toBeGreaterThan(5);
    for (const file of files) expect(html, file).not.toContain(file);
    const attested = readdirSync(join(EXAMPLE_DIR, 'safeguards')).flatMap((name) =>
      [
        ...readFileSync(join(EXAMPLE_DIR, 'safeguards', name), 'utf8').matchAll(
          /evidence: "([^"]+)"/g,
        ),
      ].map((m) => m[1]!),
    );
    expect(attested.length).toBeGreaterThan(10);
    for (const evidence of attested) expect(html, evidence).not.toContain(evidence);
  });

  test('still opens without errors or requests, names every model and passes axe-core', async () => {
    expect(page.errors).toEqual([]);
    expect(page.requests.filter((u) => !isLocal(u, redacted.url))).toEqual([]);
    for (const model of redacted.record.models)
      expect(await page.page.locator(`#overview-table tr[data-model="${model.id}"]`).count()).toBe(
        1,
      );
    expect(await seriousViolations(page)).toEqual([]);
  });
});
