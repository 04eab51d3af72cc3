/**
 * The App under load: 500 signed deliveries for 50 pull requests across 5 installations, sent as
 * fast as the App accepts them, to one replica (in-process queue) or several sharing a Postgres
 * queue. Then every pull request is checked: exactly one rsp-gate check on its head and one
 * comment, each with the verdict a pull request of its kind must have. Used by `npm run bench`
 * (the figures in BENCHMARKS.md) and by `npm run test:postgres` (two replicas, one killed).
 *
 * Half the pull requests change a model card that needs ASL-3 with nothing confirmed (blocked);
 * the other half change a README only (pass).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalTree } from '../src/repository/local-tree.js';
import { startFakeGitHubHost, type FakeGitHubHost } from '../__tests__/github/fake-app-host.js';
import type { FakeGitHubState } from '../__tests__/github/fake-github.js';
import {
  buildIssueCommentEvent,
  buildPullRequestEvent,
  fakeSha,
} from '../__tests__/github/webhooks.js';

const EXAMPLES = join(import.meta.dirname, '../examples');
const GATE_NOW = '2026-11-27T12:00:00Z';
const BLOCKED_TITLE = 'Blocked: acme/frontier-7 at ASL-3, 14 of 27 safeguards open';

export interface LoadOptions {
  /** The bundled App (`dist/app.js`). */
  appPath: string;
  replicas: number;
  /** Required for more than one replica. */
  databaseUrl?: string;
  installations?: number;
  pullRequests?: number;
  deliveries?: number;
  /** Deliveries in flight at once. */
  senders?: number;
  /** SIGKILL the last replica once it has started this many jobs (Postgres only). */
  killAfterJobs?: number;
  /** How long to wait for the queue to drain. */
  drainTimeoutMs?: number;
  log?: (message: string) => void;
}

export interface LoadResult {
  deliveries: number;
  accepted: number;
  acceptMs: { p50: number; p99: number; max: number };
  /** Judgments run, across replicas (a job judges one or more pull requests). */
  judgments: number;
  jobs: number;
  /** From the first delivery to an empty queue. */
  wallMs: number;
  judgmentsPerSecond: number;
  /** Peak resident memory of each replica, in MB (VmHWM). */
  peakRssMb: number[];
  pullRequests: number;
  lost: number;
  doubled: number;
  wrong: string[];
  killed: { atJob: number; recoveredMs: number } | null;
}

interface Replica {
  child: ChildProcess;
  url: string;
  jobsStarted: number;
  judged: number;
  lines: string[];
}

async function filesOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await createLocalTree(join(EXAMPLES, dir)).list(''))
    files[entry.path] = readFileSync(join(EXAMPLES, dir, entry.path), 'utf8');
  return files;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function peakRssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/**
 * The App's environment against the fake host, as an operator sets it: the App's id, key and
 * secret, any free port, the host's API URLs, and the gate's fixed clock. Also the e2e tests'.
 */
export function appEnvironment(
  gh: FakeGitHubHost,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    APP_ID: String(gh.app.id),
    PRIVATE_KEY: gh.app.privateKey,
    WEBHOOK_SECRET: gh.app.webhookSecret,
    PORT: '0',
    GITHUB_API_URL: gh.apiUrl,
    GITHUB_GRAPHQL_URL: gh.graphqlUrl,
    RSP_GATE_NOW: GATE_NOW,
    ...extra,
  };
}

function startReplica(gh: FakeGitHubHost, options: LoadOptions, index: number): Promise<Replica> {
  const child = spawn(process.execPath, [options.appPath], {
    env: appEnvironment(gh, options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  const replica: Replica = { child, url: '', jobsStarted: 0, judged: 0, lines: [] };
  let pending = '';
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => {
      if (!replica.url) reject(new Error(`replica ${index} exited with ${code}: ${stderr}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const complete = pending.split('\n');
      pending = complete.pop()!;
      for (const text of complete) {
        if (!text.trim()) continue;
        replica.lines.push(text);
        const line = JSON.parse(text) as { msg: string; port?: number };
        if (line.msg === 'job started') replica.jobsStarted++;
        if (line.msg === 'judged') replica.judged++;
        if (line.msg === 'rsp-gate App listening') {
          replica.url = `http://127.0.0.1:${line.port}`;
          resolve(replica);
        }
      }
    });
  });
}

