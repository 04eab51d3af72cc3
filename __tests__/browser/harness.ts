/**
 * The browser tests' harness: the system's Chromium driven by playwright-core (never a
 * downloaded browser), the report fixture repository with its pinned history, and the report
 * the bundled CLI writes from it, opened from disk with every console message, page error and
 * request recorded.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildReportFixture } from '../../scripts/build-report-fixture.js';
import type { DecisionRecord } from '../../src/core/decision.js';
import { bundled } from '../helpers/bundle.js';

const run = promisify(execFile);

/** The report date of the tests and of the README screenshots. */
export const REPORT_NOW = '2026-11-27';
/** Enough to judge every commit of the fixture history. */
export const REPORT_HISTORY = '20';
/** The fixed viewport of the screenshots (deviceScaleFactor 1). */
export const VIEWPORT = { width: 1280, height: 900 };

/**
 * The system browser: RSP_GATE_CHROMIUM, else Debian's /usr/bin/chromium, else Google Chrome as
 * GitHub's Ubuntu runners install it. Fails with what to do when there is none.
 */
export function chromiumPath(): string {
  const chosen = process.env.RSP_GATE_CHROMIUM;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`RSP_GATE_CHROMIUM=${chosen}: no such file`);
    return chosen;
  }
  const found = ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    "npm run test:browser needs a system Chromium: install Debian's (`apt-get install chromium`) or set RSP_GATE_CHROMIUM to a Chrome or Chromium binary; it never downloads one",
  );
}

/**
 * Flags for a headless browser that talks to nobody (no updates, sync, QUIC or background
 * requests) and draws text the same way on every machine (no hinting, no subpixel colours).
 */
const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
  '--disable-lcd-text',
  '--force-color-profile=srgb',
  '--hide-scrollbars',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** The system browser with a fresh profile, at the screenshots' viewport and scale. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'rsp-gate-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: BROWSER_ARGS,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme: 'light',
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface FixtureReport {
  /** The report file (absolute). */
  file: string;
  url: string;
  /** The fixture repository's commits, oldest first. */
  commits: string[];
  /** `rsp-gate check --format json` of the fixture at the report date: what the page must show. */
  record: DecisionRecord;
  /** Removes the fixture and the report. */
  remove(): void;
}

/**
 * Builds the fixture repository (as `acme-models`, the page's title label) and writes its
 * report with the bundled CLI, with the history and date the screenshots are taken at.
 */
export async function writeFixtureReport(extra: string[] = []): Promise<FixtureReport> {
  const dir = mkdtempSync(join(tmpdir(), 'rsp-gate-report-'));
  const root = join(dir, 'acme-models');
  const commits = buildReportFixture(root);
  const file = join(dir, 'report.html');
  const cli = bundled('cli.js');
  const args = ['--root', 'acme-models', '--now', REPORT_NOW];
  await run(
    process.execPath,
    [cli, 'report', ...args, '--history', REPORT_HISTORY, '--out', file, ...extra],
    { cwd: dir },
  );
  // `check` exits 1 on a block: the record is on stdout either way.
  const check = await run(process.execPath, [cli, 'check', ...args, '--format', 'json'], {
    cwd: dir,
  }).catch((error: { code?: number; stdout?: string }) => {
    if (error.code === 1 && error.stdout) return { stdout: error.stdout };
    throw error;
  });
  return {
    file,
    url: pathToFileURL(file).href,
    commits,
    record: JSON.parse(check.stdout) as DecisionRecord,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface OpenedPage {
  page: Page;
  /** Console messages of type error, and uncaught page errors. */
  errors: string[];
  /** Every URL the page asked for. */
  requests: string[];
}

/**
 * Opens `url` in a new tab, recording errors and requests; any request that is not the page
 * itself, data: or blob: is aborted (and recorded) so nothing leaves the machine.
 */
export async function openPage(context: BrowserContext, url: string): Promise<OpenedPage> {
  const page = await context.newPage();
  const opened: OpenedPage = { page, errors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => opened.errors.push(`page error: ${error.message}`));
  page.on('request', (request) => opened.requests.push(request.url()));
  await page.route(
    (u) => !isLocal(u.href, url),
    (route) => route.abort('blockedbyclient'),
  );
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return opened;
}

/** The page's own file, or data the page made itself. */
export function isLocal(requested: string, page: string): boolean {
  return requested === page || requested.startsWith('data:') || requested.startsWith('blob:');
}

/** axe-core's browser build, injected into the page under test. */
export function axeSource(): string {
  return readFileSync(join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
}
