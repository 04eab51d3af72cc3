/**
 * What the App does with each job: judge a head commit's pull requests, look up a commented pull
 * request's head, judge a pushed branch state, sweep an installation for verdicts that are
 * missing or stale. Every judgment is the Action's (`judgeOnGitHub`), through the same port, with
 * the organization's policy read first. A job that cannot finish fails its check closed and
 * throws, so the queue tries it again.
 */
import { InputError, isInputError } from '../core/errors.js';
import type { Target } from '../gate/event.js';
import type { DecisionRecord } from '../core/decision.js';
import type { RepositoryState } from '../core/inputs.js';
import {
  failureVerdict,
  judgeOnGitHub,
  judgeWithoutWriting,
  OPEN_PULL_REQUEST_LIMIT,
  stampTime,
  writeCheck,
  writeFailedCheck,
  type JudgeOptions,
} from '../gate/judge-on-github.js';
import { auditCheckName, checkNameInto, readBaseProtection } from '../gate/protected-bases.js';
import { GitHubError, type GitHubPort } from '../github/port.js';
import type { OrganizationPolicy } from '../policy/types.js';
import type { AppConfig } from './config.js';
import { judgeKey, ORG_REPOSITORY } from './deliveries.js';
import type { AppGitHub } from './github-app.js';
import type { Logger } from './log.js';
import { writeNotConfigured } from './not-configured.js';
import { readOrganizationPolicy } from './org-policy.js';
import type { Job, JobData, JobQueue } from './queue.js';
import type { ReportLinks, VerifiedLink } from './report-link.js';

export interface JobContext {
  config: Pick<AppConfig, 'checkName' | 'policyPath' | 'serverUrl' | 'now'> &
    Partial<Pick<AppConfig, 'requireOrgPolicy'>>;
  github: AppGitHub;
  queue: JobQueue;
  log: Logger;
  /** The clock (tests fix it with RSP_GATE_NOW through the config). */
  clock?: () => Date;
  /** Signs the report page links check runs carry; null or absent: no links (no RSP_GATE_PUBLIC_URL). */
  reportLinks?: ReportLinks | null;
}

/** A check stuck in progress this long (its job died) is judged again by a sweep. */
const STUCK_MS = 15 * 60_000;

function nowOf(context: JobContext): Date {
  return context.config.now ?? (context.clock ?? (() => new Date()))();
}

/** What a failure says on the check, for the people reading it. */
function describeForCheck(error: unknown): string {
  if (isInputError(error)) return error.describe();
  if (error instanceof GitHubError)
    return `${error.message}. GitHub kept failing after retries; the App tries the job again, and its catch-up sweep judges the pull request again within the hour.`;
  return `internal error: ${error instanceof Error ? error.message : String(error)}. This is a bug in rsp-gate; the check fails closed until a judgment completes.`;
}

/** Fails the check on `sha` closed: updated in place when it can be, else a new failed run. */
async function failClosed(
  port: GitHubPort,
  sha: string,
  name: string,
  error: unknown,
  readAt: Date,
): Promise<void> {
  const summary = `${describeForCheck(error)}\n\nThe gate fails closed: this check stays failed until a judgment completes. Fix the cause above, or comment \`/rsp-gate recheck\` on the pull request.`;
  const verdict = failureVerdict('rsp-gate could not finish: failing closed', summary);
  try {
    await writeCheck(port, sha, name, verdict, readAt, null);
  } catch {
    await writeFailedCheck(port, sha, name, summary);
  }
}

function isNotConfigured(error: unknown, organization: OrganizationPolicy | null): boolean {
  return organization === null && isInputError(error) && error.code === 'policy-missing';
}

