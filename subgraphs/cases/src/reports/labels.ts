import type { ReportPeriod } from '@hub/service-kit';

/**
 * Dutch (B1) words for the downloads of a half-year report. The code lists mirror the console's labels
 * (console/src/labels.ts); they are copied, not imported, because a subgraph does not depend on the console.
 */

export const LEGAL_DOMAIN_LABELS: Record<string, string> = {
  WMO_ALGEMENE_VOORZIENING: 'Wmo, vrij toegankelijk',
  WMO_MAATWERKVOORZIENING: 'Wmo, maatwerk (na onderzoek)',
  WLZ: 'Wlz (langdurige zorg)',
  JEUGDWET: 'Jeugdwet',
  ZVW: 'Zorgverzekeringswet',
  PARTICIPATIEWET: 'Participatiewet (werk en inkomen)',
  FREELY_ACCESSIBLE: 'Voor iedereen, zonder indicatie',
};

export const LIFE_DOMAIN_LABELS: Record<string, string> = {
  ZORG_EN_ONDERSTEUNING: 'Zorg en ondersteuning',
  WONEN: 'Wonen',
  WERK_EN_DAGBESTEDING: 'Werk en dagbesteding',
  FINANCIEN_EN_SCHULDEN: 'Geld en schulden',
  ONDERWIJS: 'Onderwijs',
  WELZIJN_EN_SOCIAAL_NETWERK: 'Welzijn en sociaal netwerk',
  VERVOER: 'Vervoer',
  GEZONDHEID: 'Gezondheid',
  VEILIGHEID: 'Veiligheid',
};

export const TARGET_GROUP_LABELS: Record<string, string> = {
  LICHTE_VERSTANDELIJKE_BEPERKING: 'Licht verstandelijke beperking',
  VERSTANDELIJKE_BEPERKING: 'Verstandelijke beperking',
  JEUGD_RONDOM_18: 'Jongeren rond 18 jaar',
  MAATSCHAPPELIJKE_OPVANG: 'Maatschappelijke opvang',
  ALLEENSTAANDE_OUDEREN: 'Alleenstaande ouderen',
  OUDEREN: 'Ouderen',
  WEINIG_SOCIAAL_NETWERK: 'Weinig sociaal netwerk',
  PSYCHISCHE_KWETSBAARHEID: 'Psychisch kwetsbaar',
  LICHAMELIJKE_BEPERKING: 'Lichamelijke beperking',
  ZINTUIGLIJKE_BEPERKING: 'Zintuiglijke beperking',
  MANTELZORGERS: 'Mantelzorgers',
  JEUGD_EN_GEZIN: 'Jeugd en gezin',
  ALLE_INWONERS: 'Alle inwoners',
};

export const SUPPORT_FORM_LABELS: Record<string, string> = {
  INFORMATIE_EN_ADVIES: 'Informatie en advies',
  PERSOONLIJK_PLAN: 'Hulp bij het persoonlijk plan',
  KEUZE_ZORGAANBIEDER_EN_ZORG: 'Hulp bij kiezen van zorg en zorgaanbieder',
  ZORGPLAN: 'Hulp bij het zorgplan',
  BEMIDDELING: 'Bemiddeling als zorg tekortschiet',
  KLACHTEN_BEZWAAR_BEROEP: 'Hulp bij klacht, bezwaar en beroep',
  HERINDICATIE: 'Hulp bij herindicatie',
};

export const STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Concept',
  SUBMITTED: 'Ingediend',
  ACKNOWLEDGED: 'Ingediend en ontvangen',
};

export const label = (labels: Record<string, string>, code: string): string => labels[code] ?? code;

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "eerste halfjaar 2026", "2e kwartaal 2026", "maart 2026", "2026". */
export function periodLabel(p: ReportPeriod): string {
  if (p.kind === 'HALF_YEAR') return `${p.number === 1 ? 'eerste' : 'tweede'} halfjaar ${p.year}`;
  if (p.kind === 'QUARTER') return `${p.number}e kwartaal ${p.year}`;
  if (p.kind === 'MONTH') return `${MONTHS[p.number - 1] ?? p.number} ${p.year}`;
  return String(p.year);
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });

/** A moment or an ISO date as "3 juli 2026" (Amsterdam calendar). */
export function dutchDate(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value) : value;
  return dateFormat.format(date);
}

/** The word for a withheld figure in the downloads; the same for every reason. */
export const WITHHELD_NL = 'afgeschermd';

/** The explanation under every download. */
export const WITHHELD_EXPLANATION = 'afgeschermd: minder dan 5 personen, of terug te rekenen uit andere cijfers';
