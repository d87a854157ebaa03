import { createHash, randomUUID } from 'node:crypto';
import type { HubConfig } from '@hub/config';
import type { Db } from '@hub/db';
import { badInput, conflict, consentRequired, ErrorCode, forbidden, hubError, notFound } from '@hub/errors';
import type { Principal } from '@hub/identity';
import type { Context } from './context.ts';
import { requireReferralWorker } from './context.ts';
import { addWorkingDays, amsterdamDate, daysBetween } from './deadlines.ts';
import { insertOutbox } from './db/outbox.ts';
import { findReferralByIdempotencyKey, type NewOutboxRow, type NewReferral, type ReferralRow } from './db/queries.ts';
import { insertReferralOnce, insertTimelineEvent, updateReferralIfVersion } from './db/writes.ts';
import { accessLogEntry, accessLogRow, gapEventRow, notificationRow } from './events.ts';
import { handoverAnswered, handoverReceived } from './notification-events.ts';
import { containsBsn } from '@hub/domain';
import {
  actingParty,
  decideTransition,
  isGapReason,
  isWithinOrganization,
  LIGHT_HANDOVER_KIND,
  MUTATION_OF_ACTION,
  senderStaysInvolved,
  type Party,
  type ReferralStatus,
  type TransitionAction,
} from './transitions.ts';
import {
  acceptSchema,
  completeSchema,
  createReferralSchema,
  meetingOutcomeSchema,
  parseInput,
  planMeetingSchema,
  regiehouderSchema,
  rejectSchema,
  transitionSchema,
  type CreateReferralInput,
} from './validation.ts';

/**
 * Every change to a referral goes through here: who may (the transition table), the version check, consent at
 * sending, and one transaction that writes the change, its timeline entry and its outbox rows together.
 */

const invalidTransition = (action: string, status: string) =>
  hubError(ErrorCode.INVALID_TRANSITION, `${action} is not possible while the referral is ${status}.`, { details: { status } });

/**
 * Contract 1 at the moment of sending: HANDOVER for the receiving organisation, purpose WARM_HANDOVER, in a consent the
 * sender recorded (a consent shares its recorder's data only).
 */
async function requireHandoverConsent(
  ctx: Context,
  clientId: string,
  fromOrganizationId: string,
  toOrganizationId: string,
  consentId: string | null | undefined,
) {
  const decision = await ctx.loaders.consent.load({
    clientId,
    organizationId: toOrganizationId,
    category: 'HANDOVER',
    purpose: 'WARM_HANDOVER',
    consentId: consentId ?? undefined,
    holderOrganizationId: fromOrganizationId,
  });
  if (!decision.permit) {
    // Nothing was sent: the refusal comes before the transaction.
    throw consentRequired('HANDOVER', 'WARM_HANDOVER', decision.reason);
  }
  return decision.consentId;
}

function deadlinesOnSending(config: HubConfig, kind: CreateReferralInput['kind'], now: Date) {
  return { sentAt: now, respondBy: addWorkingDays(amsterdamDate(now), config.referrals.respondDays[kind]) };
}

function requestHash(input: CreateReferralInput): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...input, idempotencyKey: undefined }))
    .digest('hex');
}

function sameRequest(existing: ReferralRow, hash: string): ReferralRow {
  if (existing.requestHash !== hash) {
    throw badInput('input.idempotencyKey', 'This idempotencyKey was already used for a different referral.');
  }
  return existing;
}

/**
 * The service of a referral, checked against the sociale kaart: it must exist and belong to the receiving
 * organisation. A TO_SERVICE referral from an independent cliëntondersteuner (an OCO) to a service of its own
 * organisation is flagged as a possible conflict of interest and needs a note saying why (10–2000 characters, no BSN);
 * a note anywhere else is refused, so no free text is stored without a reason.
 */
