/**
 * Code lists of the domain. GraphQL enums in every subgraph use these exact values,
 * so one list serves validation, demo data and documentation.
 */

export const ORGANIZATION_TYPES = ['GEMEENTE', 'ZORGKANTOOR', 'OCO', 'ZORGAANBIEDER', 'WELZIJN', 'OTHER'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/** CBS gemeentecode (GM + four digits) and zorgkantoorregio code (ZK + two digits), as tokens, events and inputs carry them. */
export const GEMEENTE_CODE_PATTERN = /^GM\d{4}$/;
export const ZORGKANTOORREGIO_CODE_PATTERN = /^ZK\d{2}$/;

export const ROLES = ['TOEGANG', 'CLIENTONDERSTEUNER', 'ZORGBEMIDDELAAR', 'OVERLEGTAFEL', 'BEHEERDER', 'PRIVACY_OFFICER', 'BELEIDSMEDEWERKER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The role of a client (or their representative) signed in as themselves, through DigiD via an OpenID Connect broker.
 * Not one of ROLES: a client token carries no organisation, and no professional path accepts it.
 */
export const CLIENT_ROLE = 'CLIENT' as const;

/**
 * What a machtiging (authorisation by the client) lets a representative do: READ shows the client's own view, CONSENT
 * gives, changes and revokes consents, EXPORT downloads the copy of the data, CORRECTION asks for a correction.
 */
export const MACHTIGING_SCOPES = ['READ', 'CONSENT', 'EXPORT', 'CORRECTION'] as const;
export type MachtigingScope = (typeof MACHTIGING_SCOPES)[number];

/** The care roles: they work with a client's personal data and on referrals (toegangsteam, cliëntondersteuner, zorgbemiddelaar). */
export const CARE_ROLES = ['TOEGANG', 'CLIENTONDERSTEUNER', 'ZORGBEMIDDELAAR'] as const satisfies readonly Role[];

/** Financing regimes a service can fall under. */
export const LEGAL_DOMAINS = ['WMO_ALGEMENE_VOORZIENING', 'WMO_MAATWERKVOORZIENING', 'WLZ', 'JEUGDWET', 'ZVW', 'PARTICIPATIEWET', 'FREELY_ACCESSIBLE'] as const;
export type LegalDomain = (typeof LEGAL_DOMAINS)[number];

export const LIFE_DOMAINS = [
  'ZORG_EN_ONDERSTEUNING',
  'WONEN',
  'WERK_EN_DAGBESTEDING',
  'FINANCIEN_EN_SCHULDEN',
  'ONDERWIJS',
  'WELZIJN_EN_SOCIAAL_NETWERK',
  'VERVOER',
  'GEZONDHEID',
  'VEILIGHEID',
] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];

/** Target groups named in the seed texts (001, 002), plus the broad groups a sociale kaart needs. */
export const TARGET_GROUPS = [
  'LICHTE_VERSTANDELIJKE_BEPERKING',
  'VERSTANDELIJKE_BEPERKING',
  'JEUGD_RONDOM_18',
  'MAATSCHAPPELIJKE_OPVANG',
  'ALLEENSTAANDE_OUDEREN',
  'OUDEREN',
  'WEINIG_SOCIAAL_NETWERK',
  'PSYCHISCHE_KWETSBAARHEID',
  'LICHAMELIJKE_BEPERKING',
  'ZINTUIGLIJKE_BEPERKING',
  'MANTELZORGERS',
  'JEUGD_EN_GEZIN',
  'ALLE_INWONERS',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** The seven forms of cliëntondersteuning. */
export const SUPPORT_FORMS = [
  'INFORMATIE_EN_ADVIES',
  'PERSOONLIJK_PLAN',
  'KEUZE_ZORGAANBIEDER_EN_ZORG',
  'ZORGPLAN',
  'BEMIDDELING',
  'KLACHTEN_BEZWAAR_BEROEP',
  'HERINDICATIE',
] as const;
export type SupportForm = (typeof SUPPORT_FORMS)[number];

export const WLZ_SECTORS = ['VV', 'GZ', 'GGZ'] as const;
export type WlzSector = (typeof WLZ_SECTORS)[number];

export const CAPACITY_STATUSES = ['HAS_CAPACITY', 'NO_CAPACITY', 'WAITLIST', 'ADDITIONAL_ASSESSMENT_REQUIRED'] as const;
export type CapacityStatus = (typeof CAPACITY_STATUSES)[number];

export const SERVICE_STATUSES = ['ACTIVE', 'INACTIVE', 'DEFUNCT', 'TEMPORARILY_CLOSED'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
