/**
 * Attacks on the App's HTTP front by anyone who can reach it (the webhook URL is public): bodies
 * that never end, bodies larger than GitHub sends, many large bodies at once, requests that hold a
 * connection open. None of them may take the memory or the connections GitHub's deliveries need,
 * and none is read further than it takes to refuse it. `/healthz` says nothing but readiness and
 * the queue's size.
 */
import { createHmac } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppGitHub } from '../../src/app/github-app.js';
import { createLogger } from '../../src/app/log.js';
import { createMemoryQueue, type Job } from '../../src/app/queue.js';
import { createAppServer, type AppServerOptions } from '../../src/app/server.js';

const SECRET = 'webhook-secret';
let server: Server | null = null;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function start(limits: AppServerOptions['limits'] = {}) {
  const lines: string[] = [];
  const added: Job[] = [];
  const queue = createMemoryQueue({ concurrency: 1 });
  const realAdd = queue.add.bind(queue);
  queue.add = (job) => {
    added.push(job);
    return realAdd(job);
  };
  server = createAppServer({
    webhookSecret: SECRET,
    policyPath: '.github/rsp-policy.yml',
    queue,
    log: createLogger((l) => lines.push(l)),
    ready: () => true,
    limits,
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, lines, added };
}

const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

/** A raw request: the head and the first part of a body, the rest never sent unless asked. */
function rawRequest(port: number, headers: Record<string, string>, firstPart: string) {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let answer = '';
  const answered = new Promise<string>((resolve) => {
    socket.on('data', (d) => {
      answer += d.toString();
      if (answer.includes('\r\n\r\n')) resolve(answer);
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
  });
  const head = Object.entries({ host: 'app', ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.write(`POST /api/github/webhooks HTTP/1.1\r\n${head}\r\n${firstPart}`);
  return { socket, answered };
}

const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms),
    ),
  ]);

describe('the webhook endpoint under attack', () => {
  it('a delivery without a signature is refused at once, before its body is read', async () => {
    const { port } = await start();
    // Announces 20 MB, sends a few bytes, and would hold the connection for as long as it likes.
    const { answered } = rawRequest(
      port,
      { 'x-github-event': 'ping', 'content-length': String(20 * 1024 * 1024) },
      '{"zen":',
    );
    expect(await within(2000, answered)).toMatch(/^HTTP\/1\.1 401 /);
  });

  it('a body announced larger than GitHub ever sends (25 MB) is refused at once', async () => {
    const { port } = await start();
    const { answered } = rawRequest(
      port,
      {
        'x-github-event': 'ping',
        'x-hub-signature-256': sign('x'),
        'content-length': String(26 * 1024 * 1024),
      },
      '{',
    );
    expect(await within(2000, answered)).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('a body that trickles in is cut off after the request timeout, freeing the connection', async () => {
    const { port } = await start({ requestTimeoutMs: 300 });
    const { answered } = rawRequest(
      port,
      {
        'x-github-event': 'ping',
        'x-hub-signature-256': sign('x'),
        'content-length': '1000',
      },
      '{"a":',
    );
    expect(await within(3000, answered)).toMatch(/^HTTP\/1\.1 408 |^$/);
  });

  it('bodies held in memory at once are capped: one past the cap is refused, and GitHub’s next delivery is accepted', async () => {
    const { port, added } = await start({ maxBufferedBytes: 64 * 1024 });
    // A forger holds 60 KB in memory with a body it never finishes…
    const held = rawRequest(
      port,
      {
        'x-github-event': 'ping',
        'x-hub-signature-256': sign('x'),
        'content-length': String(1024 * 1024),
      },
      'x'.repeat(60 * 1024),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    // …so a second large body finds no room…
    const second = rawRequest(
      port,
      {
        'x-github-event': 'ping',
        'x-hub-signature-256': sign('x'),
        'content-length': String(1024 * 1024),
      },
      'y'.repeat(16 * 1024),
    );
    expect(await within(2000, second.answered)).toMatch(/^HTTP\/1\.1 503 /);
    held.socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // …and once the forger is gone, GitHub's signed delivery goes through.
    const payload = JSON.stringify({
      action: 'opened',
      installation: { id: 1 },
      repository: { name: 'models', owner: { login: 'acme' } },
      pull_request: { number: 7, head: { sha: 'a'.repeat(40) } },
    });
    const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'x-github-event': 'pull_request',
        'x-github-delivery': 'd-1',
        'x-hub-signature-256': sign(payload),
        'content-type': 'application/json',
      },
      body: payload,
    });
    expect(response.status).toBe(202);
    expect(added).toHaveLength(1);
  });

  it('/healthz says only that it is ready and how many jobs wait and run', async () => {
    const { port } = await start();
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, queue: { waiting: 0, running: 0 } });
  });
});

describe('GitHub that never answers', () => {
  it('the App’s own requests (installations, repositories, installation lookups) give up after their timeout instead of holding a job forever', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const { generateKeyPairSync } = await import('node:crypto');
    const github = createAppGitHub(
      {
        appId: '1',
        privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 })
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString(),
        webhookSecret: SECRET,
        apiUrl: `http://127.0.0.1:${port}`,
        graphqlUrl: `http://127.0.0.1:${port}/graphql`,
      },
      () => undefined,
      { requestTimeoutMs: 200, retryBaseMs: 1 },
    );
    const started = Date.now();
    await expect(github.installationOf('acme', 'models', 1)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });
});
