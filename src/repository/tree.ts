/** A repository's files as the gate sees them: a local directory now, the GitHub API later. */
import type { FileSource } from '../core/evidence.js';

export interface TreeEntry {
  /** Repository-relative, forward slashes, no leading `./`. */
  path: string;
  kind: 'file' | 'symlink';
  size: number;
}

export interface RepositoryTree {
  /** Shown in messages, e.g. `examples/acme` or `main@3f9e2d1`. */
  readonly label: string;
  entries(): Promise<TreeEntry[]>;
  /** A source for a regular file listed by `entries`. */
  open(path: string): Promise<FileSource>;
}
