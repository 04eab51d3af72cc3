/**
 * Declared levels (issue 11 F, for RSP v3.x where a level names the mitigations in place): with
 * `declared_levels`, each model needs a trusted, unexpired `declaration: <level>` attestation
 * approved by every signer role; its level per kind is the higher of declared and computed.
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import { InputError } from '../../src/core/errors.js';
import type { Attestation, ReviewContext } from '../../src/core/inputs.js';
import { validateValue } from '../../src/formats/validate.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { parseAttestations } from '../../src/repository/read-attestations.js';
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
  testPolicy,
} from '../helpers/build.js';

const DECLARED = '\ndeclared_levels: { signers: [ceo, rso], expires_after_days: 200 }\n';

/** CBRN-3 crossed: the thresholds alone require ASL-3 deployment and security. */
const asl3 = () => [
  record('bio-uplift-trial', 'ratio', 5.3),
  record('longform-virology', 'score', 0.3),
  record('ai-research-suite-2', 'score', 0.2),
];

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

interface Run {
  attestations?: Attestation[];
  evidence?: ReturnType<typeof asl3>;
  policy?: string;
  base?: Attestation[] | null;
  ctx?: Partial<ReviewContext>;
}

function run({
  attestations = [],
  evidence = belowEverything(),
  policy = DECLARED,
  base = null,
  ctx = {},
}: Run) {
  return evaluate({
    policy: testPolicy(policy),
    head: state([model(evidence)], [...asl2Attestations(), ...attestations]),
    base: base === null ? null : state([model(evidence)], [...asl2Attestations(), ...base]),
    context: context(ctx),
    policyChange: null,
    now: NOW,
  });
}

const reasons = (result: ReturnType<typeof run>, code: string) =>
  result.reasons.filter((r) => r.code === code);

describe('the policy key', () => {
  test('loads its signers and expiry; an unknown signer role is a located error', () => {
    expect(testPolicy(DECLARED).declaredLevels).toMatchObject({
      signers: ['ceo', 'rso'],
      expiresAfterDays: 200,
    });
    expect(testPolicy().declaredLevels).toBeNull();
    expect(() => testPolicy('\ndeclared_levels: { signers: [board] }\n')).toThrow(
      /unknown role `board` at declared_levels.signers\[0\]/,
    );
    expect(() => testPolicy('\ndeclared_levels: { signers: [] }\n')).toThrow(/signers/);
  });

  test('without it, nothing changes: levels are computed and a declaration is noted as not counted', () => {
    const result = run({ policy: '', attestations: [declaration('ASL-3')] });
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    expect(result.models[0]!.declared).toBeNull();
    expect(result.decision).toBe('pass');
    expect(reasons(result, 'declaration-not-counted')[0]).toMatchObject({
      severity: 'info',
      message:
        'declaration of ASL-3 for acme/m is not counted: the policy has no `declared_levels`, so levels are not declared',
      file: 'safeguards/declaration.yml',
      line: 3,
    });
    expect(reasons(result, 'level-undeclared')).toEqual([]);
  });
});

describe('a model with no declaration', () => {
  test('blocks for each kind, naming the attestation and its signers', () => {
    const result = run({});
    expect(result.decision).toBe('block');
    expect(result.models[0]!.declared).toBeNull();
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    expect(reasons(result, 'level-undeclared')).toEqual([
      {
        code: 'level-undeclared',
        severity: 'block',
        message:
          'acme/m has no declared deployment level: the policy (declared_levels) needs a dated `declaration: <level>` attestation for this model approved by ceo and rso',
        file: 'models/m/MODEL_CARD.md',
        line: 3,
        model: 'acme/m',
      },
      expect.objectContaining({
        code: 'level-undeclared',
        message: expect.stringContaining('no declared security level'),
      }),
    ]);
  });
});

