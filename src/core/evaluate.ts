/**
 * The gate: evaluate(policy, repository at head and base, reviews and ticks, now) → decision.
 * Pure and deterministic: no I/O, no clock, no environment.
 */
import type { DecisionRecord, Reason } from './decision.js';
import type { Attestation, Problem, RepositoryState, ReviewContext } from './inputs.js';
import { compareWithBase, type OwnersDecide } from './compare-with-base.js';
import { independenceOf } from './independence.js';
import { judgeModel } from './judge-model.js';
import type { TrustedAttestation } from './judge-thresholds.js';
import { modelReasons, problemReason } from './model-reasons.js';
import { approversOnHead, changesRequestedByRoleHolders, holdsRole, trustOf } from './people.js';
import { organizationStamp, presetReasons, presetStamp } from './preset-reasons.js';
import type { Policy } from '../policy/types.js';

export interface PolicyChange {
  /** The policy file differs between base and head. */
  changed: boolean;
  file: string;
  /** The head's version of the policy does not load: merging would break the gate. */
  headProblem: Problem | null;
}

export interface EvaluateInput {
  policy: Policy;
  head: RepositoryState;
  /** The base of the change; null judges `head` as a state of the repository. */
  base: RepositoryState | null;
  context: ReviewContext;
  policyChange: PolicyChange | null;
  now: Date;
  headSha?: string | null;
}

function withTrust(
  attestations: Attestation[],
  baseFingerprints: Set<string> | null,
  approved: Set<string>,
): TrustedAttestation[] {
  return attestations.map((attestation) => ({
    attestation,
    ...trustOf(attestation, baseFingerprints, approved),
  }));
}

export function policyOwnersApproved(
  policy: Policy,
  approvedOnHead: Set<string>,
  teams: Map<string, string[]> | null,
): boolean {
  return policy.policyOwners.every((role) =>
    [...approvedOnHead].some((u) => holdsRole(policy, role, u, teams).holds),
  );
}

/** A change that lowers what a model must meet blocks until the policy owners approve the head. */
function ownersDecision(policy: Policy, ownersApproved: boolean): OwnersDecide {
  return (reason) =>
    ownersApproved
      ? {
          ...reason,
          severity: 'info',
          message: `${reason.message} (approved by the policy owners)`,
        }
      : {
          ...reason,
          severity: 'block',
          message: `${reason.message} — needs an approving review on the head commit from ${policy.policyOwners.join(' and ')}`,
        };
}

/** Unreadable files of the state, and attestations that do not count yet. */
function stateReasons(head: RepositoryState, attestations: TrustedAttestation[]): Reason[] {
  const out: Reason[] = head.problems.map((p) => problemReason(p, 'block'));
  for (const { attestation: a, trusted, why } of attestations) {
    if (!trusted)
      out.push({
        code: 'attestation-untrusted',
        severity: 'info',
        message: `${a.kind} attestation for ${a.target} is not counted yet: ${why}`,
        file: a.file,
        line: a.line,
      });
  }
  return out;
}

/** Attestations that name no model of the state apply to nothing: say so. */
function unknownModelReasons(head: RepositoryState): Reason[] {
  const known = new Set(head.models.map((m) => m.id.toLowerCase()));
  return head.attestations
    .filter((a) => a.model !== '*' && !known.has(a.model.toLowerCase()))
    .map((a) => ({
      code: 'attestation-unknown-model',
      severity: 'info',
      message: `attestation for ${a.model} matches no model card; it applies to nothing (models: ${[...known].join(', ') || 'none'})`,
      file: a.file,
      line: a.line,
    }));
}

/** Each model needs exactly one card: the second card of a model blocks. */
function duplicateModelReasons(head: RepositoryState): Reason[] {
  const out: Reason[] = [];
  const seen = new Map<string, string>();
  for (const model of head.models) {
    const first = seen.get(model.id.toLowerCase());
    if (first !== undefined) {
      out.push({
        code: 'duplicate-model',
        severity: 'block',
        message: `model ${model.id} is declared by two cards (${first} and ${model.card}); each model needs exactly one card`,
        file: model.card,
        line: model.line,
      });
    }
    seen.set(model.id.toLowerCase(), model.card);
  }
  return out;
}

