/**
 * The browser checks themselves, on a page made to fail them: a label drawn outside its SVG,
 * two labels of one axis on top of each other, text in a system font, and an image fetched
 * from the network. Each must be reported, so that a clean report page means a clean page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isLocal, launchBrowser, openPage, type Browser, type OpenedPage } from './harness.js';
import { fontsOfText, misplacedLabels } from './page-checks.js';

/** Two charts in the shape Vega's SVG renderer writes (its mark and role classes). */
const BAD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bad</title></head>
<body style="font-family: monospace">
<p>Drawn with a system font.</p>
<figure class="chart" data-chart="margins" data-model="acme/m">
  <svg width="200" height="100" viewBox="0 0 200 100">
    <g class="mark-group role-axis">
      <g class="mark-text role-axis-label">
        <text x="20" y="90" font-size="11">0.5</text>
        <text x="24" y="90" font-size="11">0.6</text>
      </g>
      <g class="mark-text role-axis-title"><text x="150" y="50" font-size="14">value (ratio) far too long</text></g>
    </g>
    <g class="mark-text role-axis-label"><text x="60" y="60" opacity="0">hidden by Vega</text></g>
  </svg>
</figure>
<figure class="chart" data-chart="levels">
  <svg width="200" height="60"><text x="10" y="30">fits</text></svg>
</figure>
<img alt="" src="http://192.0.2.1/tracker.png">
</body></html>`;

const dir = mkdtempSync(join(tmpdir(), 'rsp-gate-bad-page-'));
const file = join(dir, 'bad.html');
const url = pathToFileURL(file).href;
let browser: Browser;
let opened: OpenedPage;

beforeAll(async () => {
  writeFileSync(file, BAD_PAGE);
  browser = await launchBrowser();
  opened = await openPage(browser.context, url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the checks catch a bad page', () => {
  test('a label outside its SVG and overlapping labels of one axis, not a hidden one', async () => {
    const { checked, problems } = await misplacedLabels(opened.page);
    expect(checked).toBe(4);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^margins acme\/m: "value \(ratio\) far too long" .* outside its SVG/,
    );
    expect(problems[1]).toMatch(/^margins acme\/m: "0\.5" .* overlaps "0\.6"/);
  });

  test('text drawn with a font of the machine', async () => {
    const fonts = await fontsOfText(opened.page);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => !f.custom)).toBe(true);
    expect(fonts.flatMap((f) => f.samples)).toContain('Drawn with a system font.');
  });

  test('a request leaving the page, recorded and not sent', () => {
    const external = opened.requests.filter((u) => !isLocal(u, url));
    expect(external).toEqual(['http://192.0.2.1/tracker.png']);
    expect(opened.requests).toContain(url);
    // Aborted by the harness: the page logs the failed load as a console error.
    expect(opened.errors.join('\n')).toMatch(/ERR_BLOCKED_BY_CLIENT/);
  });
});
