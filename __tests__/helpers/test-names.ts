/**
 * The names of the tests a test file declares, read from its syntax tree (TypeScript's parser):
 * `test(name, …)` and `it(name, …)` with their modifiers (`.only`, `.concurrent`, …), and
 * `test.each(table)(template, …)` with the template filled from each row of a table written in
 * place, as vitest fills it (`%s`, `%i`, `%d`, `%f`, `%#`, `%$`, `%%`). What cannot be known
 * without running the file (a table defined elsewhere, a value that is not a literal, a
 * `${…}` in a name) becomes a pattern in which that part matches any text.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export interface TestNames {
  /** Names known exactly. */
  exact: Set<string>;
  /** Names with parts known only when the file runs. */
  patterns: RegExp[];
}

const TEST_FUNCTIONS = new Set(['test', 'it']);
const ANY = Symbol('any');
type Part = string | typeof ANY;
type Value = string | number | typeof ANY;

/** `test`, `it`, `test.only`, `it.concurrent.skip`, … (not `.each`, which returns a function). */
function isTestFunction(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return TEST_FUNCTIONS.has(node.text);
  if (ts.isPropertyAccessExpression(node))
    return node.name.text !== 'each' && isTestFunction(node.expression);
  return false;
}

/** `test.each`, `it.concurrent.each`, … */
function isEach(node: ts.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(node) &&
    node.name.text === 'each' &&
    isTestFunction(node.expression)
  );
}

function unwrap(node: ts.Expression): ts.Expression {
  while (
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isParenthesizedExpression(node)
  )
    node = node.expression;
  return node;
}

/** A literal's value, or ANY when it is only known at run time. */
function literal(node: ts.Expression | undefined): Value {
  if (!node) return ANY;
  node = unwrap(node);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(node.operand)
  )
    return -Number(node.operand.text);
  return ANY;
}

/** A test's name as written: literal text, with `${…}` as ANY. */
function titleParts(node: ts.Expression | undefined): Part[] {
  if (!node) return [ANY];
  node = unwrap(node);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [
      node.head.text,
      ...node.templateSpans.flatMap((span) => [ANY, span.literal.text] as Part[]),
    ];
  return [ANY];
}

/** vitest's `each` formatting of one row (printf-style placeholders, consumed in order). */
function fill(template: Part[], row: Value[], index: number | null): Part[] {
  const out: Part[] = [];
  let next = 0;
  for (const part of template) {
    if (part === ANY) {
      out.push(ANY);
      continue;
    }
    let text = '';
    for (let i = 0; i < part.length; i++) {
      const c = part[i];
      const spec = part[i + 1];
      if (c !== '%' || spec === undefined) {
        text += c;
        continue;
      }
      i++;
      if (spec === '%') text += '%';
      else if ((spec === '#' || spec === '$') && index !== null)
        text += String(spec === '#' ? index : index + 1);
      else if ('sdif'.includes(spec)) {
        const value = row[next++];
        if (value === undefined || value === ANY) {
          out.push(text, ANY);
          text = '';
        } else if (spec === 's') text += String(value);
        else if (typeof value !== 'number') {
          out.push(text, ANY);
          text = '';
        } else text += String(spec === 'f' ? value : Math.trunc(value));
      } else {
        // %j, %o, %O, %c, or a row index of a table not written in place: known at run time.
        if (spec !== '#' && spec !== '$') next++;
        out.push(text, ANY);
        text = '';
      }
    }
    out.push(text);
  }
  return out;
}

function add(names: TestNames, parts: Part[]): void {
  if (parts.every((p) => p !== ANY)) {
    names.exact.add(parts.join(''));
    return;
  }
  const source = parts
    .map((p) => (p === ANY ? '.+' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  names.patterns.push(new RegExp(`^${source}$`, 's'));
}

export function testNames(file: string): TestNames {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const names: TestNames = { exact: new Set(), patterns: [] };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (isTestFunction(callee)) add(names, titleParts(node.arguments[0]));
      else if (ts.isCallExpression(callee) && isEach(callee.expression)) {
        const template = titleParts(node.arguments[0]);
        const table = callee.arguments[0] ? unwrap(callee.arguments[0]) : undefined;
        if (table && ts.isArrayLiteralExpression(table) && table.elements.length > 0) {
          table.elements.forEach((element, index) => {
            const row = unwrap(element as ts.Expression);
            const values: Value[] = ts.isArrayLiteralExpression(row)
              ? row.elements.map((e) => literal(e as ts.Expression))
              : [literal(row)];
            add(names, fill(template, values, index));
          });
        } else add(names, fill(template, [], null));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Whether the file declares a test of exactly this name. */
export function declares(names: TestNames, name: string): boolean {
  return names.exact.has(name) || names.patterns.some((p) => p.test(name));
}
