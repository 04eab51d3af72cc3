/** Required safeguards, sign-offs and trigger attestations for one model. */
import {
  ACTIVE,
  type Levels,
  type SafeguardResult,
  type SignoffResult,
  type ThresholdResult,
  type TriggerResult,
} from './decision.js';
import { independenceBar, independenceOf, nobodyMayConfirm } from './independence.js';
import type { Confirmation, ReviewContext } from './inputs.js';
import type { TrustedAttestation } from './judge-thresholds.js';
import {
  approversFit,
  appliesTo,
  holdsRole,
  isExpired,
  latestReviews,
  validUntil,
} from './people.js';
import { compare, symbol } from './conditions.js';
import {
  levelRank,
  type Kind,
  type Policy,
  type Safeguard,
  type Trigger,
} from '../policy/types.js';

/** Cumulative: every safeguard of a kind at or below the implied level of that kind. */
export function requiredSafeguards(
  policy: Policy,
  levels: Levels,
  thresholds: ThresholdResult[],
): Safeguard[] {
  const active = new Set(thresholds.filter((t) => ACTIVE.has(t.status)).map((t) => t.id));
  return policy.safeguards.filter((s) => {
    const implied = levels[s.kind as Kind];
    if (levelRank(policy, s.level) > levelRank(policy, implied)) return false;
    return s.thresholds === null || s.thresholds.some((id) => active.has(id));
  });
}

export function judgeSafeguard(
  safeguard: Safeguard,
  policy: Policy,
  modelId: string,
  attestations: TrustedAttestation[],
  confirmations: Confirmation[],
  context: ReviewContext,
  now: Date,
): SafeguardResult {
  const result: SafeguardResult = {
    id: safeguard.id,
    level: safeguard.level,
    kind: safeguard.kind,
    title: safeguard.title,
    status: 'missing',
    independent: safeguard.independent,
    signers: safeguard.signers,
    confirmed_by: [],
    rejected: [],
    note: `needs confirmation by ${safeguard.signers.join(' or ')}`,
  };
  // Nobody who wrote the change confirms an independent item (core/independence.ts).
  const independence = safeguard.independent ? independenceOf(context) : null;
  const barred = (user: string) =>
    independence === null ? null : independenceBar(independence, user);
  let expiredNote: string | null = null;
  const untrusted: string[] = [];

  for (const { attestation: a, trusted, why } of attestations) {
    if (a.kind !== 'safeguard' || a.target !== safeguard.id || !appliesTo(a, modelId)) continue;
    const at = `${a.file}:${a.line}`;
    if (!trusted) {
      untrusted.push(`${at} ${why}`);
      continue;
    }
    const fit = approversFit(policy, a.approvedBy, safeguard.signers, context.teams, false);
    if (!fit.ok) {
      result.rejected.push({ user: a.approvedBy.join(', '), why: `attestation ${at}: ${fit.why}` });
      continue;
    }
    const writer = a.approvedBy.find((user) => barred(user) !== null);
    if (writer !== undefined) {
      result.rejected.push({ user: writer, why: `attestation ${at}: ${barred(writer)}` });
      continue;
    }
    const expired = isExpired(a.date, a.expires, safeguard.expiresAfterDays, now);
    if (expired) {
      expiredNote = `attestation ${at} ${expired}`;
      continue;
    }
    for (const user of a.approvedBy)
      result.confirmed_by.push({ user, via: 'attestation', file: a.file, line: a.line });
  }

  for (const c of confirmations) {
    if (c.safeguard !== safeguard.id || c.model.toLowerCase() !== modelId.toLowerCase()) continue;
    const roles = safeguard.signers.map((r) => holdsRole(policy, r, c.user, context.teams));
    if (!roles.some((r) => r.holds)) {
      const unresolved = roles.flatMap((r) => r.unresolvedTeams);
      const why =
        unresolved.length > 0
          ? `holds none of ${safeguard.signers.join(', ')} as far as the gate can see: team membership of ${unresolved.join(', ')} cannot be read with this token`
          : `holds none of the allowed roles (${safeguard.signers.join(', ')})`;
      result.rejected.push({ user: c.user, why });
      continue;
    }
    const bar = barred(c.user);
    if (bar !== null) {
      result.rejected.push({ user: c.user, why: bar });
      continue;
    }
    result.confirmed_by.push({ user: c.user, via: 'checklist', file: null, line: null });
  }

  if (result.confirmed_by.length > 0) {
    result.status = 'satisfied';
    const first = result.confirmed_by[0]!;
    result.note =
      first.via === 'attestation'
        ? `attested in ${first.file}:${first.line}`
        : `confirmed by @${first.user} in the checklist`;
  } else if (result.rejected.length > 0) {
    result.status = 'rejected';
    result.note = result.rejected.map((r) => `@${r.user}: ${r.why}`).join('; ');
  } else if (expiredNote !== null) {
    result.status = 'expired';
    result.note = expiredNote;
  } else if (untrusted.length > 0) {
    result.note = `attestation ${untrusted.join('; ')}`;
  } else if (independence !== null && nobodyMayConfirm(independence) !== null) {
    result.note = `${result.note}; ${nobodyMayConfirm(independence)}`;
  }
  return result;
}

