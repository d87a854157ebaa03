import { sql } from 'drizzle-orm';
import type { Db } from '@hub/db';
import { readGemeenten, readZorgkantoorregios, type GemeenteRecord, type ZorgkantoorregioRecord } from '@hub/reference-data';
import { gemeente, zorgkantoorregio } from './db/schema.ts';

/** CBS Gebiedsindelingen 2025 from the shared reference data (@hub/reference-data): 342 gemeenten in 31 zorgkantoorregio's. */
export type { GemeenteRecord };
export type RegionRecord = ZorgkantoorregioRecord;

let cached: { gemeenten: GemeenteRecord[]; regions: RegionRecord[] } | undefined;

export function readReferenceData(): { gemeenten: GemeenteRecord[]; regions: RegionRecord[] } {
  cached ??= { gemeenten: [...readGemeenten()], regions: [...readZorgkantoorregios()] };
  return cached;
}

/** Upserts the reference data: idempotent, two statements, safe on every start. */
export async function loadReferenceData(db: Db): Promise<void> {
  const { gemeenten, regions } = readReferenceData();
  await db.transaction(async (tx) => {
    await tx
      .insert(zorgkantoorregio)
      .values(regions)
      .onConflictDoUpdate({ target: zorgkantoorregio.code, set: { name: sql`excluded.name` } });
    await tx
      .insert(gemeente)
      .values(gemeenten)
      .onConflictDoUpdate({
        target: gemeente.code,
        set: {
          name: sql`excluded.name`,
          province: sql`excluded.province`,
          population: sql`excluded.population`,
          latitude: sql`excluded.latitude`,
          longitude: sql`excluded.longitude`,
          zorgkantoorregioCode: sql`excluded.zorgkantoorregio_code`,
        },
      });
  });
}
