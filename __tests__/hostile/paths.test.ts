/**
 * Hostile paths and globs in a real directory (createLocalTree + loadRepository): globs and
 * `previous` paths that leave the repository, Windows and home paths, `**` over `.git`, symbolic
 * links of every kind; and duplicate ids across cards, policies and attestations.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Problem, RepositoryState } from '../../src/core/inputs.js';
import { loadPolicyFrom } from '../../src/gate/check-trees.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import type { Policy } from '../../src/policy/types.js';
import { createLocalTree } from '../../src/repository/local-tree.js';
import { loadRepository } from '../../src/repository/load-repository.js';
import { context, NOW, TEST_POLICY, testPolicy } from '../helpers/build.js';
import {
  cardText,
  evidenceText,
  expectLocated,
  lineOf,
  linkIn,
  outsideDir,
  rejection,
  removeRepos,
  tempRepo,
  thrown,
} from './generators.js';

afterEach(() => removeRepos());

const POLICY_FILE = '.github/rsp-policy.yml';
const CARD = 'models/m/MODEL_CARD.md';
const policy = testPolicy();
const evidence = evidenceText('acme/m', [
  { benchmark: 'bio-uplift-trial', metric: 'ratio', value: 1.5 },
]);
const secret = evidenceText('acme/m', [
  { benchmark: 'bio-uplift-trial', metric: 'ratio', value: 0.1 },
]);

const cardWith = (rsp: string, model = 'acme/m') => cardText(model, rsp);
const load = (root: string, p: Policy = policy) => loadRepository(createLocalTree(root), p);

function expectProblem(
  problem: Problem | undefined,
  code: string,
  file: string,
  line?: number | null,
) {
  expect(problem, `a ${code} problem for ${file}`).toBeDefined();
  expect(problem!.code).toBe(code);
  expect(problem!.file).toBe(file);
  if (line !== undefined) expect(problem!.line).toBe(line);
  expect(problem!.hint, `hint of ${code}: ${problem!.message}`).toBeTruthy();
}

/** Every file the state names. */
function filesNamed(state: RepositoryState): string[] {
  return [
    ...state.problems.map((p) => p.file),
    ...state.attestations.map((a) => a.file),
    ...state.models.flatMap((m) => [
      m.card,
      ...m.evidence.map((r) => r.file),
      ...m.artifactErrors.map((p) => p.file),
      ...m.warnings.map((p) => p.file),
    ]),
  ];
}

describe('evals globs that leave the repository', () => {
  it.each([
    '../../../../**',
    'evals/../../../../etc/*',
    './../../../x/*.json',
    '/etc/passwd',
    '//server/share/*',
    'C:\\x\\*.json',
    'evals\\*.evidence.yml',
  ])('refuses `%s` at its line, reading nothing through it', async (glob) => {
    const root = tempRepo({
      [CARD]: cardWith(`  evals: ["evals/*", ${JSON.stringify(glob)}]\n`),
      'models/m/evals/a.evidence.yml': evidence,
    });
    const state = await load(root);
    const [model] = state.models;
    expect(model!.artifactErrors).toHaveLength(1);
    expectProblem(model!.artifactErrors[0], 'glob-outside', CARD, 4);
    expect(model!.artifactErrors[0]!.column).toEqual(expect.any(Number));
    expect(model!.evidence.map((r) => [r.file, r.value])).toEqual([
      ['models/m/evals/a.evidence.yml', 1.5],
    ]);
  });

  it.each(['~/x/*', 'C:/x/*', '$HOME/*', '%USERPROFILE%/*'])(
    'reads `%s` as a path inside the repository (no expansion), matching nothing',
    async (glob) => {
      const root = tempRepo({ [CARD]: cardWith(`  evals: [${JSON.stringify(glob)}]\n`) });
      const state = await load(root);
      expect(state.models[0]!.artifactErrors).toEqual([]);
      expect(state.models[0]!.evidence).toEqual([]);
      expect(state.models[0]!.warnings.map((w) => w.code)).toContain('no-evidence-files');
    },
  );

  it('allows `..` that stays inside the repository', async () => {
    const root = tempRepo({
      [CARD]: cardWith('  evals: ["../shared/*.evidence.yml"]\n'),
      'models/shared/a.evidence.yml': evidence,
    });
    const state = await load(root);
    expect(state.models[0]!.evidence.map((r) => r.file)).toEqual(['models/shared/a.evidence.yml']);
  });

  it.each([
    ['`../..` from a card two levels down', CARD, '../..'],
    ['`.` from a card at the repository root', 'MODEL_CARD.md', '.'],
  ])(
    'reports an evals glob that names the repository root (%s) as a problem, not a crash',
    async (_name, path, glob) => {
      const root = tempRepo({ [path]: cardWith(`  evals: [${JSON.stringify(glob)}]\n`) });
      const state = await load(root);
      expect(state.models).toHaveLength(1);
      expect(state.models[0]!.artifactErrors.map((p) => p.code)).not.toContain('read-failed');
    },
  );
});

