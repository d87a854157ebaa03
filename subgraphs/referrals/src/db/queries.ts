import { and, asc, desc, eq, gte, lt, type Placeholder, sql, type SQL } from 'drizzle-orm';
import { anyText, anyUuid, builtOnce, type Db } from '@hub/db';
import type { CursorPosition } from '@hub/service-kit';
import { LIGHT_HANDOVER_KIND } from '../transitions.ts';
import { type outbox, referral, referralEvent, webhookAttempt, webhookDelivery, webhookEndpoint } from './schema.ts';

/** Reads: plain functions (db, params) -> rows. Changes are in writes.ts, the outbox and the relay's SQL in outbox.ts. */

export type ReferralRow = typeof referral.$inferSelect;
export type NewReferral = typeof referral.$inferInsert;
export type TimelineRow = typeof referralEvent.$inferSelect;
export type NewTimelineRow = typeof referralEvent.$inferInsert;
export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = typeof outbox.$inferInsert;
export type WebhookEndpointRow = typeof webhookEndpoint.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDelivery.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempt.$inferSelect;

export function findReferralsByIds(db: Db, ids: readonly string[]): Promise<ReferralRow[]> {
  return db.select().from(referral).where(anyUuid(referral.id, ids));
}

/** One client's referrals in these states, sent first (for the client's own view of handovers in progress). */
export function findReferralsOfClient(db: Db, clientId: string, statuses: readonly string[]): Promise<ReferralRow[]> {
  return db
    .select()
    .from(referral)
    .where(and(eq(referral.clientId, clientId), anyText(referral.status, statuses)))
    .orderBy(asc(referral.sentAt), asc(referral.id));
}

export function findTimelinesByReferralIds(db: Db, ids: readonly string[]): Promise<TimelineRow[]> {
  return db.select().from(referralEvent).where(anyUuid(referralEvent.referralId, ids)).orderBy(asc(referralEvent.occurredAt), asc(referralEvent.version));
}

export async function findReferralByIdempotencyKey(db: Db, organizationId: string, key: string): Promise<ReferralRow | null> {
  const [row] = await db
    .select()
    .from(referral)
    .where(and(eq(referral.fromOrganizationId, organizationId), eq(referral.idempotencyKey, key)));
  return row ?? null;
}

/** Sent, unfinished, unreleased referrals per trajectory (contract 5). */
export async function countBlockingByTrajectory(db: Db, trajectoryIds: readonly string[], openStatuses: readonly string[]) {
  return db
    .select({ trajectoryId: referral.sourceTrajectoryId, blocking: sql<number>`count(*)`.mapWith(Number) })
    .from(referral)
    .where(
      and(
        anyUuid(referral.sourceTrajectoryId, trajectoryIds),
        anyText(referral.status, openStatuses),
        sql`${referral.releasedAt} is null`,
        // A light handover keeps the sender involved and never blocks (blocksTrajectoryClose in transitions.ts).
        sql`${referral.kind} <> ${LIGHT_HANDOVER_KIND}`,
      ),
    )
    .groupBy(referral.sourceTrajectoryId);
}

/**
 * Who is a party to a referral, as SQL for the lists (partyOf in transitions.ts decides the same for one row): the
 * sending organisation always, the receiving organisation once the referral is sent.
 */
const sentBy = (organizationId: string | Placeholder) => sql`${referral.fromOrganizationId} = ${organizationId}::uuid`;
const receivedBy = (organizationId: string | Placeholder) => sql`${referral.toOrganizationId} = ${organizationId}::uuid and ${referral.status} <> 'DRAFT'`;

type SortField = 'SENT_AT' | 'RESPOND_BY' | 'UPDATED_AT';

/** The sort key as timestamptz; drafts have no sent date (creation counts) nor deadline (sorted last). */
function sortExpression(field: SortField): SQL {
  switch (field) {
    case 'SENT_AT':
      return sql`coalesce(${referral.sentAt}, ${referral.createdAt})`;
    case 'RESPOND_BY':
      return sql`coalesce(${referral.respondBy}::timestamptz, '9999-12-31T00:00:00Z'::timestamptz)`;
    case 'UPDATED_AT':
      return sql`${referral.updatedAt}`;
  }
}

