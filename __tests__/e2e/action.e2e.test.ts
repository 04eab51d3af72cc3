/**
 * The bundled Action, run as GitHub runs it, against a stateful local GitHub that checks every
 * request against GitHub's OpenAPI and GraphQL descriptions. Every event payload is checked
 * against GitHub's webhook schemas. A whole pull request's life, then one scenario per event.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseChecklist } from '../../src/github/checklist.js';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import {
  buildIssueCommentEvent,
  buildMergeGroupEvent,
  buildPullRequestEvent,
  buildPullRequestReviewEvent,
  buildPullRequestTargetEvent,
  buildPushEvent,
  buildScheduleEvent,
  buildWorkflowDispatchEvent,
  validateWebhookPayload,
} from '../github/webhooks.js';
import { runAction, fakeGitHubClock } from './run-action.js';
import { exampleTexts } from '../helpers/example-files.js';

const BASE = 'b'.repeat(40);
const HEAD = '1'.repeat(40);
const NEXT = '2'.repeat(40);
const MERGE = '3'.repeat(40);
const repo = { owner: 'acme', name: 'models' };
const pr = { repo, number: 7, headSha: HEAD, baseSha: BASE, author: 'dave-ml' };

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub({
    now: fakeGitHubClock(),
    tokens: {
      ghs_bot: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      ghs_readonly: { login: 'github-actions[bot]', id: 41898282, type: 'Bot', readOnly: true },
    },
  });
  gh.state.addCommit(BASE, await exampleTexts('acme-models-base'));
  gh.state.addCommit(HEAD, await exampleTexts('acme-models'), BASE);
  gh.state.setBranch('main', BASE);
  gh.state.openPullRequest({
    number: 7,
    author: 'dave-ml',
    head: HEAD,
    base: BASE,
    baseRef: 'main',
    headRef: 'fr7-uplift',
  });
});
afterEach(async () => {
  expect(gh.violations, 'every request must match GitHub’s API description').toEqual([]);
  await gh.close();
});

/** A payload, checked against GitHub's webhook schema before the Action sees it. */
function event(
  name: string,
  payload: Record<string, unknown>,
  extra: { sha?: string; ref?: string } = {},
) {
  const schemaEvent = name === 'pull_request_target' ? 'pull_request' : name;
  expect(
    validateWebhookPayload(schemaEvent, (payload.action as string | undefined) ?? null, payload),
    `${name} payload`,
  ).toEqual([]);
  return { name, payload, ...extra };
}

function botComments() {
  return gh.state.comments(7).filter((c) => c.author.login === 'github-actions[bot]');
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
  gh.state.userEditsComment(comment.id, login, body);
  return runAction(
    gh,
    event(
      'issue_comment',
      buildIssueCommentEvent('edited', {
        ...pr,
        headSha: gh.state.pullRequest(7).headSha,
        sender: login,
        comment: { id: comment.id, body, user: 'github-actions[bot]', previousBody: comment.body },
      }),
    ),
  );
}

/** A comment's text with Markdown escapes removed, as a reader sees it. */
function plain(body: string): string {
  return body.replace(/\\(.)/g, '$1');
}

function latestCheck(sha: string, name = 'rsp-gate') {
  return gh.state
    .checkRuns(sha)
    .filter((r) => r.name === name)
    .at(-1)!;
}

