/**
 * YAML with source positions. js-yaml 5's event stream carries byte offsets; we walk it once
 * to map every JSON pointer to the line of its key and value, then build the value from the
 * same events. Aliases and nesting are capped: files come from pull requests.
 */
import { constructFromEvents, getScalarValue, parseEvents, YAMLException } from 'js-yaml';
import type { Event } from 'js-yaml';
import { InputError } from '../core/errors.js';
import { createLineIndex, type LineIndex, type Position } from './line-index.js';

export const MAX_YAML_ALIASES = 100;
export const MAX_YAML_DEPTH = 64;
/** Values a document may hold once its aliases are expanded (a few aliases can describe 2^n). */
export const MAX_YAML_EXPANDED_VALUES = 1_000_000;

/**
 * Count the values a document holds with every alias expanded, visiting each shared node once.
 * Returns the path of a node that contains itself, or the expanded count.
 */
/** Offset of the first alias in the document, where an alias problem is reported. */
function firstAlias(events: Event[]): number {
  const alias = events.find((e) => e.type === EVENT_ALIAS);
  return alias && alias.type === EVENT_ALIAS ? Math.max(0, alias.anchorStart - 1) : 0;
}

function measureExpansion(root: unknown): { selfReference: boolean; values: number } {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  let selfReference = false;
  const size = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) {
      selfReference = true;
      return 1;
    }
    open.add(node);
    let total = 1;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      total += size(child);
      if (selfReference || total > MAX_YAML_EXPANDED_VALUES) break;
    }
    open.delete(node);
    sizes.set(node, total);
    return total;
  };
  const values = size(root);
  return { selfReference, values };
}

export interface LocatedDocument {
  readonly file: string;
  readonly value: unknown;
  /** Where the value at `pointer` starts, or where its nearest located ancestor starts. */
  locate(pointer: string): Position;
  /** Where the key of the mapping entry at `pointer` starts (falls back to `locate`). */
  locateKey(pointer: string): Position;
}

const EVENT_DOCUMENT = 1;
const EVENT_SEQUENCE = 2;
const EVENT_MAPPING = 3;
const EVENT_SCALAR = 4;
const EVENT_ALIAS = 5;
const EVENT_POP = 6;

