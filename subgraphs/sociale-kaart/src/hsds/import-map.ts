import { isLanguageCode, isUuid, LEVERINGSVORM_CODES, type OrganizationType } from '@hub/domain';
import type { LocationRow, OrganizationRow, ServiceRow } from '../db/queries.ts';
import type { ContactChannels, HsdsResidue, OpeningHours, Phone } from '../db/schema.ts';
import { readReferenceData } from '../reference-data.ts';
import { buildSearchText, foldText } from '../text.ts';
import { MAX_OPENING_HOURS, MAX_ORGANIZATION_PHONES } from '../validation.ts';
import { nativeLocation, nativeOrganization, nativeService, nativeServiceAtLocation, weekdayNumber } from './export.ts';
import { computeResidue, type HsdsObject } from './residue.ts';
import { findTerm, recognizeTaxonomy, termByCode, type TaxonomyKey, type TermRef } from './taxonomies.ts';

/**
 * HSDS 3.0 (HSDS-NL profile) → the sociale kaart's rows, without the database: the importer loads what
 * exists, calls these, and writes the result. A record is the whole truth about its service: fields it lacks
 * are cleared. Whatever the native columns cannot hold is kept as residue, so the export gives it back.
 */

export class RecordRejected extends Error {}

const reject = (reason: string): never => {
  throw new RecordRejected(reason);
};

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined);
const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.flatMap((x) => (obj(x) ? [x as Obj] : [])) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const nonEmpty = (v: unknown): string | null => {
  const s = str(v)?.trim();
  return s ? s : null;
};

/** Entity ids must be RFC 9562 UUIDs: the graph (and its `_entities`) accepts no other. */
export function entityId(v: unknown, path: string): string {
  const s = str(v);
  if (!s || !isUuid(s)) return reject(`${path} must be a UUID (RFC 9562), got ${s === undefined ? 'nothing' : JSON.stringify(s.slice(0, 60))}.`);
  return s.toLowerCase();
}

const { gemeenten, regions } = (() => {
  const data = readReferenceData();
  return { gemeenten: data.gemeenten, regions: data.regions };
})();
const gemeenteByCode = new Map(gemeenten.map((g) => [g.code, g]));
const regionCodes = new Set(regions.map((r) => r.code));
const gemeenteByFoldedName = new Map(gemeenten.map((g) => [foldText(g.name), g]));

/** The Netherlands with a margin: coordinates outside it never decide a gemeente. */
const NL_BOUNDS = { minLat: 50.7, maxLat: 53.6, minLon: 3.3, maxLon: 7.3 };
/** A location further than this from every gemeente centroid gets no gemeente from its coordinates. */
const MAX_CENTROID_DISTANCE_KM = 30;

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(a));
}

/** The gemeente whose centroid is nearest; a coarse rule, documented in the profile (no PC4 table in the reference data). */
function nearestGemeente(latitude: number, longitude: number): string | null {
  if (latitude < NL_BOUNDS.minLat || latitude > NL_BOUNDS.maxLat || longitude < NL_BOUNDS.minLon || longitude > NL_BOUNDS.maxLon) return null;
  let best: { code: string; km: number } | null = null;
  for (const g of gemeenten) {
    const km = distanceKm(latitude, longitude, g.latitude, g.longitude);
    if (!best || km < best.km) best = { code: g.code, km };
  }
  return best && best.km <= MAX_CENTROID_DISTANCE_KM ? best.code : null;
}

/** Ids of imported terms of other vocabularies: attributes may cite those by id alone. */
export type KnownTerms = ReadonlySet<string>;

