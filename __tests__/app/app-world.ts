/**
 * A small world for the App's job handler in memory, for the attack tests: one repository
 * (acme/models) on the in-memory port, optionally the organization's `.github` repository with a
 * policy, any number of pull requests, the in-process queue, and the log lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppGitHub, OpenPullRequest } from '../../src/app/github-app.js';
import { createJobHandler, type JobContext } from '../../src/app/jobs.js';
import { createLogger } from '../../src/app/log.js';
import { createMemoryQueue, type Job, type JobQueue } from '../../src/app/queue.js';
import type { ReportLinks } from '../../src/app/report-link.js';
import { createMemoryPort } from '../../src/github/memory-port.js';
import type { PullRequest } from '../../src/github/port.js';
import { createLocalTree } from '../../src/repository/local-tree.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');
export const BASE = 'b'.repeat(40);
export const HEAD = 'h'.repeat(40);
export const ORG_HEAD = 'o'.repeat(40);
export const NOW = new Date('2026-11-27T12:00:00Z');
export const bytes = (text: string) => new TextEncoder().encode(text);
export const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);

export async function exampleFiles(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await createLocalTree(join(EXAMPLES, dir)).list(''))
    files.set(entry.path, readFileSync(join(EXAMPLES, dir, entry.path)));
  return files;
}

export function pull(number: number, changes: Partial<PullRequest> = {}): PullRequest {
  return {
    number,
    state: 'open',
    draft: false,
    merged: false,
    author: 'dave-ml',
    headSha: HEAD,
    headRef: `topic-${number}`,
    headRepo: 'acme/models',
    baseSha: BASE,
    baseRef: 'main',
    defaultBranch: 'main',
    htmlUrl: `https://github.com/acme/models/pull/${number}`,
    ...changes,
  };
}

export interface WorldOptions {
  /** RSP_GATE_REQUIRE_ORG_POLICY. */
  requireOrgPolicy?: boolean;
  /** The installation of a repository, as the App's JWT sees it (default 1). */
  installationOf?: (owner: string, repo: string) => number | null;
  /** When set, the sweeps list pull requests with this `updated_at`. */
  updatedAt?: (pr: PullRequest) => string;
  /** The org policy in acme/.github, if any. */
  orgPolicy?: string;
  /** The handler's clock (the moment a judgment starts reading GitHub). */
  clock?: () => Date;
  /** Signs the report links check runs carry (RSP_GATE_PUBLIC_URL set). */
  reportLinks?: ReportLinks;
}

export function createWorld(options: WorldOptions = {}) {
  const port = createMemoryPort({ login: 'rsp-gate[bot]', id: 99 });
  const orgPort = createMemoryPort({ login: 'rsp-gate[bot]', id: 99 });
  if (options.orgPolicy !== undefined)
    orgPort.state.commits.set(
      ORG_HEAD,
      new Map([['.github/rsp-policy.yml', bytes(options.orgPolicy)]]),
    );
  const lines: string[] = [];
  const ports: number[] = [];
  const github: AppGitHub = {
    portFor: async (id, _owner, repo) => {
      ports.push(id);
      return repo === '.github' ? orgPort : port;
    },
    installations: async () => [{ id: 1, account: 'acme' }],
    repositories: async () => [{ owner: 'acme', name: 'models' }],
    openPullRequests: async () =>
      [...port.state.pulls.values()]
        .filter((p) => p.state === 'open')
        .map((p): OpenPullRequest => ({
          number: p.number,
          headSha: p.headSha,
          baseRef: p.baseRef,
          ...(options.updatedAt ? { updatedAt: options.updatedAt(p) } : {}),
        })),
    installationOf: async (owner, repo) => (options.installationOf ?? (() => 1))(owner, repo),
    defaultBranchHead: async (_id, _owner, repo) =>
      repo !== '.github'
        ? { branch: 'main', sha: BASE }
        : options.orgPolicy !== undefined
          ? { branch: 'main', sha: ORG_HEAD }
          : null,
  };
  const queue = createMemoryQueue({ concurrency: 2, retryBaseMs: 1 });
  const context: JobContext = {
    config: {
      checkName: 'rsp-gate',
      policyPath: '.github/rsp-policy.yml',
      serverUrl: 'https://github.com',
      now: NOW,
      ...(options.requireOrgPolicy ? { requireOrgPolicy: true } : {}),
    },
    github,
    queue,
    log: createLogger((line) => lines.push(line)),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.reportLinks ? { reportLinks: options.reportLinks } : {}),
  };
  const handler = createJobHandler(context);
  const runs = (name = 'rsp-gate', sha = HEAD) =>
    port.state.checkRuns.filter((r) => r.name === name && r.sha === sha);
  /** The check GitHub shows under `name` on `sha`: the newest run's last update. */
  const shown = (name = 'rsp-gate', sha = HEAD) => runs(name, sha).at(-1)?.updates.at(-1);
  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { port, orgPort, github, queue, context, handler, lines, logged, ports, runs, shown };
}

export function judgeJob(prs: number[], sha = HEAD, extra: Partial<Job['data']> = {}): Job {
  return {
    key: `acme/models@${sha}`,
    kind: 'judge',
    data: {
      installationId: 1,
      owner: 'acme',
      repo: 'models',
      sha,
      prs,
      reason: 'pull_request.opened by @dave-ml',
      deliveryId: 'd-1',
      ...extra,
    },
  };
}

/** Waits until the queue has nothing waiting or running. */
export async function drain(queue: JobQueue): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    const { waiting, running } = await queue.stats();
    if (waiting + running === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the queue did not drain');
}
