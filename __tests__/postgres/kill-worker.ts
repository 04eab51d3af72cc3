/**
 * A replica that dies mid-job, for the Postgres queue test: it takes jobs from the queue at
 * `argv[2]` (schema `argv[3]`) and, inside the handler of the first one, kills itself with SIGKILL,
 * so nothing of pg-boss or of our queue gets to hand the job back. Prints `ready` once it takes
 * jobs and `running <key>` when it has one.
 */
import { createPostgresQueue } from '../../src/app/postgres-queue.js';

const [connectionString, schema] = process.argv.slice(2);
if (!connectionString || !schema)
  throw new Error('usage: kill-worker <connection string> <schema>');

const queue = createPostgresQueue({ connectionString, schema, concurrency: 1, pollMs: 200 });
await queue.start(async (job) => {
  process.stdout.write(`running ${job.key}\n`);
  process.kill(process.pid, 'SIGKILL');
  await new Promise(() => undefined);
});
process.stdout.write('ready\n');
