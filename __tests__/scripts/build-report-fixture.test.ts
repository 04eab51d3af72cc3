/**
 * scripts/build-report-fixture.ts: the git history the report's browser tests and README
 * screenshots are taken from ends at examples/acme-models, has pinned dates in 2026 before the
 * report's --now, and gives the same commit ids on every build, whatever the machine's git
 * settings.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import {
  buildReportFixture,
  EXAMPLE_DIR,
  filesUnder,
  FIXTURE_STEPS,
} from '../../scripts/build-report-fixture.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rsp-report-fixture-'));
  dirs.push(dir);
  return dir;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
}

/** The report's --now in the browser tests and the README. */
const REPORT_NOW = Date.parse('2026-11-27T00:00:00Z');

describe('the report fixture history', () => {
  const dir = freshDir();
  const commits = buildReportFixture(join(dir, 'repo'));
  const repo = join(dir, 'repo');

  test('its last commit holds exactly the example repository, byte for byte', () => {
    const tracked = git(repo, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').sort();
    const example = filesUnder(EXAMPLE_DIR).sort();
    expect(tracked).toEqual(example);
    for (const file of example) {
      const committed = execFileSync('git', ['show', `HEAD:${file}`], { cwd: repo });
      expect(committed.equals(readFileSync(join(EXAMPLE_DIR, file))), file).toBe(true);
    }
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  test('it is a first-parent history of one commit per step on main, oldest first', () => {
    expect(commits).toHaveLength(FIXTURE_STEPS.length);
    expect(git(repo, 'rev-list', '--first-parent', '--reverse', 'HEAD').split('\n')).toEqual(
      commits,
    );
    expect(git(repo, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    const subjects = git(repo, 'log', '--reverse', '--format=%s').split('\n');
    expect(subjects).toEqual(FIXTURE_STEPS.map((s) => s.message));
  });

  test('author and committer dates are pinned, rising, in 2026 and before the report date', () => {
    const lines = git(repo, 'log', '--reverse', '--format=%aI %cI %ae').split('\n');
    let previous = Date.parse('2026-01-01T00:00:00Z');
    lines.forEach((line, i) => {
      const [author, committer, email] = line.split(' ');
      expect(Date.parse(author!)).toBe(Date.parse(FIXTURE_STEPS[i]!.date));
      expect(committer).toBe(author);
      expect(email).toBe(FIXTURE_STEPS[i]!.author.email);
      const at = Date.parse(committer!);
      expect(at).toBeGreaterThan(previous);
      expect(at).toBeLessThan(REPORT_NOW);
      previous = at;
    });
  });

  test('no commit adds a file dated after the commit (evidence from its future)', () => {
    for (const step of FIXTURE_STEPS)
      for (const file of step.files) {
        const text = readFileSync(join(EXAMPLE_DIR, file), 'utf8');
        for (const [day] of text.matchAll(/\b2026-\d\d-\d\d\b/g))
          expect(Date.parse(`${day}T00:00:00Z`), `${file} (${day})`).toBeLessThan(
            Date.parse(step.date),
          );
      }
  });

  test('a second build elsewhere gives the same commit ids', () => {
    expect(buildReportFixture(join(freshDir(), 'again'))).toEqual(commits);
  });

  describe("the machine's git settings", () => {
    const saved = { ...process.env };
    afterEach(() => {
      process.env = { ...saved };
    });

    test('an identity, dates, signing, autocrlf or a commit encoding of the machine change no commit id', () => {
      const home = freshDir();
      writeFileSync(
        join(home, '.gitconfig'),
        [
          '[user]\n\tname = Someone Else\n\temail = else@example.org',
          '[core]\n\tautocrlf = true',
          '[commit]\n\tgpgsign = true',
          '[i18n]\n\tcommitEncoding = ISO-8859-1',
          '[init]\n\tdefaultBranch = trunk',
        ].join('\n'),
      );
      Object.assign(process.env, {
        HOME: home,
        GIT_AUTHOR_NAME: 'Someone Else',
        GIT_COMMITTER_DATE: '2030-01-01T00:00:00Z',
        GIT_CONFIG_PARAMETERS: "'i18n.commitEncoding'='ISO-8859-1'",
        TZ: 'Pacific/Auckland',
      });
      expect(buildReportFixture(join(freshDir(), 'elsewhere'))).toEqual(commits);
    });
  });
});

describe('the script refuses what would not give the pinned history', () => {
  test('a directory that already holds files', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'stray.txt'), 'x');
    expect(() => buildReportFixture(dir)).toThrow(`${dir} is not empty`);
  });

  test('a step naming a file the example lacks, and an example file no step adds', () => {
    const [first, ...rest] = FIXTURE_STEPS;
    const misspelt = [{ ...first!, files: [...first!.files, 'safeguards/atlas-3.yml'] }, ...rest];
    expect(() => buildReportFixture(join(freshDir(), 'a'), EXAMPLE_DIR, misspelt)).toThrow(
      'fixture step names safeguards/atlas-3.yml, absent from',
    );
    expect(() =>
      buildReportFixture(join(freshDir(), 'b'), EXAMPLE_DIR, FIXTURE_STEPS.slice(0, -1)),
    ).toThrow('no fixture step adds safeguards/frontier-7.yml');
  });
});
