import { z } from 'zod';
import { isUuid } from '@hub/domain';

/** At most this many items in one internal call: callers batch per request or per relay round, well below it. */
export const MAX_ITEMS = 1000;

/** A UUID in any case, lower-cased: the hub compares ids as the database stores them. */
export const uuid = z
  .string()
  .refine(isUuid, 'must be a UUID')
  .transform((s) => s.toLowerCase());

/** A hub code such as a purpose or an organisation type: upper case, digits and underscores. */
export const code = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'must be a code');

export const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time');

export const shortText = (max: number) => z.string().min(1).max(max);

/** The answer of an idempotent delivery: how many items were new and how many had been received before. */
export const deliveryReceipt = z.object({ accepted: z.number().int().min(0), duplicates: z.number().int().min(0) });
