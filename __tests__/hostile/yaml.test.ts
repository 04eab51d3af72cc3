/**
 * Hostile YAML in every place rsp-gate parses it: the policy, a card's front matter, a native
 * evidence file and an attestation file. Each input is rejected with a located InputError (or
 * read correctly), fast, without touching the built-in prototypes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InputError } from '../../src/core/errors.js';
import type { Problem, RepositoryState } from '../../src/core/inputs.js';
import { loadPolicyFrom } from '../../src/gate/check-trees.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { nativeEvidenceReader } from '../../src/readers/native-evidence.js';
import { loadRepository } from '../../src/repository/load-repository.js';
import { parseAttestations } from '../../src/repository/read-attestations.js';
import { TEST_POLICY, testPolicy } from '../helpers/build.js';
import {
  cardText,
  concatBytes,
  expectLocated,
  expectPrototypesClean,
  laughs,
  lineOf,
  memorySource,
  memoryTree,
  pngImage,
  rejection,
  thrown,
  utf16beWithBom,
  utf16leWithBom,
} from './generators.js';

const POLICY_FILE = '.github/rsp-policy.yml';
const CARD = 'models/m/MODEL_CARD.md';
const EVIDENCE = 'models/m/evals/trial.evidence.yml';
const ATTESTATION = 'safeguards/m.yml';
const policy = testPolicy();

afterEach(() => expectPrototypesClean());

const readEvidence = (text: string | Uint8Array, path = EVIDENCE) =>
  nativeEvidenceReader.read(memorySource(path, text));

/** A repository with one card (evals: `evals/*`), its files, and attestation files. */
function load(files: Record<string, string | Uint8Array>): Promise<RepositoryState> {
  return loadRepository(memoryTree(files), policy);
}

const card = (extra = '') => cardText('acme/m', '  evals: ["evals/*"]\n', extra);
const okEvidence =
  'model: acme/m\nresults:\n  - { benchmark: bio-uplift-trial, metric: ratio, value: 1.5, date: 2026-10-01, source: trial }\n';
const okAttestation =
  'model: "*"\nattestations:\n  - { safeguard: asl2-sec-supply-chain, approved_by: [bob], date: 2026-10-01 }\n';

function expectProblem(problem: Problem | undefined, code: string, file: string, line?: number) {
  expect(problem, `a ${code} problem in ${file}`).toBeDefined();
  expect(problem!.code).toBe(code);
  expect(problem!.file).toBe(file);
  if (line !== undefined) expect(problem!.line).toBe(line);
  else expect(problem!.line).toEqual(expect.any(Number));
  expect(problem!.hint, `hint of ${code}: ${problem!.message}`).toBeTruthy();
}

describe('billion laughs (10 aliases per level) stops at the alias cap', () => {
  const bomb = laughs(12, 10);
  const bombText = bomb.lines.join('\n');
  // The 101st alias is the first one on the line of level 11.
  const capLine = (text: string) => lineOf(text, 'l11:');

  it(
    'rejects an alias bomb in the policy file read from the repository',
    { timeout: 2000 },
    async () => {
      const text = `version: 1\nextends: anthropic-rsp-v2.2\n${bombText}\nname: *l12\n`;
      const error = await rejection(
        loadPolicyFrom(memoryTree({ [POLICY_FILE]: text }), POLICY_FILE),
      );
      expectLocated(error, {
        code: 'yaml-syntax',
        file: POLICY_FILE,
        line: capLine(text),
        message: 'invalid YAML: aliases exceeded maxAliases (100)',
      });
    },
  );

  it(
    "rejects an alias bomb in a card's front matter as a problem at its line",
    { timeout: 2000 },
    async () => {
      const text = card(`${bombText}\ntags: *l12\n`);
      const state = await load({ [CARD]: text });
      expect(state.models).toEqual([]);
      expectProblem(state.problems[0], 'yaml-syntax', CARD, capLine(text));
      expect(state.problems[0]!.message).toMatch(/maxAliases \(100\)/);
    },
  );

  it(
    'rejects an alias bomb in an evidence file as an error of that card',
    { timeout: 2000 },
    async () => {
      const text = `model: acme/m\n${bombText}\nresults: *l12\n`;
      const state = await load({ [CARD]: card(), [EVIDENCE]: text });
      expect(state.models[0]!.evidence).toEqual([]);
      expectProblem(state.models[0]!.artifactErrors[0], 'yaml-syntax', EVIDENCE, capLine(text));
    },
  );

  it('rejects an alias bomb in an attestation file', { timeout: 2000 }, async () => {
    const text = `model: "*"\n${bombText}\nattestations: *l12\n`;
    const state = await load({ [ATTESTATION]: text });
    expect(state.attestations).toEqual([]);
    expectProblem(state.problems[0], 'yaml-syntax', ATTESTATION, capLine(text));
  });
});

