import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { NotificationAudience, NotificationItemType, NotificationKind } from '@hub/contracts';

/** Every table of this subgraph lives in its own Postgres schema. */
export const notifications = pgSchema('notifications');

/**
 * A professional known to the notifications: recorded (and refreshed) when they use the hub with a professional
 * token. Name and e-mail address come from the sign-in's claims; no client data is kept here.
 */
export const recipient = notifications.table(
  'recipient',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id').notNull(),
    subject: text('subject').notNull(),
    name: text('name'),
    email: text('email'),
    roles: text('roles').array().notNull(),
    coordinator: boolean('coordinator').notNull().default(false),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('recipient_org_subject_uq').on(t.organizationId, t.subject)],
);

/** Every event received from a producer, once (idempotent on its id). */
export const event = notifications.table(
  'event',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    itemType: text('item_type').$type<NotificationItemType>().notNull(),
    itemId: uuid('item_id').notNull(),
    audience: jsonb('audience').$type<NotificationAudience>().notNull(),
    actorOrganizationId: uuid('actor_organization_id'),
    dueDate: date('due_date', { mode: 'string' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** Set once the event was fanned out to its recipients (in-app notifications and e-mails). */
    fannedOutAt: timestamp('fanned_out_at', { withTimezone: true }),
  },
  (t) => [index('event_pending_idx').on(t.receivedAt).where(sql`${t.fannedOutAt} is null`)],
);

/** One notification of one event for one recipient: never two (unique on event and recipient). */
export const notification = notifications.table(
  'notification',
  {
    id: uuid('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipient.id),
    kind: text('kind').$type<NotificationKind>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** How this notification reaches the recipient by e-mail, decided from their preferences when it was made. */
    emailMode: text('email_mode').$type<'IMMEDIATE' | 'DAILY_DIGEST' | 'OFF'>().notNull(),
    /** The daily digest that counted it (DAILY_DIGEST); null until that digest is made. */
    digestMessageId: uuid('digest_message_id'),
  },
  (t) => [
    uniqueIndex('notification_event_recipient_uq').on(t.eventId, t.recipientId),
    index('notification_recipient_idx').on(t.recipientId, t.occurredAt, t.id),
    index('notification_unread_idx').on(t.recipientId).where(sql`${t.readAt} is null`),
    index('notification_digest_due_idx').on(t.recipientId).where(sql`${t.emailMode} = 'DAILY_DIGEST' and ${t.digestMessageId} is null`),
  ],
);

/** A person's choice for one kind; absent means the organisation's default. */
export const preference = notifications.table(
  'preference',
  {
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipient.id),
    kind: text('kind').$type<NotificationKind>().notNull(),
    email: text('email').$type<'IMMEDIATE' | 'DAILY_DIGEST' | 'OFF'>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('preference_recipient_kind_uq').on(t.recipientId, t.kind)],
);

/** An organisation's default for one kind; absent means IMMEDIATE. */
export const organizationDefault = notifications.table(
  'organization_default',
  {
    organizationId: uuid('organization_id').notNull(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    email: text('email').$type<'IMMEDIATE' | 'DAILY_DIGEST' | 'OFF'>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('organization_default_org_kind_uq').on(t.organizationId, t.kind)],
);

/**
 * An e-mail to send: one per notification sent at once (IMMEDIATE), one per recipient and day (DAILY_DIGEST), one per
 * single-use link. Delivered at least once with backoff; never twice for the same event to the same person (unique
 * keys), and a message marked SENT is not sent again.
 */
export const emailMessage = notifications.table(
  'email_message',
  {
    id: uuid('id').primaryKey(),
    /** IMMEDIATE (one notification), DIGEST (a day's notifications) or LINK (a single-use link). */
    type: text('type').$type<'IMMEDIATE' | 'DIGEST' | 'LINK'>().notNull(),
    recipientId: uuid('recipient_id').references(() => recipient.id),
    /** LINK messages go to an organisation's registered address, fetched when sending (never stored here). */
    organizationId: uuid('organization_id'),
    notificationId: uuid('notification_id').references(() => notification.id),
    digestDate: date('digest_date', { mode: 'string' }),
    lightLinkId: uuid('light_link_id'),
    status: text('status').$type<'PENDING' | 'SENT' | 'FAILED'>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('email_message_notification_uq').on(t.notificationId),
    uniqueIndex('email_message_digest_uq').on(t.recipientId, t.digestDate),
    uniqueIndex('email_message_link_uq').on(t.lightLinkId),
    index('email_message_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'PENDING'`),
  ],
);

/**
 * A single-use link for an organisation without accounts: bound to one action on one item, stored only as the
 * SHA-256 of its random token, expiring, revocable by the organisation that caused it.
 */
export const lightLink = notifications.table(
  'light_link',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    action: text('action').$type<'ANSWER_HANDOVER' | 'UPDATE_CAPACITY'>().notNull(),
    itemId: uuid('item_id').notNull(),
    recipientOrganizationId: uuid('recipient_organization_id').notNull(),
    /** The organisation that may revoke it: the referral's sender, or the gemeente whose BEHEERDER sent a capacity link. */
    issuerOrganizationId: uuid('issuer_organization_id').notNull(),
    eventId: uuid('event_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('light_link_token_hash_uq').on(t.tokenHash),
    uniqueIndex('light_link_event_uq').on(t.eventId),
    index('light_link_item_idx').on(t.itemId),
    check('light_link_action_ck', sql`${t.action} in ('ANSWER_HANDOVER', 'UPDATE_CAPACITY')`),
  ],
);
