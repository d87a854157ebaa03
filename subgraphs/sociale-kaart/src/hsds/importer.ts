import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { anyUuid, type Db } from '@hub/db';
import { findLocationsByIds, findOrganizationsByIds, findServicesByIds, type LocationRow, type OrganizationRow, type ServiceRow } from '../db/queries.ts';
import { externalTaxonomyTerm, location, organization, service, serviceLocation, type HsdsResidue } from '../db/schema.ts';
import { refreshSearchWords } from '../db/writes.ts';
import { entityId, mapLocation, mapOrganization, mapService, mapServiceAtLocation, RecordRejected } from './import-map.ts';
import type { HsdsObject } from './residue.ts';
import { checkShape } from './shape.ts';
import { findTerm } from './taxonomies.ts';

/**
 * The HSDS importer: parses HSDS 3.0 JSON (one record, a page, an array or NDJSON), checks every record,
 * and writes the valid ones per batch in one transaction with a constant number of statements. A bad record
 * is reported with its reason and never stops the others; ids make a re-import an update.
 *
 * Records are of HSDS's three entry shapes (a service; an organization with nested services; a
 * service_at_location with nested service and location) or taxonomy_term records. Each is turned into the
 * services it carries (units) before it is checked: a record is imported whole or rejected whole.
 */

export class ImportInputError extends Error {}

interface ImportRejection {
  /** 1-based position of the record in the input (the line, for NDJSON). */
  record: number;
  id: string | null;
  reason: string;
  /** `UNSUPPORTED_RECORD_TYPE` for a record of an HSDS object the importer does not take (`recordType` names it). */
  code?: 'UNSUPPORTED_RECORD_TYPE';
  recordType?: string;
}

interface ImportWarning {
  record: number;
  id: string | null;
  message: string;
}

export interface ImportReport {
  records: number;
  created: number;
  updated: number;
  organizations: { created: number; updated: number };
  locations: { created: number; updated: number };
  /** Terms of other vocabularies (taxonomy_term records), kept so attributes can cite them. */
  taxonomyTerms: { created: number; updated: number };
  rejected: ImportRejection[];
  warnings: ImportWarning[];
}

/** The record types the importer takes; HSDS's other objects (a bare location, a taxonomy, …) are refused by name. */
export const IMPORTABLE_RECORD_TYPES = ['service', 'organization', 'service_at_location', 'taxonomy_term'] as const;
export type ImportableRecordType = (typeof IMPORTABLE_RECORD_TYPES)[number];

interface ParsedInput {
  records: { record: number; value: unknown }[];
  rejected: ImportRejection[];
  /** The page wrapper's `record_type`, when it names one: every record of the page is of that type. */
  recordType?: ImportableRecordType | undefined;
}

/** Default upper bound of one import; the CLI and the mutation pass the configured value. */
export const DEFAULT_IMPORT_MAX_BYTES = 20_000_000;
/** Records checked against the database and written together, in one transaction. */
export const IMPORT_BATCH_SIZE = 200;
/**
 * Records one importHsds mutation takes: one batch's worth. It bounds the lists of the report the mutation returns: a
 * record is rejected at most once, and warned about at most MAX_WARNINGS_PER_RECORD times. The command-line importer,
 * whose report is a file, takes any number.
 */
export const MAX_MUTATION_IMPORT_RECORDS = IMPORT_BATCH_SIZE;
/** One warning for the locations of a record whose coordinates are no point, one for its service area. */
export const MAX_WARNINGS_PER_RECORD = 2;
/** One record may not be larger than this (it is stored, in part, verbatim). */
const MAX_RECORD_BYTES = 1_000_000;
/**
 * Deepest nesting of objects and arrays one record may have. HSDS 3.0 itself nests about ten levels (service →
 * service_at_locations → location → addresses → attributes → taxonomy_term → metadata); far deeper input only
 * serves to exhaust the stack of the code that walks it.
 */
const MAX_RECORD_DEPTH = 64;

/** Nesting depth of a JSON value (a scalar is 0), counted without recursion; stops counting past `limit`. */
function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    deepest = Math.max(deepest, next.depth);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(next.value) ? next.value : Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return deepest;
}

