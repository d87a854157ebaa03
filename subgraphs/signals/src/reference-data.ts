import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Db } from '@hub/db';
import { deterministicUuid } from '@hub/domain';
import { gemeenteRegion, overlegtafel } from './db/schema.ts';

/**
 * The CBS gemeente → zorgkantoorregio mapping, read from the committed reference CSV in the repository (the same file
 * the sociale kaart loads). Reading a committed reference file is not reading another subgraph's tables: this
 * subgraph keeps its own copy in its own schema, so its aggregation SQL never crosses a schema boundary.
 */
const GEMEENTEN_CSV = new URL('../../sociale-kaart/data/gemeenten.csv', import.meta.url);

export interface GemeenteRegionRecord {
  gemeenteCode: string;
  zorgkantoorregioCode: string;
  zorgkantoorregioName: string;
}

let cached: GemeenteRegionRecord[] | undefined;

export function readGemeenteRegions(): GemeenteRegionRecord[] {
  if (cached) return cached;
  const rows = parse(readFileSync(GEMEENTEN_CSV, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  cached = rows.map((r) => ({
    gemeenteCode: r.code ?? '',
    zorgkantoorregioCode: r.zorgkantoorregio_code ?? '',
    zorgkantoorregioName: r.zorgkantoorregio_naam ?? '',
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
