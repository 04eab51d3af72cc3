/**
 * `node dist/app.js`: the rsp-gate GitHub App server. Configuration comes from the environment
 * (see config.ts and the README's "Run as a GitHub App"); SIGTERM and SIGINT stop it after the
 * running jobs finish.
 */
import { ConfigError } from './config.js';
import { startApp } from './start.js';

try {
  const app = await startApp();
  const stop = (signal: string) => {
    process.stdout.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: `${signal}: stopping after the running jobs` })}\n`,
    );
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (error) {
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`rsp-gate App: ${message}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
}
