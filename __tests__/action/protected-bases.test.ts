/**
 * The required check on a commit speaks for every protected base the commit could merge into:
 * which bases are protected, which check a judgment writes, and how runs order their writes.
 * In memory (the port); `__tests__/e2e/attacks.e2e.test.ts` replays the same attacks through the
 * bundled Action against the fake GitHub.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { judgeOnGitHub, type JudgeOptions } from '../../src/gate/judge-on-github.js';
import { judgeProtection } from '../../src/gate/protected-bases.js';
import { createMemoryPort } from '../../src/github/memory-port.js';
import type { PullRequest } from '../../src/github/port.js';
import { createLocalTree } from '../../src/repository/local-tree.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');

async function commitOf(dir: string): Promise<Map<string, Uint8Array>> {
  const tree = createLocalTree(join(EXAMPLES, dir));
  const files = new Map<string, Uint8Array>();
  for (const entry of await tree.list(''))
    files.set(entry.path, readFileSync(join(EXAMPLES, dir, entry.path)));
  return files;
}

function pull(number: number, fields: Partial<PullRequest>): PullRequest {
  return {
    number,
    state: 'open',
    draft: false,
    merged: false,
    author: 'dave-ml',
    headSha: 'head1',
    headRef: 'fr7-uplift',
    headRepo: 'acme/models',
    baseSha: 'base0',
    baseRef: 'main',
    defaultBranch: 'main',
    htmlUrl: `https://github.test/acme/models/pull/${number}`,
    ...fields,
  };
}

/**
 * #7 is the example pull request into `main`: frontier-7 crosses a threshold and is blocked.
 * #8 has the same head, into a branch that already holds that head: nothing changes, so it passes
 * (as a forged attestation "already on the base" would).
 */
async function setup() {
  const port = createMemoryPort();
  port.state.commits.set('base0', await commitOf('acme-models-base'));
  port.state.commits.set('head1', await commitOf('acme-models'));
  port.state.pulls.set(7, pull(7, {}));
  port.state.pulls.set(8, pull(8, { baseSha: 'head1', baseRef: 'forged', author: 'dave-ml' }));
  const judge = (number: number, extra: Partial<JudgeOptions> = {}) =>
    judgeOnGitHub({
      port,
      target: { kind: 'pull_request', number, reason: 'test' },
      policyPath: '.github/rsp-policy.yml',
      checkName: 'rsp-gate',
      mode: null,
      cardGlobs: null,
      fallbackPreset: null,
      now: new Date('2026-11-27T12:00:00Z'),
      repositoryUrl: 'https://github.test/acme/models',
      runUrl: null,
      log: () => undefined,
      ...extra,
    });
  const check = (name: string) =>
    port.state.checkRuns.findLast((r) => r.sha === 'head1' && r.name === name)?.updates.at(-1);
  return { port, judge, check };
}

describe('which bases are protected', () => {
  const none = { rulesetChecks: [], classic: { protected: false, requiredChecks: [] } };

  test('the default branch is protected without asking GitHub', () => {
    expect(judgeProtection('main', 'rsp-gate', 'main', null).protected).toBe(true);
  });

  test('a branch whose ruleset or classic protection requires the check is protected', () => {
    const ruleset = { ...none, rulesetChecks: [{ context: 'rsp-gate', ruleset: 'releases' }] };
    expect(judgeProtection('release/1', 'rsp-gate', 'main', ruleset)).toEqual({
      protected: true,
      why: 'ruleset “releases” requires `rsp-gate`',
    });
    const classic = { ...none, classic: { protected: true, requiredChecks: ['rsp-gate'] } };
    expect(judgeProtection('release/1', 'rsp-gate', 'main', classic).protected).toBe(true);
  });

  test('a branch nothing requires the check on is not protected, also when other checks are required', () => {
    expect(judgeProtection('forged', 'rsp-gate', 'main', none).protected).toBe(false);
    const other = {
      rulesetChecks: [{ context: 'build', ruleset: 'ci' }],
      classic: { protected: true, requiredChecks: ['rsp-gate (into forged)', 'lint'] },
    };
    expect(judgeProtection('forged', 'rsp-gate', 'main', other).protected).toBe(false);
  });

  test('when the gate cannot tell, the base is protected', () => {
    expect(judgeProtection('x', 'rsp-gate', 'main', null).protected).toBe(true);
    expect(
      judgeProtection('x', 'rsp-gate', 'main', { ...none, rulesetChecks: null }).protected,
    ).toBe(true);
    expect(judgeProtection('x', 'rsp-gate', 'main', { ...none, classic: null }).protected).toBe(
      true,
    );
    expect(
      judgeProtection('x', 'rsp-gate', 'main', {
        ...none,
        classic: { protected: true, requiredChecks: null },
      }).protected,
    ).toBe(true);
    expect(judgeProtection('x', 'rsp-gate', null, null).protected).toBe(true);
  });
});

