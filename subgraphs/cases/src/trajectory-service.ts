import { randomUUID } from 'node:crypto';
import { type AccessLogCategory, type CounsellorContact, handoverFactsContract, openHandoversContract } from '@hub/contracts';
import { amsterdamDate } from '@hub/domain';
import { badInput, conflict, ErrorCode, forbidden, hubError, notFound } from '@hub/errors';
import { hasRole, type Principal } from '@hub/identity';
import {
  callInternal,
  connectionFromList,
  connectionFromRows,
  decodeTimestampCursor,
  encodeCursor,
  mapConnection,
  type PageArgs,
  pageSize,
  requirePageArgs,
} from '@hub/service-kit';
import { lineFor } from './access-log.ts';
import type { Context } from './context.ts';
import { discloseTrajectory, ownsClient, requesterOf, requireCareRole, trajectoryKnown, trajectoryView, type TrajectoryView } from './consent/access.ts';
import { consentOpens, type ConsentPurpose } from './consent/decide.ts';
import { listTrajectoriesOfOrganization, type ConsentRow, type TrajectoryRow } from './db/queries.ts';
import type { Counsellor } from './db/schema.ts';
import { insertTrajectory, updateTrajectoryIfVersion } from './db/writes.ts';
import type {
  CloseTrajectoryInput,
  OpenTrajectoryInput,
  QueryMyTrajectoriesArgs,
  RecordWijsplichtInput,
  SetTrajectoryCounsellorInput,
  UpdateTrajectoryInput,
} from './generated/resolvers-types.ts';
import {
  closeTrajectorySchema,
  openTrajectorySchema,
  parseInput,
  recordWijsplichtSchema,
  requireBsn,
  requireUuid,
  requireVersion,
  setTrajectoryCounsellorSchema,
  updateTrajectorySchema,
} from './validation.ts';

/**
 * Support trajectories: which ones an organisation may see, and every change to one: who may (an owning organisation
 * for a new trajectory, the trajectory's own organisation for a change), the version check, and one transaction that
 * writes the change and its access-log line together.
 */

/** A trajectory as the caller may see it under this purpose; NOT_FOUND when it may not know it exists. */
export async function readTrajectory(ctx: Context, rawId: string, purpose: ConsentPurpose): Promise<TrajectoryView> {
  const p = requireCareRole(ctx);
  const id = requireUuid(rawId, 'id');
  const row = await ctx.loaders.trajectory.load(id);
  const view = row ? await discloseTrajectory(ctx, p, row, purpose, 'Query.trajectory') : null;
  if (!view) throw notFound('Trajectory');
  return view;
}

/**
 * The client's trajectories the caller may see, oldest first, a page at a time: its own, and another organisation's
 * through that organisation's active consent for this purpose. Each such disclosure is logged for the whole list, not
 * only the page: the list's totalCount discloses that they exist.
 */
export async function trajectoriesOfClient(ctx: Context, clientId: string, purpose: ConsentPurpose, page: PageArgs) {
  const p = requireCareRole(ctx);
  // Refused before anything is disclosed, so a refused page writes no access-log line.
  requirePageArgs(page);
  const all = await ctx.loaders.trajectoriesByClient.load(clientId);
  const views = await Promise.all(all.map((t) => discloseTrajectory(ctx, p, t, purpose, 'Client.trajectories')));
  const visible = views.filter((t) => t !== null).map((t) => t.row);
  return mapConnection(
    connectionFromList(visible, page, (t) => t.openedAt.toISOString()),
    (t) => trajectoryView(t, purpose),
  );
}

/** A trajectory's contact moments, newest first, a page at a time (the consent gate has decided the field already). */
export async function contactMomentsOf(ctx: Context, trajectoryId: string, page: PageArgs) {
  const moments = await ctx.loaders.contactMomentsByTrajectory.load(trajectoryId);
  return connectionFromList(moments, page, (m) => m.occurredAt.toISOString());
}

