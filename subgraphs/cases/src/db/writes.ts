import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@hub/db';
import { client, consent, contactMoment, trajectory } from './schema.ts';
import { appendAccessLog, type ClientRow, type ConsentRow, type NewAccessLogRow, type TrajectoryRow } from './queries.ts';

type NewClient = typeof client.$inferInsert;
type NewTrajectory = typeof trajectory.$inferInsert;
type NewConsent = typeof consent.$inferInsert;
type NewContactMoment = typeof contactMoment.$inferInsert;

/** Every change and its access-log line commit together, or neither does. */

export async function insertClient(db: Db, row: NewClient, line: NewAccessLogRow): Promise<ClientRow> {
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(client).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    await appendAccessLog(tx, [line]);
    return created;
  });
}

/** Updates only when the version still matches; null when it did not (stale). */
export async function updateClientIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<NewClient>,
  line: NewAccessLogRow,
): Promise<ClientRow | null> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(client)
      .set({ ...changes, version: sql`${client.version} + 1`, updatedAt: new Date() })
      .where(and(eq(client.id, id), eq(client.version, expectedVersion)))
      .returning();
    if (!updated) return null;
    await appendAccessLog(tx, [line]);
    return updated;
  });
}

export async function insertTrajectory(db: Db, row: NewTrajectory, line: NewAccessLogRow): Promise<TrajectoryRow> {
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(trajectory).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    await appendAccessLog(tx, [line]);
    return created;
  });
}

export async function updateTrajectoryIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<NewTrajectory>,
  contactMoments: NewContactMoment[],
  line: NewAccessLogRow,
): Promise<TrajectoryRow | null> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(trajectory)
      .set({ ...changes, version: sql`${trajectory.version} + 1`, updatedAt: new Date() })
      .where(and(eq(trajectory.id, id), eq(trajectory.version, expectedVersion)))
      .returning();
    if (!updated) return null;
    if (contactMoments.length) await tx.insert(contactMoment).values(contactMoments);
    await appendAccessLog(tx, [line]);
    return updated;
  });
}

export async function insertConsent(db: Db, row: NewConsent, line: NewAccessLogRow): Promise<ConsentRow> {
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(consent).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    await appendAccessLog(tx, [line]);
    return created;
  });
}

export async function revokeConsentIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  revoke: { at: Date; byUserId: string },
  line: NewAccessLogRow,
): Promise<ConsentRow | null> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(consent)
      .set({ revokedAt: revoke.at, revokedByUserId: revoke.byUserId, version: sql`${consent.version} + 1` })
      .where(and(eq(consent.id, id), eq(consent.version, expectedVersion)))
      .returning();
    if (!updated) return null;
    await appendAccessLog(tx, [line]);
    return updated;
  });
}
