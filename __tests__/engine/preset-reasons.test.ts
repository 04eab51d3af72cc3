/**
 * What a judgment records about the preset its policy extends: the preset's name, version and
 * digest in `policy.preset`, a note at the `extends` line when the version is not pinned, and
 * which version judged a base policy whose out-of-date pin the change updates.
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import { validateValue } from '../../src/formats/validate.js';
import { loadPolicy, loadPreset } from '../../src/policy/load-policy.js';
import type { Policy } from '../../src/policy/types.js';
import { NOW, context, state, testPolicy } from '../helpers/build.js';

const FILE = '.github/rsp-policy.yml';
const extending = (value: string, options = {}) =>
  loadPolicy(`version: 1\n\nextends: ${value}\nmode: enforce\n`, FILE, options);

function judge(policy: Policy, base = false) {
  return evaluate({
    policy,
    head: state([]),
    base: base ? state([]) : null,
    context: context(),
    policyChange: null,
    now: NOW,
  });
}

const presetCodes = (policy: Policy, base = false) =>
  judge(policy, base).reasons.filter((r) => r.code.startsWith('preset-'));

describe('the record names the preset that judged', () => {
  test('a policy that extends a preset: its name, shipped version and digest', () => {
    const record = judge(extending('anthropic-rsp-v2.2@2'));
    const shipped = loadPreset('anthropic-rsp-v2.2').preset!;
    expect(record.policy.preset).toEqual({
      name: 'anthropic-rsp-v2.2',
      version: 2,
      sha256: shipped.sha256,
    });
    expect(record.policy.extends).toBe('anthropic-rsp-v2.2');
    expect(validateValue(record, 'decision')).toEqual([]);
  });

  test('a preset judged on its own (no policy file) is named too', () => {
    const record = judge(loadPreset('gdm-fsf-v3'));
    expect(record.policy.preset).toMatchObject({ name: 'gdm-fsf-v3', version: 2 });
    expect(validateValue(record, 'decision')).toEqual([]);
  });

  test('a policy that extends no preset records none', () => {
    const record = judge(testPolicy());
    expect(record.policy.preset).toBeNull();
    expect(validateValue(record, 'decision')).toEqual([]);
  });
});

describe('an unpinned preset is noted once, at the extends line', () => {
  test('unpinned: one info reason suggesting the pin, at the extends line', () => {
    const reasons = presetCodes(extending('openai-preparedness-v2'), true);
    expect(reasons).toEqual([
      {
        code: 'preset-unpinned',
        severity: 'info',
        message:
          'the policy extends openai-preparedness-v2 without pinning its version: write `extends: openai-preparedness-v2@2` so that a new version of the preset changes no verdict until the policy owners approve the new pin',
        file: FILE,
        line: 3,
      },
    ]);
  });

  test('the note does not block: an unpinned policy with nothing to judge passes', () => {
    expect(judge(extending('openai-preparedness-v2')).decision).toBe('pass');
  });

  test('pinned to the shipped version: no note', () => {
    expect(presetCodes(extending('openai-preparedness-v2@2'))).toEqual([]);
  });

  test('no note for a preset judged on its own or a policy without a preset', () => {
    expect(presetCodes(loadPreset('anthropic-rsp-v2.2'))).toEqual([]);
    expect(presetCodes(testPolicy())).toEqual([]);
  });

  test('a base policy loaded past its out-of-date pin says which version judged it', () => {
    const policy = extending('anthropic-rsp-v2.2@1', { acceptStalePin: true });
    expect(presetCodes(policy, true)).toEqual([
      {
        code: 'preset-pin-outdated',
        severity: 'info',
        message:
          'the base policy pins anthropic-rsp-v2.2@1, but this rsp-gate ships version 2: it is judged with version 2, as this change updates the pin',
        file: FILE,
        line: 3,
      },
    ]);
  });
});
