/**
 * What the report shows of the example repository, computed from the same judgment as
 * `rsp-gate check`: overview, margins, lineage, attestations, level changes across a history, and
 * what redaction leaves out.
 */
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/core/decision.js';
import { STATE_CONTEXT, type RepositoryState } from '../../src/core/inputs.js';
import { checkTrees } from '../../src/gate/check-trees.js';
import { createLocalTree } from '../../src/repository/local-tree.js';
import {
  benchmarkValues,
  buildReportData,
  type CommitSummary,
} from '../../src/report/report-data.js';

const NOW = new Date('2026-11-27T12:00:00Z');

async function judgeExample(
  now = NOW,
): Promise<{ record: DecisionRecord; state: RepositoryState }> {
  const result = await checkTrees({
    head: createLocalTree('examples/acme-models'),
    base: null,
    policyPath: '.github/rsp-policy.yml',
    now,
    context: STATE_CONTEXT,
  });
  return { record: result.record, state: result.head };
}

function summaryOf(
  record: DecisionRecord,
  sha: string,
  date: string,
  keep: boolean,
): CommitSummary {
  return {
    commit: { sha, date, subject: `commit ${sha}`, author: 'Ada' },
    decision: record.decision,
    levels: Object.fromEntries(record.models.map((m) => [m.id, m.levels])),
    values: benchmarkValues(record),
    blocking: record.reasons.filter((r) => r.severity === 'block').length,
    record: keep ? record : null,
    error: null,
  };
}

