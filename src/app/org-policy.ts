/**
 * The organization's policy: the policy file in the organization's `.github` repository, read at
 * that repository's default branch head through the App's installation. Null when the
 * repository or its branch is not there (or not in the installation: GitHub answers 404 to
 * both), or when the commit's tree, read whole, has no such file. GitHub's contents API also
 * answers 404 for a commit it does not serve yet (just pushed), so its 404 alone never drops
 * the org policy. A directory or a link at the policy's path, and any other failure, is thrown,
 * and the job fails closed.
 */
import { InputError } from '../core/errors.js';
import { decodeUtf8 } from '../readers/decode-text.js';
import type { GitHubPort } from '../github/port.js';
import type { OrganizationPolicy } from '../policy/types.js';
import { ORG_REPOSITORY } from './deliveries.js';
import type { AppGitHub } from './github-app.js';

export async function readOrganizationPolicy(
  github: AppGitHub,
  installationId: number,
  owner: string,
  policyPath: string,
  log?: (message: string) => void,
): Promise<OrganizationPolicy | null> {
  const head = await github.defaultBranchHead(installationId, owner, ORG_REPOSITORY);
  if (!head) return null;
  const port = await github.portFor(installationId, owner, ORG_REPOSITORY, log);
  const repository = `${owner}/${ORG_REPOSITORY}`;
  const file = `${repository}:${policyPath}`;
  const entry = await findPolicy(port, head.sha, policyPath, repository);
  if (entry === null) return null;
  const bytes = entry.bytes ?? (await port.blob(entry.sha));
  return { repository, path: policyPath, commit: head.sha, text: decodeUtf8(bytes, file) };
}

/**
 * The policy file's entry at `sha`, or null when the commit's tree (which fails when GitHub
 * cannot serve the commit) has nothing at that path.
 */
async function findPolicy(
  port: GitHubPort,
  sha: string,
  path: string,
  repository: string,
): Promise<{ sha: string; bytes: Uint8Array | null } | null> {
  const file = `${repository}:${path}`;
  const read = await port.readPath(sha, path);
  if (read?.kind === 'file') return read;
  const tree = await port.tree(sha);
  const entry = tree.find((e) => e.path === path);
  const kind = read?.kind ?? entry?.kind ?? null;
  if (kind === 'symlink')
    // A link is never read as a policy, as in a repository: fail closed rather than judge without it.
    throw new InputError(
      'symlink',
      'the organization policy is a symbolic link; rsp-gate does not follow links',
      { file },
      `commit the policy file itself in ${repository}`,
    );
  if (read?.kind === 'directory' || tree.some((e) => e.path.startsWith(`${path}/`)))
    throw new InputError(
      'policy-directory',
      'the organization policy path is a directory, not a file',
      { file },
      `commit the policy file itself at ${path} in ${repository}`,
    );
  // The contents API said 404, yet the tree has the file: read it from the tree.
  return entry ? { sha: entry.sha, bytes: null } : null;
}
