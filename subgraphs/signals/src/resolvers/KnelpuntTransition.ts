import type { KnelpuntTransitionResolvers } from '../generated/resolvers-types.ts';

export const KnelpuntTransition: KnelpuntTransitionResolvers = {
  from: (t) => t.fromStatus,
  to: (t) => t.toStatus,
  // A move the hub made by itself (a reopening) has no organisation, but a reason.
  by: (t) => (t.byOrganizationId ? { id: t.byOrganizationId } : null),
  automatic: (t) => t.byOrganizationId === null,
  reason: (t) => (t.reason === 'SIGNALS_RECURRED' ? 'SIGNALS_RECURRED' : null),
};
