import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { handoverFactsContract, organizationFactsContract } from '@hub/contracts';
import { amsterdamDate, isUuid } from '@hub/domain';
import { badInput, conflict, ErrorCode, forbidden, hubError, notFound } from '@hub/errors';
import { hasRole, type Principal } from '@hub/identity';
import { callInternal, connectionFromRows, decodeCursor, encodeCursor, pageSize, requireUser, type CursorPosition } from '@hub/service-kit';
import { lineFor } from '../access-log.ts';
import type { Context } from '../context.ts';
import { consentOpens } from '../consent/decide.ts';
import type { ConsentRow } from '../db/queries.ts';
import type {
  QueryWlzIndicatieWorklistArgs,
  QueryWlzNotificationsArgs,
  RecordIndicatieChoiceInput,
  RecordIndicatieContactInput,
} from '../generated/resolvers-types.ts';
import type { LinkIndicatieHandoverInput } from '../generated/resolvers-types.ts';
import { parseInput, recordConsentSchema, requireUuid, requireVersion } from '../validation.ts';
import { consentToRecord } from '../consent-service.ts';
import type { consent } from '../db/schema.ts';
import { changeWlzItemIfVersion, findWlzItem, listWlzNotifications, listWlzWorklist, type WlzIndicatieItemRow, type WlzItemChange } from './queries.ts';

/**
 * The zorgkantoor's worklist "nieuwe indicaties": who may see it (ZORGBEMIDDELAAR and CLIENTONDERSTEUNER of a
 * ZORGKANTOOR organisation, its own items only), recording contact, and the client's choice of cliëntondersteuning
 * (keuzevrijheid) with the consent and the warm handover an OCO choice needs. Every change carries the version, writes
 * an audit event and an access-log line in one transaction.
 */

type NewConsent = typeof consent.$inferInsert;

const WORKLIST_ROLES = ['ZORGBEMIDDELAAR', 'CLIENTONDERSTEUNER'] as const;

/** The data categories of the consent recorded with the choice OCO (as for every warm handover of a client). */
export const HANDOVER_CONSENT_CATEGORIES = ['HANDOVER', 'IDENTITY', 'QUESTION'] as const;

function requireZorgkantoor(ctx: Context, roles: readonly ('ZORGBEMIDDELAAR' | 'CLIENTONDERSTEUNER')[]): Principal {
  const p = requireUser(ctx);
  if (p.organizationType !== 'ZORGKANTOOR' || !hasRole(p, ...roles)) {
    throw forbidden(`Only ${roles.join(' or ')} of a zorgkantoor may work with its worklist of new indicaties.`);
  }
  return p;
}

/** Whether an item is overdue on `today`: not contacted while its deadline has passed. */
export const isOverdue = (row: WlzIndicatieItemRow, today: string): boolean => row.contactedAt === null && row.contactBy < today;

function worklistCursor(after: string | null | undefined): CursorPosition | null {
  if (!after) return null;
  const position = decodeCursor(after);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(position.key)) throw badInput('after', 'after is not a cursor returned by this API.');
  return position;
}

export async function worklist(ctx: Context, args: QueryWlzIndicatieWorklistArgs) {
  const p = requireZorgkantoor(ctx, WORKLIST_ROLES);
  const first = pageSize(args.first);
  const after = worklistCursor(args.after);
  const today = amsterdamDate(ctx.now);
  const filter = { organizationId: p.organizationId, status: args.status ?? null, overdue: args.overdue ?? null, today };
  const { rows, totalCount } = await listWlzWorklist(ctx.db, { ...filter, limit: first + 1, after });
  const page = connectionFromRows(rows, first, (r) => encodeCursor(r.contactBy, r.id), after !== null);
  for (const item of page.nodes) logItemRead(ctx, item, 'Query.wlzIndicatieWorklist');
  return { ...page, totalCount };
}

