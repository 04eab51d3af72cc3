/**
 * The REST operations the fake serves, keyed by GitHub's operationId. Each handler reads or
 * changes the state and answers as GitHub does, errors included. Comparisons and contents are in
 * fake-rest-repos.ts.
 */
import { treeEntries } from './git-objects.js';
import { githubBase64 } from './git-objects.js';
import {
  identityFor,
  nodeId,
  userObject,
  pullRequestSimple,
  repositoryObject,
  type Host,
  type Identity,
  type JsonObject,
} from './github-objects.js';
import {
  commentTooLong,
  errorResult,
  invalid,
  notFound,
  paginate,
  repoLinkPath,
} from './fake-rest-support.js';
import { repositoryHandlers } from './fake-rest-repos.js';

export { errorResult } from './fake-rest-support.js';
import type { AppInfo, CheckRunRecord, FakeGitHubState } from './fake-state.js';
import picomatch from 'picomatch';
import {
  pullRequestChanges,
  renderCheckRun,
  renderCommit,
  repoApi,
  repoHtml,
  renderComment,
  renderFile,
  renderPullRequest,
  renderReview,
} from './fake-render.js';

export interface Caller extends Identity {
  token: string;
  readOnly: boolean;
  app: AppInfo;
}

export interface RestContext {
  state: FakeGitHubState;
  host: Host;
  operationId: string;
  params: Record<string, string>;
  /** the request URL with `/repositories/{id}` style aliases already undone */
  url: URL;
  body: unknown;
  caller: Caller;
  /** the request's Accept header ('' when none) */
  accept?: string;
}

export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** null: the fake does not serve this request (e.g. a custom media type). */
export type Handler = (ctx: RestContext) => RestResult | null;

function sameRepo(ctx: RestContext): boolean {
  const { owner, name } = ctx.state.repo;
  return (
    ctx.params.owner?.toLowerCase() === owner.toLowerCase() &&
    ctx.params.repo?.toLowerCase() === name.toLowerCase()
  );
}

function withPull(
  ctx: RestContext,
  then: (pr: NonNullable<ReturnType<FakeGitHubState['pulls']['get']>>) => RestResult,
): RestResult {
  const number = Number(ctx.params.pull_number ?? ctx.params.issue_number);
  const pr = ctx.state.pulls.get(number);
  return pr ? then(pr) : notFound(ctx);
}

