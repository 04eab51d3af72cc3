/**
 * Which declaration counts when a model has several, and what the reasons about declarations
 * name: the thresholds that require the level, the kind a declaration covers, how many were
 * refused.
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Attestation } from '../../src/core/inputs.js';
import {
  NOW,
  asl2Attestations,
  attestation,
  belowEverything,
  context,
  model,
  record,
  state,
  testPolicy,
} from '../helpers/build.js';

const DECLARED = '\ndeclared_levels: { signers: [ceo, rso] }\n';

const declaration = (level: string, extra: Partial<Attestation> = {}) =>
  attestation({
    kind: 'declaration',
    target: level,
    approvedBy: ['alice', 'carol'],
    date: '2026-11-01',
    file: 'safeguards/declaration.yml',
    line: 3,
    ...extra,
  });

function run(attestations: Attestation[], evidence = belowEverything()) {
  return evaluate({
    policy: testPolicy(DECLARED),
    head: state([model(evidence)], [...asl2Attestations(), ...attestations]),
    base: null,
    context: context(),
    policyChange: null,
    now: NOW,
  });
}

const messages = (result: ReturnType<typeof run>, code: string) =>
  result.reasons.filter((r) => r.code === code).map((r) => r.message);

describe('the declaration that counts', () => {
  test('is the latest, even when an older one declares a higher level', () => {
    const result = run([
      declaration('ASL-2', { date: '2026-11-20', file: 'safeguards/new.yml' }),
      declaration('ASL-3', { date: '2026-11-01', file: 'safeguards/old.yml' }),
    ]);
    expect(result.models[0]!.declared).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
  });

  test('of two on the same day at the same level, is the first listed', () => {
    const result = run([
      declaration('ASL-3', { file: 'safeguards/a.yml' }),
      declaration('ASL-3', { file: 'safeguards/b.yml' }),
    ]);
    expect(messages(result, 'level-declared')).toEqual([
      'acme/m deployment ASL-3 as declared in safeguards/a.yml:3 (the thresholds alone require ASL-2)',
      'acme/m security ASL-3 as declared in safeguards/a.yml:3 (the thresholds alone require ASL-2)',
    ]);
  });
});

describe('what the reasons name', () => {
  test('a declaration below the evidence names only the active thresholds that require that level', () => {
    // CBRN-3 crossed (deployment and security ASL-3); AI-RND-4 not ruled out (security ASL-3).
    const evidence = [
      record('bio-uplift-trial', 'ratio', 5.3),
      record('longform-virology', 'score', 0.3),
      record('ai-research-suite-2', 'score', 0.7),
    ];
    const result = run([declaration('ASL-2')], evidence);
    expect(messages(result, 'declaration-below-evidence')).toEqual([
      'acme/m declares deployment ASL-2 (safeguards/declaration.yml:3), below ASL-3, which CBRN-3 requires: ASL-3 applies; a new declaration of at least ASL-3, approved by ceo and rso, is needed',
      'acme/m declares security ASL-2 (safeguards/declaration.yml:3), below ASL-3, which CBRN-3, AI-RND-4 require: ASL-3 applies; a new declaration of at least ASL-3, approved by ceo and rso, is needed',
    ]);
  });

  test('a ruled-out threshold that would require the level is not named', () => {
    // CBRN-3 ruled out; AI-RND-4 not ruled out (suite 2 at 0.7): security ASL-3 by AI-RND-4 alone.
    const evidence = [
      record('bio-uplift-trial', 'ratio', 1.6),
      record('longform-virology', 'score', 0.31),
      record('ai-research-suite-2', 'score', 0.7),
    ];
    const result = run([declaration('ASL-2')], evidence);
    expect(messages(result, 'declaration-below-evidence')).toEqual([
      'acme/m declares security ASL-2 (safeguards/declaration.yml:3), below ASL-3, which AI-RND-4 requires: ASL-3 applies; a new declaration of at least ASL-3, approved by ceo and rso, is needed',
    ]);
  });

  test('a refused declaration of one kind names that kind', () => {
    const result = run([declaration('ASL-3', { levelKind: 'security', approvedBy: ['alice'] })]);
    expect(messages(result, 'declaration-not-counted')).toEqual([
      'declaration of ASL-3 security for acme/m is not counted: no approver holds the role ceo (a declaration needs ceo and rso)',
    ]);
  });

  test('an undeclared level counts the refused declarations, in the plural', () => {
    const result = run([
      declaration('ASL-3', { approvedBy: ['alice'] }),
      declaration('ASL-2', { approvedBy: ['carol'] }),
    ]);
    expect(messages(result, 'level-undeclared')[0]).toBe(
      'acme/m has no declared deployment level: the policy (declared_levels) needs a dated `declaration: <level>` attestation for this model approved by ceo and rso; 2 declarations are not counted (see the notes)',
    );
  });
});
