/**
 * One place for the size and seed of every property run.
 *
 * CI runs the defaults, which are reproducible: the same seed gives the same cases. For a deeper
 * search set `RSP_GATE_PROPERTY_RUNS=5000` (and, to explore new cases, `RSP_GATE_PROPERTY_SEED`).
 * A failure prints its seed and path; re-run with them to replay the counterexample.
 */
import fc from 'fast-check';

function fromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${raw}`);
  return value;
}

/** Cases per property. */
export const RUNS = Math.max(1, fromEnv('RSP_GATE_PROPERTY_RUNS', 200));

/** The fixed default seed; override it to explore other cases. */
export const SEED = fromEnv('RSP_GATE_PROPERTY_SEED', 20261127);

/** Most time a single async case may take before it counts as a hang. */
export const CASE_TIMEOUT_MS = 10_000;

/** Vitest's per-test timeout: grows with the run size so a deep run is not cut short. */
export const TEST_TIMEOUT_MS = Math.max(60_000, RUNS * 600);

type Params<Ts> = fc.Parameters<Ts>;

/** Run a property with the shared run count and seed (`runs` overrides the count). */
export function check<Ts>(property: fc.IAsyncProperty<Ts>, runs?: number): Promise<void>;
export function check<Ts>(property: fc.IProperty<Ts>, runs?: number): void;
export function check<Ts>(
  property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>,
  runs = RUNS,
): void | Promise<void> {
  const params: Params<Ts> = {
    numRuns: runs,
    seed: SEED,
    timeout: CASE_TIMEOUT_MS,
    markInterruptAsFailure: true,
    endOnFailure: false,
    verbose: 0,
  };
  if (property.isAsync()) return fc.assert(property as fc.IAsyncProperty<Ts>, params);
  return fc.assert(property as fc.IProperty<Ts>, params);
}
