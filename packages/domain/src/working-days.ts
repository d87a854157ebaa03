import Holidays from 'date-holidays';

/**
 * Deadlines are whole days in Europe/Amsterdam: a receiver in the Netherlands reads "respond by 12 March" as the end of
 * that Dutch day, whatever the server's time zone. A working day is Monday to Friday and not a Dutch public holiday.
 *
 * The holidays come from the maintained `date-holidays` library (country NL, type `public`): Nieuwjaarsdag, Pasen and
 * Tweede Paasdag, Koningsdag, Hemelvaartsdag, Pinksteren and Tweede Pinksterdag, Eerste and Tweede Kerstdag. Goede
 * Vrijdag and Bevrijdingsdag are not general days off in the Netherlands (the library marks them `school`; whether
 * they are free depends on the collective agreement), so deadlines do not skip them.
 */

const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Amsterdam at this moment. */
export function amsterdamDate(at: Date): string {
  return amsterdamDay.format(at);
}

const calendar = new Holidays('NL');
const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();

/** The Dutch public holidays of a year: date (YYYY-MM-DD) → Dutch name. */
export function dutchPublicHolidays(year: number): ReadonlyMap<string, string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    const map = new Map<string, string>();
    for (const h of calendar.getHolidays(year)) if (h.type === 'public') map.set(h.date.slice(0, 10), h.name);
    days = map;
    holidaysByYear.set(year, days);
  }
  return days;
}

/** The public holiday on this date (YYYY-MM-DD), or null. */
export function dutchPublicHoliday(date: string): string | null {
  return dutchPublicHolidays(Number(date.slice(0, 4))).get(date) ?? null;
}

/** Monday to Friday and not a Dutch public holiday. */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && dutchPublicHoliday(date) === null;
}

const nextDay = (date: string): string => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** `date` plus `days` working days. Counting starts the day after `date`; 0 days is `date` itself. */
export function addWorkingDays(date: string, days: number): string {
  let d = date;
  let left = days;
  while (left > 0) {
    d = nextDay(d);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (dates YYYY-MM-DD); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let days = 0;
  for (let d = from; d < to; ) {
    d = nextDay(d);
    if (isWorkingDay(d)) days++;
  }
  return days;
}

/** Whole calendar days between two dates (YYYY-MM-DD), b − a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
