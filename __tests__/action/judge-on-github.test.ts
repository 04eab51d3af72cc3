import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { judgeOnGitHub, type JudgeOptions } from '../../src/gate/judge-on-github.js';
import { parseChecklist } from '../../src/github/checklist.js';
import { createMemoryPort, userEditsComment } from '../../src/github/memory-port.js';
import { createLocalTree } from '../../src/repository/local-tree.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');

async function commitOf(dir: string): Promise<Map<string, Uint8Array>> {
  const tree = createLocalTree(join(EXAMPLES, dir));
  const files = new Map<string, Uint8Array>();
  for (const entry of await tree.list(''))
    files.set(entry.path, readFileSync(join(EXAMPLES, dir, entry.path)));
  return files;
}

async function setup() {
  const port = createMemoryPort();
  port.state.commits.set('base0', await commitOf('acme-models-base'));
  port.state.commits.set('head1', await commitOf('acme-models'));
  port.state.pulls.set(7, {
    number: 7,
    state: 'open',
    draft: false,
    merged: false,
    author: 'dave-ml',
    headSha: 'head1',
    headRef: 'fr7-uplift',
    headRepo: 'acme/models',
    baseSha: 'base0',
    baseRef: 'main',
    defaultBranch: 'main',
    htmlUrl: 'https://github.test/acme/models/pull/7',
  });
  const judge = (extra: Partial<JudgeOptions> = {}) =>
    judgeOnGitHub({
      port,
      target: { kind: 'pull_request', number: 7, reason: 'test' },
      policyPath: '.github/rsp-policy.yml',
      checkName: 'rsp-gate',
      mode: null,
      cardGlobs: null,
      fallbackPreset: null,
      now: new Date('2026-11-27T12:00:00Z'),
      repositoryUrl: 'https://github.test/acme/models',
      runUrl: null,
      log: () => undefined,
      ...extra,
    });
  return { port, judge };
}

const tickAll = (body: string, predicate: (line: string) => boolean = () => true) =>
  body
    .split('\n')
    .map((line) =>
      line.startsWith('- [ ] ') && predicate(line) ? line.replace('- [ ] ', '- [x] ') : line,
    )
    .join('\n');

