/** A repository's files as the gate sees them: a local directory, or a commit read through the API. */
import { InputError } from '../core/errors.js';
import type { FileSource } from '../core/evidence.js';

export interface TreeEntry {
  /** Repository-relative, forward slashes, no leading `./`. */
  path: string;
  kind: 'file' | 'symlink';
  size: number;
  /**
   * The content's id when the tree knows it (a git blob id): equal ids are equal bytes, so a
   * parse of one can stand for the other (`LoadOptions.cache`).
   */
  id?: string;
}

export interface RepositoryTree {
  /** Shown in messages, e.g. `examples/acme` or `main@3f9e2d1`. */
  readonly label: string;
  /** Every file under `dir` (`''` is the whole tree), recursively, sorted by path. */
  list(dir: string): Promise<TreeEntry[]>;
  /** The file at `path`, or null when there is none there (absent, or a directory). */
  stat(path: string): Promise<TreeEntry | null>;
  /** A source for a regular file that `list` or `stat` found. */
  open(path: string): Promise<FileSource>;
}

/** Links are never followed: `what` (e.g. "model card") is refused, with how to fix it. */
export function refuseLink(entry: TreeEntry, what: string, hint: string): void {
  if (entry.kind === 'symlink')
    throw new InputError(
      'symlink',
      `${what} is a symbolic link; rsp-gate does not follow links`,
      { file: entry.path },
      hint,
    );
}
