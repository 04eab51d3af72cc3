/**
 * The pull-request comment: verdict first, a table of models, why, what each reviewer must tick,
 * and the detail folded away. Pure; owns GitHub's 65,536-character comment limit.
 */
import {
  decidingCondition,
  type DecisionRecord,
  type ModelDecision,
  type Reason,
  type SafeguardResult,
  type SignoffResult,
} from '../core/decision.js';
import { symbol } from '../core/conditions.js';
import { organizationFile, organizationSource } from '../policy/types.js';
import { code, commentSafe, escapeText, mention, urlPath } from './markdown-text.js';
import {
  blockingReasons,
  countSatisfied,
  decidingThresholds,
  isModelBlocked,
  location,
  passedModels,
  reviewFlags,
  signedAhead,
} from './summarise.js';

export const COMMENT_MARKER = '<!-- rsp-gate:comment -->';
export const MAX_COMMENT_CHARS = 65_536;

export interface MarkdownOptions {
  /** Link target for file references, e.g. `https://github.com/o/r/blob/<sha>/`. */
  blobUrl?: string;
  /** Short head SHA for sign-off lines. */
  headSha?: string | null;
  /** Where the full detail lives when the comment must be shortened. */
  detailsUrl?: string;
}

function fileRef(file: string | null, line: number | null, options: MarkdownOptions): string {
  if (file === null) return '';
  const text = code(location(file, line));
  if (!options.blobUrl) return text;
  const anchor = line !== null ? `#L${line}` : '';
  return `[${text}](${options.blobUrl}${urlPath(file)}${anchor})`;
}

function headline(record: DecisionRecord): string {
  const raised = record.models.filter(
    (m) =>
      m.base_levels &&
      (m.levels.deployment !== m.base_levels.deployment ||
        m.levels.security !== m.base_levels.security),
  );
  const blocked = record.models.filter((m) => isModelBlocked(record, m));
  const focus = raised[0] ?? blocked[0];
  const about = focus
    ? ` — ${escapeText(focus.id)} ${raised.includes(focus) ? 'now requires' : 'requires'} ${focus.levels.deployment === focus.levels.security ? focus.levels.deployment : `${focus.levels.deployment} deployment / ${focus.levels.security} security`}`
    : '';
  if (record.decision === 'pass') return `## 🟢 rsp-gate: pass — ${passedModels(record)}`;
  if (record.mode === 'advisory') return `## 🟡 rsp-gate: would block (advisory mode)${about}`;
  return `## 🔴 rsp-gate: blocked${about}`;
}

function levelCell(now: string, was: string | undefined): string {
  return was && was !== now ? `**${now}**` : now;
}

function changeCell(model: ModelDecision): string {
  if (!model.base_levels) return 'new';
  const parts: string[] = [];
  for (const kind of ['deployment', 'security'] as const) {
    if (model.levels[kind] !== model.base_levels[kind])
      parts.push(`${kind === 'deployment' ? 'dep.' : 'sec.'} from ${model.base_levels[kind]}`);
  }
  return parts.length ? `⬆ ${parts.join(', ')}` : '—';
}

function table(record: DecisionRecord): string[] {
  const rows = [
    '| model | deployment | security | change | decided by | status |',
    '|---|---|---|---|---|---|',
  ];
  for (const m of record.models) {
    const decided = decidingThresholds(m);
    const { satisfied, total } = countSatisfied(m);
    rows.push(
      `| ${code(m.id, true)} | ${levelCell(m.levels.deployment, m.base_levels?.deployment)}${m.declared ? ` (declared ${m.declared.deployment})` : ''} | ${levelCell(m.levels.security, m.base_levels?.security)}${m.declared ? ` (declared ${m.declared.security})` : ''} | ${changeCell(m)} | ${decided.length ? escapeText(decided.join(', ')) : 'all thresholds ruled out or cleared'} | ${isModelBlocked(record, m) ? '🔴' : '🟢'} ${satisfied}/${total} safeguards |`,
    );
  }
  return rows;
}

