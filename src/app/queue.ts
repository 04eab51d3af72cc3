/**
 * The App's job queue: what every accepted delivery becomes. One contract, two queues: this
 * in-process one (one replica, no database) and the durable Postgres one (`postgres-queue.ts`,
 * any number of replicas).
 *
 * The rules both keep:
 * - A job has a key (a repository and a commit, see `deliveries.ts`); jobs of one key run one at
 *   a time, so two verdicts on one head are never written at once.
 * - A job waiting under a key absorbs a newer one (`foldJobData`): every job judges from the
 *   current state when it starts, so one waiting job is enough, and it keeps every pull request
 *   the deliveries named.
 * - A job whose handler throws is tried again, `MAX_ATTEMPTS` times in all, after a back-off.
 *
 * The in-process queue is our own: it is a map of keys to at most one waiting and one running
 * job, smaller than any library's setup for it, and it has nothing to make durable.
 */

export type JobKind = 'judge' | 'resolve' | 'sweep' | 'state';

export interface JobData {
  installationId: number;
  owner: string;
  /** The repository; '' for a sweep of every repository of the installation. */
  repo: string;
  /** judge: the commit judged (a pull request's head, or a merge queue's commit); state: the pushed commit. */
  sha?: string;
  /** judge: the pull requests the deliveries named (a union when jobs fold). */
  prs?: number[];
  /** resolve: the pull request whose head is looked up. */
  number?: number;
  /** merge_group: the pull request, the queue's commit and its base. */
  mergeGroup?: { number: number; checkSha: string; baseSha?: string };
  /** state: the pushed ref. */
  ref?: string;
  /** sweep: only these repositories (names), else every one. */
  repos?: string[];
  /** sweep: re-judge every open pull request, not only those whose verdict is stale. */
  force?: boolean;
  /** Why, for logs and the check run (`pull_request.opened by @x`). */
  reason: string;
  /** The delivery that caused the job (the newest one folded in). */
  deliveryId: string;
}

export interface Job {
  key: string;
  kind: JobKind;
  data: JobData;
}

export interface QueueStats {
  waiting: number;
  running: number;
}

export type JobHandler = (job: Job) => Promise<void>;

export interface JobQueue {
  /**
   * Adds a job: 'folded' when a job waiting under its key absorbed it, else 'queued'. Once it
   * resolves the job is kept (the Postgres queue has committed it).
   */
  add(job: Job): Promise<'queued' | 'folded'>;
  /** Starts taking jobs, at most `concurrency` at once, never two of one key. */
  start(handler: JobHandler): Promise<void>;
  stats(): Promise<QueueStats>;
  /**
   * Stops taking jobs; waits for the running ones unless `graceful` is false. The in-process
   * queue, which keeps nothing, also runs the waiting ones first when graceful.
   */
  stop(options?: { graceful?: boolean }): Promise<void>;
}

/** Tries of one job in all, the first included. */
export const MAX_ATTEMPTS = 3;

function union<T>(a: T[] | undefined, b: T[] | undefined): T[] | undefined {
  if (a === undefined && b === undefined) return undefined;
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

/**
 * The data of a waiting job that absorbs a newer one of the same key: every pull request either
 * names, the newer reason and delivery, a forced sweep if either forces. A sweep of some
 * repositories folded with one of all of them covers all of them.
 */
export function foldJobData(waiting: JobData, newer: JobData): JobData {
  const prs = union(waiting.prs, newer.prs);
  const everyRepo = waiting.repos === undefined || newer.repos === undefined;
  const repos = everyRepo ? undefined : union(waiting.repos, newer.repos);
  const folded: JobData = {
    ...waiting,
    ...newer,
    force: (waiting.force ?? false) || (newer.force ?? false),
  };
  if (prs === undefined) delete folded.prs;
  else folded.prs = prs.sort((x, y) => x - y);
  if (repos === undefined) delete folded.repos;
  else folded.repos = repos.sort();
  if (!folded.force) delete folded.force;
  return folded;
}

interface Slot {
  waiting: Job | null;
  running: boolean;
  /** When the waiting job may start (a retry's back-off). */
  notBefore: number;
  attempts: number;
}

export interface MemoryQueueOptions {
  concurrency: number;
  /** Back-off before the second try; the third waits twice as long. */
  retryBaseMs?: number;
  onError?: (job: Job, error: unknown, willRetry: boolean) => void;
}

/** Resolves once `done()` holds, polling. */
function until(done: () => boolean): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (done()) {
        clearInterval(check);
        resolve();
      }
    }, 20);
  });
}

