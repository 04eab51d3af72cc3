/**
 * The Action's report on push, scheduled and manual runs: the page of where every model stands,
 * drawn from the run's own judgment of the commit (its record and the repository state it read,
 * so the page's verdict is the check's and nothing is read twice), with the branch's history
 * when the job checked the branch out. Written under RUNNER_TEMP, uploaded as a workflow
 * artifact, and linked from the job summary under a compact overview table. Nothing here changes
 * the judgment: a report that cannot be built or uploaded is a warning and a line in the summary,
 * never a failed step or check.
 */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import type { DecisionRecord } from '../core/decision.js';
import type { RepositoryState } from '../core/inputs.js';
import type { Target } from '../gate/event.js';
import { code, escapeText } from '../render/markdown-text.js';
import { headCommit, judgeHistory } from '../report/git-history.js';
import { runGit } from '../report/git-tree.js';
import { renderReportPage } from '../report/render-page.js';
import {
  buildReportData,
  type CommitInfo,
  type CommitSummary,
  type OverviewRow,
  type ReportData,
} from '../report/report-data.js';
import type { ReportInputs } from './inputs.js';

/** Rows of the overview the job summary shows; the rest are in the report. */
export const SUMMARY_ROWS = 50;

export interface ActionReportOptions {
  inputs: ReportInputs;
  target: Extract<Target, { kind: 'state' }>;
  /** The run's judgment of the commit, and the repository state it read. */
  record: DecisionRecord;
  state: RepositoryState;
  policyPath: string;
  fallbackPreset: string | null;
  /** The `cards` input: the history is judged with the cards the commit was judged with. */
  cardGlobs: string[] | null;
  now: Date;
  /** `owner/repo`. */
  repository: string;
  /** `https://github.com/owner/repo/actions/runs/ID`, or null outside a workflow run. */
  runUrl: string | null;
  /** GITHUB_WORKSPACE: a checkout of the branch, or an empty directory. */
  workspace: string | null;
  /** RUNNER_TEMP: where the page is written. */
  outDir: string;
  /** The push's head commit from the event, when it carried one. */
  eventCommit: CommitInfo | null;
  log: (message: string) => void;
}

export interface ActionReport {
  /** The page's path on the runner. */
  path: string;
  /** The artifact's page, or null when it was not uploaded. */
  url: string | null;
  /** The job summary's section: overview table, link or why there is none, history note. */
  summary: string;
}

/** A checkout of the judged commit, where history can be read. */
interface Checkout {
  top: string;
  head: CommitInfo;
  shallow: boolean;
}

