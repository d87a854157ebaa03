import { and, desc, eq, sql } from 'drizzle-orm';
import { anyUuid, rowsOf, type Db } from '@hub/db';
import type { ConsultationStatus } from '../consultation-states.ts';
import { consultation } from './schema.ts';

export type ConsultationRow = typeof consultation.$inferSelect;
export type NewConsultation = typeof consultation.$inferInsert;

/** Which side of consultations a list reads: those addressed to the organisation, or those it asked. */
export type ConsultationBox = 'INBOX' | 'OUTBOX';

const ownedBy = (box: ConsultationBox, organizationId: string) =>
  box === 'INBOX' ? eq(consultation.toOrganizationId, organizationId) : eq(consultation.fromOrganizationId, organizationId);

export function findConsultationsByIds(db: Db, ids: readonly string[]): Promise<ConsultationRow[]> {
  return db.select().from(consultation).where(anyUuid(consultation.id, ids));
}

/**
 * A page of one organisation's inbox or outbox, newest first, after a keyset position, and the size of the whole list:
 * two statements whatever the page size. `key` is asked_at as Postgres prints it.
 */
export async function findConsultationPage(
  db: Db,
  params: { box: ConsultationBox; organizationId: string; status: ConsultationStatus | null; after: { key: string; id: string } | null; limit: number },
): Promise<{ rows: { consultation: ConsultationRow; key: string }[]; totalCount: number }> {
  const list = and(ownedBy(params.box, params.organizationId), params.status ? eq(consultation.status, params.status) : undefined);
  const { after } = params;
  const [rows, counted] = await Promise.all([
    db
      .select({ consultation, key: sql<string>`${consultation.askedAt}::text` })
      .from(consultation)
      .where(and(list, after ? sql`(${consultation.askedAt}, ${consultation.id}) < (${after.key}::timestamptz, ${after.id}::uuid)` : undefined))
      .orderBy(desc(consultation.askedAt), desc(consultation.id))
      .limit(params.limit),
    db.select({ n: sql<number>`count(*)::int` }).from(consultation).where(list),
  ]);
  return { rows, totalCount: Number(counted[0]?.n ?? 0) };
}

export async function insertConsultation(db: Db, row: NewConsultation): Promise<ConsultationRow> {
  const [created] = await db.insert(consultation).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

/**
 * Moves a consultation only when it still has the expected version and state; null otherwise (someone was first, or
 * the state changed), so of two concurrent moves exactly one wins.
 */
export async function moveConsultation(
  db: Db,
  params: {
    id: string;
    from: ConsultationStatus;
    to: ConsultationStatus;
    expectedVersion: number;
    answer?: { text: string; bySubject: string } | undefined;
  },
): Promise<ConsultationRow | null> {
  const [updated] = await db
    .update(consultation)
    .set({
      status: params.to,
      version: sql`${consultation.version} + 1`,
      ...(params.answer ? { answer: params.answer.text, answeredBySubject: params.answer.bySubject, answeredAt: sql`now()` } : { endedAt: sql`now()` }),
    })
    .where(and(eq(consultation.id, params.id), eq(consultation.version, params.expectedVersion), eq(consultation.status, params.from)))
    .returning();
  return updated ?? null;
}

/**
 * The figures of one organisation in a period of Dutch dates [from, before): how many it asked and received (by the
 * date asked), and the question and answer dates of those it answered (by the date answered). Two statements.
 */
export async function findConsultationFigures(
  db: Db,
  params: { organizationId: string; from: string; before: string },
): Promise<{ asked: number; received: number; answered: { askedOn: string; answeredOn: string }[] }> {
  const org = params.organizationId;
  const dutchDate = (column: typeof consultation.askedAt | typeof consultation.answeredAt) => sql`(${column} at time zone 'Europe/Amsterdam')::date`;
  const inPeriod = (column: typeof consultation.askedAt | typeof consultation.answeredAt) =>
    sql`${dutchDate(column)} >= ${params.from}::date and ${dutchDate(column)} < ${params.before}::date`;
  const [counts, answered] = await Promise.all([
    db.execute(sql`
      select count(*) filter (where ${consultation.fromOrganizationId} = ${org}::uuid)::int as asked,
             count(*) filter (where ${consultation.toOrganizationId} = ${org}::uuid)::int as received
      from ${consultation}
      where (${consultation.fromOrganizationId} = ${org}::uuid or ${consultation.toOrganizationId} = ${org}::uuid)
        and ${inPeriod(consultation.askedAt)}`),
    db.execute(sql`
      select ${dutchDate(consultation.askedAt)}::text as asked_on, ${dutchDate(consultation.answeredAt)}::text as answered_on
      from ${consultation}
      where ${consultation.toOrganizationId} = ${org}::uuid and ${consultation.answeredAt} is not null and ${inPeriod(consultation.answeredAt)}`),
  ]);
  const [c] = rowsOf<{ asked: number; received: number }>(counts);
  return {
    asked: Number(c?.asked ?? 0),
    received: Number(c?.received ?? 0),
    answered: rowsOf<{ asked_on: string; answered_on: string }>(answered).map((r) => ({ askedOn: r.asked_on, answeredOn: r.answered_on })),
  };
}
