/**
 * What an event asks the gate to judge: a pull request (by number), a commit as a state, or
 * nothing (with a message saying why). Pure: takes the event name and payload.
 */

export type Target =
  | {
      kind: 'pull_request';
      number: number;
      reason: string;
      /** A merge queue's commit: judged (and checked) instead of the pull request's head… */
      checkSha?: string;
      /** …against the queue's base, which may be ahead of the pull request's. */
      baseSha?: string;
    }
  | { kind: 'state'; sha: string; ref: string; reason: string }
  | { kind: 'noop'; message: string };

export const RECHECK_COMMAND = '/rsp-gate recheck';

const PULL_REQUEST_ACTIONS = new Set([
  'opened',
  'synchronize',
  'reopened',
  'edited',
  'ready_for_review',
]);

export interface EventPayload {
  action?: string;
  pull_request?: { number?: number };
  issue?: { number?: number; pull_request?: unknown };
  comment?: { body?: string; user?: { login?: string; type?: string } };
  sender?: { login?: string; type?: string };
  merge_group?: { head_ref?: string; head_sha?: string; base_sha?: string };
  after?: string;
  ref?: string;
  deleted?: boolean;
}

export function resolveTarget(
  eventName: string,
  payload: EventPayload,
  env: { sha: string; ref: string },
  marker: string,
): Target {
  const action = payload.action ?? '';
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const number = payload.pull_request?.number;
      if (!number) return { kind: 'noop', message: `${eventName} event without a pull request` };
      if (!PULL_REQUEST_ACTIONS.has(action))
        return {
          kind: 'noop',
          message: `${eventName}.${action} does not change what the gate judges`,
        };
      return { kind: 'pull_request', number, reason: `${eventName}.${action}` };
    }
    case 'pull_request_review': {
      const number = payload.pull_request?.number;
      if (!number) return { kind: 'noop', message: 'review event without a pull request' };
      if (action !== 'submitted' && action !== 'dismissed')
        return { kind: 'noop', message: `pull_request_review.${action} does not change sign-offs` };
      return { kind: 'pull_request', number, reason: `pull_request_review.${action}` };
    }
    case 'issue_comment': {
      const number = payload.issue?.number;
      if (!number || !payload.issue?.pull_request)
        return { kind: 'noop', message: 'the comment is on an issue, not a pull request' };
      const body = payload.comment?.body ?? '';
      if (action === 'created') {
        if (body.trim().split('\n')[0]!.trim() === RECHECK_COMMAND)
          return {
            kind: 'pull_request',
            number,
            reason: `${RECHECK_COMMAND} by @${payload.sender?.login ?? 'someone'}`,
          };
        return {
          kind: 'noop',
          message: `the comment is not an rsp-gate command (try \`${RECHECK_COMMAND}\`)`,
        };
      }
      if (action === 'edited') {
        if (!body.includes(marker))
          return {
            kind: 'noop',
            message: 'an edit of a comment that is not the rsp-gate checklist',
          };
        const author = payload.comment?.user?.login;
        if (
          payload.sender?.type === 'Bot' &&
          author !== undefined &&
          payload.sender.login === author
        ) {
          return { kind: 'noop', message: 'the gate’s own update of its comment' };
        }
        return {
          kind: 'pull_request',
          number,
          reason: `checklist edited by @${payload.sender?.login ?? 'someone'}`,
        };
      }
      return { kind: 'noop', message: `issue_comment.${action} does not change the checklist` };
    }
    case 'merge_group': {
      if (action !== 'checks_requested')
        return { kind: 'noop', message: `merge_group.${action} needs no check` };
      const ref = payload.merge_group?.head_ref ?? '';
      const match = /\/pr-(\d+)-[0-9a-f]+$/.exec(ref);
      const sha = payload.merge_group?.head_sha;
      if (!match || !sha)
        return {
          kind: 'noop',
          message: `cannot tell the pull request from merge group ref \`${ref}\``,
        };
      return {
        kind: 'pull_request',
        number: Number(match[1]),
        reason: 'merge_group.checks_requested',
        checkSha: sha,
        ...(payload.merge_group?.base_sha ? { baseSha: payload.merge_group.base_sha } : {}),
      };
    }
    case 'push':
      if (payload.deleted) return { kind: 'noop', message: 'the push deleted a branch' };
      return {
        kind: 'state',
        sha: payload.after ?? env.sha,
        ref: payload.ref ?? env.ref,
        reason: `push to ${payload.ref ?? env.ref}`,
      };
    case 'workflow_dispatch':
    case 'schedule':
      return {
        kind: 'state',
        sha: env.sha,
        ref: env.ref,
        reason: eventName === 'schedule' ? 'scheduled check (expiries)' : 'manual run',
      };
    default:
      return { kind: 'noop', message: `rsp-gate does not handle \`${eventName}\` events` };
  }
}
