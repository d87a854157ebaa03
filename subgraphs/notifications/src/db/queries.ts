import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { NotificationItemType, NotificationKind } from '@hub/contracts';
import { anyUuid, rowsOf, type Db } from '@hub/db';
import { emailMessage, event, notification, organizationDefault, preference, recipient } from './schema.ts';

export type EmailMode = 'IMMEDIATE' | 'DAILY_DIGEST' | 'OFF';
export type RecipientRow = typeof recipient.$inferSelect;
export type NewRecipient = typeof recipient.$inferInsert;
export type NewEvent = typeof event.$inferInsert;
export type NewNotification = typeof notification.$inferInsert;
export type NewEmailMessage = typeof emailMessage.$inferInsert;

const iso = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/* ---------------------------------------------------------------- recipients */

/** Records a professional (or refreshes their claims and lastSeenAt); the row as it is now. */
export async function upsertRecipient(db: Db, row: NewRecipient): Promise<RecipientRow> {
  const [saved] = await db
    .insert(recipient)
    .values(row)
    .onConflictDoUpdate({
      target: [recipient.organizationId, recipient.subject],
      set: { name: row.name, email: row.email, roles: row.roles, lastSeenAt: row.lastSeenAt },
    })
    .returning();
  if (!saved) throw new Error('upsert returned no row');
  return saved;
}

export async function findRecipient(db: Db, organizationId: string, subject: string): Promise<RecipientRow | null> {
  const [row] = await db
    .select()
    .from(recipient)
    .where(and(eq(recipient.organizationId, organizationId), eq(recipient.subject, subject)));
  return row ?? null;
}

/** Every recipient of these organisations: the candidates of a fan-out, narrowed in code. */
export function findRecipientsOfOrganizations(db: Db, organizationIds: readonly string[]): Promise<RecipientRow[]> {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db.select().from(recipient).where(anyUuid(recipient.organizationId, organizationIds));
}

/** One page of an organisation's recipients by name (then id), after the cursor's (name, id). */
export function findRecipientsPage(db: Db, organizationId: string, after: { key: string; id: string } | null, limit: number) {
  const name = sql<string>`coalesce(${recipient.name}, '')`;
  return db
    .select({ row: recipient, key: name })
    .from(recipient)
    .where(and(eq(recipient.organizationId, organizationId), after ? sql`(${name}, ${recipient.id}) > (${after.key}, ${after.id}::uuid)` : undefined))
    .orderBy(asc(name), asc(recipient.id))
    .limit(limit);
}

export async function countRecipients(db: Db, organizationId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(recipient).where(eq(recipient.organizationId, organizationId));
  return row?.n ?? 0;
}

export async function setCoordinator(db: Db, organizationId: string, recipientId: string, coordinator: boolean): Promise<RecipientRow | null> {
  const [row] = await db
    .update(recipient)
    .set({ coordinator })
    .where(and(eq(recipient.id, recipientId), eq(recipient.organizationId, organizationId)))
    .returning();
  return row ?? null;
}

/* ---------------------------------------------------------------- preferences */

export function findPreferencesOf(db: Db, recipientIds: readonly string[]) {
  if (recipientIds.length === 0) return Promise.resolve([]);
  return db.select().from(preference).where(anyUuid(preference.recipientId, recipientIds));
}

export function findDefaultsOf(db: Db, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db.select().from(organizationDefault).where(anyUuid(organizationDefault.organizationId, organizationIds));
}

export async function savePreference(db: Db, recipientId: string, kind: NotificationKind, email: EmailMode | null, now: Date): Promise<void> {
  if (email === null) {
    await db.delete(preference).where(and(eq(preference.recipientId, recipientId), eq(preference.kind, kind)));
    return;
  }
  await db
    .insert(preference)
    .values({ recipientId, kind, email, updatedAt: now })
    .onConflictDoUpdate({ target: [preference.recipientId, preference.kind], set: { email, updatedAt: now } });
}

export async function saveDefault(db: Db, organizationId: string, kind: NotificationKind, email: EmailMode | null, now: Date): Promise<void> {
  if (email === null) {
    await db.delete(organizationDefault).where(and(eq(organizationDefault.organizationId, organizationId), eq(organizationDefault.kind, kind)));
    return;
  }
  await db
    .insert(organizationDefault)
    .values({ organizationId, kind, email, updatedAt: now })
    .onConflictDoUpdate({ target: [organizationDefault.organizationId, organizationDefault.kind], set: { email, updatedAt: now } });
}

