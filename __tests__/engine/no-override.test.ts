/**
 * No override (issue 11 E): `approvals.override: none`, or no `approvals.override` at all (and no
 * preset giving one), means an undefined level cannot be overridden: it blocks until the policy
 * defines its safeguards, and an override attestation is reported as not counted. A missing key
 * no longer falls back to `policy_owners`.
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Attestation } from '../../src/core/inputs.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { presetNames, presetText } from '../../src/policy/presets.js';
import { parseYaml } from '../../src/formats/yaml.js';
import {
  NOW,
  TEST_POLICY,
  asl2Attestations,
  attestation,
  belowEverything,
  context,
  model,
  record,
  state,
} from '../helpers/build.js';

const APPROVALS = 'approvals: { capability_decision: [ceo, rso], override: [ceo, rso] }';

function policyWith(approvals: string) {
  return loadPolicy(TEST_POLICY.replace(APPROVALS, approvals), '.github/rsp-policy.yml');
}

/** AI-RND-5 crossed: security ASL-4, which the test policy leaves undefined. */
const asl4 = () => [...belowEverything(), record('scaleup', 'multiplier', 1200)];

const override = (approvedBy: string[]) =>
  attestation({
    kind: 'override',
    target: 'ASL-4',
    approvedBy,
    reason: 'research-only deployment',
    file: 'safeguards/override.yml',
    line: 2,
  });

function run(approvals: string, attestations: Attestation[]) {
  return evaluate({
    policy: policyWith(approvals),
    head: state([model(asl4())], [...asl2Attestations(), ...attestations]),
    base: null,
    context: context(),
    policyChange: null,
    now: NOW,
  });
}

const codes = (result: ReturnType<typeof run>) => result.reasons.map((r) => r.code);

describe('approvals.override: none', () => {
  const NONE = 'approvals: { capability_decision: [ceo, rso], override: none }';

  test('loads as no override', () => {
    expect(policyWith(NONE).approvals.override).toBeNull();
  });

  test('reaching an undefined level blocks, saying no override exists and the level must be defined first', () => {
    const result = run(NONE, []);
    expect(result.decision).toBe('block');
    expect(result.reasons.find((r) => r.code === 'undefined-level')).toEqual({
      code: 'undefined-level',
      severity: 'block',
      message:
        "acme/m reaches security ASL-4, whose safeguards the policy does not define yet, and the policy grants no override: the level's safeguards must be defined first, a policy change its owners (rso) approve",
      file: 'models/m/MODEL_CARD.md',
      line: 3,
      model: 'acme/m',
    });
  });

  test('an override signed by every role that used to be enough is not counted, and says so at the attestation', () => {
    const result = run(NONE, [override(['alice', 'carol'])]);
    expect(result.decision).toBe('block');
    expect(codes(result)).toContain('undefined-level');
    expect(codes(result)).not.toContain('undefined-level-overridden');
    expect(result.reasons.find((r) => r.code === 'override-not-counted')).toEqual({
      code: 'override-not-counted',
      severity: 'info',
      message:
        "override of ASL-4 for acme/m is not counted: the policy grants no override of an undefined level (`approvals.override` is `none` or not set); the level's safeguards must be defined instead",
      file: 'safeguards/override.yml',
      line: 2,
      model: 'acme/m',
    });
  });

  test('an override for another model is not reported against this one', () => {
    const result = run(NONE, [{ ...override(['alice', 'carol']), model: 'acme/other' }]);
    expect(codes(result)).not.toContain('override-not-counted');
  });

  test('below the undefined level, nothing blocks for it and an override is still noted as not counted', () => {
    const result = evaluate({
      policy: policyWith(NONE),
      head: state([model(belowEverything())], [...asl2Attestations(), override(['alice'])]),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.decision).toBe('pass');
    expect(codes(result)).not.toContain('undefined-level');
    expect(codes(result)).toContain('override-not-counted');
  });

  test('any other word is a schema error, as is an empty list', () => {
    expect(() => policyWith('approvals: { override: nobody }')).toThrow(/override/);
    expect(() => policyWith('approvals: { override: [] }')).toThrow(/override/);
  });
});

describe('no approvals.override at all: no override (it used to fall back to policy_owners)', () => {
  const MISSING = 'approvals: { capability_decision: [ceo, rso] }';

  test('loads as no override, while capability decisions still default to the policy owners', () => {
    const policy = policyWith(MISSING);
    expect(policy.approvals.override).toBeNull();
    expect(policyWith('').approvals.capabilityDecision).toEqual(['rso']);
  });

  test('the policy owner alone (rso) can no longer override an undefined level', () => {
    const result = run(MISSING, [override(['alice'])]);
    expect(result.decision).toBe('block');
    expect(codes(result)).toContain('undefined-level');
    expect(codes(result)).toContain('override-not-counted');
    expect(codes(result)).not.toContain('undefined-level-overridden');
  });
});

describe('approvals.override as a list of roles', () => {
  test('an override signed by every listed role counts', () => {
    const result = run(APPROVALS, [override(['alice', 'carol'])]);
    expect(codes(result)).toContain('undefined-level-overridden');
    expect(codes(result)).not.toContain('undefined-level');
    expect(codes(result)).not.toContain('override-not-counted');
  });

  test('without one, the block names the roles that may sign it', () => {
    const result = run(APPROVALS, [override(['alice'])]);
    expect(result.reasons.find((r) => r.code === 'undefined-level')!.message).toBe(
      'acme/m reaches security ASL-4, whose safeguards the policy does not define yet; it blocks unless an override is signed by ceo and rso',
    );
  });

  test('an unknown role in the list is a located reference error', () => {
    expect(() => policyWith('approvals: { override: [board] }')).toThrow(
      /unknown role `board` in approvals.override/,
    );
  });
});

describe('merging with a preset: the policy that extends it decides', () => {
  /** What the preset's own file says, as the loader should read it. */
  function presetOverride(name: string): string[] | null {
    const raw = parseYaml(presetText(name)!, `preset:${name}`).value as {
      approvals?: { override?: string[] | 'none' };
    };
    const value = raw.approvals?.override;
    return value === undefined || value === 'none' ? null : value;
  }
  const extending = (name: string, approvals: string) =>
    loadPolicy(`version: 1\nextends: ${name}\n${approvals}\n`, '.github/rsp-policy.yml');

  test.each(presetNames())("%s: unset keeps the preset's; `none` and a list replace it", (name) => {
    expect(extending(name, '').approvals.override).toEqual(presetOverride(name));
    expect(extending(name, 'approvals: { override: none }').approvals.override).toBeNull();
    const roles = [...extending(name, '').policyOwners];
    expect(
      extending(name, `approvals: { override: [${roles.join(', ')}] }`).approvals.override,
    ).toEqual(roles);
  });
});
