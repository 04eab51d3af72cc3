/**
 * GitHub's objects about GitHub Apps, as its REST API and webhooks render them: the App itself
 * (`integration`) and an installation. Shared by the fake App host and the webhook builders so
 * that ids and URLs agree.
 */
import {
  identityFor,
  nodeId,
  userObject,
  type Host,
  type Identity,
  type JsonObject,
} from './github-objects.js';
import type { AppInfo } from './fake-records.js';

/** What rsp-gate's App manifest asks for (least privilege; `metadata` every App has). */
export const RSP_GATE_PERMISSIONS: Record<string, 'read' | 'write'> = {
  checks: 'write',
  contents: 'read',
  issues: 'write',
  members: 'read',
  metadata: 'read',
  pull_requests: 'write',
};

/** The events rsp-gate's App subscribes to (`installation*` every App receives). */
export const RSP_GATE_EVENTS = [
  'check_run',
  'issue_comment',
  'merge_group',
  'pull_request',
  'pull_request_review',
  'push',
];

/** The GitHub Actions App's permissions and events, as its check runs show them. */
const ACTIONS_PERMISSIONS = {
  checks: 'write',
  contents: 'write',
  issues: 'write',
  metadata: 'read',
  pull_requests: 'write',
  statuses: 'write',
};
const ACTIONS_EVENTS = [
  'check_run',
  'check_suite',
  'issue_comment',
  'pull_request',
  'pull_request_review',
  'push',
];

/** An App as `integration` (check runs' `app`, `GET /app`). */
export function renderApp(host: Host, app: AppInfo): JsonObject {
  const owner = app.owner ?? 'github';
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId('A', app.id),
    client_id: `Iv1.${app.id.toString(16).padStart(16, '0')}`,
    owner: userObject(
      host,
      identityFor(owner, { type: 'Organization', id: owner === 'github' ? 9919 : undefined }),
    ),
    name: app.name,
    description: '',
    external_url: app.owner ? `${host.htmlUrl}/${app.owner}` : 'https://help.github.com/en/actions',
    html_url: `${host.htmlUrl}/apps/${app.slug}`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: app.permissions ?? ACTIONS_PERMISSIONS,
    events: app.events ?? ACTIONS_EVENTS,
  };
}

export interface InstallationView {
  id: number;
  /** the organisation or user the App is installed on */
  account: Identity;
  app: AppInfo;
  repositorySelection: 'all' | 'selected';
  permissions: Record<string, string>;
  events: string[];
  createdAt: string;
}

/** An installation (`GET /app/installations/{id}`, and `installation` in installation events). */
export function installationObject(host: Host, v: InstallationView): JsonObject {
  const settings =
    v.account.type === 'Organization'
      ? `${host.htmlUrl}/organizations/${v.account.login}/settings/installations/${v.id}`
      : `${host.htmlUrl}/settings/installations/${v.id}`;
  return {
    id: v.id,
    client_id: `Iv1.${v.app.id.toString(16).padStart(16, '0')}`,
    account: userObject(host, v.account),
    repository_selection: v.repositorySelection,
    access_tokens_url: `${host.apiUrl}/app/installations/${v.id}/access_tokens`,
    repositories_url: `${host.apiUrl}/installation/repositories`,
    html_url: settings,
    app_id: v.app.id,
    app_slug: v.app.slug,
    target_id: v.account.id,
    target_type: v.account.type,
    permissions: v.permissions,
    events: v.events,
    created_at: v.createdAt,
    updated_at: v.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

/** `installation: { id, node_id }`, as every delivery to an App carries it. */
export function simpleInstallation(id: number): JsonObject {
  return { id, node_id: nodeId('MDIz', 'Installation', id) };
}
