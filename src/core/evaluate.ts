/**
 * The gate: evaluate(policy, repository at head and base, reviews and ticks, now) → decision.
 * Pure and deterministic: no I/O, no clock, no environment.
 */
import type { DecisionRecord, Levels, ModelDecision, Reason } from './decision.js';
import type { Attestation, ModelState, Problem, RepositoryState, ReviewContext } from './inputs.js';
import { ACTIVE, decidingCondition } from './decision.js';
import { judgeThreshold, rejectedDecisions, type TrustedAttestation } from './judge-thresholds.js';
import {
  judgeSafeguard,
  judgeSignoffs,
  judgeTrigger,
  requiredSafeguards,
} from './judge-safeguards.js';
import { approversFit, approversOnHead, appliesTo, holdsRole, trustOf } from './people.js';
import { bindEvidence, metricLabel } from './normalise-evidence.js';
import { compareStates } from './compare-states.js';
import { levelRank, type Policy } from '../policy/types.js';

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

function maxLevel(policy: Policy, a: string, b: string): string {
  return levelRank(policy, a) >= levelRank(policy, b) ? a : b;
}

function impliedLevels(policy: Policy, thresholds: ModelDecision['thresholds']): Levels {
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

function problemReason(problem: Problem, severity: Reason['severity'], model?: string): Reason {
  const hint = problem.hint ? ` — ${problem.hint}` : '';
  return {
    code: problem.code,
    severity,
    message: `${problem.message}${hint}`,
    file: problem.file,
    line: problem.line,
    ...(model ? { model } : {}),
  };
}

function shortModel(name: string): string {
  return name.toLowerCase().split('/').pop()!;
}

/**
 * A condition whose metric no file of its benchmark reports can never hold: say so once per
 * benchmark and metric, so a rule-in that cannot fire is visible.
 */
function addMetricsNotFound(
  thresholds: ModelDecision['thresholds'],
  card: { file: string; line: number },
  add: (reason: Omit<Reason, 'model'>) => void,
): void {
  const said = new Set<string>();
  for (const t of thresholds) {
    for (const leaf of [...t.evidence, ...t.review]) {
      if (leaf.found_metrics === null) continue;
      const key = `${leaf.benchmark}\u0000${leaf.metric}\u0000${leaf.scorer ?? ''}`;
      if (said.has(key)) continue;
      said.add(key);
      add({
        code: 'metric-not-found',
        severity: 'info',
        message: `${t.id}: ${leaf.note.replace(/: cannot rule out$/, '')}; this condition cannot hold until a file reports that metric`,
        // At the condition when the policy file holds it; a preset's lines are not in the repository.
        ...(leaf.policy_file.startsWith('preset:')
          ? card
          : { file: leaf.policy_file, line: leaf.policy_line }),
      });
    }
  }
}

/** Judge one model at one state. Reasons are collected only when `reasons` is given. */
function evaluateModel(
  policy: Policy,
  model: ModelState,
  attestations: TrustedAttestation[],
  context: ReviewContext,
  approvedOnHead: Set<string>,
  now: Date,
  reasons: Reason[] | null,
): ModelDecision {
  const evidence = bindEvidence(model.evidence, policy);
  const thresholds = policy.thresholds.map((t) =>
    judgeThreshold(t, policy, model.id, evidence, attestations, context.teams, now),
  );
  const levels = impliedLevels(policy, thresholds);
  const safeguards = requiredSafeguards(policy, levels, thresholds).map((s) =>
    judgeSafeguard(s, policy, model.id, attestations, context.confirmations, context, now),
  );
  const signoffs = judgeSignoffs(policy, model.id, levels, attestations, context, approvedOnHead);
  const triggers = policy.triggers.map((t) =>
    judgeTrigger(t, policy, model.id, model, attestations, context.teams, now),
  );
  const decision: ModelDecision = {
    id: model.id,
    card: model.card,
    line: model.line,
    levels,
    base_levels: null,
    thresholds,
    safeguards,
    signoffs,
    triggers,
    evidence: {
      records: model.evidence.length,
      files: [...new Set(model.evidence.map((r) => r.file))].sort(),
    },
  };
  if (reasons === null) return decision;

  const add = (reason: Omit<Reason, 'model'>) => reasons.push({ ...reason, model: model.id });
  for (const problem of model.artifactErrors)
    reasons.push(problemReason(problem, 'block', model.id));
  for (const problem of model.warnings) reasons.push(problemReason(problem, 'info', model.id));
  for (const b of evidence.bound) {
    if (b.error)
      add({
        code: 'evidence-scale',
        severity: 'block',
        message: `${b.benchmark.id} ${metricLabel(b.record)}: ${b.error}`,
        file: b.record.file,
        line: b.record.line,
      });
  }
  addMetricsNotFound(thresholds, { file: model.card, line: model.line }, add);
  const mismatched = new Set<string>();
  for (const r of model.evidence) {
    if (r.model === null || mismatched.has(r.file)) continue;
    const a = shortModel(r.model);
    const b = shortModel(model.id);
    if (!a.includes(b) && !b.includes(a)) {
      mismatched.add(r.file);
      add({
        code: 'model-mismatch',
        severity: 'info',
        message: `${r.file} names model \`${r.model}\`, not ${model.id}; counted as evidence for ${model.id} because the card's evals globs match it`,
        file: r.file,
        line: r.line,
      });
    }
  }
  for (const t of thresholds) {
    const deciding = decidingCondition(t);
    const code =
      t.status === 'crossed'
        ? 'threshold-crossed'
        : t.status === 'not_ruled_out'
          ? 'threshold-not-ruled-out'
          : t.status === 'cleared_by_decision'
            ? 'threshold-cleared'
            : 'threshold-ruled-out';
    add({
      code,
      severity: 'info',
      message: `${t.id}: ${t.summary}`,
      file: t.decision?.file ?? deciding?.file ?? model.card,
      line: t.decision?.line ?? deciding?.line ?? model.line,
    });
    for (const flag of t.review) {
      add({
        code: 'review-flag',
        severity: 'review',
        message: `${t.id}: ${flag.note} (${flag.provenance ?? 'unlabelled'} review threshold: a flag for a human, does not change the level)`,
        file: flag.file,
        line: flag.line,
      });
    }
    const threshold = policy.thresholds.find((p) => p.id === t.id)!;
    for (const r of rejectedDecisions(
      threshold,
      policy,
      model.id,
      attestations,
      context.teams,
      now,
    )) {
      add({
        code: 'decision-not-counted',
        severity: 'info',
        message: `capability decision on ${t.id} not counted: ${r.why}`,
        file: r.attestation.file,
        line: r.attestation.line,
      });
    }
  }
  for (const kind of ['deployment', 'security'] as const) {
    const level = levels[kind];
    if (!policy.undefinedLevels.includes(level)) continue;
    const override = attestations.find(
      ({ attestation: a, trusted }) =>
        trusted &&
        a.kind === 'override' &&
        a.target === level &&
        appliesTo(a, model.id) &&
        approversFit(policy, a.approvedBy, policy.approvals.override, context.teams, true).ok,
    );
    if (override) {
      add({
        code: 'undefined-level-overridden',
        severity: 'info',
        message: `${kind} level ${level} is not yet defined by the policy; proceeding under the signed override (${override.attestation.reason ?? 'no reason given'})`,
        file: override.attestation.file,
        line: override.attestation.line,
      });
    } else {
      add({
        code: 'undefined-level',
        severity: 'block',
        message: `${model.id} reaches ${kind} ${level}, whose safeguards the policy does not define yet; it blocks unless an override is signed by ${policy.approvals.override.join(' and ')}`,
        file: model.card,
        line: model.line,
      });
    }
  }
  for (const s of safeguards) {
    if (s.status === 'satisfied') continue;
    const code = `safeguard-${s.status}`;
    add({
      code,
      severity: 'block',
      message: `${s.level} ${s.kind} safeguard \`${s.id}\` (${s.title}) is ${s.status}: ${s.note}`,
      file: model.card,
      line: model.line,
    });
  }
  for (const s of signoffs) {
    if (s.status === 'missing') {
      add({
        code: 'signoff-missing',
        severity: 'block',
        message: `${s.level} needs sign-off by ${s.role}: an approving review on the head commit, or a signed \`signoff: ${s.level}\` attestation`,
        file: model.card,
        line: model.line,
      });
    }
  }
  for (const t of triggers) {
    if (t.status === 'missing') {
      add({
        code: 'trigger-unmet',
        severity: 'block',
        message: `trigger ${t.id} fired (${t.why}): a \`report: ${t.requires_attestation}\` attestation signed by ${policy.triggers.find((p) => p.id === t.id)!.signers.join(' and ')} is required`,
        file: model.card,
        line: model.line,
      });
    }
  }
  return decision;
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

export function evaluate(input: EvaluateInput): DecisionRecord {
  const { policy, head, base, context, now } = input;
  const reasons: Reason[] = [];
  const approvedOnHead = approversOnHead(context);
  const baseFingerprints = base ? new Set(base.attestations.map((a) => a.fingerprint)) : null;
  const headAttestations = withTrust(head.attestations, baseFingerprints, approvedOnHead);
  const ownersApproved = policyOwnersApproved(policy, approvedOnHead, context.teams);

  for (const problem of head.problems) reasons.push(problemReason(problem, 'block'));
  for (const { attestation: a, trusted, why } of headAttestations) {
    if (!trusted)
      reasons.push({
        code: 'attestation-untrusted',
        severity: 'info',
        message: `${a.kind} attestation for ${a.target} is not counted yet: ${why}`,
        file: a.file,
        line: a.line,
      });
  }

  const known = new Set(head.models.map((m) => m.id.toLowerCase()));
  for (const a of head.attestations) {
    if (a.model !== '*' && !known.has(a.model.toLowerCase())) {
      reasons.push({
        code: 'attestation-unknown-model',
        severity: 'info',
        message: `attestation for ${a.model} matches no model card; it applies to nothing (models: ${[...known].join(', ') || 'none'})`,
        file: a.file,
        line: a.line,
      });
    }
  }

  const seen = new Map<string, string>();
  for (const model of head.models) {
    const first = seen.get(model.id.toLowerCase());
    if (first !== undefined) {
      reasons.push({
        code: 'duplicate-model',
        severity: 'block',
        message: `model ${model.id} is declared by two cards (${first} and ${model.card}); each model needs exactly one card`,
        file: model.card,
        line: model.line,
      });
    }
    seen.set(model.id.toLowerCase(), model.card);
  }

  const models = head.models.map((model) =>
    evaluateModel(policy, model, headAttestations, context, approvedOnHead, now, reasons),
  );

  /** A change that lowers what a model must meet is the policy owners' call. */
  const ownersDecide = (reason: Omit<Reason, 'severity'>): Reason =>
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

  if (base) {
    const baseContext: ReviewContext = {
      author: null,
      headSha: null,
      reviews: [],
      confirmations: [],
      teams: context.teams,
    };
    const baseAttestations = withTrust(base.attestations, null, new Set());
    for (const decision of models) {
      const baseModel = base.models.find((m) => m.id.toLowerCase() === decision.id.toLowerCase());
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
      const baseDecision = evaluateModel(
        policy,
        baseModel,
        baseAttestations,
        baseContext,
        new Set(),
        now,
        null,
      );
      decision.base_levels = baseDecision.levels;
      for (const kind of ['deployment', 'security'] as const) {
        const from = baseDecision.levels[kind];
        const to = decision.levels[kind];
        if (from === to) continue;
        const up = levelRank(policy, to) > levelRank(policy, from);
        const because = decision.thresholds
          .filter((t) => ACTIVE.has(t.status) && t.requires[kind] === to)
          .map((t) => `${t.id}: ${t.summary}`);
        const gone = baseDecision.thresholds
          .filter((t) => ACTIVE.has(t.status) && t.requires[kind] === from)
          .map((t) => t.id);
        const why = up ? because.join('; ') : `${gone.join(', ')} no longer crossed`;
        const reason = {
          code: up ? 'level-raised' : 'level-lowered',
          message: `${decision.id} ${kind}: ${from} → ${to} because ${why}`,
          file: decision.card,
          line: decision.line,
          model: decision.id,
        };
        reasons.push(up ? { ...reason, severity: 'info' } : ownersDecide(reason));
      }
      // A threshold that was crossed (or could not be ruled out) and no longer is, whatever the
      // edit that did it: a renamed metric, a changed status or date, a moved file, new evidence.
      for (const t of decision.thresholds) {
        const before = baseDecision.thresholds.find((b) => b.id === t.id);
        if (!before || !ACTIVE.has(before.status) || ACTIVE.has(t.status)) continue;
        reasons.push(
          ownersDecide({
            code: 'threshold-relaxed',
            message: `${decision.id}: ${t.id} was ${before.status.replace(/_/g, ' ')} at the base and is ${t.status.replace(/_/g, ' ')} in this change`,
            file: decision.card,
            line: decision.line,
            model: decision.id,
          }),
        );
      }
      // The facts the assessment triggers use may not quietly change either.
      const headModel = head.models.find((m) => m.id === decision.id)!;
      const facts = (m: ModelState) => ({
        previous: m.previous?.card ?? null,
        effective_compute: m.effectiveCompute,
        assessed_at: m.assessedAt,
      });
      const was = facts(baseModel);
      const is = facts(headModel);
      for (const key of Object.keys(was) as (keyof typeof was)[]) {
        if (was[key] === is[key]) continue;
        reasons.push(
          ownersDecide({
            code: 'card-facts-changed',
            message: `${decision.id}: rsp.${key} changed from ${String(was[key])} to ${String(is[key])}, which decides when a comprehensive assessment is due`,
            file: decision.card,
            line: decision.line,
            model: decision.id,
          }),
        );
      }
    }
    for (const removed of base.models.filter(
      (m) => !head.models.some((h) => h.id.toLowerCase() === m.id.toLowerCase()),
    )) {
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
      if (change.code === 'evidence-added') {
        reasons.push({ ...change, severity: 'info' });
        continue;
      }
      reasons.push(ownersDecide(change));
    }
  }

  if (input.policyChange?.changed) {
    const p = input.policyChange;
    reasons.push(
      ownersApproved
        ? {
            code: 'policy-changed',
            severity: 'info',
            message: `the policy is edited in this change and approved by ${policy.policyOwners.join(' and ')}; it takes effect after merge`,
            file: p.file,
            line: null,
          }
        : {
            code: 'policy-changed',
            severity: 'block',
            message: `the policy is edited in this change: it is judged by the base policy and needs an approving review on the head commit from ${policy.policyOwners.join(' and ')}`,
            file: p.file,
            line: null,
          },
    );
    if (p.headProblem)
      reasons.push(
        problemReason(
          { ...p.headProblem, message: `the edited policy is invalid: ${p.headProblem.message}` },
          'block',
        ),
      );
  }

  const blocked = reasons.some((r) => r.severity === 'block');
  return {
    decision: blocked ? 'block' : 'pass',
    mode: policy.mode,
    policy: {
      source: policy.source,
      sha256: policy.sha256,
      extends: policy.extends,
      levels: policy.levels,
    },
    evaluated_at: now.toISOString(),
    head: input.headSha ?? context.headSha ?? null,
    models,
    reasons,
  };
}
