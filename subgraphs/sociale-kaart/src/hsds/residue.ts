import { createHash } from 'node:crypto';
import type { HsdsResidue } from '../db/schema.ts';

export type HsdsObject = Record<string, unknown>;

/**
 * The value under a key of the record itself. Keys come from imported data, and a plain `o[key]` for a key such as
 * `constructor` or `toString` would find Object.prototype's function instead of "absent".
 */
function own(o: HsdsObject, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** A short, stable fingerprint of a value as the native export produced it (undefined included). */
function fingerprint(value: unknown): string {
  return createHash('sha1')
    .update(value === undefined ? '\u0000undefined' : JSON.stringify(value))
    .digest('base64url')
    .slice(0, 16);
}

/** Deep equality of JSON values, ignoring key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  if (keys.length !== Object.keys(bo).filter((k) => bo[k] !== undefined).length) return false;
  return keys.every((k) => jsonEqual(ao[k], own(bo, k)));
}

/**
 * What the source held beyond the native export of the same record: every top-level field whose value the
 * native export does not reproduce exactly, and every field the native export adds. `skip` names fields
 * owned by other entities (a service's organization, its service_at_locations), which keep their own residue.
 * Null when the native export reproduces the source: data the hub fully understands carries no residue.
 */
export function computeResidue(source: HsdsObject, native: HsdsObject, skip: readonly string[] = []): HsdsResidue | null {
  const fields: [string, string][] = [];
  const absent: string[] = [];
  // Entries, then Object.fromEntries: a key named __proto__ becomes an own entry, where an assignment would not.
  const base: [string, string][] = [];
  for (const [key, value] of Object.entries(source)) {
    if (skip.includes(key) || value === undefined) continue;
    if (!jsonEqual(value, own(native, key))) {
      fields.push([key, JSON.stringify(value)]);
      base.push([key, fingerprint(own(native, key))]);
    }
  }
  for (const [key, value] of Object.entries(native)) {
    if (skip.includes(key) || value === undefined || own(source, key) !== undefined) continue;
    absent.push(key);
    base.push([key, fingerprint(value)]);
  }
  return fields.length || absent.length ? { fields, absent, base: Object.fromEntries(base) } : null;
}

/**
 * The export of a record: the native fields, with the source value for every field whose native value is
 * still what it was at import time. A field changed in the hub since then shows the hub's value.
 * `only` limits the overlay to the given keys' kind (list forms carry no arrays).
 */
export function applyResidue(native: HsdsObject, residue: HsdsResidue | null | undefined, only?: (key: string, value: unknown) => boolean): HsdsObject {
  if (!residue) return native;
  // A Map, not an object: a residue key named __proto__ must come back as a field, not as a prototype.
  const out = new Map(Object.entries(native));
  for (const [key, text] of residue.fields) {
    if (fingerprint(own(native, key)) !== own(residue.base, key)) continue;
    const value: unknown = JSON.parse(text);
    if (only && !only(key, value)) continue;
    out.set(key, value);
  }
  for (const key of residue.absent) {
    if (fingerprint(own(native, key)) === own(residue.base, key)) out.delete(key);
  }
  return Object.fromEntries(out);
}
