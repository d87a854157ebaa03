import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { anyText, anyUuid, type Db } from '@hub/db';
import { outbox, referral, referralEvent, webhookAttempt, webhookDelivery, webhookEndpoint } from './schema.ts';

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

/** Inserts unless the sending organisation already used the idempotency key; null then (the first one wins). */
export async function insertReferralOnce(db: Db, row: NewReferral): Promise<ReferralRow | null> {
  const [created] = await db
    .insert(referral)
    .values(row)
    .onConflictDoNothing({ target: [referral.fromOrganizationId, referral.idempotencyKey] })
    .returning();
  return created ?? null;
}

/** The optimistic lock: changes only when the version still matches, so of two concurrent changes one wins. */
export async function updateReferralIfVersion(db: Db, id: string, expectedVersion: number, changes: Partial<NewReferral>): Promise<ReferralRow | null> {
  const [updated] = await db
    .update(referral)
    .set({ ...changes, version: sql`${referral.version} + 1`, updatedAt: new Date() })
    .where(and(eq(referral.id, id), eq(referral.version, expectedVersion)))
    .returning();
  return updated ?? null;
}

export async function insertTimelineEvent(db: Db, row: NewTimelineRow): Promise<void> {
  await db.insert(referralEvent).values(row);
}

/** Many timeline events in one statement (the overdue sweep flags a batch at once). */
export async function insertTimelineEvents(db: Db, rows: NewTimelineRow[]): Promise<void> {
  if (rows.length) await db.insert(referralEvent).values(rows);
}

export async function insertOutbox(db: Db, rows: NewOutboxRow[]): Promise<void> {
  if (rows.length) await db.insert(outbox).values(rows);
}

/** Sent, unfinished, unreleased referrals per trajectory (contract 5). */
export async function countBlockingByTrajectory(db: Db, trajectoryIds: readonly string[], openStatuses: readonly string[]) {
  return db
    .select({ trajectoryId: referral.sourceTrajectoryId, blocking: sql<number>`count(*)`.mapWith(Number) })
    .from(referral)
    .where(and(anyUuid(referral.sourceTrajectoryId, trajectoryIds), anyText(referral.status, openStatuses), sql`${referral.releasedAt} is null`))
    .groupBy(referral.sourceTrajectoryId);
}

/**
 * Who is a party to a referral, as SQL for the lists (partyOf in transitions.ts decides the same for one row): the
 * sending organisation always, the receiving organisation once the referral is sent.
 */
const sentBy = (organizationId: string) => sql`${referral.fromOrganizationId} = ${organizationId}::uuid`;
const receivedBy = (organizationId: string) => sql`${referral.toOrganizationId} = ${organizationId}::uuid and ${referral.status} <> 'DRAFT'`;

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
  after?: { key: string; id: string } | undefined;
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

/**
 * The newest `first` referrals of each client that the organisation is a party to, newest first as the lists sort
 * by default (sent, drafts by creation). One statement for any number of clients: a window per client over `= ANY`.
 */
export async function findReferralsByClientIds(db: Db, clientIds: readonly string[], organizationId: string, first: number): Promise<ReferralRow[]> {
  const key = sortExpression('SENT_AT');
  const ranked = db
    .select({
      id: referral.id,
      rank: sql<number>`row_number() over (partition by ${referral.clientId} order by ${key} desc, ${referral.id} desc)`.as('rank'),
    })
    .from(referral)
    .where(and(anyUuid(referral.clientId, clientIds), sql`((${sentBy(organizationId)}) or (${receivedBy(organizationId)}))`))
    .as('ranked');
  const rows = await db
    .select({ row: referral })
    .from(referral)
    .innerJoin(ranked, eq(ranked.id, referral.id))
    .where(sql`${ranked.rank} <= ${first}`)
    .orderBy(sql`${key} desc, ${referral.id} desc`);
  return rows.map((r) => r.row);
}

/** Polling: sequenced REFERRAL events for one organisation after a position, oldest first. */
export function listNotifications(db: Db, organizationId: string, afterPosition: number, first: number) {
  return db
    .select({ id: outbox.id, position: outbox.position, payload: outbox.payload })
    .from(outbox)
    .where(and(eq(outbox.topic, 'REFERRAL'), sql`${outbox.position} > ${afterPosition}`, sql`${organizationId}::uuid = any(${outbox.audience})`))
    .orderBy(asc(outbox.position))
    .limit(first + 1);
}

export function findEndpointsByOrganization(db: Db, organizationId: string): Promise<WebhookEndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoint)
    .where(and(eq(webhookEndpoint.organizationId, organizationId), eq(webhookEndpoint.active, true)))
    .orderBy(asc(webhookEndpoint.createdAt), asc(webhookEndpoint.id));
}

export async function insertEndpoint(db: Db, row: typeof webhookEndpoint.$inferInsert): Promise<WebhookEndpointRow> {
  const [created] = await db.insert(webhookEndpoint).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

/** Deactivates an endpoint and stops its pending deliveries; false when it is not the organisation's. */
export async function deactivateEndpoint(db: Db, id: string, organizationId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoint)
      .set({ active: false })
      .where(and(eq(webhookEndpoint.id, id), eq(webhookEndpoint.organizationId, organizationId), eq(webhookEndpoint.active, true)))
      .returning({ id: webhookEndpoint.id });
    if (!row) return false;
    await tx
      .update(webhookDelivery)
      .set({ status: 'FAILED' })
      .where(and(eq(webhookDelivery.endpointId, id), eq(webhookDelivery.status, 'PENDING')));
    return true;
  });
}

/** The most recent deliveries of each endpoint (at most `first` each), in one statement. */
export function findRecentDeliveries(db: Db, endpointIds: readonly string[], first: number): Promise<WebhookDeliveryRow[]> {
  return db
    .select()
    .from(webhookDelivery)
    .where(
      and(
        anyUuid(webhookDelivery.endpointId, endpointIds),
        sql`${webhookDelivery.id} in (select d.id from ${webhookDelivery} d where d.endpoint_id = ${webhookDelivery.endpointId}
          order by d.created_at desc, d.id desc limit ${first})`,
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

export async function scheduleRedelivery(db: Db, id: string, at: Date): Promise<WebhookDeliveryRow | null> {
  const [row] = await db.update(webhookDelivery).set({ status: 'PENDING', nextAttemptAt: at }).where(eq(webhookDelivery.id, id)).returning();
  return row ?? null;
}

export function findAttemptsByDeliveryIds(db: Db, ids: readonly string[]): Promise<WebhookAttemptRow[]> {
  return db.select().from(webhookAttempt).where(anyUuid(webhookAttempt.deliveryId, ids)).orderBy(asc(webhookAttempt.number));
}

/** Outbox rows of one topic (tests and operators: what is waiting for, or was delivered to, a peer). */
export function findOutboxByTopic(db: Db, topic: 'REFERRAL' | 'ACCESS_LOG' | 'GAP'): Promise<OutboxRow[]> {
  return db.select().from(outbox).where(eq(outbox.topic, topic)).orderBy(asc(outbox.seq));
}
