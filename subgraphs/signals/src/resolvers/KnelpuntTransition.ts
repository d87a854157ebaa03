import type { KnelpuntTransitionResolvers } from '../generated/resolvers-types.ts';

export const KnelpuntTransition: KnelpuntTransitionResolvers = {
  from: (t) => t.fromStatus,
  to: (t) => t.toStatus,
  by: (t) => ({ id: t.byOrganizationId }),
};
