/**
 * Load a policy: parse with positions, validate against the schema, merge it into what it
 * extends (lists by id, maps by key), and check every reference. Every error names the file, the
 * line and the key.
 *
 * How layers combine. A policy is a stack of layers, merged in order, each later one over the
 * earlier: scalars and settings (`mode`, `approvals.*`, …) replace, lists merge by id
 * (thresholds, triggers, safeguards) or by level and kind (sign-off rules), maps by key
 * (benchmarks, roles). The stacks are:
 *
 * - `extends: <preset>[@<version>]`: [preset, policy]. The policy may change anything its preset
 *   sets; a pin must name the version this rsp-gate ships (preset-version.ts).
 * - no `extends`: [policy].
 * - `extends: organization`: [the organization policy's preset (if it extends one), the
 *   organization policy, policy]. The organization policy (the GitHub App reads it from the
 *   organization's `.github` repository; `LoadPolicyOptions.organization`) is first loaded on its
 *   own, with its own pin rules. Everything it then sets is frozen (organization-policy.ts): the
 *   repository policy may only add thresholds, triggers, safeguards, benchmarks, roles and
 *   sign-off rules under ids and keys the organization policy does not have, so merging it
 *   appends and never replaces. Any other key is refused, `policy-org-frozen`, at the repository
 *   file's line, naming the organization file and commit.
 * - with no repository policy at all, the organization policy judges on its own
 *   (`loadOrganizationPolicy`).
 *
 * `organization: { required: true }` in the organization policy refuses a repository policy that
 * does not extend it (`policy-org-required`), so no repository opts out by writing its own. The
 * key belongs to the organization policy: a policy built on one, or loaded beside one, may not
 * set it (`policy-org-only`); a policy loaded with no organization policy (the organization's
 * own file, validated or judged in its `.github` repository) may, and it changes nothing there.
 * `extends: organization` with no organization policy given is refused (`policy-org-missing`):
 * the command line and the Action judge one repository and read none.
 */
import { InputError } from '../core/errors.js';
import type { EvidenceSource } from '../core/evidence.js';
import { validateDocument } from '../formats/validate.js';
import { escapePointerToken, parseYaml, type LocatedDocument } from '../formats/yaml.js';
import { escapesRepository } from '../repository/globs.js';
import { presetText, presetNames } from './presets.js';
import {
  checkOrganizationFrozen,
  organizationMissingError,
  organizationOnlyError,
  organizationRequiredError,
  signoffKey,
  type OrganizationBase,
} from './organization-policy.js';
import { checkPin, describePreset, parseExtends, sha256 } from './preset-version.js';
import {
  COMPARATORS,
  DEFAULT_ATTESTATION_GLOBS,
  DEFAULT_CARD_GLOBS,
  DEFAULT_RULE_OUT_FROM,
  ORGANIZATION,
  organizationFile,
  organizationSource,
  type Benchmark,
  type Comparator,
  type Condition,
  type DeclaredLevels,
  type Kind,
  type NotEnforced,
  type OrganizationInfo,
  type OrganizationPolicy,
  type Policy,
  type PresetInfo,
  type Role,
  type Safeguard,
  type Signoff,
  type Threshold,
  type TooCloseBand,
  type Trigger,
  type TriggerCondition,
} from './types.js';

