/**
 * Chooses the corpus subset the project keeps in __tests__/fixtures/corpus/ and copies it there:
 *
 *   npx tsx scripts/select-corpus-subset.ts [--corpus DIR] [--out DIR]
 *
 * Only files whose licence permits redistribution are candidates, chosen in three passes:
 *
 * 1. Shape coverage. Every corpus file is described by shape features (lm-eval key style,
 *    filters, groups, `--limit`, "N/A" stderrs, odd values; Inspect format, status, compression;
 *    card value kinds, missing datasets, line endings, …). Features are visited rarest first, and
 *    each is given up to its quota of files, smallest first: its first file may be of any size
 *    (over 64 KiB only when nothing smaller has the feature), further ones only up to 8 KiB. A
 *    file already chosen counts for every feature it has.
 * 2. Every Inspect log up to 16 KiB (the corpus holds few, and they differ in ways the features do
 *    not name: tasks, scorers, sample shapes).
 * 3. Breadth. lm-eval results and cards up to 8 KiB are visited smallest first (lm-eval runs
 *    outside the harness's own tests/ directory before its test data), and a file is added when
 *    it brings a detail no chosen file of its format has (lm-eval: a task, a metric with its
 *    filter, an `lm_eval_version`; cards: a metric type, a dataset type, a task type with a value
 *    kind), until its format has its share of the subset.
 *
 * Sizes count a file's bytes and its expected.jsonl line. The result is reproducible: the same
 * corpus gives the same subset. Bytes are copied exactly (checked against the git blob id), with
 * their manifest.csv rows and expected.jsonl lines, and selection.csv says why each file is in.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { load } from 'js-yaml';
import { splitFrontMatter } from '../src/formats/front-matter.js';
import {
  MANIFEST_COLUMNS,
  parseExpected,
  parseManifest,
  type CardExpected,
  type ExpectedLine,
  type LmEvalExpected,
  type ManifestRow,
} from '../__tests__/corpus/corpus-files.js';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    corpus: {
      type: 'string',
      default: resolve(ROOT, process.env.RSP_GATE_CORPUS ?? '../shared/corpus'),
    },
    out: { type: 'string', default: join(ROOT, '__tests__/fixtures/corpus') },
  },
});
const CORPUS = resolve(values.corpus);
const OUT = resolve(values.out);

/**
 * Files of each feature to keep: fewer for features that name a single metric or task type, and
 * for Inspect logs, which are larger and whose shapes are few.
 */
const QUOTA = 6;
const QUOTA_OF_NAMED = 2;
const QUOTA_OF_INSPECT = 3;
/** Larger files (bytes and expected.jsonl line) only when nothing smaller has the feature. */
const PREFERRED_MAX_BYTES = 64 * 1024;
/** A feature's second and later files, and the breadth pass's files, are at most this large. */
const SMALL_BYTES = 8 * 1024;
/** Inspect logs this small are all kept. */
const SMALL_INSPECT_BYTES = 16 * 1024;
/** How many lm-eval results and cards the breadth pass fills the subset up to. */
const SHARE: Readonly<Record<'lm-eval' | 'hf-card', number>> = { 'lm-eval': 150, 'hf-card': 150 };
/** The whole directory: files, manifest, expected lines, selection, README and .gitattributes. */
const BUDGET_BYTES = 5 * 1000 * 1000;

/**
 * Licences that let us copy a file verbatim into this MIT project with attribution. Share-alike
 * (cc-by-sa) and use-restricted (OpenRAIL) licences are left out: they would attach terms of
 * their own to the fixtures.
 */
const REDISTRIBUTABLE = /^(mit|apache-2\.0|bsd-3-clause|cc-by-4\.0|cc0-1\.0)\b/i;

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** JSON with Python's bare NaN / Infinity read as null: enough to see a file's shape. */
function parseLooseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/(?<=[:[,]\s*)-?(?:NaN|Infinity)(?=\s*[,\]}])/g, 'null'));
  } catch {
    return null;
  }
}

