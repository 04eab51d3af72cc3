/**
 * A push (incremental) JSON parser for evaluation logs.
 *
 * - Accepts Python's bare `NaN`, `Infinity` and `-Infinity` (returned as JS numbers so readers
 *   can warn); everything else is strict JSON.
 * - Records the 1-based line and column where every value starts, by JSON pointer.
 * - Can stop at a key of the root object (an Inspect log's `samples`) without reading further,
 *   or skip a root key's value (checked, neither kept nor located) and go on.
 * - Caps nesting depth and string length; `__proto__` keys become plain own properties.
 * Columns count UTF-16 code units.
 *
 * Our own because no maintained streaming parser meets the first need, and none meets the others
 * together. NaN: Python's `json.dump` writes bare `NaN` and `Infinity` into real Inspect and
 * lm-eval logs; @streamparser/json, stream-json, jsonparse and clarinet all stop at the `N` as an
 * invalid token (re-writing those words beforehand would take a tokenizer of our own anyway).
 * Positions: of those, only clarinet keeps a line and column (@streamparser/json gives a byte
 * offset per token, stream-json and jsonparse none). Limits: none caps nesting depth or string
 * length, and jsonparse has had no release since 2017. jsonc-parser (positions, tolerance) and
 * JSON5 (NaN) parse one whole string in memory, which a gigabyte log cannot be, and cannot stop
 * at a root key before reading the rest.
 * The UTF-8 split is ours too: `TextDecoder` with `fatal` rejects a whole chunk at its first
 * invalid byte, so how much text before it is parsed (up to a stop key, say) would depend on
 * where chunks end.
 */
import { InputError } from '../core/errors.js';
import type { Position } from './line-index.js';

export const DEFAULT_MAX_DEPTH = 256;
export const DEFAULT_MAX_STRING_LENGTH = 64 * 1024 * 1024;
const MAX_WORD_LENGTH = 512;

export interface JsonParseOptions {
  /** Stop when the root object reaches this key: its value and the rest of the input are not read. */
  stopAtTopLevelKey?: string;
  /** Root-object keys whose values are checked for syntax but neither kept nor located. */
  skipTopLevelKeys?: readonly string[];
  maxDepth?: number;
  maxStringLength?: number;
}

export interface ParsedJson {
  value: unknown;
  /** The key given as `stopAtTopLevelKey` when it was met, else null. */
  stoppedAt: string | null;
  /** Where the value at `pointer` starts, or where its nearest recorded ancestor starts. */
  locate(pointer: string): Position;
}

export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

const HINTS: Record<string, string> = {
  'json-syntax': 'the file is not valid JSON; check that it was written completely by the tool',
  'json-truncated':
    'the file is incomplete: was it truncated, or still being written when committed?',
  'json-depth': 'evaluation logs are never this deep; the file is malformed or hostile',
  'json-string-too-long': 'the file is too large to be an evaluation summary',
};
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const LITERALS = new Map<string, unknown>(Object.entries({ true: true, false: false, null: null }));
LITERALS.set('NaN', NaN).set('Infinity', Infinity).set('-Infinity', -Infinity);
const ESCAPED = '"\\/bfnrt'; // after a backslash …
const UNESCAPED = '"\\/\b\f\n\r\t'; // … stands for
const ESCAPE_LIST = 'one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u';

// Frame states. Object: OPEN → KEY… COLON → VALUE → NEXT. Array: OPEN → VALUE… NEXT.
const [OPEN, KEY, COLON, VALUE, NEXT] = [0, 1, 2, 3, 4];
// Token modes.
const [M_NONE, M_STRING, M_WORD] = [0, 1, 2];

/** Where a value starts, and where its children start (a tree beside the value: no pointer strings). */
interface PosNode {
  line: number;
  column: number;
  children: Map<string, PosNode> | PosNode[] | null;
}

interface Frame {
  container: Record<string, unknown> | unknown[] | null; // null: contents are skipped
  node: PosNode | null;
  isArray: boolean;
  state: number;
  key: string;
  index: number;
  /** Root only: the value of the current key is skipped. */
  skipValue: boolean;
}

/** Characters of numbers and literals (NaN, -Infinity, true…): read as one word, then checked. */
const WORD_CHARS = new Uint8Array(128);
for (const ch of '0123456789+-.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') {
  WORD_CHARS[ch.charCodeAt(0)] = 1;
}
const isWordChar = (c: number): boolean => c < 128 && WORD_CHARS[c] === 1;

