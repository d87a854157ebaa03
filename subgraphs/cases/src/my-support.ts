import { randomUUID } from 'node:crypto';
import type { MachtigingScope } from '@hub/domain';
import { clientHandoversContract, type ClientHandover } from '@hub/contracts';
import { badInput, conflict, ErrorCode, forbidden, hubError, notFound } from '@hub/errors';
import type { ClientPrincipal } from '@hub/identity';
import {
  connectionFromList,
  connectionFromRows,
  decodeTimestampCursor,
  encodeCursor,
  pageSize,
  requireClient,
  requirePageArgs,
  type PageArgs,
} from '@hub/service-kit';
import { lineFor } from './access-log.ts';
import type { Context } from './context.ts';
import { consentState } from './consent/decide.ts';
import {
  findAccessLogOfClient,
  findClientByBsnHashes,
  findCorrectionRequestsOfClient,
  listAccessLog,
  listCorrectionRequests,
  type ClientRow,
  type ConsentRow,
  type CorrectionRequestRow,
} from './db/queries.ts';
import { insertConsent, insertCorrectionRequest, replaceConsent, revokeConsentIfVersion } from './db/writes.ts';
import type {
  ChangeConsentPeriodInput,
  GiveConsentInput,
  MySupportAccessLogArgs,
  QueryCorrectionRequestsArgs,
  RequestCorrectionInput,
  RevokeConsentInput,
} from './generated/resolvers-types.ts';
import { parseInput, recordConsentSchema, requireUuid, requireVersion } from './validation.ts';
import { CARE_ROLES, containsBsn } from '@hub/domain';
import { callInternal, requireRole } from '@hub/service-kit';

/**
 * The client's own view (AVG right of access; Wabvpz art. 15e): a client signed in as themselves, or a representative
 * under a machtiging, sees and manages only the one client the token's BSN names. The record is found by the BSN's
 * keyed hash; nothing here takes a client id from the request, so no id, guessed or not, can reach another client.
 */

/** A handover in progress as the referrals subgraph described it, with its referral id as `id`. */
export type MyHandoverParent = ClientHandover & { id: string };

export interface MySupportView {
  row: ClientRow;
  caller: ClientPrincipal;
}

/** The signed-in client's record; null when the hub holds nothing about them. */
async function myClientRow(ctx: Context, caller: ClientPrincipal): Promise<ClientRow | null> {
  return findClientByBsnHashes(ctx.db, ctx.services.bsn.hashes(caller.clientBsn));
}

/** A representative may do only what the machtiging names; the client themselves may do everything. */
function requireScope(caller: ClientPrincipal, scope: MachtigingScope): void {
  if (caller.machtiging && !caller.machtiging.scope.includes(scope)) throw forbidden(`Your machtiging does not allow this (it needs ${scope}).`);
}

/** The client's own record; logged as a READ by the client (ground CLIENT_SELF, or MACHTIGING for a representative). */
export async function mySupport(ctx: Context): Promise<MySupportView | null> {
  const caller = requireClient(ctx);
  requireScope(caller, 'READ');
  const row = await myClientRow(ctx, caller);
  if (!row) return null;
  ctx.accessLog.record({
    field: 'Query.mySupport',
    clientId: row.id,
    action: 'READ',
    outcome: 'GRANTED',
    categories: ['IDENTITY'],
    ground: groundOf(caller),
    dataOrganizationId: row.registeredByOrganizationId,
  });
  return { row, caller };
}

export const groundOf = (caller: ClientPrincipal): string => (caller.machtiging ? 'MACHTIGING' : 'CLIENT_SELF');

/** The client's trajectories at every organisation, oldest first. */
export async function myTrajectories(ctx: Context, v: MySupportView, page: PageArgs) {
  requirePageArgs(page);
  const all = await ctx.loaders.trajectoriesByClient.load(v.row.id);
  return connectionFromList(all, page, (t) => t.openedAt.toISOString());
}

/** Every consent of the client, whoever recorded it, in the order recorded. */
export async function myConsents(ctx: Context, v: MySupportView, page: PageArgs) {
  requirePageArgs(page);
  const all = await ctx.loaders.consentsByClient.load(v.row.id);
  return connectionFromList(all, page, (c) => c.createdAt.toISOString());
}

