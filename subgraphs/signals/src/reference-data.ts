import { sql } from 'drizzle-orm';
import type { Db } from '@hub/db';
import { deterministicUuid } from '@hub/domain';
import { readGemeenten, readZorgkantoorregios } from '@hub/reference-data';
import { gemeenteRegion, overlegtafel } from './db/schema.ts';

/**
 * The CBS gemeente → zorgkantoorregio mapping, from the shared reference data (@hub/reference-data), the same the
 * sociale kaart loads. This subgraph keeps its own copy in its own schema, so its aggregation SQL never crosses a
 * schema boundary and it reads neither the sociale kaart's tables nor its files.
 */
export interface GemeenteRegionRecord {
  gemeenteCode: string;
  zorgkantoorregioCode: string;
  zorgkantoorregioName: string;
}

let cached: GemeenteRegionRecord[] | undefined;

export function readGemeenteRegions(): GemeenteRegionRecord[] {
  if (cached) return cached;
  const regionNames = new Map(readZorgkantoorregios().map((r) => [r.code, r.name]));
  cached = readGemeenten().map((g) => ({
    gemeenteCode: g.code,
    zorgkantoorregioCode: g.zorgkantoorregioCode,
    zorgkantoorregioName: regionNames.get(g.zorgkantoorregioCode) ?? '',
  }));
  return cached;
}

export const overlegtafelIdOf = (regionCode: string) => deterministicUuid('hub-overlegtafel', regionCode);

/** Upserts the mapping and makes sure every region has its overlegtafel; idempotent, safe on every start. */
export async function loadReferenceData(db: Db): Promise<void> {
  const mapping = readGemeenteRegions();
  const regions = new Map(mapping.map((m) => [m.zorgkantoorregioCode, m.zorgkantoorregioName]));
  await db.transaction(async (tx) => {
    await tx
      .insert(gemeenteRegion)
      .values(mapping.map(({ gemeenteCode, zorgkantoorregioCode }) => ({ gemeenteCode, zorgkantoorregioCode })))
      .onConflictDoUpdate({ target: gemeenteRegion.gemeenteCode, set: { zorgkantoorregioCode: sql`excluded.zorgkantoorregio_code` } });
    await tx
      .insert(overlegtafel)
      .values([...regions].map(([code, name]) => ({ id: overlegtafelIdOf(code), zorgkantoorregioCode: code, name: `Overlegtafel ${name}` })))
      .onConflictDoNothing({ target: overlegtafel.zorgkantoorregioCode });
  });
}