/** How the App judges `target` in the job's repository: as the Action does, with the org policy. */
function judgeOptionsFor(
  context: JobContext,
  data: Pick<JobData, 'installationId' | 'owner' | 'repo'>,
  port: GitHubPort,
  target: Exclude<Target, { kind: 'noop' }>,
  organization: OrganizationPolicy | null,
  log: (message: string) => void,
): JudgeOptions {
  const { config, reportLinks } = context;
  const { installationId, owner, repo } = data;
  return {
    port,
    target,
    policyPath: config.policyPath,
    checkName: config.checkName,
    mode: null,
    cardGlobs: null,
    fallbackPreset: null,
    organization,
    now: nowOf(context),
    repositoryUrl: `${config.serverUrl}/${owner}/${repo}`,
    runUrl: null,
    ...(reportLinks
      ? {
          detailsUrl: ({ sha, pr, base }) =>
            reportLinks.linkFor({ installationId, owner, repo, sha, pr, base }),
        }
      : {}),
    log,
  };
}

/** One target judged as the Action judges it, failing closed when it cannot finish. */
async function judgeTarget(
  context: JobContext,
  job: Job,
  port: GitHubPort,
  target: Exclude<Target, { kind: 'noop' }>,
  organization: OrganizationPolicy | null,
): Promise<void> {
  const { config, log } = context;
  const { owner } = job.data;
  const readAt = (context.clock ?? (() => new Date()))();
  const options: JudgeOptions = {
    ...judgeOptionsFor(context, job.data, port, target, organization, (m) =>
      log.info(m, { delivery: job.data.deliveryId, key: job.key }),
    ),
    clock: () => readAt,
  };
  const checkName = target.kind === 'state' ? auditCheckName(config.checkName) : config.checkName;
  try {
    const result = await judgeOnGitHub(options);
    log.info('judged', {
      delivery: job.data.deliveryId,
      key: job.key,
      target: target.kind === 'state' ? target.ref : `#${target.number}`,
      decision: result.record.decision,
      conclusion: result.conclusion,
      check: result.checkName,
      sha: result.checkSha,
      policy: result.record.policy.source,
    });
  } catch (thrown) {
    let error = thrown;
    const sha = await shaOf(port, target);
    if (isNotConfigured(error, organization)) {
      try {
        const written = await writeNotConfigured(port, target, sha, config, owner, readAt);
        log.info('not configured', { delivery: job.data.deliveryId, key: job.key, ...written });
        return;
      } catch (failure) {
        error = failure; // could not tell what to write: fail closed below, and try again
      }
    }
    log.error('judgment failed; the check fails closed', {
      delivery: job.data.deliveryId,
      key: job.key,
      error: describeForCheck(error),
    });
    await failClosed(port, sha, checkName, error, readAt);
    // A broken policy or card will not mend itself: only GitHub's failures are tried again.
    if (!isInputError(error)) throw error;
  }
}

async function shaOf(port: GitHubPort, target: Exclude<Target, { kind: 'noop' }>): Promise<string> {
  if (target.kind === 'state') return target.sha;
  return target.checkSha ?? (await port.pullRequest(target.number)).headSha;
}

/**
 * The org policy for a job's repository. The organization's `.github` repository is judged by its
 * own file, which is the org policy: a pull request that edits it is a policy change there.
 */
async function organizationPolicyFor(context: JobContext, data: JobData) {
  if (data.repo.toLowerCase() === ORG_REPOSITORY) return null;
  const { policyPath, requireOrgPolicy } = context.config;
  const found = await readOrganizationPolicy(
    context.github,
    data.installationId,
    data.owner,
    policyPath,
    (message) => context.log.info(message, { delivery: data.deliveryId }),
  );
  if (found === null && requireOrgPolicy)
    throw new InputError(
      'policy-org-unreadable',
      `the organization policy cannot be read: ${data.owner}/${ORG_REPOSITORY} or its ${policyPath} is not there, or not in the App's installation, and this App requires one (RSP_GATE_REQUIRE_ORG_POLICY)`,
      { file: `${data.owner}/${ORG_REPOSITORY}:${policyPath}` },
      `add ${data.owner}/${ORG_REPOSITORY} to the App's installation, or commit the policy there`,
    );
  return found;
}

