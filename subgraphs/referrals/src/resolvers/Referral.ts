import { CARE_ROLES, isUuid } from '@hub/domain';
import { hasRole } from '@hub/identity';
import { connectionFromList } from '@hub/service-kit';
import type { Context } from '../context.ts';
import { amsterdamDate, isOverdue } from '../deadlines.ts';
import type { ReferralRow } from '../db/queries.ts';
import { blocksTrajectoryClose, partyOf, senderStaysInvolved } from '../transitions.ts';
import type { JointMeetingResolvers, ReferralResolvers, ReferralTimelineEventResolvers } from '../generated/resolvers-types.ts';

/** A referral is visible to referral workers of the sender, and of the receiver once it is sent. */
export function visibleTo(ctx: Context, r: ReferralRow | null): ReferralRow | null {
  if (!r || ctx.caller.kind !== 'user' || !hasRole(ctx.caller, ...CARE_ROLES)) return null;
  return partyOf(ctx.caller.organizationId, r) === 'OTHER' ? null : r;
}

export async function loadVisible(ctx: Context, id: string): Promise<ReferralRow | null> {
  if (!isUuid(id)) return null;
  return visibleTo(ctx, await ctx.loaders.referral.load(id.toLowerCase()));
}

const professional = (id: string | null, name: string | null) => (id ? { id, name } : null);

export interface JointMeetingParent {
  referral: ReferralRow;
  /** Set: a referral has a joint meeting exactly when one is planned. */
  plannedAt: Date;
}

export const Referral: ReferralResolvers = {
  __resolveReference: (ref, ctx) => loadVisible(ctx, ref.id),
  // A referral is a warm handover: the cases subgraph reads its client and trajectory under that purpose.
  client: (r) => ({ id: r.clientId, purpose: 'WARM_HANDOVER' }),
  sourceTrajectory: (r) => ({ id: r.sourceTrajectoryId, purpose: 'WARM_HANDOVER' }),
  fromOrganization: (r) => ({ id: r.fromOrganizationId }),
  fromProfessional: (r) => ({ id: r.fromUserId, name: r.fromUserName }),
  toOrganization: (r) => ({ id: r.toOrganizationId }),
  toProfessional: (r) => professional(r.toUserId, r.toUserName),
  service: (r) => (r.serviceId ? { id: r.serviceId } : null),
  supportFormsRequested: (r) => r.supportForms,
  // question, handoverSummary and continuingCounsellor are @consentGated in the SDL: the consent gate (consent-gate.ts) wraps them.
  question: (r) => r.question,
  handoverSummary: (r) => r.handoverSummary,
  independenceNote: (r) => r.independenceNote,
  sameCounsellorContinues: (r) => r.continuingCounsellor !== null,
  continuingCounsellor: (r) => r.continuingCounsellor,
  jointMeeting: (r) => (r.meetingPlannedAt ? { referral: r, plannedAt: r.meetingPlannedAt } : null),
  regiehouderOrganization: (r) => ({ id: r.regiehouder === 'SENDER' ? r.fromOrganizationId : r.toOrganizationId }),
  blocksTrajectoryClose: (r) => blocksTrajectoryClose(r),
  senderStaysInvolved: (r) => senderStaysInvolved(r),
  overdue: (r, _, ctx) => isOverdue(r, amsterdamDate(ctx.now)),
  daysInCurrentStatus: (r, _, ctx) => Math.max(0, Math.floor((ctx.now.getTime() - r.statusChangedAt.getTime()) / 86_400_000)),
  // The whole timeline of every referral of the request comes in one statement; a page is cut from it.
  timeline: async (r, args, ctx) => connectionFromList(await ctx.loaders.timeline.load(r.id), args, (e) => e.occurredAt.toISOString()),
};

export const JointMeeting: JointMeetingResolvers = {
  plannedAt: (m) => m.plannedAt,
  participants: (m) => m.referral.meetingParticipants ?? [],
  heldAt: (m) => m.referral.meetingHeldAt,
  outcome: (m) => m.referral.meetingOutcome,
  outcomeNotes: (m) => m.referral.meetingOutcomeNotes,
};

export const ReferralTimelineEvent: ReferralTimelineEventResolvers = {
  actor: (e) => professional(e.actorUserId, e.actorUserName),
  actorOrganization: (e) => (e.actorOrganizationId ? { id: e.actorOrganizationId } : null),
};
