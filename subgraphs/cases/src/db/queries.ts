import { and, asc, desc, eq, getTableColumns, gte, isNull, sql, type Table } from 'drizzle-orm';
import { anyText, anyUuid, builtOnce, type Db } from '@hub/db';
import { accessLog, breakGlassGrant, client, consent, contactMoment, correctionRequest, organizationSetting, trajectory } from './schema.ts';

export type ClientRow = typeof client.$inferSelect;
export type TrajectoryRow = typeof trajectory.$inferSelect;
export type ConsentRow = typeof consent.$inferSelect;
export type ContactMomentRow = typeof contactMoment.$inferSelect;
export type AccessLogRow = typeof accessLog.$inferSelect;
export type NewAccessLogRow = typeof accessLog.$inferInsert;
export type BreakGlassRow = typeof breakGlassGrant.$inferSelect;
export type OrganizationSettingRow = typeof organizationSetting.$inferSelect;
export type CorrectionRequestRow = typeof correctionRequest.$inferSelect;

export function findClientsByIds(db: Db, ids: readonly string[]): Promise<ClientRow[]> {
  return db.select().from(client).where(anyUuid(client.id, ids));
}

/**
 * A client with everything that decides what a caller may see of it: its trajectories (which organisations own it), its
 * consents and its break-glass openings, each in the order of its own loader.
 */
export interface ClientRecord {
  client: ClientRow;
  trajectories: TrajectoryRow[];
  consents: ConsentRow[];
  breakGlass: BreakGlassRow[];
}

/**
 * A row of `table` from its `to_json` form (database column names, timestamps as ISO text, arrays and jsonb as JSON),
 * mapped by the table's own drizzle columns exactly as a select of the table maps it.
 */
function rowFromJson<T>(table: Table, json: Record<string, unknown>): T {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T;
}

const jsonRows = <T>(table: Table, value: unknown): T[] => (Array.isArray(value) ? value.map((v) => rowFromJson<T>(table, v as Record<string, unknown>)) : []);

const clientRecordsQuery = builtOnce((db) =>
  db
    .select({
      client,
      trajectories: sql<unknown>`(select json_agg(t order by t.opened_at, t.id) from ${trajectory} as t where t.client_id = ${client}.id)`,
      consents: sql<unknown>`(select json_agg(k order by k.created_at, k.id) from ${consent} as k where k.client_id = ${client}.id)`,
      breakGlass: sql<unknown>`(select json_agg(g order by g.opened_at, g.id) from ${breakGlassGrant} as g where g.client_id = ${client}.id)`,
    })
    .from(client)
    .where(sql`${client.id} = any(${sql.placeholder('ids')}::uuid[])`)
    .prepare('cases_client_records'),
);

/**
 * The records of these clients in one statement (one round trip instead of four dependent ones: the client, then its
 * trajectories for the ownership check, then its consents, then its break-glass openings for the consent decisions).
 * Clients that do not exist are left out.
 */
export async function findClientRecords(db: Db, ids: readonly string[]): Promise<ClientRecord[]> {
  const rows = await clientRecordsQuery(db).execute({ ids: [...ids] });
  return rows.map((r) => ({
    client: r.client,
    trajectories: jsonRows<TrajectoryRow>(trajectory, r.trajectories),
    consents: jsonRows<ConsentRow>(consent, r.consents),
    breakGlass: jsonRows<BreakGlassRow>(breakGlassGrant, r.breakGlass),
  }));
}

/**
 * The client one BSN names, by its look-up hashes: one per configured hash key (BsnCipher.hashes), so a client is found
 * whether its row is on the old or the new hash key while a rotation runs.
 */
export async function findClientByBsnHashes(db: Db, hashes: readonly string[]): Promise<ClientRow | null> {
  if (hashes.length === 0) return null;
  const [row] = await db.select().from(client).where(anyText(client.bsnHash, hashes)).orderBy(asc(client.createdAt), asc(client.id)).limit(1);
  return row ?? null;
}

/** Transaction-scoped advisory locks of this kind are "one BSN being registered" (the first key of the two-key form). */
const BSN_REGISTRATION_LOCK = 0x62736e; // "bsn"

/**
 * Inside a transaction: waits for any other registration of the same BSN. The lock is taken on each of the BSN's
 * look-up hashes, in one order, so two registrations meet on every hash key they share, also when one of them writes
 * under an older hash key than the other (a replica not yet given the new key). The index on bsn_hash is unique per
 * key id only; this and the look-up by every hash make it one client per BSN across key ids.
 */
