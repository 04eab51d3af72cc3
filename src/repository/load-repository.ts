/**
 * Read a repository into the engine's RepositoryState: cards by the discovery globs, each card's
 * evidence through its `evals` globs and its own model-index, and the attestation files.
 * Nothing here decides anything; every unreadable file becomes a located Problem.
 */
import type { EvidenceRecord } from '../core/evidence.js';
import { InputError, isInputError, SourceUnavailableError } from '../core/errors.js';
import type { Attestation, ModelState, Problem, RepositoryState } from '../core/inputs.js';
import { readFrontMatter } from '../formats/front-matter.js';
import { type NonFiniteNumber, validateDocument } from '../formats/validate.js';
import type { LocatedDocument } from '../formats/yaml.js';
import { readText } from '../readers/decode-text.js';
import { recordsFromModelIndex } from '../readers/hf-model-index.js';
import { findReader, SNIFF_BYTES } from '../readers/registry.js';
import type { Policy } from '../policy/types.js';
import {
  byPath,
  createMatcher,
  createPathIndex,
  directoryOf,
  escapesRepository,
  globBase,
  resolveInside,
} from './globs.js';
import { readAttestationFile } from './read-attestations.js';
import { settleAll } from './settle-all.js';
import { refuseLink, type RepositoryTree, type TreeEntry } from './tree.js';

/**
 * Files read at once: enough to keep the disk busy and to fill API queries of small files (the
 * API tree sends up to 100 in one query), few enough to bound memory with large logs.
 */
const CONCURRENCY = 50;

/** Cards are small: as many at once as one API query of small files holds. */
const CARD_CONCURRENCY = 100;

export interface LoadOptions {
  /** Overrides the policy's `discovery.cards` (an Action input). */
  cardGlobs?: string[];
  /**
   * Read only these cards (the ones a change touches) instead of discovering every card; the
   * whole tree is then never listed. Paths absent from the tree are skipped.
   */
  cards?: string[];
  /**
   * Parses kept across loads by blob id (`TreeEntry.id`): judging a branch's history reads and
   * parses a file that did not change between commits once. Entries without an id are not cached.
   */
  cache?: ParseCache;
}

/**
 * Parses of cards, evidence and attestation files by path and blob id, shared by the loads of
 * trees that hold the same blobs (the commits of a history). A parse depends on the file's path,
 * kind and bytes, and an attestation's on the policy too: the cache forgets everything when it is
 * used with a policy of other text. Failures are kept as well: the same bytes fail the same way.
 */
export interface ParseCache {
  /** Drops the entries no load used since the last sweep, so old blobs do not pile up. */
  sweep(): void;
  /** Parses run, and parses answered from the cache, since the cache was made. */
  readonly stats: { parses: number; hits: number };
}

interface CacheSlot {
  value: Promise<unknown>;
  used: boolean;
}

class BlobParseCache implements ParseCache {
  readonly stats = { parses: 0, hits: 0 };
  private readonly slots = new Map<string, CacheSlot>();
  private policyKey: string | null = null;

  /** Forgets every parse made under another policy text. */
  usePolicy(policy: Policy): void {
    const key = JSON.stringify([policy.sha256, policy.organization]);
    if (key !== this.policyKey) this.slots.clear();
    this.policyKey = key;
  }

  parse<T>(what: string, entry: TreeEntry, run: () => Promise<T>): Promise<T> {
    if (entry.id === undefined) return run();
    const key = `${what}\0${entry.kind}\0${entry.id}\0${entry.path}`;
    const slot = this.slots.get(key);
    if (slot) {
      slot.used = true;
      this.stats.hits++;
      return slot.value as Promise<T>;
    }
    this.stats.parses++;
    const value = run();
    this.slots.set(key, { value, used: true });
    // An unreachable source says nothing about the bytes: it is asked again next time.
    value.catch((error: unknown) => {
      if (error instanceof SourceUnavailableError) this.slots.delete(key);
    });
    return value;
  }

  sweep(): void {
    for (const [key, slot] of this.slots) {
      if (slot.used) slot.used = false;
      else this.slots.delete(key);
    }
  }
}

/** An empty parse cache for `LoadOptions.cache`. */
export function createParseCache(): ParseCache {
  return new BlobParseCache();
}

/** Runs `run`, or answers from the cache when one is given and the entry has a blob id. */
function parseOnce<T>(
  cache: ParseCache | undefined,
  what: string,
  entry: TreeEntry,
  run: () => Promise<T>,
): Promise<T> {
  return cache instanceof BlobParseCache ? cache.parse(what, entry, run) : run();
}

