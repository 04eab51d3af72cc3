import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { createLocalTree } from '../../src/repository/local-tree.js';
import { loadRepository } from '../../src/repository/load-repository.js';
import { TEST_POLICY } from '../helpers/build.js';

const policy = loadPolicy(
  `${TEST_POLICY}\ndiscovery: { cards: ["models/*/MODEL_CARD.md"], attestations: ["safeguards/**/*.yml"] }\n`,
  '.github/rsp-policy.yml',
);
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rsp-gate-repo-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const card = (rsp: string) => `---\nmodel_name: m\nrsp:\n${rsp}---\n# m\n`;
const evidence =
  'model: acme/m\nresults:\n  - { benchmark: bio-uplift-trial, metric: ratio, value: 1.5, date: 2026-10-01, source: trial }\n';

describe('loading a repository', () => {
  test('binds evidence to a card through its evals globs, relative to the card', async () => {
    const root = repo({
      'models/m/MODEL_CARD.md': card('  model: acme/m\n  evals: ["evals/*.evidence.yml"]\n'),
      'models/m/evals/a.evidence.yml': evidence,
      'models/other/evals/b.evidence.yml': evidence,
    });
    const state = await loadRepository(createLocalTree(root), policy);
    expect(state.models).toHaveLength(1);
    expect(state.models[0]!.evidence.map((r) => [r.file, r.line, r.value])).toEqual([
      ['models/m/evals/a.evidence.yml', 3, 1.5],
    ]);
    expect(state.problems).toEqual([]);
  });

  test.each([
    [
      'an evals glob that leaves the repository',
      '  model: acme/m\n  evals: ["../../../etc/*"]\n',
      'glob-outside',
      5,
    ],
    ['an absolute evals glob', '  model: acme/m\n  evals: ["/etc/*"]\n', 'glob-outside', 5],
    [
      'a previous card that does not exist',
      '  model: acme/m\n  previous: ../gone/MODEL_CARD.md\n',
      'previous-not-found',
      5,
    ],
  ])('blocks %s, at the line that says it', async (_name, rsp, code, line) => {
    const root = repo({ 'models/m/MODEL_CARD.md': card(rsp) });
    const state = await loadRepository(createLocalTree(root), policy);
    expect(state.models[0]!.artifactErrors).toMatchObject([
      { code, file: 'models/m/MODEL_CARD.md', line },
    ]);
  });

  test('never reads another model card as evidence, though an evals glob matches it', async () => {
    const indexCard = (name: string, value: number) =>
      `---\nmodel-index:\n  - name: acme/${name}\n    results:\n      - task: { type: text-generation }\n        dataset: { type: wmdp, name: WMDP }\n        metrics:\n          - { type: accuracy, value: ${value} }\nrsp:\n  model: acme/${name}\n  evals: ["../*/MODEL_CARD.md"]\n---\n# ${name}\n`;
    const root = repo({
      'models/a/MODEL_CARD.md': indexCard('a', 0.1),
      'models/b/MODEL_CARD.md': indexCard('b', 0.9),
    });
    const state = await loadRepository(createLocalTree(root), policy);
    // Each card's own model-index is its evidence; the other card's is not.
    expect(state.models.map((m) => [m.id, m.evidence.map((r) => r.file)])).toEqual([
      ['acme/a', ['models/a/MODEL_CARD.md']],
      ['acme/b', ['models/b/MODEL_CARD.md']],
    ]);
  });

  test('reports an evidence file no reader recognises', async () => {
    const root = repo({
      'models/m/MODEL_CARD.md': card('  model: acme/m\n  evals: ["evals/*"]\n'),
      'models/m/evals/notes.txt': 'hello',
    });
    const state = await loadRepository(createLocalTree(root), policy);
    expect(state.models[0]!.artifactErrors).toMatchObject([
      { code: 'unknown-format', file: 'models/m/evals/notes.txt' },
    ]);
  });

  test('does not follow a symlinked evidence file', async () => {
    const root = repo({
      'models/m/MODEL_CARD.md': card('  model: acme/m\n  evals: ["evals/*.evidence.yml"]\n'),
      'outside.evidence.yml': evidence,
    });
    mkdirSync(join(root, 'models/m/evals'), { recursive: true });
    symlinkSync(join(root, 'outside.evidence.yml'), join(root, 'models/m/evals/link.evidence.yml'));
    const state = await loadRepository(createLocalTree(root), policy);
    expect(state.models[0]!.artifactErrors).toMatchObject([
      { code: 'symlink', file: 'models/m/evals/link.evidence.yml' },
    ]);
    expect(state.models[0]!.evidence).toEqual([]);
  });

  test('reads a card without an rsp block by its model-index, with a warning', async () => {
    const root = repo({
      'models/m/MODEL_CARD.md':
        '---\nmodel-index:\n  - name: acme/m\n    results:\n      - task: { type: qa }\n        dataset: { type: wmdp_bio, name: WMDP }\n        metrics: [ { type: acc, value: 0.41 } ]\n---\n',
    });
    const state = await loadRepository(createLocalTree(root), policy);
    expect(state.models[0]).toMatchObject({
      id: 'acme/m',
      evidence: [{ benchmark: 'wmdp_bio', value: 0.41, status: 'reported' }],
    });
    expect(state.models[0]!.warnings.map((w) => w.code)).toContain('card-without-rsp');
  });

  test('ignores Markdown files that are not cards', async () => {
    const root = repo({ 'models/m/MODEL_CARD.md': '# just notes\n' });
    expect((await loadRepository(createLocalTree(root), policy)).models).toEqual([]);
  });

  test('reports an invalid card with its line and key', async () => {
    const root = repo({
      'models/m/MODEL_CARD.md': card('  model: acme/m\n  effective_compute: lots\n'),
    });
    const state = await loadRepository(createLocalTree(root), policy);
    expect(state.problems).toMatchObject([
      { code: 'schema', file: 'models/m/MODEL_CARD.md', line: 5 },
    ]);
    expect(state.problems[0]!.message).toMatch(/rsp\.effective_compute: must be number/);
  });

  test('reads attestations, and rejects one that names an unknown safeguard', async () => {
    const root = repo({
      'safeguards/ok.yml':
        'model: "*"\nattestations:\n  - { safeguard: asl2-sec-supply-chain, approved_by: [bob], date: 2026-10-01 }\n',
      'safeguards/typo.yml':
        'model: acme/m\nattestations:\n  - { safeguard: asl2-sec-suply-chain, approved_by: [bob], date: 2026-10-01 }\n',
    });
    const state = await loadRepository(createLocalTree(root), policy);
    expect(state.attestations).toMatchObject([
      {
        file: 'safeguards/ok.yml',
        line: 3,
        kind: 'safeguard',
        target: 'asl2-sec-supply-chain',
        model: '*',
      },
    ]);
    expect(state.problems).toMatchObject([
      { code: 'attestation-reference', file: 'safeguards/typo.yml', line: 3 },
    ]);
  });

  test('fingerprints attestations by content, not formatting', async () => {
    const a = repo({
      'safeguards/a.yml':
        'model: "*"\nattestations:\n  - { safeguard: asl2-sec-supply-chain, approved_by: [bob], date: 2026-10-01 }\n',
    });
    const b = repo({
      'safeguards/a.yml':
        '# reformatted\nmodel: "*"\nattestations:\n  - date: 2026-10-01\n    approved_by:\n      - bob\n    safeguard: asl2-sec-supply-chain\n',
    });
    const [sa, sb] = await Promise.all([
      loadRepository(createLocalTree(a), policy),
      loadRepository(createLocalTree(b), policy),
    ]);
    expect(sa.attestations[0]!.fingerprint).toBe(sb.attestations[0]!.fingerprint);
  });
});

