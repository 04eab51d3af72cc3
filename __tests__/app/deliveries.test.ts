/**
 * Which jobs a delivery becomes: keyed by repository and head commit, so that a pull request's
 * events share one queue line; comments looked up first; the org policy's change sweeps.
 */
import { describe, expect, it } from 'vitest';
import { jobsForDelivery } from '../../src/app/deliveries.js';
import { COMMENT_MARKER } from '../../src/render/render-markdown.js';

const HEAD = 'a'.repeat(40);
const repository = { name: 'Models', owner: { login: 'Acme' }, default_branch: 'main' };
const installation = { id: 7 };
const options = { policyPath: '.github/rsp-policy.yml' };
const sender = { login: 'dana', type: 'User' };

function jobs(event: string, payload: object) {
  const outcome = jobsForDelivery(event, payload, 'delivery-1', options);
  if ('ignored' in outcome) throw new Error(`ignored: ${outcome.ignored}`);
  return outcome.jobs;
}

function ignored(event: string, payload: object): string {
  const outcome = jobsForDelivery(event, payload, 'delivery-1', options);
  if (!('ignored' in outcome)) throw new Error('not ignored');
  return outcome.ignored;
}

describe('deliveries become jobs', () => {
  it('every pull request event, whatever its action, judges its head under the repository and commit', () => {
    for (const [event, action] of [
      ['pull_request', 'opened'],
      ['pull_request', 'closed'],
      ['pull_request_review', 'dismissed'],
      ['pull_request_review_comment', 'created'],
    ] as const) {
      const [job] = jobs(event, {
        action,
        installation,
        repository,
        sender,
        pull_request: { number: 4, head: { sha: HEAD } },
      });
      expect(job).toMatchObject({
        key: `acme/models@${HEAD}`,
        kind: 'judge',
        data: { installationId: 7, owner: 'Acme', repo: 'Models', sha: HEAD, prs: [4] },
      });
      expect(job!.data.reason).toBe(`${event}.${action} by @dana`);
      expect(job!.data.deliveryId).toBe('delivery-1');
    }
  });

  it('a comment on a pull request looks its head up first; the gate’s own comment update is not judged', () => {
    const [job] = jobs('issue_comment', {
      action: 'edited',
      installation,
      repository,
      sender,
      issue: { number: 9, pull_request: {} },
      comment: { body: `${COMMENT_MARKER}\n- [x] item`, user: { login: 'rsp-gate[bot]' } },
    });
    expect(job).toMatchObject({ key: 'acme/models#9', kind: 'resolve', data: { number: 9 } });
    expect(
      ignored('issue_comment', {
        action: 'edited',
        installation,
        repository,
        sender: { login: 'rsp-gate[bot]', type: 'Bot' },
        issue: { number: 9, pull_request: {} },
        comment: { body: COMMENT_MARKER, user: { login: 'rsp-gate[bot]' } },
      }),
    ).toMatch(/own update/);
    expect(
      ignored('issue_comment', {
        action: 'created',
        installation,
        repository,
        sender,
        issue: { number: 9 },
        comment: { body: 'hi' },
      }),
    ).toMatch(/not a pull request/);
  });

  it('a merge queue’s commit is judged under its own key, against the queue’s base', () => {
    const [job] = jobs('merge_group', {
      action: 'checks_requested',
      installation,
      repository,
      sender,
      merge_group: {
        head_sha: HEAD,
        head_ref: `refs/heads/gh-readonly-queue/main/pr-12-${'b'.repeat(40)}`,
        base_sha: 'c'.repeat(40),
      },
    });
    expect(job).toMatchObject({
      key: `acme/models@${HEAD}`,
      kind: 'judge',
      data: { mergeGroup: { number: 12, checkSha: HEAD, baseSha: 'c'.repeat(40) } },
    });
  });

  it('a push to a branch is judged as a state (the job audits only the default branch and protected ones); a tag is not', () => {
    const [job] = jobs('push', {
      installation,
      repository,
      sender,
      ref: 'refs/heads/main',
      after: HEAD,
    });
    expect(job).toMatchObject({ key: `acme/models@${HEAD}:state`, kind: 'state' });
    expect(
      ignored('push', { installation, repository, sender, ref: 'refs/tags/v1', after: HEAD }),
    ).toMatch(/only branches are audited/);
  });

  it('a push that changes the org policy in the .github repository re-judges every repository of the installation', () => {
    const dotGithub = { ...repository, name: '.github' };
    const pushed = (files: string[]) =>
      jobs('push', {
        installation,
        repository: dotGithub,
        sender,
        ref: 'refs/heads/main',
        after: HEAD,
        commits: [{ added: [], removed: [], modified: files }],
      });
    const sweep = pushed(['.github/rsp-policy.yml']).find((j) => j.kind === 'sweep');
    expect(sweep).toMatchObject({ key: 'installation:7', data: { force: true, repo: '' } });
    expect(pushed(['README.md']).some((j) => j.kind === 'sweep')).toBe(false);
  });

  it('installing the App, or adding repositories to it, sweeps those repositories', () => {
    const [job] = jobs('installation_repositories', {
      action: 'added',
      installation: { id: 7, account: { login: 'acme' } },
      sender,
      repositories_added: [{ name: 'models' }, { name: 'evals' }],
    });
    expect(job).toMatchObject({
      kind: 'sweep',
      key: 'installation:7',
      data: { owner: 'acme', repos: ['models', 'evals'], force: true },
    });
    expect(ignored('installation', { action: 'deleted', installation: { id: 7 }, sender })).toMatch(
      /needs no judgment/,
    );
  });

  it('the Re-run button judges the check’s commit and its pull requests', () => {
    const [job] = jobs('check_run', {
      action: 'rerequested',
      installation,
      repository,
      sender,
      check_run: { head_sha: HEAD, pull_requests: [{ number: 4 }, { number: 6 }] },
    });
    expect(job).toMatchObject({ key: `acme/models@${HEAD}`, data: { prs: [4, 6] } });
  });

  it('a delivery without an installation is not for an App, and unknown events are ignored', () => {
    expect(ignored('pull_request', { repository })).toMatch(/without an installation/);
    expect(ignored('star', { action: 'created', installation, repository })).toMatch(
      /does not handle `star`/,
    );
  });
});
