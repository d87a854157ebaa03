import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, text, timestamp, uuid, type AnyPgColumn, type PgTable } from 'drizzle-orm/pg-core';

/**
 * The table of the transactional outbox every subgraph shares (imported by schema files, so it needs nothing but
 * drizzle). The transactional outbox: a table in the subgraph's own schema, written in the same
 * transaction as the change it reports, and emptied by a relay (@hub/service-kit `createOutboxRelay`) that claims due
 * rows with a lease (SKIP LOCKED, so several processes may relay at once), marks them delivered, or defers them with
 * backoff. Only the SQL and the columns are here; what a row means and where it goes is the subgraph's.
 */

/** The columns of an outbox table; `payload` is typed by the subgraph (ids and codes only). */
export function outboxColumns<TPayload>() {
  return {
    id: uuid('id').primaryKey(),
    /** Insertion order: rows are relayed oldest first. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<TPayload>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the receiver accepted it; null while it waits. */
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** The class of the last failure (never its message, which could echo a body). */
    lastError: text('last_error'),
  };
}

/** The columns the shared SQL reads; every table made from `outboxColumns` has them. */
export interface OutboxTableColumns {
  id: AnyPgColumn;
  seq: AnyPgColumn;
  topic: AnyPgColumn;
  deliveredAt: AnyPgColumn;
  nextAttemptAt: AnyPgColumn;
}
export type OutboxTable = PgTable & OutboxTableColumns;

/** The index the claim reads: only rows still waiting, by topic and due time. */
export const outboxPendingIndex = (name: string, t: OutboxTableColumns) => index(name).on(t.topic, t.nextAttemptAt).where(sql`${t.deliveredAt} is null`);
