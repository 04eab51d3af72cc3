/**
 * Attacks on the organization policy in the loader (issue 12): the ways a repository policy may
 * try to stop building on an organization policy that requires itself, or to take evidence from
 * one of its benchmarks, by the spelling of `extends`, YAML tricks (duplicate keys, merge keys,
 * tags, a second document) and aliases. Each is refused with a located error.
 */
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { loadPolicy, type LoadPolicyOptions } from '../../src/policy/load-policy.js';
import type { OrganizationPolicy } from '../../src/policy/types.js';

const FILE = '.github/rsp-policy.yml';
const COMMIT = 'abc1234def5678abc1234def5678abc1234def56';

const ORG_TEXT = `version: 1
levels: [ASL-1, ASL-2, ASL-3]
baseline: ASL-2
roles:
  rso: { users: [alice] }
policy_owners: [rso]
benchmarks:
  wmdp-bio: { metric: accuracy, scale: fraction, aliases: [wmdp_bio] }
thresholds:
  - id: cbrn-3
    requires: { deployment: ASL-3, security: ASL-3 }
    rule_in:
      - { benchmark: wmdp-bio, gte: 0.7 }
    rule_out:
      - { benchmark: wmdp-bio, lt: 0.5 }
organization: { required: true }
`;

function org(text = ORG_TEXT): OrganizationPolicy {
  return { repository: 'acme/.github', path: '.github/rsp-policy.yml', commit: COMMIT, text };
}

