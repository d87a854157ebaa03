import type { Role } from './session.ts';
import { startSession, type Session } from './session.ts';

/**
 * How this console signs people in, as the gateway tells it in /console-config.json. The sign-in page works with
 * any {@link SignInMethod}; production OpenID Connect (authorization code with PKCE) becomes one more mode here,
 * with its own module beside development.ts, without changes to the pages.
 */

/** A demo identity offered by the development sign-in. */
export interface DevIdentity {
  subject: string;
  label: string;
  name: string;
  organizationId: string;
  organizationType: string;
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

export type SignInMethod = DevelopmentSignIn | NoSignIn;

/** The shape of /console-config.json; a mode the console does not know counts as none. */
interface ConsoleConfig {
  auth?: { mode?: unknown };
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

let loaded: Promise<SignInMethod> | undefined;

/** Reads the console configuration once per page load. */
export function loadSignInMethod(): Promise<SignInMethod> {
  loaded ??= getJson<ConsoleConfig>('/console-config.json').then(
    (config): SignInMethod => (config.auth?.mode === 'development' ? development : { mode: 'none' }),
    (): SignInMethod => ({ mode: 'none' }),
  );
  return loaded;
}
