/**
 * Attacks on the App by a repository author who wants a model card merged without its approvals,
 * and by GitHub's own deliveries arriving in awkward orders: each is a way to get a green (or
 * neutral, which a required check counts as passing) `rsp-gate` the Action would not give, to
 * keep a stale one, or to make the App lose a judgment. Each test is what a reviewer would check
 * on GitHub: the check a pull request's merge box reads.
 */
import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { readConfig } from '../../src/app/config.js';
import { jobsForDelivery } from '../../src/app/deliveries.js';
import { createMemoryQueue, MAX_ATTEMPTS, type Job } from '../../src/app/queue.js';
import { readStamp } from '../../src/gate/judge-on-github.js';
import { userEditsComment } from '../../src/github/memory-port.js';
import {
  BASE,
  bytes,
  createWorld,
  drain,
  exampleFiles,
  HEAD,
  judgeJob,
  ORG_HEAD,
  pull,
  text,
} from './app-world.js';

const SCRATCH = 's'.repeat(40);

/**
 * The example repository with its cards at `models/<name>/card.md`, a path the default card globs
 * do not match: its policy finds them with its own `discovery.cards`.
 */
async function cardsAtOwnPaths(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of await exampleFiles(dir)) {
    const moved = path.replace(/\/MODEL_CARD\.md$/, '/card.md');
    files.set(moved, bytes(text(data).replaceAll('MODEL_CARD.md', 'card.md')));
  }
  return files;
}

describe('the "not configured" neutral check', () => {
  /**
   * #7 into main weakens the policy (`mode: advisory`): a policy change, blocked until the policy
   * owners approve. No model cards anywhere. #8 has the same head, into `base`, a branch without
   * the policy file (one the author pushed, or an old protected one).
   */
  async function sharedHeadWorld(baseRef: string) {
    const w = createWorld();
    const policy = text((await exampleFiles('acme-models-base')).get('.github/rsp-policy.yml'));
    const readme: [string, Uint8Array] = ['README.md', bytes('models\n')];
    w.port.state.commits.set(BASE, new Map([readme, ['.github/rsp-policy.yml', bytes(policy)]]));
    w.port.state.commits.set(
      HEAD,
      new Map([
        readme,
        ['.github/rsp-policy.yml', bytes(policy.replace('mode: enforce', 'mode: advisory'))],
      ]),
    );
    w.port.state.commits.set(SCRATCH, new Map([readme]));
    w.port.state.pulls.set(7, pull(7));
    w.port.state.pulls.set(8, pull(8, { baseSha: SCRATCH, baseRef }));
    return w;
  }

  it('a pull request into a branch without a policy does not turn the blocked head of a pull request into main neutral', async () => {
    const w = await sharedHeadWorld('scratch');
    await w.handler(judgeJob([7, 8]));
    expect(w.shown()).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(w.shown()?.output.title).toMatch(/polic/i);
    // #8's own verdict is its own check, which no rule requires.
    expect(w.shown('rsp-gate (into scratch)')?.conclusion).toBe('neutral');
  });

  it('nor does one into a protected branch without a policy: the check on a shared head speaks for both', async () => {
    const w = await sharedHeadWorld('release/1');
    w.port.state.enforcement.set('release/1', {
      rulesetChecks: [{ context: 'rsp-gate', ruleset: 'releases' }],
      classic: { protected: false, requiredChecks: [] },
    });
    for (const order of [
      [7, 8],
      [8, 7],
    ]) {
      for (const number of order) await w.handler(judgeJob([number]));
      expect(w.shown(), `judged in the order ${order.join(', ')}`).toMatchObject({
        status: 'completed',
        conclusion: 'failure',
      });
    }
  });

  it('a card outside the default paths, with no policy anywhere, is found by its rsp block and fails', async () => {
    const w = createWorld();
    const plain = new Map([['README.md', bytes('hello\n')]]);
    w.port.state.commits.set(BASE, plain);
    w.port.state.commits.set(
      HEAD,
      new Map([
        ...plain,
        ['docs/frontier-7.md', bytes('---\nrsp:\n  model: acme/frontier-7\n---\n# frontier-7\n')],
      ]),
    );
    w.port.state.pulls.set(7, pull(7));
    await w.handler(judgeJob([7]));
    expect(w.shown()).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(w.shown()?.output.summary).toContain('`docs/frontier-7.md`');
  });

  it('a pull request that brings the first policy, whose card paths find its cards, is not neutral', async () => {
    const w = createWorld();
    const plain = new Map([['README.md', bytes('hello\n')]]);
    w.port.state.commits.set(BASE, plain);
    w.port.state.commits.set(
      HEAD,
      new Map([
        ...plain,
        [
          '.github/rsp-policy.yml',
          bytes('version: 1\nextends: anthropic-rsp-v2.2@2\ndiscovery:\n  cards: ["cards/*.md"]\n'),
        ],
        ['cards/frontier-7.md', bytes('# frontier-7\n')],
      ]),
    );
    w.port.state.pulls.set(7, pull(7));
    await w.handler(judgeJob([7]));
    expect(w.shown()).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(w.shown()?.output.summary).toContain('`cards/frontier-7.md`');
  });

  it('alone on its head, a pull request into a protected branch without any policy gets the neutral check', async () => {
    const w = createWorld();
    const plain = new Map([['README.md', bytes('hello\n')]]);
    w.port.state.commits.set(BASE, plain);
    w.port.state.commits.set(HEAD, new Map([...plain, ['docs.md', bytes('more\n')]]));
    w.port.state.pulls.set(7, pull(7));
    await w.handler(judgeJob([7]));
    expect(w.shown()).toMatchObject({ status: 'completed', conclusion: 'neutral' });
  });
});

