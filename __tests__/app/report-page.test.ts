/**
 * What the App's report links point at, over the in-memory GitHub port: every check run a
 * judgment writes (a pull request's, the merge queue's, a branch's audit) links to the report
 * page of the commit and pull request it judged, and the judgment the page shows is the check's
 * own, made again: the change against the same base, with the pull request's reviews and ticks,
 * so that its verdict is the check's. Without RSP_GATE_PUBLIC_URL no check carries a link.
 */
import { describe, expect, it } from 'vitest';
import { judgeForReport, NotInstalled, type ReportJudgment } from '../../src/app/jobs.js';
import { createReportLinks, type VerifiedLink } from '../../src/app/report-link.js';
import { reportRenderer } from '../../src/app/report-route.js';
import type { Job } from '../../src/app/queue.js';
import { userEditsComment } from '../../src/github/memory-port.js';
import { openItemsOf, type ReportData } from '../../src/report/report-data.js';
import {
  BASE,
  bytes,
  createWorld,
  exampleFiles,
  judgeJob,
  pull,
  text,
  type WorldOptions,
} from './app-world.js';

const PUBLIC = 'https://rsp-gate.example.com';
const links = createReportLinks({ publicUrl: PUBLIC, webhookSecret: 'webhook-secret' });
/** Commits as GitHub names them (hex): the links take no other. */
const HEAD = 'e'.repeat(40);
const QUEUE = 'f'.repeat(40);
const pr7 = () => pull(7, { headSha: HEAD });
const judge7 = () => judgeJob([7], HEAD);

/** The check's link, verified as the route verifies it. */
function verified(detailsUrl: string | undefined): VerifiedLink {
  expect(detailsUrl, 'the check links to a report page').toMatch(
    /^https:\/\/rsp-gate\.example\.com\/report\//,
  );
  const url = new URL(detailsUrl!);
  const link = links.verify(url.pathname, url.searchParams);
  expect(link, 'the link verifies').not.toBeNull();
  return link!;
}

/**
 * #7 edits the policy only (a comment line): a policy change, blocked until the RSO approves it.
 * Judged as a state, the head alone would pass; the check and its page judge the change.
 */
async function policyEdit(options: WorldOptions = {}) {
  const w = createWorld({ reportLinks: links, ...options });
  const base = await exampleFiles('acme-models-base');
  const head = new Map(base);
  const policy = '.github/rsp-policy.yml';
  head.set(policy, bytes(`${text(base.get(policy))}# a comment the RSO must approve\n`));
  w.port.state.commits.set(BASE, base);
  w.port.state.commits.set(HEAD, head);
  w.port.state.commits.set(QUEUE, head);
  w.port.state.pulls.set(7, pr7());
  return w;
}

const decisionOf = (judgment: ReportJudgment) => judgment.record.decision;

