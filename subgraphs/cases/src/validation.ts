import { z } from 'zod';
import { badInput } from '@hub/errors';
import {
  amsterdamDate,
  containsBsn,
  isUuid,
  isValidBsn,
  LEGAL_DOMAINS,
  LIFE_DOMAINS,
  normalizeBsn,
  ORGANIZATION_TYPES,
  SUPPORT_FORMS,
  TARGET_GROUPS,
  WLZ_SECTORS,
} from '@hub/domain';
import { CONSENT_CATEGORIES, CONSENT_PURPOSES } from './consent/decide.ts';

export { parseInput, requireUuid, requireVersion } from '@hub/service-kit';

/** A valid BSN normalised to 9 digits; the message never repeats the input. */
export function requireBsn(value: string, field: string): string {
  const normalized = normalizeBsn(value);
  if (!normalized || !isValidBsn(normalized)) throw badInput(field, `${field} is not a valid BSN (9 digits passing the elfproef).`);
  return normalized;
}

const GEMEENTE_CODE = /^GM\d{4}$/;
const REGION_CODE = /^(GM\d{4}|ZK\d{2})$/;

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const required = (max: number) => text(max).min(1, 'must not be empty');
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a calendar date');

const contactSchema = z
  .object({
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{6,20}$/, 'use digits, spaces, +, - or ()')
      .nullish(),
    email: z.string().trim().email('not an e-mail address').max(254).nullish(),
    address: optionalText(300),
  })
  .transform((c) => ({ phone: c.phone ?? null, email: c.email ?? null, address: c.address ?? null }));

const nameSchema = z.object({
  givenName: required(100),
  namePrefix: optionalText(30),
  familyName: required(150),
});

export const networkMemberSchema = z
  .object({
    id: z.string().refine(isUuid, 'must be a UUID').nullish(),
    name: required(200),
    role: z.enum(['MANTELZORGER', 'WETTELIJK_VERTEGENWOORDIGER', 'FAMILY', 'OTHER']),
    contact: contactSchema.nullish(),
    mayActForClient: z.boolean(),
  })
  .refine((m) => m.role !== 'WETTELIJK_VERTEGENWOORDIGER' || m.mayActForClient, {
    message: 'a wettelijk vertegenwoordiger always may act for the client',
    path: ['mayActForClient'],
  });

const channel = z.enum(['PHONE', 'EMAIL', 'POST', 'IN_PERSON', 'DO_NOT_CONTACT']);
const dateOfBirth = isoDate.refine((v) => v >= '1900-01-01' && v <= new Date().toISOString().slice(0, 10), 'must lie between 1900 and today');

export const registerClientSchema = z.object({
  bsn: z.string().nullish(),
  name: nameSchema,
  dateOfBirth,
  gemeenteCode: z.string().regex(GEMEENTE_CODE, 'use GM + 4 digits'),
  contact: contactSchema.nullish(),
  preferredContactChannel: channel.nullish(),
  network: z.array(networkMemberSchema).max(20).nullish(),
});

export const updateClientSchema = z.object({
  name: nameSchema.nullish(),
  dateOfBirth: dateOfBirth.nullish(),
  gemeenteCode: z.string().regex(GEMEENTE_CODE, 'use GM + 4 digits').nullish(),
  contact: contactSchema.nullish(),
  preferredContactChannel: channel.nullish(),
  network: z.array(networkMemberSchema).max(20).nullish(),
});

const uniqueList = <T extends string>(values: readonly [T, ...T[]], max: number) =>
  z
    .array(z.enum(values))
    .max(max)
    .transform((l) => [...new Set(l)]);

const noBsn = (t: string | null) => t === null || !containsBsn(t);

/** The vast gezicht: name, and WORK contact details and availability in words (capped, never a BSN). */
const counsellorSchema = z.object({
  userId: optionalText(200),
  name: required(200),
  formality: z.enum(['FORMAL', 'INFORMAL']),
  workPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'use digits, spaces, +, - or ()')
    .nullish()
    .transform((v) => v || null),
  workEmail: z
    .string()
    .trim()
    .max(254, 'at most 254 characters')
    .email('not an e-mail address')
    .nullish()
    .transform((v) => v || null),
  availability: optionalText(200).refine(noBsn, 'must not contain a BSN'),
});

/** Zorgprofiel codes of iWlz COD163: VV 750–759, GGZ 760–772 and 860–870, GGZ-W 880–888, LVG 780–784, SGLVG 790, VG 800–814, LG 820–832, ZGvis 840–848, ZGaud 850–856. */
const ZORGPROFIEL_RANGES: [number, number][] = [
  [750, 759],
  [760, 772],
  [780, 784],
  [790, 790],
  [800, 814],
  [820, 832],
  [840, 848],
  [850, 856],
  [860, 870],
  [880, 888],
];
const isZorgprofiel = (code: string) => /^\d{3}$/.test(code) && ZORGPROFIEL_RANGES.some(([lo, hi]) => Number(code) >= lo && Number(code) <= hi);

export const wlzSchema = z
  .object({
    sector: z.enum(WLZ_SECTORS).nullish(),
    zorgprofiel: z.string().trim().refine(isZorgprofiel, 'use a COD163 zorgprofiel code such as 754').nullish(),
    leveringsvorm: z.enum(['PGB', 'VERBLIJF', 'VPT', 'MPT', 'DEELTIJDVERBLIJF', 'VERKEERDE_BED']).nullish(),
    wachtstatus: z.enum(['URGENT_PLAATSEN', 'ACTIEF_PLAATSEN', 'WACHT_OP_VOORKEUR', 'WACHT_UIT_VOORZORG']).nullish(),
  })
  .transform((w) => ({
    sector: w.sector ?? null,
    zorgprofiel: w.zorgprofiel ?? null,
    leveringsvorm: w.leveringsvorm ?? null,
    wachtstatus: w.wachtstatus ?? null,
  }));

