import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@hub/db';
import type { RawMonthCell } from '../cube.ts';
import {
  action,
  decision,
  feedback,
  gemeenteRegion,
  knelpunt,
  knelpuntSignal,
  knelpuntTransition,
  meeting,
  overlegtafel,
  overlegtafelMember,
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

/** Every batch lookup is one statement with an array parameter (= ANY), whatever the number of keys. */
const anyUuid = (column: unknown, ids: readonly string[]) => sql`${column} = any(${sql.param([...ids])}::uuid[])`;
const anyText = (column: unknown, codes: readonly string[]) => sql`${column} = any(${sql.param([...codes])}::text[])`;

export function findRegionsOfGemeenten(db: Db, codes: readonly string[]) {
  return db.select().from(gemeenteRegion).where(anyText(gemeenteRegion.gemeenteCode, codes));
}

export function findSignalsByIds(db: Db, ids: readonly string[]): Promise<SignalRow[]> {
  return db.select().from(signal).where(anyUuid(signal.id, ids));
}

export function findSignalsByReporter(db: Db, organizationId: string, limit: number): Promise<SignalRow[]> {
  return db
    .select()
    .from(signal)
    .where(eq(signal.reporterOrganizationId, organizationId))
    .orderBy(desc(signal.createdAt), desc(signal.id))
    .limit(limit);
}

export function findRegionSignals(
  db: Db,
  params: { region: string; from: string; to: string; onlyUngrouped: boolean; limit: number },
): Promise<SignalRow[]> {
  const rows = db
    .select({ signal })
    .from(signal)
    .leftJoin(knelpuntSignal, eq(knelpuntSignal.signalId, signal.id))
    .where(
      and(
        eq(signal.zorgkantoorregioCode, params.region),
        sql`${signal.observedOn} between ${params.from}::date and ${params.to}::date`,
        params.onlyUngrouped ? isNull(knelpuntSignal.knelpuntId) : undefined,
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

export function findKnelpuntenByIds(db: Db, ids: readonly string[]): Promise<KnelpuntRow[]> {
  return db.select().from(knelpunt).where(anyUuid(knelpunt.id, ids));
}

export function findKnelpuntenByOverlegtafelIds(db: Db, ids: readonly string[]): Promise<KnelpuntRow[]> {
  return db
    .select()
    .from(knelpunt)
    .where(anyUuid(knelpunt.overlegtafelId, ids))
    .orderBy(desc(knelpunt.createdAt), desc(knelpunt.id));
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
  return db
    .select()
    .from(meeting)
    .where(anyUuid(meeting.overlegtafelId, ids))
    .orderBy(desc(meeting.heldOn), desc(meeting.id));
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
const scopeColumn = (kind: ScopeKind) => (kind === 'REGION' ? signal.zorgkantoorregioCode : signal.gemeenteCode);

/**
 * Raw counts per scope × month × finest cell, for all scopes and the whole date range in one statement: the number of
 * statements does not depend on how many regions or periods are asked for.
 */
export async function findRawMonthCells(
  db: Db,
  params: { kind: ScopeKind; scopes: readonly string[]; from: string; before: string },
): Promise<RawMonthCell[]> {
  const scope = scopeColumn(params.kind);
  const result = await db.execute(sql`
    select ${scope} as scope, to_char(${signal.observedOn}, 'YYYY-MM') as month, ${signal.category} as category,
           ${signal.legalDomain} as legal_domain, ${signal.targetGroup} as target_group,
           count(*)::int as signals, sum(${signal.clientCount})::int as clients
    from ${signal}
    where ${anyText(scope, params.scopes)}
      and ${signal.observedOn} >= ${params.from}::date and ${signal.observedOn} < ${params.before}::date
    group by 1, 2, 3, 4, 5`);
  return rowsOf<{ scope: string; month: string; category: string; legal_domain: string | null; target_group: string | null; signals: number; clients: number }>(
    result,
  ).map((r) => ({
    scope: r.scope,
    month: r.month,
    category: r.category,
    legalDomain: r.legal_domain,
    targetGroup: r.target_group,
    signals: Number(r.signals),
    clients: Number(r.clients),
  }));
}

/** Median wait per scope and period (MONTH: YYYY-MM, QUARTER: YYYY-"Q"Q), with the number of signals giving one. */
export async function findMedianWaitDays(
  db: Db,
  params: { kind: ScopeKind; scopes: readonly string[]; from: string; before: string; granularity: 'MONTH' | 'QUARTER' },
): Promise<{ scope: string; period: string; median: number; n: number }[]> {
  const scope = scopeColumn(params.kind);
  const format = params.granularity === 'MONTH' ? 'YYYY-MM' : 'YYYY-"Q"Q';
  const result = await db.execute(sql`
    select ${scope} as scope, to_char(${signal.observedOn}, ${format}) as period,
           percentile_cont(0.5) within group (order by ${signal.waitDays})::float8 as median, count(*)::int as n
    from ${signal}
    where ${anyText(scope, params.scopes)} and ${signal.waitDays} is not null
      and ${signal.observedOn} >= ${params.from}::date and ${signal.observedOn} < ${params.before}::date
    group by 1, 2`);
  return rowsOf<{ scope: string; period: string; median: number; n: number }>(result).map((r) => ({
    scope: r.scope,
    period: r.period,
    median: Number(r.median),
    n: Number(r.n),
  }));
}

export interface NoCapacityRow {
  scope: string;
  month: string;
  legalDomain: string | null;
  targetGroup: string | null;
  serviceId: string | null;
  organizationId: string | null;
  signals: number;
}

/** NO_CAPACITY signals naming a service or organisation, per scope × month × cell; one statement. */
export async function findNoCapacityCounts(
  db: Db,
  params: { kind: ScopeKind; scopes: readonly string[]; from: string; before: string },
): Promise<NoCapacityRow[]> {
  const scope = scopeColumn(params.kind);
  const result = await db.execute(sql`
    select ${scope} as scope, to_char(${signal.observedOn}, 'YYYY-MM') as month, ${signal.legalDomain} as legal_domain,
           ${signal.targetGroup} as target_group, ${signal.serviceId}::text as service_id,
           ${signal.organizationId}::text as organization_id, count(*)::int as signals
    from ${signal}
    where ${anyText(scope, params.scopes)} and ${signal.category} = 'NO_CAPACITY'
      and (${signal.serviceId} is not null or ${signal.organizationId} is not null)
      and ${signal.observedOn} >= ${params.from}::date and ${signal.observedOn} < ${params.before}::date
    group by 1, 2, 3, 4, 5, 6`);
  return rowsOf<{
    scope: string;
    month: string;
    legal_domain: string | null;
    target_group: string | null;
    service_id: string | null;
    organization_id: string | null;
    signals: number;
  }>(result).map((r) => ({
    scope: r.scope,
    month: r.month,
    legalDomain: r.legal_domain,
    targetGroup: r.target_group,
    serviceId: r.service_id,
    organizationId: r.organization_id,
    signals: Number(r.signals),
  }));
}
