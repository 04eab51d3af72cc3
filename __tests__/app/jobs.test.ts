/**
 * The App's jobs over the in-memory GitHub port: a judgment writes the Action's verdict; a
 * repository without any policy gets a neutral "not configured" check, but never a pass when it
 * has model cards; a failure fails the check closed and goes back to the queue; sweeps queue
 * only the stale verdicts, unless forced; a comment's job looks the head up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppGitHub } from '../../src/app/github-app.js';
import { createJobHandler, verdictIsStale } from '../../src/app/jobs.js';
import { createLogger } from '../../src/app/log.js';
import { createMemoryQueue, type Job } from '../../src/app/queue.js';
import { readStamp } from '../../src/gate/judge-on-github.js';
import { createMemoryPort } from '../../src/github/memory-port.js';
import { GitHubError, type PullRequest } from '../../src/github/port.js';
import { createLocalTree } from '../../src/repository/local-tree.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');
const BASE = 'b'.repeat(40);
const HEAD = 'h'.repeat(40);
const NOW = new Date('2026-11-27T12:00:00Z');
const bytes = (text: string) => new TextEncoder().encode(text);

async function exampleFiles(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await createLocalTree(join(EXAMPLES, dir)).list(''))
    files.set(entry.path, readFileSync(join(EXAMPLES, dir, entry.path)));
  return files;
}

function pull(number: number, headSha = HEAD): PullRequest {
  return {
    number,
    state: 'open',
    draft: false,
    merged: false,
    author: 'dave-ml',
    headSha,
    headRef: `topic-${number}`,
    headRepo: 'acme/models',
    baseSha: BASE,
    baseRef: 'main',
    defaultBranch: 'main',
    htmlUrl: `https://github.com/acme/models/pull/${number}`,
  };
}

const ORG_HEAD = 'o'.repeat(40);

function world(files: {
  base: Map<string, Uint8Array>;
  head: Map<string, Uint8Array>;
  /** The org policy in acme/.github, if any. */
  orgPolicy?: string;
}) {
  const port = createMemoryPort({ login: 'rsp-gate[bot]', id: 99 });
  const orgPort = createMemoryPort({ login: 'rsp-gate[bot]', id: 99 });
  if (files.orgPolicy !== undefined)
    orgPort.state.commits.set(
      ORG_HEAD,
      new Map([['.github/rsp-policy.yml', bytes(files.orgPolicy)]]),
    );
  port.state.commits.set(BASE, files.base);
  port.state.commits.set(HEAD, files.head);
  port.state.pulls.set(7, pull(7));
  const lines: string[] = [];
  let failing: GitHubError | null = null;
  const github: AppGitHub = {
    portFor: async (_id, _owner, repo, log) => {
      if (failing) throw failing;
      log?.(`a line of the port for ${repo}`); // as a retry or a rate-limit wait would log
      return repo === '.github' ? orgPort : port;
    },
    installations: async () => [{ id: 1, account: 'acme' }],
    repositories: async () => [{ owner: 'acme', name: 'models' }],
    openPullRequests: async () =>
      [...port.state.pulls.values()].map((p) => ({
        number: p.number,
        headSha: p.headSha,
        baseRef: p.baseRef,
      })),
    installationOf: async () => 1,
    defaultBranchHead: async (_id, _owner, repo) =>
      repo === '.github' && files.orgPolicy !== undefined
        ? { branch: 'main', sha: ORG_HEAD }
        : null,
  };
  const queue = createMemoryQueue({ concurrency: 1 });
  const handler = createJobHandler({
    config: {
      checkName: 'rsp-gate',
      policyPath: '.github/rsp-policy.yml',
      serverUrl: 'https://github.com',
      now: NOW,
    },
    github,
    queue,
    log: createLogger((line) => lines.push(line)),
  });
  const check = () => port.state.checkRuns.filter((r) => r.name === 'rsp-gate').at(-1);
  return {
    port,
    queue,
    handler,
    lines,
    check,
    failWith: (e: GitHubError) => (failing = e),
  };
}