interface RawCard {
  path: string;
  doc: LocatedDocument;
  rsp: {
    model: string;
    previous?: string;
    effective_compute?: number;
    assessed_at?: string;
    evals?: string[];
  } | null;
  modelIndex: EvidenceRecord[];
  modelIndexWarnings: string[];
  /** `.nan` and `.inf` outside the `rsp` block, read as no value (inside it they are refused). */
  nonFinite: NonFiniteNumber[];
}

export function problemFrom(error: unknown, file: string): Problem {
  // An unreachable source is no file's fault: the run stops and fails closed as a whole.
  if (error instanceof SourceUnavailableError) throw error;
  if (isInputError(error)) {
    return {
      code: error.code,
      message: error.message,
      file: error.location.file,
      line: error.location.line ?? null,
      ...(error.location.column !== undefined ? { column: error.location.column } : {}),
      ...(error.hint !== undefined ? { hint: error.hint } : {}),
    };
  }
  // Anything else is a bug or an environment failure: still located, still blocking.
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'read-failed',
    message: `could not read the file: ${message}`,
    file,
    line: null,
    hint: 'report this to the rsp-gate maintainers with the file',
  };
}

async function readCard(tree: RepositoryTree, entry: TreeEntry): Promise<RawCard | null> {
  const text = await readText(await tree.open(entry.path));
  const doc = readFrontMatter(text, entry.path);
  if (doc === null) return null;
  const front = doc.value as Record<string, unknown>;
  if (!('rsp' in front) && !('model-index' in front)) return null;
  // The front matter is shared with the Hub and other tools, where `.nan` is a YAML number
  // (Hub evaluations write `loss: .nan`): only our own `rsp` block must be finite.
  const nonFinite = validateDocument(doc, 'card', 'model card', {
    refuseNonFiniteOnlyUnder: '/rsp',
  });
  const { records, warnings } =
    'model-index' in front ? recordsFromModelIndex(doc) : { records: [], warnings: [] };
  return {
    path: entry.path,
    doc,
    rsp: (front.rsp as RawCard['rsp']) ?? null,
    modelIndex: records,
    modelIndexWarnings: warnings,
    nonFinite,
  };
}

async function readArtifact(tree: RepositoryTree, entry: TreeEntry): Promise<EvidenceRecord[]> {
  refuseLink(entry, 'evidence file', 'commit the file itself');
  const source = await tree.open(entry.path);
  const head = await source.read(0, SNIFF_BYTES);
  const reader = findReader(entry.path, head);
  if (!reader) {
    throw new InputError(
      'unknown-format',
      'no reader recognises this file (Inspect .eval/.json, lm-eval, lighteval or Every Eval Ever JSON, .eval_results/*.yaml, *.evidence.yml, or a model card)',
      { file: entry.path, line: 1 },
      "narrow the card's `evals` globs to evaluation artifacts",
    );
  }
  return (await reader.read(source)).map(detach);
}

/**
 * A copy of a string that does not share memory with the file it was cut from: V8 keeps the
 * whole source text alive behind a substring, and thousands of records would hold every file.
 */
function own(text: string): string {
  return ` ${text}`.slice(1);
}

function detach(record: EvidenceRecord): EvidenceRecord {
  return {
    ...record,
    file: own(record.file),
    pointer: own(record.pointer),
    model: record.model === null ? null : own(record.model),
    benchmark: own(record.benchmark),
    metric: record.metric === null ? null : own(record.metric),
    filter: record.filter === null ? null : own(record.filter),
    scorer: record.scorer === null ? null : own(record.scorer),
    date: record.date === null ? null : own(record.date),
    warnings: record.warnings.map(own),
  };
}

async function readCardEntry(tree: RepositoryTree, entry: TreeEntry): Promise<RawCard | null> {
  refuseLink(entry, 'model card', 'commit the card itself');
  return readCard(tree, entry);
}

/** The model a card describes: its `rsp.model`, else the first model its model-index names. */
function modelIdOf(card: RawCard): string {
  const named = card.modelIndex.map((r) => r.model).find((m): m is string => m !== null);
  return card.rsp?.model ?? named ?? card.path;
}

/** What a change can touch in a card without reading its evidence. */
export interface CardSummary {
  path: string;
  /** Null when the card cannot be read: it could claim anything, so it is always judged. */
  model: string | null;
  /** Its evals globs, relative to the repository. */
  evals: string[];
  /** The card its `rsp.previous` names, relative to the repository. */
  previous: string | null;
}

