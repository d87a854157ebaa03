import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Db } from '@hub/db';
import { gemeente, zorgkantoorregio } from './db/schema.ts';

/** CBS Gebiedsindelingen 2025 (see data/SOURCES.md): 342 gemeenten in 31 zorgkantoorregio's. */
export interface GemeenteRecord {
  code: string;
  name: string;
  province: string;
  population: number;
  latitude: number;
  longitude: number;
  zorgkantoorregioCode: string;
}
export interface RegionRecord {
  code: string;
  name: string;
}

const dataFile = (name: string) => new URL(`../data/${name}`, import.meta.url);

let cached: { gemeenten: GemeenteRecord[]; regions: RegionRecord[] } | undefined;

export function readReferenceData(): { gemeenten: GemeenteRecord[]; regions: RegionRecord[] } {
  if (cached) return cached;
  const g = parse(readFileSync(dataFile('gemeenten.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const r = parse(readFileSync(dataFile('zorgkantoorregios.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  cached = {
    gemeenten: g.map((row) => ({
      code: row.code ?? '',
      name: row.naam ?? '',
      province: row.provincie ?? '',
      population: Number(row.inwoners),
      latitude: Number(row.lat),
      longitude: Number(row.lon),
      zorgkantoorregioCode: row.zorgkantoorregio_code ?? '',
    })),
    regions: r.map((row) => ({ code: row.code ?? '', name: row.naam ?? '' })),
  };
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
