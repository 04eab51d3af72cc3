import { describe, expect, test } from 'vitest';
import type { ModelState, RepositoryState } from '../../src/core/inputs.js';
import {
  cardsKeepIdentity,
  changedAttestations,
  planFor,
  SCOPE_REASONS,
  touchedCards,
} from '../../src/gate/change-scope.js';
import { loadPreset } from '../../src/policy/load-policy.js';
import type { CardSummary } from '../../src/repository/load-repository.js';

const POLICY = '.github/rsp-policy.yml';
const CARDS = ['**/MODEL_CARD.md', 'models/*/README.md'];
const plan = (paths: string[] | null) =>
  planFor(paths === null ? null : new Set(paths), POLICY, CARDS);

describe('how a change is read', () => {
  test.each([
    [
      'only cards changed: by those cards',
      ['models/b/MODEL_CARD.md', 'models/a/README.md'],
      { kind: 'cards', cards: ['models/a/README.md', 'models/b/MODEL_CARD.md'] },
    ],
    ['nothing changed: nothing to read', [], { kind: 'cards', cards: [] }],
    [
      'the list is unknown: everything',
      null,
      { kind: 'repository', reason: SCOPE_REASONS.unknown },
    ],
    [
      'the policy changed: everything',
      [POLICY, 'models/a/MODEL_CARD.md'],
      { kind: 'repository', reason: SCOPE_REASONS.policy },
    ],
    [
      'an evidence file changed: through the card index',
      ['models/a/evals/run.eval'],
      { kind: 'index' },
    ],
    ['an attestation changed: through the card index', ['safeguards/a.yml'], { kind: 'index' }],
  ] as const)('%s', (_, paths, expected) => {
    expect(plan(paths === null ? null : [...paths])).toEqual(expected);
  });

  test('attestation files are told from other changes by the policy’s globs', () => {
    const policy = loadPreset('anthropic-rsp-v2.2');
    expect(
      changedAttestations(
        new Set(['safeguards/x/a.yml', 'models/a/MODEL_CARD.md', 'safe.yml']),
        policy,
      ),
    ).toEqual(['safeguards/x/a.yml']);
  });
});

const card = (
  path: string,
  model: string | null,
  evals: string[] = [],
  previous: string | null = null,
): CardSummary => ({
  path,
  model,
  evals,
  previous,
});

describe('the cards a change touches', () => {
  const A = card('models/a/MODEL_CARD.md', 'acme/a', ['models/a/evals/**/*', 'shared/a-*.json']);
  const B = card(
    'models/b/MODEL_CARD.md',
    'acme/b',
    ['models/b/evals/**/*'],
    'models/a/MODEL_CARD.md',
  );
  const C = card('models/c/MODEL_CARD.md', 'acme/c', ['models/c/evals/**/*']);
  const all = [A, B, C];
  const touched = (paths: string[], attested: Set<string> | 'every model' = new Set()) =>
    touchedCards(new Set(paths), all, attested);

  test.each([
    ['an evidence file under a card', ['models/c/evals/run.eval'], ['models/c/MODEL_CARD.md']],
    [
      'a file claimed from outside the card’s directory',
      ['shared/a-1.json'],
      ['models/a/MODEL_CARD.md'],
    ],
    [
      'a card, and the card whose `previous` it is',
      ['models/a/MODEL_CARD.md'],
      ['models/a/MODEL_CARD.md', 'models/b/MODEL_CARD.md'],
    ],
    ['a file no card claims', ['README.md'], []],
  ])('%s', (_, paths, expected) => {
    expect(touched(paths)).toEqual(expected);
  });

  test('an attestation touches the models it names, whatever their case', () => {
    expect(touched(['safeguards/b.yml'], new Set(['ACME/B']))).toEqual(['models/b/MODEL_CARD.md']);
  });

  test('cards that share a model id with a touched card are judged with it (a duplicate blocks)', () => {
    const twin = card('models/a-copy/MODEL_CARD.md', 'ACME/A', ['models/a-copy/evals/**/*']);
    expect(
      touchedCards(new Set(['models/a-copy/MODEL_CARD.md']), [...all, twin], new Set()),
    ).toEqual(['models/a-copy/MODEL_CARD.md', 'models/a/MODEL_CARD.md']);
  });

  test('an attestation for every model leaves nothing to narrow', () => {
    expect(touched(['safeguards/all.yml'], 'every model')).toBeNull();
  });

  test('a card that cannot be read is always judged: it could claim anything', () => {
    expect(
      touchedCards(
        new Set(['README.md']),
        [...all, card('models/d/MODEL_CARD.md', null)],
        new Set(),
      ),
    ).toEqual(['models/d/MODEL_CARD.md']);
  });
});

const model = (path: string, id: string, compute: number | null): ModelState => ({
  id,
  card: path,
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
  const path = 'models/a/MODEL_CARD.md';
  test.each([
    ['same id and compute', state(model(path, 'acme/a', 1e24)), true],
    ['renamed model', state(model(path, 'acme/a2', 1e24)), false],
    ['new effective compute', state(model(path, 'acme/a', 5e24)), false],
    ['no longer a card', state(), false],
    ['a file the card globs match that is a card at neither end', state(), 'neither'],
  ] as const)('%s', (_, head, keeps) => {
    const base = keeps === 'neither' ? state() : state(model(path, 'acme/a', 1e24));
    expect(cardsKeepIdentity([path], head, base)).toBe(keeps === true);
  });
});
