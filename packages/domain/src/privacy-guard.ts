import { isValidBsn } from './bsn.ts';

/**
 * The privacy guard on free text (signal descriptions and everything an overlegtafel writes): signals are about
 * gaps in the care supply, never about a person, so text that looks like it identifies someone is refused.
 * Pure functions, no I/O: the table-driven tests in subgraphs/signals/test/unit/privacy-guard.test.ts (with the variants in
 * privacy-guard-variants.ts there) are the specification. Shared by signals and cases (the narrative of half-year reports).
 *
 * The detectors lean towards refusing: a refused text costs the writer one rewrite, a stored BSN costs a data
 * breach. The one place they lean the other way on purpose is dates: a date that marks a policy or service change
 * ("per 1 januari 2027", "sinds 1 juli 2015") is the ordinary language of a signal, so only dates that could be a
 * date of birth are refused (see `couldBeBirthDate`). Known deliberate choices are listed in docs/signals.md.
 */

export type PersonalDataKind = 'BSN' | 'EMAIL' | 'PHONE' | 'POSTCODE_WITH_HOUSE_NUMBER' | 'DATE';

/** What the error message may say about a finding: the kind, never the text. */
export const personalDataLabels: Record<PersonalDataKind, string> = {
  BSN: 'a number that passes the BSN elfproef',
  EMAIL: 'an e-mail address',
  PHONE: 'a phone number',
  POSTCODE_WITH_HOUSE_NUMBER: 'a postcode with a house number',
  DATE: 'a date that could be a date of birth',
};

export interface GuardOptions {
  /** The moment that decides which years count as recent; tests pin it, the subgraph uses the clock. */
  now?: Date;
}

// ---------------------------------------------------------------------------------------------------------------
// Normalisation: the detectors below only know ASCII digits, plain spaces and ASCII punctuation, so everything a
// writer (or a copy-paste from a PDF, or someone testing the guard) can use to make personal data look different
// to a regular expression while it reads the same to a person is folded first.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Unicode encodes every decimal digit (\p{Nd}) in runs of ten, 0 to 9 in order, so a digit's value is its
 * distance from the start of its run, modulo ten (some runs, such as the mathematical digits, are several sets of
 * ten back to back).
 */
function asciiDigit(digit: string): string {
  const codePoint = digit.codePointAt(0) ?? 0;
  let runStart = codePoint;
  while (runStart > 0 && /\p{Nd}/u.test(String.fromCodePoint(runStart - 1))) runStart--;
  return String((codePoint - runStart) % 10);
}

/**
 * Characters that render as nothing but are letters or symbols rather than format characters, so \p{Cf} misses
 * them: the Hangul fillers and the blank Braille pattern.
 */
const INVISIBLE_LETTERS = /[\u115f\u1160\u3164\uffa0\u2800]/gu;

/**
 * The letters that pass for digits inside a number: O or o between digits or starting one ("O6-12345678"), l or I
 * between digits ("12l456782"). A word never has them in those places.
 */
const LETTERS_FOR_DIGITS = /(?<=\d)[Oo](?=\d)|(?<![\p{L}\d])[Oo](?=\d)|(?<=\d)[lI](?=\d)/gu;

/**
 * The text as the detectors see it. NFKC folds compatibility forms (full-width digits and letters, the full-width
 * and small @, superscript and circled digits, ligatures, odd spaces); format characters (\p{Cf}: zero-width
 * space, joiners, word joiner, soft hyphen, BOM, direction marks) and combining marks (accents, variation
 * selectors, the keycap in "1️⃣") are removed, so they cannot split a number or a word; every other decimal digit
 * (Arabic-Indic, Devanagari, …) becomes its ASCII digit; every dash and minus becomes "-", the fraction and
 * division slash "/", typographic apostrophes "'"; and every run of white space (tabs and new lines too) becomes
 * one space. Only used for matching: the stored text is the writer's own.
 */
