/**
 * Real git object ids and tree listings for the fake: blobs hash as `blob <len>\0<bytes>`, trees
 * as git writes them, so every sha the fake serves is the one git would compute.
 */
import { createHash } from 'node:crypto';

export type FileSpec =
  string | Uint8Array | { symlink: string } | { executable: string | Uint8Array };

export type GitMode = '100644' | '100755' | '120000' | '040000';

export interface TreeEntry {
  /** full path from the root */
  path: string;
  mode: GitMode;
  type: 'blob' | 'tree';
  sha: string;
  /** blobs only */
  size?: number;
}

export type GitObject =
  | { type: 'blob'; sha: string; content: Buffer }
  | { type: 'tree'; sha: string; entries: TreeEntry[] };

export interface Snapshot {
  treeSha: string;
  /** blob entries by path */
  files: Map<string, TreeEntry>;
  /** every entry, directories included, in git's recursive order (`ls-tree -r -t`) */
  listing: TreeEntry[];
}

function hashObject(type: string, content: Buffer): string {
  return createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest('hex');
}

export function gitBlobSha(content: Uint8Array | string): string {
  return hashObject('blob', Buffer.from(content));
}

function specToBlob(spec: FileSpec): { mode: GitMode; content: Buffer } {
  if (typeof spec === 'string' || spec instanceof Uint8Array) {
    return { mode: '100644', content: Buffer.from(spec) };
  }
  if ('symlink' in spec) return { mode: '120000', content: Buffer.from(spec.symlink) };
  return { mode: '100755', content: Buffer.from(spec.executable) };
}

interface Dir {
  dirs: Map<string, Dir>;
  blobs: Map<string, { mode: GitMode; sha: string; size: number }>;
}

/** Git's tree order: byte order of names, a directory compared as `name/`. */
function gitOrder(a: { name: string; tree: boolean }, b: { name: string; tree: boolean }): number {
  const ka = Buffer.from(a.tree ? `${a.name}/` : a.name);
  const kb = Buffer.from(b.tree ? `${b.name}/` : b.name);
  return Buffer.compare(ka, kb);
}

/**
 * Writes the blobs and trees of `files` into `store` and returns the root tree's sha, its blob
 * entries and its recursive listing.
 */
export function writeSnapshot(
  files: Record<string, FileSpec>,
  store: Map<string, GitObject>,
): Snapshot {
  const root: Dir = { dirs: new Map(), blobs: new Map() };
  for (const [rawPath, spec] of Object.entries(files)) {
    const parts = rawPath.replace(/^\/+/, '').split('/');
    if (parts.some((p) => p === '' || p === '.' || p === '..'))
      throw new Error(`bad path ${rawPath}`);
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      let next = dir.dirs.get(part);
      if (!next) {
        next = { dirs: new Map(), blobs: new Map() };
        dir.dirs.set(part, next);
      }
      dir = next;
    }
    const { mode, content } = specToBlob(spec);
    const sha = gitBlobSha(content);
    store.set(sha, { type: 'blob', sha, content });
    dir.blobs.set(parts.at(-1)!, { mode, sha, size: content.length });
  }
  const filesByPath = new Map<string, TreeEntry>();
  const writeDir = (dir: Dir, prefix: string): { sha: string; listing: TreeEntry[] } => {
    const names = [
      ...[...dir.dirs.keys()].map((name) => ({ name, tree: true })),
      ...[...dir.blobs.keys()].map((name) => ({ name, tree: false })),
    ].sort(gitOrder);
    const listing: TreeEntry[] = [];
    const direct: TreeEntry[] = [];
    const raw: Buffer[] = [];
    for (const { name, tree } of names) {
      const path = prefix + name;
      if (tree) {
        const sub = writeDir(dir.dirs.get(name)!, `${path}/`);
        const entry: TreeEntry = { path, mode: '040000', type: 'tree', sha: sub.sha };
        direct.push(entry);
        listing.push(entry, ...sub.listing);
        raw.push(Buffer.from(`40000 ${name}\0`), Buffer.from(sub.sha, 'hex'));
      } else {
        const blob = dir.blobs.get(name)!;
        const entry: TreeEntry = {
          path,
          mode: blob.mode,
          type: 'blob',
          sha: blob.sha,
          size: blob.size,
        };
        direct.push(entry);
        listing.push(entry);
        filesByPath.set(path, entry);
        raw.push(Buffer.from(`${blob.mode} ${name}\0`), Buffer.from(blob.sha, 'hex'));
      }
    }
    const sha = hashObject('tree', Buffer.concat(raw));
    // Stored with paths relative to this tree, as the API lists a subtree.
    store.set(sha, {
      type: 'tree',
      sha,
      entries: listing.map((e) => ({ ...e, path: e.path.slice(prefix.length) })),
    });
    return { sha, listing };
  };
  const { sha, listing } = writeDir(root, '');
  return { treeSha: sha, files: filesByPath, listing };
}

/** A stored tree's entries; `recursive: false` keeps only its direct children. */
export function treeEntries(
  tree: Extract<GitObject, { type: 'tree' }>,
  recursive: boolean,
): TreeEntry[] {
  return recursive ? tree.entries : tree.entries.filter((e) => !e.path.includes('/'));
}

