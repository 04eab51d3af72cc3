/**
 * Independence is from everyone who wrote the change: an `independent` safeguard may not be
 * confirmed by whoever opened the pull request, the author of any non-merge commit in it, or a
 * `Co-authored-by:` co-author of one; and by nobody while the gate cannot tell who wrote it.
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import {
  independenceBar,
  independenceOf,
  nobodyMayConfirm,
  writersOf,
} from '../../src/core/independence.js';
import type {
  Attestation,
  CommitAuthorship,
  Confirmation,
  GitPerson,
  ReviewContext,
} from '../../src/core/inputs.js';
import {
  NOW,
  asl2Attestations,
  attestation,
  context,
  model,
  record,
  state,
  testPolicy,
} from '../helpers/build.js';

/** Evidence that puts acme/m at ASL-3 (CBRN-3 crossed): the independent threat model is required. */
const asl3 = () => [
  record('bio-uplift-trial', 'ratio', 5.3),
  record('longform-virology', 'score', 0.3),
  record('ai-research-suite-2', 'score', 0.2),
];

const A = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';
const B = 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2';
const M = 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3';

const user = (login: string): GitPerson => ({ login, name: login, email: `${login}@acme.test` });
const noAccount = (name: string, email: string): GitPerson => ({ login: null, name, email });

function commit(
  sha: string,
  author: GitPerson,
  extra: { coAuthors?: GitPerson[]; parents?: number } = {},
): CommitAuthorship {
  return { sha, author, coAuthors: extra.coAuthors ?? [], parents: extra.parents ?? 1 };
}

const tick = (login: string, safeguard = 'asl3-deploy-threat-model'): Confirmation => ({
  model: 'acme/m',
  safeguard,
  user: login,
  at: '2026-11-27T09:00:00Z',
});

/** erin holds `rso` through the team; alice holds it by name; bob is the security lead. */
const TEAMS = new Map([['acme/rsp-office', ['erin']]]);

function judge(ctx: Partial<ReviewContext>, attestations: Attestation[] = []) {
  return evaluate({
    policy: testPolicy(),
    head: state([model(asl3())], [...asl2Attestations(), ...attestations]),
    base: null,
    context: context({ teams: TEAMS, ...ctx }),
    policyChange: null,
    now: NOW,
  });
}

function item(result: ReturnType<typeof judge>, id = 'asl3-deploy-threat-model') {
  return result.models[0]!.safeguards.find((s) => s.id === id)!;
}

describe('who may not confirm an independent item', () => {
  test('the person who opened the pull request', () => {
    const result = judge({ author: 'alice', confirmations: [tick('alice')] });
    expect(item(result)).toMatchObject({
      status: 'rejected',
      rejected: [
        {
          user: 'alice',
          why: 'wrote this change (opened the pull request), so may not confirm an independent safeguard',
        },
      ],
    });
  });

  test('the author of a commit, though a colleague opened the pull request', () => {
    const result = judge({
      author: 'dave',
      writers: writersOf([commit(A, user('alice'))]),
      confirmations: [tick('alice')],
    });
    expect(item(result)).toMatchObject({
      status: 'rejected',
      rejected: [
        {
          user: 'alice',
          why: 'wrote this change (authored commit a1a1a1a), so may not confirm an independent safeguard',
        },
      ],
    });
    expect(result.independence).toEqual({
      excluded: [
        { user: 'dave', why: 'opened the pull request' },
        { user: 'alice', why: 'authored commit a1a1a1a' },
      ],
      unknown: [],
    });
  });

  test('a Co-authored-by co-author of a commit', () => {
    const result = judge({
      author: 'dave',
      writers: writersOf([commit(A, user('bob'), { coAuthors: [user('erin')] })]),
      confirmations: [tick('erin')],
    });
    expect(item(result)).toMatchObject({
      status: 'rejected',
      rejected: [
        {
          user: 'erin',
          why: 'wrote this change (co-authored commit a1a1a1a), so may not confirm an independent safeguard',
        },
      ],
    });
  });

  test('a commit author who approves an attestation of it', () => {
    const threatModel = attestation({
      kind: 'safeguard',
      target: 'asl3-deploy-threat-model',
      approvedBy: ['alice'],
    });
    const result = judge({ author: 'dave', writers: writersOf([commit(A, user('alice'))]) }, [
      threatModel,
    ]);
    expect(item(result)).toMatchObject({
      status: 'rejected',
      rejected: [
        {
          user: 'alice',
          why: 'attestation safeguards/m.yml:4: wrote this change (authored commit a1a1a1a), so may not confirm an independent safeguard',
        },
      ],
    });
  });

  test('one person who wrote several commits and opened the pull request is named once, with every reason', () => {
    const result = judge({
      author: 'Alice',
      writers: writersOf([
        commit(A, user('alice')),
        commit(B, user('bob'), { coAuthors: [user('ALICE')] }),
      ]),
      confirmations: [tick('alice')],
    });
    expect(result.independence!.excluded).toEqual([
      {
        user: 'Alice',
        why: 'opened the pull request; authored commit a1a1a1a; co-authored commit b2b2b2b',
      },
      { user: 'bob', why: 'authored commit b2b2b2b' },
    ]);
    expect(item(result).status).toBe('rejected');
  });
});

