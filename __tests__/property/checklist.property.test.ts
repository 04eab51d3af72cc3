/**
 * Property tests for the checklist reader: parsing any comment body is total and pure, and
 * attributing ticks over an edit history credits exactly the humans who last ticked an item.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Confirmation } from '../../src/core/inputs.js';
import {
  attributeTicks,
  parseChecklist,
  type CommentRevision,
  type ParsedChecklist,
} from '../../src/github/checklist.js';
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
import { check, TEST_TIMEOUT_MS } from './settings.js';

/* ------------------------------------------------------------------------------------------ */
/* Real comments                                                                                */
/* ------------------------------------------------------------------------------------------ */

const crossing = () => [record('bio-uplift-trial', 'ratio', 5.3), ...belowEverything().slice(1)];

/** Comments the gate renders: one model, two models (one with a hostile id), some items ticked. */
const RENDERED: string[] = (() => {
  const policy = testPolicy();
  const decide = (models: ReturnType<typeof model>[], confirmations: Confirmation[] = []) =>
    renderMarkdown(
      evaluate({
        policy,
        head: state(models),
        base: null,
        context: context({ confirmations }),
        policyChange: null,
        now: NOW,
      }),
      { blobUrl: 'https://github.test/blob/sha/', headSha: 'head1' },
    );
  return [
    decide([model(crossing())]),
    decide([
      model(crossing()),
      model(crossing(), {
        id: 'x|`<!-- rsp-gate:item a b -->`@bob [ ]',
        card: 'models/x/MODEL_CARD.md',
      }),
    ]),
    decide(
      [model(crossing())],
      [
        {
          model: 'acme/m',
          safeguard: 'asl3-sec-weight-access',
          user: 'bob',
          at: '2026-11-27T09:00:00Z',
        },
      ],
    ),
  ];
})();

/** The checklist part of each rendered comment (the folded details hold no items; parsing is ~2 ms/KB). */
const HISTORY_BODIES = RENDERED.map((body) => body.split('\n<details>')[0]!);

const GOLDEN = readFileSync(join(import.meta.dirname, '../golden/comment-blocked.md'), 'utf8');

/* ------------------------------------------------------------------------------------------ */
/* Arbitrary and mutated bodies                                                                 */
/* ------------------------------------------------------------------------------------------ */

/** Markdown fragments that matter to a checklist. */
const TOKENS = [
  '- [ ] ',
  '- [x] ',
  '* [X] ',
  '1. [x] ',
  '  - [x] ',
  '    - [ ] ',
  '[x]',
  '<!-- rsp-gate:item acme%2Fm asl3-sec-weight-access -->',
  '<!-- rsp-gate:item  -->',
  '<!--rsp-gate:item a b-->',
  '<!-- rsp-gate:item %E0%A4%A a -->',
  '<!-- RSP-GATE:ITEM a b -->',
  '<!-- rsp-gate:comment -->',
  '<!--',
  '-->',
  '`',
  '```\n',
  '~~~\n',
  '> ',
  '>',
  '<details>',
  '</details>',
  '<div>\n',
  '| a | b |\n|---|---|\n',
  '[^1]: ',
  '\\',
  '&lt;',
  '&#x2d;',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '    ',
  '\u0000',
  '\uD800',
  '😀',
  '@alice',
];

const markdownish = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...TOKENS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

type BodyMutation =
  | { op: 'delete' | 'duplicate' | 'toggle'; line: number }
  | { op: 'swap'; line: number; other: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'cut'; at: number; length: number };

const n = fc.nat({ max: 1 << 20 });
const bodyMutation: fc.Arbitrary<BodyMutation> = fc.oneof(
  fc.record({
    op: fc.constantFrom('delete' as const, 'duplicate' as const, 'toggle' as const),
    line: n,
  }),
  fc.record({ op: fc.constant('swap' as const), line: n, other: n }),
  fc.record({
    op: fc.constant('insert' as const),
    at: n,
    text: fc.oneof(fc.constantFrom(...TOKENS), markdownish),
  }),
  fc.record({ op: fc.constant('cut' as const), at: n, length: fc.integer({ min: 1, max: 200 }) }),
);

function mutateBody(body: string, m: BodyMutation): string {
  const lines = body.split('\n');
  switch (m.op) {
    case 'delete':
      lines.splice(m.line % lines.length, 1);
      return lines.join('\n');
    case 'duplicate': {
      const i = m.line % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'toggle': {
      const i = m.line % lines.length;
      lines[i] = lines[i]!.replace(/\[( |x|X)\]/, (_, c: string) => (c === ' ' ? '[x]' : '[ ]'));
      return lines.join('\n');
    }
    case 'swap': {
      const i = m.line % lines.length;
      const j = m.other % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (body.length + 1);
      return body.slice(0, at) + m.text + body.slice(at);
    }
    case 'cut': {
      const at = m.at % (body.length + 1);
      return body.slice(0, at) + body.slice(at + m.length);
    }
  }
}

const anyBody = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  markdownish,
  fc
    .tuple(
      fc.oneof(
        { weight: 4, arbitrary: fc.nat({ max: RENDERED.length - 1 }).map((i) => RENDERED[i]!) },
        { weight: 1, arbitrary: fc.constant(GOLDEN) },
      ),
      fc.array(bodyMutation, { minLength: 1, maxLength: 6 }),
    )
    .map(([body, ms]) => ms.reduce(mutateBody, body)),
);

