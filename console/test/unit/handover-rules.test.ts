import { describe, expect, it } from 'vitest';
import { type ConsentForCheck, checkHandoverConsent, deadlineBadge, kindFor } from '../../src/pages/warme-overdracht/labels.ts';

const SENDER = 'org-gemeente';
const receiver = { id: 'org-zk', type: 'ZORGKANTOOR', gemeente: null, zorgkantoorregio: { code: 'ZK02' } };
const consent = (over: Partial<ConsentForCheck>): ConsentForCheck => ({
  id: 'c1',
  status: 'ACTIVE',
  purpose: 'WARM_HANDOVER',
  categories: ['IDENTITY', 'HANDOVER'],
  receivingOrganization: { id: 'org-zk' },
  receivingOrganizationType: null,
  receivingRegionCode: null,
  recordedByOrganization: { id: SENDER },
  ...over,
});

describe('the consent check before sending a warme overdracht', () => {
  it('allows sending with an active handover consent for the receiver, and says whether the question is shared', () => {
    expect(checkHandoverConsent([consent({})], SENDER, receiver)).toEqual({ canSend: true, consentId: 'c1', questionShared: false, missing: [] });
    expect(checkHandoverConsent([consent({ categories: ['HANDOVER', 'QUESTION'] })], SENDER, receiver).questionShared).toBe(true);
  });

  it('accepts a consent to the receiver type in its region', () => {
    const byType = consent({ receivingOrganization: null, receivingOrganizationType: 'ZORGKANTOOR', receivingRegionCode: 'ZK02' });
    expect(checkHandoverConsent([byType], SENDER, receiver).canSend).toBe(true);
    expect(checkHandoverConsent([{ ...byType, receivingRegionCode: 'ZK22' }], SENDER, receiver).canSend).toBe(false);
  });

  it.each([
    [[], 'Er is geen toestemming van de cliënt vastgelegd voor deze ontvanger.'],
    [[consent({ purpose: 'INTEGRATED_SUPPORT' })], 'Er is wel toestemming voor deze ontvanger, maar voor een ander doel dan warme overdracht.'],
    [[consent({ status: 'REVOKED' })], 'De cliënt heeft de toestemming voor deze ontvanger ingetrokken.'],
    [[consent({ status: 'EXPIRED' })], 'De toestemming voor deze ontvanger is verlopen.'],
    [[consent({ categories: ['IDENTITY'] })], 'De toestemming geldt niet voor de gegevens van de overdracht.'],
    [[consent({ receivingOrganization: { id: 'other' } })], 'Er is geen toestemming van de cliënt vastgelegd voor deze ontvanger.'],
    [[consent({ recordedByOrganization: { id: 'org-zk' } })], 'Er is geen toestemming van de cliënt vastgelegd voor deze ontvanger.'],
  ])('refuses and says what is missing (%#)', (consents, text) => {
    const check = checkHandoverConsent(consents, SENDER, receiver);
    expect(check.canSend).toBe(false);
    expect(check.missing).toEqual([text]);
  });
});

describe('deadline badges and kinds', () => {
  const r = { status: 'REQUESTED', overdue: false, respondBy: '2026-12-10', startBy: null };
  it('marks late, soon or nothing', () => {
    expect(deadlineBadge({ ...r, overdue: true }, '2026-12-01')?.text).toBe('Te laat');
    expect(deadlineBadge(r, '2026-12-11')?.text).toBe('Te laat');
    expect(deadlineBadge(r, '2026-12-08')?.text).toBe('Binnenkort');
    expect(deadlineBadge(r, '2026-12-01')).toBeNull();
    expect(deadlineBadge({ ...r, status: 'COMPLETED' }, '2026-12-11')).toBeNull();
    expect(deadlineBadge({ ...r, status: 'ACCEPTED', startBy: '2026-12-09' }, '2026-12-08')?.kind).toBe('soon');
  });
  it('derives the kind from sender and receiver', () => {
    expect(kindFor('GEMEENTE', 'ZORGKANTOOR')).toBe('WMO_TO_WLZ');
    expect(kindFor('ZORGKANTOOR', 'GEMEENTE')).toBe('WLZ_TO_WMO');
    expect(kindFor('ZORGKANTOOR', 'OCO')).toBe('TO_OCO');
    expect(kindFor('OCO', 'WELZIJN')).toBe('OTHER');
  });
});
