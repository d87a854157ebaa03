import { describe, expect, it } from 'vitest';
import { findPersonalData, normalizeForGuard, type PersonalDataKind } from '@hub/domain';
import { TABLE_NOW, VARIANTS } from './privacy-guard-variants.ts';

/** Texts that must be refused, with the kind the guard names. 123456782 and 111222333 pass the elfproef. */
const refused: [string, PersonalDataKind][] = [
  // BSN, plain and with spacing and punctuation tricks
  ['client 123456782 wacht al lang', 'BSN'],
  ['bsn: 123456782', 'BSN'],
  ['bsn123456782', 'BSN'],
  ['BSN 1234 56 782', 'BSN'],
  ['123.456.782 staat op de wachtlijst', 'BSN'],
  ['12-34-56-782', 'BSN'],
  ['1234-56-782', 'BSN'],
  ['123 456 782', 'BSN'],
  ['1 2 3 4 5 6 7 8 2', 'BSN'],
  ['(123456782)', 'BSN'],
  ['111222333', 'BSN'],
  ['111 222 333', 'BSN'],
  ['nummer 123456782 12', 'BSN'],
  ['12345678 2', 'BSN'],
  ['bsn\u00a0123\u00a0456\u00a0782', 'BSN'],
  // e-mail, plain and obfuscated
  ['mail jan.jansen@example.nl voor info', 'EMAIL'],
  ['j.de.vries+zorg@gemeente-enschede.nl', 'EMAIL'],
  ['naam @ domein.nl', 'EMAIL'],
  ['naam [at] domein [dot] nl', 'EMAIL'],
  ['naam(at)domein(dot)nl', 'EMAIL'],
  ['naam {at} domein.nl', 'EMAIL'],
  ['naam [at] domein.nl', 'EMAIL'],
  ['naam at domein.nl', 'EMAIL'],
  ['naam at domein dot nl', 'EMAIL'],
  ['naam AT domein DOT nl', 'EMAIL'],
  ['naam apenstaartje domein punt nl', 'EMAIL'],
  ['naam [apenstaartje] domein [punt] nl', 'EMAIL'],
  ['zoë@zorg.example.com', 'EMAIL'],
  // phone numbers
  ['bel 06-12345678', 'PHONE'],
  ['0612345678', 'PHONE'],
  ['06 12 34 56 78', 'PHONE'],
  ['06 1234 5678', 'PHONE'],
  ['+31 6 1234 5678', 'PHONE'],
  ['+31612345678', 'PHONE'],
  ['+31 (0)6 12345678', 'PHONE'],
  ['0031 20 123 4567', 'PHONE'],
  ['0031201234567', 'PHONE'],
  ['(020) 123 45 67', 'PHONE'],
  ['020-1234567', 'PHONE'],
  ['020 - 123 4567', 'PHONE'],
  ['053.123.45.67', 'PHONE'],
  ['tel. 074-2451234 (maandag)', 'PHONE'],
  // postcode with house number
  ['1234 AB 12', 'POSTCODE_WITH_HOUSE_NUMBER'],
  ['1234AB, 12', 'POSTCODE_WITH_HOUSE_NUMBER'],
  ['1234AB 12a', 'POSTCODE_WITH_HOUSE_NUMBER'],
  ['1234ab 12', 'POSTCODE_WITH_HOUSE_NUMBER'],
  ['1234 AB nr. 7', 'POSTCODE_WITH_HOUSE_NUMBER'],
  ['1234 AB huisnummer 7', 'POSTCODE_WITH_HOUSE_NUMBER'],
  ['Stationsstraat 12, 1234 AB', 'POSTCODE_WITH_HOUSE_NUMBER'],
  ['Stationsstraat 12a 1234AB Enschede', 'POSTCODE_WITH_HOUSE_NUMBER'],
  ['Hoofdweg 3-B, 7511 JK', 'POSTCODE_WITH_HOUSE_NUMBER'],
  // dates (of birth)
  ['12-03-1956', 'DATE'],
  ['12/03/1956', 'DATE'],
  ['12.03.1956', 'DATE'],
  ['1956-03-12', 'DATE'],
  ['1956/3/12', 'DATE'],
  ['12 maart 1956', 'DATE'],
  ['12 mrt. 1956', 'DATE'],
  ["12 mrt '56", 'DATE'],
  ['3 March 1956', 'DATE'],
  ['geboren 12-3-56', 'DATE'],
  ['12-3-56', 'DATE'],
  ['1-1-1940', 'DATE'],
  ['geboren in 1956', 'DATE'],
  ['geb. 1956', 'DATE'],
  ['geboortedatum: 3 1956', 'DATE'],
  ['DOB 1956', 'DATE'],
];

