/** A directory on disk as a RepositoryTree. Symlinks are listed, never followed. */
import { lstatSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileSourceFromBytes, fileSourceFromPath } from '../readers/file-source.js';
import { createPathIndex } from './globs.js';
import type { RepositoryTree, TreeEntry } from './tree.js';

/** Files up to this size are read in one call. */
const WHOLE_FILE_BYTES = 256 * 1024;

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

export function createLocalTree(root: string, label = root): RepositoryTree {
  let cached: ReturnType<typeof walkAll> | null = null;
  const sizes = new Map<string, number>();
  const walkAll = () => {
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
        } else if (dirent.isFile()) {
          const size = lstatSync(full).size;
          sizes.set(path, size);
          out.push({ path, kind: 'file', size });
        }
      }
    };
    walk(root, '');
    return { index: createPathIndex(out), byPath: new Map(out.map((e) => [e.path, e])) };
  };
  const all = () => (cached ??= walkAll());
  return {
    label,
    async list(dir) {
      return all().index.under(dir);
    },
    async stat(path) {
      return all().byPath.get(path) ?? null;
    },
    async open(path) {
      // Small files are read whole, once; large ones are streamed and read in ranges.
      const size = sizes.get(path);
      if (size !== undefined && size <= WHOLE_FILE_BYTES) {
        return fileSourceFromBytes(path, new Uint8Array(await readFile(join(root, path))));
      }
      return fileSourceFromPath(join(root, path), path);
    },
  };
}
