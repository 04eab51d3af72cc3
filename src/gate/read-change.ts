/**
 * Read both ends of a change for the models it touches (see change-scope.ts): first by the
 * changed cards alone; when the change reaches further, through an index of every card; the
 * whole repository only when the touched models cannot be known.
 */
import { SourceUnavailableError } from '../core/errors.js';
import type { RepositoryState } from '../core/inputs.js';
import type { Policy } from '../policy/types.js';
import { loadRepository, summariseCards } from '../repository/load-repository.js';
import { readAttestationFile } from '../repository/read-attestations.js';
import type { RepositoryTree } from '../repository/tree.js';
import {
  cardsKeepIdentity,
  changedAttestations,
  forJudgedModels,
  planFor,
  SCOPE_REASONS,
  touchedCards,
  type Scope,
} from './change-scope.js';

export interface ChangeRead {
  head: RepositoryState;
  base: RepositoryState;
  scope: Scope;
}

/** The models the changed attestation files name at either end. */
async function attestedModels(
  trees: RepositoryTree[],
  paths: string[],
  policy: Policy,
): Promise<Set<string> | 'every model'> {
  const models = new Set<string>();
  for (const tree of trees) {
    for (const path of paths) {
      if ((await tree.stat(path)) === null) continue;
      try {
        for (const a of await readAttestationFile(tree, path, policy)) models.add(a.model);
      } catch (error) {
        // An unreadable file is reported by the load and blocks; what it names cannot count.
        if (error instanceof SourceUnavailableError) throw error;
      }
    }
  }
  return models.has('*') ? 'every model' : models;
}

export async function readChange(
  head: RepositoryTree,
  base: RepositoryTree,
  changed: ReadonlySet<string> | null,
  policy: Policy,
  policyPath: string,
  cardGlobs: string[],
): Promise<ChangeRead> {
  const load = (tree: RepositoryTree, cards?: string[]) =>
    loadRepository(tree, policy, { cardGlobs, ...(cards ? { cards } : {}) });
  const loadCards = async (cards: string[]) => {
    const both = await Promise.all([load(head, cards), load(base, cards)]);
    return both.map(forJudgedModels) as [RepositoryState, RepositoryState];
  };

  let plan = planFor(changed, policyPath, cardGlobs);
  if (plan.kind === 'cards') {
    const [h, b] = await loadCards(plan.cards);
    // A card that changes who it is can change what an unread card's `previous` sees.
    if (cardsKeepIdentity(plan.cards, h, b)) return { head: h, base: b, scope: plan };
    plan = { kind: 'index' };
  }
  if (plan.kind === 'index' && changed !== null) {
    const [headCards, baseCards, attested] = await Promise.all([
      summariseCards(head, cardGlobs),
      summariseCards(base, cardGlobs),
      attestedModels([head, base], changedAttestations(changed, policy), policy),
    ]);
    const cards = touchedCards(changed, [...headCards, ...baseCards], attested);
    if (cards !== null) {
      const [h, b] = await loadCards(cards);
      return { head: h, base: b, scope: { kind: 'cards', cards } };
    }
    plan = { kind: 'repository', reason: SCOPE_REASONS.everyModel };
  }
  const reason = plan.kind === 'repository' ? plan.reason : null;
  const [h, b] = [await load(head), await load(base)];
  return { head: h, base: b, scope: { kind: 'repository', reason } };
}
