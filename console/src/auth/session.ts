import { useSyncExternalStore } from 'react';

/**
 * The signed-in session, in memory only: never in localStorage, sessionStorage or a cookie, so closing or reloading
 * the tab ends it and no other script on the origin finds a token at rest. The user's details are read from the
 * token's own claims (the hub's claims: sub, name, org, org_type, roles, gemeente, zorgkantoorregio). A client's token
 * (role CLIENT, DigiD through a broker) has no organisation: it carries the BSN instead, which the console never reads.
 */

export type Role = 'TOEGANG' | 'CLIENTONDERSTEUNER' | 'ZORGBEMIDDELAAR' | 'OVERLEGTAFEL' | 'BEHEERDER' | 'PRIVACY_OFFICER' | 'BELEIDSMEDEWERKER' | 'CLIENT';

export interface SessionUser {
  subject: string;
  name: string | undefined;
  /** The professional's organisation; undefined for a client (role CLIENT). */
  organizationId: string | undefined;
  organizationType: string;
  roles: Role[];
  gemeenteCode: string | undefined;
  zorgkantoorregio: string | undefined;
}

export interface Session {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  user: SessionUser;
}

/** Why the last session ended, for the message the console shows once. */
export type SessionEnd = 'signed-out' | 'expired';

interface State {
  session: Session | null;
  ended: SessionEnd | null;
}

let state: State = { session: null, ended: null };
let expiryTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function update(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

function base64UrlDecode(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** The user a hub token is for, from its claims (the hub verifies the signature; the console only reads). */
export function userFromToken(token: string): SessionUser {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('Not a JWT.');
  const claims = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
  const subject = text(claims.sub);
  const organizationId = text(claims.org);
  const roles = Array.isArray(claims.roles) ? (claims.roles.filter((r) => typeof r === 'string') as Role[]) : [];
  // A client belongs to no organisation; a client token with a professional role besides is not one the hub issues.
  const client = roles.length === 1 && roles[0] === 'CLIENT' && organizationId === undefined;
  if (!subject || (!organizationId && !client)) throw new Error('The token lacks the hub claims.');
  return {
    subject,
    name: text(claims.name),
    organizationId,
    organizationType: client ? 'CLIENT' : (text(claims.org_type) ?? 'OTHER'),
    roles,
    gemeenteCode: text(claims.gemeente),
    zorgkantoorregio: text(claims.zorgkantoorregio),
  };
}

/** Starts a session; it ends by itself at its expiry, with the "expired" message. */
export function startSession(token: string, expiresAt: number): Session {
  const session: Session = { token, expiresAt, user: userFromToken(token) };
  clearTimeout(expiryTimer);
  // Timers longer than ~24.8 days overflow; sessions last hours.
  expiryTimer = setTimeout(() => expireSession(), Math.max(0, Math.min(expiresAt - Date.now(), 2_000_000_000)));
  update({ session, ended: null });
  return session;
}

function endSession(reason: SessionEnd): void {
  clearTimeout(expiryTimer);
  if (!state.session && state.ended === reason) return;
  update({ session: null, ended: reason });
}

export const signOut = () => endSession('signed-out');
/** The hub refused the token, or its time is up. */
export const expireSession = () => {
  if (state.session) endSession('expired');
};
/** The message about the last session has been read (or a new page opened). */
export const clearSessionEnd = () => {
  if (state.ended) update({ ...state, ended: null });
};

export const currentSession = (): Session | null => state.session;
export const currentToken = (): string | undefined => state.session?.token;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSessionState(): State {
  return useSyncExternalStore(subscribe, () => state);
}

export function useSession(): Session | null {
  return useSessionState().session;
}

export const hasAnyRole = (session: Session | null, roles: readonly Role[]): boolean => session?.user.roles.some((r) => roles.includes(r)) ?? false;
