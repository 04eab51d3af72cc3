/**
 * Hugging Face `model-index` results in a model card's front matter.
 *
 * Real cards are messy (formats.md §3.3): string values, missing datasets, misspelt keys,
 * `model-index` written as a mapping. Nothing here throws for odd content: every readable
 * metric becomes a `reported` record, everything else becomes a warning. Only a broken
 * front matter (YAML syntax, not a mapping) is an error, and that comes from the parser.
 */
import type { EvidenceReader, EvidenceRecord, FileSource, Scale } from '../core/evidence.js';
import { readFrontMatter } from '../formats/front-matter.js';
import type { LocatedDocument } from '../formats/yaml.js';
import { readText } from './decode-text.js';
import { quote } from './quote.js';

export interface ModelIndexResult {
  records: EvidenceRecord[];
  /** Problems that belong to no single record: unreadable entries, results or metrics. */
  warnings: string[];
}

export const VERIFIED_WARNING = 'verified flag is informational; not trusted';

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: a YAML key such as `constructor` must not reach Object.prototype. */
function field(object: Mapping, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** A non-empty name: strings as written (trimmed), finite numbers spelt out; else null. */
function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (isMapping(value)) return 'a mapping';
  return `a ${typeof value}`;
}

const NUMBER = '[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?';
const PLAIN_NUMBER = new RegExp(`^(${NUMBER})$`);
const PERCENT = new RegExp(`^(${NUMBER})\\s*%$`);
const PLUS_MINUS = new RegExp(`^(${NUMBER})\\s*(?:\\+/-|±|\\+-)\\s*(${NUMBER})$`);

interface ParsedValue {
  value: number | null;
  scale: Scale;
  warnings: string[];
}

/** A metric value written as a string: a number, a percent, or `mean +/- std`. */
function parseMetricString(raw: string): ParsedValue {
  const text = raw.trim();
  let match = PLAIN_NUMBER.exec(text);
  if (match) {
    const value = Number(match[1]);
    return {
      value,
      scale: 'unknown',
      warnings: [`value ${quote(raw)} is written as a string; read as the number ${value}`],
    };
  }
  match = PERCENT.exec(text);
  if (match) {
    const value = Number(match[1]);
    return {
      value,
      scale: 'percent',
      warnings: [
        `value ${quote(raw)} carries a percent sign; read as ${value} on the percent scale`,
      ],
    };
  }
  match = PLUS_MINUS.exec(text);
  if (match) {
    const value = Number(match[1]);
    return {
      value,
      scale: 'unknown',
      warnings: [
        `value ${quote(raw)} read as ${value}; the ± ${match[2]} part is a standard deviation over episodes, not a standard error, and is ignored`,
      ],
    };
  }
  return {
    value: null,
    scale: 'unknown',
    warnings: [`value ${quote(raw)} is not a number; no value read`],
  };
}

/** formats.md §3.3: numbers as-is; `"1"`, `"25.59%"`, `"279.55 +/- 11.76"` with a warning; else null. */
export function parseMetricValue(raw: unknown, present: boolean): ParsedValue {
  if (!present)
    return { value: null, scale: 'unknown', warnings: ['metric has no `value`; no value read'] };
  if (typeof raw === 'number') {
    if (Number.isFinite(raw)) return { value: raw, scale: 'unknown', warnings: [] };
    return {
      value: null,
      scale: 'unknown',
      warnings: [`value ${String(raw)} is not a finite number; no value read`],
    };
  }
  if (typeof raw === 'string') {
    const parsed = parseMetricString(raw);
    if (parsed.value !== null && !Number.isFinite(parsed.value)) {
      return {
        value: null,
        scale: 'unknown',
        warnings: [`value ${quote(raw)} is too large to be a finite number; no value read`],
      };
    }
    return parsed;
  }
  if (raw === null || raw === undefined) {
    return { value: null, scale: 'unknown', warnings: ['metric `value` is empty; no value read'] };
  }
  return {
    value: null,
    scale: 'unknown',
    warnings: [`value is ${kindOf(raw)}, not a number; no value read`],
  };
}

interface Benchmark {
  benchmark: string;
  warning: string | null;
}

/** `dataset.type`, else `dataset.name`, else `task.name` / `task.type` (warned). */
function benchmarkOf(result: Mapping): Benchmark | null {
  const dataset = field(result, 'dataset');
  const task = field(result, 'task');
  if (isMapping(dataset)) {
    const type = nameOf(field(dataset, 'type'));
    if (type !== null) return { benchmark: type, warning: null };
    const name = nameOf(field(dataset, 'name'));
    if (name !== null) {
      return {
        benchmark: name,
        warning: `dataset has no \`type\`; benchmark taken from dataset.name ${quote(name)}`,
      };
    }
  }
  if (isMapping(task)) {
    const why = isMapping(dataset) ? 'dataset has no `type` or `name`' : 'result has no `dataset`';
    const name = nameOf(field(task, 'name'));
    if (name !== null)
      return { benchmark: name, warning: `${why}; benchmark taken from task.name ${quote(name)}` };
    const type = nameOf(field(task, 'type'));
    if (type !== null)
      return { benchmark: type, warning: `${why}; benchmark taken from task.type ${quote(type)}` };
  }
  return null;
}