/** Splits the input into records. Throws ImportInputError when nothing in it is HSDS JSON at all. */
export function parseHsdsInput(text: string, maxBytes = DEFAULT_IMPORT_MAX_BYTES): ParsedInput {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes)
    throw new ImportInputError(`The input is ${bytes} bytes; the import limit is ${maxBytes} bytes. Nothing was imported. Split it (NDJSON splits by line).`);
  const trimmed = text.trim();
  if (!trimmed) throw new ImportInputError('The input is empty.');
  let whole: unknown;
  let wholeError: string | undefined;
  try {
    whole = JSON.parse(trimmed);
  } catch (e) {
    wholeError = e instanceof Error ? e.message : 'invalid JSON';
  }
  if (wholeError === undefined) {
    if (Array.isArray(whole)) return { records: whole.map((value, i) => ({ record: i + 1, value })), rejected: [] };
    const page = typeof whole === 'object' && whole !== null ? (whole as Record<string, unknown>) : undefined;
    if (page && Array.isArray(page.contents)) {
      const hint = page.record_type;
      if (hint !== undefined && !IMPORTABLE_RECORD_TYPES.includes(hint as ImportableRecordType)) {
        throw new ImportInputError(
          `The page's record_type ${JSON.stringify(String(hint).slice(0, 40))} is not supported; it may be ${IMPORTABLE_RECORD_TYPES.join(', ')}. Nothing was imported.`,
        );
      }
      return { records: page.contents.map((value, i) => ({ record: i + 1, value })), rejected: [], recordType: hint as ImportableRecordType | undefined };
    }
    if (page) return { records: [{ record: 1, value: page }], rejected: [] };
    throw new ImportInputError('The input is JSON but not an HSDS record, an array of records, a page with `contents`, or NDJSON.');
  }
  const lines = trimmed.split(/\r?\n/);
  if (lines.length < 2) throw new ImportInputError(`The input is not valid JSON: ${wholeError}`);
  const parsed: ParsedInput = { records: [], rejected: [] };
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      parsed.records.push({ record: i + 1, value: JSON.parse(line) });
    } catch (e) {
      parsed.rejected.push({ record: i + 1, id: null, reason: `line ${i + 1} is not valid JSON: ${e instanceof Error ? e.message : 'invalid'}` });
    }
  });
  if (!parsed.records.length) throw new ImportInputError(`The input is neither JSON nor NDJSON: ${parsed.rejected[0]?.reason ?? wholeError}`);
  return parsed;
}

export interface ImportOptions {
  /** Mutation imports: every record must belong to this organisation (the BEHEERDER's own). */
  restrictToOrganization?: string | undefined;
  /** Recorded as verifiedBy when a record carries an assured_date. */
  verifiedBy: string;
  /** More records than this (NDJSON lines that are not JSON included) refuse the whole input, before anything is written. */
  maxRecords?: number | undefined;
  batchSize?: number | undefined;
  now?: Date | undefined;
}

/**
 * One service a record carries, as the service shape sees it: a service record is one unit, an organization
 * record one per nested service (each with the organization as its `organization`), a service_at_location
 * record one (its service, linked to its location).
 */
interface Unit {
  source: HsdsObject;
  /** Path of the service in the record, for reasons: `service`, `organization.services[2]`, `service_at_location.service`. */
  path: string;
  /** Path of each of the source's service_at_locations in the record, when it is not `${path}.service_at_locations[i]`. */
  linkPaths?: (string | undefined)[] | undefined;
  /** `replace`: the unit's links are all of the service's links. `merge`: it adds or updates its own links and keeps the others. */
  links: 'replace' | 'merge';
}

/** A record turned into what it imports: its services, or (an organization without services) the organisation alone. */
interface Expanded {
  type: string;
  units: Unit[];
  organizationOnly?: HsdsObject | undefined;
}

interface Planned {
  record: number;
  /** Undefined for an organization record without services: the organisation and its locations alone. */
  serviceId: string | undefined;
  organization: OrganizationRow | undefined;
  organizationIsNew: boolean;
  locations: { row: LocationRow; isNew: boolean }[];
  service: ServiceRow | undefined;
  serviceIsNew: boolean;
  linkMode: 'replace' | 'merge';
  links: { locationId: string; hsdsId: string; hsds: HsdsResidue | null }[];
  warnings: string[];
}

const obj = (v: unknown): HsdsObject | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as HsdsObject) : undefined);
const idOf = (v: unknown): string | null => {
  const id = obj(v)?.id;
  return typeof id === 'string' ? id : null;
};

async function existingLinks(db: Db, hsdsIds: string[]) {
  if (!hsdsIds.length) return [];
  return db
    .select({ serviceId: serviceLocation.serviceId, locationId: serviceLocation.locationId, hsdsId: serviceLocation.hsdsId })
    .from(serviceLocation)
    .where(anyUuid(serviceLocation.hsdsId, hsdsIds));
}

/** Collects the entity ids of a batch so everything that exists is loaded in one statement per table. */
function referencedIds(values: unknown[]) {
  const ids = {
    organizations: new Set<string>(),
    locations: new Set<string>(),
    services: new Set<string>(),
    links: new Set<string>(),
    terms: new Set<string>(),
  };
  const add = (set: Set<string>, v: unknown) => {
    if (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v)) set.add(v.toLowerCase());
  };
  // Attributes sit at every level (service, organisation, location, phone, …): walk the whole record for term ids.
  const walkTerms = (v: unknown, depth: number): void => {
    if (depth > 12 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (const x of v) walkTerms(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.taxonomy_term_id === 'string' && !findTerm(o.taxonomy_term_id)) add(ids.terms, o.taxonomy_term_id);
    for (const x of Object.values(o)) walkTerms(x, depth + 1);
  };
  for (const v of values) walkTerms(v, 0);
  for (const value of values) {
    const s = obj(value);
    if (!s) continue;
    add(ids.services, s.id);
    add(ids.organizations, s.organization_id);
    add(ids.organizations, obj(s.organization)?.id);
    const orgLocations = obj(s.organization)?.locations;
    for (const l of Array.isArray(orgLocations) ? (orgLocations as unknown[]) : []) add(ids.locations, obj(l)?.id);
    for (const sal of Array.isArray(s.service_at_locations) ? s.service_at_locations : []) {
      add(ids.links, obj(sal)?.id);
      add(ids.locations, obj(sal)?.location_id);
      add(ids.locations, obj(obj(sal)?.location)?.id);
      add(ids.organizations, obj(obj(sal)?.location)?.organization_id);
    }
  }
  return ids;
}

