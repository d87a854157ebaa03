import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@hub/db';
import { action, decision, feedback, knelpunt, knelpuntSignal, knelpuntTransition, meeting, overlegtafel, overlegtafelMember, signal } from './schema.ts';
import type { ActionRow, DecisionRow, FeedbackRow, KnelpuntRow, MeetingRow, NewSignal, SignalRow } from './queries.ts';
import type { KnelpuntStatus } from '../knelpunt-states.ts';

/**
 * Inserts signals derived from gap events; a gap event id that is already stored is skipped by the unique index,
 * so a redelivery (or two concurrent deliveries) creates nothing. One statement for the whole batch.
 */
export async function insertGapSignals(db: Db, rows: NewSignal[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insert(signal).values(rows).onConflictDoNothing({ target: signal.gapEventId }).returning({ id: signal.id });
  return inserted.map((r) => r.id);
}

export async function insertSignal(db: Db, row: NewSignal): Promise<SignalRow> {
  const [created] = await db.insert(signal).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

/** Links signals to a knelpunt; returns how many were linked (a signal already in a knelpunt is not). */
export async function linkSignals(db: Db, knelpuntId: string, signalIds: readonly string[]): Promise<number> {
  if (signalIds.length === 0) return 0;
  const linked = await db
    .insert(knelpuntSignal)
    .values(signalIds.map((signalId) => ({ signalId, knelpuntId })))
    .onConflictDoNothing({ target: knelpuntSignal.signalId })
    .returning({ id: knelpuntSignal.signalId });
  return linked.length;
}

export async function insertKnelpunt(
  db: Db,
  row: {
    overlegtafelId: string;
    title: string;
    description: string;
    createdByOrganizationId: string;
    themeCategories: string[];
    themeTargetGroups: string[];
    themeLegalDomains: string[];
  },
): Promise<KnelpuntRow> {
  const [created] = await db
    .insert(knelpunt)
    .values({ id: randomUUID(), ...row })
    .returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

/** Moves the knelpunt only when it still has the expected version and status; null otherwise (someone was first). */
export async function updateKnelpuntStatus(
  db: Db,
  params: { id: string; from: KnelpuntStatus; to: KnelpuntStatus; expectedVersion: number; meetingId: string | null | undefined; byOrganizationId: string },
): Promise<KnelpuntRow | null> {
  const [updated] = await db
    .update(knelpunt)
    .set({
      status: params.to,
      version: sql`${knelpunt.version} + 1`,
      updatedAt: sql`now()`,
      ...(params.meetingId ? { meetingId: params.meetingId } : {}),
    })
    .where(and(eq(knelpunt.id, params.id), eq(knelpunt.version, params.expectedVersion), eq(knelpunt.status, params.from)))
    .returning();
  if (!updated) return null;
  await db.insert(knelpuntTransition).values({
    id: randomUUID(),
    knelpuntId: params.id,
    fromStatus: params.from,
    toStatus: params.to,
    byOrganizationId: params.byOrganizationId,
  });
  return updated;
}

export async function touchKnelpunt(db: Db, id: string): Promise<void> {
  await db.update(knelpunt).set({ updatedAt: sql`now()` }).where(eq(knelpunt.id, id));
}

export async function insertDecision(
  db: Db,
  row: { knelpuntId: string; text: string; decidedOn: string; meetingId: string | null; byOrganizationId: string },
): Promise<DecisionRow> {
  const [created] = await db
    .insert(decision)
    .values({ id: randomUUID(), ...row })
    .returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function insertAction(db: Db, row: { knelpuntId: string; description: string; ownerOrganizationId: string; dueOn: string }): Promise<ActionRow> {
  const [created] = await db
    .insert(action)
    .values({ id: randomUUID(), ...row })
    .returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function completeAction(db: Db, id: string): Promise<ActionRow | null> {
  const [updated] = await db
    .update(action)
    .set({ status: 'DONE', completedAt: sql`coalesce(${action.completedAt}, now())` })
    .where(eq(action.id, id))
    .returning();
  return updated ?? null;
}

export async function insertFeedback(db: Db, row: { knelpuntId: string; text: string; byOrganizationId: string }): Promise<FeedbackRow> {
  const [created] = await db
    .insert(feedback)
    .values({ id: randomUUID(), ...row })
    .returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function insertMeeting(db: Db, row: { overlegtafelId: string; heldOn: string; title: string }): Promise<MeetingRow> {
  const [created] = await db
    .insert(meeting)
    .values({ id: randomUUID(), ...row })
    .returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

/**
 * The most member organisations an overlegtafel lists (besides the region's zorgkantoor, which is not stored). Every
 * member reads the region's raw signals, so the circle stays one the zorgkantoor can review whole: 25 gemeenten of
 * the largest region, OCO's and providers fit with room to spare.
 */
export const MAX_OVERLEGTAFEL_MEMBERS = 100;

/**
 * Adds a member, idempotently: ALREADY when it is one, FULL (nothing written) when the table has
 * MAX_OVERLEGTAFEL_MEMBERS. The overlegtafel row is locked first, so two concurrent additions cannot both take the
 * last place.
 */
export async function addMember(db: Db, overlegtafelId: string, organizationId: string): Promise<'ADDED' | 'ALREADY' | 'FULL'> {
  return db.transaction(async (tx) => {
    await tx.select({ id: overlegtafel.id }).from(overlegtafel).where(eq(overlegtafel.id, overlegtafelId)).for('update');
    const members = await tx
      .select({ organizationId: overlegtafelMember.organizationId })
      .from(overlegtafelMember)
      .where(eq(overlegtafelMember.overlegtafelId, overlegtafelId));
    if (members.some((m) => m.organizationId === organizationId)) return 'ALREADY';
    if (members.length >= MAX_OVERLEGTAFEL_MEMBERS) return 'FULL';
    await tx.insert(overlegtafelMember).values({ overlegtafelId, organizationId });
    return 'ADDED';
  });
}

export async function removeMember(db: Db, overlegtafelId: string, organizationId: string): Promise<void> {
  await db.delete(overlegtafelMember).where(and(eq(overlegtafelMember.overlegtafelId, overlegtafelId), eq(overlegtafelMember.organizationId, organizationId)));
}

/** Sets the theme of a knelpunt (not a change of state: the version stays). */
export async function updateKnelpuntTheme(
  db: Db,
  id: string,
  theme: { categories: string[]; targetGroups: string[]; legalDomains: string[] },
): Promise<KnelpuntRow | null> {
  const [updated] = await db
    .update(knelpunt)
    .set({ themeCategories: theme.categories, themeTargetGroups: theme.targetGroups, themeLegalDomains: theme.legalDomains, updatedAt: sql`now()` })
    .where(eq(knelpunt.id, id))
    .returning();
  return updated ?? null;
}

export async function updateKnelpuntReopenThreshold(db: Db, id: string, threshold: number | null): Promise<KnelpuntRow | null> {
  const [updated] = await db.update(knelpunt).set({ reopenThreshold: threshold, updatedAt: sql`now()` }).where(eq(knelpunt.id, id)).returning();
  return updated ?? null;
}

/** Records what solved a knelpunt, with the move to RESOLVED (same transaction). */
export async function resolveKnelpunt(db: Db, id: string, note: string): Promise<KnelpuntRow | null> {
  const [updated] = await db.update(knelpunt).set({ resolutionNote: note, resolvedAt: sql`now()` }).where(eq(knelpunt.id, id)).returning();
  return updated ?? null;
}

/** Hands a knelpunt to zorginkoop, unless a question waits already or it became final meanwhile (then null). */
export async function handToZorginkoop(db: Db, p: { id: string; question: string; askedOn: string; byOrganizationId: string }): Promise<KnelpuntRow | null> {
  const [updated] = await db
    .update(knelpunt)
    .set({
      zorginkoopStatus: 'ASKED',
      zorginkoopQuestion: p.question,
      zorginkoopAskedOn: p.askedOn,
      zorginkoopAskedByOrganizationId: p.byOrganizationId,
      zorginkoopOutcome: null,
      zorginkoopDecidedOn: null,
      zorginkoopDecidedByOrganizationId: null,
      updatedAt: sql`now()`,
    })
    .where(
      and(eq(knelpunt.id, p.id), sql`${knelpunt.zorginkoopStatus} is distinct from 'ASKED'`, sql`${knelpunt.status} not in ('RESOLVED', 'NOT_RESOLVABLE')`),
    )
    .returning();
  return updated ?? null;
}

/** Records the zorgkantoor's outcome only while the question waits (ASKED); null otherwise (someone was first). */
export async function recordZorginkoopOutcome(
  db: Db,
  p: { id: string; status: 'AGREED' | 'REFUSED'; outcome: string; decidedOn: string; byOrganizationId: string },
): Promise<KnelpuntRow | null> {
  const [updated] = await db
    .update(knelpunt)
    .set({
      zorginkoopStatus: p.status,
      zorginkoopOutcome: p.outcome,
      zorginkoopDecidedOn: p.decidedOn,
      zorginkoopDecidedByOrganizationId: p.byOrganizationId,
      updatedAt: sql`now()`,
    })
    .where(and(eq(knelpunt.id, p.id), eq(knelpunt.zorginkoopStatus, 'ASKED')))
    .returning();
  return updated ?? null;
}

/** Remembers the organisation id of the region's zorgkantoor (it takes part without being a stored member). */
export async function noteZorgkantoor(db: Db, region: string, organizationId: string): Promise<void> {
  await db
    .update(overlegtafel)
    .set({ zorgkantoorOrganizationId: organizationId })
    .where(and(eq(overlegtafel.zorgkantoorregioCode, region), sql`${overlegtafel.zorgkantoorOrganizationId} is distinct from ${organizationId}::uuid`));
}
