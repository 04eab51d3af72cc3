/**
 * One run of the gate on GitHub, through the port: resolve the pull request, read both trees
 * through the API, gather reviews, team membership and checklist ticks, evaluate, then publish
 * the sticky comment and the check run on the head commit. No @actions/* here: both front doors
 * call it, the Action (`src/action/run.ts`) and the App (`src/app/`).
 */
import type { DecisionRecord } from '../core/decision.js';
import { NO_WRITERS, type RepositoryState, type ReviewContext } from '../core/inputs.js';
import { checkTrees, type CheckOptions } from './check-trees.js';
import { createApiTree, createGitReader } from '../github/api-tree.js';
import { changedPaths } from '../github/changed-paths.js';
import { readChangeWriters } from '../github/change-writers.js';
import { attributeTicks } from '../github/checklist.js';
import type {
  Annotation,
  CheckRunOutput,
  GitHubPort,
  Identity,
  IssueComment,
  PullRequest,
} from '../github/port.js';
import type { OrganizationPolicy, Policy } from '../policy/types.js';
import { readUnchangedFrom } from '../repository/read-unchanged-from.js';
import { batches, checkRunAnnotations, renderCheckRun } from '../render/render-check-run.js';
import { COMMENT_MARKER, renderMarkdown, type MarkdownOptions } from '../render/render-markdown.js';
import type { Target } from './event.js';
import {
  auditCheckName,
  checkNameInto,
  readBaseProtection,
  type BaseProtection,
} from './protected-bases.js';

export interface JudgeOptions {
  port: GitHubPort;
  target: Exclude<Target, { kind: 'noop' }>;
  policyPath: string;
  checkName: string;
  /** Forces a mode; null keeps the policy's. */
  mode: 'enforce' | 'advisory' | null;
  cardGlobs: string[] | null;
  fallbackPreset: string | null;
  /** The organization's policy (the App reads it from the org's `.github` repository). */
  organization?: OrganizationPolicy | null;
  now: Date;
  /** `https://github.com/o/r`, for links to files. */
  repositoryUrl: string;
  /** The workflow run, linked from the check run. */
  runUrl: string | null;
  /**
   * The page a check run links to instead of `runUrl` (the App's report page), for the commit it
   * is on and the pull request whose judgment it shows (null: a branch state), judged against
   * `base`; null for no page.
   */
  detailsUrl?: (about: CheckSubject) => string | null;
  log: (message: string) => void;
  /** When the run begins reading GitHub (orders its writes against other runs'); default now. */
  clock?: () => Date;
}

/** What a check run's verdict is about: its commit, and the pull request judged there, if any. */
export interface CheckSubject {
  sha: string;
  pr: number | null;
  /** The base the pull request was judged against. */
  base: string | null;
}

export interface JudgeResult {
  record: DecisionRecord;
  checkSha: string;
  /** The check the verdict was written under (see protected-bases.ts). */
  checkName: string;
  /** The written check's conclusion (for a protected base, every pull request it speaks for). */
  conclusion: 'success' | 'failure' | 'neutral';
  commentUrl: string | null;
  notes: string[];
  /** A state's judgment: the repository as the judgment read it (the Action's report shows it). */
  state?: RepositoryState;
}

/** The same account, whether GitHub spells it `x` or `x[bot]`. */
export function isSameAccount(comment: IssueComment, identity: Identity): boolean {
  if (identity.id !== null && comment.authorId !== null) return identity.id === comment.authorId;
  const plain = (login: string) => login.toLowerCase().replace(/\[bot\]$/, '');
  return plain(comment.author) === plain(identity.login);
}

