import { describe, expect, it } from 'vitest';
import { validateGraphql } from './graphql-schema.js';
import { installationObject } from './github-app-objects.js';
import { GITHUB_COM, identityFor } from './github-objects.js';
import { matchOperation, restDescription, validateRequest, validateResponse } from './openapi.js';
import {
  buildCheckRunEvent,
  buildInstallationEvent,
  buildInstallationRepositoriesEvent,
  buildIssueCommentEvent,
  buildMergeGroupEvent,
  buildPullRequestEvent,
  buildPullRequestReviewEvent,
  buildPullRequestTargetEvent,
  buildPushEvent,
  buildScheduleEvent,
  buildWorkflowDispatchEvent,
  validateWebhookPayload,
  webhookKey,
  type PullRequestDescription,
} from './webhooks.js';

const HEAD = 'a1'.repeat(20);
const BASE = 'b2'.repeat(20);

describe('REST description', () => {
  it('loads in well under a second and matches paths to operations', () => {
    const started = performance.now();
    expect(Object.keys(restDescription().paths as object).length).toBeGreaterThan(500);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(matchOperation('get', '/repos/acme/models/pulls/12')).toEqual({
      operationId: 'pulls/get',
      pathTemplate: '/repos/{owner}/{repo}/pulls/{pull_number}',
      params: { owner: 'acme', repo: 'models', pull_number: '12' },
    });
    // a literal segment beats a multi-segment parameter (`/commits/{ref}`)
    expect(matchOperation('GET', `/repos/a/b/commits/${HEAD}/pulls`)?.operationId).toBe(
      'repos/list-pull-requests-associated-with-commit',
    );
    expect(matchOperation('GET', '/repos/a/b/commits/heads/main/check-runs')?.params.ref).toBe(
      'heads/main',
    );
    expect(matchOperation('PATCH', '/repos/a/b/issues/comments/7')?.operationId).toBe(
      'issues/update-comment',
    );
    expect(matchOperation('GET', '/repos/a/b/nowhere')).toBeNull();
    expect(matchOperation('DELETE', '/repos/a/b/pulls/1/files')).toBeNull();
  });

  it('reports what GitHub would reject or ignore in a request', () => {
    expect(
      validateRequest('GET', '/repos/a/b/pulls/1/files?per_page=100&page=2', undefined),
    ).toEqual([]);
    expect(
      validateRequest('GET', '/repos/a/b/pulls/1/files?per_page=abc&sort=x', undefined),
    ).toEqual([
      'query parameter per_page must be an integer, got "abc"',
      'query parameter sort is not defined for pulls/list-files',
    ]);
    expect(validateRequest('GET', '/repos/a/b/pulls/one', undefined)).toEqual([
      'path parameter pull_number must be an integer, got "one"',
    ]);
    expect(
      validateRequest('GET', '/repos/a/b/commits/x/check-runs?filter=newest', undefined)[0],
    ).toMatch(/filter must be one of latest, all/);
    expect(validateRequest('PUT', '/repos/a/b/pulls/1/files', undefined)[0]).toMatch(
      /PUT is not defined/,
    );
    expect(validateRequest('GET', 'http://127.0.0.1:9/nowhere', undefined)[0]).toMatch(
      /not a path/,
    );
    expect(validateRequest('GET', '/repos/a/b/pulls/1', { x: 1 })).toEqual([
      'pulls/get takes no request body',
    ]);
    expect(validateRequest('POST', '/repos/a/b/issues/1/comments', undefined)).toEqual([
      'issues/create-comment needs a body',
    ]);
  });

  it('validates JSON bodies, catching unknown keys and honouring nullable', () => {
    const ok = { name: 'rsp-gate', head_sha: HEAD, status: 'completed', conclusion: 'success' };
    expect(validateRequest('POST', '/repos/a/b/check-runs', ok)).toEqual([]);
    expect(validateRequest('POST', '/repos/a/b/check-runs', { ...ok, titel: 'x' })).toEqual([
      'body has a property GitHub does not define: "titel"',
    ]);
    expect(
      validateRequest('POST', '/repos/a/b/check-runs', {
        ...ok,
        conclusion: 'passed',
        output: {
          title: 't',
          summary: 's',
          annotations: [
            { path: 'a', start_line: 1, end_line: 1, annotation_level: 'info', message: 'm' },
          ],
        },
      }),
    ).toEqual([
      'body/conclusion must be equal to one of the allowed values ("action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out")',
      'body/output/annotations/0/annotation_level must be equal to one of the allowed values ("notice", "warning", "failure")',
    ]);
    expect(validateRequest('PATCH', '/repos/a/b/check-runs/5', { status: 'completed' })).toContain(
      "body must have required property 'conclusion'",
    );
    // `milestone` is `nullable: true` in the description
    expect(validateRequest('PATCH', '/repos/a/b/issues/3', { milestone: null })).toEqual([]);
    expect(validateRequest('PATCH', '/repos/a/b/issues/comments/3', { body: 5 })).toEqual([
      'body/body must be string',
    ]);
  });

  it('validates response bodies against the documented schema', () => {
    expect(
      validateResponse('pulls/get', 404, { message: 'Not Found', documentation_url: 'x' }),
    ).toEqual([]);
    expect(validateResponse('pulls/get', 200, { number: 1 })).toContain(
      "response 200 must have required property '_links'",
    );
    expect(validateResponse('pulls/get', 201, {})).toEqual([
      'pulls/get does not document a 201 response',
    ]);
    expect(
      validateResponse('checks/list-for-ref', 200, { total_count: 0, check_runs: [] }),
    ).toEqual([]);
    // apps/list-installations: its account is a user or an enterprise (the description's one
    // self-contradiction, read as its `installation` component says; openapi.ts).
    const installation = installationObject(GITHUB_COM, {
      id: 7,
      account: identityFor('acme', { type: 'Organization' }),
      app: { id: 424242, slug: 'rsp-gate', name: 'rsp-gate' },
      repositorySelection: 'selected',
      permissions: { checks: 'write' },
      events: ['pull_request'],
      createdAt: '2025-06-02T10:00:00Z',
    });
    expect(validateResponse('apps/list-installations', 200, [installation])).toEqual([]);
    expect(validateResponse('apps/get-installation', 200, installation)).toEqual([]);
    expect(
      validateResponse('apps/list-installations', 200, [{ ...installation, account: { id: 1 } }]),
    ).toContain("response 200/0/account must have required property 'login'");
    expect(validateResponse('no/such-op', 200, {})).toEqual([
      "no/such-op is not an operation in GitHub's REST API",
    ]);
  });
});