/** HSDS-NL terms among an entity's attributes, by taxonomy; foreign vocabularies stay in the residue. */
function resolveAttributes(attributes: unknown, path: string, known: KnownTerms): Map<TaxonomyKey, TermRef[]> {
  const found = new Map<TaxonomyKey, TermRef[]>();
  objs(attributes).forEach((a, i) => {
    const term = obj(a.taxonomy_term);
    const givenId = str(a.taxonomy_term_id) ?? str(term?.id);
    let ref = givenId ? findTerm(givenId) : undefined;
    if (!ref && term) {
      const detail = obj(term.taxonomy_detail);
      const taxonomy = recognizeTaxonomy({
        id: str(term.taxonomy_id) ?? str(detail?.id),
        name: str(term.taxonomy) ?? str(detail?.name),
        uri: str(detail?.uri),
      });
      if (taxonomy) {
        const code = str(term.code) ?? '';
        ref = termByCode(taxonomy.key, code) ?? reject(`${path}.attributes[${i}]: unknown term ${JSON.stringify(code)} in taxonomy ${taxonomy.name}.`);
      }
    } else if (!ref && givenId && !known.has(givenId.toLowerCase())) {
      reject(`${path}.attributes[${i}]: unknown taxonomy term ${givenId}; give the taxonomy_term object for terms outside the HSDS-NL taxonomies.`);
    }
    if (ref) found.set(ref.taxonomy.key, [...(found.get(ref.taxonomy.key) ?? []), ref]);
  });
  return found;
}

const codes = (terms: Map<TaxonomyKey, TermRef[]>, key: TaxonomyKey) => [...new Set((terms.get(key) ?? []).map((t) => t.term.code))];

function single(terms: Map<TaxonomyKey, TermRef[]>, key: TaxonomyKey, path: string): string | undefined {
  const list = codes(terms, key);
  if (list.length > 1) reject(`${path}.attributes: more than one term of taxonomy ${terms.get(key)?.[0]?.taxonomy.name ?? key} (${list.join(', ')}).`);
  return list[0];
}

export interface MappedOrganization {
  row: OrganizationRow;
  source: HsdsObject;
}

