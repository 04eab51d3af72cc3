/**
 * The organization's policy: the policy file in the organization's `.github` repository, read at
 * that repository's default branch head through the App's installation. Null when the
 * repository, its branch or the file is not there (or not in the installation: GitHub answers
 * 404 to both); any other failure is thrown, and the job fails closed.
 */
import { InputError } from '../core/errors.js';
import { decodeUtf8 } from '../readers/decode-text.js';
import type { OrganizationPolicy } from '../policy/types.js';
import { ORG_REPOSITORY } from './deliveries.js';
import type { AppGitHub } from './github-app.js';

export async function readOrganizationPolicy(
  github: AppGitHub,
  installationId: number,
  owner: string,
  policyPath: string,
): Promise<OrganizationPolicy | null> {
  const head = await github.defaultBranchHead(installationId, owner, ORG_REPOSITORY);
  if (!head) return null;
  const port = await github.portFor(installationId, owner, ORG_REPOSITORY);
  const entry = await port.readPath(head.sha, policyPath);
  if (!entry || entry.kind === 'directory') return null;
  const repository = `${owner}/${ORG_REPOSITORY}`;
  const file = `${repository}:${policyPath}`;
  // A link is never read as a policy, as in a repository: fail closed rather than judge without it.
  if (entry.kind === 'symlink')
    throw new InputError(
      'symlink',
      'the organization policy is a symbolic link; rsp-gate does not follow links',
      { file },
      `commit the policy file itself in ${repository}`,
    );
  const bytes = entry.bytes ?? (await port.blob(entry.sha));
  return { repository, path: policyPath, commit: head.sha, text: decodeUtf8(bytes, file) };
}
