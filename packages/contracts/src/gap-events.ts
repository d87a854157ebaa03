import { z } from 'zod';
import { GEMEENTE_CODE_PATTERN, LEGAL_DOMAINS, LIFE_DOMAINS, TARGET_GROUPS, WLZ_SECTORS, ZORGKANTOORREGIO_CODE_PATTERN } from '@hub/domain';
import type { InternalContract } from '@hub/service-kit';
import { deliveryReceipt, isoDateTime, MAX_ITEMS, uuid } from './common.ts';

export const GAP_KINDS = ['REJECTED', 'OVERDUE'] as const;
/**
 * The reasons a gap event is produced for: the rejection reasons that point at a gap in supply (no room, no budget, a
 * waiting list, nothing fitting on offer in the region) and OVERDUE (a referral left unanswered past its deadline).
 */
export const GAP_EVENT_REASONS = ['NO_CAPACITY', 'NO_FUNDS', 'WAITLIST', 'NO_FITTING_OFFER', 'OVERDUE'] as const;
/**
 * Reasons no longer produced that an event written earlier may still carry: OUT_OF_AREA was a gap reason until the
 * client living elsewhere was recognised as no gap in supply. Accepted so that events already waiting in an outbox at
 * the upgrade are delivered rather than block the feed.
 */
export const RETIRED_GAP_EVENT_REASONS = ['OUT_OF_AREA'] as const;

/** Codes outside the hub's lists are dropped to null rather than refusing the batch, so one odd value cannot block the feed. */
const codeIn = (list: readonly string[]) =>
  z
    .string()
    .nullish()
    .transform((v) => (v && list.includes(v) ? v : null));

/**
 * A gap in the care supply, seen by referrals (a rejection for lack of capacity, a referral left unanswered too
 * long). De-identified: codes, region and the organisation, never a client id.
 */
export const gapEventSchema = z.object({
  eventId: uuid,
  occurredAt: isoDateTime,
  kind: z.enum(GAP_KINDS),
  reason: z.enum([...GAP_EVENT_REASONS, ...RETIRED_GAP_EVENT_REASONS]),
  zorgkantoorregioCode: z.string().regex(ZORGKANTOORREGIO_CODE_PATTERN).nullish(),
  gemeenteCode: z.string().regex(GEMEENTE_CODE_PATTERN).nullish(),
  legalDomain: codeIn(LEGAL_DOMAINS),
  wlzSector: codeIn(WLZ_SECTORS),
  targetGroup: codeIn(TARGET_GROUPS),
  lifeDomain: codeIn(LIFE_DOMAINS),
  serviceId: uuid.nullish(),
  organizationId: uuid.nullish(),
  waitDays: z.number().int().min(0).max(3650).nullish(),
});
/** What the producer builds and the outbox stores. */
export type GapEvent = z.input<typeof gapEventSchema>;
/** What the signals subgraph works with once parsed. */
export type ParsedGapEvent = z.output<typeof gapEventSchema>;

/**
 * Referrals delivers gap events to signals at least once, in any order; signals is idempotent on eventId and makes
 * each new event one signal.
 */
export const gapEventsContract = {
  path: '/internal/gap-events',
  request: z.object({ events: z.array(gapEventSchema).max(MAX_ITEMS) }),
  response: deliveryReceipt,
} satisfies InternalContract<z.ZodType, z.ZodType>;
