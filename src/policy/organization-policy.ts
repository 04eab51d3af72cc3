/**
 * What a repository policy may write on top of its organization's policy, and the errors that
 * refuse the rest. A repository policy that builds on the organization policy
 * (`extends: organization`) may only add: thresholds, triggers and safeguards under new ids,
 * benchmarks and roles under new keys, sign-off rules for a new level and kind. Every other key,
 * and every id or key the organization policy already has (its preset's included), is frozen:
 * setting one is refused (`policy-org-frozen`) at the repository file's key, naming the
 * organization policy's file and commit. Pure: the loader (load-policy.ts) calls it.
 */
import { InputError } from '../core/errors.js';
import { escapePointerToken, type LocatedDocument } from '../formats/yaml.js';
import { ORGANIZATION, organizationSource, type OrganizationInfo, type Policy } from './types.js';

/** The parts of a repository policy's parsed text this reads; the rest is read by key name. */
export interface RepositoryRaw {
  thresholds?: readonly { id: string }[];
  triggers?: readonly { id: string }[];
  safeguards?: readonly { id: string }[];
  signoffs?: readonly { level: string; kind?: string }[];
  roles?: Readonly<Record<string, unknown>>;
  benchmarks?: Readonly<Record<string, unknown>>;
}

/** The organization policy a repository policy builds on, resolved with its preset. */
export interface OrganizationBase {
  /** The organization policy as it would judge alone; `organization` is set. */
  policy: Policy & { organization: OrganizationInfo };
  /** The parsed texts it is made of, its preset's first: to tell a key it sets from a default. */
  raws: readonly object[];
}

/** Keys every policy may write whatever it builds on. */
const FREE_KEYS = new Set(['version', 'extends']);
/** Lists a repository policy may add to, and how an item is named. */
const ID_LISTS = ['thresholds', 'triggers', 'safeguards'] as const;
/** Mappings a repository policy may add keys to. */
const KEYED_MAPS = ['roles', 'benchmarks'] as const;
/** Mappings whose every key is frozen one by one (so the error names the key). */
const FROZEN_MAPS = new Set(['approvals', 'discovery', 'evidence']);

/** The key a sign-off rule merges by: its level and kind (`*`: every kind). */
export function signoffKey(rule: { level: string; kind?: string | null }): string {
  return `${rule.level}/${rule.kind ?? '*'}`;
}

/**
 * Refuses the first key of the repository policy, in file order, that changes what the
 * organization policy sets.
 */
export function checkOrganizationFrozen(
  doc: LocatedDocument,
  raw: RepositoryRaw & object,
  base: OrganizationBase,
): void {
  const refuse = frozenError(doc, base);
  for (const key of Object.keys(raw)) {
    if (FREE_KEYS.has(key)) continue;
    if (key === ORGANIZATION) throw organizationOnlyError(doc, 'a repository policy');
    if ((ID_LISTS as readonly string[]).includes(key)) {
      checkIds(key as (typeof ID_LISTS)[number], raw, base.policy, refuse);
    } else if (key === 'signoffs') {
      checkSignoffs(raw, base.policy, refuse);
    } else if ((KEYED_MAPS as readonly string[]).includes(key)) {
      checkKeys(key as (typeof KEYED_MAPS)[number], raw, base.policy, refuse);
    } else {
      checkSetting(key, raw, base.raws, refuse);
    }
  }
}

/**
 * How a frozen key is refused: `key` as the error's key, `subject` as the message names it
 * (`` `thresholds[2]` (id CBRN-3) ``), `pointer` where it is written.
 */
type Refuse = (
  key: string,
  subject: string,
  pointer: string,
  at: 'key' | 'value',
  setByOrganization: boolean,
) => never;

function frozenError(doc: LocatedDocument, base: OrganizationBase): Refuse {
  const { organization } = base.policy;
  const source = organizationSource(organization);
  return (key, subject, pointer, at, setByOrganization) => {
    const how = setByOrganization
      ? `is set by the organization policy ${source}`
      : `is fixed by the organization policy ${source}, which leaves it at its default,`;
    throw new InputError(
      'policy-org-frozen',
      `policy: ${subject} ${how} and cannot be changed here`,
      {
        file: doc.file,
        ...(at === 'key' ? doc.locateKey(pointer) : doc.locate(pointer)),
        key,
      },
      `a policy that extends \`organization\` may only add thresholds, triggers, safeguards, benchmarks, roles and sign-off rules under new ids and keys; what the organization policy sets is changed in ${organization.repository}, by its owners`,
    );
  };
}