function lmEvalFeatures(row: ManifestRow, line: ExpectedLine, text: string): string[] {
  const f = new Set<string>();
  const records = (line.records ?? []) as LmEvalExpected[];
  const root = parseLooseJson(text);
  const results = isObject(root) && isObject(root.results) ? root.results : {};
  f.add(line.v04_keys ? 'lm-eval:keys:v0.4' : 'lm-eval:keys:v0.3');
  if (line.version !== null && line.version !== undefined) f.add('lm-eval:lm_eval_version');
  if (line.limit !== null && line.limit !== undefined) f.add('lm-eval:config.limit');
  if (records.some((r) => r.partial)) f.add('lm-eval:partial');
  if (records.length === 0) f.add('lm-eval:no-records');
  if (row.path.startsWith('tests/')) f.add('lm-eval:path:tests/');
  const offset = text.indexOf('"results"');
  if (offset > 4096) f.add('lm-eval:results-after-4KiB');
  if (isObject(root)) {
    for (const key of [
      'n-samples',
      'n_samples',
      'groups',
      'group_subtasks',
      'samples',
      'higher_is_better',
      'model_name',
      'date',
    ])
      if (key in root) f.add(`lm-eval:key:${key}`);
    if (!('config' in root)) f.add('lm-eval:no-config');
    const args = isObject(root.config) ? root.config.model_args : undefined;
    if (isObject(args)) f.add('lm-eval:model_args:mapping');
    if (Object.keys(results).length >= 50) f.add('lm-eval:tasks:50+');
  }
  for (const [task, entry] of Object.entries(results)) {
    if (!isObject(entry)) continue;
    const keys = Object.keys(entry);
    if (keys.includes(' ') || keys.every((k) => k === 'alias' || k === ' '))
      f.add('lm-eval:placeholder-row');
    if (keys.some((k) => !k.includes(',') && isObject(entry[k]))) f.add('lm-eval:nested-results');
    if (keys.some((k) => /_stderr/.test(k) && entry[k] === 'N/A')) f.add('lm-eval:stderr:"N/A"');
    if (keys.some((k) => Array.isArray(entry[k]))) f.add('lm-eval:value:list');
    if (typeof entry.alias === 'string' && entry.alias !== task) f.add('lm-eval:alias');
    if (!/^[a-z0-9_]+$/i.test(task)) f.add('lm-eval:task-name:punctuation');
  }
  const metricsOf = new Map<string, Set<string>>();
  for (const r of records) {
    metricsOf.set(r.task, (metricsOf.get(r.task) ?? new Set()).add(r.metric));
    if (r.filter !== null && r.filter !== 'none') f.add(`lm-eval:filter:${r.filter}`);
    if (typeof r.raw === 'string') f.add(`lm-eval:value:${r.raw}`);
    if (r.raw === null) f.add('lm-eval:value:not-a-number');
    if (r.value !== null && (r.value < 0 || r.value > 1)) f.add('lm-eval:value:outside-0-1');
    if (r.stderr === null && r.value !== null) f.add('lm-eval:stderr:none');
    f.add(`lm-eval:metric:${r.metric}`);
  }
  for (const metrics of metricsOf.values()) {
    if (metrics.size > 1) f.add('lm-eval:task:several-metrics');
    if ([...metrics].some((m) => /perplexity|ppl|bits_per_byte/.test(m)) && metrics.has('acc'))
      f.add('lm-eval:task:perplexity-beside-acc');
  }
  return [...f];
}

/** Compression methods of a zip's central directory entries. */
function zipMethods(bytes: Uint8Array): Set<number> {
  const methods = new Set<number>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 46 <= bytes.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) methods.add(view.getUint16(i + 10, true));
  }
  return methods;
}

