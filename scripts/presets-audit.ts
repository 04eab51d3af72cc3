/**
 * Audits the citations of the shipped presets:
 *
 *   npm run presets:audit          (npx tsx scripts/presets-audit.ts [src/presets])
 *
 * Every number a preset labels `provenance: published` (a condition of rule_in, rule_out,
 * review_if or alert_if, nested any/all included, and a rule-out's too_close_within band) must
 * have a `source` that names a document and a section of it (§, Section, Table, App., Appendix,
 * Fig.). Prints each offender as `preset:line: what: why`, then a summary line, and exits 1 when
 * there is any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseYaml, type LocatedDocument } from '../src/formats/yaml.js';

export interface Offender {
  preset: string;
  line: number;
  /** The threshold, rule, benchmark, comparison and whether it is the condition or its band. */
  what: string;
  why: string;
}

export interface Audit {
  /** Published numbers checked. */
  published: number;
  offenders: Offender[];
}

const RULES = ['rule_in', 'rule_out', 'review_if', 'alert_if'] as const;
const COMPARATORS = ['gt', 'gte', 'lt', 'lte', 'eq'] as const;

/** A reference to a part of a document: `§7.2`, `Section 3`, `Table 1`, `App. C`, `Fig. 4`. */
const SECTION =
  /§+\s*[\w.()-]*|\b(?:section|table|appendix|figure)\b\s*[\w.()-]*|\b(?:app|fig)\.\s*[\w.()-]*/gi;
/** Words that name no document: what is left of "see §3 and Table 1" is not a title. */
const FILLER = new Set(['see', 'and', 'or', 'of', 'in', 'at', 'the', 'per', 'cf', 'p', 'pp']);

/** Why a published number's source is not good enough, or null when it names both. */
export function sourceProblem(source: unknown): string | null {
  if (typeof source !== 'string' || source.trim() === '') return 'source missing';
  if (source.match(SECTION) === null) return `source "${source}" does not name a section`;
  const rest = source.replace(SECTION, ' ').match(/[A-Za-z]{2,}/g) ?? [];
  if (!rest.some((word) => !FILLER.has(word.toLowerCase())))
    return `source "${source}" does not name a document`;
  return null;
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

interface Walk {
  preset: string;
  doc: LocatedDocument;
  audit: Audit;
}

/** Check one published number: the condition or band at `pointer`, described as `what`. */
function checkPublished(walk: Walk, node: Node, pointer: string, what: string): void {
  if (node.provenance !== 'published') return;
  walk.audit.published += 1;
  const why = sourceProblem(node.source);
  if (why === null) return;
  const at = node.source === undefined ? `${pointer}/provenance` : `${pointer}/source`;
  walk.audit.offenders.push({ preset: walk.preset, line: walk.doc.locate(at).line, what, why });
}

function checkConditions(walk: Walk, list: unknown, pointer: string, label: string): void {
  if (!Array.isArray(list)) return;
  list.forEach((condition: unknown, i) => {
    if (!isNode(condition)) return;
    const here = `${pointer}/${i}`;
    for (const group of ['any', 'all'] as const)
      checkConditions(walk, condition[group], `${here}/${group}`, label);
    const op = COMPARATORS.find((c) => condition[c] !== undefined);
    if (op === undefined) return;
    const what = `${label} ${String(condition.benchmark)} ${op} ${String(condition[op])}`;
    checkPublished(walk, condition, here, what);
    if (isNode(condition.too_close_within))
      checkPublished(
        walk,
        condition.too_close_within,
        `${here}/too_close_within`,
        `${what} too_close_within band`,
      );
  });
}

/** Audit one preset's text; `preset` names it in every offender. */
export function auditPreset(preset: string, text: string): Audit {
  const doc = parseYaml(text, `preset:${preset}`);
  const audit: Audit = { published: 0, offenders: [] };
  const thresholds = isNode(doc.value) ? doc.value.thresholds : undefined;
  if (!Array.isArray(thresholds)) return audit;
  thresholds.forEach((threshold: unknown, i) => {
    if (!isNode(threshold)) return;
    for (const rule of RULES) {
      const label = `${String(threshold.id)} ${rule}`;
      checkConditions({ preset, doc, audit }, threshold[rule], `/thresholds/${i}/${rule}`, label);
    }
  });
  return audit;
}

/** Every shipped preset: the `.yml` files of the presets directory, by name. */
export function auditPresets(directory: string): { presets: number; audit: Audit } {
  const files = readdirSync(directory)
    .filter((f) => f.endsWith('.yml'))
    .sort();
  const audit: Audit = { published: 0, offenders: [] };
  for (const file of files) {
    const one = auditPreset(basename(file, '.yml'), readFileSync(join(directory, file), 'utf8'));
    audit.published += one.published;
    audit.offenders.push(...one.offenders);
  }
  return { presets: files.length, audit };
}

export function formatOffender(o: Offender): string {
  return `${o.preset}:${o.line}: ${o.what}: ${o.why}`;
}

function main(): void {
  const directory = resolve(process.argv[2] ?? join(import.meta.dirname, '../src/presets'));
  const { presets, audit } = auditPresets(directory);
  for (const offender of audit.offenders) console.log(formatOffender(offender));
  console.log(
    `presets:audit: ${presets} presets, ${audit.published} published numbers, ${audit.offenders.length} without a source naming a document and a section`,
  );
  process.exitCode = audit.offenders.length > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  main();
