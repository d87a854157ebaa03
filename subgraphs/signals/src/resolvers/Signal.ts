import { maySeeKnelpunt } from '../access.ts';
import type { SignalResolvers } from '../generated/resolvers-types.ts';

const ref = (id: string | null) => (id ? { id } : null);

export const Signal: SignalResolvers = {
  service: (s) => ref(s.serviceId),
  organization: (s) => ref(s.organizationId),
  reporterOrganization: (s) => ref(s.reporterOrganizationId),
  gemeente: (s) => (s.gemeenteCode ? { code: s.gemeenteCode } : null),
  zorgkantoorregio: (s) => (s.zorgkantoorregioCode ? { code: s.zorgkantoorregioCode } : null),
  knelpunt: async (s, _, ctx) => {
    const id = await ctx.loaders.knelpuntIdOfSignal.load(s.id);
    const k = id ? await ctx.loaders.knelpunt.load(id) : null;
    return k && (await maySeeKnelpunt(ctx, k)) ? k : null;
  },
};
