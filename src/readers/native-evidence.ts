/**
 * Native evidence files (`*.evidence.yml`): results no harness produces — uplift trials,
 * red-team reports, expert surveys. Strict: the file must match evidence.schema.json.
 */
import type {
  EvidenceReader,
  EvidenceRecord,
  FileSource,
  RunStatus,
  Scale,
} from '../core/evidence.js';
import { InputError } from '../core/errors.js';
import { validateDocument } from '../formats/validate.js';
import { parseYaml } from '../formats/yaml.js';
import { readText } from './decode-text.js';
import { quote } from './quote.js';

/** The shape evidence.schema.json guarantees once validation has passed. */
interface NativeResult {
  benchmark: string;
  metric: string;
  value: number;
  date: string;
  source: string;
  stderr?: number;
  n?: number;
  n_intended?: number;
  scale?: 'fraction' | 'percent' | 'unbounded';
  status?: 'success' | 'partial' | 'error' | 'cancelled';
  note?: string;
}

interface NativeEvidence {
  model: string;
  results: NativeResult[];
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|([+-])(\d{2})(?::?(\d{2}))?))?$/;
/** A date-time without a time zone (`2026-05-23T10:00:00`): legal in some files, never here. */
const ZONELESS_DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a date-time that names no time zone, which normaliseDate refuses. */
export function isZonelessDateTime(text: string): boolean {
  return ZONELESS_DATE_TIME.test(text);
}

/**
 * An RFC 3339 date or date-time (as the schema's `date` / `date-time` formats accept) as ISO
 * UTC: `2026-10-01` → `2026-10-01T00:00:00.000Z`; offsets are applied. Null when unreadable or
 * impossible (month 13, 30 February, hour 24, an offset of 24 hours): `Date` would roll those
 * over into another day. Second 60 (a leap second) is allowed, as RFC 3339 allows it.
 */
export function normaliseDate(text: string): string | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', , sign, tzh = '0', tzm = '0'] = m;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  if (Number(tzh) > 23 || Number(tzm) > 59) return null;
  const ms = Number(`${frac}000`.slice(0, 3));
  const offsetMinutes =
    sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(tzh) * 60 + Number(tzm));
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day); // not Date.UTC, which maps years 0-99 to 19xx
  local.setUTCHours(Number(h), Number(mi), Number(s), ms); // a leap second rolls into the next day
  const utc = local.getTime() - offsetMinutes * 60_000;
  return Number.isFinite(utc) ? new Date(utc).toISOString() : null;
}

function isNativeEvidenceFile(path: string): boolean {
  return /\.evidence\.ya?ml$/i.test(path);
}

export const nativeEvidenceReader: EvidenceReader = {
  format: 'native',
  accepts(path: string): boolean {
    return isNativeEvidenceFile(path);
  },
  async read(source: FileSource): Promise<EvidenceRecord[]> {
    const file = source.path;
    const text = await readText(source);
    const doc = parseYaml(text, file);
    validateDocument(doc, 'evidence', 'evidence file');
    const evidence = doc.value as NativeEvidence;
    return evidence.results.map((result, i): EvidenceRecord => {
      const pointer = `/results/${i}/value`;
      const date = normaliseDate(result.date);
      if (date === null) {
        // The schema accepted it, so this is a gap between ajv-formats and our parser.
        throw new InputError(
          'schema',
          `evidence file: results[${i}].date: cannot read date ${quote(result.date)}`,
          { file, ...doc.locate(`/results/${i}/date`), key: `results[${i}].date` },
          'write a date as YYYY-MM-DD or a date-time with a time zone, e.g. 2026-10-01T12:00:00Z',
        );
      }
      return {
        file,
        pointer,
        line: doc.locate(pointer).line,
        format: 'native',
        model: evidence.model,
        benchmark: result.benchmark,
        metric: result.metric,
        filter: null,
        scorer: null,
        value: result.value,
        scale: (result.scale ?? 'unknown') satisfies Scale,
        stderr: result.stderr ?? null,
        n: result.n ?? null,
        n_intended: result.n_intended ?? null,
        date,
        status: (result.status ?? 'success') satisfies RunStatus,
        warnings: [],
      };
    });
  },
};
