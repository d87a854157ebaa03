import { z } from 'zod';
import { ORGANIZATION_TYPES } from '@hub/domain';
import type { InternalContract } from '@hub/service-kit';
import { MAX_ITEMS, uuid } from './common.ts';

export const organizationFactsSchema = z.object({
  organizationId: uuid,
  exists: z.boolean(),
  type: z.enum(ORGANIZATION_TYPES).nullable(),
});
export type OrganizationFacts = z.output<typeof organizationFactsSchema>;

/**
 * The sociale kaart tells whether an organisation is in the directory and of which type (OCO, GEMEENTE, ...), e.g.
 * before signals lets a professional address a consultation to it, or before a zorgkantoor records a client's choice of
 * an independent cliëntondersteuning organisation (OCO). Ids and codes only.
 */
export const organizationFactsContract = {
  path: '/internal/organization-facts',
  request: z.object({ organizationIds: z.array(uuid).max(MAX_ITEMS) }),
  response: z.object({ facts: z.array(organizationFactsSchema) }),
} satisfies InternalContract<z.ZodType, z.ZodType>;

export const organizationContactSchema = z.object({
  organizationId: uuid,
  exists: z.boolean(),
  name: z.string().nullable(),
  /** The registered e-mail address of the sociale kaart (Organization.email); null when none is registered. */
  email: z.string().nullable(),
});
export type OrganizationContact = z.output<typeof organizationContactSchema>;

/**
 * The sociale kaart's name and registered e-mail address of organisations: the notifications subgraph asks when it
 * sends a single-use link to an organisation without accounts, so the address is never copied into its own tables.
 */
export const organizationContactsContract = {
  path: '/internal/organization-contacts',
  request: z.object({ organizationIds: z.array(uuid).max(MAX_ITEMS) }),
  response: z.object({ contacts: z.array(organizationContactSchema) }),
} satisfies InternalContract<z.ZodType, z.ZodType>;

export const serviceSummarySchema = z.object({
  serviceId: uuid,
  exists: z.boolean(),
  name: z.string().nullable(),
  organizationId: uuid.nullable(),
  organizationName: z.string().nullable(),
});
export type ServiceSummary = z.output<typeof serviceSummarySchema>;

/** A service's name and its organisation's name, for the page and e-mail of a single-use link (public directory data). */
export const serviceSummariesContract = {
  path: '/internal/service-summaries',
  request: z.object({ serviceIds: z.array(uuid).max(MAX_ITEMS) }),
  response: z.object({ services: z.array(serviceSummarySchema) }),
} satisfies InternalContract<z.ZodType, z.ZodType>;

/** The capacity states a single-use link may report (the sociale kaart's ReportedCapacityStatus). */
export const LIGHT_CAPACITY_STATUSES = ['HAS_CAPACITY', 'WAITLIST', 'NO_CAPACITY', 'ADDITIONAL_ASSESSMENT_REQUIRED'] as const;

/**
 * A capacity report made through single-use link `linkId` for a service of `organizationId` (the organisation the
 * link was sent to). The sociale kaart records it as its updateCapacity does, naming the link as reporter; REFUSED
 * (nothing changed) when the service is unknown or no longer that organisation's.
 */
export const lightCapacityContract = {
  path: '/internal/light-capacity',
  request: z
    .object({
      linkId: uuid,
      serviceId: uuid,
      organizationId: uuid,
      status: z.enum(LIGHT_CAPACITY_STATUSES),
      expectedWaitDays: z.number().int().min(0).max(3650).nullish(),
    })
    .strict(),
  response: z.object({ outcome: z.enum(['DONE', 'REFUSED']) }),
} satisfies InternalContract<z.ZodType, z.ZodType>;
