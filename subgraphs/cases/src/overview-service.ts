import { and, eq, sql } from 'drizzle-orm';
import { anyText, type Db } from '@hub/db';
import { previousReportPeriod, supportOverviewScope, supportOverviewScopeOfId, type OverviewScope, type ReportPeriod } from '@hub/service-kit';
import type { Context } from './context.ts';
import { client, trajectory } from './db/schema.ts';
import type { TrajectoryWithGemeenteRow } from './db/queries.ts';
import { buildSupportOverviewDemand, type SupportOverviewDemandData } from './overview.ts';

export interface SupportOverviewData {
  id: string;
  scope: OverviewScope;
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  demand: SupportOverviewDemandData;
}

/** Every trajectory, of any organisation, whose client lives in one of `gemeenten` and that was open at some moment in [from, to). */
async function findAreaTrajectories(db: Db, gemeenten: readonly string[], from: Date, to: Date): Promise<TrajectoryWithGemeenteRow[]> {
  const rows = await db
    .select({ trajectory, gemeenteCode: client.gemeenteCode })
    .from(trajectory)
    .innerJoin(client, eq(client.id, trajectory.clientId))
    .where(
      and(
        anyText(client.gemeenteCode, gemeenten),
        sql`${trajectory.openedAt} < ${to.toISOString()}::timestamptz`,
        sql`(${trajectory.closedAt} is null or ${trajectory.closedAt} >= ${from.toISOString()}::timestamptz)`,
      ),
    );
  return rows.map((r) => ({ ...r.trajectory, gemeenteCode: r.gemeenteCode }));
}

/**
 * Query.supportOverview: the demand part of the combined view. Input first (BAD_USER_INPUT), then access (FORBIDDEN),
 * then one read of the area's trajectories over the period and the previous one.
 */
export async function supportOverviewOf(
  ctx: Context,
  input: { gemeenteCode?: string | null; zorgkantoorregioCode?: string | null; period: unknown },
): Promise<SupportOverviewData> {
  const scope = supportOverviewScope(ctx, input, ctx.now);
  const period = scope.period;
  const previousPeriod = previousReportPeriod(period);
  const rows = await findAreaTrajectories(ctx.db, scope.gemeenten, previousPeriod.from, period.to);
  const demand = buildSupportOverviewDemand(period, previousPeriod, scope.gemeenten, rows, scope.area.kind === 'REGION');
  return { id: scope.id, scope, period, previousPeriod, demand };
}

/** An id handed to `_entities`: the same figures, after the same access check (FORBIDDEN), or null for a malformed id. */
export async function supportOverviewById(ctx: Context, id: string): Promise<SupportOverviewData | null> {
  const scope = supportOverviewScopeOfId(ctx, id, ctx.now);
  if (!scope) return null;
  const previousPeriod = previousReportPeriod(scope.period);
  const rows = await findAreaTrajectories(ctx.db, scope.gemeenten, previousPeriod.from, scope.period.to);
  const demand = buildSupportOverviewDemand(scope.period, previousPeriod, scope.gemeenten, rows, scope.area.kind === 'REGION');
  return { id: scope.id, scope, period: scope.period, previousPeriod, demand };
}