/** The caller's organisation's own trajectories (its caseload), newest first; reading them writes no line. */
export async function myTrajectories(ctx: Context, args: QueryMyTrajectoriesArgs) {
  const p = requireCareRole(ctx);
  const first = pageSize(args.first);
  const after = args.after ? decodeTimestampCursor(args.after) : null;
  const search = args.search == null ? null : args.search.trim();
  if (search !== null && (search.length < 2 || search.length > 100)) throw badInput('search', 'search must be 2 to 100 characters.');
  const rows = await listTrajectoriesOfOrganization(ctx.db, { organizationId: p.organizationId, status: args.status ?? null, search, limit: first + 1, after });
  const page = connectionFromRows(rows, first, (t) => encodeCursor(t.cursorKey, t.id), after !== null);
  // A search matches on the clients' names: each client it finds is logged, once per request.
  if (search !== null) {
    for (const t of page.nodes) {
      ctx.accessLog.record({
        field: 'Query.myTrajectories',
        clientId: t.clientId,
        action: 'SEARCH',
        outcome: 'GRANTED',
        categories: ['IDENTITY'],
        ground: 'OWN_ORGANIZATION',
      });
    }
  }
  return mapConnection(page, (t) => trajectoryView(t, 'INTEGRATED_SUPPORT'));
}

async function ownedTrajectory(ctx: Context, p: Principal, id: string): Promise<TrajectoryRow> {
  const row = await ctx.loaders.trajectory.load(id);
  if (!row || !(await trajectoryKnown(ctx, p, row))) throw notFound('Trajectory');
  if (row.organizationId !== p.organizationId) throw forbidden('Only the organisation that owns the trajectory may change it.');
  return row;
}

const requireOpen = (t: TrajectoryRow) => {
  if (t.status !== 'OPEN') throw hubError(ErrorCode.INVALID_TRANSITION, 'The trajectory is closed.');
};

/** Contract 5: referrals says how many warm handovers sent from the trajectory still block closing it. */
async function blockingHandovers(ctx: Context, trajectoryId: string): Promise<number> {
  const referrals = ctx.services.peerUrls.referrals;
  if (!referrals) return 0;
  const answer = await callInternal(
    referrals,
    openHandoversContract,
    { trajectoryIds: [trajectoryId] },
    {
      secret: ctx.services.internalSecret,
      meta: ctx.meta,
      timeoutMs: ctx.config.subgraphTimeoutMs,
    },
  );
  return answer.results.find((r) => r.trajectoryId === trajectoryId)?.blocking ?? 0;
}

/** Referral states in which the receiver has accepted the warm handover and not lost it since. */
const ACCEPTED_HANDOVER_STATUSES = new Set(['ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED']);

/**
 * The consent that lets the caller open its own trajectory as the receiver of a warm handover, or null. The referrals
 * subgraph says who sent the referral to whom for which client and in which state (contract 7); the consent it relies
 * on must be active now, for WARM_HANDOVER and HANDOVER, addressed to the caller and recorded by the sender.
 */
async function handoverConsent(ctx: Context, p: Principal, clientId: string, referralId: string): Promise<Handover | null> {
  const referrals = ctx.services.peerUrls.referrals;
  if (!referrals) return null;
  const answer = await callInternal(
    referrals,
    handoverFactsContract,
    { referralIds: [referralId] },
    {
      secret: ctx.services.internalSecret,
      meta: ctx.meta,
      timeoutMs: ctx.config.subgraphTimeoutMs,
    },
  );
  const facts = answer.facts.find((f) => f.referralId === referralId.toLowerCase());
  if (!facts?.exists || !facts.consentId || facts.clientId !== clientId || facts.toOrganizationId !== p.organizationId) return null;
  if (!facts.status || !ACCEPTED_HANDOVER_STATUSES.has(facts.status)) return null;
  const consent = await ctx.loaders.consent.load(facts.consentId);
  if (!consent || consent.clientId !== clientId || consent.recordedByOrganizationId !== facts.fromOrganizationId) return null;
  if (!consent.categories.includes('HANDOVER') || !consentOpens(consent, requesterOf(p), 'WARM_HANDOVER', ctx.now)) return null;
  return { consent, continuingCounsellor: facts.continuingCounsellor };
}

interface Handover {
  consent: ConsentRow;
  /** The sender's cliëntondersteuner who stays on, when the referral says so: the new trajectory's counsellor. */
  continuingCounsellor: CounsellorContact | null;
}

