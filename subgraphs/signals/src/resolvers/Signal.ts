import { maySeeKnelpunt } from '../access.ts';
import type { Context } from '../context.ts';
import type { SignalRow } from '../db/queries.ts';

const ref = (id: string | null) => (id ? { id } : null);

export const Signal = {
  service: (s: SignalRow) => ref(s.serviceId),
  organization: (s: SignalRow) => ref(s.organizationId),
  reporterOrganization: (s: SignalRow) => ref(s.reporterOrganizationId),
  gemeente: (s: SignalRow) => (s.gemeenteCode ? { code: s.gemeenteCode } : null),
  zorgkantoorregio: (s: SignalRow) => (s.zorgkantoorregioCode ? { code: s.zorgkantoorregioCode } : null),
  knelpunt: async (s: SignalRow, _: unknown, ctx: Context) => {
    const id = await ctx.loaders.knelpuntIdOfSignal.load(s.id);
    const k = id ? await ctx.loaders.knelpunt.load(id) : null;
    return k && (await maySeeKnelpunt(ctx, k)) ? k : null;
  },
};
