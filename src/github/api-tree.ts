/**
 * Commits read through the API as RepositoryTrees: nothing is checked out or executed. The whole
 * tree is listed only when asked for (`list('')`); otherwise directories are listed on demand and
 * a file is found through its directory. What is asked for in the same turn of the event loop
 * goes out together: directories of both commits in one GraphQL query, small files a hundred to
 * a query. A `GitReader` holds what base and head share: blobs by id, listings by commit.
 */
import { fileSourceFromBytes } from '../readers/file-source.js';
import { byPath, createPathIndex, directoryOf } from '../repository/globs.js';
import type { RepositoryTree } from '../repository/tree.js';
import { createBatcher } from './batch.js';
import type { DirectoryListing, GitHubPort, GitTreeEntry } from './port.js';

/** Files this small are fetched as text, many to a query; larger ones one by one. */
const TEXT_BLOB_BYTES = 64 * 1024;

/** Directory levels a listing expands; a file's own directory needs one. */
const DEEP = 4;
const SHALLOW = 1;

/** Up to this many files asked for together are read by path, one request each with its bytes. */
const BY_PATH = 4;

export interface GitReader {
  /** A blob's bytes, fetched once whichever tree asks. */
  blob(sha: string, size: number): Promise<Uint8Array>;
  /** The file at a path of a commit (a file or a link), or null. */
  entry(commit: string, path: string): Promise<GitTreeEntry | null>;
  /** A directory of a commit, down to `depth` levels; null when it is not there. */
  directory(commit: string, dir: string, depth: number): Promise<DirectoryListing | null>;
}

export function createGitReader(port: GitHubPort): GitReader {
  const blobs = new Map<string, Promise<Uint8Array>>();
  const text = createBatcher((shas: string[]) => port.textBlobs(shas), 100);
  const directories = new Map<string, Promise<DirectoryListing | null>>();
  type Request = { commit: string; dir: string; depth: number };
  const list = createBatcher(async (requests: Request[]) => {
    const answers = await port.directories(requests);
    return new Map(requests.map((r, i) => [r, answers[i] ?? null]));
  }, 50);
  const directory = (commit: string, dir: string, depth: number) => {
    const key = `${depth} ${commit}:${dir}`;
    let pending = directories.get(key);
    if (!pending) {
      pending = list({ commit, dir, depth });
      directories.set(key, pending);
    }
    return pending;
  };
  // A few files are read by path: one request each, which brings the bytes too. Many are found
  // through their directories instead, all in one query, and their bytes come in the next.
  type Path = { commit: string; path: string };
  const byPath = async (p: Path): Promise<GitTreeEntry | null> => {
    const read = await port.readPath(p.commit, p.path);
    if (!read || read.kind === 'directory') return null;
    if (read.bytes && !blobs.has(read.sha)) blobs.set(read.sha, Promise.resolve(read.bytes));
    return { path: p.path, kind: read.kind, sha: read.sha, size: read.size };
  };
  const throughDirectory = async (p: Path): Promise<GitTreeEntry | null> => {
    const listing = await directory(p.commit, directoryOf(p.path), SHALLOW);
    // A listing GitHub may have cut short cannot say a file is absent: ask for the path itself.
    if (listing?.capped) return byPath(p);
    return listing?.files.find((e) => e.path === p.path) ?? null;
  };
  const entries = createBatcher(async (paths: Path[]) => {
    const find = paths.length <= BY_PATH ? byPath : throughDirectory;
    const found = await Promise.all(paths.map(find));
    return new Map(paths.map((p, i) => [p, found[i] ?? null]));
  }, 1000);
  return {
    entry: (commit, path) => entries({ commit, path }),
    blob(sha, size) {
      let pending = blobs.get(sha);
      if (!pending) {
        pending =
          size <= TEXT_BLOB_BYTES
            ? text(sha).then((bytes) => bytes ?? port.blob(sha))
            : port.blob(sha);
        blobs.set(sha, pending);
      }
      return pending;
    },
    directory,
  };
}

export function createApiTree(
  port: GitHubPort,
  sha: string,
  label: string,
  reader: GitReader = createGitReader(port),
): RepositoryTree {
  type Whole = { byPath: Map<string, GitTreeEntry>; index: { under(dir: string): GitTreeEntry[] } };
  let whole: Promise<Whole> | null = null;
  const wholeTree = () =>
    (whole ??= port.tree(sha).then((entries) => ({
      byPath: new Map(entries.map((e) => [e.path, e])),
      index: createPathIndex(entries),
    })));
  const listings = new Map<string, Promise<GitTreeEntry[]>>();
  const known = new Map<string, GitTreeEntry>();
  const stats = new Map<string, Promise<GitTreeEntry | null>>();

  const listDirectory = async (dir: string): Promise<GitTreeEntry[]> => {
    const listing = await reader.directory(sha, dir, DEEP);
    if (!listing) return [];
    if (listing.capped) return (await wholeTree()).index.under(dir);
    const deeper = await Promise.all(listing.deeper.map(listDirectory));
    return [...listing.files, ...deeper.flat()];
  };

  const list = async (dir: string): Promise<GitTreeEntry[]> => {
    if (dir === '' || whole) return (await wholeTree()).index.under(dir);
    let pending = listings.get(dir);
    if (!pending) {
      pending = listDirectory(dir).then((files) => {
        for (const e of files) known.set(e.path, e);
        return files.sort(byPath);
      });
      listings.set(dir, pending);
    }
    return pending;
  };

  const stat = async (path: string): Promise<GitTreeEntry | null> => {
    if (whole) return (await whole).byPath.get(path) ?? null;
    const seen = known.get(path);
    if (seen) return seen;
    let pending = stats.get(path);
    if (!pending) {
      pending = reader.entry(sha, path);
      stats.set(path, pending);
    }
    return pending;
  };

  return {
    label,
    async list(dir) {
      return (await list(dir)).map(({ path, kind, size }) => ({ path, kind, size }));
    },
    async stat(path) {
      const entry = await stat(path);
      return entry && { path: entry.path, kind: entry.kind, size: entry.size };
    },
    async open(path) {
      const entry = await stat(path);
      if (!entry) throw new Error(`${path} is not in ${label}`);
      return fileSourceFromBytes(path, await reader.blob(entry.sha, entry.size));
    },
  };
}
