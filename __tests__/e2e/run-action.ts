/**
 * Run the bundled Action as GitHub does: a child process with INPUT_*, the event file,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, the API URLs pointing at the fake, and the job's runtime
 * token and results service (the fake's, fake-results.ts) for artifact uploads. GITHUB_WORKSPACE
 * is an empty directory, as on a runner whose job did not check out (`extraEnv` points it at a
 * checkout). The bundle is built from the current sources for this test run
 * (helpers/bundle-setup.ts), not the committed dist/index.js, which `npm run check-dist` compares
 * with the sources.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeGitHub } from '../github/fake-github.js';
import { bundled } from '../helpers/bundle.js';

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** The decision record the Action wrote, when it wrote one. */
  record: {
    decision: string;
    models: {
      id: string;
      safeguards: { id: string; status: string; rejected: { user: string; why: string }[] }[];
      signoffs: { role: string; status: string }[];
    }[];
  } | null;
  /** API requests this run made. */
  requests: number;
}

/** Parse the `name<<delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
    out[name!] = value.join('\n');
  }
  return out;
}

/** The gate's clock in these runs (`RSP_GATE_NOW`): every example reads the same on any day. */
export const GATE_NOW = '2026-11-27T12:00:00Z';

/**
 * The fake GitHub's clock: real time, moved to the morning of GATE_NOW. Reviews and comments are
 * then dated before the gate's now (a review dated after it does not sign off under a rule that
 * expires sign-offs, such as the RSP's yearly ASL-3 re-approval), and still advance in order.
 */
export function fakeGitHubClock(): () => Date {
  const started = Date.now();
  const morning = Date.parse('2026-11-27T09:00:00Z');
  return () => new Date(morning + (Date.now() - started));
}

export async function runAction(
  gh: FakeGitHub,
  event: { name: string; payload: object; sha?: string; ref?: string },
  inputs: Record<string, string> = {},
  token = 'ghs_bot',
  extraEnv: Record<string, string> = {},
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'rsp-gate-action-'));
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary');
  writeFileSync(eventPath, JSON.stringify(event.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  const before = gh.requests.length;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: gh.apiUrl,
    GITHUB_GRAPHQL_URL: gh.graphqlUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_SHA: event.sha ?? '0'.repeat(40),
    GITHUB_REF: event.ref ?? 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: dir,
    ACTIONS_RESULTS_URL: `${gh.results.url}/`,
    ACTIONS_RUNTIME_TOKEN: gh.results.runtimeToken(),
    RSP_GATE_NOW: GATE_NOW,
    RSP_GATE_RETRY_BASE_MS: '50',
    INPUT_TOKEN: token,
    'INPUT_CHECK-NAME': 'rsp-gate',
    INPUT_POLICY: '.github/rsp-policy.yml',
    INPUT_MODE: 'policy',
    'INPUT_FAIL-ON-ERROR': 'true',
  };
  for (const [key, value] of Object.entries(inputs)) env[`INPUT_${key.toUpperCase()}`] = value;
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, [bundled('index.js')], { env, cwd: dir });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  const outputs = parseOutputs(readFileSync(outputPath, 'utf8'));
  const record = outputs.record
    ? (JSON.parse(readFileSync(outputs.record, 'utf8')) as ActionRun['record'])
    : null;
  return {
    code,
    stdout,
    stderr,
    outputs,
    summary: readFileSync(summaryPath, 'utf8'),
    record,
    requests: gh.requests.length - before,
  };
}
