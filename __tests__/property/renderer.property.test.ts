/**
 * Property tests for the pull-request comment: whatever text files, cards, policies and people
 * put in its free-text slots, the comment keeps one marker at its start, exactly the checklist
 * items the gate rendered, no mention of anyone but the people the policy names, the HTML
 * structure GitHub should show (checked with cmark-gfm, GitHub's renderer), and the size limit.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { DecisionRecord, ModelDecision } from '../../src/core/decision.js';
import type { EvidenceRecord } from '../../src/core/evidence.js';
import type { Attestation, Problem } from '../../src/core/inputs.js';
import { evaluate } from '../../src/core/evaluate.js';
import { parseChecklist } from '../../src/github/checklist.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import type { Policy } from '../../src/policy/types.js';
import {
  COMMENT_MARKER,
  MAX_COMMENT_CHARS,
  renderMarkdown,
} from '../../src/render/render-markdown.js';
import { isModelBlocked } from '../../src/render/summarise.js';
import { canonical } from '../../src/repository/read-attestations.js';
import { NOW, TEST_POLICY, context, model, record, state } from '../helpers/build.js';
import { renderAsGitHub } from '../helpers/github-markdown.js';
import { check, RUNS, TEST_TIMEOUT_MS } from './settings.js';

const BLOB_URL = 'https://github.test/blob/sha/';
const DETAILS_URL = 'https://github.test/checks/1';
const OPTIONS = { blobUrl: BLOB_URL, headSha: 'head1', detailsUrl: DETAILS_URL };

/* ------------------------------------------------------------------------------------------ */
/* Hostile text                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/** Pieces that mean something to Markdown, HTML, GitHub or the checklist parser. */
const PIECES = [
  '@',
  '@alice',
  '@acme/rsp-office',
  'x@bob',
  '<',
  '>',
  '<!--',
  '-->',
  '!--',
  '`',
  '``',
  '```',
  '|',
  '\\|',
  '[',
  ']',
  '(',
  ')',
  '*',
  '**',
  '_',
  '#',
  '\n',
  '\r\n',
  '\n\n',
  '\\',
  '&',
  '&#64;',
  '&lt;!--',
  ':',
  '~',
  '.',
  '!',
  '- ',
  '1. ',
  '> ',
  '    ',
  '\t',
  '  ',
  'rsp-gate:comment',
  'rsp-gate:item',
  '<!-- rsp-gate:comment -->',
  '<!-- rsp-gate:item acme%2Fm asl3-sec-weight-access -->',
  '- [x] ',
  '[x]',
  '[ ]',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<details>',
  '</details>',
  '[link](https://evil.test/)',
  '![img](https://evil.test/x.png)',
  '<https://evil.test/>',
  'https://evil.test/a',
  'www.evil.test',
  'mallory@evil.test',
  'javascript:alert(1)',
  '[^1]',
  '$x$',
  'é',
  '😀',
  '\u2060',
  '\u200b',
  '\u00a0',
  'a',
  'Z',
  '9',
  '-',
  '%',
  '%2D',
  '/',
];

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }) },
);
const hostile = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
/** File paths: hostile segments joined with `/`. */
const hostilePath = fc
  .array(
    hostile.map((s) => s.replace(/\//g, '')).filter((s) => s !== ''),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((segments) => segments.join('/'));

/** Logins GitHub allows; some hold roles in the test policy, some do not. */
const LOGINS = ['alice', 'bob', 'carol', 'Alice', 'dave', 'mallory', 'eve-1', 'x'];
/** Everyone the test policy names, directly or through a team. */
const TEAM_MEMBERS = ['dora'];
const ALLOWED_MENTIONS = new Set(['alice', 'bob', 'carol', ...TEAM_MEMBERS]);

/* ------------------------------------------------------------------------------------------ */
/* Scenarios: repository states full of hostile text, judged by the real engine                 */
/* ------------------------------------------------------------------------------------------ */

const SAFEGUARD_IDS = [
  'asl2-deploy-usage-policy',
  'asl2-sec-supply-chain',
  'asl3-deploy-threat-model',
  'asl3-sec-weight-access',
  'asl3-sec-affirmative-case',
];
const TITLES = [
  'Usage policy enforced',
  'Supply chain reviewed',
  'Misuse threat model',
  'Weight access minimised',
  'Affirmative case on misalignment',
];

/** A YAML double-quoted scalar for any string: only printable ASCII is written as is. */
function yamlQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const policies = new Map<string, Policy>();
/** The test policy with some safeguard titles replaced (quoted safely); cached by titles. */
function policyWithTitles(titles: (string | null)[]): Policy {
  const key = JSON.stringify(titles);
  let policy = policies.get(key);
  if (!policy) {
    let text = TEST_POLICY;
    titles.forEach((title, i) => {
      if (title !== null)
        text = text.replace(`title: ${TITLES[i]},`, () => `title: ${yamlQuote(title)},`);
    });
    policy = loadPolicy(text, '.github/rsp-policy.yml');
    if (policies.size > 500) policies.clear();
    policies.set(key, policy);
  }
  return policy;
}

interface ModelSpec {
  id: string;
  card: string;
  files: string[];
  metric: string;
  benchmark: string;
  fileModel: string | null;
  cross: boolean;
  weaker: boolean;
  problems: { message: string; hint: string | null; file: string; block: boolean }[];
}

interface Scenario {
  titles: (string | null)[];
  models: ModelSpec[];
  attestations: {
    kind: Attestation['kind'];
    target: number;
    approvers: string[];
    model: number | '*' | string;
    file: string;
    reason: string | null;
  }[];
  confirmations: { model: number; safeguard: number; user: string }[];
  reviews: string[];
  problems: { message: string; file: string }[];
  base: boolean;
  policyChange: { file: string; message: string } | null;
  teams: boolean;
}

const modelSpec = (
  id: fc.Arbitrary<string>,
  text: fc.Arbitrary<string>,
  path: fc.Arbitrary<string>,
  maxProblems: number,
) =>
  fc.record({
    id,
    card: path,
    files: fc.array(path, { minLength: 3, maxLength: 3 }),
    metric: text,
    benchmark: text,
    fileModel: fc.option(text, { nil: null }),
    cross: fc.boolean(),
    weaker: fc.boolean(),
    problems: fc.array(
      fc.record({
        message: text,
        hint: fc.option(text, { nil: null }),
        file: path,
        block: fc.boolean(),
      }),
      { maxLength: maxProblems },
    ),
  });

function scenarioArb(
  text: fc.Arbitrary<string>,
  path: fc.Arbitrary<string>,
  size: { models: number; problems: number },
): fc.Arbitrary<Scenario> {
  /** Titles and model ids are capped by the schemas (200 characters). */
  const capped = text.map((t) => Array.from(t).slice(0, 100).join(''));
  return fc.record({
    titles: fc.array(fc.option(capped, { nil: null, freq: 2 }), { minLength: 5, maxLength: 5 }),
    models: fc.uniqueArray(modelSpec(capped, text, path, size.problems), {
      minLength: 1,
      maxLength: size.models,
      selector: (m) => m.id.toLowerCase(),
    }),
    attestations: fc.array(
      fc.record({
        kind: fc.constantFrom<Attestation['kind']>(
          'safeguard',
          'safeguard',
          'signoff',
          'decision',
          'report',
          'override',
        ),
        target: fc.nat(4),
        approvers: fc.array(fc.constantFrom(...LOGINS), { minLength: 1, maxLength: 2 }),
        model: fc.oneof(fc.nat(3), fc.constant('*' as const), text),
        file: path,
        reason: fc.option(text, { nil: null }),
      }),
      { maxLength: 4 },
    ),
    confirmations: fc.array(
      fc.record({ model: fc.nat(3), safeguard: fc.nat(4), user: fc.constantFrom(...LOGINS) }),
      { maxLength: 4 },
    ),
    reviews: fc.array(fc.constantFrom(...LOGINS), { maxLength: 3 }),
    problems: fc.array(fc.record({ message: text, file: path }), { maxLength: size.problems }),
    base: fc.boolean(),
    policyChange: fc.option(fc.record({ file: path, message: text }), { nil: null }),
    teams: fc.boolean(),
  });
}

function evidenceOf(m: ModelSpec, weaker: boolean): EvidenceRecord[] {
  const [f1, f2, f3] = m.files as [string, string, string];
  return [
    record('bio-uplift-trial', 'ratio', m.cross ? 5.3 : weaker ? 1.2 : 1.6, {
      file: f1,
      model: m.fileModel,
    }),
    record('bio-uplift-trial', m.metric, weaker ? 0.1 : 0.2, { file: f1 }),
    record('longform-virology', 'score', weaker ? 0.5 : 0.31, { file: f2 }),
    record('ai-research-suite-2', 'score', 0.2, { file: f2 }),
    record(m.benchmark, m.metric, 0.5, { file: f3, model: m.fileModel }),
  ];
}

const TARGETS: Record<Attestation['kind'], string[]> = {
  safeguard: SAFEGUARD_IDS,
  signoff: ['ASL-2', 'ASL-3', 'ASL-3', 'ASL-2', 'ASL-3'],
  decision: ['CBRN-3', 'AI-RND-4', 'AI-RND-5', 'CBRN-3', 'AI-RND-4'],
  report: ['capability-report', 'capability-report', 'other', 'capability-report', 'x'],
  override: ['ASL-4', 'ASL-4', 'ASL-3', 'ASL-4', 'ASL-4'],
  declaration: ['ASL-2', 'ASL-3', 'ASL-3', 'ASL-2', 'ASL-3'],
};

interface Built {
  scenario: Scenario;
  policy: Policy;
  decision: DecisionRecord;
  comment: string;
  /** Every file path the scenario put anywhere. */
  files: Set<string>;
}

function build(s: Scenario): Built {
  const policy = policyWithTitles(s.titles);
  const ids = s.models.map((m) => m.id);
  const modelOf = (i: number | '*' | string) =>
    typeof i === 'number' ? (ids[i % ids.length] ?? '*') : i;
  const attestations: Attestation[] = s.attestations.map((a, i) => {
    const base = {
      file: a.file,
      line: i + 1,
      model: modelOf(a.model),
      kind: a.kind,
      target: TARGETS[a.kind][a.target]!,
      verdict: a.kind === 'decision' ? ('below' as const) : null,
      approvedBy: [...new Set(a.approvers)],
      date: '2026-10-20',
      expires: null,
      evidence: null,
      reason: a.reason,
    };
    return {
      ...base,
      fingerprint: canonical({
        model: base.model,
        kind: base.kind,
        target: base.target,
        approvedBy: base.approvedBy,
        date: base.date,
        verdict: base.verdict,
      }),
    };
  });
  const problem = (
    p: { message: string; file: string; hint?: string | null },
    i: number,
  ): Problem => ({
    code: `hostile-${i}`,
    message: p.message,
    file: p.file,
    line: i + 1,
    ...(p.hint ? { hint: p.hint } : {}),
  });
  const models = s.models.map((m) =>
    model(evidenceOf(m, false), {
      id: m.id,
      card: m.card,
      artifactErrors: m.problems.filter((p) => p.block).map(problem),
      warnings: m.problems.filter((p) => !p.block).map(problem),
    }),
  );
  const head = { ...state(models, attestations), problems: s.problems.map(problem) };
  const base = s.base
    ? state(
        s.models.map((m) => model(evidenceOf(m, m.weaker), { id: m.id, card: m.card })),
        attestations.slice(0, 1),
      )
    : null;
  const decision = evaluate({
    policy,
    head,
    base,
    context: context({
      reviews: s.reviews.map((user) => ({
        user,
        state: 'APPROVED' as const,
        commit: 'head1',
        submittedAt: '2026-11-27T10:00:00Z',
      })),
      confirmations: s.confirmations.map((c) => ({
        model: ids[c.model % ids.length]!,
        safeguard: SAFEGUARD_IDS[c.safeguard]!,
        user: c.user,
        at: '2026-11-27T09:00:00Z',
      })),
      teams: s.teams ? new Map([['acme/rsp-office', TEAM_MEMBERS]]) : null,
    }),
    policyChange: s.policyChange
      ? {
          changed: true,
          file: s.policyChange.file,
          headProblem: {
            code: 'yaml-syntax',
            message: s.policyChange.message,
            file: s.policyChange.file,
            line: 3,
          },
        }
      : null,
    now: NOW,
  });
  const files = new Set<string>([
    ...s.models.flatMap((m) => [m.card, ...m.files, ...m.problems.map((p) => p.file)]),
    ...s.attestations.map((a) => a.file),
    ...s.problems.map((p) => p.file),
    ...(s.policyChange ? [s.policyChange.file] : []),
  ]);
  return { scenario: s, policy, decision, comment: renderMarkdown(decision, OPTIONS), files };
}

const everyday = scenarioArb(hostile, hostilePath, { models: 3, problems: 2 });

/* ------------------------------------------------------------------------------------------ */
/* What the comment should hold                                                                 */
/* ------------------------------------------------------------------------------------------ */

const count = (text: string, needle: string) => text.split(needle).length - 1;

interface ExpectedItem {
  model: string;
  safeguard: string;
  checked: boolean;
  title: string;
}

/** The task items for blocked models, open ones first, at most `limit` per model. */
function itemsFor(decision: DecisionRecord, limit: number): ExpectedItem[] {
  return decision.models
    .filter((m) => isModelBlocked(decision, m))
    .flatMap((m: ModelDecision) => {
      const open = m.safeguards.filter((s) => s.status !== 'satisfied');
      const done = m.safeguards.filter((s) => s.status === 'satisfied');
      return [...open, ...done].slice(0, limit).map((s) => ({
        model: m.id,
        safeguard: s.id,
        checked: s.status === 'satisfied',
        title: s.title,
      }));
    });
}

/** The items the renderer meant to show: all, or the per-model cut it fell back to. */
function renderedItems(b: Built): ExpectedItem[] {
  const markers = count(b.comment, '<!-- rsp-gate:item ');
  if (b.comment.includes('_The full report is too long for a comment')) return [];
  for (const limit of [Infinity, 20, 5]) {
    const items = itemsFor(b.decision, limit);
    if (items.length === markers) return items;
  }
  throw new Error(
    `the comment holds ${markers} item markers, which matches no rendering of the decision`,
  );
}

function hasDetails(comment: string): boolean {
  return comment.includes('\n<details><summary>Evidence');
}

/* ------------------------------------------------------------------------------------------ */
/* HTML entities in cmark-gfm's output                                                         */
/* ------------------------------------------------------------------------------------------ */

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const cp =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return String.fromCodePoint(cp);
    }
    return ENTITIES[name] ?? whole;
  });
}