const QUEUE = 'q'.repeat(40);

/** #7 passes on HEAD: every item ticked by the RSO, and the CEO and RSO approve the head. */
async function passingPullRequest() {
  const w = createWorld();
  w.port.state.commits.set(BASE, await exampleFiles('acme-models-base'));
  w.port.state.commits.set(HEAD, await exampleFiles('acme-models'));
  // The merge queue's commit: main with #7 on top (main has not moved).
  w.port.state.commits.set(QUEUE, await exampleFiles('acme-models'));
  w.port.state.pulls.set(7, pull(7));
  await w.handler(judgeJob([7]));
  const comment = w.port.state.comments.find((c) => c.issue === 7)!;
  userEditsComment(w.port, comment.id, 'alice-rso', comment.body.replaceAll('- [ ] ', '- [x] '));
  w.port.state.reviews.set(7, [
    { user: 'carol-ceo', state: 'APPROVED', commit: HEAD, submittedAt: '2026-11-27T12:30:00Z' },
    { user: 'alice-rso', state: 'APPROVED', commit: HEAD, submittedAt: '2026-11-27T12:31:00Z' },
  ]);
  await w.handler(judgeJob([7]));
  expect(w.shown()?.conclusion, '#7 passes').toBe('success');
  w.port.state.enforcement.set('release/1', {
    rulesetChecks: [{ context: 'rsp-gate', ruleset: 'releases' }],
    classic: { protected: false, requiredChecks: [] },
  });
  return w;
}

const mergeGroupJob = () =>
  judgeJob([], QUEUE, {
    prs: undefined,
    mergeGroup: { number: 7, checkSha: QUEUE, baseSha: BASE },
    reason: 'merge_group.checks_requested',
  });

describe('the merge queue’s commit as the head of another pull request', () => {
  it('a pull request whose head is the queue’s commit, into another protected branch, is not passed by the queue’s verdict', async () => {
    // #9: the author pushed the queue's commit to a branch of theirs and opened it into
    // release/1, where nobody approved or ticked anything. rsp-gate on that commit speaks for #9.
    const w = await passingPullRequest();
    w.port.state.pulls.set(9, pull(9, { headSha: QUEUE, headRef: 'sneak', baseRef: 'release/1' }));
    await w.handler(judgeJob([9], QUEUE));
    expect(w.shown('rsp-gate', QUEUE)?.conclusion, '#9 alone').toBe('failure');
    await w.handler(mergeGroupJob());
    expect(w.shown('rsp-gate', QUEUE)?.conclusion, 'after the queue’s run').toBe('failure');
    expect(w.shown('rsp-gate', QUEUE)?.output.summary).toContain('#9 into `release/1`: blocked');
  });

  it('a merge queue job and a pull request job folded under one commit judge both', async () => {
    const w = await passingPullRequest();
    w.port.state.pulls.set(9, pull(9, { headSha: QUEUE, headRef: 'sneak', baseRef: 'release/1' }));
    await w.queue.add(mergeGroupJob());
    expect(await w.queue.add(judgeJob([9], QUEUE))).toBe('folded');
    await w.queue.start(w.handler);
    await drain(w.queue);
    const judged = w.logged().filter((l) => l.msg === 'judged');
    expect(judged.map((l) => l.target)).toEqual(['#7', '#7', '#9', '#7']);
    // #9 got its own comment, saying it is blocked.
    expect(w.port.state.comments.filter((c) => c.issue === 9)).toHaveLength(1);
    expect(w.shown('rsp-gate', QUEUE)?.conclusion).toBe('failure');
  });
});

