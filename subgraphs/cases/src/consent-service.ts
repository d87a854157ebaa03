import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { badInput, conflict, ErrorCode, hubError, notFound } from '@hub/errors';
import type { Principal } from '@hub/identity';
import { connectionFromList, mapConnection, type PageArgs, requirePageArgs } from '@hub/service-kit';
import { lineFor } from './access-log.ts';
import { ownedClient } from './client-service.ts';
import type { Context } from './context.ts';
import { consentView, openingConsents, requesterOf, requireCareRole } from './consent/access.ts';
import { consentAddresses, consentOpens, type ConsentPurpose } from './consent/decide.ts';
import type { ClientRow, ConsentRow } from './db/queries.ts';
import type { consent } from './db/schema.ts';
import { insertConsent, revokeConsentIfVersion } from './db/writes.ts';
import type { RecordConsentInput, RevokeConsentInput } from './generated/resolvers-types.ts';
import { parseInput, recordConsentSchema, requireUuid, requireVersion } from './validation.ts';

type NewConsent = typeof consent.$inferInsert;

/**
 * A client's consents: which ones an organisation may see, recording one (an owning organisation, which becomes its
 * holder) and revoking one. A consent is never changed: a new period, purpose or set of categories is a new consent.
 */

/**
 * The consents the caller's organisation recorded (it holds the data they share), and those that are active for it
 * under this purpose, in the order they were recorded, a page at a time. Consents between other organisations are
 * theirs. The read is logged (category CONSENT) for the whole list, not only the page: once for the recorded ones, and
 * with each consent through which the caller sees one.
 */
export async function consentsOfClient(ctx: Context, clientId: string, purpose: ConsentPurpose, page: PageArgs) {
  const p = requireCareRole(ctx);
  // Refused before anything is read, so a refused page writes no access-log line.
  requirePageArgs(page);
  const all = await ctx.loaders.consentsByClient.load(clientId);
  const opening = new Set((await openingConsents(ctx, p, clientId, purpose)).map((c) => c.id));
  const recorded = all.filter((c) => c.recordedByOrganizationId === p.organizationId);
  const received = all.filter((c) => opening.has(c.id));
  const logRead = (ground: 'OWN_ORGANIZATION' | 'CONSENT', consentId?: string) =>
    ctx.accessLog.record({
      field: 'Client.consents',
      clientId,
      action: 'READ',
      outcome: 'GRANTED',
      categories: ['CONSENT'],
      ground,
      ...(consentId ? { consentId } : {}),
    });
  if (recorded.length) logRead('OWN_ORGANIZATION');
  for (const c of received) logRead('CONSENT', c.id);
  const visible = all.filter((c) => opening.has(c.id) || c.recordedByOrganizationId === p.organizationId);
  return mapConnection(
    connectionFromList(visible, page, (c) => c.createdAt.toISOString()),
    (row) => consentView(row, purpose),
  );
}

/**
 * Records a consent of a client the caller's organisation owns. A consent shares the recorder's data with someone
 * else; one that reaches the recorder itself (by id, or as an organisation type in its own region) is refused.
 */
export async function recordConsent(ctx: Context, input: RecordConsentInput): Promise<ConsentRow> {
  const p = requireCareRole(ctx);
  const v = parseInput(recordConsentSchema, input, 'input');
  const client = await ownedClient(ctx, p, v.clientId.toLowerCase());
  return insertConsent(
    ctx.db,
    consentToRecord(ctx, p, client, v, 'input'),
    lineFor(ctx, p, {
      clientId: client.id,
      action: 'CREATE',
      outcome: 'GRANTED',
      categories: ['CONSENT'],
      ground: 'OWN_ORGANIZATION',
      field: 'Mutation.recordConsent',
    }),
  );
}

/**
 * The row of a consent the caller's organisation records for a client it owns (it becomes the consent's holder), from
 * input parsed with recordConsentSchema; `field` is where that input sits, for the errors. Used by recordConsent and by
 * every other change that records a consent with it in one transaction (the choice of an OCO on the Wlz worklist).
 */
export function consentToRecord(ctx: Context, p: Principal, client: ClientRow, v: z.output<typeof recordConsentSchema>, field: string): NewConsent {
  const address = {
    receivingOrganizationId: v.receivingOrganizationId?.toLowerCase() ?? null,
    receivingOrganizationType: v.receivingOrganizationType ?? null,
    receivingRegionCode: v.receivingRegionCode ?? null,
  };
  // One that reaches the recorder itself would only serve to dress up its own access, so it is refused whichever way
  // it is addressed.
  if (consentAddresses(address, requesterOf(p))) {
    const named = address.receivingOrganizationId ? `${field}.receivingOrganizationId` : `${field}.receivingOrganizationType`;
    throw badInput(named, 'A consent cannot address the organisation that records it.');
  }
  if (v.representativeId && !client.network.some((m) => m.id === v.representativeId?.toLowerCase() && m.mayActForClient)) {
    throw badInput(`${field}.representativeId`, `${field}.representativeId must name a member of the client's network who may act for the client.`);
  }
  return {
    id: randomUUID(),
    clientId: client.id,
    ...address,
    categories: v.categories,
    purpose: v.purpose,
    validFrom: v.validFrom ?? ctx.now,
    validUntil: v.validUntil ?? null,
    givenBy: v.givenBy,
    representativeId: v.representativeId?.toLowerCase() ?? null,
    recordedHow: v.recordedHow,
    recordedByUserId: p.subject,
    recordedByOrganizationId: p.organizationId,
  };
}

/** Whether the caller holds the consent (recorded it) or is the organisation it names while it is active for it. */
function revokerRole(ctx: Context, p: Principal, consent: ConsentRow): 'HOLDER' | 'RECEIVER' | null {
  if (consent.recordedByOrganizationId === p.organizationId) return 'HOLDER';
  if (consent.receivingOrganizationId === p.organizationId && consentOpens(consent, requesterOf(p), consent.purpose, ctx.now)) return 'RECEIVER';
  return null;
}

/**
 * The organisation that recorded the consent (the holder) revokes it for the client; the organisation it names may
 * give up a consent that is active for it. Anyone else gets NOT_FOUND, as for an unknown id.
 */
export async function revokeConsent(ctx: Context, input: RevokeConsentInput): Promise<ConsentRow> {
  const p = requireCareRole(ctx);
  const id = requireUuid(input.id, 'input.id');
  const expectedVersion = requireVersion(input.expectedVersion);
  const current = await ctx.loaders.consent.load(id);
  if (!current) throw notFound('Consent');
  const role = revokerRole(ctx, p, current);
  if (!role) throw notFound('Consent');
  if (current.revokedAt) throw hubError(ErrorCode.INVALID_TRANSITION, 'The consent is already revoked.');
  const row = await revokeConsentIfVersion(
    ctx.db,
    id,
    expectedVersion,
    { at: ctx.now, byUserId: p.subject, byOrganizationId: p.organizationId },
    lineFor(ctx, p, {
      clientId: current.clientId,
      action: 'UPDATE',
      outcome: 'GRANTED',
      categories: ['CONSENT'],
      ground: role === 'HOLDER' ? 'OWN_ORGANIZATION' : `CONSENT:${current.id}`,
      field: 'Mutation.revokeConsent',
    }),
  );
  if (!row) throw conflict('Consent');
  return row;
}
