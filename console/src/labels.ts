import { findZorgprofiel, LEVERINGSVORM_CODES } from '@hub/domain/wlz-codes';
import type { Role } from './auth/session.ts';
import type { EmailDelivery, NotificationKind } from './generated/graphql.ts';

/** Dutch names for the API's codes (enum values), in one place. Unknown codes are shown as they are. */

export const ROLE_LABELS: Record<Role, { name: string; explanation: string }> = {
  TOEGANG: {
    name: 'Toegangsteam',
    explanation: 'Werkt in het toegangsteam of wijkteam van de gemeente. Zoekt hulp in de sociale kaart en ziet de cliënten van de eigen organisatie.',
  },
  CLIENTONDERSTEUNER: {
    name: 'Cliëntondersteuner',
    explanation: 'Helpt cliënten de weg te vinden. Draagt cliënten warm over aan een andere organisatie en meldt wat er ontbreekt in het aanbod.',
  },
  ZORGBEMIDDELAAR: {
    name: 'Klantadviseur zorgkantoor',
    explanation: 'Werkt bij het zorgkantoor (Wlz). Zoekt samen met de cliënt passende zorg en bemiddelt bij wachtlijsten.',
  },
  OVERLEGTAFEL: {
    name: 'Lid overlegtafel',
    explanation: 'Zit in de regionale overlegtafel. Bespreekt signalen over wat ontbreekt in het aanbod en spreekt acties af.',
  },
  BEHEERDER: {
    name: 'Beheerder sociale kaart',
    explanation: 'Houdt de diensten, locaties en vrije plaatsen van de eigen organisatie in de sociale kaart bij.',
  },
  PRIVACY_OFFICER: {
    name: 'Privacy officer',
    explanation: 'Ziet wie de gegevens van cliënten van de eigen organisatie heeft bekeken, en wanneer. Beoordeelt elke noodtoegang.',
  },
  BELEIDSMEDEWERKER: {
    name: 'Beleidsmedewerker',
    explanation:
      'Werkt aan beleid, inkoop of kwaliteit. Bij een gemeente of zorgkantoor: legt vast welke aanbieders cliëntondersteuning geven en leest hun rapportages. Bij een aanbieder: maakt de halfjaarrapportage.',
  },
  CLIENT: {
    name: 'Cliënt',
    explanation:
      'Logt in met DigiD. Ziet de eigen ondersteuning en contactpersonen, regelt toestemmingen, ziet wie de gegevens bekeek en downloadt de eigen gegevens.',
  },
};

export const ORGANIZATION_TYPE_LABELS: Record<string, string> = {
  GEMEENTE: 'gemeente',
  ZORGKANTOOR: 'zorgkantoor',
  OCO: 'onafhankelijke cliëntondersteuning',
  ZORGAANBIEDER: 'zorgaanbieder',
  WELZIJN: 'welzijnsorganisatie',
  OTHER: 'andere organisatie',
};

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

/** Leveringsvorm (iWlz COD578) in Dutch. */
export const LEVERINGSVORM_LABELS: Record<string, string> = Object.fromEntries(LEVERINGSVORM_CODES.map((l) => [l.value, l.label]));

export const WLZ_SECTOR_LABELS: Record<string, string> = {
  VV: 'Ouderenzorg (VV)',
  GZ: 'Gehandicaptenzorg (GZ)',
  GGZ: 'Geestelijke gezondheidszorg (GGZ)',
};

/**
 * A zorgprofiel (iWlz COD163 code) in words: "5VV – Beschermd wonen met intensieve dementiezorg (code 754)". A code
 * outside the hub's list is shown as it is, with the sector when known.
 */
export function zorgprofielText(code: string | null | undefined, sector?: string | null): string {
  if (!code) return 'Niet bekend';
  const known = findZorgprofiel(code);
  if (known) return `${known.name} – ${known.label} (code ${known.code})`;
  return sector ? `${code}, ${label(WLZ_SECTOR_LABELS, sector)}` : code;
}

export const FORMALITY_LABELS: Record<string, string> = {
  FORMAL: 'Beroepskrachten (formeel)',
  INFORMAL: 'Vrijwilligers en ervaringsdeskundigen (informeel)',
};

export const INDEPENDENT_LABELS: Record<string, string> = {
  true: 'Onafhankelijk',
  false: 'Niet onafhankelijk',
};

export const CAPACITY_LABELS: Record<string, string> = {
  HAS_CAPACITY: 'Plek vrij',
  NO_CAPACITY: 'Geen plek vrij',
  WAITLIST: 'Wachtlijst',
  ADDITIONAL_ASSESSMENT_REQUIRED: 'Eerst extra onderzoek',
  UNKNOWN: 'Vrije plek onbekend',
};

