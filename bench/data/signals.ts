import { deterministicUuid, demoIds, LEGAL_DOMAINS, LIFE_DOMAINS, seededRandom, TARGET_GROUPS, type WlzSector } from '@hub/domain';
import type {
  action,
  decision,
  feedback,
  knelpunt,
  knelpuntSignal,
  knelpuntTransition,
  meeting,
  overlegtafelMember,
  signal,
} from '../../subgraphs/signals/src/db/schema.ts';
import { CATEGORY_OF_GAP_REASON, dutchDateOf } from '../../subgraphs/signals/src/gap-events.ts';
import { periodOfDate, shiftPeriod, type Period } from '../../subgraphs/signals/src/periods.ts';
import { overlegtafelIdOf, readGemeenteRegions } from '../../subgraphs/signals/src/reference-data.ts';
import { AGE_BANDS, addDays, SIGNAL_CATEGORIES } from '../../subgraphs/signals/src/validation.ts';
import { NS, type Staff } from './plan.ts';
import type { GapSignalSource } from './rows.ts';
import { allocate, demoProvider, gemeenteInRegion, type RegionInfo, type World } from './world.ts';

/**
 * Signals over the current quarter and the seven before it in every region: a few large themes per region (cells
 * that publish) over a scatter of small ones (cells that are withheld), growing towards the present; plus the
 * signals the referral gap events became. Each overlegtafel has a meeting per quarter and a handful of knelpunten
 * that group signals of its themes, in every state of the knelpunt life cycle.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const QUARTERS = 8;

type Rng = () => number;
const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

interface Theme {
  key: string;
  category: (typeof SIGNAL_CATEGORIES)[number];
  legalDomain: string | null;
  wlzSector: WlzSector | null;
  targetGroup: string | null;
  lifeDomain: string | null;
  ageBand: string | null;
  waitDays: [number, number] | null;
  /** NO_CAPACITY themes in the Wlz name a residential service of a demo provider of this sector. */
  providerSector: WlzSector | null;
  descriptions: string[];
  title: string;
}