function logItemRead(ctx: Context, item: WlzIndicatieItemRow, field: string): void {
  ctx.accessLog.record({ field, clientId: item.clientId, action: 'READ', outcome: 'GRANTED', categories: ['HANDOVER'], ground: 'OWN_ORGANIZATION' });
}

async function ownItem(ctx: Context, p: Principal, rawId: string, field: string): Promise<WlzIndicatieItemRow> {
  const id = requireUuid(rawId, field);
  const row = await findWlzItem(ctx.db, id);
  // Another zorgkantoor's item is reported like an unknown id.
  if (!row || row.zorgkantoorOrganizationId !== p.organizationId) throw notFound('WlzIndicatieItem');
  return row;
}

export async function worklistItem(ctx: Context, rawId: string): Promise<WlzIndicatieItemRow> {
  const p = requireZorgkantoor(ctx, WORKLIST_ROLES);
  const row = await ownItem(ctx, p, rawId, 'id');
  logItemRead(ctx, row, 'Query.wlzIndicatieItem');
  return row;
}

export async function notifications(ctx: Context, args: QueryWlzNotificationsArgs) {
  const p = requireZorgkantoor(ctx, WORKLIST_ROLES);
  const first = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after) : null;
  const rows = await listWlzNotifications(ctx.db, { organizationId: p.organizationId, status: args.status ?? null, limit: first + 1, after });
  return connectionFromRows(rows, first, (r) => encodeCursor(r.cursorKey, r.id), after !== null);
}

const notInFuture = (ctx: Context, at: Date | null | undefined, field: string): Date => {
  if (!at) return ctx.now;
  if (at.getTime() > ctx.now.getTime() + 60_000) throw badInput(field, `${field} must not lie in the future.`);
  return at;
};

const doneWith = (row: Pick<WlzIndicatieItemRow, 'contactedAt' | 'choice'>) => (row.contactedAt !== null && row.choice !== null ? 'DONE' : 'OPEN');

async function applyChange(ctx: Context, p: Principal, current: WlzIndicatieItemRow, expectedVersion: number, change: WlzItemChange, field: string) {
  const categories = change.consent ? (['HANDOVER', 'CONSENT'] as const) : (['HANDOVER'] as const);
  const row = await changeWlzItemIfVersion(
    ctx.db,
    current.id,
    expectedVersion,
    change,
    {
      id: randomUUID(),
      itemId: current.id,
      occurredAt: ctx.now,
      action: change.action,
      userId: p.subject,
      choice: change.set.choice ?? null,
      ocoOrganizationId: change.set.choiceOcoOrganizationId ?? null,
      consentId: change.set.choiceConsentId ?? null,
      referralId: change.set.handoverReferralId ?? null,
      version: expectedVersion + 1,
    },
    lineFor(ctx, p, { clientId: current.clientId, action: 'UPDATE', outcome: 'GRANTED', categories, ground: 'OWN_ORGANIZATION', field }),
  );
  if (!row) throw conflict('WlzIndicatieItem');
  return row;
}

export async function recordContact(ctx: Context, input: RecordIndicatieContactInput): Promise<WlzIndicatieItemRow> {
  const p = requireZorgkantoor(ctx, WORKLIST_ROLES);
  const expectedVersion = requireVersion(input.expectedVersion);
  const contactedAt = notInFuture(ctx, input.contactedAt, 'input.contactedAt');
  const current = await ownItem(ctx, p, input.id, 'input.id');
  if (current.contactedAt) throw hubError(ErrorCode.INVALID_TRANSITION, 'Contact with the client was already recorded.');
  const set = { contactedAt, contactedByUserId: p.subject, status: doneWith({ contactedAt, choice: current.choice }) };
  return applyChange(ctx, p, current, expectedVersion, { action: 'CONTACT', set }, 'Mutation.recordIndicatieContact');
}