interface Relation {
  ground: string;
  consentId: string | null;
  continuingCounsellor: CounsellorContact | null;
}

/**
 * How the caller's organisation stands in a real relation with the client, which is what opening a trajectory (and so
 * becoming an owning organisation) needs: it owns the client already; it proves it knows the person by the BSN; or it
 * received a warm handover of the client that it accepted and whose consent is active now. A consent on its own is no
 * relation. Null (and a REFUSED line for a client that exists) otherwise.
 */
async function relationWith(
  ctx: Context,
  p: Principal,
  clientId: string,
  proof: { bsn: string | null; handoverReferralId: string | null },
): Promise<Relation | null> {
  // Asked whether or not the client exists, so an unknown id and another organisation's client take the same path.
  const handover = proof.handoverReferralId ? await handoverConsent(ctx, p, clientId, proof.handoverReferralId) : null;
  const client = await ctx.loaders.client.load(clientId);
  if (!client) return null;
  // An owner opening from a handover it received still takes the continuing cliëntondersteuner along.
  const continuingCounsellor = handover?.continuingCounsellor ?? null;
  if (await ownsClient(ctx, p.organizationId, clientId)) return { ground: 'OWN_ORGANIZATION', consentId: null, continuingCounsellor };
  if (handover) return { ground: `WARM_HANDOVER:${proof.handoverReferralId ?? ''}`, consentId: handover.consent.id, continuingCounsellor };
  if (proof.bsn && client.bsnHash !== null && ctx.services.bsn.matches(client.bsnHash, proof.bsn)) {
    return { ground: 'BSN_PROOF', consentId: null, continuingCounsellor: null };
  }
  ctx.accessLog.record({
    field: 'Mutation.openTrajectory',
    clientId,
    action: 'CREATE',
    outcome: 'REFUSED',
    categories: ['HANDOVER', 'QUESTION'],
    reason: 'NO_RELATION',
  });
  return null;
}

const counsellorOf = (c: Counsellor): Counsellor => ({
  userId: c.userId,
  name: c.name,
  formality: c.formality,
  workPhone: c.workPhone ?? null,
  workEmail: c.workEmail ?? null,
  availability: c.availability ?? null,
});

/**
 * Opens a trajectory owned by the caller's organisation, which so becomes an owning organisation of the client. Without
 * a relation with the client (see relationWith) the answer is NOT_FOUND, exactly as for an unknown client.
 */
export async function openTrajectory(ctx: Context, input: OpenTrajectoryInput): Promise<TrajectoryRow> {
  const p = requireCareRole(ctx);
  const v = parseInput(openTrajectorySchema, input, 'input');
  // Everything about the input is checked before the client is looked up, so no answer depends on whether it exists.
  const bsn = v.bsn ? requireBsn(v.bsn, 'input.bsn') : null;
  if (v.wlz && v.legalDomain !== 'WLZ') throw badInput('input.wlz', 'Wlz data belongs to WLZ trajectories only.');
  const clientId = v.clientId.toLowerCase();
  const relation = await relationWith(ctx, p, clientId, { bsn, handoverReferralId: v.handoverReferralId?.toLowerCase() ?? null });
  if (!relation) throw notFound('Client');
  const id = randomUUID();
  return insertTrajectory(
    ctx.db,
    {
      id,
      clientId,
      organizationId: p.organizationId,
      counsellor: v.counsellor
        ? counsellorOf(v.counsellor)
        : relation.continuingCounsellor
          ? relation.continuingCounsellor
          : { userId: p.subject, name: p.name ?? p.subject, formality: 'FORMAL' },
      legalDomain: v.legalDomain,
      journeyPhase: v.journeyPhase,
      hulpvraag: v.hulpvraag,
      lifeDomains: v.lifeDomains ?? [],
      targetGroups: v.targetGroups ?? [],
      supportForms: v.supportForms ?? [],
      wlz: v.wlz ?? null,
    },
    lineFor(ctx, p, {
      clientId,
      action: 'CREATE',
      outcome: 'GRANTED',
      categories: ['HANDOVER', 'QUESTION'],
      ground: relation.ground,
      consentId: relation.consentId,
      field: 'Mutation.openTrajectory',
    }),
  );
}

