/**
 * One run of the gate over repository trees: load the policy (from the base when judging a
 * change), read both states, evaluate. Shared by the CLI, the Action and the App. The policy is
 * the repository's own file, built on the organization policy when it `extends: organization`;
 * with no file, the organization policy when there is one, else the fallback preset.
 */
import { createHash } from 'node:crypto';
import { InputError, isInputError } from '../core/errors.js';
import type { DecisionRecord } from '../core/decision.js';
import { evaluate, type PolicyChange } from '../core/evaluate.js';
import type { RepositoryState, ReviewContext } from '../core/inputs.js';
import { readText } from '../readers/decode-text.js';
import {
  loadOrganizationPolicy,
  loadPolicy,
  loadPreset,
  type LoadPolicyOptions,
} from '../policy/load-policy.js';
import type { OrganizationPolicy, Policy } from '../policy/types.js';
import { loadRepository, type ParseCache, problemFrom } from '../repository/load-repository.js';
import { refuseLink, type RepositoryTree } from '../repository/tree.js';
import type { Scope } from './change-scope.js';
import { readChange } from './read-change.js';

export const DEFAULT_POLICY_PATH = '.github/rsp-policy.yml';

export interface CheckOptions {
  head: RepositoryTree;
  /** The base of the change; null judges `head` as a state. */
  base: RepositoryTree | null;
  policyPath: string;
  now: Date;
  /** Reviews and ticks, or a function that gathers them once the policy is known (team membership). */
  context: ReviewContext | ((policy: Policy) => Promise<ReviewContext>);
  /** A preset to judge by when the tree has no policy file (and there is no organization policy). */
  fallbackPreset?: string;
  /**
   * The organization's policy (the App reads it from the organization's `.github` repository):
   * it judges a tree with no policy file, and a policy file may build on it. The same on both
   * sides of a change.
   */
  organization?: OrganizationPolicy | null;
  cardGlobs?: string[];
  /** Label of the ref the policy is read at, for the record (`main`, a SHA). */
  policyRef?: string;
  /**
   * Every path that may differ between base and head, when known (null: GitHub could not say).
   * Given, the judgment reads only what the change touches when it safely can (`change-scope.ts`).
   */
  changed?: ReadonlySet<string> | null;
  /** Parses kept across checks by blob id (judging a branch's history); see `LoadOptions.cache`. */
  cache?: ParseCache;
  /**
   * Judging a state (no base): which of its models to judge, told the whole state and the policy
   * once read; null judges every one. The record then holds those models and their reasons only,
   * with the repository-wide reasons of the narrowed state (a branch's history re-judges only the
   * models a commit changed, and takes the repository-wide reasons from a whole judgment).
   */
  onlyModels?: (head: RepositoryState, policy: Policy) => ReadonlySet<string> | null;
}

export interface CheckResult {
  record: DecisionRecord;
  policy: Policy;
  head: RepositoryState;
  base: RepositoryState | null;
}

async function readPolicyText(tree: RepositoryTree, path: string): Promise<string | null> {
  const entry = await tree.stat(path);
  if (!entry) return null;
  refuseLink(entry, 'the policy file', 'commit the policy file itself');
  return readText(await tree.open(path));
}

/**
 * The tree's policy file, loaded (over the organization policy in `loadOptions`, if it builds on
 * it); with no file, the organization policy, else `fallbackPreset`, else an error.
 */
export async function loadPolicyFrom(
  tree: RepositoryTree,
  path: string,
  ref?: string,
  fallbackPreset?: string,
  loadOptions: LoadPolicyOptions = {},
): Promise<{ policy: Policy; text: string | null }> {
  const text = await readPolicyText(tree, path);
  if (text === null) {
    if (loadOptions.organization)
      return { policy: loadOrganizationPolicy(loadOptions.organization), text: null };
    if (fallbackPreset !== undefined) return { policy: loadPreset(fallbackPreset), text: null };
    throw new InputError(
      'policy-missing',
      `no policy file at ${path} in ${tree.label}`,
      { file: path },
      'create one with `rsp-gate init`, or pass --policy',
    );
  }
  return { policy: loadPolicy(text, path, { ...loadOptions, ...(ref ? { ref } : {}) }), text };
}

/** The head's policy loads and pins the version of its preset that this rsp-gate ships. */
async function headPinsShippedPreset(options: CheckOptions): Promise<boolean> {
  const text = await readPolicyText(options.head, options.policyPath);
  if (text === null) return false;
  try {
    const { preset } = loadPolicy(text, options.policyPath, organizationOf(options));
    return preset !== null && preset.pinned === preset.version;
  } catch {
    return false; // the head's own problem is reported as the policy change's
  }
}

/**
 * The policy that judges: the base's for a change, else the head's. A base policy that fails to
 * load only because its pin names another preset version, in a change whose head pins the
 * shipped one, is loaded with the shipped version: the change updates the pin, a policy change
 * that blocks until the policy owners approve it.
 */
