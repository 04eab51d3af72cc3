/**
 * The report attacked, as an author who controls committed files (cards, evidence, attestations,
 * the policy in a branch's history) would attack it: what a redacted page must not show, what
 * the page must not claim that the gate would not, and hostile text that must stay text. Each
 * page is built from real files through `judgeHistory` and `buildReport`, as the CLI builds it.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { overviewTable as summaryTable, publishReport } from '../../src/action/report.js';
import { STATE_CONTEXT } from '../../src/core/inputs.js';
import { checkTrees } from '../../src/gate/check-trees.js';
import { main } from '../../src/cli/main.js';
import { buildReport } from '../../src/report/build-report.js';
import { judgeHistory } from '../../src/report/git-history.js';
import type { CommitSummary } from '../../src/report/report-data.js';
import { createLocalTree } from '../../src/repository/local-tree.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/acme-models');
const POLICY = '.github/rsp-policy.yml';
const UPLIFT = 'models/frontier-7/evals/uplift-trial-2026-11.evidence.yml';
const NOW = new Date('2026-11-27T00:00:00Z');

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rsp-report-attack-'));
  dirs.push(dir);
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function git(top: string, date: string | null, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Dana Tester', '-c', 'user.email=dana@example.com', ...args],
    {
      cwd: top,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
      },
    },
  );
}

function commitAll(top: string, date: string, subject: string): void {
  git(top, null, 'add', '-A');
  git(top, date, 'commit', '-q', '-m', subject);
}

async function reportOf(root: string, redact: boolean, history: CommitSummary[] = []) {
  return buildReport({
    tree: createLocalTree(root, 'acme'),
    policyPath: POLICY,
    now: NOW,
    repository: 'acme',
    commit: null,
    history,
    historyScope: history.length ? `the last ${history.length} first-parent commits` : null,
    redact,
  });
}

/** The text a reader sees or a screen reader reads: text nodes and labelling attributes. */
function readable(html: string): string {
  const body = html.replace(/<style>[\s\S]*?<\/style>|<script[^>]*>[\s\S]*?<\/script>/g, '');
  const labels = [...body.matchAll(/\s(?:aria-label|title|alt)="([^"]*)"/g)].map((m) => m[1]);
  return [...body.replace(/<[^>]+>/g, '\n').split('\n'), ...labels]
    .join('\n')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('a redacted report', () => {
  test('holds no evidence path, card path, evidence value or attestation evidence of the unredacted judgment', async () => {
    const root = copyExample();
    const full = await reportOf(root, false);
    const { html } = await reportOf(root, true);
    const paths = new Set<string>();
    const values = new Set<number>();
    for (const m of full.record.models) {
      paths.add(m.card);
      for (const f of m.evidence.files) paths.add(f);
      for (const t of m.thresholds)
        for (const c of [...t.evidence, ...t.review, ...(t.alert?.conditions ?? [])]) {
          if (c.file) paths.add(c.file);
          if (c.value !== null) values.add(c.value);
        }
    }
    for (const a of full.data.attestations) if (a.file) paths.add(a.file);
    const urls = filesUnder(join(root, 'safeguards')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/evidence: "([^"]+)"/g)].map((m) => m[1]!),
    );
    expect(paths.size).toBeGreaterThan(10);
    expect(values.size).toBeGreaterThan(5);
    expect(urls.length).toBeGreaterThan(10);
    // Paths and evidence anywhere in the file; values anywhere a reader sees or hears them.
    expect([...paths, ...urls].filter((s) => html.includes(s))).toEqual([]);
    const text = readable(html);
    const shown = [...values].filter((v) =>
      new RegExp(`(?<![\\d.])${String(v).replace('.', '\\.')}(?![\\d])`).test(text),
    );
    // Small whole numbers are counts and days too: only values with a fraction are telling.
    expect(shown.filter((v) => !Number.isInteger(v))).toEqual([]);
  });

  test("level changes in the branch's history name no evidence file, whatever its name", async () => {
    const top = copyExample();
    git(top, null, 'init', '-q', '-b', 'main');
    const trial = readFileSync(join(top, UPLIFT), 'utf8');
    rmSync(join(top, UPLIFT));
    commitAll(top, '2026-11-01T09:00:00Z', 'Example without the November trial');
    // A file name git and the card's glob accept: a newline, then what looks like a cause's end.
    const hidden = 'models/frontier-7/evals/secret-trial-UT7\n(cohort B).evidence.yml';
    writeFileSync(join(top, hidden), trial);
    commitAll(top, '2026-11-21T09:00:00Z', 'frontier-7: the trial');
    const history = await judgeHistory({ root: top, policyPath: POLICY, limit: 10 });
    const unredacted = await reportOf(top, false, history);
    // The file raised frontier-7's level, and the unredacted page names it as the cause.
    expect(unredacted.data.levelChanges.some((c) => c.causes.some((x) => x.includes(hidden)))).toBe(
      true,
    );
    const { html, data } = await reportOf(top, true, history);
    expect(data.levelChanges.length).toBeGreaterThan(0);
    expect(html).not.toContain('secret-trial');
    expect(html).not.toContain('cohort B');
  });
});

