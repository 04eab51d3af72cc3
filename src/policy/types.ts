/** The policy after loading: presets merged, references checked, every item located. */
import type { EvidenceSource } from '../core/evidence.js';

export type Kind = 'deployment' | 'security';
export const KINDS: readonly Kind[] = ['deployment', 'security'];

export type Comparator = 'gt' | 'gte' | 'lt' | 'lte' | 'eq';
export const COMPARATORS: readonly Comparator[] = ['gt', 'gte', 'lt', 'lte', 'eq'];

export type Provenance = 'published' | 'illustrative';

/** Where an item was written: the policy file or a preset (`preset:<name>`), and its line. */
export interface Where {
  file: string;
  line: number;
}

export interface EvidenceCondition {
  type: 'evidence';
  benchmark: string;
  /** Metric to read, as written (`acc`, or `exact_match,strict-match` for one lm-eval filter); the benchmark's default when absent. */
  metric: string | null;
  /** Inspect scorer to read (`results.scores[].name`); the benchmark's, else any scorer, when absent. */
  scorer: string | null;
  op: Comparator;
  value: number;
  provenance: Provenance | null;
  source: string | null;
  /** `too_close_within` (rule-out leaves with lt, lte, gt, gte only): a band a value must clear. */
  tooClose: TooCloseBand | null;
  where: Where;
}

/**
 * How close to a rule-out line is too close to rule out: `absolute` in the benchmark's units, or
 * `relative` as a fraction of |line|.
 */
export interface TooCloseBand {
  kind: 'absolute' | 'relative';
  width: number;
  provenance: Provenance | null;
  source: string | null;
  note: string | null;
}

export interface GroupCondition {
  type: 'all' | 'any';
  items: Condition[];
  where: Where;
}

export type Condition = EvidenceCondition | GroupCondition;

export interface Benchmark {
  id: string;
  description: string | null;
  aliases: string[];
  /** The metric conditions read by default, as written (may carry `,filter`). */
  metric: string;
  metricAliases: string[];
  /** Inspect scorer conditions read by default; null reads every scorer. */
  scorer: string | null;
  scale: 'fraction' | 'percent' | 'unbounded';
  /** The scale of values that name neither metric nor scale (Hub `.eval_results`); null when undeclared. */
  reportedScale: 'fraction' | 'percent' | null;
  /** Sources whose records may rule out on this benchmark; null follows `evidence.rule_out_from`. */
  ruleOutFrom: EvidenceSource[] | null;
  higherIsBetter: boolean;
  where: Where;
}

export interface Role {
  id: string;
  description: string | null;
  users: string[];
  teams: string[];
}

export interface Threshold {
  id: string;
  domain: string | null;
  description: string | null;
  requires: Partial<Record<'deployment' | 'security', string>>;
  ruleIn: Condition[];
  ruleOut: Condition[];
  reviewIf: Condition[];
  maxEvidenceAgeDays: number | null;
  /** Reports (`report: <id>` attestations) a `verdict: below` capability decision needs to count. */
  decisionRequires: string[];
  /** Conditions that call for a signed response; they never change the status or the level. */
  alertIf: Condition[];
  /** The signed report an alert that is reached requires; set exactly when `alertIf` is. */
  alertResponse: AlertResponse | null;
  where: Where;
}

export interface AlertResponse {
  report: string;
  signers: string[];
}

export interface TriggerCondition {
  measure: 'effective_compute_ratio' | 'months_since_assessment';
  op: Comparator;
  value: number;
}

export interface Trigger {
  id: string;
  description: string | null;
  mode: 'any' | 'all';
  conditions: TriggerCondition[];
  requiresAttestation: string;
  signers: string[];
  expiresAfterDays: number | null;
  where: Where;
}

export interface Safeguard {
  id: string;
  level: string;
  kind: Kind;
  title: string;
  description: string | null;
  source: string | null;
  signers: string[];
  independent: boolean;
  expiresAfterDays: number | null;
  /** Required only while one of these thresholds is crossed or not ruled out. */
  thresholds: string[] | null;
  where: Where;
}

export interface Signoff {
  level: string;
  kind: Kind | null;
  roles: string[];
  description: string | null;
  /** A sign-off older than this many days no longer counts: re-approval is due. */
  expiresAfterDays: number | null;
  where: Where;
}

/** `declared_levels`: each model's level is declared in a signed `declaration` attestation. */
export interface DeclaredLevels {
  /** Roles that must all approve a declaration. */
  signers: string[];
  expiresAfterDays: number | null;
  where: Where;
}

/** An element of a framework that a preset does not enforce (shown by `rsp-gate presets`). */
export interface NotEnforced {
  element: string;
  why: string;
  source: string;
}