describe('deliveries GitHub sends that the App must not ignore', () => {
  const repository = { name: 'models', owner: { login: 'acme' }, default_branch: 'main' };
  const installation = { id: 1 };
  const sender = { login: 'dana', type: 'User' };
  const options = { policyPath: '.github/rsp-policy.yml' };
  const jobsOf = (event: string, payload: object) => {
    const outcome = jobsForDelivery(event, payload, 'delivery-1', options);
    return 'ignored' in outcome ? [] : outcome.jobs;
  };

  it('"Re-run all checks" (check_suite.rerequested) judges the suite’s commit and its pull requests', () => {
    const jobs = jobsOf('check_suite', {
      action: 'rerequested',
      installation,
      repository,
      sender,
      check_suite: { head_sha: HEAD, head_branch: 'topic', pull_requests: [{ number: 4 }] },
    });
    expect(jobs).toEqual([
      expect.objectContaining({
        key: `acme/models@${HEAD}`,
        kind: 'judge',
        data: expect.objectContaining({ sha: HEAD, prs: [4] }),
      }),
    ]);
    // The suite GitHub opens on every push is left to the pull request's own events.
    expect(
      jobsOf('check_suite', {
        action: 'requested',
        installation,
        repository,
        sender,
        check_suite: { head_sha: HEAD, head_branch: 'topic', pull_requests: [{ number: 4 }] },
      }),
    ).toEqual([]);
  });

  it('Re-run of rsp-gate on a fork’s pull request (GitHub lists no pull requests then) judges the pull requests with that head, not a branch', async () => {
    const [job] = jobsOf('check_run', {
      action: 'rerequested',
      installation,
      repository,
      sender,
      check_run: {
        name: 'rsp-gate',
        head_sha: HEAD,
        pull_requests: [],
        check_suite: { head_branch: null },
      },
    });
    expect(job).toMatchObject({ key: `acme/models@${HEAD}`, kind: 'judge', data: { sha: HEAD } });
    // The job finds the fork's pull request by its head and judges it.
    const w = createWorld();
    w.port.state.commits.set(BASE, await exampleFiles('acme-models-base'));
    w.port.state.commits.set(HEAD, await exampleFiles('acme-models'));
    w.port.state.pulls.set(7, pull(7, { headRepo: 'dave-ml/models' }));
    await w.handler(job!);
    expect(w.shown()).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(w.port.state.comments.filter((c) => c.issue === 7)).toHaveLength(1);
    // Re-run of the audit check of a pushed branch judges that branch again.
    const [audit] = jobsOf('check_run', {
      action: 'rerequested',
      installation,
      repository,
      sender,
      check_run: {
        name: 'rsp-gate (audit)',
        head_sha: HEAD,
        pull_requests: [],
        check_suite: { head_branch: 'main' },
      },
    });
    expect(audit).toMatchObject({ kind: 'state', data: { ref: 'refs/heads/main' } });
  });

  it('Re-run of rsp-gate on the merge queue’s commit judges the queue’s commit again', () => {
    for (const event of ['check_run', 'check_suite'] as const) {
      const branch = `gh-readonly-queue/main/pr-12-${'c'.repeat(40)}`;
      const checked = {
        head_sha: HEAD,
        head_branch: branch,
        pull_requests: [],
        check_suite: { head_branch: branch },
        name: 'rsp-gate',
      };
      const [job] = jobsOf(event, {
        action: 'rerequested',
        installation,
        repository,
        sender,
        [event]: checked,
      });
      expect(job, event).toMatchObject({
        key: `acme/models@${HEAD}`,
        kind: 'judge',
        data: { sha: HEAD, mergeGroup: { number: 12, checkSha: HEAD } },
      });
    }
  });

  it('adding the organization’s .github repository to the installation, or removing it, re-judges every repository', () => {
    for (const [action, field] of [
      ['added', 'repositories_added'],
      ['removed', 'repositories_removed'],
    ] as const) {
      const [job] = jobsOf('installation_repositories', {
        action,
        installation: { id: 1, account: { login: 'acme' } },
        sender,
        [field]: [{ name: '.github' }],
      });
      expect(job, action).toMatchObject({ kind: 'sweep', data: { repo: '', force: true } });
      expect(job!.data.repos, action).toBeUndefined();
    }
  });

  it('someone leaving a team (or the organization) re-judges every open pull request: their approval may have counted for a role', () => {
    for (const [event, payload] of [
      [
        'membership',
        { action: 'removed', scope: 'team', team: { slug: 'rso' }, member: { login: 'alice-rso' } },
      ],
      ['organization', { action: 'member_removed', membership: { user: { login: 'alice-rso' } } }],
    ] as const) {
      const [job] = jobsOf(event, {
        ...payload,
        installation: { id: 1 },
        organization: { login: 'acme' },
        sender,
      });
      expect(job, event).toMatchObject({
        kind: 'sweep',
        key: 'installation:1',
        data: { owner: 'acme', repo: '', force: true },
      });
      expect(job!.data.reason, event).toContain('alice-rso');
    }
    expect(
      jobsOf('membership', {
        action: 'added',
        scope: 'team',
        team: { slug: 'rso' },
        member: { login: 'carol' },
        installation: { id: 1 },
        organization: { login: 'acme' },
        sender,
      }),
    ).toEqual([]);
  });

  it('a force-push that rewinds the organization’s policy re-judges every repository', () => {
    // The push lists no commits (they are all older) and its head commit touched other files.
    const [, sweep] = jobsOf('push', {
      installation,
      repository: { ...repository, name: '.github' },
      sender,
      ref: 'refs/heads/main',
      before: 'e'.repeat(40),
      after: HEAD,
      forced: true,
      commits: [],
      head_commit: { added: [], removed: [], modified: ['README.md'] },
    });
    expect(sweep).toMatchObject({ kind: 'sweep', data: { repo: '', force: true } });
  });
});

