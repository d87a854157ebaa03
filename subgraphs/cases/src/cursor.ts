import { badInput } from '@hub/errors';
import { isUuid } from '@hub/domain';

/** Opaque keyset cursor: base64url of [timestamp ISO, id]. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): { at: Date; id: string } {
  try {
    if (cursor.length > 500) throw new Error('too long');
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && isUuid(value[1])) {
      const at = new Date(value[0]);
      if (!Number.isNaN(at.getTime())) return { at, id: value[1] };
    }
  } catch {
    // fall through to the typed error below
  }
  throw badInput(field, `${field} is not a cursor returned by this API.`);
}
