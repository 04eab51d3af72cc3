/** Globs that stay inside the repository. */
import picomatch from 'picomatch';
import { posix } from 'node:path';

/** Why a glob or path would leave the repository, or null when it stays inside. */
export function escapesRepository(pattern: string): string | null {
  if (pattern.startsWith('/') || /^[A-Za-z]:[\\/]/.test(pattern))
    return 'absolute paths are not allowed';
  if (pattern.includes('\\')) return 'use forward slashes';
  if (pattern.split('/').some((segment) => segment === '..'))
    return '`..` may not leave the repository';
  return null;
}

/** Join a path relative to `dir` and normalise it; null when the result leaves the repository. */
export function resolveInside(dir: string, relative: string): string | null {
  if (relative.startsWith('/') || relative.includes('\\')) return null;
  const joined = posix.normalize(posix.join(dir || '.', relative));
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return null;
  return joined === '.' ? '' : joined;
}

export function createMatcher(patterns: string[]): (path: string) => boolean {
  const matchers = patterns.filter((p) => p.length > 0).map((p) => picomatch(p, { dot: true }));
  return (path) => matchers.some((m) => m(path));
}

/** Order by path, as git and the path index do (code-unit order). */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The directory a repository path is in; `''` for the root. */
export function directoryOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? '' : dir;
}

/** Paths sorted once, so the files under a directory are found by binary search, not a scan. */
export function createPathIndex<T extends { path: string }>(
  entries: T[],
): { sorted: T[]; under(prefix: string): T[] } {
  const sorted = [...entries].sort(byPath);
  const lowerBound = (key: string) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.path < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    sorted,
    /** Entries equal to `prefix` or under `prefix/` (everything for ''). */
    under(prefix: string): T[] {
      if (prefix === '') return sorted;
      const start = lowerBound(prefix);
      const out: T[] = [];
      for (let i = start; i < sorted.length; i++) {
        const path = sorted[i]!.path;
        if (path === prefix || path.startsWith(`${prefix}/`)) out.push(sorted[i]!);
        else if (path > `${prefix}/\uffff`) break;
      }
      return out;
    },
  };
}

/** The directory a glob cannot reach outside of (picomatch's static base). */
export function globBase(glob: string): string {
  const { base, isGlob } = picomatch.scan(glob);
  return isGlob ? base : directoryOf(glob);
}
