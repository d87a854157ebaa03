/** Dutch words for the codes of the signals and the overlegtafel, and the quarters of the Dutch calendar. */

export const CATEGORY_LABELS: Record<string, string> = {
  NO_CAPACITY: 'Geen plek vrij',
  WAITING_TIME: 'Te lang wachten',
  NO_FITTING_OFFER: 'Geen passend aanbod',
  FALLS_BETWEEN_LAWS: 'Valt tussen de wetten',
  NOT_ELIGIBLE: 'Komt niet in aanmerking',
  ACCESSIBILITY: 'Niet bereikbaar',
  QUALITY: 'Kwaliteit te laag',
  INFORMATION: 'Informatie ontbreekt of klopt niet',
  COORDINATION: 'Organisaties werken niet samen',
  OTHER: 'Iets anders',
};

/** The order of the categories in charts and tables: as the API lists them. */
export const CATEGORY_ORDER = Object.keys(CATEGORY_LABELS);

export const AGE_BAND_LABELS: Record<string, string> = {
  AGE_0_17: '0 tot 18 jaar',
  AGE_18_26: '18 tot en met 26 jaar',
  AGE_27_64: '27 tot en met 64 jaar',
  AGE_65_79: '65 tot en met 79 jaar',
  AGE_80_PLUS: '80 jaar en ouder',
};

export const KNELPUNT_STATUS_LABELS: Record<string, string> = {
  NEW: 'Nieuw',
  ON_AGENDA: 'Op de agenda',
  ACTION: 'Acties lopen',
  RESOLVED: 'Opgelost',
  NOT_RESOLVABLE: 'Niet op te lossen',
};

/** The moves the overlegtafel may make from each state (docs/signals.md), with the words of the button. */
export const KNELPUNT_MOVES: Record<string, { to: string; button: string }[]> = {
  NEW: [{ to: 'ON_AGENDA', button: 'Op de agenda zetten' }],
  ON_AGENDA: [
    { to: 'ACTION', button: 'Acties starten' },
    { to: 'NOT_RESOLVABLE', button: 'Niet op te lossen' },
  ],
  ACTION: [
    { to: 'RESOLVED', button: 'Opgelost' },
    { to: 'ON_AGENDA', button: 'Opnieuw bespreken' },
    { to: 'NOT_RESOLVABLE', button: 'Niet op te lossen' },
  ],
  RESOLVED: [],
  NOT_RESOLVABLE: [],
};

export const SOURCE_LABELS: Record<string, string> = {
  REPORTED: 'Gemeld door een professional',
  GAP_EVENT: 'Uit een afgewezen of te late overdracht',
};

export const GAP_REASON_LABELS: Record<string, string> = {
  NO_CAPACITY: 'afgewezen: geen plek',
  NO_FUNDS: 'afgewezen: geen budget',
  WAITLIST: 'afgewezen: wachtlijst',
  NO_FITTING_OFFER: 'afgewezen: geen passend aanbod',
  OUT_OF_AREA: 'afgewezen: buiten het werkgebied',
  OVERDUE: 'niet op tijd beantwoord',
};

/** What the privacy guard found (`extensions.personalData`), in words; never the text itself. */
export const PERSONAL_DATA_LABELS: Record<string, string> = {
  BSN: 'een burgerservicenummer (BSN)',
  EMAIL: 'een e-mailadres',
  PHONE: 'een telefoonnummer',
  POSTCODE_WITH_HOUSE_NUMBER: 'een postcode met huisnummer',
  DATE: 'een datum die een geboortedatum kan zijn',
};

/** The privacy guard's refusal of a text, in Dutch, with the kind of data it found. */
export function personalDataMessage(kind: unknown): string {
  const found = typeof kind === 'string' ? PERSONAL_DATA_LABELS[kind] : undefined;
  return `${found ? `In deze tekst staat ${found}.` : 'In deze tekst staan persoonsgegevens.'} Schrijf op wat er ontbreekt, zonder iets waarmee iemand te herkennen is. Er is niets opgeslagen.`;
}

/** Today in the Netherlands, YYYY-MM-DD. */
export function todayInNl(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

export interface Quarter {
  year: number;
  /** 1 to 4. */
  q: number;
}

export const quarterKey = ({ year, q }: Quarter): string => `${year}-Q${q}`;
export const quarterName = ({ year, q }: Quarter): string => `${q}e kwartaal ${year}`;
/** "2026-Q3" → "3e kwartaal 2026". */
export const periodName = (key: string): string => {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? quarterName({ year: Number(m[1]), q: Number(m[2]) }) : key;
};

export function shiftQuarter({ year, q }: Quarter, by: number): Quarter {
  const index = year * 4 + (q - 1) + by;
  return { year: Math.floor(index / 4), q: (index % 4) + 1 };
}

export function quarterOf(isoDate: string): Quarter {
  return { year: Number(isoDate.slice(0, 4)), q: Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1 };
}

/** First and last day of a quarter, YYYY-MM-DD. */
export function quarterDays({ year, q }: Quarter): { from: string; to: string } {
  const lastMonth = q * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${year}-${String(lastMonth - 2).padStart(2, '0')}-01`, to: `${year}-${String(lastMonth).padStart(2, '0')}-${lastDay}` };
}

/** The latest quarter whose figures are published: the one before the current quarter. */
export const lastClosedQuarter = (): Quarter => shiftQuarter(quarterOf(todayInNl()), -1);
