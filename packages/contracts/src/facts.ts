import { z } from 'zod';
import type { InternalContract } from '@hub/service-kit';
import { code, isoDateTime, MAX_ITEMS, uuid } from './common.ts';

/** Age bands instead of dates of birth: enough for routing and statistics, not enough to identify anyone. */
export const AGE_BANDS = ['0-17', '18-26', '27-64', '65-79', '80+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const clientFactsSchema = z.object({
  clientId: uuid,
  exists: z.boolean(),
  gemeenteCode: z.string().nullable(),
  ageBand: z.enum(AGE_BANDS).nullable(),
});
export type ClientFacts = z.output<typeof clientFactsSchema>;

/** Cases tells what other subgraphs may know of a client without personal data: gemeente and age band. */
export const clientFactsContract = {
  path: '/internal/client-facts',
  request: z.object({ clientIds: z.array(uuid).max(MAX_ITEMS) }),
  response: z.object({ facts: z.array(clientFactsSchema) }),
} satisfies InternalContract<z.ZodType, z.ZodType>;

/**
 * The cliëntondersteuner of a trajectory as a work contact: the professional's user id and name, work telephone, work
 * e-mail, availability and whether they are paid or a volunteer. Work data of the professional only, never the
 * client's.
 */
export const counsellorContactSchema = z.object({
  userId: z.string().max(200).nullable(),
  name: z.string().min(1).max(200),
  workPhone: z.string().max(20).nullable(),
  workEmail: z.string().max(254).nullable(),
  availability: z.string().max(200).nullable(),
  /** A paid professional (FORMAL) or a volunteer (INFORMAL); a person stored before this field reads as FORMAL. */
  formality: z.enum(['FORMAL', 'INFORMAL']).default('FORMAL'),
});
export type CounsellorContact = z.output<typeof counsellorContactSchema>;

export const trajectoryFactsSchema = z.object({
  trajectoryId: uuid,
  exists: z.boolean(),
  clientId: uuid.nullable(),
  organizationId: uuid.nullable(),
  legalDomain: z.string().nullable(),
  wlzSector: z.string().nullable(),
  status: z.string().nullable(),
  /** The trajectory's cliëntondersteuner (work contact only): a warm handover may say this person continues. */
  counsellor: counsellorContactSchema.nullable(),
});
export type TrajectoryFacts = z.output<typeof trajectoryFactsSchema>;

/**
 * Cases tells whose a support trajectory is, its legal domain and state, and its cliëntondersteuner's work contact, e.g.
 * before a referral is sent from it.
 */
export const trajectoryFactsContract = {
  path: '/internal/trajectory-facts',
  request: z.object({ trajectoryIds: z.array(uuid).max(MAX_ITEMS) }),
  response: z.object({ facts: z.array(trajectoryFactsSchema) }),
} satisfies InternalContract<z.ZodType, z.ZodType>;

export const handoverFactsSchema = z.object({
  referralId: uuid,
  exists: z.boolean(),
  clientId: uuid.nullable(),
  fromOrganizationId: uuid.nullable(),
  toOrganizationId: uuid.nullable(),
  status: z.string().nullable(),
  consentId: uuid.nullable(),
  /** The sender's cliëntondersteuner who stays on after the handover (the vast gezicht), when the referral says so. */
  continuingCounsellor: counsellorContactSchema.nullable(),
});
export type HandoverFacts = z.output<typeof handoverFactsSchema>;

/**
 * Referrals tells cases who sent a referral to whom, for which client, in which state and on which consent, so cases
 * can let the receiver of a warm handover open its own trajectory for the client, with the cliëntondersteuner who
 * continues as its counsellor. Ids, codes and that professional's work contact only.
 */
export const handoverFactsContract = {
  path: '/internal/handover-facts',
  request: z.object({ referralIds: z.array(uuid).max(MAX_ITEMS) }),
  response: z.object({ facts: z.array(handoverFactsSchema) }),
} satisfies InternalContract<z.ZodType, z.ZodType>;

/**
 * Referrals tells cases how many referrals sent from each trajectory still block closing it (sent, neither completed
 * nor in another final state, not released). Cases asks before it closes a trajectory.
 */
export const openHandoversContract = {
  path: '/internal/open-handovers',
  request: z.object({ trajectoryIds: z.array(uuid).max(MAX_ITEMS) }),
  response: z.object({ results: z.array(z.object({ trajectoryId: uuid, blocking: z.number().int().min(0) })) }),
} satisfies InternalContract<z.ZodType, z.ZodType>;

export const clientHandoverSchema = z.object({
  referralId: uuid,
  kind: code,
  status: code,
  fromOrganizationId: uuid,
  toOrganizationId: uuid,
  sentAt: isoDateTime.nullable(),
  respondBy: z.string().nullable(),
  jointMeetingPlannedAt: isoDateTime.nullable(),
  statusChangedAt: isoDateTime,
});
export type ClientHandover = z.output<typeof clientHandoverSchema>;

/**
 * Referrals tells cases which warm handovers of one client are in progress (sent and not finished), so cases can show
 * the client where their handover stands. Ids, codes and dates only: the handover summary stays in referrals.
 */
export const clientHandoversContract = {
  path: '/internal/client-handovers',
  request: z.object({ clientId: uuid }),
  response: z.object({ handovers: z.array(clientHandoverSchema).max(MAX_ITEMS) }),
} satisfies InternalContract<z.ZodType, z.ZodType>;

export const serviceFactsSchema = z.object({
  serviceId: uuid,
  exists: z.boolean(),
  organizationId: uuid.nullable(),
});
export type ServiceFacts = z.output<typeof serviceFactsSchema>;

/**
 * The sociale kaart tells whose a service is, so referrals can check a referral's service and see a referral to a
 * service of the sender's own organisation (the independence guard). Ids only, one fact per id asked, in that order.
 */
export const serviceFactsContract = {
  path: '/internal/service-facts',
  request: z.object({ serviceIds: z.array(uuid).max(MAX_ITEMS) }),
  response: z.object({ facts: z.array(serviceFactsSchema) }),
} satisfies InternalContract<z.ZodType, z.ZodType>;
