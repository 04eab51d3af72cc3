/**
 * What every webhook payload builder shares: the fixed event time, the
 * `repository` / `organization` / `sender` / `installation` envelope, reactions, stand-in shas.
 */
import { createHash } from 'node:crypto';
import {
  identityFor,
  nodeId,
  ownerIdentity,
  repositoryObject,
  userObject,
  type Host,
  type JsonObject,
  type RepoDescription,
} from './github-objects.js';
import { simpleInstallation } from './github-app-objects.js';

export const EPOCH = new Date('2025-06-02T10:00:00Z');

export function baseRefOf(d: { repo: RepoDescription; baseRef?: string }): string {
  return d.baseRef ?? d.repo.defaultBranch ?? 'main';
}

export function organizationObject(host: Host, repo: RepoDescription): JsonObject | undefined {
  const owner = ownerIdentity(repo);
  if (owner.type !== 'Organization') return undefined;
  const api = `${host.apiUrl}/orgs/${owner.login}`;
  return {
    login: owner.login,
    id: owner.id,
    node_id: nodeId('O', owner.id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${owner.id}?v=4`,
    description: null,
  };
}

/** `repository`, `organization` (for organisation-owned repos), `sender`, `installation`. */
export function envelope(
  host: Host,
  repo: RepoDescription,
  sender: string,
  installationId?: number,
): JsonObject {
  const out: JsonObject = {};
  const org = organizationObject(host, repo);
  out.repository = repositoryObject(host, repo);
  if (org) out.organization = org;
  out.sender = userObject(host, identityFor(sender));
  if (installationId !== undefined) {
    out.installation = simpleInstallation(installationId);
  }
  return out;
}

export function reactions(url: string): JsonObject {
  return {
    url,
    total_count: 0,
    '+1': 0,
    '-1': 0,
    laugh: 0,
    hooray: 0,
    confused: 0,
    heart: 0,
    rocket: 0,
    eyes: 0,
  };
}

/** A 40-hex id for things a payload names but the test did not (tree ids). */
export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}