describe('a pull request’s whole life', () => {
  test('opened → blocked; ticks; a rejected tick; a new push; approvals → passes', async () => {
    // Opened: frontier-7 now needs ASL-3, nothing is confirmed.
    const opened = await runAction(
      gh,
      event('pull_request_target', buildPullRequestTargetEvent('opened', pr)),
    );
    expect(opened.code).toBe(1);
    expect(opened.outputs).toMatchObject({
      decision: 'block',
      'deployment-asl': 'ASL-3',
      'security-asl': 'ASL-3',
    });
    expect(opened.outputs.missing!.split(',')).toHaveLength(16);
    expect(latestCheck(HEAD)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(latestCheck(HEAD).output.title).toBe(
      'Blocked: acme/frontier-7 at ASL-3, 14 of 27 safeguards open',
    );
    expect(botComments()).toHaveLength(1);
    expect(opened.summary).toContain(
      '## 🔴 rsp-gate: blocked — acme/frontier-7 now requires ASL-3',
    );
    expect(opened.stdout).toContain(
      '::error::rsp-gate blocks this change. Blocked: acme/frontier-7 at ASL-3, 14 of 27 safeguards open.',
    );
    console.info(`API requests for a pull_request_target.opened event: ${opened.requests}`);

    // An authorised reviewer ticks three items: counted, still blocked.
    const ticked = await userTicks('alice-rso', [
      'asl3-deploy-threat-model',
      'asl3-deploy-red-teaming',
      'asl3-sec-audits',
    ]);
    expect(ticked.code).toBe(1);
    const frontier7 = () => ticked.record!.models.find((m) => m.id === 'acme/frontier-7')!;
    expect(frontier7().safeguards.filter((s) => s.status === 'satisfied')).toHaveLength(16);
    expect(parseChecklist(botComments()[0]!.body).items.filter((i) => i.checked)).toHaveLength(16);
    console.info(`API requests for an issue_comment.edited (tick) event: ${ticked.requests}`);

    // Someone without a role ticks one: rejected and shown as such.
    const rejected = await userTicks('mallory', ['asl3-deploy-monitoring']);
    const monitoring = rejected
      .record!.models.find((m) => m.id === 'acme/frontier-7')!
      .safeguards.find((s) => s.id === 'asl3-deploy-monitoring')!;
    expect(monitoring).toMatchObject({
      status: 'rejected',
      rejected: [
        { user: 'mallory', why: 'holds none of the allowed roles (safeguards-lead, rso)' },
      ],
    });
    expect(botComments()[0]!.body).toContain('⚠ mallory: holds none of the allowed roles');

    // A new push: judged again on the new head; the confirmed ticks carry over.
    gh.state.addCommit(
      NEXT,
      { ...(await exampleTexts('acme-models')), 'models/frontier-7/NOTES.md': 'rc3\n' },
      HEAD,
    );
    gh.state.pushCommit(7, NEXT);
    const pushed = await runAction(
      gh,
      event(
        'pull_request_target',
        buildPullRequestTargetEvent('synchronize', { ...pr, headSha: NEXT, before: HEAD }),
      ),
    );
    expect(pushed.code).toBe(1);
    expect(latestCheck(NEXT)).toMatchObject({ conclusion: 'failure' });
    expect(
      pushed
        .record!.models.find((m) => m.id === 'acme/frontier-7')!
        .safeguards.filter((s) => s.status === 'satisfied'),
    ).toHaveLength(16);

    // The RSO confirms everything left: only the sign-offs remain.
    const allTicked = await userTicks('alice-rso', 'all');
    expect(allTicked.code).toBe(1);
    expect(
      allTicked
        .record!.models.find((m) => m.id === 'acme/frontier-7')!
        .signoffs.map((s) => s.status),
    ).toEqual(['missing', 'missing']);

    // The CEO and the RSO approve the head commit: the gate passes.
    gh.state.addReview({ pr: 7, user: 'carol-ceo', state: 'APPROVED', commit: NEXT });
    const review = gh.state.addReview({
      pr: 7,
      user: 'alice-rso',
      state: 'APPROVED',
      commit: NEXT,
    });
    const approved = await runAction(
      gh,
      event(
        'pull_request_review',
        buildPullRequestReviewEvent('submitted', {
          ...pr,
          headSha: NEXT,
          review: { id: review.id, user: 'alice-rso', state: 'APPROVED', commitId: NEXT },
        }),
      ),
    );
    expect(approved.code).toBe(0);
    expect(approved.outputs.decision).toBe('pass');
    expect(latestCheck(NEXT)).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(latestCheck(NEXT).output.title).toBe('Pass: 1 model meets its required safeguards');
    expect(botComments()).toHaveLength(1);
    expect(botComments()[0]!.body).toContain('## 🟢 rsp-gate: pass');
  });
});

describe('each event', () => {
  test('pull_request.opened (same-repository pull request) judges the head commit', async () => {
    const run = await runAction(gh, event('pull_request', buildPullRequestEvent('opened', pr)));
    expect(run.outputs.decision).toBe('block');
    expect(latestCheck(HEAD).conclusion).toBe('failure');
  });

  test('pull_request_review.dismissed re-evaluates sign-offs', async () => {
    const review = gh.state.addReview({
      pr: 7,
      user: 'carol-ceo',
      state: 'APPROVED',
      commit: HEAD,
    });
    gh.state.dismissReview(review.id);
    const run = await runAction(
      gh,
      event(
        'pull_request_review',
        buildPullRequestReviewEvent('dismissed', {
          ...pr,
          review: { id: review.id, user: 'carol-ceo', state: 'APPROVED', commitId: HEAD },
        }),
      ),
    );
    expect(
      run
        .record!.models.find((m) => m.id === 'acme/frontier-7')!
        .signoffs.find((s) => s.role === 'ceo')!.status,
    ).toBe('missing');
  });

  test('issue_comment.created `/rsp-gate recheck` re-evaluates and lands the check on the head commit', async () => {
    const comment = gh.state.addComment(7, 'alice-rso', '/rsp-gate recheck');
    const run = await runAction(
      gh,
      event(
        'issue_comment',
        buildIssueCommentEvent('created', {
          ...pr,
          sender: 'alice-rso',
          comment: { id: comment.id, body: '/rsp-gate recheck', user: 'alice-rso' },
        }),
      ),
    );
    expect(run.outputs.decision).toBe('block');
    expect(latestCheck(HEAD).conclusion).toBe('failure');
  });

  test('merge_group.checks_requested judges the queue’s commit with the pull request’s approvals', async () => {
    gh.state.addCommit(MERGE, await exampleTexts('acme-models'), BASE);
    const run = await runAction(
      gh,
      event(
        'merge_group',
        buildMergeGroupEvent({ repo, prNumber: 7, headSha: MERGE, baseSha: BASE }),
      ),
    );
    expect(run.outputs.decision).toBe('block');
    expect(latestCheck(MERGE)).toMatchObject({ conclusion: 'failure' });
  });

  test('push to a release branch records the merged state as a check', async () => {
    const run = await runAction(
      gh,
      event('push', buildPushEvent({ repo, ref: 'refs/heads/main', before: BASE, after: BASE }), {
        sha: BASE,
      }),
    );
    expect(run.code).toBe(0);
    expect(run.outputs.decision).toBe('pass');
    // Under its own name: a whole-branch run never writes the required check on a commit.
    expect(latestCheck(BASE, 'rsp-gate (audit)')).toMatchObject({ conclusion: 'success' });
    expect(gh.state.checkRuns(BASE).filter((r) => r.name === 'rsp-gate')).toEqual([]);
    expect(gh.state.comments(7)).toHaveLength(0);
  });

  test('workflow_dispatch and schedule judge the default branch (expiries)', async () => {
    for (const [name, payload] of [
      ['workflow_dispatch', buildWorkflowDispatchEvent({ repo, ref: 'refs/heads/main' })],
      ['schedule', buildScheduleEvent({ repo, schedule: '17 6 * * *' })],
    ] as const) {
      const run = await runAction(
        gh,
        event(name, payload as Record<string, unknown>, { sha: BASE }),
      );
      expect(run.outputs.decision, name).toBe('pass');
    }
    expect(
      gh.state.checkRuns(BASE).filter((r) => r.name === 'rsp-gate (audit)').length,
    ).toBeGreaterThan(0);
  });

  test('a plain comment on the pull request re-judges it: one judgment, the check on the head', async () => {
    const comment = gh.state.addComment(7, 'dave-ml', 'LGTM, just waiting on the RSO');
    const run = await runAction(
      gh,
      event(
        'issue_comment',
        buildIssueCommentEvent('created', {
          ...pr,
          sender: 'dave-ml',
          comment: { id: comment.id, body: comment.body, user: 'dave-ml' },
        }),
      ),
    );
    expect(run.code).toBe(1);
    expect(run.outputs.decision).toBe('block');
    expect(latestCheck(HEAD)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(botComments()).toHaveLength(1);
    console.info(`API requests for a plain issue_comment.created event: ${run.requests}`);
  });

  test('a labelled pull request is judged too: no pull request event asks for nothing', async () => {
    const run = await runAction(
      gh,
      event('pull_request', buildPullRequestEvent('labeled' as 'opened', pr)),
    );
    expect(run.outputs.decision).toBe('block');
    expect(latestCheck(HEAD)).toMatchObject({ conclusion: 'failure' });
  });

  test('a comment on an issue that is not a pull request is a clear no-op that touches no API', async () => {
    const payload = buildIssueCommentEvent('created', {
      ...pr,
      number: 3,
      sender: 'dave-ml',
      comment: { id: 99, body: '/rsp-gate recheck', user: 'dave-ml' },
    });
    delete (payload.issue as Record<string, unknown>).pull_request;
    const run = await runAction(gh, event('issue_comment', payload));
    expect(run.code).toBe(0);
    expect(run.outputs.decision).toBe('skipped');
    expect(run.stdout).toContain(
      'nothing to judge: the comment is on an issue, not a pull request',
    );
    expect(run.requests).toBe(0);
  });

  test('a read-only token fails closed with what to do', async () => {
    const run = await runAction(
      gh,
      event('pull_request', buildPullRequestEvent('opened', pr)),
      {},
      'ghs_readonly',
    );
    expect(run.code).toBe(1);
    expect(run.outputs.decision).toBe('error');
    expect(run.stdout).toMatch(
      /::error::rsp-gate could not finish: .*HTTP 403.*pull_request_target/,
    );
  });
});

describe('changes to what the gate trusts', () => {
  test('a pull request that edits the policy is judged by the base policy and needs the RSO’s approval', async () => {
    const EDIT = '4'.repeat(40);
    const files = await exampleTexts('acme-models-base');
    const policy = files['.github/rsp-policy.yml']!.replace(
      'mode: enforce',
      'mode: advisory',
    ).replace('rso: { users: [alice-rso] }', 'rso: { users: [alice-rso, mallory] }');
    gh.state.addCommit(EDIT, { ...files, '.github/rsp-policy.yml': policy }, BASE);
    gh.state.openPullRequest({
      number: 8,
      author: 'mallory',
      head: EDIT,
      base: BASE,
      baseRef: 'main',
    });
    const edit = { repo, number: 8, headSha: EDIT, baseSha: BASE, author: 'mallory' };

    const opened = await runAction(
      gh,
      event('pull_request_target', buildPullRequestTargetEvent('opened', edit)),
    );
    expect(opened.code).toBe(1); // the base policy is in enforce mode; the edit cannot switch it off
    expect(latestCheck(EDIT).conclusion).toBe('failure');
    expect(plain(gh.state.comments(8)[0]!.body)).toContain(
      'the policy is edited in this change: it is judged by the base policy and needs an approving review on the head commit from rso',
    );

    const selfApproved = gh.state.addReview({
      pr: 8,
      user: 'mallory',
      state: 'APPROVED',
      commit: EDIT,
    });
    const notOwner = await runAction(
      gh,
      event(
        'pull_request_review',
        buildPullRequestReviewEvent('submitted', {
          ...edit,
          review: { id: selfApproved.id, user: 'mallory', state: 'APPROVED', commitId: EDIT },
        }),
      ),
    );
    expect(notOwner.code).toBe(1); // mallory is an RSO only in the edited policy, which does not judge itself

    const review = gh.state.addReview({
      pr: 8,
      user: 'alice-rso',
      state: 'APPROVED',
      commit: EDIT,
    });
    const approved = await runAction(
      gh,
      event(
        'pull_request_review',
        buildPullRequestReviewEvent('submitted', {
          ...edit,
          review: { id: review.id, user: 'alice-rso', state: 'APPROVED', commitId: EDIT },
        }),
      ),
    );
    expect(approved.code).toBe(0);
    expect(latestCheck(EDIT).conclusion).toBe('success');
  });

  test('an attestation added in the pull request counts only once its approver approves the head', async () => {
    const ATTEST = '5'.repeat(40);
    const attestation =
      'model: acme/frontier-7\nattestations:\n  - { safeguard: asl3-deploy-threat-model, evidence: TM-7, approved_by: [sam-safeguards], date: 2026-11-25 }\n';
    gh.state.addCommit(
      ATTEST,
      {
        ...(await exampleTexts('acme-models')),
        'safeguards/frontier-7-threat-model.yml': attestation,
      },
      BASE,
    );
    gh.state.pushCommit(7, ATTEST);
    const at = { ...pr, headSha: ATTEST };
    const status = (run: Awaited<ReturnType<typeof runAction>>) =>
      run
        .record!.models.find((m) => m.id === 'acme/frontier-7')!
        .safeguards.find((s) => s.id === 'asl3-deploy-threat-model')!.status;

    const unapproved = await runAction(
      gh,
      event(
        'pull_request_target',
        buildPullRequestTargetEvent('synchronize', { ...at, before: HEAD }),
      ),
    );
    expect(status(unapproved)).toBe('missing');
    expect(plain(gh.state.comments(7)[0]!.body)).toContain(
      '⏳ attestation safeguards/frontier-7-threat-model.yml:3 new in this change and not yet approved on the head commit by @\u2060sam-safeguards',
    );

    const review = gh.state.addReview({
      pr: 7,
      user: 'sam-safeguards',
      state: 'APPROVED',
      commit: ATTEST,
    });
    const approved = await runAction(
      gh,
      event(
        'pull_request_review',
        buildPullRequestReviewEvent('submitted', {
          ...at,
          review: { id: review.id, user: 'sam-safeguards', state: 'APPROVED', commitId: ATTEST },
        }),
      ),
    );
    expect(status(approved)).toBe('satisfied');
  });
});

describe('pull requests from forks', () => {
  test('under pull_request_target, a fork’s files are read through the API as data, judged by the base policy', async () => {
    const FORK = '6'.repeat(40);
    const files = await exampleTexts('acme-models');
    // The fork also ships a "policy" that would let anything through, and a workflow change.
    gh.state.addCommit(
      FORK,
      {
        ...files,
        '.github/rsp-policy.yml': 'version: 1\nextends: anthropic-rsp-v2.2\nmode: advisory\n',
        '.github/workflows/rsp-gate.yml': 'on: push\n',
      },
      BASE,
    );
    gh.state.openPullRequest({
      number: 11,
      author: 'mallory',
      head: FORK,
      base: BASE,
      baseRef: 'main',
      headRepo: { owner: 'mallory', name: 'models' },
    });
    const fork = {
      repo,
      number: 11,
      headSha: FORK,
      baseSha: BASE,
      author: 'mallory',
      headRepo: { owner: 'mallory', name: 'models' },
    };
    const run = await runAction(
      gh,
      event('pull_request_target', buildPullRequestTargetEvent('opened', fork)),
    );
    expect(run.code).toBe(1);
    expect(gh.state.checkRuns(FORK).at(-1)!.conclusion).toBe('failure');
    const reasons = JSON.parse(readFileSync(run.outputs.record!, 'utf8')).reasons as {
      code: string;
    }[];
    expect(reasons.map((r) => r.code)).toContain('policy-changed');
    // Only reads of git objects and PR metadata, no write outside the comment and the check.
    const writes = gh.requests
      .filter((r) => r.method !== 'GET' && r.path !== '/graphql')
      .map((r) => `${r.method} ${r.operationId}`);
    expect([...new Set(writes)].sort()).toEqual([
      'POST checks/create',
      'POST issues/create-comment',
    ]);
  });
});

describe('what a pull request costs', () => {
  test('a pull request that changes one model card reads that card, never the whole repository', async () => {
    const CARD_EDIT = '7'.repeat(40);
    const card = 'models/atlas-2/MODEL_CARD.md';
    const files = await exampleTexts('acme-models-base');
    gh.state.addCommit(
      CARD_EDIT,
      {
        ...files,
        [card]: files[card]!.replace('A small instruction-tuned', 'A compact instruction-tuned'),
      },
      BASE,
    );
    gh.state.openPullRequest({
      number: 9,
      author: 'dave-ml',
      head: CARD_EDIT,
      base: BASE,
      baseRef: 'main',
    });
    const before = gh.requests.length;
    const run = await runAction(
      gh,
      event(
        'pull_request_target',
        buildPullRequestTargetEvent('opened', {
          repo,
          number: 9,
          headSha: CARD_EDIT,
          baseSha: BASE,
          author: 'dave-ml',
        }),
      ),
    );
    expect(run.code).toBe(0);
    expect(run.record!.models.map((m) => m.id)).toEqual(['acme/atlas-2']);
    const made = gh.requests.slice(before);
    // Files are read by path (contents), by id (blobs), or many small ones to a GraphQL query.
    const byPath = made.filter((r) => r.path.includes('/contents/'));
    const byId = made.filter((r) => r.path.includes('/git/blobs/'));
    const textQueries = made.filter(
      (r) =>
        r.path === '/graphql' &&
        /\bobject\(oid:/.test(String((r.body as { query?: string }).query)),
    );
    const inQueries = textQueries.flatMap((r) =>
      Object.keys((r.body as { variables: Record<string, string> }).variables).filter((k) =>
        /^o\d+$/.test(k),
      ),
    );
    const filesRead = byPath.length + byId.length + inQueries.length;
    const other = made.length - byPath.length - byId.length - textQueries.length;
    // The issue's budget: at most 10 requests besides one per file read, and no whole-tree listing.
    expect(other).toBeLessThanOrEqual(10);
    expect(made.length).toBeLessThanOrEqual(10 + filesRead);
    expect(made.filter((r) => r.path.includes('/git/trees/'))).toEqual([]);
    // What it read: the policy and the card at both ends by path; the card's evidence and the
    // attestations by id.
    expect(
      byPath.map((r) => decodeURIComponent(r.path.replace(/^.*\/contents\//, ''))).sort(),
    ).toEqual(['.github/rsp-policy.yml', card, card]);
    expect(byId.length + inQueries.length).toBe(
      1 + Object.keys(files).filter((p) => p.startsWith('safeguards/')).length,
    );
    console.info(
      `API requests for a one-card pull request: ${made.length} (${filesRead} files read, ${other} other requests)`,
    );
  });
});

describe('links among changed cards', () => {
  const reasons = (run: Awaited<ReturnType<typeof runAction>>) =>
    (run.record as unknown as { reasons: { code: string; file: string | null }[] }).reasons;

  async function openCardPullRequest(number: number, sha: string, edit: Record<string, unknown>) {
    const files = await exampleTexts('acme-models-base');
    gh.state.addCommit(sha, { ...files, ...edit } as Record<string, string>, BASE);
    gh.state.openPullRequest({ number, author: 'dave-ml', head: sha, base: BASE, baseRef: 'main' });
    return runAction(
      gh,
      event(
        'pull_request_target',
        buildPullRequestTargetEvent('opened', {
          repo,
          number,
          headSha: sha,
          baseSha: BASE,
          author: 'dave-ml',
        }),
      ),
    );
  }

  test('a card replaced by a link is refused when read by path', async () => {
    const run = await openCardPullRequest(10, '8'.repeat(40), {
      'models/atlas-2/MODEL_CARD.md': { symlink: '../frontier-6/MODEL_CARD.md' },
    });
    expect(run.code).toBe(1);
    expect(reasons(run)).toContainEqual(
      expect.objectContaining({ code: 'symlink', file: 'models/atlas-2/MODEL_CARD.md' }),
    );
  });

  test('many changed cards are found through their directories, and a link among them is refused', async () => {
    const files = await exampleTexts('acme-models-base');
    const before = gh.requests.length;
    const run = await openCardPullRequest(11, '9'.repeat(40), {
      'models/atlas-2/MODEL_CARD.md': { symlink: '../frontier-6/MODEL_CARD.md' },
      'models/frontier-6/MODEL_CARD.md': files['models/frontier-6/MODEL_CARD.md']!.replace(
        '# frontier-6',
        '# frontier-6 (edited)',
      ),
      'models/frontier-7/MODEL_CARD.md': files['models/frontier-7/MODEL_CARD.md']!.replace(
        '# frontier-7',
        '# frontier-7 (edited)',
      ),
    });
    expect(run.code).toBe(1);
    expect(reasons(run)).toContainEqual(
      expect.objectContaining({ code: 'symlink', file: 'models/atlas-2/MODEL_CARD.md' }),
    );
    // Six card versions: found by listing their directories, not read one by one by path.
    const made = gh.requests.slice(before);
    expect(made.filter((r) => r.path.includes('/contents/models'))).toEqual([]);
  });
});
