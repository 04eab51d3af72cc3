/**
 * A commit read through the API as a RepositoryTree: nothing is checked out or executed. The
 * whole tree is listed only when asked for (`list('')`); otherwise directories are listed on
 * demand, all those asked for in the same turn in one GraphQL query, and single files are read
 * by path.
 */
import { fileSourceFromBytes } from '../readers/file-source.js';
import { createPathIndex } from '../repository/globs.js';
import type { RepositoryTree, TreeEntry } from '../repository/tree.js';
import type { GitHubPort, GitTreeEntry } from './port.js';

/** Blob contents by git id; shared by the base and head trees, whose unchanged files share ids. */
export type BlobCache = Map<string, Promise<Uint8Array>>;

const byPath = (a: { path: string }, b: { path: string }) =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

export function createApiTree(
  port: GitHubPort,
  sha: string,
  label: string,
  blobs: BlobCache = new Map(),
): RepositoryTree {
  let whole: Promise<ReturnType<typeof createPathIndex<GitTreeEntry>>> | null = null;
  const listings = new Map<string, Promise<GitTreeEntry[]>>();
  const known = new Map<string, GitTreeEntry>();
  const stats = new Map<string, Promise<GitTreeEntry | null>>();

  // Directories asked for in the same turn of the event loop go out as one query.
  let queued: { dir: string; settle: (files: Promise<GitTreeEntry[]>) => void }[] = [];
  const flush = () => {
    const batch = queued;
    queued = [];
    const answer = port.directories(
      sha,
      batch.map((b) => b.dir),
    );
    for (const { dir, settle } of batch) {
      settle(
        answer.then(async (listings) => {
          const listing = listings.get(dir);
          if (!listing) return [];
          const deeper = await Promise.all(listing.deeper.map(listDirectory));
          return [...listing.files, ...deeper.flat()];
        }),
      );
    }
  };
  const listDirectory = (dir: string): Promise<GitTreeEntry[]> =>
    new Promise((resolve, reject) => {
      if (queued.length === 0) setImmediate(flush);
      queued.push({ dir, settle: (files) => files.then(resolve, reject) });
    });

  const remember = (entries: GitTreeEntry[]) => {
    for (const e of entries) known.set(e.path, e);
    return entries;
  };
  const plain = ({ path, kind, size }: GitTreeEntry): TreeEntry => ({ path, kind, size });

  const list = async (dir: string): Promise<GitTreeEntry[]> => {
    if (dir === '' && !whole)
      whole = port.tree(sha).then((entries) => createPathIndex(remember(entries)));
    if (whole) return (await whole).under(dir);
    let pending = listings.get(dir);
    if (!pending) {
      pending = listDirectory(dir).then((files) => remember(files).sort(byPath));
      listings.set(dir, pending);
    }
    return pending;
  };

  const stat = async (path: string): Promise<GitTreeEntry | null> => {
    if (whole) {
      await whole;
      return known.get(path) ?? null;
    }
    const seen = known.get(path);
    if (seen) return seen;
    let pending = stats.get(path);
    if (!pending) {
      pending = port.readPath(sha, path).then((found) => {
        if (!found || found.kind === 'directory') return null;
        if (found.bytes && !blobs.has(found.sha))
          blobs.set(found.sha, Promise.resolve(found.bytes));
        const entry = { path, kind: found.kind, sha: found.sha, size: found.size };
        known.set(path, entry);
        return entry;
      });
      stats.set(path, pending);
    }
    return pending;
  };

  return {
    label,
    async list(dir) {
      return (await list(dir)).map(plain);
    },
    async stat(path) {
      const entry = await stat(path);
      return entry && plain(entry);
    },
    async open(path) {
      const entry = await stat(path);
      if (!entry) throw new Error(`${path} is not in ${label}`);
      let bytes = blobs.get(entry.sha);
      if (!bytes) {
        bytes = port.blob(entry.sha);
        blobs.set(entry.sha, bytes);
      }
      return fileSourceFromBytes(path, await bytes);
    },
  };
}
