/**
 * lighteval results files (`results_<timestamp>.json`, also the Open LLM Leaderboard v1 files
 * lighteval wrote); formats.md §7.1. `results` is keyed `suite|task|fewshot`
 * (`lighteval|gpqa:diamond|0`, `harness|arc:challenge|25`) or, since lighteval 0.13,
 * `task|fewshot` (`gpqa:diamond|0`); each entry holds `<metric>` and `<metric>_stderr`.
 *
 * Files over 64 MiB are refused before they are parsed (a results file is kilobytes; lighteval
 * writes per-sample details to files of their own), and so is a file whose `results` hold no task.
 *
 * One record per task and metric:
 * - benchmark = the key without its trailing `|fewshot` (`lighteval|gpqa:diamond`), so one policy
 *   alias covers every few-shot setting; metric = the key inside the entry. Two keys of one file
 *   that differ only in their few-shot count (`t|0`, `t|5`) then give the same benchmark and
 *   metric: each such record says so.
 * - a metric whose value is not a number (a list, an object, a boolean, a string) is a record
 *   without a value, with a warning, as is a `<metric>_stderr` with no `<metric>` beside it.
 * - `all` is the mean of every task in the file, not a task: it is not read. `<suite>:_average|k`
 *   rows (lighteval's mean over a suite's subtasks, like an lm-eval group) are read as their own
 *   benchmark (`mmlu:_average`), with a note saying what they are.
 * - date: the time in the file name (config_general's start_time is a monotonic clock, not a date).
 * - status: partial when `config_general.max_samples` limited the run, or a task scored fewer
 *   documents than it has.
 */
import { InputError } from '../core/errors.js';
import type { EvidenceReader, EvidenceRecord, FileSource, RunStatus } from '../core/evidence.js';
import { parseJsonStream, pointerToken } from '../formats/tolerant-json.js';
import { finiteOrWarn } from './inspect-results.js';
import { looksLikeInspectJson } from './inspect-json.js';
import { lmEvalDate } from './lm-eval.js';
import { quote } from './quote.js';
import { refuseOversizedHarnessJson, validateHarnessJson } from './validate-harness-json.js';
import { isObject, nonEmpty, count, headText, type JsonObject } from './json-values.js';

const STDERR_SUFFIX = '_stderr';
/** The aggregate of every task in the file. */
const ALL = 'all';
const FEWSHOT = /\|\d+$/;