async function gatherTeams(
  port: GitHubPort,
  policy: Policy,
  notes: string[],
): Promise<Map<string, string[]> | null> {
  const teams = [...new Set([...policy.roles.values()].flatMap((r) => r.teams))];
  if (teams.length === 0) return new Map();
  const members = new Map<string, string[]>();
  const unreadable: string[] = [];
  for (const team of teams) {
    const [org, slug] = team.split('/') as [string, string];
    const list = await port.teamMembers(org, slug);
    if (list === null) unreadable.push(team);
    else members.set(team.toLowerCase(), list);
  }
  if (unreadable.length > 0) {
    notes.push(
      `Team membership of ${unreadable.join(', ')} cannot be read with this token, so members of ${unreadable.length === 1 ? 'that team' : 'those teams'} cannot confirm items or sign off. Give the gate a token that can read organization members (a GitHub App with "Members: read"), or list the people under \`users:\` in the policy.`,
    );
  }
  return members;
}

/**
 * The moment a run began reading GitHub, stored with the check run it writes (`external_id`), so
 * that a run never overwrites what a run that read later — a newer head, newer reviews or ticks —
 * already wrote. The check is written before the comment, and a run that finds a newer verdict
 * on the check writes neither.
 */
const STAMP = 'rsp-gate:read-at=';

export function readStamp(at: Date): string {
  return `${STAMP}${at.toISOString()}`;
}

/** The time a stamp records, or null for anything else. */
export function stampTime(text: string | null): number | null {
  const found = text === null ? null : new RegExp(`^${STAMP}(\\S+)$`).exec(text);
  const time = found ? Date.parse(found[1]!) : NaN;
  return Number.isNaN(time) ? null : time;
}

/** True when `written` (a stamp) comes from a run that read GitHub after `readAt`. */
function isNewer(written: string | null, readAt: Date): boolean {
  const time = stampTime(written);
  return time !== null && time > readAt.getTime();
}

async function publishComment(
  port: GitHubPort,
  number: number,
  identity: Identity,
  body: string,
  existing: IssueComment[],
): Promise<string> {
  const own = existing
    .filter((c) => c.body.includes(COMMENT_MARKER) && isSameAccount(c, identity))
    .sort((a, b) => a.id - b.id);
  const keep = own[0];
  if (keep) {
    if (keep.body !== body) await port.updateComment(keep.id, body);
    for (const extra of own.slice(1)) await port.deleteComment(extra.id);
    return keep.htmlUrl;
  }
  const created = await port.createComment(number, body);
  // Another run may have posted at the same moment: keep the oldest, remove the rest.
  const mine = (await port.comments(number))
    .filter((c) => c.body.includes(COMMENT_MARKER) && isSameAccount(c, identity))
    .sort((a, b) => a.id - b.id);
  const first = mine[0] ?? created;
  for (const extra of mine.slice(1)) await port.deleteComment(extra.id);
  if (first.id !== created.id && first.body !== body) await port.updateComment(first.id, body);
  return first.htmlUrl;
}

/** What a check run says: its conclusion, output and annotations. */
export interface CheckVerdict {
  conclusion: 'success' | 'failure' | 'neutral';
  output: CheckRunOutput;
  annotations: Annotation[];
  /** The pull request whose judgment the output shows, and the base it was judged against. */
  pullRequest?: { number: number; baseSha: string };
}

/** The link a check run on `sha` carries: its report page when there is one, else the run. */
function linkFor(
  options: JudgeOptions,
  sha: string,
  about: CheckVerdict['pullRequest'] | 'state',
): string | null {
  if (!options.detailsUrl) return options.runUrl;
  if (about === undefined) return null; // a verdict no single judgment's page shows
  return about === 'state'
    ? options.detailsUrl({ sha, pr: null, base: null })
    : options.detailsUrl({ sha, pr: about.number, base: about.baseSha });
}

function conclusionOf(record: DecisionRecord): CheckVerdict['conclusion'] {
  if (record.mode === 'advisory') return 'neutral';
  return record.decision === 'pass' ? 'success' : 'failure';
}

/** Links to files at `sha`, sign-offs asked on `headSha`, and the run for the full detail. */
function markdownOptionsFor(options: JudgeOptions, sha: string, headSha: string): MarkdownOptions {
  return {
    blobUrl: `${options.repositoryUrl}/blob/${sha}/`,
    headSha,
    ...(options.runUrl ? { detailsUrl: options.runUrl } : {}),
  };
}