/** Who accessed the client's data, oldest first: every line, refusals and break-glass included. */
export async function myAccessLog(ctx: Context, v: MySupportView, args: MySupportAccessLogArgs) {
  const from = args.from ?? new Date(0);
  const to = args.to ?? new Date(ctx.now.getTime() + 60_000);
  if (to.getTime() <= from.getTime()) throw badInput('to', 'to must lie after from.');
  const first = pageSize(args.first, { fallback: 50 });
  const after = args.after ? decodeTimestampCursor(args.after) : null;
  const rows = await listAccessLog(ctx.db, { clientId: v.row.id, from, to, limit: first + 1, after });
  return connectionFromRows(rows, first, (row) => encodeCursor(row.cursorKey, row.eventId), after !== null);
}

/** Every break-glass opening on the client's data, newest first. */
export async function myBreakGlassOpenings(ctx: Context, v: MySupportView, page: PageArgs) {
  requirePageArgs(page);
  const all = [...(await ctx.loaders.breakGlassByClient.load(v.row.id))].reverse();
  return connectionFromList(all, page, (g) => g.openedAt.toISOString());
}

/**
 * The client's warm handovers in progress (sent, not finished), from the referrals subgraph: who hands over to whom,
 * the state, the respond-by date and the planned joint meeting. Ids, codes and dates only.
 */
export async function myHandoversInProgress(ctx: Context, v: MySupportView, page: PageArgs) {
  requirePageArgs(page);
  const referrals = ctx.services.peerUrls.referrals;
  const handovers: ClientHandover[] = referrals
    ? (
        await callInternal(
          referrals,
          clientHandoversContract,
          { clientId: v.row.id },
          { secret: ctx.services.internalSecret, meta: ctx.meta, timeoutMs: ctx.config.subgraphTimeoutMs },
        )
      ).handovers
    : [];
  return connectionFromList(
    handovers.map((h): MyHandoverParent => ({ ...h, id: h.referralId })),
    page,
    (h) => h.sentAt ?? h.statusChangedAt,
  );
}

/** The organisations that hold the client's data: the one that registered the client and each trajectory's. */
async function holdersOf(ctx: Context, row: ClientRow): Promise<string[]> {
  const trajectories = await ctx.loaders.trajectoriesByClient.load(row.id);
  return [...new Set([row.registeredByOrganizationId, ...trajectories.map((t) => t.organizationId)])];
}

async function requireMyRecord(ctx: Context, scope: MachtigingScope): Promise<{ caller: ClientPrincipal; row: ClientRow }> {
  const caller = requireClient(ctx);
  requireScope(caller, scope);
  const row = await myClientRow(ctx, caller);
  if (!row) throw notFound('Client');
  return { caller, row };
}

/**
 * The client gives a consent themselves: it shares what `sharingOrganizationId` (an organisation that holds the
 * client's data) holds with the receiver, for one purpose and a period. Recorded as given by the client (or the
 * representative), digitally; it counts from the next request.
 */
export async function giveConsent(ctx: Context, input: GiveConsentInput): Promise<ConsentRow> {
  const { caller, row } = await requireMyRecord(ctx, 'CONSENT');
  const sharing = requireUuid(input.sharingOrganizationId, 'input.sharingOrganizationId');
  const v = parseInput(
    recordConsentSchema,
    { ...input, clientId: row.id, givenBy: caller.machtiging ? 'REPRESENTATIVE' : 'CLIENT', recordedHow: 'DIGITAL', representativeId: null },
    'input',
  );
  if (!(await holdersOf(ctx, row)).includes(sharing)) {
    throw badInput('input.sharingOrganizationId', 'sharingOrganizationId must be an organisation that supports you (it holds the data to share).');
  }
  const address = {
    receivingOrganizationId: v.receivingOrganizationId?.toLowerCase() ?? null,
    receivingOrganizationType: v.receivingOrganizationType ?? null,
    receivingRegionCode: v.receivingRegionCode ?? null,
  };
  if (address.receivingOrganizationId === sharing) {
    throw badInput('input.receivingOrganizationId', 'A consent shares data with another organisation than the one holding it.');
  }
  return insertConsent(
    ctx.db,
    {
      id: randomUUID(),
      clientId: row.id,
      ...address,
      categories: v.categories,
      purpose: v.purpose,
      validFrom: v.validFrom ?? ctx.now,
      validUntil: v.validUntil ?? null,
      givenBy: v.givenBy,
      representativeId: null,
      recordedHow: 'DIGITAL',
      recordedByUserId: caller.subject,
      recordedByOrganizationId: sharing,
    },
    lineFor(ctx, caller, {
      field: 'Mutation.giveConsent',
      clientId: row.id,
      action: 'CREATE',
      outcome: 'GRANTED',
      categories: ['CONSENT'],
      ground: groundOf(caller),
      dataOrganizationId: sharing,
    }),
  );
}