describe('a pull request’s life on GitHub (in-memory port)', () => {
  test('opened: blocked, one comment, a failed check on the head commit', async () => {
    const { port, judge } = await setup();
    const result = await judge();
    expect(result.conclusion).toBe('failure');
    expect(port.state.comments).toHaveLength(1);
    const run = port.state.checkRuns.find((r) => r.sha === 'head1')!;
    expect(run.updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run.updates.at(-1)!.output.title).toBe(
      'Blocked: acme/frontier-7 at ASL-3, 14 of 27 safeguards open',
    );
    expect(
      parseChecklist(port.state.comments[0]!.body).items.filter((i) => !i.checked),
    ).toHaveLength(14);
  });

  test('a re-run with nothing new does not re-post the comment', async () => {
    const { port, judge } = await setup();
    await judge();
    await judge();
    expect(
      port.state.calls.filter(
        (c) => c.startsWith('update comment') || c.startsWith('create comment'),
      ),
    ).toEqual(['create comment 7']);
  });

  test('ticks by an allowed reviewer count; the author’s and outsiders’ ticks are rejected', async () => {
    const { port, judge } = await setup();
    port.state.pulls.get(7)!.author = 'sam-safeguards'; // holds safeguards-lead, but wrote the change
    await judge();
    const comment = port.state.comments[0]!;
    userEditsComment(
      port,
      comment.id,
      'mallory',
      tickAll(comment.body, (l) => l.includes('asl3-deploy-threat-model')),
    );
    userEditsComment(
      port,
      comment.id,
      'sam-safeguards',
      tickAll(port.state.comments[0]!.body, (l) => l.includes('asl3-deploy-red-teaming')),
    );
    userEditsComment(
      port,
      comment.id,
      'alice-rso',
      tickAll(port.state.comments[0]!.body, (l) => l.includes('asl3-sec-audits')),
    );
    const result = await judge();
    const model = result.record.models.find((m) => m.id === 'acme/frontier-7')!;
    const status = (id: string) => model.safeguards.find((s) => s.id === id)!;
    expect(status('asl3-deploy-threat-model')).toMatchObject({
      status: 'rejected',
      rejected: [
        { user: 'mallory', why: 'holds none of the allowed roles (safeguards-lead, rso)' },
      ],
    });
    expect(status('asl3-deploy-red-teaming')).toMatchObject({
      status: 'rejected',
      rejected: [
        {
          user: 'sam-safeguards',
          why: 'wrote this change (opened the pull request), so may not confirm an independent safeguard',
        },
      ],
    });
    expect(status('asl3-sec-audits')).toMatchObject({
      status: 'satisfied',
      confirmed_by: [{ user: 'alice-rso', via: 'checklist' }],
    });
    expect(result.conclusion).toBe('failure');
    const body = port.state.comments[0]!.body;
    expect(body).toContain(
      '⚠ mallory: holds none of the allowed roles \\(safeguards-lead, rso\\) — not counted',
    );
    // The bot's re-render unticks the rejected boxes; the rejection stays on record.
    expect(
      parseChecklist(body).items.find((i) => i.safeguard === 'asl3-deploy-threat-model')!.checked,
    ).toBe(false);
  });

  test('passes once every item is ticked by allowed people and the CEO and RSO approve the head', async () => {
    const { port, judge } = await setup();
    await judge();
    const comment = port.state.comments[0]!;
    userEditsComment(port, comment.id, 'alice-rso', tickAll(comment.body));
    expect((await judge()).conclusion).toBe('failure'); // sign-offs still missing
    port.state.reviews.set(7, [
      {
        user: 'carol-ceo',
        state: 'APPROVED',
        commit: 'head1',
        submittedAt: '2026-11-27T12:30:00Z',
      },
      {
        user: 'alice-rso',
        state: 'APPROVED',
        commit: 'head1',
        submittedAt: '2026-11-27T12:31:00Z',
      },
    ]);
    const result = await judge();
    expect(result.conclusion).toBe('success');
    expect(result.record.decision).toBe('pass');
    expect(port.state.checkRuns.find((r) => r.sha === 'head1')!.updates.at(-1)!.output.title).toBe(
      'Pass: 1 model meets its required safeguards',
    );
  });

  test('a passing comment keeps the ticked checklist, and unticking an item after the pass turns the check red', async () => {
    const { port, judge } = await setup();
    await judge();
    const comment = port.state.comments[0]!;
    userEditsComment(port, comment.id, 'alice-rso', tickAll(comment.body));
    port.state.reviews.set(7, [
      {
        user: 'carol-ceo',
        state: 'APPROVED',
        commit: 'head1',
        submittedAt: '2026-11-27T12:30:00Z',
      },
      {
        user: 'alice-rso',
        state: 'APPROVED',
        commit: 'head1',
        submittedAt: '2026-11-27T12:31:00Z',
      },
    ]);
    expect((await judge()).conclusion).toBe('success');
    const passing = port.state.comments[0]!.body;
    const items = parseChecklist(passing).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.checked)).toBe(true);
    const one = passing.split('\n').find((l) => l.startsWith('- [x] ') && l.includes('asl3-'))!;
    userEditsComment(
      port,
      comment.id,
      'alice-rso',
      passing.replace(one, one.replace('- [x] ', '- [ ] ')),
    );
    const after = await judge();
    expect(after.conclusion).toBe('failure');
    expect(port.state.checkRuns.find((r) => r.sha === 'head1')!.updates.at(-1)).toMatchObject({
      conclusion: 'failure',
    });
  });

  test('a role holder who requests changes after the pass turns the check red', async () => {
    const { port, judge } = await setup();
    await judge();
    const comment = port.state.comments[0]!;
    userEditsComment(port, comment.id, 'alice-rso', tickAll(comment.body));
    const approvals = [
      {
        user: 'carol-ceo',
        state: 'APPROVED' as const,
        commit: 'head1',
        submittedAt: '2026-11-27T12:30:00Z',
      },
      {
        user: 'alice-rso',
        state: 'APPROVED' as const,
        commit: 'head1',
        submittedAt: '2026-11-27T12:31:00Z',
      },
    ];
    port.state.reviews.set(7, approvals);
    expect((await judge()).conclusion).toBe('success');
    port.state.reviews.set(7, [
      ...approvals,
      {
        user: 'sam-safeguards',
        state: 'CHANGES_REQUESTED',
        commit: 'head1',
        submittedAt: '2026-11-27T13:00:00Z',
      },
    ]);
    const after = await judge();
    expect(after.conclusion).toBe('failure');
    expect(port.state.comments[0]!.body).toContain('requested changes on');
  });

  test('a new push is judged afresh on the new head; old approvals do not carry over', async () => {
    const { port, judge } = await setup();
    port.state.reviews.set(7, [
      {
        user: 'carol-ceo',
        state: 'APPROVED',
        commit: 'head1',
        submittedAt: '2026-11-27T12:30:00Z',
      },
    ]);
    await judge();
    port.state.commits.set('head2', port.state.commits.get('head1')!);
    port.state.pulls.get(7)!.headSha = 'head2';
    const result = await judge();
    expect(result.checkSha).toBe('head2');
    expect(
      result.record.models
        .find((m) => m.id === 'acme/frontier-7')!
        .signoffs.find((s) => s.role === 'ceo')!.status,
    ).toBe('missing');
    expect(port.state.checkRuns.map((r) => r.sha).sort()).toEqual(['head1', 'head2']);
  });

  test('keeps exactly one comment when two runs both posted one', async () => {
    const { port, judge } = await setup();
    await judge();
    const first = port.state.comments[0]!;
    port.state.comments.push({
      ...first,
      id: first.id + 500,
      nodeId: 'IC_dup',
      history: [...first.history],
    });
    await judge();
    expect(port.state.comments.map((c) => c.id)).toEqual([first.id]);
  });

  test('ignores a forged marker in someone else’s comment', async () => {
    const { port, judge } = await setup();
    port.state.comments.push({
      id: 1,
      nodeId: 'IC_1',
      author: 'mallory',
      authorId: 666,
      body: '<!-- rsp-gate:comment -->\n- [x] all good',
      htmlUrl: 'x',
      issue: 7,
      history: [],
    });
    await judge();
    expect(port.state.comments.filter((c) => c.author === 'github-actions[bot]')).toHaveLength(1);
    expect(port.state.comments.find((c) => c.id === 1)!.body).toBe(
      '<!-- rsp-gate:comment -->\n- [x] all good',
    );
  });

  test('advisory mode reports with a neutral check', async () => {
    const { port, judge } = await setup();
    const result = await judge({ mode: 'advisory' });
    expect(result.conclusion).toBe('neutral');
    expect(port.state.checkRuns[0]!.updates.at(-1)!.conclusion).toBe('neutral');
  });

  test('annotations go out in batches of at most 50', async () => {
    const { port, judge } = await setup();
    await judge();
    for (const update of port.state.checkRuns[0]!.updates)
      expect(update.annotations?.length ?? 0).toBeLessThanOrEqual(50);
    expect(port.state.checkRuns[0]!.annotations.length).toBeGreaterThan(0);
  });
});

