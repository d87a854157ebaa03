import { z } from 'zod';
import type { InternalContract } from '@hub/service-kit';
import { uuid } from './common.ts';

/**
 * The referrals side of single-use answer links (see docs/notifications.md, "Lichte deelname"). The notifications
 * subgraph holds the links; referrals holds the handover and performs the answer. Ids and codes only.
 */

/** What the page of an answer link needs of a referral; null when there is no such referral. */
export const lightReferralSchema = z.object({
  referralId: uuid,
  status: z.string(),
  version: z.number().int(),
  fromOrganizationId: uuid,
  toOrganizationId: uuid,
  serviceId: uuid.nullable(),
  /** YYYY-MM-DD; null while not sent. */
  respondBy: z.string().nullable(),
});
export type LightReferral = z.output<typeof lightReferralSchema>;

export const lightReferralContract = {
  path: '/internal/light-referral',
  request: z.object({ referralId: uuid }).strict(),
  response: z.object({ referral: lightReferralSchema.nullable() }),
} satisfies InternalContract<z.ZodType, z.ZodType>;

/** The rejection reasons an answer link offers (those of rejectReferral). */
export const LIGHT_REJECTION_REASONS = [
  'NO_CAPACITY',
  'NO_FUNDS',
  'WAITLIST',
  'NOT_ELIGIBLE',
  'OUT_OF_AREA',
  'NO_FITTING_OFFER',
  'MISSING_INFORMATION',
  'CLIENT_DECLINED',
  'COULD_NOT_CONTACT',
  'OTHER',
] as const;

/**
 * Accept or reject referral `referralId` as the receiving organisation `organizationId`, through single-use link
 * `linkId`: the same transition as acceptReferral / rejectReferral (timeline, outbox, gap event, access-log line naming
 * the link). REFUSED (nothing changed) unless the referral is REQUESTED and addressed to that organisation.
 */
export const lightAnswerContract = {
  path: '/internal/light-answer',
  request: z
    .object({
      linkId: uuid,
      referralId: uuid,
      organizationId: uuid,
      accept: z.boolean(),
      reason: z.enum(LIGHT_REJECTION_REASONS).nullish(),
    })
    .strict()
    .refine((b) => b.accept || b.reason != null, { message: 'a rejection needs a reason', path: ['reason'] }),
  response: z.object({ outcome: z.enum(['DONE', 'REFUSED']) }),
} satisfies InternalContract<z.ZodType, z.ZodType>;
