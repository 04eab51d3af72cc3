/**
 * Which check a judgment may write. A check run belongs to a commit, not to a pull request, so the
 * required check (`rsp-gate`) on a commit must speak for every protected base that commit could
 * merge into: a judgment against a base that no rule protects (a branch the author made, holding
 * a forged attestation "already on the base") must never write it.
 *
 * A base is protected when GitHub enforces the check on it — a ruleset or classic branch
 * protection requiring the check's name — or when it is the repository's default branch, or when
 * the gate cannot tell. Nothing the pull request's own branches contain is read here: a branch the
 * author created cannot declare itself protected or unprotected.
 */
import type { BranchEnforcement, GitHubPort } from '../github/port.js';

export interface BaseProtection {
  protected: boolean;
  /** Why, in words for the check's summary. */
  why: string;
}

/** Pure: what GitHub's answers say about `branch` and the check `check`. */
export function judgeProtection(
  branch: string,
  check: string,
  defaultBranch: string | null,
  enforcement: BranchEnforcement | null,
): BaseProtection {
  if (branch === defaultBranch)
    return { protected: true, why: `\`${branch}\` is the repository’s default branch` };
  if (enforcement === null)
    return {
      protected: true,
      why: `the gate could not read what GitHub enforces on \`${branch}\``,
    };
  const ruleset = enforcement.rulesetChecks?.find((c) => c.context === check);
  if (ruleset)
    return { protected: true, why: `ruleset “${ruleset.ruleset}” requires \`${check}\`` };
  const classic = enforcement.classic;
  if (classic?.requiredChecks?.includes(check))
    return { protected: true, why: `branch protection of \`${branch}\` requires \`${check}\`` };
  if (enforcement.rulesetChecks === null)
    return {
      protected: true,
      why: `the token cannot read the rulesets of \`${branch}\`, so it is treated as protected`,
    };
  if (classic === null || (classic.protected && classic.requiredChecks === null))
    return {
      protected: true,
      why: `the token cannot read the branch protection of \`${branch}\`, so it is treated as protected`,
    };
  return {
    protected: false,
    why: `no ruleset or branch protection of \`${branch}\` requires \`${check}\``,
  };
}

/** Reads what GitHub enforces on `branch` (skipped for the default branch) and judges it. */
export async function readBaseProtection(
  port: GitHubPort,
  branch: string,
  check: string,
  defaultBranch: string | null,
): Promise<BaseProtection> {
  if (branch === defaultBranch) return judgeProtection(branch, check, defaultBranch, null);
  return judgeProtection(branch, check, defaultBranch, await port.branchEnforcement(branch));
}

/** The check a pull request into an unprotected base is judged under: no ruleset requires it. */
export function checkNameInto(check: string, baseRef: string): string {
  return `${check} (into ${baseRef})`;
}

/** The check whole-branch runs (push, schedule, manual) publish their audit verdict under. */
export function auditCheckName(check: string): string {
  return `${check} (audit)`;
}
