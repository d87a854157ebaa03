import { and, asc, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@hub/db';
import type { CursorPosition } from '@hub/service-kit';
import { appendAccessLog, type NewAccessLogRow } from '../db/queries.ts';
import { consent, wlzIndicatieEvent, wlzIndicatieItem, wlzNotification } from '../db/schema.ts';

export type WlzIndicatieItemRow = typeof wlzIndicatieItem.$inferSelect;
export type WlzNotificationRow = typeof wlzNotification.$inferSelect;
type NewEvent = typeof wlzIndicatieEvent.$inferInsert;

export async function findWlzItem(db: Db, id: string): Promise<WlzIndicatieItemRow | null> {
  const [row] = await db.select().from(wlzIndicatieItem).where(eq(wlzIndicatieItem.id, id)).limit(1);
  return row ?? null;
}

/**
 * One zorgkantoor's worklist, earliest contact deadline first, keyset-paged on (contact_by, id), with the number of
 * items matching the filters. Overdue: not contacted and the deadline before `today`.
 */
export async function listWlzWorklist(
  db: Db,
  params: { organizationId: string; status: string | null; overdue: boolean | null; today: string; limit: number; after: CursorPosition | null },
): Promise<{ rows: WlzIndicatieItemRow[]; totalCount: number }> {
  const conditions: SQL[] = [eq(wlzIndicatieItem.zorgkantoorOrganizationId, params.organizationId)];
  if (params.status) conditions.push(eq(wlzIndicatieItem.status, params.status));
  const overdue = sql`(${wlzIndicatieItem.contactedAt} is null and ${wlzIndicatieItem.contactBy} < ${params.today}::date)`;
  if (params.overdue === true) conditions.push(overdue);
  if (params.overdue === false) conditions.push(sql`not ${overdue}`);
  const where = and(...conditions);
  const paged = params.after
    ? and(where, sql`(${wlzIndicatieItem.contactBy}, ${wlzIndicatieItem.id}) > (${params.after.key}::date, ${params.after.id}::uuid)`)
    : where;
  const [rows, [count]] = await Promise.all([
    db.select().from(wlzIndicatieItem).where(paged).orderBy(asc(wlzIndicatieItem.contactBy), asc(wlzIndicatieItem.id)).limit(params.limit),
    db.select({ n: sql<number>`count(*)::int` }).from(wlzIndicatieItem).where(where),
  ]);
  return { rows, totalCount: count?.n ?? 0 };
}

/** One zorgkantoor's notifications, newest first, keyset-paged on (received_at, id). */
export function listWlzNotifications(
  db: Db,
  params: { organizationId: string; status: string | null; limit: number; after: CursorPosition | null },
): Promise<(WlzNotificationRow & { cursorKey: string })[]> {
  const conditions: SQL[] = [eq(wlzNotification.zorgkantoorOrganizationId, params.organizationId)];
  if (params.status) conditions.push(eq(wlzNotification.status, params.status));
  if (params.after) {
    conditions.push(sql`(${wlzNotification.receivedAt}, ${wlzNotification.id}) < (${params.after.key}::timestamptz, ${params.after.id}::uuid)`);
  }
  return db
    .select({ ...getTableColumns(wlzNotification), cursorKey: sql<string>`${wlzNotification.receivedAt}::text` })
    .from(wlzNotification)
    .where(and(...conditions))
    .orderBy(desc(wlzNotification.receivedAt), desc(wlzNotification.id))
    .limit(params.limit);
}

export function findWlzItemsByIds(db: Db, ids: readonly string[]): Promise<WlzIndicatieItemRow[]> {
  return db
    .select()
    .from(wlzIndicatieItem)
    .where(sql`${wlzIndicatieItem.id} = any(${sql.param([...ids])}::uuid[])`);
}

export interface WlzItemChange {
  action: 'CONTACT' | 'CHOICE' | 'HANDOVER';
  set: Partial<typeof wlzIndicatieItem.$inferInsert>;
  /** A consent recorded with the change (the choice OCO). */
  consent?: typeof consent.$inferInsert | undefined;
}

/** The change, its audit event, a consent it records and its access-log line commit together, or none does (stale version: null). */
export async function changeWlzItemIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  change: WlzItemChange,
  event: NewEvent,
  line: NewAccessLogRow,
): Promise<WlzIndicatieItemRow | null> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(wlzIndicatieItem)
      .set({ ...change.set, version: sql`${wlzIndicatieItem.version} + 1`, updatedAt: new Date() })
      .where(and(eq(wlzIndicatieItem.id, id), eq(wlzIndicatieItem.version, expectedVersion)))
      .returning();
    if (!updated) return null;
    if (change.consent) await tx.insert(consent).values(change.consent);
    await tx.insert(wlzIndicatieEvent).values(event);
    await appendAccessLog(tx, [line]);
    return updated;
  });
}
