/**
 * `rsp-gate report` as a user runs it: the example repository's page, its history from local git,
 * redaction, and the usage errors a user can make.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';

const ROOT = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'rsp-gate-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    cwd: ROOT,
    now: () => new Date('2026-11-27T12:00:00Z'),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

/** The overview table's rows as [model, deployment, security] (cells in order). */
function overviewRows(html: string): string[][] {
  const table = html.slice(html.indexOf('id="overview-table"'));
  const body = table.slice(0, table.indexOf('</table>'));
  return [...body.matchAll(/<tr[^>]*data-model="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [
    m[1]!,
    ...[...m[2]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)]
      .slice(1, 3)
      .map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()),
  ]);
}

/** A git repository of the example, in two commits: frontier-7's ASL-3 evidence arrives second. */
function gitExample(): string {
  const dir = join(scratch, 'repo');
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Ada',
        GIT_AUTHOR_EMAIL: 'ada@acme.example',
        GIT_COMMITTER_NAME: 'Ada',
        GIT_COMMITTER_EMAIL: 'ada@acme.example',
        GIT_AUTHOR_DATE: '2026-10-01T09:00:00Z',
        GIT_COMMITTER_DATE: '2026-10-01T09:00:00Z',
      },
    });
  cpSync(join(ROOT, 'examples/acme-models-base'), dir, { recursive: true });
  git('-c', 'init.defaultBranch=main', 'init', '-q');
  git('add', '-A');
  git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'the base');
  cpSync(join(ROOT, 'examples/acme-models'), dir, { recursive: true });
  git('add', '-A');
  git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'frontier-7: the November uplift trial');
  return dir;
}

describe('rsp-gate report', () => {
  test('writes one page with the example’s three models at their levels (exit 0 on a block)', async () => {
    const out = join(scratch, 'example.html');
    const { code, out: printed } = await run(
      'report',
      '--root',
      'examples/acme-models',
      '--now',
      '2026-11-27',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(printed).toContain('3 models, decision block');
    const html = readFileSync(out, 'utf8');
    expect(overviewRows(html).sort()).toEqual([
      ['acme/atlas-2', 'ASL-2', 'ASL-2'],
      ['acme/frontier-6', 'ASL-2', 'ASL-2'],
      ['acme/frontier-7', 'ASL-3', 'ASL-3'],
    ]);
    for (const id of ['overview', 'margins', 'trends', 'safeguards', 'audit'])
      expect(html).toContain(`id="${id}"`);
    // Self-contained: nothing is fetched from anywhere.
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
  });

  test('--history judges the branch’s commits and shows frontier-7’s level change', async () => {
    const repo = gitExample();
    const out = join(scratch, 'history.html');
    const { code, out: printed } = await run(
      'report',
      '--root',
      repo,
      '--history',
      '10',
      '--now',
      '2026-11-27',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(printed).toContain('2 commits of history');
    const html = readFileSync(out, 'utf8');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    expect(html).toContain(head.slice(0, 7));
    expect(html).toContain('frontier-7: the November uplift trial');
    expect(html).toMatch(/ASL-2\s*(?:→|&rarr;|to)\s*ASL-3/);
  });

  test('--redact leaves evidence paths and values out of the page', async () => {
    const out = join(scratch, 'redacted.html');
    const { code } = await run(
      'report',
      '--root',
      'examples/acme-models',
      '--now',
      '2026-11-27',
      '--redact',
      '--out',
      out,
    );
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('evals/');
    expect(html).not.toContain('uplift-trial-2026-11.evidence.yml');
    expect(html).not.toContain('5.3');
    expect(overviewRows(html).find((r) => r[0] === 'acme/frontier-7')).toEqual([
      'acme/frontier-7',
      'ASL-3',
      'ASL-3',
    ]);
  });

  test('usage errors say what is wrong and exit 2', async () => {
    const both = await run('report', '--history', '5', '--since', '2026-01-01');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--history and --since: give one of them');
    const zero = await run('report', '--history', '0');
    expect(zero.code).toBe(2);
    expect(zero.err).toContain('--history: `0` is not a number of commits');
    const day = await run('report', '--since', 'last week');
    expect(day.code).toBe(2);
    expect(day.err).toContain('--since: `last week` is not a date');
    const notGit = join(scratch, 'not-git');
    cpSync(join(ROOT, 'examples/acme-models'), notGit, { recursive: true });
    const noRepo = await run(
      'report',
      '--root',
      notGit,
      '--history',
      '3',
      '--out',
      join(scratch, 'x.html'),
    );
    expect(noRepo.code).toBe(2);
    expect(noRepo.err).toContain('is not inside a git work tree');
  });

  test('a file that cannot be read is on the page and the command exits 2', async () => {
    const broken = join(scratch, 'broken');
    cpSync(join(ROOT, 'examples/acme-models'), broken, { recursive: true });
    writeFileSync(
      join(broken, 'models/frontier-7/evals/capability-assessment.evidence.yml'),
      'results: [\n',
    );
    const out = join(scratch, 'broken.html');
    const { code, err } = await run(
      'report',
      '--root',
      broken,
      '--now',
      '2026-11-27',
      '--out',
      out,
    );
    expect(code).toBe(2);
    expect(err).toContain('some files could not be read');
    expect(readFileSync(out, 'utf8')).toContain('capability-assessment.evidence.yml');
  });
});
