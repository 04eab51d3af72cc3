/** Inspect AI JSON logs (`*.json`): streams the header and stops at `samples`; formats.md §5.6. */
import type { EvidenceReader, EvidenceRecord, FileSource } from '../core/evidence.js';
import { parseJsonStream } from '../formats/tolerant-json.js';
import { inspectRecordsFromHeader } from './inspect-results.js';

const HEAD_DECODER = new TextDecoder('utf-8');

/** Inspect writes `version` as the first key and `eval` soon after; lm-eval never does. */
export function looksLikeInspectJson(head: Uint8Array): boolean {
  const text = HEAD_DECODER.decode(head).replace(/^\uFEFF/, '');
  return /^\s*\{\s*"version"\s*:\s*-?\d/.test(text) && /"eval"\s*:\s*\{/.test(text);
}

export const inspectJsonReader: EvidenceReader = {
  format: 'inspect-json',
  accepts(path: string, head: Uint8Array): boolean {
    return /\.json$/i.test(path) && looksLikeInspectJson(head);
  },
  async read(source: FileSource): Promise<EvidenceRecord[]> {
    const parsed = await parseJsonStream(source.chunks(), source.path, {
      stopAtTopLevelKey: 'samples',
    });
    return inspectRecordsFromHeader(parsed.value, {
      file: source.path,
      format: 'inspect-json',
      pointerPrefix: '',
      locate: parsed.locate,
    });
  },
};