describe("the branch's history", () => {
  test('a capability decision that expires between two commits counts at the first commit after, as the gate would count it', async () => {
    const top = copyExample();
    git(top, null, 'init', '-q', '-b', 'main');
    // frontier-7's trial between the rule-out and rule-in lines: CBRN-3 not ruled out, cleared by
    // a decision (with the red-team report it requires) until 2026-11-10.
    const trial = join(top, UPLIFT);
    writeFileSync(trial, readFileSync(trial, 'utf8').replace('value: 5.3', 'value: 4.0'));
    writeFileSync(
      join(top, 'safeguards/frontier-7.yml'),
      `${readFileSync(join(top, 'safeguards/frontier-7.yml'), 'utf8')}` +
        '  - { report: expert-red-team-report, evidence: "RT-1", approved_by: [carol-ceo, alice-rso], date: 2026-10-20 }\n' +
        '  - { decision: capability, threshold: CBRN-3, verdict: below, reason: "read as below", approved_by: [alice-rso, carol-ceo], date: 2026-10-25, expires: 2026-11-10 }\n',
    );
    commitAll(top, '2026-11-01T09:00:00Z', 'frontier-7: CBRN-3 decided below until 2026-11-10');
    // Only atlas-2's card changes after the decision expired.
    const card = join(top, 'models/atlas-2/MODEL_CARD.md');
    writeFileSync(card, `${readFileSync(card, 'utf8')}\nA sentence of prose.\n`);
    commitAll(top, '2026-11-15T09:00:00Z', 'atlas-2: prose');
    const whole = async (date: string) => {
      const { record } = await checkTrees({
        head: createLocalTree(top, 'acme'),
        base: null,
        policyPath: POLICY,
        now: new Date(date),
        context: STATE_CONTEXT,
      });
      return record.models.find((m) => m.id === 'acme/frontier-7')!.levels;
    };
    // The gate at each commit's date: ASL-2 while the decision stands, ASL-3 after.
    expect(await whole('2026-11-15T09:00:00Z')).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
    const history = await judgeHistory({ root: top, policyPath: POLICY, limit: 10 });
    expect(history.map((h) => h.levels['acme/frontier-7'])).toEqual([
      { deployment: 'ASL-2', security: 'ASL-2' },
      { deployment: 'ASL-3', security: 'ASL-3' },
    ]);
    const { data } = await reportOf(top, false, history);
    expect(
      data.levelChanges
        .filter((c) => c.model === 'acme/frontier-7' && c.to === 'ASL-3')
        .map((c) => c.commit.subject),
    ).toEqual(['atlas-2: prose', 'atlas-2: prose']);
  });
  test("is read whatever the user's git config prints with a log (log.showSignature and signed commits)", async () => {
    const top = copyExample();
    git(top, null, 'init', '-q', '-b', 'main');
    commitAll(top, '2026-11-01T09:00:00Z', 'Signed, as GitHub signs a merge');
    // The commit with a signature header (its checking needs no key: git says "No signature").
    const [header, body] = git(top, null, 'cat-file', 'commit', 'HEAD').split(/\n\n([\s\S]*)/);
    const signed = `${header}\ngpgsig -----BEGIN SSH SIGNATURE-----\n U1NIU0lH\n -----END SSH SIGNATURE-----\n\n${body}`;
    const object = join(top, '..', `${top.split('/').pop()}.commit`);
    dirs.push(object);
    writeFileSync(object, signed);
    git(
      top,
      null,
      'update-ref',
      'HEAD',
      git(top, null, 'hash-object', '-t', 'commit', '-w', object).trim(),
    );
    const config = join(top, '..', `${top.split('/').pop()}.gitconfig`);
    dirs.push(config);
    writeFileSync(config, '[log]\n\tshowSignature = true\n');
    const saved = process.env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_GLOBAL = config;
    try {
      const history = await judgeHistory({ root: top, policyPath: POLICY, limit: 5 });
      expect(history.map((h) => [h.commit.sha.length, h.commit.subject, h.error])).toEqual([
        [40, 'Signed, as GitHub signs a merge', null],
      ]);
    } finally {
      if (saved === undefined) delete process.env.GIT_CONFIG_GLOBAL;
      else process.env.GIT_CONFIG_GLOBAL = saved;
    }
  });
});

