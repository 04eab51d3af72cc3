/** Shared set-up for the fake's own tests: a repository, pull request #12, fetch helpers. */
import { afterEach, beforeEach } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import type { FileSpec } from './git-objects.js';

// Response bodies are GitHub's JSON: typed loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const BASE = '1111111111111111111111111111111111111111';
export const HEAD = '2222222222222222222222222222222222222222';
export const NEXT = '3333333333333333333333333333333333333333';
export const BINARY = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255, 254, 0, 10, 13]);

export const BASE_FILES: Record<string, FileSpec> = {
  'README.md': 'RSP gate\n',
  'models/frontier-7/card.md': 'line1\nline2\nline3\n',
  'models/frontier-7/evals/old.json': '{"a":1}\n',
  'docs/guide.md': 'guide\n',
  'safeguards/asl3.yml': 'x: 1\n',
};
export const HEAD_FILES: Record<string, FileSpec> = {
  'README.md': 'RSP gate\n',
  'models/frontier-7/card.md': 'line1\nline2 changed\nline3\nline4\n',
  'models/frontier-7/evals/new.eval': BINARY,
  'docs/manual.md': 'guide\n',
  latest: { symlink: 'models/frontier-7/card.md' },
  'safeguards/asl3.yml': 'x: 1\n',
};

export const REPO = '/repos/acme/models';

export interface Harness {
  /** the fake of the running test */
  gh: FakeGitHub;
  call(
    method: string,
    path: string,
    options?: { token?: string | null; body?: unknown },
  ): Promise<{ status: number; headers: Headers; json: Json }>;
  graphql(query: string, variables?: Record<string, unknown>, token?: string): Promise<Json>;
}

/**
 * A fresh fake per test (tokens: `ghs_bot` github-actions[bot], `ghs_readonly` the same bot
 * read-only, `ghp_alice` a user), with BASE, HEAD and pull request #12 (alice, HEAD onto BASE),
 * on a clock that advances one second per timestamp.
 */
export function useFakeGitHub(): Harness {
  const harness = {} as Harness;
  harness.call = async (method, path, options = {}) => {
    const token = options.token === undefined ? 'ghs_bot' : options.token;
    const res = await fetch(path.startsWith('http') ? path : harness.gh.apiUrl + path, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        ...(token ? { authorization: `token ${token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
  };
  harness.graphql = async (query, variables = {}, token = 'ghs_bot') => {
    const res = await fetch(harness.gh.graphqlUrl, {
      method: 'POST',
      headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return res.json();
  };
  beforeEach(async () => {
    let clock = Date.parse('2025-06-02T10:00:00Z');
    harness.gh = await startFakeGitHub({
      tokens: {
        ghs_bot: { login: 'github-actions[bot]' },
        ghs_readonly: { login: 'github-actions[bot]', readOnly: true },
        ghp_alice: { login: 'alice', type: 'User' },
      },
      now: () => new Date((clock += 1000)),
    });
    harness.gh.state.addCommit(BASE, BASE_FILES);
    harness.gh.state.addCommit(HEAD, HEAD_FILES, BASE);
    harness.gh.state.openPullRequest({ number: 12, author: 'alice', head: HEAD, base: BASE });
  });
  afterEach(async () => {
    await harness.gh.close();
  });
  return harness;
}
