import type { consent } from '../db/schema.ts';

export type ConsentRow = typeof consent.$inferSelect;

export const CONSENT_CATEGORIES = ['IDENTITY', 'CONTACT', 'QUESTION', 'PLAN', 'NETWORK', 'CONTACT_MOMENTS', 'HANDOVER'] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

export const CONSENT_PURPOSES = ['WARM_HANDOVER', 'INTEGRATED_SUPPORT', 'CARE_MEDIATION', 'PRIVACY_REQUEST'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export type DecisionReason = 'OWN_ORGANIZATION' | 'CONSENT' | 'NO_CONSENT' | 'EXPIRED' | 'REVOKED' | 'OTHER_PURPOSE' | 'UNKNOWN_CLIENT';

export interface Decision {
  permit: boolean;
  consentId: string | null;
  reason: DecisionReason;
}

/** The organisation asking: its id, and (from the token, when known) its type and region for type-in-region consents. */
export interface Requester {
  organizationId: string;
  organizationType?: string | undefined;
  gemeenteCode?: string | undefined;
  zorgkantoorregio?: string | undefined;
}

/** Whether a consent names this organisation, directly or as an organisation type within its gemeente or region. */
export function consentAddresses(c: ConsentRow, who: Requester): boolean {
  if (c.receivingOrganizationId) return c.receivingOrganizationId === who.organizationId;
  if (!c.receivingOrganizationType || c.receivingOrganizationType !== who.organizationType) return false;
  return c.receivingRegionCode === who.gemeenteCode || c.receivingRegionCode === who.zorgkantoorregio;
}

export type ConsentState = 'ACTIVE' | 'PENDING' | 'EXPIRED' | 'REVOKED';

export function consentState(c: ConsentRow, now: Date): ConsentState {
  if (c.revokedAt && c.revokedAt.getTime() <= now.getTime()) return 'REVOKED';
  if (c.validUntil && c.validUntil.getTime() <= now.getTime()) return 'EXPIRED';
  if (c.validFrom.getTime() > now.getTime()) return 'PENDING';
  return 'ACTIVE';
}

/**
 * The consent decision for one data category and purpose. Ownership wins; then an active consent that covers the
 * category and purpose; otherwise the most telling refusal (revoked, expired, other purpose, none), so the access
 * log and the other subgraphs can say why.
 */
export function decideConsent(input: {
  own: boolean;
  consents: readonly ConsentRow[];
  requester: Requester;
  category: ConsentCategory;
  purpose: string;
  now: Date;
  /** Only this consent counts (a caller that holds a specific consent id). */
  consentId?: string | undefined;
}): Decision {
  if (input.own) return { permit: true, consentId: null, reason: 'OWN_ORGANIZATION' };
  const relevant = input.consents.filter(
    (c) => consentAddresses(c, input.requester) && c.categories.includes(input.category) && (!input.consentId || c.id === input.consentId),
  );
  const samePurpose = relevant.filter((c) => c.purpose === input.purpose);
  const active = samePurpose.find((c) => consentState(c, input.now) === 'ACTIVE');
  if (active) return { permit: true, consentId: active.id, reason: 'CONSENT' };
  const revoked = samePurpose.find((c) => consentState(c, input.now) === 'REVOKED');
  if (revoked) return { permit: false, consentId: revoked.id, reason: 'REVOKED' };
  const expired = samePurpose.find((c) => consentState(c, input.now) === 'EXPIRED');
  if (expired) return { permit: false, consentId: expired.id, reason: 'EXPIRED' };
  const otherPurpose = relevant.find((c) => c.purpose !== input.purpose && consentState(c, input.now) === 'ACTIVE');
  if (otherPurpose) return { permit: false, consentId: null, reason: 'OTHER_PURPOSE' };
  return { permit: false, consentId: null, reason: 'NO_CONSENT' };
}
