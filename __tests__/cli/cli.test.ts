import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { validateValue } from '../../src/formats/validate.js';
import type { DecisionRecord } from '../../src/core/decision.js';
import { bundled } from '../helpers/bundle.js';

const ROOT = join(import.meta.dirname, '../..');
const HEAD = 'examples/acme-models';
const BASE = 'examples/acme-models-base';

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

describe('rsp-gate check on the example repository', () => {
  test('judges the change: frontier-7 blocked at ASL-3, the others pass (exit 1)', async () => {
    const { code, out } = await run('check', '--root', HEAD, '--base', BASE);
    expect(code).toBe(1);
    expect(out).toMatch(/^rsp-gate: BLOCKED — 3 models/);
    expect(out).toContain('✓ pass  acme/atlas-2');
    expect(out).toContain('✓ pass  acme/frontier-6');
    expect(out).toContain('✗ BLOCKED  acme/frontier-7');
    expect(out).toContain('deployment ASL-3 (was ASL-2)   security ASL-3 (was ASL-2)');
    expect(out).toContain(
      'CBRN-3     CROSSED       5.3 meets bio-uplift-trial ratio ≥ 5, models/frontier-7/evals/uplift-trial-2026-11.evidence.yml:6 (rule-in, published)',
    );
    expect(out).toContain(
      '✗ asl3-deploy-threat-model — Misuse threat model mapped and reviewed · missing',
    );
    expect(out).toContain('sign-off ASL-3 by ceo: ✗ missing');
    expect(out).toContain(
      'acme/frontier-7: 14 safeguards and 2 sign-offs outstanding (listed above)',
    );
  });

  test('judges the base tree as a state: every model passes (exit 0)', async () => {
    const { code, out } = await run('check', '--root', BASE);
    expect(code).toBe(0);
    expect(out).toMatch(/^rsp-gate: PASS — 3 models/);
  });

  test('--format json prints a decision record that validates against the schema', async () => {
    const { code, out } = await run('check', '--root', HEAD, '--base', BASE, '--format', 'json');
    expect(code).toBe(1);
    const record = JSON.parse(out) as DecisionRecord;
    expect(validateValue(record, 'decision')).toEqual([]);
    expect(record.decision).toBe('block');
    const frontier7 = record.models.find((m) => m.id === 'acme/frontier-7')!;
    expect(frontier7.levels).toEqual({ deployment: 'ASL-3', security: 'ASL-3' });
    expect(frontier7.base_levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    expect(frontier7.thresholds.find((t) => t.id === 'CBRN-3')!.status).toBe('crossed');
    expect(frontier7.safeguards.filter((s) => s.status === 'missing')).toHaveLength(14);
  });

  test('--format markdown prints the pull-request comment', async () => {
    const { out } = await run('check', '--root', HEAD, '--base', BASE, '--format', 'markdown');
    expect(out.split('\n')[0]).toBe('<!-- rsp-gate:comment -->');
    expect(out).toContain('## 🔴 rsp-gate: blocked — acme/frontier-7 now requires ASL-3');
    expect(out).toContain(
      '| `acme/frontier-7` | **ASL-3** | **ASL-3** | ⬆ dep. from ASL-2, sec. from ASL-2 |',
    );
    expect(out).toMatch(
      /- \[ \] Misuse threat model mapped and reviewed `asl3-deploy-threat-model` — needs: `safeguards-lead` or `rso` \(not the author\) <!-- rsp-gate:item acme%2Ffrontier%2D7 asl3%2Ddeploy%2Dthreat%2Dmodel -->/,
    );
  });

  test('stays the same run after run (no clock, no ordering noise)', async () => {
    const a = await run('check', '--root', HEAD, '--base', BASE, '--format', 'json');
    const b = await run('check', '--root', HEAD, '--base', BASE, '--format', 'json');
    expect(a.out).toBe(b.out);
  });

  test('a missing policy is invalid input (exit 2) with what to do', async () => {
    const { code, err } = await run('check', '--root', HEAD, '--policy', 'nope.yml');
    expect(code).toBe(2);
    expect(err).toBe(
      'rsp-gate: nope.yml: no policy file at nope.yml in examples/acme-models — create one with `rsp-gate init`, or pass --policy\n',
    );
  });

  test('an unknown format is a usage error (exit 2)', async () => {
    const { code, err } = await run('check', '--format', 'xml');
    expect(code).toBe(2);
    expect(err).toMatch(/--format must be text, json or markdown/);
  });
});

describe('other commands', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('validate reports what it read (exit 0)', async () => {
    const { code, out } = await run('validate', '--root', HEAD);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^policy \.github\/rsp-policy\.yml \(extends anthropic-rsp-v2\.2, 4 thresholds, 28 safeguards\): valid\n3 model cards, 33 evidence records from 9 files, 16 attestations: valid\n$/,
    );
  });

  test('explain shows every condition of one model', async () => {
    const { code, out } = await run('explain', 'acme/frontier-7', '--root', HEAD, '--base', BASE);
    expect(code).toBe(1);
    expect(out).toMatch(/^acme\/frontier-7 — models\/frontier-7\/MODEL_CARD\.md:5/);
    expect(out).toContain('CBRN-3 → crossed (requires deployment ASL-3, security ASL-3)');
    expect(out).toMatch(
      /✓ rule_in {3}bio-uplift-trial ratio ≥ 5 \[published; policy preset:anthropic-rsp-v2\.2:\d+\] → 5\.3, margin \+0\.3 at models\/frontier-7\/evals\/uplift-trial-2026-11\.evidence\.yml:6 \(native, success\)/,
    );
  });

  test('explain names the models when asked about an unknown one', async () => {
    const { code, err } = await run('explain', 'acme/nope', '--root', HEAD);
    expect(code).toBe(2);
    expect(err).toContain('models: acme/atlas-2, acme/frontier-6, acme/frontier-7');
  });

  test('presets lists the four built-in presets', async () => {
    const { code, out } = await run('presets');
    expect(code).toBe(0);
    expect(out.match(/^\S+/gm)).toEqual([
      'anthropic-rsp-v2.2',
      'anthropic-rsp-v3.4',
      'openai-preparedness-v2',
      'gdm-fsf-v3',
    ]);
  });

  test('init writes a policy that loads and a workflow, and never overwrites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rsp-gate-init-'));
    dirs.push(dir);
    const first = await run('init', '--root', dir, '--preset', 'gdm-fsf-v3');
    expect(first.code).toBe(0);
    expect(readFileSync(join(dir, '.github/rsp-policy.yml'), 'utf8')).toContain(
      'extends: gdm-fsf-v3',
    );
    expect(existsSync(join(dir, '.github/workflows/rsp-gate.yml'))).toBe(true);
    const check = await run('check', '--root', dir);
    expect(check.code).toBe(0); // no cards yet: nothing to block, advisory mode
    const again = await run('init', '--root', dir);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/not overwriting/);
  });

  test('init’s workflow queues every run of a pull request in order (queue: max), cancelling none in progress', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rsp-gate-init-'));
    dirs.push(dir);
    expect((await run('init', '--root', dir)).code).toBe(0);
    const workflow = load(
      readFileSync(join(dir, '.github/workflows/rsp-gate.yml'), 'utf8'),
    ) as Workflow;
    expect(workflow.concurrency).toEqual(RECOMMENDED_CONCURRENCY);
    // The runs that can carry a revocation start, and the merge queue re-judges on its commit.
    expect(workflow.on.pull_request_review).toEqual({ types: ['submitted', 'dismissed'] });
    expect(workflow.on.issue_comment).toEqual({ types: ['created', 'edited', 'deleted'] });
    expect(workflow.on.merge_group).toEqual({ types: ['checks_requested'] });
    expect(workflow.on.pull_request_target?.types).toEqual(
      expect.arrayContaining(['opened', 'synchronize', 'reopened']),
    );
    // A comment on a plain issue starts no job.
    expect(workflow.jobs.gate?.if).toBe(
      "github.event_name != 'issue_comment' || github.event.issue.pull_request",
    );
  });

  test('the README’s workflow and this repository’s own queue runs as init’s does', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Use it on GitHub'));
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block, 'the README’s workflow block').toBeDefined();
    expect((load(block!) as Workflow).concurrency).toEqual(RECOMMENDED_CONCURRENCY);
    const own = load(
      readFileSync(join(ROOT, '.github/workflows/rsp-gate.yml'), 'utf8'),
    ) as Workflow;
    expect(own.concurrency).toEqual(RECOMMENDED_CONCURRENCY);
  });
});

