/**
 * The Action's report on push runs, end to end: the bundled Action against the fake GitHub and
 * the fake results service (fake-results.ts), with the branch checked out as
 * `actions/checkout` with `fetch-depth: 0` leaves it (a git repository built here from
 * examples/acme-models in three commits), or not checked out at all. What a user checks: the
 * artifact that was uploaded is the page, the job summary holds the overview and links the
 * artifact, a pull request's run uploads nothing, and an upload that fails changes nothing of
 * the judgment.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createLocalTree } from '../../src/repository/local-tree.js';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import {
  buildPullRequestTargetEvent,
  buildPushEvent,
  buildScheduleEvent,
  validateWebhookPayload,
} from '../github/webhooks.js';
import { fakeGitHubClock, runAction } from './run-action.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');
const repo = { owner: 'acme', name: 'models' };
const MODELS = ['acme/atlas-2', 'acme/frontier-6', 'acme/frontier-7'];
const SECTIONS = ['overview', 'margins', 'trends', 'safeguards', 'audit'];

/** The branch's three commits: the base example, the example, and a README on top. */
interface Branch {
  dir: string;
  shas: [string, string, string];
  files: Record<string, string>[];
}

function git(dir: string, args: string[], date?: string): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Dana Ml',
    GIT_AUTHOR_EMAIL: 'dana@example.com',
    GIT_COMMITTER_NAME: 'Dana Ml',
    GIT_COMMITTER_EMAIL: 'dana@example.com',
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
  return execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
}

async function filesOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await createLocalTree(dir).list(''))
    if (!entry.path.startsWith('.git/'))
      files[entry.path] = readFileSync(join(dir, entry.path), 'utf8');
  return files;
}

/** Replaces the work tree's files (not .git) with those of `source`. */
function replaceFiles(dir: string, source: string): void {
  for (const name of ['.github', 'models', 'safeguards'])
    rmSync(join(dir, name), { recursive: true, force: true });
  cpSync(source, dir, { recursive: true });
}

async function buildBranch(): Promise<Branch> {
  const dir = mkdtempSync(join(tmpdir(), 'rsp-gate-report-branch-'));
  git(dir, ['init', '-q', '-b', 'main']);
  const commit = async (message: string, date: string) => {
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', message], date);
    return { sha: git(dir, ['rev-parse', 'HEAD']), files: await filesOf(dir) };
  };
  cpSync(join(EXAMPLES, 'acme-models-base'), dir, { recursive: true });
  const first = await commit('Models as released', '2026-11-20T10:00:00Z');
  replaceFiles(dir, join(EXAMPLES, 'acme-models'));
  const second = await commit('frontier-7: November uplift trial', '2026-11-24T10:00:00Z');
  appendFileSync(join(dir, 'README.md'), '# Models\n');
  const third = await commit('README', '2026-11-26T10:00:00Z');
  return {
    dir,
    shas: [first.sha, second.sha, third.sha],
    files: [first.files, second.files, third.files],
  };
}

let branch: Branch;
let gh: FakeGitHub;
beforeAll(async () => {
  branch = await buildBranch();
});
beforeEach(async () => {
  gh = await startFakeGitHub({
    now: fakeGitHubClock(),
    tokens: { ghs_bot: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } },
  });
  const [first, second, third] = branch.shas;
  gh.state.addCommit(first, branch.files[0]!);
  gh.state.addCommit(second, branch.files[1]!, first);
  gh.state.addCommit(third, branch.files[2]!, second);
  gh.state.setBranch('main', third);
});
afterEach(async () => {
  expect(gh.violations, 'every request must match what GitHub takes').toEqual([]);
  await gh.close();
});

function event(name: string, payload: Record<string, unknown>, sha: string) {
  const action = (payload.action as string | undefined) ?? null;
  const schemaEvent = name === 'pull_request_target' ? 'pull_request' : name;
  expect(validateWebhookPayload(schemaEvent, action, payload), `${name} payload`).toEqual([]);
  return { name, payload, sha };
}

function push(before: string, after: string) {
  return event('push', buildPushEvent({ repo, ref: 'refs/heads/main', before, after }), after);
}

function auditCheck(sha: string) {
  return gh.state
    .checkRuns(sha)
    .filter((r) => r.name === 'rsp-gate (audit)')
    .at(-1);
}

