/**
 * The measured child of the history benchmark: `judgeHistory` over the newest N first-parent
 * commits of the repository at argv[2]; prints what it judged as one JSON line.
 */
import { DEFAULT_POLICY_PATH } from '../src/gate/check-trees.js';
import { judgeHistory } from '../src/report/git-history.js';
import type { CommitSummary } from '../src/report/report-data.js';

const [root, limit] = process.argv.slice(2);
let blobReads = 0;
const summaries = await judgeHistory({
  root: root!,
  policyPath: DEFAULT_POLICY_PATH,
  limit: Number(limit),
  onBlobRead: () => blobReads++,
});

/** Model levels that differ from the previous commit's (the first commit counts none). */
function levelChanges(all: CommitSummary[]): number {
  let changes = 0;
  for (let i = 1; i < all.length; i++) {
    const before = all[i - 1]!.levels;
    for (const [id, levels] of Object.entries(all[i]!.levels)) {
      const was = before[id];
      if (was && (was.deployment !== levels.deployment || was.security !== levels.security))
        changes++;
    }
  }
  return changes;
}

process.stdout.write(
  `${JSON.stringify({
    commits: summaries.length,
    errors: summaries.filter((s) => s.error !== null).length,
    levelChanges: levelChanges(summaries),
    recordsKept: summaries.filter((s) => s.record !== null).length,
    blobReads,
  })}\n`,
);
