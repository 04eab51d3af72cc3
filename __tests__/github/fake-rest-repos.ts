/**
 * The repository-content REST operations: comparing two commits (`BASE...HEAD`, three-dot, as
 * GitHub compares) and reading a path at a ref through the contents API (default JSON media type).
 */
import {
  childrenOf,
  diffSnapshots,
  entryAt,
  githubBase64,
  symlinkTarget,
  type TreeEntry,
} from './git-objects.js';
import type { JsonObject } from './github-objects.js';
import {
  customMediaType,
  errorResult,
  notFound,
  paginate,
  repoLinkPath,
} from './fake-rest-support.js';
import { renderCommit, renderDiffEntry, repoApi, repoHtml } from './fake-render.js';
import type { CommitRecord } from './fake-state.js';
import type { Handler, RestContext, RestResult } from './fake-rest.js';

/** GitHub lists at most this many files of a comparison. */
const COMPARE_FILES = 300;
/** Without paging parameters a comparison lists the newest 250 commits. */
const COMPARE_COMMITS = 250;
/** The contents API sends the bytes of files up to 1 MB. */
const CONTENT_BYTES = 1024 * 1024;
/** The contents API lists at most this many entries of a directory. */
const DIRECTORY_ENTRIES = 1000;

/** `BASE` or `HEAD` of a basehead: a sha or a branch, optionally `owner:` (this repository's). */
function resolveSide(ctx: RestContext, side: string): CommitRecord | undefined {
  const m = /^([^:]+):(.+)$/.exec(side);
  if (m && m[1]!.toLowerCase() !== ctx.state.repo.owner.toLowerCase()) return undefined;
  return ctx.state.resolveCommit(m ? m[2]! : side);
}

function compare(ctx: RestContext): RestResult | null {
  if (customMediaType(ctx.accept)) return null; // .diff and .patch are not served
  const basehead = ctx.params.basehead ?? '';
  const split = /^(.+?)\.\.\.(.+)$/.exec(basehead);
  if (!split) return notFound(ctx);
  const [, baseName, headName] = split as unknown as [string, string, string];
  const base = resolveSide(ctx, baseName);
  const head = resolveSide(ctx, headName);
  if (!base || !head) return notFound(ctx);
  const mergeBase = ctx.state.mergeBase(base.sha, head.sha);
  if (!mergeBase) {
    return errorResult(
      404,
      `No common ancestor between ${baseName} and ${headName}.`,
      ctx.operationId,
    );
  }
  // `git log BASE..HEAD`, oldest first, as GitHub's description says the comparison lists them.
  const ahead = ctx.state.log(base.sha, head.sha);
  const behind = ctx.state.log(head.sha, base.sha);
  const status =
    ahead.length === 0 && behind.length === 0
      ? 'identical'
      : behind.length === 0
        ? 'ahead'
        : ahead.length === 0
          ? 'behind'
          : 'diverged';
  const paged = ctx.url.searchParams.has('page') || ctx.url.searchParams.has('per_page');
  const { page, headers } = paged
    ? paginate(ctx, ahead, repoLinkPath(ctx))
    : { page: ahead.slice(-COMPARE_COMMITS), headers: {} };
  const firstPage = (Number(ctx.url.searchParams.get('page')) || 1) === 1;
  const files = diffSnapshots(mergeBase.snapshot, head.snapshot, ctx.state.objects)
    .slice(0, COMPARE_FILES)
    .map((f) => renderDiffEntry(ctx.state, ctx.host, f, mergeBase.sha, head.sha));
  const html = `${repoHtml(ctx.state, ctx.host)}/compare`;
  const owner = ctx.state.repo.owner;
  return {
    status: 200,
    headers,
    body: {
      url: `${repoApi(ctx.state, ctx.host)}/compare/${basehead}`,
      html_url: `${html}/${basehead}`,
      permalink_url: `${html}/${owner}:${base.sha}...${owner}:${head.sha}`,
      diff_url: `${html}/${basehead}.diff`,
      patch_url: `${html}/${basehead}.patch`,
      base_commit: renderCommit(ctx.state, ctx.host, base),
      merge_base_commit: renderCommit(ctx.state, ctx.host, mergeBase),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: page.map((c) => renderCommit(ctx.state, ctx.host, c)),
      // Only the first page of a paged comparison lists the files.
      ...(firstPage ? { files } : {}),
    },
  };
}

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** The URLs and names every contents object has, for `entry` read at `ref` (as requested). */
function contentBase(ctx: RestContext, entry: TreeEntry, ref: string): JsonObject {
  const api = repoApi(ctx.state, ctx.host);
  const { owner, name } = ctx.state.repo;
  const path = encodePath(entry.path);
  const refParam = encodeURIComponent(ref).replace(/%2F/gi, '/');
  const dir = entry.type === 'tree';
  const url = `${api}/contents/${path}?ref=${refParam}`;
  const gitUrl = `${api}/git/${dir ? 'trees' : 'blobs'}/${entry.sha}`;
  const htmlUrl = `${repoHtml(ctx.state, ctx.host)}/${dir ? 'tree' : 'blob'}/${ref}/${path}`;
  const raw =
    new URL(ctx.host.htmlUrl).host === 'github.com'
      ? `https://raw.githubusercontent.com/${owner}/${name}/${ref}/${path}`
      : `${repoHtml(ctx.state, ctx.host)}/raw/${ref}/${path}`;
  return {
    name: entry.path.split('/').at(-1)!,
    path: entry.path,
    sha: entry.sha,
    size: entry.size ?? 0,
    url,
    html_url: htmlUrl,
    git_url: gitUrl,
    download_url: dir ? null : raw,
    _links: { self: url, git: gitUrl, html: htmlUrl },
  };
}

