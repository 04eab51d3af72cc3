/** Who holds which role, who approved what, and which attestations can be trusted. */
import { independenceBar, independenceOf } from './independence.js';
import type { Attestation, Review, ReviewContext } from './inputs.js';
import type { Policy } from '../policy/types.js';

export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export interface RoleCheck {
  holds: boolean;
  /** Set when membership could not be decided because team membership is unknown. */
  unresolvedTeams: string[];
}

export function holdsRole(
  policy: Pick<Policy, 'roles'>,
  roleId: string,
  user: string,
  teams: Map<string, string[]> | null,
): RoleCheck {
  const role = policy.roles.get(roleId);
  if (!role) return { holds: false, unresolvedTeams: [] };
  if (role.users.some((u) => sameLogin(u, user))) return { holds: true, unresolvedTeams: [] };
  const unresolved: string[] = [];
  for (const team of role.teams) {
    const members = teams?.get(team.toLowerCase()) ?? teams?.get(team);
    if (members === undefined) unresolved.push(team);
    else if (members.some((m) => sameLogin(m, user))) return { holds: true, unresolvedTeams: [] };
  }
  return { holds: false, unresolvedTeams: unresolved };
}

export function rolesOf(
  policy: Pick<Policy, 'roles'>,
  user: string,
  roleIds: string[],
  teams: Map<string, string[]> | null,
): string[] {
  return roleIds.filter((r) => holdsRole(policy, r, user, teams).holds);
}

/** Each user's latest deciding review (comments and pending reviews decide nothing), by login. */
export function latestReviews(context: Pick<ReviewContext, 'reviews'>): Map<string, Review> {
  const latest = new Map<string, Review>();
  for (const review of context.reviews) {
    if (review.state === 'COMMENTED' || review.state === 'PENDING') continue;
    const key = review.user.toLowerCase();
    const previous = latest.get(key);
    if (!previous || previous.submittedAt <= review.submittedAt) latest.set(key, review);
  }
  return latest;
}

/** Each user's latest review decides; only an APPROVED on the head commit counts. */
export function approversOnHead(context: Pick<ReviewContext, 'reviews' | 'headSha'>): Set<string> {
  const approved = new Set<string>();
  for (const [user, review] of latestReviews(context)) {
    if (
      review.state === 'APPROVED' &&
      // Stryker disable next-line ConditionalExpression: a review's commit is a string, so it never equals a null head; the test only says so
      context.headSha !== null &&
      review.commit === context.headSha
    ) {
      approved.add(user);
    }
  }
  return approved;
}

/** A role holder's request for changes that stands, with why it still stands. */
export interface StandingRequest {
  review: Review;
  roles: string[];
  /** Set when the review was dismissed and the dismissal does not lift it: why not. */
  dismissalRefused: string | null;
}

/** A policy's roles, and the organization policy it builds on, if any (which roles are its). */
type RolesOf = Pick<Policy, 'roles'> & Partial<Pick<Policy, 'organization'>>;

/**
 * Why a dismissal does not lift a role holder's request for changes, or null when it does. Anyone
 * with write access can dismiss a review, the change's own author included, so a dismissal counts
 * only from the reviewer, or from someone holding a policy role who did not write the change. On
 * a policy built on the organization's, only a role the organization policy defines counts: a
 * repository policy may add roles, and with them it could otherwise name who overrules the
 * organization's role holders.
 */
function dismissalRefusal(
  policy: RolesOf,
  context: Pick<ReviewContext, 'teams' | 'author' | 'writers'>,
  review: Review,
): string | null {
  const dismissal = review.dismissal;
  if (!dismissal)
    return 'GitHub did not say what the dismissed review was or who dismissed it, so the gate treats it as a request for changes';
  if (dismissal.was !== 'CHANGES_REQUESTED') return null;
  const by = dismissal.by;
  if (by === null) return 'a deleted account dismissed it';
  if (sameLogin(by, review.user)) return null;
  const organization = policy.organization ?? null;
  const lifting = organization === null ? [...policy.roles.keys()] : organization.roles;
  if (rolesOf(policy, by, lifting, context.teams).length === 0)
    return organization === null
      ? `@${by}, who dismissed it, holds no role in the policy`
      : `@${by}, who dismissed it, holds no role of the organization policy`;
  const bar = independenceBar(independenceOf(context), by);
  return bar === null
    ? null
    : // Stryker disable next-line Regex: independenceBar's sentence holds that clause once, at its end, so the anchor changes nothing
      `@${by}, who dismissed it, ${bar.replace(/, so may not confirm an independent safeguard$/, '')}`;
}

/**
 * Holders of a policy role whose latest review requests changes, on any commit, with the roles
 * they hold: each is a revocation that stands until they approve, or until the review is
 * dismissed by someone allowed to lift it (see `dismissalRefusal`).
 */
