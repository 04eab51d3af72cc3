/**
 * A role holder who requests changes withdraws: the change blocks until they approve or their
 * review is dismissed, whatever else is confirmed (issue 10, "a revocation that never runs": the
 * run that carries it, or any later one, turns the check red).
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Review, ReviewContext } from '../../src/core/inputs.js';
import { belowEverything, context, model, state, testPolicy, NOW } from '../helpers/build.js';

function review(user: string, stateOf: Review['state'], commit: string, at: string): Review {
  return { user, state: stateOf, commit, submittedAt: at };
}

/** A change that passes on its own: a model below every threshold, at ASL-2 with its attestations. */
function judge(ctx: Partial<ReviewContext>) {
  const head = state([model(belowEverything())]);
  return evaluate({
    policy: testPolicy(),
    head,
    base: head,
    context: context(ctx),
    policyChange: null,
    now: NOW,
  });
}

const requested = (r: ReturnType<typeof judge>) =>
  r.reasons.filter((reason) => reason.code === 'changes-requested');

describe('a role holder requests changes', () => {
  test('the change passes without it (the control)', () => {
    expect(judge({}).decision).toBe('pass');
  });

  test('a role holder’s "changes requested" blocks, naming them, their roles and the commit', () => {
    const r = judge({
      reviews: [review('bob', 'CHANGES_REQUESTED', 'head1', '2026-11-27T11:00:00Z')],
    });
    expect(r.decision).toBe('block');
    expect(requested(r).map((x) => [x.severity, x.message])).toEqual([
      [
        'block',
        '@bob (security-lead) requested changes on head1: blocked until they approve the head commit or the review is dismissed',
      ],
    ]);
  });

  test('it stands after a new push: a request on an older commit still blocks', () => {
    const r = judge({
      reviews: [review('carol', 'CHANGES_REQUESTED', 'head0', '2026-11-26T09:00:00Z')],
    });
    expect(requested(r)).toHaveLength(1);
    expect(r.decision).toBe('block');
  });

  test('it is lifted by the same person’s later approval, or by the review being dismissed', () => {
    const approvedLater = judge({
      reviews: [
        review('bob', 'CHANGES_REQUESTED', 'head1', '2026-11-27T11:00:00Z'),
        review('bob', 'APPROVED', 'head1', '2026-11-27T12:00:00Z'),
      ],
    });
    expect(requested(approvedLater)).toEqual([]);
    expect(approvedLater.decision).toBe('pass');
    const dismissed = judge({
      reviews: [
        {
          ...review('bob', 'DISMISSED', 'head1', '2026-11-27T11:00:00Z'),
          dismissal: { by: 'alice', was: 'CHANGES_REQUESTED' },
        },
      ],
    });
    expect(dismissed.decision).toBe('pass');
  });

  test('a dismissal by the change’s author, or by someone with no role, does not lift it', () => {
    const dismissedBy = (by: string) =>
      judge({
        author: 'dave',
        reviews: [
          {
            ...review('bob', 'DISMISSED', 'head1', '2026-11-27T11:00:00Z'),
            dismissal: { by, was: 'CHANGES_REQUESTED' },
          },
        ],
      });
    expect(requested(dismissedBy('dave')).map((x) => x.message)).toEqual([
      '@bob (security-lead) requested changes on head1; the review was dismissed, but @dave, who dismissed it, holds no role in the policy: blocked until they approve the head commit, or a role holder who did not write the change dismisses it',
    ]);
    // alice holds a role, but here she opened the pull request: she wrote the change.
    const byWriter = judge({
      author: 'alice',
      reviews: [
        {
          ...review('bob', 'DISMISSED', 'head1', '2026-11-27T11:00:00Z'),
          dismissal: { by: 'alice', was: 'CHANGES_REQUESTED' },
        },
      ],
    });
    expect(byWriter.decision).toBe('block');
    expect(requested(byWriter)[0]!.message).toContain(
      '@alice, who dismissed it, wrote this change (opened the pull request)',
    );
    // a commit author who holds a role, though someone else opened the pull request
    const byCommitAuthor = judge({
      author: 'dave',
      writers: { people: [{ login: 'carol', authored: ['c0ffee1'], coAuthored: [] }], unknown: [] },
      reviews: [
        {
          ...review('bob', 'DISMISSED', 'head1', '2026-11-27T11:00:00Z'),
          dismissal: { by: 'carol', was: 'CHANGES_REQUESTED' },
        },
      ],
    });
    expect(byCommitAuthor.decision).toBe('block');
  });

  test('a dismissed review GitHub says nothing about stands; a dismissed approval is no request', () => {
    const unknown = judge({
      reviews: [review('bob', 'DISMISSED', 'head1', '2026-11-27T11:00:00Z')],
    });
    expect(requested(unknown)[0]!.message).toContain(
      'GitHub did not say what the dismissed review was or who dismissed it',
    );
    const approval = judge({
      reviews: [
        {
          ...review('bob', 'DISMISSED', 'head1', '2026-11-27T11:00:00Z'),
          dismissal: { by: 'dave', was: 'APPROVED' },
        },
      ],
    });
    expect(approval.decision).toBe('pass');
  });

  test('a plain comment review after it does not lift it', () => {
    const r = judge({
      reviews: [
        review('bob', 'CHANGES_REQUESTED', 'head1', '2026-11-27T11:00:00Z'),
        review('bob', 'COMMENTED', 'head1', '2026-11-27T12:00:00Z'),
      ],
    });
    expect(requested(r)).toHaveLength(1);
  });

  test('an approval given before the request does not outweigh it', () => {
    const r = judge({
      reviews: [
        review('alice', 'APPROVED', 'head1', '2026-11-27T10:00:00Z'),
        review('alice', 'CHANGES_REQUESTED', 'head1', '2026-11-27T11:00:00Z'),
      ],
    });
    expect(requested(r).map((x) => x.message)).toEqual([
      '@alice (rso) requested changes on head1: blocked until they approve the head commit or the review is dismissed',
    ]);
  });

  test('a member of a role’s team counts as a role holder; someone with no role does not block', () => {
    const teams = new Map([['acme/rsp-office', ['erin']]]);
    const byMember = judge({
      teams,
      reviews: [review('erin', 'CHANGES_REQUESTED', 'head1', '2026-11-27T11:00:00Z')],
    });
    expect(requested(byMember).map((x) => x.message)).toEqual([
      '@erin (rso) requested changes on head1: blocked until they approve the head commit or the review is dismissed',
    ]);
    const byOutsider = judge({
      teams,
      reviews: [review('mallory', 'CHANGES_REQUESTED', 'head1', '2026-11-27T11:00:00Z')],
    });
    expect(byOutsider.decision).toBe('pass');
  });

  test('logins are compared without case', () => {
    const r = judge({
      reviews: [
        review('Bob', 'CHANGES_REQUESTED', 'head1', '2026-11-27T11:00:00Z'),
        review('bob', 'APPROVED', 'head1', '2026-11-27T12:00:00Z'),
      ],
    });
    expect(r.decision).toBe('pass');
  });
});
