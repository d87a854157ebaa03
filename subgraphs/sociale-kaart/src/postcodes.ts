import { sql } from 'drizzle-orm';
import type { Db } from '@hub/db';
import { GEMEENTE_CODE_PATTERN } from '@hub/domain';
import { postcodeArea } from './db/schema.ts';

/**
 * The PC4 reference table: centroids of the 4-digit postcode areas, loaded from a CSV made from the official CBS
 * "Postcode 4-cijferig" (pc4) data (docs/sociale-kaart.md says how). The hub ships without it; while the table is
 * empty, a distance search from a postcode is not available (`postcodeSearchAvailable` is false).
 */

/** The bounding box of the Netherlands that validation.ts also holds locations to. */
export const NL_BOUNDS = { minLatitude: 50.7, maxLatitude: 53.6, minLongitude: 3.3, maxLongitude: 7.3 } as const;

/** "1234" or "1234 AB" (also "1234AB", lower case): only the 4 digits count. */
export const POSTCODE_INPUT_PATTERN = /^\s*([1-9]\d{3})(?:\s?[A-Za-z]{2})?\s*$/;

/** The 4 digits of a postcode as a resident gives it, or undefined when it is not one. */
export function pc4Of(postcode: string): string | undefined {
  return POSTCODE_INPUT_PATTERN.exec(postcode)?.[1];
}

export interface PostcodeArea {
  postcode: string;
  latitude: number;
  longitude: number;
  gemeenteCode: string | null;
}

/** A file that cannot be imported; nothing was written. The message names the line, never a whole row. */
export class PostcodeImportError extends Error {
  override name = 'PostcodeImportError';
}

export interface PostcodeImportReport {
  /** Postcode areas in the table now. */
  imported: number;
  /** Postcode areas the table held before (all replaced). */
  replaced: number;
  /** How many rows gave a gemeente code. */
  withGemeenteCode: number;
  /** The extremes of the coordinates loaded, as a quick plausibility check. */
  bounds: { minLatitude: number; maxLatitude: number; minLongitude: number; maxLongitude: number } | null;
}

const HEADER = ['postcode', 'latitude', 'longitude'];
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Parses and checks the whole CSV: header `postcode;latitude;longitude[;gemeentecode]` (`;` or `,` separated, the
 * separator taken from the header line), UTF-8 with or without BOM, empty lines skipped. The first bad row refuses
 * the file with its line number.
 */
export function parsePostcodeCsv(text: string): PostcodeArea[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) throw new PostcodeImportError('The file is empty.');
  const headerLine = lines[headerIndex] ?? '';
  const separator = headerLine.includes(';') ? ';' : ',';
  const header = headerLine.split(separator).map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ''));
  const withGemeente = header.length === 4 && header[3] === 'gemeentecode';
  if (header.length < 3 || header.length > 4 || HEADER.some((name, i) => header[i] !== name) || (header.length === 4 && !withGemeente)) {
    throw new PostcodeImportError(`Line ${headerIndex + 1}: the header must be postcode${separator}latitude${separator}longitude[${separator}gemeentecode].`);
  }
  const areas: PostcodeArea[] = [];
  const seen = new Set<string>();
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const lineNo = i + 1;
    const bad = (what: string) => new PostcodeImportError(`Line ${lineNo}: ${what}. Nothing was imported.`);
    const cells = line.split(separator).map((c) => c.trim().replace(/^"|"$/g, ''));
    if (cells.length !== header.length) throw bad(`expected ${header.length} values separated by "${separator}", found ${cells.length}`);
    const [postcode = '', lat = '', lon = '', code = ''] = cells;
    if (!/^\d{4}$/.test(postcode) || Number(postcode) < 1000) throw bad('the postcode must be 4 digits, 1000 to 9999');
    if (seen.has(postcode)) throw bad('this postcode was already given on an earlier line');
    seen.add(postcode);
    if (!NUMBER.test(lat) || !NUMBER.test(lon)) throw bad('latitude and longitude must be decimal numbers with a point (e.g. 52.0907)');
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (latitude < NL_BOUNDS.minLatitude || latitude > NL_BOUNDS.maxLatitude || longitude < NL_BOUNDS.minLongitude || longitude > NL_BOUNDS.maxLongitude) {
      throw bad(
        `the coordinates lie outside the Netherlands (latitude ${NL_BOUNDS.minLatitude}–${NL_BOUNDS.maxLatitude}, longitude ${NL_BOUNDS.minLongitude}–${NL_BOUNDS.maxLongitude}, WGS84); are latitude and longitude swapped, or is it RD (EPSG:28992)?`,
      );
    }
    if (code !== '' && !GEMEENTE_CODE_PATTERN.test(code)) throw bad('the gemeentecode must be GM + 4 digits (e.g. GM0344), or empty');
    areas.push({ postcode, latitude, longitude, gemeenteCode: code === '' ? null : code });
  }
  if (areas.length === 0) throw new PostcodeImportError('The file has a header but no postcode rows. Nothing was imported.');
  return areas;
}

const BATCH = 1000;

/** Replaces the whole table with these areas in one transaction: all or nothing, and the same file twice is a no-op. */
export async function replacePostcodeAreas(db: Db, areas: PostcodeArea[]): Promise<PostcodeImportReport> {
  const replaced = await db.transaction(async (tx) => {
    const [before] = await tx.select({ n: sql<string>`count(*)` }).from(postcodeArea);
    await tx.delete(postcodeArea);
    for (let i = 0; i < areas.length; i += BATCH) await tx.insert(postcodeArea).values(areas.slice(i, i + BATCH));
    return Number(before?.n ?? 0);
  });
  const lat = areas.map((a) => a.latitude);
  const lon = areas.map((a) => a.longitude);
  return {
    imported: areas.length,
    replaced,
    withGemeenteCode: areas.filter((a) => a.gemeenteCode).length,
    bounds: areas.length
      ? { minLatitude: Math.min(...lat), maxLatitude: Math.max(...lat), minLongitude: Math.min(...lon), maxLongitude: Math.max(...lon) }
      : null,
  };
}

/** Checks the whole CSV first, then replaces the table; a bad row throws {@link PostcodeImportError} and writes nothing. */
export async function importPostcodeCsv(db: Db, text: string): Promise<PostcodeImportReport> {
  return replacePostcodeAreas(db, parsePostcodeCsv(text));
}

/** The centroid of one PC4 area, or undefined when it is not loaded. */
export async function findPostcodeArea(db: Db, pc4: string): Promise<PostcodeArea | undefined> {
  const [row] = await db.select().from(postcodeArea).where(sql`${postcodeArea.postcode} = ${pc4}`).limit(1);
  return row;
}

/** Whether any postcode area is loaded. */
export async function hasPostcodeAreas(db: Db): Promise<boolean> {
  const [row] = await db.select({ postcode: postcodeArea.postcode }).from(postcodeArea).limit(1);
  return Boolean(row);
}
