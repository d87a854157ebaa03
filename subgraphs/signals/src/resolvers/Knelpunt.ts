import { forbidden } from '@hub/errors';
import { connectionFromList } from '@hub/service-kit';
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
  // Every child list is loaded for all knelpunten of the request at once (one statement each); a page is cut from it.
  signals: async (k, args, ctx) => {
    const all = await ctx.loaders.signalsOfKnelpunt.load(k.id);
    const visible = await Promise.all(all.map((s) => maySeeSignal(ctx, s)));
    // Paged and counted over the signals the caller may see only: a reporter's totalCount is its own signals.
    return connectionFromList(
      all.filter((_s, i) => visible[i]),
      args,
      (s) => s.observedOn,
    );
  },
  decisions: async (k, args, ctx) => connectionFromList(await ctx.loaders.decisionsOf.load(k.id), args, (d) => d.createdAt.toISOString()),
  actions: async (k, args, ctx) => connectionFromList(await ctx.loaders.actionsOf.load(k.id), args, (a) => a.dueOn),
  feedback: async (k, args, ctx) => connectionFromList(await ctx.loaders.feedbackOf.load(k.id), args, (f) => f.createdAt.toISOString()),
  history: async (k, args, ctx) => connectionFromList(await ctx.loaders.transitionsOf.load(k.id), args, (t) => t.at.toISOString()),
};
