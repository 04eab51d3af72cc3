/**
 * Declared levels (`declared_levels`, for RSP v3.x, where a level names the mitigations in
 * place): each model's level of each kind is stated in a trusted, unexpired
 * `declaration: <level>` attestation approved by every signer role. The model's level is the
 * higher of the declared one and the one its thresholds require; a declaration never lowers it.
 */
import { ACTIVE, type Levels, type ModelDecision } from './decision.js';
import type { Attestation, ModelState } from './inputs.js';
import type { TrustedAttestation } from './judge-thresholds.js';
import { approversFit, appliesTo, datedAhead, isExpired } from './people.js';
import { KINDS, levelRank, type Kind, type Policy } from '../policy/types.js';

/** A reason without its model (as model-reasons.ts builds them). */
type DeclarationReason = {
  code: string;
  severity: 'block' | 'review' | 'info';
  message: string;
  file: string | null;
  line: number | null;
};

export interface Declarations {
  /** The declaration that counts for each kind: the latest valid one (the higher level on a tie). */
  counted: Partial<Record<Kind, Attestation>>;
  /** Trusted declarations for the model that do not count, and why. */
  rejected: { attestation: Attestation; why: string }[];
}

/** Why a trusted declaration does not count, or null when it does. */
function refusal(
  policy: Policy,
  a: Attestation,
  teams: Map<string, string[]> | null,
  now: Date,
): string | null {
  const rules = policy.declaredLevels;
  if (rules === null) return 'the policy has no `declared_levels`, so levels are not declared';
  const fit = approversFit(policy, a.approvedBy, rules.signers, teams, true);
  if (!fit.ok) return `${fit.why} (a declaration needs ${rules.signers.join(' and ')})`;
  // The latest declaration counts, so one dated ahead would outrank every real one until then.
  if (datedAhead(a.date!, now))
    return `dated ${a.date!}, after today, so it cannot show when it was made`;
  return isExpired(a.date, a.expires, rules.expiresAfterDays, now);
}

/** Whether `a` replaces `b` as the declaration that counts: later, or the same day and higher. */
function supersedes(policy: Policy, a: Attestation, b: Attestation): boolean {
  // A declaration is always dated: the attestation schema requires it.
  const [da, db] = [a.date!, b.date!];
  return da > db || (da === db && levelRank(policy, a.target) > levelRank(policy, b.target));
}

export function judgeDeclarations(
  policy: Policy,
  modelId: string,
  attestations: TrustedAttestation[],
  teams: Map<string, string[]> | null,
  now: Date,
): Declarations {
  const result: Declarations = { counted: {}, rejected: [] };
  for (const { attestation: a, trusted } of attestations) {
    // An untrusted one is reported as such by the state's reasons (attestation-untrusted).
    if (!trusted || a.kind !== 'declaration' || !appliesTo(a, modelId)) continue;
    const why = refusal(policy, a, teams, now);
    if (why !== null) {
      result.rejected.push({ attestation: a, why });
      continue;
    }
    for (const kind of a.levelKind ? [a.levelKind] : KINDS) {
      const current = result.counted[kind];
      if (current === undefined || supersedes(policy, a, current)) result.counted[kind] = a;
    }
  }
  return result;
}

/** The declared levels for the record: null unless each kind has a declaration that counts. */
export function declaredLevels(declarations: Declarations): Levels | null {
  const { deployment, security } = declarations.counted;
  return deployment && security
    ? { deployment: deployment.target, security: security.target }
    : null;
}

/** The higher of the computed and the declared level, per kind. */
export function withDeclared(policy: Policy, computed: Levels, declarations: Declarations): Levels {
  const levels = { ...computed };
  for (const kind of KINDS) {
    const declared = declarations.counted[kind]?.target ?? levels[kind];
    // Stryker disable next-line EqualityOperator: at equal rank the declared level is the computed one (levels are unique), so >= assigns the same level
    if (levelRank(policy, declared) > levelRank(policy, levels[kind])) levels[kind] = declared;
  }
  return levels;
}

/**
 * What the declarations say, with `computed` the levels the thresholds alone require: a kind with
 * no declaration blocks (`level-undeclared`), a declaration below the evidence blocks
 * (`declaration-below-evidence`; the higher level applies), one that counts is noted.
 */
export function declarationReasons(
  policy: Policy,
  model: ModelState,
  decision: ModelDecision,
  computed: Levels,
  attestations: TrustedAttestation[],
  teams: Map<string, string[]> | null,
  now: Date,
): DeclarationReason[] {
  const declarations = judgeDeclarations(policy, model.id, attestations, teams, now);
  const out: DeclarationReason[] = declarations.rejected.map(({ attestation: a, why }) => ({
    code: 'declaration-not-counted',
    severity: 'info',
    message: `declaration of ${a.target}${a.levelKind ? ` ${a.levelKind}` : ''} for ${model.id} is not counted: ${why}`,
    file: a.file,
    line: a.line,
  }));
  const rules = policy.declaredLevels;
  if (rules === null) return out;
  for (const kind of KINDS) {
    const counted = declarations.counted[kind];
    if (counted === undefined) {
      out.push({
        code: 'level-undeclared',
        severity: 'block',
        message: `${model.id} has no declared ${kind} level: the policy (declared_levels) needs a dated \`declaration: <level>\` attestation for this model approved by ${rules.signers.join(' and ')}${declarations.rejected.length > 0 ? `; ${declarations.rejected.length} declaration${declarations.rejected.length === 1 ? ' is' : 's are'} not counted (see the notes)` : ''}`,
        file: model.card,
        line: model.line,
      });
      continue;
    }
    const at = `${counted.file}:${counted.line}`;
    const required = computed[kind];
    if (levelRank(policy, counted.target) < levelRank(policy, required)) {
      const because = decision.thresholds
        .filter((t) => ACTIVE.has(t.status) && t.requires[kind] === required)
        .map((t) => t.id);
      out.push({
        code: 'declaration-below-evidence',
        severity: 'block',
        message: `${model.id} declares ${kind} ${counted.target} (${at}), below ${required}, which ${because.length > 0 ? `${because.join(', ')} require${because.length === 1 ? 's' : ''}` : 'the baseline requires'}: ${required} applies; a new declaration of at least ${required}, approved by ${rules.signers.join(' and ')}, is needed`,
        file: counted.file,
        line: counted.line,
      });
      continue;
    }
    out.push({
      code: 'level-declared',
      severity: 'info',
      message: `${model.id} ${kind} ${counted.target} as declared in ${at} (the thresholds alone require ${required})`,
      file: counted.file,
      line: counted.line,
    });
  }
  return out;
}