async function runJudge(context: JobContext, job: Job): Promise<void> {
  const { data } = job;
  const port = await jobPort(context, job);
  const organization = await withFailClosed(context, job, port, () =>
    organizationPolicyFor(context, data),
  );
  // A merge queue's job may have absorbed a pull request's (someone made the queue's commit the
  // head of a pull request): those pull requests are judged too, and the queue's commit last,
  // since its verdict speaks for them as well as for the queue.
  if (!data.mergeGroup || (data.prs ?? []).length > 0)
    await judgePullRequestsWithHead(context, job, port, organization);
  if (data.mergeGroup) {
    const { number, checkSha, baseSha } = data.mergeGroup;
    const target = {
      kind: 'pull_request' as const,
      number,
      reason: data.reason,
      checkSha,
      ...(baseSha ? { baseSha } : {}),
    };
    await judgeTarget(context, job, port, target, organization);
  }
}

/**
 * Every open pull request with the job's head, and those the deliveries named (closed ones too:
 * their comment records how they ended).
 */
async function judgePullRequestsWithHead(
  context: JobContext,
  job: Job,
  port: GitHubPort,
  organization: OrganizationPolicy | null,
): Promise<void> {
  const { data } = job;
  const open = await port.openPullRequestsWithHead(data.sha!, OPEN_PULL_REQUEST_LIMIT);
  const withHead = new Set((open ?? []).map((p) => p.number));
  const numbers = [...new Set([...(data.prs ?? []), ...withHead])];
  for (const number of numbers.sort((a, b) => a - b)) {
    if (open !== null && !withHead.has(number) && (await hasMovedOn(port, number, data.sha!))) {
      context.log.info(
        `#${number} has moved on from ${data.sha!.slice(0, 7)}: its new head's job judges it`,
        {
          delivery: data.deliveryId,
          key: job.key,
        },
      );
      continue;
    }
    await judgeTarget(
      context,
      job,
      port,
      { kind: 'pull_request', number, reason: data.reason },
      organization,
    );
  }
}

/**
 * An open pull request whose head is no longer `sha`: a job under its old head (a flood of
 * pushes queues one per push) leaves it to the job of its new head, which every push queues and
 * the catch-up finds missing otherwise. A closed one is judged for the record.
 */
async function hasMovedOn(port: GitHubPort, number: number, sha: string): Promise<boolean> {
  const pr = await port.pullRequest(number);
  return pr.state === 'open' && pr.headSha !== sha;
}

/**
 * Reading the org policy can fail (GitHub down): the head's check fails closed before the job
 * is thrown back to the queue.
 */
async function withFailClosed<T>(
  context: JobContext,
  job: Job,
  port: GitHubPort,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const sha = job.data.mergeGroup?.checkSha ?? job.data.sha;
    const name =
      job.kind === 'state' ? auditCheckName(context.config.checkName) : context.config.checkName;
    context.log.error('could not read the organization policy; the check fails closed', {
      delivery: job.data.deliveryId,
      key: job.key,
      error: describeForCheck(error),
    });
    if (sha) await failClosed(port, sha, name, error, new Date()).catch(() => undefined);
    throw error;
  }
}

async function runResolve(context: JobContext, job: Job): Promise<void> {
  const { data } = job;
  const port = await jobPort(context, job);
  const pr = await port.pullRequest(data.number!);
  const state = await context.queue.add({
    key: judgeKey(data.owner, data.repo, pr.headSha),
    kind: 'judge',
    data: { ...data, sha: pr.headSha, prs: [pr.number] },
  });
  context.log.info(
    `pull request #${pr.number} is at ${pr.headSha.slice(0, 7)}: judgment ${state}`,
    {
      delivery: data.deliveryId,
      key: job.key,
    },
  );
}

/**
 * Whether a pushed branch is audited: the default branch, or one GitHub requires `rsp-gate` on
 * (a ruleset or classic protection, or one the App cannot read), as the Action's push trigger
 * on `[main, 'release/**']`. A state judged by commit alone (a Re-run of its audit check) is.
 */
async function isAudited(context: JobContext, job: Job, port: GitHubPort): Promise<boolean> {
  const { data } = job;
  const branch = data.ref?.startsWith('refs/heads/') ? data.ref.slice('refs/heads/'.length) : null;
  if (branch === null) return true;
  const head = await context.github.defaultBranchHead(data.installationId, data.owner, data.repo);
  if (head?.branch === branch) return true;
  return (await readBaseProtection(port, branch, context.config.checkName, null)).protected;
}

