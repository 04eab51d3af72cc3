#!/usr/bin/env node
import { readdirSync, lstatSync, existsSync, mkdirSync, writeFileSync, realpathSync } from 'node:fs';
import { join, resolve, relative, basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { f as fileSourceFromBytes, a as fileSourceFromPath, c as createPathIndex, l as levelChange, b as location, s as symbol, d as signedAhead, e as blockingReasons, r as reviewFlags, i as isModelBlocked, g as countSatisfied, h as reasonsFor, D as DEFAULT_POLICY_PATH, j as isInputError, p as presetNames, k as loadPreset, m as DEFAULT_PRESET, n as loadPolicyFrom, o as loadRepository, q as checkTrees, S as STATE_CONTEXT, t as renderMarkdown, u as hasInvalidInput } from './chunks/render-markdown-DncR61q3.js';
import { readFile } from 'node:fs/promises';
import { d as describeHistoryScope } from './chunks/report-data-B0Kk7ul_.js';
import 'node:crypto';
import 'node:zlib';

/** A directory on disk as a RepositoryTree. Symlinks are listed, never followed. */
/** Files up to this size are read in one call. */
const WHOLE_FILE_BYTES = 256 * 1024;
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
function createLocalTree(root, label = root) {
    let cached = null;
    const sizes = new Map();
    const walkAll = () => {
        const out = [];
        const walk = (dir, prefix) => {
            for (const dirent of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
                const path = prefix ? `${prefix}/${dirent.name}` : dirent.name;
                const full = join(dir, dirent.name);
                if (dirent.isSymbolicLink())
                    out.push({ path, kind: 'symlink', size: 0 });
                else if (dirent.isDirectory()) {
                    if (!SKIPPED_DIRECTORIES.has(dirent.name))
                        walk(full, path);
                }
                else if (dirent.isFile()) {
                    const size = lstatSync(full).size;
                    sizes.set(path, size);
                    out.push({ path, kind: 'file', size });
                }
            }
        };
        walk(root, '');
        return { index: createPathIndex(out), byPath: new Map(out.map((e) => [e.path, e])) };
    };
    const all = () => (cached ??= walkAll());
    return {
        label,
        async list(dir) {
            return all().index.under(dir);
        },
        async stat(path) {
            return all().byPath.get(path) ?? null;
        },
        async open(path) {
            // Small files are read whole, once; large ones are streamed and read in ranges.
            const size = sizes.get(path);
            if (size !== undefined && size <= WHOLE_FILE_BYTES) {
                return fileSourceFromBytes(path, new Uint8Array(await readFile(join(root, path))));
            }
            return fileSourceFromPath(join(root, path), path);
        },
    };
}

/** One judged condition: its test, the value and margin, where it was read, and why. */
function conditionLines(e) {
    const value = e.value === null ? 'no value' : String(e.value);
    const margin = e.margin === null ? '' : `, margin ${e.margin >= 0 ? '+' : ''}${e.margin}`;
    return [
        `    ${e.holds ? '✓' : '·'} ${e.rule.padEnd(9)} ${e.benchmark} ${e.metric}${e.scorer ? ` (scorer ${e.scorer})` : ''} ${symbol(e.op)} ${e.threshold} [${e.provenance ?? 'unlabelled'}; policy ${e.policy_file}:${e.policy_line}] → ${value}${margin}${e.file ? ` at ${location(e.file, e.line)} (${[e.source, e.status].filter(Boolean).join(', ')})` : ''}`,
        `        ${e.note}`,
    ];
}
/** A threshold's alert: reached or not, and whether its signed response is there. */
function alertLines(alert) {
    const report = `report: ${alert.report} signed by ${alert.signers.join(' and ')}`;
    const status = alert.status === 'not_reached'
        ? 'not reached'
        : alert.status === 'satisfied'
            ? `reached; response ${report} at ${location(alert.file, alert.line)}`
            : `reached; response ${report} is missing`;
    return [
        `    alert: ${status} (an alert does not raise the level)`,
        ...alert.conditions.flatMap((c) => conditionLines(c).map((l) => `  ${l}`)),
    ];
}
/** How a sign-off stands in time: expired, dated after today (never valid), and until when. */
function signoffLapse(s, evaluatedAt) {
    if (signedAhead(s, evaluatedAt))
        return ' — dated after today, not counted';
    return `${s.status === 'expired' ? ' — expired' : ''}${s.expires ? `, valid until ${s.expires}` : ''}`;
}
function renderExplanation(record, model, policy) {
    const out = [];
    out.push(`${model.id} — ${model.card}:${model.line}`);
    out.push(`policy ${record.policy.source}${record.policy.extends ? ` (extends ${record.policy.extends})` : ''}, evaluated ${record.evaluated_at}`);
    out.push(`deployment ${levelChange(model.levels.deployment, model.base_levels?.deployment)}, security ${levelChange(model.levels.security, model.base_levels?.security)} (baseline ${policy.baseline})`);
    if (model.declared)
        out.push(`declared deployment ${model.declared.deployment}, security ${model.declared.security} (the level is the higher of declared and required by the thresholds)`);
    out.push('', `Thresholds (${model.thresholds.length}):`);
    for (const t of model.thresholds) {
        const requires = Object.entries(t.requires)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ');
        out.push(`  ${t.id} → ${t.status} (requires ${requires})`, `    ${t.summary}`);
        for (const e of [...t.evidence, ...t.review])
            out.push(...conditionLines(e));
        if (t.decision)
            out.push(`    capability decision ${location(t.decision.file, t.decision.line)} approved by ${t.decision.approved_by.join(', ')}`);
        if (t.alert)
            out.push(...alertLines(t.alert));
    }
    out.push('', `Required safeguards (${model.safeguards.length}):`);
    for (const s of model.safeguards) {
        out.push(`  ${s.status === 'satisfied' ? '✓' : '✗'} ${s.level} ${s.kind} ${s.id}: ${s.title} — ${s.status}; ${s.note}`);
    }
    if (model.signoffs.length)
        out.push('', 'Sign-offs:', ...model.signoffs.map((s) => `  ${s.status === 'satisfied' ? '✓' : '✗'} ${s.level} ${s.role}${s.by ? ` by @${s.by} (${s.via}${s.date ? ` of ${s.date}` : ''})` : ''}${signoffLapse(s, record.evaluated_at)}`));
    out.push('', 'Triggers:', ...model.triggers.map((t) => `  ${t.id}: ${t.status.replace('_', ' ')} — ${t.why}`));
    out.push('', `Evidence: ${model.evidence.records} records from ${model.evidence.files.length} files`, ...model.evidence.files.map((f) => `  ${f}`));
    const reasons = record.reasons.filter((r) => r.model === model.id);
    if (reasons.length)
        out.push('', 'Reasons:', ...reasons.map((r) => `  [${r.severity}] ${r.code}: ${r.message}${r.file ? ` (${location(r.file, r.line)})` : ''}`));
    return `${out.join('\n')}\n`;
}

const STATUS_WORD = {
    crossed: 'CROSSED',
    not_ruled_out: 'NOT RULED OUT',
    ruled_out: 'ruled out',
    cleared_by_decision: 'cleared',
};
function renderModel(record, model, detail) {
    const lines = [];
    const blocked = isModelBlocked(record, model);
    lines.push(`${blocked ? '✗ BLOCKED' : '✓ pass'}  ${model.id}  (${model.card})`);
    lines.push(`    deployment ${levelChange(model.levels.deployment, model.base_levels?.deployment)}   security ${levelChange(model.levels.security, model.base_levels?.security)}`);
    for (const t of model.thresholds) {
        if (!detail && t.status === 'ruled_out')
            continue;
        lines.push(`    ${t.id.padEnd(10)} ${STATUS_WORD[t.status].padEnd(13)} ${t.summary.replace(/^[a-z ]+: /, '')}`);
    }
    const ruledOut = model.thresholds.filter((t) => t.status === 'ruled_out').map((t) => t.id);
    if (!detail && ruledOut.length > 0)
        lines.push(`    ruled out: ${ruledOut.join(', ')}`);
    const { satisfied, total } = countSatisfied(model);
    lines.push(`    safeguards: ${satisfied} of ${total} confirmed`);
    for (const s of model.safeguards) {
        if (s.status === 'satisfied' && !detail)
            continue;
        const mark = s.status === 'satisfied' ? '✓' : '✗';
        const state = s.status === 'satisfied' ? s.note : `${s.status}: ${s.note}`;
        lines.push(`      ${mark} ${s.id} — ${s.title} · ${state}`);
    }
    for (const s of model.signoffs) {
        lines.push(`    sign-off ${s.level} by ${s.role}: ${s.status === 'satisfied' ? `✓ @${s.by} (${s.via})` : `✗ ${s.status}`}${s.expires ? `, valid until ${s.expires}` : ''}`);
    }
    for (const t of model.triggers) {
        if (!t.fired && !detail)
            continue;
        const state = t.status === 'not_fired'
            ? 'not fired'
            : t.status === 'satisfied'
                ? `fired, ${t.requires_attestation} attested`
                : `fired, ${t.requires_attestation} MISSING`;
        lines.push(`    trigger ${t.id}: ${state} (${t.why})`);
    }
    const own = reasonsFor(record, model).filter((r) => r.severity !== 'block' && !r.code.startsWith('threshold-'));
    for (const r of own)
        lines.push(`    ${r.severity === 'review' ? 'review' : 'note'}: ${r.message}${r.file ? ` [${location(r.file, r.line)}]` : ''}`);
    return lines;
}
function renderText(record, options = {}) {
    const detail = options.detail ?? false;
    const blocking = blockingReasons(record);
    const verdict = record.decision === 'pass'
        ? 'PASS'
        : record.mode === 'advisory'
            ? 'WOULD BLOCK (advisory mode)'
            : 'BLOCKED';
    const out = [];
    const extendsNote = record.policy.extends ? ` (extends preset ${record.policy.extends})` : '';
    out.push(`rsp-gate: ${verdict} — ${record.models.length} model${record.models.length === 1 ? '' : 's'}, policy ${record.policy.source}${extendsNote}`);
    out.push('');
    for (const model of record.models)
        out.push(...renderModel(record, model, detail), '');
    const general = record.reasons.filter((r) => r.model === undefined && r.severity !== 'block');
    for (const r of general)
        out.push(`note: ${r.message}${r.file ? ` [${location(r.file, r.line)}]` : ''}`);
    if (blocking.length > 0) {
        out.push(`Blocking (${blocking.length}):`);
        const listedAbove = (code) => code.startsWith('safeguard-') || code === 'signoff-missing';
        for (const model of record.models) {
            const open = blocking.filter((r) => r.model === model.id && listedAbove(r.code));
            const safeguards = open.filter((r) => r.code !== 'signoff-missing').length;
            const signoffs = open.length - safeguards;
            if (open.length > 0)
                out.push(`  ${model.id}: ${safeguards} safeguard${safeguards === 1 ? '' : 's'} and ${signoffs} sign-off${signoffs === 1 ? '' : 's'} outstanding (listed above)`);
        }
        for (const r of blocking.filter((r) => !listedAbove(r.code))) {
            out.push(`  ${location(r.file, r.line) || '(repository)'}: ${r.message}`);
        }
    }
    const flags = reviewFlags(record);
    if (flags.length > 0)
        out.push(`Review flags (${flags.length}), not blocking:`, ...flags.map((r) => `  ${location(r.file, r.line)}: ${r.message}`));
    return `${out
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trimEnd()}\n`;
}

/** What `rsp-gate init` writes. */
/** A policy that extends `preset`, pinned to `version` (see README, "Preset versions"). */
function starterPolicy(preset, version) {
    return `# yaml-language-server: $schema=https://rsp-gate.dev/schemas/v1/policy.schema.json
# rsp-gate policy. Lists below merge into the preset by id: override one threshold or
# safeguard by repeating its id, add your own with a new id. \`rsp-gate presets\` lists presets.
# The preset is pinned (@${version}): a newer rsp-gate whose preset version differs refuses this
# policy until you update the pin, a policy change the policy owners approve.
version: 1
extends: ${preset}@${version}
mode: advisory            # start by reporting; switch to \`enforce\` to block merges

roles:                    # who may confirm safeguards and sign off: GitHub logins and/or org teams
  rso: { users: [] }      # Responsible Scaling Officer
  ceo: { users: [] }
  security-lead: { users: [] }

discovery:
  cards: ["**/MODEL_CARD.md", "models/*/README.md"]
  attestations: ["safeguards/**/*.yml"]
`;
}
function starterWorkflow() {
    return `# rsp-gate: judge every pull request that touches model cards, evals, safeguards or the policy.
# Every run re-judges its pull request, whatever event started it, so a run that carries a
# revocation (a "changes requested" review, a dismissed approval, an unticked item) must not be
# dropped: runs of one pull request queue in order (\`queue: max\`, up to 100 pending) instead of
# replacing each other. Past 100, GitHub cancels the newest; the next run re-judges, and a merge
# queue re-judges on its own commit (keep \`merge_group\`). See the README, "Use it on GitHub".
name: rsp-gate
on:
  pull_request_target:
    types: [opened, synchronize, reopened, edited, ready_for_review]
  pull_request_review:
    types: [submitted, dismissed]
  issue_comment:
    types: [created, edited, deleted]
  merge_group:
    types: [checks_requested]
permissions:
  contents: read
  pull-requests: write
  checks: write
  issues: write
concurrency:
  group: rsp-gate-\${{ github.event.pull_request.number || github.event.issue.number || github.ref }}
  cancel-in-progress: false
  queue: max
jobs:
  gate:
    if: github.event_name != 'issue_comment' || github.event.issue.pull_request
    runs-on: ubuntu-latest
    steps:
      # No checkout: rsp-gate reads files through the API and never runs pull-request code.
      - uses: rsp-gate/rsp-gate@v1
        with:
          token: \${{ secrets.GITHUB_TOKEN }}
`;
}

/**
 * `rsp-gate check | validate | explain | init | presets`. Exit codes: 0 pass, 1 block,
 * 2 invalid input or usage.
 */
const EXIT_PASS = 0;
const DEFAULT_REPORT_PATH = 'rsp-gate-report.html';
const EXIT_BLOCK = 1;
const EXIT_INVALID = 2;
const USAGE = `usage: rsp-gate <command> [options]

commands:
  check     evaluate a repository tree (optionally against a base tree)
              --root DIR   tree to judge (default: .)
              --base DIR   base tree: judge root as a change against it
              --policy FILE  policy path inside the tree (default: ${DEFAULT_POLICY_PATH})
              --format text|json|markdown   (default: text)
              --now YYYY-MM-DD   evaluate as of this date (default: today)
  validate  schema-check the policy, cards, evidence and attestations  [--root DIR] [--policy FILE]
  explain   the full reasoning for one model: rsp-gate explain MODEL [--root DIR] [--base DIR]
  init      write a starter policy and workflow  [--root DIR] [--preset NAME]
  report    write a self-contained HTML page of where every model stands, its margins to each
            threshold, trends, sign-offs and expiries
              --root DIR   tree to report on (default: .)
              --history N  also judge the last N first-parent commits (local git)
              --since DATE also judge the first-parent commits since DATE (instead of --history)
              --now YYYY-MM-DD   judge the current state as of this date (default: today)
              --out FILE   where to write the page (default: ${DEFAULT_REPORT_PATH})
              --redact     leave out evidence paths and values (for a page published widely)
              --policy FILE  policy path inside the tree (default: ${DEFAULT_POLICY_PATH})
  presets   list the built-in presets: version, digest, document, what each does not enforce
  serve     run the GitHub App server (the same as \`node dist/app.js\`); configured by the
            environment: APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT, DATABASE_URL (README)

exit codes: 0 pass, 1 block, 2 invalid input`;
function parseNow(value, io) {
    if (value === undefined)
        return io.now();
    if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) || Number.isNaN(Date.parse(value))) {
        throw new UsageError(`--now: \`${value}\` is not a date (YYYY-MM-DD)`);
    }
    return new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
}
class UsageError extends Error {
}
/** A YYYY-MM-DD option, as midnight UTC of that day. */
function parseDay(option, value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
        throw new UsageError(`${option}: \`${value}\` is not a date (YYYY-MM-DD)`);
    return new Date(`${value}T00:00:00Z`);
}
async function check(args, io, explainModel) {
    const { values } = parseArgs({
        args,
        options: {
            root: { type: 'string', default: '.' },
            base: { type: 'string' },
            policy: { type: 'string', default: DEFAULT_POLICY_PATH },
            format: { type: 'string', default: 'text' },
            now: { type: 'string' },
        },
        allowPositionals: false,
    });
    const format = values.format;
    if (!['text', 'json', 'markdown'].includes(format))
        throw new UsageError(`--format must be text, json or markdown, not \`${format}\``);
    const root = resolve(io.cwd, values.root);
    if (!existsSync(root))
        throw new UsageError(`--root: ${values.root} does not exist`);
    const base = values.base !== undefined ? resolve(io.cwd, values.base) : null;
    if (base !== null && !existsSync(base))
        throw new UsageError(`--base: ${values.base} does not exist`);
    const result = await checkTrees({
        head: createLocalTree(root, relative(io.cwd, root) || '.'),
        base: base ? createLocalTree(base, relative(io.cwd, base) || '.') : null,
        policyPath: values.policy,
        now: parseNow(values.now, io),
        context: STATE_CONTEXT,
        policyRef: base ? 'base' : undefined,
    });
    const { record } = result;
    if (explainModel !== null) {
        const model = record.models.find((m) => m.id.toLowerCase() === explainModel.toLowerCase());
        if (!model) {
            io.err(`rsp-gate: no model \`${explainModel}\` in ${values.root}; models: ${record.models.map((m) => m.id).join(', ') || 'none'}\n`);
            return EXIT_INVALID;
        }
        io.out(renderExplanation(record, model, result.policy));
    }
    else if (format === 'json')
        io.out(`${JSON.stringify(record, null, 2)}\n`);
    else if (format === 'markdown')
        io.out(renderMarkdown(record));
    else
        io.out(renderText(record));
    if (hasInvalidInput(result))
        return EXIT_INVALID;
    if (record.decision === 'block' && record.mode === 'enforce')
        return EXIT_BLOCK;
    return EXIT_PASS;
}
async function validate(args, io) {
    const { values } = parseArgs({
        args,
        options: {
            root: { type: 'string', default: '.' },
            policy: { type: 'string', default: DEFAULT_POLICY_PATH },
        },
    });
    const root = resolve(io.cwd, values.root);
    const tree = createLocalTree(root, values.root);
    const { policy } = await loadPolicyFrom(tree, values.policy);
    const state = await loadRepository(tree, policy);
    const problems = [...state.problems, ...state.models.flatMap((m) => m.artifactErrors)];
    const records = state.models.reduce((n, m) => n + m.evidence.length, 0);
    const files = new Set(state.models.flatMap((m) => m.evidence.map((r) => r.file))).size;
    for (const p of problems)
        io.err(`${p.file}${p.line !== null ? `:${p.line}` : ''}${p.column ? `:${p.column}` : ''}: ${p.message}${p.hint ? ` — ${p.hint}` : ''}\n`);
    io.out(`policy ${values.policy} (${policy.extends ? `extends ${policy.extends}, ` : ''}${policy.thresholds.length} thresholds, ${policy.safeguards.length} safeguards): valid\n`);
    io.out(`${state.models.length} model cards, ${records} evidence records from ${files} files, ${state.attestations.length} attestations: ${problems.length === 0 ? 'valid' : `${problems.length} invalid`}\n`);
    return problems.length === 0 ? EXIT_PASS : EXIT_INVALID;
}
/** `path` as a user reads it: relative to where they are, unless it lies outside. */
function shownPath(cwd, path) {
    const shown = relative(cwd, path);
    return shown === '' || shown.startsWith('..') ? path : shown;
}
/** `--history N`: a whole number of commits, at least 1. */
function parseHistory(value) {
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100_000)
        throw new UsageError(`--history: \`${value}\` is not a number of commits (1 or more)`);
    return Number(value);
}
async function report(args, io) {
    const { values } = parseArgs({
        args,
        options: {
            root: { type: 'string', default: '.' },
            history: { type: 'string' },
            since: { type: 'string' },
            now: { type: 'string' },
            out: { type: 'string', default: DEFAULT_REPORT_PATH },
            redact: { type: 'boolean', default: false },
            policy: { type: 'string', default: DEFAULT_POLICY_PATH },
        },
        allowPositionals: false,
    });
    if (values.history !== undefined && values.since !== undefined)
        throw new UsageError('--history and --since: give one of them');
    const limit = values.history !== undefined ? parseHistory(values.history) : undefined;
    const since = values.since !== undefined ? parseDay('--since', values.since) : undefined;
    const now = parseNow(values.now, io);
    const root = resolve(io.cwd, values.root);
    if (!existsSync(root))
        throw new UsageError(`--root: ${values.root} does not exist`);
    const { judgeHistory, headCommit, ignoredFiles, isShallow, uncommittedChanges } = await import('./chunks/git-history-C9Cs800P.js').then(function (n) { return n.g; });
    const { buildReport } = await import('./chunks/build-report-BOhToGQy.js');
    const out = resolve(io.cwd, values.out);
    const head = await headCommit(root);
    // A work tree that is not HEAD's is judged as it is, and the page does not name HEAD for it.
    const changed = head ? await uncommittedChanges(root, [out]) : [];
    const wantsHistory = limit !== undefined || since !== undefined;
    if (wantsHistory && head === null)
        throw new UsageError(`--history/--since: ${values.root} is not inside a git work tree`);
    const history = wantsHistory
        ? await judgeHistory({
            root,
            policyPath: values.policy,
            ...(limit !== undefined ? { limit } : {}),
            ...(since !== undefined ? { since } : {}),
        })
        : [];
    // A shallow clone holds fewer commits than the branch: the page and the command say so.
    const cut = wantsHistory && (limit === undefined || history.length < limit) && (await isShallow(root));
    if (cut)
        io.err(`rsp-gate report: the clone is shallow, so only ${history.length} commit${history.length === 1 ? ' was' : 's were'} there to judge; ` +
            'run `git fetch --unshallow` (in CI, check out with `fetch-depth: 0`) for the whole history\n');
    const label = relative(io.cwd, root) || basename(root);
    const build = (commit) => buildReport({
        tree: createLocalTree(root, label),
        policyPath: values.policy,
        now,
        repository: head && commit === null
            ? `${label}, uncommitted changes on ${head.sha.slice(0, 7)}`
            : label,
        commit,
        history,
        historyScope: wantsHistory
            ? `${describeHistoryScope({ limit, since, judged: history.length })}` +
                `${cut ? '; the clone is shallow: its history stops there' : ''}`
            : null,
        redact: values.redact,
    });
    let result = await build(changed.length > 0 ? null : head);
    // Files git ignores are read too where the card's globs reach them: a page that read one is
    // not HEAD's either (judged again, naming no commit; rare, so paid only then).
    if (head && changed.length === 0) {
        changed.push(...ignoredRead(root, result.record, await ignoredFiles(root)));
        if (changed.length > 0)
            result = await build(null);
    }
    if (head && changed.length > 0)
        io.err(`rsp-gate report: the work tree has uncommitted changes (${changed.slice(0, 3).join(', ')}` +
            `${changed.length > 3 ? `, +${changed.length - 3}` : ''}); the page reports the work tree, not ${head.sha.slice(0, 7)}\n`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, result.html);
    const models = result.data.overview.length;
    io.out(`wrote ${shownPath(io.cwd, out)}: ${models} model${models === 1 ? '' : 's'}, decision ${result.record.decision}` +
        `${wantsHistory ? `, ${history.length} commit${history.length === 1 ? '' : 's'} of history` : ''}` +
        `${values.redact ? ', redacted' : ''}\n`);
    if (!result.invalidInput)
        return EXIT_PASS;
    io.err('rsp-gate report: some files could not be read; the page lists them (run `rsp-gate validate`)\n');
    return EXIT_INVALID;
}
/** The ignored files (physical absolute paths) that the judgment read: cards and evidence. */
function ignoredRead(root, record, ignored) {
    if (ignored.length === 0)
        return [];
    const top = realpathSync(root);
    const read = new Set(record.models.flatMap((m) => [m.card, ...m.evidence.files]).map((p) => join(top, p)));
    return ignored.filter((p) => read.has(p)).map((p) => relative(top, p));
}
function init(args, io) {
    const { values } = parseArgs({
        args,
        options: {
            root: { type: 'string', default: '.' },
            preset: { type: 'string', default: DEFAULT_PRESET },
        },
    });
    const preset = values.preset;
    if (!presetNames().includes(preset))
        throw new UsageError(`--preset: unknown preset \`${preset}\`; built-in presets: ${presetNames().join(', ')}`);
    // The preset itself must load before we point a user at it; the policy pins its version.
    const { version } = loadPreset(preset).preset;
    const root = resolve(io.cwd, values.root);
    const files = [
        [join(root, DEFAULT_POLICY_PATH), starterPolicy(preset, version)],
        [join(root, '.github/workflows/rsp-gate.yml'), starterWorkflow()],
    ];
    const existing = files
        .filter(([path]) => existsSync(path))
        .map(([path]) => relative(io.cwd, path));
    if (existing.length > 0) {
        io.err(`rsp-gate init: not overwriting ${existing.join(', ')}\n`);
        return EXIT_INVALID;
    }
    for (const [path, text] of files) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
        io.out(`wrote ${relative(io.cwd, path)}\n`);
    }
    io.out(`next: fill in the role members in ${DEFAULT_POLICY_PATH}, then run \`rsp-gate check\`\n`);
    return EXIT_PASS;
}
/** One preset as `rsp-gate presets` lists it; every line after the name is indented. */
function presetListing(policy) {
    const preset = policy.preset;
    const name = preset.name;
    const marker = name === DEFAULT_PRESET ? ' (default)' : '';
    const notEnforced = preset.notEnforced.length === 0
        ? ['  not enforced: none listed']
        : [
            `  not enforced (${preset.notEnforced.length}):`,
            ...preset.notEnforced.map((n) => `    - ${n.element}: ${n.why} (${n.source})`),
        ];
    return [
        `${name}${marker}`,
        `  ${policy.name ?? name}`,
        `  version ${preset.version}, sha256 ${preset.sha256.slice(0, 12)}; pin it with \`extends: ${name}@${preset.version}\``,
        `  document: ${preset.document ?? 'not named'}`,
        `  levels ${policy.levels.join(' < ')}; ${policy.thresholds.length} thresholds, ${policy.safeguards.length} safeguards, ${policy.signoffs.length} sign-off rules, ${policy.triggers.length} triggers`,
        ...notEnforced,
    ].join('\n');
}
function presets(io) {
    const listings = presetNames().map((name) => presetListing(loadPreset(name)));
    io.out(`${listings.join('\n\n')}\n`);
    return EXIT_PASS;
}
/** The App server, until SIGTERM or SIGINT stops it (after the running jobs). */
async function serve(io) {
    const { startApp } = await import('./chunks/start-D5yMT8QW.js');
    const { ConfigError } = await import('./chunks/config-BKg1IM3o.js');
    let app;
    try {
        app = await startApp(process.env, io.out);
    }
    catch (error) {
        if (!(error instanceof ConfigError))
            throw error;
        io.err(`rsp-gate serve: ${error.message}\n`);
        return EXIT_INVALID;
    }
    const running = app;
    await new Promise((resolve) => {
        const stop = () => void running.close().then(resolve);
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
    });
    // The running jobs are done: a request still retrying (a sweep's) must not keep it alive.
    process.exit(EXIT_PASS);
}
async function main(argv, io) {
    const [command, ...rest] = argv;
    try {
        switch (command) {
            case 'check':
                return await check(rest, io, null);
            case 'explain': {
                const [model, ...options] = rest;
                if (!model || model.startsWith('-'))
                    throw new UsageError('explain needs a model id, e.g. `rsp-gate explain acme/frontier-7`');
                return await check(options, io, model);
            }
            case 'validate':
                return await validate(rest, io);
            case 'init':
                return init(rest, io);
            case 'presets':
                return presets(io);
            case 'report':
                return await report(rest, io);
            case 'serve':
                return await serve(io);
            case undefined:
            case '-h':
            case '--help':
            case 'help':
                io.out(`${USAGE}\n`);
                return command === undefined ? EXIT_INVALID : EXIT_PASS;
            default:
                throw new UsageError(`unknown command \`${command}\``);
        }
    }
    catch (error) {
        if (isInputError(error)) {
            io.err(`rsp-gate: ${error.describe()}\n`);
            return EXIT_INVALID;
        }
        if (error instanceof UsageError ||
            (error instanceof TypeError &&
                error.code?.startsWith('ERR_PARSE_ARGS'))) {
            io.err(`rsp-gate: ${error.message}\n\n${USAGE}\n`);
            return EXIT_INVALID;
        }
        throw error;
    }
}

/** The command-line entry: run `main` and exit with its code; an unexpected error exits 2. */
main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    now: () => new Date(),
}).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`rsp-gate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nThis is a bug; the gate treats it as a failure.\n`);
    process.exitCode = 2;
});