/** ON CONFLICT … DO UPDATE SET every column from the proposed row, except the key and the creation time; version counts up. */
function upsertSet(table: PgTable, versionColumn: SQL): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (key === 'id' || key === 'createdAt' || key === 'searchVector' || key === 'version') continue;
    set[key] = sql.raw(`excluded."${column.name}"`);
  }
  set.version = sql`${versionColumn} + 1`;
  return set;
}

/** Writes one batch of checked records: a fixed number of statements, whatever the batch size. */
async function writeBatch(db: Db, batch: Planned[]): Promise<void> {
  await db.transaction(async (tx) => {
    const organizations = new Map<string, OrganizationRow>();
    const locations = new Map<string, LocationRow>();
    for (const p of batch) {
      if (p.organization) organizations.set(p.organization.id, p.organization);
      for (const l of p.locations) locations.set(l.row.id, l.row);
    }
    const strip = <T extends { version: number; createdAt: Date }>(row: T) => {
      const { version: _v, ...rest } = row;
      return rest;
    };
    if (organizations.size) {
      await tx
        .insert(organization)
        .values([...organizations.values()].map(strip))
        .onConflictDoUpdate({ target: organization.id, set: upsertSet(organization, sql`${organization.version}`) });
    }
    if (locations.size) {
      await tx
        .insert(location)
        .values([...locations.values()].map(strip))
        .onConflictDoUpdate({ target: location.id, set: upsertSet(location, sql`${location.version}`) });
    }
    const withService = batch.flatMap((p) => (p.service && p.serviceId ? [{ ...p, service: p.service, serviceId: p.serviceId }] : []));
    if (!withService.length) return;
    const services = withService.map((p) => {
      const { version: _v, searchVector: _s, ...rest } = p.service;
      return rest;
    });
    await tx
      .insert(service)
      .values(services)
      .onConflictDoUpdate({ target: service.id, set: upsertSet(service, sql`${service.version}`) });
    const serviceIds = withService.map((p) => p.serviceId);
    const replaced = withService.filter((p) => p.linkMode === 'replace').map((p) => p.serviceId);
    if (replaced.length) await tx.delete(serviceLocation).where(anyUuid(serviceLocation.serviceId, replaced));
    // A service_at_location record updates its own link (same location, or same id at a new location) and keeps the others.
    const merged = withService.filter((p) => p.linkMode === 'merge');
    const pairKeys = merged.flatMap((p) => p.links.map((l) => `${p.serviceId}|${l.locationId}`));
    const idKeys = merged.flatMap((p) => p.links.map((l) => `${p.serviceId}|${l.hsdsId}`));
    if (pairKeys.length) {
      await tx.delete(serviceLocation).where(
        sql`(${serviceLocation.serviceId}::text || '|' || ${serviceLocation.locationId}::text) = any(${sql.param(pairKeys)}::text[])
            or (${serviceLocation.serviceId}::text || '|' || ${serviceLocation.hsdsId}::text) = any(${sql.param(idKeys)}::text[])`,
      );
    }
    const links = withService.flatMap((p) => p.links.map((l) => ({ serviceId: p.serviceId, ...l })));
    if (links.length) await tx.insert(serviceLocation).values(links);
    await refreshSearchWords(tx, serviceIds);
  });
}

/**
 * Plans one record against what exists (loaded per batch) and what earlier records of the batch bring.
 * Throws RecordRejected with the reason when the record cannot be imported.
 */
interface PlanContext {
  organizations: Map<string, OrganizationRow>;
  locations: Map<string, LocationRow>;
  services: Map<string, ServiceRow>;
  links: { serviceId: string; locationId: string; hsdsId: string | null }[];
  batchOrganizations: Map<string, OrganizationRow>;
  batchLocations: Map<string, LocationRow>;
  knownTerms: ReadonlySet<string>;
  options: ImportOptions;
  now: Date;
}

/**
 * Plans one unit against what exists (loaded per batch) and what earlier records of the batch bring. `source` is
 * the service, or (no service) the organization record itself. Throws RecordRejected when it cannot be imported.
 */