function describeChar(ch: string): string {
  return /^[\x21-\x7e]$/.test(ch)
    ? `'${ch}'`
    : `character U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    const descriptor = { value, writable: true, enumerable: true, configurable: true };
    Object.defineProperty(target, key, descriptor);
  } else target[key] = value;
}

class PushParser {
  line = 1;
  col = 1;
  stopped: string | null = null;
  private mode = M_NONE;
  private tokLine = 1;
  private tokCol = 1;
  private str = '';
  private keep = true;
  private isKey = false;
  private esc = 0; // 0 none, 1 after '\', 2 reading \u hex digits
  private hex = '';
  private word = '';
  private readonly stack: Frame[] = [];
  private root: unknown = undefined;
  private done = false;
  private rootNode: PosNode | null = null;
  private readonly maxDepth: number;
  private readonly maxString: number;
  private readonly skipKeys: ReadonlySet<string>;

  constructor(
    private readonly file: string,
    private readonly options: JsonParseOptions,
  ) {
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxString = options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH;
    this.skipKeys = new Set(options.skipTopLevelKeys ?? []);
  }

  feed(text: string): void {
    const n = text.length;
    let i = 0;
    while (i < n && this.stopped === null) {
      if (this.mode === M_STRING) i = this.scanString(text, i);
      else if (this.mode === M_WORD) i = this.scanWord(text, i);
      else {
        const c = text.charCodeAt(i);
        if (c === 0x0a) {
          this.line++;
          this.col = 0;
        } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) {
          this.tokLine = this.line;
          this.tokCol = this.col;
          if (isWordChar(c)) {
            this.mode = M_WORD; // scanWord reads it from here
            continue;
          }
          if (c === 0x22) this.beginString();
          else if (c === 0x7b || c === 0x5b) this.open(c === 0x5b);
          else if (c === 0x7d || c === 0x5d) this.close(c === 0x5d, text[i]!);
          else if (c === 0x3a) this.colon();
          else if (c === 0x2c) this.comma();
          else this.unexpected(describeChar(text[i]!));
        }
        this.col++;
        i++;
      }
    }
  }

  end(): void {
    if (this.stopped !== null) return;
    if (this.mode === M_WORD) this.finishWord();
    this.tokLine = this.line;
    this.tokCol = this.col;
    if (this.mode === M_STRING) this.truncated("'\"' to close the string");
    const top = this.top();
    if (top) this.truncated(this.expectation(top));
    if (!this.done) this.truncated('a JSON value (the file is empty)');
  }

  result(): ParsedJson {
    const root = this.rootNode;
    return {
      value: this.root,
      stoppedAt: this.stopped,
      locate(pointer: string): Position {
        if (!root) return { line: 1, column: 1 };
        let node: PosNode = root;
        for (const raw of pointer.split('/').slice(1)) {
          const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
          const children: PosNode['children'] = node.children;
          const next: PosNode | undefined = Array.isArray(children)
            ? /^\d+$/.test(token)
              ? children[Number(token)]
              : undefined
            : children?.get(token);
          if (!next) break;
          node = next;
        }
        return { line: node.line, column: node.column };
      },
    };
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private skipping(top: Frame | undefined): boolean {
    return top !== undefined && (top.container === null || top.skipValue);
  }

  /** Pointer of the innermost open container (for error messages). */
  private pointer(): string | undefined {
    const path = this.stack.slice(0, -1).map((f) => (f.isArray ? f.index : pointerToken(f.key)));
    return this.stack.length > 1 ? `/${path.join('/')}` : undefined;
  }

  private expectation(top: Frame | undefined): string {
    if (!top) return this.done ? 'end of file' : 'a JSON value';
    const [open, close] = top.isArray ? ["a value or ']'", "']'"] : ["a string key or '}'", "'}'"];
    return [open, 'a string key', "':'", 'a value', `',' or ${close}`][top.state]!;
  }

  private fail(code: string, message: string, line = this.tokLine, column = this.tokCol): never {
    const key = this.pointer();
    throw new InputError(code, message, { file: this.file, line, column, key }, HINTS[code]);
  }

  private syntax(message: string, line = this.tokLine, column = this.tokCol): never {
    this.fail('json-syntax', message, line, column);
  }

  private unexpected(found: string): never {
    const after = !this.top() && this.done ? ' after the end of the JSON value' : '';
    this.syntax(`unexpected ${found}${after}: expected ${this.expectation(this.top())}`);
  }

  private truncated(expected: string): never {
    this.fail('json-truncated', `unexpected end of file: expected ${expected}`);
  }

  /** Throws unless a value may start here. */
  private expectValue(found: string): void {
    const top = this.top();
    const ok = top ? top.state === VALUE || (top.isArray && top.state === OPEN) : !this.done;
    if (!ok) this.unexpected(found);
  }

  /** Record where a value starts and attach it to its parent, unless it is being skipped. */
  private place(value: unknown, children: PosNode['children'] = null): PosNode | null {
    const top = this.top();
    if (this.skipping(top)) return null;
    const node: PosNode = { line: this.tokLine, column: this.tokCol, children };
    if (!top) {
      this.root = value;
      this.rootNode = node;
    } else if (top.isArray) {
      (top.container as unknown[]).push(value);
      (top.node!.children as PosNode[]).push(node);
    } else {
      setKey(top.container as Record<string, unknown>, top.key, value);
      (top.node!.children as Map<string, PosNode>).set(top.key, node);
    }
    return node;
  }

  /** A value is complete: its parent moves on. */
  private completed(): void {
    const top = this.top();
    if (!top) this.done = true;
    else {
      if (top.isArray) top.index++;
      top.skipValue = false;
      top.state = NEXT;
    }
  }

  private scalar(value: unknown): void {
    this.place(value);
    this.completed();
  }

  private open(isArray: boolean): void {
    this.expectValue(isArray ? "'['" : "'{'");
    if (this.stack.length >= this.maxDepth) {
      this.fail('json-depth', `values are nested more than ${this.maxDepth} levels deep`);
    }
    const skip = this.skipping(this.top());
    const container = skip ? null : isArray ? [] : {};
    const node = this.place(container, skip ? null : isArray ? [] : new Map());
    this.stack.push({ container, node, isArray, state: OPEN, key: '', index: 0, skipValue: false });
  }

  private close(isArray: boolean, ch: string): void {
    const top = this.top();
    if (!top || top.isArray !== isArray || (top.state !== OPEN && top.state !== NEXT)) {
      const trailing = top && top.state === (top.isArray ? VALUE : KEY) ? ' (trailing comma?)' : '';
      this.syntax(`unexpected '${ch}': expected ${this.expectation(top)}${trailing}`);
    }
    this.stack.pop();
    this.completed();
  }

  private colon(): void {
    const top = this.top();
    if (!top || top.state !== COLON) this.unexpected("':'");
    top.state = VALUE;
  }

  private comma(): void {
    const top = this.top();
    if (!top || top.state !== NEXT) this.unexpected("','");
    top.state = top.isArray ? VALUE : KEY;
  }

  private beginString(): void {
    const top = this.top();
    this.isKey = top !== undefined && !top.isArray && (top.state === OPEN || top.state === KEY);
    if (!this.isKey) this.expectValue('a string');
    this.keep = top === undefined || (top.container !== null && (this.isKey || !top.skipValue));
    this.mode = M_STRING;
    this.str = '';
    this.esc = 0;
  }

  private append(text: string, from: number, to: number): void {
    if (!this.keep || to <= from) return;
    this.str += text.slice(from, to);
    if (this.str.length > this.maxString) {
      this.fail('json-string-too-long', `a string is longer than ${this.maxString} characters`);
    }
  }

  private scanString(text: string, start: number): number {
    const n = text.length;
    let i = start;
    let from = start;
    const at = (k: number): [number, number] => [this.line, this.col + k - start];
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.esc === 1) {
        const ch = text[i]!;
        if (ch === 'u') {
          this.esc = 2;
          this.hex = '';
        } else if (ESCAPED.includes(ch)) {
          if (this.keep) this.str += UNESCAPED[ESCAPED.indexOf(ch)];
          this.esc = 0;
        } else {
          this.syntax(`invalid escape '\\${ch}' in a string: expected ${ESCAPE_LIST}`, ...at(i));
        }
        from = ++i;
      } else if (this.esc === 2) {
        if (!/[0-9a-fA-F]/.test(text[i]!)) {
          this.syntax('invalid \\u escape in a string: expected 4 hex digits', ...at(i));
        }
        this.hex += text[i];
        if (this.hex.length === 4) {
          if (this.keep) this.str += String.fromCharCode(parseInt(this.hex, 16));
          this.esc = 0;
        }
        from = ++i;
      } else if (c === 0x22) {
        this.append(text, from, i);
        this.col += i + 1 - start;
        this.mode = M_NONE;
        this.finishString();
        return i + 1;
      } else if (c === 0x5c) {
        this.append(text, from, i);
        this.esc = 1;
        from = ++i;
      } else if (c < 0x20) {
        const code = `U+${c.toString(16).padStart(4, '0')}`;
        const message = `unescaped control character ${code} in a string: expected '"' or an escape`;
        this.syntax(message, ...at(i));
      } else i++;
    }
    this.append(text, from, n);
    this.col += n - start;
    return n;
  }

  private finishString(): void {
    const value = this.str;
    this.str = '';
    if (!this.isKey) return this.scalar(value);
    const top = this.top()!;
    top.key = value;
    top.state = COLON;
    if (this.stack.length === 1) {
      if (value === this.options.stopAtTopLevelKey) this.stopped = value;
      else if (this.skipKeys.has(value)) top.skipValue = true;
    }
  }

  private scanWord(text: string, start: number): number {
    const n = text.length;
    let i = start;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    this.word += text.slice(start, i);
    this.col += i - start;
    if (this.word.length > MAX_WORD_LENGTH) {
      this.syntax(`a number or literal is longer than ${MAX_WORD_LENGTH} characters`);
    }
    if (i < n) this.finishWord();
    return i;
  }

  private finishWord(): void {
    const word = this.word;
    this.mode = M_NONE;
    this.word = '';
    this.expectValue(`'${word}'`);
    if (LITERALS.has(word)) this.scalar(LITERALS.get(word));
    else if (NUMBER.test(word)) this.scalar(Number(word));
    else {
      const kinds = 'a number, a string, true, false, null, NaN or Infinity';
      this.syntax(`invalid token '${word}': expected a value (${kinds})`);
    }
  }

  /** Decode one chunk (or flush when `bytes` is undefined); invalid UTF-8 is an InputError. */
  /**
   * Feed UTF-8 bytes. The text up to the first invalid byte is parsed whatever the chunking, so the
   * outcome never depends on where chunks end: an invalid byte is an error unless reading stopped
   * before it. `bytes` undefined marks the end of the input.
   */
  feedBytes(decoder: Utf8Splitter, bytes?: Uint8Array): void {
    const { text, invalid } = decoder.take(bytes);
    if (text) this.feed(text);
    if (!invalid || this.stopped !== null) return;
    const where = { file: this.file, line: this.line, column: this.col };
    const hint = 'JSON files must be UTF-8; re-save the file as UTF-8';
    throw new InputError('json-encoding', 'the file is not valid UTF-8', where, hint);
  }
}

/**
 * Splits a byte stream into valid UTF-8 text, carrying an incomplete sequence over to the next
 * chunk, and reports the first invalid byte (an incomplete sequence at the end is invalid).
 */
export class Utf8Splitter {
  private pending: Uint8Array = new Uint8Array(0);
  private failed = false;
  private started = false;
  // ignoreBOM: every decode call would otherwise drop a U+FEFF that happens to start a chunk.
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  take(bytes?: Uint8Array): { text: string; invalid: boolean } {
    if (this.failed) return { text: '', invalid: true };
    const input = bytes ? concat(this.pending, bytes) : this.pending;
    const { valid, invalid } = scanUtf8(input, bytes === undefined);
    this.pending = invalid ? new Uint8Array(0) : input.slice(valid);
    this.failed = invalid;
    let text = valid > 0 ? this.decoder.decode(input.subarray(0, valid)) : '';
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM opens the file only
    }
    return { text, invalid };
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Length of the longest prefix made of complete, valid UTF-8 sequences, and whether an invalid
 * byte follows it. An unfinished sequence at the end is pending, or invalid when `atEnd`.
 */
function scanUtf8(bytes: Uint8Array, atEnd: boolean): { valid: number; invalid: boolean } {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return { valid: i, invalid: true };
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return { valid: i, invalid: atEnd };
      const c = bytes[i + k]!;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) return { valid: i, invalid: true };
    }
    i += need + 1;
  }
  return { valid: n, invalid: false };
}

/** Parse a stream of UTF-8 chunks; stops reading at `stopAtTopLevelKey` (the iterator is closed). */
export async function parseJsonStream(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  options: JsonParseOptions = {},
): Promise<ParsedJson> {
  const parser = new PushParser(file, options);
  const decoder = new Utf8Splitter();
  for await (const chunk of chunks) {
    parser.feedBytes(decoder, chunk);
    if (parser.stopped !== null) return parser.result();
  }
  parser.feedBytes(decoder);
  parser.end();
  return parser.result();
}

/** Parse UTF-8 bytes held in memory. */
export function parseJsonBytes(
  bytes: Uint8Array,
  file: string,
  options: JsonParseOptions = {},
): ParsedJson {
  const parser = new PushParser(file, options);
  const decoder = new Utf8Splitter();
  parser.feedBytes(decoder, bytes);
  if (parser.stopped === null) {
    parser.feedBytes(decoder);
    parser.end();
  }
  return parser.result();
}

/** Parse text held in memory. */
export function parseJsonText(
  text: string,
  file: string,
  options: JsonParseOptions = {},
): ParsedJson {
  const parser = new PushParser(file, options);
  parser.feed(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  parser.end();
  return parser.result();
}
