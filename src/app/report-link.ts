/**
 * Signed links to the App's report pages. A check run the App writes links (`details_url`) to
 * `${RSP_GATE_PUBLIC_URL}/report/OWNER/REPO/SHA?installation=I&pr=N&base=SHA&exp=T&sig=S`: S is
 * HMAC-SHA256 over every one of those values, keyed by a key derived from the webhook secret
 * (HKDF-SHA256 with a fixed label, so the key signs nothing else), and T the link's expiry in
 * Unix milliseconds, 30 days after it was made: a check written again gets a new link, so no
 * cache (the App's or the browser's) shows it the page of an earlier judgment. The page may hold a private repository's data, so a
 * link that is unsigned, mis-signed, expired, altered or malformed is refused alike (the route
 * answers 404, which says nothing about the repository), and the signature is compared in
 * constant time. Whoever holds a valid link reads the page until it expires, as readers of the
 * repository read the check run that carries it.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** What a link is for: a repository's commit, judged for a pull request or as a state. */
export interface ReportLinkTarget {
  /** The installation the App judged with; the page is rendered only while it still covers the repository. */
  installationId: number;
  owner: string;
  repo: string;
  /** The commit the check run is on. */
  sha: string;
  /** The pull request the check judged, or null for a branch state (the audit check). */
  pr: number | null;
  /** The base the pull request was judged against (a merge queue's), or null: the pull request's. */
  base: string | null;
}

/** A link that verified: its target, its expiry, and a key naming it (for the page cache). */
export interface VerifiedLink extends ReportLinkTarget {
  expires: Date;
  key: string;
}

export interface ReportLinks {
  /** The signed link to `target`'s page, valid for `ttlMs` from now. */
  linkFor(target: ReportLinkTarget): string;
  /** The target of a request's path and query, or null when the link is not one of ours, or expired. */
  verify(path: string, query: URLSearchParams): VerifiedLink | null;
}

export interface ReportLinkOptions {
  /** `RSP_GATE_PUBLIC_URL`, without a trailing slash. */
  publicUrl: string;
  webhookSecret: string;
  /** How long a link stays valid; default 30 days. */
  ttlMs?: number;
  /** The clock links are made and judged by (tests move it); default the real one. */
  clock?: () => Date;
}

export const REPORT_LINK_TTL_MS = 30 * 24 * 60 * 60_000;

/** The label the signing key is derived with: a new one (v2) retires every link at once. */
const KEY_LABEL = 'rsp-gate report links v1';

const PATH = /^\/report\/([^/]+)\/([^/]+)\/([0-9a-f]{40}|[0-9a-f]{64})$/;
/** GitHub's owner and repository names, percent-decoded. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const WHOLE = /^[1-9][0-9]{0,14}$/;
/** 32 bytes in base64url, no padding. */
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
const PARAMS = new Set(['installation', 'pr', 'base', 'exp', 'sig']);

export function deriveReportKey(webhookSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', webhookSecret, Buffer.alloc(0), KEY_LABEL, 32));
}

/** The signed text: every value, in order, as JSON (no separator can be smuggled into a name). */
function message(target: ReportLinkTarget, exp: number): string {
  const { installationId, owner, repo, sha, pr, base } = target;
  return JSON.stringify([KEY_LABEL, installationId, owner, repo, sha, pr, base, exp]);
}

function sign(key: Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text).digest();
}

/** The one value of `name`, or null when it is absent; undefined when it is given twice. */
function single(query: URLSearchParams, name: string): string | null | undefined {
  const all = query.getAll(name);
  if (all.length > 1) return undefined;
  return all[0] ?? null;
}

function decoded(segment: string): string | null {
  try {
    const name = decodeURIComponent(segment);
    return NAME.test(name) ? name : null;
  } catch {
    return null;
  }
}

/** The target and expiry a link claims, before its signature is checked; null when malformed. */
function parse(
  path: string,
  query: URLSearchParams,
): { target: ReportLinkTarget; exp: number; sig: Buffer } | null {
  const found = PATH.exec(path);
  if (!found) return null;
  if ([...query.keys()].some((name) => !PARAMS.has(name))) return null;
  const owner = decoded(found[1]!);
  const repo = decoded(found[2]!);
  const [installation, pr, base, exp, sig] = ['installation', 'pr', 'base', 'exp', 'sig'].map(
    (name) => single(query, name),
  );
  if (owner === null || repo === null) return null;
  if (!installation || !WHOLE.test(installation) || !exp || !WHOLE.test(exp)) return null;
  if (pr === undefined || (pr !== null && !WHOLE.test(pr))) return null;
  if (base === undefined || (base !== null && (pr === null || !SHA.test(base)))) return null;
  if (!sig || !SIGNATURE.test(sig)) return null;
  return {
    target: {
      installationId: Number(installation),
      owner,
      repo,
      sha: found[3]!,
      pr: pr === null ? null : Number(pr),
      base,
    },
    exp: Number(exp),
    sig: Buffer.from(sig, 'base64url'),
  };
}

export function createReportLinks(options: ReportLinkOptions): ReportLinks {
  const key = deriveReportKey(options.webhookSecret);
  const ttl = options.ttlMs ?? REPORT_LINK_TTL_MS;
  const clock = options.clock ?? (() => new Date());
  return {
    linkFor(given) {
      // A state has no pull request, so no base either.
      const target = given.pr === null ? { ...given, base: null } : given;
      const exp = clock().getTime() + ttl;
      const query = new URLSearchParams({ installation: String(target.installationId) });
      if (target.pr !== null) query.set('pr', String(target.pr));
      if (target.base !== null) query.set('base', target.base);
      query.set('exp', String(exp));
      query.set('sig', sign(key, message(target, exp)).toString('base64url'));
      const path = [target.owner, target.repo, target.sha].map(encodeURIComponent).join('/');
      return `${options.publicUrl}/report/${path}?${query.toString()}`;
    },
    verify(path, query) {
      const link = parse(path, query);
      if (link === null) return null;
      const text = message(link.target, link.exp);
      const expected = sign(key, text);
      // Both are 32 bytes (the pattern allows no other length), compared in constant time.
      if (link.sig.length !== expected.length || !timingSafeEqual(link.sig, expected)) return null;
      if (link.exp <= clock().getTime()) return null;
      return { ...link.target, expires: new Date(link.exp), key: text };
    },
  };
}
