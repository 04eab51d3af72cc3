/**
 * The App's report route over HTTP, with a stand-in renderer: a valid link gets the page with
 * headers that keep it to itself (no request leaves it, no shared cache keeps it, no referrer
 * carries the link); every other link gets the App's ordinary 404, before anything is rendered;
 * pages are kept a few minutes in a bounded LRU and rendered once for concurrent requests; a
 * rendering failure is a 500 with the request's id, logged, and not kept.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NotInstalled } from '../../src/app/jobs.js';
import { createLogger } from '../../src/app/log.js';
import { createMemoryQueue } from '../../src/app/queue.js';
import {
  createReportLinks,
  type ReportLinkTarget,
  type VerifiedLink,
} from '../../src/app/report-link.js';
import {
  createReportRoute,
  isReportNotFound,
  type ReportRouteOptions,
} from '../../src/app/report-route.js';
import { createAppServer } from '../../src/app/server.js';

const SECRET = 'webhook-secret';
const PUBLIC = 'https://rsp-gate.example.com';
let server: Server | null = null;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

const target = (pr: number | null = 7): ReportLinkTarget => ({
  installationId: 1,
  owner: 'acme',
  repo: 'models',
  sha: 'a'.repeat(40),
  pr,
  base: null,
});

interface Started {
  base: string;
  lines: () => Record<string, unknown>[];
  rendered: VerifiedLink[];
  /** A link of the App's, on this server instead of the public URL. */
  local(link: string): string;
}