/** The world: 5 organizations, each an installation with 2 repositories of 5 pull requests. */
async function buildWorld(
  gh: FakeGitHubHost,
  options: Required<Pick<LoadOptions, 'installations' | 'pullRequests'>>,
) {
  const base = await filesOf('acme-models-base');
  const head = await filesOf('acme-models');
  const perInstallation = options.pullRequests / options.installations;
  const perRepository = Math.ceil(perInstallation / 2);
  const pulls: {
    state: FakeGitHubState;
    number: number;
    headSha: string;
    blocked: boolean;
    installationId: number;
  }[] = [];
  for (let i = 0; i < options.installations; i++) {
    const org = `org${i + 1}`;
    const installationId = 1000 + i;
    const repos: string[] = [];
    for (let r = 0; r < 2 && pulls.length < (i + 1) * perInstallation; r++) {
      const name = `models-${r + 1}`;
      repos.push(name);
      const state = gh.addRepository(org, name);
      const BASE = fakeSha(`${org}/${name}:base`);
      state.addCommit(BASE, base);
      state.setBranch('main', BASE);
      for (let n = 1; n <= perRepository && pulls.length < (i + 1) * perInstallation; n++) {
        const blocked = n % 2 === 1;
        const headSha = fakeSha(`${org}/${name}#${n}`);
        state.addCommit(
          headSha,
          blocked
            ? { ...head, 'NOTES.md': `#${n}\n` }
            : { ...base, 'README.md': `pull request ${n}\n` },
          BASE,
        );
        pulls.push({ state, number: n, headSha, blocked, installationId });
      }
    }
    gh.addInstallation(installationId, org, repos);
  }
  return pulls;
}

async function waitDrained(replicas: Replica[], timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < until) {
    const alive = replicas.filter((r) => r.child.exitCode === null && r.child.signalCode === null);
    const stats = await Promise.all(
      alive.map(async (r) => {
        try {
          const health = (await (await fetch(`${r.url}/healthz`)).json()) as {
            queue?: { waiting: number; running: number };
          };
          return (health.queue?.waiting ?? 1) + (health.queue?.running ?? 1);
        } catch {
          return 0; // killed between the look and the request: the others speak for the queue
        }
      }),
    );
    quiet = stats.every((n) => n === 0) ? quiet + 1 : 0;
    if (quiet >= 6) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the queue did not drain in ${timeoutMs} ms`);
}

/** Every pull request: one check on its head, one comment, the verdict of its kind. */
function verify(gh: FakeGitHubHost, pulls: Awaited<ReturnType<typeof buildWorld>>) {
  let lost = 0;
  let doubled = 0;
  const wrong: string[] = [];
  for (const pr of pulls) {
    const name = `${pr.state.repo.owner}/${pr.state.repo.name}#${pr.number}`;
    const checks = pr.state.checkRuns(pr.headSha).filter((c) => c.name === 'rsp-gate');
    const comments = pr.state
      .comments(pr.number)
      .filter((c) => c.author.login === gh.app.bot.login);
    if (checks.length === 0 || comments.length === 0) lost++;
    if (checks.length > 1 || comments.length > 1) doubled++;
    const check = checks.at(-1);
    if (!check) continue;
    const expected = pr.blocked ? 'failure' : 'success';
    if (check.status !== 'completed' || check.conclusion !== expected)
      wrong.push(`${name}: ${check.status} ${check.conclusion}, expected ${expected}`);
    else if (pr.blocked && check.output.title !== BLOCKED_TITLE)
      wrong.push(`${name}: "${check.output.title}"`);
    const body = comments.at(-1)?.body ?? '';
    if (!body.includes(pr.blocked ? '🔴 rsp-gate: blocked' : '🟢 rsp-gate: pass'))
      wrong.push(`${name}: the comment does not say ${expected}`);
  }
  return { lost, doubled, wrong };
}

/** Ten deliveries per pull request: opened, seven title edits, two comments (looked up first). */
function deliveriesFor(
  gh: FakeGitHubHost,
  pulls: Awaited<ReturnType<typeof buildWorld>>,
  total: number,
) {
  const perPull = Math.max(1, Math.floor(total / pulls.length));
  const out: { event: string; payload: object; first: boolean }[] = [];
  for (const pr of pulls) {
    const d = {
      repo: pr.state.repo,
      number: pr.number,
      headSha: pr.headSha,
      baseSha: pr.state.pullRequest(pr.number).baseSha,
      author: 'dave-ml',
      installationId: pr.installationId,
      host: gh.urls,
    };
    out.push({ event: 'pull_request', payload: buildPullRequestEvent('opened', d), first: true });
    for (let k = 1; k < perPull; k++) {
      if (k % 4 === 0) {
        const comment = pr.state.addComment(pr.number, 'dana', `looks good ${k}`);
        out.push({
          event: 'issue_comment',
          payload: buildIssueCommentEvent('created', {
            ...d,
            sender: 'dana',
            comment: { id: comment.id, body: comment.body, user: 'dana' },
          }),
          first: false,
        });
      } else
        out.push({
          event: 'pull_request',
          payload: buildPullRequestEvent('edited', d),
          first: false,
        });
    }
  }
  return out;
}

