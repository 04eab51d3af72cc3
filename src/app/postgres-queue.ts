/**
 * The durable job queue (`DATABASE_URL` set): the `JobQueue` contract of `queue.ts` on Postgres,
 * through pg-boss 10 (the last pg-boss line for Node 20), so any number of replicas share the
 * work. pg-boss owns the schema and its migrations, the queues and their policies, `send`,
 * `complete` and `fail` (retry bookkeeping and back-off), and the supervisor that fails jobs
 * whose replica stopped answering. Four things it does not offer are done here on its job table.
 *
 * One pg-boss queue per kind (`rsp-gate-judge`, `rsp-gate-resolve`, `rsp-gate-sweep`,
 * `rsp-gate-state`), policy `stately`, the job key as pg-boss's `singletonKey`. pg-boss 10 enforces
 * stately with one unique index per queue partition on (name, state, singleton_key) over the states
 * created, retry and active (`createIndexJobPolicyStately`, src/plans.js): at most one job of a key
 * in each of those states. `send` inserts with ON CONFLICT DO NOTHING and answers null when a job
 * of the key is already `created`; an UPDATE that would make a second job of a key `active` fails
 * on the same index.
 *
 * What is done here, on pg-boss's `job` table (columns `name`, `id`, `data`, `state`,
 * `singleton_key`, `created_on`, `start_after`, `started_on`, `retry_count`, `retry_limit`,
 * `expire_in`, as pg-boss 10's schema version 24 defines them):
 *
 * 1. Folding. pg-boss has no call that changes a waiting job's data, so `add` does it in one
 *    transaction: it selects the key's waiting job FOR UPDATE (the newest `created` one, else the
 *    one waiting to retry) and sets its data to `foldJobData(waiting, new)`. A worker's fetch skips
 *    a locked row (SKIP LOCKED), so the job cannot start halfway; if it started just before, the
 *    row no longer matches `state < 'active'` when the lock is granted, and a new job is sent
 *    instead, in the same transaction (`send` with pg-boss's `db` option). When `send` answers
 *    null (another replica added one meanwhile) the fold is tried again.
 * 2. Fetching. pg-boss's fetch takes the oldest waiting job; when its key is running, the update to
 *    `active` breaks the stately index and the fetch returns nothing, so every other key waits
 *    behind it (pg-boss issue #535). Our fetch, the same UPDATE … FROM (SELECT … FOR UPDATE SKIP
 *    LOCKED) with the same retry_count bookkeeping, skips a job whose key is running or has an
 *    older waiting job: keys run side by side, each key in the order its jobs were added (a job
 *    retrying after its back-off still goes before a newer one of its key). The stately index
 *    stays the backstop: a fetch that trips it is dropped and tried at the next poll.
 * 3. Settling. `complete` and `fail` go through pg-boss, but only while the job is still the run
 *    this replica fetched (`state = 'active'` and the same `retry_count`, checked FOR UPDATE in the
 *    same transaction): a run that outlived its expiry has been retried, and its late result must
 *    not close the retry.
 * 4. `stats()` counts the job table: waiting = created + retry, running = active, over all replicas.
 *
 * Retries: MAX_ATTEMPTS tries in all (pg-boss `retryLimit` = MAX_ATTEMPTS − 1), with pg-boss's
 * exponential back-off from `retryDelay` 1 s: the second try 1–2 s after the first failure, the
 * third 2–4 s after the second.
 *
 * A replica that dies mid-job: the job stays `active` until pg-boss's supervisor fails it as
 * expired (`failJobsByTimeout`: `started_on + expire_in < now()`), which puts it back to `retry`
 * for any replica. The supervisor is pg-boss's maintenance, run by every replica every
 * `maintenanceIntervalSeconds` (default 120 s, `applyMaintenanceConfig` in src/attorney.js) and
 * done by whichever replica finds the last run older than that interval (`trySetMaintenanceTime`,
 * src/boss.js); `monitorStateIntervalSeconds` only emits counts and expires nothing. pg-boss's
 * default expiry is 15 minutes, which would leave a dead replica's job for up to 17 minutes. Here
 * expiry is 60 s and maintenance every 10 s. The timer's period equals the interval it checks, so
 * a tick that lands a hair early in the database's clock skips its round (measured: 75 s and 90 s
 * with 15 s maintenance); the job is back to `retry` at most 60 + 2 × 10 = 80 s after it started,
 * and starts elsewhere 1–2 s (back-off) plus one poll later: within 2 minutes with room for a
 * loaded machine.
 *
 * A live run is not expired: while its handler runs, the replica moves the run's `started_on`
 * forward every quarter of the expiry (a heartbeat), so a judgment of a large repository that
 * takes minutes is not failed and run again beside itself; only a replica that stops beating
 * (killed, frozen, cut off from the database) lets its job expire. A handler still running after
 * `maxRunSeconds` (default 30 minutes: a hang, not a judgment) is failed and so retried, while it
 * may still finish. That is safe because jobs are idempotent (a second run leaves the same comment
 * and check), and its late result is ignored (point 3).
 */
