/**
 * The referral state machine as data: one row per action, with the states it may start from, the state it leads
 * to and the parties that may take it. Modelled on the HL7 FHIR SDOH referral Task (draft → requested → accepted |
 * rejected | cancelled; accepted → in-progress ⇄ on-hold → completed | failed; entered-in-error). The resolvers and
 * the tests read this table; nothing else decides who may do what.
 */

export const REFERRAL_STATUSES = [
  'DRAFT',
  'REQUESTED',
  'ACCEPTED',
  'REJECTED',
  'CANCELLED',
  'IN_PROGRESS',
  'ON_HOLD',
  'COMPLETED',
  'FAILED',
  'ENTERED_IN_ERROR',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Sent and not finished: these block closing the source trajectory unless released. */
export const OPEN_SENT_STATUSES: readonly ReferralStatus[] = ['REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'];
const OPEN_STATUSES: readonly ReferralStatus[] = ['DRAFT', ...OPEN_SENT_STATUSES];
const AFTER_ACCEPTANCE: readonly ReferralStatus[] = ['ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'];

export const REFERRAL_KINDS = ['WMO_TO_WLZ', 'WLZ_TO_WMO', 'TO_OCO', 'TO_SERVICE', 'OTHER', 'INFORMAL_TO_FORMAL'] as const;

/**
 * The light handover: an informal cliëntondersteuner (a volunteer of a welfare organisation) calls in a professional
 * and stays involved. A lighter summary; after completion regie stays with the sender unless someone changes it; it
 * never blocks closing the sender's trajectory. The transition table is the same for every kind.
 */
export const LIGHT_HANDOVER_KIND = 'INFORMAL_TO_FORMAL';
export const senderStaysInvolved = (r: { kind: string }) => r.kind === LIGHT_HANDOVER_KIND;
/** Blocks closing the source trajectory: sent, not finished, not released, and not a light handover. */
export const blocksTrajectoryClose = (r: { kind: string; status: string; releasedAt: Date | null }) =>
  isOpenSent(r.status) && !r.releasedAt && !senderStaysInvolved(r);

export const REJECTION_REASONS = [
  'NO_CAPACITY',
  'NO_FUNDS',
  'WAITLIST',
  'NOT_ELIGIBLE',
  'OUT_OF_AREA',
  'NO_FITTING_OFFER',
  'MISSING_INFORMATION',
  'CLIENT_DECLINED',
  'COULD_NOT_CONTACT',
  'OTHER',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * Rejection reasons that are gaps in the care supply: each yields one gap event for the signals subgraph. No room
 * (NO_CAPACITY), no budget (NO_FUNDS), only a waiting list (WAITLIST), and nothing that fits on offer in the region
 * (NO_FITTING_OFFER). OUT_OF_AREA is not one: the client lives outside the receiver's area, so the help may well exist
 * where the client lives; the sender asks a provider there, and counting it would report a gap that is a routing
 * mistake. NOT_ELIGIBLE, MISSING_INFORMATION, CLIENT_DECLINED, COULD_NOT_CONTACT and OTHER say nothing about supply.
 * Together with OVERDUE these are exactly GAP_EVENT_REASONS of @hub/contracts (a unit test holds them equal).
 */
export const GAP_REASONS = ['NO_CAPACITY', 'NO_FUNDS', 'WAITLIST', 'NO_FITTING_OFFER'] as const satisfies readonly RejectionReason[];
export const isGapReason = (reason: RejectionReason): reason is (typeof GAP_REASONS)[number] => (GAP_REASONS as readonly string[]).includes(reason);

/** The parties to a referral. OTHER is any organisation that is neither, and may do nothing. */
export type Party = 'SENDER' | 'RECEIVER' | 'OTHER';

/** Actions a user can take (CREATE and OVERDUE are recorded on the timeline but are not table rows). */
export const TRANSITION_ACTIONS = [
  'SEND',
  'ACCEPT',
  'REJECT',
  'CANCEL',
  'START',
  'HOLD',
  'RESUME',
  'COMPLETE',
  'FAIL',
  'MARK_ENTERED_IN_ERROR',
  'RELEASE',
  'PLAN_JOINT_MEETING',
  'RECORD_JOINT_MEETING_OUTCOME',
  'SET_REGIEHOUDER',
] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];
export type ReferralAction = TransitionAction | 'CREATE' | 'OVERDUE' | 'ESCALATED';

/** The mutation (field of Mutation in schema.graphql) that takes each step: the access point of its log line names it. */
export const MUTATION_OF_ACTION: Record<TransitionAction, string> = {
  SEND: 'sendReferral',
  ACCEPT: 'acceptReferral',
  REJECT: 'rejectReferral',
  CANCEL: 'cancelReferral',
  START: 'startReferral',
  HOLD: 'holdReferral',
  RESUME: 'resumeReferral',
  COMPLETE: 'completeReferral',
  FAIL: 'failReferral',
  MARK_ENTERED_IN_ERROR: 'markReferralEnteredInError',
  RELEASE: 'releaseReferral',
  PLAN_JOINT_MEETING: 'planJointMeeting',
  RECORD_JOINT_MEETING_OUTCOME: 'recordJointMeetingOutcome',
  SET_REGIEHOUDER: 'setRegiehouder',
};

export interface TransitionRule {
  action: TransitionAction;
  from: readonly ReferralStatus[];
  /** The state after; null keeps the state (the action changes other fields). */
  to: ReferralStatus | null;
  by: readonly Exclude<Party, 'OTHER'>[];
}

export const TRANSITIONS: readonly TransitionRule[] = [
  { action: 'SEND', from: ['DRAFT'], to: 'REQUESTED', by: ['SENDER'] },
  { action: 'ACCEPT', from: ['REQUESTED'], to: 'ACCEPTED', by: ['RECEIVER'] },
  { action: 'REJECT', from: ['REQUESTED'], to: 'REJECTED', by: ['RECEIVER'] },
  { action: 'CANCEL', from: OPEN_STATUSES, to: 'CANCELLED', by: ['SENDER'] },
  { action: 'CANCEL', from: ['REQUESTED'], to: 'CANCELLED', by: ['RECEIVER'] },
  { action: 'START', from: ['ACCEPTED'], to: 'IN_PROGRESS', by: ['RECEIVER'] },
  { action: 'HOLD', from: ['IN_PROGRESS'], to: 'ON_HOLD', by: ['RECEIVER'] },
  { action: 'RESUME', from: ['ON_HOLD'], to: 'IN_PROGRESS', by: ['RECEIVER'] },
  { action: 'COMPLETE', from: ['IN_PROGRESS'], to: 'COMPLETED', by: ['RECEIVER'] },
  { action: 'FAIL', from: ['IN_PROGRESS', 'ON_HOLD'], to: 'FAILED', by: ['RECEIVER'] },
  {
    action: 'MARK_ENTERED_IN_ERROR',
    from: REFERRAL_STATUSES.filter((s) => s !== 'ENTERED_IN_ERROR'),
    to: 'ENTERED_IN_ERROR',
    by: ['SENDER'],
  },
  { action: 'RELEASE', from: OPEN_SENT_STATUSES, to: null, by: ['SENDER'] },
  { action: 'PLAN_JOINT_MEETING', from: AFTER_ACCEPTANCE, to: null, by: ['SENDER', 'RECEIVER'] },
  { action: 'RECORD_JOINT_MEETING_OUTCOME', from: AFTER_ACCEPTANCE, to: null, by: ['SENDER', 'RECEIVER'] },
  { action: 'SET_REGIEHOUDER', from: [...AFTER_ACCEPTANCE, 'COMPLETED'], to: null, by: ['SENDER', 'RECEIVER'] },
];

export type TransitionDecision = { allowed: true; to: ReferralStatus } | { allowed: false; code: 'FORBIDDEN' | 'INVALID_TRANSITION' };

/**
 * Decides one action. An organisation that is no party gets FORBIDDEN whatever the state; a party gets
 * INVALID_TRANSITION when no row allows the action from this state at all, and FORBIDDEN when a row allows it
 * from this state for the other party only.
 */
export function decideTransition(action: TransitionAction, status: ReferralStatus, party: Party): TransitionDecision {
  if (party === 'OTHER') return { allowed: false, code: 'FORBIDDEN' };
  const fromHere = TRANSITIONS.filter((t) => t.action === action && t.from.includes(status));
  if (fromHere.length === 0) return { allowed: false, code: 'INVALID_TRANSITION' };
  const rule = fromHere.find((t) => t.by.includes(party));
  if (!rule) return { allowed: false, code: 'FORBIDDEN' };
  return { allowed: true, to: rule.to ?? status };
}

/** The party the caller's organisation is; the receiver becomes a party only once the referral is sent. */
export function partyOf(organizationId: string, referral: { fromOrganizationId: string; toOrganizationId: string; status: string }): Party {
  if (organizationId === referral.fromOrganizationId) return 'SENDER';
  if (organizationId === referral.toOrganizationId && referral.status !== 'DRAFT') return 'RECEIVER';
  return 'OTHER';
}

/**
 * The party an organisation takes a step as. An organisation that referred a client to a service of its own is both
 * sender and receiver once the referral is sent: it takes each step as the party the table allows it for, the
 * sender's first. Every other organisation is what partyOf says.
 */
export function actingParty(
  action: TransitionAction,
  organizationId: string,
  referral: { fromOrganizationId: string; toOrganizationId: string; status: string },
): Party {
  const party = partyOf(organizationId, referral);
  if (party !== 'SENDER' || referral.toOrganizationId !== organizationId || referral.status === 'DRAFT') return party;
  const fromHere = TRANSITIONS.filter((t) => t.action === action && t.from.includes(referral.status as ReferralStatus));
  const senderMay = fromHere.some((t) => t.by.includes('SENDER'));
  return !senderMay && fromHere.some((t) => t.by.includes('RECEIVER')) ? 'RECEIVER' : 'SENDER';
}

/** A referral within one organisation (to a service of its own): no data leaves it, so no handover consent is asked. */
export const isWithinOrganization = (r: { fromOrganizationId: string; toOrganizationId: string }) => r.fromOrganizationId === r.toOrganizationId;

export const isOpenSent = (status: string) => (OPEN_SENT_STATUSES as readonly string[]).includes(status);

/** The notification type for webhooks and polling, e.g. referral.accepted. */
export function eventType(action: ReferralAction, to: ReferralStatus): string {
  switch (action) {
    case 'CREATE':
      return to === 'DRAFT' ? 'referral.drafted' : 'referral.requested';
    case 'OVERDUE':
      return 'referral.overdue';
    case 'ESCALATED':
      return 'referral.escalated';
    case 'RELEASE':
      return 'referral.released';
    case 'PLAN_JOINT_MEETING':
      return 'referral.joint_meeting_planned';
    case 'RECORD_JOINT_MEETING_OUTCOME':
      return 'referral.joint_meeting_held';
    case 'SET_REGIEHOUDER':
      return 'referral.regiehouder_changed';
    default:
      return `referral.${to.toLowerCase()}`;
  }
}
