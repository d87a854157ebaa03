import { z } from 'zod';
import {
  GEMEENTE_CODE_PATTERN,
  isLanguageCode,
  isLeveringsvorm,
  isUuid,
  isZorgprofielCode,
  LANGUAGE_CODES,
  LEVERINGSVORM_VALUES,
  ZORGKANTOORREGIO_CODE_PATTERN,
  ZORGPROFIELEN,
} from '@hub/domain';

import { POSTCODE_INPUT_PATTERN } from './postcodes.ts';

export { parseInput, requireUuid } from '@hub/service-kit';

const trimmed = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM');

export const MAX_SEARCH_TEXT = 200;
/** Longest expected waiting time in days a capacity report or a search filter accepts. */
export const MAX_WAIT_DAYS = 3650;

const ZORGPROFIEL_MESSAGE = 'use a zorgprofiel code of iWlz COD163 such as 754 (5VV); see Query.zorgprofielen';
/** One COD163 code of the hub's list of zorgprofielen. */
export const zorgprofielCode = z.string().refine(isZorgprofielCode, ZORGPROFIEL_MESSAGE);
/** Opening-hours rows of one service (e.g. two periods on each weekday); schema.graphql states the same bound. */
export const MAX_OPENING_HOURS = 14;
/** Telephone numbers of one organisation; schema.graphql states the same bound. */
export const MAX_ORGANIZATION_PHONES = 10;

export const nearSchema = z
  .object({
    gemeenteCode: z.string().regex(GEMEENTE_CODE_PATTERN, 'use GM + 4 digits').nullish(),
    postcode: z.string().regex(POSTCODE_INPUT_PATTERN, 'use the 4 digits (1000 to 9999), optionally followed by the 2 letters').nullish(),
    latitude: z.number().min(-90).max(90).nullish(),
    longitude: z.number().min(-180).max(180).nullish(),
    maxDistanceKm: z.number().gt(0, 'must be more than 0').max(500, 'at most 500'),
  })
  .refine((n) => [Boolean(n.gemeenteCode), Boolean(n.postcode), n.latitude != null || n.longitude != null].filter(Boolean).length === 1, {
    message: 'give exactly one of gemeenteCode, postcode, or both latitude and longitude',
  })
  .refine((n) => (n.latitude == null) === (n.longitude == null), { message: 'give both latitude and longitude', path: ['longitude'] });

