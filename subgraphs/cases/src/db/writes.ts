import { and, eq, sql } from 'drizzle-orm';
import type { NotificationEvent } from '@hub/contracts';
import type { Db } from '@hub/db';
import { consentRevokedEvents, insertNotificationEvents } from '../notification-events.ts';
import { breakGlassGrant, client, consent, contactMoment, correctionRequest, organizationSetting, trajectory } from './schema.ts';
import {
  appendAccessLog,
  type BreakGlassRow,
  type ClientRow,
  type ConsentRow,
  findClientByBsnHashes,
  lockBsnHashes,
  type CorrectionRequestRow,
  type NewAccessLogRow,
  type OrganizationSettingRow,
  type TrajectoryRow,
} from './queries.ts';

type NewClient = typeof client.$inferInsert;
type NewTrajectory = typeof trajectory.$inferInsert;
type NewConsent = typeof consent.$inferInsert;
type NewContactMoment = typeof contactMoment.$inferInsert;

/** Every change and its access-log line commit together, or neither does. */

/**
 * Inserts a client unless one of `bsnHashes` (the BSN's look-up hashes under every configured hash key) already names
 * a client: then that client's id, and nothing is written.
 */
export async function insertClient(
  db: Db,
  row: NewClient,
  line: NewAccessLogRow,
  bsnHashes: readonly string[] = [],
): Promise<{ created: ClientRow; existingId?: undefined } | { created?: undefined; existingId: string }> {
  return db.transaction(async (tx) => {
    if (bsnHashes.length > 0) {
      await lockBsnHashes(tx, bsnHashes);
      const existing = await findClientByBsnHashes(tx, bsnHashes);
      if (existing) return { existingId: existing.id };
    }
    const [created] = await tx.insert(client).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    await appendAccessLog(tx, [line]);
    return { created };
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

/** Revokes a consent with its access-log line and the CONSENT_REVOKED event for the organisations it covered. */
export async function revokeConsentIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  revoke: { at: Date; byUserId: string; byOrganizationId: string | null },
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
    await insertNotificationEvents(tx, await consentRevokedEvents(tx, updated, revoke.at, revoke.byOrganizationId));
    return updated;
  });
}

/** A client changes a consent's period: the old consent is revoked and its successor recorded, together. */
export async function replaceConsent(
  db: Db,
  id: string,
  expectedVersion: number,
  revoke: { at: Date; byUserId: string },
  successor: NewConsent,
  line: NewAccessLogRow,
): Promise<ConsentRow | null> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(consent)
      .set({ revokedAt: revoke.at, revokedByUserId: revoke.byUserId, version: sql`${consent.version} + 1` })
      .where(and(eq(consent.id, id), eq(consent.version, expectedVersion)))
      .returning();
    if (!updated) return null;
    const [created] = await tx.insert(consent).values(successor).returning();
    if (!created) throw new Error('insert returned no row');
    await appendAccessLog(tx, [line]);
    return created;
  });
}

export async function insertBreakGlass(
  db: Db,
  row: typeof breakGlassGrant.$inferInsert,
  line: NewAccessLogRow,
  events: readonly NotificationEvent[],
): Promise<BreakGlassRow> {
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(breakGlassGrant).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    await appendAccessLog(tx, [line]);
    await insertNotificationEvents(tx, events);
    return created;
  });
}

/** Records the privacy officer's review, only while the version still matches and it was not reviewed yet. */
export async function reviewBreakGlassIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  review: { at: Date; byUserId: string; justified: boolean; note: string },
): Promise<BreakGlassRow | null> {
  const [updated] = await db
    .update(breakGlassGrant)
    .set({
      reviewedAt: review.at,
      reviewedByUserId: review.byUserId,
      justified: review.justified,
      reviewNote: review.note,
      version: sql`${breakGlassGrant.version} + 1`,
    })
    .where(and(eq(breakGlassGrant.id, id), eq(breakGlassGrant.version, expectedVersion)))
    .returning();
  return updated ?? null;
}

export async function upsertOrganizationSetting(db: Db, row: typeof organizationSetting.$inferInsert): Promise<OrganizationSettingRow> {
  const { organizationId: _id, ...changes } = row;
  const [saved] = await db
    .insert(organizationSetting)
    .values(row)
    .onConflictDoUpdate({ target: organizationSetting.organizationId, set: { ...changes, updatedAt: new Date() } })
    .returning();
  if (!saved) throw new Error('upsert returned no row');
  return saved;
}

export async function insertCorrectionRequest(db: Db, row: typeof correctionRequest.$inferInsert, line: NewAccessLogRow): Promise<CorrectionRequestRow> {
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(correctionRequest).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    await appendAccessLog(tx, [line]);
    return created;
  });
}
