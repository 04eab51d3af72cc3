/**
 * How the comment and `rsp-gate explain` show a value too close to rule out and an alert
 * threshold: reached or not, answered or not, and that it does not raise the level.
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { EvidenceRecord } from '../../src/core/evidence.js';
import type { Attestation } from '../../src/core/inputs.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { escapeText } from '../../src/render/markdown-text.js';
import { renderExplanation } from '../../src/render/render-explanation.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import {
  NOW,
  TEST_POLICY,
  asl2Attestations,
  attestation,
  belowEverything,
  context,
  model,
  record,
  state,
} from '../helpers/build.js';

const ANCHOR = '    max_evidence_age_days: 180\n';
const UPLIFT_LINE = '      - { benchmark: bio-uplift-trial, lte: 2.8, provenance: published }';

function policy() {
  expect(TEST_POLICY).toContain(ANCHOR);
  expect(TEST_POLICY).toContain(UPLIFT_LINE);
  return loadPolicy(
    TEST_POLICY.replace(
      UPLIFT_LINE,
      UPLIFT_LINE.replace(
        ' }',
        ', too_close_within: { absolute: 0.3, provenance: illustrative } }',
      ),
    ).replace(
      ANCHOR,
      `${ANCHOR}    alert_if:\n      - { benchmark: wmdp-bio, gte: 0.6, provenance: illustrative }\n    alert_response: { report: cbrn-response-plan, signers: [ceo, rso] }\n`,
    ),
    '.github/rsp-policy.yml',
  );
}

const wmdp = (value: number) =>
  record('wmdp-bio', 'accuracy', value, { file: 'models/m/evals/wmdp.evidence.yml', line: 12 });
const plan = attestation({
  kind: 'report',
  target: 'cbrn-response-plan',
  approvedBy: ['alice', 'carol'],
  file: 'safeguards/plan.yml',
  line: 6,
});

function judged(evidence: EvidenceRecord[], attestations: Attestation[] = []) {
  const p = policy();
  const result = evaluate({
    policy: p,
    head: state([model(evidence)], [...asl2Attestations(), ...attestations]),
    base: null,
    context: context(),
    policyChange: null,
    now: NOW,
  });
  return {
    comment: renderMarkdown(result, { blobUrl: 'https://github.com/acme/models/blob/abc/' }),
    explanation: renderExplanation(result, result.models[0]!, p),
  };
}

describe('an alert threshold in the comment', () => {
  test('reached without its response: listed beside the level, a step to unblock, not repeated under Also blocking', () => {
    const { comment } = judged([...belowEverything(), wmdp(0.65)]);
    expect(comment).toContain(
      `**Alert thresholds reached** (an alert does not raise the level):\n- \`acme/m\`: alert for \`CBRN-3\` reached — ${escapeText('0.65 meets wmdp-bio accuracy ≥ 0.6')} [\`models/m/evals/wmdp.evidence.yml:12\`](https://github.com/acme/models/blob/abc/models/m/evals/wmdp.evidence.yml#L12). ⬜ needs a \`report: cbrn-response-plan\` attestation signed by \`ceo\` and \`rso\``,
    );
    expect(comment).toContain(
      '1. add a `report: cbrn-response-plan` attestation for `acme/m` signed by `ceo` and `rso` (alert for `CBRN-3`)',
    );
    expect(comment).not.toContain('**Also blocking:**');
    expect(comment).toMatch(/^## 🔴 rsp-gate: blocked/m);
  });

  test('reached and answered: listed with the signed response, and the comment passes', () => {
    const { comment } = judged([...belowEverything(), wmdp(0.65)], [plan]);
    expect(comment).toContain(
      '✅ response `report: cbrn-response-plan` signed [`safeguards/plan.yml:6`](https://github.com/acme/models/blob/abc/safeguards/plan.yml#L6)',
    );
    expect(comment).toMatch(/^## 🟢 rsp-gate: pass/m);
  });

  test('not reached: no alert section', () => {
    expect(judged([...belowEverything(), wmdp(0.5)]).comment).not.toContain('Alert thresholds');
  });
});

describe('an alert threshold in the explanation', () => {
  test('reached without its response says so, with the condition that holds', () => {
    const { explanation } = judged([...belowEverything(), wmdp(0.65)]);
    expect(explanation).toContain(
      '    alert: reached; response report: cbrn-response-plan signed by ceo and rso is missing (an alert does not raise the level)\n      ✓ alert_if  wmdp-bio accuracy ≥ 0.6 [illustrative; policy .github/rsp-policy.yml:',
    );
    expect(explanation).toContain('          0.65 meets wmdp-bio accuracy ≥ 0.6\n');
  });

  test('reached and answered points at the report', () => {
    expect(judged([...belowEverything(), wmdp(0.65)], [plan]).explanation).toContain(
      '    alert: reached; response report: cbrn-response-plan signed by ceo and rso at safeguards/plan.yml:6 (an alert does not raise the level)',
    );
  });

  test('not reached says so, with no conditions', () => {
    const { explanation } = judged([...belowEverything(), wmdp(0.5)]);
    expect(explanation).toContain(
      '    alert: not reached (an alert does not raise the level)\n  AI-RND-4 → ruled_out',
    );
  });
});

describe('a value too close to rule out', () => {
  const close = () => [
    record('bio-uplift-trial', 'ratio', 2.53, { file: 'models/m/evals/uplift.yml', line: 3 }),
    ...belowEverything().slice(1),
  ];

  test('the comment says why the threshold counts as crossed, and marks the value in the table', () => {
    const { comment } = judged(close());
    expect(comment).toContain(
      `- \`acme/m\`: \`bio-uplift-trial ratio\`: ${escapeText('2.53 is within 0.3 of the rule-out line bio-uplift-trial ratio ≤ 2.8 (illustrative band): too close to rule out')} (CBRN-3 not ruled out, counts as crossed) — [\`models/m/evals/uplift.yml:3\`]`,
    );
    expect(comment).toContain('| 2.53 (too close) | ≤ 2.8 (published) |');
  });

  test('the explanation gives the note under the condition', () => {
    expect(judged(close()).explanation).toContain(
      '        2.53 is within 0.3 of the rule-out line bio-uplift-trial ratio ≤ 2.8 (illustrative band): too close to rule out\n',
    );
  });
});