export function normalizeForGuard(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/[\p{Cf}\p{M}]/gu, '')
    .replace(INVISIBLE_LETTERS, '')
    .normalize('NFC')
    .replace(/\p{Nd}/gu, (d) => (d >= '0' && d <= '9' ? d : asciiDigit(d)))
    .replace(/[\p{Pd}\u2212\u2796\ufe63\uff0d]/gu, '-')
    .replace(/[\u2044\u2215\u29f8]/gu, '/')
    .replace(/[\u2018\u2019\u201b\u02bc\u2032\u00b4`]/gu, "'")
    .replace(/\s+/gu, ' ')
    .replace(LETTERS_FOR_DIGITS, (c) => (c === 'l' || c === 'I' ? '1' : '0'));
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers: BSN and phone.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Digit groups joined by at most one separator (space, dot, dash, slash, underscore, parentheses), e.g.
 * "1234 56 782", "123.456.782", "(020) 123 45 67". A run is taken whole (never started inside another run);
 * letters before it do not stop it, so "bsn123456782" is still seen.
 */
const DIGIT_RUN = /(?<!\d)\+?\(?\d+(?:(?: ?[.\-/_] ?| {1,2}|\) ?| ?\()\d+)*\)?/gu;

function digitGroups(run: string): { groups: string[]; plus: boolean } {
  return { groups: run.match(/\d+/g) ?? [], plus: run.startsWith('+') };
}

const isYear = (group: string | undefined) => group !== undefined && /^(?:19|20)\d\d$/.test(group);

/**
 * Any consecutive groups of a run that together make 8 or 9 digits and pass the elfproef. Two years side by side
 * ("2024-2025", "2019 2020") are a period, not a BSN, although about 1 in 11 such pairs passes the elfproef.
 */
function containsBsn(groups: string[]): boolean {
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      digits += groups[j] ?? '';
      if (digits.length > 9) break;
      const yearPair = j === i + 1 && isYear(groups[i]) && isYear(groups[j]);
      if (digits.length >= 8 && !yearPair && isValidBsn(digits)) return true;
    }
  }
  return false;
}

/**
 * A number of 8 or 9 digits that the text itself calls a BSN (or by its older name, sofinummer) is refused even
 * when it fails the elfproef: a mistyped BSN is one digit away from the real one.
 */
const NAMED_BSN =
  /(?<!\p{L})(?:bsn|burgerservicenummer|burger service nummer|sofi|sofinummer|sofinr)(?:[ -]?(?:nummer|nr))?\.?(?: ?[:=#] ?| )?(?:is |was )?\d(?:[ .\-/_]?\d){7,8}(?!\d)/iu;

/**
 * Dutch numbers: national 0 + 9 digits (06-12345678, 020-1234567, (020) 123 45 67), international +31 / 0031
 * with an optional "(0)" trunk prefix (+31 6 1234 5678, 0031 20 123 4567, +31 (0)6 12345678). Any other number
 * written with a leading "+" and 10 to 15 digits is an international phone number too.
 */
function containsPhone(groups: string[], plus: boolean): boolean {
  if (plus && /^\d{10,15}$/.test(groups.join(''))) return true;
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

// ---------------------------------------------------------------------------------------------------------------
// E-mail.
// ---------------------------------------------------------------------------------------------------------------

const LOCAL = String.raw`[\p{L}\d._%+\-]+`;
const LABEL = String.raw`[\p{L}\d\-]+`;
const TLD = String.raw`\p{L}{2,12}`;
const AT_WORD = '(?:at|@|apenstaartje|apestaartje|a)';
const DOT_WORD = String.raw`(?:dot|punt|\.)`;
const BRACKETED = (word: string) => String.raw`\s*[\[({<]\s*${word}\s*[\])}>]\s*`;
const EMAIL_PATTERNS = [
  // naam@domein.nl, also with spaces around the @ and the dots ("naam @ domein . nl").
  new RegExp(String.raw`${LOCAL}\s*@\s*${LABEL}(?:\s*\.\s*${LABEL})*\s*\.\s*${TLD}(?![\p{L}\d])`, 'iu'),
  // naam [at] domein [dot] nl, naam (at) domein (punt) nl, naam {at} domein.nl, naam [@] domein [.] nl, naam(a)domein.nl
  new RegExp(
    String.raw`${LOCAL}(?:${BRACKETED(AT_WORD)})${LABEL}(?:(?:${BRACKETED(DOT_WORD)}|\s+(?:dot|punt)\s+|\.)${LABEL})*(?:${BRACKETED(DOT_WORD)}|\s+(?:dot|punt)\s+|\.)${TLD}(?![\p{L}\d])`,
    'iu',
  ),
  // naam at domein.nl, naam at domein dot nl, naam apenstaartje domein punt nl: the bare word needs a real
  // domain after it (a dot without spaces, or the word dot/punt), so "wachten at home. Daarna" passes.
  new RegExp(
    String.raw`${LOCAL}\s+(?:at|apenstaartje|apestaartje)\s+${LABEL}(?:(?:\.|\s+(?:dot|punt)\s+)${LABEL})*(?:\.|\s+(?:dot|punt)\s+)${TLD}(?![\p{L}\d])`,
    'iu',
  ),
];

// ---------------------------------------------------------------------------------------------------------------
// Postcode with house number.
// ---------------------------------------------------------------------------------------------------------------

// Six-position postcode: four digits (not starting with 0) and two letters; the letters are upper case (also after a
// dot or dash, "1234-AB"), or lower case written without a space ("1234ab"), so "in 2025 en 2026" is not a postcode.
// A year followed by a Wlz sector code ("in 2025 GZ 12 aanvragen", "2024 VV") is not read as a postcode.
const POSTCODE = String.raw`(?<![\p{L}\d])(?!(?:19|20)\d\d[ .-]?(?:GZ|VV|VG|LG|ZG|LZ)(?![\p{L}\d]))[1-9]\d{3}(?:[ .-]?[A-Z]{2}|[a-z]{2})(?![\p{L}\d])`;
// Any postcode-shaped pair, whatever the case, for when a house-number word says what the number is.
const ANY_CASE_POSTCODE = String.raw`(?<![\p{L}\d])[1-9]\d{3} ?[A-Za-z]{2}(?![\p{L}\d])`;
const HOUSE_NUMBER = String.raw`\d{1,5}(?: ?-? ?[A-Za-z](?![\p{L}]))?`;
const HOUSE_NUMBER_WORD = String.raw`(?:huisnummer|huisnr|hnr|nummer|nr|no|num)\.?:? ?`;
// Only the words that can mean nothing but a house number, where the postcode itself is not unmistakable.
const STRICT_HOUSE_NUMBER_WORD = String.raw`(?:huisnummer|huisnr|hnr|nr)\.?:? ?`;
const POSTCODE_PATTERNS = [
  // 1234 AB 12, 1234AB, 12, 1234AB-12, 1234 AB nr. 12, 1234 AB huisnr 12, 1234 AB hnr. 12
  new RegExp(String.raw`${POSTCODE} ?[,-]? ?(?:${HOUSE_NUMBER_WORD})?${HOUSE_NUMBER}(?!\d)`, 'u'),
  // Stationsstraat 12, 1234 AB / Stationsstraat 12a 1234AB
  new RegExp(String.raw`(?<![\d])${HOUSE_NUMBER} ?,? ?${POSTCODE}`, 'u'),
  // 1234 ab huisnr 12, huisnummer 12, 1234 ab: lower case with a space counts when a word names the house number
  new RegExp(String.raw`${ANY_CASE_POSTCODE} ?[,-]? ?${STRICT_HOUSE_NUMBER_WORD}\d{1,5}(?!\d)`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})${STRICT_HOUSE_NUMBER_WORD}\d{1,5}(?: ?[A-Za-z](?!\p{L}))? ?,? ?${ANY_CASE_POSTCODE}`, 'iu'),
];

