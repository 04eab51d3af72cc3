/**
 * Judges a small repository, held in memory, by a policy that extends a built-in preset: the way
 * the presets' tests check a framework's published cases through the whole gate (the loader, the
 * repository reader and the engine), not through the preset's YAML alone.
 */
import type { DecisionRecord, ModelDecision, Reason } from '../../src/core/decision.js';
import type { ReviewContext } from '../../src/core/inputs.js';
import { checkTrees } from '../../src/gate/check-trees.js';
import { memoryTree } from '../hostile/generators.js';

export const POLICY_PATH = '.github/rsp-policy.yml';
export const CARD = 'models/m/MODEL_CARD.md';
export const MODEL = 'acme/m';

/** No pull request: a state of the repository, judged as it stands (every attestation is trusted). */
export const STATE: ReviewContext = {
  author: null,
  writers: { people: [], unknown: [] },
  headSha: null,
  reviews: [],
  confirmations: [],
  teams: new Map(),
};

/** A policy that extends `preset` and names one person per role. */
export function extending(preset: string, roles: Record<string, string>): string {
  const lines = Object.entries(roles).map(([role, user]) => `  ${role}: { users: [${user}] }`);
  return `version: 1\nextends: ${preset}\nroles:\n${lines.join('\n')}\n`;
}

/** One result of a native evidence file. */
export interface Result {
  benchmark: string;
  metric: string;
  value: number;
}

/** A card for MODEL with an assessment date, reading the evidence under `evals/`. */
export function card(assessedAt: string, extra = ''): string {
  return [
    '---',
    'rsp:',
    `  model: ${MODEL}`,
    '  effective_compute: 1.0e25',
    `  assessed_at: ${assessedAt}`,
    '  evals: ["evals/*.evidence.yml"]',
    extra,
    '---',
    `# ${MODEL}`,
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** A native evidence file for MODEL, every result dated `date`. */
export function evidence(results: Result[], date: string): string {
  const items = results.map(
    (r) =>
      `  - { benchmark: ${r.benchmark}, metric: ${r.metric}, value: ${r.value}, date: ${date}, source: "test run" }`,
  );
  return [`model: ${MODEL}`, 'results:', ...items, ''].join('\n');
}

/** An attestation file for MODEL; each item is written as a YAML flow mapping. */
export function attestations(items: string[]): string {
  return [`model: ${MODEL}`, 'attestations:', ...items.map((i) => `  - ${i}`), ''].join('\n');
}

export interface Repository {
  policy: string;
  card: string;
  evidence: string;
  attestations?: string;
}

/** The repository's files at their usual paths. */
export function files(repo: Repository): Record<string, string> {
  const out: Record<string, string> = {
    [POLICY_PATH]: repo.policy,
    [CARD]: repo.card,
    'models/m/evals/results.evidence.yml': repo.evidence,
  };
  if (repo.attestations !== undefined) out['safeguards/m.yml'] = repo.attestations;
  return out;
}

export interface Judgment {
  record: DecisionRecord;
  model: ModelDecision;
  /** The reasons about MODEL, and those about no model in particular. */
  reasons: Reason[];
}

/** Judge the repository as a state at `now`. */
export async function judge(repo: Repository, now: string): Promise<Judgment> {
  const { record } = await checkTrees({
    head: memoryTree(files(repo)),
    base: null,
    policyPath: POLICY_PATH,
    now: new Date(now),
    context: STATE,
  });
  const model = record.models.find((m) => m.id === MODEL);
  if (!model) throw new Error(`no decision for ${MODEL}: ${JSON.stringify(record.reasons)}`);
  return { record, model, reasons: record.reasons };
}

export function threshold(j: Judgment, id: string) {
  const t = j.model.thresholds.find((x) => x.id === id);
  if (!t) throw new Error(`no threshold ${id}`);
  return t;
}

export const codes = (j: Judgment, severity?: Reason['severity']): string[] =>
  j.reasons.filter((r) => severity === undefined || r.severity === severity).map((r) => r.code);