/* The raw shapes the schema admits. */
interface RawCondition {
  benchmark?: string;
  metric?: string;
  scorer?: string;
  all?: RawCondition[];
  any?: RawCondition[];
  provenance?: 'published' | 'illustrative';
  source?: string;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  eq?: number;
  too_close_within?: RawBand;
}
interface RawBand {
  absolute?: number;
  relative?: number;
  provenance?: 'published' | 'illustrative';
  source?: string;
  note?: string;
}
interface RawPolicy {
  version: 1;
  extends?: string;
  organization?: { required?: boolean };
  preset_version?: number;
  not_enforced?: NotEnforced[];
  name?: string;
  mode?: 'enforce' | 'advisory';
  levels?: string[];
  baseline?: string;
  undefined_levels?: string[];
  roles?: Record<string, { description?: string; users?: string[]; teams?: string[] }>;
  policy_owners?: string[];
  approvals?: { capability_decision?: string[]; override?: string[] | 'none' };
  declared_levels?: { signers: string[]; expires_after_days?: number };
  discovery?: { cards?: string[]; attestations?: string[] };
  evidence?: { rule_out_from?: EvidenceSource[] };
  benchmarks?: Record<
    string,
    {
      description?: string;
      aliases?: string[];
      metric: string;
      metric_aliases?: string[];
      scorer?: string;
      scale: 'fraction' | 'percent' | 'unbounded';
      reported_scale?: 'fraction' | 'percent';
      rule_out_from?: EvidenceSource[];
      higher_is_better?: boolean;
    }
  >;
  thresholds?: {
    id: string;
    domain?: string;
    description?: string;
    requires: { deployment?: string; security?: string };
    rule_in?: RawCondition[];
    rule_out?: RawCondition[];
    review_if?: RawCondition[];
    max_evidence_age_days?: number;
    decision_requires?: string[];
    alert_if?: RawCondition[];
    alert_response?: { report: string; signers: string[] };
  }[];
  triggers?: {
    id: string;
    description?: string;
    any?: Record<string, Record<string, number>>[];
    all?: Record<string, Record<string, number>>[];
    requires_attestation: string;
    signers?: string[];
    expires_after_days?: number;
  }[];
  safeguards?: {
    id: string;
    level: string;
    kind: Kind;
    title: string;
    description?: string;
    source?: string;
    signers: string[];
    independent?: boolean;
    expires_after_days?: number;
    thresholds?: string[];
  }[];
  signoffs?: {
    level: string;
    kind?: Kind;
    roles: string[];
    description?: string;
    expires_after_days?: number;
  }[];
}

/** One parsed layer: the preset or the user's file. */
interface Layer {
  doc: LocatedDocument;
  raw: RawPolicy;
}

/** Where each converted item came from, so reference errors point at the exact key. */
const origins = new WeakMap<object, { doc: LocatedDocument; pointer: string }>();

function locatedError(
  item: object,
  subPointer: string,
  key: string,
  message: string,
  hint: string,
): InputError {
  const origin = origins.get(item);
  if (!origin) return new InputError('policy-reference', message, { file: 'policy', key }, hint);
  const position = origin.doc.locate(`${origin.pointer}${subPointer}`);
  return new InputError(
    'policy-reference',
    message,
    { file: origin.doc.file, ...position, key },
    hint,
  );
}

/** Keys only a built-in preset may set: they describe the preset, not a lab's policy. */
const PRESET_ONLY_KEYS = ['preset_version', 'not_enforced'] as const;

function checkPresetOnlyKeys(doc: LocatedDocument, raw: RawPolicy): void {
  for (const key of PRESET_ONLY_KEYS) {
    if (raw[key] === undefined) continue;
    throw new InputError(
      'policy-preset-only',
      `policy: \`${key}\` belongs to built-in presets only; a policy cannot set it`,
      { file: doc.file, ...doc.locateKey(`/${key}`), key },
      key === 'preset_version'
        ? 'to pin a preset version, write `extends: <preset>@<version>`'
        : 'remove it (see `rsp-gate presets` for what a preset does not enforce)',
    );
  }
}

function parseLayer(text: string, file: string, isPreset = false): Layer {
  const doc = parseYaml(text, file);
  if (doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value)) {
    throw new InputError(
      'schema',
      'policy: the file must be a YAML mapping',
      { file, line: 1, column: 1 },
      'start from `rsp-gate init`',
    );
  }
  validateDocument(doc, 'policy', 'policy');
  const raw = doc.value as RawPolicy;
  if (!isPreset) checkPresetOnlyKeys(doc, raw);
  checkDuplicateIds(doc, raw);
  checkDiscoveryGlobs(doc, raw);
  return { doc, raw };
}

/** Discovery globs are relative to the repository root and may not leave it. */
function checkDiscoveryGlobs(doc: LocatedDocument, raw: RawPolicy): void {
  for (const list of ['cards', 'attestations'] as const) {
    (raw.discovery?.[list] ?? []).forEach((glob, i) => {
      const why = escapesRepository(glob);
      if (why === null) return;
      const pointer = `/discovery/${list}/${i}`;
      throw new InputError(
        'policy-glob',
        `policy: discovery glob \`${glob}\`: ${why}`,
        { file: doc.file, ...doc.locate(pointer), key: `discovery.${list}[${i}]` },
        'discovery globs are relative to the repository root, e.g. `models/*/MODEL_CARD.md`',
      );
    });
  }
}