async function independenceOf(ctx: Context, p: Principal, input: CreateReferralInput): Promise<{ independenceFlag: boolean; independenceNote: string | null }> {
  if (input.serviceId) {
    const service = await ctx.loaders.serviceFacts.load(input.serviceId);
    if (!service?.exists) throw badInput('input.serviceId', 'Unknown service: choose one from the sociale kaart.');
    if (service.organizationId !== input.toOrganizationId) {
      throw badInput('input.serviceId', 'The service belongs to another organisation than toOrganizationId.');
    }
  }
  const flagged = input.kind === 'TO_SERVICE' && p.organizationType === 'OCO' && input.toOrganizationId === p.organizationId;
  const note = input.independenceNote ?? null;
  if (!flagged) {
    if (note !== null) {
      throw badInput('input.independenceNote', 'A note on independence goes only with a referral to a service of your own organisation by an OCO.');
    }
    return { independenceFlag: false, independenceNote: null };
  }
  if (note === null) {
    throw badInput('input.independenceNote', 'Explain why you refer to a service of your own organisation (10 to 2000 characters).');
  }
  if (containsBsn(note)) throw badInput('input.independenceNote', 'The note must not contain a BSN.');
  return { independenceFlag: true, independenceNote: note };
}

export async function createReferral(ctx: Context, raw: unknown): Promise<ReferralRow> {
  const p = requireReferralWorker(ctx);
  const input = parseInput(createReferralSchema, raw, 'input');
  // Within one organisation only to one of its own services (checked against the sociale kaart below).
  if (input.toOrganizationId === p.organizationId && input.kind !== 'TO_SERVICE') {
    throw badInput('input.toOrganizationId', 'A referral goes to another organisation, or to a service of your own.');
  }
  // The hub knows an informal cliëntondersteuner by the organisation: volunteers work for a welfare organisation.
  if (input.kind === LIGHT_HANDOVER_KIND && p.organizationType !== 'WELZIJN') {
    throw badInput('input.kind', 'A light handover (INFORMAL_TO_FORMAL) is sent by an informal cliëntondersteuner of a welfare organisation (WELZIJN).');
  }
  const hash = requestHash(input);
  // A retry after success answers at once, without asking the cases subgraph again.
  const earlier = await findReferralByIdempotencyKey(ctx.db, p.organizationId, input.idempotencyKey);
  if (earlier) return sameRequest(earlier, hash);

  const [trajectory, client] = await Promise.all([ctx.loaders.trajectoryFacts.load(input.sourceTrajectoryId), ctx.loaders.clientFacts.load(input.clientId)]);
  if (!trajectory?.exists || trajectory.organizationId !== p.organizationId || trajectory.clientId !== input.clientId) {
    throw badInput('input.sourceTrajectoryId', "sourceTrajectoryId must be your organisation's trajectory for this client.");
  }
  if (trajectory.status !== 'OPEN') throw badInput('input.sourceTrajectoryId', 'The source trajectory is closed.');
  if (!client?.exists) throw badInput('input.clientId', 'Unknown client.');
  const independence = await independenceOf(ctx, p, input);
  const withinOrganization = input.toOrganizationId === p.organizationId;
  const consentId =
    input.send && !withinOrganization
      ? await requireHandoverConsent(ctx, input.clientId, p.organizationId, input.toOrganizationId, input.consentId)
      : input.consentId;

  const now = ctx.now;
  const row: NewReferral = {
    id: randomUUID(),
    kind: input.kind,
    status: input.send ? 'REQUESTED' : 'DRAFT',
    urgency: input.urgency,
    clientId: input.clientId,
    sourceTrajectoryId: input.sourceTrajectoryId,
    fromOrganizationId: p.organizationId,
    fromUserId: p.subject,
    fromUserName: p.name ?? null,
    toOrganizationId: input.toOrganizationId,
    toUserId: input.toProfessional?.id ?? null,
    toUserName: input.toProfessional?.name ?? null,
    serviceId: input.serviceId ?? null,
    ...independence,
    supportForms: input.supportFormsRequested,
    targetGroup: input.targetGroup ?? null,
    lifeDomain: input.lifeDomain ?? null,
    legalDomain: trajectory.legalDomain,
    wlzSector: trajectory.wlzSector,
    gemeenteCode: client.gemeenteCode,
    zorgkantoorregioCode: p.zorgkantoorregio ?? null,
    consentId: consentId ?? null,
    question: input.question,
    handoverSummary: input.handoverSummary,
    // The person as the sender's own trajectory names them: a referral cannot name someone of another trajectory.
    continuingCounsellor: input.sameCounsellorContinues ? trajectory.counsellor : null,
    ...(input.send ? deadlinesOnSending(ctx.config, input.kind, now) : {}),
    idempotencyKey: input.idempotencyKey,
    requestHash: hash,
    statusChangedAt: now,
    createdAt: now,
    updatedAt: now,
  };
  const created = await ctx.db.transaction(async (tx) => {
    const inserted = await insertReferralOnce(tx, row);
    if (!inserted) return null;
    await insertTimelineEvent(tx, {
      id: randomUUID(),
      referralId: inserted.id,
      occurredAt: now,
      action: 'CREATE',
      fromStatus: null,
      toStatus: inserted.status,
      actorUserId: p.subject,
      actorUserName: p.name ?? null,
      actorOrganizationId: p.organizationId,
      version: inserted.version,
    });
    const entry = accessLogEntry(
      p,
      ctx.meta,
      {
        action: 'CREATE',
        outcome: 'GRANTED',
        clientId: inserted.clientId,
        dataCategories: ['HANDOVER', 'QUESTION'],
        authorizationGround: 'OWN_ORGANIZATION',
        field: 'Mutation.createReferral',
      },
      now,
    );
    await insertOutbox(tx, [
      notificationRow(inserted, 'CREATE', null, now),
      accessLogRow(entry, now),
      ...(inserted.status === 'REQUESTED' ? [handoverReceived(inserted, now)] : []),
    ]);
    return inserted;
  });
  if (!created) {
    // Someone with the same key won the race: the unique constraint let exactly one insert through.
    const winner = await findReferralByIdempotencyKey(ctx.db, p.organizationId, input.idempotencyKey);
    if (!winner) throw new Error('idempotency conflict without a winner');
    return sameRequest(winner, hash);
  }
  ctx.relay.kick();
  ctx.loaders.referral.prime(created.id, created);
  return created;
}

