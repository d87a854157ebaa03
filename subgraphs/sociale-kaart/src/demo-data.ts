import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@hub/db';
import {
  deterministicUuid,
  demoIds,
  type CapacityStatus,
  type LegalDomain,
  type Leveringsvorm,
  type LifeDomain,
  type SupportForm,
  type TargetGroup,
  type WlzSector,
  seededRandom,
} from '@hub/domain';
import { location, organization, service, serviceLocation } from './db/schema.ts';
import type { NewLocation, NewOrganization, NewService } from './db/queries.ts';
import { refreshSearchWords } from './db/writes.ts';
import { readReferenceData, type GemeenteRecord } from './reference-data.ts';
import { buildSearchText } from './text.ts';

/**
 * Deterministic demo data with fictional organisations on the real gemeenten: per gemeente a wijkteam,
 * Wmo cliëntondersteuning, schuldhulp and welzijn/informal services; per zorgkantoorregio a zorgkantoor,
 * OCO providers and shelters; care providers (VV, GZ, GGZ) with capacity. Scale 1 gives 5,125 services;
 * `scale` multiplies the providers for benchmark-sized sets.
 */

const ALL_SUPPORT_FORMS: SupportForm[] = [
  'INFORMATIE_EN_ADVIES',
  'PERSOONLIJK_PLAN',
  'KEUZE_ZORGAANBIEDER_EN_ZORG',
  'ZORGPLAN',
  'BEMIDDELING',
  'KLACHTEN_BEZWAAR_BEROEP',
  'HERINDICATIE',
];

const PROVIDER_PREFIX = ['Zorggroep', 'Stichting', 'Woonzorg', 'Zorgcentrum', 'Thuiszorg', 'Zorgcoöperatie', 'Huize', 'Landgoed'];
const PROVIDER_NAME = [
  'De Linde',
  'Het Anker',
  'De Horst',
  'Zonnewende',
  'De Vlinder',
  'Het Baken',
  'De Beuk',
  'Rozenhof',
  'De Eik',
  'Het Kompas',
  'De Brug',
  'Waterrijk',
  'De Wending',
  'Het Veld',
  'De Boog',
];
/** Zorgprofielen (COD163) a demo provider of the sector delivers: two sets, so providers differ. */
const ZORGPROFIELEN_BY_SECTOR: Record<WlzSector, string[][]> = {
  VV: [
    ['753', '754', '755'],
    ['754', '756', '757'],
  ],
  GZ: [
    ['804', '806', '808'],
    ['781', '782', '783'],
  ],
  GGZ: [
    ['762', '764', '866'],
    ['862', '864', '882'],
  ],
};

const OCO_NAMES = [
  'Noord',
  'Oost',
  'Zuid',
  'West',
  'Midden',
  'Kust',
  'Rivierenland',
  'Randstad',
  'Veluwe',
  'Delta',
  'Heuvelland',
  'Waddenkust',
  'Polderland',
  'Grensstreek',
  'Vechtdal',
  'Kempen',
];
const STREETS = [
  'Dorpsstraat',
  'Kerkstraat',
  'Stationsweg',
  'Molenweg',
  'Schoolstraat',
  'Marktplein',
  'Julianalaan',
  'Wilhelminastraat',
  'Beatrixlaan',
  'Parklaan',
];

export interface DemoDataSet {
  organizations: NewOrganization[];
  locations: NewLocation[];
  services: NewService[];
  links: { serviceId: string; locationId: string }[];
}

interface ServiceSpec {
  key: string;
  name: string;
  description: string;
  legalDomains: LegalDomain[];
  lifeDomains: LifeDomain[];
  targetGroups: TargetGroup[];
  supportForms?: SupportForm[];
  wlzSectors?: WlzSector[];
  leveringsvormen?: Leveringsvorm[];
  /** COD163 codes. */
  zorgprofielen?: string[];
  formality?: 'FORMAL' | 'INFORMAL';
  independent?: boolean;
  areaScope: 'GEMEENTEN' | 'REGIONAL' | 'NATIONAL';
  gemeenten: GemeenteRecord[];
  languages?: string[];
  minimumAge?: number;
  maximumAge?: number;
  eligibility?: string;
  costType?: 'FREE' | 'EIGEN_BIJDRAGE' | 'AMOUNT';
  capacity?: { status: CapacityStatus; available: number; maximum: number; unit: string; waitDays: number | null; ageDays: number };
  locationIds: string[];
}

