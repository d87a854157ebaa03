import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { anyText, anyUuid, rowsOf, type Db } from '@hub/db';
import type { FrozenQuarter, SignalFact } from '../cube.ts';
import {
  action,
  decision,
  feedback,
  gemeenteRegion,
  knelpunt,
  knelpuntFollowUp,
  knelpuntSignal,
  knelpuntTransition,
  meeting,
  overlegtafel,
  overlegtafelMember,
  publishedQuarter,
  signal,
} from './schema.ts';

export type SignalRow = typeof signal.$inferSelect;
export type NewSignal = typeof signal.$inferInsert;
export type KnelpuntRow = typeof knelpunt.$inferSelect;
export type OverlegtafelRow = typeof overlegtafel.$inferSelect;
export type MeetingRow = typeof meeting.$inferSelect;
export type DecisionRow = typeof decision.$inferSelect;
export type ActionRow = typeof action.$inferSelect;
export type FeedbackRow = typeof feedback.$inferSelect;
export type TransitionRow = typeof knelpuntTransition.$inferSelect;

export function findRegionsOfGemeenten(db: Db, codes: readonly string[]) {
  return db.select().from(gemeenteRegion).where(anyText(gemeenteRegion.gemeenteCode, codes));
}

export function findSignalsByIds(db: Db, ids: readonly string[]): Promise<SignalRow[]> {
  return db.select().from(signal).where(anyUuid(signal.id, ids));
}

/** A page of a reporter's signals, newest first, after a keyset position; `key` is created_at as Postgres prints it. */
export function findSignalsByReporter(
  db: Db,
  organizationId: string,
  after: { key: string; id: string } | null,
  limit: number,
): Promise<{ signal: SignalRow; key: string }[]> {
  return db
    .select({ signal, key: sql<string>`${signal.createdAt}::text` })
    .from(signal)
    .where(
      and(
        eq(signal.reporterOrganizationId, organizationId),
        after ? sql`(${signal.createdAt}, ${signal.id}) < (${after.key}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(signal.createdAt), desc(signal.id))
    .limit(limit);
}

/** A page of a region's signals observed in a period, newest observed first, after a keyset position (observedOn, id). */
export function findRegionSignals(
  db: Db,
  params: { region: string; from: string; to: string; onlyUngrouped: boolean; after: { key: string; id: string } | null; limit: number },
): Promise<SignalRow[]> {
  const { after } = params;
  const rows = db
    .select({ signal })
    .from(signal)
    .leftJoin(knelpuntSignal, eq(knelpuntSignal.signalId, signal.id))
    .where(
      and(
        eq(signal.zorgkantoorregioCode, params.region),
        sql`${signal.observedOn} between ${params.from}::date and ${params.to}::date`,
        params.onlyUngrouped ? isNull(knelpuntSignal.knelpuntId) : undefined,
        after ? sql`(${signal.observedOn}, ${signal.id}) < (${after.key}::date, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(signal.observedOn), desc(signal.id))
    .limit(params.limit);
  return rows.then((r) => r.map((x) => x.signal));
}

export function findKnelpuntLinksBySignalIds(db: Db, signalIds: readonly string[]) {
  return db.select().from(knelpuntSignal).where(anyUuid(knelpuntSignal.signalId, signalIds));
}

export function findSignalsByKnelpuntIds(db: Db, knelpuntIds: readonly string[]) {
  return db
    .select({ knelpuntId: knelpuntSignal.knelpuntId, signal })
    .from(knelpuntSignal)
    .innerJoin(signal, eq(signal.id, knelpuntSignal.signalId))
    .where(anyUuid(knelpuntSignal.knelpuntId, knelpuntIds))
    .orderBy(desc(signal.observedOn), desc(signal.id));
}

/** The follow-up signals of knelpunten, newest observed first, in one statement. */
export function findFollowUpsByKnelpuntIds(db: Db, knelpuntIds: readonly string[]) {
  return db
    .select({ knelpuntId: knelpuntFollowUp.knelpuntId, signal })
    .from(knelpuntFollowUp)
    .innerJoin(signal, eq(signal.id, knelpuntFollowUp.signalId))
    .where(anyUuid(knelpuntFollowUp.knelpuntId, knelpuntIds))
    .orderBy(desc(signal.observedOn), desc(signal.id));
}

export function findKnelpuntenByIds(db: Db, ids: readonly string[]): Promise<KnelpuntRow[]> {
  return db.select().from(knelpunt).where(anyUuid(knelpunt.id, ids));
}

export function findKnelpuntenByOverlegtafelIds(db: Db, ids: readonly string[]): Promise<KnelpuntRow[]> {
  return db.select().from(knelpunt).where(anyUuid(knelpunt.overlegtafelId, ids)).orderBy(desc(knelpunt.createdAt), desc(knelpunt.id));
}

export function findOverlegtafelsByRegions(db: Db, codes: readonly string[]): Promise<OverlegtafelRow[]> {
  return db.select().from(overlegtafel).where(anyText(overlegtafel.zorgkantoorregioCode, codes));
}

export function findOverlegtafelsByIds(db: Db, ids: readonly string[]): Promise<OverlegtafelRow[]> {
  return db.select().from(overlegtafel).where(anyUuid(overlegtafel.id, ids));
}

export function findMembersByOverlegtafelIds(db: Db, ids: readonly string[]) {
  return db
    .select()
    .from(overlegtafelMember)
    .where(anyUuid(overlegtafelMember.overlegtafelId, ids))
    .orderBy(asc(overlegtafelMember.joinedAt), asc(overlegtafelMember.organizationId));
}

/** The regions whose overlegtafel lists the organisation as a member. */
export async function findMemberRegions(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ region: overlegtafel.zorgkantoorregioCode })
    .from(overlegtafelMember)
    .innerJoin(overlegtafel, eq(overlegtafel.id, overlegtafelMember.overlegtafelId))
    .where(eq(overlegtafelMember.organizationId, organizationId));
  return rows.map((r) => r.region);
}

