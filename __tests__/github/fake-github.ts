/**
 * A stateful stand-in for api.github.com on 127.0.0.1: the REST operations and GraphQL queries
 * the Action uses, authenticated by token, with every request checked against GitHub's own
 * descriptions (violations are recorded, never thrown) and every REST response checked against
 * the documented schema, so the fake cannot drift from GitHub. It serves one repository; the
 * App host (fake-app-host.ts) serves many behind one URL, on the same plumbing (fake-server.ts).
 *
 *   const gh = await startFakeGitHub({ tokens: { ghs_bot: { login: 'github-actions[bot]' } } });
 *   gh.state.addCommit(BASE, { 'README.md': 'hi\n' });
 *   … run the Action with GITHUB_API_URL = gh.apiUrl, GITHUB_GRAPHQL_URL = gh.graphqlUrl …
 *   expect(gh.violations).toEqual([]);
 *   await gh.close();
 *
 * Beside it runs the runner's results service and blob store (`gh.results`, fake-results.ts),
 * where the Action uploads its report as a workflow artifact; their violations land in
 * `gh.violations` too.
 */
import { FakeGitHubState, type FakeGitHubOptions } from './fake-state.js';
import {
  callerFromTokens,
  canonicalRepositoryPath,
  preflight,
  serveFake,
  serveRepository,
  type RecordedRequest,
  type Violation,
} from './fake-server.js';
import { startFakeResults, type FakeResults } from './fake-results.js';

export { FakeGitHubState } from './fake-state.js';
export type { RecordedRequest, Violation } from './fake-server.js';
export type { FakeArtifact, FakeResults } from './fake-results.js';
export type {
  AppInfo,
  CheckRunRecord,
  CommentRecord,
  FakeGitHubOptions,
  FaultSpec,
  PullRequestRecord,
  ReviewRecord,
  Revision,
  TokenIdentity,
} from './fake-state.js';

export interface FakeGitHub {
  /** set as GITHUB_API_URL */
  apiUrl: string;
  /** set as GITHUB_GRAPHQL_URL (`<apiUrl>/graphql`, as on api.github.com) */
  graphqlUrl: string;
  state: FakeGitHubState;
  /** The results service and blob store (ACTIONS_RESULTS_URL) artifacts are uploaded to. */
  results: FakeResults;
  requests: RecordedRequest[];
  violations: Violation[];
  close(): Promise<void>;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = new FakeGitHubState(options);
  const server = await serveFake({
    htmlUrl: options.htmlUrl,
    canonicalPath: (pathname) => canonicalRepositoryPath(state, pathname),
    respond: (x) => {
      const early = preflight(state, x);
      if (early) return early;
      const caller = callerFromTokens(state, x);
      return 'status' in caller ? caller : serveRepository(state, x, caller);
    },
  });
  const { apiUrl, graphqlUrl, requests, violations } = server;
  const results = await startFakeResults(violations);
  const close = async () => {
    await Promise.all([server.close(), results.close()]);
  };
  return { apiUrl, graphqlUrl, state, results, requests, violations, close };
}
