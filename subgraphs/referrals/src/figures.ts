import { amsterdamDate } from '@hub/domain';
import { forbidden } from '@hub/errors';
import { childPeriods, requireEndedReportPeriod, requireUser, type ReportPeriod } from '@hub/service-kit';
import type { Context } from './context.ts';
import { findFigureRows, type FigureRow } from './db/queries.ts';
import { REJECTION_REASONS, type RejectionReason } from './transitions.ts';
import { requireUuid } from './validation.ts';

/**
 * An organisation's referral figures over one ended period of the report grid (the grid the cases report uses):
 * handovers sent and received, independence flags, rejections per reason. Every count follows the cases report's
 * rule: 0 or at least 5 is shown, 1 to 4 withheld, and a period is withheld too when its count minus its published
 * sub-periods (months in a quarter, quarters in a half year, ...) would be 1 to 4, so asking for a quarter and its
 * months cannot isolate a referral. Each referral falls in one month per series, so counts add up over the grid.
 */

export const FIGURE_THRESHOLD = 5;
const WITHHELD = 'withheld';

export interface FigureCount {
  value: number | null;
  suppressed: boolean;
  display: string;
}

export interface ReferralFiguresData {
  organizationId: string;
  period: string;
  handoversSent: FigureCount;
  handoversReceived: FigureCount;
  independenceFlags: FigureCount;
  rejectionsGiven: { reason: RejectionReason; count: FigureCount }[];
  rejectionsReceived: { reason: RejectionReason; count: FigureCount }[];
}

const isSafe = (n: number) => n === 0 || n >= FIGURE_THRESHOLD;
const monthOf = (at: Date) => amsterdamDate(at).slice(0, 7);

/** One series: its count per month ("2026-05"), decided over the grid bottom-up like the cases report. */
function countOver(monthly: Map<string, number>, period: ReportPeriod): FigureCount {
  const decide = (p: ReportPeriod): { n: number; published: boolean } => {
    const children = childPeriods(p).map(decide);
    const n = children.length > 0 ? children.reduce((s, c) => s + c.n, 0) : (monthly.get(p.key) ?? 0);
    const covered = children.filter((c) => c.published).reduce((s, c) => s + c.n, 0);
    return { n, published: isSafe(n) && isSafe(n - covered) };
  };
  const { n, published } = decide(period);
  return published ? { value: n, suppressed: false, display: String(n) } : { value: null, suppressed: true, display: WITHHELD };
}

function tally(rows: readonly FigureRow[], organizationId: string) {
  const series = new Map<string, Map<string, number>>();
  const add = (name: string, at: Date) => {
    const months = series.get(name) ?? new Map<string, number>();
    months.set(monthOf(at), (months.get(monthOf(at)) ?? 0) + 1);
    series.set(name, months);
  };
  for (const r of rows) {
    if (r.sentAt && r.fromOrganizationId === organizationId) add('sent', r.sentAt);
    if (r.sentAt && r.toOrganizationId === organizationId) add('received', r.sentAt);
    if (r.sentAt && r.fromOrganizationId === organizationId && r.independenceFlag) add('flagged', r.sentAt);
    if (r.status === 'REJECTED' && r.rejectionReason) {
      if (r.toOrganizationId === organizationId) add(`given:${r.rejectionReason}`, r.statusChangedAt);
      if (r.fromOrganizationId === organizationId) add(`received:${r.rejectionReason}`, r.statusChangedAt);
    }
  }
  return (name: string) => series.get(name) ?? new Map<string, number>();
}

export function buildReferralFigures(organizationId: string, period: ReportPeriod, rows: readonly FigureRow[]): ReferralFiguresData {
  const of = tally(rows, organizationId);
  const count = (name: string) => countOver(of(name), period);
  return {
    organizationId,
    period: period.key,
    handoversSent: count('sent'),
    handoversReceived: count('received'),
    independenceFlags: count('flagged'),
    rejectionsGiven: REJECTION_REASONS.map((reason) => ({ reason, count: count(`given:${reason}`) })),
    rejectionsReceived: REJECTION_REASONS.map((reason) => ({ reason, count: count(`received:${reason}`) })),
  };
}

/** The figures of one ended grid period, for members of the organisation only. */
export async function referralFiguresOf(ctx: Context, organizationId: string, periodInput: unknown): Promise<ReferralFiguresData> {
  const p = requireUser(ctx);
  const orgId = requireUuid(organizationId, 'organizationId');
  if (p.organizationId !== orgId) throw forbidden('Only members of the organisation may read its referral figures.');
  const period = requireEndedReportPeriod(periodInput, ctx.now);
  return buildReferralFigures(orgId, period, await findFigureRows(ctx.db, orgId, period.from, period.to));
}
