import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Attestation, Confirmation, ReviewContext } from '../../src/core/inputs.js';
import { judgeTrigger, type TriggerFacts } from '../../src/core/judge-safeguards.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
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
  testPolicy,
} from '../helpers/build.js';

/** Evidence that puts acme/m at ASL-3 deployment and security (CBRN-3 crossed). */
const asl3Evidence = () => [
  record('bio-uplift-trial', 'ratio', 5.3),
  record('longform-virology', 'score', 0.3),
  record('ai-research-suite-2', 'score', 0.2),
];

function run(
  attestations: Attestation[],
  ctx: Partial<ReviewContext> = {},
  evidence = asl3Evidence(),
) {
  return evaluate({
    policy: testPolicy(),
    head: state([model(evidence)], attestations),
    base: null,
    context: context(ctx),
    policyChange: null,
    now: NOW,
  });
}

function safeguard(result: ReturnType<typeof run>, id: string) {
  return result.models[0]!.safeguards.find((s) => s.id === id);
}

const tick = (user: string, safeguardId = 'asl3-deploy-threat-model'): Confirmation => ({
  model: 'acme/m',
  safeguard: safeguardId,
  user,
  at: '2026-11-27T09:00:00Z',
});

describe('levels', () => {
  test('computes deployment and security separately: AI R&D-4 raises security only', () => {
    const result = run(asl2Attestations(), {}, [
      record('bio-uplift-trial', 'ratio', 1.2),
      record('longform-virology', 'score', 0.3),
      record('ai-research-suite-2', 'score', 0.7),
    ]);
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-3' });
  });

  test('keeps the baseline as the floor when every threshold is ruled out', () => {
    const result = run(asl2Attestations(), {}, belowEverything());
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-2' });
    expect(result.decision).toBe('pass');
  });

  test('requires safeguards cumulatively: ASL-3 needs the ASL-2 items too', () => {
    const ids = run(asl2Attestations()).models[0]!.safeguards.map((s) => s.id);
    expect(ids).toEqual([
      'asl2-deploy-usage-policy',
      'asl2-sec-supply-chain',
      'asl3-deploy-threat-model',
      'asl3-sec-weight-access',
    ]);
  });

  test('requires a threshold-specific safeguard only while that threshold is active', () => {
    const evidence = [
      record('bio-uplift-trial', 'ratio', 1.2),
      record('longform-virology', 'score', 0.3),
      record('ai-research-suite-2', 'score', 0.7),
    ];
    expect(
      safeguard(run(asl2Attestations(), {}, evidence), 'asl3-sec-affirmative-case')?.status,
    ).toBe('missing');
    expect(safeguard(run(asl2Attestations()), 'asl3-sec-affirmative-case')).toBeUndefined();
  });
});

