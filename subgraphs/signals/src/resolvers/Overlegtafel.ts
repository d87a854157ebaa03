import { forbidden } from '@hub/errors';
import { isTableMember } from '../access.ts';
import type { Context } from '../context.ts';
import { findRegionSignals, type OverlegtafelRow } from '../db/queries.ts';
import { calendarDate, parseInput } from '../validation.ts';

const MAX_REGION_SIGNALS = 500;

export const Overlegtafel = {
  zorgkantoorregio: (o: OverlegtafelRow) => ({ code: o.zorgkantoorregioCode }),
  members: async (o: OverlegtafelRow, _: unknown, ctx: Context) => (await ctx.loaders.membersOf.load(o.id)).map((id) => ({ id })),
  meetings: (o: OverlegtafelRow, _: unknown, ctx: Context) => ctx.loaders.meetingsOf.load(o.id),
  knelpunten: async (o: OverlegtafelRow, args: { status?: string[] | null }, ctx: Context) => {
    const all = await ctx.loaders.knelpuntenOf.load(o.id);
    return args.status ? all.filter((k) => args.status?.includes(k.status)) : all;
  },
  /** The raw signals are working material for members only; the zorgkantoor alone sees aggregates. */
  signals: async (o: OverlegtafelRow, args: { from: string; to: string; onlyUngrouped?: boolean | null }, ctx: Context) => {
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