/** An organization object → its row. `existing` keeps what HSDS does not carry (created time, version). */
export function mapOrganization(
  source: HsdsObject,
  path: string,
  existing: OrganizationRow | undefined,
  now: Date,
  locationGemeenten: string[],
  known: KnownTerms,
): MappedOrganization {
  const id = entityId(source.id, `${path}.id`);
  const terms = resolveAttributes(source.attributes, path, known);
  const type = (single(terms, 'organisatietype', path) ?? existing?.type ?? 'OTHER') as OrganizationType;
  const identifiers = objs(source.organization_identifiers);
  const identifier = (scheme: string, typePattern: RegExp) =>
    identifiers
      .map((x) => (str(x.identifier_scheme) === scheme || typePattern.test(str(x.identifier_type) ?? '') ? str(x.identifier)?.trim() : undefined))
      .find((v) => v !== undefined && /^\d{8}$/.test(v)) ?? null;
  const name = str(source.name) ?? '';
  let gemeenteCode = single(terms, 'gemeente', path) ?? null;
  if (!gemeenteCode && type === 'GEMEENTE') {
    const byName = gemeenteByFoldedName.get(foldText(name.replace(/^gemeente\s+/i, '')));
    gemeenteCode = byName?.code ?? (new Set(locationGemeenten).size === 1 ? (locationGemeenten[0] ?? null) : null);
  }
  let zorgkantoorregioCode = single(terms, 'zorgkantoorregio', path) ?? null;
  if (!zorgkantoorregioCode && type === 'ZORGKANTOOR') {
    const found = new Set(locationGemeenten.flatMap((c) => gemeenteByCode.get(c)?.zorgkantoorregioCode ?? []));
    zorgkantoorregioCode = found.size === 1 ? ([...found][0] ?? null) : null;
  }
  const phones: Phone[] = objs(source.phones).flatMap((p) => {
    const number = nonEmpty(p.number);
    return number ? [{ number, ...(str(p.description) !== undefined ? { description: str(p.description) } : {}) }] : [];
  });
  if (phones.length > MAX_ORGANIZATION_PHONES)
    reject(`${path}.phones: ${phones.length} phone numbers; an organisation has at most ${MAX_ORGANIZATION_PHONES}.`);
  const parent = str(source.parent_organization_id);
  const row: OrganizationRow = {
    id,
    name,
    description: str(source.description) ?? '',
    type,
    kvkNumber: identifier('NL-KVK', /kvk/i),
    agbCode: identifier('NL-AGB', /agb/i),
    website: str(source.website) ?? null,
    email: str(source.email) ?? null,
    phones,
    parentId: parent && isUuid(parent) ? parent.toLowerCase() : null,
    gemeenteCode,
    zorgkantoorregioCode,
    hsds: null,
    version: existing ? existing.version + 1 : 1,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  row.hsds = computeResidue(source, nativeOrganization(row), ['locations', 'services']);
  return { row, source };
}

/**
 * A location object → its row, deriving the gemeente (attribute, city name, then nearest centroid). `badPoint` hears
 * the path of a location whose coordinates are given but are no WGS84 point (the record gathers them in one warning).
 */
export function mapLocation(
  source: HsdsObject,
  path: string,
  organizationId: string,
  existing: LocationRow | undefined,
  now: Date,
  badPoint: (path: string) => void,
  known: KnownTerms,
): LocationRow {
  const id = entityId(source.id, `${path}.id`);
  const terms = resolveAttributes(source.attributes, path, known);
  const addresses = objs(source.addresses);
  const address = addresses.find((a) => a.address_type === 'physical') ?? addresses[0];
  const lat = num(source.latitude);
  const lon = num(source.longitude);
  const validPoint = lat !== undefined && lon !== undefined && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
  if ((lat !== undefined || lon !== undefined) && !validPoint) badPoint(path);
  const rawPostcode = nonEmpty(address?.postal_code);
  const pc = rawPostcode ? /^([1-9]\d{3})\s*([A-Za-z]{2})$/.exec(rawPostcode) : null;
  const city = nonEmpty(address?.city);
  let gemeenteCode = single(terms, 'gemeente', path) ?? null;
  if (!gemeenteCode && city) gemeenteCode = gemeenteByFoldedName.get(foldText(city))?.code ?? null;
  if (!gemeenteCode && validPoint) gemeenteCode = nearestGemeente(lat, lon);
  const row: LocationRow = {
    id,
    organizationId,
    name: str(source.name) ?? '',
    description: str(source.description) ?? null,
    address: nonEmpty(address?.address_1),
    postalCode: pc ? `${pc[1]} ${(pc[2] ?? '').toUpperCase()}` : rawPostcode,
    city,
    gemeenteCode,
    latitude: validPoint ? lat : null,
    longitude: validPoint ? lon : null,
    accessibility: nonEmpty(objs(source.accessibility)[0]?.description),
    // Confidentiality and use are the hub's own decisions: an import never reveals or revives a location.
    confidential: existing?.confidential ?? false,
    active: existing?.active ?? true,
    hsds: null,
    version: existing ? existing.version + 1 : 1,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  row.hsds = computeResidue(source, nativeLocation(row));
  return row;
}

const AREA_CODE = /^(GM\d{4}|ZK\d{2}|NL)$/;
const TOOI_GEMEENTE = /^https:\/\/identifier\.overheid\.nl\/tooi\/id\/gemeente\/gm(\d{4})$/i;

function serviceArea(source: HsdsObject, path: string, locationGemeenten: string[], warn: (m: string) => void) {
  const found: string[] = [];
  objs(source.service_areas).forEach((a, i) => {
    const extent = str(a.extent)?.trim().toUpperCase() ?? '';
    const tooi = TOOI_GEMEENTE.exec(str(a.uri) ?? '');
    const code = a.extent_type === 'text' && AREA_CODE.test(extent) ? extent : tooi ? `GM${tooi[1]}` : undefined;
    if (!code) return;
    if (code.startsWith('GM') && !gemeenteByCode.has(code)) reject(`${path}.service_areas[${i}]: unknown gemeente ${code}.`);
    if (code.startsWith('ZK') && !regionCodes.has(code)) reject(`${path}.service_areas[${i}]: unknown zorgkantoorregio ${code}.`);
    found.push(code);
  });
  const unique = [...new Set(found)];
  if (unique.includes('NL')) return { areaScope: 'NATIONAL', servedGemeenten: [], servedRegions: [] };
  const regionList = unique.filter((c) => c.startsWith('ZK'));
  const gemeenteList = unique.filter((c) => c.startsWith('GM'));
  if (regionList.length && !gemeenteList.length) {
    const members = gemeenten.filter((g) => regionList.includes(g.zorgkantoorregioCode)).map((g) => g.code);
    return { areaScope: 'REGIONAL', servedGemeenten: members, servedRegions: regionList };
  }
  let served = [...gemeenteList, ...gemeenten.filter((g) => regionList.includes(g.zorgkantoorregioCode)).map((g) => g.code)];
  if (!served.length) {
    served = [...new Set(locationGemeenten)];
    if (served.length) warn(`${path}: no HSDS-NL service area; served gemeenten derived from the locations (${served.join(', ')}).`);
    else warn(`${path}: no service area could be derived; gemeente and region filters will not find this service.`);
  }
  const servedRegions = [...new Set(served.flatMap((c) => gemeenteByCode.get(c)?.zorgkantoorregioCode ?? []))];
  return { areaScope: 'GEMEENTEN', servedGemeenten: served, servedRegions };
}

/** Weekly opening times, each weekday and period once; more than MAX_OPENING_HOURS rejects the record. */
function openingHours(source: HsdsObject, path: string): OpeningHours[] {
  const hours = new Map<string, OpeningHours>();
  for (const s of objs(source.schedules)) {
    const opens = /^(\d{2}:\d{2})/.exec(str(s.opens_at) ?? '')?.[1];
    const closes = /^(\d{2}:\d{2})/.exec(str(s.closes_at) ?? '')?.[1];
    if (s.freq !== 'WEEKLY' || !opens || !closes || closes <= opens) continue;
    for (const day of (str(s.byday) ?? '').split(',')) {
      const weekday = weekdayNumber(day.trim());
      if (weekday > 0) hours.set(`${weekday} ${opens} ${closes}`, { weekday, opensAt: opens, closesAt: closes });
    }
  }
  if (hours.size > MAX_OPENING_HOURS)
    reject(`${path}.schedules: ${hours.size} weekly opening periods; a service has at most ${MAX_OPENING_HOURS} (e.g. two on each day).`);
  return [...hours.values()].sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt) || a.closesAt.localeCompare(b.closesAt));
}

