import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { outboxColumns, outboxPendingIndex } from '@hub/db/outbox-table';
import type { NotificationEvent } from '@hub/contracts';

/** Every table of this subgraph lives in its own Postgres schema. */
export const cases = pgSchema('cases');

export interface ContactDetails {
  phone?: string | null | undefined;
  email?: string | null | undefined;
  address?: string | null | undefined;
}

export interface NetworkMember {
  id: string;
  name: string;
  role: string;
  contact: ContactDetails;
  mayActForClient: boolean;
}

export const client = cases.table(
  'client',
  {
    id: uuid('id').primaryKey(),
    /** AES-256-GCM ciphertext of the BSN ("v2:<key id>:" + base64 of iv | tag | ciphertext; older rows "v1:…", key id 0); never the plain number. */
    bsnEncrypted: text('bsn_encrypted'),
    /** HMAC-SHA256 of the BSN ("<key id>:" + base64url; bare under key id 0): exact lookup without storing the number in the clear. */
    bsnHash: text('bsn_hash'),
    givenName: text('given_name').notNull(),
    namePrefix: text('name_prefix'),
    familyName: text('family_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    /** Null when the source did not say (a client registered from a Wlz indicatie of the CIZ, which names no gemeente). */
    gemeenteCode: text('gemeente_code'),
    contact: jsonb('contact').$type<ContactDetails>().notNull().default({}),
    preferredContactChannel: text('preferred_contact_channel'),
    network: jsonb('network').$type<NetworkMember[]>().notNull().default([]),
    /** The organisation that registered the client; it counts as an owning organisation. */
    registeredByOrganizationId: uuid('registered_by_organization_id').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('client_bsn_hash_idx').on(t.bsnHash)],
);

/** The trajectory's cliëntondersteuner (vast gezicht); the work contact fields are absent on rows written before them. */
export interface Counsellor {
  userId: string | null;
  name: string;
  formality: 'FORMAL' | 'INFORMAL';
  workPhone?: string | null;
  workEmail?: string | null;
  availability?: string | null;
}

/** The wijsplicht on a Wmo melding: pointed to independent cliëntondersteuning on a day, by whom, and the answer. */
export interface WijsplichtRecord {
  /** YYYY-MM-DD, Amsterdam calendar day. */
  pointedOn: string;
  pointedByUserId: string;
  pointedByName: string | null;
  outcome: 'ACCEPTED' | 'DECLINED' | 'UNDECIDED';
  note: string | null;
  recordedAt: string;
}

export interface Goal {
  id: string;
  description: string;
  status: string;
}

export interface WlzDetails {
  sector: string | null;
  zorgprofiel: string | null;
  leveringsvorm: string | null;
  wachtstatus: string | null;
}

export interface TrajectoryOutcomes {
  selfReliance: { lifeDomain: string; start: number; end: number }[];
  ownNetworkUsed: boolean;
  satisfaction: number | null;
}

export const trajectory = cases.table(
  'trajectory',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => client.id),
    organizationId: uuid('organization_id').notNull(),
    counsellor: jsonb('counsellor').$type<Counsellor>().notNull(),
    legalDomain: text('legal_domain').notNull(),
    journeyPhase: text('journey_phase').notNull(),
    hulpvraag: text('hulpvraag').notNull(),
    lifeDomains: text('life_domains').array().notNull().default([]),
    targetGroups: text('target_groups').array().notNull().default([]),
    supportForms: text('support_forms').array().notNull().default([]),
    goals: jsonb('goals').$type<Goal[]>().notNull().default([]),
    plan: text('plan'),
    wlz: jsonb('wlz').$type<WlzDetails>(),
    wijsplicht: jsonb('wijsplicht').$type<WijsplichtRecord>(),
    status: text('status').notNull().default('OPEN'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: text('close_reason'),
    outcomes: jsonb('outcomes').$type<TrajectoryOutcomes>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('trajectory_client_idx').on(t.clientId), index('trajectory_organization_idx').on(t.organizationId, t.openedAt)],
);

export const contactMoment = cases.table(
  'contact_moment',
  {
    id: uuid('id').primaryKey(),
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectory.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    channel: text('channel').notNull(),
    summary: text('summary').notNull(),
    recordedByUserId: text('recorded_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contact_moment_trajectory_idx').on(t.trajectoryId, t.occurredAt)],
);

