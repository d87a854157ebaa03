import { and, asc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@hub/db';
import { outbox, referral, webhookAttempt, webhookDelivery, webhookEndpoint } from './schema.ts';
import type { NewOutboxRow, OutboxRow, ReferralRow } from './queries.ts';

/**
 * The transactional outbox and the relay that empties it (src/relay.ts decides when and what; the SQL is here, and
 * for the topics delivered to a peer it is the shared outbox SQL of @hub/db). Several relays may run at once: batches are claimed with row locks (SKIP LOCKED) and a lease, polling positions
 * are assigned under an advisory lock.
 */

/** The advisory lock under which polling positions are assigned, so two relays never hand out the same position. */
const SEQUENCE_LOCK = 727_301;

export async function insertOutbox(db: Db, rows: NewOutboxRow[]): Promise<void> {
  if (rows.length) await db.insert(outbox).values(rows);
}

export type OutboxTopic = 'REFERRAL' | 'ACCESS_LOG' | 'GAP' | 'NOTIFICATION';
/** The topics the relay delivers to a peer subgraph (REFERRAL is polled and sent to webhooks instead). */
export type PeerTopic = Exclude<OutboxTopic, 'REFERRAL'>;

/** Polling: sequenced REFERRAL events for one organisation after a position, oldest first. */
export function listNotifications(db: Db, organizationId: string, afterPosition: number, first: number) {
  return db
    .select({ id: outbox.id, position: outbox.position, payload: outbox.payload })
    .from(outbox)
    .where(and(eq(outbox.topic, 'REFERRAL'), sql`${outbox.position} > ${afterPosition}`, sql`${organizationId}::uuid = any(${outbox.audience})`))
    .orderBy(asc(outbox.position))
    .limit(first + 1);
}

/** Outbox rows of one topic (tests and operators: what is waiting for, or was delivered to, a peer). */
export function findOutboxByTopic(db: Db, topic: OutboxTopic): Promise<OutboxRow[]> {
  return db.select().from(outbox).where(eq(outbox.topic, topic)).orderBy(asc(outbox.seq));
}

/**
 * Flags the referrals whose deadline passed before `today` (Europe/Amsterdam) and were not flagged yet: REQUESTED
 * after respondBy, ACCEPTED after startBy. Returns the flagged rows, respond deadlines first.
 */
export async function flagOverdueReferrals(db: Db, today: string, now: Date): Promise<ReferralRow[]> {
  const respond = await db
    .update(referral)
    .set({ respondOverdueAt: now })
    .where(sql`${referral.status} = 'REQUESTED' and ${referral.respondBy} < ${today}::date and ${referral.respondOverdueAt} is null`)
    .returning();
  const start = await db
    .update(referral)
    .set({ startOverdueAt: now })
    .where(sql`${referral.status} = 'ACCEPTED' and ${referral.startBy} < ${today}::date and ${referral.startOverdueAt} is null`)
    .returning();
  return [...respond, ...start];
}

/**
 * Marks the overdue referrals among `ids` escalated, those not escalated before: a referral is escalated once, however
 * often it is overdue (respond-by, later start-by) and however many rounds the relay runs. Returns the ids marked.
 */
export async function markEscalated(db: Db, ids: readonly string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const marked = await db
    .update(referral)
    .set({ escalatedAt: now })
    .where(sql`${referral.id} = any(${sql.param([...ids])}::uuid[]) and ${referral.escalatedAt} is null`)
    .returning({ id: referral.id });
  return new Set(marked.map((m) => m.id));
}

/**
 * Flags the REQUESTED referrals whose respond-by date lies from `today` up to `lastDay` (today plus the configured
 * working days) and that were not flagged yet: each is told once that its answer is due soon.
 */
export function flagDueSoonReferrals(db: Db, today: string, lastDay: string, now: Date): Promise<ReferralRow[]> {
  return db
    .update(referral)
    .set({ dueSoonNotifiedAt: now })
    .where(
      sql`${referral.status} = 'REQUESTED' and ${referral.dueSoonNotifiedAt} is null and ${referral.respondBy} >= ${today}::date
        and ${referral.respondBy} <= ${lastDay}::date`,
    )
    .returning();
}

/**
 * Gives committed notifications their polling position (in commit-visible order) and creates their webhook
 * deliveries, one per active endpoint of each organisation in the audience. Returns how many were sequenced.
 */
export async function sequenceNotifications(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEQUENCE_LOCK})`);
    const sequenced = rowsOf<{ id: string }>(
      await tx.execute(sql`with next as (
          select id, row_number() over (order by seq) + coalesce((select max(position) from ${outbox}), 0) as pos
          from ${outbox} where topic = 'REFERRAL' and position is null order by seq limit 500)
        update ${outbox} o set position = next.pos from next where o.id = next.id returning o.id`),
    );
    if (sequenced.length === 0) return 0;
    await tx.execute(sql`insert into ${webhookDelivery} (id, endpoint_id, event_id, status, attempts, next_attempt_at, created_at)
      select gen_random_uuid(), e.id, o.id, 'PENDING', 0, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from ${outbox} o join ${webhookEndpoint} e on e.organization_id = any(o.audience) and e.active
      where o.id = any(${sql.param(sequenced.map((s) => s.id))}::uuid[])
      on conflict do nothing`);
    return sequenced.length;
  });
}

/** A webhook delivery claimed for an attempt, with what the attempt needs. */
export interface ClaimedDelivery {
  id: string;
  endpoint_id: string;
  attempts: number;
  url: string;
  secret: string;
  event_id: string;
  payload: Record<string, unknown>;
}

/** Claims due webhook deliveries (PENDING, next attempt reached); the lease keeps other relays off them until `leaseUntil`. */
export async function claimDueDeliveries(db: Db, now: Date, leaseUntil: Date, batch: number): Promise<ClaimedDelivery[]> {
  return rowsOf<ClaimedDelivery>(
    await db.execute(sql`with due as (
        select d.id from ${webhookDelivery} d where d.status = 'PENDING' and d.next_attempt_at <= ${now.toISOString()}::timestamptz
        order by d.next_attempt_at limit ${batch} for update skip locked)
      update ${webhookDelivery} d set next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
      from due, ${webhookEndpoint} e, ${outbox} o
      where d.id = due.id and e.id = d.endpoint_id and o.id = d.event_id
      returning d.id, d.endpoint_id, d.attempts, e.url, e.secret, d.event_id, o.payload`),
  );
}

/** One attempt in the delivery log and the delivery's state after it, together. */
export async function recordWebhookAttempt(
  db: Db,
  attempt: typeof webhookAttempt.$inferInsert,
  after: { status: 'DELIVERED' | 'FAILED' | 'PENDING'; deliveredAt: Date | null; nextAttemptAt: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempt).values(attempt);
    await tx.execute(sql`update ${webhookDelivery} set attempts = ${attempt.number},
      status = ${after.status},
      delivered_at = ${after.deliveredAt ? after.deliveredAt.toISOString() : null}::timestamptz,
      next_attempt_at = ${after.nextAttemptAt.toISOString()}::timestamptz
      where id = ${attempt.deliveryId}::uuid`);
  });
}
