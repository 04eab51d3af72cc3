import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { loadPolicy, loadPreset } from '../../src/policy/load-policy.js';
import { presetNames } from '../../src/policy/presets.js';
import { TEST_POLICY } from '../helpers/build.js';

function errorOf(text: string): InputError {
  try {
    loadPolicy(text, '.github/rsp-policy.yml');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('policy loaded without error');
}

const minimal = (body: string) => `version: 1\nextends: anthropic-rsp-v2.2\n${body}`;

describe('invalid policies name the file, line and key', () => {
  test.each([
    [
      'an unknown top-level key',
      minimal('mode: enforce\nthresholdz: []\n'),
      'schema',
      4,
      'thresholdz',
      /unknown key `thresholdz`; allowed keys: version, extends/,
    ],
    [
      'an unknown key in a threshold',
      minimal('thresholds:\n  - id: X\n    requires: { security: ASL-3 }\n    rule_inn: []\n'),
      'schema',
      6,
      'thresholds[0].rule_inn',
      /unknown key `rule_inn`/,
    ],
    [
      'a mode that does not exist',
      minimal('mode: strict\n'),
      'schema',
      3,
      'mode',
      /must be one of "enforce", "advisory"/,
    ],
    [
      'a reference to an undefined benchmark',
      minimal(
        'thresholds:\n  - id: X\n    requires: { security: ASL-3 }\n    rule_out:\n      - { benchmark: nope, lt: 1 }\n',
      ),
      'policy-reference',
      7,
      'thresholds.X',
      /undefined benchmark `nope`/,
    ],
    [
      'a reference to an undefined role',
      minimal('signoffs:\n  - { level: ASL-3, roles: [ceo, cfo] }\n'),
      'policy-reference',
      4,
      'signoffs.ASL-3.roles[1]',
      /unknown role `cfo`/,
    ],
    [
      'a reference to an undefined level',
      minimal('thresholds:\n  - id: X\n    requires: { security: ASL-9 }\n'),
      'policy-reference',
      5,
      'thresholds.X.requires.security',
      /unknown level `ASL-9`/,
    ],
    [
      'a safeguard tied to an undefined threshold',
      minimal(
        'safeguards:\n  - { id: s, level: ASL-3, kind: security, title: T, signers: [rso], thresholds: [NOPE] }\n',
      ),
      'policy-reference',
      4,
      'safeguards.s.thresholds[0]',
      /undefined threshold `NOPE`/,
    ],
    [
      'a duplicate threshold id',
      minimal(
        'thresholds:\n  - { id: X, requires: { security: ASL-3 } }\n  - { id: X, requires: { security: ASL-3 } }\n',
      ),
      'policy-duplicate-id',
      5,
      'thresholds[1].id',
      /duplicate threshold id `X`/,
    ],
    [
      'a condition with two comparisons',
      minimal(
        'thresholds:\n  - id: X\n    requires: { security: ASL-3 }\n    rule_out:\n      - { benchmark: vct, lt: 1, gt: 0 }\n',
      ),
      'schema',
      7,
      undefined,
      /./,
    ],
    [
      'a non-finite number',
      minimal(
        'thresholds:\n  - id: X\n    requires: { security: ASL-3 }\n    rule_out:\n      - { benchmark: vct, lt: .nan }\n',
      ),
      'schema',
      7,
      'thresholds[0].rule_out[0].lt',
      /not a finite number/,
    ],
    [
      'an unknown preset',
      'version: 1\nextends: acme-rsp-v9\n',
      'policy-unknown-preset',
      2,
      'extends',
      /unknown preset `acme-rsp-v9`/,
    ],
    ['invalid YAML', 'version: 1\nlevels: [ASL-1\n', 'yaml-syntax', 3, undefined, /invalid YAML/],
    [
      'an alias bomb',
      `version: 1\na0: &a0 [x, x]\n${Array.from({ length: 12 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`).join('\n')}\n`,
      'yaml-syntax',
      undefined,
      undefined,
      /aliases exceeded maxAliases \(100\)/,
    ],
    [
      'a `__proto__` key',
      minimal('__proto__: { mode: advisory }\n'),
      'schema',
      3,
      '__proto__',
      /unknown key `__proto__`/,
    ],
    [
      'a policy without levels and no preset',
      'version: 1\nbaseline: ASL-2\n',
      'schema',
      1,
      'levels',
      /missing required key `levels`/,
    ],
  ])('rejects %s', (_name, text, code, line, key, message) => {
    const error = errorOf(text);
    expect(error.code).toBe(code);
    expect(error.location.file).toBe('.github/rsp-policy.yml');
    if (line !== undefined) expect(error.location.line).toBe(line);
    if (key !== undefined) expect(error.location.key).toBe(key);
    expect(error.message).toMatch(message);
    expect(error.hint).toBeTruthy();
  });

  test('does not pollute prototypes through `__proto__` keys', () => {
    errorOf(minimal('__proto__: { polluted: true }\n'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('extends merges by id', () => {
  test('a user threshold with a preset id replaces the preset threshold, others stay', () => {
    const policy = loadPolicy(
      minimal(
        'thresholds:\n  - id: AI-RND-4\n    requires: { security: ASL-3 }\n    rule_out: [ { benchmark: ai-research-suite-2, lt: 0.5 } ]\n',
      ),
      'p.yml',
    );
    const preset = loadPreset('anthropic-rsp-v2.2');
    expect(policy.thresholds.map((t) => t.id)).toEqual(preset.thresholds.map((t) => t.id));
    const replaced = policy.thresholds.find((t) => t.id === 'AI-RND-4')!;
    expect(replaced.ruleOut).toHaveLength(1);
    expect(replaced.where).toEqual({ file: 'p.yml', line: 4 });
    expect(policy.thresholds.find((t) => t.id === 'CBRN-3')!.where.file).toBe(
      'preset:anthropic-rsp-v2.2',
    );
  });

  test('a new safeguard is appended and role members are filled in by key', () => {
    const policy = loadPolicy(
      minimal(
        'roles:\n  rso: { users: [alice] }\nsafeguards:\n  - { id: acme-extra, level: ASL-3, kind: deployment, title: Extra, signers: [rso] }\n',
      ),
      'p.yml',
    );
    expect(policy.safeguards.at(-1)!.id).toBe('acme-extra');
    expect(policy.roles.get('rso')).toMatchObject({
      users: ['alice'],
      description: expect.stringMatching(/Responsible Scaling Officer/),
    });
    expect(policy.extends).toBe('anthropic-rsp-v2.2');
  });

  test('records the source, ref and a sha256 of the file', () => {
    const policy = loadPolicy(minimal(''), '.github/rsp-policy.yml', { ref: 'main' });
    expect(policy.source).toBe('.github/rsp-policy.yml@main');
    expect(policy.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('the test policy, written out in full, loads on its own', () => {
    expect(loadPolicy(TEST_POLICY, 'p.yml').thresholds.map((t) => t.id)).toEqual([
      'CBRN-3',
      'AI-RND-4',
      'AI-RND-5',
    ]);
  });
});

describe('built-in presets', () => {
  test.each(presetNames())('%s loads with every reference resolved', (name) => {
    const policy = loadPreset(name);
    expect(policy.source).toBe(`preset:${name}`);
    expect(policy.thresholds.length).toBeGreaterThan(0);
    expect(policy.safeguards.length).toBeGreaterThan(0);
  });
});
