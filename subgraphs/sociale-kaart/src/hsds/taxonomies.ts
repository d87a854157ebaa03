import {
  CAPACITY_STATUSES,
  deterministicUuid,
  LEGAL_DOMAINS,
  LEVERINGSVORM_CODES,
  LIFE_DOMAINS,
  ORGANIZATION_TYPES,
  SUPPORT_FORMS,
  TARGET_GROUPS,
  WLZ_SECTORS,
  ZORGPROFIELEN,
} from '@hub/domain';
import { readReferenceData } from '../reference-data.ts';

/**
 * The HSDS-NL vocabularies: the Dutch code lists of the sociale kaart published as HSDS taxonomies, so a
 * service's legal domains, life domains, target groups and support forms travel as `attributes`. Ids are
 * name-based UUIDs, the same on every installation, so feeds from two hubs use the same term ids.
 */

export type TaxonomyKey =
  | 'financieringsdomein'
  | 'leefgebied'
  | 'doelgroep'
  | 'ondersteuningsvorm'
  | 'wlz-sector'
  | 'iwlz-cod578'
  | 'iwlz-cod163'
  | 'formaliteit'
  | 'kenmerk'
  | 'kostensoort'
  | 'capaciteitsstatus'
  | 'organisatietype'
  | 'gemeente'
  | 'zorgkantoorregio';

interface TaxonomyTermDef {
  code: string;
  name: string;
  description: string;
}

export interface TaxonomyDef {
  key: TaxonomyKey;
  id: string;
  name: string;
  description: string;
  uri: string;
  version: string;
  terms: TaxonomyTermDef[];
}

export interface TermRef {
  taxonomy: TaxonomyDef;
  term: TaxonomyTermDef;
  id: string;
}

/** Version of the HSDS-NL term lists; raise it when a list changes. */
const HSDS_NL_VERSION = '2025.1';
/** A URN rather than an invented web address: the profile document defines these names. */
const TAXONOMY_URI = 'urn:hsds-nl:taxonomy:';

export const taxonomyId = (key: TaxonomyKey) => deterministicUuid('hsds-nl-taxonomy', key);
export const termId = (key: TaxonomyKey, code: string) => deterministicUuid('hsds-nl-term', `${key}:${code}`);

/** TOOI (Thesaurus en Ontologie Overheidsinformatie) identifier of a gemeente: the government's own URI. */
export const tooiGemeenteUri = (code: string) => `https://identifier.overheid.nl/tooi/id/gemeente/${code.toLowerCase()}`;

