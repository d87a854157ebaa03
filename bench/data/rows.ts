import { createHash } from 'node:crypto';
import { deterministicUuid } from '@hub/domain';
import type { BsnCipher } from '../../subgraphs/cases/src/bsn-crypto.ts';
import type { PgTable } from 'drizzle-orm/pg-core';
import { accessLog, client, consent, contactMoment, trajectory } from '../../subgraphs/cases/src/db/schema.ts';
import { referral, referralEvent } from '../../subgraphs/referrals/src/db/schema.ts';
import type { CopyTarget } from './copy.ts';
import { NS, planClient, type BenchIds, type ClientPlan, type GapRecord, type ReferralPlan, type Staff, type TrajectoryPlan } from './plan.ts';
import { CONTACT_SUMMARIES, handoverSummary, referralQuestion } from './texts.ts';
import type { World } from './world.ts';

/**
 * Row builders: one per table, from the client plans, in the drizzle insert types of the subgraphs' own schemas.
 * A pass plans each client once and feeds the rows of several tables to copyMany; only one batch is in memory.
 */

export interface PassContext {
  world: World;
  ids: BenchIds;
  staff: Staff;
  /** Clients planned per COPY batch (about two thousand rows per table). */
  clientsPerBatch: number;
}

/** A referral's de-identified gap facts, kept for the signals step (the signals its gap events became). */
export interface GapSignalSource extends GapRecord {
  eventId: string;
  gemeenteCode: string;
  legalDomain: string;
  wlzSector: string | null;
  targetGroup: string | null;
  lifeDomain: string | null;
  organizationId: string;
}

/** Rows of one table built from a client plan; `add` appends this client's rows. */
export interface RowBuilder {
  target: CopyTarget;
  add(plan: ClientPlan, out: unknown[]): void;
}

function builder<T extends PgTable>(name: string, table: T, add: (plan: ClientPlan, out: T['$inferInsert'][]) => void): RowBuilder {
  return { target: { name, table }, add: (plan, out) => add(plan, out as T['$inferInsert'][]) };
}

/** Plans every client once and hands each builder's rows out in batches (one array per builder). */
export function* batchesOf(ctx: PassContext, builders: readonly RowBuilder[]): Generator<unknown[][]> {
  let outs: unknown[][] = builders.map(() => []);
  let pending = 0;
  const n = ctx.world.volumes.clients;
  for (let i = 0; i < n; i++) {
    const plan = planClient(ctx.world, ctx.ids, ctx.staff, i);
    for (let b = 0; b < builders.length; b++) builders[b]?.add(plan, outs[b] ?? []);
    if (++pending >= ctx.clientsPerBatch) {
      yield outs;
      outs = builders.map(() => []);
      pending = 0;
    }
  }
  if (pending) yield outs;
}

const at = (ms: number) => new Date(ms);
const atOrNull = (ms: number | null) => (ms === null ? null : new Date(ms));

export function clientRows(cipher: BsnCipher): RowBuilder {
  return builder('cases.client', client, (p, out) => {
    const registered = at(p.registeredAt);
    out.push({
      id: p.id,
      bsnEncrypted: cipher.encrypt(p.bsn),
      bsnHash: cipher.hash(p.bsn),
      givenName: p.givenName,
      namePrefix: p.namePrefix,
      familyName: p.familyName,
      dateOfBirth: p.dateOfBirth,
      gemeenteCode: p.gemeente.code,
      contact: { phone: `06-55${String(p.index % 1_000_000).padStart(6, '0')}`, email: `client${p.index}@example.org`, address: null },
      preferredContactChannel: p.contactChannel,
      network: p.network
        ? [{ id: p.network.id, name: p.network.name, role: p.network.role, contact: { phone: '06-55000000' }, mayActForClient: p.network.mayActForClient }]
        : [],
      registeredByOrganizationId: p.gemeenteOrganizationId,
      version: 1,
      createdAt: registered,
      updatedAt: registered,
    });
  });
}

