/**
 * Delivering a webhook as GitHub does to a GitHub App: a POST of the JSON payload with GitHub's
 * headers (`X-GitHub-Event`, `X-GitHub-Delivery`, `X-GitHub-Hook-ID`,
 * `X-GitHub-Hook-Installation-Target-Type: integration` and `-ID`, `X-Hub-Signature-256`: the
 * HMAC-SHA256 of the raw body with the App's webhook secret, `User-Agent: GitHub-Hookshot/…`),
 * given up after GitHub's 10 seconds. The payload is checked against GitHub's webhook schema
 * first, and must carry `installation` as every delivery to an App does.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { validateWebhookPayload } from './webhooks.js';

/** GitHub drops a delivery not answered within 10 seconds. */
export const DELIVERY_TIMEOUT_MS = 10_000;

export interface DeliveryOptions {
  /** `X-GitHub-Event`: `pull_request`, `check_run`, … */
  event: string;
  payload: unknown;
  /** `X-GitHub-Delivery`; default a new UUID (a redelivery reuses the original's) */
  deliveryId?: string;
  /** the webhook secret signing the body */
  secret: string;
  /** `X-Hub-Signature-256` as sent instead of the right one; null: none sent */
  signature?: string | null;
  /** `X-GitHub-Hook-ID`; default 4242 */
  hookId?: number;
  /** `X-GitHub-Hook-Installation-Target-ID`: the App's id */
  appId?: number;
  /** false: send the payload even if GitHub's webhook schema refuses it */
  validate?: boolean;
}

export interface DeliveryResult {
  /** the HTTP status; 0 when not answered within 10 seconds or the connection failed */
  status: number;
  body: string;
  /** the body parsed as JSON, when it is */
  json?: unknown;
  /** time to the answer */
  ms: number;
  deliveryId: string;
}

/** `sha256=<hex HMAC-SHA256 of the body>`, GitHub's `X-Hub-Signature-256`. */
export function signWebhook(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function checkPayload(event: string, payload: unknown): void {
  const action =
    typeof payload === 'object' && payload !== null
      ? (payload as { action?: unknown }).action
      : undefined;
  const problems = validateWebhookPayload(
    event,
    typeof action === 'string' ? action : undefined,
    payload,
  );
  const installation =
    typeof payload === 'object' && payload !== null
      ? (payload as { installation?: { id?: unknown } }).installation
      : undefined;
  if (typeof installation?.id !== 'number')
    problems.push('payload has no installation.id (every delivery to an App has one)');
  if (problems.length > 0)
    throw new Error(`not a payload GitHub would deliver for ${event}:\n${problems.join('\n')}`);
}

export async function deliverWebhook(
  url: string,
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  if (options.validate !== false) checkPayload(options.event, options.payload);
  const body = JSON.stringify(options.payload);
  const deliveryId = options.deliveryId ?? randomUUID();
  const signature =
    options.signature === undefined ? signWebhook(options.secret, body) : options.signature;
  const headers: Record<string, string> = {
    accept: '*/*',
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/8e03811',
    'x-github-event': options.event,
    'x-github-delivery': deliveryId,
    'x-github-hook-id': String(options.hookId ?? 4242),
    'x-github-hook-installation-target-type': 'integration',
    ...(options.appId === undefined
      ? {}
      : { 'x-github-hook-installation-target-id': String(options.appId) }),
    ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
  };
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, body: text, json, ms: performance.now() - started, deliveryId };
  } catch (error) {
    return {
      status: 0,
      body: (error as Error).message,
      ms: performance.now() - started,
      deliveryId,
    };
  }
}
