const DAY_MS = 86_400_000;
/** Attestations expiring within this many days are `expiring`. */
const EXPIRING_WITHIN_DAYS = 90;
/** The UTC day of `date`, YYYY-MM-DD. */
function dayOf(date) {
    return date.toISOString().slice(0, 10);
}
/** Whole days from `today` to `day` (both YYYY-MM-DD); negative when `day` is past. */
function daysBetween(today, day) {
    return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}
/** Every condition a model's thresholds read whose deciding value is known. */
function conditionsOf(model) {
    return model.thresholds.flatMap((t) => [...t.evidence, ...t.review, ...(t.alert?.conditions ?? [])].map((condition) => ({
        threshold: t.id,
        condition,
    })));
}
/** One value per model, benchmark and metric: the first condition that read it. */
function benchmarkValues(record) {
    const seen = new Set();
    const values = [];
    for (const model of record.models)
        for (const { condition: c } of conditionsOf(model)) {
            if (c.value === null)
                continue;
            const key = JSON.stringify([model.id, c.benchmark, c.metric]);
            if (seen.has(key))
                continue;
            seen.add(key);
            values.push({
                model: model.id,
                benchmark: c.benchmark,
                metric: c.metric,
                value: c.value,
                file: c.file,
            });
        }
    return values;
}
/** What is open for one model: safeguards, sign-offs, reports and alert responses not done. */
function openItemsOf(model) {
    return (model.safeguards.filter((s) => s.status !== 'satisfied').length +
        model.signoffs.filter((s) => s.status !== 'satisfied').length +
        model.triggers.filter((t) => t.status === 'missing').length +
        model.thresholds.filter((t) => t.alert?.status === 'missing').length);
}
function overviewRows(input, attestations) {
    const { record } = input.current;
    const today = dayOf(input.now);
    return record.models.map((model) => {
        const openItems = openItemsOf(model);
        // A blocking reason that names no model (a file no card owns that cannot be read, say) could
        // hold any model's safeguard or revocation: it blocks every model, as it blocks the gate.
        const blocked = record.reasons.some((r) => r.severity === 'block' && (r.model === undefined || r.model === model.id));
        const expiries = [
            ...attestations.filter((a) => a.model === model.id || a.model === '*').map((a) => a.expires),
            ...model.signoffs.map((s) => s.expires),
        ].filter((d) => d !== null && d >= today);
        return {
            model: model.id,
            deployment: model.levels.deployment,
            security: model.levels.security,
            verdict: openItems > 0 || blocked ? 'block' : 'pass',
            openItems,
            nextExpiry: expiries.length > 0 ? expiries.sort()[0] : null,
            card: input.redact ? null : model.card,
        };
    });
}
function marginRows(record, redact) {
    return record.models.flatMap((model) => model.thresholds.flatMap((t) => [...t.evidence, ...t.review].map((c) => ({
        model: model.id,
        threshold: t.id,
        thresholdStatus: t.status,
        benchmark: c.benchmark,
        metric: c.metric,
        rule: c.rule,
        op: c.op,
        line: c.threshold,
        value: redact ? null : c.value,
        holds: c.holds,
        tooClose: c.too_close,
        file: redact ? null : c.file,
    }))));
}
/** model id → its `previous` chain, nearest first (a cycle stops where it repeats). */
function lineageOf(state) {
    const previousOf = new Map();
    for (const m of state.models)
        if (m.previous?.id)
            previousOf.set(m.id, m.previous.id);
    const lineage = {};
    for (const m of state.models) {
        const chain = [];
        for (let id = previousOf.get(m.id); id !== undefined && id !== m.id; id = previousOf.get(id)) {
            if (chain.includes(id))
                break;
            chain.push(id);
        }
        lineage[m.id] = chain;
    }
    return lineage;
}
/** A sign-off attestation's expiry as the judgment computed it (the rule's `expires_after_days`). */
function judgedExpiry(record, a) {
    if (a.kind !== 'signoff')
        return null;
    const signoff = record.models
        .filter((m) => a.model === '*' || m.id === a.model)
        .flatMap((m) => m.signoffs)
        .find((s) => s.via === 'attestation' &&
        s.level === a.target &&
        s.by !== null &&
        a.approvedBy.includes(s.by) &&
        s.date === a.date);
    return signoff?.expires ?? null;
}
/**
 * Why an attestation counted for no model, in words that name approvers and roles, never a path;
 * null when it counts, or nothing asked for it. A safeguard: no model's safeguard counted it and
 * one rejected it. A sign-off: a model needs that level's sign-off and none rests on it. A
 * report: a trigger or alert of the model that requires it is still open. Any other (a
 * capability decision, an override, a declaration): the judgment said why it is not counted, at
 * the attestation's line.
 */
