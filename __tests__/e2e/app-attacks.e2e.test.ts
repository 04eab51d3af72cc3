/**
 * Attacks on the bundled App that need GitHub's own parts (which App wrote a check run), run as
 * an operator runs it against the fake GitHub host. The in-memory attacks are in
 * `__tests__/app/attacks.test.ts`.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readStamp } from '../../src/gate/judge-on-github.js';
import { startFakeGitHubHost, type FakeGitHubHost } from '../github/fake-app-host.js';
import type { FakeGitHubState } from '../github/fake-github.js';
import { fakeGitHubClock } from './run-action.js';
import { startAppProcess, type AppProcess } from './run-app.js';
import { exampleTexts } from '../helpers/example-files.js';

const BASE = 'b'.repeat(40);
const HEAD = '1'.repeat(40);
const INSTALLATION = 27_182;

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
  if (app && context.task.result?.state === 'fail')
    console.error(app.lines.map((l) => JSON.stringify(l)).join('\n'), app.stderr());
  await app?.stop();
  app = null;
  expect(gh.violations, 'every request must match GitHub’s API description').toEqual([]);
  await gh.close();
});

describe('a check of the same name from another App', () => {
  test('a workflow’s green rsp-gate on the head, stamped far in the future, neither passes for the App’s verdict at catch-up nor stops the App writing its own', async () => {
    // The author's workflow (GITHUB_TOKEN: the GitHub Actions App) posts `rsp-gate`, success,
    // with an external_id that claims a judgment read GitHub in 2099, while the App is down.
    models.openPullRequest({
      number: 7,
      author: 'dave-ml',
      head: HEAD,
      base: BASE,
      baseRef: 'main',
    });
    const at = new Date().toISOString();
    const forged = models.newCheckRunId();
    models.checkRunsById.set(forged, {
      id: forged,
      name: 'rsp-gate',
      headSha: HEAD,
      status: 'completed',
      conclusion: 'success',
      startedAt: at,
      completedAt: at,
      externalId: readStamp(new Date('2099-01-01T00:00:00Z')),
      detailsUrl: null,
      output: { title: 'Pass', summary: 'all good', text: null, annotations: [] },
      app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions' },
      history: [],
    });
    gh.addInstallation(INSTALLATION, 'acme', 'all');
    app = await startAppProcess(gh);
    await app.waitIdle();
    const runs = models.checkRuns(HEAD).filter((r) => r.name === 'rsp-gate');
    const own = runs.filter((r) => r.app.slug === 'rsp-gate');
    // The catch-up found no verdict of its own on the head and judged it: the run a ruleset
    // pinned to the App reads is the App's, and it is red.
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    // The workflow's run is left as it was: the App neither updated nor deferred to it.
    expect(runs.find((r) => r.id === forged)).toMatchObject({
      conclusion: 'success',
      history: [],
    });
  });
});