import PgBoss from 'pg-boss';
import pg from 'pg';
import {
  foldJobData,
  MAX_ATTEMPTS,
  type Job,
  type JobData,
  type JobHandler,
  type JobKind,
  type JobQueue,
  type QueueStats,
} from './queue.js';

export const DEFAULT_QUEUE_SCHEMA = 'rsp_gate_queue';
/** Seconds a job may stay `active` before the supervisor fails it and it is retried. */
export const DEFAULT_EXPIRE_SECONDS = 60;
/** Seconds between two runs of pg-boss's supervisor (expiry, archiving). */
export const DEFAULT_MAINTENANCE_SECONDS = 10;
/** Back-off before the second try; pg-boss doubles it for the third, with jitter. */
const RETRY_DELAY_SECONDS = 1;

const KINDS: readonly JobKind[] = ['judge', 'resolve', 'sweep', 'state'];

/** The pg-boss queue that holds jobs of one kind. */
export function queueName(kind: JobKind): string {
  return `rsp-gate-${kind}`;
}

export type QueueLog = (
  level: 'debug' | 'info' | 'warn' | 'error',
  msg: string,
  fields?: Record<string, unknown>,
) => void;

export interface PostgresQueueOptions {
  /** `DATABASE_URL`. */
  connectionString: string;
  /** Jobs this replica runs at once (distinct keys). */
  concurrency: number;
  /** The Postgres schema pg-boss keeps its tables in. */
  schema?: string;
  /** Seconds before a running job counts as lost and is retried (default 60). */
  expireSeconds?: number;
  /** Seconds a handler may run before it counts as hung and is failed (default 1,800). */
  maxRunSeconds?: number;
  /** Seconds between supervisor runs (default 10); expire + 2 × this bounds a lost job's wait. */
  maintenanceSeconds?: number;
  /** Milliseconds between two looks for work while slots are free (default 1000). */
  pollMs?: number;
  onError?: (job: Job, error: unknown, willRetry: boolean) => void;
  log?: QueueLog;
}

/** A job this replica fetched: the run it owns is (`id`, `retryCount`). */
interface Fetched {
  id: string;
  name: string;
  job: Job;
  retryCount: number;
  retryLimit: number;
}

interface JobRow {
  id: string;
  name: string;
  singleton_key: string;
  data: JobData;
  retry_count: number;
  retry_limit: number;
}

type Sql = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

function sqlOver(client: pg.Pool | pg.PoolClient): Sql {
  return { executeSql: (text, values) => client.query(text, values) };
}

function kindOf(name: string): JobKind {
  const kind = KINDS.find((k) => queueName(k) === name);
  if (!kind) throw new Error(`job queue ${name} is not one of rsp-gate's`);
  return kind;
}

/** The SQL this queue runs on pg-boss's tables (see the file's comment, points 1–4). */
function statements(schema: string) {
  const job = `${schema}.job`;
  return {
    waiting: `
      SELECT id, data FROM ${job}
      WHERE name = $1 AND singleton_key = $2 AND state < 'active'
      ORDER BY state, created_on DESC
      LIMIT 1
      FOR UPDATE`,
    setData: `UPDATE ${job} SET data = $3 WHERE name = $1 AND id = $2`,
    fetch: `
      WITH next AS (
        SELECT j.name, j.id FROM ${job} j
        WHERE j.name = ANY($1::text[])
          AND j.state < 'active'
          AND j.start_after < now()
          AND NOT EXISTS (
            SELECT 1 FROM ${job} o
            WHERE o.name = j.name AND o.singleton_key = j.singleton_key
              AND (o.state = 'active'
                OR (o.state < 'active' AND (o.created_on, o.id) < (j.created_on, j.id))))
        ORDER BY j.created_on, j.id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      UPDATE ${job} j SET
        state = 'active',
        started_on = now(),
        retry_count = CASE WHEN j.started_on IS NOT NULL THEN j.retry_count + 1 ELSE j.retry_count END
      FROM next
      WHERE j.name = next.name AND j.id = next.id
      RETURNING j.id, j.name, j.singleton_key, j.data, j.retry_count, j.retry_limit`,
    heartbeat: `
      UPDATE ${job} SET started_on = now()
      WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3`,
    stillOurs: `
      SELECT 1 FROM ${job}
      WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3
      FOR UPDATE`,
    stats: `
      SELECT count(*) FILTER (WHERE state < 'active')::int AS waiting,
             count(*) FILTER (WHERE state = 'active')::int AS running
      FROM ${job} WHERE name = ANY($1::text[])`,
  };
}