export function changesRequestedByRoleHolders(
  policy: RolesOf,
  context: Pick<ReviewContext, 'reviews' | 'teams' | 'author' | 'writers'>,
): StandingRequest[] {
  const roleIds = [...policy.roles.keys()];
  const standing: StandingRequest[] = [];
  for (const review of latestReviews(context).values()) {
    if (review.state !== 'CHANGES_REQUESTED' && review.state !== 'DISMISSED') continue;
    const roles = rolesOf(policy, review.user, roleIds, context.teams);
    if (roles.length === 0) continue;
    const dismissalRefused =
      review.state === 'DISMISSED' ? dismissalRefusal(policy, context, review) : null;
    if (review.state === 'DISMISSED' && dismissalRefused === null) continue;
    standing.push({ review, roles, dismissalRefused });
  }
  return standing;
}

export interface Trust {
  trusted: boolean;
  /** Why not, in words. */
  why: string | null;
}

/**
 * An attestation is trusted when it is already on the base branch, or when every approver it
 * names has approved the head commit. Judging a state (no base), every attestation is trusted.
 */
export function trustOf(
  attestation: Attestation,
  baseFingerprints: Set<string> | null,
  approvedOnHead: Set<string>,
): Trust {
  if (baseFingerprints === null || baseFingerprints.has(attestation.fingerprint))
    return { trusted: true, why: null };
  const missing = attestation.approvedBy.filter((u) => !approvedOnHead.has(u.toLowerCase()));
  if (missing.length === 0) return { trusted: true, why: null };
  return {
    trusted: false,
    why: `new in this change and not yet approved on the head commit by ${missing.map((u) => `@${u}`).join(', ')}`,
  };
}

/** Every approver must hold one of `roles`; when `coverAll`, each role needs one approver. */
export function approversFit(
  policy: Pick<Policy, 'roles'>,
  approvedBy: string[],
  roles: string[],
  teams: Map<string, string[]> | null,
  coverAll: boolean,
): { ok: boolean; why: string | null } {
  const outsiders = approvedBy.filter((u) => rolesOf(policy, u, roles, teams).length === 0);
  if (outsiders.length > 0) {
    return {
      ok: false,
      why: `${outsiders.map((u) => `@${u}`).join(', ')} ${outsiders.length === 1 ? 'holds' : 'hold'} none of the allowed roles (${roles.join(', ')})`,
    };
  }
  if (coverAll) {
    const uncovered = roles.filter(
      (r) => !approvedBy.some((u) => holdsRole(policy, r, u, teams).holds),
    );
    if (uncovered.length > 0)
      return { ok: false, why: `no approver holds the role ${uncovered.join(', ')}` };
  }
  return { ok: true, why: null };
}

/**
 * Whether a YYYY-MM-DD date lies after today anywhere on Earth: its day begins more than a day
 * after now (UTC). Such a date cannot be when an approval was given, and under a renewal period
 * it would put off re-approval by as long as it is ahead.
 */
export function datedAhead(date: string, now: Date): boolean {
  return Date.parse(`${date}T00:00:00Z`) - 86_400_000 > now.getTime();
}

export function isExpired(
  date: string | null,
  expires: string | null,
  afterDays: number | null,
  now: Date,
): string | null {
  // A date more than a day ahead cannot be when an approval was given: under a renewal period it
  // would put off re-approval, and a decision so dated would outdate any report it requires.
  // Stryker disable next-line ConditionalExpression: without the guard, Date.parse('nullT00:00:00Z') is NaN, so an undated approval is never ahead either way
  if (date !== null && datedAhead(date, now))
    return `dated ${date}, after today: an approval cannot be dated ahead`;
  // Stryker disable next-line ConditionalExpression: without the guard, Date.parse('nullT23:59:59Z') is NaN and NaN < now is false, so null never expires either way
  if (expires !== null) {
    if (Date.parse(`${expires}T23:59:59Z`) < now.getTime()) return `expired on ${expires}`;
  }
  if (afterDays !== null) {
    // Stryker disable next-line ConditionalExpression: without the guard, Date.parse('nullT00:00:00Z') is NaN and NaN < now is false, so an undated approval never falls due either way
    if (date !== null) {
      const end = Date.parse(`${date}T00:00:00Z`) + afterDays * 86_400_000;
      if (end < now.getTime()) {
        return `approved ${date}, which is more than ${afterDays} days ago: re-approval is due`;
      }
    }
  }
  return null;
}

/**
 * The last day (YYYY-MM-DD) an approval dated `date` stays valid under `isExpired`: its own
 * `expires`, or the day before `afterDays` days have passed since `date`, whichever comes first.
 * Null when neither limits it.
 */
export function validUntil(
  date: string | null,
  expires: string | null,
  afterDays: number | null,
): string | null {
  const byDays =
    afterDays !== null && date !== null
      ? new Date(Date.parse(`${date}T00:00:00Z`) + (afterDays - 1) * 86_400_000)
          .toISOString()
          .slice(0, 10)
      : null;
  // Stryker disable next-line MethodExpression,ConditionalExpression: a null would sort after every YYYY-MM-DD anyway ('n' follows the digits), so the filter only serves the type checker and the reader
  return [expires, byDays].filter((d): d is string => d !== null).sort()[0] ?? null;
}

export function appliesTo(attestation: Attestation, modelId: string): boolean {
  return attestation.model === '*' || attestation.model.toLowerCase() === modelId.toLowerCase();
}
