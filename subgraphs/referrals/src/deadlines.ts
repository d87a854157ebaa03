/**
 * Deadlines are whole days in Europe/Amsterdam: a receiver in the Netherlands reads "respond by 12 March" as the
 * end of that Dutch day, whatever the server's time zone. Working days are Monday to Friday; public holidays are not
 * skipped (a deadline may land on one; the docs say so).
 */

const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Amsterdam at this moment. */
export function amsterdamDate(at: Date): string {
  return amsterdamDay.format(at);
}

/** `date` plus `days` working days (Monday–Friday). Counting starts the day after `date`. */
export function addWorkingDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days between two dates (YYYY-MM-DD), b − a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface DeadlineState {
  status: string;
  respondBy: string | null;
  startBy: string | null;
}

/** Overdue: still REQUESTED after the respond-by day, or still ACCEPTED (not started) after the start-by day. */
export function isOverdue(r: DeadlineState, today: string): boolean {
  if (r.status === 'REQUESTED' && r.respondBy) return today > r.respondBy;
  if (r.status === 'ACCEPTED' && r.startBy) return today > r.startBy;
  return false;
}
