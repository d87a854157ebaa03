import { isUuid } from '@hub/domain';
import { badInput } from '@hub/errors';

/** A timestamptz as Postgres prints it, e.g. 2026-11-23 10:00:00.123456+00. */
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

/** Opaque keyset cursor for referral lists: base64url of [sort key as the database printed it, id]. */
export function encodeListCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeListCursor(cursor: string, field = 'after'): { key: string; id: string } {
  try {
    if (cursor.length > 1000) throw new Error('too long');
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      TIMESTAMP_TEXT.test(value[0]) &&
      typeof value[1] === 'string' &&
      isUuid(value[1])
    ) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through to the typed error below
  }
  throw badInput(field, `${field} is not a cursor returned by this API.`);
}

/** Polling cursor: the position of the last event seen. */
export function encodeEventCursor(position: number): string {
  return Buffer.from(`ev:${position}`, 'utf8').toString('base64url');
}

export function decodeEventCursor(cursor: string, field = 'since'): number {
  const m = cursor.length <= 100 ? /^ev:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  if (!m?.[1]) throw badInput(field, `${field} is not a cursor returned by this API.`);
  return Number(m[1]);
}
