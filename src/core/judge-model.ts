/** One model at one state: its thresholds, the levels they imply, and what those levels require. */
import type { Levels, ModelDecision } from './decision.js';
import { ACTIVE } from './decision.js';
import type { ModelState, ReviewContext } from './inputs.js';
import { judgeThreshold, type TrustedAttestation } from './judge-thresholds.js';
import {
  judgeSafeguard,
  judgeSignoffs,
  judgeTrigger,
  requiredSafeguards,
} from './judge-safeguards.js';
import { declaredLevels, judgeDeclarations, withDeclared } from './declared-levels.js';
import { bindEvidence, type BoundEvidence } from './normalise-evidence.js';
import { levelRank, type Policy } from '../policy/types.js';

function maxLevel(policy: Policy, a: string, b: string): string {
  return levelRank(policy, a) >= levelRank(policy, b) ? a : b;
}

/** The highest level each crossed or not-ruled-out threshold requires, never below the baseline. */
export function impliedLevels(policy: Policy, thresholds: ModelDecision['thresholds']): Levels {
  const levels: Levels = { deployment: policy.baseline, security: policy.baseline };
  for (const t of thresholds) {
    if (!ACTIVE.has(t.status)) continue;
    if (t.requires.deployment)
      levels.deployment = maxLevel(policy, levels.deployment, t.requires.deployment);
    if (t.requires.security)
      levels.security = maxLevel(policy, levels.security, t.requires.security);
  }
  return levels;
}

export interface JudgedModel {
  decision: ModelDecision;
  /** The model's evidence as the policy reads it, for the reasons that cite it. */
  evidence: BoundEvidence;
}

export function judgeModel(
  policy: Policy,
  model: ModelState,
  attestations: TrustedAttestation[],
  context: ReviewContext,
  approvedOnHead: Set<string>,
  now: Date,
): JudgedModel {
  const evidence = bindEvidence(model.evidence, policy);
  const thresholds = policy.thresholds.map((t) =>
    judgeThreshold(t, policy, model.id, evidence, attestations, context.teams, now),
  );
  // With `declared_levels`, a signed declaration may raise a level, never lower it.
  const declarations = judgeDeclarations(policy, model.id, attestations, context.teams, now);
  const levels = withDeclared(policy, impliedLevels(policy, thresholds), declarations);
  const safeguards = requiredSafeguards(policy, levels, thresholds).map((s) =>
    judgeSafeguard(s, policy, model.id, attestations, context.confirmations, context, now),
  );
  const signoffs = judgeSignoffs(
    policy,
    model.id,
    levels,
    attestations,
    context,
    approvedOnHead,
    now,
  );
  const triggers = policy.triggers.map((t) =>
    judgeTrigger(t, policy, model.id, model, attestations, context.teams, now),
  );
  const decision: ModelDecision = {
    id: model.id,
    card: model.card,
    line: model.line,
    levels,
    base_levels: null,
    declared: declaredLevels(declarations),
    thresholds,
    safeguards,
    signoffs,
    triggers,
    evidence: {
      records: model.evidence.length,
      files: [...new Set(model.evidence.map((r) => r.file))].sort(),
    },
  };
  return { decision, evidence };
}