const choiceSchema = z
  .object({
    choice: z.enum(['ZORGKANTOOR', 'OCO', 'NONE_FOR_NOW']),
    ocoOrganizationId: z.string().refine(isUuid, 'must be a UUID').nullish(),
    consent: z
      .object({
        givenBy: z.enum(['CLIENT', 'REPRESENTATIVE']),
        representativeId: z.string().refine(isUuid, 'must be a UUID').nullish(),
        recordedHow: z.enum(['WRITTEN', 'VERBAL'], { message: 'the klantadviseur records WRITTEN or VERBAL consent' }),
        validUntil: z.date().nullish(),
      })
      .nullish(),
  })
  .refine((c) => c.choice === 'OCO' || !c.ocoOrganizationId, { message: 'only the choice OCO names an organisation', path: ['ocoOrganizationId'] })
  .refine((c) => c.choice === 'OCO' || !c.consent, { message: 'only the choice OCO needs a handover consent', path: ['consent'] })
  .refine((c) => c.choice !== 'OCO' || Boolean(c.ocoOrganizationId), { message: 'the choice OCO needs ocoOrganizationId', path: ['ocoOrganizationId'] });

/** Asks the sociale kaart whether the organisation exists and is an OCO (ids and codes only). */
async function requireOco(ctx: Context, organizationId: string): Promise<void> {
  const socialeKaart = ctx.services.peerUrls['sociale-kaart'];
  if (!socialeKaart) throw hubError(ErrorCode.SUBGRAPH_UNAVAILABLE, 'The sociale kaart does not answer; try again later.');
  const answer = await callInternal(
    socialeKaart,
    organizationFactsContract,
    { organizationIds: [organizationId] },
    { secret: ctx.services.internalSecret, meta: ctx.meta, timeoutMs: ctx.config.subgraphTimeoutMs },
  );
  const facts = answer.facts.find((f) => f.organizationId === organizationId);
  if (!facts?.exists || facts.type !== 'OCO')
    throw badInput('input.ocoOrganizationId', 'input.ocoOrganizationId must be an OCO organisation of the sociale kaart.');
}

/** An active HANDOVER consent for WARM_HANDOVER the caller's organisation recorded for this OCO, or null. */
function existingHandoverConsent(ctx: Context, consents: readonly ConsentRow[], p: Principal, ocoId: string): ConsentRow | null {
  const oco = { organizationId: ocoId, organizationType: 'OCO' };
  return (
    consents.find(
      (c) =>
        c.recordedByOrganizationId === p.organizationId &&
        c.receivingOrganizationId === ocoId &&
        HANDOVER_CONSENT_CATEGORIES.every((category) => c.categories.includes(category)) &&
        consentOpens(c, oco, 'WARM_HANDOVER', ctx.now),
    ) ?? null
  );
}