function uploaded() {
  return gh.results.artifacts.filter((a) => a.finalized);
}

/** The rows of the report's overview table in the job summary (the first table after its header). */
function summaryRows(summary: string): string[] {
  const lines = summary.split('\n');
  const header = lines.indexOf(
    '| model | deployment | security | verdict | open items | next expiry |',
  );
  if (header < 0) return [];
  const end = lines.findIndex((line, i) => i > header && !line.startsWith('|'));
  return lines.slice(header + 2, end < 0 ? undefined : end);
}

describe('push runs upload the report', () => {
  test('with a checkout: the page, with the branch’s history, is the artifact the summary links', async () => {
    const [, second, third] = branch.shas;
    const run = await runAction(gh, push(second, third), {}, 'ghs_bot', {
      GITHUB_WORKSPACE: branch.dir,
    });
    // The judgment is the judgment: frontier-7 is blocked, so the step fails and the check too.
    expect(run.outputs.decision).toBe('block');
    expect(run.code).toBe(1);
    expect(auditCheck(third)).toMatchObject({ conclusion: 'failure' });

    const artifacts = uploaded();
    expect(artifacts).toHaveLength(1);
    const [artifact] = artifacts;
    expect(artifact).toMatchObject({ name: 'rsp-gate-report.html', mimeType: 'text/html' });
    const page = artifact!.bytes!.toString('utf8');
    expect(page).toBe(readFileSync(run.outputs.report!, 'utf8'));
    expect(page.startsWith('<!doctype html>') || page.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const id of SECTIONS) expect(page).toContain(`id="${id}"`);
    for (const model of MODELS) expect(page).toContain(`<tr data-model="${model}"`);
    // History: the commit where frontier-7 moved to ASL-3 has its record on the page.
    expect(page).toContain(`data-commit="${second}"`);

    const link = `https://github.com/acme/models/actions/runs/4242/artifacts/${artifact!.id}`;
    expect(run.outputs['report-url']).toBe(link);
    expect(run.summary).toContain(`](${link})`);
    expect(run.summary).toContain(
      '| model | deployment | security | verdict | open items | next expiry |',
    );
    const rows = summaryRows(run.summary);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(
      /^\| `acme\/frontier-7` \| ASL-3 \| ASL-3 \| \*\*block\*\* \| [1-9]\d* \|/,
    );
    expect(run.summary).not.toContain('No history');
  });

  test('without a checkout: a report without history, and the summary says how to get it', async () => {
    const [, second, third] = branch.shas;
    const run = await runAction(gh, push(second, third));
    expect(run.outputs.decision).toBe('block');
    const artifacts = uploaded();
    expect(artifacts).toHaveLength(1);
    const page = artifacts[0]!.bytes!.toString('utf8');
    for (const id of SECTIONS) expect(page).toContain(`id="${id}"`);
    for (const model of MODELS) expect(page).toContain(`<tr data-model="${model}"`);
    expect(page).not.toContain(`data-commit="${second}"`);
    expect(run.summary).toContain('No history in this report');
    expect(run.summary).toContain('`fetch-depth: 0`');
    expect(summaryRows(run.summary)).toHaveLength(3);
    expect(run.summary).toContain(`/actions/runs/4242/artifacts/${artifacts[0]!.id})`);
  });

  test('a scheduled run reports on the default branch’s commit (GITHUB_SHA) with its history', async () => {
    const [, second, third] = branch.shas;
    const payload = buildScheduleEvent({ repo, schedule: '17 6 * * *' });
    const run = await runAction(gh, event('schedule', payload, third), {}, 'ghs_bot', {
      GITHUB_WORKSPACE: branch.dir,
    });
    expect(run.outputs.decision).toBe('block');
    const artifacts = uploaded();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]!.bytes!.toString('utf8')).toContain(`data-commit="${second}"`);
    expect(run.summary).toContain(`/actions/runs/4242/artifacts/${artifacts[0]!.id})`);
  });

  test('a shallow checkout (`actions/checkout`’s default depth): the summary says the history is cut short', async () => {
    const [, second, third] = branch.shas;
    const shallow = mkdtempSync(join(tmpdir(), 'rsp-gate-report-shallow-'));
    git(shallow, ['clone', '-q', '--depth', '1', `file://${branch.dir}`, '.']);
    const run = await runAction(gh, push(second, third), {}, 'ghs_bot', {
      GITHUB_WORKSPACE: shallow,
    });
    const page = uploaded()[0]!.bytes!.toString('utf8');
    expect(page).not.toContain(`data-commit="${second}"`);
    expect(run.summary).toContain(
      'History holds only what the checkout fetched (1 first-parent commit): give `actions/checkout` `fetch-depth: 0` for up to 30.',
    );
  });

  test('`report: false` writes and uploads nothing; the report costs no request to GitHub’s API', async () => {
    const [, second, third] = branch.shas;
    const off = await runAction(gh, push(second, third), { report: 'false' });
    expect(off.outputs.decision).toBe('block');
    expect(off.outputs.report).toBeUndefined();
    expect(gh.results.requests).toEqual([]);
    expect(off.summary).not.toContain('rsp-gate report');
    // The page is drawn from the run's own judgment: the same requests with the report as without
    // (both runs after the first, which found no check of its own on the commit yet).
    const offAgain = await runAction(gh, push(second, third), { report: 'false' });
    const on = await runAction(gh, push(second, third));
    expect(uploaded()).toHaveLength(1);
    expect(on.requests).toBe(offAgain.requests);
  });
});