function checkDuplicateIds(doc: LocatedDocument, raw: RawPolicy): void {
  for (const list of ['thresholds', 'triggers', 'safeguards'] as const) {
    const seen = new Map<string, number>();
    (raw[list] ?? []).forEach((item, index) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        const pointer = `/${list}/${index}/id`;
        throw new InputError(
          'policy-duplicate-id',
          `policy: duplicate ${list.slice(0, -1)} id \`${item.id}\` (first at ${list}[${first}])`,
          { file: doc.file, ...doc.locate(pointer), key: `${list}[${index}].id` },
          'ids must be unique; to override a preset item, give it the preset id once',
        );
      }
      seen.set(item.id, index);
    });
  }
}

function where(doc: LocatedDocument, pointer: string) {
  return { file: doc.file, line: doc.locate(pointer).line };
}

/** The list a condition is written under: only `rule_out` leaves may carry `too_close_within`. */
type ConditionList = 'rule_in' | 'rule_out' | 'review_if' | 'alert_if';

function convertCondition(
  doc: LocatedDocument,
  raw: RawCondition,
  pointer: string,
  list: ConditionList,
): Condition {
  const w = where(doc, pointer);
  if (raw.all || raw.any) {
    const type = raw.all ? 'all' : 'any';
    const items = (raw.all ?? raw.any)!.map((c, i) =>
      convertCondition(doc, c, `${pointer}/${type}/${i}`, list),
    );
    const group: Condition = { type, items, where: w };
    origins.set(group, { doc, pointer });
    return group;
  }
  const ops = COMPARATORS.filter((op) => raw[op] !== undefined);
  if (ops.length !== 1) {
    throw new InputError(
      'schema',
      `policy: a condition needs exactly one of gt, gte, lt, lte, eq (found ${ops.length})`,
      { file: doc.file, ...doc.locate(pointer), key: pointer },
      'write e.g. `{ benchmark: wmdp-bio, gte: 0.7 }`',
    );
  }
  const op = ops[0] as Comparator;
  const condition: Condition = {
    type: 'evidence',
    benchmark: raw.benchmark!,
    metric: raw.metric ?? null,
    scorer: raw.scorer ?? null,
    op,
    value: raw[op]!,
    provenance: raw.provenance ?? null,
    source: raw.source ?? null,
    tooClose: convertBand(
      doc,
      raw.too_close_within,
      `${pointer}/too_close_within`,
      list,
      op,
      raw[op]!,
    ),
    where: w,
  };
  origins.set(condition, { doc, pointer });
  return condition;
}

/** A `too_close_within` band: exactly one of absolute, relative; on a rule-out lt/lte/gt/gte only. */
function convertBand(
  doc: LocatedDocument,
  raw: RawBand | undefined,
  pointer: string,
  list: ConditionList,
  op: Comparator,
  line: number,
): TooCloseBand | null {
  if (raw === undefined) return null;
  const fail = (message: string, hint: string) =>
    new InputError(
      'schema',
      `policy: ${message}`,
      { file: doc.file, ...doc.locate(pointer), key: pointer },
      hint,
    );
  if (list !== 'rule_out')
    throw fail(
      `too_close_within is allowed only on a rule_out condition, not under ${list}`,
      'a band says how close to a rule-out line is too close to rule out; move it to the rule_out condition',
    );
  if (op === 'eq')
    throw fail(
      'too_close_within needs a rule-out line (lt, lte, gt or gte), not eq',
      'write the condition with lt, lte, gt or gte',
    );
  const kinds = (['absolute', 'relative'] as const).filter((k) => raw[k] !== undefined);
  if (kinds.length !== 1)
    throw fail(
      `too_close_within needs exactly one of absolute, relative (found ${kinds.length})`,
      'write e.g. `too_close_within: { absolute: 0.3 }` or `{ relative: 0.1 }` (10 % of the line)',
    );
  const kind = kinds[0]!;
  if (kind === 'relative' && line === 0)
    throw fail(
      'a relative too_close_within band is a fraction of the line, and this line is 0, so the band would be empty',
      'write the band as `absolute:` in the units of the benchmark',
    );
  return {
    kind,
    width: raw[kind]!,
    provenance: raw.provenance ?? null,
    source: raw.source ?? null,
    note: raw.note ?? null,
  };
}

function convertConditions(
  doc: LocatedDocument,
  list: RawCondition[] | undefined,
  pointer: string,
  kind: ConditionList,
) {
  return (list ?? []).map((c, i) => convertCondition(doc, c, `${pointer}/${i}`, kind));
}

