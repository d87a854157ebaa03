import { z } from 'zod';
import { badInput } from '@hub/errors';
import { parseInput } from './input.ts';

/**
 * The fixed grid of report periods: whole calendar months, quarters, half years and years in Europe/Amsterdam time.
 * The grid is a tree (a year holds two half years, a half year two quarters, a quarter three months), so every
 * published figure relates to other published figures only by "a period is the sum of its parts"; that is what the
 * linked suppression of the reports (cases' report, referrals' figures) relies on. Arbitrary from/to periods would let two overlapping requests isolate one
 * client, which is why there are none.
 */

const REPORT_PERIOD_KINDS = ['MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

const MONTHS_IN: Record<ReportPeriodKind, number> = { MONTH: 1, QUARTER: 3, HALF_YEAR: 6, YEAR: 12 };
const CHILD_KIND: Record<ReportPeriodKind, ReportPeriodKind | null> = { YEAR: 'HALF_YEAR', HALF_YEAR: 'QUARTER', QUARTER: 'MONTH', MONTH: null };

export interface ReportPeriod {
  kind: ReportPeriodKind;
  year: number;
  /** 1–12 for a month, 1–4 for a quarter, 1–2 for a half year, 1 for a year. */
  number: number;
  /** "2026-05", "2026-Q3", "2026-H1" or "2026". */
  key: string;
  /** Local midnight at the start, inclusive. */
  from: Date;
  /** Local midnight after the end, exclusive. */
  to: Date;
}

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Milliseconds Amsterdam wall time is ahead of UTC at an instant (one or two hours; taken from the tz database). */
function amsterdamOffset(instant: number): number {
  const parts = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** 00:00 Amsterdam time on the first day of a month (month 13 is January of the next year). Clocks never change at midnight. */
function startOfMonth(year: number, month: number): Date {
  const asUtc = Date.UTC(year, month - 1, 1);
  const first = asUtc - amsterdamOffset(asUtc);
  return new Date(asUtc - amsterdamOffset(first));
}

const pad = (n: number) => String(n).padStart(2, '0');

export function makeReportPeriod(kind: ReportPeriodKind, year: number, number: number): ReportPeriod {
  const months = MONTHS_IN[kind];
  const firstMonth = (number - 1) * months + 1;
  const key =
    kind === 'MONTH' ? `${year}-${pad(number)}` : kind === 'QUARTER' ? `${year}-Q${number}` : kind === 'HALF_YEAR' ? `${year}-H${number}` : String(year);
  return { kind, year, number, key, from: startOfMonth(year, firstMonth), to: startOfMonth(year, firstMonth + months) };
}

/** The period of the same kind just before (December → November, Q1 2026 → Q4 2025). */
export function previousReportPeriod(p: ReportPeriod): ReportPeriod {
  const perYear = 12 / MONTHS_IN[p.kind];
  return p.number > 1 ? makeReportPeriod(p.kind, p.year, p.number - 1) : makeReportPeriod(p.kind, p.year - 1, perYear);
}

/** The periods one level down that together make up this one; none for a month. */
export function childPeriods(p: ReportPeriod): ReportPeriod[] {
  const kind = CHILD_KIND[p.kind];
  if (!kind) return [];
  const per = MONTHS_IN[p.kind] / MONTHS_IN[kind];
  return Array.from({ length: per }, (_, i) => makeReportPeriod(kind, p.year, (p.number - 1) * per + i + 1));
}

const MAX_NUMBER: Record<ReportPeriodKind, number> = { MONTH: 12, QUARTER: 4, HALF_YEAR: 2, YEAR: 1 };

const periodInput = z
  .object({
    kind: z.enum(REPORT_PERIOD_KINDS),
    year: z.number().int().min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier'),
    number: z.number().int().nullish(),
  })
  .superRefine((v, ctx) => {
    const max = MAX_NUMBER[v.kind];
    if (v.kind === 'YEAR') {
      if (v.number != null && v.number !== 1) ctx.addIssue({ code: 'custom', path: ['number'], message: 'leave number out for a YEAR' });
    } else if (v.number == null || v.number < 1 || v.number > max) {
      ctx.addIssue({ code: 'custom', path: ['number'], message: `a ${v.kind} needs a number from 1 to ${max}` });
    }
  });

/**
 * Validates the requested grid period and refuses one that has not ended at `now`: figures of a running period
 * change with every trajectory opened or closed, so two requests a moment apart would single out that one client.
 * A period's figures are fixed from its end on (trajectories open and close at the moment of the request).
 */
export function requireEndedReportPeriod(value: unknown, now: Date): ReportPeriod {
  const input = parseInput(periodInput, value, 'period');
  const period = makeReportPeriod(input.kind, input.year, input.kind === 'YEAR' ? 1 : (input.number ?? 1));
  if (period.to.getTime() > now.getTime()) {
    throw badInput('period', `Period ${period.key} has not ended yet; a report covers a whole period and is available from the day after it ends.`);
  }
  return period;
}