/** One sign-off a role holder gave: an approving review on the head commit, or an attestation. */
interface GivenSignoff {
  by: string;
  via: 'review' | 'attestation';
  date: string | null;
  expires: string | null;
}

/** Every sign-off for `level` by a holder of `role`: reviews on the head first, then attestations. */
function givenSignoffs(
  policy: Policy,
  modelId: string,
  level: string,
  role: string,
  attestations: TrustedAttestation[],
  context: ReviewContext,
  approvedOnHead: Set<string>,
): GivenSignoff[] {
  const holds = (user: string) => holdsRole(policy, role, user, context.teams).holds;
  const reviews = latestReviews(context);
  const given: GivenSignoff[] = [...approvedOnHead].filter(holds).map((by) => {
    // `approvedOnHead` holds the logins of `latestReviews`: a review is dated by the day (UTC) it
    // was submitted; GitHub leaves the time empty only on a pending review, which approves nothing.
    const at = Date.parse(reviews.get(by)!.submittedAt);
    const date = Number.isNaN(at) ? null : new Date(at).toISOString().slice(0, 10);
    return { by, via: 'review', date, expires: null };
  });
  for (const { attestation: a, trusted } of attestations) {
    if (!trusted || a.kind !== 'signoff' || a.target !== level || !appliesTo(a, modelId)) continue;
    const by = a.approvedBy.find(holds);
    if (by !== undefined) given.push({ by, via: 'attestation', date: a.date, expires: a.expires });
  }
  return given;
}

/** Whether a sign-off no longer counts: the same expiry as safeguards (`isExpired`). */
function hasExpired(given: GivenSignoff, afterDays: number | null, now: Date): boolean {
  // Only a review can be undated (an attestation's date is required, and a review has no
  // `expires`): one that must be renewed cannot show it is recent, so it has expired.
  if (given.date === null) return afterDays !== null;
  return isExpired(given.date, given.expires, afterDays, now) !== null;
}

/**
 * Sign-off rules that apply at these levels: one result per required role. A role is signed off
 * by an unexpired sign-off; when every sign-off it has expired, the result says `expired`.
 */
export function judgeSignoffs(
  policy: Policy,
  modelId: string,
  levels: Levels,
  attestations: TrustedAttestation[],
  context: ReviewContext,
  approvedOnHead: Set<string>,
  now: Date,
): SignoffResult[] {
  const results: SignoffResult[] = [];
  for (const rule of policy.signoffs) {
    const kinds: Kind[] = rule.kind ? [rule.kind] : ['deployment', 'security'];
    const applies = kinds.some(
      (k) => levelRank(policy, levels[k]) >= levelRank(policy, rule.level),
    );
    if (!applies) continue;
    for (const role of rule.roles) {
      const given = givenSignoffs(
        policy,
        modelId,
        rule.level,
        role,
        attestations,
        context,
        approvedOnHead,
      );
      const valid = given.find((g) => !hasExpired(g, rule.expiresAfterDays, now));
      const shown = valid ?? given[0];
      results.push({
        level: rule.level,
        role,
        status: valid ? 'satisfied' : shown ? 'expired' : 'missing',
        by: shown?.by ?? null,
        via: shown?.via ?? null,
        date: shown?.date ?? null,
        expires: shown ? validUntil(shown.date, shown.expires, rule.expiresAfterDays) : null,
      });
    }
  }
  return results;
}

/** `date` (YYYY-MM-DD) plus `months` calendar months, as YYYY-MM-DD. */
function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + Math.ceil(months));
  return d.toISOString().slice(0, 10);
}

function monthsBetween(from: string, to: Date): number {
  const start = new Date(`${from}T00:00:00Z`);
  const months =
    (to.getUTCFullYear() - start.getUTCFullYear()) * 12 + (to.getUTCMonth() - start.getUTCMonth());
  return to.getUTCDate() < start.getUTCDate() ? months - 1 : months;
}

