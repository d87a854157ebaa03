import { createHash, randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@hub/config';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@hub/testing';
import { authorizationCodeFor, OIDC_CLIENT_ID, OIDC_RESOURCE, OIDC_SCOPE, startOidcProvider, type TestOidcProvider } from '../console/oidc-provider.ts';

/**
 * Attacks on POST /auth/token, the gateway's exchange of the console's authorization code (production, a real
 * oidc-provider): it is no proxy (the token endpoint comes from the configured issuer's discovery, whatever the
 * request says), it refuses a redirect URI that is not the console's, and answers no token for a bad, replayed or
 * stolen code (wrong PKCE verifier, wrong nonce). The state check happens in the browser: tests/console/oidc-sign-in.
 */

let provider: TestOidcProvider;
let hub: TestHub;
let trap: Server;
let trapUrl: string;
const trapped: string[] = [];

beforeAll(async () => {
  trap = createServer((req, res) => {
    trapped.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: 'x.y.z', id_token: 'x.y.z', token_type: 'Bearer' }));
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
  provider = await startOidcProvider();
  hub = await startTestHub({
    production: true,
    env: {
      // The provider is the trusted issuer of production; the harness adds its own test issuer beside it.
      AUTH_ISSUERS: JSON.stringify([provider.authIssuer]),
      CONSOLE_OIDC_ISSUER: provider.issuer,
      CONSOLE_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
      CONSOLE_OIDC_CLIENT_SECRET: provider.clientSecret,
      CONSOLE_OIDC_SCOPE: OIDC_SCOPE,
      CONSOLE_OIDC_RESOURCE: OIDC_RESOURCE,
    },
  });
  provider.serve(new URL(hub.gatewayUrl).origin);
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  await provider?.stop();
  await new Promise<void>((resolve) => trap?.close(() => resolve()));
});

const origin = () => new URL(hub.gatewayUrl).origin;
const redirectUri = () => `${origin()}/inloggen/terug`;
const verifier = () => randomBytes(48).toString('base64url');
const challengeOf = (v: string) => createHash('sha256').update(v).digest('base64url');

interface Exchange {
  status: number;
  body: string;
}

