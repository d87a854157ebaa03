/**
 * Calendar periods for aggregation: months ("2025-07") and quarters ("2025-Q3"). Dates are plain
 * YYYY-MM-DD strings (a signal's observed date has no time zone), so no Date arithmetic across zones.
 */

export type Granularity = 'MONTH' | 'QUARTER';

export interface Period {
  granularity: Granularity;
  year: number;
  /** 1–12 for a month, 1–4 for a quarter. */
  index: number;
  /** "2025-07" or "2025-Q3". */
  key: string;
  /** First day, inclusive. */
  startsOn: string;
  /** First day after the period (exclusive bound for SQL). */
  endsBefore: string;
  /** Last day, inclusive (for display). */
  endsOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const perYear = (g: Granularity) => (g === 'MONTH' ? 12 : 4);
const monthsPer = (g: Granularity) => (g === 'MONTH' ? 1 : 3);

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function makePeriod(granularity: Granularity, year: number, index: number): Period {
  const firstMonth = (index - 1) * monthsPer(granularity) + 1;
  const lastMonth = firstMonth + monthsPer(granularity) - 1;
  const nextYear = lastMonth === 12 ? year + 1 : year;
  const nextMonth = lastMonth === 12 ? 1 : lastMonth + 1;
  return {
    granularity,
    year,
    index,
    key: granularity === 'MONTH' ? `${year}-${pad(index)}` : `${year}-Q${index}`,
    startsOn: `${year}-${pad(firstMonth)}-01`,
    endsBefore: `${nextYear}-${pad(nextMonth)}-01`,
    endsOn: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
  };
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

/** Parses "2025-07" (MONTH) or "2025-Q3" (QUARTER); null when the text does not fit the granularity. */
export function parsePeriod(granularity: Granularity, text: string): Period | null {
  const m = (granularity === 'MONTH' ? MONTH_KEY : QUARTER_KEY).exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  return makePeriod(granularity, year, Number(m[2]));
}

export function shiftPeriod(p: Period, by: number): Period {
  const n = perYear(p.granularity);
  const ordinal = p.year * n + (p.index - 1) + by;
  return makePeriod(p.granularity, Math.floor(ordinal / n), (ordinal % n) + 1);
}

const ordinalOf = (p: Period) => p.year * perYear(p.granularity) + p.index - 1;

/** Every period from `from` to `to`, inclusive; empty when `to` is before `from`. */
export function periodsBetween(from: Period, to: Period): Period[] {
  const count = ordinalOf(to) - ordinalOf(from) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => shiftPeriod(from, i));
}

/** The quarter key ("2025-Q3") a month key ("2025-07") falls in. */
export function quarterKeyOfMonth(monthKey: string): string {
  const month = Number(monthKey.slice(5, 7));
  return `${monthKey.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The quarter containing a period (itself for a quarter). */
export function enclosingQuarter(p: Period): Period {
  return p.granularity === 'QUARTER' ? p : makePeriod('QUARTER', p.year, Math.floor((p.index - 1) / 3) + 1);
}

/** The period of the given granularity containing an ISO date. */
export function periodOfDate(granularity: Granularity, isoDate: string): Period {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return makePeriod(granularity, year, granularity === 'MONTH' ? month : Math.floor((month - 1) / 3) + 1);
}
