import type { Formality, LegalDomain, Leveringsvorm, LifeDomain, ServiceSort, SupportForm, TargetGroup, WlzSector } from '../../generated/graphql.ts';

/**
 * What the user searched for, kept in memory while the console is open, so that coming back from a service shows
 * the same results. Never in the URL: search text can say something about a resident.
 */
export interface SearchState {
  text: string;
  /** '' for every gemeente. */
  gemeenteCode: string;
  /**
   * The 4 digits of the resident's postcode ('' for none): distance is then measured from the centre of that
   * postcode area instead of the gemeente. Location data of a resident: in memory only, never in the URL.
   */
  postcode: string;
  /** Only services with a location this close to the centre of the postcode area or gemeente; null for any distance. */
  maxDistanceKm: number | null;
  sort: ServiceSort;
  legalDomains: LegalDomain[];
  lifeDomains: LifeDomain[];
  targetGroups: TargetGroup[];
  supportForms: SupportForm[];
  wlzSectors: WlzSector[];
  leveringsvormen: Leveringsvorm[];
  /** A COD163 code ('754' for 5VV), '' for any zorgprofiel: a client's indicatie has one. */
  zorgprofiel: string;
  /** Only services with a fresh waiting time of at most this many days; null for any. */
  maxWaitingDays: number | null;
  languages: string[];
  formality: Formality | null;
  independentOnly: boolean;
  hasCapacityNow: boolean;
  /** The `after` cursor of each page visited so far; the last one is the page shown. */
  cursors: Array<string | null>;
}

export type ListFilter = 'legalDomains' | 'lifeDomains' | 'targetGroups' | 'supportForms' | 'wlzSectors' | 'leveringsvormen' | 'languages';

export const emptySearch = (gemeenteCode = ''): SearchState => ({
  text: '',
  gemeenteCode,
  postcode: '',
  maxDistanceKm: null,
  sort: 'RELEVANCE',
  legalDomains: [],
  lifeDomains: [],
  targetGroups: [],
  supportForms: [],
  wlzSectors: [],
  leveringsvormen: [],
  zorgprofiel: '',
  maxWaitingDays: null,
  languages: [],
  formality: null,
  independentOnly: false,
  hasCapacityNow: false,
  cursors: [null],
});

let remembered: { state: SearchState; forUser: string } | undefined;

/** The last search of this user in this tab; a new user (or none) starts afresh in their own gemeente. */
export function rememberedSearch(user: string, gemeenteCode: string | undefined): SearchState {
  return remembered?.forUser === user ? remembered.state : emptySearch(gemeenteCode ?? '');
}

export function rememberSearch(user: string, state: SearchState): void {
  remembered = { state, forUser: user };
}

export const PAGE_SIZE = 20;
