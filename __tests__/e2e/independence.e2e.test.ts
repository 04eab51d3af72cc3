/**
 * Independence is from everyone who wrote the change, through the bundled Action and the fake
 * GitHub: a colleague opens the pull request, and the author of its commits ticks their own
 * independent item; a co-author does; whoever pressed Update branch does (and may); and when the
 * gate cannot tell who wrote the change (an author with no GitHub account, more commits than it
 * reads), nobody may, and the comment says why.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import {
  buildIssueCommentEvent,
  buildPullRequestTargetEvent,
  validateWebhookPayload,
} from '../github/webhooks.js';
import { runAction, type ActionRun, fakeGitHubClock } from './run-action.js';
import { exampleTexts } from '../helpers/example-files.js';

const BASE = 'b'.repeat(40);
const HEAD = '1'.repeat(40);
const repo = { owner: 'acme', name: 'models' };
const THREAT_MODEL = 'asl3-deploy-threat-model'; // independent; rso or safeguards-lead
const RED_TEAMING = 'asl3-deploy-red-teaming'; // independent; rso or safeguards-lead

let gh: FakeGitHub;
let base: Record<string, string>;
let head: Record<string, string>;
beforeEach(async () => {
  gh = await startFakeGitHub({
    now: fakeGitHubClock(),
    tokens: { ghs_bot: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } },
  });
  base = await exampleTexts('acme-models-base');
  head = await exampleTexts('acme-models');
  gh.state.addCommit(BASE, base, undefined, { author: 'carol-ceo' });
  gh.state.setBranch('main', BASE);
});
afterEach(async () => {
  expect(gh.violations, 'every request must match GitHub’s API description').toEqual([]);
  await gh.close();
});

function event(name: string, payload: Record<string, unknown>) {
  const schemaEvent = name === 'pull_request_target' ? 'pull_request' : name;
  expect(
    validateWebhookPayload(schemaEvent, (payload.action as string | undefined) ?? null, payload),
    `${name} payload`,
  ).toEqual([]);
  return { name, payload };
}

/** dave-ml opens pull request #7 from `headSha` into main at `baseSha`; the gate judges it. */
async function open(headSha: string, baseSha = BASE) {
  gh.state.openPullRequest({
    number: 7,
    author: 'dave-ml',
    head: headSha,
    base: baseSha,
    baseRef: 'main',
  });
  const pr = { repo, number: 7, headSha, baseSha, author: 'dave-ml' };
  const run = await runAction(
    gh,
    event('pull_request_target', buildPullRequestTargetEvent('opened', pr)),
  );
  return { pr, run };
}

function botComment() {
  return gh.state.comments(7).find((c) => c.author.login === 'github-actions[bot]')!;
}

/** `login` ticks the items in the gate's comment in the browser; the edit starts a run. */
async function ticks(pr: Awaited<ReturnType<typeof open>>['pr'], login: string, ids: string[]) {
  const comment = botComment();
  const body = comment.body
    .split('\n')
    .map((line) =>
      line.startsWith('- [ ] ') && ids.some((id) => line.includes(`\`${id}\``))
        ? line.replace('- [ ] ', '- [x] ')
        : line,
    )
    .join('\n');
  gh.state.userEditsComment(comment.id, login, body);
  return runAction(
    gh,
    event(
      'issue_comment',
      buildIssueCommentEvent('edited', {
        ...pr,
        sender: login,
        comment: { id: comment.id, body, user: 'github-actions[bot]', previousBody: comment.body },
      }),
    ),
  );
}

function item(run: ActionRun, id: string) {
  return run
    .record!.models.find((m) => m.id === 'acme/frontier-7')!
    .safeguards.find((s) => s.id === id)!;
}

