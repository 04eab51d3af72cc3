/** Small shared views of a decision record, used by every renderer. */
import type { DecisionRecord, ModelDecision, Reason, SignoffResult } from '../core/decision.js';
import { datedAhead } from '../core/people.js';

export function blockingReasons(record: DecisionRecord): Reason[] {
  return record.reasons.filter((r) => r.severity === 'block');
}

export function reviewFlags(record: DecisionRecord): Reason[] {
  return record.reasons.filter((r) => r.severity === 'review');
}

export function reasonsFor(record: DecisionRecord, model: ModelDecision): Reason[] {
  return record.reasons.filter((r) => r.model === model.id);
}

export function isModelBlocked(record: DecisionRecord, model: ModelDecision): boolean {
  return reasonsFor(record, model).some((r) => r.severity === 'block');
}

export function location(file: string | null, line: number | null): string {
  if (file === null) return '';
  return line === null ? file : `${file}:${line}`;
}

/** "ASL-3" or "ASL-3 (was ASL-2)". */
export function levelChange(now: string, was: string | undefined | null): string {
  return was && was !== now ? `${now} (was ${was})` : now;
}

/** The thresholds that set a model's levels above the baseline. */
export function decidingThresholds(model: ModelDecision): string[] {
  return model.thresholds
    .filter((t) => t.status === 'crossed' || t.status === 'not_ruled_out')
    .map((t) => `${t.id} ${t.status === 'crossed' ? 'crossed' : 'not ruled out'}`);
}

export function countSatisfied(model: ModelDecision): { satisfied: number; total: number } {
  return {
    satisfied: model.safeguards.filter((s) => s.status === 'satisfied').length,
    total: model.safeguards.length,
  };
}

/** What a pass says about the models it covered. */
export function passedModels(record: DecisionRecord): string {
  const n = record.models.length;
  if (n === 0)
    return record.scope?.kind === 'cards' ? 'this change touches no model' : 'no model cards found';
  return n === 1
    ? '1 model meets its required safeguards'
    : `${n} models meet their required safeguards`;
}

/**
 * A sign-off the engine marked expired because it is dated after the judgment: it never counted,
 * so it has no "valid until" to show.
 */
export function signedAhead(s: SignoffResult, evaluatedAt: string): boolean {
  return s.status === 'expired' && s.date !== null && datedAhead(s.date, new Date(evaluatedAt));
}
