/**
 * What a decision record tells its reader besides pass or block, one property per test: whose
 * approval a change needs and when it was given, which cards declare a model twice, which models
 * an attestation could have meant, what is wrong with an edited policy, which commit was judged,
 * who wrote the change, and who withdrew by requesting changes. Each test fails against a mutant
 * of src/core/evaluate.ts that the rest of the suite let through (issue 10, mutation testing).
 */
import { describe, expect, test } from 'vitest';
import { evaluate, type EvaluateInput } from '../../src/core/evaluate.js';
import type { DecisionRecord } from '../../src/core/decision.js';
import type { Review } from '../../src/core/inputs.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import type { Policy } from '../../src/policy/types.js';
import {
  NOW,
  TEST_POLICY,
  approve,
  attestation,
  belowEverything,
  context,
  model,
  record,
  state,
  testPolicy,
} from '../helpers/build.js';

const SHA = 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0';

/** The test policy with one piece of its text replaced (the text must be there). */
function policyWith(find: string, replace: string): Policy {
  expect(TEST_POLICY).toContain(find);
  return loadPolicy(TEST_POLICY.replace(find, replace), '.github/rsp-policy.yml');
}

/** A change of a model below every threshold, base and head alike unless `extra` says otherwise. */
function judge(extra: Partial<EvaluateInput> = {}): DecisionRecord {
  const unchanged = state([model(belowEverything())]);
  return evaluate({
    policy: testPolicy(),
    head: unchanged,
    base: unchanged,
    context: context(),
    policyChange: null,
    now: NOW,
    ...extra,
  });
}

const reason = (r: DecisionRecord, code: string) => {
  const found = r.reasons.filter((x) => x.code === code);
  expect(found, `reasons coded ${code}`).toHaveLength(1);
  return found[0]!;
};

describe('a change that weakens evidence', () => {
  const uplift = (value: number) =>
    record('bio-uplift-trial', 'ratio', value, {
      file: 'models/m/evals/uplift.evidence.yml',
      line: 4,
    });
  const weakened = (policy: Policy, approvers: string[]) => {
    const rest = belowEverything().slice(1);
    return judge({
      policy,
      head: state([model([uplift(1.2), ...rest])]),
      base: state([model([uplift(2.4), ...rest])]),
      context: context({ reviews: approvers.map((u) => approve(u)) }),
    });
  };

  test('names every policy-owner role whose approval it needs, and says once they gave it', () => {
    const policy = policyWith('policy_owners: [rso]', 'policy_owners: [rso, ceo]');
    const blocked = reason(weakened(policy, []), 'evidence-weakened');
    expect(blocked.severity).toBe('block');
    expect(blocked.message).toMatch(
      / — needs an approving review on the head commit from rso and ceo$/,
    );

    const approved = weakened(policy, ['alice', 'carol']);
    const noted = reason(approved, 'evidence-weakened');
    expect(noted.severity).toBe('info');
    expect(noted.message).toMatch(/changed from 2\.4 to 1\.2.* \(approved by the policy owners\)$/);
    expect(noted.message).not.toContain('needs an approving review');
    expect(approved.decision).toBe('pass');
  });
});

describe('an edit to the policy', () => {
  const FILE = '.github/rsp-policy.yml';

  test('approved by its owners, it is noted as taking effect after merge', () => {
    const r = judge({
      context: context({ reviews: [approve('alice')] }),
      policyChange: { changed: true, file: FILE, headProblem: null },
    });
    expect(r.decision).toBe('pass');
    expect(reason(r, 'policy-changed')).toEqual({
      code: 'policy-changed',
      severity: 'info',
      message:
        'the policy is edited in this change and approved by rso; it takes effect after merge',
      file: FILE,
      line: null,
    });
  });

  test('an edit that leaves the policy invalid blocks, even approved, citing where and what is wrong', () => {
    const r = judge({
      context: context({ reviews: [approve('alice')] }),
      policyChange: {
        changed: true,
        file: FILE,
        headProblem: { code: 'schema', message: 'unknown key `tresholds`', file: FILE, line: 12 },
      },
    });
    expect(r.decision).toBe('block');
    expect(reason(r, 'schema')).toEqual({
      code: 'schema',
      severity: 'block',
      message: 'the edited policy is invalid: unknown key `tresholds`',
      file: FILE,
      line: 12,
    });
  });
});