function judgeJob(prs: number[] = [7]): Job {
  return {
    key: `acme/models@${HEAD}`,
    kind: 'judge',
    data: {
      installationId: 1,
      owner: 'acme',
      repo: 'models',
      sha: HEAD,
      prs,
      reason: 'pull_request.opened by @dave-ml',
      deliveryId: 'd-1',
    },
  };
}

describe('a judge job', () => {
  it('writes the Action’s verdict on the head, and one comment, also when run twice', async () => {
    const w = world({
      base: await exampleFiles('acme-models-base'),
      head: await exampleFiles('acme-models'),
    });
    await w.handler(judgeJob());
    await w.handler(judgeJob());
    expect(w.check()!.updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(w.check()!.updates.at(-1)!.output.title).toBe(
      'Blocked: acme/frontier-7 at ASL-3, 14 of 27 safeguards open',
    );
    expect(w.port.state.checkRuns.filter((r) => r.name === 'rsp-gate')).toHaveLength(1);
    expect(w.port.state.comments.filter((c) => c.issue === 7)).toHaveLength(1);
    const lines = w.lines.map((l) => JSON.parse(l));
    // Every line of the job carries its delivery, the port's own lines included.
    expect(
      lines.filter((l) => l.msg.startsWith('a line of the port')).map((l) => l.delivery),
    ).toEqual(['d-1', 'd-1']);
    const judged = lines.filter((l) => l.msg === 'judged');
    expect(judged[0]).toMatchObject({ delivery: 'd-1', decision: 'block', check: 'rsp-gate' });
  });

  it('a repository without a policy of its own is judged by the org policy, named with its commit', async () => {
    const base = await exampleFiles('acme-models-base');
    const head = await exampleFiles('acme-models');
    const policy = new TextDecoder().decode(base.get('.github/rsp-policy.yml'));
    base.delete('.github/rsp-policy.yml');
    head.delete('.github/rsp-policy.yml');
    const w = world({ base, head, orgPolicy: policy });
    await w.handler(judgeJob());
    const last = w.check()!.updates.at(-1)!;
    expect(last.conclusion).toBe('failure');
    expect(last.output.title).toBe('Blocked: acme/frontier-7 at ASL-3, 14 of 27 safeguards open');
    expect(last.output.summary).toContain(
      `Judged by the organization policy \`acme/.github:.github/rsp-policy.yml\` at \`${ORG_HEAD.slice(0, 7)}\``,
    );
    const judged = w.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'judged');
    expect(judged.policy).toBe(`acme/.github:.github/rsp-policy.yml@${ORG_HEAD.slice(0, 7)}`);
  });

  it('with no policy anywhere and no model cards: a neutral check saying the repository is not configured', async () => {
    const plain = new Map([['README.md', bytes('hello\n')]]);
    const w = world({ base: plain, head: plain });
    await w.handler(judgeJob());
    const last = w.check()!.updates.at(-1)!;
    expect(last.conclusion).toBe('neutral');
    expect(last.output.title).toBe('rsp-gate is not configured for this repository');
    expect(last.output.summary).toContain('`acme/.github`');
  });

  it('with no policy anywhere but model cards: a failure, never a pass', async () => {
    const cards = new Map([
      ['README.md', bytes('hello\n')],
      ['models/frontier-7/README.md', bytes('# frontier-7\n')],
    ]);
    const w = world({ base: cards, head: cards });
    await w.handler(judgeJob());
    const last = w.check()!.updates.at(-1)!;
    expect(last.conclusion).toBe('failure');
    expect(last.output.title).toBe('Blocked: model cards but no policy');
    expect(last.output.summary).toContain('`models/frontier-7/README.md`');
  });

  it('a broken policy fails the check closed with the located error, and is not tried again', async () => {
    const broken = await exampleFiles('acme-models-base');
    broken.set('.github/rsp-policy.yml', bytes('version: 1\nlevels: [ASL-2\n'));
    const w = world({ base: broken, head: broken });
    await w.handler(judgeJob()); // resolves: an input error does not mend on a retry
    const last = w.check()!.updates.at(-1)!;
    expect(last.conclusion).toBe('failure');
    expect(last.output.title).toBe('rsp-gate could not finish: failing closed');
    expect(last.output.summary).toMatch(/^\.github\/rsp-policy\.yml:\d+:\d+: /);
  });
});

