/**
 * What a pull request's judgment must read. When every changed file is a model card, only those
 * cards (and what they point to) are read at head and base; anything that could touch a model
 * the gate cannot name without reading every card widens the judgment to the whole repository.
 */
import type { RepositoryState } from '../core/inputs.js';
import type { Policy } from '../policy/types.js';
import { createMatcher, escapesRepository } from '../repository/globs.js';

export type Scope =
  { kind: 'cards'; cards: string[] } | { kind: 'repository'; reason: string | null };

export const SCOPE_REASONS = {
  unknown:
    'GitHub did not list every changed file (a change of 300 files or more), so every card was read',
  policy: 'the pull request edits the policy, so every card was read',
  attestations:
    'the pull request changes attestations, which name models by id, so every card was read',
  evidence:
    "the pull request changes files other than model cards, which any card's evals globs may claim, so every card was read",
  identity:
    "a changed card adds, removes or renames a model or changes its effective compute, which other cards' `previous` may depend on, so every card was read",
} as const;

/**
 * The scope for a change: `changed` holds every path that may differ between base and head
 * (null when GitHub could not say).
 */
export function scopeOf(
  changed: ReadonlySet<string> | null,
  policy: Policy,
  policyPath: string,
  cardGlobs: string[],
): Scope {
  if (changed === null) return { kind: 'repository', reason: SCOPE_REASONS.unknown };
  if (changed.has(policyPath)) return { kind: 'repository', reason: SCOPE_REASONS.policy };
  const inside = (globs: string[]) => createMatcher(globs.filter((g) => !escapesRepository(g)));
  const isAttestation = inside(policy.discovery.attestations);
  const isCard = inside(cardGlobs);
  const paths = [...changed].sort();
  if (paths.some(isAttestation)) return { kind: 'repository', reason: SCOPE_REASONS.attestations };
  if (!paths.every(isCard)) return { kind: 'repository', reason: SCOPE_REASONS.evidence };
  return { kind: 'cards', cards: paths };
}

/**
 * True when the changed cards describe the same models on both sides: each is a card at both
 * ends, with the same model id and effective compute, so no unread card's `previous` can see a
 * difference.
 */
export function cardsKeepIdentity(
  cards: string[],
  head: RepositoryState,
  base: RepositoryState,
): boolean {
  return cards.every((card) => {
    const h = head.models.filter((m) => m.card === card);
    const b = base.models.filter((m) => m.card === card);
    if (h.length !== b.length) return false;
    return h.every((m, i) => m.id === b[i]!.id && m.effectiveCompute === b[i]!.effectiveCompute);
  });
}