export const serviceInputSchema = z
  .object({
    name: trimmed(200).min(1, 'must not be empty'),
    description: trimmed(5000),
    legalDomains: z.array(z.string()).max(10),
    lifeDomains: z.array(z.string()).max(20),
    targetGroups: z.array(z.string()).max(20),
    supportForms: z.array(z.string()).max(7),
    wlzSectors: z.array(z.string()).max(3),
    leveringsvormen: z.array(z.string().refine(isLeveringsvorm, 'use a Leveringsvorm value')).max(LEVERINGSVORM_VALUES.length),
    zorgprofielen: z.array(zorgprofielCode).max(ZORGPROFIELEN.length, `at most ${ZORGPROFIELEN.length} codes`),
    formality: z.enum(['FORMAL', 'INFORMAL']),
    independent: z.boolean(),
    eligibility: trimmed(2000).nullable(),
    minimumAge: z.number().int().min(0).max(120).nullable(),
    maximumAge: z.number().int().min(0).max(120).nullable(),
    cost: z
      .object({
        type: z.enum(['FREE', 'EIGEN_BIJDRAGE', 'AMOUNT']),
        amount: z.number().min(0).max(1_000_000).nullish(),
        description: trimmed(500).nullish(),
      })
      .refine((c) => c.type !== 'AMOUNT' || c.amount != null, { message: 'amount is required for AMOUNT', path: ['amount'] }),
    languages: z
      .array(z.string().refine(isLanguageCode, 'use a language code such as nl, en, tr (ISO 639-1, or pap, nds, dse)'))
      .min(1)
      .max(LANGUAGE_CODES.length, `at most ${LANGUAGE_CODES.length} languages`),
    applicationProcess: trimmed(2000).nullable(),
    contact: z.object({
      phone: z
        .string()
        .regex(/^[0-9 +()-]{3,20}$/, 'not a telephone number')
        .nullish(),
      email: z.string().email().max(200).nullish(),
      url: z
        .string()
        .url()
        .max(500)
        .refine((u) => /^https?:\/\//.test(u), 'use http(s)')
        .nullish(),
      walkIn: z.boolean().nullish(),
    }),
    openingHours: z
      .array(
        z
          .object({ weekday: z.number().int().min(1).max(7), opensAt: time, closesAt: time })
          .refine((h) => h.closesAt > h.opensAt, { message: 'closesAt must be after opensAt', path: ['closesAt'] }),
      )
      .max(MAX_OPENING_HOURS, `at most ${MAX_OPENING_HOURS} rows`),
    serviceArea: z.object({
      scope: z.enum(['GEMEENTEN', 'REGIONAL', 'NATIONAL']),
      gemeenteCodes: z.array(z.string().regex(GEMEENTE_CODE_PATTERN, 'use GM + 4 digits')).max(342).nullish(),
      zorgkantoorregioCodes: z.array(z.string().regex(ZORGKANTOORREGIO_CODE_PATTERN, 'use ZK + 2 digits')).max(31).nullish(),
    }),
    locationIds: z.array(z.string().refine(isUuid, 'must be a UUID')).max(200),
  })
  .refine((s) => s.minimumAge == null || s.maximumAge == null || s.minimumAge <= s.maximumAge, {
    message: 'must be at least minimumAge',
    path: ['maximumAge'],
  })
  .refine((s) => s.serviceArea.scope !== 'GEMEENTEN' || (s.serviceArea.gemeenteCodes?.length ?? 0) > 0, {
    message: 'list at least one gemeente for scope GEMEENTEN',
    path: ['serviceArea', 'gemeenteCodes'],
  })
  .refine((s) => s.serviceArea.scope !== 'REGIONAL' || (s.serviceArea.zorgkantoorregioCodes?.length ?? 0) > 0, {
    message: 'list at least one zorgkantoorregio for scope REGIONAL',
    path: ['serviceArea', 'zorgkantoorregioCodes'],
  });
export type ValidServiceInput = z.infer<typeof serviceInputSchema>;

export const capacityInputSchema = z
  .object({
    status: z.enum(['HAS_CAPACITY', 'NO_CAPACITY', 'WAITLIST', 'ADDITIONAL_ASSESSMENT_REQUIRED']),
    available: z.number().int().min(0).max(1_000_000).nullish(),
    maximum: z.number().int().min(0).max(1_000_000).nullish(),
    unit: trimmed(50).nullish(),
    expectedWaitDays: z.number().int().min(0).max(MAX_WAIT_DAYS).nullish(),
  })
  .refine((c) => c.available == null || c.maximum == null || c.available <= c.maximum, {
    message: 'must not exceed maximum',
    path: ['available'],
  });

export const locationInputSchema = z.object({
  name: trimmed(200).min(1, 'must not be empty'),
  description: trimmed(2000).nullable(),
  address: trimmed(200).nullable(),
  postalCode: z
    .string()
    .trim()
    .regex(/^[1-9]\d{3} ?[A-Z]{2}$/, 'use 1234 AB')
    .nullable(),
  city: trimmed(100).nullable(),
  gemeenteCode: z.string().regex(GEMEENTE_CODE_PATTERN, 'use GM + 4 digits').nullable(),
  latitude: z.number().min(50.7, 'outside the Netherlands').max(53.6, 'outside the Netherlands').nullable(),
  longitude: z.number().min(3.3, 'outside the Netherlands').max(7.3, 'outside the Netherlands').nullable(),
  accessibility: trimmed(1000).nullable(),
  confidential: z.boolean(),
});
export type ValidLocationInput = z.infer<typeof locationInputSchema>;
