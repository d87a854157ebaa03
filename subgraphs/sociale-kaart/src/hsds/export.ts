import { deterministicUuid, leveringsvormCode } from '@hub/domain';
import type { LocationRow, OrganizationRow, ServiceRow } from '../db/queries.ts';
import type { HsdsResidue } from '../db/schema.ts';
import { readReferenceData } from '../reference-data.ts';
import { applyResidue, type HsdsObject } from './residue.ts';
import { termByCode, termObject, tooiGemeenteUri, type TaxonomyKey } from './taxonomies.ts';

/**
 * Native HSDS 3.0 objects from the sociale kaart's rows (the HSDS-NL profile, docs/hsds-nl-profile.md), and
 * the exported objects: native fields overlaid with what an import kept (residue.ts). Pure functions: the
 * routes load rows in a constant number of statements and hand them here.
 */

/** Ids of sub-objects the hub does not store (phones, schedules, …): name-based, so stable across exports. */
const subId = (kind: string, ...parts: string[]) => deterministicUuid(`hsds-nl-${kind}`, parts.join('|'));
/** The id of a service_at_location no import named: derived from the pair, so every export gives the same one. */
export const derivedServiceAtLocationId = (serviceId: string, locationId: string) => subId('service-at-location', serviceId, locationId);

const SERVICE_STATUS_TO_HSDS: Record<string, string> = {
  ACTIVE: 'active',
  INACTIVE: 'inactive',
  DEFUNCT: 'defunct',
  TEMPORARILY_CLOSED: 'temporarily closed',
};

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const weekdayCode = (weekday: number) => WEEKDAYS[weekday - 1];
export const weekdayNumber = (code: string) => WEEKDAYS.indexOf(code as (typeof WEEKDAYS)[number]) + 1;

const LANGUAGE_NAMES: Record<string, string> = {
  nl: 'Nederlands',
  en: 'Engels',
  de: 'Duits',
  fr: 'Frans',
  ar: 'Arabisch',
  tr: 'Turks',
  pl: 'Pools',
  uk: 'Oekraïens',
  ti: 'Tigrinya',
  fy: 'Fries',
  pap: 'Papiaments',
};

/** Reference data from the committed CSV (the same rows loadReferenceData writes), so exports need no query for it. */
function gemeenteIndex() {
  const { gemeenten, regions } = readReferenceData();
  return { gemeenten: new Map(gemeenten.map((g) => [g.code, g])), regions: new Map(regions.map((r) => [r.code, r])) };
}
let index: ReturnType<typeof gemeenteIndex> | undefined;
export const referenceIndex = () => (index ??= gemeenteIndex());

function attribute(entityId: string, key: TaxonomyKey, code: string): HsdsObject[] {
  const ref = termByCode(key, code);
  if (!ref) return [];
  return [{ id: subId('attribute', entityId, ref.id), taxonomy_term_id: ref.id, taxonomy_term: termObject(ref) }];
}

/** Drops undefined and null: HSDS fields are optional, and `null` is not a valid value for them. */
function compact(o: Record<string, unknown>): HsdsObject {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export function nativeLocation(l: LocationRow): HsdsObject {
  const g = l.gemeenteCode ? referenceIndex().gemeenten.get(l.gemeenteCode) : undefined;
  return compact({
    id: l.id,
    location_type: 'physical',
    organization_id: l.organizationId,
    name: l.name,
    description: l.description,
    latitude: l.latitude,
    longitude: l.longitude,
    addresses: l.address
      ? [
          {
            id: subId('address', l.id),
            address_1: l.address,
            city: l.city ?? '',
            state_province: g?.province ?? '',
            postal_code: l.postalCode ?? '',
            country: 'NL',
            address_type: 'physical',
          },
        ]
      : [],
    accessibility: l.accessibility ? [{ id: subId('accessibility', l.id), description: l.accessibility }] : [],
    attributes: l.gemeenteCode ? attribute(l.id, 'gemeente', l.gemeenteCode) : [],
  });
}

export const exportLocation = (l: LocationRow): HsdsObject => applyResidue(nativeLocation(l), l.hsds);

function organizationIdentifiers(o: OrganizationRow): HsdsObject[] {
  const ids: HsdsObject[] = [];
  if (o.kvkNumber) ids.push({ id: subId('identifier', o.id, 'kvk'), identifier_scheme: 'NL-KVK', identifier_type: 'KvK-nummer', identifier: o.kvkNumber });
  if (o.agbCode) ids.push({ id: subId('identifier', o.id, 'agb'), identifier_scheme: 'NL-AGB', identifier_type: 'AGB-code', identifier: o.agbCode });
  return ids;
}

/** The organisation's own fields (one-to-one and its own arrays); locations and services are other entities. */
export function nativeOrganization(o: OrganizationRow): HsdsObject {
  return compact({
    id: o.id,
    name: o.name,
    description: o.description,
    email: o.email,
    website: o.website,
    parent_organization_id: o.parentId,
    phones: o.phones.map((p, i) => compact({ id: subId('phone', o.id, String(i)), number: p.number, description: p.description })),
    organization_identifiers: organizationIdentifiers(o),
    attributes: [
      ...attribute(o.id, 'organisatietype', o.type),
      ...(o.gemeenteCode ? attribute(o.id, 'gemeente', o.gemeenteCode) : []),
      ...(o.zorgkantoorregioCode ? attribute(o.id, 'zorgkantoorregio', o.zorgkantoorregioCode) : []),
    ],
  });
}

const notArray = (_key: string, value: unknown) => !Array.isArray(value);

/** organization_list.json form: one-to-one fields only. */
export function exportOrganizationList(o: OrganizationRow): HsdsObject {
  return withoutArrays(applyResidue(nativeOrganization(o), o.hsds, notArray));
}

/** organization.json form without services; `locations` are the organisation's public locations. */
export function exportOrganization(o: OrganizationRow, locations: LocationRow[]): HsdsObject {
  return { ...applyResidue(nativeOrganization(o), o.hsds), locations: locations.map(exportLocation) };
}

function withoutArrays(o: HsdsObject): HsdsObject {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => !Array.isArray(v)));
}