function why(record: DecisionRecord, options: MarkdownOptions): string[] {
  const lines: string[] = [];
  for (const m of record.models) {
    for (const t of m.thresholds) {
      if (t.status !== 'crossed' && t.status !== 'not_ruled_out') continue;
      const leaf = decidingCondition(t) ?? undefined;
      const cite = leaf?.file ? ` — ${fileRef(leaf.file, leaf.line, options)}` : '';
      const provenance = leaf?.provenance ? `, ${leaf.provenance}` : '';
      const rule =
        t.status === 'crossed'
          ? `rule-in for ${t.id}${provenance}`
          : `${t.id} not ruled out, counts as crossed`;
      // Not ruled out: say why the rule-out failed (a value over the line, no evidence, a metric
      // the files lack, a source the policy does not accept), not only the number.
      const what = !leaf
        ? escapeText(t.summary)
        : t.status === 'not_ruled_out'
          ? `${code(`${leaf.benchmark} ${leaf.metric}`)}: ${escapeText(leaf.note)}`
          : `${code(`${leaf.benchmark} ${leaf.metric}`)} ${leaf.value === null ? 'has no usable value' : `**${leaf.value}** ${symbol(leaf.op)} ${leaf.threshold}`}`;
      lines.push(`- ${code(m.id)}: ${what} (${escapeText(rule)})${cite}`);
    }
  }
  return lines.length ? ['', '**Why:**', ...lines] : [];
}

/** Alert thresholds that are reached, beside the level (which they do not raise), and their response. */
function alerts(record: DecisionRecord, options: MarkdownOptions): string[] {
  const lines: string[] = [];
  for (const m of record.models) {
    for (const t of m.thresholds) {
      const alert = t.alert;
      if (!alert?.reached) continue;
      const held = alert.conditions
        .map((c) => `${escapeText(c.note)}${c.file ? ` ${fileRef(c.file, c.line, options)}` : ''}`)
        .join('; ');
      const response =
        alert.status === 'satisfied'
          ? `✅ response ${code(`report: ${alert.report}`)} signed ${fileRef(alert.file, alert.line, options)}`
          : `⬜ needs a ${code(`report: ${alert.report}`)} attestation signed by ${alert.signers.map((r) => code(r)).join(' and ')}`;
      lines.push(`- ${code(m.id)}: alert for ${code(t.id)} reached — ${held}. ${response}`);
    }
  }
  return lines.length
    ? ['', '**Alert thresholds reached** (an alert does not raise the level):', ...lines]
    : [];
}

/** A login named without mentioning it: being told one may not confirm needs no notification. */
function quietLogin(login: string): string {
  return escapeText(`@${login}`);
}

/** At most this many writers are named on one item; the paragraph above the checklist has all. */
const WRITERS_PER_ITEM = 3;

/**
 * Who an independent item excludes, in a few words: the paragraph above the checklist says why.
 * With no pull request (the command line), nobody is known, and the rule is stated generally.
 */
function independentClause(record: DecisionRecord): string {
  const independence = record.independence;
  if (!independence) return ' (not the author)';
  if (independence.unknown.length > 0)
    return ' (independent: nobody can confirm it yet, see above)';
  const names = independence.excluded.map((e) => quietLogin(e.user));
  if (names.length === 0) return ' (not the author)';
  const more = names.length - WRITERS_PER_ITEM;
  return ` (independent: not ${names.slice(0, WRITERS_PER_ITEM).join(', ')}${more > 0 ? ` or ${more} more` : ''})`;
}

function safeguardItem(record: DecisionRecord, model: ModelDecision, s: SafeguardResult): string[] {
  const done = s.status === 'satisfied';
  const who = done
    ? ` — ${s.confirmed_by[0]!.via === 'attestation' ? `attested by ${s.confirmed_by.map((c) => mention(c.user)).join(', ')} in ${code(location(s.confirmed_by[0]!.file, s.confirmed_by[0]!.line))}` : `confirmed by ${mention(s.confirmed_by[0]!.user)}`}`
    : ` — needs: ${s.signers.map((r) => code(r)).join(' or ')}${s.independent ? independentClause(record) : ''}${s.status === 'expired' ? ' · ⏰ expired' : ''}`;
  const lines = [
    `- [${done ? 'x' : ' '}] ${escapeText(s.title)} ${code(s.id)}${who} <!-- rsp-gate:item ${commentSafe(model.id)} ${commentSafe(s.id)} -->`,
  ];
  for (const r of s.rejected)
    lines.push(`  ⚠ ${escapeText(`${r.user}`)}: ${escapeText(r.why)} — not counted`);
  if (!done && (s.status === 'expired' || s.note.startsWith('attestation ')))
    lines.push(`  ⏳ ${escapeText(s.note)}`);
  return lines;
}