async function drain(queue: ReturnType<typeof createMemoryQueue>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const { waiting, running } = await queue.stats();
    if (waiting + running === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the queue did not drain');
}

describe('sweeps', () => {
  it('a verdict is stale with no check on the head, unstamped, stuck in progress, or from an earlier day', async () => {
    const port = createMemoryPort();
    const pr = { headSha: HEAD, baseRef: 'main' };
    expect(await verdictIsStale(port, pr, 'rsp-gate', NOW)).toBe('no verdict on its head');
    const stamped = (at: string, status: 'completed' | 'in_progress' = 'completed') =>
      port.createCheckRun(HEAD, 'rsp-gate', {
        status,
        ...(status === 'completed' ? { conclusion: 'success' as const } : {}),
        output: { title: 't', summary: 's', text: '' },
        externalId: readStamp(new Date(at)),
      });
    await stamped('2026-11-27T08:00:00Z');
    expect(await verdictIsStale(port, pr, 'rsp-gate', NOW)).toBeNull();
    await stamped('2026-11-26T23:59:00Z');
    expect(await verdictIsStale(port, pr, 'rsp-gate', NOW)).toMatch(/earlier day/);
    await stamped('2026-11-27T11:00:00Z', 'in_progress');
    expect(await verdictIsStale(port, pr, 'rsp-gate', NOW)).toMatch(/stuck in progress/);
    await stamped('2026-11-27T11:59:00Z', 'in_progress');
    expect(await verdictIsStale(port, pr, 'rsp-gate', NOW)).toBeNull();
  });

  it('queues judgments only for stale verdicts, or for every open pull request when forced', async () => {
    const w = world({ base: new Map(), head: new Map() });
    w.port.state.pulls.set(8, pull(8, 'e'.repeat(40)));
    await w.port.createCheckRun(HEAD, 'rsp-gate', {
      status: 'completed',
      conclusion: 'failure',
      output: { title: 't', summary: 's', text: '' },
      externalId: readStamp(new Date()),
    });
    const sweep = (force: boolean): Job => ({
      key: 'installation:1',
      kind: 'sweep',
      data: {
        installationId: 1,
        owner: 'acme',
        repo: '',
        reason: 'test',
        deliveryId: 's',
        ...(force ? { force } : {}),
      },
    });
    // The installation's sweep queues one sweep per repository…
    await w.handler(sweep(false));
    expect(await w.queue.stats()).toEqual({ waiting: 1, running: 0 });
    // …whose own sweep queues the stale verdicts only: #8, which has none.
    const judged: Job[] = [];
    await w.queue.start(async (j) => {
      if (j.kind === 'sweep') await w.handler(j);
      else judged.push(j);
    });
    await drain(w.queue);
    expect(judged.map((j) => j.data.prs)).toEqual([[8]]);
    await w.handler(sweep(true));
    await drain(w.queue);
    expect(judged.map((j) => j.data.prs)).toEqual([[8], [7], [8]]);
  });
});

describe('failures', () => {
  it('a job GitHub keeps failing is thrown back to the queue', async () => {
    const w = world({ base: new Map(), head: new Map() });
    w.failWith(new GitHubError('GET pull request #7: 502', 502, 'GET'));
    await expect(w.handler(judgeJob())).rejects.toThrow('502');
  });

  it('a comment’s job looks the pull request’s head up and queues its judgment under it', async () => {
    const w = world({ base: new Map(), head: new Map() });
    await w.handler({
      key: 'acme/models#7',
      kind: 'resolve',
      data: {
        installationId: 1,
        owner: 'acme',
        repo: 'models',
        number: 7,
        reason: 'r',
        deliveryId: 'c',
      },
    });
    expect(await w.queue.stats()).toEqual({ waiting: 1, running: 0 });
  });
});
