/**
 * scripts/presets-audit.ts (`npm run presets:audit`): every number a shipped preset labels
 * `provenance: published` cites a document and a section of it; an offender is named by preset
 * and line.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import {
  auditPreset,
  auditPresets,
  formatOffender,
  sourceProblem,
} from '../../scripts/presets-audit.js';

const ROOT = join(import.meta.dirname, '../..');
const PRESETS = join(ROOT, 'src/presets');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const DOCTORED = `preset_version: 1
version: 1
levels: [L1, L2]
baseline: L1
thresholds:
  - id: T-1
    requires: { deployment: L2 }
    rule_in:
      - { benchmark: uplift, gte: 5, provenance: published, source: Acme system card §7.2 }
    rule_out:
      - benchmark: uplift
        lte: 2.8
        provenance: published
        too_close_within: { absolute: 0.3, provenance: published, source: Acme system card }
      - any:
          - { benchmark: virology, lt: 0.5, provenance: published, source: "§7.2" }
          - all:
              - { benchmark: suite, lt: 0.6, provenance: illustrative }
              - { benchmark: suite, lt: 0.7, provenance: published, source: Table 3 and §2 }
    alert_if:
      - { benchmark: uplift, gte: 4, provenance: published, source: "Acme card, App. B" }
`;

describe('presets:audit', () => {
  test('the shipped presets cite a document and a section for every published number', () => {
    const { presets, audit } = auditPresets(PRESETS);
    expect(presets).toBeGreaterThanOrEqual(3);
    expect(audit.published).toBeGreaterThan(0);
    expect(audit.offenders.map(formatOffender)).toEqual([]);
  });

  test('a doctored preset: each published number without a document and a section, by line', () => {
    const audit = auditPreset('doctored', DOCTORED);
    expect(audit.published).toBe(6);
    expect(audit.offenders.map(formatOffender)).toEqual([
      'doctored:13: T-1 rule_out uplift lte 2.8: source missing',
      'doctored:14: T-1 rule_out uplift lte 2.8 too_close_within band: source "Acme system card" does not name a section',
      'doctored:16: T-1 rule_out virology lt 0.5: source "§7.2" does not name a document',
      'doctored:19: T-1 rule_out suite lt 0.7: source "Table 3 and §2" does not name a document',
    ]);
  });

  test.each([
    ['Claude Opus 4 system card §7.2, uplift trial', null],
    ['OpenAI Preparedness Framework v2 Table 1', null],
    ['PF v2 App. C.3', null],
    ['FSF v3 Section 2.2', null],
    ['deep research system card, Appendix A', null],
    ['o3 system card Fig. 12', null],
    ['Claude Opus 4 system card', 'does not name a section'],
    ['section 4', 'does not name a document'],
    ['see §3', 'does not name a document'],
    ['', 'source missing'],
    [undefined, 'source missing'],
  ])('source %j', (source, problem) => {
    const why = sourceProblem(source);
    if (problem === null) expect(why).toBeNull();
    else expect(why).toContain(problem);
  });

  test('the script prints each offender and a summary, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'presets-audit-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'doctored.yml'), DOCTORED);
    writeFileSync(
      join(dir, 'anthropic-rsp-v2.2.yml'),
      readFileSync(join(PRESETS, 'anthropic-rsp-v2.2.yml')),
    );
    const run = promisify(execFile);
    const failed = await run('npx', ['tsx', 'scripts/presets-audit.ts', dir], { cwd: ROOT }).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    const lines = failed!.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('doctored:13: T-1 rule_out uplift lte 2.8: source missing');
    expect(lines[4]).toMatch(
      /^presets:audit: 2 presets, \d+ published numbers, 4 without a source naming a document and a section$/,
    );
  });
});