describe('a redacted report of a branch', () => {
  test('holds no commit subject, where authors write paths and values', async () => {
    const top = copyExample();
    git(top, null, 'init', '-q', '-b', 'main');
    const trial = readFileSync(join(top, UPLIFT), 'utf8');
    rmSync(join(top, UPLIFT));
    commitAll(top, '2026-11-01T09:00:00Z', 'Example without the November trial');
    writeFileSync(join(top, UPLIFT), trial);
    commitAll(
      top,
      '2026-11-21T09:00:00Z',
      'frontier-7: UT-2026-11 reads 5.3x (uplift-trial-2026-11.evidence.yml)',
    );
    const history = await judgeHistory({ root: top, policyPath: POLICY, limit: 10 });
    const head = git(top, null, 'log', '-1', '--format=%H%x00%ct%x00%an%x00%s').split('\0');
    const commit = {
      sha: head[0]!,
      date: new Date(Number(head[1]) * 1000).toISOString(),
      author: head[2]!,
      subject: head[3]!.trim(),
    };
    const { html, data } = await buildReport({
      tree: createLocalTree(top, 'acme'),
      policyPath: POLICY,
      now: NOW,
      repository: 'acme',
      commit,
      history,
      historyScope: 'the last 2 first-parent commits',
      redact: true,
    });
    expect(data.levelChanges.length).toBeGreaterThan(0);
    expect(html).not.toContain('5.3');
    expect(html).not.toContain('uplift-trial-2026-11');
    // The commits are still named, by sha and date.
    expect(html).toContain(commit.sha.slice(0, 7));
  });
});

