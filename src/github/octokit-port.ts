/**
 * The GitHub port over octokit: REST with retries and rate-limit handling, GraphQL for the
 * token's identity and a comment's edit history. Base URLs come from the runner's
 * GITHUB_API_URL and GITHUB_GRAPHQL_URL, so GitHub Enterprise Server and tests work the same.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Review } from '../core/inputs.js';
import {
  commitAuthorsQuery,
  CONVERSATION_QUERY,
  directoriesQuery,
  gitPerson,
  readCoAuthors,
  readConversation,
  readDirectory,
  readTextBlob,
  textBlobsQuery,
  withDismissal,
  REVIEW_STATES,
  type ConversationData,
} from './graphql-reads.js';
import {
  GitHubError,
  type CheckRunUpdate,
  type CoAuthors,
  type ComparedCommit,
  type CommentRevision,
  type GitHubPort,
  type GitTreeEntry,
  type IssueComment,
  type PullRequest,
} from './port.js';

export interface OctokitPortOptions {
  token: string;
  owner: string;
  repo: string;
  apiUrl: string;
  graphqlUrl: string;
  /** Longest rate-limit wait the gate accepts before failing, in seconds. */
  maxRateLimitWaitSeconds?: number;
  /** Base of the retry back-off in ms (tests shorten it). */
  retryBaseMs?: number;
  /** A request that takes longer is abandoned and retried. */
  requestTimeoutMs?: number;
  log?: (message: string) => void;
  /**
   * Whose pace the request spacing keeps: ports with the same id share it (Octokit's throttling
   * spaces writes and GraphQL queries a second apart per id, in one process). GitHub's secondary
   * limits are per identity, so the App gives each installation its own; default one for all.
   */
  throttleId?: string;
}

const ThrottledOctokit = Octokit.plugin(retry, throttling);

interface RestComment {
  id: number;
  node_id: string;
  user: { login: string; id: number } | null;
  body?: string;
  html_url: string;
}

function toComment(c: RestComment): IssueComment {
  return {
    id: c.id,
    nodeId: c.node_id,
    author: c.user?.login ?? 'ghost',
    authorId: c.user?.id ?? null,
    body: c.body ?? '',
    htmlUrl: c.html_url,
  };
}

/** The fields of a pull request the gate reads, full or `pull-request-simple` alike. */
interface RestPullRequest {
  number: number;
  state: string;
  draft?: boolean;
  merged?: boolean;
  merged_at: string | null;
  user: { login: string } | null;
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  base: { sha: string; ref: string; repo: { default_branch?: string } | null };
  html_url: string;
}

function toPullRequest(data: RestPullRequest): PullRequest {
  return {
    number: data.number,
    state: data.state === 'closed' ? 'closed' : 'open',
    draft: data.draft ?? false,
    merged: data.merged ?? data.merged_at !== null,
    author: data.user?.login ?? 'ghost',
    headSha: data.head.sha,
    headRef: data.head.ref,
    headRepo: data.head.repo?.full_name ?? null,
    baseSha: data.base.sha,
    baseRef: data.base.ref,
    defaultBranch: data.base.repo?.default_branch ?? null,
    htmlUrl: data.html_url,
  };
}

/** A commit of a REST comparison. */
interface RestCommit {
  sha: string;
  parents: unknown[];
  /** The account GitHub links to the author's email: null (or `{}`) when none. */
  author: { login?: string } | null;
  commit: { message: string; author: { name?: string; email?: string } | null };
}

function toComparedCommit(c: RestCommit): ComparedCommit {
  const login = typeof c.author?.login === 'string' ? c.author.login : null;
  return {
    sha: c.sha,
    parents: c.parents.length,
    author: gitPerson(login, c.commit.author?.name ?? null, c.commit.author?.email ?? null),
    message: c.commit.message,
  };
}

/** Commits per page of a paged comparison: GitHub's most. */
const COMMITS_PER_PAGE = 100;

function decodeBase64(content: string): Uint8Array {
  return new Uint8Array(Buffer.from(content.replace(/\s+/g, ''), 'base64'));
}

/** fetch that gives up after `ms`, so a hung connection becomes a retried error, not a hung gate. */
function fetchWithTimeout(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}

