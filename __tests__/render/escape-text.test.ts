/**
 * Inline text from files, as GitHub shows it: escaping keeps a value that starts a line from
 * becoming a list, and never leaves a visible backslash behind.
 */
import { describe, expect, test } from 'vitest';
import { escapeText } from '../../src/render/markdown-text.js';
import { renderAsGitHub } from '../helpers/github-markdown.js';

/** The paragraph GitHub renders for one line of escaped text, without its <p> tags. */
function shown(text: string): string {
  return renderAsGitHub(escapeText(text)).trim();
}

describe('escaped text reads as written once GitHub renders it', () => {
  test.each([
    [
      'a number with a decimal point',
      '2.53 is within 0.3 of the rule-out line',
      '<p>2.53 is within 0.3 of the rule-out line</p>',
    ],
    ['an ordered-list marker', '1. first', '<p>1. first</p>'],
    ['a parenthesised list marker', '3) third', '<p>3) third</p>'],
    ['a bullet marker', '- not a bullet', '<p>- not a bullet</p>'],
    ['a plus marker', '+ not a bullet', '<p>+ not a bullet</p>'],
    ['a negative number', '-0.5 below the line', '<p>-0.5 below the line</p>'],
  ])('%s', (_name, input, html) => {
    expect(shown(input)).toBe(html);
  });

  test('hostile text stays text: no list, link or tag', () => {
    expect(shown('- [x](https://evil.example) <b>')).toBe(
      '<p>- [x](https://evil.example) &lt;b&gt;</p>',
    );
  });
});
