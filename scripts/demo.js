// `npm run demo`: the gate on the bundled example repository, as a reviewer would see it.
// Two runs: the base branch judged as a state, then the pull request judged against it.
// Dates are pinned (--now) so the example reads the same on any day.
import { spawnSync } from 'node:child_process';

const runs = [
  {
    title: 'The base branch of examples/acme-models, judged as it stands',
    args: ['check', '--root', 'examples/acme-models-base', '--now', '2026-11-27'],
    expect: 0,
  },
  {
    title: 'The pull request: a new uplift trial for frontier-7, judged against the base',
    args: [
      'check',
      '--root',
      'examples/acme-models',
      '--base',
      'examples/acme-models-base',
      '--now',
      '2026-11-27',
    ],
    expect: 1,
  },
];

const meaning = { 0: 'pass', 1: 'block', 2: 'invalid input' };
let ok = true;
for (const run of runs) {
  process.stdout.write(`\n━━ ${run.title}\n$ rsp-gate ${run.args.join(' ')}\n\n`);
  const result = spawnSync(process.execPath, ['dist/cli.js', ...run.args], { stdio: 'inherit' });
  const code = result.status ?? 2;
  process.stdout.write(
    `\n(exit ${code}: ${meaning[code] ?? 'unexpected'}${code === run.expect ? '' : ` — expected ${run.expect}`})\n`,
  );
  ok &&= code === run.expect;
}
process.stdout.write(
  '\nTry also: node dist/cli.js check --root examples/acme-models --base examples/acme-models-base --now 2026-11-27 --format markdown\n' +
    '          node dist/cli.js explain acme/frontier-7 --root examples/acme-models --base examples/acme-models-base --now 2026-11-27\n',
);
process.exitCode = ok ? 0 : 1;
