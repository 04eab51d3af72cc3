/**
 * The organization policy (issue 12): a repository policy that `extends: organization` is layered
 * on it and may only add items under new ids; everything the organization policy sets is frozen,
 * refused at the repository file's line, naming the organization file and commit. The
 * organization policy may require itself, may extend a preset (with its pin rules), and is
 * refused where none is given.
 */
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { evaluate } from '../../src/core/evaluate.js';
import { validateValue } from '../../src/formats/validate.js';
import {
  loadOrganizationPolicy,
  loadPolicy,
  type LoadPolicyOptions,
} from '../../src/policy/load-policy.js';
import { presetNames } from '../../src/policy/presets.js';
import type { OrganizationPolicy } from '../../src/policy/types.js';
import { STATE } from '../presets/judge-repository.js';

const FILE = '.github/rsp-policy.yml';
const COMMIT = 'abc1234def5678abc1234def5678abc1234def56';
const ORG_FILE = 'acme/.github:.github/rsp-policy.yml';
const ORG_SOURCE = `${ORG_FILE}@abc1234`;

/** The organization policy; line numbers are given in the comments where tests rely on them. */
const ORG_TEXT = [
  'version: 1', // 1
  'name: Acme organization policy',
  'levels: [ASL-1, ASL-2, ASL-3, ASL-4]',
  'baseline: ASL-2',
  'undefined_levels: [ASL-4]', // 5
  'roles:',
  '  rso: { users: [alice] }',
  '  ceo: { users: [carol] }',
  '  security-lead: { users: [bob] }',
  'policy_owners: [rso]', // 10
  'approvals: { capability_decision: [ceo, rso] }',
  'benchmarks:',
  '  wmdp-bio: { metric: accuracy, scale: fraction }',
  'thresholds:',
  '  - id: cbrn-3', // 15
  '    requires: { deployment: ASL-3, security: ASL-3 }',
  '    rule_in:',
  '      - { benchmark: wmdp-bio, gte: 0.7 }',
  '    rule_out:',
  '      - { benchmark: wmdp-bio, lt: 0.5 }', // 20
  'triggers:',
  '  - id: more-capable',
  '    any: [ { effective_compute_ratio: { gte: 4 } } ]',
  '    requires_attestation: capability-report',
  'safeguards:', // 25
  '  - { id: asl3-weights, level: ASL-3, kind: security, title: Weight access minimised, signers: [security-lead] }',
  'signoffs:',
  '  - { level: ASL-3, roles: [ceo] }',
  '',
].join('\n');

const REQUIRED = `${ORG_TEXT}organization: { required: true }\n`;

function org(text = REQUIRED): OrganizationPolicy {
  return { repository: 'acme/.github', path: '.github/rsp-policy.yml', commit: COMMIT, text };
}

/** A repository policy on the organization's: its body starts at line 3. */
const onOrg = (body: string) => `version: 1\nextends: organization\n${body}`;

