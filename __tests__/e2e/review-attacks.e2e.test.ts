/**
 * Attacks found in review of the protected-bases change (issue 10), replayed through the bundled
 * Action against the fake GitHub. The gate runs with a GitHub App token, as the README recommends
 * for enforcement (the required check pinned to that App), while the author's own workflows hold
 * the repository's `GITHUB_TOKEN` (the GitHub Actions app), which can post a check run of any name.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import {
  buildIssueCommentEvent,
  buildPullRequestReviewEvent,
  buildPullRequestTargetEvent,
} from '../github/webhooks.js';
import { runAction, type ActionRun, fakeGitHubClock } from './run-action.js';
import { exampleTexts } from '../helpers/example-files.js';

const BASE = 'b'.repeat(40);
const HEAD = 'c'.repeat(40);
const repo = { owner: 'acme', name: 'models' };
const GATE_APP = { id: 777001, slug: 'rsp-gate-app', name: 'rsp-gate' };
const GATE_LOGIN = 'rsp-gate-app[bot]';
const pr = { repo, number: 100, headSha: HEAD, baseSha: BASE, author: 'dave-ml' };

type Files = Record<string, string>;

let base: Files;
let head: Files;
beforeAll(async () => {
  base = await exampleTexts('acme-models-base');
  head = await exampleTexts('acme-models');
});

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub({
    now: fakeGitHubClock(),
    tokens: {
      // the repository's GITHUB_TOKEN, which any workflow the author writes holds
      ghs_bot: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      // the gate's GitHub App installation token
      ghs_app: { login: GATE_LOGIN, id: 900001, type: 'Bot', app: GATE_APP },
    },
  });
  gh.state.addCommit(BASE, base, undefined, { author: 'carol-ceo' });
  gh.state.setBranch('main', BASE);
  gh.state.addCommit(HEAD, head, BASE, { author: 'dave-ml' });
});
afterEach(async () => {
  expect(gh.violations, 'every request must match GitHub’s API description').toEqual([]);
  await gh.close();
});

function gate(event: { name: string; payload: object }): Promise<ActionRun> {
  return runAction(gh, event, {}, 'ghs_app');
}

/** The gate App's own `rsp-gate` check run on `sha`, the one the pinned rule reads. */
function gateCheck(sha: string) {
  return gh.state
    .checkRuns(sha)
    .filter((r) => r.name === 'rsp-gate' && r.app.id === GATE_APP.id)
    .at(-1);
}

function gateComment() {
  return gh.state.comments(pr.number).find((c) => c.author.login === GATE_LOGIN)!;
}

/** The pull request is legitimately approved and ticked, and passes. */
async function approvedPr(): Promise<void> {
  gh.state.openPullRequest({
    number: pr.number,
    author: pr.author,
    head: HEAD,
    base: BASE,
    baseRef: 'main',
  });
  const opened = await gate({
    name: 'pull_request_target',
    payload: buildPullRequestTargetEvent('opened', pr),
  });
  expect(opened.outputs.decision).toBe('block');
  for (const login of ['carol-ceo', 'alice-rso'])
    gh.state.addReview({ pr: pr.number, user: login, state: 'APPROVED', commit: HEAD });
  const comment = gateComment();
  const ticked = comment.body.replaceAll('- [ ] ', '- [x] ');
  gh.state.userEditsComment(comment.id, 'alice-rso', ticked);
  const run = await gate({
    name: 'issue_comment',
    payload: buildIssueCommentEvent('edited', {
      ...pr,
      sender: 'alice-rso',
      comment: { id: comment.id, body: ticked, user: GATE_LOGIN, previousBody: comment.body },
    }),
  });
  expect(run.outputs.decision, run.stdout).toBe('pass');
  expect(gateCheck(HEAD)).toMatchObject({ status: 'completed', conclusion: 'success' });
}

/** What a workflow the author wrote does with the repository's GITHUB_TOKEN. */
async function authorWorkflowPosts(sha: string, externalId: string | null): Promise<void> {
  const response = await fetch(`${gh.apiUrl}/repos/acme/models/check-runs`, {
    method: 'POST',
    headers: {
      authorization: 'token ghs_bot',
      accept: 'application/vnd.github+json',
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      name: 'rsp-gate',
      head_sha: sha,
      status: 'completed',
      conclusion: 'success',
      ...(externalId ? { external_id: externalId } : {}),
      output: { title: 'ok', summary: 'ok' },
    }),
  });
  expect(response.status).toBe(201);
}

async function ceoRequestsChanges(): Promise<ActionRun> {
  const review = gh.state.addReview({
    pr: pr.number,
    user: 'carol-ceo',
    state: 'CHANGES_REQUESTED',
    commit: HEAD,
    body: 'Withdrawn.',
  });
  return gate({
    name: 'pull_request_review',
    payload: buildPullRequestReviewEvent('submitted', {
      ...pr,
      review: {
        id: review.id,
        user: 'carol-ceo',
        state: 'CHANGES_REQUESTED',
        commitId: HEAD,
        body: 'Withdrawn.',
      },
    }),
  });
}

describe('another app’s check run of the same name', () => {
  test('a run the author’s workflow posts as `rsp-gate`, stamped far in the future, does not stop the gate App from turning its own check red on a revocation', async () => {
    await approvedPr();
    await authorWorkflowPosts(HEAD, 'rsp-gate:read-at=2999-01-01T00:00:00.000Z');
    const run = await ceoRequestsChanges();
    expect(run.outputs.decision).toBe('block');
    expect(gateCheck(HEAD), 'the App’s check, which the pinned rule reads').toMatchObject({
      status: 'completed',
      conclusion: 'failure',
    });
  });

  test('a run the author’s workflow posts as `rsp-gate` without a stamp is not the one the gate App updates', async () => {
    await approvedPr();
    await authorWorkflowPosts(HEAD, null);
    const run = await ceoRequestsChanges();
    expect(run.outputs.decision).toBe('block');
    expect(gateCheck(HEAD)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const theirs = gh.state
      .checkRuns(HEAD)
      .filter((r) => r.name === 'rsp-gate' && r.app.id !== GATE_APP.id);
    expect(
      theirs.map((r) => r.history.length),
      'the author’s run is never written by the App',
    ).toEqual([1]);
  });
});

describe('a revocation whose run cannot finish', () => {
  test('GitHub’s GraphQL API keeps failing during the revoking run: the App’s check fails closed instead of keeping its success', async () => {
    await approvedPr();
    gh.state.failNext({
      method: 'POST',
      path: /\/graphql$/,
      status: 502,
      times: 40,
      body: { message: 'Bad Gateway' },
    });
    const run = await ceoRequestsChanges();
    expect(run.outputs.decision).toBe('error');
    expect(gateCheck(HEAD)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(gateCheck(HEAD)!.output.title).toBe('rsp-gate could not finish: failing closed');
  });
});