export async function recordChoice(ctx: Context, input: RecordIndicatieChoiceInput): Promise<WlzIndicatieItemRow> {
  const p = requireZorgkantoor(ctx, ['ZORGBEMIDDELAAR']);
  const expectedVersion = requireVersion(input.expectedVersion);
  const v = parseInput(choiceSchema, { choice: input.choice, ocoOrganizationId: input.ocoOrganizationId, consent: input.consent }, 'input');
  const offeredAt = notInFuture(ctx, input.offeredAt, 'input.offeredAt');
  const current = await ownItem(ctx, p, input.id, 'input.id');
  if (current.handoverReferralId) throw hubError(ErrorCode.INVALID_TRANSITION, 'A warm handover was sent for this choice; the choice cannot change any more.');
  const ocoId = v.ocoOrganizationId?.toLowerCase() ?? null;
  let consentId: string | null = null;
  let newConsent: NewConsent | undefined;
  if (ocoId) {
    await requireOco(ctx, ocoId);
    const client = await ctx.loaders.client.load(current.clientId);
    if (!client) throw notFound('WlzIndicatieItem');
    if (v.consent) {
      if (v.consent.validUntil && v.consent.validUntil.getTime() <= ctx.now.getTime()) {
        throw badInput('input.consent.validUntil', 'input.consent.validUntil must lie in the future.');
      }
      // Recorded the way every consent is (recordConsent's checks), in the same transaction as the choice.
      const parsed = parseInput(
        recordConsentSchema,
        {
          clientId: client.id,
          receivingOrganizationId: ocoId,
          categories: [...HANDOVER_CONSENT_CATEGORIES],
          purpose: 'WARM_HANDOVER',
          validUntil: v.consent.validUntil ?? null,
          givenBy: v.consent.givenBy,
          representativeId: v.consent.givenBy === 'REPRESENTATIVE' ? (v.consent.representativeId ?? null) : null,
          recordedHow: v.consent.recordedHow,
        },
        'input.consent',
      );
      newConsent = consentToRecord(ctx, p, client, parsed, 'input.consent');
      consentId = newConsent.id ?? null;
    } else {
      const existing = existingHandoverConsent(ctx, await ctx.loaders.consentsByClient.load(current.clientId), p, ocoId);
      if (!existing) throw badInput('input.consent', "The choice OCO needs the client's consent for the handover: record it in input.consent.");
      consentId = existing.id;
    }
  }
  const set = {
    choice: v.choice,
    choiceOcoOrganizationId: ocoId,
    choiceOfferedAt: offeredAt,
    choiceRecordedByUserId: p.subject,
    choiceRecordedByName: p.name ?? null,
    choiceConsentId: consentId,
    status: doneWith({ contactedAt: current.contactedAt, choice: v.choice }),
  };
  return applyChange(ctx, p, current, expectedVersion, { action: 'CHOICE', set, consent: newConsent }, 'Mutation.recordIndicatieChoice');
}

const HANDOVER_STATES = new Set(['REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED']);

export async function linkHandover(ctx: Context, input: LinkIndicatieHandoverInput): Promise<WlzIndicatieItemRow> {
  const p = requireZorgkantoor(ctx, ['ZORGBEMIDDELAAR']);
  const expectedVersion = requireVersion(input.expectedVersion);
  const referralId = requireUuid(input.referralId, 'input.referralId');
  const current = await ownItem(ctx, p, input.id, 'input.id');
  if (current.choice !== 'OCO' || !current.choiceOcoOrganizationId) throw hubError(ErrorCode.INVALID_TRANSITION, 'Only the choice OCO has a warm handover.');
  if (current.handoverReferralId) throw hubError(ErrorCode.INVALID_TRANSITION, 'A warm handover is already linked.');
  const referrals = ctx.services.peerUrls.referrals;
  if (!referrals) throw hubError(ErrorCode.SUBGRAPH_UNAVAILABLE, 'The referrals service does not answer; try again later.');
  const answer = await callInternal(
    referrals,
    handoverFactsContract,
    { referralIds: [referralId] },
    { secret: ctx.services.internalSecret, meta: ctx.meta, timeoutMs: ctx.config.subgraphTimeoutMs },
  );
  const facts = answer.facts.find((f) => f.referralId === referralId);
  const matches =
    facts?.exists &&
    facts.fromOrganizationId === p.organizationId &&
    facts.clientId === current.clientId &&
    facts.toOrganizationId === current.choiceOcoOrganizationId &&
    // The referral keeps no consent when the OCO already supports the client itself (its own relation permits it).
    (facts.consentId === current.choiceConsentId || facts.consentId === null) &&
    facts.status !== null &&
    HANDOVER_STATES.has(facts.status);
  if (!matches) {
    throw badInput(
      'input.referralId',
      "input.referralId must be a sent warm handover of your organisation for this client to the chosen OCO, on the choice's consent.",
    );
  }
  return applyChange(ctx, p, current, expectedVersion, { action: 'HANDOVER', set: { handoverReferralId: referralId } }, 'Mutation.linkIndicatieHandover');
}

/** For the resolvers: the consent row of a choice, through the request's loader. */
export const choiceConsent = (ctx: Context, row: WlzIndicatieItemRow) => (row.choiceConsentId ? ctx.loaders.consent.load(row.choiceConsentId) : null);
