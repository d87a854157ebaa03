import type { Context } from '../context.ts';
import type { RegionRow } from '../db/queries.ts';

export const Zorgkantoorregio = {
  __resolveReference: (ref: { code: string }, ctx: Context) => ctx.loaders.region.load(ref.code),
  gemeenten: (r: RegionRow, _: unknown, ctx: Context) => ctx.loaders.gemeentenByRegion.load(r.code),
  population: async (r: RegionRow, _: unknown, ctx: Context) =>
    (await ctx.loaders.gemeentenByRegion.load(r.code)).reduce((sum, g) => sum + g.population, 0),
};
