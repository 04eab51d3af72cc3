import { existsSync, realpathSync } from 'node:fs';
import { resolve, dirname, join, basename } from 'node:path';
import { c as createPathIndex, f as fileSourceFromBytes, I as InputError, q as checkTrees, S as STATE_CONTEXT, j as isInputError, O as createParseCache } from './render-markdown-DncR61q3.js';
import { spawn, execFile } from 'node:child_process';
import { c as conditionsOf } from './report-data-B0Kk7ul_.js';

/**
 * A commit of a local git repository as a RepositoryTree: its files listed by `git ls-tree`, their
 * bytes read through one long-lived `git cat-file --batch` process shared by every commit judged.
 * Each entry carries its blob id, so a parse cache can tell an unchanged file from a changed one.
 */
/** ls-tree of a 20,000-file commit is a few MB; logs of long histories more. */
const MAX_OUTPUT_BYTES = 1 << 30;
/** Runs git in `cwd` and answers its standard output, or rejects with its standard error. */
function runGit(cwd, args) {
    return new Promise((resolve, reject) => {
        execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT_BYTES }, (error, stdout, stderr) => {
            if (error) {
                const said = stderr.toString('utf8').trim();
                reject(new Error(`git ${args[0]} failed${said ? `: ${said}` : `: ${error.message}`}`));
            }
            else
                resolve(stdout);
        });
    });
}
/**
 * Parses the batch output stream: `<id> <type> <size>\n<bytes>\n`, or `<id> missing\n`. Each
 * blob's bytes are copied once into an array of its size, whatever the chunks they arrive in.
 */
class BatchParser {
    queue;
    /** The header line read so far. */
    header = [];
    /** The blob being filled, and how much of it is; then the newline after it is skipped. */
    body = null;
    skipNewline = false;
    constructor(queue) {
        this.queue = queue;
    }
    push(chunk) {
        let at = 0;
        while (at < chunk.length) {
            if (this.skipNewline) {
                this.skipNewline = false;
                at++;
            }
            else if (this.body)
                at = this.fill(chunk, at);
            else {
                const newline = chunk.indexOf(10, at);
                if (newline < 0) {
                    this.header.push(chunk.subarray(at));
                    return;
                }
                this.header.push(chunk.subarray(at, newline));
                at = newline + 1;
                this.startAnswer(Buffer.concat(this.header).toString('utf8'));
                this.header = [];
            }
        }
    }
    startAnswer(line) {
        const [, type, size] = line.split(' ');
        const pending = this.queue[0];
        if (!pending)
            throw new Error(`git cat-file answered what was not asked: ${line}`);
        if (type === 'missing' || size === undefined) {
            this.queue.shift();
            pending.reject(new Error(`git cat-file: blob ${pending.id} is missing`));
            return;
        }
        this.body = { bytes: new Uint8Array(Number(size)), filled: 0 };
        if (this.body.bytes.length === 0)
            this.finish();
    }
    fill(chunk, at) {
        const body = this.body;
        const take = Math.min(body.bytes.length - body.filled, chunk.length - at);
        body.bytes.set(chunk.subarray(at, at + take), body.filled);
        body.filled += take;
        if (body.filled === body.bytes.length)
            this.finish();
        return at + take;
    }
    finish() {
        const { bytes } = this.body;
        this.body = null;
        this.skipNewline = true;
        this.queue.shift().resolve(bytes);
    }
}
/**
 * Starts `git cat-file --batch` in `cwd`. `onRead` is told of every blob read (tests count them).
 */