function keysOf(object: Mapping): string {
  const keys = Object.keys(object);
  return keys.length === 0 ? 'no keys' : `keys: ${keys.join(', ')}`;
}

/** Records for every readable metric in `model-index` of a parsed front matter. */
export function recordsFromModelIndex(doc: LocatedDocument): ModelIndexResult {
  const records: EvidenceRecord[] = [];
  const warnings: string[] = [];
  const root = doc.value;
  if (!isMapping(root) || !Object.hasOwn(root, 'model-index')) return { records, warnings };
  const lineOf = (pointer: string): number => doc.locate(pointer).line;

  const index = root['model-index'];
  if (index === null || index === undefined) return { records, warnings };
  if (!Array.isArray(index)) {
    warnings.push(
      `model-index (line ${lineOf('/model-index')}) is ${kindOf(index)}, not a list of models; no results read`,
    );
    return { records, warnings };
  }

  index.forEach((entry: unknown, i) => {
    const entryPointer = `/model-index/${i}`;
    const entryName = `model-index[${i}]`;
    if (!isMapping(entry)) {
      warnings.push(
        `${entryName} (line ${lineOf(entryPointer)}) is ${kindOf(entry)}, not a mapping; skipped`,
      );
      return;
    }
    const model = nameOf(field(entry, 'name'));
    const results = field(entry, 'results');
    if (!Array.isArray(results)) {
      const what =
        results === undefined
          ? 'has no `results`'
          : `has \`results\` that is ${kindOf(results)}, not a list`;
      warnings.push(`${entryName} (line ${lineOf(entryPointer)}) ${what}; skipped`);
      return;
    }
    results.forEach((result: unknown, j) => {
      const resultPointer = `${entryPointer}/results/${j}`;
      const resultName = `${entryName}.results[${j}]`;
      const at = `${resultName} (line ${lineOf(resultPointer)})`;
      if (!isMapping(result)) {
        warnings.push(`${at} is ${kindOf(result)}, not a mapping; skipped`);
        return;
      }
      const metrics = field(result, 'metrics');
      if (!Array.isArray(metrics)) {
        warnings.push(`${at} has no \`metrics\` list (${keysOf(result)}); skipped`);
        return;
      }
      const bench = benchmarkOf(result);
      if (bench === null) {
        warnings.push(
          `${at} names no benchmark (no dataset.type, dataset.name, task.name or task.type); skipped`,
        );
        return;
      }
      metrics.forEach((metric: unknown, k) => {
        const metricPointer = `${resultPointer}/metrics/${k}`;
        const metricAt = `${resultName}.metrics[${k}] (line ${lineOf(metricPointer)})`;
        if (!isMapping(metric)) {
          warnings.push(`${metricAt} is ${kindOf(metric)}, not a mapping; skipped`);
          return;
        }
        const recordWarnings: string[] = bench.warning === null ? [] : [bench.warning];
        let metricName = nameOf(field(metric, 'type'));
        if (metricName === null) {
          metricName = nameOf(field(metric, 'name'));
          if (metricName === null) {
            warnings.push(`${metricAt} has no metric \`type\` or \`name\`; skipped`);
            return;
          }
          recordWarnings.push(
            `metric has no \`type\`; metric taken from name ${quote(metricName)}`,
          );
        }
        const valuePointer = `${metricPointer}/value`;
        const parsed = parseMetricValue(field(metric, 'value'), Object.hasOwn(metric, 'value'));
        recordWarnings.push(...parsed.warnings);
        if (field(metric, 'verified') === true) recordWarnings.push(VERIFIED_WARNING);
        records.push({
          file: doc.file,
          pointer: valuePointer,
          line: lineOf(valuePointer),
          format: 'hf-model-index',
          model,
          benchmark: bench.benchmark,
          metric: metricName,
          filter: null,
          scorer: null,
          value: parsed.value,
          scale: parsed.scale,
          stderr: null,
          n: null,
          n_intended: null,
          date: null,
          status: 'reported',
          warnings: recordWarnings,
        });
      });
    });
  });
  return { records, warnings };
}

/**
 * Reads `model-index` from Markdown model cards. Cards without front matter or without
 * results yield no records (the card loader reports cards without evidence). File-level
 * warnings are added to the first record's warnings, so they are shown once.
 */
export const hfModelIndexReader: EvidenceReader = {
  format: 'hf-model-index',
  accepts(path: string): boolean {
    return /\.md$/i.test(path);
  },
  async read(source: FileSource): Promise<EvidenceRecord[]> {
    const text = await readText(source);
    const doc = readFrontMatter(text, source.path);
    if (doc === null) return [];
    const { records, warnings } = recordsFromModelIndex(doc);
    if (records.length > 0 && warnings.length > 0) records[0]!.warnings.push(...warnings);
    return records;
  },
};
