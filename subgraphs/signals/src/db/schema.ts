import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { NotificationEvent } from '@hub/contracts';
import { outboxColumns, outboxPendingIndex } from '@hub/db/outbox-table';
import type { FrozenQuarter } from '../cube.ts';
import type { ConsultationStatus } from '../consultation-states.ts';
import type { KnelpuntStatus } from '../knelpunt-states.ts';

/** Every table of this subgraph lives in its own Postgres schema. */
export const signals = pgSchema('signals');

/**
 * This subgraph's own copy of the CBS gemeente → zorgkantoorregio mapping, loaded at seed time from the
 * committed reference CSV (not from the sociale kaart's tables): aggregation per region needs it in SQL.
 */
export const gemeenteRegion = signals.table(
  'gemeente_region',
  {
    gemeenteCode: text('gemeente_code').primaryKey(),
    zorgkantoorregioCode: text('zorgkantoorregio_code').notNull(),
  },
  (t) => [index('gemeente_region_region_idx').on(t.zorgkantoorregioCode)],
);

/**
 * One signal on a gap in the care supply. Never carries a client's identity: a count of clients, codes, and a
 * description that passed the privacy guard.
 */
export const signal = signals.table(
  'signal',
  {
    id: uuid('id').primaryKey(),
    /** REPORTED (by a professional) or GAP_EVENT (derived from the referrals supply-gap feed). */
    source: text('source').notNull(),
    /** The referrals gap event this signal was derived from; unique, so a redelivery creates nothing. */
    gapEventId: uuid('gap_event_id'),
    gapKind: text('gap_kind'),
    gapReason: text('gap_reason'),
    reporterOrganizationId: uuid('reporter_organization_id'),
    reporterSubject: text('reporter_subject'),
    category: text('category').notNull(),
    targetGroup: text('target_group'),
    ageBand: text('age_band'),
    legalDomain: text('legal_domain'),
    wlzSector: text('wlz_sector'),
    lifeDomain: text('life_domain'),
    serviceId: uuid('service_id'),
    organizationId: uuid('organization_id'),
    gemeenteCode: text('gemeente_code'),
    /** Derived from the gemeente where one is given; null only for a gap event that named neither. */
    zorgkantoorregioCode: text('zorgkantoorregio_code'),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    waitDays: integer('wait_days'),
    clientCount: integer('client_count').notNull().default(1),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('signal_gap_event_idx').on(t.gapEventId),
    index('signal_region_observed_idx').on(t.zorgkantoorregioCode, t.observedOn),
    index('signal_gemeente_observed_idx').on(t.gemeenteCode, t.observedOn),
    index('signal_reporter_idx').on(t.reporterOrganizationId, t.createdAt),
    check('signal_client_count_positive', sql`${t.clientCount} >= 1`),
  ],
);

/** The regional overlegtafel: one per zorgkantoorregio. */
export const overlegtafel = signals.table('overlegtafel', {
  id: uuid('id').primaryKey(),
  zorgkantoorregioCode: text('zorgkantoorregio_code').notNull().unique(),
  name: text('name').notNull(),
  /**
   * The region's zorgkantoor takes part without being stored as a member; its organisation id is learnt from its token
   * the first time it acts at the table, so the hub can tell it when a knelpunt reopens.
   */
  zorgkantoorOrganizationId: uuid('zorgkantoor_organization_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const overlegtafelMember = signals.table(
  'overlegtafel_member',
  {
    overlegtafelId: uuid('overlegtafel_id')
      .notNull()
      .references(() => overlegtafel.id),
    organizationId: uuid('organization_id').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.overlegtafelId, t.organizationId] }), index('overlegtafel_member_org_idx').on(t.organizationId)],
);