// ---------------------------------------------------------------------------------------------------------------
// Dates.
// ---------------------------------------------------------------------------------------------------------------

const MONTH_NUMBERS: Record<string, number> = {
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  february: 2,
  febr: 2,
  feb: 2,
  maart: 3,
  march: 3,
  mrt: 3,
  mar: 3,
  maa: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  augustus: 8,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
// Longest first, so "maart" is tried before "maa" and "mar".
const MONTH = `(?<!\\p{L})(${Object.keys(MONTH_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join('|')})(?!\\p{L})\\.?`;
const ORDINAL = '(?:ste|de|e|st|nd|rd|th)?';
const YEAR = "('?\\d{2}|\\d{4})(?!\\d)";
// After a month name a two-digit year needs its apostrophe ("12 mrt '56"): "op 3 maart 20 aanvragen" is a count.
const WRITTEN_YEAR = "('\\d{2}|\\d{4})(?!\\d)";
// Letters may stand right before a numeric date ("datum12-03-1956"); another digit may not.
const DAY = '(?<!\\d)(\\d{1,2})(?!\\d)';

interface CalendarDate {
  day: number;
  month: number;
  year: number;
}

/** Numeric and written-out dates with a day, a month and a year. */
const FULL_DATE_PATTERNS: { pattern: RegExp; read: (m: RegExpMatchArray) => [string, string, string] }[] = [
  // 12-03-1956, 12/3/56, 12.03.1956, 12 03 1956, mixed separators (12.03-1956)
  { pattern: new RegExp(`${DAY} ?[-/.] ?(\\d{1,2}) ?[-/.] ?${YEAR}`, 'gu'), read: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''] },
  { pattern: new RegExp(`${DAY} (\\d{1,2}) (\\d{4})(?!\\d)`, 'gu'), read: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''] },
  // 1956-03-12, 1956/3/12, 1956 03 12 (year first)
  { pattern: /(?<!\d)(\d{4}) ?[-/.] ?(\d{1,2}) ?[-/.] ?(\d{1,2})(?!\d)/gu, read: (m) => [m[3] ?? '', m[2] ?? '', m[1] ?? ''] },
  { pattern: /(?<!\d)(\d{4}) (\d{1,2}) (\d{1,2})(?!\d)/gu, read: (m) => [m[3] ?? '', m[2] ?? '', m[1] ?? ''] },
  // 12031956 (ddmmyyyy) and 19560312 (yyyymmdd): both readings are tried
  { pattern: /(?<!\d)(\d{2})(\d{2})(\d{4})(?!\d)/gu, read: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''] },
  { pattern: /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/gu, read: (m) => [m[3] ?? '', m[2] ?? '', m[1] ?? ''] },
  // 12 maart 1956, 12-mrt-1956, 12maart1956, 3rd of March 1950, 3e maart '56
  {
    pattern: new RegExp(`${DAY}${ORDINAL} ?(?:of )?[-/.]? ?${MONTH} ?[-/.,]? ?${WRITTEN_YEAR}`, 'giu'),
    read: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''],
  },
  // March 3rd 1950, March 3, 1950, maart 12 1956
  {
    pattern: new RegExp(`${MONTH} ?(\\d{1,2})(?!\\d)${ORDINAL},? ${WRITTEN_YEAR}`, 'giu'),
    read: (m) => [m[2] ?? '', m[1] ?? '', m[3] ?? ''],
  },
];

