/**
 * The GitHub port in memory, for unit tests of the orchestration: files per commit, one pull
 * request, comments with edit history, reviews and check runs. Behaves like the API where the
 * gate depends on it (comment authorship, edit history, annotations accumulating).
 */
import type { GitPerson, Review } from '../core/inputs.js';
import type {
  Annotation,
  BranchEnforcement,
  CheckRunUpdate,
  ComparedCommit,
  CommentRevision,
  GitHubPort,
  Identity,
  IssueComment,
  PullRequest,
} from './port.js';

export interface MemoryCheckRun {
  id: number;
  sha: string;
  name: string;
  updates: CheckRunUpdate[];
  annotations: Annotation[];
}

export interface MemoryState {
  identity: Identity;
  commits: Map<string, Map<string, Uint8Array>>;
  pulls: Map<number, PullRequest>;
  comments: (IssueComment & { issue: number; history: CommentRevision[] })[];
  reviews: Map<number, Review[]>;
  teams: Map<string, string[] | null>;
  checkRuns: MemoryCheckRun[];
  /** The commits of `base...head` (keyed so), oldest first; a comparison not set here has none. */
  comparisons: Map<string, ComparedCommit[]>;
  /** The co-authors GitHub resolves for a commit, by SHA; a commit not set here has none. */
  coAuthors: Map<string, GitPerson[]>;
  /** What GitHub enforces per branch; a branch not set here has no rules and no protection. */
  enforcement: Map<string, BranchEnforcement>;
  calls: string[];
}