export interface ReferralListParams {
  box: 'INBOX' | 'OUTBOX';
  organizationId: string;
  statuses?: string[] | undefined;
  kinds?: string[] | undefined;
  overdue?: boolean | undefined;
  today: string;
  clientId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  sort: SortField;
  descending: boolean;
  first: number;
  /** The sort key exactly as the database printed it, and the id: keyset paging without precision loss. */
  after?: CursorPosition | undefined;
}

/** One page of an inbox or outbox with keyset paging on (sort key, id); one statement whatever the page size. */
export async function listReferrals(db: Db, p: ReferralListParams): Promise<{ row: ReferralRow; sortKey: string }[]> {
  const key = sortExpression(p.sort);
  const overdueSql = sql`((${referral.status} = 'REQUESTED' and ${referral.respondBy} < ${p.today}::date)
    or (${referral.status} = 'ACCEPTED' and ${referral.startBy} < ${p.today}::date))`;
  const conditions: SQL[] = [p.box === 'INBOX' ? receivedBy(p.organizationId) : sentBy(p.organizationId)];
  if (p.statuses?.length) conditions.push(anyText(referral.status, p.statuses));
  if (p.kinds?.length) conditions.push(anyText(referral.kind, p.kinds));
  if (p.overdue === true) conditions.push(overdueSql);
  if (p.overdue === false) conditions.push(sql`not ${overdueSql}`);
  if (p.clientId) conditions.push(sql`${referral.clientId} = ${p.clientId}::uuid`);
  if (p.from) conditions.push(sql`coalesce(${referral.sentAt}, ${referral.createdAt}) >= ${p.from.toISOString()}::timestamptz`);
  if (p.to) conditions.push(sql`coalesce(${referral.sentAt}, ${referral.createdAt}) < ${p.to.toISOString()}::timestamptz`);
  if (p.after) {
    conditions.push(
      p.descending
        ? sql`(${key}, ${referral.id}) < (${p.after.key}::timestamptz, ${p.after.id}::uuid)`
        : sql`(${key}, ${referral.id}) > (${p.after.key}::timestamptz, ${p.after.id}::uuid)`,
    );
  }
  const rows = await db
    .select({ row: referral, sortKey: sql<string>`(${key})::text` })
    .from(referral)
    .where(and(...conditions))
    .orderBy(p.descending ? sql`${key} desc, ${referral.id} desc` : sql`${key} asc, ${referral.id} asc`)
    .limit(p.first + 1);
  return rows;
}

/** A row of a keyset list, with its sort key as the database printed it (exact to the microsecond, unlike a JS Date). */
export interface KeyedRow<T> {
  row: T;
  sortKey: string;
}

/**
 * A client's referrals that the organisation is a party to, newest first as the lists sort by default (sent, drafts
 * by creation), after `after` when given: at most `limit` per client. One statement for any number of clients: a
 * window per client over `= ANY`.
 */
export async function findReferralsByClientIds(
  db: Db,
  clientIds: readonly string[],
  organizationId: string,
  limit: number,
  after?: CursorPosition,
): Promise<KeyedRow<ReferralRow>[]> {
  const values = { clientIds: [...clientIds], organizationId, limit };
  if (after) return referralsByClientsAfterQuery(db).execute({ ...values, afterKey: after.key, afterId: after.id });
  return referralsByClientsQuery(db).execute(values);
}

/** The statement of findReferralsByClientIds, with or without a position to start after; built once per handle. */
function referralsByClientsStatement(db: Db, withAfter: boolean) {
  const key = sortExpression('SENT_AT');
  const organizationId = sql.placeholder('organizationId');
  const conditions = [
    sql`${referral.clientId} = any(${sql.placeholder('clientIds')}::uuid[])`,
    sql`((${sentBy(organizationId)}) or (${receivedBy(organizationId)}))`,
  ];
  if (withAfter) conditions.push(sql`(${key}, ${referral.id}) < (${sql.placeholder('afterKey')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`);
  const ranked = db
    .select({
      id: referral.id,
      rank: sql<number>`row_number() over (partition by ${referral.clientId} order by ${key} desc, ${referral.id} desc)`.as('rank'),
    })
    .from(referral)
    .where(and(...conditions))
    .as('ranked');
  return db
    .select({ row: referral, sortKey: sql<string>`(${key})::text` })
    .from(referral)
    .innerJoin(ranked, eq(ranked.id, referral.id))
    .where(sql`${ranked.rank} <= ${sql.placeholder('limit')}`)
    .orderBy(sql`${key} desc, ${referral.id} desc`)
    .prepare(withAfter ? 'referrals_by_clients_after' : 'referrals_by_clients');
}
const referralsByClientsQuery = builtOnce((db) => referralsByClientsStatement(db, false));
const referralsByClientsAfterQuery = builtOnce((db) => referralsByClientsStatement(db, true));

