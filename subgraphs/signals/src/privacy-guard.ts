import { isValidBsn } from '@hub/domain';

/**
 * The privacy guard on free text (signal descriptions and everything an overlegtafel writes): signals are about
 * gaps in the care supply, never about a person, so text that looks like it identifies someone is refused.
 * Pure functions, no I/O: the table-driven test in test/privacy-guard.test.ts is the specification.
 *
 * The detectors lean towards refusing: a refused text costs the writer one rewrite, a stored BSN costs a data
 * breach. Known deliberate false positives are listed in docs/signals.md.
 */

export type PersonalDataKind = 'BSN' | 'EMAIL' | 'PHONE' | 'POSTCODE_WITH_HOUSE_NUMBER' | 'DATE';

/** What the error message may say about a finding: the kind, never the text. */
export const personalDataLabels: Record<PersonalDataKind, string> = {
  BSN: 'a number that passes the BSN elfproef',
  EMAIL: 'an e-mail address',
  PHONE: 'a phone number',
  POSTCODE_WITH_HOUSE_NUMBER: 'a postcode with a house number',
  DATE: 'a full date (which could be a date of birth)',
};

/**
 * Digit groups joined by at most one separator (space, dot, dash, slash, parentheses), e.g. "1234 56 782",
 * "123.456.782", "(020) 123 45 67". A run is taken whole (never started inside another run); letters before it
 * do not stop it, so "bsn123456782" is still seen.
 */
const DIGIT_RUN = /(?<!\d)\+?\(?\d+(?:(?:[ \u00a0]?[.\-/][ \u00a0]?|[ \u00a0]{1,2}|\) ?|[ \u00a0]?\()\d+)*\)?/gu;

function digitGroups(run: string): { groups: string[]; plus: boolean } {
  return { groups: run.match(/\d+/g) ?? [], plus: run.startsWith('+') };
}

/** Any consecutive groups of a run that together make 8 or 9 digits and pass the elfproef. */
function containsBsn(groups: string[]): boolean {
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      digits += groups[j] ?? '';
      if (digits.length > 9) break;
      if (digits.length >= 8 && isValidBsn(digits)) return true;
    }
  }
  return false;
}

/**
 * Dutch numbers: national 0 + 9 digits (06-12345678, 020-1234567, (020) 123 45 67), international +31 / 0031
 * with an optional "(0)" trunk prefix (+31 6 1234 5678, 0031 20 123 4567, +31 (0)6 12345678).
 */
function containsPhone(groups: string[], plus: boolean): boolean {
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      digits += groups[j] ?? '';
      if (digits.length > 13) break;
      const international = (i === 0 && plus && /^310?[1-9]\d{8}$/.test(digits)) || /^00310?[1-9]\d{8}$/.test(digits);
      if (/^0[1-9]\d{8}$/.test(digits) || international) return true;
    }
  }
  return false;
}

const LOCAL = String.raw`[\p{L}\d._%+\-]+`;
const LABEL = String.raw`[\p{L}\d\-]+`;
const TLD = String.raw`\p{L}{2,12}`;
const BRACKETED = (word: string) => String.raw`\s*[\[({]\s*${word}\s*[\])}]\s*`;
const EMAIL_PATTERNS = [
  // naam@domein.nl, also with spaces around the @ ("naam @ domein.nl").
  new RegExp(String.raw`${LOCAL}\s*@\s*${LABEL}(?:\s*\.\s*${LABEL})*\s*\.\s*${TLD}(?![\p{L}\d])`, 'iu'),
  // naam [at] domein [dot] nl, naam (at) domein (punt) nl, naam {at} domein.nl, naam [apenstaartje] …
  new RegExp(
    String.raw`${LOCAL}(?:${BRACKETED('(?:at|apenstaartje)')})${LABEL}(?:(?:${BRACKETED('(?:dot|punt)')}|\s+(?:dot|punt)\s+|\.)${LABEL})*(?:${BRACKETED('(?:dot|punt)')}|\s+(?:dot|punt)\s+|\.)${TLD}(?![\p{L}\d])`,
    'iu',
  ),
  // naam at domein.nl, naam at domein dot nl, naam apenstaartje domein punt nl: the bare word needs a real
  // domain after it (a dot without spaces, or the word dot/punt), so "wachten at home. Daarna" passes.
  new RegExp(
    String.raw`${LOCAL}\s+(?:at|apenstaartje)\s+${LABEL}(?:(?:\.|\s+(?:dot|punt)\s+)${LABEL})*(?:\.|\s+(?:dot|punt)\s+)${TLD}(?![\p{L}\d])`,
    'iu',
  ),
];

