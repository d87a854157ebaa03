import { beginSignIn, completeSignIn, type OidcSettings, signOutAtProvider } from './oidc.ts';
import type { Role } from './session.ts';
import { signOut, startSession, type Session } from './session.ts';

/**
 * How this console signs people in, as the gateway tells it in /console-config.json: the demo identities in
 * development, OpenID Connect (authorization code with PKCE, oidc.ts) in production, or not at all.
 */

/** A demo identity offered by the development sign-in. */
export interface DevIdentity {
  subject: string;
  label: string;
  name: string;
  /** Null for the demo client (role CLIENT), who belongs to no organisation. */
  organizationId: string | null;
  organizationType: string | null;
  roles: Role[];
  gemeenteCode: string | null;
  zorgkantoorregio: string | null;
}

export interface DevelopmentSignIn {
  mode: 'development';
  /** The demo identities, one per role. */
  identities(): Promise<DevIdentity[]>;
  /** A token for one demo identity, signed by the hub's development issuer. */
  signIn(subject: string): Promise<Session>;
}

/** Sign-in is not possible on this environment (production before OpenID Connect is configured). */
export interface NoSignIn {
  mode: 'none';
}

/** Signing in at the organisation's OpenID provider. */
export interface OidcSignIn {
  mode: 'oidc';
  /** Sends the browser to the provider's sign-in page. */
  begin(returnPath: string | undefined): Promise<void>;
  /** Finishes the sign-in on /inloggen/terug; the query is the callback URL's search part. */
  complete(query: string): Promise<{ session: Session; returnPath: string | null }>;
  /** Signs out at the provider too, when it offers that (a navigation); the caller has forgotten the session. */
  signOut(): void;
}

/** The provider is configured but does not answer now. */
export interface UnavailableSignIn {
  mode: 'unavailable';
}

export type SignInMethod = DevelopmentSignIn | OidcSignIn | UnavailableSignIn | NoSignIn;

/** The shape of /console-config.json; a mode the console does not know counts as none. */
interface ConsoleConfig {
  auth?: { mode?: unknown; unavailable?: unknown } & Partial<OidcSettings>;
}

class SignInError extends Error {
  override name = 'SignInError';
}

async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { credentials: 'omit', cache: 'no-store', ...init });
  if (!response.ok) throw new SignInError(`${path} answered ${response.status}.`);
  return (await response.json()) as T;
}

const development: DevelopmentSignIn = {
  mode: 'development',
  async identities() {
    const body = await getJson<{ identities: DevIdentity[] }>('/dev/identities');
    return body.identities;
  },
  async signIn(subject) {
    const body = await getJson<{ token: string; expiresAt: string }>('/dev/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject }),
    });
    return startSession(body.token, Date.parse(body.expiresAt));
  },
};

function oidc(settings: OidcSettings): OidcSignIn {
  return {
    mode: 'oidc',
    begin: (returnPath) => beginSignIn(settings, returnPath),
    complete: (query) => completeSignIn(settings, query),
    signOut() {
      signOutAtProvider(settings);
    },
  };
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function methodOf(config: ConsoleConfig): SignInMethod {
  const auth = config.auth;
  if (auth?.mode === 'development') return development;
  if (auth?.mode !== 'oidc') return { mode: 'none' };
  if (auth.unavailable === true) return { mode: 'unavailable' };
  const { authorizationEndpoint, clientId, scope, redirectUri } = auth;
  if (!isText(authorizationEndpoint) || !isText(clientId) || !isText(scope) || !isText(redirectUri)) return { mode: 'unavailable' };
  return oidc({
    authorizationEndpoint,
    clientId,
    scope,
    redirectUri,
    endSessionEndpoint: isText(auth.endSessionEndpoint) ? auth.endSessionEndpoint : null,
    resource: isText(auth.resource) ? auth.resource : null,
  });
}

let loaded: Promise<SignInMethod> | undefined;

/** Reads the console configuration once per page load (again after a failure, e.g. a provider that was down). */
export function loadSignInMethod(): Promise<SignInMethod> {
  loaded ??= getJson<ConsoleConfig>('/console-config.json').then(methodOf, (): SignInMethod => ({ mode: 'none' }));
  void loaded.then((method) => {
    if (method.mode === 'unavailable') loaded = undefined;
  });
  return loaded;
}

/**
 * Signing out: the session in memory at once; with OpenID Connect then also at the provider (a navigation there,
 * which comes back to /uitgelogd), when the provider offers that.
 */
export function signOutEverywhere(): void {
  signOut();
  void loadSignInMethod().then((method) => {
    if (method.mode === 'oidc') method.signOut();
  });
}
