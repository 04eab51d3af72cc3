/**
 * Threshold status for one model: crossed, ruled out, not ruled out, or cleared by a decision;
 * and, beside the status, whether its alert is reached and answered.
 */
import { judge, type JudgeContext } from './conditions.js';
import type { AlertResult, ConditionResult, ThresholdResult } from './decision.js';
import type { Attestation } from './inputs.js';
import { approversFit, appliesTo, isExpired } from './people.js';
import type { BoundEvidence } from './normalise-evidence.js';
import type { AlertResponse, Policy, Threshold } from '../policy/types.js';

export interface TrustedAttestation {
  attestation: Attestation;
  trusted: boolean;
  why: string | null;
}

/** The leaf that explains the outcome: one that cites a file when there is one, as decidingCondition does. */
function firstRelevant(leaves: ConditionResult[], holds: boolean): ConditionResult | undefined {
  return (
    leaves.find((l) => l.holds === holds && l.file !== null) ??
    leaves.find((l) => l.holds === holds) ??
    leaves[0]
  );
}

function cite(leaf: ConditionResult | undefined): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: the policy schema gives every any/all at least one condition, so a condition always has a leaf
  if (!leaf) return '';
  const where = leaf.file ? `, ${leaf.file}${leaf.line !== null ? `:${leaf.line}` : ''}` : '';
  return `${leaf.note}${where}`;
}

/**
 * The reports (`decision_requires`) a `verdict: below` decision still lacks for this model: those
 * with no trusted, unexpired `report: <id>` attestation that applies to it and is dated no later
 * than the decision. A report written after the decision is not one its signers decided on, so it
 * cannot make an earlier decision count.
 */
export function missingReports(
  threshold: Threshold,
  modelId: string,
  attestations: TrustedAttestation[],
  decision: Attestation,
  now: Date,
): string[] {
  return threshold.decisionRequires.filter(
    (id) =>
      !attestations.some(
        ({ attestation: a, trusted }) =>
          trusted &&
          a.kind === 'report' &&
          a.target === id &&
          appliesTo(a, modelId) &&
          // The attestation schema requires both dates (a null would compare false).
          a.date! <= decision.date! &&
          isExpired(a.date, a.expires, null, now) === null,
      ),
  );
}

/** Why a decision that lacks reports is not counted: "needs a `report: x` attestation …". */
function needsReports(missing: string[], modelId: string, decision: Attestation): string {
  const reports = missing.map((id) => `\`report: ${id}\``).join(' and a ');
  return `needs a ${reports} attestation for ${modelId}, trusted, unexpired and dated no later than the decision (${decision.date!}) (the threshold's decision_requires)`;
}

/** Whether an alert response is answered by this attestation: a trusted, dated, unexpired report for the model, signed by every role. */
function answersAlert(
  { attestation: a, trusted }: TrustedAttestation,
  response: AlertResponse,
  policy: Policy,
  modelId: string,
  teams: Map<string, string[]> | null,
  now: Date,
): boolean {
  return (
    trusted &&
    a.kind === 'report' &&
    a.target === response.report &&
    a.date !== null &&
    appliesTo(a, modelId) &&
    approversFit(policy, a.approvedBy, response.signers, teams, true).ok &&
    isExpired(a.date, a.expires, null, now) === null
  );
}

/** The threshold's alert: reached when an `alert_if` condition holds; answered by a signed report. */
function judgeAlert(
  threshold: Threshold,
  policy: Policy,
  modelId: string,
  ctx: JudgeContext,
  attestations: TrustedAttestation[],
  teams: Map<string, string[]> | null,
  now: Date,
): AlertResult | null {
  const response = threshold.alertResponse;
  if (response === null) return null;
  const holding = threshold.alertIf.map((c) => judge(c, 'alert_if', ctx)).filter((r) => r.holds);
  const alert = {
    reached: holding.length > 0,
    conditions: holding.flatMap((r) => r.leaves).filter((l) => l.holds),
    report: response.report,
    signers: [...response.signers],
    file: null,
    line: null,
  };
  if (!alert.reached) return { ...alert, status: 'not_reached' };
  const answer = attestations.find((a) =>
    answersAlert(a, response, policy, modelId, teams, now),
  )?.attestation;
  return answer
    ? { ...alert, status: 'satisfied', file: answer.file, line: answer.line }
    : { ...alert, status: 'missing' };
}

/**
 * The first capability decision on this threshold that counts: trusted, signed by every required
 * role, unexpired, and (for `verdict: below`) with every report the threshold requires.
 * When decisions disagree, "above" wins: the cautious reading, whatever the file order.
 */
