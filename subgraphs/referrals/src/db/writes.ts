import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@hub/db';
import { referral, referralEvent, webhookDelivery, webhookEndpoint } from './schema.ts';
import type { NewReferral, NewTimelineRow, ReferralRow, WebhookDeliveryRow, WebhookEndpointRow } from './queries.ts';

/**
 * Changes to referrals, their timelines and webhook endpoints. A referral's change, its timeline entry and its outbox
 * rows (`outbox.ts`) are written by the caller in one transaction.
 */

/** Inserts unless the sending organisation already used the idempotency key; null then (the first one wins). */
export async function insertReferralOnce(db: Db, row: NewReferral): Promise<ReferralRow | null> {
  const [created] = await db
    .insert(referral)
    .values(row)
    .onConflictDoNothing({ target: [referral.fromOrganizationId, referral.idempotencyKey] })
    .returning();
  return created ?? null;
}

/** The optimistic lock: changes only when the version still matches, so of two concurrent changes one wins. */
export async function updateReferralIfVersion(db: Db, id: string, expectedVersion: number, changes: Partial<NewReferral>): Promise<ReferralRow | null> {
  const [updated] = await db
    .update(referral)
    .set({ ...changes, version: sql`${referral.version} + 1`, updatedAt: new Date() })
    .where(and(eq(referral.id, id), eq(referral.version, expectedVersion)))
    .returning();
  return updated ?? null;
}

export async function insertTimelineEvent(db: Db, row: NewTimelineRow): Promise<void> {
  await db.insert(referralEvent).values(row);
}

/** Many timeline events in one statement (the overdue sweep flags a batch at once). */
export async function insertTimelineEvents(db: Db, rows: NewTimelineRow[]): Promise<void> {
  if (rows.length) await db.insert(referralEvent).values(rows);
}

export async function insertEndpoint(db: Db, row: typeof webhookEndpoint.$inferInsert): Promise<WebhookEndpointRow> {
  const [created] = await db.insert(webhookEndpoint).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

/** Deactivates an endpoint and stops its pending deliveries; false when it is not the organisation's. */
export async function deactivateEndpoint(db: Db, id: string, organizationId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoint)
      .set({ active: false })
      .where(and(eq(webhookEndpoint.id, id), eq(webhookEndpoint.organizationId, organizationId), eq(webhookEndpoint.active, true)))
      .returning({ id: webhookEndpoint.id });
    if (!row) return false;
    await tx
      .update(webhookDelivery)
      .set({ status: 'FAILED' })
      .where(and(eq(webhookDelivery.endpointId, id), eq(webhookDelivery.status, 'PENDING')));
    return true;
  });
}

/** Schedules a delivery again at `at` while it has had fewer than `maxAttempts` attempts; null when it has not. */
export async function scheduleRedelivery(db: Db, id: string, at: Date, maxAttempts: number): Promise<WebhookDeliveryRow | null> {
  const [row] = await db
    .update(webhookDelivery)
    .set({ status: 'PENDING', nextAttemptAt: at })
    .where(and(eq(webhookDelivery.id, id), lt(webhookDelivery.attempts, maxAttempts)))
    .returning();
  return row ?? null;
}