function noCommit(ctx: RestContext, sha: string): RestResult {
  return errorResult(422, `No commit found for SHA: ${sha}`, ctx.operationId);
}

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : {};
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function applyCheckRun(ctx: RestContext, run: CheckRunRecord, body: JsonObject): void {
  const now = ctx.state.now();
  if (typeof body.name === 'string') run.name = body.name;
  if (typeof body.details_url === 'string') run.detailsUrl = body.details_url;
  if (typeof body.external_id === 'string') run.externalId = body.external_id;
  if (typeof body.started_at === 'string') run.startedAt = body.started_at;
  if (typeof body.status === 'string') run.status = body.status;
  if (typeof body.conclusion === 'string') {
    run.conclusion = body.conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed')
    run.completedAt = str(body.completed_at) ?? run.completedAt ?? now;
  if (run.status === 'in_progress' || run.status === 'completed') run.startedAt ??= now;
  const output = asObject(body.output);
  if (body.output !== undefined) {
    if ('title' in output) run.output.title = str(output.title);
    if ('summary' in output) run.output.summary = str(output.summary);
    if ('text' in output) run.output.text = str(output.text);
    if (Array.isArray(output.annotations))
      run.output.annotations.push(...output.annotations.map(asObject));
  }
  run.history.push({ at: now, method: run.history.length === 0 ? 'POST' : 'PATCH', body });
}

function checkRunProblem(ctx: RestContext, body: JsonObject, creating: boolean): RestResult | null {
  const annotations = asObject(body.output).annotations;
  if (Array.isArray(annotations) && annotations.length > 50) {
    return invalid(ctx, `No more than 50 items are allowed; ${annotations.length} were supplied.`);
  }
  if (creating) {
    for (const key of ['name', 'head_sha']) {
      if (typeof body[key] !== 'string') return invalid(ctx, `"${key}" wasn't supplied.`);
    }
  }
  if (body.status === 'completed' && typeof body.conclusion !== 'string') {
    return invalid(ctx, '"conclusion" wasn\'t supplied.');
  }
  if (body.output !== undefined && typeof asObject(body.output).summary !== 'string') {
    return invalid(ctx, '"summary" wasn\'t supplied.');
  }
  return null;
}

const handlers: Record<string, Handler> = {
  ...repositoryHandlers,

  'pulls/get': (ctx) =>
    withPull(ctx, (pr) => ({ status: 200, body: renderPullRequest(ctx.state, ctx.host, pr) })),

  'pulls/list-files': (ctx) =>
    withPull(ctx, (pr) => {
      const files = pullRequestChanges(ctx.state, pr).slice(0, 3000);
      const { page, headers } = paginate(ctx, files, repoLinkPath(ctx));
      return {
        status: 200,
        headers,
        body: page.map((f) => renderFile(ctx.state, ctx.host, pr, f)),
      };
    }),

  'pulls/list-reviews': (ctx) =>
    withPull(ctx, (pr) => {
      const reviews = ctx.state.reviewsSeenBy(pr.number, ctx.caller.login);
      const { page, headers } = paginate(ctx, reviews, repoLinkPath(ctx));
      return { status: 200, headers, body: page.map((r) => renderReview(ctx.state, ctx.host, r)) };
    }),

  'git/get-tree': (ctx) => {
    const ref = ctx.params.tree_sha ?? '';
    const treeSha = ctx.state.resolveCommit(ref)?.treeSha ?? ref;
    const tree = ctx.state.objects.get(treeSha);
    if (!tree || tree.type !== 'tree') return notFound(ctx);
    const api = `${ctx.host.apiUrl}/repos/${ctx.state.repo.owner}/${ctx.state.repo.name}/git`;
    const entries = treeEntries(tree, ctx.url.searchParams.has('recursive')).map((e) => ({
      ...e,
      url: `${api}/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
    }));
    return {
      status: 200,
      body: { sha: tree.sha, url: `${api}/trees/${tree.sha}`, tree: entries, truncated: false },
    };
  },

  'git/get-blob': (ctx) => {
    const sha = ctx.params.file_sha ?? '';
    const blob = ctx.state.objects.get(sha);
    if (!blob || blob.type !== 'blob') return notFound(ctx);
    const api = `${ctx.host.apiUrl}/repos/${ctx.state.repo.owner}/${ctx.state.repo.name}`;
    return {
      status: 200,
      body: {
        sha,
        node_id: nodeId('B', ctx.state.repo.id ?? 0, sha),
        size: blob.content.length,
        url: `${api}/git/blobs/${sha}`,
        content: githubBase64(blob.content),
        encoding: 'base64',
      },
    };
  },

  'issues/list-comments': (ctx) =>
    withPull(ctx, (pr) => {
      const { page, headers } = paginate(ctx, ctx.state.comments(pr.number), repoLinkPath(ctx));
      return { status: 200, headers, body: page.map((c) => renderComment(ctx.state, ctx.host, c)) };
    }),

  'issues/create-comment': (ctx) =>
    withPull(ctx, (pr) => {
      const text = asObject(ctx.body).body;
      if (typeof text !== 'string') return invalid(ctx, '"body" wasn\'t supplied.');
      const tooLong = commentTooLong(ctx, text);
      if (tooLong) return tooLong;
      const comment = ctx.state.addComment(pr.number, ctx.caller.login, text);
      const body = renderComment(ctx.state, ctx.host, comment);
      return { status: 201, headers: { location: String(body.url) }, body };
    }),

  'issues/update-comment': (ctx) => {
    const comment = ctx.state.comment(Number(ctx.params.comment_id));
    if (!comment) return notFound(ctx);
    const text = asObject(ctx.body).body;
    if (typeof text !== 'string') return invalid(ctx, '"body" wasn\'t supplied.');
    const tooLong = commentTooLong(ctx, text);
    if (tooLong) return tooLong;
    if (comment.author.login !== ctx.caller.login) {
      return errorResult(403, 'Resource not accessible by integration', ctx.operationId);
    }
    const { login, id, type } = ctx.caller;
    ctx.state.editComment(comment.id, { login, id, type }, text);
    return { status: 200, body: renderComment(ctx.state, ctx.host, comment) };
  },

  'issues/delete-comment': (ctx) => {
    const comment = ctx.state.comment(Number(ctx.params.comment_id));
    if (!comment) return notFound(ctx);
    if (comment.author.login !== ctx.caller.login) {
      return errorResult(403, 'Resource not accessible by integration', ctx.operationId);
    }
    ctx.state.deleteComment(comment.id);
    return { status: 204 };
  },

  'checks/list-for-ref': (ctx) => {
    const ref = ctx.params.ref ?? '';
    const commit = ctx.state.resolveCommit(ref);
    if (!commit) return noCommit(ctx, ref);
    const q = ctx.url.searchParams;
    let runs = ctx.state.checkRuns(commit.sha);
    if (q.has('check_name')) runs = runs.filter((r) => r.name === q.get('check_name'));
    if (q.has('status')) runs = runs.filter((r) => r.status === q.get('status'));
    if (q.has('app_id')) runs = runs.filter((r) => String(r.app.id) === q.get('app_id'));
    if ((q.get('filter') ?? 'latest') === 'latest') {
      const newest = new Map<string, CheckRunRecord>();
      for (const run of runs) newest.set(`${run.app.id}/${run.name}`, run);
      runs = [...newest.values()];
    }
    runs.sort((a, b) => b.id - a.id);
    const { page, headers } = paginate(ctx, runs, repoLinkPath(ctx));
    return {
      status: 200,
      headers,
      body: {
        total_count: runs.length,
        check_runs: page.map((r) => renderCheckRun(ctx.state, ctx.host, r)),
      },
    };
  },

  'checks/create': (ctx) => {
    if (ctx.caller.type !== 'Bot')
      return errorResult(403, 'You must authenticate via a GitHub App.', ctx.operationId);
    const body = asObject(ctx.body);
    const problem = checkRunProblem(ctx, body, true);
    if (problem) return problem;
    const headSha = String(body.head_sha);
    if (!ctx.state.commits.has(headSha)) return noCommit(ctx, headSha);
    const run: CheckRunRecord = {
      id: ctx.state.newCheckRunId(),
      name: String(body.name),
      headSha,
      status: 'queued',
      conclusion: null,
      startedAt: null,
      completedAt: null,
      externalId: null,
      detailsUrl: null,
      output: { title: null, summary: null, text: null, annotations: [] },
      app: ctx.caller.app,
      history: [],
    };
    run.startedAt = str(body.started_at) ?? ctx.state.now();
    applyCheckRun(ctx, run, body);
    ctx.state.checkRunsById.set(run.id, run);
    return { status: 201, body: renderCheckRun(ctx.state, ctx.host, run) };
  },

  'checks/update': (ctx) => {
    const run = ctx.state.checkRunsById.get(Number(ctx.params.check_run_id));
    if (!run) return notFound(ctx);
    // GitHub: "Invalid app_id `15368` - check run can only be modified by the GitHub App that
    // created it." (HTTP 403), as reported in int128/argocd-commenter#631 and databricks/cli#4563.
    if (run.app.id !== ctx.caller.app.id)
      return errorResult(
        403,
        `Invalid app_id \`${ctx.caller.app.id}\` - check run can only be modified by the GitHub App that created it.`,
        ctx.operationId,
      );
    const body = asObject(ctx.body);
    const problem = checkRunProblem(ctx, body, false);
    if (problem) return problem;
    applyCheckRun(ctx, run, body);
    return { status: 200, body: renderCheckRun(ctx.state, ctx.host, run) };
  },

  'repos/list-pull-requests-associated-with-commit': (ctx) => {
    const sha = ctx.params.commit_sha ?? '';
    const commit = ctx.state.resolveCommit(sha);
    if (!commit) return noCommit(ctx, sha);
    const pulls = [...ctx.state.pulls.values()]
      .filter((pr) => pr.heads.includes(commit.sha) || pr.mergeCommitSha === commit.sha)
      .sort((a, b) => b.number - a.number);
    const { page, headers } = paginate(ctx, pulls, repoLinkPath(ctx));
    return {
      status: 200,
      headers,
      body: page.map((pr) => pullRequestSimple(renderPullRequest(ctx.state, ctx.host, pr))),
    };
  },

  'repos/get-branch-rules': (ctx) => {
    const branch = ctx.params.branch ?? '';
    const rules = ctx.state.rulesets
      .filter((r) => r.branches.some((pattern) => picomatch.isMatch(branch, pattern)))
      .map((r) => ({
        type: 'required_status_checks',
        parameters: {
          required_status_checks: r.checks.map((context) => ({ context })),
          strict_required_status_checks_policy: false,
        },
        ruleset_source_type: 'Repository',
        ruleset_source: `${ctx.state.repo.owner}/${ctx.state.repo.name}`,
        ruleset_id: r.id,
      }));
    const { page, headers } = paginate(ctx, rules, repoLinkPath(ctx));
    return { status: 200, headers, body: page };
  },

  'repos/get-branch': (ctx) => {
    const branch = ctx.params.branch ?? '';
    const sha = ctx.state.branches.get(branch);
    const commit = sha === undefined ? undefined : ctx.state.commits.get(sha);
    if (!commit) return errorResult(404, 'Branch not found', ctx.operationId);
    const api = repoApi(ctx.state, ctx.host);
    const protection = ctx.state.protections.get(branch);
    const protectionUrl = `${api}/branches/${encodeURIComponent(branch)}/protection`;
    return {
      status: 200,
      body: {
        name: branch,
        commit: renderCommit(ctx.state, ctx.host, commit),
        _links: {
          html: `${repoHtml(ctx.state, ctx.host)}/tree/${branch}`,
          self: `${api}/branches/${encodeURIComponent(branch)}`,
        },
        protected: protection !== undefined,
        protection: protection
          ? {
              enabled: true,
              required_status_checks: {
                enforcement_level: 'non_admins',
                contexts: protection.requiredChecks,
                checks: protection.requiredChecks.map((context) => ({ context, app_id: null })),
              },
            }
          : {
              enabled: false,
              required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
            },
        protection_url: protectionUrl,
      },
    };
  },

  'repos/get': (ctx) => ({
    status: 200,
    body: {
      ...repositoryObject(ctx.host, ctx.state.repo),
      network_count: 0,
      subscribers_count: 0,
    },
  }),

  'pulls/list': (ctx) => {
    const q = ctx.url.searchParams;
    const state = q.get('state') ?? 'open';
    const pulls = [...ctx.state.pulls.values()]
      .filter((pr) => state === 'all' || pr.state === state)
      .filter((pr) => !q.has('base') || pr.baseRef === q.get('base'))
      .sort((a, b) => b.number - a.number);
    const { page, headers } = paginate(ctx, pulls, repoLinkPath(ctx));
    return {
      status: 200,
      headers,
      body: page.map((pr) => pullRequestSimple(renderPullRequest(ctx.state, ctx.host, pr))),
    };
  },

  'teams/list-members-in-org': (ctx) => {
    const org = ctx.params.org ?? '';
    const slug = ctx.params.team_slug ?? '';
    const team = ctx.state.team(org, slug);
    if (!team || team.members === 'forbidden') return notFound(ctx);
    if (team.visibleTo && !team.visibleTo.includes(ctx.caller.token)) return notFound(ctx);
    const members = ctx.url.searchParams.get('role') === 'maintainer' ? [] : team.members;
    const orgId = identityFor(org, { type: 'Organization' }).id;
    const teamId = teamIdFor(org, slug);
    const { page, headers } = paginate(
      ctx,
      members,
      `/organizations/${orgId}/team/${teamId}/members`,
    );
    return {
      status: 200,
      headers,
      body: page.map((login) => userObject(ctx.host, ctx.state.identity(login))),
    };
  },
};

export function teamIdFor(org: string, slug: string): number {
  return identityFor(`team:${org.toLowerCase()}/${slug.toLowerCase()}`).id;
}

export function servedOperations(): string[] {
  return Object.keys(handlers);
}

export function handleRest(ctx: RestContext): RestResult | null {
  const handler = handlers[ctx.operationId];
  if (!handler) return null;
  if ('owner' in ctx.params && !sameRepo(ctx)) return notFound(ctx);
  return handler(ctx);
}