function inspectFeatures(row: ManifestRow, line: ExpectedLine, bytes: Uint8Array): string[] {
  const f = new Set<string>();
  const format = row.format;
  if (line.refuse !== undefined) {
    const lfs = new TextDecoder()
      .decode(bytes.subarray(0, 64))
      .startsWith('version https://git-lfs');
    f.add(lfs ? `${format}:git-lfs-pointer` : `${format}:refused`);
    return [...f];
  }
  f.add(`${format}:version:${String(line.version)}`);
  f.add(`${format}:status:${line.status}`);
  f.add(`${format}:${line.complete ? 'complete' : 'incomplete'}`);
  const records = line.records ?? [];
  if (records.length === 0) f.add(`${format}:no-scores`);
  const metrics = [...new Set(records.map((r) => (r as { metric: string }).metric))].sort();
  if (metrics.length > 0) f.add(`${format}:metrics:${metrics.join('+')}`);
  if (format === 'inspect-eval')
    for (const m of zipMethods(bytes)) f.add(`inspect-eval:zip-method:${m}`);
  return [...f];
}

function cardFeatures(line: ExpectedLine, text: string): string[] {
  const f = new Set<string>();
  const records = (line.records ?? []) as CardExpected[];
  if (text.includes('\r\n')) f.add('hf-card:line-endings:crlf');
  if (text.charCodeAt(0) === 0xfeff) f.add('hf-card:bom');
  if (/^\s*\n/.test(text.replace(/^\uFEFF/, ''))) f.add('hf-card:blank-lines-before-front-matter');
  const block = splitFrontMatter(text);
  if (block === null) f.add('hf-card:no-front-matter');
  else {
    if (/:\s*[-+]?\.(nan|inf)\b/i.test(block.yaml)) f.add('hf-card:yaml:.nan-or-.inf');
    let front: unknown = null;
    try {
      front = load(block.yaml);
    } catch {
      f.add('hf-card:yaml:unreadable');
    }
    const index = isObject(front) ? front['model-index'] : undefined;
    if (index === null || (Array.isArray(index) && index.length === 0))
      f.add('hf-card:model-index:empty');
    else if (index !== undefined && !Array.isArray(index)) f.add('hf-card:model-index:not-a-list');
    if (Array.isArray(index)) {
      if (index.length > 1) f.add('hf-card:model-index:several-models');
      for (const entry of index) {
        if (!isObject(entry)) continue;
        const results = entry.results;
        if (!Array.isArray(results)) f.add('hf-card:results:missing');
        else if (results.length === 0) f.add('hf-card:results:empty');
        else
          for (const result of results) {
            if (!isObject(result)) continue;
            if (!Array.isArray(result.metrics)) f.add('hf-card:result:no-metrics-list');
            const dataset = result.dataset;
            if (isObject(dataset)) {
              if ('config' in dataset) f.add('hf-card:dataset:config');
              if ('split' in dataset) f.add('hf-card:dataset:split');
              if ('args' in dataset) f.add('hf-card:dataset:args');
            }
            for (const metric of Array.isArray(result.metrics) ? result.metrics : []) {
              if (!isObject(metric)) continue;
              if ('verified' in metric) f.add('hf-card:metric:verified');
              if ('args' in metric) f.add('hf-card:metric:args');
              if (!('value' in metric)) f.add('hf-card:metric:no-value');
            }
          }
      }
    }
  }
  if (records.length === 0) f.add('hf-card:no-records');
  if (records.length >= 20) f.add('hf-card:records:20+');
  const seen = new Set<string>();
  for (const r of records) {
    f.add(`hf-card:value:${r.value_kind}${r.percent ? '-percent' : ''}`);
    if (r.dataset_type === null && r.dataset_name === null) f.add('hf-card:dataset:none');
    else if (r.dataset_type === null) f.add('hf-card:dataset:no-type');
    if (r.metric === null) f.add('hf-card:metric:no-type');
    if (typeof r.model !== 'string') f.add('hf-card:model:unnamed');
    if (r.task_type !== null) f.add(`hf-card:task-type:${r.task_type}`);
    const key = JSON.stringify([r.model, r.dataset_type, r.dataset_name, r.metric]);
    if (seen.has(key)) f.add('hf-card:same-dataset-and-metric-twice');
    seen.add(key);
  }
  return [...f];
}