/*
 * The alias cap counts alias *events* (100). Two aliases per level stay under it for 49 levels
 * and still describe 2^49 leaves. js-yaml shares the aliased node, so parsing is instant; any
 * code that walks the value as a tree does 2^levels steps. The tests use 26 levels (52 aliases,
 * 6.7e7 leaves) so that a failure costs seconds; at 49 levels the same walk would take years.
 */
describe('an alias graph under the alias cap (2 aliases per level) is rejected fast', () => {
  const LEVELS = 26;
  const graph = laughs(LEVELS, 2).lines.join('\n');
  const expanded = 'invalid YAML: its aliases expand to more than 1,000,000 values';
  // Reported at the first alias: the line after the anchor line `l0: …`.

  it('rejects it in a policy', { timeout: 1000 }, () => {
    const text = `version: 1\nextends: anthropic-rsp-v2.2\n${graph}\n`;
    expectLocated(
      thrown(() => loadPolicy(text, POLICY_FILE)),
      { code: 'yaml-syntax', file: POLICY_FILE, line: 4, message: expanded },
    );
  });

  it(
    'rejects it in a card’s front matter, even under a free-form key',
    { timeout: 1000 },
    async () => {
      const state = await load({ [CARD]: card(`${graph}\n`) });
      expect(state.models).toEqual([]);
      expect(state.problems).toMatchObject([
        { code: 'yaml-syntax', file: CARD, message: expanded },
      ]);
    },
  );

  it('rejects it in an evidence file', { timeout: 1000 }, async () => {
    const text = `model: acme/m\n${graph}\nresults: *l${LEVELS}\n`;
    expectLocated(await rejection(readEvidence(text)), {
      code: 'yaml-syntax',
      file: EVIDENCE,
      line: 3,
      message: expanded,
    });
  });

  it('rejects it in an attestation file', { timeout: 1000 }, () => {
    const text = `model: "*"\n${graph}\nattestations: *l${LEVELS}\n`;
    expectLocated(
      thrown(() => parseAttestations(text, ATTESTATION, policy)),
      { code: 'yaml-syntax', file: ATTESTATION, line: 3, message: expanded },
    );
  });
});

describe('a recursive alias (a node that contains itself) is a located error, not a crash', () => {
  it('rejects a self-containing list in a policy', () => {
    const error = thrown(() => loadPolicy(`${TEST_POLICY}name: &n [*n]\n`, POLICY_FILE));
    expect(['yaml-syntax', 'schema']).toContain(error.code);
    expectLocated(error, {
      code: error.code,
      file: POLICY_FILE,
      line: lineOf(TEST_POLICY, 'signoffs:') + 2,
    });
  });

  it('rejects a self-containing list in an evidence file', async () => {
    const error = await rejection(readEvidence('model: acme/m\nresults: &r [*r]\n'));
    expect(['yaml-syntax', 'schema']).toContain(error.code);
    expectLocated(error, { code: error.code, file: EVIDENCE, line: 2 });
  });

  it('rejects a self-containing list in an attestation file', () => {
    const error = thrown(() =>
      parseAttestations('model: "*"\nattestations: &a [*a]\n', ATTESTATION, policy),
    );
    expect(['yaml-syntax', 'schema']).toContain(error.code);
    expectLocated(error, { code: error.code, file: ATTESTATION, line: 2 });
  });

  it('reads or rejects (never crashes on) a card with a self-containing mapping', async () => {
    const state = await load({ [CARD]: card('loop: &l { self: *l }\n') });
    expect(state.problems.map((p) => p.code)).not.toContain('read-failed');
  });
});

