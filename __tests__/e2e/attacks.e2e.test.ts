/**
 * The attack suite: ways a same-repository author under deadline pressure tries to get a change
 * past the gate without the approvals it needs, each replayed through the bundled Action against
 * the fake GitHub. For every attack, the `rsp-gate` check on the head of every open pull request
 * of the scenario ends red, and the gate's comment says why. Where it matters, everything else
 * the change needs is legitimately ticked and signed off first, so the attack is the only thing
 * between the change and a green check. Two legitimate controls must pass, so the suite cannot be
 * satisfied by a gate that always blocks.
 *
 * All four kinds of attempt issue 10 reported as getting through are here, closed:
 * - "a second pull request shares the head commit": the required check on a commit speaks for
 *   every open pull request with that head into a protected base, and a pull request into any
 *   other base is judged under `rsp-gate (into BRANCH)`;
 * - "a push run judges the head commit as a state": whole-branch runs write `rsp-gate (audit)`;
 * - "a revocation that never runs" ("revocation": a "changes requested" review or a dismissed
 *   approval whose run GitHub cancels, an unticked item, a run cancelled by hand, a fork's review
 *   run with a read-only token), which a later run or the merge queue's run judges red. Where a
 *   run is cancelled by hand and nothing follows, the check on the pull request's head keeps its
 *   last verdict (the known limit the README states) and the merge queue's check on its merge
 *   commit is what stops the merge;
 * - "independent means only not the opener" ("independence").
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import {
  buildIssueCommentEvent,
  buildMergeGroupEvent,
  buildPullRequestReviewEvent,
  buildPullRequestTargetEvent,
  buildPushEvent,
  buildWorkflowDispatchEvent,
  validateWebhookPayload,
} from '../github/webhooks.js';
import { runAction, type ActionRun, fakeGitHubClock } from './run-action.js';
import { exampleTexts } from '../helpers/example-files.js';

const BASE = 'b'.repeat(40);
const repo = { owner: 'acme', name: 'models' };
const F7 = 'acme/frontier-7';
const THREAT_MODEL = 'asl3-deploy-threat-model'; // independent; rso or safeguards-lead
const POLICY = '.github/rsp-policy.yml';
const F7_CARD = 'models/frontier-7/MODEL_CARD.md';
const A2_CARD = 'models/atlas-2/MODEL_CARD.md';
const CROSSING = 'models/frontier-7/evals/uplift-trial-2026-11.evidence.yml'; // ratio 5.3

type Files = Record<string, string>;
type Pr = {
  repo: typeof repo;
  number: number;
  headSha: string;
  baseSha: string;
  author: string;
  /** the fork the head branch lives in */
  headRepo?: { owner: string; name: string };
};

/** `files` with `from` replaced by `to` in `path`; the replacement must happen. */
function edit(files: Files, path: string, from: string, to: string): Files {
  expect(files[path], path).toContain(from);
  return { ...files, [path]: files[path]!.replace(from, to) };
}

function without(files: Files, ...paths: string[]): Files {
  return Object.fromEntries(Object.entries(files).filter(([path]) => !paths.includes(path)));
}

let base: Files; // main before frontier-7's uplift result: every model passes
let head: Files; // the uplift result added: frontier-7 now needs ASL-3
beforeAll(async () => {
  base = await exampleTexts('acme-models-base');
  head = await exampleTexts('acme-models');
});

