import type { ReportedCapacityStatus } from '../../generated/graphql.ts';

/** The three states a beheerder reports in one click, and what is sent for each. */
export const ONE_CLICK: readonly { status: ReportedCapacityStatus; label: string }[] = [
  { status: 'HAS_CAPACITY', label: 'Plaats vrij' },
  { status: 'WAITLIST', label: 'Wachtlijst' },
  { status: 'NO_CAPACITY', label: 'Vol' },
];

export interface CurrentCapacity {
  available: number | null;
  maximum: number | null;
  unit: string | null;
}

/** Weeks as typed (empty, or a whole number 0 … 520), or an error text. */
export function parseWeeks(text: string): { weeks: number | null } | { error: string } {
  const trimmed = text.trim();
  if (!trimmed) return { weeks: null };
  if (!/^\d{1,3}$/.test(trimmed) || Number(trimmed) > 520) return { error: 'Vul de wachttijd in als een heel aantal weken, van 0 tot 520.' };
  return { weeks: Number(trimmed) };
}

/**
 * The capacity to report for a one-click status: the number of places and what a place is stay as they were; the
 * free places follow the status (none when full or on a waiting list), and the waiting time is asked only for the
 * waiting list (none when a place is free).
 */
export function capacityFor(status: ReportedCapacityStatus, current: CurrentCapacity, weeks: number | null) {
  const available = status === 'HAS_CAPACITY' ? (current.available && current.available > 0 ? current.available : null) : current.maximum !== null ? 0 : null;
  const expectedWaitDays = status === 'HAS_CAPACITY' ? 0 : status === 'WAITLIST' && weeks !== null ? weeks * 7 : null;
  return { status, available, maximum: current.maximum, unit: current.unit, expectedWaitDays };
}

/** "ongeveer 3 weken" from days, rounded to whole weeks (at least 1 when there is a wait). */
export function weeksText(days: number): string {
  if (days === 0) return 'geen wachttijd';
  const weeks = Math.max(1, Math.round(days / 7));
  return `ongeveer ${weeks} ${weeks === 1 ? 'week' : 'weken'}`;
}
