import { and, eq, sql } from 'drizzle-orm';
import { anyText, anyUuid, type Db } from '@hub/db';
import { gemeente, location, searchWord, service, serviceLocation } from './schema.ts';
import type { LocationRow, NewLocation, NewService, ServiceRow } from './queries.ts';

export async function insertService(db: Db, row: NewService, locationIds: string[]): Promise<ServiceRow> {
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(service).values(row).returning();
    if (locationIds.length) await tx.insert(serviceLocation).values(locationIds.map((locationId) => ({ serviceId: row.id, locationId })));
    if (!created) throw new Error('insert returned no row');
    await refreshSearchWords(tx, [row.id]);
    return created;
  });
}

/** Updates only when the version still matches; returns null when it did not (stale or gone). */
export async function updateServiceIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<NewService>,
  locationIds?: string[],
): Promise<ServiceRow | null> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(service)
      .set({ ...changes, version: sql`${service.version} + 1`, updatedAt: new Date() })
      .where(and(eq(service.id, id), eq(service.version, expectedVersion)))
      .returning();
    if (!updated) return null;
    if (changes.searchText !== undefined) await refreshSearchWords(tx, [id]);
    if (locationIds) {
      await tx.delete(serviceLocation).where(eq(serviceLocation.serviceId, id));
      if (locationIds.length) await tx.insert(serviceLocation).values(locationIds.map((locationId) => ({ serviceId: id, locationId })));
    }
    return updated;
  });
}

export async function insertLocation(db: Db, row: NewLocation): Promise<LocationRow> {
  const [created] = await db.insert(location).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function updateLocationIfVersion(db: Db, id: string, expectedVersion: number, changes: Partial<NewLocation>): Promise<LocationRow | null> {
  const [updated] = await db
    .update(location)
    .set({ ...changes, version: sql`${location.version} + 1`, updatedAt: new Date() })
    .where(and(eq(location.id, id), eq(location.version, expectedVersion)))
    .returning();
  return updated ?? null;
}

/** The gemeente codes of the given regions, for expanding a REGIONAL service area. */
export async function gemeenteCodesInRegions(db: Db, regionCodes: string[]): Promise<{ code: string; region: string }[]> {
  return db.select({ code: gemeente.code, region: gemeente.zorgkantoorregioCode }).from(gemeente).where(anyText(gemeente.zorgkantoorregioCode, regionCodes));
}

/** Adds the words of the given services (or all services) to the search vocabulary. */
export async function refreshSearchWords(db: Db, serviceIds?: string[]): Promise<void> {
  const only = serviceIds ? sql`where ${anyUuid(service.id, serviceIds)}` : sql``;
  await db.execute(sql`insert into ${searchWord} (word)
    select distinct w from ${service}, regexp_split_to_table(${service.searchText}, '[^[:alnum:]]+') as w
    ${only} ${serviceIds ? sql`and` : sql`where`} length(w) >= 4
    on conflict do nothing`);
}
