import type { LegalDomain, LifeDomain, SupportForm, TargetGroup } from '@hub/domain';

/** Lower case without diacritics: 'Cliëntondersteuning' → 'clientondersteuning'. Used on both sides of a search. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Words of a search text, folded and limited to letters and digits (safe inside a tsquery). */
export function searchWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}

/** Dutch words for the code lists, so a search for 'mantelzorg' or 'schulden' also finds services by their tags. */
const LABELS: Record<string, string> = {
  WMO_ALGEMENE_VOORZIENING: 'wmo algemene voorziening',
  WMO_MAATWERKVOORZIENING: 'wmo maatwerkvoorziening',
  WLZ: 'wlz wet langdurige zorg',
  JEUGDWET: 'jeugdwet jeugdhulp',
  ZVW: 'zorgverzekeringswet',
  PARTICIPATIEWET: 'participatiewet werk inkomen',
  FREELY_ACCESSIBLE: 'vrij toegankelijk',
  ZORG_EN_ONDERSTEUNING: 'zorg ondersteuning',
  WONEN: 'wonen huisvesting',
  WERK_EN_DAGBESTEDING: 'werk dagbesteding',
  FINANCIEN_EN_SCHULDEN: 'financien geldzaken schulden',
  ONDERWIJS: 'onderwijs school',
  WELZIJN_EN_SOCIAAL_NETWERK: 'welzijn sociaal netwerk eenzaamheid',
  VERVOER: 'vervoer',
  GEZONDHEID: 'gezondheid',
  VEILIGHEID: 'veiligheid',
  LICHTE_VERSTANDELIJKE_BEPERKING: 'lvb licht verstandelijke beperking',
  VERSTANDELIJKE_BEPERKING: 'verstandelijke beperking',
  JEUGD_RONDOM_18: 'jongeren 18 18-/18+',
  MAATSCHAPPELIJKE_OPVANG: 'maatschappelijke opvang dakloos',
  ALLEENSTAANDE_OUDEREN: 'alleenstaande ouderen',
  OUDEREN: 'ouderen senioren',
  WEINIG_SOCIAAL_NETWERK: 'eenzaamheid weinig netwerk',
  PSYCHISCHE_KWETSBAARHEID: 'psychische kwetsbaarheid ggz',
  LICHAMELIJKE_BEPERKING: 'lichamelijke beperking',
  ZINTUIGLIJKE_BEPERKING: 'zintuiglijke beperking doof blind slechtziend',
  MANTELZORGERS: 'mantelzorg mantelzorgers',
  JEUGD_EN_GEZIN: 'jeugd gezin ouders kinderen',
  ALLE_INWONERS: '',
  INFORMATIE_EN_ADVIES: 'informatie advies',
  PERSOONLIJK_PLAN: 'persoonlijk plan',
  KEUZE_ZORGAANBIEDER_EN_ZORG: 'keuze zorgaanbieder',
  ZORGPLAN: 'zorgplan',
  BEMIDDELING: 'bemiddeling',
  KLACHTEN_BEZWAAR_BEROEP: 'klachten bezwaar beroep',
  HERINDICATIE: 'herindicatie',
};

export interface SearchTextSource {
  name: string;
  description: string;
  organizationName: string;
  eligibility?: string | null | undefined;
  legalDomains: readonly (LegalDomain | string)[];
  lifeDomains: readonly (LifeDomain | string)[];
  targetGroups: readonly (TargetGroup | string)[];
  supportForms: readonly (SupportForm | string)[];
}

export function buildSearchText(s: SearchTextSource): string {
  const tags = [...s.legalDomains, ...s.lifeDomains, ...s.targetGroups, ...s.supportForms].map((c) => LABELS[c] ?? '');
  return foldText([s.name, s.organizationName, s.description, s.eligibility ?? '', ...tags].join(' ').replace(/\s+/g, ' ').trim());
}