describe('a second pull request sharing the head commit', () => {
  test('into an unprotected branch it is judged under its own check name; the required check stays red, in either order', async () => {
    for (const order of [
      [7, 8],
      [8, 7],
    ]) {
      const { judge, check } = await setup();
      for (const number of order) await judge(number);
      expect(check('rsp-gate'), `order ${order.join(',')}`).toMatchObject({
        status: 'completed',
        conclusion: 'failure',
      });
      expect(check('rsp-gate (into forged)')).toMatchObject({ conclusion: 'success' });
    }
  });

  test('into a branch a ruleset protects, the required check speaks for both and is red; its summary lists them', async () => {
    const { port, judge, check } = await setup();
    port.state.enforcement.set('forged', {
      rulesetChecks: [{ context: 'rsp-gate', ruleset: 'release branches' }],
      classic: { protected: false, requiredChecks: [] },
    });
    await judge(7);
    const second = await judge(8);
    expect(second.checkName).toBe('rsp-gate');
    expect(second.record.decision).toBe('pass');
    expect(second.conclusion).toBe('failure');
    const written = check('rsp-gate')!;
    expect(written).toMatchObject({ conclusion: 'failure' });
    expect(written.output.title).toBe('Blocked by pull request #7 into main');
    expect(written.output.summary).toContain('- #7 into `main`: blocked');
    expect(written.output.summary).toContain('- #8 into `forged`: passes');
    expect(port.state.comments.find((c) => c.issue === 8)!.body).toContain(
      'also speaks for pull request #7 into `main`',
    );
  });

  test('once the pull request into main is closed unmerged, its head’s required check fails closed', async () => {
    const { port, judge, check } = await setup();
    port.state.pulls.set(8, pull(8, { baseSha: 'base0', baseRef: 'main', headSha: 'base0' }));
    port.state.commits.set('head1', port.state.commits.get('base0')!); // #7 would now pass
    await judge(7);
    expect(check('rsp-gate')).toMatchObject({ conclusion: 'success' });
    port.state.pulls.get(7)!.state = 'closed';
    await judge(7);
    expect(check('rsp-gate')).toMatchObject({ conclusion: 'failure' });
    expect(check('rsp-gate')!.output.title).toBe(
      'Blocked: no open pull request into a protected base has this commit as its head',
    );
  });

  test('a merged pull request’s verdict stands on its head; the run only records it in the comment', async () => {
    const { port, judge, check } = await setup();
    port.state.commits.set('head1', port.state.commits.get('base0')!);
    await judge(7);
    const updates = port.state.checkRuns.find((r) => r.name === 'rsp-gate')!.updates.length;
    Object.assign(port.state.pulls.get(7)!, { state: 'closed', merged: true });
    await judge(7);
    expect(check('rsp-gate')).toMatchObject({ conclusion: 'success' });
    expect(port.state.checkRuns.find((r) => r.name === 'rsp-gate')!.updates).toHaveLength(updates);
    expect(port.state.comments[0]!.body).toContain('is closed; the result is recorded');
  });
});

describe('writes are ordered', () => {
  test('a run that read GitHub earlier does not overwrite a verdict written by one that read later', async () => {
    const { port, judge, check } = await setup();
    await judge(7, { clock: () => new Date('2026-11-27T12:05:00Z') });
    const updates = port.state.checkRuns.find((r) => r.name === 'rsp-gate')!.updates.length;
    const comments = port.state.calls.filter((c) => c.includes('comment')).length;
    await judge(7, { clock: () => new Date('2026-11-27T12:04:00Z') });
    expect(port.state.checkRuns.find((r) => r.name === 'rsp-gate')!.updates).toHaveLength(updates);
    expect(check('rsp-gate')!.externalId).toBe('rsp-gate:read-at=2026-11-27T12:05:00.000Z');
    expect(port.state.calls.filter((c) => c.includes('comment')).length).toBe(comments);
    await judge(7, { clock: () => new Date('2026-11-27T12:06:00Z') });
    expect(check('rsp-gate')!.externalId).toBe('rsp-gate:read-at=2026-11-27T12:06:00.000Z');
  });

  test('a run whose pull request moved to a new head while it judged leaves the comment to the run for that head', async () => {
    const { port, judge } = await setup();
    port.state.commits.set('head2', port.state.commits.get('head1')!);
    const original = port.pullRequest.bind(port);
    port.pullRequest = async (n) => {
      const pr = { ...(await original(n)) };
      port.state.pulls.get(7)!.headSha = 'head2'; // pushed while the run judges
      return pr;
    };
    await judge(7);
    expect(port.state.comments).toEqual([]);
    // head1 heads no open pull request any more: its required check fails closed.
    expect(port.state.checkRuns.find((r) => r.sha === 'head1')!.updates.at(-1)).toMatchObject({
      conclusion: 'failure',
      output: {
        title: 'Blocked: no open pull request into a protected base has this commit as its head',
      },
    });
  });
});