function planUnit(unit: Unit | { organizationOnly: HsdsObject }, record: number, ctx: PlanContext): Planned {
  const serviceUnit = 'source' in unit ? unit : undefined;
  const p = serviceUnit?.path ?? 'organization';
  const source: HsdsObject = serviceUnit ? serviceUnit.source : { organization: 'organizationOnly' in unit ? unit.organizationOnly : undefined };
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  const serviceId = serviceUnit ? entityId(source.id, `${p}.id`) : undefined;
  const orgSource = obj(source.organization);
  const orgPath = serviceUnit ? `${p}.organization` : 'organization';
  const givenOrgId = source.organization_id === undefined ? undefined : entityId(source.organization_id, `${p}.organization_id`);
  const nestedOrgId = orgSource ? entityId(orgSource.id, `${orgPath}.id`) : undefined;
  if (givenOrgId && nestedOrgId && givenOrgId !== nestedOrgId) throw new RecordRejected(`${p}.organization_id and ${orgPath}.id differ.`);
  const organizationId =
    givenOrgId ??
    nestedOrgId ??
    (() => {
      throw new RecordRejected(`${p}.organization_id or ${p}.organization is required: the hub files every service under an organisation.`);
    })();
  const own = ctx.options.restrictToOrganization;
  if (own && organizationId !== own)
    throw new RecordRejected(
      `${serviceUnit ? 'the service' : 'the organization'} belongs to another organisation; you can import into your own organisation only.`,
    );
  const existingService = serviceId ? ctx.services.get(serviceId) : undefined;
  if (existingService && existingService.organizationId !== organizationId) {
    throw new RecordRejected(`${p}: a service with this id belongs to another organisation in the hub.`);
  }
  const knownOrg = ctx.batchOrganizations.get(organizationId) ?? ctx.organizations.get(organizationId);
  if (!orgSource && !knownOrg) throw new RecordRejected(`organisation ${organizationId} is not in the hub; include the organization object.`);

  // Locations: the service's (via service_at_locations) and the organisation's own list.
  const locationSources = new Map<string, { source: HsdsObject; path: string; organizationId: string }>();
  const addLocation = (l: HsdsObject, path: string) => {
    const id = entityId(l.id, `${path}.id`);
    if (locationSources.has(id)) return id;
    const locOrg = l.organization_id === undefined ? organizationId : entityId(l.organization_id, `${path}.organization_id`);
    if (own && locOrg !== own) throw new RecordRejected(`${path} belongs to another organisation; you can import into your own organisation only.`);
    if (locOrg !== organizationId && !ctx.batchOrganizations.has(locOrg) && !ctx.organizations.has(locOrg)) {
      throw new RecordRejected(`${path}.organization_id ${locOrg} is not in the hub.`);
    }
    const existing = ctx.locations.get(id);
    if (existing && existing.organizationId !== locOrg) throw new RecordRejected(`${path}: location ${id} belongs to another organisation in the hub.`);
    locationSources.set(id, { source: l, path, organizationId: locOrg });
    return id;
  };
  const salSources: { source: HsdsObject; path: string; locationId: string }[] = [];
  (Array.isArray(source.service_at_locations) ? source.service_at_locations : []).forEach((raw, i) => {
    const sal = obj(raw) ?? {};
    const path = serviceUnit?.linkPaths?.[i] ?? `${p}.service_at_locations[${i}]`;
    const nested = obj(sal.location);
    let locationId: string;
    if (nested) {
      locationId = addLocation(nested, `${path}.location`);
      if (sal.location_id !== undefined && entityId(sal.location_id, `${path}.location_id`) !== locationId)
        throw new RecordRejected(`${path}.location_id and ${path}.location.id differ.`);
    } else if (sal.location_id !== undefined) {
      locationId = entityId(sal.location_id, `${path}.location_id`);
      const known = ctx.batchLocations.get(locationId) ?? ctx.locations.get(locationId);
      if (!known) throw new RecordRejected(`${path}.location_id ${locationId} is not in the hub; include the location object.`);
      if (own && known.organizationId !== own) throw new RecordRejected(`${path}: the location belongs to another organisation.`);
    } else {
      throw new RecordRejected(`${path} needs a location object or a location_id.`);
    }
    if (salSources.some((s) => s.locationId === locationId)) throw new RecordRejected(`${path}: the service is linked to location ${locationId} twice.`);
    salSources.push({ source: sal, path, locationId });
  });
  const orgLocations = orgSource?.locations;
  (Array.isArray(orgLocations) ? (orgLocations as unknown[]) : []).forEach((raw, i) => {
    const l = obj(raw);
    if (l) addLocation(l, `${orgPath}.locations[${i}]`);
  });

  const badPoints: string[] = [];
  const locations = [...locationSources.entries()].map(([id, l]) => ({
    row: mapLocation(l.source, l.path, l.organizationId, ctx.locations.get(id), ctx.now, (path) => badPoints.push(path), ctx.knownTerms),
    isNew: !ctx.locations.has(id),
  }));
  if (badPoints.length) warn(`${badPoints.join(', ')}: latitude/longitude are not a WGS84 point; kept for the export, not used for distances.`);
  const locationGemeenten = (id: string) => {
    const l = locations.find((x) => x.row.id === id)?.row ?? ctx.batchLocations.get(id) ?? ctx.locations.get(id);
    return l?.gemeenteCode ? [l.gemeenteCode] : [];
  };
  const org = orgSource
    ? mapOrganization(
        orgSource,
        orgPath,
        ctx.batchOrganizations.get(organizationId) ?? ctx.organizations.get(organizationId),
        ctx.now,
        locations.filter((l) => l.row.organizationId === organizationId).flatMap((l) => locationGemeenten(l.row.id)),
        ctx.knownTerms,
      ).row
    : undefined;
  const organizationName = org?.name ?? knownOrg?.name ?? '';
  const links = (serviceId ? salSources : []).map((s) => {
    const link = mapServiceAtLocation(s.source, s.path, serviceId ?? '', s.locationId);
    // The same service may move a link to another location (its old link goes); another service's link id is taken.
    const taken = ctx.links.find((l) => l.hsdsId === link.hsdsId && l.serviceId !== serviceId);
    if (taken) throw new RecordRejected(`${s.path}.id ${link.hsdsId} is already the id of another service_at_location.`);
    return { locationId: s.locationId, ...link };
  });
  const serviceRow = serviceId
    ? mapService(
        source,
        p,
        organizationId,
        organizationName,
        salSources.flatMap((s) => locationGemeenten(s.locationId)),
        existingService,
        ctx.now,
        ctx.options.verifiedBy,
        warn,
        ctx.knownTerms,
      )
    : undefined;
  return {
    record,
    serviceId,
    organization: org,
    organizationIsNew: Boolean(org) && !ctx.organizations.has(organizationId),
    locations,
    service: serviceRow,
    serviceIsNew: !existingService,
    linkMode: serviceUnit?.links ?? 'replace',
    links,
    warnings,
  };
}

