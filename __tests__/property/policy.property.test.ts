/**
 * Property tests for the policy loader: a mutated policy loads into a consistent Policy or is
 * refused with an InputError that names the policy file and a line inside it. The loader never
 * accepts a dangling reference, never crashes, never throws anything untyped.
 */
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseYaml } from '../../src/formats/yaml.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { presetNames, presetText } from '../../src/policy/presets.js';
import { COMPARATORS, type Condition, type Policy } from '../../src/policy/types.js';
import { TEST_POLICY } from '../helpers/build.js';
import { check, TEST_TIMEOUT_MS } from './settings.js';

const FILE = '.github/rsp-policy.yml';

/** Make fast-check print a value as `text()` in counterexamples. */
function printable<T extends object>(value: T, text: (value: T) => string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => text(value) });
  return value;
}

/** A user's policy that extends a preset and fills in the people, as `rsp-gate init` writes. */
const EXTENDING_POLICY = `version: 1
extends: anthropic-rsp-v2.2
roles:
  rso: { users: [alice] }
  ceo: { users: [carol] }
  security-lead: { users: [bob] }
  safeguards-lead: { teams: [acme/safeguards] }
thresholds:
  - id: CBRN-3
    requires: { deployment: ASL-3, security: ASL-3 }
    rule_out:
      - { benchmark: wmdp-bio, metric: accuracy, lt: 0.5, provenance: illustrative }
`;

/** The test policy with the defaults in play: trigger signers and approvals left to the owners. */
const DEFAULTED_POLICY = TEST_POLICY.replace(
  '    signers: [ceo, rso]\nsafeguards',
  'safeguards',
).replace('approvals: { capability_decision: [ceo, rso], override: [ceo, rso] }\n', '');

interface PolicySeed {
  name: string;
  text: string;
}

const SEEDS: PolicySeed[] = [
  { name: 'TEST_POLICY', text: TEST_POLICY },
  { name: 'TEST_POLICY with defaults', text: DEFAULTED_POLICY },
  { name: 'extending policy', text: EXTENDING_POLICY },
  ...presetNames().map((name) => ({ name: `preset ${name}`, text: presetText(name)! })),
];

/** Lines as the line index counts them (`\n` only); an error may point at any of them. */
const lineCount = (text: string): number => text.split('\n').length;

/* ------------------------------------------------------------------------------------------ */
/* Outcomes                                                                                     */
/* ------------------------------------------------------------------------------------------ */

function load(text: string, file = FILE): { policy: Policy } | { error: unknown } {
  try {
    return { policy: loadPolicy(text, file) };
  } catch (error) {
    return { error };
  }
}

function allConditions(conditions: Condition[], out: Condition[] = []): Condition[] {
  for (const c of conditions) {
    out.push(c);
    if (c.type !== 'evidence') allConditions(c.items, out);
  }
  return out;
}

