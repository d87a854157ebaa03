import type { ConsentCategory, ConsentDecision as Decision } from '@hub/contracts';
import type { consent } from '../db/schema.ts';

export type ConsentRow = typeof consent.$inferSelect;

// The categories and the decision are part of the consent contract other subgraphs ask by (@hub/contracts).
export { CONSENT_CATEGORIES, type ConsentCategory, type ConsentDecision as Decision } from '@hub/contracts';

export const CONSENT_PURPOSES = ['WARM_HANDOVER', 'INTEGRATED_SUPPORT', 'CARE_MEDIATION', 'PRIVACY_REQUEST'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** The organisation asking: its id, and (from the token, when known) its type and region for type-in-region consents. */
export interface Requester {
  organizationId: string;
  organizationType?: string | undefined;
  gemeenteCode?: string | undefined;
  zorgkantoorregio?: string | undefined;
}

export type ConsentAddress = Pick<ConsentRow, 'receivingOrganizationId' | 'receivingOrganizationType' | 'receivingRegionCode'>;

/** Whether a consent names this organisation, directly or as an organisation type within its gemeente or region. */
export function consentAddresses(c: ConsentAddress, who: Requester): boolean {
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
 * Whether this consent opens anything to this organisation for this purpose right now: it addresses the organisation,
 * it is ACTIVE (within its period, not revoked), its purpose is the asked one, and the organisation is not the one
 * that recorded it (a consent shares the recorder's data with someone else; it never widens the recorder's own view).
 * Every other consent opens nothing, not even the client's existence.
 */
export function consentOpens(c: ConsentRow, who: Requester, purpose: string, now: Date): boolean {
  return c.recordedByOrganizationId !== who.organizationId && consentAddresses(c, who) && c.purpose === purpose && consentState(c, now) === 'ACTIVE';
}

/**
 * The consent decision for one data category and purpose. Ownership wins; then an active consent that covers the
 * category and purpose and was recorded by an organisation that holds the data asked for (`holders`); otherwise the
 * most telling refusal (revoked, expired, other purpose, none), so the access log and the other subgraphs can say why.
 */
export function decideConsent(input: {
  own: boolean;
  consents: readonly ConsentRow[];
  requester: Requester;
  category: ConsentCategory;
  purpose: string;
  now: Date;
  /**
   * The organisations that hold the data asked for: the trajectory's organisation for trajectory data, the owning
   * organisations of the client for client data. A consent recorded by any other organisation does not count.
   */
  holders: readonly string[];
  /** Only this consent counts (a caller that holds a specific consent id). */
  consentId?: string | undefined;
}): Decision {
  if (input.own) return { permit: true, consentId: null, reason: 'OWN_ORGANIZATION' };
  const relevant = input.consents.filter(
    (c) =>
      c.recordedByOrganizationId !== input.requester.organizationId &&
      input.holders.includes(c.recordedByOrganizationId) &&
      consentAddresses(c, input.requester) &&
      c.categories.includes(input.category) &&
      (!input.consentId || c.id === input.consentId),
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
