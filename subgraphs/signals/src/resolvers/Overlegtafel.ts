import { badInput, forbidden } from '@hub/errors';
import { connectionFromList, connectionFromRows, decodeCursor, encodeCursor, pageSize } from '@hub/service-kit';
import { isTableMember } from '../access.ts';
import { findRegionSignals } from '../db/queries.ts';
import { calendarDate, parseInput } from '../validation.ts';
import type { OverlegtafelResolvers } from '../generated/resolvers-types.ts';

export const Overlegtafel: OverlegtafelResolvers = {
  zorgkantoorregio: (o) => ({ code: o.zorgkantoorregioCode }),
  members: async (o, _, ctx) => (await ctx.loaders.membersOf.load(o.id)).map((id) => ({ id })),
  meetings: async (o, args, ctx) => connectionFromList(await ctx.loaders.meetingsOf.load(o.id), args, (m) => m.heldOn),
  knelpunten: async (o, args, ctx) => {
    const all = await ctx.loaders.knelpuntenOf.load(o.id);
    const wanted = args.status ? all.filter((k) => args.status?.includes(k.status)) : all;
    return connectionFromList(wanted, args, (k) => k.createdAt.toISOString());
  },
  /** The raw signals are working material for members only; the zorgkantoor alone sees aggregates. */
  signals: async (o, args, ctx) => {
    if (!(await isTableMember(ctx, o.zorgkantoorregioCode))) throw forbidden('Only overlegtafel members see the signals themselves.');
    const from = parseInput(calendarDate, args.from, 'from');
    const to = parseInput(calendarDate, args.to, 'to');
    const first = pageSize(args.first, { fallback: 100 });
    const after = args.after ? decodeCursor(args.after) : null;
    if (after && !calendarDate.safeParse(after.key).success) throw badInput('after', 'after is not a cursor returned by this API.');
    const rows = await findRegionSignals(ctx.db, {
      region: o.zorgkantoorregioCode,
      from,
      to,
      onlyUngrouped: args.onlyUngrouped ?? false,
      after,
      limit: first + 1,
    });
    for (const r of rows) ctx.loaders.signal.prime(r.id, r);
    return connectionFromRows(rows, first, (s) => encodeCursor(s.observedOn, s.id), after !== null);
  },
};
