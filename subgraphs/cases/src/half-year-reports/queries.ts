import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@hub/db';
import type { CursorPosition } from '@hub/service-kit';
import { commission, halfYearReport, halfYearReportAcknowledgement, satisfactionMeasurement } from '../db/schema.ts';

/**
 * Data access of commissions, half-year reports, acknowledgements and satisfaction measurements: plain functions
 * (db, params) -> rows. Dates of days are YYYY-MM-DD strings; a half year runs from its first to its last day.
 */

export type CommissionRow = typeof commission.$inferSelect;
export type HalfYearReportRow = typeof halfYearReport.$inferSelect;
export type AcknowledgementRow = typeof halfYearReportAcknowledgement.$inferSelect;
export type SatisfactionMeasurementRow = typeof satisfactionMeasurement.$inferSelect;

/** First and last day (YYYY-MM-DD) of a half year. */
export function halfYearDays(year: number, half: number): { first: string; last: string } {
  return half === 1 ? { first: `${year}-01-01`, last: `${year}-06-30` } : { first: `${year}-07-01`, last: `${year}-12-31` };
}

/** Commissions of a provider in force on some day from `first` to `last`, optionally of one commissioner. */
export function findCommissionsInForce(db: Db, providerId: string, days: { first: string; last: string }, commissionerId?: string): Promise<CommissionRow[]> {
  return db
    .select()
    .from(commission)
    .where(
      and(
        eq(commission.providerOrganizationId, providerId),
        commissionerId ? eq(commission.commissionerOrganizationId, commissionerId) : undefined,
        sql`${commission.validFrom} <= ${days.last}::date`,
        sql`(${commission.validUntil} is null or ${commission.validUntil} >= ${days.first}::date)`,
      ),
    )
    .orderBy(commission.createdAt, commission.id);
}

/** The commissions one commissioner gave for any of these providers (to decide per report which parts it reads). */
export function findCommissionsOfCommissionerFor(db: Db, commissionerId: string, providerIds: readonly string[]): Promise<CommissionRow[]> {
  if (providerIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(commission)
    .where(and(eq(commission.commissionerOrganizationId, commissionerId), inArray(commission.providerOrganizationId, [...providerIds])));
}

export async function findCommissionById(db: Db, id: string): Promise<CommissionRow | null> {
  const [row] = await db.select().from(commission).where(eq(commission.id, id));
  return row ?? null;
}

/** Commissions an organisation gave or received, newest first, keyset on created_at. */
export function listCommissionsOfOrganization(
  db: Db,
  args: { organizationId: string; activeOn: string | null; limit: number; after: CursorPosition | null },
): Promise<(CommissionRow & { cursorKey: string })[]> {
  return db
    .select({ c: commission, cursorKey: sql<string>`${commission.createdAt}::text` })
    .from(commission)
    .where(
      and(
        sql`(${commission.commissionerOrganizationId} = ${args.organizationId}::uuid or ${commission.providerOrganizationId} = ${args.organizationId}::uuid)`,
        args.activeOn
          ? sql`${commission.validFrom} <= ${args.activeOn}::date and (${commission.validUntil} is null or ${commission.validUntil} >= ${args.activeOn}::date)`
          : undefined,
        args.after ? sql`(${commission.createdAt}, ${commission.id}) < (${args.after.key}::timestamptz, ${args.after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(commission.createdAt), desc(commission.id))
    .limit(args.limit)
    .then((rows) => rows.map((r) => ({ ...r.c, cursorKey: r.cursorKey })));
}

export async function findReportById(db: Db, id: string): Promise<HalfYearReportRow | null> {
  const [row] = await db.select().from(halfYearReport).where(eq(halfYearReport.id, id));
  return row ?? null;
}

/** An organisation's reports, newest half year first; the cursor key is year * 10 + half. */
export function listReportsOfOrganization(db: Db, args: { organizationId: string; limit: number; after: CursorPosition | null }): Promise<HalfYearReportRow[]> {
  const rank = sql`(${halfYearReport.year} * 10 + ${halfYearReport.half})`;
  return db
    .select()
    .from(halfYearReport)
    .where(
      and(
        eq(halfYearReport.organizationId, args.organizationId),
        args.after ? sql`(${rank}, ${halfYearReport.id}) < (${Number(args.after.key)}::int, ${args.after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(halfYearReport.year), desc(halfYearReport.half), desc(halfYearReport.id))
    .limit(args.limit);
}

/**
 * Submitted (or acknowledged) reports of the providers this commissioner commissioned in the report's half year,
 * newest submitted first, keyset on submitted_at.
 */
export function listCommissionedReports(
  db: Db,
  args: { commissionerId: string; status: string | null; limit: number; after: CursorPosition | null },
): Promise<(HalfYearReportRow & { cursorKey: string })[]> {
  const r = halfYearReport;
  const first = sql`make_date(${r.year}, ${r.half} * 6 - 5, 1)`;
  const last = sql`(make_date(${r.year}, ${r.half} * 6 - 5, 1) + interval '6 months' - interval '1 day')::date`;
  return db
    .select({ r: halfYearReport, cursorKey: sql<string>`${r.submittedAt}::text` })
    .from(halfYearReport)
    .where(
      and(
        args.status ? eq(r.status, args.status) : sql`${r.status} in ('SUBMITTED', 'ACKNOWLEDGED')`,
        sql`${r.submittedAt} is not null`,
        sql`exists (select 1 from ${commission} c where c.commissioner_organization_id = ${args.commissionerId}::uuid
          and c.provider_organization_id = ${r.organizationId} and c.valid_from <= ${last}
          and (c.valid_until is null or c.valid_until >= ${first}))`,
        args.after ? sql`(${r.submittedAt}, ${r.id}) < (${args.after.key}::timestamptz, ${args.after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(r.submittedAt), desc(r.id))
    .limit(args.limit)
    .then((rows) => rows.map((x) => ({ ...x.r, cursorKey: x.cursorKey })));
}

export function findAcknowledgementsByReportIds(db: Db, ids: readonly string[]): Promise<AcknowledgementRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(halfYearReportAcknowledgement)
    .where(inArray(halfYearReportAcknowledgement.reportId, [...ids]))
    .orderBy(halfYearReportAcknowledgement.at);
}

/** The latest measurement (by day done, then by when recorded) of each of these organisations. */
export async function findLatestMeasurements(db: Db, organizationIds: readonly string[]): Promise<SatisfactionMeasurementRow[]> {
  if (organizationIds.length === 0) return [];
  return db
    .selectDistinctOn([satisfactionMeasurement.organizationId])
    .from(satisfactionMeasurement)
    .where(inArray(satisfactionMeasurement.organizationId, [...organizationIds]))
    .orderBy(satisfactionMeasurement.organizationId, desc(satisfactionMeasurement.doneOn), desc(satisfactionMeasurement.createdAt));
}