export function createMemoryPort(
  identity: Identity = { login: 'github-actions[bot]', id: 41898282 },
): GitHubPort & { state: MemoryState } {
  const state: MemoryState = {
    identity,
    commits: new Map(),
    pulls: new Map(),
    comments: [],
    reviews: new Map(),
    teams: new Map(),
    checkRuns: [],
    comparisons: new Map(),
    coAuthors: new Map(),
    enforcement: new Map(),
    calls: [],
  };
  let nextId = 1000;
  const now = () => new Date(Date.UTC(2026, 10, 27, 12, 0, state.calls.length)).toISOString();
  const record = (call: string) => void state.calls.push(call);
  const blobId = (commit: string, path: string) => `${commit}:${path}`;
  const files = (sha: string) => {
    const found = state.commits.get(sha);
    if (!found) throw new Error(`no commit ${sha}`);
    return found;
  };
  const blobBytes = (id: string) => {
    const cut = id.indexOf(':');
    const bytes = state.commits.get(id.slice(0, cut))?.get(id.slice(cut + 1));
    if (!bytes) throw new Error(`no blob ${id}`);
    return bytes;
  };
  const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
    a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));

  return {
    state,
    async pullRequest(number) {
      record(`pull ${number}`);
      const pr = state.pulls.get(number);
      if (!pr) throw new Error(`no pull request #${number}`);
      return pr;
    },
    async tree(sha) {
      record(`tree ${sha}`);
      const files = state.commits.get(sha);
      if (!files) throw new Error(`no commit ${sha}`);
      return [...files].map(([path, bytes]) => ({
        path,
        kind: 'file' as const,
        sha: blobId(sha, path),
        size: bytes.length,
      }));
    },
    async compare(base, head) {
      record(`compare ${base}...${head}`);
      const [from, to] = [files(base), files(head)];
      const paths = [...new Set([...from.keys(), ...to.keys()])].sort();
      const changed = paths.filter((p) => !sameBytes(from.get(p), to.get(p)));
      return {
        mergeBase: base,
        files: changed.map((path) => ({
          path,
          status: !from.has(path) ? 'added' : !to.has(path) ? 'removed' : 'modified',
          previousPath: null,
        })),
        complete: true,
        // As GitHub: an unpaged comparison lists the newest 250 commits.
        commits: (state.comparisons.get(`${base}...${head}`) ?? []).slice(-250),
        totalCommits: (state.comparisons.get(`${base}...${head}`) ?? []).length,
      };
    },
    async comparisonCommits(base, head, limit) {
      const all = state.comparisons.get(`${base}...${head}`) ?? [];
      for (let page = 0; page * 100 < Math.min(all.length, limit) || page === 0; page++)
        record(`compare ${base}...${head} page ${page + 1}`);
      return { commits: all.slice(0, limit), total: all.length };
    },
    async coAuthors(shas) {
      record(`co-authors ${shas.join(',')}`);
      return new Map(
        shas.map((sha) => [sha, { people: state.coAuthors.get(sha) ?? [], complete: true }]),
      );
    },
    async readPath(sha, path) {
      record(`read ${path} at ${sha}`);
      const bytes = files(sha).get(path);
      if (bytes) return { kind: 'file', sha: blobId(sha, path), size: bytes.length, bytes };
      return [...files(sha).keys()].some((p) => p.startsWith(`${path}/`))
        ? { kind: 'directory' }
        : null;
    },
    async directories(requests) {
      record(`directories ${requests.map((r) => `${r.commit}:${r.dir}`).join(',')}`);
      return requests.map(({ commit, dir, depth }) => {
        // Files `depth` levels down at most; deeper directories are left to another call.
        const base = dir === '' ? 0 : dir.split('/').length;
        const inside = [...files(commit)].filter(([p]) => dir === '' || p.startsWith(`${dir}/`));
        if (inside.length === 0) return null;
        const level = (p: string) => p.split('/').length - base;
        const deeper = new Set<string>();
        for (const [p] of inside)
          if (level(p) > depth)
            deeper.add(
              p
                .split('/')
                .slice(0, base + depth)
                .join('/'),
            );
        return {
          files: inside
            .filter(([p]) => level(p) <= depth)
            .map(([path, bytes]) => ({
              path,
              kind: 'file' as const,
              sha: blobId(commit, path),
              size: bytes.length,
            })),
          deeper: [...deeper],
          capped: false,
        };
      });
    },
    async conversation(number) {
      record(`conversation ${number}`);
      const comments = state.comments
        .filter((c) => c.issue === number)
        .map(({ issue: _issue, history: _history, ...c }) => c);
      const histories = new Map(
        state.comments
          .filter((c) => c.issue === number)
          .map((c) => [c.nodeId, c.history.length > 1 ? [...c.history] : []]),
      );
      return {
        identity: state.identity,
        comments,
        histories,
        reviews: state.reviews.get(number) ?? [],
      };
    },
    async blob(id) {
      record(`blob ${id}`);
      return blobBytes(id);
    },
    async textBlobs(ids) {
      record(`text blobs ${ids.join(',')}`);
      return new Map(ids.map((id) => [id, blobBytes(id)]));
    },
    async reviews(number) {
      record(`reviews ${number}`);
      return state.reviews.get(number) ?? [];
    },
    async comments(issue) {
      record(`comments ${issue}`);
      return state.comments
        .filter((c) => c.issue === issue)
        .map(({ issue: _issue, history: _history, ...c }) => c);
    },
    async createComment(issue, body) {
      record(`create comment ${issue}`);
      const id = nextId++;
      const comment = {
        id,
        nodeId: `IC_${id}`,
        author: state.identity.login,
        authorId: state.identity.id,
        body,
        htmlUrl: `https://github.test/pr/${issue}#issuecomment-${id}`,
        issue,
        history: [{ editor: state.identity.login, body, at: now() }],
      };
      state.comments.push(comment);
      const { issue: _i, history: _h, ...out } = comment;
      return out;
    },
    async updateComment(id, body) {
      record(`update comment ${id}`);
      const comment = state.comments.find((c) => c.id === id);
      if (!comment) throw new Error(`no comment ${id}`);
      if (comment.author !== state.identity.login)
        throw new Error('only the author may edit a comment through the API');
      comment.body = body;
      comment.history.push({ editor: state.identity.login, body, at: now() });
    },
    async deleteComment(id) {
      record(`delete comment ${id}`);
      state.comments = state.comments.filter((c) => c.id !== id);
    },
    async commentHistory(nodeId) {
      record(`history ${nodeId}`);
      const comment = state.comments.find((c) => c.nodeId === nodeId);
      return comment && comment.history.length > 1 ? [...comment.history] : [];
    },
    async teamMembers(org, team) {
      record(`team ${org}/${team}`);
      return state.teams.get(`${org}/${team}`.toLowerCase()) ?? null;
    },
    async findCheckRun(sha, name) {
      record(`find check ${sha}`);
      const run = state.checkRuns.findLast((r) => r.sha === sha && r.name === name);
      if (!run) return null;
      const stamped = run.updates.findLast((u) => u.externalId !== undefined);
      return {
        id: run.id,
        status: run.updates.at(-1)!.status,
        externalId: stamped?.externalId ?? null,
      };
    },
    async branchEnforcement(branch) {
      record(`enforcement ${branch}`);
      return (
        state.enforcement.get(branch) ?? {
          rulesetChecks: [],
          classic: { protected: false, requiredChecks: [] },
        }
      );
    },
    async openPullRequestsWithHead(sha, limit) {
      record(`open pulls ${sha}`);
      const open = [...state.pulls.values()].filter((pr) => pr.state === 'open');
      if (open.length > limit) return null;
      return open.filter((pr) => pr.headSha === sha);
    },
    async createCheckRun(sha, name, update) {
      record(`create check ${sha}`);
      if ((update.annotations?.length ?? 0) > 50)
        throw new Error('at most 50 annotations per request');
      const run = {
        id: nextId++,
        sha,
        name,
        updates: [update],
        annotations: [...(update.annotations ?? [])],
      };
      state.checkRuns.push(run);
      return run.id;
    },
    async updateCheckRun(id, update) {
      record(`update check ${id}`);
      if ((update.annotations?.length ?? 0) > 50)
        throw new Error('at most 50 annotations per request');
      const run = state.checkRuns.find((r) => r.id === id);
      if (!run) throw new Error(`no check run ${id}`);
      run.updates.push(update);
      run.annotations.push(...(update.annotations ?? []));
    },
  };
}

/** A human edits a comment in the browser (a checklist tick): the history names them. */
export function userEditsComment(
  port: { state: MemoryState },
  commentId: number,
  login: string,
  body: string,
): void {
  const comment = port.state.comments.find((c) => c.id === commentId);
  if (!comment) throw new Error(`no comment ${commentId}`);
  comment.body = body;
  comment.history.push({
    editor: login,
    body,
    at: new Date(Date.UTC(2026, 10, 27, 13, 0, comment.history.length)).toISOString(),
  });
}
