/**
 * What a webhook delivery asks the App to do, as jobs for the queue. Pure: takes the event name,
 * the payload and the delivery id.
 *
 * Jobs are keyed by repository and commit, since the verdict is per head commit (`rsp-gate` on a
 * commit speaks for every open pull request with that head): a pull request's events are keyed
 * by its head, a merge queue's by its commit, a push by the pushed commit. An issue comment does
 * not say the head, so it becomes a `resolve` job (keyed by the pull request) that looks the head
 * up and queues the judgment under it. Installation events and a change to the organization's
 * policy become sweeps.
 */
import { COMMENT_MARKER } from '../render/render-markdown.js';
import { resolveTarget, type EventPayload } from '../gate/event.js';
import { auditCheckName } from '../gate/protected-bases.js';
import type { Job, JobData } from './queue.js';

/** The repository of the organization's own settings, where the org policy lives. */
export const ORG_REPOSITORY = '.github';

interface Repository {
  name?: string;
  owner?: { login?: string };
  default_branch?: string;
}

interface AppPayload extends EventPayload {
  installation?: { id?: number };
  repository?: Repository;
  repositories?: { name?: string }[];
  repositories_added?: { name?: string }[];
  pull_request?: { number?: number; head?: { sha?: string } };
  check_run?: {
    name?: string;
    head_sha?: string;
    pull_requests?: { number?: number }[];
    check_suite?: { head_branch?: string | null };
  };
  check_suite?: {
    head_sha?: string;
    head_branch?: string | null;
    pull_requests?: { number?: number }[];
  };
  repositories_removed?: { name?: string }[];
  organization?: { login?: string };
  team?: { slug?: string };
  member?: { login?: string };
  membership?: { user?: { login?: string } | null };
  forced?: boolean;
  before?: string;
  created?: boolean;
  commits?: { added?: string[]; removed?: string[]; modified?: string[] }[];
  head_commit?: { added?: string[]; removed?: string[]; modified?: string[] } | null;
}

export type DeliveryOutcome = { jobs: Job[] } | { ignored: string };

export interface DeliveryOptions {
  policyPath: string;
}

/** The events whose payload names a pull request and its head. */
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'pull_request_review_thread',
]);

export function judgeKey(owner: string, repo: string, sha: string): string {
  return `${owner}/${repo}@${sha}`.toLowerCase();
}

function who(payload: AppPayload): string {
  return `@${payload.sender?.login ?? 'someone'}`;
}

/** A push to the organization's `.github` default branch that may change the org policy. */
function changesOrgPolicy(payload: AppPayload, policyPath: string): boolean {
  const commits = [
    ...(payload.commits ?? []),
    ...(payload.head_commit ? [payload.head_commit] : []),
  ];
  // GitHub lists at most 2,048 commits and 3,000 files per push: an empty list says nothing. A
  // forced push may rewind the branch to an older policy without listing any commit that has it.
  if (payload.forced || commits.length === 0) return true;
  return commits.some((c) =>
    [...(c.added ?? []), ...(c.removed ?? []), ...(c.modified ?? [])].includes(policyPath),
  );
}

function pushJobs(
  base: Omit<JobData, 'reason'>,
  payload: AppPayload,
  options: DeliveryOptions,
): DeliveryOutcome {
  const branch = payload.repository?.default_branch;
  const ref = payload.ref ?? '';
  if (payload.deleted) return { ignored: 'the push deleted a branch' };
  // Any branch, as the Action's push trigger on `[main, 'release/**']`: the job audits it only
  // when it is the default branch or GitHub requires the check on it.
  if (!ref.startsWith('refs/heads/'))
    return { ignored: `a push to ${ref || 'an unnamed ref'}: only branches are audited` };
  const sha = payload.after;
  if (!sha) return { ignored: 'a push without its commit' };
  const jobs: Job[] = [
    {
      key: `${judgeKey(base.owner, base.repo, sha)}:state`,
      kind: 'state',
      data: { ...base, sha, ref, reason: `push to ${ref} by ${who(payload)}` },
    },
  ];
  const onDefault = !!branch && ref === `refs/heads/${branch}`;
  if (
    onDefault &&
    base.repo.toLowerCase() === ORG_REPOSITORY &&
    changesOrgPolicy(payload, options.policyPath)
  )
    jobs.push({
      key: `installation:${base.installationId}`,
      kind: 'sweep',
      data: {
        ...base,
        repo: '',
        force: true,
        reason: `the organization policy changed (${sha.slice(0, 7)})`,
      },
    });
  return { jobs };
}