/** `alert_response` is required with `alert_if`, and means nothing without it. */
function convertAlertResponse(
  doc: LocatedDocument,
  raw: NonNullable<RawPolicy['thresholds']>[number],
  pointer: string,
): Threshold['alertResponse'] {
  const hasIf = raw.alert_if !== undefined;
  const hasResponse = raw.alert_response !== undefined;
  if (hasIf !== hasResponse) {
    const [present, absent] = hasIf
      ? ['alert_if', 'alert_response']
      : ['alert_response', 'alert_if'];
    throw new InputError(
      'schema',
      `policy: threshold ${raw.id} has ${present} but no ${absent}`,
      {
        file: doc.file,
        ...doc.locate(`${pointer}/${present}`),
        key: `thresholds.${raw.id}.${present}`,
      },
      'an alert threshold needs both: `alert_if: [conditions]` and `alert_response: { report: <id>, signers: [roles] }`',
    );
  }
  return raw.alert_response
    ? { report: raw.alert_response.report, signers: [...raw.alert_response.signers] }
    : null;
}

function convertThresholds(layer: Layer): Threshold[] {
  const { doc, raw } = layer;
  return (raw.thresholds ?? []).map((t, i) => {
    const p = `/thresholds/${i}`;
    const threshold: Threshold = {
      id: t.id,
      domain: t.domain ?? null,
      description: t.description ?? null,
      requires: { ...t.requires },
      ruleIn: convertConditions(doc, t.rule_in, `${p}/rule_in`, 'rule_in'),
      ruleOut: convertConditions(doc, t.rule_out, `${p}/rule_out`, 'rule_out'),
      reviewIf: convertConditions(doc, t.review_if, `${p}/review_if`, 'review_if'),
      maxEvidenceAgeDays: t.max_evidence_age_days ?? null,
      decisionRequires: [...(t.decision_requires ?? [])],
      alertIf: convertConditions(doc, t.alert_if, `${p}/alert_if`, 'alert_if'),
      alertResponse: convertAlertResponse(doc, t, p),
      where: where(doc, p),
    };
    origins.set(threshold, { doc, pointer: p });
    return threshold;
  });
}

function convertTriggers(layer: Layer): Trigger[] {
  const { doc, raw } = layer;
  return (raw.triggers ?? []).map((t, i) => {
    const p = `/triggers/${i}`;
    const mode = t.any ? 'any' : 'all';
    const conditions: TriggerCondition[] = (t.any ?? t.all ?? []).map((entry) => {
      const [measure, comparison] = Object.entries(entry)[0]!;
      const [op, value] = Object.entries(comparison)[0]!;
      return { measure: measure as TriggerCondition['measure'], op: op as Comparator, value };
    });
    const trigger: Trigger = {
      id: t.id,
      description: t.description ?? null,
      mode,
      conditions,
      requiresAttestation: t.requires_attestation,
      signers: t.signers ?? [],
      expiresAfterDays: t.expires_after_days ?? null,
      where: where(doc, p),
    };
    origins.set(trigger, { doc, pointer: p });
    return trigger;
  });
}

function convertSafeguards(layer: Layer): Safeguard[] {
  const { doc, raw } = layer;
  return (raw.safeguards ?? []).map((s, i) => {
    const p = `/safeguards/${i}`;
    const safeguard: Safeguard = {
      id: s.id,
      level: s.level,
      kind: s.kind,
      title: s.title,
      description: s.description ?? null,
      source: s.source ?? null,
      signers: [...s.signers],
      independent: s.independent ?? false,
      expiresAfterDays: s.expires_after_days ?? null,
      thresholds: s.thresholds ? [...s.thresholds] : null,
      where: where(doc, p),
    };
    origins.set(safeguard, { doc, pointer: p });
    return safeguard;
  });
}

function convertSignoffs(layer: Layer): Signoff[] {
  const { doc, raw } = layer;
  return (raw.signoffs ?? []).map((s, i) => {
    const p = `/signoffs/${i}`;
    const signoff: Signoff = {
      level: s.level,
      kind: s.kind ?? null,
      roles: [...s.roles],
      description: s.description ?? null,
      expiresAfterDays: s.expires_after_days ?? null,
      where: where(doc, p),
    };
    origins.set(signoff, { doc, pointer: p });
    return signoff;
  });
}

