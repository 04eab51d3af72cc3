/**
 * How the fake GitHub authenticates a GitHub App, by GitHub's rules: the App's JSON Web Token
 * (RS256, signed with the App's private key; `iss` the App id; `iat` not in the future; `exp` in
 * the future and at most ten minutes after `iat` and from now), refused with GitHub's own 401
 * messages, which @octokit/auth-app recognises as clock skew; installation tokens (`ghs_…`, one
 * hour); and the permission each served REST operation needs from an installation token.
 */
import { createPublicKey, createSign, randomBytes, verify, type KeyObject } from 'node:crypto';
import { errorResult, type RestResult } from './fake-rest.js';

/** GitHub's longest JWT life: ten minutes. */
export const JWT_MAX_SECONDS = 600;
/** An installation token's life: one hour. */
export const TOKEN_SECONDS = 3600;

/** GitHub's answers to a JWT it refuses (the messages @octokit/auth-app matches). */
export const JWT_ERRORS = {
  undecodable: 'A JSON web token could not be decoded',
  issuer: "'Issuer' claim ('iss') must be an Integer",
  issuedAt:
    "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
  expired:
    "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
  tooLong: "'Expiration time' claim ('exp') is too far in the future",
} as const;

export interface JwtClaims {
  iss?: unknown;
  iat?: unknown;
  exp?: unknown;
}

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * A JWT as @octokit/auth-app makes one (`iat` 30 s in the past, `exp` ten minutes after), or
 * with the claims a test sets; signed with `privateKey` (PEM).
 */
export function signAppJwt(privateKey: string, claims: JwtClaims & { now?: number } = {}): string {
  const now = claims.now ?? Math.floor(Date.now() / 1000);
  const iat = 'iat' in claims ? claims.iat : now - 30;
  const exp =
    'exp' in claims ? claims.exp : (typeof iat === 'number' ? iat : now) + JWT_MAX_SECONDS;
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ iat, exp, iss: claims.iss }));
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${payload}`);
  return `${header}.${payload}.${signer.sign(privateKey).toString('base64url')}`;
}

/** Does the credential look like a JWT (three base64url parts)? */
export function looksLikeJwt(credential: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(credential);
}

export type JwtCheck = { appId: number } | { refused: RestResult };

const refuse = (status: number, message: string): JwtCheck => ({
  refused: errorResult(status, message),
});

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * GitHub's checks of an App JWT, in its order: decodable, an integer issuer that is a known App
 * (`keyOf` its public key; else 404 "Integration not found"), a signature by that key, `iat` an
 * integer not in the future, `exp` in the future, and at most ten minutes after `iat` and now.
 */
export function checkAppJwt(
  jwt: string,
  keyOf: (appId: number) => KeyObject | undefined,
  nowSeconds: number,
): JwtCheck {
  const [headerPart = '', payloadPart = '', signaturePart = ''] = jwt.split('.');
  const header = decodePart(headerPart);
  const claims = decodePart(payloadPart);
  if (!looksLikeJwt(jwt) || !header || !claims || header.alg !== 'RS256')
    return refuse(401, JWT_ERRORS.undecodable);
  const iss =
    typeof claims.iss === 'string' && /^\d+$/.test(claims.iss) ? Number(claims.iss) : claims.iss;
  if (typeof iss !== 'number' || !Number.isInteger(iss)) return refuse(401, JWT_ERRORS.issuer);
  const key = keyOf(iss);
  if (!key) return refuse(404, 'Integration not found');
  const signed = Buffer.from(`${headerPart}.${payloadPart}`);
  if (!verify('RSA-SHA256', signed, key, Buffer.from(signaturePart, 'base64url')))
    return refuse(401, JWT_ERRORS.undecodable);
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > nowSeconds)
    return refuse(401, JWT_ERRORS.issuedAt);
  if (typeof exp !== 'number' || exp <= nowSeconds) return refuse(401, JWT_ERRORS.expired);
  if (exp - iat > JWT_MAX_SECONDS || exp - nowSeconds > JWT_MAX_SECONDS)
    return refuse(401, JWT_ERRORS.tooLong);
  return { appId: iss };
}

/** The public key of a PEM key (private or public). */
export function publicKeyOf(pem: string): KeyObject {
  return createPublicKey(pem);
}

/** `ghs_` and 36 letters and digits, as GitHub's installation tokens look. */
export function newInstallationToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(36);
  return `ghs_${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

export type Access = 'read' | 'write';

/**
 * The installation permission each REST operation the fake serves needs (any one of those
 * listed), as GitHub's REST reference lists them for GitHub Apps. `metadata` (read) every
 * installation has.
 */
export const OPERATION_PERMISSIONS: Record<string, { any: string[]; access: Access }> = {
  'repos/get': { any: ['metadata'], access: 'read' },
  'repos/get-branch': { any: ['contents'], access: 'read' },
  'repos/get-branch-rules': { any: ['metadata'], access: 'read' },
  'repos/get-content': { any: ['contents'], access: 'read' },
  'repos/compare-commits-with-basehead': { any: ['contents'], access: 'read' },
  'repos/list-pull-requests-associated-with-commit': {
    any: ['contents', 'pull_requests'],
    access: 'read',
  },
  'git/get-tree': { any: ['contents'], access: 'read' },
  'git/get-blob': { any: ['contents'], access: 'read' },
  'pulls/get': { any: ['pull_requests'], access: 'read' },
  'pulls/list': { any: ['pull_requests'], access: 'read' },
  'pulls/list-files': { any: ['pull_requests'], access: 'read' },
  'pulls/list-reviews': { any: ['pull_requests'], access: 'read' },
  'issues/list-comments': { any: ['issues', 'pull_requests'], access: 'read' },
  'issues/create-comment': { any: ['issues', 'pull_requests'], access: 'write' },
  'issues/update-comment': { any: ['issues', 'pull_requests'], access: 'write' },
  'issues/delete-comment': { any: ['issues', 'pull_requests'], access: 'write' },
  'checks/list-for-ref': { any: ['checks'], access: 'read' },
  'checks/create': { any: ['checks'], access: 'write' },
  'checks/update': { any: ['checks'], access: 'write' },
  'teams/list-members-in-org': { any: ['members'], access: 'read' },
};

/** Does an installation with `permissions` have what `operationId` needs? undefined: unknown. */
export function permits(
  operationId: string,
  permissions: Record<string, string>,
): boolean | undefined {
  const need = OPERATION_PERMISSIONS[operationId];
  if (!need) return undefined;
  const granted = { metadata: 'read', ...permissions };
  return need.any.some((name) => {
    const level = granted[name as keyof typeof granted];
    return level === 'write' || level === 'admin' || (level === 'read' && need.access === 'read');
  });
}
