import { startSession, type Session } from './session.ts';

/**
 * Signing in with OpenID Connect: authorization code with PKCE (S256), state and nonce.
 *
 * 1. `beginSignIn` makes a random code verifier, state and nonce, and sends the browser (a navigation, the only
 *    trip to another host) to the provider's authorization endpoint.
 * 2. The provider sends the browser back to /inloggen/terug with `code` and `state`; `completeSignIn` checks the
 *    state and hands code, verifier and nonce to the hub's own POST /auth/token, which exchanges them at the
 *    provider and answers the access token. The token stays in memory (session.ts), like every session.
 *
 * The one thing that must survive the trip to the provider is kept in sessionStorage under one key: the code
 * verifier, state, nonce and the page to return to. No token and no personal data; the entry is removed as soon as
 * the console is back (used or not), and it dies with the tab.
 */

export interface OidcSettings {
  authorizationEndpoint: string;
  endSessionEndpoint: string | null;
  clientId: string;
  scope: string;
  resource: string | null;
  redirectUri: string;
}

const PENDING_KEY = 'hub-oidc-pending';
/** A sign-in that takes longer than this at the provider is started again. */
const PENDING_MAX_AGE_MS = 15 * 60_000;

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  returnPath: string | null;
  startedAt: number;
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const randomText = (bytes: number) => base64Url(crypto.getRandomValues(new Uint8Array(bytes)));

async function s256(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** Sends the browser to the provider; `returnPath` is the console page to open after signing in. */
export async function beginSignIn(settings: OidcSettings, returnPath: string | undefined): Promise<void> {
  const pending: Pending = {
    state: randomText(32),
    nonce: randomText(32),
    // 64 random bytes: an 86-character verifier (RFC 7636 allows 43 to 128).
    verifier: randomText(64),
    returnPath: returnPath ?? null,
    startedAt: Date.now(),
  };
  const url = new URL(settings.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', settings.redirectUri);
  url.searchParams.set('scope', settings.scope);
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  url.searchParams.set('code_challenge', await s256(pending.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  if (settings.resource) url.searchParams.set('resource', settings.resource);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  window.location.assign(url.toString());
}

/** Takes the pending sign-in out of sessionStorage: it is used at most once. */
function takePending(): Pending | undefined {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!raw) return undefined;
  try {
    const pending = JSON.parse(raw) as Partial<Pending>;
    if (typeof pending.state !== 'string' || typeof pending.nonce !== 'string' || typeof pending.verifier !== 'string') return undefined;
    if (typeof pending.startedAt !== 'number' || Date.now() - pending.startedAt > PENDING_MAX_AGE_MS) return undefined;
    const returnPath =
      typeof pending.returnPath === 'string' && pending.returnPath.startsWith('/') && !pending.returnPath.startsWith('//') ? pending.returnPath : null;
    return { state: pending.state, nonce: pending.nonce, verifier: pending.verifier, returnPath, startedAt: pending.startedAt };
  } catch {
    return undefined;
  }
}

/** Why a return from the provider did not sign in. */
export type SignInFailure =
  /** The provider reports an error (e.g. the user cancelled: access_denied). */
  | { kind: 'provider'; cancelled: boolean }
  /** No sign-in was started in this tab, it took too long, or the state does not match: possibly a forged link. */
  | { kind: 'state' }
  /** The hub refused the exchange; the error code of its answer (rendered through errors.ts). */
  | { kind: 'hub'; code: string; extensions: Record<string, unknown> };

export class OidcSignInError extends Error {
  override name = 'OidcSignInError';
  constructor(readonly failure: SignInFailure) {
    super(`Sign-in failed: ${failure.kind}`);
  }
}

const completions = new Map<string, Promise<{ session: Session; returnPath: string | null }>>();

/**
 * Finishes the sign-in from the callback URL's query (`?code=…&state=…`). The caller removes the query from the
 * address bar first. Called twice for the same query (a re-render), it answers the same promise.
 */
export function completeSignIn(settings: OidcSettings, query: string): Promise<{ session: Session; returnPath: string | null }> {
  const existing = completions.get(query);
  if (existing) return existing;
  const run = (async () => {
    const params = new URLSearchParams(query);
    const pending = takePending();
    const error = params.get('error');
    if (error) throw new OidcSignInError({ kind: 'provider', cancelled: error === 'access_denied' });
    const code = params.get('code');
    const state = params.get('state');
    if (!pending || !code || !state || state !== pending.state) throw new OidcSignInError({ kind: 'state' });
    let response: Response;
    try {
      response = await fetch('/auth/token', {
        method: 'POST',
        credentials: 'omit',
        cache: 'no-store',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, codeVerifier: pending.verifier, redirectUri: settings.redirectUri, nonce: pending.nonce }),
      });
    } catch {
      throw new OidcSignInError({ kind: 'hub', code: 'NETWORK', extensions: {} });
    }
    const body = (await response.json().catch(() => undefined)) as
      | { token?: unknown; expiresAt?: unknown; errors?: { extensions?: Record<string, unknown> }[] }
      | undefined;
    if (!response.ok || typeof body?.token !== 'string' || typeof body.expiresAt !== 'string') {
      const extensions = body?.errors?.[0]?.extensions ?? {};
      throw new OidcSignInError({ kind: 'hub', code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR', extensions });
    }
    return { session: startSession(body.token, Date.parse(body.expiresAt)), returnPath: pending.returnPath };
  })();
  completions.set(query, run);
  return run;
}

/** Sends the browser to the provider's logout, which sends it back to /uitgelogd; false when the provider has none. */
export function signOutAtProvider(settings: OidcSettings): boolean {
  if (!settings.endSessionEndpoint) return false;
  const url = new URL(settings.endSessionEndpoint);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('post_logout_redirect_uri', new URL('/uitgelogd', settings.redirectUri).toString());
  window.location.assign(url.toString());
  return true;
}
