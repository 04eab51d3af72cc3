import { describe, expect, test } from 'vitest';
import { resolveTarget, type EventPayload } from '../../src/gate/event.js';
import { COMMENT_MARKER } from '../../src/render/render-markdown.js';

const env = { sha: 'c0ffee', ref: 'refs/heads/main' };
const resolve = (event: string, payload: EventPayload) =>
  resolveTarget(event, payload, env, COMMENT_MARKER);

describe('which events the gate acts on', () => {
  test.each([
    ...[
      'opened',
      'synchronize',
      'reopened',
      'edited',
      'ready_for_review',
      'labeled',
      'converted_to_draft',
      'closed',
    ].flatMap((action) =>
      ['pull_request', 'pull_request_target'].map(
        (event) =>
          [
            `${event}.${action}`,
            event,
            { action, pull_request: { number: 7 } },
            { kind: 'pull_request', number: 7 },
          ] as const,
      ),
    ),
    [
      'a submitted review',
      'pull_request_review',
      { action: 'submitted', pull_request: { number: 7 } },
      { kind: 'pull_request', number: 7 },
    ],
    [
      'a dismissed review',
      'pull_request_review',
      { action: 'dismissed', pull_request: { number: 7 } },
      { kind: 'pull_request', number: 7 },
    ],
    [
      'an edited review',
      'pull_request_review',
      { action: 'edited', pull_request: { number: 7 } },
      { kind: 'pull_request', number: 7 },
    ],
    [
      'a review comment',
      'pull_request_review_comment',
      { action: 'created', pull_request: { number: 7 } },
      { kind: 'pull_request', number: 7 },
    ],
    [
      'a resolved review thread',
      'pull_request_review_thread',
      { action: 'resolved', pull_request: { number: 7 } },
      { kind: 'pull_request', number: 7 },
    ],
    [
      'an ordinary comment',
      'issue_comment',
      {
        action: 'created',
        issue: { number: 7, pull_request: {} },
        comment: { body: 'LGTM' },
        sender: { login: 'alice', type: 'User' },
      },
      { kind: 'pull_request', number: 7, reason: 'issue_comment.created by @alice' },
    ],
    [
      'an edit of another comment',
      'issue_comment',
      { action: 'edited', issue: { number: 7, pull_request: {} }, comment: { body: 'typo fixed' } },
      { kind: 'pull_request', number: 7 },
    ],
    [
      'a deleted comment',
      'issue_comment',
      { action: 'deleted', issue: { number: 7, pull_request: {} }, comment: { body: 'LGTM' } },
      { kind: 'pull_request', number: 7 },
    ],
    [
      'a bot’s edit of the checklist it did not write',
      'issue_comment',
      {
        action: 'edited',
        issue: { number: 7, pull_request: {} },
        comment: { body: `${COMMENT_MARKER}\n- [ ] a`, user: { login: 'rsp-bot[bot]' } },
        sender: { login: 'other-bot[bot]', type: 'Bot' },
      },
      { kind: 'pull_request', number: 7 },
    ],
    [
      'a bot’s edit of its own comment that is not the checklist',
      'issue_comment',
      {
        action: 'edited',
        issue: { number: 7, pull_request: {} },
        comment: { body: 'deploy preview ready', user: { login: 'rsp-bot[bot]' } },
        sender: { login: 'rsp-bot[bot]', type: 'Bot' },
      },
      { kind: 'pull_request', number: 7 },
    ],
    [
      'a person’s edit of their own comment carrying the marker',
      'issue_comment',
      {
        action: 'edited',
        issue: { number: 7, pull_request: {} },
        comment: { body: COMMENT_MARKER, user: { login: 'mallory' } },
        sender: { login: 'mallory', type: 'User' },
      },
      { kind: 'pull_request', number: 7 },
    ],
    [
      '/rsp-gate recheck',
      'issue_comment',
      {
        action: 'created',
        issue: { number: 7, pull_request: {} },
        comment: { body: '/rsp-gate recheck' },
        sender: { login: 'alice' },
      },
      { kind: 'pull_request', number: 7 },
    ],
    [
      'an edit of the checklist',
      'issue_comment',
      {
        action: 'edited',
        issue: { number: 7, pull_request: {} },
        comment: { body: `${COMMENT_MARKER}\n- [x] a`, user: { login: 'github-actions[bot]' } },
        sender: { login: 'alice', type: 'User' },
      },
      { kind: 'pull_request', number: 7 },
    ],
    [
      'a merge queue check',
      'merge_group',
      {
        action: 'checks_requested',
        merge_group: {
          head_ref: 'refs/heads/gh-readonly-queue/main/pr-12-0123abcd',
          head_sha: 'f00d',
        },
      },
      { kind: 'pull_request', number: 12, checkSha: 'f00d' },
    ],
    [
      'a push to a release branch',
      'push',
      { after: 'beef', ref: 'refs/heads/release/1' },
      { kind: 'state', sha: 'beef', ref: 'refs/heads/release/1' },
    ],
    [
      'a manual run',
      'workflow_dispatch',
      {},
      { kind: 'state', sha: 'c0ffee', ref: 'refs/heads/main' },
    ],
    ['a scheduled run', 'schedule', {}, { kind: 'state', sha: 'c0ffee', ref: 'refs/heads/main' }],
  ] as const)('judges %s', (_name, event, payload, expected) => {
    expect(resolve(event, payload as EventPayload)).toMatchObject(expected);
  });

  test.each([
    [
      'a pull request event without a pull request',
      'pull_request_review',
      { action: 'submitted' },
      'pull_request_review event without a pull request',
    ],
    [
      'a comment on an issue',
      'issue_comment',
      { action: 'created', issue: { number: 3 }, comment: { body: '/rsp-gate recheck' } },
      'the comment is on an issue, not a pull request',
    ],
    [
      'a plain comment on an issue',
      'issue_comment',
      { action: 'created', issue: { number: 3 }, comment: { body: 'LGTM' } },
      'the comment is on an issue, not a pull request',
    ],
    [
      'the gate’s own edit',
      'issue_comment',
      {
        action: 'edited',
        issue: { number: 7, pull_request: {} },
        comment: { body: COMMENT_MARKER, user: { login: 'rsp-bot[bot]' } },
        sender: { login: 'rsp-bot[bot]', type: 'Bot' },
      },
      'the gate’s own update of its comment',
    ],
    [
      'a merge group without a pull request number',
      'merge_group',
      {
        action: 'checks_requested',
        merge_group: { head_ref: 'refs/heads/oops', head_sha: 'f00d' },
      },
      'cannot tell the pull request from merge group ref `refs/heads/oops`',
    ],
    [
      'a branch deletion',
      'push',
      { deleted: true, ref: 'refs/heads/x' },
      'the push deleted a branch',
    ],
    [
      'an unknown event',
      'release',
      { action: 'published' },
      'rsp-gate does not handle `release` events',
    ],
  ] as const)('does nothing for %s, and says why', (_name, event, payload, message) => {
    expect(resolve(event, payload as EventPayload)).toEqual({ kind: 'noop', message });
  });
});
