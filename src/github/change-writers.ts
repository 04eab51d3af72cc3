/**
 * Who wrote a pull request's change, as GitHub knows it: the commits of the comparison of its
 * base and head, and the co-authors GitHub resolves from their `Co-authored-by:` trailers.
 *
 * The commits come from the comparison (`GET /repos/{owner}/{repo}/compare/{base}...{head}`),
 * never from the pull request's own commit list, which GitHub cuts at 250 commits: unpaged, the
 * comparison too lists 250 at most, but paged it lists them all. The first, unpaged answer is the
 * one the gate already asks for the changed files, so a pull request of up to 250 commits costs
 * nothing more. Co-authors are asked of GraphQL (`Commit.authors`, which resolves each trailer's
 * email to an account) only for commits whose message mentions `Co-authored-by`, in any case: a
 * trailer GitHub reads always contains those words, so no co-author is missed by not asking.
 *
 * Whatever cannot be read whole becomes a reason in `unknown`, and then nobody may confirm an
 * independent item (core/independence.ts): a list GitHub cut short, more commits than the gate
 * reads, a commit GitHub does not return, more co-authors than one page.
 */
import { writersOf } from '../core/independence.js';
import type { ChangeWriters, CommitAuthorship } from '../core/inputs.js';
import type { CoAuthors, Comparison, GitHubPort } from './port.js';

/** The most commits a change may have for the gate to read who wrote it: 30 pages of 100. */
export const MAX_COMMITS = 3000;

const CO_AUTHORED = /co-authored-by/i;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The writers of `base...head`. `comparison` is GitHub's unpaged answer for the same two commits,
 * whose commits are used when it lists them all.
 */
export async function readChangeWriters(
  port: GitHubPort,
  base: string,
  head: string,
  comparison: Comparison,
): Promise<ChangeWriters> {
  const unknown: string[] = [];
  let commits = comparison.commits;
  const total = comparison.totalCommits;
  if (commits.length < total) {
    if (total > MAX_COMMITS) {
      unknown.push(
        `the pull request has ${count(total)} commits and the gate reads who wrote at most ${count(MAX_COMMITS)}`,
      );
      commits = [];
    } else {
      const listed = await port.comparisonCommits(base, head, MAX_COMMITS);
      commits = listed.commits;
      if (commits.length < listed.total)
        unknown.push(
          `GitHub listed ${count(commits.length)} of the ${count(listed.total)} commits of the pull request`,
        );
    }
  }

  const asked = commits.filter((c) => c.parents === 1 && CO_AUTHORED.test(c.message));
  const coAuthors =
    asked.length > 0
      ? await port.coAuthors(asked.map((c) => c.sha))
      : new Map<string, CoAuthors | null>();
  const authorships: CommitAuthorship[] = commits.map((c) => {
    let people: CommitAuthorship['coAuthors'] = [];
    if (coAuthors.has(c.sha)) {
      const found = coAuthors.get(c.sha)!;
      if (found === null)
        unknown.push(`GitHub did not return commit ${c.sha.slice(0, 7)} to read its co-authors`);
      else {
        if (!found.complete)
          unknown.push(
            `commit ${c.sha.slice(0, 7)} names more co-authors than GitHub lists in one page (100)`,
          );
        people = found.people;
      }
    }
    return { sha: c.sha, parents: c.parents, author: c.author, coAuthors: people };
  });
  return writersOf(authorships, unknown);
}
