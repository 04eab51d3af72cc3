/** Attestation files: signed statements, each item located and fingerprinted. */
import { InputError } from '../core/errors.js';
import type { Attestation, AttestationKind } from '../core/inputs.js';
import { validateDocument } from '../formats/validate.js';
import { parseYaml } from '../formats/yaml.js';
import { readText } from '../readers/decode-text.js';
import type { Policy } from '../policy/types.js';
import type { RepositoryTree } from './tree.js';

interface RawItem {
  safeguard?: string;
  decision?: 'capability';
  threshold?: string;
  verdict?: 'below' | 'above';
  signoff?: string;
  override?: string;
  report?: string;
  declaration?: string;
  kind?: 'deployment' | 'security';
  reason?: string;
  evidence?: string;
  approved_by: string[];
  date?: string;
  expires?: string;
}

/** Stable text of a value with sorted keys, so reformatting a file does not change trust. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

function kindOf(item: RawItem): { kind: AttestationKind; target: string } {
  if (item.safeguard !== undefined) return { kind: 'safeguard', target: item.safeguard };
  if (item.decision !== undefined) return { kind: 'decision', target: item.threshold! };
  if (item.signoff !== undefined) return { kind: 'signoff', target: item.signoff };
  if (item.override !== undefined) return { kind: 'override', target: item.override };
  if (item.declaration !== undefined) return { kind: 'declaration', target: item.declaration };
  return { kind: 'report', target: item.report! };
}

export function parseAttestations(text: string, file: string, policy: Policy): Attestation[] {
  const doc = parseYaml(text, file);
  validateDocument(doc, 'attestations', 'attestation file');
  const { model, attestations } = doc.value as { model: string; attestations: RawItem[] };
  return attestations.map((item, i) => {
    const { kind, target } = kindOf(item);
    const at = doc.locate(`/attestations/${i}`);
    if (model === '*' && kind !== 'safeguard') {
      throw new InputError(
        'attestation-scope',
        `a ${kind} attestation must name its model; \`model: "*"\` is for org-wide safeguards only`,
        { file, ...at, key: `attestations[${i}]` },
        'move it to a file whose `model:` is the model it is about',
      );
    }
    const unknown =
      (kind === 'safeguard' && !policy.safeguards.some((s) => s.id === target)) ||
      (kind === 'decision' && !policy.thresholds.some((t) => t.id === target)) ||
      ((kind === 'signoff' || kind === 'override' || kind === 'declaration') &&
        !policy.levels.includes(target));
    if (unknown) {
      throw new InputError(
        'attestation-reference',
        `attestation names unknown ${kind === 'decision' ? 'threshold' : kind === 'safeguard' ? 'safeguard' : 'level'} \`${target}\``,
        { file, ...at, key: `attestations[${i}]` },
        kind === 'decision' || kind === 'safeguard'
          ? 'use an id from the policy (`rsp-gate explain` lists them)'
          : `levels are: ${policy.levels.join(', ')}`,
      );
    }
    return {
      file,
      line: at.line,
      model,
      kind,
      target,
      verdict: item.verdict ?? null,
      approvedBy: item.approved_by,
      date: item.date ?? null,
      expires: item.expires ?? null,
      evidence: item.evidence ?? null,
      reason: item.reason ?? null,
      ...(kind === 'declaration' ? { levelKind: item.kind ?? null } : {}),
      fingerprint: canonical({ model, item }),
    };
  });
}

export async function readAttestationFile(
  tree: RepositoryTree,
  path: string,
  policy: Policy,
): Promise<Attestation[]> {
  return parseAttestations(await readText(await tree.open(path)), path, policy);
}