/** One sign-off line: who signed and until when, what expired, or what would sign it. */
function signoffItem(s: SignoffResult, options: MarkdownOptions, evaluatedAt: string): string {
  const how = `approving review on ${options.headSha ? code(options.headSha.slice(0, 7)) : 'the head commit'}, or a ${s.status === 'expired' ? 'new dated ' : ''}${code(`signoff: ${s.level}`)} attestation`;
  const via = s.via === 'review' ? 'approving review' : 'signed attestation';
  const until = s.expires ? `valid until ${s.expires}` : '';
  if (s.status === 'satisfied')
    return `- ✅ ${code(s.role)} — ${mention(s.by!)} (${via}${s.date ? ` of ${s.date}` : ''})${until ? `, ${until}` : ''}`;
  // Under a renewal period a sign-off dated ahead never counted: it has no "valid until".
  if (signedAhead(s, evaluatedAt))
    return `- ⏰ ${code(s.role)} — the sign-off by ${mention(s.by!)} (${via} of ${s.date}) is dated after today, so it does not count: renew with an ${how}`;
  if (s.status === 'expired')
    return `- ⏰ ${code(s.role)} — the sign-off by ${mention(s.by!)} (${via}${s.date ? ` of ${s.date}` : ', undated'}) has expired${until ? ` (${until})` : ''}: renew with an ${how}`;
  return `- ⬜ ${code(s.role)} — ${how}`;
}

function checklist(
  record: DecisionRecord,
  options: MarkdownOptions,
  limitPerModel: number,
): string[] {
  const lines: string[] = [];
  for (const m of record.models) {
    // A model that passes keeps its checklist while any item stands on a tick, so that whoever
    // ticked it can withdraw by unticking.
    const ticked = m.safeguards.some((s) => s.confirmed_by.some((c) => c.via === 'checklist'));
    if (!isModelBlocked(record, m) && !ticked) continue;
    const { satisfied, total } = countSatisfied(m);
    const open = m.safeguards.filter((s) => s.status !== 'satisfied');
    const done = m.safeguards.filter((s) => s.status === 'satisfied');
    lines.push(
      '',
      `### ${code(m.id)}: safeguards for ${m.levels.deployment} deployment / ${m.levels.security} security (${satisfied} of ${total} confirmed)`,
    );
    const shown = [...open, ...done].slice(0, limitPerModel);
    for (const s of shown) lines.push(...safeguardItem(record, m, s));
    if (shown.length < total) lines.push(`- … ${total - shown.length} more in the check run`);
    const signoffs = m.signoffs;
    if (signoffs.length) {
      lines.push('', `**Sign-offs for ${code(m.id)}**`);
      for (const s of signoffs) lines.push(signoffItem(s, options, record.evaluated_at));
    }
    for (const t of m.triggers.filter((t) => t.status === 'missing')) {
      lines.push(
        `- ⬜ trigger ${code(t.id)} fired (${escapeText(t.why)}): needs a ${code(`report: ${t.requires_attestation}`)} attestation`,
      );
    }
  }
  return lines;
}

/** At most this many writers are named above the checklist; the record has them all. */
const WRITERS_NAMED = 20;

/**
 * Who wrote the change and so may not confirm an independent item, and why; or why nobody may,
 * and what to do. Shown when a blocked model has an independent item open or rejected.
 */
function independenceNote(record: DecisionRecord): string[] {
  const independence = record.independence;
  if (!independence) return [];
  const concerned = record.models.some(
    (m) =>
      isModelBlocked(record, m) &&
      m.safeguards.some((s) => s.independent && (s.status !== 'satisfied' || s.rejected.length)),
  );
  if (!concerned) return [];
  if (independence.unknown.length > 0) {
    return [
      '',
      `⛔ **Nobody can confirm an independent item yet:** the gate cannot tell who wrote this change, so it cannot tell that whoever confirms one did not.`,
      ...independence.unknown.slice(0, WRITERS_NAMED).map((u) => `- ${escapeText(u)}`),
      ...(independence.unknown.length > WRITERS_NAMED
        ? [`- … ${independence.unknown.length - WRITERS_NAMED} more in the record`]
        : []),
      '',
      `Every commit author and ${code('Co-authored-by:')} co-author must be a GitHub user: add the email to their GitHub account (GitHub then links the commits already made) or rewrite the commit with an email their account lists, then comment ${code('/rsp-gate recheck')}.`,
    ];
  }
  const excluded = independence.excluded;
  if (excluded.length === 0) return [];
  const named = excluded
    .slice(0, WRITERS_NAMED)
    .map((e) => `${quietLogin(e.user)} (${escapeText(e.why)})`)
    .join(', ');
  const more =
    excluded.length > WRITERS_NAMED ? `, and ${excluded.length - WRITERS_NAMED} more` : '';
  return [
    '',
    `**Independent items** can be confirmed only by someone who did not write this change. Not by: ${named}${more}.`,
  ];
}