const journeyPhase = z.enum(['BEFORE_INDICATION', 'AFTER_INDICATION', 'IN_CARE', 'AFTER_CARE']);

export const openTrajectorySchema = z.object({
  clientId: z.string().refine(isUuid, 'must be a UUID'),
  bsn: z.string().nullish(),
  handoverReferralId: z.string().refine(isUuid, 'must be a UUID').nullish(),
  legalDomain: z.enum(LEGAL_DOMAINS),
  journeyPhase,
  hulpvraag: required(5000),
  lifeDomains: uniqueList(LIFE_DOMAINS, 20).nullish(),
  targetGroups: uniqueList(TARGET_GROUPS, 20).nullish(),
  supportForms: uniqueList(SUPPORT_FORMS, 7).nullish(),
  counsellor: counsellorSchema.nullish(),
  wlz: wlzSchema.nullish(),
});

export const setTrajectoryCounsellorSchema = z.object({ counsellor: counsellorSchema });

/** The wijsplicht: a calendar day not after today (Amsterdam), the answer, and a short note without a BSN. */
export const recordWijsplichtSchema = z.object({
  pointedOn: isoDate.refine((d) => d <= amsterdamDate(new Date()), 'must not lie in the future'),
  outcome: z.enum(['ACCEPTED', 'DECLINED', 'UNDECIDED']),
  note: optionalText(500).refine(noBsn, 'must not contain a BSN'),
});

const goalSchema = z.object({
  id: z.string().refine(isUuid, 'must be a UUID').nullish(),
  description: required(1000),
  status: z.enum(['OPEN', 'IN_PROGRESS', 'ACHIEVED', 'DROPPED']),
});

const contactMomentSchema = z.object({
  occurredAt: z.date().refine((d) => d.getTime() <= Date.now() + 24 * 3600_000, 'must not lie in the future'),
  channel,
  summary: required(2000),
});

export const updateTrajectorySchema = z.object({
  journeyPhase: journeyPhase.nullish(),
  hulpvraag: required(5000).nullish(),
  lifeDomains: uniqueList(LIFE_DOMAINS, 20).nullish(),
  targetGroups: uniqueList(TARGET_GROUPS, 20).nullish(),
  supportForms: uniqueList(SUPPORT_FORMS, 7).nullish(),
  counsellor: counsellorSchema.nullish(),
  goals: z.array(goalSchema).max(50).nullish(),
  plan: text(10000).nullish(),
  wlz: wlzSchema.nullish(),
  addContactMoments: z.array(contactMomentSchema).max(50).nullish(),
});

const score = z.number().int('must be a whole number').min(1, 'at least 1').max(5, 'at most 5');

export const closeTrajectorySchema = z.object({
  reason: z.enum(['GOALS_REACHED', 'HANDED_OVER', 'CLIENT_WITHDREW', 'MOVED', 'DECEASED', 'OTHER']),
  outcomes: z.object({
    selfReliance: z
      .array(z.object({ lifeDomain: z.enum(LIFE_DOMAINS), start: score, end: score }))
      .max(LIFE_DOMAINS.length)
      .refine((l) => new Set(l.map((s) => s.lifeDomain)).size === l.length, 'one score per life domain'),
    ownNetworkUsed: z.boolean(),
    satisfaction: z.number().int('must be a whole number').min(1, 'at least 1').max(10, 'at most 10').nullish(),
  }),
});

export const recordConsentSchema = z
  .object({
    clientId: z.string().refine(isUuid, 'must be a UUID'),
    receivingOrganizationId: z.string().refine(isUuid, 'must be a UUID').nullish(),
    receivingOrganizationType: z.enum(ORGANIZATION_TYPES).nullish(),
    receivingRegionCode: z.string().regex(REGION_CODE, 'use GM + 4 digits or ZK + 2 digits').nullish(),
    categories: z
      .array(z.enum(CONSENT_CATEGORIES))
      .min(1, 'name at least one category')
      .transform((l) => [...new Set(l)]),
    purpose: z.enum(CONSENT_PURPOSES),
    validFrom: z.date().nullish(),
    validUntil: z.date().nullish(),
    givenBy: z.enum(['CLIENT', 'REPRESENTATIVE']),
    representativeId: z.string().refine(isUuid, 'must be a UUID').nullish(),
    recordedHow: z.enum(['WRITTEN', 'VERBAL', 'DIGITAL']),
  })
  .refine((c) => Boolean(c.receivingOrganizationId) !== Boolean(c.receivingOrganizationType), {
    message: 'give either receivingOrganizationId or receivingOrganizationType',
    path: ['receivingOrganizationId'],
  })
  .refine((c) => !c.receivingOrganizationType || Boolean(c.receivingRegionCode), {
    message: 'an organisation type needs a region code',
    path: ['receivingRegionCode'],
  })
  .refine((c) => !c.receivingOrganizationId || !c.receivingRegionCode, {
    message: 'a region code only goes with an organisation type',
    path: ['receivingRegionCode'],
  })
  .refine((c) => !c.validUntil || c.validUntil.getTime() > (c.validFrom ?? new Date()).getTime(), {
    message: 'must lie after validFrom',
    path: ['validUntil'],
  })
  .refine((c) => (c.givenBy === 'REPRESENTATIVE') === Boolean(c.representativeId), {
    message: 'a representative is named exactly when givenBy is REPRESENTATIVE',
    path: ['representativeId'],
  });