/** An edit to the policy itself is judged by the base policy and needs its owners. */
function policyChangeReasons(
  policy: Policy,
  change: PolicyChange | null,
  ownersApproved: boolean,
): Reason[] {
  if (!change?.changed) return [];
  const owners = policy.policyOwners.join(' and ');
  const out: Reason[] = [
    ownersApproved
      ? {
          code: 'policy-changed',
          severity: 'info',
          message: `the policy is edited in this change and approved by ${owners}; it takes effect after merge`,
          file: change.file,
          line: null,
        }
      : {
          code: 'policy-changed',
          severity: 'block',
          message: `the policy is edited in this change: it is judged by the base policy and needs an approving review on the head commit from ${owners}`,
          file: change.file,
          line: null,
        },
  ];
  if (change.headProblem)
    out.push(
      problemReason(
        {
          ...change.headProblem,
          message: `the edited policy is invalid: ${change.headProblem.message}`,
        },
        'block',
      ),
    );
  return out;
}

/**
 * A role holder who requests changes withdraws: the change blocks, whatever else is confirmed,
 * until they approve or their review is dismissed.
 */
function changesRequestedReasons(policy: Policy, context: ReviewContext): Reason[] {
  return changesRequestedByRoleHolders(policy, context).map(
    ({ review, roles, dismissalRefused }) => ({
      code: 'changes-requested',
      severity: 'block',
      message:
        dismissalRefused === null
          ? `@${review.user} (${roles.join(', ')}) requested changes on ${review.commit.slice(0, 7)}: blocked until they approve the head commit or the review is dismissed`
          : `@${review.user} (${roles.join(', ')}) requested changes on ${review.commit.slice(0, 7)}; the review was dismissed, but ${dismissalRefused}: blocked until they approve the head commit, or a role holder who did not write the change dismisses it`,
      file: null,
      line: null,
    }),
  );
}

export function evaluate(input: EvaluateInput): DecisionRecord {
  const { policy, head, base, context, now } = input;
  const approvedOnHead = approversOnHead(context);
  const baseFingerprints = base ? new Set(base.attestations.map((a) => a.fingerprint)) : null;
  const attestations = withTrust(head.attestations, baseFingerprints, approvedOnHead);
  const ownersApproved = policyOwnersApproved(policy, approvedOnHead, context.teams);

  const reasons: Reason[] = [
    ...stateReasons(head, attestations),
    ...unknownModelReasons(head),
    ...duplicateModelReasons(head),
  ];
  const models = head.models.map((model) => {
    const judged = judgeModel(policy, model, attestations, context, approvedOnHead, now);
    reasons.push(
      ...modelReasons(policy, model, judged.evidence, judged.decision, attestations, context, now),
    );
    return judged.decision;
  });
  if (base) {
    const baseAttestations = withTrust(base.attestations, null, new Set());
    const compared = compareWithBase(
      policy,
      head,
      base,
      models,
      baseAttestations,
      context.teams,
      now,
      ownersDecision(policy, ownersApproved),
    );
    for (const model of models) model.base_levels = compared.baseLevels.get(model.id) ?? null;
    reasons.push(...compared.reasons);
  }
  reasons.push(...policyChangeReasons(policy, input.policyChange, ownersApproved));
  reasons.push(...presetReasons(policy));
  reasons.push(...changesRequestedReasons(policy, context));

  return {
    decision: reasons.some((r) => r.severity === 'block') ? 'block' : 'pass',
    mode: policy.mode,
    policy: {
      source: policy.source,
      sha256: policy.sha256,
      extends: policy.extends,
      preset: presetStamp(policy),
      organization: organizationStamp(policy),
      levels: policy.levels,
    },
    evaluated_at: now.toISOString(),
    head: input.headSha ?? context.headSha ?? null,
    models,
    reasons,
    ...(context.author !== null ||
    context.writers.people.length > 0 ||
    context.writers.unknown.length > 0
      ? { independence: independenceOf(context) }
      : {}),
  };
}
