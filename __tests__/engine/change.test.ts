import { describe, expect, test } from 'vitest';
import { evaluate, type EvaluateInput } from '../../src/core/evaluate.js';
import { validateValue } from '../../src/formats/validate.js';
import {
  NOW,
  approve,
  attestation,
  belowEverything,
  context,
  model,
  record,
  state,
  testPolicy,
} from '../helpers/build.js';

const uplift = (value: number, file = 'models/m/evals/uplift.evidence.yml', line = 4) =>
  record('bio-uplift-trial', 'ratio', value, { file, line, pointer: '/results/0/value' });

function change(
  headEvidence = belowEverything(),
  baseEvidence = belowEverything(),
  extra: Partial<EvaluateInput> = {},
) {
  return evaluate({
    policy: testPolicy(),
    head: state([model(headEvidence)]),
    base: state([model(baseEvidence)]),
    context: context(),
    policyChange: null,
    now: NOW,
    ...extra,
  });
}

describe('change against the base', () => {
  test('reports a level raised by new evidence, citing rule, value, file and line', () => {
    const [, virology, suite] = belowEverything();
    const result = change([uplift(5.3), virology!, suite!], belowEverything());
    const model = result.models[0]!;
    expect(model.base_levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    expect(model.levels).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
    const raised = result.reasons.filter((r) => r.code === 'level-raised').map((r) => r.message);
    expect(raised).toEqual([
      'acme/m deployment: ASL-2 → ASL-3 because CBRN-3: crossed: 5.3 meets bio-uplift-trial ratio ≥ 5, models/m/evals/uplift.evidence.yml:4 (rule-in, published)',
      'acme/m security: ASL-2 → ASL-3 because CBRN-3: crossed: 5.3 meets bio-uplift-trial ratio ≥ 5, models/m/evals/uplift.evidence.yml:4 (rule-in, published)',
    ]);
  });

  test('blocks evidence that a change edits to look weaker until the policy owners approve', () => {
    const rest = belowEverything().slice(1);
    const weakened = change([uplift(1.2), ...rest], [uplift(2.4), ...rest]);
    const reason = weakened.reasons.find((r) => r.code === 'evidence-weakened')!;
    expect(reason).toMatchObject({
      severity: 'block',
      file: 'models/m/evals/uplift.evidence.yml',
      line: 4,
    });
    expect(reason.message).toMatch(
      /changed from 2\.4 to 1\.2 in an existing artifact.*needs an approving review on the head commit from rso/,
    );
    expect(weakened.decision).toBe('block');

    const approved = change([uplift(1.2), ...rest], [uplift(2.4), ...rest], {
      context: context({ reviews: [approve('alice')] }),
    });
    expect(approved.reasons.find((r) => r.code === 'evidence-weakened')!.severity).toBe('info');
    expect(approved.decision).toBe('pass');
  });

  test('does not flag evidence that got stronger', () => {
    const rest = belowEverything().slice(1);
    expect(
      change([uplift(2.6), ...rest], [uplift(2.4), ...rest]).reasons.some(
        (r) => r.code === 'evidence-weakened',
      ),
    ).toBe(false);
  });

  test('blocks deleted evidence until the policy owners approve', () => {
    const base = [
      ...belowEverything(),
      record('bio-uplift-trial', 'ratio', 2.0, { file: 'models/m/evals/old.evidence.yml' }),
    ];
    const result = change(belowEverything(), base);
    expect(result.reasons.find((r) => r.code === 'evidence-removed')).toMatchObject({
      severity: 'block',
      file: 'models/m/evals/old.evidence.yml',
    });
  });

  test('notes new evidence files without blocking', () => {
    const head = [
      ...belowEverything(),
      record('bio-uplift-trial', 'ratio', 2.0, { file: 'models/m/evals/new.evidence.yml' }),
    ];
    const result = change(head, belowEverything());
    expect(result.reasons.find((r) => r.code === 'evidence-added')).toMatchObject({
      severity: 'info',
      file: 'models/m/evals/new.evidence.yml',
    });
    expect(result.decision).toBe('pass');
  });

  test.each([
    ['blocks a policy edit without the policy owners’ approval', [], null, 'block'],
    [
      'passes a policy edit approved on the head commit by the policy owners',
      [approve('alice')],
      null,
      'pass',
    ],
    [
      'blocks an approved policy edit that would leave an invalid policy',
      [approve('alice')],
      { code: 'schema', message: 'unknown key', file: '.github/rsp-policy.yml', line: 3 },
      'block',
    ],
  ] as const)('%s', (_name, reviews, headProblem, expected) => {
    const result = change(belowEverything(), belowEverything(), {
      context: context({ reviews: [...reviews] }),
      policyChange: { changed: true, file: '.github/rsp-policy.yml', headProblem },
    });
    expect(result.decision).toBe(expected);
    expect(result.reasons.some((r) => r.code === 'policy-changed')).toBe(true);
  });
});

describe('the decision', () => {
  test('passes when every required safeguard is in place', () => {
    const result = evaluate({
      policy: testPolicy(),
      head: state([model(belowEverything())]),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.decision).toBe('pass');
    expect(result.reasons.filter((r) => r.severity === 'block')).toEqual([]);
  });

  test('advisory mode reports the same decision and marks the mode', () => {
    const policy = testPolicy();
    const advisory = { ...policy, mode: 'advisory' as const };
    const input = {
      head: state([model([uplift(5.3)])]),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    };
    const enforced = evaluate({ policy, ...input });
    const reported = evaluate({ policy: advisory, ...input });
    expect(reported.decision).toBe('block');
    expect(reported.mode).toBe('advisory');
    expect(reported.reasons).toEqual(enforced.reasons);
  });

  test('is deterministic: the same inputs give the same record', () => {
    const input = {
      policy: testPolicy(),
      head: state([model([uplift(5.3)])]),
      base: state([model(belowEverything())]),
      context: context(),
      policyChange: null,
      now: NOW,
    };
    expect(JSON.stringify(evaluate(input))).toBe(JSON.stringify(evaluate(input)));
  });

  test('blocks a model declared by two cards', () => {
    const result = evaluate({
      policy: testPolicy(),
      head: state([
        model(belowEverything()),
        model(belowEverything(), { card: 'models/copy/MODEL_CARD.md' }),
      ]),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.reasons.find((r) => r.code === 'duplicate-model')).toMatchObject({
      severity: 'block',
      file: 'models/copy/MODEL_CARD.md',
    });
  });

  test('notes an attestation for a model that has no card', () => {
    const typo = attestation({
      kind: 'safeguard',
      target: 'asl3-deploy-threat-model',
      approvedBy: ['alice'],
      model: 'acme/mm',
      line: 7,
    });
    const result = evaluate({
      policy: testPolicy(),
      head: state([model(belowEverything())], [typo]),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.reasons.find((r) => r.code === 'attestation-unknown-model')).toMatchObject({
      severity: 'info',
      file: 'safeguards/m.yml',
      line: 7,
    });
  });

  test('blocks on an unreadable artifact of the model', () => {
    const broken = model(belowEverything(), {
      artifactErrors: [
        {
          code: 'zip-corrupt',
          message: 'truncated archive',
          file: 'models/m/evals/run.eval',
          line: null,
        },
      ],
    });
    const result = evaluate({
      policy: testPolicy(),
      head: state([broken]),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.decision).toBe('block');
    expect(result.reasons.find((r) => r.code === 'zip-corrupt')).toMatchObject({
      file: 'models/m/evals/run.eval',
      model: 'acme/m',
    });
  });

  test('every threshold status has a reason with a file and line', () => {
    const result = change([uplift(5.3), ...belowEverything().slice(1)], belowEverything());
    const statusReasons = result.reasons.filter((r) => r.code.startsWith('threshold-'));
    expect(statusReasons).toHaveLength(3);
    for (const r of statusReasons) {
      expect(r.file).toBeTruthy();
      expect(r.line).toBeGreaterThan(0);
    }
  });

  test('the record validates against schemas/decision.schema.json', () => {
    const result = change([uplift(5.3), ...belowEverything().slice(1)], belowEverything());
    expect(validateValue(JSON.parse(JSON.stringify(result)), 'decision')).toEqual([]);
  });
});

describe('changes that lower what a model must meet need the policy owners', () => {
  test('renaming the metric of a rule-in result relaxes the threshold: blocked until the owners approve', () => {
    const rest = belowEverything().slice(1);
    const base = [uplift(5.3), ...rest];
    const renamed = [
      record('bio-uplift-trial', 'ratio_v2', 5.3, {
        file: 'models/m/evals/uplift.evidence.yml',
        line: 4,
        pointer: '/results/0/value',
      }),
      uplift(1.5, 'models/m/evals/new.evidence.yml'),
      ...rest,
    ];
    const result = change(renamed, base);
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    expect(result.reasons.find((r) => r.code === 'threshold-relaxed')).toMatchObject({
      severity: 'block',
      message: expect.stringMatching(
        /CBRN-3 was crossed at the base and is ruled out in this change/,
      ),
    });
    expect(result.reasons.find((r) => r.code === 'level-lowered')).toMatchObject({
      severity: 'block',
    });
    expect(result.decision).toBe('block');
    expect(
      change(renamed, base, { context: context({ reviews: [approve('alice')] }) }).decision,
    ).toBe('pass');
  });

  test.each([
    [
      'rsp.previous removed',
      { previous: { card: 'models/old/MODEL_CARD.md', id: 'acme/old', effectiveCompute: 1e24 } },
      { previous: null },
    ],
    ['rsp.effective_compute lowered', { effectiveCompute: 4e25 }, { effectiveCompute: 1e24 }],
    ['rsp.assessed_at moved', { assessedAt: '2026-09-01' }, { assessedAt: '2026-11-01' }],
  ])('%s is a change the owners must approve', (_name, before, after) => {
    const result = evaluate({
      policy: testPolicy(),
      head: state([model(belowEverything(), after)]),
      base: state([model(belowEverything(), before)]),
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.reasons.find((r) => r.code === 'card-facts-changed')).toMatchObject({
      severity: 'block',
    });
  });

  test('a model whose card disappears is blocked until the owners approve', () => {
    const result = evaluate({
      policy: testPolicy(),
      head: state([]),
      base: state([model(belowEverything())]),
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.reasons.find((r) => r.code === 'model-removed')).toMatchObject({
      severity: 'block',
      file: 'models/m/MODEL_CARD.md',
    });
  });
});
