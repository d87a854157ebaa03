import { amsterdamDate } from '@hub/domain';
import { badInput, forbidden } from '@hub/errors';
import { connectionFromList } from '@hub/service-kit';
import { isTableMember, maySeeSignal, regionOfKnelpunt } from '../access.ts';
import type { Context } from '../context.ts';
import type { KnelpuntRow, SignalRow } from '../db/queries.ts';
import { themeOf, trendOf } from '../learning-loop.ts';
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

/** A page of signals, counted over the ones the caller may see (all for a member, its own for a reporter). */
async function visiblePage(ctx: Context, all: SignalRow[], args: { first?: number | null; after?: string | null }) {
  const visible = await Promise.all(all.map((s) => maySeeSignal(ctx, s)));
  return connectionFromList(
    all.filter((_s, i) => visible[i]),
    args,
    (s) => s.observedOn,
  );
}

const MAX_TREND_QUARTERS = 12;

function quarterCount(value: number | null | undefined, name: string): number {
  const n = value ?? 4;
  if (!Number.isInteger(n) || n < 0 || n > MAX_TREND_QUARTERS) throw badInput(name, `${name} must be 0–${MAX_TREND_QUARTERS}.`);
  return n;
}

/** The first decision's date, or the (Dutch) date the first action was created; null when neither. */
async function referenceDateOf(ctx: Context, k: KnelpuntRow): Promise<string | null> {
  const decisions = await ctx.loaders.decisionsOf.load(k.id);
  const firstDecision = decisions.map((d) => d.decidedOn).sort()[0];
  if (firstDecision) return firstDecision;
  const actions = await ctx.loaders.actionsOf.load(k.id);
  const firstAction = actions.map((a) => a.createdAt.getTime()).sort((a, b) => a - b)[0];
  return firstAction === undefined ? null : amsterdamDate(new Date(firstAction));
}

export const Knelpunt: KnelpuntResolvers = {
  zorgkantoorregio: async (k, _, ctx) => ({ code: await regionOfKnelpunt(ctx, k) }),
  meeting: (k, _, ctx) => (k.meetingId ? ctx.loaders.meeting.load(k.meetingId) : null),
  signalCount: async (k, _, ctx) => (await signalsCountedFor(ctx, k)).length,
  clientCount: async (k, _, ctx) => (await signalsCountedFor(ctx, k)).reduce((sum, s) => sum + s.clientCount, 0),
  // Every child list is loaded for all knelpunten of the request at once (one statement each); a page is cut from it.
  // Paged and counted over the signals the caller may see only: a reporter's totalCount is its own signals.
  signals: async (k, args, ctx) => visiblePage(ctx, await ctx.loaders.signalsOfKnelpunt.load(k.id), args),
  followUpSignals: async (k, args, ctx) => visiblePage(ctx, await ctx.loaders.followUpsOfKnelpunt.load(k.id), args),
  theme: (k) => themeOf(k),
  // Raw counts over every signal of the region: for members of its table only, who read those signals anyway.
  trend: async (k, args, ctx) => {
    const region = await regionOfKnelpunt(ctx, k);
    if (!(await isTableMember(ctx, region))) throw forbidden('The trend of a knelpunt is for overlegtafel members of its region.');
    const before = quarterCount(args.quartersBefore, 'quartersBefore');
    const after = quarterCount(args.quartersAfter, 'quartersAfter');
    const referenceDate = await referenceDateOf(ctx, k);
    if (!referenceDate) return { referenceDate: null, quarters: [] };
    const quarters = await trendOf(ctx.db, { knelpuntId: k.id, region, theme: themeOf(k), referenceDate, before, after });
    return {
      referenceDate,
      quarters: quarters.map((q) => ({
        quarter: q.period.key,
        side: q.side,
        startsOn: q.period.startsOn,
        endsOn: q.period.endsOn,
        signals: q.signals,
        clients: q.clients,
        followUpSignals: q.followUpSignals,
      })),
    };
  },
  resolution: (k) => (k.resolutionNote && k.resolvedAt ? { note: k.resolutionNote, resolvedOn: amsterdamDate(k.resolvedAt) } : null),
  reopenThreshold: (k, _, ctx) => k.reopenThreshold ?? ctx.settings.reopenThreshold,
  zorginkoop: (k) =>
    k.zorginkoopStatus && k.zorginkoopQuestion && k.zorginkoopAskedOn
      ? {
          status: k.zorginkoopStatus as 'ASKED' | 'AGREED' | 'REFUSED',
          question: k.zorginkoopQuestion,
          askedOn: k.zorginkoopAskedOn,
          outcome: k.zorginkoopOutcome,
          decidedOn: k.zorginkoopDecidedOn,
        }
      : null,
  decisions: async (k, args, ctx) => connectionFromList(await ctx.loaders.decisionsOf.load(k.id), args, (d) => d.createdAt.toISOString()),
  actions: async (k, args, ctx) => connectionFromList(await ctx.loaders.actionsOf.load(k.id), args, (a) => a.dueOn),
  feedback: async (k, args, ctx) => connectionFromList(await ctx.loaders.feedbackOf.load(k.id), args, (f) => f.createdAt.toISOString()),
  history: async (k, args, ctx) => connectionFromList(await ctx.loaders.transitionsOf.load(k.id), args, (t) => t.at.toISOString()),
};
