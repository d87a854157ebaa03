import type { Role } from '@hub/domain';
import { forbidden, unauthenticated } from '@hub/errors';
import type { Principal } from '@hub/identity';
import type { Context } from './context.ts';
import type { RecipientRow } from './db/queries.ts';

/**
 * Notifications belong to professionals. A client token has none and gets UNAUTHENTICATED here, as an anonymous
 * caller does: the notification centre is not part of the client's own view.
 */
export async function requireRecipient(ctx: Context): Promise<{ principal: Principal; me: RecipientRow }> {
  const caller = ctx.caller;
  if (caller.kind !== 'user') throw unauthenticated('Sign in as a professional to use notifications.');
  const me = await ctx.me();
  if (!me) throw unauthenticated('Sign in as a professional to use notifications.');
  return { principal: caller, me };
}

const BEHEERDER: Role = 'BEHEERDER';

/** A BEHEERDER, of the organisation the token names: the only one who sets its defaults and coordinators. */
export async function requireBeheerder(ctx: Context): Promise<{ principal: Principal; me: RecipientRow }> {
  const who = await requireRecipient(ctx);
  if (!who.principal.roles.includes(BEHEERDER)) throw forbidden("Only a BEHEERDER may change the organisation's notification settings.");
  return who;
}
