import type { SupportOverviewResolvers } from '../generated/resolvers-types.ts';
import { resolveSupportOverview, supportOverviewHandovers } from '../overview.ts';

/** The handovers of the combined view; the access check runs in __resolveReference, for the gateway and anyone else. */
export const SupportOverview: SupportOverviewResolvers = {
  __resolveReference: (ref, ctx) => resolveSupportOverview(ctx, ref.id),
  handovers: (parent, _, ctx) => supportOverviewHandovers(ctx, parent),
};
