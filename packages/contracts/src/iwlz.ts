import { z } from 'zod';
import type { InternalContract } from '@hub/service-kit';
import { isoDateTime, uuid } from './common.ts';

/**
 * The iWlz notification the CIZ sends a zorgkantoor after a new Wlz indicatie (iWlz notificatie
 * NIEUWE_INDICATIE_ZORGKANTOOR, Indicatieregister 1.6.5): a pointer only, no personal data. The gateway takes it on
 * /iwlz/notificaties from the authenticated source and hands it to cases, which pulls the indicatie itself.
 */

export const NIEUWE_INDICATIE_ZORGKANTOOR = 'NIEUWE_INDICATIE_ZORGKANTOOR';

/** `WlzIndicatie/<uuid>`: the subject and record of the notification. */
const WLZ_INDICATIE_SUBJECT = /^WlzIndicatie\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

export const wlzIndicatieIdOf = (subject: string): string | null => WLZ_INDICATIE_SUBJECT.exec(subject)?.[1]?.toLowerCase() ?? null;

export const iwlzNotificationSchema = z
  .object({
    timestamp: isoDateTime,
    afzenderIDType: z.literal('KVK'),
    afzenderID: z.string().regex(/^\d{8}$/, 'must be a KvK number (8 digits)'),
    ontvangerIDType: z.literal('UZOVI'),
    ontvangerID: z.string().regex(/^\d{4}$/, 'must be a UZOVI code (4 digits)'),
    ontvangerKenmerk: z.string().max(100).nullish(),
    eventType: z.literal(NIEUWE_INDICATIE_ZORGKANTOOR, { message: `only ${NIEUWE_INDICATIE_ZORGKANTOOR} is handled` }),
    subjectList: z
      .array(
        z.object({
          subject: z.string().regex(WLZ_INDICATIE_SUBJECT, 'must be WlzIndicatie/<uuid>'),
          recordID: z.string().regex(WLZ_INDICATIE_SUBJECT, 'must be WlzIndicatie/<uuid>'),
        }),
      )
      .length(1, 'one indicatie per notification'),
  })
  .refine((n) => n.subjectList.every((s) => s.subject.toLowerCase() === s.recordID.toLowerCase()), {
    message: 'subject and recordID must name the same indicatie',
    path: ['subjectList'],
  });
export type IwlzNotification = z.output<typeof iwlzNotificationSchema>;

/**
 * What became of a notification: STORED (pulled and on the worklist now), ALREADY_KNOWN (the same indicatie for the
 * same zorgkantoor arrived before), PENDING (the register did not answer; retried with backoff), FAILED (the register's
 * answer was refused; `errorCode` says why; nothing was stored).
 */
export const IWLZ_NOTIFICATION_STATUSES = ['STORED', 'ALREADY_KNOWN', 'PENDING', 'FAILED'] as const;

/** Why a pull was refused or is still pending; codes only, never the register's text (it may hold personal data). */
export const IWLZ_PULL_ERRORS = [
  'REGISTER_UNAVAILABLE',
  'REGISTER_NOT_CONFIGURED',
  'MALFORMED_ANSWER',
  'INDICATIE_NOT_FOUND',
  'WRONG_INDICATIE',
  'ZORGKANTOOR_MISMATCH',
  'INVALID_BSN',
] as const;
export type IwlzPullError = (typeof IWLZ_PULL_ERRORS)[number];

export const iwlzNotificationReceipt = z.object({
  notificationId: uuid,
  status: z.enum(IWLZ_NOTIFICATION_STATUSES),
  /** The worklist item once stored. */
  itemId: uuid.nullable(),
  errorCode: z.enum(IWLZ_PULL_ERRORS).nullable(),
  /** Human-readable, without personal data. */
  message: z.string(),
});
export type IwlzNotificationReceipt = z.output<typeof iwlzNotificationReceipt>;

/**
 * Gateway to cases: the authenticated notification. Served behind the gateway's secret for cases (not the secret of the
 * subgraph-to-subgraph calls), since only the gateway checks the notifying source.
 */
export const iwlzNotificationContract = {
  path: '/internal/iwlz-notification',
  request: iwlzNotificationSchema,
  response: iwlzNotificationReceipt,
} satisfies InternalContract<z.ZodType, z.ZodType>;
