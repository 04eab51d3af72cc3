import { describe, expect, test } from 'vitest';
import type { Confirmation } from '../../src/core/inputs.js';
import { evaluate } from '../../src/core/evaluate.js';
import {
  attributeTicks,
  parseChecklist,
  type CommentRevision,
  type Untick,
} from '../../src/github/checklist.js';
import { commentSafe } from '../../src/render/markdown-text.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import {
  NOW,
  belowEverything,
  context,
  model,
  record,
  state,
  testPolicy,
} from '../helpers/build.js';

const TITLES: Record<string, string> = {
  'asl3-deploy-threat-model': 'Misuse threat model',
  'asl3-sec-weight-access': 'Weight access minimised',
  'asl3-sec-affirmative-case': 'Affirmative case on misalignment',
  'asl2-deploy-usage-policy': 'Usage policy enforced',
};

/** One task item in the renderer's format. */
function item(id: string, checked: boolean, modelId = 'acme/m'): string {
  return `- [${checked ? 'x' : ' '}] ${TITLES[id] ?? 'Some safeguard'} \`${id}\` — needs: \`rso\` <!-- rsp-gate:item ${commentSafe(modelId)} ${commentSafe(id)} -->`;
}

/** A whole comment in the renderer's shape, with the checklist lines given. */
function comment(checklist: string[], extra: string[] = []): string {
  return [
    '<!-- rsp-gate:comment -->',
    '## 🔴 rsp-gate: blocked — acme/m requires ASL-3',
    '',
    '| model | deployment | security | change | decided by | status |',
    '|---|---|---|---|---|---|',
    '| `acme/m` | ASL-3 | ASL-3 | new | CBRN-3 crossed | 🔴 1/4 safeguards |',
    '',
    '**Why:**',
    '- `acme/m`: `bio-uplift-trial ratio` **5.3** ≥ 5 (rule-in for CBRN-3, published) — `models/m/evals/results.evidence.yml:1`',
    '',
    '### `acme/m`: safeguards for ASL-3 deployment / ASL-3 security (1 of 4 confirmed)',
    ...checklist,
    '',
    '**Sign-offs for `acme/m`**',
    '- ⬜ `ceo` — approving review on the head commit, or a `signoff: ASL-3` attestation',
    '- ⬜ `rso` — approving review on the head commit, or a `signoff: ASL-3` attestation',
    ...extra,
    '',
    '<details><summary>Evidence (3 records from 1 files), thresholds and warnings</summary>',
    '',
    '**`acme/m`** (`models/m/MODEL_CARD.md:3`)',
    '',
    '| threshold | status | rule | benchmark | value | test | margin | source |',
    '|---|---|---|---|---|---|---|---|',
    '| `CBRN-3` | crossed | rule-in | `bio-uplift-trial ratio` | 5.3 | ≥ 5 (published) | 0.3 | `models/m/evals/results.evidence.yml:1` |',
    '',
    '</details>',
    '',
    'Judged by policy `.github/rsp-policy.yml` (sha256 `e280cb94c7b5`). Tick an item only if you hold the role it needs; the gate checks who ticked. Comment `/rsp-gate recheck` to re-evaluate.',
    '',
  ].join('\n');
}

/** The checklist as the bot first renders it: one box set by an attestation. */
const ORIGINAL = {
  'asl3-deploy-threat-model': false,
  'asl3-sec-weight-access': false,
  'asl3-sec-affirmative-case': false,
  'asl2-deploy-usage-policy': true,
};
type Boxes = Record<string, boolean>;

function body(boxes: Boxes): string {
  return comment(Object.entries(boxes).map(([id, checked]) => item(id, checked)));
}

const BOT = 'github-actions[bot]';
const BOTS = ['github-actions'];
const at = (minute: number) => `2026-11-27T10:${String(minute).padStart(2, '0')}:00Z`;

/** Revisions oldest first: the bot's original, then each (editor, boxes or body) in turn. */
function history(...edits: [string | null, Boxes | string][]): CommentRevision[] {
  return [
    { editor: BOT, body: body(ORIGINAL), at: at(0) },
    ...edits.map(([editor, next], i) => ({
      editor,
      body: typeof next === 'string' ? next : body(next),
      at: at(i + 1),
    })),
  ];
}

const tick = (boxes: Boxes, ...ids: string[]) =>
  ({ ...boxes, ...Object.fromEntries(ids.map((id) => [id, true])) }) as Boxes;
const untick = (boxes: Boxes, ...ids: string[]) =>
  ({ ...boxes, ...Object.fromEntries(ids.map((id) => [id, false])) }) as Boxes;

