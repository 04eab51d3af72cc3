/**
 * Properties of who wrote a change that a reviewer relies on, at an edge the mutation run found
 * untested (change-writers.test.ts holds the others): a merge commit's `Co-authored-by:` trailers
 * are never read, so a merge whose co-authors GitHub cannot list whole does not stop anyone from
 * confirming an independent safeguard.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { readChangeWriters } from '../../src/github/change-writers.js';
import { createOctokitPort } from '../../src/github/octokit-port.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

/** A SHA whose short form is the number: `0000001aaa…`. */
const sha = (n: number) => n.toString(16).padStart(7, '0').padEnd(40, 'a');
const BASE = 'b'.repeat(40);
const FILES = { 'README.md': 'models\n' };

describe('a merge commit’s trailers', () => {
  let gh: FakeGitHub | undefined;
  afterEach(async () => {
    if (!gh) return;
    expect(gh.violations, 'every request must match GitHub’s API description').toEqual([]);
    await gh.close();
    gh = undefined;
  });

  test('an Update-branch merge naming more co-authors than GitHub lists in a page leaves every writer known', async () => {
    gh = await startFakeGitHub({
      tokens: { ghs_bot: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } },
    });
    const [C1, MAIN2, MERGE] = [1, 2, 3].map(sha) as [string, string, string];
    gh.state.addCommit(BASE, FILES, undefined, { author: 'carol' });
    gh.state.addCommit(C1, { ...FILES, a: '1' }, BASE, { author: 'alice' });
    gh.state.addCommit(MAIN2, { ...FILES, b: '1' }, BASE, { author: 'carol' });
    // dave merges the base in; the merge message carries the base's many trailers along.
    gh.state.addCommit(MERGE, { ...FILES, a: '1', b: '1' }, [C1, MAIN2], {
      author: 'dave',
      message: "Merge branch 'main' into rsp/pr-12",
      coAuthors: Array.from({ length: 101 }, (_, i) => `helper-${i + 1}`),
    });
    gh.state.setBranch('main', MAIN2);
    const port = createOctokitPort({
      token: 'ghs_bot',
      owner: 'acme',
      repo: 'models',
      apiUrl: gh.apiUrl,
      graphqlUrl: gh.graphqlUrl,
    });
    const read = await readChangeWriters(port, MAIN2, MERGE, await port.compare(MAIN2, MERGE));
    expect(read.unknown).toEqual([]);
    expect(read.people).toEqual([{ login: 'alice', authored: [C1], coAuthored: [] }]);
  });
});
