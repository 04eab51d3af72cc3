/**
 * Preset versions: each built-in preset states its `preset_version` and is known by the sha256 of
 * its file; a policy may pin the version (`extends: <preset>@<N>`), and a pin that is not the
 * shipped version refuses to load at the `extends` line. `preset_version` and `not_enforced`
 * belong to presets only.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { loadPolicy, loadPreset, type LoadPolicyOptions } from '../../src/policy/load-policy.js';
import { describePreset } from '../../src/policy/preset-version.js';
import { presetNames } from '../../src/policy/presets.js';
import { parseYaml } from '../../src/formats/yaml.js';

const PRESETS = join(import.meta.dirname, '../../src/presets');
const FILE = '.github/rsp-policy.yml';
/** The extends line is line 3 of every policy below. */
const policy = (extendsValue: string, rest = '') =>
  `# our policy\nversion: 1\nextends: ${extendsValue}\nmode: enforce\n${rest}`;

function errorOf(text: string, options: LoadPolicyOptions = {}): InputError {
  try {
    loadPolicy(text, FILE, options);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('policy loaded without error');
}

describe('each shipped preset has a version and a digest', () => {
  test.each(presetNames())('%s', (name) => {
    const bytes = readFileSync(join(PRESETS, `${name}.yml`));
    const { preset } = loadPreset(name);
    expect(preset).toMatchObject({
      name,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pinned: null,
      where: null,
    });
    expect(Number.isInteger(preset!.version) && preset!.version >= 1).toBe(true);
    expect(preset!.document).toMatch(/\S/);
  });

  test('a preset without preset_version is refused: it could not be pinned', () => {
    const text = 'version: 1\nlevels: [L1]\nbaseline: L1\n';
    expect(() =>
      describePreset('new-preset', text, {}, parseYaml(text, 'preset:new-preset')),
    ).toThrow(
      expect.objectContaining({
        code: 'preset-version-missing',
        message: 'preset new-preset has no `preset_version`',
        location: expect.objectContaining({ file: 'preset:new-preset', line: 1 }),
      }),
    );
  });

  test('the three presets that issue 11 changes are at version 2', () => {
    expect(
      ['anthropic-rsp-v2.2', 'openai-preparedness-v2', 'gdm-fsf-v3'].map(
        (name) => loadPreset(name).preset!.version,
      ),
    ).toEqual([2, 2, 2]);
  });
});

describe('a policy pins the preset version it was written for', () => {
  test('an unpinned extends loads, with the shipped version and where the extends line is', () => {
    const loaded = loadPolicy(policy('gdm-fsf-v3'), FILE);
    expect(loaded.extends).toBe('gdm-fsf-v3');
    expect(loaded.preset).toMatchObject({
      name: 'gdm-fsf-v3',
      version: 2,
      pinned: null,
      where: { file: FILE, line: 3 },
    });
  });

  test('a pin on the shipped version loads, and the preset is the same text as unpinned', () => {
    const pinned = loadPolicy(policy('anthropic-rsp-v2.2@2'), FILE);
    expect(pinned.extends).toBe('anthropic-rsp-v2.2');
    expect(pinned.preset).toMatchObject({ name: 'anthropic-rsp-v2.2', version: 2, pinned: 2 });
    expect(pinned.preset!.sha256).toBe(loadPreset('anthropic-rsp-v2.2').preset!.sha256);
    expect(pinned.thresholds.map((t) => t.id)).toEqual(
      loadPreset('anthropic-rsp-v2.2').thresholds.map((t) => t.id),
    );
  });

  test('an older pin refuses to load at the extends line, naming the shipped version and who approves', () => {
    const error = errorOf(policy('anthropic-rsp-v2.2@1'));
    expect(error.code).toBe('policy-preset-version');
    expect(error.location).toMatchObject({ file: FILE, line: 3, key: 'extends' });
    const digest = loadPreset('anthropic-rsp-v2.2').preset!.sha256.slice(0, 12);
    expect(error.describe()).toBe(
      `${FILE}:3:10: policy: \`extends: anthropic-rsp-v2.2@1\` pins version 1 of the preset, but this rsp-gate ships anthropic-rsp-v2.2 version 2 (sha256 ${digest}) (at extends) — read what version 2 changes (README, "Preset versions"), then set \`extends: anthropic-rsp-v2.2@2\`; updating the pin is a policy change that the policy owners approve`,
    );
  });

  test('a newer pin than this rsp-gate ships says to use the release that ships it', () => {
    const error = errorOf(policy('openai-preparedness-v2@3'));
    expect(error.code).toBe('policy-preset-version');
    expect(error.location.line).toBe(3);
    expect(error.message).toContain('pins version 3 of the preset, but this rsp-gate ships');
    expect(error.hint).toBe(
      'this rsp-gate is older than the pinned preset: use the rsp-gate release that ships version 3, or set `extends: openai-preparedness-v2@2` as a policy change that the policy owners approve',
    );
  });

  test('the base of a change that updates the pin loads with the shipped version when asked', () => {
    const loaded = loadPolicy(policy('anthropic-rsp-v2.2@1'), FILE, { acceptStalePin: true });
    expect(loaded.preset).toMatchObject({ version: 2, pinned: 1, where: { line: 3 } });
  });

  test.each(['x', '0', '1.5', '', '-2', '02'])(
    'a pin that is not a whole number from 1 up (`@%s`) is refused at the extends line',
    (pin) => {
      const error = errorOf(policy(`anthropic-rsp-v2.2@${pin}`));
      expect(error.code).toBe('policy-preset-pin');
      expect(error.location).toMatchObject({ file: FILE, line: 3, key: 'extends' });
      expect(error.message).toBe(
        `policy: \`extends: anthropic-rsp-v2.2@${pin}\`: the version after @ must be a whole number from 1 up, not \`${pin}\``,
      );
    },
  );

  test('a pin on an unknown preset names the preset, not the pin', () => {
    const error = errorOf(policy('acme-rsp-v9@2'));
    expect(error.code).toBe('policy-unknown-preset');
    expect(error.location.line).toBe(3);
    expect(error.message).toBe('policy: unknown preset `acme-rsp-v9`');
  });
});

describe('keys that belong to presets only', () => {
  test.each([
    ['preset_version', 'preset_version: 2\n', 5, 'extends: <preset>@<version>'],
    [
      'not_enforced',
      'not_enforced:\n  - { element: Board review, why: no artifact, source: RSP §7 }\n',
      5,
      'rsp-gate presets',
    ],
  ])('a policy that sets %s is refused at its line', (key, rest, line, hint) => {
    const error = errorOf(policy('anthropic-rsp-v2.2@2', rest));
    expect(error.code).toBe('policy-preset-only');
    expect(error.location).toMatchObject({ file: FILE, line, key });
    expect(error.message).toBe(
      `policy: \`${key}\` belongs to built-in presets only; a policy cannot set it`,
    );
    expect(error.hint).toContain(hint);
  });
});
