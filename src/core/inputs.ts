/** What the pure engine is given: everything already read, nothing left to fetch. */
import type { EvidenceRecord } from './evidence.js';

export interface Located {
  file: string;
  line: number | null;
}

/** A model card and the evidence that belongs to it. */
export interface ModelState {
  id: string;
  card: string;
  /** Line of `rsp.model` in the card. */
  line: number;
  effectiveCompute: number | null;
  /** YYYY-MM-DD of the last comprehensive assessment. */
  assessedAt: string | null;
  /** The last comprehensively assessed model, resolved from `rsp.previous`. */
  previous: { card: string; id: string | null; effectiveCompute: number | null } | null;
  evidence: EvidenceRecord[];
  /** Artifacts that belong to the card but could not be read: each blocks. */
  artifactErrors: Problem[];
  /** Warnings about the card itself (model mismatch, no evidence files matched, ...). */
  warnings: Problem[];
}

/** A located problem found while reading the repository. */
export interface Problem extends Located {
  code: string;
  message: string;
  column?: number;
  hint?: string;
}

export type AttestationKind =
  'safeguard' | 'decision' | 'signoff' | 'override' | 'report' | 'declaration';

export interface Attestation extends Located {
  /** Model id, or `*` for every model. */
  model: string;
  kind: AttestationKind;
  /** The safeguard id, threshold id, level (signoff, override, declaration) or report id. */
  target: string;
  verdict: 'below' | 'above' | null;
  approvedBy: string[];
  date: string | null;
  expires: string | null;
  evidence: string | null;
  reason: string | null;
  /** A declaration's `kind`: the one kind of level it declares; absent or null declares both. */
  levelKind?: 'deployment' | 'security' | null;
  /** Canonical text of the item and its model; equal fingerprints are the same attestation. */
  fingerprint: string;
}

export interface Review {
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commit: string;
  submittedAt: string;
  /**
   * For a dismissed review: what it was before and who dismissed it. Absent or null when GitHub
   * did not say (the gate then cannot tell a dismissed request for changes from anything else).
   */
  dismissal?: ReviewDismissal | null;
}

export interface ReviewDismissal {
  /** The login that dismissed it, or null for a deleted account. */
  by: string | null;
  /** The review's state before it was dismissed. */
  was: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';
}

/** A tick in the bot's checklist, already attributed by the comment's edit history. */
export interface Confirmation {
  model: string;
  safeguard: string;
  user: string;
  at: string;
}

/** A commit's author or co-author as git records them, and the account GitHub links to the email. */
export interface GitPerson {
  /** The GitHub login whose account lists this email, or null when no account does. */
  login: string | null;
  name: string;
  email: string;
}

/** One commit of a change, as far as it tells who wrote the change. */
export interface CommitAuthorship {
  sha: string;
  /** How many parents: more than one is a merge (an *Update branch*), which writes nothing. */
  parents: number;
  /** The git author (never the committer: a rebase or an *Update branch* does not make one). */
  author: GitPerson;
  /** The people its `Co-authored-by:` trailers name, as GitHub resolves them. */
  coAuthors: GitPerson[];
}

/** Someone who wrote the change, by GitHub login, and the commits (full SHAs) that say so. */
export interface ChangeWriter {
  login: string;
  /** Non-merge commits of the change whose git author GitHub links to this login. */
  authored: string[];
  /** Non-merge commits that name this login's account in a `Co-authored-by:` trailer. */
  coAuthored: string[];
}

/**
 * Who wrote the change besides the person who opened it (`ReviewContext.author`): the authors and
 * co-authors of its non-merge commits. A merge commit (an *Update branch*) and a committer who is
 * not the author (a rebase) write nothing of the change.
 */
export interface ChangeWriters {
  people: ChangeWriter[];
  /**
   * Why the gate cannot know every writer: a commit author or co-author with no GitHub account
   * linked to their email, a commit list GitHub cut short. While any is listed nobody may confirm
   * an independent item, since nobody can be shown not to have written the change.
   */
  unknown: string[];
}

/** No commits read: judging a state, or a change on the command line. */
export const NO_WRITERS: ChangeWriters = { people: [], unknown: [] };

/** Everything about the change and the people involved. */
export interface ReviewContext {
  /** Who opened the pull request, or null when judging a state, not a change. */
  author: string | null;
  /** Who wrote its commits; none may confirm an independent item, nor may the opener. */
  writers: ChangeWriters;
  headSha: string | null;
  reviews: Review[];
  confirmations: Confirmation[];
  /** Resolved org-team membership (`org/team` → logins); null when the token cannot read it. */
  teams: Map<string, string[]> | null;
}

/** Judging a state: no reviews, no ticks, no team lookups; only what its files hold counts. */
export const STATE_CONTEXT: ReviewContext = {
  author: null,
  writers: NO_WRITERS,
  headSha: null,
  reviews: [],
  confirmations: [],
  teams: null,
};

/** One side of the comparison: the repository at a commit. */
export interface RepositoryState {
  models: ModelState[];
  attestations: Attestation[];
  /** Problems not tied to one model: invalid attestation files, invalid cards. */
  problems: Problem[];
}
