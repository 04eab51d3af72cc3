/**
 * The history benchmark (issue 13): the synthetic repository committed to git, then small commits
 * (a few evidence values changed, an attestation added now and then, one commit that moves a
 * model's level), with pinned dates; `judgeHistory` over them is run in a child process
 * (`bench/history-child.ts`) so its peak memory is its own, and compared with a full `check` of
 * the newest commit's files run the same way.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeRepository, type SyntheticOptions } from './synthetic.js';

const ROOT = join(import.meta.dirname, '..');

/** `node` with the sources loaded through tsx (the presets' `?raw` imports included), measured. */
export const TSX_NODE = [
  '--import',
  join(ROOT, 'bench/usage.mjs'),
  '--import',
  'tsx',
  '--import',
  join(ROOT, 'bench/raw-import.mjs'),
];

/** The model whose level the history moves, and the commit (1-based) that moves it. */
export const LEVEL_MODEL = 'acme/m-0';

function git(dir: string, args: string[], date?: string): void {
  execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], {
    cwd: dir,
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    },
  });
}

/** Evidence of model `i` with its values nudged by `step` (staying on the same side of every line). */
function evidence(i: number, step: number, uplift = 1.2): string {
  const row = (b: string, m: string, v: number) =>
    `  - { benchmark: ${b}, metric: ${m}, value: ${v}, date: 2026-10-01, source: "bench" }`;
  const nudge = (v: number) => Number((v + step * 0.001).toFixed(4));
  return [
    `model: acme/m-${i}`,
    'results:',
    row('bio-uplift-trial', 'ratio', uplift),
    row('longform-virology', 'score', nudge(0.2)),
    row('bio-knowledge-expert-parity', 'fraction', nudge(0.2)),
    row('lab-bench-human-parity', 'subtasks', 1),
    row('dna-synthesis-screening-evasion', 'success', 0),
    row('ai-research-suite-2', 'score', nudge(0.1)),
    row('researcher-survey-automation', 'fraction', 0),
    row('researcher-survey-speedup', 'median', 1.1),
    '',
  ].join('\n');
}

function attestation(i: number): string {
  return `model: acme/m-${i}
attestations:
  - report: capability-report
    evidence: "https://wiki.acme.example/rsp/capability-report/m-${i}"
    approved_by: [carol-ceo, alice-rso]
    date: 2026-10-01
`;
}

/**
 * Writes the synthetic repository at `dir` and commits it, then `commits - 1` small commits, one
 * hour apart from 2026-10-01: each changes 2 or 3 models' evidence values; every tenth adds an
 * attestation; the middle one raises `LEVEL_MODEL`'s uplift trial over its line (its level moves).
 */
export function writeHistoryRepository(
  dir: string,
  options: SyntheticOptions & { commits: number },
): void {
  writeRepository(dir, options);
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  const at = (n: number) => new Date(Date.UTC(2026, 9, 1) + n * 3600_000).toISOString();
  git(dir, ['commit', '-q', '-m', 'The synthetic repository'], at(0));
  const levelCommit = Math.max(1, Math.floor(options.commits / 2));
  for (let n = 1; n < options.commits; n++) {
    const paths: string[] = [];
    const models = 2 + (n % 2);
    for (let k = 0; k < models; k++) {
      const i = (n * 7 + k * 13) % options.cards;
      if (i === 0) continue; // the level model changes only at its commit
      const path = `models/m-${i}/evals/capability.evidence.yml`;
      writeFileSync(join(dir, path), evidence(i, n));
      paths.push(path);
    }
    if (n === levelCommit) {
      const path = 'models/m-0/evals/capability.evidence.yml';
      writeFileSync(join(dir, path), evidence(0, n, 5.3));
      paths.push(path);
    }
    if (n % 10 === 0) {
      const path = `safeguards/m-${n % options.cards}.yml`;
      writeFileSync(join(dir, path), attestation(n % options.cards));
      paths.push(path);
    }
    git(dir, ['add', '--', ...paths]);
    git(dir, ['commit', '-q', '-m', `Commit ${n}: ${paths.length} files`], at(n));
  }
  // Packed, as a repository that was cloned or has run `git gc` is.
  git(dir, ['repack', '-a', '-d', '-q']);
}

export interface HistoryRun {
  ms: number;
  maxRssMb: number;
  cpuMs: number;
  commits: number;
  errors: number;
  levelChanges: number;
  recordsKept: number;
  blobReads: number;
}

export interface Usage {
  userMs: number;
  systemMs: number;
  maxRssMb: number;
}

function usageOf(stderr: string): Usage {
  return JSON.parse(/RSP_GATE_USAGE (.*)/.exec(stderr)?.[1] ?? '{}') as Usage;
}

/** `judgeHistory` over the repository at `dir`, in a child process. */
export function runHistory(dir: string, commits: number): HistoryRun {
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [...TSX_NODE, join(ROOT, 'bench/history-child.ts'), dir, String(commits)],
    { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 26 },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`the history run failed:\n${child.stderr}`);
  const result = JSON.parse(child.stdout) as Omit<HistoryRun, 'ms' | 'maxRssMb' | 'cpuMs'>;
  const usage = usageOf(child.stderr);
  return { ...result, ms, maxRssMb: usage.maxRssMb, cpuMs: usage.userMs + usage.systemMs };
}

/** A full `check` of the work tree at `dir`, run the same way as the history. */
export function runFullCheck(dir: string): { ms: number; usage: Usage; decision: string } {
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [
      ...TSX_NODE,
      join(ROOT, 'src/cli.ts'),
      'check',
      '--root',
      dir,
      '--format',
      'json',
      '--now',
      '2026-11-27',
    ],
    { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 30 },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const { decision } = JSON.parse(child.stdout) as { decision: string };
  return { ms, usage: usageOf(child.stderr), decision };
}
