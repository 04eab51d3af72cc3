/**
 * `rsp-gate presets` lists each built-in preset with its version, the first 12 hex of its
 * file's sha256, the document it encodes and what it does not enforce; `rsp-gate init` pins the
 * preset version in the policy it writes. Expectations are read from the preset files themselves.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { main, presetListing, type Io } from '../../src/cli/main.js';
import type { DecisionRecord } from '../../src/core/decision.js';
import { loadPolicy, loadPreset } from '../../src/policy/load-policy.js';
import { presetNames } from '../../src/policy/presets.js';

const ROOT = join(import.meta.dirname, '../..');
const PRESETS = join(ROOT, 'src/presets');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    cwd: ROOT,
    now: () => new Date('2026-11-27T12:00:00Z'),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

interface PresetFile {
  preset_version: number;
  source: { document: string };
  not_enforced?: { element: string; why: string; source: string }[];
}

/** A preset's listing: the block from its name line to the next blank line. */
function listingOf(out: string, name: string): string[] {
  const block = out
    .split('\n\n')
    .find((b) => b.startsWith(`${name}\n`) || b.startsWith(`${name} `));
  expect(block, `no listing for ${name}`).toBeDefined();
  return block!.trimEnd().split('\n');
}

describe('rsp-gate presets', () => {
  test('lists every preset: version, digest, document and what it does not enforce', async () => {
    const { code, out } = await run('presets');
    expect(code).toBe(0);
    expect(out.match(/^\S+/gm)).toEqual(presetNames());
    for (const name of presetNames()) {
      const bytes = readFileSync(join(PRESETS, `${name}.yml`));
      const file = load(bytes.toString('utf8')) as PresetFile;
      const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
      const lines = listingOf(out, name);
      expect(lines).toContain(
        `  version ${file.preset_version}, sha256 ${digest}; pin it with \`extends: ${name}@${file.preset_version}\``,
      );
      expect(lines).toContain(`  document: ${file.source.document}`);
      const listed = file.not_enforced ?? [];
      if (listed.length === 0) expect(lines.at(-1)).toBe('  not enforced: none listed');
      else
        expect(lines.slice(-listed.length - 1)).toEqual([
          `  not enforced (${listed.length}):`,
          ...listed.map((n) => `    - ${n.element}: ${n.why} (${n.source})`),
        ]);
    }
  });

  test('the default preset is marked', async () => {
    const { out } = await run('presets');
    expect(out.split('\n')[0]).toBe('anthropic-rsp-v2.2 (default)');
  });

  test('a preset’s not-enforced elements are listed one a line with why and where', () => {
    const policy = loadPreset('gdm-fsf-v3');
    const listing = presetListing({
      ...policy,
      preset: {
        ...policy.preset!,
        notEnforced: [
          { element: 'Board oversight', why: 'no repository artifact decides it', source: '§5' },
          { element: 'Disclosure to governments', why: 'outside the repository', source: '§6.1' },
        ],
      },
    }).split('\n');
    expect(listing.slice(-3)).toEqual([
      '  not enforced (2):',
      '    - Board oversight: no repository artifact decides it (§5)',
      '    - Disclosure to governments: outside the repository (§6.1)',
    ]);
  });
});

describe('rsp-gate init pins the preset version', () => {
  test.each(['anthropic-rsp-v2.2', 'gdm-fsf-v3'])('%s', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'rsp-gate-init-pin-'));
    dirs.push(dir);
    expect((await run('init', '--root', dir, '--preset', name)).code).toBe(0);
    const text = readFileSync(join(dir, '.github/rsp-policy.yml'), 'utf8');
    const version = (load(readFileSync(join(PRESETS, `${name}.yml`), 'utf8')) as PresetFile)
      .preset_version;
    expect(text).toContain(`\nextends: ${name}@${version}\n`);
    const policy = loadPolicy(text, '.github/rsp-policy.yml');
    expect(policy.preset).toMatchObject({ name, version, pinned: version });
    const check = await run('check', '--root', dir, '--format', 'json');
    expect(check.code).toBe(0);
    const record = JSON.parse(check.out) as DecisionRecord;
    expect(record.policy.preset).toMatchObject({ name, version });
    expect(record.reasons.map((r) => r.code)).not.toContain('preset-unpinned');
  });
});
