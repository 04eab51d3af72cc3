import { describe, expect, it } from 'vitest';
import { HEAD, NEXT, REPO, useFakeGitHub, type Json } from './fake-github-fixture.js';

const t = useFakeGitHub();
const { call, graphql } = t;

describe('comments and their edit history', () => {
  const EDITS = `query($id: ID!, $cursor: String) {
    node(id: $id) {
      ... on IssueComment {
        userContentEdits(first: 2, after: $cursor) {
          pageInfo { hasNextPage endCursor }
          nodes { editedAt diff editor { login } }
        }
      }
    }
  }`;

  it('creates, lists and edits comments; only the author may edit through the API', async () => {
    const created = await call('POST', `${REPO}/issues/12/comments`, {
      body: { body: '- [ ] ASL-3 safeguards' },
    });
    expect(created.status).toBe(201);
    expect(created.json.user).toMatchObject({
      login: 'github-actions[bot]',
      id: 41898282,
      type: 'Bot',
    });
    const id = created.json.id as number;
    t.gh.state.addComment(12, 'bob', 'LGTM');
    const listed = await call('GET', `${REPO}/issues/12/comments?per_page=1`);
    expect(listed.json[0].id).toBe(id);
    expect(listed.headers.get('link')).toContain('rel="next"');
    const bobs = t.gh.state.comments(12)[1]!;
    expect(
      (await call('PATCH', `${REPO}/issues/comments/${bobs.id}`, { body: { body: 'hijacked' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await call('PATCH', `${REPO}/issues/comments/${id}`, {
          token: 'ghp_alice',
          body: { body: 'x' },
        })
      ).status,
    ).toBe(403);
    const edited = await call('PATCH', `${REPO}/issues/comments/${id}`, {
      body: { body: '- [ ] ASL-3 safeguards (v2)' },
    });
    expect(edited.json.body).toBe('- [ ] ASL-3 safeguards (v2)');
    expect(
      (await call('PATCH', `${REPO}/issues/comments/999`, { body: { body: 'x' } })).status,
    ).toBe(404);
    expect(
      (await call('POST', `${REPO}/issues/12/comments`, { body: { body: 'x'.repeat(65537) } }))
        .status,
    ).toBe(422);
    expect(
      (await call('POST', `${REPO}/issues/404/comments`, { body: { body: 'x' } })).status,
    ).toBe(404);
    expect(t.gh.violations).toEqual([]);
  });

  it('deletes comments (author only) and shows deleted accounts as ghost / null', async () => {
    const created = await call('POST', `${REPO}/issues/12/comments`, { body: { body: 'x' } });
    const human = t.gh.state.addComment(12, 'bob', 'LGTM');
    t.gh.state.userEditsComment(human.id, 'rso-jane', 'LGTM!');
    expect((await call('DELETE', `${REPO}/issues/comments/${human.id}`)).status).toBe(403);
    expect((await call('DELETE', `${REPO}/issues/comments/${created.json.id}`)).status).toBe(204);
    t.gh.state.deleteUser('bob');
    t.gh.state.deleteUser('rso-jane');
    const listed = await call('GET', `${REPO}/issues/12/comments`);
    expect(listed.json.map((c: Json) => [c.id, c.user.login])).toEqual([[human.id, 'ghost']]);
    const edits = await graphql(EDITS, { id: human.nodeId });
    expect(edits.data.node.userContentEdits.nodes).toEqual([
      expect.objectContaining({ diff: 'LGTM!', editor: null }),
      expect.objectContaining({ diff: 'LGTM', editor: null }),
    ]);
    expect(t.gh.violations).toEqual([]);
  });

  it('answers userContentEdits newest first, each diff the full body, the oldest the original', async () => {
    const created = await call('POST', `${REPO}/issues/12/comments`, { body: { body: 'v1 [ ]' } });
    const nodeId = created.json.node_id as string;
    const unedited = await graphql(EDITS, { id: nodeId });
    expect(unedited.data.node.userContentEdits).toEqual({
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [],
    });
    await call('PATCH', `${REPO}/issues/comments/${created.json.id}`, { body: { body: 'v2 [ ]' } });
    t.gh.state.userEditsComment(created.json.id, 'rso-jane', 'v2 [x]');
    const page1 = (await graphql(EDITS, { id: nodeId })).data.node.userContentEdits;
    expect(page1.nodes.map((n: Json) => [n.diff, n.editor.login])).toEqual([
      ['v2 [x]', 'rso-jane'],
      ['v2 [ ]', 'github-actions[bot]'],
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(Date.parse(page1.nodes[0].editedAt)).toBeGreaterThan(
      Date.parse(page1.nodes[1].editedAt),
    );
    const page2 = (await graphql(EDITS, { id: nodeId, cursor: page1.pageInfo.endCursor })).data.node
      .userContentEdits;
    expect(page2.nodes).toEqual([
      {
        editedAt: created.json.created_at,
        diff: 'v1 [ ]',
        editor: { login: 'github-actions[bot]' },
      },
    ]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(t.gh.state.comments(12)[0]!.revisions.map((r) => r.body)).toEqual([
      'v1 [ ]',
      'v2 [ ]',
      'v2 [x]',
    ]);
    const missing = await graphql(EDITS, { id: 'IC_kwDOnope' });
    expect(missing.data.node).toBeNull();
    expect(missing.errors[0]).toMatchObject({ type: 'NOT_FOUND' });
    expect(t.gh.violations).toEqual([]);
  });

  it('answers viewer, and records misspelt or unserved queries as violations', async () => {
    expect((await graphql('query { viewer { login databaseId } }')).data.viewer).toEqual({
      login: 'github-actions[bot]',
      databaseId: 41898282,
    });
    expect((await graphql('{ viewer { login } }', {}, 'ghp_alice')).data.viewer.login).toBe(
      'alice',
    );
    expect(t.gh.violations).toEqual([]);
    const misspelt = await graphql('query { viewer { logn } }');
    expect(misspelt.errors[0].message).toMatch(/Cannot query field "logn"/);
    const unserved = await graphql('query { organization(login: "acme") { id } }');
    expect(unserved.errors[0].message).toMatch(/does not serve organization/);
    const { nodeId } = t.gh.state.addComment(12, 'bob', 'hi');
    const unbounded = await graphql(
      'query($id: ID!) { node(id: $id) { ... on IssueComment { userContentEdits { totalCount } } } }',
      { id: nodeId },
    );
    expect(unbounded.errors[0]).toMatchObject({ type: 'MISSING_PAGINATION_BOUNDARIES' });
    expect(t.gh.violations.map((v) => v.problems[0])).toEqual([
      expect.stringMatching(/^graphql: Cannot query field "logn"/),
      expect.stringMatching(/^fake: .*organization/),
      expect.stringMatching(/^graphql: .*first.*last/),
    ]);
  });
});

describe('check runs', () => {
  const annotations = (n: number): Json[] =>
    Array.from({ length: n }, (_, i) => ({
      path: 'README.md',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'warning',
      message: `m${i}`,
    }));

  it('creates and updates runs, accumulating annotations and keeping history', async () => {
    const created = await call('POST', `${REPO}/check-runs`, {
      body: {
        name: 'rsp-gate',
        head_sha: HEAD,
        status: 'in_progress',
        output: { title: 'Judging', summary: '…', annotations: annotations(50) },
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      status: 'in_progress',
      conclusion: null,
      app: { slug: 'github-actions' },
    });
    expect(created.json.pull_requests.map((p: Json) => p.number)).toEqual([12]);
    const id = created.json.id as number;
    const updated = await call('PATCH', `${REPO}/check-runs/${id}`, {
      body: {
        conclusion: 'failure',
        output: { title: 'Blocked', summary: 'ASL-3', annotations: annotations(50) },
      },
    });
    expect(updated.json).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'Blocked', annotations_count: 100 },
    });
    expect(updated.json.completed_at).not.toBeNull();
    const [run] = t.gh.state.checkRuns(HEAD);
    expect(run!.history.map((h) => h.method)).toEqual(['POST', 'PATCH']);
    expect(run!.output.annotations).toHaveLength(100);
    await call('POST', `${REPO}/check-runs`, {
      body: {
        name: 'rsp-gate',
        head_sha: HEAD,
        conclusion: 'success',
        output: { title: 'ok', summary: 'ok' },
      },
    });
    await call('POST', `${REPO}/check-runs`, { body: { name: 'other', head_sha: HEAD } });
    const latest = await call('GET', `${REPO}/commits/${HEAD}/check-runs?check_name=rsp-gate`);
    expect(latest.json.total_count).toBe(1);
    expect(latest.json.check_runs[0].conclusion).toBe('success');
    expect(
      (await call('GET', `${REPO}/commits/${HEAD}/check-runs?check_name=rsp-gate&filter=all`)).json
        .total_count,
    ).toBe(2);
    expect((await call('GET', `${REPO}/commits/rsp/pr-12/check-runs`)).json.total_count).toBe(2);
    expect(t.gh.violations).toEqual([]);
  });

  it('rejects 51 annotations with 422, as GitHub does, and records the violation', async () => {
    const res = await call('POST', `${REPO}/check-runs`, {
      body: {
        name: 'rsp-gate',
        head_sha: HEAD,
        output: { title: 't', summary: 's', annotations: annotations(51) },
      },
    });
    expect(res.status).toBe(422);
    expect(res.json.message).toBe(
      'Invalid request.\n\nNo more than 50 items are allowed; 51 were supplied.',
    );
    expect(t.gh.state.checkRuns(HEAD)).toEqual([]);
    expect(t.gh.violations[0]!.problems).toEqual([
      'request: body/output/annotations must NOT have more than 50 items',
    ]);
  });

  it('rejects an unknown commit and a user token', async () => {
    expect(
      (await call('POST', `${REPO}/check-runs`, { body: { name: 'x', head_sha: NEXT } })).status,
    ).toBe(422);
    expect(
      (
        await call('POST', `${REPO}/check-runs`, {
          token: 'ghp_alice',
          body: { name: 'x', head_sha: HEAD },
        })
      ).status,
    ).toBe(403);
    expect(t.gh.violations).toEqual([]);
  });
});