/** lighteval writes `config_general` first; lm-eval and Inspect never write it. */
export function looksLikeLighteval(head: Uint8Array): boolean {
  const text = headText(head);
  return /^\s*\{/.test(text) && /"config_general"\s*:\s*\{/.test(text);
}

/** `lighteval|gpqa:diamond|0` → `lighteval|gpqa:diamond`; a key without a few-shot count is kept whole. */
export function lightevalBenchmark(key: string): string {
  return key.replace(FEWSHOT, '');
}

function modelOf(config: JsonObject): string | null {
  const modelConfig = isObject(config.model_config) ? config.model_config : {};
  return nonEmpty(config.model_name) ?? nonEmpty(modelConfig.model_name);
}

export const lightevalReader: EvidenceReader = {
  format: 'lighteval',
  accepts(path: string, head: Uint8Array): boolean {
    return /\.json$/i.test(path) && !looksLikeInspectJson(head) && looksLikeLighteval(head);
  },
  async read(source: FileSource): Promise<EvidenceRecord[]> {
    const file = source.path;
    refuseOversizedHarnessJson(
      source,
      'lighteval results',
      'a results file is a few kilobytes: point the policy at results_*.json, not at the details files',
    );
    const parsed = await parseJsonStream(source.chunks(), file);
    const root = parsed.value;
    if (!isObject(root)) {
      throw new InputError(
        'lighteval-shape',
        'the file is not a JSON object',
        { file, ...parsed.locate('') },
        'point the policy at the results_*.json file written by lighteval',
      );
    }
    validateHarnessJson(parsed, file, 'lighteval', 'lighteval results');
    const config = root.config_general as JsonObject;
    const results = root.results as Record<string, JsonObject>;
    if (Object.keys(results).every((key) => key === ALL)) {
      throw new InputError(
        'lighteval-empty',
        Object.hasOwn(results, ALL)
          ? 'results holds only the `all` aggregate, no task: the file holds no score to read'
          : 'results is empty: the file holds no score',
        { file, ...parsed.locate('/results'), key: '/results' },
        'point the policy at the results file of a run that scored its tasks',
      );
    }
    const tasks = isObject(root.config_tasks) ? root.config_tasks : {};
    const model = modelOf(config);
    const common: string[] = [];
    const date = lmEvalDate({}, file, common);
    const maxSamples = config.max_samples;
    const limited = typeof maxSamples === 'number' && maxSamples > 0;

    const records: EvidenceRecord[] = [];
    /** Records by benchmark and metric, to find keys that differ only in their few-shot count. */
    const collapsed = new Map<string, { task: string; record: EvidenceRecord }[]>();
    for (const [task, entry] of Object.entries(results)) {
      if (task === ALL) continue;
      const benchmark = lightevalBenchmark(task);
      const taskConfig = isObject(tasks[task]) ? (tasks[task] as JsonObject) : {};
      const n = count(taskConfig.effective_num_docs);
      const nIntended = count(taskConfig.original_num_docs);
      const taskWarnings = [...common];
      if (benchmark.includes(':_average')) {
        taskWarnings.push(
          `${quote(task)} is lighteval's average over the ${benchmark.slice(0, benchmark.indexOf(':_average'))} tasks of this file, not a task of its own`,
        );
      }
      let status: RunStatus = 'success';
      if (n !== null && nIntended !== null && n < nIntended) {
        taskWarnings.push(`${n} of ${nIntended} documents were scored; treated as partial`);
        status = 'partial';
      } else if (limited) {
        taskWarnings.push(
          `config_general.max_samples is ${maxSamples} (a limited run); treated as partial`,
        );
        status = 'partial';
      }
      for (const key of Object.keys(entry)) {
        const base = key.endsWith(STDERR_SUFFIX) ? key.slice(0, -STDERR_SUFFIX.length) : null;
        if (base !== null && base !== '' && Object.hasOwn(entry, base)) continue; // read with base
        const orphan = base !== null && base !== '';
        const metric = orphan ? base : key;
        const warnings = [...taskWarnings];
        let value: number | null = null;
        let stderr: number | null = null;
        if (orphan) {
          warnings.push(
            `${quote(key)} has no ${quote(metric)} beside it in the file; read as ${quote(metric)} without a value`,
          );
          stderr = finiteOrWarn(entry[key], key, warnings, 'file');
        } else {
          value = finiteOrWarn(entry[key], metric, warnings, 'file');
          const stderrKey = `${metric}${STDERR_SUFFIX}`;
          if (Object.hasOwn(entry, stderrKey))
            stderr = finiteOrWarn(entry[stderrKey], stderrKey, warnings, 'file');
        }
        const pointer = `/results/${pointerToken(task)}/${pointerToken(key)}`;
        const record: EvidenceRecord = {
          file,
          pointer,
          line: parsed.locate(pointer).line,
          format: 'lighteval',
          model,
          benchmark,
          metric,
          filter: null,
          scorer: null,
          value,
          scale: 'unknown',
          stderr,
          n,
          n_intended: nIntended,
          date,
          status,
          warnings,
        };
        records.push(record);
        const same = `${benchmark}\u0000${metric}`;
        collapsed.set(same, [...(collapsed.get(same) ?? []), { task, record }]);
      }
    }
    for (const group of collapsed.values()) {
      const tasks = [...new Set(group.map((g) => g.task))];
      if (tasks.length < 2) continue;
      const { benchmark, metric } = group[0]!.record;
      for (const { record } of group) {
        record.warnings.push(
          `${tasks.map((t) => quote(t)).join(' and ')} are all read as benchmark ${quote(benchmark)}, metric ${quote(metric)}: a policy cannot tell their few-shot settings apart`,
        );
      }
    }
    return records;
  },
};