describe('the example repository', () => {
  test('the pull request and its base differ only by the new uplift trial', async () => {
    const root = join(import.meta.dirname, '../../examples');
    const { readFileSync } = await import('node:fs');
    const list = async (dir: string) =>
      (await createLocalTree(join(root, dir)).list('')).map((e) => e.path);
    const head = await list('acme-models');
    const base = await list('acme-models-base');
    expect(head.filter((p) => !base.includes(p))).toEqual([
      'models/frontier-7/evals/uplift-trial-2026-11.evidence.yml',
    ]);
    expect(base.filter((p) => !head.includes(p))).toEqual([]);
    const changed = base.filter(
      (p) =>
        readFileSync(join(root, 'acme-models', p), 'utf8') !==
        readFileSync(join(root, 'acme-models-base', p), 'utf8'),
    );
    expect(changed).toEqual([]);
  });
});

describe('org-wide attestations', () => {
  test.each([
    [
      'a capability decision',
      '{ decision: capability, threshold: CBRN-3, verdict: below, approved_by: [alice, carol], date: 2026-10-01 }',
    ],
    ['a sign-off', '{ signoff: ASL-3, approved_by: [alice, carol], date: 2026-10-01 }'],
    ['an override', '{ override: ASL-4, reason: research, approved_by: [alice, carol] }'],
    ['a report', '{ report: capability-report, approved_by: [alice, carol], date: 2026-10-01 }'],
  ])('refuses %s for `model: "*"`: only safeguards apply to every model', async (_name, item) => {
    const root = repo({ 'safeguards/org.yml': `model: "*"\nattestations:\n  - ${item}\n` });
    const state = await loadRepository(createLocalTree(root), policy);
    expect(state.problems).toMatchObject([
      { code: 'attestation-scope', file: 'safeguards/org.yml', line: 3 },
    ]);
  });
});
