/**
 * The Action's edge: read inputs and the event, call the gate, write outputs, the job summary and
 * annotations. The one place that fails the step. Any unexpected error fails the check closed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import type { DecisionRecord } from '../core/decision.js';
import type { RepositoryState } from '../core/inputs.js';
import { isInputError } from '../core/errors.js';
import { createOctokitPort } from '../github/octokit-port.js';
import { GitHubError, type GitHubPort } from '../github/port.js';
import { checkRunTitle } from '../render/render-check-run.js';
import { COMMENT_MARKER, renderMarkdown } from '../render/render-markdown.js';
import { escapeText } from '../render/markdown-text.js';
import { resolveTarget, type EventPayload, type Target } from '../gate/event.js';
import { InputsError, readInputs, type ActionInputs } from './inputs.js';
import { judgeOnGitHub, writeFailedCheck } from '../gate/judge-on-github.js';
import { auditCheckName } from '../gate/protected-bases.js';
import type { CommitInfo } from '../report/report-data.js';

/** The highest level of a kind across models, in the policy's order. */
function highest(record: DecisionRecord, kind: 'deployment' | 'security'): string {
  const rank = (level: string) => record.policy.levels.indexOf(level);
  return record.models.map((m) => m.levels[kind]).reduce((a, b) => (rank(b) > rank(a) ? b : a), '');
}

function missingItems(record: DecisionRecord): string[] {
  return record.models.flatMap((m) => [
    ...m.safeguards.filter((s) => s.status !== 'satisfied').map((s) => `${m.id}:${s.id}`),
    ...m.signoffs
      .filter((s) => s.status === 'missing')
      .map((s) => `${m.id}:signoff:${s.level}:${s.role}`),
    ...m.triggers
      .filter((t) => t.status === 'missing')
      .map((t) => `${m.id}:report:${t.requires_attestation}`),
  ]);
}

function writeOutputs(record: DecisionRecord): string {
  const path = join(process.env.RUNNER_TEMP ?? process.cwd(), 'rsp-gate-record.json');
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
  core.setOutput('decision', record.decision);
  core.setOutput('deployment-asl', highest(record, 'deployment'));
  core.setOutput('security-asl', highest(record, 'security'));
  core.setOutput('missing', missingItems(record).join(','));
  core.setOutput('record', path);
  return path;
}

function annotate(record: DecisionRecord): void {
  for (const r of record.reasons
    .filter(
      (r) =>
        r.severity === 'block' && !r.code.startsWith('safeguard-') && r.code !== 'signoff-missing',
    )
    .slice(0, 50)) {
    core.error(r.message, {
      title: `rsp-gate: ${r.code}`,
      ...(r.file ? { file: r.file } : {}),
      ...(r.line ? { startLine: r.line } : {}),
    });
  }
}

/** Mark the check failed with what to do, when we can tell which commit it belongs on. */
async function failCheck(
  port: GitHubPort | null,
  inputs: ActionInputs | null,
  target: Target | null,
  message: string,
): Promise<void> {
  if (!port || !inputs || !target || target.kind === 'noop') return;
  // A whole-branch run fails its own audit check; a pull request's run fails the required check
  // (whatever its base: failing closed is never more permissive).
  const name = target.kind === 'state' ? auditCheckName(inputs.checkName) : inputs.checkName;
  // The commit the run judges: the state's, the merge queue's, or the pull request's head (from
  // the payload when it carries one, else read).
  const payload = github.context.payload as { pull_request?: { head?: { sha?: string } } };
  const sha =
    target.kind === 'state'
      ? target.sha
      : (target.checkSha ??
        payload.pull_request?.head?.sha ??
        (await port.pullRequest(target.number)).headSha);
  await writeFailedCheck(
    port,
    sha,
    name,
    `${message}\n\nThe gate fails closed: this check stays failed until a run completes. Fix the cause above, then re-run the workflow or comment \`/rsp-gate recheck\` on the pull request.`,
  );
}