function assertWellFormed(parsed: ParsedChecklist): void {
  expect(Array.isArray(parsed.items)).toBe(true);
  const keys = new Set<string>();
  for (const item of parsed.items) {
    expect(typeof item.model === 'string' && item.model !== '').toBe(true);
    expect(typeof item.safeguard === 'string' && item.safeguard !== '').toBe(true);
    expect(typeof item.checked).toBe('boolean');
    const key = JSON.stringify([item.model, item.safeguard]);
    expect(keys.has(key), `item ${key} listed twice`).toBe(false);
    keys.add(key);
  }
  expect(parsed.duplicates.every((d) => typeof d === 'string')).toBe(true);
  // A duplicated key is listed once, unchecked.
  for (const item of parsed.items) {
    if (parsed.duplicates.includes(`${item.model} ${item.safeguard}`))
      expect(item.checked).toBe(false);
  }
}

describe('parseChecklist is total and pure', () => {
  test(
    'arbitrary strings and mutated real comments: no throw, well-formed, same result twice',
    () => {
      check(
        fc.property(anyBody, (body) => {
          const first = parseChecklist(body);
          assertWellFormed(first);
          expect(parseChecklist(body)).toStrictEqual(first);
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

/* ------------------------------------------------------------------------------------------ */
/* Edit histories                                                                               */
/* ------------------------------------------------------------------------------------------ */

const BOTS = ['rsp-gate[bot]'];
const EDITORS = [
  'rsp-gate[bot]',
  'RSP-Gate[bot]',
  ' rsp-gate[bot] ',
  'alice',
  'bob',
  'Carol',
  ' dave ',
  'mallory',
  null,
  '',
  '   ',
];
const isBot = (editor: string | null) =>
  editor !== null && BOTS.includes(editor.trim().toLowerCase());
const human = (editor: string | null): string | null =>
  editor === null || editor.trim() === '' || isBot(editor) ? null : editor.trim();

/** One item line of a rendered comment, by key. */
interface ItemLine {
  key: string;
  model: string;
  safeguard: string;
  line: number;
}

function itemLines(body: string): ItemLine[] {
  const out: ItemLine[] = [];
  body.split('\n').forEach((text, line) => {
    const m = /^- \[[ x]\] .*<!-- rsp-gate:item (\S+) (\S+) -->$/.exec(text);
    if (m) {
      const model = decodeURIComponent(m[1]!);
      const safeguard = decodeURIComponent(m[2]!);
      out.push({ key: JSON.stringify([model, safeguard]), model, safeguard, line });
    }
  });
  return out;
}

/** What a revision shows: per item, how many copies and whether the box is ticked. */
type View = Map<string, { copies: number; checked: boolean }>;

/** A revision's change: set boxes, hide or copy item lines. */
interface Step {
  editor: string | null;
  changes: { item: number; op: 'tick' | 'untick' | 'hide' | 'show' | 'copy' | 'uncopy' }[];
}

const step: fc.Arbitrary<Step> = fc.record({
  editor: fc.constantFrom(...EDITORS),
  changes: fc.array(
    fc.record({
      item: fc.nat({ max: 63 }),
      op: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('tick' as const, 'untick' as const) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'hide' as const,
            'show' as const,
            'copy' as const,
            'uncopy' as const,
          ),
        },
      ),
    }),
    { maxLength: 4 },
  ),
});

function renderView(body: string, items: ItemLine[], view: View): string {
  const lines = body.split('\n');
  const byLine = new Map(items.map((i) => [i.line, i]));
  const out: string[] = [];
  lines.forEach((text, index) => {
    const item = byLine.get(index);
    if (!item) return void out.push(text);
    const v = view.get(item.key)!;
    const line = text.replace(/^- \[[ x]\]/, v.checked ? '- [x]' : '- [ ]');
    for (let c = 0; c < v.copies; c++) out.push(line);
  });
  return out.join('\n');
}

/** The checked state the gate must read: present once and ticked (a copied item is unchecked). */
function effective(view: View, key: string): boolean {
  const v = view.get(key)!;
  return v.copies === 1 && v.checked;
}

describe('attributeTicks credits exactly the humans who last ticked an item', () => {
  test(
    'random editors (the bot among them) ticking, unticking, hiding and copying rendered items',
    () => {
      check(
        fc.property(
          fc.nat({ max: HISTORY_BODIES.length - 1 }),
          fc.array(step, { minLength: 0, maxLength: 5 }),
          fc.nat(),
          (which, steps, probe) => {
            const body = HISTORY_BODIES[which]!;
            const items = itemLines(body);
            // Revision 0: the bot's comment as rendered.
            const initial: View = new Map(
              items.map((i) => [
                i.key,
                { copies: 1, checked: body.split('\n')[i.line]!.startsWith('- [x]') },
              ]),
            );
            const views: View[] = [initial];
            const history: CommentRevision[] = [{ editor: BOTS[0]!, body, at: 'T00' }];
            for (const [r, s] of steps.entries()) {
              const view: View = new Map(
                [...views[views.length - 1]!].map(([k, v]) => [k, { ...v }]),
              );
              for (const c of s.changes) {
                const v = view.get(items[c.item % items.length]!.key)!;
                if (c.op === 'tick') v.checked = true;
                else if (c.op === 'untick') v.checked = false;
                else if (c.op === 'hide') v.copies = 0;
                else if (c.op === 'show') v.copies = Math.max(1, v.copies);
                else if (c.op === 'copy') v.copies = 2;
                else v.copies = Math.min(1, v.copies);
              }
              views.push(view);
              history.push({
                editor: s.editor,
                body: renderView(body, items, view),
                at: `T${r + 1}`,
              });
            }

            // The parser reads a revision as constructed (one, chosen at random: parsing is slow).
            const r = probe % history.length;
            const expected = items
              .filter((i) => views[r]!.get(i.key)!.copies > 0)
              .map((i) => ({
                model: i.model,
                safeguard: i.safeguard,
                checked: effective(views[r]!, i.key),
              }));
            expect(parseChecklist(history[r]!.body).items, `revision ${r}`).toStrictEqual(expected);

            const { confirmations, unticked } = attributeTicks(history, BOTS);

            /** Revisions in which a human changed the item's (effective) state, oldest first. */
            const humanChanges = (key: string) =>
              history
                .map((rev, r) => ({ rev, r }))
                .filter(
                  ({ rev, r }) =>
                    r > 0 &&
                    human(rev.editor) !== null &&
                    views[r]!.get(key)!.copies > 0 &&
                    effective(views[r - 1]!, key) !== effective(views[r]!, key),
                );

            for (const c of confirmations) {
              const key = JSON.stringify([c.model, c.safeguard]);
              const changes = humanChanges(key);
              const last = changes[changes.length - 1];
              expect(last, `confirmation of ${key} by ${c.user} has no human change`).toBeDefined();
              expect(isBot(c.user) || human(c.user) === null).toBe(false);
              // The last human change is this user's tick, at this revision.
              expect(c.user).toBe(human(last!.rev.editor));
              expect(c.at).toBe(last!.rev.at);
              expect(effective(views[last!.r]!, key)).toBe(true);
            }
            // Complete: every item whose last human change was a tick is confirmed, an untick unticked.
            for (const item of items) {
              const changes = humanChanges(item.key);
              const last = changes[changes.length - 1];
              const confirmed = confirmations.some(
                (c) => c.model === item.model && c.safeguard === item.safeguard,
              );
              const cleared = unticked.some(
                (u) => u.model === item.model && u.safeguard === item.safeguard,
              );
              expect(confirmed, `${item.key}: confirmed`).toBe(
                last !== undefined && effective(views[last.r]!, item.key),
              );
              expect(cleared, `${item.key}: unticked`).toBe(
                last !== undefined && !effective(views[last.r]!, item.key),
              );
            }
            if (history.every((rev) => human(rev.editor) === null)) {
              expect(confirmations).toStrictEqual([]);
              expect(unticked).toStrictEqual([]);
            }
          },
        ),
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a history edited only by the bot (or deleted accounts) confirms nothing',
    () => {
      check(
        fc.property(
          fc.array(
            fc.record({
              editor: fc.constantFrom('rsp-gate[bot]', 'RSP-GATE[bot]', ' rsp-gate[bot]', null, ''),
              body: fc.oneof(
                fc.constantFrom(...HISTORY_BODIES),
                fc.constantFrom(...HISTORY_BODIES).map((b) => b.replace(/- \[ \]/g, '- [x]')),
                markdownish,
              ),
            }),
            { minLength: 1, maxLength: 4 },
          ),
          (revisions) => {
            const history = revisions.map((r, i) => ({ ...r, at: `T${i}` }));
            const { confirmations, unticked } = attributeTicks(history, BOTS);
            expect(confirmations).toStrictEqual([]);
            expect(unticked).toStrictEqual([]);
          },
        ),
      );
    },
    TEST_TIMEOUT_MS,
  );
});