function rejectionOf(record, a) {
    if (a.kind === 'safeguard')
        return safeguardRejection(record, a);
    if (a.kind === 'signoff') {
        const needed = record.models
            .filter((m) => a.model === '*' || m.id === a.model)
            .flatMap((m) => m.signoffs.filter((s) => s.level === a.target));
        const rests = needed.some((s) => s.via === 'attestation' &&
            s.by !== null &&
            a.approvedBy.includes(s.by) &&
            s.date === a.date);
        return needed.length > 0 && !rests ? `no sign-off of ${a.target} rests on it` : null;
    }
    if (a.kind === 'report') {
        const open = record.models
            .filter((m) => a.model === '*' || m.id === a.model)
            .flatMap((m) => [
            ...m.triggers.filter((t) => t.requires_attestation === a.target && t.status === 'missing'),
            ...m.thresholds.filter((t) => t.alert?.report === a.target && t.alert.status === 'missing'),
        ]);
        if (open.length > 0)
            return `what requires ${a.target} is still open`;
    }
    const counted = a.kind === 'decision' &&
        record.models.some((m) => m.thresholds.some((t) => t.decision?.file === a.file && t.decision.line === a.line));
    const said = record.reasons.find((r) => r.file === a.file && r.line === a.line && / not counted: /.test(r.message));
    return counted || !said ? null : said.message.replace(/^.*? not counted: /, '');
}
function safeguardRejection(record, a) {
    const results = record.models.flatMap((m) => m.safeguards.filter((s) => s.id === a.target));
    const counted = results.some((s) => s.confirmed_by.some((c) => c.via === 'attestation' && c.file === a.file && c.line === a.line));
    if (counted)
        return null;
    const at = `attestation ${a.file}:${a.line}: `;
    const rejected = results.flatMap((s) => s.rejected).find((r) => r.why.startsWith(at));
    return rejected ? rejected.why.slice(at.length) : null;
}
function attestationRows(input) {
    const today = dayOf(input.now);
    const { record, state } = input.current;
    return state.attestations
        .map((a) => {
        const expires = a.expires ?? judgedExpiry(record, a);
        const daysLeft = expires !== null ? daysBetween(today, expires) : null;
        const stateOf = daysLeft === null
            ? a.date === null
                ? 'undated'
                : 'active'
            : daysLeft < 0
                ? 'expired'
                : daysLeft <= EXPIRING_WITHIN_DAYS
                    ? 'expiring'
                    : 'active';
        return {
            model: a.model,
            kind: a.kind,
            target: a.target,
            approvedBy: [...a.approvedBy],
            date: a.date,
            expires,
            state: stateOf,
            daysLeft,
            file: input.redact ? null : a.file,
            line: input.redact ? null : a.line,
            notCounted: rejectionOf(record, a),
        };
    })
        .sort((x, y) => (x.date ?? '').localeCompare(y.date ?? '') || x.model.localeCompare(y.model));
}
const STATUS_WORDS = {
    crossed: 'crossed',
    not_ruled_out: 'not ruled out',
    ruled_out: 'ruled out',
    cleared_by_decision: 'cleared by decision',
};
/**
 * Why a model sits at `level` of `kind`: the thresholds that put it there, with their files unless
 * `redact` (left out here, not cut from the words after: a file name may hold any character).
 */
