import { forbidden } from '@hub/errors';
import { isTableMember, maySeeSignal, regionOfKnelpunt } from '../access.ts';
import type { Context } from '../context.ts';
import type { KnelpuntRow } from '../db/queries.ts';

/**
 * The counts of a knelpunt are raw, unsuppressed numbers over signals of several organisations: only members of the
 * region's table, who read every one of those signals anyway, get them. A reporter sees its own signals, the
 * region's zorgkantoor the suppressed aggregates.
 */
async function signalsCountedFor(ctx: Context, k: KnelpuntRow) {
  if (!(await isTableMember(ctx, await regionOfKnelpunt(ctx, k)))) {
    throw forbidden('The counts of a knelpunt are for overlegtafel members of its region.');
  }
  return ctx.loaders.signalsOfKnelpunt.load(k.id);
}

export const Knelpunt = {
  zorgkantoorregio: async (k: KnelpuntRow, _: unknown, ctx: Context) => ({ code: await regionOfKnelpunt(ctx, k) }),
  meeting: (k: KnelpuntRow, _: unknown, ctx: Context) => (k.meetingId ? ctx.loaders.meeting.load(k.meetingId) : null),
  signalCount: async (k: KnelpuntRow, _: unknown, ctx: Context) => (await signalsCountedFor(ctx, k)).length,
  clientCount: async (k: KnelpuntRow, _: unknown, ctx: Context) => (await signalsCountedFor(ctx, k)).reduce((sum, s) => sum + s.clientCount, 0),
  signals: async (k: KnelpuntRow, _: unknown, ctx: Context) => {
    const all = await ctx.loaders.signalsOfKnelpunt.load(k.id);
    const visible = await Promise.all(all.map((s) => maySeeSignal(ctx, s)));
    return all.filter((_s, i) => visible[i]);
  },
  decisions: (k: KnelpuntRow, _: unknown, ctx: Context) => ctx.loaders.decisionsOf.load(k.id),
  actions: (k: KnelpuntRow, _: unknown, ctx: Context) => ctx.loaders.actionsOf.load(k.id),
  feedback: (k: KnelpuntRow, _: unknown, ctx: Context) => ctx.loaders.feedbackOf.load(k.id),
  history: (k: KnelpuntRow, _: unknown, ctx: Context) => ctx.loaders.transitionsOf.load(k.id),
};