/* ---------------------------------------------------------------- events and notifications */

/** Stores the events not seen before; the ids of those it stored (a redelivered id is skipped). */
export async function insertNewEvents(db: Db, rows: NewEvent[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const stored = await db.insert(event).values(rows).onConflictDoNothing({ target: event.id }).returning({ id: event.id });
  return new Set(stored.map((r) => r.id));
}

export async function markEventsFannedOut(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(event).set({ fannedOutAt: now }).where(anyUuid(event.id, ids));
}

/** Rows per insert statement: a delivery of 1000 events to many people stays far below Postgres' 65,535 parameters. */
const ROWS_PER_INSERT = 2000;
const chunks = <T>(rows: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(rows.length / ROWS_PER_INSERT) }, (_v, i) => rows.slice(i * ROWS_PER_INSERT, (i + 1) * ROWS_PER_INSERT));

export async function insertNotifications(db: Db, rows: NewNotification[]) {
  const made: { id: string; recipientId: string; emailMode: EmailMode }[] = [];
  for (const part of chunks(rows)) {
    made.push(
      ...(await db
        .insert(notification)
        .values(part)
        .onConflictDoNothing({ target: [notification.eventId, notification.recipientId] })
        .returning({ id: notification.id, recipientId: notification.recipientId, emailMode: notification.emailMode })),
    );
  }
  return made;
}

export async function insertEmailMessages(db: Db, rows: NewEmailMessage[]): Promise<number> {
  let inserted = 0;
  for (const part of chunks(rows)) inserted += (await db.insert(emailMessage).values(part).onConflictDoNothing().returning({ id: emailMessage.id })).length;
  return inserted;
}

/** What the notification centre shows of one notification: the event's item, never anything about a client. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  occurredAt: Date;
  itemType: NotificationItemType;
  itemId: string;
  dueDate: string | null;
  readAt: Date | null;
  /** occurred_at as Postgres prints it: the keyset cursor's key. */
  key: string;
}

/** One page of a recipient's notifications, newest first, after the cursor's (occurredAt, id). */
export function findNotificationsPage(
  db: Db,
  recipientId: string,
  options: { unreadOnly: boolean; after: { key: string; id: string } | null; limit: number },
): Promise<NotificationView[]> {
  const { unreadOnly, after, limit } = options;
  return db
    .select({
      id: notification.id,
      kind: notification.kind,
      occurredAt: notification.occurredAt,
      itemType: event.itemType,
      itemId: event.itemId,
      dueDate: event.dueDate,
      readAt: notification.readAt,
      key: sql<string>`${notification.occurredAt}::text`,
    })
    .from(notification)
    .innerJoin(event, eq(event.id, notification.eventId))
    .where(
      and(
        eq(notification.recipientId, recipientId),
        unreadOnly ? isNull(notification.readAt) : undefined,
        after ? sql`(${notification.occurredAt}, ${notification.id}) < (${after.key}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(notification.occurredAt), desc(notification.id))
    .limit(limit);
}

/** How many notifications the recipient has, and how many of them are unread (one statement). */
export async function countNotifications(db: Db, recipientId: string): Promise<{ total: number; unread: number }> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int`, unread: sql<number>`(count(*) filter (where ${notification.readAt} is null))::int` })
    .from(notification)
    .where(eq(notification.recipientId, recipientId));
  return { total: row?.total ?? 0, unread: row?.unread ?? 0 };
}

/** Marks the recipient's own unread notifications read (these ids, or all); how many changed. Others' ids match nothing. */
export async function markRead(db: Db, recipientId: string, ids: readonly string[] | 'ALL', now: Date): Promise<number> {
  const changed = await db
    .update(notification)
    .set({ readAt: now })
    .where(and(eq(notification.recipientId, recipientId), isNull(notification.readAt), ids === 'ALL' ? undefined : anyUuid(notification.id, ids)))
    .returning({ id: notification.id });
  return changed.length;
}

/* ---------------------------------------------------------------- e-mail */

/**
 * Makes the day's digest for every recipient with uncounted DAILY_DIGEST notifications (and an address): one DIGEST
 * message per recipient and day (unique), and the notifications it counts point at it, in one statement. A recipient
 * whose digest of the day exists keeps the later ones for the next day's.
 */