async function runState(context: JobContext, job: Job): Promise<void> {
  const { data } = job;
  const port = await jobPort(context, job);
  if (!(await isAudited(context, job, port))) {
    context.log.info(`${data.ref} is neither the default branch nor protected: not audited`, {
      delivery: data.deliveryId,
      key: job.key,
    });
    return;
  }
  const organization = await withFailClosed(context, job, port, () =>
    organizationPolicyFor(context, data),
  );
  const target = {
    kind: 'state' as const,
    sha: data.sha!,
    ref: data.ref ?? data.sha!,
    reason: data.reason,
  };
  await judgeTarget(context, job, port, target, organization);
}

/**
 * Whether an open pull request's verdict needs judging again: no check on its head (a missed
 * delivery, a new head), one stuck in progress, one that began reading GitHub before the pull
 * request last changed (a review, a comment or an edit whose delivery was missed or whose job
 * was lost), or one written on an earlier day than today (UTC). Approvals and attestations expire
 * at the end of a day, so a verdict from an earlier day may count one that has since expired; the
 * sweep just after midnight catches them.
 */
export async function verdictIsStale(
  port: GitHubPort,
  pr: { headSha: string; baseRef: string; updatedAt?: string },
  checkName: string,
  now: Date,
): Promise<string | null> {
  const existing =
    (await port.findCheckRun(pr.headSha, checkName)) ??
    (await port.findCheckRun(pr.headSha, checkNameInto(checkName, pr.baseRef)));
  if (!existing) return 'no verdict on its head';
  const stamp = stampTime(existing.externalId);
  if (stamp === null) return 'a verdict the App did not stamp';
  if (existing.status !== 'completed' && now.getTime() - stamp > STUCK_MS)
    return 'a judgment stuck in progress';
  // The gate's own comment moves it too, once after each change: that re-judging writes nothing new.
  const updated = pr.updatedAt ? Date.parse(pr.updatedAt) : NaN;
  if (existing.status === 'completed' && updated > stamp)
    return 'the pull request changed after its verdict';
  if (new Date(stamp).toISOString().slice(0, 10) < now.toISOString().slice(0, 10))
    return 'a verdict from an earlier day (approvals may have expired)';
  return null;
}

async function sweepRepository(
  context: JobContext,
  data: JobData,
  owner: string,
  repo: string,
): Promise<number> {
  const { github, queue, config } = context;
  const pulls = await github.openPullRequests(data.installationId, owner, repo);
  if (pulls.length === 0) return 0;
  const port = await github.portFor(data.installationId, owner, repo, (m) =>
    context.log.info(m, { delivery: data.deliveryId }),
  );
  const realNow = (context.clock ?? (() => new Date()))();
  let queued = 0;
  for (const pr of pulls) {
    const why = data.force
      ? data.reason
      : await verdictIsStale(port, pr, config.checkName, realNow);
    if (!why) continue;
    await queue.add({
      key: judgeKey(owner, repo, pr.headSha),
      kind: 'judge',
      data: {
        installationId: data.installationId,
        owner,
        repo,
        sha: pr.headSha,
        prs: [pr.number],
        reason: `catch-up: ${why}`,
        deliveryId: data.deliveryId,
      },
    });
    queued++;
  }
  return queued;
}

/**
 * A sweep of an installation queues one sweep per repository, so that no job runs long (the
 * Postgres queue counts a job running past its expiry as lost); a repository's sweep queues a
 * judgment for each open pull request whose verdict is stale (every one, when forced).
 */
async function runSweep(context: JobContext, job: Job): Promise<void> {
  const { data } = job;
  if (data.repo) {
    const queued = await sweepRepository(context, data, data.owner, data.repo);
    context.log.info(`swept ${data.owner}/${data.repo}: ${queued} pull requests to judge`, {
      delivery: data.deliveryId,
      key: job.key,
      reason: data.reason,
    });
    return;
  }
  const wanted = data.repos ? new Set(data.repos.map((r) => r.toLowerCase())) : null;
  const repositories = (await context.github.repositories(data.installationId)).filter(
    (r) => wanted === null || wanted.has(r.name.toLowerCase()),
  );
  for (const r of repositories)
    await context.queue.add({
      key: `${r.owner}/${r.name}:sweep`.toLowerCase(),
      kind: 'sweep',
      data: { ...data, owner: r.owner, repo: r.name, repos: [r.name] },
    });
  context.log.info(`sweeping ${repositories.length} repositories`, {
    delivery: data.deliveryId,
    key: job.key,
    reason: data.reason,
  });
}

