/**
 * The report's front door, shared by the CLI, the Action and the App: judge the current state as
 * `rsp-gate check` does, gather what the page shows, and render the page. History is judged by
 * the caller (`judgeHistory`, from local git), since only the CLI and the Action have a clone.
 */
import type { DecisionRecord } from '../core/decision.js';
import { STATE_CONTEXT, type ReviewContext } from '../core/inputs.js';
import { checkTrees, hasInvalidInput } from '../gate/check-trees.js';
import type { OrganizationPolicy, Policy } from '../policy/types.js';
import type { RepositoryTree } from '../repository/tree.js';
import { renderReportPage } from './render-page.js';
import {
  buildReportData,
  type CommitInfo,
  type CommitSummary,
  type ReportData,
} from './report-data.js';

export interface ReportOptions {
  /** The current state. */
  tree: RepositoryTree;
  policyPath: string;
  now: Date;
  /** Shown in the title: the root's label or `owner/repo`. */
  repository: string;
  /** The current commit, when known. */
  commit: CommitInfo | null;
  /** Oldest first, from `judgeHistory`; empty without history. */
  history: CommitSummary[];
  historyScope: string | null;
  redact: boolean;
  organization?: OrganizationPolicy | null;
  fallbackPreset?: string;
  /** Reviews and ticks (the App's pull request); without, the tree is judged as a state. */
  context?: ReviewContext | ((policy: Policy) => Promise<ReviewContext>);
}

export interface Report {
  html: string;
  data: ReportData;
  /** The current state's decision record (the same as `rsp-gate check --format json`). */
  record: DecisionRecord;
  /** True when a file could not be read: the page says so, and the CLI exits 2. */
  invalidInput: boolean;
}

export async function buildReport(options: ReportOptions): Promise<Report> {
  const result = await checkTrees({
    head: options.tree,
    base: null,
    policyPath: options.policyPath,
    now: options.now,
    context: options.context ?? STATE_CONTEXT,
    ...(options.organization !== undefined ? { organization: options.organization } : {}),
    ...(options.fallbackPreset !== undefined ? { fallbackPreset: options.fallbackPreset } : {}),
    ...(options.commit ? { policyRef: options.commit.sha } : {}),
  });
  const data = buildReportData({
    now: options.now,
    repository: options.repository,
    current: { record: result.record, state: result.head, commit: options.commit },
    history: options.history,
    historyScope: options.historyScope,
    redact: options.redact,
  });
  const html = await renderReportPage(data);
  return { html, data, record: result.record, invalidInput: hasInvalidInput(result) };
}
