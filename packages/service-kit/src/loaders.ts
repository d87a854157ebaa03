/** Orders batch results by the DataLoader's keys: one row per key, or null. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** Orders batch results by the DataLoader's keys: a list per key (empty when none). */
export function groupBy<K, R, V = R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K, valueOf?: (row: R) => V): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const value = valueOf ? valueOf(row) : (row as unknown as V);
    const list = map.get(k);
    if (list) list.push(value);
    else map.set(k, [value]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
