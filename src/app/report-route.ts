/**
 * `GET /report/OWNER/REPO/SHA?…`: the report page a check run of the App links to, the same page
 * as `rsp-gate report`, for the commit and pull request the check judged. The link is verified
 * first (`report-link.ts`); anything but a valid, unexpired link of ours is answered exactly as
 * an unknown path is (404), before GitHub is asked anything, so the route confirms no
 * repository. A verified link's page is judged again from GitHub's current state (as the job that
 * wrote the check judges it) and rendered; pages are kept a few minutes in a small in-memory LRU,
 * keyed by the signed link; concurrent requests for one link render it once, and at most two
 * pages are rendered at a time.
 */
import { buildReportData, type ReportData } from '../report/report-data.js';
import { judgeForReport, NotInstalled, type JobContext } from './jobs.js';
import type { Logger } from './log.js';
import type { ReportLinks, VerifiedLink } from './report-link.js';

/** Makes a verified link's page (HTML). */
export type RenderReport = (link: VerifiedLink, requestId: string) => Promise<string>;

/**
 * The App's pages: the link's judgment made again (`judgeForReport`), as `rsp-gate report` shows
 * a state, without history (the App has no clone). `renderPage` is the report's renderer.
 */
export function reportRenderer(
  context: JobContext,
  renderPage: (data: ReportData) => Promise<string>,
): RenderReport {
  return async (link, requestId) => {
    const started = Date.now();
    const { record, state, now } = await judgeForReport(context, link, requestId);
    const at = link.sha.slice(0, 7);
    // A pull request's judgment may read only the models it touches (the others stand as on
    // its base): the title says so, since the page shows what the check judged.
    const touched = record.scope?.kind === 'cards' ? ', the models it touches' : '';
    const about = link.pr === null ? `at ${at}` : `#${link.pr} at ${at}${touched}`;
    const data = buildReportData({
      now,
      repository: `${link.owner}/${link.repo} ${about}`,
      current: { record, state, commit: null },
      history: [],
      historyScope: null,
      redact: false,
    });
    const html = await renderPage(data);
    context.log.info('report page rendered', {
      request: requestId,
      repository: `${link.owner}/${link.repo}`,
      sha: link.sha,
      pr: link.pr,
      decision: record.decision,
      ms: Date.now() - started,
    });
    return html;
  };
}

/** A page that is not there: the link's installation no longer covers its repository. */
export function isReportNotFound(error: unknown): boolean {
  return error instanceof NotInstalled;
}

export interface ReportRouteOptions {
  /** Null without `RSP_GATE_PUBLIC_URL`: every request is answered 404. */
  links: ReportLinks | null;
  render: RenderReport;
  /** Errors of `render` that mean "no such page" (the App left the repository): 404, not 500. */
  isNotFound?: (error: unknown) => boolean;
  log: Logger;
  /** Pages kept; default 50. */
  cacheEntries?: number;
  /** Bytes of pages kept, in all; default 100 MB (a larger page is served, not kept). */
  cacheBytes?: number;
  /** How long a page is kept, in ms; default 5 minutes, as long as browsers keep it. */
  cacheMs?: number;
  /** The clock pages age by (tests move it); default Date.now. */
  clock?: () => number;
  /**
   * Pages rendered at once; default 2. Each is a judgment through the installation's rate limit
   * and the App's CPU, which the webhook jobs need: the others wait their turn.
   */
  rendering?: number;
}

/** What the server sends; null: the App's ordinary 404. */
export interface ReportAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The page is self-contained: inline styles and scripts (sorting, record downloads), its font and
 * images as data: URLs, and nothing else. No request leaves it, no form posts, no frame holds it.
 */
export const REPORT_CSP = [
  "default-src 'none'",
  'img-src data:',
  'font-src data:',
  "style-src 'unsafe-inline'",
  "script-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': REPORT_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // One reader's page: shared caches keep nothing, the browser keeps it as long as the App does.
  'cache-control': 'private, max-age=300',
  // The link is the key to the page: no click on the page sends it anywhere.
  'referrer-policy': 'no-referrer',
};

interface Entry {
  page: Promise<string>;
  bytes: number;
  until: number;
}

/** A least-recently-used map of pages, bounded in entries and bytes, each kept `ttl` ms. */
class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly max: number,
    private readonly maxBytes: number,
    private readonly ttl: number,
    private readonly clock: () => number,
  ) {}

  /** The page of `key`, made by `make` unless a fresh one is kept or being made. */
  get(key: string, make: () => Promise<string>): Promise<string> {
    const now = this.clock();
    const kept = this.entries.get(key);
    if (kept && kept.until > now) {
      this.entries.delete(key);
      this.entries.set(key, kept); // the most recently used goes last
      return kept.page;
    }
    if (kept) this.remove(key, kept);
    const entry: Entry = { page: make(), bytes: 0, until: now + this.ttl };
    this.entries.set(key, entry);
    this.evict();
    entry.page.then(
      (html) => this.settle(key, entry, Buffer.byteLength(html)),
      () => this.remove(key, entry), // a failure is not kept: the next request tries again
    );
    return entry.page;
  }

  private settle(key: string, entry: Entry, bytes: number): void {
    if (this.entries.get(key) !== entry) return;
    if (bytes > this.maxBytes) return this.remove(key, entry);
    entry.bytes = bytes;
    this.bytes += bytes;
    this.evict();
  }

  private remove(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.max && this.bytes <= this.maxBytes) return;
      this.remove(key, entry);
    }
  }
}

/** Runs at most `max` tasks at once; the others wait, in order. */
function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    while (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

export interface ReportRoute {
  /** The answer to `GET path?query`; null when the link is not a valid one (the App's 404). */
  answer(path: string, query: URLSearchParams, requestId: string): Promise<ReportAnswer | null>;
}

export function createReportRoute(options: ReportRouteOptions): ReportRoute {
  const { links, render, log } = options;
  const cache = new PageCache(
    options.cacheEntries ?? 50,
    options.cacheBytes ?? 100 * 1024 * 1024,
    options.cacheMs ?? 5 * 60_000,
    options.clock ?? Date.now,
  );
  const inTurn = limiter(options.rendering ?? 2);
  return {
    async answer(path, query, requestId) {
      const link = links?.verify(path, query) ?? null;
      if (link === null) return null;
      try {
        const html = await cache.get(link.key, () => inTurn(() => render(link, requestId)));
        return { status: 200, headers: PAGE_HEADERS, body: html };
      } catch (error) {
        const where = { request: requestId, repository: `${link.owner}/${link.repo}` };
        if (options.isNotFound?.(error)) {
          log.info(`report page refused: ${(error as Error).message}`, where);
          return null;
        }
        log.error('report page failed', {
          ...where,
          sha: link.sha,
          pr: link.pr,
          error: error instanceof Error ? error.message : String(error),
        });
        return {
          status: 500,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
          body: `rsp-gate could not make this report page (request ${requestId}); the App's log says why.\n`,
        };
      }
    },
  };
}
