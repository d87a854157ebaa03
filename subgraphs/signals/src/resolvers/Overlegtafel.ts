import { forbidden } from '@hub/errors';
import { isTableMember } from '../access.ts';
import { findRegionSignals } from '../db/queries.ts';
import { calendarDate, parseInput } from '../validation.ts';
import type { OverlegtafelResolvers } from '../generated/resolvers-types.ts';

const MAX_REGION_SIGNALS = 500;

export const Overlegtafel: OverlegtafelResolvers = {
  zorgkantoorregio: (o) => ({ code: o.zorgkantoorregioCode }),
  members: async (o, _, ctx) => (await ctx.loaders.membersOf.load(o.id)).map((id) => ({ id })),
  meetings: (o, _, ctx) => ctx.loaders.meetingsOf.load(o.id),
  knelpunten: async (o, args, ctx) => {
    const all = await ctx.loaders.knelpuntenOf.load(o.id);
    return args.status ? all.filter((k) => args.status?.includes(k.status)) : all;
  },
  /** The raw signals are working material for members only; the zorgkantoor alone sees aggregates. */
  signals: async (o, args, ctx) => {
    if (!(await isTableMember(ctx, o.zorgkantoorregioCode))) throw forbidden('Only overlegtafel members see the signals themselves.');
    const from = parseInput(calendarDate, args.from, 'from');
    const to = parseInput(calendarDate, args.to, 'to');
    const rows = await findRegionSignals(ctx.db, {
      region: o.zorgkantoorregioCode,
      from,
      to,
      onlyUngrouped: args.onlyUngrouped ?? false,
      limit: MAX_REGION_SIGNALS,
    });
    for (const r of rows) ctx.loaders.signal.prime(r.id, r);
    return rows;
  },
};