const LABELS: Record<string, [string, string]> = {
  WMO_ALGEMENE_VOORZIENING: ['Wmo algemene voorziening', 'Wmo 2015, vrij toegankelijk zonder onderzoek of beschikking.'],
  WMO_MAATWERKVOORZIENING: ['Wmo maatwerkvoorziening', 'Wmo 2015, op maat na melding, onderzoek en beschikking.'],
  WLZ: ['Wlz', 'Wet langdurige zorg, na een CIZ-indicatie; het zorgkantoor is verantwoordelijk.'],
  JEUGDWET: ['Jeugdwet', 'Jeugdhulp, verantwoordelijkheid van de gemeente.'],
  ZVW: ['Zvw', 'Zorgverzekeringswet (basisverzekering).'],
  PARTICIPATIEWET: ['Participatiewet', 'Werk en inkomen, verantwoordelijkheid van de gemeente.'],
  FREELY_ACCESSIBLE: ['Vrij toegankelijk', 'Geen wettelijke financiering of toegang nodig.'],
  ZORG_EN_ONDERSTEUNING: ['Zorg en ondersteuning', 'Leefgebied zorg en ondersteuning.'],
  WONEN: ['Wonen', 'Leefgebied wonen en huisvesting.'],
  WERK_EN_DAGBESTEDING: ['Werk en dagbesteding', 'Leefgebied werk, opleiding en dagbesteding.'],
  FINANCIEN_EN_SCHULDEN: ['Financiën en schulden', 'Leefgebied geldzaken en schulden.'],
  ONDERWIJS: ['Onderwijs', 'Leefgebied onderwijs en school.'],
  WELZIJN_EN_SOCIAAL_NETWERK: ['Welzijn en sociaal netwerk', 'Leefgebied welzijn, eenzaamheid en sociaal netwerk.'],
  VERVOER: ['Vervoer', 'Leefgebied vervoer en mobiliteit.'],
  GEZONDHEID: ['Gezondheid', 'Leefgebied lichamelijke en psychische gezondheid.'],
  VEILIGHEID: ['Veiligheid', 'Leefgebied veiligheid, ook huiselijk geweld.'],
  LICHTE_VERSTANDELIJKE_BEPERKING: ['Licht verstandelijke beperking (LVB)', 'Mensen met een licht verstandelijke beperking.'],
  VERSTANDELIJKE_BEPERKING: ['Verstandelijke beperking', 'Mensen met een verstandelijke beperking.'],
  JEUGD_RONDOM_18: ['Jongeren rond 18 (18-/18+)', 'Jongeren die 18 worden en uit de jeugdhulp gaan.'],
  MAATSCHAPPELIJKE_OPVANG: ['Maatschappelijke opvang', 'Dak- en thuislozen en mensen in de opvang.'],
  ALLEENSTAANDE_OUDEREN: ['Alleenstaande ouderen', 'Zelfstandig wonende alleenstaande ouderen met een intensieve zorgvraag.'],
  OUDEREN: ['Ouderen', 'Ouderen.'],
  WEINIG_SOCIAAL_NETWERK: ['Weinig sociaal netwerk', 'Mensen met weinig sociaal netwerk.'],
  PSYCHISCHE_KWETSBAARHEID: ['Psychische kwetsbaarheid', 'Mensen met psychische kwetsbaarheid (ggz).'],
  LICHAMELIJKE_BEPERKING: ['Lichamelijke beperking', 'Mensen met een lichamelijke beperking.'],
  ZINTUIGLIJKE_BEPERKING: ['Zintuiglijke beperking', 'Mensen die doof, slechthorend, blind of slechtziend zijn.'],
  MANTELZORGERS: ['Mantelzorgers', 'Mensen die zorgen voor een naaste.'],
  JEUGD_EN_GEZIN: ['Jeugd en gezin', 'Kinderen, jongeren en hun ouders.'],
  ALLE_INWONERS: ['Alle inwoners', 'Iedereen in het werkgebied.'],
  INFORMATIE_EN_ADVIES: ['Informatie en advies', 'Vorm 1: informatie en advies.'],
  PERSOONLIJK_PLAN: ['Persoonlijk plan', 'Vorm 2: ondersteuning bij het opstellen van een persoonlijk plan.'],
  KEUZE_ZORGAANBIEDER_EN_ZORG: ['Keuze zorgaanbieder en zorg', 'Vorm 3: kiezen van een passende Wlz-zorgaanbieder en Wlz-zorg.'],
  ZORGPLAN: ['Zorgplan', 'Vorm 4: opstellen, bijstellen en evalueren van het zorgplan.'],
  BEMIDDELING: ['Bemiddeling', 'Vorm 5: bemiddeling als zorg niet volgens verwachting en afspraken wordt geleverd.'],
  KLACHTEN_BEZWAAR_BEROEP: ['Klachten, bezwaar en beroep', 'Vorm 6: ondersteuning bij klachten, geschillen, bezwaar en beroep.'],
  HERINDICATIE: ['Herindicatie', 'Vorm 7: ondersteuning bij herindicatie.'],
  VV: ['VV', 'Wlz-sector verpleging en verzorging (ouderenzorg).'],
  GZ: ['GZ', 'Wlz-sector gehandicaptenzorg.'],
  GGZ: ['GGZ', 'Wlz-sector geestelijke gezondheidszorg.'],
  FORMAL: ['Formeel', 'Uitgevoerd door betaalde professionals.'],
  INFORMAL: ['Informeel', 'Uitgevoerd door vrijwilligers en ervaringsdeskundigen.'],
  ONAFHANKELIJK: ['Onafhankelijk', 'Onafhankelijk van indicatiesteller en zorgaanbieders (OCO).'],
  INLOOP: ['Inloop zonder afspraak', 'Binnenlopen zonder afspraak is mogelijk.'],
  FREE: ['Gratis', 'Geen kosten voor de cliënt.'],
  EIGEN_BIJDRAGE: ['Eigen bijdrage', 'De wettelijke eigen bijdrage (CAK).'],
  AMOUNT: ['Tarief', 'Een genoemd bedrag (zie cost_options en fees_description).'],
  HAS_CAPACITY: ['Plek beschikbaar', 'Kan nu een nieuwe cliënt aannemen.'],
  NO_CAPACITY: ['Geen plek', 'Kan nu geen nieuwe cliënt aannemen.'],
  WAITLIST: ['Wachtlijst', 'Nieuwe cliënten komen op een wachtlijst.'],
  ADDITIONAL_ASSESSMENT_REQUIRED: ['Nader onderzoek nodig', 'Plaatsing hangt af van een aanvullende beoordeling.'],
  GEMEENTE: ['Gemeente', 'Gemeente (Wmo, Jeugdwet, Participatiewet).'],
  ZORGKANTOOR: ['Zorgkantoor', 'Wlz-zorgkantoor, één per zorgkantoorregio.'],
  OCO: ['Onafhankelijke cliëntondersteuning', 'Aanbieder van onafhankelijke cliëntondersteuning.'],
  ZORGAANBIEDER: ['Zorgaanbieder', 'Aanbieder van zorg.'],
  WELZIJN: ['Welzijnsorganisatie', 'Welzijnsorganisatie, vaak gecontracteerd door de gemeente.'],
  OTHER: ['Overig', 'Andere organisatie.'],
};

