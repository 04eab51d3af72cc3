/**
 * Attacks on the App by a repository author who wants a model card merged without its approvals,
 * and by GitHub's own deliveries arriving in awkward orders: each is a way to get a green (or
 * neutral, which a required check counts as passing) `rsp-gate` the Action would not give, to
 * keep a stale one, or to make the App lose a judgment. Each test is what a reviewer would check
 * on GitHub: the check a pull request's merge box reads.
 */
import { describe, expect, it } from 'vitest';
import { BASE, bytes, createWorld, exampleFiles, HEAD, judgeJob, pull, text } from './app-world.js';

const SCRATCH = 's'.repeat(40);

/**
 * The example repository with its cards at `models/<name>/card.md`, a path the default card globs
 * do not match: its policy finds them with its own `discovery.cards`.
 */
async function cardsAtOwnPaths(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of await exampleFiles(dir)) {
    const moved = path.replace(/\/MODEL_CARD\.md$/, '/card.md');
    files.set(moved, bytes(text(data).replaceAll('MODEL_CARD.md', 'card.md')));
  }
  return files;
}

describe('the "not configured" neutral check', () => {
  it('a pull request into a branch without a policy does not turn the blocked head of a pull request into main neutral', async () => {
    // The author opens #7 into main (blocked: ASL-3 safeguards open), then #8 with the same head
    // into `scratch`, a branch they pushed without the policy file. #8's base is not configured.
    const w = createWorld();
    const base = await cardsAtOwnPaths('acme-models-base');
    const head = await cardsAtOwnPaths('acme-models');
    const scratch = new Map(base);
    scratch.delete('.github/rsp-policy.yml');
    w.port.state.commits.set(BASE, base);
    w.port.state.commits.set(HEAD, head);
    w.port.state.commits.set(SCRATCH, scratch);
    w.port.state.pulls.set(7, pull(7));
    w.port.state.pulls.set(8, pull(8, { baseSha: SCRATCH, baseRef: 'scratch' }));
    await w.handler(judgeJob([7, 8]));
    expect(w.shown()).toMatchObject({ status: 'completed', conclusion: 'failure' });
    // #8's own verdict is its own check, which no rule requires.
    expect(w.shown('rsp-gate (into scratch)')?.conclusion).toBe('neutral');
  });

  it('nor does one into a protected branch without a policy: the check on a shared head speaks for both', async () => {
    const w = createWorld();
    const base = await cardsAtOwnPaths('acme-models-base');
    const release = new Map(base);
    release.delete('.github/rsp-policy.yml');
    w.port.state.commits.set(BASE, base);
    w.port.state.commits.set(HEAD, await cardsAtOwnPaths('acme-models'));
    w.port.state.commits.set(SCRATCH, release);
    w.port.state.enforcement.set('release/1', {
      rulesetChecks: [{ context: 'rsp-gate', ruleset: 'releases' }],
      classic: { protected: false, requiredChecks: [] },
    });
    w.port.state.pulls.set(7, pull(7));
    w.port.state.pulls.set(8, pull(8, { baseSha: SCRATCH, baseRef: 'release/1' }));
    for (const order of [
      [7, 8],
      [8, 7],
    ]) {
      for (const number of order) await w.handler(judgeJob([number]));
      expect(w.shown(), `judged in the order ${order.join(', ')}`).toMatchObject({
        status: 'completed',
        conclusion: 'failure',
      });
    }
  });

  it('alone on its head, a pull request into a protected branch without any policy gets the neutral check', async () => {
    const w = createWorld();
    const plain = new Map([['README.md', bytes('hello\n')]]);
    w.port.state.commits.set(BASE, plain);
    w.port.state.commits.set(HEAD, new Map([...plain, ['docs.md', bytes('more\n')]]));
    w.port.state.pulls.set(7, pull(7));
    await w.handler(judgeJob([7]));
    expect(w.shown()).toMatchObject({ status: 'completed', conclusion: 'neutral' });
  });
});