/**
 * The job with its repository's own installation, or null when the App is not installed on the
 * repository. An installation's sweep of all its repositories keeps its own.
 */
async function withRepositoryInstallation(context: JobContext, job: Job): Promise<Job | null> {
  const { data } = job;
  if (job.kind === 'sweep' && !data.repo) return job;
  const id = await context.github.installationOf(data.owner, data.repo, data.installationId);
  if (id === null) return null;
  if (id !== data.installationId)
    context.log.warn('the delivery named another installation than the repository’s', {
      delivery: data.deliveryId,
      key: job.key,
      named: data.installationId,
      repository: id,
    });
  return id === data.installationId ? job : { ...job, data: { ...data, installationId: id } };
}

/** Why a report page is not shown: the link's installation no longer covers its repository. */
export class NotInstalled extends Error {
  override readonly name = 'NotInstalled';
}

/** What a report page shows: the judgment the check run it links from made, made again now. */
export interface ReportJudgment {
  record: DecisionRecord;
  state: RepositoryState;
  /** The day judged at (`RSP_GATE_NOW`, else today). */
  now: Date;
}

/**
 * The judgment a report link's check run shows, read again now as the job that wrote it reads it:
 * the commit through the installation's port, with the organization policy, and for a pull
 * request its reviews, ticks and teams, against the base the check was judged against. Nothing is
 * written. Throws `NotInstalled` when the link's installation no longer covers the repository.
 */
export async function judgeForReport(
  context: JobContext,
  link: VerifiedLink,
  requestId: string,
): Promise<ReportJudgment> {
  const { installationId, owner, repo, sha, pr, base } = link;
  if ((await context.github.installationOf(owner, repo, installationId)) !== installationId)
    throw new NotInstalled(`installation ${installationId} does not cover ${owner}/${repo}`);
  const log = (message: string) => context.log.info(message, { request: requestId });
  const port = await context.github.portFor(installationId, owner, repo, log);
  const data = { installationId, owner, repo, reason: 'report page', deliveryId: requestId };
  const organization = await organizationPolicyFor(context, data);
  const target: Exclude<Target, { kind: 'noop' }> =
    pr === null
      ? { kind: 'state', sha, ref: sha, reason: data.reason }
      : {
          kind: 'pull_request',
          number: pr,
          reason: data.reason,
          checkSha: sha,
          ...(base ? { baseSha: base } : {}),
        };
  const options = judgeOptionsFor(context, data, port, target, organization, log);
  return { ...(await judgeWithoutWriting(options)), now: options.now };
}

/** The port for the job's repository, its own lines logged with the job's delivery and key. */
function jobPort(context: JobContext, job: Job): Promise<GitHubPort> {
  const { data } = job;
  return context.github.portFor(data.installationId, data.owner, data.repo, portLog(context, job));
}

/** The port's own lines, with the job's delivery and key, as every line of a job carries them. */
function portLog(context: JobContext, job: Job): (message: string) => void {
  return (message) => context.log.info(message, { delivery: job.data.deliveryId, key: job.key });
}

export function createJobHandler(context: JobContext): (job: Job) => Promise<void> {
  return async (delivered) => {
    const job = await withRepositoryInstallation(context, delivered);
    if (job === null) {
      context.log.warn('not installed on the repository; nothing to judge', {
        delivery: delivered.data.deliveryId,
        key: delivered.key,
      });
      return;
    }
    switch (job.kind) {
      case 'judge':
        return runJudge(context, job);
      case 'resolve':
        return runResolve(context, job);
      case 'state':
        return runState(context, job);
      case 'sweep':
        return runSweep(context, job);
    }
  };
}