function trajectoryRow(p: ClientPlan, t: TrajectoryPlan): typeof trajectory.$inferInsert {
  const lastChange = Math.max(t.openedAt, t.closedAt ?? 0, ...t.moments);
  return {
    id: t.id,
    clientId: p.id,
    organizationId: t.organizationId,
    counsellor: { userId: t.counsellor.userId, name: t.counsellor.name, formality: t.formality },
    legalDomain: t.legalDomain,
    journeyPhase: t.journeyPhase,
    hulpvraag: t.hulpvraag,
    lifeDomains: t.lifeDomains,
    targetGroups: t.targetGroups,
    supportForms: t.supportForms,
    goals: t.goals.map((g, k) => ({ id: deterministicUuid(NS, `goal:${p.index}:${t.kind}:${k}`), description: g.description, status: g.status })),
    plan: t.plan,
    wlz: t.wlz,
    status: t.closedAt === null ? 'OPEN' : 'CLOSED',
    openedAt: at(t.openedAt),
    closedAt: atOrNull(t.closedAt),
    closeReason: t.closeReason,
    outcomes: t.outcomes
      ? {
          selfReliance: t.lifeDomains.map((lifeDomain, k) => {
            const [start, end] = t.outcomes?.scores[k] ?? [2, 3];
            return { lifeDomain, start, end: Math.max(start, end) };
          }),
          ownNetworkUsed: t.outcomes.ownNetworkUsed,
          satisfaction: t.outcomes.satisfaction,
        }
      : null,
    // One update per batch of contact moments and one for closing, as the cases mutations count them.
    version: 1 + (t.moments.length > 0 ? 1 : 0) + (t.closedAt === null ? 0 : 1),
    createdAt: at(t.openedAt),
    updatedAt: at(lastChange),
  };
}

export function trajectoryRows(): RowBuilder {
  return builder('cases.trajectory', trajectory, (p, out) => {
    out.push(trajectoryRow(p, p.wmo));
    if (p.wlz) out.push(trajectoryRow(p, p.wlz));
  });
}

const MOMENT_CHANNELS = ['IN_PERSON', 'PHONE', 'PHONE', 'EMAIL', 'IN_PERSON', 'POST'];

export function contactMomentRows(): RowBuilder {
  return builder('cases.contact_moment', contactMoment, (p, out) => {
    for (const t of p.wlz ? [p.wmo, p.wlz] : [p.wmo]) {
      t.moments.forEach((ms, k) => {
        out.push({
          id: deterministicUuid(NS, `moment:${p.index}:${t.kind}:${k}`),
          trajectoryId: t.id,
          occurredAt: at(ms),
          channel: MOMENT_CHANNELS[(p.index + k) % MOMENT_CHANNELS.length] ?? 'PHONE',
          summary: CONTACT_SUMMARIES[(p.index * 3 + k) % CONTACT_SUMMARIES.length] ?? 'Contact gehad.',
          recordedByUserId: t.counsellor.userId,
          createdAt: at(ms + 15 * 60_000),
        });
      });
    }
  });
}

export function consentRows(): RowBuilder {
  return builder('cases.consent', consent, (p, out) => {
    for (const c of p.consents) {
      out.push({
        id: c.id,
        clientId: p.id,
        receivingOrganizationId: c.receivingOrganizationId,
        receivingOrganizationType: c.receivingOrganizationType,
        receivingRegionCode: c.receivingRegionCode,
        categories: c.categories,
        purpose: c.purpose,
        validFrom: at(c.validFrom),
        validUntil: atOrNull(c.validUntil),
        givenBy: c.givenBy,
        representativeId: c.givenBy === 'REPRESENTATIVE' ? (p.network?.id ?? null) : null,
        recordedHow: c.recordedHow,
        recordedByUserId: c.recordedBy.userId,
        recordedByOrganizationId: c.recordedByOrganizationId,
        revokedAt: atOrNull(c.revokedAt),
        revokedByUserId: c.revokedBy?.userId ?? null,
        version: c.revokedAt === null ? 1 : 2,
        createdAt: at(c.validFrom),
      });
    }
  });
}

export function accessLogRows(): RowBuilder {
  return builder('cases.access_log', accessLog, (p, out) => {
    p.access.forEach((line, k) => {
      const eventId = deterministicUuid(NS, `access:${p.index}:${k}`);
      const trace = eventId.replace(/-/g, '');
      out.push({
        eventId,
        occurredAt: at(line.at),
        action: line.action,
        outcome: 'GRANTED',
        outcomeReason: null,
        userId: line.user.userId,
        userName: line.user.name,
        organizationId: line.organizationId,
        role: line.role,
        onBehalfOf: null,
        clientId: p.id,
        dataCategories: [...line.categories].sort(),
        authorizationGround: line.ground,
        consentId: line.consentId,
        requestId: `bench-${trace.slice(0, 16)}`,
        traceId: trace,
        accessPoint: line.accessPoint,
        sourceSubgraph: line.source,
        recordedAt: at(line.at + (line.source === 'referrals' ? 2000 : 0)),
        external: line.source === 'referrals',
      });
    });
  });
}

