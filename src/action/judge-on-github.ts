/**
 * One run of the gate on GitHub, through the port: resolve the pull request, read both trees
 * through the API, gather reviews, team membership and checklist ticks, evaluate, then publish
 * the sticky comment and the check run on the head commit. No @actions/* here: `run.ts` is the edge.
 */
import type { DecisionRecord } from '../core/decision.js';
import { NO_WRITERS, type ReviewContext } from '../core/inputs.js';
import { checkTrees } from '../gate/check-trees.js';
import { createApiTree, createGitReader } from '../github/api-tree.js';
import { changedPaths } from '../github/changed-paths.js';
import { readChangeWriters } from '../github/change-writers.js';
import { attributeTicks } from '../github/checklist.js';
import type { GitHubPort, Identity, IssueComment } from '../github/port.js';
import type { Policy } from '../policy/types.js';
import { readUnchangedFrom } from '../repository/read-unchanged-from.js';
import { batches, checkRunAnnotations, renderCheckRun } from '../render/render-check-run.js';
import { COMMENT_MARKER, renderMarkdown } from '../render/render-markdown.js';
import type { Target } from './event.js';

export interface JudgeOptions {
  port: GitHubPort;
  target: Exclude<Target, { kind: 'noop' }>;
  policyPath: string;
  checkName: string;
  /** Forces a mode; null keeps the policy's. */
  mode: 'enforce' | 'advisory' | null;
  cardGlobs: string[] | null;
  fallbackPreset: string | null;
  now: Date;
  /** `https://github.com/o/r`, for links to files. */
  repositoryUrl: string;
  /** The workflow run, linked from the check run. */
  runUrl: string | null;
  log: (message: string) => void;
}

export interface JudgeResult {
  record: DecisionRecord;
  checkSha: string;
  conclusion: 'success' | 'failure' | 'neutral';
  commentUrl: string | null;
  notes: string[];
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

export async function publishCheckRun(
  port: GitHubPort,
  sha: string,
  name: string,
  record: DecisionRecord,
  conclusion: JudgeResult['conclusion'],
  options: { blobUrl: string; headSha: string; runUrl: string | null },
  existing: number | null,
): Promise<void> {
  const output = renderCheckRun(record, {
    blobUrl: options.blobUrl,
    headSha: options.headSha,
    ...(options.runUrl ? { detailsUrl: options.runUrl } : {}),
  });
  const annotations = batches(checkRunAnnotations(record));
  const first = {
    status: 'completed' as const,
    conclusion,
    output,
    annotations: annotations[0] ?? [],
    ...(options.runUrl ? { detailsUrl: options.runUrl } : {}),
  };
  const id = existing ?? (await port.createCheckRun(sha, name, first));
  if (existing !== null) await port.updateCheckRun(id, first);
  for (const batch of annotations.slice(1))
    await port.updateCheckRun(id, { status: 'completed', conclusion, output, annotations: batch });
}

function conclusionOf(record: DecisionRecord): JudgeResult['conclusion'] {
  if (record.mode === 'advisory') return 'neutral';
  return record.decision === 'pass' ? 'success' : 'failure';
}

export async function judgeOnGitHub(options: JudgeOptions): Promise<JudgeResult> {
  const { port, target } = options;
  const notes: string[] = [];
  const policyOptions = {
    policyPath: options.policyPath,
    now: options.now,
    ...(options.cardGlobs ? { cardGlobs: options.cardGlobs } : {}),
    ...(options.fallbackPreset ? { fallbackPreset: options.fallbackPreset } : {}),
  };
  const applyMode = (record: DecisionRecord): DecisionRecord =>
    options.mode ? { ...record, mode: options.mode } : record;

  if (target.kind === 'state') {
    const existing = await port.findCheckRun(target.sha, options.checkName);
    const result = await checkTrees({
      ...policyOptions,
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
    const record = applyMode({ ...result.record, head: target.sha });
    const conclusion = conclusionOf(record);
    await publishCheckRun(
      port,
      target.sha,
      options.checkName,
      record,
      conclusion,
      {
        blobUrl: `${options.repositoryUrl}/blob/${target.sha}/`,
        headSha: target.sha,
        runUrl: options.runUrl,
      },
      existing,
    );
    return { record, checkSha: target.sha, conclusion, commentUrl: null, notes };
  }

  const pr = await port.pullRequest(target.number);
  const checkSha = target.checkSha ?? pr.headSha;
  const baseSha = target.baseSha ?? pr.baseSha;
  // An earlier verdict on this commit is set back to in progress while we judge, so a stale green
  // check cannot be merged on (a dismissed review, an untick). With no check yet, GitHub already
  // shows the required check as expected, which blocks the merge; we create it once, at the end.
  const checkRunId = await port.findCheckRun(checkSha, options.checkName);
  if (checkRunId !== null) {
    await port.updateCheckRun(checkRunId, {
      status: 'in_progress',
      output: {
        title: 'Evaluating…',
        summary: `rsp-gate is judging pull request #${pr.number} (${target.reason}).`,
        text: '',
      },
    });
  }

  const { identity, comments, histories, reviews } = await port.conversation(pr.number);
  const sticky = comments
    .filter((c) => c.body.includes(COMMENT_MARKER) && isSameAccount(c, identity))
    .sort((a, b) => a.id - b.id)[0];
  const history = sticky
    ? (histories.get(sticky.nodeId) ?? (await port.commentHistory(sticky.nodeId)))
    : [];
  const { confirmations } = attributeTicks(history, [identity.login]);
  if (pr.state === 'closed')
    notes.push(`Pull request #${pr.number} is closed; the result is recorded for the audit trail.`);

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
    ...policyOptions,
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
  const record = applyMode({ ...result.record, head: checkSha });
  const conclusion = conclusionOf(record);
  const blobUrl = `${options.repositoryUrl}/blob/${checkSha}/`;
  const markdownOptions = {
    blobUrl,
    headSha: pr.headSha,
    ...(options.runUrl ? { detailsUrl: options.runUrl } : {}),
  };
  const body =
    renderMarkdown(record, markdownOptions) +
    (notes.length ? `\n> [!NOTE]\n${notes.map((n) => `> ${n}`).join('\n>\n')}\n` : '');
  const commentUrl = await publishComment(port, pr.number, identity, body, comments);
  await publishCheckRun(
    port,
    checkSha,
    options.checkName,
    record,
    conclusion,
    { blobUrl, headSha: pr.headSha, runUrl: options.runUrl },
    checkRunId,
  );
  return { record, checkSha, conclusion, commentUrl, notes };
}