/**
 * Fields that only one HSDS 3.0 object has (compiled schemas of the specification): what tells the record type
 * when the input does not say it. Fields several objects share (name, description, phones, attributes, …) decide
 * nothing.
 */
const ONLY_IN: Record<string, readonly string[]> = {
  service: [
    'status',
    'service_at_locations',
    'service_areas',
    'program_id',
    'program',
    'interpretation_services',
    'application_process',
    'fees_description',
    'fees',
    'wait_time',
    'accreditations',
    'eligibility_description',
    'minimum_age',
    'maximum_age',
    'assured_date',
    'assurer_email',
    'licenses',
    'alert',
    'last_modified',
    'cost_options',
    'required_documents',
    'capacities',
  ],
  organization: [
    'services',
    'website',
    'tax_status',
    'tax_id',
    'year_incorporated',
    'legal_status',
    'logo',
    'parent_organization_id',
    'organization_identifiers',
    'locations',
    'programs',
  ],
  // A nested location makes a service_at_location (without its service, it is rejected for that, not as a service).
  service_at_location: ['location'],
  location: ['location_type', 'latitude', 'longitude', 'addresses', 'accessibility', 'transportation', 'external_identifier', 'external_identifier_type'],
  taxonomy_term: ['code', 'taxonomy', 'taxonomy_id', 'taxonomy_detail', 'term_uri', 'parent_id'],
  taxonomy: ['version'],
  phone: ['number', 'extension'],
  contact: ['title', 'department'],
  address: ['address_1', 'address_2', 'city', 'region', 'state_province', 'postal_code', 'country', 'address_type', 'attention'],
  schedule: ['freq', 'byday', 'opens_at', 'closes_at', 'dtstart', 'rrule', 'valid_from', 'valid_to'],
  metadata: ['last_action_date', 'last_action_type', 'field_name', 'previous_value', 'replacement_value', 'updated_by'],
  organization_identifier: ['identifier_type', 'identifier_scheme', 'identifier'],
  attribute: ['link_id', 'link_type', 'link_entity', 'taxonomy_term_id'],
  funding: ['source'],
  required_document: ['document'],
  cost_option: ['option', 'currency', 'amount', 'amount_description'],
};

/**
 * The record's type from its own fields: a `service` object makes a service_at_location, a `services` list an
 * organization, and otherwise the object whose own fields the record has most of. A record with none of them is read
 * as a service (the importer's first shape), so its field errors name service fields; `evident` is false then.
 */
function detectRecordType(value: unknown): { type: string; evident: boolean } {
  const o = obj(value);
  if (!o) return { type: 'service', evident: false };
  if (obj(o.service) && o.status === undefined) return { type: 'service_at_location', evident: true };
  if (Array.isArray(o.services) && o.status === undefined) return { type: 'organization', evident: true };
  let best = { type: 'service', count: 0 };
  for (const [type, fields] of Object.entries(ONLY_IN)) {
    const count = fields.filter((f) => Object.hasOwn(o, f) && o[f] !== undefined).length;
    // Ties go to the entry shapes (listed first): a record that is also a bit of something else is still one of them.
    if (count > best.count) best = { type, count };
  }
  return { type: best.type, evident: best.count > 0 };
}

