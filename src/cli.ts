/** The command-line entry: run `main` and exit with its code; an unexpected error exits 2. */
import { main } from './cli/main.js';

main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  now: () => new Date(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `rsp-gate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nThis is a bug; the gate treats it as a failure.\n`,
    );
    process.exitCode = 2;
  },
);
