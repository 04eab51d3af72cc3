/**
 * The App's HTTP front: `POST /api/github/webhooks` takes GitHub's deliveries, `GET /healthz`
 * says whether the App is ready. A delivery is answered as soon as its jobs are queued (durably,
 * with Postgres), well inside GitHub's 10-second window; the judging happens in the queue.
 *
 * Signatures are checked with `@octokit/webhooks` (`X-Hub-Signature-256`, HMAC-SHA256 of the raw
 * body with the webhook secret). A delivery without one or with a wrong one is answered 401 and
 * changes nothing. A redelivery carries the same `X-GitHub-Delivery` id and is judged again:
 * the jobs judge from GitHub's current state, so judging twice is safe, and dropping it could
 * lose the judgment the first delivery never got.
 *
 * `GET /report/…` serves the report pages check runs link to (`report-route.ts`), when
 * `RSP_GATE_PUBLIC_URL` is set; a link that does not verify is answered as any unknown path.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Webhooks } from '@octokit/webhooks';
import { jobsForDelivery } from './deliveries.js';
import type { Logger } from './log.js';
import type { JobQueue } from './queue.js';
import type { ReportRoute } from './report-route.js';

export const WEBHOOK_PATH = '/api/github/webhooks';

/** GitHub caps a delivery's payload at 25 MB. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

/** What `X-Hub-Signature-256` looks like; anything else is refused before the body is read. */
const SIGNATURE = /^sha256=[0-9a-f]{64}$/i;

/**
 * The limits that keep anyone who can reach the webhook URL from starving GitHub's deliveries:
 * the body is read only after a well-formed signature header, and checked once read; GitHub
 * gives up on a delivery after 10 seconds, so a request may take `requestTimeoutMs` (default
 * 30 s) in all; the bodies held in memory at once are at most `maxBufferedBytes` (default
 * 100 MB, four of GitHub's largest), and a body that finds no room is answered 503.
 */
export interface ServerLimits {
  requestTimeoutMs?: number;
  maxBufferedBytes?: number;
}

export interface AppServerOptions {
  webhookSecret: string;
  policyPath: string;
  queue: JobQueue;
  log: Logger;
  /** False until the queue has started (and Postgres answers): /healthz says 503. */
  ready: () => boolean;
  limits?: ServerLimits;
  /** The report pages; absent or null: `/report/…` answers 404. */
  report?: ReportRoute | null;
}

class BodyTooLarge extends Error {}
class NoRoom extends Error {}

/** The bytes of request bodies held in memory at once, across requests. */
interface Budget {
  held: number;
  max: number;
}

async function readBody(req: IncomingMessage, budget: Budget): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const bytes = (chunk as Buffer).length;
      if (size + bytes > MAX_BODY_BYTES) throw new BodyTooLarge();
      if (budget.held + bytes > budget.max) throw new NoRoom();
      size += bytes;
      budget.held += bytes;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  } finally {
    budget.held -= size;
  }
}

function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    // A refused request's unread body is not waited for: the connection goes with it.
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(json);
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function refuseSignature(res: ServerResponse): void {
  send(res, 401, { error: 'signature', message: 'X-Hub-Signature-256 is missing or wrong' });
}

async function handleDelivery(
  options: AppServerOptions,
  webhooks: Webhooks,
  budget: Budget,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const delivery = header(req, 'x-github-delivery') || 'none';
  const event = header(req, 'x-github-event');
  const signature = header(req, 'x-hub-signature-256');
  const { log } = options;
  if (!SIGNATURE.test(signature)) {
    log.warn(signature ? 'refused: malformed signature' : 'refused: unsigned delivery', {
      delivery,
      event,
    });
    // Answered now; what the body still sends is discarded, never held, until the request's time
    // runs out.
    req.resume();
    refuseSignature(res);
    return;
  }
  if (Number(header(req, 'content-length')) > MAX_BODY_BYTES) throw new BodyTooLarge();
  const body = await readBody(req, budget);
  const text = body.toString('utf8');
  if (!(await webhooks.verify(text, signature).catch(() => false))) {
    log.warn('refused: wrong signature', { delivery, event });
    refuseSignature(res);
    return;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    log.warn('refused: the body is not JSON', { delivery, event });
    send(res, 400, { error: 'json', message: 'the body is not JSON' });
    return;
  }
  if (!event) {
    send(res, 400, { error: 'event', message: 'X-GitHub-Event is missing' });
    return;
  }
  const outcome = jobsForDelivery(event, payload, delivery, { policyPath: options.policyPath });
  if ('ignored' in outcome) {
    log.info(`ignored: ${outcome.ignored}`, { delivery, event });
    send(res, 202, { delivery, jobs: 0, ignored: outcome.ignored });
    return;
  }
  const states: string[] = [];
  for (const job of outcome.jobs) states.push(await options.queue.add(job));
  log.info('accepted', {
    delivery,
    event,
    action: (payload as { action?: string }).action,
    jobs: outcome.jobs.map((j, i) => `${j.kind} ${j.key} (${states[i]})`),
  });
  send(res, 202, { delivery, jobs: outcome.jobs.length });
}

async function handleReport(
  report: ReportRoute | null | undefined,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = randomUUID();
  const answer = report ? await report.answer(url.pathname, url.searchParams, requestId) : null;
  if (answer === null) return send(res, 404, { error: 'not found' });
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-length': String(Buffer.byteLength(answer.body)),
    'x-request-id': requestId,
  });
  res.end(req.method === 'HEAD' ? undefined : answer.body);
}

export function createAppServer(options: AppServerOptions): Server {
  const webhooks = new Webhooks({ secret: options.webhookSecret });
  const requestTimeout = options.limits?.requestTimeoutMs ?? 30_000;
  const budget: Budget = { held: 0, max: options.limits?.maxBufferedBytes ?? 4 * MAX_BODY_BYTES };
  const serverOptions = {
    requestTimeout,
    headersTimeout: Math.min(10_000, requestTimeout),
    // How often Node looks for requests past their time (its default, 30 s, would double it).
    connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(requestTimeout / 4))),
  };
  return createServer(serverOptions, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://app');
    const path = url.pathname;
    const route = async () => {
      if (path === WEBHOOK_PATH && req.method === 'POST')
        return handleDelivery(options, webhooks, budget, req, res);
      if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
        if (!options.ready()) return send(res, 503, { ready: false });
        return send(res, 200, { ready: true, queue: await options.queue.stats() });
      }
      if (path.startsWith('/report/') && (req.method === 'GET' || req.method === 'HEAD'))
        return handleReport(options.report, url, req, res);
      send(res, 404, { error: 'not found' });
    };
    route().catch((error: unknown) => {
      const delivery = header(req, 'x-github-delivery') || undefined;
      if (error instanceof BodyTooLarge) {
        options.log.warn('refused: body over 25 MB', { delivery });
        if (!res.headersSent) send(res, 413, { error: 'too large' }, true);
        return;
      }
      if (error instanceof NoRoom) {
        options.log.warn('refused: too many request bodies held at once', { delivery });
        if (!res.headersSent) send(res, 503, { error: 'busy' }, true);
        return;
      }
      if (req.destroyed && !req.complete) {
        options.log.warn('the client went away before sending its whole body', { delivery });
        return;
      }
      // The queue could not take the jobs (Postgres down): GitHub shows the failed delivery, and
      // the catch-up sweep judges the pull request once the App can.
      options.log.error('delivery not accepted', {
        delivery,
        error: error instanceof Error ? error.message : String(error),
      });
      if (!res.headersSent) send(res, 503, { error: 'unavailable' });
    });
  });
}