export interface TriggerFacts {
  /** The model's own card, so a `previous` that names it is not taken as an earlier model. */
  card: string;
  effectiveCompute: number | null;
  previous: { card: string; effectiveCompute: number | null } | null;
  assessedAt: string | null;
}

/** Whether a trigger fires; unknown facts count as firing (the gate fails closed). */
export function judgeTrigger(
  trigger: Trigger,
  policy: Policy,
  modelId: string,
  facts: TriggerFacts,
  attestations: TrustedAttestation[],
  teams: Map<string, string[]> | null,
  now: Date,
): TriggerResult {
  const parts = trigger.conditions.map((c) => {
    if (c.measure === 'effective_compute_ratio') {
      // The first model of a lineage has nothing to be compared with: a new model is a
      // comprehensive assessment (RSP v2.2 §3.1 measures from the last comprehensively assessed
      // model; FSF and the Preparedness Framework assess every new frontier model). It fires at
      // the card's own assessment, so its report must be dated on or after `assessed_at`.
      if (facts.previous === null)
        return {
          fired: true,
          why: 'no previous model (rsp.previous): a new model is a comprehensive assessment',
        };
      // A card that names itself is no earlier model either.
      if (facts.previous.card === facts.card)
        return {
          fired: true,
          why: 'rsp.previous names this card itself: a new model is a comprehensive assessment',
        };
      if (facts.effectiveCompute === null || facts.previous.effectiveCompute === null) {
        return {
          fired: true,
          why: `effective compute ratio unknown (rsp.effective_compute missing in ${facts.effectiveCompute === null ? 'this card' : facts.previous.card})`,
        };
      }
      const ratio = facts.effectiveCompute / facts.previous.effectiveCompute;
      const fired = compare(ratio, c.op, c.value);
      return {
        fired,
        why: `effective compute ${Number(ratio.toPrecision(3))}× the previous model (trigger at ${symbol(c.op)} ${c.value}×)`,
      };
    }
    if (facts.assessedAt === null)
      return { fired: true, why: 'no comprehensive assessment date (rsp.assessed_at)' };
    if (Date.parse(`${facts.assessedAt}T00:00:00Z`) > now.getTime()) {
      return { fired: true, why: `the assessment date ${facts.assessedAt} is in the future` };
    }
    const months = monthsBetween(facts.assessedAt, now);
    const fired = compare(months, c.op, c.value);
    return {
      fired,
      why: `${months} months since the assessment of ${facts.assessedAt} (trigger at ${symbol(c.op)} ${c.value})`,
      // A report made before the trigger fired does not answer it.
      since: fired ? addMonths(facts.assessedAt, c.value) : undefined,
    };
  });
  const fired = trigger.mode === 'any' ? parts.some((p) => p.fired) : parts.every((p) => p.fired);
  const why = (fired ? parts.filter((p) => p.fired) : parts).map((p) => p.why).join('; ');
  if (!fired)
    return {
      id: trigger.id,
      fired,
      why,
      requires_attestation: trigger.requiresAttestation,
      status: 'not_fired',
    };
  const monthConditions = trigger.conditions.filter((c) => c.measure === 'months_since_assessment');
  // The report must be at least as recent as the last assessment and as every fired deadline.
  // For a new model the last assessment is its own: the trigger fires at `assessed_at`.
  const since = [facts.assessedAt, ...parts.map((p) => ('since' in p ? p.since : undefined))]
    .filter((d): d is string => typeof d === 'string')
    .sort()
    .at(-1);
  const satisfied = attestations.some(
    ({ attestation: a, trusted }) =>
      trusted &&
      a.kind === 'report' &&
      // An undated report cannot show that it followed the firing, whatever fired it.
      a.date !== null &&
      (since === undefined || a.date >= since) &&
      // A report is itself an assessment: measured from its date, the months condition must not fire.
      monthConditions.every(
        // Stryker disable next-line ConditionalExpression: a.date was found non-null above; the test is repeated only for the type checker
        (c) => a.date !== null && !compare(monthsBetween(a.date, now), c.op, c.value),
      ) &&
      a.target === trigger.requiresAttestation &&
      appliesTo(a, modelId) &&
      approversFit(policy, a.approvedBy, trigger.signers, teams, true).ok &&
      isExpired(a.date, a.expires, trigger.expiresAfterDays, now) === null,
  );
  return {
    id: trigger.id,
    fired,
    why,
    requires_attestation: trigger.requiresAttestation,
    status: satisfied ? 'satisfied' : 'missing',
  };
}
