import type { ConsultationResolvers } from '../generated/resolvers-types.ts';

export const Consultation: ConsultationResolvers = {
  fromOrganization: (c) => ({ id: c.fromOrganizationId }),
  toOrganization: (c) => ({ id: c.toOrganizationId }),
  askedByYou: (c, _, ctx) => ctx.caller.kind === 'user' && ctx.caller.organizationId === c.fromOrganizationId,
};
