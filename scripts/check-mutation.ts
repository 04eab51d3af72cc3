/**
 * Reads StrykerJS's JSON report and fails when a mutant of the trust and approval code lives:
 *
 *   npx tsx scripts/check-mutation.ts [--markdown] [reports/mutation/mutation.json]
 *
 * `npm run test:mutation` runs it after Stryker. It prints one row per mutated file (killed,
 * survived, no coverage, timeout, marked equivalent, score; with `--markdown`, as a Markdown
 * table) and exits 1, naming file:line and mutator, when a file in TRUST has a mutant that
 * Survived or had NoCoverage, or when a file in TRUST is missing from the report (it was not
 * mutated, so nothing was proved). Other mutated files are reported, not failed. A mutant marked `// Stryker disable next-line <mutator>: <reason>`
 * is reported by Stryker as Ignored and counted here as marked equivalent.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** The trust and approval files: a living mutant in any of them fails the run. */
export const TRUST = [
  'src/core/people.ts',
  'src/core/judge-safeguards.ts',
  'src/core/judge-thresholds.ts',
  'src/core/independence.ts',
  'src/core/evaluate.ts',
  // A declared level raises what a model must meet (RSP v3.x presets): a mutant that let an
  // unsigned or missing declaration pass would let a model merge below its level.
  'src/core/declared-levels.ts',
  'src/github/checklist.ts',
  'src/github/change-writers.ts',
];

/** The part of a mutation-testing-report-schema mutant this script reads. */
interface Mutant {
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number } };
  status: string;
}

export interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

export interface FileScore {
  file: string;
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  equivalent: number;
  /** Compile and runtime errors, and anything not yet run. */
  other: number;
  /** Detected over detected plus undetected, in percent; null when nothing could be detected. */
  score: number | null;
}

export interface Verdict {
  scores: FileScore[];
  /** One line per failure: `src/core/people.ts:80:5 ConditionalExpression survived (→ true)`. */
  failures: string[];
}

const POSIX = (path: string) => path.replaceAll('\\', '/');

function scoreOf(file: string, mutants: Mutant[]): FileScore {
  const n = (status: string) => mutants.filter((m) => m.status === status).length;
  const s = {
    killed: n('Killed'),
    survived: n('Survived'),
    noCoverage: n('NoCoverage'),
    timeout: n('Timeout'),
    equivalent: n('Ignored'),
  };
  const counted = s.killed + s.survived + s.noCoverage + s.timeout + s.equivalent;
  const detected = s.killed + s.timeout;
  const valid = detected + s.survived + s.noCoverage;
  return {
    file,
    ...s,
    other: mutants.length - counted,
    score: valid === 0 ? null : (100 * detected) / valid,
  };
}

/** The per-file scores of a report and the failures in the trust files. */
export function checkReport(report: Report, trust: string[] = TRUST): Verdict {
  const files = new Map(Object.entries(report.files).map(([f, v]) => [POSIX(f), v.mutants]));
  const scores = [...files]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, mutants]) => scoreOf(file, mutants));
  const failures: string[] = [];
  for (const file of trust) {
    const mutants = files.get(file);
    if (mutants === undefined) {
      failures.push(`${file}: not in the report, so none of its mutants was tested`);
      continue;
    }
    const living = mutants
      .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage' || m.status === 'Pending')
      .sort(
        (a, b) =>
          a.location.start.line - b.location.start.line ||
          a.location.start.column - b.location.start.column,
      );
    for (const m of living) {
      const { line, column } = m.location.start;
      const status = m.status === 'NoCoverage' ? 'not covered by any test' : m.status.toLowerCase();
      const becomes = m.replacement === undefined ? '' : ` (→ ${oneLine(m.replacement)})`;
      failures.push(`${file}:${line}:${column} ${m.mutatorName} ${status}${becomes}`);
    }
  }
  return { scores, failures };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/** The per-file table, trust files marked with `*`. */
export function table(scores: FileScore[], trust: string[] = TRUST): string {
  const head = ['file', 'killed', 'survived', 'no cov', 'timeout', 'equiv', 'other', 'score'];
  const rows = scores.map((s) => [
    `${trust.includes(s.file) ? '* ' : '  '}${s.file}`,
    ...[s.killed, s.survived, s.noCoverage, s.timeout, s.equivalent, s.other].map(String),
    s.score === null ? 'n/a' : `${s.score.toFixed(1)}%`,
  ]);
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line), '* trust and approval code: a living mutant fails'].join(
    '\n',
  );
}

/** The same table in Markdown, for BENCHMARKS.md. */
export function markdownTable(scores: FileScore[], trust: string[] = TRUST): string {
  const rows = scores.map((s) =>
    [
      trust.includes(s.file) ? `**${s.file}**` : s.file,
      ...[s.killed, s.survived, s.noCoverage, s.timeout, s.equivalent].map(String),
      s.score === null ? 'n/a' : `${s.score.toFixed(1)} %`,
    ].join(' | '),
  );
  return [
    '| file | killed | survived | no coverage | timeout | marked equivalent | score |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { markdown: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const path = resolve(positionals[0] ?? 'reports/mutation/mutation.json');
  let report: Report;
  try {
    report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  } catch (error) {
    console.error(`check-mutation: cannot read the Stryker report ${path}: ${String(error)}`);
    process.exit(1);
  }
  const { scores, failures } = checkReport(report);
  console.log(values.markdown ? markdownTable(scores) : table(scores));
  if (failures.length > 0) {
    console.error(`\ncheck-mutation: ${failures.length} living mutant(s) in the trust code:`);
    for (const f of failures) console.error(`  ${f}`);
    console.error(
      'Kill each with a test that states the property, or mark it equivalent in the source with\n' +
        '`// Stryker disable next-line <mutator>: <why no behaviour changes>`.',
    );
    process.exit(1);
  }
  console.log('\ncheck-mutation: no living mutant in the trust and approval code');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  main();
