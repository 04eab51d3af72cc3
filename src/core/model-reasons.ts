/**
 * The reasons one model's judgment gives: what its evidence could not be read as, how each
 * threshold came out and why, and every required item that is unmet. Pure; each step is a
 * function a reader can find by name.
 */
import type { ModelDecision, Reason } from './decision.js';
import { decidingCondition } from './decision.js';
import type { ModelState, Problem, ReviewContext } from './inputs.js';
import { rejectedDecisions, type TrustedAttestation } from './judge-thresholds.js';
import { metricLabel, type BoundEvidence } from './normalise-evidence.js';
import { approversFit, appliesTo, datedAhead } from './people.js';
import { declarationReasons } from './declared-levels.js';
import { impliedLevels } from './judge-model.js';
import { isRepositoryFile, type Policy } from '../policy/types.js';

/** A reason without its model; the caller adds it. */
export type ModelReason = Omit<Reason, 'model'>;

export function problemReason(
  problem: Problem,
  severity: Reason['severity'],
  model?: string,
): Reason {
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

/** Artifacts that could not be read, card warnings, and values the benchmark's scale cannot hold. */
function evidenceReasons(model: ModelState, evidence: BoundEvidence): ModelReason[] {
  const out: ModelReason[] = [
    ...model.artifactErrors.map((p) => problemReason(p, 'block')),
    ...model.warnings.map((p) => problemReason(p, 'info')),
  ];
  for (const b of evidence.bound) {
    const what = `${b.benchmark.id} ${metricLabel(b.record)}`;
    if (b.error)
      out.push({
        code: 'evidence-scale',
        severity: 'block',
        message: `${what}: ${b.error}`,
        file: b.record.file,
        line: b.record.line,
      });
    // How a value the policy reads was coerced (a percent sign, a string, an assumed time zone,
    // a declared reported_scale): a reviewer sees it beside the value.
    const said = [...b.record.warnings, ...b.notes];
    if (said.length > 0)
      out.push({
        code: 'evidence-read-as',
        severity: 'info',
        message: `${what}: ${said.join('; ')}`,
        file: b.record.file,
        line: b.record.line,
      });
  }
  return out;
}

/**
 * A condition whose metric no file of its benchmark reports can never hold: say so once per
 * benchmark and metric, so a rule-in that cannot fire is visible.
 */
function metricsNotFound(
  policy: Policy,
  thresholds: ModelDecision['thresholds'],
  model: ModelState,
): ModelReason[] {
  const out: ModelReason[] = [];
  const said = new Set<string>();
  for (const t of thresholds) {
    for (const leaf of [...t.evidence, ...t.review]) {
      if (leaf.found_metrics === null) continue;
      const key = `${leaf.benchmark}\u0000${leaf.metric}\u0000${leaf.scorer ?? ''}`;
      if (said.has(key)) continue;
      said.add(key);
      out.push({
        code: 'metric-not-found',
        severity: 'info',
        message: `${t.id}: ${leaf.note.replace(/: cannot rule out$/, '')}; this condition cannot hold until a file reports that metric`,
        // At the condition when the policy file holds it; a preset's lines and the organization
        // policy's are not in the repository.
        ...(isRepositoryFile(policy, leaf.policy_file)
          ? { file: leaf.policy_file, line: leaf.policy_line }
          : { file: model.card, line: model.line }),
      });
    }
  }
  return out;
}

/** One note per file that names another model than the card's. */
function modelMismatches(model: ModelState): ModelReason[] {
  const out: ModelReason[] = [];
  const mismatched = new Set<string>();
  for (const r of model.evidence) {
    if (r.model === null || mismatched.has(r.file)) continue;
    const a = shortModel(r.model);
    const b = shortModel(model.id);
    if (!a.includes(b) && !b.includes(a)) {
      mismatched.add(r.file);
      out.push({
        code: 'model-mismatch',
        severity: 'info',
        message: `${r.file} names model \`${r.model}\`, not ${model.id}; counted as evidence for ${model.id} because the card's evals globs match it`,
        file: r.file,
        line: r.line,
      });
    }
  }
  return out;
}

const THRESHOLD_CODE: Record<ModelDecision['thresholds'][number]['status'], string> = {
  crossed: 'threshold-crossed',
  not_ruled_out: 'threshold-not-ruled-out',
  cleared_by_decision: 'threshold-cleared',
  ruled_out: 'threshold-ruled-out',
};

/** How each threshold came out, its review flags, and the capability decisions that did not count. */
function thresholdReasons(
  policy: Policy,
  model: ModelState,
  decision: ModelDecision,
  attestations: TrustedAttestation[],
  context: ReviewContext,
  now: Date,
): ModelReason[] {
  const out: ModelReason[] = [];
  for (const t of decision.thresholds) {
    const deciding = decidingCondition(t);
    out.push({
      code: THRESHOLD_CODE[t.status],
      severity: 'info',
      message: `${t.id}: ${t.summary}`,
      file: t.decision?.file ?? deciding?.file ?? model.card,
      line: t.decision?.line ?? deciding?.line ?? model.line,
    });
    for (const flag of t.review) {
      out.push({
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
      out.push({
        code: 'decision-not-counted',
        severity: 'info',
        message: `capability decision on ${t.id} not counted: ${r.why}`,
        file: r.attestation.file,
        line: r.attestation.line,
      });
    }
  }
  return out;
}

/**
 * A reached alert (`alert_if`) needs its signed response: missing blocks, answered is a note.
 * Neither changes the threshold's status or the level.
 */
function alertReasons(model: ModelState, decision: ModelDecision): ModelReason[] {
  const out: ModelReason[] = [];
  for (const t of decision.thresholds) {
    const alert = t.alert;
    if (alert === null || !alert.reached) continue;
    const held = alert.conditions
      .map((c) => `${c.note}${c.file ? `, ${c.file}${c.line !== null ? `:${c.line}` : ''}` : ''}`)
      .join('; ');
    const report = `\`report: ${alert.report}\``;
    const signers = alert.signers.join(' and ');
    const first = alert.conditions[0];
    out.push(
      alert.status === 'missing'
        ? {
            code: 'alert-response-missing',
            severity: 'block',
            message: `${t.id}: alert threshold reached (${held}): a ${report} attestation signed by ${signers} is required; the alert does not raise the level`,
            file: first?.file ?? model.card,
            line: first?.file ? first.line : model.line,
          }
        : {
            code: 'alert-reached',
            severity: 'info',
            message: `${t.id}: alert threshold reached (${held}), answered by the ${report} signed by ${signers}; the alert does not raise the level`,
            file: alert.file,
            line: alert.line,
          },
    );
  }
  return out;
}

/** Without `approvals.override` (or with `none`) no override counts: each one says so. */
function overridesNotCounted(model: ModelState, attestations: TrustedAttestation[]): ModelReason[] {
  return attestations
    .filter(({ attestation: a }) => a.kind === 'override' && appliesTo(a, model.id))
    .map(({ attestation: a }) => ({
      code: 'override-not-counted',
      severity: 'info',
      message: `override of ${a.target} for ${model.id} is not counted: the policy grants no override of an undefined level (\`approvals.override\` is \`none\` or not set); the level's safeguards must be defined instead`,
      file: a.file,
      line: a.line,
    }));
}

/**
 * A level the policy does not define yet blocks unless a trusted override is signed by the roles
 * `approvals.override` names; when the policy grants no override, it blocks until it is defined.
 */
function undefinedLevelReasons(
  policy: Policy,
  model: ModelState,
  decision: ModelDecision,
  attestations: TrustedAttestation[],
  context: ReviewContext,
): ModelReason[] {
  const roles = policy.approvals.override;
  if (roles === null)
    return [...overridesNotCounted(model, attestations), ...noOverride(policy, model, decision)];
  const out: ModelReason[] = [];
  for (const kind of ['deployment', 'security'] as const) {
    const level = decision.levels[kind];
    if (!policy.undefinedLevels.includes(level)) continue;
    const override = attestations.find(
      ({ attestation: a, trusted }) =>
        trusted &&
        a.kind === 'override' &&
        a.target === level &&
        appliesTo(a, model.id) &&
        approversFit(policy, a.approvedBy, roles, context.teams, true).ok,
    );
    out.push(
      override
        ? {
            code: 'undefined-level-overridden',
            severity: 'info',
            message: `${kind} level ${level} is not yet defined by the policy; proceeding under the signed override (${override.attestation.reason ?? 'no reason given'})`,
            file: override.attestation.file,
            line: override.attestation.line,
          }
        : {
            code: 'undefined-level',
            severity: 'block',
            message: `${model.id} reaches ${kind} ${level}, whose safeguards the policy does not define yet; it blocks unless an override is signed by ${roles.join(' and ')}`,
            file: model.card,
            line: model.line,
          },
    );
  }
  return out;
}

/** Each undefined level reached blocks: with no override granted, only defining it unblocks. */
function noOverride(policy: Policy, model: ModelState, decision: ModelDecision): ModelReason[] {
  return (['deployment', 'security'] as const)
    .filter((kind) => policy.undefinedLevels.includes(decision.levels[kind]))
    .map((kind) => ({
      code: 'undefined-level',
      severity: 'block',
      message: `${model.id} reaches ${kind} ${decision.levels[kind]}, whose safeguards the policy does not define yet, and the policy grants no override: the level's safeguards must be defined first, a policy change its owners (${policy.policyOwners.join(' and ')}) approve`,
      file: model.card,
      line: model.line,
    }));
}

/** When a sign-off expired, and how to renew it. */
function expiredSignoff(s: ModelDecision['signoffs'][number], now: Date): string {
  const given =
    s.via === 'review'
      ? `approving review of ${s.date ?? 'no date'}`
      : `\`signoff: ${s.level}\` attestation dated ${s.date ?? 'no date'}`;
  const lapse =
    s.date !== null && datedAhead(s.date, now)
      ? 'does not count: it is dated after today, so it cannot show when it was given'
      : s.expires === null
        ? 'has expired: it is undated, so it cannot show it is recent'
        : `has expired: it was valid until ${s.expires}`;
  return `${s.level} sign-off by ${s.role} (@${s.by}, ${given}) ${lapse}; renew it with an approving review on the head commit from ${s.role}, or a new dated \`signoff: ${s.level}\` attestation`;
}

/** Every required safeguard, sign-off and trigger report that is not met blocks. */
function unmetReasons(
  policy: Policy,
  model: ModelState,
  decision: ModelDecision,
  now: Date,
): ModelReason[] {
  const at = { file: model.card, line: model.line };
  const out: ModelReason[] = [];
  for (const s of decision.safeguards) {
    if (s.status === 'satisfied') continue;
    out.push({
      code: `safeguard-${s.status}`,
      severity: 'block',
      message: `${s.level} ${s.kind} safeguard \`${s.id}\` (${s.title}) is ${s.status}: ${s.note}`,
      ...at,
    });
  }
  for (const s of decision.signoffs) {
    if (s.status === 'expired') {
      out.push({
        code: 'signoff-expired',
        severity: 'block',
        message: expiredSignoff(s, now),
        ...at,
      });
      continue;
    }
    if (s.status !== 'missing') continue;
    out.push({
      code: 'signoff-missing',
      severity: 'block',
      message: `${s.level} needs sign-off by ${s.role}: an approving review on the head commit, or a signed \`signoff: ${s.level}\` attestation`,
      ...at,
    });
  }
  for (const t of decision.triggers) {
    if (t.status !== 'missing') continue;
    const signers = policy.triggers.find((p) => p.id === t.id)!.signers.join(' and ');
    out.push({
      code: 'trigger-unmet',
      severity: 'block',
      message: `trigger ${t.id} fired (${t.why}): a \`report: ${t.requires_attestation}\` attestation signed by ${signers} is required`,
      ...at,
    });
  }
  return out;
}

/** Every reason one model's judgment gives, in the order the comment and annotations show them. */
export function modelReasons(
  policy: Policy,
  model: ModelState,
  evidence: BoundEvidence,
  decision: ModelDecision,
  attestations: TrustedAttestation[],
  context: ReviewContext,
  now: Date,
): Reason[] {
  return [
    ...evidenceReasons(model, evidence),
    ...metricsNotFound(policy, decision.thresholds, model),
    ...modelMismatches(model),
    ...thresholdReasons(policy, model, decision, attestations, context, now),
    ...alertReasons(model, decision),
    ...undefinedLevelReasons(policy, model, decision, attestations, context),
    ...declarationReasons(
      policy,
      model,
      decision,
      impliedLevels(policy, decision.thresholds),
      attestations,
      context.teams,
      now,
    ),
    ...unmetReasons(policy, model, decision, now),
  ].map((reason) => ({ ...reason, model: model.id }));
}