describe('safeguard status', () => {
  const threatModel = (extra: Partial<Attestation> = {}) =>
    attestation({
      kind: 'safeguard',
      target: 'asl3-deploy-threat-model',
      approvedBy: ['alice'],
      ...extra,
    });

  test.each([
    [
      'satisfied by an attestation from a holder of an allowed role',
      [threatModel()],
      {},
      'satisfied',
    ],
    [
      'rejected when the attesting user holds no allowed role',
      [threatModel({ approvedBy: ['mallory'] })],
      {},
      'rejected',
    ],
    [
      'expired when approved more than expires_after_days ago',
      [threatModel({ date: '2025-10-01' })],
      {},
      'expired',
    ],
    [
      'expired past an explicit expiry date',
      [threatModel({ expires: '2026-11-01' })],
      {},
      'expired',
    ],
    [
      'rejected when the author attests an independent item',
      [threatModel()],
      { author: 'alice' },
      'rejected',
    ],
    ['missing with no attestation or tick', [], {}, 'missing'],
    [
      'satisfied by a checklist tick from an allowed user',
      [],
      { confirmations: [tick('alice')] },
      'satisfied',
    ],
    ['rejected when an outsider ticks', [], { confirmations: [tick('mallory')] }, 'rejected'],
    [
      'rejected when the author ticks an independent item',
      [],
      { author: 'alice', confirmations: [tick('alice')] },
      'rejected',
    ],
    [
      'satisfied by a team member when the team membership is known',
      [],
      { confirmations: [tick('erin')], teams: new Map([['acme/rsp-office', ['erin']]]) },
      'satisfied',
    ],
    [
      'rejected for a team member when team membership cannot be read',
      [],
      { confirmations: [tick('erin')] },
      'rejected',
    ],
    [
      'satisfied when a valid tick outweighs an outsider tick',
      [],
      { confirmations: [tick('mallory'), tick('alice')] },
      'satisfied',
    ],
  ] as const)('%s', (_name, attestations, ctx, expected) => {
    const result = run([...asl2Attestations(), ...attestations], ctx as Partial<ReviewContext>);
    expect(safeguard(result, 'asl3-deploy-threat-model')!.status).toBe(expected);
  });

  test('says why a team member was not counted when the token cannot read teams', () => {
    const s = safeguard(
      run(asl2Attestations(), { confirmations: [tick('erin')] }),
      'asl3-deploy-threat-model',
    )!;
    expect(s.rejected).toEqual([
      {
        user: 'erin',
        why: 'holds none of rso as far as the gate can see: team membership of acme/rsp-office cannot be read with this token',
      },
    ]);
  });

  test('an org-wide attestation (model "*") applies to every model', () => {
    const result = evaluate({
      policy: testPolicy(),
      head: state(
        [
          model(belowEverything()),
          model(belowEverything(), { id: 'acme/n', card: 'models/n/MODEL_CARD.md' }),
        ],
        asl2Attestations(),
      ),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.models.map((m) => m.id)).toEqual(['acme/m', 'acme/n']);
    for (const m of result.models)
      expect(
        m.safeguards.map((s) => [s.id, s.status, s.note]),
        m.id,
      ).toEqual([
        ['asl2-deploy-usage-policy', 'satisfied', 'attested in safeguards/m.yml:4'],
        ['asl2-sec-supply-chain', 'satisfied', 'attested in safeguards/m.yml:4'],
      ]);
  });
});

describe('trust in attestations', () => {
  const baseWith = (attestations: Attestation[]) =>
    state([model(asl3Evidence())], [...asl2Attestations(), ...attestations]);
  const threatModel = attestation({
    kind: 'safeguard',
    target: 'asl3-deploy-threat-model',
    approvedBy: ['alice'],
  });

  function judge(ctx: Partial<ReviewContext>, inBase: boolean) {
    return evaluate({
      policy: testPolicy(),
      head: state([model(asl3Evidence())], [...asl2Attestations(), threatModel]),
      base: baseWith(inBase ? [threatModel] : []),
      context: context(ctx),
      policyChange: null,
      now: NOW,
    }).models[0]!.safeguards.find((s) => s.id === 'asl3-deploy-threat-model')!;
  }

  test.each([
    ['trusted when it is already on the base branch', {}, true, 'satisfied'],
    ['not trusted when added in the change without approvals', {}, false, 'missing'],
    [
      'trusted when added in the change and every named approver approved the head commit',
      { reviews: [approve('alice')] },
      false,
      'satisfied',
    ],
    [
      'not trusted when the approval is on an older commit',
      { reviews: [approve('alice', 'old0')] },
      false,
      'missing',
    ],
    [
      'not trusted when the approver later requested changes',
      {
        reviews: [
          approve('alice'),
          {
            user: 'alice',
            state: 'CHANGES_REQUESTED',
            commit: 'head1',
            submittedAt: '2026-11-27T11:00:00Z',
          },
        ],
      },
      false,
      'missing',
    ],
  ] as const)('an attestation is %s', (_name, ctx, inBase, expected) => {
    expect(judge(ctx as Partial<ReviewContext>, inBase).status).toBe(expected);
  });

  test('names the approvers still missing', () => {
    expect(judge({}, false).note).toMatch(/not yet approved on the head commit by @alice/);
  });
});

describe('sign-offs', () => {
  test.each([
    ['are not required at the baseline', belowEverything(), {}, []],
    ['are missing at ASL-3 without reviews', asl3Evidence(), {}, ['missing', 'missing']],
    [
      'are satisfied by approving reviews on the head commit',
      asl3Evidence(),
      { reviews: [approve('carol'), approve('alice')] },
      ['satisfied', 'satisfied'],
    ],
    [
      'do not count an approval on an older commit',
      asl3Evidence(),
      { reviews: [approve('carol', 'old0'), approve('alice')] },
      ['missing', 'satisfied'],
    ],
  ] as const)('%s', (_name, evidence, ctx, expected) => {
    const result = run(asl2Attestations(), ctx as Partial<ReviewContext>, [...evidence]);
    expect(result.models[0]!.signoffs.map((s) => s.status)).toEqual(expected);
  });

  test('are satisfied by a trusted signoff attestation', () => {
    const result = run([
      ...asl2Attestations(),
      attestation({ kind: 'signoff', target: 'ASL-3', approvedBy: ['alice', 'carol'] }),
    ]);
    expect(result.models[0]!.signoffs).toEqual([
      {
        level: 'ASL-3',
        role: 'ceo',
        status: 'satisfied',
        by: 'carol',
        via: 'attestation',
        date: '2026-10-20',
        expires: null,
      },
      {
        level: 'ASL-3',
        role: 'rso',
        status: 'satisfied',
        by: 'alice',
        via: 'attestation',
        date: '2026-10-20',
        expires: null,
      },
    ]);
  });
});

describe('triggers', () => {
  const previous = (effectiveCompute: number | null) => ({
    card: 'models/old/MODEL_CARD.md',
    id: 'acme/old',
    effectiveCompute,
  });
  const report = attestation({
    kind: 'report',
    target: 'capability-report',
    approvedBy: ['alice', 'carol'],
  });

  test.each([
    [
      'fires at 4× the previous model’s effective compute',
      { effectiveCompute: 4e25, previous: previous(1e25) },
      [],
      'missing',
    ],
    [
      'does not fire below 4×',
      { effectiveCompute: 3e25, previous: previous(1e25) },
      [],
      'not_fired',
    ],
    [
      'is satisfied by a signed capability report',
      { effectiveCompute: 4e25, previous: previous(1e25) },
      [report],
      'satisfied',
    ],
    ['fires six months after the last assessment', { assessedAt: '2026-05-27' }, [], 'missing'],
    [
      'does not fire five months after the last assessment',
      { assessedAt: '2026-06-28' },
      [],
      'not_fired',
    ],
    [
      'fires when the effective compute ratio cannot be computed',
      { effectiveCompute: 4e25, previous: previous(null) },
      [],
      'missing',
    ],
    ['fires when the card has no assessment date', { assessedAt: null }, [], 'missing'],
    [
      'fires when no previous model is declared: a new model is a comprehensive assessment',
      { effectiveCompute: 4e25, previous: null },
      [],
      'missing',
    ],
    [
      'is satisfied for a new model by a capability report made since its assessment',
      { effectiveCompute: 4e25, previous: null },
      [report],
      'satisfied',
    ],
  ] as const)('the assessment trigger %s', (_name, facts, extra, expected) => {
    const result = evaluate({
      policy: testPolicy(),
      head: state([model(belowEverything(), facts)], [...asl2Attestations(), ...extra]),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.models[0]!.triggers[0]!.status).toBe(expected);
    expect(result.decision).toBe(expected === 'missing' ? 'block' : 'pass');
  });
});

describe('undefined levels', () => {
  const asl4Evidence = [...belowEverything(), record('scaleup', 'multiplier', 1200)];

  test('block when a model reaches a level the policy does not define', () => {
    const result = run(asl2Attestations(), {}, asl4Evidence);
    expect(result.models[0]!.levels.security).toBe('ASL-4');
    expect(result.reasons.find((r) => r.code === 'undefined-level')).toMatchObject({
      severity: 'block',
      file: 'models/m/MODEL_CARD.md',
      line: 3,
    });
  });

  test('proceed under an override signed by every override role', () => {
    const override = attestation({
      kind: 'override',
      target: 'ASL-4',
      approvedBy: ['alice', 'carol'],
      reason: 'research-only deployment',
    });
    const result = run([...asl2Attestations(), override], {}, asl4Evidence);
    expect(result.reasons.some((r) => r.code === 'undefined-level')).toBe(false);
    expect(result.reasons.find((r) => r.code === 'undefined-level-overridden')?.message).toMatch(
      /research-only deployment/,
    );
  });
});

describe('trigger reports must answer the trigger that fired', () => {
  test.each([
    ['a report older than the six-month deadline does not answer it', '2024-01-10', 'missing'],
    [
      'a report made after the deadline, but itself over six months old, does not answer it',
      '2024-07-05',
      'missing',
    ],
    ['a recent report answers it', '2026-10-05', 'satisfied'],
  ] as const)('%s', (_name, date, expected) => {
    const report = attestation({
      kind: 'report',
      target: 'capability-report',
      approvedBy: ['alice', 'carol'],
      date,
    });
    const result = evaluate({
      policy: testPolicy(),
      head: state(
        [model(belowEverything(), { assessedAt: '2024-01-01' })],
        [...asl2Attestations(), report],
      ),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.models[0]!.triggers[0]!.status).toBe(expected);
  });

  test('an assessment date in the future fires the trigger', () => {
    const result = evaluate({
      policy: testPolicy(),
      head: state([model(belowEverything(), { assessedAt: '2030-01-01' })]),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.models[0]!.triggers[0]).toMatchObject({
      fired: true,
      status: 'missing',
      why: 'the assessment date 2030-01-01 is in the future',
    });
  });
});

describe('a new model (no `previous`) is a comprehensive assessment', () => {
  const NEW_MODEL = 'no previous model (rsp.previous): a new model is a comprehensive assessment';
  const report = (date: string | null) =>
    attestation({
      kind: 'report',
      target: 'capability-report',
      approvedBy: ['alice', 'carol'],
      date,
    });
  /** acme/m with no previous model, assessed on 2026-09-01, and these attestations besides ASL-2's. */
  const judge = (
    attestations: Attestation[],
    facts: Partial<Parameters<typeof model>[1]> = {},
    policy = testPolicy(),
  ) =>
    evaluate({
      policy,
      head: state(
        [model(belowEverything(), { previous: null, ...facts })],
        [...asl2Attestations(), ...attestations],
      ),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
  /** The test policy with only the effective-compute condition, so no clock fires besides it. */
  const computeOnly = () => {
    const policy = testPolicy();
    const trigger = policy.triggers[0]!;
    return {
      ...policy,
      triggers: [
        {
          ...trigger,
          conditions: trigger.conditions.filter((c) => c.measure === 'effective_compute_ratio'),
        },
      ],
    };
  };

  test('with no capability report, blocks and says the model is new', () => {
    const result = judge([]);
    expect(result.decision).toBe('block');
    expect(result.models[0]!.triggers[0]).toMatchObject({
      fired: true,
      status: 'missing',
      why: NEW_MODEL,
    });
    expect(result.reasons.find((r) => r.code === 'trigger-unmet')?.message).toContain(NEW_MODEL);
  });

  test.each([
    ['a report dated after its assessment answers the trigger', '2026-10-20', 'satisfied', 'pass'],
    [
      'a report dated on the day of its assessment answers the trigger',
      '2026-09-01',
      'satisfied',
      'pass',
    ],
    [
      'a report older than its assessment does not answer the trigger',
      '2026-08-31',
      'missing',
      'block',
    ],
    ['an undated report does not answer the trigger', null, 'missing', 'block'],
  ] as const)('%s', (_name, date, status, decision) => {
    const result = judge([report(date)]);
    expect(result.models[0]!.triggers[0]!.status).toBe(status);
    expect(result.decision).toBe(decision);
  });

  test('fires however small its effective compute, and with none declared', () => {
    for (const effectiveCompute of [1, null]) {
      const trigger = judge([], { effectiveCompute }).models[0]!.triggers[0]!;
      expect(trigger).toMatchObject({ fired: true, status: 'missing', why: NEW_MODEL });
    }
  });

  test('with no assessment date and only a compute trigger, a dated report answers it and an undated one does not', () => {
    const statusWith = (date: string | null) =>
      judge([report(date)], { assessedAt: null }, computeOnly()).models[0]!.triggers[0]!.status;
    expect(judge([], { assessedAt: null }, computeOnly()).models[0]!.triggers[0]).toMatchObject({
      status: 'missing',
      why: NEW_MODEL,
    });
    expect(statusWith('2026-10-20')).toBe('satisfied');
    expect(statusWith(null)).toBe('missing');
  });

  test('a card whose `previous` names itself is a new model too', () => {
    const itself = { card: 'models/m/MODEL_CARD.md', id: 'acme/m', effectiveCompute: 1e25 };
    const result = judge([], { previous: itself });
    expect(result.models[0]!.triggers[0]).toMatchObject({
      fired: true,
      status: 'missing',
      why: 'rsp.previous names this card itself: a new model is a comprehensive assessment',
    });
    expect(result.decision).toBe('block');
  });

  test('a model that follows another at the same compute, assessed recently, does not fire', () => {
    // The control: the same model with a previous one is not held to a report.
    const result = evaluate({
      policy: testPolicy(),
      head: state([model(belowEverything())]),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(result.models[0]!.triggers[0]!.status).toBe('not_fired');
    expect(result.decision).toBe('pass');
  });
});

/** `run` under a policy whose text has one piece replaced (the text must be there). */
function runWith(
  find: string,
  replace: string,
  attestations: Attestation[],
  ctx: Partial<ReviewContext> = {},
  evidence = asl3Evidence(),
) {
  expect(TEST_POLICY).toContain(find);
  return evaluate({
    policy: loadPolicy(TEST_POLICY.replace(find, replace), '.github/rsp-policy.yml'),
    head: state([model(evidence)], attestations),
    base: null,
    context: context(ctx),
    policyChange: null,
    now: NOW,
  });
}

/** Evidence that crosses AI-RND-4 only: security ASL-3, deployment ASL-2. */
const securityOnly = () => [
  record('bio-uplift-trial', 'ratio', 1.2),
  record('longform-virology', 'score', 0.3),
  record('ai-research-suite-2', 'score', 0.7),
];

describe('what confirms a safeguard, and what the item says', () => {
  test('a safeguard tied to several thresholds is required while any one of them is active', () => {
    const result = runWith(
      'thresholds: [AI-RND-4]',
      'thresholds: [CBRN-3, AI-RND-4]',
      asl2Attestations(),
      {},
      securityOnly(),
    );
    expect(result.models[0]!.thresholds.find((t) => t.id === 'CBRN-3')!.status).toBe('ruled_out');
    expect(safeguard(result, 'asl3-sec-affirmative-case')?.status).toBe('missing');
  });

  test('only a safeguard attestation confirms a safeguard, not another kind naming it', () => {
    const result = run([
      ...asl2Attestations(),
      attestation({ kind: 'signoff', target: 'asl3-deploy-threat-model', approvedBy: ['alice'] }),
      attestation({ kind: 'report', target: 'asl3-deploy-threat-model', approvedBy: ['alice'] }),
    ]);
    expect(safeguard(result, 'asl3-deploy-threat-model')).toMatchObject({
      status: 'missing',
      confirmed_by: [],
    });
  });

  test('an attestation by people outside the signer roles is rejected, naming them and the file', () => {
    const result = run([
      ...asl2Attestations(),
      attestation({
        kind: 'safeguard',
        target: 'asl3-deploy-threat-model',
        approvedBy: ['mallory', 'dave'],
      }),
    ]);
    expect(safeguard(result, 'asl3-deploy-threat-model')).toMatchObject({
      status: 'rejected',
      rejected: [
        {
          user: 'mallory, dave',
          why: 'attestation safeguards/m.yml:4: @mallory, @dave hold none of the allowed roles (rso)',
        },
      ],
      note: '@mallory, dave: attestation safeguards/m.yml:4: @mallory, @dave hold none of the allowed roles (rso)',
    });
  });

  test('several rejections are all named in the note', () => {
    const result = run(asl2Attestations(), {
      confirmations: [tick('dave'), tick('erin')],
      teams: new Map([['acme/rsp-office', []]]),
    });
    expect(safeguard(result, 'asl3-deploy-threat-model')!.note).toBe(
      '@dave: holds none of the allowed roles (rso); @erin: holds none of the allowed roles (rso)',
    );
  });

  test('an expired attestation leaves the item expired, saying which file and when', () => {
    const result = run([
      ...asl2Attestations(),
      attestation({
        kind: 'safeguard',
        target: 'asl3-deploy-threat-model',
        approvedBy: ['alice'],
        expires: '2026-11-01',
      }),
    ]);
    expect(safeguard(result, 'asl3-deploy-threat-model')).toMatchObject({
      status: 'expired',
      note: 'attestation safeguards/m.yml:4 expired on 2026-11-01',
    });
  });

  test('a tick by someone outside every signer role names all the roles, and every unreadable team', () => {
    const ticks = { confirmations: [tick('dave', 'asl3-sec-weight-access')] };
    expect(
      safeguard(
        run(asl2Attestations(), { ...ticks, teams: new Map([['acme/rsp-office', []]]) }),
        'asl3-sec-weight-access',
      )!.note,
    ).toBe('@dave: holds none of the allowed roles (security-lead, rso)');
    const result = runWith(
      'security-lead: { users: [bob] }',
      'security-lead: { users: [bob], teams: [acme/security] }',
      asl2Attestations(),
      { ...ticks, teams: null },
    );
    expect(safeguard(result, 'asl3-sec-weight-access')!.note).toBe(
      '@dave: holds none of security-lead, rso as far as the gate can see: team membership of acme/security, acme/rsp-office cannot be read with this token',
    );
  });

  test('a tick in the checklist is named as such in the item', () => {
    const result = run(asl2Attestations(), { confirmations: [tick('alice')] });
    expect(safeguard(result, 'asl3-deploy-threat-model')).toMatchObject({
      status: 'satisfied',
      note: 'confirmed by @alice in the checklist',
    });
  });

  test('every untrusted attestation of an item is named, with why', () => {
    const threat = (file: string) =>
      attestation({
        kind: 'safeguard',
        target: 'asl3-deploy-threat-model',
        approvedBy: ['alice'],
        file,
      });
    const result = evaluate({
      policy: testPolicy(),
      head: state(
        [model(asl3Evidence())],
        [...asl2Attestations(), threat('a.yml'), threat('b.yml')],
      ),
      base: state([model(asl3Evidence())]),
      context: context(),
      policyChange: null,
      now: NOW,
    });
    expect(safeguard(result, 'asl3-deploy-threat-model')!.note).toBe(
      'attestation a.yml:4 new in this change and not yet approved on the head commit by @alice; b.yml:4 new in this change and not yet approved on the head commit by @alice',
    );
  });
});

describe('which sign-offs apply, and what signs them', () => {
  test('a sign-off rule with no kind applies when either kind reaches its level', () => {
    const result = run(asl2Attestations(), {}, securityOnly());
    expect(result.models[0]!.levels).toEqual({ deployment: 'ASL-2', security: 'ASL-3' });
    expect(result.models[0]!.signoffs.map((s) => s.role)).toEqual(['ceo', 'rso']);
    const deploymentOnly = runWith(
      'requires: { security: ASL-3 }\n    rule_out:\n      - any:',
      'requires: { deployment: ASL-3 }\n    rule_out:\n      - any:',
      asl2Attestations(),
      {},
      securityOnly(),
    );
    expect(deploymentOnly.models[0]!.levels).toEqual({ deployment: 'ASL-3', security: 'ASL-2' });
    expect(deploymentOnly.models[0]!.signoffs.map((s) => s.role)).toEqual(['ceo', 'rso']);
  });

  test('a sign-off rule of one kind applies only when that kind reaches its level', () => {
    const rule = (kind: string) =>
      runWith(
        'signoffs:\n  - { level: ASL-3, roles: [ceo, rso] }',
        `signoffs:\n  - { level: ASL-3, kind: ${kind}, roles: [ceo] }`,
        asl2Attestations(),
        {},
        securityOnly(),
      ).models[0]!.signoffs;
    expect(rule('security').map((s) => s.role)).toEqual(['ceo']);
    expect(rule('deployment')).toEqual([]);
  });

  test('an approving review signs off, and says it was a review', () => {
    const result = run(asl2Attestations(), { reviews: [approve('carol')] });
    expect(result.models[0]!.signoffs[0]).toEqual({
      level: 'ASL-3',
      role: 'ceo',
      status: 'satisfied',
      by: 'carol',
      via: 'review',
      date: '2026-11-27',
      expires: null,
    });
  });

  test('only a sign-off attestation for this level signs off: not one for another level, nor another kind', () => {
    for (const other of [
      attestation({ kind: 'signoff', target: 'ASL-2', approvedBy: ['alice', 'carol'] }),
      attestation({ kind: 'report', target: 'ASL-3', approvedBy: ['alice', 'carol'] }),
    ]) {
      const result = run([...asl2Attestations(), other]);
      expect(
        result.models[0]!.signoffs.map((s) => s.status),
        other.kind,
      ).toEqual(['missing', 'missing']);
    }
  });
});

describe('when a trigger fires, and which report answers it', () => {
  const TRIGGER =
    'any: [ { effective_compute_ratio: { gte: 4 } }, { months_since_assessment: { gte: 6 } } ]';
  /** The test policy's trigger, with its conditions replaced when `conditions` is given. */
  function triggerOf(conditions = TRIGGER) {
    expect(TEST_POLICY).toContain(TRIGGER);
    const policy = loadPolicy(TEST_POLICY.replace(TRIGGER, conditions), '.github/rsp-policy.yml');
    return { policy, trigger: policy.triggers[0]! };
  }
  const facts = (extra: Partial<TriggerFacts> = {}): TriggerFacts => ({
    card: 'models/m/MODEL_CARD.md',
    effectiveCompute: 1e25,
    previous: { card: 'models/old/MODEL_CARD.md', effectiveCompute: 1e25 },
    assessedAt: '2026-09-01',
    ...extra,
  });
  const report = (extra: Partial<Attestation> = {}) =>
    attestation({
      kind: 'report',
      target: 'capability-report',
      approvedBy: ['alice', 'carol'],
      date: '2026-11-01',
      ...extra,
    });
  function judged(
    f: TriggerFacts,
    attestations: Attestation[] = [],
    { conditions = TRIGGER, trusted = true, now = NOW } = {},
  ) {
    const { policy, trigger } = triggerOf(conditions);
    return judgeTrigger(
      trigger,
      policy,
      'acme/m',
      f,
      attestations.map((attestation) => ({ attestation, trusted, why: trusted ? null : 'new' })),
      null,
      now,
    );
  }

  test('says which card lacks its effective compute', () => {
    expect(judged(facts({ effectiveCompute: null }))).toMatchObject({
      fired: true,
      why: 'effective compute ratio unknown (rsp.effective_compute missing in this card)',
    });
    const previous = { card: 'models/old/MODEL_CARD.md', effectiveCompute: null };
    expect(judged(facts({ previous }))).toMatchObject({
      fired: true,
      why: 'effective compute ratio unknown (rsp.effective_compute missing in models/old/MODEL_CARD.md)',
    });
  });

  test('a trigger that does not fire gives the reading of every condition', () => {
    expect(judged(facts({ effectiveCompute: 2e25 }))).toEqual({
      id: 'notably-more-capable',
      fired: false,
      why: 'effective compute 2× the previous model (trigger at ≥ 4×); 2 months since the assessment of 2026-09-01 (trigger at ≥ 6)',
      requires_attestation: 'capability-report',
      status: 'not_fired',
    });
  });

  test('a card with no assessment date fires, and a dated report signed by every signer role answers it', () => {
    expect(judged(facts({ assessedAt: null }), [report()])).toMatchObject({
      fired: true,
      why: 'no comprehensive assessment date (rsp.assessed_at)',
      status: 'satisfied',
    });
  });

  test('an assessment dated today is not in the future', () => {
    const midnight = new Date('2026-11-27T00:00:00Z');
    expect(judged(facts({ assessedAt: '2026-11-27' }), [], { now: midnight })).toMatchObject({
      fired: false,
      why: expect.stringContaining('0 months since the assessment of 2026-11-27'),
    });
  });

  test('a month is counted only once its day of the month is reached', () => {
    // 2026-05-28 to 2026-11-27 is a day short of six months.
    expect(judged(facts({ assessedAt: '2026-05-28' })).fired).toBe(false);
    expect(judged(facts({ assessedAt: '2026-05-27' })).fired).toBe(true);
  });

  test('a trigger of mode all fires only when every condition fires', () => {
    const all =
      'all: [ { effective_compute_ratio: { gte: 4 } }, { months_since_assessment: { gte: 6 } } ]';
    expect(judged(facts({ assessedAt: '2026-01-01' }), [], { conditions: all }).fired).toBe(false);
    expect(
      judged(facts({ assessedAt: '2026-01-01', effectiveCompute: 5e25 }), [], { conditions: all })
        .fired,
    ).toBe(true);
  });

  test('a report must follow the latest deadline that fired, whatever order the conditions are listed in', () => {
    const twoDeadlines =
      'any: [ { months_since_assessment: { gte: 9 } }, { months_since_assessment: { gte: 6 } } ]';
    // Assessed 2026-01-01: the 6-month deadline fell on 2026-07-01, the 9-month one on 2026-10-01.
    const old = facts({ assessedAt: '2026-01-01' });
    const at = (date: string) =>
      judged(old, [report({ date })], { conditions: twoDeadlines }).status;
    expect(at('2026-08-01')).toBe('missing');
    expect(at('2026-10-01')).toBe('satisfied');
  });

  test('only a trusted, current report of the required kind and name, signed by every signer role, answers a trigger', () => {
    const fired = facts({ effectiveCompute: 5e25 });
    expect(judged(fired, [report()]).status).toBe('satisfied');
    expect(judged(fired, [report()], { trusted: false }).status).toBe('missing');
    for (const wrong of [
      report({ kind: 'signoff' }),
      report({ target: 'another-report' }),
      report({ approvedBy: ['alice'] }),
      report({ expires: '2026-11-20' }),
      report({ date: null }),
    ])
      expect(judged(fired, [wrong]).status, JSON.stringify(wrong)).toBe('missing');
  });
});
