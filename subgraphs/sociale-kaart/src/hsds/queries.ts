import { and, asc, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import { anyUuid, type Db } from '@hub/db';
import { LEVERINGSVORM_CODES } from '@hub/domain';
import type { LocationRow, OrganizationRow, ServiceRow } from '../db/queries.ts';
import { externalTaxonomyTerm, location, organization, service, serviceLocation } from '../db/schema.ts';
import { searchTextQuery, serviceSearchSql } from '../db/search.ts';
import type { ServiceLink } from './export.ts';
import type { TaxonomyDef, TermRef } from './taxonomies.ts';

/**
 * Data access of the HSDS feed. Every function is one statement (plus one count when a page lies past
 * the end), whatever the page size: a page of services with their organisations and locations takes a
 * fixed number of statements. Confidential and inactive locations never leave these queries.
 */

const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;
const publicLocation = sql`${location.active} and not ${location.confidential}`;

export interface ServiceFilter {
  words: string[];
  term?: TermRef | undefined;
  taxonomy?: TaxonomyDef | undefined;
  organizationId?: string | undefined;
  modifiedAfter?: Date | undefined;
  capacityStaleDays: number;
}

const arrayColumn: Partial<Record<string, SQL>> = {
  financieringsdomein: sql`${service.legalDomains}`,
  leefgebied: sql`${service.lifeDomains}`,
  doelgroep: sql`${service.targetGroups}`,
  ondersteuningsvorm: sql`${service.supportForms}`,
  'wlz-sector': sql`${service.wlzSectors}`,
  'iwlz-cod163': sql`${service.zorgprofielen}`,
  'iwlz-cod578': sql`${service.leveringsvormen}`,
};

/** The stored value of a term code: the leveringsvormen column holds the enum value (VPT), the term the COD578 code (5). */
const storedCode = (ref: TermRef): string =>
  ref.taxonomy.key === 'iwlz-cod578' ? (LEVERINGSVORM_CODES.find((l) => l.code === ref.term.code)?.value ?? ref.term.code) : ref.term.code;

/** Services carrying the term (the HSDS-NL meaning of each taxonomy, on the native columns). */
function termCondition(ref: TermRef): SQL {
  const code = storedCode(ref);
  const column = arrayColumn[ref.taxonomy.key];
  if (column) return sql`${column} @> ${textArray([code])}`;
  switch (ref.taxonomy.key) {
    case 'formaliteit':
      return sql`${service.formality} = ${code}`;
    case 'kenmerk':
      return code === 'ONAFHANKELIJK' ? sql`${service.independent}` : sql`coalesce((${service.contact}->>'walkIn')::boolean, false)`;
    case 'kostensoort':
      return sql`${service.costType} = ${code}`;
    case 'capaciteitsstatus':
      return sql`${service.capacityStatus} = ${code}`;
    case 'organisatietype':
      return sql`${service.organizationId} in (select ${organization.id} from ${organization} where ${organization.type} = ${code})`;
    case 'gemeente':
      return sql`(${service.areaScope} = 'NATIONAL' or ${service.servedGemeenten} @> ${textArray([code])})`;
    default:
      return sql`(${service.areaScope} = 'NATIONAL' or ${service.servedRegions} @> ${textArray([code])})`;
  }
}

/** Services with any term of the taxonomy. */
function taxonomyCondition(t: TaxonomyDef): SQL {
  const column = arrayColumn[t.key];
  if (column) return sql`cardinality(${column}) > 0`;
  switch (t.key) {
    case 'kenmerk':
      return sql`(${service.independent} or coalesce((${service.contact}->>'walkIn')::boolean, false))`;
    case 'capaciteitsstatus':
      return sql`${service.capacityStatus} is not null`;
    case 'gemeente':
      return sql`(${service.areaScope} = 'NATIONAL' or cardinality(${service.servedGemeenten}) > 0)`;
    case 'zorgkantoorregio':
      return sql`(${service.areaScope} = 'NATIONAL' or cardinality(${service.servedRegions}) > 0)`;
    default:
      return sql`true`;
  }
}

async function serviceConditions(db: Db, f: ServiceFilter): Promise<{ where: SQL | undefined; score: SQL }> {
  // The feed publishes every status (harvesters must see a service close); locations are never a filter here.
  const search = serviceSearchSql({
    words: f.words,
    textQuery: await searchTextQuery(db, f.words),
    includeInactive: true,
    includeConfidentialLocations: false,
    capacityStaleDays: f.capacityStaleDays,
  });
  return {
    where: and(
      search.where,
      f.term ? termCondition(f.term) : undefined,
      f.taxonomy ? taxonomyCondition(f.taxonomy) : undefined,
      f.organizationId ? eq(service.organizationId, f.organizationId) : undefined,
      f.modifiedAfter ? sql`${service.updatedAt} >= ${f.modifiedAfter.toISOString()}::timestamptz` : undefined,
    ),
    score: search.score,
  };
}

/** One page of services: by relevance when searching, else by name; the id breaks ties, so pages are stable. */
export async function pageServices(db: Db, f: ServiceFilter, page: number, perPage: number): Promise<{ rows: ServiceRow[]; total: number }> {
  const { where, score } = await serviceConditions(db, f);
  const order = f.words.length ? [sql`${score} desc`, asc(service.name), asc(service.id)] : [asc(service.name), asc(service.id)];
  const rows = await db
    .select({ ...getTableColumns(service), total: sql<string>`count(*) over ()`.as('total') })
    .from(service)
    .where(where)
    .orderBy(...order)
    .limit(perPage)
    .offset((page - 1) * perPage);
  let total = Number(rows[0]?.total ?? 0);
  if (!rows.length && page > 1) {
    const [c] = await db.select({ n: sql<string>`count(*)` }).from(service).where(where);
    total = Number(c?.n ?? 0);
  }
  return { rows: rows.map(({ total: _t, ...s }) => s), total };
}

export async function findServiceForFeed(db: Db, id: string): Promise<ServiceRow | undefined> {
  const [row] = await db.select().from(service).where(eq(service.id, id));
  return row;
}

export function findOrganizations(db: Db, ids: readonly string[]): Promise<OrganizationRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.select().from(organization).where(anyUuid(organization.id, ids));
}