function convertDeclaredLevels(layer: Layer): DeclaredLevels | null {
  const { doc, raw } = layer;
  if (!raw.declared_levels) return null;
  const declared: DeclaredLevels = {
    signers: [...raw.declared_levels.signers],
    expiresAfterDays: raw.declared_levels.expires_after_days ?? null,
    where: where(doc, '/declared_levels'),
  };
  origins.set(declared, { doc, pointer: '/declared_levels' });
  return declared;
}

function convertBenchmarks(layer: Layer): Map<string, Benchmark> {
  const { doc, raw } = layer;
  const out = new Map<string, Benchmark>();
  for (const [id, b] of Object.entries(raw.benchmarks ?? {})) {
    const p = `/benchmarks/${escapePointerToken(id)}`;
    const benchmark: Benchmark = {
      id,
      description: b.description ?? null,
      aliases: b.aliases ?? [],
      metric: b.metric,
      metricAliases: b.metric_aliases ?? [],
      scorer: b.scorer ?? null,
      scale: b.scale,
      reportedScale: b.reported_scale ?? null,
      ruleOutFrom: b.rule_out_from ? [...b.rule_out_from] : null,
      higherIsBetter: b.higher_is_better ?? true,
      where: where(doc, p),
    };
    origins.set(benchmark, { doc, pointer: p });
    out.set(id, benchmark);
  }
  return out;
}

function convertRoles(layer: Layer, base: Map<string, Role>): Map<string, Role> {
  const out = new Map(base);
  for (const [id, r] of Object.entries(layer.raw.roles ?? {})) {
    const previous = out.get(id);
    out.set(id, {
      id,
      description: r.description ?? previous?.description ?? null,
      users: r.users ?? previous?.users ?? [],
      teams: r.teams ?? previous?.teams ?? [],
    });
  }
  return out;
}

/** Later items replace earlier ones with the same key; new ones are appended in order. */
function mergeBy<T>(base: T[], over: T[], key: (item: T) => string): T[] {
  const overKeys = new Map(over.map((item) => [key(item), item]));
  const merged = base.map((item) => overKeys.get(key(item)) ?? item);
  const baseKeys = new Set(base.map(key));
  return [...merged, ...over.filter((item) => !baseKeys.has(key(item)))];
}

function collectConditions(conditions: Condition[], out: Condition[] = []): Condition[] {
  for (const c of conditions) {
    out.push(c);
    if (c.type !== 'evidence') collectConditions(c.items, out);
  }
  return out;
}

