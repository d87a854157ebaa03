import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { handoverFactsContract, openHandoversContract } from '@hub/contracts';
import { badInput, conflict, ErrorCode, forbidden, hubError, notFound } from '@hub/errors';
import type { Principal } from '@hub/identity';
import { callInternal } from '@hub/service-kit';
import { lineFor } from '../access-log.ts';
import type { Context } from '../context.ts';
import { clientView, clientVisible, ownsClient, requesterOf, requireCareRole, trajectoryKnown, trajectoryView } from '../consent/access.ts';
import { consentAddresses, consentOpens } from '../consent/decide.ts';
import { findClientByBsnHash, type ClientRow, type ConsentRow, type TrajectoryRow } from '../db/queries.ts';
import { consentView } from './Consent.ts';
import type { NetworkMember } from '../db/schema.ts';
import { insertClient, insertConsent, insertTrajectory, revokeConsentIfVersion, updateClientIfVersion, updateTrajectoryIfVersion } from '../db/writes.ts';
import {
  closeTrajectorySchema,
  type networkMemberSchema,
  openTrajectorySchema,
  parseInput,
  recordConsentSchema,
  registerClientSchema,
  requireBsn,
  requireUuid,
  requireVersion,
  updateClientSchema,
  updateTrajectorySchema,
} from '../validation.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';

/** A duplicate key from a race between two registrations of the same BSN. */
function isUniqueViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * CONFLICT for a BSN that is already registered. The answer tells the caller that this BSN belongs to a client, so it is
 * a read of that client's identity and gets its SEARCH line, like findClientByBsn.
 */
function bsnTaken(ctx: Context, existingClientId: string | null) {
  if (existingClientId) {
    ctx.accessLog.record({
      field: 'Mutation.registerClient',
      clientId: existingClientId,
      action: 'SEARCH',
      outcome: 'GRANTED',
      categories: ['IDENTITY'],
      ground: 'BSN_REGISTRATION_CHECK',
    });
  }
  return hubError(ErrorCode.CONFLICT, 'A client with this BSN is already registered; find it with findClientByBsn.');
}

/** Keeps the ids of existing members stable; a given id must be one of the client's members. */
function networkWithIds(input: z.infer<typeof networkMemberSchema>[], existing: NetworkMember[], field: string): NetworkMember[] {
  return input.map((m, i) => {
    if (m.id && !existing.some((e) => e.id === m.id)) throw badInput(`${field}.${i}.id`, `${field}.${i}.id is not a member of this client's network.`);
    return {
      id: m.id ?? randomUUID(),
      name: m.name,
      role: m.role,
      contact: m.contact ?? { phone: null, email: null, address: null },
      mayActForClient: m.mayActForClient,
    };
  });
}

/**
 * The client, when the caller's organisation owns it; NOT_FOUND when it may not know it exists, FORBIDDEN when an
 * active consent of the client addresses it (it may read, not change).
 */
