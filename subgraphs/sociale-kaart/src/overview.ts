import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@hub/db';
import { supportOverviewScopeOfId, type OverviewScope } from '@hub/service-kit';
import type { Context } from './context.ts';
import { service } from './db/schema.ts';

/**
 * The supply side of the combined view of a gemeente or zorgkantoorregio (SupportOverview; docs/sociale-kaart.md):
 * public sociale kaart data, so nothing is withheld, and no client data either. Access is still checked (the view as a
 * whole is for the opdrachtgevers of the area), in __resolveReference, so `_entities` straight at this subgraph with
 * another area's id gets FORBIDDEN.
 */

/** A capacity report older than this many days counts as stale in the overview. */
export const OVERVIEW_STALE_DAYS = 30;

export interface SupportOverviewParent {
  id: string;
  scope: OverviewScope;
}

export interface SupportOverviewSupplyData {
  services: number;
  organizations: number;
  independentServices: number;
  servicesReportingCapacity: number;
  hasCapacity: number;
  waitlist: number;
  noCapacity: number;
  additionalAssessmentRequired: number;
  medianWaitDays: number | null;
  staleCapacityReports: number;
}

export function resolveSupportOverview(ctx: Context, id: string, now: Date): SupportOverviewParent | null {
  const scope = supportOverviewScopeOfId(ctx, id, now);
  return scope ? { id: scope.id, scope } : null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function supplyOf(db: Db, gemeenten: readonly string[], now: Date): Promise<SupportOverviewSupplyData> {
  const rows = await db
    .select({
      organizationId: service.organizationId,
      independent: service.independent,
      capacityStatus: service.capacityStatus,
      capacityWaitDays: service.capacityWaitDays,
      capacityUpdatedAt: service.capacityUpdatedAt,
    })
    .from(service)
    .where(
      and(
        eq(service.status, 'ACTIVE'),
        sql`cardinality(${service.supportForms}) > 0`,
        sql`(${service.areaScope} = 'NATIONAL' or ${service.servedGemeenten} && ${sql.param([...gemeenten])}::text[])`,
      ),
    );
  const staleBefore = now.getTime() - OVERVIEW_STALE_DAYS * 86_400_000;
  const reporting = rows.filter((r) => r.capacityStatus !== null);
  const withStatus = (status: string) => reporting.filter((r) => r.capacityStatus === status).length;
  return {
    services: rows.length,
    organizations: new Set(rows.map((r) => r.organizationId)).size,
    independentServices: rows.filter((r) => r.independent).length,
    servicesReportingCapacity: reporting.length,
    hasCapacity: withStatus('HAS_CAPACITY'),
    waitlist: withStatus('WAITLIST'),
    noCapacity: withStatus('NO_CAPACITY'),
    additionalAssessmentRequired: withStatus('ADDITIONAL_ASSESSMENT_REQUIRED'),
    medianWaitDays: median(reporting.flatMap((r) => (r.capacityWaitDays === null ? [] : [r.capacityWaitDays]))),
    staleCapacityReports: reporting.filter((r) => !r.capacityUpdatedAt || r.capacityUpdatedAt.getTime() < staleBefore).length,
  };
}