async function send(
  gh: FakeGitHubHost,
  replicas: Replica[],
  deliveries: ReturnType<typeof deliveriesFor>,
  senders: number,
): Promise<number[]> {
  // Each pull request's "opened" goes first, then the rest in a shuffled order.
  const rest = deliveries.filter((d) => !d.first);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = (i * 7919 + 13) % (i + 1);
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const queue = [...deliveries.filter((d) => d.first), ...rest];
  const latencies: number[] = [];
  let next = 0;
  const worker = async (w: number) => {
    while (next < queue.length) {
      const d = queue[next]!;
      const replica = replicas[(next + w) % replicas.length]!;
      next++;
      if (replica.child.exitCode !== null || replica.child.signalCode !== null) {
        // A load balancer sends to a live replica.
        const alive = replicas.find(
          (r) => r.child.exitCode === null && r.child.signalCode === null,
        )!;
        const result = await gh.deliver(`${alive.url}/api/github/webhooks`, {
          event: d.event,
          payload: d.payload,
          validate: false,
        });
        latencies.push(result.status === 202 ? result.ms : NaN);
        continue;
      }
      const result = await gh.deliver(`${replica.url}/api/github/webhooks`, {
        event: d.event,
        payload: d.payload,
        validate: false,
      });
      latencies.push(result.status === 202 ? result.ms : NaN);
    }
  };
  await Promise.all(Array.from({ length: senders }, (_, w) => worker(w)));
  return latencies;
}

export async function runAppLoad(options: LoadOptions): Promise<LoadResult> {
  const log = options.log ?? (() => undefined);
  const installations = options.installations ?? 5;
  const pullRequests = options.pullRequests ?? 50;
  const total = options.deliveries ?? 500;
  if (options.replicas > 1 && !options.databaseUrl)
    throw new Error('more than one replica needs a Postgres queue (databaseUrl)');
  const gh = await startFakeGitHubHost({ now: () => new Date('2026-11-27T10:00:00Z') });
  const replicas: Replica[] = [];
  try {
    for (let i = 0; i < options.replicas; i++) replicas.push(await startReplica(gh, options, i));
    await waitDrained(replicas, 60_000); // the start-up sweeps: nothing to judge yet
    const pulls = await buildWorld(gh, { installations, pullRequests });
    for (const pr of pulls)
      pr.state.openPullRequest({
        number: pr.number,
        author: 'dave-ml',
        head: pr.headSha,
        base: pr.state.branches.get('main')!,
        baseRef: 'main',
      });
    const deliveries = deliveriesFor(gh, pulls, total);
    log(
      `${deliveries.length} deliveries for ${pulls.length} pull requests, ${options.replicas} replica(s)`,
    );
    let killed: LoadResult['killed'] = null;
    let killedAt = 0;
    const victim = replicas.at(-1)!;
    if (options.killAfterJobs !== undefined) {
      const watch = setInterval(() => {
        if (victim.jobsStarted >= options.killAfterJobs! && victim.child.exitCode === null) {
          victim.child.kill('SIGKILL');
          killedAt = Date.now();
          killed = { atJob: victim.jobsStarted, recoveredMs: 0 };
          log(
            `killed replica ${replicas.length - 1} (SIGKILL) mid-job, after ${victim.jobsStarted} jobs started`,
          );
          clearInterval(watch);
        }
      }, 5);
    }
    const started = Date.now();
    const latencies = await send(gh, replicas, deliveries, options.senders ?? 50);
    await waitDrained(replicas, options.drainTimeoutMs ?? 600_000);
    const wallMs = Date.now() - started;
    if (killed) (killed as { recoveredMs: number }).recoveredMs = Date.now() - killedAt;
    const peak = replicas.map((r) => peakRssMb(r.child.pid));
    const accepted = latencies.filter((ms) => !Number.isNaN(ms));
    const judgments = replicas.reduce((n, r) => n + r.judged, 0);
    const jobs = replicas.reduce((n, r) => n + r.jobsStarted, 0);
    return {
      deliveries: deliveries.length,
      accepted: accepted.length,
      acceptMs: {
        p50: Math.round(percentile(accepted, 50) * 10) / 10,
        p99: Math.round(percentile(accepted, 99) * 10) / 10,
        max: Math.round(Math.max(...accepted) * 10) / 10,
      },
      judgments,
      jobs,
      wallMs,
      judgmentsPerSecond: Math.round((judgments / (wallMs / 1000)) * 100) / 100,
      peakRssMb: peak,
      pullRequests: pulls.length,
      ...verify(gh, pulls),
      killed,
    };
  } finally {
    for (const r of replicas)
      if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGTERM');
    await Promise.all(
      replicas.map(
        (r) =>
          new Promise<void>((resolve) => {
            if (r.child.exitCode !== null || r.child.signalCode !== null) resolve();
            else r.child.once('exit', () => resolve());
          }),
      ),
    );
    await gh.close();
  }
}