function countedDecision(
  threshold: Threshold,
  policy: Policy,
  modelId: string,
  attestations: TrustedAttestation[],
  teams: Map<string, string[]> | null,
  now: Date,
): Attestation | undefined {
  const offered = attestations.filter(
    (a) =>
      a.attestation.kind === 'decision' &&
      a.attestation.target === threshold.id &&
      appliesTo(a.attestation, modelId),
  );
  const above = offered.filter((a) => a.attestation.verdict === 'above');
  // Stryker disable next-line MethodExpression: the first decision that counts decides, so listing an "above" twice (after the others above) changes nothing
  const decisions = [...above, ...offered.filter((a) => !above.includes(a))];
  for (const d of decisions) {
    if (!d.trusted) continue;
    const fit = approversFit(
      policy,
      d.attestation.approvedBy,
      policy.approvals.capabilityDecision,
      teams,
      true,
    );
    if (!fit.ok) continue;
    if (isExpired(d.attestation.date, d.attestation.expires, null, now)) continue;
    if (
      d.attestation.verdict !== 'above' &&
      missingReports(threshold, modelId, attestations, d.attestation, now).length > 0
    )
      continue;
    return d.attestation;
  }
  return undefined;
}

export function judgeThreshold(
  threshold: Threshold,
  policy: Policy,
  modelId: string,
  bound: BoundEvidence,
  attestations: TrustedAttestation[],
  teams: Map<string, string[]> | null,
  now: Date,
): ThresholdResult {
  const ctx: JudgeContext = {
    policy,
    records: bound.bound,
    byBenchmark: bound.byBenchmark,
    now,
    maxAgeDays: threshold.maxEvidenceAgeDays,
  };
  const ruleIn = threshold.ruleIn.map((c) => judge(c, 'rule_in', ctx));
  const ruleOut = threshold.ruleOut.map((c) => judge(c, 'rule_out', ctx));
  const review = threshold.reviewIf
    .flatMap((c) => judge(c, 'review_if', ctx).leaves)
    .filter((l) => l.holds);
  const evidence = [...ruleIn.flatMap((r) => r.leaves), ...ruleOut.flatMap((r) => r.leaves)];
  const alert = judgeAlert(threshold, policy, modelId, ctx, attestations, teams, now);
  const base = {
    id: threshold.id,
    requires: threshold.requires,
    evidence,
    review,
    decision: null,
    alert,
  };

  const crossedBy = ruleIn.find((r) => r.holds);
  if (crossedBy) {
    const leaf = firstRelevant(crossedBy.leaves, true);
    return {
      ...base,
      status: 'crossed',
      // Stryker disable next-line OptionalChaining: a rule-in that holds has at least one leaf (the schema gives any/all one condition or more)
      summary: `crossed: ${cite(leaf)} (rule-in${leaf?.provenance ? `, ${leaf.provenance}` : ''})`,
    };
  }
  if (threshold.ruleOut.length > 0 && ruleOut.every((r) => r.holds)) {
    return {
      ...base,
      status: 'ruled_out',
      summary: `ruled out: ${ruleOut
        .flatMap((r) => r.leaves)
        .filter((l) => l.holds)
        .map((l) => l.note)
        .join('; ')}`,
    };
  }

  const failing = ruleOut.find((r) => !r.holds);
  const why =
    threshold.ruleOut.length === 0
      ? 'no rule-out criteria: only a signed capability decision can clear it'
      : cite(firstRelevant(failing!.leaves, false));

  // A signed capability decision can clear what the evidence could not rule out.
  const counted = countedDecision(threshold, policy, modelId, attestations, teams, now);
  if (counted) {
    const { file, line, approvedBy } = counted;
    const decision = { file, line, approved_by: approvedBy };
    if (counted.verdict === 'above') {
      return {
        ...base,
        status: 'crossed',
        summary: `crossed by signed capability decision (${file}:${line})`,
        decision,
      };
    }
    return {
      ...base,
      status: 'cleared_by_decision',
      summary: `not ruled out by evidence (${why}), cleared by a signed capability decision (${file}:${line})`,
      decision,
    };
  }
  return {
    ...base,
    status: 'not_ruled_out',
    summary: `cannot be ruled out, so counts as crossed: ${why}`,
  };
}

/** Decisions that were offered but did not count, with why (for reasons). */
export function rejectedDecisions(
  threshold: Threshold,
  policy: Policy,
  modelId: string,
  attestations: TrustedAttestation[],
  teams: Map<string, string[]> | null,
  now: Date,
): { attestation: Attestation; why: string }[] {
  const out: { attestation: Attestation; why: string }[] = [];
  for (const d of attestations) {
    const a = d.attestation;
    if (a.kind !== 'decision' || a.target !== threshold.id || !appliesTo(a, modelId)) continue;
    if (!d.trusted) {
      out.push({ attestation: a, why: d.why ?? 'untrusted' });
      continue;
    }
    const fit = approversFit(
      policy,
      a.approvedBy,
      policy.approvals.capabilityDecision,
      teams,
      true,
    );
    if (!fit.ok) out.push({ attestation: a, why: fit.why! });
    const expired = isExpired(a.date, a.expires, null, now);
    if (expired) out.push({ attestation: a, why: expired });
    const missing =
      a.verdict === 'above' ? [] : missingReports(threshold, modelId, attestations, a, now);
    if (missing.length > 0) out.push({ attestation: a, why: needsReports(missing, modelId, a) });
  }
  return out;
}