export async function lockBsnHashes(tx: Db, hashes: readonly string[]): Promise<void> {
  const keys = [...new Set(hashes.map((h) => Buffer.from(h.slice(h.indexOf(':') + 1), 'base64url').readInt32BE(0)))].sort((a, b) => a - b);
  for (const key of keys) await tx.execute(sql`select pg_advisory_xact_lock(${BSN_REGISTRATION_LOCK}::int, ${key}::int)`);
}

export function findTrajectoriesByIds(db: Db, ids: readonly string[]): Promise<TrajectoryRow[]> {
  return db.select().from(trajectory).where(anyUuid(trajectory.id, ids));
}

export function findTrajectoriesByClientIds(db: Db, clientIds: readonly string[]): Promise<TrajectoryRow[]> {
  return db.select().from(trajectory).where(anyUuid(trajectory.clientId, clientIds)).orderBy(asc(trajectory.openedAt), asc(trajectory.id));
}

export function findConsentsByClientIds(db: Db, clientIds: readonly string[]): Promise<ConsentRow[]> {
  return db.select().from(consent).where(anyUuid(consent.clientId, clientIds)).orderBy(asc(consent.createdAt), asc(consent.id));
}

export function findConsentsByIds(db: Db, ids: readonly string[]): Promise<ConsentRow[]> {
  return db.select().from(consent).where(anyUuid(consent.id, ids));
}

export function findContactMomentsByTrajectoryIds(db: Db, trajectoryIds: readonly string[]): Promise<ContactMomentRow[]> {
  return db
    .select()
    .from(contactMoment)
    .where(anyUuid(contactMoment.trajectoryId, trajectoryIds))
    .orderBy(desc(contactMoment.occurredAt), desc(contactMoment.id));
}

/** A keyset position: the sort key as Postgres printed it (`::text`, exact to the microsecond) and the row's id. */
export interface KeysetPosition {
  key: string;
  id: string;
}

