/**
 * How the comment, the terminal and `rsp-gate explain` show sign-off expiry and declared levels
 * (issue 11 D and F): "valid until", what expired and how to renew it, and the declared level.
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Attestation, Review } from '../../src/core/inputs.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { renderExplanation } from '../../src/render/render-explanation.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { renderText } from '../../src/render/render-text.js';
import {
  NOW,
  TEST_POLICY,
  approve,
  asl2Attestations,
  attestation,
  belowEverything,
  context,
  model,
  record,
  state,
} from '../helpers/build.js';

const RULE = 'signoffs:\n  - { level: ASL-3, roles: [ceo, rso] }';
const POLICY = TEST_POLICY.replace(RULE, `${RULE.slice(0, -2)}, expires_after_days: 365 }`);

const asl3 = () => [
  record('bio-uplift-trial', 'ratio', 5.3),
  record('longform-virology', 'score', 0.3),
  record('ai-research-suite-2', 'score', 0.2),
];

function judged(text: string, attestations: Attestation[], reviews: Review[], evidence = asl3()) {
  const policy = loadPolicy(text, '.github/rsp-policy.yml');
  const record = evaluate({
    policy,
    head: state([model(evidence)], [...asl2Attestations(), ...attestations]),
    base: null,
    context: context({ reviews }),
    policyChange: null,
    now: NOW,
  });
  return {
    record,
    comment: renderMarkdown(record, { headSha: 'head1234567' }),
    text: renderText(record),
    explanation: renderExplanation(record, record.models[0]!, policy),
  };
}

describe('sign-offs with an expiry', () => {
  // Judged inside each test, never while the file is collected: code run at collection makes
  // every mutant it reaches "static" to Stryker, re-tested by the whole suite (vitest.stryker.config.ts).
  const expiring = () =>
    judged(
      POLICY,
      [
        attestation({
          kind: 'signoff',
          target: 'ASL-3',
          approvedBy: ['alice'],
          date: '2025-11-01',
        }),
      ],
      [approve('carol', 'head1', '2026-11-20T08:00:00Z')],
    );

  test('the comment says until when a sign-off is valid, and what expired and how to renew it', () => {
    const { comment } = expiring();
    expect(comment).toContain(
      '- ✅ `ceo` — @carol (approving review of 2026-11-20), valid until 2027-11-19',
    );
    expect(comment).toContain(
      '- ⏰ `rso` — the sign-off by @alice (signed attestation of 2025-11-01) has expired (valid until 2026-10-31): renew with an approving review on `head123`, or a new dated `signoff: ASL-3` attestation',
    );
    // The expired sign-off is listed among what unblocks, not again under "Also blocking".
    expect(comment).toMatch(/approving reviews on `head123` from `rso` \(sign-off for `acme\/m`\)/);
    expect(comment).not.toMatch(/Also blocking:[\s\S]*has expired: it was valid until/);
  });

  test('the terminal and the explanation show it too', () => {
    const { text, explanation } = expiring();
    expect(text).toContain('sign-off ASL-3 by ceo: ✓ @carol (review), valid until 2027-11-19');
    expect(text).toContain('sign-off ASL-3 by rso: ✗ expired, valid until 2026-10-31');
    expect(explanation).toContain(
      '✓ ASL-3 ceo by @carol (review of 2026-11-20), valid until 2027-11-19',
    );
    expect(explanation).toContain(
      '✗ ASL-3 rso by @alice (attestation of 2025-11-01) — expired, valid until 2026-10-31',
    );
    expect(explanation).toContain('[block] signoff-expired: ASL-3 sign-off by rso (@alice');
  });

  test('an undated review that expired says so', () => {
    const { comment } = judged(POLICY, [], [approve('carol', 'head1', '')]);
    expect(comment).toContain(
      '- ⏰ `ceo` — the sign-off by @carol (approving review, undated) has expired: renew with an approving review on `head123`',
    );
  });

  test('a sign-off nothing limits shows no date of expiry', () => {
    const { comment } = judged(
      TEST_POLICY,
      [],
      [approve('carol', 'head1', '2026-11-20T08:00:00Z')],
    );
    expect(comment).toContain('- ✅ `ceo` — @carol (approving review of 2026-11-20)\n');
    expect(comment).toContain(
      '- ⬜ `rso` — approving review on `head123`, or a `signoff: ASL-3` attestation',
    );
  });
});

describe('declared levels', () => {
  const DECLARED = `${TEST_POLICY}\ndeclared_levels: { signers: [ceo, rso] }\n`;

  test('the comment and the explanation show the declared level beside the level', () => {
    const { comment, explanation } = judged(
      DECLARED,
      [
        attestation({
          kind: 'declaration',
          target: 'ASL-3',
          approvedBy: ['alice', 'carol'],
          date: '2026-11-01',
        }),
      ],
      [],
      belowEverything(),
    );
    expect(comment).toContain('| `acme/m` | ASL-3 (declared ASL-3) | ASL-3 (declared ASL-3) |');
    expect(explanation).toContain(
      'declared deployment ASL-3, security ASL-3 (the level is the higher of declared and required by the thresholds)',
    );
  });

  test('without a declaration that counts, no declared level is shown and the block says why', () => {
    const { comment, explanation } = judged(DECLARED, [], [], belowEverything());
    expect(comment).toContain('| `acme/m` | ASL-2 | ASL-2 |');
    expect(comment).toContain('acme/m has no declared deployment level');
    expect(explanation).not.toMatch(/^declared deployment/m);
  });
});