/** Texts that must pass: the ordinary language of a signal. */
const allowed: string[] = [
  'wachttijd 13 weken',
  '3 cliënten in Twente',
  'in 2025 kwartaal 3',
  'ZK22 en GM0153',
  'tussen 18 en 23 jaar',
  '10VV',
  'zorgprofiel 10VV en 5VV',
  '€ 1.250',
  '€ 1.250,50 eigen bijdrage per maand',
  '€ 12.500 budget',
  'Geen plek in de dagbesteding voor jongeren met LVB, 4 aanvragen in maart 2025.',
  'Wachtlijst van 26 weken voor GZ verblijf in Enschede en Hengelo (O.)',
  'in 2025 en 2026 steeds vaker',
  'sinds maart 2025',
  'sinds 2025-03',
  'kwartaal 2025-Q3',
  'ongeveer 40% van de aanvragen',
  'tussen 18-23 jaar',
  'postcodegebied 7511',
  'leeftijd 65-79',
  'normen: 6 weken (VV), 13 weken (GZ)',
  'AGB 73000013 niet gevonden',
  'wachten at home. Daarna opnieuw',
  'de punt is dat er geen plek is',
  'versie 1.2.3 van het formulier',
  '14 020 is het gemeentenummer',
  'bel de gemeente',
  'knelpunt: geen bed in de opvang voor 5 personen',
  'Wlz-indicatie 2024, nog geen aanbieder',
  'art. 2.3.2 lid 3 Wmo',
  '1 op de 4 aanvragen',
  '',
];

describe('privacy guard', () => {
  it.each(refused)('refuses %j as %s', (text, kind) => {
    expect(findPersonalData(text)).toBe(kind);
  });

  it.each(allowed.map((t) => [t]))('allows %j', (text) => {
    expect(findPersonalData(text)).toBeNull();
  });

  it('does not take an 8- or 9-digit number that fails the elfproef for a BSN', () => {
    expect(findPersonalData('123456789')).toBeNull();
    expect(findPersonalData('referentie 987 654 321')).toBeNull();
  });
});

/** The largest share of benign texts the guard may refuse over the variant table. */
const MAX_FALSE_POSITIVE_RATE = 0.05;

describe('privacy guard over the variant table', () => {
  const personal = VARIANTS.filter((v) => v.shouldRefuse);
  const benign = VARIANTS.filter((v) => !v.shouldRefuse);
  const verdicts = VARIANTS.map((v) => ({ ...v, found: findPersonalData(v.text, { now: TABLE_NOW }) }));

  it('has at least 200 variants, personal data of every kind written with every trick', () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(personal.map((v) => v.kind))).toEqual(new Set(['BSN', 'EMAIL', 'PHONE', 'POSTCODE_WITH_HOUSE_NUMBER', 'DATE']));
    expect(new Set(personal.map((v) => v.trick)).size).toBeGreaterThanOrEqual(12);
    expect(benign.length).toBeGreaterThanOrEqual(100);
  });

  it.each(personal.map((v) => [v.kind, v.trick, v.text] as const))('refuses %s written with %s: %j', (kind, _trick, text) => {
    expect(findPersonalData(text, { now: TABLE_NOW })).toBe(kind);
  });

  it.each(benign.map((v) => [v.trick, v.text, v.refusedAnyway === true] as const))(
    'allows the benign text (%s) %j unless it is a documented false positive',
    (_trick, text, refusedAnyway) => {
      expect(findPersonalData(text, { now: TABLE_NOW }) !== null).toBe(refusedAnyway);
    },
  );

  it('catches every personal variant and refuses few benign texts (prints the rates)', () => {
    const caught = verdicts.filter((v) => v.shouldRefuse && v.found !== null).length;
    const falsePositives = verdicts.filter((v) => !v.shouldRefuse && v.found !== null);
    const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
    console.log(
      `privacy guard over ${VARIANTS.length} variants: caught ${caught}/${personal.length} personal (${percent(caught, personal.length)}), ` +
        `false positives ${falsePositives.length}/${benign.length} benign (${percent(falsePositives.length, benign.length)})`,
    );
    expect(caught).toBe(personal.length);
    expect(falsePositives.length / benign.length).toBeLessThanOrEqual(MAX_FALSE_POSITIVE_RATE);
  });
});

describe('normalising before matching', () => {
  it('folds compatibility forms, removes invisible characters and maps every decimal digit', () => {
    expect(normalizeForGuard('１２３\u200b４\u2060５\u00ad６')).toBe('123456');
    expect(normalizeForGuard('\u0661\u0662 \u0967\u0968 \u{1d7d7}\u{1d7e2} \u0e51\u0e52 \uff11\uff12')).toBe('12 12 90 12 12');
    expect(normalizeForGuard('naam\uff20domein\uff0enl')).toBe('naam@domein.nl');
    expect(normalizeForGuard('06\u201312\u2011345\u2212678')).toBe('06-12-345-678');
    expect(normalizeForGuard('a\u00a0\u2009\u3000\n\tb')).toBe('a b');
    expect(normalizeForGuard('cliënt')).toBe('client');
  });

  it('reads a two-digit year as the nearest century and applies the birth-date rule to the year it reads', () => {
    expect(findPersonalData('12-3-56', { now: TABLE_NOW })).toBe('DATE');
    expect(findPersonalData('12-3-26', { now: TABLE_NOW })).toBeNull();
    // The same text refused twenty years later: the date is then far enough back to be a date of birth.
    expect(findPersonalData('vergadering 12-03-2026', { now: TABLE_NOW })).toBeNull();
    expect(findPersonalData('vergadering 12-03-2026', { now: new Date('2046-06-15T12:00:00Z') })).toBe('DATE');
  });
});
