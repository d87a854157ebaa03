import { z } from 'zod';
import { ROLES } from '@hub/domain';
import type { InternalContract } from '@hub/service-kit';
import { deliveryReceipt, isoDateTime, MAX_ITEMS, uuid } from './common.ts';

/**
 * What happened, in the words of the notifications subgraph. Each kind names who is told (the producer fills in the
 * audience accordingly):
 * - HANDOVER_RECEIVED: a referral was sent to an organisation (its TOEGANG, CLIENTONDERSTEUNER, ZORGBEMIDDELAAR
 *   professionals; an organisation without accounts gets a single-use answer link at its registered address).
 * - HANDOVER_DUE_SOON: a REQUESTED referral must be answered within the configured working days (receiver).
 * - HANDOVER_OVERDUE: a referral passed its respond-by or start-by date (receiver and sender).
 * - HANDOVER_ESCALATED: that overdue referral, once, to the receiver's coordinators.
 * - HANDOVER_ACCEPTED / HANDOVER_REJECTED: the receiver answered (sender).
 * - CONSENT_REVOKED: a client withdrew a consent, so some organisations see less (those organisations).
 * - SIGNAL_FEEDBACK: the overlegtafel gave feedback on a knelpunt holding your signal (the signal's author).
 * - BREAK_GLASS_OPENED: someone opened a client's file without consent (the owning organisation's PRIVACY_OFFICER
 *   and BEHEERDER).
 * - WORKLIST_ITEM: a new Wlz indicatie arrived on the zorgkantoor's worklist (its ZORGBEMIDDELAAR).
 * - REPORT_SUBMITTED / REPORT_ACKNOWLEDGED: a half-year report reached its opdrachtgevers (their BELEIDSMEDEWERKER),
 *   or an opdrachtgever acknowledged it (the provider's BELEIDSMEDEWERKER and BEHEERDER) (cases).
 * - SATISFACTION_MEASUREMENT_DUE: a provider's client-satisfaction measurement is due (two years after the last) (cases).
 * - KNELPUNT_REOPENED: a resolved knelpunt reopened because its signals came back (the overlegtafel's members) (signals).
 * - ZORGINKOOP_OUTCOME: the zorgkantoor recorded the purchasing outcome of a knelpunt (its reporters) (signals).
 * - WORKLIST_OVERDUE / WORKLIST_ESCALATED: a worklist item passed its contact deadline (the zorgkantoor's
 *   ZORGBEMIDDELAAR), and once to its coordinators.
 */
export const NOTIFICATION_KINDS = [
  'HANDOVER_RECEIVED',
  'HANDOVER_DUE_SOON',
  'HANDOVER_OVERDUE',
  'HANDOVER_ESCALATED',
  'HANDOVER_ACCEPTED',
  'HANDOVER_REJECTED',
  'CONSENT_REVOKED',
  'SIGNAL_FEEDBACK',
  'BREAK_GLASS_OPENED',
  'WORKLIST_ITEM',
  'WORKLIST_OVERDUE',
  'WORKLIST_ESCALATED',
  'REPORT_SUBMITTED',
  'REPORT_ACKNOWLEDGED',
  'SATISFACTION_MEASUREMENT_DUE',
  'KNELPUNT_REOPENED',
  'ZORGINKOOP_OUTCOME',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kind of thing a notification points at; the console has a page for each (see the notifications subgraph). */
export const NOTIFICATION_ITEM_TYPES = ['REFERRAL', 'CLIENT', 'TRAJECTORY', 'SIGNAL', 'KNELPUNT', 'WLZ_INDICATIE', 'HALF_YEAR_REPORT'] as const;
export type NotificationItemType = (typeof NOTIFICATION_ITEM_TYPES)[number];

/**
 * Who is told: the professionals of these organisations, narrowed to those with one of `roles` (when given), to the
 * persons named by `subjects` (when given), and to the organisation's coordinators (`coordinators`: escalations).
 */
export const notificationAudienceSchema = z
  .object({
    organizationIds: z.array(uuid).min(1).max(50),
    roles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
    subjects: z.array(z.string().min(1).max(200)).max(50).optional(),
    coordinators: z.boolean().optional(),
  })
  .strict();
export type NotificationAudience = z.input<typeof notificationAudienceSchema>;

/**
 * One event for people, produced in the same transaction as the change it reports (an outbox row) and delivered to
 * the notifications subgraph at least once. Ids and codes only: never a name, BSN, address or free text, so that
 * nothing personal can reach an e-mail, a log or another organisation through it.
 */
export const notificationEventSchema = z
  .object({
    eventId: uuid,
    occurredAt: isoDateTime,
    kind: z.enum(NOTIFICATION_KINDS),
    item: z.object({ type: z.enum(NOTIFICATION_ITEM_TYPES), id: uuid }).strict(),
    audience: notificationAudienceSchema,
    /** The organisation that caused the event (the referral's sender, for a HANDOVER_RECEIVED); it may revoke answer links. */
    actorOrganizationId: uuid.nullish(),
    /** A date the event is about (YYYY-MM-DD): the respond-by date of a handover, the contact deadline of a worklist item. */
    dueDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullish(),
  })
  .strict();
export type NotificationEvent = z.input<typeof notificationEventSchema>;
export type ParsedNotificationEvent = z.output<typeof notificationEventSchema>;

/**
 * Producers (referrals, cases, signals) deliver notification events to the notifications subgraph at least once, in
 * any order; it is idempotent on eventId.
 */
export const notificationEventsContract = {
  path: '/internal/notification-events',
  request: z.object({ events: z.array(notificationEventSchema).max(MAX_ITEMS) }),
  response: deliveryReceipt,
} satisfies InternalContract<z.ZodType, z.ZodType>;