describe('`**` over everything, .git included', () => {
  it('never lists or reads files under .git or node_modules', async () => {
    const root = tempRepo({
      [CARD]: cardWith('  evals: ["../../**"]\n'),
      'models/m/evals/a.evidence.yml': evidence,
      '.git/config': '[core]\n',
      '.git/objects/x.evidence.yml': secret,
      '.git/hooks/MODEL_CARD.md': cardWith('', 'acme/hook'),
      'node_modules/pkg/x.evidence.yml': secret,
      'sub/.git/MODEL_CARD.md': cardWith('', 'acme/submodule'),
      'README.md': '# repo\n',
    });
    const entries = (await createLocalTree(root).list('')).map((e) => e.path);
    expect(entries.filter((p) => /(^|\/)(\.git|node_modules)\//.test(p))).toEqual([]);
    const state = await load(root);
    expect(state.models.map((m) => m.id)).toEqual(['acme/m']);
    expect(filesNamed(state).filter((p) => /(^|\/)(\.git|node_modules)\//.test(p))).toEqual([]);
    expect(state.models[0]!.evidence.map((r) => r.file)).toEqual(['models/m/evals/a.evidence.yml']);
  });

  it('reports every other file `**` drags in that is not evidence', async () => {
    const root = tempRepo({
      [CARD]: cardWith('  evals: ["../../**"]\n'),
      [POLICY_FILE]: TEST_POLICY,
      'docs/notes.txt': 'hello',
    });
    const state = await load(root);
    expect(state.models[0]!.artifactErrors.map((p) => [p.code, p.file]).sort()).toEqual([
      ['unknown-format', '.github/rsp-policy.yml'],
      ['unknown-format', 'docs/notes.txt'],
    ]);
  });
});

describe('symbolic links', () => {
  it('does not follow an evals directory that links outside the repository', async () => {
    const outside = outsideDir({ 'leak.evidence.yml': secret });
    const root = tempRepo({ [CARD]: cardWith('  evals: ["evals/*", "evals"]\n') });
    linkIn(root, 'models/m/evals', outside);
    const state = await load(root);
    const [model] = state.models;
    expect(model!.evidence).toEqual([]);
    expect(model!.artifactErrors).toHaveLength(1);
    expectProblem(model!.artifactErrors[0], 'symlink', 'models/m/evals');
    expect(filesNamed(state).some((p) => p.includes('leak'))).toBe(false);
  });

  it(
    'lists symlink loops without walking them, and refuses each as evidence',
    { timeout: 5000 },
    async () => {
      const root = tempRepo({
        [CARD]: cardWith('  evals: ["evals/**"]\n'),
        'models/m/evals/a.evidence.yml': evidence,
      });
      linkIn(root, 'models/m/evals/self', '.');
      linkIn(root, 'models/m/evals/up', '../..');
      linkIn(root, 'models/m/evals/ping', 'pong');
      linkIn(root, 'models/m/evals/pong', 'ping');
      const entries = await createLocalTree(root).list('');
      expect(entries.filter((e) => e.kind === 'symlink').map((e) => e.path)).toEqual([
        'models/m/evals/ping',
        'models/m/evals/pong',
        'models/m/evals/self',
        'models/m/evals/up',
      ]);
      const state = await load(root);
      expect(state.models[0]!.evidence.map((r) => r.file)).toEqual([
        'models/m/evals/a.evidence.yml',
      ]);
      expect(state.models[0]!.artifactErrors.map((p) => p.code)).toEqual([
        'symlink',
        'symlink',
        'symlink',
        'symlink',
      ]);
    },
  );

  it('refuses a model card that links to a card outside the repository', async () => {
    const outside = outsideDir({ 'MODEL_CARD.md': cardWith('', 'acme/elsewhere') });
    const root = tempRepo({});
    linkIn(root, CARD, `${outside}/MODEL_CARD.md`);
    const state = await load(root);
    expect(state.models).toEqual([]);
    expectProblem(state.problems[0], 'symlink', CARD, null);
  });

  it('refuses an attestation file that is a symbolic link, with a hint', async () => {
    const outside = outsideDir({
      'org.yml':
        'model: "*"\nattestations:\n  - { safeguard: asl2-sec-supply-chain, approved_by: [bob], date: 2026-10-01 }\n',
    });
    const root = tempRepo({});
    linkIn(root, 'safeguards/org.yml', `${outside}/org.yml`);
    const state = await load(root);
    expect(state.attestations).toEqual([]);
    expectProblem(state.problems[0], 'symlink', 'safeguards/org.yml');
  });

  it('refuses a policy file that is a symbolic link, with a hint', async () => {
    const outside = outsideDir({ 'policy.yml': TEST_POLICY });
    const root = tempRepo({});
    linkIn(root, POLICY_FILE, `${outside}/policy.yml`);
    expectLocated(await rejection(loadPolicyFrom(createLocalTree(root), POLICY_FILE)), {
      code: 'symlink',
      file: POLICY_FILE,
    });
  });
});

describe("a card's `previous`", () => {
  it.each(['../../../../etc/passwd', '/etc/passwd', 'C:\\models\\MODEL_CARD.md', '../..'])(
    '`previous: %s` is a located problem and reads nothing',
    async (previous) => {
      const root = tempRepo({ [CARD]: cardWith(`  previous: ${JSON.stringify(previous)}\n`) });
      const state = await load(root);
      expect(state.models[0]!.previous).toBeNull();
      expectProblem(state.models[0]!.artifactErrors[0], 'previous-not-found', CARD, 4);
      expect(state.models[0]!.artifactErrors[0]!.message).toMatch(
        /does not exist in the repository$/,
      );
    },
  );

  it('does not resolve `previous` to a real card outside the repository', async () => {
    const outside = outsideDir({
      'MODEL_CARD.md': cardWith('  effective_compute: 1\n', 'acme/tiny'),
    });
    const name = outside.split('/').pop()!;
    const root = tempRepo({
      [CARD]: cardWith(`  effective_compute: 1e26\n  previous: ../../../${name}/MODEL_CARD.md\n`),
    });
    const state = await load(root);
    expect(state.models[0]!.previous).toBeNull();
    expectProblem(state.models[0]!.artifactErrors[0], 'previous-not-found', CARD, 5);
  });

  it('does not take a symlinked card, or a file that is not a card, as `previous`', async () => {
    const root = tempRepo({
      [CARD]: cardWith('  previous: ../old/MODEL_CARD.md\n'),
      'models/n/MODEL_CARD.md': cardWith('  previous: ../../README.md\n', 'acme/n'),
      'README.md': '# not a card\n',
      'elsewhere/MODEL_CARD.md': cardWith('', 'acme/old'),
    });
    linkIn(root, 'models/old/MODEL_CARD.md', '../../elsewhere/MODEL_CARD.md');
    const state = await load(root);
    const byCard = new Map(state.models.map((m) => [m.card, m]));
    expect(byCard.get(CARD)!.previous).toBeNull();
    expectProblem(byCard.get(CARD)!.artifactErrors[0], 'previous-not-found', CARD, 4);
    expect(byCard.get(CARD)!.artifactErrors[0]!.message).toMatch(
      /is not a model card found by the discovery globs$/,
    );
    expectProblem(
      byCard.get('models/n/MODEL_CARD.md')!.artifactErrors[0],
      'previous-not-found',
      'models/n/MODEL_CARD.md',
      4,
    );
  });
});

describe('policy discovery globs', () => {
  const withDiscovery = (cards: string[]) =>
    loadPolicy(`${TEST_POLICY}discovery: { cards: ${JSON.stringify(cards)} }\n`, POLICY_FILE);

  it.each([
    [
      'a relative path up and out',
      (outside: string) => `../${outside.split('/').pop()!}/MODEL_CARD.md`,
      /`\.\.` may not leave the repository/,
    ],
    ['an absolute path', (outside: string) => `${outside}/*.md`, /absolute paths are not allowed/],
    ['a Windows path', () => 'C:\\cards\\*.md', /absolute paths are not allowed/],
  ])(
    'refuses a policy whose discovery glob is %s, at its line, with a hint',
    (_name, glob, message) => {
      const outside = outsideDir({ 'MODEL_CARD.md': cardWith('', 'acme/outside') });
      const text = `${TEST_POLICY}discovery:\n  cards:\n    - "**/MODEL_CARD.md"\n    - ${JSON.stringify(glob(outside))}\n`;
      expectLocated(
        thrown(() => loadPolicy(text, POLICY_FILE)),
        {
          code: 'policy-glob',
          file: POLICY_FILE,
          line: lineOf(text, '- "**/MODEL_CARD.md"') + 1,
          key: 'discovery.cards[1]',
          message,
        },
      );
    },
  );

  it('reads through a discovery glob that stays inside the repository', async () => {
    const root = tempRepo({ [CARD]: cardWith('') });
    const state = await load(root, withDiscovery(['**/MODEL_CARD.md']));
    expect(state.models.map((m) => m.id)).toEqual(['acme/m']);
    expect(state.problems).toEqual([]);
  });
});

describe('duplicate ids', () => {
  const evaluateState = (head: RepositoryState) =>
    evaluate({ policy, head, base: null, context: context(), policyChange: null, now: NOW });

  it('blocks two cards declaring the same model (ids compared without case), at the second card', async () => {
    const root = tempRepo({
      'models/a/MODEL_CARD.md': cardWith(''),
      'models/b/MODEL_CARD.md': cardWith('', 'ACME/M'),
    });
    const record = evaluateState(await load(root));
    expect(record.decision).toBe('block');
    expect(record.reasons).toContainEqual(
      expect.objectContaining({
        code: 'duplicate-model',
        severity: 'block',
        file: 'models/b/MODEL_CARD.md',
        line: 3,
      }),
    );
  });

  it.each([
    [
      'safeguards',
      'safeguard',
      '{ id: asl2-sec-supply-chain, level: ASL-2, kind: security, title: Again, signers: [rso] }',
    ],
    [
      'triggers',
      'trigger',
      '{ id: notably-more-capable, all: [ { months_since_assessment: { gte: 1 } } ], requires_attestation: x }',
    ],
  ])('rejects a duplicate %s id at the second one', (list, singular, item) => {
    const anchor = list === 'safeguards' ? 'signoffs:' : 'safeguards:';
    const text = TEST_POLICY.replace(anchor, `  - ${item}\n${anchor}`);
    const error = thrown(() => loadPolicy(text, POLICY_FILE));
    expectLocated(error, {
      code: 'policy-duplicate-id',
      file: POLICY_FILE,
      line: lineOf(text, `  - ${item}`),
      message: new RegExp(`^policy: duplicate ${singular} id`),
    });
  });

  it('rejects a benchmark or role key written twice, at the second one', () => {
    const benchmarks = TEST_POLICY.replace(
      '  scaleup: { metric: multiplier, scale: unbounded }',
      '  scaleup: { metric: multiplier, scale: unbounded }\n  wmdp-bio: { metric: accuracy, scale: percent }',
    );
    expectLocated(
      thrown(() => loadPolicy(benchmarks, POLICY_FILE)),
      {
        code: 'yaml-syntax',
        file: POLICY_FILE,
        line: lineOf(benchmarks, 'scale: percent'),
        message: 'invalid YAML: duplicated mapping key',
      },
    );
    const roles = TEST_POLICY.replace(
      '  ceo: { users: [carol] }',
      '  ceo: { users: [carol] }\n  rso: { users: [mallory] }',
    );
    expectLocated(
      thrown(() => loadPolicy(roles, POLICY_FILE)),
      {
        code: 'yaml-syntax',
        file: POLICY_FILE,
        line: lineOf(roles, 'mallory'),
      },
    );
  });

  it.each([
    [
      'the same alias on two benchmarks',
      'bio-uplift-trial: { metric: ratio, scale: unbounded }',
      'bio-uplift-trial: { aliases: [wmdp_bio], metric: ratio, scale: unbounded }',
    ],
    [
      "another benchmark's id as an alias",
      'scaleup: { metric: multiplier, scale: unbounded }',
      'scaleup: { aliases: [WMDP-Bio], metric: multiplier, scale: unbounded }',
    ],
  ])('rejects %s', (_name, from, to) => {
    const text = TEST_POLICY.replace(from, to);
    const error = thrown(() => loadPolicy(text, POLICY_FILE));
    expectLocated(error, {
      code: 'policy-reference',
      file: POLICY_FILE,
      message: /names both benchmark/,
    });
    expect([lineOf(text, to), lineOf(text, 'wmdp-bio: {')]).toContain(error.location.line);
  });

  it('counts the same attestation twice (two files, and twice in one file) as once', async () => {
    // bio-uplift-trial 3.5: neither ruled in (≥ 5) nor out (≤ 2.8); only a decision signed by
    // both ceo (carol) and rso (alice) may clear CBRN-3. Copies of carol's alone must not add up.
    const between = evidenceText('acme/m', [
      { benchmark: 'bio-uplift-trial', metric: 'ratio', value: 3.5 },
    ]);
    const decision = (who: string) =>
      `  - { decision: capability, threshold: CBRN-3, verdict: below, approved_by: [${who}], date: 2026-10-01 }\n`;
    const files = {
      [CARD]: cardWith('  evals: ["evals/*"]\n'),
      'models/m/evals/a.evidence.yml': between,
    };
    const file = (items: string) => `model: acme/m\nattestations:\n${items}`;
    const cbrn = async (attestations: Record<string, string>) =>
      evaluateState(await load(tempRepo({ ...files, ...attestations }))).models[0]!.thresholds.find(
        (t) => t.id === 'CBRN-3',
      )!.status;

    expect(await cbrn({ 'safeguards/d.yml': file(decision('carol, alice')) })).toBe(
      'cleared_by_decision',
    );
    expect(await cbrn({ 'safeguards/d.yml': file(decision('carol')) })).toBe('not_ruled_out');
    expect(
      await cbrn({
        'safeguards/d.yml': file(decision('carol') + decision('carol')),
        'safeguards/d-copy.yml': file(decision('carol')),
      }),
    ).toBe('not_ruled_out');
  });
});
