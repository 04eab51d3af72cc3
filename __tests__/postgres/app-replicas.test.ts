/**
 * Two App processes on one Postgres queue under the load test (500 deliveries for 50 pull
 * requests across 5 installations), one of them killed with SIGKILL in the middle of a job: every
 * pull request still ends with exactly one comment and one rsp-gate check, each with the right
 * verdict, and the killed replica's job is taken over by the other.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runAppLoad } from '../../bench/app-load.js';
import { bundled } from '../helpers/bundle.js';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server.js';

let server: EmbeddedServer;
beforeAll(async () => {
  server = await startEmbeddedServer();
});
afterAll(async () => {
  await server?.stop();
});

test('two replicas share the queue; one killed mid-job; every pull request ends with one correct comment and check', async () => {
  const result = await runAppLoad({
    appPath: bundled('app.js'),
    replicas: 2,
    databaseUrl: server.connectionString,
    killAfterJobs: 8,
    log: (m) => console.info(m),
  });
  console.info(`app load, 2 replicas, one killed: ${JSON.stringify(result)}`);
  expect(result.killed, 'a replica was killed mid-job').not.toBeNull();
  expect(result.accepted).toBe(result.deliveries);
  expect(result.deliveries).toBe(500);
  expect(result.pullRequests).toBe(50);
  expect({ lost: result.lost, doubled: result.doubled, wrong: result.wrong }).toEqual({
    lost: 0,
    doubled: 0,
    wrong: [],
  });
}, 900_000);