/** Changes an open trajectory of the caller's organisation; the line names the categories the change touched. */
export async function updateTrajectory(ctx: Context, input: UpdateTrajectoryInput): Promise<TrajectoryRow> {
  const p = requireCareRole(ctx);
  const { id: rawId, expectedVersion: version, ...edits } = input;
  const id = requireUuid(rawId, 'input.id');
  const expectedVersion = requireVersion(version);
  const v = parseInput(updateTrajectorySchema, edits, 'input');
  const current = await ownedTrajectory(ctx, p, id);
  requireOpen(current);
  if (v.wlz && current.legalDomain !== 'WLZ') throw badInput('input.wlz', 'Wlz data belongs to WLZ trajectories only.');
  const changes: Partial<TrajectoryRow> = {};
  const categories = new Set<AccessLogCategory>();
  if (v.journeyPhase) {
    changes.journeyPhase = v.journeyPhase;
    categories.add('HANDOVER');
  }
  if (v.counsellor) {
    changes.counsellor = counsellorOf(v.counsellor);
    categories.add('HANDOVER');
  }
  if (v.supportForms) {
    changes.supportForms = v.supportForms;
    categories.add('HANDOVER');
  }
  if (v.wlz) {
    changes.wlz = v.wlz;
    categories.add('HANDOVER');
  }
  if (v.targetGroups) changes.targetGroups = v.targetGroups;
  if (v.hulpvraag) {
    changes.hulpvraag = v.hulpvraag;
    categories.add('QUESTION');
  }
  if (v.lifeDomains) {
    changes.lifeDomains = v.lifeDomains;
    categories.add('QUESTION');
  }
  if (v.plan !== undefined && v.plan !== null) {
    changes.plan = v.plan;
    categories.add('PLAN');
  }
  if (v.goals) {
    changes.goals = v.goals.map((g, i) => {
      if (g.id && !current.goals.some((e) => e.id === g.id)) throw badInput(`input.goals.${i}.id`, `input.goals.${i}.id is not a goal of this trajectory.`);
      return { id: g.id ?? randomUUID(), description: g.description, status: g.status };
    });
    categories.add('PLAN');
  }
  const moments = (v.addContactMoments ?? []).map((m) => ({
    id: randomUUID(),
    trajectoryId: id,
    occurredAt: m.occurredAt,
    channel: m.channel,
    summary: m.summary,
    recordedByUserId: p.subject,
  }));
  if (moments.length) categories.add('CONTACT_MOMENTS');
  const row = await updateTrajectoryIfVersion(
    ctx.db,
    id,
    expectedVersion,
    changes,
    moments,
    lineFor(ctx, p, {
      clientId: current.clientId,
      action: 'UPDATE',
      outcome: 'GRANTED',
      categories: [...categories],
      ground: 'OWN_ORGANIZATION',
      field: 'Mutation.updateTrajectory',
    }),
  );
  if (!row) throw conflict('Trajectory');
  return row;
}

/** Closes an open trajectory with its outcomes, unless a warm handover sent from it is still open. */
export async function closeTrajectory(ctx: Context, input: CloseTrajectoryInput): Promise<TrajectoryRow> {
  const p = requireCareRole(ctx);
  const { id: rawId, expectedVersion: version, ...closing } = input;
  const id = requireUuid(rawId, 'input.id');
  const expectedVersion = requireVersion(version);
  const v = parseInput(closeTrajectorySchema, closing, 'input');
  const current = await ownedTrajectory(ctx, p, id);
  requireOpen(current);
  if (current.version !== expectedVersion) throw conflict('Trajectory');
  // Asked before the transaction: the referrals subgraph may share this database (one PGlite session).
  const blocking = await blockingHandovers(ctx, id);
  if (blocking > 0) {
    throw hubError(ErrorCode.INVALID_TRANSITION, 'A warm handover sent from this trajectory is still open; complete or release it first.', {
      details: { blockingHandovers: blocking },
    });
  }
  const row = await updateTrajectoryIfVersion(
    ctx.db,
    id,
    expectedVersion,
    {
      status: 'CLOSED',
      closedAt: new Date(),
      closeReason: v.reason,
      outcomes: { selfReliance: v.outcomes.selfReliance, ownNetworkUsed: v.outcomes.ownNetworkUsed, satisfaction: v.outcomes.satisfaction ?? null },
    },
    [],
    lineFor(ctx, p, {
      clientId: current.clientId,
      action: 'UPDATE',
      outcome: 'GRANTED',
      categories: ['HANDOVER', 'PLAN'],
      ground: 'OWN_ORGANIZATION',
      field: 'Mutation.closeTrajectory',
    }),
  );
  if (!row) throw conflict('Trajectory');
  return row;
}