/**
 * The record's type. A page's `record_type` decides for records whose fields say nothing; a record whose fields are
 * evidently another type's is not read as the hint says (a service in an organization page would otherwise become an
 * organization): `conflict` names what the page said.
 */
export function recordTypeOf(value: unknown, hint?: ImportableRecordType): { type: string; conflict?: ImportableRecordType | undefined } {
  const found = detectRecordType(value);
  if (!hint || found.type === hint) return { type: found.type };
  return found.evident ? { type: found.type, conflict: hint } : { type: hint };
}

/** A record of an HSDS object the importer does not take (a bare location, a taxonomy, a phone, …). */
class UnsupportedRecordType extends RecordRejected {
  constructor(readonly recordType: string) {
    super(`record type ${recordType} is not supported: ${SUPPORTED}.`);
  }
}

const SUPPORTED =
  'the importer takes service, organization (with nested services), service_at_location (with nested service and location) and taxonomy_term records';

/** Turns a checked record into its units; throws RecordRejected with the reason (the record's type first when it is not supported). */
function expandRecord(value: unknown, type: string): Expanded {
  const invalid = (problems: string[]) => new RecordRejected(`not valid HSDS 3.0: ${problems.join('; ')}`);
  if (type === 'service') {
    const problems = checkShape(value, 'service', 'service');
    if (problems.length) throw invalid(problems);
    return { type, units: [{ source: value as HsdsObject, path: 'service', links: 'replace' }] };
  }
  if (type === 'organization') {
    const problems = checkShape(value, 'organization', 'organization');
    const record = obj(value) ?? {};
    const services = record.services;
    if (services !== undefined && !Array.isArray(services)) problems.push('organization.services: must be an array');
    (Array.isArray(services) ? services : []).forEach((s, i) => {
      checkShape(s, 'service', `organization.services[${i}]`, problems);
    });
    if (problems.length) throw invalid(problems);
    // Rest, not assignment: every key of the record (a `__proto__` too) stays an own field of the organisation.
    const { services: _services, ...organizationOwn } = record;
    const organizationId = entityId(organizationOwn.id, 'organization.id');
    const seen = new Set<string>();
    const units = (services as HsdsObject[] | undefined)?.map((s, i): Unit => {
      const path = `organization.services[${i}]`;
      const id = entityId(s.id, `${path}.id`);
      if (seen.has(id)) throw new RecordRejected(`${path}.id ${id}: the organization lists this service twice.`);
      seen.add(id);
      if (s.organization_id !== undefined && entityId(s.organization_id, `${path}.organization_id`) !== organizationId)
        throw new RecordRejected(`${path}.organization_id is not organization.id: a service nested in an organization belongs to it.`);
      const nested = obj(s.organization);
      if (nested && entityId(nested.id, `${path}.organization.id`) !== organizationId)
        throw new RecordRejected(`${path}.organization.id is not organization.id: a service nested in an organization belongs to it.`);
      return { source: { ...s, organization: organizationOwn }, path, links: 'replace' };
    });
    return units?.length ? { type, units } : { type, units: [], organizationOnly: organizationOwn };
  }
  if (type === 'service_at_location') {
    const problems = checkShape(value, 'service_at_location', 'service_at_location');
    const record = obj(value) ?? {};
    const nested = record.service;
    if (nested === undefined)
      problems.push('service_at_location.service: required field is missing (the hub imports a service_at_location as its service at that location)');
    else checkShape(nested, 'service', 'service_at_location.service', problems);
    if (problems.length) throw invalid(problems);
    const svc = nested as HsdsObject;
    const { service: _service, ...link } = record;
    const serviceId = entityId(svc.id, 'service_at_location.service.id');
    if (link.service_id !== undefined && entityId(link.service_id, 'service_at_location.service_id') !== serviceId)
      throw new RecordRejected('service_at_location.service_id and service_at_location.service.id differ.');
    if (!Array.isArray(svc.service_at_locations)) {
      return {
        type,
        units: [{ source: { ...svc, service_at_locations: [link] }, path: 'service_at_location.service', linkPaths: ['service_at_location'], links: 'merge' }],
      };
    }
    // A service that lists all its links: the record's own link replaces its namesake among them, and the list is the whole truth.
    const linkId = idOf(link)?.toLowerCase();
    const others = svc.service_at_locations
      .map((l, i) => ({ l, path: `service_at_location.service.service_at_locations[${i}]` }))
      .filter(({ l }) => idOf(l)?.toLowerCase() !== linkId);
    return {
      type,
      units: [
        {
          source: { ...svc, service_at_locations: [...others.map((o) => o.l), link] },
          path: 'service_at_location.service',
          linkPaths: [...others.map((o) => o.path), 'service_at_location'],
          links: 'replace',
        },
      ],
    };
  }
  throw new UnsupportedRecordType(type);
}