function startBlobReader(cwd, onRead) {
    const child = spawn('git', ['cat-file', '--batch'], {
        cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    const queue = [];
    const parser = new BatchParser(queue);
    let failure = null;
    let stderr = '';
    const failAll = (error) => {
        failure ??= error;
        for (const pending of queue.splice(0))
            pending.reject(failure);
    };
    child.stdout.on('data', (chunk) => {
        try {
            parser.push(chunk);
        }
        catch (error) {
            failAll(error);
            child.kill();
        }
    });
    child.stderr.on('data', (chunk) => {
        stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => failAll(new Error(`git cat-file could not start: ${error.message}`)));
    child.on('close', (code) => failAll(new Error(`git cat-file ended (${code ?? 'killed'})${stderr ? `: ${stderr}` : ''}`)));
    child.stdin.on('error', () => { }); // a write after the end: the close handler rejects
    return {
        read(id) {
            if (failure)
                return Promise.reject(failure);
            if (!/^[0-9a-f]{40,64}$/.test(id))
                return Promise.reject(new Error(`not a blob id: ${id}`));
            onRead?.(id);
            return new Promise((resolve, reject) => {
                queue.push({ id, resolve, reject });
                child.stdin.write(`${id}\n`);
            });
        },
        close() {
            failAll(new Error('git cat-file was closed'));
            child.stdin.end();
            child.kill();
        },
    };
}
const SYMLINK_MODE = '120000';
const SUBMODULE_MODE = '160000';
/**
 * The files of commit `sha` under `prefix` (`''`, or `dir/` as `git rev-parse --show-prefix`
 * prints it), paths relative to the prefix. Submodules are skipped; links are kind `symlink`.
 */
async function listCommitFiles(top, sha, prefix) {
    const args = ['ls-tree', '-r', '-l', '-z', sha];
    if (prefix !== '')
        args.push('--', prefix);
    const output = (await runGit(top, args)).toString('utf8');
    const entries = [];
    for (const line of output.split('\0')) {
        if (line === '')
            continue;
        const tab = line.indexOf('\t');
        const [mode, type, id, size] = line.slice(0, tab).split(/ +/);
        const full = line.slice(tab + 1);
        if (mode === SUBMODULE_MODE || type !== 'blob' || !full.startsWith(prefix))
            continue;
        entries.push({
            path: full.slice(prefix.length),
            kind: mode === SYMLINK_MODE ? 'symlink' : 'file',
            size: Number(size),
            id: id,
        });
    }
    return entries;
}
/** Runs git in `cwd` with `input` on its standard input; answers its standard output. */
function runGitWithInput(cwd, args, input) {
    return new Promise((resolve, reject) => {
        const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const out = [];
        let err = '';
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => (err += chunk.toString('utf8')));
        child.on('error', reject);
        child.on('close', (code) => code === 0
            ? resolve(Buffer.concat(out).toString('utf8'))
            : reject(new Error(`git ${args[0]} failed: ${err.trim() || `exit ${code}`}`)));
        child.stdin.end(input);
    });
}
/** More changed files than this between two commits: the second is listed whole instead. */
const MAX_CHANGED_FILES = 5000;
/**
 * The files of commit `to` under `prefix`, from those of commit `from` (`before`, as
 * `listCommitFiles` gave them) and what `git diff-tree` says differs: listing a commit costs what
 * it changes. Entries that did not change are the same objects as before.
 */
async function updateCommitFiles(top, from, to, prefix, before) {
    const args = ['diff-tree', '-r', '-z', '--no-renames', '--raw', from, to];
    if (prefix !== '')
        args.push('--', prefix);
    const fields = (await runGit(top, args)).toString('utf8').split('\0');
    const gone = new Set();
    const added = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
        // `:<old mode> <new mode> <old id> <new id> <status>`, then the path.
        const [, mode, , id, status] = fields[i].slice(1).split(' ');
        const full = fields[i + 1];
        if (!full.startsWith(prefix))
            continue;
        const path = full.slice(prefix.length);
        gone.add(path);
        if (status !== 'D' && mode !== SUBMODULE_MODE && mode !== '000000')
            added.push({ path, mode: mode, id: id });
    }
    if (added.length > MAX_CHANGED_FILES)
        return listCommitFiles(top, to, prefix);
    const sizes = await blobSizes(top, added.map((a) => a.id));
    const files = before.filter((e) => !gone.has(e.path));
    for (const { path, mode, id } of added)
        files.push({
            path,
            kind: mode === SYMLINK_MODE ? 'symlink' : 'file',
            size: sizes.get(id),
            id,
        });
    return files;
}
/** Blob sizes by id, from one `git cat-file --batch-check`. */
async function blobSizes(top, ids) {
    const sizes = new Map();
    if (ids.length === 0)
        return sizes;
    const output = await runGitWithInput(top, ['cat-file', '--batch-check'], `${ids.join('\n')}\n`);
    for (const line of output.split('\n')) {
        const [id, type, size] = line.split(' ');
        if (type === 'blob')
            sizes.set(id, Number(size));
    }
    for (const id of ids)
        if (!sizes.has(id))
            throw new Error(`git cat-file: blob ${id} is missing`);
    return sizes;
}
/** A commit's files as a RepositoryTree whose files are read from `blobs`. */
function createGitTree(label, files, blobs) {
    const index = createPathIndex(files);
    const byPath = new Map(index.sorted.map((e) => [e.path, e]));
    return {
        label,
        async list(dir) {
            return index.under(dir);
        },
        async stat(path) {
            return byPath.get(path) ?? null;
        },
        async open(path) {
            const entry = byPath.get(path);
            if (!entry?.id)
                throw new Error(`${label}: no file ${path}`);
            return fileSourceFromBytes(path, await blobs.read(entry.id));
        },
    };
}

/**
 * The branch's history, judged: each first-parent commit of HEAD read from local git and judged as
 * a state at its committer date, kept as a small CommitSummary. The cost follows what the commits
 * change, not the repository's size times their number:
 * - files are read through one `git cat-file --batch` and parsed once per blob (the parse cache);
 * - a commit re-judges only the models whose own inputs it changed (card, evidence files, previous
 *   card, an attestation naming the model); the others carry their last judgment. Every model is
 *   judged again when what they share changes (the policy, an attestation for all models, a
 *   repository-wide problem, the set of cards), and at each commit whose record is kept (a level
 *   or the verdict moved, and the newest).
 * A model is also judged again when time alone may have turned its judgment between two commits
 * (one of its dates, or an all-models attestation's, plus a span the policy counts from it, falls
 * between their dates): a decision that expires between two commits that leave the model alone
 * counts at the first commit after, as the gate would count it. Only the summaries, the kept
 * records and the cache are held.
 */
/** The git work tree `root` is in, or null when it is in none. */
async function locate(root) {
    let output;
    try {
        output = (await runGit(root, ['rev-parse', '--show-toplevel', '--show-prefix'])).toString('utf8');
    }
    catch {
        return null;
    }
    const [top, prefix = ''] = output.split('\n');
    return top ? { top, prefix } : null;
}
/**
 * `git log` fields: sha, committer time (Unix seconds), author, subject; NUL-separated. With no
 * signature lines: a user's `log.showSignature` would print them into the output.
 */
const LOG_FORMAT = ['--no-show-signature', '--format=%H%x00%ct%x00%an%x00%s'];
function commitsFrom(output) {
    const fields = output.split('\0');
    const out = [];
    for (let i = 0; i + 3 < fields.length; i += 4) {
        const sha = fields[i].trim();
        if (sha === '')
            continue;
        out.push({
            sha,
            date: new Date(Number(fields[i + 1]) * 1000).toISOString().replace('.000Z', 'Z'),
            author: fields[i + 2],
            subject: fields[i + 3],
        });
    }
    return out;
}
/** The commit HEAD is at, or null when `root` is not in a git work tree (or HEAD has no commit). */
async function headCommit(root) {
    const repository = await locate(root);
    if (!repository)
        return null;
    try {
        const output = await runGit(repository.top, ['log', '-1', '-z', ...LOG_FORMAT, 'HEAD']);
        return commitsFrom(output.toString('utf8'))[0] ?? null;
    }
    catch {
        return null;
    }
}
/**
 * Files under `root` whose work-tree state is not HEAD's: changed, staged, deleted or untracked,
 * as paths from the repository's top, except `except` (absolute paths: the page being written).
 * Empty outside git. A page judged from such a tree must not name HEAD as what it judged.
 */
async function uncommittedChanges(root, except = []) {
    const skip = new Set(except.map(physical));
    return (await statusOf(root, false))
        .filter((e) => !e.ignored && !skip.has(e.absolute))
        .map((e) => e.path);
}
/**
 * Files under `root` that git ignores, as physical absolute paths, but for what the work tree's
 * reader skips (`.git`, `node_modules`): a judgment reads them too when its globs reach them, so a
 * page that read one names no commit.
 */
async function ignoredFiles(root) {
    return (await statusOf(root, true)).filter((e) => e.ignored).map((e) => e.absolute);
}
/** A path as git names it: physical (a path named through a symlink resolved), absolute. */
function physical(p) {
    const full = resolve(p);
    return existsSync(dirname(full)) ? join(realpathSync(dirname(full)), basename(full)) : full;
}
/** `git status` of the files under `root`, ignored ones too when asked. */
async function statusOf(root, ignored) {
    const repository = await locate(root);
    if (!repository)
        return [];
    const output = (await runGit(root, [
        'status',
        '--porcelain=v1',
        '-z',
        '--untracked-files=all',
        ...(ignored ? ['--ignored=traditional'] : []),
        '--',
        '.',
        ':(exclude,glob)**/node_modules/**',
    ])).toString('utf8');
    const entries = [];
    const fields = output.split('\0');
    for (let i = 0; i < fields.length; i++) {
        const entry = fields[i];
        if (entry.length < 4)
            continue;
        // A rename or copy is followed by the path it came from, which is gone from the tree too.
        if (entry[0] === 'R' || entry[0] === 'C')
            i++;
        const path = entry.slice(3);
        entries.push({
            path,
            absolute: physical(resolve(repository.top, path)),
            ignored: entry.startsWith('!!'),
        });
    }
    return entries;
}
/** True when `root` is in a shallow clone: its history stops where the clone's depth did. */
async function isShallow(root) {
    const output = await runGit(root, ['rev-parse', '--is-shallow-repository']).catch(() => null);
    return output?.toString('utf8').trim() === 'true';
}
/** The first-parent commits of HEAD that were asked for, oldest first. */
async function selectCommits(top, options) {
    const args = ['log', '--first-parent', '-z', ...LOG_FORMAT];
    if (options.limit !== undefined)
        args.push('-n', String(options.limit));
    if (options.since !== undefined)
        args.push(`--since=${options.since.toISOString()}`);
    args.push('HEAD');
    return commitsFrom((await runGit(top, args)).toString('utf8')).reverse();
}
/**
 * The values one model's judgment read: every condition's deciding value (evidence, review and
 * alert conditions), once per benchmark, metric, file and value. A value equal to one of
 * `previous` is that same object, so a long history of unchanged values costs little memory.
 */
function valuesOf(model, previous) {
    const before = new Map(previous.map((v) => [`${v.benchmark}\0${v.metric}\0${v.file ?? ''}\0${v.value}`, v]));
    const values = new Map();
    for (const { condition: c } of conditionsOf(model)) {
        if (c.value === null)
            continue;
        const key = `${c.benchmark}\0${c.metric}\0${c.file ?? ''}\0${c.value}`;
        if (values.has(key))
            continue;
        values.set(key, before.get(key) ?? {
            model: model.id,
            benchmark: c.benchmark,
            metric: c.metric,
            value: c.value,
            file: c.file,
        });
    }
    return [...values.values()];
}
/**
 * What every model's judgment shares: the policy, the repository-wide problems and the cards.
 * Attestations are not in it: an attestation counts only for the model it names (`attestationsOf`).
 */
function sharedInputs(state, policy) {
    return JSON.stringify([policy.sha256, state.problems, state.models.map((m) => [m.card, m.id])]);
}
/** Each attestation, by its fingerprint and file, with the model it names in lower case. */
function attestationsOf(state) {
    const out = new Map();
    for (const a of state.attestations)
        out.set(`${a.fingerprint}\0${a.file}`, a.model.toLowerCase());
    return out;
}
/**
 * The models whose attestations changed since `before` (one added, removed or edited names them),
 * or null when one for all models (`*`) changed: each model is judged with its own attestations
 * and those for every model.
 */
function attestationChanges(before, now, state) {
    const named = new Set();
    for (const [key, model] of now)
        if (before.get(key) !== model)
            named.add(model);
    for (const [key, model] of before)
        if (now.get(key) !== model)
            named.add(model);
    if (named.has('*'))
        return null;
    return new Set(state.models.filter((m) => named.has(m.id.toLowerCase())).map((m) => m.id));
}
const DAY_MS = 86_400_000;
/**
 * The spans the policy counts from a date, read by shape so a limit added to the policy later is
 * not missed: every number under a key ending in `days` (`expires_after_days`,
 * `max_evidence_age_days`, ...), and the months of `months_since_assessment` triggers.
 */
function policySpans(policy) {
    const spans = { days: [], months: [] };
    const walk = (value) => {
        if (Array.isArray(value))
            return value.forEach(walk);
        if (value === null || typeof value !== 'object')
            return;
        const record = value;
        if (record.measure === 'months_since_assessment' && typeof record.value === 'number')
            spans.months.push(record.value);
        for (const [key, v] of Object.entries(value)) {
            if (/days$/i.test(key) && typeof v === 'number' && Number.isFinite(v))
                spans.days.push(v);
            else
                walk(v);
        }
    };
    walk(policy);
    return spans;
}
/**
 * Whether a judgment's outcome may turn on `date` between the instants `from` (excluded) and `to`:
 * the instants the engine compares a date with (a day ahead of it, its start, its last second,
 * its start plus each span of days; a second's slack either side), and the days its trigger
 * months may end on (28 to 31 days a month).
 */
function turnsBetween(date, spans, from, to) {
    if (date === null)
        return false;
    const base = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
    if (!Number.isFinite(base))
        return false;
    const points = [
        base - DAY_MS,
        base,
        base + DAY_MS - 1000,
        ...spans.days.map((d) => base + d * DAY_MS),
    ];
    if (points.some((p) => p + 1000 > from && p - 1000 <= to))
        return true;
    return spans.months.some((m) => {
        const first = base + Math.floor(m) * 28 * DAY_MS;
        const last = base + (Math.ceil(m) * 31 + 1) * DAY_MS;
        return last > from && first <= to;
    });
}
/**
 * The models whose carried judgment time alone may have changed between the commit dates `from`
 * and `to`: one of their dated things (an attestation's date or expiry, an evidence record's
 * date, the card's assessment) turns between the two. Null, every model: an attestation for all
 * models turned, or the dates run backwards. Those models are judged again though no commit
 * touched them, so a decision that expired between two commits counts at the first commit after,
 * as the gate counts it.
 */
function turnedByTime(state, policy, from, to) {
    const start = Date.parse(from);
    const end = Date.parse(to);
    if (!(start <= end))
        return null;
    const spans = policySpans(policy);
    // Many records share a date (a file's records, a day's files): each date is looked at once.
    const seen = new Map();
    const turns = (date) => {
        if (date === null)
            return false;
        let turned = seen.get(date);
        if (turned === undefined)
            seen.set(date, (turned = turnsBetween(date, spans, start, end)));
        return turned;
    };
    const models = new Set();
    for (const a of state.attestations) {
        if (!turns(a.date) && !turns(a.expires))
            continue;
        if (a.model === '*')
            return null;
        models.add(a.model);
    }
    // Plain loops: this runs over every evidence record at every commit.
    for (const m of state.models) {
        let turned = turns(m.assessedAt);
        for (let i = 0; !turned && i < m.evidence.length; i++)
            turned = turns(m.evidence[i].date ?? null);
        if (turned)
            models.add(m.id);
    }
    return models;
}
function ownInputs(model) {
    const files = new Set();
    for (const e of model.evidence)
        files.add(e.file);
    for (const e of model.artifactErrors)
        files.add(e.file);
    return { files, warnings: model.warnings.length > 0 ? JSON.stringify(model.warnings) : '' };
}
/** The paths whose blob differs between two commits' listings (added, removed or changed). */
function changedPaths(before, now) {
    const changed = new Set();
    for (const [path, id] of now)
        if (before.get(path) !== id || id === undefined)
            changed.add(path);
    for (const path of before.keys())
        if (!now.has(path))
            changed.add(path);
    return changed;
}
/**
 * The models whose own inputs changed since `carried`, or null when every model must be judged.
 * A model's own inputs are its card, its previous card and its evidence files: it is judged again
 * when one of them changed, or when the files its evidence comes from are not as many as before
 * (a file that left it is in the old set only; one that joined it is in the new set, and changed).
 */
function modelsToJudge(carried, shared, state, own, blobIds) {
    // Two cards naming one model share an id: judge them together, every time.
    if (carried === null || carried.shared !== shared || own.size !== state.models.length)
        return null;
    const changed = changedPaths(carried.blobIds, blobIds);
    const judge = new Set();
    for (const m of state.models) {
        const before = carried.models.get(m.id);
        const mine = own.get(m.id);
        if (before === undefined ||
            changed.has(m.card) ||
            (m.previous !== null && changed.has(m.previous.card)) ||
            before.files !== mine.files.size ||
            before.warnings !== mine.warnings ||
            [...mine.files].some((f) => changed.has(f)))
            judge.add(m.id);
    }
    return judge;
}
/** `carried` after a judgment of `judged` (every model, or those `onlyModels` chose). */
function carryForward(carried, record, decided) {
    const { shared, own, blobIds, attestations, all: judgedAll } = decided;
    const models = judgedAll ? new Map() : new Map(carried.models);
    const blocking = new Map();
    let sharedBlocking = 0;
    for (const r of record.reasons) {
        if (r.severity !== 'block')
            continue;
        if (r.model === undefined)
            sharedBlocking += 1;
        else
            blocking.set(r.model, (blocking.get(r.model) ?? 0) + 1);
    }
    for (const model of record.models) {
        const before = carried?.models.get(model.id);
        const same = before?.levels.deployment === model.levels.deployment &&
            before.levels.security === model.levels.security;
        models.set(model.id, {
            files: own.get(model.id).files.size,
            warnings: own.get(model.id).warnings,
            levels: same ? before.levels : { ...model.levels },
            values: valuesOf(model, before?.values ?? []),
            blocking: blocking.get(model.id) ?? 0,
        });
    }
    return {
        shared,
        models,
        attestations,
        blobIds,
        sharedBlocking: judgedAll ? sharedBlocking : carried.sharedBlocking,
    };
}
/** The commit's summary from what carries (`record` is set by the caller where kept). */
function summaryOf(commit, carried, order) {
    const levels = {};
    const values = [];
    let blocking = carried.sharedBlocking;
    for (const id of order) {
        const model = carried.models.get(id);
        levels[id] = model.levels;
        values.push(...model.values);
        blocking += model.blocking;
    }
    return {
        commit,
        decision: blocking > 0 ? 'block' : 'pass',
        levels,
        values,
        blocking,
        record: null,
        error: null,
    };
}
/**
 * `record` with each model decision and reason that equals one of `kept`'s replaced by that one:
 * the records a history keeps differ in a few models, and a 1,000-model record is tens of MB.
 * Records are data that nothing mutates, so sharing parts between them is safe.
 */
function shareParts(record, kept) {
    if (!kept)
        return record;
    const keptModels = new Map(kept.models.map((m) => [m.id, m]));
    const models = record.models.map((model) => {
        const before = keptModels.get(model.id);
        return before && JSON.stringify(before) === JSON.stringify(model) ? before : model;
    });
    const keptReasons = new Map(kept.reasons.map((r) => [JSON.stringify(r), r]));
    const reasons = record.reasons.map((r) => keptReasons.get(JSON.stringify(r)) ?? r);
    return { ...record, models, reasons };
}
/** A model's level moved, a model came or went, or the verdict changed. */
function changed(summary, before) {
    if (!before)
        return true;
    if (summary.decision !== before.decision)
        return true;
    const ids = Object.keys(summary.levels);
    if (ids.length !== Object.keys(before.levels).length)
        return true;
    return ids.some((id) => summary.levels[id] !== before.levels[id]);
}
/**
 * Judges one commit, every model or (`choose`) those it picks; an input error (a policy that does
 * not load) is the result's `error`.
 */
async function judgeCommit(commit, tree, options, cache, choose) {
    try {
        const { record, head } = await checkTrees({
            head: tree,
            base: null,
            policyPath: options.policyPath,
            now: new Date(commit.date),
            context: STATE_CONTEXT,
            policyRef: commit.sha.slice(0, 7),
            cache,
            ...(choose ? { onlyModels: choose } : {}),
            ...(options.fallbackPreset !== undefined ? { fallbackPreset: options.fallbackPreset } : {}),
            ...(options.cardGlobs ? { cardGlobs: options.cardGlobs } : {}),
        });
        return { record, order: head.models.map((m) => m.id), error: null };
    }
    catch (error) {
        if (!isInputError(error))
            throw error;
        return { record: null, order: [], error: error.describe() };
    }
}
/**
 * `tree` reading its policy file from git once, however many judgments of the commit read it (a
 * kept record judges every model again); the policy's blob is in memory, read at random.
 */
function onePolicyRead(tree, options) {
    let policy = null;
    return {
        label: tree.label,
        list: (dir) => tree.list(dir),
        stat: (path) => tree.stat(path),
        open: (path) => (path === options.policyPath ? (policy ??= tree.open(path)) : tree.open(path)),
    };
}
/** Oldest first. Each commit judged as a state at its committer date. */
async function judgeHistory(options) {
    const repository = await locate(options.root);
    if (!repository)
        throw new InputError('history-not-git', 'history is read from git, and this directory is not inside a git work tree', { file: options.root }, 'run in a clone of the repository (in CI, check out with `fetch-depth: 0`), or leave out --history and --since');
    const commits = await selectCommits(repository.top, options).catch((error) => {
        throw new InputError('history-unreadable', `the branch's commits could not be read: ${error instanceof Error ? error.message : String(error)}`, { file: options.root }, 'the branch needs at least one commit (and, in a shallow clone, its history: `fetch-depth: 0`)');
    });
    const blobs = startBlobReader(repository.top, options.onBlobRead);
    const cache = createParseCache();
    const summaries = [];
    // The last judged commit's summary, and what carries from it to the next.
    let before = null;
    let carried = null;
    let lastKept = null;
    const { top, prefix } = repository;
    // The first commit is listed whole, each next one from the one before and what changed; the
    // next commit's files are listed by git while this one is judged.
    const list = (i, before) => {
        if (i >= commits.length)
            return null;
        const sha = commits[i].sha;
        const listing = before
            ? before.then((files) => updateCommitFiles(top, commits[i - 1].sha, sha, prefix, files))
            : listCommitFiles(top, sha, prefix);
        listing.catch(() => { }); // awaited in its turn; a run that stops before it must not crash on it
        return listing;
    };
    let listing = list(0, null);
    try {
        for (const [i, commit] of commits.entries()) {
            const files = await listing;
            listing = list(i + 1, listing);
            const blobIds = new Map();
            for (const f of files)
                blobIds.set(f.path, f.id);
            const tree = onePolicyRead(createGitTree(commit.sha.slice(0, 7), files, blobs), options);
            // Which models to judge: told the state once read, it keeps what it decided here.
            let decided = null;
            const choose = (state, policy) => {
                const shared = sharedInputs(state, policy);
                const own = new Map(state.models.map((m) => [m.id, ownInputs(m)]));
                const byInputs = modelsToJudge(carried, shared, state, own, blobIds);
                const byTime = before === null ? null : turnedByTime(state, policy, before.commit.date, commit.date);
                const attestations = attestationsOf(state);
                const byAttestations = carried
                    ? attestationChanges(carried.attestations, attestations, state)
                    : null;
                const only = byInputs === null || byTime === null || byAttestations === null
                    ? null
                    : new Set([...byInputs, ...byTime, ...byAttestations]);
                decided = { shared, own, blobIds, attestations, all: only === null };
                return only;
            };
            const judged = await judgeCommit(commit, tree, options, cache, choose);
            // What this commit did not use is dropped; a commit that could not be judged used nothing.
            if (judged.record !== null)
                cache.sweep();
            if (judged.record === null || decided === null) {
                // Fails closed: a commit that cannot be judged blocks, for the one reason it gives.
                const error = judged.error ?? 'the commit could not be judged';
                summaries.push({
                    commit,
                    decision: 'block',
                    levels: {},
                    values: [],
                    blocking: 1,
                    record: null,
                    error,
                });
                options.onCommit?.(summaries.at(-1), i, commits.length);
                continue;
            }
            const { all } = decided;
            carried = carryForward(carried, judged.record, decided);
            const summary = summaryOf(commit, carried, judged.order);
            const newest = i === commits.length - 1;
            if (newest || changed(summary, before)) {
                // A kept record holds every model: judge them all where only some were.
                const record = all
                    ? judged.record
                    : (await judgeCommit(commit, tree, options, cache, undefined)).record;
                summary.record = shareParts(record, lastKept);
                lastKept = summary.record;
            }
            before = summary;
            summaries.push(summary);
            options.onCommit?.(summary, i, commits.length);
        }
    }
    finally {
        blobs.close();
    }
    return summaries;
}

var gitHistory = /*#__PURE__*/Object.freeze({
    __proto__: null,
    headCommit: headCommit,
    ignoredFiles: ignoredFiles,
    isShallow: isShallow,
    judgeHistory: judgeHistory,
    uncommittedChanges: uncommittedChanges
});

export { gitHistory as g, headCommit as h, judgeHistory as j, runGit as r };