/** The check run that states `record`'s verdict. */
function verdictOf(record: DecisionRecord, markdown: MarkdownOptions): CheckVerdict {
  return {
    conclusion: conclusionOf(record),
    output: renderCheckRun(record, markdown),
    annotations: checkRunAnnotations(record),
  };
}

/**
 * Writes the verdict on `sha` under `name`, unless a run that read GitHub later already wrote a
 * verdict there or is judging (its in-progress mark). Returns whether it wrote.
 */
export async function writeCheck(
  port: GitHubPort,
  sha: string,
  name: string,
  verdict: CheckVerdict,
  readAt: Date,
  runUrl: string | null,
): Promise<boolean> {
  // In progress counts too: a run that read later marked it, and judges now.
  const existing = await port.findCheckRun(sha, name);
  if (existing && isNewer(existing.externalId, readAt)) return false;
  const batchesOf = batches(verdict.annotations);
  const first = {
    status: 'completed' as const,
    conclusion: verdict.conclusion,
    output: verdict.output,
    annotations: batchesOf[0] ?? [],
    externalId: readStamp(readAt),
    ...(runUrl ? { detailsUrl: runUrl } : {}),
  };
  const id = existing?.id ?? (await port.createCheckRun(sha, name, first));
  if (existing) await port.updateCheckRun(id, first);
  for (const batch of batchesOf.slice(1))
    await port.updateCheckRun(id, {
      status: 'completed',
      conclusion: verdict.conclusion,
      output: verdict.output,
      annotations: batch,
    });
  return true;
}

/** Sets an earlier verdict on this commit back to in progress while the run judges. */
async function markInProgress(
  port: GitHubPort,
  sha: string,
  name: string,
  summary: string,
  readAt: Date,
): Promise<void> {
  // With no check yet, GitHub already shows a required check as expected, which blocks the
  // merge; the run creates it once, at the end. A verdict from a run that read later is left.
  // It is stamped, so that no run that read earlier writes over it while this one judges.
  const existing = await port.findCheckRun(sha, name);
  if (existing === null) return;
  if (isNewer(existing.externalId, readAt)) return;
  await port.updateCheckRun(existing.id, {
    status: 'in_progress',
    output: { title: 'Evaluating…', summary, text: '' },
    externalId: readStamp(readAt),
  });
}

type PolicyOptions = Pick<
  CheckOptions,
  'policyPath' | 'now' | 'cardGlobs' | 'fallbackPreset' | 'organization'
>;

function policyOptionsOf(options: JudgeOptions): PolicyOptions {
  return {
    policyPath: options.policyPath,
    now: options.now,
    ...(options.cardGlobs ? { cardGlobs: options.cardGlobs } : {}),
    ...(options.fallbackPreset ? { fallbackPreset: options.fallbackPreset } : {}),
    ...(options.organization ? { organization: options.organization } : {}),
  };
}

function applyMode(options: JudgeOptions, record: DecisionRecord): DecisionRecord {
  return options.mode ? { ...record, mode: options.mode } : record;
}

/** A commit judged as a state of its branch: nothing is written. */
async function judgeStateRecord(
  options: JudgeOptions,
  target: Extract<Target, { kind: 'state' }>,
  notes: string[],
): Promise<{ record: DecisionRecord; state: RepositoryState }> {
  const { port } = options;
  const result = await checkTrees({
    ...policyOptionsOf(options),
    head: createApiTree(port, target.sha, `${target.ref}@${target.sha.slice(0, 7)}`),
    base: null,
    policyRef: target.sha.slice(0, 7),
    context: async (policy) => ({
      author: null,
      writers: NO_WRITERS,
      headSha: target.sha,
      reviews: [],
      confirmations: [],
      teams: await gatherTeams(port, policy, notes),
    }),
  });
  return { record: applyMode(options, { ...result.record, head: target.sha }), state: result.head };
}