describe('a pull request that leaves its protected base', () => {
  test('retargeted from main to an unprotected branch, its head’s required check no longer speaks for main: it fails closed, as on closing', async () => {
    const { port, judge, check } = await setup();
    port.state.commits.set('head1', port.state.commits.get('base0')!); // #7 would now pass
    await judge(7);
    expect(check('rsp-gate')).toMatchObject({ conclusion: 'success' });
    Object.assign(port.state.pulls.get(7)!, { baseRef: 'forged', baseSha: 'head1' });
    const retargeted = await judge(7);
    expect(retargeted.checkName).toBe('rsp-gate (into forged)');
    expect(check('rsp-gate')).toMatchObject({ conclusion: 'failure' });
    expect(check('rsp-gate')!.output.title).toBe(
      'Blocked: no open pull request into a protected base has this commit as its head',
    );
  });

  test('while another open pull request with the head into main passes, the required check stays its verdict', async () => {
    const { port, judge, check } = await setup();
    port.state.commits.set('head1', port.state.commits.get('base0')!);
    port.state.pulls.set(8, pull(8, {}));
    await judge(7);
    expect(check('rsp-gate')).toMatchObject({ conclusion: 'success' });
    Object.assign(port.state.pulls.get(7)!, { baseRef: 'forged', baseSha: 'head1' });
    await judge(7);
    expect(check('rsp-gate')).toMatchObject({ conclusion: 'success' });
    expect(check('rsp-gate')!.output.summary).not.toContain('#7');
  });
});

describe('a run in progress holds its place', () => {
  test('a run of another pull request with the head, which read before a revocation, does not write a success while the revoking run judges', async () => {
    const { port, judge, check } = await setup();
    port.state.commits.set('head1', port.state.commits.get('base0')!); // #7 passes
    await judge(7, { clock: () => new Date('2026-11-27T12:00:00Z') });
    expect(check('rsp-gate')).toMatchObject({ conclusion: 'success' });

    // Pauses: #8's run (into `forged`, which re-judges the head's required check) stops just
    // before it writes, having read #7 as passing; #7's revoking run stops while it judges.
    const pause = () => {
      let release!: () => void;
      let reached!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const arrived = new Promise<void>((r) => (reached = r));
      return { release, arrived, wait: () => (reached(), released) };
    };
    const beforeWrite = pause();
    const whileJudging = pause();
    let readSeven = 0;
    const { conversation, findCheckRun } = port;
    port.conversation = async (n) => {
      if (n === 7 && ++readSeven === 2) await whileJudging.wait(); // #7's own run
      return conversation(n);
    };
    let armed = false;
    port.findCheckRun = async (sha, name) => {
      if (armed && name === 'rsp-gate') {
        armed = false;
        await beforeWrite.wait();
      }
      return findCheckRun(sha, name);
    };
    const originalOpen = port.openPullRequestsWithHead;
    port.openPullRequestsWithHead = async (sha, limit) => {
      const open = await originalOpen(sha, limit);
      armed = true; // #8's next look at the required check is its write
      return open;
    };

    const eight = judge(8, { clock: () => new Date('2026-11-27T12:01:00Z') });
    await beforeWrite.arrived;
    port.state.reviews.set(7, [
      {
        user: 'carol-ceo',
        state: 'CHANGES_REQUESTED',
        commit: 'head1',
        submittedAt: '2026-11-27T12:01:30Z',
      },
    ]);
    port.openPullRequestsWithHead = originalOpen;
    const seven = judge(7, { clock: () => new Date('2026-11-27T12:02:00Z') });
    await whileJudging.arrived;
    expect(check('rsp-gate')).toMatchObject({ status: 'in_progress' });
    beforeWrite.release();
    await eight;
    expect(check('rsp-gate')?.conclusion, 'no success while the revoking run judges').not.toBe(
      'success',
    );
    whileJudging.release();
    await seven;
    expect(check('rsp-gate')).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });
});
