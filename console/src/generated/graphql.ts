/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How the service area is given: GEMEENTEN (listed gemeenten), REGIONAL (whole zorgkantoorregio's) or NATIONAL. */
export type AreaScope =
  /** The listed gemeenten. */
  | 'GEMEENTEN'
  /** The whole country. */
  | 'NATIONAL'
  /** Whole zorgkantoorregio's. */
  | 'REGIONAL';

/**
 * Can the service take a new client now? UNKNOWN when capacity was never reported or is older than the configured
 * number of days (CAPACITY_STALE_DAYS).
 */
export type CapacityStatus =
  /** Can take a new client only after an extra assessment. */
  | 'ADDITIONAL_ASSESSMENT_REQUIRED'
  /** Can take a new client now. */
  | 'HAS_CAPACITY'
  /** Cannot take a new client now. */
  | 'NO_CAPACITY'
  /** Never reported, or the report is older than CAPACITY_STALE_DAYS (derived, never reported). */
  | 'UNKNOWN'
  /** Takes new clients onto a waiting list. */
  | 'WAITLIST';

/** What the client pays. FREE; EIGEN_BIJDRAGE: the legal personal contribution (CAK); AMOUNT: a stated amount. */
export type CostType =
  /** A stated amount (see Cost.amount). */
  | 'AMOUNT'
  /** The legal personal contribution (eigen bijdrage), collected by the CAK. */
  | 'EIGEN_BIJDRAGE'
  /** Free for the client. */
  | 'FREE';

/** FORMAL: paid professionals; INFORMAL: volunteers and ervaringsdeskundigen. */
export type Formality =
  /** Given by paid professionals. */
  | 'FORMAL'
  /** Given by volunteers and ervaringsdeskundigen (experts by experience). */
  | 'INFORMAL';

/**
 * The law (financieringsdomein) a service is financed under. WMO_ALGEMENE_VOORZIENING: Wmo, freely accessible without
 * assessment; WMO_MAATWERKVOORZIENING: Wmo, tailored after assessment (beschikking); WLZ: Wet langdurige zorg;
 * JEUGDWET: youth care; ZVW: health insurance; PARTICIPATIEWET: work and income; FREELY_ACCESSIBLE: no legal financing needed.
 */
export type LegalDomain =
  /** No legal financing needed: open to anyone. */
  | 'FREELY_ACCESSIBLE'
  /** Jeugdwet: youth care. */
  | 'JEUGDWET'
  /** Participatiewet: work and income. */
  | 'PARTICIPATIEWET'
  /** Wet langdurige zorg: long-term care, after a Wlz indication. */
  | 'WLZ'
  /** Wmo, freely accessible without assessment (algemene voorziening). */
  | 'WMO_ALGEMENE_VOORZIENING'
  /** Wmo, tailored support after an assessment and a decision (maatwerkvoorziening, beschikking). */
  | 'WMO_MAATWERKVOORZIENING'
  /** Zorgverzekeringswet: covered by the health insurance. */
  | 'ZVW';

/** Life domains (leefgebieden) a service helps with. */
export type LifeDomain =
  /** Finances and debts. */
  | 'FINANCIEN_EN_SCHULDEN'
  /** Health. */
  | 'GEZONDHEID'
  /** Education. */
  | 'ONDERWIJS'
  /** Safety. */
  | 'VEILIGHEID'
  /** Transport. */
  | 'VERVOER'
  /** Well-being and social network. */
  | 'WELZIJN_EN_SOCIAAL_NETWERK'
  /** Work and daytime activities (dagbesteding). */
  | 'WERK_EN_DAGBESTEDING'
  /** Housing. */
  | 'WONEN'
  /** Care and support. */
  | 'ZORG_EN_ONDERSTEUNING';

/** A distance search: from a gemeente's centroid or from a point. Give gemeenteCode, or latitude and longitude. */
export type NearInput = {
  /** Measure from the centre of this gemeente. */
  gemeenteCode?: string | null | undefined;
  /** Measure from this latitude (WGS84). */
  latitude?: number | null | undefined;
  /** Measure from this longitude (WGS84). */
  longitude?: number | null | undefined;
  /** Maximum distance in kilometres to the nearest location of the service (0 < km <= 500). */
  maxDistanceKm: number;
};

/**
 * What kind of organisation this is. GEMEENTE: a municipality (Wmo, Jeugdwet); ZORGKANTOOR: a Wlz care office,
 * one per zorgkantoorregio; OCO: an independent client-support (onafhankelijke cliëntondersteuning) provider;
 * ZORGAANBIEDER: a care provider; WELZIJN: a welfare organisation; OTHER: anything else.
 */
export type OrganizationType =
  /** A municipality (gemeente): Wmo and Jeugdwet. */
  | 'GEMEENTE'
  /** An independent client-support provider (onafhankelijke cliëntondersteuning). */
  | 'OCO'
  /** Any other kind of organisation. */
  | 'OTHER'
  /** A welfare organisation (welzijnsorganisatie). */
  | 'WELZIJN'
  /** A care provider (zorgaanbieder). */
  | 'ZORGAANBIEDER'
  /** A Wlz care office (zorgkantoor), one per zorgkantoorregio. */
  | 'ZORGKANTOOR';

/** Filters for service search. Different filters combine with AND; the values inside one list filter combine with OR. */
export type ServiceSearchFilter = {
  /** Only formal or only informal services. */
  formality?: Formality | null | undefined;
  /** Only services that serve this gemeente (national services included). */
  gemeenteCode?: string | null | undefined;
  /** Only services whose fresh capacity report says HAS_CAPACITY. */
  hasCapacityNow?: boolean | null | undefined;
  /** Include inactive and defunct services (default: active and temporarily closed only). */
  includeInactive?: boolean | null | undefined;
  /** Only independent (OCO) services. */
  independentOnly?: boolean | null | undefined;
  /** Any of these languages (ISO 639 codes). */
  languages?: Array<string> | null | undefined;
  /** Any of these legal domains. */
  legalDomains?: Array<LegalDomain> | null | undefined;
  /** Any of these life domains. */
  lifeDomains?: Array<LifeDomain> | null | undefined;
  /** Only services with a location within this distance. */
  near?: NearInput | null | undefined;
  /** Any of these support forms. */
  supportForms?: Array<SupportForm> | null | undefined;
  /** Any of these target groups. */
  targetGroups?: Array<TargetGroup> | null | undefined;
  /** Any of these Wlz sectors. */
  wlzSectors?: Array<WlzSector> | null | undefined;
  /** Only services that serve (part of) this zorgkantoorregio (national services included). */
  zorgkantoorregioCode?: string | null | undefined;
};

/** Orderings for service search. RELEVANCE needs `text` (otherwise name order); DISTANCE needs a `near` filter. */
export type ServiceSort =
  /** Nearest first; needs a `near` filter. */
  | 'DISTANCE'
  /** By name, A to Z. */
  | 'NAME'
  /** Best text match first; name order without `text`. */
  | 'RELEVANCE';

/** Whether a service is running. TEMPORARILY_CLOSED services stay findable; DEFUNCT ones are kept for history only. */
export type ServiceStatus =
  /** Running; found by search. */
  | 'ACTIVE'
  /** Ended for good; kept for history only. */
  | 'DEFUNCT'
  /** Not running now; left out of search unless includeInactive. */
  | 'INACTIVE'
  /** Closed for a while; still found by search. */
  | 'TEMPORARILY_CLOSED';

/**
 * The seven forms of cliëntondersteuning: information and advice; help with a persoonlijk plan; choosing a Wlz provider
 * and care; the zorgplan; mediation when care falls short; complaints, objections and appeals; re-assessment (herindicatie).
 */
export type SupportForm =
  /** Mediation when care or support falls short. */
  | 'BEMIDDELING'
  /** Help with a re-assessment (herindicatie). */
  | 'HERINDICATIE'
  /** Information and advice. */
  | 'INFORMATIE_EN_ADVIES'
  /** Help choosing a Wlz care provider and care. */
  | 'KEUZE_ZORGAANBIEDER_EN_ZORG'
  /** Help with complaints, objections and appeals. */
  | 'KLACHTEN_BEZWAAR_BEROEP'
  /** Help with drawing up a persoonlijk plan. */
  | 'PERSOONLIJK_PLAN'
  /** Help with the zorgplan (the care plan agreed with the provider). */
  | 'ZORGPLAN';

/** Target groups (doelgroepen) named in the cliëntondersteuning policy texts, plus broad groups. */
export type TargetGroup =
  /** Older people living alone. */
  | 'ALLEENSTAANDE_OUDEREN'
  /** Every resident. */
  | 'ALLE_INWONERS'
  /** Children, young people and families. */
  | 'JEUGD_EN_GEZIN'
  /** Young people around 18, moving from youth care to adult support. */
  | 'JEUGD_RONDOM_18'
  /** People with a physical disability. */
  | 'LICHAMELIJKE_BEPERKING'
  /** People with a mild intellectual disability (LVB). */
  | 'LICHTE_VERSTANDELIJKE_BEPERKING'
  /** People in or leaving shelter (maatschappelijke opvang). */
  | 'MAATSCHAPPELIJKE_OPVANG'
  /** Informal carers (mantelzorgers). */
  | 'MANTELZORGERS'
  /** Older people. */
  | 'OUDEREN'
  /** People with a mental vulnerability. */
  | 'PSYCHISCHE_KWETSBAARHEID'
  /** People with an intellectual disability. */
  | 'VERSTANDELIJKE_BEPERKING'
  /** People with little or no social network. */
  | 'WEINIG_SOCIAAL_NETWERK'
  /** People with a sensory (visual or hearing) impairment. */
  | 'ZINTUIGLIJKE_BEPERKING';

/** Wlz sectors: VV verpleging en verzorging (elderly care), GZ gehandicaptenzorg (disability care), GGZ mental health. */
export type WlzSector =
  /** Geestelijke gezondheidszorg: mental health care. */
  | 'GGZ'
  /** Gehandicaptenzorg: disability care. */
  | 'GZ'
  /** Verpleging en verzorging: nursing and elderly care. */
  | 'VV';

export type SignedInOrganizationQueryVariables = Exact<{
  id: string | number;
}>;


export type SignedInOrganizationQuery = { organization: { id: string, name: string, type: OrganizationType } | null };

export type SearchServicesQueryVariables = Exact<{
  text?: string | null | undefined;
  filter?: ServiceSearchFilter | null | undefined;
  sort?: ServiceSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchServicesQuery = { searchServices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, distanceKm: number | null, node: { id: string, name: string, description: string, status: ServiceStatus, formality: Formality, independent: boolean, legalDomains: Array<LegalDomain>, organization: { id: string, name: string }, capacity: { status: CapacityStatus, expectedWaitDays: number | null }, freshness: { stale: boolean } } }>, facets: { legalDomains: Array<{ value: string, count: number }>, lifeDomains: Array<{ value: string, count: number }>, targetGroups: Array<{ value: string, count: number }>, supportForms: Array<{ value: string, count: number }>, wlzSectors: Array<{ value: string, count: number }>, formality: Array<{ value: string, count: number }>, independent: Array<{ value: string, count: number }>, capacity: Array<{ value: string, count: number }>, languages: Array<{ value: string, count: number }> } } };

