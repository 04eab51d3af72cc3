/**
 * Hugging Face `.eval_results/*.yaml` files (formats.md §3.4): a list of
 * `{dataset: {id, task_id, revision?}, value, verifyToken?, date?, source?, notes?}` entries, or
 * entries wrapped as `{data: …}` the way the Hub API returns them. Strict: the file must match
 * hf-eval-results.schema.json, or it is refused whole.
 *
 * The file names no metric and no scale: a value is the task's primary score, written 0–1 or
 * 0–100 as its author chose. Records carry `metric: null` and `scale: 'unknown'`; the policy's
 * `reported_scale` on the benchmark says which. Nothing here names the model either (the file
 * lives in the model's repository), and nothing shows a run happened: status `reported`.
 *
 * `date` is ISO 8601, a date or a date-time. A date-time without a time zone
 * (`2026-05-23T10:00:00`, what Python's `datetime.isoformat()` writes) is legal on the Hub: it
 * is read as UTC, with a warning. An impossible date (`2026-13-45`) refuses the file.
 */
import type { EvidenceReader, EvidenceRecord, FileSource } from '../core/evidence.js';
import { InputError } from '../core/errors.js';
import { validateDocument } from '../formats/validate.js';
import { parseYaml } from '../formats/yaml.js';
import { readText } from './decode-text.js';
import { isZonelessDateTime, normaliseDate } from './native-evidence.js';
import { quote } from './quote.js';

/** The shape hf-eval-results.schema.json guarantees once validation has passed. */
interface Entry {
  dataset: { id: string; task_id: string; revision?: string };
  value: number;
  verifyToken?: string;
  date?: string;
  source?: { url: string; name?: string; user?: string; org?: string } & Record<string, unknown>;
  notes?: string;
}

interface Wrapped {
  data: Entry;
  filename?: string;
  verified?: boolean;
  pullRequest?: number;
}

const SOURCE_KEYS = new Set(['url', 'name', 'user', 'org']);
export const VERIFY_TOKEN_WARNING =
  'verifyToken is not checked by rsp-gate; the value is read as reported';

/** Any `*.yaml` / `*.yml` under a `.eval_results/` directory, at any depth of the repository. */
export function isHfEvalResultsPath(path: string): boolean {
  return /(^|\/)\.eval_results\/(?:[^/]+\/)*[^/]+\.ya?ml$/i.test(path);
}

function isWrapped(item: Entry | Wrapped): item is Wrapped {
  return 'data' in item;
}

export const hfEvalResultsReader: EvidenceReader = {
  format: 'hf-eval-results',
  accepts(path: string): boolean {
    return isHfEvalResultsPath(path);
  },
  async read(source: FileSource): Promise<EvidenceRecord[]> {
    const file = source.path;
    const doc = parseYaml(await readText(source), file);
    validateDocument(doc, 'hf-eval-results', 'Hub evaluation results');
    const items = doc.value as (Entry | Wrapped)[];
    return items.map((item, i): EvidenceRecord => {
      const wrapped = isWrapped(item);
      const entry = wrapped ? item.data : item;
      const at = wrapped ? `/${i}/data` : `/${i}`;
      const warnings: string[] = [];
      if (wrapped && item.verified !== undefined) {
        warnings.push(`the Hub's verified flag (${item.verified}) is informational; not trusted`);
      }
      if (wrapped && item.pullRequest !== undefined) {
        warnings.push(
          `the value comes from Hub pull request #${item.pullRequest}, a community result not merged on the Hub`,
        );
      }
      if (entry.verifyToken !== undefined) warnings.push(VERIFY_TOKEN_WARNING);
      for (const key of Object.keys(entry.source ?? {})) {
        if (!SOURCE_KEYS.has(key)) {
          warnings.push(`source.${key} is not part of the Hub's format; ignored`);
        }
      }
      if (entry.notes !== undefined) warnings.push(`notes: ${quote(entry.notes, 120)}`);
      let date: string | null = null;
      if (entry.date !== undefined) {
        const zoneless = isZonelessDateTime(entry.date);
        if (zoneless) warnings.push(`date (${entry.date}) has no time zone; assumed UTC`);
        date = normaliseDate(zoneless ? `${entry.date}Z` : entry.date);
        if (date === null) {
          // The schema checks the shape of a zone-less date-time, not that its date exists.
          throw new InputError(
            'schema',
            `Hub evaluation results: [${i}].date: cannot read date ${quote(entry.date)}`,
            { file, ...doc.locate(`${at}/date`), key: `[${i}].date` },
            'write a real date as YYYY-MM-DD or a date-time, e.g. 2026-10-01T12:00:00Z',
          );
        }
      }
      const pointer = `${at}/value`;
      return {
        file,
        pointer,
        line: doc.locate(pointer).line,
        format: 'hf-eval-results',
        model: null,
        benchmark: `${entry.dataset.id}:${entry.dataset.task_id}`,
        metric: null,
        filter: null,
        scorer: null,
        value: entry.value,
        scale: 'unknown',
        stderr: null,
        n: null,
        n_intended: null,
        date,
        status: 'reported',
        warnings,
      };
    });
  },
};
