/**
 * What a pull request's judgment must read. A model's verdict can change only if its card, a
 * file its evals globs claim, the card its `previous` names, an attestation naming it, or the
 * policy changes. So a change is judged on the models it touches, and every other model stands
 * as the base branch has it; the whole repository is judged only when that set cannot be known.
 */
import type { RepositoryState } from '../core/inputs.js';
import type { Policy } from '../policy/types.js';
import { createMatcher, escapesRepository } from '../repository/globs.js';
import type { CardSummary } from '../repository/load-repository.js';

/** How a change is read: by its cards alone, through an index of every card, or whole. */
export type Plan =
  { kind: 'cards'; cards: string[] } | { kind: 'index' } | { kind: 'repository'; reason: string };

/** What the judgment read, for the record. */
export type Scope =
  { kind: 'cards'; cards: string[] } | { kind: 'repository'; reason: string | null };

export const SCOPE_REASONS = {
  unknown:
    'GitHub did not list every changed file (a change of 300 files or more), so every model was judged',
  policy: 'the pull request edits the policy, so every model was judged',
  everyModel:
    'an attestation this pull request changes applies to every model (`model: "*"`), so every model was judged',
} as const;

const matcherOf = (globs: string[]) => createMatcher(globs.filter((g) => !escapesRepository(g)));

/**
 * The first plan for a change: `changed` holds every path that may differ between base and head
 * (null when GitHub could not say). A change of model cards alone is read by those cards; any
 * other file needs to know which cards claim it, so every card is indexed.
 */
export function planFor(
  changed: ReadonlySet<string> | null,
  policyPath: string,
  cardGlobs: string[],
): Plan {
  if (changed === null) return { kind: 'repository', reason: SCOPE_REASONS.unknown };
  if (changed.has(policyPath)) return { kind: 'repository', reason: SCOPE_REASONS.policy };
  const isCard = matcherOf(cardGlobs);
  const paths = [...changed].sort();
  return paths.every(isCard) ? { kind: 'cards', cards: paths } : { kind: 'index' };
}

/** The changed paths that are attestation files. */
export function changedAttestations(changed: ReadonlySet<string>, policy: Policy): string[] {
  const isAttestation = matcherOf(policy.discovery.attestations);
  return [...changed].filter(isAttestation).sort();
}

/**
 * The cards a change touches, from every card at head and base and the models named by the
 * changed attestations: a changed card, one that cannot be read, one whose evals claim a changed
 * file, one whose `previous` is a changed card, one an attestation names, and every card sharing
 * a model id with one of those. Null when an attestation names every model.
 */
export function touchedCards(
  changed: ReadonlySet<string>,
  cards: CardSummary[],
  attested: ReadonlySet<string> | 'every model',
): string[] | null {
  if (attested === 'every model') return null;
  const paths = [...changed];
  const named = new Set([...attested].map((m) => m.toLowerCase()));
  const touched = new Set<string>();
  for (const card of cards) {
    const claims = matcherOf(card.evals);
    if (
      changed.has(card.path) ||
      card.model === null ||
      named.has(card.model.toLowerCase()) ||
      (card.previous !== null && changed.has(card.previous)) ||
      paths.some((p) => p !== card.path && claims(p))
    )
      touched.add(card.path);
  }
  // Two cards that claim the same model id are judged together (a duplicate blocks), and a card
  // that takes another's id is compared with it.
  const ids = new Set(
    cards.filter((c) => touched.has(c.path) && c.model !== null).map((c) => c.model!.toLowerCase()),
  );
  for (const card of cards)
    if (card.model !== null && ids.has(card.model.toLowerCase())) touched.add(card.path);
  return [...touched].sort();
}

/**
 * True when the changed cards describe the same models on both sides: each is a card at both
 * ends, with the same model id and effective compute, so no unread card's `previous` can see a
 * difference. A changed path that is a card at neither end (a file the card globs also match)
 * is false: which card claims it as evidence takes the index to know.
 */
export function cardsKeepIdentity(
  cards: string[],
  head: RepositoryState,
  base: RepositoryState,
): boolean {
  return cards.every((card) => {
    const h = head.models.filter((m) => m.card === card);
    const b = base.models.filter((m) => m.card === card);
    if (h.length === 0 || h.length !== b.length) return false;
    return h.every((m, i) => m.id === b[i]!.id && m.effectiveCompute === b[i]!.effectiveCompute);
  });
}

/**
 * A state read for some models only keeps the attestations that can apply to them: the others
 * name models that were not read, and would otherwise be reported as naming no model card.
 */
export function forJudgedModels(state: RepositoryState): RepositoryState {
  const judged = new Set(state.models.map((m) => m.id.toLowerCase()));
  return {
    ...state,
    attestations: state.attestations.filter(
      (a) => a.model === '*' || judged.has(a.model.toLowerCase()),
    ),
  };
}