describe('a restart does not keep a stale green', () => {
  it('stopping the in-process queue (SIGTERM, a deploy) runs the jobs still waiting, not only the running ones', async () => {
    // A "changes requested" review arrived while another judgment of its head ran: its job waits.
    // Dropping it on stop would leave the green until something else re-judges the head.
    const queue = createMemoryQueue({ concurrency: 1 });
    const ran: string[] = [];
    await queue.start(async (job) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ran.push(job.data.deliveryId);
    });
    await queue.add(judgeJob([7], HEAD, { deliveryId: 'opened' }));
    await new Promise((resolve) => setTimeout(resolve, 5)); // running
    await queue.add(judgeJob([7], HEAD, { deliveryId: 'changes-requested' }));
    await queue.stop();
    expect(ran).toEqual(['opened', 'changes-requested']);
  });

  it('the catch-up re-judges a pull request that changed after its verdict (a review delivered while the App was down)', async () => {
    const w = createWorld({
      clock: () => new Date('2026-11-27T12:00:00Z'),
      updatedAt: (p) => (p.number === 7 ? '2026-11-27T11:00:00Z' : '2026-11-27T09:00:00Z'),
    });
    w.port.state.pulls.set(7, pull(7));
    w.port.state.pulls.set(8, pull(8, { headSha: 'e'.repeat(40) }));
    // Both verdicts written at 10:00, today; #7 was reviewed at 11:00, while the App was down.
    for (const sha of [HEAD, 'e'.repeat(40)])
      await w.port.createCheckRun(sha, 'rsp-gate', {
        status: 'completed',
        conclusion: 'success',
        output: { title: 't', summary: 's', text: '' },
        externalId: readStamp(new Date('2026-11-27T10:00:00Z')),
      });
    const queued: Job[] = [];
    await w.queue.start(async (job) => {
      if (job.kind === 'sweep') await w.handler(job);
      else queued.push(job);
    });
    await w.queue.add({
      key: 'installation:1',
      kind: 'sweep',
      data: { installationId: 1, owner: 'acme', repo: '', reason: 'start', deliveryId: 's' },
    });
    await drain(w.queue);
    expect(queued.map((j) => j.data.prs)).toEqual([[7]]);
    expect(queued[0]!.data.reason).toMatch(/changed after its verdict/);
  });
});