/** Texts pass the signals privacy guard (the test checks every one): no dates, numbers that look like ids, or contacts. */
const THEMES: Theme[] = [
  {
    key: 'vv-plek',
    category: 'NO_CAPACITY',
    legalDomain: 'WLZ',
    wlzSector: 'VV',
    targetGroup: 'OUDEREN',
    lifeDomain: 'WONEN',
    ageBand: 'AGE_80_PLUS',
    waitDays: [40, 160],
    providerSector: 'VV',
    descriptions: [
      'Geen verpleeghuisplek binnen de regio; cliënt wacht thuis met MPT.',
      'Geen plek in het verpleeghuis van voorkeur.',
      'Verpleeghuis vol; cliënt verblijft tijdelijk bij familie.',
    ],
    title: 'Tekort aan verpleeghuisplekken',
  },
  {
    key: 'gz-wacht',
    category: 'WAITING_TIME',
    legalDomain: 'WLZ',
    wlzSector: 'GZ',
    targetGroup: 'VERSTANDELIJKE_BEPERKING',
    lifeDomain: 'WONEN',
    ageBand: 'AGE_18_26',
    waitDays: [90, 300],
    providerSector: null,
    descriptions: ['Wachttijd voor GZ-verblijf ruim boven de norm van dertien weken.', 'Lange wachtlijst voor een woonplek met begeleiding.'],
    title: 'Wachttijd GZ-verblijf boven de norm',
  },
  {
    key: 'ggz-wonen',
    category: 'WAITING_TIME',
    legalDomain: 'WLZ',
    wlzSector: 'GGZ',
    targetGroup: 'PSYCHISCHE_KWETSBAARHEID',
    lifeDomain: 'ZORG_EN_ONDERSTEUNING',
    ageBand: 'AGE_27_64',
    waitDays: [60, 220],
    providerSector: null,
    descriptions: ['Lange wachttijd voor GGZ-wonen met Wlz-indicatie.', 'Geen beschermde woonplek beschikbaar; cliënt blijft in de kliniek.'],
    title: 'Wachttijd beschermd wonen GGZ',
  },
  {
    key: '18-min',
    category: 'FALLS_BETWEEN_LAWS',
    legalDomain: 'JEUGDWET',
    wlzSector: null,
    targetGroup: 'JEUGD_RONDOM_18',
    lifeDomain: 'ZORG_EN_ONDERSTEUNING',
    ageBand: 'AGE_18_26',
    waitDays: null,
    providerSector: null,
    descriptions: ['Jeugdhulp stopt bij achttien jaar, Wmo-begeleiding nog niet geregeld.', 'Overgang van jeugdhulp naar volwassenenzorg loopt vast.'],
    title: 'Jongeren rond achttien vallen tussen wal en schip',
  },
  {
    key: 'lvb-dag',
    category: 'NO_FITTING_OFFER',
    legalDomain: 'WMO_MAATWERKVOORZIENING',
    wlzSector: null,
    targetGroup: 'LICHTE_VERSTANDELIJKE_BEPERKING',
    lifeDomain: 'WERK_EN_DAGBESTEDING',
    ageBand: 'AGE_27_64',
    waitDays: null,
    providerSector: null,
    descriptions: ['Geen passende dagbesteding voor LVB in de kleine kernen.', 'Dagbesteding sluit niet aan bij de hulpvraag.'],
    title: 'Geen passende dagbesteding voor LVB',
  },
  {
    key: 'opvang',
    category: 'NO_CAPACITY',
    legalDomain: 'WMO_MAATWERKVOORZIENING',
    wlzSector: null,
    targetGroup: 'MAATSCHAPPELIJKE_OPVANG',
    lifeDomain: 'WONEN',
    ageBand: 'AGE_27_64',
    waitDays: [14, 60],
    providerSector: null,
    descriptions: ['Nachtopvang vol; doorverwezen naar buiten de regio.', 'Crisisopvang zonder plek; cliënt slaapt bij kennissen.'],
    title: 'Nachtopvang structureel vol',
  },
  {
    key: 'mantelzorg',
    category: 'NO_FITTING_OFFER',
    legalDomain: 'WMO_ALGEMENE_VOORZIENING',
    wlzSector: null,
    targetGroup: 'MANTELZORGERS',
    lifeDomain: 'WELZIJN_EN_SOCIAAL_NETWERK',
    ageBand: 'AGE_65_79',
    waitDays: null,
    providerSector: null,
    descriptions: ['Geen respijtzorg beschikbaar voor overbelaste mantelzorgers.', 'Logeeropvang voor mantelzorgers ontbreekt.'],
    title: 'Respijtzorg voor mantelzorgers ontbreekt',
  },
  {
    key: 'schulden',
    category: 'WAITING_TIME',
    legalDomain: 'PARTICIPATIEWET',
    wlzSector: null,
    targetGroup: 'WEINIG_SOCIAAL_NETWERK',
    lifeDomain: 'FINANCIEN_EN_SCHULDEN',
    ageBand: 'AGE_27_64',
    waitDays: [20, 90],
    providerSector: null,
    descriptions: ['Lange wachttijd voor schuldhulpverlening.', 'Intake schuldhulp pas na weken mogelijk.'],
    title: 'Wachttijd schuldhulpverlening',
  },
  {
    key: 'vervoer',
    category: 'ACCESSIBILITY',
    legalDomain: 'WMO_MAATWERKVOORZIENING',
    wlzSector: null,
    targetGroup: 'LICHAMELIJKE_BEPERKING',
    lifeDomain: 'VERVOER',
    ageBand: 'AGE_65_79',
    waitDays: null,
    providerSector: null,
    descriptions: ['Doelgroepenvervoer niet beschikbaar in de avonduren.', 'Ondersteuning niet bereikbaar zonder eigen vervoer.'],
    title: 'Vervoer naar ondersteuning ontbreekt',
  },
  {
    key: 'ouderen-thuis',
    category: 'NOT_ELIGIBLE',
    legalDomain: 'WMO_MAATWERKVOORZIENING',
    wlzSector: null,
    targetGroup: 'ALLEENSTAANDE_OUDEREN',
    lifeDomain: 'ZORG_EN_ONDERSTEUNING',
    ageBand: 'AGE_80_PLUS',
    waitDays: null,
    providerSector: null,
    descriptions: ['Net geen Wlz-indicatie, Wmo-ondersteuning thuis niet toereikend.', 'Valt buiten de criteria voor huishoudelijke hulp.'],
    title: 'Alleenstaande ouderen tussen Wmo en Wlz',
  },
  {
    key: 'gz-plek',
    category: 'NO_CAPACITY',
    legalDomain: 'WLZ',
    wlzSector: 'GZ',
    targetGroup: 'VERSTANDELIJKE_BEPERKING',
    lifeDomain: 'WONEN',
    ageBand: 'AGE_27_64',
    waitDays: [60, 240],
    providerSector: 'GZ',
    descriptions: ['Geen woonplek met intensieve begeleiding in de regio.', 'Zorgaanbieder heeft geen plek voor dit zorgprofiel.'],
    title: 'Tekort aan GZ-woonplekken',
  },
  {
    key: 'informatie',
    category: 'INFORMATION',
    legalDomain: 'WMO_ALGEMENE_VOORZIENING',
    wlzSector: null,
    targetGroup: 'ALLE_INWONERS',
    lifeDomain: 'ZORG_EN_ONDERSTEUNING',
    ageBand: null,
    waitDays: null,
    providerSector: null,
    descriptions: ['Inwoners weten niet dat cliëntondersteuning gratis is.', 'Informatie over de Wlz is lastig te vinden.'],
    title: 'Onbekendheid met cliëntondersteuning',
  },
  {
    key: 'ggz-plek',
    category: 'NO_CAPACITY',
    legalDomain: 'WLZ',
    wlzSector: 'GGZ',
    targetGroup: 'PSYCHISCHE_KWETSBAARHEID',
    lifeDomain: 'WONEN',
    ageBand: 'AGE_27_64',
    waitDays: [45, 200],
    providerSector: 'GGZ',
    descriptions: ['Geen GGZ-woonplek met begeleiding beschikbaar.'],
    title: 'Tekort aan GGZ-woonplekken',
  },
  {
    key: 'coordinatie',
    category: 'COORDINATION',
    legalDomain: 'WLZ',
    wlzSector: 'VV',
    targetGroup: 'OUDEREN',
    lifeDomain: 'ZORG_EN_ONDERSTEUNING',
    ageBand: 'AGE_80_PLUS',
    waitDays: null,
    providerSector: null,
    descriptions: ['Overdracht tussen wijkteam en zorgkantoor verloopt traag.', 'Onduidelijk wie de regie heeft na de indicatie.'],
    title: 'Regie na de Wlz-indicatie onduidelijk',
  },
];