/** The built-in preset a policy extends (or is), as this rsp-gate ships it. */
export interface PresetInfo {
  name: string;
  /** Its `preset_version`. */
  version: number;
  /** sha256 of the preset file's bytes. */
  sha256: string;
  /** The version the policy pins (`extends: <name>@<N>`), or null when it does not pin. */
  pinned: number | null;
  /** The framework document it encodes (`source.document`). */
  document: string | null;
  notEnforced: NotEnforced[];
  /**
   * The policy's `extends` line; null when no line of the repository's policy names the preset:
   * it is judged on its own (no policy file), or through the organization policy.
   */
  where: Where | null;
}

/** `extends: organization`: a repository policy built on its organization's policy. */
export const ORGANIZATION = 'organization';

/**
 * An organization's policy as the GitHub App reads it: the policy file of the organization's
 * `.github` repository at the head commit of that repository's default branch.
 */
export interface OrganizationPolicy {
  /** `<owner>/.github`. */
  repository: string;
  /** The file's path in that repository (`.github/rsp-policy.yml`). */
  path: string;
  /** The commit it was read at (a full SHA). */
  commit: string;
  text: string;
}

/** The organization policy as the policy that judged names it. */
export interface OrganizationInfo {
  repository: string;
  path: string;
  commit: string;
  /** `organization: { required: true }`: every repository policy must build on it. */
  required: boolean;
  /**
   * The roles the organization policy defines (its preset's included). Only their holders may
   * lift a role holder's request for changes by dismissing it: a role a repository policy adds
   * is there to confirm what the repository adds, not to overrule the organization's role holders.
   */
  roles: string[];
}

/** How the organization policy's file is named in messages and `Where`: `acme/.github:<path>`. */
export function organizationFile(organization: { repository: string; path: string }): string {
  return `${organization.repository}:${organization.path}`;
}

/** The organization policy's `source`: its file at the short commit, `acme/.github:<path>@abc1234`. */
export function organizationSource(organization: {
  repository: string;
  path: string;
  commit: string;
}): string {
  return `${organizationFile(organization)}@${organization.commit.slice(0, 7)}`;
}

/**
 * A policy item's file is in the repository judged, not a preset's (`preset:<name>`) or the
 * organization policy's: only then can a reason point at its line.
 */
export function isRepositoryFile(policy: Pick<Policy, 'organization'>, file: string): boolean {
  if (file.startsWith('preset:')) return false;
  return policy.organization === null || file !== organizationFile(policy.organization);
}

export interface Policy {
  /** The policy file's path (`preset:<name>`, or the organization policy's `acme/.github:<path>`). */
  file: string;
  /** `<path>@<ref>`, `preset:<name>`, or the organization policy's `acme/.github:<path>@<commit7>`. */
  source: string;
  /** sha256 of the policy file's bytes (of the preset's when the policy is a preset). */
  sha256: string;
  /** The preset this policy extends, if any (through the organization policy, if it builds on it). */
  extends: string | null;
  /**
   * The organization policy that judged (no repository policy) or that the repository policy
   * builds on (`extends: organization`); null otherwise.
   */
  organization: OrganizationInfo | null;
  /** The preset this policy extends or is, its version and digest; null for a policy without one. */
  preset: PresetInfo | null;
  name: string | null;
  mode: 'enforce' | 'advisory';
  levels: string[];
  baseline: string;
  undefinedLevels: string[];
  roles: Map<string, Role>;
  policyOwners: string[];
  /** `override` is null when the policy grants no override of an undefined level. */
  approvals: { capabilityDecision: string[]; override: string[] | null };
  discovery: { cards: string[]; attestations: string[] };
  /** Which sources' records may rule a threshold out (any source may always rule in). */
  evidence: { ruleOutFrom: EvidenceSource[] };
  benchmarks: Map<string, Benchmark>;
  thresholds: Threshold[];
  triggers: Trigger[];
  safeguards: Safeguard[];
  signoffs: Signoff[];
  /** Null unless the policy says levels are declared (RSP v3.x): then level = max(computed, declared). */
  declaredLevels: DeclaredLevels | null;
}

/**
 * Numbers reported without a run to check (a model card's `model-index`, the Hub's
 * `.eval_results`) do not rule out unless a policy says so.
 */
export const DEFAULT_RULE_OUT_FROM: readonly EvidenceSource[] = [
  'inspect',
  'lm-eval',
  'lighteval',
  'every-eval-ever',
  'native',
];

export const DEFAULT_CARD_GLOBS = ['**/MODEL_CARD.md', 'models/*/README.md'];
export const DEFAULT_ATTESTATION_GLOBS = ['safeguards/**/*.yml'];

/** Index of a level in the policy's order; -1 when unknown. */
export function levelRank(policy: Pick<Policy, 'levels'>, level: string): number {
  return policy.levels.indexOf(level);
}
