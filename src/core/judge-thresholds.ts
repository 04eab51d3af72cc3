/** Threshold status for one model: crossed, ruled out, not ruled out, or cleared by a decision. */
import { judge, type JudgeContext } from './conditions.js';
import type { ConditionResult, ThresholdResult } from './decision.js';
import type { Attestation } from './inputs.js';
import { approversFit, appliesTo, isExpired } from './people.js';
import type { BoundEvidence } from './normalise-evidence.js';
import type { Policy, Threshold } from '../policy/types.js';

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
  const base = { id: threshold.id, requires: threshold.requires, evidence, review, decision: null };

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
  // When decisions disagree, "above" wins: the cautious reading, whatever the file order.
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
    const { file, line, approvedBy } = d.attestation;
    const decision = { file, line, approved_by: approvedBy };
    if (d.attestation.verdict === 'above') {
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
  }
  return out;
}