/** The first dangling reference or impossible value in a loaded policy, or null. */
function inconsistency(p: Policy): string | null {
  const levels = new Set(p.levels);
  const roles = p.roles;
  const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  const finiteOrNull = (x: unknown) => x === null || finite(x);
  if (p.mode !== 'enforce' && p.mode !== 'advisory') return `mode ${String(p.mode)}`;
  if (!Array.isArray(p.levels) || p.levels.length === 0) return 'no levels';
  if (!p.levels.every((l) => typeof l === 'string')) return 'a level is not a string';
  if (!levels.has(p.baseline)) return `baseline ${p.baseline} is not a level`;
  for (const l of p.undefinedLevels)
    if (!levels.has(l)) return `undefined level ${l} is not a level`;
  if (p.policyOwners.length === 0) return 'no policy owners';
  const roleLists: [string, string[]][] = [
    ['policy_owners', p.policyOwners],
    ['approvals.capability_decision', p.approvals.capabilityDecision],
    ['approvals.override', p.approvals.override ?? []],
    ...p.safeguards.map((s): [string, string[]] => [`safeguard ${s.id} signers`, s.signers]),
    ...p.signoffs.map((s): [string, string[]] => [`signoff ${s.level} roles`, s.roles]),
    ...p.triggers.map((t): [string, string[]] => [`trigger ${t.id} signers`, t.signers]),
  ];
  for (const [where, list] of roleLists) {
    for (const role of list) if (!roles.has(role)) return `${where}: role ${role} is not defined`;
  }
  const thresholdIds = new Set<string>();
  for (const t of p.thresholds) {
    if (thresholdIds.has(t.id)) return `threshold ${t.id} twice`;
    thresholdIds.add(t.id);
    for (const kind of ['deployment', 'security'] as const) {
      const level = t.requires[kind];
      if (level !== undefined && !levels.has(level))
        return `threshold ${t.id} requires unknown level ${level}`;
    }
    if (!finiteOrNull(t.maxEvidenceAgeDays)) return `threshold ${t.id} max age`;
    for (const c of allConditions([...t.ruleIn, ...t.ruleOut, ...t.reviewIf])) {
      if (c.type !== 'evidence') continue;
      if (!p.benchmarks.has(c.benchmark))
        return `threshold ${t.id} refers to unknown benchmark ${c.benchmark}`;
      if (!COMPARATORS.includes(c.op)) return `threshold ${t.id} has comparator ${c.op}`;
      if (!finite(c.value)) return `threshold ${t.id} compares with ${c.value}`;
    }
  }
  const safeguardIds = new Set<string>();
  for (const s of p.safeguards) {
    if (safeguardIds.has(s.id)) return `safeguard ${s.id} twice`;
    safeguardIds.add(s.id);
    if (!levels.has(s.level)) return `safeguard ${s.id} at unknown level ${s.level}`;
    if (s.kind !== 'deployment' && s.kind !== 'security') return `safeguard ${s.id} kind ${s.kind}`;
    if (typeof s.title !== 'string' || s.title === '') return `safeguard ${s.id} has no title`;
    for (const id of s.thresholds ?? [])
      if (!thresholdIds.has(id)) return `safeguard ${s.id} refers to unknown threshold ${id}`;
    if (!finiteOrNull(s.expiresAfterDays)) return `safeguard ${s.id} expiry`;
  }
  for (const s of p.signoffs)
    if (!levels.has(s.level)) return `signoff at unknown level ${s.level}`;
  const triggerIds = new Set<string>();
  for (const t of p.triggers) {
    if (triggerIds.has(t.id)) return `trigger ${t.id} twice`;
    triggerIds.add(t.id);
    if (t.signers.length === 0) return `trigger ${t.id} has nobody to sign`;
    for (const c of t.conditions) {
      if (!COMPARATORS.includes(c.op)) return `trigger ${t.id} has comparator ${c.op}`;
      if (!finite(c.value)) return `trigger ${t.id} compares with ${c.value}`;
      if (c.measure !== 'effective_compute_ratio' && c.measure !== 'months_since_assessment')
        return `trigger ${t.id} measures ${c.measure}`;
    }
  }
  const aliasOwner = new Map<string, string>();
  for (const b of p.benchmarks.values()) {
    if (b.scale !== 'fraction' && b.scale !== 'percent' && b.scale !== 'unbounded')
      return `benchmark ${b.id} scale ${b.scale}`;
    for (const name of [b.id, ...b.aliases]) {
      const owner = aliasOwner.get(name.toLowerCase());
      if (owner !== undefined && owner !== b.id) return `${name} names ${owner} and ${b.id}`;
      aliasOwner.set(name.toLowerCase(), b.id);
    }
  }
  return null;
}

