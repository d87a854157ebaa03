import type { IncomingMessage } from 'node:http';
import { CONSOLE_OIDC_CALLBACK_PATH, type ConsoleOidcConfig } from '@hub/config';
import { AuthenticationError, type TokenVerifier } from '@hub/identity';
import { HttpError, headerValue, readBody } from '@hub/service-kit';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { ForwardedView } from './forwarded.ts';

/**
 * The console's OpenID Connect sign-in on the gateway's side (a small backend for the console, no cookie, no
 * session store): the settings the console needs to send the browser to the provider, and the exchange of an
 * authorization code for the access token at the provider's token endpoint. The browser keeps talking to its own
 * origin only (CSP connect-src 'self'); its one trip to another host is the navigation to the provider's pages.
 *
 * The token endpoint comes from the configured issuer's discovery document, never from the request: the exchange
 * is no proxy to a URL of the caller's choosing.
 */

export const OIDC_TOKEN_PATH = '/auth/token';

/** What the console reads in /console-config.json for this mode: endpoints and public client settings, no secret. */
export interface OidcConsoleSettings {
  mode: 'oidc';
  authorizationEndpoint: string;
  /** RP-initiated logout at the provider, when it offers it. */
  endSessionEndpoint: string | null;
  clientId: string;
  scope: string;
  resource: string | null;
  redirectUri: string;
}

/** The provider could not be reached or described itself wrongly: the console says sign-in is not possible now. */
export interface OidcUnavailable {
  mode: 'oidc';
  unavailable: true;
}

interface Discovery {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  endSessionEndpoint: string | null;
  jwks: JWTVerifyGetKey;
}

const discoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
  end_session_endpoint: z.string().url().optional(),
});

/** A code_verifier of RFC 7636: 43 to 128 unreserved characters. */
const exchangeSchema = z.object({
  code: z.string().min(1).max(2048),
  codeVerifier: z.string().regex(/^[A-Za-z0-9\-._~]{43,128}$/),
  redirectUri: z.string().url().max(2048),
  nonce: z.string().min(16).max(256),
});

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  id_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().positive().optional(),
});

const EXCHANGE_BODY_LIMIT = 8 * 1024;
const PROVIDER_TIMEOUT_MS = 10_000;
/** A discovery document is fetched again after this long, so a provider's new endpoints arrive without a restart. */
const DISCOVERY_REFRESH_MS = 3_600_000;

export interface ConsoleOidc {
  /** The settings for /console-config.json, with the redirect URI for this request's origin. */
  consoleSettings(forwarded: ForwardedView): Promise<OidcConsoleSettings | OidcUnavailable>;
  /** POST /auth/token: the code (with its PKCE verifier and nonce) for the hub access token and its expiry. */
  exchange(req: IncomingMessage, forwarded: ForwardedView): Promise<{ token: string; expiresAt: string }>;
}

