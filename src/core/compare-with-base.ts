/**
 * A change judged against its base: each model's levels and thresholds at both ends, the facts
 * that decide when an assessment is due, models that vanish, and evidence removed or weakened.
 * Whatever lowers what a model must meet is the policy owners' call.
 */
import type { Levels, ModelDecision, Reason } from './decision.js';
import { ACTIVE } from './decision.js';
import { NO_WRITERS, type ModelState, type RepositoryState, type ReviewContext } from './inputs.js';
import { judgeModel } from './judge-model.js';
import type { TrustedAttestation } from './judge-thresholds.js';
import { compareStates } from './compare-states.js';
import { levelRank, type Policy } from '../policy/types.js';

/** Turns a reason about a relaxing change into a block, or a note once the owners approved. */
export type OwnersDecide = (reason: Omit<Reason, 'severity'>) => Reason;

export interface BaseComparison {
  reasons: Reason[];
  /** Each model's levels at the base, by model id; absent for models new in the change. */
  baseLevels: Map<string, Levels>;
}

function levelChanges(
  policy: Policy,
  decision: ModelDecision,
  before: ModelDecision,
  ownersDecide: OwnersDecide,
): Reason[] {
  const out: Reason[] = [];
  for (const kind of ['deployment', 'security'] as const) {
    const from = before.levels[kind];
    const to = decision.levels[kind];
    if (from === to) continue;
    const up = levelRank(policy, to) > levelRank(policy, from);
    const because = decision.thresholds
      .filter((t) => ACTIVE.has(t.status) && t.requires[kind] === to)
      .map((t) => `${t.id}: ${t.summary}`);
    const gone = before.thresholds
      .filter((t) => ACTIVE.has(t.status) && t.requires[kind] === from)
      .map((t) => t.id);
    // With declared levels a level can move with no threshold behind it: the declaration moved it.
    const why = up
      ? because.length > 0
        ? because.join('; ')
        : `it is declared ${to}`
      : gone.length > 0
        ? `${gone.join(', ')} no longer crossed`
        : `it is declared ${to} where it was ${from}`;
    const reason = {
      code: up ? 'level-raised' : 'level-lowered',
      message: `${decision.id} ${kind}: ${from} → ${to} because ${why}`,
      file: decision.card,
      line: decision.line,
      model: decision.id,
    };
    out.push(up ? { ...reason, severity: 'info' } : ownersDecide(reason));
  }
  return out;
}

/**
 * A threshold that was crossed (or could not be ruled out) and no longer is, whatever the edit
 * that did it: a renamed metric, a changed status or date, a moved file, new evidence.
 */
function relaxedThresholds(
  decision: ModelDecision,
  before: ModelDecision,
  ownersDecide: OwnersDecide,
): Reason[] {
  const out: Reason[] = [];
  for (const t of decision.thresholds) {
    const was = before.thresholds.find((b) => b.id === t.id);
    if (!was || !ACTIVE.has(was.status) || ACTIVE.has(t.status)) continue;
    out.push(
      ownersDecide({
        code: 'threshold-relaxed',
        message: `${decision.id}: ${t.id} was ${was.status.replace(/_/g, ' ')} at the base and is ${t.status.replace(/_/g, ' ')} in this change`,
        file: decision.card,
        line: decision.line,
        model: decision.id,
      }),
    );
  }
  return out;
}

/** The facts the assessment triggers use may not quietly change either. */
function changedCardFacts(
  decision: ModelDecision,
  baseModel: ModelState,
  headModel: ModelState,
  ownersDecide: OwnersDecide,
): Reason[] {
  const facts = (m: ModelState) => ({
    previous: m.previous?.card ?? null,
    effective_compute: m.effectiveCompute,
    assessed_at: m.assessedAt,
  });
  const was = facts(baseModel);
  const is = facts(headModel);
  return (Object.keys(was) as (keyof typeof was)[])
    .filter((key) => was[key] !== is[key])
    .map((key) =>
      ownersDecide({
        code: 'card-facts-changed',
        message: `${decision.id}: rsp.${key} changed from ${String(was[key])} to ${String(is[key])}, which decides when a comprehensive assessment is due`,
        file: decision.card,
        line: decision.line,
        model: decision.id,
      }),
    );
}

export function compareWithBase(
  policy: Policy,
  head: RepositoryState,
  base: RepositoryState,
  models: ModelDecision[],
  baseAttestations: TrustedAttestation[],
  teams: ReviewContext['teams'],
  now: Date,
  ownersDecide: OwnersDecide,
): BaseComparison {
  const reasons: Reason[] = [];
  const baseLevels = new Map<string, Levels>();
  // The base is a state: no reviews, no ticks; only what it already holds is trusted.
  const baseContext: ReviewContext = {
    author: null,
    writers: NO_WRITERS,
    headSha: null,
    reviews: [],
    confirmations: [],
    teams,
  };
  const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  for (const decision of models) {
    const baseModel = base.models.find((m) => sameId(m.id, decision.id));
    if (!baseModel) {
      reasons.push({
        code: 'model-added',
        severity: 'info',
        message: `${decision.id} is new in this change (${decision.levels.deployment} deployment, ${decision.levels.security} security)`,
        file: decision.card,
        line: decision.line,
        model: decision.id,
      });
      continue;
    }
    const before = judgeModel(policy, baseModel, baseAttestations, baseContext, new Set(), now);
    baseLevels.set(decision.id, before.decision.levels);
    const headModel = head.models.find((m) => m.id === decision.id)!;
    reasons.push(
      ...levelChanges(policy, decision, before.decision, ownersDecide),
      ...relaxedThresholds(decision, before.decision, ownersDecide),
      ...changedCardFacts(decision, baseModel, headModel, ownersDecide),
    );
  }
  for (const removed of base.models.filter((m) => !head.models.some((h) => sameId(h.id, m.id)))) {
    reasons.push(
      ownersDecide({
        code: 'model-removed',
        message: `${removed.id} (${removed.card}) is no longer judged: its card is gone or no longer a model card`,
        file: removed.card,
        line: null,
        model: removed.id,
      }),
    );
  }
  for (const change of compareStates(policy, base, head)) {
    reasons.push(
      change.code === 'evidence-added' ? { ...change, severity: 'info' } : ownersDecide(change),
    );
  }
  return { reasons, baseLevels };
}