describe('a declaration that counts', () => {
  test('above the computed level raises it, and the higher level requires its safeguards and sign-offs', () => {
    const result = run({ attestations: [declaration('ASL-3')] });
    const m = result.models[0]!;
    expect(m.declared).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
    expect(m.levels).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
    expect(m.safeguards.map((s) => s.id)).toContain('asl3-deploy-threat-model');
    expect(m.signoffs.map((s) => s.level)).toEqual(['ASL-3', 'ASL-3']);
    expect(reasons(result, 'level-undeclared')).toEqual([]);
    expect(reasons(result, 'level-declared').map((r) => [r.severity, r.message])).toEqual([
      [
        'info',
        'acme/m deployment ASL-3 as declared in safeguards/declaration.yml:3 (the thresholds alone require ASL-2)',
      ],
      [
        'info',
        'acme/m security ASL-3 as declared in safeguards/declaration.yml:3 (the thresholds alone require ASL-2)',
      ],
    ]);
  });

  test('equal to the computed level passes', () => {
    const result = run({ attestations: [declaration('ASL-2')] });
    expect(result.decision).toBe('pass');
    expect(result.models[0]!.declared).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
  });

  test('below what the thresholds require blocks, and the higher level still applies', () => {
    const result = run({ attestations: [declaration('ASL-2')], evidence: asl3() });
    const m = result.models[0]!;
    expect(m.levels).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
    expect(m.declared).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    expect(result.decision).toBe('block');
    expect(reasons(result, 'declaration-below-evidence')[0]).toEqual({
      code: 'declaration-below-evidence',
      severity: 'block',
      message:
        'acme/m declares deployment ASL-2 (safeguards/declaration.yml:3), below ASL-3, which CBRN-3 requires: ASL-3 applies; a new declaration of at least ASL-3, approved by ceo and rso, is needed',
      file: 'safeguards/declaration.yml',
      line: 3,
      model: 'acme/m',
    });
    // Every threshold that requires the level is named.
    const two = run({
      attestations: [declaration('ASL-2')],
      evidence: [...asl3().slice(0, 2), record('ai-research-suite-2', 'score', 0.7)],
    });
    expect(reasons(two, 'declaration-below-evidence')[1]!.message).toContain(
      'acme/m declares security ASL-2 (safeguards/declaration.yml:3), below ASL-3, which CBRN-3, AI-RND-4 require: ASL-3 applies',
    );
  });

  test('below the baseline blocks, naming the baseline', () => {
    const result = run({ attestations: [declaration('ASL-1')] });
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    expect(reasons(result, 'declaration-below-evidence')[0]!.message).toContain(
      'below ASL-2, which the baseline requires',
    );
  });

  test('of one kind declares that kind only: the other is still undeclared', () => {
    const result = run({ attestations: [declaration('ASL-3', { levelKind: 'security' })] });
    const m = result.models[0]!;
    expect(m.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-3' });
    expect(m.declared).toBeNull();
    expect(reasons(result, 'level-undeclared').map((r) => r.message)).toEqual([
      expect.stringContaining('no declared deployment level'),
    ]);
    const both = run({
      attestations: [
        declaration('ASL-3', { levelKind: 'security' }),
        declaration('ASL-2', { levelKind: 'deployment', line: 9 }),
      ],
    });
    expect(both.models[0]!.declared).toEqual({ deployment: 'ASL-2', security: 'ASL-3' });
    expect(reasons(both, 'level-undeclared')).toEqual([]);
  });

  test('the latest declaration counts, the higher one on the same day', () => {
    const later = run({
      attestations: [
        declaration('ASL-3', { date: '2026-10-01' }),
        declaration('ASL-2', { date: '2026-11-01', line: 9 }),
      ],
    });
    expect(later.models[0]!.declared).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    const sameDay = run({
      attestations: [
        declaration('ASL-2'),
        declaration('ASL-3', { line: 9 }),
        declaration('ASL-2', { line: 12 }),
      ],
    });
    expect(sameDay.models[0]!.declared).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
  });
});

describe('a declaration that does not count', () => {
  test.each([
    [
      'not approved by every signer role',
      declaration('ASL-3', { approvedBy: ['alice'] }),
      'no approver holds the role ceo (a declaration needs ceo and rso)',
    ],
    [
      'approved by someone outside the signer roles',
      declaration('ASL-3', { approvedBy: ['alice', 'carol', 'bob'] }),
      '@bob holds none of the allowed roles (ceo, rso) (a declaration needs ceo and rso)',
    ],
    [
      'older than declared_levels.expires_after_days',
      declaration('ASL-3', { date: '2026-04-01' }),
      'approved 2026-04-01, which is more than 200 days ago: re-approval is due',
    ],
    [
      'past its own expires',
      declaration('ASL-3', { expires: '2026-11-26' }),
      'expired on 2026-11-26',
    ],
  ])('%s: noted at the attestation, and the kind is undeclared', (_name, item, why) => {
    const result = run({ attestations: [item] });
    expect(result.models[0]!.declared).toBeNull();
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    expect(reasons(result, 'declaration-not-counted')).toEqual([
      {
        code: 'declaration-not-counted',
        severity: 'info',
        message: `declaration of ASL-3 for acme/m is not counted: ${why}`,
        file: 'safeguards/declaration.yml',
        line: 3,
        model: 'acme/m',
      },
    ]);
    expect(reasons(result, 'level-undeclared')[0]!.message).toMatch(
      /; 1 declaration is not counted \(see the notes\)$/,
    );
    expect(result.decision).toBe('block');
  });

  test('within expires_after_days and before its own expires, it counts', () => {
    const result = run({
      attestations: [declaration('ASL-2', { date: '2026-05-12', expires: '2026-11-27' })],
    });
    expect(result.models[0]!.declared).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
  });

  test('new in the change and not approved on the head: untrusted, so it does not count', () => {
    const item = declaration('ASL-2');
    const untrusted = run({ attestations: [item], base: [] });
    expect(untrusted.models[0]!.declared).toBeNull();
    expect(reasons(untrusted, 'attestation-untrusted')).toHaveLength(1);
    expect(reasons(untrusted, 'level-undeclared')).toHaveLength(2);
    // Its approvers approving the head commit make it count.
    const approved = run({
      attestations: [item],
      base: [],
      ctx: {
        reviews: [
          {
            user: 'alice',
            state: 'APPROVED',
            commit: 'head1',
            submittedAt: '2026-11-27T10:00:00Z',
          },
          {
            user: 'carol',
            state: 'APPROVED',
            commit: 'head1',
            submittedAt: '2026-11-27T10:00:00Z',
          },
        ],
      },
    });
    expect(approved.models[0]!.declared).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
  });

  test('a declaration for another model declares nothing here', () => {
    const result = run({ attestations: [declaration('ASL-2', { model: 'acme/other' })] });
    expect(result.models[0]!.declared).toBeNull();
    expect(reasons(result, 'declaration-not-counted')).toEqual([]);
  });
});

describe('the base of a change is judged with its declarations too', () => {
  test('removing a declaration that raised the level lowers it: the policy owners decide', () => {
    const result = run({ attestations: [], base: [declaration('ASL-3')] });
    expect(result.models[0]!.base_levels).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    expect(reasons(result, 'level-lowered').map((r) => r.severity)).toEqual(['block', 'block']);
  });

  test('an unchanged declaration keeps the level at both ends', () => {
    const result = run({ attestations: [declaration('ASL-3')], base: [declaration('ASL-3')] });
    expect(result.models[0]!.base_levels).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
    expect(reasons(result, 'level-lowered')).toEqual([]);
    expect(reasons(result, 'level-raised')).toEqual([]);
  });
});

describe('the decision record', () => {
  test('validates against schemas/decision.schema.json with declared levels and dated sign-offs', () => {
    const result = run({ attestations: [declaration('ASL-3')] });
    expect(validateValue(JSON.parse(JSON.stringify(result)), 'decision')).toEqual([]);
  });
});

describe('declaration attestations in a file', () => {
  const policy = loadPolicy(TEST_POLICY + DECLARED, '.github/rsp-policy.yml');
  const parse = (items: string) =>
    parseAttestations(`model: acme/m\nattestations:\n${items}`, 'safeguards/m.yml', policy);

  test('read the level, the kind (absent: both) and the dates', () => {
    const [both, security] = parse(
      '  - { declaration: ASL-3, approved_by: [alice, carol], date: 2026-11-01, expires: 2027-11-01 }\n' +
        '  - { declaration: ASL-3, kind: security, approved_by: [alice, carol], date: 2026-11-01 }\n',
    );
    expect(both).toMatchObject({
      kind: 'declaration',
      target: 'ASL-3',
      levelKind: null,
      approvedBy: ['alice', 'carol'],
      date: '2026-11-01',
      expires: '2027-11-01',
      line: 3,
    });
    expect(security).toMatchObject({ kind: 'declaration', levelKind: 'security', line: 4 });
    // The kind is part of what was signed.
    expect(both!.fingerprint).not.toBe(security!.fingerprint);
  });

  test('an unknown level is a located error that lists the levels', () => {
    let error: unknown;
    try {
      parse(
        '  - { signoff: ASL-3, approved_by: [alice], date: 2026-11-01 }\n  - { declaration: ASL-9, approved_by: [alice, carol], date: 2026-11-01 }\n',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      code: 'attestation-reference',
      message: 'attestation names unknown level `ASL-9`',
      location: { file: 'safeguards/m.yml', line: 4 },
      hint: 'levels are: ASL-1, ASL-2, ASL-3, ASL-4',
    });
  });

  test.each([
    ['without a date', '{ declaration: ASL-3, approved_by: [alice, carol] }'],
    [
      'with a kind that is not a kind of level',
      '{ declaration: ASL-3, kind: both, approved_by: [alice], date: 2026-11-01 }',
    ],
    [
      'with a kind on another attestation',
      '{ signoff: ASL-3, kind: security, approved_by: [alice], date: 2026-11-01 }',
    ],
  ])('%s is a schema error at its line', (_name, item) => {
    expect(() => parse(`  - ${item}\n`)).toThrow(InputError);
    try {
      parse(`  - ${item}\n`);
    } catch (e) {
      expect((e as InputError).location.file).toBe('safeguards/m.yml');
      expect((e as InputError).location.line).toBe(3);
    }
  });

  test('a declaration must name its model', () => {
    expect(() =>
      parseAttestations(
        'model: "*"\nattestations:\n  - { declaration: ASL-3, approved_by: [alice, carol], date: 2026-11-01 }\n',
        'safeguards/org.yml',
        policy,
      ),
    ).toThrow(/a declaration attestation must name its model/);
  });
});
