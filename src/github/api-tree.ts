/** A commit read through the API as a RepositoryTree: nothing is checked out or executed. */
import { fileSourceFromBytes } from '../readers/file-source.js';
import type { RepositoryTree, TreeEntry } from '../repository/tree.js';
import type { GitHubPort, GitTreeEntry } from './port.js';

/** Blob contents by git id; shared by the base and head trees, whose unchanged files share ids. */
export type BlobCache = Map<string, Promise<Uint8Array>>;

export function createApiTree(
  port: GitHubPort,
  sha: string,
  label: string,
  blobs: BlobCache = new Map(),
): RepositoryTree {
  let listing: Promise<Map<string, GitTreeEntry>> | null = null;
  const list = () =>
    (listing ??= port.tree(sha).then((entries) => new Map(entries.map((e) => [e.path, e]))));
  return {
    label,
    async entries(): Promise<TreeEntry[]> {
      return [...(await list()).values()].map(({ path, kind, size }) => ({ path, kind, size }));
    },
    async open(path) {
      const entry = (await list()).get(path);
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