/** Every card of the tree, read for who it is and what it reads (the whole tree is listed). */
export async function summariseCards(
  tree: RepositoryTree,
  cardGlobs: string[],
): Promise<CardSummary[]> {
  const isCard = createMatcher(cardGlobs.filter((g) => !escapesRepository(g)));
  const entries = (await tree.list('')).filter((e) => isCard(e.path));
  const read = await settleAll(entries, CARD_CONCURRENCY, (entry) => readCardEntry(tree, entry));
  const out: CardSummary[] = [];
  read.forEach((result, i) => {
    const path = entries[i]!.path;
    if (!result.ok) {
      if (result.error instanceof SourceUnavailableError) throw result.error;
      out.push({ path, model: null, evals: [], previous: null });
    } else if (result.value) {
      const card = result.value;
      out.push({
        path,
        model: modelIdOf(card),
        evals: resolveEvals(card).globs,
        previous:
          card.rsp?.previous !== undefined
            ? resolveInside(directoryOf(path), card.rsp.previous)
            : null,
      });
    }
  });
  return out;
}

/** The card's evals globs made relative to the repository, and the ones that cannot be. */
function resolveEvals(card: RawCard): { globs: string[]; errors: Problem[] } {
  const dir = directoryOf(card.path);
  const globs: string[] = [];
  const errors: Problem[] = [];
  (card.rsp?.evals ?? []).forEach((glob, i) => {
    const resolved = resolveInside(dir, glob);
    if (resolved === '' || (resolved !== null && !/[^/]/.test(resolved))) {
      const at = card.doc.locate(`/rsp/evals/${i}`);
      errors.push({
        code: 'glob-directory',
        message: `evals glob \`${glob}\` names a directory, not files`,
        file: card.path,
        line: at.line,
        column: at.column,
        hint: 'name the files, e.g. `evals/**/*.eval`',
      });
    } else if (resolved === null || glob.startsWith('/')) {
      const at = card.doc.locate(`/rsp/evals/${i}`);
      errors.push({
        code: 'glob-outside',
        message: `evals glob \`${glob}\` leaves the repository`,
        file: card.path,
        line: at.line,
        column: at.column,
        hint: 'evals globs are relative to the card and must stay inside the repository',
      });
    } else globs.push(resolved);
  });
  return { globs, errors };
}