function readDate([day, month, year]: [string, string, string], currentYear: number): CalendarDate | null {
  const d = Number(day);
  const m = /^\d+$/.test(month) ? Number(month) : MONTH_NUMBERS[month.toLowerCase()];
  const digits = year.replace("'", '');
  let y = Number(digits);
  // A two-digit year is read as the nearest fitting century: up to a few years ahead it is this century.
  if (digits.length === 2) y += y <= (currentYear % 100) + 5 ? 2000 : 1900;
  if (m === undefined || m < 1 || m > 12 || d < 1 || d > 31) return null;
  if (digits.length === 4 && (y < 1890 || y > currentYear + 20)) return null;
  return { day: d, month: m, year: y };
}

/** Words that make the date after them a moment something started, changed or ended. */
const MOMENT_WORD = /(?<!\p{L})(?:sinds|sedert|per|vanaf|tot|tot en met|t\/m|m\.i\.v\.|met ingang van|since|from|until|as of) ?$/iu;

/**
 * The rule that tells a date of birth from the dates a signal is made of. Signal texts name dates of changes,
 * meetings, waits and deadlines: recent or upcoming; a change takes effect on the first of a month and a period
 * ends on the last day of one; and a date that says since or until when is a moment, not a birthday. So a full
 * date is refused when it lies more than fifteen years back (an adult's date of birth: nothing a signal is about
 * lies that far back, and no wording makes it pass), or further back than last year unless it is the first or
 * last of a month or follows "sinds", "per", "vanaf", "tot", "met ingang van" (a child's date of birth otherwise).
 * Dates of this year, last year and the future pass, and so do "sinds 1 januari 2015", "per 1 juli 2022",
 * "tot 31 december 2014" and "wacht sinds 4 februari 2024".
 */