/**
 * What the breadth pass looks for: the tasks, metrics and versions of an lm-eval file; the metric
 * types, dataset types and task types with value kinds of a card.
 */
function detailsOf(line: ExpectedLine): string[] {
  const d = new Set<string>();
  if (line.format === 'lm-eval') {
    if (line.version !== null && line.version !== undefined)
      d.add(`lm-eval:lm_eval_version:${String(line.version)}`);
    for (const r of (line.records ?? []) as LmEvalExpected[]) {
      d.add(`lm-eval:task:${r.task}`);
      d.add(`lm-eval:metric-and-filter:${r.metric}/${String(r.filter)}`);
    }
  } else if (line.format === 'hf-card') {
    for (const r of (line.records ?? []) as CardExpected[]) {
      d.add(`hf-card:metric-type:${String(r.metric)}`);
      d.add(`hf-card:dataset-type:${String(r.dataset_type)}`);
      const kind = `${r.value_kind}${r.percent ? '-percent' : ''}`;
      d.add(`hf-card:task-type-and-value:${String(r.task_type)}/${kind}`);
    }
  }
  return [...d];
}

/** Names from the files (metrics, task types) may hold spaces or commas: not in a CSV cell. */
const cell = (name: string) => name.replace(/[\s,]+/g, '_');

function quotaOf(feature: string): number {
  if (feature.startsWith('inspect-')) return QUOTA_OF_INSPECT;
  return /:(metric|task-type):/.test(feature) ? QUOTA_OF_NAMED : QUOTA;
}

