/**
 * The App's report pages, end to end: the bundled App (`node app.js`) against the fake GitHub
 * host, with `RSP_GATE_PUBLIC_URL` set as an operator sets it behind their proxy. A judged pull
 * request's check run links to the App's page for its head; the page, fetched from the App, is the
 * report page showing the models the check judged, at their levels at the head, with the
 * check's verdict, and follows the check when the approvals make it pass; a tampered link is
 * answered 404. Without the variable, no check links
 * anywhere and the route answers 404.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createReportLinks } from '../../src/app/report-link.js';
import { startFakeGitHubHost, type FakeGitHubHost } from '../github/fake-app-host.js';
import type { FakeGitHubState } from '../github/fake-github.js';
import {
  buildIssueCommentEvent,
  buildPullRequestEvent,
  buildPullRequestReviewEvent,
} from '../github/webhooks.js';
import { fakeGitHubClock } from './run-action.js';
import { startAppProcess, type AppProcess } from './run-app.js';
import { exampleTexts } from '../helpers/example-files.js';

const BASE = 'b'.repeat(40);
const HEAD = '1'.repeat(40);
const INSTALLATION = 31_415;
const BOT = 'rsp-gate[bot]';
const PUBLIC_URL = 'https://rsp-gate.example.com';
/** What #7 changes: frontier-7's card and evidence, judged alone (the others stand as on main). */
const TOUCHED = ['acme/frontier-7'];

let gh: FakeGitHubHost;
let app: AppProcess | null = null;
let models: FakeGitHubState;

beforeEach(async () => {
  gh = await startFakeGitHubHost({ now: fakeGitHubClock() });
  models = gh.addRepository('acme', 'models');
  models.addCommit(BASE, await exampleTexts('acme-models-base'));
  models.addCommit(HEAD, await exampleTexts('acme-models'), BASE);
  models.setBranch('main', BASE);
  gh.addInstallation(INSTALLATION, 'acme', 'all');
});
afterEach(async (context) => {
  if (app && context.task.result?.state === 'fail')
    console.error(app.lines.map((l) => JSON.stringify(l)).join('\n'), app.stderr());
  await app?.stop();
  app = null;
  expect(gh.violations, 'every request must match GitHub’s API description').toEqual([]);
  await gh.close();
});

const pr = () => ({
  repo: models.repo,
  number: 7,
  headSha: HEAD,
  baseSha: BASE,
  author: 'dave-ml',
  installationId: INSTALLATION,
  host: gh.urls,
});

async function startApp(extra: Record<string, string> = {}): Promise<AppProcess> {
  app = await startAppProcess(gh, extra);
  await app.waitIdle();
  return app;
}

async function deliver(event: string, payload: object) {
  const result = await gh.deliver(`${app!.url}/api/github/webhooks`, { event, payload });
  expect(result.status, `${event} accepted`).toBe(202);
  await app!.waitIdle();
}

async function openAndJudge() {
  models.openPullRequest({ number: 7, author: 'dave-ml', head: HEAD, base: BASE, baseRef: 'main' });
  await deliver('pull_request', buildPullRequestEvent('opened', pr()));
}

const latestCheck = () =>
  models
    .checkRuns(HEAD)
    .filter((r) => r.name === 'rsp-gate')
    .at(-1)!;

/** A link to the public URL, fetched from the App (the proxy in front of it does this). */
async function fetchThroughProxy(link: string) {
  const url = new URL(link);
  const res = await fetch(`${app!.url}${url.pathname}${url.search}`);
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** The overall verdict the page's overview states. */
function pageVerdict(html: string): string | null {
  return /<p>\d+ models; verdict <span class="status status-(pass|block)">/.exec(html)?.[1] ?? null;
}

/** The models of the overview table, by their rows. */
function pageModels(html: string): string[] {
  const table = /<table id="overview-table"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tr data-model="([^"]+)"/g)].map((m) => m[1]!).sort();
}

