import { describe, expect, it } from 'vitest';
import { consentOpens, consentState, decideConsent, type ConsentCategory, type ConsentRow, type Requester } from '../../src/consent/decide.ts';

/**
 * The consent precedence rules of src/consent/decide.ts as a pure function, without a database: ownership first, then
 * an active consent of a holder for the category and purpose, then the most telling refusal. The matrix in
 * test/consent-gate.test.ts and tests/security/consent-ownership.test.ts check the same rules through the API.
 */

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const HOLDER = '11111111-1111-4111-8111-111111111111';
const RECEIVER = '22222222-2222-4222-8222-222222222222';
const OTHER_HOLDER = '33333333-3333-4333-8333-333333333333';
const receiver: Requester = { organizationId: RECEIVER, organizationType: 'ZORGKANTOOR', zorgkantoorregio: 'ZK02' };

let ids = 0;
/** An active consent from HOLDER to RECEIVER for QUESTION under INTEGRATED_SUPPORT; overrides make the case at hand. */
function consentRow(overrides: Partial<ConsentRow> = {}): ConsentRow {
  ids += 1;
  return {
    id: `00000000-0000-4000-8000-${String(ids).padStart(12, '0')}`,
    clientId: '44444444-4444-4444-8444-444444444444',
    receivingOrganizationId: RECEIVER,
    receivingOrganizationType: null,
    receivingRegionCode: null,
    categories: ['QUESTION'],
    purpose: 'INTEGRATED_SUPPORT',
    validFrom: new Date(NOW.getTime() - 10 * DAY),
    validUntil: null,
    givenBy: 'CLIENT',
    representativeId: null,
    recordedHow: 'VERBAL',
    recordedByUserId: 'co-1',
    recordedByOrganizationId: HOLDER,
    revokedAt: null,
    revokedByUserId: null,
    version: 1,
    createdAt: new Date(NOW.getTime() - 10 * DAY),
    ...overrides,
  };
}

const revoked = (o: Partial<ConsentRow> = {}) => consentRow({ revokedAt: new Date(NOW.getTime() - DAY), ...o });
const expired = (o: Partial<ConsentRow> = {}) => consentRow({ validUntil: new Date(NOW.getTime() - DAY), ...o });
const pending = (o: Partial<ConsentRow> = {}) => consentRow({ validFrom: new Date(NOW.getTime() + DAY), ...o });
const otherPurpose = (o: Partial<ConsentRow> = {}) => consentRow({ purpose: 'CARE_MEDIATION', ...o });

function decide(
  consents: ConsentRow[],
  options: { own?: boolean; requester?: Requester; category?: ConsentCategory; holders?: string[]; consentId?: string } = {},
) {
  return decideConsent({
    own: options.own ?? false,
    consents,
    requester: options.requester ?? receiver,
    category: options.category ?? 'QUESTION',
    purpose: 'INTEGRATED_SUPPORT',
    now: NOW,
    holders: options.holders ?? [HOLDER],
    consentId: options.consentId,
  });
}

describe('consent state', () => {
  it('is ACTIVE from validFrom up to validUntil, REVOKED from revokedAt on, EXPIRED from validUntil on, PENDING before validFrom', () => {
    expect(consentState(consentRow(), NOW)).toBe('ACTIVE');
    expect(consentState(consentRow({ validFrom: NOW }), NOW)).toBe('ACTIVE');
    expect(consentState(consentRow({ validUntil: NOW }), NOW)).toBe('EXPIRED');
    expect(consentState(consentRow({ revokedAt: NOW }), NOW)).toBe('REVOKED');
    expect(consentState(consentRow({ revokedAt: new Date(NOW.getTime() + DAY) }), NOW)).toBe('ACTIVE');
    expect(consentState(pending(), NOW)).toBe('PENDING');
    // Revoked wins over expired: the stronger statement of the client.
    expect(consentState(revoked({ validUntil: new Date(NOW.getTime() - DAY) }), NOW)).toBe('REVOKED');
  });
});