/** A whole-branch run: the commit judged as a state, under the audit check's own name. */
async function judgeState(
  options: JudgeOptions,
  target: Extract<Target, { kind: 'state' }>,
  readAt: Date,
): Promise<JudgeResult> {
  const notes: string[] = [];
  const checkName = auditCheckName(options.checkName);
  const { record, state } = await judgeStateRecord(options, target, notes);
  const verdict = verdictOf(record, markdownOptionsFor(options, target.sha, target.sha));
  const link = linkFor(options, target.sha, 'state');
  await writeCheck(options.port, target.sha, checkName, verdict, readAt, link);
  return {
    record,
    checkSha: target.sha,
    checkName,
    conclusion: verdict.conclusion,
    commentUrl: null,
    notes,
    state,
  };
}

/** One pull request judged at `checkSha` against `baseSha`: nothing is written. */
interface PullRequestJudgment {
  pr: PullRequest;
  record: DecisionRecord;
  /** The head's repository state as the judgment read it. */
  state: RepositoryState;
  verdict: CheckVerdict;
  identity: Identity;
  /** The pull request's comments as the judgment read them. */
  comments: IssueComment[];
  /** The comment, as the gate would post it (without the notes). */
  body: string;
}

async function judgePullRequest(
  options: JudgeOptions,
  pr: PullRequest,
  at: { checkSha: string; baseSha: string },
  notes: string[],
): Promise<PullRequestJudgment> {
  const { port } = options;
  const { checkSha, baseSha } = at;
  const { identity, comments, histories, reviews } = await port.conversation(pr.number);
  const sticky = comments
    .filter((c) => c.body.includes(COMMENT_MARKER) && isSameAccount(c, identity))
    .sort((a, b) => a.id - b.id)[0];
  const history = sticky
    ? (histories.get(sticky.nodeId) ?? (await port.commentHistory(sticky.nodeId)))
    : [];
  const { confirmations } = attributeTicks(history, [identity.login]);

  // Only what the change touches is read when that is enough (see gate/change-scope.ts); the
  // base is read from the head wherever the two are the same.
  const forward = await port.compare(baseSha, checkSha);
  const changed = await changedPaths(port, baseSha, checkSha, forward);
  // Who wrote the change: the pull request's own commits, also when a merge queue's commit (which
  // holds other pull requests too) is what is judged.
  const own =
    baseSha === pr.baseSha && checkSha === pr.headSha
      ? forward
      : await port.compare(pr.baseSha, pr.headSha);
  const writers = await readChangeWriters(port, pr.baseSha, pr.headSha, own);
  const reader = createGitReader(port);
  const head = createApiTree(port, checkSha, `#${pr.number}@${checkSha.slice(0, 7)}`, reader);
  const base = createApiTree(port, baseSha, `${pr.baseRef}@${baseSha.slice(0, 7)}`, reader);
  const result = await checkTrees({
    ...policyOptionsOf(options),
    head,
    base: changed ? readUnchangedFrom(base, head, changed) : base,
    changed,
    policyRef: `${pr.baseRef} (${baseSha.slice(0, 7)})`,
    context: async (policy): Promise<ReviewContext> => ({
      author: pr.author,
      writers,
      headSha: pr.headSha,
      reviews,
      confirmations,
      teams: await gatherTeams(port, policy, notes),
    }),
  });
  const record = applyMode(options, { ...result.record, head: checkSha });
  const markdown = markdownOptionsFor(options, checkSha, pr.headSha);
  return {
    pr,
    record,
    state: result.head,
    identity,
    comments,
    body: renderMarkdown(record, markdown),
    verdict: { ...verdictOf(record, markdown), pullRequest: { number: pr.number, baseSha } },
  };
}

/** The most open pull requests the gate lists to find those sharing a head commit. */
export const OPEN_PULL_REQUEST_LIMIT = 3000;