const isOrgRepository = (name: string) => name.toLowerCase() === ORG_REPOSITORY;

function installationJobs(
  event: string,
  base: Omit<JobData, 'reason'>,
  payload: AppPayload,
): DeliveryOutcome {
  const action = payload.action ?? '';
  const added = event === 'installation' ? payload.repositories : payload.repositories_added;
  const removed = (payload.repositories_removed ?? []).map((r) => r.name ?? '');
  // The organization's .github repository leaving the installation hides the org policy from the
  // App: every repository it governed is judged again without it.
  const orgPolicyLeft = action === 'removed' && removed.some(isOrgRepository);
  if (
    !['created', 'added', 'new_permissions_accepted', 'unsuspend'].includes(action) &&
    !orgPolicyLeft
  )
    return { ignored: `${event}.${action} needs no judgment` };
  const names = (added ?? []).map((r) => r.name).filter((n): n is string => !!n);
  // The .github repository joining brings the org policy: every repository is judged by it.
  const every =
    orgPolicyLeft || action === 'new_permissions_accepted' || names.some(isOrgRepository);
  return {
    jobs: [
      {
        key: `installation:${base.installationId}`,
        kind: 'sweep',
        data: {
          ...base,
          repo: '',
          force: true,
          // An installation on every repository lists none: all of them.
          ...(names.length > 0 && !every ? { repos: names } : {}),
          reason: `${event}.${action} by ${who(payload)}`,
        },
      },
    ],
  };
}

/**
 * Someone leaving a team (`membership.removed`) or the organization (`organization.member_removed`):
 * an approval or a tick of theirs may have counted for a role granted to that team, so every open
 * pull request of the installation is judged again. Joining only grants, and waits for the next
 * judgment.
 */
function memberLeftJobs(
  event: 'membership' | 'organization',
  base: Omit<JobData, 'reason'>,
  payload: AppPayload,
): DeliveryOutcome {
  const action = payload.action ?? '';
  if (action !== (event === 'membership' ? 'removed' : 'member_removed'))
    return { ignored: `${event}.${action} needs no judgment` };
  const org = payload.organization?.login ?? '';
  const left =
    event === 'membership'
      ? `@${payload.member?.login ?? 'someone'} left the team ${org}/${payload.team?.slug ?? '?'}`
      : `@${payload.membership?.user?.login ?? 'someone'} left the organization ${org}`;
  return {
    jobs: [
      {
        key: `installation:${base.installationId}`,
        kind: 'sweep',
        data: { ...base, owner: org || base.owner, repo: '', force: true, reason: left },
      },
    ],
  };
}

/**
 * The Re-run buttons: a check run's (`check_run.rerequested`) or its whole suite's
 * (`check_suite.rerequested`, "Re-run all checks"). The pull requests with that head are judged
 * again: those GitHub names, and whichever the job finds open with that head (GitHub names none
 * for a pull request from a fork). The audit check of a pushed branch judges the branch again.
 */
