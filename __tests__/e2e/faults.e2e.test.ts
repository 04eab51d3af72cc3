/**
 * API faults against the local GitHub: transient errors are retried, rate limits are waited out
 * within a bound, and anything that cannot be recovered ends in a failed check that says what to
 * do — never a green check, never a silent skip.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import { buildPullRequestTargetEvent } from '../github/webhooks.js';
import { runAction, fakeGitHubClock } from './run-action.js';
import { exampleTexts } from '../helpers/example-files.js';

const BASE = 'b'.repeat(40);
const HEAD = '1'.repeat(40);
const pr = {
  repo: { owner: 'acme', name: 'models' },
  number: 7,
  headSha: HEAD,
  baseSha: BASE,
  author: 'dave-ml',
};
const opened = () => ({
  name: 'pull_request_target',
  payload: buildPullRequestTargetEvent('opened', pr),
});

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub({
    now: fakeGitHubClock(),
    tokens: { ghs_bot: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } },
  });
  gh.state.addCommit(BASE, await exampleTexts('acme-models-base'));
  gh.state.addCommit(HEAD, await exampleTexts('acme-models'), BASE);
  gh.state.openPullRequest({
    number: 7,
    author: 'dave-ml',
    head: HEAD,
    base: BASE,
    baseRef: 'main',
  });
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const checks = () => gh.state.checkRuns(HEAD).filter((r) => r.name === 'rsp-gate');
const botComments = () =>
  gh.state.comments(7).filter((c) => c.author.login === 'github-actions[bot]');

describe('transient failures are retried', () => {
  test.each([500, 502, 503])('a %i answer, then success', async (status) => {
    gh.state.failNext({
      method: 'GET',
      path: /\/git\/trees\//,
      status,
      body: { message: 'Server Error' },
    });
    const run = await runAction(gh, opened());
    expect(run.outputs.decision).toBe('block'); // the real verdict, reached after the retry
    expect(
      gh.requests.filter((r) => r.path.includes('/git/trees/') && r.status === status),
    ).toHaveLength(1);
    expect(checks().at(-1)!.conclusion).toBe('failure');
    expect(checks().at(-1)!.output.title).toMatch(/^Blocked: acme\/frontier-7/);
  });

  test('a reset connection, then success', async () => {
    gh.state.resetConnectionNext(/\/pulls\/7$/);
    const run = await runAction(gh, opened());
    expect(run.outputs.decision).toBe('block');
  });

  test('a request that never answers times out and is retried', { timeout: 20_000 }, async () => {
    // The Action reads the head and base trees through /git/trees/: the first such request hangs.
    gh.state.hangNext(/\/git\/trees\//);
    const run = await runAction(gh, opened(), {}, 'ghs_bot', { RSP_GATE_HTTP_TIMEOUT_MS: '1500' });
    expect(run.outputs.decision).toBe('block'); // the real verdict, reached after the retry
    const trees = gh.requests.filter((r) => r.path.includes('/git/trees/'));
    const [hung, ...rest] = trees;
    expect(hung?.status, 'the first tree request was never answered').toBe(0);
    // The same request again, answered: the client gave up on the hung one and retried it.
    expect(rest.find((r) => r.path === hung!.path)?.status).toBe(200);
    expect(rest.every((r) => r.status === 200)).toBe(true);
    expect(checks().at(-1)!.output.title).toMatch(/^Blocked: acme\/frontier-7/);
  });
});

describe('rate limits', () => {
  test('a secondary rate limit with Retry-After is waited out', async () => {
    gh.state.failNext({
      method: 'GET',
      path: /\/compare\//,
      status: 403,
      headers: { 'retry-after': '1' },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
    });
    const run = await runAction(gh, opened());
    expect(run.outputs.decision).toBe('block');
    expect(run.stdout).toContain('secondary rate limit on GET');
  });

  test('a primary rate limit is waited out until the reset', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    gh.state.failNext({
      method: 'GET',
      path: /\/comments$/,
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { message: 'API rate limit exceeded for installation ID 1.' },
    });
    const run = await runAction(gh, opened());
    expect(run.outputs.decision).toBe('block');
    expect(run.stdout).toContain('rate limit hit on GET');
  });

  test('a rate limit longer than the gate will wait fails closed with what to do', async () => {
    gh.state.failNext({
      method: 'GET',
      path: /\/compare\//,
      status: 403,
      headers: { 'retry-after': '3600' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    const run = await runAction(gh, opened());
    expect(run.code).toBe(1);
    expect(run.outputs.decision).toBe('error');
    expect(checks().at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(checks().at(-1)!.output.title).toBe('rsp-gate could not finish: failing closed');
  });
});

describe('unrecoverable failures fail closed', () => {
  test('GitHub keeps failing: the check fails and says to re-run', async () => {
    gh.state.failNext({
      method: 'GET',
      path: /\/compare\//,
      status: 502,
      times: 20,
      body: { message: 'Bad Gateway' },
    });
    const run = await runAction(gh, opened());
    expect(run.code).toBe(1);
    expect(run.outputs.decision).toBe('error');
    const check = checks().at(-1)!;
    expect(check.conclusion).toBe('failure');
    expect(check.output.summary).toMatch(
      /HTTP 502.*GitHub kept failing after retries; re-run the workflow\./s,
    );
    expect(check.output.summary).toContain('/rsp-gate recheck');
  });

  test('a deleted pull request: a clear message, and the check on the event’s head fails', async () => {
    gh.state.failNext({
      method: 'GET',
      path: /\/pulls\/7$/,
      status: 404,
      times: 5,
      body: { message: 'Not Found' },
    });
    const run = await runAction(gh, opened());
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::rsp-gate could not finish: GET pull request #7 failed \(HTTP 404\).*gone or not visible to this token/,
    );
    expect(checks().at(-1)!.conclusion).toBe('failure');
  });

  test('an invalid policy at the base fails the check with the file, line and key', async () => {
    const BROKEN = 'c'.repeat(40);
    const files = await exampleTexts('acme-models-base');
    gh.state.addCommit(BROKEN, {
      ...files,
      '.github/rsp-policy.yml': files['.github/rsp-policy.yml']!.replace(
        'mode: enforce',
        'mode: enforce\nthresholdz: []',
      ),
    });
    gh.state.addCommit('d'.repeat(40), await exampleTexts('acme-models'), BROKEN);
    gh.state.openPullRequest({
      number: 9,
      author: 'dave-ml',
      head: 'd'.repeat(40),
      base: BROKEN,
      baseRef: 'main',
    });
    const run = await runAction(gh, {
      name: 'pull_request_target',
      payload: buildPullRequestTargetEvent('opened', {
        ...pr,
        number: 9,
        headSha: 'd'.repeat(40),
        baseSha: BROKEN,
      }),
    });
    expect(run.code).toBe(1);
    const check = gh.state.checkRuns('d'.repeat(40)).at(-1)!;
    expect(check.conclusion).toBe('failure');
    expect(check.output.summary).toContain(
      '.github/rsp-policy.yml:7:1: policy: thresholdz: unknown key `thresholdz`',
    );
  });

  test('fail-on-error false keeps the step green but the check still fails closed', async () => {
    gh.state.failNext({
      method: 'GET',
      path: /\/compare\//,
      status: 502,
      times: 20,
      body: { message: 'Bad Gateway' },
    });
    const run = await runAction(gh, opened(), { 'fail-on-error': 'false' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::warning::rsp-gate could not finish');
    expect(checks().at(-1)!.conclusion).toBe('failure');
  });
});

describe('two runs racing on one pull request', () => {
  test('leave exactly one comment, with the verdict of the last state', async () => {
    const [a, b] = await Promise.all([runAction(gh, opened()), runAction(gh, opened())]);
    expect([a.outputs.decision, b.outputs.decision]).toEqual(['block', 'block']);
    expect(botComments()).toHaveLength(1);
    expect(botComments()[0]!.body).toContain('## 🔴 rsp-gate: blocked');
    // Whatever order they finished in, the newest check run on the head carries the verdict.
    expect(checks().at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });
});
