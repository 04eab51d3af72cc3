/**
 * Evidence that a change removes or rewrites to look weaker. A lower dangerous-capability score
 * in an artifact that already existed is exactly what a rushed release would do; the policy
 * owners must look at it.
 */
import type { Reason } from './decision.js';
import type { RepositoryState } from './inputs.js';
import {
  bindEvidence,
  createBenchmarkIndex,
  metricLabel,
  type BoundRecord,
} from './normalise-evidence.js';
import type { Policy } from '../policy/types.js';

/** Only records some condition reads: other metrics of a task are not evidence and never block. */
function byFile(
  state: RepositoryState,
  policy: Policy,
  index: ReturnType<typeof createBenchmarkIndex>,
): Map<string, BoundRecord[]> {
  const files = new Map<string, BoundRecord[]>();
  for (const model of state.models) {
    for (const bound of bindEvidence(model.evidence, policy, index).bound) {
      const list = files.get(bound.record.file) ?? [];
      if (!list.some((b) => b.record.pointer === bound.record.pointer)) list.push(bound);
      files.set(bound.record.file, list);
    }
  }
  return files;
}

function label(b: BoundRecord): string {
  return `${b.benchmark.id} ${metricLabel(b.record)}`;
}

function sameMetric(a: BoundRecord, b: BoundRecord): boolean {
  return (
    a.benchmark.id === b.benchmark.id &&
    a.record.metric === b.record.metric &&
    a.record.filter === b.record.filter &&
    a.record.scorer === b.record.scorer
  );
}

export function compareStates(
  policy: Policy,
  base: RepositoryState,
  head: RepositoryState,
): Omit<Reason, 'severity'>[] {
  const index = createBenchmarkIndex(policy);
  const before = byFile(base, policy, index);
  const after = byFile(head, policy, index);
  const stillRead = new Set(head.models.flatMap((m) => m.evidence.map((r) => r.file)));
  const out: Omit<Reason, 'severity'>[] = [];

  for (const [file, records] of before) {
    const now = after.get(file);
    if (!now) {
      const where = stillRead.has(file)
        ? 'is still in this change but no longer reports anything the policy reads'
        : 'is gone from this change';
      out.push({
        code: 'evidence-removed',
        message: `${file} was evidence for ${[...new Set(records.map(label))].join(', ')} and ${where}`,
        file,
        line: null,
      });
      continue;
    }
    for (const old of records) {
      const match =
        now.find((b) => b.record.pointer === old.record.pointer && sameMetric(b, old)) ??
        now.find((b) => sameMetric(b, old));
      if (!match) {
        out.push({
          code: 'evidence-removed',
          message: `${file} no longer reports ${label(old)} (was ${old.value ?? 'no value'})`,
          file,
          line: old.record.line,
        });
        continue;
      }
      if (old.value === null || match.value === null) {
        if (old.value !== null)
          out.push({
            code: 'evidence-weakened',
            message: `${file}: ${label(old)} was ${old.value} and now has no usable value`,
            file,
            line: match.record.line,
          });
        continue;
      }
      const weaker = old.benchmark.higherIsBetter
        ? match.value < old.value
        : match.value > old.value;
      if (weaker) {
        out.push({
          code: 'evidence-weakened',
          message: `${file}: ${label(old)} changed from ${old.value} to ${match.value} in an existing artifact, which reads as less capable`,
          file,
          line: match.record.line,
        });
      }
    }
  }
  for (const [file, records] of after) {
    if (!before.has(file)) {
      out.push({
        code: 'evidence-added',
        message: `${file} is new evidence for ${[...new Set(records.map(label))].join(', ')}`,
        file,
        line: records[0]!.record.line,
      });
    }
  }
  return out;
}