/** One line per thing someone must do, naming who may do it. */
/** Blocking reasons that a step of "To unblock" answers item by item: ticks, sign-offs, reports. */
const ANSWERED_BY_STEPS = new Set([
  'signoff-missing',
  'signoff-expired',
  'trigger-unmet',
  'alert-response-missing',
]);

/** The blocking reasons listed under "Also blocking": every one no step answers. */
function otherBlockingReasons(record: DecisionRecord): Reason[] {
  return blockingReasons(record).filter(
    (r) => !r.code.startsWith('safeguard-') && !ANSWERED_BY_STEPS.has(r.code),
  );
}

function toUnblock(record: DecisionRecord, options: MarkdownOptions): string[] {
  if (record.decision === 'pass') return [];
  const steps: string[] = [];
  for (const m of record.models) {
    const open = m.safeguards.filter((s) => s.status !== 'satisfied');
    if (open.length > 0) {
      const roles = [...new Set(open.flatMap((s) => s.signers))].map((r) => code(r)).join(', ');
      steps.push(
        `tick the ${open.length} open item${open.length === 1 ? '' : 's'} for ${code(m.id)} below — each needs one of ${roles}, as listed`,
      );
    }
    const signoffs = m.signoffs.filter((s) => s.status !== 'satisfied').map((s) => code(s.role));
    if (signoffs.length > 0) {
      const at = options.headSha
        ? ` on ${code(options.headSha.slice(0, 7))}`
        : ' on the head commit';
      steps.push(
        `approving reviews${at} from ${signoffs.join(' and ')} (sign-off for ${code(m.id)})`,
      );
    }
    for (const t of m.triggers.filter((t) => t.status === 'missing')) {
      steps.push(
        `add a signed ${code(`report: ${t.requires_attestation}`)} attestation for ${code(m.id)} (trigger ${code(t.id)})`,
      );
    }
    for (const t of m.thresholds.filter((t) => t.alert?.status === 'missing')) {
      steps.push(
        `add a ${code(`report: ${t.alert!.report}`)} attestation for ${code(m.id)} signed by ${t.alert!.signers.map((r) => code(r)).join(' and ')} (alert for ${code(t.id)})`,
      );
    }
  }
  const other = otherBlockingReasons(record);
  if (other.length > 0)
    steps.push(
      `resolve the ${other.length} problem${other.length === 1 ? '' : 's'} under **Also blocking**`,
    );
  return steps.length
    ? ['', '**To unblock:**', ...steps.map((step, i) => `${i + 1}. ${step}`)]
    : [];
}

function unblock(record: DecisionRecord, options: MarkdownOptions): string[] {
  const blocking = otherBlockingReasons(record);
  if (blocking.length === 0) return [];
  return [
    '',
    '**Also blocking:**',
    ...blocking
      .slice(0, 30)
      .map(
        (r) => `- ${escapeText(r.message)}${r.file ? ` ${fileRef(r.file, r.line, options)}` : ''}`,
      ),
    ...(blocking.length > 30 ? [`- … ${blocking.length - 30} more in the check run`] : []),
  ];
}

function details(record: DecisionRecord, options: MarkdownOptions): string[] {
  const records = record.models.reduce((n, m) => n + m.evidence.records, 0);
  const files = new Set(record.models.flatMap((m) => m.evidence.files)).size;
  const lines = [
    '',
    `<details><summary>Evidence (${records} records from ${files} files), thresholds and warnings</summary>`,
    '',
  ];
  for (const m of record.models) {
    lines.push(
      `**${code(m.id)}** (${fileRef(m.card, m.line, options)})`,
      '',
      '| threshold | status | rule | benchmark | value | test | margin | source |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const t of m.thresholds) {
      for (const e of t.evidence) {
        lines.push(
          `| ${code(t.id, true)} | ${t.status.replace(/_/g, ' ')} | ${e.rule.replace('_', '-')} | ${code(`${e.benchmark} ${e.metric}`, true)} | ${e.value ?? '—'}${e.too_close ? ' (too close)' : ''} | ${symbol(e.op)} ${e.threshold} (${e.provenance ?? 'unlabelled'}) | ${e.margin ?? '—'} | ${e.file ? `${code(location(e.file, e.line), true)}${e.source ? ` (${e.source})` : ''}` : escapeText(e.note).replace(/\|/g, '\\|')} |`,
        );
      }
      if (t.evidence.length === 0)
        lines.push(
          `| ${code(t.id, true)} | ${t.status.replace(/_/g, ' ')} | — | — | — | — | — | ${escapeText(t.summary).replace(/\|/g, '\\|')} |`,
        );
    }
    lines.push('');
  }
  const notes = record.reasons.filter(
    (r) => r.severity !== 'block' && !r.code.startsWith('threshold-'),
  );
  if (notes.length) {
    lines.push('**Notes and review flags**', '');
    for (const r of notes.slice(0, 50))
      lines.push(
        `- ${r.severity === 'review' ? '🔎 ' : ''}${escapeText(r.message)}${r.file ? ` ${fileRef(r.file, r.line, options)}` : ''}`,
      );
    if (notes.length > 50) lines.push(`- … ${notes.length - 50} more in the check run`);
  }
  lines.push('', '</details>');
  return lines;
}