export function generateDemoData(scale = 1, now = new Date()): DemoDataSet {
  const { gemeenten, regions } = readReferenceData();
  const rand = seededRandom(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const byRegion = new Map<string, GemeenteRecord[]>();
  for (const g of gemeenten) byRegion.set(g.zorgkantoorregioCode, [...(byRegion.get(g.zorgkantoorregioCode) ?? []), g]);
  const largest = (list: GemeenteRecord[]) => [...list].sort((a, b) => b.population - a.population)[0] as GemeenteRecord;

  const set: DemoDataSet = { organizations: [], locations: [], services: [], links: [] };
  const orgNames = new Map<string, string>();
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

  const addOrg = (o: NewOrganization) => {
    set.organizations.push(o);
    orgNames.set(o.id, o.name);
  };
  const addLocation = (orgId: string, key: string, name: string, g: GemeenteRecord, opts: { confidential?: boolean } = {}): string => {
    const id = deterministicUuid('hub-demo-location', key);
    const number = 1 + Math.floor(rand() * 120);
    const pc = `${1000 + Math.floor(rand() * 8999)} ${String.fromCharCode(65 + Math.floor(rand() * 26))}${String.fromCharCode(65 + Math.floor(rand() * 26))}`;
    set.locations.push({
      id,
      organizationId: orgId,
      name,
      address: `${pick(STREETS)} ${number}`,
      postalCode: pc,
      city: g.name,
      gemeenteCode: g.code,
      latitude: Math.round((g.latitude + (rand() - 0.5) * 0.03) * 1e5) / 1e5,
      longitude: Math.round((g.longitude + (rand() - 0.5) * 0.05) * 1e5) / 1e5,
      accessibility: rand() < 0.7 ? 'Rolstoeltoegankelijk, invalidentoilet aanwezig.' : 'Drempel bij de ingang; bel aan voor hulp.',
      confidential: opts.confidential ?? false,
    });
    return id;
  };
  const addService = (orgId: string, spec: ServiceSpec) => {
    const id = deterministicUuid('hub-demo-service', spec.key);
    const served = spec.areaScope === 'NATIONAL' ? [] : spec.gemeenten;
    const cap = spec.capacity;
    const row: NewService = {
      id,
      organizationId: orgId,
      name: spec.name,
      description: spec.description,
      status: 'ACTIVE',
      legalDomains: spec.legalDomains,
      lifeDomains: spec.lifeDomains,
      targetGroups: spec.targetGroups,
      supportForms: spec.supportForms ?? [],
      wlzSectors: spec.wlzSectors ?? [],
      leveringsvormen: spec.leveringsvormen ?? [],
      zorgprofielen: spec.zorgprofielen ?? [],
      languages: spec.languages ?? ['nl'],
      formality: spec.formality ?? 'FORMAL',
      independent: spec.independent ?? false,
      eligibility: spec.eligibility ?? null,
      minimumAge: spec.minimumAge ?? null,
      maximumAge: spec.maximumAge ?? null,
      costType: spec.costType ?? 'FREE',
      applicationProcess: 'Bel of mail ons; we maken binnen vijf werkdagen een afspraak voor een kennismaking.',
      contact: {
        phone: `0${20 + Math.floor(rand() * 70)}-${100 + Math.floor(rand() * 899)} ${1000 + Math.floor(rand() * 8999)}`,
        email: `info@${spec.key
          .replace(/[^a-z0-9]/gi, '')
          .toLowerCase()
          .slice(0, 20)}.demo.example`,
        url: `https://${spec.key
          .replace(/[^a-z0-9]/gi, '')
          .toLowerCase()
          .slice(0, 20)}.demo.example`,
        walkIn: rand() < 0.3,
      },
      openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: weekday === 5 ? '13:00' : '17:00' })),
      areaScope: spec.areaScope,
      servedGemeenten: served.map((g) => g.code),
      servedRegions: [...new Set(served.map((g) => g.zorgkantoorregioCode))],
      capacityStatus: cap?.status ?? null,
      capacityAvailable: cap?.available ?? null,
      capacityMaximum: cap?.maximum ?? null,
      capacityUnit: cap?.unit ?? null,
      capacityWaitDays: cap?.waitDays ?? null,
      capacityUpdatedAt: cap ? daysAgo(cap.ageDays) : null,
      lastVerifiedAt: daysAgo(Math.floor(rand() * 400)),
      verifiedBy: 'demo-beheerder',
      searchText: buildSearchText({
        name: spec.name,
        description: spec.description,
        organizationName: orgNames.get(orgId) ?? '',
        eligibility: spec.eligibility,
        legalDomains: spec.legalDomains,
        lifeDomains: spec.lifeDomains,
        targetGroups: spec.targetGroups,
        supportForms: spec.supportForms ?? [],
      }),
    };
    set.services.push(row);
    for (const locationId of spec.locationIds) set.links.push({ serviceId: id, locationId });
  };

  // Gemeenten: toegang, Wmo cliëntondersteuning, schuldhulp; welzijn with informal services.
  for (const g of gemeenten) {
    const orgId = demoIds.gemeenteOrganization(g.code);
    addOrg({
      id: orgId,
      name: `Gemeente ${g.name}`,
      description: `Sociaal domein van de gemeente ${g.name}.`,
      type: 'GEMEENTE',
      gemeenteCode: g.code,
      website: `https://gemeente-${g.code.toLowerCase()}.demo.example`,
      phones: [{ number: `14 0${g.code.slice(2)}`, description: 'algemeen' }],
    });
    const loc = addLocation(orgId, `gemeentehuis:${g.code}`, `Gemeentehuis ${g.name}`, g);
    const wijk = addLocation(orgId, `wijkpunt:${g.code}`, `Wijkpunt ${g.name}`, g);
    addService(orgId, {
      key: `wijkteam:${g.code}`,
      name: `Wijkteam ${g.name}`,
      description: `Het sociaal wijkteam (toegangsteam) van ${g.name}: één loket voor vragen over zorg, ondersteuning, wonen, werk, geldzaken en opvoeden. Meldingen en onderzoek voor de Wmo en Jeugdwet.`,
      legalDomains: ['WMO_MAATWERKVOORZIENING', 'JEUGDWET', 'WMO_ALGEMENE_VOORZIENING'],
      lifeDomains: ['ZORG_EN_ONDERSTEUNING', 'WONEN', 'FINANCIEN_EN_SCHULDEN', 'WELZIJN_EN_SOCIAAL_NETWERK'],
      targetGroups: ['ALLE_INWONERS'],
      areaScope: 'GEMEENTEN',
      gemeenten: [g],
      locationIds: [loc, wijk],
      languages: ['nl', 'en'],
    });
    addService(orgId, {
      key: `wmo-co:${g.code}`,
      name: `Cliëntondersteuning ${g.name}`,
      description: `Gratis cliëntondersteuning voor inwoners van ${g.name}: informatie en advies, hulp bij het keukentafelgesprek en het persoonlijk plan, en ondersteuning bij bezwaar.`,
      legalDomains: ['WMO_ALGEMENE_VOORZIENING'],
      lifeDomains: ['ZORG_EN_ONDERSTEUNING'],
      targetGroups: ['ALLE_INWONERS'],
      supportForms: ['INFORMATIE_EN_ADVIES', 'PERSOONLIJK_PLAN', 'KLACHTEN_BEZWAAR_BEROEP'],
      areaScope: 'GEMEENTEN',
      gemeenten: [g],
      locationIds: [wijk],
    });
    addService(orgId, {
      key: `schuldhulp:${g.code}`,
      name: `Schuldhulpverlening ${g.name}`,
      description: `Hulp bij geldzorgen en problematische schulden: budgetcoaching, een schuldregeling en bewindvoering. Voor inwoners van ${g.name}.`,
      legalDomains: ['PARTICIPATIEWET'],
      lifeDomains: ['FINANCIEN_EN_SCHULDEN'],
      targetGroups: ['ALLE_INWONERS'],
      minimumAge: 18,
      areaScope: 'GEMEENTEN',
      gemeenten: [g],
      locationIds: [loc],
    });

    addService(orgId, {
      key: `jeugd-gezin:${g.code}`,
      name: `Jeugd- en gezinsteam ${g.name}`,
      description: `Vragen over opvoeden, opgroeien en jeugdhulp in ${g.name}: het jeugd- en gezinsteam denkt mee en verwijst naar jeugdhulp via de Jeugdwet.`,
      legalDomains: ['JEUGDWET'],
      lifeDomains: ['ZORG_EN_ONDERSTEUNING', 'ONDERWIJS'],
      targetGroups: ['JEUGD_EN_GEZIN', 'JEUGD_RONDOM_18'],
      maximumAge: 23,
      areaScope: 'GEMEENTEN',
      gemeenten: [g],
      locationIds: [wijk],
    });

    const welzijnId = demoIds.welzijnOrganization(g.code);
    addOrg({
      id: welzijnId,
      name: `Welzijn ${g.name}`,
      description: `Welzijnsorganisatie in ${g.name}, gecontracteerd door de gemeente.`,
      type: 'WELZIJN',
      phones: [],
    });
    const buurthuis = addLocation(welzijnId, `buurthuis:${g.code}`, `Buurthuis ${g.name}`, g);
    const informal: Omit<ServiceSpec, 'gemeenten' | 'areaScope' | 'locationIds'>[] = [
      {
        key: `voa:${g.code}`,
        name: `Vrijwillige ouderenadviseurs ${g.name}`,
        description: 'Getrainde vrijwilligers komen thuis langs voor advies over wonen, zorg en geldzaken voor ouderen.',
        legalDomains: ['WMO_ALGEMENE_VOORZIENING'],
        lifeDomains: ['ZORG_EN_ONDERSTEUNING', 'WONEN'],
        targetGroups: ['OUDEREN', 'ALLEENSTAANDE_OUDEREN'],
        supportForms: ['INFORMATIE_EN_ADVIES'],
        formality: 'INFORMAL',
        minimumAge: 65,
      },
      {
        key: `mantelzorg:${g.code}`,
        name: `Mantelzorgondersteuning ${g.name}`,
        description: 'Advies, respijtzorg en lotgenotencontact voor mantelzorgers.',
        legalDomains: ['WMO_ALGEMENE_VOORZIENING'],
        lifeDomains: ['ZORG_EN_ONDERSTEUNING', 'WELZIJN_EN_SOCIAAL_NETWERK'],
        targetGroups: ['MANTELZORGERS'],
      },
      {
        key: `maatje:${g.code}`,
        name: `Maatjesproject ${g.name}`,
        description: 'Een vrijwillig maatje voor wie weinig sociaal netwerk heeft of eenzaam is.',
        legalDomains: ['FREELY_ACCESSIBLE'],
        lifeDomains: ['WELZIJN_EN_SOCIAAL_NETWERK'],
        targetGroups: ['WEINIG_SOCIAAL_NETWERK', 'PSYCHISCHE_KWETSBAARHEID'],
        formality: 'INFORMAL',
      },
      {
        key: `informele-co:${g.code}`,
        name: `Informele cliëntondersteuning ${g.name}`,
        description: 'Ervaringsdeskundigen en vrijwilligers die meegaan naar gesprekken en helpen de weg te vinden op de sociale kaart.',
        legalDomains: ['WMO_ALGEMENE_VOORZIENING'],
        lifeDomains: ['ZORG_EN_ONDERSTEUNING'],
        targetGroups: ['ALLE_INWONERS'],
        supportForms: ['INFORMATIE_EN_ADVIES'],
        formality: 'INFORMAL',
        languages: ['nl', 'tr', 'ar'],
      },
      {
        key: `thuisadmin:${g.code}`,
        name: `Thuisadministratie ${g.name}`,
        description: 'Vrijwilligers helpen bij post, formulieren en de thuisadministratie, zodat schulden voorkomen worden.',
        legalDomains: ['FREELY_ACCESSIBLE'],
        lifeDomains: ['FINANCIEN_EN_SCHULDEN'],
        targetGroups: ['ALLE_INWONERS'],
        formality: 'INFORMAL',
      },
    ];
    for (const spec of informal) addService(welzijnId, { ...spec, areaScope: 'GEMEENTEN', gemeenten: [g], locationIds: [buurthuis] });
  }

  // Zorgkantoren, OCO providers and shelters per region.
  regions.forEach((region, regionIndex) => {
    const members = byRegion.get(region.code) ?? [];
    const seat = largest(members);
    const zkId = demoIds.zorgkantoorOrganization(region.code);
    addOrg({
      id: zkId,
      name: `Zorgkantoor ${region.name}`,
      description: `Het Wlz-zorgkantoor voor de regio ${region.name}.`,
      type: 'ZORGKANTOOR',
      zorgkantoorregioCode: region.code,
      phones: [{ number: `088-0${region.code.slice(2)}00 000`, description: 'klantadvies' }],
    });
    const zkLoc = addLocation(zkId, `zorgkantoor:${region.code}`, `Zorgkantoor ${region.name}`, seat);
    addService(zkId, {
      key: `wlz-co:${region.code}`,
      name: `Wlz-cliëntondersteuning zorgkantoor ${region.name}`,
      description:
        'Cliëntondersteuning voor iedereen met een Wlz-indicatie: van het kiezen van een zorgaanbieder tot het zorgplan en de herindicatie. Gratis, telefonisch, per e-mail en aan huis.',
      legalDomains: ['WLZ'],
      lifeDomains: ['ZORG_EN_ONDERSTEUNING'],
      targetGroups: ['OUDEREN', 'VERSTANDELIJKE_BEPERKING', 'PSYCHISCHE_KWETSBAARHEID', 'LICHAMELIJKE_BEPERKING'],
      supportForms: ALL_SUPPORT_FORMS,
      wlzSectors: ['VV', 'GZ', 'GGZ'],
      areaScope: 'REGIONAL',
      gemeenten: members,
      locationIds: [zkLoc],
    });
    addService(zkId, {
      key: `zorgbemiddeling:${region.code}`,
      name: `Zorgbemiddeling ${region.name}`,
      description: 'Bemiddeling naar een passende Wlz-zorgaanbieder bij wachtlijsten en urgente plaatsing.',
      legalDomains: ['WLZ'],
      lifeDomains: ['ZORG_EN_ONDERSTEUNING', 'WONEN'],
      targetGroups: ['OUDEREN', 'VERSTANDELIJKE_BEPERKING'],
      supportForms: ['KEUZE_ZORGAANBIEDER_EN_ZORG', 'BEMIDDELING'],
      wlzSectors: ['VV', 'GZ', 'GGZ'],
      areaScope: 'REGIONAL',
      gemeenten: members,
      locationIds: [zkLoc],
    });

    const ocoIndex = Math.floor(regionIndex / 2);
    const ocoId = demoIds.ocoOrganization(ocoIndex);
    if (regionIndex % 2 === 0) {
      addOrg({
        id: ocoId,
        name: `Onafhankelijke Cliëntondersteuning ${OCO_NAMES[ocoIndex % OCO_NAMES.length] ?? 'Nederland'}`,
        description: 'Onafhankelijke cliëntondersteuning (OCO), los van indicatiesteller en zorgaanbieders.',
        type: 'OCO',
        kvkNumber: String(40000000 + ocoIndex * 1117),
        phones: [],
      });
    }
    const ocoLoc = addLocation(ocoId, `oco:${region.code}`, `Kantoor cliëntondersteuning ${seat.name}`, seat);
    addService(ocoId, {
      key: `oco-wlz:${region.code}`,
      name: `Onafhankelijke cliëntondersteuning Wlz ${region.name}`,
      description: 'Onafhankelijke cliëntondersteuners helpen bij alle zeven vormen van Wlz-cliëntondersteuning, ook bij klachten en bemiddeling.',
      legalDomains: ['WLZ'],
      lifeDomains: ['ZORG_EN_ONDERSTEUNING'],
      targetGroups: ['OUDEREN', 'VERSTANDELIJKE_BEPERKING', 'LICHTE_VERSTANDELIJKE_BEPERKING', 'PSYCHISCHE_KWETSBAARHEID'],
      supportForms: ALL_SUPPORT_FORMS,
      wlzSectors: ['VV', 'GZ', 'GGZ'],
      independent: true,
      areaScope: 'REGIONAL',
      gemeenten: members,
      locationIds: [ocoLoc],
      languages: ['nl', 'en', 'pl'],
    });
    addService(ocoId, {
      key: `oco-wmo:${region.code}`,
      name: `Onafhankelijke cliëntondersteuning Wmo ${region.name}`,
      description: 'Onafhankelijke hulp bij de Wmo-melding, het keukentafelgesprek, het persoonlijk plan en bezwaar.',
      legalDomains: ['WMO_ALGEMENE_VOORZIENING'],
      lifeDomains: ['ZORG_EN_ONDERSTEUNING', 'WONEN'],
      targetGroups: ['ALLE_INWONERS'],
      supportForms: ['INFORMATIE_EN_ADVIES', 'PERSOONLIJK_PLAN', 'KLACHTEN_BEZWAAR_BEROEP'],
      independent: true,
      areaScope: 'REGIONAL',
      gemeenten: members,
      locationIds: [ocoLoc],
    });
    addService(ocoId, {
      key: `oco-lvb:${region.code}`,
      name: `Cliëntondersteuning LVB en jongeren 18-/18+ ${region.name}`,
      description: 'Cliëntondersteuning voor mensen met een licht verstandelijke beperking en jongeren die 18 worden en uit de jeugdhulp gaan.',
      legalDomains: ['WMO_ALGEMENE_VOORZIENING', 'JEUGDWET'],
      lifeDomains: ['ZORG_EN_ONDERSTEUNING', 'WERK_EN_DAGBESTEDING', 'FINANCIEN_EN_SCHULDEN'],
      targetGroups: ['LICHTE_VERSTANDELIJKE_BEPERKING', 'JEUGD_RONDOM_18'],
      supportForms: ['INFORMATIE_EN_ADVIES', 'PERSOONLIJK_PLAN'],
      independent: true,
      minimumAge: 16,
      maximumAge: 27,
      areaScope: 'REGIONAL',
      gemeenten: members,
      locationIds: [ocoLoc],
    });

    const shelterId = deterministicUuid('hub-demo-organization', `opvang:${region.code}`);
    addOrg({
      id: shelterId,
      name: `Stichting Opvang ${region.name}`,
      description: 'Maatschappelijke opvang en beschermd wonen.',
      type: 'ZORGAANBIEDER',
      phones: [],
    });
    const shelterLoc = addLocation(shelterId, `opvang:${region.code}`, `Opvanglocatie ${seat.name}`, seat, { confidential: true });
    addService(shelterId, {
      key: `opvang:${region.code}`,
      name: `Maatschappelijke opvang ${region.name}`,
      description: 'Nachtopvang, crisisopvang en begeleiding naar wonen voor dak- en thuislozen. Het adres van de opvang is vertrouwelijk.',
      legalDomains: ['WMO_MAATWERKVOORZIENING'],
      lifeDomains: ['WONEN', 'VEILIGHEID'],
      targetGroups: ['MAATSCHAPPELIJKE_OPVANG'],
      areaScope: 'REGIONAL',
      gemeenten: members,
      locationIds: [shelterLoc],
      capacity: { status: rand() < 0.5 ? 'NO_CAPACITY' : 'WAITLIST', available: 0, maximum: 40, unit: 'bed', waitDays: 14, ageDays: 1 },
    });

    // Care providers with Wlz services and capacity.
    const providersPerRegion = Math.max(1, Math.round(20 * scale));
    for (let p = 0; p < providersPerRegion; p++) {
      const providerIndex = regionIndex * 100000 + p;
      const g = members[p % members.length] ?? seat;
      const sector: WlzSector = (['VV', 'GZ', 'GGZ'] as const)[p % 3] ?? 'VV';
      const orgId = demoIds.providerOrganization(providerIndex);
      const name = `${pick(PROVIDER_PREFIX)} ${pick(PROVIDER_NAME)} ${g.name}`;
      addOrg({
        id: orgId,
        name,
        description: `Zorgaanbieder (${sector}) in ${g.name}.`,
        type: 'ZORGAANBIEDER',
        agbCode: String(73000000 + (providerIndex % 999999)),
        phones: [],
      });
      const loc = addLocation(orgId, `provider:${providerIndex}`, `${name} — hoofdlocatie`, g);
      const capacity = (): ServiceSpec['capacity'] => {
        const r = rand();
        const status: CapacityStatus = r < 0.35 ? 'HAS_CAPACITY' : r < 0.6 ? 'WAITLIST' : r < 0.85 ? 'NO_CAPACITY' : 'ADDITIONAL_ASSESSMENT_REQUIRED';
        const maximum = 10 + Math.floor(rand() * 90);
        return {
          status,
          available: status === 'HAS_CAPACITY' ? 1 + Math.floor(rand() * 5) : 0,
          maximum,
          unit: 'plek',
          // Full without a waiting list: no waiting time to report, as the console's one-click report sends none.
          waitDays: status === 'WAITLIST' ? 14 + Math.floor(rand() * 120) : status === 'NO_CAPACITY' ? null : 0,
          ageDays: p % 7 === 6 ? 40 : Math.floor(rand() * 5),
        };
      };
      const target: TargetGroup[] =
        sector === 'VV' ? ['OUDEREN'] : sector === 'GZ' ? ['VERSTANDELIJKE_BEPERKING', 'LICHTE_VERSTANDELIJKE_BEPERKING'] : ['PSYCHISCHE_KWETSBAARHEID'];
      const sectorWord = sector === 'VV' ? 'verpleging en verzorging' : sector === 'GZ' ? 'gehandicaptenzorg' : 'geestelijke gezondheidszorg';
      const nearby = members.slice(0, 5);
      // Derived from the provider's number rather than drawn, so the rest of the data set stays as it was; in code
      // order, as a beheerder's edit and an HSDS import store them.
      const profiles = ZORGPROFIELEN_BY_SECTOR[sector][p % 2] ?? [];
      const atHome: Leveringsvorm[] = p % 4 === 0 ? ['PGB', 'VPT', 'MPT'] : ['VPT', 'MPT'];
      addService(orgId, {
        key: `verblijf:${providerIndex}`,
        name: `Wonen met zorg (${sector}) ${g.name}`,
        description: `Wlz-zorg met verblijf: ${sectorWord} in een kleinschalige woonvorm.`,
        legalDomains: ['WLZ'],
        lifeDomains: ['ZORG_EN_ONDERSTEUNING', 'WONEN'],
        targetGroups: target,
        wlzSectors: [sector],
        leveringsvormen: p % 5 === 0 ? ['VERBLIJF', 'DEELTIJDVERBLIJF'] : ['VERBLIJF'],
        zorgprofielen: profiles,
        areaScope: 'GEMEENTEN',
        gemeenten: nearby,
        locationIds: [loc],
        costType: 'EIGEN_BIJDRAGE',
        capacity: capacity(),
      });
      addService(orgId, {
        key: `thuis:${providerIndex}`,
        name: `Zorg thuis (VPT/MPT, ${sector}) ${g.name}`,
        description: `Wlz-zorg thuis als volledig of modulair pakket thuis: ${sectorWord}.`,
        legalDomains: ['WLZ'],
        lifeDomains: ['ZORG_EN_ONDERSTEUNING'],
        targetGroups: target,
        wlzSectors: [sector],
        leveringsvormen: atHome,
        zorgprofielen: profiles,
        areaScope: 'GEMEENTEN',
        gemeenten: nearby,
        locationIds: [loc],
        costType: 'EIGEN_BIJDRAGE',
        capacity: capacity(),
      });
      addService(orgId, {
        key: `dagbesteding:${providerIndex}`,
        name: `Dagbesteding ${pick(PROVIDER_NAME)} ${g.name}`,
        description: 'Dagbesteding en begeleiding groep, ook vanuit de Wmo.',
        legalDomains: ['WMO_MAATWERKVOORZIENING', 'WLZ'],
        lifeDomains: ['WERK_EN_DAGBESTEDING', 'WELZIJN_EN_SOCIAAL_NETWERK'],
        targetGroups: target,
        wlzSectors: [sector],
        areaScope: 'GEMEENTEN',
        gemeenten: nearby,
        locationIds: [loc],
        capacity: capacity(),
      });
    }
  });

  // National services without a location.
  const nationalId = deterministicUuid('hub-demo-organization', 'national:1');
  addOrg({ id: nationalId, name: 'Landelijke Hulplijn Geldzorgen (demo)', description: 'Landelijke telefonische hulplijn.', type: 'OTHER', phones: [] });
  addService(nationalId, {
    key: 'national:geldzorgen',
    name: 'Hulplijn geldzorgen en schulden',
    description: 'Anoniem bellen of chatten over geldzorgen en schulden; we verwijzen naar schuldhulpverlening in je gemeente.',
    legalDomains: ['FREELY_ACCESSIBLE'],
    lifeDomains: ['FINANCIEN_EN_SCHULDEN'],
    targetGroups: ['ALLE_INWONERS'],
    areaScope: 'NATIONAL',
    gemeenten: [],
    locationIds: [],
    languages: ['nl', 'en', 'tr', 'ar', 'pl'],
  });
  return set;
}

