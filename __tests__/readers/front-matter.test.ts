import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { readFrontMatter, splitFrontMatter } from '../../src/formats/front-matter.js';

const CARDS = new URL('../fixtures/hf-model-card/', import.meta.url);
const card = (name: string): string => readFileSync(new URL(name, CARDS), 'utf8');

function thrown(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

describe('splitFrontMatter', () => {
  it('returns the YAML between the markers and the number of lines before it', () => {
    expect(splitFrontMatter('---\na: 1\nb: 2\n---\n# Title\n')).toEqual({
      yaml: 'a: 1\nb: 2\n',
      lineOffset: 1,
    });
  });

  it('allows blank lines and indentation before the opening marker', () => {
    expect(splitFrontMatter('\n  \n  ---\na: 1\n---\n')).toEqual({ yaml: 'a: 1\n', lineOffset: 3 });
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(splitFrontMatter('\uFEFF---\na: 1\n---\n')).toEqual({ yaml: 'a: 1\n', lineOffset: 1 });
  });

  it('accepts CRLF and CR line endings and normalises them to LF', () => {
    expect(splitFrontMatter('---\r\na: 1\r\nb: 2\r\n---\r\nbody')).toEqual({
      yaml: 'a: 1\nb: 2\n',
      lineOffset: 1,
    });
    expect(splitFrontMatter('\r---\ra: 1\r---\r')).toEqual({ yaml: 'a: 1\n', lineOffset: 2 });
  });

  it('accepts a closing marker with trailing blanks or at the very end of the file', () => {
    expect(splitFrontMatter('---\na: 1\n--- \t\nbody')).toEqual({ yaml: 'a: 1\n', lineOffset: 1 });
    expect(splitFrontMatter('---\na: 1\n---')).toEqual({ yaml: 'a: 1\n', lineOffset: 1 });
  });

  it('does not take an indented or longer dash line for the closing marker', () => {
    expect(splitFrontMatter('---\na: |\n  ---\n----\nb: 2\n---\n')).toEqual({
      yaml: 'a: |\n  ---\n----\nb: 2\n',
      lineOffset: 1,
    });
  });

  it('finds no front matter when text comes before the opening marker', () => {
    expect(splitFrontMatter('# Title\n---\na: 1\n---\n')).toBeNull();
    expect(splitFrontMatter(card('hfhub__sample_no_metadata.md'))).toBeNull();
  });

  it('finds no front matter when the block is never closed or the file is empty', () => {
    expect(splitFrontMatter('---\na: 1\nb: 2\n')).toBeNull();
    expect(splitFrontMatter('')).toBeNull();
    expect(splitFrontMatter('\n\n')).toBeNull();
  });

  it('returns an empty YAML text for an empty block', () => {
    expect(splitFrontMatter('---\n---\nbody')).toEqual({ yaml: '', lineOffset: 1 });
  });
});

describe('readFrontMatter', () => {
  it('reports positions as lines of the whole file', () => {
    const doc = readFrontMatter(
      '\n\n---\ntitle: x\nrsp:\n  model: acme/m\n---\nbody',
      'cards/m.md',
    )!;
    expect(doc.value).toEqual({ title: 'x', rsp: { model: 'acme/m' } });
    expect(doc.file).toBe('cards/m.md');
    expect(doc.locate('/rsp/model')).toEqual({ line: 6, column: 10 });
    expect(doc.locateKey('/rsp')).toEqual({ line: 5, column: 1 });
  });

  it('reports the right lines for a CRLF card', () => {
    const doc = readFrontMatter('---\r\na: 1\r\nb: 2\r\n---\r\n', 'm.md')!;
    expect(doc.locate('/b').line).toBe(3);
  });

  it('returns null for a Markdown file without front matter', () => {
    expect(readFrontMatter(card('hfhub__sample_no_metadata.md'), 'README.md')).toBeNull();
  });

  it('reads an empty block as an empty mapping', () => {
    expect(readFrontMatter('---\n---\n# Title', 'README.md')?.value).toEqual({});
  });

  it('rejects front matter that is a list, at its line, with a hint', () => {
    const error = thrown(() =>
      readFrontMatter(card('hfhub__sample_invalid_card_data.md'), 'README.md'),
    );
    expect(error.code).toBe('card-front-matter');
    expect(error.message).toBe('front matter must be a mapping of keys to values, found a list');
    expect(error.location).toEqual({ file: 'README.md', line: 2, column: 1 });
    expect(error.hint).toMatch(/key: value/);
  });

  it('rejects front matter that is a bare string', () => {
    const error = thrown(() => readFrontMatter('---\njust some words\n---\n', 'README.md'));
    expect(error.code).toBe('card-front-matter');
    expect(error.message).toMatch(/found a string$/);
  });

  it('reports a YAML syntax error at its line in the file', () => {
    const error = thrown(() => readFrontMatter('\n\n---\na: 1\nb: c: d\n---\n', 'README.md'));
    expect(error.code).toBe('yaml-syntax');
    expect(error.location).toEqual({ file: 'README.md', line: 5, column: 5 });
  });

  it('refuses the hub-docs spec template, whose placeholders are not YAML scalars', () => {
    const error = thrown(() => readFrontMatter(card('hubdocs__modelcard_spec.md'), 'modelcard.md'));
    expect(error.code).toBe('yaml-syntax');
    expect(error.message).toBe('invalid YAML: object-based map does not support complex keys');
  });

  it('reads YAML 1.2: a TAB after a value is accepted and `no` stays a string', () => {
    const doc = readFrontMatter(
      card('cs577__NbAiLab_whisper-large-v2-nob_README.md'),
      'README.md',
    )!;
    const value = doc.value as {
      language: unknown;
      'model-index': { results: { dataset: { split: string } }[] }[];
    };
    expect(value.language).toEqual(['no']);
    expect(value['model-index'][0]!.results[0]!.dataset.split).toBe('validation');
  });

  it('caps YAML aliases in front matter', () => {
    const levels = ['a0: &a0 x'];
    for (let k = 1; k <= 12; k++)
      levels.push(
        `a${k}: &a${k} [${Array(10)
          .fill(`*a${k - 1}`)
          .join(', ')}]`,
      );
    const error = thrown(() => readFrontMatter(`---\n${levels.join('\n')}\n---\n`, 'README.md'));
    expect(error.code).toBe('yaml-syntax');
    expect(error.message).toMatch(/maxAliases \(100\)/);
    expect(error.hint).toBe('at most 100 aliases are allowed; write the values out');
  });
});