/** One organisation's trajectories, newest first, keyset-paged on (opened_at, id); `cursorKey` is opened_at as text. */
export function listTrajectoriesOfOrganization(
  db: Db,
  params: {
    organizationId: string;
    status: string | null;
    /** A text the client's given name, tussenvoegsel or family name must contain, case-insensitive. */
    search: string | null;
    limit: number;
    after: KeysetPosition | null;
  },
): Promise<(TrajectoryRow & { cursorKey: string })[]> {
  const conditions = [eq(trajectory.organizationId, params.organizationId)];
  if (params.status) conditions.push(eq(trajectory.status, params.status));
  if (params.search) {
    const pattern = `%${params.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`${trajectory.clientId} in (select ${client.id} from ${client} where concat_ws(' ', ${client.givenName}, ${client.namePrefix}, ${client.familyName}) ilike ${pattern})`,
    );
  }
  if (params.after) {
    conditions.push(sql`(${trajectory.openedAt}, ${trajectory.id}) < (${params.after.key}::timestamptz, ${params.after.id}::uuid)`);
  }
  return db
    .select({ ...getTableColumns(trajectory), cursorKey: sql<string>`${trajectory.openedAt}::text` })
    .from(trajectory)
    .where(and(...conditions))
    .orderBy(desc(trajectory.openedAt), desc(trajectory.id))
    .limit(params.limit);
}

/** Access-log lines of one client in [from, to) (optionally of one organisation's users), oldest first, keyset-paged on (occurred_at, event_id); `cursorKey` is occurred_at as text. */
export function listAccessLog(
  db: Db,
  params: { clientId: string; from: Date; to: Date; organizationId?: string | null; limit: number; after: KeysetPosition | null },
): Promise<(AccessLogRow & { cursorKey: string })[]> {
  const conditions = [
    eq(accessLog.clientId, params.clientId),
    sql`${accessLog.occurredAt} >= ${params.from.toISOString()}::timestamptz`,
    sql`${accessLog.occurredAt} < ${params.to.toISOString()}::timestamptz`,
  ];
  if (params.organizationId) conditions.push(eq(accessLog.organizationId, params.organizationId));
  if (params.after) {
    conditions.push(sql`(${accessLog.occurredAt}, ${accessLog.eventId}) > (${params.after.key}::timestamptz, ${params.after.id}::uuid)`);
  }
  return db
    .select({ ...getTableColumns(accessLog), cursorKey: sql<string>`${accessLog.occurredAt}::text` })
    .from(accessLog)
    .where(and(...conditions))
    .orderBy(asc(accessLog.occurredAt), asc(accessLog.eventId))
    .limit(params.limit);
}

/** Appends lines in one statement; a line whose event id is already there is skipped (idempotent delivery). */
export async function appendAccessLog(db: Db, rows: NewAccessLogRow[]): Promise<number> {
  const [line] = rows;
  if (line === undefined) return 0;
  // Nearly every request writes a single line: that statement is built once (recorded_at takes its default).
  if (rows.length === 1 && line.recordedAt === undefined) return (await appendOneLineQuery(db).execute(oneLineValues(line))).length;
  const inserted = await db.insert(accessLog).values(rows).onConflictDoNothing({ target: accessLog.eventId }).returning({ eventId: accessLog.eventId });
  return inserted.length;
}

/** The placeholder values of one line: what the insert builder would send, `default` (NULL, or false) for what it lacks. */
const oneLineValues = (line: NewAccessLogRow) => ({
  eventId: line.eventId,
  occurredAt: line.occurredAt,
  action: line.action,
  outcome: line.outcome,
  outcomeReason: line.outcomeReason ?? null,
  userId: line.userId,
  userName: line.userName ?? null,
  organizationId: line.organizationId,
  role: line.role,
  onBehalfOf: line.onBehalfOf ?? null,
  clientId: line.clientId,
  dataCategories: line.dataCategories,
  authorizationGround: line.authorizationGround,
  consentId: line.consentId ?? null,
  requestId: line.requestId,
  traceId: line.traceId,
  accessPoint: line.accessPoint,
  sourceSubgraph: line.sourceSubgraph,
  external: line.external ?? false,
});

/** Each value goes through its column's own encoder (dates, the categories array), as in the builder's insert. */
const appendOneLineQuery = builtOnce((db) =>
  db
    .insert(accessLog)
    .values({
      eventId: sql.placeholder('eventId'),
      occurredAt: sql.placeholder('occurredAt'),
      action: sql.placeholder('action'),
      outcome: sql.placeholder('outcome'),
      outcomeReason: sql.placeholder('outcomeReason'),
      userId: sql.placeholder('userId'),
      userName: sql.placeholder('userName'),
      organizationId: sql.placeholder('organizationId'),
      role: sql.placeholder('role'),
      onBehalfOf: sql.placeholder('onBehalfOf'),
      clientId: sql.placeholder('clientId'),
      dataCategories: sql.placeholder('dataCategories'),
      authorizationGround: sql.placeholder('authorizationGround'),
      consentId: sql.placeholder('consentId'),
      requestId: sql.placeholder('requestId'),
      traceId: sql.placeholder('traceId'),
      accessPoint: sql.placeholder('accessPoint'),
      sourceSubgraph: sql.placeholder('sourceSubgraph'),
      external: sql.placeholder('external'),
    })
    .onConflictDoNothing({ target: accessLog.eventId })
    .returning({ eventId: accessLog.eventId })
    .prepare('cases_append_access_log'),
);

/** Trajectories of one organisation open at some moment in [from, to), for the report. */
export function findTrajectoriesInPeriod(db: Db, organizationId: string, from: Date, to: Date): Promise<TrajectoryRow[]> {
  return db
    .select()
    .from(trajectory)
    .where(
      and(
        eq(trajectory.organizationId, organizationId),
        sql`${trajectory.openedAt} < ${to.toISOString()}::timestamptz`,
        sql`(${trajectory.closedAt} is null or ${trajectory.closedAt} >= ${from.toISOString()}::timestamptz)`,
      ),
    );
}

/** A trajectory with the gemeente its client lives in (null when the hub does not know it), for the split per gemeente. */
export type TrajectoryWithGemeenteRow = TrajectoryRow & { gemeenteCode: string | null };

/** As findTrajectoriesInPeriod, with each client's gemeente. */
export async function findTrajectoriesWithGemeenteInPeriod(db: Db, organizationId: string, from: Date, to: Date): Promise<TrajectoryWithGemeenteRow[]> {
  const rows = await db
    .select({ trajectory, gemeenteCode: client.gemeenteCode })
    .from(trajectory)
    .innerJoin(client, eq(client.id, trajectory.clientId))
    .where(
      and(
        eq(trajectory.organizationId, organizationId),
        sql`${trajectory.openedAt} < ${to.toISOString()}::timestamptz`,
        sql`(${trajectory.closedAt} is null or ${trajectory.closedAt} >= ${from.toISOString()}::timestamptz)`,
      ),
    );
  return rows.map((r) => ({ ...r.trajectory, gemeenteCode: r.gemeenteCode }));
}

/** Every break-glass opening for these clients, oldest first (a client has few). */
export function findBreakGlassByClientIds(db: Db, clientIds: readonly string[]): Promise<BreakGlassRow[]> {
  return db.select().from(breakGlassGrant).where(anyUuid(breakGlassGrant.clientId, clientIds)).orderBy(asc(breakGlassGrant.openedAt), asc(breakGlassGrant.id));
}

export async function findBreakGlassById(db: Db, id: string): Promise<BreakGlassRow | null> {
  const [row] = await db.select().from(breakGlassGrant).where(eq(breakGlassGrant.id, id)).limit(1);
  return row ?? null;
}

/** One professional's openings in their organisation since a moment (for the daily limit and the unjustified block). */
export function findBreakGlassOfUser(db: Db, organizationId: string, userId: string, since: Date): Promise<BreakGlassRow[]> {
  return db
    .select()
    .from(breakGlassGrant)
    .where(and(eq(breakGlassGrant.organizationId, organizationId), eq(breakGlassGrant.userId, userId), gte(breakGlassGrant.openedAt, since)));
}

/** An organisation's openings, newest first, keyset-paged on (opened_at, id); only unreviewed ones with `unreviewedOnly`. */
export function listBreakGlassOfOrganization(
  db: Db,
  params: { organizationId: string; unreviewedOnly: boolean; limit: number; after: KeysetPosition | null },
): Promise<(BreakGlassRow & { cursorKey: string })[]> {
  const conditions = [eq(breakGlassGrant.organizationId, params.organizationId)];
  if (params.unreviewedOnly) conditions.push(isNull(breakGlassGrant.reviewedAt));
  if (params.after) {
    conditions.push(sql`(${breakGlassGrant.openedAt}, ${breakGlassGrant.id}) < (${params.after.key}::timestamptz, ${params.after.id}::uuid)`);
  }
  return db
    .select({ ...getTableColumns(breakGlassGrant), cursorKey: sql<string>`${breakGlassGrant.openedAt}::text` })
    .from(breakGlassGrant)
    .where(and(...conditions))
    .orderBy(desc(breakGlassGrant.openedAt), desc(breakGlassGrant.id))
    .limit(params.limit);
}

export async function findOrganizationSetting(db: Db, organizationId: string): Promise<OrganizationSettingRow | null> {
  const [row] = await db.select().from(organizationSetting).where(eq(organizationSetting.organizationId, organizationId)).limit(1);
  return row ?? null;
}

/** Every access-log line of one client, oldest first (for the client's own copy of their data). */
export function findAccessLogOfClient(db: Db, clientId: string): Promise<AccessLogRow[]> {
  return db.select().from(accessLog).where(eq(accessLog.clientId, clientId)).orderBy(asc(accessLog.occurredAt), asc(accessLog.eventId));
}

/** Correction requests of clients to one organisation, newest first, keyset-paged on (created_at, id). */
export function listCorrectionRequests(
  db: Db,
  params: { organizationId: string; limit: number; after: KeysetPosition | null },
): Promise<(CorrectionRequestRow & { cursorKey: string })[]> {
  const conditions = [eq(correctionRequest.organizationId, params.organizationId)];
  if (params.after) {
    conditions.push(sql`(${correctionRequest.createdAt}, ${correctionRequest.id}) < (${params.after.key}::timestamptz, ${params.after.id}::uuid)`);
  }
  return db
    .select({ ...getTableColumns(correctionRequest), cursorKey: sql<string>`${correctionRequest.createdAt}::text` })
    .from(correctionRequest)
    .where(and(...conditions))
    .orderBy(desc(correctionRequest.createdAt), desc(correctionRequest.id))
    .limit(params.limit);
}

export function findCorrectionRequestsOfClient(db: Db, clientId: string): Promise<CorrectionRequestRow[]> {
  return db.select().from(correctionRequest).where(eq(correctionRequest.clientId, clientId)).orderBy(asc(correctionRequest.createdAt));
}