const THREAT = 'asl3-deploy-threat-model';
const WEIGHTS = 'asl3-sec-weight-access';
const CASE = 'asl3-sec-affirmative-case';
const USAGE = 'asl2-deploy-usage-policy';

describe('parseChecklist', () => {
  test('parses checked and unchecked items with [x] and [X] inside a realistic comment', () => {
    const parsed = parseChecklist(
      comment([
        item(THREAT, false),
        item(WEIGHTS, true),
        item(CASE, true).replace('[x]', '[X]'),
        '  ⚠ mallory: holds none of rso — not counted',
      ]),
    );
    expect(parsed).toEqual({
      items: [
        { model: 'acme/m', safeguard: THREAT, checked: false },
        { model: 'acme/m', safeguard: WEIGHTS, checked: true },
        { model: 'acme/m', safeguard: CASE, checked: true },
      ],
      duplicates: [],
    });
  });

  test('decodes the hidden ids exactly as the renderer encodes them', () => {
    const line =
      '- [ ] Misuse threat model `asl3-deploy-threat-model` — needs: `rso` <!-- rsp-gate:item acme%2Fm asl3%2Ddeploy%2Dthreat%2Dmodel -->';
    expect(parseChecklist(comment([line])).items).toEqual([
      { model: 'acme/m', safeguard: THREAT, checked: false },
    ]);
    const odd = 'org/model name --> <!-- x ü';
    expect(parseChecklist(comment([item('id with spaces', true, odd)])).items).toEqual([
      { model: odd, safeguard: 'id with spaces', checked: true },
    ]);
  });

  const marker = `<!-- rsp-gate:item acme%2Fm ${commentSafe(CASE)} -->`;
  test.each([
    ['a task item without a marker', ['- [x] Affirmative case `asl3-sec-affirmative-case`'], []],
    ['a plain list item (no checkbox) with a marker', [`- Affirmative case ${marker}`], []],
    ['a marker in fenced code', ['', '```markdown', `- [x] Affirmative case ${marker}`, '```'], []],
    ['a marker in tilde-fenced code', ['', '~~~', `- [x] Affirmative case ${marker}`, '~~~'], []],
    ['a marker in indented code', ['', 'Text.', '', `    - [x] Affirmative case ${marker}`], []],
    ['a marker in inline code', [`- [x] Affirmative case \`${marker}\``], []],
    ['a task item in a block quote', ['', `> - [x] Affirmative case ${marker}`], []],
    ['a task item in a nested block quote', ['', `> > - [x] Affirmative case ${marker}`], []],
    ['a marker typed as escaped text', [`- [x] Affirmative case \\${marker}`], []],
    [
      'a marker typed with entities',
      ['- [x] Affirmative case &lt;!-- rsp-gate:item acme%2Fm asl3%2Dsec --&gt;'],
      [],
    ],
    [
      'a task item inside a <details> HTML block',
      ['', '<details>', `- [x] Affirmative case ${marker}`, '</details>'],
      [],
    ],
    [
      'a task item inside a raw HTML list',
      ['', '<ul><li>', `- [x] Affirmative case ${marker}`, '</li></ul>'],
      [],
    ],
    ['a malformed encoding', ['- [x] Broken <!-- rsp-gate:item acme%2Fm asl3%E0%A4%A -->'], []],
    ['two markers in one item', [`- [x] Two ${marker} <!-- rsp-gate:item acme%2Fm other -->`], []],
    [
      'a second marker in a nested block quote of the item',
      [`- [x] Two ${marker}`, '  > <!-- rsp-gate:item acme%2Fm other -->'],
      [],
    ],
    ['a marker with a third id', ['- [x] Three <!-- rsp-gate:item acme%2Fm a b -->'], []],
    ['a marker with a missing id', ['- [x] One <!-- rsp-gate:item acme%2Fm -->'], []],
    ['a marker on its own HTML block, outside the paragraph', ['- [x] Alone', `  ${marker}`], []],
    ['a marker in a footnote', ['See[^1].', '', `[^1]: - [x] Affirmative case ${marker}`], []],
  ])('ignores %s', (_name, lines, expected) => {
    const parsed = parseChecklist(comment([item(THREAT, false)], lines));
    expect(parsed.items.filter((i) => i.safeguard !== THREAT)).toEqual(expected);
    expect(parsed.items.filter((i) => i.safeguard === THREAT)).toHaveLength(1);
  });

  test.each([
    [
      'after a <details> opened with a blank line (real Markdown)',
      ['', '<details><summary>more</summary>', '', `- [x] Case ${marker}`, '', '</details>'],
    ],
    ['nested in another list item', ['- parent', `  - [x] Case ${marker}`]],
    ['in an ordered list', ['', `1. [x] Case ${marker}`]],
    ['with the marker wrapped in emphasis', [`- [x] Case *${marker}*`]],
  ])('finds a real task item %s', (_name, lines) => {
    expect(parseChecklist(comment([], lines)).items).toEqual([
      { model: 'acme/m', safeguard: CASE, checked: true },
    ]);
  });

  test('reports duplicates once and treats them as not checked', () => {
    const parsed = parseChecklist(
      comment([item(THREAT, true), item(WEIGHTS, true), item(THREAT, true), item(THREAT, false)]),
    );
    expect(parsed).toEqual({
      items: [
        { model: 'acme/m', safeguard: THREAT, checked: false },
        { model: 'acme/m', safeguard: WEIGHTS, checked: true },
      ],
      duplicates: [`acme/m ${THREAT}`],
    });
  });

  test('the same safeguard for two models is two items, not a duplicate', () => {
    const parsed = parseChecklist(comment([item(THREAT, true), item(THREAT, false, 'acme/n')]));
    expect(parsed.duplicates).toEqual([]);
    expect(parsed.items).toHaveLength(2);
  });

  test('finds exactly the safeguards of a rendered comment, with their states', () => {
    const decision = evaluate({
      policy: testPolicy(),
      head: state([
        model([record('bio-uplift-trial', 'ratio', 5.3), ...belowEverything().slice(1)]),
        model([record('bio-uplift-trial', 'ratio', 5.3), ...belowEverything().slice(1)], {
          id: 'acme/n --> <!-- rsp-gate:item x y -->',
          card: 'models/n/MODEL_CARD.md',
        }),
      ]),
      base: null,
      context: context({
        confirmations: [
          { model: 'acme/m', safeguard: WEIGHTS, user: 'bob', at: '2026-11-27T09:00:00Z' },
          { model: 'acme/m', safeguard: THREAT, user: 'mallory', at: '2026-11-27T09:00:00Z' },
        ],
      }),
      policyChange: null,
      now: NOW,
    });
    const expected = decision.models
      .filter((m) => m.safeguards.some((s) => s.status !== 'satisfied'))
      .flatMap((m) =>
        m.safeguards.map((s) => ({
          model: m.id,
          safeguard: s.id,
          checked: s.status === 'satisfied',
        })),
      );
    const parsed = parseChecklist(renderMarkdown(decision));
    expect(parsed.duplicates).toEqual([]);
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(parsed.items).toHaveLength(expected.length);
    expect(parsed.items).toEqual(expect.arrayContaining(expected));
    expect(parsed.items).toContainEqual({ model: 'acme/m', safeguard: WEIGHTS, checked: true });
    expect(parsed.items).toContainEqual({ model: 'acme/m', safeguard: THREAT, checked: false });
  });
});

