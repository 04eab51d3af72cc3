/**
 * The base of a change, reading every path the change leaves alone from the head instead: the
 * two commits hold the same bytes there, so each directory and file is fetched once.
 */
import type { RepositoryTree } from './tree.js';

export function readUnchangedFrom(
  base: RepositoryTree,
  head: RepositoryTree,
  /** Every path that may differ between the two. */
  changed: ReadonlySet<string>,
): RepositoryTree {
  const paths = [...changed];
  const touched = (dir: string) =>
    dir === '' ? paths.length > 0 : paths.some((p) => p === dir || p.startsWith(`${dir}/`));
  return {
    label: base.label,
    list: (dir) => (touched(dir) ? base.list(dir) : head.list(dir)),
    stat: (path) => (changed.has(path) ? base.stat(path) : head.stat(path)),
    open: (path) => (changed.has(path) ? base.open(path) : head.open(path)),
  };
}