export function findMeetingsByOverlegtafelIds(db: Db, ids: readonly string[]): Promise<MeetingRow[]> {
  return db.select().from(meeting).where(anyUuid(meeting.overlegtafelId, ids)).orderBy(desc(meeting.heldOn), desc(meeting.id));
}

export function findMeetingsByIds(db: Db, ids: readonly string[]): Promise<MeetingRow[]> {
  return db.select().from(meeting).where(anyUuid(meeting.id, ids));
}

export function findDecisionsByKnelpuntIds(db: Db, ids: readonly string[]): Promise<DecisionRow[]> {
  return db.select().from(decision).where(anyUuid(decision.knelpuntId, ids)).orderBy(asc(decision.createdAt), asc(decision.id));
}

export function findActionsByKnelpuntIds(db: Db, ids: readonly string[]): Promise<ActionRow[]> {
  return db.select().from(action).where(anyUuid(action.knelpuntId, ids)).orderBy(asc(action.dueOn), asc(action.createdAt));
}

export function findActionsByIds(db: Db, ids: readonly string[]): Promise<ActionRow[]> {
  return db.select().from(action).where(anyUuid(action.id, ids));
}

export function findFeedbackByKnelpuntIds(db: Db, ids: readonly string[]): Promise<FeedbackRow[]> {
  return db.select().from(feedback).where(anyUuid(feedback.knelpuntId, ids)).orderBy(asc(feedback.createdAt), asc(feedback.id));
}

export function findTransitionsByKnelpuntIds(db: Db, ids: readonly string[]): Promise<TransitionRow[]> {
  return db
    .select()
    .from(knelpuntTransition)
    .where(anyUuid(knelpuntTransition.knelpuntId, ids))
    .orderBy(asc(knelpuntTransition.at), asc(knelpuntTransition.id));
}

export type ScopeKind = 'REGION' | 'GEMEENTE';

/** The stored publications of the given regions and quarters; one statement whatever their number. */
export async function findFrozenQuarters(db: Db, params: { regions: readonly string[]; quarters: readonly string[] }): Promise<FrozenQuarter[]> {
  const rows = await db
    .select({ figures: publishedQuarter.figures })
    .from(publishedQuarter)
    .where(and(anyText(publishedQuarter.zorgkantoorregioCode, params.regions), anyText(publishedQuarter.quarter, params.quarters)));
  return rows.map((r) => r.figures);
}

/** Stores publications; one already stored (a concurrent first publication) wins and is kept. Returns what was stored now. */
export async function insertFrozenQuarters(db: Db, docs: readonly FrozenQuarter[]): Promise<{ region: string; quarter: string }[]> {
  if (docs.length === 0) return [];
  return db
    .insert(publishedQuarter)
    .values(docs.map((figures) => ({ zorgkantoorregioCode: figures.region, quarter: figures.quarter, figures })))
    .onConflictDoNothing()
    .returning({ region: publishedQuarter.zorgkantoorregioCode, quarter: publishedQuarter.quarter });
}

/**
 * Every signal of the regions in the date range, reduced to what publication needs, in one statement. A gap event's
 * contributor is null (its referral sender is not recorded); a reported signal's is its reporting organisation.
 */
export async function findSignalFacts(
  db: Db,
  params: { regions: readonly string[]; from: string; before: string },
): Promise<(SignalFact & { region: string })[]> {
  const result = await db.execute(sql`
    select ${signal.zorgkantoorregioCode} as region, ${signal.gemeenteCode} as gemeente,
           to_char(${signal.observedOn}, 'YYYY-MM') as month, ${signal.category} as category,
           ${signal.legalDomain} as legal_domain, ${signal.targetGroup} as target_group,
           case when ${signal.source} = 'GAP_EVENT' then null else coalesce(${signal.reporterOrganizationId}::text, '') end as contributor,
           ${signal.clientCount} as clients, ${signal.waitDays} as wait_days,
           ${signal.serviceId}::text as service_id, ${signal.organizationId}::text as organization_id
    from ${signal}
    where ${anyText(signal.zorgkantoorregioCode, params.regions)}
      and ${signal.observedOn} >= ${params.from}::date and ${signal.observedOn} < ${params.before}::date`);
  return rowsOf<{
    region: string;
    gemeente: string | null;
    month: string;
    category: string;
    legal_domain: string | null;
    target_group: string | null;
    contributor: string | null;
    clients: number;
    wait_days: number | null;
    service_id: string | null;
    organization_id: string | null;
  }>(result).map((r) => ({
    region: r.region,
    gemeente: r.gemeente,
    month: r.month,
    category: r.category,
    legalDomain: r.legal_domain,
    targetGroup: r.target_group,
    contributor: r.contributor,
    clients: Number(r.clients),
    waitDays: r.wait_days === null ? null : Number(r.wait_days),
    serviceId: r.service_id,
    organizationId: r.organization_id,
  }));
}
