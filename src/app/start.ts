/**
 * Starting the App: configuration, the queue (Postgres when `DATABASE_URL` is set, else in
 * process), the job handler, the HTTP server and the catch-up sweeps (at start, every
 * `RSP_GATE_SWEEP_MINUTES`, and just after each UTC midnight, when approvals expire). Shared by
 * `node dist/app.js` and `rsp-gate serve`.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { readConfig, type AppConfig } from './config.js';
import { createAppGitHub, type AppGitHub } from './github-app.js';
import { createJobHandler } from './jobs.js';
import { createLogger, logLevelFrom, type Logger } from './log.js';
import { createPostgresQueue } from './postgres-queue.js';
import { createMemoryQueue, type JobQueue } from './queue.js';
import { createReportLinks } from './report-link.js';
import { createReportRoute, isReportNotFound, reportRenderer } from './report-route.js';
import { createAppServer } from './server.js';
import { renderReportPage } from '../report/render-page.js';

export interface RunningApp {
  port: number;
  config: AppConfig;
  queue: JobQueue;
  /** Queues a sweep of every installation (what the timer does). */
  sweep(reason: string, force?: boolean): Promise<void>;
  close(): Promise<void>;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Queues one sweep per installation; a failure to list them is logged, not thrown. */
async function queueSweeps(
  github: AppGitHub,
  queue: JobQueue,
  log: Logger,
  reason: string,
  force: boolean,
): Promise<void> {
  try {
    const installations = await github.installations();
    for (const installation of installations)
      await queue.add({
        key: `installation:${installation.id}`,
        kind: 'sweep',
        data: {
          installationId: installation.id,
          owner: installation.account,
          repo: '',
          reason,
          deliveryId: `sweep-${new Date().toISOString()}`,
          ...(force ? { force: true } : {}),
        },
      });
    log.info(`queued a sweep of ${installations.length} installations`, { reason });
  } catch (error) {
    log.error('could not list the installations for a sweep', { reason, error: errorText(error) });
  }
}

/** Milliseconds to a minute past the next UTC midnight. */
function untilAfterMidnight(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 0, 1);
  return next - now.getTime();
}

function scheduleSweeps(config: AppConfig, sweep: (reason: string) => Promise<void>): () => void {
  const every = setInterval(() => void sweep('scheduled catch-up'), config.sweepMinutes * 60_000);
  let midnight: NodeJS.Timeout;
  const atMidnight = () => {
    midnight = setTimeout(() => {
      void sweep('a new day (UTC): approvals that expired yesterday');
      atMidnight();
    }, untilAfterMidnight(new Date()));
  };
  atMidnight();
  return () => {
    clearInterval(every);
    clearTimeout(midnight);
  };
}

export async function startApp(
  env: Record<string, string | undefined> = process.env,
  write: (line: string) => void = (line) => process.stdout.write(line),
): Promise<RunningApp> {
  const config = readConfig(env, (path) => readFileSync(path, 'utf8'));
  const log = createLogger(write, logLevelFrom(env.LOG_LEVEL));
  const github = createAppGitHub(config, (m) => log.debug(m));
  const onError = (
    job: { key: string; data: { deliveryId: string } },
    error: unknown,
    willRetry: boolean,
  ) =>
    log.error(willRetry ? 'job failed; it will be tried again' : 'job failed for the last time', {
      delivery: job.data.deliveryId,
      key: job.key,
      error: errorText(error),
    });
  const queue = config.databaseUrl
    ? createPostgresQueue({
        connectionString: config.databaseUrl,
        concurrency: config.concurrency,
        onError,
        log: (level, message, fields) => log[level](message, fields),
      })
    : createMemoryQueue({ concurrency: config.concurrency, onError });
  let ready = false;
  const reportLinks = config.publicUrl
    ? createReportLinks({ publicUrl: config.publicUrl, webhookSecret: config.webhookSecret })
    : null;
  const jobContext = { config, github, queue, log, reportLinks };
  const server = createAppServer({
    webhookSecret: config.webhookSecret,
    policyPath: config.policyPath,
    queue,
    log,
    ready: () => ready,
    report: createReportRoute({
      links: reportLinks,
      render: reportRenderer(jobContext, renderReportPage),
      isNotFound: isReportNotFound,
      log,
    }),
  });
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  const handle = createJobHandler(jobContext);
  await queue.start(async (job) => {
    log.info('job started', { delivery: job.data.deliveryId, key: job.key, kind: job.kind });
    await handle(job);
  });
  ready = true;
  const port = (server.address() as AddressInfo).port;
  log.info('rsp-gate App listening', {
    port,
    queue: config.databaseUrl ? 'postgres' : 'in-process',
    api: config.apiUrl,
  });
  const sweep = (reason: string, force = false) => queueSweeps(github, queue, log, reason, force);
  // Not awaited: GitHub being slow or down at start must not hold up the server (it logs).
  // Forced: a review or tick missed while the App was down leaves no trace on the verdict, so
  // every open pull request is judged again.
  void sweep('start: deliveries missed while the App was down', true);
  const stopSweeps = scheduleSweeps(config, sweep);
  return {
    port,
    config,
    queue,
    sweep,
    async close() {
      stopSweeps();
      ready = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.stop();
    },
  };
}