/** POST /auth/token as any client could send it; `host` replaces the Host header (raw request, no fetch rules). */
function exchange(payload: unknown, options: { host?: string; path?: string } = {}): Promise<Exchange> {
  const url = new URL(hub.gatewayUrl);
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: options.path ?? '/auth/token',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(options.host ? { host: options.host } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const JWT = /eyJ[\w-]+\.eyJ[\w-]+/;
const tokenCalls = () => provider.requests.filter((r) => r.startsWith('/token')).length;

/** A real sign-in of the cliëntondersteuner Amsterdam at the provider, up to the code. */
async function freshCode(v: string, nonce: string): Promise<string> {
  const query = await authorizationCodeFor(provider, 'demo-co-amsterdam', {
    redirectUri: redirectUri(),
    codeChallenge: challengeOf(v),
    state: randomBytes(16).toString('base64url'),
    nonce,
  });
  const code = query.get('code');
  if (!code) throw new Error(`No code: ${query.toString()}`);
  return code;
}

describe('POST /auth/token (the console’s code exchange)', () => {
  it('exchanges a real code with its verifier and nonce for the hub access token, and the hub accepts that token', async () => {
    const v = verifier();
    const nonce = randomBytes(16).toString('base64url');
    const code = await freshCode(v, nonce);
    const res = await exchange({ code, codeVerifier: v, redirectUri: redirectUri(), nonce });
    expect(res.status, res.body).toBe(200);
    const { token, expiresAt } = JSON.parse(res.body) as { token: string; expiresAt: string };
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: provider.issuer,
      sub: 'demo-co-amsterdam',
      aud: 'clientondersteuning-hub',
      roles: ['CLIENTONDERSTEUNER'],
      gemeente: 'GM0363',
    });
    expect(Date.parse(expiresAt)).toBeLessThanOrEqual((claims.exp ?? 0) * 1000);
    const me = await hub.graphql('{ __typename }', {}, { token });
    expect(me.status).toBe(200);
    // The ID token and any refresh token stay out of the answer.
    expect(Object.keys(JSON.parse(res.body))).toEqual(['token', 'expiresAt']);
  });

  it('is no proxy: a token endpoint, issuer or URL in the request is ignored, the provider’s own endpoint is used', async () => {
    const before = tokenCalls();
    const payloads = [
      { code: 'abc', codeVerifier: verifier(), redirectUri: redirectUri(), nonce: 'n'.repeat(16), tokenEndpoint: `${trapUrl}/token` },
      {
        code: 'abc',
        codeVerifier: verifier(),
        redirectUri: redirectUri(),
        nonce: 'n'.repeat(16),
        token_endpoint: `${trapUrl}/token`,
        issuer: trapUrl,
        url: trapUrl,
      },
    ];
    for (const payload of payloads) {
      const res = await exchange(payload);
      expect(res.status).toBe(401);
      expect(res.body).not.toMatch(JWT);
    }
    const res = await exchange(payloads[0], { path: `/auth/token?token_endpoint=${encodeURIComponent(`${trapUrl}/token`)}` });
    expect(res.body).not.toMatch(JWT);
    expect(trapped).toEqual([]);
    // Each went to the configured provider (which refused the made-up code).
    expect(tokenCalls() - before).toBe(3);
  });

  it('refuses a redirect URI that is not the console’s callback on this hub, before asking the provider', async () => {
    const before = tokenCalls();
    for (const wrong of [
      `${trapUrl}/inloggen/terug`,
      `${origin()}/elders`,
      `${origin()}/inloggen/terug?x=1`,
      `${origin()}/inloggen/terug/`,
      'https://evil.example/inloggen/terug',
    ]) {
      const res = await exchange({ code: 'abc', codeVerifier: verifier(), redirectUri: wrong, nonce: 'n'.repeat(16) });
      expect(res.status, wrong).toBe(400);
      expect(res.body).not.toMatch(JWT);
    }
    expect(tokenCalls()).toBe(before);
    expect(trapped).toEqual([]);
  });

  it('gives no token for a code sent with a forged Host: the provider only knows the console’s redirect URI', async () => {
    const v = verifier();
    const nonce = randomBytes(16).toString('base64url');
    const code = await freshCode(v, nonce);
    const res = await exchange({ code, codeVerifier: v, redirectUri: 'http://evil.example/inloggen/terug', nonce }, { host: 'evil.example' });
    expect(res.status).toBe(401);
    expect(res.body).not.toMatch(JWT);
  });

  it('answers no token for a bad code, a wrong PKCE verifier, a wrong nonce, or a code used twice', async () => {
    const bad = await exchange({ code: 'not-a-code', codeVerifier: verifier(), redirectUri: redirectUri(), nonce: 'n'.repeat(16) });
    expect(bad.status).toBe(401);
    expect(JSON.parse(bad.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(bad.body).not.toMatch(JWT);

    // A stolen code without the verifier of the browser that started the sign-in.
    const v = verifier();
    const nonce = randomBytes(16).toString('base64url');
    const stolen = await freshCode(v, nonce);
    const wrongVerifier = await exchange({ code: stolen, codeVerifier: verifier(), redirectUri: redirectUri(), nonce });
    expect(wrongVerifier.status).toBe(401);
    expect(wrongVerifier.body).not.toMatch(JWT);

    // A code from another sign-in (its ID token carries another nonce).
    const v2 = verifier();
    const other = await freshCode(v2, randomBytes(16).toString('base64url'));
    const wrongNonce = await exchange({ code: other, codeVerifier: v2, redirectUri: redirectUri(), nonce: randomBytes(16).toString('base64url') });
    expect(wrongNonce.status).toBe(401);
    expect(wrongNonce.body).not.toMatch(JWT);

    // Used once, then replayed.
    const v3 = verifier();
    const n3 = randomBytes(16).toString('base64url');
    const once = await freshCode(v3, n3);
    expect((await exchange({ code: once, codeVerifier: v3, redirectUri: redirectUri(), nonce: n3 })).status).toBe(200);
    const replay = await exchange({ code: once, codeVerifier: v3, redirectUri: redirectUri(), nonce: n3 });
    expect(replay.status).toBe(401);
    expect(replay.body).not.toMatch(JWT);
  });

  it('refuses malformed requests: wrong method, no JSON, a verifier outside RFC 7636, a large body', async () => {
    const get = await fetch(hub.gatewayPath('/auth/token'));
    expect(get.status).toBe(405);
    expect((await exchange('code=abc')).status).toBe(400);
    expect((await exchange({ code: 'abc', codeVerifier: 'short', redirectUri: redirectUri(), nonce: 'n'.repeat(16) })).status).toBe(400);
    expect((await exchange({ code: 'a'.repeat(20_000), codeVerifier: verifier(), redirectUri: redirectUri(), nonce: 'n'.repeat(16) })).status).toBe(413);
  });
});

describe('/console-config.json with OpenID Connect', () => {
  it('gives the console the provider’s endpoints and the public client settings, never the client secret', async () => {
    const res = await fetch(hub.gatewayPath('/console-config.json'));
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).not.toContain(provider.clientSecret);
    expect(JSON.parse(text)).toEqual({
      auth: {
        mode: 'oidc',
        authorizationEndpoint: `${provider.issuer}/auth`,
        endSessionEndpoint: `${provider.issuer}/session/end`,
        clientId: OIDC_CLIENT_ID,
        scope: OIDC_SCOPE,
        resource: OIDC_RESOURCE,
        redirectUri: redirectUri(),
      },
    });
    // And no development sign-in beside it.
    expect((await fetch(hub.gatewayPath('/dev/identities'))).status).toBe(404);
  });
});

describe('the console OpenID Connect configuration', () => {
  const base = { AUTH_ISSUERS: JSON.stringify([{ issuer: 'https://login.example.nl', jwksUrl: 'https://login.example.nl/jwks' }]) };

  it('accepts a trusted https issuer with a client id', () => {
    const config = loadConfig({ ...base, CONSOLE_OIDC_ISSUER: 'https://login.example.nl', CONSOLE_OIDC_CLIENT_ID: 'console' });
    expect(config.consoleOidc).toMatchObject({ issuer: 'https://login.example.nl', clientId: 'console', scope: 'openid' });
  });

  it('refuses an issuer the hub does not trust, half a configuration, plain http in production, and another redirect path', () => {
    expect(() => loadConfig({ ...base, CONSOLE_OIDC_ISSUER: 'https://other.example.nl', CONSOLE_OIDC_CLIENT_ID: 'console' })).toThrow(/AUTH_ISSUERS/);
    expect(() => loadConfig({ ...base, CONSOLE_OIDC_ISSUER: 'https://login.example.nl' })).toThrow(/go together/);
    expect(() => loadConfig({ ...base, CONSOLE_OIDC_CLIENT_SECRET: 'secret' })).toThrow(/CONSOLE_OIDC_ISSUER/);
    const http = { AUTH_ISSUERS: JSON.stringify([{ issuer: 'http://login.example.nl', jwksUrl: 'http://login.example.nl/jwks' }]) };
    expect(() =>
      loadConfig({
        ...http,
        NODE_ENV: 'production',
        BSN_ENCRYPTION_KEY: 'a'.repeat(64),
        BSN_HASH_KEY: 'b'.repeat(64),
        CONSOLE_OIDC_ISSUER: 'http://login.example.nl',
        CONSOLE_OIDC_CLIENT_ID: 'console',
      }),
    ).toThrow(/https/);
    expect(() =>
      loadConfig({
        ...base,
        CONSOLE_OIDC_ISSUER: 'https://login.example.nl',
        CONSOLE_OIDC_CLIENT_ID: 'console',
        CONSOLE_OIDC_REDIRECT_URI: 'https://hub.example.nl/x',
      }),
    ).toThrow(/inloggen\/terug/);
  });
});
