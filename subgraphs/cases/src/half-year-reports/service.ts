import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { organizationContactsContract, organizationFactsContract, type NotificationEvent } from '@hub/contracts';
import { rowsOf, type Db } from '@hub/db';
import { amsterdamDate, findPersonalData, GEMEENTE_CODE_PATTERN, personalDataLabels, type Role } from '@hub/domain';
import { badInput, conflict, ErrorCode, forbidden, hubError, notFound } from '@hub/errors';
import { hasRole, type Principal } from '@hub/identity';
import { readGemeenten } from '@hub/reference-data';
import {
  callInternal,
  connectionFromRows,
  decodeCursor,
  decodeTimestampCursor,
  encodeCursor,
  makeReportPeriod,
  mapConnection,
  pageSize,
  previousReportPeriod,
  requireEndedReportPeriod,
  requireRole,
  requireUser,
  requireUuid,
  requireVersion,
  type ReportPeriod,
} from '@hub/service-kit';
import type { Context } from '../context.ts';
import { findTrajectoriesWithGemeenteInPeriod } from '../db/queries.ts';
import { commission, halfYearReport, halfYearReportAcknowledgement, satisfactionMeasurement, satisfactionReminder } from '../db/schema.ts';
import { insertNotificationEvents, notificationEvent } from '../notification-events.ts';
import { buildSupportReport, type SupportReportData } from '../report.ts';
import type { ReportDocument } from '../reports/render.ts';
import { buildReportSnapshot, snapshotFromJson, snapshotToJson, UNKNOWN_GEMEENTE, type ReportSnapshot } from '../reports/split.ts';
import * as q from './queries.ts';

/**
 * Commissions, the half-year report workflow (DRAFT → SUBMITTED → ACKNOWLEDGED) and the satisfaction measurement.
 *
 * Who reads a report: the provider's BELEIDSMEDEWERKER and BEHEERDER every state and every part; the BELEIDSMEDEWERKER
 * of an opdrachtgever a SUBMITTED or ACKNOWLEDGED report when its organisation has a commission for the provider in
 * force on some day of the half year, and then only the parts of the gemeenten of those commissions. Anyone else gets
 * what "no such report" gets. The figures are fixed at the first submission (the snapshot) and never computed again.
 */

const PROVIDER_ROLES: Role[] = ['BELEIDSMEDEWERKER', 'BEHEERDER'];
const COMMISSIONER_TYPES = new Set(['GEMEENTE', 'ZORGKANTOOR']);
const MAX_TEXT = 8000;
/** The criteria ask for a satisfaction measurement at least every two years. */
const MEASUREMENT_INTERVAL_YEARS = 2;
/** The reminder goes this many days before the due date. */
export const REMINDER_DAYS_BEFORE = 60;
/** The most organisations one notification event names (the contract's limit). */
const MAX_AUDIENCE = 50;

export type ReportReader = { kind: 'PROVIDER' } | { kind: 'COMMISSIONER'; organizationId: string; gemeenteCodes: string[] };

/** What the HalfYearReport resolvers get: the row, what the caller may read of it, and its figures (on demand). */
export interface HalfYearReportView {
  row: q.HalfYearReportRow;
  reader: ReportReader;
  period: ReportPeriod;
  snapshot: () => Promise<ReportSnapshot>;
}

export interface SatisfactionStatusData {
  lastDoneOn: string | null;
  lastMethod: string | null;
  lastRespondents: number | null;
  dueOn: string | null;
  overdue: boolean;
}

export interface ReportPartData {
  gemeenteCode: string | null;
  figures: SupportReportData;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation helpers
// ---------------------------------------------------------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function requireDay(value: string, field: string): string {
  const ok = ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw badInput(field, `${field} must be a calendar date (YYYY-MM-DD).`);
  if (value < '2000-01-01' || value > '2100-12-31') throw badInput(field, `${field} must lie between 2000 and 2100.`);
  return value;
}

/** Free text that may not hold personal data (the shared privacy guard); `personalData` names the kind found. */
function guardText(text: string, field: string): string {
  const kind = findPersonalData(text);
  if (kind) {
    const message = `${field} seems to contain personal data (${personalDataLabels[kind]}). Write it without anything that identifies a person; nothing was stored.`;
    throw hubError(ErrorCode.BAD_USER_INPUT, message, { field, details: { fields: [{ path: field, code: 'INVALID', message }], personalData: kind } });
  }
  return text;
}