/** One of the client's own consents; NOT_FOUND for any other id, exactly as for an unknown one. */
async function myConsent(ctx: Context, row: ClientRow, rawId: string): Promise<ConsentRow> {
  const id = requireUuid(rawId, 'input.id');
  const consent = await ctx.loaders.consent.load(id);
  if (!consent || consent.clientId !== row.id) throw notFound('Consent');
  return consent;
}

/** The client revokes one of their consents, whoever recorded it; it counts from the next request. */
export async function revokeMyConsent(ctx: Context, input: RevokeConsentInput): Promise<ConsentRow> {
  const { caller, row } = await requireMyRecord(ctx, 'CONSENT');
  const current = await myConsent(ctx, row, input.id);
  const expectedVersion = requireVersion(input.expectedVersion);
  if (current.revokedAt) throw hubError(ErrorCode.INVALID_TRANSITION, 'The consent is already revoked.');
  const updated = await revokeConsentIfVersion(
    ctx.db,
    current.id,
    expectedVersion,
    { at: ctx.now, byUserId: caller.subject, byOrganizationId: null },
    lineFor(ctx, caller, {
      field: 'Mutation.revokeMyConsent',
      clientId: row.id,
      action: 'UPDATE',
      outcome: 'GRANTED',
      categories: ['CONSENT'],
      ground: groundOf(caller),
      dataOrganizationId: current.recordedByOrganizationId,
    }),
  );
  if (!updated) throw conflict('Consent');
  return updated;
}

/**
 * The client changes the period of a consent that is not revoked or expired. A consent is never edited: the old one is
 * revoked and a successor with the same receiver, categories and purpose is recorded (given by the client, digitally),
 * in one transaction. The answer is the successor.
 */
export async function changeConsentPeriod(ctx: Context, input: ChangeConsentPeriodInput): Promise<ConsentRow> {
  const { caller, row } = await requireMyRecord(ctx, 'CONSENT');
  const current = await myConsent(ctx, row, input.id);
  const expectedVersion = requireVersion(input.expectedVersion);
  const state = consentState(current, ctx.now);
  if (state === 'REVOKED' || state === 'EXPIRED')
    throw hubError(ErrorCode.INVALID_TRANSITION, 'A revoked or expired consent cannot get a new period; give a new consent.');
  const validFrom = input.validFrom ?? (state === 'PENDING' ? current.validFrom : ctx.now);
  const validUntil = input.validUntil ?? null;
  if (validUntil && validUntil.getTime() <= validFrom.getTime()) throw badInput('input.validUntil', 'validUntil must lie after validFrom.');
  if (validUntil && validUntil.getTime() <= ctx.now.getTime())
    throw badInput('input.validUntil', 'validUntil must lie in the future (to end it now, revoke it).');
  const { id: _id, version: _version, createdAt: _createdAt, revokedAt: _revokedAt, revokedByUserId: _by, ...kept } = current;
  const successor = {
    ...kept,
    id: randomUUID(),
    validFrom,
    validUntil,
    givenBy: caller.machtiging ? 'REPRESENTATIVE' : 'CLIENT',
    representativeId: null,
    recordedHow: 'DIGITAL',
    recordedByUserId: caller.subject,
  };
  const created = await replaceConsent(
    ctx.db,
    current.id,
    expectedVersion,
    { at: ctx.now, byUserId: caller.subject },
    successor,
    lineFor(ctx, caller, {
      field: 'Mutation.changeConsentPeriod',
      clientId: row.id,
      action: 'UPDATE',
      outcome: 'GRANTED',
      categories: ['CONSENT'],
      ground: groundOf(caller),
      dataOrganizationId: current.recordedByOrganizationId,
    }),
  );
  if (!created) throw conflict('Consent');
  return created;
}

/**
 * The client asks an organisation that holds their data to correct something (AVG art. 16). The request lands in that
 * organisation's list (correctionRequests); the description is the client's own words, without a BSN.
 */