function checkReferences(policy: Policy): void {
  const levels = new Set(policy.levels);
  const levelHint = `levels are: ${policy.levels.join(', ')}`;
  const needLevel = (item: object, sub: string, key: string, level: string) => {
    if (!levels.has(level)) {
      throw locatedError(item, sub, key, `policy: unknown level \`${level}\` at ${key}`, levelHint);
    }
  };
  const roleHint = () =>
    policy.roles.size > 0
      ? `roles are: ${[...policy.roles.keys()].join(', ')}`
      : 'define it under `roles:`';
  const needRoles = (item: object, sub: string, key: string, roles: string[]) => {
    roles.forEach((role, i) => {
      if (!policy.roles.has(role)) {
        throw locatedError(
          item,
          `${sub}/${i}`,
          `${key}[${i}]`,
          `policy: unknown role \`${role}\` at ${key}[${i}]`,
          roleHint(),
        );
      }
    });
  };

  for (const t of policy.thresholds) {
    for (const kind of ['deployment', 'security'] as const) {
      const level = t.requires[kind];
      if (level !== undefined)
        needLevel(t, `/requires/${kind}`, `thresholds.${t.id}.requires.${kind}`, level);
    }
    for (const c of collectConditions([...t.ruleIn, ...t.ruleOut, ...t.reviewIf, ...t.alertIf])) {
      if (c.type === 'evidence' && !policy.benchmarks.has(c.benchmark)) {
        throw locatedError(
          c,
          '/benchmark',
          `thresholds.${t.id}`,
          `policy: threshold ${t.id} refers to undefined benchmark \`${c.benchmark}\``,
          `define it under \`benchmarks:\` (defined: ${[...policy.benchmarks.keys()].join(', ') || 'none'})`,
        );
      }
    }
  }
  const thresholdIds = new Set(policy.thresholds.map((t) => t.id));
  for (const s of policy.safeguards) {
    needLevel(s, '/level', `safeguards.${s.id}.level`, s.level);
    needRoles(s, '/signers', `safeguards.${s.id}.signers`, s.signers);
    (s.thresholds ?? []).forEach((id, i) => {
      if (!thresholdIds.has(id)) {
        throw locatedError(
          s,
          `/thresholds/${i}`,
          `safeguards.${s.id}.thresholds[${i}]`,
          `policy: safeguard ${s.id} refers to undefined threshold \`${id}\``,
          `thresholds are: ${[...thresholdIds].join(', ')}`,
        );
      }
    });
  }
  for (const s of policy.signoffs) {
    needLevel(s, '/level', `signoffs.${s.level}.level`, s.level);
    needRoles(s, '/roles', `signoffs.${s.level}.roles`, s.roles);
  }
  for (const t of policy.triggers) needRoles(t, '/signers', `triggers.${t.id}.signers`, t.signers);
  const declared = policy.declaredLevels;
  if (declared) needRoles(declared, '/signers', 'declared_levels.signers', declared.signers);
  for (const t of policy.thresholds) {
    if (t.alertResponse)
      needRoles(
        t,
        '/alert_response/signers',
        `thresholds.${t.id}.alert_response.signers`,
        t.alertResponse.signers,
      );
  }

  // Top-level references are located in whichever layer set them; report them generically.
  const top = (key: string, message: string, hint: string) =>
    new InputError('policy-reference', `policy: ${message}`, { file: policy.file, key }, hint);
  if (!levels.has(policy.baseline))
    throw top('baseline', `unknown baseline level \`${policy.baseline}\``, levelHint);
  for (const level of policy.undefinedLevels) {
    if (!levels.has(level))
      throw top('undefined_levels', `unknown level \`${level}\` in undefined_levels`, levelHint);
  }
  for (const [key, roles] of [
    ['policy_owners', policy.policyOwners],
    ['approvals.capability_decision', policy.approvals.capabilityDecision],
    ['approvals.override', policy.approvals.override ?? []],
  ] as const) {
    for (const role of roles) {
      if (!policy.roles.has(role)) throw top(key, `unknown role \`${role}\` in ${key}`, roleHint());
    }
  }
  if (policy.policyOwners.length === 0) {
    throw top(
      'policy_owners',
      'no policy_owners: nobody could approve a change to this policy',
      'add `policy_owners: [<role>]`',
    );
  }

  // One alias may name only one benchmark.
  const aliasOwner = new Map<string, string>();
  for (const b of policy.benchmarks.values()) {
    for (const name of [b.id, ...b.aliases]) {
      const key = name.toLowerCase();
      const owner = aliasOwner.get(key);
      if (owner !== undefined && owner !== b.id) {
        throw locatedError(
          b,
          '/aliases',
          `benchmarks.${b.id}.aliases`,
          `policy: \`${name}\` names both benchmark ${owner} and ${b.id}`,
          'an alias may belong to one benchmark only',
        );
      }
      aliasOwner.set(key, b.id);
    }
  }
}

export interface LoadPolicyOptions {
  /** Shown in the decision record: `<path>@<ref>`. */
  ref?: string;
  /**
   * Load a policy whose `extends` pins another version of the preset than this rsp-gate ships,
   * with the shipped version. Only for the base policy of a change that updates the pin. It
   * never applies to the organization policy's pin.
   */
  acceptStalePin?: boolean;
  /**
   * The organization's policy (the GitHub App reads it): what `extends: organization` builds on,
   * and what may require every repository policy to. Null or absent: none (CLI, Action).
   */
  organization?: OrganizationPolicy | null;
}

function loadPresetLayer(name: string, referrer: Layer | null): Layer {
  const text = presetText(name);
  if (text === null) {
    const pointer = '/extends';
    const position = referrer ? referrer.doc.locate(pointer) : { line: 1, column: 1 };
    throw new InputError(
      'policy-unknown-preset',
      `policy: unknown preset \`${name}\``,
      { file: referrer?.doc.file ?? 'policy', ...position, key: 'extends' },
      `built-in presets: ${presetNames().join(', ')}`,
    );
  }
  return parseLayer(text, `preset:${name}`, true);
}