describe('who may', () => {
  test('a role holder who wrote none of it', () => {
    const result = judge({
      author: 'dave',
      writers: writersOf([commit(A, user('bob'), { coAuthors: [user('carol')] })]),
      confirmations: [tick('alice')],
    });
    expect(item(result)).toMatchObject({
      status: 'satisfied',
      confirmed_by: [{ user: 'alice', via: 'checklist' }],
      rejected: [],
    });
  });

  test('a writer, on an item that is not independent', () => {
    const result = judge({
      author: 'dave',
      writers: writersOf([commit(A, user('alice'))]),
      confirmations: [tick('alice', 'asl3-sec-weight-access')],
    });
    expect(item(result, 'asl3-sec-weight-access').status).toBe('satisfied');
  });

  test('whoever pressed Update branch: a merge commit makes its author no writer', () => {
    // bob wrote the change; erin merged the base into it with GitHub's Update branch button.
    const writers = writersOf([commit(A, user('bob')), commit(M, user('erin'), { parents: 2 })]);
    expect(writers).toEqual({
      people: [{ login: 'bob', authored: [A], coAuthored: [] }],
      unknown: [],
    });
    const result = judge({ author: 'dave', writers, confirmations: [tick('erin')] });
    expect(item(result)).toMatchObject({
      status: 'satisfied',
      confirmed_by: [{ user: 'erin', via: 'checklist' }],
    });
  });

  test('a merge commit whose author has no GitHub account does not stop anyone', () => {
    const writers = writersOf([
      commit(A, user('bob')),
      commit(M, noAccount('Build Box', 'ci@build.internal'), { parents: 2 }),
    ]);
    expect(writers.unknown).toEqual([]);
    expect(item(judge({ author: 'dave', writers, confirmations: [tick('erin')] })).status).toBe(
      'satisfied',
    );
  });
});

describe('when the gate cannot tell who wrote the change, nobody may confirm an independent item', () => {
  test('a commit whose author has no GitHub account', () => {
    const writers = writersOf([
      commit(A, user('bob')),
      commit(B, noAccount('Bob Smith', 'bob@laptop.local')),
    ]);
    expect(writers.unknown).toEqual([
      'Bob Smith <bob@laptop.local> (author of commit b2b2b2b) has no GitHub account that lists that email',
    ]);
    const result = judge({ author: 'dave', writers, confirmations: [tick('alice')] });
    expect(item(result)).toMatchObject({
      status: 'rejected',
      rejected: [
        {
          user: 'alice',
          why: 'nobody may confirm an independent safeguard while the gate cannot tell who wrote this change: Bob Smith <bob@laptop.local> (author of commit b2b2b2b) has no GitHub account that lists that email',
        },
      ],
    });
    // Items that are not independent are confirmed as before.
    expect(
      item(
        judge({
          author: 'dave',
          writers,
          confirmations: [tick('alice', 'asl3-sec-weight-access')],
        }),
        'asl3-sec-weight-access',
      ).status,
    ).toBe('satisfied');
  });

  test('a co-author with no GitHub account, with nothing ticked: the item says why', () => {
    const writers = writersOf([
      commit(A, user('bob'), { coAuthors: [noAccount('Q', 'q@contractor.test')] }),
    ]);
    const result = judge({ author: 'dave', writers });
    expect(item(result)).toMatchObject({
      status: 'missing',
      note: 'needs confirmation by rso; nobody may confirm an independent safeguard while the gate cannot tell who wrote this change: Q <q@contractor.test> (co-author of commit a1a1a1a) has no GitHub account that lists that email',
    });
    expect(result.reasons).toContainEqual(
      expect.objectContaining({
        code: 'safeguard-missing',
        message: expect.stringContaining('Q <q@contractor.test> (co-author of commit a1a1a1a)'),
      }),
    );
  });

  test('a commit list GitHub cut short', () => {
    const cut = 'GitHub listed 3,000 of the 3,412 commits of the pull request';
    const result = judge({
      author: 'dave',
      writers: writersOf([commit(A, user('bob'))], [cut]),
      confirmations: [tick('alice')],
    });
    expect(item(result)).toMatchObject({
      status: 'rejected',
      rejected: [{ user: 'alice', why: expect.stringContaining(cut) }],
    });
    expect(result.independence!.unknown).toEqual([cut]);
  });

  test('an attestation already trusted counts for nothing either while the writers are unknown', () => {
    const threatModel = attestation({
      kind: 'safeguard',
      target: 'asl3-deploy-threat-model',
      approvedBy: ['alice'],
    });
    const result = judge(
      { author: 'dave', writers: writersOf([commit(A, noAccount('X', 'x@x.test'))]) },
      [threatModel],
    );
    expect(item(result).status).toBe('rejected');
    expect(item(result).rejected[0]!.why).toMatch(
      /^attestation safeguards\/m\.yml:4: nobody may confirm an independent safeguard/,
    );
  });
});