function requestHashOf(p: ClientPlan, ref: ReferralPlan, consentId: string | null): string {
  // The create input as the referrals subgraph hashes it (without the idempotency key).
  const input = {
    kind: ref.kind,
    clientId: p.id,
    sourceTrajectoryId: p.wmo.id,
    toOrganizationId: ref.toOrganizationId,
    urgency: ref.urgency,
    supportFormsRequested: supportFormsOf(ref),
    targetGroup: p.wmo.targetGroups[0] ?? null,
    lifeDomain: p.wmo.lifeDomains[0] ?? null,
    consentId,
    question: referralQuestion(ref.kind),
    handoverSummary: handoverSummary(ref.kind, ref.summaryVariant),
    send: ref.steps[0]?.to === 'REQUESTED',
  };
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

const supportFormsOf = (ref: ReferralPlan) =>
  ref.kind === 'WMO_TO_WLZ' ? ['KEUZE_ZORGAANBIEDER_EN_ZORG', 'ZORGPLAN'] : ['INFORMATIE_EN_ADVIES', 'PERSOONLIJK_PLAN'];

export function referralRows(gaps: GapSignalSource[]): RowBuilder {
  return builder('referrals.referral', referral, (p, out) => {
    for (const ref of p.referrals) {
      const consentId = p.consents.find((c) => c.key === ref.consentKey)?.id ?? null;
      const accepted = ref.acceptedAt !== null;
      const row: typeof referral.$inferInsert = {
        id: ref.id,
        kind: ref.kind,
        status: ref.status,
        urgency: ref.urgency,
        clientId: p.id,
        sourceTrajectoryId: p.wmo.id,
        fromOrganizationId: p.gemeenteOrganizationId,
        fromUserId: p.wmo.counsellor.userId,
        fromUserName: p.wmo.counsellor.name,
        toOrganizationId: ref.toOrganizationId,
        toUserId: accepted ? ref.receiverProfessional.userId : null,
        toUserName: accepted ? ref.receiverProfessional.name : null,
        serviceId: null,
        supportForms: supportFormsOf(ref),
        targetGroup: p.wmo.targetGroups[0] ?? null,
        lifeDomain: p.wmo.lifeDomains[0] ?? null,
        legalDomain: p.wmo.legalDomain,
        wlzSector: null,
        gemeenteCode: p.gemeente.code,
        // The sender (a gemeente) has no region; a zorgkantoor fills in its own when it accepts.
        zorgkantoorregioCode: accepted && ref.receiver === 'ZORGKANTOOR' ? p.region.code : null,
        consentId,
        question: referralQuestion(ref.kind),
        handoverSummary: handoverSummary(ref.kind, ref.summaryVariant),
        rejectionReason: ref.rejectionReason,
        rejectionNote: ref.rejectionNote,
        expectedWaitDays: ref.expectedWaitDays,
        meetingPlannedAt: atOrNull(ref.meeting?.plannedAt ?? null),
        meetingParticipants: ref.meeting?.participants ?? null,
        meetingHeldAt: atOrNull(ref.meeting?.heldAt ?? null),
        meetingOutcome: ref.meeting?.outcome ?? null,
        meetingOutcomeNotes: ref.meeting?.notes ?? null,
        regiehouder: ref.regiehouder,
        releasedAt: atOrNull(ref.releasedAt),
        sentAt: atOrNull(ref.sentAt),
        respondBy: ref.respondBy,
        startBy: ref.startBy,
        respondOverdueAt: atOrNull(ref.respondOverdueAt),
        startOverdueAt: atOrNull(ref.startOverdueAt),
        idempotencyKey: `bench-${ref.id}`,
        requestHash: requestHashOf(p, ref, consentId),
        version: ref.steps[ref.steps.length - 1]?.version ?? 1,
        statusChangedAt: at(ref.statusChangedAt),
        createdAt: at(ref.createdAt),
        updatedAt: at(ref.updatedAt),
      };
      out.push(row);
      for (const gap of ref.gaps) {
        gaps.push({
          ...gap,
          eventId: deterministicUuid(NS, `gap-event:${ref.id}:${gap.step}`),
          gemeenteCode: p.gemeente.code,
          legalDomain: p.wmo.legalDomain,
          wlzSector: null,
          targetGroup: row.targetGroup ?? null,
          lifeDomain: row.lifeDomain ?? null,
          organizationId: ref.toOrganizationId,
        });
      }
    }
  });
}

export function referralEventRows(): RowBuilder {
  return builder('referrals.referral_event', referralEvent, (p, out) => {
    for (const ref of p.referrals) {
      ref.steps.forEach((step, k) => {
        const actor = step.by === 'SENDER' ? p.wmo.counsellor : step.by === 'RECEIVER' ? ref.receiverProfessional : null;
        out.push({
          id: deterministicUuid(NS, `referral-event:${ref.id}:${k}`),
          referralId: ref.id,
          occurredAt: at(step.at),
          action: step.action,
          fromStatus: step.from,
          toStatus: step.to,
          actorUserId: actor?.userId ?? null,
          actorUserName: actor?.name ?? null,
          actorOrganizationId: step.by === 'SENDER' ? p.gemeenteOrganizationId : step.by === 'RECEIVER' ? ref.toOrganizationId : null,
          reasonCode: step.reasonCode,
          note: step.note,
          version: step.version,
        });
      });
    }
  });
}
