import { readFileSync } from 'node:fs';
import { readConfig } from './config-BKg1IM3o.js';
import { e as request, R as RequestError, g as getUserAgent, O as Octokit, f as Octokit$1, h as retry, c as createOctokitPort, a as resolveTarget, d as auditCheckName, i as failureVerdict, k as writeCheck, l as readBaseProtection, m as checkNameInto, n as OPEN_PULL_REQUEST_LIMIT, j as judgeOnGitHub, s as stampTime, G as GitHubError, w as writeFailedCheck, o as judgeWithoutWriting } from './event-OXXJlK7c.js';
import require$$2, { createHmac, timingSafeEqual, hkdfSync, randomUUID } from 'node:crypto';
import { Buffer as Buffer$1 } from 'node:buffer';
import { C as COMMENT_MARKER, x as createMatcher, y as DEFAULT_CARD_GLOBS, z as parseYaml, A as decodeUtf8, B as readFrontMatter, I as InputError, j as isInputError, v as commonjsGlobal, E as getDefaultExportFromCjs } from './render-markdown-DncR61q3.js';
import require$$0$2 from 'node:events';
import require$$0 from 'node:assert';
import require$$0$1 from 'node:timers/promises';
import fs__default from 'fs';
import require$$2$2 from 'events';
import require$$0$3 from 'util';
import require$$2$1 from 'util/types';
import crypto__default from 'crypto';
import require$$0$4 from 'dns';
import require$$0$5 from 'net';
import require$$1 from 'tls';
import path__default from 'path';
import require$$0__default from 'stream';
import require$$1$1 from 'string_decoder';
import { b as buildReportData } from './report-data-B0Kk7ul_.js';
import { createServer } from 'node:http';
import { r as renderReportPage } from './render-page-XFYiwW23.js';
import 'node:path';
import 'node:zlib';
import 'node:fs/promises';

function oauthAuthorizationUrl(options) {
  const clientType = options.clientType || "oauth-app";
  const baseUrl = options.baseUrl || "https://github.com";
  const result = {
    clientType,
    allowSignup: options.allowSignup === false ? false : true,
    clientId: options.clientId,
    login: options.login || null,
    redirectUrl: options.redirectUrl || null,
    state: options.state || Math.random().toString(36).substr(2),
    url: ""
  };
  if (clientType === "oauth-app") {
    const scopes = "scopes" in options ? options.scopes : [];
    result.scopes = typeof scopes === "string" ? scopes.split(/[,\s]+/).filter(Boolean) : scopes;
  }
  result.url = urlBuilderAuthorize(`${baseUrl}/login/oauth/authorize`, result);
  return result;
}
function urlBuilderAuthorize(base, options) {
  const map = {
    allowSignup: "allow_signup",
    clientId: "client_id",
    login: "login",
    redirectUrl: "redirect_uri",
    scopes: "scope",
    state: "state"
  };
  let url = base;
  Object.keys(map).filter((k) => options[k] !== null).filter((k) => {
    if (k !== "scopes") return true;
    if (options.clientType === "github-app") return false;
    return !Array.isArray(options[k]) || options[k].length > 0;
  }).map((key) => [map[key], `${options[key]}`]).forEach(([key, value], index) => {
    url += index === 0 ? `?` : "&";
    url += `${key}=${encodeURIComponent(value)}`;
  });
  return url;
}

// pkg/dist-src/version.js
function requestToOAuthBaseUrl(request) {
  const endpointDefaults = request.endpoint.DEFAULTS;
  if (/^https:\/\/(api\.)?github\.com$/.test(endpointDefaults.baseUrl)) {
    return "https://github.com";
  }
  if (/^https:\/\/api\..*\.ghe\.com$/.test(endpointDefaults.baseUrl)) {
    return endpointDefaults.baseUrl.replace("api.", "");
  }
  return endpointDefaults.baseUrl.replace("/api/v3", "");
}
async function oauthRequest(request, route, parameters) {
  const withOAuthParameters = {
    baseUrl: requestToOAuthBaseUrl(request),
    headers: {
      accept: "application/json"
    },
    ...parameters
  };
  const response = await request(route, withOAuthParameters);
  if ("error" in response.data) {
    const error = new RequestError(
      `${response.data.error_description} (${response.data.error}, ${response.data.error_uri})`,
      400,
      {
        request: request.endpoint.merge(
          route,
          withOAuthParameters
        )
      }
    );
    error.response = response;
    throw error;
  }
  return response;
}

// pkg/dist-src/get-web-flow-authorization-url.js
function getWebFlowAuthorizationUrl({
  request: request$1 = request,
  ...options
}) {
  const baseUrl = requestToOAuthBaseUrl(request$1);
  return oauthAuthorizationUrl({
    ...options,
    baseUrl
  });
}
async function exchangeWebFlowCode(options) {
  const request$1 = options.request || request;
  const response = await oauthRequest(
    request$1,
    "POST /login/oauth/access_token",
    {
      client_id: options.clientId,
      client_secret: options.clientSecret,
      code: options.code,
      redirect_uri: options.redirectUrl
    }
  );
  const authentication = {
    clientType: options.clientType,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    token: response.data.access_token,
    scopes: response.data.scope.split(/\s+/).filter(Boolean)
  };
  if (options.clientType === "github-app") {
    if ("refresh_token" in response.data) {
      const apiTimeInMs = new Date(response.headers.date).getTime();
      authentication.refreshToken = response.data.refresh_token, authentication.expiresAt = toTimestamp(
        apiTimeInMs,
        response.data.expires_in
      ), authentication.refreshTokenExpiresAt = toTimestamp(
        apiTimeInMs,
        response.data.refresh_token_expires_in
      );
    }
    delete authentication.scopes;
  }
  return { ...response, authentication };
}
function toTimestamp(apiTimeInMs, expirationInSeconds) {
  return new Date(apiTimeInMs + expirationInSeconds * 1e3).toISOString();
}
async function createDeviceCode(options) {
  const request$1 = options.request || request;
  const parameters = {
    client_id: options.clientId
  };
  if ("scopes" in options && Array.isArray(options.scopes)) {
    parameters.scope = options.scopes.join(" ");
  }
  return oauthRequest(request$1, "POST /login/device/code", parameters);
}
async function exchangeDeviceCode(options) {
  const request$1 = options.request || request;
  const response = await oauthRequest(
    request$1,
    "POST /login/oauth/access_token",
    {
      client_id: options.clientId,
      device_code: options.code,
      grant_type: "urn:ietf:params:oauth:grant-type:device_code"
    }
  );
  const authentication = {
    clientType: options.clientType,
    clientId: options.clientId,
    token: response.data.access_token,
    scopes: response.data.scope.split(/\s+/).filter(Boolean)
  };
  if ("clientSecret" in options) {
    authentication.clientSecret = options.clientSecret;
  }
  if (options.clientType === "github-app") {
    if ("refresh_token" in response.data) {
      const apiTimeInMs = new Date(response.headers.date).getTime();
      authentication.refreshToken = response.data.refresh_token, authentication.expiresAt = toTimestamp2(
        apiTimeInMs,
        response.data.expires_in
      ), authentication.refreshTokenExpiresAt = toTimestamp2(
        apiTimeInMs,
        response.data.refresh_token_expires_in
      );
    }
    delete authentication.scopes;
  }
  return { ...response, authentication };
}
function toTimestamp2(apiTimeInMs, expirationInSeconds) {
  return new Date(apiTimeInMs + expirationInSeconds * 1e3).toISOString();
}
async function checkToken(options) {
  const request$1 = options.request || request;
  const response = await request$1("POST /applications/{client_id}/token", {
    headers: {
      authorization: `basic ${btoa(
        `${options.clientId}:${options.clientSecret}`
      )}`
    },
    client_id: options.clientId,
    access_token: options.token
  });
  const authentication = {
    clientType: options.clientType,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    token: options.token,
    scopes: response.data.scopes
  };
  if (response.data.expires_at)
    authentication.expiresAt = response.data.expires_at;
  if (options.clientType === "github-app") {
    delete authentication.scopes;
  }
  return { ...response, authentication };
}
async function refreshToken(options) {
  const request$1 = options.request || request;
  const response = await oauthRequest(
    request$1,
    "POST /login/oauth/access_token",
    {
      client_id: options.clientId,
      client_secret: options.clientSecret,
      grant_type: "refresh_token",
      refresh_token: options.refreshToken
    }
  );
  const apiTimeInMs = new Date(response.headers.date).getTime();
  const authentication = {
    clientType: "github-app",
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    token: response.data.access_token,
    refreshToken: response.data.refresh_token,
    expiresAt: toTimestamp3(apiTimeInMs, response.data.expires_in),
    refreshTokenExpiresAt: toTimestamp3(
      apiTimeInMs,
      response.data.refresh_token_expires_in
    )
  };
  return { ...response, authentication };
}
function toTimestamp3(apiTimeInMs, expirationInSeconds) {
  return new Date(apiTimeInMs + expirationInSeconds * 1e3).toISOString();
}
async function scopeToken(options) {
  const {
    request: optionsRequest,
    clientType,
    clientId,
    clientSecret,
    token,
    ...requestOptions
  } = options;
  const request$1 = options.request || request;
  const response = await request$1(
    "POST /applications/{client_id}/token/scoped",
    {
      headers: {
        authorization: `basic ${btoa(`${clientId}:${clientSecret}`)}`
      },
      client_id: clientId,
      access_token: token,
      ...requestOptions
    }
  );
  const authentication = Object.assign(
    {
      clientType,
      clientId,
      clientSecret,
      token: response.data.token
    },
    response.data.expires_at ? { expiresAt: response.data.expires_at } : {}
  );
  return { ...response, authentication };
}
async function resetToken(options) {
  const request$1 = options.request || request;
  const auth = btoa(`${options.clientId}:${options.clientSecret}`);
  const response = await request$1(
    "PATCH /applications/{client_id}/token",
    {
      headers: {
        authorization: `basic ${auth}`
      },
      client_id: options.clientId,
      access_token: options.token
    }
  );
  const authentication = {
    clientType: options.clientType,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    token: response.data.token,
    scopes: response.data.scopes
  };
  if (response.data.expires_at)
    authentication.expiresAt = response.data.expires_at;
  if (options.clientType === "github-app") {
    delete authentication.scopes;
  }
  return { ...response, authentication };
}
async function deleteToken(options) {
  const request$1 = options.request || request;
  const auth = btoa(`${options.clientId}:${options.clientSecret}`);
  return request$1(
    "DELETE /applications/{client_id}/token",
    {
      headers: {
        authorization: `basic ${auth}`
      },
      client_id: options.clientId,
      access_token: options.token
    }
  );
}
async function deleteAuthorization(options) {
  const request$1 = options.request || request;
  const auth = btoa(`${options.clientId}:${options.clientSecret}`);
  return request$1(
    "DELETE /applications/{client_id}/grant",
    {
      headers: {
        authorization: `basic ${auth}`
      },
      client_id: options.clientId,
      access_token: options.token
    }
  );
}
/* v8 ignore next: we always pass a custom request in tests -- @preserve */

// pkg/dist-src/index.js
async function getOAuthAccessToken(state, options) {
  const cachedAuthentication = getCachedAuthentication(state, options.auth);
  if (cachedAuthentication) return cachedAuthentication;
  const { data: verification } = await createDeviceCode({
    clientType: state.clientType,
    clientId: state.clientId,
    request: options.request || state.request,
    // @ts-expect-error the extra code to make TS happy is not worth it
    scopes: options.auth.scopes || state.scopes
  });
  await state.onVerification(verification);
  const authentication = await waitForAccessToken(
    options.request || state.request,
    state.clientId,
    state.clientType,
    verification
  );
  state.authentication = authentication;
  return authentication;
}
function getCachedAuthentication(state, auth2) {
  if (auth2.refresh === true) return false;
  if (!state.authentication) return false;
  if (state.clientType === "github-app") {
    return state.authentication;
  }
  const authentication = state.authentication;
  const newScope = ("scopes" in auth2 && auth2.scopes || state.scopes).join(
    " "
  );
  const currentScope = authentication.scopes.join(" ");
  return newScope === currentScope ? authentication : false;
}
async function wait(seconds) {
  await new Promise((resolve) => setTimeout(resolve, seconds * 1e3));
}
async function waitForAccessToken(request, clientId, clientType, verification) {
  try {
    const options = {
      clientId,
      request,
      code: verification.device_code
    };
    const { authentication } = clientType === "oauth-app" ? await exchangeDeviceCode({
      ...options,
      clientType: "oauth-app"
    }) : await exchangeDeviceCode({
      ...options,
      clientType: "github-app"
    });
    return {
      type: "token",
      tokenType: "oauth",
      ...authentication
    };
  } catch (error) {
    if (!error.response) throw error;
    const errorType = error.response.data.error;
    if (errorType === "authorization_pending") {
      await wait(verification.interval);
      return waitForAccessToken(request, clientId, clientType, verification);
    }
    if (errorType === "slow_down") {
      await wait(verification.interval + 7);
      return waitForAccessToken(request, clientId, clientType, verification);
    }
    throw error;
  }
}

// pkg/dist-src/auth.js
async function auth$4(state, authOptions) {
  return getOAuthAccessToken(state, {
    auth: authOptions
  });
}

// pkg/dist-src/hook.js
async function hook$4(state, request, route, parameters) {
  let endpoint = request.endpoint.merge(
    route,
    parameters
  );
  if (/\/login\/(oauth\/access_token|device\/code)$/.test(endpoint.url)) {
    return request(endpoint);
  }
  const { token } = await getOAuthAccessToken(state, {
    request,
    auth: { type: "oauth" }
  });
  endpoint.headers.authorization = `token ${token}`;
  return request(endpoint);
}

// pkg/dist-src/version.js
var VERSION$6 = "0.0.0-development";

// pkg/dist-src/index.js
function createOAuthDeviceAuth(options) {
  const requestWithDefaults = options.request || request.defaults({
    headers: {
      "user-agent": `octokit-auth-oauth-device.js/${VERSION$6} ${getUserAgent()}`
    }
  });
  const { request: request$1 = requestWithDefaults, ...otherOptions } = options;
  const state = options.clientType === "github-app" ? {
    ...otherOptions,
    clientType: "github-app",
    request: request$1
  } : {
    ...otherOptions,
    clientType: "oauth-app",
    request: request$1,
    scopes: options.scopes || []
  };
  if (!options.clientId) {
    throw new Error(
      '[@octokit/auth-oauth-device] "clientId" option must be set (https://github.com/octokit/auth-oauth-device.js#usage)'
    );
  }
  if (!options.onVerification) {
    throw new Error(
      '[@octokit/auth-oauth-device] "onVerification" option must be a function (https://github.com/octokit/auth-oauth-device.js#usage)'
    );
  }
  return Object.assign(auth$4.bind(null, state), {
    hook: hook$4.bind(null, state)
  });
}
/* v8 ignore next 2 -- @preserve */

// pkg/dist-src/index.js

// pkg/dist-src/version.js
var VERSION$5 = "0.0.0-development";
async function getAuthentication(state) {
  if ("code" in state.strategyOptions) {
    const { authentication } = await exchangeWebFlowCode({
      clientId: state.clientId,
      clientSecret: state.clientSecret,
      clientType: state.clientType,
      onTokenCreated: state.onTokenCreated,
      ...state.strategyOptions,
      request: state.request
    });
    return {
      type: "token",
      tokenType: "oauth",
      ...authentication
    };
  }
  if ("onVerification" in state.strategyOptions) {
    const deviceAuth = createOAuthDeviceAuth({
      clientType: state.clientType,
      clientId: state.clientId,
      onTokenCreated: state.onTokenCreated,
      ...state.strategyOptions,
      request: state.request
    });
    const authentication = await deviceAuth({
      type: "oauth"
    });
    return {
      clientSecret: state.clientSecret,
      ...authentication
    };
  }
  if ("token" in state.strategyOptions) {
    return {
      type: "token",
      tokenType: "oauth",
      clientId: state.clientId,
      clientSecret: state.clientSecret,
      clientType: state.clientType,
      onTokenCreated: state.onTokenCreated,
      ...state.strategyOptions
    };
  }
  throw new Error("[@octokit/auth-oauth-user] Invalid strategy options");
}
async function auth$3(state, options = {}) {
  if (!state.authentication) {
    state.authentication = state.clientType === "oauth-app" ? await getAuthentication(state) : await getAuthentication(state);
  }
  if (state.authentication.invalid) {
    throw new Error("[@octokit/auth-oauth-user] Token is invalid");
  }
  const currentAuthentication = state.authentication;
  if ("expiresAt" in currentAuthentication) {
    if (options.type === "refresh" || new Date(currentAuthentication.expiresAt) < /* @__PURE__ */ new Date()) {
      const { authentication } = await refreshToken({
        clientId: state.clientId,
        clientSecret: state.clientSecret,
        refreshToken: currentAuthentication.refreshToken,
        request: state.request
      });
      state.authentication = {
        tokenType: "oauth",
        type: "token",
        ...authentication
      };
    }
  }
  if (options.type === "refresh") {
    if (state.clientType === "oauth-app") {
      throw new Error(
        "[@octokit/auth-oauth-user] OAuth Apps do not support expiring tokens"
      );
    }
    if (!currentAuthentication.hasOwnProperty("expiresAt")) {
      throw new Error("[@octokit/auth-oauth-user] Refresh token missing");
    }
    await state.onTokenCreated?.(state.authentication, {
      type: options.type
    });
  }
  if (options.type === "check" || options.type === "reset") {
    const method = options.type === "check" ? checkToken : resetToken;
    try {
      const { authentication } = await method({
        // @ts-expect-error making TS happy would require unnecessary code so no
        clientType: state.clientType,
        clientId: state.clientId,
        clientSecret: state.clientSecret,
        token: state.authentication.token,
        request: state.request
      });
      state.authentication = {
        tokenType: "oauth",
        type: "token",
        // @ts-expect-error TBD
        ...authentication
      };
      if (options.type === "reset") {
        await state.onTokenCreated?.(state.authentication, {
          type: options.type
        });
      }
      return state.authentication;
    } catch (error) {
      if (error.status === 404) {
        error.message = "[@octokit/auth-oauth-user] Token is invalid";
        state.authentication.invalid = true;
      }
      throw error;
    }
  }
  if (options.type === "delete" || options.type === "deleteAuthorization") {
    const method = options.type === "delete" ? deleteToken : deleteAuthorization;
    try {
      await method({
        // @ts-expect-error making TS happy would require unnecessary code so no
        clientType: state.clientType,
        clientId: state.clientId,
        clientSecret: state.clientSecret,
        token: state.authentication.token,
        request: state.request
      });
    } catch (error) {
      if (error.status !== 404) throw error;
    }
    state.authentication.invalid = true;
    return state.authentication;
  }
  return state.authentication;
}

// pkg/dist-src/requires-basic-auth.js
var ROUTES_REQUIRING_BASIC_AUTH = /\/applications\/[^/]+\/(token|grant)s?/;
function requiresBasicAuth(url) {
  return url && ROUTES_REQUIRING_BASIC_AUTH.test(url);
}

// pkg/dist-src/hook.js
async function hook$3(state, request, route, parameters = {}) {
  const endpoint = request.endpoint.merge(
    route,
    parameters
  );
  if (/\/login\/(oauth\/access_token|device\/code)$/.test(endpoint.url)) {
    return request(endpoint);
  }
  if (requiresBasicAuth(endpoint.url)) {
    const credentials = btoa(`${state.clientId}:${state.clientSecret}`);
    endpoint.headers.authorization = `basic ${credentials}`;
    return request(endpoint);
  }
  const { token } = state.clientType === "oauth-app" ? await auth$3({ ...state, request }) : await auth$3({ ...state, request });
  endpoint.headers.authorization = "token " + token;
  return request(endpoint);
}

// pkg/dist-src/index.js
function createOAuthUserAuth({
  clientId,
  clientSecret,
  clientType = "oauth-app",
  request: request$1 = request.defaults({
    headers: {
      "user-agent": `octokit-auth-oauth-app.js/${VERSION$5} ${getUserAgent()}`
    }
  }),
  onTokenCreated,
  ...strategyOptions
}) {
  const state = Object.assign({
    clientType,
    clientId,
    clientSecret,
    onTokenCreated,
    strategyOptions,
    request: request$1
  });
  return Object.assign(auth$3.bind(null, state), {
    // @ts-expect-error not worth the extra code needed to appease TS
    hook: hook$3.bind(null, state)
  });
}
createOAuthUserAuth.VERSION = VERSION$5;
/* v8 ignore if -- @preserve */
/* v8 ignore next -- @preserve */

// pkg/dist-src/index.js
async function auth$2(state, authOptions) {
  if (authOptions.type === "oauth-app") {
    return {
      type: "oauth-app",
      clientId: state.clientId,
      clientSecret: state.clientSecret,
      clientType: state.clientType,
      headers: {
        authorization: `basic ${btoa(
          `${state.clientId}:${state.clientSecret}`
        )}`
      }
    };
  }
  if ("factory" in authOptions) {
    const { type, ...options } = {
      ...authOptions,
      ...state
    };
    return authOptions.factory(options);
  }
  const common = {
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    request: state.request,
    ...authOptions
  };
  const userAuth = state.clientType === "oauth-app" ? await createOAuthUserAuth({
    ...common,
    clientType: state.clientType
  }) : await createOAuthUserAuth({
    ...common,
    clientType: state.clientType
  });
  return userAuth();
}
async function hook$2(state, request2, route, parameters) {
  let endpoint = request2.endpoint.merge(
    route,
    parameters
  );
  if (/\/login\/(oauth\/access_token|device\/code)$/.test(endpoint.url)) {
    return request2(endpoint);
  }
  if (state.clientType === "github-app" && !requiresBasicAuth(endpoint.url)) {
    throw new Error(
      `[@octokit/auth-oauth-app] GitHub Apps cannot use their client ID/secret for basic authentication for endpoints other than "/applications/{client_id}/**". "${endpoint.method} ${endpoint.url}" is not supported.`
    );
  }
  const credentials = btoa(`${state.clientId}:${state.clientSecret}`);
  endpoint.headers.authorization = `basic ${credentials}`;
  try {
    return await request2(endpoint);
  } catch (error) {
    if (error.status !== 401) throw error;
    error.message = `[@octokit/auth-oauth-app] "${endpoint.method} ${endpoint.url}" does not support clientId/clientSecret basic authentication.`;
    throw error;
  }
}

// pkg/dist-src/version.js
var VERSION$4 = "0.0.0-development";
function createOAuthAppAuth(options) {
  const state = Object.assign(
    {
      request: request.defaults({
        headers: {
          "user-agent": `octokit-auth-oauth-app.js/${VERSION$4} ${getUserAgent()}`
        }
      }),
      clientType: "oauth-app"
    },
    options
  );
  return Object.assign(auth$2.bind(null, state), {
    hook: hook$2.bind(null, state)
  });
}
/* v8 ignore next -- @preserve */

// we don't @ts-check here because it chokes on atob and btoa which are available in all modern JS runtime environments

/**
 * @param {string} privateKey
 * @returns {boolean}
 */
function isPkcs1(privateKey) {
  return privateKey.includes("-----BEGIN RSA PRIVATE KEY-----");
}

/**
 * @param {string} privateKey
 * @returns {boolean}
 */
function isOpenSsh(privateKey) {
  return privateKey.includes("-----BEGIN OPENSSH PRIVATE KEY-----");
}

/**
 * @param {string} str
 * @returns {ArrayBuffer}
 */
function string2ArrayBuffer(str) {
  const buf = new ArrayBuffer(str.length);
  const bufView = new Uint8Array(buf);
  for (let i = 0, strLen = str.length; i < strLen; i++) {
    bufView[i] = str.charCodeAt(i);
  }
  return buf;
}

/**
 * @param {string} pem
 * @returns {ArrayBuffer}
 */
function getDERfromPEM(pem) {
  const pemB64 = pem
    .trim()
    .split("\n")
    .slice(1, -1) // Remove the --- BEGIN / END PRIVATE KEY ---
    .join("");

  const decoded = atob(pemB64);
  return string2ArrayBuffer(decoded);
}

/**
 * @param {import('../internals').Header} header
 * @param {import('../internals').Payload} payload
 * @returns {string}
 */
function getEncodedMessage(header, payload) {
  return `${base64encodeJSON(header)}.${base64encodeJSON(payload)}`;
}

/**
 * @param {ArrayBuffer} buffer
 * @returns {string}
 */
function base64encode(buffer) {
  var binary = "";
  var bytes = new Uint8Array(buffer);
  var len = bytes.byteLength;
  for (var i = 0; i < len; i++) {
    binary += String.fromCharCode(bytes[i]);
  }

  return fromBase64(btoa(binary));
}

/**
 * @param {string} base64
 * @returns {string}
 */
function fromBase64(base64) {
  return base64.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
}

/**
 * @param {Record<string,unknown>} obj
 * @returns {string}
 */
function base64encodeJSON(obj) {
  return fromBase64(btoa(JSON.stringify(obj)));
}

const { subtle } = globalThis.crypto;

// no-op, unfortunately there is no way to transform from PKCS8 or OpenSSH to PKCS1 with WebCrypto
function convertPrivateKey(privateKey) {
  return privateKey;
}

// we don't @ts-check here because it chokes crypto which is a global API in modern JS runtime environments


/**
 * @param {import('../internals').GetTokenOptions} options
 * @returns {Promise<string>}
 */
async function getToken({ privateKey, payload }) {
  const convertedPrivateKey = convertPrivateKey(privateKey);

  // WebCrypto only supports PKCS#8, unfortunately
  /* c8 ignore start */
  if (isPkcs1(convertedPrivateKey)) {
    throw new Error(
      "[universal-github-app-jwt] Private Key is in PKCS#1 format, but only PKCS#8 is supported. See https://github.com/gr2m/universal-github-app-jwt#private-key-formats"
    );
  }
  /* c8 ignore stop */

  // WebCrypto does not support OpenSSH, unfortunately
  if (isOpenSsh(convertedPrivateKey)) {
    throw new Error(
      "[universal-github-app-jwt] Private Key is in OpenSSH format, but only PKCS#8 is supported. See https://github.com/gr2m/universal-github-app-jwt#private-key-formats"
    );
  }

  const algorithm = {
    name: "RSASSA-PKCS1-v1_5",
    hash: { name: "SHA-256" },
  };

  /** @type {import('../internals').Header} */
  const header = { alg: "RS256", typ: "JWT" };

  const privateKeyDER = getDERfromPEM(convertedPrivateKey);
  const importedKey = await subtle.importKey(
    "pkcs8",
    privateKeyDER,
    algorithm,
    false,
    ["sign"]
  );

  const encodedMessage = getEncodedMessage(header, payload);
  const encodedMessageArrBuf = string2ArrayBuffer(encodedMessage);

  const signatureArrBuf = await subtle.sign(
    algorithm.name,
    importedKey,
    encodedMessageArrBuf
  );

  const encodedSignature = base64encode(signatureArrBuf);

  return `${encodedMessage}.${encodedSignature}`;
}

// @ts-check


/**
 * @param {import(".").Options} options
 * @returns {Promise<import(".").Result>}
 */
async function githubAppJwt({
  id,
  privateKey,
  now = Math.floor(Date.now() / 1000),
}) {
  // Private keys are often times configured as environment variables, in which case line breaks are escaped using `\\n`.
  // Replace these here for convenience.
  const privateKeyWithNewlines = privateKey.replace(/\\n/g, '\n');

  // When creating a JSON Web Token, it sets the "issued at time" (iat) to 30s
  // in the past as we have seen people running situations where the GitHub API
  // claimed the iat would be in future. It turned out the clocks on the
  // different machine were not in sync.
  const nowWithSafetyMargin = now - 30;
  const expiration = nowWithSafetyMargin + 60 * 10; // JWT expiration time (10 minute maximum)

  const payload = {
    iat: nowWithSafetyMargin, // Issued at time
    exp: expiration,
    iss: id,
  };

  const token = await getToken({
    privateKey: privateKeyWithNewlines,
    payload,
  });

  return {
    appId: id,
    expiration,
    token,
  };
}

/**
 * toad-cache
 *
 * @copyright 2026 Igor Savin <kibertoad@gmail.com>
 * @license MIT
 * @version 3.7.3
 */
/**
 * Validates the shared cache constructor parameters.
 * Both values must be non-negative integers.
 *
 * @param {number} max
 * @param {number} ttlInMsecs
 */
function validateCacheParams(max, ttlInMsecs) {
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 0) {
    throw new Error('Invalid max value')
  }

  if (typeof ttlInMsecs !== 'number' || !Number.isInteger(ttlInMsecs) || ttlInMsecs < 0) {
    throw new Error('Invalid ttl value')
  }
}class LruObject {
  constructor(max = 1000, ttlInMsecs = 0) {
    validateCacheParams(max, ttlInMsecs);

    this.first = null;
    this.items = Object.create(null);
    this.last = null;
    this.size = 0;
    this.max = max;
    this.ttl = ttlInMsecs;
  }

  bumpLru(item) {
    if (this.last === item) {
      return // Item is already the last one, no need to bump
    }

    const last = this.last;
    const next = item.next;
    const prev = item.prev;

    if (this.first === item) {
      this.first = next;
    }

    item.next = null;
    item.prev = last;
    last.next = item;

    if (prev !== null) {
      prev.next = next;
    }

    /* v8 ignore next 3 -- next is always non-null here: the early return above guarantees item !== this.last in a well-formed list */
    if (next !== null) {
      next.prev = prev;
    }

    this.last = item;
  }

  clear() {
    this.items = Object.create(null);
    this.first = null;
    this.last = null;
    this.size = 0;
  }

  delete(key) {
    const item = this.items[key];

    if (item !== undefined) {
      delete this.items[key];
      this.size--;

      if (item.prev !== null) {
        item.prev.next = item.next;
      }

      if (item.next !== null) {
        item.next.prev = item.prev;
      }

      if (this.first === item) {
        this.first = item.next;
      }

      if (this.last === item) {
        this.last = item.prev;
      }
    }
  }

  deleteMany(keys) {
    for (var i = 0; i < keys.length; i++) {
      this.delete(keys[i]);
    }
  }

  evict() {
    if (this.size > 0) {
      const item = this.first;

      delete this.items[item.key];

      if (--this.size === 0) {
        this.first = null;
        this.last = null;
      } else {
        this.first = item.next;
        this.first.prev = null;
      }
    }
  }

  expiresAt(key) {
    const item = this.items[key];

    if (item !== undefined) {
      return item.expiry
    }
  }

  get(key) {
    const item = this.items[key];

    if (item !== undefined) {
      // Item has already expired
      if (this.ttl > 0 && item.expiry <= Date.now()) {
        this.delete(key);
        return
      }

      // Item is still fresh
      this.bumpLru(item);
      return item.value
    }
  }

  getMany(keys) {
    const result = new Array(keys.length);

    for (var i = 0; i < keys.length; i++) {
      result[i] = this.get(keys[i]);
    }

    return result
  }

  keys() {
    return Object.keys(this.items)
  }

  set(key, value) {
    // Replace existing item
    const existing = this.items[key];

    if (existing !== undefined) {
      existing.value = value;
      existing.expiry = this.ttl > 0 ? Date.now() + this.ttl : this.ttl;
      this.bumpLru(existing);

      return
    }

    // Add new item
    if (this.max > 0 && this.size >= this.max) {
      this.evict();
    }

    const item = {
      expiry: this.ttl > 0 ? Date.now() + this.ttl : this.ttl,
      key: key,
      prev: this.last,
      next: null,
      value,
    };
    this.items[key] = item;

    if (++this.size === 1) {
      this.first = item;
    } else {
      this.last.next = item;
    }

    this.last = item;
  }
}/**
 *
 * @param {Date} date
 * @returns {string}
 */

// pkg/dist-src/index.js
async function getAppAuthentication({
  appId,
  privateKey,
  timeDifference,
  createJwt
}) {
  try {
    if (createJwt) {
      const { jwt, expiresAt } = await createJwt(appId, timeDifference);
      return {
        type: "app",
        token: jwt,
        appId,
        expiresAt
      };
    }
    const authOptions = {
      id: appId,
      privateKey
    };
    if (timeDifference) {
      Object.assign(authOptions, {
        now: Math.floor(Date.now() / 1e3) + timeDifference
      });
    }
    const appAuthentication = await githubAppJwt(authOptions);
    return {
      type: "app",
      token: appAuthentication.token,
      appId: appAuthentication.appId,
      expiresAt: new Date(appAuthentication.expiration * 1e3).toISOString()
    };
  } catch (error) {
    if (privateKey === "-----BEGIN RSA PRIVATE KEY-----") {
      throw new Error(
        "The 'privateKey` option contains only the first line '-----BEGIN RSA PRIVATE KEY-----'. If you are setting it using a `.env` file, make sure it is set on a single line with newlines replaced by '\n'"
      );
    } else {
      throw error;
    }
  }
}
function getCache() {
  return new LruObject(
    // cache max. 15000 tokens, that will use less than 10mb memory
    15e3,
    // Cache for 1 minute less than GitHub expiry
    1e3 * 60 * 59
  );
}
async function get(cache, options) {
  const cacheKey = optionsToCacheKey(options);
  const result = await cache.get(cacheKey);
  if (!result) {
    return;
  }
  const [
    token,
    createdAt,
    expiresAt,
    repositorySelection,
    permissionsString,
    singleFileName
  ] = result.split("|");
  const permissions = options.permissions || permissionsString.split(/,/).reduce((permissions2, string) => {
    if (/!$/.test(string)) {
      permissions2[string.slice(0, -1)] = "write";
    } else {
      permissions2[string] = "read";
    }
    return permissions2;
  }, {});
  return {
    token,
    createdAt,
    expiresAt,
    permissions,
    repositoryIds: options.repositoryIds,
    repositoryNames: options.repositoryNames,
    singleFileName,
    repositorySelection
  };
}
async function set(cache, options, data) {
  const key = optionsToCacheKey(options);
  const permissionsString = options.permissions ? "" : Object.keys(data.permissions).map(
    (name) => `${name}${data.permissions[name] === "write" ? "!" : ""}`
  ).join(",");
  const value = [
    data.token,
    data.createdAt,
    data.expiresAt,
    data.repositorySelection,
    permissionsString,
    data.singleFileName
  ].join("|");
  await cache.set(key, value);
}
function optionsToCacheKey({
  installationId,
  permissions = {},
  repositoryIds = [],
  repositoryNames = []
}) {
  const permissionsString = Object.keys(permissions).sort().map((name) => permissions[name] === "read" ? name : `${name}!`).join(",");
  const repositoryIdsString = repositoryIds.sort().join(",");
  const repositoryNamesString = repositoryNames.join(",");
  return [
    installationId,
    repositoryIdsString,
    repositoryNamesString,
    permissionsString
  ].filter(Boolean).join("|");
}

// pkg/dist-src/to-token-authentication.js
function toTokenAuthentication({
  installationId,
  token,
  createdAt,
  expiresAt,
  repositorySelection,
  permissions,
  repositoryIds,
  repositoryNames,
  singleFileName
}) {
  return Object.assign(
    {
      type: "token",
      tokenType: "installation",
      token,
      installationId,
      permissions,
      createdAt,
      expiresAt,
      repositorySelection
    },
    repositoryIds ? { repositoryIds } : null,
    repositoryNames ? { repositoryNames } : null,
    singleFileName ? { singleFileName } : null
  );
}

// pkg/dist-src/get-installation-authentication.js
async function getInstallationAuthentication(state, options, customRequest) {
  const installationId = Number(options.installationId || state.installationId);
  if (!installationId) {
    throw new Error(
      "[@octokit/auth-app] installationId option is required for installation authentication."
    );
  }
  if (options.factory) {
    const { type, factory, oauthApp, ...factoryAuthOptions } = {
      ...state,
      ...options
    };
    return factory(factoryAuthOptions);
  }
  const request = customRequest || state.request;
  return getInstallationAuthenticationConcurrently(
    state,
    { ...options, installationId },
    request
  );
}
var pendingPromises = /* @__PURE__ */ new Map();
function getInstallationAuthenticationConcurrently(state, options, request) {
  const cacheKey = optionsToCacheKey(options);
  if (pendingPromises.has(cacheKey)) {
    return pendingPromises.get(cacheKey);
  }
  const promise = getInstallationAuthenticationImpl(
    state,
    options,
    request
  ).finally(() => pendingPromises.delete(cacheKey));
  pendingPromises.set(cacheKey, promise);
  return promise;
}
async function getInstallationAuthenticationImpl(state, options, request) {
  if (!options.refresh) {
    const result = await get(state.cache, options);
    if (result) {
      const {
        token: token2,
        createdAt: createdAt2,
        expiresAt: expiresAt2,
        permissions: permissions2,
        repositoryIds: repositoryIds2,
        repositoryNames: repositoryNames2,
        singleFileName: singleFileName2,
        repositorySelection: repositorySelection2
      } = result;
      return toTokenAuthentication({
        installationId: options.installationId,
        token: token2,
        createdAt: createdAt2,
        expiresAt: expiresAt2,
        permissions: permissions2,
        repositorySelection: repositorySelection2,
        repositoryIds: repositoryIds2,
        repositoryNames: repositoryNames2,
        singleFileName: singleFileName2
      });
    }
  }
  const appAuthentication = await getAppAuthentication(state);
  const payload = {
    installation_id: options.installationId,
    mediaType: {
      previews: ["machine-man"]
    },
    headers: {
      authorization: `bearer ${appAuthentication.token}`
    }
  };
  if (options.repositoryIds) {
    Object.assign(payload, { repository_ids: options.repositoryIds });
  }
  if (options.repositoryNames) {
    Object.assign(payload, {
      repositories: options.repositoryNames
    });
  }
  if (options.permissions) {
    Object.assign(payload, { permissions: options.permissions });
  }
  const {
    data: {
      token,
      expires_at: expiresAt,
      repositories,
      permissions: permissionsOptional,
      repository_selection: repositorySelectionOptional,
      single_file: singleFileName
    }
  } = await request(
    "POST /app/installations/{installation_id}/access_tokens",
    payload
  );
  const permissions = permissionsOptional || {};
  const repositorySelection = repositorySelectionOptional || "all";
  const repositoryIds = repositories ? repositories.map((r) => r.id) : void 0;
  const repositoryNames = repositories ? repositories.map((repo) => repo.name) : void 0;
  const createdAt = (/* @__PURE__ */ new Date()).toISOString();
  const cacheOptions = {
    token,
    createdAt,
    expiresAt,
    repositorySelection,
    permissions};
  if (singleFileName) {
    Object.assign(payload, { singleFileName });
  }
  await set(state.cache, options, cacheOptions);
  const cacheData = {
    installationId: options.installationId,
    token,
    createdAt,
    expiresAt,
    repositorySelection,
    permissions,
    repositoryIds,
    repositoryNames
  };
  if (singleFileName) {
    Object.assign(cacheData, { singleFileName });
  }
  return toTokenAuthentication(cacheData);
}

// pkg/dist-src/auth.js
async function auth$1(state, authOptions) {
  switch (authOptions.type) {
    case "app":
      return getAppAuthentication(state);
    case "oauth-app":
      return state.oauthApp({ type: "oauth-app" });
    case "installation":
      return getInstallationAuthentication(state, {
        ...authOptions,
        type: "installation"
      });
    case "oauth-user":
      return state.oauthApp(authOptions);
    default:
      throw new Error(`Invalid auth type: ${authOptions.type}`);
  }
}

// pkg/dist-src/requires-app-auth.js
var PATHS = [
  "/app",
  "/app/hook/config",
  "/app/hook/deliveries",
  "/app/hook/deliveries/{delivery_id}",
  "/app/hook/deliveries/{delivery_id}/attempts",
  "/app/installations",
  "/app/installations/{installation_id}",
  "/app/installations/{installation_id}/access_tokens",
  "/app/installations/{installation_id}/suspended",
  "/app/installation-requests",
  "/marketplace_listing/accounts/{account_id}",
  "/marketplace_listing/plan",
  "/marketplace_listing/plans",
  "/marketplace_listing/plans/{plan_id}/accounts",
  "/marketplace_listing/stubbed/accounts/{account_id}",
  "/marketplace_listing/stubbed/plan",
  "/marketplace_listing/stubbed/plans",
  "/marketplace_listing/stubbed/plans/{plan_id}/accounts",
  "/orgs/{org}/installation",
  "/repos/{owner}/{repo}/installation",
  "/users/{username}/installation",
  "/enterprises/{enterprise}/installation"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (p) => p.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})$`;
  return new RegExp(regex, "i");
}
var REGEX = routeMatcher(PATHS);
function requiresAppAuth(url) {
  return !!url && REGEX.test(url.split("?")[0]);
}

// pkg/dist-src/hook.js
var FIVE_SECONDS_IN_MS = 5 * 1e3;
function isNotTimeSkewError(error) {
  return !(error.message.match(
    /'Expiration time' claim \('exp'\) is too far in the future/
  ) || error.message.match(
    /'Expiration time' claim \('exp'\) must be a numeric value representing the future time at which the assertion expires/
  ) || error.message.match(
    /'Issued at' claim \('iat'\) must be an Integer representing the time that the assertion was issued/
  ));
}
async function hook$1(state, request, route, parameters) {
  const endpoint = request.endpoint.merge(route, parameters);
  const url = endpoint.url;
  if (/\/login\/oauth\/access_token$/.test(url)) {
    return request(endpoint);
  }
  if (requiresAppAuth(url.replace(request.endpoint.DEFAULTS.baseUrl, ""))) {
    const { token: token2 } = await getAppAuthentication(state);
    endpoint.headers.authorization = `bearer ${token2}`;
    let response;
    try {
      response = await request(endpoint);
    } catch (error) {
      if (isNotTimeSkewError(error)) {
        throw error;
      }
      if (typeof error.response.headers.date === "undefined") {
        throw error;
      }
      const diff = Math.floor(
        (Date.parse(error.response.headers.date) - Date.parse((/* @__PURE__ */ new Date()).toString())) / 1e3
      );
      state.log.warn(error.message);
      state.log.warn(
        `[@octokit/auth-app] GitHub API time and system time are different by ${diff} seconds. Retrying request with the difference accounted for.`
      );
      const { token: token3 } = await getAppAuthentication({
        ...state,
        timeDifference: diff
      });
      endpoint.headers.authorization = `bearer ${token3}`;
      return request(endpoint);
    }
    return response;
  }
  if (requiresBasicAuth(url)) {
    const authentication = await state.oauthApp({ type: "oauth-app" });
    endpoint.headers.authorization = authentication.headers.authorization;
    return request(endpoint);
  }
  const { token, createdAt } = await getInstallationAuthentication(
    state,
    // @ts-expect-error TBD
    {},
    request.defaults({ baseUrl: endpoint.baseUrl })
  );
  endpoint.headers.authorization = `token ${token}`;
  return sendRequestWithRetries(
    state,
    request,
    endpoint,
    createdAt
  );
}
async function sendRequestWithRetries(state, request, options, createdAt, retries = 0) {
  const timeSinceTokenCreationInMs = +/* @__PURE__ */ new Date() - +new Date(createdAt);
  try {
    return await request(options);
  } catch (error) {
    if (error.status !== 401) {
      throw error;
    }
    if (timeSinceTokenCreationInMs >= FIVE_SECONDS_IN_MS) {
      if (retries > 0) {
        error.message = `After ${retries} retries within ${timeSinceTokenCreationInMs / 1e3}s of creating the installation access token, the response remains 401. At this point, the cause may be an authentication problem or a system outage. Please check https://www.githubstatus.com for status information`;
      }
      throw error;
    }
    ++retries;
    const awaitTime = retries * 1e3;
    state.log.warn(
      `[@octokit/auth-app] Retrying after 401 response to account for token replication delay (retry: ${retries}, wait: ${awaitTime / 1e3}s)`
    );
    await new Promise((resolve) => setTimeout(resolve, awaitTime));
    return sendRequestWithRetries(state, request, options, createdAt, retries);
  }
}

// pkg/dist-src/version.js
var VERSION$3 = "8.3.1";
function createAppAuth(options) {
  if (!options.appId) {
    throw new Error("[@octokit/auth-app] appId option is required");
  }
  if (!options.privateKey && !options.createJwt) {
    throw new Error("[@octokit/auth-app] privateKey option is required");
  } else if (options.privateKey && options.createJwt) {
    throw new Error(
      "[@octokit/auth-app] privateKey and createJwt options are mutually exclusive"
    );
  }
  if ("installationId" in options && !options.installationId) {
    throw new Error(
      "[@octokit/auth-app] installationId is set to a falsy value"
    );
  }
  const log = options.log || {};
  if (typeof log.warn !== "function") {
    log.warn = console.warn.bind(console);
  }
  const request$1 = options.request || request.defaults({
    headers: {
      "user-agent": `octokit-auth-app.js/${VERSION$3} ${getUserAgent()}`
    }
  });
  const state = Object.assign(
    {
      request: request$1,
      cache: getCache()
    },
    options,
    options.installationId ? { installationId: Number(options.installationId) } : {},
    {
      log,
      oauthApp: createOAuthAppAuth({
        clientType: "github-app",
        clientId: options.clientId || "",
        clientSecret: options.clientSecret || "",
        request: request$1
      })
    }
  );
  return Object.assign(auth$1.bind(null, state), {
    hook: hook$1.bind(null, state)
  });
}
/* v8 ignore next - permissions are optional per OpenAPI spec, but we think that is incorrect -- @preserve */
/* v8 ignore next - repositorySelection are optional per OpenAPI spec, but we think that is incorrect -- @preserve */
/* v8 ignore start - due to skipped tests, see https://github.com/octokit/auth-app.js/pull/580 -- @preserve */
/* v8 ignore end -- @preserve */

// pkg/dist-src/auth.js
async function auth(reason) {
  return {
    type: "unauthenticated",
    reason
  };
}

// pkg/dist-src/is-rate-limit-error.js
function isRateLimitError(error) {
  if (error.status !== 403) {
    return false;
  }
  if (!error.response) {
    return false;
  }
  return error.response.headers["x-ratelimit-remaining"] === "0";
}

// pkg/dist-src/is-abuse-limit-error.js
var REGEX_ABUSE_LIMIT_MESSAGE = /\babuse\b/i;
function isAbuseLimitError(error) {
  if (error.status !== 403) {
    return false;
  }
  return REGEX_ABUSE_LIMIT_MESSAGE.test(error.message);
}

// pkg/dist-src/hook.js
async function hook(reason, request, route, parameters) {
  const endpoint = request.endpoint.merge(
    route,
    parameters
  );
  return request(endpoint).catch((error) => {
    if (error.status === 404) {
      error.message = `Not found. May be due to lack of authentication. Reason: ${reason}`;
      throw error;
    }
    if (isRateLimitError(error)) {
      error.message = `API rate limit exceeded. This maybe caused by the lack of authentication. Reason: ${reason}`;
      throw error;
    }
    if (isAbuseLimitError(error)) {
      error.message = `You have triggered an abuse detection mechanism. This maybe caused by the lack of authentication. Reason: ${reason}`;
      throw error;
    }
    if (error.status === 401) {
      error.message = `Unauthorized. "${endpoint.method} ${endpoint.url}" failed most likely due to lack of authentication. Reason: ${reason}`;
      throw error;
    }
    if (error.status >= 400 && error.status < 500) {
      error.message = error.message.replace(
        /\.?$/,
        `. May be caused by lack of authentication (${reason}).`
      );
    }
    throw error;
  });
}

// pkg/dist-src/index.js
var createUnauthenticatedAuth = function createUnauthenticatedAuth2(options) {
  if (!options || !options.reason) {
    throw new Error(
      "[@octokit/auth-unauthenticated] No reason passed to createUnauthenticatedAuth"
    );
  }
  return Object.assign(auth.bind(null, options.reason), {
    hook: hook.bind(null, options.reason)
  });
};

// pkg/dist-src/index.js

// pkg/dist-src/version.js
var VERSION$2 = "8.0.4";

// pkg/dist-src/add-event-handler.js
function addEventHandler(state, eventName, eventHandler) {
  if (Array.isArray(eventName)) {
    for (const singleEventName of eventName) {
      addEventHandler(state, singleEventName, eventHandler);
    }
    return;
  }
  if (!state.eventHandlers[eventName]) {
    state.eventHandlers[eventName] = [];
  }
  state.eventHandlers[eventName].push(eventHandler);
}
var OAuthAppOctokit = Octokit.defaults({
  userAgent: `octokit-oauth-app.js/${VERSION$2} ${getUserAgent()}`
});

// pkg/dist-src/emit-event.js
async function emitEvent(state, context) {
  const { name, action } = context;
  if (state.eventHandlers[`${name}.${action}`]) {
    for (const eventHandler of state.eventHandlers[`${name}.${action}`]) {
      await eventHandler(context);
    }
  }
  if (state.eventHandlers[name]) {
    for (const eventHandler of state.eventHandlers[name]) {
      await eventHandler(context);
    }
  }
}

// pkg/dist-src/methods/get-user-octokit.js
async function getUserOctokitWithState(state, options) {
  return state.octokit.auth({
    type: "oauth-user",
    ...options,
    async factory(options2) {
      const octokit = new state.Octokit({
        authStrategy: createOAuthUserAuth,
        auth: options2
      });
      const authentication = await octokit.auth({
        type: "get"
      });
      await emitEvent(state, {
        name: "token",
        action: "created",
        token: authentication.token,
        scopes: authentication.scopes,
        authentication,
        octokit
      });
      return octokit;
    }
  });
}
function getWebFlowAuthorizationUrlWithState(state, options) {
  const optionsWithDefaults = {
    clientId: state.clientId,
    request: state.octokit.request,
    ...options,
    allowSignup: state.allowSignup ?? options.allowSignup,
    redirectUrl: options.redirectUrl ?? state.redirectUrl,
    scopes: options.scopes ?? state.defaultScopes
  };
  return getWebFlowAuthorizationUrl({
    clientType: state.clientType,
    ...optionsWithDefaults
  });
}
async function createTokenWithState(state, options) {
  const authentication = await state.octokit.auth({
    type: "oauth-user",
    ...options
  });
  await emitEvent(state, {
    name: "token",
    action: "created",
    token: authentication.token,
    scopes: authentication.scopes,
    authentication,
    octokit: new state.Octokit({
      authStrategy: createOAuthUserAuth,
      auth: {
        clientType: state.clientType,
        clientId: state.clientId,
        clientSecret: state.clientSecret,
        token: authentication.token,
        scopes: authentication.scopes,
        refreshToken: authentication.refreshToken,
        expiresAt: authentication.expiresAt,
        refreshTokenExpiresAt: authentication.refreshTokenExpiresAt
      }
    })
  });
  return { authentication };
}
async function checkTokenWithState(state, options) {
  const result = await checkToken({
    // @ts-expect-error not worth the extra code to appease TS
    clientType: state.clientType,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    request: state.octokit.request,
    ...options
  });
  Object.assign(result.authentication, { type: "token", tokenType: "oauth" });
  return result;
}
async function resetTokenWithState(state, options) {
  const optionsWithDefaults = {
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    request: state.octokit.request,
    ...options
  };
  if (state.clientType === "oauth-app") {
    const response2 = await resetToken({
      clientType: "oauth-app",
      ...optionsWithDefaults
    });
    const authentication2 = Object.assign(response2.authentication, {
      type: "token",
      tokenType: "oauth"
    });
    await emitEvent(state, {
      name: "token",
      action: "reset",
      token: response2.authentication.token,
      scopes: response2.authentication.scopes || void 0,
      authentication: authentication2,
      octokit: new state.Octokit({
        authStrategy: createOAuthUserAuth,
        auth: {
          clientType: state.clientType,
          clientId: state.clientId,
          clientSecret: state.clientSecret,
          token: response2.authentication.token,
          scopes: response2.authentication.scopes
        }
      })
    });
    return { ...response2, authentication: authentication2 };
  }
  const response = await resetToken({
    clientType: "github-app",
    ...optionsWithDefaults
  });
  const authentication = Object.assign(response.authentication, {
    type: "token",
    tokenType: "oauth"
  });
  await emitEvent(state, {
    name: "token",
    action: "reset",
    token: response.authentication.token,
    authentication,
    octokit: new state.Octokit({
      authStrategy: createOAuthUserAuth,
      auth: {
        clientType: state.clientType,
        clientId: state.clientId,
        clientSecret: state.clientSecret,
        token: response.authentication.token
      }
    })
  });
  return { ...response, authentication };
}
async function refreshTokenWithState(state, options) {
  if (state.clientType === "oauth-app") {
    throw new Error(
      "[@octokit/oauth-app] app.refreshToken() is not supported for OAuth Apps"
    );
  }
  const response = await refreshToken({
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    request: state.octokit.request,
    refreshToken: options.refreshToken
  });
  const authentication = Object.assign(response.authentication, {
    type: "token",
    tokenType: "oauth"
  });
  await emitEvent(state, {
    name: "token",
    action: "refreshed",
    token: response.authentication.token,
    authentication,
    octokit: new state.Octokit({
      authStrategy: createOAuthUserAuth,
      auth: {
        clientType: state.clientType,
        clientId: state.clientId,
        clientSecret: state.clientSecret,
        token: response.authentication.token
      }
    })
  });
  return { ...response, authentication };
}
async function scopeTokenWithState(state, options) {
  if (state.clientType === "oauth-app") {
    throw new Error(
      "[@octokit/oauth-app] app.scopeToken() is not supported for OAuth Apps"
    );
  }
  const response = await scopeToken({
    clientType: "github-app",
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    request: state.octokit.request,
    ...options
  });
  const authentication = Object.assign(response.authentication, {
    type: "token",
    tokenType: "oauth"
  });
  await emitEvent(state, {
    name: "token",
    action: "scoped",
    token: response.authentication.token,
    authentication,
    octokit: new state.Octokit({
      authStrategy: createOAuthUserAuth,
      auth: {
        clientType: state.clientType,
        clientId: state.clientId,
        clientSecret: state.clientSecret,
        token: response.authentication.token
      }
    })
  });
  return { ...response, authentication };
}
async function deleteTokenWithState(state, options) {
  const optionsWithDefaults = {
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    request: state.octokit.request,
    ...options
  };
  const response = state.clientType === "oauth-app" ? await deleteToken({
    ...optionsWithDefaults
  }) : (
    /* v8 ignore next 4 */
    await deleteToken({
      ...optionsWithDefaults
    })
  );
  await emitEvent(state, {
    name: "token",
    action: "deleted",
    token: options.token,
    octokit: new state.Octokit({
      authStrategy: createUnauthenticatedAuth,
      auth: {
        reason: `Handling "token.deleted" event. The access for the token has been revoked.`
      }
    })
  });
  return response;
}
async function deleteAuthorizationWithState(state, options) {
  const optionsWithDefaults = {
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    request: state.octokit.request,
    ...options
  };
  const response = state.clientType === "oauth-app" ? await deleteAuthorization({
    ...optionsWithDefaults
  }) : (
    /* v8 ignore next 4 */
    await deleteAuthorization({
      ...optionsWithDefaults
    })
  );
  await emitEvent(state, {
    name: "token",
    action: "deleted",
    token: options.token,
    octokit: new state.Octokit({
      authStrategy: createUnauthenticatedAuth,
      auth: {
        reason: `Handling "token.deleted" event. The access for the token has been revoked.`
      }
    })
  });
  await emitEvent(state, {
    name: "authorization",
    action: "deleted",
    token: options.token,
    octokit: new state.Octokit({
      authStrategy: createUnauthenticatedAuth,
      auth: {
        reason: `Handling "authorization.deleted" event. The access for the app has been revoked.`
      }
    })
  });
  return response;
}

// pkg/dist-src/index.js
var OAuthApp = class {
  static VERSION = VERSION$2;
  static defaults(defaults) {
    const OAuthAppWithDefaults = class extends this {
      constructor(...args) {
        super({
          ...defaults,
          ...args[0]
        });
      }
    };
    return OAuthAppWithDefaults;
  }
  constructor(options) {
    const Octokit2 = options.Octokit || OAuthAppOctokit;
    this.type = options.clientType || "oauth-app";
    const octokit = new Octokit2({
      authStrategy: createOAuthAppAuth,
      auth: {
        clientType: this.type,
        clientId: options.clientId,
        clientSecret: options.clientSecret
      }
    });
    const state = {
      clientType: this.type,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      // @ts-expect-error defaultScopes not permitted for GitHub Apps
      defaultScopes: options.defaultScopes || [],
      allowSignup: options.allowSignup,
      baseUrl: options.baseUrl,
      redirectUrl: options.redirectUrl,
      log: options.log,
      Octokit: Octokit2,
      octokit,
      eventHandlers: {}
    };
    this.on = addEventHandler.bind(null, state);
    this.octokit = octokit;
    this.getUserOctokit = getUserOctokitWithState.bind(
      null,
      state
    );
    this.getWebFlowAuthorizationUrl = getWebFlowAuthorizationUrlWithState.bind(
      null,
      state
    );
    this.createToken = createTokenWithState.bind(
      null,
      state
    );
    this.checkToken = checkTokenWithState.bind(
      null,
      state
    );
    this.resetToken = resetTokenWithState.bind(
      null,
      state
    );
    this.refreshToken = refreshTokenWithState.bind(
      null,
      state
    );
    this.scopeToken = scopeTokenWithState.bind(
      null,
      state
    );
    this.deleteToken = deleteTokenWithState.bind(null, state);
    this.deleteAuthorization = deleteAuthorizationWithState.bind(null, state);
  }
  // assigned during constructor
  type;
  on;
  octokit;
  getUserOctokit;
  getWebFlowAuthorizationUrl;
  createToken;
  checkToken;
  resetToken;
  refreshToken;
  scopeToken;
  deleteToken;
  deleteAuthorization;
};

// pkg/dist-src/node/sign.js

// pkg/dist-src/version.js
var VERSION$1 = "6.0.0";

// pkg/dist-src/node/sign.js
async function sign$1(secret, payload) {
  if (!secret || !payload) {
    throw new TypeError(
      "[@octokit/webhooks-methods] secret & payload required for sign()"
    );
  }
  if (typeof payload !== "string") {
    throw new TypeError("[@octokit/webhooks-methods] payload must be a string");
  }
  const algorithm = "sha256";
  return `${algorithm}=${createHmac(algorithm, secret).update(payload).digest("hex")}`;
}
sign$1.VERSION = VERSION$1;
async function verify(secret, eventPayload, signature) {
  if (!secret || !eventPayload || !signature) {
    throw new TypeError(
      "[@octokit/webhooks-methods] secret, eventPayload & signature required"
    );
  }
  if (typeof eventPayload !== "string") {
    throw new TypeError(
      "[@octokit/webhooks-methods] eventPayload must be a string"
    );
  }
  const signatureBuffer = Buffer$1.from(signature);
  const verificationBuffer = Buffer$1.from(await sign$1(secret, eventPayload));
  if (signatureBuffer.length !== verificationBuffer.length) {
    return false;
  }
  return timingSafeEqual(signatureBuffer, verificationBuffer);
}
verify.VERSION = VERSION$1;

// pkg/dist-src/index.js
async function verifyWithFallback(secret, payload, signature, additionalSecrets) {
  const firstPass = await verify(secret, payload, signature);
  if (firstPass) {
    return true;
  }
  if (additionalSecrets !== void 0) {
    for (const s of additionalSecrets) {
      const v = await verify(s, payload, signature);
      if (v) {
        return v;
      }
    }
  }
  return false;
}

// pkg/dist-src/create-logger.js
var createLogger$1 = (logger = {}) => {
  if (typeof logger.debug !== "function") {
    logger.debug = () => {
    };
  }
  if (typeof logger.info !== "function") {
    logger.info = () => {
    };
  }
  if (typeof logger.warn !== "function") {
    logger.warn = console.warn.bind(console);
  }
  if (typeof logger.error !== "function") {
    logger.error = console.error.bind(console);
  }
  return logger;
};

// pkg/dist-src/generated/webhook-names.js
var emitterEventNames = [
  "branch_protection_configuration",
  "branch_protection_configuration.disabled",
  "branch_protection_configuration.enabled",
  "branch_protection_rule",
  "branch_protection_rule.created",
  "branch_protection_rule.deleted",
  "branch_protection_rule.edited",
  "check_run",
  "check_run.completed",
  "check_run.created",
  "check_run.requested_action",
  "check_run.rerequested",
  "check_suite",
  "check_suite.completed",
  "check_suite.requested",
  "check_suite.rerequested",
  "code_scanning_alert",
  "code_scanning_alert.appeared_in_branch",
  "code_scanning_alert.closed_by_user",
  "code_scanning_alert.created",
  "code_scanning_alert.fixed",
  "code_scanning_alert.reopened",
  "code_scanning_alert.reopened_by_user",
  "commit_comment",
  "commit_comment.created",
  "create",
  "custom_property",
  "custom_property.created",
  "custom_property.deleted",
  "custom_property.promote_to_enterprise",
  "custom_property.updated",
  "custom_property_values",
  "custom_property_values.updated",
  "delete",
  "dependabot_alert",
  "dependabot_alert.auto_dismissed",
  "dependabot_alert.auto_reopened",
  "dependabot_alert.created",
  "dependabot_alert.dismissed",
  "dependabot_alert.fixed",
  "dependabot_alert.reintroduced",
  "dependabot_alert.reopened",
  "deploy_key",
  "deploy_key.created",
  "deploy_key.deleted",
  "deployment",
  "deployment.created",
  "deployment_protection_rule",
  "deployment_protection_rule.requested",
  "deployment_review",
  "deployment_review.approved",
  "deployment_review.rejected",
  "deployment_review.requested",
  "deployment_status",
  "deployment_status.created",
  "discussion",
  "discussion.answered",
  "discussion.category_changed",
  "discussion.closed",
  "discussion.created",
  "discussion.deleted",
  "discussion.edited",
  "discussion.labeled",
  "discussion.locked",
  "discussion.pinned",
  "discussion.reopened",
  "discussion.transferred",
  "discussion.unanswered",
  "discussion.unlabeled",
  "discussion.unlocked",
  "discussion.unpinned",
  "discussion_comment",
  "discussion_comment.created",
  "discussion_comment.deleted",
  "discussion_comment.edited",
  "fork",
  "github_app_authorization",
  "github_app_authorization.revoked",
  "gollum",
  "installation",
  "installation.created",
  "installation.deleted",
  "installation.new_permissions_accepted",
  "installation.suspend",
  "installation.unsuspend",
  "installation_repositories",
  "installation_repositories.added",
  "installation_repositories.removed",
  "installation_target",
  "installation_target.renamed",
  "issue_comment",
  "issue_comment.created",
  "issue_comment.deleted",
  "issue_comment.edited",
  "issue_dependencies",
  "issue_dependencies.blocked_by_added",
  "issue_dependencies.blocked_by_removed",
  "issue_dependencies.blocking_added",
  "issue_dependencies.blocking_removed",
  "issues",
  "issues.assigned",
  "issues.closed",
  "issues.deleted",
  "issues.demilestoned",
  "issues.edited",
  "issues.labeled",
  "issues.locked",
  "issues.milestoned",
  "issues.opened",
  "issues.pinned",
  "issues.reopened",
  "issues.transferred",
  "issues.typed",
  "issues.unassigned",
  "issues.unlabeled",
  "issues.unlocked",
  "issues.unpinned",
  "issues.untyped",
  "label",
  "label.created",
  "label.deleted",
  "label.edited",
  "marketplace_purchase",
  "marketplace_purchase.cancelled",
  "marketplace_purchase.changed",
  "marketplace_purchase.pending_change",
  "marketplace_purchase.pending_change_cancelled",
  "marketplace_purchase.purchased",
  "member",
  "member.added",
  "member.edited",
  "member.removed",
  "membership",
  "membership.added",
  "membership.removed",
  "merge_group",
  "merge_group.checks_requested",
  "merge_group.destroyed",
  "meta",
  "meta.deleted",
  "milestone",
  "milestone.closed",
  "milestone.created",
  "milestone.deleted",
  "milestone.edited",
  "milestone.opened",
  "org_block",
  "org_block.blocked",
  "org_block.unblocked",
  "organization",
  "organization.deleted",
  "organization.member_added",
  "organization.member_invited",
  "organization.member_removed",
  "organization.renamed",
  "package",
  "package.published",
  "package.updated",
  "page_build",
  "personal_access_token_request",
  "personal_access_token_request.approved",
  "personal_access_token_request.cancelled",
  "personal_access_token_request.created",
  "personal_access_token_request.denied",
  "ping",
  "project",
  "project.closed",
  "project.created",
  "project.deleted",
  "project.edited",
  "project.reopened",
  "project_card",
  "project_card.converted",
  "project_card.created",
  "project_card.deleted",
  "project_card.edited",
  "project_card.moved",
  "project_column",
  "project_column.created",
  "project_column.deleted",
  "project_column.edited",
  "project_column.moved",
  "projects_v2",
  "projects_v2.closed",
  "projects_v2.created",
  "projects_v2.deleted",
  "projects_v2.edited",
  "projects_v2.reopened",
  "projects_v2_item",
  "projects_v2_item.archived",
  "projects_v2_item.converted",
  "projects_v2_item.created",
  "projects_v2_item.deleted",
  "projects_v2_item.edited",
  "projects_v2_item.reordered",
  "projects_v2_item.restored",
  "projects_v2_status_update",
  "projects_v2_status_update.created",
  "projects_v2_status_update.deleted",
  "projects_v2_status_update.edited",
  "public",
  "pull_request",
  "pull_request.assigned",
  "pull_request.auto_merge_disabled",
  "pull_request.auto_merge_enabled",
  "pull_request.closed",
  "pull_request.converted_to_draft",
  "pull_request.demilestoned",
  "pull_request.dequeued",
  "pull_request.edited",
  "pull_request.enqueued",
  "pull_request.labeled",
  "pull_request.locked",
  "pull_request.milestoned",
  "pull_request.opened",
  "pull_request.ready_for_review",
  "pull_request.reopened",
  "pull_request.review_request_removed",
  "pull_request.review_requested",
  "pull_request.synchronize",
  "pull_request.unassigned",
  "pull_request.unlabeled",
  "pull_request.unlocked",
  "pull_request_review",
  "pull_request_review.dismissed",
  "pull_request_review.edited",
  "pull_request_review.submitted",
  "pull_request_review_comment",
  "pull_request_review_comment.created",
  "pull_request_review_comment.deleted",
  "pull_request_review_comment.edited",
  "pull_request_review_thread",
  "pull_request_review_thread.resolved",
  "pull_request_review_thread.unresolved",
  "push",
  "registry_package",
  "registry_package.published",
  "registry_package.updated",
  "release",
  "release.created",
  "release.deleted",
  "release.edited",
  "release.prereleased",
  "release.published",
  "release.released",
  "release.unpublished",
  "repository",
  "repository.archived",
  "repository.created",
  "repository.deleted",
  "repository.edited",
  "repository.privatized",
  "repository.publicized",
  "repository.renamed",
  "repository.transferred",
  "repository.unarchived",
  "repository_advisory",
  "repository_advisory.published",
  "repository_advisory.reported",
  "repository_dispatch",
  "repository_dispatch.sample.collected",
  "repository_import",
  "repository_ruleset",
  "repository_ruleset.created",
  "repository_ruleset.deleted",
  "repository_ruleset.edited",
  "repository_vulnerability_alert",
  "repository_vulnerability_alert.create",
  "repository_vulnerability_alert.dismiss",
  "repository_vulnerability_alert.reopen",
  "repository_vulnerability_alert.resolve",
  "secret_scanning_alert",
  "secret_scanning_alert.assigned",
  "secret_scanning_alert.created",
  "secret_scanning_alert.publicly_leaked",
  "secret_scanning_alert.reopened",
  "secret_scanning_alert.resolved",
  "secret_scanning_alert.unassigned",
  "secret_scanning_alert.validated",
  "secret_scanning_alert_location",
  "secret_scanning_alert_location.created",
  "secret_scanning_scan",
  "secret_scanning_scan.completed",
  "security_advisory",
  "security_advisory.published",
  "security_advisory.updated",
  "security_advisory.withdrawn",
  "security_and_analysis",
  "sponsorship",
  "sponsorship.cancelled",
  "sponsorship.created",
  "sponsorship.edited",
  "sponsorship.pending_cancellation",
  "sponsorship.pending_tier_change",
  "sponsorship.tier_changed",
  "star",
  "star.created",
  "star.deleted",
  "status",
  "sub_issues",
  "sub_issues.parent_issue_added",
  "sub_issues.parent_issue_removed",
  "sub_issues.sub_issue_added",
  "sub_issues.sub_issue_removed",
  "team",
  "team.added_to_repository",
  "team.created",
  "team.deleted",
  "team.edited",
  "team.removed_from_repository",
  "team_add",
  "watch",
  "watch.started",
  "workflow_dispatch",
  "workflow_job",
  "workflow_job.completed",
  "workflow_job.in_progress",
  "workflow_job.queued",
  "workflow_job.waiting",
  "workflow_run",
  "workflow_run.completed",
  "workflow_run.in_progress",
  "workflow_run.requested"
];

// pkg/dist-src/event-handler/validate-event-name.js
function validateEventName(eventName, options = {}) {
  if (typeof eventName !== "string") {
    throw new TypeError("eventName must be of type string");
  }
  if (eventName === "*") {
    throw new TypeError(
      `Using the "*" event with the regular Webhooks.on() function is not supported. Please use the Webhooks.onAny() method instead`
    );
  }
  if (eventName === "error") {
    throw new TypeError(
      `Using the "error" event with the regular Webhooks.on() function is not supported. Please use the Webhooks.onError() method instead`
    );
  }
  if (options.onUnknownEventName === "ignore") {
    return;
  }
  if (!emitterEventNames.includes(eventName)) {
    if (options.onUnknownEventName !== "warn") {
      throw new TypeError(
        `"${eventName}" is not a known webhook name (https://developer.github.com/v3/activity/events/types/)`
      );
    } else {
      (options.log || console).warn(
        `"${eventName}" is not a known webhook name (https://developer.github.com/v3/activity/events/types/)`
      );
    }
  }
}

// pkg/dist-src/event-handler/on.js
function handleEventHandlers(state, webhookName, handler) {
  if (!state.hooks[webhookName]) {
    state.hooks[webhookName] = [];
  }
  state.hooks[webhookName].push(handler);
}
function receiverOn(state, webhookNameOrNames, handler) {
  if (Array.isArray(webhookNameOrNames)) {
    webhookNameOrNames.forEach(
      (webhookName) => receiverOn(state, webhookName, handler)
    );
    return;
  }
  validateEventName(webhookNameOrNames, {
    onUnknownEventName: "warn",
    log: state.log
  });
  handleEventHandlers(state, webhookNameOrNames, handler);
}
function receiverOnAny(state, handler) {
  handleEventHandlers(state, "*", handler);
}
function receiverOnError(state, handler) {
  handleEventHandlers(state, "error", handler);
}

// pkg/dist-src/event-handler/wrap-error-handler.js
function wrapErrorHandler(handler, error) {
  let returnValue;
  try {
    returnValue = handler(error);
  } catch (error2) {
    console.log('FATAL: Error occurred in "error" event handler');
    console.log(error2);
  }
  if (returnValue && returnValue.catch) {
    returnValue.catch((error2) => {
      console.log('FATAL: Error occurred in "error" event handler');
      console.log(error2);
    });
  }
}

// pkg/dist-src/event-handler/receive.js
function getHooks(state, eventPayloadAction, eventName) {
  const hooks = [state.hooks[eventName], state.hooks["*"]];
  if (eventPayloadAction) {
    hooks.unshift(state.hooks[`${eventName}.${eventPayloadAction}`]);
  }
  return [].concat(...hooks.filter(Boolean));
}
function receiverHandle(state, event) {
  const errorHandlers = state.hooks.error || [];
  if (event instanceof Error) {
    const error = Object.assign(new AggregateError([event], event.message), {
      event
    });
    errorHandlers.forEach((handler) => wrapErrorHandler(handler, error));
    return Promise.reject(error);
  }
  if (!event || !event.name) {
    const error = new Error("Event name not passed");
    throw new AggregateError([error], error.message);
  }
  if (!event.payload) {
    const error = new Error("Event name not passed");
    throw new AggregateError([error], error.message);
  }
  const hooks = getHooks(
    state,
    "action" in event.payload ? event.payload.action : null,
    event.name
  );
  if (hooks.length === 0) {
    return Promise.resolve();
  }
  const errors = [];
  const promises = hooks.map((handler) => {
    let promise = Promise.resolve(event);
    if (state.transform) {
      promise = promise.then(state.transform);
    }
    return promise.then((event2) => {
      return handler(event2);
    }).catch((error) => errors.push(Object.assign(error, { event })));
  });
  return Promise.all(promises).then(() => {
    if (errors.length === 0) {
      return;
    }
    const error = new AggregateError(
      errors,
      errors.map((error2) => error2.message).join("\n")
    );
    Object.assign(error, {
      event
    });
    errorHandlers.forEach((handler) => wrapErrorHandler(handler, error));
    throw error;
  });
}

// pkg/dist-src/event-handler/remove-listener.js
function removeListener(state, webhookNameOrNames, handler) {
  if (Array.isArray(webhookNameOrNames)) {
    webhookNameOrNames.forEach(
      (webhookName) => removeListener(state, webhookName, handler)
    );
    return;
  }
  if (!state.hooks[webhookNameOrNames]) {
    return;
  }
  for (let i = state.hooks[webhookNameOrNames].length - 1; i >= 0; i--) {
    if (state.hooks[webhookNameOrNames][i] === handler) {
      state.hooks[webhookNameOrNames].splice(i, 1);
      return;
    }
  }
}

// pkg/dist-src/event-handler/index.js
function createEventHandler(options) {
  const state = {
    hooks: {},
    log: createLogger$1(options && options.log)
  };
  if (options && options.transform) {
    state.transform = options.transform;
  }
  return {
    on: receiverOn.bind(null, state),
    onAny: receiverOnAny.bind(null, state),
    onError: receiverOnError.bind(null, state),
    removeListener: removeListener.bind(null, state),
    receive: receiverHandle.bind(null, state)
  };
}
async function verifyAndReceive(state, event) {
  const matchesSignature = await verifyWithFallback(
    state.secret,
    event.payload,
    event.signature,
    state.additionalSecrets
  ).catch(() => false);
  if (!matchesSignature) {
    const error = new Error(
      "[@octokit/webhooks] signature does not match event payload and secret"
    );
    error.event = event;
    error.status = 400;
    return state.eventHandler.receive(error);
  }
  let payload;
  try {
    payload = JSON.parse(event.payload);
  } catch (error) {
    error.message = "Invalid JSON";
    error.status = 400;
    throw new AggregateError([error], error.message);
  }
  return state.eventHandler.receive({
    id: event.id,
    name: event.name,
    payload
  });
}

// pkg/dist-src/middleware/node/get-payload.js
var textDecoder = new TextDecoder("utf-8", { fatal: false });
textDecoder.decode.bind(textDecoder);

// pkg/dist-src/index.js
var Webhooks = class {
  sign;
  verify;
  on;
  onAny;
  onError;
  removeListener;
  receive;
  verifyAndReceive;
  constructor(options) {
    if (!options || !options.secret) {
      throw new Error("[@octokit/webhooks] options.secret required");
    }
    const state = {
      eventHandler: createEventHandler(options),
      secret: options.secret,
      additionalSecrets: options.additionalSecrets,
      hooks: {},
      log: createLogger$1(options.log)
    };
    this.sign = sign$1.bind(null, options.secret);
    this.verify = verify.bind(null, options.secret);
    this.on = state.eventHandler.on;
    this.onAny = state.eventHandler.onAny;
    this.onError = state.eventHandler.onError;
    this.removeListener = state.eventHandler.removeListener;
    this.receive = state.eventHandler.receive;
    this.verifyAndReceive = verifyAndReceive.bind(null, state);
  }
};

// pkg/dist-src/version.js

// pkg/dist-src/normalize-paginated-list-response.js
function normalizePaginatedListResponse(response) {
  if (!response.data) {
    return {
      ...response,
      data: []
    };
  }
  const responseNeedsNormalization = ("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data);
  if (!responseNeedsNormalization) return response;
  const incompleteResults = response.data.incomplete_results;
  const repositorySelection = response.data.repository_selection;
  const totalCount = response.data.total_count;
  const totalCommits = response.data.total_commits;
  delete response.data.incomplete_results;
  delete response.data.repository_selection;
  delete response.data.total_count;
  delete response.data.total_commits;
  const namespaceKey = Object.keys(response.data)[0];
  const data = response.data[namespaceKey];
  response.data = data;
  if (typeof incompleteResults !== "undefined") {
    response.data.incomplete_results = incompleteResults;
  }
  if (typeof repositorySelection !== "undefined") {
    response.data.repository_selection = repositorySelection;
  }
  response.data.total_count = totalCount;
  response.data.total_commits = totalCommits;
  return response;
}

// pkg/dist-src/iterator.js
function iterator(octokit, route, parameters) {
  const options = typeof route === "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters);
  const requestMethod = typeof route === "function" ? route : octokit.request;
  const method = options.method;
  const headers = options.headers;
  let url = options.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url) return { done: true };
        try {
          const response = await requestMethod({ method, url, headers });
          const normalizedResponse = normalizePaginatedListResponse(response);
          url = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1];
          if (!url && "total_commits" in normalizedResponse.data) {
            const parsedUrl = new URL(normalizedResponse.url);
            const params = parsedUrl.searchParams;
            const page = parseInt(params.get("page") || "1", 10);
            const per_page = parseInt(params.get("per_page") || "250", 10);
            if (page * per_page < normalizedResponse.data.total_commits) {
              params.set("page", String(page + 1));
              url = parsedUrl.toString();
            }
          }
          return { value: normalizedResponse };
        } catch (error) {
          if (error.status !== 409) throw error;
          url = "";
          return {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}

// pkg/dist-src/paginate.js
function paginate(octokit, route, parameters, mapFn) {
  if (typeof parameters === "function") {
    mapFn = parameters;
    parameters = void 0;
  }
  return gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result) => {
    if (result.done) {
      return results;
    }
    let earlyExit = false;
    function done() {
      earlyExit = true;
    }
    results = results.concat(
      mapFn ? mapFn(result.value, done) : result.value.data
    );
    if (earlyExit) {
      return results;
    }
    return gather(octokit, results, iterator2, mapFn);
  });
}

// pkg/dist-src/compose-paginate.js
var composePaginateRest = Object.assign(paginate, {
  iterator
});
/* v8 ignore next -- @preserve */

// pkg/dist-src/index.js

// pkg/dist-src/version.js
var VERSION = "16.1.4";
function webhooks(appOctokit, options) {
  return new Webhooks({
    secret: options.secret,
    transform: async (event) => {
      if (!("installation" in event.payload) || typeof event.payload.installation !== "object") {
        const octokit2 = new appOctokit.constructor({
          authStrategy: createUnauthenticatedAuth,
          auth: {
            reason: `"installation" key missing in webhook event payload`
          }
        });
        return {
          ...event,
          octokit: octokit2
        };
      }
      const installationId = event.payload.installation.id;
      const octokit = await appOctokit.auth({
        type: "installation",
        installationId,
        factory(auth) {
          return new auth.octokit.constructor({
            ...auth.octokitOptions,
            authStrategy: createAppAuth,
            ...{
              auth: {
                ...auth,
                installationId
              }
            }
          });
        }
      });
      octokit.hook.before("request", (options2) => {
        options2.headers["x-github-delivery"] = event.id;
      });
      return {
        ...event,
        octokit
      };
    }
  });
}
async function getInstallationOctokit(app, installationId) {
  return app.octokit.auth({
    type: "installation",
    installationId,
    factory(auth) {
      const options = {
        ...auth.octokitOptions,
        authStrategy: createAppAuth,
        ...{ auth: { ...auth, installationId } }
      };
      return new auth.octokit.constructor(options);
    }
  });
}

// pkg/dist-src/each-installation.js
function eachInstallationFactory(app) {
  return Object.assign(eachInstallation.bind(null, app), {
    iterator: eachInstallationIterator.bind(null, app)
  });
}
async function eachInstallation(app, callback) {
  const i = eachInstallationIterator(app)[Symbol.asyncIterator]();
  let result = await i.next();
  while (!result.done) {
    await callback(result.value);
    result = await i.next();
  }
}
function eachInstallationIterator(app) {
  return {
    async *[Symbol.asyncIterator]() {
      const iterator = composePaginateRest.iterator(
        app.octokit,
        "GET /app/installations"
      );
      for await (const { data: installations } of iterator) {
        for (const installation of installations) {
          const installationOctokit = await getInstallationOctokit(
            app,
            installation.id
          );
          yield { octokit: installationOctokit, installation };
        }
      }
    }
  };
}
function eachRepositoryFactory(app) {
  return Object.assign(eachRepository.bind(null, app), {
    iterator: eachRepositoryIterator.bind(null, app)
  });
}
async function eachRepository(app, queryOrCallback, callback) {
  const i = eachRepositoryIterator(
    app,
    callback ? queryOrCallback : void 0
  )[Symbol.asyncIterator]();
  let result = await i.next();
  while (!result.done) {
    if (callback) {
      await callback(result.value);
    } else {
      await queryOrCallback(result.value);
    }
    result = await i.next();
  }
}
function singleInstallationIterator(app, installationId) {
  return {
    async *[Symbol.asyncIterator]() {
      yield {
        octokit: await app.getInstallationOctokit(installationId)
      };
    }
  };
}
function eachRepositoryIterator(app, query) {
  return {
    async *[Symbol.asyncIterator]() {
      const iterator = query ? singleInstallationIterator(app, query.installationId) : app.eachInstallation.iterator();
      for await (const { octokit } of iterator) {
        const repositoriesIterator = composePaginateRest.iterator(
          octokit,
          "GET /installation/repositories"
        );
        for await (const { data: repositories } of repositoriesIterator) {
          for (const repository of repositories) {
            yield { octokit, repository };
          }
        }
      }
    }
  };
}

// pkg/dist-src/get-installation-url.js
function getInstallationUrlFactory(app) {
  let installationUrlBasePromise;
  return async function getInstallationUrl(options = {}) {
    if (!installationUrlBasePromise) {
      installationUrlBasePromise = getInstallationUrlBase(app);
    }
    const installationUrlBase = await installationUrlBasePromise;
    const installationUrl = new URL(installationUrlBase);
    if (options.target_id !== void 0) {
      installationUrl.pathname += "/permissions";
      installationUrl.searchParams.append(
        "target_id",
        options.target_id.toFixed()
      );
    }
    if (options.state !== void 0) {
      installationUrl.searchParams.append("state", options.state);
    }
    return installationUrl.href;
  };
}
async function getInstallationUrlBase(app) {
  const { data: appInfo } = await app.octokit.request("GET /app");
  if (!appInfo) {
    throw new Error("[@octokit/app] unable to fetch metadata for app");
  }
  return `${appInfo.html_url}/installations/new`;
}

// pkg/dist-src/index.js
var App = class {
  static VERSION = VERSION;
  static defaults(defaults) {
    const AppWithDefaults = class extends this {
      constructor(...args) {
        super({
          ...defaults,
          ...args[0]
        });
      }
    };
    return AppWithDefaults;
  }
  octokit;
  // @ts-ignore calling app.webhooks will throw a helpful error when options.webhooks is not set
  webhooks;
  // @ts-ignore calling app.oauth will throw a helpful error when options.oauth is not set
  oauth;
  getInstallationOctokit;
  eachInstallation;
  eachRepository;
  getInstallationUrl;
  log;
  constructor(options) {
    const Octokit$1 = options.Octokit || Octokit;
    const authOptions = Object.assign(
      {
        appId: options.appId,
        privateKey: options.privateKey
      },
      options.oauth ? {
        clientId: options.oauth.clientId,
        clientSecret: options.oauth.clientSecret
      } : {}
    );
    const octokitOptions = {
      authStrategy: createAppAuth,
      auth: authOptions
    };
    if ("log" in options && typeof options.log !== "undefined") {
      octokitOptions.log = options.log;
    }
    this.octokit = new Octokit$1(octokitOptions);
    this.log = Object.assign(
      {
        debug: () => {
        },
        info: () => {
        },
        warn: console.warn.bind(console),
        error: console.error.bind(console)
      },
      options.log
    );
    if (options.webhooks) {
      this.webhooks = webhooks(this.octokit, options.webhooks);
    } else {
      Object.defineProperty(this, "webhooks", {
        get() {
          throw new Error("[@octokit/app] webhooks option not set");
        }
      });
    }
    if (options.oauth) {
      this.oauth = new OAuthApp({
        ...options.oauth,
        clientType: "github-app",
        Octokit: Octokit$1
      });
    } else {
      Object.defineProperty(this, "oauth", {
        get() {
          throw new Error(
            "[@octokit/app] oauth.clientId / oauth.clientSecret options are not set"
          );
        }
      });
    }
    this.getInstallationOctokit = getInstallationOctokit.bind(
      null,
      this
    );
    this.eachInstallation = eachInstallationFactory(
      this
    );
    this.eachRepository = eachRepositoryFactory(
      this
    );
    this.getInstallationUrl = getInstallationUrlFactory(this);
  }
};

/**
 * The App's identity on GitHub, through `@octokit/app`: the App's JWT, installation tokens
 * (cached and renewed by `@octokit/auth-app`), the installations and their repositories, a
 * repository's open pull requests and default branch. Each job gets the same GitHub port the
 * Action uses (`createOctokitPort`) with an installation token.
 */
const RetryingOctokit = Octokit$1.plugin(retry);
/** How long a repository's installation is remembered. */
const INSTALLATION_CACHE_MS = 5 * 60_000;
/** fetch that gives up after `ms`: Node's own waits 300 s for headers, and as long for a body. */
function fetchWithin(ms) {
    return (input, init) => {
        const timeout = AbortSignal.timeout(ms);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        return fetch(input, { ...init, signal });
    };
}
function createAppGitHub(config, log, tuning = {}) {
    // The App's own requests (installations, tokens, repositories, installation look-ups) hold a
    // job, and so its key, while they wait: they give up as the port's requests do.
    const app = new App({
        appId: config.appId,
        privateKey: config.privateKey,
        webhooks: { secret: config.webhookSecret },
        Octokit: RetryingOctokit.defaults({
            baseUrl: config.apiUrl,
            userAgent: 'rsp-gate-app',
            request: { fetch: fetchWithin(tuning.requestTimeoutMs ?? 30_000) },
            retry: { retryAfterBaseValue: tuning.retryBaseMs ?? 1000 },
        }),
    });
    const installationOctokit = (id) => app.getInstallationOctokit(id);
    const installationsOf = new Map();
    async function readInstallationOf(owner, repo) {
        try {
            const { data } = await app.octokit.request('GET /repos/{owner}/{repo}/installation', {
                owner,
                repo,
            });
            return data.id;
        }
        catch (error) {
            if (error.status === 404)
                return null;
            throw error;
        }
    }
    async function token(id) {
        const octokit = await installationOctokit(id);
        const auth = (await octokit.auth({ type: 'installation' }));
        return auth.token;
    }
    return {
        async portFor(installationId, owner, repo, portLog) {
            return createOctokitPort({
                token: await token(installationId),
                owner,
                repo,
                apiUrl: config.apiUrl,
                graphqlUrl: config.graphqlUrl,
                log: portLog ?? log,
                // GitHub's secondary limits are per installation: each keeps its own pace.
                throttleId: `installation-${installationId}`,
            });
        },
        async installations() {
            const found = [];
            for await (const { installation } of app.eachInstallation.iterator()) {
                const account = installation.account;
                found.push({ id: installation.id, account: account?.login ?? account?.slug ?? '' });
            }
            return found;
        },
        async repositories(installationId) {
            const found = [];
            for await (const { repository } of app.eachRepository.iterator({ installationId }))
                found.push({ owner: repository.owner.login, name: repository.name });
            return found;
        },
        async openPullRequests(installationId, owner, repo) {
            const octokit = await installationOctokit(installationId);
            const pulls = await octokit.paginate(octokit.rest.pulls.list, {
                owner,
                repo,
                state: 'open',
                per_page: 100,
            });
            return pulls.map((p) => ({
                number: p.number,
                headSha: p.head.sha,
                baseRef: p.base.ref,
                updatedAt: p.updated_at,
            }));
        },
        async installationOf(owner, repo, named) {
            const key = `${owner}/${repo}`.toLowerCase();
            const known = installationsOf.get(key);
            if (known?.id === named && Date.now() - known.at < INSTALLATION_CACHE_MS)
                return named;
            const id = await readInstallationOf(owner, repo);
            if (id === null)
                installationsOf.delete(key);
            else
                installationsOf.set(key, { id, at: Date.now() });
            return id;
        },
        async defaultBranchHead(installationId, owner, repo) {
            const octokit = await installationOctokit(installationId);
            try {
                const { data } = await octokit.rest.repos.get({ owner, repo });
                const branch = await octokit.rest.repos.getBranch({
                    owner,
                    repo,
                    branch: data.default_branch,
                });
                return { branch: data.default_branch, sha: branch.data.commit.sha };
            }
            catch (error) {
                // Not there, or not in the installation: both answer 404 (an empty repository, 404 on the branch).
                if (error.status === 404)
                    return null;
                throw error;
            }
        },
    };
}

/**
 * What a webhook delivery asks the App to do, as jobs for the queue. Pure: takes the event name,
 * the payload and the delivery id.
 *
 * Jobs are keyed by repository and commit, since the verdict is per head commit (`rsp-gate` on a
 * commit speaks for every open pull request with that head): a pull request's events are keyed
 * by its head, a merge queue's by its commit, a push by the pushed commit. An issue comment does
 * not say the head, so it becomes a `resolve` job (keyed by the pull request) that looks the head
 * up and queues the judgment under it. Installation events and a change to the organization's
 * policy become sweeps.
 */
/** The repository of the organization's own settings, where the org policy lives. */
const ORG_REPOSITORY = '.github';
/** The events whose payload names a pull request and its head. */
const PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_review',
    'pull_request_review_comment',
    'pull_request_review_thread',
]);
function judgeKey(owner, repo, sha) {
    return `${owner}/${repo}@${sha}`.toLowerCase();
}
function who(payload) {
    return `@${payload.sender?.login ?? 'someone'}`;
}
/** A push to the organization's `.github` default branch that may change the org policy. */
function changesOrgPolicy(payload, policyPath) {
    const commits = [
        ...(payload.commits ?? []),
        ...(payload.head_commit ? [payload.head_commit] : []),
    ];
    // GitHub lists at most 2,048 commits and 3,000 files per push: an empty list says nothing. A
    // forced push may rewind the branch to an older policy without listing any commit that has it.
    if (payload.forced || commits.length === 0)
        return true;
    return commits.some((c) => [...(c.added ?? []), ...(c.removed ?? []), ...(c.modified ?? [])].includes(policyPath));
}
function pushJobs(base, payload, options) {
    const branch = payload.repository?.default_branch;
    const ref = payload.ref ?? '';
    if (payload.deleted)
        return { ignored: 'the push deleted a branch' };
    // Any branch, as the Action's push trigger on `[main, 'release/**']`: the job audits it only
    // when it is the default branch or GitHub requires the check on it.
    if (!ref.startsWith('refs/heads/'))
        return { ignored: `a push to ${ref || 'an unnamed ref'}: only branches are audited` };
    const sha = payload.after;
    if (!sha)
        return { ignored: 'a push without its commit' };
    const jobs = [
        {
            key: `${judgeKey(base.owner, base.repo, sha)}:state`,
            kind: 'state',
            data: { ...base, sha, ref, reason: `push to ${ref} by ${who(payload)}` },
        },
    ];
    const onDefault = !!branch && ref === `refs/heads/${branch}`;
    if (onDefault &&
        base.repo.toLowerCase() === ORG_REPOSITORY &&
        changesOrgPolicy(payload, options.policyPath))
        jobs.push({
            key: `installation:${base.installationId}`,
            kind: 'sweep',
            data: {
                ...base,
                repo: '',
                force: true,
                reason: `the organization policy changed (${sha.slice(0, 7)})`,
            },
        });
    return { jobs };
}
const isOrgRepository = (name) => name.toLowerCase() === ORG_REPOSITORY;
function installationJobs(event, base, payload) {
    const action = payload.action ?? '';
    const added = event === 'installation' ? payload.repositories : payload.repositories_added;
    const removed = (payload.repositories_removed ?? []).map((r) => r.name ?? '');
    // The organization's .github repository leaving the installation hides the org policy from the
    // App: every repository it governed is judged again without it.
    const orgPolicyLeft = action === 'removed' && removed.some(isOrgRepository);
    if (!['created', 'added', 'new_permissions_accepted', 'unsuspend'].includes(action) &&
        !orgPolicyLeft)
        return { ignored: `${event}.${action} needs no judgment` };
    const names = (added ?? []).map((r) => r.name).filter((n) => !!n);
    // The .github repository joining brings the org policy: every repository is judged by it.
    const every = orgPolicyLeft || action === 'new_permissions_accepted' || names.some(isOrgRepository);
    return {
        jobs: [
            {
                key: `installation:${base.installationId}`,
                kind: 'sweep',
                data: {
                    ...base,
                    repo: '',
                    force: true,
                    // An installation on every repository lists none: all of them.
                    ...(names.length > 0 && !every ? { repos: names } : {}),
                    reason: `${event}.${action} by ${who(payload)}`,
                },
            },
        ],
    };
}
/**
 * Someone leaving a team (`membership.removed`) or the organization (`organization.member_removed`):
 * an approval or a tick of theirs may have counted for a role granted to that team, so every open
 * pull request of the installation is judged again. Joining only grants, and waits for the next
 * judgment.
 */
function memberLeftJobs(event, base, payload) {
    const action = payload.action ?? '';
    if (action !== (event === 'membership' ? 'removed' : 'member_removed'))
        return { ignored: `${event}.${action} needs no judgment` };
    const org = payload.organization?.login ?? '';
    const left = event === 'membership'
        ? `@${payload.member?.login ?? 'someone'} left the team ${org}/${payload.team?.slug ?? '?'}`
        : `@${payload.membership?.user?.login ?? 'someone'} left the organization ${org}`;
    return {
        jobs: [
            {
                key: `installation:${base.installationId}`,
                kind: 'sweep',
                data: { ...base, owner: org || base.owner, repo: '', force: true, reason: left },
            },
        ],
    };
}
/**
 * The Re-run buttons: a check run's (`check_run.rerequested`) or its whole suite's
 * (`check_suite.rerequested`, "Re-run all checks"). The pull requests with that head are judged
 * again: those GitHub names, and whichever the job finds open with that head (GitHub names none
 * for a pull request from a fork). The audit check of a pushed branch judges the branch again.
 */
function rerunJobs(event, base, payload) {
    if (payload.action !== 'rerequested')
        return { ignored: `${event}.${payload.action ?? ''} needs no judgment` };
    const suite = event === 'check_run' ? payload.check_run?.check_suite : payload.check_suite;
    const checked = event === 'check_run' ? payload.check_run : payload.check_suite;
    const sha = checked?.head_sha;
    if (!sha)
        return { ignored: `a ${event.replace('_', ' ')} without its commit` };
    const prs = (checked?.pull_requests ?? [])
        .map((p) => p.number)
        .filter((n) => typeof n === 'number');
    const reason = `${event}.rerequested (Re-run) by ${who(payload)}`;
    const branch = suite?.head_branch;
    const state = {
        key: `${judgeKey(base.owner, base.repo, sha)}:state`,
        kind: 'state',
        data: { ...base, sha, ref: branch ? `refs/heads/${branch}` : sha, reason },
    };
    const judge = {
        key: judgeKey(base.owner, base.repo, sha),
        kind: 'judge',
        data: { ...base, sha, prs, reason },
    };
    // The merge queue's commit (GitHub names no pull request for it): judged for the queue again,
    // against the pull request's base, since the Re-run does not say the queue's.
    const queued = branch ? /^gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]+$/.exec(branch) : null;
    if (queued &&
        prs.length === 0 &&
        !(event === 'check_run' && isAuditCheck(payload.check_run?.name ?? '')))
        return {
            jobs: [
                {
                    ...judge,
                    data: { ...base, sha, mergeGroup: { number: Number(queued[1]), checkSha: sha }, reason },
                },
            ],
        };
    if (event === 'check_run')
        return { jobs: [isAuditCheck(payload.check_run?.name ?? '') ? state : judge] };
    const onDefault = !!branch && branch === payload.repository?.default_branch;
    return { jobs: onDefault ? [judge, state] : [judge] };
}
/** The audit check of whole-branch runs, whatever the required check is called. */
function isAuditCheck(name) {
    return name.endsWith(auditCheckName(''));
}
/** The jobs of one delivery, or why it asks for none. */
function jobsForDelivery(event, payload, deliveryId, options) {
    const p = (payload ?? {});
    const installationId = p.installation?.id;
    if (typeof installationId !== 'number')
        return { ignored: `${event} delivery without an installation: not sent to a GitHub App` };
    const owner = p.repository?.owner?.login ?? '';
    const repo = p.repository?.name ?? '';
    const base = { installationId, owner, repo, deliveryId };
    if (event === 'installation' || event === 'installation_repositories') {
        const account = p.installation?.account
            ?.login;
        return installationJobs(event, { ...base, owner: account ?? owner }, p);
    }
    if (event === 'membership' || event === 'organization')
        return memberLeftJobs(event, base, p);
    if (!owner || !repo)
        return { ignored: `${event} delivery without a repository` };
    const action = p.action ?? '';
    if (PULL_REQUEST_EVENTS.has(event)) {
        const number = p.pull_request?.number;
        const sha = p.pull_request?.head?.sha;
        if (!number || !sha)
            return { ignored: `${event} delivery without its pull request` };
        return {
            jobs: [
                {
                    key: judgeKey(owner, repo, sha),
                    kind: 'judge',
                    data: { ...base, sha, prs: [number], reason: `${event}.${action} by ${who(p)}` },
                },
            ],
        };
    }
    switch (event) {
        case 'issue_comment': {
            const target = resolveTarget(event, p, { sha: '', ref: '' }, COMMENT_MARKER);
            if (target.kind !== 'pull_request')
                return { ignored: target.kind === 'noop' ? target.message : 'not a pull request' };
            return {
                jobs: [
                    {
                        key: `${owner}/${repo}#${target.number}`.toLowerCase(),
                        kind: 'resolve',
                        data: { ...base, number: target.number, reason: target.reason },
                    },
                ],
            };
        }
        case 'merge_group': {
            const target = resolveTarget(event, p, { sha: '', ref: '' }, COMMENT_MARKER);
            if (target.kind !== 'pull_request' || !target.checkSha)
                return { ignored: target.kind === 'noop' ? target.message : 'not a merge group' };
            const mergeGroup = {
                number: target.number,
                checkSha: target.checkSha,
                ...(target.baseSha ? { baseSha: target.baseSha } : {}),
            };
            return {
                jobs: [
                    {
                        key: judgeKey(owner, repo, target.checkSha),
                        kind: 'judge',
                        data: { ...base, sha: target.checkSha, mergeGroup, reason: target.reason },
                    },
                ],
            };
        }
        case 'push':
            return pushJobs(base, p, options);
        case 'check_run':
        case 'check_suite':
            return rerunJobs(event, base, p);
        default:
            return { ignored: `rsp-gate does not handle \`${event}\` events` };
    }
}

/**
 * The App's verdict for a repository with no policy of its own and no organization policy: a
 * neutral `rsp-gate` check saying it is not configured, so that no required check waits forever,
 * but never a pass for a head with model cards, nor one written over the required check that
 * other pull requests with the same head (into protected bases, judged by their policies) rely on.
 */
/** Changed Markdown files read for an `rsp` block, at most. */
const MAX_MARKDOWN_READ = 100;
/**
 * The `discovery.cards` globs of the head's own policy file, when it has one that the judgment
 * could not use (a pull request bringing a repository's first policy is judged by its base).
 */
async function headCardGlobs(port, sha, policyPath) {
    try {
        const entry = await port.readPath(sha, policyPath);
        if (entry?.kind !== 'file')
            return [];
        const bytes = entry.bytes ?? (await port.blob(entry.sha));
        const value = parseYaml(decodeUtf8(bytes, policyPath), policyPath).value;
        const cards = value?.discovery?.cards;
        return Array.isArray(cards) ? cards.filter((g) => typeof g === 'string') : [];
    }
    catch {
        return []; // a policy that does not parse finds no cards; the default paths still do
    }
}
/** Whether a Markdown file's front matter has an `rsp` block, as a model card's does. */
function hasRspBlock(bytes, path) {
    try {
        const front = readFrontMatter(decodeUtf8(bytes, path), path);
        return front !== null && typeof front.value === 'object' && 'rsp' in front.value;
    }
    catch {
        return false;
    }
}
/**
 * The model cards the head has, as far as a repository without a policy can tell: files at the
 * default card paths or at the head policy's own, and Markdown files the change adds or edits
 * whose front matter has an `rsp` block (the first MAX_MARKDOWN_READ of them).
 */
async function cardsAt(port, target, sha, policyPath) {
    const isCard = createMatcher([
        ...DEFAULT_CARD_GLOBS,
        ...(await headCardGlobs(port, sha, policyPath)),
    ]);
    const tree = await port.tree(sha);
    const found = tree.filter((e) => isCard(e.path)).map((e) => e.path);
    if (found.length > 0 || target.kind === 'state')
        return found;
    const baseSha = target.baseSha ?? (await port.pullRequest(target.number)).baseSha;
    const changed = (await port.compare(baseSha, sha)).files
        .filter((f) => f.status !== 'removed' && /\.(md|markdown)$/i.test(f.path))
        .slice(0, MAX_MARKDOWN_READ);
    const bySha = new Map(tree.map((e) => [e.path, e]));
    for (const file of changed) {
        const entry = bySha.get(file.path);
        if (entry?.kind !== 'file')
            continue;
        if (hasRspBlock(await port.blob(entry.sha), file.path))
            found.push(file.path);
    }
    return found;
}
/**
 * Where the "not configured" verdict goes, and whether it may be neutral. A pull request into a
 * base no rule protects gets its own check (`rsp-gate (into <base>)`), never the required one.
 * Into a protected base, the required check on the head speaks for every open pull request with
 * that head into a protected base: it may be neutral only when this one is the only one, since
 * the others (judged by their bases' policies) cannot be judged together with one that has none.
 */
async function notConfiguredPlace(port, target, sha, checkName) {
    if (target.kind === 'state')
        return { name: checkName, sharedWith: [] };
    const pr = await port.pullRequest(target.number);
    if (target.checkSha === undefined) {
        const protection = await readBaseProtection(port, pr.baseRef, checkName, pr.defaultBranch);
        if (!protection.protected)
            return { name: checkNameInto(checkName, pr.baseRef), sharedWith: [] };
    }
    const open = await port.openPullRequestsWithHead(sha, OPEN_PULL_REQUEST_LIMIT);
    // Unable to list them: as if shared, which fails closed.
    if (open === null)
        return { name: checkName, sharedWith: [0] };
    const sharedWith = [];
    for (const other of open) {
        if (other.number === pr.number)
            continue;
        const protection = await readBaseProtection(port, other.baseRef, checkName, other.defaultBranch);
        if (protection.protected)
            sharedWith.push(other.number);
    }
    return { name: checkName, sharedWith };
}
/**
 * No policy in the repository nor in the organization: a neutral check saying so, so no required
 * check waits forever; but never a pass for a repository that has model cards, nor for a head
 * that other pull requests into protected bases share: those fail.
 */
async function writeNotConfigured(port, target, sha, config, owner, readAt) {
    const checkName = target.kind === 'state' ? auditCheckName(config.checkName) : config.checkName;
    const { name, sharedWith } = await notConfiguredPlace(port, target, sha, checkName);
    const cards = await cardsAt(port, target, sha, config.policyPath);
    const where = `\`${config.policyPath}\` in this repository, or in \`${owner}/.github\` for every repository of the organization`;
    const others = sharedWith.filter((n) => n > 0);
    const verdict = cards.length > 0
        ? failureVerdict('Blocked: model cards but no policy', `This repository has model cards (${cards
            .slice(0, 5)
            .map((c) => `\`${c}\``)
            .join(', ')}${cards.length > 5 ? ', …' : ''}) and no rsp-gate policy to judge them by. Add ${where}.`)
        : sharedWith.length > 0
            ? failureVerdict('Blocked: a pull request with this head has no policy to be judged by', `${target.kind === 'pull_request' ? `Pull request #${target.number}'s base` : 'This branch'} has no rsp-gate policy (add ${where}), and \`${name}\` on this commit also speaks for ${others.length > 0 ? others.map((n) => `#${n}`).join(', ') : 'the other open pull requests with this head'}, into protected bases. A commit's check cannot be judged for a pull request without a policy, so it fails closed.`)
            : {
                conclusion: 'neutral',
                output: {
                    title: 'rsp-gate is not configured for this repository',
                    summary: `No policy: add ${where}. Until then the check is neutral: this change has no model cards at the default paths, nor Markdown files with an \`rsp\` block.`,
                    text: '',
                },
                annotations: [],
            };
    await writeCheck(port, sha, name, verdict, readAt, null);
    return { name, conclusion: verdict.conclusion === 'neutral' ? 'neutral' : 'failure' };
}

/**
 * The organization's policy: the policy file in the organization's `.github` repository, read at
 * that repository's default branch head through the App's installation. Null when the
 * repository or its branch is not there (or not in the installation: GitHub answers 404 to
 * both), or when the commit's tree, read whole, has no such file. GitHub's contents API also
 * answers 404 for a commit it does not serve yet (just pushed), so its 404 alone never drops
 * the org policy. A directory or a link at the policy's path, and any other failure, is thrown,
 * and the job fails closed.
 */
async function readOrganizationPolicy(github, installationId, owner, policyPath, log) {
    const head = await github.defaultBranchHead(installationId, owner, ORG_REPOSITORY);
    if (!head)
        return null;
    const port = await github.portFor(installationId, owner, ORG_REPOSITORY, log);
    const repository = `${owner}/${ORG_REPOSITORY}`;
    const file = `${repository}:${policyPath}`;
    const entry = await findPolicy(port, head.sha, policyPath, repository);
    if (entry === null)
        return null;
    const bytes = entry.bytes ?? (await port.blob(entry.sha));
    return { repository, path: policyPath, commit: head.sha, text: decodeUtf8(bytes, file) };
}
/**
 * The policy file's entry at `sha`, or null when the commit's tree (which fails when GitHub
 * cannot serve the commit) has nothing at that path.
 */
async function findPolicy(port, sha, path, repository) {
    const file = `${repository}:${path}`;
    const read = await port.readPath(sha, path);
    if (read?.kind === 'file')
        return read;
    const tree = await port.tree(sha);
    const entry = tree.find((e) => e.path === path);
    const kind = read?.kind ?? entry?.kind ?? null;
    if (kind === 'symlink')
        // A link is never read as a policy, as in a repository: fail closed rather than judge without it.
        throw new InputError('symlink', 'the organization policy is a symbolic link; rsp-gate does not follow links', { file }, `commit the policy file itself in ${repository}`);
    if (read?.kind === 'directory' || tree.some((e) => e.path.startsWith(`${path}/`)))
        throw new InputError('policy-directory', 'the organization policy path is a directory, not a file', { file }, `commit the policy file itself at ${path} in ${repository}`);
    // The contents API said 404, yet the tree has the file: read it from the tree.
    return entry ? { sha: entry.sha, bytes: null } : null;
}

/**
 * What the App does with each job: judge a head commit's pull requests, look up a commented pull
 * request's head, judge a pushed branch state, sweep an installation for verdicts that are
 * missing or stale. Every judgment is the Action's (`judgeOnGitHub`), through the same port, with
 * the organization's policy read first. A job that cannot finish fails its check closed and
 * throws, so the queue tries it again.
 */
/** A check stuck in progress this long (its job died) is judged again by a sweep. */
const STUCK_MS = 15 * 60_000;
function nowOf(context) {
    return context.config.now ?? (context.clock ?? (() => new Date()))();
}
/** What a failure says on the check, for the people reading it. */
function describeForCheck(error) {
    if (isInputError(error))
        return error.describe();
    if (error instanceof GitHubError)
        return `${error.message}. GitHub kept failing after retries; the App tries the job again, and its catch-up sweep judges the pull request again within the hour.`;
    return `internal error: ${error instanceof Error ? error.message : String(error)}. This is a bug in rsp-gate; the check fails closed until a judgment completes.`;
}
/** Fails the check on `sha` closed: updated in place when it can be, else a new failed run. */
async function failClosed(port, sha, name, error, readAt) {
    const summary = `${describeForCheck(error)}\n\nThe gate fails closed: this check stays failed until a judgment completes. Fix the cause above, or comment \`/rsp-gate recheck\` on the pull request.`;
    const verdict = failureVerdict('rsp-gate could not finish: failing closed', summary);
    try {
        await writeCheck(port, sha, name, verdict, readAt, null);
    }
    catch {
        await writeFailedCheck(port, sha, name, summary);
    }
}
function isNotConfigured(error, organization) {
    return organization === null && isInputError(error) && error.code === 'policy-missing';
}
/** How the App judges `target` in the job's repository: as the Action does, with the org policy. */
function judgeOptionsFor(context, data, port, target, organization, log) {
    const { config, reportLinks } = context;
    const { installationId, owner, repo } = data;
    return {
        port,
        target,
        policyPath: config.policyPath,
        checkName: config.checkName,
        mode: null,
        cardGlobs: null,
        fallbackPreset: null,
        organization,
        now: nowOf(context),
        repositoryUrl: `${config.serverUrl}/${owner}/${repo}`,
        runUrl: null,
        ...(reportLinks
            ? {
                detailsUrl: ({ sha, pr, base }) => reportLinks.linkFor({ installationId, owner, repo, sha, pr, base }),
            }
            : {}),
        log,
    };
}
/** One target judged as the Action judges it, failing closed when it cannot finish. */
async function judgeTarget(context, job, port, target, organization) {
    const { config, log } = context;
    const { owner } = job.data;
    const readAt = (context.clock ?? (() => new Date()))();
    const options = {
        ...judgeOptionsFor(context, job.data, port, target, organization, (m) => log.info(m, { delivery: job.data.deliveryId, key: job.key })),
        clock: () => readAt,
    };
    const checkName = target.kind === 'state' ? auditCheckName(config.checkName) : config.checkName;
    try {
        const result = await judgeOnGitHub(options);
        log.info('judged', {
            delivery: job.data.deliveryId,
            key: job.key,
            target: target.kind === 'state' ? target.ref : `#${target.number}`,
            decision: result.record.decision,
            conclusion: result.conclusion,
            check: result.checkName,
            sha: result.checkSha,
            policy: result.record.policy.source,
        });
    }
    catch (thrown) {
        let error = thrown;
        const sha = await shaOf(port, target);
        if (isNotConfigured(error, organization)) {
            try {
                const written = await writeNotConfigured(port, target, sha, config, owner, readAt);
                log.info('not configured', { delivery: job.data.deliveryId, key: job.key, ...written });
                return;
            }
            catch (failure) {
                error = failure; // could not tell what to write: fail closed below, and try again
            }
        }
        log.error('judgment failed; the check fails closed', {
            delivery: job.data.deliveryId,
            key: job.key,
            error: describeForCheck(error),
        });
        await failClosed(port, sha, checkName, error, readAt);
        // A broken policy or card will not mend itself: only GitHub's failures are tried again.
        if (!isInputError(error))
            throw error;
    }
}
async function shaOf(port, target) {
    if (target.kind === 'state')
        return target.sha;
    return target.checkSha ?? (await port.pullRequest(target.number)).headSha;
}
/**
 * The org policy for a job's repository. The organization's `.github` repository is judged by its
 * own file, which is the org policy: a pull request that edits it is a policy change there.
 */
async function organizationPolicyFor(context, data) {
    if (data.repo.toLowerCase() === ORG_REPOSITORY)
        return null;
    const { policyPath, requireOrgPolicy } = context.config;
    const found = await readOrganizationPolicy(context.github, data.installationId, data.owner, policyPath, (message) => context.log.info(message, { delivery: data.deliveryId }));
    if (found === null && requireOrgPolicy)
        throw new InputError('policy-org-unreadable', `the organization policy cannot be read: ${data.owner}/${ORG_REPOSITORY} or its ${policyPath} is not there, or not in the App's installation, and this App requires one (RSP_GATE_REQUIRE_ORG_POLICY)`, { file: `${data.owner}/${ORG_REPOSITORY}:${policyPath}` }, `add ${data.owner}/${ORG_REPOSITORY} to the App's installation, or commit the policy there`);
    return found;
}
async function runJudge(context, job) {
    const { data } = job;
    const port = await jobPort(context, job);
    const organization = await withFailClosed(context, job, port, () => organizationPolicyFor(context, data));
    // A merge queue's job may have absorbed a pull request's (someone made the queue's commit the
    // head of a pull request): those pull requests are judged too, and the queue's commit last,
    // since its verdict speaks for them as well as for the queue.
    if (!data.mergeGroup || (data.prs ?? []).length > 0)
        await judgePullRequestsWithHead(context, job, port, organization);
    if (data.mergeGroup) {
        const { number, checkSha, baseSha } = data.mergeGroup;
        const target = {
            kind: 'pull_request',
            number,
            reason: data.reason,
            checkSha,
            ...(baseSha ? { baseSha } : {}),
        };
        await judgeTarget(context, job, port, target, organization);
    }
}
/**
 * Every open pull request with the job's head, and those the deliveries named (closed ones too:
 * their comment records how they ended).
 */
async function judgePullRequestsWithHead(context, job, port, organization) {
    const { data } = job;
    const open = await port.openPullRequestsWithHead(data.sha, OPEN_PULL_REQUEST_LIMIT);
    const withHead = new Set((open ?? []).map((p) => p.number));
    const numbers = [...new Set([...(data.prs ?? []), ...withHead])];
    for (const number of numbers.sort((a, b) => a - b)) {
        if (open !== null && !withHead.has(number) && (await hasMovedOn(port, number, data.sha))) {
            context.log.info(`#${number} has moved on from ${data.sha.slice(0, 7)}: its new head's job judges it`, {
                delivery: data.deliveryId,
                key: job.key,
            });
            continue;
        }
        await judgeTarget(context, job, port, { kind: 'pull_request', number, reason: data.reason }, organization);
    }
}
/**
 * An open pull request whose head is no longer `sha`: a job under its old head (a flood of
 * pushes queues one per push) leaves it to the job of its new head, which every push queues and
 * the catch-up finds missing otherwise. A closed one is judged for the record.
 */
async function hasMovedOn(port, number, sha) {
    const pr = await port.pullRequest(number);
    return pr.state === 'open' && pr.headSha !== sha;
}
/**
 * Reading the org policy can fail (GitHub down): the head's check fails closed before the job
 * is thrown back to the queue.
 */
async function withFailClosed(context, job, port, step) {
    try {
        return await step();
    }
    catch (error) {
        const sha = job.data.mergeGroup?.checkSha ?? job.data.sha;
        const name = job.kind === 'state' ? auditCheckName(context.config.checkName) : context.config.checkName;
        context.log.error('could not read the organization policy; the check fails closed', {
            delivery: job.data.deliveryId,
            key: job.key,
            error: describeForCheck(error),
        });
        if (sha)
            await failClosed(port, sha, name, error, new Date()).catch(() => undefined);
        throw error;
    }
}
async function runResolve(context, job) {
    const { data } = job;
    const port = await jobPort(context, job);
    const pr = await port.pullRequest(data.number);
    const state = await context.queue.add({
        key: judgeKey(data.owner, data.repo, pr.headSha),
        kind: 'judge',
        data: { ...data, sha: pr.headSha, prs: [pr.number] },
    });
    context.log.info(`pull request #${pr.number} is at ${pr.headSha.slice(0, 7)}: judgment ${state}`, {
        delivery: data.deliveryId,
        key: job.key,
    });
}
/**
 * Whether a pushed branch is audited: the default branch, or one GitHub requires `rsp-gate` on
 * (a ruleset or classic protection, or one the App cannot read), as the Action's push trigger
 * on `[main, 'release/**']`. A state judged by commit alone (a Re-run of its audit check) is.
 */
async function isAudited(context, job, port) {
    const { data } = job;
    const branch = data.ref?.startsWith('refs/heads/') ? data.ref.slice('refs/heads/'.length) : null;
    if (branch === null)
        return true;
    const head = await context.github.defaultBranchHead(data.installationId, data.owner, data.repo);
    if (head?.branch === branch)
        return true;
    return (await readBaseProtection(port, branch, context.config.checkName, null)).protected;
}
async function runState(context, job) {
    const { data } = job;
    const port = await jobPort(context, job);
    if (!(await isAudited(context, job, port))) {
        context.log.info(`${data.ref} is neither the default branch nor protected: not audited`, {
            delivery: data.deliveryId,
            key: job.key,
        });
        return;
    }
    const organization = await withFailClosed(context, job, port, () => organizationPolicyFor(context, data));
    const target = {
        kind: 'state',
        sha: data.sha,
        ref: data.ref ?? data.sha,
        reason: data.reason,
    };
    await judgeTarget(context, job, port, target, organization);
}
/**
 * Whether an open pull request's verdict needs judging again: no check on its head (a missed
 * delivery, a new head), one stuck in progress, one that began reading GitHub before the pull
 * request last changed (a review, a comment or an edit whose delivery was missed or whose job
 * was lost), or one written on an earlier day than today (UTC). Approvals and attestations expire
 * at the end of a day, so a verdict from an earlier day may count one that has since expired; the
 * sweep just after midnight catches them.
 */
async function verdictIsStale(port, pr, checkName, now) {
    const existing = (await port.findCheckRun(pr.headSha, checkName)) ??
        (await port.findCheckRun(pr.headSha, checkNameInto(checkName, pr.baseRef)));
    if (!existing)
        return 'no verdict on its head';
    const stamp = stampTime(existing.externalId);
    if (stamp === null)
        return 'a verdict the App did not stamp';
    if (existing.status !== 'completed' && now.getTime() - stamp > STUCK_MS)
        return 'a judgment stuck in progress';
    // The gate's own comment moves it too, once after each change: that re-judging writes nothing new.
    const updated = pr.updatedAt ? Date.parse(pr.updatedAt) : NaN;
    if (existing.status === 'completed' && updated > stamp)
        return 'the pull request changed after its verdict';
    if (new Date(stamp).toISOString().slice(0, 10) < now.toISOString().slice(0, 10))
        return 'a verdict from an earlier day (approvals may have expired)';
    return null;
}
async function sweepRepository(context, data, owner, repo) {
    const { github, queue, config } = context;
    const pulls = await github.openPullRequests(data.installationId, owner, repo);
    if (pulls.length === 0)
        return 0;
    const port = await github.portFor(data.installationId, owner, repo, (m) => context.log.info(m, { delivery: data.deliveryId }));
    const realNow = (context.clock ?? (() => new Date()))();
    let queued = 0;
    for (const pr of pulls) {
        const why = data.force
            ? data.reason
            : await verdictIsStale(port, pr, config.checkName, realNow);
        if (!why)
            continue;
        await queue.add({
            key: judgeKey(owner, repo, pr.headSha),
            kind: 'judge',
            data: {
                installationId: data.installationId,
                owner,
                repo,
                sha: pr.headSha,
                prs: [pr.number],
                reason: `catch-up: ${why}`,
                deliveryId: data.deliveryId,
            },
        });
        queued++;
    }
    return queued;
}
/**
 * A sweep of an installation queues one sweep per repository, so that no job runs long (the
 * Postgres queue counts a job running past its expiry as lost); a repository's sweep queues a
 * judgment for each open pull request whose verdict is stale (every one, when forced).
 */
async function runSweep(context, job) {
    const { data } = job;
    if (data.repo) {
        const queued = await sweepRepository(context, data, data.owner, data.repo);
        context.log.info(`swept ${data.owner}/${data.repo}: ${queued} pull requests to judge`, {
            delivery: data.deliveryId,
            key: job.key,
            reason: data.reason,
        });
        return;
    }
    const wanted = data.repos ? new Set(data.repos.map((r) => r.toLowerCase())) : null;
    const repositories = (await context.github.repositories(data.installationId)).filter((r) => wanted === null || wanted.has(r.name.toLowerCase()));
    for (const r of repositories)
        await context.queue.add({
            key: `${r.owner}/${r.name}:sweep`.toLowerCase(),
            kind: 'sweep',
            data: { ...data, owner: r.owner, repo: r.name, repos: [r.name] },
        });
    context.log.info(`sweeping ${repositories.length} repositories`, {
        delivery: data.deliveryId,
        key: job.key,
        reason: data.reason,
    });
}
/**
 * The job with its repository's own installation, or null when the App is not installed on the
 * repository. An installation's sweep of all its repositories keeps its own.
 */
async function withRepositoryInstallation(context, job) {
    const { data } = job;
    if (job.kind === 'sweep' && !data.repo)
        return job;
    const id = await context.github.installationOf(data.owner, data.repo, data.installationId);
    if (id === null)
        return null;
    if (id !== data.installationId)
        context.log.warn('the delivery named another installation than the repository’s', {
            delivery: data.deliveryId,
            key: job.key,
            named: data.installationId,
            repository: id,
        });
    return id === data.installationId ? job : { ...job, data: { ...data, installationId: id } };
}
/** Why a report page is not shown: the link's installation no longer covers its repository. */
class NotInstalled extends Error {
    name = 'NotInstalled';
}
/**
 * The judgment a report link's check run shows, read again now as the job that wrote it reads it:
 * the commit through the installation's port, with the organization policy, and for a pull
 * request its reviews, ticks and teams, against the base the check was judged against. Nothing is
 * written. Throws `NotInstalled` when the link's installation no longer covers the repository.
 */
async function judgeForReport(context, link, requestId) {
    const { installationId, owner, repo, sha, pr, base } = link;
    if ((await context.github.installationOf(owner, repo, installationId)) !== installationId)
        throw new NotInstalled(`installation ${installationId} does not cover ${owner}/${repo}`);
    const log = (message) => context.log.info(message, { request: requestId });
    const port = await context.github.portFor(installationId, owner, repo, log);
    const data = { installationId, owner, repo, reason: 'report page', deliveryId: requestId };
    const organization = await organizationPolicyFor(context, data);
    const target = pr === null
        ? { kind: 'state', sha, ref: sha, reason: data.reason }
        : {
            kind: 'pull_request',
            number: pr,
            reason: data.reason,
            checkSha: sha,
            ...(base ? { baseSha: base } : {}),
        };
    const options = judgeOptionsFor(context, data, port, target, organization, log);
    return { ...(await judgeWithoutWriting(options)), now: options.now };
}
/** The port for the job's repository, its own lines logged with the job's delivery and key. */
function jobPort(context, job) {
    const { data } = job;
    return context.github.portFor(data.installationId, data.owner, data.repo, portLog(context, job));
}
/** The port's own lines, with the job's delivery and key, as every line of a job carries them. */
function portLog(context, job) {
    return (message) => context.log.info(message, { delivery: job.data.deliveryId, key: job.key });
}
function createJobHandler(context) {
    return async (delivered) => {
        const job = await withRepositoryInstallation(context, delivered);
        if (job === null) {
            context.log.warn('not installed on the repository; nothing to judge', {
                delivery: delivered.data.deliveryId,
                key: delivered.key,
            });
            return;
        }
        switch (job.kind) {
            case 'judge':
                return runJudge(context, job);
            case 'resolve':
                return runResolve(context, job);
            case 'state':
                return runState(context, job);
            case 'sweep':
                return runSweep(context, job);
        }
    };
}

const RANK = { debug: 0, info: 1, warn: 2, error: 3 };
function createLogger(write, level = 'info', base = {}) {
    const at = (lineLevel) => (message, fields = {}) => {
        if (RANK[lineLevel] < RANK[level])
            return;
        write(`${JSON.stringify({ time: new Date().toISOString(), level: lineLevel, msg: message, ...base, ...fields })}\n`);
    };
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
function logLevelFrom(value) {
    return value === 'debug' || value === 'warn' || value === 'error' ? value : 'info';
}

var plans;
var hasRequiredPlans;

function requirePlans () {
	if (hasRequiredPlans) return plans;
	hasRequiredPlans = 1;
	const DEFAULT_SCHEMA = 'pgboss';
	const MIGRATE_RACE_MESSAGE = 'division by zero';
	const CREATE_RACE_MESSAGE = 'already exists';

	const JOB_STATES = Object.freeze({
	  created: 'created',
	  retry: 'retry',
	  active: 'active',
	  completed: 'completed',
	  cancelled: 'cancelled',
	  failed: 'failed'
	});

	const QUEUE_POLICIES = Object.freeze({
	  standard: 'standard',
	  short: 'short',
	  singleton: 'singleton',
	  stately: 'stately'
	});

	plans = {
	  create,
	  insertVersion,
	  getVersion,
	  setVersion,
	  versionTableExists,
	  fetchNextJob,
	  completeJobs,
	  cancelJobs,
	  resumeJobs,
	  deleteJobs,
	  retryJobs,
	  failJobsById,
	  failJobsByTimeout,
	  insertJob,
	  insertJobs,
	  getTime,
	  getSchedules,
	  schedule,
	  unschedule,
	  subscribe,
	  unsubscribe,
	  getQueuesForEvent,
	  archive,
	  drop,
	  countStates,
	  updateQueue,
	  createQueue,
	  deleteQueue,
	  getQueues,
	  getQueueByName,
	  getQueueSize,
	  purgeQueue,
	  clearStorage,
	  trySetMaintenanceTime,
	  trySetMonitorTime,
	  trySetCronTime,
	  locked,
	  assertMigration,
	  getArchivedJobById,
	  getJobById,
	  QUEUE_POLICIES,
	  JOB_STATES,
	  MIGRATE_RACE_MESSAGE,
	  CREATE_RACE_MESSAGE,
	  DEFAULT_SCHEMA
	};

	const assert = require$$0;

	function create (schema, version) {
	  const commands = [
	    createSchema(schema),
	    createEnumJobState(schema),

	    createTableVersion(schema),
	    createTableQueue(schema),
	    createTableSchedule(schema),
	    createTableSubscription(schema),

	    createTableJob(schema),
	    createPrimaryKeyJob(schema),

	    createTableArchive(schema),
	    createPrimaryKeyArchive(schema),
	    createColumnArchiveArchivedOn(schema),
	    createIndexArchiveArchivedOn(schema),

	    createQueueFunction(schema),
	    deleteQueueFunction(schema),

	    insertVersion(schema, version)
	  ];

	  return locked(schema, commands)
	}

	function createSchema (schema) {
	  return `
    CREATE SCHEMA IF NOT EXISTS ${schema}
  `
	}

	function createEnumJobState (schema) {
	  // ENUM definition order is important
	  // base type is numeric and first values are less than last values
	  return `
    CREATE TYPE ${schema}.job_state AS ENUM (
      '${JOB_STATES.created}',
      '${JOB_STATES.retry}',
      '${JOB_STATES.active}',
      '${JOB_STATES.completed}',
      '${JOB_STATES.cancelled}',
      '${JOB_STATES.failed}'
    )
  `
	}

	function createTableVersion (schema) {
	  return `
    CREATE TABLE ${schema}.version (
      version int primary key,
      maintained_on timestamp with time zone,
      cron_on timestamp with time zone,
      monitored_on timestamp with time zone
    )
  `
	}

	function createTableQueue (schema) {
	  return `
    CREATE TABLE ${schema}.queue (
      name text,
      policy text,
      retry_limit int,
      retry_delay int,
      retry_backoff bool,
      expire_seconds int,
      retention_minutes int,
      dead_letter text REFERENCES ${schema}.queue (name),
      partition_name text,
      created_on timestamp with time zone not null default now(),
      updated_on timestamp with time zone not null default now(),
      PRIMARY KEY (name)
    )
  `
	}

	function createTableSchedule (schema) {
	  return `
    CREATE TABLE ${schema}.schedule (
      name text REFERENCES ${schema}.queue ON DELETE CASCADE,
      cron text not null,
      timezone text,
      data jsonb,
      options jsonb,
      created_on timestamp with time zone not null default now(),
      updated_on timestamp with time zone not null default now(),
      PRIMARY KEY (name)
    )
  `
	}

	function createTableSubscription (schema) {
	  return `
    CREATE TABLE ${schema}.subscription (
      event text not null,
      name text not null REFERENCES ${schema}.queue ON DELETE CASCADE,
      created_on timestamp with time zone not null default now(),
      updated_on timestamp with time zone not null default now(),
      PRIMARY KEY(event, name)
    )
  `
	}

	function createTableJob (schema) {
	  return `
    CREATE TABLE ${schema}.job (
      id uuid not null default gen_random_uuid(),
      name text not null,
      priority integer not null default(0),
      data jsonb,
      state ${schema}.job_state not null default('${JOB_STATES.created}'),
      retry_limit integer not null default(2),
      retry_count integer not null default(0),
      retry_delay integer not null default(0),
      retry_backoff boolean not null default false,
      start_after timestamp with time zone not null default now(),
      started_on timestamp with time zone,
      singleton_key text,
      singleton_on timestamp without time zone,
      expire_in interval not null default interval '15 minutes',
      created_on timestamp with time zone not null default now(),
      completed_on timestamp with time zone,
      keep_until timestamp with time zone NOT NULL default now() + interval '14 days',
      output jsonb,
      dead_letter text,
      policy text
    ) PARTITION BY LIST (name)
  `
	}

	const baseJobColumns = 'id, name, data, EXTRACT(epoch FROM expire_in) as "expireInSeconds"';
	const allJobColumns = `${baseJobColumns},
  policy,
  state,
  priority,
  retry_limit as "retryLimit",
  retry_count as "retryCount",
  retry_delay as "retryDelay",
  retry_backoff as "retryBackoff",
  start_after as "startAfter",
  started_on as "startedOn",
  singleton_key as "singletonKey",
  singleton_on as "singletonOn",
  expire_in as "expireIn",
  created_on as "createdOn",
  completed_on as "completedOn",
  keep_until as "keepUntil",
  dead_letter as "deadLetter",
  output
`;

	function createQueueFunction (schema) {
	  return `
    CREATE FUNCTION ${schema}.create_queue(queue_name text, options json)
    RETURNS VOID AS
    $$
    DECLARE
      table_name varchar := 'j' || encode(sha224(queue_name::bytea), 'hex');
      queue_created_on timestamptz;
    BEGIN

      WITH q as (
      INSERT INTO ${schema}.queue (
        name,
        policy,
        retry_limit,
        retry_delay,
        retry_backoff,
        expire_seconds,
        retention_minutes,
        dead_letter,
        partition_name
      )
      VALUES (
        queue_name,
        options->>'policy',
        (options->>'retryLimit')::int,
        (options->>'retryDelay')::int,
        (options->>'retryBackoff')::bool,
        (options->>'expireInSeconds')::int,
        (options->>'retentionMinutes')::int,
        options->>'deadLetter',
        table_name
      )
      ON CONFLICT DO NOTHING
      RETURNING created_on
      )
      SELECT created_on into queue_created_on from q;

      IF queue_created_on IS NULL THEN
        RETURN;
      END IF;

      EXECUTE format('CREATE TABLE ${schema}.%I (LIKE ${schema}.job INCLUDING DEFAULTS)', table_name);

      EXECUTE format('${formatPartitionCommand(createPrimaryKeyJob(schema))}', table_name);
      EXECUTE format('${formatPartitionCommand(createQueueForeignKeyJob(schema))}', table_name);
      EXECUTE format('${formatPartitionCommand(createQueueForeignKeyJobDeadLetter(schema))}', table_name);
      EXECUTE format('${formatPartitionCommand(createIndexJobPolicyShort(schema))}', table_name);
      EXECUTE format('${formatPartitionCommand(createIndexJobPolicySingleton(schema))}', table_name);
      EXECUTE format('${formatPartitionCommand(createIndexJobPolicyStately(schema))}', table_name);
      EXECUTE format('${formatPartitionCommand(createIndexJobThrottle(schema))}', table_name);
      EXECUTE format('${formatPartitionCommand(createIndexJobFetch(schema))}', table_name);

      EXECUTE format('ALTER TABLE ${schema}.%I ADD CONSTRAINT cjc CHECK (name=%L)', table_name, queue_name);
      EXECUTE format('ALTER TABLE ${schema}.job ATTACH PARTITION ${schema}.%I FOR VALUES IN (%L)', table_name, queue_name);
    END;
    $$
    LANGUAGE plpgsql;
  `
	}

	function formatPartitionCommand (command) {
	  return command.replace('.job', '.%1$I').replace('job_i', '%1$s_i').replaceAll('\'', '\'\'')
	}

	function deleteQueueFunction (schema) {
	  return `
    CREATE FUNCTION ${schema}.delete_queue(queue_name text)
    RETURNS VOID AS
    $$
    DECLARE
      table_name varchar;
    BEGIN
      WITH deleted as (
        DELETE FROM ${schema}.queue
        WHERE name = queue_name
        RETURNING partition_name
      )
      SELECT partition_name from deleted INTO table_name;

      EXECUTE format('DROP TABLE IF EXISTS ${schema}.%I', table_name);
    END;
    $$
    LANGUAGE plpgsql;
  `
	}

	function createQueue (schema) {
	  return `SELECT ${schema}.create_queue($1, $2)`
	}

	function deleteQueue (schema) {
	  return `SELECT ${schema}.delete_queue($1)`
	}

	function createPrimaryKeyJob (schema) {
	  return `ALTER TABLE ${schema}.job ADD PRIMARY KEY (name, id)`
	}

	function createQueueForeignKeyJob (schema) {
	  return `ALTER TABLE ${schema}.job ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES ${schema}.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED`
	}

	function createQueueForeignKeyJobDeadLetter (schema) {
	  return `ALTER TABLE ${schema}.job ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES ${schema}.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED`
	}

	function createPrimaryKeyArchive (schema) {
	  return `ALTER TABLE ${schema}.archive ADD PRIMARY KEY (name, id)`
	}

	function createIndexJobPolicyShort (schema) {
	  return `CREATE UNIQUE INDEX job_i1 ON ${schema}.job (name, COALESCE(singleton_key, '')) WHERE state = '${JOB_STATES.created}' AND policy = '${QUEUE_POLICIES.short}'`
	}

	function createIndexJobPolicySingleton (schema) {
	  return `CREATE UNIQUE INDEX job_i2 ON ${schema}.job (name, COALESCE(singleton_key, '')) WHERE state = '${JOB_STATES.active}' AND policy = '${QUEUE_POLICIES.singleton}'`
	}

	function createIndexJobPolicyStately (schema) {
	  return `CREATE UNIQUE INDEX job_i3 ON ${schema}.job (name, state, COALESCE(singleton_key, '')) WHERE state <= '${JOB_STATES.active}' AND policy = '${QUEUE_POLICIES.stately}'`
	}

	function createIndexJobThrottle (schema) {
	  return `CREATE UNIQUE INDEX job_i4 ON ${schema}.job (name, singleton_on, COALESCE(singleton_key, '')) WHERE state <> '${JOB_STATES.cancelled}' AND singleton_on IS NOT NULL`
	}

	function createIndexJobFetch (schema) {
	  return `CREATE INDEX job_i5 ON ${schema}.job (name, start_after) INCLUDE (priority, created_on, id) WHERE state < '${JOB_STATES.active}'`
	}

	function createTableArchive (schema) {
	  return `CREATE TABLE ${schema}.archive (LIKE ${schema}.job)`
	}

	function createColumnArchiveArchivedOn (schema) {
	  return `ALTER TABLE ${schema}.archive ADD archived_on timestamptz NOT NULL DEFAULT now()`
	}

	function createIndexArchiveArchivedOn (schema) {
	  return `CREATE INDEX archive_i1 ON ${schema}.archive(archived_on)`
	}

	function trySetMaintenanceTime (schema) {
	  return trySetTimestamp(schema, 'maintained_on')
	}

	function trySetMonitorTime (schema) {
	  return trySetTimestamp(schema, 'monitored_on')
	}

	function trySetCronTime (schema) {
	  return trySetTimestamp(schema, 'cron_on')
	}

	function trySetTimestamp (schema, column) {
	  return `
    UPDATE ${schema}.version SET ${column} = now()
    WHERE EXTRACT( EPOCH FROM (now() - COALESCE(${column}, now() - interval '1 week') ) ) > $1
    RETURNING true
  `
	}

	function updateQueue (schema) {
	  return `
    UPDATE ${schema}.queue SET
      policy = COALESCE($2, policy),
      retry_limit = COALESCE($3, retry_limit),
      retry_delay = COALESCE($4, retry_delay),
      retry_backoff = COALESCE($5, retry_backoff),
      expire_seconds = COALESCE($6, expire_seconds),
      retention_minutes = COALESCE($7, retention_minutes),
      dead_letter = COALESCE($8, dead_letter),
      updated_on = now()
    WHERE name = $1
  `
	}

	function getQueues (schema) {
	  return `
    SELECT
      name,
      policy,
      retry_limit as "retryLimit",
      retry_delay as "retryDelay",
      retry_backoff as "retryBackoff",
      expire_seconds as "expireInSeconds",
      retention_minutes as "retentionMinutes",
      dead_letter as "deadLetter",
      created_on as "createdOn",
      updated_on as "updatedOn"
    FROM ${schema}.queue
   `
	}

	function getQueueByName (schema) {
	  return `${getQueues(schema)} WHERE name = $1`
	}

	function purgeQueue (schema) {
	  return `DELETE from ${schema}.job WHERE name = $1 and state < '${JOB_STATES.active}'`
	}

	function clearStorage (schema) {
	  return `TRUNCATE ${schema}.job, ${schema}.archive`
	}

	function getQueueSize (schema, options = {}) {
	  options.before = options.before || JOB_STATES.active;
	  assert(options.before in JOB_STATES, `${options.before} is not a valid state`);
	  return `SELECT count(*) as count FROM ${schema}.job WHERE name = $1 AND state < '${options.before}'`
	}

	function getSchedules (schema) {
	  return `SELECT * FROM ${schema}.schedule`
	}

	function schedule (schema) {
	  return `
    INSERT INTO ${schema}.schedule (name, cron, timezone, data, options)
    VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (name) DO UPDATE SET
      cron = EXCLUDED.cron,
      timezone = EXCLUDED.timezone,
      data = EXCLUDED.data,
      options = EXCLUDED.options,
      updated_on = now()
  `
	}

	function unschedule (schema) {
	  return `
    DELETE FROM ${schema}.schedule
    WHERE name = $1
  `
	}

	function subscribe (schema) {
	  return `
    INSERT INTO ${schema}.subscription (event, name)
    VALUES ($1, $2)
    ON CONFLICT (event, name) DO UPDATE SET
      event = EXCLUDED.event,
      name = EXCLUDED.name,
      updated_on = now()
  `
	}

	function unsubscribe (schema) {
	  return `
    DELETE FROM ${schema}.subscription
    WHERE event = $1 and name = $2
  `
	}

	function getQueuesForEvent (schema) {
	  return `
    SELECT name FROM ${schema}.subscription
    WHERE event = $1
  `
	}

	function getTime () {
	  return "SELECT round(date_part('epoch', now()) * 1000) as time"
	}

	function getVersion (schema) {
	  return `SELECT version from ${schema}.version`
	}

	function setVersion (schema, version) {
	  return `UPDATE ${schema}.version SET version = '${version}'`
	}

	function versionTableExists (schema) {
	  return `SELECT to_regclass('${schema}.version') as name`
	}

	function insertVersion (schema, version) {
	  return `INSERT INTO ${schema}.version(version) VALUES ('${version}')`
	}

	function fetchNextJob (schema) {
	  return ({ includeMetadata, priority = true, ignoreStartAfter = false } = {}) => `
    WITH next as (
      SELECT id, singleton_key, policy
      FROM ${schema}.job
      WHERE name = $1
        AND state < '${JOB_STATES.active}'
        ${ignoreStartAfter ? '' : 'AND start_after < now()'}
      ORDER BY ${priority ? 'priority desc, ' : ''}created_on, id
      LIMIT $2
      FOR UPDATE SKIP LOCKED
    ), grouped as (
      SELECT
        n.id,
        n.policy as grouped_policy,
        row_number() OVER (
          PARTITION BY CASE
            WHEN $2 > 1 AND n.policy in ('${QUEUE_POLICIES.singleton}', '${QUEUE_POLICIES.stately}') THEN n.singleton_key -- gate singleton/stately by key per batch
            ELSE n.id::text
          END
        ) as row_number
      FROM next n
    )
    UPDATE ${schema}.job j SET
      state = '${JOB_STATES.active}',
      started_on = now(),
      retry_count = CASE WHEN started_on IS NOT NULL THEN retry_count + 1 ELSE retry_count END
    FROM grouped
    WHERE name = $1 AND j.id = grouped.id
      AND (
        (grouped.grouped_policy IN ('${QUEUE_POLICIES.singleton}', '${QUEUE_POLICIES.stately}') AND grouped.row_number = 1) -- only one per singleton key
        OR COALESCE(grouped.grouped_policy, '') NOT IN ('${QUEUE_POLICIES.singleton}', '${QUEUE_POLICIES.stately}') -- other policies unaffected
      )
    RETURNING j.${includeMetadata ? allJobColumns : baseJobColumns}
  `
	}

	function completeJobs (schema) {
	  return `
    WITH results AS (
      UPDATE ${schema}.job
      SET completed_on = now(),
        state = '${JOB_STATES.completed}',
        output = $3::jsonb
      WHERE name = $1
        AND id IN (SELECT UNNEST($2::uuid[]))
        AND state = '${JOB_STATES.active}'
      RETURNING *
    )
    SELECT COUNT(*) FROM results
  `
	}

	function failJobsById (schema) {
	  const where = `name = $1 AND id IN (SELECT UNNEST($2::uuid[])) AND state < '${JOB_STATES.completed}'`;
	  const output = '$3::jsonb';

	  return failJobs(schema, where, output)
	}

	function failJobsByTimeout (schema) {
	  const where = `state = '${JOB_STATES.active}' AND (started_on + expire_in) < now()`;
	  const output = '\'{ "value": { "message": "job failed by timeout in active state" } }\'::jsonb';
	  return failJobs(schema, where, output)
	}

	function failJobs (schema, where, output) {
	  return `
    WITH deleted_jobs AS (
      DELETE FROM ${schema}.job
      WHERE ${where}
      RETURNING *
    ),
    retried_jobs AS (
      INSERT INTO ${schema}.job (
        id,
        name,
        priority,
        data,
        state,
        retry_limit,
        retry_count,
        retry_delay,
        retry_backoff,
        start_after,
        started_on,
        singleton_key,
        singleton_on,
        expire_in,
        created_on,
        completed_on,
        keep_until,
        dead_letter,
        policy,
        output
      )
      SELECT
        id,
        name,
        priority,
        data,
        CASE
          WHEN retry_count < retry_limit THEN '${JOB_STATES.retry}'::${schema}.job_state
          ELSE '${JOB_STATES.failed}'::${schema}.job_state
          END as state,
        retry_limit,
        retry_count,
        retry_delay,
        retry_backoff,
        CASE
          WHEN retry_count = retry_limit THEN start_after
          WHEN NOT retry_backoff THEN now() + retry_delay * interval '1'
          ELSE now() + (
                retry_delay * 2 ^ LEAST(16, retry_count + 1) / 2 +
                retry_delay * 2 ^ LEAST(16, retry_count + 1) / 2 * random()
            ) * interval '1'
          END as start_after,
        started_on,
        singleton_key,
        singleton_on,
        expire_in,
        created_on,
        CASE
          WHEN retry_count < retry_limit THEN NULL
          ELSE now()
          END as completed_on,
        keep_until,
        dead_letter,
        policy,
        ${output}
      FROM deleted_jobs
      ON CONFLICT DO NOTHING
      RETURNING *
    ),
    failed_jobs as (
      INSERT INTO ${schema}.job (
        id,
        name,
        priority,
        data,
        state,
        retry_limit,
        retry_count,
        retry_delay,
        retry_backoff,
        start_after,
        started_on,
        singleton_key,
        singleton_on,
        expire_in,
        created_on,
        completed_on,
        keep_until,
        dead_letter,
        policy,
        output
      )
      SELECT
        id,
        name,
        priority,
        data,
        '${JOB_STATES.failed}'::${schema}.job_state as state,
        retry_limit,
        retry_count,
        retry_delay,
        retry_backoff,
        start_after,
        started_on,
        singleton_key,
        singleton_on,
        expire_in,
        created_on,
        now() as completed_on,
        keep_until,
        dead_letter,
        policy,
        ${output}
      FROM deleted_jobs
      WHERE id NOT IN (SELECT id from retried_jobs)
      RETURNING *
    ),
    results as (
      SELECT * FROM retried_jobs
      UNION ALL
      SELECT * FROM failed_jobs
    ),
    dlq_jobs as (
      INSERT INTO ${schema}.job (name, data, output, retry_limit, keep_until)
      SELECT
        dead_letter,
        data,
        output,
        retry_limit,
        keep_until + (keep_until - start_after)
      FROM results
      WHERE state = '${JOB_STATES.failed}'
        AND dead_letter IS NOT NULL
        AND NOT name = dead_letter
    )
    SELECT COUNT(*) FROM results
  `
	}

	function cancelJobs (schema) {
	  return `
    with results as (
      UPDATE ${schema}.job
      SET completed_on = now(),
        state = '${JOB_STATES.cancelled}'
      WHERE name = $1
        AND id IN (SELECT UNNEST($2::uuid[]))
        AND state < '${JOB_STATES.completed}'
      RETURNING 1
    )
    SELECT COUNT(*) from results
  `
	}

	function resumeJobs (schema) {
	  return `
    with results as (
      UPDATE ${schema}.job
      SET completed_on = NULL,
        state = '${JOB_STATES.created}'
      WHERE name = $1
        AND id IN (SELECT UNNEST($2::uuid[]))
        AND state = '${JOB_STATES.cancelled}'
      RETURNING 1
    )
    SELECT COUNT(*) from results
  `
	}

	function deleteJobs (schema) {
	  return `
    with results as (
      DELETE FROM ${schema}.job
      WHERE name = $1
        AND id IN (SELECT UNNEST($2::uuid[]))
      RETURNING 1
    )
    SELECT COUNT(*) from results
  `
	}

	function retryJobs (schema) {
	  return `
    with results as (
      UPDATE ${schema}.job
      SET state = '${JOB_STATES.retry}',
        retry_limit = retry_limit + 1
      WHERE name = $1
        AND id IN (SELECT UNNEST($2::uuid[]))
        AND state = '${JOB_STATES.failed}'
      RETURNING 1
    )
    SELECT COUNT(*) from results
  `
	}

	function insertJob (schema) {
	  return `
    INSERT INTO ${schema}.job (
      id,
      name,
      data,
      priority,
      start_after,
      singleton_key,
      singleton_on,
      dead_letter,
      expire_in,
      keep_until,
      retry_limit,
      retry_delay,
      retry_backoff,
      policy
    )
    SELECT
      id,
      j.name,
      data,
      priority,
      start_after,
      singleton_key,
      singleton_on,
      COALESCE(j.dead_letter, q.dead_letter) as dead_letter,
      CASE
        WHEN expire_in IS NOT NULL THEN expire_in::numeric * interval '1s'
        WHEN q.expire_seconds IS NOT NULL THEN q.expire_seconds * interval '1s'
        WHEN expire_in_default IS NOT NULL THEN expire_in_default::numeric * interval '1s'
        ELSE interval '15 minutes'
        END as expire_in,
      CASE
        WHEN right(keep_until, 1) = 'Z' THEN CAST(keep_until as timestamp with time zone)
        ELSE start_after + CAST(COALESCE(keep_until, (q.retention_minutes * 60)::text, keep_until_default, '14 days') as interval)
        END as keep_until,
      COALESCE(j.retry_limit, q.retry_limit, retry_limit_default, 2) as retry_limit,
      CASE
        WHEN COALESCE(j.retry_backoff, q.retry_backoff, retry_backoff_default, false)
        THEN GREATEST(COALESCE(j.retry_delay, q.retry_delay, retry_delay_default), 1)
        ELSE COALESCE(j.retry_delay, q.retry_delay, retry_delay_default, 0)
        END as retry_delay,
      COALESCE(j.retry_backoff, q.retry_backoff, retry_backoff_default, false) as retry_backoff,
      q.policy
    FROM
      ( SELECT
          COALESCE($1::uuid, gen_random_uuid()) as id,
          $2 as name,
          $3::jsonb as data,
          COALESCE($4::int, 0) as priority,
          CASE
            WHEN right($5, 1) = 'Z' THEN CAST($5 as timestamp with time zone)
            ELSE now() + CAST(COALESCE($5,'0') as interval)
            END as start_after,
          $6 as singleton_key,
          CASE
            WHEN $7::integer IS NOT NULL THEN 'epoch'::timestamp + '1 second'::interval * ($7 * floor((date_part('epoch', now()) + $8) / $7))
            ELSE NULL
            END as singleton_on,
          $9 as dead_letter,
          $10 as expire_in,
          $11 as expire_in_default,
          $12 as keep_until,
          $13 as keep_until_default,
          $14::int as retry_limit,
          $15::int as retry_limit_default,
          $16::int as retry_delay,
          $17::int as retry_delay_default,
          $18::bool as retry_backoff,
          $19::bool as retry_backoff_default
      ) j JOIN ${schema}.queue q ON j.name = q.name
    ON CONFLICT DO NOTHING
    RETURNING id
  `
	}

	function insertJobs (schema) {
	  return `
    WITH defaults as (
      SELECT
        $2 as expire_in,
        $3 as keep_until,
        $4::int as retry_limit,
        $5::int as retry_delay,
        $6::bool as retry_backoff
    )
    INSERT INTO ${schema}.job (
      id,
      name,
      data,
      priority,
      start_after,
      singleton_key,
      singleton_on,
      dead_letter,
      expire_in,
      keep_until,
      retry_limit,
      retry_delay,
      retry_backoff,
      policy
    )
    SELECT
      COALESCE(id, gen_random_uuid()) as id,
      j.name,
      data,
      COALESCE(priority, 0) as priority,
      j.start_after,
      "singletonKey" as singleton_key,
      CASE
        WHEN "singletonSeconds" IS NOT NULL THEN 'epoch'::timestamp + '1 second'::interval * ("singletonSeconds" * floor( date_part('epoch', now()) / "singletonSeconds" ))
        ELSE NULL
        END as singleton_on,
      COALESCE("deadLetter", q.dead_letter) as dead_letter,
      CASE
        WHEN "expireInSeconds" IS NOT NULL THEN "expireInSeconds"::numeric * interval '1s'
        WHEN q.expire_seconds IS NOT NULL THEN q.expire_seconds * interval '1s'
        WHEN defaults.expire_in IS NOT NULL THEN defaults.expire_in::numeric * interval '1s'
        ELSE interval '15 minutes'
        END as expire_in,
      CASE
        WHEN "keepUntil" IS NOT NULL THEN "keepUntil"
        ELSE COALESCE(j.start_after, now()) + CAST(COALESCE((q.retention_minutes * 60)::text, defaults.keep_until, '14 days') as interval)
        END as keep_until,
      COALESCE("retryLimit", q.retry_limit, defaults.retry_limit, 2),
      CASE
        WHEN COALESCE("retryBackoff", q.retry_backoff, defaults.retry_backoff, false)
          THEN GREATEST(COALESCE("retryDelay", q.retry_delay, defaults.retry_delay), 1)
        ELSE COALESCE("retryDelay", q.retry_delay, defaults.retry_delay, 0)
        END as retry_delay,
      COALESCE("retryBackoff", q.retry_backoff, defaults.retry_backoff, false) as retry_backoff,
      q.policy
    FROM (
      SELECT *,
        CASE
          WHEN right("startAfter", 1) = 'Z' THEN CAST("startAfter" as timestamp with time zone)
          ELSE now() + CAST(COALESCE("startAfter",'0') as interval)
          END as start_after
      FROM json_to_recordset($1) as x (
        id uuid,
        name text,
        priority integer,
        data jsonb,
        "startAfter" text,
        "retryLimit" integer,
        "retryDelay" integer,
        "retryBackoff" boolean,
        "singletonKey" text,
        "singletonSeconds" integer,
        "expireInSeconds" integer,
        "keepUntil" timestamp with time zone,
        "deadLetter" text
      )
    ) j
    JOIN ${schema}.queue q ON j.name = q.name,
      defaults
    ON CONFLICT DO NOTHING
  `
	}

	function drop (schema, interval) {
	  return `
    DELETE FROM ${schema}.archive
    WHERE archived_on < (now() - interval '${interval}')
  `
	}

	function archive (schema, completedInterval, failedInterval = completedInterval) {
	  const columns = 'id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, started_on, singleton_key, singleton_on, expire_in, created_on, completed_on, keep_until, dead_letter, policy, output';

	  return `
    WITH archived_rows AS (
      DELETE FROM ${schema}.job
      WHERE (state <> '${JOB_STATES.failed}' AND completed_on < (now() - interval '${completedInterval}'))
        OR (state = '${JOB_STATES.failed}' AND completed_on < (now() - interval '${failedInterval}'))
        OR (state < '${JOB_STATES.active}' AND keep_until < now())
      RETURNING *
    )
    INSERT INTO ${schema}.archive (${columns})
    SELECT ${columns}
    FROM archived_rows
    ON CONFLICT DO NOTHING
  `
	}

	function countStates (schema) {
	  return `
    SELECT name, state, count(*) size
    FROM ${schema}.job
    GROUP BY rollup(name), rollup(state)
  `
	}

	function locked (schema, query) {
	  if (Array.isArray(query)) {
	    query = query.join(';\n');
	  }

	  return `
    BEGIN;
    SET LOCAL lock_timeout = '30s';
    SET LOCAL idle_in_transaction_session_timeout = '30s';
    ${advisoryLock(schema)};
    ${query};
    COMMIT;
  `
	}

	function advisoryLock (schema, key) {
	  return `SELECT pg_advisory_xact_lock(
      ('x' || encode(sha224((current_database() || '.pgboss.${schema}${''}')::bytea), 'hex'))::bit(64)::bigint
  )`
	}

	function assertMigration (schema, version) {
	  // raises 'division by zero' if already on desired schema version
	  return `SELECT version::int/(version::int-${version}) from ${schema}.version`
	}

	function getJobById (schema) {
	  return getJobByTableQueueId(schema, 'job')
	}

	function getArchivedJobById (schema) {
	  return getJobByTableQueueId(schema, 'archive')
	}

	function getJobByTableQueueId (schema, table) {
	  return `SELECT ${allJobColumns} FROM ${schema}.${table} WHERE name = $1 AND id = $2`
	}
	return plans;
}

var attorney;
var hasRequiredAttorney;

function requireAttorney () {
	if (hasRequiredAttorney) return attorney;
	hasRequiredAttorney = 1;
	const assert = require$$0;
	const { DEFAULT_SCHEMA } = requirePlans();

	const POLICY = {
	  MAX_EXPIRATION_HOURS: 24,
	  MIN_POLLING_INTERVAL_MS: 500
	};

	attorney = {
	  POLICY,
	  getConfig,
	  checkSendArgs,
	  checkQueueArgs,
	  checkWorkArgs,
	  checkFetchArgs,
	  warnClockSkew,
	  assertPostgresObjectName,
	  assertQueueName
	};

	const WARNINGS = {
	  CLOCK_SKEW: {
	    message: 'Timekeeper detected clock skew between this instance and the database server. This will not affect scheduling operations, but this warning is shown any time the skew exceeds 60 seconds.',
	    code: 'pg-boss-w02'
	  },
	  CRON_DISABLED: {
	    message: 'Archive interval is set less than 60s.  Cron processing is disabled.',
	    code: 'pg-boss-w03'
	  },
	  ON_COMPLETE_REMOVED: {
	    message: '\'onComplete\' option detected. This option has been removed. Consider deadLetter if needed.',
	    code: 'pg-boss-w04'
	  }
	};

	function checkQueueArgs (name, options = {}) {
	  assert(!('deadLetter' in options) || (typeof options.deadLetter === 'string'), 'deadLetter must be a string');

	  applyRetryConfig(options);
	  applyExpirationConfig(options);
	  applyRetentionConfig(options);

	  return options
	}

	function checkSendArgs (args, defaults) {
	  let name, data, options;

	  if (typeof args[0] === 'string') {
	    name = args[0];
	    data = args[1];

	    assert(typeof data !== 'function', 'send() cannot accept a function as the payload.  Did you intend to use work()?');

	    options = args[2];
	  } else if (typeof args[0] === 'object') {
	    assert(args.length === 1, 'send object API only accepts 1 argument');

	    const job = args[0];

	    assert(job, 'boss requires all jobs to have a name');

	    name = job.name;
	    data = job.data;
	    options = job.options;
	  }

	  options = options || {};

	  assert(name, 'boss requires all jobs to have a queue name');
	  assert(typeof options === 'object', 'options should be an object');

	  options = { ...options };

	  assert(!('priority' in options) || (Number.isInteger(options.priority)), 'priority must be an integer');
	  options.priority = options.priority || 0;

	  assert(!('deadLetter' in options) || (typeof options.deadLetter === 'string'), 'deadLetter must be a string');

	  applyRetryConfig(options, defaults);
	  applyExpirationConfig(options, defaults);
	  applyRetentionConfig(options, defaults);

	  const { startAfter, singletonSeconds, singletonMinutes, singletonHours } = options;

	  options.startAfter = (startAfter instanceof Date && typeof startAfter.toISOString === 'function')
	    ? startAfter.toISOString()
	    : (startAfter > 0)
	        ? '' + startAfter
	        : (typeof startAfter === 'string')
	            ? startAfter
	            : null;

	  options.singletonSeconds = (singletonHours > 0)
	    ? singletonHours * 60 * 60
	    : (singletonMinutes > 0)
	        ? singletonMinutes * 60
	        : (singletonSeconds > 0)
	            ? singletonSeconds
	            : null;

	  assert(!singletonSeconds || singletonSeconds <= defaults.archiveSeconds, `throttling interval ${singletonSeconds}s cannot exceed archive interval ${defaults.archiveSeconds}s`);

	  if (options.onComplete) {
	    emitWarning(WARNINGS.ON_COMPLETE_REMOVED);
	  }

	  return { name, data, options }
	}

	function checkWorkArgs (name, args, defaults) {
	  let options, callback;

	  assert(name, 'missing job name');

	  if (args.length === 1) {
	    callback = args[0];
	    options = {};
	  } else if (args.length > 1) {
	    options = args[0] || {};
	    callback = args[1];
	  }

	  assert(typeof callback === 'function', 'expected callback to be a function');
	  assert(typeof options === 'object', 'expected config to be an object');

	  options = { ...options };

	  applyPollingInterval(options, defaults);

	  assert(!('batchSize' in options) || (Number.isInteger(options.batchSize) && options.batchSize >= 1), 'batchSize must be an integer > 0');
	  assert(!('includeMetadata' in options) || typeof options.includeMetadata === 'boolean', 'includeMetadata must be a boolean');
	  assert(!('priority' in options) || typeof options.priority === 'boolean', 'priority must be a boolean');

	  options.batchSize = options.batchSize || 1;

	  return { options, callback }
	}

	function checkFetchArgs (name, options) {
	  assert(name, 'missing queue name');

	  assert(!('batchSize' in options) || (Number.isInteger(options.batchSize) && options.batchSize >= 1), 'batchSize must be an integer > 0');
	  assert(!('includeMetadata' in options) || typeof options.includeMetadata === 'boolean', 'includeMetadata must be a boolean');
	  assert(!('priority' in options) || typeof options.priority === 'boolean', 'priority must be a boolean');
	  assert(!('ignoreStartAfter' in options) || typeof options.ignoreStartAfter === 'boolean', 'ignoreStartAfter must be a boolean');

	  options.batchSize = options.batchSize || 1;
	}

	function getConfig (value) {
	  assert(value && (typeof value === 'object' || typeof value === 'string'),
	    'configuration assert: string or config object is required to connect to postgres');

	  const config = (typeof value === 'string')
	    ? { connectionString: value }
	    : { ...value };

	  config.schedule = ('schedule' in config) ? config.schedule : true;
	  config.supervise = ('supervise' in config) ? config.supervise : true;
	  config.migrate = ('migrate' in config) ? config.migrate : true;

	  applySchemaConfig(config);
	  applyMaintenanceConfig(config);
	  applyArchiveConfig(config);
	  applyArchiveFailedConfig(config);
	  applyDeleteConfig(config);
	  applyMonitoringConfig(config);

	  applyPollingInterval(config);
	  applyExpirationConfig(config);
	  applyRetentionConfig(config);

	  return config
	}

	function applySchemaConfig (config) {
	  if (config.schema) {
	    assertPostgresObjectName(config.schema);
	  }

	  config.schema = config.schema || DEFAULT_SCHEMA;
	}

	function assertPostgresObjectName (name) {
	  assert(typeof name === 'string', 'Name must be a string');
	  assert(name.length <= 50, 'Name cannot exceed 50 characters');
	  assert(!/\W/.test(name), 'Name can only contain alphanumeric characters or underscores');
	  assert(!/^\d/.test(name), 'Name cannot start with a number');
	}

	function assertQueueName (name) {
	  assert(name, 'Name is required');
	  assert(typeof name === 'string', 'Name must be a string');
	  assert(/[\w-]/.test(name), 'Name can only contain alphanumeric characters, underscores, or hyphens');
	}

	function applyArchiveConfig (config) {
	  const ARCHIVE_DEFAULT = 60 * 60 * 12;

	  assert(!('archiveCompletedAfterSeconds' in config) || config.archiveCompletedAfterSeconds >= 1,
	    'configuration assert: archiveCompletedAfterSeconds must be at least every second and less than ');

	  config.archiveSeconds = config.archiveCompletedAfterSeconds || ARCHIVE_DEFAULT;
	  config.archiveInterval = `${config.archiveSeconds} seconds`;

	  if (config.archiveSeconds < 60) {
	    emitWarning(WARNINGS.CRON_DISABLED);
	  }
	}

	function applyArchiveFailedConfig (config) {
	  assert(!('archiveFailedAfterSeconds' in config) || config.archiveFailedAfterSeconds >= 1,
	    'configuration assert: archiveFailedAfterSeconds must be at least every second and less than ');

	  config.archiveFailedSeconds = config.archiveFailedAfterSeconds || config.archiveSeconds;
	  config.archiveFailedInterval = `${config.archiveFailedSeconds} seconds`;

	  // Do not emit warning twice
	  if (config.archiveFailedSeconds < 60 && config.archiveSeconds >= 60) {
	    emitWarning(WARNINGS.CRON_DISABLED);
	  }
	}

	function applyRetentionConfig (config, defaults = {}) {
	  assert(!('retentionSeconds' in config) || config.retentionSeconds >= 1,
	    'configuration assert: retentionSeconds must be at least every second');

	  assert(!('retentionMinutes' in config) || config.retentionMinutes >= 1,
	    'configuration assert: retentionMinutes must be at least every minute');

	  assert(!('retentionHours' in config) || config.retentionHours >= 1,
	    'configuration assert: retentionHours must be at least every hour');

	  assert(!('retentionDays' in config) || config.retentionDays >= 1,
	    'configuration assert: retentionDays must be at least every day');

	  const keepUntil = ('retentionDays' in config)
	    ? `${config.retentionDays} days`
	    : ('retentionHours' in config)
	        ? `${config.retentionHours} hours`
	        : ('retentionMinutes' in config)
	            ? `${config.retentionMinutes} minutes`
	            : ('retentionSeconds' in config)
	                ? `${config.retentionSeconds} seconds`
	                : null;

	  config.keepUntil = keepUntil;
	  config.keepUntilDefault = defaults?.keepUntil;
	}

	function applyExpirationConfig (config, defaults = {}) {
	  assert(!('expireInSeconds' in config) || config.expireInSeconds >= 1,
	    'configuration assert: expireInSeconds must be at least every second');

	  assert(!('expireInMinutes' in config) || config.expireInMinutes >= 1,
	    'configuration assert: expireInMinutes must be at least every minute');

	  assert(!('expireInHours' in config) || config.expireInHours >= 1,
	    'configuration assert: expireInHours must be at least every hour');

	  const expireIn = ('expireInHours' in config)
	    ? config.expireInHours * 60 * 60
	    : ('expireInMinutes' in config)
	        ? config.expireInMinutes * 60
	        : ('expireInSeconds' in config)
	            ? config.expireInSeconds
	            : null;

	  assert(!expireIn || expireIn / 60 / 60 < POLICY.MAX_EXPIRATION_HOURS, `configuration assert: expiration cannot exceed ${POLICY.MAX_EXPIRATION_HOURS} hours`);

	  config.expireIn = expireIn;
	  config.expireInDefault = defaults?.expireIn;
	}

	function applyRetryConfig (config, defaults) {
	  assert(!('retryDelay' in config) || (Number.isInteger(config.retryDelay) && config.retryDelay >= 0), 'retryDelay must be an integer >= 0');
	  assert(!('retryLimit' in config) || (Number.isInteger(config.retryLimit) && config.retryLimit >= 0), 'retryLimit must be an integer >= 0');
	  assert(!('retryBackoff' in config) || (config.retryBackoff === true || config.retryBackoff === false), 'retryBackoff must be either true or false');

	  config.retryDelayDefault = defaults?.retryDelay;
	  config.retryLimitDefault = defaults?.retryLimit;
	  config.retryBackoffDefault = defaults?.retryBackoff;
	}

	function applyPollingInterval (config, defaults) {
	  assert(!('pollingIntervalSeconds' in config) || config.pollingIntervalSeconds >= POLICY.MIN_POLLING_INTERVAL_MS / 1000,
	    `configuration assert: pollingIntervalSeconds must be at least every ${POLICY.MIN_POLLING_INTERVAL_MS}ms`);

	  config.pollingInterval = ('pollingIntervalSeconds' in config)
	    ? config.pollingIntervalSeconds * 1000
	    : defaults?.pollingInterval || 2000;
	}

	function applyMaintenanceConfig (config) {
	  assert(!('maintenanceIntervalSeconds' in config) || config.maintenanceIntervalSeconds >= 1,
	    'configuration assert: maintenanceIntervalSeconds must be at least every second');

	  assert(!('maintenanceIntervalMinutes' in config) || config.maintenanceIntervalMinutes >= 1,
	    'configuration assert: maintenanceIntervalMinutes must be at least every minute');

	  config.maintenanceIntervalSeconds = ('maintenanceIntervalMinutes' in config)
	    ? config.maintenanceIntervalMinutes * 60
	    : ('maintenanceIntervalSeconds' in config)
	        ? config.maintenanceIntervalSeconds
	        : 120;

	  assert(config.maintenanceIntervalSeconds / 60 / 60 < POLICY.MAX_EXPIRATION_HOURS,
	    `configuration assert: maintenance interval cannot exceed ${POLICY.MAX_EXPIRATION_HOURS} hours`);
	}

	function applyDeleteConfig (config) {
	  assert(!('deleteAfterSeconds' in config) || config.deleteAfterSeconds >= 1,
	    'configuration assert: deleteAfterSeconds must be at least every second');

	  assert(!('deleteAfterMinutes' in config) || config.deleteAfterMinutes >= 1,
	    'configuration assert: deleteAfterMinutes must be at least every minute');

	  assert(!('deleteAfterHours' in config) || config.deleteAfterHours >= 1,
	    'configuration assert: deleteAfterHours must be at least every hour');

	  assert(!('deleteAfterDays' in config) || config.deleteAfterDays >= 1,
	    'configuration assert: deleteAfterDays must be at least every day');

	  const deleteAfter = ('deleteAfterDays' in config)
	    ? `${config.deleteAfterDays} days`
	    : ('deleteAfterHours' in config)
	        ? `${config.deleteAfterHours} hours`
	        : ('deleteAfterMinutes' in config)
	            ? `${config.deleteAfterMinutes} minutes`
	            : ('deleteAfterSeconds' in config)
	                ? `${config.deleteAfterSeconds} seconds`
	                : '7 days';

	  config.deleteAfter = deleteAfter;
	}

	function applyMonitoringConfig (config) {
	  assert(!('monitorStateIntervalSeconds' in config) || config.monitorStateIntervalSeconds >= 1,
	    'configuration assert: monitorStateIntervalSeconds must be at least every second');

	  assert(!('monitorStateIntervalMinutes' in config) || config.monitorStateIntervalMinutes >= 1,
	    'configuration assert: monitorStateIntervalMinutes must be at least every minute');

	  config.monitorStateIntervalSeconds =
	    ('monitorStateIntervalMinutes' in config)
	      ? config.monitorStateIntervalMinutes * 60
	      : ('monitorStateIntervalSeconds' in config)
	          ? config.monitorStateIntervalSeconds
	          : null;

	  if (config.monitorStateIntervalSeconds) {
	    assert(config.monitorStateIntervalSeconds / 60 / 60 < POLICY.MAX_EXPIRATION_HOURS,
	      `configuration assert: state monitoring interval cannot exceed ${POLICY.MAX_EXPIRATION_HOURS} hours`);
	  }

	  const TEN_MINUTES_IN_SECONDS = 600;

	  assert(!('clockMonitorIntervalSeconds' in config) || (config.clockMonitorIntervalSeconds >= 1 && config.clockMonitorIntervalSeconds <= TEN_MINUTES_IN_SECONDS),
	    'configuration assert: clockMonitorIntervalSeconds must be between 1 second and 10 minutes');

	  assert(!('clockMonitorIntervalMinutes' in config) || (config.clockMonitorIntervalMinutes >= 1 && config.clockMonitorIntervalMinutes <= 10),
	    'configuration assert: clockMonitorIntervalMinutes must be between 1 and 10');

	  config.clockMonitorIntervalSeconds =
	    ('clockMonitorIntervalMinutes' in config)
	      ? config.clockMonitorIntervalMinutes * 60
	      : ('clockMonitorIntervalSeconds' in config)
	          ? config.clockMonitorIntervalSeconds
	          : TEN_MINUTES_IN_SECONDS;

	  assert(!('cronMonitorIntervalSeconds' in config) || (config.cronMonitorIntervalSeconds >= 1 && config.cronMonitorIntervalSeconds <= 45),
	    'configuration assert: cronMonitorIntervalSeconds must be between 1 and 45 seconds');

	  config.cronMonitorIntervalSeconds =
	    ('cronMonitorIntervalSeconds' in config)
	      ? config.cronMonitorIntervalSeconds
	      : 30;

	  assert(!('cronWorkerIntervalSeconds' in config) || (config.cronWorkerIntervalSeconds >= 1 && config.cronWorkerIntervalSeconds <= 45),
	    'configuration assert: cronWorkerIntervalSeconds must be between 1 and 45 seconds');

	  config.cronWorkerIntervalSeconds =
	    ('cronWorkerIntervalSeconds' in config)
	      ? config.cronWorkerIntervalSeconds
	      : 5;
	}

	function warnClockSkew (message) {
	  emitWarning(WARNINGS.CLOCK_SKEW, message, { force: true });
	}

	function emitWarning (warning, message, options = {}) {
	  const { force } = options;

	  if (force || !warning.warned) {
	    warning.warned = true;
	    message = `${warning.message} ${message || ''}`;
	    process.emitWarning(message, warning.type, warning.code);
	  }
	}
	return attorney;
}

var migrationStore;
var hasRequiredMigrationStore;

function requireMigrationStore () {
	if (hasRequiredMigrationStore) return migrationStore;
	hasRequiredMigrationStore = 1;
	const assert = require$$0;
	const plans = requirePlans();

	migrationStore = {
	  rollback,
	  next,
	  migrate,
	  getAll
	};

	function flatten (schema, commands, version) {
	  commands.unshift(plans.assertMigration(schema, version));
	  commands.push(plans.setVersion(schema, version));

	  return plans.locked(schema, commands)
	}

	function rollback (schema, version, migrations) {
	  migrations = migrations || getAll(schema);

	  const result = migrations.find(i => i.version === version);

	  assert(result, `Version ${version} not found.`);

	  return flatten(schema, result.uninstall || [], result.previous)
	}

	function next (schema, version, migrations) {
	  migrations = migrations || getAll(schema);

	  const result = migrations.find(i => i.previous === version);

	  assert(result, `Version ${version} not found.`);

	  return flatten(schema, result.install, result.version)
	}

	function migrate (value, version, migrations) {
	  let schema, config;

	  if (typeof value === 'string') {
	    config = null;
	    schema = value;
	  } else {
	    config = value;
	    schema = config.schema;
	  }

	  migrations = migrations || getAll(schema);

	  const result = migrations
	    .filter(i => i.previous >= version)
	    .sort((a, b) => a.version - b.version)
	    .reduce((acc, i) => {
	      acc.install = acc.install.concat(i.install);
	      acc.version = i.version;
	      return acc
	    }, { install: [], version });

	  assert(result.install.length > 0, `Version ${version} not found.`);

	  return flatten(schema, result.install, result.version)
	}

	function getAll (schema) {
	  return [
	    {
	      release: '10.1.5',
	      version: 24,
	      previous: 23,
	      install: [
	        `
        CREATE OR REPLACE FUNCTION ${schema}.create_queue(queue_name text, options json)
        RETURNS VOID AS
        $$
        DECLARE
          table_name varchar := 'j' || encode(sha224(queue_name::bytea), 'hex');
          queue_created_on timestamptz;
        BEGIN

          WITH q as (
            INSERT INTO ${schema}.queue (
              name,
              policy,
              retry_limit,
              retry_delay,
              retry_backoff,
              expire_seconds,
              retention_minutes,
              dead_letter,
              partition_name
            )
            VALUES (
              queue_name,
              options->>'policy',
              (options->>'retryLimit')::int,
              (options->>'retryDelay')::int,
              (options->>'retryBackoff')::bool,
              (options->>'expireInSeconds')::int,
              (options->>'retentionMinutes')::int,
              options->>'deadLetter',
              table_name
            )
            ON CONFLICT DO NOTHING
            RETURNING created_on
          )
          SELECT created_on into queue_created_on from q;

          IF queue_created_on IS NULL THEN
            RETURN;
          END IF;

          EXECUTE format('CREATE TABLE ${schema}.%I (LIKE ${schema}.job INCLUDING DEFAULTS)', table_name);
          
          EXECUTE format('ALTER TABLE ${schema}.%1$I ADD PRIMARY KEY (name, id)', table_name);
          EXECUTE format('ALTER TABLE ${schema}.%1$I ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES ${schema}.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED', table_name);
          EXECUTE format('ALTER TABLE ${schema}.%1$I ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES ${schema}.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED', table_name);
          EXECUTE format('CREATE UNIQUE INDEX %1$s_i1 ON ${schema}.%1$I (name, COALESCE(singleton_key, '''')) WHERE state = ''created'' AND policy = ''short''', table_name);
          EXECUTE format('CREATE UNIQUE INDEX %1$s_i2 ON ${schema}.%1$I (name, COALESCE(singleton_key, '''')) WHERE state = ''active'' AND policy = ''singleton''', table_name);
          EXECUTE format('CREATE UNIQUE INDEX %1$s_i3 ON ${schema}.%1$I (name, state, COALESCE(singleton_key, '''')) WHERE state <= ''active'' AND policy = ''stately''', table_name);
          EXECUTE format('CREATE UNIQUE INDEX %1$s_i4 ON ${schema}.%1$I (name, singleton_on, COALESCE(singleton_key, '''')) WHERE state <> ''cancelled'' AND singleton_on IS NOT NULL', table_name);
          EXECUTE format('CREATE INDEX %1$s_i5 ON ${schema}.%1$I (name, start_after) INCLUDE (priority, created_on, id) WHERE state < ''active''', table_name);

          EXECUTE format('ALTER TABLE ${schema}.%I ADD CONSTRAINT cjc CHECK (name=%L)', table_name, queue_name);
          EXECUTE format('ALTER TABLE ${schema}.job ATTACH PARTITION ${schema}.%I FOR VALUES IN (%L)', table_name, queue_name);
        END;
        $$
        LANGUAGE plpgsql
        `
	      ],
	      uninstall: []
	    },
	    {
	      release: '10.1.1',
	      version: 23,
	      previous: 22,
	      install: [
	        `ALTER TABLE ${schema}.job ADD PRIMARY KEY (name, id)`
	      ],
	      uninstall: [
	        `ALTER TABLE ${schema}.job DROP CONSTRAINT job_pkey`
	      ]
	    },
	    {
	      release: '10.0.6',
	      version: 22,
	      previous: 21,
	      install: [
	        `ALTER TABLE ${schema}.job ALTER COLUMN retry_limit SET DEFAULT 2`
	      ],
	      uninstall: [
	        `ALTER TABLE ${schema}.job ALTER COLUMN retry_limit SET DEFAULT 0`
	      ]
	    }
	  ]
	}
	return migrationStore;
}

const schema = 24;
var require$$3 = {
	schema: schema
};

var contractor;
var hasRequiredContractor;

function requireContractor () {
	if (hasRequiredContractor) return contractor;
	hasRequiredContractor = 1;
	const assert = require$$0;
	const plans = requirePlans();
	const { DEFAULT_SCHEMA } = plans;
	const migrationStore = requireMigrationStore();
	const schemaVersion = require$$3.schema;

	class Contractor {
	  static constructionPlans (schema = DEFAULT_SCHEMA) {
	    return plans.create(schema, schemaVersion)
	  }

	  static migrationPlans (schema = DEFAULT_SCHEMA, version = schemaVersion - 1) {
	    return migrationStore.migrate(schema, version)
	  }

	  static rollbackPlans (schema = DEFAULT_SCHEMA, version = schemaVersion) {
	    return migrationStore.rollback(schema, version)
	  }

	  constructor (db, config) {
	    this.config = config;
	    this.db = db;
	    this.migrations = this.config.migrations || migrationStore.getAll(this.config.schema);

	    // exported api to index
	    this.functions = [
	      this.schemaVersion,
	      this.isInstalled
	    ];
	  }

	  async schemaVersion () {
	    const result = await this.db.executeSql(plans.getVersion(this.config.schema));
	    return result.rows.length ? parseInt(result.rows[0].version) : null
	  }

	  async isInstalled () {
	    const result = await this.db.executeSql(plans.versionTableExists(this.config.schema));
	    return !!result.rows[0].name
	  }

	  async start () {
	    const installed = await this.isInstalled();

	    if (installed) {
	      const version = await this.schemaVersion();

	      if (schemaVersion > version) {
	        await this.migrate(version);
	      }
	    } else {
	      await this.create();
	    }
	  }

	  async check () {
	    const installed = await this.isInstalled();

	    if (!installed) {
	      throw new Error('pg-boss is not installed')
	    }

	    const version = await this.schemaVersion();

	    if (schemaVersion !== version) {
	      throw new Error('pg-boss database requires migrations')
	    }
	  }

	  async create () {
	    try {
	      const commands = plans.create(this.config.schema, schemaVersion);
	      await this.db.executeSql(commands);
	    } catch (err) {
	      assert(err.message.includes(plans.CREATE_RACE_MESSAGE), err);
	    }
	  }

	  async migrate (version) {
	    try {
	      const commands = migrationStore.migrate(this.config, version, this.migrations);
	      await this.db.executeSql(commands);
	    } catch (err) {
	      assert(err.message.includes(plans.MIGRATE_RACE_MESSAGE), err);
	    }
	  }

	  async next (version) {
	    const commands = migrationStore.next(this.config.schema, version, this.migrations);
	    await this.db.executeSql(commands);
	  }

	  async rollback (version) {
	    const commands = migrationStore.rollback(this.config.schema, version, this.migrations);
	    await this.db.executeSql(commands);
	  }
	}

	contractor = Contractor;
	return contractor;
}

var serializeError_1;
var hasRequiredSerializeError;

function requireSerializeError () {
	if (hasRequiredSerializeError) return serializeError_1;
	hasRequiredSerializeError = 1;

	class NonError extends Error {
		constructor(message) {
			super(NonError._prepareSuperMessage(message));
			Object.defineProperty(this, 'name', {
				value: 'NonError',
				configurable: true,
				writable: true
			});

			if (Error.captureStackTrace) {
				Error.captureStackTrace(this, NonError);
			}
		}

		static _prepareSuperMessage(message) {
			try {
				return JSON.stringify(message);
			} catch {
				return String(message);
			}
		}
	}

	const commonProperties = [
		{property: 'name', enumerable: false},
		{property: 'message', enumerable: false},
		{property: 'stack', enumerable: false},
		{property: 'code', enumerable: true}
	];

	const isCalled = Symbol('.toJSON called');

	const toJSON = from => {
		from[isCalled] = true;
		const json = from.toJSON();
		delete from[isCalled];
		return json;
	};

	const destroyCircular = ({
		from,
		seen,
		to_,
		forceEnumerable,
		maxDepth,
		depth
	}) => {
		const to = to_ || (Array.isArray(from) ? [] : {});

		seen.push(from);

		if (depth >= maxDepth) {
			return to;
		}

		if (typeof from.toJSON === 'function' && from[isCalled] !== true) {
			return toJSON(from);
		}

		for (const [key, value] of Object.entries(from)) {
			if (typeof Buffer === 'function' && Buffer.isBuffer(value)) {
				to[key] = '[object Buffer]';
				continue;
			}

			if (typeof value === 'function') {
				continue;
			}

			if (!value || typeof value !== 'object') {
				to[key] = value;
				continue;
			}

			if (!seen.includes(from[key])) {
				depth++;

				to[key] = destroyCircular({
					from: from[key],
					seen: seen.slice(),
					forceEnumerable,
					maxDepth,
					depth
				});
				continue;
			}

			to[key] = '[Circular]';
		}

		for (const {property, enumerable} of commonProperties) {
			if (typeof from[property] === 'string') {
				Object.defineProperty(to, property, {
					value: from[property],
					enumerable: forceEnumerable ? true : enumerable,
					configurable: true,
					writable: true
				});
			}
		}

		return to;
	};

	const serializeError = (value, options = {}) => {
		const {maxDepth = Number.POSITIVE_INFINITY} = options;

		if (typeof value === 'object' && value !== null) {
			return destroyCircular({
				from: value,
				seen: [],
				forceEnumerable: true,
				maxDepth,
				depth: 0
			});
		}

		// People sometimes throw things besides Error objects…
		if (typeof value === 'function') {
			// `JSON.stringify()` discards functions. We do too, unless a function is thrown directly.
			return `[Function: ${(value.name || 'anonymous')}]`;
		}

		return value;
	};

	const deserializeError = (value, options = {}) => {
		const {maxDepth = Number.POSITIVE_INFINITY} = options;

		if (value instanceof Error) {
			return value;
		}

		if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
			const newError = new Error(); // eslint-disable-line unicorn/error-message
			destroyCircular({
				from: value,
				seen: [],
				to_: newError,
				maxDepth,
				depth: 0
			});
			return newError;
		}

		return new NonError(value);
	};

	serializeError_1 = {
		serializeError,
		deserializeError
	};
	return serializeError_1;
}

var tools;
var hasRequiredTools;

function requireTools () {
	if (hasRequiredTools) return tools;
	hasRequiredTools = 1;
	tools = {
	  delay
	};

	function delay (ms, error) {
	  const { setTimeout } = require$$0$1;
	  const ac = new AbortController();

	  const promise = new Promise((resolve, reject) => {
	    setTimeout(ms, null, { signal: ac.signal })
	      .then(() => {
	        if (error) {
	          reject(new Error(error));
	        } else {
	          resolve();
	        }
	      })
	      .catch(resolve);
	  });

	  promise.abort = () => {
	    if (!ac.signal.aborted) {
	      ac.abort();
	    }
	  };

	  return promise
	}
	return tools;
}

var worker;
var hasRequiredWorker;

function requireWorker () {
	if (hasRequiredWorker) return worker;
	hasRequiredWorker = 1;
	const { delay } = requireTools();

	const WORKER_STATES = {
	  created: 'created',
	  active: 'active',
	  stopping: 'stopping',
	  stopped: 'stopped'
	};

	class Worker {
	  constructor ({ id, name, options, interval, fetch, onFetch, onError }) {
	    this.id = id;
	    this.name = name;
	    this.options = options;
	    this.fetch = fetch;
	    this.onFetch = onFetch;
	    this.onError = onError;
	    this.interval = interval;
	    this.jobs = [];
	    this.createdOn = Date.now();
	    this.lastFetchedOn = null;
	    this.lastJobStartedOn = null;
	    this.lastJobEndedOn = null;
	    this.lastError = null;
	    this.lastErrorOn = null;
	    this.state = WORKER_STATES.created;
	    this.stopping = false;
	    this.stopped = false;
	    this.loopDelayPromise = null;
	    this.beenNotified = false;
	  }

	  notify () {
	    this.beenNotified = true;

	    if (this.loopDelayPromise) {
	      this.loopDelayPromise.abort();
	    }
	  }

	  async start () {
	    this.state = WORKER_STATES.active;

	    while (!this.stopping) {
	      const started = Date.now();

	      try {
	        this.beenNotified = false;
	        const jobs = await this.fetch();

	        this.lastFetchedOn = Date.now();

	        if (jobs) {
	          this.jobs = jobs;

	          this.lastJobStartedOn = this.lastFetchedOn;

	          await this.onFetch(jobs);

	          this.lastJobEndedOn = Date.now();

	          this.jobs = [];
	        }
	      } catch (err) {
	        this.lastErrorOn = Date.now();
	        this.lastError = err;

	        err.message = `${err.message} (Queue: ${this.name}, Worker: ${this.id})`;

	        this.onError(err);
	      }

	      const duration = Date.now() - started;

	      this.lastJobDuration = duration;

	      if (!this.stopping && !this.beenNotified && (this.interval - duration) > 100) {
	        this.loopDelayPromise = delay(this.interval - duration);
	        await this.loopDelayPromise;
	        this.loopDelayPromise = null;
	      }
	    }

	    this.stopping = false;
	    this.stopped = true;
	    this.state = WORKER_STATES.stopped;
	  }

	  stop () {
	    this.stopping = true;
	    this.state = WORKER_STATES.stopping;

	    if (this.loopDelayPromise) {
	      this.loopDelayPromise.abort();
	    }
	  }
	}

	worker = Worker;
	return worker;
}

var timekeeper = {exports: {}};

var luxon = {};

var hasRequiredLuxon;

function requireLuxon () {
	if (hasRequiredLuxon) return luxon;
	hasRequiredLuxon = 1;

	Object.defineProperty(luxon, '__esModule', { value: true });

	// these aren't really private, but nor are they really useful to document

	/**
	 * @private
	 */
	class LuxonError extends Error {}

	/**
	 * @private
	 */
	class InvalidDateTimeError extends LuxonError {
	  constructor(reason) {
	    super(`Invalid DateTime: ${reason.toMessage()}`);
	  }
	}

	/**
	 * @private
	 */
	class InvalidIntervalError extends LuxonError {
	  constructor(reason) {
	    super(`Invalid Interval: ${reason.toMessage()}`);
	  }
	}

	/**
	 * @private
	 */
	class InvalidDurationError extends LuxonError {
	  constructor(reason) {
	    super(`Invalid Duration: ${reason.toMessage()}`);
	  }
	}

	/**
	 * @private
	 */
	class ConflictingSpecificationError extends LuxonError {}

	/**
	 * @private
	 */
	class InvalidUnitError extends LuxonError {
	  constructor(unit) {
	    super(`Invalid unit ${unit}`);
	  }
	}

	/**
	 * @private
	 */
	class InvalidArgumentError extends LuxonError {}

	/**
	 * @private
	 */
	class ZoneIsAbstractError extends LuxonError {
	  constructor() {
	    super("Zone is an abstract class");
	  }
	}

	/**
	 * @private
	 */

	const n = "numeric",
	  s = "short",
	  l = "long";
	const DATE_SHORT = {
	  year: n,
	  month: n,
	  day: n
	};
	const DATE_MED = {
	  year: n,
	  month: s,
	  day: n
	};
	const DATE_MED_WITH_WEEKDAY = {
	  year: n,
	  month: s,
	  day: n,
	  weekday: s
	};
	const DATE_FULL = {
	  year: n,
	  month: l,
	  day: n
	};
	const DATE_HUGE = {
	  year: n,
	  month: l,
	  day: n,
	  weekday: l
	};
	const TIME_SIMPLE = {
	  hour: n,
	  minute: n
	};
	const TIME_WITH_SECONDS = {
	  hour: n,
	  minute: n,
	  second: n
	};
	const TIME_WITH_SHORT_OFFSET = {
	  hour: n,
	  minute: n,
	  second: n,
	  timeZoneName: s
	};
	const TIME_WITH_LONG_OFFSET = {
	  hour: n,
	  minute: n,
	  second: n,
	  timeZoneName: l
	};
	const TIME_24_SIMPLE = {
	  hour: n,
	  minute: n,
	  hourCycle: "h23"
	};
	const TIME_24_WITH_SECONDS = {
	  hour: n,
	  minute: n,
	  second: n,
	  hourCycle: "h23"
	};
	const TIME_24_WITH_SHORT_OFFSET = {
	  hour: n,
	  minute: n,
	  second: n,
	  hourCycle: "h23",
	  timeZoneName: s
	};
	const TIME_24_WITH_LONG_OFFSET = {
	  hour: n,
	  minute: n,
	  second: n,
	  hourCycle: "h23",
	  timeZoneName: l
	};
	const DATETIME_SHORT = {
	  year: n,
	  month: n,
	  day: n,
	  hour: n,
	  minute: n
	};
	const DATETIME_SHORT_WITH_SECONDS = {
	  year: n,
	  month: n,
	  day: n,
	  hour: n,
	  minute: n,
	  second: n
	};
	const DATETIME_MED = {
	  year: n,
	  month: s,
	  day: n,
	  hour: n,
	  minute: n
	};
	const DATETIME_MED_WITH_SECONDS = {
	  year: n,
	  month: s,
	  day: n,
	  hour: n,
	  minute: n,
	  second: n
	};
	const DATETIME_MED_WITH_WEEKDAY = {
	  year: n,
	  month: s,
	  day: n,
	  weekday: s,
	  hour: n,
	  minute: n
	};
	const DATETIME_FULL = {
	  year: n,
	  month: l,
	  day: n,
	  hour: n,
	  minute: n,
	  timeZoneName: s
	};
	const DATETIME_FULL_WITH_SECONDS = {
	  year: n,
	  month: l,
	  day: n,
	  hour: n,
	  minute: n,
	  second: n,
	  timeZoneName: s
	};
	const DATETIME_HUGE = {
	  year: n,
	  month: l,
	  day: n,
	  weekday: l,
	  hour: n,
	  minute: n,
	  timeZoneName: l
	};
	const DATETIME_HUGE_WITH_SECONDS = {
	  year: n,
	  month: l,
	  day: n,
	  weekday: l,
	  hour: n,
	  minute: n,
	  second: n,
	  timeZoneName: l
	};

	/**
	 * @interface
	 */
	class Zone {
	  /**
	   * The type of zone
	   * @abstract
	   * @type {string}
	   */
	  get type() {
	    throw new ZoneIsAbstractError();
	  }

	  /**
	   * The name of this zone.
	   * @abstract
	   * @type {string}
	   */
	  get name() {
	    throw new ZoneIsAbstractError();
	  }

	  /**
	   * The IANA name of this zone.
	   * Defaults to `name` if not overwritten by a subclass.
	   * @abstract
	   * @type {string}
	   */
	  get ianaName() {
	    return this.name;
	  }

	  /**
	   * Returns whether the offset is known to be fixed for the whole year.
	   * @abstract
	   * @type {boolean}
	   */
	  get isUniversal() {
	    throw new ZoneIsAbstractError();
	  }

	  /**
	   * Returns the offset's common name (such as EST) at the specified timestamp
	   * @abstract
	   * @param {number} ts - Epoch milliseconds for which to get the name
	   * @param {Object} opts - Options to affect the format
	   * @param {string} opts.format - What style of offset to return. Accepts 'long' or 'short'.
	   * @param {string} opts.locale - What locale to return the offset name in.
	   * @return {string}
	   */
	  offsetName(ts, opts) {
	    throw new ZoneIsAbstractError();
	  }

	  /**
	   * Returns the offset's value as a string
	   * @abstract
	   * @param {number} ts - Epoch milliseconds for which to get the offset
	   * @param {string} format - What style of offset to return.
	   *                          Accepts 'narrow', 'short', or 'techie'. Returning '+6', '+06:00', or '+0600' respectively
	   * @return {string}
	   */
	  formatOffset(ts, format) {
	    throw new ZoneIsAbstractError();
	  }

	  /**
	   * Return the offset in minutes for this zone at the specified timestamp.
	   * @abstract
	   * @param {number} ts - Epoch milliseconds for which to compute the offset
	   * @return {number}
	   */
	  offset(ts) {
	    throw new ZoneIsAbstractError();
	  }

	  /**
	   * Return whether this Zone is equal to another zone
	   * @abstract
	   * @param {Zone} otherZone - the zone to compare
	   * @return {boolean}
	   */
	  equals(otherZone) {
	    throw new ZoneIsAbstractError();
	  }

	  /**
	   * Return whether this Zone is valid.
	   * @abstract
	   * @type {boolean}
	   */
	  get isValid() {
	    throw new ZoneIsAbstractError();
	  }
	}

	let singleton$1 = null;

	/**
	 * Represents the local zone for this JavaScript environment.
	 * @implements {Zone}
	 */
	class SystemZone extends Zone {
	  /**
	   * Get a singleton instance of the local zone
	   * @return {SystemZone}
	   */
	  static get instance() {
	    if (singleton$1 === null) {
	      singleton$1 = new SystemZone();
	    }
	    return singleton$1;
	  }

	  /** @override **/
	  get type() {
	    return "system";
	  }

	  /** @override **/
	  get name() {
	    return new Intl.DateTimeFormat().resolvedOptions().timeZone;
	  }

	  /** @override **/
	  get isUniversal() {
	    return false;
	  }

	  /** @override **/
	  offsetName(ts, {
	    format,
	    locale
	  }) {
	    return parseZoneInfo(ts, format, locale);
	  }

	  /** @override **/
	  formatOffset(ts, format) {
	    return formatOffset(this.offset(ts), format);
	  }

	  /** @override **/
	  offset(ts) {
	    return -new Date(ts).getTimezoneOffset();
	  }

	  /** @override **/
	  equals(otherZone) {
	    return otherZone.type === "system";
	  }

	  /** @override **/
	  get isValid() {
	    return true;
	  }
	}

	const dtfCache = new Map();
	function makeDTF(zoneName) {
	  let dtf = dtfCache.get(zoneName);
	  if (dtf === undefined) {
	    dtf = new Intl.DateTimeFormat("en-US", {
	      hour12: false,
	      timeZone: zoneName,
	      year: "numeric",
	      month: "2-digit",
	      day: "2-digit",
	      hour: "2-digit",
	      minute: "2-digit",
	      second: "2-digit",
	      era: "short"
	    });
	    dtfCache.set(zoneName, dtf);
	  }
	  return dtf;
	}
	const typeToPos = {
	  year: 0,
	  month: 1,
	  day: 2,
	  era: 3,
	  hour: 4,
	  minute: 5,
	  second: 6
	};
	function hackyOffset(dtf, date) {
	  const formatted = dtf.format(date).replace(/\u200E/g, ""),
	    parsed = /(\d+)\/(\d+)\/(\d+) (AD|BC),? (\d+):(\d+):(\d+)/.exec(formatted),
	    [, fMonth, fDay, fYear, fadOrBc, fHour, fMinute, fSecond] = parsed;
	  return [fYear, fMonth, fDay, fadOrBc, fHour, fMinute, fSecond];
	}
	function partsOffset(dtf, date) {
	  const formatted = dtf.formatToParts(date);
	  const filled = [];
	  for (let i = 0; i < formatted.length; i++) {
	    const {
	      type,
	      value
	    } = formatted[i];
	    const pos = typeToPos[type];
	    if (type === "era") {
	      filled[pos] = value;
	    } else if (!isUndefined(pos)) {
	      filled[pos] = parseInt(value, 10);
	    }
	  }
	  return filled;
	}
	const ianaZoneCache = new Map();
	/**
	 * A zone identified by an IANA identifier, like America/New_York
	 * @implements {Zone}
	 */
	class IANAZone extends Zone {
	  /**
	   * @param {string} name - Zone name
	   * @return {IANAZone}
	   */
	  static create(name) {
	    let zone = ianaZoneCache.get(name);
	    if (zone === undefined) {
	      ianaZoneCache.set(name, zone = new IANAZone(name));
	    }
	    return zone;
	  }

	  /**
	   * Reset local caches. Should only be necessary in testing scenarios.
	   * @return {void}
	   */
	  static resetCache() {
	    ianaZoneCache.clear();
	    dtfCache.clear();
	  }

	  /**
	   * Returns whether the provided string is a valid specifier. This only checks the string's format, not that the specifier identifies a known zone; see isValidZone for that.
	   * @param {string} s - The string to check validity on
	   * @example IANAZone.isValidSpecifier("America/New_York") //=> true
	   * @example IANAZone.isValidSpecifier("Sport~~blorp") //=> false
	   * @deprecated For backward compatibility, this forwards to isValidZone, better use `isValidZone()` directly instead.
	   * @return {boolean}
	   */
	  static isValidSpecifier(s) {
	    return this.isValidZone(s);
	  }

	  /**
	   * Returns whether the provided string identifies a real zone
	   * @param {string} zone - The string to check
	   * @example IANAZone.isValidZone("America/New_York") //=> true
	   * @example IANAZone.isValidZone("Fantasia/Castle") //=> false
	   * @example IANAZone.isValidZone("Sport~~blorp") //=> false
	   * @return {boolean}
	   */
	  static isValidZone(zone) {
	    if (!zone) {
	      return false;
	    }
	    try {
	      new Intl.DateTimeFormat("en-US", {
	        timeZone: zone
	      }).format();
	      return true;
	    } catch (e) {
	      return false;
	    }
	  }
	  constructor(name) {
	    super();
	    /** @private **/
	    this.zoneName = name;
	    /** @private **/
	    this.valid = IANAZone.isValidZone(name);
	  }

	  /**
	   * The type of zone. `iana` for all instances of `IANAZone`.
	   * @override
	   * @type {string}
	   */
	  get type() {
	    return "iana";
	  }

	  /**
	   * The name of this zone (i.e. the IANA zone name).
	   * @override
	   * @type {string}
	   */
	  get name() {
	    return this.zoneName;
	  }

	  /**
	   * Returns whether the offset is known to be fixed for the whole year:
	   * Always returns false for all IANA zones.
	   * @override
	   * @type {boolean}
	   */
	  get isUniversal() {
	    return false;
	  }

	  /**
	   * Returns the offset's common name (such as EST) at the specified timestamp
	   * @override
	   * @param {number} ts - Epoch milliseconds for which to get the name
	   * @param {Object} opts - Options to affect the format
	   * @param {string} opts.format - What style of offset to return. Accepts 'long' or 'short'.
	   * @param {string} opts.locale - What locale to return the offset name in.
	   * @return {string}
	   */
	  offsetName(ts, {
	    format,
	    locale
	  }) {
	    return parseZoneInfo(ts, format, locale, this.name);
	  }

	  /**
	   * Returns the offset's value as a string
	   * @override
	   * @param {number} ts - Epoch milliseconds for which to get the offset
	   * @param {string} format - What style of offset to return.
	   *                          Accepts 'narrow', 'short', or 'techie'. Returning '+6', '+06:00', or '+0600' respectively
	   * @return {string}
	   */
	  formatOffset(ts, format) {
	    return formatOffset(this.offset(ts), format);
	  }

	  /**
	   * Return the offset in minutes for this zone at the specified timestamp.
	   * @override
	   * @param {number} ts - Epoch milliseconds for which to compute the offset
	   * @return {number}
	   */
	  offset(ts) {
	    if (!this.valid) return NaN;
	    const date = new Date(ts);
	    if (isNaN(date)) return NaN;
	    const dtf = makeDTF(this.name);
	    let [year, month, day, adOrBc, hour, minute, second] = dtf.formatToParts ? partsOffset(dtf, date) : hackyOffset(dtf, date);
	    if (adOrBc === "BC") {
	      year = -Math.abs(year) + 1;
	    }

	    // because we're using hour12 and https://bugs.chromium.org/p/chromium/issues/detail?id=1025564&can=2&q=%2224%3A00%22%20datetimeformat
	    const adjustedHour = hour === 24 ? 0 : hour;
	    const asUTC = objToLocalTS({
	      year,
	      month,
	      day,
	      hour: adjustedHour,
	      minute,
	      second,
	      millisecond: 0
	    });
	    let asTS = +date;
	    const over = asTS % 1000;
	    asTS -= over >= 0 ? over : 1000 + over;
	    return (asUTC - asTS) / (60 * 1000);
	  }

	  /**
	   * Return whether this Zone is equal to another zone
	   * @override
	   * @param {Zone} otherZone - the zone to compare
	   * @return {boolean}
	   */
	  equals(otherZone) {
	    return otherZone.type === "iana" && otherZone.name === this.name;
	  }

	  /**
	   * Return whether this Zone is valid.
	   * @override
	   * @type {boolean}
	   */
	  get isValid() {
	    return this.valid;
	  }
	}

	// todo - remap caching

	let intlLFCache = {};
	function getCachedLF(locString, opts = {}) {
	  const key = JSON.stringify([locString, opts]);
	  let dtf = intlLFCache[key];
	  if (!dtf) {
	    dtf = new Intl.ListFormat(locString, opts);
	    intlLFCache[key] = dtf;
	  }
	  return dtf;
	}
	const intlDTCache = new Map();
	function getCachedDTF(locString, opts = {}) {
	  const key = JSON.stringify([locString, opts]);
	  let dtf = intlDTCache.get(key);
	  if (dtf === undefined) {
	    dtf = new Intl.DateTimeFormat(locString, opts);
	    intlDTCache.set(key, dtf);
	  }
	  return dtf;
	}
	const intlNumCache = new Map();
	function getCachedINF(locString, opts = {}) {
	  const key = JSON.stringify([locString, opts]);
	  let inf = intlNumCache.get(key);
	  if (inf === undefined) {
	    inf = new Intl.NumberFormat(locString, opts);
	    intlNumCache.set(key, inf);
	  }
	  return inf;
	}
	const intlRelCache = new Map();
	function getCachedRTF(locString, opts = {}) {
	  const {
	    base,
	    ...cacheKeyOpts
	  } = opts; // exclude `base` from the options
	  const key = JSON.stringify([locString, cacheKeyOpts]);
	  let inf = intlRelCache.get(key);
	  if (inf === undefined) {
	    inf = new Intl.RelativeTimeFormat(locString, opts);
	    intlRelCache.set(key, inf);
	  }
	  return inf;
	}
	let sysLocaleCache = null;
	function systemLocale() {
	  if (sysLocaleCache) {
	    return sysLocaleCache;
	  } else {
	    sysLocaleCache = new Intl.DateTimeFormat().resolvedOptions().locale;
	    return sysLocaleCache;
	  }
	}
	const intlResolvedOptionsCache = new Map();
	function getCachedIntResolvedOptions(locString) {
	  let opts = intlResolvedOptionsCache.get(locString);
	  if (opts === undefined) {
	    opts = new Intl.DateTimeFormat(locString).resolvedOptions();
	    intlResolvedOptionsCache.set(locString, opts);
	  }
	  return opts;
	}
	const weekInfoCache = new Map();
	function getCachedWeekInfo(locString) {
	  let data = weekInfoCache.get(locString);
	  if (!data) {
	    const locale = new Intl.Locale(locString);
	    // browsers currently implement this as a property, but spec says it should be a getter function
	    data = "getWeekInfo" in locale ? locale.getWeekInfo() : locale.weekInfo;
	    // minimalDays was removed from WeekInfo: https://github.com/tc39/proposal-intl-locale-info/issues/86
	    if (!("minimalDays" in data)) {
	      data = {
	        ...fallbackWeekSettings,
	        ...data
	      };
	    }
	    weekInfoCache.set(locString, data);
	  }
	  return data;
	}
	function parseLocaleString(localeStr) {
	  // I really want to avoid writing a BCP 47 parser
	  // see, e.g. https://github.com/wooorm/bcp-47
	  // Instead, we'll do this:

	  // a) if the string has no -u extensions, just leave it alone
	  // b) if it does, use Intl to resolve everything
	  // c) if Intl fails, try again without the -u

	  // private subtags and unicode subtags have ordering requirements,
	  // and we're not properly parsing this, so just strip out the
	  // private ones if they exist.
	  const xIndex = localeStr.indexOf("-x-");
	  if (xIndex !== -1) {
	    localeStr = localeStr.substring(0, xIndex);
	  }
	  const uIndex = localeStr.indexOf("-u-");
	  if (uIndex === -1) {
	    return [localeStr];
	  } else {
	    let options;
	    let selectedStr;
	    try {
	      options = getCachedDTF(localeStr).resolvedOptions();
	      selectedStr = localeStr;
	    } catch (e) {
	      const smaller = localeStr.substring(0, uIndex);
	      options = getCachedDTF(smaller).resolvedOptions();
	      selectedStr = smaller;
	    }
	    const {
	      numberingSystem,
	      calendar
	    } = options;
	    return [selectedStr, numberingSystem, calendar];
	  }
	}
	function intlConfigString(localeStr, numberingSystem, outputCalendar) {
	  if (outputCalendar || numberingSystem) {
	    if (!localeStr.includes("-u-")) {
	      localeStr += "-u";
	    }
	    if (outputCalendar) {
	      localeStr += `-ca-${outputCalendar}`;
	    }
	    if (numberingSystem) {
	      localeStr += `-nu-${numberingSystem}`;
	    }
	    return localeStr;
	  } else {
	    return localeStr;
	  }
	}
	function mapMonths(f) {
	  const ms = [];
	  for (let i = 1; i <= 12; i++) {
	    const dt = DateTime.utc(2009, i, 1);
	    ms.push(f(dt));
	  }
	  return ms;
	}
	function mapWeekdays(f) {
	  const ms = [];
	  for (let i = 1; i <= 7; i++) {
	    const dt = DateTime.utc(2016, 11, 13 + i);
	    ms.push(f(dt));
	  }
	  return ms;
	}
	function listStuff(loc, length, englishFn, intlFn) {
	  const mode = loc.listingMode();
	  if (mode === "error") {
	    return null;
	  } else if (mode === "en") {
	    return englishFn(length);
	  } else {
	    return intlFn(length);
	  }
	}
	function supportsFastNumbers(loc) {
	  if (loc.numberingSystem && loc.numberingSystem !== "latn") {
	    return false;
	  } else {
	    return loc.numberingSystem === "latn" || !loc.locale || loc.locale.startsWith("en") || getCachedIntResolvedOptions(loc.locale).numberingSystem === "latn";
	  }
	}

	/**
	 * @private
	 */

	class PolyNumberFormatter {
	  constructor(intl, forceSimple, opts) {
	    this.padTo = opts.padTo || 0;
	    this.floor = opts.floor || false;
	    const {
	      padTo,
	      floor,
	      ...otherOpts
	    } = opts;
	    if (!forceSimple || Object.keys(otherOpts).length > 0) {
	      const intlOpts = {
	        useGrouping: false,
	        ...opts
	      };
	      if (opts.padTo > 0) intlOpts.minimumIntegerDigits = opts.padTo;
	      this.inf = getCachedINF(intl, intlOpts);
	    }
	  }
	  format(i) {
	    if (this.inf) {
	      const fixed = this.floor ? Math.floor(i) : i;
	      return this.inf.format(fixed);
	    } else {
	      // to match the browser's numberformatter defaults
	      const fixed = this.floor ? Math.floor(i) : roundTo(i, 3);
	      return padStart(fixed, this.padTo);
	    }
	  }
	}

	/**
	 * @private
	 */

	class PolyDateFormatter {
	  constructor(dt, intl, opts) {
	    this.opts = opts;
	    this.originalZone = undefined;
	    let z = undefined;
	    if (this.opts.timeZone) {
	      // Don't apply any workarounds if a timeZone is explicitly provided in opts
	      this.dt = dt;
	    } else if (dt.zone.type === "fixed") {
	      // UTC-8 or Etc/UTC-8 are not part of tzdata, only Etc/GMT+8 and the like.
	      // That is why fixed-offset TZ is set to that unless it is:
	      // 1. Representing offset 0 when UTC is used to maintain previous behavior and does not become GMT.
	      // 2. Unsupported by the browser:
	      //    - some do not support Etc/
	      //    - < Etc/GMT-14, > Etc/GMT+12, and 30-minute or 45-minute offsets are not part of tzdata
	      const gmtOffset = -1 * (dt.offset / 60);
	      const offsetZ = gmtOffset >= 0 ? `Etc/GMT+${gmtOffset}` : `Etc/GMT${gmtOffset}`;
	      if (dt.offset !== 0 && IANAZone.create(offsetZ).valid) {
	        z = offsetZ;
	        this.dt = dt;
	      } else {
	        // Not all fixed-offset zones like Etc/+4:30 are present in tzdata so
	        // we manually apply the offset and substitute the zone as needed.
	        z = "UTC";
	        this.dt = dt.offset === 0 ? dt : dt.setZone("UTC").plus({
	          minutes: dt.offset
	        });
	        this.originalZone = dt.zone;
	      }
	    } else if (dt.zone.type === "system") {
	      this.dt = dt;
	    } else if (dt.zone.type === "iana") {
	      this.dt = dt;
	      z = dt.zone.name;
	    } else {
	      // Custom zones can have any offset / offsetName so we just manually
	      // apply the offset and substitute the zone as needed.
	      z = "UTC";
	      this.dt = dt.setZone("UTC").plus({
	        minutes: dt.offset
	      });
	      this.originalZone = dt.zone;
	    }
	    const intlOpts = {
	      ...this.opts
	    };
	    intlOpts.timeZone = intlOpts.timeZone || z;
	    this.dtf = getCachedDTF(intl, intlOpts);
	  }
	  format() {
	    if (this.originalZone) {
	      // If we have to substitute in the actual zone name, we have to use
	      // formatToParts so that the timezone can be replaced.
	      return this.formatToParts().map(({
	        value
	      }) => value).join("");
	    }
	    return this.dtf.format(this.dt.toJSDate());
	  }
	  formatToParts() {
	    const parts = this.dtf.formatToParts(this.dt.toJSDate());
	    if (this.originalZone) {
	      return parts.map(part => {
	        if (part.type === "timeZoneName") {
	          const offsetName = this.originalZone.offsetName(this.dt.ts, {
	            locale: this.dt.locale,
	            format: this.opts.timeZoneName
	          });
	          return {
	            ...part,
	            value: offsetName
	          };
	        } else {
	          return part;
	        }
	      });
	    }
	    return parts;
	  }
	  resolvedOptions() {
	    return this.dtf.resolvedOptions();
	  }
	}

	/**
	 * @private
	 */
	class PolyRelFormatter {
	  constructor(intl, isEnglish, opts) {
	    this.opts = {
	      style: "long",
	      ...opts
	    };
	    if (!isEnglish && hasRelative()) {
	      this.rtf = getCachedRTF(intl, opts);
	    }
	  }
	  format(count, unit) {
	    if (this.rtf) {
	      return this.rtf.format(count, unit);
	    } else {
	      return formatRelativeTime(unit, count, this.opts.numeric, this.opts.style !== "long");
	    }
	  }
	  formatToParts(count, unit) {
	    if (this.rtf) {
	      return this.rtf.formatToParts(count, unit);
	    } else {
	      return [];
	    }
	  }
	}
	const fallbackWeekSettings = {
	  firstDay: 1,
	  minimalDays: 4,
	  weekend: [6, 7]
	};

	/**
	 * @private
	 */
	class Locale {
	  static fromOpts(opts) {
	    return Locale.create(opts.locale, opts.numberingSystem, opts.outputCalendar, opts.weekSettings, opts.defaultToEN);
	  }
	  static create(locale, numberingSystem, outputCalendar, weekSettings, defaultToEN = false) {
	    const specifiedLocale = locale || Settings.defaultLocale;
	    // the system locale is useful for human-readable strings but annoying for parsing/formatting known formats
	    const localeR = specifiedLocale || (defaultToEN ? "en-US" : systemLocale());
	    const numberingSystemR = numberingSystem || Settings.defaultNumberingSystem;
	    const outputCalendarR = outputCalendar || Settings.defaultOutputCalendar;
	    const weekSettingsR = validateWeekSettings(weekSettings) || Settings.defaultWeekSettings;
	    return new Locale(localeR, numberingSystemR, outputCalendarR, weekSettingsR, specifiedLocale);
	  }
	  static resetCache() {
	    sysLocaleCache = null;
	    intlDTCache.clear();
	    intlNumCache.clear();
	    intlRelCache.clear();
	    intlResolvedOptionsCache.clear();
	    weekInfoCache.clear();
	  }
	  static fromObject({
	    locale,
	    numberingSystem,
	    outputCalendar,
	    weekSettings
	  } = {}) {
	    return Locale.create(locale, numberingSystem, outputCalendar, weekSettings);
	  }
	  constructor(locale, numbering, outputCalendar, weekSettings, specifiedLocale) {
	    const [parsedLocale, parsedNumberingSystem, parsedOutputCalendar] = parseLocaleString(locale);
	    this.locale = parsedLocale;
	    this.numberingSystem = numbering || parsedNumberingSystem || null;
	    this.outputCalendar = outputCalendar || parsedOutputCalendar || null;
	    this.weekSettings = weekSettings;
	    this.intl = intlConfigString(this.locale, this.numberingSystem, this.outputCalendar);
	    this.weekdaysCache = {
	      format: {},
	      standalone: {}
	    };
	    this.monthsCache = {
	      format: {},
	      standalone: {}
	    };
	    this.meridiemCache = null;
	    this.eraCache = {};
	    this.specifiedLocale = specifiedLocale;
	    this.fastNumbersCached = null;
	  }
	  get fastNumbers() {
	    if (this.fastNumbersCached == null) {
	      this.fastNumbersCached = supportsFastNumbers(this);
	    }
	    return this.fastNumbersCached;
	  }
	  listingMode() {
	    const isActuallyEn = this.isEnglish();
	    const hasNoWeirdness = (this.numberingSystem === null || this.numberingSystem === "latn") && (this.outputCalendar === null || this.outputCalendar === "gregory");
	    return isActuallyEn && hasNoWeirdness ? "en" : "intl";
	  }
	  clone(alts) {
	    if (!alts || Object.getOwnPropertyNames(alts).length === 0) {
	      return this;
	    } else {
	      return Locale.create(alts.locale || this.specifiedLocale, alts.numberingSystem || this.numberingSystem, alts.outputCalendar || this.outputCalendar, validateWeekSettings(alts.weekSettings) || this.weekSettings, alts.defaultToEN || false);
	    }
	  }
	  redefaultToEN(alts = {}) {
	    return this.clone({
	      ...alts,
	      defaultToEN: true
	    });
	  }
	  redefaultToSystem(alts = {}) {
	    return this.clone({
	      ...alts,
	      defaultToEN: false
	    });
	  }
	  months(length, format = false) {
	    return listStuff(this, length, months, () => {
	      // Workaround for "ja" locale: formatToParts does not label all parts of the month
	      // as "month" and for this locale there is no difference between "format" and "non-format".
	      // As such, just use format() instead of formatToParts() and take the whole string
	      const monthSpecialCase = this.intl === "ja" || this.intl.startsWith("ja-");
	      format &= !monthSpecialCase;
	      const intl = format ? {
	          month: length,
	          day: "numeric"
	        } : {
	          month: length
	        },
	        formatStr = format ? "format" : "standalone";
	      if (!this.monthsCache[formatStr][length]) {
	        const mapper = !monthSpecialCase ? dt => this.extract(dt, intl, "month") : dt => this.dtFormatter(dt, intl).format();
	        this.monthsCache[formatStr][length] = mapMonths(mapper);
	      }
	      return this.monthsCache[formatStr][length];
	    });
	  }
	  weekdays(length, format = false) {
	    return listStuff(this, length, weekdays, () => {
	      const intl = format ? {
	          weekday: length,
	          year: "numeric",
	          month: "long",
	          day: "numeric"
	        } : {
	          weekday: length
	        },
	        formatStr = format ? "format" : "standalone";
	      if (!this.weekdaysCache[formatStr][length]) {
	        this.weekdaysCache[formatStr][length] = mapWeekdays(dt => this.extract(dt, intl, "weekday"));
	      }
	      return this.weekdaysCache[formatStr][length];
	    });
	  }
	  meridiems() {
	    return listStuff(this, undefined, () => meridiems, () => {
	      // In theory there could be aribitrary day periods. We're gonna assume there are exactly two
	      // for AM and PM. This is probably wrong, but it's makes parsing way easier.
	      if (!this.meridiemCache) {
	        const intl = {
	          hour: "numeric",
	          hourCycle: "h12"
	        };
	        this.meridiemCache = [DateTime.utc(2016, 11, 13, 9), DateTime.utc(2016, 11, 13, 19)].map(dt => this.extract(dt, intl, "dayperiod"));
	      }
	      return this.meridiemCache;
	    });
	  }
	  eras(length) {
	    return listStuff(this, length, eras, () => {
	      const intl = {
	        era: length
	      };

	      // This is problematic. Different calendars are going to define eras totally differently. What I need is the minimum set of dates
	      // to definitely enumerate them.
	      if (!this.eraCache[length]) {
	        this.eraCache[length] = [DateTime.utc(-40, 1, 1), DateTime.utc(2017, 1, 1)].map(dt => this.extract(dt, intl, "era"));
	      }
	      return this.eraCache[length];
	    });
	  }
	  extract(dt, intlOpts, field) {
	    const df = this.dtFormatter(dt, intlOpts),
	      results = df.formatToParts(),
	      matching = results.find(m => m.type.toLowerCase() === field);
	    return matching ? matching.value : null;
	  }
	  numberFormatter(opts = {}) {
	    // this forcesimple option is never used (the only caller short-circuits on it, but it seems safer to leave)
	    // (in contrast, the rest of the condition is used heavily)
	    return new PolyNumberFormatter(this.intl, opts.forceSimple || this.fastNumbers, opts);
	  }
	  dtFormatter(dt, intlOpts = {}) {
	    return new PolyDateFormatter(dt, this.intl, intlOpts);
	  }
	  relFormatter(opts = {}) {
	    return new PolyRelFormatter(this.intl, this.isEnglish(), opts);
	  }
	  listFormatter(opts = {}) {
	    return getCachedLF(this.intl, opts);
	  }
	  isEnglish() {
	    return this.locale === "en" || this.locale.toLowerCase() === "en-us" || getCachedIntResolvedOptions(this.intl).locale.startsWith("en-us");
	  }
	  getWeekSettings() {
	    if (this.weekSettings) {
	      return this.weekSettings;
	    } else if (!hasLocaleWeekInfo()) {
	      return fallbackWeekSettings;
	    } else {
	      return getCachedWeekInfo(this.locale);
	    }
	  }
	  getStartOfWeek() {
	    return this.getWeekSettings().firstDay;
	  }
	  getMinDaysInFirstWeek() {
	    return this.getWeekSettings().minimalDays;
	  }
	  getWeekendDays() {
	    return this.getWeekSettings().weekend;
	  }
	  equals(other) {
	    return this.locale === other.locale && this.numberingSystem === other.numberingSystem && this.outputCalendar === other.outputCalendar;
	  }
	  toString() {
	    return `Locale(${this.locale}, ${this.numberingSystem}, ${this.outputCalendar})`;
	  }
	}

	let singleton = null;

	/**
	 * A zone with a fixed offset (meaning no DST)
	 * @implements {Zone}
	 */
	class FixedOffsetZone extends Zone {
	  /**
	   * Get a singleton instance of UTC
	   * @return {FixedOffsetZone}
	   */
	  static get utcInstance() {
	    if (singleton === null) {
	      singleton = new FixedOffsetZone(0);
	    }
	    return singleton;
	  }

	  /**
	   * Get an instance with a specified offset
	   * @param {number} offset - The offset in minutes
	   * @return {FixedOffsetZone}
	   */
	  static instance(offset) {
	    return offset === 0 ? FixedOffsetZone.utcInstance : new FixedOffsetZone(offset);
	  }

	  /**
	   * Get an instance of FixedOffsetZone from a UTC offset string, like "UTC+6"
	   * @param {string} s - The offset string to parse
	   * @example FixedOffsetZone.parseSpecifier("UTC+6")
	   * @example FixedOffsetZone.parseSpecifier("UTC+06")
	   * @example FixedOffsetZone.parseSpecifier("UTC-6:00")
	   * @return {FixedOffsetZone}
	   */
	  static parseSpecifier(s) {
	    if (s) {
	      const r = s.match(/^utc(?:([+-]\d{1,2})(?::(\d{2}))?)?$/i);
	      if (r) {
	        return new FixedOffsetZone(signedOffset(r[1], r[2]));
	      }
	    }
	    return null;
	  }
	  constructor(offset) {
	    super();
	    /** @private **/
	    this.fixed = offset;
	  }

	  /**
	   * The type of zone. `fixed` for all instances of `FixedOffsetZone`.
	   * @override
	   * @type {string}
	   */
	  get type() {
	    return "fixed";
	  }

	  /**
	   * The name of this zone.
	   * All fixed zones' names always start with "UTC" (plus optional offset)
	   * @override
	   * @type {string}
	   */
	  get name() {
	    return this.fixed === 0 ? "UTC" : `UTC${formatOffset(this.fixed, "narrow")}`;
	  }

	  /**
	   * The IANA name of this zone, i.e. `Etc/UTC` or `Etc/GMT+/-nn`
	   *
	   * @override
	   * @type {string}
	   */
	  get ianaName() {
	    if (this.fixed === 0) {
	      return "Etc/UTC";
	    } else {
	      return `Etc/GMT${formatOffset(-this.fixed, "narrow")}`;
	    }
	  }

	  /**
	   * Returns the offset's common name at the specified timestamp.
	   *
	   * For fixed offset zones this equals to the zone name.
	   * @override
	   */
	  offsetName() {
	    return this.name;
	  }

	  /**
	   * Returns the offset's value as a string
	   * @override
	   * @param {number} ts - Epoch milliseconds for which to get the offset
	   * @param {string} format - What style of offset to return.
	   *                          Accepts 'narrow', 'short', or 'techie'. Returning '+6', '+06:00', or '+0600' respectively
	   * @return {string}
	   */
	  formatOffset(ts, format) {
	    return formatOffset(this.fixed, format);
	  }

	  /**
	   * Returns whether the offset is known to be fixed for the whole year:
	   * Always returns true for all fixed offset zones.
	   * @override
	   * @type {boolean}
	   */
	  get isUniversal() {
	    return true;
	  }

	  /**
	   * Return the offset in minutes for this zone at the specified timestamp.
	   *
	   * For fixed offset zones, this is constant and does not depend on a timestamp.
	   * @override
	   * @return {number}
	   */
	  offset() {
	    return this.fixed;
	  }

	  /**
	   * Return whether this Zone is equal to another zone (i.e. also fixed and same offset)
	   * @override
	   * @param {Zone} otherZone - the zone to compare
	   * @return {boolean}
	   */
	  equals(otherZone) {
	    return otherZone.type === "fixed" && otherZone.fixed === this.fixed;
	  }

	  /**
	   * Return whether this Zone is valid:
	   * All fixed offset zones are valid.
	   * @override
	   * @type {boolean}
	   */
	  get isValid() {
	    return true;
	  }
	}

	/**
	 * A zone that failed to parse. You should never need to instantiate this.
	 * @implements {Zone}
	 */
	class InvalidZone extends Zone {
	  constructor(zoneName) {
	    super();
	    /**  @private */
	    this.zoneName = zoneName;
	  }

	  /** @override **/
	  get type() {
	    return "invalid";
	  }

	  /** @override **/
	  get name() {
	    return this.zoneName;
	  }

	  /** @override **/
	  get isUniversal() {
	    return false;
	  }

	  /** @override **/
	  offsetName() {
	    return null;
	  }

	  /** @override **/
	  formatOffset() {
	    return "";
	  }

	  /** @override **/
	  offset() {
	    return NaN;
	  }

	  /** @override **/
	  equals() {
	    return false;
	  }

	  /** @override **/
	  get isValid() {
	    return false;
	  }
	}

	/**
	 * @private
	 */
	function normalizeZone(input, defaultZone) {
	  if (isUndefined(input) || input === null) {
	    return defaultZone;
	  } else if (input instanceof Zone) {
	    return input;
	  } else if (isString(input)) {
	    const lowered = input.toLowerCase();
	    if (lowered === "default") return defaultZone;else if (lowered === "local" || lowered === "system") return SystemZone.instance;else if (lowered === "utc" || lowered === "gmt") return FixedOffsetZone.utcInstance;else return FixedOffsetZone.parseSpecifier(lowered) || IANAZone.create(input);
	  } else if (isNumber(input)) {
	    return FixedOffsetZone.instance(input);
	  } else if (typeof input === "object" && "offset" in input && typeof input.offset === "function") {
	    // This is dumb, but the instanceof check above doesn't seem to really work
	    // so we're duck checking it
	    return input;
	  } else {
	    return new InvalidZone(input);
	  }
	}

	const numberingSystems = {
	  arab: "[\u0660-\u0669]",
	  arabext: "[\u06F0-\u06F9]",
	  bali: "[\u1B50-\u1B59]",
	  beng: "[\u09E6-\u09EF]",
	  deva: "[\u0966-\u096F]",
	  fullwide: "[\uFF10-\uFF19]",
	  gujr: "[\u0AE6-\u0AEF]",
	  hanidec: "[〇|一|二|三|四|五|六|七|八|九]",
	  khmr: "[\u17E0-\u17E9]",
	  knda: "[\u0CE6-\u0CEF]",
	  laoo: "[\u0ED0-\u0ED9]",
	  limb: "[\u1946-\u194F]",
	  mlym: "[\u0D66-\u0D6F]",
	  mong: "[\u1810-\u1819]",
	  mymr: "[\u1040-\u1049]",
	  orya: "[\u0B66-\u0B6F]",
	  tamldec: "[\u0BE6-\u0BEF]",
	  telu: "[\u0C66-\u0C6F]",
	  thai: "[\u0E50-\u0E59]",
	  tibt: "[\u0F20-\u0F29]",
	  latn: "\\d"
	};
	const numberingSystemsUTF16 = {
	  arab: [1632, 1641],
	  arabext: [1776, 1785],
	  bali: [6992, 7001],
	  beng: [2534, 2543],
	  deva: [2406, 2415],
	  fullwide: [65296, 65303],
	  gujr: [2790, 2799],
	  khmr: [6112, 6121],
	  knda: [3302, 3311],
	  laoo: [3792, 3801],
	  limb: [6470, 6479],
	  mlym: [3430, 3439],
	  mong: [6160, 6169],
	  mymr: [4160, 4169],
	  orya: [2918, 2927],
	  tamldec: [3046, 3055],
	  telu: [3174, 3183],
	  thai: [3664, 3673],
	  tibt: [3872, 3881]
	};
	const hanidecChars = numberingSystems.hanidec.replace(/[\[|\]]/g, "").split("");
	function parseDigits(str) {
	  let value = parseInt(str, 10);
	  if (isNaN(value)) {
	    value = "";
	    for (let i = 0; i < str.length; i++) {
	      const code = str.charCodeAt(i);
	      if (str[i].search(numberingSystems.hanidec) !== -1) {
	        value += hanidecChars.indexOf(str[i]);
	      } else {
	        for (const key in numberingSystemsUTF16) {
	          const [min, max] = numberingSystemsUTF16[key];
	          if (code >= min && code <= max) {
	            value += code - min;
	          }
	        }
	      }
	    }
	    return parseInt(value, 10);
	  } else {
	    return value;
	  }
	}

	// cache of {numberingSystem: {append: regex}}
	const digitRegexCache = new Map();
	function resetDigitRegexCache() {
	  digitRegexCache.clear();
	}
	function digitRegex({
	  numberingSystem
	}, append = "") {
	  const ns = numberingSystem || "latn";
	  let appendCache = digitRegexCache.get(ns);
	  if (appendCache === undefined) {
	    appendCache = new Map();
	    digitRegexCache.set(ns, appendCache);
	  }
	  let regex = appendCache.get(append);
	  if (regex === undefined) {
	    regex = new RegExp(`${numberingSystems[ns]}${append}`);
	    appendCache.set(append, regex);
	  }
	  return regex;
	}

	let now = () => Date.now(),
	  defaultZone = "system",
	  defaultLocale = null,
	  defaultNumberingSystem = null,
	  defaultOutputCalendar = null,
	  twoDigitCutoffYear = 60,
	  throwOnInvalid,
	  defaultWeekSettings = null;

	/**
	 * Settings contains static getters and setters that control Luxon's overall behavior. Luxon is a simple library with few options, but the ones it does have live here.
	 */
	class Settings {
	  /**
	   * Get the callback for returning the current timestamp.
	   * @type {function}
	   */
	  static get now() {
	    return now;
	  }

	  /**
	   * Set the callback for returning the current timestamp.
	   * The function should return a number, which will be interpreted as an Epoch millisecond count
	   * @type {function}
	   * @example Settings.now = () => Date.now() + 3000 // pretend it is 3 seconds in the future
	   * @example Settings.now = () => 0 // always pretend it's Jan 1, 1970 at midnight in UTC time
	   */
	  static set now(n) {
	    now = n;
	  }

	  /**
	   * Set the default time zone to create DateTimes in. Does not affect existing instances.
	   * Use the value "system" to reset this value to the system's time zone.
	   * @type {string}
	   */
	  static set defaultZone(zone) {
	    defaultZone = zone;
	  }

	  /**
	   * Get the default time zone object currently used to create DateTimes. Does not affect existing instances.
	   * The default value is the system's time zone (the one set on the machine that runs this code).
	   * @type {Zone}
	   */
	  static get defaultZone() {
	    return normalizeZone(defaultZone, SystemZone.instance);
	  }

	  /**
	   * Get the default locale to create DateTimes with. Does not affect existing instances.
	   * @type {string}
	   */
	  static get defaultLocale() {
	    return defaultLocale;
	  }

	  /**
	   * Set the default locale to create DateTimes with. Does not affect existing instances.
	   * @type {string}
	   */
	  static set defaultLocale(locale) {
	    defaultLocale = locale;
	  }

	  /**
	   * Get the default numbering system to create DateTimes with. Does not affect existing instances.
	   * @type {string}
	   */
	  static get defaultNumberingSystem() {
	    return defaultNumberingSystem;
	  }

	  /**
	   * Set the default numbering system to create DateTimes with. Does not affect existing instances.
	   * @type {string}
	   */
	  static set defaultNumberingSystem(numberingSystem) {
	    defaultNumberingSystem = numberingSystem;
	  }

	  /**
	   * Get the default output calendar to create DateTimes with. Does not affect existing instances.
	   * @type {string}
	   */
	  static get defaultOutputCalendar() {
	    return defaultOutputCalendar;
	  }

	  /**
	   * Set the default output calendar to create DateTimes with. Does not affect existing instances.
	   * @type {string}
	   */
	  static set defaultOutputCalendar(outputCalendar) {
	    defaultOutputCalendar = outputCalendar;
	  }

	  /**
	   * @typedef {Object} WeekSettings
	   * @property {number} firstDay
	   * @property {number} minimalDays
	   * @property {number[]} weekend
	   */

	  /**
	   * @return {WeekSettings|null}
	   */
	  static get defaultWeekSettings() {
	    return defaultWeekSettings;
	  }

	  /**
	   * Allows overriding the default locale week settings, i.e. the start of the week, the weekend and
	   * how many days are required in the first week of a year.
	   * Does not affect existing instances.
	   *
	   * @param {WeekSettings|null} weekSettings
	   */
	  static set defaultWeekSettings(weekSettings) {
	    defaultWeekSettings = validateWeekSettings(weekSettings);
	  }

	  /**
	   * Get the cutoff year for whether a 2-digit year string is interpreted in the current or previous century. Numbers higher than the cutoff will be considered to mean 19xx and numbers lower or equal to the cutoff will be considered 20xx.
	   * @type {number}
	   */
	  static get twoDigitCutoffYear() {
	    return twoDigitCutoffYear;
	  }

	  /**
	   * Set the cutoff year for whether a 2-digit year string is interpreted in the current or previous century. Numbers higher than the cutoff will be considered to mean 19xx and numbers lower or equal to the cutoff will be considered 20xx.
	   * @type {number}
	   * @example Settings.twoDigitCutoffYear = 0 // all 'yy' are interpreted as 20th century
	   * @example Settings.twoDigitCutoffYear = 99 // all 'yy' are interpreted as 21st century
	   * @example Settings.twoDigitCutoffYear = 50 // '49' -> 2049; '50' -> 1950
	   * @example Settings.twoDigitCutoffYear = 1950 // interpreted as 50
	   * @example Settings.twoDigitCutoffYear = 2050 // ALSO interpreted as 50
	   */
	  static set twoDigitCutoffYear(cutoffYear) {
	    twoDigitCutoffYear = cutoffYear % 100;
	  }

	  /**
	   * Get whether Luxon will throw when it encounters invalid DateTimes, Durations, or Intervals
	   * @type {boolean}
	   */
	  static get throwOnInvalid() {
	    return throwOnInvalid;
	  }

	  /**
	   * Set whether Luxon will throw when it encounters invalid DateTimes, Durations, or Intervals
	   * @type {boolean}
	   */
	  static set throwOnInvalid(t) {
	    throwOnInvalid = t;
	  }

	  /**
	   * Reset Luxon's global caches. Should only be necessary in testing scenarios.
	   * @return {void}
	   */
	  static resetCaches() {
	    Locale.resetCache();
	    IANAZone.resetCache();
	    DateTime.resetCache();
	    resetDigitRegexCache();
	  }
	}

	class Invalid {
	  constructor(reason, explanation) {
	    this.reason = reason;
	    this.explanation = explanation;
	  }
	  toMessage() {
	    if (this.explanation) {
	      return `${this.reason}: ${this.explanation}`;
	    } else {
	      return this.reason;
	    }
	  }
	}

	const nonLeapLadder = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334],
	  leapLadder = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];
	function unitOutOfRange(unit, value) {
	  return new Invalid("unit out of range", `you specified ${value} (of type ${typeof value}) as a ${unit}, which is invalid`);
	}
	function dayOfWeek(year, month, day) {
	  const d = new Date(Date.UTC(year, month - 1, day));
	  if (year < 100 && year >= 0) {
	    d.setUTCFullYear(d.getUTCFullYear() - 1900);
	  }
	  const js = d.getUTCDay();
	  return js === 0 ? 7 : js;
	}
	function computeOrdinal(year, month, day) {
	  return day + (isLeapYear(year) ? leapLadder : nonLeapLadder)[month - 1];
	}
	function uncomputeOrdinal(year, ordinal) {
	  const table = isLeapYear(year) ? leapLadder : nonLeapLadder,
	    month0 = table.findIndex(i => i < ordinal),
	    day = ordinal - table[month0];
	  return {
	    month: month0 + 1,
	    day
	  };
	}
	function isoWeekdayToLocal(isoWeekday, startOfWeek) {
	  return (isoWeekday - startOfWeek + 7) % 7 + 1;
	}

	/**
	 * @private
	 */

	function gregorianToWeek(gregObj, minDaysInFirstWeek = 4, startOfWeek = 1) {
	  const {
	      year,
	      month,
	      day
	    } = gregObj,
	    ordinal = computeOrdinal(year, month, day),
	    weekday = isoWeekdayToLocal(dayOfWeek(year, month, day), startOfWeek);
	  let weekNumber = Math.floor((ordinal - weekday + 14 - minDaysInFirstWeek) / 7),
	    weekYear;
	  if (weekNumber < 1) {
	    weekYear = year - 1;
	    weekNumber = weeksInWeekYear(weekYear, minDaysInFirstWeek, startOfWeek);
	  } else if (weekNumber > weeksInWeekYear(year, minDaysInFirstWeek, startOfWeek)) {
	    weekYear = year + 1;
	    weekNumber = 1;
	  } else {
	    weekYear = year;
	  }
	  return {
	    weekYear,
	    weekNumber,
	    weekday,
	    ...timeObject(gregObj)
	  };
	}
	function weekToGregorian(weekData, minDaysInFirstWeek = 4, startOfWeek = 1) {
	  const {
	      weekYear,
	      weekNumber,
	      weekday
	    } = weekData,
	    weekdayOfJan4 = isoWeekdayToLocal(dayOfWeek(weekYear, 1, minDaysInFirstWeek), startOfWeek),
	    yearInDays = daysInYear(weekYear);
	  let ordinal = weekNumber * 7 + weekday - weekdayOfJan4 - 7 + minDaysInFirstWeek,
	    year;
	  if (ordinal < 1) {
	    year = weekYear - 1;
	    ordinal += daysInYear(year);
	  } else if (ordinal > yearInDays) {
	    year = weekYear + 1;
	    ordinal -= daysInYear(weekYear);
	  } else {
	    year = weekYear;
	  }
	  const {
	    month,
	    day
	  } = uncomputeOrdinal(year, ordinal);
	  return {
	    year,
	    month,
	    day,
	    ...timeObject(weekData)
	  };
	}
	function gregorianToOrdinal(gregData) {
	  const {
	    year,
	    month,
	    day
	  } = gregData;
	  const ordinal = computeOrdinal(year, month, day);
	  return {
	    year,
	    ordinal,
	    ...timeObject(gregData)
	  };
	}
	function ordinalToGregorian(ordinalData) {
	  const {
	    year,
	    ordinal
	  } = ordinalData;
	  const {
	    month,
	    day
	  } = uncomputeOrdinal(year, ordinal);
	  return {
	    year,
	    month,
	    day,
	    ...timeObject(ordinalData)
	  };
	}

	/**
	 * Check if local week units like localWeekday are used in obj.
	 * If so, validates that they are not mixed with ISO week units and then copies them to the normal week unit properties.
	 * Modifies obj in-place!
	 * @param obj the object values
	 */
	function usesLocalWeekValues(obj, loc) {
	  const hasLocaleWeekData = !isUndefined(obj.localWeekday) || !isUndefined(obj.localWeekNumber) || !isUndefined(obj.localWeekYear);
	  if (hasLocaleWeekData) {
	    const hasIsoWeekData = !isUndefined(obj.weekday) || !isUndefined(obj.weekNumber) || !isUndefined(obj.weekYear);
	    if (hasIsoWeekData) {
	      throw new ConflictingSpecificationError("Cannot mix locale-based week fields with ISO-based week fields");
	    }
	    if (!isUndefined(obj.localWeekday)) obj.weekday = obj.localWeekday;
	    if (!isUndefined(obj.localWeekNumber)) obj.weekNumber = obj.localWeekNumber;
	    if (!isUndefined(obj.localWeekYear)) obj.weekYear = obj.localWeekYear;
	    delete obj.localWeekday;
	    delete obj.localWeekNumber;
	    delete obj.localWeekYear;
	    return {
	      minDaysInFirstWeek: loc.getMinDaysInFirstWeek(),
	      startOfWeek: loc.getStartOfWeek()
	    };
	  } else {
	    return {
	      minDaysInFirstWeek: 4,
	      startOfWeek: 1
	    };
	  }
	}
	function hasInvalidWeekData(obj, minDaysInFirstWeek = 4, startOfWeek = 1) {
	  const validYear = isInteger(obj.weekYear),
	    validWeek = integerBetween(obj.weekNumber, 1, weeksInWeekYear(obj.weekYear, minDaysInFirstWeek, startOfWeek)),
	    validWeekday = integerBetween(obj.weekday, 1, 7);
	  if (!validYear) {
	    return unitOutOfRange("weekYear", obj.weekYear);
	  } else if (!validWeek) {
	    return unitOutOfRange("week", obj.weekNumber);
	  } else if (!validWeekday) {
	    return unitOutOfRange("weekday", obj.weekday);
	  } else return false;
	}
	function hasInvalidOrdinalData(obj) {
	  const validYear = isInteger(obj.year),
	    validOrdinal = integerBetween(obj.ordinal, 1, daysInYear(obj.year));
	  if (!validYear) {
	    return unitOutOfRange("year", obj.year);
	  } else if (!validOrdinal) {
	    return unitOutOfRange("ordinal", obj.ordinal);
	  } else return false;
	}
	function hasInvalidGregorianData(obj) {
	  const validYear = isInteger(obj.year),
	    validMonth = integerBetween(obj.month, 1, 12),
	    validDay = integerBetween(obj.day, 1, daysInMonth(obj.year, obj.month));
	  if (!validYear) {
	    return unitOutOfRange("year", obj.year);
	  } else if (!validMonth) {
	    return unitOutOfRange("month", obj.month);
	  } else if (!validDay) {
	    return unitOutOfRange("day", obj.day);
	  } else return false;
	}
	function hasInvalidTimeData(obj) {
	  const {
	    hour,
	    minute,
	    second,
	    millisecond
	  } = obj;
	  const validHour = integerBetween(hour, 0, 23) || hour === 24 && minute === 0 && second === 0 && millisecond === 0,
	    validMinute = integerBetween(minute, 0, 59),
	    validSecond = integerBetween(second, 0, 59),
	    validMillisecond = integerBetween(millisecond, 0, 999);
	  if (!validHour) {
	    return unitOutOfRange("hour", hour);
	  } else if (!validMinute) {
	    return unitOutOfRange("minute", minute);
	  } else if (!validSecond) {
	    return unitOutOfRange("second", second);
	  } else if (!validMillisecond) {
	    return unitOutOfRange("millisecond", millisecond);
	  } else return false;
	}

	/*
	  This is just a junk drawer, containing anything used across multiple classes.
	  Because Luxon is small(ish), this should stay small and we won't worry about splitting
	  it up into, say, parsingUtil.js and basicUtil.js and so on. But they are divided up by feature area.
	*/

	/**
	 * @private
	 */

	// TYPES

	function isUndefined(o) {
	  return typeof o === "undefined";
	}
	function isNumber(o) {
	  return typeof o === "number";
	}
	function isInteger(o) {
	  return typeof o === "number" && o % 1 === 0;
	}
	function isString(o) {
	  return typeof o === "string";
	}
	function isDate(o) {
	  return Object.prototype.toString.call(o) === "[object Date]";
	}

	// CAPABILITIES

	function hasRelative() {
	  try {
	    return typeof Intl !== "undefined" && !!Intl.RelativeTimeFormat;
	  } catch (e) {
	    return false;
	  }
	}
	function hasLocaleWeekInfo() {
	  try {
	    return typeof Intl !== "undefined" && !!Intl.Locale && ("weekInfo" in Intl.Locale.prototype || "getWeekInfo" in Intl.Locale.prototype);
	  } catch (e) {
	    return false;
	  }
	}

	// OBJECTS AND ARRAYS

	function maybeArray(thing) {
	  return Array.isArray(thing) ? thing : [thing];
	}
	function bestBy(arr, by, compare) {
	  if (arr.length === 0) {
	    return undefined;
	  }
	  return arr.reduce((best, next) => {
	    const pair = [by(next), next];
	    if (!best) {
	      return pair;
	    } else if (compare(best[0], pair[0]) === best[0]) {
	      return best;
	    } else {
	      return pair;
	    }
	  }, null)[1];
	}
	function pick(obj, keys) {
	  return keys.reduce((a, k) => {
	    a[k] = obj[k];
	    return a;
	  }, {});
	}
	function hasOwnProperty(obj, prop) {
	  return Object.prototype.hasOwnProperty.call(obj, prop);
	}
	function validateWeekSettings(settings) {
	  if (settings == null) {
	    return null;
	  } else if (typeof settings !== "object") {
	    throw new InvalidArgumentError("Week settings must be an object");
	  } else {
	    if (!integerBetween(settings.firstDay, 1, 7) || !integerBetween(settings.minimalDays, 1, 7) || !Array.isArray(settings.weekend) || settings.weekend.some(v => !integerBetween(v, 1, 7))) {
	      throw new InvalidArgumentError("Invalid week settings");
	    }
	    return {
	      firstDay: settings.firstDay,
	      minimalDays: settings.minimalDays,
	      weekend: Array.from(settings.weekend)
	    };
	  }
	}

	// NUMBERS AND STRINGS

	function integerBetween(thing, bottom, top) {
	  return isInteger(thing) && thing >= bottom && thing <= top;
	}

	// x % n but takes the sign of n instead of x
	function floorMod(x, n) {
	  return x - n * Math.floor(x / n);
	}
	function padStart(input, n = 2) {
	  const isNeg = input < 0;
	  let padded;
	  if (isNeg) {
	    padded = "-" + ("" + -input).padStart(n, "0");
	  } else {
	    padded = ("" + input).padStart(n, "0");
	  }
	  return padded;
	}
	function parseInteger(string) {
	  if (isUndefined(string) || string === null || string === "") {
	    return undefined;
	  } else {
	    return parseInt(string, 10);
	  }
	}
	function parseFloating(string) {
	  if (isUndefined(string) || string === null || string === "") {
	    return undefined;
	  } else {
	    return parseFloat(string);
	  }
	}
	function parseMillis(fraction) {
	  // Return undefined (instead of 0) in these cases, where fraction is not set
	  if (isUndefined(fraction) || fraction === null || fraction === "") {
	    return undefined;
	  } else {
	    const f = parseFloat("0." + fraction) * 1000;
	    return Math.floor(f);
	  }
	}
	function roundTo(number, digits, rounding = "round") {
	  const factor = 10 ** digits;
	  switch (rounding) {
	    case "expand":
	      return number > 0 ? Math.ceil(number * factor) / factor : Math.floor(number * factor) / factor;
	    case "trunc":
	      return Math.trunc(number * factor) / factor;
	    case "round":
	      return Math.round(number * factor) / factor;
	    case "floor":
	      return Math.floor(number * factor) / factor;
	    case "ceil":
	      return Math.ceil(number * factor) / factor;
	    default:
	      throw new RangeError(`Value rounding ${rounding} is out of range`);
	  }
	}

	// DATE BASICS

	function isLeapYear(year) {
	  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	}
	function daysInYear(year) {
	  return isLeapYear(year) ? 366 : 365;
	}
	function daysInMonth(year, month) {
	  const modMonth = floorMod(month - 1, 12) + 1,
	    modYear = year + (month - modMonth) / 12;
	  if (modMonth === 2) {
	    return isLeapYear(modYear) ? 29 : 28;
	  } else {
	    return [31, null, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][modMonth - 1];
	  }
	}

	// convert a calendar object to a local timestamp (epoch, but with the offset baked in)
	function objToLocalTS(obj) {
	  let d = Date.UTC(obj.year, obj.month - 1, obj.day, obj.hour, obj.minute, obj.second, obj.millisecond);

	  // for legacy reasons, years between 0 and 99 are interpreted as 19XX; revert that
	  if (obj.year < 100 && obj.year >= 0) {
	    d = new Date(d);
	    // set the month and day again, this is necessary because year 2000 is a leap year, but year 100 is not
	    // so if obj.year is in 99, but obj.day makes it roll over into year 100,
	    // the calculations done by Date.UTC are using year 2000 - which is incorrect
	    d.setUTCFullYear(obj.year, obj.month - 1, obj.day);
	  }
	  return +d;
	}

	// adapted from moment.js: https://github.com/moment/moment/blob/000ac1800e620f770f4eb31b5ae908f6167b0ab2/src/lib/units/week-calendar-utils.js
	function firstWeekOffset(year, minDaysInFirstWeek, startOfWeek) {
	  const fwdlw = isoWeekdayToLocal(dayOfWeek(year, 1, minDaysInFirstWeek), startOfWeek);
	  return -fwdlw + minDaysInFirstWeek - 1;
	}
	function weeksInWeekYear(weekYear, minDaysInFirstWeek = 4, startOfWeek = 1) {
	  const weekOffset = firstWeekOffset(weekYear, minDaysInFirstWeek, startOfWeek);
	  const weekOffsetNext = firstWeekOffset(weekYear + 1, minDaysInFirstWeek, startOfWeek);
	  return (daysInYear(weekYear) - weekOffset + weekOffsetNext) / 7;
	}
	function untruncateYear(year) {
	  if (year > 99) {
	    return year;
	  } else return year > Settings.twoDigitCutoffYear ? 1900 + year : 2000 + year;
	}

	// PARSING

	function parseZoneInfo(ts, offsetFormat, locale, timeZone = null) {
	  const date = new Date(ts),
	    intlOpts = {
	      hourCycle: "h23",
	      year: "numeric",
	      month: "2-digit",
	      day: "2-digit",
	      hour: "2-digit",
	      minute: "2-digit"
	    };
	  if (timeZone) {
	    intlOpts.timeZone = timeZone;
	  }
	  const modified = {
	    timeZoneName: offsetFormat,
	    ...intlOpts
	  };
	  const parsed = new Intl.DateTimeFormat(locale, modified).formatToParts(date).find(m => m.type.toLowerCase() === "timezonename");
	  return parsed ? parsed.value : null;
	}

	// signedOffset('-5', '30') -> -330
	function signedOffset(offHourStr, offMinuteStr) {
	  let offHour = parseInt(offHourStr, 10);

	  // don't || this because we want to preserve -0
	  if (Number.isNaN(offHour)) {
	    offHour = 0;
	  }
	  const offMin = parseInt(offMinuteStr, 10) || 0,
	    offMinSigned = offHour < 0 || Object.is(offHour, -0) ? -offMin : offMin;
	  return offHour * 60 + offMinSigned;
	}

	// COERCION

	function asNumber(value) {
	  const numericValue = Number(value);
	  if (typeof value === "boolean" || value === "" || !Number.isFinite(numericValue)) throw new InvalidArgumentError(`Invalid unit value ${value}`);
	  return numericValue;
	}
	function normalizeObject(obj, normalizer) {
	  const normalized = {};
	  for (const u in obj) {
	    if (hasOwnProperty(obj, u)) {
	      const v = obj[u];
	      if (v === undefined || v === null) continue;
	      normalized[normalizer(u)] = asNumber(v);
	    }
	  }
	  return normalized;
	}

	/**
	 * Returns the offset's value as a string
	 * @param {number} ts - Epoch milliseconds for which to get the offset
	 * @param {string} format - What style of offset to return.
	 *                          Accepts 'narrow', 'short', or 'techie'. Returning '+6', '+06:00', or '+0600' respectively
	 * @return {string}
	 */
	function formatOffset(offset, format) {
	  const hours = Math.trunc(Math.abs(offset / 60)),
	    minutes = Math.trunc(Math.abs(offset % 60)),
	    sign = offset >= 0 ? "+" : "-";
	  switch (format) {
	    case "short":
	      return `${sign}${padStart(hours, 2)}:${padStart(minutes, 2)}`;
	    case "narrow":
	      return `${sign}${hours}${minutes > 0 ? `:${minutes}` : ""}`;
	    case "techie":
	      return `${sign}${padStart(hours, 2)}${padStart(minutes, 2)}`;
	    default:
	      throw new RangeError(`Value format ${format} is out of range for property format`);
	  }
	}
	function timeObject(obj) {
	  return pick(obj, ["hour", "minute", "second", "millisecond"]);
	}

	/**
	 * @private
	 */

	const monthsLong = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
	const monthsShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
	const monthsNarrow = ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"];
	function months(length) {
	  switch (length) {
	    case "narrow":
	      return [...monthsNarrow];
	    case "short":
	      return [...monthsShort];
	    case "long":
	      return [...monthsLong];
	    case "numeric":
	      return ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
	    case "2-digit":
	      return ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
	    default:
	      return null;
	  }
	}
	const weekdaysLong = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
	const weekdaysShort = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
	const weekdaysNarrow = ["M", "T", "W", "T", "F", "S", "S"];
	function weekdays(length) {
	  switch (length) {
	    case "narrow":
	      return [...weekdaysNarrow];
	    case "short":
	      return [...weekdaysShort];
	    case "long":
	      return [...weekdaysLong];
	    case "numeric":
	      return ["1", "2", "3", "4", "5", "6", "7"];
	    default:
	      return null;
	  }
	}
	const meridiems = ["AM", "PM"];
	const erasLong = ["Before Christ", "Anno Domini"];
	const erasShort = ["BC", "AD"];
	const erasNarrow = ["B", "A"];
	function eras(length) {
	  switch (length) {
	    case "narrow":
	      return [...erasNarrow];
	    case "short":
	      return [...erasShort];
	    case "long":
	      return [...erasLong];
	    default:
	      return null;
	  }
	}
	function meridiemForDateTime(dt) {
	  return meridiems[dt.hour < 12 ? 0 : 1];
	}
	function weekdayForDateTime(dt, length) {
	  return weekdays(length)[dt.weekday - 1];
	}
	function monthForDateTime(dt, length) {
	  return months(length)[dt.month - 1];
	}
	function eraForDateTime(dt, length) {
	  return eras(length)[dt.year < 0 ? 0 : 1];
	}
	function formatRelativeTime(unit, count, numeric = "always", narrow = false) {
	  const units = {
	    years: ["year", "yr."],
	    quarters: ["quarter", "qtr."],
	    months: ["month", "mo."],
	    weeks: ["week", "wk."],
	    days: ["day", "day", "days"],
	    hours: ["hour", "hr."],
	    minutes: ["minute", "min."],
	    seconds: ["second", "sec."]
	  };
	  const lastable = ["hours", "minutes", "seconds"].indexOf(unit) === -1;
	  if (numeric === "auto" && lastable) {
	    const isDay = unit === "days";
	    switch (count) {
	      case 1:
	        return isDay ? "tomorrow" : `next ${units[unit][0]}`;
	      case -1:
	        return isDay ? "yesterday" : `last ${units[unit][0]}`;
	      case 0:
	        return isDay ? "today" : `this ${units[unit][0]}`;
	    }
	  }

	  const isInPast = Object.is(count, -0) || count < 0,
	    fmtValue = Math.abs(count),
	    singular = fmtValue === 1,
	    lilUnits = units[unit],
	    fmtUnit = narrow ? singular ? lilUnits[1] : lilUnits[2] || lilUnits[1] : singular ? units[unit][0] : unit;
	  return isInPast ? `${fmtValue} ${fmtUnit} ago` : `in ${fmtValue} ${fmtUnit}`;
	}

	function stringifyTokens(splits, tokenToString) {
	  let s = "";
	  for (const token of splits) {
	    if (token.literal) {
	      s += token.val;
	    } else {
	      s += tokenToString(token.val);
	    }
	  }
	  return s;
	}
	const macroTokenToFormatOpts = {
	  D: DATE_SHORT,
	  DD: DATE_MED,
	  DDD: DATE_FULL,
	  DDDD: DATE_HUGE,
	  t: TIME_SIMPLE,
	  tt: TIME_WITH_SECONDS,
	  ttt: TIME_WITH_SHORT_OFFSET,
	  tttt: TIME_WITH_LONG_OFFSET,
	  T: TIME_24_SIMPLE,
	  TT: TIME_24_WITH_SECONDS,
	  TTT: TIME_24_WITH_SHORT_OFFSET,
	  TTTT: TIME_24_WITH_LONG_OFFSET,
	  f: DATETIME_SHORT,
	  ff: DATETIME_MED,
	  fff: DATETIME_FULL,
	  ffff: DATETIME_HUGE,
	  F: DATETIME_SHORT_WITH_SECONDS,
	  FF: DATETIME_MED_WITH_SECONDS,
	  FFF: DATETIME_FULL_WITH_SECONDS,
	  FFFF: DATETIME_HUGE_WITH_SECONDS
	};

	/**
	 * @private
	 */

	class Formatter {
	  static create(locale, opts = {}) {
	    return new Formatter(locale, opts);
	  }
	  static parseFormat(fmt) {
	    // white-space is always considered a literal in user-provided formats
	    // the " " token has a special meaning (see unitForToken)

	    let current = null,
	      currentFull = "",
	      bracketed = false;
	    const splits = [];
	    for (let i = 0; i < fmt.length; i++) {
	      const c = fmt.charAt(i);
	      if (c === "'") {
	        // turn '' into a literal signal quote instead of just skipping the empty literal
	        if (currentFull.length > 0 || bracketed) {
	          splits.push({
	            literal: bracketed || /^\s+$/.test(currentFull),
	            val: currentFull === "" ? "'" : currentFull
	          });
	        }
	        current = null;
	        currentFull = "";
	        bracketed = !bracketed;
	      } else if (bracketed) {
	        currentFull += c;
	      } else if (c === current) {
	        currentFull += c;
	      } else {
	        if (currentFull.length > 0) {
	          splits.push({
	            literal: /^\s+$/.test(currentFull),
	            val: currentFull
	          });
	        }
	        currentFull = c;
	        current = c;
	      }
	    }
	    if (currentFull.length > 0) {
	      splits.push({
	        literal: bracketed || /^\s+$/.test(currentFull),
	        val: currentFull
	      });
	    }
	    return splits;
	  }
	  static macroTokenToFormatOpts(token) {
	    return macroTokenToFormatOpts[token];
	  }
	  constructor(locale, formatOpts) {
	    this.opts = formatOpts;
	    this.loc = locale;
	    this.systemLoc = null;
	  }
	  formatWithSystemDefault(dt, opts) {
	    if (this.systemLoc === null) {
	      this.systemLoc = this.loc.redefaultToSystem();
	    }
	    const df = this.systemLoc.dtFormatter(dt, {
	      ...this.opts,
	      ...opts
	    });
	    return df.format();
	  }
	  dtFormatter(dt, opts = {}) {
	    return this.loc.dtFormatter(dt, {
	      ...this.opts,
	      ...opts
	    });
	  }
	  formatDateTime(dt, opts) {
	    return this.dtFormatter(dt, opts).format();
	  }
	  formatDateTimeParts(dt, opts) {
	    return this.dtFormatter(dt, opts).formatToParts();
	  }
	  formatInterval(interval, opts) {
	    const df = this.dtFormatter(interval.start, opts);
	    return df.dtf.formatRange(interval.start.toJSDate(), interval.end.toJSDate());
	  }
	  resolvedOptions(dt, opts) {
	    return this.dtFormatter(dt, opts).resolvedOptions();
	  }
	  num(n, p = 0, signDisplay = undefined) {
	    // we get some perf out of doing this here, annoyingly
	    if (this.opts.forceSimple) {
	      return padStart(n, p);
	    }
	    const opts = {
	      ...this.opts
	    };
	    if (p > 0) {
	      opts.padTo = p;
	    }
	    if (signDisplay) {
	      opts.signDisplay = signDisplay;
	    }
	    return this.loc.numberFormatter(opts).format(n);
	  }
	  formatDateTimeFromString(dt, fmt) {
	    const knownEnglish = this.loc.listingMode() === "en",
	      useDateTimeFormatter = this.loc.outputCalendar && this.loc.outputCalendar !== "gregory",
	      string = (opts, extract) => this.loc.extract(dt, opts, extract),
	      formatOffset = opts => {
	        if (dt.isOffsetFixed && dt.offset === 0 && opts.allowZ) {
	          return "Z";
	        }
	        return dt.isValid ? dt.zone.formatOffset(dt.ts, opts.format) : "";
	      },
	      meridiem = () => knownEnglish ? meridiemForDateTime(dt) : string({
	        hour: "numeric",
	        hourCycle: "h12"
	      }, "dayperiod"),
	      month = (length, standalone) => knownEnglish ? monthForDateTime(dt, length) : string(standalone ? {
	        month: length
	      } : {
	        month: length,
	        day: "numeric"
	      }, "month"),
	      weekday = (length, standalone) => knownEnglish ? weekdayForDateTime(dt, length) : string(standalone ? {
	        weekday: length
	      } : {
	        weekday: length,
	        month: "long",
	        day: "numeric"
	      }, "weekday"),
	      maybeMacro = token => {
	        const formatOpts = Formatter.macroTokenToFormatOpts(token);
	        if (formatOpts) {
	          return this.formatWithSystemDefault(dt, formatOpts);
	        } else {
	          return token;
	        }
	      },
	      era = length => knownEnglish ? eraForDateTime(dt, length) : string({
	        era: length
	      }, "era"),
	      tokenToString = token => {
	        // Where possible: https://cldr.unicode.org/translation/date-time/date-time-symbols
	        switch (token) {
	          // ms
	          case "S":
	            return this.num(dt.millisecond);
	          case "u":
	          // falls through
	          case "SSS":
	            return this.num(dt.millisecond, 3);
	          // seconds
	          case "s":
	            return this.num(dt.second);
	          case "ss":
	            return this.num(dt.second, 2);
	          // fractional seconds
	          case "uu":
	            return this.num(Math.floor(dt.millisecond / 10), 2);
	          case "uuu":
	            return this.num(Math.floor(dt.millisecond / 100));
	          // minutes
	          case "m":
	            return this.num(dt.minute);
	          case "mm":
	            return this.num(dt.minute, 2);
	          // hours
	          case "h":
	            return this.num(dt.hour % 12 === 0 ? 12 : dt.hour % 12);
	          case "hh":
	            return this.num(dt.hour % 12 === 0 ? 12 : dt.hour % 12, 2);
	          case "H":
	            return this.num(dt.hour);
	          case "HH":
	            return this.num(dt.hour, 2);
	          // offset
	          case "Z":
	            // like +6
	            return formatOffset({
	              format: "narrow",
	              allowZ: this.opts.allowZ
	            });
	          case "ZZ":
	            // like +06:00
	            return formatOffset({
	              format: "short",
	              allowZ: this.opts.allowZ
	            });
	          case "ZZZ":
	            // like +0600
	            return formatOffset({
	              format: "techie",
	              allowZ: this.opts.allowZ
	            });
	          case "ZZZZ":
	            // like EST
	            return dt.zone.offsetName(dt.ts, {
	              format: "short",
	              locale: this.loc.locale
	            });
	          case "ZZZZZ":
	            // like Eastern Standard Time
	            return dt.zone.offsetName(dt.ts, {
	              format: "long",
	              locale: this.loc.locale
	            });
	          // zone
	          case "z":
	            // like America/New_York
	            return dt.zoneName;
	          // meridiems
	          case "a":
	            return meridiem();
	          // dates
	          case "d":
	            return useDateTimeFormatter ? string({
	              day: "numeric"
	            }, "day") : this.num(dt.day);
	          case "dd":
	            return useDateTimeFormatter ? string({
	              day: "2-digit"
	            }, "day") : this.num(dt.day, 2);
	          // weekdays - standalone
	          case "c":
	            // like 1
	            return this.num(dt.weekday);
	          case "ccc":
	            // like 'Tues'
	            return weekday("short", true);
	          case "cccc":
	            // like 'Tuesday'
	            return weekday("long", true);
	          case "ccccc":
	            // like 'T'
	            return weekday("narrow", true);
	          // weekdays - format
	          case "E":
	            // like 1
	            return this.num(dt.weekday);
	          case "EEE":
	            // like 'Tues'
	            return weekday("short", false);
	          case "EEEE":
	            // like 'Tuesday'
	            return weekday("long", false);
	          case "EEEEE":
	            // like 'T'
	            return weekday("narrow", false);
	          // months - standalone
	          case "L":
	            // like 1
	            return useDateTimeFormatter ? string({
	              month: "numeric",
	              day: "numeric"
	            }, "month") : this.num(dt.month);
	          case "LL":
	            // like 01, doesn't seem to work
	            return useDateTimeFormatter ? string({
	              month: "2-digit",
	              day: "numeric"
	            }, "month") : this.num(dt.month, 2);
	          case "LLL":
	            // like Jan
	            return month("short", true);
	          case "LLLL":
	            // like January
	            return month("long", true);
	          case "LLLLL":
	            // like J
	            return month("narrow", true);
	          // months - format
	          case "M":
	            // like 1
	            return useDateTimeFormatter ? string({
	              month: "numeric"
	            }, "month") : this.num(dt.month);
	          case "MM":
	            // like 01
	            return useDateTimeFormatter ? string({
	              month: "2-digit"
	            }, "month") : this.num(dt.month, 2);
	          case "MMM":
	            // like Jan
	            return month("short", false);
	          case "MMMM":
	            // like January
	            return month("long", false);
	          case "MMMMM":
	            // like J
	            return month("narrow", false);
	          // years
	          case "y":
	            // like 2014
	            return useDateTimeFormatter ? string({
	              year: "numeric"
	            }, "year") : this.num(dt.year);
	          case "yy":
	            // like 14
	            return useDateTimeFormatter ? string({
	              year: "2-digit"
	            }, "year") : this.num(dt.year.toString().slice(-2), 2);
	          case "yyyy":
	            // like 0012
	            return useDateTimeFormatter ? string({
	              year: "numeric"
	            }, "year") : this.num(dt.year, 4);
	          case "yyyyyy":
	            // like 000012
	            return useDateTimeFormatter ? string({
	              year: "numeric"
	            }, "year") : this.num(dt.year, 6);
	          // eras
	          case "G":
	            // like AD
	            return era("short");
	          case "GG":
	            // like Anno Domini
	            return era("long");
	          case "GGGGG":
	            return era("narrow");
	          case "kk":
	            return this.num(dt.weekYear.toString().slice(-2), 2);
	          case "kkkk":
	            return this.num(dt.weekYear, 4);
	          case "W":
	            return this.num(dt.weekNumber);
	          case "WW":
	            return this.num(dt.weekNumber, 2);
	          case "n":
	            return this.num(dt.localWeekNumber);
	          case "nn":
	            return this.num(dt.localWeekNumber, 2);
	          case "ii":
	            return this.num(dt.localWeekYear.toString().slice(-2), 2);
	          case "iiii":
	            return this.num(dt.localWeekYear, 4);
	          case "o":
	            return this.num(dt.ordinal);
	          case "ooo":
	            return this.num(dt.ordinal, 3);
	          case "q":
	            // like 1
	            return this.num(dt.quarter);
	          case "qq":
	            // like 01
	            return this.num(dt.quarter, 2);
	          case "X":
	            return this.num(Math.floor(dt.ts / 1000));
	          case "x":
	            return this.num(dt.ts);
	          default:
	            return maybeMacro(token);
	        }
	      };
	    return stringifyTokens(Formatter.parseFormat(fmt), tokenToString);
	  }
	  formatDurationFromString(dur, fmt) {
	    const invertLargest = this.opts.signMode === "negativeLargestOnly" ? -1 : 1;
	    const tokenToField = token => {
	        switch (token[0]) {
	          case "S":
	            return "milliseconds";
	          case "s":
	            return "seconds";
	          case "m":
	            return "minutes";
	          case "h":
	            return "hours";
	          case "d":
	            return "days";
	          case "w":
	            return "weeks";
	          case "M":
	            return "months";
	          case "y":
	            return "years";
	          default:
	            return null;
	        }
	      },
	      tokenToString = (lildur, info) => token => {
	        const mapped = tokenToField(token);
	        if (mapped) {
	          const inversionFactor = info.isNegativeDuration && mapped !== info.largestUnit ? invertLargest : 1;
	          let signDisplay;
	          if (this.opts.signMode === "negativeLargestOnly" && mapped !== info.largestUnit) {
	            signDisplay = "never";
	          } else if (this.opts.signMode === "all") {
	            signDisplay = "always";
	          } else {
	            // "auto" and "negative" are the same, but "auto" has better support
	            signDisplay = "auto";
	          }
	          return this.num(lildur.get(mapped) * inversionFactor, token.length, signDisplay);
	        } else {
	          return token;
	        }
	      },
	      tokens = Formatter.parseFormat(fmt),
	      realTokens = tokens.reduce((found, {
	        literal,
	        val
	      }) => literal ? found : found.concat(val), []),
	      collapsed = dur.shiftTo(...realTokens.map(tokenToField).filter(t => t)),
	      durationInfo = {
	        isNegativeDuration: collapsed < 0,
	        // this relies on "collapsed" being based on "shiftTo", which builds up the object
	        // in order
	        largestUnit: Object.keys(collapsed.values)[0]
	      };
	    return stringifyTokens(tokens, tokenToString(collapsed, durationInfo));
	  }
	}

	/*
	 * This file handles parsing for well-specified formats. Here's how it works:
	 * Two things go into parsing: a regex to match with and an extractor to take apart the groups in the match.
	 * An extractor is just a function that takes a regex match array and returns a { year: ..., month: ... } object
	 * parse() does the work of executing the regex and applying the extractor. It takes multiple regex/extractor pairs to try in sequence.
	 * Extractors can take a "cursor" representing the offset in the match to look at. This makes it easy to combine extractors.
	 * combineExtractors() does the work of combining them, keeping track of the cursor through multiple extractions.
	 * Some extractions are super dumb and simpleParse and fromStrings help DRY them.
	 */

	const ianaRegex = /[A-Za-z_+-]{1,256}(?::?\/[A-Za-z0-9_+-]{1,256}(?:\/[A-Za-z0-9_+-]{1,256})?)?/;
	function combineRegexes(...regexes) {
	  const full = regexes.reduce((f, r) => f + r.source, "");
	  return RegExp(`^${full}$`);
	}
	function combineExtractors(...extractors) {
	  return m => extractors.reduce(([mergedVals, mergedZone, cursor], ex) => {
	    const [val, zone, next] = ex(m, cursor);
	    return [{
	      ...mergedVals,
	      ...val
	    }, zone || mergedZone, next];
	  }, [{}, null, 1]).slice(0, 2);
	}
	function parse(s, ...patterns) {
	  if (s == null) {
	    return [null, null];
	  }
	  for (const [regex, extractor] of patterns) {
	    const m = regex.exec(s);
	    if (m) {
	      return extractor(m);
	    }
	  }
	  return [null, null];
	}
	function simpleParse(...keys) {
	  return (match, cursor) => {
	    const ret = {};
	    let i;
	    for (i = 0; i < keys.length; i++) {
	      ret[keys[i]] = parseInteger(match[cursor + i]);
	    }
	    return [ret, null, cursor + i];
	  };
	}

	// ISO and SQL parsing
	const offsetRegex = /(?:([Zz])|([+-]\d\d)(?::?(\d\d))?)/;
	const isoExtendedZone = `(?:${offsetRegex.source}?(?:\\[(${ianaRegex.source})\\])?)?`;
	const isoTimeBaseRegex = /(\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d{1,30}))?)?)?/;
	const isoTimeRegex = RegExp(`${isoTimeBaseRegex.source}${isoExtendedZone}`);
	const isoTimeExtensionRegex = RegExp(`(?:[Tt]${isoTimeRegex.source})?`);
	const isoYmdRegex = /([+-]\d{6}|\d{4})(?:-?(\d\d)(?:-?(\d\d))?)?/;
	const isoWeekRegex = /(\d{4})-?W(\d\d)(?:-?(\d))?/;
	const isoOrdinalRegex = /(\d{4})-?(\d{3})/;
	const extractISOWeekData = simpleParse("weekYear", "weekNumber", "weekDay");
	const extractISOOrdinalData = simpleParse("year", "ordinal");
	const sqlYmdRegex = /(\d{4})-(\d\d)-(\d\d)/; // dumbed-down version of the ISO one
	const sqlTimeRegex = RegExp(`${isoTimeBaseRegex.source} ?(?:${offsetRegex.source}|(${ianaRegex.source}))?`);
	const sqlTimeExtensionRegex = RegExp(`(?: ${sqlTimeRegex.source})?`);
	function int(match, pos, fallback) {
	  const m = match[pos];
	  return isUndefined(m) ? fallback : parseInteger(m);
	}
	function extractISOYmd(match, cursor) {
	  const item = {
	    year: int(match, cursor),
	    month: int(match, cursor + 1, 1),
	    day: int(match, cursor + 2, 1)
	  };
	  return [item, null, cursor + 3];
	}
	function extractISOTime(match, cursor) {
	  const item = {
	    hours: int(match, cursor, 0),
	    minutes: int(match, cursor + 1, 0),
	    seconds: int(match, cursor + 2, 0),
	    milliseconds: parseMillis(match[cursor + 3])
	  };
	  return [item, null, cursor + 4];
	}
	function extractISOOffset(match, cursor) {
	  const local = !match[cursor] && !match[cursor + 1],
	    fullOffset = signedOffset(match[cursor + 1], match[cursor + 2]),
	    zone = local ? null : FixedOffsetZone.instance(fullOffset);
	  return [{}, zone, cursor + 3];
	}
	function extractIANAZone(match, cursor) {
	  const zone = match[cursor] ? IANAZone.create(match[cursor]) : null;
	  return [{}, zone, cursor + 1];
	}

	// ISO time parsing

	const isoTimeOnly = RegExp(`^T?${isoTimeBaseRegex.source}$`);

	// ISO duration parsing

	const isoDuration = /^-?P(?:(?:(-?\d{1,20}(?:\.\d{1,20})?)Y)?(?:(-?\d{1,20}(?:\.\d{1,20})?)M)?(?:(-?\d{1,20}(?:\.\d{1,20})?)W)?(?:(-?\d{1,20}(?:\.\d{1,20})?)D)?(?:T(?:(-?\d{1,20}(?:\.\d{1,20})?)H)?(?:(-?\d{1,20}(?:\.\d{1,20})?)M)?(?:(-?\d{1,20})(?:[.,](-?\d{1,20}))?S)?)?)$/;
	function extractISODuration(match) {
	  const [s, yearStr, monthStr, weekStr, dayStr, hourStr, minuteStr, secondStr, millisecondsStr] = match;
	  const hasNegativePrefix = s[0] === "-";
	  const negativeSeconds = secondStr && secondStr[0] === "-";
	  const maybeNegate = (num, force = false) => num !== undefined && (force || num && hasNegativePrefix) ? -num : num;
	  return [{
	    years: maybeNegate(parseFloating(yearStr)),
	    months: maybeNegate(parseFloating(monthStr)),
	    weeks: maybeNegate(parseFloating(weekStr)),
	    days: maybeNegate(parseFloating(dayStr)),
	    hours: maybeNegate(parseFloating(hourStr)),
	    minutes: maybeNegate(parseFloating(minuteStr)),
	    seconds: maybeNegate(parseFloating(secondStr), secondStr === "-0"),
	    milliseconds: maybeNegate(parseMillis(millisecondsStr), negativeSeconds)
	  }];
	}

	// These are a little braindead. EDT *should* tell us that we're in, say, America/New_York
	// and not just that we're in -240 *right now*. But since I don't think these are used that often
	// I'm just going to ignore that
	const obsOffsets = {
	  GMT: 0,
	  EDT: -4 * 60,
	  EST: -5 * 60,
	  CDT: -5 * 60,
	  CST: -6 * 60,
	  MDT: -6 * 60,
	  MST: -7 * 60,
	  PDT: -7 * 60,
	  PST: -8 * 60
	};
	function fromStrings(weekdayStr, yearStr, monthStr, dayStr, hourStr, minuteStr, secondStr) {
	  const result = {
	    year: yearStr.length === 2 ? untruncateYear(parseInteger(yearStr)) : parseInteger(yearStr),
	    month: monthsShort.indexOf(monthStr) + 1,
	    day: parseInteger(dayStr),
	    hour: parseInteger(hourStr),
	    minute: parseInteger(minuteStr)
	  };
	  if (secondStr) result.second = parseInteger(secondStr);
	  if (weekdayStr) {
	    result.weekday = weekdayStr.length > 3 ? weekdaysLong.indexOf(weekdayStr) + 1 : weekdaysShort.indexOf(weekdayStr) + 1;
	  }
	  return result;
	}

	// RFC 2822/5322
	const rfc2822 = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s)?(\d{1,2})\s(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s(\d{2,4})\s(\d\d):(\d\d)(?::(\d\d))?\s(?:(UT|GMT|[ECMP][SD]T)|([Zz])|(?:([+-]\d\d)(\d\d)))$/;
	function extractRFC2822(match) {
	  const [, weekdayStr, dayStr, monthStr, yearStr, hourStr, minuteStr, secondStr, obsOffset, milOffset, offHourStr, offMinuteStr] = match,
	    result = fromStrings(weekdayStr, yearStr, monthStr, dayStr, hourStr, minuteStr, secondStr);
	  let offset;
	  if (obsOffset) {
	    offset = obsOffsets[obsOffset];
	  } else if (milOffset) {
	    offset = 0;
	  } else {
	    offset = signedOffset(offHourStr, offMinuteStr);
	  }
	  return [result, new FixedOffsetZone(offset)];
	}
	function preprocessRFC2822(s) {
	  // Remove comments and folding whitespace and replace multiple-spaces with a single space
	  return s.replace(/\([^()]*\)|[\n\t]/g, " ").replace(/(\s\s+)/g, " ").trim();
	}

	// http date

	const rfc1123 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d\d):(\d\d):(\d\d) GMT$/,
	  rfc850 = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d\d)-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d\d) (\d\d):(\d\d):(\d\d) GMT$/,
	  ascii = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ( \d|\d\d) (\d\d):(\d\d):(\d\d) (\d{4})$/;
	function extractRFC1123Or850(match) {
	  const [, weekdayStr, dayStr, monthStr, yearStr, hourStr, minuteStr, secondStr] = match,
	    result = fromStrings(weekdayStr, yearStr, monthStr, dayStr, hourStr, minuteStr, secondStr);
	  return [result, FixedOffsetZone.utcInstance];
	}
	function extractASCII(match) {
	  const [, weekdayStr, monthStr, dayStr, hourStr, minuteStr, secondStr, yearStr] = match,
	    result = fromStrings(weekdayStr, yearStr, monthStr, dayStr, hourStr, minuteStr, secondStr);
	  return [result, FixedOffsetZone.utcInstance];
	}
	const isoYmdWithTimeExtensionRegex = combineRegexes(isoYmdRegex, isoTimeExtensionRegex);
	const isoWeekWithTimeExtensionRegex = combineRegexes(isoWeekRegex, isoTimeExtensionRegex);
	const isoOrdinalWithTimeExtensionRegex = combineRegexes(isoOrdinalRegex, isoTimeExtensionRegex);
	const isoTimeCombinedRegex = combineRegexes(isoTimeRegex);
	const extractISOYmdTimeAndOffset = combineExtractors(extractISOYmd, extractISOTime, extractISOOffset, extractIANAZone);
	const extractISOWeekTimeAndOffset = combineExtractors(extractISOWeekData, extractISOTime, extractISOOffset, extractIANAZone);
	const extractISOOrdinalDateAndTime = combineExtractors(extractISOOrdinalData, extractISOTime, extractISOOffset, extractIANAZone);
	const extractISOTimeAndOffset = combineExtractors(extractISOTime, extractISOOffset, extractIANAZone);

	/*
	 * @private
	 */

	function parseISODate(s) {
	  return parse(s, [isoYmdWithTimeExtensionRegex, extractISOYmdTimeAndOffset], [isoWeekWithTimeExtensionRegex, extractISOWeekTimeAndOffset], [isoOrdinalWithTimeExtensionRegex, extractISOOrdinalDateAndTime], [isoTimeCombinedRegex, extractISOTimeAndOffset]);
	}
	function parseRFC2822Date(s) {
	  return parse(preprocessRFC2822(s), [rfc2822, extractRFC2822]);
	}
	function parseHTTPDate(s) {
	  return parse(s, [rfc1123, extractRFC1123Or850], [rfc850, extractRFC1123Or850], [ascii, extractASCII]);
	}
	function parseISODuration(s) {
	  return parse(s, [isoDuration, extractISODuration]);
	}
	const extractISOTimeOnly = combineExtractors(extractISOTime);
	function parseISOTimeOnly(s) {
	  return parse(s, [isoTimeOnly, extractISOTimeOnly]);
	}
	const sqlYmdWithTimeExtensionRegex = combineRegexes(sqlYmdRegex, sqlTimeExtensionRegex);
	const sqlTimeCombinedRegex = combineRegexes(sqlTimeRegex);
	const extractISOTimeOffsetAndIANAZone = combineExtractors(extractISOTime, extractISOOffset, extractIANAZone);
	function parseSQL(s) {
	  return parse(s, [sqlYmdWithTimeExtensionRegex, extractISOYmdTimeAndOffset], [sqlTimeCombinedRegex, extractISOTimeOffsetAndIANAZone]);
	}

	const INVALID$2 = "Invalid Duration";

	// unit conversion constants
	const lowOrderMatrix = {
	    weeks: {
	      days: 7,
	      hours: 7 * 24,
	      minutes: 7 * 24 * 60,
	      seconds: 7 * 24 * 60 * 60,
	      milliseconds: 7 * 24 * 60 * 60 * 1000
	    },
	    days: {
	      hours: 24,
	      minutes: 24 * 60,
	      seconds: 24 * 60 * 60,
	      milliseconds: 24 * 60 * 60 * 1000
	    },
	    hours: {
	      minutes: 60,
	      seconds: 60 * 60,
	      milliseconds: 60 * 60 * 1000
	    },
	    minutes: {
	      seconds: 60,
	      milliseconds: 60 * 1000
	    },
	    seconds: {
	      milliseconds: 1000
	    }
	  },
	  casualMatrix = {
	    years: {
	      quarters: 4,
	      months: 12,
	      weeks: 52,
	      days: 365,
	      hours: 365 * 24,
	      minutes: 365 * 24 * 60,
	      seconds: 365 * 24 * 60 * 60,
	      milliseconds: 365 * 24 * 60 * 60 * 1000
	    },
	    quarters: {
	      months: 3,
	      weeks: 13,
	      days: 91,
	      hours: 91 * 24,
	      minutes: 91 * 24 * 60,
	      seconds: 91 * 24 * 60 * 60,
	      milliseconds: 91 * 24 * 60 * 60 * 1000
	    },
	    months: {
	      weeks: 4,
	      days: 30,
	      hours: 30 * 24,
	      minutes: 30 * 24 * 60,
	      seconds: 30 * 24 * 60 * 60,
	      milliseconds: 30 * 24 * 60 * 60 * 1000
	    },
	    ...lowOrderMatrix
	  },
	  daysInYearAccurate = 146097.0 / 400,
	  daysInMonthAccurate = 146097.0 / 4800,
	  accurateMatrix = {
	    years: {
	      quarters: 4,
	      months: 12,
	      weeks: daysInYearAccurate / 7,
	      days: daysInYearAccurate,
	      hours: daysInYearAccurate * 24,
	      minutes: daysInYearAccurate * 24 * 60,
	      seconds: daysInYearAccurate * 24 * 60 * 60,
	      milliseconds: daysInYearAccurate * 24 * 60 * 60 * 1000
	    },
	    quarters: {
	      months: 3,
	      weeks: daysInYearAccurate / 28,
	      days: daysInYearAccurate / 4,
	      hours: daysInYearAccurate * 24 / 4,
	      minutes: daysInYearAccurate * 24 * 60 / 4,
	      seconds: daysInYearAccurate * 24 * 60 * 60 / 4,
	      milliseconds: daysInYearAccurate * 24 * 60 * 60 * 1000 / 4
	    },
	    months: {
	      weeks: daysInMonthAccurate / 7,
	      days: daysInMonthAccurate,
	      hours: daysInMonthAccurate * 24,
	      minutes: daysInMonthAccurate * 24 * 60,
	      seconds: daysInMonthAccurate * 24 * 60 * 60,
	      milliseconds: daysInMonthAccurate * 24 * 60 * 60 * 1000
	    },
	    ...lowOrderMatrix
	  };

	// units ordered by size
	const orderedUnits$1 = ["years", "quarters", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds"];
	const reverseUnits = orderedUnits$1.slice(0).reverse();

	// clone really means "create another instance just like this one, but with these changes"
	function clone$1(dur, alts, clear = false) {
	  // deep merge for vals
	  const conf = {
	    values: clear ? alts.values : {
	      ...dur.values,
	      ...(alts.values || {})
	    },
	    loc: dur.loc.clone(alts.loc),
	    conversionAccuracy: alts.conversionAccuracy || dur.conversionAccuracy,
	    matrix: alts.matrix || dur.matrix
	  };
	  return new Duration(conf);
	}
	function durationToMillis(matrix, vals) {
	  var _vals$milliseconds;
	  let sum = (_vals$milliseconds = vals.milliseconds) != null ? _vals$milliseconds : 0;
	  for (const unit of reverseUnits.slice(1)) {
	    if (vals[unit]) {
	      sum += vals[unit] * matrix[unit]["milliseconds"];
	    }
	  }
	  return sum;
	}

	// NB: mutates parameters
	function normalizeValues(matrix, vals) {
	  // the logic below assumes the overall value of the duration is positive
	  // if this is not the case, factor is used to make it so
	  const factor = durationToMillis(matrix, vals) < 0 ? -1 : 1;
	  orderedUnits$1.reduceRight((previous, current) => {
	    if (!isUndefined(vals[current])) {
	      if (previous) {
	        const previousVal = vals[previous] * factor;
	        const conv = matrix[current][previous];

	        // if (previousVal < 0):
	        // lower order unit is negative (e.g. { years: 2, days: -2 })
	        // normalize this by reducing the higher order unit by the appropriate amount
	        // and increasing the lower order unit
	        // this can never make the higher order unit negative, because this function only operates
	        // on positive durations, so the amount of time represented by the lower order unit cannot
	        // be larger than the higher order unit
	        // else:
	        // lower order unit is positive (e.g. { years: 2, days: 450 } or { years: -2, days: 450 })
	        // in this case we attempt to convert as much as possible from the lower order unit into
	        // the higher order one
	        //
	        // Math.floor takes care of both of these cases, rounding away from 0
	        // if previousVal < 0 it makes the absolute value larger
	        // if previousVal >= it makes the absolute value smaller
	        const rollUp = Math.floor(previousVal / conv);
	        vals[current] += rollUp * factor;
	        vals[previous] -= rollUp * conv * factor;
	      }
	      return current;
	    } else {
	      return previous;
	    }
	  }, null);

	  // try to convert any decimals into smaller units if possible
	  // for example for { years: 2.5, days: 0, seconds: 0 } we want to get { years: 2, days: 182, hours: 12 }
	  orderedUnits$1.reduce((previous, current) => {
	    if (!isUndefined(vals[current])) {
	      if (previous) {
	        const fraction = vals[previous] % 1;
	        vals[previous] -= fraction;
	        vals[current] += fraction * matrix[previous][current];
	      }
	      return current;
	    } else {
	      return previous;
	    }
	  }, null);
	}

	// Remove all properties with a value of 0 from an object
	function removeZeroes(vals) {
	  const newVals = {};
	  for (const [key, value] of Object.entries(vals)) {
	    if (value !== 0) {
	      newVals[key] = value;
	    }
	  }
	  return newVals;
	}

	/**
	 * A Duration object represents a period of time, like "2 months" or "1 day, 1 hour". Conceptually, it's just a map of units to their quantities, accompanied by some additional configuration and methods for creating, parsing, interrogating, transforming, and formatting them. They can be used on their own or in conjunction with other Luxon types; for example, you can use {@link DateTime#plus} to add a Duration object to a DateTime, producing another DateTime.
	 *
	 * Here is a brief overview of commonly used methods and getters in Duration:
	 *
	 * * **Creation** To create a Duration, use {@link Duration.fromMillis}, {@link Duration.fromObject}, or {@link Duration.fromISO}.
	 * * **Unit values** See the {@link Duration#years}, {@link Duration#months}, {@link Duration#weeks}, {@link Duration#days}, {@link Duration#hours}, {@link Duration#minutes}, {@link Duration#seconds}, {@link Duration#milliseconds} accessors.
	 * * **Configuration** See  {@link Duration#locale} and {@link Duration#numberingSystem} accessors.
	 * * **Transformation** To create new Durations out of old ones use {@link Duration#plus}, {@link Duration#minus}, {@link Duration#normalize}, {@link Duration#set}, {@link Duration#reconfigure}, {@link Duration#shiftTo}, and {@link Duration#negate}.
	 * * **Output** To convert the Duration into other representations, see {@link Duration#as}, {@link Duration#toISO}, {@link Duration#toFormat}, and {@link Duration#toJSON}
	 *
	 * There's are more methods documented below. In addition, for more information on subtler topics like internationalization and validity, see the external documentation.
	 */
	class Duration {
	  /**
	   * @private
	   */
	  constructor(config) {
	    const accurate = config.conversionAccuracy === "longterm" || false;
	    let matrix = accurate ? accurateMatrix : casualMatrix;
	    if (config.matrix) {
	      matrix = config.matrix;
	    }

	    /**
	     * @access private
	     */
	    this.values = config.values;
	    /**
	     * @access private
	     */
	    this.loc = config.loc || Locale.create();
	    /**
	     * @access private
	     */
	    this.conversionAccuracy = accurate ? "longterm" : "casual";
	    /**
	     * @access private
	     */
	    this.invalid = config.invalid || null;
	    /**
	     * @access private
	     */
	    this.matrix = matrix;
	    /**
	     * @access private
	     */
	    this.isLuxonDuration = true;
	  }

	  /**
	   * Create Duration from a number of milliseconds.
	   * @param {number} count of milliseconds
	   * @param {Object} opts - options for parsing
	   * @param {string} [opts.locale='en-US'] - the locale to use
	   * @param {string} opts.numberingSystem - the numbering system to use
	   * @param {string} [opts.conversionAccuracy='casual'] - the conversion system to use
	   * @return {Duration}
	   */
	  static fromMillis(count, opts) {
	    return Duration.fromObject({
	      milliseconds: count
	    }, opts);
	  }

	  /**
	   * Create a Duration from a JavaScript object with keys like 'years' and 'hours'.
	   * If this object is empty then a zero milliseconds duration is returned.
	   * @param {Object} obj - the object to create the DateTime from
	   * @param {number} obj.years
	   * @param {number} obj.quarters
	   * @param {number} obj.months
	   * @param {number} obj.weeks
	   * @param {number} obj.days
	   * @param {number} obj.hours
	   * @param {number} obj.minutes
	   * @param {number} obj.seconds
	   * @param {number} obj.milliseconds
	   * @param {Object} [opts=[]] - options for creating this Duration
	   * @param {string} [opts.locale='en-US'] - the locale to use
	   * @param {string} opts.numberingSystem - the numbering system to use
	   * @param {string} [opts.conversionAccuracy='casual'] - the preset conversion system to use
	   * @param {string} [opts.matrix=Object] - the custom conversion system to use
	   * @return {Duration}
	   */
	  static fromObject(obj, opts = {}) {
	    if (obj == null || typeof obj !== "object") {
	      throw new InvalidArgumentError(`Duration.fromObject: argument expected to be an object, got ${obj === null ? "null" : typeof obj}`);
	    }
	    return new Duration({
	      values: normalizeObject(obj, Duration.normalizeUnit),
	      loc: Locale.fromObject(opts),
	      conversionAccuracy: opts.conversionAccuracy,
	      matrix: opts.matrix
	    });
	  }

	  /**
	   * Create a Duration from DurationLike.
	   *
	   * @param {Object | number | Duration} durationLike
	   * One of:
	   * - object with keys like 'years' and 'hours'.
	   * - number representing milliseconds
	   * - Duration instance
	   * @return {Duration}
	   */
	  static fromDurationLike(durationLike) {
	    if (isNumber(durationLike)) {
	      return Duration.fromMillis(durationLike);
	    } else if (Duration.isDuration(durationLike)) {
	      return durationLike;
	    } else if (typeof durationLike === "object") {
	      return Duration.fromObject(durationLike);
	    } else {
	      throw new InvalidArgumentError(`Unknown duration argument ${durationLike} of type ${typeof durationLike}`);
	    }
	  }

	  /**
	   * Create a Duration from an ISO 8601 duration string.
	   * @param {string} text - text to parse
	   * @param {Object} opts - options for parsing
	   * @param {string} [opts.locale='en-US'] - the locale to use
	   * @param {string} opts.numberingSystem - the numbering system to use
	   * @param {string} [opts.conversionAccuracy='casual'] - the preset conversion system to use
	   * @param {string} [opts.matrix=Object] - the preset conversion system to use
	   * @see https://en.wikipedia.org/wiki/ISO_8601#Durations
	   * @example Duration.fromISO('P3Y6M1W4DT12H30M5S').toObject() //=> { years: 3, months: 6, weeks: 1, days: 4, hours: 12, minutes: 30, seconds: 5 }
	   * @example Duration.fromISO('PT23H').toObject() //=> { hours: 23 }
	   * @example Duration.fromISO('P5Y3M').toObject() //=> { years: 5, months: 3 }
	   * @return {Duration}
	   */
	  static fromISO(text, opts) {
	    const [parsed] = parseISODuration(text);
	    if (parsed) {
	      return Duration.fromObject(parsed, opts);
	    } else {
	      return Duration.invalid("unparsable", `the input "${text}" can't be parsed as ISO 8601`);
	    }
	  }

	  /**
	   * Create a Duration from an ISO 8601 time string.
	   * @param {string} text - text to parse
	   * @param {Object} opts - options for parsing
	   * @param {string} [opts.locale='en-US'] - the locale to use
	   * @param {string} opts.numberingSystem - the numbering system to use
	   * @param {string} [opts.conversionAccuracy='casual'] - the preset conversion system to use
	   * @param {string} [opts.matrix=Object] - the conversion system to use
	   * @see https://en.wikipedia.org/wiki/ISO_8601#Times
	   * @example Duration.fromISOTime('11:22:33.444').toObject() //=> { hours: 11, minutes: 22, seconds: 33, milliseconds: 444 }
	   * @example Duration.fromISOTime('11:00').toObject() //=> { hours: 11, minutes: 0, seconds: 0 }
	   * @example Duration.fromISOTime('T11:00').toObject() //=> { hours: 11, minutes: 0, seconds: 0 }
	   * @example Duration.fromISOTime('1100').toObject() //=> { hours: 11, minutes: 0, seconds: 0 }
	   * @example Duration.fromISOTime('T1100').toObject() //=> { hours: 11, minutes: 0, seconds: 0 }
	   * @return {Duration}
	   */
	  static fromISOTime(text, opts) {
	    const [parsed] = parseISOTimeOnly(text);
	    if (parsed) {
	      return Duration.fromObject(parsed, opts);
	    } else {
	      return Duration.invalid("unparsable", `the input "${text}" can't be parsed as ISO 8601`);
	    }
	  }

	  /**
	   * Create an invalid Duration.
	   * @param {string} reason - simple string of why this datetime is invalid. Should not contain parameters or anything else data-dependent
	   * @param {string} [explanation=null] - longer explanation, may include parameters and other useful debugging information
	   * @return {Duration}
	   */
	  static invalid(reason, explanation = null) {
	    if (!reason) {
	      throw new InvalidArgumentError("need to specify a reason the Duration is invalid");
	    }
	    const invalid = reason instanceof Invalid ? reason : new Invalid(reason, explanation);
	    if (Settings.throwOnInvalid) {
	      throw new InvalidDurationError(invalid);
	    } else {
	      return new Duration({
	        invalid
	      });
	    }
	  }

	  /**
	   * @private
	   */
	  static normalizeUnit(unit) {
	    const normalized = {
	      year: "years",
	      years: "years",
	      quarter: "quarters",
	      quarters: "quarters",
	      month: "months",
	      months: "months",
	      week: "weeks",
	      weeks: "weeks",
	      day: "days",
	      days: "days",
	      hour: "hours",
	      hours: "hours",
	      minute: "minutes",
	      minutes: "minutes",
	      second: "seconds",
	      seconds: "seconds",
	      millisecond: "milliseconds",
	      milliseconds: "milliseconds"
	    }[unit ? unit.toLowerCase() : unit];
	    if (!normalized) throw new InvalidUnitError(unit);
	    return normalized;
	  }

	  /**
	   * Check if an object is a Duration. Works across context boundaries
	   * @param {object} o
	   * @return {boolean}
	   */
	  static isDuration(o) {
	    return o && o.isLuxonDuration || false;
	  }

	  /**
	   * Get  the locale of a Duration, such 'en-GB'
	   * @type {string}
	   */
	  get locale() {
	    return this.isValid ? this.loc.locale : null;
	  }

	  /**
	   * Get the numbering system of a Duration, such 'beng'. The numbering system is used when formatting the Duration
	   *
	   * @type {string}
	   */
	  get numberingSystem() {
	    return this.isValid ? this.loc.numberingSystem : null;
	  }

	  /**
	   * Returns a string representation of this Duration formatted according to the specified format string. You may use these tokens:
	   * * `S` for milliseconds
	   * * `s` for seconds
	   * * `m` for minutes
	   * * `h` for hours
	   * * `d` for days
	   * * `w` for weeks
	   * * `M` for months
	   * * `y` for years
	   * Notes:
	   * * Add padding by repeating the token, e.g. "yy" pads the years to two digits, "hhhh" pads the hours out to four digits
	   * * Tokens can be escaped by wrapping with single quotes.
	   * * The duration will be converted to the set of units in the format string using {@link Duration#shiftTo} and the Durations's conversion accuracy setting.
	   * @param {string} fmt - the format string
	   * @param {Object} opts - options
	   * @param {boolean} [opts.floor=true] - floor numerical values
	   * @param {'negative'|'all'|'negativeLargestOnly'} [opts.signMode=negative] - How to handle signs
	   * @example Duration.fromObject({ years: 1, days: 6, seconds: 2 }).toFormat("y d s") //=> "1 6 2"
	   * @example Duration.fromObject({ years: 1, days: 6, seconds: 2 }).toFormat("yy dd sss") //=> "01 06 002"
	   * @example Duration.fromObject({ years: 1, days: 6, seconds: 2 }).toFormat("M S") //=> "12 518402000"
	   * @example Duration.fromObject({ days: 6, seconds: 2 }).toFormat("d s", { signMode: "all" }) //=> "+6 +2"
	   * @example Duration.fromObject({ days: -6, seconds: -2 }).toFormat("d s", { signMode: "all" }) //=> "-6 -2"
	   * @example Duration.fromObject({ days: -6, seconds: -2 }).toFormat("d s", { signMode: "negativeLargestOnly" }) //=> "-6 2"
	   * @return {string}
	   */
	  toFormat(fmt, opts = {}) {
	    // reverse-compat since 1.2; we always round down now, never up, and we do it by default
	    const fmtOpts = {
	      ...opts,
	      floor: opts.round !== false && opts.floor !== false
	    };
	    return this.isValid ? Formatter.create(this.loc, fmtOpts).formatDurationFromString(this, fmt) : INVALID$2;
	  }

	  /**
	   * Returns a string representation of a Duration with all units included.
	   * To modify its behavior, use `listStyle` and any Intl.NumberFormat option, though `unitDisplay` is especially relevant.
	   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/NumberFormat/NumberFormat#options
	   * @param {Object} opts - Formatting options. Accepts the same keys as the options parameter of the native `Intl.NumberFormat` constructor, as well as `listStyle`.
	   * @param {string} [opts.listStyle='narrow'] - How to format the merged list. Corresponds to the `style` property of the options parameter of the native `Intl.ListFormat` constructor.
	   * @param {boolean} [opts.showZeros=true] - Show all units previously used by the duration even if they are zero
	   * @example
	   * ```js
	   * var dur = Duration.fromObject({ months: 1, weeks: 0, hours: 5, minutes: 6 })
	   * dur.toHuman() //=> '1 month, 0 weeks, 5 hours, 6 minutes'
	   * dur.toHuman({ listStyle: "long" }) //=> '1 month, 0 weeks, 5 hours, and 6 minutes'
	   * dur.toHuman({ unitDisplay: "short" }) //=> '1 mth, 0 wks, 5 hr, 6 min'
	   * dur.toHuman({ showZeros: false }) //=> '1 month, 5 hours, 6 minutes'
	   * ```
	   */
	  toHuman(opts = {}) {
	    if (!this.isValid) return INVALID$2;
	    const showZeros = opts.showZeros !== false;
	    const l = orderedUnits$1.map(unit => {
	      const val = this.values[unit];
	      if (isUndefined(val) || val === 0 && !showZeros) {
	        return null;
	      }
	      return this.loc.numberFormatter({
	        style: "unit",
	        unitDisplay: "long",
	        ...opts,
	        unit: unit.slice(0, -1)
	      }).format(val);
	    }).filter(n => n);
	    return this.loc.listFormatter({
	      type: "conjunction",
	      style: opts.listStyle || "narrow",
	      ...opts
	    }).format(l);
	  }

	  /**
	   * Returns a JavaScript object with this Duration's values.
	   * @example Duration.fromObject({ years: 1, days: 6, seconds: 2 }).toObject() //=> { years: 1, days: 6, seconds: 2 }
	   * @return {Object}
	   */
	  toObject() {
	    if (!this.isValid) return {};
	    return {
	      ...this.values
	    };
	  }

	  /**
	   * Returns an ISO 8601-compliant string representation of this Duration.
	   * @see https://en.wikipedia.org/wiki/ISO_8601#Durations
	   * @example Duration.fromObject({ years: 3, seconds: 45 }).toISO() //=> 'P3YT45S'
	   * @example Duration.fromObject({ months: 4, seconds: 45 }).toISO() //=> 'P4MT45S'
	   * @example Duration.fromObject({ months: 5 }).toISO() //=> 'P5M'
	   * @example Duration.fromObject({ minutes: 5 }).toISO() //=> 'PT5M'
	   * @example Duration.fromObject({ milliseconds: 6 }).toISO() //=> 'PT0.006S'
	   * @return {string}
	   */
	  toISO() {
	    // we could use the formatter, but this is an easier way to get the minimum string
	    if (!this.isValid) return null;
	    let s = "P";
	    if (this.years !== 0) s += this.years + "Y";
	    if (this.months !== 0 || this.quarters !== 0) s += this.months + this.quarters * 3 + "M";
	    if (this.weeks !== 0) s += this.weeks + "W";
	    if (this.days !== 0) s += this.days + "D";
	    if (this.hours !== 0 || this.minutes !== 0 || this.seconds !== 0 || this.milliseconds !== 0) s += "T";
	    if (this.hours !== 0) s += this.hours + "H";
	    if (this.minutes !== 0) s += this.minutes + "M";
	    if (this.seconds !== 0 || this.milliseconds !== 0)
	      // this will handle "floating point madness" by removing extra decimal places
	      // https://stackoverflow.com/questions/588004/is-floating-point-math-broken
	      s += roundTo(this.seconds + this.milliseconds / 1000, 3) + "S";
	    if (s === "P") s += "T0S";
	    return s;
	  }

	  /**
	   * Returns an ISO 8601-compliant string representation of this Duration, formatted as a time of day.
	   * Note that this will return null if the duration is invalid, negative, or equal to or greater than 24 hours.
	   * @see https://en.wikipedia.org/wiki/ISO_8601#Times
	   * @param {Object} opts - options
	   * @param {boolean} [opts.suppressMilliseconds=false] - exclude milliseconds from the format if they're 0
	   * @param {boolean} [opts.suppressSeconds=false] - exclude seconds from the format if they're 0
	   * @param {boolean} [opts.includePrefix=false] - include the `T` prefix
	   * @param {string} [opts.format='extended'] - choose between the basic and extended format
	   * @example Duration.fromObject({ hours: 11 }).toISOTime() //=> '11:00:00.000'
	   * @example Duration.fromObject({ hours: 11 }).toISOTime({ suppressMilliseconds: true }) //=> '11:00:00'
	   * @example Duration.fromObject({ hours: 11 }).toISOTime({ suppressSeconds: true }) //=> '11:00'
	   * @example Duration.fromObject({ hours: 11 }).toISOTime({ includePrefix: true }) //=> 'T11:00:00.000'
	   * @example Duration.fromObject({ hours: 11 }).toISOTime({ format: 'basic' }) //=> '110000.000'
	   * @return {string}
	   */
	  toISOTime(opts = {}) {
	    if (!this.isValid) return null;
	    const millis = this.toMillis();
	    if (millis < 0 || millis >= 86400000) return null;
	    opts = {
	      suppressMilliseconds: false,
	      suppressSeconds: false,
	      includePrefix: false,
	      format: "extended",
	      ...opts,
	      includeOffset: false
	    };
	    const dateTime = DateTime.fromMillis(millis, {
	      zone: "UTC"
	    });
	    return dateTime.toISOTime(opts);
	  }

	  /**
	   * Returns an ISO 8601 representation of this Duration appropriate for use in JSON.
	   * @return {string}
	   */
	  toJSON() {
	    return this.toISO();
	  }

	  /**
	   * Returns an ISO 8601 representation of this Duration appropriate for use in debugging.
	   * @return {string}
	   */
	  toString() {
	    return this.toISO();
	  }

	  /**
	   * Returns a string representation of this Duration appropriate for the REPL.
	   * @return {string}
	   */
	  [Symbol.for("nodejs.util.inspect.custom")]() {
	    if (this.isValid) {
	      return `Duration { values: ${JSON.stringify(this.values)} }`;
	    } else {
	      return `Duration { Invalid, reason: ${this.invalidReason} }`;
	    }
	  }

	  /**
	   * Returns an milliseconds value of this Duration.
	   * @return {number}
	   */
	  toMillis() {
	    if (!this.isValid) return NaN;
	    return durationToMillis(this.matrix, this.values);
	  }

	  /**
	   * Returns an milliseconds value of this Duration. Alias of {@link toMillis}
	   * @return {number}
	   */
	  valueOf() {
	    return this.toMillis();
	  }

	  /**
	   * Make this Duration longer by the specified amount. Return a newly-constructed Duration.
	   * @param {Duration|Object|number} duration - The amount to add. Either a Luxon Duration, a number of milliseconds, the object argument to Duration.fromObject()
	   * @return {Duration}
	   */
	  plus(duration) {
	    if (!this.isValid) return this;
	    const dur = Duration.fromDurationLike(duration),
	      result = {};
	    for (const k of orderedUnits$1) {
	      if (hasOwnProperty(dur.values, k) || hasOwnProperty(this.values, k)) {
	        result[k] = dur.get(k) + this.get(k);
	      }
	    }
	    return clone$1(this, {
	      values: result
	    }, true);
	  }

	  /**
	   * Make this Duration shorter by the specified amount. Return a newly-constructed Duration.
	   * @param {Duration|Object|number} duration - The amount to subtract. Either a Luxon Duration, a number of milliseconds, the object argument to Duration.fromObject()
	   * @return {Duration}
	   */
	  minus(duration) {
	    if (!this.isValid) return this;
	    const dur = Duration.fromDurationLike(duration);
	    return this.plus(dur.negate());
	  }

	  /**
	   * Scale this Duration by the specified amount. Return a newly-constructed Duration.
	   * @param {function} fn - The function to apply to each unit. Arity is 1 or 2: the value of the unit and, optionally, the unit name. Must return a number.
	   * @example Duration.fromObject({ hours: 1, minutes: 30 }).mapUnits(x => x * 2) //=> { hours: 2, minutes: 60 }
	   * @example Duration.fromObject({ hours: 1, minutes: 30 }).mapUnits((x, u) => u === "hours" ? x * 2 : x) //=> { hours: 2, minutes: 30 }
	   * @return {Duration}
	   */
	  mapUnits(fn) {
	    if (!this.isValid) return this;
	    const result = {};
	    for (const k of Object.keys(this.values)) {
	      result[k] = asNumber(fn(this.values[k], k));
	    }
	    return clone$1(this, {
	      values: result
	    }, true);
	  }

	  /**
	   * Get the value of unit.
	   * @param {string} unit - a unit such as 'minute' or 'day'
	   * @example Duration.fromObject({years: 2, days: 3}).get('years') //=> 2
	   * @example Duration.fromObject({years: 2, days: 3}).get('months') //=> 0
	   * @example Duration.fromObject({years: 2, days: 3}).get('days') //=> 3
	   * @return {number}
	   */
	  get(unit) {
	    return this[Duration.normalizeUnit(unit)];
	  }

	  /**
	   * "Set" the values of specified units. Return a newly-constructed Duration.
	   * @param {Object} values - a mapping of units to numbers
	   * @example dur.set({ years: 2017 })
	   * @example dur.set({ hours: 8, minutes: 30 })
	   * @return {Duration}
	   */
	  set(values) {
	    if (!this.isValid) return this;
	    const mixed = {
	      ...this.values,
	      ...normalizeObject(values, Duration.normalizeUnit)
	    };
	    return clone$1(this, {
	      values: mixed
	    });
	  }

	  /**
	   * "Set" the locale and/or numberingSystem.  Returns a newly-constructed Duration.
	   * @example dur.reconfigure({ locale: 'en-GB' })
	   * @return {Duration}
	   */
	  reconfigure({
	    locale,
	    numberingSystem,
	    conversionAccuracy,
	    matrix
	  } = {}) {
	    const loc = this.loc.clone({
	      locale,
	      numberingSystem
	    });
	    const opts = {
	      loc,
	      matrix,
	      conversionAccuracy
	    };
	    return clone$1(this, opts);
	  }

	  /**
	   * Return the length of the duration in the specified unit.
	   * @param {string} unit - a unit such as 'minutes' or 'days'
	   * @example Duration.fromObject({years: 1}).as('days') //=> 365
	   * @example Duration.fromObject({years: 1}).as('months') //=> 12
	   * @example Duration.fromObject({hours: 60}).as('days') //=> 2.5
	   * @return {number}
	   */
	  as(unit) {
	    return this.isValid ? this.shiftTo(unit).get(unit) : NaN;
	  }

	  /**
	   * Reduce this Duration to its canonical representation in its current units.
	   * Assuming the overall value of the Duration is positive, this means:
	   * - excessive values for lower-order units are converted to higher-order units (if possible, see first and second example)
	   * - negative lower-order units are converted to higher order units (there must be such a higher order unit, otherwise
	   *   the overall value would be negative, see third example)
	   * - fractional values for higher-order units are converted to lower-order units (if possible, see fourth example)
	   *
	   * If the overall value is negative, the result of this method is equivalent to `this.negate().normalize().negate()`.
	   * @example Duration.fromObject({ years: 2, days: 5000 }).normalize().toObject() //=> { years: 15, days: 255 }
	   * @example Duration.fromObject({ days: 5000 }).normalize().toObject() //=> { days: 5000 }
	   * @example Duration.fromObject({ hours: 12, minutes: -45 }).normalize().toObject() //=> { hours: 11, minutes: 15 }
	   * @example Duration.fromObject({ years: 2.5, days: 0, hours: 0 }).normalize().toObject() //=> { years: 2, days: 182, hours: 12 }
	   * @return {Duration}
	   */
	  normalize() {
	    if (!this.isValid) return this;
	    const vals = this.toObject();
	    normalizeValues(this.matrix, vals);
	    return clone$1(this, {
	      values: vals
	    }, true);
	  }

	  /**
	   * Rescale units to its largest representation
	   * @example Duration.fromObject({ milliseconds: 90000 }).rescale().toObject() //=> { minutes: 1, seconds: 30 }
	   * @return {Duration}
	   */
	  rescale() {
	    if (!this.isValid) return this;
	    const vals = removeZeroes(this.normalize().shiftToAll().toObject());
	    return clone$1(this, {
	      values: vals
	    }, true);
	  }

	  /**
	   * Convert this Duration into its representation in a different set of units.
	   * @example Duration.fromObject({ hours: 1, seconds: 30 }).shiftTo('minutes', 'milliseconds').toObject() //=> { minutes: 60, milliseconds: 30000 }
	   * @return {Duration}
	   */
	  shiftTo(...units) {
	    if (!this.isValid) return this;
	    if (units.length === 0) {
	      return this;
	    }
	    units = units.map(u => Duration.normalizeUnit(u));
	    const built = {},
	      accumulated = {},
	      vals = this.toObject();
	    let lastUnit;
	    for (const k of orderedUnits$1) {
	      if (units.indexOf(k) >= 0) {
	        lastUnit = k;
	        let own = 0;

	        // anything we haven't boiled down yet should get boiled to this unit
	        for (const ak in accumulated) {
	          own += this.matrix[ak][k] * accumulated[ak];
	          accumulated[ak] = 0;
	        }

	        // plus anything that's already in this unit
	        if (isNumber(vals[k])) {
	          own += vals[k];
	        }

	        // only keep the integer part for now in the hopes of putting any decimal part
	        // into a smaller unit later
	        const i = Math.trunc(own);
	        built[k] = i;
	        accumulated[k] = (own * 1000 - i * 1000) / 1000;

	        // otherwise, keep it in the wings to boil it later
	      } else if (isNumber(vals[k])) {
	        accumulated[k] = vals[k];
	      }
	    }

	    // anything leftover becomes the decimal for the last unit
	    // lastUnit must be defined since units is not empty
	    for (const key in accumulated) {
	      if (accumulated[key] !== 0) {
	        built[lastUnit] += key === lastUnit ? accumulated[key] : accumulated[key] / this.matrix[lastUnit][key];
	      }
	    }
	    normalizeValues(this.matrix, built);
	    return clone$1(this, {
	      values: built
	    }, true);
	  }

	  /**
	   * Shift this Duration to all available units.
	   * Same as shiftTo("years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds")
	   * @return {Duration}
	   */
	  shiftToAll() {
	    if (!this.isValid) return this;
	    return this.shiftTo("years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds");
	  }

	  /**
	   * Return the negative of this Duration.
	   * @example Duration.fromObject({ hours: 1, seconds: 30 }).negate().toObject() //=> { hours: -1, seconds: -30 }
	   * @return {Duration}
	   */
	  negate() {
	    if (!this.isValid) return this;
	    const negated = {};
	    for (const k of Object.keys(this.values)) {
	      negated[k] = this.values[k] === 0 ? 0 : -this.values[k];
	    }
	    return clone$1(this, {
	      values: negated
	    }, true);
	  }

	  /**
	   * Removes all units with values equal to 0 from this Duration.
	   * @example Duration.fromObject({ years: 2, days: 0, hours: 0, minutes: 0 }).removeZeros().toObject() //=> { years: 2 }
	   * @return {Duration}
	   */
	  removeZeros() {
	    if (!this.isValid) return this;
	    const vals = removeZeroes(this.values);
	    return clone$1(this, {
	      values: vals
	    }, true);
	  }

	  /**
	   * Get the years.
	   * @type {number}
	   */
	  get years() {
	    return this.isValid ? this.values.years || 0 : NaN;
	  }

	  /**
	   * Get the quarters.
	   * @type {number}
	   */
	  get quarters() {
	    return this.isValid ? this.values.quarters || 0 : NaN;
	  }

	  /**
	   * Get the months.
	   * @type {number}
	   */
	  get months() {
	    return this.isValid ? this.values.months || 0 : NaN;
	  }

	  /**
	   * Get the weeks
	   * @type {number}
	   */
	  get weeks() {
	    return this.isValid ? this.values.weeks || 0 : NaN;
	  }

	  /**
	   * Get the days.
	   * @type {number}
	   */
	  get days() {
	    return this.isValid ? this.values.days || 0 : NaN;
	  }

	  /**
	   * Get the hours.
	   * @type {number}
	   */
	  get hours() {
	    return this.isValid ? this.values.hours || 0 : NaN;
	  }

	  /**
	   * Get the minutes.
	   * @type {number}
	   */
	  get minutes() {
	    return this.isValid ? this.values.minutes || 0 : NaN;
	  }

	  /**
	   * Get the seconds.
	   * @return {number}
	   */
	  get seconds() {
	    return this.isValid ? this.values.seconds || 0 : NaN;
	  }

	  /**
	   * Get the milliseconds.
	   * @return {number}
	   */
	  get milliseconds() {
	    return this.isValid ? this.values.milliseconds || 0 : NaN;
	  }

	  /**
	   * Returns whether the Duration is invalid. Invalid durations are returned by diff operations
	   * on invalid DateTimes or Intervals.
	   * @return {boolean}
	   */
	  get isValid() {
	    return this.invalid === null;
	  }

	  /**
	   * Returns an error code if this Duration became invalid, or null if the Duration is valid
	   * @return {string}
	   */
	  get invalidReason() {
	    return this.invalid ? this.invalid.reason : null;
	  }

	  /**
	   * Returns an explanation of why this Duration became invalid, or null if the Duration is valid
	   * @type {string}
	   */
	  get invalidExplanation() {
	    return this.invalid ? this.invalid.explanation : null;
	  }

	  /**
	   * Equality check
	   * Two Durations are equal iff they have the same units and the same values for each unit.
	   * @param {Duration} other
	   * @return {boolean}
	   */
	  equals(other) {
	    if (!this.isValid || !other.isValid) {
	      return false;
	    }
	    if (!this.loc.equals(other.loc)) {
	      return false;
	    }
	    function eq(v1, v2) {
	      // Consider 0 and undefined as equal
	      if (v1 === undefined || v1 === 0) return v2 === undefined || v2 === 0;
	      return v1 === v2;
	    }
	    for (const u of orderedUnits$1) {
	      if (!eq(this.values[u], other.values[u])) {
	        return false;
	      }
	    }
	    return true;
	  }
	}

	const INVALID$1 = "Invalid Interval";

	// checks if the start is equal to or before the end
	function validateStartEnd(start, end) {
	  if (!start || !start.isValid) {
	    return Interval.invalid("missing or invalid start");
	  } else if (!end || !end.isValid) {
	    return Interval.invalid("missing or invalid end");
	  } else if (end < start) {
	    return Interval.invalid("end before start", `The end of an interval must be after its start, but you had start=${start.toISO()} and end=${end.toISO()}`);
	  } else {
	    return null;
	  }
	}

	/**
	 * An Interval object represents a half-open interval of time, where each endpoint is a {@link DateTime}. Conceptually, it's a container for those two endpoints, accompanied by methods for creating, parsing, interrogating, comparing, transforming, and formatting them.
	 *
	 * Here is a brief overview of the most commonly used methods and getters in Interval:
	 *
	 * * **Creation** To create an Interval, use {@link Interval.fromDateTimes}, {@link Interval.after}, {@link Interval.before}, or {@link Interval.fromISO}.
	 * * **Accessors** Use {@link Interval#start} and {@link Interval#end} to get the start and end.
	 * * **Interrogation** To analyze the Interval, use {@link Interval#count}, {@link Interval#length}, {@link Interval#hasSame}, {@link Interval#contains}, {@link Interval#isAfter}, or {@link Interval#isBefore}.
	 * * **Transformation** To create other Intervals out of this one, use {@link Interval#set}, {@link Interval#splitAt}, {@link Interval#splitBy}, {@link Interval#divideEqually}, {@link Interval.merge}, {@link Interval.xor}, {@link Interval#union}, {@link Interval#intersection}, or {@link Interval#difference}.
	 * * **Comparison** To compare this Interval to another one, use {@link Interval#equals}, {@link Interval#overlaps}, {@link Interval#abutsStart}, {@link Interval#abutsEnd}, {@link Interval#engulfs}
	 * * **Output** To convert the Interval into other representations, see {@link Interval#toString}, {@link Interval#toLocaleString}, {@link Interval#toISO}, {@link Interval#toISODate}, {@link Interval#toISOTime}, {@link Interval#toFormat}, and {@link Interval#toDuration}.
	 */
	class Interval {
	  /**
	   * @private
	   */
	  constructor(config) {
	    /**
	     * @access private
	     */
	    this.s = config.start;
	    /**
	     * @access private
	     */
	    this.e = config.end;
	    /**
	     * @access private
	     */
	    this.invalid = config.invalid || null;
	    /**
	     * @access private
	     */
	    this.isLuxonInterval = true;
	  }

	  /**
	   * Create an invalid Interval.
	   * @param {string} reason - simple string of why this Interval is invalid. Should not contain parameters or anything else data-dependent
	   * @param {string} [explanation=null] - longer explanation, may include parameters and other useful debugging information
	   * @return {Interval}
	   */
	  static invalid(reason, explanation = null) {
	    if (!reason) {
	      throw new InvalidArgumentError("need to specify a reason the Interval is invalid");
	    }
	    const invalid = reason instanceof Invalid ? reason : new Invalid(reason, explanation);
	    if (Settings.throwOnInvalid) {
	      throw new InvalidIntervalError(invalid);
	    } else {
	      return new Interval({
	        invalid
	      });
	    }
	  }

	  /**
	   * Create an Interval from a start DateTime and an end DateTime. Inclusive of the start but not the end.
	   * @param {DateTime|Date|Object} start
	   * @param {DateTime|Date|Object} end
	   * @return {Interval}
	   */
	  static fromDateTimes(start, end) {
	    const builtStart = friendlyDateTime(start),
	      builtEnd = friendlyDateTime(end);
	    const validateError = validateStartEnd(builtStart, builtEnd);
	    if (validateError == null) {
	      return new Interval({
	        start: builtStart,
	        end: builtEnd
	      });
	    } else {
	      return validateError;
	    }
	  }

	  /**
	   * Create an Interval from a start DateTime and a Duration to extend to.
	   * @param {DateTime|Date|Object} start
	   * @param {Duration|Object|number} duration - the length of the Interval.
	   * @return {Interval}
	   */
	  static after(start, duration) {
	    const dur = Duration.fromDurationLike(duration),
	      dt = friendlyDateTime(start);
	    return Interval.fromDateTimes(dt, dt.plus(dur));
	  }

	  /**
	   * Create an Interval from an end DateTime and a Duration to extend backwards to.
	   * @param {DateTime|Date|Object} end
	   * @param {Duration|Object|number} duration - the length of the Interval.
	   * @return {Interval}
	   */
	  static before(end, duration) {
	    const dur = Duration.fromDurationLike(duration),
	      dt = friendlyDateTime(end);
	    return Interval.fromDateTimes(dt.minus(dur), dt);
	  }

	  /**
	   * Create an Interval from an ISO 8601 string.
	   * Accepts `<start>/<end>`, `<start>/<duration>`, and `<duration>/<end>` formats.
	   * @param {string} text - the ISO string to parse
	   * @param {Object} [opts] - options to pass {@link DateTime#fromISO} and optionally {@link Duration#fromISO}
	   * @see https://en.wikipedia.org/wiki/ISO_8601#Time_intervals
	   * @return {Interval}
	   */
	  static fromISO(text, opts) {
	    const [s, e] = (text || "").split("/", 2);
	    if (s && e) {
	      let start, startIsValid;
	      try {
	        start = DateTime.fromISO(s, opts);
	        startIsValid = start.isValid;
	      } catch (e) {
	        startIsValid = false;
	      }
	      let end, endIsValid;
	      try {
	        end = DateTime.fromISO(e, opts);
	        endIsValid = end.isValid;
	      } catch (e) {
	        endIsValid = false;
	      }
	      if (startIsValid && endIsValid) {
	        return Interval.fromDateTimes(start, end);
	      }
	      if (startIsValid) {
	        const dur = Duration.fromISO(e, opts);
	        if (dur.isValid) {
	          return Interval.after(start, dur);
	        }
	      } else if (endIsValid) {
	        const dur = Duration.fromISO(s, opts);
	        if (dur.isValid) {
	          return Interval.before(end, dur);
	        }
	      }
	    }
	    return Interval.invalid("unparsable", `the input "${text}" can't be parsed as ISO 8601`);
	  }

	  /**
	   * Check if an object is an Interval. Works across context boundaries
	   * @param {object} o
	   * @return {boolean}
	   */
	  static isInterval(o) {
	    return o && o.isLuxonInterval || false;
	  }

	  /**
	   * Returns the start of the Interval
	   * @type {DateTime}
	   */
	  get start() {
	    return this.isValid ? this.s : null;
	  }

	  /**
	   * Returns the end of the Interval. This is the first instant which is not part of the interval
	   * (Interval is half-open).
	   * @type {DateTime}
	   */
	  get end() {
	    return this.isValid ? this.e : null;
	  }

	  /**
	   * Returns the last DateTime included in the interval (since end is not part of the interval)
	   * @type {DateTime}
	   */
	  get lastDateTime() {
	    return this.isValid ? this.e ? this.e.minus(1) : null : null;
	  }

	  /**
	   * Returns whether this Interval's end is at least its start, meaning that the Interval isn't 'backwards'.
	   * @type {boolean}
	   */
	  get isValid() {
	    return this.invalidReason === null;
	  }

	  /**
	   * Returns an error code if this Interval is invalid, or null if the Interval is valid
	   * @type {string}
	   */
	  get invalidReason() {
	    return this.invalid ? this.invalid.reason : null;
	  }

	  /**
	   * Returns an explanation of why this Interval became invalid, or null if the Interval is valid
	   * @type {string}
	   */
	  get invalidExplanation() {
	    return this.invalid ? this.invalid.explanation : null;
	  }

	  /**
	   * Returns the length of the Interval in the specified unit.
	   * @param {string} unit - the unit (such as 'hours' or 'days') to return the length in.
	   * @return {number}
	   */
	  length(unit = "milliseconds") {
	    return this.isValid ? this.toDuration(...[unit]).get(unit) : NaN;
	  }

	  /**
	   * Returns the count of minutes, hours, days, months, or years included in the Interval, even in part.
	   * Unlike {@link Interval#length} this counts sections of the calendar, not periods of time, e.g. specifying 'day'
	   * asks 'what dates are included in this interval?', not 'how many days long is this interval?'
	   * @param {string} [unit='milliseconds'] - the unit of time to count.
	   * @param {Object} opts - options
	   * @param {boolean} [opts.useLocaleWeeks=false] - If true, use weeks based on the locale, i.e. use the locale-dependent start of the week; this operation will always use the locale of the start DateTime
	   * @return {number}
	   */
	  count(unit = "milliseconds", opts) {
	    if (!this.isValid) return NaN;
	    const start = this.start.startOf(unit, opts);
	    let end;
	    if (opts != null && opts.useLocaleWeeks) {
	      end = this.end.reconfigure({
	        locale: start.locale
	      });
	    } else {
	      end = this.end;
	    }
	    end = end.startOf(unit, opts);
	    return Math.floor(end.diff(start, unit).get(unit)) + (end.valueOf() !== this.end.valueOf());
	  }

	  /**
	   * Returns whether this Interval's start and end are both in the same unit of time
	   * @param {string} unit - the unit of time to check sameness on
	   * @return {boolean}
	   */
	  hasSame(unit) {
	    return this.isValid ? this.isEmpty() || this.e.minus(1).hasSame(this.s, unit) : false;
	  }

	  /**
	   * Return whether this Interval has the same start and end DateTimes.
	   * @return {boolean}
	   */
	  isEmpty() {
	    return this.s.valueOf() === this.e.valueOf();
	  }

	  /**
	   * Return whether this Interval's start is after the specified DateTime.
	   * @param {DateTime} dateTime
	   * @return {boolean}
	   */
	  isAfter(dateTime) {
	    if (!this.isValid) return false;
	    return this.s > dateTime;
	  }

	  /**
	   * Return whether this Interval's end is before the specified DateTime.
	   * @param {DateTime} dateTime
	   * @return {boolean}
	   */
	  isBefore(dateTime) {
	    if (!this.isValid) return false;
	    return this.e <= dateTime;
	  }

	  /**
	   * Return whether this Interval contains the specified DateTime.
	   * @param {DateTime} dateTime
	   * @return {boolean}
	   */
	  contains(dateTime) {
	    if (!this.isValid) return false;
	    return this.s <= dateTime && this.e > dateTime;
	  }

	  /**
	   * "Sets" the start and/or end dates. Returns a newly-constructed Interval.
	   * @param {Object} values - the values to set
	   * @param {DateTime} values.start - the starting DateTime
	   * @param {DateTime} values.end - the ending DateTime
	   * @return {Interval}
	   */
	  set({
	    start,
	    end
	  } = {}) {
	    if (!this.isValid) return this;
	    return Interval.fromDateTimes(start || this.s, end || this.e);
	  }

	  /**
	   * Split this Interval at each of the specified DateTimes
	   * @param {...DateTime} dateTimes - the unit of time to count.
	   * @return {Array}
	   */
	  splitAt(...dateTimes) {
	    if (!this.isValid) return [];
	    const sorted = dateTimes.map(friendlyDateTime).filter(d => this.contains(d)).sort((a, b) => a.toMillis() - b.toMillis()),
	      results = [];
	    let {
	        s
	      } = this,
	      i = 0;
	    while (s < this.e) {
	      const added = sorted[i] || this.e,
	        next = +added > +this.e ? this.e : added;
	      results.push(Interval.fromDateTimes(s, next));
	      s = next;
	      i += 1;
	    }
	    return results;
	  }

	  /**
	   * Split this Interval into smaller Intervals, each of the specified length.
	   * Left over time is grouped into a smaller interval
	   * @param {Duration|Object|number} duration - The length of each resulting interval.
	   * @return {Array}
	   */
	  splitBy(duration) {
	    const dur = Duration.fromDurationLike(duration);
	    if (!this.isValid || !dur.isValid || dur.as("milliseconds") === 0) {
	      return [];
	    }
	    let {
	        s
	      } = this,
	      idx = 1,
	      next;
	    const results = [];
	    while (s < this.e) {
	      const added = this.start.plus(dur.mapUnits(x => x * idx));
	      next = +added > +this.e ? this.e : added;
	      results.push(Interval.fromDateTimes(s, next));
	      s = next;
	      idx += 1;
	    }
	    return results;
	  }

	  /**
	   * Split this Interval into the specified number of smaller intervals.
	   * @param {number} numberOfParts - The number of Intervals to divide the Interval into.
	   * @return {Array}
	   */
	  divideEqually(numberOfParts) {
	    if (!this.isValid) return [];
	    return this.splitBy(this.length() / numberOfParts).slice(0, numberOfParts);
	  }

	  /**
	   * Return whether this Interval overlaps with the specified Interval
	   * @param {Interval} other
	   * @return {boolean}
	   */
	  overlaps(other) {
	    return this.e > other.s && this.s < other.e;
	  }

	  /**
	   * Return whether this Interval's end is adjacent to the specified Interval's start.
	   * @param {Interval} other
	   * @return {boolean}
	   */
	  abutsStart(other) {
	    if (!this.isValid) return false;
	    return +this.e === +other.s;
	  }

	  /**
	   * Return whether this Interval's start is adjacent to the specified Interval's end.
	   * @param {Interval} other
	   * @return {boolean}
	   */
	  abutsEnd(other) {
	    if (!this.isValid) return false;
	    return +other.e === +this.s;
	  }

	  /**
	   * Returns true if this Interval fully contains the specified Interval, specifically if the intersect (of this Interval and the other Interval) is equal to the other Interval; false otherwise.
	   * @param {Interval} other
	   * @return {boolean}
	   */
	  engulfs(other) {
	    if (!this.isValid) return false;
	    return this.s <= other.s && this.e >= other.e;
	  }

	  /**
	   * Return whether this Interval has the same start and end as the specified Interval.
	   * @param {Interval} other
	   * @return {boolean}
	   */
	  equals(other) {
	    if (!this.isValid || !other.isValid) {
	      return false;
	    }
	    return this.s.equals(other.s) && this.e.equals(other.e);
	  }

	  /**
	   * Return an Interval representing the intersection of this Interval and the specified Interval.
	   * Specifically, the resulting Interval has the maximum start time and the minimum end time of the two Intervals.
	   * Returns null if the intersection is empty, meaning, the intervals don't intersect.
	   * @param {Interval} other
	   * @return {Interval}
	   */
	  intersection(other) {
	    if (!this.isValid) return this;
	    const s = this.s > other.s ? this.s : other.s,
	      e = this.e < other.e ? this.e : other.e;
	    if (s >= e) {
	      return null;
	    } else {
	      return Interval.fromDateTimes(s, e);
	    }
	  }

	  /**
	   * Return an Interval representing the union of this Interval and the specified Interval.
	   * Specifically, the resulting Interval has the minimum start time and the maximum end time of the two Intervals.
	   * @param {Interval} other
	   * @return {Interval}
	   */
	  union(other) {
	    if (!this.isValid) return this;
	    const s = this.s < other.s ? this.s : other.s,
	      e = this.e > other.e ? this.e : other.e;
	    return Interval.fromDateTimes(s, e);
	  }

	  /**
	   * Merge an array of Intervals into an equivalent minimal set of Intervals.
	   * Combines overlapping and adjacent Intervals.
	   * The resulting array will contain the Intervals in ascending order, that is, starting with the earliest Interval
	   * and ending with the latest.
	   *
	   * @param {Array} intervals
	   * @return {Array}
	   */
	  static merge(intervals) {
	    const [found, final] = intervals.sort((a, b) => a.s - b.s).reduce(([sofar, current], item) => {
	      if (!current) {
	        return [sofar, item];
	      } else if (current.overlaps(item) || current.abutsStart(item)) {
	        return [sofar, current.union(item)];
	      } else {
	        return [sofar.concat([current]), item];
	      }
	    }, [[], null]);
	    if (final) {
	      found.push(final);
	    }
	    return found;
	  }

	  /**
	   * Return an array of Intervals representing the spans of time that only appear in one of the specified Intervals.
	   * @param {Array} intervals
	   * @return {Array}
	   */
	  static xor(intervals) {
	    let start = null,
	      currentCount = 0;
	    const results = [],
	      ends = intervals.map(i => [{
	        time: i.s,
	        type: "s"
	      }, {
	        time: i.e,
	        type: "e"
	      }]),
	      flattened = Array.prototype.concat(...ends),
	      arr = flattened.sort((a, b) => a.time - b.time);
	    for (const i of arr) {
	      currentCount += i.type === "s" ? 1 : -1;
	      if (currentCount === 1) {
	        start = i.time;
	      } else {
	        if (start && +start !== +i.time) {
	          results.push(Interval.fromDateTimes(start, i.time));
	        }
	        start = null;
	      }
	    }
	    return Interval.merge(results);
	  }

	  /**
	   * Return an Interval representing the span of time in this Interval that doesn't overlap with any of the specified Intervals.
	   * @param {...Interval} intervals
	   * @return {Array}
	   */
	  difference(...intervals) {
	    return Interval.xor([this].concat(intervals)).map(i => this.intersection(i)).filter(i => i && !i.isEmpty());
	  }

	  /**
	   * Returns a string representation of this Interval appropriate for debugging.
	   * @return {string}
	   */
	  toString() {
	    if (!this.isValid) return INVALID$1;
	    return `[${this.s.toISO()} – ${this.e.toISO()})`;
	  }

	  /**
	   * Returns a string representation of this Interval appropriate for the REPL.
	   * @return {string}
	   */
	  [Symbol.for("nodejs.util.inspect.custom")]() {
	    if (this.isValid) {
	      return `Interval { start: ${this.s.toISO()}, end: ${this.e.toISO()} }`;
	    } else {
	      return `Interval { Invalid, reason: ${this.invalidReason} }`;
	    }
	  }

	  /**
	   * Returns a localized string representing this Interval. Accepts the same options as the
	   * Intl.DateTimeFormat constructor and any presets defined by Luxon, such as
	   * {@link DateTime.DATE_FULL} or {@link DateTime.TIME_SIMPLE}. The exact behavior of this method
	   * is browser-specific, but in general it will return an appropriate representation of the
	   * Interval in the assigned locale. Defaults to the system's locale if no locale has been
	   * specified.
	   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat
	   * @param {Object} [formatOpts=DateTime.DATE_SHORT] - Either a DateTime preset or
	   * Intl.DateTimeFormat constructor options.
	   * @param {Object} opts - Options to override the configuration of the start DateTime.
	   * @example Interval.fromISO('2022-11-07T09:00Z/2022-11-08T09:00Z').toLocaleString(); //=> 11/7/2022 – 11/8/2022
	   * @example Interval.fromISO('2022-11-07T09:00Z/2022-11-08T09:00Z').toLocaleString(DateTime.DATE_FULL); //=> November 7 – 8, 2022
	   * @example Interval.fromISO('2022-11-07T09:00Z/2022-11-08T09:00Z').toLocaleString(DateTime.DATE_FULL, { locale: 'fr-FR' }); //=> 7–8 novembre 2022
	   * @example Interval.fromISO('2022-11-07T17:00Z/2022-11-07T19:00Z').toLocaleString(DateTime.TIME_SIMPLE); //=> 6:00 – 8:00 PM
	   * @example Interval.fromISO('2022-11-07T17:00Z/2022-11-07T19:00Z').toLocaleString({ weekday: 'short', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' }); //=> Mon, Nov 07, 6:00 – 8:00 p
	   * @return {string}
	   */
	  toLocaleString(formatOpts = DATE_SHORT, opts = {}) {
	    return this.isValid ? Formatter.create(this.s.loc.clone(opts), formatOpts).formatInterval(this) : INVALID$1;
	  }

	  /**
	   * Returns an ISO 8601-compliant string representation of this Interval.
	   * @see https://en.wikipedia.org/wiki/ISO_8601#Time_intervals
	   * @param {Object} opts - The same options as {@link DateTime#toISO}
	   * @return {string}
	   */
	  toISO(opts) {
	    if (!this.isValid) return INVALID$1;
	    return `${this.s.toISO(opts)}/${this.e.toISO(opts)}`;
	  }

	  /**
	   * Returns an ISO 8601-compliant string representation of date of this Interval.
	   * The time components are ignored.
	   * @see https://en.wikipedia.org/wiki/ISO_8601#Time_intervals
	   * @return {string}
	   */
	  toISODate() {
	    if (!this.isValid) return INVALID$1;
	    return `${this.s.toISODate()}/${this.e.toISODate()}`;
	  }

	  /**
	   * Returns an ISO 8601-compliant string representation of time of this Interval.
	   * The date components are ignored.
	   * @see https://en.wikipedia.org/wiki/ISO_8601#Time_intervals
	   * @param {Object} opts - The same options as {@link DateTime#toISO}
	   * @return {string}
	   */
	  toISOTime(opts) {
	    if (!this.isValid) return INVALID$1;
	    return `${this.s.toISOTime(opts)}/${this.e.toISOTime(opts)}`;
	  }

	  /**
	   * Returns a string representation of this Interval formatted according to the specified format
	   * string. **You may not want this.** See {@link Interval#toLocaleString} for a more flexible
	   * formatting tool.
	   * @param {string} dateFormat - The format string. This string formats the start and end time.
	   * See {@link DateTime#toFormat} for details.
	   * @param {Object} opts - Options.
	   * @param {string} [opts.separator =  ' – '] - A separator to place between the start and end
	   * representations.
	   * @return {string}
	   */
	  toFormat(dateFormat, {
	    separator = " – "
	  } = {}) {
	    if (!this.isValid) return INVALID$1;
	    return `${this.s.toFormat(dateFormat)}${separator}${this.e.toFormat(dateFormat)}`;
	  }

	  /**
	   * Return a Duration representing the time spanned by this interval.
	   * @param {string|string[]} [unit=['milliseconds']] - the unit or units (such as 'hours' or 'days') to include in the duration.
	   * @param {Object} opts - options that affect the creation of the Duration
	   * @param {string} [opts.conversionAccuracy='casual'] - the conversion system to use
	   * @example Interval.fromDateTimes(dt1, dt2).toDuration().toObject() //=> { milliseconds: 88489257 }
	   * @example Interval.fromDateTimes(dt1, dt2).toDuration('days').toObject() //=> { days: 1.0241812152777778 }
	   * @example Interval.fromDateTimes(dt1, dt2).toDuration(['hours', 'minutes']).toObject() //=> { hours: 24, minutes: 34.82095 }
	   * @example Interval.fromDateTimes(dt1, dt2).toDuration(['hours', 'minutes', 'seconds']).toObject() //=> { hours: 24, minutes: 34, seconds: 49.257 }
	   * @example Interval.fromDateTimes(dt1, dt2).toDuration('seconds').toObject() //=> { seconds: 88489.257 }
	   * @return {Duration}
	   */
	  toDuration(unit, opts) {
	    if (!this.isValid) {
	      return Duration.invalid(this.invalidReason);
	    }
	    return this.e.diff(this.s, unit, opts);
	  }

	  /**
	   * Run mapFn on the interval start and end, returning a new Interval from the resulting DateTimes
	   * @param {function} mapFn
	   * @return {Interval}
	   * @example Interval.fromDateTimes(dt1, dt2).mapEndpoints(endpoint => endpoint.toUTC())
	   * @example Interval.fromDateTimes(dt1, dt2).mapEndpoints(endpoint => endpoint.plus({ hours: 2 }))
	   */
	  mapEndpoints(mapFn) {
	    return Interval.fromDateTimes(mapFn(this.s), mapFn(this.e));
	  }
	}

	/**
	 * The Info class contains static methods for retrieving general time and date related data. For example, it has methods for finding out if a time zone has a DST, for listing the months in any supported locale, and for discovering which of Luxon features are available in the current environment.
	 */
	class Info {
	  /**
	   * Return whether the specified zone contains a DST.
	   * @param {string|Zone} [zone='local'] - Zone to check. Defaults to the environment's local zone.
	   * @return {boolean}
	   */
	  static hasDST(zone = Settings.defaultZone) {
	    const proto = DateTime.now().setZone(zone).set({
	      month: 12
	    });
	    return !zone.isUniversal && proto.offset !== proto.set({
	      month: 6
	    }).offset;
	  }

	  /**
	   * Return whether the specified zone is a valid IANA specifier.
	   * @param {string} zone - Zone to check
	   * @return {boolean}
	   */
	  static isValidIANAZone(zone) {
	    return IANAZone.isValidZone(zone);
	  }

	  /**
	   * Converts the input into a {@link Zone} instance.
	   *
	   * * If `input` is already a Zone instance, it is returned unchanged.
	   * * If `input` is a string containing a valid time zone name, a Zone instance
	   *   with that name is returned.
	   * * If `input` is a string that doesn't refer to a known time zone, a Zone
	   *   instance with {@link Zone#isValid} == false is returned.
	   * * If `input is a number, a Zone instance with the specified fixed offset
	   *   in minutes is returned.
	   * * If `input` is `null` or `undefined`, the default zone is returned.
	   * @param {string|Zone|number} [input] - the value to be converted
	   * @return {Zone}
	   */
	  static normalizeZone(input) {
	    return normalizeZone(input, Settings.defaultZone);
	  }

	  /**
	   * Get the weekday on which the week starts according to the given locale.
	   * @param {Object} opts - options
	   * @param {string} [opts.locale] - the locale code
	   * @param {string} [opts.locObj=null] - an existing locale object to use
	   * @returns {number} the start of the week, 1 for Monday through 7 for Sunday
	   */
	  static getStartOfWeek({
	    locale = null,
	    locObj = null
	  } = {}) {
	    return (locObj || Locale.create(locale)).getStartOfWeek();
	  }

	  /**
	   * Get the minimum number of days necessary in a week before it is considered part of the next year according
	   * to the given locale.
	   * @param {Object} opts - options
	   * @param {string} [opts.locale] - the locale code
	   * @param {string} [opts.locObj=null] - an existing locale object to use
	   * @returns {number}
	   */
	  static getMinimumDaysInFirstWeek({
	    locale = null,
	    locObj = null
	  } = {}) {
	    return (locObj || Locale.create(locale)).getMinDaysInFirstWeek();
	  }

	  /**
	   * Get the weekdays, which are considered the weekend according to the given locale
	   * @param {Object} opts - options
	   * @param {string} [opts.locale] - the locale code
	   * @param {string} [opts.locObj=null] - an existing locale object to use
	   * @returns {number[]} an array of weekdays, 1 for Monday through 7 for Sunday
	   */
	  static getWeekendWeekdays({
	    locale = null,
	    locObj = null
	  } = {}) {
	    // copy the array, because we cache it internally
	    return (locObj || Locale.create(locale)).getWeekendDays().slice();
	  }

	  /**
	   * Return an array of standalone month names.
	   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat
	   * @param {string} [length='long'] - the length of the month representation, such as "numeric", "2-digit", "narrow", "short", "long"
	   * @param {Object} opts - options
	   * @param {string} [opts.locale] - the locale code
	   * @param {string} [opts.numberingSystem=null] - the numbering system
	   * @param {string} [opts.locObj=null] - an existing locale object to use
	   * @param {string} [opts.outputCalendar='gregory'] - the calendar
	   * @example Info.months()[0] //=> 'January'
	   * @example Info.months('short')[0] //=> 'Jan'
	   * @example Info.months('numeric')[0] //=> '1'
	   * @example Info.months('short', { locale: 'fr-CA' } )[0] //=> 'janv.'
	   * @example Info.months('numeric', { locale: 'ar' })[0] //=> '١'
	   * @example Info.months('long', { outputCalendar: 'islamic' })[0] //=> 'Rabiʻ I'
	   * @return {Array}
	   */
	  static months(length = "long", {
	    locale = null,
	    numberingSystem = null,
	    locObj = null,
	    outputCalendar = "gregory"
	  } = {}) {
	    return (locObj || Locale.create(locale, numberingSystem, outputCalendar)).months(length);
	  }

	  /**
	   * Return an array of format month names.
	   * Format months differ from standalone months in that they're meant to appear next to the day of the month. In some languages, that
	   * changes the string.
	   * See {@link Info#months}
	   * @param {string} [length='long'] - the length of the month representation, such as "numeric", "2-digit", "narrow", "short", "long"
	   * @param {Object} opts - options
	   * @param {string} [opts.locale] - the locale code
	   * @param {string} [opts.numberingSystem=null] - the numbering system
	   * @param {string} [opts.locObj=null] - an existing locale object to use
	   * @param {string} [opts.outputCalendar='gregory'] - the calendar
	   * @return {Array}
	   */
	  static monthsFormat(length = "long", {
	    locale = null,
	    numberingSystem = null,
	    locObj = null,
	    outputCalendar = "gregory"
	  } = {}) {
	    return (locObj || Locale.create(locale, numberingSystem, outputCalendar)).months(length, true);
	  }

	  /**
	   * Return an array of standalone week names.
	   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat
	   * @param {string} [length='long'] - the length of the weekday representation, such as "narrow", "short", "long".
	   * @param {Object} opts - options
	   * @param {string} [opts.locale] - the locale code
	   * @param {string} [opts.numberingSystem=null] - the numbering system
	   * @param {string} [opts.locObj=null] - an existing locale object to use
	   * @example Info.weekdays()[0] //=> 'Monday'
	   * @example Info.weekdays('short')[0] //=> 'Mon'
	   * @example Info.weekdays('short', { locale: 'fr-CA' })[0] //=> 'lun.'
	   * @example Info.weekdays('short', { locale: 'ar' })[0] //=> 'الاثنين'
	   * @return {Array}
	   */
	  static weekdays(length = "long", {
	    locale = null,
	    numberingSystem = null,
	    locObj = null
	  } = {}) {
	    return (locObj || Locale.create(locale, numberingSystem, null)).weekdays(length);
	  }

	  /**
	   * Return an array of format week names.
	   * Format weekdays differ from standalone weekdays in that they're meant to appear next to more date information. In some languages, that
	   * changes the string.
	   * See {@link Info#weekdays}
	   * @param {string} [length='long'] - the length of the month representation, such as "narrow", "short", "long".
	   * @param {Object} opts - options
	   * @param {string} [opts.locale=null] - the locale code
	   * @param {string} [opts.numberingSystem=null] - the numbering system
	   * @param {string} [opts.locObj=null] - an existing locale object to use
	   * @return {Array}
	   */
	  static weekdaysFormat(length = "long", {
	    locale = null,
	    numberingSystem = null,
	    locObj = null
	  } = {}) {
	    return (locObj || Locale.create(locale, numberingSystem, null)).weekdays(length, true);
	  }

	  /**
	   * Return an array of meridiems.
	   * @param {Object} opts - options
	   * @param {string} [opts.locale] - the locale code
	   * @example Info.meridiems() //=> [ 'AM', 'PM' ]
	   * @example Info.meridiems({ locale: 'my' }) //=> [ 'နံနက်', 'ညနေ' ]
	   * @return {Array}
	   */
	  static meridiems({
	    locale = null
	  } = {}) {
	    return Locale.create(locale).meridiems();
	  }

	  /**
	   * Return an array of eras, such as ['BC', 'AD']. The locale can be specified, but the calendar system is always Gregorian.
	   * @param {string} [length='short'] - the length of the era representation, such as "short" or "long".
	   * @param {Object} opts - options
	   * @param {string} [opts.locale] - the locale code
	   * @example Info.eras() //=> [ 'BC', 'AD' ]
	   * @example Info.eras('long') //=> [ 'Before Christ', 'Anno Domini' ]
	   * @example Info.eras('long', { locale: 'fr' }) //=> [ 'avant Jésus-Christ', 'après Jésus-Christ' ]
	   * @return {Array}
	   */
	  static eras(length = "short", {
	    locale = null
	  } = {}) {
	    return Locale.create(locale, null, "gregory").eras(length);
	  }

	  /**
	   * Return the set of available features in this environment.
	   * Some features of Luxon are not available in all environments. For example, on older browsers, relative time formatting support is not available. Use this function to figure out if that's the case.
	   * Keys:
	   * * `relative`: whether this environment supports relative time formatting
	   * * `localeWeek`: whether this environment supports different weekdays for the start of the week based on the locale
	   * @example Info.features() //=> { relative: false, localeWeek: true }
	   * @return {Object}
	   */
	  static features() {
	    return {
	      relative: hasRelative(),
	      localeWeek: hasLocaleWeekInfo()
	    };
	  }
	}

	function dayDiff(earlier, later) {
	  const utcDayStart = dt => dt.toUTC(0, {
	      keepLocalTime: true
	    }).startOf("day").valueOf(),
	    ms = utcDayStart(later) - utcDayStart(earlier);
	  return Math.floor(Duration.fromMillis(ms).as("days"));
	}
	function highOrderDiffs(cursor, later, units) {
	  const differs = [["years", (a, b) => b.year - a.year], ["quarters", (a, b) => b.quarter - a.quarter + (b.year - a.year) * 4], ["months", (a, b) => b.month - a.month + (b.year - a.year) * 12], ["weeks", (a, b) => {
	    const days = dayDiff(a, b);
	    return (days - days % 7) / 7;
	  }], ["days", dayDiff]];
	  const results = {};
	  const earlier = cursor;
	  let lowestOrder, highWater;

	  /* This loop tries to diff using larger units first.
	     If we overshoot, we backtrack and try the next smaller unit.
	     "cursor" starts out at the earlier timestamp and moves closer and closer to "later"
	     as we use smaller and smaller units.
	     highWater keeps track of where we would be if we added one more of the smallest unit,
	     this is used later to potentially convert any difference smaller than the smallest higher order unit
	     into a fraction of that smallest higher order unit
	  */
	  for (const [unit, differ] of differs) {
	    if (units.indexOf(unit) >= 0) {
	      lowestOrder = unit;
	      results[unit] = differ(cursor, later);
	      highWater = earlier.plus(results);
	      if (highWater > later) {
	        // we overshot the end point, backtrack cursor by 1
	        results[unit]--;
	        cursor = earlier.plus(results);

	        // if we are still overshooting now, we need to backtrack again
	        // this happens in certain situations when diffing times in different zones,
	        // because this calculation ignores time zones
	        if (cursor > later) {
	          // keep the "overshot by 1" around as highWater
	          highWater = cursor;
	          // backtrack cursor by 1
	          results[unit]--;
	          cursor = earlier.plus(results);
	        }
	      } else {
	        cursor = highWater;
	      }
	    }
	  }
	  return [cursor, results, highWater, lowestOrder];
	}
	function diff (earlier, later, units, opts) {
	  let [cursor, results, highWater, lowestOrder] = highOrderDiffs(earlier, later, units);
	  const remainingMillis = later - cursor;
	  const lowerOrderUnits = units.filter(u => ["hours", "minutes", "seconds", "milliseconds"].indexOf(u) >= 0);
	  if (lowerOrderUnits.length === 0) {
	    if (highWater < later) {
	      highWater = cursor.plus({
	        [lowestOrder]: 1
	      });
	    }
	    if (highWater !== cursor) {
	      results[lowestOrder] = (results[lowestOrder] || 0) + remainingMillis / (highWater - cursor);
	    }
	  }
	  const duration = Duration.fromObject(results, opts);
	  if (lowerOrderUnits.length > 0) {
	    return Duration.fromMillis(remainingMillis, opts).shiftTo(...lowerOrderUnits).plus(duration);
	  } else {
	    return duration;
	  }
	}

	const MISSING_FTP = "missing Intl.DateTimeFormat.formatToParts support";
	function intUnit(regex, post = i => i) {
	  return {
	    regex,
	    deser: ([s]) => post(parseDigits(s))
	  };
	}
	const NBSP = String.fromCharCode(160);
	const spaceOrNBSP = `[ ${NBSP}]`;
	const spaceOrNBSPRegExp = new RegExp(spaceOrNBSP, "g");
	function fixListRegex(s) {
	  // make dots optional and also make them literal
	  // make space and non breakable space characters interchangeable
	  return s.replace(/\./g, "\\.?").replace(spaceOrNBSPRegExp, spaceOrNBSP);
	}
	function stripInsensitivities(s) {
	  return s.replace(/\./g, "") // ignore dots that were made optional
	  .replace(spaceOrNBSPRegExp, " ") // interchange space and nbsp
	  .toLowerCase();
	}
	function oneOf(strings, startIndex) {
	  if (strings === null) {
	    return null;
	  } else {
	    return {
	      regex: RegExp(strings.map(fixListRegex).join("|")),
	      deser: ([s]) => strings.findIndex(i => stripInsensitivities(s) === stripInsensitivities(i)) + startIndex
	    };
	  }
	}
	function offset(regex, groups) {
	  return {
	    regex,
	    deser: ([, h, m]) => signedOffset(h, m),
	    groups
	  };
	}
	function simple(regex) {
	  return {
	    regex,
	    deser: ([s]) => s
	  };
	}
	function escapeToken(value) {
	  return value.replace(/[\-\[\]{}()*+?.,\\\^$|#\s]/g, "\\$&");
	}

	/**
	 * @param token
	 * @param {Locale} loc
	 */
	function unitForToken(token, loc) {
	  const one = digitRegex(loc),
	    two = digitRegex(loc, "{2}"),
	    three = digitRegex(loc, "{3}"),
	    four = digitRegex(loc, "{4}"),
	    six = digitRegex(loc, "{6}"),
	    oneOrTwo = digitRegex(loc, "{1,2}"),
	    oneToThree = digitRegex(loc, "{1,3}"),
	    oneToSix = digitRegex(loc, "{1,6}"),
	    oneToNine = digitRegex(loc, "{1,9}"),
	    twoToFour = digitRegex(loc, "{2,4}"),
	    fourToSix = digitRegex(loc, "{4,6}"),
	    literal = t => ({
	      regex: RegExp(escapeToken(t.val)),
	      deser: ([s]) => s,
	      literal: true
	    }),
	    unitate = t => {
	      if (token.literal) {
	        return literal(t);
	      }
	      switch (t.val) {
	        // era
	        case "G":
	          return oneOf(loc.eras("short"), 0);
	        case "GG":
	          return oneOf(loc.eras("long"), 0);
	        // years
	        case "y":
	          return intUnit(oneToSix);
	        case "yy":
	          return intUnit(twoToFour, untruncateYear);
	        case "yyyy":
	          return intUnit(four);
	        case "yyyyy":
	          return intUnit(fourToSix);
	        case "yyyyyy":
	          return intUnit(six);
	        // months
	        case "M":
	          return intUnit(oneOrTwo);
	        case "MM":
	          return intUnit(two);
	        case "MMM":
	          return oneOf(loc.months("short", true), 1);
	        case "MMMM":
	          return oneOf(loc.months("long", true), 1);
	        case "L":
	          return intUnit(oneOrTwo);
	        case "LL":
	          return intUnit(two);
	        case "LLL":
	          return oneOf(loc.months("short", false), 1);
	        case "LLLL":
	          return oneOf(loc.months("long", false), 1);
	        // dates
	        case "d":
	          return intUnit(oneOrTwo);
	        case "dd":
	          return intUnit(two);
	        // ordinals
	        case "o":
	          return intUnit(oneToThree);
	        case "ooo":
	          return intUnit(three);
	        // time
	        case "HH":
	          return intUnit(two);
	        case "H":
	          return intUnit(oneOrTwo);
	        case "hh":
	          return intUnit(two);
	        case "h":
	          return intUnit(oneOrTwo);
	        case "mm":
	          return intUnit(two);
	        case "m":
	          return intUnit(oneOrTwo);
	        case "q":
	          return intUnit(oneOrTwo);
	        case "qq":
	          return intUnit(two);
	        case "s":
	          return intUnit(oneOrTwo);
	        case "ss":
	          return intUnit(two);
	        case "S":
	          return intUnit(oneToThree);
	        case "SSS":
	          return intUnit(three);
	        case "u":
	          return simple(oneToNine);
	        case "uu":
	          return simple(oneOrTwo);
	        case "uuu":
	          return intUnit(one);
	        // meridiem
	        case "a":
	          return oneOf(loc.meridiems(), 0);
	        // weekYear (k)
	        case "kkkk":
	          return intUnit(four);
	        case "kk":
	          return intUnit(twoToFour, untruncateYear);
	        // weekNumber (W)
	        case "W":
	          return intUnit(oneOrTwo);
	        case "WW":
	          return intUnit(two);
	        // weekdays
	        case "E":
	        case "c":
	          return intUnit(one);
	        case "EEE":
	          return oneOf(loc.weekdays("short", false), 1);
	        case "EEEE":
	          return oneOf(loc.weekdays("long", false), 1);
	        case "ccc":
	          return oneOf(loc.weekdays("short", true), 1);
	        case "cccc":
	          return oneOf(loc.weekdays("long", true), 1);
	        // offset/zone
	        case "Z":
	        case "ZZ":
	          return offset(new RegExp(`([+-]${oneOrTwo.source})(?::(${two.source}))?`), 2);
	        case "ZZZ":
	          return offset(new RegExp(`([+-]${oneOrTwo.source})(${two.source})?`), 2);
	        // we don't support ZZZZ (PST) or ZZZZZ (Pacific Standard Time) in parsing
	        // because we don't have any way to figure out what they are
	        case "z":
	          return simple(/[a-z_+-/]{1,256}?/i);
	        // this special-case "token" represents a place where a macro-token expanded into a white-space literal
	        // in this case we accept any non-newline white-space
	        case " ":
	          return simple(/[^\S\n\r]/);
	        default:
	          return literal(t);
	      }
	    };
	  const unit = unitate(token) || {
	    invalidReason: MISSING_FTP
	  };
	  unit.token = token;
	  return unit;
	}
	const partTypeStyleToTokenVal = {
	  year: {
	    "2-digit": "yy",
	    numeric: "yyyyy"
	  },
	  month: {
	    numeric: "M",
	    "2-digit": "MM",
	    short: "MMM",
	    long: "MMMM"
	  },
	  day: {
	    numeric: "d",
	    "2-digit": "dd"
	  },
	  weekday: {
	    short: "EEE",
	    long: "EEEE"
	  },
	  dayperiod: "a",
	  dayPeriod: "a",
	  hour12: {
	    numeric: "h",
	    "2-digit": "hh"
	  },
	  hour24: {
	    numeric: "H",
	    "2-digit": "HH"
	  },
	  minute: {
	    numeric: "m",
	    "2-digit": "mm"
	  },
	  second: {
	    numeric: "s",
	    "2-digit": "ss"
	  },
	  timeZoneName: {
	    long: "ZZZZZ",
	    short: "ZZZ"
	  }
	};
	function tokenForPart(part, formatOpts, resolvedOpts) {
	  const {
	    type,
	    value
	  } = part;
	  if (type === "literal") {
	    const isSpace = /^\s+$/.test(value);
	    return {
	      literal: !isSpace,
	      val: isSpace ? " " : value
	    };
	  }
	  const style = formatOpts[type];

	  // The user might have explicitly specified hour12 or hourCycle
	  // if so, respect their decision
	  // if not, refer back to the resolvedOpts, which are based on the locale
	  let actualType = type;
	  if (type === "hour") {
	    if (formatOpts.hour12 != null) {
	      actualType = formatOpts.hour12 ? "hour12" : "hour24";
	    } else if (formatOpts.hourCycle != null) {
	      if (formatOpts.hourCycle === "h11" || formatOpts.hourCycle === "h12") {
	        actualType = "hour12";
	      } else {
	        actualType = "hour24";
	      }
	    } else {
	      // tokens only differentiate between 24 hours or not,
	      // so we do not need to check hourCycle here, which is less supported anyways
	      actualType = resolvedOpts.hour12 ? "hour12" : "hour24";
	    }
	  }
	  let val = partTypeStyleToTokenVal[actualType];
	  if (typeof val === "object") {
	    val = val[style];
	  }
	  if (val) {
	    return {
	      literal: false,
	      val
	    };
	  }
	  return undefined;
	}
	function buildRegex(units) {
	  const re = units.map(u => u.regex).reduce((f, r) => `${f}(${r.source})`, "");
	  return [`^${re}$`, units];
	}
	function match(input, regex, handlers) {
	  const matches = input.match(regex);
	  if (matches) {
	    const all = {};
	    let matchIndex = 1;
	    for (const i in handlers) {
	      if (hasOwnProperty(handlers, i)) {
	        const h = handlers[i],
	          groups = h.groups ? h.groups + 1 : 1;
	        if (!h.literal && h.token) {
	          all[h.token.val[0]] = h.deser(matches.slice(matchIndex, matchIndex + groups));
	        }
	        matchIndex += groups;
	      }
	    }
	    return [matches, all];
	  } else {
	    return [matches, {}];
	  }
	}
	function dateTimeFromMatches(matches) {
	  const toField = token => {
	    switch (token) {
	      case "S":
	        return "millisecond";
	      case "s":
	        return "second";
	      case "m":
	        return "minute";
	      case "h":
	      case "H":
	        return "hour";
	      case "d":
	        return "day";
	      case "o":
	        return "ordinal";
	      case "L":
	      case "M":
	        return "month";
	      case "y":
	        return "year";
	      case "E":
	      case "c":
	        return "weekday";
	      case "W":
	        return "weekNumber";
	      case "k":
	        return "weekYear";
	      case "q":
	        return "quarter";
	      default:
	        return null;
	    }
	  };
	  let zone = null;
	  let specificOffset;
	  if (!isUndefined(matches.z)) {
	    zone = IANAZone.create(matches.z);
	  }
	  if (!isUndefined(matches.Z)) {
	    if (!zone) {
	      zone = new FixedOffsetZone(matches.Z);
	    }
	    specificOffset = matches.Z;
	  }
	  if (!isUndefined(matches.q)) {
	    matches.M = (matches.q - 1) * 3 + 1;
	  }
	  if (!isUndefined(matches.h)) {
	    if (matches.h < 12 && matches.a === 1) {
	      matches.h += 12;
	    } else if (matches.h === 12 && matches.a === 0) {
	      matches.h = 0;
	    }
	  }
	  if (matches.G === 0 && matches.y) {
	    matches.y = -matches.y;
	  }
	  if (!isUndefined(matches.u)) {
	    matches.S = parseMillis(matches.u);
	  }
	  const vals = Object.keys(matches).reduce((r, k) => {
	    const f = toField(k);
	    if (f) {
	      r[f] = matches[k];
	    }
	    return r;
	  }, {});
	  return [vals, zone, specificOffset];
	}
	let dummyDateTimeCache = null;
	function getDummyDateTime() {
	  if (!dummyDateTimeCache) {
	    dummyDateTimeCache = DateTime.fromMillis(1555555555555);
	  }
	  return dummyDateTimeCache;
	}
	function maybeExpandMacroToken(token, locale) {
	  if (token.literal) {
	    return token;
	  }
	  const formatOpts = Formatter.macroTokenToFormatOpts(token.val);
	  const tokens = formatOptsToTokens(formatOpts, locale);
	  if (tokens == null || tokens.includes(undefined)) {
	    return token;
	  }
	  return tokens;
	}
	function expandMacroTokens(tokens, locale) {
	  return Array.prototype.concat(...tokens.map(t => maybeExpandMacroToken(t, locale)));
	}

	/**
	 * @private
	 */

	class TokenParser {
	  constructor(locale, format) {
	    this.locale = locale;
	    this.format = format;
	    this.tokens = expandMacroTokens(Formatter.parseFormat(format), locale);
	    this.units = this.tokens.map(t => unitForToken(t, locale));
	    this.disqualifyingUnit = this.units.find(t => t.invalidReason);
	    if (!this.disqualifyingUnit) {
	      const [regexString, handlers] = buildRegex(this.units);
	      this.regex = RegExp(regexString, "i");
	      this.handlers = handlers;
	    }
	  }
	  explainFromTokens(input) {
	    if (!this.isValid) {
	      return {
	        input,
	        tokens: this.tokens,
	        invalidReason: this.invalidReason
	      };
	    } else {
	      const [rawMatches, matches] = match(input, this.regex, this.handlers),
	        [result, zone, specificOffset] = matches ? dateTimeFromMatches(matches) : [null, null, undefined];
	      if (hasOwnProperty(matches, "a") && hasOwnProperty(matches, "H")) {
	        throw new ConflictingSpecificationError("Can't include meridiem when specifying 24-hour format");
	      }
	      return {
	        input,
	        tokens: this.tokens,
	        regex: this.regex,
	        rawMatches,
	        matches,
	        result,
	        zone,
	        specificOffset
	      };
	    }
	  }
	  get isValid() {
	    return !this.disqualifyingUnit;
	  }
	  get invalidReason() {
	    return this.disqualifyingUnit ? this.disqualifyingUnit.invalidReason : null;
	  }
	}
	function explainFromTokens(locale, input, format) {
	  const parser = new TokenParser(locale, format);
	  return parser.explainFromTokens(input);
	}
	function parseFromTokens(locale, input, format) {
	  const {
	    result,
	    zone,
	    specificOffset,
	    invalidReason
	  } = explainFromTokens(locale, input, format);
	  return [result, zone, specificOffset, invalidReason];
	}
	function formatOptsToTokens(formatOpts, locale) {
	  if (!formatOpts) {
	    return null;
	  }
	  const formatter = Formatter.create(locale, formatOpts);
	  const df = formatter.dtFormatter(getDummyDateTime());
	  const parts = df.formatToParts();
	  const resolvedOpts = df.resolvedOptions();
	  return parts.map(p => tokenForPart(p, formatOpts, resolvedOpts));
	}

	const INVALID = "Invalid DateTime";
	const MAX_DATE = 8.64e15;
	function unsupportedZone(zone) {
	  return new Invalid("unsupported zone", `the zone "${zone.name}" is not supported`);
	}

	// we cache week data on the DT object and this intermediates the cache
	/**
	 * @param {DateTime} dt
	 */
	function possiblyCachedWeekData(dt) {
	  if (dt.weekData === null) {
	    dt.weekData = gregorianToWeek(dt.c);
	  }
	  return dt.weekData;
	}

	/**
	 * @param {DateTime} dt
	 */
	function possiblyCachedLocalWeekData(dt) {
	  if (dt.localWeekData === null) {
	    dt.localWeekData = gregorianToWeek(dt.c, dt.loc.getMinDaysInFirstWeek(), dt.loc.getStartOfWeek());
	  }
	  return dt.localWeekData;
	}

	// clone really means, "make a new object with these modifications". all "setters" really use this
	// to create a new object while only changing some of the properties
	function clone(inst, alts) {
	  const current = {
	    ts: inst.ts,
	    zone: inst.zone,
	    c: inst.c,
	    o: inst.o,
	    loc: inst.loc,
	    invalid: inst.invalid
	  };
	  return new DateTime({
	    ...current,
	    ...alts,
	    old: current
	  });
	}

	// find the right offset a given local time. The o input is our guess, which determines which
	// offset we'll pick in ambiguous cases (e.g. there are two 3 AMs b/c Fallback DST)
	function fixOffset(localTS, o, tz) {
	  // Our UTC time is just a guess because our offset is just a guess
	  let utcGuess = localTS - o * 60 * 1000;

	  // Test whether the zone matches the offset for this ts
	  const o2 = tz.offset(utcGuess);

	  // If so, offset didn't change and we're done
	  if (o === o2) {
	    return [utcGuess, o];
	  }

	  // If not, change the ts by the difference in the offset
	  utcGuess -= (o2 - o) * 60 * 1000;

	  // If that gives us the local time we want, we're done
	  const o3 = tz.offset(utcGuess);
	  if (o2 === o3) {
	    return [utcGuess, o2];
	  }

	  // If it's different, we're in a hole time. The offset has changed, but the we don't adjust the time
	  return [localTS - Math.min(o2, o3) * 60 * 1000, Math.max(o2, o3)];
	}

	// convert an epoch timestamp into a calendar object with the given offset
	function tsToObj(ts, offset) {
	  ts += offset * 60 * 1000;
	  const d = new Date(ts);
	  return {
	    year: d.getUTCFullYear(),
	    month: d.getUTCMonth() + 1,
	    day: d.getUTCDate(),
	    hour: d.getUTCHours(),
	    minute: d.getUTCMinutes(),
	    second: d.getUTCSeconds(),
	    millisecond: d.getUTCMilliseconds()
	  };
	}

	// convert a calendar object to a epoch timestamp
	function objToTS(obj, offset, zone) {
	  return fixOffset(objToLocalTS(obj), offset, zone);
	}

	// create a new DT instance by adding a duration, adjusting for DSTs
	function adjustTime(inst, dur) {
	  const oPre = inst.o,
	    year = inst.c.year + Math.trunc(dur.years),
	    month = inst.c.month + Math.trunc(dur.months) + Math.trunc(dur.quarters) * 3,
	    c = {
	      ...inst.c,
	      year,
	      month,
	      day: Math.min(inst.c.day, daysInMonth(year, month)) + Math.trunc(dur.days) + Math.trunc(dur.weeks) * 7
	    },
	    millisToAdd = Duration.fromObject({
	      years: dur.years - Math.trunc(dur.years),
	      quarters: dur.quarters - Math.trunc(dur.quarters),
	      months: dur.months - Math.trunc(dur.months),
	      weeks: dur.weeks - Math.trunc(dur.weeks),
	      days: dur.days - Math.trunc(dur.days),
	      hours: dur.hours,
	      minutes: dur.minutes,
	      seconds: dur.seconds,
	      milliseconds: dur.milliseconds
	    }).as("milliseconds"),
	    localTS = objToLocalTS(c);
	  let [ts, o] = fixOffset(localTS, oPre, inst.zone);
	  if (millisToAdd !== 0) {
	    ts += millisToAdd;
	    // that could have changed the offset by going over a DST, but we want to keep the ts the same
	    o = inst.zone.offset(ts);
	  }
	  return {
	    ts,
	    o
	  };
	}

	// helper useful in turning the results of parsing into real dates
	// by handling the zone options
	function parseDataToDateTime(parsed, parsedZone, opts, format, text, specificOffset) {
	  const {
	    setZone,
	    zone
	  } = opts;
	  if (parsed && Object.keys(parsed).length !== 0 || parsedZone) {
	    const interpretationZone = parsedZone || zone,
	      inst = DateTime.fromObject(parsed, {
	        ...opts,
	        zone: interpretationZone,
	        specificOffset
	      });
	    return setZone ? inst : inst.setZone(zone);
	  } else {
	    return DateTime.invalid(new Invalid("unparsable", `the input "${text}" can't be parsed as ${format}`));
	  }
	}

	// if you want to output a technical format (e.g. RFC 2822), this helper
	// helps handle the details
	function toTechFormat(dt, format, allowZ = true) {
	  return dt.isValid ? Formatter.create(Locale.create("en-US"), {
	    allowZ,
	    forceSimple: true
	  }).formatDateTimeFromString(dt, format) : null;
	}
	function toISODate(o, extended, precision) {
	  const longFormat = o.c.year > 9999 || o.c.year < 0;
	  let c = "";
	  if (longFormat && o.c.year >= 0) c += "+";
	  c += padStart(o.c.year, longFormat ? 6 : 4);
	  if (precision === "year") return c;
	  if (extended) {
	    c += "-";
	    c += padStart(o.c.month);
	    if (precision === "month") return c;
	    c += "-";
	  } else {
	    c += padStart(o.c.month);
	    if (precision === "month") return c;
	  }
	  c += padStart(o.c.day);
	  return c;
	}
	function toISOTime(o, extended, suppressSeconds, suppressMilliseconds, includeOffset, extendedZone, precision) {
	  let showSeconds = !suppressSeconds || o.c.millisecond !== 0 || o.c.second !== 0,
	    c = "";
	  switch (precision) {
	    case "day":
	    case "month":
	    case "year":
	      break;
	    default:
	      c += padStart(o.c.hour);
	      if (precision === "hour") break;
	      if (extended) {
	        c += ":";
	        c += padStart(o.c.minute);
	        if (precision === "minute") break;
	        if (showSeconds) {
	          c += ":";
	          c += padStart(o.c.second);
	        }
	      } else {
	        c += padStart(o.c.minute);
	        if (precision === "minute") break;
	        if (showSeconds) {
	          c += padStart(o.c.second);
	        }
	      }
	      if (precision === "second") break;
	      if (showSeconds && (!suppressMilliseconds || o.c.millisecond !== 0)) {
	        c += ".";
	        c += padStart(o.c.millisecond, 3);
	      }
	  }
	  if (includeOffset) {
	    if (o.isOffsetFixed && o.offset === 0 && !extendedZone) {
	      c += "Z";
	    } else if (o.o < 0) {
	      c += "-";
	      c += padStart(Math.trunc(-o.o / 60));
	      c += ":";
	      c += padStart(Math.trunc(-o.o % 60));
	    } else {
	      c += "+";
	      c += padStart(Math.trunc(o.o / 60));
	      c += ":";
	      c += padStart(Math.trunc(o.o % 60));
	    }
	  }
	  if (extendedZone) {
	    c += "[" + o.zone.ianaName + "]";
	  }
	  return c;
	}

	// defaults for unspecified units in the supported calendars
	const defaultUnitValues = {
	    month: 1,
	    day: 1,
	    hour: 0,
	    minute: 0,
	    second: 0,
	    millisecond: 0
	  },
	  defaultWeekUnitValues = {
	    weekNumber: 1,
	    weekday: 1,
	    hour: 0,
	    minute: 0,
	    second: 0,
	    millisecond: 0
	  },
	  defaultOrdinalUnitValues = {
	    ordinal: 1,
	    hour: 0,
	    minute: 0,
	    second: 0,
	    millisecond: 0
	  };

	// Units in the supported calendars, sorted by bigness
	const orderedUnits = ["year", "month", "day", "hour", "minute", "second", "millisecond"],
	  orderedWeekUnits = ["weekYear", "weekNumber", "weekday", "hour", "minute", "second", "millisecond"],
	  orderedOrdinalUnits = ["year", "ordinal", "hour", "minute", "second", "millisecond"];

	// standardize case and plurality in units
	function normalizeUnit(unit) {
	  const normalized = {
	    year: "year",
	    years: "year",
	    month: "month",
	    months: "month",
	    day: "day",
	    days: "day",
	    hour: "hour",
	    hours: "hour",
	    minute: "minute",
	    minutes: "minute",
	    quarter: "quarter",
	    quarters: "quarter",
	    second: "second",
	    seconds: "second",
	    millisecond: "millisecond",
	    milliseconds: "millisecond",
	    weekday: "weekday",
	    weekdays: "weekday",
	    weeknumber: "weekNumber",
	    weeksnumber: "weekNumber",
	    weeknumbers: "weekNumber",
	    weekyear: "weekYear",
	    weekyears: "weekYear",
	    ordinal: "ordinal"
	  }[unit.toLowerCase()];
	  if (!normalized) throw new InvalidUnitError(unit);
	  return normalized;
	}
	function normalizeUnitWithLocalWeeks(unit) {
	  switch (unit.toLowerCase()) {
	    case "localweekday":
	    case "localweekdays":
	      return "localWeekday";
	    case "localweeknumber":
	    case "localweeknumbers":
	      return "localWeekNumber";
	    case "localweekyear":
	    case "localweekyears":
	      return "localWeekYear";
	    default:
	      return normalizeUnit(unit);
	  }
	}

	// cache offsets for zones based on the current timestamp when this function is
	// first called. When we are handling a datetime from components like (year,
	// month, day, hour) in a time zone, we need a guess about what the timezone
	// offset is so that we can convert into a UTC timestamp. One way is to find the
	// offset of now in the zone. The actual date may have a different offset (for
	// example, if we handle a date in June while we're in December in a zone that
	// observes DST), but we can check and adjust that.
	//
	// When handling many dates, calculating the offset for now every time is
	// expensive. It's just a guess, so we can cache the offset to use even if we
	// are right on a time change boundary (we'll just correct in the other
	// direction). Using a timestamp from first read is a slight optimization for
	// handling dates close to the current date, since those dates will usually be
	// in the same offset (we could set the timestamp statically, instead). We use a
	// single timestamp for all zones to make things a bit more predictable.
	//
	// This is safe for quickDT (used by local() and utc()) because we don't fill in
	// higher-order units from tsNow (as we do in fromObject, this requires that
	// offset is calculated from tsNow).
	/**
	 * @param {Zone} zone
	 * @return {number}
	 */
	function guessOffsetForZone(zone) {
	  if (zoneOffsetTs === undefined) {
	    zoneOffsetTs = Settings.now();
	  }

	  // Do not cache anything but IANA zones, because it is not safe to do so.
	  // Guessing an offset which is not present in the zone can cause wrong results from fixOffset
	  if (zone.type !== "iana") {
	    return zone.offset(zoneOffsetTs);
	  }
	  const zoneName = zone.name;
	  let offsetGuess = zoneOffsetGuessCache.get(zoneName);
	  if (offsetGuess === undefined) {
	    offsetGuess = zone.offset(zoneOffsetTs);
	    zoneOffsetGuessCache.set(zoneName, offsetGuess);
	  }
	  return offsetGuess;
	}

	// this is a dumbed down version of fromObject() that runs about 60% faster
	// but doesn't do any validation, makes a bunch of assumptions about what units
	// are present, and so on.
	function quickDT(obj, opts) {
	  const zone = normalizeZone(opts.zone, Settings.defaultZone);
	  if (!zone.isValid) {
	    return DateTime.invalid(unsupportedZone(zone));
	  }
	  const loc = Locale.fromObject(opts);
	  let ts, o;

	  // assume we have the higher-order units
	  if (!isUndefined(obj.year)) {
	    for (const u of orderedUnits) {
	      if (isUndefined(obj[u])) {
	        obj[u] = defaultUnitValues[u];
	      }
	    }
	    const invalid = hasInvalidGregorianData(obj) || hasInvalidTimeData(obj);
	    if (invalid) {
	      return DateTime.invalid(invalid);
	    }
	    const offsetProvis = guessOffsetForZone(zone);
	    [ts, o] = objToTS(obj, offsetProvis, zone);
	  } else {
	    ts = Settings.now();
	  }
	  return new DateTime({
	    ts,
	    zone,
	    loc,
	    o
	  });
	}
	function diffRelative(start, end, opts) {
	  const round = isUndefined(opts.round) ? true : opts.round,
	    rounding = isUndefined(opts.rounding) ? "trunc" : opts.rounding,
	    format = (c, unit) => {
	      c = roundTo(c, round || opts.calendary ? 0 : 2, opts.calendary ? "round" : rounding);
	      const formatter = end.loc.clone(opts).relFormatter(opts);
	      return formatter.format(c, unit);
	    },
	    differ = unit => {
	      if (opts.calendary) {
	        if (!end.hasSame(start, unit)) {
	          return end.startOf(unit).diff(start.startOf(unit), unit).get(unit);
	        } else return 0;
	      } else {
	        return end.diff(start, unit).get(unit);
	      }
	    };
	  if (opts.unit) {
	    return format(differ(opts.unit), opts.unit);
	  }
	  for (const unit of opts.units) {
	    const count = differ(unit);
	    if (Math.abs(count) >= 1) {
	      return format(count, unit);
	    }
	  }
	  return format(start > end ? -0 : 0, opts.units[opts.units.length - 1]);
	}
	function lastOpts(argList) {
	  let opts = {},
	    args;
	  if (argList.length > 0 && typeof argList[argList.length - 1] === "object") {
	    opts = argList[argList.length - 1];
	    args = Array.from(argList).slice(0, argList.length - 1);
	  } else {
	    args = Array.from(argList);
	  }
	  return [opts, args];
	}

	/**
	 * Timestamp to use for cached zone offset guesses (exposed for test)
	 */
	let zoneOffsetTs;
	/**
	 * Cache for zone offset guesses (exposed for test).
	 *
	 * This optimizes quickDT via guessOffsetForZone to avoid repeated calls of
	 * zone.offset().
	 */
	const zoneOffsetGuessCache = new Map();

	/**
	 * A DateTime is an immutable data structure representing a specific date and time and accompanying methods. It contains class and instance methods for creating, parsing, interrogating, transforming, and formatting them.
	 *
	 * A DateTime comprises of:
	 * * A timestamp. Each DateTime instance refers to a specific millisecond of the Unix epoch.
	 * * A time zone. Each instance is considered in the context of a specific zone (by default the local system's zone).
	 * * Configuration properties that effect how output strings are formatted, such as `locale`, `numberingSystem`, and `outputCalendar`.
	 *
	 * Here is a brief overview of the most commonly used functionality it provides:
	 *
	 * * **Creation**: To create a DateTime from its components, use one of its factory class methods: {@link DateTime.local}, {@link DateTime.utc}, and (most flexibly) {@link DateTime.fromObject}. To create one from a standard string format, use {@link DateTime.fromISO}, {@link DateTime.fromHTTP}, and {@link DateTime.fromRFC2822}. To create one from a custom string format, use {@link DateTime.fromFormat}. To create one from a native JS date, use {@link DateTime.fromJSDate}.
	 * * **Gregorian calendar and time**: To examine the Gregorian properties of a DateTime individually (i.e as opposed to collectively through {@link DateTime#toObject}), use the {@link DateTime#year}, {@link DateTime#month},
	 * {@link DateTime#day}, {@link DateTime#hour}, {@link DateTime#minute}, {@link DateTime#second}, {@link DateTime#millisecond} accessors.
	 * * **Week calendar**: For ISO week calendar attributes, see the {@link DateTime#weekYear}, {@link DateTime#weekNumber}, and {@link DateTime#weekday} accessors.
	 * * **Configuration** See the {@link DateTime#locale} and {@link DateTime#numberingSystem} accessors.
	 * * **Transformation**: To transform the DateTime into other DateTimes, use {@link DateTime#set}, {@link DateTime#reconfigure}, {@link DateTime#setZone}, {@link DateTime#setLocale}, {@link DateTime.plus}, {@link DateTime#minus}, {@link DateTime#endOf}, {@link DateTime#startOf}, {@link DateTime#toUTC}, and {@link DateTime#toLocal}.
	 * * **Output**: To convert the DateTime to other representations, use the {@link DateTime#toRelative}, {@link DateTime#toRelativeCalendar}, {@link DateTime#toJSON}, {@link DateTime#toISO}, {@link DateTime#toHTTP}, {@link DateTime#toObject}, {@link DateTime#toRFC2822}, {@link DateTime#toString}, {@link DateTime#toLocaleString}, {@link DateTime#toFormat}, {@link DateTime#toMillis} and {@link DateTime#toJSDate}.
	 *
	 * There's plenty others documented below. In addition, for more information on subtler topics like internationalization, time zones, alternative calendars, validity, and so on, see the external documentation.
	 */
	class DateTime {
	  /**
	   * @access private
	   */
	  constructor(config) {
	    const zone = config.zone || Settings.defaultZone;
	    let invalid = config.invalid || (Number.isNaN(config.ts) ? new Invalid("invalid input") : null) || (!zone.isValid ? unsupportedZone(zone) : null);
	    /**
	     * @access private
	     */
	    this.ts = isUndefined(config.ts) ? Settings.now() : config.ts;
	    let c = null,
	      o = null;
	    if (!invalid) {
	      const unchanged = config.old && config.old.ts === this.ts && config.old.zone.equals(zone);
	      if (unchanged) {
	        [c, o] = [config.old.c, config.old.o];
	      } else {
	        // If an offset has been passed and we have not been called from
	        // clone(), we can trust it and avoid the offset calculation.
	        const ot = isNumber(config.o) && !config.old ? config.o : zone.offset(this.ts);
	        c = tsToObj(this.ts, ot);
	        invalid = Number.isNaN(c.year) ? new Invalid("invalid input") : null;
	        c = invalid ? null : c;
	        o = invalid ? null : ot;
	      }
	    }

	    /**
	     * @access private
	     */
	    this._zone = zone;
	    /**
	     * @access private
	     */
	    this.loc = config.loc || Locale.create();
	    /**
	     * @access private
	     */
	    this.invalid = invalid;
	    /**
	     * @access private
	     */
	    this.weekData = null;
	    /**
	     * @access private
	     */
	    this.localWeekData = null;
	    /**
	     * @access private
	     */
	    this.c = c;
	    /**
	     * @access private
	     */
	    this.o = o;
	    /**
	     * @access private
	     */
	    this.isLuxonDateTime = true;
	  }

	  // CONSTRUCT

	  /**
	   * Create a DateTime for the current instant, in the system's time zone.
	   *
	   * Use Settings to override these default values if needed.
	   * @example DateTime.now().toISO() //~> now in the ISO format
	   * @return {DateTime}
	   */
	  static now() {
	    return new DateTime({});
	  }

	  /**
	   * Create a local DateTime
	   * @param {number} [year] - The calendar year. If omitted (as in, call `local()` with no arguments), the current time will be used
	   * @param {number} [month=1] - The month, 1-indexed
	   * @param {number} [day=1] - The day of the month, 1-indexed
	   * @param {number} [hour=0] - The hour of the day, in 24-hour time
	   * @param {number} [minute=0] - The minute of the hour, meaning a number between 0 and 59
	   * @param {number} [second=0] - The second of the minute, meaning a number between 0 and 59
	   * @param {number} [millisecond=0] - The millisecond of the second, meaning a number between 0 and 999
	   * @example DateTime.local()                                  //~> now
	   * @example DateTime.local({ zone: "America/New_York" })      //~> now, in US east coast time
	   * @example DateTime.local(2017)                              //~> 2017-01-01T00:00:00
	   * @example DateTime.local(2017, 3)                           //~> 2017-03-01T00:00:00
	   * @example DateTime.local(2017, 3, 12, { locale: "fr" })     //~> 2017-03-12T00:00:00, with a French locale
	   * @example DateTime.local(2017, 3, 12, 5)                    //~> 2017-03-12T05:00:00
	   * @example DateTime.local(2017, 3, 12, 5, { zone: "utc" })   //~> 2017-03-12T05:00:00, in UTC
	   * @example DateTime.local(2017, 3, 12, 5, 45)                //~> 2017-03-12T05:45:00
	   * @example DateTime.local(2017, 3, 12, 5, 45, 10)            //~> 2017-03-12T05:45:10
	   * @example DateTime.local(2017, 3, 12, 5, 45, 10, 765)       //~> 2017-03-12T05:45:10.765
	   * @return {DateTime}
	   */
	  static local() {
	    const [opts, args] = lastOpts(arguments),
	      [year, month, day, hour, minute, second, millisecond] = args;
	    return quickDT({
	      year,
	      month,
	      day,
	      hour,
	      minute,
	      second,
	      millisecond
	    }, opts);
	  }

	  /**
	   * Create a DateTime in UTC
	   * @param {number} [year] - The calendar year. If omitted (as in, call `utc()` with no arguments), the current time will be used
	   * @param {number} [month=1] - The month, 1-indexed
	   * @param {number} [day=1] - The day of the month
	   * @param {number} [hour=0] - The hour of the day, in 24-hour time
	   * @param {number} [minute=0] - The minute of the hour, meaning a number between 0 and 59
	   * @param {number} [second=0] - The second of the minute, meaning a number between 0 and 59
	   * @param {number} [millisecond=0] - The millisecond of the second, meaning a number between 0 and 999
	   * @param {Object} options - configuration options for the DateTime
	   * @param {string} [options.locale] - a locale to set on the resulting DateTime instance
	   * @param {string} [options.outputCalendar] - the output calendar to set on the resulting DateTime instance
	   * @param {string} [options.numberingSystem] - the numbering system to set on the resulting DateTime instance
	   * @param {string} [options.weekSettings] - the week settings to set on the resulting DateTime instance
	   * @example DateTime.utc()                                              //~> now
	   * @example DateTime.utc(2017)                                          //~> 2017-01-01T00:00:00Z
	   * @example DateTime.utc(2017, 3)                                       //~> 2017-03-01T00:00:00Z
	   * @example DateTime.utc(2017, 3, 12)                                   //~> 2017-03-12T00:00:00Z
	   * @example DateTime.utc(2017, 3, 12, 5)                                //~> 2017-03-12T05:00:00Z
	   * @example DateTime.utc(2017, 3, 12, 5, 45)                            //~> 2017-03-12T05:45:00Z
	   * @example DateTime.utc(2017, 3, 12, 5, 45, { locale: "fr" })          //~> 2017-03-12T05:45:00Z with a French locale
	   * @example DateTime.utc(2017, 3, 12, 5, 45, 10)                        //~> 2017-03-12T05:45:10Z
	   * @example DateTime.utc(2017, 3, 12, 5, 45, 10, 765, { locale: "fr" }) //~> 2017-03-12T05:45:10.765Z with a French locale
	   * @return {DateTime}
	   */
	  static utc() {
	    const [opts, args] = lastOpts(arguments),
	      [year, month, day, hour, minute, second, millisecond] = args;
	    opts.zone = FixedOffsetZone.utcInstance;
	    return quickDT({
	      year,
	      month,
	      day,
	      hour,
	      minute,
	      second,
	      millisecond
	    }, opts);
	  }

	  /**
	   * Create a DateTime from a JavaScript Date object. Uses the default zone.
	   * @param {Date} date - a JavaScript Date object
	   * @param {Object} options - configuration options for the DateTime
	   * @param {string|Zone} [options.zone='local'] - the zone to place the DateTime into
	   * @return {DateTime}
	   */
	  static fromJSDate(date, options = {}) {
	    const ts = isDate(date) ? date.valueOf() : NaN;
	    if (Number.isNaN(ts)) {
	      return DateTime.invalid("invalid input");
	    }
	    const zoneToUse = normalizeZone(options.zone, Settings.defaultZone);
	    if (!zoneToUse.isValid) {
	      return DateTime.invalid(unsupportedZone(zoneToUse));
	    }
	    return new DateTime({
	      ts: ts,
	      zone: zoneToUse,
	      loc: Locale.fromObject(options)
	    });
	  }

	  /**
	   * Create a DateTime from a number of milliseconds since the epoch (meaning since 1 January 1970 00:00:00 UTC). Uses the default zone.
	   * @param {number} milliseconds - a number of milliseconds since 1970 UTC
	   * @param {Object} options - configuration options for the DateTime
	   * @param {string|Zone} [options.zone='local'] - the zone to place the DateTime into
	   * @param {string} [options.locale] - a locale to set on the resulting DateTime instance
	   * @param {string} options.outputCalendar - the output calendar to set on the resulting DateTime instance
	   * @param {string} options.numberingSystem - the numbering system to set on the resulting DateTime instance
	   * @param {string} options.weekSettings - the week settings to set on the resulting DateTime instance
	   * @return {DateTime}
	   */
	  static fromMillis(milliseconds, options = {}) {
	    if (!isNumber(milliseconds)) {
	      throw new InvalidArgumentError(`fromMillis requires a numerical input, but received a ${typeof milliseconds} with value ${milliseconds}`);
	    } else if (milliseconds < -MAX_DATE || milliseconds > MAX_DATE) {
	      // this isn't perfect because we can still end up out of range because of additional shifting, but it's a start
	      return DateTime.invalid("Timestamp out of range");
	    } else {
	      return new DateTime({
	        ts: milliseconds,
	        zone: normalizeZone(options.zone, Settings.defaultZone),
	        loc: Locale.fromObject(options)
	      });
	    }
	  }

	  /**
	   * Create a DateTime from a number of seconds since the epoch (meaning since 1 January 1970 00:00:00 UTC). Uses the default zone.
	   * @param {number} seconds - a number of seconds since 1970 UTC
	   * @param {Object} options - configuration options for the DateTime
	   * @param {string|Zone} [options.zone='local'] - the zone to place the DateTime into
	   * @param {string} [options.locale] - a locale to set on the resulting DateTime instance
	   * @param {string} options.outputCalendar - the output calendar to set on the resulting DateTime instance
	   * @param {string} options.numberingSystem - the numbering system to set on the resulting DateTime instance
	   * @param {string} options.weekSettings - the week settings to set on the resulting DateTime instance
	   * @return {DateTime}
	   */
	  static fromSeconds(seconds, options = {}) {
	    if (!isNumber(seconds)) {
	      throw new InvalidArgumentError("fromSeconds requires a numerical input");
	    } else {
	      return new DateTime({
	        ts: seconds * 1000,
	        zone: normalizeZone(options.zone, Settings.defaultZone),
	        loc: Locale.fromObject(options)
	      });
	    }
	  }

	  /**
	   * Create a DateTime from a JavaScript object with keys like 'year' and 'hour' with reasonable defaults.
	   * @param {Object} obj - the object to create the DateTime from
	   * @param {number} obj.year - a year, such as 1987
	   * @param {number} obj.month - a month, 1-12
	   * @param {number} obj.day - a day of the month, 1-31, depending on the month
	   * @param {number} obj.ordinal - day of the year, 1-365 or 366
	   * @param {number} obj.weekYear - an ISO week year
	   * @param {number} obj.weekNumber - an ISO week number, between 1 and 52 or 53, depending on the year
	   * @param {number} obj.weekday - an ISO weekday, 1-7, where 1 is Monday and 7 is Sunday
	   * @param {number} obj.localWeekYear - a week year, according to the locale
	   * @param {number} obj.localWeekNumber - a week number, between 1 and 52 or 53, depending on the year, according to the locale
	   * @param {number} obj.localWeekday - a weekday, 1-7, where 1 is the first and 7 is the last day of the week, according to the locale
	   * @param {number} obj.hour - hour of the day, 0-23
	   * @param {number} obj.minute - minute of the hour, 0-59
	   * @param {number} obj.second - second of the minute, 0-59
	   * @param {number} obj.millisecond - millisecond of the second, 0-999
	   * @param {Object} opts - options for creating this DateTime
	   * @param {string|Zone} [opts.zone='local'] - interpret the numbers in the context of a particular zone. Can take any value taken as the first argument to setZone()
	   * @param {string} [opts.locale='system\'s locale'] - a locale to set on the resulting DateTime instance
	   * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
	   * @param {string} opts.numberingSystem - the numbering system to set on the resulting DateTime instance
	   * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
	   * @example DateTime.fromObject({ year: 1982, month: 5, day: 25}).toISODate() //=> '1982-05-25'
	   * @example DateTime.fromObject({ year: 1982 }).toISODate() //=> '1982-01-01'
	   * @example DateTime.fromObject({ hour: 10, minute: 26, second: 6 }) //~> today at 10:26:06
	   * @example DateTime.fromObject({ hour: 10, minute: 26, second: 6 }, { zone: 'utc' }),
	   * @example DateTime.fromObject({ hour: 10, minute: 26, second: 6 }, { zone: 'local' })
	   * @example DateTime.fromObject({ hour: 10, minute: 26, second: 6 }, { zone: 'America/New_York' })
	   * @example DateTime.fromObject({ weekYear: 2016, weekNumber: 2, weekday: 3 }).toISODate() //=> '2016-01-13'
	   * @example DateTime.fromObject({ localWeekYear: 2022, localWeekNumber: 1, localWeekday: 1 }, { locale: "en-US" }).toISODate() //=> '2021-12-26'
	   * @return {DateTime}
	   */
	  static fromObject(obj, opts = {}) {
	    obj = obj || {};
	    const zoneToUse = normalizeZone(opts.zone, Settings.defaultZone);
	    if (!zoneToUse.isValid) {
	      return DateTime.invalid(unsupportedZone(zoneToUse));
	    }
	    const loc = Locale.fromObject(opts);
	    const normalized = normalizeObject(obj, normalizeUnitWithLocalWeeks);
	    const {
	      minDaysInFirstWeek,
	      startOfWeek
	    } = usesLocalWeekValues(normalized, loc);
	    const tsNow = Settings.now(),
	      offsetProvis = !isUndefined(opts.specificOffset) ? opts.specificOffset : zoneToUse.offset(tsNow),
	      containsOrdinal = !isUndefined(normalized.ordinal),
	      containsGregorYear = !isUndefined(normalized.year),
	      containsGregorMD = !isUndefined(normalized.month) || !isUndefined(normalized.day),
	      containsGregor = containsGregorYear || containsGregorMD,
	      definiteWeekDef = normalized.weekYear || normalized.weekNumber;

	    // cases:
	    // just a weekday -> this week's instance of that weekday, no worries
	    // (gregorian data or ordinal) + (weekYear or weekNumber) -> error
	    // (gregorian month or day) + ordinal -> error
	    // otherwise just use weeks or ordinals or gregorian, depending on what's specified

	    if ((containsGregor || containsOrdinal) && definiteWeekDef) {
	      throw new ConflictingSpecificationError("Can't mix weekYear/weekNumber units with year/month/day or ordinals");
	    }
	    if (containsGregorMD && containsOrdinal) {
	      throw new ConflictingSpecificationError("Can't mix ordinal dates with month/day");
	    }
	    const useWeekData = definiteWeekDef || normalized.weekday && !containsGregor;

	    // configure ourselves to deal with gregorian dates or week stuff
	    let units,
	      defaultValues,
	      objNow = tsToObj(tsNow, offsetProvis);
	    if (useWeekData) {
	      units = orderedWeekUnits;
	      defaultValues = defaultWeekUnitValues;
	      objNow = gregorianToWeek(objNow, minDaysInFirstWeek, startOfWeek);
	    } else if (containsOrdinal) {
	      units = orderedOrdinalUnits;
	      defaultValues = defaultOrdinalUnitValues;
	      objNow = gregorianToOrdinal(objNow);
	    } else {
	      units = orderedUnits;
	      defaultValues = defaultUnitValues;
	    }

	    // set default values for missing stuff
	    let foundFirst = false;
	    for (const u of units) {
	      const v = normalized[u];
	      if (!isUndefined(v)) {
	        foundFirst = true;
	      } else if (foundFirst) {
	        normalized[u] = defaultValues[u];
	      } else {
	        normalized[u] = objNow[u];
	      }
	    }

	    // make sure the values we have are in range
	    const higherOrderInvalid = useWeekData ? hasInvalidWeekData(normalized, minDaysInFirstWeek, startOfWeek) : containsOrdinal ? hasInvalidOrdinalData(normalized) : hasInvalidGregorianData(normalized),
	      invalid = higherOrderInvalid || hasInvalidTimeData(normalized);
	    if (invalid) {
	      return DateTime.invalid(invalid);
	    }

	    // compute the actual time
	    const gregorian = useWeekData ? weekToGregorian(normalized, minDaysInFirstWeek, startOfWeek) : containsOrdinal ? ordinalToGregorian(normalized) : normalized,
	      [tsFinal, offsetFinal] = objToTS(gregorian, offsetProvis, zoneToUse),
	      inst = new DateTime({
	        ts: tsFinal,
	        zone: zoneToUse,
	        o: offsetFinal,
	        loc
	      });

	    // gregorian data + weekday serves only to validate
	    if (normalized.weekday && containsGregor && obj.weekday !== inst.weekday) {
	      return DateTime.invalid("mismatched weekday", `you can't specify both a weekday of ${normalized.weekday} and a date of ${inst.toISO()}`);
	    }
	    if (!inst.isValid) {
	      return DateTime.invalid(inst.invalid);
	    }
	    return inst;
	  }

	  /**
	   * Create a DateTime from an ISO 8601 string
	   * @param {string} text - the ISO string
	   * @param {Object} opts - options to affect the creation
	   * @param {string|Zone} [opts.zone='local'] - use this zone if no offset is specified in the input string itself. Will also convert the time to this zone
	   * @param {boolean} [opts.setZone=false] - override the zone with a fixed-offset zone specified in the string itself, if it specifies one
	   * @param {string} [opts.locale='system's locale'] - a locale to set on the resulting DateTime instance
	   * @param {string} [opts.outputCalendar] - the output calendar to set on the resulting DateTime instance
	   * @param {string} [opts.numberingSystem] - the numbering system to set on the resulting DateTime instance
	   * @param {string} [opts.weekSettings] - the week settings to set on the resulting DateTime instance
	   * @example DateTime.fromISO('2016-05-25T09:08:34.123')
	   * @example DateTime.fromISO('2016-05-25T09:08:34.123+06:00')
	   * @example DateTime.fromISO('2016-05-25T09:08:34.123+06:00', {setZone: true})
	   * @example DateTime.fromISO('2016-05-25T09:08:34.123', {zone: 'utc'})
	   * @example DateTime.fromISO('2016-W05-4')
	   * @return {DateTime}
	   */
	  static fromISO(text, opts = {}) {
	    const [vals, parsedZone] = parseISODate(text);
	    return parseDataToDateTime(vals, parsedZone, opts, "ISO 8601", text);
	  }

	  /**
	   * Create a DateTime from an RFC 2822 string
	   * @param {string} text - the RFC 2822 string
	   * @param {Object} opts - options to affect the creation
	   * @param {string|Zone} [opts.zone='local'] - convert the time to this zone. Since the offset is always specified in the string itself, this has no effect on the interpretation of string, merely the zone the resulting DateTime is expressed in.
	   * @param {boolean} [opts.setZone=false] - override the zone with a fixed-offset zone specified in the string itself, if it specifies one
	   * @param {string} [opts.locale='system's locale'] - a locale to set on the resulting DateTime instance
	   * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
	   * @param {string} opts.numberingSystem - the numbering system to set on the resulting DateTime instance
	   * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
	   * @example DateTime.fromRFC2822('25 Nov 2016 13:23:12 GMT')
	   * @example DateTime.fromRFC2822('Fri, 25 Nov 2016 13:23:12 +0600')
	   * @example DateTime.fromRFC2822('25 Nov 2016 13:23 Z')
	   * @return {DateTime}
	   */
	  static fromRFC2822(text, opts = {}) {
	    const [vals, parsedZone] = parseRFC2822Date(text);
	    return parseDataToDateTime(vals, parsedZone, opts, "RFC 2822", text);
	  }

	  /**
	   * Create a DateTime from an HTTP header date
	   * @see https://www.w3.org/Protocols/rfc2616/rfc2616-sec3.html#sec3.3.1
	   * @param {string} text - the HTTP header date
	   * @param {Object} opts - options to affect the creation
	   * @param {string|Zone} [opts.zone='local'] - convert the time to this zone. Since HTTP dates are always in UTC, this has no effect on the interpretation of string, merely the zone the resulting DateTime is expressed in.
	   * @param {boolean} [opts.setZone=false] - override the zone with the fixed-offset zone specified in the string. For HTTP dates, this is always UTC, so this option is equivalent to setting the `zone` option to 'utc', but this option is included for consistency with similar methods.
	   * @param {string} [opts.locale='system's locale'] - a locale to set on the resulting DateTime instance
	   * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
	   * @param {string} opts.numberingSystem - the numbering system to set on the resulting DateTime instance
	   * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
	   * @example DateTime.fromHTTP('Sun, 06 Nov 1994 08:49:37 GMT')
	   * @example DateTime.fromHTTP('Sunday, 06-Nov-94 08:49:37 GMT')
	   * @example DateTime.fromHTTP('Sun Nov  6 08:49:37 1994')
	   * @return {DateTime}
	   */
	  static fromHTTP(text, opts = {}) {
	    const [vals, parsedZone] = parseHTTPDate(text);
	    return parseDataToDateTime(vals, parsedZone, opts, "HTTP", opts);
	  }

	  /**
	   * Create a DateTime from an input string and format string.
	   * Defaults to en-US if no locale has been specified, regardless of the system's locale. For a table of tokens and their interpretations, see [here](https://moment.github.io/luxon/#/parsing?id=table-of-tokens).
	   * @param {string} text - the string to parse
	   * @param {string} fmt - the format the string is expected to be in (see the link below for the formats)
	   * @param {Object} opts - options to affect the creation
	   * @param {string|Zone} [opts.zone='local'] - use this zone if no offset is specified in the input string itself. Will also convert the DateTime to this zone
	   * @param {boolean} [opts.setZone=false] - override the zone with a zone specified in the string itself, if it specifies one
	   * @param {string} [opts.locale='en-US'] - a locale string to use when parsing. Will also set the DateTime to this locale
	   * @param {string} opts.numberingSystem - the numbering system to use when parsing. Will also set the resulting DateTime to this numbering system
	   * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
	   * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
	   * @return {DateTime}
	   */
	  static fromFormat(text, fmt, opts = {}) {
	    if (isUndefined(text) || isUndefined(fmt)) {
	      throw new InvalidArgumentError("fromFormat requires an input string and a format");
	    }
	    const {
	        locale = null,
	        numberingSystem = null
	      } = opts,
	      localeToUse = Locale.fromOpts({
	        locale,
	        numberingSystem,
	        defaultToEN: true
	      }),
	      [vals, parsedZone, specificOffset, invalid] = parseFromTokens(localeToUse, text, fmt);
	    if (invalid) {
	      return DateTime.invalid(invalid);
	    } else {
	      return parseDataToDateTime(vals, parsedZone, opts, `format ${fmt}`, text, specificOffset);
	    }
	  }

	  /**
	   * @deprecated use fromFormat instead
	   */
	  static fromString(text, fmt, opts = {}) {
	    return DateTime.fromFormat(text, fmt, opts);
	  }

	  /**
	   * Create a DateTime from a SQL date, time, or datetime
	   * Defaults to en-US if no locale has been specified, regardless of the system's locale
	   * @param {string} text - the string to parse
	   * @param {Object} opts - options to affect the creation
	   * @param {string|Zone} [opts.zone='local'] - use this zone if no offset is specified in the input string itself. Will also convert the DateTime to this zone
	   * @param {boolean} [opts.setZone=false] - override the zone with a zone specified in the string itself, if it specifies one
	   * @param {string} [opts.locale='en-US'] - a locale string to use when parsing. Will also set the DateTime to this locale
	   * @param {string} opts.numberingSystem - the numbering system to use when parsing. Will also set the resulting DateTime to this numbering system
	   * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
	   * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
	   * @example DateTime.fromSQL('2017-05-15')
	   * @example DateTime.fromSQL('2017-05-15 09:12:34')
	   * @example DateTime.fromSQL('2017-05-15 09:12:34.342')
	   * @example DateTime.fromSQL('2017-05-15 09:12:34.342+06:00')
	   * @example DateTime.fromSQL('2017-05-15 09:12:34.342 America/Los_Angeles')
	   * @example DateTime.fromSQL('2017-05-15 09:12:34.342 America/Los_Angeles', { setZone: true })
	   * @example DateTime.fromSQL('2017-05-15 09:12:34.342', { zone: 'America/Los_Angeles' })
	   * @example DateTime.fromSQL('09:12:34.342')
	   * @return {DateTime}
	   */
	  static fromSQL(text, opts = {}) {
	    const [vals, parsedZone] = parseSQL(text);
	    return parseDataToDateTime(vals, parsedZone, opts, "SQL", text);
	  }

	  /**
	   * Create an invalid DateTime.
	   * @param {string} reason - simple string of why this DateTime is invalid. Should not contain parameters or anything else data-dependent.
	   * @param {string} [explanation=null] - longer explanation, may include parameters and other useful debugging information
	   * @return {DateTime}
	   */
	  static invalid(reason, explanation = null) {
	    if (!reason) {
	      throw new InvalidArgumentError("need to specify a reason the DateTime is invalid");
	    }
	    const invalid = reason instanceof Invalid ? reason : new Invalid(reason, explanation);
	    if (Settings.throwOnInvalid) {
	      throw new InvalidDateTimeError(invalid);
	    } else {
	      return new DateTime({
	        invalid
	      });
	    }
	  }

	  /**
	   * Check if an object is an instance of DateTime. Works across context boundaries
	   * @param {object} o
	   * @return {boolean}
	   */
	  static isDateTime(o) {
	    return o && o.isLuxonDateTime || false;
	  }

	  /**
	   * Produce the format string for a set of options
	   * @param formatOpts
	   * @param localeOpts
	   * @returns {string}
	   */
	  static parseFormatForOpts(formatOpts, localeOpts = {}) {
	    const tokenList = formatOptsToTokens(formatOpts, Locale.fromObject(localeOpts));
	    return !tokenList ? null : tokenList.map(t => t ? t.val : null).join("");
	  }

	  /**
	   * Produce the the fully expanded format token for the locale
	   * Does NOT quote characters, so quoted tokens will not round trip correctly
	   * @param fmt
	   * @param localeOpts
	   * @returns {string}
	   */
	  static expandFormat(fmt, localeOpts = {}) {
	    const expanded = expandMacroTokens(Formatter.parseFormat(fmt), Locale.fromObject(localeOpts));
	    return expanded.map(t => t.val).join("");
	  }
	  static resetCache() {
	    zoneOffsetTs = undefined;
	    zoneOffsetGuessCache.clear();
	  }

	  // INFO

	  /**
	   * Get the value of unit.
	   * @param {string} unit - a unit such as 'minute' or 'day'
	   * @example DateTime.local(2017, 7, 4).get('month'); //=> 7
	   * @example DateTime.local(2017, 7, 4).get('day'); //=> 4
	   * @return {number}
	   */
	  get(unit) {
	    return this[unit];
	  }

	  /**
	   * Returns whether the DateTime is valid. Invalid DateTimes occur when:
	   * * The DateTime was created from invalid calendar information, such as the 13th month or February 30
	   * * The DateTime was created by an operation on another invalid date
	   * @type {boolean}
	   */
	  get isValid() {
	    return this.invalid === null;
	  }

	  /**
	   * Returns an error code if this DateTime is invalid, or null if the DateTime is valid
	   * @type {string}
	   */
	  get invalidReason() {
	    return this.invalid ? this.invalid.reason : null;
	  }

	  /**
	   * Returns an explanation of why this DateTime became invalid, or null if the DateTime is valid
	   * @type {string}
	   */
	  get invalidExplanation() {
	    return this.invalid ? this.invalid.explanation : null;
	  }

	  /**
	   * Get the locale of a DateTime, such 'en-GB'. The locale is used when formatting the DateTime
	   *
	   * @type {string}
	   */
	  get locale() {
	    return this.isValid ? this.loc.locale : null;
	  }

	  /**
	   * Get the numbering system of a DateTime, such 'beng'. The numbering system is used when formatting the DateTime
	   *
	   * @type {string}
	   */
	  get numberingSystem() {
	    return this.isValid ? this.loc.numberingSystem : null;
	  }

	  /**
	   * Get the output calendar of a DateTime, such 'islamic'. The output calendar is used when formatting the DateTime
	   *
	   * @type {string}
	   */
	  get outputCalendar() {
	    return this.isValid ? this.loc.outputCalendar : null;
	  }

	  /**
	   * Get the time zone associated with this DateTime.
	   * @type {Zone}
	   */
	  get zone() {
	    return this._zone;
	  }

	  /**
	   * Get the name of the time zone.
	   * @type {string}
	   */
	  get zoneName() {
	    return this.isValid ? this.zone.name : null;
	  }

	  /**
	   * Get the year
	   * @example DateTime.local(2017, 5, 25).year //=> 2017
	   * @type {number}
	   */
	  get year() {
	    return this.isValid ? this.c.year : NaN;
	  }

	  /**
	   * Get the quarter
	   * @example DateTime.local(2017, 5, 25).quarter //=> 2
	   * @type {number}
	   */
	  get quarter() {
	    return this.isValid ? Math.ceil(this.c.month / 3) : NaN;
	  }

	  /**
	   * Get the month (1-12).
	   * @example DateTime.local(2017, 5, 25).month //=> 5
	   * @type {number}
	   */
	  get month() {
	    return this.isValid ? this.c.month : NaN;
	  }

	  /**
	   * Get the day of the month (1-30ish).
	   * @example DateTime.local(2017, 5, 25).day //=> 25
	   * @type {number}
	   */
	  get day() {
	    return this.isValid ? this.c.day : NaN;
	  }

	  /**
	   * Get the hour of the day (0-23).
	   * @example DateTime.local(2017, 5, 25, 9).hour //=> 9
	   * @type {number}
	   */
	  get hour() {
	    return this.isValid ? this.c.hour : NaN;
	  }

	  /**
	   * Get the minute of the hour (0-59).
	   * @example DateTime.local(2017, 5, 25, 9, 30).minute //=> 30
	   * @type {number}
	   */
	  get minute() {
	    return this.isValid ? this.c.minute : NaN;
	  }

	  /**
	   * Get the second of the minute (0-59).
	   * @example DateTime.local(2017, 5, 25, 9, 30, 52).second //=> 52
	   * @type {number}
	   */
	  get second() {
	    return this.isValid ? this.c.second : NaN;
	  }

	  /**
	   * Get the millisecond of the second (0-999).
	   * @example DateTime.local(2017, 5, 25, 9, 30, 52, 654).millisecond //=> 654
	   * @type {number}
	   */
	  get millisecond() {
	    return this.isValid ? this.c.millisecond : NaN;
	  }

	  /**
	   * Get the week year
	   * @see https://en.wikipedia.org/wiki/ISO_week_date
	   * @example DateTime.local(2014, 12, 31).weekYear //=> 2015
	   * @type {number}
	   */
	  get weekYear() {
	    return this.isValid ? possiblyCachedWeekData(this).weekYear : NaN;
	  }

	  /**
	   * Get the week number of the week year (1-52ish).
	   * @see https://en.wikipedia.org/wiki/ISO_week_date
	   * @example DateTime.local(2017, 5, 25).weekNumber //=> 21
	   * @type {number}
	   */
	  get weekNumber() {
	    return this.isValid ? possiblyCachedWeekData(this).weekNumber : NaN;
	  }

	  /**
	   * Get the day of the week.
	   * 1 is Monday and 7 is Sunday
	   * @see https://en.wikipedia.org/wiki/ISO_week_date
	   * @example DateTime.local(2014, 11, 31).weekday //=> 4
	   * @type {number}
	   */
	  get weekday() {
	    return this.isValid ? possiblyCachedWeekData(this).weekday : NaN;
	  }

	  /**
	   * Returns true if this date is on a weekend according to the locale, false otherwise
	   * @returns {boolean}
	   */
	  get isWeekend() {
	    return this.isValid && this.loc.getWeekendDays().includes(this.weekday);
	  }

	  /**
	   * Get the day of the week according to the locale.
	   * 1 is the first day of the week and 7 is the last day of the week.
	   * If the locale assigns Sunday as the first day of the week, then a date which is a Sunday will return 1,
	   * @returns {number}
	   */
	  get localWeekday() {
	    return this.isValid ? possiblyCachedLocalWeekData(this).weekday : NaN;
	  }

	  /**
	   * Get the week number of the week year according to the locale. Different locales assign week numbers differently,
	   * because the week can start on different days of the week (see localWeekday) and because a different number of days
	   * is required for a week to count as the first week of a year.
	   * @returns {number}
	   */
	  get localWeekNumber() {
	    return this.isValid ? possiblyCachedLocalWeekData(this).weekNumber : NaN;
	  }

	  /**
	   * Get the week year according to the locale. Different locales assign week numbers (and therefor week years)
	   * differently, see localWeekNumber.
	   * @returns {number}
	   */
	  get localWeekYear() {
	    return this.isValid ? possiblyCachedLocalWeekData(this).weekYear : NaN;
	  }

	  /**
	   * Get the ordinal (meaning the day of the year)
	   * @example DateTime.local(2017, 5, 25).ordinal //=> 145
	   * @type {number|DateTime}
	   */
	  get ordinal() {
	    return this.isValid ? gregorianToOrdinal(this.c).ordinal : NaN;
	  }

	  /**
	   * Get the human readable short month name, such as 'Oct'.
	   * Defaults to the system's locale if no locale has been specified
	   * @example DateTime.local(2017, 10, 30).monthShort //=> Oct
	   * @type {string}
	   */
	  get monthShort() {
	    return this.isValid ? Info.months("short", {
	      locObj: this.loc
	    })[this.month - 1] : null;
	  }

	  /**
	   * Get the human readable long month name, such as 'October'.
	   * Defaults to the system's locale if no locale has been specified
	   * @example DateTime.local(2017, 10, 30).monthLong //=> October
	   * @type {string}
	   */
	  get monthLong() {
	    return this.isValid ? Info.months("long", {
	      locObj: this.loc
	    })[this.month - 1] : null;
	  }

	  /**
	   * Get the human readable short weekday, such as 'Mon'.
	   * Defaults to the system's locale if no locale has been specified
	   * @example DateTime.local(2017, 10, 30).weekdayShort //=> Mon
	   * @type {string}
	   */
	  get weekdayShort() {
	    return this.isValid ? Info.weekdays("short", {
	      locObj: this.loc
	    })[this.weekday - 1] : null;
	  }

	  /**
	   * Get the human readable long weekday, such as 'Monday'.
	   * Defaults to the system's locale if no locale has been specified
	   * @example DateTime.local(2017, 10, 30).weekdayLong //=> Monday
	   * @type {string}
	   */
	  get weekdayLong() {
	    return this.isValid ? Info.weekdays("long", {
	      locObj: this.loc
	    })[this.weekday - 1] : null;
	  }

	  /**
	   * Get the UTC offset of this DateTime in minutes
	   * @example DateTime.now().offset //=> -240
	   * @example DateTime.utc().offset //=> 0
	   * @type {number}
	   */
	  get offset() {
	    return this.isValid ? +this.o : NaN;
	  }

	  /**
	   * Get the short human name for the zone's current offset, for example "EST" or "EDT".
	   * Defaults to the system's locale if no locale has been specified
	   * @type {string}
	   */
	  get offsetNameShort() {
	    if (this.isValid) {
	      return this.zone.offsetName(this.ts, {
	        format: "short",
	        locale: this.locale
	      });
	    } else {
	      return null;
	    }
	  }

	  /**
	   * Get the long human name for the zone's current offset, for example "Eastern Standard Time" or "Eastern Daylight Time".
	   * Defaults to the system's locale if no locale has been specified
	   * @type {string}
	   */
	  get offsetNameLong() {
	    if (this.isValid) {
	      return this.zone.offsetName(this.ts, {
	        format: "long",
	        locale: this.locale
	      });
	    } else {
	      return null;
	    }
	  }

	  /**
	   * Get whether this zone's offset ever changes, as in a DST.
	   * @type {boolean}
	   */
	  get isOffsetFixed() {
	    return this.isValid ? this.zone.isUniversal : null;
	  }

	  /**
	   * Get whether the DateTime is in a DST.
	   * @type {boolean}
	   */
	  get isInDST() {
	    if (this.isOffsetFixed) {
	      return false;
	    } else {
	      return this.offset > this.set({
	        month: 1,
	        day: 1
	      }).offset || this.offset > this.set({
	        month: 5
	      }).offset;
	    }
	  }

	  /**
	   * Get those DateTimes which have the same local time as this DateTime, but a different offset from UTC
	   * in this DateTime's zone. During DST changes local time can be ambiguous, for example
	   * `2023-10-29T02:30:00` in `Europe/Berlin` can have offset `+01:00` or `+02:00`.
	   * This method will return both possible DateTimes if this DateTime's local time is ambiguous.
	   * @returns {DateTime[]}
	   */
	  getPossibleOffsets() {
	    if (!this.isValid || this.isOffsetFixed) {
	      return [this];
	    }
	    const dayMs = 86400000;
	    const minuteMs = 60000;
	    const localTS = objToLocalTS(this.c);
	    const oEarlier = this.zone.offset(localTS - dayMs);
	    const oLater = this.zone.offset(localTS + dayMs);
	    const o1 = this.zone.offset(localTS - oEarlier * minuteMs);
	    const o2 = this.zone.offset(localTS - oLater * minuteMs);
	    if (o1 === o2) {
	      return [this];
	    }
	    const ts1 = localTS - o1 * minuteMs;
	    const ts2 = localTS - o2 * minuteMs;
	    const c1 = tsToObj(ts1, o1);
	    const c2 = tsToObj(ts2, o2);
	    if (c1.hour === c2.hour && c1.minute === c2.minute && c1.second === c2.second && c1.millisecond === c2.millisecond) {
	      return [clone(this, {
	        ts: ts1
	      }), clone(this, {
	        ts: ts2
	      })];
	    }
	    return [this];
	  }

	  /**
	   * Returns true if this DateTime is in a leap year, false otherwise
	   * @example DateTime.local(2016).isInLeapYear //=> true
	   * @example DateTime.local(2013).isInLeapYear //=> false
	   * @type {boolean}
	   */
	  get isInLeapYear() {
	    return isLeapYear(this.year);
	  }

	  /**
	   * Returns the number of days in this DateTime's month
	   * @example DateTime.local(2016, 2).daysInMonth //=> 29
	   * @example DateTime.local(2016, 3).daysInMonth //=> 31
	   * @type {number}
	   */
	  get daysInMonth() {
	    return daysInMonth(this.year, this.month);
	  }

	  /**
	   * Returns the number of days in this DateTime's year
	   * @example DateTime.local(2016).daysInYear //=> 366
	   * @example DateTime.local(2013).daysInYear //=> 365
	   * @type {number}
	   */
	  get daysInYear() {
	    return this.isValid ? daysInYear(this.year) : NaN;
	  }

	  /**
	   * Returns the number of weeks in this DateTime's year
	   * @see https://en.wikipedia.org/wiki/ISO_week_date
	   * @example DateTime.local(2004).weeksInWeekYear //=> 53
	   * @example DateTime.local(2013).weeksInWeekYear //=> 52
	   * @type {number}
	   */
	  get weeksInWeekYear() {
	    return this.isValid ? weeksInWeekYear(this.weekYear) : NaN;
	  }

	  /**
	   * Returns the number of weeks in this DateTime's local week year
	   * @example DateTime.local(2020, 6, {locale: 'en-US'}).weeksInLocalWeekYear //=> 52
	   * @example DateTime.local(2020, 6, {locale: 'de-DE'}).weeksInLocalWeekYear //=> 53
	   * @type {number}
	   */
	  get weeksInLocalWeekYear() {
	    return this.isValid ? weeksInWeekYear(this.localWeekYear, this.loc.getMinDaysInFirstWeek(), this.loc.getStartOfWeek()) : NaN;
	  }

	  /**
	   * Returns the resolved Intl options for this DateTime.
	   * This is useful in understanding the behavior of formatting methods
	   * @param {Object} opts - the same options as toLocaleString
	   * @return {Object}
	   */
	  resolvedLocaleOptions(opts = {}) {
	    const {
	      locale,
	      numberingSystem,
	      calendar
	    } = Formatter.create(this.loc.clone(opts), opts).resolvedOptions(this);
	    return {
	      locale,
	      numberingSystem,
	      outputCalendar: calendar
	    };
	  }

	  // TRANSFORM

	  /**
	   * "Set" the DateTime's zone to UTC. Returns a newly-constructed DateTime.
	   *
	   * Equivalent to {@link DateTime#setZone}('utc')
	   * @param {number} [offset=0] - optionally, an offset from UTC in minutes
	   * @param {Object} [opts={}] - options to pass to `setZone()`
	   * @return {DateTime}
	   */
	  toUTC(offset = 0, opts = {}) {
	    return this.setZone(FixedOffsetZone.instance(offset), opts);
	  }

	  /**
	   * "Set" the DateTime's zone to the host's local zone. Returns a newly-constructed DateTime.
	   *
	   * Equivalent to `setZone('local')`
	   * @return {DateTime}
	   */
	  toLocal() {
	    return this.setZone(Settings.defaultZone);
	  }

	  /**
	   * "Set" the DateTime's zone to specified zone. Returns a newly-constructed DateTime.
	   *
	   * By default, the setter keeps the underlying time the same (as in, the same timestamp), but the new instance will report different local times and consider DSTs when making computations, as with {@link DateTime#plus}. You may wish to use {@link DateTime#toLocal} and {@link DateTime#toUTC} which provide simple convenience wrappers for commonly used zones.
	   * @param {string|Zone} [zone='local'] - a zone identifier. As a string, that can be any IANA zone supported by the host environment, or a fixed-offset name of the form 'UTC+3', or the strings 'local' or 'utc'. You may also supply an instance of a {@link DateTime#Zone} class.
	   * @param {Object} opts - options
	   * @param {boolean} [opts.keepLocalTime=false] - If true, adjust the underlying time so that the local time stays the same, but in the target zone. You should rarely need this.
	   * @return {DateTime}
	   */
	  setZone(zone, {
	    keepLocalTime = false,
	    keepCalendarTime = false
	  } = {}) {
	    zone = normalizeZone(zone, Settings.defaultZone);
	    if (zone.equals(this.zone)) {
	      return this;
	    } else if (!zone.isValid) {
	      return DateTime.invalid(unsupportedZone(zone));
	    } else {
	      let newTS = this.ts;
	      if (keepLocalTime || keepCalendarTime) {
	        const offsetGuess = zone.offset(this.ts);
	        const asObj = this.toObject();
	        [newTS] = objToTS(asObj, offsetGuess, zone);
	      }
	      return clone(this, {
	        ts: newTS,
	        zone
	      });
	    }
	  }

	  /**
	   * "Set" the locale, numberingSystem, or outputCalendar. Returns a newly-constructed DateTime.
	   * @param {Object} properties - the properties to set
	   * @example DateTime.local(2017, 5, 25).reconfigure({ locale: 'en-GB' })
	   * @return {DateTime}
	   */
	  reconfigure({
	    locale,
	    numberingSystem,
	    outputCalendar
	  } = {}) {
	    const loc = this.loc.clone({
	      locale,
	      numberingSystem,
	      outputCalendar
	    });
	    return clone(this, {
	      loc
	    });
	  }

	  /**
	   * "Set" the locale. Returns a newly-constructed DateTime.
	   * Just a convenient alias for reconfigure({ locale })
	   * @example DateTime.local(2017, 5, 25).setLocale('en-GB')
	   * @return {DateTime}
	   */
	  setLocale(locale) {
	    return this.reconfigure({
	      locale
	    });
	  }

	  /**
	   * "Set" the values of specified units. Returns a newly-constructed DateTime.
	   * You can only set units with this method; for "setting" metadata, see {@link DateTime#reconfigure} and {@link DateTime#setZone}.
	   *
	   * This method also supports setting locale-based week units, i.e. `localWeekday`, `localWeekNumber` and `localWeekYear`.
	   * They cannot be mixed with ISO-week units like `weekday`.
	   * @param {Object} values - a mapping of units to numbers
	   * @example dt.set({ year: 2017 })
	   * @example dt.set({ hour: 8, minute: 30 })
	   * @example dt.set({ weekday: 5 })
	   * @example dt.set({ year: 2005, ordinal: 234 })
	   * @return {DateTime}
	   */
	  set(values) {
	    if (!this.isValid) return this;
	    const normalized = normalizeObject(values, normalizeUnitWithLocalWeeks);
	    const {
	      minDaysInFirstWeek,
	      startOfWeek
	    } = usesLocalWeekValues(normalized, this.loc);
	    const settingWeekStuff = !isUndefined(normalized.weekYear) || !isUndefined(normalized.weekNumber) || !isUndefined(normalized.weekday),
	      containsOrdinal = !isUndefined(normalized.ordinal),
	      containsGregorYear = !isUndefined(normalized.year),
	      containsGregorMD = !isUndefined(normalized.month) || !isUndefined(normalized.day),
	      containsGregor = containsGregorYear || containsGregorMD,
	      definiteWeekDef = normalized.weekYear || normalized.weekNumber;
	    if ((containsGregor || containsOrdinal) && definiteWeekDef) {
	      throw new ConflictingSpecificationError("Can't mix weekYear/weekNumber units with year/month/day or ordinals");
	    }
	    if (containsGregorMD && containsOrdinal) {
	      throw new ConflictingSpecificationError("Can't mix ordinal dates with month/day");
	    }
	    let mixed;
	    if (settingWeekStuff) {
	      mixed = weekToGregorian({
	        ...gregorianToWeek(this.c, minDaysInFirstWeek, startOfWeek),
	        ...normalized
	      }, minDaysInFirstWeek, startOfWeek);
	    } else if (!isUndefined(normalized.ordinal)) {
	      mixed = ordinalToGregorian({
	        ...gregorianToOrdinal(this.c),
	        ...normalized
	      });
	    } else {
	      mixed = {
	        ...this.toObject(),
	        ...normalized
	      };

	      // if we didn't set the day but we ended up on an overflow date,
	      // use the last day of the right month
	      if (isUndefined(normalized.day)) {
	        mixed.day = Math.min(daysInMonth(mixed.year, mixed.month), mixed.day);
	      }
	    }
	    const [ts, o] = objToTS(mixed, this.o, this.zone);
	    return clone(this, {
	      ts,
	      o
	    });
	  }

	  /**
	   * Add a period of time to this DateTime and return the resulting DateTime
	   *
	   * Adding hours, minutes, seconds, or milliseconds increases the timestamp by the right number of milliseconds. Adding days, months, or years shifts the calendar, accounting for DSTs and leap years along the way. Thus, `dt.plus({ hours: 24 })` may result in a different time than `dt.plus({ days: 1 })` if there's a DST shift in between.
	   * @param {Duration|Object|number} duration - The amount to add. Either a Luxon Duration, a number of milliseconds, the object argument to Duration.fromObject()
	   * @example DateTime.now().plus(123) //~> in 123 milliseconds
	   * @example DateTime.now().plus({ minutes: 15 }) //~> in 15 minutes
	   * @example DateTime.now().plus({ days: 1 }) //~> this time tomorrow
	   * @example DateTime.now().plus({ days: -1 }) //~> this time yesterday
	   * @example DateTime.now().plus({ hours: 3, minutes: 13 }) //~> in 3 hr, 13 min
	   * @example DateTime.now().plus(Duration.fromObject({ hours: 3, minutes: 13 })) //~> in 3 hr, 13 min
	   * @return {DateTime}
	   */
	  plus(duration) {
	    if (!this.isValid) return this;
	    const dur = Duration.fromDurationLike(duration);
	    return clone(this, adjustTime(this, dur));
	  }

	  /**
	   * Subtract a period of time to this DateTime and return the resulting DateTime
	   * See {@link DateTime#plus}
	   * @param {Duration|Object|number} duration - The amount to subtract. Either a Luxon Duration, a number of milliseconds, the object argument to Duration.fromObject()
	   @return {DateTime}
	   */
	  minus(duration) {
	    if (!this.isValid) return this;
	    const dur = Duration.fromDurationLike(duration).negate();
	    return clone(this, adjustTime(this, dur));
	  }

	  /**
	   * "Set" this DateTime to the beginning of a unit of time.
	   * @param {string} unit - The unit to go to the beginning of. Can be 'year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second', or 'millisecond'.
	   * @param {Object} opts - options
	   * @param {boolean} [opts.useLocaleWeeks=false] - If true, use weeks based on the locale, i.e. use the locale-dependent start of the week
	   * @example DateTime.local(2014, 3, 3).startOf('month').toISODate(); //=> '2014-03-01'
	   * @example DateTime.local(2014, 3, 3).startOf('year').toISODate(); //=> '2014-01-01'
	   * @example DateTime.local(2014, 3, 3).startOf('week').toISODate(); //=> '2014-03-03', weeks always start on Mondays
	   * @example DateTime.local(2014, 3, 3, 5, 30).startOf('day').toISOTime(); //=> '00:00.000-05:00'
	   * @example DateTime.local(2014, 3, 3, 5, 30).startOf('hour').toISOTime(); //=> '05:00:00.000-05:00'
	   * @return {DateTime}
	   */
	  startOf(unit, {
	    useLocaleWeeks = false
	  } = {}) {
	    if (!this.isValid) return this;
	    const o = {},
	      normalizedUnit = Duration.normalizeUnit(unit);
	    switch (normalizedUnit) {
	      case "years":
	        o.month = 1;
	      // falls through
	      case "quarters":
	      case "months":
	        o.day = 1;
	      // falls through
	      case "weeks":
	      case "days":
	        o.hour = 0;
	      // falls through
	      case "hours":
	        o.minute = 0;
	      // falls through
	      case "minutes":
	        o.second = 0;
	      // falls through
	      case "seconds":
	        o.millisecond = 0;
	        break;
	      // no default, invalid units throw in normalizeUnit()
	    }

	    if (normalizedUnit === "weeks") {
	      if (useLocaleWeeks) {
	        const startOfWeek = this.loc.getStartOfWeek();
	        const {
	          weekday
	        } = this;
	        if (weekday < startOfWeek) {
	          o.weekNumber = this.weekNumber - 1;
	        }
	        o.weekday = startOfWeek;
	      } else {
	        o.weekday = 1;
	      }
	    }
	    if (normalizedUnit === "quarters") {
	      const q = Math.ceil(this.month / 3);
	      o.month = (q - 1) * 3 + 1;
	    }
	    return this.set(o);
	  }

	  /**
	   * "Set" this DateTime to the end (meaning the last millisecond) of a unit of time
	   * @param {string} unit - The unit to go to the end of. Can be 'year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second', or 'millisecond'.
	   * @param {Object} opts - options
	   * @param {boolean} [opts.useLocaleWeeks=false] - If true, use weeks based on the locale, i.e. use the locale-dependent start of the week
	   * @example DateTime.local(2014, 3, 3).endOf('month').toISO(); //=> '2014-03-31T23:59:59.999-05:00'
	   * @example DateTime.local(2014, 3, 3).endOf('year').toISO(); //=> '2014-12-31T23:59:59.999-05:00'
	   * @example DateTime.local(2014, 3, 3).endOf('week').toISO(); // => '2014-03-09T23:59:59.999-05:00', weeks start on Mondays
	   * @example DateTime.local(2014, 3, 3, 5, 30).endOf('day').toISO(); //=> '2014-03-03T23:59:59.999-05:00'
	   * @example DateTime.local(2014, 3, 3, 5, 30).endOf('hour').toISO(); //=> '2014-03-03T05:59:59.999-05:00'
	   * @return {DateTime}
	   */
	  endOf(unit, opts) {
	    return this.isValid ? this.plus({
	      [unit]: 1
	    }).startOf(unit, opts).minus(1) : this;
	  }

	  // OUTPUT

	  /**
	   * Returns a string representation of this DateTime formatted according to the specified format string.
	   * **You may not want this.** See {@link DateTime#toLocaleString} for a more flexible formatting tool. For a table of tokens and their interpretations, see [here](https://moment.github.io/luxon/#/formatting?id=table-of-tokens).
	   * Defaults to en-US if no locale has been specified, regardless of the system's locale.
	   * @param {string} fmt - the format string
	   * @param {Object} opts - opts to override the configuration options on this DateTime
	   * @example DateTime.now().toFormat('yyyy LLL dd') //=> '2017 Apr 22'
	   * @example DateTime.now().setLocale('fr').toFormat('yyyy LLL dd') //=> '2017 avr. 22'
	   * @example DateTime.now().toFormat('yyyy LLL dd', { locale: "fr" }) //=> '2017 avr. 22'
	   * @example DateTime.now().toFormat("HH 'hours and' mm 'minutes'") //=> '20 hours and 55 minutes'
	   * @return {string}
	   */
	  toFormat(fmt, opts = {}) {
	    return this.isValid ? Formatter.create(this.loc.redefaultToEN(opts)).formatDateTimeFromString(this, fmt) : INVALID;
	  }

	  /**
	   * Returns a localized string representing this date. Accepts the same options as the Intl.DateTimeFormat constructor and any presets defined by Luxon, such as `DateTime.DATE_FULL` or `DateTime.TIME_SIMPLE`.
	   * The exact behavior of this method is browser-specific, but in general it will return an appropriate representation
	   * of the DateTime in the assigned locale.
	   * Defaults to the system's locale if no locale has been specified
	   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat
	   * @param formatOpts {Object} - Intl.DateTimeFormat constructor options and configuration options
	   * @param {Object} opts - opts to override the configuration options on this DateTime
	   * @example DateTime.now().toLocaleString(); //=> 4/20/2017
	   * @example DateTime.now().setLocale('en-gb').toLocaleString(); //=> '20/04/2017'
	   * @example DateTime.now().toLocaleString(DateTime.DATE_FULL); //=> 'April 20, 2017'
	   * @example DateTime.now().toLocaleString(DateTime.DATE_FULL, { locale: 'fr' }); //=> '28 août 2022'
	   * @example DateTime.now().toLocaleString(DateTime.TIME_SIMPLE); //=> '11:32 AM'
	   * @example DateTime.now().toLocaleString(DateTime.DATETIME_SHORT); //=> '4/20/2017, 11:32 AM'
	   * @example DateTime.now().toLocaleString({ weekday: 'long', month: 'long', day: '2-digit' }); //=> 'Thursday, April 20'
	   * @example DateTime.now().toLocaleString({ weekday: 'short', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' }); //=> 'Thu, Apr 20, 11:27 AM'
	   * @example DateTime.now().toLocaleString({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }); //=> '11:32'
	   * @return {string}
	   */
	  toLocaleString(formatOpts = DATE_SHORT, opts = {}) {
	    return this.isValid ? Formatter.create(this.loc.clone(opts), formatOpts).formatDateTime(this) : INVALID;
	  }

	  /**
	   * Returns an array of format "parts", meaning individual tokens along with metadata. This is allows callers to post-process individual sections of the formatted output.
	   * Defaults to the system's locale if no locale has been specified
	   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat/formatToParts
	   * @param opts {Object} - Intl.DateTimeFormat constructor options, same as `toLocaleString`.
	   * @example DateTime.now().toLocaleParts(); //=> [
	   *                                   //=>   { type: 'day', value: '25' },
	   *                                   //=>   { type: 'literal', value: '/' },
	   *                                   //=>   { type: 'month', value: '05' },
	   *                                   //=>   { type: 'literal', value: '/' },
	   *                                   //=>   { type: 'year', value: '1982' }
	   *                                   //=> ]
	   */
	  toLocaleParts(opts = {}) {
	    return this.isValid ? Formatter.create(this.loc.clone(opts), opts).formatDateTimeParts(this) : [];
	  }

	  /**
	   * Returns an ISO 8601-compliant string representation of this DateTime
	   * @param {Object} opts - options
	   * @param {boolean} [opts.suppressMilliseconds=false] - exclude milliseconds from the format if they're 0
	   * @param {boolean} [opts.suppressSeconds=false] - exclude seconds from the format if they're 0
	   * @param {boolean} [opts.includeOffset=true] - include the offset, such as 'Z' or '-04:00'
	   * @param {boolean} [opts.extendedZone=false] - add the time zone format extension
	   * @param {string} [opts.format='extended'] - choose between the basic and extended format
	   * @param {string} [opts.precision='milliseconds'] - truncate output to desired presicion: 'years', 'months', 'days', 'hours', 'minutes', 'seconds' or 'milliseconds'. When precision and suppressSeconds or suppressMilliseconds are used together, precision sets the maximum unit shown in the output, however seconds or milliseconds will still be suppressed if they are 0.
	   * @example DateTime.utc(1983, 5, 25).toISO() //=> '1982-05-25T00:00:00.000Z'
	   * @example DateTime.now().toISO() //=> '2017-04-22T20:47:05.335-04:00'
	   * @example DateTime.now().toISO({ includeOffset: false }) //=> '2017-04-22T20:47:05.335'
	   * @example DateTime.now().toISO({ format: 'basic' }) //=> '20170422T204705.335-0400'
	   * @example DateTime.now().toISO({ precision: 'day' }) //=> '2017-04-22Z'
	   * @example DateTime.now().toISO({ precision: 'minute' }) //=> '2017-04-22T20:47Z'
	   * @return {string|null}
	   */
	  toISO({
	    format = "extended",
	    suppressSeconds = false,
	    suppressMilliseconds = false,
	    includeOffset = true,
	    extendedZone = false,
	    precision = "milliseconds"
	  } = {}) {
	    if (!this.isValid) {
	      return null;
	    }
	    precision = normalizeUnit(precision);
	    const ext = format === "extended";
	    let c = toISODate(this, ext, precision);
	    if (orderedUnits.indexOf(precision) >= 3) c += "T";
	    c += toISOTime(this, ext, suppressSeconds, suppressMilliseconds, includeOffset, extendedZone, precision);
	    return c;
	  }

	  /**
	   * Returns an ISO 8601-compliant string representation of this DateTime's date component
	   * @param {Object} opts - options
	   * @param {string} [opts.format='extended'] - choose between the basic and extended format
	   * @param {string} [opts.precision='day'] - truncate output to desired precision: 'years', 'months', or 'days'.
	   * @example DateTime.utc(1982, 5, 25).toISODate() //=> '1982-05-25'
	   * @example DateTime.utc(1982, 5, 25).toISODate({ format: 'basic' }) //=> '19820525'
	   * @example DateTime.utc(1982, 5, 25).toISODate({ precision: 'month' }) //=> '1982-05'
	   * @return {string|null}
	   */
	  toISODate({
	    format = "extended",
	    precision = "day"
	  } = {}) {
	    if (!this.isValid) {
	      return null;
	    }
	    return toISODate(this, format === "extended", normalizeUnit(precision));
	  }

	  /**
	   * Returns an ISO 8601-compliant string representation of this DateTime's week date
	   * @example DateTime.utc(1982, 5, 25).toISOWeekDate() //=> '1982-W21-2'
	   * @return {string}
	   */
	  toISOWeekDate() {
	    return toTechFormat(this, "kkkk-'W'WW-c");
	  }

	  /**
	   * Returns an ISO 8601-compliant string representation of this DateTime's time component
	   * @param {Object} opts - options
	   * @param {boolean} [opts.suppressMilliseconds=false] - exclude milliseconds from the format if they're 0
	   * @param {boolean} [opts.suppressSeconds=false] - exclude seconds from the format if they're 0
	   * @param {boolean} [opts.includeOffset=true] - include the offset, such as 'Z' or '-04:00'
	   * @param {boolean} [opts.extendedZone=true] - add the time zone format extension
	   * @param {boolean} [opts.includePrefix=false] - include the `T` prefix
	   * @param {string} [opts.format='extended'] - choose between the basic and extended format
	   * @param {string} [opts.precision='milliseconds'] - truncate output to desired presicion: 'hours', 'minutes', 'seconds' or 'milliseconds'. When precision and suppressSeconds or suppressMilliseconds are used together, precision sets the maximum unit shown in the output, however seconds or milliseconds will still be suppressed if they are 0.
	   * @example DateTime.utc().set({ hour: 7, minute: 34 }).toISOTime() //=> '07:34:19.361Z'
	   * @example DateTime.utc().set({ hour: 7, minute: 34, seconds: 0, milliseconds: 0 }).toISOTime({ suppressSeconds: true }) //=> '07:34Z'
	   * @example DateTime.utc().set({ hour: 7, minute: 34 }).toISOTime({ format: 'basic' }) //=> '073419.361Z'
	   * @example DateTime.utc().set({ hour: 7, minute: 34 }).toISOTime({ includePrefix: true }) //=> 'T07:34:19.361Z'
	   * @example DateTime.utc().set({ hour: 7, minute: 34, second: 56 }).toISOTime({ precision: 'minute' }) //=> '07:34Z'
	   * @return {string}
	   */
	  toISOTime({
	    suppressMilliseconds = false,
	    suppressSeconds = false,
	    includeOffset = true,
	    includePrefix = false,
	    extendedZone = false,
	    format = "extended",
	    precision = "milliseconds"
	  } = {}) {
	    if (!this.isValid) {
	      return null;
	    }
	    precision = normalizeUnit(precision);
	    let c = includePrefix && orderedUnits.indexOf(precision) >= 3 ? "T" : "";
	    return c + toISOTime(this, format === "extended", suppressSeconds, suppressMilliseconds, includeOffset, extendedZone, precision);
	  }

	  /**
	   * Returns an RFC 2822-compatible string representation of this DateTime
	   * @example DateTime.utc(2014, 7, 13).toRFC2822() //=> 'Sun, 13 Jul 2014 00:00:00 +0000'
	   * @example DateTime.local(2014, 7, 13).toRFC2822() //=> 'Sun, 13 Jul 2014 00:00:00 -0400'
	   * @return {string}
	   */
	  toRFC2822() {
	    return toTechFormat(this, "EEE, dd LLL yyyy HH:mm:ss ZZZ", false);
	  }

	  /**
	   * Returns a string representation of this DateTime appropriate for use in HTTP headers. The output is always expressed in GMT.
	   * Specifically, the string conforms to RFC 1123.
	   * @see https://www.w3.org/Protocols/rfc2616/rfc2616-sec3.html#sec3.3.1
	   * @example DateTime.utc(2014, 7, 13).toHTTP() //=> 'Sun, 13 Jul 2014 00:00:00 GMT'
	   * @example DateTime.utc(2014, 7, 13, 19).toHTTP() //=> 'Sun, 13 Jul 2014 19:00:00 GMT'
	   * @return {string}
	   */
	  toHTTP() {
	    return toTechFormat(this.toUTC(), "EEE, dd LLL yyyy HH:mm:ss 'GMT'");
	  }

	  /**
	   * Returns a string representation of this DateTime appropriate for use in SQL Date
	   * @example DateTime.utc(2014, 7, 13).toSQLDate() //=> '2014-07-13'
	   * @return {string|null}
	   */
	  toSQLDate() {
	    if (!this.isValid) {
	      return null;
	    }
	    return toISODate(this, true);
	  }

	  /**
	   * Returns a string representation of this DateTime appropriate for use in SQL Time
	   * @param {Object} opts - options
	   * @param {boolean} [opts.includeZone=false] - include the zone, such as 'America/New_York'. Overrides includeOffset.
	   * @param {boolean} [opts.includeOffset=true] - include the offset, such as 'Z' or '-04:00'
	   * @param {boolean} [opts.includeOffsetSpace=true] - include the space between the time and the offset, such as '05:15:16.345 -04:00'
	   * @example DateTime.utc().toSQL() //=> '05:15:16.345'
	   * @example DateTime.now().toSQL() //=> '05:15:16.345 -04:00'
	   * @example DateTime.now().toSQL({ includeOffset: false }) //=> '05:15:16.345'
	   * @example DateTime.now().toSQL({ includeZone: false }) //=> '05:15:16.345 America/New_York'
	   * @return {string}
	   */
	  toSQLTime({
	    includeOffset = true,
	    includeZone = false,
	    includeOffsetSpace = true
	  } = {}) {
	    let fmt = "HH:mm:ss.SSS";
	    if (includeZone || includeOffset) {
	      if (includeOffsetSpace) {
	        fmt += " ";
	      }
	      if (includeZone) {
	        fmt += "z";
	      } else if (includeOffset) {
	        fmt += "ZZ";
	      }
	    }
	    return toTechFormat(this, fmt, true);
	  }

	  /**
	   * Returns a string representation of this DateTime appropriate for use in SQL DateTime
	   * @param {Object} opts - options
	   * @param {boolean} [opts.includeZone=false] - include the zone, such as 'America/New_York'. Overrides includeOffset.
	   * @param {boolean} [opts.includeOffset=true] - include the offset, such as 'Z' or '-04:00'
	   * @param {boolean} [opts.includeOffsetSpace=true] - include the space between the time and the offset, such as '05:15:16.345 -04:00'
	   * @example DateTime.utc(2014, 7, 13).toSQL() //=> '2014-07-13 00:00:00.000 Z'
	   * @example DateTime.local(2014, 7, 13).toSQL() //=> '2014-07-13 00:00:00.000 -04:00'
	   * @example DateTime.local(2014, 7, 13).toSQL({ includeOffset: false }) //=> '2014-07-13 00:00:00.000'
	   * @example DateTime.local(2014, 7, 13).toSQL({ includeZone: true }) //=> '2014-07-13 00:00:00.000 America/New_York'
	   * @return {string}
	   */
	  toSQL(opts = {}) {
	    if (!this.isValid) {
	      return null;
	    }
	    return `${this.toSQLDate()} ${this.toSQLTime(opts)}`;
	  }

	  /**
	   * Returns a string representation of this DateTime appropriate for debugging
	   * @return {string}
	   */
	  toString() {
	    return this.isValid ? this.toISO() : INVALID;
	  }

	  /**
	   * Returns a string representation of this DateTime appropriate for the REPL.
	   * @return {string}
	   */
	  [Symbol.for("nodejs.util.inspect.custom")]() {
	    if (this.isValid) {
	      return `DateTime { ts: ${this.toISO()}, zone: ${this.zone.name}, locale: ${this.locale} }`;
	    } else {
	      return `DateTime { Invalid, reason: ${this.invalidReason} }`;
	    }
	  }

	  /**
	   * Returns the epoch milliseconds of this DateTime. Alias of {@link DateTime#toMillis}
	   * @return {number}
	   */
	  valueOf() {
	    return this.toMillis();
	  }

	  /**
	   * Returns the epoch milliseconds of this DateTime.
	   * @return {number}
	   */
	  toMillis() {
	    return this.isValid ? this.ts : NaN;
	  }

	  /**
	   * Returns the epoch seconds (including milliseconds in the fractional part) of this DateTime.
	   * @return {number}
	   */
	  toSeconds() {
	    return this.isValid ? this.ts / 1000 : NaN;
	  }

	  /**
	   * Returns the epoch seconds (as a whole number) of this DateTime.
	   * @return {number}
	   */
	  toUnixInteger() {
	    return this.isValid ? Math.floor(this.ts / 1000) : NaN;
	  }

	  /**
	   * Returns an ISO 8601 representation of this DateTime appropriate for use in JSON.
	   * @return {string}
	   */
	  toJSON() {
	    return this.toISO();
	  }

	  /**
	   * Returns a BSON serializable equivalent to this DateTime.
	   * @return {Date}
	   */
	  toBSON() {
	    return this.toJSDate();
	  }

	  /**
	   * Returns a JavaScript object with this DateTime's year, month, day, and so on.
	   * @param opts - options for generating the object
	   * @param {boolean} [opts.includeConfig=false] - include configuration attributes in the output
	   * @example DateTime.now().toObject() //=> { year: 2017, month: 4, day: 22, hour: 20, minute: 49, second: 42, millisecond: 268 }
	   * @return {Object}
	   */
	  toObject(opts = {}) {
	    if (!this.isValid) return {};
	    const base = {
	      ...this.c
	    };
	    if (opts.includeConfig) {
	      base.outputCalendar = this.outputCalendar;
	      base.numberingSystem = this.loc.numberingSystem;
	      base.locale = this.loc.locale;
	    }
	    return base;
	  }

	  /**
	   * Returns a JavaScript Date equivalent to this DateTime.
	   * @return {Date}
	   */
	  toJSDate() {
	    return new Date(this.isValid ? this.ts : NaN);
	  }

	  // COMPARE

	  /**
	   * Return the difference between two DateTimes as a Duration.
	   * @param {DateTime} otherDateTime - the DateTime to compare this one to
	   * @param {string|string[]} [unit=['milliseconds']] - the unit or array of units (such as 'hours' or 'days') to include in the duration.
	   * @param {Object} opts - options that affect the creation of the Duration
	   * @param {string} [opts.conversionAccuracy='casual'] - the conversion system to use
	   * @example
	   * var i1 = DateTime.fromISO('1982-05-25T09:45'),
	   *     i2 = DateTime.fromISO('1983-10-14T10:30');
	   * i2.diff(i1).toObject() //=> { milliseconds: 43807500000 }
	   * i2.diff(i1, 'hours').toObject() //=> { hours: 12168.75 }
	   * i2.diff(i1, ['months', 'days']).toObject() //=> { months: 16, days: 19.03125 }
	   * i2.diff(i1, ['months', 'days', 'hours']).toObject() //=> { months: 16, days: 19, hours: 0.75 }
	   * @return {Duration}
	   */
	  diff(otherDateTime, unit = "milliseconds", opts = {}) {
	    if (!this.isValid || !otherDateTime.isValid) {
	      return Duration.invalid("created by diffing an invalid DateTime");
	    }
	    const durOpts = {
	      locale: this.locale,
	      numberingSystem: this.numberingSystem,
	      ...opts
	    };
	    const units = maybeArray(unit).map(Duration.normalizeUnit),
	      otherIsLater = otherDateTime.valueOf() > this.valueOf(),
	      earlier = otherIsLater ? this : otherDateTime,
	      later = otherIsLater ? otherDateTime : this,
	      diffed = diff(earlier, later, units, durOpts);
	    return otherIsLater ? diffed.negate() : diffed;
	  }

	  /**
	   * Return the difference between this DateTime and right now.
	   * See {@link DateTime#diff}
	   * @param {string|string[]} [unit=['milliseconds']] - the unit or units units (such as 'hours' or 'days') to include in the duration
	   * @param {Object} opts - options that affect the creation of the Duration
	   * @param {string} [opts.conversionAccuracy='casual'] - the conversion system to use
	   * @return {Duration}
	   */
	  diffNow(unit = "milliseconds", opts = {}) {
	    return this.diff(DateTime.now(), unit, opts);
	  }

	  /**
	   * Return an Interval spanning between this DateTime and another DateTime
	   * @param {DateTime} otherDateTime - the other end point of the Interval
	   * @return {Interval|DateTime}
	   */
	  until(otherDateTime) {
	    return this.isValid ? Interval.fromDateTimes(this, otherDateTime) : this;
	  }

	  /**
	   * Return whether this DateTime is in the same unit of time as another DateTime.
	   * Higher-order units must also be identical for this function to return `true`.
	   * Note that time zones are **ignored** in this comparison, which compares the **local** calendar time. Use {@link DateTime#setZone} to convert one of the dates if needed.
	   * @param {DateTime} otherDateTime - the other DateTime
	   * @param {string} unit - the unit of time to check sameness on
	   * @param {Object} opts - options
	   * @param {boolean} [opts.useLocaleWeeks=false] - If true, use weeks based on the locale, i.e. use the locale-dependent start of the week; only the locale of this DateTime is used
	   * @example DateTime.now().hasSame(otherDT, 'day'); //~> true if otherDT is in the same current calendar day
	   * @return {boolean}
	   */
	  hasSame(otherDateTime, unit, opts) {
	    if (!this.isValid) return false;
	    const inputMs = otherDateTime.valueOf();
	    const adjustedToZone = this.setZone(otherDateTime.zone, {
	      keepLocalTime: true
	    });
	    return adjustedToZone.startOf(unit, opts) <= inputMs && inputMs <= adjustedToZone.endOf(unit, opts);
	  }

	  /**
	   * Equality check
	   * Two DateTimes are equal if and only if they represent the same millisecond, have the same zone and location, and are both valid.
	   * To compare just the millisecond values, use `+dt1 === +dt2`.
	   * @param {DateTime} other - the other DateTime
	   * @return {boolean}
	   */
	  equals(other) {
	    return this.isValid && other.isValid && this.valueOf() === other.valueOf() && this.zone.equals(other.zone) && this.loc.equals(other.loc);
	  }

	  /**
	   * Returns a string representation of a this time relative to now, such as "in two days". Can only internationalize if your
	   * platform supports Intl.RelativeTimeFormat. Rounds towards zero by default.
	   * @param {Object} options - options that affect the output
	   * @param {DateTime} [options.base=DateTime.now()] - the DateTime to use as the basis to which this time is compared. Defaults to now.
	   * @param {string} [options.style="long"] - the style of units, must be "long", "short", or "narrow"
	   * @param {string|string[]} options.unit - use a specific unit or array of units; if omitted, or an array, the method will pick the best unit. Use an array or one of "years", "quarters", "months", "weeks", "days", "hours", "minutes", or "seconds"
	   * @param {boolean} [options.round=true] - whether to round the numbers in the output.
	   * @param {string} [options.rounding="trunc"] - rounding method to use when rounding the numbers in the output. Can be "trunc" (toward zero), "expand" (away from zero), "round", "floor", or "ceil".
	   * @param {number} [options.padding=0] - padding in milliseconds. This allows you to round up the result if it fits inside the threshold. Don't use in combination with {round: false} because the decimal output will include the padding.
	   * @param {string} options.locale - override the locale of this DateTime
	   * @param {string} options.numberingSystem - override the numberingSystem of this DateTime. The Intl system may choose not to honor this
	   * @example DateTime.now().plus({ days: 1 }).toRelative() //=> "in 1 day"
	   * @example DateTime.now().setLocale("es").toRelative({ days: 1 }) //=> "dentro de 1 día"
	   * @example DateTime.now().plus({ days: 1 }).toRelative({ locale: "fr" }) //=> "dans 23 heures"
	   * @example DateTime.now().minus({ days: 2 }).toRelative() //=> "2 days ago"
	   * @example DateTime.now().minus({ days: 2 }).toRelative({ unit: "hours" }) //=> "48 hours ago"
	   * @example DateTime.now().minus({ hours: 36 }).toRelative({ round: false }) //=> "1.5 days ago"
	   */
	  toRelative(options = {}) {
	    if (!this.isValid) return null;
	    const base = options.base || DateTime.fromObject({}, {
	        zone: this.zone
	      }),
	      padding = options.padding ? this < base ? -options.padding : options.padding : 0;
	    let units = ["years", "months", "days", "hours", "minutes", "seconds"];
	    let unit = options.unit;
	    if (Array.isArray(options.unit)) {
	      units = options.unit;
	      unit = undefined;
	    }
	    return diffRelative(base, this.plus(padding), {
	      ...options,
	      numeric: "always",
	      units,
	      unit
	    });
	  }

	  /**
	   * Returns a string representation of this date relative to today, such as "yesterday" or "next month".
	   * Only internationalizes on platforms that supports Intl.RelativeTimeFormat.
	   * @param {Object} options - options that affect the output
	   * @param {DateTime} [options.base=DateTime.now()] - the DateTime to use as the basis to which this time is compared. Defaults to now.
	   * @param {string} options.locale - override the locale of this DateTime
	   * @param {string} options.unit - use a specific unit; if omitted, the method will pick the unit. Use one of "years", "quarters", "months", "weeks", or "days"
	   * @param {string} options.numberingSystem - override the numberingSystem of this DateTime. The Intl system may choose not to honor this
	   * @example DateTime.now().plus({ days: 1 }).toRelativeCalendar() //=> "tomorrow"
	   * @example DateTime.now().setLocale("es").plus({ days: 1 }).toRelative() //=> ""mañana"
	   * @example DateTime.now().plus({ days: 1 }).toRelativeCalendar({ locale: "fr" }) //=> "demain"
	   * @example DateTime.now().minus({ days: 2 }).toRelativeCalendar() //=> "2 days ago"
	   */
	  toRelativeCalendar(options = {}) {
	    if (!this.isValid) return null;
	    return diffRelative(options.base || DateTime.fromObject({}, {
	      zone: this.zone
	    }), this, {
	      ...options,
	      numeric: "auto",
	      units: ["years", "months", "days"],
	      calendary: true
	    });
	  }

	  /**
	   * Return the min of several date times
	   * @param {...DateTime} dateTimes - the DateTimes from which to choose the minimum
	   * @return {DateTime} the min DateTime, or undefined if called with no argument
	   */
	  static min(...dateTimes) {
	    if (!dateTimes.every(DateTime.isDateTime)) {
	      throw new InvalidArgumentError("min requires all arguments be DateTimes");
	    }
	    return bestBy(dateTimes, i => i.valueOf(), Math.min);
	  }

	  /**
	   * Return the max of several date times
	   * @param {...DateTime} dateTimes - the DateTimes from which to choose the maximum
	   * @return {DateTime} the max DateTime, or undefined if called with no argument
	   */
	  static max(...dateTimes) {
	    if (!dateTimes.every(DateTime.isDateTime)) {
	      throw new InvalidArgumentError("max requires all arguments be DateTimes");
	    }
	    return bestBy(dateTimes, i => i.valueOf(), Math.max);
	  }

	  // MISC

	  /**
	   * Explain how a string would be parsed by fromFormat()
	   * @param {string} text - the string to parse
	   * @param {string} fmt - the format the string is expected to be in (see description)
	   * @param {Object} options - options taken by fromFormat()
	   * @return {Object}
	   */
	  static fromFormatExplain(text, fmt, options = {}) {
	    const {
	        locale = null,
	        numberingSystem = null
	      } = options,
	      localeToUse = Locale.fromOpts({
	        locale,
	        numberingSystem,
	        defaultToEN: true
	      });
	    return explainFromTokens(localeToUse, text, fmt);
	  }

	  /**
	   * @deprecated use fromFormatExplain instead
	   */
	  static fromStringExplain(text, fmt, options = {}) {
	    return DateTime.fromFormatExplain(text, fmt, options);
	  }

	  /**
	   * Build a parser for `fmt` using the given locale. This parser can be passed
	   * to {@link DateTime.fromFormatParser} to a parse a date in this format. This
	   * can be used to optimize cases where many dates need to be parsed in a
	   * specific format.
	   *
	   * @param {String} fmt - the format the string is expected to be in (see
	   * description)
	   * @param {Object} options - options used to set locale and numberingSystem
	   * for parser
	   * @returns {TokenParser} - opaque object to be used
	   */
	  static buildFormatParser(fmt, options = {}) {
	    const {
	        locale = null,
	        numberingSystem = null
	      } = options,
	      localeToUse = Locale.fromOpts({
	        locale,
	        numberingSystem,
	        defaultToEN: true
	      });
	    return new TokenParser(localeToUse, fmt);
	  }

	  /**
	   * Create a DateTime from an input string and format parser.
	   *
	   * The format parser must have been created with the same locale as this call.
	   *
	   * @param {String} text - the string to parse
	   * @param {TokenParser} formatParser - parser from {@link DateTime.buildFormatParser}
	   * @param {Object} opts - options taken by fromFormat()
	   * @returns {DateTime}
	   */
	  static fromFormatParser(text, formatParser, opts = {}) {
	    if (isUndefined(text) || isUndefined(formatParser)) {
	      throw new InvalidArgumentError("fromFormatParser requires an input string and a format parser");
	    }
	    const {
	        locale = null,
	        numberingSystem = null
	      } = opts,
	      localeToUse = Locale.fromOpts({
	        locale,
	        numberingSystem,
	        defaultToEN: true
	      });
	    if (!localeToUse.equals(formatParser.locale)) {
	      throw new InvalidArgumentError(`fromFormatParser called with a locale of ${localeToUse}, ` + `but the format parser was created for ${formatParser.locale}`);
	    }
	    const {
	      result,
	      zone,
	      specificOffset,
	      invalidReason
	    } = formatParser.explainFromTokens(text);
	    if (invalidReason) {
	      return DateTime.invalid(invalidReason);
	    } else {
	      return parseDataToDateTime(result, zone, opts, `format ${formatParser.format}`, text, specificOffset);
	    }
	  }

	  // FORMAT PRESETS

	  /**
	   * {@link DateTime#toLocaleString} format like 10/14/1983
	   * @type {Object}
	   */
	  static get DATE_SHORT() {
	    return DATE_SHORT;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like 'Oct 14, 1983'
	   * @type {Object}
	   */
	  static get DATE_MED() {
	    return DATE_MED;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like 'Fri, Oct 14, 1983'
	   * @type {Object}
	   */
	  static get DATE_MED_WITH_WEEKDAY() {
	    return DATE_MED_WITH_WEEKDAY;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like 'October 14, 1983'
	   * @type {Object}
	   */
	  static get DATE_FULL() {
	    return DATE_FULL;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like 'Tuesday, October 14, 1983'
	   * @type {Object}
	   */
	  static get DATE_HUGE() {
	    return DATE_HUGE;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like '09:30 AM'. Only 12-hour if the locale is.
	   * @type {Object}
	   */
	  static get TIME_SIMPLE() {
	    return TIME_SIMPLE;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like '09:30:23 AM'. Only 12-hour if the locale is.
	   * @type {Object}
	   */
	  static get TIME_WITH_SECONDS() {
	    return TIME_WITH_SECONDS;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like '09:30:23 AM EDT'. Only 12-hour if the locale is.
	   * @type {Object}
	   */
	  static get TIME_WITH_SHORT_OFFSET() {
	    return TIME_WITH_SHORT_OFFSET;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like '09:30:23 AM Eastern Daylight Time'. Only 12-hour if the locale is.
	   * @type {Object}
	   */
	  static get TIME_WITH_LONG_OFFSET() {
	    return TIME_WITH_LONG_OFFSET;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like '09:30', always 24-hour.
	   * @type {Object}
	   */
	  static get TIME_24_SIMPLE() {
	    return TIME_24_SIMPLE;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like '09:30:23', always 24-hour.
	   * @type {Object}
	   */
	  static get TIME_24_WITH_SECONDS() {
	    return TIME_24_WITH_SECONDS;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like '09:30:23 EDT', always 24-hour.
	   * @type {Object}
	   */
	  static get TIME_24_WITH_SHORT_OFFSET() {
	    return TIME_24_WITH_SHORT_OFFSET;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like '09:30:23 Eastern Daylight Time', always 24-hour.
	   * @type {Object}
	   */
	  static get TIME_24_WITH_LONG_OFFSET() {
	    return TIME_24_WITH_LONG_OFFSET;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like '10/14/1983, 9:30 AM'. Only 12-hour if the locale is.
	   * @type {Object}
	   */
	  static get DATETIME_SHORT() {
	    return DATETIME_SHORT;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like '10/14/1983, 9:30:33 AM'. Only 12-hour if the locale is.
	   * @type {Object}
	   */
	  static get DATETIME_SHORT_WITH_SECONDS() {
	    return DATETIME_SHORT_WITH_SECONDS;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like 'Oct 14, 1983, 9:30 AM'. Only 12-hour if the locale is.
	   * @type {Object}
	   */
	  static get DATETIME_MED() {
	    return DATETIME_MED;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like 'Oct 14, 1983, 9:30:33 AM'. Only 12-hour if the locale is.
	   * @type {Object}
	   */
	  static get DATETIME_MED_WITH_SECONDS() {
	    return DATETIME_MED_WITH_SECONDS;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like 'Fri, 14 Oct 1983, 9:30 AM'. Only 12-hour if the locale is.
	   * @type {Object}
	   */
	  static get DATETIME_MED_WITH_WEEKDAY() {
	    return DATETIME_MED_WITH_WEEKDAY;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like 'October 14, 1983, 9:30 AM EDT'. Only 12-hour if the locale is.
	   * @type {Object}
	   */
	  static get DATETIME_FULL() {
	    return DATETIME_FULL;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like 'October 14, 1983, 9:30:33 AM EDT'. Only 12-hour if the locale is.
	   * @type {Object}
	   */
	  static get DATETIME_FULL_WITH_SECONDS() {
	    return DATETIME_FULL_WITH_SECONDS;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like 'Friday, October 14, 1983, 9:30 AM Eastern Daylight Time'. Only 12-hour if the locale is.
	   * @type {Object}
	   */
	  static get DATETIME_HUGE() {
	    return DATETIME_HUGE;
	  }

	  /**
	   * {@link DateTime#toLocaleString} format like 'Friday, October 14, 1983, 9:30:33 AM Eastern Daylight Time'. Only 12-hour if the locale is.
	   * @type {Object}
	   */
	  static get DATETIME_HUGE_WITH_SECONDS() {
	    return DATETIME_HUGE_WITH_SECONDS;
	  }
	}

	/**
	 * @private
	 */
	function friendlyDateTime(dateTimeish) {
	  if (DateTime.isDateTime(dateTimeish)) {
	    return dateTimeish;
	  } else if (dateTimeish && dateTimeish.valueOf && isNumber(dateTimeish.valueOf())) {
	    return DateTime.fromJSDate(dateTimeish);
	  } else if (dateTimeish && typeof dateTimeish === "object") {
	    return DateTime.fromObject(dateTimeish);
	  } else {
	    throw new InvalidArgumentError(`Unknown datetime argument: ${dateTimeish}, of type ${typeof dateTimeish}`);
	  }
	}

	const VERSION = "3.7.2";

	luxon.DateTime = DateTime;
	luxon.Duration = Duration;
	luxon.FixedOffsetZone = FixedOffsetZone;
	luxon.IANAZone = IANAZone;
	luxon.Info = Info;
	luxon.Interval = Interval;
	luxon.InvalidZone = InvalidZone;
	luxon.Settings = Settings;
	luxon.SystemZone = SystemZone;
	luxon.VERSION = VERSION;
	luxon.Zone = Zone;
	
	return luxon;
}

var date;
var hasRequiredDate;

function requireDate () {
	if (hasRequiredDate) return date;
	hasRequiredDate = 1;

	var luxon = /*@__PURE__*/ requireLuxon();

	CronDate.prototype.addYear = function() {
	  this._date = this._date.plus({ years: 1 });
	};

	CronDate.prototype.addMonth = function() {
	  this._date = this._date.plus({ months: 1 }).startOf('month');
	};

	CronDate.prototype.addDay = function() {
	  this._date = this._date.plus({ days: 1 }).startOf('day');
	};

	CronDate.prototype.addHour = function() {
	  var prev = this._date;
	  this._date = this._date.plus({ hours: 1 }).startOf('hour');
	  if (this._date <= prev) {
	    this._date = this._date.plus({ hours: 1 });
	  }
	};

	CronDate.prototype.addMinute = function() {
	  var prev = this._date;
	  this._date = this._date.plus({ minutes: 1 }).startOf('minute');
	  if (this._date < prev) {
	    this._date = this._date.plus({ hours: 1 });
	  }
	};

	CronDate.prototype.addSecond = function() {
	  var prev = this._date;
	  this._date = this._date.plus({ seconds: 1 }).startOf('second');
	  if (this._date < prev) {
	    this._date = this._date.plus({ hours: 1 });
	  }
	};

	CronDate.prototype.subtractYear = function() {
	  this._date = this._date.minus({ years: 1 });
	};

	CronDate.prototype.subtractMonth = function() {
	  this._date = this._date
	    .minus({ months: 1 })
	    .endOf('month')
	    .startOf('second');
	};

	CronDate.prototype.subtractDay = function() {
	  this._date = this._date
	    .minus({ days: 1 })
	    .endOf('day')
	    .startOf('second');
	};

	CronDate.prototype.subtractHour = function() {
	  var prev = this._date;
	  this._date = this._date
	    .minus({ hours: 1 })
	    .endOf('hour')
	    .startOf('second');
	  if (this._date >= prev) {
	    this._date = this._date.minus({ hours: 1 });
	  }
	};

	CronDate.prototype.subtractMinute = function() {
	  var prev = this._date;
	  this._date = this._date.minus({ minutes: 1 })
	    .endOf('minute')
	    .startOf('second');
	  if (this._date > prev) {
	    this._date = this._date.minus({ hours: 1 });
	  }
	};

	CronDate.prototype.subtractSecond = function() {
	  var prev = this._date;
	  this._date = this._date
	    .minus({ seconds: 1 })
	    .startOf('second');
	  if (this._date > prev) {
	    this._date = this._date.minus({ hours: 1 });
	  }
	};

	CronDate.prototype.getDate = function() {
	  return this._date.day;
	};

	CronDate.prototype.getFullYear = function() {
	  return this._date.year;
	};

	CronDate.prototype.getDay = function() {
	  var weekday = this._date.weekday;
	  return weekday == 7 ? 0 : weekday;
	};

	CronDate.prototype.getMonth = function() {
	  return this._date.month - 1;
	};

	CronDate.prototype.getHours = function() {
	  return this._date.hour;
	};

	CronDate.prototype.getMinutes = function() {
	  return this._date.minute;
	};

	CronDate.prototype.getSeconds = function() {
	  return this._date.second;
	};

	CronDate.prototype.getMilliseconds = function() {
	  return this._date.millisecond;
	};

	CronDate.prototype.getTime = function() {
	  return this._date.valueOf();
	};

	CronDate.prototype.getUTCDate = function() {
	  return this._getUTC().day;
	};

	CronDate.prototype.getUTCFullYear = function() {
	  return this._getUTC().year;
	};

	CronDate.prototype.getUTCDay = function() {
	  var weekday = this._getUTC().weekday;
	  return weekday == 7 ? 0 : weekday;
	};

	CronDate.prototype.getUTCMonth = function() {
	  return this._getUTC().month - 1;
	};

	CronDate.prototype.getUTCHours = function() {
	  return this._getUTC().hour;
	};

	CronDate.prototype.getUTCMinutes = function() {
	  return this._getUTC().minute;
	};

	CronDate.prototype.getUTCSeconds = function() {
	  return this._getUTC().second;
	};

	CronDate.prototype.toISOString = function() {
	  return this._date.toUTC().toISO();
	};

	CronDate.prototype.toJSON = function() {
	  return this._date.toJSON();
	};

	CronDate.prototype.setDate = function(d) {
	  this._date = this._date.set({ day: d });
	};

	CronDate.prototype.setFullYear = function(y) {
	  this._date = this._date.set({ year: y });
	};

	CronDate.prototype.setDay = function(d) {
	  this._date = this._date.set({ weekday: d });
	};

	CronDate.prototype.setMonth = function(m) {
	  this._date = this._date.set({ month: m + 1 });
	};

	CronDate.prototype.setHours = function(h) {
	  this._date = this._date.set({ hour: h });
	};

	CronDate.prototype.setMinutes = function(m) {
	  this._date = this._date.set({ minute: m });
	};

	CronDate.prototype.setSeconds = function(s) {
	  this._date = this._date.set({ second: s });
	};

	CronDate.prototype.setMilliseconds = function(s) {
	  this._date = this._date.set({ millisecond: s });
	};

	CronDate.prototype._getUTC = function() {
	  return this._date.toUTC();
	};

	CronDate.prototype.toString = function() {
	  return this.toDate().toString();
	};

	CronDate.prototype.toDate = function() {
	  return this._date.toJSDate();
	};

	CronDate.prototype.isLastDayOfMonth = function() {
	  //next day
	  var newDate = this._date.plus({ days: 1 }).startOf('day');
	  return this._date.month !== newDate.month;
	};

	/**
	 * Returns true when the current weekday is the last occurrence of this weekday
	 * for the present month.
	 */
	CronDate.prototype.isLastWeekdayOfMonth = function() {
	  // Check this by adding 7 days to the current date and seeing if it's
	  // a different month
	  var newDate = this._date.plus({ days: 7 }).startOf('day');
	  return this._date.month !== newDate.month;
	};

	function CronDate (timestamp, tz) {
	  var dateOpts = { zone: tz };
	  if (!timestamp) {
	    this._date = luxon.DateTime.local();
	  } else if (timestamp instanceof CronDate) {
	    this._date = timestamp._date;
	  } else if (timestamp instanceof Date) {
	    this._date = luxon.DateTime.fromJSDate(timestamp, dateOpts);
	  } else if (typeof timestamp === 'number') {
	    this._date = luxon.DateTime.fromMillis(timestamp, dateOpts);
	  } else if (typeof timestamp === 'string') {
	    this._date = luxon.DateTime.fromISO(timestamp, dateOpts);
	    this._date.isValid || (this._date = luxon.DateTime.fromRFC2822(timestamp, dateOpts));
	    this._date.isValid || (this._date = luxon.DateTime.fromSQL(timestamp, dateOpts));
	    // RFC2822-like format without the required timezone offset (used in tests)
	    this._date.isValid || (this._date = luxon.DateTime.fromFormat(timestamp, 'EEE, d MMM yyyy HH:mm:ss', dateOpts));
	  }

	  if (!this._date || !this._date.isValid) {
	    throw new Error('CronDate: unhandled timestamp: ' + JSON.stringify(timestamp));
	  }
	  
	  if (tz && tz !== this._date.zoneName) {
	    this._date = this._date.setZone(tz);
	  }
	}

	date = CronDate;
	return date;
}

var field_compactor;
var hasRequiredField_compactor;

function requireField_compactor () {
	if (hasRequiredField_compactor) return field_compactor;
	hasRequiredField_compactor = 1;

	function buildRange(item) {
	  return {
	    start: item,
	    count: 1
	  };
	}

	function completeRangeWithItem(range, item) {
	  range.end = item;
	  range.step = item - range.start;
	  range.count = 2;
	}

	function finalizeCurrentRange(results, currentRange, currentItemRange) {
	  if (currentRange) {
	    // Two elements do not form a range so split them into 2 single elements
	    if (currentRange.count === 2) {
	      results.push(buildRange(currentRange.start));
	      results.push(buildRange(currentRange.end));
	    } else {
	      results.push(currentRange);
	    }
	  }
	  if (currentItemRange) {
	    results.push(currentItemRange);
	  }
	}

	function compactField(arr) {
	  var results = [];
	  var currentRange = undefined;

	  for (var i = 0; i < arr.length; i++) {
	    var currentItem = arr[i];
	    if (typeof currentItem !== 'number') {
	      // String elements can't form a range
	      finalizeCurrentRange(results, currentRange, buildRange(currentItem));
	      currentRange = undefined;
	    } else if (!currentRange) {
	      // Start a new range
	      currentRange = buildRange(currentItem);
	    } else if (currentRange.count === 1) {
	      // Guess that the current item starts a range
	      completeRangeWithItem(currentRange, currentItem);
	    } else {
	      if (currentRange.step === currentItem - currentRange.end) {
	        // We found another item that matches the current range
	        currentRange.count++;
	        currentRange.end = currentItem;
	      } else if (currentRange.count === 2) { // The current range can't be continued
	        // Break the first item of the current range into a single element, and try to start a new range with the second item
	        results.push(buildRange(currentRange.start));
	        currentRange = buildRange(currentRange.end);
	        completeRangeWithItem(currentRange, currentItem);
	      } else {
	        // Persist the current range and start a new one with current item
	        finalizeCurrentRange(results, currentRange);
	        currentRange = buildRange(currentItem);
	      }
	    }
	  }

	  finalizeCurrentRange(results, currentRange);

	  return results;
	}

	field_compactor = compactField;
	return field_compactor;
}

var field_stringify;
var hasRequiredField_stringify;

function requireField_stringify () {
	if (hasRequiredField_stringify) return field_stringify;
	hasRequiredField_stringify = 1;

	var compactField = requireField_compactor();

	function stringifyField(arr, min, max) {
	  var ranges = compactField(arr);
	  if (ranges.length === 1) {
	    var singleRange = ranges[0];
	    var step = singleRange.step;
	    if (step === 1 && singleRange.start === min && singleRange.end === max) {
	      return '*';
	    }
	    if (step !== 1 && singleRange.start === min && singleRange.end === max - step + 1) {
	      return '*/' + step;
	    }
	  }

	  var result = [];
	  for (var i = 0, l = ranges.length; i < l; ++i) {
	    var range = ranges[i];
	    if (range.count === 1) {
	      result.push(range.start);
	      continue;
	    }

	    var step = range.step;
	    if (range.step === 1) {
	      result.push(range.start + '-' + range.end);
	      continue;
	    }

	    var multiplier = range.start == 0 ? range.count - 1 : range.count;
	    if (range.step * multiplier > range.end) {
	      result = result.concat(
	         Array
	          .from({ length: range.end - range.start + 1 })
	          .map(function (_, index) {
	            var value = range.start + index;
	            if ((value - range.start) % range.step === 0) {
	              return value;
	            }
	            return null;
	          })
	          .filter(function (value) {
	            return value != null;
	          })
	      );
	    } else if (range.end === max - range.step + 1) {
	      result.push(range.start + '/' + range.step);
	    } else {
	      result.push(range.start + '-' + range.end + '/' + range.step);
	    }
	  }

	  return result.join(',');
	}

	field_stringify = stringifyField;
	return field_stringify;
}

var expression;
var hasRequiredExpression;

function requireExpression () {
	if (hasRequiredExpression) return expression;
	hasRequiredExpression = 1;

	// Load Date class extensions
	var CronDate = requireDate();

	var stringifyField = requireField_stringify();

	/**
	 * Cron iteration loop safety limit
	 */
	var LOOP_LIMIT = 10000;

	/**
	 * Construct a new expression parser
	 *
	 * Options:
	 *   currentDate: iterator start date
	 *   endDate: iterator end date
	 *
	 * @constructor
	 * @private
	 * @param {Object} fields  Expression fields parsed values
	 * @param {Object} options Parser options
	 */
	function CronExpression (fields, options) {
	  this._options = options;
	  this._utc = options.utc || false;
	  this._tz = this._utc ? 'UTC' : options.tz;
	  this._currentDate = new CronDate(options.currentDate, this._tz);
	  this._startDate = options.startDate ? new CronDate(options.startDate, this._tz) : null;
	  this._endDate = options.endDate ? new CronDate(options.endDate, this._tz) : null;
	  this._isIterator = options.iterator || false;
	  this._hasIterated = false;
	  this._nthDayOfWeek = options.nthDayOfWeek || 0;
	  this.fields = CronExpression._freezeFields(fields);
	}

	/**
	 * Field mappings
	 * @type {Array}
	 */
	CronExpression.map = [ 'second', 'minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek' ];

	/**
	 * Prefined intervals
	 * @type {Object}
	 */
	CronExpression.predefined = {
	  '@yearly': '0 0 1 1 *',
	  '@monthly': '0 0 1 * *',
	  '@weekly': '0 0 * * 0',
	  '@daily': '0 0 * * *',
	  '@hourly': '0 * * * *'
	};

	/**
	 * Fields constraints
	 * @type {Array}
	 */
	CronExpression.constraints = [
	  { min: 0, max: 59, chars: [] }, // Second
	  { min: 0, max: 59, chars: [] }, // Minute
	  { min: 0, max: 23, chars: [] }, // Hour
	  { min: 1, max: 31, chars: ['L'] }, // Day of month
	  { min: 1, max: 12, chars: [] }, // Month
	  { min: 0, max: 7, chars: ['L'] }, // Day of week
	];

	/**
	 * Days in month
	 * @type {number[]}
	 */
	CronExpression.daysInMonth = [
	  31,
	  29,
	  31,
	  30,
	  31,
	  30,
	  31,
	  31,
	  30,
	  31,
	  30,
	  31
	];

	/**
	 * Field aliases
	 * @type {Object}
	 */
	CronExpression.aliases = {
	  month: {
	    jan: 1,
	    feb: 2,
	    mar: 3,
	    apr: 4,
	    may: 5,
	    jun: 6,
	    jul: 7,
	    aug: 8,
	    sep: 9,
	    oct: 10,
	    nov: 11,
	    dec: 12
	  },

	  dayOfWeek: {
	    sun: 0,
	    mon: 1,
	    tue: 2,
	    wed: 3,
	    thu: 4,
	    fri: 5,
	    sat: 6
	  }
	};

	/**
	 * Field defaults
	 * @type {Array}
	 */
	CronExpression.parseDefaults = [ '0', '*', '*', '*', '*', '*' ];

	CronExpression.standardValidCharacters = /^[,*\d/-]+$/;
	CronExpression.dayOfWeekValidCharacters = /^[?,*\dL#/-]+$/;
	CronExpression.dayOfMonthValidCharacters = /^[?,*\dL/-]+$/;
	CronExpression.validCharacters = {
	  second: CronExpression.standardValidCharacters,
	  minute: CronExpression.standardValidCharacters,
	  hour: CronExpression.standardValidCharacters,
	  dayOfMonth: CronExpression.dayOfMonthValidCharacters,
	  month: CronExpression.standardValidCharacters,
	  dayOfWeek: CronExpression.dayOfWeekValidCharacters,
	};

	CronExpression._isValidConstraintChar = function _isValidConstraintChar(constraints, value) {
	  if (typeof value !== 'string') {
	    return false;
	  }

	  return constraints.chars.some(function(char) {
	    return value.indexOf(char) > -1;
	  });
	};

	/**
	 * Parse input interval
	 *
	 * @param {String} field Field symbolic name
	 * @param {String} value Field value
	 * @param {Array} constraints Range upper and lower constraints
	 * @return {Array} Sequence of sorted values
	 * @private
	 */
	CronExpression._parseField = function _parseField (field, value, constraints) {
	  // Replace aliases
	  switch (field) {
	    case 'month':
	    case 'dayOfWeek':
	      var aliases = CronExpression.aliases[field];

	      value = value.replace(/[a-z]{3}/gi, function(match) {
	        match = match.toLowerCase();

	        if (typeof aliases[match] !== 'undefined') {
	          return aliases[match];
	        } else {
	          throw new Error('Validation error, cannot resolve alias "' + match + '"');
	        }
	      });
	      break;
	  }

	  // Check for valid characters.
	  if (!(CronExpression.validCharacters[field].test(value))) {
	    throw new Error('Invalid characters, got value: ' + value);
	  }

	  // Replace '*' and '?'
	  if (value.indexOf('*') !== -1) {
	    value = value.replace(/\*/g, constraints.min + '-' + constraints.max);
	  } else if (value.indexOf('?') !== -1) {
	    value = value.replace(/\?/g, constraints.min + '-' + constraints.max);
	  }

	  //
	  // Inline parsing functions
	  //
	  // Parser path:
	  //  - parseSequence
	  //    - parseRepeat
	  //      - parseRange

	  /**
	   * Parse sequence
	   *
	   * @param {String} val
	   * @return {Array}
	   * @private
	   */
	  function parseSequence (val) {
	    var stack = [];

	    function handleResult (result) {
	      if (result instanceof Array) { // Make sequence linear
	        for (var i = 0, c = result.length; i < c; i++) {
	          var value = result[i];

	          if (CronExpression._isValidConstraintChar(constraints, value)) {
	            stack.push(value);
	            continue;
	          }
	          // Check constraints
	          if (typeof value !== 'number' || Number.isNaN(value) || value < constraints.min || value > constraints.max) {
	            throw new Error(
	                'Constraint error, got value ' + value + ' expected range ' +
	                constraints.min + '-' + constraints.max
	            );
	          }

	          stack.push(value);
	        }
	      } else { // Scalar value

	        if (CronExpression._isValidConstraintChar(constraints, result)) {
	          stack.push(result);
	          return;
	        }

	        var numResult = +result;

	        // Check constraints
	        if (Number.isNaN(numResult) || numResult < constraints.min || numResult > constraints.max) {
	          throw new Error(
	            'Constraint error, got value ' + result + ' expected range ' +
	            constraints.min + '-' + constraints.max
	          );
	        }

	        if (field === 'dayOfWeek') {
	          numResult = numResult % 7;
	        }

	        stack.push(numResult);
	      }
	    }

	    var atoms = val.split(',');
	    if (!atoms.every(function (atom) {
	      return atom.length > 0;
	    })) {
	      throw new Error('Invalid list value format');
	    }

	    if (atoms.length > 1) {
	      for (var i = 0, c = atoms.length; i < c; i++) {
	        handleResult(parseRepeat(atoms[i]));
	      }
	    } else {
	      handleResult(parseRepeat(val));
	    }

	    stack.sort(CronExpression._sortCompareFn);

	    return stack;
	  }

	  /**
	   * Parse repetition interval
	   *
	   * @param {String} val
	   * @return {Array}
	   */
	  function parseRepeat (val) {
	    var repeatInterval = 1;
	    var atoms = val.split('/');

	    if (atoms.length > 2) {
	      throw new Error('Invalid repeat: ' + val);
	    }

	    if (atoms.length > 1) {
	      if (atoms[0] == +atoms[0]) {
	        atoms = [atoms[0] + '-' + constraints.max, atoms[1]];
	      }
	      return parseRange(atoms[0], atoms[atoms.length - 1]);
	    }

	    return parseRange(val, repeatInterval);
	  }

	  /**
	   * Parse range
	   *
	   * @param {String} val
	   * @param {Number} repeatInterval Repetition interval
	   * @return {Array}
	   * @private
	   */
	  function parseRange (val, repeatInterval) {
	    var stack = [];
	    var atoms = val.split('-');

	    if (atoms.length > 1 ) {
	      // Invalid range, return value
	      if (atoms.length < 2) {
	        return +val;
	      }

	      if (!atoms[0].length) {
	        if (!atoms[1].length) {
	          throw new Error('Invalid range: ' + val);
	        }

	        return +val;
	      }

	      // Validate range
	      var min = +atoms[0];
	      var max = +atoms[1];

	      if (Number.isNaN(min) || Number.isNaN(max) ||
	          min < constraints.min || max > constraints.max) {
	        throw new Error(
	          'Constraint error, got range ' +
	          min + '-' + max +
	          ' expected range ' +
	          constraints.min + '-' + constraints.max
	        );
	      } else if (min > max) {
	        throw new Error('Invalid range: ' + val);
	      }

	      // Create range
	      var repeatIndex = +repeatInterval;

	      if (Number.isNaN(repeatIndex) || repeatIndex <= 0) {
	        throw new Error('Constraint error, cannot repeat at every ' + repeatIndex + ' time.');
	      }

	      // JS DOW is in range of 0-6 (SUN-SAT) but we also support 7 in the expression
	      // Handle case when range contains 7 instead of 0 and translate this value to 0
	      if (field === 'dayOfWeek' && max % 7 === 0) {
	        stack.push(0);
	      }

	      for (var index = min, count = max; index <= count; index++) {
	        var exists = stack.indexOf(index) !== -1;
	        if (!exists && repeatIndex > 0 && (repeatIndex % repeatInterval) === 0) {
	          repeatIndex = 1;
	          stack.push(index);
	        } else {
	          repeatIndex++;
	        }
	      }
	      return stack;
	    }

	    return Number.isNaN(+val) ? val : +val;
	  }

	  return parseSequence(value);
	};

	CronExpression._sortCompareFn = function(a, b) {
	  var aIsNumber = typeof a === 'number';
	  var bIsNumber = typeof b === 'number';

	  if (aIsNumber && bIsNumber) {
	    return a - b;
	  }

	  if (!aIsNumber && bIsNumber) {
	    return 1;
	  }

	  if (aIsNumber && !bIsNumber) {
	    return -1;
	  }

	  return a.localeCompare(b);
	};

	CronExpression._handleMaxDaysInMonth = function(mappedFields) {
	  // Filter out any day of month value that is larger than given month expects
	  if (mappedFields.month.length === 1) {
	    var daysInMonth = CronExpression.daysInMonth[mappedFields.month[0] - 1];

	    if (mappedFields.dayOfMonth[0] > daysInMonth) {
	      throw new Error('Invalid explicit day of month definition');
	    }

	    return mappedFields.dayOfMonth
	      .filter(function(dayOfMonth) {
	        return dayOfMonth === 'L' ? true : dayOfMonth <= daysInMonth;
	      })
	      .sort(CronExpression._sortCompareFn);
	  }
	};

	CronExpression._freezeFields = function(fields) {
	  for (var i = 0, c = CronExpression.map.length; i < c; ++i) {
	    var field = CronExpression.map[i]; // Field name
	    var value = fields[field];
	    fields[field] = Object.freeze(value);
	  }
	  return Object.freeze(fields);
	};

	CronExpression.prototype._applyTimezoneShift = function(currentDate, dateMathVerb, method) {
	  if ((method === 'Month') || (method === 'Day')) {
	    var prevTime = currentDate.getTime();
	    currentDate[dateMathVerb + method]();
	    var currTime = currentDate.getTime();
	    if (prevTime === currTime) {
	      // Jumped into a not existent date due to a DST transition
	      if ((currentDate.getMinutes() === 0) &&
	          (currentDate.getSeconds() === 0)) {
	        currentDate.addHour();
	      } else if ((currentDate.getMinutes() === 59) &&
	                 (currentDate.getSeconds() === 59)) {
	        currentDate.subtractHour();
	      }
	    }
	  } else {
	    var previousHour = currentDate.getHours();
	    currentDate[dateMathVerb + method]();
	    var currentHour = currentDate.getHours();
	    var diff = currentHour - previousHour;
	    if (diff === 2) {
	        // Starting DST
	        if (this.fields.hour.length !== 24) {
	          // Hour is specified
	          this._dstStart = currentHour;
	        }
	      } else if ((diff === 0) &&
	                 (currentDate.getMinutes() === 0) &&
	                 (currentDate.getSeconds() === 0)) {
	        // Ending DST
	        if (this.fields.hour.length !== 24) {
	          // Hour is specified
	          this._dstEnd = currentHour;
	        }
	      }
	  }
	};


	/**
	 * Find next or previous matching schedule date
	 *
	 * @return {CronDate}
	 * @private
	 */
	CronExpression.prototype._findSchedule = function _findSchedule (reverse) {

	  /**
	   * Match field value
	   *
	   * @param {String} value
	   * @param {Array} sequence
	   * @return {Boolean}
	   * @private
	   */
	  function matchSchedule (value, sequence) {
	    for (var i = 0, c = sequence.length; i < c; i++) {
	      if (sequence[i] >= value) {
	        return sequence[i] === value;
	      }
	    }

	    return sequence[0] === value;
	  }

	  /**
	   * Helps determine if the provided date is the correct nth occurence of the
	   * desired day of week.
	   *
	   * @param {CronDate} date
	   * @param {Number} nthDayOfWeek
	   * @return {Boolean}
	   * @private
	   */
	  function isNthDayMatch(date, nthDayOfWeek) {
	    if (nthDayOfWeek < 6) {
	      if (
	        date.getDate() < 8 &&
	        nthDayOfWeek === 1 // First occurence has to happen in first 7 days of the month
	      ) {
	        return true;
	      }

	      var offset = date.getDate() % 7 ? 1 : 0; // Math is off by 1 when dayOfWeek isn't divisible by 7
	      var adjustedDate = date.getDate() - (date.getDate() % 7); // find the first occurance
	      var occurrence = Math.floor(adjustedDate / 7) + offset;

	      return occurrence === nthDayOfWeek;
	    }

	    return false;
	  }

	  /**
	   * Helper function that checks if 'L' is in the array
	   *
	   * @param {Array} expressions
	   */
	  function isLInExpressions(expressions) {
	    return expressions.length > 0 && expressions.some(function(expression) {
	      return typeof expression === 'string' && expression.indexOf('L') >= 0;
	    });
	  }


	  // Whether to use backwards directionality when searching
	  reverse = reverse || false;
	  var dateMathVerb = reverse ? 'subtract' : 'add';

	  var currentDate = new CronDate(this._currentDate, this._tz);
	  var startDate = this._startDate;
	  var endDate = this._endDate;

	  // Find matching schedule
	  var startTimestamp = currentDate.getTime();
	  var stepCount = 0;

	  function isLastWeekdayOfMonthMatch(expressions) {
	    return expressions.some(function(expression) {
	      // There might be multiple expressions and not all of them will contain
	      // the "L".
	      if (!isLInExpressions([expression])) {
	        return false;
	      }

	      // The first character represents the weekday
	      var weekday = Number.parseInt(expression[0]) % 7;

	      if (Number.isNaN(weekday)) {
	        throw new Error('Invalid last weekday of the month expression: ' + expression);
	      }

	      return currentDate.getDay() === weekday && currentDate.isLastWeekdayOfMonth();
	    });
	  }

	  while (stepCount < LOOP_LIMIT) {
	    stepCount++;

	    // Validate timespan
	    if (reverse) {
	      if (startDate && (currentDate.getTime() - startDate.getTime() < 0)) {
	        throw new Error('Out of the timespan range');
	      }
	    } else {
	      if (endDate && (endDate.getTime() - currentDate.getTime()) < 0) {
	        throw new Error('Out of the timespan range');
	      }
	    }

	    // Day of month and week matching:
	    //
	    // "The day of a command's execution can be specified by two fields --
	    // day of month, and day of week.  If  both	 fields	 are  restricted  (ie,
	    // aren't  *),  the command will be run when either field matches the cur-
	    // rent time.  For example, "30 4 1,15 * 5" would cause a command to be
	    // run at 4:30 am on the  1st and 15th of each month, plus every Friday."
	    //
	    // http://unixhelp.ed.ac.uk/CGI/man-cgi?crontab+5
	    //

	    var dayOfMonthMatch = matchSchedule(currentDate.getDate(), this.fields.dayOfMonth);
	    if (isLInExpressions(this.fields.dayOfMonth)) {
	      dayOfMonthMatch = dayOfMonthMatch || currentDate.isLastDayOfMonth();
	    }
	    var dayOfWeekMatch = matchSchedule(currentDate.getDay(), this.fields.dayOfWeek);
	    if (isLInExpressions(this.fields.dayOfWeek)) {
	      dayOfWeekMatch = dayOfWeekMatch || isLastWeekdayOfMonthMatch(this.fields.dayOfWeek);
	    }
	    var isDayOfMonthWildcardMatch = this.fields.dayOfMonth.length >= CronExpression.daysInMonth[currentDate.getMonth()];
	    var isDayOfWeekWildcardMatch = this.fields.dayOfWeek.length === CronExpression.constraints[5].max - CronExpression.constraints[5].min + 1;
	    var currentHour = currentDate.getHours();

	    // Add or subtract day if select day not match with month (according to calendar)
	    if (!dayOfMonthMatch && (!dayOfWeekMatch || isDayOfWeekWildcardMatch)) {
	      this._applyTimezoneShift(currentDate, dateMathVerb, 'Day');
	      continue;
	    }

	    // Add or subtract day if not day of month is set (and no match) and day of week is wildcard
	    if (!isDayOfMonthWildcardMatch && isDayOfWeekWildcardMatch && !dayOfMonthMatch) {
	      this._applyTimezoneShift(currentDate, dateMathVerb, 'Day');
	      continue;
	    }

	    // Add or subtract day if not day of week is set (and no match) and day of month is wildcard
	    if (isDayOfMonthWildcardMatch && !isDayOfWeekWildcardMatch && !dayOfWeekMatch) {
	      this._applyTimezoneShift(currentDate, dateMathVerb, 'Day');
	      continue;
	    }

	    // Add or subtract day if day of week & nthDayOfWeek are set (and no match)
	    if (
	      this._nthDayOfWeek > 0 &&
	      !isNthDayMatch(currentDate, this._nthDayOfWeek)
	    ) {
	      this._applyTimezoneShift(currentDate, dateMathVerb, 'Day');
	      continue;
	    }

	    // Match month
	    if (!matchSchedule(currentDate.getMonth() + 1, this.fields.month)) {
	      this._applyTimezoneShift(currentDate, dateMathVerb, 'Month');
	      continue;
	    }

	    // Match hour
	    if (!matchSchedule(currentHour, this.fields.hour)) {
	      if (this._dstStart !== currentHour) {
	        this._dstStart = null;
	        this._applyTimezoneShift(currentDate, dateMathVerb, 'Hour');
	        continue;
	      } else if (!matchSchedule(currentHour - 1, this.fields.hour)) {
	        currentDate[dateMathVerb + 'Hour']();
	        continue;
	      }
	    } else if (this._dstEnd === currentHour) {
	      if (!reverse) {
	        this._dstEnd = null;
	        this._applyTimezoneShift(currentDate, 'add', 'Hour');
	        continue;
	      }
	    }

	    // Match minute
	    if (!matchSchedule(currentDate.getMinutes(), this.fields.minute)) {
	      this._applyTimezoneShift(currentDate, dateMathVerb, 'Minute');
	      continue;
	    }

	    // Match second
	    if (!matchSchedule(currentDate.getSeconds(), this.fields.second)) {
	      this._applyTimezoneShift(currentDate, dateMathVerb, 'Second');
	      continue;
	    }

	    // Increase a second in case in the first iteration the currentDate was not
	    // modified
	    if (startTimestamp === currentDate.getTime()) {
	      if ((dateMathVerb === 'add') || (currentDate.getMilliseconds() === 0)) {
	        this._applyTimezoneShift(currentDate, dateMathVerb, 'Second');
	      } else {
	        currentDate.setMilliseconds(0);
	      }

	      continue;
	    }

	    break;
	  }

	  if (stepCount >= LOOP_LIMIT) {
	    throw new Error('Invalid expression, loop limit exceeded');
	  }

	  this._currentDate = new CronDate(currentDate, this._tz);
	  this._hasIterated = true;

	  return currentDate;
	};

	/**
	 * Find next suitable date
	 *
	 * @public
	 * @return {CronDate|Object}
	 */
	CronExpression.prototype.next = function next () {
	  var schedule = this._findSchedule();

	  // Try to return ES6 compatible iterator
	  if (this._isIterator) {
	    return {
	      value: schedule,
	      done: !this.hasNext()
	    };
	  }

	  return schedule;
	};

	/**
	 * Find previous suitable date
	 *
	 * @public
	 * @return {CronDate|Object}
	 */
	CronExpression.prototype.prev = function prev () {
	  var schedule = this._findSchedule(true);

	  // Try to return ES6 compatible iterator
	  if (this._isIterator) {
	    return {
	      value: schedule,
	      done: !this.hasPrev()
	    };
	  }

	  return schedule;
	};

	/**
	 * Check if next suitable date exists
	 *
	 * @public
	 * @return {Boolean}
	 */
	CronExpression.prototype.hasNext = function() {
	  var current = this._currentDate;
	  var hasIterated = this._hasIterated;

	  try {
	    this._findSchedule();
	    return true;
	  } catch (err) {
	    return false;
	  } finally {
	    this._currentDate = current;
	    this._hasIterated = hasIterated;
	  }
	};

	/**
	 * Check if previous suitable date exists
	 *
	 * @public
	 * @return {Boolean}
	 */
	CronExpression.prototype.hasPrev = function() {
	  var current = this._currentDate;
	  var hasIterated = this._hasIterated;

	  try {
	    this._findSchedule(true);
	    return true;
	  } catch (err) {
	    return false;
	  } finally {
	    this._currentDate = current;
	    this._hasIterated = hasIterated;
	  }
	};

	/**
	 * Iterate over expression iterator
	 *
	 * @public
	 * @param {Number} steps Numbers of steps to iterate
	 * @param {Function} callback Optional callback
	 * @return {Array} Array of the iterated results
	 */
	CronExpression.prototype.iterate = function iterate (steps, callback) {
	  var dates = [];

	  if (steps >= 0) {
	    for (var i = 0, c = steps; i < c; i++) {
	      try {
	        var item = this.next();
	        dates.push(item);

	        // Fire the callback
	        if (callback) {
	          callback(item, i);
	        }
	      } catch (err) {
	        break;
	      }
	    }
	  } else {
	    for (var i = 0, c = steps; i > c; i--) {
	      try {
	        var item = this.prev();
	        dates.push(item);

	        // Fire the callback
	        if (callback) {
	          callback(item, i);
	        }
	      } catch (err) {
	        break;
	      }
	    }
	  }

	  return dates;
	};

	/**
	 * Reset expression iterator state
	 *
	 * @public
	 */
	CronExpression.prototype.reset = function reset (newDate) {
	  this._currentDate = new CronDate(newDate || this._options.currentDate);
	};

	/**
	 * Stringify the expression
	 *
	 * @public
	 * @param {Boolean} [includeSeconds] Should stringify seconds
	 * @return {String}
	 */
	CronExpression.prototype.stringify = function stringify(includeSeconds) {
	  var resultArr = [];
	  for (var i = includeSeconds ? 0 : 1, c = CronExpression.map.length; i < c; ++i) {
	    var field = CronExpression.map[i];
	    var value = this.fields[field];
	    var constraint = CronExpression.constraints[i];

	    if (field === 'dayOfMonth' && this.fields.month.length === 1) {
	      constraint = { min: 1, max: CronExpression.daysInMonth[this.fields.month[0] - 1] };
	    } else if (field === 'dayOfWeek') {
	      // Prefer 0-6 range when serializing day of week field
	      constraint = { min: 0, max: 6 };
	      value = value[value.length - 1] === 7 ? value.slice(0, -1) : value;
	    }

	    resultArr.push(stringifyField(value, constraint.min, constraint.max));
	  }
	  return resultArr.join(' ');
	};

	/**
	 * Parse input expression (async)
	 *
	 * @public
	 * @param {String} expression Input expression
	 * @param {Object} [options] Parsing options
	 */
	CronExpression.parse = function parse(expression, options) {
	  var self = this;
	  if (typeof options === 'function') {
	    options = {};
	  }

	  function parse (expression, options) {
	    if (!options) {
	      options = {};
	    }

	    if (typeof options.currentDate === 'undefined') {
	      options.currentDate = new CronDate(undefined, self._tz);
	    }

	    // Is input expression predefined?
	    if (CronExpression.predefined[expression]) {
	      expression = CronExpression.predefined[expression];
	    }

	    // Split fields
	    var fields = [];
	    var atoms = (expression + '').trim().split(/\s+/);

	    if (atoms.length > 6) {
	      throw new Error('Invalid cron expression');
	    }

	    // Resolve fields
	    var start = (CronExpression.map.length - atoms.length);
	    for (var i = 0, c = CronExpression.map.length; i < c; ++i) {
	      var field = CronExpression.map[i]; // Field name
	      var value = atoms[atoms.length > c ? i : i - start]; // Field value

	      if (i < start || !value) { // Use default value
	        fields.push(CronExpression._parseField(
	          field,
	          CronExpression.parseDefaults[i],
	          CronExpression.constraints[i]
	          )
	        );
	      } else {
	        var val = field === 'dayOfWeek' ? parseNthDay(value) : value;

	        fields.push(CronExpression._parseField(
	          field,
	          val,
	          CronExpression.constraints[i]
	          )
	        );
	      }
	    }

	    var mappedFields = {};
	    for (var i = 0, c = CronExpression.map.length; i < c; i++) {
	      var key = CronExpression.map[i];
	      mappedFields[key] = fields[i];
	    }

	    var dayOfMonth = CronExpression._handleMaxDaysInMonth(mappedFields);
	    mappedFields.dayOfMonth = dayOfMonth || mappedFields.dayOfMonth;
	    return new CronExpression(mappedFields, options);

	    /**
	     * Parses out the # special character for the dayOfWeek field & adds it to options.
	     *
	     * @param {String} val
	     * @return {String}
	     * @private
	     */
	    function parseNthDay(val) {
	      var atoms = val.split('#');
	      if (atoms.length > 1) {
	        var nthValue = +atoms[atoms.length - 1];
	        if(/,/.test(val)) {
	          throw new Error('Constraint error, invalid dayOfWeek `#` and `,` '
	            + 'special characters are incompatible');
	        }
	        if(/\//.test(val)) {
	          throw new Error('Constraint error, invalid dayOfWeek `#` and `/` '
	            + 'special characters are incompatible');
	        }
	        if(/-/.test(val)) {
	          throw new Error('Constraint error, invalid dayOfWeek `#` and `-` '
	            + 'special characters are incompatible');
	        }
	        if (atoms.length > 2 || Number.isNaN(nthValue) || (nthValue < 1 || nthValue > 5)) {
	          throw new Error('Constraint error, invalid dayOfWeek occurrence number (#)');
	        }

	        options.nthDayOfWeek = nthValue;
	        return atoms[0];
	      }
	      return val;
	    }
	  }

	  return parse(expression, options);
	};

	/**
	 * Convert cron fields back to Cron Expression
	 *
	 * @public
	 * @param {Object} fields Input fields
	 * @param {Object} [options] Parsing options
	 * @return {Object}
	 */
	CronExpression.fieldsToExpression = function fieldsToExpression(fields, options) {
	  function validateConstraints (field, values, constraints) {
	    if (!values) {
	      throw new Error('Validation error, Field ' + field + ' is missing');
	    }
	    if (values.length === 0) {
	      throw new Error('Validation error, Field ' + field + ' contains no values');
	    }
	    for (var i = 0, c = values.length; i < c; i++) {
	      var value = values[i];

	      if (CronExpression._isValidConstraintChar(constraints, value)) {
	        continue;
	      }

	      // Check constraints
	      if (typeof value !== 'number' || Number.isNaN(value) || value < constraints.min || value > constraints.max) {
	        throw new Error(
	          'Constraint error, got value ' + value + ' expected range ' +
	          constraints.min + '-' + constraints.max
	        );
	      }
	    }
	  }

	  var mappedFields = {};
	  for (var i = 0, c = CronExpression.map.length; i < c; ++i) {
	    var field = CronExpression.map[i]; // Field name
	    var values = fields[field];
	    validateConstraints(
	      field,
	      values,
	      CronExpression.constraints[i]
	    );
	    var copy = [];
	    var j = -1;
	    while (++j < values.length) {
	      copy[j] = values[j];
	    }
	    values = copy.sort(CronExpression._sortCompareFn)
	      .filter(function(item, pos, ary) {
	        return !pos || item !== ary[pos - 1];
	      });
	    if (values.length !== copy.length) {
	      throw new Error('Validation error, Field ' + field + ' contains duplicate values');
	    }
	    mappedFields[field] = values;
	  }
	  var dayOfMonth = CronExpression._handleMaxDaysInMonth(mappedFields);
	  mappedFields.dayOfMonth = dayOfMonth || mappedFields.dayOfMonth;
	  return new CronExpression(mappedFields, options || {});
	};

	expression = CronExpression;
	return expression;
}

var parser$1;
var hasRequiredParser$1;

function requireParser$1 () {
	if (hasRequiredParser$1) return parser$1;
	hasRequiredParser$1 = 1;

	var CronExpression = requireExpression();

	function CronParser() {}

	/**
	 * Parse crontab entry
	 *
	 * @private
	 * @param {String} entry Crontab file entry/line
	 */
	CronParser._parseEntry = function _parseEntry (entry) {
	  var atoms = entry.split(' ');

	  if (atoms.length === 6) {
	    return {
	      interval: CronExpression.parse(entry)
	    };
	  } else if (atoms.length > 6) {
	    return {
	      interval: CronExpression.parse(
	        atoms.slice(0, 6).join(' ')
	      ),
	      command: atoms.slice(6, atoms.length)
	    };
	  } else {
	    throw new Error('Invalid entry: ' + entry);
	  }
	};

	/**
	 * Wrapper for CronExpression.parser method
	 *
	 * @public
	 * @param {String} expression Input expression
	 * @param {Object} [options] Parsing options
	 * @return {Object}
	 */
	CronParser.parseExpression = function parseExpression (expression, options) {
	  return CronExpression.parse(expression, options);
	};

	/**
	 * Wrapper for CronExpression.fieldsToExpression method
	 *
	 * @public
	 * @param {Object} fields Input fields
	 * @param {Object} [options] Parsing options
	 * @return {Object}
	 */
	CronParser.fieldsToExpression = function fieldsToExpression (fields, options) {
	  return CronExpression.fieldsToExpression(fields, options);
	};

	/**
	 * Parse content string
	 *
	 * @public
	 * @param {String} data Crontab content
	 * @return {Object}
	 */
	CronParser.parseString = function parseString (data) {
	  var blocks = data.split('\n');

	  var response = {
	    variables: {},
	    expressions: [],
	    errors: {}
	  };

	  for (var i = 0, c = blocks.length; i < c; i++) {
	    var block = blocks[i];
	    var matches = null;
	    var entry = block.trim(); // Remove surrounding spaces

	    if (entry.length > 0) {
	      if (entry.match(/^#/)) { // Comment
	        continue;
	      } else if ((matches = entry.match(/^(.*)=(.*)$/))) { // Variable
	        response.variables[matches[1]] = matches[2];
	      } else { // Expression?
	        var result = null;

	        try {
	          result = CronParser._parseEntry('0 ' + entry);
	          response.expressions.push(result.interval);
	        } catch (err) {
	          response.errors[entry] = err;
	        }
	      }
	    }
	  }

	  return response;
	};

	/**
	 * Parse crontab file
	 *
	 * @public
	 * @param {String} filePath Path to file
	 * @param {Function} callback
	 */
	CronParser.parseFile = function parseFile (filePath, callback) {
	  fs__default.readFile(filePath, function(err, data) {
	    if (err) {
	      callback(err);
	      return;
	    }

	    return callback(null, CronParser.parseString(data.toString()));
	  });
	};

	parser$1 = CronParser;
	return parser$1;
}

var hasRequiredTimekeeper;

function requireTimekeeper () {
	if (hasRequiredTimekeeper) return timekeeper.exports;
	hasRequiredTimekeeper = 1;
	const EventEmitter = require$$0$2;
	const plans = requirePlans();
	const cronParser = requireParser$1();
	const Attorney = requireAttorney();

	const QUEUES = {
	  SEND_IT: '__pgboss__send-it'
	};

	const EVENTS = {
	  error: 'error',
	  schedule: 'schedule'
	};

	class Timekeeper extends EventEmitter {
	  constructor (db, config) {
	    super();

	    this.db = db;
	    this.config = config;
	    this.manager = config.manager;
	    this.skewMonitorIntervalMs = config.clockMonitorIntervalSeconds * 1000;
	    this.cronMonitorIntervalMs = config.cronMonitorIntervalSeconds * 1000;
	    this.clockSkew = 0;

	    this.events = EVENTS;

	    this.getTimeCommand = plans.getTime(config.schema);
	    this.getQueueCommand = plans.getQueueByName(config.schema);
	    this.getSchedulesCommand = plans.getSchedules(config.schema);
	    this.scheduleCommand = plans.schedule(config.schema);
	    this.unscheduleCommand = plans.unschedule(config.schema);
	    this.trySetCronTimeCommand = plans.trySetCronTime(config.schema);

	    this.functions = [
	      this.schedule,
	      this.unschedule,
	      this.getSchedules
	    ];

	    this.stopped = true;
	  }

	  async start () {
	    // setting the archive config too low breaks the cron 60s debounce interval so don't even try
	    if (this.config.archiveSeconds < 60 || this.config.archiveFailedSeconds < 60) {
	      return
	    }

	    this.stopped = false;

	    await this.cacheClockSkew();

	    try {
	      await this.manager.createQueue(QUEUES.SEND_IT);
	    } catch {}

	    const options = {
	      pollingIntervalSeconds: this.config.cronWorkerIntervalSeconds,
	      batchSize: 50
	    };

	    await this.manager.work(QUEUES.SEND_IT, options, async (jobs) => { await this.manager.insert(jobs.map(i => i.data)); });

	    setImmediate(() => this.onCron());

	    this.cronMonitorInterval = setInterval(async () => await this.onCron(), this.cronMonitorIntervalMs);
	    this.skewMonitorInterval = setInterval(async () => await this.cacheClockSkew(), this.skewMonitorIntervalMs);
	  }

	  async stop () {
	    if (this.stopped) {
	      return
	    }

	    this.stopped = true;

	    await this.manager.offWork(QUEUES.SEND_IT);

	    if (this.skewMonitorInterval) {
	      clearInterval(this.skewMonitorInterval);
	      this.skewMonitorInterval = null;
	    }

	    if (this.cronMonitorInterval) {
	      clearInterval(this.cronMonitorInterval);
	      this.cronMonitorInterval = null;
	    }
	  }

	  async cacheClockSkew () {
	    let skew = 0;

	    try {
	      if (this.config.__test__force_clock_monitoring_error) {
	        throw new Error(this.config.__test__force_clock_monitoring_error)
	      }

	      const { rows } = await this.db.executeSql(this.getTimeCommand);

	      const local = Date.now();

	      const dbTime = parseFloat(rows[0].time);

	      skew = dbTime - local;

	      const skewSeconds = Math.abs(skew) / 1000;

	      if (skewSeconds >= 60 || this.config.__test__force_clock_skew_warning) {
	        Attorney.warnClockSkew(`Instance clock is ${skewSeconds}s ${skew > 0 ? 'slower' : 'faster'} than database.`);
	      }
	    } catch (err) {
	      this.emit(this.events.error, err);
	    } finally {
	      this.clockSkew = skew;
	    }
	  }

	  async onCron () {
	    try {
	      if (this.stopped || this.timekeeping) return

	      if (this.config.__test__force_cron_monitoring_error) {
	        throw new Error(this.config.__test__force_cron_monitoring_error)
	      }

	      this.timekeeping = true;

	      const { rows } = await this.db.executeSql(this.trySetCronTimeCommand, [this.config.cronMonitorIntervalSeconds]);

	      if (rows.length === 1 && !this.stopped) {
	        await this.cron();
	      }
	    } catch (err) {
	      this.emit(this.events.error, err);
	    } finally {
	      this.timekeeping = false;
	    }
	  }

	  async cron () {
	    const schedules = await this.getSchedules();

	    const scheduled = schedules
	      .filter(i => this.shouldSendIt(i.cron, i.timezone))
	      .map(({ name, data, options }) =>
	        ({ name: QUEUES.SEND_IT, data: { name, data, ...options }, singletonKey: name, singletonSeconds: 60 }));

	    if (scheduled.length > 0 && !this.stopped) {
	      await this.manager.insert(scheduled);
	    }
	  }

	  shouldSendIt (cron, tz) {
	    const interval = cronParser.parseExpression(cron, { tz });

	    const prevTime = interval.prev();

	    const databaseTime = Date.now() + this.clockSkew;

	    const prevDiff = (databaseTime - prevTime.getTime()) / 1000;

	    return prevDiff < 60
	  }

	  async getSchedules () {
	    const { rows } = await this.db.executeSql(this.getSchedulesCommand);
	    return rows
	  }

	  async schedule (name, cron, data, options = {}) {
	    const { tz = 'UTC' } = options;

	    cronParser.parseExpression(cron, { tz });

	    Attorney.checkSendArgs([name, data, options], this.config);

	    const values = [name, cron, tz, data, options];

	    try {
	      await this.db.executeSql(this.scheduleCommand, values);
	    } catch (err) {
	      if (err.message.includes('foreign key')) {
	        err.message = `Queue ${name} not found`;
	      }

	      throw err
	    }
	  }

	  async unschedule (name) {
	    await this.db.executeSql(this.unscheduleCommand, [name]);
	  }
	}

	timekeeper.exports = Timekeeper;
	timekeeper.exports.QUEUES = QUEUES;
	return timekeeper.exports;
}

var manager;
var hasRequiredManager;

function requireManager () {
	if (hasRequiredManager) return manager;
	hasRequiredManager = 1;
	const assert = require$$0;
	const EventEmitter = require$$0$2;
	const { randomUUID } = require$$2;
	const { serializeError: stringify } = requireSerializeError();
	const { delay } = requireTools();
	const Attorney = requireAttorney();
	const Worker = requireWorker();
	const plans = requirePlans();

	const { QUEUES: TIMEKEEPER_QUEUES } = requireTimekeeper();
	const { QUEUE_POLICIES } = plans;

	const INTERNAL_QUEUES = Object.values(TIMEKEEPER_QUEUES).reduce((acc, i) => ({ ...acc, [i]: i }), {});

	const events = {
	  error: 'error',
	  wip: 'wip'
	};

	const resolveWithinSeconds = async (promise, seconds) => {
	  const timeout = Math.max(1, seconds) * 1000;
	  const reject = delay(timeout, `handler execution exceeded ${timeout}ms`);

	  let result;

	  try {
	    result = await Promise.race([promise, reject]);
	  } finally {
	    reject.abort();
	  }

	  return result
	};

	class Manager extends EventEmitter {
	  constructor (db, config) {
	    super();

	    this.config = config;
	    this.db = db;

	    this.events = events;
	    this.wipTs = Date.now();
	    this.workers = new Map();

	    this.nextJobCommand = plans.fetchNextJob(config.schema);
	    this.insertJobCommand = plans.insertJob(config.schema);
	    this.insertJobsCommand = plans.insertJobs(config.schema);
	    this.completeJobsCommand = plans.completeJobs(config.schema);
	    this.cancelJobsCommand = plans.cancelJobs(config.schema);
	    this.resumeJobsCommand = plans.resumeJobs(config.schema);
	    this.deleteJobsCommand = plans.deleteJobs(config.schema);
	    this.retryJobsCommand = plans.retryJobs(config.schema);
	    this.failJobsByIdCommand = plans.failJobsById(config.schema);
	    this.getJobByIdCommand = plans.getJobById(config.schema);
	    this.getArchivedJobByIdCommand = plans.getArchivedJobById(config.schema);
	    this.subscribeCommand = plans.subscribe(config.schema);
	    this.unsubscribeCommand = plans.unsubscribe(config.schema);
	    this.getQueuesCommand = plans.getQueues(config.schema);
	    this.getQueueByNameCommand = plans.getQueueByName(config.schema);
	    this.getQueuesForEventCommand = plans.getQueuesForEvent(config.schema);
	    this.createQueueCommand = plans.createQueue(config.schema);
	    this.updateQueueCommand = plans.updateQueue(config.schema);
	    this.purgeQueueCommand = plans.purgeQueue(config.schema);
	    this.deleteQueueCommand = plans.deleteQueue(config.schema);
	    this.clearStorageCommand = plans.clearStorage(config.schema);

	    // exported api to index
	    this.functions = [
	      this.complete,
	      this.cancel,
	      this.resume,
	      this.retry,
	      this.deleteJob,
	      this.fail,
	      this.fetch,
	      this.work,
	      this.offWork,
	      this.notifyWorker,
	      this.publish,
	      this.subscribe,
	      this.unsubscribe,
	      this.insert,
	      this.send,
	      this.sendDebounced,
	      this.sendThrottled,
	      this.sendAfter,
	      this.createQueue,
	      this.updateQueue,
	      this.deleteQueue,
	      this.purgeQueue,
	      this.getQueueSize,
	      this.getQueue,
	      this.getQueues,
	      this.clearStorage,
	      this.getJobById
	    ];
	  }

	  start () {
	    this.stopped = false;
	  }

	  async stop () {
	    this.stopped = true;

	    for (const worker of this.workers.values()) {
	      if (!INTERNAL_QUEUES[worker.name]) {
	        await this.offWork(worker.name);
	      }
	    }
	  }

	  async failWip () {
	    for (const worker of this.workers.values()) {
	      const jobIds = worker.jobs.map(j => j.id);
	      if (jobIds.length) {
	        await this.fail(worker.name, jobIds, 'pg-boss shut down while active');
	      }
	    }
	  }

	  async work (name, ...args) {
	    const { options, callback } = Attorney.checkWorkArgs(name, args, this.config);
	    return await this.watch(name, options, callback)
	  }

	  addWorker (worker) {
	    this.workers.set(worker.id, worker);
	  }

	  removeWorker (worker) {
	    this.workers.delete(worker.id);
	  }

	  getWorkers () {
	    return Array.from(this.workers.values())
	  }

	  emitWip (name) {
	    if (!INTERNAL_QUEUES[name]) {
	      const now = Date.now();

	      if (now - this.wipTs > 2000) {
	        this.emit(events.wip, this.getWipData());
	        this.wipTs = now;
	      }
	    }
	  }

	  getWipData (options = {}) {
	    const { includeInternal = false } = options;

	    const data = this.getWorkers()
	      .map(({
	        id,
	        name,
	        options,
	        state,
	        jobs,
	        createdOn,
	        lastFetchedOn,
	        lastJobStartedOn,
	        lastJobEndedOn,
	        lastError,
	        lastErrorOn
	      }) => ({
	        id,
	        name,
	        options,
	        state,
	        count: jobs.length,
	        createdOn,
	        lastFetchedOn,
	        lastJobStartedOn,
	        lastJobEndedOn,
	        lastError,
	        lastErrorOn
	      }))
	      .filter(i => i.count > 0 && (!INTERNAL_QUEUES[i.name] || includeInternal));

	    return data
	  }

	  async watch (name, options, callback) {
	    if (this.stopped) {
	      throw new Error('Workers are disabled. pg-boss is stopped')
	    }

	    const {
	      pollingInterval: interval = this.config.pollingInterval,
	      batchSize,
	      includeMetadata = false,
	      priority = true
	    } = options;

	    const id = randomUUID({ disableEntropyCache: true });

	    const fetch = () => this.fetch(name, { batchSize, includeMetadata, priority });

	    const onFetch = async (jobs) => {
	      if (!jobs.length) {
	        return
	      }

	      if (this.config.__test__throw_worker) {
	        throw new Error('__test__throw_worker')
	      }

	      this.emitWip(name);

	      const maxExpiration = jobs.reduce((acc, i) => Math.max(acc, i.expireInSeconds), 0);
	      const jobIds = jobs.map(job => job.id);

	      try {
	        const result = await resolveWithinSeconds(callback(jobs), maxExpiration);
	        this.complete(name, jobIds, jobIds.length === 1 ? result : undefined);
	      } catch (err) {
	        this.fail(name, jobIds, err);
	      }

	      this.emitWip(name);
	    };

	    const onError = error => {
	      this.emit(events.error, { ...error, message: error.message, stack: error.stack, queue: name, worker: id });
	    };

	    const worker = new Worker({ id, name, options, interval, fetch, onFetch, onError });

	    this.addWorker(worker);

	    worker.start();

	    return id
	  }

	  async offWork (value) {
	    assert(value, 'Missing required argument');

	    const query = (typeof value === 'string')
	      ? { filter: i => i.name === value }
	      : (typeof value === 'object' && value.id)
	          ? { filter: i => i.id === value.id }
	          : null;

	    assert(query, 'Invalid argument. Expected string or object: { id }');

	    const workers = this.getWorkers().filter(i => query.filter(i) && !i.stopping && !i.stopped);

	    if (workers.length === 0) {
	      return
	    }

	    for (const worker of workers) {
	      worker.stop();
	    }

	    setImmediate(async () => {
	      while (!workers.every(w => w.stopped)) {
	        await delay(1000);
	      }

	      for (const worker of workers) {
	        this.removeWorker(worker);
	      }
	    });
	  }

	  notifyWorker (workerId) {
	    if (this.workers.has(workerId)) {
	      this.workers.get(workerId).notify();
	    }
	  }

	  async subscribe (event, name) {
	    assert(event, 'Missing required argument');
	    assert(name, 'Missing required argument');

	    return await this.db.executeSql(this.subscribeCommand, [event, name])
	  }

	  async unsubscribe (event, name) {
	    assert(event, 'Missing required argument');
	    assert(name, 'Missing required argument');

	    return await this.db.executeSql(this.unsubscribeCommand, [event, name])
	  }

	  async publish (event, ...args) {
	    assert(event, 'Missing required argument');

	    const { rows } = await this.db.executeSql(this.getQueuesForEventCommand, [event]);

	    await Promise.allSettled(rows.map(({ name }) => this.send(name, ...args)));
	  }

	  async send (...args) {
	    const { name, data, options } = Attorney.checkSendArgs(args, this.config);
	    return await this.createJob(name, data, options)
	  }

	  async sendAfter (name, data, options, after) {
	    options = options ? { ...options } : {};
	    options.startAfter = after;

	    const result = Attorney.checkSendArgs([name, data, options], this.config);

	    return await this.createJob(result.name, result.data, result.options)
	  }

	  async sendThrottled (name, data, options, seconds, key) {
	    options = options ? { ...options } : {};
	    options.singletonSeconds = seconds;
	    options.singletonNextSlot = false;
	    options.singletonKey = key;

	    const result = Attorney.checkSendArgs([name, data, options], this.config);

	    return await this.createJob(result.name, result.data, result.options)
	  }

	  async sendDebounced (name, data, options, seconds, key) {
	    options = options ? { ...options } : {};
	    options.singletonSeconds = seconds;
	    options.singletonNextSlot = true;
	    options.singletonKey = key;

	    const result = Attorney.checkSendArgs([name, data, options], this.config);

	    return await this.createJob(result.name, result.data, result.options)
	  }

	  async createJob (name, data, options, singletonOffset = 0) {
	    const {
	      id = null,
	      db: wrapper,
	      priority,
	      startAfter,
	      singletonKey = null,
	      singletonSeconds,
	      deadLetter = null,
	      expireIn,
	      expireInDefault,
	      keepUntil,
	      keepUntilDefault,
	      retryLimit,
	      retryLimitDefault,
	      retryDelay,
	      retryDelayDefault,
	      retryBackoff,
	      retryBackoffDefault
	    } = options;

	    const values = [
	      id, // 1
	      name, // 2
	      data, // 3
	      priority, // 4
	      startAfter, // 5
	      singletonKey, // 6
	      singletonSeconds, // 7
	      singletonOffset, // 8
	      deadLetter, // 9
	      expireIn, // 10
	      expireInDefault, // 11
	      keepUntil, // 12
	      keepUntilDefault, // 13
	      retryLimit, // 14
	      retryLimitDefault, // 15
	      retryDelay, // 16
	      retryDelayDefault, // 17
	      retryBackoff, // 18
	      retryBackoffDefault // 19
	    ];

	    const db = wrapper || this.db;
	    const { rows } = await db.executeSql(this.insertJobCommand, values);

	    if (rows.length === 1) {
	      return rows[0].id
	    }

	    if (!options.singletonNextSlot) {
	      return null
	    }

	    // delay starting by the offset to honor throttling config
	    options.startAfter = this.getDebounceStartAfter(singletonSeconds, this.timekeeper.clockSkew);

	    // toggle off next slot config for round 2
	    options.singletonNextSlot = false;

	    singletonOffset = singletonSeconds;

	    return await this.createJob(name, data, options, singletonOffset)
	  }

	  async insert (jobs, options = {}) {
	    assert(Array.isArray(jobs), 'jobs argument should be an array');

	    const db = options.db || this.db;

	    const params = [
	      JSON.stringify(jobs), // 1
	      this.config.expireIn, // 2
	      this.config.keepUntil, // 3
	      this.config.retryLimit, // 4
	      this.config.retryDelay, // 5
	      this.config.retryBackoff // 6
	    ];

	    const { rows } = await db.executeSql(this.insertJobsCommand, params);

	    return (rows.length) ? rows.map(i => i.id) : null
	  }

	  getDebounceStartAfter (singletonSeconds, clockOffset) {
	    const debounceInterval = singletonSeconds * 1000;

	    const now = Date.now() + clockOffset;

	    const slot = Math.floor(now / debounceInterval) * debounceInterval;

	    // prevent startAfter=0 during debouncing
	    let startAfter = (singletonSeconds - Math.floor((now - slot) / 1000)) || 1;

	    if (singletonSeconds > 1) {
	      startAfter++;
	    }

	    return startAfter
	  }

	  async fetch (name, options = {}) {
	    Attorney.checkFetchArgs(name, options);
	    const db = options.db || this.db;
	    const nextJobSql = this.nextJobCommand({ ...options });

	    let result;

	    try {
	      result = await db.executeSql(nextJobSql, [name, options.batchSize]);
	    } catch (err) {
	      // errors from fetchquery should only be unique constraint violations
	    }

	    return result?.rows || []
	  }

	  mapCompletionIdArg (id, funcName) {
	    const errorMessage = `${funcName}() requires an id`;

	    assert(id, errorMessage);

	    const ids = Array.isArray(id) ? id : [id];

	    assert(ids.length, errorMessage);

	    return ids
	  }

	  mapCompletionDataArg (data) {
	    if (data === null || typeof data === 'undefined' || typeof data === 'function') { return null }

	    const result = (typeof data === 'object' && !Array.isArray(data))
	      ? data
	      : { value: data };

	    return stringify(result)
	  }

	  mapCommandResponse (ids, result) {
	    return {
	      jobs: ids,
	      requested: ids.length,
	      affected: result && result.rows ? parseInt(result.rows[0].count) : 0
	    }
	  }

	  async complete (name, id, data, options = {}) {
	    Attorney.assertQueueName(name);
	    const db = options.db || this.db;
	    const ids = this.mapCompletionIdArg(id, 'complete');
	    const result = await db.executeSql(this.completeJobsCommand, [name, ids, this.mapCompletionDataArg(data)]);
	    return this.mapCommandResponse(ids, result)
	  }

	  async fail (name, id, data, options = {}) {
	    Attorney.assertQueueName(name);
	    const db = options.db || this.db;
	    const ids = this.mapCompletionIdArg(id, 'fail');
	    const result = await db.executeSql(this.failJobsByIdCommand, [name, ids, this.mapCompletionDataArg(data)]);
	    return this.mapCommandResponse(ids, result)
	  }

	  async cancel (name, id, options = {}) {
	    Attorney.assertQueueName(name);
	    const db = options.db || this.db;
	    const ids = this.mapCompletionIdArg(id, 'cancel');
	    const result = await db.executeSql(this.cancelJobsCommand, [name, ids]);
	    return this.mapCommandResponse(ids, result)
	  }

	  async deleteJob (name, id, options = {}) {
	    Attorney.assertQueueName(name);
	    const db = options.db || this.db;
	    const ids = this.mapCompletionIdArg(id, 'deleteJob');
	    const result = await db.executeSql(this.deleteJobsCommand, [name, ids]);
	    return this.mapCommandResponse(ids, result)
	  }

	  async resume (name, id, options = {}) {
	    Attorney.assertQueueName(name);
	    const db = options.db || this.db;
	    const ids = this.mapCompletionIdArg(id, 'resume');
	    const result = await db.executeSql(this.resumeJobsCommand, [name, ids]);
	    return this.mapCommandResponse(ids, result)
	  }

	  async retry (name, id, options = {}) {
	    Attorney.assertQueueName(name);
	    const db = options.db || this.db;
	    const ids = this.mapCompletionIdArg(id, 'retry');
	    const result = await db.executeSql(this.retryJobsCommand, [name, ids]);
	    return this.mapCommandResponse(ids, result)
	  }

	  async createQueue (name, options = {}) {
	    name = name || options.name;

	    Attorney.assertQueueName(name);

	    const { policy = QUEUE_POLICIES.standard } = options;

	    assert(policy in QUEUE_POLICIES, `${policy} is not a valid queue policy`);

	    const {
	      retryLimit,
	      retryDelay,
	      retryBackoff,
	      expireInSeconds,
	      retentionMinutes,
	      deadLetter
	    } = Attorney.checkQueueArgs(name, options);

	    if (deadLetter) {
	      Attorney.assertQueueName(deadLetter);
	    }

	    // todo: pull in defaults from constructor config
	    const data = {
	      policy,
	      retryLimit,
	      retryDelay,
	      retryBackoff,
	      expireInSeconds,
	      retentionMinutes,
	      deadLetter
	    };

	    await this.db.executeSql(this.createQueueCommand, [name, data]);
	  }

	  async getQueues () {
	    const { rows } = await this.db.executeSql(this.getQueuesCommand);
	    return rows
	  }

	  async updateQueue (name, options = {}) {
	    Attorney.assertQueueName(name);

	    const { policy = QUEUE_POLICIES.standard } = options;

	    assert(policy in QUEUE_POLICIES, `${policy} is not a valid queue policy`);

	    const {
	      retryLimit,
	      retryDelay,
	      retryBackoff,
	      expireInSeconds,
	      retentionMinutes,
	      deadLetter
	    } = Attorney.checkQueueArgs(name, options);

	    const params = [
	      name,
	      policy,
	      retryLimit,
	      retryDelay,
	      retryBackoff,
	      expireInSeconds,
	      retentionMinutes,
	      deadLetter
	    ];

	    await this.db.executeSql(this.updateQueueCommand, params);
	  }

	  async getQueue (name) {
	    Attorney.assertQueueName(name);

	    const { rows } = await this.db.executeSql(this.getQueueByNameCommand, [name]);

	    return rows[0] || null
	  }

	  async deleteQueue (name) {
	    Attorney.assertQueueName(name);

	    const { rows } = await this.db.executeSql(this.getQueueByNameCommand, [name]);

	    if (rows.length === 1) {
	      await this.db.executeSql(this.deleteQueueCommand, [name]);
	    }
	  }

	  async purgeQueue (name) {
	    Attorney.assertQueueName(name);
	    await this.db.executeSql(this.purgeQueueCommand, [name]);
	  }

	  async clearStorage () {
	    await this.db.executeSql(this.clearStorageCommand);
	  }

	  async getQueueSize (name, options) {
	    Attorney.assertQueueName(name);

	    const sql = plans.getQueueSize(this.config.schema, options);

	    const result = await this.db.executeSql(sql, [name]);

	    return result ? parseFloat(result.rows[0].count) : null
	  }

	  async getJobById (name, id, options = {}) {
	    Attorney.assertQueueName(name);

	    const db = options.db || this.db;

	    const result1 = await db.executeSql(this.getJobByIdCommand, [name, id]);

	    if (result1?.rows?.length === 1) {
	      return result1.rows[0]
	    } else if (options.includeArchive) {
	      const result2 = await db.executeSql(this.getArchivedJobByIdCommand, [name, id]);
	      return result2?.rows[0] || null
	    } else {
	      return null
	    }
	  }
	}

	manager = Manager;
	return manager;
}

var boss;
var hasRequiredBoss;

function requireBoss () {
	if (hasRequiredBoss) return boss;
	hasRequiredBoss = 1;
	const EventEmitter = require$$0$2;
	const plans = requirePlans();
	const { delay } = requireTools();

	const events = {
	  error: 'error',
	  monitorStates: 'monitor-states',
	  maintenance: 'maintenance'
	};

	class Boss extends EventEmitter {
	  constructor (db, config) {
	    super();

	    this.db = db;
	    this.config = config;
	    this.manager = config.manager;

	    this.maintenanceIntervalSeconds = config.maintenanceIntervalSeconds;
	    this.monitorStateIntervalSeconds = config.monitorStateIntervalSeconds;

	    this.events = events;

	    this.failJobsByTimeoutCommand = plans.locked(config.schema, plans.failJobsByTimeout(config.schema));
	    this.archiveCommand = plans.locked(config.schema, plans.archive(config.schema, config.archiveInterval, config.archiveFailedInterval));
	    this.dropCommand = plans.locked(config.schema, plans.drop(config.schema, config.deleteAfter));
	    this.trySetMaintenanceTimeCommand = plans.trySetMaintenanceTime(config.schema);
	    this.trySetMonitorTimeCommand = plans.trySetMonitorTime(config.schema);
	    this.countStatesCommand = plans.countStates(config.schema);

	    this.functions = [
	      this.expire,
	      this.archive,
	      this.drop,
	      this.countStates,
	      this.maintain
	    ];
	  }

	  async supervise () {
	    this.maintenanceInterval = setInterval(() => this.onSupervise(), this.maintenanceIntervalSeconds * 1000);
	  }

	  async monitor () {
	    this.monitorInterval = setInterval(() => this.onMonitor(), this.monitorStateIntervalSeconds * 1000);
	  }

	  async onMonitor () {
	    try {
	      if (this.monitoring) {
	        return
	      }

	      this.monitoring = true;

	      if (this.config.__test__delay_monitor) {
	        await delay(this.config.__test__delay_monitor);
	      }

	      if (this.config.__test__throw_monitor) {
	        throw new Error(this.config.__test__throw_monitor)
	      }

	      if (this.stopped) {
	        return
	      }

	      const { rows } = await this.db.executeSql(this.trySetMonitorTimeCommand, [this.config.monitorStateIntervalSeconds]);

	      if (rows.length === 1 && !this.stopped) {
	        const states = await this.countStates();
	        this.emit(events.monitorStates, states);
	      }
	    } catch (err) {
	      this.emit(events.error, err);
	    } finally {
	      this.monitoring = false;
	    }
	  }

	  async onSupervise () {
	    try {
	      if (this.maintaining) {
	        return
	      }

	      this.maintaining = true;

	      if (this.config.__test__delay_maintenance && !this.stopped) {
	        this.__testDelayPromise = delay(this.config.__test__delay_maintenance);
	        await this.__testDelayPromise;
	      }

	      if (this.config.__test__throw_maint) {
	        throw new Error(this.config.__test__throw_maint)
	      }

	      if (this.stopped) {
	        return
	      }

	      const { rows } = await this.db.executeSql(this.trySetMaintenanceTimeCommand, [this.config.maintenanceIntervalSeconds]);

	      if (rows.length === 1 && !this.stopped) {
	        const result = await this.maintain();
	        this.emit(events.maintenance, result);
	      }
	    } catch (err) {
	      this.emit(events.error, err);
	    } finally {
	      this.maintaining = false;
	    }
	  }

	  async maintain () {
	    const started = Date.now();

	    !this.stopped && await this.expire();
	    !this.stopped && await this.archive();
	    !this.stopped && await this.drop();

	    const ended = Date.now();

	    return { ms: ended - started }
	  }

	  async stop () {
	    if (!this.stopped) {
	      if (this.__testDelayPromise) this.__testDelayPromise.abort();
	      if (this.maintenanceInterval) clearInterval(this.maintenanceInterval);
	      if (this.monitorInterval) clearInterval(this.monitorInterval);

	      this.stopped = true;
	    }
	  }

	  async countStates () {
	    const stateCountDefault = { ...plans.JOB_STATES };

	    for (const key of Object.keys(stateCountDefault)) {
	      stateCountDefault[key] = 0;
	    }

	    const counts = await this.db.executeSql(this.countStatesCommand);

	    const states = counts.rows.reduce((acc, item) => {
	      if (item.name) {
	        acc.queues[item.name] = acc.queues[item.name] || { ...stateCountDefault };
	      }

	      const queue = item.name ? acc.queues[item.name] : acc;
	      const state = item.state || 'all';

	      // parsing int64 since pg returns it as string
	      queue[state] = parseFloat(item.size);

	      return acc
	    }, { ...stateCountDefault, queues: {} });

	    return states
	  }

	  async expire () {
	    await this.db.executeSql(this.failJobsByTimeoutCommand);
	  }

	  async archive () {
	    await this.db.executeSql(this.archiveCommand);
	  }

	  async drop () {
	    await this.db.executeSql(this.dropCommand);
	  }
	}

	boss = Boss;
	return boss;
}

var lib$1 = {exports: {}};

var defaults = {exports: {}};

var pgTypes = {};

var postgresArray = {};

var hasRequiredPostgresArray;

function requirePostgresArray () {
	if (hasRequiredPostgresArray) return postgresArray;
	hasRequiredPostgresArray = 1;

	postgresArray.parse = function (source, transform) {
	  return new ArrayParser(source, transform).parse()
	};

	class ArrayParser {
	  constructor (source, transform) {
	    this.source = source;
	    this.transform = transform || identity;
	    this.position = 0;
	    this.entries = [];
	    this.recorded = [];
	    this.dimension = 0;
	  }

	  isEof () {
	    return this.position >= this.source.length
	  }

	  nextCharacter () {
	    var character = this.source[this.position++];
	    if (character === '\\') {
	      return {
	        value: this.source[this.position++],
	        escaped: true
	      }
	    }
	    return {
	      value: character,
	      escaped: false
	    }
	  }

	  record (character) {
	    this.recorded.push(character);
	  }

	  newEntry (includeEmpty) {
	    var entry;
	    if (this.recorded.length > 0 || includeEmpty) {
	      entry = this.recorded.join('');
	      if (entry === 'NULL' && !includeEmpty) {
	        entry = null;
	      }
	      if (entry !== null) entry = this.transform(entry);
	      this.entries.push(entry);
	      this.recorded = [];
	    }
	  }

	  consumeDimensions () {
	    if (this.source[0] === '[') {
	      while (!this.isEof()) {
	        var char = this.nextCharacter();
	        if (char.value === '=') break
	      }
	    }
	  }

	  parse (nested) {
	    var character, parser, quote;
	    this.consumeDimensions();
	    while (!this.isEof()) {
	      character = this.nextCharacter();
	      if (character.value === '{' && !quote) {
	        this.dimension++;
	        if (this.dimension > 1) {
	          parser = new ArrayParser(this.source.substr(this.position - 1), this.transform);
	          this.entries.push(parser.parse(true));
	          this.position += parser.position - 2;
	        }
	      } else if (character.value === '}' && !quote) {
	        this.dimension--;
	        if (!this.dimension) {
	          this.newEntry();
	          if (nested) return this.entries
	        }
	      } else if (character.value === '"' && !character.escaped) {
	        if (quote) this.newEntry(true);
	        quote = !quote;
	      } else if (character.value === ',' && !quote) {
	        this.newEntry();
	      } else {
	        this.record(character.value);
	      }
	    }
	    if (this.dimension !== 0) {
	      throw new Error('array dimension not balanced')
	    }
	    return this.entries
	  }
	}

	function identity (value) {
	  return value
	}
	return postgresArray;
}

var arrayParser;
var hasRequiredArrayParser;

function requireArrayParser () {
	if (hasRequiredArrayParser) return arrayParser;
	hasRequiredArrayParser = 1;
	var array = requirePostgresArray();

	arrayParser = {
	  create: function (source, transform) {
	    return {
	      parse: function() {
	        return array.parse(source, transform);
	      }
	    };
	  }
	};
	return arrayParser;
}

var postgresDate;
var hasRequiredPostgresDate;

function requirePostgresDate () {
	if (hasRequiredPostgresDate) return postgresDate;
	hasRequiredPostgresDate = 1;

	var DATE_TIME = /(\d{1,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,})?.*?( BC)?$/;
	var DATE = /^(\d{1,})-(\d{2})-(\d{2})( BC)?$/;
	var TIME_ZONE = /([Z+-])(\d{2})?:?(\d{2})?:?(\d{2})?/;
	var INFINITY = /^-?infinity$/;

	postgresDate = function parseDate (isoDate) {
	  if (INFINITY.test(isoDate)) {
	    // Capitalize to Infinity before passing to Number
	    return Number(isoDate.replace('i', 'I'))
	  }
	  var matches = DATE_TIME.exec(isoDate);

	  if (!matches) {
	    // Force YYYY-MM-DD dates to be parsed as local time
	    return getDate(isoDate) || null
	  }

	  var isBC = !!matches[8];
	  var year = parseInt(matches[1], 10);
	  if (isBC) {
	    year = bcYearToNegativeYear(year);
	  }

	  var month = parseInt(matches[2], 10) - 1;
	  var day = matches[3];
	  var hour = parseInt(matches[4], 10);
	  var minute = parseInt(matches[5], 10);
	  var second = parseInt(matches[6], 10);

	  var ms = matches[7];
	  ms = ms ? 1000 * parseFloat(ms) : 0;

	  var date;
	  var offset = timeZoneOffset(isoDate);
	  if (offset != null) {
	    date = new Date(Date.UTC(year, month, day, hour, minute, second, ms));

	    // Account for years from 0 to 99 being interpreted as 1900-1999
	    // by Date.UTC / the multi-argument form of the Date constructor
	    if (is0To99(year)) {
	      date.setUTCFullYear(year);
	    }

	    if (offset !== 0) {
	      date.setTime(date.getTime() - offset);
	    }
	  } else {
	    date = new Date(year, month, day, hour, minute, second, ms);

	    if (is0To99(year)) {
	      date.setFullYear(year);
	    }
	  }

	  return date
	};

	function getDate (isoDate) {
	  var matches = DATE.exec(isoDate);
	  if (!matches) {
	    return
	  }

	  var year = parseInt(matches[1], 10);
	  var isBC = !!matches[4];
	  if (isBC) {
	    year = bcYearToNegativeYear(year);
	  }

	  var month = parseInt(matches[2], 10) - 1;
	  var day = matches[3];
	  // YYYY-MM-DD will be parsed as local time
	  var date = new Date(year, month, day);

	  if (is0To99(year)) {
	    date.setFullYear(year);
	  }

	  return date
	}

	// match timezones:
	// Z (UTC)
	// -05
	// +06:30
	function timeZoneOffset (isoDate) {
	  if (isoDate.endsWith('+00')) {
	    return 0
	  }

	  var zone = TIME_ZONE.exec(isoDate.split(' ')[1]);
	  if (!zone) return
	  var type = zone[1];

	  if (type === 'Z') {
	    return 0
	  }
	  var sign = type === '-' ? -1 : 1;
	  var offset = parseInt(zone[2], 10) * 3600 +
	    parseInt(zone[3] || 0, 10) * 60 +
	    parseInt(zone[4] || 0, 10);

	  return offset * sign * 1000
	}

	function bcYearToNegativeYear (year) {
	  // Account for numerical difference between representations of BC years
	  // See: https://github.com/bendrucker/postgres-date/issues/5
	  return -(year - 1)
	}

	function is0To99 (num) {
	  return num >= 0 && num < 100
	}
	return postgresDate;
}

var mutable;
var hasRequiredMutable;

function requireMutable () {
	if (hasRequiredMutable) return mutable;
	hasRequiredMutable = 1;
	mutable = extend;

	var hasOwnProperty = Object.prototype.hasOwnProperty;

	function extend(target) {
	    for (var i = 1; i < arguments.length; i++) {
	        var source = arguments[i];

	        for (var key in source) {
	            if (hasOwnProperty.call(source, key)) {
	                target[key] = source[key];
	            }
	        }
	    }

	    return target
	}
	return mutable;
}

var postgresInterval;
var hasRequiredPostgresInterval;

function requirePostgresInterval () {
	if (hasRequiredPostgresInterval) return postgresInterval;
	hasRequiredPostgresInterval = 1;

	var extend = requireMutable();

	postgresInterval = PostgresInterval;

	function PostgresInterval (raw) {
	  if (!(this instanceof PostgresInterval)) {
	    return new PostgresInterval(raw)
	  }
	  extend(this, parse(raw));
	}
	var properties = ['seconds', 'minutes', 'hours', 'days', 'months', 'years'];
	PostgresInterval.prototype.toPostgres = function () {
	  var filtered = properties.filter(this.hasOwnProperty, this);

	  // In addition to `properties`, we need to account for fractions of seconds.
	  if (this.milliseconds && filtered.indexOf('seconds') < 0) {
	    filtered.push('seconds');
	  }

	  if (filtered.length === 0) return '0'
	  return filtered
	    .map(function (property) {
	      var value = this[property] || 0;

	      // Account for fractional part of seconds,
	      // remove trailing zeroes.
	      if (property === 'seconds' && this.milliseconds) {
	        value = (value + this.milliseconds / 1000).toFixed(6).replace(/\.?0+$/, '');
	      }

	      return value + ' ' + property
	    }, this)
	    .join(' ')
	};

	var propertiesISOEquivalent = {
	  years: 'Y',
	  months: 'M',
	  days: 'D',
	  hours: 'H',
	  minutes: 'M',
	  seconds: 'S'
	};
	var dateProperties = ['years', 'months', 'days'];
	var timeProperties = ['hours', 'minutes', 'seconds'];
	// according to ISO 8601
	PostgresInterval.prototype.toISOString = PostgresInterval.prototype.toISO = function () {
	  var datePart = dateProperties
	    .map(buildProperty, this)
	    .join('');

	  var timePart = timeProperties
	    .map(buildProperty, this)
	    .join('');

	  return 'P' + datePart + 'T' + timePart

	  function buildProperty (property) {
	    var value = this[property] || 0;

	    // Account for fractional part of seconds,
	    // remove trailing zeroes.
	    if (property === 'seconds' && this.milliseconds) {
	      value = (value + this.milliseconds / 1000).toFixed(6).replace(/0+$/, '');
	    }

	    return value + propertiesISOEquivalent[property]
	  }
	};

	var NUMBER = '([+-]?\\d+)';
	var YEAR = NUMBER + '\\s+years?';
	var MONTH = NUMBER + '\\s+mons?';
	var DAY = NUMBER + '\\s+days?';
	var TIME = '([+-])?([\\d]*):(\\d\\d):(\\d\\d)\\.?(\\d{1,6})?';
	var INTERVAL = new RegExp([YEAR, MONTH, DAY, TIME].map(function (regexString) {
	  return '(' + regexString + ')?'
	})
	  .join('\\s*'));

	// Positions of values in regex match
	var positions = {
	  years: 2,
	  months: 4,
	  days: 6,
	  hours: 9,
	  minutes: 10,
	  seconds: 11,
	  milliseconds: 12
	};
	// We can use negative time
	var negatives = ['hours', 'minutes', 'seconds', 'milliseconds'];

	function parseMilliseconds (fraction) {
	  // add omitted zeroes
	  var microseconds = fraction + '000000'.slice(fraction.length);
	  return parseInt(microseconds, 10) / 1000
	}

	function parse (interval) {
	  if (!interval) return {}
	  var matches = INTERVAL.exec(interval);
	  var isNegative = matches[8] === '-';
	  return Object.keys(positions)
	    .reduce(function (parsed, property) {
	      var position = positions[property];
	      var value = matches[position];
	      // no empty string
	      if (!value) return parsed
	      // milliseconds are actually microseconds (up to 6 digits)
	      // with omitted trailing zeroes.
	      value = property === 'milliseconds'
	        ? parseMilliseconds(value)
	        : parseInt(value, 10);
	      // no zeros
	      if (!value) return parsed
	      if (isNegative && ~negatives.indexOf(property)) {
	        value *= -1;
	      }
	      parsed[property] = value;
	      return parsed
	    }, {})
	}
	return postgresInterval;
}

var postgresBytea;
var hasRequiredPostgresBytea;

function requirePostgresBytea () {
	if (hasRequiredPostgresBytea) return postgresBytea;
	hasRequiredPostgresBytea = 1;

	var bufferFrom = Buffer.from || Buffer;

	postgresBytea = function parseBytea (input) {
	  if (/^\\x/.test(input)) {
	    // new 'hex' style response (pg >9.0)
	    return bufferFrom(input.substr(2), 'hex')
	  }
	  var output = '';
	  var i = 0;
	  while (i < input.length) {
	    if (input[i] !== '\\') {
	      output += input[i];
	      ++i;
	    } else {
	      if (/[0-7]{3}/.test(input.substr(i + 1, 3))) {
	        output += String.fromCharCode(parseInt(input.substr(i + 1, 3), 8));
	        i += 4;
	      } else {
	        var backslashes = 1;
	        while (i + backslashes < input.length && input[i + backslashes] === '\\') {
	          backslashes++;
	        }
	        for (var k = 0; k < Math.floor(backslashes / 2); ++k) {
	          output += '\\';
	        }
	        i += Math.floor(backslashes / 2) * 2;
	      }
	    }
	  }
	  return bufferFrom(output, 'binary')
	};
	return postgresBytea;
}

var textParsers;
var hasRequiredTextParsers;

function requireTextParsers () {
	if (hasRequiredTextParsers) return textParsers;
	hasRequiredTextParsers = 1;
	var array = requirePostgresArray();
	var arrayParser = requireArrayParser();
	var parseDate = requirePostgresDate();
	var parseInterval = requirePostgresInterval();
	var parseByteA = requirePostgresBytea();

	function allowNull (fn) {
	  return function nullAllowed (value) {
	    if (value === null) return value
	    return fn(value)
	  }
	}

	function parseBool (value) {
	  if (value === null) return value
	  return value === 'TRUE' ||
	    value === 't' ||
	    value === 'true' ||
	    value === 'y' ||
	    value === 'yes' ||
	    value === 'on' ||
	    value === '1';
	}

	function parseBoolArray (value) {
	  if (!value) return null
	  return array.parse(value, parseBool)
	}

	function parseBaseTenInt (string) {
	  return parseInt(string, 10)
	}

	function parseIntegerArray (value) {
	  if (!value) return null
	  return array.parse(value, allowNull(parseBaseTenInt))
	}

	function parseBigIntegerArray (value) {
	  if (!value) return null
	  return array.parse(value, allowNull(function (entry) {
	    return parseBigInteger(entry).trim()
	  }))
	}

	var parsePointArray = function(value) {
	  if(!value) { return null; }
	  var p = arrayParser.create(value, function(entry) {
	    if(entry !== null) {
	      entry = parsePoint(entry);
	    }
	    return entry;
	  });

	  return p.parse();
	};

	var parseFloatArray = function(value) {
	  if(!value) { return null; }
	  var p = arrayParser.create(value, function(entry) {
	    if(entry !== null) {
	      entry = parseFloat(entry);
	    }
	    return entry;
	  });

	  return p.parse();
	};

	var parseStringArray = function(value) {
	  if(!value) { return null; }

	  var p = arrayParser.create(value);
	  return p.parse();
	};

	var parseDateArray = function(value) {
	  if (!value) { return null; }

	  var p = arrayParser.create(value, function(entry) {
	    if (entry !== null) {
	      entry = parseDate(entry);
	    }
	    return entry;
	  });

	  return p.parse();
	};

	var parseIntervalArray = function(value) {
	  if (!value) { return null; }

	  var p = arrayParser.create(value, function(entry) {
	    if (entry !== null) {
	      entry = parseInterval(entry);
	    }
	    return entry;
	  });

	  return p.parse();
	};

	var parseByteAArray = function(value) {
	  if (!value) { return null; }

	  return array.parse(value, allowNull(parseByteA));
	};

	var parseInteger = function(value) {
	  return parseInt(value, 10);
	};

	var parseBigInteger = function(value) {
	  var valStr = String(value);
	  if (/^\d+$/.test(valStr)) { return valStr; }
	  return value;
	};

	var parseJsonArray = function(value) {
	  if (!value) { return null; }

	  return array.parse(value, allowNull(JSON.parse));
	};

	var parsePoint = function(value) {
	  if (value[0] !== '(') { return null; }

	  value = value.substring( 1, value.length - 1 ).split(',');

	  return {
	    x: parseFloat(value[0])
	  , y: parseFloat(value[1])
	  };
	};

	var parseCircle = function(value) {
	  if (value[0] !== '<' && value[1] !== '(') { return null; }

	  var point = '(';
	  var radius = '';
	  var pointParsed = false;
	  for (var i = 2; i < value.length - 1; i++){
	    if (!pointParsed) {
	      point += value[i];
	    }

	    if (value[i] === ')') {
	      pointParsed = true;
	      continue;
	    } else if (!pointParsed) {
	      continue;
	    }

	    if (value[i] === ','){
	      continue;
	    }

	    radius += value[i];
	  }
	  var result = parsePoint(point);
	  result.radius = parseFloat(radius);

	  return result;
	};

	var init = function(register) {
	  register(20, parseBigInteger); // int8
	  register(21, parseInteger); // int2
	  register(23, parseInteger); // int4
	  register(26, parseInteger); // oid
	  register(700, parseFloat); // float4/real
	  register(701, parseFloat); // float8/double
	  register(16, parseBool);
	  register(1082, parseDate); // date
	  register(1114, parseDate); // timestamp without timezone
	  register(1184, parseDate); // timestamp
	  register(600, parsePoint); // point
	  register(651, parseStringArray); // cidr[]
	  register(718, parseCircle); // circle
	  register(1000, parseBoolArray);
	  register(1001, parseByteAArray);
	  register(1005, parseIntegerArray); // _int2
	  register(1007, parseIntegerArray); // _int4
	  register(1028, parseIntegerArray); // oid[]
	  register(1016, parseBigIntegerArray); // _int8
	  register(1017, parsePointArray); // point[]
	  register(1021, parseFloatArray); // _float4
	  register(1022, parseFloatArray); // _float8
	  register(1231, parseFloatArray); // _numeric
	  register(1014, parseStringArray); //char
	  register(1015, parseStringArray); //varchar
	  register(1008, parseStringArray);
	  register(1009, parseStringArray);
	  register(1040, parseStringArray); // macaddr[]
	  register(1041, parseStringArray); // inet[]
	  register(1115, parseDateArray); // timestamp without time zone[]
	  register(1182, parseDateArray); // _date
	  register(1185, parseDateArray); // timestamp with time zone[]
	  register(1186, parseInterval);
	  register(1187, parseIntervalArray);
	  register(17, parseByteA);
	  register(114, JSON.parse.bind(JSON)); // json
	  register(3802, JSON.parse.bind(JSON)); // jsonb
	  register(199, parseJsonArray); // json[]
	  register(3807, parseJsonArray); // jsonb[]
	  register(3907, parseStringArray); // numrange[]
	  register(2951, parseStringArray); // uuid[]
	  register(791, parseStringArray); // money[]
	  register(1183, parseStringArray); // time[]
	  register(1270, parseStringArray); // timetz[]
	};

	textParsers = {
	  init: init
	};
	return textParsers;
}

var pgInt8;
var hasRequiredPgInt8;

function requirePgInt8 () {
	if (hasRequiredPgInt8) return pgInt8;
	hasRequiredPgInt8 = 1;

	// selected so (BASE - 1) * 0x100000000 + 0xffffffff is a safe integer
	var BASE = 1000000;

	function readInt8(buffer) {
		var high = buffer.readInt32BE(0);
		var low = buffer.readUInt32BE(4);
		var sign = '';

		if (high < 0) {
			high = ~high + (low === 0);
			low = (~low + 1) >>> 0;
			sign = '-';
		}

		var result = '';
		var carry;
		var t;
		var digits;
		var pad;
		var l;
		var i;

		{
			carry = high % BASE;
			high = high / BASE >>> 0;

			t = 0x100000000 * carry + low;
			low = t / BASE >>> 0;
			digits = '' + (t - BASE * low);

			if (low === 0 && high === 0) {
				return sign + digits + result;
			}

			pad = '';
			l = 6 - digits.length;

			for (i = 0; i < l; i++) {
				pad += '0';
			}

			result = pad + digits + result;
		}

		{
			carry = high % BASE;
			high = high / BASE >>> 0;

			t = 0x100000000 * carry + low;
			low = t / BASE >>> 0;
			digits = '' + (t - BASE * low);

			if (low === 0 && high === 0) {
				return sign + digits + result;
			}

			pad = '';
			l = 6 - digits.length;

			for (i = 0; i < l; i++) {
				pad += '0';
			}

			result = pad + digits + result;
		}

		{
			carry = high % BASE;
			high = high / BASE >>> 0;

			t = 0x100000000 * carry + low;
			low = t / BASE >>> 0;
			digits = '' + (t - BASE * low);

			if (low === 0 && high === 0) {
				return sign + digits + result;
			}

			pad = '';
			l = 6 - digits.length;

			for (i = 0; i < l; i++) {
				pad += '0';
			}

			result = pad + digits + result;
		}

		{
			carry = high % BASE;
			t = 0x100000000 * carry + low;
			digits = '' + t % BASE;

			return sign + digits + result;
		}
	}

	pgInt8 = readInt8;
	return pgInt8;
}

var binaryParsers;
var hasRequiredBinaryParsers;

function requireBinaryParsers () {
	if (hasRequiredBinaryParsers) return binaryParsers;
	hasRequiredBinaryParsers = 1;
	var parseInt64 = requirePgInt8();

	var parseBits = function(data, bits, offset, invert, callback) {
	  offset = offset || 0;
	  invert = invert || false;
	  callback = callback || function(lastValue, newValue, bits) { return (lastValue * Math.pow(2, bits)) + newValue; };
	  var offsetBytes = offset >> 3;

	  var inv = function(value) {
	    if (invert) {
	      return ~value & 0xff;
	    }

	    return value;
	  };

	  // read first (maybe partial) byte
	  var mask = 0xff;
	  var firstBits = 8 - (offset % 8);
	  if (bits < firstBits) {
	    mask = (0xff << (8 - bits)) & 0xff;
	    firstBits = bits;
	  }

	  if (offset) {
	    mask = mask >> (offset % 8);
	  }

	  var result = 0;
	  if ((offset % 8) + bits >= 8) {
	    result = callback(0, inv(data[offsetBytes]) & mask, firstBits);
	  }

	  // read bytes
	  var bytes = (bits + offset) >> 3;
	  for (var i = offsetBytes + 1; i < bytes; i++) {
	    result = callback(result, inv(data[i]), 8);
	  }

	  // bits to read, that are not a complete byte
	  var lastBits = (bits + offset) % 8;
	  if (lastBits > 0) {
	    result = callback(result, inv(data[bytes]) >> (8 - lastBits), lastBits);
	  }

	  return result;
	};

	var parseFloatFromBits = function(data, precisionBits, exponentBits) {
	  var bias = Math.pow(2, exponentBits - 1) - 1;
	  var sign = parseBits(data, 1);
	  var exponent = parseBits(data, exponentBits, 1);

	  if (exponent === 0) {
	    return 0;
	  }

	  // parse mantissa
	  var precisionBitsCounter = 1;
	  var parsePrecisionBits = function(lastValue, newValue, bits) {
	    if (lastValue === 0) {
	      lastValue = 1;
	    }

	    for (var i = 1; i <= bits; i++) {
	      precisionBitsCounter /= 2;
	      if ((newValue & (0x1 << (bits - i))) > 0) {
	        lastValue += precisionBitsCounter;
	      }
	    }

	    return lastValue;
	  };

	  var mantissa = parseBits(data, precisionBits, exponentBits + 1, false, parsePrecisionBits);

	  // special cases
	  if (exponent == (Math.pow(2, exponentBits + 1) - 1)) {
	    if (mantissa === 0) {
	      return (sign === 0) ? Infinity : -Infinity;
	    }

	    return NaN;
	  }

	  // normale number
	  return ((sign === 0) ? 1 : -1) * Math.pow(2, exponent - bias) * mantissa;
	};

	var parseInt16 = function(value) {
	  if (parseBits(value, 1) == 1) {
	    return -1 * (parseBits(value, 15, 1, true) + 1);
	  }

	  return parseBits(value, 15, 1);
	};

	var parseInt32 = function(value) {
	  if (parseBits(value, 1) == 1) {
	    return -1 * (parseBits(value, 31, 1, true) + 1);
	  }

	  return parseBits(value, 31, 1);
	};

	var parseFloat32 = function(value) {
	  return parseFloatFromBits(value, 23, 8);
	};

	var parseFloat64 = function(value) {
	  return parseFloatFromBits(value, 52, 11);
	};

	var parseNumeric = function(value) {
	  var sign = parseBits(value, 16, 32);
	  if (sign == 0xc000) {
	    return NaN;
	  }

	  var weight = Math.pow(10000, parseBits(value, 16, 16));
	  var result = 0;
	  var ndigits = parseBits(value, 16);
	  for (var i = 0; i < ndigits; i++) {
	    result += parseBits(value, 16, 64 + (16 * i)) * weight;
	    weight /= 10000;
	  }

	  var scale = Math.pow(10, parseBits(value, 16, 48));
	  return ((sign === 0) ? 1 : -1) * Math.round(result * scale) / scale;
	};

	var parseDate = function(isUTC, value) {
	  var sign = parseBits(value, 1);
	  var rawValue = parseBits(value, 63, 1);

	  // discard usecs and shift from 2000 to 1970
	  var result = new Date((((sign === 0) ? 1 : -1) * rawValue / 1000) + 946684800000);

	  if (!isUTC) {
	    result.setTime(result.getTime() + result.getTimezoneOffset() * 60000);
	  }

	  // add microseconds to the date
	  result.usec = rawValue % 1000;
	  result.getMicroSeconds = function() {
	    return this.usec;
	  };
	  result.setMicroSeconds = function(value) {
	    this.usec = value;
	  };
	  result.getUTCMicroSeconds = function() {
	    return this.usec;
	  };

	  return result;
	};

	var parseArray = function(value) {
	  var dim = parseBits(value, 32);

	  parseBits(value, 32, 32);
	  var elementType = parseBits(value, 32, 64);

	  var offset = 96;
	  var dims = [];
	  for (var i = 0; i < dim; i++) {
	    // parse dimension
	    dims[i] = parseBits(value, 32, offset);
	    offset += 32;

	    // ignore lower bounds
	    offset += 32;
	  }

	  var parseElement = function(elementType) {
	    // parse content length
	    var length = parseBits(value, 32, offset);
	    offset += 32;

	    // parse null values
	    if (length == 0xffffffff) {
	      return null;
	    }

	    var result;
	    if ((elementType == 0x17) || (elementType == 0x14)) {
	      // int/bigint
	      result = parseBits(value, length * 8, offset);
	      offset += length * 8;
	      return result;
	    }
	    else if (elementType == 0x19) {
	      // string
	      result = value.toString(this.encoding, offset >> 3, (offset += (length << 3)) >> 3);
	      return result;
	    }
	    else {
	      console.log("ERROR: ElementType not implemented: " + elementType);
	    }
	  };

	  var parse = function(dimension, elementType) {
	    var array = [];
	    var i;

	    if (dimension.length > 1) {
	      var count = dimension.shift();
	      for (i = 0; i < count; i++) {
	        array[i] = parse(dimension, elementType);
	      }
	      dimension.unshift(count);
	    }
	    else {
	      for (i = 0; i < dimension[0]; i++) {
	        array[i] = parseElement(elementType);
	      }
	    }

	    return array;
	  };

	  return parse(dims, elementType);
	};

	var parseText = function(value) {
	  return value.toString('utf8');
	};

	var parseBool = function(value) {
	  if(value === null) return null;
	  return (parseBits(value, 8) > 0);
	};

	var init = function(register) {
	  register(20, parseInt64);
	  register(21, parseInt16);
	  register(23, parseInt32);
	  register(26, parseInt32);
	  register(1700, parseNumeric);
	  register(700, parseFloat32);
	  register(701, parseFloat64);
	  register(16, parseBool);
	  register(1114, parseDate.bind(null, false));
	  register(1184, parseDate.bind(null, true));
	  register(1000, parseArray);
	  register(1007, parseArray);
	  register(1016, parseArray);
	  register(1008, parseArray);
	  register(1009, parseArray);
	  register(25, parseText);
	};

	binaryParsers = {
	  init: init
	};
	return binaryParsers;
}

/**
 * Following query was used to generate this file:

 SELECT json_object_agg(UPPER(PT.typname), PT.oid::int4 ORDER BY pt.oid)
 FROM pg_type PT
 WHERE typnamespace = (SELECT pgn.oid FROM pg_namespace pgn WHERE nspname = 'pg_catalog') -- Take only builting Postgres types with stable OID (extension types are not guaranted to be stable)
 AND typtype = 'b' -- Only basic types
 AND typelem = 0 -- Ignore aliases
 AND typisdefined -- Ignore undefined types
 */

var builtins;
var hasRequiredBuiltins;

function requireBuiltins () {
	if (hasRequiredBuiltins) return builtins;
	hasRequiredBuiltins = 1;
	builtins = {
	    BOOL: 16,
	    BYTEA: 17,
	    CHAR: 18,
	    INT8: 20,
	    INT2: 21,
	    INT4: 23,
	    REGPROC: 24,
	    TEXT: 25,
	    OID: 26,
	    TID: 27,
	    XID: 28,
	    CID: 29,
	    JSON: 114,
	    XML: 142,
	    PG_NODE_TREE: 194,
	    SMGR: 210,
	    PATH: 602,
	    POLYGON: 604,
	    CIDR: 650,
	    FLOAT4: 700,
	    FLOAT8: 701,
	    ABSTIME: 702,
	    RELTIME: 703,
	    TINTERVAL: 704,
	    CIRCLE: 718,
	    MACADDR8: 774,
	    MONEY: 790,
	    MACADDR: 829,
	    INET: 869,
	    ACLITEM: 1033,
	    BPCHAR: 1042,
	    VARCHAR: 1043,
	    DATE: 1082,
	    TIME: 1083,
	    TIMESTAMP: 1114,
	    TIMESTAMPTZ: 1184,
	    INTERVAL: 1186,
	    TIMETZ: 1266,
	    BIT: 1560,
	    VARBIT: 1562,
	    NUMERIC: 1700,
	    REFCURSOR: 1790,
	    REGPROCEDURE: 2202,
	    REGOPER: 2203,
	    REGOPERATOR: 2204,
	    REGCLASS: 2205,
	    REGTYPE: 2206,
	    UUID: 2950,
	    TXID_SNAPSHOT: 2970,
	    PG_LSN: 3220,
	    PG_NDISTINCT: 3361,
	    PG_DEPENDENCIES: 3402,
	    TSVECTOR: 3614,
	    TSQUERY: 3615,
	    GTSVECTOR: 3642,
	    REGCONFIG: 3734,
	    REGDICTIONARY: 3769,
	    JSONB: 3802,
	    REGNAMESPACE: 4089,
	    REGROLE: 4096
	};
	return builtins;
}

var hasRequiredPgTypes;

function requirePgTypes () {
	if (hasRequiredPgTypes) return pgTypes;
	hasRequiredPgTypes = 1;
	var textParsers = requireTextParsers();
	var binaryParsers = requireBinaryParsers();
	var arrayParser = requireArrayParser();
	var builtinTypes = requireBuiltins();

	pgTypes.getTypeParser = getTypeParser;
	pgTypes.setTypeParser = setTypeParser;
	pgTypes.arrayParser = arrayParser;
	pgTypes.builtins = builtinTypes;

	var typeParsers = {
	  text: {},
	  binary: {}
	};

	//the empty parse function
	function noParse (val) {
	  return String(val);
	}
	//returns a function used to convert a specific type (specified by
	//oid) into a result javascript type
	//note: the oid can be obtained via the following sql query:
	//SELECT oid FROM pg_type WHERE typname = 'TYPE_NAME_HERE';
	function getTypeParser (oid, format) {
	  format = format || 'text';
	  if (!typeParsers[format]) {
	    return noParse;
	  }
	  return typeParsers[format][oid] || noParse;
	}
	function setTypeParser (oid, format, parseFn) {
	  if(typeof format == 'function') {
	    parseFn = format;
	    format = 'text';
	  }
	  typeParsers[format][oid] = parseFn;
	}
	textParsers.init(function(oid, converter) {
	  typeParsers.text[oid] = converter;
	});

	binaryParsers.init(function(oid, converter) {
	  typeParsers.binary[oid] = converter;
	});
	return pgTypes;
}

var hasRequiredDefaults;

function requireDefaults () {
	if (hasRequiredDefaults) return defaults.exports;
	hasRequiredDefaults = 1;
	(function (module) {

		let user;
		try {
		  user = process.platform === 'win32' ? process.env.USERNAME : process.env.USER;
		} catch {
		  // ignore, e.g., Deno without --allow-env
		}

		module.exports = {
		  // database host. defaults to localhost
		  host: 'localhost',

		  // database user's name
		  user,

		  // name of database to connect
		  database: undefined,

		  // database user's password
		  password: null,

		  // a Postgres connection string to be used instead of setting individual connection items
		  // NOTE:  Setting this value will cause it to override any other value (such as database or user) defined
		  // in the defaults object.
		  connectionString: undefined,

		  // database port
		  port: 5432,

		  // number of rows to return at a time from a prepared statement's
		  // portal. 0 will return all rows at once
		  rows: 0,

		  // binary result mode
		  binary: false,

		  // Connection pool options - see https://github.com/brianc/node-pg-pool

		  // number of connections to use in connection pool
		  // 0 will disable connection pooling
		  max: 10,

		  // max milliseconds a client can go unused before it is removed
		  // from the pool and destroyed
		  idleTimeoutMillis: 30000,

		  client_encoding: '',

		  ssl: false,

		  // SSL negotiation style: 'postgres' (traditional SSLRequest) or 'direct'
		  sslnegotiation: undefined,

		  application_name: undefined,

		  fallback_application_name: undefined,

		  options: undefined,

		  parseInputDatesAsUTC: false,

		  // max milliseconds any query using this connection will execute for before timing out in error.
		  // false=unlimited
		  statement_timeout: false,

		  // Abort any statement that waits longer than the specified duration in milliseconds while attempting to acquire a lock.
		  // false=unlimited
		  lock_timeout: false,

		  // Terminate any session with an open transaction that has been idle for longer than the specified duration in milliseconds
		  // false=unlimited
		  idle_in_transaction_session_timeout: false,

		  // max milliseconds to wait for query to complete (client side)
		  query_timeout: false,

		  connect_timeout: 0,

		  keepalives: 1,

		  keepalives_idle: 0,
		};

		const pgTypes = requirePgTypes();
		// save default parsers
		const parseBigInteger = pgTypes.getTypeParser(20, 'text');
		const parseBigIntegerArray = pgTypes.getTypeParser(1016, 'text');

		// parse int8 so you can get your count values as actual numbers
		module.exports.__defineSetter__('parseInt8', function (val) {
		  pgTypes.setTypeParser(20, 'text', val ? pgTypes.getTypeParser(23, 'text') : parseBigInteger);
		  pgTypes.setTypeParser(1016, 'text', val ? pgTypes.getTypeParser(1007, 'text') : parseBigIntegerArray);
		}); 
	} (defaults));
	return defaults.exports;
}

var utils$1;
var hasRequiredUtils$1;

function requireUtils$1 () {
	if (hasRequiredUtils$1) return utils$1;
	hasRequiredUtils$1 = 1;

	const defaults = requireDefaults();
	const nodeUtils = require$$0$3;

	const { isDate } = require$$2$1;

	const invalidDateDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'Sending an invalid date to Postgres is deprecated and will throw an error in the next major version of pg. Ensure any Date object passed as a query parameter is valid.',
	  'PG_INVALID_DATE'
	);

	function escapeElement(elementRepresentation) {
	  const escaped = elementRepresentation.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

	  return '"' + escaped + '"'
	}

	// convert a JS array to a postgres array literal
	// uses comma separator so won't work for types like box that use
	// a different array separator.
	function arrayString(val) {
	  let result = '{';
	  for (let i = 0; i < val.length; i++) {
	    if (i > 0) {
	      result += ',';
	    }
	    let item = val[i];
	    if (item == null) {
	      result += 'NULL';
	    } else if (Array.isArray(item)) {
	      result += arrayString(item);
	    } else if (ArrayBuffer.isView(item)) {
	      if (!(item instanceof Buffer)) {
	        item = Buffer.from(item.buffer, item.byteOffset, item.byteLength);
	      }
	      result += '\\\\x' + item.toString('hex');
	    } else {
	      result += escapeElement(prepareValue(item));
	    }
	  }
	  result += '}';
	  return result
	}

	// converts values from javascript types
	// to their 'raw' counterparts for use as a postgres parameter
	// note: you can override this function to provide your own conversion mechanism
	// for complex types, etc...
	const prepareValue = function (val, seen) {
	  // null and undefined are both null for postgres
	  if (val == null) {
	    return null
	  }
	  if (typeof val === 'object') {
	    if (val instanceof Buffer) {
	      return val
	    }
	    if (ArrayBuffer.isView(val)) {
	      return Buffer.from(val.buffer, val.byteOffset, val.byteLength)
	    }
	    if (isDate(val)) {
	      if (isNaN(val.getTime())) {
	        invalidDateDeprecationNotice();
	      }
	      if (defaults.parseInputDatesAsUTC) {
	        return dateToStringUTC(val)
	      } else {
	        return dateToString(val)
	      }
	    }
	    if (Array.isArray(val)) {
	      return arrayString(val)
	    }

	    return prepareObject(val, seen)
	  }
	  return val.toString()
	};

	function prepareObject(val, seen) {
	  if (val && typeof val.toPostgres === 'function') {
	    seen = seen || [];
	    if (seen.indexOf(val) !== -1) {
	      throw new Error('circular reference detected while preparing "' + val + '" for query')
	    }
	    seen.push(val);

	    return prepareValue(val.toPostgres(prepareValue), seen)
	  }
	  return JSON.stringify(val)
	}

	function dateToString(date) {
	  let offset = -date.getTimezoneOffset();

	  let year = date.getFullYear();
	  const isBCYear = year < 1;
	  if (isBCYear) year = Math.abs(year) + 1; // negative years are 1 off their BC representation

	  let ret =
	    String(year).padStart(4, '0') +
	    '-' +
	    String(date.getMonth() + 1).padStart(2, '0') +
	    '-' +
	    String(date.getDate()).padStart(2, '0') +
	    'T' +
	    String(date.getHours()).padStart(2, '0') +
	    ':' +
	    String(date.getMinutes()).padStart(2, '0') +
	    ':' +
	    String(date.getSeconds()).padStart(2, '0') +
	    '.' +
	    String(date.getMilliseconds()).padStart(3, '0');

	  if (offset < 0) {
	    ret += '-';
	    offset *= -1;
	  } else {
	    ret += '+';
	  }

	  ret += String(Math.floor(offset / 60)).padStart(2, '0') + ':' + String(offset % 60).padStart(2, '0');
	  if (isBCYear) ret += ' BC';
	  return ret
	}

	function dateToStringUTC(date) {
	  let year = date.getUTCFullYear();
	  const isBCYear = year < 1;
	  if (isBCYear) year = Math.abs(year) + 1; // negative years are 1 off their BC representation

	  let ret =
	    String(year).padStart(4, '0') +
	    '-' +
	    String(date.getUTCMonth() + 1).padStart(2, '0') +
	    '-' +
	    String(date.getUTCDate()).padStart(2, '0') +
	    'T' +
	    String(date.getUTCHours()).padStart(2, '0') +
	    ':' +
	    String(date.getUTCMinutes()).padStart(2, '0') +
	    ':' +
	    String(date.getUTCSeconds()).padStart(2, '0') +
	    '.' +
	    String(date.getUTCMilliseconds()).padStart(3, '0');

	  ret += '+00:00';
	  if (isBCYear) ret += ' BC';
	  return ret
	}

	function normalizeQueryConfig(config, values, callback) {
	  // can take in strings or config objects
	  // Copy config so normalization does not mutate the caller's object.
	  config = typeof config === 'string' ? { text: config } : cloneQueryConfig(config);
	  if (values) {
	    if (typeof values === 'function') {
	      config.callback = values;
	    } else {
	      config.values = values;
	    }
	  }
	  if (callback) {
	    config.callback = callback;
	  }
	  return config
	}

	function cloneQueryConfig(config) {
	  if (config == null) {
	    return config
	  }
	  return Object.defineProperties(Object.create(Object.getPrototypeOf(config)), Object.getOwnPropertyDescriptors(config))
	}

	// Ported from PostgreSQL 9.2.4 source code in src/interfaces/libpq/fe-exec.c
	const escapeIdentifier = function (str) {
	  return '"' + str.replace(/"/g, '""') + '"'
	};

	const escapeLiteral = function (str) {
	  let hasBackslash = false;
	  let escaped = "'";

	  if (str == null) {
	    return "''"
	  }

	  if (typeof str !== 'string') {
	    return "''"
	  }

	  for (let i = 0; i < str.length; i++) {
	    const c = str[i];
	    if (c === "'") {
	      escaped += c + c;
	    } else if (c === '\\') {
	      escaped += c + c;
	      hasBackslash = true;
	    } else {
	      escaped += c;
	    }
	  }

	  escaped += "'";

	  if (hasBackslash === true) {
	    escaped = ' E' + escaped;
	  }

	  return escaped
	};

	utils$1 = {
	  prepareValue: function prepareValueWrapper(value) {
	    // this ensures that extra arguments do not get passed into prepareValue
	    // by accident, eg: from calling values.map(utils.prepareValue)
	    return prepareValue(value)
	  },
	  normalizeQueryConfig,
	  escapeIdentifier,
	  escapeLiteral,
	};
	return utils$1;
}

var utils;
var hasRequiredUtils;

function requireUtils () {
	if (hasRequiredUtils) return utils;
	hasRequiredUtils = 1;
	const nodeCrypto = crypto__default;

	utils = {
	  postgresMd5PasswordHash,
	  randomBytes,
	  deriveKey,
	  sha256,
	  hashByName,
	  hmacSha256,
	  md5,
	};

	/**
	 * The Web Crypto API - grabbed from the Node.js library or the global
	 * @type Crypto
	 */
	// eslint-disable-next-line no-undef
	const webCrypto = nodeCrypto.webcrypto || globalThis.crypto;
	/**
	 * The SubtleCrypto API for low level crypto operations.
	 * @type SubtleCrypto
	 */
	const subtleCrypto = webCrypto.subtle;
	const textEncoder = new TextEncoder();

	/**
	 *
	 * @param {*} length
	 * @returns
	 */
	function randomBytes(length) {
	  return webCrypto.getRandomValues(Buffer.alloc(length))
	}

	async function md5(string) {
	  try {
	    return nodeCrypto.createHash('md5').update(string, 'utf-8').digest('hex')
	  } catch (e) {
	    // `createHash()` failed so we are probably not in Node.js, use the WebCrypto API instead.
	    // Note that the MD5 algorithm on WebCrypto is not available in Node.js.
	    // This is why we cannot just use WebCrypto in all environments.
	    const data = typeof string === 'string' ? textEncoder.encode(string) : string;
	    const hash = await subtleCrypto.digest('MD5', data);
	    return Array.from(new Uint8Array(hash))
	      .map((b) => b.toString(16).padStart(2, '0'))
	      .join('')
	  }
	}

	// See AuthenticationMD5Password at https://www.postgresql.org/docs/current/static/protocol-flow.html
	async function postgresMd5PasswordHash(user, password, salt) {
	  const inner = await md5(password + user);
	  const outer = await md5(Buffer.concat([Buffer.from(inner), salt]));
	  return 'md5' + outer
	}

	/**
	 * Create a SHA-256 digest of the given data
	 * @param {Buffer} data
	 */
	async function sha256(text) {
	  return await subtleCrypto.digest('SHA-256', text)
	}

	async function hashByName(hashName, text) {
	  return await subtleCrypto.digest(hashName, text)
	}

	/**
	 * Sign the message with the given key
	 * @param {ArrayBuffer} keyBuffer
	 * @param {string} msg
	 */
	async function hmacSha256(keyBuffer, msg) {
	  const key = await subtleCrypto.importKey('raw', keyBuffer, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	  return await subtleCrypto.sign('HMAC', key, textEncoder.encode(msg))
	}

	/**
	 * Derive a key from the password and salt
	 * @param {string} password
	 * @param {Uint8Array} salt
	 * @param {number} iterations
	 */
	async function deriveKey(password, salt, iterations) {
	  const key = await subtleCrypto.importKey('raw', textEncoder.encode(password), 'PBKDF2', false, ['deriveBits']);
	  const params = { name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations };
	  return await subtleCrypto.deriveBits(params, key, 32 * 8, ['deriveBits'])
	}
	return utils;
}

var certSignatures;
var hasRequiredCertSignatures;

function requireCertSignatures () {
	if (hasRequiredCertSignatures) return certSignatures;
	hasRequiredCertSignatures = 1;
	function x509Error(msg, cert) {
	  return new Error('SASL channel binding: ' + msg + ' when parsing public certificate ' + cert.toString('base64'))
	}

	function readASN1Length(data, index) {
	  let length = data[index++];
	  if (length < 0x80) return { length, index }

	  const lengthBytes = length & 0x7f;
	  if (lengthBytes > 4) throw x509Error('bad length', data)

	  length = 0;
	  for (let i = 0; i < lengthBytes; i++) {
	    length = (length << 8) | data[index++];
	  }

	  return { length, index }
	}

	function readASN1OID(data, index) {
	  if (data[index++] !== 0x6) throw x509Error('non-OID data', data) // 6 = OID

	  const { length: OIDLength, index: indexAfterOIDLength } = readASN1Length(data, index);
	  index = indexAfterOIDLength;
	  const lastIndex = index + OIDLength;

	  const byte1 = data[index++];
	  let oid = ((byte1 / 40) >> 0) + '.' + (byte1 % 40);

	  while (index < lastIndex) {
	    // loop over numbers in OID
	    let value = 0;
	    while (index < lastIndex) {
	      // loop over bytes in number
	      const nextByte = data[index++];
	      value = (value << 7) | (nextByte & 0x7f);
	      if (nextByte < 0x80) break
	    }
	    oid += '.' + value;
	  }

	  return { oid, index }
	}

	function expectASN1Seq(data, index) {
	  if (data[index++] !== 0x30) throw x509Error('non-sequence data', data) // 30 = Sequence
	  return readASN1Length(data, index)
	}

	function signatureAlgorithmHashFromCertificate(data, index) {
	  // read this thread: https://www.postgresql.org/message-id/17760-b6c61e752ec07060%40postgresql.org
	  if (index === undefined) index = 0;
	  index = expectASN1Seq(data, index).index;
	  const { length: certInfoLength, index: indexAfterCertInfoLength } = expectASN1Seq(data, index);
	  index = indexAfterCertInfoLength + certInfoLength; // skip over certificate info
	  index = expectASN1Seq(data, index).index; // skip over signature length field
	  const { oid, index: indexAfterOID } = readASN1OID(data, index);
	  switch (oid) {
	    // RSA
	    case '1.2.840.113549.1.1.4':
	      return 'MD5'
	    case '1.2.840.113549.1.1.5':
	      return 'SHA-1'
	    case '1.2.840.113549.1.1.11':
	      return 'SHA-256'
	    case '1.2.840.113549.1.1.12':
	      return 'SHA-384'
	    case '1.2.840.113549.1.1.13':
	      return 'SHA-512'
	    case '1.2.840.113549.1.1.14':
	      return 'SHA-224'
	    case '1.2.840.113549.1.1.15':
	      return 'SHA512-224'
	    case '1.2.840.113549.1.1.16':
	      return 'SHA512-256'
	    // ECDSA
	    case '1.2.840.10045.4.1':
	      return 'SHA-1'
	    case '1.2.840.10045.4.3.1':
	      return 'SHA-224'
	    case '1.2.840.10045.4.3.2':
	      return 'SHA-256'
	    case '1.2.840.10045.4.3.3':
	      return 'SHA-384'
	    case '1.2.840.10045.4.3.4':
	      return 'SHA-512'
	    // RSASSA-PSS: hash is indicated separately
	    case '1.2.840.113549.1.1.10': {
	      index = indexAfterOID;
	      index = expectASN1Seq(data, index).index;
	      if (data[index++] !== 0xa0) throw x509Error('non-tag data', data) // a0 = constructed tag 0
	      index = readASN1Length(data, index).index; // skip over tag length field
	      index = expectASN1Seq(data, index).index; // skip over sequence length field
	      const { oid: hashOID } = readASN1OID(data, index);
	      switch (hashOID) {
	        // standalone hash OIDs
	        case '1.2.840.113549.2.5':
	          return 'MD5'
	        case '1.3.14.3.2.26':
	          return 'SHA-1'
	        case '2.16.840.1.101.3.4.2.1':
	          return 'SHA-256'
	        case '2.16.840.1.101.3.4.2.2':
	          return 'SHA-384'
	        case '2.16.840.1.101.3.4.2.3':
	          return 'SHA-512'
	      }
	      throw x509Error('unknown hash OID ' + hashOID, data)
	    }
	    // Ed25519 -- see https://github.com/openssl/openssl/issues/15477
	    case '1.3.101.110':
	    case '1.3.101.112': // ph
	      return 'SHA-512'
	    // Ed448 -- still not in pg 17.2 (if supported, digest would be SHAKE256 x 64 bytes)
	    case '1.3.101.111':
	    case '1.3.101.113': // ph
	      throw x509Error('Ed448 certificate channel binding is not currently supported by Postgres')
	  }
	  throw x509Error('unknown OID ' + oid, data)
	}

	certSignatures = { signatureAlgorithmHashFromCertificate };
	return certSignatures;
}

var sasl;
var hasRequiredSasl;

function requireSasl () {
	if (hasRequiredSasl) return sasl;
	hasRequiredSasl = 1;
	const crypto = requireUtils();
	const { signatureAlgorithmHashFromCertificate } = requireCertSignatures();

	// SASLprep (RFC 4013) — minimal in-tree implementation.
	//
	// Per RFC 5802 §2.2, the SCRAM-SHA-256 client must normalize the password via
	// SASLprep before feeding it into PBKDF2. PostgreSQL's server applies the same
	// SASLprep when computing the stored verifier, and libpq does the same client
	// side, so passwords whose NFKC form differs from the raw form
	// would otherwise authenticate against psql/libpq but fail against pg with `28P01`.
	//
	// We deliberately implement only the three steps that change the byte content:
	//   1. RFC 3454 Table C.1.2 (non-ASCII space) → U+0020 SPACE.
	//   2. RFC 3454 Table B.1 (commonly mapped to nothing) → empty.
	//   3. NFKC normalization.
	// We skip the prohibition (RFC 4013 §2.3) and bidi (RFC 3454 §6) checks.
	// libpq is forgiving on those paths and Postgres's own SASLprep matches that
	// leniency for legacy roles, so omitting the rejection logic keeps existing
	// roles working without adding complexity.
	function saslprep(password) {
	  // RFC 3454 Table C.1.2 — non-ASCII space characters, mapped to U+0020.
	  const nonAsciiSpace = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g;
	  // RFC 3454 Table B.1 — "commonly mapped to nothing". The set intentionally
	  // contains zero-width joiners and variation selectors — the very characters
	  // ESLint's no-misleading-character-class warns about — because they combine
	  // with their neighbors and the RFC strips them for that reason.
	  // eslint-disable-next-line no-misleading-character-class
	  const mappedToNothing = /[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g;
	  return password.replace(nonAsciiSpace, ' ').replace(mappedToNothing, '').normalize('NFKC')
	}

	const DEFAULT_MAX_SCRAM_ITERATIONS = 100000;

	function startSession(mechanisms, stream, scramMaxIterations = DEFAULT_MAX_SCRAM_ITERATIONS) {
	  const candidates = ['SCRAM-SHA-256'];
	  if (stream) candidates.unshift('SCRAM-SHA-256-PLUS'); // higher-priority, so placed first

	  const mechanism = candidates.find((candidate) => mechanisms.includes(candidate));

	  if (!mechanism) {
	    throw new Error('SASL: Only mechanism(s) ' + candidates.join(' and ') + ' are supported')
	  }

	  if (mechanism === 'SCRAM-SHA-256-PLUS' && typeof stream.getPeerCertificate !== 'function') {
	    // this should never happen if we are really talking to a Postgres server
	    throw new Error('SASL: Mechanism SCRAM-SHA-256-PLUS requires a certificate')
	  }

	  const clientNonce = crypto.randomBytes(18).toString('base64');
	  const gs2Header = mechanism === 'SCRAM-SHA-256-PLUS' ? 'p=tls-server-end-point' : stream ? 'y' : 'n';

	  return {
	    mechanism,
	    clientNonce,
	    response: gs2Header + ',,n=*,r=' + clientNonce,
	    message: 'SASLInitialResponse',
	    scramMaxIterations,
	  }
	}

	async function continueSession(session, password, serverData, stream) {
	  if (session.message !== 'SASLInitialResponse') {
	    throw new Error('SASL: Last message was not SASLInitialResponse')
	  }
	  if (typeof password !== 'string') {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string')
	  }
	  if (password === '') {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a non-empty string')
	  }
	  if (typeof serverData !== 'string') {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: serverData must be a string')
	  }

	  const sv = parseServerFirstMessage(serverData);

	  if (!sv.nonce.startsWith(session.clientNonce)) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce does not start with client nonce')
	  } else if (sv.nonce.length === session.clientNonce.length) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce is too short')
	  }

	  const scramMaxIterations =
	    typeof session.scramMaxIterations === 'number' ? session.scramMaxIterations : DEFAULT_MAX_SCRAM_ITERATIONS;
	  // a value of 0 disables the iteration count check
	  if (scramMaxIterations !== 0 && sv.iteration > scramMaxIterations) {
	    throw new Error(
	      'SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration count ' +
	        sv.iteration +
	        ' exceeds scramMaxIterations of ' +
	        scramMaxIterations
	    )
	  }

	  const clientFirstMessageBare = 'n=*,r=' + session.clientNonce;
	  const serverFirstMessage = 'r=' + sv.nonce + ',s=' + sv.salt + ',i=' + sv.iteration;

	  // without channel binding:
	  let channelBinding = stream ? 'eSws' : 'biws'; // 'y,,' or 'n,,', base64-encoded

	  // override if channel binding is in use:
	  if (session.mechanism === 'SCRAM-SHA-256-PLUS') {
	    const peerCert = stream.getPeerCertificate().raw;
	    let hashName = signatureAlgorithmHashFromCertificate(peerCert);
	    if (hashName === 'MD5' || hashName === 'SHA-1') hashName = 'SHA-256';
	    const certHash = await crypto.hashByName(hashName, peerCert);
	    const bindingData = Buffer.concat([Buffer.from('p=tls-server-end-point,,'), Buffer.from(certHash)]);
	    channelBinding = bindingData.toString('base64');
	  }

	  const clientFinalMessageWithoutProof = 'c=' + channelBinding + ',r=' + sv.nonce;
	  const authMessage = clientFirstMessageBare + ',' + serverFirstMessage + ',' + clientFinalMessageWithoutProof;

	  const saltBytes = Buffer.from(sv.salt, 'base64');
	  const saltedPassword = await crypto.deriveKey(saslprep(password), saltBytes, sv.iteration);
	  const clientKey = await crypto.hmacSha256(saltedPassword, 'Client Key');
	  const storedKey = await crypto.sha256(clientKey);
	  const clientSignature = await crypto.hmacSha256(storedKey, authMessage);
	  const clientProof = xorBuffers(Buffer.from(clientKey), Buffer.from(clientSignature)).toString('base64');
	  const serverKey = await crypto.hmacSha256(saltedPassword, 'Server Key');
	  const serverSignatureBytes = await crypto.hmacSha256(serverKey, authMessage);

	  session.message = 'SASLResponse';
	  session.serverSignature = Buffer.from(serverSignatureBytes).toString('base64');
	  session.response = clientFinalMessageWithoutProof + ',p=' + clientProof;
	}

	function finalizeSession(session, serverData) {
	  if (session.message !== 'SASLResponse') {
	    throw new Error('SASL: Last message was not SASLResponse')
	  }
	  if (typeof serverData !== 'string') {
	    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: serverData must be a string')
	  }

	  const { serverSignature } = parseServerFinalMessage(serverData);

	  if (serverSignature !== session.serverSignature) {
	    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature does not match')
	  }
	}

	/**
	 * printable       = %x21-2B / %x2D-7E
	 *                   ;; Printable ASCII except ",".
	 *                   ;; Note that any "printable" is also
	 *                   ;; a valid "value".
	 */
	function isPrintableChars(text) {
	  if (typeof text !== 'string') {
	    throw new TypeError('SASL: text must be a string')
	  }
	  return text
	    .split('')
	    .map((_, i) => text.charCodeAt(i))
	    .every((c) => (c >= 0x21 && c <= 0x2b) || (c >= 0x2d && c <= 0x7e))
	}

	/**
	 * base64-char     = ALPHA / DIGIT / "/" / "+"
	 *
	 * base64-4        = 4base64-char
	 *
	 * base64-3        = 3base64-char "="
	 *
	 * base64-2        = 2base64-char "=="
	 *
	 * base64          = *base64-4 [base64-3 / base64-2]
	 */
	function isBase64(text) {
	  return /^(?:[a-zA-Z0-9+/]{4})*(?:[a-zA-Z0-9+/]{2}==|[a-zA-Z0-9+/]{3}=)?$/.test(text)
	}

	function parseAttributePairs(text) {
	  if (typeof text !== 'string') {
	    throw new TypeError('SASL: attribute pairs text must be a string')
	  }

	  return new Map(
	    text.split(',').map((attrValue) => {
	      if (!/^.=/.test(attrValue)) {
	        throw new Error('SASL: Invalid attribute pair entry')
	      }
	      const name = attrValue[0];
	      const value = attrValue.substring(2);
	      return [name, value]
	    })
	  )
	}

	function parseServerFirstMessage(data) {
	  const attrPairs = parseAttributePairs(data);

	  const nonce = attrPairs.get('r');
	  if (!nonce) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce missing')
	  } else if (!isPrintableChars(nonce)) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce must only contain printable characters')
	  }
	  const salt = attrPairs.get('s');
	  if (!salt) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt missing')
	  } else if (!isBase64(salt)) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt must be base64')
	  }
	  const iterationText = attrPairs.get('i');
	  if (!iterationText) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration missing')
	  } else if (!/^[1-9][0-9]*$/.test(iterationText)) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: invalid iteration count')
	  }
	  const iteration = parseInt(iterationText, 10);

	  return {
	    nonce,
	    salt,
	    iteration,
	  }
	}

	function parseServerFinalMessage(serverData) {
	  const attrPairs = parseAttributePairs(serverData);
	  const error = attrPairs.get('e');
	  const serverSignature = attrPairs.get('v');

	  if (error) {
	    throw new Error(`SASL: SCRAM-SERVER-FINAL-MESSAGE: server returned error: "${error}"`)
	  }

	  if (!serverSignature) {
	    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature is missing')
	  } else if (!isBase64(serverSignature)) {
	    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature must be base64')
	  }
	  return {
	    serverSignature,
	  }
	}

	function xorBuffers(a, b) {
	  if (!Buffer.isBuffer(a)) {
	    throw new TypeError('first argument must be a Buffer')
	  }
	  if (!Buffer.isBuffer(b)) {
	    throw new TypeError('second argument must be a Buffer')
	  }
	  if (a.length !== b.length) {
	    throw new Error('Buffer lengths must match')
	  }
	  if (a.length === 0) {
	    throw new Error('Buffers cannot be empty')
	  }
	  return Buffer.from(a.map((_, i) => a[i] ^ b[i]))
	}

	sasl = {
	  startSession,
	  continueSession,
	  finalizeSession,
	  DEFAULT_MAX_SCRAM_ITERATIONS,
	};
	return sasl;
}

var typeOverrides;
var hasRequiredTypeOverrides;

function requireTypeOverrides () {
	if (hasRequiredTypeOverrides) return typeOverrides;
	hasRequiredTypeOverrides = 1;

	const types = requirePgTypes();

	function TypeOverrides(userTypes) {
	  this._types = userTypes || types;
	  this.text = {};
	  this.binary = {};
	}

	TypeOverrides.prototype.getOverrides = function (format) {
	  switch (format) {
	    case 'text':
	      return this.text
	    case 'binary':
	      return this.binary
	    default:
	      return {}
	  }
	};

	TypeOverrides.prototype.setTypeParser = function (oid, format, parseFn) {
	  if (typeof format === 'function') {
	    parseFn = format;
	    format = 'text';
	  }
	  this.getOverrides(format)[oid] = parseFn;
	};

	TypeOverrides.prototype.getTypeParser = function (oid, format) {
	  format = format || 'text';
	  return this.getOverrides(format)[oid] || this._types.getTypeParser(oid, format)
	};

	typeOverrides = TypeOverrides;
	return typeOverrides;
}

var pgConnectionString;
var hasRequiredPgConnectionString;

function requirePgConnectionString () {
	if (hasRequiredPgConnectionString) return pgConnectionString;
	hasRequiredPgConnectionString = 1;

	//Parse method copied from https://github.com/brianc/node-postgres
	//Copyright (c) 2010-2014 Brian Carlson (brian.m.carlson@gmail.com)
	//MIT License

	//parses a connection string
	function parse(str, options = {}) {
	  //unix socket
	  if (str.charAt(0) === '/') {
	    const config = str.split(' ');
	    return { host: config[0], database: config[1] }
	  }

	  // Check for empty host in URL

	  const config = Object.create(null);
	  let result;
	  let dummyHost = false;
	  if (/ |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(str)) {
	    // Ensure spaces are encoded as %20
	    str = encodeURI(str).replace(/%25(\d\d)/g, '%$1');
	  }

	  try {
	    try {
	      result = new URL(str, 'postgres://base');
	    } catch (e) {
	      // The URL is invalid so try again with a dummy host
	      result = new URL(str.replace('@/', '@___DUMMY___/'), 'postgres://base');
	      dummyHost = true;
	    }
	  } catch (err) {
	    // Remove the input from the error message to avoid leaking sensitive information
	    err.input && (err.input = '*****REDACTED*****');
	    throw err
	  }

	  // We'd like to use Object.fromEntries() here but Node.js 10 does not support it
	  for (const entry of result.searchParams.entries()) {
	    config[entry[0]] = entry[1];
	  }

	  config.user = config.user || decodeURIComponent(result.username);
	  config.password = config.password || decodeURIComponent(result.password);

	  if (result.protocol == 'socket:') {
	    config.host = decodeURI(result.pathname);
	    config.database = result.searchParams.get('db');
	    config.client_encoding = result.searchParams.get('encoding');
	    return config
	  }
	  const hostname = (dummyHost ? '' : result.hostname).replace(/^\[(.+)\]$/, '$1');
	  if (!config.host) {
	    // Only set the host if there is no equivalent query param.
	    config.host = decodeURIComponent(hostname);
	  } else if (hostname && /^%2f/i.test(hostname)) {
	    // Only prepend the hostname to the pathname if it is not a URL encoded Unix socket host.
	    result.pathname = hostname + result.pathname;
	  }
	  if (!config.port) {
	    // Only set the port if there is no equivalent query param.
	    config.port = result.port;
	  }

	  const pathname = result.pathname.slice(1) || null;
	  config.database = pathname ? decodeURI(pathname) : null;

	  if (config.ssl === 'true' || config.ssl === '1') {
	    config.ssl = true;
	  }

	  if (config.ssl === '0') {
	    config.ssl = false;
	  }

	  if (config.sslcert || config.sslkey || config.sslrootcert || config.sslmode) {
	    config.ssl = {};
	  }

	  // sslnegotiation=direct implies SSL is in use (libpq requires sslmode>=require),
	  // so enable SSL if the connection string did not otherwise configure it.
	  if (config.sslnegotiation === 'direct' && config.ssl === undefined) {
	    config.ssl = true;
	  }

	  // Only try to load fs if we expect to read from the disk
	  const fs = config.sslcert || config.sslkey || config.sslrootcert ? fs__default : null;

	  if (config.sslcert) {
	    config.ssl.cert = fs.readFileSync(config.sslcert).toString();
	  }

	  if (config.sslkey) {
	    config.ssl.key = fs.readFileSync(config.sslkey).toString();
	  }

	  if (config.sslrootcert) {
	    config.ssl.ca = fs.readFileSync(config.sslrootcert).toString();
	  }

	  if (options.useLibpqCompat && config.uselibpqcompat) {
	    throw new Error('Both useLibpqCompat and uselibpqcompat are set. Please use only one of them.')
	  }

	  if (config.uselibpqcompat === 'true' || options.useLibpqCompat) {
	    switch (config.sslmode) {
	      case 'disable': {
	        config.ssl = false;
	        break
	      }
	      case 'prefer': {
	        config.ssl.rejectUnauthorized = false;
	        break
	      }
	      case 'require': {
	        if (config.sslrootcert) {
	          // If a root CA is specified, behavior of `sslmode=require` will be the same as that of `verify-ca`
	          config.ssl.checkServerIdentity = function () {};
	        } else {
	          config.ssl.rejectUnauthorized = false;
	        }
	        break
	      }
	      case 'verify-ca': {
	        if (!config.ssl.ca) {
	          throw new Error(
	            'SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert. If a public CA is used, verify-ca allows connections to a server that somebody else may have registered with the CA, making you vulnerable to Man-in-the-Middle attacks. Either specify a custom CA certificate with sslrootcert parameter or use sslmode=verify-full for proper security.'
	          )
	        }
	        config.ssl.checkServerIdentity = function () {};
	        break
	      }
	    }
	  } else {
	    switch (config.sslmode) {
	      case 'disable': {
	        config.ssl = false;
	        break
	      }
	      case 'prefer':
	      case 'require':
	      case 'verify-ca':
	      case 'verify-full': {
	        if (config.sslmode !== 'verify-full') {
	          deprecatedSslModeWarning(config.sslmode);
	        }
	        break
	      }
	      case 'no-verify': {
	        config.ssl.rejectUnauthorized = false;
	        break
	      }
	    }
	  }

	  return config
	}

	// convert pg-connection-string ssl config to a ClientConfig.ConnectionOptions
	function toConnectionOptions(sslConfig) {
	  const connectionOptions = Object.entries(sslConfig).reduce((c, [key, value]) => {
	    // we explicitly check for undefined and null instead of `if (value)` because some
	    // options accept falsy values. Example: `ssl.rejectUnauthorized = false`
	    if (value !== undefined && value !== null) {
	      c[key] = value;
	    }

	    return c
	  }, Object.create(null));

	  return connectionOptions
	}

	// convert pg-connection-string config to a ClientConfig
	function toClientConfig(config) {
	  const poolConfig = Object.entries(config).reduce((c, [key, value]) => {
	    if (key === 'ssl') {
	      const sslConfig = value;

	      if (typeof sslConfig === 'boolean') {
	        c[key] = sslConfig;
	      }

	      if (typeof sslConfig === 'object') {
	        c[key] = toConnectionOptions(sslConfig);
	      }
	    } else if (value !== undefined && value !== null) {
	      if (key === 'port') {
	        // when port is not specified, it is converted into an empty string
	        // we want to avoid NaN or empty string as a values in ClientConfig
	        if (value !== '') {
	          const v = parseInt(value, 10);
	          if (isNaN(v)) {
	            throw new Error(`Invalid ${key}: ${value}`)
	          }

	          c[key] = v;
	        }
	      } else {
	        c[key] = value;
	      }
	    }

	    return c
	  }, Object.create(null));

	  return poolConfig
	}

	// parses a connection string into ClientConfig
	function parseIntoClientConfig(str) {
	  return toClientConfig(parse(str))
	}

	function deprecatedSslModeWarning(sslmode) {
	  if (!deprecatedSslModeWarning.warned && typeof process !== 'undefined' && process.emitWarning) {
	    deprecatedSslModeWarning.warned = true;
	    process.emitWarning(`SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'.
In the next major version (pg-connection-string v3.0.0 and pg v9.0.0), these modes will adopt standard libpq semantics, which have weaker security guarantees.

To prepare for this change:
- If you want the current behavior, explicitly use 'sslmode=verify-full'
- If you want libpq compatibility now, use 'uselibpqcompat=true&sslmode=${sslmode}'

See https://www.postgresql.org/docs/current/libpq-ssl.html for libpq SSL mode definitions.`);
	  }
	}

	pgConnectionString = parse;

	parse.parse = parse;
	parse.toClientConfig = toClientConfig;
	parse.parseIntoClientConfig = parseIntoClientConfig;
	return pgConnectionString;
}

var connectionParameters;
var hasRequiredConnectionParameters;

function requireConnectionParameters () {
	if (hasRequiredConnectionParameters) return connectionParameters;
	hasRequiredConnectionParameters = 1;

	const dns = require$$0$4;

	const defaults = requireDefaults();

	const parse = requirePgConnectionString().parse; // parses a connection string

	const val = function (key, config, envVar) {
	  if (config[key]) {
	    return config[key]
	  }

	  if (envVar === undefined) {
	    envVar = process.env['PG' + key.toUpperCase()];
	  } else if (envVar === false) ; else {
	    envVar = process.env[envVar];
	  }

	  return envVar || defaults[key]
	};

	const readSSLConfigFromEnvironment = function () {
	  switch (process.env.PGSSLMODE) {
	    case 'disable':
	      return false
	    case 'prefer':
	    case 'require':
	    case 'verify-ca':
	    case 'verify-full':
	      return true
	    case 'no-verify':
	      return { rejectUnauthorized: false }
	  }
	  return defaults.ssl
	};

	// Convert arg to a string, surround in single quotes, and escape single quotes and backslashes
	const quoteParamValue = function (value) {
	  return "'" + ('' + value).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'"
	};

	const add = function (params, config, paramName) {
	  const value = config[paramName];
	  if (value !== undefined && value !== null) {
	    params.push(paramName + '=' + quoteParamValue(value));
	  }
	};

	class ConnectionParameters {
	  constructor(config) {
	    // if a string is passed, it is a raw connection string so we parse it into a config
	    config = typeof config === 'string' ? parse(config) : config || {};

	    // if the config has a connectionString defined, parse IT into the config we use
	    // this will override other default values with what is stored in connectionString
	    if (config.connectionString) {
	      config = Object.assign({}, config, parse(config.connectionString));
	    }

	    this.user = val('user', config);
	    this.database = val('database', config);

	    if (this.database === undefined) {
	      this.database = this.user;
	    }

	    this.port = parseInt(val('port', config), 10);
	    this.host = val('host', config);

	    // "hiding" the password so it doesn't show up in stack traces
	    // or if the client is console.logged
	    Object.defineProperty(this, 'password', {
	      configurable: true,
	      enumerable: false,
	      writable: true,
	      value: val('password', config),
	    });

	    this.binary = val('binary', config);
	    this.options = val('options', config);

	    this.ssl = typeof config.ssl === 'undefined' ? readSSLConfigFromEnvironment() : config.ssl;

	    if (typeof this.ssl === 'string') {
	      if (this.ssl === 'true') {
	        this.ssl = true;
	      }
	    }
	    // support passing in ssl=no-verify via connection string
	    if (this.ssl === 'no-verify') {
	      this.ssl = { rejectUnauthorized: false };
	    }
	    if (this.ssl && this.ssl.key) {
	      Object.defineProperty(this.ssl, 'key', {
	        enumerable: false,
	      });
	    }

	    // How to negotiate SSL: 'postgres' (default, the traditional SSLRequest
	    // handshake) or 'direct' (start the TLS handshake immediately on connect).
	    this.sslnegotiation = val('sslnegotiation', config, 'PGSSLNEGOTIATION');
	    if (this.sslnegotiation !== undefined && this.sslnegotiation !== 'postgres' && this.sslnegotiation !== 'direct') {
	      throw new Error(
	        `Invalid sslnegotiation value: "${this.sslnegotiation}". Valid values are "postgres" and "direct".`
	      )
	    }
	    if (this.sslnegotiation === 'direct' && !this.ssl) {
	      throw new Error('sslnegotiation=direct requires SSL to be enabled')
	    }

	    this.client_encoding = val('client_encoding', config);
	    this.replication = val('replication', config);
	    // a domain socket begins with '/'
	    this.isDomainSocket = !(this.host || '').indexOf('/');

	    this.application_name = val('application_name', config, 'PGAPPNAME');
	    this.fallback_application_name = val('fallback_application_name', config, false);
	    this.statement_timeout = val('statement_timeout', config, false);
	    this.lock_timeout = val('lock_timeout', config, false);
	    this.idle_in_transaction_session_timeout = val('idle_in_transaction_session_timeout', config, false);
	    this.query_timeout = val('query_timeout', config, false);

	    if (config.connectionTimeoutMillis === undefined) {
	      this.connect_timeout = process.env.PGCONNECT_TIMEOUT || 0;
	    } else {
	      this.connect_timeout = Math.floor(config.connectionTimeoutMillis / 1000);
	    }

	    if (config.keepAlive === false) {
	      this.keepalives = 0;
	    } else if (config.keepAlive === true) {
	      this.keepalives = 1;
	    }

	    if (typeof config.keepAliveInitialDelayMillis === 'number') {
	      this.keepalives_idle = Math.floor(config.keepAliveInitialDelayMillis / 1000);
	    }
	  }

	  getLibpqConnectionString(cb) {
	    const params = [];
	    add(params, this, 'user');
	    add(params, this, 'password');
	    add(params, this, 'port');
	    add(params, this, 'application_name');
	    add(params, this, 'fallback_application_name');
	    add(params, this, 'connect_timeout');
	    add(params, this, 'options');

	    const ssl = typeof this.ssl === 'object' ? this.ssl : this.ssl ? { sslmode: this.ssl } : {};
	    add(params, ssl, 'sslmode');
	    add(params, ssl, 'sslca');
	    add(params, ssl, 'sslkey');
	    add(params, ssl, 'sslcert');
	    add(params, ssl, 'sslrootcert');
	    add(params, this, 'sslnegotiation');

	    if (this.database) {
	      params.push('dbname=' + quoteParamValue(this.database));
	    }
	    if (this.replication) {
	      params.push('replication=' + quoteParamValue(this.replication));
	    }
	    if (this.host) {
	      params.push('host=' + quoteParamValue(this.host));
	    }
	    if (this.isDomainSocket) {
	      return cb(null, params.join(' '))
	    }
	    if (this.client_encoding) {
	      params.push('client_encoding=' + quoteParamValue(this.client_encoding));
	    }
	    dns.lookup(this.host, function (err, address) {
	      if (err) return cb(err, null)
	      params.push('hostaddr=' + quoteParamValue(address));
	      return cb(null, params.join(' '))
	    });
	  }
	}

	connectionParameters = ConnectionParameters;
	return connectionParameters;
}

var result;
var hasRequiredResult;

function requireResult () {
	if (hasRequiredResult) return result;
	hasRequiredResult = 1;

	const types = requirePgTypes();

	const matchRegexp = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/;

	// result object returned from query
	// in the 'end' event and also
	// passed as second argument to provided callback
	class Result {
	  constructor(rowMode, types) {
	    this.command = null;
	    this.rowCount = null;
	    this.oid = null;
	    this.rows = [];
	    this.fields = [];
	    this._parsers = undefined;
	    this._types = types;
	    this.RowCtor = null;
	    this.rowAsArray = rowMode === 'array';
	    if (this.rowAsArray) {
	      this.parseRow = this._parseRowAsArray;
	    }
	    this._prebuiltEmptyResultObject = null;
	  }

	  // adds a command complete message
	  addCommandComplete(msg) {
	    let match;
	    if (msg.text) {
	      // pure javascript
	      match = matchRegexp.exec(msg.text);
	    } else {
	      // native bindings
	      match = matchRegexp.exec(msg.command);
	    }
	    if (match) {
	      this.command = match[1];
	      if (match[3]) {
	        // COMMAND OID ROWS
	        this.oid = parseInt(match[2], 10);
	        this.rowCount = parseInt(match[3], 10);
	      } else if (match[2]) {
	        // COMMAND ROWS
	        this.rowCount = parseInt(match[2], 10);
	      }
	    }
	  }

	  _parseRowAsArray(rowData) {
	    const row = new Array(rowData.length);
	    for (let i = 0, len = rowData.length; i < len; i++) {
	      const rawValue = rowData[i];
	      if (rawValue !== null) {
	        row[i] = this._parsers[i](rawValue);
	      } else {
	        row[i] = null;
	      }
	    }
	    return row
	  }

	  parseRow(rowData) {
	    const row = { ...this._prebuiltEmptyResultObject };
	    for (let i = 0, len = rowData.length; i < len; i++) {
	      const rawValue = rowData[i];
	      const field = this.fields[i].name;
	      if (rawValue !== null) {
	        const v = this.fields[i].format === 'binary' ? Buffer.from(rawValue) : rawValue;
	        row[field] = this._parsers[i](v);
	      } else {
	        row[field] = null;
	      }
	    }
	    return row
	  }

	  addRow(row) {
	    this.rows.push(row);
	  }

	  addFields(fieldDescriptions) {
	    // clears field definitions
	    // multiple query statements in 1 action can result in multiple sets
	    // of rowDescriptions...eg: 'select NOW(); select 1::int;'
	    // you need to reset the fields
	    this.fields = fieldDescriptions;
	    if (this.fields.length) {
	      this._parsers = new Array(fieldDescriptions.length);
	    }

	    const row = Object.create(null);

	    for (let i = 0; i < fieldDescriptions.length; i++) {
	      const desc = fieldDescriptions[i];
	      row[desc.name] = null;

	      if (this._types) {
	        this._parsers[i] = this._types.getTypeParser(desc.dataTypeID, desc.format || 'text');
	      } else {
	        this._parsers[i] = types.getTypeParser(desc.dataTypeID, desc.format || 'text');
	      }
	    }

	    this._prebuiltEmptyResultObject = { ...row };
	  }
	}

	result = Result;
	return result;
}

var query$1;
var hasRequiredQuery$1;

function requireQuery$1 () {
	if (hasRequiredQuery$1) return query$1;
	hasRequiredQuery$1 = 1;

	const { EventEmitter } = require$$2$2;

	const Result = requireResult();
	const utils = requireUtils$1();

	class Query extends EventEmitter {
	  constructor(config, values, callback) {
	    super();

	    config = utils.normalizeQueryConfig(config, values, callback);

	    this.text = config.text;
	    this.values = config.values;
	    this.rows = config.rows;
	    this.types = config.types;
	    this.name = config.name;
	    this.queryMode = config.queryMode;
	    this.binary = config.binary;
	    // use unique portal name each time
	    this.portal = config.portal || '';
	    this.callback = config.callback;
	    this._rowMode = config.rowMode;
	    if (process.domain && config.callback) {
	      this.callback = process.domain.bind(config.callback);
	    }
	    this._result = new Result(this._rowMode, this.types);

	    // potential for multiple results
	    this._results = this._result;
	    this._canceledDueToError = false;
	  }

	  requiresPreparation() {
	    if (this.queryMode === 'extended') {
	      return true
	    }

	    // named queries must always be prepared
	    if (this.name) {
	      return true
	    }
	    // always prepare if there are max number of rows expected per
	    // portal execution
	    if (this.rows) {
	      return true
	    }
	    // don't prepare empty text queries
	    if (!this.text) {
	      return false
	    }
	    // prepare if there are values
	    if (!this.values) {
	      return false
	    }
	    return this.values.length > 0
	  }

	  _checkForMultirow() {
	    // if we already have a result with a command property
	    // then we've already executed one query in a multi-statement simple query
	    // turn our results into an array of results
	    if (this._result.command) {
	      if (!Array.isArray(this._results)) {
	        this._results = [this._result];
	      }
	      this._result = new Result(this._rowMode, this._result._types);
	      this._results.push(this._result);
	    }
	  }

	  // associates row metadata from the supplied
	  // message with this query object
	  // metadata used when parsing row results
	  handleRowDescription(msg) {
	    this._checkForMultirow();
	    this._result.addFields(msg.fields);
	    this._accumulateRows = this.callback || !this.listeners('row').length;
	  }

	  handleDataRow(msg) {
	    let row;

	    if (this._canceledDueToError) {
	      return
	    }

	    try {
	      row = this._result.parseRow(msg.fields);
	    } catch (err) {
	      this._canceledDueToError = err;
	      return
	    }

	    this.emit('row', row, this._result);
	    if (this._accumulateRows) {
	      this._result.addRow(row);
	    }
	  }

	  handleCommandComplete(msg, connection) {
	    this._checkForMultirow();
	    this._result.addCommandComplete(msg);
	    // need to sync after each command complete of a prepared statement
	    // if we were using a row count which results in multiple calls to _getRows
	    if (this.rows) {
	      connection.sync();
	    }
	  }

	  // if a named prepared statement is created with empty query text
	  // the backend will send an emptyQuery message but *not* a command complete message
	  // since we pipeline sync immediately after execute we don't need to do anything here
	  // unless we have rows specified, in which case we did not pipeline the initial sync call
	  handleEmptyQuery(connection) {
	    if (this.rows) {
	      connection.sync();
	    }
	  }

	  handleError(err, connection) {
	    // need to sync after error during a prepared statement
	    if (this._canceledDueToError) {
	      err = this._canceledDueToError;
	      this._canceledDueToError = false;
	    }
	    // if callback supplied do not emit error event as uncaught error
	    // events will bubble up to node process
	    if (this.callback) {
	      return this.callback(err)
	    }
	    this.emit('error', err);
	  }

	  handleReadyForQuery(con) {
	    if (this._canceledDueToError) {
	      return this.handleError(this._canceledDueToError, con)
	    }
	    if (this.callback) {
	      try {
	        this.callback(null, this._results);
	      } catch (err) {
	        process.nextTick(() => {
	          throw err
	        });
	      }
	    }
	    this.emit('end', this._results);
	  }

	  submit(connection) {
	    if (typeof this.text !== 'string' && typeof this.name !== 'string') {
	      return new Error('A query must have either text or a name. Supplying neither is unsupported.')
	    }
	    const previous = connection.parsedStatements[this.name] || connection.submittedNamedStatements[this.name];
	    if (this.text && previous && this.text !== previous) {
	      return new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`)
	    }
	    if (this.values && !Array.isArray(this.values)) {
	      return new Error('Query values must be an array')
	    }
	    if (this.requiresPreparation()) {
	      // If we're using the extended query protocol we fire off several separate commands
	      // to the backend. On some versions of node & some operating system versions
	      // the network stack writes each message separately instead of buffering them together
	      // causing the client & network to send more slowly. Corking & uncorking the stream
	      // allows node to buffer up the messages internally before sending them all off at once.
	      // note: we're checking for existence of cork/uncork because some versions of streams
	      // might not have this (cloudflare?)
	      connection.stream.cork && connection.stream.cork();
	      try {
	        this.prepare(connection);
	      } finally {
	        // while unlikely for this.prepare to throw, if it does & we don't uncork this stream
	        // this client becomes unresponsive, so put in finally block "just in case"
	        connection.stream.uncork && connection.stream.uncork();
	      }
	    } else {
	      connection.query(this.text);
	    }
	    return null
	  }

	  hasBeenParsed(connection) {
	    return (
	      this.name &&
	      (connection.parsedStatements[this.name] !== undefined ||
	        connection.submittedNamedStatements[this.name] !== undefined)
	    )
	  }

	  handlePortalSuspended(connection) {
	    this._getRows(connection, this.rows);
	  }

	  _getRows(connection, rows) {
	    connection.execute({
	      portal: this.portal,
	      rows: rows,
	    });
	    // if we're not reading pages of rows send the sync command
	    // to indicate the pipeline is finished
	    if (!rows) {
	      connection.sync();
	    } else {
	      // otherwise flush the call out to read more rows
	      connection.flush();
	    }
	  }

	  // http://developer.postgresql.org/pgdocs/postgres/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY
	  prepare(connection) {
	    // TODO refactor this poor encapsulation
	    if (!this.hasBeenParsed(connection)) {
	      connection.parse({
	        text: this.text,
	        name: this.name,
	        types: this.types,
	      });
	      if (this.name) {
	        connection.submittedNamedStatements[this.name] = this.text;
	      }
	    }

	    // because we're mapping user supplied values to
	    // postgres wire protocol compatible values it could
	    // throw an exception, so try/catch this section
	    try {
	      connection.bind({
	        portal: this.portal,
	        statement: this.name,
	        values: this.values,
	        binary: this.binary,
	        valueMapper: utils.prepareValue,
	      });
	    } catch (err) {
	      // we should close parse to avoid leaking connections
	      connection.close({ type: 'S', name: this.name });
	      connection.sync();

	      this.handleError(err, connection);
	      return
	    }

	    connection.describe({
	      type: 'P',
	      name: this.portal || '',
	    });

	    this._getRows(connection, this.rows);
	  }

	  handleCopyInResponse(connection) {
	    connection.sendCopyFail('No source stream defined');
	  }

	  handleCopyData(msg, connection) {
	    // noop
	  }
	}

	query$1 = Query;
	return query$1;
}

var dist = {};

var messages = {};

var hasRequiredMessages;

function requireMessages () {
	if (hasRequiredMessages) return messages;
	hasRequiredMessages = 1;
	Object.defineProperty(messages, "__esModule", { value: true });
	messages.NoticeMessage = messages.DataRowMessage = messages.CommandCompleteMessage = messages.ReadyForQueryMessage = messages.NotificationResponseMessage = messages.BackendKeyDataMessage = messages.AuthenticationMD5Password = messages.ParameterStatusMessage = messages.ParameterDescriptionMessage = messages.RowDescriptionMessage = messages.Field = messages.CopyResponse = messages.CopyDataMessage = messages.DatabaseError = messages.copyDone = messages.emptyQuery = messages.replicationStart = messages.portalSuspended = messages.noData = messages.closeComplete = messages.bindComplete = messages.parseComplete = void 0;
	messages.parseComplete = {
	    name: 'parseComplete',
	    length: 5,
	};
	messages.bindComplete = {
	    name: 'bindComplete',
	    length: 5,
	};
	messages.closeComplete = {
	    name: 'closeComplete',
	    length: 5,
	};
	messages.noData = {
	    name: 'noData',
	    length: 5,
	};
	messages.portalSuspended = {
	    name: 'portalSuspended',
	    length: 5,
	};
	messages.replicationStart = {
	    name: 'replicationStart',
	    length: 4,
	};
	messages.emptyQuery = {
	    name: 'emptyQuery',
	    length: 4,
	};
	messages.copyDone = {
	    name: 'copyDone',
	    length: 4,
	};
	class DatabaseError extends Error {
	    constructor(message, length, name) {
	        super(message);
	        this.length = length;
	        this.name = name;
	    }
	}
	messages.DatabaseError = DatabaseError;
	class CopyDataMessage {
	    constructor(length, chunk) {
	        this.length = length;
	        this.chunk = chunk;
	        this.name = 'copyData';
	    }
	}
	messages.CopyDataMessage = CopyDataMessage;
	class CopyResponse {
	    constructor(length, name, binary, columnCount) {
	        this.length = length;
	        this.name = name;
	        this.binary = binary;
	        this.columnTypes = new Array(columnCount);
	    }
	}
	messages.CopyResponse = CopyResponse;
	class Field {
	    constructor(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, format) {
	        this.name = name;
	        this.tableID = tableID;
	        this.columnID = columnID;
	        this.dataTypeID = dataTypeID;
	        this.dataTypeSize = dataTypeSize;
	        this.dataTypeModifier = dataTypeModifier;
	        this.format = format;
	    }
	}
	messages.Field = Field;
	class RowDescriptionMessage {
	    constructor(length, fieldCount) {
	        this.length = length;
	        this.fieldCount = fieldCount;
	        this.name = 'rowDescription';
	        this.fields = new Array(this.fieldCount);
	    }
	}
	messages.RowDescriptionMessage = RowDescriptionMessage;
	class ParameterDescriptionMessage {
	    constructor(length, parameterCount) {
	        this.length = length;
	        this.parameterCount = parameterCount;
	        this.name = 'parameterDescription';
	        this.dataTypeIDs = new Array(this.parameterCount);
	    }
	}
	messages.ParameterDescriptionMessage = ParameterDescriptionMessage;
	class ParameterStatusMessage {
	    constructor(length, parameterName, parameterValue) {
	        this.length = length;
	        this.parameterName = parameterName;
	        this.parameterValue = parameterValue;
	        this.name = 'parameterStatus';
	    }
	}
	messages.ParameterStatusMessage = ParameterStatusMessage;
	class AuthenticationMD5Password {
	    constructor(length, salt) {
	        this.length = length;
	        this.salt = salt;
	        this.name = 'authenticationMD5Password';
	    }
	}
	messages.AuthenticationMD5Password = AuthenticationMD5Password;
	class BackendKeyDataMessage {
	    constructor(length, processID, secretKey) {
	        this.length = length;
	        this.processID = processID;
	        this.secretKey = secretKey;
	        this.name = 'backendKeyData';
	    }
	}
	messages.BackendKeyDataMessage = BackendKeyDataMessage;
	class NotificationResponseMessage {
	    constructor(length, processId, channel, payload) {
	        this.length = length;
	        this.processId = processId;
	        this.channel = channel;
	        this.payload = payload;
	        this.name = 'notification';
	    }
	}
	messages.NotificationResponseMessage = NotificationResponseMessage;
	class ReadyForQueryMessage {
	    constructor(length, status) {
	        this.length = length;
	        this.status = status;
	        this.name = 'readyForQuery';
	    }
	}
	messages.ReadyForQueryMessage = ReadyForQueryMessage;
	class CommandCompleteMessage {
	    constructor(length, text) {
	        this.length = length;
	        this.text = text;
	        this.name = 'commandComplete';
	    }
	}
	messages.CommandCompleteMessage = CommandCompleteMessage;
	class DataRowMessage {
	    constructor(length, fields) {
	        this.length = length;
	        this.fields = fields;
	        this.name = 'dataRow';
	        this.fieldCount = fields.length;
	    }
	}
	messages.DataRowMessage = DataRowMessage;
	class NoticeMessage {
	    constructor(length, message) {
	        this.length = length;
	        this.message = message;
	        this.name = 'notice';
	    }
	}
	messages.NoticeMessage = NoticeMessage;
	
	return messages;
}

var serializer = {};

var bufferWriter = {};

var hasRequiredBufferWriter;

function requireBufferWriter () {
	if (hasRequiredBufferWriter) return bufferWriter;
	hasRequiredBufferWriter = 1;
	//binary data writer tuned for encoding binary specific to the postgres binary protocol
	Object.defineProperty(bufferWriter, "__esModule", { value: true });
	bufferWriter.Writer = void 0;
	class Writer {
	    constructor(size = 256) {
	        this.size = size;
	        this.offset = 5;
	        this.headerPosition = 0;
	        this.buffer = Buffer.allocUnsafe(size);
	    }
	    ensure(size) {
	        const remaining = this.buffer.length - this.offset;
	        if (remaining < size) {
	            const oldBuffer = this.buffer;
	            // exponential growth factor of around ~ 1.5
	            // https://stackoverflow.com/questions/2269063/buffer-growth-strategy
	            const newSize = oldBuffer.length + (oldBuffer.length >> 1) + size;
	            this.buffer = Buffer.allocUnsafe(newSize);
	            oldBuffer.copy(this.buffer, 0, 0, this.offset);
	        }
	    }
	    addInt32(num) {
	        this.ensure(4);
	        this.buffer[this.offset++] = (num >>> 24) & 0xff;
	        this.buffer[this.offset++] = (num >>> 16) & 0xff;
	        this.buffer[this.offset++] = (num >>> 8) & 0xff;
	        this.buffer[this.offset++] = (num >>> 0) & 0xff;
	        return this;
	    }
	    addInt16(num) {
	        this.ensure(2);
	        this.buffer[this.offset++] = (num >>> 8) & 0xff;
	        this.buffer[this.offset++] = (num >>> 0) & 0xff;
	        return this;
	    }
	    addCString(string) {
	        if (!string) {
	            this.ensure(1);
	        }
	        else {
	            const len = Buffer.byteLength(string);
	            this.ensure(len + 1); // +1 for null terminator
	            this.buffer.write(string, this.offset, 'utf-8');
	            this.offset += len;
	        }
	        this.buffer[this.offset++] = 0; // null terminator
	        return this;
	    }
	    addString(string = '') {
	        const len = Buffer.byteLength(string);
	        this.ensure(len);
	        this.buffer.write(string, this.offset);
	        this.offset += len;
	        return this;
	    }
	    // Write an Int32 byte-length prefix immediately followed by the string's UTF-8
	    // bytes. Postgres' Bind wire format prefixes every parameter with its length,
	    // and doing it in one method computes Buffer.byteLength ONCE — the previous
	    // `addInt32(Buffer.byteLength(s)).addString(s)` pairing scanned the string
	    // three times (byteLength for the prefix, byteLength again inside addString,
	    // then the encode), which is costly for large text parameters.
	    addInt32PrefixedString(string) {
	        const len = Buffer.byteLength(string);
	        this.ensure(4 + len);
	        const buffer = this.buffer;
	        let offset = this.offset;
	        buffer[offset++] = (len >>> 24) & 0xff;
	        buffer[offset++] = (len >>> 16) & 0xff;
	        buffer[offset++] = (len >>> 8) & 0xff;
	        buffer[offset++] = (len >>> 0) & 0xff;
	        buffer.write(string, offset, 'utf-8');
	        this.offset = offset + len;
	        return this;
	    }
	    add(otherBuffer) {
	        this.ensure(otherBuffer.length);
	        otherBuffer.copy(this.buffer, this.offset);
	        this.offset += otherBuffer.length;
	        return this;
	    }
	    /**
	     * Appends an uninitialized block of {@link size} bytes to the buffer and returns its offset.
	     */
	    reserveUnsafe(size) {
	        const offset = this.offset;
	        this.ensure(size);
	        this.offset += size;
	        return offset;
	    }
	    join(code) {
	        if (code) {
	            this.buffer[this.headerPosition] = code;
	            //length is everything in this packet minus the code
	            const length = this.offset - (this.headerPosition + 1);
	            this.buffer.writeInt32BE(length, this.headerPosition + 1);
	        }
	        return this.buffer.slice(code ? 0 : 5, this.offset);
	    }
	    flush(code) {
	        const result = this.join(code);
	        this.offset = 5;
	        this.headerPosition = 0;
	        this.buffer = Buffer.allocUnsafe(this.size);
	        return result;
	    }
	    clear() {
	        this.offset = 5;
	        this.headerPosition = 0;
	    }
	}
	bufferWriter.Writer = Writer;
	
	return bufferWriter;
}

var hasRequiredSerializer;

function requireSerializer () {
	if (hasRequiredSerializer) return serializer;
	hasRequiredSerializer = 1;
	Object.defineProperty(serializer, "__esModule", { value: true });
	serializer.serialize = void 0;
	const buffer_writer_1 = requireBufferWriter();
	const writer = new buffer_writer_1.Writer();
	const startup = (opts) => {
	    // protocol version
	    writer.addInt16(3).addInt16(0);
	    for (const key of Object.keys(opts)) {
	        writer.addCString(key).addCString(opts[key]);
	    }
	    writer.addCString('client_encoding').addCString('UTF8');
	    const bodyBuffer = writer.addCString('').flush();
	    // this message is sent without a code
	    const length = bodyBuffer.length + 4;
	    return new buffer_writer_1.Writer().addInt32(length).add(bodyBuffer).flush();
	};
	const requestSsl = () => {
	    const response = Buffer.allocUnsafe(8);
	    response.writeInt32BE(8, 0);
	    response.writeInt32BE(80877103, 4);
	    return response;
	};
	const password = (password) => {
	    return writer.addCString(password).flush(112 /* code.startup */);
	};
	const sendSASLInitialResponseMessage = function (mechanism, initialResponse) {
	    // 0x70 = 'p'
	    writer.addCString(mechanism).addInt32PrefixedString(initialResponse);
	    return writer.flush(112 /* code.startup */);
	};
	const sendSCRAMClientFinalMessage = function (additionalData) {
	    return writer.addString(additionalData).flush(112 /* code.startup */);
	};
	const query = (text) => {
	    return writer.addCString(text).flush(81 /* code.query */);
	};
	const emptyArray = [];
	const parse = (query) => {
	    // expect something like this:
	    // { name: 'queryName',
	    //   text: 'select * from blah',
	    //   types: ['int8', 'bool'] }
	    // normalize missing query names to allow for null
	    const name = query.name || '';
	    if (name.length > 63) {
	        console.error('Warning! Postgres only supports 63 characters for query names.');
	        console.error('You supplied %s (%s)', name, name.length);
	        console.error('This can cause conflicts and silent errors executing queries');
	    }
	    const types = query.types || emptyArray;
	    const len = types.length;
	    const buffer = writer
	        .addCString(name) // name of query
	        .addCString(query.text) // actual query text
	        .addInt16(len);
	    for (let i = 0; i < len; i++) {
	        buffer.addInt32(types[i]);
	    }
	    return writer.flush(80 /* code.parse */);
	};
	const writeValues = function (values, valueMapper, formatsOffset) {
	    const len = values.length;
	    for (let i = 0; i < len; i++) {
	        const mappedVal = valueMapper ? valueMapper(values[i], i) : values[i];
	        let formatByte = 0 /* ParamType.STRING */;
	        if (mappedVal == null) {
	            // write -1 to indicate null
	            writer.addInt32(-1);
	        }
	        else if (mappedVal instanceof Buffer) {
	            formatByte = 1 /* ParamType.BINARY */;
	            // add the buffer to the param writer
	            writer.addInt32(mappedVal.length);
	            writer.add(mappedVal);
	        }
	        else {
	            // length prefix + UTF-8 bytes in one pass (Buffer.byteLength computed once)
	            writer.addInt32PrefixedString(mappedVal);
	        }
	        // beware: `writer` operations can replace `writer.buffer` with a new buffer
	        const buf = writer.buffer;
	        buf[formatsOffset++] = 0;
	        buf[formatsOffset++] = formatByte;
	    }
	};
	const bind = (config = {}) => {
	    // normalize config
	    const portal = config.portal || '';
	    const statement = config.statement || '';
	    const binary = config.binary || false;
	    const values = config.values || emptyArray;
	    const len = values.length;
	    writer.addCString(portal).addCString(statement);
	    // number of parameter format codes
	    writer.addInt16(len);
	    // space for those codes, filled by `writeValues`
	    const formatsOffset = writer.reserveUnsafe(len * 2);
	    // number of parameter values
	    writer.addInt16(len);
	    try {
	        writeValues(values, config.valueMapper, formatsOffset);
	    }
	    catch (err) {
	        writer.clear();
	        throw err;
	    }
	    // all results use the same format code
	    writer.addInt16(1);
	    // format code
	    writer.addInt16(binary ? 1 /* ParamType.BINARY */ : 0 /* ParamType.STRING */);
	    return writer.flush(66 /* code.bind */);
	};
	const emptyExecute = Buffer.from([69 /* code.execute */, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00]);
	const execute = (config) => {
	    // this is the happy path for most queries
	    if (!config || (!config.portal && !config.rows)) {
	        return emptyExecute;
	    }
	    const portal = config.portal || '';
	    const rows = config.rows || 0;
	    const portalLength = Buffer.byteLength(portal);
	    const len = 4 + portalLength + 1 + 4;
	    // one extra bit for code
	    const buff = Buffer.allocUnsafe(1 + len);
	    buff[0] = 69 /* code.execute */;
	    buff.writeInt32BE(len, 1);
	    buff.write(portal, 5, 'utf-8');
	    buff[portalLength + 5] = 0; // null terminate portal cString
	    buff.writeUInt32BE(rows, buff.length - 4);
	    return buff;
	};
	const cancel = (processID, secretKey) => {
	    const buffer = Buffer.allocUnsafe(16);
	    buffer.writeInt32BE(16, 0);
	    buffer.writeInt16BE(1234, 4);
	    buffer.writeInt16BE(5678, 6);
	    buffer.writeInt32BE(processID, 8);
	    buffer.writeInt32BE(secretKey, 12);
	    return buffer;
	};
	const cstringMessage = (code, string) => {
	    const stringLen = Buffer.byteLength(string);
	    const len = 4 + stringLen + 1;
	    // one extra bit for code
	    const buffer = Buffer.allocUnsafe(1 + len);
	    buffer[0] = code;
	    buffer.writeInt32BE(len, 1);
	    buffer.write(string, 5, 'utf-8');
	    buffer[len] = 0; // null terminate cString
	    return buffer;
	};
	const emptyDescribePortal = writer.addCString('P').flush(68 /* code.describe */);
	const emptyDescribeStatement = writer.addCString('S').flush(68 /* code.describe */);
	const describe = (msg) => {
	    return msg.name
	        ? cstringMessage(68 /* code.describe */, `${msg.type}${msg.name || ''}`)
	        : msg.type === 'P'
	            ? emptyDescribePortal
	            : emptyDescribeStatement;
	};
	const close = (msg) => {
	    const text = `${msg.type}${msg.name || ''}`;
	    return cstringMessage(67 /* code.close */, text);
	};
	const copyData = (chunk) => {
	    return writer.add(chunk).flush(100 /* code.copyFromChunk */);
	};
	const copyFail = (message) => {
	    return cstringMessage(102 /* code.copyFail */, message);
	};
	const codeOnlyBuffer = (code) => Buffer.from([code, 0x00, 0x00, 0x00, 0x04]);
	const flushBuffer = codeOnlyBuffer(72 /* code.flush */);
	const syncBuffer = codeOnlyBuffer(83 /* code.sync */);
	const endBuffer = codeOnlyBuffer(88 /* code.end */);
	const copyDoneBuffer = codeOnlyBuffer(99 /* code.copyDone */);
	const serialize = {
	    startup,
	    password,
	    requestSsl,
	    sendSASLInitialResponseMessage,
	    sendSCRAMClientFinalMessage,
	    query,
	    parse,
	    bind,
	    execute,
	    describe,
	    close,
	    flush: () => flushBuffer,
	    sync: () => syncBuffer,
	    end: () => endBuffer,
	    copyData,
	    copyDone: () => copyDoneBuffer,
	    copyFail,
	    cancel,
	};
	serializer.serialize = serialize;
	
	return serializer;
}

var parser = {};

var bufferReader = {};

var hasRequiredBufferReader;

function requireBufferReader () {
	if (hasRequiredBufferReader) return bufferReader;
	hasRequiredBufferReader = 1;
	Object.defineProperty(bufferReader, "__esModule", { value: true });
	bufferReader.BufferReader = void 0;
	class BufferReader {
	    constructor(offset = 0) {
	        this.offset = offset;
	        this.buffer = Buffer.allocUnsafe(0);
	        // TODO(bmc): support non-utf8 encoding?
	        this.encoding = 'utf-8';
	    }
	    setBuffer(offset, buffer) {
	        this.offset = offset;
	        this.buffer = buffer;
	    }
	    int16() {
	        const result = this.buffer.readInt16BE(this.offset);
	        this.offset += 2;
	        return result;
	    }
	    byte() {
	        const result = this.buffer[this.offset];
	        this.offset++;
	        return result;
	    }
	    int32() {
	        const result = this.buffer.readInt32BE(this.offset);
	        this.offset += 4;
	        return result;
	    }
	    uint32() {
	        const result = this.buffer.readUInt32BE(this.offset);
	        this.offset += 4;
	        return result;
	    }
	    string(length) {
	        const result = this.buffer.toString(this.encoding, this.offset, this.offset + length);
	        this.offset += length;
	        return result;
	    }
	    cstring() {
	        const start = this.offset;
	        let end = start;
	        // eslint-disable-next-line no-empty
	        while (this.buffer[end++]) { }
	        this.offset = end;
	        return this.buffer.toString(this.encoding, start, end - 1);
	    }
	    bytes(length) {
	        const result = this.buffer.slice(this.offset, this.offset + length);
	        this.offset += length;
	        return result;
	    }
	}
	bufferReader.BufferReader = BufferReader;
	
	return bufferReader;
}

var hasRequiredParser;

function requireParser () {
	if (hasRequiredParser) return parser;
	hasRequiredParser = 1;
	Object.defineProperty(parser, "__esModule", { value: true });
	parser.Parser = void 0;
	const messages_1 = requireMessages();
	const buffer_reader_1 = requireBufferReader();
	// every message is prefixed with a single byte
	const CODE_LENGTH = 1;
	// every message has an int32 length which includes itself but does
	// NOT include the code in the length
	const LEN_LENGTH = 4;
	const HEADER_LENGTH = CODE_LENGTH + LEN_LENGTH;
	// A placeholder for a `BackendMessage`’s length value that will be set after construction.
	const LATEINIT_LENGTH = -1;
	const emptyBuffer = Buffer.allocUnsafe(0);
	class Parser {
	    constructor(opts) {
	        this.buffer = emptyBuffer;
	        this.bufferLength = 0;
	        this.bufferOffset = 0;
	        this.reader = new buffer_reader_1.BufferReader();
	        if ((opts === null || opts === void 0 ? void 0 : opts.mode) === 'binary') {
	            throw new Error('Binary mode not supported yet');
	        }
	        this.mode = (opts === null || opts === void 0 ? void 0 : opts.mode) || 'text';
	    }
	    parse(buffer, callback) {
	        this.mergeBuffer(buffer);
	        const bufferFullLength = this.bufferOffset + this.bufferLength;
	        let offset = this.bufferOffset;
	        while (offset + HEADER_LENGTH <= bufferFullLength) {
	            // code is 1 byte long - it identifies the message type
	            const code = this.buffer[offset];
	            // length is 1 Uint32BE - it is the length of the message EXCLUDING the code
	            const length = this.buffer.readUInt32BE(offset + CODE_LENGTH);
	            const fullMessageLength = CODE_LENGTH + length;
	            if (fullMessageLength + offset <= bufferFullLength) {
	                const message = this.handlePacket(offset + HEADER_LENGTH, code, length, this.buffer);
	                callback(message);
	                offset += fullMessageLength;
	            }
	            else {
	                break;
	            }
	        }
	        if (offset === bufferFullLength) {
	            // No more use for the buffer
	            this.buffer = emptyBuffer;
	            this.bufferLength = 0;
	            this.bufferOffset = 0;
	        }
	        else {
	            // Adjust the cursors of remainingBuffer
	            this.bufferLength = bufferFullLength - offset;
	            this.bufferOffset = offset;
	        }
	    }
	    mergeBuffer(buffer) {
	        if (this.bufferLength > 0) {
	            const newLength = this.bufferLength + buffer.byteLength;
	            const newFullLength = newLength + this.bufferOffset;
	            if (newFullLength > this.buffer.byteLength) {
	                // We can't concat the new buffer with the remaining one
	                let newBuffer;
	                if (newLength <= this.buffer.byteLength && this.bufferOffset >= this.bufferLength) {
	                    // We can move the relevant part to the beginning of the buffer instead of allocating a new buffer
	                    newBuffer = this.buffer;
	                }
	                else {
	                    // Allocate a new larger buffer
	                    let newBufferLength = this.buffer.byteLength * 2;
	                    while (newLength >= newBufferLength) {
	                        newBufferLength *= 2;
	                    }
	                    newBuffer = Buffer.allocUnsafe(newBufferLength);
	                }
	                // Move the remaining buffer to the new one
	                this.buffer.copy(newBuffer, 0, this.bufferOffset, this.bufferOffset + this.bufferLength);
	                this.buffer = newBuffer;
	                this.bufferOffset = 0;
	            }
	            // Concat the new buffer with the remaining one
	            buffer.copy(this.buffer, this.bufferOffset + this.bufferLength);
	            this.bufferLength = newLength;
	        }
	        else {
	            this.buffer = buffer;
	            this.bufferOffset = 0;
	            this.bufferLength = buffer.byteLength;
	        }
	    }
	    handlePacket(offset, code, length, bytes) {
	        const { reader } = this;
	        // NOTE: This undesirably retains the buffer in `this.reader` if the `parse*Message` calls below throw. However, those should only throw in the case of a protocol error, which normally results in the reader being discarded.
	        reader.setBuffer(offset, bytes);
	        let message;
	        switch (code) {
	            case 50 /* MessageCodes.BindComplete */:
	                message = messages_1.bindComplete;
	                break;
	            case 49 /* MessageCodes.ParseComplete */:
	                message = messages_1.parseComplete;
	                break;
	            case 51 /* MessageCodes.CloseComplete */:
	                message = messages_1.closeComplete;
	                break;
	            case 110 /* MessageCodes.NoData */:
	                message = messages_1.noData;
	                break;
	            case 115 /* MessageCodes.PortalSuspended */:
	                message = messages_1.portalSuspended;
	                break;
	            case 99 /* MessageCodes.CopyDone */:
	                message = messages_1.copyDone;
	                break;
	            case 87 /* MessageCodes.ReplicationStart */:
	                message = messages_1.replicationStart;
	                break;
	            case 73 /* MessageCodes.EmptyQuery */:
	                message = messages_1.emptyQuery;
	                break;
	            case 68 /* MessageCodes.DataRow */:
	                message = parseDataRowMessage(reader);
	                break;
	            case 67 /* MessageCodes.CommandComplete */:
	                message = parseCommandCompleteMessage(reader);
	                break;
	            case 90 /* MessageCodes.ReadyForQuery */:
	                message = parseReadyForQueryMessage(reader);
	                break;
	            case 65 /* MessageCodes.NotificationResponse */:
	                message = parseNotificationMessage(reader);
	                break;
	            case 82 /* MessageCodes.AuthenticationResponse */:
	                message = parseAuthenticationResponse(reader, length);
	                break;
	            case 83 /* MessageCodes.ParameterStatus */:
	                message = parseParameterStatusMessage(reader);
	                break;
	            case 75 /* MessageCodes.BackendKeyData */:
	                message = parseBackendKeyData(reader);
	                break;
	            case 69 /* MessageCodes.ErrorMessage */:
	                message = parseErrorMessage(reader, 'error');
	                break;
	            case 78 /* MessageCodes.NoticeMessage */:
	                message = parseErrorMessage(reader, 'notice');
	                break;
	            case 84 /* MessageCodes.RowDescriptionMessage */:
	                message = parseRowDescriptionMessage(reader);
	                break;
	            case 116 /* MessageCodes.ParameterDescriptionMessage */:
	                message = parseParameterDescriptionMessage(reader);
	                break;
	            case 71 /* MessageCodes.CopyIn */:
	                message = parseCopyInMessage(reader);
	                break;
	            case 72 /* MessageCodes.CopyOut */:
	                message = parseCopyOutMessage(reader);
	                break;
	            case 100 /* MessageCodes.CopyData */:
	                message = parseCopyData(reader, length);
	                break;
	            default:
	                return new messages_1.DatabaseError('received invalid response: ' + code.toString(16), length, 'error');
	        }
	        reader.setBuffer(0, emptyBuffer);
	        message.length = length;
	        return message;
	    }
	}
	parser.Parser = Parser;
	const parseReadyForQueryMessage = (reader) => {
	    const status = reader.string(1);
	    return new messages_1.ReadyForQueryMessage(LATEINIT_LENGTH, status);
	};
	const parseCommandCompleteMessage = (reader) => {
	    const text = reader.cstring();
	    return new messages_1.CommandCompleteMessage(LATEINIT_LENGTH, text);
	};
	const parseCopyData = (reader, length) => {
	    const chunk = reader.bytes(length - 4);
	    return new messages_1.CopyDataMessage(LATEINIT_LENGTH, chunk);
	};
	const parseCopyInMessage = (reader) => parseCopyMessage(reader, 'copyInResponse');
	const parseCopyOutMessage = (reader) => parseCopyMessage(reader, 'copyOutResponse');
	const parseCopyMessage = (reader, messageName) => {
	    const isBinary = reader.byte() !== 0;
	    const columnCount = reader.int16();
	    const message = new messages_1.CopyResponse(LATEINIT_LENGTH, messageName, isBinary, columnCount);
	    for (let i = 0; i < columnCount; i++) {
	        message.columnTypes[i] = reader.int16();
	    }
	    return message;
	};
	const parseNotificationMessage = (reader) => {
	    const processId = reader.int32();
	    const channel = reader.cstring();
	    const payload = reader.cstring();
	    return new messages_1.NotificationResponseMessage(LATEINIT_LENGTH, processId, channel, payload);
	};
	const parseRowDescriptionMessage = (reader) => {
	    const fieldCount = reader.int16();
	    const message = new messages_1.RowDescriptionMessage(LATEINIT_LENGTH, fieldCount);
	    for (let i = 0; i < fieldCount; i++) {
	        message.fields[i] = parseField(reader);
	    }
	    return message;
	};
	const parseField = (reader) => {
	    const name = reader.cstring();
	    const tableID = reader.uint32();
	    const columnID = reader.int16();
	    const dataTypeID = reader.uint32();
	    const dataTypeSize = reader.int16();
	    const dataTypeModifier = reader.int32();
	    const mode = reader.int16() === 0 ? 'text' : 'binary';
	    return new messages_1.Field(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, mode);
	};
	const parseParameterDescriptionMessage = (reader) => {
	    const parameterCount = reader.int16();
	    const message = new messages_1.ParameterDescriptionMessage(LATEINIT_LENGTH, parameterCount);
	    for (let i = 0; i < parameterCount; i++) {
	        // OIDs are unsigned, same as dataTypeID in parseField above
	        message.dataTypeIDs[i] = reader.uint32();
	    }
	    return message;
	};
	const parseDataRowMessage = (reader) => {
	    const fieldCount = reader.int16();
	    const fields = new Array(fieldCount);
	    for (let i = 0; i < fieldCount; i++) {
	        const len = reader.int32();
	        // a -1 for length means the value of the field is null
	        fields[i] = len === -1 ? null : reader.string(len);
	    }
	    return new messages_1.DataRowMessage(LATEINIT_LENGTH, fields);
	};
	const parseParameterStatusMessage = (reader) => {
	    const name = reader.cstring();
	    const value = reader.cstring();
	    return new messages_1.ParameterStatusMessage(LATEINIT_LENGTH, name, value);
	};
	const parseBackendKeyData = (reader) => {
	    const processID = reader.int32();
	    const secretKey = reader.int32();
	    return new messages_1.BackendKeyDataMessage(LATEINIT_LENGTH, processID, secretKey);
	};
	const parseAuthenticationResponse = (reader, length) => {
	    const code = reader.int32();
	    // TODO(bmc): maybe better types here
	    const message = {
	        name: 'authenticationOk',
	        length,
	    };
	    switch (code) {
	        case 0: // AuthenticationOk
	            break;
	        case 3: // AuthenticationCleartextPassword
	            if (message.length === 8) {
	                message.name = 'authenticationCleartextPassword';
	            }
	            break;
	        case 5: // AuthenticationMD5Password
	            if (message.length === 12) {
	                message.name = 'authenticationMD5Password';
	                const salt = reader.bytes(4);
	                return new messages_1.AuthenticationMD5Password(LATEINIT_LENGTH, salt);
	            }
	            break;
	        case 10: // AuthenticationSASL
	            {
	                message.name = 'authenticationSASL';
	                message.mechanisms = [];
	                let mechanism;
	                do {
	                    mechanism = reader.cstring();
	                    if (mechanism) {
	                        message.mechanisms.push(mechanism);
	                    }
	                } while (mechanism);
	            }
	            break;
	        case 11: // AuthenticationSASLContinue
	            message.name = 'authenticationSASLContinue';
	            message.data = reader.string(length - 8);
	            break;
	        case 12: // AuthenticationSASLFinal
	            message.name = 'authenticationSASLFinal';
	            message.data = reader.string(length - 8);
	            break;
	        default:
	            throw new Error('Unknown authenticationOk message type ' + code);
	    }
	    return message;
	};
	const parseErrorMessage = (reader, name) => {
	    const fields = {};
	    let fieldType = reader.string(1);
	    while (fieldType !== '\0') {
	        fields[fieldType] = reader.cstring();
	        fieldType = reader.string(1);
	    }
	    const messageValue = fields.M;
	    const message = name === 'notice'
	        ? new messages_1.NoticeMessage(LATEINIT_LENGTH, messageValue)
	        : new messages_1.DatabaseError(messageValue, LATEINIT_LENGTH, name);
	    message.severity = fields.S;
	    message.code = fields.C;
	    message.detail = fields.D;
	    message.hint = fields.H;
	    message.position = fields.P;
	    message.internalPosition = fields.p;
	    message.internalQuery = fields.q;
	    message.where = fields.W;
	    message.schema = fields.s;
	    message.table = fields.t;
	    message.column = fields.c;
	    message.dataType = fields.d;
	    message.constraint = fields.n;
	    message.file = fields.F;
	    message.line = fields.L;
	    message.routine = fields.R;
	    return message;
	};
	
	return parser;
}

var hasRequiredDist;

function requireDist () {
	if (hasRequiredDist) return dist;
	hasRequiredDist = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.DatabaseError = exports.serialize = void 0;
		exports.parse = parse;
		const messages_1 = requireMessages();
		Object.defineProperty(exports, "DatabaseError", { enumerable: true, get: function () { return messages_1.DatabaseError; } });
		const serializer_1 = requireSerializer();
		Object.defineProperty(exports, "serialize", { enumerable: true, get: function () { return serializer_1.serialize; } });
		const parser_1 = requireParser();
		function parse(stream, callback) {
		    const parser = new parser_1.Parser();
		    stream.on('data', (buffer) => parser.parse(buffer, callback));
		    return new Promise((resolve) => stream.on('end', () => resolve()));
		}
		
	} (dist));
	return dist;
}

var empty = {};

var hasRequiredEmpty;

function requireEmpty () {
	if (hasRequiredEmpty) return empty;
	hasRequiredEmpty = 1;
	Object.defineProperty(empty, "__esModule", { value: true });
	// This is an empty module that is served up when outside of a workerd environment
	// See the `exports` field in package.json
	empty.default = {};
	
	return empty;
}

var stream;
var hasRequiredStream;

function requireStream () {
	if (hasRequiredStream) return stream;
	hasRequiredStream = 1;
	const { getStream, getSecureStream } = getStreamFuncs();

	stream = {
	  /**
	   * Get a socket stream compatible with the current runtime environment.
	   * @returns {Duplex}
	   */
	  getStream,
	  /**
	   * Get a TLS secured socket, compatible with the current environment,
	   * using the socket and other settings given in `options`.
	   * @returns {Duplex}
	   */
	  getSecureStream,
	};

	/**
	 * The stream functions that work in Node.js
	 */
	function getNodejsStreamFuncs() {
	  function getStream(ssl) {
	    const net = require$$0$5;
	    return new net.Socket()
	  }

	  function getSecureStream(options) {
	    const tls = require$$1;
	    return tls.connect(options)
	  }
	  return {
	    getStream,
	    getSecureStream,
	  }
	}

	/**
	 * The stream functions that work in Cloudflare Workers
	 */
	function getCloudflareStreamFuncs() {
	  function getStream(ssl) {
	    const { CloudflareSocket } = requireEmpty();
	    return new CloudflareSocket(ssl)
	  }

	  function getSecureStream(options) {
	    options.socket.startTls(options);
	    return options.socket
	  }
	  return {
	    getStream,
	    getSecureStream,
	  }
	}

	/**
	 * Are we running in a Cloudflare Worker?
	 *
	 * @returns true if the code is currently running inside a Cloudflare Worker.
	 */
	function isCloudflareRuntime() {
	  // Since 2022-03-21 the `global_navigator` compatibility flag is on for Cloudflare Workers
	  // which means that `navigator.userAgent` will be defined.
	  // eslint-disable-next-line no-undef
	  if (typeof navigator === 'object' && navigator !== null && typeof navigator.userAgent === 'string') {
	    // eslint-disable-next-line no-undef
	    return navigator.userAgent === 'Cloudflare-Workers'
	  }
	  // In case `navigator` or `navigator.userAgent` is not defined then try a more sneaky approach
	  if (typeof Response === 'function') {
	    const resp = new Response(null, { cf: { thing: true } });
	    if (typeof resp.cf === 'object' && resp.cf !== null && resp.cf.thing) {
	      return true
	    }
	  }
	  return false
	}

	function getStreamFuncs() {
	  if (isCloudflareRuntime()) {
	    return getCloudflareStreamFuncs()
	  }
	  return getNodejsStreamFuncs()
	}
	return stream;
}

var connection;
var hasRequiredConnection;

function requireConnection () {
	if (hasRequiredConnection) return connection;
	hasRequiredConnection = 1;

	const EventEmitter = require$$2$2.EventEmitter;

	const { parse, serialize } = requireDist();
	const stream = requireStream();
	const { getStream } = stream;

	const flushBuffer = serialize.flush();
	const syncBuffer = serialize.sync();
	const endBuffer = serialize.end();

	// TODO(bmc) support binary mode at some point
	class Connection extends EventEmitter {
	  constructor(config) {
	    super();
	    config = config || {};

	    this.stream = config.stream || getStream(config.ssl);
	    if (typeof this.stream === 'function') {
	      this.stream = this.stream(config);
	    }

	    this._keepAlive = config.keepAlive;
	    this._keepAliveInitialDelayMillis = config.keepAliveInitialDelayMillis;
	    this.parsedStatements = {};
	    this.submittedNamedStatements = {};
	    this.ssl = config.ssl || false;
	    this.sslNegotiation = config.sslNegotiation || 'postgres';
	    this._ending = false;
	    this._emitMessage = false;
	    const self = this;
	    this.on('newListener', function (eventName) {
	      if (eventName === 'message') {
	        self._emitMessage = true;
	      }
	    });
	  }

	  connect(port, host) {
	    const self = this;

	    this._connecting = true;
	    this.stream.setNoDelay(true);
	    this.stream.connect(port, host);

	    this.stream.once('connect', function () {
	      if (self._keepAlive) {
	        self.stream.setKeepAlive(true, self._keepAliveInitialDelayMillis);
	      }
	      self.emit('connect');
	    });

	    const reportStreamError = function (error) {
	      // errors about disconnections should be ignored during disconnect
	      if (self._ending && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
	        return
	      }
	      self.emit('error', error);
	    };
	    this.stream.on('error', reportStreamError);

	    this.stream.on('close', function () {
	      self.emit('end');
	    });

	    if (!this.ssl) {
	      return this.attachListeners(this.stream)
	    }

	    // With direct SSL negotiation the TLS handshake starts immediately on the
	    // raw socket, skipping the SSLRequest packet and the server's 'S'/'N' reply.
	    if (this.sslNegotiation === 'direct') {
	      return this.stream.once('connect', function () {
	        self.upgradeToSSL(host, reportStreamError);
	      })
	    }

	    this.stream.once('data', function (buffer) {
	      const responseCode = buffer.toString('utf8');
	      switch (responseCode) {
	        case 'S': // Server supports SSL connections, continue with a secure connection
	          break
	        case 'N': // Server does not support SSL connections
	          self.stream.end();
	          return self.emit('error', new Error('The server does not support SSL connections'))
	        default:
	          // Any other response byte, including 'E' (ErrorResponse) indicating a server error
	          self.stream.end();
	          return self.emit('error', new Error('There was an error establishing an SSL connection'))
	      }
	      self.upgradeToSSL(host, reportStreamError);
	    });
	  }

	  upgradeToSSL(host, reportStreamError) {
	    const self = this;
	    const options = {
	      socket: self.stream,
	      // tls.connect checks the server identity against `servername`, falling
	      // back to `host` and then to 'localhost'. `servername` must stay unset
	      // for IP addresses (see below), so `host` is needed to keep certificate
	      // validation working when connecting to an IP address.
	      host,
	    };

	    if (self.ssl !== true) {
	      Object.assign(options, self.ssl);

	      if ('key' in self.ssl) {
	        options.key = self.ssl.key;
	      }
	    }

	    // Direct SSL negotiation requires ALPN so the server can confirm it is
	    // speaking the PostgreSQL protocol over the TLS connection.
	    if (self.sslNegotiation === 'direct') {
	      options.ALPNProtocols = ['postgresql'];
	    }

	    // SNI must not be set to an IP address (RFC 6066 section 3)
	    const net = require$$0$5;
	    if (net.isIP && net.isIP(host) === 0) {
	      options.servername = host;
	    }
	    try {
	      self.stream = stream.getSecureStream(options);
	    } catch (err) {
	      return self.emit('error', err)
	    }
	    self.attachListeners(self.stream);
	    self.stream.on('error', reportStreamError);

	    self.emit('sslconnect');
	  }

	  attachListeners(stream) {
	    parse(stream, (msg) => {
	      const eventName = msg.name === 'error' ? 'errorMessage' : msg.name;
	      if (this._emitMessage) {
	        this.emit('message', msg);
	      }
	      this.emit(eventName, msg);
	    });
	  }

	  requestSsl() {
	    this.stream.write(serialize.requestSsl());
	  }

	  startup(config) {
	    this.stream.write(serialize.startup(config));
	  }

	  cancel(processID, secretKey) {
	    this._send(serialize.cancel(processID, secretKey));
	  }

	  password(password) {
	    this._send(serialize.password(password));
	  }

	  sendSASLInitialResponseMessage(mechanism, initialResponse) {
	    this._send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse));
	  }

	  sendSCRAMClientFinalMessage(additionalData) {
	    this._send(serialize.sendSCRAMClientFinalMessage(additionalData));
	  }

	  _send(buffer) {
	    if (!this.stream.writable) {
	      return false
	    }
	    return this.stream.write(buffer)
	  }

	  query(text) {
	    this._send(serialize.query(text));
	  }

	  // send parse message
	  parse(query) {
	    this._send(serialize.parse(query));
	  }

	  // send bind message
	  bind(config) {
	    this._send(serialize.bind(config));
	  }

	  // send execute message
	  execute(config) {
	    this._send(serialize.execute(config));
	  }

	  flush() {
	    if (this.stream.writable) {
	      this.stream.write(flushBuffer);
	    }
	  }

	  sync() {
	    // Sync is the extended-query protocol barrier, not a disconnect.
	    // Only end()/Terminate (and connect-timeout teardown) should set _ending.
	    this._send(syncBuffer);
	  }

	  ref() {
	    this.stream.ref();
	  }

	  unref() {
	    this.stream.unref();
	  }

	  end() {
	    // 0x58 = 'X'
	    this._ending = true;
	    if (!this._connecting || !this.stream.writable) {
	      this.stream.end();
	      return
	    }
	    return this.stream.write(endBuffer, () => {
	      this.stream.end();
	    })
	  }

	  close(msg) {
	    this._send(serialize.close(msg));
	  }

	  describe(msg) {
	    this._send(serialize.describe(msg));
	  }

	  sendCopyFromChunk(chunk) {
	    this._send(serialize.copyData(chunk));
	  }

	  endCopyFrom() {
	    this._send(serialize.copyDone());
	  }

	  sendCopyFail(msg) {
	    this._send(serialize.copyFail(msg));
	  }
	}

	connection = Connection;
	return connection;
}

var lib = {exports: {}};

var helper = {exports: {}};

/*
Copyright (c) 2014-2021, Matteo Collina <hello@matteocollina.com>

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR
IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
*/

var split2;
var hasRequiredSplit2;

function requireSplit2 () {
	if (hasRequiredSplit2) return split2;
	hasRequiredSplit2 = 1;

	const { Transform } = require$$0__default;
	const { StringDecoder } = require$$1$1;
	const kLast = Symbol('last');
	const kDecoder = Symbol('decoder');

	function transform (chunk, enc, cb) {
	  let list;
	  if (this.overflow) { // Line buffer is full. Skip to start of next line.
	    const buf = this[kDecoder].write(chunk);
	    list = buf.split(this.matcher);

	    if (list.length === 1) return cb() // Line ending not found. Discard entire chunk.

	    // Line ending found. Discard trailing fragment of previous line and reset overflow state.
	    list.shift();
	    this.overflow = false;
	  } else {
	    this[kLast] += this[kDecoder].write(chunk);
	    list = this[kLast].split(this.matcher);
	  }

	  this[kLast] = list.pop();

	  for (let i = 0; i < list.length; i++) {
	    try {
	      push(this, this.mapper(list[i]));
	    } catch (error) {
	      return cb(error)
	    }
	  }

	  this.overflow = this[kLast].length > this.maxLength;
	  if (this.overflow && !this.skipOverflow) {
	    cb(new Error('maximum buffer reached'));
	    return
	  }

	  cb();
	}

	function flush (cb) {
	  // forward any gibberish left in there
	  this[kLast] += this[kDecoder].end();

	  if (this[kLast]) {
	    try {
	      push(this, this.mapper(this[kLast]));
	    } catch (error) {
	      return cb(error)
	    }
	  }

	  cb();
	}

	function push (self, val) {
	  if (val !== undefined) {
	    self.push(val);
	  }
	}

	function noop (incoming) {
	  return incoming
	}

	function split (matcher, mapper, options) {
	  // Set defaults for any arguments not supplied.
	  matcher = matcher || /\r?\n/;
	  mapper = mapper || noop;
	  options = options || {};

	  // Test arguments explicitly.
	  switch (arguments.length) {
	    case 1:
	      // If mapper is only argument.
	      if (typeof matcher === 'function') {
	        mapper = matcher;
	        matcher = /\r?\n/;
	      // If options is only argument.
	      } else if (typeof matcher === 'object' && !(matcher instanceof RegExp) && !matcher[Symbol.split]) {
	        options = matcher;
	        matcher = /\r?\n/;
	      }
	      break

	    case 2:
	      // If mapper and options are arguments.
	      if (typeof matcher === 'function') {
	        options = mapper;
	        mapper = matcher;
	        matcher = /\r?\n/;
	      // If matcher and options are arguments.
	      } else if (typeof mapper === 'object') {
	        options = mapper;
	        mapper = noop;
	      }
	  }

	  options = Object.assign({}, options);
	  options.autoDestroy = true;
	  options.transform = transform;
	  options.flush = flush;
	  options.readableObjectMode = true;

	  const stream = new Transform(options);

	  stream[kLast] = '';
	  stream[kDecoder] = new StringDecoder('utf8');
	  stream.matcher = matcher;
	  stream.mapper = mapper;
	  stream.maxLength = options.maxLength;
	  stream.skipOverflow = options.skipOverflow || false;
	  stream.overflow = false;
	  stream._destroy = function (err, cb) {
	    // Weird Node v12 bug that we need to work around
	    this._writableState.errorEmitted = false;
	    cb(err);
	  };

	  return stream
	}

	split2 = split;
	return split2;
}

var hasRequiredHelper;

function requireHelper () {
	if (hasRequiredHelper) return helper.exports;
	hasRequiredHelper = 1;
	(function (module) {

		var path = path__default
		  , Stream = require$$0__default.Stream
		  , split = requireSplit2()
		  , util = require$$0$3
		  , defaultPort = 5432
		  , isWin = (process.platform === 'win32')
		  , warnStream = process.stderr
		;


		var S_IRWXG = 56     //    00070(8)
		  , S_IRWXO = 7      //    00007(8)
		  , S_IFMT  = 61440  // 00170000(8)
		  , S_IFREG = 32768  //  0100000(8)
		;
		function isRegFile(mode) {
		    return ((mode & S_IFMT) == S_IFREG);
		}

		var fieldNames = [ 'host', 'port', 'database', 'user', 'password' ];
		var nrOfFields = fieldNames.length;
		var passKey = fieldNames[ nrOfFields -1 ];


		function warn() {
		    var isWritable = (
		        warnStream instanceof Stream &&
		          true === warnStream.writable
		    );

		    if (isWritable) {
		        var args = Array.prototype.slice.call(arguments).concat("\n");
		        warnStream.write( util.format.apply(util, args) );
		    }
		}


		Object.defineProperty(module.exports, 'isWin', {
		    get : function() {
		        return isWin;
		    } ,
		    set : function(val) {
		        isWin = val;
		    }
		});


		module.exports.warnTo = function(stream) {
		    var old = warnStream;
		    warnStream = stream;
		    return old;
		};

		module.exports.getFileName = function(rawEnv){
		    var env = rawEnv || process.env;
		    var file = env.PGPASSFILE || (
		        isWin ?
		          path.join( env.APPDATA || './' , 'postgresql', 'pgpass.conf' ) :
		          path.join( env.HOME || './', '.pgpass' )
		    );
		    return file;
		};

		module.exports.usePgPass = function(stats, fname) {
		    if (Object.prototype.hasOwnProperty.call(process.env, 'PGPASSWORD')) {
		        return false;
		    }

		    if (isWin) {
		        return true;
		    }

		    fname = fname || '<unkn>';

		    if (! isRegFile(stats.mode)) {
		        warn('WARNING: password file "%s" is not a plain file', fname);
		        return false;
		    }

		    if (stats.mode & (S_IRWXG | S_IRWXO)) {
		        /* If password file is insecure, alert the user and ignore it. */
		        warn('WARNING: password file "%s" has group or world access; permissions should be u=rw (0600) or less', fname);
		        return false;
		    }

		    return true;
		};


		var matcher = module.exports.match = function(connInfo, entry) {
		    return fieldNames.slice(0, -1).reduce(function(prev, field, idx){
		        if (idx == 1) {
		            // the port
		            if ( Number( connInfo[field] || defaultPort ) === Number( entry[field] ) ) {
		                return prev && true;
		            }
		        }
		        return prev && (
		            entry[field] === '*' ||
		              entry[field] === connInfo[field]
		        );
		    }, true);
		};


		module.exports.getPassword = function(connInfo, stream, cb) {
		    var pass;
		    var lineStream = stream.pipe(split());

		    function onLine(line) {
		        var entry = parseLine(line);
		        if (entry && isValidEntry(entry) && matcher(connInfo, entry)) {
		            pass = entry[passKey];
		            lineStream.end(); // -> calls onEnd(), but pass is set now
		        }
		    }

		    var onEnd = function() {
		        stream.destroy();
		        cb(pass);
		    };

		    var onErr = function(err) {
		        stream.destroy();
		        warn('WARNING: error on reading file: %s', err);
		        cb(undefined);
		    };

		    stream.on('error', onErr);
		    lineStream
		        .on('data', onLine)
		        .on('end', onEnd)
		        .on('error', onErr)
		    ;

		};


		var parseLine = module.exports.parseLine = function(line) {
		    if (line.length < 11 || line.match(/^\s+#/)) {
		        return null;
		    }

		    var curChar = '';
		    var prevChar = '';
		    var fieldIdx = 0;
		    var startIdx = 0;
		    var obj = {};
		    var isLastField = false;
		    var addToObj = function(idx, i0, i1) {
		        var field = line.substring(i0, i1);

		        if (! Object.hasOwnProperty.call(process.env, 'PGPASS_NO_DEESCAPE')) {
		            field = field.replace(/\\([:\\])/g, '$1');
		        }

		        obj[ fieldNames[idx] ] = field;
		    };

		    for (var i = 0 ; i < line.length-1 ; i += 1) {
		        curChar = line.charAt(i+1);
		        prevChar = line.charAt(i);

		        isLastField = (fieldIdx == nrOfFields-1);

		        if (isLastField) {
		            addToObj(fieldIdx, startIdx);
		            break;
		        }

		        if (i >= 0 && curChar == ':' && prevChar !== '\\') {
		            addToObj(fieldIdx, startIdx, i+1);

		            startIdx = i+2;
		            fieldIdx += 1;
		        }
		    }

		    obj = ( Object.keys(obj).length === nrOfFields ) ? obj : null;

		    return obj;
		};


		var isValidEntry = module.exports.isValidEntry = function(entry){
		    var rules = {
		        // host
		        0 : function(x){
		            return x.length > 0;
		        } ,
		        // port
		        1 : function(x){
		            if (x === '*') {
		                return true;
		            }
		            x = Number(x);
		            return (
		                isFinite(x) &&
		                  x > 0 &&
		                  x < 9007199254740992 &&
		                  Math.floor(x) === x
		            );
		        } ,
		        // database
		        2 : function(x){
		            return x.length > 0;
		        } ,
		        // username
		        3 : function(x){
		            return x.length > 0;
		        } ,
		        // password
		        4 : function(x){
		            return x.length > 0;
		        }
		    };

		    for (var idx = 0 ; idx < fieldNames.length ; idx += 1) {
		        var rule = rules[idx];
		        var value = entry[ fieldNames[idx] ] || '';

		        var res = rule(value);
		        if (!res) {
		            return false;
		        }
		    }

		    return true;
		}; 
	} (helper));
	return helper.exports;
}

var hasRequiredLib$1;

function requireLib$1 () {
	if (hasRequiredLib$1) return lib.exports;
	hasRequiredLib$1 = 1;

	var fs = fs__default
	  , helper = requireHelper()
	;


	lib.exports = function(connInfo, cb) {
	    var file = helper.getFileName();
	    
	    fs.stat(file, function(err, stat){
	        if (err || !helper.usePgPass(stat, file)) {
	            return cb(undefined);
	        }

	        var st = fs.createReadStream(file);

	        helper.getPassword(connInfo, st, cb);
	    });
	};

	lib.exports.warnTo = helper.warnTo;
	return lib.exports;
}

var client$1;
var hasRequiredClient$1;

function requireClient$1 () {
	if (hasRequiredClient$1) return client$1;
	hasRequiredClient$1 = 1;
	const EventEmitter = require$$2$2.EventEmitter;
	const utils = requireUtils$1();
	const nodeUtils = require$$0$3;
	const sasl = requireSasl();
	const TypeOverrides = requireTypeOverrides();

	const ConnectionParameters = requireConnectionParameters();
	const Query = requireQuery$1();
	const defaults = requireDefaults();
	const Connection = requireConnection();
	const crypto = requireUtils();

	const activeQueryDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'Client.activeQuery is deprecated and will be removed in pg@9.0'
	);

	const queryQueueDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'Client.queryQueue is deprecated and will be removed in pg@9.0.'
	);

	const pgPassDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'pgpass support is deprecated and will be removed in pg@9.0. ' +
	    'You can provide an async function as the password property to the Client/Pool constructor that returns a password instead. Within this function you can call the pgpass module in your own code.'
	);

	const byoPromiseDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'Passing a custom Promise implementation to the Client/Pool constructor is deprecated and will be removed in pg@9.0.'
	);

	const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
	);

	function coerceNumberOrDefault(value, defaultValue) {
	  if (typeof value === 'number') {
	    return Number.isFinite(value) ? value : defaultValue
	  }
	  if (typeof value === 'string' && value.trim() !== '') {
	    const n = Number(value);
	    return Number.isFinite(n) ? n : defaultValue
	  }
	  return defaultValue
	}

	class Client extends EventEmitter {
	  constructor(config) {
	    super();

	    this.connectionParameters = new ConnectionParameters(config);
	    this.user = this.connectionParameters.user;
	    this.database = this.connectionParameters.database;
	    this.port = this.connectionParameters.port;
	    this.host = this.connectionParameters.host;

	    // "hiding" the password so it doesn't show up in stack traces
	    // or if the client is console.logged
	    Object.defineProperty(this, 'password', {
	      configurable: true,
	      enumerable: false,
	      writable: true,
	      value: this.connectionParameters.password,
	    });

	    this.replication = this.connectionParameters.replication;

	    const c = config || {};

	    if (c.Promise) {
	      byoPromiseDeprecationNotice();
	    }
	    this._Promise = c.Promise || commonjsGlobal.Promise;
	    this._types = new TypeOverrides(c.types);
	    this._ending = false;
	    this._ended = false;
	    this._connecting = false;
	    this._connected = false;
	    this._connectionError = false;
	    this._queryable = true;
	    this._activeQuery = null;
	    this._txStatus = null;

	    this.enableChannelBinding = Boolean(c.enableChannelBinding); // set true to use SCRAM-SHA-256-PLUS when offered
	    this.scramMaxIterations = coerceNumberOrDefault(c.scramMaxIterations, sasl.DEFAULT_MAX_SCRAM_ITERATIONS);
	    this.connection =
	      c.connection ||
	      new Connection({
	        stream: c.stream,
	        ssl: this.connectionParameters.ssl,
	        sslNegotiation: this.connectionParameters.sslnegotiation,
	        keepAlive: c.keepAlive || false,
	        keepAliveInitialDelayMillis: c.keepAliveInitialDelayMillis || 0,
	        encoding: this.connectionParameters.client_encoding || 'utf8',
	      });
	    this._queryQueue = [];
	    this._sentQueryQueue = [];
	    this.pipeline = Boolean(c.pipeline);
	    this.binary = c.binary || defaults.binary;
	    this.processID = null;
	    this.secretKey = null;
	    this.ssl = this.connectionParameters.ssl || false;
	    this.sslNegotiation = this.connectionParameters.sslnegotiation || 'postgres';
	    // As with Password, make SSL->Key (the private key) non-enumerable.
	    // It won't show up in stack traces
	    // or if the client is console.logged
	    if (this.ssl && this.ssl.key) {
	      Object.defineProperty(this.ssl, 'key', {
	        enumerable: false,
	      });
	    }

	    this._connectionTimeoutMillis = c.connectionTimeoutMillis || 0;
	  }

	  get activeQuery() {
	    activeQueryDeprecationNotice();
	    return this._activeQuery
	  }

	  set activeQuery(val) {
	    activeQueryDeprecationNotice();
	    this._activeQuery = val;
	  }

	  _getActiveQuery() {
	    return this._activeQuery
	  }

	  _errorAllQueries(err) {
	    const enqueueError = (query) => {
	      process.nextTick(() => {
	        query.handleError(err, this.connection);
	      });
	    };

	    const activeQuery = this._getActiveQuery();
	    if (activeQuery) {
	      enqueueError(activeQuery);
	      this._activeQuery = null;
	    }

	    this._sentQueryQueue.forEach(enqueueError);
	    this._sentQueryQueue.length = 0;

	    this._queryQueue.forEach(enqueueError);
	    this._queryQueue.length = 0;
	  }

	  _connect(callback) {
	    const self = this;
	    const con = this.connection;
	    this._connectionCallback = callback;

	    if (this._connecting || this._connected) {
	      const err = new Error('Client has already been connected. You cannot reuse a client.');
	      process.nextTick(() => {
	        callback(err);
	      });
	      return
	    }
	    this._connecting = true;

	    if (this._connectionTimeoutMillis > 0) {
	      this.connectionTimeoutHandle = setTimeout(() => {
	        con._ending = true;
	        con.stream.destroy(new Error('timeout expired'));
	      }, this._connectionTimeoutMillis);

	      if (this.connectionTimeoutHandle.unref) {
	        this.connectionTimeoutHandle.unref();
	      }
	    }

	    if (this.host && this.host.indexOf('/') === 0) {
	      con.connect(this.host + '/.s.PGSQL.' + this.port);
	    } else {
	      con.connect(this.port, this.host);
	    }

	    // once connection is established send startup message
	    con.on('connect', function () {
	      if (self.ssl) {
	        // With direct SSL negotiation the connection upgrades to TLS without an
	        // SSLRequest packet, so the startup message is sent after 'sslconnect'.
	        if (self.sslNegotiation !== 'direct') {
	          con.requestSsl();
	        }
	      } else {
	        con.startup(self.getStartupConf());
	      }
	    });

	    con.on('sslconnect', function () {
	      con.startup(self.getStartupConf());
	    });

	    this._attachListeners(con);

	    con.once('end', () => {
	      const error = this._ending ? new Error('Connection terminated') : new Error('Connection terminated unexpectedly');

	      clearTimeout(this.connectionTimeoutHandle);
	      this._errorAllQueries(error);
	      this._ended = true;

	      if (!this._ending) {
	        // if the connection is ended without us calling .end()
	        // on this client then we have an unexpected disconnection
	        // treat this as an error unless we've already emitted an error
	        // during connection.
	        if (this._connecting && !this._connectionError) {
	          if (this._connectionCallback) {
	            this._connectionCallback(error);
	          } else {
	            this._handleErrorEvent(error);
	          }
	        } else if (!this._connectionError) {
	          this._handleErrorEvent(error);
	        }
	      }

	      process.nextTick(() => {
	        this.emit('end');
	      });
	    });
	  }

	  connect(callback) {
	    if (callback) {
	      this._connect(callback);
	      return
	    }

	    return new this._Promise((resolve, reject) => {
	      this._connect((error) => {
	        if (error) {
	          reject(error);
	        } else {
	          resolve(this);
	        }
	      });
	    })
	  }

	  _attachListeners(con) {
	    // password request handling
	    con.on('authenticationCleartextPassword', this._handleAuthCleartextPassword.bind(this));
	    // password request handling
	    con.on('authenticationMD5Password', this._handleAuthMD5Password.bind(this));
	    // password request handling (SASL)
	    con.on('authenticationSASL', this._handleAuthSASL.bind(this));
	    con.on('authenticationSASLContinue', this._handleAuthSASLContinue.bind(this));
	    con.on('authenticationSASLFinal', this._handleAuthSASLFinal.bind(this));
	    con.on('backendKeyData', this._handleBackendKeyData.bind(this));
	    con.on('error', this._handleErrorEvent.bind(this));
	    con.on('errorMessage', this._handleErrorMessage.bind(this));
	    con.on('readyForQuery', this._handleReadyForQuery.bind(this));
	    con.on('notice', this._handleNotice.bind(this));
	    con.on('rowDescription', this._handleRowDescription.bind(this));
	    con.on('dataRow', this._handleDataRow.bind(this));
	    con.on('portalSuspended', this._handlePortalSuspended.bind(this));
	    con.on('emptyQuery', this._handleEmptyQuery.bind(this));
	    con.on('commandComplete', this._handleCommandComplete.bind(this));
	    con.on('parseComplete', this._handleParseComplete.bind(this));
	    con.on('copyInResponse', this._handleCopyInResponse.bind(this));
	    con.on('copyData', this._handleCopyData.bind(this));
	    con.on('notification', this._handleNotification.bind(this));
	  }

	  _getPassword(cb) {
	    const con = this.connection;
	    if (typeof this.password === 'function') {
	      this._Promise
	        .resolve()
	        .then(() => this.password(this.connectionParameters))
	        .then((pass) => {
	          if (pass !== undefined) {
	            if (typeof pass !== 'string') {
	              con.emit('error', new TypeError('Password must be a string'));
	              return
	            }
	            this.connectionParameters.password = this.password = pass;
	          } else {
	            this.connectionParameters.password = this.password = null;
	          }
	          cb();
	        })
	        .catch((err) => {
	          con.emit('error', err);
	        });
	    } else if (this.password !== null) {
	      cb();
	    } else {
	      try {
	        const pgPass = requireLib$1();
	        pgPass(this.connectionParameters, (pass) => {
	          if (undefined !== pass) {
	            pgPassDeprecationNotice();
	            this.connectionParameters.password = this.password = pass;
	          }
	          cb();
	        });
	      } catch (e) {
	        this.emit('error', e);
	      }
	    }
	  }

	  _handleAuthCleartextPassword(msg) {
	    this._getPassword(() => {
	      this.connection.password(this.password);
	    });
	  }

	  _handleAuthMD5Password(msg) {
	    this._getPassword(async () => {
	      try {
	        const hashedPassword = await crypto.postgresMd5PasswordHash(this.user, this.password, msg.salt);
	        this.connection.password(hashedPassword);
	      } catch (e) {
	        this.emit('error', e);
	      }
	    });
	  }

	  _handleAuthSASL(msg) {
	    this._getPassword(() => {
	      try {
	        this.saslSession = sasl.startSession(
	          msg.mechanisms,
	          this.enableChannelBinding && this.connection.stream,
	          this.scramMaxIterations
	        );
	        this.connection.sendSASLInitialResponseMessage(this.saslSession.mechanism, this.saslSession.response);
	      } catch (err) {
	        this.connection.emit('error', err);
	      }
	    });
	  }

	  async _handleAuthSASLContinue(msg) {
	    try {
	      await sasl.continueSession(
	        this.saslSession,
	        this.password,
	        msg.data,
	        this.enableChannelBinding && this.connection.stream
	      );
	      this.connection.sendSCRAMClientFinalMessage(this.saslSession.response);
	    } catch (err) {
	      this.connection.emit('error', err);
	    }
	  }

	  _handleAuthSASLFinal(msg) {
	    try {
	      sasl.finalizeSession(this.saslSession, msg.data);
	      this.saslSession = null;
	    } catch (err) {
	      this.connection.emit('error', err);
	    }
	  }

	  _handleBackendKeyData(msg) {
	    this.processID = msg.processID;
	    this.secretKey = msg.secretKey;
	  }

	  _handleReadyForQuery(msg) {
	    if (this._connecting) {
	      this._connecting = false;
	      this._connected = true;
	      clearTimeout(this.connectionTimeoutHandle);

	      // process possible callback argument to Client#connect
	      if (this._connectionCallback) {
	        this._connectionCallback(null, this);
	        // remove callback for proper error handling
	        // after the connect event
	        this._connectionCallback = null;
	      }
	      this.emit('connect');
	    }
	    const activeQuery = this._getActiveQuery();
	    this._activeQuery = null;
	    this._txStatus = msg?.status ?? null;
	    this.readyForQuery = true;
	    if (activeQuery) {
	      activeQuery.handleReadyForQuery(this.connection);
	    }
	    this._pulseQueryQueue();
	  }

	  // if we receive an error event or error message
	  // during the connection process we handle it here
	  _handleErrorWhileConnecting(err) {
	    if (this._connectionError) {
	      // TODO(bmc): this is swallowing errors - we shouldn't do this
	      return
	    }
	    this._connectionError = true;
	    clearTimeout(this.connectionTimeoutHandle);
	    if (this._connectionCallback) {
	      return this._connectionCallback(err)
	    }
	    this.emit('error', err);
	  }

	  // if we're connected and we receive an error event from the connection
	  // this means the socket is dead - do a hard abort of all queries and emit
	  // the socket error on the client as well
	  _handleErrorEvent(err) {
	    if (this._connecting) {
	      return this._handleErrorWhileConnecting(err)
	    }
	    this._queryable = false;
	    this._errorAllQueries(err);
	    this.emit('error', err);
	  }

	  // handle error messages from the postgres backend
	  _handleErrorMessage(msg) {
	    if (this._connecting) {
	      return this._handleErrorWhileConnecting(msg)
	    }
	    const activeQuery = this._getActiveQuery();

	    if (!activeQuery) {
	      this._handleErrorEvent(msg);
	      return
	    }

	    this._activeQuery = null;
	    if (activeQuery.name) {
	      delete this.connection.submittedNamedStatements[activeQuery.name];
	    }
	    activeQuery.handleError(msg, this.connection);
	  }

	  _handleRowDescription(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected rowDescription message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    // delegate rowDescription to active query
	    activeQuery.handleRowDescription(msg);
	  }

	  _handleDataRow(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected dataRow message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    // delegate dataRow to active query
	    activeQuery.handleDataRow(msg);
	  }

	  _handlePortalSuspended(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected portalSuspended message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    // delegate portalSuspended to active query
	    activeQuery.handlePortalSuspended(this.connection);
	  }

	  _handleEmptyQuery(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected emptyQuery message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    // delegate emptyQuery to active query
	    activeQuery.handleEmptyQuery(this.connection);
	  }

	  _handleCommandComplete(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected commandComplete message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    // delegate commandComplete to active query
	    activeQuery.handleCommandComplete(msg, this.connection);
	  }

	  _handleParseComplete() {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected parseComplete message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    // if a prepared statement has a name and properly parses
	    // we track that its already been executed so we don't parse
	    // it again on the same client
	    if (activeQuery.name) {
	      this.connection.parsedStatements[activeQuery.name] = activeQuery.text;
	      delete this.connection.submittedNamedStatements[activeQuery.name];
	    }
	  }

	  _handleCopyInResponse(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected copyInResponse message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    activeQuery.handleCopyInResponse(this.connection);
	  }

	  _handleCopyData(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected copyData message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    activeQuery.handleCopyData(msg, this.connection);
	  }

	  _handleNotification(msg) {
	    this.emit('notification', msg);
	  }

	  _handleNotice(msg) {
	    this.emit('notice', msg);
	  }

	  getStartupConf() {
	    const params = this.connectionParameters;

	    const data = {
	      user: params.user,
	      database: params.database,
	    };

	    const appName = params.application_name || params.fallback_application_name;
	    if (appName) {
	      data.application_name = appName;
	    }
	    if (params.replication) {
	      data.replication = '' + params.replication;
	    }
	    if (params.statement_timeout) {
	      data.statement_timeout = String(parseInt(params.statement_timeout, 10));
	    }
	    if (params.lock_timeout) {
	      data.lock_timeout = String(parseInt(params.lock_timeout, 10));
	    }
	    if (params.idle_in_transaction_session_timeout) {
	      data.idle_in_transaction_session_timeout = String(parseInt(params.idle_in_transaction_session_timeout, 10));
	    }
	    if (params.options) {
	      data.options = params.options;
	    }

	    return data
	  }

	  cancel(client, query) {
	    if (client.activeQuery === query) {
	      const con = this.connection;

	      if (this.host && this.host.indexOf('/') === 0) {
	        con.connect(this.host + '/.s.PGSQL.' + this.port);
	      } else {
	        con.connect(this.port, this.host);
	      }

	      // once connection is established send cancel message
	      con.on('connect', function () {
	        con.cancel(client.processID, client.secretKey);
	      });
	    } else if (client._queryQueue.indexOf(query) !== -1) {
	      client._queryQueue.splice(client._queryQueue.indexOf(query), 1);
	    } else if (client._sentQueryQueue.indexOf(query) !== -1) {
	      // Query already sent on wire — can't remove it without corrupting the
	      // pipeline. No-op the callback so the result is silently discarded.
	      query.callback = () => {};
	    }
	  }

	  setTypeParser(oid, format, parseFn) {
	    return this._types.setTypeParser(oid, format, parseFn)
	  }

	  getTypeParser(oid, format) {
	    return this._types.getTypeParser(oid, format)
	  }

	  // escapeIdentifier and escapeLiteral moved to utility functions & exported
	  // on PG
	  // re-exported here for backwards compatibility
	  escapeIdentifier(str) {
	    return utils.escapeIdentifier(str)
	  }

	  escapeLiteral(str) {
	    return utils.escapeLiteral(str)
	  }

	  _pulseQueryQueue() {
	    if (this.pipeline) {
	      this._pulsePipelinedQueryQueue();
	      return
	    }
	    if (this.readyForQuery === true) {
	      this._activeQuery = this._queryQueue.shift();
	      const activeQuery = this._getActiveQuery();
	      if (activeQuery) {
	        this.readyForQuery = false;
	        this.hasExecuted = true;

	        const queryError = activeQuery.submit(this.connection);
	        if (queryError) {
	          process.nextTick(() => {
	            activeQuery.handleError(queryError, this.connection);
	            this.readyForQuery = true;
	            this._pulseQueryQueue();
	          });
	        }
	      } else if (this.hasExecuted) {
	        this._activeQuery = null;
	        this.emit('drain');
	      }
	    }
	  }

	  _pulsePipelinedQueryQueue() {
	    if (!this._connected || !this._queryable) {
	      return
	    }
	    while (this._queryQueue.length > 0) {
	      const query = this._queryQueue.shift();
	      this.hasExecuted = true;
	      const queryError = query.submit(this.connection);
	      if (queryError) {
	        process.nextTick(() => {
	          query.handleError(queryError, this.connection);
	        });
	        continue
	      }
	      this._sentQueryQueue.push(query);
	    }
	    if (this.readyForQuery && !this._activeQuery && this._sentQueryQueue.length > 0) {
	      this._activeQuery = this._sentQueryQueue.shift();
	      this.readyForQuery = false;
	    }
	    if (!this._activeQuery && this._sentQueryQueue.length === 0 && this._queryQueue.length === 0 && this.hasExecuted) {
	      this.emit('drain');
	    }
	  }

	  query(config, values, callback) {
	    // can take in strings, config object or query object
	    let query;
	    let result;

	    if (config == null) {
	      throw new TypeError('Client was passed a null or undefined query')
	    }

	    if (typeof config.submit === 'function') {
	      result = query = config;
	      if (!query.callback) {
	        if (typeof values === 'function') {
	          query.callback = values;
	        } else if (callback) {
	          query.callback = callback;
	        }
	      }
	    } else {
	      query = new Query(config, values, callback);
	      if (!query.callback) {
	        result = new this._Promise((resolve, reject) => {
	          query.callback = (err, res) => (err ? reject(err) : resolve(res));
	        }).catch((err) => {
	          // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
	          // application that created the query
	          Error.captureStackTrace(err);
	          throw err
	        });
	      } else if (typeof query.callback !== 'function') {
	        throw new TypeError('callback is not a function')
	      }
	    }

	    const readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
	    if (readTimeout) {
	      const queryCallback = query.callback || (() => {});

	      const readTimeoutTimer = setTimeout(() => {
	        const error = new Error('Query read timeout');

	        process.nextTick(() => {
	          query.handleError(error, this.connection);
	        });

	        queryCallback(error);

	        // we already returned an error,
	        // just do nothing if query completes
	        query.callback = () => {};

	        // Remove from queue (only safe if not yet sent)
	        const index = this._queryQueue.indexOf(query);
	        if (index > -1) {
	          this._queryQueue.splice(index, 1);
	        } else if (this.pipeline) {
	          // Query already sent — the pipeline is blocked until it completes.
	          // Destroy the connection to unblock all remaining pipelined queries.
	          this.connection.stream.destroy();
	          return
	        }

	        this._pulseQueryQueue();
	      }, readTimeout);

	      query.callback = (err, res) => {
	        clearTimeout(readTimeoutTimer);
	        queryCallback(err, res);
	      };
	    }

	    if (this.binary && !query.binary) {
	      query.binary = true;
	    }

	    if (query._result && !query._result._types) {
	      query._result._types = this._types;
	    }

	    // A query that keeps a portal open across round trips cannot share a pipelined connection: the
	    // queries written behind it are answered out of its portal, so rows land on the wrong query and
	    // the reads that follow fail with 'portal does not exist'. Refuse it instead of corrupting.
	    if (this.pipeline) {
	      const portalQuery =
	        typeof config.submit === 'function' && !(query instanceof Query)
	          ? 'Custom query classes such as pg-cursor and pg-query-stream are'
	          : query.rows
	          ? 'The `rows` option is'
	          : null;
	      if (portalQuery) {
	        process.nextTick(() => {
	          query.handleError(new Error(`${portalQuery} not supported in pipeline mode`), this.connection);
	        });
	        return result
	      }
	    }

	    if (!this._queryable) {
	      process.nextTick(() => {
	        query.handleError(new Error('Client has encountered a connection error and is not queryable'), this.connection);
	      });
	      return result
	    }

	    if (this._ending) {
	      process.nextTick(() => {
	        query.handleError(new Error('Client was closed and is not queryable'), this.connection);
	      });
	      return result
	    }

	    if (this._queryQueue.length > 0 && !this.pipeline) {
	      queryQueueLengthDeprecationNotice();
	    }
	    this._queryQueue.push(query);
	    this._pulseQueryQueue();
	    return result
	  }

	  ref() {
	    this.connection.ref();
	  }

	  unref() {
	    this.connection.unref();
	  }

	  getTransactionStatus() {
	    return this._txStatus
	  }

	  end(cb) {
	    this._ending = true;

	    // if we have never connected, then end is a noop, callback immediately
	    if (!this.connection._connecting || this._ended) {
	      if (cb) {
	        cb();
	        return
	      } else {
	        return this._Promise.resolve()
	      }
	    }

	    if (!this._queryable) {
	      // socket is dead — force close
	      this.connection.stream.destroy();
	    } else if (
	      this.pipeline &&
	      (this._getActiveQuery() || this._sentQueryQueue.length > 0 || this._queryQueue.length > 0)
	    ) {
	      // pipelined queries are already on the wire (or queued to send) and will
	      // complete normally; wait for drain then do a graceful goodbye
	      this.once('drain', () => this.connection.end());
	    } else if (this._getActiveQuery()) {
	      // non-pipeline: a hung query could block end forever — force disconnect
	      this.connection.stream.destroy();
	    } else {
	      this.connection.end();
	    }

	    if (cb) {
	      this.connection.once('end', cb);
	    } else {
	      return new this._Promise((resolve) => {
	        this.connection.once('end', resolve);
	      })
	    }
	  }
	  get queryQueue() {
	    queryQueueDeprecationNotice();
	    return this._queryQueue
	  }
	}

	// expose a Query constructor
	Client.Query = Query;

	client$1 = Client;
	return client$1;
}

var pgPool;
var hasRequiredPgPool;

function requirePgPool () {
	if (hasRequiredPgPool) return pgPool;
	hasRequiredPgPool = 1;
	const EventEmitter = require$$2$2.EventEmitter;

	const NOOP = function () {};

	const removeWhere = (list, predicate) => {
	  const i = list.findIndex(predicate);

	  return i === -1 ? undefined : list.splice(i, 1)[0]
	};

	class IdleItem {
	  constructor(client, idleListener, timeoutId) {
	    this.client = client;
	    this.idleListener = idleListener;
	    this.timeoutId = timeoutId;
	  }
	}

	class PendingItem {
	  constructor(callback) {
	    this.callback = callback;
	  }
	}

	function throwOnDoubleRelease() {
	  throw new Error('Release called on client which has already been released to the pool.')
	}

	function promisify(Promise, callback) {
	  if (callback) {
	    return { callback: callback, result: undefined }
	  }
	  let rej;
	  let res;
	  const cb = function (err, client) {
	    err ? rej(err) : res(client);
	  };
	  const result = new Promise(function (resolve, reject) {
	    res = resolve;
	    rej = reject;
	  }).catch((err) => {
	    // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
	    // application that created the query
	    Error.captureStackTrace(err);
	    throw err
	  });
	  return { callback: cb, result: result }
	}

	function makeIdleListener(pool, client) {
	  return function idleListener(err) {
	    err.client = client;

	    client.removeListener('error', idleListener);
	    client.on('error', () => {
	      pool.log('additional client error after disconnection due to error', err);
	    });
	    pool._remove(client);
	    // TODO - document that once the pool emits an error
	    // the client has already been closed & purged and is unusable
	    pool.emit('error', err, client);
	  }
	}

	class Pool extends EventEmitter {
	  constructor(options, Client) {
	    super();
	    this.options = Object.assign({}, options);

	    if (options != null && 'password' in options) {
	      // "hiding" the password so it doesn't show up in stack traces
	      // or if the client is console.logged
	      Object.defineProperty(this.options, 'password', {
	        configurable: true,
	        enumerable: false,
	        writable: true,
	        value: options.password,
	      });
	    }
	    if (options != null && options.ssl && options.ssl.key) {
	      // "hiding" the ssl->key so it doesn't show up in stack traces
	      // or if the client is console.logged
	      Object.defineProperty(this.options.ssl, 'key', {
	        enumerable: false,
	      });
	    }

	    this.options.max = this.options.max || this.options.poolSize || 10;
	    this.options.min = this.options.min || 0;
	    this.options.maxUses = this.options.maxUses || Infinity;
	    this.options.allowExitOnIdle = this.options.allowExitOnIdle || false;
	    this.options.maxLifetimeSeconds = this.options.maxLifetimeSeconds || 0;
	    this.log = this.options.log || function () {};
	    this.Client = this.options.Client || Client || requireLib().Client;
	    this.Promise = this.options.Promise || commonjsGlobal.Promise;

	    if (typeof this.options.idleTimeoutMillis === 'undefined') {
	      this.options.idleTimeoutMillis = 10000;
	    }

	    this._clients = [];
	    this._idle = [];
	    this._expired = new WeakSet();
	    this._pendingQueue = [];
	    this._endCallback = undefined;
	    this.ending = false;
	    this.ended = false;
	  }

	  _promiseTry(f) {
	    const Promise = this.Promise;
	    if (typeof Promise.try === 'function') {
	      return Promise.try(f)
	    }
	    return new Promise((resolve) => resolve(f()))
	  }

	  _isFull() {
	    return this._clients.length >= this.options.max
	  }

	  _isAboveMin() {
	    return this._clients.length > this.options.min
	  }

	  _pulseQueue() {
	    this.log('pulse queue');
	    if (this.ended) {
	      this.log('pulse queue ended');
	      return
	    }
	    if (this.ending) {
	      this.log('pulse queue on ending');
	      if (this._idle.length) {
	        this._idle.slice().map((item) => {
	          this._remove(item.client);
	        });
	      }
	      if (!this._clients.length) {
	        this.ended = true;
	        this._endCallback();
	      }
	      return
	    }

	    // if we don't have any waiting, do nothing
	    if (!this._pendingQueue.length) {
	      this.log('no queued requests');
	      return
	    }
	    // if we don't have any idle clients and we have no more room do nothing
	    if (!this._idle.length && this._isFull()) {
	      return
	    }
	    const pendingItem = this._pendingQueue.shift();
	    if (this._idle.length) {
	      const idleItem = this._idle.pop();
	      clearTimeout(idleItem.timeoutId);
	      const client = idleItem.client;
	      client.ref && client.ref();
	      const idleListener = idleItem.idleListener;

	      return this._acquireClient(client, pendingItem, idleListener, false)
	    }
	    if (!this._isFull()) {
	      return this.newClient(pendingItem)
	    }
	    throw new Error('unexpected condition')
	  }

	  _remove(client, callback) {
	    const removed = removeWhere(this._idle, (item) => item.client === client);

	    if (removed !== undefined) {
	      clearTimeout(removed.timeoutId);
	    }

	    this._clients = this._clients.filter((c) => c !== client);
	    const context = this;
	    client.end(() => {
	      context.emit('remove', client);

	      if (typeof callback === 'function') {
	        callback();
	      }
	    });
	  }

	  connect(cb) {
	    if (this.ending) {
	      const err = new Error('Cannot use a pool after calling end on the pool');
	      return cb ? cb(err) : this.Promise.reject(err)
	    }

	    const response = promisify(this.Promise, cb);
	    const result = response.result;

	    // if we don't have to connect a new client, don't do so
	    if (this._isFull() || this._idle.length) {
	      // if we have idle clients schedule a pulse immediately
	      if (this._idle.length) {
	        process.nextTick(() => this._pulseQueue());
	      }

	      if (!this.options.connectionTimeoutMillis) {
	        this._pendingQueue.push(new PendingItem(response.callback));
	        return result
	      }

	      const queueCallback = (err, res, done) => {
	        clearTimeout(tid);
	        response.callback(err, res, done);
	      };

	      const pendingItem = new PendingItem(queueCallback);

	      // set connection timeout on checking out an existing client
	      const tid = setTimeout(() => {
	        // remove the callback from pending waiters because
	        // we're going to call it with a timeout error
	        removeWhere(this._pendingQueue, (i) => i.callback === queueCallback);
	        pendingItem.timedOut = true;
	        response.callback(new Error('timeout exceeded when trying to connect'));
	      }, this.options.connectionTimeoutMillis);

	      if (tid.unref) {
	        tid.unref();
	      }

	      this._pendingQueue.push(pendingItem);
	      return result
	    }

	    this.newClient(new PendingItem(response.callback));

	    return result
	  }

	  newClient(pendingItem) {
	    const client = new this.Client(this.options);
	    this._clients.push(client);
	    const idleListener = makeIdleListener(this, client);

	    this.log('checking client timeout');

	    // connection timeout logic
	    let tid;
	    let timeoutHit = false;
	    if (this.options.connectionTimeoutMillis) {
	      tid = setTimeout(() => {
	        if (client.connection) {
	          this.log('ending client due to timeout');
	          timeoutHit = true;
	          client.connection.stream.destroy();
	        } else if (!client.isConnected()) {
	          this.log('ending client due to timeout');
	          timeoutHit = true;
	          // force kill the node driver, and let libpq do its teardown
	          client.end();
	        }
	      }, this.options.connectionTimeoutMillis);
	    }

	    this.log('connecting new client');
	    client.connect((err) => {
	      if (tid) {
	        clearTimeout(tid);
	      }
	      client.on('error', idleListener);
	      if (err) {
	        this.log('client failed to connect', err);
	        // remove the dead client from our list of clients
	        this._clients = this._clients.filter((c) => c !== client);
	        if (timeoutHit) {
	          err = new Error('Connection terminated due to connection timeout', { cause: err });
	        }

	        // this client won’t be released, so move on immediately
	        this._pulseQueue();

	        if (!pendingItem.timedOut) {
	          pendingItem.callback(err, undefined, NOOP);
	        }
	      } else {
	        this.log('new client connected');

	        if (this.options.onConnect) {
	          this._promiseTry(() => this.options.onConnect(client)).then(
	            () => {
	              this._afterConnect(client, pendingItem, idleListener);
	            },
	            (hookErr) => {
	              this._clients = this._clients.filter((c) => c !== client);
	              client.end(() => {
	                this._pulseQueue();
	                if (!pendingItem.timedOut) {
	                  pendingItem.callback(hookErr, undefined, NOOP);
	                }
	              });
	            }
	          );
	          return
	        }

	        return this._afterConnect(client, pendingItem, idleListener)
	      }
	    });
	  }

	  _afterConnect(client, pendingItem, idleListener) {
	    if (this.options.maxLifetimeSeconds !== 0) {
	      const maxLifetimeTimeout = setTimeout(() => {
	        this.log('ending client due to expired lifetime');
	        this._expired.add(client);
	        const idleIndex = this._idle.findIndex((idleItem) => idleItem.client === client);
	        if (idleIndex !== -1) {
	          this._acquireClient(
	            client,
	            new PendingItem((err, client, clientRelease) => clientRelease()),
	            idleListener,
	            false
	          );
	        }
	      }, this.options.maxLifetimeSeconds * 1000);

	      maxLifetimeTimeout.unref();
	      client.once('end', () => clearTimeout(maxLifetimeTimeout));
	    }

	    return this._acquireClient(client, pendingItem, idleListener, true)
	  }

	  // acquire a client for a pending work item
	  _acquireClient(client, pendingItem, idleListener, isNew) {
	    if (isNew) {
	      this.emit('connect', client);
	    }

	    this.emit('acquire', client);

	    client.release = this._releaseOnce(client, idleListener);

	    client.removeListener('error', idleListener);

	    if (!pendingItem.timedOut) {
	      if (isNew && this.options.verify) {
	        this.options.verify(client, (err) => {
	          if (err) {
	            client.release(err);
	            return pendingItem.callback(err, undefined, NOOP)
	          }

	          pendingItem.callback(undefined, client, client.release);
	        });
	      } else {
	        pendingItem.callback(undefined, client, client.release);
	      }
	    } else {
	      if (isNew && this.options.verify) {
	        this.options.verify(client, client.release);
	      } else {
	        client.release();
	      }
	    }
	  }

	  // returns a function that wraps _release and throws if called more than once
	  _releaseOnce(client, idleListener) {
	    let released = false;

	    return (err) => {
	      if (released) {
	        throwOnDoubleRelease();
	      }

	      released = true;
	      this._release(client, idleListener, err);
	    }
	  }

	  // release a client back to the poll, include an error
	  // to remove it from the pool
	  _release(client, idleListener, err) {
	    client.on('error', idleListener);

	    client._poolUseCount = (client._poolUseCount || 0) + 1;

	    this.emit('release', err, client);

	    // TODO(bmc): expose a proper, public interface _queryable and _ending
	    if (err || this.ending || !client._queryable || client._ending || client._poolUseCount >= this.options.maxUses) {
	      if (client._poolUseCount >= this.options.maxUses) {
	        this.log('remove expended client');
	      }

	      return this._remove(client, this._pulseQueue.bind(this))
	    }

	    const isExpired = this._expired.has(client);
	    if (isExpired) {
	      this.log('remove expired client');
	      this._expired.delete(client);
	      return this._remove(client, this._pulseQueue.bind(this))
	    }

	    // idle timeout
	    let tid;
	    if (this.options.idleTimeoutMillis && this._isAboveMin()) {
	      tid = setTimeout(() => {
	        if (this._isAboveMin()) {
	          this.log('remove idle client');
	          this._remove(client, this._pulseQueue.bind(this));
	        }
	      }, this.options.idleTimeoutMillis);

	      if (this.options.allowExitOnIdle) {
	        // allow Node to exit if this is all that's left
	        tid.unref();
	      }
	    }

	    if (this.options.allowExitOnIdle) {
	      client.unref();
	    }

	    this._idle.push(new IdleItem(client, idleListener, tid));
	    this._pulseQueue();
	  }

	  query(text, values, cb) {
	    // guard clause against passing a function as the first parameter
	    if (typeof text === 'function') {
	      const response = promisify(this.Promise, text);
	      setImmediate(function () {
	        return response.callback(new Error('Passing a function as the first parameter to pool.query is not supported'))
	      });
	      return response.result
	    }

	    // allow plain text query without values, but callback
	    if (typeof values === 'function') {
	      cb = values;
	      values = undefined;
	    }
	    const response = promisify(this.Promise, cb);
	    cb = response.callback;

	    this.connect((err, client) => {
	      if (err) {
	        return cb(err)
	      }

	      let clientReleased = false;
	      const onError = (err) => {
	        if (clientReleased) {
	          return
	        }
	        clientReleased = true;
	        client.release(err);
	        cb(err);
	      };

	      client.once('error', onError);
	      this.log('dispatching query');
	      try {
	        client.query(text, values, (err, res) => {
	          this.log('query dispatched');
	          client.removeListener('error', onError);
	          if (clientReleased) {
	            return
	          }
	          clientReleased = true;
	          client.release(err);
	          if (err) {
	            return cb(err)
	          }
	          return cb(undefined, res)
	        });
	      } catch (err) {
	        client.release(err);
	        return cb(err)
	      }
	    });
	    return response.result
	  }

	  end(cb) {
	    this.log('ending');
	    if (this.ending) {
	      const err = new Error('Called end on pool more than once');
	      return cb ? cb(err) : this.Promise.reject(err)
	    }
	    this.ending = true;
	    const promised = promisify(this.Promise, cb);
	    this._endCallback = promised.callback;
	    this._pulseQueue();
	    return promised.result
	  }

	  get waitingCount() {
	    return this._pendingQueue.length
	  }

	  get idleCount() {
	    return this._idle.length
	  }

	  get expiredCount() {
	    return this._clients.reduce((acc, client) => acc + (this._expired.has(client) ? 1 : 0), 0)
	  }

	  get totalCount() {
	    return this._clients.length
	  }
	}
	pgPool = Pool;
	return pgPool;
}

var client = {exports: {}};

var query = {exports: {}};

var hasRequiredQuery;

function requireQuery () {
	if (hasRequiredQuery) return query.exports;
	hasRequiredQuery = 1;

	const EventEmitter = require$$2$2.EventEmitter;
	const util = require$$0$3;
	const utils = requireUtils$1();

	const NativeQuery = (query.exports = function (config, values, callback) {
	  EventEmitter.call(this);
	  config = utils.normalizeQueryConfig(config, values, callback);
	  this.text = config.text;
	  this.values = config.values;
	  this.name = config.name;
	  this.queryMode = config.queryMode;
	  this.callback = config.callback;
	  this.state = 'new';
	  this._arrayMode = config.rowMode === 'array';

	  // if the 'row' event is listened for
	  // then emit them as they come in
	  // without setting singleRowMode to true
	  // this has almost no meaning because libpq
	  // reads all rows into memory before returning any
	  this._emitRowEvents = false;
	  this.on(
	    'newListener',
	    function (event) {
	      if (event === 'row') this._emitRowEvents = true;
	    }.bind(this)
	  );
	});

	util.inherits(NativeQuery, EventEmitter);

	const errorFieldMap = {
	  sqlState: 'code',
	  statementPosition: 'position',
	  messagePrimary: 'message',
	  messageDetail: 'detail',
	  messageHint: 'hint',
	  context: 'where',
	  schemaName: 'schema',
	  tableName: 'table',
	  columnName: 'column',
	  dataTypeName: 'dataType',
	  constraintName: 'constraint',
	  sourceFile: 'file',
	  sourceLine: 'line',
	  sourceFunction: 'routine',
	};

	NativeQuery.prototype.handleError = function (err) {
	  // copy pq error fields into the error object
	  const fields = this.native && this.native.pq.resultErrorFields();
	  if (fields) {
	    for (const key in fields) {
	      const normalizedFieldName = errorFieldMap[key] || key;
	      err[normalizedFieldName] = fields[key];
	    }
	  }
	  if (this.callback) {
	    this.callback(err);
	  } else {
	    this.emit('error', err);
	  }
	  this.state = 'error';
	};

	NativeQuery.prototype.then = function (onSuccess, onFailure) {
	  return this._getPromise().then(onSuccess, onFailure)
	};

	NativeQuery.prototype.catch = function (callback) {
	  return this._getPromise().catch(callback)
	};

	NativeQuery.prototype._getPromise = function () {
	  if (this._promise) return this._promise
	  this._promise = new Promise(
	    function (resolve, reject) {
	      this._once('end', resolve);
	      this._once('error', reject);
	    }.bind(this)
	  );
	  return this._promise
	};

	NativeQuery.prototype.submit = function (client) {
	  this.state = 'running';
	  const self = this;
	  this.native = client.native;
	  client.native.arrayMode = this._arrayMode;

	  let after = function (err, rows, results) {
	    client.native.arrayMode = false;
	    setImmediate(function () {
	      self.emit('_done');
	    });

	    // handle possible query error
	    if (err) {
	      return self.handleError(err)
	    }

	    // emit row events for each row in the result
	    if (self._emitRowEvents) {
	      if (results.length > 1) {
	        rows.forEach((rowOfRows, i) => {
	          rowOfRows.forEach((row) => {
	            self.emit('row', row, results[i]);
	          });
	        });
	      } else {
	        rows.forEach(function (row) {
	          self.emit('row', row, results);
	        });
	      }
	    }

	    // handle successful result
	    self.state = 'end';
	    self.emit('end', results);
	    if (self.callback) {
	      self.callback(null, results);
	    }
	  };

	  if (process.domain) {
	    after = process.domain.bind(after);
	  }

	  // named query
	  if (this.name) {
	    if (this.name.length > 63) {
	      console.error('Warning! Postgres only supports 63 characters for query names.');
	      console.error('You supplied %s (%s)', this.name, this.name.length);
	      console.error('This can cause conflicts and silent errors executing queries');
	    }
	    const values = (this.values || []).map(utils.prepareValue);

	    // check if the client has already executed this named query
	    // if so...just execute it again - skip the planning phase
	    if (client.namedQueries[this.name] !== undefined) {
	      if (this.text && client.namedQueries[this.name] !== this.text) {
	        const err = new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`);
	        return after(err)
	      }
	      return client.native.execute(this.name, values, after)
	    }
	    // plan the named query the first time, then execute it
	    return client.native.prepare(this.name, this.text, values.length, function (err) {
	      if (err) return after(err)
	      client.namedQueries[self.name] = self.text;
	      return self.native.execute(self.name, values, after)
	    })
	  } else if (this.values) {
	    if (!Array.isArray(this.values)) {
	      const err = new Error('Query values must be an array');
	      return after(err)
	    }
	    const vals = this.values.map(utils.prepareValue);
	    client.native.query(this.text, vals, after);
	  } else if (this.queryMode === 'extended') {
	    client.native.query(this.text, [], after);
	  } else {
	    client.native.query(this.text, after);
	  }
	};
	return query.exports;
}

var hasRequiredClient;

function requireClient () {
	if (hasRequiredClient) return client.exports;
	hasRequiredClient = 1;
	const nodeUtils = require$$0$3;
	// eslint-disable-next-line
	var Native;
	// eslint-disable-next-line no-useless-catch
	try {
	  // Wrap this `require()` in a try-catch to avoid upstream bundlers from complaining that this might not be available since it is an optional import
	  Native = require('pg-native');
	} catch (e) {
	  throw e
	}
	const TypeOverrides = requireTypeOverrides();
	const EventEmitter = require$$2$2.EventEmitter;
	const util = require$$0$3;
	const ConnectionParameters = requireConnectionParameters();

	const NativeQuery = requireQuery();

	const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
	);

	const Client = (client.exports = function (config) {
	  EventEmitter.call(this);
	  config = config || {};

	  this._Promise = config.Promise || commonjsGlobal.Promise;
	  this._types = new TypeOverrides(config.types);

	  this.native = new Native({
	    types: this._types,
	  });

	  this._queryQueue = [];
	  this._ending = false;
	  this._connecting = false;
	  this._connected = false;
	  this._queryable = true;
	  this.pipeline = Boolean(config.pipeline);
	  this._pipelineInFlight = false;

	  // keep these on the object for legacy reasons
	  // for the time being. TODO: deprecate all this jazz
	  const cp = (this.connectionParameters = new ConnectionParameters(config));
	  if (config.nativeConnectionString) cp.nativeConnectionString = config.nativeConnectionString;
	  this.user = cp.user;

	  // "hiding" the password so it doesn't show up in stack traces
	  // or if the client is console.logged
	  Object.defineProperty(this, 'password', {
	    configurable: true,
	    enumerable: false,
	    writable: true,
	    value: cp.password,
	  });
	  this.database = cp.database;
	  this.host = cp.host;
	  this.port = cp.port;

	  // a hash to hold named queries
	  this.namedQueries = {};
	});

	Client.Query = NativeQuery;

	util.inherits(Client, EventEmitter);

	Client.prototype._errorAllQueries = function (err) {
	  const enqueueError = (query) => {
	    process.nextTick(() => {
	      query.native = this.native;
	      query.handleError(err);
	    });
	  };

	  if (this._hasActiveQuery()) {
	    enqueueError(this._activeQuery);
	    this._activeQuery = null;
	  }

	  this._queryQueue.forEach(enqueueError);
	  this._queryQueue.length = 0;
	};

	// connect to the backend
	// pass an optional callback to be called once connected
	// or with an error if there was a connection error
	Client.prototype._connect = function (cb) {
	  const self = this;

	  if (this._connecting) {
	    process.nextTick(() => cb(new Error('Client has already been connected. You cannot reuse a client.')));
	    return
	  }

	  this._connecting = true;

	  this.connectionParameters.getLibpqConnectionString(function (err, conString) {
	    if (self.connectionParameters.nativeConnectionString) conString = self.connectionParameters.nativeConnectionString;
	    if (err) return cb(err)
	    self.native.connect(conString, function (err) {
	      if (err) {
	        self.native.end();
	        return cb(err)
	      }

	      // set internal states to connected
	      self._connected = true;

	      // handle connection errors from the native layer
	      self.native.on('error', function (err) {
	        self._queryable = false;
	        self._errorAllQueries(err);
	        self.emit('error', err);
	      });

	      self.native.on('notification', function (msg) {
	        self.emit('notification', {
	          channel: msg.relname,
	          payload: msg.extra,
	        });
	      });

	      // signal we are connected now
	      self.emit('connect');
	      self._pulseQueryQueue(true);

	      cb(null, this);
	    });
	  });
	};

	Client.prototype.connect = function (callback) {
	  if (callback) {
	    this._connect(callback);
	    return
	  }

	  return new this._Promise((resolve, reject) => {
	    this._connect((error) => {
	      if (error) {
	        reject(error);
	      } else {
	        resolve(this);
	      }
	    });
	  })
	};

	// send a query to the server
	// this method is highly overloaded to take
	// 1) string query, optional array of parameters, optional function callback
	// 2) object query with {
	//    string query
	//    optional array values,
	//    optional function callback instead of as a separate parameter
	//    optional string name to name & cache the query plan
	//    optional string rowMode = 'array' for an array of results
	//  }
	Client.prototype.query = function (config, values, callback) {
	  let query;
	  let result;
	  let readTimeout;
	  let readTimeoutTimer;
	  let queryCallback;

	  if (config === null || config === undefined) {
	    throw new TypeError('Client was passed a null or undefined query')
	  } else if (typeof config.submit === 'function') {
	    readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
	    result = query = config;
	    // accept query(new Query(...), (err, res) => { }) style
	    if (typeof values === 'function') {
	      config.callback = values;
	    }
	  } else {
	    readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
	    query = new NativeQuery(config, values, callback);
	    if (!query.callback) {
	      let resolveOut, rejectOut;
	      result = new this._Promise((resolve, reject) => {
	        resolveOut = resolve;
	        rejectOut = reject;
	      }).catch((err) => {
	        Error.captureStackTrace(err);
	        throw err
	      });
	      query.callback = (err, res) => (err ? rejectOut(err) : resolveOut(res));
	    }
	  }

	  if (readTimeout) {
	    queryCallback = query.callback || (() => {});

	    readTimeoutTimer = setTimeout(() => {
	      const error = new Error('Query read timeout');

	      process.nextTick(() => {
	        query.handleError(error, this.connection);
	      });

	      queryCallback(error);

	      // we already returned an error,
	      // just do nothing if query completes
	      query.callback = () => {};

	      // Remove from queue
	      const index = this._queryQueue.indexOf(query);
	      if (index > -1) {
	        this._queryQueue.splice(index, 1);
	      }

	      this._pulseQueryQueue();
	    }, readTimeout);

	    query.callback = (err, res) => {
	      clearTimeout(readTimeoutTimer);
	      queryCallback(err, res);
	    };
	  }

	  if (!this._queryable) {
	    query.native = this.native;
	    process.nextTick(() => {
	      query.handleError(new Error('Client has encountered a connection error and is not queryable'));
	    });
	    return result
	  }

	  if (this._ending) {
	    query.native = this.native;
	    process.nextTick(() => {
	      query.handleError(new Error('Client was closed and is not queryable'));
	    });
	    return result
	  }

	  if (this._queryQueue.length > 0 && !this.pipeline) {
	    queryQueueLengthDeprecationNotice();
	  }

	  this._queryQueue.push(query);
	  this._pulseQueryQueue();
	  return result
	};

	// disconnect from the backend server
	Client.prototype.end = function (cb) {
	  const self = this;

	  this._ending = true;

	  if (this._connecting && !this._connected) {
	    this.once('connect', () => {
	      this.end(() => {});
	    });
	  }
	  let result;
	  if (!cb) {
	    result = new this._Promise(function (resolve, reject) {
	      cb = (err) => (err ? reject(err) : resolve());
	    });
	  }

	  const doEnd = function () {
	    self.native.end(function () {
	      self._connected = false;

	      self._errorAllQueries(new Error('Connection terminated'));

	      process.nextTick(() => {
	        self.emit('end');
	        if (cb) cb();
	      });
	    });
	  };

	  // If pipeline has in-flight or queued queries, wait for them to drain before closing
	  if (this.pipeline && (this._pipelineInFlight || this._queryQueue.length > 0)) {
	    this.once('drain', doEnd);
	  } else {
	    doEnd();
	  }
	  return result
	};

	Client.prototype._hasActiveQuery = function () {
	  return this._activeQuery && this._activeQuery.state !== 'error' && this._activeQuery.state !== 'end'
	};

	Client.prototype._pulseQueryQueue = function (initialConnection) {
	  if (!this._connected) {
	    return
	  }
	  if (this.pipeline && !initialConnection) {
	    return this._pulsePipelinedQueryQueue()
	  }
	  if (this._hasActiveQuery()) {
	    return
	  }
	  const query = this._queryQueue.shift();
	  if (!query) {
	    if (!initialConnection) {
	      this.emit('drain');
	    }
	    return
	  }
	  this._activeQuery = query;
	  query.submit(this);
	  const self = this;
	  query.once('_done', function () {
	    self._pulseQueryQueue();
	  });
	};

	Client.prototype._pulsePipelinedQueryQueue = function () {
	  if (!this._connected || this._pipelineInFlight) {
	    return
	  }
	  if (this._queryQueue.length === 0) {
	    if (this.hasExecuted) {
	      this.emit('drain');
	    }
	    return
	  }

	  this._pipelineInFlight = true;
	  const self = this;
	  const queries = [];
	  const nativeQueries = [];
	  const utils = requireUtils$1();

	  while (this._queryQueue.length > 0) {
	    const query = this._queryQueue.shift();
	    this.hasExecuted = true;
	    nativeQueries.push(query);

	    const values = query.values ? query.values.map(utils.prepareValue) : null;
	    const pipelineEntry = { text: query.text, name: query.name, arrayMode: query._arrayMode };
	    if (values) {
	      pipelineEntry.values = values;
	    }
	    if (query.name && this.namedQueries[query.name]) {
	      pipelineEntry._alreadyPrepared = true;
	    }
	    queries.push(pipelineEntry);
	  }

	  this.native.pipeline(queries, function (err, results) {
	    self._pipelineInFlight = false;

	    if (err) {
	      // Total pipeline failure. Per-query errors arrive on results[i].err, so reaching here means
	      // the connection itself is gone: mark it unusable and say so, the way the JS client and the
	      // non-pipelined native path both do. Without this the client looks healthy after losing its
	      // backend, a Pool never discards it, and everything routed to it fails one query at a time
	      // for the life of the process.
	      self._connected = false;
	      self._queryable = false;
	      for (let i = 0; i < nativeQueries.length; i++) {
	        const q = nativeQueries[i];
	        q.native = self.native;
	        q.handleError(err);
	      }
	      self._errorAllQueries(err);
	      self.emit('error', err);
	      self.emit('end');
	      return
	    }

	    // Deliver results to each query
	    for (let i = 0; i < nativeQueries.length; i++) {
	      const q = nativeQueries[i];
	      const r = results[i];
	      q.native = self.native;

	      if (r.err) {
	        q.handleError(r.err);
	      } else {
	        // Track named queries on success
	        if (q.name) {
	          self.namedQueries[q.name] = q.text;
	        }
	        q.state = 'end';
	        q.emit('end', r.result);
	        if (q.callback) {
	          q.callback(null, r.result);
	        }
	      }

	      setImmediate(function () {
	        q.emit('_done');
	      });
	    }

	    // Process any queries that arrived while we were reading
	    self._pulsePipelinedQueryQueue();
	  });
	};

	// attempt to cancel an in-progress query
	Client.prototype.cancel = function (query) {
	  if (this._activeQuery === query) {
	    this.native.cancel(function () {});
	  } else if (this._queryQueue.indexOf(query) !== -1) {
	    this._queryQueue.splice(this._queryQueue.indexOf(query), 1);
	  }
	};

	Client.prototype.ref = function () {};
	Client.prototype.unref = function () {};

	Client.prototype.setTypeParser = function (oid, format, parseFn) {
	  return this._types.setTypeParser(oid, format, parseFn)
	};

	Client.prototype.getTypeParser = function (oid, format) {
	  return this._types.getTypeParser(oid, format)
	};

	Client.prototype.isConnected = function () {
	  return this._connected
	};

	Client.prototype.getTransactionStatus = function () {
	  return this.native.getTransactionStatus()
	};
	return client.exports;
}

var native;
var hasRequiredNative;

function requireNative () {
	if (hasRequiredNative) return native;
	hasRequiredNative = 1;
	native = requireClient();
	return native;
}

var hasRequiredLib;

function requireLib () {
	if (hasRequiredLib) return lib$1.exports;
	hasRequiredLib = 1;
	(function (module) {

		const Client = requireClient$1();
		const defaults = requireDefaults();
		const Connection = requireConnection();
		const Result = requireResult();
		const utils = requireUtils$1();
		const Pool = requirePgPool();
		const TypeOverrides = requireTypeOverrides();
		const { DatabaseError } = requireDist();
		const { escapeIdentifier, escapeLiteral } = requireUtils$1();

		const poolFactory = (Client) => {
		  return class BoundPool extends Pool {
		    constructor(options) {
		      super(options, Client);
		    }
		  }
		};

		const PG = function (clientConstructor) {
		  this.defaults = defaults;
		  this.Client = clientConstructor;
		  this.Query = this.Client.Query;
		  this.Pool = poolFactory(this.Client);
		  this._pools = [];
		  this.Connection = Connection;
		  this.types = requirePgTypes();
		  this.DatabaseError = DatabaseError;
		  this.TypeOverrides = TypeOverrides;
		  this.escapeIdentifier = escapeIdentifier;
		  this.escapeLiteral = escapeLiteral;
		  this.Result = Result;
		  this.utils = utils;
		};

		let clientConstructor = Client;

		let forceNative = false;
		try {
		  forceNative = !!process.env.NODE_PG_FORCE_NATIVE;
		} catch {
		  // ignore, e.g., Deno without --allow-env
		}

		if (forceNative) {
		  clientConstructor = requireNative();
		}

		module.exports = new PG(clientConstructor);

		// lazy require native module...the native module may not have installed
		Object.defineProperty(module.exports, 'native', {
		  configurable: true,
		  enumerable: false,
		  get() {
		    let native = null;
		    try {
		      native = new PG(requireNative());
		    } catch (err) {
		      if (err.code !== 'MODULE_NOT_FOUND') {
		        throw err
		      }
		    }

		    // overwrite module.exports.native so that getter is never called again
		    Object.defineProperty(module.exports, 'native', {
		      value: native,
		    });

		    return native
		  },
		}); 
	} (lib$1));
	return lib$1.exports;
}

var db;
var hasRequiredDb;

function requireDb () {
	if (hasRequiredDb) return db;
	hasRequiredDb = 1;
	const EventEmitter = require$$0$2;
	const pg = requireLib();

	class Db extends EventEmitter {
	  constructor (config) {
	    super();

	    config.application_name = config.application_name || 'pgboss';

	    this.config = config;
	  }

	  events = {
	    error: 'error'
	  }

	  async open () {
	    this.pool = new pg.Pool(this.config);
	    this.pool.on('error', error => this.emit('error', error));
	    this.opened = true;
	  }

	  async close () {
	    if (!this.pool.ending) {
	      this.opened = false;
	      await this.pool.end();
	    }
	  }

	  async executeSql (text, values) {
	    if (this.opened) {
	      // if (this.config.debug === true) {
	      //   console.log(`${new Date().toISOString()}: DEBUG SQL`)
	      //   console.log(text)

	      //   if (values) {
	      //     console.log(`${new Date().toISOString()}: DEBUG VALUES`)
	      //     console.log(values)
	      //   }
	      // }

	      return await this.pool.query(text, values)
	    }
	  }
	}

	db = Db;
	return db;
}

var src;
var hasRequiredSrc;

function requireSrc () {
	if (hasRequiredSrc) return src;
	hasRequiredSrc = 1;
	const EventEmitter = require$$0$2;
	const plans = requirePlans();
	const Attorney = requireAttorney();
	const Contractor = requireContractor();
	const Manager = requireManager();
	const Timekeeper = requireTimekeeper();
	const Boss = requireBoss();
	const Db = requireDb();
	const { delay } = requireTools();

	const events = {
	  error: 'error',
	  stopped: 'stopped'
	};
	class PgBoss extends EventEmitter {
	  #stoppingOn
	  #stopped
	  #starting
	  #started
	  #config
	  #db
	  #boss
	  #contractor
	  #manager
	  #timekeeper

	  static getConstructionPlans (schema) {
	    return Contractor.constructionPlans(schema)
	  }

	  static getMigrationPlans (schema, version) {
	    return Contractor.migrationPlans(schema, version)
	  }

	  static getRollbackPlans (schema, version) {
	    return Contractor.rollbackPlans(schema, version)
	  }

	  static states = plans.JOB_STATES
	  static policies = plans.QUEUE_POLICIES

	  constructor (value) {
	    super();

	    this.#stoppingOn = null;
	    this.#stopped = true;

	    const config = Attorney.getConfig(value);
	    this.#config = config;

	    const db = this.getDb();
	    this.#db = db;

	    if (db.isOurs) {
	      this.#promoteEvents(db);
	    }

	    const contractor = new Contractor(db, config);

	    const manager = new Manager(db, config);
	    const bossConfig = { ...config, manager };

	    const boss = new Boss(db, bossConfig);

	    const timekeeper = new Timekeeper(db, bossConfig);
	    manager.timekeeper = timekeeper;

	    this.#promoteEvents(manager);
	    this.#promoteEvents(boss);
	    this.#promoteEvents(timekeeper);

	    this.#promoteFunctions(boss);
	    this.#promoteFunctions(contractor);
	    this.#promoteFunctions(manager);
	    this.#promoteFunctions(timekeeper);

	    this.#boss = boss;
	    this.#contractor = contractor;
	    this.#manager = manager;
	    this.#timekeeper = timekeeper;
	  }

	  getDb () {
	    if (this.#db) {
	      return this.#db
	    }

	    if (this.#config.db) {
	      return this.#config.db
	    }

	    const db = new Db(this.#config);
	    db.isOurs = true;
	    return db
	  }

	  #promoteEvents (emitter) {
	    for (const event of Object.values(emitter?.events)) {
	      emitter.on(event, arg => this.emit(event, arg));
	    }
	  }

	  #promoteFunctions (obj) {
	    for (const func of obj?.functions) {
	      this[func.name] = (...args) => func.apply(obj, args);
	    }
	  }

	  async start () {
	    if (this.#starting || this.#started) {
	      return this
	    }

	    this.#starting = true;

	    if (this.#db.isOurs && !this.#db.opened) {
	      await this.#db.open();
	    }

	    if (this.#config.migrate) {
	      await this.#contractor.start();
	    } else {
	      await this.#contractor.check();
	    }

	    this.#manager.start();

	    if (this.#config.supervise) {
	      await this.#boss.supervise();
	    }

	    if (this.#config.monitorStateIntervalSeconds) {
	      await this.#boss.monitor();
	    }

	    if (this.#config.schedule) {
	      await this.#timekeeper.start();
	    }

	    this.#starting = false;
	    this.#started = true;
	    this.#stopped = false;

	    return this
	  }

	  async stop (options = {}) {
	    if (this.#stoppingOn || this.#stopped) {
	      return
	    }

	    let { close = true, graceful = true, timeout = 30000, wait = true } = options;

	    timeout = Math.max(timeout, 1000);

	    this.#stoppingOn = Date.now();

	    await this.#manager.stop();
	    await this.#timekeeper.stop();
	    await this.#boss.stop();

	    await new Promise((resolve, reject) => {
	      const shutdown = async () => {
	        try {
	          if (this.#config.__test__throw_shutdown) {
	            throw new Error(this.#config.__test__throw_shutdown)
	          }

	          await this.#manager.failWip();

	          if (this.#db.isOurs && this.#db.opened && close) {
	            await this.#db.close();
	          }

	          this.#stopped = true;
	          this.#stoppingOn = null;
	          this.#started = false;

	          this.emit(events.stopped);
	          resolve();
	        } catch (err) {
	          this.emit(events.error, err);
	          reject(err);
	        }
	      };

	      if (!graceful) {
	        return shutdown()
	      }

	      if (!wait) {
	        resolve();
	      }

	      setImmediate(async () => {
	        try {
	          if (this.#config.__test__throw_stop_monitor) {
	            throw new Error(this.#config.__test__throw_stop_monitor)
	          }

	          const isWip = () => this.#manager.getWipData({ includeInternal: false }).length > 0;

	          while ((Date.now() - this.#stoppingOn) < timeout && isWip()) {
	            await delay(500);
	          }

	          await shutdown();
	        } catch (err) {
	          reject(err);
	          this.emit(events.error, err);
	        }
	      });
	    });
	  }
	}

	src = PgBoss;
	return src;
}

var srcExports = requireSrc();
var PgBoss = /*@__PURE__*/getDefaultExportFromCjs(srcExports);

var libExports = requireLib();
var pg = /*@__PURE__*/getDefaultExportFromCjs(libExports);

// ESM wrapper for pg

// Re-export all the properties
pg.Client;
pg.Pool;
pg.Connection;
pg.types;
pg.Query;
pg.DatabaseError;
pg.escapeIdentifier;
pg.escapeLiteral;
pg.Result;
pg.TypeOverrides;

// Also export the defaults
pg.defaults;

/**
 * The App's job queue: what every accepted delivery becomes. One contract, two queues: this
 * in-process one (one replica, no database) and the durable Postgres one (`postgres-queue.ts`,
 * any number of replicas).
 *
 * The rules both keep:
 * - A job has a key (a repository and a commit, see `deliveries.ts`); jobs of one key run one at
 *   a time, so two verdicts on one head are never written at once.
 * - A job waiting under a key absorbs a newer one (`foldJobData`): every job judges from the
 *   current state when it starts, so one waiting job is enough, and it keeps every pull request
 *   the deliveries named.
 * - A job whose handler throws is tried again, `MAX_ATTEMPTS` times in all, after a back-off.
 *
 * The in-process queue is our own: it is a map of keys to at most one waiting and one running
 * job, smaller than any library's setup for it, and it has nothing to make durable.
 */
/** Tries of one job in all, the first included. */
const MAX_ATTEMPTS = 3;
function union(a, b) {
    if (a === undefined && b === undefined)
        return undefined;
    return [...new Set([...(a ?? []), ...(b ?? [])])];
}
/**
 * The data of a waiting job that absorbs a newer one of the same key: every pull request either
 * names, the newer reason and delivery, a forced sweep if either forces. A sweep of some
 * repositories folded with one of all of them covers all of them.
 */
function foldJobData(waiting, newer) {
    const prs = union(waiting.prs, newer.prs);
    const everyRepo = waiting.repos === undefined || newer.repos === undefined;
    const repos = everyRepo ? undefined : union(waiting.repos, newer.repos);
    const folded = {
        ...waiting,
        ...newer,
        force: (waiting.force ?? false) || (newer.force ?? false),
    };
    if (prs === undefined)
        delete folded.prs;
    else
        folded.prs = prs.sort((x, y) => x - y);
    if (repos === undefined)
        delete folded.repos;
    else
        folded.repos = repos.sort();
    if (!folded.force)
        delete folded.force;
    return folded;
}
/** Resolves once `done()` holds, polling. */
function until(done) {
    if (done())
        return Promise.resolve();
    return new Promise((resolve) => {
        const check = setInterval(() => {
            if (done()) {
                clearInterval(check);
                resolve();
            }
        }, 20);
    });
}
/** The in-process queue for one replica. */
function createMemoryQueue(options) {
    const slots = new Map();
    const order = []; // keys with a waiting job, oldest first
    let handler = null;
    let running = 0;
    let stopped = false;
    let timer = null;
    const retryBase = options.retryBaseMs ?? 1000;
    function wakeAt(when) {
        if (timer)
            clearTimeout(timer);
        timer = setTimeout(pump, Math.max(0, when - Date.now()));
    }
    function nextReady() {
        const now = Date.now();
        let soonest = Infinity;
        for (const key of order) {
            const slot = slots.get(key);
            if (slot.running)
                continue;
            if (slot.notBefore <= now)
                return key;
            soonest = Math.min(soonest, slot.notBefore);
        }
        if (soonest !== Infinity)
            wakeAt(soonest);
        return null;
    }
    function pump() {
        while (handler && !stopped && running < options.concurrency) {
            const key = nextReady();
            if (key === null)
                break;
            order.splice(order.indexOf(key), 1);
            const slot = slots.get(key);
            const job = slot.waiting;
            slot.waiting = null;
            slot.running = true;
            running++;
            void runOne(key, slot, job);
        }
    }
    async function runOne(key, slot, job) {
        try {
            await handler(job);
            slot.attempts = 0;
        }
        catch (error) {
            slot.attempts++;
            const willRetry = slot.attempts < MAX_ATTEMPTS;
            options.onError?.(job, error, willRetry);
            if (willRetry) {
                // The failed job waits again, absorbing anything that arrived meanwhile; a delivery
                // that arrived gets tries of its own, not what is left of the failing job's.
                const fresh = slot.waiting !== null;
                slot.waiting = slot.waiting
                    ? { ...job, data: foldJobData(job.data, slot.waiting.data) }
                    : job;
                slot.notBefore = Date.now() + retryBase * slot.attempts ** 2;
                if (fresh)
                    slot.attempts = 0;
                if (!order.includes(key))
                    order.push(key);
            }
            else
                slot.attempts = 0;
        }
        finally {
            slot.running = false;
            running--;
            if (!slot.waiting)
                slots.delete(key);
            pump();
        }
    }
    return {
        add(job) {
            const slot = slots.get(job.key);
            if (slot?.waiting) {
                slot.waiting = { ...slot.waiting, data: foldJobData(slot.waiting.data, job.data) };
                // Folded into a job waiting to be retried: the new delivery's judgment gets its own tries.
                if (!slot.running)
                    slot.attempts = 0;
                return Promise.resolve('folded');
            }
            if (slot)
                slot.waiting = job;
            else
                slots.set(job.key, { waiting: job, running: false, notBefore: 0, attempts: 0 });
            order.push(job.key);
            queueMicrotask(pump);
            return Promise.resolve('queued');
        },
        start(h) {
            handler = h;
            stopped = false;
            pump();
            return Promise.resolve();
        },
        stats() {
            return Promise.resolve({ waiting: order.length, running });
        },
        async stop(stopOptions = {}) {
            const graceful = stopOptions.graceful !== false;
            // Nothing here outlives the process: a graceful stop first runs what waits (a revoking
            // review's judgment, say), and what those jobs queue, as long as it has a handler.
            if (graceful && handler) {
                pump();
                await until(() => order.length === 0 && running === 0);
            }
            stopped = true;
            if (timer)
                clearTimeout(timer);
            if (!graceful)
                return;
            await until(() => running === 0);
        },
    };
}

/**
 * The durable job queue (`DATABASE_URL` set): the `JobQueue` contract of `queue.ts` on Postgres,
 * through pg-boss 10 (the last pg-boss line for Node 20), so any number of replicas share the
 * work. pg-boss owns the schema and its migrations, the queues and their policies, `send`,
 * `complete` and `fail` (retry bookkeeping and back-off), and the supervisor that fails jobs
 * whose replica stopped answering. Four things it does not offer are done here on its job table.
 *
 * One pg-boss queue per kind (`rsp-gate-judge`, `rsp-gate-resolve`, `rsp-gate-sweep`,
 * `rsp-gate-state`), policy `stately`, the job key as pg-boss's `singletonKey`. pg-boss 10 enforces
 * stately with one unique index per queue partition on (name, state, singleton_key) over the states
 * created, retry and active (`createIndexJobPolicyStately`, src/plans.js): at most one job of a key
 * in each of those states. `send` inserts with ON CONFLICT DO NOTHING and answers null when a job
 * of the key is already `created`; an UPDATE that would make a second job of a key `active` fails
 * on the same index.
 *
 * What is done here, on pg-boss's `job` table (columns `name`, `id`, `data`, `state`,
 * `singleton_key`, `created_on`, `start_after`, `started_on`, `retry_count`, `retry_limit`,
 * `expire_in`, as pg-boss 10's schema version 24 defines them):
 *
 * 1. Folding. pg-boss has no call that changes a waiting job's data, so `add` does it in one
 *    transaction: it selects the key's waiting job FOR UPDATE (the newest `created` one, else the
 *    one waiting to retry) and sets its data to `foldJobData(waiting, new)`. A worker's fetch skips
 *    a locked row (SKIP LOCKED), so the job cannot start halfway; if it started just before, the
 *    row no longer matches `state < 'active'` when the lock is granted, and a new job is sent
 *    instead, in the same transaction (`send` with pg-boss's `db` option). When `send` answers
 *    null (another replica added one meanwhile) the fold is tried again.
 * 2. Fetching. pg-boss's fetch takes the oldest waiting job; when its key is running, the update to
 *    `active` breaks the stately index and the fetch returns nothing, so every other key waits
 *    behind it (pg-boss issue #535). Our fetch, the same UPDATE … FROM (SELECT … FOR UPDATE SKIP
 *    LOCKED) with the same retry_count bookkeeping, skips a job whose key is running or has an
 *    older waiting job: keys run side by side, each key in the order its jobs were added (a job
 *    retrying after its back-off still goes before a newer one of its key). The stately index
 *    stays the backstop: a fetch that trips it is dropped and tried at the next poll.
 * 3. Settling. `complete` and `fail` go through pg-boss, but only while the job is still the run
 *    this replica fetched (`state = 'active'` and the same `retry_count`, checked FOR UPDATE in the
 *    same transaction): a run that outlived its expiry has been retried, and its late result must
 *    not close the retry.
 * 4. `stats()` counts the job table: waiting = created + retry, running = active, over all replicas.
 *
 * Retries: MAX_ATTEMPTS tries in all (pg-boss `retryLimit` = MAX_ATTEMPTS − 1), with pg-boss's
 * exponential back-off from `retryDelay` 1 s: the second try 1–2 s after the first failure, the
 * third 2–4 s after the second.
 *
 * A replica that dies mid-job: the job stays `active` until pg-boss's supervisor fails it as
 * expired (`failJobsByTimeout`: `started_on + expire_in < now()`), which puts it back to `retry`
 * for any replica. The supervisor is pg-boss's maintenance, run by every replica every
 * `maintenanceIntervalSeconds` (default 120 s, `applyMaintenanceConfig` in src/attorney.js) and
 * done by whichever replica finds the last run older than that interval (`trySetMaintenanceTime`,
 * src/boss.js); `monitorStateIntervalSeconds` only emits counts and expires nothing. pg-boss's
 * default expiry is 15 minutes, which would leave a dead replica's job for up to 17 minutes. Here
 * expiry is 60 s and maintenance every 10 s. The timer's period equals the interval it checks, so
 * a tick that lands a hair early in the database's clock skips its round (measured: 75 s and 90 s
 * with 15 s maintenance); the job is back to `retry` at most 60 + 2 × 10 = 80 s after it started,
 * and starts elsewhere 1–2 s (back-off) plus one poll later: within 2 minutes with room for a
 * loaded machine.
 *
 * A live run is not expired: while its handler runs, the replica moves the run's `started_on`
 * forward every quarter of the expiry (a heartbeat), so a judgment of a large repository that
 * takes minutes is not failed and run again beside itself; only a replica that stops beating
 * (killed, frozen, cut off from the database) lets its job expire. A handler still running after
 * `maxRunSeconds` (default 30 minutes: a hang, not a judgment) is failed and so retried, while it
 * may still finish. That is safe because jobs are idempotent (a second run leaves the same comment
 * and check), and its late result is ignored (point 3).
 */
const DEFAULT_QUEUE_SCHEMA = 'rsp_gate_queue';
/** Seconds a job may stay `active` before the supervisor fails it and it is retried. */
const DEFAULT_EXPIRE_SECONDS = 60;
/** Seconds between two runs of pg-boss's supervisor (expiry, archiving). */
const DEFAULT_MAINTENANCE_SECONDS = 10;
/** Back-off before the second try; pg-boss doubles it for the third, with jitter. */
const RETRY_DELAY_SECONDS = 1;
const KINDS = ['judge', 'resolve', 'sweep', 'state'];
/** The pg-boss queue that holds jobs of one kind. */
function queueName(kind) {
    return `rsp-gate-${kind}`;
}
function sqlOver(client) {
    return { executeSql: (text, values) => client.query(text, values) };
}
function kindOf(name) {
    const kind = KINDS.find((k) => queueName(k) === name);
    if (!kind)
        throw new Error(`job queue ${name} is not one of rsp-gate's`);
    return kind;
}
/** The SQL this queue runs on pg-boss's tables (see the file's comment, points 1–4). */
function statements(schema) {
    const job = `${schema}.job`;
    return {
        waiting: `
      SELECT id, data FROM ${job}
      WHERE name = $1 AND singleton_key = $2 AND state < 'active'
      ORDER BY state, created_on DESC
      LIMIT 1
      FOR UPDATE`,
        setData: `UPDATE ${job} SET data = $3 WHERE name = $1 AND id = $2`,
        fetch: `
      WITH next AS (
        SELECT j.name, j.id FROM ${job} j
        WHERE j.name = ANY($1::text[])
          AND j.state < 'active'
          AND j.start_after < now()
          AND NOT EXISTS (
            SELECT 1 FROM ${job} o
            WHERE o.name = j.name AND o.singleton_key = j.singleton_key
              AND (o.state = 'active'
                OR (o.state < 'active' AND (o.created_on, o.id) < (j.created_on, j.id))))
        ORDER BY j.created_on, j.id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      UPDATE ${job} j SET
        state = 'active',
        started_on = now(),
        retry_count = CASE WHEN j.started_on IS NOT NULL THEN j.retry_count + 1 ELSE j.retry_count END
      FROM next
      WHERE j.name = next.name AND j.id = next.id
      RETURNING j.id, j.name, j.singleton_key, j.data, j.retry_count, j.retry_limit`,
        heartbeat: `
      UPDATE ${job} SET started_on = now()
      WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3`,
        stillOurs: `
      SELECT 1 FROM ${job}
      WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3
      FOR UPDATE`,
        stats: `
      SELECT count(*) FILTER (WHERE state < 'active')::int AS waiting,
             count(*) FILTER (WHERE state = 'active')::int AS running
      FROM ${job} WHERE name = ANY($1::text[])`,
    };
}
/** The durable queue for any number of replicas on one Postgres database. */
function createPostgresQueue(options) {
    const schema = options.schema ?? DEFAULT_QUEUE_SCHEMA;
    const expireSeconds = options.expireSeconds ?? DEFAULT_EXPIRE_SECONDS;
    const maxRunSeconds = options.maxRunSeconds ?? 1800;
    const pollMs = options.pollMs ?? 1000;
    const log = options.log ?? (() => undefined);
    const names = KINDS.map(queueName);
    const sql = statements(schema);
    const pool = new pg.Pool({
        connectionString: options.connectionString,
        max: Math.max(10, options.concurrency + 4),
        application_name: 'rsp-gate',
    });
    pool.on('error', (error) => log('error', 'queue database connection failed', { error: error.message }));
    const boss = new PgBoss({
        db: sqlOver(pool),
        schema,
        schedule: false, // no cron jobs: the App's sweep timer is its own
        supervise: true,
        maintenanceIntervalSeconds: options.maintenanceSeconds ?? DEFAULT_MAINTENANCE_SECONDS,
    });
    boss.on('error', (error) => log('error', 'queue supervisor failed', { error: error.message }));
    let ready = null;
    let handler = null;
    const running = new Map(); // by job id
    let stopping = false;
    let closed = false;
    let poller = null;
    let pumping = false;
    let pumpAgain = false;
    let stopped = null;
    /**
     * Starts pg-boss (creating or migrating its schema) and the queues, once. Replicas starting
     * together take turns (a session advisory lock): pg-boss makes its schema race-free, but two
     * `createQueue`s of one queue at once deadlock on its partition table.
     */
    function init() {
        ready ??= withSetupLock(async () => {
            await boss.start();
            for (const name of names) {
                const queue = {
                    name,
                    policy: 'stately',
                    retryLimit: MAX_ATTEMPTS - 1,
                    retryDelay: RETRY_DELAY_SECONDS,
                    retryBackoff: true,
                    expireInSeconds: expireSeconds,
                };
                await boss.createQueue(name, queue);
                await boss.updateQueue(name, queue); // a queue made by an older release takes today's options
            }
        }).catch((error) => {
            ready = null; // the database may be back at the next call
            throw error;
        });
        return ready;
    }
    async function withSetupLock(work) {
        const client = await pool.connect();
        const lock = [`rsp-gate queue setup ${schema}`];
        try {
            await client.query('SELECT pg_advisory_lock(hashtext($1))', lock);
            await work();
        }
        finally {
            await client.query('SELECT pg_advisory_unlock(hashtext($1))', lock).catch(() => undefined);
            client.release();
        }
    }
    async function inTransaction(work) {
        const client = await pool.connect();
        let broken = false;
        try {
            await client.query('BEGIN');
            const result = await work(client);
            await client.query('COMMIT');
            return result;
        }
        catch (error) {
            await client.query('ROLLBACK').catch(() => (broken = true));
            throw error;
        }
        finally {
            client.release(broken); // a connection that cannot roll back is closed, not reused
        }
    }
    /** One try at adding: fold into the waiting job, or send a new one; null when send lost a race. */
    function addOnce(job) {
        const name = queueName(job.kind);
        return inTransaction(async (client) => {
            const { rows } = await client.query(sql.waiting, [
                name,
                job.key,
            ]);
            const waiting = rows[0];
            if (waiting) {
                await client.query(sql.setData, [name, waiting.id, foldJobData(waiting.data, job.data)]);
                return 'folded';
            }
            const id = await boss.send(name, job.data, { singletonKey: job.key, db: sqlOver(client) });
            return id ? 'queued' : null;
        });
    }
    async function fetchNext() {
        let row;
        try {
            row = (await pool.query(sql.fetch, [names])).rows[0];
        }
        catch (error) {
            // Two replicas raced for one key and the stately index refused the second: look again later.
            if (error.code === '23505')
                return null;
            throw error;
        }
        if (!row)
            return null;
        return {
            id: row.id,
            name: row.name,
            job: { key: row.singleton_key, kind: kindOf(row.name), data: row.data },
            retryCount: row.retry_count,
            retryLimit: row.retry_limit,
        };
    }
    /** Completes or fails the run this replica owns; false when it expired and was retried. */
    function settle(run, error) {
        return inTransaction(async (client) => {
            const { rowCount } = await client.query(sql.stillOurs, [run.name, run.id, run.retryCount]);
            if (!rowCount)
                return false;
            const db = sqlOver(client);
            if (error === undefined)
                await boss.complete(run.name, run.id, {}, { db });
            else
                await boss.fail(run.name, run.id, errorOutput(error), { db });
            return true;
        });
    }
    /**
     * The handler, kept alive by a heartbeat while it runs and bounded by `maxRunSeconds`: past it
     * the job is failed and so retried.
     */
    function bounded(run) {
        let timer;
        const beat = setInterval(() => void pool.query(sql.heartbeat, [run.name, run.id, run.retryCount]).catch((error) => log('warn', 'heartbeat failed; the job may expire and run again', {
            key: run.job.key,
            error: error.message,
        })), Math.max(250, (expireSeconds * 1000) / 4));
        const hung = new Promise((_resolve, reject) => {
            timer = setTimeout(() => reject(new Error(`the job ran past ${maxRunSeconds} s and counts as hung`)), maxRunSeconds * 1000);
        });
        return Promise.race([handler(run.job), hung]).finally(() => {
            clearTimeout(timer);
            clearInterval(beat);
        });
    }
    async function runOne(run) {
        let failure;
        try {
            await bounded(run);
        }
        catch (error) {
            failure = error ?? new Error('the job failed without an error');
            options.onError?.(run.job, failure, run.retryCount < run.retryLimit);
        }
        try {
            if (!closed && !(await settle(run, failure)))
                log('warn', 'a job finished after it expired; its retry decides', { key: run.job.key });
        }
        catch (error) {
            log('error', 'could not record the end of a job; it will be retried after its expiry', {
                key: run.job.key,
                error: error.message,
            });
        }
        finally {
            running.delete(run.id);
            wake();
        }
    }
    /** Fills free slots with jobs, one look at a time; a wake-up during a look looks again. */
    async function pump() {
        if (pumping) {
            pumpAgain = true;
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                while (handler && !stopping && running.size < options.concurrency) {
                    const run = await fetchNext();
                    if (!run)
                        break;
                    running.set(run.id, run);
                    void runOne(run);
                }
            } while (pumpAgain && !stopping);
        }
        catch (error) {
            log('error', 'could not fetch jobs', { error: error.message });
        }
        finally {
            pumping = false;
        }
    }
    function wake() {
        if (handler && !stopping)
            void pump();
    }
    async function stopNow(graceful) {
        stopping = true;
        if (poller)
            clearInterval(poller);
        if (graceful) {
            while (running.size > 0 || pumping)
                await new Promise((r) => setTimeout(r, 20));
        }
        else {
            // Hand running jobs back now rather than after their expiry (it counts as a try); their
            // handlers' results are then ignored.
            for (const run of running.values())
                await settle(run, new Error('the replica stopped while the job ran')).catch(() => undefined);
        }
        closed = true;
        if (ready)
            await ready.catch(() => undefined);
        await boss.stop({ graceful: false, close: false });
        await pool.end();
    }
    return {
        async add(job) {
            await init();
            for (let attempt = 0; attempt < 5; attempt++) {
                const outcome = await addOnce(job);
                if (outcome) {
                    if (outcome === 'queued')
                        wake();
                    return outcome;
                }
            }
            throw new Error(`could not add job ${job.key}: its waiting job kept changing`);
        },
        async start(h) {
            await init();
            handler = h;
            stopping = false;
            poller = setInterval(wake, pollMs);
            wake();
        },
        async stats() {
            await init();
            const { rows } = await pool.query(sql.stats, [names]);
            return rows[0] ?? { waiting: 0, running: 0 };
        },
        stop(stopOptions = {}) {
            stopped ??= stopNow(stopOptions.graceful !== false);
            return stopped;
        },
    };
}
function errorOutput(error) {
    if (error instanceof Error)
        return { message: error.message, stack: error.stack };
    return { message: String(error) };
}

/**
 * Signed links to the App's report pages. A check run the App writes links (`details_url`) to
 * `${RSP_GATE_PUBLIC_URL}/report/OWNER/REPO/SHA?installation=I&pr=N&base=SHA&exp=T&sig=S`: S is
 * HMAC-SHA256 over every one of those values, keyed by a key derived from the webhook secret
 * (HKDF-SHA256 with a fixed label, so the key signs nothing else), and T the link's expiry in
 * Unix milliseconds, 30 days after it was made: a check written again gets a new link, so no
 * cache (the App's or the browser's) shows it the page of an earlier judgment. The page may hold a private repository's data, so a
 * link that is unsigned, mis-signed, expired, altered or malformed is refused alike (the route
 * answers 404, which says nothing about the repository), and the signature is compared in
 * constant time. Whoever holds a valid link reads the page until it expires, as readers of the
 * repository read the check run that carries it.
 */
const REPORT_LINK_TTL_MS = 30 * 24 * 60 * 60_000;
/** The label the signing key is derived with: a new one (v2) retires every link at once. */
const KEY_LABEL = 'rsp-gate report links v1';
const PATH = /^\/report\/([^/]+)\/([^/]+)\/([0-9a-f]{40}|[0-9a-f]{64})$/;
/** GitHub's owner and repository names, percent-decoded. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const WHOLE = /^[1-9][0-9]{0,14}$/;
/** 32 bytes in base64url, no padding. */
const SIGNATURE$1 = /^[A-Za-z0-9_-]{43}$/;
const PARAMS = new Set(['installation', 'pr', 'base', 'exp', 'sig']);
function deriveReportKey(webhookSecret) {
    return Buffer.from(hkdfSync('sha256', webhookSecret, Buffer.alloc(0), KEY_LABEL, 32));
}
/** The signed text: every value, in order, as JSON (no separator can be smuggled into a name). */
function message(target, exp) {
    const { installationId, owner, repo, sha, pr, base } = target;
    return JSON.stringify([KEY_LABEL, installationId, owner, repo, sha, pr, base, exp]);
}
function sign(key, text) {
    return createHmac('sha256', key).update(text).digest();
}
/** The one value of `name`, or null when it is absent; undefined when it is given twice. */
function single(query, name) {
    const all = query.getAll(name);
    if (all.length > 1)
        return undefined;
    return all[0] ?? null;
}
function decoded(segment) {
    try {
        const name = decodeURIComponent(segment);
        return NAME.test(name) ? name : null;
    }
    catch {
        return null;
    }
}
/** The target and expiry a link claims, before its signature is checked; null when malformed. */
function parse(path, query) {
    const found = PATH.exec(path);
    if (!found)
        return null;
    if ([...query.keys()].some((name) => !PARAMS.has(name)))
        return null;
    const owner = decoded(found[1]);
    const repo = decoded(found[2]);
    const [installation, pr, base, exp, sig] = ['installation', 'pr', 'base', 'exp', 'sig'].map((name) => single(query, name));
    if (owner === null || repo === null)
        return null;
    if (!installation || !WHOLE.test(installation) || !exp || !WHOLE.test(exp))
        return null;
    if (pr === undefined || (pr !== null && !WHOLE.test(pr)))
        return null;
    if (base === undefined || (base !== null && (pr === null || !SHA.test(base))))
        return null;
    if (!sig || !SIGNATURE$1.test(sig))
        return null;
    return {
        target: {
            installationId: Number(installation),
            owner,
            repo,
            sha: found[3],
            pr: pr === null ? null : Number(pr),
            base,
        },
        exp: Number(exp),
        sig: Buffer.from(sig, 'base64url'),
    };
}
function createReportLinks(options) {
    const key = deriveReportKey(options.webhookSecret);
    const ttl = options.ttlMs ?? REPORT_LINK_TTL_MS;
    const clock = options.clock ?? (() => new Date());
    return {
        linkFor(given) {
            // A state has no pull request, so no base either.
            const target = given.pr === null ? { ...given, base: null } : given;
            const exp = clock().getTime() + ttl;
            const query = new URLSearchParams({ installation: String(target.installationId) });
            if (target.pr !== null)
                query.set('pr', String(target.pr));
            if (target.base !== null)
                query.set('base', target.base);
            query.set('exp', String(exp));
            query.set('sig', sign(key, message(target, exp)).toString('base64url'));
            const path = [target.owner, target.repo, target.sha].map(encodeURIComponent).join('/');
            return `${options.publicUrl}/report/${path}?${query.toString()}`;
        },
        verify(path, query) {
            const link = parse(path, query);
            if (link === null)
                return null;
            const text = message(link.target, link.exp);
            const expected = sign(key, text);
            // Both are 32 bytes (the pattern allows no other length), compared in constant time.
            if (link.sig.length !== expected.length || !timingSafeEqual(link.sig, expected))
                return null;
            if (link.exp <= clock().getTime())
                return null;
            return { ...link.target, expires: new Date(link.exp), key: text };
        },
    };
}

/**
 * `GET /report/OWNER/REPO/SHA?…`: the report page a check run of the App links to, the same page
 * as `rsp-gate report`, for the commit and pull request the check judged. The link is verified
 * first (`report-link.ts`); anything but a valid, unexpired link of ours is answered exactly as
 * an unknown path is (404), before GitHub is asked anything, so the route confirms no
 * repository. A verified link's page is judged again from GitHub's current state (as the job that
 * wrote the check judges it) and rendered; pages are kept a few minutes in a small in-memory LRU,
 * keyed by the signed link; concurrent requests for one link render it once, and at most two
 * pages are rendered at a time.
 */
/**
 * The App's pages: the link's judgment made again (`judgeForReport`), as `rsp-gate report` shows
 * a state, without history (the App has no clone). `renderPage` is the report's renderer.
 */
function reportRenderer(context, renderPage) {
    return async (link, requestId) => {
        const started = Date.now();
        const { record, state, now } = await judgeForReport(context, link, requestId);
        const at = link.sha.slice(0, 7);
        // A pull request's judgment may read only the models it touches (the others stand as on
        // its base): the title says so, since the page shows what the check judged.
        const touched = record.scope?.kind === 'cards' ? ', the models it touches' : '';
        const about = link.pr === null ? `at ${at}` : `#${link.pr} at ${at}${touched}`;
        const data = buildReportData({
            now,
            repository: `${link.owner}/${link.repo} ${about}`,
            current: { record, state, commit: null },
            history: [],
            historyScope: null,
            redact: false,
        });
        const html = await renderPage(data);
        context.log.info('report page rendered', {
            request: requestId,
            repository: `${link.owner}/${link.repo}`,
            sha: link.sha,
            pr: link.pr,
            decision: record.decision,
            ms: Date.now() - started,
        });
        return html;
    };
}
/** A page that is not there: the link's installation no longer covers its repository. */
function isReportNotFound(error) {
    return error instanceof NotInstalled;
}
/**
 * The page is self-contained: inline styles and scripts (sorting, record downloads), its font and
 * images as data: URLs, and nothing else. No request leaves it, no form posts, no frame holds it.
 */
const REPORT_CSP = [
    "default-src 'none'",
    'img-src data:',
    'font-src data:',
    "style-src 'unsafe-inline'",
    "script-src 'unsafe-inline'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
].join('; ');
const PAGE_HEADERS = {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': REPORT_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // One reader's page: shared caches keep nothing, the browser keeps it as long as the App does.
    'cache-control': 'private, max-age=300',
    // The link is the key to the page: no click on the page sends it anywhere.
    'referrer-policy': 'no-referrer',
};
/** A least-recently-used map of pages, bounded in entries and bytes, each kept `ttl` ms. */
class PageCache {
    max;
    maxBytes;
    ttl;
    clock;
    entries = new Map();
    bytes = 0;
    constructor(max, maxBytes, ttl, clock) {
        this.max = max;
        this.maxBytes = maxBytes;
        this.ttl = ttl;
        this.clock = clock;
    }
    /** The page of `key`, made by `make` unless a fresh one is kept or being made. */
    get(key, make) {
        const now = this.clock();
        const kept = this.entries.get(key);
        if (kept && kept.until > now) {
            this.entries.delete(key);
            this.entries.set(key, kept); // the most recently used goes last
            return kept.page;
        }
        if (kept)
            this.remove(key, kept);
        const entry = { page: make(), bytes: 0, until: now + this.ttl };
        this.entries.set(key, entry);
        this.evict();
        entry.page.then((html) => this.settle(key, entry, Buffer.byteLength(html)), () => this.remove(key, entry));
        return entry.page;
    }
    settle(key, entry, bytes) {
        if (this.entries.get(key) !== entry)
            return;
        if (bytes > this.maxBytes)
            return this.remove(key, entry);
        entry.bytes = bytes;
        this.bytes += bytes;
        this.evict();
    }
    remove(key, entry) {
        if (this.entries.get(key) !== entry)
            return;
        this.entries.delete(key);
        this.bytes -= entry.bytes;
    }
    evict() {
        for (const [key, entry] of this.entries) {
            if (this.entries.size <= this.max && this.bytes <= this.maxBytes)
                return;
            this.remove(key, entry);
        }
    }
}
/** Runs at most `max` tasks at once; the others wait, in order. */
function limiter(max) {
    let running = 0;
    const waiting = [];
    return async (task) => {
        while (running >= max)
            await new Promise((resolve) => waiting.push(resolve));
        running++;
        try {
            return await task();
        }
        finally {
            running--;
            waiting.shift()?.();
        }
    };
}
function createReportRoute(options) {
    const { links, render, log } = options;
    const cache = new PageCache(options.cacheEntries ?? 50, options.cacheBytes ?? 100 * 1024 * 1024, options.cacheMs ?? 5 * 60_000, options.clock ?? Date.now);
    const inTurn = limiter(options.rendering ?? 2);
    return {
        async answer(path, query, requestId) {
            const link = links?.verify(path, query) ?? null;
            if (link === null)
                return null;
            try {
                const html = await cache.get(link.key, () => inTurn(() => render(link, requestId)));
                return { status: 200, headers: PAGE_HEADERS, body: html };
            }
            catch (error) {
                const where = { request: requestId, repository: `${link.owner}/${link.repo}` };
                if (options.isNotFound?.(error)) {
                    log.info(`report page refused: ${error.message}`, where);
                    return null;
                }
                log.error('report page failed', {
                    ...where,
                    sha: link.sha,
                    pr: link.pr,
                    error: error instanceof Error ? error.message : String(error),
                });
                return {
                    status: 500,
                    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
                    body: `rsp-gate could not make this report page (request ${requestId}); the App's log says why.\n`,
                };
            }
        },
    };
}

/**
 * The App's HTTP front: `POST /api/github/webhooks` takes GitHub's deliveries, `GET /healthz`
 * says whether the App is ready. A delivery is answered as soon as its jobs are queued (durably,
 * with Postgres), well inside GitHub's 10-second window; the judging happens in the queue.
 *
 * Signatures are checked with `@octokit/webhooks` (`X-Hub-Signature-256`, HMAC-SHA256 of the raw
 * body with the webhook secret). A delivery without one or with a wrong one is answered 401 and
 * changes nothing. A redelivery carries the same `X-GitHub-Delivery` id and is judged again:
 * the jobs judge from GitHub's current state, so judging twice is safe, and dropping it could
 * lose the judgment the first delivery never got.
 *
 * `GET /report/…` serves the report pages check runs link to (`report-route.ts`), when
 * `RSP_GATE_PUBLIC_URL` is set; a link that does not verify is answered as any unknown path.
 */
const WEBHOOK_PATH = '/api/github/webhooks';
/** GitHub caps a delivery's payload at 25 MB. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;
/** What `X-Hub-Signature-256` looks like; anything else is refused before the body is read. */
const SIGNATURE = /^sha256=[0-9a-f]{64}$/i;
class BodyTooLarge extends Error {
}
class NoRoom extends Error {
}
async function readBody(req, budget) {
    const chunks = [];
    let size = 0;
    try {
        for await (const chunk of req) {
            const bytes = chunk.length;
            if (size + bytes > MAX_BODY_BYTES)
                throw new BodyTooLarge();
            if (budget.held + bytes > budget.max)
                throw new NoRoom();
            size += bytes;
            budget.held += bytes;
            chunks.push(chunk);
        }
        return Buffer.concat(chunks);
    }
    finally {
        budget.held -= size;
    }
}
function send(res, status, body, close = false) {
    const json = JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        // A refused request's unread body is not waited for: the connection goes with it.
        ...(close ? { connection: 'close' } : {}),
    });
    res.end(json);
}
function header(req, name) {
    const value = req.headers[name];
    return (Array.isArray(value) ? value[0] : value) ?? '';
}
function refuseSignature(res) {
    send(res, 401, { error: 'signature', message: 'X-Hub-Signature-256 is missing or wrong' });
}
async function handleDelivery(options, webhooks, budget, req, res) {
    const delivery = header(req, 'x-github-delivery') || 'none';
    const event = header(req, 'x-github-event');
    const signature = header(req, 'x-hub-signature-256');
    const { log } = options;
    if (!SIGNATURE.test(signature)) {
        log.warn(signature ? 'refused: malformed signature' : 'refused: unsigned delivery', {
            delivery,
            event,
        });
        // Answered now; what the body still sends is discarded, never held, until the request's time
        // runs out.
        req.resume();
        refuseSignature(res);
        return;
    }
    if (Number(header(req, 'content-length')) > MAX_BODY_BYTES)
        throw new BodyTooLarge();
    const body = await readBody(req, budget);
    const text = body.toString('utf8');
    if (!(await webhooks.verify(text, signature).catch(() => false))) {
        log.warn('refused: wrong signature', { delivery, event });
        refuseSignature(res);
        return;
    }
    let payload;
    try {
        payload = JSON.parse(text);
    }
    catch {
        log.warn('refused: the body is not JSON', { delivery, event });
        send(res, 400, { error: 'json', message: 'the body is not JSON' });
        return;
    }
    if (!event) {
        send(res, 400, { error: 'event', message: 'X-GitHub-Event is missing' });
        return;
    }
    const outcome = jobsForDelivery(event, payload, delivery, { policyPath: options.policyPath });
    if ('ignored' in outcome) {
        log.info(`ignored: ${outcome.ignored}`, { delivery, event });
        send(res, 202, { delivery, jobs: 0, ignored: outcome.ignored });
        return;
    }
    const states = [];
    for (const job of outcome.jobs)
        states.push(await options.queue.add(job));
    log.info('accepted', {
        delivery,
        event,
        action: payload.action,
        jobs: outcome.jobs.map((j, i) => `${j.kind} ${j.key} (${states[i]})`),
    });
    send(res, 202, { delivery, jobs: outcome.jobs.length });
}
async function handleReport(report, url, req, res) {
    const requestId = randomUUID();
    const answer = report ? await report.answer(url.pathname, url.searchParams, requestId) : null;
    if (answer === null)
        return send(res, 404, { error: 'not found' });
    res.writeHead(answer.status, {
        ...answer.headers,
        'content-length': String(Buffer.byteLength(answer.body)),
        'x-request-id': requestId,
    });
    res.end(req.method === 'HEAD' ? undefined : answer.body);
}
function createAppServer(options) {
    const webhooks = new Webhooks({ secret: options.webhookSecret });
    const requestTimeout = options.limits?.requestTimeoutMs ?? 30_000;
    const budget = { held: 0, max: options.limits?.maxBufferedBytes ?? 4 * MAX_BODY_BYTES };
    const serverOptions = {
        requestTimeout,
        headersTimeout: Math.min(10_000, requestTimeout),
        // How often Node looks for requests past their time (its default, 30 s, would double it).
        connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(requestTimeout / 4))),
    };
    return createServer(serverOptions, (req, res) => {
        const url = new URL(req.url ?? '/', 'http://app');
        const path = url.pathname;
        const route = async () => {
            if (path === WEBHOOK_PATH && req.method === 'POST')
                return handleDelivery(options, webhooks, budget, req, res);
            if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
                if (!options.ready())
                    return send(res, 503, { ready: false });
                return send(res, 200, { ready: true, queue: await options.queue.stats() });
            }
            if (path.startsWith('/report/') && (req.method === 'GET' || req.method === 'HEAD'))
                return handleReport(options.report, url, req, res);
            send(res, 404, { error: 'not found' });
        };
        route().catch((error) => {
            const delivery = header(req, 'x-github-delivery') || undefined;
            if (error instanceof BodyTooLarge) {
                options.log.warn('refused: body over 25 MB', { delivery });
                if (!res.headersSent)
                    send(res, 413, { error: 'too large' }, true);
                return;
            }
            if (error instanceof NoRoom) {
                options.log.warn('refused: too many request bodies held at once', { delivery });
                if (!res.headersSent)
                    send(res, 503, { error: 'busy' }, true);
                return;
            }
            if (req.destroyed && !req.complete) {
                options.log.warn('the client went away before sending its whole body', { delivery });
                return;
            }
            // The queue could not take the jobs (Postgres down): GitHub shows the failed delivery, and
            // the catch-up sweep judges the pull request once the App can.
            options.log.error('delivery not accepted', {
                delivery,
                error: error instanceof Error ? error.message : String(error),
            });
            if (!res.headersSent)
                send(res, 503, { error: 'unavailable' });
        });
    });
}

/**
 * Starting the App: configuration, the queue (Postgres when `DATABASE_URL` is set, else in
 * process), the job handler, the HTTP server and the catch-up sweeps (at start, every
 * `RSP_GATE_SWEEP_MINUTES`, and just after each UTC midnight, when approvals expire). Shared by
 * `node dist/app.js` and `rsp-gate serve`.
 */
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}
/** Queues one sweep per installation; a failure to list them is logged, not thrown. */
async function queueSweeps(github, queue, log, reason, force) {
    try {
        const installations = await github.installations();
        for (const installation of installations)
            await queue.add({
                key: `installation:${installation.id}`,
                kind: 'sweep',
                data: {
                    installationId: installation.id,
                    owner: installation.account,
                    repo: '',
                    reason,
                    deliveryId: `sweep-${new Date().toISOString()}`,
                    ...(force ? { force: true } : {}),
                },
            });
        log.info(`queued a sweep of ${installations.length} installations`, { reason });
    }
    catch (error) {
        log.error('could not list the installations for a sweep', { reason, error: errorText(error) });
    }
}
/** Milliseconds to a minute past the next UTC midnight. */
function untilAfterMidnight(now) {
    const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 0, 1);
    return next - now.getTime();
}
function scheduleSweeps(config, sweep) {
    const every = setInterval(() => void sweep('scheduled catch-up'), config.sweepMinutes * 60_000);
    let midnight;
    const atMidnight = () => {
        midnight = setTimeout(() => {
            void sweep('a new day (UTC): approvals that expired yesterday');
            atMidnight();
        }, untilAfterMidnight(new Date()));
    };
    atMidnight();
    return () => {
        clearInterval(every);
        clearTimeout(midnight);
    };
}
async function startApp(env = process.env, write = (line) => process.stdout.write(line)) {
    const config = readConfig(env, (path) => readFileSync(path, 'utf8'));
    const log = createLogger(write, logLevelFrom(env.LOG_LEVEL));
    const github = createAppGitHub(config, (m) => log.debug(m));
    const onError = (job, error, willRetry) => log.error(willRetry ? 'job failed; it will be tried again' : 'job failed for the last time', {
        delivery: job.data.deliveryId,
        key: job.key,
        error: errorText(error),
    });
    const queue = config.databaseUrl
        ? createPostgresQueue({
            connectionString: config.databaseUrl,
            concurrency: config.concurrency,
            onError,
            log: (level, message, fields) => log[level](message, fields),
        })
        : createMemoryQueue({ concurrency: config.concurrency, onError });
    let ready = false;
    const reportLinks = config.publicUrl
        ? createReportLinks({ publicUrl: config.publicUrl, webhookSecret: config.webhookSecret })
        : null;
    const jobContext = { config, github, queue, log, reportLinks };
    const server = createAppServer({
        webhookSecret: config.webhookSecret,
        policyPath: config.policyPath,
        queue,
        log,
        ready: () => ready,
        report: createReportRoute({
            links: reportLinks,
            render: reportRenderer(jobContext, renderReportPage),
            isNotFound: isReportNotFound,
            log,
        }),
    });
    await new Promise((resolve) => server.listen(config.port, resolve));
    const handle = createJobHandler(jobContext);
    await queue.start(async (job) => {
        log.info('job started', { delivery: job.data.deliveryId, key: job.key, kind: job.kind });
        await handle(job);
    });
    ready = true;
    const port = server.address().port;
    log.info('rsp-gate App listening', {
        port,
        queue: config.databaseUrl ? 'postgres' : 'in-process',
        api: config.apiUrl,
    });
    const sweep = (reason, force = false) => queueSweeps(github, queue, log, reason, force);
    // Not awaited: GitHub being slow or down at start must not hold up the server (it logs).
    // Forced: a review or tick missed while the App was down leaves no trace on the verdict, so
    // every open pull request is judged again.
    void sweep('start: deliveries missed while the App was down', true);
    const stopSweeps = scheduleSweeps(config, sweep);
    return {
        port,
        config,
        queue,
        sweep,
        async close() {
            stopSweeps();
            ready = false;
            await new Promise((resolve) => server.close(() => resolve()));
            await queue.stop();
        },
    };
}

export { startApp };
