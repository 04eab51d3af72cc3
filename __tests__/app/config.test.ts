/** The App's configuration: Probot's names, Enterprise Server URLs, and errors that say what to set. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/app/config.js';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const PKCS8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const base = { APP_ID: '12345', PRIVATE_KEY: PEM, WEBHOOK_SECRET: 's3cret' };
const noFile = (path: string): string => {
  throw new Error(`ENOENT: no such file, open '${path}'`);
};

describe('App configuration', () => {
  it('defaults: port 3000, api.github.com, the in-process queue, hourly sweeps', () => {
    const config = readConfig(base, noFile);
    expect(config).toMatchObject({
      appId: '12345',
      port: 3000,
      apiUrl: 'https://api.github.com',
      graphqlUrl: 'https://api.github.com/graphql',
      serverUrl: 'https://github.com',
      databaseUrl: null,
      sweepMinutes: 60,
      checkName: 'rsp-gate',
      policyPath: '.github/rsp-policy.yml',
    });
  });

  it('GHE_HOST points every URL at Enterprise Server; GITHUB_API_URL wins over it', () => {
    const ghe = readConfig({ ...base, GHE_HOST: 'github.acme.internal' }, noFile);
    expect(ghe.apiUrl).toBe('https://github.acme.internal/api/v3');
    expect(ghe.graphqlUrl).toBe('https://github.acme.internal/api/graphql');
    expect(ghe.serverUrl).toBe('https://github.acme.internal');
    const apiOnly = readConfig(
      { ...base, GITHUB_API_URL: 'https://ghe.acme.internal/api/v3' },
      noFile,
    );
    expect(apiOnly.graphqlUrl).toBe('https://ghe.acme.internal/api/graphql');
    const local = readConfig({ ...base, GITHUB_API_URL: 'http://127.0.0.1:9/' }, noFile);
    expect(local.apiUrl).toBe('http://127.0.0.1:9');
    expect(local.graphqlUrl).toBe('http://127.0.0.1:9/graphql');
  });

  it('the PKCS#1 key GitHub hands out is converted to PKCS#8, which the JWT signer takes', () => {
    expect(PEM).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(readConfig(base, noFile).privateKey).toBe(PKCS8);
  });

  it('a key with \\n escapes (as a one-line variable) and a key file both work', () => {
    expect(readConfig({ ...base, PRIVATE_KEY: PEM.replace(/\n/g, '\\n') }, noFile).privateKey).toBe(
      PKCS8,
    );
    const fromFile = readConfig(
      { APP_ID: '1', WEBHOOK_SECRET: 's', PRIVATE_KEY_PATH: '/keys/app.pem' },
      (path) => (path === '/keys/app.pem' ? PEM : noFile(path)),
    );
    expect(fromFile.privateKey).toBe(PKCS8);
  });

  it.each([
    [{ APP_ID: '' }, /APP_ID is not set/],
    [{ APP_ID: 'rsp-gate' }, /APP_ID is `rsp-gate`: the App ID is a number/],
    [{ WEBHOOK_SECRET: '' }, /WEBHOOK_SECRET is not set: .*refuses every unsigned delivery/],
    [{ PRIVATE_KEY: '' }, /PRIVATE_KEY is not set/],
    [{ PRIVATE_KEY: 'not a key' }, /does not hold a PEM private key/],
    [
      { PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----' },
      /PRIVATE_KEY holds a key that cannot be read/,
    ],
    [
      { PRIVATE_KEY: '', PRIVATE_KEY_PATH: '/nope.pem' },
      /PRIVATE_KEY_PATH is `\/nope.pem`, which cannot be read: ENOENT/,
    ],
    [{ PORT: '70000' }, /PORT is `70000`: set a whole number from 0 to 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL is set but is not a postgres:\/\/ URL/],
    [{ RSP_GATE_NOW: 'soon' }, /RSP_GATE_NOW is `soon`, which is not a date/],
    [{ RSP_GATE_SWEEP_MINUTES: '0' }, /RSP_GATE_SWEEP_MINUTES is `0`/],
    [{ RSP_GATE_PUBLIC_URL: 'rsp-gate.example.com' }, /RSP_GATE_PUBLIC_URL is .* not a URL/],
    [
      { RSP_GATE_PUBLIC_URL: 'http://rsp-gate.example.com' },
      /RSP_GATE_PUBLIC_URL is `http:\/\/rsp-gate.example.com`, which is not https/,
    ],
    [{ RSP_GATE_PUBLIC_URL: 'https://a:b@rsp-gate.example.com' }, /user name or password/],
    [{ RSP_GATE_PUBLIC_URL: 'https://rsp-gate.example.com/?x=1' }, /a query or fragment/],
  ])('refuses %o, saying what to set', (change, message) => {
    expect(() => readConfig({ ...base, ...change }, noFile)).toThrow(ConfigError);
    expect(() => readConfig({ ...base, ...change }, noFile)).toThrow(message);
  });

  it('RSP_GATE_PUBLIC_URL: https, or http on the loopback, kept without a trailing slash; unset, none', () => {
    expect(readConfig(base, noFile).publicUrl).toBeNull();
    const publicUrl = (value: string) =>
      readConfig({ ...base, RSP_GATE_PUBLIC_URL: value }, noFile).publicUrl;
    expect(publicUrl('https://rsp-gate.example.com/')).toBe('https://rsp-gate.example.com');
    expect(publicUrl('https://acme.example/gate/')).toBe('https://acme.example/gate');
    expect(publicUrl('http://localhost:3000')).toBe('http://localhost:3000');
    expect(publicUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
  });
});
