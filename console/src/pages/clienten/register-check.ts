import { isValidBsn, normalizeBsn } from '@hub/domain/bsn';
import type { ContactChannel, JourneyPhase, LegalDomain } from '../../generated/graphql.ts';

/** The registration form's values and the checks made in the browser before anything is sent. */

export interface RegistrationForm {
  bsn: string;
  givenName: string;
  namePrefix: string;
  familyName: string;
  dateOfBirth: string;
  gemeenteCode: string;
  phone: string;
  email: string;
  channel: '' | ContactChannel;
  legalDomain: LegalDomain;
  journeyPhase: JourneyPhase;
  hulpvraag: string;
}

export type RegistrationErrors = Partial<Record<keyof RegistrationForm, string>>;

export const EMPTY_REGISTRATION: RegistrationForm = {
  bsn: '',
  givenName: '',
  namePrefix: '',
  familyName: '',
  dateOfBirth: '',
  gemeenteCode: '',
  phone: '',
  email: '',
  channel: '',
  legalDomain: 'WMO_MAATWERKVOORZIENING',
  journeyPhase: 'BEFORE_INDICATION',
  hulpvraag: '',
};

/** Checks in the browser what can be checked before sending: nothing leaves the form while one of these fails. */
export function checkRegistration(form: RegistrationForm, today: string): RegistrationErrors {
  const errors: RegistrationErrors = {};
  const bsn = form.bsn.replace(/[\s.]/g, '');
  if (bsn && (!normalizeBsn(bsn) || !isValidBsn(bsn))) {
    errors.bsn = 'Dit is geen geldig BSN. Een BSN heeft 9 cijfers en klopt met de elfproef. Controleer het nummer op het identiteitsbewijs.';
  }
  if (!form.givenName.trim()) errors.givenName = 'Vul de voornaam in.';
  if (!form.familyName.trim()) errors.familyName = 'Vul de achternaam in.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.dateOfBirth)) errors.dateOfBirth = 'Vul de geboortedatum in.';
  else if (form.dateOfBirth > today) errors.dateOfBirth = 'De geboortedatum kan niet in de toekomst liggen.';
  if (!form.gemeenteCode) errors.gemeenteCode = 'Kies de woongemeente.';
  if (form.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email)) errors.email = 'Dit e-mailadres klopt niet. Het ziet eruit als naam@voorbeeld.nl.';
  if (!form.hulpvraag.trim()) errors.hulpvraag = 'Schrijf de hulpvraag op, het liefst in de woorden van de cliënt.';
  return errors;
}
