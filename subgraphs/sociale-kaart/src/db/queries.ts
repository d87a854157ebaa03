import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { anyText, anyUuid, type Db } from '@hub/db';
import { gemeente, location, organization, service, serviceLocation, zorgkantoorregio } from './schema.ts';

export type ServiceRow = typeof service.$inferSelect;
export type OrganizationRow = typeof organization.$inferSelect;
export type LocationRow = typeof location.$inferSelect;
export type GemeenteRow = typeof gemeente.$inferSelect;
export type RegionRow = typeof zorgkantoorregio.$inferSelect;
export type NewService = typeof service.$inferInsert;
export type NewLocation = typeof location.$inferInsert;
export type NewOrganization = typeof organization.$inferInsert;

export function findServicesByIds(db: Db, ids: readonly string[]): Promise<ServiceRow[]> {
  return db.select().from(service).where(anyUuid(service.id, ids));
}

export function findOrganizationsByIds(db: Db, ids: readonly string[]): Promise<OrganizationRow[]> {
  return db.select().from(organization).where(anyUuid(organization.id, ids));
}

export function findLocationsByIds(db: Db, ids: readonly string[]): Promise<LocationRow[]> {
  return db.select().from(location).where(anyUuid(location.id, ids));
}

export function listGemeenten(db: Db): Promise<GemeenteRow[]> {
  return db.select().from(gemeente).orderBy(asc(gemeente.name));
}

export function listRegions(db: Db): Promise<RegionRow[]> {
  return db.select().from(zorgkantoorregio).orderBy(asc(zorgkantoorregio.code));
}

export function findGemeentenByRegions(db: Db, codes: readonly string[]): Promise<GemeenteRow[]> {
  return db.select().from(gemeente).where(anyText(gemeente.zorgkantoorregioCode, codes)).orderBy(asc(gemeente.name));
}

export function findServicesByLocationIds(db: Db, locationIds: readonly string[]) {
  return db
    .select({ locationId: serviceLocation.locationId, service })
    .from(serviceLocation)
    .innerJoin(service, eq(service.id, serviceLocation.serviceId))
    .where(and(anyUuid(serviceLocation.locationId, locationIds), inArray(service.status, ['ACTIVE', 'TEMPORARILY_CLOSED'])))
    .orderBy(asc(service.name), asc(service.id));
}

export function findServicesByOrganizationIds(db: Db, organizationIds: readonly string[], includeInactive: boolean) {
  return db
    .select()
    .from(service)
    .where(and(anyUuid(service.organizationId, organizationIds), includeInactive ? undefined : inArray(service.status, ['ACTIVE', 'TEMPORARILY_CLOSED'])))
    .orderBy(asc(service.name), asc(service.id));
}

export function findLocationsByOrganizationIds(db: Db, organizationIds: readonly string[]) {
  return db
    .select()
    .from(location)
    .where(and(anyUuid(location.organizationId, organizationIds), eq(location.active, true)))
    .orderBy(asc(location.name), asc(location.id));
}

/** Organisations by name with keyset paging on (name, id); the total is counted over the unpaged set. */
export async function listOrganizations(
  db: Db,
  params: { type?: string | undefined; first: number; after?: { name: string; id: string } | undefined },
): Promise<{ rows: OrganizationRow[]; total: number }> {
  const matched = db
    .select({ ...getTableColumns(organization), total: sql<number>`count(*) over ()`.as('total') })
    .from(organization)
    .where(params.type ? eq(organization.type, params.type) : undefined)
    .as('m');
  const rows = await db
    .select()
    .from(matched)
    .where(params.after ? sql`(${matched.name}, ${matched.id}) > (${params.after.name}, ${params.after.id}::uuid)` : undefined)
    .orderBy(asc(matched.name), asc(matched.id))
    .limit(params.first + 1);
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && params.after) {
    const [c] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(organization)
      .where(params.type ? eq(organization.type, params.type) : undefined);
    total = c?.n ?? 0;
  }
  return { rows: rows.map(({ total: _t, ...org }) => org), total };
}

export function gemeenteCodesExist(db: Db, codes: readonly string[]): Promise<{ code: string }[]> {
  return db.select({ code: gemeente.code }).from(gemeente).where(anyText(gemeente.code, codes));
}
