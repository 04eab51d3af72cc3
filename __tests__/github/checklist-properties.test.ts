/**
 * Properties of the bot's checklist that reviewers rely on, at the edges the mutation run found
 * untested (checklist.test.ts holds the others): which task items carry a hidden id (the
 * renderer's `<!-- rsp-gate:item model id -->`), and so whose tick can confirm a safeguard. An id
 * quoted inside an item names nothing; text after the id is the item's own; a tick on an item
 * with a nested task item is its ticker's.
 */
import { describe, expect, test } from 'vitest';
import { attributeTicks, parseChecklist } from '../../src/github/checklist.js';
import { commentSafe } from '../../src/render/markdown-text.js';

const MODEL = 'acme/m';
const THREAT = 'asl3-deploy-threat-model';
const WEIGHTS = 'asl3-sec-weight-access';
const BOT = 'github-actions[bot]';

/** The renderer's hidden id for (model, safeguard). */
const marker = (model = MODEL, id = THREAT) =>
  `<!-- rsp-gate:item ${commentSafe(model)} ${commentSafe(id)} -->`;

/** The items of a comment whose lines are given. */
const items = (...lines: string[]) => parseChecklist(lines.join('\n')).items;

const threat = (checked: boolean) => ({ model: MODEL, safeguard: THREAT, checked });

describe('what the item’s own text holds', () => {
  test('a hidden id quoted inside an item, not in its own text, makes no item of it', () => {
    expect(items('- [x] Misuse threat model', '', `  > quoted: ${marker()}`)).toEqual([]);
  });

  test('a hidden id followed by more text in the same line still names its item', () => {
    expect(items(`- [x] Misuse threat model ${marker()} — done, see the eval report`)).toEqual([
      threat(true),
    ]);
  });
});

describe('nested task items', () => {
  const nested = (outer: boolean, inner: boolean) =>
    [
      `- [${outer ? 'x' : ' '}] Misuse threat model ${marker()}`,
      `  - [${inner ? 'x' : ' '}] Weight access minimised ${marker(MODEL, WEIGHTS)}`,
    ].join('\n');

  test('a tick on an item that has a nested task item is its ticker’s confirmation', () => {
    const history = [
      { editor: BOT, body: nested(false, false), at: '2026-11-27T10:00:00Z' },
      { editor: 'alice', body: nested(true, false), at: '2026-11-27T10:01:00Z' },
    ];
    expect(attributeTicks(history, [BOT]).confirmations).toEqual([
      { model: MODEL, safeguard: THREAT, user: 'alice', at: '2026-11-27T10:01:00Z' },
    ]);
  });
});
