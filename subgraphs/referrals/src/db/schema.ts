import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CounsellorContact } from '@hub/contracts';
import type { OutboxPayload } from '../events.ts';

/** Every table of this subgraph lives in its own Postgres schema. */
export const referrals = pgSchema('referrals');

/** The structured handover summary (personal data; never leaves in events). */
export interface HandoverSummary {
  situation: string;
  question: string;
  whatWasDone: string;
  agreements: string;
  openActions: string;
  network: string;
  risks: string;
  clientWishes: string;
}

export const referral = referrals.table(
  'referral',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    urgency: text('urgency').notNull(),
    clientId: uuid('client_id').notNull(),
    sourceTrajectoryId: uuid('source_trajectory_id').notNull(),
    fromOrganizationId: uuid('from_organization_id').notNull(),
    fromUserId: text('from_user_id').notNull(),
    fromUserName: text('from_user_name'),
    toOrganizationId: uuid('to_organization_id').notNull(),
    toUserId: text('to_user_id'),
    toUserName: text('to_user_name'),
    serviceId: uuid('service_id'),
    /**
     * Set when an independent cliëntondersteuner (an OCO) refers to a service of its own organisation: a possible
     * conflict of interest, explained in the note (required then).
     */
    independenceFlag: boolean('independence_flag').notNull().default(false),
    independenceNote: text('independence_note'),
    supportForms: text('support_forms').array().notNull().default(sql`'{}'::text[]`),
    targetGroup: text('target_group'),
    lifeDomain: text('life_domain'),
    /** Snapshot of de-identified facts at sending (cases contracts 3 and 4), for gap events without a later call. */
    legalDomain: text('legal_domain'),
    wlzSector: text('wlz_sector'),
    gemeenteCode: text('gemeente_code'),
    zorgkantoorregioCode: text('zorgkantoorregio_code'),
    consentId: uuid('consent_id'),
    question: text('question').notNull(),
    handoverSummary: jsonb('handover_summary').$type<HandoverSummary>().notNull(),
    /**
     * The sender's cliëntondersteuner who stays on after the handover (vast gezicht): a snapshot of the source
     * trajectory's counsellor (work contact only) when the sender said so; null otherwise.
     */
    continuingCounsellor: jsonb('continuing_counsellor').$type<CounsellorContact>(),
    rejectionReason: text('rejection_reason'),
    rejectionNote: text('rejection_note'),
    expectedWaitDays: integer('expected_wait_days'),
    meetingPlannedAt: timestamp('meeting_planned_at', { withTimezone: true }),
    meetingParticipants: text('meeting_participants').array(),
    meetingHeldAt: timestamp('meeting_held_at', { withTimezone: true }),
    meetingOutcome: text('meeting_outcome'),
    meetingOutcomeNotes: text('meeting_outcome_notes'),
    regiehouder: text('regiehouder').notNull().default('SENDER'),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    respondBy: date('respond_by', { mode: 'string' }),
    startBy: date('start_by', { mode: 'string' }),
    /** Set once the relay has emitted the overdue gap event for the respond-by (or start-by) deadline. */
    respondOverdueAt: timestamp('respond_overdue_at', { withTimezone: true }),
    startOverdueAt: timestamp('start_overdue_at', { withTimezone: true }),
    /** Set once the relay told the receiver that the respond-by date is near (HANDOVER_DUE_SOON), so it is told once. */
    dueSoonNotifiedAt: timestamp('due_soon_notified_at', { withTimezone: true }),
    /** Set once the overdue referral was escalated to the receiver's coordinators (HANDOVER_ESCALATED): once per referral. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    idempotencyKey: text('idempotency_key').notNull(),
    /** SHA-256 of the create input, to refuse a reused idempotency key with different content. */
    requestHash: text('request_hash').notNull(),
    version: integer('version').notNull().default(1),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('referral_idempotency_idx').on(t.fromOrganizationId, t.idempotencyKey),
    index('referral_to_org_idx').on(t.toOrganizationId, t.status),
    index('referral_from_org_idx').on(t.fromOrganizationId, t.status),
    // Inbox and outbox pages in their default order (newest sent first): read in index order and stop at the page
    // size, instead of fetching and sorting every referral of a zorgkantoor (9,544 in ZK02 on the national data set).
    index('referral_inbox_order_idx').on(t.toOrganizationId, sql`(coalesce(${t.sentAt}, ${t.createdAt})) desc`, sql`${t.id} desc`),
    index('referral_outbox_order_idx').on(t.fromOrganizationId, sql`(coalesce(${t.sentAt}, ${t.createdAt})) desc`, sql`${t.id} desc`),
    index('referral_trajectory_idx').on(t.sourceTrajectoryId),
    index('referral_client_idx').on(t.clientId),
    // The relay's overdue sweep runs every round; these hold only referrals still waiting for their flag, so it
    // reads a handful of rows instead of every referral (108 ms per statement on the national data set).
    index('referral_respond_overdue_idx').on(t.respondBy).where(sql`${t.status} = 'REQUESTED' and ${t.respondOverdueAt} is null`),
    index('referral_start_overdue_idx').on(t.startBy).where(sql`${t.status} = 'ACCEPTED' and ${t.startOverdueAt} is null`),
    index('referral_due_soon_idx').on(t.respondBy).where(sql`${t.status} = 'REQUESTED' and ${t.dueSoonNotifiedAt} is null`),
  ],
);