/** Said when only the changed cards were read, so nobody takes the table for the whole repository. */
function scopeNote(record: DecisionRecord): string[] {
  if (record.scope?.kind !== 'cards') return [];
  const { cards } = record.scope;
  const listed =
    cards
      .slice(0, 5)
      .map((c) => code(c))
      .join(', ') + (cards.length > 5 ? ', …' : '');
  return [
    '',
    cards.length === 0
      ? 'This pull request changes no files; every model stands as the base branch has it.'
      : `Only the ${cards.length === 1 ? 'model card' : `${cards.length} model cards`} this pull request changes ${cards.length === 1 ? 'was' : 'were'} judged (${listed}); every other model stands as the base branch has it.`,
  ];
}

/**
 * Which policy judged, at which commit: the repository's (`<path>@<ref>`, with the organization
 * policy it builds on), the organization's on its own, or a preset; and the preset underneath.
 */
function judgedBy(record: DecisionRecord): string {
  const { source, sha256, preset, organization } = record.policy;
  const digest = `(sha256 ${code(sha256.slice(0, 12))})`;
  const presetNote = preset
    ? `, preset ${code(`${preset.name}@${preset.version}`)} (sha256 ${code(preset.sha256.slice(0, 12))})`
    : '';
  if (organization === null) return `Judged by policy ${code(source)} ${digest}${presetNote}`;
  const organizationPolicy = `the organization policy ${code(organizationFile(organization))} at ${code(organization.commit.slice(0, 7))}`;
  if (source === organizationSource(organization))
    return `Judged by ${organizationPolicy} ${digest}${presetNote}`;
  return `Judged by policy ${code(source)} ${digest}, built on ${organizationPolicy}${presetNote}`;
}

function footer(record: DecisionRecord): string[] {
  const flags = reviewFlags(record).length;
  return [
    ...scopeNote(record),
    '',
    `${flags ? `🔎 ${flags} review flag${flags === 1 ? '' : 's'} (not blocking). ` : ''}${judgedBy(record)}. Tick an item only if you hold the role it needs; the gate checks who ticked. Comment ${code('/rsp-gate recheck')} to re-evaluate.`,
  ];
}

export function renderMarkdown(record: DecisionRecord, options: MarkdownOptions = {}): string {
  const attempt = (withDetails: boolean, perModel: number) =>
    [
      COMMENT_MARKER,
      headline(record),
      '',
      ...table(record),
      ...why(record, options),
      ...alerts(record, options),
      ...toUnblock(record, options),
      ...independenceNote(record),
      ...checklist(record, options, perModel),
      ...unblock(record, options),
      ...(withDetails ? details(record, options) : []),
      ...footer(record),
    ].join('\n') + '\n';
  for (const [withDetails, perModel] of [
    [true, Infinity],
    [false, Infinity],
    [false, 20],
    [false, 5],
  ] as const) {
    const text = attempt(withDetails, perModel);
    if (text.length <= MAX_COMMENT_CHARS) return text;
  }
  const note = `\n\n_The full report is too long for a comment${options.detailsUrl ? `: see [the check run](${options.detailsUrl})` : '; see the check run'}._\n`;
  const base = [
    COMMENT_MARKER,
    headline(record),
    '',
    `${record.models.length} models; ${blockingReasons(record).length} blocking reasons.`,
  ].join('\n');
  return `${base}${note}`.slice(0, MAX_COMMENT_CHARS);
}
