/**
 * Governance items (Board and LTBT, government notice, reports to SAG) sit under `security` in the
 * built-in presets, which reaches them from every threshold only if each threshold that raises
 * deployment also raises security at least as high. Checked for every built-in preset.
 */
import { describe, expect, test } from 'vitest';
import { loadPreset } from '../../src/policy/load-policy.js';
import { presetNames } from '../../src/policy/presets.js';
import { levelRank } from '../../src/policy/types.js';

describe.each(presetNames())('preset %s', (name) => {
  const policy = loadPreset(name);

  test('every threshold that raises deployment raises security at least as high', () => {
    const raising = policy.thresholds.filter((t) => t.requires.deployment !== undefined);
    for (const t of raising) {
      const deployment = levelRank(policy, t.requires.deployment!);
      const security =
        t.requires.security === undefined ? -1 : levelRank(policy, t.requires.security);
      expect(
        security,
        `${t.id}: security ${t.requires.security} vs deployment ${t.requires.deployment}`,
      ).toBeGreaterThanOrEqual(deployment);
    }
  });
});
