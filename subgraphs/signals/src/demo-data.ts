import { sql } from 'drizzle-orm';
import type { Db } from '@hub/db';
import { demoIds, deterministicUuid, seededRandom } from '@hub/domain';
import { decision, action, feedback, knelpunt, knelpuntSignal, knelpuntTransition, overlegtafelMember, signal } from './db/schema.ts';
import type { NewSignal } from './db/queries.ts';
import { periodOfDate, shiftPeriod } from './periods.ts';
import { overlegtafelIdOf, readGemeenteRegions } from './reference-data.ts';
import { addDays, today } from './validation.ts';

/**
 * Demo signals in ZK22 Twente and ZK02 Amsterdam over the current and the four previous quarters: a few large themes
 * (cells that are published) over a scatter of small ones (cells that are withheld), growing towards the present so
 * the trend shows. Deterministic for a given date. `scale` above 1 multiplies every count and adds every other region
 * too, for benchmarks; below 1 the base set stays.
 */

interface Theme {
  category: string;
  legalDomain: string | null;
  wlzSector: string | null;
  targetGroup: string | null;
  lifeDomain: string | null;
  ageBand: string | null;
  perQuarter: number;
  waitDays: [number, number] | null;
  /** Index of a demo provider in the region whose residential service the signals name (NO_CAPACITY). */
  provider?: number;
  description: string;
}

const THEMES: Record<string, Theme[]> = {
  ZK22: [
    {
      category: 'NO_CAPACITY',
      legalDomain: 'WLZ',
      wlzSector: 'VV',
      targetGroup: 'OUDEREN',
      lifeDomain: 'WONEN',
      ageBand: 'AGE_80_PLUS',
      perQuarter: 12,
      waitDays: [40, 120],
      provider: 0,
      description: 'Geen verpleeghuisplek binnen de regio; cliënt wacht thuis met MPT.',
    },
    {
      category: 'WAITING_TIME',
      legalDomain: 'WLZ',
      wlzSector: 'GZ',
      targetGroup: 'VERSTANDELIJKE_BEPERKING',
      lifeDomain: 'WONEN',
      ageBand: 'AGE_18_26',
      perQuarter: 8,
      waitDays: [90, 300],
      description: 'Wachttijd voor GZ-verblijf ruim boven de norm van 13 weken.',
    },
    {
      category: 'FALLS_BETWEEN_LAWS',
      legalDomain: 'JEUGDWET',
      wlzSector: null,
      targetGroup: 'JEUGD_RONDOM_18',
      lifeDomain: 'ZORG_EN_ONDERSTEUNING',
      ageBand: 'AGE_18_26',
      perQuarter: 6,
      waitDays: null,
      description: 'Jeugdhulp stopt bij 18 jaar, Wmo-begeleiding nog niet geregeld.',
    },
    {
      category: 'NO_FITTING_OFFER',
      legalDomain: 'WMO_MAATWERKVOORZIENING',
      wlzSector: null,
      targetGroup: 'LICHTE_VERSTANDELIJKE_BEPERKING',
      lifeDomain: 'WERK_EN_DAGBESTEDING',
      ageBand: 'AGE_27_64',
      perQuarter: 5,
      waitDays: null,
      description: 'Geen passende dagbesteding voor LVB in de kleine kernen.',
    },
  ],
  ZK02: [
    {
      category: 'NO_CAPACITY',
      legalDomain: 'WMO_MAATWERKVOORZIENING',
      wlzSector: null,
      targetGroup: 'MAATSCHAPPELIJKE_OPVANG',
      lifeDomain: 'WONEN',
      ageBand: 'AGE_27_64',
      perQuarter: 14,
      waitDays: [14, 60],
      description: 'Nachtopvang vol; doorverwezen naar buiten de regio.',
    },
    {
      category: 'WAITING_TIME',
      legalDomain: 'WLZ',
      wlzSector: 'GGZ',
      targetGroup: 'PSYCHISCHE_KWETSBAARHEID',
      lifeDomain: 'ZORG_EN_ONDERSTEUNING',
      ageBand: 'AGE_27_64',
      perQuarter: 7,
      waitDays: [60, 200],
      description: 'Lange wachttijd voor GGZ-wonen met Wlz-indicatie.',
    },
    {
      category: 'NO_CAPACITY',
      legalDomain: 'WLZ',
      wlzSector: 'VV',
      targetGroup: 'OUDEREN',
      lifeDomain: 'WONEN',
      ageBand: 'AGE_80_PLUS',
      perQuarter: 6,
      waitDays: [30, 90],
      provider: 0,
      description: 'Geen plek in het verpleeghuis van voorkeur.',
    },
  ],
};