async function ownedClient(ctx: Context, p: Principal, id: string): Promise<ClientRow> {
  const row = await ctx.loaders.client.load(id);
  if (!row || !(await clientVisible(ctx, p, row.id, null))) throw notFound('Client');
  if (!(await ownsClient(ctx, p.organizationId, row.id))) throw forbidden('Only an organisation that supports the client may change this.');
  return row;
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
async function handoverConsent(ctx: Context, p: Principal, clientId: string, referralId: string): Promise<ConsentRow | null> {
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
  return consent;
}

interface Relation {
  ground: string;
  consentId: string | null;
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
  if (await ownsClient(ctx, p.organizationId, clientId)) return { ground: 'OWN_ORGANIZATION', consentId: null };
  if (handover) return { ground: `WARM_HANDOVER:${proof.handoverReferralId ?? ''}`, consentId: handover.id };
  if (proof.bsn && client.bsnHash !== null && client.bsnHash === ctx.services.bsn.hash(proof.bsn)) return { ground: 'BSN_PROOF', consentId: null };
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

export const Mutation: MutationResolvers = {
  async registerClient(_, args, ctx) {
    const p = requireCareRole(ctx);
    const v = parseInput(registerClientSchema, args.input, 'input');
    let bsnColumns: { bsnEncrypted: string | null; bsnHash: string | null } = { bsnEncrypted: null, bsnHash: null };
    if (v.bsn) {
      const bsn = requireBsn(v.bsn, 'input.bsn');
      const hash = ctx.services.bsn.hash(bsn);
      const existing = await findClientByBsnHash(ctx.db, hash);
      if (existing) throw bsnTaken(ctx, existing.id);
      bsnColumns = { bsnEncrypted: ctx.services.bsn.encrypt(bsn), bsnHash: hash };
    }
    const id = randomUUID();
    const network = networkWithIds(v.network ?? [], [], 'input.network');
    const categories = ['IDENTITY', ...(v.contact || v.preferredContactChannel ? ['CONTACT'] : []), ...(network.length ? ['NETWORK'] : [])];
    try {
      const row = await insertClient(
        ctx.db,
        {
          id,
          ...bsnColumns,
          givenName: v.name.givenName,
          namePrefix: v.name.namePrefix,
          familyName: v.name.familyName,
          dateOfBirth: v.dateOfBirth,
          gemeenteCode: v.gemeenteCode,
          contact: v.contact ?? {},
          preferredContactChannel: v.preferredContactChannel ?? null,
          network,
          registeredByOrganizationId: p.organizationId,
        },
        lineFor(ctx, p, { clientId: id, action: 'CREATE', outcome: 'GRANTED', categories, ground: 'OWN_ORGANIZATION', field: 'Mutation.registerClient' }),
      );
      return { client: clientView(row, 'INTEGRATED_SUPPORT') };
    } catch (error) {
      if (isUniqueViolation(error)) {
        const winner = bsnColumns.bsnHash ? await findClientByBsnHash(ctx.db, bsnColumns.bsnHash) : null;
        throw bsnTaken(ctx, winner?.id ?? null);
      }
      throw error;
    }
  },

  async updateClient(_, args, ctx) {
    const p = requireCareRole(ctx);
    const { id: rawId, expectedVersion: version, ...edits } = args.input;
    const id = requireUuid(rawId, 'input.id');
    const expectedVersion = requireVersion(version);
    const v = parseInput(updateClientSchema, edits, 'input');
    const current = await ownedClient(ctx, p, id);
    const changes: Partial<ClientRow> = {};
    const categories = new Set<string>();
    if (v.name) {
      Object.assign(changes, { givenName: v.name.givenName, namePrefix: v.name.namePrefix, familyName: v.name.familyName });
      categories.add('IDENTITY');
    }
    if (v.dateOfBirth) {
      changes.dateOfBirth = v.dateOfBirth;
      categories.add('IDENTITY');
    }
    if (v.gemeenteCode) {
      changes.gemeenteCode = v.gemeenteCode;
      categories.add('IDENTITY');
    }
    if (v.contact) {
      changes.contact = v.contact;
      categories.add('CONTACT');
    }
    if (v.preferredContactChannel) {
      changes.preferredContactChannel = v.preferredContactChannel;
      categories.add('CONTACT');
    }
    if (v.network) {
      changes.network = networkWithIds(v.network, current.network, 'input.network');
      categories.add('NETWORK');
    }
    const row = await updateClientIfVersion(
      ctx.db,
      id,
      expectedVersion,
      changes,
      lineFor(ctx, p, {
        clientId: id,
        action: 'UPDATE',
        outcome: 'GRANTED',
        categories: [...categories],
        ground: 'OWN_ORGANIZATION',
        field: 'Mutation.updateClient',
      }),
    );
    if (!row) throw conflict('Client');
    return { client: clientView(row, 'INTEGRATED_SUPPORT') };
  },

  async openTrajectory(_, args, ctx) {
    const p = requireCareRole(ctx);
    const v = parseInput(openTrajectorySchema, args.input, 'input');
    // Everything about the input is checked before the client is looked up, so no answer depends on whether it exists.
    const bsn = v.bsn ? requireBsn(v.bsn, 'input.bsn') : null;
    if (v.wlz && v.legalDomain !== 'WLZ') throw badInput('input.wlz', 'Wlz data belongs to WLZ trajectories only.');
    const clientId = v.clientId.toLowerCase();
    const relation = await relationWith(ctx, p, clientId, { bsn, handoverReferralId: v.handoverReferralId?.toLowerCase() ?? null });
    if (!relation) throw notFound('Client');
    const id = randomUUID();
    const row = await insertTrajectory(
      ctx.db,
      {
        id,
        clientId,
        organizationId: p.organizationId,
        counsellor: v.counsellor
          ? { userId: v.counsellor.userId, name: v.counsellor.name, formality: v.counsellor.formality }
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
    return { trajectory: trajectoryView(row, 'INTEGRATED_SUPPORT') };
  },

  async updateTrajectory(_, args, ctx) {
    const p = requireCareRole(ctx);
    const { id: rawId, expectedVersion: version, ...edits } = args.input;
    const id = requireUuid(rawId, 'input.id');
    const expectedVersion = requireVersion(version);
    const v = parseInput(updateTrajectorySchema, edits, 'input');
    const current = await ownedTrajectory(ctx, p, id);
    requireOpen(current);
    if (v.wlz && current.legalDomain !== 'WLZ') throw badInput('input.wlz', 'Wlz data belongs to WLZ trajectories only.');
    const changes: Partial<TrajectoryRow> = {};
    const categories = new Set<string>();
    if (v.journeyPhase) {
      changes.journeyPhase = v.journeyPhase;
      categories.add('HANDOVER');
    }
    if (v.counsellor) {
      changes.counsellor = { userId: v.counsellor.userId, name: v.counsellor.name, formality: v.counsellor.formality };
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
    return { trajectory: trajectoryView(row, 'INTEGRATED_SUPPORT') };
  },

  async closeTrajectory(_, args, ctx) {
    const p = requireCareRole(ctx);
    const { id: rawId, expectedVersion: version, ...closing } = args.input;
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
    return { trajectory: trajectoryView(row, 'INTEGRATED_SUPPORT') };
  },

  async recordConsent(_, args, ctx) {
    const p = requireCareRole(ctx);
    const v = parseInput(recordConsentSchema, args.input, 'input');
    const client = await ownedClient(ctx, p, v.clientId.toLowerCase());
    const address = {
      receivingOrganizationId: v.receivingOrganizationId?.toLowerCase() ?? null,
      receivingOrganizationType: v.receivingOrganizationType ?? null,
      receivingRegionCode: v.receivingRegionCode ?? null,
    };
    // A consent shares the recorder's data with someone else; one that reaches the recorder itself would only serve to
    // dress up its own access, so it is refused whichever way it is addressed.
    if (consentAddresses(address, requesterOf(p))) {
      const field = address.receivingOrganizationId ? 'input.receivingOrganizationId' : 'input.receivingOrganizationType';
      throw badInput(field, 'A consent cannot address the organisation that records it.');
    }
    if (v.representativeId && !client.network.some((m) => m.id === v.representativeId?.toLowerCase() && m.mayActForClient)) {
      throw badInput('input.representativeId', "input.representativeId must name a member of the client's network who may act for the client.");
    }
    const id = randomUUID();
    const row = await insertConsent(
      ctx.db,
      {
        id,
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
      },
      lineFor(ctx, p, {
        clientId: client.id,
        action: 'CREATE',
        outcome: 'GRANTED',
        categories: ['CONSENT'],
        ground: 'OWN_ORGANIZATION',
        field: 'Mutation.recordConsent',
      }),
    );
    return { consent: consentView(row, 'INTEGRATED_SUPPORT') };
  },

  /**
   * The organisation that recorded the consent (the holder) revokes it for the client; the organisation it names may
   * give up a consent that is active for it. Anyone else gets NOT_FOUND, as for an unknown id.
   */
  async revokeConsent(_, args, ctx) {
    const p = requireCareRole(ctx);
    const id = requireUuid(args.input.id, 'input.id');
    const expectedVersion = requireVersion(args.input.expectedVersion);
    const current = await ctx.loaders.consent.load(id);
    if (!current) throw notFound('Consent');
    const holder = current.recordedByOrganizationId === p.organizationId;
    const receiver = current.receivingOrganizationId === p.organizationId && consentOpens(current, requesterOf(p), current.purpose, ctx.now);
    if (!holder && !receiver) throw notFound('Consent');
    if (current.revokedAt) throw hubError(ErrorCode.INVALID_TRANSITION, 'The consent is already revoked.');
    const row = await revokeConsentIfVersion(
      ctx.db,
      id,
      expectedVersion,
      { at: ctx.now, byUserId: p.subject },
      lineFor(ctx, p, {
        clientId: current.clientId,
        action: 'UPDATE',
        outcome: 'GRANTED',
        categories: ['CONSENT'],
        ground: holder ? 'OWN_ORGANIZATION' : `CONSENT:${current.id}`,
        field: 'Mutation.revokeConsent',
      }),
    );
    if (!row) throw conflict('Consent');
    return { consent: consentView(row, 'INTEGRATED_SUPPORT') };
  },
};
