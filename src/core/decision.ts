/** The decision record (schemas/decision.schema.json): what the gate decided and why. */
import type { EvidenceSource, RunStatus } from './evidence.js';
import type { Independence } from './independence.js';

export type ThresholdStatus = 'crossed' | 'ruled_out' | 'not_ruled_out' | 'cleared_by_decision';

/** Statuses that count as crossed: they raise the level. */
export const ACTIVE: ReadonlySet<ThresholdStatus> = new Set(['crossed', 'not_ruled_out']);
export type SafeguardStatus = 'satisfied' | 'missing' | 'expired' | 'rejected';
export type Rule = 'rule_in' | 'rule_out' | 'review_if' | 'alert_if';

/** One leaf condition, judged against the evidence. */
export interface ConditionResult {
  rule: Rule;
  benchmark: string;
  /** The metric the condition reads, as the policy writes it (`acc`, `exact_match,strict-match`). */
  metric: string;
  /** The Inspect scorer the condition reads, or null for any. */
  scorer: string | null;
  op: 'gt' | 'gte' | 'lt' | 'lte' | 'eq';
  threshold: number;
  provenance: 'published' | 'illustrative' | null;
  holds: boolean;
  /** A rule-out value on the rule-out side of the line but within its `too_close_within` band. */
  too_close: boolean;
  /** The deciding value on the benchmark's scale, or null when no usable evidence exists. */
  value: number | null;
  /** value − threshold, signed; null without a value. */
  margin: number | null;
  file: string | null;
  line: number | null;
  pointer: string | null;
  status: RunStatus | null;
  /** Where the cited record comes from, in the policy's `rule_out_from` vocabulary. */
  source: EvidenceSource | null;
  /**
   * When the benchmark has records but none with the metric this condition reads: the metrics
   * the files do have (the condition can never hold on them). Null otherwise.
   */
  found_metrics: string[] | null;
  /** Why it holds or not, in words. */
  note: string;
  /** Where the condition is written in the policy. */
  policy_file: string;
  policy_line: number;
}

export interface ThresholdResult {
  id: string;
  status: ThresholdStatus;
  requires: { deployment?: string; security?: string };
  /** One sentence a reviewer can read. */
  summary: string;
  evidence: ConditionResult[];
  review: ConditionResult[];
  decision: { file: string; line: number | null; approved_by: string[] } | null;
  /** The threshold's alert (`alert_if`), or null when it has none. Never changes the status. */
  alert: AlertResult | null;
}

export interface AlertResult {
  reached: boolean;
  /** The leaves of the alert conditions that hold. */
  conditions: ConditionResult[];
  /** The report id the response must be recorded under, and the roles that must all sign it. */
  report: string;
  signers: string[];
  status: 'not_reached' | 'satisfied' | 'missing';
  /** Where the satisfying attestation is. */
  file: string | null;
  line: number | null;
}

export interface Confirmer {
  user: string;
  via: 'attestation' | 'checklist';
  file: string | null;
  line: number | null;
}

export interface SafeguardResult {
  id: string;
  level: string;
  kind: 'deployment' | 'security';
  title: string;
  status: SafeguardStatus;
  independent: boolean;
  signers: string[];
  confirmed_by: Confirmer[];
  rejected: { user: string; why: string }[];
  /** Why it is not satisfied, or what satisfied it. */
  note: string;
}

export interface SignoffResult {
  level: string;
  role: string;
  /** `expired`: signed, but the sign-off's own `expires` or the rule's `expires_after_days` passed. */
  status: 'satisfied' | 'missing' | 'expired';
  by: string | null;
  via: 'review' | 'attestation' | null;
  /** The sign-off's date (a review's is the day it was submitted), or null. */
  date: string | null;
  /** The last day the sign-off is valid (YYYY-MM-DD), or null when nothing limits it. */
  expires: string | null;
}

export interface TriggerResult {
  id: string;
  fired: boolean;
  why: string;
  requires_attestation: string;
  status: 'satisfied' | 'missing' | 'not_fired';
}

export interface Levels {
  deployment: string;
  security: string;
}

export interface ModelDecision {
  id: string;
  card: string;
  line: number;
  levels: Levels;
  base_levels: Levels | null;
  /**
   * With `declared_levels`: the levels the model's signed declarations state (`levels` is the
   * higher of these and the thresholds'); null without the key or without a declaration of each kind.
   */
  declared: Levels | null;
  thresholds: ThresholdResult[];
  safeguards: SafeguardResult[];
  signoffs: SignoffResult[];
  triggers: TriggerResult[];
  evidence: { records: number; files: string[] };
}

export interface Reason {
  code: string;
  severity: 'block' | 'review' | 'info';
  message: string;
  file: string | null;
  line: number | null;
  model?: string;
}

/** A preset as the record names it: enough to tell which text judged. */
export interface PresetStamp {
  name: string;
  version: number;
  sha256: string;
}

/** The organization policy as the record names it: its repository, file and commit. */
export interface OrganizationStamp {
  repository: string;
  path: string;
  commit: string;
}

export interface DecisionRecord {
  decision: 'pass' | 'block';
  mode: 'enforce' | 'advisory';
  /**
   * `levels` is the policy's order, lowest first; `preset` the built-in preset it extends (or is),
   * at the version and digest this rsp-gate ships; `organization` the organization policy that
   * judged (the repository has no policy of its own) or that the repository policy builds on.
   */
  policy: {
    source: string;
    sha256: string;
    extends: string | null;
    preset: PresetStamp | null;
    organization: OrganizationStamp | null;
    levels: string[];
  };
  evaluated_at: string;
  head: string | null;
  models: ModelDecision[];
  reasons: Reason[];
  /**
   * What a pull request's judgment read: only the model cards it changes (the other models are
   * as the base branch has them), or the whole repository and why. Absent when judging a state.
   */
  scope?: { kind: 'cards'; cards: string[] } | { kind: 'repository'; reason: string | null };
  /**
   * Who wrote the change (opened it, authored or co-authored a non-merge commit) and so may not
   * confirm an independent safeguard, and why the writers cannot all be known, if they cannot.
   * Absent when judging a state or a change with no pull request.
   */
  independence?: Independence;
}

/**
 * The condition that explains a threshold's status: the rule-in that held (crossed), a rule-out
 * that held (ruled out), or the first rule-out that failed (not ruled out, cleared by decision).
 * One with a file is preferred, so a reason can point at a line.
 */
export function decidingCondition(t: ThresholdResult): ConditionResult | null {
  const fits = (e: ConditionResult) =>
    t.status === 'crossed'
      ? e.rule === 'rule_in' && e.holds
      : t.status === 'ruled_out'
        ? e.rule === 'rule_out' && e.holds
        : e.rule === 'rule_out' && !e.holds;
  return t.evidence.find((e) => fits(e) && e.file !== null) ?? t.evidence.find(fits) ?? null;
}