describe('the model cards of the repository', () => {
  test('a model declared by two cards blocks, naming both cards', () => {
    const r = judge({
      head: state([
        model(belowEverything()),
        model(belowEverything(), { card: 'models/copy/MODEL_CARD.md', line: 5 }),
      ]),
      base: null,
    });
    expect(r.decision).toBe('block');
    expect(reason(r, 'duplicate-model')).toEqual({
      code: 'duplicate-model',
      severity: 'block',
      message:
        'model acme/m is declared by two cards (models/m/MODEL_CARD.md and models/copy/MODEL_CARD.md); each model needs exactly one card',
      file: 'models/copy/MODEL_CARD.md',
      line: 5,
    });
  });

  test('an attestation that names no model says so and lists the models there are, or none', () => {
    const typo = attestation({
      kind: 'safeguard',
      target: 'asl3-deploy-threat-model',
      approvedBy: ['alice'],
      model: 'acme/mm',
      line: 7,
    });
    const unknownModel = (ids: string[]) =>
      reason(
        judge({
          head: state(
            ids.map((id) => model(belowEverything(), { id })),
            [typo],
          ),
          base: null,
        }),
        'attestation-unknown-model',
      );
    expect(unknownModel(['acme/m', 'acme/n'])).toEqual({
      code: 'attestation-unknown-model',
      severity: 'info',
      message:
        'attestation for acme/mm matches no model card; it applies to nothing (models: acme/m, acme/n)',
      file: 'safeguards/m.yml',
      line: 7,
    });
    expect(unknownModel([]).message).toBe(
      'attestation for acme/mm matches no model card; it applies to nothing (models: none)',
    );
  });
});

describe('the decision record', () => {
  test('names the commit it judged: the one the caller names, else the reviews’ head commit', () => {
    expect(judge().head).toBe('head1');
    expect(judge({ headSha: SHA }).head).toBe(SHA);
    expect(judge({ context: context({ headSha: null }) }).head).toBeNull();
  });

  test('says who wrote the change when the account that opened the pull request is gone', () => {
    const byWriters = judge({
      context: context({
        author: null,
        writers: { people: [{ login: 'erin', authored: [SHA], coAuthored: [] }], unknown: [] },
      }),
    });
    expect(byWriters.independence).toEqual({
      excluded: [{ user: 'erin', why: 'authored commit a1b2c3d' }],
      unknown: [],
    });

    const cut = 'GitHub listed only the first 250 commits of this change';
    const unknownOnly = judge({
      context: context({ author: null, writers: { people: [], unknown: [cut] } }),
    });
    expect(unknownOnly.independence).toEqual({ excluded: [], unknown: [cut] });
  });
});

describe('a role holder’s request for changes', () => {
  const policy = policyWith('ceo: { users: [carol] }', 'ceo: { users: [carol, alice] }');
  const requested = (review: Review) => {
    const r = judge({ policy, context: context({ reviews: [review] }) });
    expect(r.decision).toBe('block');
    return reason(r, 'changes-requested');
  };
  const byAlice: Review = {
    user: 'alice',
    state: 'CHANGES_REQUESTED',
    commit: SHA,
    submittedAt: '2026-11-27T11:00:00Z',
  };

  test('the control: the change passes without it', () => {
    expect(judge({ policy }).decision).toBe('pass');
  });

  test('blocks, naming every role the reviewer holds and the commit by its short sha', () => {
    expect(requested(byAlice)).toEqual({
      code: 'changes-requested',
      severity: 'block',
      message:
        '@alice (rso, ceo) requested changes on a1b2c3d: blocked until they approve the head commit or the review is dismissed',
      file: null,
      line: null,
    });
  });

  test('dismissed by someone who may not lift it, it blocks in the same words and says why', () => {
    const dismissed: Review = {
      ...byAlice,
      state: 'DISMISSED',
      dismissal: { by: 'dave', was: 'CHANGES_REQUESTED' },
    };
    expect(requested(dismissed)).toMatchObject({
      severity: 'block',
      message:
        '@alice (rso, ceo) requested changes on a1b2c3d; the review was dismissed, but @dave, who dismissed it, holds no role in the policy: blocked until they approve the head commit, or a role holder who did not write the change dismisses it',
    });
  });
});