/** A consistent Policy, or an InputError naming `file` at a line inside `text`. */
function assertValidOutcome(
  outcome: { policy: Policy } | { error: unknown },
  text: string,
  file = FILE,
): void {
  if ('policy' in outcome) {
    const problem = inconsistency(outcome.policy);
    if (problem) throw new Error(`the loader accepted an inconsistent policy: ${problem}`);
    return;
  }
  const { error } = outcome;
  if (!(error instanceof InputError)) {
    const e = error as Error | undefined;
    throw new Error(
      `untyped exception ${e?.constructor?.name ?? typeof error}: ${e?.message ?? String(error)}\n${e?.stack ?? ''}`,
    );
  }
  if (!error.code) throw new Error('InputError without a code');
  if (!error.message) throw new Error(`InputError ${error.code} without a message`);
  // An item inherited from the preset the policy extends is located in that preset, by design
  // (a `Where` may be `preset:<name>`); anything else must name the file that was given.
  const preset = /^preset:(.+)$/.exec(error.location?.file ?? '')?.[1];
  const inPreset = preset !== undefined && presetText(preset) !== null && text.includes(preset);
  if (error.location?.file !== file && !inPreset) {
    throw new Error(
      `InputError ${error.code} names file ${JSON.stringify(error.location?.file)}, not ${JSON.stringify(file)}: ${error.message} (line ${error.location?.line})`,
    );
  }
  const located = inPreset ? presetText(preset)! : text;
  const { line } = error.location;
  if (line !== undefined && !(Number.isInteger(line) && line >= 1 && line <= lineCount(located))) {
    throw new Error(
      `InputError ${error.code} points at line ${line} of the ${lineCount(located)}-line ${error.location.file}: ${error.message}`,
    );
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Text mutations                                                                               */
/* ------------------------------------------------------------------------------------------ */

const KEYS = [
  'version',
  'extends',
  'name',
  'mode',
  'levels',
  'baseline',
  'undefined_levels',
  'roles',
  'users',
  'teams',
  'policy_owners',
  'approvals',
  'capability_decision',
  'override',
  'discovery',
  'benchmarks',
  'aliases',
  'metric',
  'scale',
  'thresholds',
  'id',
  'requires',
  'deployment',
  'security',
  'rule_in',
  'rule_out',
  'review_if',
  'benchmark',
  'gte',
  'lt',
  'eq',
  'all',
  'any',
  'provenance',
  'triggers',
  'requires_attestation',
  'signers',
  'safeguards',
  'level',
  'kind',
  'title',
  'signoffs',
  'roles_',
  '__proto__',
  'constructor',
  '<<',
  'Levels',
  '"levels"',
];

const VALUES = [
  '0',
  '-1',
  '1.5',
  '1e400',
  '.nan',
  '.inf',
  '-.inf',
  '0x1F',
  '0o17',
  '"5"',
  'true',
  'null',
  '~',
  '[]',
  '{}',
  '[a, b]',
  '{a: 1}',
  '[rso, rso]',
  'ASL-3',
  'ASL-9',
  'rso',
  'nobody',
  'enforce',
  'advisory',
  'fraction',
  'deployment',
  '""',
  '"\\ud800"',
  '"\\u0000"',
  '*a',
  '&a x',
  '&a [ASL-1, ASL-2]',
  '!!str 5',
  '!!binary aGk=',
  '!!js/undefined ""',
  '|\n  block',
  '"unterminated',
  "'single'",
  '2026-01-01',
  'anthropic-rsp-v2.2',
  'no-such-preset',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
];

/** Names that refer to things: the documents' own, and ones nothing defines. */
const NAMES = [
  'ASL-1',
  'ASL-2',
  'ASL-3',
  'ASL-4',
  'asl-3',
  'ASL-9',
  'rso',
  'ceo',
  'security-lead',
  'safeguards-lead',
  'ghost-role',
  'bio-uplift-trial',
  'wmdp-bio',
  'wmdp_bio',
  'ghost-bench',
  'CBRN-3',
  'AI-RND-4',
  'GHOST-1',
  'High',
  'Critical',
  'Standard',
  'sag',
];

const INSERTED_LINES = [
  'extends: anthropic-rsp-v2.2',
  'extends: gdm-fsf-v3',
  'extends: no-such-preset',
  'levels: [ASL-1, ASL-2]',
  'version: 2',
  'mode: advisory',
  'baseline: ASL-9',
  'levels: []',
  'policy_owners: []',
  'policy_owners: [ghost-role]',
  'undefined_levels: [ASL-9]',
  '---',
  '...',
  '%YAML 1.2',
  '? [complex, key]\n: value',
  'anchors: &a [ASL-1, ASL-2]',
  'levels: *a',
  'cycle: &c [*c]',
  'self: &s {next: *s}',
  '<<: {mode: advisory}',
  '__proto__: {polluted: true}',
  'constructor: {prototype: {polluted: true}}',
  '  - { id: extra, level: ASL-9, kind: security, title: t, signers: [rso] }',
  '  - { id: CBRN-3, requires: {} }',
  '  - { benchmark: ghost-bench, gte: 1 }',
  '  extra: { metric: m, scale: fraction, aliases: [wmdp-bio] }',
  '\t',
  '  ',
  '- item',
  'key: "\\ud800"',
];

type TextMutation =
  | { op: 'delete' | 'duplicate'; line: number }
  | { op: 'swap'; line: number; other: number }
  | { op: 'indent'; line: number; by: string }
  | { op: 'insert'; line: number; text: string }
  | { op: 'rename-key'; index: number; key: string }
  | { op: 'value'; index: number; value: string }
  | { op: 'reference'; index: number; name: string }
  | { op: 'anchor'; index: number; other: number };

const n = fc.nat({ max: 1 << 20 });
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), line: n }),
  fc.record({ op: fc.constant('swap' as const), line: n, other: n }),
  fc.record({
    op: fc.constant('indent' as const),
    line: n,
    by: fc.constantFrom('', ' ', '  ', '    ', '\t', '-1', '-2'),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    line: n,
    text: fc.constantFrom(...INSERTED_LINES),
  }),
  fc.record({ op: fc.constant('rename-key' as const), index: n, key: fc.constantFrom(...KEYS) }),
  fc.record({ op: fc.constant('value' as const), index: n, value: fc.constantFrom(...VALUES) }),
  fc.record({ op: fc.constant('reference' as const), index: n, name: fc.constantFrom(...NAMES) }),
  fc.record({ op: fc.constant('anchor' as const), index: n, other: n }),
);