const THEME_SHARES = [0.2, 0.15, 0.12, 0.1, 0.08];
const NOISE_DESCRIPTIONS = [
  'Ondersteuning sluit niet aan bij de vraag.',
  'Lange reistijd naar het aanbod.',
  'Aanbod alleen op werkdagen overdag.',
  null,
  null,
  null,
];

const SECTOR_INDEX: Record<WlzSector, number> = { VV: 0, GZ: 1, GGZ: 2 };

export interface SignalsData {
  signals: (typeof signal.$inferInsert)[];
  members: (typeof overlegtafelMember.$inferInsert)[];
  meetings: (typeof meeting.$inferInsert)[];
  knelpunten: (typeof knelpunt.$inferInsert)[];
  knelpuntSignals: (typeof knelpuntSignal.$inferInsert)[];
  transitions: (typeof knelpuntTransition.$inferInsert)[];
  decisions: (typeof decision.$inferInsert)[];
  actions: (typeof action.$inferInsert)[];
  feedback: (typeof feedback.$inferInsert)[];
}

/** The region's themes: five of the catalogue, drawn per region so regions differ. */
function themesOf(r: Rng): Theme[] {
  const pool = [...THEMES];
  const out: Theme[] = [];
  while (out.length < THEME_SHARES.length && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0] as Theme);
  return out;
}

