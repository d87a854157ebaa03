import { forbidden } from '@hub/errors';
import { mayReadRegionAggregates } from '../access.ts';
import type { Context } from '../context.ts';
import { OPEN_STATUSES } from '../knelpunt-states.ts';
import type { Granularity } from '../periods.ts';
import { parseSummaryPeriods } from '../validation.ts';

export const Zorgkantoorregio = {
  __resolveReference: (r: { code: string }) => ({ code: r.code }),
  openKnelpunten: async (r: { code: string }, _: unknown, ctx: Context) => {
    if (!(await mayReadRegionAggregates(ctx, r.code))) throw forbidden(`You may not see the knelpunten of ${r.code}.`);
    const table = await ctx.loaders.overlegtafelByRegion.load(r.code);
    if (!table) return [];
    return (await ctx.loaders.knelpuntenOf.load(table.id)).filter((k) => (OPEN_STATUSES as readonly string[]).includes(k.status));
  },
  signalSummary: async (
    r: { code: string },
    args: { granularity: Granularity; from: string; to?: string | null; groupBy?: string[] | null },
    ctx: Context,
  ) => {
    const periods = parseSummaryPeriods(args, '');
    if (!(await mayReadRegionAggregates(ctx, r.code))) throw forbidden(`You may not read the signal aggregates of ${r.code}.`);
    return ctx.loaders.summaries({ kind: 'REGION', ...periods }).load(r.code);
  },
};