function schedules(s: ServiceRow): HsdsObject[] {
  // One schedule per distinct opening time, listing its weekdays (Mon–Fri 09:00–17:00 is one schedule).
  const groups = new Map<string, number[]>();
  for (const h of [...s.openingHours].sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt))) {
    const key = `${h.opensAt}-${h.closesAt}`;
    groups.set(key, [...(groups.get(key) ?? []), h.weekday]);
  }
  return [...groups].map(([key, days]) => {
    const [opensAt = '', closesAt = ''] = key.split('-');
    return {
      id: subId('schedule', s.id, key),
      freq: 'WEEKLY',
      wkst: 'MO',
      byday: days.map((d) => weekdayCode(d)).join(','),
      opens_at: opensAt,
      closes_at: closesAt,
    };
  });
}

function serviceAreas(s: ServiceRow): HsdsObject[] {
  const { gemeenten, regions } = referenceIndex();
  if (s.areaScope === 'NATIONAL') return [{ id: subId('service-area', s.id, 'NL'), name: 'Nederland', extent: 'NL', extent_type: 'text' }];
  if (s.areaScope === 'REGIONAL') {
    return s.servedRegions.map((code) => ({
      id: subId('service-area', s.id, code),
      name: `Zorgkantoorregio ${regions.get(code)?.name ?? code}`,
      extent: code,
      extent_type: 'text',
    }));
  }
  return s.servedGemeenten.map((code) => ({
    id: subId('service-area', s.id, code),
    name: gemeenten.get(code)?.name ?? code,
    extent: code,
    extent_type: 'text',
    uri: tooiGemeenteUri(code),
  }));
}

function serviceAttributes(s: ServiceRow): HsdsObject[] {
  return [
    ...s.legalDomains.flatMap((c) => attribute(s.id, 'financieringsdomein', c)),
    ...s.lifeDomains.flatMap((c) => attribute(s.id, 'leefgebied', c)),
    ...s.targetGroups.flatMap((c) => attribute(s.id, 'doelgroep', c)),
    ...s.supportForms.flatMap((c) => attribute(s.id, 'ondersteuningsvorm', c)),
    ...s.wlzSectors.flatMap((c) => attribute(s.id, 'wlz-sector', c)),
    ...s.leveringsvormen.flatMap((v) => attribute(s.id, 'iwlz-cod578', leveringsvormCode(v))),
    ...s.zorgprofielen.flatMap((c) => attribute(s.id, 'iwlz-cod163', c)),
    ...attribute(s.id, 'formaliteit', s.formality),
    ...(s.independent ? attribute(s.id, 'kenmerk', 'ONAFHANKELIJK') : []),
    ...(s.contact.walkIn ? attribute(s.id, 'kenmerk', 'INLOOP') : []),
    ...attribute(s.id, 'kostensoort', s.costType),
    ...(s.capacityStatus ? attribute(s.id, 'capaciteitsstatus', s.capacityStatus) : []),
  ];
}

