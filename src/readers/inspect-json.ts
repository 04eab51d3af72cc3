/** Inspect AI JSON logs (`*.json`): streams the header and stops at `samples`; formats.md §5.6. */
import type { EvidenceReader, EvidenceRecord, FileSource } from '../core/evidence.js';
import { InputError } from '../core/errors.js';
import { parseJsonStream } from '../formats/tolerant-json.js';
import { inspectRecordsFromHeader } from './inspect-results.js';
import { headText } from './json-values.js';

/** Inspect writes `version` as the first key and `eval` soon after; lm-eval never does. */
export function looksLikeInspectJson(head: Uint8Array): boolean {
  const text = headText(head);
  return /^\s*\{\s*"version"\s*:\s*-?\d/.test(text) && /"eval"\s*:\s*\{/.test(text);
}

export const inspectJsonReader: EvidenceReader = {
  format: 'inspect-json',
  accepts(path: string, head: Uint8Array): boolean {
    return /\.json$/i.test(path) && looksLikeInspectJson(head);
  },
  async read(source: FileSource): Promise<EvidenceRecord[]> {
    // Inspect writes the header (with `results`) before `samples`, so reading stops there and a
    // gigabyte log costs its header. A log whose results would come only after the samples is
    // refused rather than read in full or, worse, read as having no results.
    const parsed = await parseJsonStream(source.chunks(), source.path, {
      stopAtTopLevelKey: 'samples',
    });
    const header = parsed.value as Record<string, unknown> | null;
    if (
      parsed.stoppedAt !== null &&
      header !== null &&
      typeof header === 'object' &&
      !('results' in header) &&
      header.status !== 'started'
    ) {
      throw new InputError(
        'inspect-order',
        '`samples` comes before `results` in this log, so its results cannot be read from the header',
        { file: source.path, ...parsed.locate('/samples'), key: 'samples' },
        'commit the log as Inspect writes it (results before samples); `inspect log convert` rewrites it',
      );
    }
    return inspectRecordsFromHeader(parsed.value, {
      file: source.path,
      format: 'inspect-json',
      pointerPrefix: '',
      locate: parsed.locate,
    });
  },
};
