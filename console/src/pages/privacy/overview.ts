import { CATEGORY_EXPLANATIONS, PURPOSE_EXPLANATIONS } from '../clienten/labels.ts';
import { ROLE_LABELS } from '../../labels.ts';
import type { Role } from '../../auth/session.ts';

/** The access overview's words and its CSV export, apart from the page so they can be tested on their own. */

export const ACCESS_ACTION_LABELS: Record<string, string> = {
  CREATE: 'Vastgelegd',
  READ: 'Bekeken',
  UPDATE: 'Gewijzigd',
  DELETE: 'Verwijderd',
  SEARCH: 'Gezocht',
  EXPORT: 'Geëxporteerd',
};

export const ACCESS_OUTCOME_LABELS: Record<string, string> = { GRANTED: 'Toegestaan', REFUSED: 'Geweigerd' };

/** Why an access was refused, in everyday words (decision reasons of the consent gate). */
export const REFUSAL_LABELS: Record<string, string> = {
  NO_CONSENT: 'geen toestemming',
  EXPIRED: 'toestemming verlopen',
  REVOKED: 'toestemming ingetrokken',
  OTHER_PURPOSE: 'toestemming voor een ander doel',
  NOT_YET_VALID: 'toestemming nog niet geldig',
  ROLE: 'rol mag dit niet',
};

const EXTRA_CATEGORIES: Record<string, string> = { CONSENT: 'Toestemmingen', TRAJECTORY: 'Dat er een traject is' };

export const categoryName = (code: string): string => CATEGORY_EXPLANATIONS[code]?.name ?? EXTRA_CATEGORIES[code] ?? code;

export const roleNames = (encoded: string): string =>
  encoded
    .split(',')
    .map((role) => ROLE_LABELS[role as Role]?.name ?? role)
    .join(', ');

/** The ground in words: own organisation, a consent, a stated purpose or a BSN as proof. */
export function groundText(ground: string): string {
  return ground
    .split(',')
    .map((part) => {
      if (part === 'OWN_ORGANIZATION') return 'Eigen organisatie';
      if (part === 'BSN_PROOF') return 'BSN als bewijs';
      if (part === 'NONE') return 'Geen';
      if (part.startsWith('CONSENT')) return 'Toestemming van de cliënt';
      if (part.startsWith('STATED_PURPOSE:')) {
        const purpose = part.slice('STATED_PURPOSE:'.length);
        return `Opgegeven doel: ${(PURPOSE_EXPLANATIONS[purpose]?.name ?? purpose).toLowerCase()}`;
      }
      return part;
    })
    .filter((text, i, all) => all.indexOf(text) === i)
    .join(', ');
}

export const outcomeText = (outcome: string, reason: string | null | undefined): string => {
  const base = ACCESS_OUTCOME_LABELS[outcome] ?? outcome;
  if (outcome !== 'REFUSED' || !reason) return base;
  return `${base}: ${reason
    .split(',')
    .map((r) => REFUSAL_LABELS[r] ?? r)
    .join(', ')}`;
};

/** A day in the Netherlands (YYYY-MM-DD) as the moment it starts there (00:00 Europe/Amsterdam), as ISO 8601. */
export function startOfDayInNl(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  const hourIn = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' });
  for (const offsetHours of [1, 2]) {
    const candidate = utcMidnight - offsetHours * 3_600_000;
    if (hourIn.format(new Date(candidate)) === '00') return new Date(candidate).toISOString();
  }
  return new Date(utcMidnight - 3_600_000).toISOString();
}

/** The day after (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** A number of days before a day (YYYY-MM-DD). */
export function daysBefore(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

export interface OverviewLine {
  occurredAt: string;
  action: string;
  outcome: string;
  outcomeReason?: string | null | undefined;
  userId: string;
  userName?: string | null | undefined;
  role: string;
  organization: { id: string; name?: string | null | undefined };
  dataCategories: readonly string[];
  authorizationGround: string;
  accessPoint: string;
}

const dateTimeInNl = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Date and time in the Netherlands, as Excel reads it: 2026-12-06 14:03:59. */
export const csvDateTime = (iso: string): string => dateTimeInNl.format(new Date(iso));

/** One CSV field: quoted when it holds a separator, a quote or a line break; a leading = + - @ is neutralised. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = [
  'Datum en tijd',
  'Gebruiker',
  'Gebruikers-id',
  'Rol',
  'Organisatie',
  'Organisatie-id',
  'Handeling',
  'Uitkomst',
  'Gegevens',
  'Grondslag',
  'Toegangspunt',
];

/**
 * The overview as CSV for Dutch Excel: a byte order mark so Excel reads UTF-8 (ë, é), semicolons between the fields
 * (the list separator of a Dutch Windows), CRLF line ends.
 */
export function accessLogCsv(lines: readonly OverviewLine[]): string {
  const rows = lines.map((line) => [
    csvDateTime(line.occurredAt),
    line.userName ?? '',
    line.userId,
    roleNames(line.role),
    line.organization.name ?? '',
    line.organization.id,
    ACCESS_ACTION_LABELS[line.action] ?? line.action,
    outcomeText(line.outcome, line.outcomeReason),
    line.dataCategories.map(categoryName).join(', '),
    groundText(line.authorizationGround),
    line.accessPoint,
  ]);
  return `\uFEFF${[CSV_HEADER, ...rows].map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}