function requireNarrativeText(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text.length > MAX_TEXT) throw badInput(field, `${field} must be at most ${MAX_TEXT} characters.`);
  return guardText(text, field);
}

const GEMEENTE_CODES = () => new Map(readGemeenten().map((g) => [g.code, g]));

export function addYears(day: string, years: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------------
// Commissions
// ---------------------------------------------------------------------------------------------------------------

export interface CommissionView {
  id: string;
  commissioner: { id: string };
  provider: { id: string };
  kind: string;
  gemeenteCodes: string[];
  validFrom: string;
  validUntil: string | null;
  createdAt: Date;
}

const commissionView = (c: q.CommissionRow): CommissionView => ({
  id: c.id,
  commissioner: { id: c.commissionerOrganizationId },
  provider: { id: c.providerOrganizationId },
  kind: c.kind,
  gemeenteCodes: c.gemeenteCodes,
  validFrom: c.validFrom,
  validUntil: c.validUntil,
  createdAt: c.createdAt,
});

function requireCommissioner(ctx: Context): Principal {
  const p = requireRole(ctx, ['BELEIDSMEDEWERKER'], 'Only a BELEIDSMEDEWERKER of a gemeente or zorgkantoor records commissions.');
  if (!COMMISSIONER_TYPES.has(p.organizationType)) throw forbidden('Only a gemeente or zorgkantoor commissions cliëntondersteuning.');
  return p;
}

async function requireProviderInDirectory(ctx: Context, providerId: string): Promise<void> {
  const socialeKaart = ctx.services.peerUrls['sociale-kaart'];
  if (!socialeKaart) throw hubError(ErrorCode.SUBGRAPH_UNAVAILABLE, 'The sociale kaart does not answer; try again later.');
  const answer = await callInternal(
    socialeKaart,
    organizationFactsContract,
    { organizationIds: [providerId] },
    { secret: ctx.services.internalSecret, meta: ctx.meta, timeoutMs: ctx.config.subgraphTimeoutMs },
  );
  if (!answer.facts.find((f) => f.organizationId === providerId)?.exists) {
    throw badInput('input.providerOrganizationId', 'input.providerOrganizationId must be an organisation of the sociale kaart.');
  }
}

export async function recordCommission(
  ctx: Context,
  input: { providerOrganizationId: string; kind: string; gemeenteCodes: readonly string[]; validFrom: string; validUntil?: string | null },
): Promise<CommissionView> {
  const p = requireCommissioner(ctx);
  const providerId = requireUuid(input.providerOrganizationId, 'input.providerOrganizationId');
  if (providerId === p.organizationId) throw badInput('input.providerOrganizationId', 'An organisation cannot commission itself.');
  if (input.kind !== 'SUBSIDY' && input.kind !== 'CONTRACT') throw badInput('input.kind', 'input.kind must be SUBSIDY or CONTRACT.');
  const known = GEMEENTE_CODES();
  if (input.gemeenteCodes.length < 1 || input.gemeenteCodes.length > known.size) {
    throw badInput('input.gemeenteCodes', `input.gemeenteCodes must name 1 to ${known.size} gemeenten.`);
  }
  for (const [i, code] of input.gemeenteCodes.entries()) {
    if (!GEMEENTE_CODE_PATTERN.test(code) || !known.has(code))
      throw badInput(`input.gemeenteCodes.${i}`, `input.gemeenteCodes.${i} is not a gemeente code (GM + 4 digits).`);
  }
  const codes = [...new Set(input.gemeenteCodes)].sort();
  const validFrom = requireDay(input.validFrom, 'input.validFrom');
  const validUntil = input.validUntil == null ? null : requireDay(input.validUntil, 'input.validUntil');
  if (validUntil !== null && validUntil < validFrom) throw badInput('input.validUntil', 'input.validUntil must not lie before input.validFrom.');
  if (p.organizationType === 'GEMEENTE') {
    if (!p.gemeenteCode || codes.length !== 1 || codes[0] !== p.gemeenteCode)
      throw forbidden('A gemeente commissions cliëntondersteuning for its own gemeente only.');
  } else {
    const region = p.zorgkantoorregio;
    if (!region || codes.some((code) => known.get(code)?.zorgkantoorregioCode !== region)) {
      throw forbidden('A zorgkantoor commissions cliëntondersteuning for gemeenten of its own zorgkantoorregio only.');
    }
  }
  await requireProviderInDirectory(ctx, providerId);
  const [row] = await ctx.db
    .insert(commission)
    .values({
      id: randomUUID(),
      commissionerOrganizationId: p.organizationId,
      commissionerType: p.organizationType,
      providerOrganizationId: providerId,
      kind: input.kind,
      gemeenteCodes: codes,
      validFrom,
      validUntil,
      createdAt: ctx.now,
      createdBy: p.subject,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return commissionView(row);
}

export async function endCommission(ctx: Context, input: { commissionId: string; validUntil: string }): Promise<CommissionView> {
  const p = requireCommissioner(ctx);
  const id = requireUuid(input.commissionId, 'input.commissionId');
  const validUntil = requireDay(input.validUntil, 'input.validUntil');
  const row = await q.findCommissionById(ctx.db, id);
  if (!row || row.commissionerOrganizationId !== p.organizationId) throw notFound('Commission');
  if (validUntil < row.validFrom) throw badInput('input.validUntil', 'input.validUntil must not lie before the first day in force.');
  if (row.validUntil !== null && validUntil > row.validUntil) {
    throw badInput('input.validUntil', 'The commission already ends earlier; it can be ended earlier, not extended.');
  }
  const [updated] = await ctx.db.update(commission).set({ validUntil }).where(eq(commission.id, id)).returning();
  if (!updated) throw notFound('Commission');
  return commissionView(updated);
}

export async function commissions(ctx: Context, args: { activeOn?: string | null; first?: number | null; after?: string | null }) {
  const p = requireRole(ctx, ['BELEIDSMEDEWERKER'], 'Only a BELEIDSMEDEWERKER reads commissions.');
  const first = pageSize(args.first);
  const activeOn = args.activeOn == null ? null : requireDay(args.activeOn, 'activeOn');
  const after = args.after ? decodeTimestampCursor(args.after) : null;
  const rows = await q.listCommissionsOfOrganization(ctx.db, { organizationId: p.organizationId, activeOn, limit: first + 1, after });
  return mapConnection(
    connectionFromRows(rows, first, (r) => encodeCursor(r.cursorKey, r.id), after !== null),
    (r) => commissionView(r),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Reading reports
// ---------------------------------------------------------------------------------------------------------------

const periodOf = (row: { year: number; half: number }) => makeReportPeriod('HALF_YEAR', row.year, row.half);

/** The figures of a report: the stored snapshot once submitted, else computed from the trajectories now (a draft). */
function snapshotLoader(db: Db, row: q.HalfYearReportRow, period: ReportPeriod): () => Promise<ReportSnapshot> {
  let pending: Promise<ReportSnapshot> | undefined;
  return () => {
    pending ??= row.snapshot ? Promise.resolve(snapshotFromJson(row.snapshot)) : computeSnapshot(db, row.organizationId, period);
    return pending;
  };
}

async function computeSnapshot(db: Db, organizationId: string, period: ReportPeriod): Promise<ReportSnapshot> {
  const previous = previousReportPeriod(period);
  const rows = await findTrajectoriesWithGemeenteInPeriod(db, organizationId, previous.from, period.to);
  return buildReportSnapshot(organizationId, period, previous, rows);
}

function viewOf(ctx: Context, row: q.HalfYearReportRow, reader: ReportReader): HalfYearReportView {
  const period = periodOf(row);
  return { row, reader, period, snapshot: snapshotLoader(ctx.db, row, period) };
}

/** The gemeenten this commissioner's commissions for the report's provider cover in the report's half year (sorted). */
function commissionedCodes(commissions: readonly q.CommissionRow[], row: q.HalfYearReportRow, commissionerId: string): string[] {
  const days = q.halfYearDays(row.year, row.half);
  const codes = new Set<string>();
  for (const c of commissions) {
    if (c.commissionerOrganizationId !== commissionerId || c.providerOrganizationId !== row.organizationId) continue;
    if (c.validFrom > days.last || (c.validUntil !== null && c.validUntil < days.first)) continue;
    for (const code of c.gemeenteCodes) codes.add(code);
  }
  return [...codes].sort();
}

const isProviderMember = (p: Principal, row: q.HalfYearReportRow) => p.organizationId === row.organizationId && hasRole(p, ...PROVIDER_ROLES);

/** What this caller may read of the report; null: nothing (the same as no report at all). */
async function readerOf(ctx: Context, p: Principal, row: q.HalfYearReportRow): Promise<ReportReader | null> {
  if (p.organizationId === row.organizationId) return isProviderMember(p, row) ? { kind: 'PROVIDER' } : null;
  if (row.status === 'DRAFT' || !hasRole(p, 'BELEIDSMEDEWERKER')) return null;
  const inForce = await q.findCommissionsInForce(ctx.db, row.organizationId, q.halfYearDays(row.year, row.half), p.organizationId);
  const gemeenteCodes = commissionedCodes(inForce, row, p.organizationId);
  return gemeenteCodes.length > 0 ? { kind: 'COMMISSIONER', organizationId: p.organizationId, gemeenteCodes } : null;
}

/** The report as this caller may read it, or null (no such report, or not for this caller: the two look the same). */
export async function readHalfYearReport(ctx: Context, id: string): Promise<HalfYearReportView | null> {
  const p = requireUser(ctx);
  const reportId = requireUuid(id, 'id');
  const row = await q.findReportById(ctx.db, reportId);
  if (!row) return null;
  const reader = await readerOf(ctx, p, row);
  return reader ? viewOf(ctx, row, reader) : null;
}

export async function myHalfYearReports(ctx: Context, args: { first?: number | null; after?: string | null }) {
  const p = requireRole(ctx, PROVIDER_ROLES, "Only a BELEIDSMEDEWERKER or BEHEERDER reads the organisation's half-year reports.");
  const first = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after) : null;
  if (after && !/^\d{5}$/.test(after.key)) throw badInput('after', 'after is not a cursor returned by this API.');
  const rows = await q.listReportsOfOrganization(ctx.db, { organizationId: p.organizationId, limit: first + 1, after });
  return mapConnection(
    connectionFromRows(rows, first, (r) => encodeCursor(String(r.year * 10 + r.half), r.id), after !== null),
    (r) => viewOf(ctx, r, { kind: 'PROVIDER' }),
  );
}

export async function commissionedHalfYearReports(ctx: Context, args: { status?: string | null; first?: number | null; after?: string | null }) {
  const p = requireRole(ctx, ['BELEIDSMEDEWERKER'], 'Only the BELEIDSMEDEWERKER of a gemeente or zorgkantoor reads commissioned reports.');
  if (!COMMISSIONER_TYPES.has(p.organizationType)) throw forbidden('Only a gemeente or zorgkantoor reads the reports of the providers it commissions.');
  if (args.status === 'DRAFT') throw badInput('status', 'status must be SUBMITTED or ACKNOWLEDGED: a draft is for the provider only.');
  const first = pageSize(args.first);
  const after = args.after ? decodeTimestampCursor(args.after) : null;
  const rows = await q.listCommissionedReports(ctx.db, { commissionerId: p.organizationId, status: args.status ?? null, limit: first + 1, after });
  const mine = await q.findCommissionsOfCommissionerFor(ctx.db, p.organizationId, [...new Set(rows.map((r) => r.organizationId))]);
  return mapConnection(
    connectionFromRows(rows, first, (r) => encodeCursor(r.cursorKey, r.id), after !== null),
    (r) => viewOf(ctx, r, { kind: 'COMMISSIONER', organizationId: p.organizationId, gemeenteCodes: commissionedCodes(mine, r, p.organizationId) }),
  );
}

/** The total (provider members only) and the parts this reader may read, ordered by gemeente code. */
export async function figuresOf(view: HalfYearReportView): Promise<{ total: SupportReportData | null; parts: ReportPartData[] }> {
  const snapshot = await view.snapshot();
  if (view.reader.kind === 'PROVIDER') {
    const parts = Object.keys(snapshot.gemeenten)
      .sort()
      .map((key) => ({ gemeenteCode: key === UNKNOWN_GEMEENTE ? null : key, figures: snapshot.gemeenten[key] as SupportReportData }));
    return { total: snapshot.total, parts };
  }
  // A commissioned gemeente without clients gets a report of zeros: built from no rows, not from the others.
  const empty = () => buildSupportReport(snapshot.organizationId, snapshot.period, snapshot.previousPeriod, []);
  const parts = view.reader.gemeenteCodes.map((code) => ({ gemeenteCode: code, figures: snapshot.gemeenten[code] ?? empty() }));
  return { total: null, parts };
}

export async function acknowledgementsOf(ctx: Context, view: HalfYearReportView) {
  const rows = await ctx.loaders.reportAcknowledgements.load(view.row.id);
  const { reader } = view;
  // An opdrachtgever sees its own acknowledgement only: the others would tell it who else commissions the provider.
  const visible = reader.kind === 'PROVIDER' ? rows : rows.filter((a) => a.organizationId === reader.organizationId);
  return visible.map((a) => ({ organization: { id: a.organizationId }, at: a.at }));
}

export async function satisfactionOfReport(ctx: Context, view: HalfYearReportView): Promise<SatisfactionStatusData> {
  if (view.row.satisfaction) return view.row.satisfaction as SatisfactionStatusData;
  return statusFrom(await ctx.loaders.latestMeasurement.load(view.row.organizationId), amsterdamDate(ctx.now));
}

export const downloadsOf = (id: string) => ({ csv: `/downloads/rapportages/${id}.csv`, pdf: `/downloads/rapportages/${id}.pdf` });

// ---------------------------------------------------------------------------------------------------------------
// The workflow
// ---------------------------------------------------------------------------------------------------------------

function requireProviderMember(ctx: Context): Principal {
  return requireRole(ctx, PROVIDER_ROLES, "Only a BELEIDSMEDEWERKER or BEHEERDER writes the organisation's half-year report.");
}

async function ownReport(ctx: Context, p: Principal, id: string): Promise<q.HalfYearReportRow> {
  const row = await q.findReportById(ctx.db, requireUuid(id, 'input.reportId'));
  if (!row || row.organizationId !== p.organizationId) throw notFound('HalfYearReport');
  return row;
}

export async function startHalfYearReport(ctx: Context, input: { year: number; half: number }): Promise<HalfYearReportView> {
  const p = requireProviderMember(ctx);
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw badInput('input.year', 'input.year must be from 2000 to 2100.');
  if (input.half !== 1 && input.half !== 2) throw badInput('input.half', 'input.half must be 1 (January–June) or 2 (July–December).');
  let period: ReportPeriod;
  try {
    period = requireEndedReportPeriod({ kind: 'HALF_YEAR', year: input.year, number: input.half }, ctx.now);
  } catch {
    throw badInput('input.half', `Half year ${input.year}-H${input.half} has not ended yet; its report can be started from the day after it ends.`);
  }
  await ctx.db
    .insert(halfYearReport)
    .values({ id: randomUUID(), organizationId: p.organizationId, year: period.year, half: period.number, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing();
  const [row] = await ctx.db
    .select()
    .from(halfYearReport)
    .where(and(eq(halfYearReport.organizationId, p.organizationId), eq(halfYearReport.year, period.year), eq(halfYearReport.half, period.number)));
  if (!row) throw new Error('report not found after insert');
  return viewOf(ctx, row, { kind: 'PROVIDER' });
}

const notDraft = () => hubError(ErrorCode.INVALID_TRANSITION, 'The report was submitted: its narrative and figures no longer change.');

export async function updateHalfYearReportNarrative(
  ctx: Context,
  input: { reportId: string; expectedVersion: number; observations?: string | null; signalled?: string | null; outlook?: string | null },
): Promise<HalfYearReportView> {
  const p = requireProviderMember(ctx);
  const expectedVersion = requireVersion(input.expectedVersion);
  const texts = {
    observations: requireNarrativeText(input.observations, 'input.observations'),
    signalled: requireNarrativeText(input.signalled, 'input.signalled'),
    outlook: requireNarrativeText(input.outlook, 'input.outlook'),
  };
  const row = await ownReport(ctx, p, input.reportId);
  if (row.status !== 'DRAFT') throw notDraft();
  const [updated] = await ctx.db
    .update(halfYearReport)
    .set({ ...texts, version: sql`${halfYearReport.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(halfYearReport.id, row.id), eq(halfYearReport.version, expectedVersion), eq(halfYearReport.status, 'DRAFT')))
    .returning();
  if (!updated) throw conflict('HalfYearReport');
  return viewOf(ctx, updated, { kind: 'PROVIDER' });
}

/** The organisations with a commission for the provider in force on some day of the half year. */
async function commissionerIdsOf(db: Db, row: q.HalfYearReportRow): Promise<string[]> {
  const inForce = await q.findCommissionsInForce(db, row.organizationId, q.halfYearDays(row.year, row.half));
  return [...new Set(inForce.map((c) => c.commissionerOrganizationId))].sort();
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function submitHalfYearReport(ctx: Context, input: { reportId: string; expectedVersion: number }): Promise<HalfYearReportView> {
  const p = requireProviderMember(ctx);
  const expectedVersion = requireVersion(input.expectedVersion);
  const row = await ownReport(ctx, p, input.reportId);
  if (row.status !== 'DRAFT') throw notDraft();
  if (row.version !== expectedVersion) throw conflict('HalfYearReport');
  const period = periodOf(row);
  const updated = await ctx.db.transaction(async (tx) => {
    // The figures are computed at the first submission only; a later version keeps them.
    const snapshot = row.snapshot ?? snapshotToJson(await computeSnapshot(tx, row.organizationId, period));
    const [latest] = await q.findLatestMeasurements(tx, [row.organizationId]);
    const satisfaction = row.satisfaction ?? statusFrom(latest ?? null, amsterdamDate(ctx.now));
    const [changed] = await tx
      .update(halfYearReport)
      .set({
        status: 'SUBMITTED',
        version: sql`${halfYearReport.version} + 1`,
        snapshot,
        satisfaction,
        firstSubmittedAt: sql`coalesce(${halfYearReport.firstSubmittedAt}, ${ctx.now.toISOString()}::timestamptz)`,
        submittedAt: ctx.now,
        updatedAt: ctx.now,
      })
      .where(and(eq(halfYearReport.id, row.id), eq(halfYearReport.version, expectedVersion), eq(halfYearReport.status, 'DRAFT')))
      .returning();
    if (!changed) return null;
    const commissioners = await commissionerIdsOf(tx, changed);
    const events: NotificationEvent[] = chunks(commissioners, MAX_AUDIENCE).map((organizationIds) =>
      notificationEvent('REPORT_SUBMITTED', { type: 'HALF_YEAR_REPORT', id: changed.id }, { organizationIds, roles: ['BELEIDSMEDEWERKER'] }, ctx.now, {
        actorOrganizationId: changed.organizationId,
      }),
    );
    await insertNotificationEvents(tx, events);
    return changed;
  });
  if (!updated) throw conflict('HalfYearReport');
  return viewOf(ctx, updated, { kind: 'PROVIDER' });
}

export async function acknowledgeHalfYearReport(ctx: Context, input: { reportId: string; expectedVersion: number }): Promise<HalfYearReportView> {
  const p = requireRole(ctx, ['BELEIDSMEDEWERKER'], "Only an opdrachtgever's BELEIDSMEDEWERKER acknowledges a half-year report.");
  const expectedVersion = requireVersion(input.expectedVersion);
  const row = await q.findReportById(ctx.db, requireUuid(input.reportId, 'input.reportId'));
  if (!row) throw notFound('HalfYearReport');
  if (row.organizationId === p.organizationId) throw forbidden('A report is acknowledged by its opdrachtgevers, not by the provider.');
  const reader = await readerOf(ctx, p, row);
  if (!reader) throw notFound('HalfYearReport');
  if (row.version !== expectedVersion) throw conflict('HalfYearReport');
  const result = await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(halfYearReportAcknowledgement)
      .values({ reportId: row.id, organizationId: p.organizationId, at: ctx.now, byUserId: p.subject })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) return 'ALREADY' as const;
    const commissioners = await commissionerIdsOf(tx, row);
    const acknowledged = new Set(
      (await tx.select().from(halfYearReportAcknowledgement).where(eq(halfYearReportAcknowledgement.reportId, row.id))).map((a) => a.organizationId),
    );
    let current = row;
    if (row.status === 'SUBMITTED' && commissioners.every((id) => acknowledged.has(id))) {
      const [changed] = await tx
        .update(halfYearReport)
        .set({ status: 'ACKNOWLEDGED', version: sql`${halfYearReport.version} + 1`, updatedAt: ctx.now })
        .where(and(eq(halfYearReport.id, row.id), eq(halfYearReport.status, 'SUBMITTED')))
        .returning();
      if (changed) current = changed;
    }
    await insertNotificationEvents(tx, [
      notificationEvent(
        'REPORT_ACKNOWLEDGED',
        { type: 'HALF_YEAR_REPORT', id: row.id },
        { organizationIds: [row.organizationId], roles: ['BELEIDSMEDEWERKER', 'BEHEERDER'] },
        ctx.now,
        { actorOrganizationId: p.organizationId },
      ),
    ]);
    return current;
  });
  if (result === 'ALREADY') throw hubError(ErrorCode.INVALID_TRANSITION, 'Your organisation acknowledged this report already.');
  return viewOf(ctx, result, reader);
}

// ---------------------------------------------------------------------------------------------------------------
// Satisfaction measurement
// ---------------------------------------------------------------------------------------------------------------

export function statusFrom(latest: q.SatisfactionMeasurementRow | null, today: string): SatisfactionStatusData {
  if (!latest) return { lastDoneOn: null, lastMethod: null, lastRespondents: null, dueOn: null, overdue: true };
  const dueOn = addYears(latest.doneOn, MEASUREMENT_INTERVAL_YEARS);
  return { lastDoneOn: latest.doneOn, lastMethod: latest.method, lastRespondents: latest.respondents, dueOn, overdue: dueOn < today };
}

export async function satisfactionMeasurementStatus(ctx: Context): Promise<SatisfactionStatusData> {
  const p = requireRole(ctx, PROVIDER_ROLES, "Only a BELEIDSMEDEWERKER or BEHEERDER reads the organisation's satisfaction measurement.");
  return statusFrom(await ctx.loaders.latestMeasurement.load(p.organizationId), amsterdamDate(ctx.now));
}

export async function recordSatisfactionMeasurement(
  ctx: Context,
  input: { doneOn: string; method: string; respondents: number },
): Promise<SatisfactionStatusData> {
  const p = requireRole(ctx, PROVIDER_ROLES, 'Only a BELEIDSMEDEWERKER or BEHEERDER records a satisfaction measurement.');
  const doneOn = requireDay(input.doneOn, 'input.doneOn');
  const today = amsterdamDate(ctx.now);
  if (doneOn > today) throw badInput('input.doneOn', 'input.doneOn must not lie in the future.');
  const method = input.method.trim();
  if (method.length < 1 || method.length > 500) throw badInput('input.method', 'input.method must be 1 to 500 characters.');
  guardText(method, 'input.method');
  if (!Number.isInteger(input.respondents) || input.respondents < 0 || input.respondents > 100_000) {
    throw badInput('input.respondents', 'input.respondents must be a whole number from 0 to 100000.');
  }
  await ctx.db.insert(satisfactionMeasurement).values({
    id: randomUUID(),
    organizationId: p.organizationId,
    doneOn,
    method,
    respondents: input.respondents,
    createdAt: ctx.now,
    createdBy: p.subject,
  });
  const [latest] = await q.findLatestMeasurements(ctx.db, [p.organizationId]);
  return statusFrom(latest ?? null, today);
}

/**
 * SATISFACTION_MEASUREMENT_DUE, once per organisation and due date, from REMINDER_DAYS_BEFORE days before the due
 * date, for organisations that submitted a half-year report or recorded a measurement. An organisation that submitted
 * but never measured is due from the day of its first submission. The reminder row and the event are written in one
 * transaction; the row's key makes it once.
 */
export async function remindSatisfactionMeasurements(db: Db, now: Date): Promise<number> {
  const today = amsterdamDate(now);
  const horizon = addDays(today, REMINDER_DAYS_BEFORE);
  return db.transaction(async (tx) => {
    const candidates = await tx.execute(sql`
      with latest as (
        select organization_id, max(done_on) as done_on from ${satisfactionMeasurement} group by organization_id
      ), submitted as (
        select organization_id, min(first_submitted_at) as first_at from ${halfYearReport}
        where first_submitted_at is not null group by organization_id
      )
      select coalesce(l.organization_id, s.organization_id)::text as organization_id,
        coalesce((l.done_on + interval '${sql.raw(String(MEASUREMENT_INTERVAL_YEARS))} years')::date,
                 (s.first_at at time zone 'Europe/Amsterdam')::date)::text as due_on
      from latest l full outer join submitted s on s.organization_id = l.organization_id`);
    const due = rowsOf<{ organization_id: string; due_on: string }>(candidates).filter((c) => c.due_on <= horizon);
    if (due.length === 0) return 0;
    const inserted = await tx
      .insert(satisfactionReminder)
      .values(due.map((c) => ({ organizationId: c.organization_id, dueOn: c.due_on, sentAt: now })))
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) return 0;
    const latestReports = await tx.execute(sql`
      select distinct on (organization_id) organization_id::text as organization_id, id::text as id from ${halfYearReport}
      where organization_id = any(${`{${inserted.map((r) => r.organizationId).join(',')}}`}::uuid[])
      order by organization_id, year desc, half desc`);
    const reportOf = new Map(rowsOf<{ organization_id: string; id: string }>(latestReports).map((r) => [r.organization_id, r.id]));
    const events = inserted.flatMap((r) => {
      const reportId = reportOf.get(r.organizationId);
      // The contract's item is required: an organisation without a report (it only measured) gets no event.
      if (!reportId) return [];
      return [
        notificationEvent(
          'SATISFACTION_MEASUREMENT_DUE',
          { type: 'HALF_YEAR_REPORT', id: reportId },
          { organizationIds: [r.organizationId], roles: ['BELEIDSMEDEWERKER', 'BEHEERDER'] },
          now,
          { dueDate: r.dueOn },
        ),
      ];
    });
    await insertNotificationEvents(tx, events);
    return events.length;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Downloads
// ---------------------------------------------------------------------------------------------------------------

/** The provider's name from the sociale kaart (its internal route); the id when it does not answer. */
export async function providerNameOf(ctx: Context, organizationId: string): Promise<string> {
  const socialeKaart = ctx.services.peerUrls['sociale-kaart'];
  if (!socialeKaart) return organizationId;
  try {
    const answer = await callInternal(
      socialeKaart,
      organizationContactsContract,
      { organizationIds: [organizationId] },
      { secret: ctx.services.internalSecret, meta: ctx.meta, timeoutMs: ctx.config.subgraphTimeoutMs },
    );
    return answer.contacts.find((c) => c.organizationId === organizationId)?.name ?? organizationId;
  } catch {
    return organizationId;
  }
}

/**
 * What a download holds for this reader: its parts (optionally one gemeente), the total for provider members when no
 * gemeente is asked for, the narrative part and the satisfaction measurement. Null when the gemeente asked for is not
 * one of the reader's parts.
 */
export async function reportDocumentOf(
  ctx: Context,
  view: HalfYearReportView,
  gemeenteCode: string | null,
  providerName: string,
): Promise<ReportDocument | null> {
  const { total, parts } = await figuresOf(view);
  const chosen = gemeenteCode === null ? parts : parts.filter((part) => part.gemeenteCode === gemeenteCode);
  if (gemeenteCode !== null && chosen.length === 0) return null;
  const names = GEMEENTE_CODES();
  return {
    reportId: view.row.id,
    providerName,
    period: view.period,
    status: view.row.status as ReportDocument['status'],
    submittedAt: view.row.submittedAt,
    total: gemeenteCode === null ? total : null,
    parts: chosen.map((part) => ({
      gemeenteCode: part.gemeenteCode,
      gemeenteName: part.gemeenteCode ? (names.get(part.gemeenteCode)?.name ?? null) : null,
      figures: part.figures,
    })),
    narrative: { observations: view.row.observations, signalled: view.row.signalled, outlook: view.row.outlook },
    satisfaction: await satisfactionOfReport(ctx, view),
  };
}