function rerunJobs(
  event: 'check_run' | 'check_suite',
  base: Omit<JobData, 'reason'>,
  payload: AppPayload,
): DeliveryOutcome {
  if (payload.action !== 'rerequested')
    return { ignored: `${event}.${payload.action ?? ''} needs no judgment` };
  const suite = event === 'check_run' ? payload.check_run?.check_suite : payload.check_suite;
  const checked = event === 'check_run' ? payload.check_run : payload.check_suite;
  const sha = checked?.head_sha;
  if (!sha) return { ignored: `a ${event.replace('_', ' ')} without its commit` };
  const prs = (checked?.pull_requests ?? [])
    .map((p) => p.number)
    .filter((n): n is number => typeof n === 'number');
  const reason = `${event}.rerequested (Re-run) by ${who(payload)}`;
  const branch = suite?.head_branch;
  const state: Job = {
    key: `${judgeKey(base.owner, base.repo, sha)}:state`,
    kind: 'state',
    data: { ...base, sha, ref: branch ? `refs/heads/${branch}` : sha, reason },
  };
  const judge: Job = {
    key: judgeKey(base.owner, base.repo, sha),
    kind: 'judge',
    data: { ...base, sha, prs, reason },
  };
  // The merge queue's commit (GitHub names no pull request for it): judged for the queue again,
  // against the pull request's base, since the Re-run does not say the queue's.
  const queued = branch ? /^gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]+$/.exec(branch) : null;
  if (
    queued &&
    prs.length === 0 &&
    !(event === 'check_run' && isAuditCheck(payload.check_run?.name ?? ''))
  )
    return {
      jobs: [
        {
          ...judge,
          data: { ...base, sha, mergeGroup: { number: Number(queued[1]), checkSha: sha }, reason },
        },
      ],
    };
  if (event === 'check_run')
    return { jobs: [isAuditCheck(payload.check_run?.name ?? '') ? state : judge] };
  const onDefault = !!branch && branch === payload.repository?.default_branch;
  return { jobs: onDefault ? [judge, state] : [judge] };
}

/** The audit check of whole-branch runs, whatever the required check is called. */
function isAuditCheck(name: string): boolean {
  return name.endsWith(auditCheckName(''));
}

/** The jobs of one delivery, or why it asks for none. */
export function jobsForDelivery(
  event: string,
  payload: unknown,
  deliveryId: string,
  options: DeliveryOptions,
): DeliveryOutcome {
  const p = (payload ?? {}) as AppPayload;
  const installationId = p.installation?.id;
  if (typeof installationId !== 'number')
    return { ignored: `${event} delivery without an installation: not sent to a GitHub App` };
  const owner = p.repository?.owner?.login ?? '';
  const repo = p.repository?.name ?? '';
  const base = { installationId, owner, repo, deliveryId };
  if (event === 'installation' || event === 'installation_repositories') {
    const account = (p as { installation?: { account?: { login?: string } } }).installation?.account
      ?.login;
    return installationJobs(event, { ...base, owner: account ?? owner }, p);
  }
  if (event === 'membership' || event === 'organization') return memberLeftJobs(event, base, p);
  if (!owner || !repo) return { ignored: `${event} delivery without a repository` };
  const action = p.action ?? '';
  if (PULL_REQUEST_EVENTS.has(event)) {
    const number = p.pull_request?.number;
    const sha = p.pull_request?.head?.sha;
    if (!number || !sha) return { ignored: `${event} delivery without its pull request` };
    return {
      jobs: [
        {
          key: judgeKey(owner, repo, sha),
          kind: 'judge',
          data: { ...base, sha, prs: [number], reason: `${event}.${action} by ${who(p)}` },
        },
      ],
    };
  }
  switch (event) {
    case 'issue_comment': {
      const target = resolveTarget(event, p, { sha: '', ref: '' }, COMMENT_MARKER);
      if (target.kind !== 'pull_request')
        return { ignored: target.kind === 'noop' ? target.message : 'not a pull request' };
      return {
        jobs: [
          {
            key: `${owner}/${repo}#${target.number}`.toLowerCase(),
            kind: 'resolve',
            data: { ...base, number: target.number, reason: target.reason },
          },
        ],
      };
    }
    case 'merge_group': {
      const target = resolveTarget(event, p, { sha: '', ref: '' }, COMMENT_MARKER);
      if (target.kind !== 'pull_request' || !target.checkSha)
        return { ignored: target.kind === 'noop' ? target.message : 'not a merge group' };
      const mergeGroup = {
        number: target.number,
        checkSha: target.checkSha,
        ...(target.baseSha ? { baseSha: target.baseSha } : {}),
      };
      return {
        jobs: [
          {
            key: judgeKey(owner, repo, target.checkSha),
            kind: 'judge',
            data: { ...base, sha: target.checkSha, mergeGroup, reason: target.reason },
          },
        ],
      };
    }
    case 'push':
      return pushJobs(base, p, options);
    case 'check_run':
    case 'check_suite':
      return rerunJobs(event, base, p);
    default:
      return { ignored: `rsp-gate does not handle \`${event}\` events` };
  }
}
