import { badInput, forbidden } from '@hub/errors';
import { connectionFromRows, decodeTimestampCursor, encodeCursor, pageSize, requireUser } from '@hub/service-kit';
import type { GraphQLError } from 'graphql';
import { mayReadGemeenteAggregates, mayReadRegionAggregates, maySeeKnelpunt, maySeeSignal } from '../access.ts';
import type { Context } from '../context.ts';
import { consultationFigures, consultationPage, readConsultation } from '../consultations.ts';
import { findSignalsByReporter } from '../db/queries.ts';
import type { Granularity } from '../periods.ts';
import { summariesToCsv, type Summary } from '../summaries.ts';
import { GEMEENTE_CODE_PATTERN } from '@hub/domain';
import { parseSummaryPeriods, requireRegionCode, requireUuid } from '../validation.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';

interface SummaryInputArgs {
  zorgkantoorregioCodes?: string[] | null;
  gemeenteCode?: string | null;
  granularity: Granularity;
  from: string;
  to?: string | null;
  groupBy?: string[] | null;
}

const MAX_REGIONS = 31;

/** Checks scope and access for every region or the gemeente before any counting, then computes in one batch. */
async function loadSummaries(ctx: Context, input: SummaryInputArgs): Promise<Summary[]> {
  requireUser(ctx);
  const periods = parseSummaryPeriods(input, 'input.');
  const regions = input.zorgkantoorregioCodes ?? [];
  if (regions.length > 0 === Boolean(input.gemeenteCode)) {
    throw badInput('input.zorgkantoorregioCodes', 'Give either zorgkantoorregioCodes or gemeenteCode.');
  }
  if (input.gemeenteCode) {
    const code = input.gemeenteCode;
    if (!GEMEENTE_CODE_PATTERN.test(code)) throw badInput('input.gemeenteCode', 'gemeenteCode must be GM + 4 digits, e.g. GM0153.');
    // Gemeente figures are linked to their region's quarter; months per gemeente would form a table whose inner
    // cells could be solved from the region's months and the gemeenten's quarters.
    if (periods.granularity !== 'QUARTER') throw badInput('input.granularity', 'Figures per gemeente are published per quarter only.');
    const region = await ctx.loaders.regionOfGemeente.load(code);
    if (!region) throw badInput('input.gemeenteCode', 'Unknown gemeente.');
    if (!(await mayReadGemeenteAggregates(ctx, code, region))) throw forbidden(`You may not read the signal aggregates of ${code}.`);
    return ctx.loaders.summaries({ kind: 'GEMEENTE', ...periods }).load(code);
  }
  if (regions.length > MAX_REGIONS) throw badInput('input.zorgkantoorregioCodes', `At most ${MAX_REGIONS} regions.`);
  const unique = [...new Set(regions.map((r, i) => requireRegionCode(r, `input.zorgkantoorregioCodes.${i}`)))];
  for (const region of unique) {
    if (!(await mayReadRegionAggregates(ctx, region))) throw forbidden(`You may not read the signal aggregates of ${region}.`);
  }
  const loader = ctx.loaders.summaries({ kind: 'REGION', ...periods });
  const lists = await loader.loadMany(unique);
  return lists.flatMap((l) => {
    if (l instanceof Error) throw l as GraphQLError;
    return l;
  });
}

export const Query: QueryResolvers = {
  signal: async (_, args, ctx) => {
    requireUser(ctx);
    const s = await ctx.loaders.signal.load(requireUuid(args.id, 'id'));
    return s && (await maySeeSignal(ctx, s)) ? s : null;
  },
  mySignals: async (_, args, ctx) => {
    const p = requireUser(ctx);
    const first = pageSize(args.first, { fallback: 50 });
    // The key is the signal's timestamp as PostgreSQL prints it; the shared decoder refuses any other.
    const after = args.after ? decodeTimestampCursor(args.after) : null;
    const rows = await findSignalsByReporter(ctx.db, p.organizationId, after, first + 1);
    const keys = new Map(rows.map((r) => [r.signal.id, r.key]));
    for (const r of rows) ctx.loaders.signal.prime(r.signal.id, r.signal);
    return connectionFromRows(
      rows.map((r) => r.signal),
      first,
      (s) => encodeCursor(keys.get(s.id) ?? '', s.id),
      after !== null,
    );
  },
  overlegtafel: async (_, args, ctx) => {
    const region = requireRegionCode(args.zorgkantoorregioCode, 'zorgkantoorregioCode');
    if (!(await mayReadRegionAggregates(ctx, region))) throw forbidden(`You may not see the overlegtafel of ${region}.`);
    return ctx.loaders.overlegtafelByRegion.load(region);
  },
  knelpunt: async (_, args, ctx) => {
    requireUser(ctx);
    const k = await ctx.loaders.knelpunt.load(requireUuid(args.id, 'id'));
    return k && (await maySeeKnelpunt(ctx, k)) ? k : null;
  },
  signalSummary: (_, args, ctx) => loadSummaries(ctx, args.input),
  signalSummaryCsv: async (_, args, ctx) => summariesToCsv(await loadSummaries(ctx, args.input)),
  consultation: (_, args, ctx) => readConsultation(ctx, args.id),
  consultationInbox: (_, args, ctx) => consultationPage(ctx, 'INBOX', args),
  consultationOutbox: (_, args, ctx) => consultationPage(ctx, 'OUTBOX', args),
  consultationFigures: (_, args, ctx) => consultationFigures(ctx, args.period),
};