describe('a delivery naming another installation than the repository’s', () => {
  // GitHub signs every delivery, but a delivery's installation is the one that received it: the
  // App installed on a fork (a public App, or on GitHub Enterprise Server) can receive events
  // about the base repository's pull request. Jobs fold by repository and commit, whatever the
  // installation, so a fork's delivery could replace the real one's installation in a waiting job.
  it('a job runs with the installation of the repository it judges, whatever installation its delivery named', async () => {
    const w = createWorld({
      installationOf: (owner, repo) => (`${owner}/${repo}` === 'acme/models' ? 1 : null),
    });
    w.port.state.commits.set(BASE, await exampleFiles('acme-models-base'));
    w.port.state.commits.set(HEAD, await exampleFiles('acme-models'));
    w.port.state.pulls.set(7, pull(7));
    await w.queue.add(judgeJob([7], HEAD, { deliveryId: 'review' }));
    // The fork's installation's delivery folds into the waiting job, bringing its installation.
    expect(
      await w.queue.add(judgeJob([7], HEAD, { installationId: 666, deliveryId: 'fork' })),
    ).toBe('folded');
    await w.queue.start(w.handler);
    await drain(w.queue);
    expect(w.ports).not.toContain(666);
    expect(w.shown()).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('a job for a repository the App is not installed on writes nothing', async () => {
    const w = createWorld({ installationOf: () => null });
    w.port.state.pulls.set(7, pull(7));
    await w.handler(judgeJob([7], HEAD, { installationId: 666 }));
    expect(w.ports).toEqual([]);
    expect(w.port.state.checkRuns).toEqual([]);
    expect(
      w.logged().some((l) => l.msg === 'not installed on the repository; nothing to judge'),
    ).toBe(true);
  });
});

describe('reading the organization policy', () => {
  /** acme/models without a policy of its own, its cards where only the org policy looks. */
  async function judgedByTheOrgPolicy() {
    const base = await cardsAtOwnPaths('acme-models-base');
    const orgPolicy = text(base.get('.github/rsp-policy.yml')).replace(
      'cards: ["models/*/MODEL_CARD.md"]',
      'cards: ["models/*/card.md"]',
    );
    const head = await cardsAtOwnPaths('acme-models');
    base.delete('.github/rsp-policy.yml');
    head.delete('.github/rsp-policy.yml');
    const w = createWorld({ orgPolicy });
    w.port.state.commits.set(BASE, base);
    w.port.state.commits.set(HEAD, head);
    w.port.state.pulls.set(7, pull(7));
    return w;
  }

  it('a moment when GitHub answers 404 for the org policy’s commit (just pushed) does not judge the repository unconfigured', async () => {
    const w = await judgedByTheOrgPolicy();
    await w.handler(judgeJob([7]));
    expect(w.shown()?.conclusion, 'judged by the org policy').toBe('failure');
    // The contents API answers 404 at the org policy's new commit, as for a file that is not there.
    const readPath = w.orgPort.readPath.bind(w.orgPort);
    w.orgPort.readPath = async (sha, path) =>
      path === '.github/rsp-policy.yml' ? null : readPath(sha, path);
    await w.handler(judgeJob([7])).catch(() => undefined);
    expect(w.shown()?.conclusion).toBe('failure');
    expect(w.shown()?.output.title).not.toBe('rsp-gate is not configured for this repository');
  });

  it('a directory where the org policy file should be fails closed, as a link does', async () => {
    const w = await judgedByTheOrgPolicy();
    w.orgPort.state.commits.set(ORG_HEAD, new Map([['.github/rsp-policy.yml/x', bytes('x')]]));
    await w.handler(judgeJob([7])).catch(() => undefined);
    expect(w.shown()).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(w.shown()?.output.title).toBe('rsp-gate could not finish: failing closed');
  });
});

describe('pushes to protected branches other than the default', () => {
  const repository = { name: 'models', owner: { login: 'acme' }, default_branch: 'main' };
  const push = (ref: string) =>
    jobsForDelivery(
      'push',
      { installation: { id: 1 }, repository, sender: { login: 'dana' }, ref, after: HEAD },
      'delivery-1',
      { policyPath: '.github/rsp-policy.yml' },
    );

  it('a push to release/1, which a ruleset protects, is audited as the Action audits it; a push to a topic branch writes nothing', async () => {
    const w = createWorld();
    w.port.state.commits.set(HEAD, await exampleFiles('acme-models-base'));
    w.port.state.enforcement.set('release/1', {
      rulesetChecks: [{ context: 'rsp-gate', ruleset: 'releases' }],
      classic: { protected: false, requiredChecks: [] },
    });
    for (const ref of ['refs/heads/release/1', 'refs/heads/topic']) {
      const outcome = push(ref);
      if ('ignored' in outcome) throw new Error(`${ref} ignored: ${outcome.ignored}`);
      for (const job of outcome.jobs) await w.handler(job);
    }
    expect(w.runs('rsp-gate (audit)')).toHaveLength(1);
    expect(w.shown('rsp-gate (audit)')).toMatchObject({
      status: 'completed',
      conclusion: 'success',
    });
    expect(w.runs('rsp-gate')).toEqual([]);
    expect('ignored' in push('refs/tags/v1')).toBe(true);
  });
});

describe('a flood of pushes', () => {
  it('a job for a head its pull request has left judges nothing: the job for the new head does', async () => {
    // The author pushes again and again: every push queues a job under its own head, and each
    // used to judge the pull request's current head in full, spending the installation's rate
    // limit that every other pull request's judgment (a revocation, say) needs.
    const w = createWorld();
    const NEXT = 'n'.repeat(40);
    w.port.state.commits.set(BASE, await exampleFiles('acme-models-base'));
    w.port.state.commits.set(NEXT, await exampleFiles('acme-models'));
    w.port.state.pulls.set(7, pull(7, { headSha: NEXT }));
    await w.handler(judgeJob([7], HEAD));
    expect(w.port.state.checkRuns).toEqual([]);
    expect(w.port.state.comments).toEqual([]);
    expect(w.port.state.calls.length).toBeLessThanOrEqual(3);
    expect(w.logged().some((l) => String(l.msg).includes('has moved on'))).toBe(true);
    // A closed pull request is still judged for the record.
    w.port.state.pulls.set(8, pull(8, { state: 'closed' }));
    w.port.state.commits.set(HEAD, await exampleFiles('acme-models'));
    await w.handler(judgeJob([8], HEAD));
    expect(w.port.state.comments.filter((c) => c.issue === 8)).toHaveLength(1);
  });
});

describe('an organization that requires its policy (RSP_GATE_REQUIRE_ORG_POLICY)', () => {
  const env = {
    APP_ID: '1',
    WEBHOOK_SECRET: 's',
    PRIVATE_KEY: generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
  };
  // The App cannot tell an organization without a policy from one whose private .github
  // repository it cannot see (left out of the installation, or removed from it): both answer
  // 404. An operator who knows the org policy exists says so, and the App fails closed without it.
  it('a repository whose org policy cannot be read fails closed instead of being "not configured"', async () => {
    const w = createWorld({ requireOrgPolicy: true }); // no org policy visible
    const plain = new Map([['README.md', bytes('hello\n')]]);
    w.port.state.commits.set(BASE, plain);
    w.port.state.commits.set(HEAD, new Map([...plain, ['docs.md', bytes('more\n')]]));
    w.port.state.pulls.set(7, pull(7));
    await w.handler(judgeJob([7])).catch(() => undefined);
    expect(w.shown()).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(w.shown()?.output.summary).toContain('acme/.github:.github/rsp-policy.yml');
    expect(
      readConfig({ ...env, RSP_GATE_REQUIRE_ORG_POLICY: 'true' }, () => '').requireOrgPolicy,
    ).toBe(true);
    expect(readConfig(env, () => '').requireOrgPolicy).toBe(false);
    expect(() => readConfig({ ...env, RSP_GATE_REQUIRE_ORG_POLICY: 'maybe' }, () => '')).toThrow(
      /RSP_GATE_REQUIRE_ORG_POLICY/,
    );
  });
});

describe('retries', () => {
  it('a delivery folded into a job waiting to be retried gets its own tries, not what is left of the failing job’s', async () => {
    // GitHub fails the judgment of a head twice; meanwhile a "changes requested" review arrives
    // and folds into the job waiting for its third try. If that third try fails too, the review's
    // judgment must not be dropped with it.
    const queue = createMemoryQueue({ concurrency: 1, retryBaseMs: 1 });
    const tries: string[] = [];
    await queue.start(async (job) => {
      tries.push(job.data.deliveryId);
      throw new Error('GitHub is down');
    });
    await queue.add(judgeJob([7], HEAD, { deliveryId: 'opened' }));
    while (tries.length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    await queue.add(judgeJob([7], HEAD, { deliveryId: 'changes-requested' }));
    await drain(queue);
    expect(tries.filter((d) => d === 'changes-requested')).toHaveLength(MAX_ATTEMPTS);
  });
});