export const COST_LABELS: Record<string, string> = {
  FREE: 'Gratis',
  EIGEN_BIJDRAGE: 'Eigen bijdrage (via het CAK)',
  AMOUNT: 'Vast bedrag',
};

export const SERVICE_STATUS_LABELS: Record<string, string> = {
  ACTIVE: 'Actief',
  INACTIVE: 'Niet actief',
  DEFUNCT: 'Gestopt',
  TEMPORARILY_CLOSED: 'Tijdelijk gesloten',
};

export const AREA_SCOPE_LABELS: Record<string, string> = {
  GEMEENTEN: 'Deze gemeenten',
  REGIONAL: "Deze regio's",
  NATIONAL: 'Heel Nederland',
};

export const LANGUAGE_LABELS: Record<string, string> = {
  nl: 'Nederlands',
  en: 'Engels',
  tr: 'Turks',
  ar: 'Arabisch',
  pl: 'Pools',
  de: 'Duits',
  fr: 'Frans',
  es: 'Spaans',
  pap: 'Papiaments',
  ti: 'Tigrinya',
  uk: 'Oekraïens',
  so: 'Somalisch',
  fy: 'Fries',
  ber: 'Berbers',
  zgh: 'Tamazight',
};

/** What a notification says happened, in plain words; typed on the API's enum, so a new kind needs its text here. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  HANDOVER_RECEIVED: 'Nieuwe overdracht ontvangen',
  HANDOVER_DUE_SOON: 'Overdracht moet binnenkort beantwoord zijn',
  HANDOVER_OVERDUE: 'Overdracht is te laat',
  HANDOVER_ESCALATED: 'Overdracht is te laat (melding voor coördinatoren)',
  HANDOVER_ACCEPTED: 'Uw overdracht is geaccepteerd',
  HANDOVER_REJECTED: 'Uw overdracht is afgewezen',
  CONSENT_REVOKED: 'Een cliënt heeft toestemming ingetrokken: u ziet minder',
  SIGNAL_FEEDBACK: 'De overlegtafel reageerde op uw signaal',
  BREAK_GLASS_OPENED: 'Noodtoegang tot een cliënt van uw organisatie',
  WORKLIST_ITEM: 'Nieuwe indicatie op de werklijst',
  WORKLIST_OVERDUE: 'Indicatie op de werklijst is te laat',
  WORKLIST_ESCALATED: 'Indicatie op de werklijst is te laat (melding voor coördinatoren)',
  REPORT_SUBMITTED: 'Een aanbieder heeft een halfjaarrapportage ingediend',
  REPORT_ACKNOWLEDGED: 'Een opdrachtgever heeft uw halfjaarrapportage ontvangen',
  SATISFACTION_MEASUREMENT_DUE: 'Tijd voor een nieuwe meting van de tevredenheid',
  KNELPUNT_REOPENED: 'Een opgelost knelpunt is weer open: de signalen komen terug',
  ZORGINKOOP_OUTCOME: 'Het zorgkantoor heeft besloten over een knelpunt (zorginkoop)',
};

/** How a kind of event reaches someone by e-mail. */
export const EMAIL_DELIVERY_LABELS: Record<EmailDelivery, string> = {
  IMMEDIATE: 'Direct',
  DAILY_DIGEST: 'Dagelijks overzicht',
  OFF: 'Geen e-mail',
};

export const WEEKDAY_LABELS = ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];

export const label = (labels: Record<string, string>, code: string): string => labels[code] ?? code;

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));
const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
export const formatNumber = (n: number): string => numberFormat.format(n);
const euroFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
export const formatEuro = (n: number): string => euroFormat.format(n);

/** The states of a half-year report (HalfYearReportStatus). */
export const HALF_YEAR_REPORT_STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Concept',
  SUBMITTED: 'Ingediend',
  ACKNOWLEDGED: 'Ontvangst bevestigd',
};

/** How an opdrachtgever pays for a provider's cliëntondersteuning (CommissionKind). */
export const COMMISSION_KIND_LABELS: Record<string, string> = {
  SUBSIDY: 'Subsidie',
  CONTRACT: 'Opdracht (inkoop)',
};

/** A half year in words, e.g. "2e halfjaar 2025 (juli tot en met december)". */
export const halfYearText = (year: number, half: number): string =>
  `${half === 1 ? '1e' : '2e'} halfjaar ${year} (${half === 1 ? 'januari tot en met juni' : 'juli tot en met december'})`;
