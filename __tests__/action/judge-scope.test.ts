/**
 * A pull request that changes only model cards is judged on those cards: the gate reads them,
 * their evidence, the policy and the attestations, never the whole tree, and still catches a
 * card edit that lowers what its model must meet. Anything wider falls back to every card.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { judgeOnGitHub } from '../../src/gate/judge-on-github.js';
import { validateValue } from '../../src/formats/validate.js';
import { SCOPE_REASONS } from '../../src/gate/change-scope.js';
import { createMemoryPort } from '../../src/github/memory-port.js';
import { createLocalTree } from '../../src/repository/local-tree.js';

const BASE_DIR = join(import.meta.dirname, '../../examples/acme-models-base');

async function baseFiles(): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await createLocalTree(BASE_DIR).list(''))
    files.set(entry.path, readFileSync(join(BASE_DIR, entry.path)));
  return files;
}

const ATLAS = 'models/atlas-2/MODEL_CARD.md';
const F6 = 'models/frontier-6/MODEL_CARD.md';
const F7 = 'models/frontier-7/MODEL_CARD.md';

/** Judge a pull request whose head is the example's base with `edit` applied. */
async function judgeEdit(
  edit: (files: Map<string, Uint8Array>) => void,
  cardGlobs: string[] | null = null,
) {
  const port = createMemoryPort();
  const base = await baseFiles();
  const head = new Map(base);
  edit(head);
  port.state.commits.set('base0', base);
  port.state.commits.set('head1', head);
  port.state.pulls.set(7, {
    number: 7,
    state: 'open',
    draft: false,
    merged: false,
    author: 'dave-ml',
    headSha: 'head1',
    headRef: 'edit',
    headRepo: 'acme/models',
    baseSha: 'base0',
    baseRef: 'main',
    defaultBranch: 'main',
    htmlUrl: 'https://github.test/acme/models/pull/7',
  });
  const result = await judgeOnGitHub({
    port,
    target: { kind: 'pull_request', number: 7, reason: 'test' },
    policyPath: '.github/rsp-policy.yml',
    checkName: 'rsp-gate',
    mode: null,
    cardGlobs,
    fallbackPreset: null,
    now: new Date('2026-11-27T12:00:00Z'),
    repositoryUrl: 'https://github.test/acme/models',
    runUrl: null,
    log: () => undefined,
  });
  // Every record, whatever it read, is a valid decision record (with its `scope`).
  expect(validateValue(result.record, 'decision')).toEqual([]);
  return { result, port, calls: port.state.calls };
}

const replaceIn =
  (path: string, from: string | RegExp, to: string) => (files: Map<string, Uint8Array>) => {
    const text = Buffer.from(files.get(path)!).toString('utf8');
    const next = text.replace(from, to);
    if (next === text) throw new Error(`${from} not in ${path}`);
    files.set(path, Buffer.from(next));
  };

describe('a pull request that changes one model card', () => {
  test('is judged on that card alone, without listing or reading the other models', async () => {
    const { result, port, calls } = await judgeEdit(
      replaceIn(ATLAS, 'A small instruction-tuned model', 'A compact instruction-tuned model'),
    );
    expect(result.record.scope).toEqual({ kind: 'cards', cards: [ATLAS] });
    expect(result.record.models.map((m) => m.id)).toEqual(['acme/atlas-2']);
    expect(result.conclusion).toBe('success');
    // The other models' attestations were read but are not reported as naming no card.
    expect(result.record.reasons.map((r) => r.code)).not.toContain('attestation-unknown-model');
    // Never the whole tree, never another model's card or evidence (attestations are all read:
    // any of them may name this model).
    expect(calls.filter((c) => c.startsWith('tree '))).toEqual([]);
    expect(calls.filter((c) => /models\/frontier/.test(c))).toEqual([]);
    // The policy and the card at both ends by path; the evidence and attestation directories once,
    // at the head (the base has the same); then every small file in one call.
    expect(calls.filter((c) => c.startsWith('read '))).toEqual([
      'read .github/rsp-policy.yml at head1',
      `read ${ATLAS} at head1`,
      `read ${ATLAS} at base0`,
    ]);
    expect(calls.filter((c) => c.startsWith('directories '))).toEqual([
      'directories head1:models/atlas-2/evals,head1:models/atlas-2/evals/inspect,head1:models/atlas-2/evals/lm-eval,head1:safeguards',
    ]);
    expect(calls.filter((c) => c.startsWith('text blobs '))).toHaveLength(1);
    expect(port.state.comments[0]!.body).toContain(
      'Only the model card this pull request changes was judged (`models/atlas-2/MODEL_CARD.md`); every other model stands as the base branch has it.',
    );
  });

  test('still needs the policy owners when the edit lowers what the model must meet', async () => {
    const { result } = await judgeEdit(
      replaceIn(F7, 'assessed_at: 2026-10-01', 'assessed_at: 2026-11-20'),
    );
    expect(result.record.scope).toEqual({ kind: 'cards', cards: [F7] });
    expect(result.record.decision).toBe('block');
    expect(result.record.reasons.map((r) => r.code)).toContain('card-facts-changed');
    // Its \`previous\` card is read for the trigger, though that card did not change.
    expect(result.record.reasons.map((r) => r.code)).not.toContain('previous-not-found');
  });

  test('a card that changes who it is also brings in the cards whose `previous` it is', async () => {
    const { result, calls } = await judgeEdit(
      replaceIn(F6, /effective_compute: [0-9.e+]+/, 'effective_compute: 2.0e25'),
    );
    // Every card is indexed (the tree is listed at both ends), but only two models are judged.
    expect(result.record.scope).toEqual({ kind: 'cards', cards: [F6, F7] });
    expect(result.record.models.map((m) => m.id).sort()).toEqual([
      'acme/frontier-6',
      'acme/frontier-7',
    ]);
    expect(calls.filter((c) => c.startsWith('tree '))).toHaveLength(2);
    expect(calls.filter((c) => /models\/atlas-2\/evals/.test(c))).toEqual([]);
  });
});

