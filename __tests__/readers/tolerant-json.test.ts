import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import {
  parseJsonBytes,
  parseJsonStream,
  parseJsonText,
  type JsonParseOptions,
} from '../../src/formats/tolerant-json.js';

const encoder = new TextEncoder();

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function parseError(text: string, options?: JsonParseOptions): InputError {
  try {
    parseJsonText(text, 'f.json', options);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const SAMPLE = `{
  "name": "caf\\u00e9 \\"quoted\\" \\\\ \\/ \\n",
  "unicode": "é ✓ 😀",
  "numbers": [0, -1, 2.5, 1e3, -0.25E-2, 12345678901234567890],
  "nested": {"a": [true, false, null, {"b": []}], "empty": {}},
  "a/b~c": "escaped key"
}`;

describe('tolerant JSON parser', () => {
  it('parses standard JSON exactly like JSON.parse', () => {
    expect(parseJsonText(SAMPLE, 'f.json').value).toEqual(JSON.parse(SAMPLE));
    expect(parseJsonText(' 42 ', 'f.json').value).toBe(42);
    expect(parseJsonText('"x"', 'f.json').value).toBe('x');
  });

  it('gives the same result whatever the chunk boundaries, even inside UTF-8 characters and escapes', async () => {
    const bytes = encoder.encode(SAMPLE);
    for (const size of [1, 2, 3, 7, 64]) {
      const parsed = await parseJsonStream(chunked(bytes, size), 'f.json');
      expect(parsed.value).toEqual(JSON.parse(SAMPLE));
      expect(parsed.locate('/nested/a/3/b')).toEqual({ line: 5, column: 45 });
    }
  });

  it("reads Python's bare NaN, Infinity and -Infinity as JS numbers", () => {
    const { value } = parseJsonText('{"a": NaN, "b": Infinity, "c": [-Infinity]}', 'f.json');
    expect(value).toEqual({ a: NaN, b: Infinity, c: [-Infinity] });
  });

  it('records the line and column where each value starts, by JSON pointer', () => {
    const parsed = parseJsonText(SAMPLE, 'f.json');
    expect(parsed.locate('')).toEqual({ line: 1, column: 1 });
    expect(parsed.locate('/name')).toEqual({ line: 2, column: 11 });
    expect(parsed.locate('/numbers/3')).toEqual({ line: 4, column: 27 });
    expect(parsed.locate('/nested/a')).toEqual({ line: 5, column: 19 });
    expect(parsed.locate('/a~1b~0c')).toEqual({ line: 6, column: 12 });
  });

  it('locates an unknown pointer at its nearest recorded ancestor', () => {
    const parsed = parseJsonText(SAMPLE, 'f.json');
    expect(parsed.locate('/nested/a/99/x')).toEqual(parsed.locate('/nested/a'));
    expect(parsed.locate('/missing')).toEqual({ line: 1, column: 1 });
  });

  it('stops at a top-level key without consuming the rest of the stream', async () => {
    let pulled = 0;
    let closed = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        yield encoder.encode('{"version": 2, "nested": {"samples": [1]}, "sam');
        pulled++;
        yield encoder.encode('ples": [');
        pulled++;
        throw new Error('read past the samples key');
      } finally {
        closed = true;
      }
    }
    const parsed = await parseJsonStream(source(), 'f.json', { stopAtTopLevelKey: 'samples' });
    expect(parsed.stoppedAt).toBe('samples');
    expect(parsed.value).toEqual({ version: 2, nested: { samples: [1] } });
    expect(pulled).toBe(1);
    expect(closed).toBe(true);
  });

  it('reports stoppedAt null when the key never appears', () => {
    expect(
      parseJsonText('{"a": 1}', 'f.json', { stopAtTopLevelKey: 'samples' }).stoppedAt,
    ).toBeNull();
  });

  it("skips a top-level key's value (still checking its syntax) and reads the keys after it", () => {
    const text = '{"samples": [{"x": "long"}, [1, 2]], "date": 5}';
    const parsed = parseJsonText(text, 'f.json', { skipTopLevelKeys: ['samples'] });
    expect(parsed.value).toEqual({ date: 5 });
    expect(parsed.locate('/date')).toEqual({ line: 1, column: 46 });
    const bad = parseError('{"samples": [1 2], "date": 5}', { skipTopLevelKeys: ['samples'] });
    expect(bad.message).toBe("unexpected '2': expected ',' or ']'");
  });

  it('rejects trailing garbage after the value, naming line and column', () => {
    const error = parseError('{"a": 1}\n  x');
    expect(error.code).toBe('json-syntax');
    expect(error.message).toBe(
      "unexpected 'x' after the end of the JSON value: expected end of file",
    );
    expect(error.location).toMatchObject({ file: 'f.json', line: 2, column: 3 });
    expect(error.hint).toBeTruthy();
  });

  it('rejects truncated input and says what was expected', () => {
    const error = parseError('{\n  "a": [1, 2');
    expect(error.code).toBe('json-truncated');
    expect(error.message).toBe("unexpected end of file: expected ',' or ']'");
    expect(error.location).toMatchObject({ line: 2, column: 13, key: '/a' });
    expect(parseError('{"a": "unterminated').message).toBe(
      `unexpected end of file: expected '"' to close the string`,
    );
    expect(parseError('').message).toBe(
      'unexpected end of file: expected a JSON value (the file is empty)',
    );
  });

  it.each([
    [
      '{"a": tru}',
      "invalid token 'tru': expected a value (a number, a string, true, false, null, NaN or Infinity)",
      7,
    ],
    ['{"a" 1}', "unexpected '1': expected ':'", 6],
    ['[1,]', "unexpected ']': expected a value (trailing comma?)", 4],
    ["{'a': 1}", "unexpected ''': expected a string key or '}'", 2],
    [
      '{"a": 01}',
      "invalid token '01': expected a value (a number, a string, true, false, null, NaN or Infinity)",
      7,
    ],
    [
      '{"a": "\\x"}',
      "invalid escape '\\x' in a string: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u",
      9,
    ],
    ['{"a": "\t"}', `unescaped control character U+0009 in a string: expected '"' or an escape`, 8],
    ['{"a": 1 "b": 2}', "unexpected a string: expected ',' or '}'", 9],
  ])('rejects the invalid token in %j', (text, message, column) => {
    const error = parseError(text);
    expect(error.code).toBe('json-syntax');
    expect(error.message).toBe(message);
    expect(error.location).toMatchObject({ file: 'f.json', line: 1, column });
  });

  it('caps nesting depth', () => {
    const error = parseError('['.repeat(300) + ']'.repeat(300));
    expect(error.code).toBe('json-depth');
    expect(error.message).toBe('values are nested more than 256 levels deep');
    expect(error.location).toMatchObject({ line: 1, column: 257 });
    expect(parseError('[[[[]]]]', { maxDepth: 3 }).code).toBe('json-depth');
    expect(parseJsonText('[[[]]]', 'f.json', { maxDepth: 3 }).value).toEqual([[[]]]);
  });

  it('caps string length', () => {
    const error = parseError(`["${'x'.repeat(100)}"]`, { maxStringLength: 10 });
    expect(error.code).toBe('json-string-too-long');
  });

  it('stores __proto__ and constructor keys as own properties without polluting prototypes', () => {
    const { value } = parseJsonText(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "x": {"__proto__": 1}}',
      'f.json',
    );
    const object = value as Record<string, unknown>;
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(Object.keys(object)).toEqual(['__proto__', 'constructor', 'x']);
    expect(Object.getOwnPropertyDescriptor(object, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((object as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(object.x, '__proto__')?.value).toBe(1);
  });

  it('keeps the last of duplicate keys, like JSON.parse', () => {
    expect(
      parseJsonText('{"a": 1, "a": 2, "__proto__": 1, "__proto__": 2}', 'f.json').value,
    ).toEqual(JSON.parse('{"a": 2, "__proto__": 2}'));
  });

  it('rejects invalid UTF-8 with an InputError naming the line', async () => {
    const bytes = Uint8Array.from([
      ...encoder.encode('{\n  "a": "x'),
      0xff,
      ...encoder.encode('"}'),
    ]);
    const attempt = parseJsonStream(chunked(bytes, 4), 'f.json');
    await expect(attempt).rejects.toMatchObject({
      code: 'json-encoding',
      message: 'the file is not valid UTF-8',
      location: { file: 'f.json', line: 2 },
    });
    expect(() => parseJsonBytes(bytes, 'f.json')).toThrow('the file is not valid UTF-8');
    const cut = encoder.encode('"é"').subarray(0, 2); // ends inside a 2-byte character
    expect(() => parseJsonBytes(cut, 'f.json')).toThrow('the file is not valid UTF-8');
  });

  it('ignores a UTF-8 byte order mark', () => {
    expect(parseJsonBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x5b, 0x5d]), 'f.json').value).toEqual(
      [],
    );
    expect(parseJsonText('\uFEFF{}', 'f.json').value).toEqual({});
  });
});
