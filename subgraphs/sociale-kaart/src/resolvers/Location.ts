import { isUuid } from '@hub/domain';
import { connectionFromList, mustExist } from '@hub/service-kit';
import { maySeeConfidential } from '../context.ts';
import type { LocationResolvers } from '../generated/resolvers-types.ts';

export const Location: LocationResolvers = {
  /** A confidential location resolves to null for anonymous callers, also through _entities. */
  __resolveReference: async (ref, ctx) => {
    if (!isUuid(ref.id)) return null;
    const loc = await ctx.loaders.location.load(ref.id.toLowerCase());
    return loc && (!loc.confidential || maySeeConfidential(ctx)) ? loc : null;
  },
  gemeente: (l, _, ctx) => (l.gemeenteCode ? ctx.loaders.gemeente.load(l.gemeenteCode) : null),
  organization: (l, _, ctx) => mustExist(ctx.loaders.organization.load(l.organizationId), 'organization of a location'),
  services: async (l, args, ctx) => connectionFromList(await ctx.loaders.servicesByLocation.load(l.id), args, (s) => s.name),
};