/** The durable queue for any number of replicas on one Postgres database. */
export function createPostgresQueue(options: PostgresQueueOptions): JobQueue {
  const schema = options.schema ?? DEFAULT_QUEUE_SCHEMA;
  const expireSeconds = options.expireSeconds ?? DEFAULT_EXPIRE_SECONDS;
  const maxRunSeconds = options.maxRunSeconds ?? 1800;
  const pollMs = options.pollMs ?? 1000;
  const log: QueueLog = options.log ?? (() => undefined);
  const names = KINDS.map(queueName);
  const sql = statements(schema);

  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: Math.max(10, options.concurrency + 4),
    application_name: 'rsp-gate',
  });
  pool.on('error', (error) =>
    log('error', 'queue database connection failed', { error: error.message }),
  );
  const boss = new PgBoss({
    db: sqlOver(pool),
    schema,
    schedule: false, // no cron jobs: the App's sweep timer is its own
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? DEFAULT_MAINTENANCE_SECONDS,
  });
  boss.on('error', (error) => log('error', 'queue supervisor failed', { error: error.message }));

  let ready: Promise<void> | null = null;
  let handler: JobHandler | null = null;
  const running = new Map<string, Fetched>(); // by job id
  let stopping = false;
  let closed = false;
  let poller: NodeJS.Timeout | null = null;
  let pumping = false;
  let pumpAgain = false;
  let stopped: Promise<void> | null = null;

  /**
   * Starts pg-boss (creating or migrating its schema) and the queues, once. Replicas starting
   * together take turns (a session advisory lock): pg-boss makes its schema race-free, but two
   * `createQueue`s of one queue at once deadlock on its partition table.
   */
  function init(): Promise<void> {
    ready ??= withSetupLock(async () => {
      await boss.start();
      for (const name of names) {
        const queue = {
          name,
          policy: 'stately' as const,
          retryLimit: MAX_ATTEMPTS - 1,
          retryDelay: RETRY_DELAY_SECONDS,
          retryBackoff: true,
          expireInSeconds: expireSeconds,
        };
        await boss.createQueue(name, queue);
        await boss.updateQueue(name, queue); // a queue made by an older release takes today's options
      }
    }).catch((error: unknown) => {
      ready = null; // the database may be back at the next call
      throw error;
    });
    return ready;
  }

  async function withSetupLock(work: () => Promise<void>): Promise<void> {
    const client = await pool.connect();
    const lock = [`rsp-gate queue setup ${schema}`];
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', lock);
      await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', lock).catch(() => undefined);
      client.release();
    }
  }

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      client.release(broken); // a connection that cannot roll back is closed, not reused
    }
  }

  /** One try at adding: fold into the waiting job, or send a new one; null when send lost a race. */
  function addOnce(job: Job): Promise<'queued' | 'folded' | null> {
    const name = queueName(job.kind);
    return inTransaction(async (client) => {
      const { rows } = await client.query<{ id: string; data: JobData }>(sql.waiting, [
        name,
        job.key,
      ]);
      const waiting = rows[0];
      if (waiting) {
        await client.query(sql.setData, [name, waiting.id, foldJobData(waiting.data, job.data)]);
        return 'folded';
      }
      const id = await boss.send(name, job.data, { singletonKey: job.key, db: sqlOver(client) });
      return id ? 'queued' : null;
    });
  }

  async function fetchNext(): Promise<Fetched | null> {
    let row: JobRow | undefined;
    try {
      row = (await pool.query<JobRow>(sql.fetch, [names])).rows[0];
    } catch (error) {
      // Two replicas raced for one key and the stately index refused the second: look again later.
      if ((error as { code?: string }).code === '23505') return null;
      throw error;
    }
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      job: { key: row.singleton_key, kind: kindOf(row.name), data: row.data },
      retryCount: row.retry_count,
      retryLimit: row.retry_limit,
    };
  }

  /** Completes or fails the run this replica owns; false when it expired and was retried. */
  function settle(run: Fetched, error?: unknown): Promise<boolean> {
    return inTransaction(async (client) => {
      const { rowCount } = await client.query(sql.stillOurs, [run.name, run.id, run.retryCount]);
      if (!rowCount) return false;
      const db = sqlOver(client);
      if (error === undefined) await boss.complete(run.name, run.id, {}, { db });
      else await boss.fail(run.name, run.id, errorOutput(error), { db });
      return true;
    });
  }

  /**
   * The handler, kept alive by a heartbeat while it runs and bounded by `maxRunSeconds`: past it
   * the job is failed and so retried.
   */
  function bounded(run: Fetched): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const beat = setInterval(
      () =>
        void pool.query(sql.heartbeat, [run.name, run.id, run.retryCount]).catch((error: Error) =>
          log('warn', 'heartbeat failed; the job may expire and run again', {
            key: run.job.key,
            error: error.message,
          }),
        ),
      Math.max(250, (expireSeconds * 1000) / 4),
    );
    const hung = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the job ran past ${maxRunSeconds} s and counts as hung`)),
        maxRunSeconds * 1000,
      );
    });
    return Promise.race([handler!(run.job), hung]).finally(() => {
      clearTimeout(timer);
      clearInterval(beat);
    });
  }

  async function runOne(run: Fetched): Promise<void> {
    let failure: unknown;
    try {
      await bounded(run);
    } catch (error) {
      failure = error ?? new Error('the job failed without an error');
      options.onError?.(run.job, failure, run.retryCount < run.retryLimit);
    }
    try {
      if (!closed && !(await settle(run, failure)))
        log('warn', 'a job finished after it expired; its retry decides', { key: run.job.key });
    } catch (error) {
      log('error', 'could not record the end of a job; it will be retried after its expiry', {
        key: run.job.key,
        error: (error as Error).message,
      });
    } finally {
      running.delete(run.id);
      wake();
    }
  }

  /** Fills free slots with jobs, one look at a time; a wake-up during a look looks again. */
  async function pump(): Promise<void> {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        while (handler && !stopping && running.size < options.concurrency) {
          const run = await fetchNext();
          if (!run) break;
          running.set(run.id, run);
          void runOne(run);
        }
      } while (pumpAgain && !stopping);
    } catch (error) {
      log('error', 'could not fetch jobs', { error: (error as Error).message });
    } finally {
      pumping = false;
    }
  }

  function wake(): void {
    if (handler && !stopping) void pump();
  }

  async function stopNow(graceful: boolean): Promise<void> {
    stopping = true;
    if (poller) clearInterval(poller);
    if (graceful) {
      while (running.size > 0 || pumping) await new Promise((r) => setTimeout(r, 20));
    } else {
      // Hand running jobs back now rather than after their expiry (it counts as a try); their
      // handlers' results are then ignored.
      for (const run of running.values())
        await settle(run, new Error('the replica stopped while the job ran')).catch(
          () => undefined,
        );
    }
    closed = true;
    if (ready) await ready.catch(() => undefined);
    await boss.stop({ graceful: false, close: false });
    await pool.end();
  }

  return {
    async add(job) {
      await init();
      for (let attempt = 0; attempt < 5; attempt++) {
        const outcome = await addOnce(job);
        if (outcome) {
          if (outcome === 'queued') wake();
          return outcome;
        }
      }
      throw new Error(`could not add job ${job.key}: its waiting job kept changing`);
    },

    async start(h) {
      await init();
      handler = h;
      stopping = false;
      poller = setInterval(wake, pollMs);
      wake();
    },

    async stats(): Promise<QueueStats> {
      await init();
      const { rows } = await pool.query<QueueStats>(sql.stats, [names]);
      return rows[0] ?? { waiting: 0, running: 0 };
    },

    stop(stopOptions = {}) {
      stopped ??= stopNow(stopOptions.graceful !== false);
      return stopped;
    },
  };
}

function errorOutput(error: unknown): object {
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}