/** Tags the comment's HTML may use; anything else came from hostile text. */
const TAGS = new Set([
  'h2',
  'h3',
  'p',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ul',
  'ol',
  'li',
  'code',
  'strong',
  'em',
  'a',
  'input',
  'details',
  'summary',
  'br',
]);

/** Sample the expensive cmark check: a generated digit, so shrinking keeps the sampled case. */
const SAMPLE = fc.nat(2);
const sampled = (digit: number) => digit === 0;

/* ------------------------------------------------------------------------------------------ */
/* Properties                                                                                   */
/* ------------------------------------------------------------------------------------------ */

describe('the comment under hostile text in every free-text slot', () => {
  test(
    '(a, e) one comment marker, at the start, and at most 65,536 characters',
    () => {
      check(
        fc.property(everyday, (s) => {
          const { comment } = build(s);
          expect(comment.startsWith(COMMENT_MARKER)).toBe(true);
          expect(count(comment, COMMENT_MARKER)).toBe(1);
          expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '(b) hostile text cannot add, hide or forge a checklist item',
    () => {
      check(
        fc.property(everyday, (s) => {
          const b = build(s);
          const items = renderedItems(b);
          expect(count(b.comment, '<!-- rsp-gate:item ')).toBe(items.length);
          const parsed = parseChecklist(b.comment);
          expect(parsed.duplicates).toStrictEqual([]);
          expect(parsed.items).toStrictEqual(
            items.map(({ model, safeguard, checked }) => ({ model, safeguard, checked })),
          );
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '(c) no mention except of people the policy names',
    () => {
      check(
        fc.property(everyday, (s) => {
          const { comment } = build(s);
          for (const m of comment.matchAll(/@([A-Za-z0-9][A-Za-z0-9-]*)/g)) {
            const around = JSON.stringify(comment.slice(Math.max(0, m.index - 30), m.index + 30));
            expect(ALLOWED_MENTIONS.has(m[1]!.toLowerCase()), `mention @${m[1]} in ${around}`).toBe(
              true,
            );
            expect(
              /[\s(]$|^$/.test(comment.slice(Math.max(0, m.index - 1), m.index)),
              `@ glued to text in ${around}`,
            ).toBe(true);
          }
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '(d) as GitHub renders it: no script, image or foreign link; only the expected HTML',
    () => {
      check(
        fc.property(everyday, SAMPLE, (s, digit) => {
          if (!sampled(digit)) return;
          const { comment } = build(s);
          // Without the tag filter, which would turn a leaked `<script>` into text and hide it.
          const html = renderAsGitHub(comment, { tagfilter: false });
          // Text is escaped (`&lt;`) in cmark's output, so every `<` here opens a real tag.
          for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
            expect(TAGS.has(m[1]!.toLowerCase()), `<${m[1]}> in the HTML`).toBe(true);
            expect(m[2], `attributes of <${m[1]}>`).not.toMatch(
              /\bon[a-z]+\s*=|\bstyle\s*=|\bsrc\s*=/i,
            );
          }
          for (const m of html.matchAll(/<a\b([^>]*)>/g)) {
            const attrs = m[1]!;
            const href = /^\s*href="([^"]*)"\s*$/.exec(attrs)?.[1];
            expect(href, `link attributes ${attrs}`).toBeDefined();
            const target = decodeEntities(href!);
            expect(target.startsWith(BLOB_URL) || target === DETAILS_URL, `link to ${target}`).toBe(
              true,
            );
          }
          for (const m of html.matchAll(/<input\b([^>]*)>/g))
            expect(m[1]!.trim()).toMatch(/^type="checkbox"( checked="")? disabled="" \/$/);
          // HTML comments: the marker and one per item, nothing else.
          const comments = [...html.matchAll(/<!--/g)].length;
          expect(comments).toBe(1 + count(comment, '<!-- rsp-gate:item '));
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '(d) every link points at a file the decision names, at its line',
    () => {
      check(
        fc.property(everyday, SAMPLE, (s, digit) => {
          if (!sampled(digit)) return;
          const { comment, files } = build(s);
          const html = renderAsGitHub(comment);
          for (const m of html.matchAll(/<a href="([^"]*)"/g)) {
            const target = decodeEntities(m[1]!);
            if (target === DETAILS_URL) continue;
            const [, encoded, line] =
              /^https:\/\/github\.test\/blob\/sha\/([^#]*)(?:#L(\d+))?$/.exec(target) ?? [];
            expect(encoded, `link ${target} has no file part`).toBeDefined();
            let path: string;
            try {
              path = decodeURIComponent(encoded!);
            } catch {
              throw new Error(`link ${target} is not a percent-encoded path`);
            }
            expect(
              files.has(path),
              `link ${target} points at ${JSON.stringify(path)}, which no file in the decision is called`,
            ).toBe(true);
            if (line !== undefined) expect(Number(line)).toBeGreaterThan(0);
          }
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '(d) the tables, checkboxes and displayed text are the renderer’s',
    () => {
      check(
        fc.property(everyday, SAMPLE, (s, digit) => {
          if (!sampled(digit)) return;
          const b = build(s);
          const { comment, decision } = b;
          const html = renderAsGitHub(comment);
          const items = renderedItems(b);
          const tooLong = comment.includes('_The full report is too long for a comment');
          const tables = tooLong ? 0 : hasDetails(comment) ? 1 + decision.models.length : 1;
          expect(count(html, '<table>'), 'tables').toBe(tables);
          expect(count(html, '<input type="checkbox"'), 'checkboxes').toBe(items.length);
          expect(count(html, 'checked=""'), 'ticked boxes').toBe(
            items.filter((i) => i.checked).length,
          );
          if (!tooLong) {
            // The model table: one row per model, its last cell the safeguard count.
            const first = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
            const rows = [...first.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1);
            expect(rows).toHaveLength(decision.models.length);
            for (const [, row] of rows) {
              const cells = [...row!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]!);
              expect(cells).toHaveLength(6);
              expect(cells[5]).toMatch(/^(🔴|🟢) \d+\/\d+ safeguards$/);
            }
          }
          // Hostile text is shown as text: every model id and every item title reads as written.
          const shown = normalise(decodeEntities(html.replace(/<[^>]*>/g, ' ')));
          for (const m of decision.models)
            expect(
              shown.includes(normalise(m.id)),
              `model id ${JSON.stringify(m.id)} is not shown as written`,
            ).toBe(true);
          for (const item of items)
            expect(
              shown.includes(normalise(item.title)),
              `title ${JSON.stringify(item.title)} is not shown as written`,
            ).toBe(true);
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

/** Text as a reader sees it: line breaks and runs of blanks as one space, word joiners gone. */
function normalise(text: string): string {
  return text
    .replace(/\u2060/g, '')
    .replace(/\0/g, '\uFFFD')
    .replace(/[\s\u2028\u2029]+/g, ' ')
    .trim();
}

describe('the comment under extreme input', () => {
  test(
    '(e) many models, long text and many problems: still one marker, ≤ 65,536 characters, and only the gate’s items',
    () => {
      const long = fc.string({ unit: piece, minLength: 1, maxLength: 120 });
      const big = scenarioArb(long, hostilePath, { models: 40, problems: 30 });
      check(
        fc.property(big, (s) => {
          const b = build(s);
          const { comment } = b;
          expect(comment.startsWith(COMMENT_MARKER)).toBe(true);
          expect(count(comment, COMMENT_MARKER)).toBe(1);
          expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
          const items = renderedItems(b);
          expect(parseChecklist(comment).items).toStrictEqual(
            items.map(({ model, safeguard, checked }) => ({ model, safeguard, checked })),
          );
        }),
        Math.max(1, Math.round(RUNS / 4)),
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'ids and paths holding lone surrogates (YAML "\\ud800" escapes) render without throwing',
    () => {
      const surrogate = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF');
      const withSurrogate = fc
        .tuple(hostile, surrogate, hostile)
        .map(([a, s, z]) => `${a}${s}${z}`);
      const text = fc.oneof(
        { weight: 3, arbitrary: hostile },
        { weight: 1, arbitrary: withSurrogate },
      );
      const path = fc.oneof(
        { weight: 3, arbitrary: hostilePath },
        { weight: 1, arbitrary: withSurrogate },
      );
      check(
        fc.property(scenarioArb(text, path, { models: 2, problems: 1 }), (s) => {
          const { comment } = build(s);
          expect(comment.startsWith(COMMENT_MARKER)).toBe(true);
        }),
      );
    },
    TEST_TIMEOUT_MS,
  );
});