describe('consent decision', () => {
  it('permits the owning organisation without any consent, before looking at consents', () => {
    expect(decide([], { own: true })).toEqual({ permit: true, consentId: null, reason: 'OWN_ORGANIZATION' });
    expect(decide([revoked()], { own: true }).reason).toBe('OWN_ORGANIZATION');
  });

  it('permits with the id of an active consent of a holder for the category and purpose', () => {
    const active = consentRow();
    expect(decide([active])).toEqual({ permit: true, consentId: active.id, reason: 'CONSENT' });
  });

  it('lets an active consent win over revoked, expired and other-purpose ones for the same data', () => {
    const active = consentRow();
    expect(decide([revoked(), expired(), otherPurpose(), active])).toEqual({ permit: true, consentId: active.id, reason: 'CONSENT' });
  });

  it('refuses with the most telling reason first: REVOKED, then EXPIRED, then OTHER_PURPOSE, then NO_CONSENT', () => {
    const r = revoked();
    const e = expired();
    expect(decide([otherPurpose(), e, r])).toEqual({ permit: false, consentId: r.id, reason: 'REVOKED' });
    expect(decide([otherPurpose(), e])).toEqual({ permit: false, consentId: e.id, reason: 'EXPIRED' });
    expect(decide([otherPurpose()])).toEqual({ permit: false, consentId: null, reason: 'OTHER_PURPOSE' });
    expect(decide([])).toEqual({ permit: false, consentId: null, reason: 'NO_CONSENT' });
  });

  it('opens nothing with a pending consent (not yet valid): no consent as far as the decision goes', () => {
    expect(decide([pending()])).toEqual({ permit: false, consentId: null, reason: 'NO_CONSENT' });
    expect(consentOpens(pending(), receiver, 'INTEGRATED_SUPPORT', NOW)).toBe(false);
  });

  it('counts an other-purpose consent only while it is active', () => {
    expect(decide([otherPurpose({ revokedAt: new Date(NOW.getTime() - DAY) })]).reason).toBe('NO_CONSENT');
    expect(decide([otherPurpose({ validFrom: new Date(NOW.getTime() + DAY) })]).reason).toBe('NO_CONSENT');
  });

  it('refuses a category the consent does not name', () => {
    expect(decide([consentRow({ categories: ['HANDOVER'] })], { category: 'PLAN' }).reason).toBe('NO_CONSENT');
    expect(decide([consentRow({ categories: ['HANDOVER', 'PLAN'] })], { category: 'PLAN' }).reason).toBe('CONSENT');
  });

  it("ignores a consent for the organisation that recorded it: it never widens the recorder's own view", () => {
    const selfAddressed = consentRow({ recordedByOrganizationId: RECEIVER });
    expect(decide([selfAddressed], { holders: [RECEIVER] })).toEqual({ permit: false, consentId: null, reason: 'NO_CONSENT' });
    expect(decide([revoked({ recordedByOrganizationId: RECEIVER })], { holders: [RECEIVER] }).reason).toBe('NO_CONSENT');
    expect(consentOpens(selfAddressed, receiver, 'INTEGRATED_SUPPORT', NOW)).toBe(false);
  });

  it('opens only the data of its holder: a consent recorded by an organisation that does not hold the data counts for nothing', () => {
    const elsewhere = consentRow({ recordedByOrganizationId: OTHER_HOLDER });
    expect(decide([elsewhere], { holders: [HOLDER] })).toEqual({ permit: false, consentId: null, reason: 'NO_CONSENT' });
    expect(decide([revoked({ recordedByOrganizationId: OTHER_HOLDER })], { holders: [HOLDER] }).reason).toBe('NO_CONSENT');
    expect(decide([elsewhere], { holders: [HOLDER, OTHER_HOLDER] })).toEqual({ permit: true, consentId: elsewhere.id, reason: 'CONSENT' });
  });

  it('counts only consents that address the asking organisation, by id or as its type in its region', () => {
    expect(decide([consentRow({ receivingOrganizationId: OTHER_HOLDER })]).reason).toBe('NO_CONSENT');
    const toType = consentRow({ receivingOrganizationId: null, receivingOrganizationType: 'ZORGKANTOOR', receivingRegionCode: 'ZK02' });
    expect(decide([toType]).reason).toBe('CONSENT');
    expect(decide([toType], { requester: { ...receiver, zorgkantoorregio: 'ZK22' } }).reason).toBe('NO_CONSENT');
    expect(decide([toType], { requester: { organizationId: RECEIVER, organizationType: 'GEMEENTE', gemeenteCode: 'ZK02' } }).reason).toBe('NO_CONSENT');
  });

  it('with a consent id given, counts that consent only', () => {
    const first = consentRow();
    const second = consentRow();
    expect(decide([first, second], { consentId: second.id })).toEqual({ permit: true, consentId: second.id, reason: 'CONSENT' });
    expect(decide([first, revoked({ id: 'revoked-one' })], { consentId: 'revoked-one' })).toEqual({
      permit: false,
      consentId: 'revoked-one',
      reason: 'REVOKED',
    });
  });
});

describe('what a single consent opens (consentOpens)', () => {
  it('needs the asked purpose and the ACTIVE state', () => {
    expect(consentOpens(consentRow(), receiver, 'INTEGRATED_SUPPORT', NOW)).toBe(true);
    expect(consentOpens(consentRow(), receiver, 'WARM_HANDOVER', NOW)).toBe(false);
    for (const row of [revoked(), expired(), pending()]) expect(consentOpens(row, receiver, 'INTEGRATED_SUPPORT', NOW)).toBe(false);
  });
});