const NOISE_CATEGORIES = ['ACCESSIBILITY', 'QUALITY', 'INFORMATION', 'COORDINATION', 'NOT_ELIGIBLE', 'OTHER'];
const NOISE_TARGETS = ['ALLEENSTAANDE_OUDEREN', 'WEINIG_SOCIAAL_NETWERK', 'MANTELZORGERS', 'LICHAMELIJKE_BEPERKING', null];
const NOISE_LEGAL = ['WMO_ALGEMENE_VOORZIENING', 'ZVW', 'PARTICIPATIEWET', null];

function generateDemoSignals(scale = 1, now = today()): NewSignal[] {
  const mapping = readGemeenteRegions();
  const regionCodes = [...new Set(mapping.map((m) => m.zorgkantoorregioCode))].sort();
  const regions = scale > 1 ? regionCodes : ['ZK22', 'ZK02'];
  const current = periodOfDate('QUARTER', now);
  const rand = seededRandom(20261124);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const rows: NewSignal[] = [];
  let serial = 0;

  for (const region of regions) {
    const regionIndex = regionCodes.indexOf(region);
    const gemeenten = mapping.filter((m) => m.zorgkantoorregioCode === region).map((m) => m.gemeenteCode);
    const reporters = [
      demoIds.ocoOrganization(0),
      demoIds.ocoOrganization(Math.floor(regionIndex / 2)),
      demoIds.zorgkantoorOrganization(region),
      ...gemeenten.slice(0, 3).map((g) => demoIds.gemeenteOrganization(g)),
    ];
    const themes = THEMES[region] ?? THEMES.ZK22 ?? [];
    for (let back = 4; back >= 0; back--) {
      const quarter = shiftPeriod(current, -back);
      const growth = 1 + (4 - back) * 0.15;
      // Only days that have passed: the current quarter is filled up to today.
      const lastDay = quarter.endsOn < now ? quarter.endsOn : now;
      const days = Math.max(1, Math.round((Date.parse(lastDay) - Date.parse(quarter.startsOn)) / 86_400_000) + 1);
      const dateInQuarter = () => addDays(quarter.startsOn, Math.floor(rand() * days));
      const add = (t: Omit<Theme, 'perQuarter' | 'description'> & { description: string | null }) => {
        serial++;
        const fromFeed = t.category === 'NO_CAPACITY' && rand() < 0.4;
        const providerIndex = t.provider === undefined ? undefined : regionIndex * 100000 + t.provider;
        rows.push({
          id: deterministicUuid('hub-demo-signal', `${region}:${serial}`),
          source: fromFeed ? 'GAP_EVENT' : 'REPORTED',
          gapEventId: fromFeed ? deterministicUuid('hub-demo-gap-event', `${region}:${serial}`) : null,
          gapKind: fromFeed ? 'REJECTED' : null,
          gapReason: fromFeed ? 'NO_CAPACITY' : null,
          reporterOrganizationId: fromFeed ? null : pick(reporters),
          reporterSubject: fromFeed ? null : 'demo-data',
          category: t.category,
          targetGroup: t.targetGroup,
          ageBand: fromFeed ? null : t.ageBand,
          legalDomain: t.legalDomain,
          wlzSector: t.wlzSector,
          lifeDomain: t.lifeDomain,
          serviceId: providerIndex === undefined ? null : deterministicUuid('hub-demo-service', `verblijf:${providerIndex}`),
          organizationId: providerIndex === undefined ? null : demoIds.providerOrganization(providerIndex),
          gemeenteCode: pick(gemeenten),
          zorgkantoorregioCode: region,
          observedOn: dateInQuarter(),
          waitDays: t.waitDays ? t.waitDays[0] + Math.floor(rand() * (t.waitDays[1] - t.waitDays[0])) : null,
          clientCount: 1 + (rand() < 0.2 ? 1 : 0),
          description: fromFeed ? null : t.description,
        });
      };
      const share = quarter.key === current.key ? days / 91 : 1;
      // Below 1 the base set stays (quick test hubs still get the journey data); above 1 it grows for benchmarks.
      const factor = Math.max(1, scale);
      for (const theme of themes) {
        const n = Math.round(theme.perQuarter * growth * factor * share);
        for (let i = 0; i < n; i++) add(theme);
      }
      const noise = Math.round(6 * factor * share);
      for (let i = 0; i < noise; i++) {
        add({
          category: pick(NOISE_CATEGORIES),
          legalDomain: pick(NOISE_LEGAL),
          wlzSector: null,
          targetGroup: pick(NOISE_TARGETS),
          lifeDomain: null,
          ageBand: null,
          waitDays: null,
          description: null,
        });
      }
    }
  }
  return rows;
}