const ANY_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Terms of other vocabularies: checked, then upserted per batch (two statements). */
async function importTerms(db: Db, records: ParsedInput['records'], options: ImportOptions, report: ImportReport, batchSize: number): Promise<void> {
  for (let i = 0; i < records.length; i += batchSize) {
    const valid = new Map<string, { record: number; term: string; taxonomyId: string | null }>();
    for (const { record, value } of records.slice(i, i + batchSize)) {
      const problems = checkShape(value, 'taxonomy_term', 'taxonomy_term');
      const o = obj(value) ?? {};
      const id = typeof o.id === 'string' ? o.id.toLowerCase() : '';
      const reason = problems.length
        ? `not a valid HSDS 3.0 taxonomy_term: ${problems.join('; ')}`
        : options.restrictToOrganization
          ? 'taxonomy terms are shared by every organisation; an administrator imports them with the CLI.'
          : findTerm(id)
            ? 'the HSDS-NL terms are fixed lists and cannot be imported over.'
            : undefined;
      if (reason) {
        report.rejected.push({ record, id: idOf(value), reason });
        continue;
      }
      const taxonomyRef = o.taxonomy_id ?? obj(o.taxonomy_detail)?.id;
      const taxonomyId = typeof taxonomyRef === 'string' && ANY_UUID.test(taxonomyRef) ? taxonomyRef.toLowerCase() : null;
      valid.set(id, { record, term: JSON.stringify(value), taxonomyId });
    }
    if (!valid.size) continue;
    const ids = [...valid.keys()];
    const existing = new Set(
      (await db.select({ id: externalTaxonomyTerm.id }).from(externalTaxonomyTerm).where(anyUuid(externalTaxonomyTerm.id, ids))).map((r) => r.id),
    );
    await db
      .insert(externalTaxonomyTerm)
      .values(ids.map((id) => ({ id, term: valid.get(id)?.term ?? '', taxonomyId: valid.get(id)?.taxonomyId ?? null })))
      .onConflictDoUpdate({ target: externalTaxonomyTerm.id, set: { term: sql`excluded.term`, taxonomyId: sql`excluded.taxonomy_id`, updatedAt: sql`now()` } });
    for (const id of ids) {
      if (existing.has(id)) report.taxonomyTerms.updated++;
      else report.taxonomyTerms.created++;
    }
  }
}

