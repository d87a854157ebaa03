import type { ZorgkantoorregioResolvers } from '../generated/resolvers-types.ts';

export const Zorgkantoorregio: ZorgkantoorregioResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.region.load(ref.code),
  gemeenten: (r, _, ctx) => ctx.loaders.gemeentenByRegion.load(r.code),
  population: async (r, _, ctx) => (await ctx.loaders.gemeentenByRegion.load(r.code)).reduce((sum, g) => sum + g.population, 0),
};