describe('the overview does not pass a model the gate blocks', () => {
  test('a file no model owns that cannot be read blocks every model, on the page and in the job summary', async () => {
    const root = copyExample();
    writeFileSync(join(root, 'safeguards/zz-late.yml'), 'model: "*"\nattestations: [\n');
    const report = await reportOf(root, false);
    expect(report.record.decision).toBe('block');
    expect(report.invalidInput).toBe(true);
    // It could hold any model's safeguard or revocation: no model can be said to pass.
    expect(report.data.overview.map((o) => [o.model, o.verdict])).toEqual([
      ['acme/atlas-2', 'block'],
      ['acme/frontier-6', 'block'],
      ['acme/frontier-7', 'block'],
    ]);
    expect(report.html).toMatch(/<tr data-model="acme\/atlas-2">.*status-block/);
    // Named as what blocks, with its reason, not only somewhere on the page.
    const blocks = report.html.slice(
      report.html.indexOf('<h3>What blocks besides open items</h3>'),
    );
    expect(blocks.slice(0, blocks.indexOf('</table>'))).toMatch(
      /<th scope="row">all models<\/th><td><code>yaml-syntax<\/code><\/td><td>[^<]+<\/td><td>safeguards\/zz-late\.yml:\d+<\/td>/,
    );
    expect(summaryTable(report.data.overview)).not.toContain('| pass |');
    // Redacted, the problem is still there, without its path.
    const redacted = (await reportOf(root, true)).html;
    expect(redacted).not.toContain('zz-late');
    expect(redacted).toMatch(
      /<th scope="row">all models<\/th><td><code>yaml-syntax<\/code><\/td><td>yaml-syntax \(details redacted\)<\/td><td>redacted<\/td>/,
    );
  });
  test('two cards that name one model: every row of it blocks, and the page says why', async () => {
    const root = copyExample();
    cpSync(join(root, 'models/frontier-6'), join(root, 'models/frontier-6-again'), {
      recursive: true,
    });
    const report = await reportOf(root, false);
    expect(report.record.decision).toBe('block');
    const rows = report.data.overview.filter((o) => o.model === 'acme/frontier-6');
    expect(rows.map((o) => o.verdict)).toEqual(['block', 'block']);
    expect(report.html).toMatch(
      /<td><code>duplicate-model<\/code><\/td><td>model acme\/frontier-6 is declared by two cards/,
    );
  });
  test('an attestation whose approvers hold none of the roles is not shown as standing, and its rejection is on the page', async () => {
    const root = copyExample();
    const file = join(root, 'safeguards/org-asl3-security.yml');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}  - { safeguard: asl3-sec-monitoring, evidence: "SEC-299", approved_by: [mallory], date: 2026-11-01 }\n`,
    );
    const report = await reportOf(root, false);
    const f7 = report.record.models.find((m) => m.id === 'acme/frontier-7')!;
    expect(f7.safeguards.find((s) => s.id === 'asl3-sec-monitoring')!.status).toBe('rejected');
    const safeguards = report.html.slice(
      report.html.indexOf('id="safeguards"'),
      report.html.indexOf('id="audit"'),
    );
    // The timeline and its table say it does not count, and why.
    expect(safeguards).toContain('active, no expiry · by mallory · not counted');
    expect(safeguards).toMatch(
      /<td>asl3-sec-monitoring<\/td><td[^>]*><span class="status status-active">active<\/span> not counted: @mallory holds none of the allowed roles/,
    );
    // What blocks names it, though it is a safeguard (the page lists no safeguard items).
    expect(report.html).toMatch(
      /<td><code>safeguard-rejected<\/code><\/td><td>ASL-3 security safeguard `asl3-sec-monitoring`/,
    );
    // Redacted, the words stay and the path goes.
    const redacted = (await reportOf(root, true)).html;
    expect(redacted).toContain('active, no expiry · by mallory · not counted');
    expect(redacted).not.toContain('org-asl3-security.yml');
  });
  test('a report, sign-off, capability decision or override that does not count is marked as not counted', async () => {
    const root = copyExample();
    const file = join(root, 'safeguards/frontier-7.yml');
    // frontier-7's capability report, signed by someone without the role instead of by the CEO and RSO.
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8').replace('approved_by: [carol-ceo, alice-rso]', 'approved_by: [mallory]')}` +
        '  - { signoff: ASL-3, approved_by: [mallory], date: 2026-11-01 }\n' +
        '  - { decision: capability, threshold: CBRN-3, verdict: below, reason: "r", approved_by: [mallory], date: 2026-11-02 }\n' +
        '  - { override: ASL-4, reason: "we say so", approved_by: [alice-rso], date: 2026-11-03 }\n',
    );
    const { data, html } = await reportOf(root, false);
    const forged = data.attestations.filter((a) => a.date !== null && a.date >= '2026-11-01');
    const report = data.attestations.find(
      (a) => a.model === 'acme/frontier-7' && a.kind === 'report',
    )!;
    expect(report.notCounted).toBe('what requires capability-report is still open');
    expect(forged.map((a) => [a.kind, a.notCounted])).toEqual([
      ['signoff', 'no sign-off of ASL-3 rests on it'],
      ['decision', '@mallory holds none of the allowed roles (ceo, rso)'],
      [
        'override',
        "the policy grants no override of an undefined level (`approvals.override` is `none` or not set); the level's safeguards must be defined instead",
      ],
    ]);
    for (const kind of ['signoff', 'decision']) {
      const figure = html.slice(html.indexOf(`data-kind="${kind}"`));
      expect(figure.slice(0, figure.indexOf('</figure>'))).toContain('by mallory · not counted');
    }
  });
  test("an attestation named like another's numbered row gets a row of its own on the timeline", async () => {
    const root = copyExample();
    const file = join(root, 'safeguards/frontier-7.yml');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}` +
        '  - { report: capability-report, evidence: "again", approved_by: [carol-ceo, alice-rso], date: 2026-11-02 }\n' +
        '  - { report: "capability-report (2)", evidence: "look-alike", approved_by: [mallory], date: 2026-11-03 }\n',
    );
    const { html } = await reportOf(root, false);
    const figure = html.slice(html.indexOf('data-kind="report"'));
    const svg = figure.slice(0, figure.indexOf('</svg>'));
    // Every attestation of frontier-7 on a row label of its own: three rows, three labels.
    const labels = [...svg.matchAll(/>(acme\/frontier-7 · capability-report[^<]*)<\/text>/g)].map(
      (m) => m[1],
    );
    expect(new Set(labels).size).toBe(3);
  });
});

describe('the commit a page names', () => {
  test('is not claimed for a work tree that differs from it', async () => {
    const top = copyExample();
    git(top, null, 'init', '-q', '-b', 'main');
    commitAll(top, '2026-11-21T09:00:00Z', 'The example');
    const head = git(top, null, 'rev-parse', 'HEAD').trim();
    const run = async (out: string) => {
      let err = '';
      const io = {
        out: () => {},
        err: (t: string) => void (err += t),
        cwd: top,
        now: () => NOW,
      };
      const code = await main(['report', '--now', '2026-11-27', '--out', out], io);
      return { code, err, html: readFileSync(join(top, out), 'utf8') };
    };
    // Clean (its own earlier page in the work tree is no change): the page names HEAD.
    const clean = await run('clean.html');
    expect(clean.html).toContain(`<code>${head.slice(0, 7)}</code> The example`);
    expect(clean.html).toContain(`data-commit="${head}"`);
    expect((await run('clean.html')).html).toContain(`<code>${head.slice(0, 7)}</code>`);
    // The trial removed from the work tree, not committed: frontier-7 drops to ASL-2.
    rmSync(join(top, UPLIFT));
    const dirty = await run('dirty.html');
    expect(dirty.code).toBe(0);
    expect(dirty.html).toMatch(
      /<tr data-model="acme\/frontier-7"><th scope="row">acme\/frontier-7<\/th><td[^>]*>ASL-2/,
    );
    // Neither the header nor the record's download may say that this is what HEAD holds.
    const header = dirty.html.slice(
      dirty.html.indexOf('<header>'),
      dirty.html.indexOf('</header>'),
    );
    expect(header).toContain(`uncommitted changes on ${head.slice(0, 7)}`);
    expect(header).toContain('<dt>Commit</dt><dd>working tree');
    expect(dirty.html).not.toContain(`data-commit="${head}"`);
    expect(dirty.html).not.toContain(`rsp-gate-record-${head.slice(0, 7)}`);
    expect(dirty.err).toContain(UPLIFT);
  });

  test('names HEAD for a clean tree reached through a symlink, its own earlier page aside', async () => {
    const top = copyExample();
    git(top, null, 'init', '-q', '-b', 'main');
    commitAll(top, '2026-11-21T09:00:00Z', 'The example');
    const head = git(top, null, 'rev-parse', 'HEAD').trim();
    const link = `${top}-link`;
    symlinkSync(top, link);
    dirs.push(link);
    const io = { out: () => {}, err: () => {}, cwd: link, now: () => NOW };
    for (let run = 0; run < 2; run++) {
      expect(await main(['report', '--now', '2026-11-27', '--out', 'page.html'], io)).toBe(0);
      const html = readFileSync(join(link, 'page.html'), 'utf8');
      expect(html, `run ${run + 1}`).toContain(`data-commit="${head}"`);
    }
  });

  test('is not claimed when the work tree holds evidence that git ignores', async () => {
    const top = copyExample();
    git(top, null, 'init', '-q', '-b', 'main');
    const trial = readFileSync(join(top, UPLIFT), 'utf8');
    rmSync(join(top, UPLIFT));
    writeFileSync(
      join(top, '.gitignore'),
      'uplift-trial-2026-11.evidence.yml\nnode_modules/\n.venv/\n',
    );
    commitAll(top, '2026-11-21T09:00:00Z', 'The example without the trial');
    const head = git(top, null, 'rev-parse', 'HEAD').trim();
    // An ignored file the judgment does not read is no change.
    mkdirSync(join(top, '.venv/lib'), { recursive: true });
    writeFileSync(join(top, '.venv/lib/site.py'), 'pass\n');
    const quiet = { out: () => {}, err: () => {}, cwd: top, now: () => NOW };
    expect(await main(['report', '--now', '2026-11-27', '--out', 'page.html'], quiet)).toBe(0);
    expect(readFileSync(join(top, 'page.html'), 'utf8')).toContain(`data-commit="${head}"`);
    // Read by the judgment (frontier-7 rises to ASL-3), in no commit.
    writeFileSync(join(top, UPLIFT), trial);
    // What the judgment never reads is no change.
    cpSync(join(top, 'models'), join(top, 'node_modules/x'), { recursive: true });
    let err = '';
    const io = { out: () => {}, err: (t: string) => void (err += t), cwd: top, now: () => NOW };
    expect(await main(['report', '--now', '2026-11-27', '--out', 'page.html'], io)).toBe(0);
    const html = readFileSync(join(top, 'page.html'), 'utf8');
    expect(html).toMatch(
      /<tr data-model="acme\/frontier-7"><th scope="row">acme\/frontier-7<\/th><td[^>]*>ASL-3/,
    );
    expect(html).not.toContain(`data-commit="${head}"`);
    expect(html).toContain(`uncommitted changes on ${head.slice(0, 7)}`);
    expect(err).toContain(UPLIFT);
    expect(err).not.toContain('node_modules');
    expect(err).not.toContain('.venv');
  });
});

describe('a history that holds fewer commits than asked', () => {
  async function report(cwd: string, ...args: string[]) {
    let err = '';
    let printed = '';
    const out = join(cwd, '..', `${Math.random().toString(36).slice(2)}.html`);
    const io = {
      out: (t: string) => void (printed += t),
      err: (t: string) => void (err += t),
      cwd,
      now: () => NOW,
    };
    const code = await main(['report', ...args, '--now', '2026-11-27', '--out', out], io);
    const html = readFileSync(out, 'utf8');
    const trends = html.slice(
      html.indexOf('<h3>Across the branch'),
      html.indexOf('</section>', html.indexOf('id="trends"')),
    );
    return { code, err, printed, trends };
  }

  function threeCommits(): string {
    const top = copyExample();
    git(top, null, 'init', '-q', '-b', 'main');
    commitAll(top, '2026-11-01T09:00:00Z', 'one');
    git(top, '2026-11-02T09:00:00Z', 'commit', '-q', '--allow-empty', '-m', 'two');
    git(top, '2026-11-03T09:00:00Z', 'commit', '-q', '--allow-empty', '-m', 'three');
    return top;
  }

  test('a shallow clone: the page and the command say the history stops where the clone does', async () => {
    const top = threeCommits();
    const parent = mkdtempSync(join(tmpdir(), 'rsp-report-shallow-'));
    dirs.push(parent);
    git(parent, null, 'clone', '-q', '--depth', '1', `file://${top}`, 'clone');
    const { code, err, trends } = await report(join(parent, 'clone'), '--history', '10');
    expect(code).toBe(0);
    expect(trends).toContain('(1 judged)');
    expect(trends).toContain('shallow');
    expect(err).toContain('shallow');
    expect(err).toContain('fetch-depth: 0');
  });

  test('--since after the last commit: the page says no commit was found, not to ask for history', async () => {
    const top = threeCommits();
    const { code, trends } = await report(top, '--since', '2026-11-20');
    expect(code).toBe(0);
    expect(trends).not.toContain('run with --history');
    expect(trends).toContain('the first-parent commits since 2026-11-20 (0 judged)');
  });
});