const confirm = (safeguard: string, user: string, minute: number): Confirmation => ({
  model: 'acme/m',
  safeguard,
  user,
  at: at(minute),
});
const untickBy = (safeguard: string, user: string, minute: number): Untick =>
  confirm(safeguard, user, minute);

describe('attributeTicks', () => {
  const ticked = tick(ORIGINAL, THREAT);
  test.each<[string, [string | null, Boxes | string][], Confirmation[], Untick[]]>([
    [
      'a tick by alice after the bot’s original counts as alice’s',
      [['alice', ticked]],
      [confirm(THREAT, 'alice', 1)],
      [],
    ],
    [
      'alice’s tick survives the bot re-rendering it as confirmed',
      [
        ['alice', ticked],
        [BOT, ticked],
      ],
      [confirm(THREAT, 'alice', 1)],
      [],
    ],
    [
      'an untick by alice after her tick removes it',
      [
        ['alice', ticked],
        [BOT, ticked],
        ['alice', ORIGINAL],
      ],
      [],
      [untickBy(THREAT, 'alice', 3)],
    ],
    ['a bot re-render that sets a box does not count as anyone’s tick', [[BOT, ticked]], [], []],
    [
      'a bot re-render that sets a box, then an unrelated human edit, counts as nobody’s tick',
      [
        [BOT, ticked],
        ['mallory', tick(ticked, WEIGHTS)],
      ],
      [confirm(WEIGHTS, 'mallory', 2)],
      [],
    ],
    [
      'a bot re-render that clears a rejected box does not erase the human’s tick attempt',
      [
        ['mallory', ticked],
        [BOT, ORIGINAL],
      ],
      [confirm(THREAT, 'mallory', 1)],
      [],
    ],
    [
      'a bot re-render that clears a box does not erase a tick made in a race',
      [
        ['alice', ticked],
        ['github-actions', ORIGINAL],
        [BOT, ticked],
      ],
      [confirm(THREAT, 'alice', 1)],
      [],
    ],
    [
      'two users ticking different items in successive edits',
      [
        ['alice', ticked],
        ['bob', tick(ticked, WEIGHTS)],
      ],
      [confirm(THREAT, 'alice', 1), confirm(WEIGHTS, 'bob', 2)],
      [],
    ],
    [
      'the last human change wins: a later tick',
      [
        ['mallory', ticked],
        [BOT, ORIGINAL],
        ['alice', ticked],
      ],
      [confirm(THREAT, 'alice', 3)],
      [],
    ],
    [
      'the last human change wins: a later untick by someone else',
      [
        ['alice', ticked],
        ['mallory', ORIGINAL],
      ],
      [],
      [untickBy(THREAT, 'mallory', 2)],
    ],
    [
      'the last human change wins: untick then tick by another user',
      [
        ['alice', ticked],
        ['bob', ORIGINAL],
        ['carol', ticked],
      ],
      [confirm(THREAT, 'carol', 3)],
      [],
    ],
    [
      'unticking a box the bot set is recorded, with no confirmation',
      [['mallory', untick(ORIGINAL, USAGE)]],
      [],
      [untickBy(USAGE, 'mallory', 1)],
    ],
    ['a ghost editor’s tick is ignored', [[null, ticked]], [], []],
    [
      'a ghost editor’s untick is ignored',
      [
        ['alice', ticked],
        [null, ORIGINAL],
      ],
      [confirm(THREAT, 'alice', 1)],
      [],
    ],
    [
      'an empty editor is treated as a ghost',
      [
        ['  ', ticked],
        ['bob', tick(ticked, WEIGHTS)],
      ],
      [confirm(WEIGHTS, 'bob', 2)],
      [],
    ],
    [
      'a marker rewritten to another safeguard and ticked is a tick of the new key',
      [
        [
          'mallory',
          comment([
            item(THREAT, true).replace(commentSafe(THREAT), commentSafe('asl3-new-item')),
            item(WEIGHTS, false),
            item(CASE, false),
            item(USAGE, true),
          ]),
        ],
      ],
      [confirm('asl3-new-item', 'mallory', 1)],
      [],
    ],
    [
      'a ticked item whose marker is rewritten is a tick of the new key by the rewriter',
      [
        [
          'mallory',
          comment([
            item(THREAT, false),
            item(WEIGHTS, false),
            item(USAGE, true).replace(commentSafe(USAGE), commentSafe(CASE)),
          ]),
        ],
      ],
      [confirm(CASE, 'mallory', 1)],
      [],
    ],
    [
      'an item added already ticked by mallory counts as mallory’s tick',
      [
        [
          'mallory',
          comment([
            ...Object.entries(ORIGINAL).map(([id, c]) => item(id, c)),
            item('asl4-extra', true),
          ]),
        ],
      ],
      [confirm('asl4-extra', 'mallory', 1)],
      [],
    ],
    [
      'deleting a ticked item confirms nothing and keeps the earlier tick',
      [
        ['alice', ticked],
        ['mallory', comment([item(WEIGHTS, false), item(CASE, false), item(USAGE, true)])],
      ],
      [confirm(THREAT, 'alice', 1)],
      [],
    ],
    [
      'an item deleted and re-added ticked is a tick by whoever re-added it',
      [
        ['alice', ticked],
        ['mallory', comment([item(WEIGHTS, false), item(CASE, false), item(USAGE, true)])],
        ['mallory', ticked],
      ],
      [confirm(THREAT, 'mallory', 3)],
      [],
    ],
    [
      'duplicating a ticked item makes it unchecked: an untick by the duplicator',
      [
        ['alice', ticked],
        [
          'mallory',
          comment([...Object.entries(ticked).map(([id, c]) => item(id, c)), item(THREAT, true)]),
        ],
      ],
      [],
      [untickBy(THREAT, 'mallory', 2)],
    ],
    [
      'moving a tick into a block quote is not a tick',
      [['mallory', `${body(ORIGINAL)}\n> ${item('asl4-extra', true)}\n`]],
      [],
      [],
    ],
  ])('%s', (_name, edits, confirmations, unticked) => {
    expect(attributeTicks(history(...edits), BOTS)).toEqual({ confirmations, unticked });
  });

  test.each([
    ['github-actions[bot]', ['github-actions']],
    ['GitHub-Actions', ['github-actions[bot]']],
    ['github-actions[bot]', ['GITHUB-ACTIONS[BOT]']],
    ['rsp-gate-app[bot]', ['other', 'rsp-gate-app']],
  ])('a revision by %s is the bot’s when the bot logins are %j', (editor, bots) => {
    const revisions = history([editor, tick(ORIGINAL, THREAT)]);
    expect(attributeTicks(revisions, bots)).toEqual({ confirmations: [], unticked: [] });
  });

  test('a login that merely contains the bot’s name is a human', () => {
    const revisions = history(['github-actions-fan', tick(ORIGINAL, THREAT)]);
    expect(attributeTicks(revisions, BOTS).confirmations).toEqual([
      confirm(THREAT, 'github-actions-fan', 1),
    ]);
  });

  test('no history, or only the original, confirms nothing', () => {
    expect(attributeTicks([], BOTS)).toEqual({ confirmations: [], unticked: [] });
    expect(attributeTicks(history(), BOTS)).toEqual({ confirmations: [], unticked: [] });
  });

  test('the original revision’s boxes are nobody’s ticks, whoever is named as its editor', () => {
    const [first] = history();
    expect(attributeTicks([{ ...first!, editor: 'mallory' }], BOTS)).toEqual({
      confirmations: [],
      unticked: [],
    });
  });
});

