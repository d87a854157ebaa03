import type { SupportOverviewResolvers } from '../generated/resolvers-types.ts';
import { resolveSupportOverview, supplyOf } from '../overview.ts';

/** The supply of the combined view; the access check runs in __resolveReference, for the gateway and anyone else. */
export const SupportOverview: SupportOverviewResolvers = {
  __resolveReference: (ref, ctx) => resolveSupportOverview(ctx, ref.id, new Date()),
  supply: (parent, _, ctx) => supplyOf(ctx.db, parent.scope.gemeenten, new Date()),
};