export async function loadRepository(
  tree: RepositoryTree,
  policy: Policy,
  options: LoadOptions = {},
): Promise<RepositoryState> {
  const problems: Problem[] = [];
  const { cache } = options;
  if (cache instanceof BlobParseCache) cache.usePolicy(policy);
  const cardGlobs = options.cardGlobs ?? policy.discovery.cards;
  for (const glob of [...cardGlobs, ...policy.discovery.attestations]) {
    const why = escapesRepository(glob);
    if (why)
      problems.push({
        code: 'glob-outside',
        message: `discovery glob \`${glob}\`: ${why}`,
        file: policy.source,
        line: null,
      });
  }
  const isCard = createMatcher(cardGlobs.filter((g) => !escapesRepository(g)));
  const attestationGlobs = policy.discovery.attestations.filter((g) => !escapesRepository(g));
  const isAttestation = createMatcher(attestationGlobs);

  // The whole tree is listed once, unless the caller names the cards: then only the directories
  // their evals and the attestations live in are listed, so cost follows the change.
  const scoped = options.cards !== undefined;
  const index = scoped ? null : createPathIndex(await tree.list(''));
  const under = async (dir: string) => (index ? index.under(dir) : tree.list(dir));
  const cardEntries = scoped
    ? (await Promise.all(options.cards!.map((path) => tree.stat(path)))).filter(
        (e): e is TreeEntry => e !== null,
      )
    : index!.sorted.filter((e) => isCard(e.path));

  const cards: RawCard[] = [];
  const readCards = await settleAll(cardEntries, CARD_CONCURRENCY, (entry) =>
    parseOnce(cache, 'card', entry, () => readCardEntry(tree, entry)),
  );
  readCards.forEach((result, i) => {
    if (!result.ok) problems.push(problemFrom(result.error, cardEntries[i]!.path));
    else if (result.value) cards.push(result.value);
  });

  // Every directory the evals and attestation globs can reach, listed at once (one API query).
  const evalGlobs = new Map(cards.map((card) => [card, resolveEvals(card)]));
  const bases = [
    ...new Set([
      ...[...evalGlobs.values()].flatMap(({ globs }) => globs.map(globBase)),
      ...attestationGlobs.map(globBase),
    ]),
  ];
  const listed = new Map(
    await Promise.all(bases.map(async (base) => [base, await under(base)] as const)),
  );
  const filesUnder = (base: string) => listed.get(base) ?? [];

  // Each card's evidence files; all of them are then read at once, each file once.
  const matchedFiles = new Map(
    cards.map((card) => {
      const { globs } = evalGlobs.get(card)!;
      const isEvidence = createMatcher(globs);
      // Only the files under each glob's base directory can match: cost follows the card.
      const candidates = [...new Set(globs.flatMap((g) => filesUnder(globBase(g))))].sort(byPath);
      // A model card is never another card's evidence: a card is judged on its own.
      return [card, candidates.filter((e) => !isCard(e.path) && isEvidence(e.path))];
    }),
  );
  const evidenceFiles = [
    ...new Map([...matchedFiles.values()].flat().map((e) => [e.path, e])).values(),
  ];
  const attestationEntries = [
    ...new Map(
      attestationGlobs.map(globBase).flatMap((base) => filesUnder(base).map((e) => [e.path, e])),
    ).values(),
  ]
    .filter((e) => isAttestation(e.path))
    .sort(byPath);
  // Attestations and evidence are read together: small files share API queries.
  const attestationReads = settleAll(attestationEntries, CONCURRENCY, async (entry) => {
    refuseLink(entry, 'attestation file', 'commit the attestation file itself');
    return parseOnce(cache, 'attestations', entry, () =>
      readAttestationFile(tree, entry.path, policy),
    );
  });
  const readFiles = await settleAll(evidenceFiles, CONCURRENCY, (entry) =>
    parseOnce(cache, 'evidence', entry, () => readArtifact(tree, entry)),
  );
  const evidenceOf = new Map(evidenceFiles.map((e, i) => [e.path, readFiles[i]!]));

  const previousCards = new Map<string, Promise<RawCard | null>>();
  const findPrevious = async (path: string): Promise<RawCard | null> => {
    const loaded = cards.find((c) => c.path === path);
    if (loaded || !scoped || !isCard(path)) return loaded ?? null;
    let pending = previousCards.get(path);
    if (!pending) {
      pending = tree.stat(path).then((entry) =>
        entry && entry.kind === 'file'
          ? readCard(tree, entry).catch((error: unknown) => {
              if (error instanceof SourceUnavailableError) throw error;
              return null;
            })
          : null,
      );
      previousCards.set(path, pending);
    }
    return pending;
  };

  const models: ModelState[] = [];
  for (const card of cards) {
    const dir = directoryOf(card.path);
    const id = modelIdOf(card);
    const line = card.doc.locate(card.rsp ? '/rsp/model' : '/model-index').line;
    const state: ModelState = {
      id,
      card: card.path,
      line,
      effectiveCompute: card.rsp?.effective_compute ?? null,
      assessedAt: card.rsp?.assessed_at ?? null,
      previous: null,
      evidence: [...card.modelIndex],
      artifactErrors: [],
      warnings: card.modelIndexWarnings.map((message) => ({
        code: 'model-index',
        message,
        file: card.path,
        line,
      })),
    };
    for (const { key, written, line: at, column } of card.nonFinite) {
      state.warnings.push({
        code: 'card-non-finite',
        message: `${key} is ${written}, not a finite number; read as no value`,
        file: card.path,
        line: at,
        column,
      });
    }
    if (!card.rsp) {
      state.warnings.push({
        code: 'card-without-rsp',
        message: `card has no \`rsp\` block; judged as ${id} from its model-index alone`,
        file: card.path,
        line,
        hint: 'add an `rsp:` block naming the model and its evals',
      });
    }
    const evals = card.rsp?.evals ?? [];
    state.artifactErrors.push(...evalGlobs.get(card)!.errors);
    const matched = matchedFiles.get(card)!;
    if (evals.length > 0 && matched.length === 0) {
      state.warnings.push({
        code: 'no-evidence-files',
        message: `no file matches the card's evals globs (${evals.join(', ')})`,
        file: card.path,
        line: card.doc.locate('/rsp/evals').line,
      });
    }
    for (const entry of matched) {
      const result = evidenceOf.get(entry.path)!;
      if (result.ok) state.evidence.push(...result.value);
      else state.artifactErrors.push(problemFrom(result.error, entry.path));
    }
    if (card.rsp?.previous !== undefined) {
      const target = resolveInside(dir, card.rsp.previous);
      const previous = target !== null ? await findPrevious(target) : null;
      if (previous) {
        state.previous = {
          card: previous.path,
          id: previous.rsp?.model ?? null,
          effectiveCompute: previous.rsp?.effective_compute ?? null,
        };
      } else {
        const at = card.doc.locate('/rsp/previous');
        const exists = target !== null && (await tree.stat(target)) !== null;
        state.artifactErrors.push({
          code: 'previous-not-found',
          message: exists
            ? `rsp.previous \`${card.rsp.previous}\` is not a model card found by the discovery globs`
            : `rsp.previous \`${card.rsp.previous}\` does not exist in the repository`,
          file: card.path,
          line: at.line,
          hint: 'point it at the card of the last comprehensively assessed model',
        });
      }
    }
    models.push(state);
  }

  const attestations: Attestation[] = [];
  (await attestationReads).forEach((result, i) => {
    if (result.ok) attestations.push(...result.value);
    else problems.push(problemFrom(result.error, attestationEntries[i]!.path));
  });
  return { models, attestations, problems };
}