function couldBeBirthDate(date: CalendarDate, currentYear: number, before: string): boolean {
  if (date.year < currentYear - 15) return true;
  if (date.year < currentYear - 1) return date.day !== 1 && date.day !== lastDayOfMonth(date) && !MOMENT_WORD.test(before);
  return false;
}

const lastDayOfMonth = ({ year, month }: CalendarDate) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Words that make the date or year next to them a date of birth (or, for "wordt 18 op", reveal one), in Dutch and
 * English: "geboren in 1956", "geb. 3 maart", "geboortedatum: 3-12", "born March 3rd", "jarig op 3 januari",
 * "DOB 1956", "wordt 18 op 3 maart", and the other way round, "in 1956 geboren".
 */
const BIRTH_WORD =
  '(?:geboren|geb\\.?|geboortedatum|geboortejaar|geboortedag|geb\\.? ?datum|gebdat|jarig|verjaardag|born|birthday|birth ?date|date of birth|d\\.?o\\.?b\\.?|wordt \\d{1,3} (?:jaar )?op|turns \\d{1,3} on)';
const DATE_START = `(?:'?\\d|${MONTH})`;
const BIRTH_WORD_BEFORE_DATE = new RegExp(
  `(?<!\\p{L})${BIRTH_WORD}(?!\\p{L}) ?[:=(,-]? ?(?:(?:op|in|on|at|the|het|jaar|de|den|datum|is|was) ){0,3}${DATE_START}`,
  'iu',
);
const DATE_BEFORE_BIRTH_WORD = new RegExp(`(?:\\d|${MONTH}) ?[,)]? ?(?:geboren|geb\\.|born)(?!\\p{L})`, 'iu');

function containsBirthDate(text: string, currentYear: number): boolean {
  if (BIRTH_WORD_BEFORE_DATE.test(text) || DATE_BEFORE_BIRTH_WORD.test(text)) return true;
  for (const { pattern, read } of FULL_DATE_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const date = readDate(read(m), currentYear);
      const before = text.slice(Math.max(0, (m.index ?? 0) - 20), m.index);
      if (date && couldBeBirthDate(date, currentYear, before)) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------

/** The first kind of personal data found in `text`, or null when the text may be stored. */
export function findPersonalData(text: string, options: GuardOptions = {}): PersonalDataKind | null {
  const normal = normalizeForGuard(text);
  const currentYear = (options.now ?? new Date()).getUTCFullYear();
  if (EMAIL_PATTERNS.some((p) => p.test(normal))) return 'EMAIL';
  if (containsBirthDate(normal, currentYear)) return 'DATE';
  if (POSTCODE_PATTERNS.some((p) => p.test(normal))) return 'POSTCODE_WITH_HOUSE_NUMBER';
  if (NAMED_BSN.test(normal)) return 'BSN';
  for (const m of normal.matchAll(DIGIT_RUN)) {
    const { groups, plus } = digitGroups(m[0]);
    // Phone first: a phone number's digits can contain an elfproef-valid stretch, and the label should be right.
    if (containsPhone(groups, plus)) return 'PHONE';
    if (containsBsn(groups)) return 'BSN';
  }
  return null;
}
