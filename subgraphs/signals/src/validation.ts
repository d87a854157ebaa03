import { z } from 'zod';
import { badInput, ErrorCode, hubError } from '@hub/errors';
import {
  findPersonalData,
  GEMEENTE_CODE_PATTERN,
  isUuid,
  personalDataLabels,
  LEGAL_DOMAINS,
  LIFE_DOMAINS,
  TARGET_GROUPS,
  WLZ_SECTORS,
  ZORGKANTOORREGIO_CODE_PATTERN,
} from '@hub/domain';
import { DIMENSIONS, type Dimension } from './cube.ts';
import { dutchDateOf } from './gap-events.ts';
import { enclosingQuarter, parsePeriod, periodOfDate, periodsBetween, shiftPeriod, type Granularity, type Period } from './periods.ts';

export { parseInput, requireUuid } from '@hub/service-kit';

export const SIGNAL_CATEGORIES = [
  'NO_CAPACITY',
  'WAITING_TIME',
  'NO_FITTING_OFFER',
  'FALLS_BETWEEN_LAWS',
  'NOT_ELIGIBLE',
  'ACCESSIBILITY',
  'QUALITY',
  'INFORMATION',
  'COORDINATION',
  'OTHER',
] as const;
export const AGE_BANDS = ['AGE_0_17', 'AGE_18_26', 'AGE_27_64', 'AGE_65_79', 'AGE_80_PLUS'] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function requireRegionCode(value: string, field: string): string {
  if (!ZORGKANTOORREGIO_CODE_PATTERN.test(value)) throw badInput(field, `${field} must be a zorgkantoorregio code such as ZK22.`);
  return value;
}

/**
 * The privacy guard at the boundary: refuses text with personal data. The message and `extensions.personalData` name the
 * kind of data found; neither repeats the text.
 */
export function guardText(text: string, field: string, subject = 'the gap'): string {
  const kind = findPersonalData(text);
  if (kind) {
    const message = `${field} seems to contain personal data (${personalDataLabels[kind]}). Describe ${subject} without anything that identifies a person; nothing was stored.`;
    // `personalData` names the kind found (BSN, EMAIL, PHONE, POSTCODE_WITH_HOUSE_NUMBER, DATE), so a form can say so in its own language.
    throw hubError(ErrorCode.BAD_USER_INPUT, message, { field, details: { fields: [{ path: field, code: 'INVALID', message }], personalData: kind } });
  }
  return text;
}

/** Today's date in the Netherlands, YYYY-MM-DD. */
export const today = () => dutchDateOf(new Date().toISOString());

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const calendarDate = z
  .string()
  .regex(ISO_DATE, 'use YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

const uuid = z
  .string()
  .refine(isUuid, 'must be a UUID')
  .transform((s) => s.toLowerCase());
const optionalCode = <T extends readonly [string, ...string[]]>(list: T) =>
  z
    .enum(list)
    .nullish()
    .transform((v) => v ?? null);

export const reportSignalSchema = z
  .object({
    category: z.enum(SIGNAL_CATEGORIES),
    targetGroup: optionalCode(TARGET_GROUPS),
    ageBand: optionalCode(AGE_BANDS),
    legalDomain: optionalCode(LEGAL_DOMAINS),
    wlzSector: optionalCode(WLZ_SECTORS),
    lifeDomain: optionalCode(LIFE_DOMAINS),
    serviceId: uuid.nullish().transform((v) => v ?? null),
    organizationId: uuid.nullish().transform((v) => v ?? null),
    gemeenteCode: z
      .string()
      .regex(GEMEENTE_CODE_PATTERN, 'use GM + 4 digits')
      .nullish()
      .transform((v) => v ?? null),
    zorgkantoorregioCode: z
      .string()
      .regex(ZORGKANTOORREGIO_CODE_PATTERN, 'use ZK + 2 digits')
      .nullish()
      .transform((v) => v ?? null),
    observedOn: calendarDate.refine((d) => d <= today(), 'must not be in the future').refine((d) => d >= addDays(today(), -731), 'at most two years back'),
    waitDays: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .nullish()
      .transform((v) => v ?? null),
    clientCount: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .nullish()
      .transform((v) => v ?? 1),
    description: z
      .string()
      .trim()
      .max(2000, 'at most 2000 characters')
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .refine((s) => s.gemeenteCode !== null || s.zorgkantoorregioCode !== null, {
    message: 'give a gemeenteCode or a zorgkantoorregioCode',
    path: ['gemeenteCode'],
  });

export const shortText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

const MAX_PERIODS = 24;

export interface ParsedSummaryInput {
  granularity: Granularity;
  from: Period;
  to: Period;
  groupBy: Dimension[];
}

export function parseSummaryPeriods(
  args: { granularity: Granularity; from: string; to?: string | null | undefined; groupBy?: readonly string[] | null | undefined },
  root: string,
): ParsedSummaryInput {
  const from = parsePeriod(args.granularity, args.from);
  const example = args.granularity === 'MONTH' ? '2025-07' : '2025-Q3';
  if (!from) throw badInput(`${root}from`, `from must be a ${args.granularity.toLowerCase()} such as ${example}.`);
  const to = args.to ? parsePeriod(args.granularity, args.to) : from;
  if (!to) throw badInput(`${root}to`, `to must be a ${args.granularity.toLowerCase()} such as ${example}.`);
  const count = periodsBetween(from, to).length;
  if (count === 0) throw badInput(`${root}to`, 'to must not be before from.');
  if (count > MAX_PERIODS) throw badInput(`${root}to`, `At most ${MAX_PERIODS} periods per request.`);
  // Figures are published (and frozen) per closed quarter: an open period would change with every new signal, and
  // the difference between two readings would show single signals.
  const open = periodOfDate('QUARTER', today());
  if (enclosingQuarter(to).endsBefore > open.startsOn) {
    throw badInput(
      `${root}to`,
      `Figures are published once their quarter has ended; ${to.key} is not closed yet. The latest published quarter is ${shiftPeriod(open, -1).key}.`,
    );
  }
  const groupBy = [...new Set(args.groupBy ?? [])].filter((d): d is Dimension => (DIMENSIONS as readonly string[]).includes(d));
  return { granularity: args.granularity, from, to, groupBy };
}
