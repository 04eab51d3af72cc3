/** A directory on disk as a RepositoryTree. Symlinks are listed, never followed. */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileSourceFromPath } from '../readers/file-source.js';
import type { RepositoryTree, TreeEntry } from './tree.js';

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

export function createLocalTree(root: string, label = root): RepositoryTree {
  let cached: TreeEntry[] | null = null;
  return {
    label,
    async entries() {
      if (cached) return cached;
      const out: TreeEntry[] = [];
      const walk = (dir: string, prefix: string) => {
        for (const dirent of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
          a.name.localeCompare(b.name),
        )) {
          const path = prefix ? `${prefix}/${dirent.name}` : dirent.name;
          const full = join(dir, dirent.name);
          if (dirent.isSymbolicLink()) out.push({ path, kind: 'symlink', size: 0 });
          else if (dirent.isDirectory()) {
            if (!SKIPPED_DIRECTORIES.has(dirent.name)) walk(full, path);
          } else if (dirent.isFile()) out.push({ path, kind: 'file', size: lstatSync(full).size });
        }
      };
      walk(root, '');
      cached = out;
      return out;
    },
    open(path) {
      return fileSourceFromPath(join(root, path), path);
    },
  };
}