export async function createDigests(db: Db, digestDate: string, now: Date): Promise<number> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with due as (
        select distinct n.recipient_id from ${notification} n join ${recipient} r on r.id = n.recipient_id
        where n.email_mode = 'DAILY_DIGEST' and n.digest_message_id is null and n.created_at <= ${iso(now)} and r.email is not null
      ), made as (
        insert into ${emailMessage} (id, type, recipient_id, digest_date, status, attempts, next_attempt_at, created_at)
        select gen_random_uuid(), 'DIGEST', recipient_id, ${digestDate}::date, 'PENDING', 0, ${iso(now)}, ${iso(now)} from due
        on conflict (recipient_id, digest_date) do nothing
        returning id, recipient_id
      ), counted as (
        update ${notification} n set digest_message_id = made.id from made
        where n.recipient_id = made.recipient_id and n.email_mode = 'DAILY_DIGEST' and n.digest_message_id is null and n.created_at <= ${iso(now)}
        returning n.id
      )
      select id from made`),
  );
  return rows.length;
}

export interface ClaimedMessage {
  id: string;
  type: 'IMMEDIATE' | 'DIGEST' | 'LINK';
  recipient_id: string | null;
  notification_id: string | null;
  light_link_id: string | null;
  attempts: number;
}

/**
 * Claims due PENDING messages: locked rows of another process are skipped, and the claim moves next_attempt_at to
 * the lease's end, so a process that dies mid-send leaves them to be sent again after the lease.
 */
export async function claimDueMessages(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessage[]> {
  return rowsOf<ClaimedMessage>(
    await db.execute(sql`update ${emailMessage} m set next_attempt_at = ${iso(leaseUntil)}
      where m.id in (
        select id from ${emailMessage} where status = 'PENDING' and next_attempt_at <= ${iso(now)}
        order by next_attempt_at, id limit ${limit} for update skip locked
      )
      returning m.id, m.type, m.recipient_id, m.notification_id, m.light_link_id, m.attempts`),
  );
}

/** The address and the notification's kind and item of IMMEDIATE messages. */
export function findImmediateContents(db: Db, messageIds: readonly string[]) {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db
    .select({ messageId: emailMessage.id, email: recipient.email, kind: notification.kind, itemType: event.itemType, itemId: event.itemId })
    .from(emailMessage)
    .innerJoin(recipient, eq(recipient.id, emailMessage.recipientId))
    .innerJoin(notification, eq(notification.id, emailMessage.notificationId))
    .innerJoin(event, eq(event.id, notification.eventId))
    .where(anyUuid(emailMessage.id, messageIds));
}

/** Per DIGEST message: the address and how many notifications of each kind it counts. */
export function findDigestContents(db: Db, messageIds: readonly string[]) {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db
    .select({ messageId: emailMessage.id, email: recipient.email, kind: notification.kind, n: sql<number>`count(*)::int` })
    .from(emailMessage)
    .innerJoin(recipient, eq(recipient.id, emailMessage.recipientId))
    .innerJoin(notification, eq(notification.digestMessageId, emailMessage.id))
    .where(anyUuid(emailMessage.id, messageIds))
    .groupBy(emailMessage.id, recipient.email, notification.kind);
}

/**
 * The outcome of one send, on a message still PENDING only: a late outcome for a message another process claimed after
 * this one's lease and has since sent (or given up) never makes it PENDING again, so it is not sent once more.
 */
export async function markMessageSent(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(emailMessage)
    .set({ status: 'SENT', sentAt: now, attempts: sql`${emailMessage.attempts} + 1`, lastError: null })
    .where(and(eq(emailMessage.id, id), eq(emailMessage.status, 'PENDING')));
}

export async function markMessageFailed(db: Db, id: string, outcome: { giveUp: boolean; nextAttemptAt: Date; error: string }): Promise<void> {
  await db
    .update(emailMessage)
    .set({
      status: outcome.giveUp ? 'FAILED' : 'PENDING',
      attempts: sql`${emailMessage.attempts} + 1`,
      nextAttemptAt: outcome.nextAttemptAt,
      lastError: outcome.error,
    })
    .where(and(eq(emailMessage.id, id), eq(emailMessage.status, 'PENDING')));
}
