import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from './index.ts';
import type { OutboxTable } from './outbox-table.ts';

/** The SQL of the shared outbox (see outbox-table.ts): claim due rows under a lease, mark them delivered, defer them. */

export interface ClaimedOutboxRow<TPayload> {
  id: string;
  payload: TPayload;
  attempts: number;
}

/**
 * Claims up to `batch` due rows of one topic, oldest first: their next attempt moves to `leaseUntil` (so no other relay
 * takes them meanwhile) and their attempt count goes up. A relay that dies mid-delivery leaves them to the next lease.
 */
export async function claimOutboxRows<TPayload>(
  db: Db,
  table: OutboxTable,
  args: { topic: string; now: Date; leaseUntil: Date; batch: number },
): Promise<ClaimedOutboxRow<TPayload>[]> {
  const { topic, now, leaseUntil, batch } = args;
  return rowsOf<ClaimedOutboxRow<TPayload>>(
    await db.execute(sql`update ${table} o set next_attempt_at = ${leaseUntil.toISOString()}::timestamptz,
        attempts = o.attempts + 1
      where o.id in (select ${table.id} from ${table} where ${table.topic} = ${topic} and ${table.deliveredAt} is null
        and ${table.nextAttemptAt} <= ${now.toISOString()}::timestamptz order by ${table.seq} limit ${batch} for update skip locked)
      returning o.id, o.payload, o.attempts`),
  );
}

export async function markOutboxRowsDelivered(db: Db, table: OutboxTable, ids: readonly string[], now: Date): Promise<void> {
  await db.execute(sql`update ${table} set delivered_at = ${now.toISOString()}::timestamptz, last_error = null
    where ${anyId(table, ids)}`);
}

/** A failed delivery: the rows wait until `next`, with the error's class kept. */
export async function deferOutboxRows(db: Db, table: OutboxTable, ids: readonly string[], next: Date, lastError: string): Promise<void> {
  await db.execute(sql`update ${table} set next_attempt_at = ${next.toISOString()}::timestamptz, last_error = ${lastError}
    where ${anyId(table, ids)}`);
}

const anyId = (table: OutboxTable, ids: readonly string[]): SQL => sql`${table.id} = any(${sql.param([...ids])}::uuid[])`;