export const consent = cases.table(
  'consent',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => client.id),
    receivingOrganizationId: uuid('receiving_organization_id'),
    receivingOrganizationType: text('receiving_organization_type'),
    receivingRegionCode: text('receiving_region_code'),
    categories: text('categories').array().notNull(),
    purpose: text('purpose').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    givenBy: text('given_by').notNull(),
    representativeId: text('representative_id'),
    recordedHow: text('recorded_how').notNull(),
    recordedByUserId: text('recorded_by_user_id').notNull(),
    recordedByOrganizationId: uuid('recorded_by_organization_id').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByUserId: text('revoked_by_user_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consent_client_idx').on(t.clientId)],
);

/**
 * The NEN 7513 access log. Append-only: a trigger (custom migration) refuses UPDATE, DELETE and TRUNCATE.
 * Holds the client's internal id only, never the BSN or a name.
 */
export const accessLog = cases.table(
  'access_log',
  {
    eventId: uuid('event_id').primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    outcomeReason: text('outcome_reason'),
    userId: text('user_id').notNull(),
    userName: text('user_name'),
    organizationId: uuid('organization_id').notNull(),
    role: text('role').notNull(),
    onBehalfOf: text('on_behalf_of'),
    clientId: uuid('client_id').notNull(),
    dataCategories: text('data_categories').array().notNull(),
    authorizationGround: text('authorization_ground').notNull(),
    consentId: uuid('consent_id'),
    requestId: text('request_id').notNull(),
    traceId: text('trace_id').notNull(),
    accessPoint: text('access_point').notNull(),
    sourceSubgraph: text('source_subgraph').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /** Whether the line came in through /internal/access-log (from another subgraph). */
    external: boolean('external').notNull().default(false),
  },
  // The purge looks for lines past their term by the time they were recorded (a custom migration's function does it).
  (t) => [index('access_log_client_idx').on(t.clientId, t.occurredAt, t.eventId), index('access_log_recorded_idx').on(t.recordedAt)],
);

/**
 * Per organisation: whether its care professionals may open a client's data without consent in acute danger
 * (break-glass), for how long one opening lasts and how many openings one professional may make per day. No row means
 * break-glass is off; the organisation's privacy officer sets it (configureBreakGlass).
 */
