import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { GEMEENTE_CODE_PATTERN, ZORGKANTOORREGIO_CODE_PATTERN } from '@hub/domain';

/**
 * CBS Gebiedsindelingen 2025 (data/SOURCES.md: "Bron: CBS / PDOK"): every gemeente with its province, population,
 * centroid and zorgkantoorregio, and the 31 zorgkantoorregio's. Committed files, read once per process. Each
 * subgraph that needs them loads its own copy into its own schema; none reads another subgraph's tables or files.
 */

export interface GemeenteRecord {
  /** CBS gemeentecode, GM + 4 digits. */
  code: string;
  /** CBS statnaam, e.g. 's-Gravenhage, Hengelo (O.). */
  name: string;
  province: string;
  /** Approximate: the source gives no reference date. */
  population: number;
  /** Centre of the gemeente's area (WGS84), inside the gemeente. */
  latitude: number;
  longitude: number;
  zorgkantoorregioCode: string;
}

export interface ZorgkantoorregioRecord {
  /** CBS code, ZK + 2 digits. */
  code: string;
  name: string;
}

const dataFile = (name: string) => new URL(`../data/${name}`, import.meta.url);

function readCsv(name: string): Record<string, string>[] {
  return parse(readFileSync(dataFile(name), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** A malformed committed file is a programming error: it stops the loader before anything is written. */
function field(row: Record<string, string>, column: string, file: string, line: number, pattern?: RegExp): string {
  const value = row[column];
  if (value === undefined || value === '' || (pattern && !pattern.test(value))) throw new Error(`${file} row ${line}: invalid ${column}`);
  return value;
}

function numberField(row: Record<string, string>, column: string, file: string, line: number): number {
  const value = Number(field(row, column, file, line));
  if (!Number.isFinite(value)) throw new Error(`${file} row ${line}: invalid ${column}`);
  return value;
}

let regions: readonly ZorgkantoorregioRecord[] | undefined;
let gemeenten: readonly GemeenteRecord[] | undefined;

/** The 31 zorgkantoorregio's (ZK01–ZK33 without ZK05 and ZK15), sorted by code. */
export function readZorgkantoorregios(): readonly ZorgkantoorregioRecord[] {
  regions ??= readCsv('zorgkantoorregios.csv').map((row, i) => ({
    code: field(row, 'code', 'zorgkantoorregios.csv', i + 2, ZORGKANTOORREGIO_CODE_PATTERN),
    name: field(row, 'naam', 'zorgkantoorregios.csv', i + 2),
  }));
  return regions;
}

/** The 342 gemeenten, sorted by code; each lies in one of the zorgkantoorregio's above. */
export function readGemeenten(): readonly GemeenteRecord[] {
  if (gemeenten) return gemeenten;
  const known = new Set(readZorgkantoorregios().map((r) => r.code));
  gemeenten = readCsv('gemeenten.csv').map((row, i) => {
    const line = i + 2;
    const zorgkantoorregioCode = field(row, 'zorgkantoorregio_code', 'gemeenten.csv', line, ZORGKANTOORREGIO_CODE_PATTERN);
    if (!known.has(zorgkantoorregioCode)) throw new Error(`gemeenten.csv row ${line}: unknown zorgkantoorregio_code`);
    return {
      code: field(row, 'code', 'gemeenten.csv', line, GEMEENTE_CODE_PATTERN),
      name: field(row, 'naam', 'gemeenten.csv', line),
      province: field(row, 'provincie', 'gemeenten.csv', line),
      population: numberField(row, 'inwoners', 'gemeenten.csv', line),
      latitude: numberField(row, 'lat', 'gemeenten.csv', line),
      longitude: numberField(row, 'lon', 'gemeenten.csv', line),
      zorgkantoorregioCode,
    };
  });
  return gemeenten;
}
