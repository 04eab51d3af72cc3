/**
 * Conformance harness: every file of a corpus (manifest.csv, expected.jsonl, files/…) is read
 * through the project's readers and judged by the real engine, and both are compared with what
 * an independent reading of the raw file found (expected.jsonl). Used by `npm run test:corpus`
 * on the whole corpus in ../shared/corpus and by `npm test` on the subset in
 * __tests__/fixtures/corpus.
 *
 * Two passes per file:
 * 1. Reader: the registry picks the reader from the file's name and first bytes, as the gate
 *    does. Each expected record must be read with the same value (1e-9 relative), stderr and run
 *    status, and the reader may emit no record the independent reading does not list.
 * 2. Engine: a repository is built in memory with one model card claiming the file (a Hugging
 *    Face card is its own card) and a policy generated for the file: one benchmark per task,
 *    one threshold per task × metric (× filter, × scorer) on an unbounded scale whose rule-in
 *    can never hold and whose rule-out holds on any value. `checkTrees` loads the policy, reads
 *    the tree and evaluates; every record must then be bound (the rule-out cites the file), show
 *    the expected value, and rule its threshold out exactly when the run is complete and the
 *    value usable. No reason may block except the refusal of a file the corpus says to refuse.
 *
 * Where the reader and the independent reading differ by design (each checked, not skipped):
 * - a value that is NaN, Infinity or not a number at all (a per-sample list) is `raw` in
 *   expected.jsonl and null in the record, which must then carry a warning saying why;
 * - Inspect's stderr helper metrics are the `stderr` of their scorer's records, not records;
 * - lm-eval runs whose `n_samples` (the leaderboard test configurations' spelling) says fewer
 *   samples ran than intended are partial to the reader; expected.jsonl reads only `n-samples`;
 * - a model card's records pair in order (a card may list a dataset and metric twice); without a
 *   dataset the reader names the benchmark after the task, with a warning.
 * One benchmark per task, not per task × metric: a policy alias names one benchmark only, so
 * each threshold's condition names its metric (`metric,filter`) and `scorer:` itself.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { ConditionResult, DecisionRecord } from '../../src/core/decision.js';
import { isInputError } from '../../src/core/errors.js';
import type { EvidenceFormat, EvidenceRecord, FileSource } from '../../src/core/evidence.js';
import type { ReviewContext } from '../../src/core/inputs.js';
import { checkTrees } from '../../src/gate/check-trees.js';
import { fileSourceFromBytes } from '../../src/readers/file-source.js';
import { findReader, SNIFF_BYTES } from '../../src/readers/registry.js';
import type { RepositoryTree, TreeEntry } from '../../src/repository/tree.js';
import {
  CORPUS_FORMATS,
  type CardExpected,
  type Corpus,
  type CorpusFormat,
  type ExpectedLine,
  type InspectExpected,
  type LmEvalExpected,
  type ManifestRow,
} from './corpus-files.js';

export { loadCorpus } from './corpus-files.js';

/* ------------------------------------------------------------------ known differences */

/**
 * Inspect's standard-error helper metrics: the reader attaches their value to the scorer's other
 * metrics as `stderr` (formats.md §5) instead of emitting them as records. The independent
 * reading lists them as records; they are checked against the stderr of their scorer's records.
 */
const INSPECT_STDERR_METRICS = new Set(['stderr', 'bootstrap_stderr', 'bootstrap_std']);

/* ------------------------------------------------------------------ outcomes */

export interface FileOutcome {
  row: ManifestRow;
  /** The reader refused the file with a located InputError (`code: message`). */
  refused: string | null;
  /** An exception that is not an InputError: a bug. */
  crash: string | null;
  /** Records expected.jsonl lists for the file, and those the reader read alike. */
  expected: number;
  agreed: number;
  /** Thresholds the engine judged (one per task × metric × filter × scorer). */
  judged: number;
  ruledOut: number;
  /** Blocking reasons the file earns: the refusal of a file the corpus says to refuse. */
  earnedBlocks: number;
  /** Every disagreement, in words. Empty when the file conforms. */
  failures: string[];
}

const sameNumber = (a: number, b: number): boolean =>
  a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