function codeTerms(codes: readonly string[]): TaxonomyTermDef[] {
  return codes.map((code) => {
    const [name, description] = LABELS[code] ?? [code, code];
    return { code, name, description };
  });
}

function taxonomy(key: TaxonomyKey, name: string, description: string, terms: TaxonomyTermDef[]): TaxonomyDef {
  return { key, id: taxonomyId(key), name, description, uri: `${TAXONOMY_URI}${key}`, version: HSDS_NL_VERSION, terms };
}

let cached: { list: TaxonomyDef[]; byKey: Map<TaxonomyKey, TaxonomyDef>; termsById: Map<string, TermRef>; byId: Map<string, TaxonomyDef> } | undefined;

function build() {
  if (cached) return cached;
  const { gemeenten, regions } = readReferenceData();
  const list = [
    taxonomy('financieringsdomein', 'HSDS-NL Financieringsdomein', 'De wet waaronder een dienst gefinancierd wordt.', codeTerms(LEGAL_DOMAINS)),
    taxonomy('leefgebied', 'HSDS-NL Leefgebied', 'De leefgebieden waarop een dienst helpt.', codeTerms(LIFE_DOMAINS)),
    taxonomy('doelgroep', 'HSDS-NL Doelgroep', 'Voor wie de dienst bedoeld is.', codeTerms(TARGET_GROUPS)),
    taxonomy('ondersteuningsvorm', 'HSDS-NL Vorm van cliëntondersteuning', 'De zeven vormen van cliëntondersteuning.', codeTerms(SUPPORT_FORMS)),
    taxonomy('wlz-sector', 'HSDS-NL Wlz-sector', 'Wlz-sectoren VV, GZ en GGZ.', codeTerms(WLZ_SECTORS)),
    // The iWlz code lists themselves, with their own codes: a term's code is the COD578 or COD163 code.
    taxonomy(
      'iwlz-cod578',
      'iWlz COD578',
      'Leveringsvorm van Wlz-zorg (iWlz-codelijst COD578): 2 pgb, 4 verblijf, 5 vpt, 7 mpt, 8 deeltijdverblijf, 9 verkeerde bed.',
      LEVERINGSVORM_CODES.map((l) => ({ code: l.code, name: l.label, description: `COD578 code ${l.code}: ${l.label}.` })),
    ),
    taxonomy(
      'iwlz-cod163',
      'iWlz COD163',
      'Zorgprofiel (zorgzwaartepakket) van de Wlz (iWlz-codelijst COD163).',
      ZORGPROFIELEN.map((z) => ({
        code: z.code,
        name: `${z.name}: ${z.label}`,
        description: `COD163 code ${z.code}, ${z.group}${z.expired ? ', wordt niet meer geïndiceerd' : ''}.`,
      })),
    ),
    taxonomy('formaliteit', 'HSDS-NL Formaliteit', 'Formele (professionele) of informele (vrijwillige) ondersteuning.', codeTerms(['FORMAL', 'INFORMAL'])),
    taxonomy(
      'kenmerk',
      'HSDS-NL Kenmerk',
      'Ja/nee-kenmerken van een dienst; het kenmerk geldt als de term is toegekend.',
      codeTerms(['ONAFHANKELIJK', 'INLOOP']),
    ),
    taxonomy('kostensoort', 'HSDS-NL Kostensoort', 'Wat de cliënt betaalt.', codeTerms(['FREE', 'EIGEN_BIJDRAGE', 'AMOUNT'])),
    taxonomy(
      'capaciteitsstatus',
      'HSDS-NL Capaciteitsstatus',
      'Kan de dienst nu een nieuwe cliënt aannemen, zoals laatst gemeld.',
      codeTerms(CAPACITY_STATUSES),
    ),
    taxonomy('organisatietype', 'HSDS-NL Organisatietype', 'Soort organisatie in de sociale kaart.', codeTerms(ORGANIZATION_TYPES)),
    taxonomy(
      'gemeente',
      'HSDS-NL Gemeente (CBS)',
      'Gemeenten volgens CBS Gebiedsindelingen 2025; code GM + 4 cijfers.',
      gemeenten.map((g) => ({ code: g.code, name: g.name, description: `Gemeente ${g.name} (${g.province}).` })),
    ),
    taxonomy(
      'zorgkantoorregio',
      'HSDS-NL Zorgkantoorregio (CBS)',
      "Zorgkantoorregio's volgens CBS; code ZK + 2 cijfers.",
      regions.map((r) => ({ code: r.code, name: r.name, description: `Zorgkantoorregio ${r.name}.` })),
    ),
  ];
  const byKey = new Map(list.map((t) => [t.key, t]));
  const byId = new Map(list.map((t) => [t.id, t]));
  const termsById = new Map<string, TermRef>();
  for (const t of list) for (const term of t.terms) termsById.set(termId(t.key, term.code), { taxonomy: t, term, id: termId(t.key, term.code) });
  cached = { list, byKey, termsById, byId };
  return cached;
}