interface Prepared {
  changes: Partial<NewReferral>;
  reasonCode?: string | null | undefined;
  note?: string | null | undefined;
  /** Extra outbox rows from the updated row (gap events). */
  extra?: (updated: ReferralRow) => NewOutboxRow[];
}

/**
 * Writes one transition: the optimistic-lock update, the timeline entry and the outbox rows in one transaction.
 * Returns null (and writes nothing) when the version no longer matches. Exported for the outbox tests.
 */
export async function writeTransition(
  db: Db,
  args: {
    referral: ReferralRow;
    expectedVersion: number;
    action: TransitionAction;
    to: ReferralStatus;
    actor: Principal;
    party: Exclude<Party, 'OTHER'>;
    prepared: Prepared;
    meta: Context['meta'];
    now: Date;
    /** The coordinate the access-log line names; default the mutation of the action (another for an answer link). */
    field?: string | undefined;
  },
): Promise<ReferralRow | null> {
  const { referral: before, action, to, actor, prepared, now } = args;
  const statusChanges = to !== before.status ? { status: to, statusChangedAt: now } : {};
  const updated = await updateReferralIfVersion(db, before.id, args.expectedVersion, { ...prepared.changes, ...statusChanges });
  if (!updated) return null;
  await insertTimelineEvent(db, {
    id: randomUUID(),
    referralId: updated.id,
    occurredAt: now,
    action,
    fromStatus: before.status,
    toStatus: updated.status,
    actorUserId: actor.subject,
    actorUserName: actor.name ?? null,
    actorOrganizationId: actor.organizationId,
    reasonCode: prepared.reasonCode ?? null,
    note: prepared.note ?? null,
    version: updated.version,
  });
  const entry = accessLogEntry(
    actor,
    args.meta,
    {
      action: 'UPDATE',
      outcome: 'GRANTED',
      clientId: updated.clientId,
      dataCategories: ['HANDOVER'],
      authorizationGround: args.party === 'SENDER' || isWithinOrganization(updated) ? 'OWN_ORGANIZATION' : 'CONSENT',
      consentId: args.party === 'RECEIVER' && !isWithinOrganization(updated) ? updated.consentId : undefined,
      field: args.field ?? `Mutation.${MUTATION_OF_ACTION[action]}`,
    },
    now,
  );
  await insertOutbox(db, [
    notificationRow(updated, action, before.status, now),
    accessLogRow(entry, now),
    ...notificationEventsOf(action, updated, now),
    ...(prepared.extra?.(updated) ?? []),
  ]);
  return updated;
}

