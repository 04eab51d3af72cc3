/**
 * A stand-in for what a runner's `actions/upload-artifact` talks to: the results service
 * (`ACTIONS_RESULTS_URL`, Twirp JSON calls of `github.actions.results.api.v1.ArtifactService`,
 * authorized by the job's `ACTIONS_RUNTIME_TOKEN`) and the blob store its signed upload URL
 * points at (Azure block-blob uploads). Uploaded bytes are kept, so a test can read the artifact
 * back as someone downloading it would.
 *
 * Every request is checked against what the service takes, as `@actions/artifact` 6 sends it
 * (proto field names, the token's backend ids, the artifact's size and SHA-256 at finalization);
 * a mismatch is recorded as a violation (never thrown), and answered with the Twirp error the
 * service would give.
 *
 *   const results = await startFakeResults(violations);
 *   env.ACTIONS_RESULTS_URL = results.url; env.ACTIONS_RUNTIME_TOKEN = results.runtimeToken();
 *   … upload …
 *   results.artifacts[0].bytes
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Violation } from './fake-server.js';

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';

/** One artifact a job created, with what was uploaded for it. */
export interface FakeArtifact {
  id: number;
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  /** `mime_type` of CreateArtifact (a single file uploaded unzipped names its own type). */
  mimeType: string | null;
  version: number;
  /** The committed blob: null until the upload's block list is committed. */
  bytes: Buffer | null;
  /** `x-ms-blob-content-type` of the upload. */
  contentType: string | null;
  finalized: boolean;
}

/** A Twirp error the next call of `method` answers instead (non-retryable codes answer at once). */
export interface ResultsFault {
  method: 'CreateArtifact' | 'FinalizeArtifact' | 'blob';
  status: number;
  code: string;
  msg: string;
}

export interface FakeResults {
  /** set as ACTIONS_RESULTS_URL */
  url: string;
  /** A runtime token for a new job (of a new workflow run), as the runner hands a step. */
  runtimeToken(): string;
  /** Every artifact created, finalized or not, in order. */
  artifacts: FakeArtifact[];
  /** Method and path of each request, with the status answered. */
  requests: { method: string; path: string; status: number }[];
  failNext(fault: ResultsFault): void;
  close(): Promise<void>;
}

interface Job {
  run: string;
  job: string;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Characters the service refuses in an artifact's name (the same list the client checks). */
const INVALID_NAME = /["<>|*?:\\/\r\n]/;

const twirpError = (status: number, code: string, msg: string): Reply => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ code, msg }),
});

const twirpAnswer = (body: object): Reply => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An unsigned JWT whose `scp` claim names the job, as the runner's token does. */
function mintToken(job: Job): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    scp: `Actions.ExampleScope Actions.Results:${job.run}:${job.job}`,
    iat: now,
    exp: now + 6 * 3600,
  };
  return `${base64url({ typ: 'JWT', alg: 'RS256' })}.${base64url(claims)}.c2lnbmF0dXJl`;
}

/** The keys a message may carry, and which of them must be strings, numbers or present. */
function checkFields(
  body: Record<string, unknown>,
  allowed: Record<string, 'string' | 'number' | 'digits'>,
  problems: string[],
): void {
  for (const [key, value] of Object.entries(body)) {
    const kind = allowed[key];
    if (!kind) problems.push(`request: unknown field \`${key}\``);
    else if (kind === 'digits' ? !/^\d+$/.test(String(value)) : typeof value !== kind)
      problems.push(`request: \`${key}\` must be ${kind === 'digits' ? 'an int64' : `a ${kind}`}`);
  }
}

class ResultsService {
  readonly artifacts: FakeArtifact[] = [];
  readonly requests: FakeResults['requests'] = [];
  private readonly tokens = new Map<string, Job>();
  private readonly uploads = new Map<string, { artifact: FakeArtifact; signature: string }>();
  private readonly blocks = new Map<string, Map<string, Buffer>>();
  private readonly faults: ResultsFault[] = [];
  private nextId = 4_100_000_001;
  url = '';

  constructor(private readonly violations: Violation[]) {}

  runtimeToken(): string {
    const job = { run: randomUUID(), job: randomUUID() };
    const token = mintToken(job);
    this.tokens.set(token, job);
    return token;
  }

  failNext(fault: ResultsFault): void {
    this.faults.push(fault);
  }