async function loadJudgingPolicy(
  options: CheckOptions,
): Promise<{ policy: Policy; text: string | null }> {
  const judgedBy = options.base ?? options.head;
  const load = (loadOptions: LoadPolicyOptions = {}) =>
    loadPolicyFrom(judgedBy, options.policyPath, options.policyRef, options.fallbackPreset, {
      ...organizationOf(options),
      ...loadOptions,
    });
  try {
    return await load();
  } catch (error) {
    if (await fixesBaseOutsideRequiredOrg(options, error)) {
      // The base's own file clashes with the organization policy (stands outside one that requires
      // itself, or sets what it now sets), and the change mends it: the organization policy alone
      // judges, and the edit is a policy change its owners approve. Without this the fix itself
      // could never merge.
      const text = await readPolicyText(options.base!, options.policyPath);
      return { policy: loadOrganizationPolicy(options.organization!), text };
    }
    const stalePin = isInputError(error) && error.code === 'policy-preset-version';
    if (!options.base || !stalePin || !(await headPinsShippedPreset(options))) throw error;
    return load({ acceptStalePin: true });
  }
}

/**
 * A change whose base policy is refused because of the organization policy (it requires itself,
 * `policy-org-required`, or has since set a key the repository policy sets, `policy-org-frozen`)
 * and whose head policy loads over the organization policy.
 */
async function fixesBaseOutsideRequiredOrg(
  options: CheckOptions,
  error: unknown,
): Promise<boolean> {
  if (!options.base || !options.organization) return false;
  const clash = ['policy-org-required', 'policy-org-frozen'];
  if (!isInputError(error) || !clash.includes(error.code)) return false;
  const headText = await readPolicyText(options.head, options.policyPath);
  if (headText === null) return true; // deleting it leaves the organization policy to judge
  try {
    loadPolicy(headText, options.policyPath, organizationOf(options));
    return true;
  } catch {
    return false;
  }
}

function organizationOf(options: CheckOptions): LoadPolicyOptions {
  return options.organization ? { organization: options.organization } : {};
}

/**
 * What is wrong with the head's policy file, if anything, in a change that edits it. Deleting it
 * is a problem unless an organization policy is there to judge the repository instead (then it
 * is a policy change like any other, which the policy owners approve).
 */
function headPolicyProblem(options: CheckOptions, headText: string | null) {
  if (headText === null) {
    if (options.organization) return null;
    return {
      code: 'policy-missing',
      message: 'the change deletes the policy file',
      file: options.policyPath,
      line: null,
    };
  }
  try {
    loadPolicy(headText, options.policyPath, organizationOf(options));
    return null;
  } catch (error) {
    return problemFrom(error, options.policyPath);
  }
}

function digest(text: string | null): string | null {
  // A missing file and an empty one differ: null stays null.
  return text === null ? null : createHash('sha256').update(text).digest('hex');
}

export async function checkTrees(options: CheckOptions): Promise<CheckResult> {
  const { policy, text: policyText } = await loadJudgingPolicy(options);

  const cardGlobs = options.cardGlobs ?? policy.discovery.cards;

  let policyChange: PolicyChange | null = null;
  // A change GitHub lists without the policy file leaves it as the base has it.
  if (options.base && (options.changed == null || options.changed.has(options.policyPath))) {
    const headText = await readPolicyText(options.head, options.policyPath);
    if (digest(headText) !== digest(policyText)) {
      const headProblem = headPolicyProblem(options, headText);
      policyChange = { changed: true, file: options.policyPath, headProblem };
    }
  }

  let head: RepositoryState;
  let base: RepositoryState | null = null;
  let scope: Scope | null = null;
  if (options.base && options.changed !== undefined) {
    ({ head, base, scope } = await readChange(
      options.head,
      options.base,
      options.changed,
      policy,
      options.policyPath,
      cardGlobs,
    ));
  } else {
    const cache = options.cache;
    const load = (tree: RepositoryTree) =>
      loadRepository(tree, policy, { cardGlobs, ...(cache ? { cache } : {}) });
    head = await load(options.head);
    base = options.base ? await load(options.base) : null;
  }
  const context =
    typeof options.context === 'function' ? await options.context(policy) : options.context;
  const only = base === null && options.onlyModels ? options.onlyModels(head, policy) : null;
  const judged = only ? { ...head, models: head.models.filter((m) => only.has(m.id)) } : head;
  const evaluated = evaluate({
    policy,
    head: judged,
    base,
    context,
    policyChange,
    now: options.now,
  });
  const record = scope ? { ...evaluated, scope } : evaluated;
  return { record, policy, head, base };
}

/** True when the run met input it could not read (exit code 2 on the command line). */
export function hasInvalidInput(result: CheckResult): boolean {
  return (
    result.head.problems.length > 0 || result.head.models.some((m) => m.artifactErrors.length > 0)
  );
}