/** The notification events for people that a transition produces (most produce none). */
function notificationEventsOf(action: TransitionAction, updated: ReferralRow, now: Date): NewOutboxRow[] {
  if (action === 'SEND') return [handoverReceived(updated, now)];
  if (action === 'ACCEPT') return [handoverAnswered(updated, 'HANDOVER_ACCEPTED', now)];
  if (action === 'REJECT') return [handoverAnswered(updated, 'HANDOVER_REJECTED', now)];
  return [];
}

async function transition(
  ctx: Context,
  action: TransitionAction,
  base: { id: string; expectedVersion: number; note?: string | null | undefined },
  prepare: (r: ReferralRow, p: Principal) => Promise<Prepared> | Prepared,
): Promise<ReferralRow> {
  const p = requireReferralWorker(ctx);
  const current = await ctx.loaders.referral.load(base.id);
  if (!current) throw notFound('Referral');
  const party = actingParty(action, p.organizationId, current);
  if (party === 'OTHER') throw forbidden('Your organisation is not a party to this referral.');
  if (current.version !== base.expectedVersion) throw conflict('The referral');
  const decision = decideTransition(action, current.status as ReferralStatus, party);
  if (!decision.allowed) {
    if (decision.code === 'FORBIDDEN') throw forbidden(`The ${party === 'SENDER' ? 'receiver' : 'sender'} takes this step, not you.`);
    throw invalidTransition(action, current.status);
  }
  const prepared = await prepare(current, p);
  const updated = await ctx.db.transaction(async (tx) => {
    const result = await writeTransition(tx, {
      referral: current,
      expectedVersion: base.expectedVersion,
      action,
      to: decision.to,
      actor: p,
      party,
      prepared: { note: base.note, ...prepared },
      meta: ctx.meta,
      now: ctx.now,
    });
    // Thrown inside the transaction so that nothing of the losing change is kept.
    if (!result) throw conflict('The referral');
    return result;
  });
  ctx.relay.kick();
  ctx.loaders.referral.clear(updated.id).prime(updated.id, updated);
  ctx.loaders.timeline.clear(updated.id);
  return updated;
}

type Raw = Record<string, unknown>;

export const sendReferral = async (ctx: Context, raw: Raw) => {
  const i = parseInput(transitionSchema, raw, 'input');
  return transition(ctx, 'SEND', i, async (r) => ({
    changes: {
      consentId: isWithinOrganization(r) ? r.consentId : await requireHandoverConsent(ctx, r.clientId, r.fromOrganizationId, r.toOrganizationId, r.consentId),
      ...deadlinesOnSending(ctx.config, r.kind as CreateReferralInput['kind'], ctx.now),
    },
  }));
};

export const acceptReferral = (ctx: Context, raw: Raw) => {
  const i = parseInput(acceptSchema, raw, 'input');
  return transition(ctx, 'ACCEPT', i, (r, p) => {
    const named = i.professional ?? (r.toUserId ? null : { id: p.subject, name: p.name ?? null });
    return {
      changes: {
        startBy: addWorkingDays(amsterdamDate(ctx.now), ctx.config.referrals.startDays),
        ...(named ? { toUserId: named.id, toUserName: named.name ?? null } : {}),
        zorgkantoorregioCode: r.zorgkantoorregioCode ?? p.zorgkantoorregio ?? null,
      },
    };
  });
};

