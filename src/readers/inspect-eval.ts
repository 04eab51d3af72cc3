/**
 * Inspect AI `.eval` logs (zip archives): reads only `header.json` through the central directory,
 * never the samples; formats.md §5.5.
 */
import { InputError, isInputError } from '../core/errors.js';
import type { EvidenceReader, EvidenceRecord, FileSource } from '../core/evidence.js';
import { parseJsonBytes, type ParsedJson } from '../formats/tolerant-json.js';
import { openZip, readZipMember } from '../formats/zip.js';
import { inspectRecordsFromHeader } from './inspect-results.js';

/** header.json is a few KB in every real log; anything near this is hostile. */
export const MAX_HEADER_BYTES = 64 * 1024 * 1024;
const HEADER = 'header.json';
const JOURNAL_START = '_journal/start.json';

async function checkZipMagic(source: FileSource): Promise<void> {
  const head = await source.read(0, 64);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return;
  const lfs = new TextDecoder('utf-8').decode(head).startsWith('version https://git-lfs');
  throw new InputError(
    'inspect-not-zip',
    lfs
      ? 'the .eval file is a Git LFS pointer, not the log itself'
      : 'the .eval file is not a zip archive',
    { file: source.path },
    lfs
      ? 'fetch LFS objects in the workflow (actions/checkout with lfs: true)'
      : 'commit the .eval file exactly as Inspect wrote it',
  );
}

export const inspectEvalReader: EvidenceReader = {
  format: 'inspect-eval',
  /** Every `.eval` file is claimed, so that a broken one (or an LFS pointer) is reported, not skipped. */
  accepts(path: string): boolean {
    return /\.eval$/i.test(path);
  },
  async read(source: FileSource): Promise<EvidenceRecord[]> {
    const file = source.path;
    await checkZipMagic(source);
    const zip = await openZip(source);
    if (!zip.entries.has(HEADER)) {
      if (zip.entries.has(JOURNAL_START)) {
        throw new InputError(
          'inspect-unfinished',
          'the log has no header.json: the run never finished (status started)',
          { file, key: HEADER },
          'let the evaluation finish (or re-run it) and commit the completed log',
        );
      }
      throw new InputError(
        'inspect-shape',
        'the archive has neither header.json nor _journal/start.json: it is not an Inspect log',
        { file },
        'commit the .eval file exactly as Inspect wrote it',
      );
    }
    const bytes = await readZipMember(zip, HEADER, MAX_HEADER_BYTES);
    let parsed: ParsedJson;
    try {
      parsed = parseJsonBytes(bytes, file);
    } catch (error) {
      if (!isInputError(error)) throw error;
      const { line, column } = error.location;
      throw new InputError(
        error.code,
        `${HEADER} line ${line ?? '?'}, column ${column ?? '?'}: ${error.message}`,
        { file, key: HEADER },
        error.hint,
      );
    }
    return inspectRecordsFromHeader(parsed.value, {
      file,
      format: 'inspect-eval',
      pointerPrefix: `${HEADER}#`,
      locate: null,
    });
  },
};