/**
 * The clock. `RSP_GATE_NOW` (an ISO date) evaluates as of that moment instead: for reproducing a
 * past decision in an audit, and for tests whose evidence carries fixed dates.
 */
function evaluationTime(): Date {
  const fixed = process.env.RSP_GATE_NOW;
  if (!fixed) return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime()))
    throw new InputsError(`RSP_GATE_NOW is not a date: \`${fixed}\``);
  return date;
}

/**
 * Network tuning from the environment: `RSP_GATE_HTTP_TIMEOUT_MS` (one request, default 30 s) and
 * `RSP_GATE_RETRY_BASE_MS` (back-off base: retries wait 1, 4 and 9 times it; default 1 s).
 */
function positiveEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Events whose run gets a read-only token on a fork's pull request, with no `_target` twin. */
const REVIEW_EVENTS = new Set([
  'pull_request_review',
  'pull_request_review_comment',
  'pull_request_review_thread',
]);

/** What went wrong and what to do about it, in one paragraph. */
export function describeFailure(error: unknown, eventName = ''): string {
  if (isInputError(error)) return error.describe();
  if (error instanceof InputsError) return `${error.message}.`;
  if (error instanceof GitHubError) {
    if (error.status === 401)
      return `${error.message}. The token was refused: check the \`token\` input.`;
    if (error.status === 403 && REVIEW_EVENTS.has(eventName)) {
      return `${error.message}. The token may not do this. A review on a pull request from a fork runs with a read-only token, whatever the workflow grants, so this run cannot update the check or the comment, which keep their last verdict. The merge queue's run judges its merge commit with the reviews as they are, and so does the run of any comment on the pull request (\`/rsp-gate recheck\`).`;
    }
    if (error.status === 403) {
      return `${error.message}. The token may not do this. A pull request from a fork gets a read-only token under \`pull_request\`: trigger rsp-gate with \`pull_request_target\` as in the README, and grant \`contents: read, pull-requests: write, checks: write, issues: write\`.`;
    }
    if (error.status === 404)
      return `${error.message}. The pull request, commit or repository is gone or not visible to this token.`;
    return `${error.message}. GitHub kept failing after retries; re-run the workflow.`;
  }
  return `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}. This is a bug in rsp-gate; the check fails closed until a run completes.`;
}

/** The workflow run's page, or null outside a run. */
function runUrlOf(runId: number): string | null {
  const { serverUrl, repo } = github.context;
  return runId ? `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runId}` : null;
}

/** The push's head commit as the event describes it, when it is the judged commit. */
function eventCommit(payload: EventPayload, sha: string): CommitInfo | null {
  const head = (
    payload as {
      head_commit?: {
        id?: string;
        timestamp?: string;
        message?: string;
        author?: { name?: string };
      } | null;
    }
  ).head_commit;
  if (!head || head.id !== sha || !head.timestamp) return null;
  return {
    sha,
    date: new Date(head.timestamp).toISOString().replace('.000Z', 'Z'),
    subject: (head.message ?? '').split('\n')[0]!,
    author: head.author?.name ?? '',
  };
}

/**
 * The report of a push, scheduled or manual run: written, uploaded and linked from the job
 * summary. Whatever happens here leaves the judgment's check, outputs and exit code as they are.
 */
