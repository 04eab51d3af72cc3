/** A commit read through the API as a RepositoryTree: nothing is checked out or executed. */
import { fileSourceFromBytes } from '../readers/file-source.js';
import type { RepositoryTree, TreeEntry } from '../repository/tree.js';
import type { GitHubPort, GitTreeEntry } from './port.js';

export function createApiTree(
  port: GitHubPort,
  sha: string,
  label: string,
): RepositoryTree & { blobsRead(): number } {
  let listing: Promise<GitTreeEntry[]> | null = null;
  const blobs = new Map<string, Promise<Uint8Array>>();
  const list = () => (listing ??= port.tree(sha));
  return {
    label,
    async entries(): Promise<TreeEntry[]> {
      return (await list()).map(({ path, kind, size }) => ({ path, kind, size }));
    },
    async open(path) {
      const entry = (await list()).find((e) => e.path === path);
      if (!entry) throw new Error(`${path} is not in ${label}`);
      let bytes = blobs.get(entry.sha);
      if (!bytes) {
        bytes = port.blob(entry.sha);
        blobs.set(entry.sha, bytes);
      }
      return fileSourceFromBytes(path, await bytes);
    },
    blobsRead: () => blobs.size,
  };
}