/**
 * Inserts rows as one JSON parameter per chunk (json_populate_recordset): thousands of rows cost one statement and
 * one parameter instead of tens of thousands of bind parameters, which is what makes seeding fast on PGlite.
 * Columns no row sets keep their database default.
 */
async function insertAsJson<T extends Record<string, unknown>>(db: Db, table: PgTable, schema: string, rows: T[], chunkSize = 2000): Promise<void> {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => rows.some((r) => r[key] !== undefined));
  const qualified = sql.raw(`"${schema}"."${getTableName(table)}"`);
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize).map((r) => Object.fromEntries(columns.map(([key, c]) => [c.name, r[key] ?? null])));
    await db.execute(sql`insert into ${qualified} (${names}) select ${names} from json_populate_recordset(null::${qualified}, ${JSON.stringify(chunk)}::json)`);
  }
}

/** Loads the demo set in large batches inside one transaction; only when the directory is empty. */
export async function loadDemoData(db: Db, scale: number): Promise<{ loaded: boolean; services: number }> {
  const [existing] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(organization);
  if ((existing?.n ?? 0) > 0) return { loaded: false, services: 0 };
  const data = generateDemoData(scale);
  await db.transaction(async (tx) => {
    await insertAsJson(tx, organization, 'sociale_kaart', data.organizations);
    await insertAsJson(tx, location, 'sociale_kaart', data.locations);
    await insertAsJson(tx, service, 'sociale_kaart', data.services);
    await insertAsJson(tx, serviceLocation, 'sociale_kaart', data.links);
    await refreshSearchWords(tx);
  });
  return { loaded: true, services: data.services.length };
}
