/**
 * The App's verdict for a repository with no policy of its own and no organization policy: a
 * neutral `rsp-gate` check saying it is not configured, so that no required check waits forever,
 * but never a pass for a head with model cards, nor one written over the required check that
 * other pull requests with the same head (into protected bases, judged by their policies) rely on.
 */
import { decodeUtf8 } from '../readers/decode-text.js';
import { readFrontMatter } from '../formats/front-matter.js';
import { parseYaml } from '../formats/yaml.js';
import type { Target } from '../gate/event.js';
import { failureVerdict, OPEN_PULL_REQUEST_LIMIT, writeCheck } from '../gate/judge-on-github.js';
import { auditCheckName, checkNameInto, readBaseProtection } from '../gate/protected-bases.js';
import type { GitHubPort } from '../github/port.js';
import { DEFAULT_CARD_GLOBS } from '../policy/types.js';
import { createMatcher } from '../repository/globs.js';

/** Changed Markdown files read for an `rsp` block, at most. */
const MAX_MARKDOWN_READ = 100;

/**
 * The `discovery.cards` globs of the head's own policy file, when it has one that the judgment
 * could not use (a pull request bringing a repository's first policy is judged by its base).
 */
async function headCardGlobs(port: GitHubPort, sha: string, policyPath: string): Promise<string[]> {
  try {
    const entry = await port.readPath(sha, policyPath);
    if (entry?.kind !== 'file') return [];
    const bytes = entry.bytes ?? (await port.blob(entry.sha));
    const value = parseYaml(decodeUtf8(bytes, policyPath), policyPath).value as {
      discovery?: { cards?: unknown };
    } | null;
    const cards = value?.discovery?.cards;
    return Array.isArray(cards) ? cards.filter((g): g is string => typeof g === 'string') : [];
  } catch {
    return []; // a policy that does not parse finds no cards; the default paths still do
  }
}

/** Whether a Markdown file's front matter has an `rsp` block, as a model card's does. */
function hasRspBlock(bytes: Uint8Array, path: string): boolean {
  try {
    const front = readFrontMatter(decodeUtf8(bytes, path), path);
    return front !== null && typeof front.value === 'object' && 'rsp' in (front.value as object);
  } catch {
    return false;
  }
}

/**
 * The model cards the head has, as far as a repository without a policy can tell: files at the
 * default card paths or at the head policy's own, and Markdown files the change adds or edits
 * whose front matter has an `rsp` block (the first MAX_MARKDOWN_READ of them).
 */
async function cardsAt(
  port: GitHubPort,
  target: Exclude<Target, { kind: 'noop' }>,
  sha: string,
  policyPath: string,
): Promise<string[]> {
  const isCard = createMatcher([
    ...DEFAULT_CARD_GLOBS,
    ...(await headCardGlobs(port, sha, policyPath)),
  ]);
  const tree = await port.tree(sha);
  const found = tree.filter((e) => isCard(e.path)).map((e) => e.path);
  if (found.length > 0 || target.kind === 'state') return found;
  const baseSha = target.baseSha ?? (await port.pullRequest(target.number)).baseSha;
  const changed = (await port.compare(baseSha, sha)).files
    .filter((f) => f.status !== 'removed' && /\.(md|markdown)$/i.test(f.path))
    .slice(0, MAX_MARKDOWN_READ);
  const bySha = new Map(tree.map((e) => [e.path, e]));
  for (const file of changed) {
    const entry = bySha.get(file.path);
    if (entry?.kind !== 'file') continue;
    if (hasRspBlock(await port.blob(entry.sha), file.path)) found.push(file.path);
  }
  return found;
}

/**
 * Where the "not configured" verdict goes, and whether it may be neutral. A pull request into a
 * base no rule protects gets its own check (`rsp-gate (into <base>)`), never the required one.
 * Into a protected base, the required check on the head speaks for every open pull request with
 * that head into a protected base: it may be neutral only when this one is the only one, since
 * the others (judged by their bases' policies) cannot be judged together with one that has none.
 */
async function notConfiguredPlace(
  port: GitHubPort,
  target: Exclude<Target, { kind: 'noop' }>,
  sha: string,
  checkName: string,
): Promise<{ name: string; sharedWith: number[] }> {
  if (target.kind === 'state') return { name: checkName, sharedWith: [] };
  const pr = await port.pullRequest(target.number);
  if (target.checkSha === undefined) {
    const protection = await readBaseProtection(port, pr.baseRef, checkName, pr.defaultBranch);
    if (!protection.protected)
      return { name: checkNameInto(checkName, pr.baseRef), sharedWith: [] };
  }
  const open = await port.openPullRequestsWithHead(sha, OPEN_PULL_REQUEST_LIMIT);
  // Unable to list them: as if shared, which fails closed.
  if (open === null) return { name: checkName, sharedWith: [0] };
  const sharedWith: number[] = [];
  for (const other of open) {
    if (other.number === pr.number) continue;
    const protection = await readBaseProtection(
      port,
      other.baseRef,
      checkName,
      other.defaultBranch,
    );
    if (protection.protected) sharedWith.push(other.number);
  }
  return { name: checkName, sharedWith };
}

/**
 * No policy in the repository nor in the organization: a neutral check saying so, so no required
 * check waits forever; but never a pass for a repository that has model cards, nor for a head
 * that other pull requests into protected bases share: those fail.
 */
export async function writeNotConfigured(
  port: GitHubPort,
  target: Exclude<Target, { kind: 'noop' }>,
  sha: string,
  config: { checkName: string; policyPath: string },
  owner: string,
  readAt: Date,
): Promise<{ name: string; conclusion: 'neutral' | 'failure' }> {
  const checkName = target.kind === 'state' ? auditCheckName(config.checkName) : config.checkName;
  const { name, sharedWith } = await notConfiguredPlace(port, target, sha, checkName);
  const cards = await cardsAt(port, target, sha, config.policyPath);
  const where = `\`${config.policyPath}\` in this repository, or in \`${owner}/.github\` for every repository of the organization`;
  const others = sharedWith.filter((n) => n > 0);
  const verdict =
    cards.length > 0
      ? failureVerdict(
          'Blocked: model cards but no policy',
          `This repository has model cards (${cards
            .slice(0, 5)
            .map((c) => `\`${c}\``)
            .join(
              ', ',
            )}${cards.length > 5 ? ', …' : ''}) and no rsp-gate policy to judge them by. Add ${where}.`,
        )
      : sharedWith.length > 0
        ? failureVerdict(
            'Blocked: a pull request with this head has no policy to be judged by',
            `${target.kind === 'pull_request' ? `Pull request #${target.number}'s base` : 'This branch'} has no rsp-gate policy (add ${where}), and \`${name}\` on this commit also speaks for ${others.length > 0 ? others.map((n) => `#${n}`).join(', ') : 'the other open pull requests with this head'}, into protected bases. A commit's check cannot be judged for a pull request without a policy, so it fails closed.`,
          )
        : {
            conclusion: 'neutral' as const,
            output: {
              title: 'rsp-gate is not configured for this repository',
              summary: `No policy: add ${where}. Until then the check is neutral: this change has no model cards at the default paths, nor Markdown files with an \`rsp\` block.`,
              text: '',
            },
            annotations: [],
          };
  await writeCheck(port, sha, name, verdict, readAt, null);
  return { name, conclusion: verdict.conclusion === 'neutral' ? 'neutral' : 'failure' };
}
