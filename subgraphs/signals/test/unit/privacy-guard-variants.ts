import type { PersonalDataKind } from '@hub/domain';

/**
 * The variant table of the privacy guard: texts that carry personal data, each written plainly and with the
 * Unicode tricks that hide it from a naive pattern, and benign signal texts (some also written with those
 * tricks) that must pass. 123456782, 111222333 and 999999990 pass the BSN elfproef; 987654321 does not.
 */

export interface Variant {
  text: string;
  shouldRefuse: boolean;
  /** The kind the guard names for personal data; null for a benign text. */
  kind: PersonalDataKind | null;
  /** How the text was written: "plain" or the name of the trick. */
  trick: string;
  /**
   * A benign text that the guard refuses all the same, on purpose (a documented false positive). Pinned here so a
   * change that adds or removes one is seen; counted in the false-positive rate.
   */
  refusedAnyway?: true;
}

/** The guard's date rule depends on the current year; the table is written for mid-2026. */
export const TABLE_NOW = new Date('2026-06-15T12:00:00Z');

const mapDigits = (zero: number) => (s: string) => s.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
const betweenDigits = (mark: string) => (s: string) => s.replace(/(?<=\d)(?=\d)/g, mark);
const betweenAll = (mark: string) => (s: string) => [...s].join(mark);