/** The public locations of the services, with the link's HSDS id and residue, ordered by location name. */
export async function findServiceLinks(db: Db, serviceIds: readonly string[]): Promise<ServiceLink[]> {
  if (!serviceIds.length) return [];
  return db
    .select({ serviceId: serviceLocation.serviceId, hsdsId: serviceLocation.hsdsId, hsds: serviceLocation.hsds, location })
    .from(serviceLocation)
    .innerJoin(location, eq(location.id, serviceLocation.locationId))
    .where(and(anyUuid(serviceLocation.serviceId, serviceIds), publicLocation))
    .orderBy(asc(location.name), asc(location.id));
}

/** The public locations of the organisations, ordered by name. */
export function findPublicLocations(db: Db, organizationIds: readonly string[]): Promise<LocationRow[]> {
  if (!organizationIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(location)
    .where(and(anyUuid(location.organizationId, organizationIds), publicLocation))
    .orderBy(asc(location.name), asc(location.id));
}

/** Every service of the organisations (all statuses, as the feed publishes them), ordered by name. */
export function findServicesOfOrganizations(db: Db, organizationIds: readonly string[]): Promise<ServiceRow[]> {
  if (!organizationIds.length) return Promise.resolve([]);
  return db.select().from(service).where(anyUuid(service.organizationId, organizationIds)).orderBy(asc(service.name), asc(service.id));
}

/** One page of organisations by name; `search` matches the folded name. */
export async function pageOrganizations(db: Db, words: string[], page: number, perPage: number): Promise<{ rows: OrganizationRow[]; total: number }> {
  // Folded like the search words (lower case, Dutch diacritics removed), so 'clientondersteuning' finds 'Cliëntondersteuning'.
  const folded = sql`translate(lower(${organization.name}), 'áàäâéèëêíìïîóòöôúùüûç', 'aaaaeeeeiiiioooouuuuc')`;
  const where = and(...words.map((w) => sql`${folded} like ${`%${w}%`}`));
  const rows = await db
    .select({ ...getTableColumns(organization), total: sql<string>`count(*) over ()`.as('total') })
    .from(organization)
    .where(where)
    .orderBy(asc(organization.name), asc(organization.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  let total = Number(rows[0]?.total ?? 0);
  if (!rows.length && page > 1) {
    const [c] = await db.select({ n: sql<string>`count(*)` }).from(organization).where(where);
    total = Number(c?.n ?? 0);
  }
  return { rows: rows.map(({ total: _t, ...o }) => o), total };
}

export interface PlaceFilter {
  gemeenteCode?: string | undefined;
  /** Metres from the centroid of the gemeente. */
  proximity?: { latitude: number; longitude: number; metres: number } | undefined;
}

function distanceMetres(p: { latitude: number; longitude: number }): SQL {
  return sql`(6371000.0 * 2 * asin(sqrt(
    power(sin(radians(${location.latitude} - ${p.latitude}) / 2), 2)
    + cos(radians(${p.latitude})) * cos(radians(${location.latitude}))
    * power(sin(radians(${location.longitude} - ${p.longitude}) / 2), 2))))`;
}

export interface ServiceAtLocationRow {
  link: { serviceId: string; hsdsId: string | null; hsds: ServiceLink['hsds'] };
  location: LocationRow;
  service: ServiceRow;
  distance: number | null;
}

/** One page of service_at_location pairs at public locations; by distance with `proximity`, else by service and location name. */
export async function pageServiceAtLocations(
  db: Db,
  f: ServiceFilter,
  place: PlaceFilter,
  page: number,
  perPage: number,
): Promise<{ rows: ServiceAtLocationRow[]; total: number }> {
  const { where } = await serviceConditions(db, f);
  const distance = place.proximity ? distanceMetres(place.proximity) : undefined;
  let near: SQL | undefined;
  if (place.proximity && distance) {
    // A bounding box first, so the index on (latitude, longitude) narrows the set before the exact distance.
    const latDelta = place.proximity.metres / 111_000;
    const lonDelta = place.proximity.metres / (111_000 * Math.max(0.2, Math.cos((place.proximity.latitude * Math.PI) / 180)));
    near = sql`${location.latitude} between ${place.proximity.latitude - latDelta} and ${place.proximity.latitude + latDelta}
      and ${location.longitude} between ${place.proximity.longitude - lonDelta} and ${place.proximity.longitude + lonDelta}
      and ${distance} <= ${place.proximity.metres}`;
  } else if (place.gemeenteCode) {
    near = eq(location.gemeenteCode, place.gemeenteCode);
  }
  const conditions = and(publicLocation, where, near);
  const order = distance
    ? [sql`${distance} asc`, asc(service.id), asc(location.id)]
    : [asc(service.name), asc(service.id), asc(location.name), asc(location.id)];
  const rows = await db
    .select({
      link: { serviceId: serviceLocation.serviceId, hsdsId: serviceLocation.hsdsId, hsds: serviceLocation.hsds },
      location,
      service,
      distance: distance ? sql<number>`${distance}` : sql<null>`null::double precision`,
      total: sql<string>`count(*) over ()`,
    })
    .from(serviceLocation)
    .innerJoin(location, eq(location.id, serviceLocation.locationId))
    .innerJoin(service, eq(service.id, serviceLocation.serviceId))
    .where(conditions)
    .orderBy(...order)
    .limit(perPage)
    .offset((page - 1) * perPage);
  let total = Number(rows[0]?.total ?? 0);
  if (!rows.length && page > 1) {
    const [c] = await db
      .select({ n: sql<string>`count(*)` })
      .from(serviceLocation)
      .innerJoin(location, eq(location.id, serviceLocation.locationId))
      .innerJoin(service, eq(service.id, serviceLocation.serviceId))
      .where(conditions);
    total = Number(c?.n ?? 0);
  }
  return { rows: rows.map(({ total: _t, distance: d, ...r }) => ({ ...r, distance: d === null ? null : Number(d) })), total };
}

/**
 * One service_at_location at a public location, by its id: the id an import gave it (indexed), else the id the export
 * derives from the pair. Derived ids cannot be searched in SQL (they are name-based SHA-1 UUIDs), so the links without an
 * imported id are read as id pairs only and matched here: one more statement, proportional to those links.
 */
export async function findServiceAtLocation(
  db: Db,
  id: string,
  derivedId: (serviceId: string, locationId: string) => string,
): Promise<ServiceAtLocationRow | undefined> {
  const byPair = (where: SQL) =>
    db
      .select({ link: { serviceId: serviceLocation.serviceId, hsdsId: serviceLocation.hsdsId, hsds: serviceLocation.hsds }, location, service })
      .from(serviceLocation)
      .innerJoin(location, eq(location.id, serviceLocation.locationId))
      .innerJoin(service, eq(service.id, serviceLocation.serviceId))
      .where(and(publicLocation, where))
      .limit(1);
  const [imported] = await byPair(eq(serviceLocation.hsdsId, id));
  if (imported) return { ...imported, distance: null };
  const pairs = await db
    .select({ serviceId: serviceLocation.serviceId, locationId: serviceLocation.locationId })
    .from(serviceLocation)
    .innerJoin(location, eq(location.id, serviceLocation.locationId))
    .where(and(publicLocation, isNull(serviceLocation.hsdsId)));
  const match = pairs.find((p) => derivedId(p.serviceId, p.locationId) === id);
  if (!match) return undefined;
  const [derived] = await byPair(and(eq(serviceLocation.serviceId, match.serviceId), eq(serviceLocation.locationId, match.locationId)) ?? sql`false`);
  return derived ? { ...derived, distance: null } : undefined;
}

/** Imported terms of other vocabularies, in id order (small lists: the feed filters and pages them in memory). */
export function listExternalTerms(db: Db, taxonomyId?: string): Promise<{ id: string; term: string }[]> {
  return db
    .select({ id: externalTaxonomyTerm.id, term: externalTaxonomyTerm.term })
    .from(externalTaxonomyTerm)
    .where(taxonomyId ? eq(externalTaxonomyTerm.taxonomyId, taxonomyId) : undefined)
    .orderBy(asc(externalTaxonomyTerm.id));
}

export async function findExternalTerm(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ term: externalTaxonomyTerm.term }).from(externalTaxonomyTerm).where(eq(externalTaxonomyTerm.id, id));
  return row?.term;
}