interface Workflow {
  on: Record<string, { types?: string[] } | null | undefined>;
  concurrency: unknown;
  jobs: Record<string, { if?: string } | undefined>;
}

/** One group per pull request (or ref); up to 100 pending runs wait in order, none is cancelled. */
const RECOMMENDED_CONCURRENCY = {
  group:
    'rsp-gate-${{ github.event.pull_request.number || github.event.issue.number || github.ref }}',
  'cancel-in-progress': false,
  queue: 'max',
};

/** Run the bundled CLI as a user would; resolves with its exit code, whatever it is. */
function runBundled(...args: string[]) {
  return new Promise<{ code: number | string | null | undefined; stdout: string; stderr: string }>(
    (resolve) =>
      execFile(
        process.execPath,
        [bundled('cli.js'), ...args],
        { cwd: ROOT },
        (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }),
      ),
  );
}

describe('the bundled CLI', () => {
  test('cli.js, bundled from the sources, runs the demo as a user would', async () => {
    // The two steps of `npm run demo`: the base judged as a state passes (exit 0) ...
    const base = await runBundled('check', '--root', BASE, '--now', '2026-11-27');
    expect(base.stderr).toBe('');
    expect(base.stdout).toMatch(/^rsp-gate: PASS — 3 models/);
    expect(base.code, 'exit code of the base judged as a state').toBe(0);
    // ... and the pull request judged against it is blocked (exit 1).
    const change = await runBundled('check', '--root', HEAD, '--base', BASE, '--now', '2026-11-27');
    expect(change.stdout).toMatch(/^rsp-gate: BLOCKED — 3 models/);
    expect(change.code, 'exit code of the change judged against the base').toBe(1);

    const json = await runBundled(
      'check',
      '--root',
      HEAD,
      '--base',
      BASE,
      '--now',
      '2026-11-27',
      '--format',
      'json',
    );
    expect(json.code, 'exit code of the change, as JSON').toBe(1);
    const record = JSON.parse(json.stdout) as DecisionRecord;
    expect(validateValue(record, 'decision')).toEqual([]);
    expect(record.decision).toBe('block');
    expect(record.models.map((m) => [m.id, m.levels.deployment, m.levels.security])).toEqual([
      ['acme/atlas-2', 'ASL-2', 'ASL-2'],
      ['acme/frontier-6', 'ASL-2', 'ASL-2'],
      ['acme/frontier-7', 'ASL-3', 'ASL-3'],
    ]);
  });

  test('cli.js writes the report page, with the charts its split-off chunk draws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rsp-gate-bundled-report-'));
    try {
      const out = join(dir, 'report.html');
      const run = await runBundled('report', '--root', HEAD, '--now', '2026-11-27', '--out', out);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('3 models, decision block');
      expect(run.code).toBe(0);
      const html = readFileSync(out, 'utf8');
      for (const model of ['acme/atlas-2', 'acme/frontier-6', 'acme/frontier-7'])
        expect(html).toContain(`data-model="${model}"`);
      expect(html.match(/<svg/g)?.length ?? 0).toBeGreaterThan(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rsp-gate serve', () => {
  /** The bundled CLI with exactly `env`, stopped by SIGTERM once it is ready. */
  function serve(env: Record<string, string>) {
    return new Promise<{ code: number | null; stdout: string; stderr: string; health: unknown }>(
      (resolve) => {
        const child = execFile(process.execPath, [bundled('cli.js'), 'serve'], {
          env: { PATH: process.env.PATH ?? '', ...env },
        });
        let stdout = '';
        let stderr = '';
        let health: unknown = null;
        child.stdout!.on('data', (d: Buffer) => {
          stdout += d.toString();
          const listening = /"msg":"rsp-gate App listening","port":(\d+)/.exec(stdout);
          if (listening && health === null) {
            health = 'asked';
            void fetch(`http://127.0.0.1:${listening[1]}/healthz`)
              .then((r) => r.json())
              .then((body) => {
                health = body;
                child.kill('SIGTERM');
              });
          }
        });
        child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('exit', (code) => resolve({ code, stdout, stderr, health }));
      },
    );
  }

  test('without its configuration it exits 2 and says what to set', async () => {
    const run = await serve({});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('rsp-gate serve: APP_ID is not set');
  });

  test('configured, it serves /healthz and stops on SIGTERM', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const run = await serve({
      APP_ID: '1',
      PRIVATE_KEY: key.export({ type: 'pkcs1', format: 'pem' }).toString(),
      WEBHOOK_SECRET: 'secret',
      PORT: '0',
      // Nobody listens here: the start-up sweep logs that it cannot reach GitHub.
      GITHUB_API_URL: 'http://127.0.0.1:9',
    });
    expect(run.health).toMatchObject({ ready: true, queue: { waiting: 0, running: 0 } });
    expect(run.code).toBe(0);
  });
});
