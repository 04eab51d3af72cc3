/**
 * The checklist in the bot's comment: which safeguard items it holds, which are ticked, and who
 * ticked them according to the comment's edit history. Pure: bodies and revisions in, data out.
 *
 * Markdown is read with a real GFM parser, so a task item counts only where GitHub renders a
 * checkbox (not in code, not in a block quote, not inside a raw HTML block), and its hidden id
 * counts only where GitHub hides it (an HTML comment, not escaped text or a code span).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Confirmation } from '../core/inputs.js';

/** One task item that carries a hidden id. */
export interface ChecklistItem {
  model: string;
  safeguard: string;
  checked: boolean;
}

export interface ParsedChecklist {
  /** One entry per (model, safeguard), in order of first appearance. */
  items: ChecklistItem[];
  /** `"<model> <safeguard>"` of every key that appears more than once; those items are unchecked. */
  duplicates: string[];
}

/** One version of the comment body and who produced it. */
export interface CommentRevision {
  /** Login of whoever saved this version; null for a deleted account. */
  editor: string | null;
  body: string;
  at: string;
}

/** An item whose latest human change was to clear its box. */
export interface Untick {
  model: string;
  safeguard: string;
  user: string;
  at: string;
}

export interface TickAttribution {
  confirmations: Confirmation[];
  unticked: Untick[];
}

/** The part of an mdast node this module reads. */
interface MdNode {
  type: string;
  value?: string;
  checked?: boolean | null;
  children?: MdNode[];
}

/**
 * A hidden id at the start of an HTML node: one comment. markerOf also requires it to end where
 * the node ends, so that it is the whole node (checked apart from this pattern, so that the one
 * mutant that check cannot show is marked alone and every other mutant of the pattern is tested).
 */
const MARKER = /^<!--[ \t]*rsp-gate:item[ \t]+(\S+)[ \t]+(\S+)[ \t]*-->/;
/** Anything that looks like an attempt at a hidden id, well formed or not. */
const MARKER_LIKE = /rsp-gate:item/i;

function attempts(node: MdNode): number {
  // Stryker disable next-line StringLiteral: every mdast html node has a value; the fallback only satisfies the type
  return (node.value ?? '').split(MARKER_LIKE).length - 1;
}

/** Containers whose task items GitHub does not present as the bot's checklist. */
const SKIPPED = new Set([
  'blockquote',
  'footnoteDefinition',
  // Stryker disable next-line StringLiteral: code and html nodes are leaves in mdast, with no items below them to skip
  'code',
  // Stryker disable next-line StringLiteral: code and html nodes are leaves in mdast, with no items below them to skip
  'html',
]);