describe('who wrote the change', () => {
  const byAlice = {
    sha: 'c1'.repeat(20),
    parents: 1,
    author: { login: 'alice-rso', name: 'Alice', email: 'alice@acme.test' },
    message: 'Add the uplift trial',
  };

  test('the author of a commit may not tick an independent item of a pull request a colleague opened', async () => {
    const { port, judge } = await setup();
    port.state.comparisons.set('base0...head1', [byAlice]);
    await judge();
    const comment = port.state.comments[0]!;
    userEditsComment(
      port,
      comment.id,
      'alice-rso',
      tickAll(comment.body, (l) => l.includes('asl3-deploy-threat-model')),
    );
    const model = (await judge()).record.models.find((m) => m.id === 'acme/frontier-7')!;
    expect(model.safeguards.find((s) => s.id === 'asl3-deploy-threat-model')).toMatchObject({
      status: 'rejected',
      rejected: [
        {
          user: 'alice-rso',
          why: 'wrote this change (authored commit c1c1c1c), so may not confirm an independent safeguard',
        },
      ],
    });
  });

  test('a merge queue’s commit is judged with the pull request’s own writers, not the queue’s', async () => {
    const { port, judge } = await setup();
    port.state.commits.set('queue1', port.state.commits.get('head1')!);
    port.state.comparisons.set('base0...head1', [byAlice]);
    // The queue's commit also holds another pull request, by erin: not a writer of this one.
    port.state.comparisons.set('base0...queue1', [
      byAlice,
      { ...byAlice, sha: 'e1'.repeat(20), author: { ...byAlice.author, login: 'erin' } },
    ]);
    const result = await judge({
      target: {
        kind: 'pull_request',
        number: 7,
        reason: 'merge_group.checks_requested',
        checkSha: 'queue1',
        baseSha: 'base0',
      },
    });
    expect(result.record.independence!.excluded).toEqual([
      { user: 'dave-ml', why: 'opened the pull request' },
      { user: 'alice-rso', why: 'authored commit c1c1c1c' },
    ]);
    expect(port.state.calls).toContain('compare base0...head1');
  });
});

