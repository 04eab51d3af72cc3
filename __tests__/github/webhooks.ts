/**
 * Webhook (and so Actions event) payload validation against @octokit/openapi-webhooks, plus the
 * payload builders (re-exported from `webhook-builders.ts`).
 *
 * How the description is keyed: `webhooks["<event>-<action>"]` with `_` in both turned into `-`
 * (`pull_request` + `ready_for_review` → `pull-request-ready-for-review`), or `webhooks["<event>"]`
 * for events without actions (`push`, `workflow-dispatch`). Each entry's
 * `post.requestBody.content["application/json"].schema` is a `$ref` to
 * `components.schemas["webhook-<key>"]`.
 */
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import {
  bundleSchema,
  createAjv,
  isObject,
  packageFile,
  runValidator,
  type JsonObject,
} from './schema-tools.js';

export * from './webhook-builders.js';

let description: JsonObject | null = null;

export function webhooksDescription(): JsonObject {
  description ??= JSON.parse(
    readFileSync(packageFile('@octokit/openapi-webhooks', 'generated/api.github.com.json'), 'utf8'),
  ) as JsonObject;
  return description;
}

/** Events that Actions delivers with another event's payload. */
const PAYLOAD_OF: Record<string, string> = { pull_request_target: 'pull_request' };

/**
 * Events with no webhook schema (Actions-only). `schedule`'s payload is
 * `{ schedule: "<cron>", workflow, repository, organization?, enterprise? }`: its repository
 * is checked against the webhook repository schema.
 */
const LOCAL_SCHEMAS: Record<string, JsonObject> = {
  schedule: {
    type: 'object',
    required: ['schedule'],
    properties: {
      schedule: { type: 'string', minLength: 1 },
      workflow: { type: 'string' },
      repository: { $ref: '#/components/schemas/repository-webhooks' },
      organization: { $ref: '#/components/schemas/organization-simple-webhooks' },
      enterprise: { $ref: '#/components/schemas/enterprise-webhooks' },
    },
  },
};

/** The `webhooks` key for an event and action, e.g. `pull-request-opened`, `push`. */
export function webhookKey(event: string, action?: string | null): string {
  const base = (PAYLOAD_OF[event] ?? event).replace(/_/g, '-');
  return action ? `${base}-${action.replace(/_/g, '-')}` : base;
}

function schemaFor(event: string, action: string | null | undefined): JsonObject | string {
  const doc = webhooksDescription();
  const local = LOCAL_SCHEMAS[event];
  if (local) return local;
  const hooks = doc.webhooks as JsonObject;
  const key = webhookKey(event, action);
  const entry = hooks[key];
  if (!isObject(entry)) {
    const withActions = Object.keys(hooks).filter((k) => k.startsWith(`${webhookKey(event)}-`));
    if (!action && withActions.length > 0) return `${event} payloads need an action`;
    if (action && hooks[webhookKey(event)]) return `${event} payloads have no action`;
    return `no webhook schema for ${key}`;
  }
  const post = entry.post as JsonObject;
  const content = ((post.requestBody as JsonObject).content as JsonObject)['application/json'];
  return (content as JsonObject).schema as JsonObject;
}

const validators = new Map<string, ValidateFunction>();
let ajv: ReturnType<typeof createAjv> | null = null;

/**
 * Problems with `payload` as the body GitHub sends for `event` (+ `action`). Also checks that
 * `payload.action` equals `action`.
 */
export function validateWebhookPayload(
  event: string,
  action: string | null | undefined,
  payload: unknown,
): string[] {
  const schema = schemaFor(event, action);
  if (typeof schema === 'string') return [schema];
  const cacheKey = LOCAL_SCHEMAS[event] ? `local:${event}` : webhookKey(event, action);
  let validate = validators.get(cacheKey);
  if (!validate) {
    ajv ??= createAjv();
    const doc = webhooksDescription();
    validate = ajv.compile(
      bundleSchema(schema, (doc.components as JsonObject).schemas as JsonObject),
    );
    validators.set(cacheKey, validate);
  }
  const problems = runValidator(validate, payload, 'payload');
  if (action && isObject(payload) && payload.action !== action) {
    problems.push(`payload.action is ${JSON.stringify(payload.action)}, not "${action}"`);
  }
  return problems;
}