  private takeFault(method: ResultsFault['method']): Reply | null {
    const index = this.faults.findIndex((f) => f.method === method);
    if (index < 0) return null;
    const [fault] = this.faults.splice(index, 1);
    return twirpError(fault!.status, fault!.code, fault!.msg);
  }

  /** One request, answered; problems are recorded as a violation. */
  handle(req: IncomingMessage, raw: Buffer): Reply {
    const problems: string[] = [];
    const url = new URL(req.url ?? '/', this.url);
    const reply = url.pathname.startsWith('/twirp/')
      ? this.twirp(req, url, raw, problems)
      : url.pathname.startsWith('/blob/')
        ? this.blob(req, url, raw, problems)
        : (problems.push(`fake: ${req.method} ${url.pathname} is not served`),
          twirpError(404, 'bad_route', 'no such route'));
    this.requests.push({ method: req.method ?? '', path: url.pathname, status: reply.status });
    if (problems.length > 0) {
      const body = url.pathname.startsWith('/twirp/')
        ? raw.toString('utf8')
        : `${raw.length} bytes`;
      this.violations.push({
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        problems,
      });
    }
    return reply;
  }

  private twirp(req: IncomingMessage, url: URL, raw: Buffer, problems: string[]): Reply {
    if (req.method !== 'POST') problems.push(`request: ${req.method} (Twirp takes POST only)`);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      problems.push(`request: content-type \`${req.headers['content-type']}\`, not JSON`);
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const job = bearer ? this.tokens.get(bearer) : undefined;
    if (!job) return twirpError(401, 'unauthenticated', 'invalid or missing runtime token');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      problems.push('request: body is not JSON');
      return twirpError(400, 'malformed', 'the body is not JSON');
    }
    if (!url.pathname.startsWith(SERVICE)) {
      problems.push(`fake: ${url.pathname} is not a method of the artifact service`);
      return twirpError(404, 'bad_route', 'no such service');
    }
    const method = url.pathname.slice(SERVICE.length);
    if (body.workflow_run_backend_id !== job.run || body.workflow_job_run_backend_id !== job.job) {
      problems.push('request: the backend ids are not those of the runtime token');
      return twirpError(403, 'permission_denied', 'the backend ids do not match the token');
    }
    if (method === 'CreateArtifact')
      return this.takeFault('CreateArtifact') ?? this.createArtifact(job, body, problems);
    if (method === 'FinalizeArtifact')
      return this.takeFault('FinalizeArtifact') ?? this.finalizeArtifact(job, body, problems);
    problems.push(`fake: ${method} is not served`);
    return twirpError(404, 'bad_route', `${method} is not served`);
  }

  private createArtifact(job: Job, body: Record<string, unknown>, problems: string[]): Reply {
    checkFields(
      body,
      {
        workflow_run_backend_id: 'string',
        workflow_job_run_backend_id: 'string',
        name: 'string',
        expires_at: 'string',
        version: 'number',
        mime_type: 'string',
      },
      problems,
    );
    const name = String(body.name ?? '');
    if (!name || INVALID_NAME.test(name))
      return twirpError(400, 'invalid_argument', `invalid artifact name \`${name}\``);
    if (body.version !== 7)
      problems.push(`request: artifact version ${String(body.version)}, not 7`);
    if (this.artifacts.some((a) => a.workflowRunBackendId === job.run && a.name === name))
      return twirpError(409, 'already_exists', `an artifact named ${name} already exists`);
    const artifact: FakeArtifact = {
      id: this.nextId++,
      name,
      workflowRunBackendId: job.run,
      workflowJobRunBackendId: job.job,
      mimeType: typeof body.mime_type === 'string' ? body.mime_type : null,
      version: Number(body.version),
      bytes: null,
      contentType: null,
      finalized: false,
    };
    this.artifacts.push(artifact);
    const key = `${job.run}/${job.job}/${encodeURIComponent(name)}`;
    const signature = randomUUID().replaceAll('-', '');
    this.uploads.set(key, { artifact, signature });
    const expires = new Date(Date.now() + 3600_000).toISOString();
    return twirpAnswer({
      ok: true,
      signed_upload_url: `${this.url}/blob/${key}?sv=2023-11-03&se=${encodeURIComponent(expires)}&sr=b&sp=cw&sig=${signature}`,
    });
  }

  private finalizeArtifact(job: Job, body: Record<string, unknown>, problems: string[]): Reply {
    checkFields(
      body,
      {
        workflow_run_backend_id: 'string',
        workflow_job_run_backend_id: 'string',
        name: 'string',
        size: 'digits',
        hash: 'string',
      },
      problems,
    );
    const artifact = this.artifacts.find(
      (a) => a.workflowRunBackendId === job.run && a.name === body.name && !a.finalized,
    );
    if (!artifact) return twirpError(404, 'not_found', `no artifact named ${String(body.name)}`);
    if (!artifact.bytes) {
      problems.push('request: finalized before its blob was committed');
      return twirpError(400, 'failed_precondition', 'nothing was uploaded');
    }
    if (Number(body.size) !== artifact.bytes.length)
      problems.push(
        `request: size ${String(body.size)}, but ${artifact.bytes.length} bytes were uploaded`,
      );
    const digest = `sha256:${createHash('sha256').update(artifact.bytes).digest('hex')}`;
    if (body.hash !== undefined && body.hash !== digest)
      problems.push(`request: hash ${String(body.hash)}, but the upload's is ${digest}`);
    artifact.finalized = true;
    return twirpAnswer({ ok: true, artifact_id: String(artifact.id) });
  }

  /** The blob store: Put Block, Put Block List, or a single Put Blob of a block blob. */
  private blob(req: IncomingMessage, url: URL, raw: Buffer, problems: string[]): Reply {
    const key = url.pathname.slice('/blob/'.length);
    const upload = this.uploads.get(key);
    if (!upload || url.searchParams.get('sig') !== upload.signature)
      return { status: 403, body: 'AuthenticationFailed' };
    const fault = this.takeFault('blob');
    if (fault) return fault;
    if (req.method !== 'PUT') {
      problems.push(`request: ${req.method} on an upload URL`);
      return { status: 405, body: 'UnsupportedHttpVerb' };
    }
    const comp = url.searchParams.get('comp');
    const staged = this.blocks.get(key) ?? new Map<string, Buffer>();
    this.blocks.set(key, staged);
    if (comp === 'block') {
      const id = url.searchParams.get('blockid');
      if (!id) problems.push('request: a block without `blockid`');
      else staged.set(id, raw);
      return this.blobCreated();
    }
    if (comp === 'blocklist') {
      const ids = [...raw.toString('utf8').matchAll(/<(Latest|Uncommitted)>([^<]*)<\/\1>/g)].map(
        (m) => m[2]!,
      );
      const missing = ids.filter((id) => !staged.has(id));
      if (ids.length === 0 || missing.length > 0) {
        problems.push(`request: block list names ${missing.length} blocks never staged`);
        return { status: 400, body: 'InvalidBlockList' };
      }
      return this.commit(upload.artifact, req, Buffer.concat(ids.map((id) => staged.get(id)!)));
    }
    if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob')
      return this.commit(upload.artifact, req, raw);
    problems.push(`fake: blob operation ${comp ?? 'PUT without x-ms-blob-type'} is not served`);
    return { status: 400, body: 'UnsupportedQueryParameter' };
  }

  private commit(artifact: FakeArtifact, req: IncomingMessage, bytes: Buffer): Reply {
    artifact.bytes = bytes;
    const type = req.headers['x-ms-blob-content-type'];
    artifact.contentType = typeof type === 'string' ? type : null;
    return this.blobCreated();
  }

  private blobCreated(): Reply {
    return {
      status: 201,
      headers: {
        etag: `"0x${randomUUID().replaceAll('-', '').slice(0, 15).toUpperCase()}"`,
        'last-modified': new Date().toUTCString(),
        'x-ms-request-id': randomUUID(),
        'x-ms-version': '2025-11-05',
        'x-ms-request-server-encrypted': 'true',
      },
    };
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts the results service and blob store on 127.0.0.1; problems go to `violations`. */
export async function startFakeResults(violations: Violation[]): Promise<FakeResults> {
  const service = new ResultsService(violations);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    readBody(req)
      .then((raw) => {
        const reply = service.handle(req, raw);
        res.writeHead(reply.status, reply.headers ?? {});
        res.end(reply.body ?? '');
      })
      .catch((error: unknown) => {
        violations.push({
          method: req.method ?? '',
          path: req.url ?? '',
          query: {},
          body: undefined,
          problems: [`fake: crashed: ${(error as Error).stack ?? String(error)}`],
        });
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  service.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: service.url,
    runtimeToken: () => service.runtimeToken(),
    artifacts: service.artifacts,
    requests: service.requests,
    failNext: (fault) => service.failNext(fault),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
