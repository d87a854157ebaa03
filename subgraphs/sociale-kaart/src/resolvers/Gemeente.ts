import type { Context } from '../context.ts';
import type { GemeenteRow } from '../db/queries.ts';

export const Gemeente = {
  __resolveReference: (ref: { code: string }, ctx: Context) => ctx.loaders.gemeente.load(ref.code),
  zorgkantoorregio: (g: GemeenteRow, _: unknown, ctx: Context) => ctx.loaders.region.load(g.zorgkantoorregioCode),
};