describe('judging a state', () => {
  test('nobody wrote a state: no exclusions, and the record says nothing of independence', () => {
    const result = judge({ author: null, confirmations: [tick('alice')] });
    expect(item(result).status).toBe('satisfied');
    expect(result.independence).toBeUndefined();
  });
});

describe('how writers are named', () => {
  const shas = [A, B, M, 'd4'.repeat(20), 'e5'.repeat(20)];

  test('up to three commits are listed; more are counted', () => {
    const three = independenceOf({
      author: null,
      writers: writersOf(shas.slice(0, 3).map((sha) => commit(sha, user('alice')))),
    });
    expect(three.excluded).toEqual([
      { user: 'alice', why: 'authored commits a1a1a1a, b2b2b2b, c3c3c3c' },
    ]);
    const five = independenceOf({
      author: null,
      writers: writersOf(shas.map((sha) => commit(sha, user('alice')))),
    });
    expect(five.excluded).toEqual([
      { user: 'alice', why: 'authored commits a1a1a1a, b2b2b2b, c3c3c3c and 2 more' },
    ]);
  });

  test('a commit that names the same co-author twice is listed once', () => {
    const writers = writersOf([
      commit(A, user('alice'), { coAuthors: [user('bob'), user('Bob')] }),
    ]);
    expect(writers.people).toEqual([
      { login: 'alice', authored: [A], coAuthored: [] },
      { login: 'bob', authored: [], coAuthored: [A] },
    ]);
  });

  test('an app is one writer whether GitHub spells it app[bot] (REST) or app (GraphQL)', () => {
    const independence = independenceOf({
      author: 'Renovate[bot]',
      writers: writersOf([commit(A, user('renovate'))]),
    });
    expect(independence.excluded).toEqual([
      { user: 'Renovate[bot]', why: 'opened the pull request; authored commit a1a1a1a' },
    ]);
    expect(independenceBar(independence, 'renovate[bot]')).toMatch(/^wrote this change/);
    expect(independenceBar(independence, 'renovate-helper')).toBeNull();
    // Only a trailing [bot] names an app.
    expect(independenceBar(independence, 'reno[bot]vate')).toBeNull();
  });

  test('several unknown writers are all named, and one with no account is named with every commit', () => {
    const ghost = noAccount('Ghost', 'ghost@example.test');
    const writers = writersOf(
      [commit(A, ghost), commit(B, user('bob'), { coAuthors: [ghost] })],
      ['GitHub listed 250 of the 300 commits'],
    );
    expect(writers.unknown).toEqual([
      'GitHub listed 250 of the 300 commits',
      'Ghost <ghost@example.test> (author of commit a1a1a1a; co-author of commit b2b2b2b) has no GitHub account that lists that email',
    ]);
    expect(nobodyMayConfirm({ excluded: [], unknown: writers.unknown })).toBe(
      'nobody may confirm an independent safeguard while the gate cannot tell who wrote this change: GitHub listed 250 of the 300 commits; Ghost <ghost@example.test> (author of commit a1a1a1a; co-author of commit b2b2b2b) has no GitHub account that lists that email',
    );
  });
});
