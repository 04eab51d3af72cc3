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

export type AttestationKind = 'safeguard' | 'decision' | 'signoff' | 'override' | 'report';

export interface Attestation extends Located {
  /** Model id, or `*` for every model. */
  model: string;
  kind: AttestationKind;
  /** The safeguard id, threshold id, level, level or report id the item is about. */
  target: string;
  verdict: 'below' | 'above' | null;
  approvedBy: string[];
  date: string | null;
  expires: string | null;
  evidence: string | null;
  reason: string | null;
  /** Canonical text of the item and its model; equal fingerprints are the same attestation. */
  fingerprint: string;
}

export interface Review {
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commit: string;
  submittedAt: string;
}

/** A tick in the bot's checklist, already attributed by the comment's edit history. */
export interface Confirmation {
  model: string;
  safeguard: string;
  user: string;
  at: string;
}

/** Everything about the change and the people involved. */
export interface ReviewContext {
  /** The pull request's author, or null when judging a state, not a change. */
  author: string | null;
  headSha: string | null;
  reviews: Review[];
  confirmations: Confirmation[];
  /** Resolved org-team membership (`org/team` → logins); null when the token cannot read it. */
  teams: Map<string, string[]> | null;
}

/** One side of the comparison: the repository at a commit. */
export interface RepositoryState {
  models: ModelState[];
  attestations: Attestation[];
  /** Problems not tied to one model: invalid attestation files, invalid cards. */
  problems: Problem[];
}