/** Why there is no checkout to read history from, or the checkout. */
async function findCheckout(
  workspace: string | null,
  sha: string,
): Promise<Checkout | { missing: string }> {
  const enable =
    'check the branch out first with `actions/checkout` and `fetch-depth: 0` (see the README, "Report on push")';
  if (!workspace) return { missing: `GITHUB_WORKSPACE is not set; ${enable}` };
  const head = await headCommit(workspace);
  if (!head) return { missing: `the job did not check the repository out; ${enable}` };
  if (head.sha !== sha)
    return {
      missing: `the checkout is at ${head.sha.slice(0, 7)}, not the judged commit ${sha.slice(0, 7)}; ${enable}`,
    };
  const top = (await runGit(workspace, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
  const shallow =
    (await runGit(top, ['rev-parse', '--is-shallow-repository'])).toString('utf8').trim() ===
    'true';
  return { top, head, shallow };
}

function branchOf(ref: string): string {
  return ref.replace(/^refs\/(heads|tags)\//, '');
}

/** The history the report shows, with words for its scope and a note for the summary. */
async function readHistory(
  options: ActionReportOptions,
  checkout: Checkout | { missing: string },
): Promise<{ history: CommitSummary[]; scope: string | null; note: string | null }> {
  const limit = options.inputs.history;
  if (limit === 0) return { history: [], scope: null, note: null };
  if ('missing' in checkout)
    return { history: [], scope: null, note: `No history in this report: ${checkout.missing}.` };
  let history: CommitSummary[];
  try {
    history = await judgeHistory({
      root: checkout.top,
      policyPath: options.policyPath,
      limit,
      ...(options.fallbackPreset ? { fallbackPreset: options.fallbackPreset } : {}),
      ...(options.cardGlobs ? { cardGlobs: options.cardGlobs } : {}),
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { history: [], scope: null, note: `No history in this report: ${why}.` };
  }
  const branch = branchOf(options.target.ref);
  const commits = `${history.length} first-parent commit${history.length === 1 ? '' : 's'}`;
  const scope = `the last ${commits} of ${branch}`;
  const note =
    checkout.shallow && history.length < limit
      ? `History holds only what the checkout fetched (${commits}): give \`actions/checkout\` \`fetch-depth: 0\` for up to ${limit}.`
      : null;
  return { history, scope, note };
}

/** The page's data and HTML, with the history the checkout gives. */
async function build(
  options: ActionReportOptions,
): Promise<{ data: ReportData; html: string; notes: string[] }> {
  const checkout = await findCheckout(options.workspace, options.target.sha);
  const { history, scope, note } = await readHistory(options, checkout);
  const data = buildReportData({
    now: options.now,
    repository: options.repository,
    current: {
      record: options.record,
      state: options.state,
      commit: 'missing' in checkout ? options.eventCommit : checkout.head,
    },
    history,
    historyScope: scope,
    redact: options.inputs.redact,
  });
  return { data, html: await renderReportPage(data), notes: note ? [note] : [] };
}

/** Uploads the page as the run's artifact; its id, or why it could not be uploaded. */
async function upload(path: string, dir: string): Promise<{ id: number } | { failed: string }> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN)
    return {
      failed:
        'this is not a GitHub Actions job (ACTIONS_RUNTIME_TOKEN is not set), so there is nowhere to upload it',
    };
  try {
    // Unzipped: one HTML file, named by its file name, that a reader opens as it is.
    const { id } = await new DefaultArtifactClient().uploadArtifact(basename(path), [path], dir, {
      skipArchive: true,
    });
    if (id === undefined) return { failed: 'the artifact service gave no artifact id' };
    return { id };
  } catch (error) {
    return { failed: withoutQueries(error instanceof Error ? error.message : String(error)) };
  }
}

/** A message without the query of any URL in it: a signed upload URL's query is its credential. */
export function withoutQueries(message: string): string {
  return message.replace(/(https?:\/\/[^\s?#]+)[?#]\S*/g, '$1?…');
}

/** Blocking models first (what needs doing), then by id. */
function summaryOrder(rows: OverviewRow[]): OverviewRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.verdict === 'block') - Number(a.verdict === 'block') ||
      (a.model < b.model ? -1 : a.model > b.model ? 1 : 0),
  );
}

/** The compact overview: one row per model, at most SUMMARY_ROWS of them. */
export function overviewTable(rows: OverviewRow[]): string {
  const shown = summaryOrder(rows).slice(0, SUMMARY_ROWS);
  const lines = [
    '| model | deployment | security | verdict | open items | next expiry |',
    '|---|---|---|---|---:|---|',
    ...shown.map(
      (r) =>
        `| ${code(r.model, true)} | ${escapeText(r.deployment)} | ${escapeText(r.security)} | ${r.verdict === 'block' ? '**block**' : 'pass'} | ${r.openItems} | ${r.nextExpiry ?? '—'} |`,
    ),
  ];
  const more = rows.length - shown.length;
  if (more > 0)
    lines.push(
      '',
      `… and ${more.toLocaleString('en-US')} more in the report (blocking models are listed first).`,
    );
  return lines.join('\n');
}

function summaryOf(data: ReportData, link: string, notes: string[]): string {
  const blocking = data.overview.filter((r) => r.verdict === 'block').length;
  return [
    '## rsp-gate report',
    '',
    `${data.overview.length} models, ${blocking} blocking.`,
    '',
    overviewTable(data.overview),
    '',
    link,
    ...notes.flatMap((n) => ['', n]),
    '',
    '',
  ].join('\n');
}

/**
 * Builds, writes and uploads the report. Throws only when the page cannot be built or written;
 * the caller turns that into a warning.
 */
export async function publishReport(options: ActionReportOptions): Promise<ActionReport> {
  const { data, html, notes } = await build(options);
  const path = join(options.outDir, `${options.inputs.name}.html`);
  writeFileSync(path, html);
  options.log(`rsp-gate: report written to ${path}`);
  const uploaded = await upload(path, options.outDir);
  let url: string | null = null;
  let link: string;
  if ('id' in uploaded && options.runUrl) {
    url = `${options.runUrl}/artifacts/${uploaded.id}`;
    link = `**[Open the report](${url})** (artifact \`${options.inputs.name}.html\`, one HTML page, not a zip).`;
  } else if ('id' in uploaded) {
    link = `The report was uploaded as artifact \`${options.inputs.name}.html\` (id ${uploaded.id}).`;
  } else {
    link = `The report could not be uploaded: ${escapeText(uploaded.failed)}. It was written on the runner to ${code(path)} (the \`report\` output).`;
  }
  return { path, url, summary: summaryOf(data, link, notes) };
}