function blobBytes(ctx: RestContext, sha: string): Buffer {
  const blob = ctx.state.objects.get(sha);
  if (!blob || blob.type !== 'blob') throw new Error(`missing blob ${sha}`);
  return blob.content;
}

function fileContent(ctx: RestContext, entry: TreeEntry, ref: string): JsonObject {
  const bytes = blobBytes(ctx, entry.sha);
  // Above 1 MB GitHub describes the file but sends no bytes.
  const whole = bytes.length <= CONTENT_BYTES;
  return {
    type: 'file',
    encoding: whole ? 'base64' : 'none',
    ...contentBase(ctx, entry, ref),
    content: whole ? githubBase64(bytes) : '',
  };
}

function getContent(ctx: RestContext): RestResult | null {
  if (customMediaType(ctx.accept)) return null; // raw, html and object are not served
  const ref = ctx.url.searchParams.get('ref') ?? ctx.state.repo.defaultBranch ?? 'main';
  const commit = ctx.state.resolveCommit(ref);
  if (!commit) return errorResult(404, `No commit found for the ref ${ref}`, ctx.operationId);
  const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
  const entry = entryAt(commit.snapshot, path);
  if (!entry) return notFound(ctx);
  if (entry.type === 'tree') {
    const listing = childrenOf(commit.snapshot, path)
      .slice(0, DIRECTORY_ENTRIES)
      .map((e) => ({
        type: e.type === 'tree' ? 'dir' : e.mode === '120000' ? 'symlink' : 'file',
        ...contentBase(ctx, e, ref),
      }));
    return { status: 200, body: listing };
  }
  if (entry.mode !== '120000') return { status: 200, body: fileContent(ctx, entry, ref) };
  // A symlink to a normal file of the repository answers with that file; any other, itself.
  const target = blobBytes(ctx, entry.sha).toString('utf8');
  const resolved = symlinkTarget(entry.path, target);
  const file = resolved === null ? undefined : commit.snapshot.files.get(resolved);
  if (file && file.mode !== '120000') return { status: 200, body: fileContent(ctx, file, ref) };
  return {
    status: 200,
    body: { type: 'symlink', target, ...contentBase(ctx, entry, ref) },
  };
}

export const repositoryHandlers: Record<string, Handler> = {
  'repos/compare-commits-with-basehead': compare,
  'repos/get-content': getContent,
};