/** A model's row of the overview table. */
function modelRow(html: string, model: string): string {
  return new RegExp(`<tr data-model="${model}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
}

async function approve() {
  const comment = models.comments(7).find((c) => c.author.login === BOT)!;
  const body = comment.body.replaceAll('- [ ] ', '- [x] ');
  models.userEditsComment(comment.id, 'alice-rso', body);
  await deliver(
    'issue_comment',
    buildIssueCommentEvent('edited', {
      ...pr(),
      sender: 'alice-rso',
      comment: { id: comment.id, body, user: BOT, previousBody: comment.body },
    }),
  );
  models.addReview({ pr: 7, user: 'carol-ceo', state: 'APPROVED', commit: HEAD });
  const review = models.addReview({ pr: 7, user: 'alice-rso', state: 'APPROVED', commit: HEAD });
  await deliver(
    'pull_request_review',
    buildPullRequestReviewEvent('submitted', {
      ...pr(),
      review: { id: review.id, user: 'alice-rso', state: 'APPROVED', commitId: HEAD },
    }),
  );
}

describe('the App’s report pages', () => {
  test('a judged pull request’s check links to the App’s page of its head, which shows the check’s verdict; a tampered link gets 404', async () => {
    await startApp({ RSP_GATE_PUBLIC_URL: PUBLIC_URL });
    await openAndJudge();
    const blocked = latestCheck();
    expect(blocked).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const link = blocked.detailsUrl!; // the fake updates its record when the check is rewritten
    expect(link).toMatch(
      new RegExp(
        `^${PUBLIC_URL}/report/acme/models/${HEAD}\\?installation=${INSTALLATION}&pr=7&base=${BASE}&exp=\\d+&sig=[\\w-]{43}$`,
      ),
    );

    const page = await fetchThroughProxy(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('cache-control')).toBe('private, max-age=300');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.body).toMatch(/^<!doctype html>/i);
    expect(pageModels(page.body), 'the models the check judged').toEqual(TOUCHED);
    expect(modelRow(page.body, 'acme/frontier-7'), 'its level at the head').toContain('ASL-3');
    expect(pageVerdict(page.body), 'the check’s verdict').toBe('block');
    expect(page.body).toContain('acme/models #7 at 1111111, the models it touches');

    // Altered, stripped or unsigned: the same 404 as a path the App does not serve.
    const unknown = await fetch(`${app!.url}/nope`);
    const unknownBody = await unknown.text();
    for (const bad of [
      link.replace('pr=7', 'pr=8'),
      link.replace(`/${HEAD}?`, `/${'2'.repeat(40)}?`),
      link.replace(/sig=[\w-]+/, (s) => s.slice(0, -1)),
      link.replace(/&exp=\d+/, (e) => `${e}0`),
      link.split('?')[0]!,
    ]) {
      const answer = await fetchThroughProxy(bad);
      expect({ bad, status: answer.status, body: answer.body }).toEqual({
        bad,
        status: 404,
        body: unknownBody,
      });
    }

    // Approved and ticked: the check passes, and its new link shows the page passing too.
    await approve();
    const passed = latestCheck();
    expect(passed).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(passed.detailsUrl).not.toBe(link);
    const after = await fetchThroughProxy(passed.detailsUrl!);
    expect(after.status).toBe(200);
    expect(pageModels(after.body)).toEqual(TOUCHED);
    expect(pageVerdict(after.body), 'the check’s verdict').toBe('pass');
  });

  test('without RSP_GATE_PUBLIC_URL no check links to a page, and the route answers 404', async () => {
    await startApp();
    await openAndJudge();
    expect(latestCheck()).toMatchObject({ conclusion: 'failure', detailsUrl: null });
    // A link signed with the App's own webhook secret, as the App would sign it if it linked.
    const signed = createReportLinks({
      publicUrl: PUBLIC_URL,
      webhookSecret: gh.app.webhookSecret,
    }).linkFor({
      installationId: INSTALLATION,
      owner: 'acme',
      repo: 'models',
      sha: HEAD,
      pr: 7,
      base: BASE,
    });
    const signedAnyway = await fetchThroughProxy(signed);
    expect(signedAnyway.status).toBe(404);
    expect(app!.lines.some((l) => l.msg === 'report page failed')).toBe(false);
  });
});