// Six-position postcode: four digits (not starting with 0) and two letters; the letters are upper case, or
// lower case written without a space ("1234ab"), so "in 2025 en 2026" is not a postcode.
const POSTCODE = String.raw`(?<![\p{L}\d])[1-9]\d{3}(?:[ \u00a0]?[A-Z]{2}|[a-z]{2})(?![\p{L}\d])`;
const HOUSE_NUMBER = String.raw`\d{1,5}(?:[ \u00a0-]?[A-Za-z](?![\p{L}]))?`;
const POSTCODE_PATTERNS = [
  // 1234 AB 12, 1234AB, 12, 1234 AB nr. 12, 1234 AB huisnummer 12
  new RegExp(String.raw`${POSTCODE}\s*,?\s*(?:(?:nr|no|huisnummer)\.?\s*)?${HOUSE_NUMBER}(?!\d)`, 'u'),
  // Stationsstraat 12, 1234 AB / Stationsstraat 12a 1234AB
  new RegExp(String.raw`(?<![\d])${HOUSE_NUMBER}\s*,?\s*${POSTCODE}`, 'u'),
];

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
  'jan|feb|febr|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec|january|february|march|may|june|july|august|october';

const validDay = (d: number) => d >= 1 && d <= 31;
const validMonth = (m: number) => m >= 1 && m <= 12;

const NUMERIC_DATE = /(?<![\p{L}\d])(\d{1,4})\s*([-/.])\s*(\d{1,2})\s*\2\s*('?\d{1,4})(?![\d])/gu;
const TEXT_DATE = new RegExp(String.raw`(?<![\p{L}\d])([0-3]?\d)(?:e|ste|de)?\s+(?:${MONTHS})\.?\s+('?\d{2}|\d{4})(?![\d])`, 'iu');
const BIRTH_WORD = /(?:geboren|geb\.|geboortedatum|geboortejaar|geboortedag|born|date of birth|d\.o\.b\.|\bdob\b)\s*(?:op|in|on|:)?\s*\d/iu;

/** Any full calendar date: day, month and year (numeric in either order, or with a month name). */
function containsDate(text: string): boolean {
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const [, first = '', , second = '', third = ''] = m;
    const year = third.replace("'", '');
    const a = Number(first);
    const b = Number(second);
    const c = Number(year);
    if (first.length === 4) {
      // 1956-03-12 (year first): the last part is a day.
      if (validMonth(b) && validDay(c) && year.length <= 2) return true;
      continue;
    }
    if (first.length <= 2 && validDay(a) && validMonth(b) && (year.length === 2 || year.length === 4)) return true;
  }
  return TEXT_DATE.test(text) || BIRTH_WORD.test(text);
}

/** The first kind of personal data found in `text`, or null when the text may be stored. */
export function findPersonalData(text: string): PersonalDataKind | null {
  if (EMAIL_PATTERNS.some((p) => p.test(text))) return 'EMAIL';
  if (containsDate(text)) return 'DATE';
  if (POSTCODE_PATTERNS.some((p) => p.test(text))) return 'POSTCODE_WITH_HOUSE_NUMBER';
  for (const m of text.matchAll(DIGIT_RUN)) {
    const { groups, plus } = digitGroups(m[0]);
    // Phone first: a phone number's digits can contain an elfproef-valid stretch, and the label should be right.
    if (containsPhone(groups, plus)) return 'PHONE';
    if (containsBsn(groups)) return 'BSN';
  }
  return null;
}
