import { describe, expect, test } from 'vitest';
import type { ModelState, RepositoryState } from '../../src/core/inputs.js';
import { cardsKeepIdentity, SCOPE_REASONS, scopeOf } from '../../src/gate/change-scope.js';
import { loadPreset } from '../../src/policy/load-policy.js';

const policy = loadPreset('anthropic-rsp-v2.2');
const POLICY = '.github/rsp-policy.yml';
const CARDS = ['**/MODEL_CARD.md', 'models/*/README.md'];
const scope = (paths: string[] | null) =>
  scopeOf(paths === null ? null : new Set(paths), policy, POLICY, CARDS);

describe('which cards a change lets the gate judge alone', () => {
  test.each([
    [
      'only cards changed',
      ['models/b/MODEL_CARD.md', 'models/a/README.md'],
      { kind: 'cards', cards: ['models/a/README.md', 'models/b/MODEL_CARD.md'] },
    ],
    ['nothing changed', [], { kind: 'cards', cards: [] }],
    ['the list is unknown', null, { kind: 'repository', reason: SCOPE_REASONS.unknown }],
    [
      'the policy changed',
      [POLICY, 'models/a/MODEL_CARD.md'],
      { kind: 'repository', reason: SCOPE_REASONS.policy },
    ],
    [
      'an attestation changed',
      ['safeguards/a.yml', 'models/a/MODEL_CARD.md'],
      { kind: 'repository', reason: SCOPE_REASONS.attestations },
    ],
    [
      'an evidence file changed',
      ['models/a/MODEL_CARD.md', 'models/a/evals/run.eval'],
      { kind: 'repository', reason: SCOPE_REASONS.evidence },
    ],
    [
      'a README outside the card globs changed',
      ['docs/README.md'],
      { kind: 'repository', reason: SCOPE_REASONS.evidence },
    ],
  ] as const)('%s', (_, paths, expected) => {
    expect(scope(paths === null ? null : [...paths])).toEqual(expected);
  });
});

const model = (card: string, id: string, compute: number | null): ModelState => ({
  id,
  card,
  line: 1,
  effectiveCompute: compute,
  assessedAt: null,
  previous: null,
  evidence: [],
  artifactErrors: [],
  warnings: [],
});
const state = (...models: ModelState[]): RepositoryState => ({
  models,
  attestations: [],
  problems: [],
});

describe('a changed card keeps its identity only if nothing another card reads from it changed', () => {
  const card = 'models/a/MODEL_CARD.md';
  test.each([
    ['same id and compute', state(model(card, 'acme/a', 1e24)), true],
    ['renamed model', state(model(card, 'acme/a2', 1e24)), false],
    ['new effective compute', state(model(card, 'acme/a', 5e24)), false],
    ['no longer a card', state(), false],
  ] as const)('%s', (_, head, keeps) => {
    expect(cardsKeepIdentity([card], head, state(model(card, 'acme/a', 1e24)))).toBe(keeps);
  });
});
