import { badInput, forbidden, notFound } from '@hub/errors';
import { hasRole, type Principal } from '@hub/identity';
import type { Context } from '../context.ts';
import { CARE_ROLES, clientView, clientVisible, DEFAULT_PURPOSE, discloseTrajectory, requireCareRole, requireUser, trajectoryView } from '../consent/access.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { findClientByBsnHash, findTrajectoriesInPeriod, listTrajectoriesOfOrganization } from '../db/queries.ts';
import { previousReportPeriod, requireEndedReportPeriod } from '../report-period.ts';
import { buildSupportReport, supportReportCsv, type SupportReportData } from '../report.ts';
import { pageSize, requireBsn, requireUuid } from '../validation.ts';
import type { QueryResolvers, SupportReportResolvers } from '../generated/resolvers-types.ts';

/** Reading a client: the care roles, and a PRIVACY_OFFICER (for the access overview). */
function requireClientReader(ctx: Context): Principal {
  const p = requireUser(ctx);
  if (!hasRole(p, ...CARE_ROLES, 'PRIVACY_OFFICER')) throw forbidden('Your role may not look up clients.');
  return p;
}

/** The report of one ended grid period; the rows cover the previous period too, for the trend. */
async function report(ctx: Context, organizationId: string, periodInput: unknown): Promise<SupportReportData> {
  const p = requireUser(ctx);
  const orgId = requireUuid(organizationId, 'organizationId');
  if (p.organizationId !== orgId) throw forbidden('Only members of the organisation may read its report.');
  const period = requireEndedReportPeriod(periodInput, ctx.now);
  const previousPeriod = previousReportPeriod(period);
  const rows = await findTrajectoriesInPeriod(ctx.db, orgId, previousPeriod.from, period.to);
  return buildSupportReport(orgId, period, previousPeriod, rows);
}

export const Query: QueryResolvers = {
  async client(_, args, ctx) {
    const p = requireClientReader(ctx);
    const id = requireUuid(args.id, 'id');
    const purpose = args.purpose ?? DEFAULT_PURPOSE;
    const row = await ctx.loaders.client.load(id);
    if (!row || !(await clientVisible(ctx, p, row.id, purpose))) throw notFound('Client');
    return clientView(row, purpose);
  },

  /**
   * Exact lookup through the keyed hash. The stated purpose goes into the SEARCH line of the access log; the client's
   * data itself stays gated as everywhere. A miss touches no client and is not logged.
   */
  async findClientByBsn(_, args, ctx) {
    requireClientReader(ctx);
    const bsn = requireBsn(args.bsn, 'bsn');
    const row = await findClientByBsnHash(ctx.db, ctx.services.bsn.hash(bsn));
    if (!row) return null;
    ctx.accessLog.record({
      field: 'Query.findClientByBsn',
      clientId: row.id,
      action: 'SEARCH',
      outcome: 'GRANTED',
      categories: ['IDENTITY'],
      ground: `STATED_PURPOSE:${args.purpose}`,
    });
    return clientView(row, args.purpose);
  },

  async trajectory(_, args, ctx) {
    const p = requireCareRole(ctx);
    const id = requireUuid(args.id, 'id');
    const row = await ctx.loaders.trajectory.load(id);
    const view = row ? await discloseTrajectory(ctx, p, row, args.purpose ?? DEFAULT_PURPOSE, 'Query.trajectory') : null;
    if (!view) throw notFound('Trajectory');
    return view;
  },

  async myTrajectories(_, args, ctx) {
    const p = requireCareRole(ctx);
    const limit = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after) : null;
    const search = args.search == null ? null : args.search.trim();
    if (search !== null && (search.length < 2 || search.length > 100)) throw badInput('search', 'search must be 2 to 100 characters.');
    const rows = await listTrajectoriesOfOrganization(ctx.db, {
      organizationId: p.organizationId,
      status: args.status ?? null,
      search,
      limit: limit + 1,
      after: after ? { openedAt: after.at, id: after.id } : null,
    });
    const page = rows.slice(0, limit);
    // A search matches on the clients' names: each client it finds is logged, once per request.
    if (search !== null) {
      for (const t of page) {
        ctx.accessLog.record({
          field: 'Query.myTrajectories',
          clientId: t.clientId,
          action: 'SEARCH',
          outcome: 'GRANTED',
          categories: ['IDENTITY'],
          ground: 'OWN_ORGANIZATION',
        });
      }
    }
    const last = page[page.length - 1];
    const first = page[0];
    return {
      nodes: page.map((t) => trajectoryView(t, 'INTEGRATED_SUPPORT')),
      pageInfo: {
        hasNextPage: rows.length > limit,
        hasPreviousPage: Boolean(after),
        startCursor: first ? encodeCursor(first.openedAt, first.id) : null,
        endCursor: last ? encodeCursor(last.openedAt, last.id) : null,
      },
    };
  },

  supportReport: (_, args, ctx) => report(ctx, args.organizationId, args.period),

  async supportReportCsv(_, args, ctx) {
    return supportReportCsv(await report(ctx, args.organizationId, args.period));
  },
};

export const SupportReport: SupportReportResolvers = {
  organization: (r) => ({ id: r.organizationId }),
};