describe('report links on the App’s check runs', () => {
  it('a pull request’s check links to its page, whose verdict is the check’s, before and after the approval', async () => {
    const w = await policyEdit();
    await w.handler(judge7());
    expect(w.shown('rsp-gate', HEAD)?.conclusion).toBe('failure');
    const link = verified(w.shown('rsp-gate', HEAD)?.detailsUrl);
    expect(link).toMatchObject({
      installationId: 1,
      owner: 'acme',
      repo: 'models',
      sha: HEAD,
      pr: 7,
      base: BASE,
    });
    const blocked = await judgeForReport(w.context, link, 'r-1');
    expect(decisionOf(blocked)).toBe('block');
    expect(blocked.record.head).toBe(HEAD);
    expect(blocked.state.models.map((m) => m.id).sort()).toEqual([
      'acme/atlas-2',
      'acme/frontier-6',
      'acme/frontier-7',
    ]);
    // The RSO approves the head: the check passes, and so does the page of the same link.
    w.port.state.reviews.set(7, [
      { user: 'alice-rso', state: 'APPROVED', commit: HEAD, submittedAt: '2026-11-27T12:31:00Z' },
    ]);
    expect(decisionOf(await judgeForReport(w.context, link, 'r-2'))).toBe('pass');
    await w.handler(judge7());
    expect(w.shown('rsp-gate', HEAD)?.conclusion).toBe('success');
    expect(verified(w.shown('rsp-gate', HEAD)?.detailsUrl)).toMatchObject({
      sha: HEAD,
      pr: 7,
      base: BASE,
    });
  });

  it('the page judges with the pull request’s ticks too, as the check does', async () => {
    const w = createWorld({ reportLinks: links });
    w.port.state.commits.set(BASE, await exampleFiles('acme-models-base'));
    w.port.state.commits.set(HEAD, await exampleFiles('acme-models'));
    w.port.state.pulls.set(7, pr7());
    await w.handler(judge7());
    const link = verified(w.shown('rsp-gate', HEAD)?.detailsUrl);
    const before = await judgeForReport(w.context, link, 'r-1');
    const comment = w.port.state.comments.find((c) => c.issue === 7)!;
    userEditsComment(w.port, comment.id, 'alice-rso', comment.body.replaceAll('- [ ] ', '- [x] '));
    const after = await judgeForReport(w.context, link, 'r-2');
    const open = (j: ReportJudgment) =>
      j.record.models.reduce((sum, model) => sum + openItemsOf(model), 0);
    expect(open(after), 'the RSO’s ticks close items on the page').toBeLessThan(open(before));
  });

  it('the merge queue’s check links to its commit judged against the queue’s base', async () => {
    const w = await policyEdit();
    const job: Job = judgeJob([], QUEUE, {
      prs: undefined,
      mergeGroup: { number: 7, checkSha: QUEUE, baseSha: BASE },
      reason: 'merge_group.checks_requested',
    });
    await w.handler(job);
    const link = verified(w.shown('rsp-gate', QUEUE)?.detailsUrl);
    expect(link).toMatchObject({ sha: QUEUE, pr: 7, base: BASE });
    expect(decisionOf(await judgeForReport(w.context, link, 'r-1'))).toBe('block');
  });

  it('a branch’s audit check links to the page of its commit judged as a state', async () => {
    const w = createWorld({ reportLinks: links });
    w.port.state.commits.set(BASE, await exampleFiles('acme-models-base'));
    await w.handler({
      key: `acme/models@${BASE}:state`,
      kind: 'state',
      data: {
        installationId: 1,
        owner: 'acme',
        repo: 'models',
        sha: BASE,
        ref: 'refs/heads/main',
        reason: 'push',
        deliveryId: 'd-1',
      },
    });
    const audit = w.shown('rsp-gate (audit)', BASE);
    expect(audit?.conclusion).toBe('success');
    const link = verified(audit?.detailsUrl);
    expect(link).toMatchObject({ sha: BASE, pr: null, base: null });
    expect(decisionOf(await judgeForReport(w.context, link, 'r-1'))).toBe('pass');
  });

  it('without RSP_GATE_PUBLIC_URL the check carries no link', async () => {
    const w = await policyEdit();
    delete w.context.reportLinks;
    await w.handler(judge7());
    expect(w.shown('rsp-gate', HEAD)?.conclusion).toBe('failure');
    const updates = w.runs('rsp-gate', HEAD).flatMap((r) => r.updates);
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.filter((u) => u.detailsUrl !== undefined)).toEqual([]);
  });

  it('the page shows the check’s judgment, titled by repository, pull request and commit, without history', async () => {
    const w = await policyEdit();
    await w.handler(judge7());
    const link = verified(w.shown('rsp-gate', HEAD)?.detailsUrl);
    const pages: ReportData[] = [];
    const render = reportRenderer(w.context, async (data) => {
      pages.push(data);
      return '<!doctype html>';
    });
    expect(await render(link, 'r-9')).toBe('<!doctype html>');
    const [data] = pages;
    expect(data).toMatchObject({
      decision: 'block',
      history: [],
      historyScope: null,
      redacted: false,
    });
    // The policy edit makes the judgment read every model (no ', the models it touches').
    expect(data!.title).toContain('acme/models #7 at eeeeeee');
    expect(data!.title).not.toContain('touches');
    expect(data!.overview.map((o) => o.model).sort()).toEqual([
      'acme/atlas-2',
      'acme/frontier-6',
      'acme/frontier-7',
    ]);
    expect(w.logged().find((l) => l.msg === 'report page rendered')).toMatchObject({
      request: 'r-9',
      repository: 'acme/models',
      pr: 7,
      decision: 'block',
    });
  });

  it('a link whose installation no longer covers the repository shows nothing', async () => {
    const w = await policyEdit({ installationOf: () => 2 });
    const link = links.verify(
      ...((u: URL) => [u.pathname, u.searchParams] as const)(
        new URL(
          links.linkFor({
            installationId: 1,
            owner: 'acme',
            repo: 'models',
            sha: HEAD,
            pr: 7,
            base: BASE,
          }),
        ),
      ),
    )!;
    await expect(judgeForReport(w.context, link, 'r-1')).rejects.toThrow(NotInstalled);
    expect(w.ports, 'GitHub was not read for the repository').toEqual([]);
  });
});
