import { describe, expect, it } from 'vitest';
import { capacityFor, parseWeeks, weeksText } from '../../src/pages/beheer/capacity.ts';
import { accessLogCsv, CSV_HEADER, groundText, nextDay, outcomeText, startOfDayInNl } from '../../src/pages/privacy/overview.ts';

const line = {
  occurredAt: '2026-07-01T08:15:00.000Z',
  action: 'READ',
  outcome: 'REFUSED',
  outcomeReason: 'NO_CONSENT',
  userId: 'u-1',
  userName: 'Zeynep "Zee" Yılmaz; Jansen',
  role: 'CLIENTONDERSTEUNER,ZORGBEMIDDELAAR',
  organization: { id: 'org-1', name: 'Zorgkantoor Amsterdam' },
  dataCategories: ['CONTACT', 'IDENTITY'],
  authorizationGround: 'NONE',
  accessPoint: 'cases:Read:Client.contact',
};

describe('the access overview as CSV for Dutch Excel', () => {
  it('starts with a byte order mark, separates with semicolons, ends lines with CRLF and quotes what needs it', () => {
    const csv = accessLogCsv([line]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, row, rest] = csv.slice(1).split('\r\n');
    expect(header).toBe(CSV_HEADER.join(';'));
    expect(rest).toBe('');
    expect(row).toBe(
      [
        '2026-07-01 10:15:00',
        '"Zeynep ""Zee"" Yılmaz; Jansen"',
        'u-1',
        'Cliëntondersteuner, Klantadviseur zorgkantoor',
        'Zorgkantoor Amsterdam',
        'org-1',
        'Bekeken',
        'Geweigerd: geen toestemming',
        'Contactgegevens, Wie de cliënt is',
        'Geen',
        'cases:Read:Client.contact',
      ].join(';'),
    );
  });

  it('keeps Excel from running a field as a formula', () => {
    const csv = accessLogCsv([{ ...line, userName: '=HYPERLINK("x")' }]);
    expect(csv).toContain(`;"'=HYPERLINK(""x"")";`);
  });

  it('puts grounds and outcomes in words', () => {
    expect(groundText('STATED_PURPOSE:PRIVACY_REQUEST')).toBe('Opgegeven doel: privacyverzoek');
    expect(groundText('CONSENT:a,CONSENT:b')).toBe('Toestemming van de cliënt');
    expect(groundText('OWN_ORGANIZATION')).toBe('Eigen organisatie');
    expect(outcomeText('GRANTED', null)).toBe('Toegestaan');
    expect(outcomeText('REFUSED', 'EXPIRED,REVOKED')).toBe('Geweigerd: toestemming verlopen, toestemming ingetrokken');
  });
});

describe('the period of the overview', () => {
  it('runs from 00:00 in the Netherlands, in winter and in summer time', () => {
    expect(startOfDayInNl('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDayInNl('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    // The day the clocks go forward starts in winter time.
    expect(startOfDayInNl('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('capacity in one click', () => {
  const current = { available: 4, maximum: 10, unit: 'plek' };

  it('keeps the number of places and asks the waiting time only for the waiting list', () => {
    expect(capacityFor('HAS_CAPACITY', current, 3)).toEqual({ status: 'HAS_CAPACITY', available: 4, maximum: 10, unit: 'plek', expectedWaitDays: 0 });
    expect(capacityFor('WAITLIST', current, 3)).toEqual({ status: 'WAITLIST', available: 0, maximum: 10, unit: 'plek', expectedWaitDays: 21 });
    expect(capacityFor('WAITLIST', current, null)).toMatchObject({ expectedWaitDays: null });
    expect(capacityFor('NO_CAPACITY', { available: null, maximum: null, unit: null }, 3)).toEqual({
      status: 'NO_CAPACITY',
      available: null,
      maximum: null,
      unit: null,
      expectedWaitDays: null,
    });
  });

  it('reads whole weeks only', () => {
    expect(parseWeeks(' 3 ')).toEqual({ weeks: 3 });
    expect(parseWeeks('')).toEqual({ weeks: null });
    expect(parseWeeks('2,5')).toHaveProperty('error');
    expect(parseWeeks('600')).toHaveProperty('error');
    expect(weeksText(21)).toBe('ongeveer 3 weken');
    expect(weeksText(3)).toBe('ongeveer 1 week');
    expect(weeksText(0)).toBe('geen wachttijd');
  });
});