/** The timeline: append-only (a trigger refuses UPDATE and DELETE). */
export const referralEvent = referrals.table(
  'referral_event',
  {
    id: uuid('id').primaryKey(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referral.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorUserId: text('actor_user_id'),
    actorUserName: text('actor_user_name'),
    actorOrganizationId: uuid('actor_organization_id'),
    reasonCode: text('reason_code'),
    note: text('note'),
    version: integer('version').notNull(),
  },
  (t) => [index('referral_event_referral_idx').on(t.referralId, t.occurredAt)],
);

/**
 * The transactional outbox, written in the same transaction as the change. Topics: REFERRAL (notifications for
 * polling and webhooks), ACCESS_LOG (NEN 7513 lines for the cases subgraph), GAP (gap events for the signals subgraph),
 * NOTIFICATION (notification events for people, for the notifications subgraph).
 */
export const outbox = referrals.table(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    topic: text('topic').notNull(),
    /** Polling order of REFERRAL events, assigned by the relay after commit (see docs/referrals.md). */
    position: bigint('position', { mode: 'number' }),
    /** Organisations that may see a REFERRAL event (sender; receiver once sent). */
    audience: uuid('audience').array().notNull().default(sql`'{}'::uuid[]`),
    payload: jsonb('payload').$type<OutboxPayload>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** For ACCESS_LOG, GAP and NOTIFICATION: when the peer accepted it. */
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('outbox_position_idx').on(t.position),
    index('outbox_pending_idx').on(t.topic, t.nextAttemptAt).where(sql`${t.deliveredAt} is null`),
    index('outbox_unsequenced_idx').on(t.seq).where(sql`${t.position} is null and ${t.topic} = 'REFERRAL'`),
  ],
);

export const webhookEndpoint = referrals.table(
  'webhook_endpoint',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id').notNull(),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_endpoint_org_idx').on(t.organizationId)],
);

export const webhookDelivery = referrals.table(
  'webhook_delivery',
  {
    id: uuid('id').primaryKey(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoint.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => outbox.id),
    status: text('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_delivery_endpoint_event_idx').on(t.endpointId, t.eventId),
    index('webhook_delivery_due_idx').on(t.status, t.nextAttemptAt),
    // An endpoint's delivery log a page at a time, newest first: read in index order and stop at the page.
    index('webhook_delivery_endpoint_order_idx').on(t.endpointId, sql`${t.createdAt} desc`, sql`${t.id} desc`),
  ],
);

/** The delivery log: one row per attempt. */
export const webhookAttempt = referrals.table(
  'webhook_attempt',
  {
    id: uuid('id').primaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDelivery.id),
    number: integer('number').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
    statusCode: integer('status_code'),
    accepted: boolean('accepted').notNull(),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempt_delivery_idx').on(t.deliveryId, t.number)],
);
