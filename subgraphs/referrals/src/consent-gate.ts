import { CONSENT_CATEGORIES, type ConsentCategory } from '@hub/contracts';
import { requireUser, type ConsentGate } from '@hub/service-kit';
import type { Context } from './context.ts';
import type { ReferralRow } from './db/queries.ts';
import { accessLogEntry } from './events.ts';
import type { JointMeetingParent } from './resolvers/Referral.ts';
import { partyOf } from './transitions.ts';

/** A gated read of a referral's personal data: the referral, the purpose it is read under, and where it was read. */
export interface ReferralGateSubject {
  referral: ReferralRow;
  /** A referral is a warm handover: its data is shared for WARM_HANDOVER, whatever else the receiver holds. */
  purpose: 'WARM_HANDOVER';
}

/**
 * The referrals subgraph's part of the graph-wide consent gate. The sender always sees its referral's personal data
 * (its own). The receiver sees a field only while a consent the sender recorded covers the field's category for
 * WARM_HANDOVER (the consent the referral relies on, when it names one): asked of the cases subgraph on every request,
 * every question of a request in one call. Every read, granted or refused, goes to the client's access log in the
 * cases subgraph, and the field answers only once that line was accepted.
 */
export const referralsConsentGate: ConsentGate<Context, ReferralGateSubject, ConsentCategory> = {
  categories: CONSENT_CATEGORIES,
  subjectOf: {
    Referral: (r: ReferralRow) => ({ referral: r, purpose: 'WARM_HANDOVER' }),
    JointMeeting: (m: JointMeetingParent) => ({ referral: m.referral, purpose: 'WARM_HANDOVER' }),
  },
  async decide(ctx, { referral: r, purpose }, category) {
    const caller = requireUser(ctx, 'Sign in to read referrals.');
    if (partyOf(caller.organizationId, r) === 'SENDER') return { permit: true, reason: 'OWN_ORGANIZATION', consentId: null };
    return ctx.loaders.consent.load({
      clientId: r.clientId,
      organizationId: caller.organizationId,
      category,
      purpose,
      consentId: r.consentId ?? undefined,
      holderOrganizationId: r.fromOrganizationId,
    });
  },
  async record(ctx, { field, subject, decision }) {
    if (ctx.caller.kind !== 'user') return;
    const r = subject.referral;
    const own = decision.permit && decision.reason === 'OWN_ORGANIZATION';
    await ctx.loaders.accessLog.load(
      accessLogEntry(
        ctx.caller,
        ctx.meta,
        {
          field: `${field.typeName}.${field.fieldName}`,
          action: 'READ',
          outcome: decision.permit ? 'GRANTED' : 'REFUSED',
          outcomeReason: decision.permit ? undefined : decision.reason,
          clientId: r.clientId,
          dataCategories: [field.category],
          authorizationGround: own ? 'OWN_ORGANIZATION' : decision.permit ? 'CONSENT' : 'NONE',
          consentId: own ? undefined : (decision.consentId ?? r.consentId ?? undefined),
        },
        ctx.now,
      ),
    );
  },
};
