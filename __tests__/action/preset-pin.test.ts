/**
 * A preset version pin on the pull-request path, through the code the Action runs (in-memory
 * GitHub): when the base policy pins a preset version this rsp-gate no longer ships, a pull
 * request that moves the pin to the shipped version is judged as a policy change, which blocks
 * until the policy owners approve its head; any other pull request meets the pin error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { judgeOnGitHub } from '../../src/gate/judge-on-github.js';
import { InputError } from '../../src/core/errors.js';
import type { Review } from '../../src/core/inputs.js';
import { createMemoryPort } from '../../src/github/memory-port.js';
import { createLocalTree } from '../../src/repository/local-tree.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/acme-models-base');
const POLICY = '.github/rsp-policy.yml';
const SHIPPED = 'extends: anthropic-rsp-v2.2@2';

/** The example repository, with its policy's extends line replaced. */
async function commitWith(extendsLine: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await createLocalTree(EXAMPLE).list(''))
    files.set(entry.path, readFileSync(join(EXAMPLE, entry.path)));
  const policy = new TextDecoder().decode(files.get(POLICY)!);
  expect(policy).toContain(`\n${SHIPPED}\n`);
  files.set(POLICY, new TextEncoder().encode(policy.replace(SHIPPED, extendsLine)));
  return files;
}

async function pullRequest(baseExtends: string, headExtends: string, reviews: Review[] = []) {
  const port = createMemoryPort();
  port.state.commits.set('base0', await commitWith(baseExtends));
  port.state.commits.set('head1', await commitWith(headExtends));
  port.state.pulls.set(9, {
    number: 9,
    state: 'open',
    draft: false,
    merged: false,
    author: 'dave-ml',
    headSha: 'head1',
    headRef: 'pin-preset',
    headRepo: 'acme/models',
    baseSha: 'base0',
    baseRef: 'main',
    defaultBranch: 'main',
    htmlUrl: 'https://github.test/acme/models/pull/9',
  });
  port.state.reviews.set(9, reviews);
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

const rsoApproves: Review = {
  user: 'alice-rso',
  state: 'APPROVED',
  commit: 'head1',
  submittedAt: '2026-11-27T12:30:00Z',
};

const blocking = (reasons: { code: string; severity: string }[]) =>
  reasons.filter((r) => r.severity === 'block').map((r) => r.code);

describe('a pull request that updates an out-of-date preset pin', () => {
  test('is judged as a policy change: blocked until the policy owners approve the head', async () => {
    const result = await pullRequest('extends: anthropic-rsp-v2.2@1', SHIPPED);
    expect(result.conclusion).toBe('failure');
    const changed = result.record.reasons.find((r) => r.code === 'policy-changed')!;
    expect(changed).toMatchObject({ severity: 'block', file: POLICY });
    expect(changed.message).toContain('needs an approving review on the head commit from rso');
    expect(result.record.reasons.find((r) => r.code === 'preset-pin-outdated')).toMatchObject({
      severity: 'info',
      file: POLICY,
      line: 5,
      message:
        'the base policy pins anthropic-rsp-v2.2@1, but this rsp-gate ships version 2: it is judged with version 2, as this change updates the pin',
    });
    expect(result.record.policy.preset).toMatchObject({ name: 'anthropic-rsp-v2.2', version: 2 });

    const approved = await pullRequest('extends: anthropic-rsp-v2.2@1', SHIPPED, [rsoApproves]);
    expect(approved.record.reasons.find((r) => r.code === 'policy-changed')!.severity).toBe('info');
    // The owners' approval lifts exactly the policy change; nothing else blocked.
    expect(blocking(result.record.reasons)).toEqual([
      ...blocking(approved.record.reasons),
      'policy-changed',
    ]);
  });

  test('the same pin update with the policy as the base has it passes once approved', async () => {
    const shippedBase = await pullRequest(SHIPPED, SHIPPED);
    const approved = await pullRequest('extends: anthropic-rsp-v2.2@1', SHIPPED, [rsoApproves]);
    expect(approved.conclusion).toBe(shippedBase.conclusion);
    expect(blocking(approved.record.reasons)).toEqual(blocking(shippedBase.record.reasons));
  });
});

describe('an out-of-date pin that the pull request does not update', () => {
  test.each([
    ['leaves the pin', 'extends: anthropic-rsp-v2.2@1'],
    ['moves it to another version that does not ship', 'extends: anthropic-rsp-v2.2@3'],
    ['drops the pin', 'extends: anthropic-rsp-v2.2'],
  ])('%s: the base policy does not load, at its extends line', async (_, headExtends) => {
    const judged = pullRequest('extends: anthropic-rsp-v2.2@1', headExtends);
    await expect(judged).rejects.toBeInstanceOf(InputError);
    await expect(judged).rejects.toMatchObject({
      code: 'policy-preset-version',
      location: { file: POLICY, line: 5, key: 'extends' },
    });
  });
});