/** A policy layer over the preset it names: both layers, and the preset as the record names it. */
function overPreset(
  layer: Layer,
  name: string,
  pinned: number | null,
  acceptStalePin: boolean,
): { layers: Layer[]; preset: PresetInfo } {
  const presetLayer = loadPresetLayer(name, layer);
  const described = describePreset(name, presetText(name)!, presetLayer.raw, presetLayer.doc);
  checkPin({ ...described, pinned }, layer.doc, acceptStalePin);
  const preset = { ...described, pinned, where: where(layer.doc, '/extends') };
  return { layers: [presetLayer, layer], preset };
}

/** The organization policy resolved on its own: [its preset?, it]. */
interface OrganizationLayers extends OrganizationBase {
  layers: Layer[];
  preset: PresetInfo | null;
}

function loadOrganizationLayers(organization: OrganizationPolicy): OrganizationLayers {
  const layer = parseLayer(organization.text, organizationFile(organization));
  let layers = [layer];
  let preset: PresetInfo | null = null;
  if (layer.raw.extends) {
    const { name, pinned } = parseExtends(layer.raw.extends, layer.doc);
    if (name === ORGANIZATION) {
      throw new InputError(
        'policy-unknown-preset',
        'policy: the organization policy cannot extend `organization`: it is the organization policy',
        { file: layer.doc.file, ...layer.doc.locate('/extends'), key: 'extends' },
        `it may extend a built-in preset: ${presetNames().join(', ')}`,
      );
    }
    const over = overPreset(layer, name, pinned, false);
    layers = over.layers;
    // No line of a repository judged through it names the preset: no reason points at its
    // `extends` (see presetReasons); its own repository, judged by its file, gets them.
    preset = { ...over.preset, where: null };
  }
  const source = organizationSource(organization);
  const built = buildPolicy(layers, source, sha256(organization.text), preset);
  const info: OrganizationInfo = {
    repository: organization.repository,
    path: organization.path,
    commit: organization.commit,
    required: layer.raw.organization?.required ?? false,
    roles: [...built.roles.keys()],
  };
  return {
    layers,
    preset,
    policy: { ...built, organization: info },
    raws: layers.map((l) => l.raw),
  };
}

/** `extends: organization`: the repository layer over the organization policy's layers. */
function overOrganization(
  layer: Layer,
  pinned: number | null,
  organization: OrganizationPolicy | null,
): { layers: Layer[]; preset: PresetInfo | null; info: OrganizationInfo } {
  if (pinned !== null) {
    throw new InputError(
      'policy-preset-pin',
      `policy: \`extends: ${ORGANIZATION}@${pinned}\`: the organization policy has no version to pin; it is read at the head of its repository's default branch`,
      { file: layer.doc.file, ...layer.doc.locate('/extends'), key: 'extends' },
      `write \`extends: ${ORGANIZATION}\``,
    );
  }
  if (!organization) throw organizationMissingError(layer.doc);
  const base = loadOrganizationLayers(organization);
  checkOrganizationFrozen(layer.doc, layer.raw, base);
  return {
    layers: [...base.layers, layer],
    preset: base.preset,
    info: base.policy.organization,
  };
}

