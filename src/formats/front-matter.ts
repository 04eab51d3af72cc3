/**
 * YAML front matter of a Markdown file (Hugging Face model-card convention).
 *
 * Mirrors huggingface_hub's `REGEX_YAML_BLOCK`: blank lines and whitespace may precede the
 * opening `---`, any line ending (LF, CRLF, CR) is accepted, and the closing `---` may carry
 * trailing blanks. A UTF-8 BOM is dropped. Scanned line by line, so cost is linear in the file.
 */
import { InputError } from '../core/errors.js';
import { parseYaml, type LocatedDocument } from './yaml.js';

export interface FrontMatter {
  /** The YAML between the markers, line endings normalised to `\n`. */
  yaml: string;
  /** Lines of the file before the YAML's first line (so `parseYaml` reports file lines). */
  lineOffset: number;
}

const OPENING = /^\s*---[ \t]*$/;
const CLOSING = /^---[ \t]*$/;

/** The front matter of a Markdown file, or null when the file has none. */
export function splitFrontMatter(text: string): FrontMatter | null {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let lineStart = 0;
  let lineNumber = 0; // 0-based index of the line being read
  let openedAt = -1; // 0-based index of the opening `---` line
  const yamlLines: string[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  for (;;) {
    const match = lineBreak.exec(source);
    const lineEnd = match ? match.index : source.length;
    const line = source.slice(lineStart, lineEnd);
    if (openedAt < 0) {
      if (OPENING.test(line)) {
        openedAt = lineNumber;
      } else if (line.trim() !== '') {
        return null; // content before any `---`: no front matter
      } else if (!match) {
        return null;
      }
    } else if (CLOSING.test(line)) {
      const yaml = yamlLines.length > 0 ? `${yamlLines.join('\n')}\n` : '';
      return { yaml, lineOffset: openedAt + 1 };
    } else {
      yamlLines.push(line);
    }
    if (!match) return null; // opened but never closed
    lineStart = match.index + match[0].length;
    lineNumber++;
  }
}

function describeKind(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  return `a ${typeof value}`;
}

/**
 * Parse a Markdown file's front matter. Null when there is none; an empty block reads as an
 * empty mapping. YAML errors and non-mapping front matter are located InputErrors.
 */
export function readFrontMatter(text: string, file: string): LocatedDocument | null {
  const block = splitFrontMatter(text);
  if (block === null) return null;
  const doc = parseYaml(block.yaml, file, block.lineOffset);
  if (doc.value === null) {
    return { file, value: {}, locate: doc.locate, locateKey: doc.locateKey };
  }
  if (typeof doc.value !== 'object' || Array.isArray(doc.value)) {
    const position = doc.locate('');
    throw new InputError(
      'card-front-matter',
      `front matter must be a mapping of keys to values, found ${describeKind(doc.value)}`,
      { file, ...position },
      'write `key: value` lines between the `---` markers (for example `model-index:` or `rsp:`)',
    );
  }
  return doc;
}
