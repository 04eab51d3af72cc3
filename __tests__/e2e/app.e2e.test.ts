/**
 * The bundled App, run as an operator runs it (`node app.js`), against the fake GitHub host:
 * installation tokens from the App's JWT, deliveries signed with the webhook secret, every
 * request checked against GitHub's descriptions and every payload against its webhook schemas.
 * The pull-request life the Action's e2e covers, through the App; forged and replayed
 * deliveries; the organization's policy; catching up on deliveries missed while it was down.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseChecklist } from '../../src/github/checklist.js';
import { startFakeGitHubHost, type FakeGitHubHost } from '../github/fake-app-host.js';
import type { FakeGitHubState } from '../github/fake-github.js';
import {
  buildCheckRunEvent,
  buildIssueCommentEvent,
  buildPullRequestEvent,
  buildPullRequestReviewEvent,
  buildPushEvent,
} from '../github/webhooks.js';
import { fakeGitHubClock } from './run-action.js';
import { startAppProcess, type AppProcess } from './run-app.js';
import { exampleTexts } from '../helpers/example-files.js';

const BASE = 'b'.repeat(40);
const HEAD = '1'.repeat(40);
const NEXT = '2'.repeat(40);
const INSTALLATION = 31_415;
const BOT = 'rsp-gate[bot]';

let gh: FakeGitHubHost;
let app: AppProcess | null = null;
let models: FakeGitHubState;

beforeEach(async () => {
  gh = await startFakeGitHubHost({ now: fakeGitHubClock() });
  models = gh.addRepository('acme', 'models');
  models.addCommit(BASE, await exampleTexts('acme-models-base'));
  models.addCommit(HEAD, await exampleTexts('acme-models'), BASE);
  models.setBranch('main', BASE);
});
afterEach(async (context) => {
  // A failing test shows what the App logged.
  if (app && context.task.result?.state === 'fail')
    console.error(app.lines.map((l) => JSON.stringify(l)).join('\n'), app.stderr());
  await app?.stop();
  app = null;
  expect(gh.violations, 'every request must match GitHub’s API description').toEqual([]);
  await gh.close();
});

const repoOf = (state: FakeGitHubState) => state.repo;
const pr = (number = 7, headSha = HEAD) => ({
  repo: repoOf(models),
  number,
  headSha,
  baseSha: BASE,
  author: 'dave-ml',
  installationId: INSTALLATION,
  host: gh.urls,
});

async function startApp(): Promise<AppProcess> {
  app = await startAppProcess(gh);
  await app.waitIdle();
  return app;
}

async function deliver(event: string, payload: object, deliveryId?: string) {
  const result = await gh.deliver(`${app!.url}/api/github/webhooks`, {
    event,
    payload,
    ...(deliveryId ? { deliveryId } : {}),
  });
  expect(result.status, `${event} accepted`).toBe(202);
  await app!.waitIdle();
  return result;
}

function botComments(state = models, number = 7) {
  return state.comments(number).filter((c) => c.author.login === BOT);
}

function checks(sha: string, state = models, name = 'rsp-gate') {
  return state.checkRuns(sha).filter((r) => r.name === name);
}

function latestCheck(sha: string, state = models) {
  return checks(sha, state).at(-1)!;
}

function tick(body: string, ids: string[] | 'all'): string {
  return body
    .split('\n')
    .map((line) =>
      line.startsWith('- [ ] ') && (ids === 'all' || ids.some((id) => line.includes(`\`${id}\``)))
        ? line.replace('- [ ] ', '- [x] ')
        : line,
    )
    .join('\n');
}

async function userTicks(login: string, ids: string[] | 'all') {
  const comment = botComments()[0]!;
  const body = tick(comment.body, ids);
  models.userEditsComment(comment.id, login, body);
  await deliver(
    'issue_comment',
    buildIssueCommentEvent('edited', {
      ...pr(7, models.pullRequest(7).headSha),
      sender: login,
      comment: { id: comment.id, body, user: BOT, previousBody: comment.body },
    }),
  );
}

/** A comment's text with Markdown escapes removed, as a reader sees it. */
function plain(body: string): string {
  return body.replace(/\\(.)/g, '$1');
}

function openPullRequest(number = 7, head = HEAD) {
  models.openPullRequest({ number, author: 'dave-ml', head, base: BASE, baseRef: 'main' });
}