function parseTree(body: string): MdNode {
  return fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function keyOf(model: string, safeguard: string): string {
  return JSON.stringify([model, safeguard]);
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Every HTML node below `node` (not descending into nested lists: their items are their own). */
// Stryker disable next-line ArrayDeclaration: a non-node in the list has no value, so it adds no attempt and is never the marker
function htmlNodes(node: MdNode, out: MdNode[] = []): MdNode[] {
  for (const child of node.children ?? []) {
    if (child.type === 'list') continue;
    if (child.type === 'html') out.push(child);
    else htmlNodes(child, out);
  }
  return out;
}

/** Inline HTML nodes in the item's own paragraphs: the only place a hidden id may sit. */
function inlineHtml(item: MdNode): Set<MdNode> {
  const found = new Set<MdNode>();
  // Stryker disable next-line ArrayDeclaration: a list item always has children; an extra entry is no paragraph
  for (const child of item.children ?? []) {
    if (child.type === 'paragraph') for (const h of htmlNodes(child)) found.add(h);
  }
  return found;
}

/** The item's (model, safeguard), or null unless it carries exactly one well-formed hidden id. */
function markerOf(item: MdNode): { model: string; safeguard: string } | null {
  const all = htmlNodes(item);
  if (all.reduce((n, h) => n + attempts(h), 0) !== 1) return null;
  const node = all.find((h) => attempts(h) === 1);
  if (!node || !inlineHtml(item).has(node)) return null;
  // Stryker disable next-line StringLiteral: the node made one attempt, so it has a value; the fallback only satisfies the type
  const value = node.value ?? '';
  const match = MARKER.exec(value);
  if (!match) return null;
  // Stryker disable next-line ConditionalExpression: an inline HTML comment node ends at its first `-->`, so a match of MARKER always ends where the node ends; this guards a parser that kept more
  if (match.index + match[0].length !== value.length) return null;
  const model = decode(match[1]!);
  const safeguard = decode(match[2]!);
  if (model === null || safeguard === null) return null;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: (\S+) never decodes to '' (every escape decodes to a character); this guards a future MARKER
  if (model === '' || safeguard === '') return null;
  return { model, safeguard };
}

function collectItems(node: MdNode, out: ChecklistItem[]): void {
  for (const child of node.children ?? []) {
    if (SKIPPED.has(child.type)) continue;
    // Stryker disable next-line ConditionalExpression: only mdast listItem nodes carry a boolean `checked`, so the type test never decides alone
    const listItem = child.type === 'listItem';
    if (listItem && typeof child.checked === 'boolean') {
      const marker = markerOf(child);
      if (marker) out.push({ ...marker, checked: child.checked });
    }
    collectItems(child, out);
  }
}

/**
 * The safeguard items in a comment body. A key that appears more than once is reported in
 * `duplicates` and listed once, unchecked: a copied item is a sign of tampering, not a tick.
 */
export function parseChecklist(body: string): ParsedChecklist {
  const found: ChecklistItem[] = [];
  collectItems(parseTree(body), found);
  const byKey = new Map<string, ChecklistItem>();
  const duplicates = new Map<string, string>();
  for (const item of found) {
    const key = keyOf(item.model, item.safeguard);
    const seen = byKey.get(key);
    if (seen) {
      seen.checked = false;
      duplicates.set(key, `${item.model} ${item.safeguard}`);
    } else byKey.set(key, { ...item });
  }
  return { items: [...byKey.values()], duplicates: [...duplicates.values()] };
}

/** A login compared without case and without the `[bot]` suffix GitHub adds to apps. */
function normaliseLogin(login: string): string {
  return login
    .trim()
    .toLowerCase()
    .replace(/\[bot\]$/, '');
}

interface Change {
  model: string;
  safeguard: string;
  user: string;
  at: string;
  ticked: boolean;
}

/**
 * Who ticked what, from the comment's revisions ordered oldest first (the first is the bot's
 * original). Each change of a box between two consecutive revisions belongs to the later
 * revision's editor, except the bot's own re-renders and edits by deleted accounts, which belong
 * to nobody. Per item only the latest human change counts: a tick confirms, an untick does not.
 * Deleting an item changes nothing; an item that appears already ticked is a tick by its editor.
 */
export function attributeTicks(history: CommentRevision[], botLogins: string[]): TickAttribution {
  const bots = new Set(botLogins.map(normaliseLogin));
  const latest = new Map<string, Change>();
  let previous: Map<string, boolean> | null = null;
  for (const revision of history) {
    const current = new Map<string, boolean>();
    const items = parseChecklist(revision.body).items;
    for (const item of items) current.set(keyOf(item.model, item.safeguard), item.checked);
    const editor = revision.editor?.trim() ? revision.editor.trim() : null;
    if (previous && editor !== null && !bots.has(normaliseLogin(editor))) {
      for (const item of items) {
        const key = keyOf(item.model, item.safeguard);
        if ((previous.get(key) ?? false) === item.checked) continue;
        latest.delete(key); // re-insert so the output follows the order of the latest changes
        latest.set(key, {
          model: item.model,
          safeguard: item.safeguard,
          user: editor,
          at: revision.at,
          ticked: item.checked,
        });
      }
    }
    previous = current;
  }
  const confirmations: Confirmation[] = [];
  const unticked: Untick[] = [];
  for (const { model, safeguard, user, at, ticked } of latest.values())
    (ticked ? confirmations : unticked).push({ model, safeguard, user, at });
  return { confirmations, unticked };
}
