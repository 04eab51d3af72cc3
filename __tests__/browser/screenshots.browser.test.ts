/**
 * Golden screenshots of the report (`npm run test:browser`): the overview and acme/frontier-7's
 * margins, from the fixture repository's report at a fixed viewport and scale, compared with
 * pixelmatch within a tolerance (anti-aliasing differs a little between Chromium builds). The
 * README shows the same images from docs/.
 *
 * After an intended change to the page: `UPDATE_GOLDEN=1 npm run test:browser` rewrites the
 * goldens and their docs/ copies; review the images before committing them. A failing compare
 * leaves the actual image and a diff image beside each other in the temp directory it names.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  launchBrowser,
  openPage,
  writeFixtureReport,
  type Browser,
  type FixtureReport,
  type OpenedPage,
} from './harness.js';

const ROOT = join(import.meta.dirname, '../..');
const GOLDEN = join(import.meta.dirname, 'golden');
const DOCS = join(ROOT, 'docs');
/** pixelmatch's per-pixel colour distance (0 to 1) under which two pixels count as the same. */
const PIXEL_THRESHOLD = 0.1;
/** The share of pixels allowed to differ. */
const TOLERANCE = 0.005;

const SHOTS = [
  { name: 'overview', selector: '#overview' },
  {
    name: 'margins',
    selector: 'figure.chart[data-chart="margins"][data-model="acme/frontier-7"]',
  },
] as const;

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

/** How `actual` differs from the golden image: null when within the tolerance. */
function difference(name: string, golden: Buffer, actual: Buffer): string | null {
  const a = PNG.sync.read(golden);
  const b = PNG.sync.read(actual);
  const keep = () => {
    const dir = mkdtempSync(join(tmpdir(), `rsp-gate-golden-${name}-`));
    writeFileSync(join(dir, `${name}.actual.png`), actual);
    return dir;
  };
  if (a.width !== b.width || a.height !== b.height)
    return `${name}: ${b.width}×${b.height} px, the golden is ${a.width}×${a.height} px (actual image in ${keep()})`;
  const diff = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, b.data, diff.data, a.width, a.height, {
    threshold: PIXEL_THRESHOLD,
  });
  const share = differing / (a.width * a.height);
  if (share <= TOLERANCE) return null;
  const out = keep();
  writeFileSync(join(out, `${name}.diff.png`), PNG.sync.write(diff));
  return `${name}: ${differing} pixels (${(share * 100).toFixed(2)}%) differ from the golden, more than ${TOLERANCE * 100}% (actual and diff images in ${out})`;
}

describe('golden screenshots of the fixture report', () => {
  for (const shot of SHOTS)
    test(`${shot.name} matches __tests__/browser/golden/${shot.name}.png within ${TOLERANCE * 100}% of pixels`, async () => {
      const element = opened.page.locator(shot.selector);
      expect(await element.count(), shot.selector).toBe(1);
      const actual = await element.screenshot({
        animations: 'disabled',
        caret: 'hide',
        scale: 'css',
      });
      const golden = join(GOLDEN, `${shot.name}.png`);
      if (process.env.UPDATE_GOLDEN === '1') {
        writeFileSync(golden, actual);
        copyFileSync(golden, join(DOCS, `report-${shot.name}.png`));
      }
      expect(
        existsSync(golden),
        `no golden ${shot.name}.png: run UPDATE_GOLDEN=1 npm run test:browser, then review and commit it`,
      ).toBe(true);
      expect(difference(shot.name, readFileSync(golden), actual)).toBeNull();
    });

  test("the README's images in docs/ are the goldens", () => {
    for (const shot of SHOTS)
      expect(
        readFileSync(join(DOCS, `report-${shot.name}.png`)).equals(
          readFileSync(join(GOLDEN, `${shot.name}.png`)),
        ),
        `docs/report-${shot.name}.png`,
      ).toBe(true);
  });
});
