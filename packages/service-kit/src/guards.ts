import type { Role } from '@hub/domain';
import { badInput, forbidden, unauthenticated } from '@hub/errors';
import { hasRole, type Caller, type ClientPrincipal, type Principal } from '@hub/identity';

/**
 * The checks every resolver makes before it touches data, with the same errors everywhere: UNAUTHENTICATED for an
 * anonymous caller, FORBIDDEN for a signed-in one without the role, BAD_USER_INPUT on `input.expectedVersion`.
 */

/** Anything that carries the request's caller: every subgraph's context does. */
export interface CallerScope {
  caller: Caller;
}

/** The signed-in caller; UNAUTHENTICATED (with `message`, or the registry's default) for an anonymous one. */
export function requireUser(scope: CallerScope, message?: string): Principal {
  // A client token reaches the client's own view only: every professional path refuses it.
  if (scope.caller.kind === 'client') throw forbidden('A client token gives access to your own data only (the my-support queries).');
  if (scope.caller.kind !== 'user') throw unauthenticated(message);
  return scope.caller;
}

/** The signed-in client (or their representative); UNAUTHENTICATED when anonymous, FORBIDDEN for a professional. */
export function requireClient(scope: CallerScope): ClientPrincipal {
  if (scope.caller.kind === 'anonymous') throw unauthenticated();
  if (scope.caller.kind !== 'client') throw forbidden('Only a client signed in as themselves (or their representative) may use this.');
  return scope.caller;
}

/** The signed-in caller holding at least one of `roles`; FORBIDDEN with `message` otherwise. */
export function requireRole(scope: CallerScope, roles: readonly Role[], message: string): Principal {
  const principal = requireUser(scope);
  if (!hasRole(principal, ...roles)) throw forbidden(message);
  return principal;
}

/**
 * The `expectedVersion` of a mutation's input (every versioned change takes it there): a positive integer, else
 * BAD_USER_INPUT on `input.expectedVersion` before anything is read or written.
 */
export function requireVersion(expectedVersion: number): number {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
    throw badInput('input.expectedVersion', 'expectedVersion must be a positive integer.');
  }
  return expectedVersion;
}
