/**
 * Run the bundled App as an operator does: `node app.js` in a child process, configured by the
 * environment (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT, the API URLs pointing at the fake
 * GitHub host), its JSON log lines collected. `waitIdle` polls `/healthz` until the queue is
 * empty, so a test knows every job a delivery caused has run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { FakeGitHubHost } from '../github/fake-app-host.js';
import { bundled } from '../helpers/bundle.js';
import { appEnvironment } from '../../bench/app-load.js';

export interface LogLine {
  time: string;
  level: string;
  msg: string;
  delivery?: string;
  [field: string]: unknown;
}

export interface AppProcess {
  url: string;
  child: ChildProcess;
  lines: LogLine[];
  stderr: () => string;
  /** Resolves once the queue has been empty and idle for several polls in a row. */
  waitIdle(timeoutMs?: number): Promise<void>;
  /** SIGTERM: stops after the running jobs; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function startAppProcess(
  gh: FakeGitHubHost,
  extra: Record<string, string> = {},
): Promise<AppProcess> {
  const child = spawn(process.execPath, [bundled('app.js')], { env: appEnvironment(gh, extra) });
  const lines: LogLine[] = [];
  let stderr = '';
  let pending = '';
  let listening: (port: number) => void = () => undefined;
  const port = new Promise<number>((resolve, reject) => {
    listening = resolve;
    child.once('exit', (code) =>
      reject(new Error(`the App exited with ${code} before listening: ${stderr}`)),
    );
  });
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop()!;
    for (const text of complete) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      if (line.msg === 'rsp-gate App listening') listening(line.port as number);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${await port}`;
  return {
    url,
    child,
    lines,
    stderr: () => stderr,
    async waitIdle(timeoutMs = 120_000) {
      const until = Date.now() + timeoutMs;
      let quiet = 0;
      while (Date.now() < until) {
        const health = (await (await fetch(`${url}/healthz`)).json()) as {
          queue?: { waiting: number; running: number };
        };
        quiet = health.queue && health.queue.waiting + health.queue.running === 0 ? quiet + 1 : 0;
        if (quiet >= 4) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`the App's queue did not drain in ${timeoutMs} ms`);
    },
    stop() {
      if (child.exitCode !== null) return Promise.resolve(child.exitCode);
      return new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      });
    },
  };
}
