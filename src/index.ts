/** The Action's entry: GitHub runs `dist/index.js`, which calls `run()`. */
import { run } from './action/run.js';

void run();
