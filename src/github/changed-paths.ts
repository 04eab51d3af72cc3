/**
 * Every path that may differ between a pull request's base and head, from GitHub's comparisons.
 * A comparison lists what changed since the merge base; when the base branch has moved on since,
 * its own changes are added from the other direction. Null when GitHub cannot list them all.
 */
import type { Comparison, GitHubPort } from './port.js';

/** `forward`: GitHub's comparison of `base...head`, when the caller has already asked for it. */
export async function changedPaths(
  port: GitHubPort,
  base: string,
  head: string,
  forward?: Comparison,
): Promise<Set<string> | null> {
  const paths = new Set<string>();
  const add = async (from: string, to: string, known?: Comparison) => {
    const comparison = known ?? (await port.compare(from, to));
    for (const f of comparison.files) {
      paths.add(f.path);
      if (f.previousPath !== null) paths.add(f.previousPath);
    }
    return comparison;
  };
  const ahead = await add(base, head, forward);
  if (!ahead.complete) return null;
  if (ahead.mergeBase !== base && !(await add(head, base)).complete) return null;
  return paths;
}