function verdictWord(conclusion: CheckVerdict['conclusion']): string {
  return { success: 'passes', failure: 'blocked', neutral: 'advisory (not enforced)' }[conclusion];
}

export function failureVerdict(title: string, summary: string): CheckVerdict {
  return { conclusion: 'failure', output: { title, summary, text: '' }, annotations: [] };
}

/**
 * The verdict of the required check on commit `sha`: it speaks for every open pull request whose
 * head is `sha` and whose base is protected, and is success only when there is at least one and
 * every one passes. `judged` is the pull request this run judged (its base is protected); the
 * others are judged here too. Null when nothing should be written: `judged` was merged and no
 * other open pull request has this head, so its verdict stands as the record of the merge.
 */
async function verdictForHead(
  options: JudgeOptions,
  sha: string,
  judged: PullRequestJudgment,
  open: PullRequest[] | null,
  now: () => Promise<PullRequest>,
  notes: string[],
  judgedSpeaks: boolean | 'always' = true,
): Promise<CheckVerdict | null> {
  const { port, checkName } = options;
  if (open === null)
    return failureVerdict(
      'Blocked: the gate cannot list every open pull request',
      `This repository has more than ${OPEN_PULL_REQUEST_LIMIT.toLocaleString('en-US')} open pull requests, so the gate cannot tell which of them have this commit as their head; \`${checkName}\` speaks for all of them, so it fails closed.`,
    );
  // A merge queue's commit is judged for the queue whatever pull requests have it as their head.
  const covered: PullRequestJudgment[] = judgedSpeaks === 'always' ? [judged] : [];
  for (const pr of open) {
    if (pr.number === judged.pr.number && pr.baseRef === judged.pr.baseRef) {
      if (judgedSpeaks === true) covered.push(judged);
      continue;
    }
    const protection = await readBaseProtection(port, pr.baseRef, checkName, pr.defaultBranch);
    if (!protection.protected) continue;
    covered.push(await judgePullRequest(options, pr, { checkSha: sha, baseSha: pr.baseSha }, []));
  }
  if (covered.length === 0) {
    const current = await now();
    if (current.merged) return null;
    return failureVerdict(
      'Blocked: no open pull request into a protected base has this commit as its head',
      `\`${checkName}\` on a commit is success only while an open pull request with this head targets a branch that requires it, and every such pull request passes. Pull request #${judged.pr.number} is ${current.state === 'closed' ? 'closed' : `now at ${current.headSha.slice(0, 7)} into \`${current.baseRef}\``}.`,
    );
  }
  const failing = covered.find((c) => c.verdict.conclusion === 'failure');
  const shown =
    covered.includes(judged) && !(failing && failing !== judged)
      ? judged
      : (failing ?? covered[0]!);
  const conclusion = failing
    ? 'failure'
    : covered.some((c) => c.verdict.conclusion === 'neutral')
      ? 'neutral'
      : 'success';
  const list = covered
    .map((c) => `- #${c.pr.number} into \`${c.pr.baseRef}\`: ${verdictWord(c.verdict.conclusion)}`)
    .join('\n');
  // With one pull request the summary is that pull request's; with more, it lists them first.
  const preface =
    covered.length > 1
      ? `**\`${checkName}\` on this commit speaks for every open pull request with this head into a protected base:**\n\n${list}\n\n`
      : '';
  if (covered.length > 1 && failing && failing !== judged)
    notes.push(
      `The \`${checkName}\` check on ${sha.slice(0, 7)} also speaks for pull request #${failing.pr.number} into \`${failing.pr.baseRef}\`, which has the same head commit and is blocked, so the check is failed.`,
    );
  const output = renderCheckRun(
    shown.record,
    markdownOptionsFor(options, sha, shown.pr.headSha),
    preface,
  );
  return {
    conclusion,
    output:
      shown === judged || !failing
        ? output
        : {
            ...output,
            title: `Blocked by pull request #${failing.pr.number} into ${failing.pr.baseRef}`,
          },
    annotations: shown.verdict.annotations,
    ...(shown.verdict.pullRequest ? { pullRequest: shown.verdict.pullRequest } : {}),
  };
}

/**
 * A pull request into an unprotected base (retargeted there, say) leaves the required check on its
 * head: that check, if there is one, is judged again without it, so a success it earned for a
 * protected base does not outlive its leaving (as on closing). Nothing is written when the head
 * carries no required check.
 */
async function refreshRequiredCheck(
  options: JudgeOptions,
  sha: string,
  judged: PullRequestJudgment,
  now: () => Promise<PullRequest>,
  readAt: Date,
): Promise<void> {
  const { port, checkName } = options;
  if ((await port.findCheckRun(sha, checkName)) === null) return;
  const open = await port.openPullRequestsWithHead(sha, OPEN_PULL_REQUEST_LIMIT);
  const verdict = await verdictForHead(options, sha, judged, open, now, [], false);
  if (verdict)
    await writeCheck(
      port,
      sha,
      checkName,
      verdict,
      readAt,
      linkFor(options, sha, verdict.pullRequest),
    );
}

/** Which check this pull request's judgment is written under, and why. */
async function chooseCheck(
  options: JudgeOptions,
  pr: PullRequest,
  inQueue: boolean,
): Promise<{ checkName: string; protection: BaseProtection }> {
  // A merge queue asks for the required check on its own commit, for a base that requires it.
  const protection = inQueue
    ? { protected: true, why: 'the merge queue asks for it' }
    : await readBaseProtection(options.port, pr.baseRef, options.checkName, pr.defaultBranch);
  const checkName = protection.protected
    ? options.checkName
    : checkNameInto(options.checkName, pr.baseRef);
  return { checkName, protection };
}

/**
 * The verdict to write on `checkSha`, and the pull request as it is now. A merged pull request's
 * check stands (null); a protected base's check speaks for every open pull request with the head;
 * a pull request into another base re-judges the required check it leaves behind.
 */
async function verdictToWrite(
  options: JudgeOptions,
  judged: PullRequestJudgment,
  at: { checkSha: string; inQueue: boolean; protection: BaseProtection; readAt: Date },
  notes: string[],
): Promise<{ verdict: CheckVerdict | null; latest: PullRequest }> {
  const { port } = options;
  const pr = judged.pr;
  let current: PullRequest | null = at.inQueue ? pr : null;
  const now = async () => (current ??= await port.pullRequest(pr.number));
  let verdict: CheckVerdict | null = judged.verdict;
  if (pr.merged) verdict = null;
  else if (at.inQueue) {
    // Anyone who can push a branch can make the queue's commit the head of a pull request of
    // theirs into another protected base: the check on the commit speaks for those too.
    const open = await port.openPullRequestsWithHead(at.checkSha, OPEN_PULL_REQUEST_LIMIT);
    verdict = await verdictForHead(options, at.checkSha, judged, open, now, notes, 'always');
  } else if (at.protection.protected) {
    const open = await port.openPullRequestsWithHead(at.checkSha, OPEN_PULL_REQUEST_LIMIT);
    current = open?.find((p) => p.number === pr.number) ?? null;
    verdict = await verdictForHead(options, at.checkSha, judged, open, now, notes);
  } else if (!at.inQueue) await refreshRequiredCheck(options, at.checkSha, judged, now, at.readAt);
  return { verdict, latest: await now() };
}

/** The run's pull request: judged, then the check and the sticky comment written in order. */
async function judgePullRequestEvent(
  options: JudgeOptions,
  target: Extract<Target, { kind: 'pull_request' }>,
  readAt: Date,
): Promise<JudgeResult> {
  const { port } = options;
  const notes: string[] = [];
  const pr = await port.pullRequest(target.number);
  const inQueue = target.checkSha !== undefined;
  const checkSha = target.checkSha ?? pr.headSha;
  const { checkName, protection } = await chooseCheck(options, pr, inQueue);
  // A merged pull request's check is the record of what merged: its runs only comment.
  if (!pr.merged)
    await markInProgress(
      port,
      checkSha,
      checkName,
      `rsp-gate is judging pull request #${pr.number} (${target.reason}).`,
      readAt,
    );
  if (pr.state === 'closed')
    notes.push(`Pull request #${pr.number} is closed; the result is recorded for the audit trail.`);
  if (!protection.protected)
    notes.push(
      `This pull request’s base is not protected (${protection.why}), so its verdict is the \`${checkName}\` check, which no rule requires; the \`${options.checkName}\` check on the head commit speaks only for pull requests into protected branches.`,
    );

  const judged = await judgePullRequest(
    options,
    pr,
    { checkSha, baseSha: target.baseSha ?? pr.baseSha },
    notes,
  );
  // Writes are ordered. The pull request's state is read again (from the list of open pull
  // requests with this head when the base is protected), and a run that read it before it moved
  // to a new head or base leaves the comment to the run for the new state; the check is not
  // written over a verdict from a run that read GitHub later, and goes before the comment.
  const { verdict, latest } = await verdictToWrite(
    options,
    judged,
    { checkSha, inQueue, protection, readAt },
    notes,
  );
  const moved = latest.headSha !== pr.headSha || latest.baseRef !== pr.baseRef;
  const wroteCheck =
    verdict === null ||
    (await writeCheck(
      port,
      checkSha,
      checkName,
      verdict,
      readAt,
      linkFor(options, checkSha, verdict.pullRequest),
    ));
  let commentUrl: string | null = null;
  if (!wroteCheck)
    options.log('A run that read the pull request later has already written a newer verdict.');
  else if (moved)
    options.log(
      `Pull request #${pr.number} moved on while it was judged; the run for its new state writes the comment.`,
    );
  else {
    const body =
      judged.body +
      (notes.length ? `\n> [!NOTE]\n${notes.map((n) => `> ${n}`).join('\n>\n')}\n` : '');
    commentUrl = await publishComment(port, pr.number, judged.identity, body, judged.comments);
  }
  return {
    record: judged.record,
    checkSha,
    checkName,
    conclusion: verdict?.conclusion ?? judged.verdict.conclusion,
    commentUrl,
    notes,
  };
}

/**
 * A run that could not finish fails the check closed: a new failed run, never an update, since
 * finding the gate's own run needs reads that may be what failed (the token's identity), and the
 * newest run of a name is the one GitHub shows and requires. Stamped now, so no run that read
 * GitHub before this failure writes over it. Both front doors (the Action and the App) call it.
 */
export async function writeFailedCheck(
  port: GitHubPort,
  sha: string,
  name: string,
  summary: string,
): Promise<void> {
  await port.createCheckRun(sha, name, {
    status: 'completed',
    conclusion: 'failure',
    output: { title: 'rsp-gate could not finish: failing closed', summary, text: '' },
    externalId: readStamp(new Date()),
  });
}

/**
 * What a run of `options.target` decides, read as the run reads it (the same trees, policy, reviews,
 * ticks and teams) and written nowhere: the App's report page shows it. A pull request is judged
 * at `checkSha` (else its head) against `baseSha` (else its base).
 */
export async function judgeWithoutWriting(
  options: JudgeOptions,
): Promise<{ record: DecisionRecord; state: RepositoryState }> {
  const { target } = options;
  if (target.kind === 'state') return judgeStateRecord(options, target, []);
  const pr = await options.port.pullRequest(target.number);
  const at = { checkSha: target.checkSha ?? pr.headSha, baseSha: target.baseSha ?? pr.baseSha };
  const { record, state } = await judgePullRequest(options, pr, at, []);
  return { record, state };
}

export async function judgeOnGitHub(options: JudgeOptions): Promise<JudgeResult> {
  const readAt = (options.clock ?? (() => new Date()))();
  return options.target.kind === 'state'
    ? judgeState(options, options.target, readAt)
    : judgePullRequestEvent(options, options.target, readAt);
}