describe('GraphQL schema', () => {
  it('accepts the queries the Action sends and reports mistakes', () => {
    const edits = `query($id: ID!, $cursor: String) { node(id: $id) { ... on IssueComment {
      userContentEdits(first: 100, after: $cursor) { pageInfo { hasNextPage endCursor } nodes { editedAt diff editor { login } } } } } }`;
    expect(validateGraphql(edits, { id: 'IC_x', cursor: null })).toEqual([]);
    expect(validateGraphql('query { viewer { login databaseId } }')).toEqual([]);
    expect(validateGraphql('query { viewer { logn } }')).toEqual([
      'Cannot query field "logn" on type "User". Did you mean "login"?',
    ]);
    expect(validateGraphql(edits, { cursor: 'c' })[0]).toMatch(
      /\$id.*of required type "ID!" was not provided/,
    );
    expect(validateGraphql(edits, { id: 'IC_x', extra: 1 })).toEqual([
      'variable $extra is sent but not declared',
    ]);
    expect(validateGraphql('query { viewer { login }')[0]).toMatch(/^syntax:/);
  });
});

describe('webhook payloads', () => {
  const repo = { owner: 'acme', name: 'models' };
  const pr: PullRequestDescription = {
    repo,
    number: 12,
    headSha: HEAD,
    baseSha: BASE,
    author: 'alice',
  };

  it('keys schemas by event and action', () => {
    expect(webhookKey('pull_request', 'ready_for_review')).toBe('pull-request-ready-for-review');
    expect(webhookKey('pull_request_target', 'opened')).toBe('pull-request-opened');
    expect(webhookKey('merge_group', 'checks_requested')).toBe('merge-group-checks-requested');
    expect(webhookKey('push')).toBe('push');
  });

  const cases: [string, string | undefined, () => unknown][] = [];
  for (const action of [
    'opened',
    'synchronize',
    'reopened',
    'edited',
    'ready_for_review',
  ] as const) {
    cases.push(['pull_request', action, () => buildPullRequestEvent(action, pr)]);
    cases.push([
      'pull_request_target',
      action,
      () =>
        buildPullRequestTargetEvent(action, {
          ...pr,
          headRepo: { owner: 'mallory', name: 'models', ownerType: 'User' },
          draft: true,
        }),
    ]);
  }
  for (const action of ['submitted', 'dismissed'] as const) {
    cases.push([
      'pull_request_review',
      action,
      () =>
        buildPullRequestReviewEvent(action, {
          ...pr,
          review: { user: 'rso-jane', state: 'APPROVED', body: 'ok' },
        }),
    ]);
  }
  for (const action of ['created', 'edited'] as const) {
    cases.push([
      'issue_comment',
      action,
      () =>
        buildIssueCommentEvent(action, {
          ...pr,
          comment: { id: 1900000001, body: '- [x] ok', user: 'rso-jane', previousBody: '- [ ] ok' },
        }),
    ]);
  }
  cases.push([
    'merge_group',
    'checks_requested',
    () => buildMergeGroupEvent({ repo, prNumber: 12, headSha: HEAD, baseSha: BASE }),
  ]);
  cases.push(['push', undefined, () => buildPushEvent({ repo, before: BASE, after: HEAD })]);
  cases.push([
    'push',
    undefined,
    () =>
      buildPushEvent({
        repo: { ...repo, ownerType: 'User' },
        before: '0'.repeat(40),
        after: HEAD,
        ref: 'refs/heads/x',
      }),
  ]);
  cases.push([
    'workflow_dispatch',
    undefined,
    () => buildWorkflowDispatchEvent({ repo, inputs: { model: 'frontier-7' } }),
  ]);
  cases.push(['workflow_dispatch', undefined, () => buildWorkflowDispatchEvent({ repo })]);
  cases.push(['schedule', undefined, () => buildScheduleEvent({ repo })]);
  // What only a GitHub App receives, and the App's deliveries of the events above.
  const app = { id: 424242, slug: 'rsp-gate', name: 'rsp-gate', owner: 'acme' };
  const installed = { installationId: 7, account: 'acme', app };
  cases.push([
    'installation',
    'created',
    () => buildInstallationEvent('created', { ...installed, repositories: [repo] }),
  ]);
  cases.push([
    'installation',
    'deleted',
    () =>
      buildInstallationEvent('deleted', {
        ...installed,
        repositorySelection: 'all',
        repositories: [],
      }),
  ]);
  for (const action of ['added', 'removed'] as const) {
    cases.push([
      'installation_repositories',
      action,
      () =>
        buildInstallationRepositoriesEvent(action, {
          ...installed,
          [action]: [{ owner: 'acme', name: '.github', private: false }],
        }),
    ]);
  }
  for (const action of ['rerequested', 'created', 'completed'] as const) {
    cases.push([
      'check_run',
      action,
      () =>
        buildCheckRunEvent(action, {
          repo,
          installationId: 7,
          sender: 'alice',
          run: {
            id: 20_000_000_001,
            name: 'rsp-gate',
            headSha: HEAD,
            conclusion: 'failure',
            output: { title: 'Blocked', summary: 'x', text: null },
            app,
          },
          pullRequests: [{ number: 12, baseSha: BASE }],
        }),
    ]);
  }
  cases.push([
    'pull_request',
    'opened',
    () => buildPullRequestEvent('opened', { ...pr, installationId: 7 }),
  ]);
  cases.push([
    'push',
    undefined,
    () => buildPushEvent({ repo, before: BASE, after: HEAD, installationId: 7 }),
  ]);

  it.each(cases)('%s %s validates against the webhook schema', (event, action, build) => {
    expect(validateWebhookPayload(event, action, build())).toEqual([]);
  });

  it('fills the fields the Action reads from the description', () => {
    const opened = buildPullRequestEvent('synchronize', { ...pr, before: BASE }) as Record<
      string,
      never
    >;
    expect(opened).toMatchObject({
      action: 'synchronize',
      before: BASE,
      after: HEAD,
      pull_request: {
        number: 12,
        head: { sha: HEAD, ref: 'rsp/pr-12' },
        base: { sha: BASE, ref: 'main' },
        user: { login: 'alice' },
      },
      repository: { full_name: 'acme/models' },
      organization: { login: 'acme' },
    });
    const comment = buildIssueCommentEvent('created', {
      ...pr,
      comment: { id: 7, body: 'hi', user: 'bob' },
    });
    expect(comment).toMatchObject({
      issue: { number: 12, pull_request: { url: expect.stringContaining('/pulls/12') } },
      comment: { id: 7, user: { login: 'bob' } },
    });
    const group = buildMergeGroupEvent({ repo, prNumber: 12, headSha: HEAD, baseSha: BASE });
    expect(group).toMatchObject({
      merge_group: {
        head_ref: `refs/heads/gh-readonly-queue/main/pr-12-${BASE}`,
        head_sha: HEAD,
        base_ref: 'refs/heads/main',
        base_sha: BASE,
      },
    });
    const review = buildPullRequestReviewEvent('submitted', {
      ...pr,
      review: { user: 'x', state: 'CHANGES_REQUESTED', commitId: BASE },
    });
    expect(review).toMatchObject({ review: { state: 'changes_requested', commit_id: BASE } });
  });

  it('carries the installation in App deliveries and the App in check_run ones', () => {
    const app = { id: 424242, slug: 'rsp-gate', name: 'rsp-gate', owner: 'acme' };
    expect(buildPushEvent({ repo, before: BASE, after: HEAD })).not.toHaveProperty('installation');
    expect(buildPushEvent({ repo, before: BASE, after: HEAD, installationId: 7 })).toMatchObject({
      installation: { id: 7, node_id: expect.any(String) },
    });
    const rerun = buildCheckRunEvent('rerequested', {
      repo,
      installationId: 7,
      run: { id: 5, name: 'rsp-gate', headSha: HEAD, app },
      pullRequests: [{ number: 12, baseSha: BASE }],
    });
    expect(rerun).toMatchObject({
      action: 'rerequested',
      installation: { id: 7 },
      check_run: {
        id: 5,
        head_sha: HEAD,
        app: { id: 424242, slug: 'rsp-gate', owner: { login: 'acme' } },
        pull_requests: [{ number: 12, head: { sha: HEAD }, base: { sha: BASE } }],
      },
    });
    const added = buildInstallationRepositoriesEvent('added', {
      installationId: 7,
      account: 'acme',
      app,
      added: [{ owner: 'acme', name: 'models' }],
    });
    expect(added).toMatchObject({
      installation: { id: 7, app_id: 424242, account: { login: 'acme', type: 'Organization' } },
      repositories_added: [{ full_name: 'acme/models' }],
      repositories_removed: [],
    });
  });

  it('reports wrong payloads, actions and events', () => {
    const broken = buildPullRequestEvent('opened', pr) as { pull_request: Record<string, unknown> };
    delete broken.pull_request.head;
    expect(validateWebhookPayload('pull_request', 'opened', broken)).toEqual([
      "payload/pull_request must have required property 'head'",
    ]);
    expect(
      validateWebhookPayload('pull_request', 'reopened', buildPullRequestEvent('opened', pr)),
    ).toContain('payload/action must be equal to one of the allowed values ("reopened")');
    expect(validateWebhookPayload('pull_request', undefined, {})).toEqual([
      'pull_request payloads need an action',
    ]);
    expect(validateWebhookPayload('push', 'created', {})).toEqual(['push payloads have no action']);
    expect(validateWebhookPayload('pull_request', 'teleported', {})).toEqual([
      'no webhook schema for pull-request-teleported',
    ]);
    expect(validateWebhookPayload('schedule', undefined, { workflow: 'x' })).toEqual([
      "payload must have required property 'schedule'",
    ]);
  });
});