describe('a pull request’s whole life, through the App', () => {
  test('opened → blocked; ticks; a rejected tick; a push; approvals → passes; a forged delivery changes nothing; a replay is judged again', async () => {
    gh.addInstallation(INSTALLATION, 'acme', 'all');
    await startApp();
    openPullRequest();
    await deliver('pull_request', buildPullRequestEvent('opened', pr()));
    expect(latestCheck(HEAD)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(latestCheck(HEAD).output.title).toBe(
      'Blocked: acme/frontier-7 at ASL-3, 14 of 27 safeguards open',
    );
    // The check carries the App's identity, which a ruleset can pin.
    expect(latestCheck(HEAD).app).toMatchObject({ id: gh.app.id, slug: 'rsp-gate' });
    expect(botComments()).toHaveLength(1);
    expect(botComments()[0]!.body).toContain('## 🔴 rsp-gate: blocked');

    await userTicks('alice-rso', [
      'asl3-deploy-threat-model',
      'asl3-deploy-red-teaming',
      'asl3-sec-audits',
    ]);
    expect(parseChecklist(botComments()[0]!.body).items.filter((i) => i.checked)).toHaveLength(16);
    await userTicks('mallory', ['asl3-deploy-monitoring']);
    expect(botComments()[0]!.body).toContain('⚠ mallory: holds none of the allowed roles');

    models.addCommit(
      NEXT,
      { ...(await exampleTexts('acme-models')), 'models/frontier-7/NOTES.md': 'rc3\n' },
      HEAD,
    );
    models.pushCommit(7, NEXT);
    await deliver(
      'pull_request',
      buildPullRequestEvent('synchronize', { ...pr(7, NEXT), before: HEAD }),
    );
    expect(latestCheck(NEXT)).toMatchObject({ conclusion: 'failure' });
    expect(parseChecklist(botComments()[0]!.body).items.filter((i) => i.checked)).toHaveLength(16);

    await userTicks('alice-rso', 'all');
    models.addReview({ pr: 7, user: 'carol-ceo', state: 'APPROVED', commit: NEXT });
    const review = models.addReview({ pr: 7, user: 'alice-rso', state: 'APPROVED', commit: NEXT });
    const approved = buildPullRequestReviewEvent('submitted', {
      ...pr(7, NEXT),
      review: { id: review.id, user: 'alice-rso', state: 'APPROVED', commitId: NEXT },
    });
    const delivered = await deliver('pull_request_review', approved);
    expect(latestCheck(NEXT)).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(latestCheck(NEXT).output.title).toBe('Pass: 1 model meets its required safeguards');
    expect(botComments()).toHaveLength(1);
    expect(checks(NEXT)).toHaveLength(1);

    // A forged revocation: unsigned, or signed with another secret. 401, and nothing moves.
    const before = JSON.stringify([latestCheck(NEXT), botComments()]);
    const writes = () => gh.requests.filter((r) => r.method !== 'GET').length;
    const writesBefore = writes();
    for (const signature of [null, `sha256=${'0'.repeat(64)}`]) {
      const forged = await gh.deliver(`${app!.url}/api/github/webhooks`, {
        event: 'pull_request_review',
        payload: approved,
        signature,
      });
      expect(forged.status).toBe(401);
    }
    const wrongSecret = await gh.deliver(`${app!.url}/api/github/webhooks`, {
      event: 'pull_request_review',
      payload: approved,
      secret: 'not-the-secret',
    });
    expect(wrongSecret.status).toBe(401);
    await app!.waitIdle();
    expect(JSON.stringify([latestCheck(NEXT), botComments()])).toBe(before);
    expect(writes()).toBe(writesBefore);
    expect(app!.lines.filter((l) => l.msg.startsWith('refused:'))).toHaveLength(3);

    // A redelivery of the approval (same X-GitHub-Delivery) is judged again: same verdict,
    // still one comment and one check.
    const judgedBefore = app!.lines.filter((l) => l.msg === 'judged').length;
    await deliver('pull_request_review', approved, delivered.deliveryId);
    const judged = app!.lines.filter((l) => l.msg === 'judged');
    expect(judged.length).toBe(judgedBefore + 1);
    expect(judged.at(-1)).toMatchObject({ delivery: delivered.deliveryId, conclusion: 'success' });
    expect(checks(NEXT)).toHaveLength(1);
    expect(botComments()).toHaveLength(1);
    // Every log line of the delivery's work names it.
    const work = app!.lines.filter((l) => l.delivery === delivered.deliveryId);
    expect(work.map((l) => l.msg)).toEqual(expect.arrayContaining(['accepted', 'judged']));
  });

  test('a pull request that edits the policy is blocked for the policy owners; a fork’s is judged by the base policy', async () => {
    gh.addInstallation(INSTALLATION, 'acme', 'all');
    await startApp();
    const EDIT = '5'.repeat(40);
    models.addCommit(
      EDIT,
      {
        ...(await exampleTexts('acme-models-base')),
        '.github/rsp-policy.yml': 'version: 1\nextends: anthropic-rsp-v2.2@2\nmode: advisory\n',
      },
      BASE,
    );
    models.openPullRequest({
      number: 9,
      author: 'mallory',
      head: EDIT,
      base: BASE,
      baseRef: 'main',
      headRepo: { owner: 'mallory', name: 'models' },
    });
    await deliver(
      'pull_request',
      buildPullRequestEvent('opened', {
        ...pr(9, EDIT),
        author: 'mallory',
        headRepo: { owner: 'mallory', name: 'models' },
      }),
    );
    expect(latestCheck(EDIT).conclusion).toBe('failure');
    // Judged by the base's policy (enforcing), and the edit itself waits for the policy owners.
    expect(plain(latestCheck(EDIT).output.summary ?? '')).toContain(
      'the policy is edited in this change: it is judged by the base policy and needs an approving review on the head commit from',
    );
    expect(botComments(models, 9)).toHaveLength(1);
  });
});

describe('the organization’s policy', () => {
  const ORG_HEAD = 'c'.repeat(40);
  const ORG_NEXT = 'd'.repeat(40);

  async function withOrgPolicy(policy: string) {
    const dotGithub = gh.addRepository('acme', '.github');
    dotGithub.addCommit(ORG_HEAD, { '.github/rsp-policy.yml': policy });
    dotGithub.setBranch('main', ORG_HEAD);
    return dotGithub;
  }

  test('a repository without a policy of its own is judged by the org policy; a change to it re-judges every open pull request', async () => {
    const base = await exampleTexts('acme-models-base');
    const orgPolicy = base['.github/rsp-policy.yml']!;
    const dotGithub = await withOrgPolicy(orgPolicy);
    const evals = gh.addRepository('acme', 'evals');
    const { ['.github/rsp-policy.yml']: _dropped, ...withoutPolicy } = base;
    const { ['.github/rsp-policy.yml']: _alsoDropped, ...headWithout } =
      await exampleTexts('acme-models');
    evals.addCommit(BASE, withoutPolicy);
    evals.addCommit(HEAD, headWithout, BASE);
    evals.setBranch('main', BASE);
    evals.openPullRequest({
      number: 3,
      author: 'dave-ml',
      head: HEAD,
      base: BASE,
      baseRef: 'main',
    });
    gh.addInstallation(INSTALLATION, 'acme', 'all');
    await startApp(); // the start-up sweep finds #3 without a verdict and judges it
    expect(latestCheck(HEAD, evals).conclusion).toBe('failure');
    expect(latestCheck(HEAD, evals).output.summary).toContain(
      'Judged by the organization policy `acme/.github:.github/rsp-policy.yml` at `ccccccc`',
    );
    expect(botComments(evals, 3)).toHaveLength(1);

    // The org policy changes (advisory now): a push to .github re-judges acme/evals#3.
    dotGithub.addCommit(
      ORG_NEXT,
      { '.github/rsp-policy.yml': orgPolicy.replace('mode: enforce', 'mode: advisory') },
      ORG_HEAD,
    );
    dotGithub.setBranch('main', ORG_NEXT);
    await deliver(
      'push',
      buildPushEvent({
        repo: dotGithub.repo,
        ref: 'refs/heads/main',
        before: ORG_HEAD,
        after: ORG_NEXT,
        installationId: INSTALLATION,
        host: gh.urls,
        commits: [{ id: ORG_NEXT, modified: ['.github/rsp-policy.yml'] }],
      }),
    );
    expect(latestCheck(HEAD, evals).conclusion).toBe('neutral');
    expect(latestCheck(HEAD, evals).output.summary).toContain('at `ddddddd`');
    expect(botComments(evals, 3)).toHaveLength(1);
  });

  test('a repository policy that relaxes an org threshold is refused with a located error, and the check fails closed', async () => {
    const base = await exampleTexts('acme-models-base');
    await withOrgPolicy(`${base['.github/rsp-policy.yml']!}\norganization:\n  required: true\n`);
    const relaxed = [
      'version: 1',
      'extends: organization',
      'thresholds:',
      '  - id: CBRN-3',
      '    requires: { deployment: ASL-2, security: ASL-2 }',
      '',
    ].join('\n');
    const evals = gh.addRepository('acme', 'evals');
    evals.addCommit(BASE, { ...base, '.github/rsp-policy.yml': relaxed });
    evals.addCommit(
      HEAD,
      { ...(await exampleTexts('acme-models')), '.github/rsp-policy.yml': relaxed },
      BASE,
    );
    evals.setBranch('main', BASE);
    evals.openPullRequest({
      number: 4,
      author: 'dave-ml',
      head: HEAD,
      base: BASE,
      baseRef: 'main',
    });
    gh.addInstallation(INSTALLATION, 'acme', 'all');
    await startApp();
    const check = latestCheck(HEAD, evals);
    expect(check.conclusion).toBe('failure');
    expect(check.output.title).toBe('rsp-gate could not finish: failing closed');
    expect(check.output.summary).toMatch(
      /^\.github\/rsp-policy\.yml:4:\d+: policy: `thresholds\[0\]` \(id CBRN-3\) is set by the organization policy acme\/\.github:\.github\/rsp-policy\.yml@ccccccc and cannot be changed here/,
    );
  });

  test('no policy anywhere: a neutral “not configured” check; with model cards, a failure', async () => {
    const empty = gh.addRepository('acme', 'docs');
    empty.addCommit(BASE, { 'README.md': 'docs\n' });
    empty.addCommit(HEAD, { 'README.md': 'docs, more\n' }, BASE);
    empty.setBranch('main', BASE);
    empty.openPullRequest({
      number: 1,
      author: 'dave-ml',
      head: HEAD,
      base: BASE,
      baseRef: 'main',
    });
    const cards = gh.addRepository('acme', 'cards');
    const { ['.github/rsp-policy.yml']: _p, ...headFiles } = await exampleTexts('acme-models');
    cards.addCommit(BASE, { 'README.md': 'cards\n' });
    cards.addCommit(HEAD, headFiles, BASE);
    cards.setBranch('main', BASE);
    cards.openPullRequest({
      number: 2,
      author: 'dave-ml',
      head: HEAD,
      base: BASE,
      baseRef: 'main',
    });
    gh.addInstallation(INSTALLATION, 'acme', ['docs', 'cards']);
    await startApp();
    expect(latestCheck(HEAD, empty)).toMatchObject({ conclusion: 'neutral' });
    expect(latestCheck(HEAD, empty).output.title).toBe(
      'rsp-gate is not configured for this repository',
    );
    expect(latestCheck(HEAD, cards)).toMatchObject({ conclusion: 'failure' });
    expect(latestCheck(HEAD, cards).output.title).toBe('Blocked: model cards but no policy');
  });
});

describe('nothing lost', () => {
  test('a pull request opened while the App was down is judged when it starts, without anyone acting; the Re-run button judges again', async () => {
    openPullRequest();
    gh.addInstallation(INSTALLATION, 'acme', 'all');
    await startApp();
    expect(latestCheck(HEAD).conclusion).toBe('failure');
    expect(botComments()).toHaveLength(1);
    const judged = app!.lines.filter((l) => l.msg === 'judged').length;
    await deliver(
      'check_run',
      buildCheckRunEvent('rerequested', {
        repo: models.repo,
        run: latestCheck(HEAD),
        pullRequests: [{ number: 7, baseSha: BASE }],
        installationId: INSTALLATION,
        host: gh.urls,
      }),
    );
    expect(app!.lines.filter((l) => l.msg === 'judged').length).toBe(judged + 1);
    expect(checks(HEAD)).toHaveLength(1);
    expect(botComments()).toHaveLength(1);
  });

  test('the App’s own edit of its comment is not judged again', async () => {
    openPullRequest();
    gh.addInstallation(INSTALLATION, 'acme', 'all');
    await startApp();
    const comment = botComments()[0]!;
    const result = await deliver(
      'issue_comment',
      buildIssueCommentEvent('edited', {
        ...pr(),
        sender: BOT,
        comment: { id: comment.id, body: comment.body, user: BOT, previousBody: comment.body },
      }),
    );
    expect(result.json).toMatchObject({ jobs: 0 });
  });
});
