import { createPrivateKey } from 'node:crypto';
import { D as DEFAULT_POLICY_PATH } from './render-markdown-DncR61q3.js';
import 'node:path';
import 'node:zlib';
import 'node:fs/promises';

/**
 * The App's configuration, from the environment, named as Probot names it (`APP_ID`,
 * `PRIVATE_KEY`, `WEBHOOK_SECRET`, `PORT`, `GHE_HOST`) and as Actions names the API URLs
 * (`GITHUB_API_URL`, `GITHUB_GRAPHQL_URL`), so that operators know them. Pure: takes the
 * environment and a file reader; every problem names the variable and what to set.
 */
class ConfigError extends Error {
    name = 'ConfigError';
}
function required(env, name, what) {
    const value = env[name]?.trim();
    if (!value)
        throw new ConfigError(`${name} is not set: ${what}`);
    return value;
}
function wholeNumber(env, name, fallback, max, min = 1) {
    const raw = env[name]?.trim();
    if (!raw)
        return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
        throw new ConfigError(`${name} is \`${raw}\`: set a whole number from ${min} to ${max}`);
    return value;
}
/** The App's private key: `PRIVATE_KEY` (PEM, `\n` escapes allowed) or the file `PRIVATE_KEY_PATH`. */
function privateKeyFrom(env, readFile) {
    const inline = env.PRIVATE_KEY?.trim();
    const path = env.PRIVATE_KEY_PATH?.trim();
    let pem;
    if (inline)
        pem = inline.replace(/\\n/g, '\n');
    else if (path) {
        try {
            pem = readFile(path);
        }
        catch (error) {
            throw new ConfigError(`PRIVATE_KEY_PATH is \`${path}\`, which cannot be read: ${error.message}`);
        }
    }
    else
        throw new ConfigError('PRIVATE_KEY is not set: set it to the App’s private key (PEM), or PRIVATE_KEY_PATH to its file');
    const name = inline ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH';
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem))
        throw new ConfigError(`${name} does not hold a PEM private key (-----BEGIN RSA PRIVATE KEY-----): download the key from the App’s settings`);
    // GitHub hands out PKCS#1 keys (BEGIN RSA PRIVATE KEY); the JWT signer takes PKCS#8 only.
    try {
        return createPrivateKey(pem).export({ type: 'pkcs8', format: 'pem' }).toString();
    }
    catch (error) {
        throw new ConfigError(`${name} holds a key that cannot be read: ${error.message}`);
    }
}
/** GitHub.com, GitHub Enterprise Server (`GHE_HOST`), or URLs set outright. */
function apiUrls(env) {
    const host = env.GHE_HOST?.trim()
        .replace(/^https?:\/\//, '')
        .replace(/\/+$/, '');
    const apiUrl = env.GITHUB_API_URL?.trim() || (host ? `https://${host}/api/v3` : 'https://api.github.com');
    // GitHub.com answers GraphQL at <api>/graphql; Enterprise Server at /api/graphql beside /api/v3.
    const graphqlUrl = env.GITHUB_GRAPHQL_URL?.trim() ||
        (/\/api\/v3\/*$/.test(apiUrl)
            ? apiUrl.replace(/\/api\/v3\/*$/, '/api/graphql')
            : `${apiUrl.replace(/\/+$/, '')}/graphql`);
    for (const [name, url] of [
        ['GITHUB_API_URL', apiUrl],
        ['GITHUB_GRAPHQL_URL', graphqlUrl],
    ]) {
        if (!URL.canParse(url))
            throw new ConfigError(`${name} is \`${url}\`, which is not a URL`);
    }
    const serverUrl = (env.GITHUB_SERVER_URL?.trim() || (host ? `https://${host}` : 'https://github.com')).replace(/\/+$/, '');
    return { apiUrl: apiUrl.replace(/\/+$/, ''), graphqlUrl, serverUrl };
}
function yesOrNo(env, name) {
    const raw = env[name]?.trim().toLowerCase() ?? '';
    if (['', 'false', '0', 'no'].includes(raw))
        return false;
    if (['true', '1', 'yes'].includes(raw))
        return true;
    throw new ConfigError(`${name} is \`${env[name]}\`: set true or false`);
}
/** Hosts a plain-HTTP public URL may name: the operator's own machine. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/** `RSP_GATE_PUBLIC_URL`: an https URL (http only on the loopback), no query, no fragment. */
function publicUrlFrom(env) {
    const raw = env.RSP_GATE_PUBLIC_URL?.trim();
    if (!raw)
        return null;
    const problem = (what) => new ConfigError(`RSP_GATE_PUBLIC_URL is \`${raw}\`, ${what}: set the App’s address as browsers reach it, such as https://rsp-gate.example.com`);
    if (!URL.canParse(raw))
        throw problem('which is not a URL');
    const url = new URL(raw);
    const loopback = LOOPBACK.has(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
        throw problem('which is not https (plain http is taken only for localhost)');
    if (url.username || url.password)
        throw problem('which holds a user name or password');
    if (url.search || url.hash || raw.includes('?') || raw.includes('#'))
        throw problem('which has a query or fragment');
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
function readConfig(env, readFile) {
    const appId = required(env, 'APP_ID', 'set it to the App’s ID (its settings page, “App ID”)');
    if (!/^\d+$/.test(appId))
        throw new ConfigError(`APP_ID is \`${appId}\`: the App ID is a number`);
    const privateKey = privateKeyFrom(env, readFile);
    const webhookSecret = required(env, 'WEBHOOK_SECRET', 'set it to the App’s webhook secret: the App refuses every unsigned delivery');
    const databaseUrl = env.DATABASE_URL?.trim() || null;
    if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
        throw new ConfigError('DATABASE_URL is set but is not a postgres:// URL');
    const fixed = env.RSP_GATE_NOW?.trim();
    const now = fixed ? new Date(fixed) : null;
    if (now && Number.isNaN(now.getTime()))
        throw new ConfigError(`RSP_GATE_NOW is \`${fixed}\`, which is not a date`);
    return {
        appId,
        privateKey,
        webhookSecret,
        port: wholeNumber(env, 'PORT', 3000, 65535, 0), // 0: any free port (tests)
        ...apiUrls(env),
        databaseUrl,
        sweepMinutes: wholeNumber(env, 'RSP_GATE_SWEEP_MINUTES', 60, 24 * 60),
        concurrency: wholeNumber(env, 'RSP_GATE_CONCURRENCY', 4, 64),
        checkName: env.RSP_GATE_CHECK_NAME?.trim() || 'rsp-gate',
        policyPath: env.RSP_GATE_POLICY_PATH?.trim() || DEFAULT_POLICY_PATH,
        now,
        requireOrgPolicy: yesOrNo(env, 'RSP_GATE_REQUIRE_ORG_POLICY'),
        publicUrl: publicUrlFrom(env),
    };
}

export { ConfigError, readConfig };