describe('report data of the example repository', () => {
  it('the overview lists the three models with their levels, verdicts and open items', async () => {
    const { record, state } = await judgeExample();
    const data = buildReportData({
      now: NOW,
      repository: 'examples/acme-models',
      current: { record, state, commit: null },
      history: [],
      historyScope: null,
      redact: false,
    });
    const rows = Object.fromEntries(data.overview.map((r) => [r.model, r]));
    expect(Object.keys(rows).sort()).toEqual([
      'acme/atlas-2',
      'acme/frontier-6',
      'acme/frontier-7',
    ]);
    expect(rows['acme/frontier-7']).toMatchObject({
      deployment: 'ASL-3',
      security: 'ASL-3',
      verdict: 'block',
      card: 'models/frontier-7/MODEL_CARD.md',
    });
    // ASL-3's safeguards the example has not confirmed, and its two sign-offs.
    expect(rows['acme/frontier-7']!.openItems).toBe(
      record.models
        .find((m) => m.id === 'acme/frontier-7')!
        .safeguards.filter((s) => s.status !== 'satisfied').length + 2,
    );
    expect(rows['acme/atlas-2']).toMatchObject({
      deployment: 'ASL-2',
      verdict: 'pass',
      openItems: 0,
    });
    expect(data.decision).toBe('block');
    expect(data.policy.preset).toMatchObject({ name: 'anthropic-rsp-v2.2' });
  });

  it('margins carry each condition against its line, with status, value and source file', async () => {
    const { record, state } = await judgeExample();
    const data = buildReportData({
      now: NOW,
      repository: 'x',
      current: { record, state, commit: null },
      history: [],
      historyScope: null,
      redact: false,
    });
    const wmdp = data.margins.find(
      (m) =>
        m.model === 'acme/frontier-7' && m.threshold === 'CBRN-3' && m.benchmark === 'wmdp-bio',
    );
    expect(wmdp).toMatchObject({
      thresholdStatus: 'crossed',
      rule: 'review_if',
      op: 'gte',
      line: 0.7,
      holds: true,
      file: 'models/frontier-7/evals/lm-eval/results_2026-11-10T16-00-00.000000.json',
    });
    expect(wmdp!.value).toBeCloseTo(0.7213, 4);
    const atlasRuleOut = data.margins.filter(
      (m) => m.model === 'acme/atlas-2' && m.threshold === 'CBRN-3' && m.rule === 'rule_out',
    );
    expect(atlasRuleOut.length).toBeGreaterThan(0);
    expect(atlasRuleOut.every((m) => m.thresholdStatus === 'ruled_out')).toBe(true);
  });

  it('the lineage follows each card’s previous chain, nearest first', async () => {
    const { record, state } = await judgeExample();
    const data = buildReportData({
      now: NOW,
      repository: 'x',
      current: { record, state, commit: null },
      history: [],
      historyScope: null,
      redact: false,
    });
    expect(data.lineage).toEqual({
      'acme/frontier-7': ['acme/frontier-6', 'acme/atlas-2'],
      'acme/frontier-6': ['acme/atlas-2'],
      'acme/atlas-2': [],
    });
  });

  it('attestations are dated, named by approver, and sorted into expiry windows', async () => {
    const { record, state } = await judgeExample();
    // Three of the organization's ASL-2 safeguard attestations get expiries.
    const org = state.attestations.filter((a) => a.file === 'safeguards/org-asl2.yml');
    const expiries = new Map([
      [org[0]!, '2026-12-20'],
      [org[1]!, '2027-01-20'],
      [org[2]!, '2026-11-01'],
    ]);
    const withExpiries: RepositoryState = {
      ...state,
      attestations: state.attestations.map((a) =>
        expiries.has(a) ? { ...a, expires: expiries.get(a)! } : a,
      ),
    };
    const data = buildReportData({
      now: NOW,
      repository: 'x',
      current: { record, state: withExpiries, commit: null },
      history: [],
      historyScope: null,
      redact: false,
    });
    expect(data.attestations).toHaveLength(state.attestations.length);
    const byExpiry = (d: string) => data.attestations.find((a) => a.expires === d)!;
    expect(byExpiry('2026-12-20')).toMatchObject({ state: 'expiring', daysLeft: 23 });
    expect(byExpiry('2027-01-20')).toMatchObject({ state: 'expiring', daysLeft: 54 });
    expect(byExpiry('2026-11-01')).toMatchObject({ state: 'expired', daysLeft: -26 });
    expect(data.expiringWithin[30].map((a) => a.expires)).toEqual(['2026-12-20']);
    expect(data.expiringWithin[60].map((a) => a.expires).sort()).toEqual([
      '2026-12-20',
      '2027-01-20',
    ]);
    expect(data.expiringWithin[90]).toHaveLength(2);
    const capability = data.attestations.find(
      (a) => a.target === 'capability-report' && a.model === 'acme/frontier-7',
    );
    expect(capability).toMatchObject({
      approvedBy: ['carol-ceo', 'alice-rso'],
      date: '2026-10-22',
      state: 'active',
    });
    // The soonest expiry among a model's attestations is its next expiry in the overview.
    const expiring = data.attestations.find((a) => a.expires === '2026-12-20')!;
    const model = expiring.model === '*' ? 'acme/atlas-2' : expiring.model;
    expect(data.overview.find((r) => r.model === model)!.nextExpiry).toBe('2026-12-20');
  });

  it('a history shows each level change with its commit, its cause and its approvers', async () => {
    const { record, state } = await judgeExample();
    const before = structuredClone(record);
    const f7 = before.models.find((m) => m.id === 'acme/frontier-7')!;
    f7.levels = { deployment: 'ASL-2', security: 'ASL-2' };
    const history = [
      summaryOf(before, 'a'.repeat(40), '2026-10-01T09:00:00Z', true),
      summaryOf(record, 'b'.repeat(40), '2026-11-10T16:00:00Z', true),
    ];
    const data = buildReportData({
      now: NOW,
      repository: 'x',
      current: { record, state, commit: history[1]!.commit },
      history,
      historyScope: 'the last 2 first-parent commits',
      redact: false,
    });
    const raised = data.levelChanges.filter((c) => c.commit.sha === 'b'.repeat(40));
    expect(raised.map((c) => [c.model, c.kind, c.from, c.to])).toEqual([
      ['acme/frontier-7', 'deployment', 'ASL-2', 'ASL-3'],
      ['acme/frontier-7', 'security', 'ASL-2', 'ASL-3'],
    ]);
    // The rule-in that holds is the cause; the wmdp-bio review flag on the lm-eval file is not.
    expect(raised[0]!.causes).toEqual([
      'CBRN-3 crossed (models/frontier-7/evals/uplift-trial-2026-11.evidence.yml)',
    ]);
    // The security ASL-3 safeguards the example's org file confirms, by bob-sec.
    expect(raised[1]!.approvers).toContain('bob-sec');
    // The first commit introduces every model: a change from nothing.
    expect(data.levelChanges.filter((c) => c.from === null)).toHaveLength(6);
    expect(data.records.map((r) => r.label)).toEqual([
      'current state',
      'aaaaaaa 2026-10-01',
      'bbbbbbb 2026-11-10',
    ]);
  });

  it('redaction leaves out evidence paths, values and records, and keeps levels and approvers', async () => {
    const { record, state } = await judgeExample();
    const history = [summaryOf(record, 'c'.repeat(40), '2026-11-10T16:00:00Z', true)];
    const data = buildReportData({
      now: NOW,
      repository: 'x',
      current: { record, state, commit: null },
      history,
      historyScope: 'x',
      redact: true,
    });
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/evals\//);
    expect(text).not.toContain('MODEL_CARD.md');
    expect(text).not.toContain('safeguards/');
    expect(text).not.toContain('0.7212');
    expect(data.margins.every((m) => m.value === null && m.file === null)).toBe(true);
    expect(data.records).toEqual([]);
    expect(data.history[0]!.values).toEqual([]);
    expect(data.overview.find((r) => r.model === 'acme/frontier-7')).toMatchObject({
      deployment: 'ASL-3',
    });
    expect(data.attestations.some((a) => a.approvedBy.includes('carol-ceo'))).toBe(true);
  });
});

describe('the commit a page names', () => {
  it('without commit details (the App’s pages), the record’s head commit is named', async () => {
    const { record, state } = await judgeExample();
    const sha = 'f'.repeat(40);
    const input = {
      now: NOW,
      repository: 'acme/models',
      current: { record: { ...record, head: sha }, state, commit: null },
      history: [],
      historyScope: null,
      redact: false,
    };
    expect(buildReportData(input).headSha).toBe(sha);
    const { renderReportPage } = await import('../../src/report/render-page.js');
    const html = await renderReportPage(buildReportData(input));
    expect(html).toContain('<dt>Commit</dt><dd><code>fffffff</code></dd>');
    const withCommit = buildReportData({
      ...input,
      current: {
        ...input.current,
        commit: { sha, date: '2026-11-20T10:00:00Z', subject: 's', author: 'a' },
      },
    });
    expect(withCommit.headSha).toBeNull();
  });
});