/** The tricks: each rewrites a text so that it reads the same but its code points differ. */
const TRICKS: Record<string, (s: string) => string> = {
  plain: (s) => s,
  'zero-width space between digits': betweenDigits('\u200b'),
  'zero-width joiner and non-joiner between digits': (s) => s.replace(/(?<=\d)(?=\d)/g, () => '\u200d\u200c'),
  'word joiner, soft hyphen and BOM between characters': betweenAll('\u2060\u00ad\ufeff'),
  'direction marks around digits': (s) => s.replace(/\d/g, (d) => `\u200e${d}\u200f`),
  // U+FF01..U+FF5E are the full-width forms of "!".."~", at a fixed distance.
  'full-width digits, letters, @ and punctuation': (s) => s.replace(/[!-~]/g, (c) => String.fromCodePoint((c.codePointAt(0) ?? 0) + 0xfee0)),
  'Arabic-Indic digits': mapDigits(0x0660),
  'Devanagari digits': mapDigits(0x0966),
  'mathematical bold digits': mapDigits(0x1d7ce),
  'no-break and thin spaces, en dash': (s) => s.replace(/ /g, () => '\u00a0').replace(/-/g, '\u2013'),
  'ideographic space, non-breaking hyphen, fraction slash': (s) => s.replace(/ /g, '\u3000').replace(/-/g, '\u2011').replace(/\//g, '\u2044'),
  'keycap digits': (s) => s.replace(/\d/g, (d) => `${d}\ufe0f\u20e3`),
  'digits on separate lines': (s) => s.replace(/(?<=\d) (?=\d)/g, '\n'),
};

/** Personal data of every kind, each combined with the tricks that apply to it. */
const PERSONAL: [PersonalDataKind, string[], string[]][] = [
  [
    'BSN',
    ['client 123456782 wacht al lang', 'BSN 1234 56 782 staat op de lijst', '123.456.782', 'bsn: 111222333', '12-34-56-782', 'burgerservicenummer 987654321'],
    [
      'plain',
      'zero-width space between digits',
      'zero-width joiner and non-joiner between digits',
      'full-width digits, letters, @ and punctuation',
      'Arabic-Indic digits',
      'Devanagari digits',
      'mathematical bold digits',
      'keycap digits',
    ],
  ],
  [
    'BSN',
    ['1 2 3 4 5 6 7 8 2', '999 999 990'],
    [
      'word joiner, soft hyphen and BOM between characters',
      'no-break and thin spaces, en dash',
      'ideographic space, non-breaking hyphen, fraction slash',
      'digits on separate lines',
      'direction marks around digits',
    ],
  ],
  [
    'EMAIL',
    ['mail jan.jansen@example.nl voor info', 'contact: zorg123@mail.example.com', 'j.de.vries+zorg@gemeente-enschede.nl'],
    ['plain', 'full-width digits, letters, @ and punctuation', 'word joiner, soft hyphen and BOM between characters', 'zero-width space between digits'],
  ],
  [
    'EMAIL',
    [
      'naam [at] domein [dot] nl',
      'naam(at)domein(punt)nl',
      'naam at domein.nl',
      'naam [@] domein [.] nl',
      'naam (a) domein.nl',
      'naam apestaartje domein punt nl',
      'naam @ domein . nl',
    ],
    ['plain', 'full-width digits, letters, @ and punctuation', 'no-break and thin spaces, en dash', 'ideographic space, non-breaking hyphen, fraction slash'],
  ],
  [
    'PHONE',
    ['bel 06-12345678', '+31 6 1234 5678', '0031 20 123 4567', '(020) 123 45 67', 'tel. 074-2451234 (maandag)', '06 12 34 56 78', '+32 470 12 34 56'],
    [
      'plain',
      'zero-width space between digits',
      'full-width digits, letters, @ and punctuation',
      'Arabic-Indic digits',
      'no-break and thin spaces, en dash',
      'ideographic space, non-breaking hyphen, fraction slash',
      'digits on separate lines',
      'direction marks around digits',
    ],
  ],
  [
    'POSTCODE_WITH_HOUSE_NUMBER',
    ['1234 AB 12', '1234AB-12', '1234 AB huisnr 7', 'Stationsstraat 12, 1234 AB', '7511 jk hnr. 3', 'huisnummer 14, 7511 jk', '7511JK nr 3a'],
    [
      'plain',
      'zero-width space between digits',
      'full-width digits, letters, @ and punctuation',
      'Arabic-Indic digits',
      'no-break and thin spaces, en dash',
      'word joiner, soft hyphen and BOM between characters',
    ],
  ],
  [
    'DATE',
    [
      '12-03-1956',
      '12/03/56',
      '12 03 1956',
      '12031956',
      '1956-03-12',
      '12 maart 1950',
      '12-mrt-1956',
      'March 3rd 1950',
      'March 3, 1950',
      '3rd of March 1950',
      '14-05-2016',
      'cliënt (12 maart 1956) wacht op een plek',
    ],
    [
      'plain',
      'zero-width space between digits',
      'full-width digits, letters, @ and punctuation',
      'Arabic-Indic digits',
      'Devanagari digits',
      'no-break and thin spaces, en dash',
      'ideographic space, non-breaking hyphen, fraction slash',
    ],
  ],
  [
    'DATE',
    [
      'geboren 3 januari',
      'born on the 3rd of March',
      'geb. 12 03',
      'geboortedatum 3-12',
      'jarig op 3 maart',
      'geboren in 1956',
      'dob: 1956',
      'wordt 18 op 3 maart 2027',
      'in 1956 geboren',
    ],
    ['plain', 'zero-width space between digits', 'full-width digits, letters, @ and punctuation', 'word joiner, soft hyphen and BOM between characters'],
  ],
];

/** Single variants with a trick of their own: [kind, text, trick]. */
const PERSONAL_SINGLES: [PersonalDataKind, string, string][] = [
  ['BSN', '123_456_782', 'underscores between digits'],
  ['BSN', '1.2.3.4.5.6.7.8.2', 'a dot between every digit'],
  ['BSN', '\u2460\u2461\u2462\u2463\u2464\u2465\u2466\u2467\u2461', 'circled digits'],
  ['BSN', '\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u00b2', 'superscript digits'],
  ['BSN', '\u0e51\u0e52\u0e53\u0e54\u0e55\u0e56\u0e57\u0e58\u0e52', 'Thai digits'],
  ['BSN', 'nummer 1l1222333', 'letter l for the digit 1'],
  ['BSN', 'bsn 1234.567.82', 'odd grouping'],
  ['BSN', 'BSN-nummer: 987 654 321', 'named BSN failing the elfproef'],
  ['PHONE', 'O6-12345678', 'letter O for the digit 0'],
  ['PHONE', '0612 345 678', 'odd grouping'],
  ['PHONE', '+31 (0) 6-1234 5678', 'trunk prefix with spaces'],
  ['PHONE', '0031-6-12345678', 'dashes'],
  ['PHONE', '\uff0b\uff13\uff11\uff16\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18', 'full-width plus'],
  ['EMAIL', 'jan.jansen\uff20example\uff0enl', 'full-width @ and dot'],
  ['EMAIL', 'jan\ufe6bexample.nl', 'small commercial at'],
  ['EMAIL', 'jan@example\u200b.nl', 'zero-width space before the dot'],
  ['EMAIL', 'naam [ at ] domein [ dot ] nl', 'spaced brackets'],
  ['EMAIL', 'naam@domein.co.uk', 'plain'],
  ['POSTCODE_WITH_HOUSE_NUMBER', '1234-AB 12', 'dash inside the postcode'],
  ['POSTCODE_WITH_HOUSE_NUMBER', 'huisnr. 12 1234 AB', 'plain'],
  ['POSTCODE_WITH_HOUSE_NUMBER', '1234 AB, nr 12', 'plain'],
  ['DATE', 'geb.12-03-1956', 'no space after the word'],
  ['DATE', 'geboren: 12 III 1956', 'Roman month'],
  ['DATE', '12.3.1956', 'plain'],
  ['DATE', '12 - 03 - 1956', 'spaced separators'],
  ['DATE', "12-03-'56", 'apostrophe year'],
  ['DATE', '1956 03 12', 'spaces as separators, year first'],
  ['DATE', '12th March 1950', 'English ordinal'],
  ['DATE', 'the 3rd of March, 1950', 'English ordinal'],
  ['DATE', 'geboortedatum 03031956', 'no separators'],
  ['DATE', 'DOB 03/03/1956', 'plain'],
  ['DATE', 'date of birth: 3 March', 'plain'],
  ['DATE', 'birthday: March 3', 'plain'],
  ['DATE', 'verjaardag 12 maart', 'plain'],
  ['DATE', 'vrouw, 12-03-1956, wacht op een plek', 'plain'],
  ['DATE', 'sinds 12-03-1956 bekend bij het wijkteam', 'moment word before an old date'],
];

/** Realistic signal texts, decisions and actions: counts, amounts, weeks, years, policy and service dates. */
const BENIGN: string[] = [
  'wachttijd 13 weken',
  '3 cliënten in Twente',
  'in 2025 kwartaal 3',
  'ZK22 en GM0153',
  'tussen 18 en 23 jaar',
  'tussen 18-23 jaar',
  'zorgprofiel 10VV en 5VV',
  '€ 1.250,50 eigen bijdrage per maand',
  '€ 12.500 budget',
  '€ 2.345.000 tekort op het Wmo-budget in 2025',
  'Geen plek in de dagbesteding voor jongeren met LVB, 4 aanvragen in maart 2025.',
  'Wachtlijst van 26 weken voor GZ verblijf in Enschede en Hengelo (O.)',
  'per 1 januari 2027 sluit de dagbesteding in Almelo',
  'sinds de wijziging van 1 juli is er geen vervoer meer',
  'wachtlijst sinds maart 2026',
  'in 2025 nam het aantal aanvragen toe',
  'sinds 1 januari 2015 valt begeleiding onder de Wmo',
  'Met ingang van 1 juli 2022 stopt de aanbieder met nieuwe cliënten',
  'De Wlz bestaat sinds 1 januari 2015; de AWBZ tot 31 december 2014 was anders.',
  'Besluit van de overlegtafel op 12 november 2025: extra plekken inkopen',
  'Besproken in het overleg van 3 februari 2026',
  'Actie: voor 15 september 2026 een voorstel aan de zorgkantoor',
  'De aanbesteding loopt tot 30-06-2027',
  'vergadering 12-03-2026 verplaatst naar 19-03-2026',
  'contract loopt af op 31/12/2026',
  'deadline 2026-09-30',
  'per 01-01-2027 nieuwe tarieven',
  'het nieuwe beleid geldt vanaf 1 april',
  'op 3 maart 20 aanvragen ontvangen',
  'sinds 2025-03 geen instroom',
  'kwartaal 2025-Q3',
  'periode 2024-2025 vergeleken met 2019 2020',
  'ongeveer 40% van de aanvragen',
  'postcodegebied 7511',
  'vooral in 7511 en 7512 (Enschede-centrum)',
  'leeftijd 65-79',
  'normen: 6 weken (VV), 13 weken (GZ)',
  'in 2025 GZ 12 aanvragen afgewezen',
  'in 2024 VV 30 plekken minder',
  'AGB 73000013 niet gevonden',
  'wachten at home. Daarna opnieuw',
  'de punt is dat er geen plek is',
  'versie 1.2.3 van het formulier',
  '14 020 is het gemeentenummer',
  'bel de gemeente via 14 053',
  'knelpunt: geen bed in de opvang voor 5 personen',
  'Wlz-indicatie 2024, nog geen aanbieder',
  'art. 2.3.2 lid 3 Wmo',
  'artikel 3.2.1 Wlz',
  '1 op de 4 aanvragen',
  '12 jongeren wachten langer dan 10 weken op begeleid wonen',
  '18-/18+: de overgang van Jeugdwet naar Wmo gaat mis bij 7 jongeren',
  '250 uur huishoudelijke hulp per jaar te weinig',
  'reistijd 45 minuten met de regiotaxi',
  'eigen bijdrage € 21 per maand (abonnementstarief 2026)',
  'aantal meldingen Q1 2026: 37',
  '3 aanbieders, 120 plekken, 160 aanvragen',
  'wachttijd gemiddeld 8,5 week, mediaan 7 weken',
  'de treeknorm van 4 weken wordt bij 60% niet gehaald',
  'geen logeeropvang in het weekend, 9 gezinnen gemeld in week 12',
  'dagbesteding 3 dagdelen per week in plaats van 5',
  'zorgkantoor ZK09 heeft 2 nieuwe aanbieders gecontracteerd',
  'De 2 locaties in 7521 en 7544 zijn vol',
  'Gemeente GM0153 en GM0164 werken samen vanaf 2027',
  'In 2023, 2024 en 2025 steeds meer aanvragen',
  'het aantal wordt 40 in 2027',
  'de wachtlijst wordt 12 weken langer',
  'meerjarig contract 2025-2028',
  'aanvragen van 1-1-2026 tot en met 31-3-2026',
  'sinds 1 mei 2019 geen nieuwe aanbieder',
  'per 1 juli 2021 is de subsidie gestopt',
  'dossiernummer 2026-000123 van de gemeente',
  'telefonisch spreekuur 09.00-12.00 uur',
  'open van 8.30 tot 17.00',
  'inloop op dinsdag 14:00-16:00',
  'tarief 2026: € 65,40 per uur',
  "rapport van 1.234 pagina's",
  'KvK-nummer van de aanbieder staat in de sociale kaart',
  'de regio telt 620.000 inwoners',
  '1.250.000 euro extra voor de wijkteams',
  'cliëntondersteuning bij 55+ mantelzorgers',
  'mensen van 80 jaar en ouder',
  'beschermd wonen: 14 plekken, 31 op de wachtlijst',
  'Zie het besluit van 15 maart 2026 over de tarieven',
  'Op 1 januari 2026 in werking getreden wijziging van de Wmo-verordening',
  'sinds januari 2015',
  'vanaf 2027 geen indicatie meer nodig',
  'bij 3 van de 10 aanvragen ontbreekt informatie',
  'wachten van 26-05 tot 30-06',
  '12 mrt overleg met de aanbieder',
  'In week 10 t/m 14 geen vervoer',
  'regio Twente, 14 gemeenten',
  'melding via het formulier op de website van de gemeente',
  'zorg@gemeente zonder domein is geen adres',
  'neem contact op met het wijkteam',
  'de aanbieder is gevestigd op 7511 JK (centrum)',
  'kinderen van 4-12 jaar',
  'groep 7/8 van de basisschool',
  'Jeugdwet art. 2.3 lid 1',
  'jongeren geboren na 2008 vallen onder de nieuwe regeling',
  'Op 14 februari 2026 besproken',
  'AWBZ tot 2015',
  'wachttijd 3-4 weken',
  'sinds 2 jaar geen plek',
  'schooljaar 2025/2026',
  'seizoen 2025-26',
  '24/7 zorg niet beschikbaar',
  'bij 1234 aanvragen',
  'ongeveer 1200 VV-plekken',
  '3400 GZ-cliënten',
  'geboortezorg ontbreekt in de regio',
  'kraamzorg na de geboorte',
  'pasgeborenen: 12 in 2025',
  'in de 2e helft van 2025',
  '0800-1234567 is het gratis nummer van de aanbieder',
  'ZZP 5 VV',
  '100.000.000 euro',
  'Q4 2025: 15 meldingen, Q1 2026: 22',
  'aanvraag 2025-11-03',
  'indicatie afgegeven op 3 maart 2025',
  'sinds 12 maart 2024 geen plek',
  'wachten sinds 04-02-2024',
  'CO2-neutraal vervoer ontbreekt',
  '',
];

/** Benign texts the guard refuses on purpose (see docs/signals.md); they count as false positives. */
const BENIGN_REFUSED_ANYWAY: string[] = [
  // Birth-date wording next to a year: policy language, but indistinguishable from "geboren in 1956".
  'kinderen geboren in 2020 krijgen voorrang bij de kinderopvang',
  // A full date further back than last year that is not the first or last of a month nor after "sinds", "per", …
  'sinds de uitspraak van 14 maart 2019 wordt dit anders beoordeeld',
  'zie het rapport 2024.03.15',
  // A full date more than fifteen years back: a law's date reads like an adult's date of birth.
  'De Wmo van 1 januari 2007 regelt dit niet',
  // Nine digits that pass the elfproef, written as an amount.
  '€ 123.456.782 totaal budget over vier jaar',
];

/** Tricks applied to a share of the benign texts: normalising must not turn a benign text into a refused one. */
const BENIGN_TRICKS = [
  'full-width digits, letters, @ and punctuation',
  'zero-width space between digits',
  'Arabic-Indic digits',
  'no-break and thin spaces, en dash',
  'ideographic space, non-breaking hyphen, fraction slash',
];
const BENIGN_WITH_TRICKS = [
  'wachttijd 13 weken',
  'per 1 januari 2027 sluit de dagbesteding in Almelo',
  'in 2025 nam het aantal aanvragen toe',
  '€ 1.250,50 eigen bijdrage per maand',
  'periode 2024-2025 vergeleken met 2019 2020',
  'sinds 1 januari 2015 valt begeleiding onder de Wmo',
  'vergadering 12-03-2026 verplaatst naar 19-03-2026',
  'postcodegebied 7511',
];

function trick(name: string): (s: string) => string {
  const apply = TRICKS[name];
  if (!apply) throw new Error(`unknown trick ${name}`);
  return apply;
}

export const VARIANTS: Variant[] = [
  ...PERSONAL.flatMap(([kind, texts, tricks]) =>
    texts.flatMap((text) => tricks.map((name) => ({ text: trick(name)(text), shouldRefuse: true, kind, trick: name }))),
  ),
  ...PERSONAL_SINGLES.map(([kind, text, name]) => ({ text, shouldRefuse: true, kind, trick: name })),
  ...BENIGN.map((text) => ({ text, shouldRefuse: false, kind: null, trick: 'plain' })),
  ...BENIGN_WITH_TRICKS.flatMap((text) => BENIGN_TRICKS.map((name) => ({ text: trick(name)(text), shouldRefuse: false, kind: null, trick: name }))),
  ...BENIGN_REFUSED_ANYWAY.map((text) => ({ text, shouldRefuse: false, kind: null, trick: 'plain', refusedAnyway: true as const })),
];
