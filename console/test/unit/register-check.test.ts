import { describe, expect, it } from 'vitest';
import { checkRegistration, EMPTY_REGISTRATION, type RegistrationForm } from '../../src/pages/clienten/register-check.ts';

const valid: RegistrationForm = {
  ...EMPTY_REGISTRATION,
  givenName: 'Roos',
  familyName: 'Voorbeeld',
  dateOfBirth: '1948-03-14',
  gemeenteCode: 'GM0363',
  hulpvraag: 'Hulp bij het kiezen van zorg.',
};
const TODAY = '2026-12-06';

describe('the registration form checks before sending', () => {
  it('accepts a complete form, with or without a BSN', () => {
    expect(checkRegistration(valid, TODAY)).toEqual({});
    expect(checkRegistration({ ...valid, bsn: '999990019' }, TODAY)).toEqual({});
    // Eight digits (a leading 0 left off), and spaces or dots as people type them.
    expect(checkRegistration({ ...valid, bsn: '12345672' }, TODAY)).toEqual({});
    expect(checkRegistration({ ...valid, bsn: '1112.22.333' }, TODAY)).toEqual({});
  });

  it('refuses a BSN that fails the elfproef or has the wrong length, in Dutch and without repeating it', () => {
    for (const bsn of ['123456789', '999990018', '1234567', '1234567890', 'abcdefghi', '000000000']) {
      const errors = checkRegistration({ ...valid, bsn }, TODAY);
      expect(errors.bsn, bsn).toMatch(/^Dit is geen geldig BSN\./);
      expect(errors.bsn).not.toContain(bsn);
    }
  });

  it('names every missing or wrong field', () => {
    expect(Object.keys(checkRegistration(EMPTY_REGISTRATION, TODAY)).sort()).toEqual(['dateOfBirth', 'familyName', 'gemeenteCode', 'givenName', 'hulpvraag']);
    expect(checkRegistration({ ...valid, dateOfBirth: '2027-01-01' }, TODAY).dateOfBirth).toBe('De geboortedatum kan niet in de toekomst liggen.');
    expect(checkRegistration({ ...valid, email: 'geen-adres' }, TODAY).email).toMatch(/e-mailadres/);
  });
});
