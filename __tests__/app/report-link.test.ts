/**
 * The App's signed report links: a link the App made verifies to what it was made for until it
 * expires; any change to it (owner, repository, commit, pull request, base, installation,
 * expiry, signature), a missing or extra part, or another key refuses it.
 */
import { describe, expect, it } from 'vitest';
import {
  createReportLinks,
  REPORT_LINK_TTL_MS,
  type ReportLinkTarget,
} from '../../src/app/report-link.js';

const SECRET = 'webhook-s3cret';
const SHA = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const MADE = new Date('2026-12-06T12:00:00Z');
const target: ReportLinkTarget = {
  installationId: 31415,
  owner: 'acme',
  repo: 'models',
  sha: SHA,
  pr: 7,
  base: BASE,
};

function linksAt(now: Date, secret = SECRET) {
  return createReportLinks({
    publicUrl: 'https://rsp-gate.example.com',
    webhookSecret: secret,
    clock: () => now,
  });
}

/** A link's path and query, as the server sees them. */
function parts(link: string): [string, URLSearchParams] {
  const url = new URL(link);
  return [url.pathname, url.searchParams];
}

function verifyAt(now: Date, link: string, secret = SECRET) {
  return linksAt(now, secret).verify(...parts(link));
}

const link = linksAt(MADE).linkFor(target);

/** `link` with one query parameter set to `value` (deleted when null). */
function withParam(name: string, value: string | null): string {
  const url = new URL(link);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  return url.toString();
}

function withPath(owner: string, repo: string, sha: string): string {
  const url = new URL(link);
  url.pathname = `/report/${owner}/${repo}/${sha}`;
  return url.toString();
}

describe('report links', () => {
  it('a link the App made names the page and verifies to its target until it expires', () => {
    expect(link).toMatch(
      /^https:\/\/rsp-gate\.example\.com\/report\/acme\/models\/a{40}\?installation=31415&pr=7&base=b{40}&exp=\d+&sig=[\w-]{43}$/,
    );
    const verified = verifyAt(new Date(MADE.getTime() + 60_000), link);
    expect(verified).toMatchObject(target);
    expect(verified!.expires).toEqual(new Date(MADE.getTime() + REPORT_LINK_TTL_MS));
    // A link made a moment later (the check written again) is another link.
    expect(linksAt(new Date(MADE.getTime() + 1)).linkFor(target)).not.toBe(link);
    // The cache key is the same for the same link, and differs for another.
    const other = linksAt(MADE).linkFor({ ...target, pr: 8 });
    expect(verifyAt(MADE, link)!.key).toBe(verified!.key);
    expect(verifyAt(MADE, other)!.key).not.toBe(verified!.key);
  });

  it('a link to a branch state has no pull request and no base', () => {
    const state = linksAt(MADE).linkFor({ ...target, pr: null, base: BASE });
    expect(new URL(state).searchParams.has('pr')).toBe(false);
    expect(new URL(state).searchParams.has('base')).toBe(false);
    expect(verifyAt(MADE, state)).toMatchObject({ ...target, pr: null, base: null });
  });

  it('an expired link is refused, the moment it expires', () => {
    const exp = Number(new URL(link).searchParams.get('exp'));
    expect(verifyAt(new Date(exp - 1), link)).not.toBeNull();
    expect(verifyAt(new Date(exp), link)).toBeNull();
    expect(verifyAt(new Date(MADE.getTime() + REPORT_LINK_TTL_MS + 1000), link)).toBeNull();
  });

  it.each([
    ['another owner', withPath('evil', 'models', SHA)],
    ['the owner in another case', withPath('Acme', 'models', SHA)],
    ['another repository', withPath('acme', 'secrets', SHA)],
    ['another commit', withPath('acme', 'models', 'c'.repeat(40))],
    ['another pull request', withParam('pr', '8')],
    ['no pull request (the state instead)', withParam('pr', null)],
    ['another base', withParam('base', 'c'.repeat(40))],
    ['no base', withParam('base', null)],
    ['another installation', withParam('installation', '27182')],
    ['a later expiry', withParam('exp', String(Number(new URL(link).searchParams.get('exp')) + 1))],
    ['no expiry', withParam('exp', null)],
    ['no signature', withParam('sig', null)],
    ['an empty signature', withParam('sig', '')],
    [
      'a truncated signature',
      withParam('sig', new URL(link).searchParams.get('sig')!.slice(0, 42)),
    ],
    [
      'a signature one character off',
      withParam(
        'sig',
        new URL(link).searchParams.get('sig')!.slice(0, 42) +
          (new URL(link).searchParams.get('sig')!.endsWith('A') ? 'B' : 'A'),
      ),
    ],
    ['a hex signature', withParam('sig', 'f'.repeat(64))],
    ['an extra parameter', withParam('utm_source', 'mail')],
    ['a parameter given twice', `${link}&pr=7`],
    ['a path with more segments', withPath('acme', 'models/x', SHA)],
    ['a short commit', withPath('acme', 'models', SHA.slice(0, 7))],
  ])('a link with %s is refused', (_what, altered) => {
    expect(altered).not.toBe(link);
    expect(verifyAt(MADE, altered)).toBeNull();
  });

  it('a link signed with another webhook secret is refused, and the same secret verifies it', () => {
    expect(verifyAt(MADE, link, 'another-secret')).toBeNull();
    const forged = linksAt(MADE, 'another-secret').linkFor(target);
    expect(verifyAt(MADE, forged)).toBeNull();
    expect(verifyAt(MADE, forged, 'another-secret')).toMatchObject(target);
  });

  it('a name with characters that need escaping round-trips, and a name GitHub cannot have is refused', () => {
    const dotted = linksAt(MADE).linkFor({ ...target, owner: 'acme-labs', repo: 'models.v2_x' });
    expect(verifyAt(MADE, dotted)).toMatchObject({ owner: 'acme-labs', repo: 'models.v2_x' });
    expect(verifyAt(MADE, withPath('acme', '%2e%2e', SHA))).toBeNull();
    expect(verifyAt(MADE, withPath('acme', '%ZZ', SHA))).toBeNull();
  });
});