async function reportOnState(run: {
  inputs: ActionInputs;
  target: Extract<Target, { kind: 'state' }>;
  record: DecisionRecord;
  state: RepositoryState;
  payload: EventPayload;
  runUrl: string | null;
  now: Date;
}): Promise<void> {
  const { inputs, target } = run;
  try {
    // Loaded only here: a pull request's run never parses the report's charts or artifact client.
    const { publishReport } = await import('./report.js');
    const report = await publishReport({
      inputs: inputs.report!,
      target,
      record: run.record,
      state: run.state,
      policyPath: inputs.policyPath,
      fallbackPreset: inputs.preset,
      cardGlobs: inputs.cardGlobs,
      now: run.now,
      repository: `${github.context.repo.owner}/${github.context.repo.repo}`,
      runUrl: run.runUrl,
      workspace: process.env.GITHUB_WORKSPACE || null,
      outDir: process.env.RUNNER_TEMP ?? process.cwd(),
      eventCommit: eventCommit(run.payload, target.sha),
      log: (m) => core.info(m),
    });
    core.setOutput('report', report.path);
    if (report.url) core.setOutput('report-url', report.url);
    core.summary.addRaw(report.summary);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    core.warning(`rsp-gate could not write the report: ${why}`);
    core.summary.addRaw(
      `## rsp-gate report\n\nThe report could not be written: ${escapeText(why)}\n\n`,
    );
  }
}

export async function run(): Promise<void> {
  let inputs: ActionInputs | null = null;
  let port: GitHubPort | null = null;
  let target: Target | null = null;
  try {
    inputs = readInputs();
    const { eventName, payload, sha, ref, repo, serverUrl, runId } = github.context;
    target = resolveTarget(eventName, payload as EventPayload, { sha, ref }, COMMENT_MARKER);
    if (target.kind === 'noop') {
      core.info(`rsp-gate: nothing to judge: ${target.message}`);
      core.setOutput('decision', 'skipped');
      return;
    }
    port = createOctokitPort({
      token: inputs.token,
      owner: repo.owner,
      repo: repo.repo,
      apiUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
      graphqlUrl: process.env.GITHUB_GRAPHQL_URL ?? 'https://api.github.com/graphql',
      log: (m) => core.info(m),
      requestTimeoutMs: positiveEnv('RSP_GATE_HTTP_TIMEOUT_MS', 30_000),
      retryBaseMs: positiveEnv('RSP_GATE_RETRY_BASE_MS', 1000),
    });
    const now = evaluationTime();
    const result = await judgeOnGitHub({
      port,
      target,
      policyPath: inputs.policyPath,
      checkName: inputs.checkName,
      mode: inputs.mode,
      cardGlobs: inputs.cardGlobs,
      fallbackPreset: inputs.preset,
      now,
      repositoryUrl: `${serverUrl}/${repo.owner}/${repo.repo}`,
      runUrl: runUrlOf(runId),
      log: (m) => core.info(m),
    });
    const { record } = result;
    writeOutputs(record);
    annotate(record);
    if (target.kind === 'state' && inputs.report && result.state)
      await reportOnState({
        inputs,
        target,
        record,
        state: result.state,
        payload: payload as EventPayload,
        runUrl: runUrlOf(runId),
        now,
      });
    await core.summary
      .addRaw(
        renderMarkdown(record, {
          blobUrl: `${serverUrl}/${repo.owner}/${repo.repo}/blob/${result.checkSha}/`,
        }),
      )
      .write();
    for (const note of result.notes) core.warning(note);
    core.info(
      `rsp-gate: ${record.decision} (${record.mode}); check run \`${result.checkName}\` ${result.conclusion} on ${result.checkSha}${result.commentUrl ? `; comment ${result.commentUrl}` : ''}`,
    );
    if (result.conclusion === 'failure') {
      core.setFailed(
        `rsp-gate blocks this change. ${checkRunTitle(record)}. Details: the rsp-gate check run and comment.`,
      );
    }
  } catch (error) {
    const message = describeFailure(error, github.context.eventName);
    try {
      await failCheck(port, inputs, target, message);
    } catch (secondary) {
      core.warning(
        `could not mark the check run failed: ${secondary instanceof Error ? secondary.message : String(secondary)}`,
      );
    }
    core.setOutput('decision', 'error');
    if (inputs?.failOnError === false) core.warning(`rsp-gate could not finish: ${message}`);
    else core.setFailed(`rsp-gate could not finish: ${message}`);
  }
}