/** The in-process queue for one replica. */
export function createMemoryQueue(options: MemoryQueueOptions): JobQueue {
  const slots = new Map<string, Slot>();
  const order: string[] = []; // keys with a waiting job, oldest first
  let handler: JobHandler | null = null;
  let running = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const retryBase = options.retryBaseMs ?? 1000;

  function wakeAt(when: number): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(pump, Math.max(0, when - Date.now()));
  }

  function nextReady(): string | null {
    const now = Date.now();
    let soonest = Infinity;
    for (const key of order) {
      const slot = slots.get(key)!;
      if (slot.running) continue;
      if (slot.notBefore <= now) return key;
      soonest = Math.min(soonest, slot.notBefore);
    }
    if (soonest !== Infinity) wakeAt(soonest);
    return null;
  }

  function pump(): void {
    while (handler && !stopped && running < options.concurrency) {
      const key = nextReady();
      if (key === null) break;
      order.splice(order.indexOf(key), 1);
      const slot = slots.get(key)!;
      const job = slot.waiting!;
      slot.waiting = null;
      slot.running = true;
      running++;
      void runOne(key, slot, job);
    }
  }

  async function runOne(key: string, slot: Slot, job: Job): Promise<void> {
    try {
      await handler!(job);
      slot.attempts = 0;
    } catch (error) {
      slot.attempts++;
      const willRetry = slot.attempts < MAX_ATTEMPTS;
      options.onError?.(job, error, willRetry);
      if (willRetry) {
        // The failed job waits again, absorbing anything that arrived meanwhile; a delivery
        // that arrived gets tries of its own, not what is left of the failing job's.
        const fresh = slot.waiting !== null;
        slot.waiting = slot.waiting
          ? { ...job, data: foldJobData(job.data, slot.waiting.data) }
          : job;
        slot.notBefore = Date.now() + retryBase * slot.attempts ** 2;
        if (fresh) slot.attempts = 0;
        if (!order.includes(key)) order.push(key);
      } else slot.attempts = 0;
    } finally {
      slot.running = false;
      running--;
      if (!slot.waiting) slots.delete(key);
      pump();
    }
  }

  return {
    add(job) {
      const slot = slots.get(job.key);
      if (slot?.waiting) {
        slot.waiting = { ...slot.waiting, data: foldJobData(slot.waiting.data, job.data) };
        // Folded into a job waiting to be retried: the new delivery's judgment gets its own tries.
        if (!slot.running) slot.attempts = 0;
        return Promise.resolve('folded');
      }
      if (slot) slot.waiting = job;
      else slots.set(job.key, { waiting: job, running: false, notBefore: 0, attempts: 0 });
      order.push(job.key);
      queueMicrotask(pump);
      return Promise.resolve('queued');
    },
    start(h) {
      handler = h;
      stopped = false;
      pump();
      return Promise.resolve();
    },
    stats() {
      return Promise.resolve({ waiting: order.length, running });
    },
    async stop(stopOptions = {}) {
      const graceful = stopOptions.graceful !== false;
      // Nothing here outlives the process: a graceful stop first runs what waits (a revoking
      // review's judgment, say), and what those jobs queue, as long as it has a handler.
      if (graceful && handler) {
        pump();
        await until(() => order.length === 0 && running === 0);
      }
      stopped = true;
      if (timer) clearTimeout(timer);
      if (!graceful) return;
      await until(() => running === 0);
    },
  };
}
