/**
 * Attacks on issue 11's "no override" on the pull-request path, through the code the Action runs
 * (in-memory GitHub): a change that grants itself an override by editing the policy is judged by
 * the base policy, which grants none, and blocks as a policy change until the owners approve.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { judgeOnGitHub } from '../../src/gate/judge-on-github.js';
import { createMemoryPort } from '../../src/github/memory-port.js';
import { createLocalTree } from '../../src/repository/local-tree.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/acme-models-base');
const POLICY = '.github/rsp-policy.yml';

/** The example repository, its policy passed through `edit`. */
async function commit(edit: (policy: string) => string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await createLocalTree(EXAMPLE).list(''))
    files.set(entry.path, readFileSync(join(EXAMPLE, entry.path)));
  const policy = new TextDecoder().decode(files.get(POLICY)!);
  files.set(POLICY, new TextEncoder().encode(edit(policy)));
  return files;
}

async function pullRequest(baseEdit: (p: string) => string, headEdit: (p: string) => string) {
  const port = createMemoryPort();
  port.state.commits.set('base0', await commit(baseEdit));
  port.state.commits.set('head1', await commit(headEdit));
  port.state.pulls.set(9, {
    number: 9,
    state: 'open',
    draft: false,
    merged: false,
    author: 'dave-ml',
    headSha: 'head1',
    headRef: 'policy-edit',
    headRepo: 'acme/models',
    baseSha: 'base0',
    baseRef: 'main',
    defaultBranch: 'main',
    htmlUrl: 'https://github.test/acme/models/pull/9',
  });
  port.state.reviews.set(9, []);
  return judgeOnGitHub({
    port,
    target: { kind: 'pull_request', number: 9, reason: 'test' },
    policyPath: POLICY,
    checkName: 'rsp-gate',
    mode: null,
    cardGlobs: null,
    fallbackPreset: null,
    now: new Date('2026-11-27T12:00:00Z'),
    repositoryUrl: 'https://github.test/acme/models',
    runUrl: null,
    log: () => undefined,
  });
}

test('a change that adds `approvals: { override: [rso] }` to a policy whose preset grants none is judged by the base (no override) and blocks as a policy change', async () => {
  const result = await pullRequest(
    (p) => p,
    (p) => `${p}\napprovals: { override: [rso] }\n`,
  );
  expect(result.conclusion).toBe('failure');
  const changed = result.record.reasons.find((r) => r.code === 'policy-changed')!;
  expect(changed).toMatchObject({ severity: 'block', file: POLICY });
  expect(changed.message).toContain('needs an approving review on the head commit from rso');
});

test('a base policy with an out-of-date pin and another defect is not judged past the pin: the other defect is the error', async () => {
  const stale = (p: string) =>
    p.replace('extends: anthropic-rsp-v2.2@2', 'extends: anthropic-rsp-v2.2@1');
  const judged = pullRequest(
    (p) => `${stale(p)}\npolicy_owners: [no-such-role]\n`,
    (p) => p,
  );
  await expect(judged).rejects.toMatchObject({ code: 'policy-reference' });
});
