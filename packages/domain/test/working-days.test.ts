import { describe, expect, it } from 'vitest';
import { addWorkingDays, amsterdamDate, dutchPublicHoliday, isWorkingDay, workingDaysBetween } from '../src/working-days.ts';

describe('Dutch working days', () => {
  it('knows the public holidays from the holiday library, and not the days that are no general day off', () => {
    expect(dutchPublicHoliday('2026-04-27')).toBe('Koningsdag');
    expect(dutchPublicHoliday('2026-05-14')).toBe('Hemelvaartsdag');
    expect(dutchPublicHoliday('2026-12-25')).not.toBeNull();
    expect(dutchPublicHoliday('2027-01-01')).not.toBeNull();
    // Goede Vrijdag and Bevrijdingsdag (2026) depend on the collective agreement: they count as working days.
    expect(isWorkingDay('2026-04-03')).toBe(true);
    expect(isWorkingDay('2026-05-05')).toBe(true);
    expect(isWorkingDay('2026-12-07')).toBe(true);
    expect(isWorkingDay('2026-12-06')).toBe(false); // Sunday
  });

  it('adds working days over weekends and public holidays', () => {
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23'); // Friday + 1 → Monday
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
    // Thursday 24 December + 1: Christmas (Fri 25, Sat 26) and the weekend are skipped → Monday 28 December.
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
    // Friday 24 April + 1: weekend, then Koningsdag on Monday 27 April → Tuesday 28 April.
    expect(addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
    // Wednesday 13 May + 2: Hemelvaartsdag (Thu 14) skipped → Friday 15, Monday 18.
    expect(addWorkingDays('2026-05-13', 2)).toBe('2026-05-18');
    // Across the year boundary: Wednesday 30 December + 2 → Thursday 31 December, then (1 January is Nieuwjaarsdag) Monday 4 January.
    expect(addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-12-04', '2026-12-11')).toBe(5);
    expect(workingDaysBetween('2026-12-24', '2026-12-28')).toBe(1);
    expect(workingDaysBetween('2026-12-11', '2026-12-04')).toBe(0);
  });

  it('reads the day in Amsterdam, not in UTC', () => {
    expect(amsterdamDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});