function providerFor(world: World, region: RegionInfo, sector: WlzSector, r: Rng): { organizationId: string; serviceId: string } | null {
  const first = SECTOR_INDEX[sector];
  // Providers p of a sector are p ≡ sector (mod 3) in the demo data; a few of them take most of the signals.
  const available = world.providersPerRegion > first ? Math.floor((world.providersPerRegion - 1 - first) / 3) + 1 : 0;
  if (available === 0) return null;
  return demoProvider(region.index, first + 3 * Math.floor(r() * Math.min(available, 5)));
}

export function buildSignals(world: World, staff: Staff, gaps: readonly GapSignalSource[]): SignalsData {
  const nowMs = world.now.getTime();
  const today = world.referenceDate;
  const current = periodOfDate('QUARTER', today);
  const quarters: Period[] = Array.from({ length: QUARTERS }, (_, k) => shiftPeriod(current, k - (QUARTERS - 1)));
  const lastObservable = addDays(today, -1);
  const daysIn = (q: Period) => Math.round((Date.parse(q.endsBefore) - Date.parse(q.startsOn)) / DAY);
  const elapsed = (q: Period) => Math.max(0, Math.min(daysIn(q), Math.round((Date.parse(lastObservable) - Date.parse(q.startsOn)) / DAY) + 1));
  const totalPopulation = world.regions.reduce((s, reg) => s + (reg.cumulativePopulation[reg.cumulativePopulation.length - 1] ?? 0), 0);

  // One allocation over (region, quarter) cells: regions by population, quarters growing, the current one pro rata.
  const weights: number[] = [];
  for (const region of world.regions) {
    const population = region.cumulativePopulation[region.cumulativePopulation.length - 1] ?? 0;
    quarters.forEach((q, k) => {
      weights.push((population / totalPopulation) * (1 + k * 0.06) * (elapsed(q) / daysIn(q)));
    });
  }
  const counts = allocate(world.volumes.reportedSignals, weights);

  const data: SignalsData = {
    signals: [],
    members: [],
    meetings: [],
    knelpunten: [],
    knelpuntSignals: [],
    transitions: [],
    decisions: [],
    actions: [],
    feedback: [],
  };
  const themeOfSignal = new Map<string, string>();

  world.regions.forEach((region, regionIndex) => {
    const r = seededRandom(0x516a_0000 + regionIndex);
    const themes = themesOf(r);
    const zk = region.zorgkantoorOrganizationId;
    let serial = 0;
    quarters.forEach((q, k) => {
      const n = counts[regionIndex * QUARTERS + k] ?? 0;
      const days = Math.max(1, elapsed(q));
      for (let s = 0; s < n; s++) {
        serial++;
        const x = r();
        let cumulative = 0;
        let theme: Theme | null = null;
        for (const [t, share] of THEME_SHARES.entries()) {
          cumulative += share;
          if (x < cumulative) {
            theme = themes[t] ?? null;
            break;
          }
        }
        const observedOn = addDays(q.startsOn, Math.floor(r() * days));
        const regionWide = r() < 0.08;
        const g = regionWide ? undefined : gemeenteInRegion(region, r());
        const reporterKind = r();
        let reporterOrganizationId: string;
        let reporterSubject: string;
        if (g && reporterKind < 0.35) {
          reporterOrganizationId = demoIds.gemeenteOrganization(g.code);
          reporterSubject = pick(r, staff.gemeente(g)).userId;
        } else if (g && reporterKind < 0.45) {
          reporterOrganizationId = demoIds.welzijnOrganization(g.code);
          reporterSubject = `bench-${g.code.toLowerCase()}-welzijn-1`;
        } else if (reporterKind < 0.8) {
          reporterOrganizationId = region.ocoOrganizationId;
          reporterSubject = pick(r, staff.oco(region)).userId;
        } else {
          reporterOrganizationId = zk;
          reporterSubject = pick(r, staff.zorgkantoor(region)).userId;
        }
        const provider = theme?.providerSector ? providerFor(world, region, theme.providerSector, r) : null;
        const id = deterministicUuid(NS, `signal:${region.code}:${serial}`);
        const createdAt = Math.min(Date.parse(`${observedOn}T00:00:00Z`) + int(r, 0, 2) * DAY + int(r, 480, 1020) * MINUTE, nowMs - MINUTE);
        data.signals.push({
          id,
          source: 'REPORTED',
          gapEventId: null,
          gapKind: null,
          gapReason: null,
          reporterOrganizationId,
          reporterSubject,
          category: theme ? theme.category : pick(r, SIGNAL_CATEGORIES),
          targetGroup: theme ? theme.targetGroup : r() < 0.8 ? pick(r, TARGET_GROUPS) : null,
          ageBand: theme ? theme.ageBand : r() < 0.6 ? pick(r, AGE_BANDS) : null,
          legalDomain: theme ? theme.legalDomain : r() < 0.9 ? pick(r, LEGAL_DOMAINS) : null,
          wlzSector: theme ? theme.wlzSector : null,
          lifeDomain: theme ? theme.lifeDomain : r() < 0.7 ? pick(r, LIFE_DOMAINS) : null,
          serviceId: provider?.serviceId ?? null,
          organizationId: provider?.organizationId ?? null,
          gemeenteCode: g?.code ?? null,
          zorgkantoorregioCode: region.code,
          observedOn,
          waitDays: theme?.waitDays ? int(r, theme.waitDays[0], theme.waitDays[1]) : null,
          clientCount: 1 + (r() < 0.2 ? 1 : 0) + (r() < 0.05 ? 1 : 0),
          description: theme ? pick(r, theme.descriptions) : pick(r, NOISE_DESCRIPTIONS),
          createdAt: new Date(createdAt),
        });
        if (theme) themeOfSignal.set(id, theme.key);
      }
    });

    buildOverlegtafel(world, region, themes, quarters, r, data, themeOfSignal);
  });

  // The referral gap events, as the signals subgraph turned them into signals (region from its own mapping).
  const regionOf = new Map(readGemeenteRegions().map((m) => [m.gemeenteCode, m.zorgkantoorregioCode]));
  for (const gap of gaps) {
    data.signals.push({
      id: deterministicUuid(NS, `gap-signal:${gap.eventId}`),
      source: 'GAP_EVENT',
      gapEventId: gap.eventId,
      gapKind: gap.kind,
      gapReason: gap.reason,
      reporterOrganizationId: null,
      reporterSubject: null,
      category: CATEGORY_OF_GAP_REASON[gap.reason],
      targetGroup: gap.targetGroup,
      ageBand: null,
      legalDomain: gap.legalDomain,
      wlzSector: gap.wlzSector,
      lifeDomain: gap.lifeDomain,
      serviceId: null,
      organizationId: gap.organizationId,
      gemeenteCode: gap.gemeenteCode,
      zorgkantoorregioCode: regionOf.get(gap.gemeenteCode) ?? null,
      observedOn: dutchDateOf(new Date(gap.at).toISOString()),
      waitDays: gap.waitDays,
      clientCount: 1,
      description: null,
      createdAt: new Date(Math.min(gap.at + 2000, nowMs - MINUTE)),
    });
  }
  return data;
}

