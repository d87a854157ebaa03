import { describe, expect, it } from 'vitest';
import { accessLogLineSchema } from '@hub/contracts';
import { upgradeAccessPoint } from '../../src/events.ts';

const accessPointShape = accessLogLineSchema.shape.accessPoint;

describe('access-log lines waiting in the outbox from before the one encoding', () => {
  it.each([
    ['referrals:ACCEPT', 'referrals:-:Mutation.acceptReferral'],
    ['referrals:MARK_ENTERED_IN_ERROR', 'referrals:-:Mutation.markReferralEnteredInError'],
    ['referrals:Mutation.createReferral', 'referrals:-:Mutation.createReferral'],
    ['referrals:Referral.question', 'referrals:-:Referral.question'],
    ['referrals:jointMeeting.outcomeNotes', 'referrals:-:JointMeeting.outcomeNotes'],
    ['referrals:something odd', 'referrals:-:-'],
  ])('rewrites %s as %s, which the cases subgraph accepts', (legacy, upgraded) => {
    expect(accessPointShape.safeParse(legacy).success).toBe(false);
    expect(upgradeAccessPoint(legacy)).toBe(upgraded);
    expect(accessPointShape.safeParse(upgraded).success).toBe(true);
  });

  it('leaves a line in the current encoding as it is', () => {
    expect(upgradeAccessPoint('referrals:ReviewInbox:Referral.question,Referral.handoverSummary')).toBe(
      'referrals:ReviewInbox:Referral.question,Referral.handoverSummary',
    );
  });
});
