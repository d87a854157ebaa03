import { mustExist } from '@hub/service-kit';
import type { GemeenteResolvers } from '../generated/resolvers-types.ts';

export const Gemeente: GemeenteResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.gemeente.load(ref.code),
  zorgkantoorregio: (g, _, ctx) => mustExist(ctx.loaders.region.load(g.zorgkantoorregioCode), 'zorgkantoorregio of a gemeente'),
};
