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
