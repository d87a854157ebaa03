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
 * before signals lets a professional address a consultation to it. Ids and codes only.
 */
export const organizationFactsContract = {
  path: '/internal/organization-facts',
  request: z.object({ organizationIds: z.array(uuid).max(MAX_ITEMS) }),
  response: z.object({ facts: z.array(organizationFactsSchema) }),
} satisfies InternalContract<z.ZodType, z.ZodType>;