function main(): void {
  const rows = parseManifest(readFileSync(join(CORPUS, 'manifest.csv'), 'utf8'));
  const expectedText = readFileSync(join(CORPUS, 'expected.jsonl'), 'utf8');
  const expected = parseExpected(expectedText);
  const rawLines = new Map(
    expectedText
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => [(JSON.parse(l) as ExpectedLine).id, l]),
  );

  const features = new Map<string, string[]>();
  const candidates = rows.filter((row) => REDISTRIBUTABLE.test(row.licence));
  for (const row of rows) {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, row.file)));
    const line = expected.get(row.id)!;
    const text = new TextDecoder().decode(bytes);
    const found =
      row.format === 'lm-eval'
        ? lmEvalFeatures(row, line, text)
        : row.format === 'hf-card'
          ? cardFeatures(line, text)
          : inspectFeatures(row, line, bytes);
    features.set(row.id, [...new Set(found.map(cell))]);
  }

  const byFeature = new Map<string, ManifestRow[]>();
  for (const row of candidates)
    for (const feature of features.get(row.id)!)
      byFeature.set(feature, [...(byFeature.get(feature) ?? []), row]);
  // What a file costs the subset: its bytes and its expected.jsonl line.
  const cost = (row: ManifestRow) => row.bytes + rawLines.get(row.id)!.length;
  const smallestFirst = (a: ManifestRow, b: ManifestRow) =>
    cost(a) - cost(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const order = [...byFeature.keys()].sort(
    (a, b) => byFeature.get(a)!.length - byFeature.get(b)!.length || (a < b ? -1 : 1),
  );

  // 1. Shape coverage.
  const chosen = new Map<string, string[]>(); // id → features it was chosen for
  for (const feature of order) {
    const quota = quotaOf(feature);
    const list = [...byFeature.get(feature)!].sort(smallestFirst);
    let have = list.filter((row) => chosen.has(row.id)).length;
    const fits = list.filter((row) => cost(row) <= PREFERRED_MAX_BYTES);
    for (const row of fits.length > 0 ? fits : list.slice(0, 1)) {
      if (have >= quota) break;
      if (chosen.has(row.id) || (have > 0 && cost(row) > SMALL_BYTES)) continue;
      chosen.set(row.id, [feature]);
      have++;
    }
  }

  // 2. Every small Inspect log.
  for (const row of [...candidates].sort(smallestFirst))
    if (
      row.format.startsWith('inspect-') &&
      cost(row) <= SMALL_INSPECT_BYTES &&
      !chosen.has(row.id)
    )
      chosen.set(row.id, [`${row.format}:log-up-to-${SMALL_INSPECT_BYTES / 1024}KiB`]);

  // 3. Breadth: small files that bring a task, metric, version or dataset type not yet in.
  for (const format of ['lm-eval', 'hf-card'] as const) {
    const ofFormat = candidates.filter((row) => row.format === format);
    const details = (row: ManifestRow) => detailsOf(expected.get(row.id)!).map(cell);
    const seen = new Set(ofFormat.filter((row) => chosen.has(row.id)).flatMap(details));
    let have = ofFormat.filter((row) => chosen.has(row.id)).length;
    const inTests = (row: ManifestRow) => (row.path.startsWith('tests/') ? 1 : 0);
    const visit = ofFormat
      .filter((row) => cost(row) <= SMALL_BYTES && !chosen.has(row.id))
      .sort((a, b) => inTests(a) - inTests(b) || smallestFirst(a, b));
    for (const row of visit) {
      if (have >= SHARE[format]) break;
      const fresh = details(row).filter((detail) => !seen.has(detail));
      if (fresh.length === 0) continue;
      fresh.forEach((detail) => seen.add(detail));
      chosen.set(row.id, [fresh[0]!]);
      have++;
    }
  }

  const uncovered = [...new Set(rows.flatMap((row) => features.get(row.id)!))].filter(
    (feature) => !byFeature.has(feature),
  );
  if (uncovered.length > 0)
    console.log(`features only files we may not copy have: ${uncovered.sort().join(', ')}`);
  const selected = rows.filter((row) => chosen.has(row.id));

  rmSync(join(OUT, 'files'), { recursive: true, force: true });
  for (const row of selected) {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, row.file)));
    if (gitBlobId(bytes) !== row.blob)
      throw new Error(`${row.file}: bytes differ from blob ${row.blob}`);
    mkdirSync(dirname(join(OUT, row.file)), { recursive: true });
    writeFileSync(join(OUT, row.file), bytes);
  }
  const csv = (cells: (string | number)[]) => cells.join(',');
  writeFileSync(
    join(OUT, 'manifest.csv'),
    [
      csv([...MANIFEST_COLUMNS]),
      ...selected.map((r) => csv(MANIFEST_COLUMNS.map((c) => r[c]))),
    ].join('\n') + '\n',
  );
  writeFileSync(
    join(OUT, 'expected.jsonl'),
    selected.map((r) => rawLines.get(r.id)!).join('\n') + '\n',
  );
  // Every feature each file has, the one it was chosen for first.
  writeFileSync(
    join(OUT, 'selection.csv'),
    [
      'id,bytes,chosen_for,features',
      ...selected.map((r) =>
        csv([r.id, r.bytes, chosen.get(r.id)![0]!, [...features.get(r.id)!].sort().join(' ')]),
      ),
    ].join('\n') + '\n',
  );
  const total = [
    ...selected.map((r) => r.bytes),
    ...['manifest.csv', 'expected.jsonl', 'selection.csv', 'README.md', '.gitattributes'].map(
      (name) => {
        try {
          return statSync(join(OUT, name)).size;
        } catch {
          return 0;
        }
      },
    ),
  ].reduce((n, size) => n + size, 0);
  if (total > BUDGET_BYTES)
    throw new Error(
      `the subset is ${total} bytes with its metadata, over the ${BUDGET_BYTES} budget`,
    );
  const per = (format: string) => selected.filter((r) => r.format === format).length;
  console.log(
    `${selected.length} files (${per('lm-eval')} lm-eval, ${per('inspect-json')} inspect-json, ${per('inspect-eval')} inspect-eval, ${per('hf-card')} hf-card), ${total} bytes, ${order.length} features from ${candidates.length} redistributable files of ${rows.length}`,
  );
}

main();