describe('team-based roles', () => {
  async function withTeamPolicy(members: string[] | null) {
    const { port, judge } = await setup();
    for (const sha of ['base0', 'head1']) {
      const files = port.state.commits.get(sha)!;
      const policy = new TextDecoder().decode(files.get('.github/rsp-policy.yml')!);
      files.set(
        '.github/rsp-policy.yml',
        new TextEncoder().encode(
          policy.replace(
            'rso: { users: [alice-rso] }',
            'rso: { users: [alice-rso], teams: [acme/rsp-office] }',
          ),
        ),
      );
    }
    port.state.teams.set('acme/rsp-office', members);
    await judge();
    userEditsComment(
      port,
      port.state.comments[0]!.id,
      'erin',
      tickAll(port.state.comments[0]!.body, (l) => l.includes('asl3-sec-audits')),
    );
    return { port, result: await judge() };
  }
  const audits = (result: Awaited<ReturnType<typeof withTeamPolicy>>['result']) =>
    result.record.models
      .find((m) => m.id === 'acme/frontier-7')!
      .safeguards.find((s) => s.id === 'asl3-sec-audits')!;

  test('count a tick by a member of a team the token can read', async () => {
    const { result } = await withTeamPolicy(['erin']);
    expect(audits(result)).toMatchObject({ status: 'satisfied', confirmed_by: [{ user: 'erin' }] });
    expect(result.notes).toEqual([]);
  });

  test('say clearly when the token cannot read team membership, and do not count the tick', async () => {
    const { port, result } = await withTeamPolicy(null);
    expect(audits(result).status).toBe('rejected');
    expect(result.notes).toEqual([
      'Team membership of acme/rsp-office cannot be read with this token, so members of that team cannot confirm items or sign off. Give the gate a token that can read organization members (a GitHub App with "Members: read"), or list the people under `users:` in the policy.',
    ]);
    expect(port.state.comments[0]!.body).toContain(
      '> [!NOTE]\n> Team membership of acme/rsp-office cannot be read with this token',
    );
  });
});

describe('a green check that goes stale', () => {
  test('is set back to in progress while the gate re-judges, then to the new verdict', async () => {
    const { port, judge } = await setup();
    await judge();
    userEditsComment(
      port,
      port.state.comments[0]!.id,
      'alice-rso',
      tickAll(port.state.comments[0]!.body),
    );
    port.state.reviews.set(7, [
      {
        user: 'carol-ceo',
        state: 'APPROVED',
        commit: 'head1',
        submittedAt: '2026-11-27T12:30:00Z',
      },
      {
        user: 'alice-rso',
        state: 'APPROVED',
        commit: 'head1',
        submittedAt: '2026-11-27T12:31:00Z',
      },
    ]);
    expect((await judge()).conclusion).toBe('success');
    port.state.reviews.get(7)!.push({
      user: 'carol-ceo',
      state: 'DISMISSED',
      commit: 'head1',
      submittedAt: '2026-11-27T13:00:00Z',
    });
    expect((await judge()).conclusion).toBe('failure');
    const updates = port.state.checkRuns.find((r) => r.sha === 'head1')!.updates;
    expect(updates.slice(-3).map((u) => u.conclusion ?? u.status)).toEqual([
      'success',
      'in_progress',
      'failure',
    ]);
  });
});