function causesOf(model, kind, level, redact) {
    const causes = model.thresholds
        .filter((t) => (t.status === 'crossed' || t.status === 'not_ruled_out') && t.requires[kind] === level)
        .map((t) => {
        const files = redact
            ? []
            : [
                ...new Set(
                // Crossed: the rule-ins that hold; not ruled out: the rule-outs that do not. A
                // review flag is not a cause.
                t.evidence
                    .filter((c) => c.file !== null &&
                    (t.status === 'crossed'
                        ? c.rule === 'rule_in' && c.holds
                        : c.rule === 'rule_out' && !c.holds))
                    .map((c) => c.file)),
            ];
        return `${t.id} ${STATUS_WORDS[t.status]}${files.length > 0 ? ` (${files.join(', ')})` : ''}`;
    });
    if (model.declared && model.declared[kind] === level)
        causes.push(`declared ${level}`);
    return causes.length > 0 ? causes : ['no threshold requires more'];
}
/** Who confirmed what the model's level of `kind` requires (safeguards, sign-offs, decisions). */
function approversOf(model, kind, level) {
    const users = [
        ...model.safeguards
            .filter((s) => s.kind === kind && s.level === level && s.status === 'satisfied')
            .flatMap((s) => s.confirmed_by.map((c) => c.user)),
        ...model.signoffs
            .filter((s) => s.level === level && s.status === 'satisfied' && s.by !== null)
            .map((s) => s.by),
        ...model.thresholds.flatMap((t) => t.decision?.approved_by ?? []),
    ];
    return [...new Set(users)].sort();
}
function levelChanges(history, redact) {
    const changes = [];
    let previous = null;
    for (const summary of history) {
        if (summary.error !== null)
            continue;
        for (const [model, levels] of Object.entries(summary.levels))
            for (const kind of ['deployment', 'security']) {
                const from = previous?.levels[model]?.[kind] ?? null;
                if (from === levels[kind])
                    continue;
                const decided = summary.record?.models.find((m) => m.id === model);
                const causes = decided ? causesOf(decided, kind, levels[kind], redact) : [];
                changes.push({
                    commit: summary.commit,
                    model,
                    kind,
                    from,
                    to: levels[kind],
                    causes,
                    approvers: decided ? approversOf(decided, kind, levels[kind]) : [],
                });
            }
        previous = summary;
    }
    return changes;
}
/**
 * Reason codes the overview counts as open items. A rejected safeguard is listed all the same:
 * the page lists no safeguard items, and its attestation is on the timeline.
 */
const SHOWN_AS_ITEMS = /^(?:safeguard-(?!rejected$)|signoff-|trigger-|alert-response)/;
function blockingReasons(record, redact) {
    return record.reasons
        .filter((r) => r.severity === 'block' && !SHOWN_AS_ITEMS.test(r.code))
        .map((r) => redact ? { ...r, message: `${r.code} (details redacted)`, file: null, line: null } : r);
}
/** Everything the page shows, from the judgments. */
function buildReportData(input) {
    const { record, commit } = input.current;
    const attestations = attestationRows(input);
    const expiring = (days) => attestations.filter((a) => a.daysLeft !== null && a.daysLeft >= 0 && a.daysLeft <= days);
    // Redacted, commits keep their sha, date and author; subjects go (authors write paths and
    // values in them, and free text cannot be cleaned).
    const shown = (c) => input.redact ? { ...c, subject: '(subject redacted)' } : c;
    const judged = input.redact
        ? input.history.map((h) => ({ ...h, commit: shown(h.commit) }))
        : input.history;
    const history = input.redact
        ? judged.map((h) => ({ ...h, values: [], record: null }))
        : input.history;
    const sha7 = (sha) => sha.slice(0, 7);
    return {
        title: `rsp-gate report: ${input.repository}`,
        generatedAt: input.now.toISOString(),
        policy: record.policy,
        decision: record.decision,
        mode: record.mode,
        head: commit === null ? null : shown(commit),
        headSha: commit === null ? record.head : null,
        overview: overviewRows(input, attestations),
        margins: marginRows(record, input.redact),
        lineage: lineageOf(input.current.state),
        values: input.redact ? [] : benchmarkValues(record),
        history,
        historyScope: input.historyScope,
        levelChanges: levelChanges(judged, input.redact),
        attestations,
        expiringWithin: { 30: expiring(30), 60: expiring(60), 90: expiring(90) },
        blockingReasons: blockingReasons(record, input.redact),
        records: input.redact
            ? []
            : [
                { label: 'current state', commit: commit?.sha ?? null, record },
                ...input.history
                    .filter((h) => h.record !== null)
                    .map((h) => ({
                    label: `${sha7(h.commit.sha)} ${h.commit.date.slice(0, 10)}`,
                    commit: h.commit.sha,
                    record: h.record,
                })),
            ],
        redacted: input.redact,
    };
}
/** What history a report judged, in words: `the last 20 first-parent commits (20 judged)`. */
function describeHistoryScope(asked) {
    const what = asked.since !== undefined
        ? `the first-parent commits since ${dayOf(asked.since)}`
        : `the last ${asked.limit} first-parent commits`;
    return `${what} (${asked.judged} judged)`;
}

export { buildReportData as b, conditionsOf as c, describeHistoryScope as d };