/** HSDS 3.1 service_capacity shape (`capacities`); an extension field that HSDS 3.0 validators accept. */
function capacities(s: ServiceRow): HsdsObject[] {
  if (s.capacityAvailable === null || !s.capacityUpdatedAt) return [];
  const unit = s.capacityUnit;
  return [
    compact({
      id: subId('capacity', s.id),
      service_id: s.id,
      unit: compact({ id: subId('unit', unit ?? ''), name: unit ?? 'plaats', scheme: 'HSDS-NL', identifier: unit }),
      available: s.capacityAvailable,
      maximum: s.capacityMaximum,
      updated: s.capacityUpdatedAt.toISOString(),
    }),
  ];
}

const waitTimeText = (days: number) => `${days} ${days === 1 ? 'dag' : 'dagen'}`;

/** The service's own fields; organization and service_at_locations are added by the caller. */
export function nativeService(s: ServiceRow, withArrays: boolean): HsdsObject {
  const scalars = compact({
    id: s.id,
    organization_id: s.organizationId,
    name: s.name,
    description: s.description,
    url: s.contact.url,
    email: s.contact.email,
    status: SERVICE_STATUS_TO_HSDS[s.status] ?? 'inactive',
    application_process: s.applicationProcess,
    fees_description: s.costDescription,
    wait_time: s.capacityWaitDays === null ? undefined : waitTimeText(s.capacityWaitDays),
    eligibility_description: s.eligibility,
    minimum_age: s.minimumAge,
    maximum_age: s.maximumAge,
    assured_date: s.lastVerifiedAt ? isoDate(s.lastVerifiedAt) : undefined,
    last_modified: s.updatedAt.toISOString(),
  });
  if (!withArrays) return scalars;
  return {
    ...scalars,
    phones: s.contact.phone ? [{ id: subId('phone', s.id, '0'), number: s.contact.phone }] : [],
    schedules: schedules(s),
    service_areas: serviceAreas(s),
    languages: s.languages.map((code) => compact({ id: subId('language', s.id, code), name: LANGUAGE_NAMES[code], code })),
    cost_options:
      s.costType === 'AMOUNT' && s.costAmount !== null
        ? [compact({ id: subId('cost-option', s.id), currency: 'EUR', amount: Number(s.costAmount), amount_description: s.costDescription })]
        : [],
    attributes: serviceAttributes(s),
    capacities: capacities(s),
  };
}

export interface ServiceLink {
  serviceId: string;
  hsdsId: string | null;
  hsds: HsdsResidue | null;
  location: LocationRow;
}

export function nativeServiceAtLocation(link: { serviceId: string; hsdsId: string | null; location: { id: string } }): HsdsObject {
  return {
    id: link.hsdsId ?? derivedServiceAtLocationId(link.serviceId, link.location.id),
    service_id: link.serviceId,
    location_id: link.location.id,
  };
}

/** service.json form: everything, with the organisation (and its public locations) and the public locations of the service. */
export function exportServiceFull(s: ServiceRow, org: OrganizationRow | undefined, orgLocations: LocationRow[], links: ServiceLink[]): HsdsObject {
  const own = applyResidue(nativeService(s, true), s.hsds);
  return {
    ...own,
    service_at_locations: links.map((link) => ({ ...applyResidue(nativeServiceAtLocation(link), link.hsds), location: exportLocation(link.location) })),
    ...(org ? { organization: exportOrganization(org, orgLocations) } : {}),
  };
}

/**
 * service_at_location.json form (`/hsds/service_at_locations/{id}`): the link's own fields, its location, and its service fully
 * nested without `service_at_locations` (the schema's nested service has none: the record is about this one link).
 */
export function exportServiceAtLocationFull(link: ServiceLink, fullService: HsdsObject): HsdsObject {
  const { service_at_locations: _links, ...serviceFields } = fullService;
  return { ...applyResidue(nativeServiceAtLocation(link), link.hsds), location: exportLocation(link.location), service: serviceFields };
}

/** service_list.json form: one-to-one fields and the organisation's one-to-one fields. */
export function exportServiceList(s: ServiceRow, org: OrganizationRow | undefined): HsdsObject {
  const own = withoutArrays(applyResidue(nativeService(s, false), s.hsds, notArray));
  return org ? { ...own, organization: exportOrganizationList(org) } : own;
}

/** Minimal form (`minimal=true`): what a harvester needs to decide what to fetch, and still a valid list item. */
export function exportServiceMinimal(s: ServiceRow): HsdsObject {
  const own = exportServiceList(s, undefined);
  return compact({ id: own.id, name: own.name, status: own.status, last_modified: own.last_modified });
}