async function start(
  options: {
    links?: boolean;
    render?: ReportRouteOptions['render'];
    route?: Partial<ReportRouteOptions>;
  } = {},
): Promise<Started> {
  const lines: string[] = [];
  const log = createLogger((l) => lines.push(l));
  const rendered: VerifiedLink[] = [];
  const links =
    options.links === false
      ? null
      : createReportLinks({ publicUrl: PUBLIC, webhookSecret: SECRET });
  const render =
    options.render ??
    (async (link: VerifiedLink) => {
      rendered.push(link);
      return `<!doctype html><title>${link.owner}/${link.repo}#${link.pr}</title>`;
    });
  server = createAppServer({
    webhookSecret: SECRET,
    policyPath: '.github/rsp-policy.yml',
    queue: createMemoryQueue({ concurrency: 1 }),
    log,
    ready: () => true,
    report: createReportRoute({
      links,
      render: async (link, id) => {
        if (options.render) rendered.push(link);
        return render(link, id);
      },
      isNotFound: isReportNotFound,
      log,
      ...options.route,
    }),
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    rendered,
    local: (link) => link.replace(PUBLIC, base),
  };
}

const signer = createReportLinks({ publicUrl: PUBLIC, webhookSecret: SECRET });
const made = new Map<number | null, string>();
/** The App's link to a pull request's page (one link each, as one check run carries). */
const linkTo = (pr: number | null = 7) => {
  if (!made.has(pr)) made.set(pr, signer.linkFor(target(pr)));
  return made.get(pr)!;
};

async function get(url: string, method = 'GET') {
  const res = await fetch(url, { method });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

describe('the report route', () => {
  it('a valid link gets the page, with headers that keep it self-contained and private', async () => {
    const app = await start();
    const page = await get(app.local(linkTo()));
    expect(page.status).toBe(200);
    expect(page.body).toBe('<!doctype html><title>acme/models#7</title>');
    expect(Object.fromEntries(page.headers)).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=300',
      'referrer-policy': 'no-referrer',
    });
    const csp = page.headers.get('content-security-policy')!.split('; ');
    expect(csp).toEqual(
      expect.arrayContaining([
        "default-src 'none'",
        'img-src data:',
        'font-src data:',
        "form-action 'none'",
        "frame-ancestors 'none'",
      ]),
    );
    // Nothing may be fetched: no directive names a host, a scheme other than data:, or 'self'.
    expect(csp.join(' ')).not.toMatch(/https?:|\*|'self'|connect-src/);
    expect(app.rendered.map((l) => [l.owner, l.repo, l.sha, l.pr])).toEqual([
      ['acme', 'models', 'a'.repeat(40), 7],
    ]);
    const head = await get(app.local(linkTo()), 'HEAD');
    expect([head.status, head.body, head.headers.get('content-type')]).toEqual([
      200,
      '',
      'text/html; charset=utf-8',
    ]);
  });

  it('an unsigned, tampered or expired link gets the same 404 as an unknown path, and nothing is rendered', async () => {
    const app = await start();
    const unknown = await get(`${app.base}/nope`);
    expect(unknown.status).toBe(404);
    const stale = createReportLinks({
      publicUrl: PUBLIC,
      webhookSecret: SECRET,
      clock: () => new Date(Date.now() - 31 * 24 * 60 * 60_000),
    }).linkFor(target());
    const good = app.local(linkTo());
    for (const bad of [
      good.split('?')[0]!,
      good.replace('pr=7', 'pr=8'),
      good.replace('/acme/', '/evil/'),
      good.replace(/sig=[\w-]+/, 'sig=AAAA'),
      app.local(stale),
      app.local(createReportLinks({ publicUrl: PUBLIC, webhookSecret: 'other' }).linkFor(target())),
    ]) {
      const answer = await get(bad);
      expect({ url: bad, status: answer.status, body: answer.body }).toEqual({
        url: bad,
        status: 404,
        body: unknown.body,
      });
      expect(answer.headers.get('content-type')).toBe(unknown.headers.get('content-type'));
    }
    expect(app.rendered).toEqual([]);
  });

  it('without RSP_GATE_PUBLIC_URL, even a link signed with the webhook secret gets 404', async () => {
    const app = await start({ links: false });
    expect((await get(app.local(linkTo()))).status).toBe(404);
    expect(app.rendered).toEqual([]);
  });

  it('a page is rendered once for concurrent requests, kept a few minutes, then rendered again', async () => {
    let now = 1_000_000;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const app = await start({
      render: async (link) => {
        await gate;
        return `page ${link.pr}`;
      },
      route: { clock: () => now },
    });
    const url = app.local(linkTo());
    const answers = Array.from({ length: 5 }, () => get(url));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect((await Promise.all(answers)).map((a) => a.body)).toEqual(Array(5).fill('page 7'));
    expect(app.rendered).toHaveLength(1);
    now += 4 * 60_000;
    await get(url);
    expect(app.rendered, 'kept for 5 minutes').toHaveLength(1);
    now += 2 * 60_000;
    await get(url);
    expect(app.rendered, 'rendered again after 5 minutes').toHaveLength(2);
  });

  it('at most two pages are rendered at once; the others wait their turn', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const app = await start({
      render: async (link) => {
        await gate;
        return `page ${link.pr}`;
      },
    });
    const answers = [11, 12, 13].map((pr) => get(app.local(linkTo(pr))));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.rendered.map((l) => l.pr)).toEqual([11, 12]);
    release();
    expect((await Promise.all(answers)).map((a) => a.body)).toEqual([
      'page 11',
      'page 12',
      'page 13',
    ]);
    expect(app.rendered.map((l) => l.pr)).toEqual([11, 12, 13]);
  });

  it('the cache keeps the most recently used pages, up to its size in entries and in bytes', async () => {
    const app = await start({
      render: async (link) => (link.pr === 9 ? 'x'.repeat(2000) : `page ${link.pr}`),
      route: { cacheEntries: 2, cacheBytes: 1000 },
    });
    const count = (pr: number) => app.rendered.filter((l) => l.pr === pr).length;
    for (const pr of [1, 2, 1, 3]) await get(app.local(linkTo(pr)));
    // 1 was used after 2, so 2 went when 3 came.
    await get(app.local(linkTo(1)));
    await get(app.local(linkTo(2)));
    expect([count(1), count(2), count(3)]).toEqual([1, 2, 1]);
    // A page larger than the cache's bytes is served but not kept.
    expect((await get(app.local(linkTo(9)))).body).toHaveLength(2000);
    await get(app.local(linkTo(9)));
    expect(count(9)).toBe(2);
  });

  it('a rendering failure is a 500 naming the request, logged with its id, and not kept', async () => {
    let fail = true;
    const app = await start({
      render: async () => {
        if (fail) throw new Error('GitHub answered a teapot for the tree');
        return 'page';
      },
    });
    const url = app.local(linkTo());
    const failed = await get(url);
    expect(failed.status).toBe(500);
    const id = failed.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(failed.body).toContain(`request ${id}`);
    expect(failed.body).not.toContain('teapot');
    expect(app.lines().find((l) => l.msg === 'report page failed')).toMatchObject({
      level: 'error',
      request: id,
      repository: 'acme/models',
      error: 'GitHub answered a teapot for the tree',
    });
    fail = false;
    expect(await get(url)).toMatchObject({ status: 200, body: 'page' });
  });

  it('a link whose installation no longer covers the repository gets 404', async () => {
    const app = await start({
      render: async () => {
        throw new NotInstalled('installation 1 does not cover acme/models');
      },
    });
    const unknown = await get(`${app.base}/nope`);
    const answer = await get(app.local(linkTo()));
    expect([answer.status, answer.body]).toEqual([404, unknown.body]);
  });
});