export const listTaxonomies = (): TaxonomyDef[] => build().list;
export const findTaxonomy = (id: string): TaxonomyDef | undefined => build().byId.get(id.toLowerCase());
export const findTerm = (id: string): TermRef | undefined => build().termsById.get(id.toLowerCase());

function taxonomyByKey(key: TaxonomyKey): TaxonomyDef {
  const t = build().byKey.get(key);
  if (!t) throw new Error(`unknown taxonomy ${key}`);
  return t;
}

/** A term of an HSDS-NL taxonomy by code; undefined when the code is not in the list. */
export function termByCode(key: TaxonomyKey, code: string): TermRef | undefined {
  const taxonomyDef = taxonomyByKey(key);
  const term = taxonomyDef.terms.find((t) => t.code === code);
  return term ? { taxonomy: taxonomyDef, term, id: termId(key, code) } : undefined;
}

/** Finds an HSDS-NL taxonomy by id, URI or name, as a foreign producer might reference it. */
export function recognizeTaxonomy(ref: { id?: string | undefined; name?: string | undefined; uri?: string | undefined }): TaxonomyDef | undefined {
  const { list, byId } = build();
  if (ref.id) {
    const t = byId.get(ref.id.toLowerCase());
    if (t) return t;
  }
  return list.find((t) => (ref.uri !== undefined && t.uri === ref.uri) || (ref.name !== undefined && t.name === ref.name));
}

/** The HSDS taxonomy object (taxonomy.json shape). */
export function taxonomyObject(t: TaxonomyDef) {
  return { id: t.id, name: t.name, description: t.description, uri: t.uri, version: t.version };
}

/** The HSDS taxonomy_term object (taxonomy_term.json shape); the TOOI URI for gemeenten. */
export function termObject(ref: TermRef) {
  return {
    id: ref.id,
    code: ref.term.code,
    name: ref.term.name,
    description: ref.term.description,
    taxonomy: ref.taxonomy.name,
    taxonomy_id: ref.taxonomy.id,
    language: 'nl',
    ...(ref.taxonomy.key === 'gemeente' ? { term_uri: tooiGemeenteUri(ref.term.code) } : {}),
  };
}
