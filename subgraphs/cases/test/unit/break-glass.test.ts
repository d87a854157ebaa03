import { describe, expect, it } from 'vitest';
import { containsBsn, demoBsn } from '@hub/domain';
import { workingDaysBetween } from '../../src/break-glass.ts';

describe('break-glass reason check', () => {
  const bsn = demoBsn(3);
  it('finds a BSN written plainly or with separators, and not other numbers', () => {
    expect(containsBsn(`cliënt ${bsn} valt`)).toBe(true);
    expect(containsBsn(`BSN ${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`)).toBe(true);
    expect(containsBsn(`BSN ${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`)).toBe(true);
    expect(containsBsn('bel 020-5551234 of 06 12345678')).toBe(false);
    // Ten digits are a telephone number, even when nine of them would pass the elfproef.
    expect(containsBsn(`bel 0${bsn}`)).toBe(false);
    expect(containsBsn('geen nummer, wel acuut gevaar')).toBe(false);
  });
});

describe('working days', () => {
  it('counts Monday to Friday only', () => {
    // Friday 4 December 2026 to Friday 11 December 2026: five working days.
    expect(workingDaysBetween(new Date('2026-12-04T10:00:00Z'), new Date('2026-12-11T09:00:00Z'))).toBe(5);
    expect(workingDaysBetween(new Date('2026-12-04T10:00:00Z'), new Date('2026-12-14T09:00:00Z'))).toBe(6);
    expect(workingDaysBetween(new Date('2026-12-05T10:00:00Z'), new Date('2026-12-06T09:00:00Z'))).toBe(0);
  });
});