/** An entry's mode as the number GraphQL's `TreeEntry.mode` gives (`100644` → 33188). */
export function modeNumber(mode: GitMode): number {
  return Number.parseInt(mode, 8);
}

/** The entry at `path` (a file, a symlink or a directory) in a snapshot; undefined if absent. */
export function entryAt(snapshot: Snapshot, path: string): TreeEntry | undefined {
  return snapshot.listing.find((e) => e.path === path);
}

/** The entries directly inside directory `dir` (`''` is the root), in git's order. */
export function childrenOf(snapshot: Snapshot, dir: string): TreeEntry[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  return snapshot.listing.filter(
    (e) => e.path.startsWith(prefix) && !e.path.slice(prefix.length).includes('/'),
  );
}

/**
 * Where a symlink at `linkPath` with `target` points, as a path from the repository root; null
 * when it leaves the repository (an absolute target, or `..` above the root).
 */
export function symlinkTarget(linkPath: string, target: string): string | null {
  if (target.startsWith('/')) return null;
  const parts = linkPath.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** Base64 as GitHub's blob API sends it: lines of 60 characters, each ending in `\n`. */
export function githubBase64(content: Buffer): string {
  const b64 = content.toString('base64');
  if (b64 === '') return '';
  return `${b64.match(/.{1,60}/g)!.join('\n')}\n`;
}

/** Git's own test: a NUL in the first 8000 bytes makes a blob binary. */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

function lines(content: Buffer): string[] {
  const text = content.toString('utf8');
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

/** Lines added and removed between two versions (a real LCS; approximate beyond 4M cells). */
export function lineChanges(
  before: Buffer | null,
  after: Buffer | null,
): { additions: number; deletions: number } {
  if ((before && isBinary(before)) || (after && isBinary(after)))
    return { additions: 0, deletions: 0 };
  let a = before ? lines(before) : [];
  let b = after ? lines(after) : [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  a = a.slice(start, endA);
  b = b.slice(start, endB);
  let common: number;
  if (a.length * b.length <= 4_000_000) {
    let prev = new Uint32Array(b.length + 1);
    let row = new Uint32Array(b.length + 1);
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
      }
      [prev, row] = [row, prev];
    }
    common = prev[b.length]!;
  } else {
    const counts = new Map<string, number>();
    for (const line of a) counts.set(line, (counts.get(line) ?? 0) + 1);
    common = 0;
    for (const line of b) {
      const n = counts.get(line) ?? 0;
      if (n > 0) {
        common++;
        counts.set(line, n - 1);
      }
    }
  }
  return { additions: b.length - common, deletions: a.length - common };
}

export interface FileChange {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'changed';
  previous_filename?: string;
  /** the blob at the head (for a removed file, the blob it had) */
  sha: string;
  additions: number;
  deletions: number;
  changes: number;
}

function blobContent(store: Map<string, GitObject>, sha: string): Buffer {
  const object = store.get(sha);
  if (!object || object.type !== 'blob') throw new Error(`missing blob ${sha}`);
  return object.content;
}

/**
 * The files a pull request changes, as GitHub lists them: by path, with exact renames (same
 * blob, one path gone and one new) reported as `renamed` and mode-only changes as `changed`.
 */
export function diffSnapshots(
  base: Snapshot,
  head: Snapshot,
  store: Map<string, GitObject>,
): FileChange[] {
  const changes: FileChange[] = [];
  const removed = new Map<string, TreeEntry>();
  const added: TreeEntry[] = [];
  for (const [path, before] of base.files) {
    const after = head.files.get(path);
    if (!after) removed.set(path, before);
    else if (after.sha !== before.sha) {
      const { additions, deletions } = lineChanges(
        blobContent(store, before.sha),
        blobContent(store, after.sha),
      );
      changes.push({
        filename: path,
        status: 'modified',
        sha: after.sha,
        additions,
        deletions,
        changes: additions + deletions,
      });
    } else if (after.mode !== before.mode) {
      changes.push({
        filename: path,
        status: 'changed',
        sha: after.sha,
        additions: 0,
        deletions: 0,
        changes: 0,
      });
    }
  }
  for (const [path, after] of head.files) if (!base.files.has(path)) added.push(after);
  for (const after of added) {
    const source = [...removed.values()].find((r) => r.sha === after.sha);
    if (source) {
      removed.delete(source.path);
      changes.push({
        filename: after.path,
        status: 'renamed',
        previous_filename: source.path,
        sha: after.sha,
        additions: 0,
        deletions: 0,
        changes: 0,
      });
      continue;
    }
    const { additions } = lineChanges(null, blobContent(store, after.sha));
    changes.push({
      filename: after.path,
      status: 'added',
      sha: after.sha,
      additions,
      deletions: 0,
      changes: additions,
    });
  }
  for (const before of removed.values()) {
    const { deletions } = lineChanges(blobContent(store, before.sha), null);
    changes.push({
      filename: before.path,
      status: 'removed',
      sha: before.sha,
      additions: 0,
      deletions,
      changes: deletions,
    });
  }
  return changes.sort((a, b) => Buffer.compare(Buffer.from(a.filename), Buffer.from(b.filename)));
}
