import { isUuid } from '@hub/domain';
import { ErrorCode, hubError } from '@hub/errors';
import { hasRole, type Principal } from '@hub/identity';
import type { Context } from '../context.ts';
import { REFERRAL_ROLES } from '../context.ts';
import { amsterdamDate, isOverdue } from '../deadlines.ts';
import type { ReferralRow } from '../db/queries.ts';
import { accessLogEntry } from '../events.ts';
import { isOpenSent, partyOf } from '../transitions.ts';
import type { JointMeetingResolvers, ReferralResolvers, ReferralTimelineEventResolvers } from '../generated/resolvers-types.ts';

/** A referral is visible to referral workers of the sender, and of the receiver once it is sent. */
export function visibleTo(ctx: Context, r: ReferralRow | null): ReferralRow | null {
  if (!r || ctx.caller.kind !== 'user' || !hasRole(ctx.caller, ...REFERRAL_ROLES)) return null;
  return partyOf(ctx.caller.organizationId, r) === 'OTHER' ? null : r;
}

export async function loadVisible(ctx: Context, id: string): Promise<ReferralRow | null> {
  if (!isUuid(id)) return null;
  return visibleTo(ctx, await ctx.loaders.referral.load(id.toLowerCase()));
}

/**
 * The gate on a referral's personal fields. The sender always sees them (its own data). The receiver sees them only
 * while the consent the referral relies on permits HANDOVER for WARM_HANDOVER, asked of the cases subgraph on every
 * request (batched per request). Every read, granted or refused, is written to the client's access log before the
 * value is returned; a refused field is null with CONSENT_REQUIRED on its path. `field` is the GraphQL coordinate
 * (`Type.field`) the line's access point names.
 */
async function gated<T>(ctx: Context, r: ReferralRow, field: string, dataCategory: string, value: T): Promise<T> {
  if (ctx.caller.kind !== 'user') return Promise.reject(hubError(ErrorCode.UNAUTHENTICATED, 'Sign in to read referrals.'));
  const p: Principal = ctx.caller;
  const party = partyOf(p.organizationId, r);
  if (party === 'SENDER') {
    await ctx.loaders.accessLog.load(
      accessLogEntry(
        p,
        ctx.meta,
        { action: 'READ', outcome: 'GRANTED', clientId: r.clientId, dataCategories: [dataCategory], authorizationGround: 'OWN_ORGANIZATION', field },
        ctx.now,
      ),
    );
    return value;
  }
  const decision = await ctx.loaders.consent.load({
    clientId: r.clientId,
    organizationId: p.organizationId,
    category: 'HANDOVER',
    purpose: 'WARM_HANDOVER',
    consentId: r.consentId ?? undefined,
    holderOrganizationId: r.fromOrganizationId,
  });
  await ctx.loaders.accessLog.load(
    accessLogEntry(
      p,
      ctx.meta,
      {
        action: 'READ',
        outcome: decision.permit ? 'GRANTED' : 'REFUSED',
        outcomeReason: decision.permit ? undefined : decision.reason,
        clientId: r.clientId,
        dataCategories: [dataCategory],
        authorizationGround: decision.permit ? 'CONSENT' : 'NONE',
        consentId: decision.consentId ?? r.consentId,
        field,
      },
      ctx.now,
    ),
  );
  if (!decision.permit) {
    throw hubError(ErrorCode.CONSENT_REQUIRED, "The client's consent for this handover is not active for your organisation.", {
      details: { reason: decision.reason },
    });
  }
  return value;
}

const professional = (id: string | null, name: string | null) => (id ? { id, name } : null);

export interface JointMeetingParent {
  referral: ReferralRow;
  /** Set: a referral has a joint meeting exactly when one is planned. */
  plannedAt: Date;
}

export const Referral: ReferralResolvers = {
  __resolveReference: (ref, ctx) => loadVisible(ctx, ref.id),
  client: (r) => ({ id: r.clientId }),
  sourceTrajectory: (r) => ({ id: r.sourceTrajectoryId }),
  fromOrganization: (r) => ({ id: r.fromOrganizationId }),
  fromProfessional: (r) => ({ id: r.fromUserId, name: r.fromUserName }),
  toOrganization: (r) => ({ id: r.toOrganizationId }),
  toProfessional: (r) => professional(r.toUserId, r.toUserName),
  service: (r) => (r.serviceId ? { id: r.serviceId } : null),
  supportFormsRequested: (r) => r.supportForms,
  question: (r, _, ctx) => gated(ctx, r, 'Referral.question', 'QUESTION', r.question),
  handoverSummary: (r, _, ctx) => gated(ctx, r, 'Referral.handoverSummary', 'HANDOVER', r.handoverSummary),
  jointMeeting: (r) => (r.meetingPlannedAt ? { referral: r, plannedAt: r.meetingPlannedAt } : null),
  regiehouderOrganization: (r) => ({ id: r.regiehouder === 'SENDER' ? r.fromOrganizationId : r.toOrganizationId }),
  blocksTrajectoryClose: (r) => isOpenSent(r.status) && !r.releasedAt,
  overdue: (r, _, ctx) => isOverdue(r, amsterdamDate(ctx.now)),
  daysInCurrentStatus: (r, _, ctx) =>
    Math.max(0, Math.floor((ctx.now.getTime() - r.statusChangedAt.getTime()) / 86_400_000)),
  timeline: (r, _, ctx) => ctx.loaders.timeline.load(r.id),
};

export const JointMeeting: JointMeetingResolvers = {
  plannedAt: (m) => m.plannedAt,
  participants: (m) => m.referral.meetingParticipants ?? [],
  heldAt: (m) => m.referral.meetingHeldAt,
  outcome: (m) => m.referral.meetingOutcome,
  outcomeNotes: (m, _, ctx) =>
    m.referral.meetingOutcomeNotes === null ? null : gated(ctx, m.referral, 'JointMeeting.outcomeNotes', 'HANDOVER', m.referral.meetingOutcomeNotes),
};

export const ReferralTimelineEvent: ReferralTimelineEventResolvers = {
  actor: (e) => professional(e.actorUserId, e.actorUserName),
  actorOrganization: (e) => (e.actorOrganizationId ? { id: e.actorOrganizationId } : null),
};
