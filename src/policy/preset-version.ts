/**
 * Which built-in preset a policy extends, and at which version. A preset's version is its
 * `preset_version`, raised whenever a change to it can change a verdict; its digest is the sha256
 * of its file. A policy may pin the version (`extends: anthropic-rsp-v2.2@2`): a pin that is not
 * the version this rsp-gate ships refuses to load, so a new preset version takes effect only when
 * the policy owners approve the change that updates the pin.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.js';
import type { LocatedDocument } from '../formats/yaml.js';
import type { NotEnforced, PresetInfo } from './types.js';

/** What `extends:` says: the preset's name and the version it pins, if any. */
export interface PresetReference {
  name: string;
  pinned: number | null;
}

/** The preset-only keys of a preset's text that describe it. */
export interface PresetDescription {
  preset_version?: number;
  source?: { document?: string };
  not_enforced?: NotEnforced[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Split `name@N`; a pin that is not a whole number from 1 up is refused at the `extends` line. */
export function parseExtends(value: string, doc: LocatedDocument): PresetReference {
  const at = value.lastIndexOf('@');
  if (at === -1) return { name: value, pinned: null };
  const name = value.slice(0, at);
  const version = value.slice(at + 1);
  if (!/^[1-9][0-9]{0,8}$/.test(version)) {
    throw new InputError(
      'policy-preset-pin',
      `policy: \`extends: ${value}\`: the version after @ must be a whole number from 1 up, not \`${version}\``,
      { file: doc.file, ...doc.locate('/extends'), key: 'extends' },
      `write \`extends: ${name || '<preset>'}@<preset_version>\` (\`rsp-gate presets\` lists each preset's version)`,
    );
  }
  return { name, pinned: Number(version) };
}

/**
 * The preset's name, version, digest and what it leaves unenforced. A built-in preset without a
 * `preset_version` is a defect of this build: it refuses to load rather than be pinned to nothing.
 */
export function describePreset(
  name: string,
  text: string,
  description: PresetDescription,
  doc: LocatedDocument,
): Omit<PresetInfo, 'pinned' | 'where'> {
  if (description.preset_version === undefined) {
    throw new InputError(
      'preset-version-missing',
      `preset ${name} has no \`preset_version\``,
      { file: doc.file, line: 1, column: 1, key: 'preset_version' },
      'every built-in preset states its version; this is a defect of this rsp-gate build',
    );
  }
  return {
    name,
    version: description.preset_version,
    sha256: sha256(text),
    document: description.source?.document ?? null,
    notEnforced: (description.not_enforced ?? []).map((item) => ({ ...item })),
  };
}

/**
 * A pin must name the version this rsp-gate ships. `acceptStale` is for the pull-request path
 * only: a base policy whose pin is out of date, judged as the policy change that updates it.
 */
export function checkPin(
  preset: Omit<PresetInfo, 'where'>,
  doc: LocatedDocument,
  acceptStale: boolean,
): void {
  const { name, version, pinned } = preset;
  if (pinned === null || pinned === version || acceptStale) return;
  const older = pinned < version;
  throw new InputError(
    'policy-preset-version',
    `policy: \`extends: ${name}@${pinned}\` pins version ${pinned} of the preset, but this rsp-gate ships ${name} version ${version} (sha256 ${preset.sha256.slice(0, 12)})`,
    { file: doc.file, ...doc.locate('/extends'), key: 'extends' },
    older
      ? `read what version ${version} changes (README, "Preset versions"), then set \`extends: ${name}@${version}\`; updating the pin is a policy change that the policy owners approve`
      : `this rsp-gate is older than the pinned preset: use the rsp-gate release that ships version ${pinned}, or set \`extends: ${name}@${version}\` as a policy change that the policy owners approve`,
  );
}
