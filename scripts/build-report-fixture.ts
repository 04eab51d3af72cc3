/**
 * Builds the report fixture: a git repository whose history adds examples/acme-models one
 * step at a time, with pinned authors and dates, so that `rsp-gate report --history` over it
 * gives the same page (and the same commit ids) on every machine:
 *
 *   npx tsx scripts/build-report-fixture.ts DIR
 *
 * DIR must not exist or be empty. The browser tests and the README screenshots are taken from
 * it. Every file of the example is added by exactly one step, so the last commit's tree is the
 * example's; the steps tell the story of three model generations, from atlas-2 to frontier-7
 * crossing CBRN-3. Git runs with no user or system configuration, so nothing on the machine
 * (a signing key, autocrlf, a hook, a default branch name) changes a commit id.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The example repository the fixture's history ends at. */
export const EXAMPLE_DIR = resolve(import.meta.dirname, '../examples/acme-models');

interface Person {
  name: string;
  email: string;
}

const ALICE: Person = { name: 'Alice (RSO)', email: 'alice-rso@acme.example' };
const DANA: Person = { name: 'Dana (evals)', email: 'dana-evals@acme.example' };
const SAM: Person = { name: 'Sam (safeguards)', email: 'sam-safeguards@acme.example' };

export interface FixtureStep {
  /** Committer and author date, ISO 8601 with its offset. */
  date: string;
  author: Person;
  message: string;
  /** Paths relative to the example directory, added (or replaced) by this commit. */
  files: string[];
}

const F6 = 'models/frontier-6';
const F7 = 'models/frontier-7';

/** The history, oldest first. Each date falls after every date written in the files it adds. */
export const FIXTURE_STEPS: readonly FixtureStep[] = [
  {
    date: '2026-08-21T09:00:00+00:00',
    author: ALICE,
    message: 'Adopt the RSP policy; atlas-2 card, capability assessment and capability report',
    files: [
      '.github/rsp-policy.yml',
      'models/atlas-2/MODEL_CARD.md',
      'models/atlas-2/evals/capability-assessment.evidence.yml',
      'safeguards/atlas-2.yml',
    ],
  },
  {
    date: '2026-08-24T14:30:00+00:00',
    author: DANA,
    message: 'frontier-6: card, capability assessment and capability report',
    files: [
      `${F6}/MODEL_CARD.md`,
      `${F6}/evals/capability-assessment.evidence.yml`,
      'safeguards/frontier-6.yml',
    ],
  },
  {
    date: '2026-08-27T11:15:00+00:00',
    author: DANA,
    message: 'frontier-6: Inspect log of the CVE-Bench run',
    files: [`${F6}/evals/inspect/2026-07-11T08-02-51+00-00_cvebench_fr6.json`],
  },
  {
    date: '2026-10-16T10:00:00+00:00',
    author: SAM,
    message: 'Safeguards: the ASL-2 standards org-wide and the first ASL-3 security measures',
    files: ['safeguards/org-asl2.yml', 'safeguards/org-asl3-security.yml'],
  },
  {
    date: '2026-10-21T16:45:00+00:00',
    author: DANA,
    message:
      'frontier-7: card, capability assessment, InterCode CTF log and uplift trial UT-2026-08 (CBRN-3 ruled out)',
    files: [
      `${F7}/MODEL_CARD.md`,
      `${F7}/evals/capability-assessment.evidence.yml`,
      `${F7}/evals/inspect/2026-10-14T16-40-12+00-00_gdm-intercode-ctf_fr7.json`,
      `${F7}/evals/uplift-trial-2026-08.evidence.yml`,
    ],
  },
  {
    date: '2026-11-11T09:30:00+00:00',
    author: DANA,
    message: 'frontier-7: lm-eval WMDP results (wmdp-bio flagged for review)',
    files: [`${F7}/evals/lm-eval/results_2026-11-10T16-00-00.000000.json`],
  },
  {
    date: '2026-11-21T13:00:00+00:00',
    author: DANA,
    message: 'frontier-7: uplift trial UT-2026-11 on the release candidate (CBRN-3 crossed: ASL-3)',
    files: [`${F7}/evals/uplift-trial-2026-11.evidence.yml`],
  },
  {
    date: '2026-11-24T17:20:00+00:00',
    author: ALICE,
    message: 'frontier-7: capability report signed by the CEO and the RSO',
    files: ['safeguards/frontier-7.yml'],
  },
];

/** Every file under `dir`, relative to it, in a stable order. */
export function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path, base) : [relative(base, path)];
    });
}

/** Each example file in exactly one step, and no step naming a file the example lacks. */
function checkSteps(example: string, steps: readonly FixtureStep[]): void {
  const listed = steps.flatMap((s) => s.files);
  const present = new Set(filesUnder(example));
  const seen = new Set<string>();
  for (const file of listed) {
    if (!present.has(file)) throw new Error(`fixture step names ${file}, absent from ${example}`);
    if (seen.has(file)) throw new Error(`fixture steps add ${file} twice`);
    seen.add(file);
  }
  const missing = [...present].filter((f) => !seen.has(f));
  if (missing.length > 0)
    throw new Error(`no fixture step adds ${missing.join(', ')} (from ${example})`);
}

/** Git with no user, system or repository-template configuration of the machine. */
function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      TZ: 'UTC',
      LC_ALL: 'C',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

function emptyOrAbsent(dir: string): void {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a directory`);
    entries = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length > 0) throw new Error(`${dir} is not empty: the fixture needs a fresh one`);
}

function commitStep(dir: string, example: string, step: FixtureStep): void {
  for (const file of step.files) {
    const target = join(dir, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(join(example, file)));
    chmodSync(target, 0o644);
  }
  git(dir, ['add', '--', ...step.files]);
  git(dir, ['-c', 'commit.gpgsign=false', 'commit', '--quiet', '--no-verify', '-m', step.message], {
    GIT_AUTHOR_NAME: step.author.name,
    GIT_AUTHOR_EMAIL: step.author.email,
    GIT_AUTHOR_DATE: step.date,
    GIT_COMMITTER_NAME: step.author.name,
    GIT_COMMITTER_EMAIL: step.author.email,
    GIT_COMMITTER_DATE: step.date,
  });
}

/**
 * Builds the fixture repository in `dir` (created when absent; must be empty) and returns its
 * commit ids, oldest first.
 */
export function buildReportFixture(
  dir: string,
  example: string = EXAMPLE_DIR,
  steps: readonly FixtureStep[] = FIXTURE_STEPS,
): string[] {
  checkSteps(example, steps);
  emptyOrAbsent(dir);
  mkdirSync(dir, { recursive: true });
  git(dir, ['-c', 'init.defaultBranch=main', 'init', '--quiet', '--template=', '.']);
  return steps.map((step) => {
    commitStep(dir, example, step);
    return git(dir, ['rev-parse', 'HEAD']);
  });
}

function main(): void {
  const dir = process.argv[2];
  if (dir === undefined) {
    console.error('usage: tsx scripts/build-report-fixture.ts DIR');
    process.exitCode = 2;
    return;
  }
  const commits = buildReportFixture(resolve(dir));
  console.log(`report fixture: ${commits.length} commits in ${dir}, head ${commits.at(-1)}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  main();
