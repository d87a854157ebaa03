import { describe, expect, it } from 'vitest';
import { GAP_EVENT_REASONS, RETIRED_GAP_EVENT_REASONS, gapEventsContract } from '@hub/contracts';
import { CATEGORY_OF_GAP_REASON } from '../../subgraphs/signals/src/gap-events.ts';
import { SIGNAL_CATEGORIES } from '../../subgraphs/signals/src/validation.ts';
import { GAP_REASONS, isGapReason, REJECTION_REASONS } from '../../subgraphs/referrals/src/transitions.ts';

describe('gap reasons agree across referrals, the contract and signals', () => {
  it('produces gap events for exactly the supply reasons plus OVERDUE', () => {
    expect([...GAP_REASONS, 'OVERDUE'].sort()).toEqual([...GAP_EVENT_REASONS].sort());
    expect(REJECTION_REASONS.filter(isGapReason).sort()).toEqual(['NO_CAPACITY', 'NO_FITTING_OFFER', 'NO_FUNDS', 'WAITLIST']);
    for (const none of ['OUT_OF_AREA', 'NOT_ELIGIBLE', 'MISSING_INFORMATION', 'CLIENT_DECLINED', 'COULD_NOT_CONTACT', 'OTHER'] as const) {
      expect(isGapReason(none), none).toBe(false);
    }
  });

  it('maps every reason the contract accepts to a signal category, NO_FUNDS to NO_CAPACITY', () => {
    for (const reason of [...GAP_EVENT_REASONS, ...RETIRED_GAP_EVENT_REASONS]) {
      expect(SIGNAL_CATEGORIES as readonly string[], reason).toContain(CATEGORY_OF_GAP_REASON[reason]);
    }
    expect(Object.keys(CATEGORY_OF_GAP_REASON).sort()).toEqual([...GAP_EVENT_REASONS, ...RETIRED_GAP_EVENT_REASONS].sort());
    expect(CATEGORY_OF_GAP_REASON.NO_FUNDS).toBe('NO_CAPACITY');
  });

  it('still accepts a retired OUT_OF_AREA event and refuses a reason that never was a gap', () => {
    const event = { eventId: '0b7f2f57-0f7e-4c53-9d39-2f0d8f4f6f11', occurredAt: '2026-11-02T10:00:00.000Z', kind: 'REJECTED' };
    expect(gapEventsContract.request.safeParse({ events: [{ ...event, reason: 'OUT_OF_AREA' }] }).success).toBe(true);
    expect(gapEventsContract.request.safeParse({ events: [{ ...event, reason: 'NO_FUNDS' }] }).success).toBe(true);
    expect(gapEventsContract.request.safeParse({ events: [{ ...event, reason: 'NOT_ELIGIBLE' }] }).success).toBe(false);
  });
});
