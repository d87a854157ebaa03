import { isUuid } from '@hub/domain';
import { badInput } from '@hub/errors';

/**
 * Relay-style pages, the one shape for every list of the graph that grows with use (docs/api-conventions.md):
 * `first` (default 20, served at most 100) and `after` (the `endCursor` of the previous page) in; `edges`,
 * `nodes`, `pageInfo` and, where it is known without another scan, `totalCount` out.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * The page size for `first`: the default when it is not given, served at the cap when it is larger (one rule
 * everywhere), BAD_USER_INPUT below 1.
 */
export function pageSize(first: number | null | undefined, options: { fallback?: number; max?: number; field?: string } = {}): number {
  const { fallback = DEFAULT_PAGE_SIZE, max = MAX_PAGE_SIZE, field = 'first' } = options;
  if (first == null) return fallback;
  if (!Number.isInteger(first) || first < 1) throw badInput(field, `${field} must be a positive integer.`);
  return Math.min(first, max);
}

/** The arguments of a connection field: `first` (the page size) and `after` (the endCursor of the previous page). */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Checks a page's `first` and the shape of its cursor up front, for a list whose reading has effects of its own (an
 * access-log line): a refused page then does nothing at all. connectionFromList checks them again as it cuts the page.
 */
export function requirePageArgs(args: PageArgs): void {
  pageSize(args.first);
  if (args.after) decodeCursor(args.after);
}

/** A keyset position: the sort key as the database printed it (exact, unlike a JS Date), and the row's id. */
export interface CursorPosition {
  key: string;
  id: string;
}

/** An opaque cursor: base64url of [sort key, id]. */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): CursorPosition {
  try {
    if (cursor.length > 1000) throw new Error('too long');
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && isUuid(value[1])) {
      return { key: value[0], id: value[1].toLowerCase() };
    }
  } catch {
    // fall through to the typed error below
  }
  throw badInput(field, `${field} is not a cursor returned by this API.`);
}

/** A timestamptz as Postgres prints it (`column::text`, e.g. 2026-11-23 10:00:00.123456+00) or as ISO 8601 with offset. */
const TIMESTAMP_KEY = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2})(:?\d{2})?)$/;

/** Whether Postgres reads the key back as the timestamptz it names (a real calendar day and time, an offset in range). */
function isTimestampKey(key: string): boolean {
  const m = TIMESTAMP_KEY.exec(key);
  if (!m) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map(Number);
  const offsetHours = Number(m[9] ?? 0);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const realDay = year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return realDay && hour < 24 && minute < 60 && second < 60 && offsetHours <= 14;
}

/**
 * decodeCursor for a keyset on a timestamptz column. The key goes back to Postgres as a timestamptz, so one it cannot
 * read is BAD_USER_INPUT here rather than a failed statement. Keep the key as Postgres printed it (`::text`): a JS Date
 * drops the microseconds, and the keyset would skip rows of the same millisecond.
 */
export function decodeTimestampCursor(cursor: string, field = 'after'): CursorPosition {
  const position = decodeCursor(cursor, field);
  if (!isTimestampKey(position.key)) throw badInput(field, `${field} is not a cursor returned by this API.`);
  return position;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
}

/**
 * A page from rows fetched with `limit: first + 1` after the cursor: the extra row only tells that there is a next
 * page. `cursorOf` gives each row's cursor.
 */
export function connectionFromRows<T>(rows: readonly T[], first: number, cursorOf: (row: T) => string, after: boolean): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A page of a list that a DataLoader already loaded whole for every parent at once (so a child connection costs
 * no statement per parent). The cursor names an item of the list by id; `totalCount` is the list's length.
 * A cursor of an item no longer in the list gives BAD_USER_INPUT: start again from the first page.
 */
export function connectionFromList<T extends { id: string }>(
  items: readonly T[],
  args: PageArgs,
  keyOf: (item: T) => string,
  options: { fallback?: number; max?: number } = {},
): Connection<T> & { totalCount: number } {
  const first = pageSize(args.first, options);
  let start = 0;
  if (args.after) {
    const { id } = decodeCursor(args.after);
    const at = items.findIndex((item) => item.id === id);
    if (at < 0) throw badInput('after', 'after is not a cursor of this list (the item is gone); start again from the first page.');
    start = at + 1;
  }
  return {
    ...connectionFromRows(items.slice(start, start + first + 1), first, (item) => encodeCursor(keyOf(item), item.id), start > 0),
    totalCount: items.length,
  };
}

/** The same page with every node mapped, e.g. from the row a query returns to the view the resolvers pass around. */
export function mapConnection<C extends Connection<unknown>, U>(page: C, map: (node: C['nodes'][number]) => U): Omit<C, 'edges' | 'nodes'> & Connection<U> {
  const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) }));
  return { ...page, edges, nodes: edges.map((edge) => edge.node) };
}
