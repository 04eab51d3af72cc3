// Loaded with `node --import` into a measured child: reports its CPU time and peak memory on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const line = JSON.stringify({
    userMs: usage.userCPUTime / 1000,
    systemMs: usage.systemCPUTime / 1000,
    maxRssMb: usage.maxRSS / 1024,
  });
  writeSync(2, `\nRSP_GATE_USAGE ${line}\n`);
});