/** The comment as a reader sees it: Markdown escapes, entities and word joiners undone. */
function readable(body: string): string {
  return body
    .replace(/\\(.)/g, '$1')
    .replace(/\u2060/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('a colleague opens the pull request for the author of its commits', () => {
  test('the commit author’s tick on an independent item is rejected, with the reason in the comment', async () => {
    gh.state.addCommit(HEAD, head, BASE, {
      author: 'alice-rso',
      message: 'Add the bioweapons-uplift trial for frontier-7',
    });
    const { pr, run: opened } = await open(HEAD);
    expect(opened.code).toBe(1);
    // The comparison the gate already reads lists the commits: no request is added.
    const made = gh.requests.slice(-opened.requests);
    expect(made.filter((r) => r.query.page !== undefined)).toEqual([]);
    expect(
      made.filter((r) => String((r.body as { query?: string })?.query).includes('authors(')),
    ).toEqual([]);
    expect(readable(botComment().body)).toContain(
      '**Independent items** can be confirmed only by someone who did not write this change. Not by: @dave-ml (opened the pull request), @alice-rso (authored commit 1111111).',
    );

    const own = await ticks(pr, 'alice-rso', [THREAT_MODEL]);
    expect(own.code).toBe(1);
    expect(item(own, THREAT_MODEL)).toMatchObject({
      status: 'rejected',
      rejected: [
        {
          user: 'alice-rso',
          why: 'wrote this change (authored commit 1111111), so may not confirm an independent safeguard',
        },
      ],
    });
    const body = readable(botComment().body);
    expect(body).toContain(
      '⚠ alice-rso: wrote this change (authored commit 1111111), so may not confirm an independent safeguard — not counted',
    );
    expect(body).toContain(
      `- [ ] Misuse threat model mapped and reviewed \`${THREAT_MODEL}\` — needs: \`safeguards-lead\` or \`rso\` (independent: not @dave-ml, @alice-rso)`,
    );

    // Someone who wrote none of it may.
    const other = await ticks(pr, 'sam-safeguards', [THREAT_MODEL]);
    expect(item(other, THREAT_MODEL)).toMatchObject({
      status: 'satisfied',
      confirmed_by: [{ user: 'sam-safeguards', via: 'checklist' }],
    });
  });

  test('a Co-authored-by co-author’s tick is rejected', async () => {
    gh.state.addCommit(HEAD, head, BASE, { author: 'bob-sec', coAuthors: ['sam-safeguards'] });
    const { pr } = await open(HEAD);
    const run = await ticks(pr, 'sam-safeguards', [RED_TEAMING]);
    expect(item(run, RED_TEAMING)).toMatchObject({
      status: 'rejected',
      rejected: [
        {
          user: 'sam-safeguards',
          why: 'wrote this change (co-authored commit 1111111), so may not confirm an independent safeguard',
        },
      ],
    });
    expect(readable(botComment().body)).toContain(
      '⚠ sam-safeguards: wrote this change (co-authored commit 1111111)',
    );
  });

  test('whoever pressed Update branch wrote nothing of the change, and may tick', async () => {
    const MAIN2 = '4'.repeat(40);
    const MERGED = '5'.repeat(40);
    gh.state.addCommit(HEAD, head, BASE, { author: 'bob-sec' });
    gh.state.addCommit(MAIN2, { ...base, 'docs/CHANGELOG.md': 'moved on\n' }, BASE, {
      author: 'carol-ceo',
    });
    gh.state.setBranch('main', MAIN2);
    gh.state.addCommit(MERGED, { ...head, 'docs/CHANGELOG.md': 'moved on\n' }, [HEAD, MAIN2], {
      author: 'alice-rso',
      committer: { name: 'GitHub', email: 'noreply@github.com' },
      message: "Merge branch 'main' into rsp/pr-7",
    });
    const { pr, run: opened } = await open(MERGED, MAIN2);
    expect((opened.record as unknown as { independence: unknown }).independence).toEqual({
      excluded: [
        { user: 'dave-ml', why: 'opened the pull request' },
        { user: 'bob-sec', why: 'authored commit 1111111' },
      ],
      unknown: [],
    });
    const run = await ticks(pr, 'alice-rso', [THREAT_MODEL]);
    expect(item(run, THREAT_MODEL)).toMatchObject({
      status: 'satisfied',
      confirmed_by: [{ user: 'alice-rso', via: 'checklist' }],
    });
  });
});

describe('when the gate cannot tell who wrote the change, nobody may confirm an independent item', () => {
  test('a commit author with no GitHub account: the comment says why and what to do; linking the email lifts it', async () => {
    gh.state.addCommit(HEAD, head, BASE, {
      author: { name: 'Bob Sec', email: 'bob@laptop.local' },
    });
    const { pr } = await open(HEAD);
    const run = await ticks(pr, 'sam-safeguards', [RED_TEAMING]);
    const reason =
      'Bob Sec <bob@laptop.local> (author of commit 1111111) has no GitHub account that lists that email';
    expect(item(run, RED_TEAMING)).toMatchObject({
      status: 'rejected',
      rejected: [
        {
          user: 'sam-safeguards',
          why: `nobody may confirm an independent safeguard while the gate cannot tell who wrote this change: ${reason}`,
        },
      ],
    });
    const body = readable(botComment().body);
    expect(body).toContain('⛔ **Nobody can confirm an independent item yet:**');
    expect(body).toContain(`- ${reason}`);
    expect(body).toContain('add the email to their GitHub account');
    expect(body).toContain('(independent: nobody can confirm it yet, see above)');

    // bob-sec adds the address to his account; GitHub links the commit; a recheck counts the tick.
    gh.state.linkEmail('bob@laptop.local', 'bob-sec');
    const recheck = gh.state.addComment(7, 'sam-safeguards', '/rsp-gate recheck');
    const rechecked = await runAction(
      gh,
      event(
        'issue_comment',
        buildIssueCommentEvent('created', {
          ...pr,
          sender: 'sam-safeguards',
          comment: { id: recheck.id, body: '/rsp-gate recheck', user: 'sam-safeguards' },
        }),
      ),
    );
    expect(item(rechecked, RED_TEAMING)).toMatchObject({
      status: 'satisfied',
      confirmed_by: [{ user: 'sam-safeguards', via: 'checklist' }],
    });
  });

  test('a commit list the gate cannot read whole (3,001 commits): every tick on an independent item is rejected', async () => {
    // 3,000 commits of notes, then the evidence: more than the gate reads who wrote.
    let parent = BASE;
    for (let i = 1; i <= 3000; i++) {
      const sha = i.toString(16).padStart(8, '0').padEnd(40, 'c');
      gh.state.addCommit(sha, { ...base, 'docs/NOTES.md': `${i}\n` }, parent, {
        author: 'bob-sec',
      });
      parent = sha;
    }
    gh.state.addCommit(HEAD, head, parent, { author: 'bob-sec' });
    const { pr } = await open(HEAD);
    const run = await ticks(pr, 'alice-rso', [THREAT_MODEL]);
    expect(item(run, THREAT_MODEL)).toMatchObject({
      status: 'rejected',
      rejected: [
        {
          user: 'alice-rso',
          why: 'nobody may confirm an independent safeguard while the gate cannot tell who wrote this change: the pull request has 3,001 commits and the gate reads who wrote at most 3,000',
        },
      ],
    });
    expect(run.code).toBe(1);
    expect(readable(botComment().body)).toContain(
      '- the pull request has 3,001 commits and the gate reads who wrote at most 3,000',
    );
  });
});