async function fetchJson(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

export function createConsoleOidc(config: ConsoleOidcConfig, verifyToken: TokenVerifier): ConsoleOidc {
  let discovery: { value: Promise<Discovery>; at: number } | undefined;

  function discover(): Promise<Discovery> {
    if (discovery && Date.now() - discovery.at < DISCOVERY_REFRESH_MS) return discovery.value;
    const url = `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const value = fetchJson(url).then(({ status, body }) => {
      const parsed = discoverySchema.safeParse(body);
      if (status !== 200 || !parsed.success) throw new Error(`The discovery document at ${url} is not usable (HTTP ${status}).`);
      // OpenID Connect Discovery 4.3: the document must name the issuer it was fetched for.
      if (parsed.data.issuer !== config.issuer) throw new Error(`The discovery document names issuer ${parsed.data.issuer}, not ${config.issuer}.`);
      return {
        authorizationEndpoint: parsed.data.authorization_endpoint,
        tokenEndpoint: parsed.data.token_endpoint,
        endSessionEndpoint: parsed.data.end_session_endpoint ?? null,
        jwks: createRemoteJWKSet(new URL(parsed.data.jwks_uri)),
      };
    });
    const entry = { value, at: Date.now() };
    discovery = entry;
    // A failure is not kept: the next request asks the provider again.
    value.catch(() => {
      if (discovery === entry) discovery = undefined;
    });
    return value;
  }

  /** The configured redirect URI, or the console's callback on the origin the browser used. */
  function redirectUriFor(forwarded: ForwardedView): string {
    if (config.redirectUri) return config.redirectUri;
    if (!forwarded.host) throw new HttpError(400, 'BAD_REQUEST', 'The request has no Host header.');
    return new URL(CONSOLE_OIDC_CALLBACK_PATH, `${forwarded.proto}://${forwarded.host}`).toString();
  }

  return {
    async consoleSettings(forwarded) {
      let found: Discovery;
      try {
        found = await discover();
      } catch {
        return { mode: 'oidc', unavailable: true };
      }
      return {
        mode: 'oidc',
        authorizationEndpoint: found.authorizationEndpoint,
        endSessionEndpoint: found.endSessionEndpoint,
        clientId: config.clientId,
        scope: config.scope,
        resource: config.resource ?? null,
        redirectUri: redirectUriFor(forwarded),
      };
    },

    async exchange(req, forwarded) {
      if (req.method !== 'POST') throw new HttpError(405, 'BAD_REQUEST', 'Use POST.', { allow: 'POST' });
      if (!/^application\/json\b/.test(headerValue(req, 'content-type') ?? '')) {
        throw new HttpError(400, 'BAD_REQUEST', 'The body must be JSON (content-type: application/json).');
      }
      let raw: unknown;
      try {
        raw = JSON.parse(await readBody(req, EXCHANGE_BODY_LIMIT));
      } catch (error) {
        if (error instanceof HttpError) throw error;
        throw new HttpError(400, 'BAD_REQUEST', 'The body is not valid JSON.');
      }
      const body = exchangeSchema.safeParse(raw);
      if (!body.success) throw new HttpError(400, 'BAD_REQUEST', 'The body must hold code, codeVerifier (RFC 7636), redirectUri and nonce.');
      const { code, codeVerifier, redirectUri, nonce } = body.data;
      if (redirectUri !== redirectUriFor(forwarded)) throw new HttpError(400, 'BAD_REQUEST', 'redirectUri is not the console redirect URI of this hub.');

      let found: Discovery;
      try {
        found = await discover();
      } catch {
        throw new HttpError(503, 'SUBGRAPH_UNAVAILABLE', 'The OpenID provider does not answer.');
      }
      const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier });
      if (config.resource) form.set('resource', config.resource);
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
      if (config.clientSecret) {
        // RFC 6749 2.3.1: both parts form-urlencoded before base64.
        const basic = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`;
        headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
      } else {
        form.set('client_id', config.clientId);
      }
      let answer: { status: number; body: unknown };
      try {
        answer = await fetchJson(found.tokenEndpoint, { method: 'POST', headers, body: form.toString() });
      } catch {
        throw new HttpError(503, 'SUBGRAPH_UNAVAILABLE', 'The OpenID provider does not answer.');
      }
      const tokens = tokenResponseSchema.safeParse(answer.body);
      if (answer.status !== 200 || !tokens.success) {
        // The provider's reason (invalid_grant, ...) is not repeated: a code is single-use and short-lived either way.
        throw new HttpError(401, 'UNAUTHENTICATED', 'The OpenID provider did not accept the authorization code.');
      }

      // The ID token proves the sign-in was for this client and this browser's request (nonce).
      try {
        const { payload } = await jwtVerify(tokens.data.id_token, found.jwks, { issuer: config.issuer, audience: config.clientId, clockTolerance: 60 });
        if (payload.nonce !== nonce) throw new Error('nonce');
      } catch {
        throw new HttpError(401, 'UNAUTHENTICATED', 'The ID token is not valid for this sign-in (signature, issuer, audience or nonce).');
      }

      // The access token is what the console sends to /graphql: checked now as every request will check it.
      const accessToken = tokens.data.access_token;
      try {
        await verifyToken(accessToken);
      } catch (error) {
        const reason = error instanceof AuthenticationError ? error.message : 'The access token is invalid.';
        throw new HttpError(403, 'FORBIDDEN', `The provider's access token is not accepted by the hub: ${reason}`);
      }
      const exp = decodeJwt(accessToken).exp;
      const byExpiresIn = tokens.data.expires_in === undefined ? Number.POSITIVE_INFINITY : Date.now() + tokens.data.expires_in * 1000;
      const expiresAt = Math.min(typeof exp === 'number' ? exp * 1000 : Number.POSITIVE_INFINITY, byExpiresIn);
      return { token: accessToken, expiresAt: new Date(expiresAt).toISOString() };
    },
  };
}
