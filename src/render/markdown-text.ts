/**
 * Safe Markdown pieces. Text from files and users can never open a link, an image, HTML, a
 * hidden marker or a mention: it is escaped, or set in a code span.
 */

/** Characters that could start emphasis, code, links, autolinks, HTML, tables or headings inline. */
const PUNCTUATION = /[\\`*_[\]()#.!|~<>&:]/g;

/** Lone surrogates (invalid UTF-16) become U+FFFD, so encoding and rendering never fail on them. */
export function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/**
 * Inline text from files or users: punctuation escaped, mentions defused, one line, and no
 * leading blanks or list markers that could turn the line into code or a nested list.
 */
export function escapeText(text: string): string {
  return (
    wellFormed(text)
      .replace(/[\r\n]+/g, ' ')
      .replace(/^\s+/, '')
      // Punctuation first: it escapes the `.` or `)` of an ordered-list marker ("1.") too, and a
      // backslash added before this step would be escaped again and shown.
      .replace(PUNCTUATION, (c) =>
        c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`,
      )
      .replace(/^([-+])(?=\s|$)/, '\\$1')
      .replace(/@/g, '@\u2060') // a word joiner after @ keeps GitHub from mentioning anyone
  );
}

/** A code span that holds any text literally (backticks, pipes and mentions included). */
export function code(text: string, inTable = false): string {
  // The word joiner also keeps an HTML comment (a forged marker) from appearing in the source.
  const flat = wellFormed(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/@/g, '@\u2060')
    .replace(/<!--/g, '<!\u2060--')
    .replace(/-->/g, '--\u2060>');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  const body = inTable ? flat.replace(/\|/g, '\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A GitHub login from the policy or the API, as a real mention; anything else is escaped. */
export function mention(login: string): string {
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(login) ? `@${login}` : escapeText(login);
}

/** Text inside a hidden HTML comment: nothing that could close it or forge another. */
export function commentSafe(text: string): string {
  return encodeURIComponent(wellFormed(text)).replace(/-/g, '%2D');
}

/** A repository path as a URL path: every segment percent-encoded, parentheses included. */
export function urlPath(path: string): string {
  return wellFormed(path)
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}