const KNELPUNT_STATES = ['ACTION', 'ON_AGENDA', 'NEW', 'RESOLVED', 'NOT_RESOLVABLE'] as const;
type KnelpuntState = (typeof KNELPUNT_STATES)[number];

const DECISIONS = [
  'Het zorgkantoor bespreekt extra capaciteit met de zorgaanbieders in de regio.',
  'De gemeenten onderzoeken samen een regionale voorziening.',
  'De overlegtafel vraagt de zorgaanbieders om wachtlijstinformatie per kwartaal.',
];
const ACTIONS = ['Voorstel voor extra plekken uitwerken.', 'Inventarisatie van het huidige aanbod opstellen.', 'Werkafspraken over de overdracht vastleggen.'];
const FEEDBACK = [
  'Dank voor de signalen: de overlegtafel heeft actie ondernomen. Blijf melden wanneer het knelpunt zich voordoet.',
  'De overlegtafel kan dit knelpunt niet zelf oplossen en heeft het landelijk aangekaart.',
];

function buildOverlegtafel(
  world: World,
  region: RegionInfo,
  themes: Theme[],
  quarters: Period[],
  r: Rng,
  data: SignalsData,
  themeOfSignal: Map<string, string>,
): void {
  const tableId = overlegtafelIdOf(region.code);
  const zk = region.zorgkantoorOrganizationId;
  const nowMs = world.now.getTime();
  const joinedAt = new Date(nowMs - 700 * DAY);
  data.members.push({ overlegtafelId: tableId, organizationId: region.ocoOrganizationId, joinedAt });
  for (const g of region.gemeenten) data.members.push({ overlegtafelId: tableId, organizationId: demoIds.gemeenteOrganization(g.code), joinedAt });

  // A meeting halfway through every quarter that has reached that point.
  const meetings = quarters
    .map((q) => ({ q, heldOn: addDays(q.startsOn, 40) }))
    .filter((m) => m.heldOn < world.referenceDate)
    .map((m) => {
      const row = {
        id: deterministicUuid(NS, `meeting:${region.code}:${m.q.key}`),
        overlegtafelId: tableId,
        heldOn: m.heldOn,
        title: `Overlegtafel ${region.name} ${m.q.key}`,
        createdAt: new Date(Date.parse(`${m.heldOn}T00:00:00Z`) - 30 * DAY),
      };
      data.meetings.push(row);
      return row;
    });
  const last = meetings[meetings.length - 1];
  const previous = meetings[meetings.length - 2];
  if (!last || !previous) return;
  const atMeeting = (m: { heldOn: string }, plusMinutes = 0) => Date.parse(`${m.heldOn}T13:00:00Z`) + plusMinutes * MINUTE;

  const count = Math.min(themes.length, 3 + (r() < 0.5 ? 1 : 0) + (r() < 0.3 ? 1 : 0));
  const windowStart = quarters[quarters.length - 3]?.startsOn ?? world.referenceDate;
  const taken = new Set<string>();
  for (let t = 0; t < count; t++) {
    const theme = themes[t];
    if (!theme) continue;
    const state: KnelpuntState = KNELPUNT_STATES[(t + region.index) % KNELPUNT_STATES.length] ?? 'NEW';
    const createdAt = state === 'NEW' ? Math.min(atMeeting(last, 2 * 24 * 60), nowMs - DAY) : atMeeting(previous, -7 * 24 * 60);
    const members = data.signals.filter(
      (s) =>
        s.zorgkantoorregioCode === region.code &&
        themeOfSignal.get(s.id ?? '') === theme.key &&
        s.observedOn >= windowStart &&
        (s.createdAt instanceof Date ? s.createdAt.getTime() : 0) < createdAt &&
        !taken.has(s.id ?? ''),
    );
    const grouped = members.slice(-40);
    // At national scale a knelpunt groups tens of signals; tiny test scales still get knelpunten of one or two.
    if (grouped.length === 0) continue;
    const id = deterministicUuid(NS, `knelpunt:${region.code}:${theme.key}`);
    for (const s of grouped) {
      const signalId = s.id ?? '';
      taken.add(signalId);
      data.knelpuntSignals.push({ signalId, knelpuntId: id, addedAt: new Date(createdAt) });
    }
    const moves: { from: KnelpuntState; to: KnelpuntState; at: number; meetingId: string | null }[] = [];
    if (state === 'ON_AGENDA') moves.push({ from: 'NEW', to: 'ON_AGENDA', at: atMeeting(last), meetingId: last.id });
    if (state === 'ACTION' || state === 'RESOLVED' || state === 'NOT_RESOLVABLE')
      moves.push({ from: 'NEW', to: 'ON_AGENDA', at: atMeeting(previous), meetingId: previous.id });
    if (state === 'ACTION' || state === 'RESOLVED') moves.push({ from: 'ON_AGENDA', to: 'ACTION', at: atMeeting(previous, 24 * 60), meetingId: null });
    if (state === 'RESOLVED') moves.push({ from: 'ACTION', to: 'RESOLVED', at: atMeeting(last), meetingId: last.id });
    if (state === 'NOT_RESOLVABLE') moves.push({ from: 'ON_AGENDA', to: 'NOT_RESOLVABLE', at: atMeeting(last), meetingId: last.id });
    moves.forEach((m, k) => {
      data.transitions.push({
        id: deterministicUuid(NS, `knelpunt-transition:${id}:${k}`),
        knelpuntId: id,
        fromStatus: m.from,
        toStatus: m.to,
        byOrganizationId: zk,
        at: new Date(m.at),
      });
    });
    const updatedAt = Math.max(createdAt, ...moves.map((m) => m.at));
    data.knelpunten.push({
      id,
      overlegtafelId: tableId,
      title: theme.title,
      description: `Wie: ${theme.targetGroup ?? 'alle inwoners'}. Wat: ${theme.descriptions[0] ?? theme.title} Waar: regio ${region.name}. Wanneer: de afgelopen kwartalen.`,
      status: state,
      meetingId: [...moves].reverse().find((m) => m.meetingId)?.meetingId ?? null,
      createdByOrganizationId: zk,
      version: 1 + moves.length,
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
    });
    if (state === 'ACTION' || state === 'RESOLVED') {
      data.decisions.push({
        id: deterministicUuid(NS, `decision:${id}`),
        knelpuntId: id,
        meetingId: previous.id,
        text: pick(r, DECISIONS),
        decidedOn: previous.heldOn,
        byOrganizationId: zk,
        createdAt: new Date(atMeeting(previous, 30)),
      });
      const done = state === 'RESOLVED';
      data.actions.push({
        id: deterministicUuid(NS, `action:${id}`),
        knelpuntId: id,
        description: pick(r, ACTIONS),
        ownerOrganizationId: r() < 0.5 ? zk : region.gemeenten[0] ? demoIds.gemeenteOrganization(region.gemeenten[0].code) : zk,
        // An open action is still due; a done one was due before the meeting that resolved the knelpunt.
        dueOn: done ? last.heldOn : addDays(world.referenceDate, int(r, 14, 120)),
        status: done ? 'DONE' : 'OPEN',
        completedAt: done ? new Date(atMeeting(last, -5 * 24 * 60)) : null,
        createdAt: new Date(atMeeting(previous, 23 * 60)),
      });
    }
    if (state === 'NOT_RESOLVABLE') {
      data.decisions.push({
        id: deterministicUuid(NS, `decision:${id}`),
        knelpuntId: id,
        meetingId: last.id,
        text: 'De overlegtafel ziet geen regionale oplossing en kaart het knelpunt landelijk aan.',
        decidedOn: last.heldOn,
        byOrganizationId: zk,
        createdAt: new Date(atMeeting(last, 30)),
      });
    }
    if (state !== 'NEW' && state !== 'ON_AGENDA') {
      data.feedback.push({
        id: deterministicUuid(NS, `feedback:${id}`),
        knelpuntId: id,
        text: state === 'NOT_RESOLVABLE' ? (FEEDBACK[1] ?? '') : (FEEDBACK[0] ?? ''),
        byOrganizationId: zk,
        createdAt: new Date(updatedAt + 60 * MINUTE),
      });
    }
  }
}
