import { describe, expect, it } from 'vitest';
import { makeReportPeriod } from '@hub/service-kit';
import { buildSupportOverviewHandovers, dominatedBy, type OverviewReferral } from '../../src/overview.ts';

const YEAR = 2025;
const H2 = makeReportPeriod('HALF_YEAR', YEAR, 2);
const Q3 = makeReportPeriod('QUARTER', YEAR, 3);
const [A, B, C, D] = ['a', 'b', 'c', 'd'].map((c) => `00000000-0000-4000-8000-00000000000${c}`) as [string, string, string, string];

let seq = 0;
/** A referral sent on a Monday of `month` (the 1st Monday on or after the 6th), answered `answerDays` calendar days later. */
function referral(month: number, over: Partial<OverviewReferral> & { answerDays?: number; accepted?: boolean } = {}): OverviewReferral {
  seq++;
  const { answerDays = 2, accepted = true, ...rest } = over;
  const sentAt = new Date(Date.UTC(YEAR, month - 1, 8, 9));
  const answeredAt = new Date(sentAt.getTime() + answerDays * 86_400_000);
  return {
    id: `r-${seq}`,
    // A pair of organisations of its own unless a test says otherwise, so dominance decides only where a test wants it.
    fromOrganizationId: `from-${seq}`,
    toOrganizationId: `to-${seq}`,
    gemeenteCode: 'GM0153',
    sentAt,
    acceptedAt: accepted ? answeredAt : null,
    rejectedAt: accepted ? null : answeredAt,
    startedAt: null,
    ...rest,
  };
}
const many = (n: number, month: number, over: Parameters<typeof referral>[1] = {}) => Array.from({ length: n }, () => referral(month, over));

describe('support overview handovers: suppression', () => {
  it('counts sent, accepted and rejected; withholds 1–4; median only over a published count of at least 5', () => {
    const rows = [...many(3, 7), ...many(3, 8, { accepted: false }), ...many(4, 9)];
    const h = buildSupportOverviewHandovers(H2, ['GM0153'], rows, false);
    expect(h.sent.value).toBe(10);
    expect(h.accepted.value).toBe(7);
    expect(h.rejected).toEqual({ value: null, suppressed: true, display: 'withheld' });
    // 10 answered beside 7 accepted would give the 3 rejections away: no median over them.
    expect(h.medianWorkingDaysToAnswer).toBeNull();
    // Sent on Tuesday 8 July, answered 2 and 7 calendar days later: 2 and 5 working days.
    const both = buildSupportOverviewHandovers(H2, ['GM0153'], [...many(6, 7), ...many(7, 7, { accepted: false, answerDays: 7 })], false);
    expect(both.accepted.value).toBe(6);
    expect(both.rejected.value).toBe(7);
    expect(both.medianWorkingDaysToAnswer).toBe(5);
    const few = buildSupportOverviewHandovers(H2, ['GM0153'], many(4, 7), false);
    expect(few.medianWorkingDaysToAnswer).toBeNull();
  });

  it('links the half year to its quarters', () => {
    const rows = [...many(3, 7), ...many(3, 8), ...many(2, 11)];
    expect(buildSupportOverviewHandovers(Q3, ['GM0153'], rows, false).sent.value).toBe(6);
    // H2 = 8 would reveal Q4 = 2.
    expect(buildSupportOverviewHandovers(H2, ['GM0153'], rows, false).sent.suppressed).toBe(true);
  });

  it('withholds a count when all but 1–4 involve one organisation', () => {
    const rows = [...many(8, 7, { fromOrganizationId: A }), ...many(2, 7, { fromOrganizationId: C, toOrganizationId: D })];
    expect(buildSupportOverviewHandovers(H2, ['GM0153'], rows, false).sent.suppressed).toBe(true);
    expect(
      dominatedBy(
        ['x', 'y'],
        new Map([
          ['x', [A]],
          ['y', [B]],
        ]),
      ),
    ).toBe(true);
    expect(dominatedBy([], new Map())).toBe(false);
    // Five referrals of five pairs: each organisation would learn that the others made 4.
    expect(buildSupportOverviewHandovers(H2, ['GM0153'], many(5, 7), false).sent.suppressed).toBe(true);
    expect(buildSupportOverviewHandovers(H2, ['GM0153'], many(9, 7), false).sent.value).toBe(9);
  });

  it('decides a region over its gemeenten: the region minus its published gemeenten is never 1–4', () => {
    const x = [...many(5, 7, { gemeenteCode: 'GM0153' }), ...many(5, 7, { gemeenteCode: 'GM0153', fromOrganizationId: C, toOrganizationId: D })];
    const y = many(3, 7, { gemeenteCode: 'GM0164', fromOrganizationId: C, toOrganizationId: B });
    const region = buildSupportOverviewHandovers(H2, ['GM0153', 'GM0164'], [...x, ...y], true);
    expect(buildSupportOverviewHandovers(H2, ['GM0153'], x, false).sent.value).toBe(10);
    expect(region.sent.suppressed).toBe(true);
    // Organisation C knows 3 of the region's other 6: the remainder is dominated and the region withheld.
    const y2 = [...y, ...many(3, 7, { gemeenteCode: 'GM0164' })];
    expect(buildSupportOverviewHandovers(H2, ['GM0153', 'GM0164'], [...x, ...y2], true).sent.suppressed).toBe(true);
    const y3 = many(6, 7, { gemeenteCode: 'GM0164' });
    expect(buildSupportOverviewHandovers(H2, ['GM0153', 'GM0164'], [...x, ...y3], true).sent.value).toBe(16);
  });
});
