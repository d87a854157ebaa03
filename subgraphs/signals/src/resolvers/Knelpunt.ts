import { forbidden } from '@hub/errors';
import { isTableMember, maySeeSignal, regionOfKnelpunt } from '../access.ts';
import type { Context } from '../context.ts';
import type { KnelpuntRow } from '../db/queries.ts';
import type { KnelpuntResolvers } from '../generated/resolvers-types.ts';

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

export const Knelpunt: KnelpuntResolvers = {
  zorgkantoorregio: async (k, _, ctx) => ({ code: await regionOfKnelpunt(ctx, k) }),
  meeting: (k, _, ctx) => (k.meetingId ? ctx.loaders.meeting.load(k.meetingId) : null),
  signalCount: async (k, _, ctx) => (await signalsCountedFor(ctx, k)).length,
  clientCount: async (k, _, ctx) => (await signalsCountedFor(ctx, k)).reduce((sum, s) => sum + s.clientCount, 0),
  signals: async (k, _, ctx) => {
    const all = await ctx.loaders.signalsOfKnelpunt.load(k.id);
    const visible = await Promise.all(all.map((s) => maySeeSignal(ctx, s)));
    return all.filter((_s, i) => visible[i]);
  },
  decisions: (k, _, ctx) => ctx.loaders.decisionsOf.load(k.id),
  actions: (k, _, ctx) => ctx.loaders.actionsOf.load(k.id),
  feedback: (k, _, ctx) => ctx.loaders.feedbackOf.load(k.id),
  history: (k, _, ctx) => ctx.loaders.transitionsOf.load(k.id),
};