/** The demo overlegtafels: members in both regions, and one knelpunt in Amsterdam already at ACTION. */
async function loadDemoTables(db: Db, signals: NewSignal[], now: string): Promise<void> {
  const zk22 = overlegtafelIdOf('ZK22');
  const zk02 = overlegtafelIdOf('ZK02');
  await db
    .insert(overlegtafelMember)
    .values([
      { overlegtafelId: zk22, organizationId: demoIds.ocoOrganization(0) },
      { overlegtafelId: zk22, organizationId: demoIds.gemeenteOrganization('GM0153') },
      { overlegtafelId: zk22, organizationId: demoIds.gemeenteOrganization('GM0164') },
      { overlegtafelId: zk02, organizationId: demoIds.ocoOrganization(0) },
      { overlegtafelId: zk02, organizationId: demoIds.gemeenteOrganization('GM0363') },
    ])
    .onConflictDoNothing();
  const shelter = signals.filter((s) => s.zorgkantoorregioCode === 'ZK02' && s.targetGroup === 'MAATSCHAPPELIJKE_OPVANG').slice(0, 6);
  if (shelter.length === 0) return;
  const id = deterministicUuid('hub-demo-knelpunt', 'ZK02:opvang');
  const zorgkantoor = demoIds.zorgkantoorOrganization('ZK02');
  await db.insert(knelpunt).values({
    id,
    overlegtafelId: zk02,
    title: 'Nachtopvang Amsterdam structureel vol',
    description: 'Wie: dak- en thuislozen. Wat: nachtopvang (Wmo maatwerk). Waar: Amsterdam en Diemen. Wanneer: elk kwartaal van dit jaar.',
    status: 'ACTION',
    version: 3,
    createdByOrganizationId: zorgkantoor,
    themeCategories: [...new Set(shelter.map((s) => s.category))].sort(),
    themeTargetGroups: ['MAATSCHAPPELIJKE_OPVANG'],
  });
  await db.insert(knelpuntSignal).values(shelter.map((s) => ({ signalId: s.id, knelpuntId: id })));
  await db.insert(knelpuntTransition).values([
    { id: deterministicUuid('hub-demo-transition', `${id}:1`), knelpuntId: id, fromStatus: 'NEW', toStatus: 'ON_AGENDA', byOrganizationId: zorgkantoor },
    { id: deterministicUuid('hub-demo-transition', `${id}:2`), knelpuntId: id, fromStatus: 'ON_AGENDA', toStatus: 'ACTION', byOrganizationId: zorgkantoor },
  ]);
  await db.insert(decision).values({
    id: deterministicUuid('hub-demo-decision', id),
    knelpuntId: id,
    text: 'De gemeente onderzoekt extra winteropvang; het zorgkantoor kijkt naar doorstroom naar beschermd wonen.',
    decidedOn: now,
    byOrganizationId: zorgkantoor,
  });
  await db.insert(action).values({
    id: deterministicUuid('hub-demo-action', id),
    knelpuntId: id,
    description: 'Voorstel voor 20 extra plekken winteropvang.',
    ownerOrganizationId: demoIds.gemeenteOrganization('GM0363'),
    dueOn: addDays(now, 60),
  });
  await db.insert(feedback).values({
    id: deterministicUuid('hub-demo-feedback', id),
    knelpuntId: id,
    text: 'Dank voor de signalen: de overlegtafel heeft extra winteropvang aangevraagd. Blijf melden wanneer de opvang vol is.',
    byOrganizationId: zorgkantoor,
  });
}

/** Loads the demo set in one transaction, only when there are no signals yet. */
export async function loadDemoData(db: Db, scale: number): Promise<{ loaded: boolean; signals: number }> {
  const [existing] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(signal);
  if ((existing?.n ?? 0) > 0) return { loaded: false, signals: 0 };
  const now = today();
  const rows = generateDemoSignals(scale, now);
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(signal).values(rows.slice(i, i + 1000));
    await loadDemoTables(tx, rows, now);
  });
  return { loaded: true, signals: rows.length };
}
