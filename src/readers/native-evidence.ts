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

/**
 * An RFC 3339 date or date-time (as the schema's `date` / `date-time` formats accept) as ISO
 * UTC: `2026-10-01` → `2026-10-01T00:00:00.000Z`; offsets are applied. Null when unreadable.
 */
export function normaliseDate(text: string): string | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', , sign, tzh = '0', tzm = '0'] = m;
  const ms = Number(`${frac}000`.slice(0, 3));
  const offsetMinutes =
    sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(tzh) * 60 + Number(tzm));
  const local = new Date(Date.UTC(2000, 0, 1, Number(h), Number(mi), Number(s), ms));
  local.setUTCFullYear(Number(y), Number(mo) - 1, Number(d)); // Date.UTC maps years 0-99 to 19xx
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