describe('nesting beyond the depth cap', () => {
  it('rejects 65 levels of flow lists in an evidence file at the column where the cap is passed', () => {
    const text = `model: acme/m\nresults: ${'['.repeat(65)}${']'.repeat(65)}\n`;
    return rejection(readEvidence(text)).then((error) =>
      expectLocated(error, {
        code: 'yaml-syntax',
        file: EVIDENCE,
        line: 2,
        message: 'invalid YAML: nesting exceeded maxDepth (64)',
      }),
    );
  });

  it(
    'rejects 10,000 levels of nesting in a policy, fast and without a stack overflow',
    { timeout: 2000 },
    () => {
      const text = `version: 1\nname: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`;
      const error = thrown(() => loadPolicy(text, POLICY_FILE));
      expectLocated(error, { code: 'yaml-syntax', file: POLICY_FILE, line: 2 });
      expect(error.hint).toBe('at most 64 levels of nesting are allowed');
    },
  );

  it("rejects 70 levels of block mappings in a card's front matter at the line in the card", async () => {
    const deep = Array.from({ length: 70 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n');
    const text = card(`${deep} 1\n`);
    const state = await load({ [CARD]: text });
    expect(state.models).toEqual([]);
    expectProblem(state.problems[0], 'yaml-syntax', CARD, lineOf(text, 'k63:'));
  });

  it('reads nesting just under the cap', async () => {
    const text = card(`deep: ${'['.repeat(62)}1${']'.repeat(62)}\n`);
    const state = await load({ [CARD]: text });
    expect(state.problems).toEqual([]);
    expect(state.models).toHaveLength(1);
  });
});

describe('__proto__, constructor and prototype keys at every level', () => {
  const keys = ['__proto__', 'constructor', 'prototype'];

  it('reads a card whose model-index carries them at every level, using own keys only', async () => {
    const poison = (indent: string, value: string) =>
      keys.map((k) => `${indent}${k}: ${value}`).join('\n');
    const text = [
      '---',
      poison('', '{ rsp: { model: evil }, polluted: true }'),
      'model-index:',
      '  - name: acme/m',
      poison('    ', '{ results: [], polluted: true }'),
      '    results:',
      '      - dataset: { type: wmdp_bio, __proto__: { type: evil }, constructor: { name: evil } }',
      poison('        ', '{ metrics: [], polluted: true }'),
      '        metrics:',
      '          - { type: acc, value: 0.41, __proto__: { value: 0.99, verified: true }, constructor: { value: 0.1 }, prototype: 3 }',
      '          - { type: f1, __proto__: { value: 0.2 } }',
      '---',
      '',
    ].join('\n');
    const state = await load({ [CARD]: text });
    expect(state.problems).toEqual([]);
    expect(state.models.map((m) => m.id)).toEqual(['acme/m']);
    expect(
      state.models[0]!.evidence.map((r) => [r.benchmark, r.metric, r.value, r.line, r.warnings]),
    ).toEqual([
      ['wmdp_bio', 'acc', 0.41, 16, []],
      ['wmdp_bio', 'f1', null, 17, ['metric has no `value`; no value read']],
    ]);
  });

  it('ignores a card whose only rsp block hides behind __proto__', async () => {
    const state = await load({ [CARD]: '---\n__proto__: { rsp: { model: evil } }\n---\n' });
    expect(state).toEqual({ models: [], attestations: [], problems: [] });
  });

  it.each(keys)('rejects `%s` inside an rsp block as an unknown key at its line', async (key) => {
    const text = cardText('acme/m', `  ${key}: { evals: ["../../**"] }\n`);
    const state = await load({ [CARD]: text });
    expectProblem(state.problems[0], 'schema', CARD, 4);
    expect(state.problems[0]!.message).toContain(`unknown key \`${key}\``);
  });

  it.each(keys)(
    'rejects `%s` inside an evidence result as an unknown key at its line',
    async (key) => {
      const text = `model: acme/m\nresults:\n  - benchmark: b\n    metric: m\n    value: 0.1\n    date: 2026-10-01\n    source: s\n    ${key}: { value: 0.9 }\n`;
      expectLocated(await rejection(readEvidence(text)), {
        code: 'schema',
        file: EVIDENCE,
        line: 8,
        key: `results[0].${key}`,
      });
    },
  );

  it.each(keys)('rejects `%s` inside an attestation item as an unknown key', (key) => {
    const text = `model: "*"\nattestations:\n  - safeguard: asl2-sec-supply-chain\n    approved_by: [bob]\n    date: 2026-10-01\n    ${key}: { approved_by: [alice] }\n`;
    expectLocated(
      thrown(() => parseAttestations(text, ATTESTATION, policy)),
      { code: 'schema', file: ATTESTATION, line: 6 },
    );
  });

  it('keeps benchmark ids named like prototype members as plain ids, and refuses `__proto__`', () => {
    const add = (ids: string[]) =>
      TEST_POLICY.replace(
        'scaleup: { metric: multiplier, scale: unbounded }',
        [
          'scaleup: { metric: multiplier, scale: unbounded }',
          ...ids.map((id) => `  ${id}: { metric: x, scale: fraction }`),
        ].join('\n'),
      );
    const loaded = loadPolicy(add(['constructor', 'toString']), POLICY_FILE);
    expect([...loaded.benchmarks.keys()]).toEqual(
      expect.arrayContaining(['constructor', 'toString']),
    );
    expect(loaded.benchmarks.get('hasOwnProperty')).toBeUndefined();
    // The schema's id pattern refuses it; the error points into the benchmarks block.
    const error = thrown(() => loadPolicy(add(['__proto__']), POLICY_FILE));
    expectLocated(error, { code: 'schema', file: POLICY_FILE, key: 'benchmarks' });
    expect(error.location.line).toBeGreaterThanOrEqual(lineOf(TEST_POLICY, 'benchmarks:'));
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    'rejects a reference to an undefined role named `%s`',
    (role) => {
      const text = TEST_POLICY.replace('policy_owners: [rso]', `policy_owners: [rso, ${role}]`);
      const error = thrown(() => loadPolicy(text, POLICY_FILE));
      // `__proto__` already fails the role-name pattern of the schema.
      expect(error.code).toBe(role === '__proto__' ? 'schema' : 'policy-reference');
      expect(error.message).toContain(role === '__proto__' ? 'policy_owners[1]' : role);
      expect(error.location.file).toBe(POLICY_FILE);
      expect(error.hint).toBeTruthy();
    },
  );
});

describe('custom tags are refused', () => {
  const tags = [
    ['!!js/function', '"function () { return process.exit(1) }"'],
    ['!!js/undefined', "''"],
    ['!!js/regexp', '/x/'],
    ['!!python/object/apply:os.system', '["rm -rf /"]'],
    ['!!python/object:__main__.Evil', '{ a: 1 }'],
    ['!!python/name:os.system', "''"],
    ['!ruby/object:Gem::Installer', '{ i: x }'],
    ['!!binary', 'aGVsbG8='],
    ['!!set', '{ a, b }'],
    ['!!timestamp', '2026-10-01'],
  ];

  it.each(tags)('rejects %s where an evidence value belongs', async (tag, payload) => {
    const text = `model: acme/m\nresults:\n  - benchmark: b\n    metric: m\n    value: ${tag} ${payload}\n    date: 2026-10-01\n    source: s\n`;
    const error = await rejection(readEvidence(text));
    expectLocated(error, {
      code: 'yaml-syntax',
      file: EVIDENCE,
      line: 5,
      message: /unknown .*tag/,
    });
  });

  it('rejects a tag in a policy, a card and an attestation file', async () => {
    const policyError = thrown(() =>
      loadPolicy(`version: 1\nextends: anthropic-rsp-v2.2\nname: !!js/function "f"\n`, POLICY_FILE),
    );
    expectLocated(policyError, { code: 'yaml-syntax', file: POLICY_FILE, line: 3 });
    const state = await load({
      [CARD]: cardText('acme/m', '  evals: !!python/object/apply:os.system ["id"]\n'),
      [ATTESTATION]: 'model: !!python/name:os.getcwd ""\nattestations: []\n',
    });
    expectProblem(
      state.problems.find((p) => p.file === CARD),
      'yaml-syntax',
      CARD,
      4,
    );
    expectProblem(
      state.problems.find((p) => p.file === ATTESTATION),
      'yaml-syntax',
      ATTESTATION,
      1,
    );
  });

  it('rejects a %TAG directive that maps a handle to a foreign namespace', async () => {
    const text =
      '%TAG !py! tag:yaml.org,2002:python/\n---\nmodel: !py!object/apply:os.system ["id"]\nresults: []\n';
    expectLocated(await rejection(readEvidence(text)), {
      code: 'yaml-syntax',
      file: EVIDENCE,
      line: 3,
    });
  });
});

describe('several YAML documents in one file', () => {
  it('rejects a policy whose second document is the real policy', () => {
    const error = thrown(() =>
      loadPolicy(`version: 1\nextends: anthropic-rsp-v2.2\n---\n${TEST_POLICY}`, POLICY_FILE),
    );
    expectLocated(error, { code: 'yaml-multiple-documents', file: POLICY_FILE, line: 1 });
  });

  it('rejects an evidence file with a second document after an end marker', async () => {
    const text = `${okEvidence}...\nmodel: acme/other\nresults: []\n`;
    expectLocated(await rejection(readEvidence(text)), {
      code: 'yaml-multiple-documents',
      file: EVIDENCE,
    });
  });

  it('rejects an attestation file with an empty trailing document', () => {
    expectLocated(
      thrown(() => parseAttestations(`${okAttestation}---\n`, ATTESTATION, policy)),
      { code: 'yaml-multiple-documents', file: ATTESTATION },
    );
  });

  it("rejects a card's front matter that starts a second document with `--- text`", async () => {
    const state = await load({
      [CARD]: '---\nrsp: { model: acme/m }\n--- rsp: { model: acme/evil }\n---\n',
    });
    expect(state.models).toEqual([]);
    expectProblem(state.problems[0], 'yaml-syntax', CARD, 3);
  });
});

describe('YAML 1.1 spellings where numbers belong are not read as numbers', () => {
  const evidenceWith = (value: string) =>
    `model: acme/m\nresults:\n  - benchmark: b\n    metric: m\n    value: ${value}\n    date: 2026-10-01\n    source: s\n`;

  it.each(['yes', 'no', 'on', 'off', 'y', '1_000', '1:20', '0b101', '1e400', '~', '""'])(
    'rejects `value: %s` in an evidence file at the line of the value',
    async (value) => {
      expectLocated(await rejection(readEvidence(evidenceWith(value))), {
        code: 'schema',
        file: EVIDENCE,
        line: 5,
        key: 'results[0].value',
      });
    },
  );

  it.each([
    ['0x1F', 31],
    ['0o17', 15],
    ['017', 17], // decimal in YAML 1.2, not octal 15
    ['+12', 12],
    ['.5', 0.5],
    ['1.', 1],
  ])('reads `value: %s` as the YAML 1.2 number %d', async (value, expected) => {
    const [record] = await readEvidence(evidenceWith(value));
    expect(record!.value).toBe(expected);
  });

  const policyWithLt = (value: string) =>
    TEST_POLICY.replace('longform-virology, lt: 0.5,', `longform-virology, lt: ${value},`);

  it.each(['yes', '1_000', '1:20', 'on'])(
    'rejects `lt: %s` in a policy threshold at its line',
    (value) => {
      expectLocated(
        thrown(() => loadPolicy(policyWithLt(value), POLICY_FILE)),
        { code: 'schema', file: POLICY_FILE, line: lineOf(TEST_POLICY, 'longform-virology, lt:') },
      );
    },
  );

  it('says that `lt` must be a number, not that `benchmark` is an unknown key', () => {
    const error = thrown(() => loadPolicy(policyWithLt('yes'), POLICY_FILE));
    expect(error.location.key).toBe('thresholds[0].rule_out[1].lt');
    expect(error.message).toMatch(/\blt\b.*must be number/);
  });

  it.each(['1_000', '1:20', 'yes'])('rejects `effective_compute: %s` in a card', async (value) => {
    const state = await load({ [CARD]: cardText('acme/m', `  effective_compute: ${value}\n`) });
    expectProblem(state.problems[0], 'schema', CARD, 4);
    expect(state.problems[0]!.message).toMatch(/rsp\.effective_compute: must be number/);
  });

  it('keeps `no` and an unquoted date as strings in an attestation file', () => {
    const [item] = parseAttestations(
      'model: "no"\nattestations:\n  - { safeguard: asl2-sec-supply-chain, approved_by: [bob], date: 2026-10-01 }\n',
      ATTESTATION,
      policy,
    );
    expect([item!.model, item!.date]).toEqual(['no', '2026-10-01']);
  });
});

describe('tabs', () => {
  it('rejects tab indentation in an evidence file at the tab', async () => {
    const text =
      'model: acme/m\nresults:\n\t- { benchmark: b, metric: m, value: 1, date: 2026-10-01, source: s }\n';
    expectLocated(await rejection(readEvidence(text)), {
      code: 'yaml-syntax',
      file: EVIDENCE,
      line: 3,
      column: 1,
      message: 'invalid YAML: tab characters must not be used in indentation',
    });
  });

  it("rejects tab indentation in a card's front matter at the line in the card", async () => {
    const state = await load({ [CARD]: '---\nrsp:\n\tmodel: acme/m\n---\n' });
    expectProblem(state.problems[0], 'yaml-syntax', CARD, 3);
  });

  it('rejects tab indentation in a policy and in an attestation file', async () => {
    expectLocated(
      thrown(() => loadPolicy('version: 1\nroles:\n  rso:\n\t  users: [a]\n', POLICY_FILE)),
      { code: 'yaml-syntax', file: POLICY_FILE, line: 4 },
    );
    const state = await load({ [ATTESTATION]: okAttestation.replace('  - {', '\t- {') });
    expectProblem(state.problems[0], 'yaml-syntax', ATTESTATION, 3);
  });
});

describe('encodings and binary files where YAML or Markdown belongs', () => {
  const invalid = (text: string, at: string, bytes: number[]) => {
    const cut = text.indexOf(at);
    return concatBytes(text.slice(0, cut), Uint8Array.from(bytes), text.slice(cut));
  };

  it('rejects invalid UTF-8 in an evidence file at the line and column of the bad byte', async () => {
    const bytes = invalid(okEvidence, 'trial', [0xc3, 0x28]);
    expectLocated(await rejection(readEvidence(bytes)), {
      code: 'encoding',
      file: EVIDENCE,
      line: 3,
      column: okEvidence.split('\n')[2]!.indexOf('trial') + 1,
    });
  });

  it('rejects invalid UTF-8 in a card, an attestation file and the policy', async () => {
    const state = await load({
      [CARD]: invalid(card(), 'acme/m', [0xff]),
      [ATTESTATION]: invalid(okAttestation, 'bob', [0xed, 0xa0, 0x80]), // a UTF-16 surrogate
    });
    expectProblem(
      state.problems.find((p) => p.file === CARD),
      'encoding',
      CARD,
      3,
    );
    expectProblem(
      state.problems.find((p) => p.file === ATTESTATION),
      'encoding',
      ATTESTATION,
      3,
    );
    const bad = invalid(TEST_POLICY, 'ASL-4]', [0xc0, 0xaf]); // overlong '/'
    const error = await rejection(loadPolicyFrom(memoryTree({ [POLICY_FILE]: bad }), POLICY_FILE));
    expectLocated(error, {
      code: 'encoding',
      file: POLICY_FILE,
      line: lineOf(TEST_POLICY, 'ASL-4]'),
    });
  });

  it.each([
    ['UTF-16LE', utf16leWithBom],
    ['UTF-16BE', utf16beWithBom],
  ])(
    'rejects %s with a byte order mark in an evidence file, a card and the policy',
    async (_name, encode) => {
      expectLocated(await rejection(readEvidence(encode(okEvidence))), {
        code: 'encoding',
        file: EVIDENCE,
        line: 1,
        column: 1,
      });
      const state = await load({ [CARD]: encode(card()) });
      expectProblem(state.problems[0], 'encoding', CARD, 1);
      const error = await rejection(
        loadPolicyFrom(memoryTree({ [POLICY_FILE]: encode(TEST_POLICY) }), POLICY_FILE),
      );
      expectLocated(error, { code: 'encoding', file: POLICY_FILE, line: 1 });
    },
  );

  it('rejects a NUL byte in an evidence file and in front matter, at its line', async () => {
    const nul = okEvidence.replace('trial', 'tr\u0000ial');
    expectLocated(await rejection(readEvidence(nul)), {
      code: 'yaml-syntax',
      file: EVIDENCE,
      line: 3,
    });
    const state = await load({ [CARD]: card('note: "a\u0000b"\n') });
    expectProblem(state.problems[0], 'yaml-syntax', CARD, 5);
  });

  it('reads a card whose Markdown body (not its front matter) holds NUL bytes', async () => {
    const state = await load({ [CARD]: `${card()}\u0000\u0000binary tail\u0000` });
    expect(state.problems).toEqual([]);
    expect(state.models.map((m) => m.id)).toEqual(['acme/m']);
  });

  it('rejects a PNG renamed to .yml, .evidence.yml and .md with an encoding error at line 1', async () => {
    const png = pngImage();
    expectLocated(await rejection(readEvidence(png)), {
      code: 'encoding',
      file: EVIDENCE,
      line: 1,
      column: 1,
      message: /byte 0x89 at offset 0/,
    });
    const state = await load({
      [CARD]: card(),
      'models/m/evals/figure.md': png,
      'models/other/MODEL_CARD.md': png,
      'safeguards/logo.yml': png,
    });
    expectProblem(
      state.models[0]!.artifactErrors.find((p) => p.file === 'models/m/evals/figure.md'),
      'encoding',
      'models/m/evals/figure.md',
      1,
    );
    expectProblem(
      state.problems.find((p) => p.file === 'models/other/MODEL_CARD.md'),
      'encoding',
      'models/other/MODEL_CARD.md',
      1,
    );
    expectProblem(
      state.problems.find((p) => p.file === 'safeguards/logo.yml'),
      'encoding',
      'safeguards/logo.yml',
      1,
    );
  });

  it("reports a PNG renamed to a plain .yml among a card's evals as an unknown format", async () => {
    const state = await load({ [CARD]: card(), 'models/m/evals/plot.yml': pngImage() });
    expectProblem(
      state.models[0]!.artifactErrors[0],
      'unknown-format',
      'models/m/evals/plot.yml',
      1,
    );
  });
});

describe('error hints fit the error', () => {
  it('does not blame the alias cap for an alias that names no anchor', async () => {
    const error: InputError = await rejection(readEvidence('model: acme/m\nresults: *nothing\n'));
    expectLocated(error, {
      code: 'yaml-syntax',
      file: EVIDENCE,
      line: 2,
      message: /unidentified alias/,
    });
    expect(error.hint).not.toMatch(/at most 100 aliases/);
  });
});

it('reads the clean inputs these tests start from', async () => {
  const state = await load({
    [CARD]: card(),
    [EVIDENCE]: okEvidence,
    [ATTESTATION]: okAttestation,
  });
  expect(state.problems).toEqual([]);
  expect(state.models[0]!.artifactErrors).toEqual([]);
  expect(state.models[0]!.evidence.map((r) => r.value)).toEqual([1.5]);
  expect(state.attestations).toHaveLength(1);
});