let gh: FakeGitHub;
let opened: number[];
let nextSha: number;
beforeEach(async () => {
  gh = await startFakeGitHub({
    now: fakeGitHubClock(),
    tokens: {
      ghs_bot: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      // what a fork's pull request gets under pull_request_review
      ghs_readonly: { login: 'github-actions[bot]', id: 41898282, type: 'Bot', readOnly: true },
    },
  });
  gh.state.addCommit(BASE, base, undefined, { author: 'carol-ceo' });
  gh.state.setBranch('main', BASE);
  opened = [];
  nextSha = 1;
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

function sha(): string {
  return (nextSha++).toString(16).padStart(2, '0').repeat(20);
}

/** A commit on main, made by carol-ceo (a change merged earlier). */
function merged(files: Files): string {
  const at = sha();
  gh.state.addCommit(at, files, BASE, { author: 'carol-ceo' });
  gh.state.setBranch('main', at);
  return at;
}

/**
 * `opener` opens a pull request into main whose head commit, by `commitAuthor`, holds `files`
 * (on a branch of `opener`'s fork when `fork`); the gate judges it.
 */
async function openPr(
  files: Files,
  opts: { opener?: string; commitAuthor?: string; baseSha?: string; fork?: boolean } = {},
): Promise<{ pr: Pr; run: ActionRun }> {
  const opener = opts.opener ?? 'dave-ml';
  const baseSha = opts.baseSha ?? BASE;
  const headSha = sha();
  gh.state.addCommit(headSha, files, baseSha, { author: opts.commitAuthor ?? opener });
  const number = 100 + opened.length;
  const headRepo = opts.fork ? { headRepo: { owner: opener, name: repo.name } } : {};
  gh.state.openPullRequest({
    number,
    author: opener,
    head: headSha,
    base: baseSha,
    baseRef: 'main',
    ...headRepo,
  });
  opened.push(number);
  const pr = { repo, number, headSha, baseSha, author: opener, ...headRepo };
  const run = await runAction(
    gh,
    event('pull_request_target', buildPullRequestTargetEvent('opened', pr)),
  );
  return { pr, run };
}

function botComment(pr: Pr) {
  return gh.state.comments(pr.number).find((c) => c.author.login === 'github-actions[bot]')!;
}

function tickLines(body: string, ids: (id: string) => boolean): string {
  return body
    .split('\n')
    .map((line) => {
      const id = /`([a-z0-9-]+)`/.exec(line)?.[1];
      return line.startsWith('- [ ] ') && id !== undefined && ids(id)
        ? line.replace('- [ ] ', '- [x] ')
        : line;
    })
    .join('\n');
}

/** `login` ticks items of the gate's comment in the browser; the edit starts a run. */
async function ticks(pr: Pr, login: string, ids: (id: string) => boolean): Promise<ActionRun> {
  return editsChecklist(pr, login, tickLines(botComment(pr).body, ids));
}

/** `login` saves `body` as the gate's comment in the browser; the edit starts a run. */
async function editsChecklist(pr: Pr, login: string, body: string): Promise<ActionRun> {
  const comment = botComment(pr);
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

/** `login` posts a comment; the comment starts a run. */
async function comments(pr: Pr, login: string, body: string): Promise<ActionRun> {
  const comment = gh.state.addComment(pr.number, login, body);
  return runAction(
    gh,
    event(
      'issue_comment',
      buildIssueCommentEvent('created', {
        ...pr,
        sender: login,
        comment: { id: comment.id, body, user: login },
      }),
    ),
  );
}

/** `login` approves the head commit; the review starts a run. */
async function approves(pr: Pr, login: string): Promise<ActionRun> {
  const review = gh.state.addReview({
    pr: pr.number,
    user: login,
    state: 'APPROVED',
    commit: pr.headSha,
  });
  return runAction(
    gh,
    event(
      'pull_request_review',
      buildPullRequestReviewEvent('submitted', {
        ...pr,
        review: { id: review.id, user: login, state: 'APPROVED', commitId: pr.headSha },
      }),
    ),
  );
}

/**
 * Everything the change needs, done legitimately, except the items in `but`: the CEO and the RSO
 * approve the head commit, and `ticker` (the RSO unless told) ticks every other item.
 */
async function approveAllBut(pr: Pr, but: string[], ticker = 'alice-rso'): Promise<ActionRun> {
  for (const login of ['carol-ceo', 'alice-rso'])
    gh.state.addReview({ pr: pr.number, user: login, state: 'APPROVED', commit: pr.headSha });
  return ticks(pr, ticker, (id) => !but.includes(id));
}

function item(run: ActionRun, id: string, model = F7) {
  return run.record!.models.find((m) => m.id === model)!.safeguards.find((s) => s.id === id)!;
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

function latestCheck(headSha: string) {
  return gh.state
    .checkRuns(headSha)
    .filter((r) => r.name === 'rsp-gate')
    .at(-1);
}

/**
 * The attack is stopped: the `rsp-gate` check on the head of every open pull request ends red,
 * and each one's comment says `why`.
 */
function expectStopped(...why: (string | RegExp)[]) {
  expect(opened.length).toBeGreaterThan(0);
  for (const number of opened) {
    const pr = gh.state.pullRequest(number);
    expect(latestCheck(pr.headSha), `check on #${number}`).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
    });
    expectBlockedSaying(number, ...why);
  }
}

/** The gate's comment on pull request `number` says it is blocked, and `why`. */
function expectBlockedSaying(number: number, ...why: (string | RegExp)[]) {
  const body = readable(
    gh.state.comments(number).find((c) => c.author.login === 'github-actions[bot]')!.body,
  );
  if (process.env.ATTACKS_DEBUG) console.info(`#${number}\n${body}`);
  expect(body).toContain('## 🔴 rsp-gate: blocked');
  for (const phrase of why)
    if (typeof phrase === 'string') expect(body).toContain(phrase);
    else expect(body).toMatch(phrase);
}

function expectPasses(run: ActionRun, pr: Pr) {
  expect(run.code, run.stdout).toBe(0);
  expect(run.outputs.decision).toBe('pass');
  expect(latestCheck(pr.headSha)).toMatchObject({ status: 'completed', conclusion: 'success' });
  expect(botComment(pr).body).toContain('## 🟢 rsp-gate: pass');
}

/** atlas-3: a successor of atlas-2 at about its compute, assessed with atlas-2's results. */
function atlas3(result: (dateLine: string) => string): Files {
  const card = base[A2_CARD]!.replace('model: acme/atlas-2', 'model: acme/atlas-3')
    .replace('model_name: atlas-2', 'model_name: atlas-3')
    .replace('- name: atlas-2', '- name: atlas-3')
    .replace(
      '  effective_compute: 3.1e23',
      '  previous: ../atlas-2/MODEL_CARD.md\n  effective_compute: 3.3e23',
    )
    .replace('assessed_at: 2026-08-14', 'assessed_at: 2026-11-20');
  const evidence = base['models/atlas-2/evals/capability-assessment.evidence.yml']!.replace(
    'model: acme/atlas-2',
    'model: acme/atlas-3',
  )
    .split('\n')
    .map((line) => (line.trimStart().startsWith('date:') ? result(line) : line))
    .join('\n');
  return {
    'models/atlas-3/MODEL_CARD.md': card,
    'models/atlas-3/evals/capability-assessment.evidence.yml': `${evidence}\n`,
  };
}

describe('legitimate controls', () => {
  test('new evidence raises frontier-7 to ASL-3; the right roles tick its safeguards and sign off: passes', async () => {
    const { pr, run } = await openPr(head);
    expect(run.outputs).toMatchObject({ decision: 'block', 'deployment-asl': 'ASL-3' });
    const done = await approveAllBut(pr, []);
    expectPasses(done, pr);
  });

  test('a new model whose fresh evidence stays below every threshold passes', async () => {
    const { pr, run } = await openPr({
      ...base,
      ...atlas3((line) => line.replace(/2026-08-1\d/, '2026-11-18')),
    });
    expectPasses(run, pr);
    expect(run.record!.models.map((m) => m.id)).toEqual(['acme/atlas-3']);
  });
});

const EDITED =
  'the policy is edited in this change: it is judged by the base policy and needs an approving review on the head commit from rso';
const RULED_OUT =
  'acme/frontier-7: CBRN-3 was crossed at the base and is ruled out in this change — needs an approving review on the head commit from rso';
/** Everything but one item is confirmed and signed off: the attack is all that stands in the way. */
const ONLY_ONE_OPEN =
  '### `acme/frontier-7`: safeguards for ASL-3 deployment / ASL-3 security (26 of 27 confirmed)';
const THREAT_MODEL_OPEN =
  '- [ ] Misuse threat model mapped and reviewed `asl3-deploy-threat-model`';
const REDATED =
  'model: acme/frontier-7\nattestations:\n  - { safeguard: asl3-deploy-threat-model, evidence: TM-7, approved_by: [sam-safeguards], date: DATE }\n';

describe('attacks', () => {
  test.each([
    [
      'switches the policy to advisory mode',
      (files: Files) => edit(files, POLICY, 'mode: enforce', 'mode: advisory'),
      EDITED,
    ],
    [
      'makes the author an RSO',
      (files: Files) =>
        edit(files, POLICY, 'rso: { users: [alice-rso] }', 'rso: { users: [alice-rso, mallory] }'),
      EDITED,
    ],
    [
      'deletes the policy',
      (files: Files) => without(files, POLICY),
      'the edited policy is invalid: the change deletes the policy file',
    ],
  ])(
    'policy edit: a pull request that %s, approved by its author, is judged by the base policy and blocks',
    async (_name, attack, why) => {
      const { pr } = await openPr(attack(head), { opener: 'mallory' });
      await approves(pr, 'mallory'); // an RSO only in the edited policy, which does not judge itself
      expectStopped(why, '## 🔴 rsp-gate: blocked — acme/frontier-7 now requires ASL-3');
    },
  );

  test.each([
    [
      'narrows the card’s globs so the result is no longer claimed',
      (files: Files) =>
        edit(
          files,
          F7_CARD,
          '"evals/**/*.evidence.yml"',
          '"evals/capability-assessment.evidence.yml", "evals/uplift-trial-2026-08.evidence.yml"',
        ),
    ],
    [
      'moves the result out of the card’s globs',
      (files: Files) => ({
        ...without(files, CROSSING),
        'models/frontier-7/archive/uplift-trial-2026-11.yml': files[CROSSING]!,
      }),
    ],
  ])('glob retargeting: a change that %s after it merged blocks', async (_name, attack) => {
    const main = merged(head);
    await openPr(attack(head), { baseSha: main });
    expectStopped(
      RULED_OUT,
      'models/frontier-7/evals/uplift-trial-2026-11.evidence.yml was evidence for bio-uplift-trial ratio and is gone from this change',
    );
  });

  test.each([
    [
      'someone with no role ticks it',
      { opener: 'dave-ml', forger: 'mallory' },
      '⚠ mallory: holds none of the allowed roles (safeguards-lead, rso) — not counted',
    ],
    [
      'the pull request’s opener ticks their own independent item',
      { opener: 'sam-safeguards', forger: 'sam-safeguards' },
      '⚠ sam-safeguards: wrote this change (opened the pull request), so may not confirm an independent safeguard — not counted',
    ],
  ])('forged tick: %s; everything else approved, it is rejected', async (_name, who, why) => {
    const { pr } = await openPr(head, { opener: who.opener, commitAuthor: 'dave-ml' });
    await approveAllBut(pr, [THREAT_MODEL]);
    const forged = await ticks(pr, who.forger, (id) => id === THREAT_MODEL);
    expect(item(forged, THREAT_MODEL)).toMatchObject({ status: 'rejected' });
    expectStopped(why, ONLY_ONE_OPEN, THREAT_MODEL_OPEN);
  });

  test('copied checklist: the author posts the gate’s checklist, every item ticked, as their own comment: nothing counts', async () => {
    const { pr } = await openPr(head);
    await approveAllBut(pr, [THREAT_MODEL]);
    const copy = tickLines(botComment(pr).body, () => true);
    expect(copy).toContain('<!-- rsp-gate:comment -->');
    const run = await comments(pr, 'dave-ml', copy);
    expect(item(run, THREAT_MODEL).status).toBe('missing');
    expectStopped(ONLY_ONE_OPEN, THREAT_MODEL_OPEN);
  });

  test.each([
    [
      'dated more than 180 days ago',
      (line: string) => line.replace(/2026-08-1\d/, '2025-03-10'),
      /cannot rule out with models\/atlas-3\/evals\/capability-assessment\.evidence\.yml: stale: 627 days old, limit 180 \(CBRN-3 not ruled out, counts as crossed\)/,
    ],
    [
      'from cancelled runs',
      (line: string) => `${line.replace(/2026-08-1\d/, '2026-11-18')}\n    status: cancelled`,
      'cannot rule out with models/atlas-3/evals/capability-assessment.evidence.yml: run status is cancelled (CBRN-3 not ruled out, counts as crossed)',
    ],
  ])(
    'stale run: a new model’s results %s cannot rule a threshold out',
    async (_name, result, why) => {
      await openPr({ ...base, ...atlas3(result) });
      expectStopped(why, '## 🔴 rsp-gate: blocked — acme/atlas-3 requires ASL-4');
    },
  );

  test('stale approvals: sign-offs given before a new push do not carry to the new head', async () => {
    const { pr } = await openPr(head);
    expectPasses(await approveAllBut(pr, []), pr);
    const next = sha();
    gh.state.addCommit(next, edit(head, CROSSING, 'value: 5.3', 'value: 5.4'), pr.headSha, {
      author: 'dave-ml',
    });
    gh.state.pushCommit(pr.number, next);
    await runAction(
      gh,
      event(
        'pull_request_target',
        buildPullRequestTargetEvent('synchronize', { ...pr, headSha: next, before: pr.headSha }),
      ),
    );
    expectStopped(
      '- ⬜ `ceo` — approving review on `0202020`, or a `signoff: ASL-3` attestation',
      '- ⬜ `rso` — approving review on `0202020`, or a `signoff: ASL-3` attestation',
    );
  });

  test('re-dated attestation: an expired attestation given a new date counts only once its approver approves the head', async () => {
    const main = merged({
      ...head,
      'safeguards/frontier-7-threat-model.yml': REDATED.replace('DATE', '2025-09-01'),
    });
    const { pr } = await openPr(
      { ...head, 'safeguards/frontier-7-threat-model.yml': REDATED.replace('DATE', '2026-11-20') },
      { baseSha: main },
    );
    const run = await approveAllBut(pr, [THREAT_MODEL]);
    expect(item(run, THREAT_MODEL).status).toBe('missing');
    expectStopped(
      ONLY_ONE_OPEN,
      '⏳ attestation safeguards/frontier-7-threat-model.yml:3 new in this change and not yet approved on the head commit by @sam-safeguards',
    );
  });

  test('`*` attestation: a safeguard attested for every model counts only once its approver approves the head', async () => {
    const { pr } = await openPr({
      ...head,
      'safeguards/org-asl3.yml': REDATED.replace('acme/frontier-7', '"*"').replace(
        'DATE',
        '2026-11-20',
      ),
    });
    const run = await approveAllBut(pr, [THREAT_MODEL]);
    expect(item(run, THREAT_MODEL).status).toBe('missing');
    expectStopped(
      ONLY_ONE_OPEN,
      '⏳ attestation safeguards/org-asl3.yml:3 new in this change and not yet approved on the head commit by @sam-safeguards',
    );
  });

  test('`*` attestation: a capability decision for every model is refused', async () => {
    await openPr({
      ...head,
      'safeguards/org-decisions.yml':
        'model: "*"\nattestations:\n  - { decision: capability, threshold: CBRN-3, verdict: below, approved_by: [alice-rso, carol-ceo], date: 2026-11-20 }\n',
    });
    expectStopped(
      'a decision attestation must name its model; `model: "*"` is for org-wide safeguards only',
    );
  });

  test.each([
    [
      'frontier-7 and atlas-2 swap model ids',
      (files: Files) => ({
        ...edit(files, F7_CARD, 'model: acme/frontier-7', 'model: acme/atlas-2'),
        [A2_CARD]: files[A2_CARD]!.replace('model: acme/atlas-2', 'model: acme/frontier-7'),
      }),
      'acme/atlas-2: rsp.effective_compute changed from 3.1e+23 to 4.2e+25, which decides when a comprehensive assessment is due — needs an approving review on the head commit from rso',
    ],
    [
      'frontier-7’s card is renamed to a new model',
      (files: Files) => edit(files, F7_CARD, 'model: acme/frontier-7', 'model: acme/frontier-7b'),
      'acme/frontier-7 (models/frontier-7/MODEL_CARD.md) is no longer judged: its card is gone or no longer a model card — needs an approving review on the head commit from rso',
    ],
  ])('swapped cards: %s in the change that adds its result', async (_name, attack, why) => {
    await openPr(attack(head));
    expectStopped(why);
  });

  test('independence: a colleague opens the pull request and the commit author ticks their own independent item', async () => {
    const { pr } = await openPr(head, { opener: 'dave-ml', commitAuthor: 'sam-safeguards' });
    await approveAllBut(pr, [THREAT_MODEL]);
    const own = await ticks(pr, 'sam-safeguards', (id) => id === THREAT_MODEL);
    expect(item(own, THREAT_MODEL)).toMatchObject({ status: 'rejected' });
    expectStopped(
      ONLY_ONE_OPEN,
      '⚠ sam-safeguards: wrote this change (authored commit 0101010), so may not confirm an independent safeguard — not counted',
    );
  });
});

/** The CEO's sign-off on the first pull request's head, open again. */
const CEO_OPEN = '- ⬜ `ceo` — approving review on `0101010`, or a `signoff: ASL-3` attestation';

/** A pull request that raises frontier-7 to ASL-3, with everything it needs done: green. */
async function approvedPr(opts: { fork?: boolean } = {}): Promise<Pr> {
  const { pr } = await openPr(head, opts);
  expectPasses(await approveAllBut(pr, []), pr);
  return pr;
}

/**
 * `login` withdraws with a "changes requested" review on the head. Returns the event of the run
 * the review queues, for the test to run, or to leave unrun when GitHub or a person cancels it.
 */
function requestsChanges(pr: Pr, login: string) {
  const body = 'Withdrawn: the red-team report on the classifiers is not in yet.';
  const review = gh.state.addReview({
    pr: pr.number,
    user: login,
    state: 'CHANGES_REQUESTED',
    commit: pr.headSha,
    body,
  });
  return event(
    'pull_request_review',
    buildPullRequestReviewEvent('submitted', {
      ...pr,
      review: {
        id: review.id,
        user: login,
        state: 'CHANGES_REQUESTED',
        commitId: pr.headSha,
        body,
      },
    }),
  );
}

/** `login` edits a comment of their own (not the gate's); the edit starts a run. */
async function editsOwnComment(pr: Pr, login: string, id: number, body: string) {
  const previousBody = gh.state.comment(id)!.body;
  gh.state.userEditsComment(id, login, body);
  return runAction(
    gh,
    event(
      'issue_comment',
      buildIssueCommentEvent('edited', {
        ...pr,
        sender: login,
        comment: { id, body, user: login, previousBody },
      }),
    ),
  );
}

/**
 * The merge queue takes `pr` onto main. Its `merge_group` run (a write token, a concurrency group
 * of its own) judges the queue's merge commit, whose check is the one the branch requires.
 */
async function mergeQueue(pr: Pr): Promise<{ merge: string; run: ActionRun }> {
  const merge = sha();
  gh.state.addCommit(merge, head, [pr.baseSha, pr.headSha], { author: 'github-merge-queue[bot]' });
  const queued = event(
    'merge_group',
    buildMergeGroupEvent({ repo, prNumber: pr.number, headSha: merge, baseSha: pr.baseSha }),
  );
  const ref = `refs/heads/gh-readonly-queue/main/pr-${pr.number}-${pr.baseSha}`;
  return { merge, run: await runAction(gh, { ...queued, sha: merge, ref }) };
}

/** The check on the pull request's head still shows the success written before the revocation. */
function expectStaleSuccess(pr: Pr) {
  expect(latestCheck(pr.headSha)).toMatchObject({ status: 'completed', conclusion: 'success' });
}

describe('revocation', () => {
  test.each([
    ['a plain comment', (pr: Pr) => comments(pr, 'dave-ml', 'Anything else needed here?')],
    [
      'the author’s edit of their own earlier comment',
      (pr: Pr, own: number) => editsOwnComment(pr, 'dave-ml', own, 'Ready to merge (edited).'),
    ],
  ])(
    'cancelled by GitHub: a signer requests changes after everything passed and that run never runs; the run of %s re-judges and turns the check red',
    async (_name, later) => {
      const pr = await approvedPr();
      const own = gh.state.addComment(pr.number, 'dave-ml', 'Ready to merge.').id;
      requestsChanges(pr, 'carol-ceo'); // its run is cancelled while pending: it never runs
      expectStaleSuccess(pr);
      const run = await later(pr, own);
      expect(run.outputs.decision).toBe('block');
      expectStopped(CEO_OPEN, '## 🔴 rsp-gate: blocked — acme/frontier-7 now requires ASL-3');
    },
  );

  test('dismissed approval: the CEO’s approval is dismissed and that run is cancelled; the next event’s run (a title edit) turns the check red', async () => {
    const pr = await approvedPr();
    const approval = gh.state
      .reviewsSeenBy(pr.number, 'carol-ceo')
      .find((r) => r.user.login === 'carol-ceo' && r.state === 'APPROVED')!;
    gh.state.dismissReview(approval.id);
    // The dismissal's event; its run is cancelled while pending, so it never runs.
    event(
      'pull_request_review',
      buildPullRequestReviewEvent('dismissed', {
        ...pr,
        review: { id: approval.id, user: 'carol-ceo', state: 'APPROVED', commitId: pr.headSha },
      }),
    );
    expectStaleSuccess(pr);
    await runAction(
      gh,
      event(
        'pull_request_target',
        buildPullRequestTargetEvent('edited', { ...pr, title: 'Raise frontier-7 to ASL-3' }),
      ),
    );
    expectStopped(CEO_OPEN);
  });

  test('unticked item: the role holder who ticked an item removes the tick; its own run reopens it, and the sign-offs that follow leave the check red', async () => {
    const { pr } = await openPr(head);
    await ticks(pr, 'alice-rso', () => true);
    const body = botComment(pr).body;
    const ticked = body.split('\n').find((l) => l.startsWith('- [x] ') && l.includes(THREAT_MODEL));
    expect(ticked, 'the ticked item in the gate’s comment').toBeDefined();
    const untick = await editsChecklist(
      pr,
      'alice-rso',
      body.replace(ticked!, ticked!.replace('- [x] ', '- [ ] ')),
    );
    expect(item(untick, THREAT_MODEL).status).toBe('missing');
    await approves(pr, 'carol-ceo');
    const last = await approves(pr, 'alice-rso'); // with the tick, this run would pass
    expect(last.outputs.decision).toBe('block');
    expectStopped(ONLY_ONE_OPEN, THREAT_MODEL_OPEN);
  });

  test('after the pass: the safeguards lead, who signs nothing, requests changes; its run turns the check red and the comment says who', async () => {
    const pr = await approvedPr();
    const run = await runAction(gh, requestsChanges(pr, 'sam-safeguards'));
    expect(run.outputs.decision).toBe('block');
    expectStopped(/@sam-safeguards \(safeguards-lead\) requested changes on [0-9a-f]{7}/);
  });

  test('after the pass: the RSO unticks an item in the passing comment, which keeps its ticked checklist; that run turns the check red', async () => {
    const pr = await approvedPr();
    const body = botComment(pr).body;
    const ticked = body.split('\n').find((l) => l.startsWith('- [x] ') && l.includes(THREAT_MODEL));
    expect(ticked, 'the passing comment still lists the ticked item').toBeDefined();
    const untick = await editsChecklist(
      pr,
      'alice-rso',
      body.replace(ticked!, ticked!.replace('- [x] ', '- [ ] ')),
    );
    expect(untick.outputs.decision).toBe('block');
    expectStopped(ONLY_ONE_OPEN, THREAT_MODEL_OPEN);
  });

  test.each([
    ['the author', 'dave-ml', true],
    ['a role holder who did not write the change (the RSO)', 'alice-rso', false],
  ])(
    'after the pass, the safeguards lead requests changes and %s dismisses the review',
    async (_who, dismisser, stands) => {
      const pr = await approvedPr();
      await runAction(gh, requestsChanges(pr, 'sam-safeguards'));
      const request = gh.state
        .reviewsSeenBy(pr.number, 'sam-safeguards')
        .find((r) => r.user.login === 'sam-safeguards' && r.state === 'CHANGES_REQUESTED')!;
      gh.state.dismissReview(request.id, dismisser);
      const run = await runAction(
        gh,
        event(
          'pull_request_review',
          buildPullRequestReviewEvent('dismissed', {
            ...pr,
            sender: dismisser,
            review: {
              id: request.id,
              user: 'sam-safeguards',
              state: 'CHANGES_REQUESTED',
              commitId: pr.headSha,
            },
          }),
        ),
      );
      if (stands) {
        expect(run.outputs.decision).toBe('block');
        expectStopped(
          `the review was dismissed, but @${dismisser}, who dismissed it, holds no role in the policy`,
        );
      } else expectPasses(run, pr); // the control: a dismissal by someone allowed lifts it
    },
  );

  test('cancelled by hand: a person with write access cancels the revoking run and nothing else arrives; the merge queue judges its merge commit red, so nothing merges', async () => {
    const pr = await approvedPr();
    requestsChanges(pr, 'carol-ceo'); // its run is cancelled by hand in the Actions tab
    const { merge, run } = await mergeQueue(pr);
    expect(run.outputs.decision).toBe('block');
    expect(latestCheck(merge), 'the merge commit’s check, which the branch requires').toMatchObject(
      { status: 'completed', conclusion: 'failure' },
    );
    expectBlockedSaying(pr.number, CEO_OPEN);
    // The known limit: no workflow answers a run cancelled by hand, so the check on the pull
    // request's head keeps the last verdict until the next event. The queue's check is what merges.
    expectStaleSuccess(pr);
  });

  test('fork: the revoking review’s run has a read-only token, fails closed and writes nothing; the merge queue judges red', async () => {
    const pr = await approvedPr({ fork: true });
    const checks = structuredClone(gh.state.checkRuns(pr.headSha));
    const comment = botComment(pr).body;
    const before = gh.requests.length;
    const review = await runAction(gh, requestsChanges(pr, 'carol-ceo'), {}, 'ghs_readonly');
    expect(review.code).toBe(1);
    expect(review.outputs.decision).toBe('error');
    expect(review.stdout).toMatch(
      /::error::rsp-gate could not finish: .*HTTP 403.*A review on a pull request from a fork runs with a read-only token/,
    );
    const writes = gh.requests
      .slice(before)
      .filter((r) => r.method !== 'GET' && r.path !== '/graphql');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.map((r) => r.status)).toEqual(writes.map(() => 403));
    expect(gh.state.checkRuns(pr.headSha)).toEqual(checks);
    expect(botComment(pr).body).toBe(comment);
    const { merge, run } = await mergeQueue(pr);
    expect(run.outputs.decision).toBe('block');
    expect(latestCheck(merge)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expectBlockedSaying(pr.number, CEO_OPEN);
  });

  test('fork: after the revoking review’s read-only run, any later comment, judged in the base repository with a write token, turns the check red', async () => {
    const pr = await approvedPr({ fork: true });
    const review = await runAction(gh, requestsChanges(pr, 'carol-ceo'), {}, 'ghs_readonly');
    expect(review.outputs.decision).toBe('error');
    expectStaleSuccess(pr);
    await comments(pr, 'bob-sec', 'Carol asked for changes; holding this.');
    expectStopped(CEO_OPEN);
  });
});

/** A forged attestation for frontier-7's independent threat-model item: sam never approved. */
const FORGED = 'safeguards/frontier-7-threat-model.yml';
const FORGED_ATTESTATION = REDATED.replace('DATE', '2026-11-20');
const FORGED_PENDING =
  '⏳ attestation safeguards/frontier-7-threat-model.yml:3 new in this change and not yet approved on the head commit by @sam-safeguards';

/**
 * The real pull request into main: its head adds frontier-7's crossing result and the forged
 * attestation; everything else it needs is legitimately done, so the forgery is what stands.
 */
async function forgedPr(): Promise<Pr> {
  const { pr } = await openPr({ ...head, [FORGED]: FORGED_ATTESTATION });
  await approveAllBut(pr, [THREAT_MODEL]);
  return pr;
}

/**
 * `opener` pushes branch `branch` at `at` (a commit that already holds the forged attestation) and
 * opens a second pull request from the same head `pr.headSha` into it; the gate judges it.
 */
async function secondPrInto(pr: Pr, branch: string, at = pr.headSha): Promise<ActionRun> {
  gh.state.setBranch(branch, at);
  const number = 100 + opened.length;
  gh.state.openPullRequest({
    number,
    author: pr.author,
    head: pr.headSha,
    base: at,
    baseRef: branch,
    headRef: `rsp/pr-${pr.number}`,
  });
  opened.push(number);
  return runAction(
    gh,
    event(
      'pull_request_target',
      buildPullRequestTargetEvent('opened', { ...pr, number, baseSha: at, baseRef: branch }),
    ),
  );
}

function checkNamed(headSha: string, name: string) {
  return gh.state
    .checkRuns(headSha)
    .filter((r) => r.name === name)
    .at(-1);
}

describe('a second pull request shares the head commit', () => {
  test('into a branch the author made, holding the forged attestation: judged under `rsp-gate (into BRANCH)`; `rsp-gate` on the shared head stays red', async () => {
    const pr = await forgedPr();
    const second = await secondPrInto(pr, 'forged');
    expect(second.outputs.decision).toBe('pass'); // against its own base, the forgery is "already there"
    expect(checkNamed(pr.headSha, 'rsp-gate (into forged)')).toMatchObject({
      conclusion: 'success',
    });
    expect(latestCheck(pr.headSha)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expectBlockedSaying(pr.number, ONLY_ONE_OPEN, FORGED_PENDING);
    const note = readable(botComment({ ...pr, number: opened[1]! }).body);
    expect(note).toContain(
      'This pull request’s base is not protected (no ruleset or branch protection of `forged` requires `rsp-gate`), so its verdict is the `rsp-gate (into forged)` check, which no rule requires',
    );
  });

  test('the second pull request opened first: the real one’s runs still leave `rsp-gate` red', async () => {
    const headSha = sha();
    gh.state.addCommit(headSha, { ...head, [FORGED]: FORGED_ATTESTATION }, BASE, {
      author: 'dave-ml',
    });
    const real: Pr = { repo, number: 100, headSha, baseSha: BASE, author: 'dave-ml' };
    await secondPrInto(real, 'forged'); // #100 here: into `forged`, judged first
    expect(latestCheck(headSha)).toBeUndefined(); // nothing yet speaks for a protected base
    const intoMain = { ...real, number: 101 };
    gh.state.openPullRequest({ number: 101, author: 'dave-ml', head: headSha, base: BASE });
    opened.push(101);
    await runAction(
      gh,
      event('pull_request_target', buildPullRequestTargetEvent('opened', intoMain)),
    );
    await approveAllBut(intoMain, [THREAT_MODEL]);
    expectBlockedSaying(101, ONLY_ONE_OPEN, FORGED_PENDING);
    expect(latestCheck(headSha)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  test('into a branch a ruleset protects (`release/**`): `rsp-gate` speaks for both pull requests, is red, and lists them', async () => {
    gh.state.addRuleset('release branches', ['release/**'], ['rsp-gate']);
    const pr = await forgedPr();
    const second = await secondPrInto(pr, 'release/forged');
    expect(second.outputs.decision).toBe('pass');
    expect(second.code).toBe(1); // the step fails: the required check it wrote is red
    const check = latestCheck(pr.headSha)!;
    expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(check.output.title).toBe(`Blocked by pull request #${pr.number} into main`);
    expect(check.output.summary).toContain(`- #${pr.number} into \`main\`: blocked`);
    expect(check.output.summary).toContain(`- #${opened[1]} into \`release/forged\`: passes`);
    expect(readable(botComment({ ...pr, number: opened[1]! }).body)).toContain(
      `also speaks for pull request #${pr.number} into \`main\`, which has the same head commit and is blocked`,
    );
    expectBlockedSaying(pr.number, ONLY_ONE_OPEN, FORGED_PENDING);
  });

  test('into a branch classic protection guards: the same, from the protection GitHub shows on the branch', async () => {
    gh.state.protectBranch('stable', ['rsp-gate']);
    const pr = await forgedPr();
    await secondPrInto(pr, 'stable');
    expect(checkNamed(pr.headSha, 'rsp-gate (into stable)')).toBeUndefined();
    expect(latestCheck(pr.headSha)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(latestCheck(pr.headSha)!.output.summary).toContain('into `stable`: passes');
  });
});

/**
 * A change the pull request blocks but the commit, judged as a state by its own policy, passes:
 * it makes its author an RSO. Opened and approved by that author.
 */
async function selfPromotingPr(): Promise<Pr> {
  const { pr } = await openPr(
    edit(base, POLICY, 'rso: { users: [alice-rso] }', 'rso: { users: [alice-rso, mallory] }'),
    { opener: 'mallory' },
  );
  await approves(pr, 'mallory');
  return pr;
}

describe('a push run judges the head commit as a state', () => {
  test.each([
    [
      'pushes the head to `release/…`: the push run',
      (at: string) => ({
        ...event(
          'push',
          buildPushEvent({
            repo,
            ref: 'refs/heads/release/mallory',
            before: '0'.repeat(40),
            after: at,
          }),
        ),
        sha: at,
        ref: 'refs/heads/release/mallory',
      }),
    ],
    [
      'starts the workflow by hand on that branch: the manual run',
      (at: string) => ({
        ...event(
          'workflow_dispatch',
          buildWorkflowDispatchEvent({ repo, ref: 'refs/heads/release/mallory' }),
        ),
        sha: at,
        ref: 'refs/heads/release/mallory',
      }),
    ],
  ])(
    'the author %s passes the commit by its own policy, under `rsp-gate (audit)`; `rsp-gate` on the head stays red',
    async (_name, whole) => {
      const pr = await selfPromotingPr();
      gh.state.setBranch('release/mallory', pr.headSha);
      const run = await runAction(gh, whole(pr.headSha));
      expect(run.outputs.decision).toBe('pass'); // the commit's own policy makes mallory an RSO
      expect(checkNamed(pr.headSha, 'rsp-gate (audit)')).toMatchObject({
        conclusion: 'success',
      });
      expectStopped(EDITED);
    },
  );
});