function errorOf(text: string, options: LoadPolicyOptions = { organization: org() }): InputError {
  try {
    loadPolicy(text, FILE, options);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('policy loaded without error');
}

describe('a repository policy that tries not to build on an organization policy that requires itself', () => {
  test.each([
    ['in capitals', 'Organization'],
    ['all in capitals', 'ORGANIZATION'],
    ['with a space inside quotes', '" organization"'],
    ['with a trailing space inside quotes', '"organization "'],
    ['with a Cyrillic а', 'orgаnization'],
    ['as a preset named like it', 'organization-v1'],
  ])('`extends` spelled %s is not `organization`: refused at its line', (_, spelling) => {
    const error = errorOf(`version: 1\nextends: ${spelling}\nmode: advisory\n`);
    expect(error.code).toBe('policy-org-required');
    expect(error.location).toMatchObject({ file: FILE, line: 2, key: 'extends' });
  });

  test.each([
    ['organization@', 'must be a whole number from 1 up'],
    ['organization@0', 'must be a whole number from 1 up'],
    ['organization@1', 'has no version to pin'],
  ])('`extends: %s` is refused at its line', (value, message) => {
    const error = errorOf(`version: 1\nextends: ${value}\n`);
    expect(error.code).toBe('policy-preset-pin');
    expect(error.location).toMatchObject({ file: FILE, line: 2, key: 'extends' });
    expect(error.message).toContain(message);
  });

  test.each([
    ['organization first', 'extends: organization\nextends: anthropic-rsp-v2.2@2'],
    ['a preset first', 'extends: anthropic-rsp-v2.2@2\nextends: organization'],
  ])('a second `extends` key (%s) is a YAML error at the second', (_, lines) => {
    const error = errorOf(`version: 1\n${lines}\n`);
    expect(error.code).toBe('yaml-syntax');
    expect(error.message).toContain('duplicated mapping key');
    expect(error.location).toMatchObject({ file: FILE, line: 3 });
  });

  test('a YAML merge key that would bring in a frozen setting is an unknown key', () => {
    const error = errorOf('version: 1\nextends: organization\n<<: { mode: advisory }\n');
    expect(error.code).toBe('schema');
    expect(error.location).toMatchObject({ file: FILE, line: 3, key: '<<' });
  });

  test('a second YAML document that would hold a standalone policy is refused', () => {
    const error = errorOf(
      'version: 1\nextends: organization\n---\nversion: 1\nlevels: [ASL-2]\nbaseline: ASL-2\n',
    );
    expect(error.code).toBe('yaml-multiple-documents');
  });

  test('a YAML tag on `extends` changes nothing: the frozen key after it is refused', () => {
    const error = errorOf('version: 1\nextends: !!str organization\nmode: advisory\n');
    expect(error.code).toBe('policy-org-frozen');
    expect(error.location).toMatchObject({ file: FILE, line: 3, key: 'mode' });
  });

  test('YAML anchors copy values, never ids into place: an alias that repeats an added threshold is a duplicate id, one that sets a frozen key is refused there', () => {
    const repeated = errorOf(
      'version: 1\nextends: organization\nthresholds:\n  - &t { id: lab-cyber, requires: { security: ASL-3 } }\n  - *t\n',
    );
    expect(repeated).toMatchObject({
      code: 'policy-duplicate-id',
      location: { file: FILE, line: 5, key: 'thresholds[1].id' },
    });
    const copied = errorOf(
      'version: 1\nextends: organization\nroles:\n  ops: { users: [dave-ml] }\nsafeguards:\n  - { id: lab, level: ASL-3, kind: security, title: Lab, signers: &who [ops] }\npolicy_owners: *who\n',
    );
    expect(copied).toMatchObject({
      code: 'policy-org-frozen',
      location: { file: FILE, line: 7, key: 'policy_owners' },
    });
  });

  test('an empty policy file is not an absent one: refused, not judged by the organization policy alone', () => {
    expect(errorOf('').code).toBe('schema');
    expect(errorOf('version: 1\n')).toMatchObject({
      code: 'policy-org-required',
      location: { file: FILE, line: 1, key: 'extends' },
    });
  });
});

describe('a new benchmark that would take evidence from an organization benchmark', () => {
  test.each([
    [
      'an alias that is its id in capitals',
      'lab-bio: { metric: acc_norm, scale: fraction, aliases: [WMDP-BIO] }',
      '`WMDP-BIO` names both benchmark wmdp-bio and lab-bio',
    ],
    [
      'an alias that is its alias',
      'lab-bio: { metric: acc_norm, scale: fraction, aliases: [wmdp_bio] }',
      '`wmdp_bio` names both benchmark wmdp-bio and lab-bio',
    ],
    [
      'an id that is its alias in another case',
      'WMDP_Bio: { metric: acc_norm, scale: fraction }',
      '`WMDP_Bio` names both benchmark wmdp-bio and WMDP_Bio',
    ],
  ])('%s is refused at the repository file’s line', (_, benchmark, message) => {
    const error = errorOf(`version: 1\nextends: organization\nbenchmarks:\n  ${benchmark}\n`);
    expect(error.code).toBe('policy-reference');
    expect(error.location).toMatchObject({ file: FILE, line: 4 });
    expect(error.message).toBe(`policy: ${message}`);
  });

  test('an alias of a benchmark of the organization policy’s preset is refused too', () => {
    const onPreset = org(
      'version: 1\nextends: anthropic-rsp-v2.2@2\nroles:\n  rso: { users: [alice] }\n  ceo: { users: [carol] }\n  security-lead: { users: [bob] }\n  safeguards-lead: { users: [sam] }\norganization: { required: true }\n',
    );
    const error = errorOf(
      'version: 1\nextends: organization\nbenchmarks:\n  lab-uplift: { metric: ratio, scale: unbounded, aliases: [BIO-UPLIFT-TRIAL] }\n',
      { organization: onPreset },
    );
    expect(error.code).toBe('policy-reference');
    expect(error.location).toMatchObject({ file: FILE, line: 4 });
    expect(error.message).toContain('names both benchmark bio-uplift-trial and lab-uplift');
  });
});

describe('the organization policy records which roles are its own', () => {
  const onPreset = org(
    'version: 1\nextends: anthropic-rsp-v2.2@2\nroles:\n  rso: { users: [alice] }\n  ceo: { users: [carol] }\n  security-lead: { users: [bob] }\n  safeguards-lead: { users: [sam] }\n  board: { users: [olga] }\norganization: { required: true }\n',
  );

  test('a repository policy’s roles are not among them', () => {
    const policy = loadPolicy(
      'version: 1\nextends: organization\nroles:\n  red-team: { users: [mallory] }\n',
      FILE,
      { organization: org() },
    );
    expect([...policy.roles.keys()]).toEqual(['rso', 'red-team']);
    expect(policy.organization?.roles).toEqual(['rso']);
  });

  test('its preset’s roles are, and its own', () => {
    const policy = loadPolicy(
      'version: 1\nextends: organization\nroles:\n  red-team: { users: [mallory] }\n',
      FILE,
      { organization: onPreset },
    );
    const own = policy.organization!.roles;
    expect(own).toEqual(expect.arrayContaining(['rso', 'ceo', 'security-lead', 'board']));
    expect(own).not.toContain('red-team');
    expect([...policy.roles.keys()]).toEqual([...own, 'red-team']);
  });
});
