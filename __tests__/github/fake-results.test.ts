/**
 * The fake results service and blob store against the real `@actions/artifact` client: what the
 * client sends is what the fake takes (no violations), the bytes come back as uploaded, and the
 * service's refusals reach the client as errors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Violation } from './fake-server.js';
import { startFakeResults, type FakeResults } from './fake-results.js';

let results: FakeResults;
let violations: Violation[];
const saved = { ...process.env };

beforeEach(async () => {
  violations = [];
  results = await startFakeResults(violations);
  process.env.ACTIONS_RESULTS_URL = `${results.url}/`;
  process.env.ACTIONS_RUNTIME_TOKEN = results.runtimeToken();
  process.env.GITHUB_SERVER_URL = 'https://github.com';
});
afterEach(async () => {
  process.env = { ...saved };
  await results.close();
});

function file(name: string, text: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-results-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return { dir, path };
}

test('a single file uploaded unzipped comes back byte for byte, under its own name', async () => {
  const page = `<!doctype html><title>report</title>${'é'.repeat(5000)}`;
  const { dir, path } = file('report.html', page);
  const uploaded = await new DefaultArtifactClient().uploadArtifact('ignored', [path], dir, {
    skipArchive: true,
  });
  expect(violations).toEqual([]);
  expect(results.artifacts).toHaveLength(1);
  const [artifact] = results.artifacts;
  expect(uploaded.id).toBe(artifact!.id);
  expect(artifact).toMatchObject({
    name: 'report.html',
    mimeType: 'text/html',
    contentType: 'text/html',
    finalized: true,
  });
  expect(artifact!.bytes!.toString('utf8')).toBe(page);
  expect(results.requests.map((r) => r.path.replace(/\/blob\/.*/, '/blob/…'))).toEqual([
    '/twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact',
    '/blob/…',
    '/blob/…',
    '/twirp/github.actions.results.api.v1.ArtifactService/FinalizeArtifact',
  ]);
});

test('a page larger than one 8 MB block (a report of 1,000 models is about 20 MB) is uploaded in blocks and put back together in order', async () => {
  const rows = Array.from(
    { length: 200_000 },
    (_, i) => `<tr data-model="m-${i}"><td>${i}</td></tr>`,
  );
  const page = `<!doctype html><table>${rows.join('')}</table>`;
  expect(page.length).toBeGreaterThan(8 * 1024 * 1024);
  const { dir, path } = file('report.html', page);
  await new DefaultArtifactClient().uploadArtifact('x', [path], dir, { skipArchive: true });
  expect(violations).toEqual([]);
  expect(results.requests.filter((r) => r.path.startsWith('/blob/')).length).toBeGreaterThan(2);
  expect(results.artifacts[0]!.bytes!.equals(Buffer.from(page))).toBe(true);
});

test('a second artifact of the same name in one run is refused, as the service does', async () => {
  const { dir, path } = file('report.html', '<p>one</p>');
  const client = new DefaultArtifactClient();
  await client.uploadArtifact('x', [path], dir, { skipArchive: true });
  await expect(client.uploadArtifact('x', [path], dir, { skipArchive: true })).rejects.toThrow(
    /409.*already exists/,
  );
  expect(results.artifacts.filter((a) => a.finalized)).toHaveLength(1);
  expect(violations).toEqual([]);
});

test('a token the service did not issue creates nothing (401)', async () => {
  const claims = { scp: 'Actions.Results:11111111-1111:22222222-2222' };
  const forged = `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.x`;
  process.env.ACTIONS_RUNTIME_TOKEN = forged;
  const { dir, path } = file('report.html', '<p>one</p>');
  await expect(
    new DefaultArtifactClient().uploadArtifact('x', [path], dir, { skipArchive: true }),
  ).rejects.toThrow(/401/);
  expect(results.artifacts).toEqual([]);
  expect(violations).toEqual([]);
});

test('an injected refusal reaches the client as its error message', async () => {
  results.failNext({
    method: 'CreateArtifact',
    status: 403,
    code: 'permission_denied',
    msg: 'artifact storage quota reached',
  });
  const { dir, path } = file('report.html', '<p>one</p>');
  await expect(
    new DefaultArtifactClient().uploadArtifact('x', [path], dir, { skipArchive: true }),
  ).rejects.toThrow(/403.*artifact storage quota reached/);
});