export async function requestCorrection(ctx: Context, input: RequestCorrectionInput): Promise<CorrectionRequestRow> {
  const { caller, row } = await requireMyRecord(ctx, 'CORRECTION');
  const organizationId = requireUuid(input.organizationId, 'input.organizationId');
  if (!(await holdersOf(ctx, row)).includes(organizationId))
    throw badInput('input.organizationId', 'organizationId must be an organisation that supports you.');
  let trajectoryId: string | null = null;
  if (input.trajectoryId) {
    const id = requireUuid(input.trajectoryId, 'input.trajectoryId');
    const trajectories = await ctx.loaders.trajectoriesByClient.load(row.id);
    if (!trajectories.some((t) => t.id === id && t.organizationId === organizationId)) throw notFound('SupportTrajectory');
    trajectoryId = id;
  }
  const description = input.description.trim();
  if (description.length < 5 || description.length > 2000) throw badInput('input.description', 'Describe what is wrong in 5 to 2000 characters.');
  if (containsBsn(description)) throw badInput('input.description', 'Leave your BSN out of the description; the organisation knows who you are.');
  return insertCorrectionRequest(
    ctx.db,
    {
      id: randomUUID(),
      clientId: row.id,
      organizationId,
      trajectoryId,
      description,
      requestedByUserId: caller.subject,
      givenBy: caller.machtiging ? 'REPRESENTATIVE' : 'CLIENT',
    },
    lineFor(ctx, caller, {
      field: 'Mutation.requestCorrection',
      clientId: row.id,
      action: 'CREATE',
      outcome: 'GRANTED',
      categories: ['IDENTITY'],
      ground: groundOf(caller),
      dataOrganizationId: organizationId,
    }),
  );
}

/** The correction requests clients sent to the caller's organisation, newest first (care roles and privacy officer). */
export async function correctionRequestsOfOrganization(ctx: Context, args: QueryCorrectionRequestsArgs) {
  const p = requireRole(ctx, [...CARE_ROLES, 'PRIVACY_OFFICER'], 'Only care roles and the privacy officer see correction requests.');
  const first = pageSize(args.first);
  const after = args.after ? decodeTimestampCursor(args.after) : null;
  const rows = await listCorrectionRequests(ctx.db, { organizationId: p.organizationId, limit: first + 1, after });
  for (const r of rows.slice(0, first)) {
    ctx.accessLog.record({
      field: 'Query.correctionRequests',
      clientId: r.clientId,
      action: 'READ',
      outcome: 'GRANTED',
      categories: ['IDENTITY'],
      ground: 'OWN_ORGANIZATION',
    });
  }
  return connectionFromRows(rows, first, (row) => encodeCursor(row.cursorKey, row.id), after !== null);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * A copy of everything the hub's cases subgraph holds about the client (AVG art. 15), as JSON: identity, contact,
 * network, trajectories with contact moments, consents, break-glass openings, correction requests and the access log.
 * Logged as EXPORT. The BSN is left out: the client knows it, and a download is easily passed around.
 */
export async function myDataExport(ctx: Context): Promise<{ generatedAt: Date; fileName: string; json: string } | null> {
  const caller = requireClient(ctx);
  requireScope(caller, 'EXPORT');
  const row = await myClientRow(ctx, caller);
  if (!row) return null;
  const [trajectories, consents, breakGlass, corrections, accessLog] = await Promise.all([
    ctx.loaders.trajectoriesByClient.load(row.id),
    ctx.loaders.consentsByClient.load(row.id),
    ctx.loaders.breakGlassByClient.load(row.id),
    findCorrectionRequestsOfClient(ctx.db, row.id),
    findAccessLogOfClient(ctx.db, row.id),
  ]);
  const moments = await ctx.loaders.contactMomentsByTrajectory.loadMany(trajectories.map((t) => t.id));
  const { bsnEncrypted: _bsn, bsnHash: _hash, ...client } = row;
  const data = {
    format: 'clientondersteuning-hub/my-data/v1',
    generatedAt: ctx.now.toISOString(),
    client,
    trajectories: trajectories.map((t, i) => ({ ...t, contactMoments: Array.isArray(moments[i]) ? moments[i] : [] })),
    consents: consents.map((c) => ({ ...c, status: consentState(c, ctx.now) })),
    breakGlassOpenings: breakGlass.map((g) => ({
      id: g.id,
      organizationId: g.organizationId,
      role: g.role,
      reason: g.reason,
      openedAt: iso(g.openedAt),
      expiresAt: iso(g.expiresAt),
    })),
    correctionRequests: corrections,
    accessLog,
  };
  ctx.accessLog.record({
    field: 'Query.myDataExport',
    clientId: row.id,
    action: 'EXPORT',
    outcome: 'GRANTED',
    categories: ['IDENTITY', 'CONTACT', 'QUESTION', 'PLAN', 'NETWORK', 'CONTACT_MOMENTS', 'HANDOVER', 'CONSENT', 'TRAJECTORY'],
    ground: groundOf(caller),
    dataOrganizationId: row.registeredByOrganizationId,
  });
  return { generatedAt: ctx.now, fileName: `mijn-gegevens-${ctx.now.toISOString().slice(0, 10)}.json`, json: JSON.stringify(data, null, 2) };
}