describe('a pull request that changes other files', () => {
  test('new evidence is judged with the card that claims it, and no other', async () => {
    const { result, calls } = await judgeEdit((files) => {
      files.set(
        'models/atlas-2/evals/extra.evidence.yml',
        Buffer.from('model: acme/atlas-2\nresults: []\n'),
      );
    });
    expect(result.record.scope).toEqual({ kind: 'cards', cards: [ATLAS] });
    expect(result.record.models.map((m) => m.id)).toEqual(['acme/atlas-2']);
    expect(calls.filter((c) => /models\/frontier-.\/evals/.test(c))).toEqual([]);
  });

  test('an attestation is judged with the model it names', async () => {
    const { result } = await judgeEdit((files) => {
      files.set(
        'safeguards/frontier-6-extra.yml',
        Buffer.from(
          'model: acme/frontier-6\nattestations:\n  - { safeguard: asl2-deploy-usage-policy-model-card, approved_by: [sam-safeguards], date: 2026-11-20 }\n',
        ),
      );
    });
    expect(result.record.scope).toEqual({ kind: 'cards', cards: [F6] });
  });

  test('an attestation for every model, or a policy edit, is judged on every model', async () => {
    const everyone = await judgeEdit((files) => {
      files.set(
        'safeguards/everyone.yml',
        Buffer.from(
          'model: "*"\nattestations:\n  - { safeguard: asl2-deploy-usage-policy-model-card, approved_by: [sam-safeguards], date: 2026-11-20 }\n',
        ),
      );
    });
    expect(everyone.result.record.scope).toEqual({
      kind: 'repository',
      reason: SCOPE_REASONS.everyModel,
    });
    expect(everyone.result.record.models).toHaveLength(3);
    const policy = await judgeEdit(
      replaceIn('.github/rsp-policy.yml', 'mode: enforce', 'mode: advisory'),
    );
    expect(policy.result.record.scope).toEqual({
      kind: 'repository',
      reason: SCOPE_REASONS.policy,
    });
    expect(policy.result.record.models).toHaveLength(3);
  });

  test('a change outside every card touches no model', async () => {
    const { result } = await judgeEdit((files) =>
      files.set('docs/NOTES.md', Buffer.from('notes\n')),
    );
    expect(result.record.scope).toEqual({ kind: 'cards', cards: [] });
    expect(result.record.models).toEqual([]);
    expect(result.record.decision).toBe('pass');
  });

  test('with card globs that also match evidence, weakened evidence is still judged', async () => {
    const evidence = 'models/frontier-7/evals/capability-assessment.evidence.yml';
    const { result } = await judgeEdit(replaceIn(evidence, /value: 0\.[0-9]+/, 'value: 0.01'), [
      'models/**',
    ]);
    expect(result.record.models.map((m) => m.id)).toContain('acme/frontier-7');
    expect(result.record.decision).toBe('block');
  });

  test('a new card that takes an existing model’s id is judged with that model, and blocks', async () => {
    const { result } = await judgeEdit((files) => {
      files.set(
        'models/dup/MODEL_CARD.md',
        Buffer.from('---\nrsp:\n  model: ACME/frontier-7\n---\n# a second frontier-7\n'),
      );
    });
    expect(result.record.scope).toMatchObject({ kind: 'cards' });
    expect(result.record.reasons.map((r) => r.code)).toContain('duplicate-model');
    expect(result.record.decision).toBe('block');
  });
});