describe('hostile strings from committed files', () => {
  test('a model id that closes attributes, tags and scripts stays text everywhere on the page', async () => {
    const root = copyExample();
    const hostile = `acme/x"'><img src=x onerror=alert(1)></script><script>alert(2)</script>`;
    for (const file of filesUnder(root)) {
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replaceAll('acme/frontier-7', JSON.stringify(hostile)));
    }
    const { html, data } = await reportOf(root, false);
    expect(data.overview.map((o) => o.model)).toContain(hostile);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script>alert/);
    // The page's own script, and one inert data block per record.
    expect([...html.matchAll(/<script\b/g)]).toHaveLength(1 + data.records.length);
    expect(readable(html)).toContain(hostile);
  });
});

describe("the Action's page", () => {
  test("judges the branch's history with the run's cards input, as it judged the commit", async () => {
    const top = copyExample();
    git(top, null, 'init', '-q', '-b', 'main');
    commitAll(top, '2026-11-01T09:00:00Z', 'The example');
    git(top, '2026-11-02T09:00:00Z', 'commit', '-q', '--allow-empty', '-m', 'Later');
    const sha = git(top, null, 'rev-parse', 'HEAD').trim();
    // The run judged only atlas-2's card (the Action's `cards` input).
    const cardGlobs = ['models/atlas-2/MODEL_CARD.md'];
    const judged = await checkTrees({
      head: createLocalTree(top, 'acme'),
      base: null,
      policyPath: POLICY,
      now: NOW,
      context: STATE_CONTEXT,
      cardGlobs,
    });
    expect(judged.record.models.map((m) => m.id)).toEqual(['acme/atlas-2']);
    const outDir = mkdtempSync(join(tmpdir(), 'rsp-report-action-'));
    dirs.push(outDir);
    const saved = process.env.ACTIONS_RUNTIME_TOKEN;
    delete process.env.ACTIONS_RUNTIME_TOKEN;
    try {
      const report = await publishReport({
        inputs: { history: 10, redact: false, name: 'rsp-gate-report' },
        target: { kind: 'state', sha, ref: 'refs/heads/main', reason: 'push' },
        record: judged.record,
        state: judged.head,
        policyPath: POLICY,
        fallbackPreset: null,
        cardGlobs,
        now: NOW,
        repository: 'acme/models',
        runUrl: null,
        workspace: top,
        outDir,
        eventCommit: null,
        log: () => {},
      });
      const html = readFileSync(report.path, 'utf8');
      const trends = html.slice(html.indexOf('id="trends"'), html.indexOf('id="safeguards"'));
      expect(trends).toContain('the last 2 first-parent commits of main');
      // No model the run did not judge appears in the history it shows.
      expect(trends).toContain('acme/atlas-2');
      expect(trends).not.toContain('acme/frontier-7');
      expect(trends).not.toContain('acme/frontier-6');
    } finally {
      if (saved !== undefined) process.env.ACTIONS_RUNTIME_TOKEN = saved;
    }
  });
});

describe('the job summary', () => {
  test('hostile model ids stay in their cells as text when GitHub renders the table', async () => {
    const { renderAsGitHub } = await import('../helpers/github-markdown.js');
    const ids = [
      'a`<img src=http://x.example/t.png>`b',
      'x\\|y | z',
      'ends with \\',
      '`|`',
      '<!-- hide --> @org/team [open](https://x.example)',
      'two\nlines | | |',
      '</td></tr></table><img src=x>',
    ];
    const rows = ids.map((model) => ({
      model,
      deployment: 'ASL-2',
      security: 'ASL-2',
      verdict: 'pass' as const,
      openItems: 0,
      nextExpiry: null,
      card: null,
    }));
    const html = renderAsGitHub(summaryTable(rows), { tagfilter: false });
    expect(html).not.toMatch(/<img|<a |<!--/);
    const bodyRows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1);
    expect(bodyRows).toHaveLength(ids.length);
    for (const r of bodyRows) expect([...r[1]!.matchAll(/<td/g)]).toHaveLength(6);
  });
});