export type ServiceDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ServiceDetailQuery = { service: { id: string, name: string, description: string, status: ServiceStatus, formality: Formality, independent: boolean, eligibility: string | null, minimumAge: number | null, maximumAge: number | null, legalDomains: Array<LegalDomain>, lifeDomains: Array<LifeDomain>, targetGroups: Array<TargetGroup>, supportForms: Array<SupportForm>, wlzSectors: Array<WlzSector>, languages: Array<string>, applicationProcess: string | null, updatedAt: string, cost: { type: CostType, amount: number | null, description: string | null }, contact: { phone: string | null, email: string | null, url: string | null, walkIn: boolean }, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, serviceArea: { scope: AreaScope, gemeenten: Array<{ code: string, name: string }>, zorgkantoorregios: Array<{ code: string, name: string }> }, locations: Array<{ id: string, name: string, address: string | null, postalCode: string | null, city: string | null, accessibility: string | null, confidential: boolean, active: boolean }>, capacity: { status: CapacityStatus, available: number | null, maximum: number | null, unit: string | null, expectedWaitDays: number | null, updatedAt: string | null, stale: boolean }, freshness: { lastVerifiedAt: string | null, stale: boolean }, organization: { id: string, name: string, type: OrganizationType, website: string | null, email: string | null, phones: Array<{ number: string, description: string | null }> } } | null };

