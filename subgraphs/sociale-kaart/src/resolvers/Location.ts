import { isUuid } from '@hub/domain';
import type { Context } from '../context.ts';
import { maySeeConfidential } from '../context.ts';
import type { LocationRow } from '../db/queries.ts';

export const Location = {
  /** A confidential location resolves to null for anonymous callers, also through _entities. */
  __resolveReference: async (ref: { id: string }, ctx: Context) => {
    if (!isUuid(ref.id)) return null;
    const loc = await ctx.loaders.location.load(ref.id.toLowerCase());
    return loc && (!loc.confidential || maySeeConfidential(ctx)) ? loc : null;
  },
  gemeente: (l: LocationRow, _: unknown, ctx: Context) => (l.gemeenteCode ? ctx.loaders.gemeente.load(l.gemeenteCode) : null),
  organization: (l: LocationRow, _: unknown, ctx: Context) => ctx.loaders.organization.load(l.organizationId),
  services: (l: LocationRow, _: unknown, ctx: Context) => ctx.loaders.servicesByLocation.load(l.id),
};