function checkIds(
  list: (typeof ID_LISTS)[number],
  raw: RepositoryRaw,
  policy: Policy,
  refuse: Refuse,
): void {
  const taken = new Set(policy[list].map((item) => item.id));
  (raw[list] ?? []).forEach((item, i) => {
    if (taken.has(item.id))
      refuse(`${list}[${i}]`, `\`${list}[${i}]\` (id ${item.id})`, `/${list}/${i}/id`, 'key', true);
  });
}

function checkSignoffs(raw: RepositoryRaw, policy: Policy, refuse: Refuse): void {
  const taken = new Set(policy.signoffs.map(signoffKey));
  (raw.signoffs ?? []).forEach((rule, i) => {
    if (!taken.has(signoffKey(rule))) return;
    const kind = rule.kind === undefined ? 'every kind' : `kind ${rule.kind}`;
    refuse(
      `signoffs[${i}]`,
      `\`signoffs[${i}]\` (level ${rule.level}, ${kind})`,
      `/signoffs/${i}`,
      'value',
      true,
    );
  });
}

function checkKeys(
  map: (typeof KEYED_MAPS)[number],
  raw: RepositoryRaw,
  policy: Policy,
  refuse: Refuse,
): void {
  const taken: ReadonlyMap<string, unknown> = policy[map];
  for (const name of Object.keys(raw[map] ?? {})) {
    if (taken.has(name))
      refuse(
        `${map}.${name}`,
        `\`${map}.${name}\``,
        `/${map}/${escapePointerToken(name)}`,
        'key',
        true,
      );
  }
}

/** A key with no ids: frozen whole (a mapping of settings: frozen at its first setting). */
function checkSetting(
  key: string,
  raw: object,
  organizationRaws: readonly object[],
  refuse: Refuse,
): never {
  const value = (raw as Record<string, unknown>)[key];
  const first =
    FROZEN_MAPS.has(key) && value !== null && typeof value === 'object'
      ? Object.keys(value)[0]
      : undefined;
  const path = first === undefined ? [key] : [key, first];
  const setByOrganization = organizationRaws.some((r) => valueAt(r, path) !== undefined);
  return refuse(
    path.join('.'),
    `\`${path.join('.')}\``,
    `/${path.map(escapePointerToken).join('/')}`,
    'key',
    setByOrganization,
  );
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** `organization:` in a policy that is not the organization's. */
export function organizationOnlyError(doc: LocatedDocument, what: string): InputError {
  return new InputError(
    'policy-org-only',
    `policy: \`organization\` belongs to the organization policy only; ${what} cannot set it`,
    { file: doc.file, ...doc.locateKey('/organization'), key: 'organization' },
    'only the policy of the organization’s `.github` repository says whether repository policies must build on it; remove the key here',
  );
}

/** A repository policy that does not build on an organization policy that requires it. */
export function organizationRequiredError(
  doc: LocatedDocument,
  hasExtends: boolean,
  organization: OrganizationInfo,
): InputError {
  return new InputError(
    'policy-org-required',
    `policy: the organization policy ${organizationSource(organization)} requires every repository policy to build on it (\`organization: { required: true }\`), and this one does not`,
    {
      file: doc.file,
      ...(hasExtends ? doc.locate('/extends') : { line: 1, column: 1 }),
      key: 'extends',
    },
    'write `extends: organization` and keep only what this repository adds (thresholds, triggers, safeguards, benchmarks, roles and sign-off rules under new ids), or delete this file to be judged by the organization policy as it is',
  );
}

/** `extends: organization` where no organization policy was read. */
export function organizationMissingError(doc: LocatedDocument): InputError {
  return new InputError(
    'policy-org-missing',
    'policy: `extends: organization` builds on the organization policy, and none was given',
    { file: doc.file, ...doc.locate('/extends'), key: 'extends' },
    'only the rsp-gate GitHub App reads the organization policy (from the organization’s `.github` repository); the command line and the Action judge one repository: extend a preset there (`rsp-gate presets`), or judge this repository with the App',
  );
}
