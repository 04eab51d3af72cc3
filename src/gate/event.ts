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

/**
 * Events whose payload names the pull request they are about. Every one of them, whatever its
 * action, re-judges that pull request: a run the workflow starts may be the only one left to
 * carry a revocation (a "changes requested" review, a dismissed approval, an unticked item) when
 * GitHub cancels or replaces the run another event queued, so no run asks for nothing.
 */
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
  'pull_request_review_thread',
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

/**
 * Whether an `issue_comment.edited` event is the gate updating its own sticky comment. The event
 * does not say which identity the gate runs as, so this holds only when a bot edited a comment it
 * wrote itself and the comment carries the gate's marker. That edit carries nothing the gate reads
 * as a person's tick: ticks are read from edits by people, and a comment by any other identity is
 * never the checklist. Anything less certain (a person's edit, a bot editing someone else's
 * comment, an edit with no sender) is judged.
 */
function isOwnCommentUpdate(payload: EventPayload, marker: string): boolean {
  const sender = payload.sender;
  const author = payload.comment?.user?.login;
  return (
    (payload.comment?.body ?? '').includes(marker) &&
    sender?.type === 'Bot' &&
    sender.login !== undefined &&
    author !== undefined &&
    sender.login === author
  );
}

export function resolveTarget(
  eventName: string,
  payload: EventPayload,
  env: { sha: string; ref: string },
  marker: string,
): Target {
  const action = payload.action ?? '';
  const who = `@${payload.sender?.login ?? 'someone'}`;
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    const number = payload.pull_request?.number;
    if (!number) return { kind: 'noop', message: `${eventName} event without a pull request` };
    return { kind: 'pull_request', number, reason: `${eventName}.${action} by ${who}` };
  }
  switch (eventName) {
    case 'issue_comment': {
      const number = payload.issue?.number;
      if (!number || !payload.issue?.pull_request)
        return { kind: 'noop', message: 'the comment is on an issue, not a pull request' };
      const body = payload.comment?.body ?? '';
      if (action === 'edited' && isOwnCommentUpdate(payload, marker))
        return { kind: 'noop', message: 'the gate’s own update of its comment' };
      if (action === 'created' && body.trim().split('\n')[0]!.trim() === RECHECK_COMMAND)
        return { kind: 'pull_request', number, reason: `${RECHECK_COMMAND} by ${who}` };
      if (action === 'edited' && body.includes(marker))
        return { kind: 'pull_request', number, reason: `checklist edited by ${who}` };
      return { kind: 'pull_request', number, reason: `issue_comment.${action} by ${who}` };
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
