/**
 * The in-process queue keeps the queue contract: one job per key at a time, a waiting job absorbs
 * newer ones of its key, a failed job is tried again, at most MAX_ATTEMPTS times.
 */
import { describe, expect, it } from 'vitest';
import {
  createMemoryQueue,
  foldJobData,
  MAX_ATTEMPTS,
  type Job,
  type JobData,
} from '../../src/app/queue.js';

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

const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

async function drained(queue: ReturnType<typeof createMemoryQueue>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { waiting, running } = await queue.stats();
    if (waiting === 0 && running === 0) return;
    await settle(5);
  }
  throw new Error('the queue did not drain');
}

describe('the in-process queue', () => {
  it('runs jobs of one key one at a time, and different keys side by side', async () => {
    const queue = createMemoryQueue({ concurrency: 4 });
    const active = new Map<string, number>();
    let most = 0;
    let mostOfOneKey = 0;
    await queue.start(async (j) => {
      const n = (active.get(j.key) ?? 0) + 1;
      active.set(j.key, n);
      mostOfOneKey = Math.max(mostOfOneKey, n);
      most = Math.max(
        most,
        [...active.values()].reduce((a, b) => a + b, 0),
      );
      await settle(20);
      active.set(j.key, active.get(j.key)! - 1);
    });
    await queue.add(job('a'));
    await queue.add(job('b'));
    await settle(5); // both started
    await queue.add(job('a')); // waits behind the running a
    await drained(queue);
    expect(mostOfOneKey).toBe(1);
    expect(most).toBe(2);
  });

  it('folds a newer job into the waiting one of its key, keeping every pull request', async () => {
    const queue = createMemoryQueue({ concurrency: 1 });
    const seen: JobData[] = [];
    await queue.add(job('k', { prs: [3], deliveryId: 'first' }));
    expect(await queue.add(job('k', { prs: [5], deliveryId: 'second' }))).toBe('folded');
    expect(await queue.add(job('other'))).toBe('queued');
    await queue.start(async (j) => void seen.push(j.data));
    await drained(queue);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ prs: [3, 5], deliveryId: 'second' });
  });

  it('tries a failing job again, MAX_ATTEMPTS times in all, then drops it and reports each failure', async () => {
    const failures: boolean[] = [];
    const queue = createMemoryQueue({
      concurrency: 1,
      retryBaseMs: 1,
      onError: (_j, _e, willRetry) => failures.push(willRetry),
    });
    let tries = 0;
    await queue.start(async () => {
      tries++;
      throw new Error('GitHub is down');
    });
    await queue.add(job('k'));
    await drained(queue);
    expect(tries).toBe(MAX_ATTEMPTS);
    expect(failures).toEqual([...Array<boolean>(MAX_ATTEMPTS - 1).fill(true), false]);
  });

  it('a job that fails once and then succeeds runs twice', async () => {
    const queue = createMemoryQueue({ concurrency: 1, retryBaseMs: 1 });
    let tries = 0;
    await queue.start(async () => {
      if (++tries === 1) throw new Error('once');
    });
    await queue.add(job('k'));
    await drained(queue);
    expect(tries).toBe(2);
  });
});

describe('foldJobData', () => {
  const base: JobData = {
    installationId: 1,
    owner: 'acme',
    repo: '',
    reason: 'a',
    deliveryId: '1',
  };
  it('a sweep of some repositories folded with one of all covers all, and force sticks', () => {
    expect(foldJobData({ ...base, repos: ['x'] }, { ...base, repos: ['y'] }).repos).toEqual([
      'x',
      'y',
    ]);
    expect(foldJobData({ ...base, repos: ['x'] }, base).repos).toBeUndefined();
    expect(foldJobData({ ...base, force: true }, base).force).toBe(true);
    expect(foldJobData(base, base)).not.toHaveProperty('force');
  });
});