/** The organisation's active webhook endpoints in the order they were registered, after `after`: at most `limit`. */
export function findEndpointsByOrganization(db: Db, organizationId: string, limit: number, after?: CursorPosition): Promise<KeyedRow<WebhookEndpointRow>[]> {
  const conditions = [eq(webhookEndpoint.organizationId, organizationId), eq(webhookEndpoint.active, true)];
  if (after) conditions.push(sql`(${webhookEndpoint.createdAt}, ${webhookEndpoint.id}) > (${after.key}::timestamptz, ${after.id}::uuid)`);
  return db
    .select({ row: webhookEndpoint, sortKey: sql<string>`${webhookEndpoint.createdAt}::text` })
    .from(webhookEndpoint)
    .where(and(...conditions))
    .orderBy(asc(webhookEndpoint.createdAt), asc(webhookEndpoint.id))
    .limit(limit);
}

/** Each endpoint's deliveries, newest first, after `after` when given: at most `limit` per endpoint, in one statement. */
export function findDeliveriesByEndpointIds(
  db: Db,
  endpointIds: readonly string[],
  limit: number,
  after?: CursorPosition,
): Promise<KeyedRow<WebhookDeliveryRow>[]> {
  const older = after ? sql`and (d.created_at, d.id) < (${after.key}::timestamptz, ${after.id}::uuid)` : sql``;
  return db
    .select({ row: webhookDelivery, sortKey: sql<string>`${webhookDelivery.createdAt}::text` })
    .from(webhookDelivery)
    .where(
      and(
        anyUuid(webhookDelivery.endpointId, endpointIds),
        sql`${webhookDelivery.id} in (select d.id from ${webhookDelivery} d where d.endpoint_id = ${webhookDelivery.endpointId} ${older}
          order by d.created_at desc, d.id desc limit ${limit})`,
      ),
    )
    .orderBy(desc(webhookDelivery.createdAt), desc(webhookDelivery.id));
}

export async function findDeliveryWithEndpoint(db: Db, id: string) {
  const [row] = await db
    .select({ delivery: webhookDelivery, organizationId: webhookEndpoint.organizationId, active: webhookEndpoint.active })
    .from(webhookDelivery)
    .innerJoin(webhookEndpoint, eq(webhookEndpoint.id, webhookDelivery.endpointId))
    .where(eq(webhookDelivery.id, id));
  return row ?? null;
}

export function findAttemptsByDeliveryIds(db: Db, ids: readonly string[]): Promise<WebhookAttemptRow[]> {
  return db.select().from(webhookAttempt).where(anyUuid(webhookAttempt.deliveryId, ids)).orderBy(asc(webhookAttempt.number));
}

/** What the referral figures count: one row per referral the organisation sent or received that moved in the range. */
export interface FigureRow {
  fromOrganizationId: string;
  toOrganizationId: string;
  sentAt: Date | null;
  status: string;
  statusChangedAt: Date;
  rejectionReason: string | null;
  independenceFlag: boolean;
}

/** An organisation's referrals sent, or rejected, in [from, to): one statement for the whole report. */
export function findFigureRows(db: Db, organizationId: string, from: Date, to: Date): Promise<FigureRow[]> {
  // Through the column's own mapping (gte/lt), so a Date is sent as a timestamp on both drivers.
  const inRange = (column: typeof referral.sentAt | typeof referral.statusChangedAt) => and(gte(column, from), lt(column, to));
  return db
    .select({
      fromOrganizationId: referral.fromOrganizationId,
      toOrganizationId: referral.toOrganizationId,
      sentAt: referral.sentAt,
      status: referral.status,
      statusChangedAt: referral.statusChangedAt,
      rejectionReason: referral.rejectionReason,
      independenceFlag: referral.independenceFlag,
    })
    .from(referral)
    .where(
      and(
        sql`(${referral.fromOrganizationId} = ${organizationId} or ${referral.toOrganizationId} = ${organizationId})`,
        sql`(${inRange(referral.sentAt)} or (${eq(referral.status, 'REJECTED')} and ${inRange(referral.statusChangedAt)}))`,
      ),
    );
}