export type GemeentenQueryVariables = Exact<{ [key: string]: never; }>;


export type GemeentenQuery = { gemeenten: Array<{ code: string, name: string }> };

export type ClientSupportInGemeenteQueryVariables = Exact<{
  gemeenteCode: string;
}>;


export type ClientSupportInGemeenteQuery = { formal: { totalCount: number, edges: Array<{ node: { id: string, name: string, description: string, independent: boolean, legalDomains: Array<LegalDomain>, supportForms: Array<SupportForm>, organization: { id: string, name: string }, contact: { phone: string | null, email: string | null, url: string | null, walkIn: boolean } } }> }, informal: { totalCount: number, edges: Array<{ node: { id: string, name: string, description: string, independent: boolean, legalDomains: Array<LegalDomain>, supportForms: Array<SupportForm>, organization: { id: string, name: string }, contact: { phone: string | null, email: string | null, url: string | null, walkIn: boolean } } }> } };

export type ClientSupportServiceFragment = { id: string, name: string, description: string, independent: boolean, legalDomains: Array<LegalDomain>, supportForms: Array<SupportForm>, organization: { id: string, name: string }, contact: { phone: string | null, email: string | null, url: string | null, walkIn: boolean } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ClientSupportServiceFragmentDoc = new TypedDocumentString(`
    fragment ClientSupportService on Service {
  id
  name
  description
  independent
  legalDomains
  supportForms
  organization {
    id
    name
  }
  contact {
    phone
    email
    url
    walkIn
  }
}
    `, {"fragmentName":"ClientSupportService"}) as unknown as TypedDocumentString<ClientSupportServiceFragment, unknown>;
export const SignedInOrganizationDocument = new TypedDocumentString(`
    query SignedInOrganization($id: ID!) {
  organization(id: $id) {
    id
    name
    type
  }
}
    `, {"hash":"sha256:bf9f62c5479bd1c29f822032f3e34bb220c5fa99c9616741496d37eb637a1d8c"}) as unknown as TypedDocumentString<SignedInOrganizationQuery, SignedInOrganizationQueryVariables>;
export const SearchServicesDocument = new TypedDocumentString(`
    query SearchServices($text: String, $filter: ServiceSearchFilter, $sort: ServiceSort, $first: Int, $after: String) {
  searchServices(
    text: $text
    filter: $filter
    sort: $sort
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      distanceKm
      node {
        id
        name
        description
        status
        formality
        independent
        legalDomains
        organization {
          id
          name
        }
        capacity {
          status
          expectedWaitDays
        }
        freshness {
          stale
        }
      }
    }
    facets {
      legalDomains {
        value
        count
      }
      lifeDomains {
        value
        count
      }
      targetGroups {
        value
        count
      }
      supportForms {
        value
        count
      }
      wlzSectors {
        value
        count
      }
      formality {
        value
        count
      }
      independent {
        value
        count
      }
      capacity {
        value
        count
      }
      languages {
        value
        count
      }
    }
  }
}
    `, {"hash":"sha256:77952cce301995a22fa901546a9148d100bcc2cee7238b4b7dc919d65c125999"}) as unknown as TypedDocumentString<SearchServicesQuery, SearchServicesQueryVariables>;
export const ServiceDetailDocument = new TypedDocumentString(`
    query ServiceDetail($id: ID!) {
  service(id: $id) {
    id
    name
    description
    status
    formality
    independent
    eligibility
    minimumAge
    maximumAge
    legalDomains
    lifeDomains
    targetGroups
    supportForms
    wlzSectors
    languages
    applicationProcess
    cost {
      type
      amount
      description
    }
    contact {
      phone
      email
      url
      walkIn
    }
    openingHours {
      weekday
      opensAt
      closesAt
    }
    serviceArea {
      scope
      gemeenten {
        code
        name
      }
      zorgkantoorregios {
        code
        name
      }
    }
    locations {
      id
      name
      address
      postalCode
      city
      accessibility
      confidential
      active
    }
    capacity {
      status
      available
      maximum
      unit
      expectedWaitDays
      updatedAt
      stale
    }
    freshness {
      lastVerifiedAt
      stale
    }
    organization {
      id
      name
      type
      website
      email
      phones {
        number
        description
      }
    }
    updatedAt
  }
}
    `, {"hash":"sha256:d7820a2126e2c0dcb120c5f265b9eb4eef8a84778a200bd808ec99835fa1a723"}) as unknown as TypedDocumentString<ServiceDetailQuery, ServiceDetailQueryVariables>;
export const GemeentenDocument = new TypedDocumentString(`
    query Gemeenten {
  gemeenten {
    code
    name
  }
}
    `, {"hash":"sha256:c039880c1807d0c735aa0491f603f50c8eede5ffe26ec33c59c73708c3ff8afd"}) as unknown as TypedDocumentString<GemeentenQuery, GemeentenQueryVariables>;
export const ClientSupportInGemeenteDocument = new TypedDocumentString(`
    query ClientSupportInGemeente($gemeenteCode: String!) {
  formal: searchServices(
    filter: {gemeenteCode: $gemeenteCode, formality: FORMAL, supportForms: [INFORMATIE_EN_ADVIES, PERSOONLIJK_PLAN, KEUZE_ZORGAANBIEDER_EN_ZORG, ZORGPLAN, BEMIDDELING, KLACHTEN_BEZWAAR_BEROEP, HERINDICATIE]}
    sort: NAME
    first: 50
  ) {
    totalCount
    edges {
      node {
        ...ClientSupportService
      }
    }
  }
  informal: searchServices(
    filter: {gemeenteCode: $gemeenteCode, formality: INFORMAL, supportForms: [INFORMATIE_EN_ADVIES, PERSOONLIJK_PLAN, KEUZE_ZORGAANBIEDER_EN_ZORG, ZORGPLAN, BEMIDDELING, KLACHTEN_BEZWAAR_BEROEP, HERINDICATIE]}
    sort: NAME
    first: 50
  ) {
    totalCount
    edges {
      node {
        ...ClientSupportService
      }
    }
  }
}
    fragment ClientSupportService on Service {
  id
  name
  description
  independent
  legalDomains
  supportForms
  organization {
    id
    name
  }
  contact {
    phone
    email
    url
    walkIn
  }
}`, {"hash":"sha256:81e6cc9a04573810773549460ba93349f7d3f85dda31bb87b96f445e949e8e0b"}) as unknown as TypedDocumentString<ClientSupportInGemeenteQuery, ClientSupportInGemeenteQueryVariables>;