interface Frame {
  kind: 'map' | 'seq' | 'doc';
  pointer: string;
  index: number;
  /** In a mapping: the pending key, once read. */
  key: string | null;
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function eventStart(event: Event): number {
  switch (event.type) {
    case EVENT_SCALAR:
      return event.anchorStart >= 0
        ? Math.min(event.anchorStart, event.valueStart)
        : event.tagStart >= 0
          ? Math.min(event.tagStart, event.valueStart)
          : event.valueStart;
    case EVENT_SEQUENCE:
    case EVENT_MAPPING:
      return event.start;
    case EVENT_ALIAS:
      return Math.max(0, event.anchorStart - 1);
    default:
      return -1;
  }
}

/** Map pointers to offsets by walking the events. */
function indexEvents(
  source: string,
  events: Event[],
): { values: Map<string, number>; keys: Map<string, number> } {
  const values = new Map<string, number>();
  const keys = new Map<string, number>();
  const stack: Frame[] = [];

  const place = (event: Event): string | null => {
    const top = stack[stack.length - 1];
    if (!top) return null;
    if (top.kind === 'doc') return '';
    if (top.kind === 'seq') return `${top.pointer}/${top.index++}`;
    // mapping: first event is a key, second its value
    if (top.key === null) {
      const key = event.type === EVENT_SCALAR ? getScalarValue(source, event) : '?';
      top.key = key;
      keys.set(`${top.pointer}/${escapePointerToken(key)}`, eventStart(event));
      return null; // a key, not a value
    }
    const pointer = `${top.pointer}/${escapePointerToken(top.key)}`;
    top.key = null;
    return pointer;
  };

  for (const event of events) {
    if (event.type === EVENT_DOCUMENT) {
      stack.push({ kind: 'doc', pointer: '', index: 0, key: null });
      continue;
    }
    if (event.type === EVENT_POP) {
      stack.pop();
      continue;
    }
    const top = stack[stack.length - 1];
    const isKey = top?.kind === 'map' && top.key === null;
    const pointer = place(event);
    if (isKey) {
      // A complex (collection) key: descend so its children do not disturb the map.
      if (event.type === EVENT_SEQUENCE || event.type === EVENT_MAPPING) {
        stack.push({
          kind: event.type === EVENT_MAPPING ? 'map' : 'seq',
          pointer: '\u0000',
          index: 0,
          key: null,
        });
      }
      continue;
    }
    if (pointer !== null && !values.has(pointer)) values.set(pointer, eventStart(event));
    if (event.type === EVENT_SEQUENCE || event.type === EVENT_MAPPING) {
      stack.push({
        kind: event.type === EVENT_MAPPING ? 'map' : 'seq',
        pointer: pointer ?? '\u0000',
        index: 0,
        key: null,
      });
    }
  }
  return { values, keys };
}

function nearest(map: Map<string, number>, pointer: string): number {
  let current = pointer;
  for (;;) {
    const offset = map.get(current);
    if (offset !== undefined && offset >= 0) return offset;
    if (current === '') return 0;
    const cut = current.lastIndexOf('/');
    current = cut <= 0 ? '' : current.slice(0, cut);
  }
}

function yamlError(file: string, error: unknown, lines: LineIndex): InputError {
  if (error instanceof YAMLException) {
    const mark = (error as YAMLException & { mark?: { position?: number } }).mark;
    const position = lines.at(mark?.position ?? 0);
    const reason = (error as YAMLException & { reason?: string }).reason ?? error.message;
    const hint = /maxAliases/i.test(reason)
      ? `at most ${MAX_YAML_ALIASES} aliases are allowed; write the values out`
      : /alias/i.test(reason)
        ? 'define the anchor (`&name`) before the alias (`*name`) that uses it'
        : /depth|nest/i.test(reason)
          ? `at most ${MAX_YAML_DEPTH} levels of nesting are allowed`
          : 'fix the YAML syntax';
    return new InputError('yaml-syntax', `invalid YAML: ${reason}`, { file, ...position }, hint);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new InputError('yaml-syntax', `invalid YAML: ${message}`, { file, line: 1, column: 1 });
}

/**
 * Parse one YAML document. `lineOffset` shifts reported lines (front matter starts after `---`).
 * An empty document yields `null`.
 */
export function parseYaml(text: string, file: string, lineOffset = 0): LocatedDocument {
  const lines = createLineIndex(text, lineOffset);
  let events: Event[];
  let docs: unknown[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: MAX_YAML_DEPTH });
    docs = constructFromEvents(events, {
      source: text,
      filename: file,
      maxAliases: MAX_YAML_ALIASES,
    });
  } catch (error) {
    throw yamlError(file, error, lines);
  }
  if (docs.length > 1) {
    throw new InputError(
      'yaml-multiple-documents',
      'expected one YAML document, found several',
      {
        file,
        ...lines.at(0),
      },
      'remove the extra `---` separators',
    );
  }
  const expansion = measureExpansion(docs[0]);
  if (expansion.selfReference || expansion.values > MAX_YAML_EXPANDED_VALUES) {
    throw new InputError(
      'yaml-syntax',
      expansion.selfReference
        ? 'invalid YAML: an alias refers to a value that contains it'
        : `invalid YAML: its aliases expand to more than ${MAX_YAML_EXPANDED_VALUES.toLocaleString('en')} values`,
      { file, ...lines.at(firstAlias(events)) },
      'write the values out instead of nesting aliases',
    );
  }
  const { values, keys } = indexEvents(text, events);
  return {
    file,
    value: docs.length === 0 ? null : docs[0],
    locate: (pointer) => lines.at(nearest(values, pointer)),
    locateKey: (pointer) => {
      const offset = keys.get(pointer);
      return offset !== undefined && offset >= 0
        ? lines.at(offset)
        : lines.at(nearest(values, pointer));
    },
  };
}
