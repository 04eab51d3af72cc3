/**
 * A commit read through the API as a RepositoryTree: nothing is checked out or executed. The
 * whole tree is listed only when asked for (`list('')`); otherwise directories are listed on
 * demand, all those asked for in the same turn in one GraphQL query, and single files are read
 * by path.
 */
import { fileSourceFromBytes } from '../readers/file-source.js';
import { createPathIndex } from '../repository/globs.js';
import type { RepositoryTree, TreeEntry } from '../repository/tree.js';
import { createBatcher } from './batch.js';
import type { GitHubPort, GitTreeEntry } from './port.js';

/** Files this small are fetched as text, many to a query; larger ones one by one. */
const TEXT_BLOB_BYTES = 64 * 1024;

/**
 * Blob contents by git id, each fetched once: shared by the base and head trees, whose unchanged
 * files share ids. Small blobs asked for together come in one query.
 */
export interface BlobReader {
  read(sha: string, size: number): Promise<Uint8Array>;
  /** Bytes that came with another answer (a file read by path). */
  remember(sha: string, bytes: Uint8Array): void;
}

export function createBlobReader(port: GitHubPort): BlobReader {
  const cache = new Map<string, Promise<Uint8Array>>();
  const text = createBatcher((shas: string[]) => port.textBlobs(shas), 100);
  return {
    read(sha, size) {
      let pending = cache.get(sha);
      if (!pending) {
        pending =
          size <= TEXT_BLOB_BYTES
            ? text(sha).then((bytes) => bytes ?? port.blob(sha))
            : port.blob(sha);
        cache.set(sha, pending);
      }
      return pending;
    },
    remember(sha, bytes) {
      if (!cache.has(sha)) cache.set(sha, Promise.resolve(bytes));
    },
  };
}

const byPath = (a: { path: string }, b: { path: string }) =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

export function createApiTree(
  port: GitHubPort,
  sha: string,
  label: string,
  blobs: BlobReader = createBlobReader(port),
): RepositoryTree {
  let whole: Promise<ReturnType<typeof createPathIndex<GitTreeEntry>>> | null = null;
  const listings = new Map<string, Promise<GitTreeEntry[]>>();
  const known = new Map<string, GitTreeEntry>();
  const stats = new Map<string, Promise<GitTreeEntry | null>>();

  // Directories asked for in the same turn of the event loop go out as one query.
  const directory = createBatcher((dirs: string[]) => port.directories(sha, dirs), 50);
  const listDirectory = async (dir: string): Promise<GitTreeEntry[]> => {
    const listing = await directory(dir);
    if (!listing) return [];
    const deeper = await Promise.all(listing.deeper.map(listDirectory));
    return [...listing.files, ...deeper.flat()];
  };

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
        if (found.bytes) blobs.remember(found.sha, found.bytes);
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
      return fileSourceFromBytes(path, await blobs.read(entry.sha, entry.size));
    },
  };
}