export function createOctokitPort(options: OctokitPortOptions): GitHubPort {
  const { owner, repo } = options;
  const log = options.log ?? (() => undefined);
  const maxWait = options.maxRateLimitWaitSeconds ?? 120;
  /** Wait out a rate limit twice at most, and never longer than `maxWait`: then fail closed. */
  const waitOut =
    (what: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _o: unknown,
      retryCount: number,
    ) => {
      log(`${what} on ${request.method} ${request.url}; retry after ${retryAfter}s`);
      return retryCount < 2 && retryAfter <= maxWait;
    };
  const octokit = new ThrottledOctokit({
    auth: options.token,
    baseUrl: options.apiUrl.replace(/\/$/, ''),
    userAgent: 'rsp-gate',
    retry: { retryAfterBaseValue: options.retryBaseMs ?? 1000 },
    // Retries come from the retry plugin (3, for 5xx and network errors); never set `request.retries`
    // here: that makes the plugin retry every error, 403 and 404 included, at once.
    request: { fetch: fetchWithTimeout(options.requestTimeoutMs ?? 30_000) },
    throttle: {
      ...(options.throttleId ? { id: options.throttleId } : {}),
      onRateLimit: waitOut('rate limit hit'),
      onSecondaryRateLimit: waitOut('secondary rate limit'),
    },
  });

  /** Run a request, turning any failure into a GitHubError that names the request. */
  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const status = (error as { status?: number }).status ?? null;
      const message = error instanceof Error ? error.message : String(error);
      throw new GitHubError(
        `${what} failed${status ? ` (HTTP ${status})` : ''}: ${message}`,
        status,
        what,
      );
    }
  }

  async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await call('GraphQL query', () =>
      octokit.request(`POST ${options.graphqlUrl}`, {
        query,
        variables,
        headers: { 'content-type': 'application/json' },
      }),
    );
    const payload = response.data as { data?: T; errors?: { message: string }[] };
    if (payload.errors?.length)
      throw new GitHubError(
        `GraphQL query failed: ${payload.errors.map((e) => e.message).join('; ')}`,
        200,
        'GraphQL query',
      );
    return payload.data as T;
  }

  /** Every review of a pull request through REST, with its id (for its dismissal). */
  async function listReviews(pullNumber: number): Promise<{ id: number; review: Review }[]> {
    const reviews = await call(`GET reviews of #${pullNumber}`, () =>
      octokit.paginate(octokit.rest.pulls.listReviews, {
        owner,
        repo,
        pull_number: pullNumber,
        per_page: 100,
      }),
    );
    const out: { id: number; review: Review }[] = [];
    for (const r of reviews) {
      if (!r.user || !r.commit_id || !REVIEW_STATES.has(r.state)) continue;
      out.push({
        id: r.id,
        review: {
          user: r.user.login,
          state: r.state as Review['state'],
          commit: r.commit_id,
          submittedAt: r.submitted_at ?? '',
        },
      });
    }
    return out;
  }

  /** A read the token may not be allowed to make: null on 403 or 404, other failures thrown. */
  async function readIfAllowed<T>(what: string, run: () => Promise<T>): Promise<T | null> {
    try {
      return await call(what, run);
    } catch (error) {
      if (error instanceof GitHubError && (error.status === 403 || error.status === 404))
        return null;
      throw error;
    }
  }

  /** The check names the rulesets that apply to a branch require (active rules only). */
  async function readRulesetChecks(branch: string) {
    const rules = await readIfAllowed(`GET rules of branch ${branch}`, () =>
      octokit.paginate(octokit.rest.repos.getBranchRules, { owner, repo, branch, per_page: 100 }),
    );
    if (rules === null) return null;
    return rules.flatMap((rule) =>
      rule.type === 'required_status_checks'
        ? (rule.parameters?.required_status_checks ?? []).map((c) => ({
            context: c.context,
            ruleset: rule.ruleset_source ?? `ruleset ${rule.ruleset_id ?? '?'}`,
          }))
        : [],
    );
  }

  /** Classic branch protection's required checks, as the branch itself shows them. */
  async function readClassicProtection(branch: string) {
    const found = await readIfAllowed(`GET branch ${branch}`, () =>
      octokit.rest.repos.getBranch({ owner, repo, branch }),
    );
    if (found === null) return null;
    const { protected: isProtected, protection } = found.data;
    if (!isProtected) return { protected: false, requiredChecks: [] };
    const checks = protection?.required_status_checks;
    if (!protection || protection.enabled === false)
      return { protected: true, requiredChecks: null };
    if (!checks) return { protected: true, requiredChecks: [] };
    return {
      protected: true,
      requiredChecks: [...(checks.contexts ?? []), ...(checks.checks ?? []).map((c) => c.context)],
    };
  }

  /**
   * The slug of the GitHub App the token belongs to (`github-actions` for a workflow's
   * GITHUB_TOKEN): an installation token's identity is `<slug>[bot]`. Read once, when needed.
   */
  let ownApp: Promise<string> | null = null;
  function ownAppSlug(): Promise<string> {
    ownApp ??= graphql<{ viewer: { login: string } }>('query { viewer { login } }', {}).then(
      (data) => data.viewer.login.toLowerCase().replace(/\[bot\]$/, ''),
      (error: unknown) => {
        ownApp = null; // a failed read is asked again (failCheck's own look-up), not remembered
        throw error;
      },
    );
    return ownApp;
  }

  return {
    async pullRequest(number) {
      const { data } = await call(`GET pull request #${number}`, () =>
        octokit.rest.pulls.get({ owner, repo, pull_number: number }),
      );
      return toPullRequest(data);
    },

    async tree(commitSha) {
      const { data } = await call(`GET tree of ${commitSha}`, () =>
        octokit.rest.git.getTree({ owner, repo, tree_sha: commitSha, recursive: '1' }),
      );
      if (data.truncated) {
        throw new GitHubError(
          `the tree of ${commitSha} is too large for one API response (truncated)`,
          null,
          'GET tree',
        );
      }
      const entries: GitTreeEntry[] = [];
      for (const e of data.tree) {
        if (e.type !== 'blob' || !e.path || !e.sha) continue;
        entries.push({
          path: e.path,
          kind: e.mode === '120000' ? 'symlink' : 'file',
          sha: e.sha,
          size: e.size ?? 0,
        });
      }
      return entries;
    },

    async compare(base, head) {
      const { data } = await call(`GET comparison ${base}...${head}`, () =>
        octokit.rest.repos.compareCommitsWithBasehead({
          owner,
          repo,
          basehead: `${base}...${head}`,
        }),
      );
      const files = data.files ?? [];
      return {
        mergeBase: data.merge_base_commit.sha,
        files: files.map((f) => ({
          path: f.filename,
          status: f.status,
          previousPath: f.previous_filename ?? null,
        })),
        // GitHub lists at most 300 files of a comparison, and none for some very large ones.
        complete: data.files !== undefined && files.length < 300,
        commits: data.commits.map((c) => toComparedCommit(c as RestCommit)),
        totalCommits: data.total_commits,
      };
    },

    async comparisonCommits(base, head, limit) {
      // Unpaged, a comparison lists 250 commits at most; paged, every one (GitHub's description
      // of GET /repos/{owner}/{repo}/compare/{basehead}). Only the first page lists files.
      const commits: ComparedCommit[] = [];
      let total = 0;
      for (let page = 1; commits.length < limit; page++) {
        const { data } = await call(`GET commits of ${base}...${head}, page ${page}`, () =>
          octokit.rest.repos.compareCommitsWithBasehead({
            owner,
            repo,
            basehead: `${base}...${head}`,
            per_page: COMMITS_PER_PAGE,
            page,
          }),
        );
        total = data.total_commits;
        commits.push(...data.commits.map((c) => toComparedCommit(c as RestCommit)));
        if (data.commits.length < COMMITS_PER_PAGE || commits.length >= total) break;
      }
      return { commits: commits.slice(0, limit), total };
    },

    async coAuthors(shas) {
      const out = new Map<string, CoAuthors | null>();
      for (let start = 0; start < shas.length; start += 100) {
        const batch = shas.slice(start, start + 100);
        const variables: Record<string, string> = { owner, name: repo };
        batch.forEach((sha, i) => (variables[`c${i}`] = sha));
        const data = await graphql<{
          repository: Record<string, Parameters<typeof readCoAuthors>[0]>;
        }>(commitAuthorsQuery(batch.length), variables);
        batch.forEach((sha, i) => out.set(sha, readCoAuthors(data.repository[`c${i}`])));
      }
      return out;
    },

    async readPath(commitSha, path) {
      let data;
      try {
        ({ data } = await octokit.rest.repos.getContent({ owner, repo, path, ref: commitSha }));
      } catch (error) {
        if ((error as { status?: number }).status === 404) return null;
        return call(`GET ${path} at ${commitSha}`, () => Promise.reject(error));
      }
      if (Array.isArray(data)) return { kind: 'directory' as const };
      // GitHub answers a link to a file with the file it points at: its own path gives it away.
      if (data.type === 'symlink' || (data.type === 'file' && data.path !== path))
        return { kind: 'symlink' as const, sha: data.sha, size: data.size, bytes: null };
      if (data.type === 'file') {
        const content = 'content' in data ? data.content : '';
        const whole = 'encoding' in data && data.encoding === 'base64';
        return {
          kind: 'file' as const,
          sha: data.sha,
          size: data.size,
          // Above 1 MB GitHub sends no content: the blob is fetched when the file is opened.
          bytes: whole ? decodeBase64(content ?? '') : null,
        };
      }
      return { kind: 'directory' as const }; // a submodule: not a file of this repository
    },

    async directories(requests) {
      const variables: Record<string, string> = { owner, name: repo };
      requests.forEach((r, i) => (variables[`e${i}`] = `${r.commit}:${r.dir}`));
      const data = await graphql<{ repository: Record<string, unknown> }>(
        directoriesQuery(requests.map((r) => r.depth)),
        variables,
      );
      return requests.map((_, i) =>
        readDirectory(data.repository[`d${i}`] as Parameters<typeof readDirectory>[0]),
      );
    },

    async conversation(pullNumber) {
      const data = await graphql<ConversationData>(CONVERSATION_QUERY, {
        owner,
        name: repo,
        number: pullNumber,
      });
      const page = readConversation(data, pullNumber);
      // Past the first hundred, the REST lists page through the rest.
      return {
        identity: page.identity,
        comments: page.comments ?? (await this.comments(pullNumber)),
        histories: page.histories,
        reviews:
          page.reviews ??
          (await listReviews(pullNumber)).map(({ id, review }) =>
            withDismissal(review, id, page.dismissals),
          ),
      };
    },

    async blob(sha) {
      const { data } = await call(`GET blob ${sha}`, () =>
        octokit.rest.git.getBlob({ owner, repo, file_sha: sha }),
      );
      return data.encoding === 'base64'
        ? decodeBase64(data.content)
        : new TextEncoder().encode(data.content);
    },

    async textBlobs(shas) {
      const variables: Record<string, string> = { owner, name: repo };
      shas.forEach((sha, i) => (variables[`o${i}`] = sha));
      const data = await graphql<{
        repository: Record<string, Parameters<typeof readTextBlob>[1]>;
      }>(textBlobsQuery(shas.length), variables);
      return new Map(shas.map((sha, i) => [sha, readTextBlob(sha, data.repository[`b${i}`])]));
    },

    async reviews(pullNumber) {
      return (await listReviews(pullNumber)).map(({ review }) => review);
    },

    async comments(issueNumber) {
      const comments = await call(`GET comments of #${issueNumber}`, () =>
        octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo,
          issue_number: issueNumber,
          per_page: 100,
        }),
      );
      return comments.map((c) => toComment(c as RestComment));
    },

    async createComment(issueNumber, body) {
      const { data } = await call(`POST comment on #${issueNumber}`, () =>
        octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }),
      );
      return toComment(data as RestComment);
    },

    async updateComment(commentId, body) {
      await call(`PATCH comment ${commentId}`, () =>
        octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body }),
      );
    },

    async deleteComment(commentId) {
      try {
        await octokit.rest.issues.deleteComment({ owner, repo, comment_id: commentId });
      } catch (error) {
        // Already gone (another run removed the same duplicate): that is what we wanted.
        if ((error as { status?: number }).status === 404) return;
        await call(`DELETE comment ${commentId}`, () => Promise.reject(error));
      }
    },

    async commentHistory(nodeId) {
      const revisions: CommentRevision[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 50; page++) {
        const data: {
          node: {
            userContentEdits: {
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
              nodes: ({
                editedAt: string;
                diff: string | null;
                editor: { login: string } | null;
              } | null)[];
            } | null;
          } | null;
        } = await graphql(
          `
            query ($id: ID!, $cursor: String) {
              node(id: $id) {
                ... on IssueComment {
                  userContentEdits(first: 100, after: $cursor) {
                    pageInfo {
                      hasNextPage
                      endCursor
                    }
                    nodes {
                      editedAt
                      diff
                      editor {
                        login
                      }
                    }
                  }
                }
              }
            }
          `,
          { id: nodeId, cursor },
        );
        const edits = data.node?.userContentEdits;
        if (!edits) break;
        for (const n of edits.nodes)
          if (n)
            revisions.push({ editor: n.editor?.login ?? null, body: n.diff ?? '', at: n.editedAt });
        if (!edits.pageInfo.hasNextPage) break;
        cursor = edits.pageInfo.endCursor;
      }
      return revisions.reverse(); // GitHub lists the newest edit first
    },

    async teamMembers(org, team) {
      try {
        const members = await octokit.paginate(octokit.rest.teams.listMembersInOrg, {
          org,
          team_slug: team,
          per_page: 100,
        });
        return members.map((m) => m.login);
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status === 403 || status === 404) return null;
        throw new GitHubError(
          `GET members of ${org}/${team} failed: ${error instanceof Error ? error.message : String(error)}`,
          status ?? null,
          'GET team members',
        );
      }
    },

    async findCheckRun(headSha, name) {
      const { data } = await call(`GET check runs of ${headSha}`, () =>
        octokit.rest.checks.listForRef({
          owner,
          repo,
          ref: headSha,
          check_name: name,
          filter: 'latest',
          per_page: 100,
        }),
      );
      const runs = data.check_runs.filter((r) => r.name === name && r.head_sha === headSha);
      if (runs.length === 0) return null;
      // Any app (any workflow's GITHUB_TOKEN) can post a run of this name, with any external_id;
      // only the gate's own app's run is the one a pinned rule reads and the gate may update.
      const app = await ownAppSlug();
      const run = runs.find((r) => r.app?.slug?.toLowerCase() === app);
      return run ? { id: run.id, status: run.status, externalId: run.external_id ?? null } : null;
    },

    async branchEnforcement(branch) {
      return {
        rulesetChecks: await readRulesetChecks(branch),
        classic: await readClassicProtection(branch),
      };
    },

    async openPullRequestsWithHead(sha, limit) {
      const open: PullRequest[] = [];
      let seen = 0;
      const pages = octokit.paginate.iterator(octokit.rest.pulls.list, {
        owner,
        repo,
        state: 'open',
        per_page: 100,
      });
      return call('GET open pull requests', async () => {
        for await (const page of pages) {
          seen += page.data.length;
          if (seen > limit) return null;
          for (const pr of page.data) if (pr.head.sha === sha) open.push(toPullRequest(pr));
        }
        return open;
      });
    },

    async createCheckRun(headSha, name, update: CheckRunUpdate) {
      const { data } = await call(`POST check run on ${headSha}`, () =>
        octokit.rest.checks.create({
          owner,
          repo,
          head_sha: headSha,
          name,
          status: update.status,
          ...(update.conclusion ? { conclusion: update.conclusion } : {}),
          ...(update.detailsUrl ? { details_url: update.detailsUrl } : {}),
          ...(update.externalId ? { external_id: update.externalId } : {}),
          output: {
            ...update.output,
            ...(update.annotations?.length ? { annotations: update.annotations } : {}),
          },
        }),
      );
      return data.id;
    },

    async updateCheckRun(id, update: CheckRunUpdate) {
      await call(`PATCH check run ${id}`, () =>
        octokit.rest.checks.update({
          owner,
          repo,
          check_run_id: id,
          status: update.status,
          ...(update.conclusion ? { conclusion: update.conclusion } : {}),
          ...(update.detailsUrl ? { details_url: update.detailsUrl } : {}),
          ...(update.externalId ? { external_id: update.externalId } : {}),
          output: {
            ...update.output,
            ...(update.annotations?.length ? { annotations: update.annotations } : {}),
          },
        }),
      );
    },
  };
}