test('a pull request’s run uploads nothing, even with a checkout there', async () => {
  const [first, , third] = branch.shas;
  gh.state.setBranch('main', first);
  gh.state.openPullRequest({
    number: 7,
    author: 'dave-ml',
    head: third,
    base: first,
    baseRef: 'main',
    headRef: 'fr7-uplift',
  });
  const pr = { repo, number: 7, headSha: third, baseSha: first, author: 'dave-ml' };
  const run = await runAction(
    gh,
    event('pull_request_target', buildPullRequestTargetEvent('opened', pr), third),
    {},
    'ghs_bot',
    { GITHUB_WORKSPACE: branch.dir },
  );
  expect(run.outputs.decision).toBe('block');
  expect(run.outputs.report).toBeUndefined();
  expect(run.outputs['report-url']).toBeUndefined();
  expect(gh.results.requests).toEqual([]);
  expect(run.summary).not.toContain('rsp-gate report');
});

describe('an upload that fails changes nothing of the judgment', () => {
  test('the results service refuses: the step passes, the check passes, the page stays on the runner', async () => {
    const [first] = branch.shas;
    gh.state.setBranch('main', first);
    gh.results.failNext({
      method: 'CreateArtifact',
      status: 403,
      code: 'permission_denied',
      msg: 'artifact storage quota has been hit',
    });
    const run = await runAction(gh, push('0'.repeat(40), first));
    expect(run.code).toBe(0);
    expect(run.outputs.decision).toBe('pass');
    expect(auditCheck(first)).toMatchObject({ conclusion: 'success' });
    expect(uploaded()).toEqual([]);
    expect(run.outputs['report-url']).toBeUndefined();
    expect(existsSync(run.outputs.report!)).toBe(true);
    expect(readFileSync(run.outputs.report!, 'utf8')).toContain('<tr data-model="acme/frontier-7"');
    expect(run.summary).toContain('The report could not be uploaded');
    expect(run.summary).toContain('artifact storage quota has been hit');
    expect(summaryRows(run.summary)).toHaveLength(3);
  });

  test('no runtime token (a run outside GitHub Actions): the same, and the summary says why', async () => {
    const [first] = branch.shas;
    gh.state.setBranch('main', first);
    const run = await runAction(gh, push('0'.repeat(40), first), {}, 'ghs_bot', {
      ACTIONS_RUNTIME_TOKEN: '',
    });
    expect(run.code).toBe(0);
    expect(run.outputs.decision).toBe('pass');
    expect(auditCheck(first)).toMatchObject({ conclusion: 'success' });
    expect(gh.results.requests).toEqual([]);
    expect(existsSync(run.outputs.report!)).toBe(true);
    expect(run.summary).toContain('The report could not be uploaded');
    expect(run.summary).toContain('ACTIONS\\_RUNTIME\\_TOKEN is not set');
  });
});