export const meeting = signals.table(
  'meeting',
  {
    id: uuid('id').primaryKey(),
    overlegtafelId: uuid('overlegtafel_id')
      .notNull()
      .references(() => overlegtafel.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_overlegtafel_idx').on(t.overlegtafelId, t.heldOn)],
);

/** A theme (knelpunt) that groups signals; moves NEW → ON_AGENDA → ACTION → RESOLVED | NOT_RESOLVABLE. */
export const knelpunt = signals.table(
  'knelpunt',
  {
    id: uuid('id').primaryKey(),
    overlegtafelId: uuid('overlegtafel_id')
      .notNull()
      .references(() => overlegtafel.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').$type<KnelpuntStatus>().notNull().default('NEW'),
    meetingId: uuid('meeting_id').references(() => meeting.id),
    createdByOrganizationId: uuid('created_by_organization_id').notNull(),
    version: integer('version').notNull().default(1),
    /** The theme: signals of the region in these categories and target groups (empty: any) and legal domains (empty: any). */
    themeCategories: text('theme_categories').array().notNull().default(sql`'{}'::text[]`),
    themeTargetGroups: text('theme_target_groups').array().notNull().default(sql`'{}'::text[]`),
    themeLegalDomains: text('theme_legal_domains').array().notNull().default(sql`'{}'::text[]`),
    /** What solved it, given with the move to RESOLVED; kept (with its time) after an automatic reopening. */
    resolutionNote: text('resolution_note'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** Follow-up signals after the resolution that reopen it; null: the hub's default (SIGNALS_REOPEN_THRESHOLD). */
    reopenThreshold: integer('reopen_threshold'),
    /** Handed to zorginkoop: ASKED, then AGREED or REFUSED by the region's zorgkantoor. */
    zorginkoopStatus: text('zorginkoop_status'),
    zorginkoopQuestion: text('zorginkoop_question'),
    zorginkoopAskedOn: date('zorginkoop_asked_on', { mode: 'string' }),
    zorginkoopAskedByOrganizationId: uuid('zorginkoop_asked_by_organization_id'),
    zorginkoopOutcome: text('zorginkoop_outcome'),
    zorginkoopDecidedOn: date('zorginkoop_decided_on', { mode: 'string' }),
    zorginkoopDecidedByOrganizationId: uuid('zorginkoop_decided_by_organization_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('knelpunt_overlegtafel_status_idx').on(t.overlegtafelId, t.status),
    check('knelpunt_reopen_threshold_positive', sql`${t.reopenThreshold} is null or ${t.reopenThreshold} >= 1`),
    check('knelpunt_zorginkoop_status_known', sql`${t.zorginkoopStatus} is null or ${t.zorginkoopStatus} in ('ASKED', 'AGREED', 'REFUSED')`),
  ],
);

/**
 * Follow-up signals of a knelpunt: signals of its theme and region that arrived after its first action while it was in
 * ACTION or RESOLVED. Distinct from the grouped signals (knelpunt_signal): a signal may follow up several knelpunten.
 */
export const knelpuntFollowUp = signals.table(
  'knelpunt_follow_up',
  {
    signalId: uuid('signal_id')
      .notNull()
      .references(() => signal.id),
    knelpuntId: uuid('knelpunt_id')
      .notNull()
      .references(() => knelpunt.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.knelpuntId, t.signalId] }), index('knelpunt_follow_up_signal_idx').on(t.signalId)],
);

/** A signal belongs to at most one knelpunt (the unique signal id). */
export const knelpuntSignal = signals.table(
  'knelpunt_signal',
  {
    signalId: uuid('signal_id')
      .primaryKey()
      .references(() => signal.id),
    knelpuntId: uuid('knelpunt_id')
      .notNull()
      .references(() => knelpunt.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('knelpunt_signal_knelpunt_idx').on(t.knelpuntId)],
);

/** Every status change of a knelpunt, append-only. */
export const knelpuntTransition = signals.table(
  'knelpunt_transition',
  {
    id: uuid('id').primaryKey(),
    knelpuntId: uuid('knelpunt_id')
      .notNull()
      .references(() => knelpunt.id),
    fromStatus: text('from_status').$type<KnelpuntStatus>().notNull(),
    toStatus: text('to_status').$type<KnelpuntStatus>().notNull(),
    /** The member organisation that moved it; null for an automatic move by the hub (reopening). */
    byOrganizationId: uuid('by_organization_id'),
    /** Why the hub moved it (SIGNALS_RECURRED); null for a move by a member. */
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('knelpunt_transition_knelpunt_idx').on(t.knelpuntId, t.at),
    check('knelpunt_transition_by_or_reason', sql`(${t.byOrganizationId} is null) <> (${t.reason} is null)`),
  ],
);

export const decision = signals.table(
  'decision',
  {
    id: uuid('id').primaryKey(),
    knelpuntId: uuid('knelpunt_id')
      .notNull()
      .references(() => knelpunt.id),
    meetingId: uuid('meeting_id').references(() => meeting.id),
    text: text('text').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    byOrganizationId: uuid('by_organization_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('decision_knelpunt_idx').on(t.knelpuntId, t.createdAt)],
);

export const action = signals.table(
  'action',
  {
    id: uuid('id').primaryKey(),
    knelpuntId: uuid('knelpunt_id')
      .notNull()
      .references(() => knelpunt.id),
    description: text('description').notNull(),
    ownerOrganizationId: uuid('owner_organization_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('OPEN'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_knelpunt_idx').on(t.knelpuntId, t.dueOn), index('action_owner_idx').on(t.ownerOrganizationId)],
);

/** What the table tells the reporters of a knelpunt's signals: the learning loop. */
export const feedback = signals.table(
  'feedback',
  {
    id: uuid('id').primaryKey(),
    knelpuntId: uuid('knelpunt_id')
      .notNull()
      .references(() => knelpunt.id),
    text: text('text').notNull(),
    byOrganizationId: uuid('by_organization_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feedback_knelpunt_idx').on(t.knelpuntId, t.createdAt)],
);

/**
 * The published figures of one region and closed quarter (the region's quarter and month cubes, its gemeenten's
 * quarter cubes, medians and rankings), stored on first publication and never changed afterwards: a signal that
 * arrives later for a closed quarter cannot move a published number, so nobody learns anything from the difference.
 */
export const publishedQuarter = signals.table(
  'published_quarter',
  {
    zorgkantoorregioCode: text('zorgkantoorregio_code').notNull(),
    quarter: text('quarter').notNull(),
    figures: jsonb('figures').$type<FrozenQuarter>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.zorgkantoorregioCode, t.quarter] })],
);

/**
 * A consultation (collegiale consultatie): a professional asks another organisation's cliëntondersteuners for advice
 * on a situation without handing the client over. It names no client (there is no client column): the question and
 * the answer are free text that passed the privacy guard. Moves OPEN → ANSWERED → CLOSED, or OPEN → WITHDRAWN.
 */
export const consultation = signals.table(
  'consultation',
  {
    id: uuid('id').primaryKey(),
    fromOrganizationId: uuid('from_organization_id').notNull(),
    /** The professional who asked (the token's subject), for the asking organisation's own records. */
    askerSubject: text('asker_subject').notNull(),
    toOrganizationId: uuid('to_organization_id').notNull(),
    /** The addressee's type in the sociale kaart when the question was asked (OCO, GEMEENTE or ZORGKANTOOR). */
    toOrganizationType: text('to_organization_type').notNull(),
    question: text('question').notNull(),
    lifeDomains: text('life_domains').array().notNull().default(sql`'{}'::text[]`),
    targetGroup: text('target_group'),
    legalDomain: text('legal_domain'),
    status: text('status').$type<ConsultationStatus>().notNull().default('OPEN'),
    answer: text('answer'),
    answeredBySubject: text('answered_by_subject'),
    version: integer('version').notNull().default(1),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** When the asker closed (after the answer) or withdrew (before it) the consultation. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('consultation_inbox_idx').on(t.toOrganizationId, t.askedAt, t.id),
    index('consultation_outbox_idx').on(t.fromOrganizationId, t.askedAt, t.id),
    index('consultation_answered_idx').on(t.toOrganizationId, t.answeredAt),
    check('consultation_status_known', sql`${t.status} in ('OPEN', 'ANSWERED', 'CLOSED', 'WITHDRAWN')`),
    check('consultation_answer_with_time', sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
    check('consultation_not_to_itself', sql`${t.fromOrganizationId} <> ${t.toOrganizationId}`),
  ],
);

/**
 * The transactional outbox (@hub/db): notification events for people (topic NOTIFICATION, ids only), written in the
 * same transaction as the change they report and delivered to the notifications subgraph by src/notification-events.ts.
 */
export const outbox = signals.table('outbox', outboxColumns<NotificationEvent>(), (t) => [outboxPendingIndex('outbox_pending_idx', t)]);
