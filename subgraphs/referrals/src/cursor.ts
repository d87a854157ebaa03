import { badInput } from '@hub/errors';
import { type Connection, connectionFromRows, encodeCursor } from '@hub/service-kit';
import type { KeyedRow } from './db/queries.ts';

/**
 * What the shared page helpers (`@hub/service-kit`, connection.ts) leave to this subgraph: pages of rows that carry their sort key, and the polling
 * cursor of `referralEvents`.
 */

/** A page of keyset rows fetched with `limit: first + 1`; each row's cursor holds its sort key as the database printed it. */
export function connectionFromKeyedRows<T extends { id: string }>(rows: readonly KeyedRow<T>[], first: number, after: boolean): Connection<T> {
  const keys = new Map(rows.map((r) => [r.row.id, r.sortKey]));
  return connectionFromRows(
    rows.map((r) => r.row),
    first,
    (row) => encodeCursor(keys.get(row.id) ?? '', row.id),
    after,
  );
}

/**
 * Polling cursor: the position of the last event seen. Not a keyset cursor: positions are handed out by the relay in
 * commit order, so a poller that remembers one never skips an event (docs/referrals.md, Polling).
 */
export function encodeEventCursor(position: number): string {
  return Buffer.from(`ev:${position}`, 'utf8').toString('base64url');
}

export function decodeEventCursor(cursor: string, field = 'since'): number {
  const m = cursor.length <= 100 ? /^ev:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  if (!m?.[1]) throw badInput(field, `${field} is not a cursor returned by this API.`);
  return Number(m[1]);
}
