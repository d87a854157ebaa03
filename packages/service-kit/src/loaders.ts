/**
 * A row a foreign key guarantees, for a non-null field: a missing one is a broken invariant, answered as an internal
 * error (as GraphQL would for the null), never as a null the schema does not allow.
 */
export async function mustExist<T>(row: Promise<T | null>, what: string): Promise<T> {
  const value = await row;
  if (value === null) throw new Error(`${what} is missing`);
  return value;
}

/** Orders batch results by the DataLoader's keys: one row per key, or null. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** Orders batch results by the DataLoader's keys: a list per key (empty when none). */
export function groupBy<K, R, V = R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K, toValue?: (row: R) => V): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const value = toValue ? toValue(row) : (row as unknown as V);
    const list = map.get(k);
    if (list) list.push(value);
    else map.set(k, [value]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