export const rejectReferral = (ctx: Context, raw: Raw) => {
  const i = parseInput(rejectSchema, raw, 'input');
  if (i.expectedWaitDays != null && i.reason !== 'WAITLIST') {
    throw badInput('input.expectedWaitDays', 'expectedWaitDays goes with reason WAITLIST only.');
  }
  return transition(ctx, 'REJECT', i, (r, p) => ({
    changes: { rejectionReason: i.reason, rejectionNote: i.note ?? null, expectedWaitDays: i.expectedWaitDays ?? null },
    reasonCode: i.reason,
    extra: (updated) => {
      if (!isGapReason(i.reason)) return [];
      // The wait the client faces: what the receiver expects for a waitlist, else how long the referral waited.
      const waited = r.sentAt ? daysBetween(amsterdamDate(r.sentAt), amsterdamDate(ctx.now)) : null;
      return [gapEventRow(updated, 'REJECTED', i.reason, i.expectedWaitDays ?? waited, p.zorgkantoorregio ?? null, ctx.now)];
    },
  }));
};

const simple = (action: TransitionAction) => (ctx: Context, raw: Raw) =>
  transition(ctx, action, parseInput(transitionSchema, raw, 'input'), () => ({ changes: {} }));

export const cancelReferral = simple('CANCEL');
export const startReferral = simple('START');
export const holdReferral = simple('HOLD');
export const resumeReferral = simple('RESUME');
export const failReferral = simple('FAIL');
export const markReferralEnteredInError = simple('MARK_ENTERED_IN_ERROR');

export const releaseReferral = (ctx: Context, raw: Raw) =>
  transition(ctx, 'RELEASE', parseInput(transitionSchema, raw, 'input'), (r) => {
    if (r.releasedAt) throw invalidTransition('RELEASE', 'already released');
    return { changes: { releasedAt: ctx.now } };
  });

export const completeReferral = (ctx: Context, raw: Raw) => {
  const i = parseInput(completeSchema, raw, 'input');
  // A light handover keeps regie with the informal supporter who called the professional in, unless changed.
  return transition(ctx, 'COMPLETE', i, (r) => ({ changes: { regiehouder: i.regiehouder ?? (senderStaysInvolved(r) ? 'SENDER' : 'RECEIVER') } }));
};

export const planJointMeeting = (ctx: Context, raw: Raw) => {
  const i = parseInput(planMeetingSchema, raw, 'input');
  return transition(ctx, 'PLAN_JOINT_MEETING', i, () => ({
    // Re-planning starts the meeting afresh: an outcome of an earlier meeting no longer applies.
    changes: { meetingPlannedAt: i.plannedAt, meetingParticipants: i.participants, meetingHeldAt: null, meetingOutcome: null, meetingOutcomeNotes: null },
  }));
};

export const recordJointMeetingOutcome = (ctx: Context, raw: Raw) => {
  const i = parseInput(meetingOutcomeSchema, raw, 'input');
  return transition(ctx, 'RECORD_JOINT_MEETING_OUTCOME', i, (r) => {
    if (!r.meetingPlannedAt) throw invalidTransition('RECORD_JOINT_MEETING_OUTCOME', 'without a planned joint meeting');
    return {
      changes: { meetingHeldAt: i.heldAt ?? ctx.now, meetingOutcome: i.outcome, meetingOutcomeNotes: i.outcomeNotes ?? null },
      reasonCode: i.outcome,
    };
  });
};

export const setRegiehouder = (ctx: Context, raw: Raw) => {
  const i = parseInput(regiehouderSchema, raw, 'input');
  return transition(ctx, 'SET_REGIEHOUDER', i, () => ({ changes: { regiehouder: i.regiehouder }, reasonCode: i.regiehouder }));
};
