/**
 * What the record says about the preset a policy extends: its stamp (name, version, digest), a
 * note when the policy does not pin the version, and, in the one case a policy loads with a pin
 * that is not the shipped version (a change that updates the pin), which version judged it. Also
 * the stamp of the organization policy a judgment rests on.
 */
import type { OrganizationStamp, PresetStamp, Reason } from './decision.js';
import type { Policy } from '../policy/types.js';

export function presetStamp(policy: Policy): PresetStamp | null {
  const { preset } = policy;
  return preset && { name: preset.name, version: preset.version, sha256: preset.sha256 };
}

/** The organization policy behind the judgment, as the record names it. */
export function organizationStamp(policy: Policy): OrganizationStamp | null {
  const { organization } = policy;
  return (
    organization && {
      repository: organization.repository,
      path: organization.path,
      commit: organization.commit,
    }
  );
}

/** One reason per judgment, at the policy's `extends` line; none for a preset judged alone. */
export function presetReasons(policy: Policy): Reason[] {
  const { preset } = policy;
  if (preset?.where == null) return [];
  const { name, version, pinned, where } = preset;
  if (pinned === null) {
    return [
      {
        code: 'preset-unpinned',
        severity: 'info',
        message: `the policy extends ${name} without pinning its version: write \`extends: ${name}@${version}\` so that a new version of the preset changes no verdict until the policy owners approve the new pin`,
        file: where.file,
        line: where.line,
      },
    ];
  }
  if (pinned === version) return [];
  return [
    {
      code: 'preset-pin-outdated',
      severity: 'info',
      message: `the base policy pins ${name}@${pinned}, but this rsp-gate ships version ${version}: it is judged with version ${version}, as this change updates the pin`,
      file: where.file,
      line: where.line,
    },
  ];
}
