import { badInput, forbidden, notFound } from '@hub/errors';
import { hasRole, type Principal } from '@hub/identity';
import type { Context } from '../context.ts';
import { CARE_ROLES, clientView, clientVisible, DEFAULT_PURPOSE, discloseTrajectory, requireCareRole, requireUser, trajectoryView } from '../consent/access.ts';
import type { ConsentPurpose } from '../consent/decide.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { findClientByBsnHash, findTrajectoriesInPeriod, listTrajectoriesOfOrganization } from '../db/queries.ts';
import { buildSupportReport, supportReportCsv, type SupportReportData } from '../report.ts';
import { pageSize, requireBsn, requireUuid } from '../validation.ts';

/** Reading a client: the care roles, and a PRIVACY_OFFICER (for the access overview). */
function requireClientReader(ctx: Context): Principal {
  const p = requireUser(ctx);
  if (!hasRole(p, ...CARE_ROLES, 'PRIVACY_OFFICER')) throw forbidden('Your role may not look up clients.');
  return p;
}

const MAX_REPORT_DAYS = 3 * 366;

async function report(ctx: Context, organizationId: string, period: { from: Date; to: Date }): Promise<SupportReportData> {
  const p = requireUser(ctx);
  const orgId = requireUuid(organizationId, 'organizationId');
  if (p.organizationId !== orgId) throw forbidden('Only members of the organisation may read its report.');
  const { from, to } = period;
  if (to.getTime() <= from.getTime()) throw badInput('period.to', 'period.to must lie after period.from.');
  const length = to.getTime() - from.getTime();
  if (length > MAX_REPORT_DAYS * 86_400_000) throw badInput('period', 'A report period is at most 3 years.');
  const previousPeriod = { from: new Date(from.getTime() - length), to: from };
  const [current, previous] = await Promise.all([
    findTrajectoriesInPeriod(ctx.db, orgId, from, to),
    findTrajectoriesInPeriod(ctx.db, orgId, previousPeriod.from, previousPeriod.to),
  ]);
  return buildSupportReport(orgId, { from, to }, previousPeriod, current, previous);
}

export const Query = {
  async client(_: unknown, args: { id: string; purpose?: ConsentPurpose | null }, ctx: Context) {
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
  async findClientByBsn(_: unknown, args: { bsn: string; purpose: ConsentPurpose }, ctx: Context) {
    requireClientReader(ctx);
    const bsn = requireBsn(args.bsn, 'bsn');
    const row = await findClientByBsnHash(ctx.db, ctx.services.bsn.hash(bsn));
    if (!row) return null;
    ctx.accessLog.record({ clientId: row.id, action: 'SEARCH', outcome: 'GRANTED', categories: ['IDENTITY'], ground: `STATED_PURPOSE:${args.purpose}` });
    return clientView(row, args.purpose);
  },

  async trajectory(_: unknown, args: { id: string; purpose?: ConsentPurpose | null }, ctx: Context) {
    const p = requireCareRole(ctx);
    const id = requireUuid(args.id, 'id');
    const row = await ctx.loaders.trajectory.load(id);
    const view = row ? await discloseTrajectory(ctx, p, row, args.purpose ?? DEFAULT_PURPOSE) : null;
    if (!view) throw notFound('Trajectory');
    return view;
  },

  async myTrajectories(_: unknown, args: { status?: string | null; first?: number | null; after?: string | null }, ctx: Context) {
    const p = requireCareRole(ctx);
    const limit = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after) : null;
    const rows = await listTrajectoriesOfOrganization(ctx.db, {
      organizationId: p.organizationId,
      status: args.status ?? null,
      limit: limit + 1,
      after: after ? { openedAt: after.at, id: after.id } : null,
    });
    const page = rows.slice(0, limit);
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

  supportReport: (_: unknown, args: { organizationId: string; period: { from: Date; to: Date } }, ctx: Context) =>
    report(ctx, args.organizationId, args.period),

  async supportReportCsv(_: unknown, args: { organizationId: string; period: { from: Date; to: Date } }, ctx: Context) {
    return supportReportCsv(await report(ctx, args.organizationId, args.period));
  },
};

export const SupportReport = {
  organization: (r: SupportReportData) => ({ id: r.organizationId }),
};