const KEY = /^([ \t]*(?:- )?)([A-Za-z_][\w.-]*)(?=:)|([{,]\s*)([A-Za-z_][\w.-]*)(?=:)/gm;
/** A scalar value: after `key: ` up to the end of the line or a flow separator. */
const VALUE = /(?<=:[ \t]+)(?![#&*!|>])[^\s,{}[\]#][^,{}[\]#\n]*?(?=[ \t]*(?:[,}\]]|#|$))/gm;
/** An identifier used as a value (not a key, not in a comment's first word). */
const NAME = /(?<![\w.-])[A-Za-z][\w.-]*(?![\w.-])(?![ \t]*:)/g;

function replaceNth(
  text: string,
  pattern: RegExp,
  index: number,
  make: (m: RegExpExecArray) => string,
): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const m = matches[index % matches.length]!;
  return text.slice(0, m.index) + make(m) + text.slice(m.index + m[0].length);
}

function applyText(text: string, m: TextMutation): string {
  const lines = text.split('\n');
  const i = ('line' in m ? m.line : 0) % lines.length;
  switch (m.op) {
    case 'delete':
      lines.splice(i, 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    case 'swap': {
      const j = m.other % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 'indent':
      lines[i] = m.by.startsWith('-') ? lines[i]!.slice(Number(m.by.slice(1))) : m.by + lines[i]!;
      return lines.join('\n');
    case 'insert':
      lines.splice(i, 0, m.text);
      return lines.join('\n');
    case 'rename-key':
      return replaceNth(text, KEY, m.index, (k) =>
        k[2] !== undefined ? k[1]! + m.key : k[3]! + m.key,
      );
    case 'value':
      return replaceNth(text, VALUE, m.index, () => m.value);
    case 'reference':
      return replaceNth(text, NAME, m.index, () => m.name);
    case 'anchor': {
      // Anchor one value and alias it from another place.
      const anchored = replaceNth(text, VALUE, m.index, (v) => `&p ${v[0]}`);
      return replaceNth(anchored, VALUE, m.other, () => '*p');
    }
  }
}

const seedArb = fc.nat({ max: SEEDS.length - 1 }).map((i) => SEEDS[i]!);

/* ------------------------------------------------------------------------------------------ */
/* Structural mutations: valid YAML (JSON), wrong contents                                      */
/* ------------------------------------------------------------------------------------------ */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const PARSED = SEEDS.map((seed) => ({
  name: seed.name,
  value: parseYaml(seed.text, seed.name).value as Json,
}));

/** Every path in a value, as key lists, with the kind of slot each one is. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

/** What a path holds, for choosing edits where references live. */
function slotKind(path: (string | number)[]): string {
  const p = path.map(String).join('/');
  if (/^(baseline|undefined_levels\/\d+|levels\/\d+)$|\/(level|deployment|security)$/.test(p))
    return 'level';
  if (/^(policy_owners|approvals\/\w+)\/\d+$|\/(signers|roles)\/\d+$/.test(p)) return 'role';
  if (/^roles\/[^/]+$/.test(p)) return 'role-definition';
  if (/\/benchmark$/.test(p) || /^benchmarks\/[^/]+$/.test(p)) return 'benchmark';
  if (/^safeguards\/\d+\/thresholds\/\d+$|^thresholds\/\d+\/id$/.test(p)) return 'threshold';
  return 'other';
}

const KINDS = ['level', 'role', 'role-definition', 'benchmark', 'threshold', 'other'] as const;

type Edit =
  | { op: 'set'; kind: (typeof KINDS)[number]; index: number; value: Json }
  | { op: 'rename'; kind: (typeof KINDS)[number]; index: number; name: string }
  | { op: 'delete'; kind: (typeof KINDS)[number]; index: number };

const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(...NAMES),
  fc.constantFrom<Json>(
    null,
    true,
    0,
    -1,
    1.5,
    '',
    ' ',
    'ASL-3 ',
    [],
    {},
    ['rso'],
    { a: 1 },
    '1e400',
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('set' as const),
      kind: fc.constantFrom(...KINDS),
      index: n,
      value: jsonValue,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('rename' as const),
      kind: fc.constantFrom(...KINDS),
      index: n,
      name: fc.constantFrom(...NAMES),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('delete' as const),
      kind: fc.constantFrom(...KINDS),
      index: n,
    }),
  },
);

function applyEdit(root: Json, e: Edit): Json {
  const candidates = paths(root).filter((p) => p.length > 0 && slotKind(p) === e.kind);
  if (candidates.length === 0) return root;
  const path = candidates[e.index % candidates.length]!;
  const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string, Json>)[k]!, root) as
    Json[] | Record<string, Json>;
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    const i = last as number;
    if (e.op === 'delete') parent.splice(i, 1);
    else parent[i] = e.op === 'set' ? e.value : e.name;
    return root;
  }
  const key = last as string;
  if (e.op === 'delete') Reflect.deleteProperty(parent, key);
  else if (e.op === 'set') parent[key] = e.value;
  else {
    // Rename the key (a definition) or, for a reference, the value it holds.
    if (typeof parent[key] === 'string') parent[key] = e.name;
    else {
      const entries = Object.entries(parent).map(([k, v]): [string, Json] => [
        k === key ? e.name : k,
        v,
      ]);
      for (const k of Object.keys(parent)) Reflect.deleteProperty(parent, k);
      for (const [k, v] of entries) parent[k] = v;
    }
  }
  return root;
}