function sameValue(read: number | null, expected: number | null): boolean {
  if (read === null || expected === null) return read === expected;
  return sameNumber(read, expected);
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** A card field as the reader names it: strings trimmed, finite numbers spelt out, else null. */
function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/* ------------------------------------------------------------------ reader pass */

const READER_FORMAT: Record<CorpusFormat, EvidenceFormat> = {
  'lm-eval': 'lm-eval',
  'inspect-json': 'inspect-json',
  'inspect-eval': 'inspect-eval',
  'hf-card': 'hf-model-index',
};

/** A condition's key in the generated policy: what one threshold reads. */
interface ReadKey {
  task: string;
  metric: string;
  filter: string | null;
  scorer: string | null;
}

/** One expected record as the engine should see it. */
interface EngineExpectation extends ReadKey {
  value: number | null;
  /** The run is complete and successful, so a usable value may rule out. */
  complete: boolean;
}

function keyOf(k: ReadKey): string {
  return JSON.stringify([k.task, k.metric, k.filter, k.scorer]);
}

/**
 * Tasks that the file's `n_samples` (underscore: the harness's leaderboard test configurations)
 * says ran on fewer samples than intended. The independent reading follows only `n-samples`, so
 * it calls these runs complete; the reader reads both spellings and calls them partial.
 */
function limitedByUnderscoreSamples(bytes: Uint8Array): Set<string> {
  const out = new Set<string>();
  let root: unknown;
  try {
    root = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return out;
  }
  const table = (root as { n_samples?: unknown } | null)?.n_samples;
  if (typeof table !== 'object' || table === null) return out;
  for (const [task, counts] of Object.entries(table)) {
    const { effective, original } = (counts ?? {}) as { effective?: unknown; original?: unknown };
    if (typeof effective === 'number' && typeof original === 'number' && effective < original)
      out.add(task);
  }
  return out;
}

function compareLmEval(
  records: EvidenceRecord[],
  expected: LmEvalExpected[],
  limited: Set<string>,
  failures: string[],
): { agreed: number; engine: EngineExpectation[] } {
  const read = new Map<string, EvidenceRecord>();
  for (const r of records) {
    const key = keyOf({
      task: r.benchmark,
      metric: r.metric ?? '',
      filter: r.filter,
      scorer: null,
    });
    if (read.has(key)) failures.push(`reader: two records for ${key}`);
    read.set(key, r);
  }
  let agreed = 0;
  const engine: EngineExpectation[] = [];
  for (const e of expected) {
    const key = keyOf({ task: e.task, metric: e.metric, filter: e.filter, scorer: null });
    const partial = e.partial || limited.has(e.task);
    engine.push({
      task: e.task,
      metric: e.metric,
      filter: e.filter,
      scorer: null,
      value: e.value,
      complete: !partial,
    });
    const r = read.get(key);
    if (!r) {
      failures.push(`reader: expected record ${key} (value ${show(e.raw)}) not read`);
      continue;
    }
    read.delete(key);
    const wrong: string[] = [];
    if (!sameValue(r.value, e.value)) wrong.push(`value ${show(r.value)} ≠ ${show(e.raw)}`);
    if (r.value === null && r.warnings.length === 0)
      wrong.push('no value and no warning saying why');
    if (!sameValue(r.stderr, e.stderr)) wrong.push(`stderr ${show(r.stderr)} ≠ ${show(e.stderr)}`);
    const status = partial ? 'partial' : 'success';
    if (r.status !== status) wrong.push(`status ${r.status} ≠ ${status}`);
    if (wrong.length > 0) failures.push(`reader: ${key}: ${wrong.join('; ')}`);
    else agreed++;
  }
  for (const key of read.keys()) failures.push(`reader: record ${key} is not in expected.jsonl`);
  return { agreed, engine };
}

function compareInspect(
  records: EvidenceRecord[],
  line: ExpectedLine,
  failures: string[],
): { agreed: number; engine: EngineExpectation[] } {
  const expected = (line.records ?? []) as InspectExpected[];
  const status =
    line.status === 'success' ? (line.complete ? 'success' : 'partial') : (line.status ?? null);
  const complete = status === 'success';
  const read = new Map<string, EvidenceRecord>();
  for (const r of records) {
    const key = keyOf({
      task: r.benchmark,
      metric: r.metric ?? '',
      filter: null,
      scorer: r.scorer,
    });
    if (read.has(key)) failures.push(`reader: two records for ${key}`);
    read.set(key, r);
    const wrong: string[] = [];
    if (r.status !== status) wrong.push(`status ${r.status} ≠ ${show(status)}`);
    if (r.n !== (line.completed_samples ?? null))
      wrong.push(`n ${show(r.n)} ≠ completed_samples ${show(line.completed_samples)}`);
    if (r.n_intended !== (line.total_samples ?? null))
      wrong.push(`n_intended ${show(r.n_intended)} ≠ total_samples ${show(line.total_samples)}`);
    if (r.model !== (line.model ?? null))
      wrong.push(`model ${show(r.model)} ≠ ${show(line.model)}`);
    if (wrong.length > 0) failures.push(`reader: ${key}: ${wrong.join('; ')}`);
  }
  let agreed = 0;
  const engine: EngineExpectation[] = [];
  const stderrOf = new Map<string, InspectExpected[]>();
  for (const e of expected) {
    const group = JSON.stringify([e.task, e.scorer]);
    if (INSPECT_STDERR_METRICS.has(e.metric)) {
      stderrOf.set(group, [...(stderrOf.get(group) ?? []), e]);
      continue;
    }
    engine.push({
      task: e.task,
      metric: e.metric,
      filter: null,
      scorer: e.scorer,
      value: e.value,
      complete,
    });
    const key = keyOf({ task: e.task, metric: e.metric, filter: null, scorer: e.scorer });
    const r = read.get(key);
    if (!r) {
      failures.push(`reader: expected record ${key} (value ${show(e.raw)}) not read`);
      continue;
    }
    read.delete(key);
    if (!sameValue(r.value, e.value))
      failures.push(`reader: ${key}: value ${show(r.value)} ≠ ${show(e.raw)}`);
    else if (r.value === null && r.warnings.length === 0)
      failures.push(`reader: ${key}: no value and no warning saying why`);
    else agreed++;
  }
  // A stderr metric is agreed when every record of its scorer carries one of the stderr values.
  for (const [group, helpers] of stderrOf) {
    const [task, scorer] = JSON.parse(group) as [string, string | null];
    const carriers = records.filter((r) => r.benchmark === task && r.scorer === scorer);
    const fits = (r: EvidenceRecord) => helpers.some((h) => sameValue(r.stderr, h.value));
    if (carriers.length > 0 && carriers.every(fits)) agreed += helpers.length;
    else
      failures.push(
        `reader: stderr of ${group} (${helpers.map((h) => `${h.metric} ${show(h.raw)}`).join(', ')}) is ${
          carriers.length === 0 ? 'carried by no record' : show(carriers.map((r) => r.stderr))
        }`,
      );
  }
  for (const key of read.keys()) failures.push(`reader: record ${key} is not in expected.jsonl`);
  return { agreed, engine };
}

function compareCard(
  records: EvidenceRecord[],
  expected: CardExpected[],
  failures: string[],
): { agreed: number; engine: EngineExpectation[] } {
  // A card may list the same dataset and metric twice (splits, configs): records pair in order.
  let agreed = 0;
  const engine: EngineExpectation[] = [];
  if (records.length !== expected.length)
    failures.push(`reader: ${records.length} records read, ${expected.length} expected`);
  expected.forEach((e, i) => {
    const r = records[i];
    const benchmark = nameOf(e.dataset_type) ?? nameOf(e.dataset_name);
    const metric = nameOf(e.metric) ?? nameOf(e.metric_name);
    const where = `model-index record ${i + 1} (${show(benchmark)} ${show(metric)})`;
    if (!r) {
      failures.push(`reader: ${where} not read`);
      return;
    }
    engine.push({
      task: r.benchmark,
      metric: metric ?? '',
      filter: null,
      scorer: null,
      value: e.value,
      complete: true,
    });
    const wrong: string[] = [];
    if (r.model !== nameOf(e.model)) wrong.push(`model ${show(r.model)} ≠ ${show(e.model)}`);
    // Without a dataset the reader names the benchmark after the task, and says so.
    if (
      benchmark !== null ? r.benchmark !== benchmark : !r.warnings.some((w) => w.includes('task.'))
    )
      wrong.push(`benchmark ${show(r.benchmark)} ≠ ${show(benchmark ?? 'the task')}`);
    if (r.metric !== metric) wrong.push(`metric ${show(r.metric)} ≠ ${show(metric)}`);
    if (!sameValue(r.value, e.value)) wrong.push(`value ${show(r.value)} ≠ ${show(e.raw)}`);
    if (r.value === null && r.warnings.length === 0)
      wrong.push('no value and no warning saying why');
    if ((r.scale === 'percent') !== e.percent)
      wrong.push(`scale ${r.scale} but the value is ${e.percent ? '' : 'not '}written in percent`);
    if (r.status !== 'reported') wrong.push(`status ${r.status} ≠ reported`);
    if (wrong.length > 0) failures.push(`reader: ${where}: ${wrong.join('; ')}`);
    else agreed++;
  });
  return { agreed, engine };
}

/* ------------------------------------------------------------------ engine pass */

/** Where the file sits in the repository built for it, and the card that claims it. */
function layout(row: ManifestRow, bytes: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  if (row.format === 'hf-card') {
    files.set('models/m/README.md', bytes);
  } else {
    const name = posix.basename(row.file);
    files.set(`models/m/evals/${name}`, bytes);
    files.set(
      'models/m/MODEL_CARD.md',
      new TextEncoder().encode('---\nrsp:\n  model: corpus/model\n  evals: ["evals/*"]\n---\n'),
    );
  }
  return files;
}

function evidencePath(row: ManifestRow): string {
  return row.format === 'hf-card'
    ? 'models/m/README.md'
    : `models/m/evals/${posix.basename(row.file)}`;
}

function memoryTree(files: Map<string, Uint8Array>): RepositoryTree {
  const entries: TreeEntry[] = [...files]
    .map(([path, bytes]) => ({ path, kind: 'file' as const, size: bytes.length }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return {
    label: 'corpus',
    list: async (dir) => entries.filter((e) => dir === '' || e.path.startsWith(`${dir}/`)),
    stat: async (path) => entries.find((e) => e.path === path) ?? null,
    open: async (path): Promise<FileSource> => {
      const bytes = files.get(path);
      if (!bytes) throw new Error(`no file ${path}`);
      return fileSourceFromBytes(path, bytes);
    },
  };
}

/** Largest finite double: a rule-in `gt` it can never hold, a rule-out `gte` -it always holds. */
const MAX = Number.MAX_VALUE;

/** Metric spellings the policy treats as one (README: `acc` = `accuracy`), for grouping conditions. */
function metricKey(metric: string): string {
  const lower = metric.toLowerCase();
  return lower === 'accuracy' ? 'acc' : lower;
}

interface Threshold {
  id: string;
  key: ReadKey;
  /** Expectations this threshold's condition reads, in file order. */
  reads: EngineExpectation[];
}

/** One benchmark per task (an alias names one benchmark), one threshold per condition key. */
export function generatePolicy(
  format: CorpusFormat,
  expectations: EngineExpectation[],
): {
  text: string;
  thresholds: Threshold[];
} {
  const benchmarks = new Map<string, { id: string; alias: string; metric: string }>();
  const thresholds = new Map<string, Threshold>();
  for (const e of expectations) {
    const task = e.task.toLowerCase();
    if (!benchmarks.has(task))
      benchmarks.set(task, {
        id: `corpus-benchmark-${benchmarks.size + 1}`,
        alias: e.task,
        metric: e.metric,
      });
    const key = JSON.stringify([task, metricKey(e.metric), e.filter, e.scorer]);
    let t = thresholds.get(key);
    if (!t) {
      t = { id: `corpus-threshold-${thresholds.size + 1}`, key: e, reads: [] };
      thresholds.set(key, t);
    }
    t.reads.push(e);
  }
  const policy = {
    version: 1,
    mode: 'enforce',
    levels: ['L1'],
    baseline: 'L1',
    roles: { owner: { users: ['corpus-owner'] } },
    policy_owners: ['owner'],
    approvals: { capability_decision: ['owner'], override: ['owner'] },
    // A card's numbers may rule out here, so that every record's binding shows in its threshold.
    ...(format === 'hf-card' ? { evidence: { rule_out_from: ['model-card'] } } : {}),
    benchmarks: Object.fromEntries(
      [...benchmarks.values()].map((b) => [
        b.id,
        { aliases: [b.alias], metric: b.metric, scale: 'unbounded' },
      ]),
    ),
    thresholds: [...thresholds.values()].map((t) => {
      const condition = {
        benchmark: benchmarks.get(t.key.task.toLowerCase())!.id,
        metric: t.key.filter === null ? t.key.metric : `${t.key.metric},${t.key.filter}`,
        ...(t.key.scorer !== null ? { scorer: t.key.scorer } : {}),
      };
      return {
        id: t.id,
        requires: { deployment: 'L1' },
        rule_in: [{ ...condition, gt: MAX }],
        rule_out: [{ ...condition, gte: -MAX }],
      };
    }),
  };
  return { text: JSON.stringify(policy, null, 1), thresholds: [...thresholds.values()] };
}

const CONTEXT: ReviewContext = {
  author: null,
  writers: { people: [], unknown: [] },
  headSha: null,
  reviews: [],
  confirmations: [],
  teams: new Map(),
};

async function judge(
  row: ManifestRow,
  bytes: Uint8Array,
  expectations: EngineExpectation[],
  refusal: string | null,
  outcome: FileOutcome,
): Promise<void> {
  const { text, thresholds } = generatePolicy(row.format, expectations);
  const files = layout(row, bytes);
  files.set('.github/rsp-policy.yml', new TextEncoder().encode(text));
  let record: DecisionRecord;
  try {
    ({ record } = await checkTrees({
      head: memoryTree(files),
      base: null,
      policyPath: '.github/rsp-policy.yml',
      now: new Date('2026-01-01T00:00:00Z'),
      context: CONTEXT,
    }));
  } catch (error) {
    const why = isInputError(error) ? error.describe() : String((error as Error)?.stack ?? error);
    outcome.failures.push(`engine: the gate did not finish: ${why}`);
    return;
  }
  const file = evidencePath(row);
  for (const reason of record.reasons.filter((r) => r.severity === 'block')) {
    if (refusal !== null && reason.file === file && reason.message.startsWith(refusal)) {
      outcome.earnedBlocks++;
    } else {
      outcome.failures.push(
        `engine: blocks on ${reason.code} at ${reason.file}:${reason.line}: ${reason.message}`,
      );
    }
  }
  if (refusal !== null) {
    if (outcome.earnedBlocks === 0)
      outcome.failures.push('engine: the refused file does not block');
    return;
  }
  const model = record.models[0];
  if (thresholds.length > 0 && (record.models.length !== 1 || !model)) {
    outcome.failures.push(`engine: ${record.models.length} models judged, expected 1`);
    return;
  }
  for (const t of thresholds) {
    const result = model!.thresholds.find((r) => r.id === t.id);
    const what = keyOf(t.key);
    if (!result) {
      outcome.failures.push(`engine: threshold for ${what} not judged`);
      continue;
    }
    outcome.judged++;
    const leaf = (rule: ConditionResult['rule']) => result.evidence.find((c) => c.rule === rule);
    const ruleIn = leaf('rule_in');
    const ruleOut = leaf('rule_out');
    const firstValue = t.reads.find((e) => e.value !== null)?.value ?? null;
    const canRuleOut = t.reads.some((e) => e.complete && e.value !== null);
    const status = canRuleOut ? 'ruled_out' : 'not_ruled_out';
    if (result.status === 'ruled_out') outcome.ruledOut++;
    const wrong: string[] = [];
    if (ruleOut?.file !== file) wrong.push(`not bound (rule-out: ${ruleOut?.note ?? 'no result'})`);
    if (!sameValue(ruleIn?.value ?? null, firstValue))
      wrong.push(`value ${show(ruleIn?.value)} ≠ ${show(firstValue)}`);
    if (result.status !== status) wrong.push(`${result.status} ≠ ${status} (${result.summary})`);
    if (wrong.length > 0) outcome.failures.push(`engine: ${what}: ${wrong.join('; ')}`);
  }
}

/* ------------------------------------------------------------------ one file */

export async function checkFile(corpus: Corpus, row: ManifestRow): Promise<FileOutcome> {
  const line = corpus.expected.get(row.id);
  const outcome: FileOutcome = {
    row,
    refused: null,
    crash: null,
    expected: line?.records?.length ?? 0,
    agreed: 0,
    judged: 0,
    ruledOut: 0,
    earnedBlocks: 0,
    failures: [],
  };
  if (!line || line.file !== row.file || line.format !== row.format) {
    outcome.failures.push('expected.jsonl has no line for this file');
    return outcome;
  }
  const bytes = new Uint8Array(await readFile(join(corpus.dir, row.file)));
  // The bytes as committed: their git blob id is the manifest's.
  const blob = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
  if (blob !== row.blob)
    outcome.failures.push(`the file's git blob id is ${blob}, not ${row.blob}`);

  // Reader pass, through the registry as the gate chooses readers.
  const name = posix.basename(row.file);
  let records: EvidenceRecord[] | null = null;
  let refusal: string | null = null;
  const source = fileSourceFromBytes(name, bytes);
  const reader = findReader(name, bytes.subarray(0, SNIFF_BYTES));
  if (!reader) outcome.failures.push('no reader accepts the file');
  else if (reader.format !== READER_FORMAT[row.format])
    outcome.failures.push(`read as ${reader.format}, not ${READER_FORMAT[row.format]}`);
  else {
    try {
      records = await reader.read(source);
    } catch (error) {
      if (isInputError(error) && error.location.file === name) {
        outcome.refused = `${error.code}: ${error.describe()}`;
        refusal = error.message;
        if (line.refuse === undefined)
          outcome.failures.push(`refused a file the corpus reads: ${error.describe()}`);
      } else {
        outcome.crash = String((error as Error)?.stack ?? error);
        outcome.failures.push(`crash: ${outcome.crash}`);
      }
    }
  }
  if (records === null) {
    if (refusal === null) return outcome;
    // The engine must refuse it too, with the same message, and nothing else may block.
    await judge(row, bytes, [], refusal, outcome);
    return outcome;
  }
  if (line.refuse !== undefined) {
    outcome.failures.push(
      `accepted a file the corpus refuses (${line.refuse}): ${records.length} records`,
    );
    return outcome;
  }

  let compared: { agreed: number; engine: EngineExpectation[] };
  if (row.format === 'lm-eval')
    compared = compareLmEval(
      records,
      (line.records ?? []) as LmEvalExpected[],
      limitedByUnderscoreSamples(bytes),
      outcome.failures,
    );
  else if (row.format === 'hf-card')
    compared = compareCard(records, (line.records ?? []) as CardExpected[], outcome.failures);
  else compared = compareInspect(records, line, outcome.failures);
  outcome.agreed = compared.agreed;
  await judge(row, bytes, compared.engine, null, outcome);
  return outcome;
}

/* ------------------------------------------------------------------ the corpus */

export interface CorpusSummary {
  outcomes: FileOutcome[];
  elapsedMs: number;
}

export async function runCorpus(
  corpus: Corpus,
  onProgress?: (done: number, total: number) => void,
): Promise<CorpusSummary> {
  const started = performance.now();
  const outcomes: FileOutcome[] = [];
  for (const row of corpus.rows) {
    outcomes.push(await checkFile(corpus, row));
    onProgress?.(outcomes.length, corpus.rows.length);
  }
  const listed = new Set(corpus.rows.map((r) => r.id));
  for (const id of corpus.expected.keys()) {
    if (!listed.has(id)) {
      const row = corpus.rows[0]!;
      outcomes.push({
        row: { ...row, id },
        refused: null,
        crash: null,
        expected: 0,
        agreed: 0,
        judged: 0,
        ruledOut: 0,
        earnedBlocks: 0,
        failures: ['expected.jsonl lists a file manifest.csv does not'],
      });
    }
  }
  return { outcomes, elapsedMs: performance.now() - started };
}

/** Every file that disagrees, with each disagreement on its own line; '' when none does. */
export function describeFailures(summary: CorpusSummary): string {
  return summary.outcomes
    .filter((o) => o.failures.length > 0)
    .map((o) => [`${o.row.id} ${o.row.file}`, ...o.failures.map((f) => `  ${f}`)].join('\n'))
    .join('\n');
}

/** The one summary line: counts per format and outcome, and the time taken. */
export function summaryLine(summary: CorpusSummary): string {
  const { outcomes } = summary;
  const sum = (list: FileOutcome[], f: (o: FileOutcome) => number) =>
    list.reduce((n, o) => n + f(o), 0);
  const parts = CORPUS_FORMATS.map((format) => {
    const list = outcomes.filter((o) => o.row.format === format);
    return `${format} ${list.length} files/${sum(list, (o) => o.agreed)} of ${sum(list, (o) => o.expected)} records agreed/${list.filter((o) => o.refused).length} refused/${sum(list, (o) => o.judged)} thresholds judged (${sum(list, (o) => o.ruledOut)} ruled out)`;
  });
  const failing = outcomes.filter((o) => o.failures.length > 0).length;
  return [
    `corpus: ${outcomes.length} files`,
    ...parts,
    `refusals with clear errors: ${outcomes.filter((o) => o.refused).length}`,
    `crashes: ${outcomes.filter((o) => o.crash).length}`,
    `blocking reasons earned: ${sum(outcomes, (o) => o.earnedBlocks)}`,
    `files disagreeing: ${failing}`,
    `${(summary.elapsedMs / 1000).toFixed(1)} s`,
  ].join(' · ');
}