describe('where a hidden id counts', () => {
  const marker = (model = 'acme/m', id = THREAT) => `<!-- rsp-gate:item ${model} ${id} -->`;
  const items = (...lines: string[]) => parseChecklist(lines.join('\n')).items;

  test('a hidden id is read whatever run of spaces or tabs separates its parts', () => {
    expect(items(`- [x] Threat model <!--\t rsp-gate:item  acme/m \t${THREAT}  \t-->`)).toEqual([
      { model: 'acme/m', safeguard: THREAT, checked: true },
    ]);
  });

  test('a hidden id nested inside other comment text is no hidden id', () => {
    expect(items(`- [x] Threat model <!-- note <!-- rsp-gate:item acme/m ${THREAT} -->`)).toEqual(
      [],
    );
  });

  test('other inline HTML before the hidden id does not hide it', () => {
    expect(items(`- [x] <b>Threat model</b> ${marker()}`)).toEqual([
      { model: 'acme/m', safeguard: THREAT, checked: true },
    ]);
  });

  test('an item with a nested task item keeps its own hidden id, and the nested item has its own', () => {
    expect(
      items(`- [x] Threat model ${marker()}`, `  - [ ] Weights ${marker('acme/m', WEIGHTS)}`),
    ).toEqual([
      { model: 'acme/m', safeguard: THREAT, checked: true },
      { model: 'acme/m', safeguard: WEIGHTS, checked: false },
    ]);
  });

  test('a hidden id in a heading inside the item, not in its own text, does not count', () => {
    expect(items('- [x] Threat model', '', `  # Heading ${marker()}`)).toEqual([]);
  });

  test('a hidden id whose model is not valid percent-encoding is no item', () => {
    expect(items(`- [x] Threat model ${marker('acme%E0%A4%A', THREAT)}`)).toEqual([]);
    expect(items(`- [x] Threat model ${marker('acme/m', 'x%E0%A4%A')}`)).toEqual([]);
  });
});

describe('who is the bot, and who ticked', () => {
  test('a bot login given with spaces around it is still the bot', () => {
    const result = attributeTicks(history([BOT, tick(ORIGINAL, THREAT)]), [
      ' github-actions[bot] ',
    ]);
    expect(result.confirmations).toEqual([]);
  });

  test('an editor login with spaces around it is recorded without them', () => {
    const result = attributeTicks(history([' alice ', tick(ORIGINAL, THREAT)]), BOTS);
    expect(result.confirmations).toEqual([confirm(THREAT, 'alice', 1)]);
  });
});

describe('an app is named by a trailing [bot] only', () => {
  test('a login with [bot] inside it is not the bot', () => {
    const result = attributeTicks(history(['github[bot]-actions', tick(ORIGINAL, THREAT)]), [
      'github-actions',
    ]);
    expect(result.confirmations).toEqual([confirm(THREAT, 'github[bot]-actions', 1)]);
  });
});
