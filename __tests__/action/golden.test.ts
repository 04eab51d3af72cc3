/**
 * The comment and the check run as a person reads them: golden files, and GitHub's own Markdown
 * engine (cmark-gfm, from npm) to prove the tables and task items come out as such.
 * Refresh the golden files after an intended change with `UPDATE_GOLDEN=1 npm test`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { judgeOnGitHub } from '../../src/gate/judge-on-github.js';
import { createMemoryPort } from '../../src/github/memory-port.js';
import { createLocalTree } from '../../src/repository/local-tree.js';
import { renderAsGitHub } from '../helpers/github-markdown.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');
const GOLDEN = join(import.meta.dirname, '../golden');

async function commitOf(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await createLocalTree(join(EXAMPLES, dir)).list(''))
    files.set(entry.path, readFileSync(join(EXAMPLES, dir, entry.path)));
  return files;
}

async function examplePullRequest() {
  const port = createMemoryPort();
  port.state.commits.set(
    'b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0',
    await commitOf('acme-models-base'),
  );
  port.state.commits.set('1a2b3c4d5e6f1a2b3c4d5e6f1a2b3c4d5e6f1a2b', await commitOf('acme-models'));
  port.state.pulls.set(7, {
    number: 7,
    state: 'open',
    draft: false,
    merged: false,
    author: 'dave-ml',
    headSha: '1a2b3c4d5e6f1a2b3c4d5e6f1a2b3c4d5e6f1a2b',
    headRef: 'fr7-uplift',
    headRepo: 'acme/models',
    baseSha: 'b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0',
    baseRef: 'main',
    defaultBranch: 'main',
    htmlUrl: 'https://github.com/acme/models/pull/7',
  });
  await judgeOnGitHub({
    port,
    target: { kind: 'pull_request', number: 7, reason: 'pull_request_target.opened' },
    policyPath: '.github/rsp-policy.yml',
    checkName: 'rsp-gate',
    mode: null,
    cardGlobs: null,
    fallbackPreset: null,
    now: new Date('2026-11-27T12:00:00Z'),
    clock: () => new Date('2026-11-27T12:00:00Z'),
    repositoryUrl: 'https://github.com/acme/models',
    runUrl: 'https://github.com/acme/models/actions/runs/1',
    log: () => undefined,
  });
  const run = port.state.checkRuns[0]!;
  return {
    comment: port.state.comments[0]!.body,
    checkRun: run.updates.at(-1)!.output,
    annotations: run.annotations,
  };
}

/** `actual` must equal the golden file; UPDATE_GOLDEN=1 writes it first (and is the only way to add one). */
function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  expect(
    existsSync(path),
    `${name}: no golden file; run UPDATE_GOLDEN=1 npm test to write it, then review and commit it`,
  ).toBe(true);
  expect(
    actual,
    `${name} differs from the golden file; if the change is intended, run UPDATE_GOLDEN=1 npm test`,
  ).toBe(readFileSync(path, 'utf8'));
}

describe('what reviewers see for the example pull request', () => {
  test('the comment matches its golden file', async () => {
    golden('comment-blocked.md', (await examplePullRequest()).comment);
  });

  test('the check run matches its golden files', async () => {
    const { checkRun, annotations } = await examplePullRequest();
    golden('check-run-title.txt', `${checkRun.title}\n`);
    golden('check-run-summary.md', checkRun.summary);
    golden('check-run-text.md', `${checkRun.text}\n`);
    golden('check-run-annotations.json', `${JSON.stringify(annotations, null, 2)}\n`);
  });

  test('GitHub’s Markdown engine renders the comment’s tables as tables and its checklist as task items', async () => {
    const { comment } = await examplePullRequest();
    const html = renderAsGitHub(comment);
    // The model table and the evidence table of frontier-7, the one model the change touches.
    expect(html.match(/<table>/g)).toHaveLength(2);
    expect(html).toContain('<th>model</th>\n<th>deployment</th>\n<th>security</th>');
    const items = html.match(/<li><input type="checkbox"[^>]*\/>/g) ?? [];
    expect(items).toHaveLength(27); // every safeguard frontier-7 needs
    expect(items.filter((i) => i.includes('checked=""'))).toHaveLength(13);
    expect(html).toContain('<details>');
    // Hidden ids survive as HTML comments (GitHub keeps them in the source, invisible).
    expect(comment.match(/<!-- rsp-gate:item /g)).toHaveLength(27);
  });

  test('the check-run summary renders with the same structure', async () => {
    const { checkRun } = await examplePullRequest();
    const html = renderAsGitHub(checkRun.summary);
    expect(html.match(/<table>/g)).toHaveLength(2);
    expect(html.match(/<li><input type="checkbox"/g)).toHaveLength(27);
  });
});
