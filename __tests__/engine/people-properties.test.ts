/**
 * Who may lift a role holder's request for changes, and which attestations a threshold reports as
 * rejected decisions: properties at the edges the mutation run found unchecked (issue 10). Each
 * test also checks the case that differs, so it cannot pass on an engine that always refuses.
 */
import { describe, expect, test } from 'vitest';
import type { Review, ReviewContext } from '../../src/core/inputs.js';
import { rejectedDecisions } from '../../src/core/judge-thresholds.js';
import { changesRequestedByRoleHolders } from '../../src/core/people.js';
import { NOW, attestation, context, testPolicy } from '../helpers/build.js';

/** carol (ceo) requested changes, and the review was then dismissed by `by`. */
const dismissedBy = (by: string | null): Review => ({
  user: 'carol',
  state: 'DISMISSED',
  commit: 'head0',
  submittedAt: '2026-11-27T09:00:00Z',
  dismissal: { by, was: 'CHANGES_REQUESTED' },
});

const standing = (review: Review, ctx: Partial<ReviewContext> = {}) =>
  changesRequestedByRoleHolders(testPolicy(), context({ reviews: [review], ...ctx }));

describe('who may lift a request for changes by dismissing it', () => {
  test('a dismissal by a deleted account does not lift it, and says so', () => {
    expect(standing(dismissedBy(null))).toEqual([
      {
        review: dismissedBy(null),
        roles: ['ceo'],
        dismissalRefused: 'a deleted account dismissed it',
      },
    ]);
    expect(standing(dismissedBy('alice'))).toEqual([]);
  });

  test('the reviewer may lift their own request, though they wrote part of the change', () => {
    const writers = {
      people: [{ login: 'carol', authored: ['a1b2c3d4'], coAuthored: [] }],
      unknown: [],
    };
    expect(standing(dismissedBy('Carol'), { writers })).toEqual([]);
    // The same writer dismissing another role holder's request does not lift it.
    const bobs: Review = { ...dismissedBy('carol'), user: 'bob' };
    expect(standing(bobs, { writers })).toEqual([
      {
        review: bobs,
        roles: ['security-lead'],
        dismissalRefused: '@carol, who dismissed it, wrote this change (authored commit a1b2c3d)',
      },
    ]);
  });
});

describe('what a threshold reports as a rejected capability decision', () => {
  test('only a decision is reported, not another kind of attestation naming the threshold', () => {
    const policy = testPolicy();
    const cbrn = policy.thresholds.find((t) => t.id === 'CBRN-3')!;
    const report = (kind: 'safeguard' | 'decision') => {
      const a = attestation({ kind, target: 'CBRN-3', approvedBy: ['mallory'], verdict: 'below' });
      return rejectedDecisions(
        cbrn,
        policy,
        'acme/m',
        [{ attestation: a, trusted: true, why: null }],
        null,
        NOW,
      ).map((r) => r.why);
    };
    expect(report('safeguard')).toEqual([]);
    expect(report('decision')).toEqual(['@mallory holds none of the allowed roles (ceo, rso)']);
  });
});
