import { z } from 'zod';
import { GEMEENTE_CODE_PATTERN, ZORGKANTOORREGIO_CODE_PATTERN } from '@hub/domain';
import type { InternalContract } from '@hub/service-kit';
import { code, MAX_ITEMS, uuid } from './common.ts';

/** The categories of a client's data a consent can share (a gated field names one). */
export const CONSENT_CATEGORIES = ['IDENTITY', 'CONTACT', 'QUESTION', 'PLAN', 'NETWORK', 'CONTACT_MOMENTS', 'HANDOVER'] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

/** Why a decision came out as it did; the access log and the caller's CONSENT_REQUIRED error carry it. */
export const DECISION_REASONS = ['OWN_ORGANIZATION', 'CONSENT', 'NO_CONSENT', 'EXPIRED', 'REVOKED', 'OTHER_PURPOSE', 'UNKNOWN_CLIENT', 'BREAK_GLASS'] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export const consentCheckSchema = z.object({
  clientId: uuid,
  organizationId: uuid,
  category: z.enum(CONSENT_CATEGORIES),
  purpose: code,
  consentId: uuid.optional(),
  // The organisation that holds the data asked for (e.g. the sender of a referral). Only a consent it recorded
  // counts; without it, a consent recorded by any owning organisation of the client does.
  holderOrganizationId: uuid.optional(),
  // Let a consent to an organisation type in a region match.
  organizationType: code.optional(),
  gemeenteCode: z.string().regex(GEMEENTE_CODE_PATTERN).optional(),
  zorgkantoorregio: z.string().regex(ZORGKANTOORREGIO_CODE_PATTERN).optional(),
});
/** A check as the asking subgraph builds it. */
export type ConsentCheck = z.input<typeof consentCheckSchema>;
/** A check as cases decides it, once parsed. */
export type ParsedConsentCheck = z.output<typeof consentCheckSchema>;

export const consentDecisionSchema = z.object({
  permit: z.boolean(),
  consentId: uuid.nullable(),
  reason: z.enum(DECISION_REASONS),
});
export type ConsentDecision = z.output<typeof consentDecisionSchema>;

/**
 * Cases decides, for each check, whether the organisation may see that category of the client's data for that
 * purpose now. Computed from the database on every call (nothing cached), so a revocation counts at once. The
 * answer has one decision per check, in the order of the checks.
 */
export const consentDecisionsContract = {
  path: '/internal/consent-decisions',
  request: z.object({ checks: z.array(consentCheckSchema).max(MAX_ITEMS) }),
  response: z.object({ decisions: z.array(consentDecisionSchema) }),
} satisfies InternalContract<z.ZodType, z.ZodType>;