export const organizationSetting = cases.table('organization_setting', {
  organizationId: uuid('organization_id').primaryKey(),
  breakGlassEnabled: boolean('break_glass_enabled').notNull().default(false),
  breakGlassHours: integer('break_glass_hours').notNull().default(4),
  breakGlassDailyLimit: integer('break_glass_daily_limit').notNull().default(3),
  updatedByUserId: text('updated_by_user_id').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A break-glass opening: one professional of one organisation may read one client's data without consent until
 * `expiresAt`. The reason is the professional's own words (checked: long enough, no BSN). The organisation's privacy
 * officer reviews it afterwards (justified or not, with a note).
 */
export const breakGlassGrant = cases.table(
  'break_glass_grant',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => client.id),
    organizationId: uuid('organization_id').notNull(),
    userId: text('user_id').notNull(),
    userName: text('user_name'),
    role: text('role').notNull(),
    reason: text('reason').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedByUserId: text('reviewed_by_user_id'),
    justified: boolean('justified'),
    reviewNote: text('review_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('break_glass_grant_client_idx').on(t.clientId, t.expiresAt), index('break_glass_grant_organization_idx').on(t.organizationId, t.openedAt)],
);

/**
 * A client's request to correct something the hub holds about them (AVG art. 16), delivered to the inbox of the
 * organisation that owns the data; that organisation lists it (correctionRequests) and answers it.
 */
export const correctionRequest = cases.table(
  'correction_request',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => client.id),
    organizationId: uuid('organization_id').notNull(),
    trajectoryId: uuid('trajectory_id'),
    description: text('description').notNull(),
    requestedByUserId: text('requested_by_user_id').notNull(),
    givenBy: text('given_by').notNull(),
    status: text('status').notNull().default('OPEN'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('correction_request_organization_idx').on(t.organizationId, t.createdAt)],
);

/**
 * One iWlz notification NIEUWE_INDICATIE_ZORGKANTOOR per indicatie and zorgkantoor (a repeat is the same row): ids and
 * state only, never personal data. PENDING until the indicatie was pulled from the register (retried with backoff from
 * `nextAttemptAt`), then STORED (with the worklist item) or FAILED (with the error code; nothing else was written).
 */
export const wlzNotification = cases.table(
  'wlz_notification',
  {
    id: uuid('id').primaryKey(),
    wlzIndicatieId: uuid('wlz_indicatie_id').notNull(),
    /** The UZOVI code of the zorgkantoor the notification was addressed to (ontvangerID). */
    uzovi: text('uzovi').notNull(),
    zorgkantoorOrganizationId: uuid('zorgkantoor_organization_id').notNull(),
    /** KvK number of the sender (afzenderID; the CIZ is 62253778). */
    senderKvk: text('sender_kvk').notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    itemId: uuid('item_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('wlz_notification_indicatie_idx').on(t.wlzIndicatieId, t.zorgkantoorOrganizationId),
    index('wlz_notification_due_idx').on(t.status, t.nextAttemptAt),
    index('wlz_notification_organization_idx').on(t.zorgkantoorOrganizationId, t.receivedAt, t.id),
  ],
);

/**
 * A pulled Wlz indicatie on the zorgkantoor's worklist "nieuwe indicaties": what the hub keeps of it (zorgprofiel,
 * leveringsvorm, validity, besluitnummer), the client it belongs to, the contact deadline, and the client's choice of
 * cliëntondersteuning (keuzevrijheid) with, for an OCO, the warm handover sent.
 */
export const wlzIndicatieItem = cases.table(
  'wlz_indicatie_item',
  {
    id: uuid('id').primaryKey(),
    wlzIndicatieId: uuid('wlz_indicatie_id').notNull(),
    zorgkantoorOrganizationId: uuid('zorgkantoor_organization_id').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => client.id),
    /** The zorgkantoor's Wlz trajectory for the client (opened with the indicatie when it had none open). */
    trajectoryId: uuid('trajectory_id')
      .notNull()
      .references(() => trajectory.id),
    besluitnummer: integer('besluitnummer').notNull(),
    afgiftedatum: date('afgiftedatum', { mode: 'string' }).notNull(),
    ingangsdatum: date('ingangsdatum', { mode: 'string' }).notNull(),
    einddatum: date('einddatum', { mode: 'string' }),
    /** zzpCode (COD163) of the geïndiceerd zorgzwaartepakket, verbatim. */
    zorgprofiel: text('zorgprofiel'),
    /** The client's preferred leveringsvorm (voorkeurClient, COD578) as the hub's enum value. */
    leveringsvorm: text('leveringsvorm'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** The last day (Europe/Amsterdam) to contact the client: IWLZ_CONTACT_DAYS working days after receipt. */
    contactBy: date('contact_by', { mode: 'string' }).notNull(),
    /** Set once the relay found the item past its contact deadline uncontacted: told (and escalated) once. */
    contactOverdueAt: timestamp('contact_overdue_at', { withTimezone: true }),
    contactedAt: timestamp('contacted_at', { withTimezone: true }),
    contactedByUserId: text('contacted_by_user_id'),
    choice: text('choice'),
    choiceOcoOrganizationId: uuid('choice_oco_organization_id'),
    choiceOfferedAt: timestamp('choice_offered_at', { withTimezone: true }),
    choiceRecordedByUserId: text('choice_recorded_by_user_id'),
    choiceRecordedByName: text('choice_recorded_by_name'),
    choiceConsentId: uuid('choice_consent_id'),
    handoverReferralId: uuid('handover_referral_id'),
    status: text('status').notNull().default('OPEN'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('wlz_indicatie_item_indicatie_idx').on(t.wlzIndicatieId, t.zorgkantoorOrganizationId),
    index('wlz_indicatie_item_worklist_idx').on(t.zorgkantoorOrganizationId, t.status, t.contactBy, t.id),
    index('wlz_indicatie_item_client_idx').on(t.clientId),
    // The relay's overdue sweep runs every round: only items still waiting for contact and for their flag.
    index('wlz_indicatie_item_contact_overdue_idx').on(t.contactBy).where(sql`${t.contactedAt} is null and ${t.contactOverdueAt} is null`),
  ],
);

/** Every change of a worklist item (contact, choice, handover) with who made it: the audit trail of the choice. */
export const wlzIndicatieEvent = cases.table(
  'wlz_indicatie_event',
  {
    id: uuid('id').primaryKey(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => wlzIndicatieItem.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    userId: text('user_id').notNull(),
    choice: text('choice'),
    ocoOrganizationId: uuid('oco_organization_id'),
    consentId: uuid('consent_id'),
    referralId: uuid('referral_id'),
    version: integer('version').notNull(),
  },
  (t) => [index('wlz_indicatie_event_item_idx').on(t.itemId, t.occurredAt)],
);

/**
 * The transactional outbox (@hub/db): notification events for people (topic NOTIFICATION, ids and codes only), written
 * in the same transaction as the change they report and delivered to the notifications subgraph by the relay
 * (src/notification-relay.ts) at least once.
 */
export const outbox = cases.table('outbox', outboxColumns<NotificationEvent>(), (t) => [outboxPendingIndex('outbox_pending_idx', t)]);

/**
 * An opdrachtgever's record (a GEMEENTE or ZORGKANTOOR organisation) that it commissions or subsidises a provider's
 * cliëntondersteuning for some gemeenten from a date. It decides who reads the provider's half-year reports and which
 * parts. Never deleted: ending one sets valid_until, so the reports of past half years keep their readers.
 */
export const commission = cases.table(
  'commission',
  {
    id: uuid('id').primaryKey(),
    commissionerOrganizationId: uuid('commissioner_organization_id').notNull(),
    /** GEMEENTE or ZORGKANTOOR (the caller's organisation type when it was recorded). */
    commissionerType: text('commissioner_type').notNull(),
    providerOrganizationId: uuid('provider_organization_id').notNull(),
    /** SUBSIDY or CONTRACT. */
    kind: text('kind').notNull(),
    /** GM + 4 digits, sorted, no duplicates. */
    gemeenteCodes: text('gemeente_codes').array().notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** Last day in force; null while open-ended. */
    validUntil: date('valid_until', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The subject (token `sub`) of the BELEIDSMEDEWERKER who recorded it. */
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('commission_provider_idx').on(t.providerOrganizationId), index('commission_commissioner_idx').on(t.commissionerOrganizationId, t.createdAt)],
);

/**
 * A provider's half-year report: DRAFT → SUBMITTED → ACKNOWLEDGED. The snapshot (figures per gemeente, jointly
 * suppressed) is computed at the first submission and never again, so no later version can differ in its figures.
 */
export const halfYearReport = cases.table(
  'half_year_report',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id').notNull(),
    year: integer('year').notNull(),
    /** 1 (January–June) or 2 (July–December). */
    half: integer('half').notNull(),
    status: text('status').notNull().default('DRAFT'),
    version: integer('version').notNull().default(1),
    observations: text('observations').notNull().default(''),
    signalled: text('signalled').notNull().default(''),
    outlook: text('outlook').notNull().default(''),
    /** ReportSnapshot as JSON (see reports/split.ts): null until the first submission. */
    snapshot: jsonb('snapshot'),
    /** The satisfaction-measurement status as it stood at the first submission (SatisfactionStatusData); null before. */
    satisfaction: jsonb('satisfaction'),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('half_year_report_org_period_uq').on(t.organizationId, t.year, t.half), index('half_year_report_submitted_idx').on(t.submittedAt)],
);

/** An opdrachtgever's acknowledgement of a submitted report: at most one per organisation. */
export const halfYearReportAcknowledgement = cases.table(
  'half_year_report_acknowledgement',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => halfYearReport.id),
    organizationId: uuid('organization_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    byUserId: text('by_user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.organizationId] })],
);

/** A provider's client-satisfaction measurement (the criteria ask for one at least every two years). No personal data. */
export const satisfactionMeasurement = cases.table(
  'satisfaction_measurement',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id').notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    method: text('method').notNull(),
    respondents: integer('respondents').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('satisfaction_measurement_org_idx').on(t.organizationId, t.doneOn)],
);

/** The SATISFACTION_MEASUREMENT_DUE reminders written: one per organisation and due date, so a reminder goes once. */
export const satisfactionReminder = cases.table(
  'satisfaction_reminder',
  {
    organizationId: uuid('organization_id').notNull(),
    /** The due date the reminder was about; for an organisation that never measured, the day the reminder went. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.dueOn] })],
);
