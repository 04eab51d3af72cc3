/**
 * A preset's version names its bytes. Pins (`extends: anthropic-rsp-v2.2@2`) are only worth
 * something if a shipped preset never changes under the same `preset_version`: this test fails
 * when a preset file's digest is not the one locked for its version, so a change to a preset
 * must raise its version (and with it every pinned policy's owners must approve the new pin).
 * The lock, preset-versions.lock.json, lists every version ever shipped.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sha256 } from '../../src/policy/preset-version.js';
import { presetNames, presetText } from '../../src/policy/presets.js';

interface Locked {
  preset: string;
  version: number;
  sha256: string;
  note: string;
}

const lock = JSON.parse(
  readFileSync(new URL('./preset-versions.lock.json', import.meta.url), 'utf8'),
) as Locked[];

function shippedVersion(text: string): number {
  const match = /^preset_version: (\d+)\b/m.exec(text);
  if (!match) throw new Error('no preset_version line');
  return Number(match[1]);
}

describe('every shipped preset is the one locked for its version', () => {
  test.each(presetNames())('%s', (name) => {
    const text = presetText(name)!;
    const version = shippedVersion(text);
    const locked = lock.find((l) => l.preset === name && l.version === version);
    expect(
      locked,
      `${name} version ${version} is not in __tests__/presets/preset-versions.lock.json: add it`,
    ).toBeDefined();
    expect(
      sha256(text),
      `src/presets/${name}.yml changed but its preset_version is still ${version}: raise preset_version and lock the new version`,
    ).toBe(locked!.sha256);
  });

  test('each preset version is locked once, and every preset file is registered', () => {
    const keys = lock.map((l) => `${l.preset}@${l.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    const files = readdirSync(new URL('../../src/presets/', import.meta.url))
      .filter((f) => f.endsWith('.yml'))
      .map((f) => f.replace(/\.yml$/, ''))
      .sort();
    expect(presetNames().sort()).toEqual(files);
  });
});
