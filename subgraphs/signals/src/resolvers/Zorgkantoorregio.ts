import { forbidden } from '@hub/errors';
import { connectionFromList } from '@hub/service-kit';
import { mayReadRegionAggregates } from '../access.ts';
import { OPEN_STATUSES } from '../knelpunt-states.ts';
import { parseSummaryPeriods } from '../validation.ts';
import type { ZorgkantoorregioResolvers } from '../generated/resolvers-types.ts';

export const Zorgkantoorregio: ZorgkantoorregioResolvers = {
  __resolveReference: (r) => ({ code: r.code }),
  openKnelpunten: async (r, args, ctx) => {
    if (!(await mayReadRegionAggregates(ctx, r.code))) throw forbidden(`You may not see the knelpunten of ${r.code}.`);
    const table = await ctx.loaders.overlegtafelByRegion.load(r.code);
    const all = table ? await ctx.loaders.knelpuntenOf.load(table.id) : [];
    const open = all.filter((k) => (OPEN_STATUSES as readonly string[]).includes(k.status));
    return connectionFromList(open, args, (k) => k.createdAt.toISOString());
  },
  signalSummary: async (r, args, ctx) => {
    const periods = parseSummaryPeriods(args, '');
    if (!(await mayReadRegionAggregates(ctx, r.code))) throw forbidden(`You may not read the signal aggregates of ${r.code}.`);
    return ctx.loaders.summaries({ kind: 'REGION', ...periods }).load(r.code);
  },
};