/** Imports parsed records: batches of `batchSize`, each checked against the database and written in one transaction. */
export async function importHsdsRecords(db: Db, input: ParsedInput, options: ImportOptions): Promise<ImportReport> {
  const records = input.records.length + input.rejected.length;
  if (options.maxRecords !== undefined && records > options.maxRecords) {
    throw new ImportInputError(
      `The input holds ${records} records; an import through the API takes at most ${options.maxRecords}. Nothing was imported. Split it, or use the command-line importer.`,
    );
  }
  const report: ImportReport = {
    records,
    created: 0,
    updated: 0,
    organizations: { created: 0, updated: 0 },
    locations: { created: 0, updated: 0 },
    taxonomyTerms: { created: 0, updated: 0 },
    rejected: [...input.rejected],
    warnings: [],
  };
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const now = options.now ?? new Date();
  const seenOrganizations = new Set<string>();
  const seenLocations = new Set<string>();
  // Refused before anything walks them: every later step may recurse into the record.
  const shallow = input.records.filter(({ record, value }) => {
    if (nestingDepth(value, MAX_RECORD_DEPTH) <= MAX_RECORD_DEPTH) return true;
    report.rejected.push({ record, id: idOf(value), reason: `the record is nested more than ${MAX_RECORD_DEPTH} levels deep; HSDS needs far fewer.` });
    return false;
  });
  // Each record's type, and what it imports; a record that cannot be read as its type is rejected here, whole.
  const typed = shallow.map((r) => ({ ...r, ...recordTypeOf(r.value, input.recordType) }));
  const expanded: { record: number; value: unknown; units: Expanded }[] = [];
  for (const { record, value, type, conflict } of typed) {
    if (type === 'taxonomy_term' && !conflict) continue;
    try {
      if (conflict) throw new RecordRejected(`the page's record_type is ${conflict}, but the record's fields are those of a ${type}.`);
      if (JSON.stringify(value).length > MAX_RECORD_BYTES) throw new RecordRejected(`the record is larger than ${MAX_RECORD_BYTES} bytes.`);
      expanded.push({ record, value, units: expandRecord(value, type) });
    } catch (e) {
      if (!(e instanceof RecordRejected)) throw e;
      report.rejected.push({
        record,
        id: idOf(value),
        reason: e.message,
        ...(e instanceof UnsupportedRecordType ? { code: 'UNSUPPORTED_RECORD_TYPE', recordType: e.recordType } : {}),
      });
    }
  }
  const serviceCount = expanded.reduce((n, e) => n + e.units.units.length, 0);
  if (options.maxRecords !== undefined && serviceCount > options.maxRecords) {
    throw new ImportInputError(
      `The input holds ${serviceCount} services (nested ones counted); an import through the API takes at most ${options.maxRecords}. Nothing was imported. Split it, or use the command-line importer.`,
    );
  }
  // Terms first, so services later in the same input may cite them.
  await importTerms(
    db,
    typed.filter((r) => r.type === 'taxonomy_term' && !r.conflict),
    options,
    report,
    batchSize,
  );
  let start = 0;
  while (start < expanded.length) {
    // A batch ends before a service id repeats: one statement may not update the same row twice. A record is never split.
    const batch: typeof expanded = [];
    const batchServiceIds = new Set<string>();
    let units = 0;
    while (start < expanded.length && (batch.length === 0 || units < batchSize)) {
      const next = expanded[start];
      if (!next) break;
      const ids = next.units.units.map((u) => idOf(u.source)?.toLowerCase()).filter((id): id is string => Boolean(id));
      if (batch.length && ids.some((id) => batchServiceIds.has(id))) break;
      for (const id of ids) batchServiceIds.add(id);
      batch.push(next);
      units += Math.max(1, next.units.units.length);
      start++;
    }
    const sources = batch.flatMap((b) => (b.units.organizationOnly ? [{ organization: b.units.organizationOnly }] : b.units.units.map((u) => u.source)));
    const ids = referencedIds(sources);
    const [orgRows, locationRows, serviceRows, linkRows, termRows] = await Promise.all([
      ids.organizations.size ? findOrganizationsByIds(db, [...ids.organizations]) : [],
      ids.locations.size ? findLocationsByIds(db, [...ids.locations]) : [],
      ids.services.size ? findServicesByIds(db, [...ids.services]) : [],
      existingLinks(db, [...ids.links]),
      ids.terms.size
        ? db
            .select({ id: externalTaxonomyTerm.id })
            .from(externalTaxonomyTerm)
            .where(anyUuid(externalTaxonomyTerm.id, [...ids.terms]))
        : [],
    ]);
    const ctx: PlanContext = {
      organizations: new Map(orgRows.map((o) => [o.id, o])),
      locations: new Map(locationRows.map((l) => [l.id, l])),
      services: new Map(serviceRows.map((s) => [s.id, s])),
      links: linkRows,
      batchOrganizations: new Map<string, OrganizationRow>(),
      batchLocations: new Map<string, LocationRow>(),
      knownTerms: new Set(termRows.map((t) => t.id)),
      options,
      now,
    };
    const planned: Planned[][] = [];
    for (const { record, value, units: e } of batch) {
      // A record is planned whole: a rejected nested service leaves nothing of its record in the batch.
      const organizationsBefore = new Map(ctx.batchOrganizations);
      const locationsBefore = new Map(ctx.batchLocations);
      try {
        const plans: Planned[] = [];
        for (const unit of e.organizationOnly ? [{ organizationOnly: e.organizationOnly }] : e.units) {
          const p = planUnit(unit, record, ctx);
          if (p.organization) ctx.batchOrganizations.set(p.organization.id, p.organization);
          for (const l of p.locations) ctx.batchLocations.set(l.row.id, l.row);
          plans.push(p);
        }
        planned.push(plans);
      } catch (err) {
        if (!(err instanceof RecordRejected)) throw err;
        ctx.batchOrganizations = organizationsBefore;
        ctx.batchLocations = locationsBefore;
        report.rejected.push({ record, id: idOf(value), reason: err.message });
      }
    }
    if (!planned.length) continue;
    let written: Planned[][] = planned;
    try {
      await writeBatch(db, planned.flat());
    } catch {
      // One record the checks let through but the database refuses must not sink the batch: retry one by one.
      written = [];
      for (const plans of planned) {
        try {
          await writeBatch(db, plans);
          written.push(plans);
        } catch (err) {
          const first = plans[0];
          report.rejected.push({
            record: first?.record ?? 0,
            id: idOf(batch.find((b) => b.record === first?.record)?.value) ?? first?.serviceId ?? null,
            reason: `the database refused the record (${err instanceof Error ? err.message.slice(0, 200) : 'error'}).`,
          });
        }
      }
    }
    for (const p of written.flat()) {
      if (p.service) {
        if (p.serviceIsNew) report.created++;
        else report.updated++;
      }
      if (p.organization && !seenOrganizations.has(p.organization.id)) {
        seenOrganizations.add(p.organization.id);
        if (p.organizationIsNew) report.organizations.created++;
        else report.organizations.updated++;
      }
      for (const l of p.locations) {
        if (seenLocations.has(l.row.id)) continue;
        seenLocations.add(l.row.id);
        if (l.isNew) report.locations.created++;
        else report.locations.updated++;
      }
      for (const message of p.warnings) report.warnings.push({ record: p.record, id: p.serviceId ?? p.organization?.id ?? null, message });
    }
  }
  report.rejected.sort((a, b) => a.record - b.record);
  return report;
}

/** Parses and imports text in one call (CLI, mutation). */
export async function importHsds(db: Db, text: string, options: ImportOptions & { maxBytes?: number | undefined }): Promise<ImportReport> {
  return importHsdsRecords(db, parseHsdsInput(text, options.maxBytes), options);
}