function buildPolicy(
  layers: Layer[],
  source: string,
  digest: string,
  preset: PresetInfo | null,
  organization: OrganizationInfo | null = null,
): Policy {
  let roles = new Map<string, Role>();
  let benchmarks = new Map<string, Benchmark>();
  let thresholds: Threshold[] = [];
  let triggers: Trigger[] = [];
  let safeguards: Safeguard[] = [];
  let signoffs: Signoff[] = [];
  const scalars: Partial<RawPolicy> = {};
  const discovery: { cards?: string[]; attestations?: string[] } = {};
  const evidence: { rule_out_from?: EvidenceSource[] } = {};
  const approvals: NonNullable<RawPolicy['approvals']> = {};
  let declaredLevels: DeclaredLevels | null = null;
  for (const layer of layers) {
    const { raw } = layer;
    for (const key of [
      'name',
      'mode',
      'levels',
      'baseline',
      'undefined_levels',
      'policy_owners',
    ] as const) {
      if (raw[key] !== undefined) (scalars as Record<string, unknown>)[key] = raw[key];
    }
    Object.assign(discovery, raw.discovery ?? {});
    Object.assign(evidence, raw.evidence ?? {});
    Object.assign(approvals, raw.approvals ?? {});
    declaredLevels = convertDeclaredLevels(layer) ?? declaredLevels;
    roles = convertRoles(layer, roles);
    benchmarks = new Map([...benchmarks, ...convertBenchmarks(layer)]);
    thresholds = mergeBy(thresholds, convertThresholds(layer), (t) => t.id);
    triggers = mergeBy(triggers, convertTriggers(layer), (t) => t.id);
    safeguards = mergeBy(safeguards, convertSafeguards(layer), (s) => s.id);
    signoffs = mergeBy(signoffs, convertSignoffs(layer), signoffKey);
  }
  const last = layers[layers.length - 1]!;
  const missing = (['levels', 'baseline'] as const).filter((key) => scalars[key] === undefined);
  if (missing.length > 0) {
    throw new InputError(
      'schema',
      `policy: missing required key \`${missing[0]}\``,
      { file: last.doc.file, line: 1, column: 1, key: missing[0] },
      'set it, or `extends:` a preset that does (see `rsp-gate presets`)',
    );
  }
  const policyOwners = scalars.policy_owners ?? [];
  const bottom = layers[0]!.doc.file;
  const policy: Policy = {
    file: last.doc.file,
    source,
    sha256: digest,
    // The preset under the policy (through the organization policy too); none for a preset alone.
    extends:
      layers.length > 1 && bottom.startsWith('preset:') ? bottom.slice('preset:'.length) : null,
    preset,
    organization,
    name: scalars.name ?? null,
    mode: scalars.mode ?? 'enforce',
    levels: scalars.levels!,
    baseline: scalars.baseline!,
    undefinedLevels: scalars.undefined_levels ?? [],
    roles,
    policyOwners,
    approvals: {
      capabilityDecision: approvals.capability_decision ?? policyOwners,
      // No override unless the policy (or its preset) grants one: `none` says so explicitly.
      override:
        approvals.override === undefined || approvals.override === 'none'
          ? null
          : approvals.override,
    },
    discovery: {
      cards: discovery.cards ?? DEFAULT_CARD_GLOBS,
      attestations: discovery.attestations ?? DEFAULT_ATTESTATION_GLOBS,
    },
    evidence: { ruleOutFrom: [...(evidence.rule_out_from ?? DEFAULT_RULE_OUT_FROM)] },
    benchmarks,
    thresholds,
    triggers: triggers.map((t) => {
      if (t.signers.length > 0) return t;
      const defaulted = { ...t, signers: policyOwners };
      const origin = origins.get(t);
      if (origin) origins.set(defaulted, origin);
      return defaulted;
    }),
    safeguards,
    signoffs,
    declaredLevels,
  };
  checkReferences(policy);
  return policy;
}

/**
 * Load a policy file's text. `file` is its repository path, used in every error. See the top of
 * this file for how it combines with a preset or the organization policy.
 */
export function loadPolicy(text: string, file: string, options: LoadPolicyOptions = {}): Policy {
  const layer = parseLayer(text, file);
  const source = options.ref ? `${file}@${options.ref}` : file;
  const digest = sha256(text);
  const reference = layer.raw.extends ? parseExtends(layer.raw.extends, layer.doc) : null;
  if (reference?.name === ORGANIZATION) {
    const { layers, preset, info } = overOrganization(
      layer,
      reference.pinned,
      options.organization ?? null,
    );
    return buildPolicy(layers, source, digest, preset, info);
  }
  if (options.organization) {
    // Loaded beside an organization policy that it does not build on.
    if (layer.raw.organization !== undefined)
      throw organizationOnlyError(layer.doc, 'a repository policy');
    const { policy } = loadOrganizationLayers(options.organization);
    if (policy.organization.required)
      throw organizationRequiredError(layer.doc, reference !== null, policy.organization);
  }
  if (!reference) return buildPolicy([layer], source, digest, null);
  const { name, pinned } = reference;
  const { layers, preset } = overPreset(layer, name, pinned, options.acceptStalePin ?? false);
  return buildPolicy(layers, source, digest, preset);
}

/**
 * Load the organization policy on its own: it judges a repository that has no policy file. Its
 * source is `<owner>/.github:<path>@<commit7>`.
 */
export function loadOrganizationPolicy(organization: OrganizationPolicy): Policy {
  return loadOrganizationLayers(organization).policy;
}

/** Load a built-in preset on its own, as `rsp-gate check` does when no policy file exists. */
export function loadPreset(name: string): Policy {
  const layer = loadPresetLayer(name, null);
  const text = presetText(name)!;
  const preset = { ...describePreset(name, text, layer.raw, layer.doc), pinned: null, where: null };
  return buildPolicy([layer], `preset:${name}`, sha256(text), preset);
}