function parseDate(v: unknown): Date | null {
  const s = str(v);
  if (!s) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00.000Z` : s);
  return Number.isNaN(d.getTime()) ? null : d;
}

const age = (v: unknown) => {
  const n = num(v);
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 150 ? n : null;
};

const STATUS_FROM_HSDS: Record<string, string> = { active: 'ACTIVE', inactive: 'INACTIVE', defunct: 'DEFUNCT', 'temporarily closed': 'TEMPORARILY_CLOSED' };
const PHONE = /^[0-9 +()-]{3,20}$/;

/** A service object (its own fields) → its row; organization name for the search text, location gemeenten for the area. */
export function mapService(
  source: HsdsObject,
  path: string,
  organizationId: string,
  organizationName: string,
  locationGemeenten: string[],
  existing: ServiceRow | undefined,
  now: Date,
  verifiedBy: string,
  warn: (message: string) => void,
  known: KnownTerms,
): ServiceRow {
  const id = entityId(source.id, `${path}.id`);
  const terms = resolveAttributes(source.attributes, path, known);
  const legalDomains = codes(terms, 'financieringsdomein');
  const lifeDomains = codes(terms, 'leefgebied');
  const targetGroups = codes(terms, 'doelgroep');
  const supportForms = codes(terms, 'ondersteuningsvorm');
  const kenmerken = codes(terms, 'kenmerk');
  const costOption = objs(source.cost_options).find((c) => str(c.currency)?.toUpperCase() === 'EUR' && num(c.amount) !== undefined);
  const anyCost = objs(source.cost_options).length > 0 || str(source.fees_description) !== undefined;
  const costType = single(terms, 'kostensoort', path) ?? (anyCost ? 'AMOUNT' : 'FREE');
  const capacity = objs(source.capacities)[0];
  const unit = obj(capacity?.unit);
  const capacityStatus = single(terms, 'capaciteitsstatus', path) ?? null;
  const available = num(capacity?.available);
  const maximum = num(capacity?.maximum);
  const waitDays = /^(\d{1,4}) dag(en)?$/.exec(str(source.wait_time)?.trim() ?? '')?.[1];
  const updatedAt = parseDate(source.last_modified) ?? now;
  const capacityUpdatedAt = parseDate(capacity?.updated) ?? (capacityStatus ? updatedAt : null);
  const phone = str(objs(source.phones)[0]?.number)?.trim();
  const contact: ContactChannels = {
    ...(phone && PHONE.test(phone) ? { phone } : {}),
    ...(str(source.email) ? { email: str(source.email) } : {}),
    ...(str(source.url) ? { url: str(source.url) } : {}),
    walkIn: kenmerken.includes('INLOOP'),
  };
  const lastVerifiedAt = parseDate(source.assured_date);
  const name = str(source.name) ?? '';
  const description = str(source.description) ?? '';
  const eligibility = str(source.eligibility_description) ?? null;
  const status = STATUS_FROM_HSDS[str(source.status) ?? ''] ?? reject(`${path}.status: unknown status.`);
  const row: ServiceRow = {
    id,
    organizationId,
    name,
    description,
    status,
    legalDomains,
    lifeDomains,
    targetGroups,
    supportForms,
    wlzSectors: codes(terms, 'wlz-sector'),
    leveringsvormen: LEVERINGSVORM_CODES.filter((l) => codes(terms, 'iwlz-cod578').includes(l.code)).map((l) => l.value),
    zorgprofielen: codes(terms, 'iwlz-cod163').sort(),
    languages: [
      ...new Set(
        objs(source.languages)
          .map((l) => str(l.code)?.trim().toLowerCase() ?? '')
          .filter(isLanguageCode),
      ),
    ],
    formality: single(terms, 'formaliteit', path) ?? 'FORMAL',
    independent: kenmerken.includes('ONAFHANKELIJK'),
    eligibility,
    minimumAge: age(source.minimum_age),
    maximumAge: age(source.maximum_age),
    costType,
    costAmount: costType === 'AMOUNT' && costOption ? (num(costOption.amount) ?? 0).toFixed(2) : null,
    costDescription: str(source.fees_description) ?? null,
    applicationProcess: str(source.application_process) ?? null,
    contact,
    openingHours: openingHours(source, path),
    ...serviceArea(source, path, locationGemeenten, warn),
    capacityStatus,
    capacityAvailable: available !== undefined && Number.isInteger(available) && available >= 0 ? available : null,
    capacityMaximum: maximum !== undefined && Number.isInteger(maximum) && maximum >= 0 ? maximum : null,
    capacityUnit: unit ? (unit.scheme === 'HSDS-NL' ? (str(unit.identifier) ?? null) : (str(unit.name) ?? null)) : null,
    capacityWaitDays: waitDays ? Number(waitDays) : null,
    capacityUpdatedAt,
    // An import reports for the organisation as a whole: no one person or link made the report.
    capacityReportedBy: null,
    lastVerifiedAt,
    verifiedBy: lastVerifiedAt ? verifiedBy : null,
    searchText: buildSearchText({ name, description, organizationName, eligibility, legalDomains, lifeDomains, targetGroups, supportForms }),
    searchVector: null,
    hsds: null,
    version: existing ? existing.version + 1 : 1,
    createdAt: existing?.createdAt ?? now,
    updatedAt,
  };
  row.hsds = computeResidue(source, nativeService(row, true), ['organization', 'service_at_locations']);
  return row;
}

/** A service_at_location's own fields → the link's id and residue. */
export function mapServiceAtLocation(source: HsdsObject, path: string, serviceId: string, locationId: string): { hsdsId: string; hsds: HsdsResidue | null } {
  const hsdsId = entityId(source.id, `${path}.id`);
  const hsds = computeResidue(source, nativeServiceAtLocation({ serviceId, hsdsId, location: { id: locationId } }), ['location', 'service']);
  return { hsdsId, hsds };
}
