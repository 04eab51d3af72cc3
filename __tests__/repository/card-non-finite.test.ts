/**
 * A card is read the way its ecosystem reads it: `.nan` and `.inf` are YAML numbers the Hub
 * writes (its evaluations report `loss: .nan`), so outside the `rsp` block they are a located
 * warning and the value is read as no value; the model is judged. Inside `rsp`, our own block,
 * they stay a located error.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { evaluate } from '../../src/core/evaluate.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { createLocalTree } from '../../src/repository/local-tree.js';
import { loadRepository } from '../../src/repository/load-repository.js';
import { NOW, TEST_POLICY, context } from '../helpers/build.js';

/** A Hub-evaluated card whose model-index reports `loss: .nan` on four datasets (SOURCES.md). */
const REAL_CARD = join(
  import.meta.dirname,
  '../fixtures/hf-model-card/cs577__Shobhank-iiitdwd_long-t5-tglobal-base-16384-book-summary_README.md',
);
const CARD_PATH = 'models/long-t5/README.md';
const MODEL = 'pszemraj/long-t5-tglobal-base-16384-book-summary';
const POLICY_TEXT = `${TEST_POLICY}\ndiscovery: { cards: ["models/*/README.md"], attestations: ["safeguards/**/*.yml"] }\n`;
const policy = loadPolicy(POLICY_TEXT, '.github/rsp-policy.yml');

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>, realCard = false): string {
  const root = mkdtempSync(join(tmpdir(), 'rsp-gate-nan-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  if (realCard) {
    mkdirSync(dirname(join(root, CARD_PATH)), { recursive: true });
    copyFileSync(REAL_CARD, join(root, CARD_PATH));
  }
  return root;
}

async function judge(root: string) {
  const head = await loadRepository(createLocalTree(root), policy);
  const record = evaluate({
    policy,
    head,
    base: null,
    context: context(),
    policyChange: null,
    now: NOW,
  });
  return { head, record };
}

const LOSS_LINES = [217, 250, 283, 316];

describe('a real card with `loss: .nan` in its model-index', () => {
  test('is read and its model judged, with a warning at each `.nan` line naming the key', async () => {
    const { head, record } = await judge(repo({}, true));
    expect(head.problems).toEqual([]);
    expect(head.models.map((m) => m.id)).toEqual([MODEL]);
    const warnings = head.models[0]!.warnings.filter((w) => w.code === 'card-non-finite');
    expect(warnings.map((w) => [w.file, w.line, w.message])).toEqual(
      LOSS_LINES.map((line, i) => [
        CARD_PATH,
        line,
        `model-index[0].results[${i}].metrics[4].value is .nan, not a finite number; read as no value`,
      ]),
    );

    // The other metrics of the same results are read as written; each loss as no value.
    const booksum = head.models[0]!.evidence.filter((r) => r.benchmark === 'kmfoda/booksum');
    expect(booksum.map((r) => [r.metric, r.value, r.line])).toEqual([
      ['rouge', 36.4085, 201],
      ['rouge', 6.0646, 205],
      ['rouge', 16.7209, 209],
      ['rouge', 33.3405, 213],
      ['loss', null, 217],
      ['gen_len', 252.8099, 221],
    ]);

    // Judged: the model has a verdict, and the warning reaches its reasons as information.
    expect(record.models.map((m) => m.id)).toEqual([MODEL]);
    expect(record.reasons.filter((r) => r.code === 'schema')).toEqual([]);
    expect(record.reasons.filter((r) => r.code === 'card-non-finite')).toEqual(
      LOSS_LINES.map((line, i) => ({
        code: 'card-non-finite',
        severity: 'info',
        message: `model-index[0].results[${i}].metrics[4].value is .nan, not a finite number; read as no value`,
        file: CARD_PATH,
        line,
        model: MODEL,
      })),
    );
  });

  test('`rsp-gate check` judges it (no exit 2) and prints the warning at its line', async () => {
    const root = repo({ '.github/rsp-policy.yml': POLICY_TEXT }, true);
    let out = '';
    let err = '';
    const io: Io = {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      cwd: root,
      now: () => NOW,
    };
    const code = await main(['check', '--root', '.'], io);
    expect(code === 0 || code === 1, `exit ${code}: ${err}${out}`).toBe(true);
    expect(out).toContain(MODEL);
    expect(out).toContain(`${CARD_PATH}:217`);
    expect(out).toContain('model-index[0].results[0].metrics[4].value is .nan');
  });
});

describe('non-finite numbers written by hand', () => {
  const card = (front: string) => `---\n${front}---\n# m\n`;

  test('`.nan` inside `rsp` (effective_compute) is still a located error: the card is not read', async () => {
    const root = repo({
      [CARD_PATH]: card('license: mit\nrsp:\n  model: acme/m\n  effective_compute: .nan\n'),
    });
    const { head, record } = await judge(root);
    expect(head.models).toEqual([]);
    expect(head.problems).toMatchObject([
      {
        code: 'schema',
        file: CARD_PATH,
        line: 5,
        message: 'model card: rsp.effective_compute is not a finite number',
        hint: 'write a finite number (.nan and .inf are not allowed here)',
      },
    ]);
    expect(record.decision).toBe('block');
    expect(record.reasons).toContainEqual(
      expect.objectContaining({ code: 'schema', severity: 'block', file: CARD_PATH, line: 5 }),
    );
  });

  test('`-.inf` anywhere else in the front matter is a warning at its line; the model is judged', async () => {
    const root = repo({
      [CARD_PATH]: card(
        'co2_eq_emissions:\n  emissions: -.inf\nrsp:\n  model: acme/m\n  effective_compute: 1.0e+24\n',
      ),
    });
    const { head, record } = await judge(root);
    expect(head.problems).toEqual([]);
    expect(head.models[0]).toMatchObject({ id: 'acme/m', effectiveCompute: 1e24 });
    expect(head.models[0]!.warnings).toContainEqual({
      code: 'card-non-finite',
      message: 'co2_eq_emissions.emissions is -.inf, not a finite number; read as no value',
      file: CARD_PATH,
      line: 3,
      column: 14,
    });
    expect(record.models.map((m) => m.id)).toEqual(['acme/m']);
  });
});
