import { describe, expect, it } from 'vitest';
import { loadConfig } from '@hub/config';
import { addWorkingDays, amsterdamDate, daysBetween, isOverdue } from '../../src/deadlines.ts';
import { retryDelaySeconds } from '../../src/relay.ts';
import { decideTransition, REFERRAL_STATUSES, TRANSITION_ACTIONS, TRANSITIONS } from '../../src/transitions.ts';
import { signWebhook, verifyWebhookSignature } from '../../src/webhook-signature.ts';

describe('transition table', () => {
  it('has one row per (action, party, from-state): no two rows disagree', () => {
    const seen = new Map<string, string | null>();
    for (const rule of TRANSITIONS) {
      for (const from of rule.from) {
        for (const party of rule.by) {
          const key = `${rule.action}|${from}|${party}`;
          expect(seen.has(key), key).toBe(false);
          seen.set(key, rule.to);
        }
      }
    }
    // 15 rows covering 48 allowed (action, state, party) combinations; the matrix test checks each through the API.
    expect(TRANSITIONS).toHaveLength(15);
    expect(seen.size).toBe(48);
  });

  it('lets nothing leave a final state except marking it entered in error by the sender', () => {
    for (const status of ['REJECTED', 'CANCELLED', 'COMPLETED', 'FAILED'] as const) {
      for (const action of TRANSITION_ACTIONS) {
        const d = decideTransition(action, status, 'SENDER');
        const allowed = action === 'MARK_ENTERED_IN_ERROR' || (action === 'SET_REGIEHOUDER' && status === 'COMPLETED');
        expect(d.allowed, `${action} from ${status}`).toBe(allowed);
      }
    }
    for (const action of TRANSITION_ACTIONS) expect(decideTransition(action, 'ENTERED_IN_ERROR', 'SENDER').allowed).toBe(false);
  });

  it('answers FORBIDDEN for an organisation that is no party, in every state', () => {
    for (const status of REFERRAL_STATUSES) {
      for (const action of TRANSITION_ACTIONS) expect(decideTransition(action, status, 'OTHER')).toEqual({ allowed: false, code: 'FORBIDDEN' });
    }
  });
});

describe('deadlines', () => {
  it('counts working days from the day after sending and skips weekends', () => {
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23'); // Friday + 1 → Monday
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30'); // Monday + 5 → next Monday
    expect(addWorkingDays('2026-11-22', 3)).toBe('2026-11-25'); // Sunday + 3 → Wednesday
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('uses the Amsterdam calendar day', () => {
    expect(amsterdamDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(amsterdamDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
  });

  it('is overdue only after the deadline day, and only in the state the deadline belongs to', () => {
    expect(isOverdue({ status: 'REQUESTED', respondBy: '2026-11-23', startBy: null }, '2026-11-23')).toBe(false);
    expect(isOverdue({ status: 'REQUESTED', respondBy: '2026-11-23', startBy: null }, '2026-11-24')).toBe(true);
    expect(isOverdue({ status: 'ACCEPTED', respondBy: '2026-11-01', startBy: '2026-11-23' }, '2026-11-24')).toBe(true);
    expect(isOverdue({ status: 'IN_PROGRESS', respondBy: '2026-11-01', startBy: '2026-11-02' }, '2026-11-24')).toBe(false);
  });

  it('reads the per-kind response days from configuration', () => {
    const config = loadConfig({ REFERRAL_RESPOND_DAYS: 'TO_OCO=2,OTHER=15' });
    expect(config.referrals.respondDays).toEqual({ WMO_TO_WLZ: 5, WLZ_TO_WMO: 5, TO_OCO: 2, TO_SERVICE: 10, OTHER: 15, INFORMAL_TO_FORMAL: 5 });
    expect(() => loadConfig({ REFERRAL_RESPOND_DAYS: 'TO_MARS=2' })).toThrow(/REFERRAL_RESPOND_DAYS/);
  });
});

describe('webhook retries and signatures', () => {
  it('backs off exponentially from the base and stops growing at the maximum', () => {
    const settings = loadConfig({}).referrals;
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelaySeconds(settings, n));
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600]);
    expect(settings.webhookMaxAttempts).toBe(8);
  });

  it('signs the timestamp with the body, and refuses a changed body, another secret or an old timestamp', () => {
    const at = new Date('2026-11-23T10:00:00Z');
    const header = signWebhook('s'.repeat(32), '{"a":1}', at);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('s'.repeat(32), '{"a":1}', header, at)).toBe(true);
    expect(verifyWebhookSignature('s'.repeat(32), '{"a":2}', header, at)).toBe(false);
    expect(verifyWebhookSignature('t'.repeat(32), '{"a":1}', header, at)).toBe(false);
    expect(verifyWebhookSignature('s'.repeat(32), '{"a":1}', header, new Date(at.getTime() + 10 * 60_000))).toBe(false);
  });
});