/* ------------------------------------------------------------------------------------------ */
/* Properties                                                                                   */
/* ------------------------------------------------------------------------------------------ */

describe('mutated policies: a consistent Policy or a located InputError', () => {
  test(
    'text mutations of the test policy and every preset',
    () => {
      check(
        fc.property(seedArb, fc.array(textMutation, { minLength: 1, maxLength: 5 }), (seed, ms) => {
          const text = ms.reduce(applyText, seed.text);
          assertValidOutcome(load(text), text);
          if (({} as Record<string, unknown>).polluted !== undefined)
            throw new Error('Object.prototype was polluted');
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'structural edits where references live: the loader never accepts a dangling reference',
    () => {
      check(
        fc.property(
          fc.nat({ max: PARSED.length - 1 }),
          fc.array(edit, { minLength: 1, maxLength: 3 }),
          fc.boolean(),
          (i, edits, asJson) => {
            const root = edits.reduce(applyEdit, structuredClone(PARSED[i]!.value));
            // JSON is YAML; the block form is what people write.
            const text = asJson ? JSON.stringify(root, null, 2) : toBlockYaml(root);
            assertValidOutcome(load(text), text);
          },
        ),
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'every reference set to a name nothing defines is refused, naming the policy file and a line in it',
    () => {
      const ghost: Record<string, string> = {
        level: 'ASL-9',
        role: 'ghost-role',
        benchmark: 'ghost-bench',
        threshold: 'GHOST-1',
      };
      const referenceSlots = PARSED.slice(0, 3).flatMap(({ name, value }, seed) =>
        paths(value)
          .filter((path) => {
            const kind = slotKind(path);
            const p = path.join('/');
            // References only: level names in `levels` and keys of `benchmarks` are definitions.
            return kind in ghost && !/^levels\/|^benchmarks\/[^/]+$|^thresholds\/\d+\/id$/.test(p);
          })
          .map((path) =>
            printable(
              { seed, path },
              () => `${name}: /${path.join('/')} := ${ghost[slotKind(path)]}`,
            ),
          ),
      );
      check(
        fc.property(fc.constantFrom(...referenceSlots), ({ seed, path }) => {
          const root = structuredClone(PARSED[seed]!.value);
          const parent = path
            .slice(0, -1)
            .reduce<Json>((v, k) => (v as Record<string, Json>)[k]!, root) as Record<string, Json>;
          parent[path[path.length - 1]!] = ghost[slotKind(path)]!;
          const text = toBlockYaml(root);
          const outcome = load(text);
          if ('policy' in outcome)
            throw new Error(
              `a dangling reference was accepted: ${inconsistency(outcome.policy) ?? 'and not even noticed by the consistency check'}`,
            );
          assertValidOutcome(outcome, text);
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'an error names the policy file exactly as given, whatever its path',
    () => {
      const segment = fc.string({
        unit: fc.constantFrom('a', 'b', '-', '.', '_', '@', ' ', '#', ':', 'é', '1'),
        minLength: 1,
        maxLength: 6,
      });
      const invalid = [
        ['unknown baseline', TEST_POLICY.replace('baseline: ASL-2', 'baseline: ASL-9')],
        [
          'unknown owner role',
          TEST_POLICY.replace('policy_owners: [rso]', 'policy_owners: [ghost-role]'),
        ],
        ['bad mode', TEST_POLICY.replace('mode: enforce', 'mode: strict')],
        ['unknown safeguard level', TEST_POLICY.replace('level: ASL-2,', 'level: ASL-9,')],
        ['no levels', 'version: 1\n'],
        ['broken YAML', 'a: ['],
      ].map(([label, text]) => printable({ text: text! }, () => label!));
      check(
        fc.property(
          fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `${s.join('/')}.yml`),
          fc.constantFrom(...invalid),
          (file, { text }) => {
            assertValidOutcome(load(text, file), text, file);
          },
        ),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

/** A small block-style YAML writer (strings always double-quoted, JSON-escaped). */
function toBlockYaml(value: Json, indent = ''): string {
  const scalar = (v: Json): string =>
    v === null ? 'null' : typeof v === 'string' ? JSON.stringify(v) : String(v);
  const isCollection = (v: Json) => v !== null && typeof v === 'object';
  const isEmpty = (v: Json) =>
    Array.isArray(v) ? v.length === 0 : Object.keys(v as object).length === 0;
  if (!isCollection(value)) return `${scalar(value)}\n`;
  if (isEmpty(value)) return `${Array.isArray(value) ? '[]' : '{}'}\n`;
  let out = '';
  if (Array.isArray(value)) {
    for (const item of value) {
      out +=
        isCollection(item) && !isEmpty(item)
          ? `${indent}-\n${toBlockYaml(item, `${indent}  `)}`
          : `${indent}- ${toBlockYaml(item, `${indent}  `)}`;
    }
    return out;
  }
  for (const [k, v] of Object.entries(value as Record<string, Json>)) {
    out +=
      isCollection(v) && !isEmpty(v)
        ? `${indent}${JSON.stringify(k)}:\n${toBlockYaml(v, `${indent}  `)}`
        : `${indent}${JSON.stringify(k)}: ${toBlockYaml(v, `${indent}  `)}`;
  }
  return out;
}