function errorOf(text: string, options: LoadPolicyOptions = { organization: org() }): InputError {
  try {
    loadPolicy(text, FILE, options);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('policy loaded without error');
}

describe('a repository policy that extends organization', () => {
  const added = onOrg(
    [
      'roles:', // 3
      '  red-team: { users: [dana] }',
      'benchmarks:',
      '  cybench: { metric: accuracy, scale: fraction }',
      'thresholds:',
      '  - id: cyber-2', // 8
      '    requires: { security: ASL-3 }',
      '    rule_in:',
      '      - { benchmark: cybench, gte: 0.5 }',
      'triggers:',
      '  - id: quarterly',
      '    any: [ { months_since_assessment: { gte: 3 } } ]',
      '    requires_attestation: quarterly-report',
      'safeguards:',
      '  - { id: cyber-red-team, level: ASL-3, kind: deployment, title: Cyber red team, signers: [red-team] }',
      'signoffs:',
      '  - { level: ASL-3, kind: security, roles: [security-lead] }',
      '',
    ].join('\n'),
  );

  test('is layered on it: new thresholds, triggers, safeguards, benchmarks, roles and sign-off rules are added after its own', () => {
    const policy = loadPolicy(added, FILE, { organization: org(), ref: 'main (b0b0b0b)' });
    expect(policy.thresholds.map((t) => [t.id, t.where])).toEqual([
      ['cbrn-3', { file: ORG_FILE, line: 15 }],
      ['cyber-2', { file: FILE, line: 8 }],
    ]);
    expect(policy.triggers.map((t) => t.id)).toEqual(['more-capable', 'quarterly']);
    expect(policy.safeguards.map((s) => s.id)).toEqual(['asl3-weights', 'cyber-red-team']);
    expect([...policy.benchmarks.keys()]).toEqual(['wmdp-bio', 'cybench']);
    expect([...policy.roles.keys()]).toEqual(['rso', 'ceo', 'security-lead', 'red-team']);
    expect(policy.signoffs.map((s) => [s.level, s.kind, s.roles])).toEqual([
      ['ASL-3', null, ['ceo']],
      ['ASL-3', 'security', ['security-lead']],
    ]);
    // The organization's settings hold; a trigger without signers takes its policy owners.
    expect(policy).toMatchObject({
      name: 'Acme organization policy',
      mode: 'enforce',
      baseline: 'ASL-2',
      policyOwners: ['rso'],
      approvals: { capabilityDecision: ['ceo', 'rso'], override: null },
    });
    expect(policy.triggers[1]!.signers).toEqual(['rso']);
    expect(policy).toMatchObject({
      file: FILE,
      source: `${FILE}@main (b0b0b0b)`,
      extends: null,
      preset: null,
      organization: {
        repository: 'acme/.github',
        path: '.github/rsp-policy.yml',
        commit: COMMIT,
        required: true,
      },
    });
  });

  test('the decision record names the organization policy it builds on, and validates against the schema', () => {
    const policy = loadPolicy(added, FILE, { organization: org() });
    const record = evaluate({
      policy,
      head: { models: [], attestations: [], problems: [] },
      base: null,
      context: STATE,
      policyChange: null,
      now: new Date('2026-11-27T12:00:00Z'),
    });
    expect(record.policy.organization).toEqual({
      repository: 'acme/.github',
      path: '.github/rsp-policy.yml',
      commit: COMMIT,
    });
    expect(validateValue(JSON.parse(JSON.stringify(record)), 'decision')).toEqual([]);
    // A policy with no organization policy behind it says so.
    const own = loadPolicy(ORG_TEXT, FILE);
    const ownRecord = evaluate({
      policy: own,
      head: { models: [], attestations: [], problems: [] },
      base: null,
      context: STATE,
      policyChange: null,
      now: new Date('2026-11-27T12:00:00Z'),
    });
    expect(ownRecord.policy.organization).toBeNull();
    expect(validateValue(JSON.parse(JSON.stringify(ownRecord)), 'decision')).toEqual([]);
  });

  test('a new item may refer to what the organization policy defines; an unknown reference is located in the repository file', () => {
    const policy = loadPolicy(
      onOrg(
        'safeguards:\n  - { id: extra, level: ASL-3, kind: security, title: Extra, signers: [rso], thresholds: [cbrn-3] }\n',
      ),
      FILE,
      { organization: org() },
    );
    expect(policy.safeguards.at(-1)).toMatchObject({ id: 'extra', thresholds: ['cbrn-3'] });
    const error = errorOf(
      onOrg(
        'safeguards:\n  - { id: extra, level: ASL-3, kind: security, title: Extra, signers: [cfo] }\n',
      ),
    );
    expect(error).toMatchObject({
      code: 'policy-reference',
      location: { file: FILE, line: 4, key: 'safeguards.extra.signers[0]' },
    });
  });

  test('a relaxed organization threshold (same id, weaker numbers) is refused at its line, naming the organization file and commit', () => {
    const relaxed = onOrg(
      [
        'benchmarks:', // 3
        '  cybench: { metric: accuracy, scale: fraction }',
        'thresholds:',
        '  - id: cyber-2',
        '    requires: { security: ASL-3 }',
        '    rule_in:',
        '      - { benchmark: cybench, gte: 0.5 }',
        '  - id: cbrn-3', // 10
        '    requires: { deployment: ASL-3, security: ASL-3 }',
        '    rule_in:',
        '      - { benchmark: wmdp-bio, gte: 0.95 }',
        '    rule_out:',
        '      - { benchmark: wmdp-bio, lt: 0.9 }',
        '',
      ].join('\n'),
    );
    const error = errorOf(relaxed);
    expect(error.code).toBe('policy-org-frozen');
    expect(error.location).toEqual({ file: FILE, line: 10, column: 5, key: 'thresholds[1]' });
    expect(error.message).toBe(
      `policy: \`thresholds[1]\` (id cbrn-3) is set by the organization policy ${ORG_SOURCE} and cannot be changed here`,
    );
    expect(error.describe()).toMatch(
      /^\.github\/rsp-policy\.yml:10:5: policy: `thresholds\[1\]` \(id cbrn-3\) is set by the organization policy acme\/\.github:\.github\/rsp-policy\.yml@abc1234 and cannot be changed here \(at thresholds\[1\]\) — .*under new ids/,
    );
  });

  test('an organization threshold copied unchanged is refused too: the repository does not restate what it cannot change', () => {
    const copied = onOrg(
      [
        'thresholds:',
        '  - id: cbrn-3',
        '    requires: { deployment: ASL-3, security: ASL-3 }',
        '    rule_in:',
        '      - { benchmark: wmdp-bio, gte: 0.7 }',
        '',
      ].join('\n'),
    );
    expect(errorOf(copied)).toMatchObject({
      code: 'policy-org-frozen',
      location: { line: 4, key: 'thresholds[0]' },
    });
  });

  const set = `is set by the organization policy ${ORG_SOURCE} and cannot be changed here`;
  const fixed = `is fixed by the organization policy ${ORG_SOURCE}, which leaves it at its default, and cannot be changed here`;
  test.each([
    ['name', 'name: Models\n', 3, 'name', `\`name\` ${set}`],
    ['mode (left at its default)', 'mode: advisory\n', 3, 'mode', `\`mode\` ${fixed}`],
    ['levels', 'levels: [ASL-1, ASL-2]\n', 3, 'levels', `\`levels\` ${set}`],
    ['baseline', 'baseline: ASL-1\n', 3, 'baseline', `\`baseline\` ${set}`],
    [
      'undefined_levels',
      'undefined_levels: []\n',
      3,
      'undefined_levels',
      `\`undefined_levels\` ${set}`,
    ],
    ['policy_owners', 'policy_owners: [ceo]\n', 3, 'policy_owners', `\`policy_owners\` ${set}`],
    [
      'approvals.capability_decision',
      'approvals: { capability_decision: [rso] }\n',
      3,
      'approvals.capability_decision',
      `\`approvals.capability_decision\` ${set}`,
    ],
    [
      'approvals.override (left at its default: none)',
      'approvals:\n  override: [ceo]\n',
      4,
      'approvals.override',
      `\`approvals.override\` ${fixed}`,
    ],
    [
      'discovery.cards',
      'discovery:\n  cards: ["models/public/*/MODEL_CARD.md"]\n',
      4,
      'discovery.cards',
      `\`discovery.cards\` ${fixed}`,
    ],
    [
      'evidence.rule_out_from',
      'evidence: { rule_out_from: [inspect] }\n',
      3,
      'evidence.rule_out_from',
      `\`evidence.rule_out_from\` ${fixed}`,
    ],
    [
      'declared_levels',
      'declared_levels: { signers: [ceo] }\n',
      3,
      'declared_levels',
      `\`declared_levels\` ${fixed}`,
    ],
    [
      'a role it defines',
      'roles:\n  red-team: { users: [dana] }\n  rso: { users: [mallory] }\n',
      5,
      'roles.rso',
      `\`roles.rso\` ${set}`,
    ],
    [
      'a benchmark it defines',
      'benchmarks:\n  wmdp-bio: { metric: accuracy, scale: percent }\n',
      4,
      'benchmarks.wmdp-bio',
      `\`benchmarks.wmdp-bio\` ${set}`,
    ],
    [
      'a trigger it defines',
      'triggers:\n  - id: more-capable\n    any: [ { effective_compute_ratio: { gte: 100 } } ]\n    requires_attestation: capability-report\n',
      4,
      'triggers[0]',
      `\`triggers[0]\` (id more-capable) ${set}`,
    ],
    [
      'a safeguard it defines',
      'safeguards:\n  - { id: asl3-weights, level: ASL-3, kind: security, title: Relaxed, signers: [rso] }\n',
      4,
      'safeguards[0]',
      `\`safeguards[0]\` (id asl3-weights) ${set}`,
    ],
    [
      'a sign-off rule for its level and kind',
      'signoffs:\n  - { level: ASL-3, kind: deployment, roles: [rso] }\n  - { level: ASL-3, roles: [rso] }\n',
      5,
      'signoffs[1]',
      `\`signoffs[1]\` (level ASL-3, every kind) ${set}`,
    ],
  ])('%s is frozen: refused at the repository file’s line', (_, body, line, key, message) => {
    const error = errorOf(onOrg(body));
    expect(error.code).toBe('policy-org-frozen');
    expect(error.location).toMatchObject({ file: FILE, line, key });
    expect(error.message).toBe(`policy: ${message}`);
  });

  test('the first frozen key in file order is the one refused', () => {
    const error = errorOf(onOrg('roles:\n  ops: { users: [erin] }\nmode: advisory\nname: X\n'));
    expect(error.location).toMatchObject({ line: 5, key: 'mode' });
  });

  test('`organization:` belongs to the organization policy: a policy built on it, or loaded beside it, cannot set it', () => {
    expect(errorOf(onOrg('organization: { required: false }\n'))).toMatchObject({
      code: 'policy-org-only',
      location: { file: FILE, line: 3, key: 'organization' },
    });
    const beside = `${ORG_TEXT}organization: { required: false }\n`;
    expect(errorOf(beside, { organization: org(ORG_TEXT) })).toMatchObject({
      code: 'policy-org-only',
      location: { file: FILE, line: 29, key: 'organization' },
    });
    // With no organization policy around (the organization's own file, checked in its own
    // repository) the key loads and changes nothing.
    expect(loadPolicy(REQUIRED, FILE).organization).toBeNull();
  });

  test('`extends: organization@1` is refused: the organization policy has no version to pin', () => {
    const error = errorOf('version: 1\nextends: organization@1\n');
    expect(error).toMatchObject({
      code: 'policy-preset-pin',
      location: { file: FILE, line: 2, key: 'extends' },
    });
    expect(error.message).toContain('has no version to pin');
  });
});

describe('an organization policy that requires itself', () => {
  test('refuses a repository policy that extends a preset instead, at its `extends` line', () => {
    const error = errorOf(
      'version: 1\nextends: anthropic-rsp-v2.2@2\nroles:\n  rso: { users: [x] }\n',
    );
    expect(error.code).toBe('policy-org-required');
    expect(error.location).toEqual({ file: FILE, line: 2, column: 10, key: 'extends' });
    expect(error.message).toBe(
      `policy: the organization policy ${ORG_SOURCE} requires every repository policy to build on it (\`organization: { required: true }\`), and this one does not`,
    );
    expect(error.hint).toContain('write `extends: organization`');
  });

  test('refuses a repository policy with no `extends` at line 1', () => {
    expect(errorOf(ORG_TEXT)).toMatchObject({
      code: 'policy-org-required',
      location: { file: FILE, line: 1, column: 1, key: 'extends' },
    });
  });

  test('one that does not require itself lets a repository policy of its own judge alone', () => {
    const policy = loadPolicy('version: 1\nextends: anthropic-rsp-v2.2@2\n', FILE, {
      organization: org(ORG_TEXT),
    });
    expect(policy.preset?.name).toBe('anthropic-rsp-v2.2');
    expect(policy.organization).toBeNull();
    expect(policy.thresholds.some((t) => t.id === 'cbrn-3')).toBe(false);
  });
});

describe('with no organization policy given', () => {
  test('`extends: organization` is refused at its line, saying where an organization policy is read', () => {
    const error = errorOf(onOrg(''), {});
    expect(error.code).toBe('policy-org-missing');
    expect(error.location).toEqual({ file: FILE, line: 2, column: 10, key: 'extends' });
    expect(error.hint).toContain('GitHub App');
    expect(errorOf(onOrg(''), { organization: null }).code).toBe('policy-org-missing');
  });

  test('no built-in preset is named `organization`: the name always means the organization policy', () => {
    expect(presetNames()).not.toContain('organization');
  });
});

describe('an organization policy that extends a preset', () => {
  const orgOnPreset = (pin: string, extra = '') =>
    org(
      [
        'version: 1',
        `extends: ${pin}`,
        'roles:',
        '  rso: { users: [alice] }',
        '  ceo: { users: [carol] }',
        '  security-lead: { users: [bob] }',
        '  safeguards-lead: { users: [sam] }',
        'organization: { required: true }',
        extra,
      ].join('\n'),
    );

  test('is the layer under the organization policy: the preset’s items are frozen too', () => {
    const organization = orgOnPreset('anthropic-rsp-v2.2@2');
    const policy = loadPolicy(
      onOrg(
        'thresholds:\n  - id: lab-cyber\n    requires: { security: ASL-3 }\n    rule_in:\n      - { benchmark: cybench, gte: 0.9 }\n',
      ),
      FILE,
      { organization },
    );
    expect(policy.extends).toBe('anthropic-rsp-v2.2');
    // The repository's policy has no line that names the preset.
    expect(policy.preset).toMatchObject({ name: 'anthropic-rsp-v2.2', pinned: 2, where: null });
    expect(policy.thresholds.map((t) => t.id)).toEqual([
      'CBRN-3',
      'CBRN-4',
      'AI-RND-4',
      'AI-RND-5',
      'lab-cyber',
    ]);
    expect(policy.roles.get('rso')?.users).toEqual(['alice']);

    const error = errorOf(
      onOrg(
        'thresholds:\n  - id: AI-RND-4\n    requires: { security: ASL-2 }\n    rule_in:\n      - { benchmark: cybench, gte: 0.99 }\n',
      ),
      { organization },
    );
    expect(error).toMatchObject({
      code: 'policy-org-frozen',
      location: { file: FILE, line: 4, key: 'thresholds[0]' },
    });
    expect(error.message).toContain(
      `(id AI-RND-4) is set by the organization policy ${ORG_SOURCE}`,
    );
    // `approvals.override: none` is the preset's: set by the organization policy's layers.
    expect(errorOf(onOrg('approvals: { override: [ceo] }\n'), { organization }).message).toBe(
      `policy: \`approvals.override\` is set by the organization policy ${ORG_SOURCE} and cannot be changed here`,
    );
  });

  test('is held to its pin: one that pins another version than this rsp-gate ships is refused in the organization file', () => {
    const error = errorOf(onOrg(''), { organization: orgOnPreset('anthropic-rsp-v2.2@1') });
    expect(error).toMatchObject({
      code: 'policy-preset-version',
      location: { file: ORG_FILE, line: 2, key: 'extends' },
    });
    // Even for the base of a change that updates a pin: only the repository's own pin may be stale.
    const stale = errorOf(onOrg(''), {
      organization: orgOnPreset('anthropic-rsp-v2.2@1'),
      acceptStalePin: true,
    });
    expect(stale.code).toBe('policy-preset-version');
  });

  test('cannot extend `organization` itself', () => {
    const error = errorOf(onOrg(''), {
      organization: org('version: 1\nextends: organization\n'),
    });
    expect(error).toMatchObject({
      code: 'policy-unknown-preset',
      location: { file: ORG_FILE, line: 2, key: 'extends' },
    });
  });
});

describe('the organization policy on its own', () => {
  test('judges as `<owner>/.github:<path>@<commit7>`; its own errors name its file', () => {
    const policy = loadOrganizationPolicy(org());
    expect(policy).toMatchObject({
      file: ORG_FILE,
      source: ORG_SOURCE,
      extends: null,
      organization: { repository: 'acme/.github', commit: COMMIT, required: true },
    });
    expect(policy.thresholds[0]!.where).toEqual({ file: ORG_FILE, line: 15 });

    let error: unknown;
    try {
      loadOrganizationPolicy(org(`${ORG_TEXT}thresholdz: []\n`));
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'schema', location: { file: ORG_FILE, line: 29 } });
  });

  test('a broken organization policy refuses every repository policy beside it, which fails closed', () => {
    const broken = org(REQUIRED.replace('policy_owners: [rso]', 'policy_owners: [nobody]'));
    expect(
      errorOf('version: 1\nextends: anthropic-rsp-v2.2@2\n', { organization: broken }),
    ).toMatchObject({
      code: 'policy-reference',
      location: { file: ORG_FILE },
    });
  });
});