/**
 * Names the vast gezicht of an open trajectory of the caller's organisation: the cliëntondersteuner with work telephone,
 * work e-mail and availability. The change and its access-log line (HANDOVER, the category of the counsellor) are
 * written together.
 */
export async function setTrajectoryCounsellor(ctx: Context, input: SetTrajectoryCounsellorInput): Promise<TrajectoryRow> {
  const p = requireCareRole(ctx);
  const id = requireUuid(input.id, 'input.id');
  const expectedVersion = requireVersion(input.expectedVersion);
  const v = parseInput(setTrajectoryCounsellorSchema, { counsellor: input.counsellor }, 'input');
  const current = await ownedTrajectory(ctx, p, id);
  requireOpen(current);
  const row = await updateTrajectoryIfVersion(
    ctx.db,
    id,
    expectedVersion,
    { counsellor: counsellorOf(v.counsellor) },
    [],
    lineFor(ctx, p, {
      clientId: current.clientId,
      action: 'UPDATE',
      outcome: 'GRANTED',
      categories: ['HANDOVER'],
      ground: 'OWN_ORGANIZATION',
      field: 'Mutation.setTrajectoryCounsellor',
    }),
  );
  if (!row) throw conflict('Trajectory');
  return row;
}

/** Legal domains of a Wmo melding: the gemeente's wijsplicht applies to these. */
const WMO_DOMAINS = new Set(['WMO_ALGEMENE_VOORZIENING', 'WMO_MAATWERKVOORZIENING']);

/**
 * Records the gemeente's wijsplicht on a Wmo melding (Wmo 2015 art. 2.3.2 lid 3): the professional (TOEGANG or
 * CLIENTONDERSTEUNER of the gemeente that owns the open Wmo trajectory) pointed the resident to free, independent
 * cliëntondersteuning on a day, and the resident's answer. Recording again replaces the earlier record.
 */
export async function recordWijsplicht(ctx: Context, input: RecordWijsplichtInput): Promise<TrajectoryRow> {
  const p = requireCareRole(ctx);
  if (p.organizationType !== 'GEMEENTE' || !hasRole(p, 'TOEGANG', 'CLIENTONDERSTEUNER')) {
    throw forbidden('Only TOEGANG or CLIENTONDERSTEUNER of a gemeente record the wijsplicht.');
  }
  const id = requireUuid(input.id, 'input.id');
  const expectedVersion = requireVersion(input.expectedVersion);
  const v = parseInput(recordWijsplichtSchema, { pointedOn: input.pointedOn, outcome: input.outcome, note: input.note }, 'input');
  const current = await ownedTrajectory(ctx, p, id);
  requireOpen(current);
  if (!WMO_DOMAINS.has(current.legalDomain)) throw badInput('input.id', 'The wijsplicht belongs to a Wmo trajectory (a Wmo melding).');
  if (v.pointedOn < amsterdamDate(current.openedAt)) throw badInput('input.pointedOn', 'input.pointedOn must not lie before the trajectory was opened.');
  const row = await updateTrajectoryIfVersion(
    ctx.db,
    id,
    expectedVersion,
    {
      wijsplicht: {
        pointedOn: v.pointedOn,
        pointedByUserId: p.subject,
        pointedByName: p.name ?? null,
        outcome: v.outcome,
        note: v.note,
        recordedAt: ctx.now.toISOString(),
      },
    },
    [],
    lineFor(ctx, p, {
      clientId: current.clientId,
      action: 'UPDATE',
      outcome: 'GRANTED',
      categories: ['HANDOVER'],
      ground: 'OWN_ORGANIZATION',
      field: 'Mutation.recordWijsplicht',
    }),
  );
  if (!row) throw conflict('Trajectory');
  return row;
}
