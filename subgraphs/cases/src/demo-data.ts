import { sql } from 'drizzle-orm';
import type { Db } from '@hub/db';
import { addWorkingDays, amsterdamDate, demoBsn, demoIds, deterministicUuid, type LifeDomain } from '@hub/domain';
import type { BsnCipher } from './bsn-crypto.ts';
import {
  client,
  commission,
  consent,
  contactMoment,
  organizationSetting,
  trajectory,
  type TrajectoryOutcomes,
  wlzIndicatieItem,
  wlzNotification,
} from './db/schema.ts';

/**
 * Deterministic demo clients in Amsterdam (GM0363, zorgkantoorregio ZK02): Wmo trajectories of the gemeente, Wlz
 * trajectories of the zorgkantoor, and consents between them, so the printed demo tokens show both sides of the
 * consent gate. Names are fictional; BSNs come from the 9999xxxxx range kept for test persons and pass the elfproef.
 * `scale` multiplies the number of clients for benchmarks.
 */

const NS = 'hub-demo-cases';
const GEMEENTE = 'GM0363';
/** Fictional names of the demo clients (also the start of the benchmark data set's lists). */
export const DEMO_GIVEN_NAMES = [
  'Anna',
  'Bram',
  'Chantal',
  'Dirk',
  'Esra',
  'Frank',
  'Gerda',
  'Hamid',
  'Ilse',
  'Jan',
  'Kees',
  'Lotte',
  'Marieke',
  'Nadia',
  'Otto',
  'Priya',
];
export const DEMO_FAMILY_NAMES: [string | null, string][] = [
  [null, 'Demohuis'],
  ['van', 'Testerveld'],
  ['de', 'Voorbeeld'],
  [null, 'Fictief'],
  ['van der', 'Proefstraat'],
  [null, 'Oefenaar'],
  ['van den', 'Schijnberg'],
  [null, 'Verzinsel'],
];

const at = (iso: string) => new Date(iso);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

export async function loadDemoData(db: Db, scale: number, bsn: BsnCipher | null): Promise<void> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(client);
  if ((existing?.n ?? 0) > 0) return;
  const gemeenteOrg = demoIds.gemeenteOrganization(GEMEENTE);
  const zorgkantoorOrg = demoIds.zorgkantoorOrganization('ZK02');
  const ocoOrg = demoIds.ocoOrganization(0);
  const count = Math.max(8, Math.round(8 * scale));
  const base = at('2026-01-05T09:00:00Z');
  const clients: (typeof client.$inferInsert)[] = [];
  const trajectories: (typeof trajectory.$inferInsert)[] = [];
  const moments: (typeof contactMoment.$inferInsert)[] = [];
  const consents: (typeof consent.$inferInsert)[] = [];

  for (let i = 0; i < count; i++) {
    const id = deterministicUuid(NS, `client:${i}`);
    const number = demoBsn(i);
    const [prefix, family] = DEMO_FAMILY_NAMES[i % DEMO_FAMILY_NAMES.length] ?? [null, 'Demohuis'];
    const mantelzorgerId = deterministicUuid(NS, `network:${i}`);
    clients.push({
      id,
      bsnEncrypted: bsn ? bsn.encrypt(number) : null,
      bsnHash: bsn ? bsn.hash(number) : null,
      givenName: DEMO_GIVEN_NAMES[i % DEMO_GIVEN_NAMES.length] ?? 'Anna',
      namePrefix: prefix,
      familyName: family,
      dateOfBirth: `${1935 + ((i * 7) % 60)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      gemeenteCode: GEMEENTE,
      contact: { phone: `020-555${String(1000 + i).slice(-4)}`, email: `client${i}@example.org`, address: null },
      preferredContactChannel: i % 5 === 4 ? 'DO_NOT_CONTACT' : i % 2 ? 'PHONE' : 'IN_PERSON',
      network: [
        {
          id: mantelzorgerId,
          name: `Mantelzorger ${i}`,
          role: i % 3 === 0 ? 'WETTELIJK_VERTEGENWOORDIGER' : 'MANTELZORGER',
          contact: { phone: '020-5550000' },
          mayActForClient: i % 3 === 0,
        },
      ],
      registeredByOrganizationId: gemeenteOrg,
    });

    const opened = addDays(base, i % 60);
    const closed = i % 4 === 3;
    const lifeDomains: LifeDomain[] = i % 2 ? ['WONEN', 'ZORG_EN_ONDERSTEUNING'] : ['FINANCIEN_EN_SCHULDEN', 'WELZIJN_EN_SOCIAAL_NETWERK'];
    const outcomes: TrajectoryOutcomes | null = closed
      ? {
          selfReliance: lifeDomains.map((d, k) => ({ lifeDomain: d, start: 1 + ((i + k) % 3), end: 3 + ((i + k) % 3) })),
          ownNetworkUsed: i % 2 === 1,
          satisfaction: 6 + (i % 5),
        }
      : null;
    const wmoId = deterministicUuid(NS, `trajectory:wmo:${i}`);
    trajectories.push({
      id: wmoId,
      clientId: id,
      organizationId: gemeenteOrg,
      counsellor: { userId: 'demo-co-amsterdam', name: 'Mohammed El Amrani', formality: 'FORMAL' },
      legalDomain: i % 3 === 2 ? 'WMO_ALGEMENE_VOORZIENING' : 'WMO_MAATWERKVOORZIENING',
      journeyPhase: 'BEFORE_INDICATION',
      hulpvraag: 'Ik wil langer thuis blijven wonen en weet niet welke hulp er is.',
      lifeDomains,
      targetGroups: i % 2 ? ['ALLEENSTAANDE_OUDEREN'] : ['WEINIG_SOCIAAL_NETWERK'],
      supportForms: ['INFORMATIE_EN_ADVIES', 'PERSOONLIJK_PLAN'],
      goals: [{ id: deterministicUuid(NS, `goal:${i}`), description: 'Weten welke ondersteuning past', status: closed ? 'ACHIEVED' : 'IN_PROGRESS' }],
      plan: 'Zo lang mogelijk zelfstandig wonen, met hulp van familie.',
      wlz: null,
      status: closed ? 'CLOSED' : 'OPEN',
      openedAt: opened,
      closedAt: closed ? addDays(opened, 90) : null,
      closeReason: closed ? 'GOALS_REACHED' : null,
      outcomes,
    });
    moments.push({
      id: deterministicUuid(NS, `moment:${i}`),
      trajectoryId: wmoId,
      occurredAt: addDays(opened, 7),
      channel: 'IN_PERSON',
      summary: 'Kennismaking; hulpvraag besproken.',
      recordedByUserId: 'demo-co-amsterdam',
    });

    // Every other client also has a Wlz trajectory at the zorgkantoor.
    if (i % 2 === 0) {
      const sector = (['VV', 'GZ', 'GGZ'] as const)[i % 3] ?? 'VV';
      trajectories.push({
        id: deterministicUuid(NS, `trajectory:wlz:${i}`),
        clientId: id,
        organizationId: zorgkantoorOrg,
        counsellor: { userId: 'demo-zorgbemiddelaar-zk02', name: 'Petra Jansen', formality: 'FORMAL' },
        legalDomain: 'WLZ',
        journeyPhase: 'AFTER_INDICATION',
        hulpvraag: 'Ik heb een Wlz-indicatie en zoek een passende plek.',
        lifeDomains: ['ZORG_EN_ONDERSTEUNING', 'WONEN'],
        targetGroups: ['OUDEREN'],
        supportForms: ['KEUZE_ZORGAANBIEDER_EN_ZORG', 'ZORGPLAN'],
        goals: [],
        plan: null,
        wlz: {
          sector,
          zorgprofiel: sector === 'VV' ? '754' : sector === 'GZ' ? '804' : '762',
          leveringsvorm: i % 4 === 0 ? 'VERBLIJF' : 'VPT',
          wachtstatus: i % 4 === 0 ? 'ACTIEF_PLAATSEN' : 'WACHT_OP_VOORKEUR',
        },
        status: 'OPEN',
        openedAt: addDays(opened, 30),
      });
    }

    // Consents vary per client so every outcome of the gate can be seen with the demo tokens.
    const consentBase = {
      clientId: id,
      givenBy: 'CLIENT',
      recordedHow: 'WRITTEN',
      validFrom: opened,
      recordedByUserId: 'demo-co-amsterdam',
      recordedByOrganizationId: gemeenteOrg,
    };
    const kind = i % 8;
    if (kind === 0 || kind === 2) {
      consents.push({
        ...consentBase,
        id: deterministicUuid(NS, `consent:zk:${i}`),
        receivingOrganizationId: zorgkantoorOrg,
        categories: ['IDENTITY', 'CONTACT', 'QUESTION', 'PLAN', 'HANDOVER', 'CONTACT_MOMENTS'],
        purpose: 'INTEGRATED_SUPPORT',
      });
      consents.push({
        ...consentBase,
        id: deterministicUuid(NS, `consent:gm:${i}`),
        receivingOrganizationId: gemeenteOrg,
        categories: ['HANDOVER', 'QUESTION'],
        purpose: 'INTEGRATED_SUPPORT',
        recordedByUserId: 'demo-zorgbemiddelaar-zk02',
        recordedByOrganizationId: zorgkantoorOrg,
      });
    } else if (kind === 4) {
      consents.push({
        ...consentBase,
        id: deterministicUuid(NS, `consent:zk:${i}`),
        receivingOrganizationId: zorgkantoorOrg,
        categories: ['IDENTITY', 'HANDOVER'],
        purpose: 'WARM_HANDOVER',
      });
    } else if (kind === 6) {
      consents.push({
        ...consentBase,
        id: deterministicUuid(NS, `consent:zk:${i}`),
        receivingOrganizationId: zorgkantoorOrg,
        categories: ['IDENTITY', 'QUESTION'],
        purpose: 'INTEGRATED_SUPPORT',
        revokedAt: addDays(opened, 20),
        revokedByUserId: 'demo-co-amsterdam',
      });
    } else if (kind === 1) {
      consents.push({
        ...consentBase,
        id: deterministicUuid(NS, `consent:oco:${i}`),
        receivingOrganizationId: ocoOrg,
        categories: ['IDENTITY', 'CONTACT', 'QUESTION', 'HANDOVER'],
        purpose: 'INTEGRATED_SUPPORT',
      });
    }
  }

  await insertChunked(clients, (c) => db.insert(client).values(c));
  await insertChunked(trajectories, (c) => db.insert(trajectory).values(c));
  await insertChunked(moments, (c) => db.insert(contactMoment).values(c));
  await insertChunked(consents, (c) => db.insert(consent).values(c));
  await loadDemoWorklist(db, zorgkantoorOrg);
  await loadDemoReportData(db, gemeenteOrg, ocoOrg);
  // The gemeente and the first OCO have break-glass on (default duration and limit), so the demo identities can show it
  // on both sides (the OCO supports none of the gemeente's demo clients, so its cliëntondersteuner meets refused data);
  // the others have it off.
  await db.insert(organizationSetting).values([
    { organizationId: gemeenteOrg, breakGlassEnabled: true, updatedByUserId: 'demo-privacy-amsterdam' },
    { organizationId: demoIds.ocoOrganization(0), breakGlassEnabled: true, updatedByUserId: 'demo-privacy-oco' },
  ]);
}

/**
 * Two new Wlz indicaties on the worklist of the demo zorgkantoor Amsterdam (ZK02), as if the CIZ had notified them (UZOVI
 * 5151 in development): demo clients 2 (GGZ) and 4 (GZ), whose Wlz trajectories at the zorgkantoor they point at. One arrived today,
 * one ten days ago and is overdue. Received "now", so the deadlines stay meaningful whenever the demo starts.
 */
async function loadDemoWorklist(db: Db, zorgkantoorOrg: string): Promise<void> {
  const now = new Date();
  const items = [
    { client: 2, daysAgo: 0, zorgprofiel: '762', leveringsvorm: 'VPT', besluitnummer: 402_117 },
    { client: 4, daysAgo: 10, zorgprofiel: '804', leveringsvorm: 'VERBLIJF', besluitnummer: 402_118 },
  ];
  for (const [n, item] of items.entries()) {
    const receivedAt = addDays(now, -item.daysAgo);
    const id = deterministicUuid(NS, `wlz-item:${n}`);
    const wlzIndicatieId = deterministicUuid(NS, `wlz-indicatie:${n}`);
    const ingangsdatum = amsterdamDate(addDays(receivedAt, -3));
    await db.insert(wlzNotification).values({
      id: deterministicUuid(NS, `wlz-notification:${n}`),
      wlzIndicatieId,
      uzovi: '5151',
      zorgkantoorOrganizationId: zorgkantoorOrg,
      senderKvk: '62253778',
      notifiedAt: receivedAt,
      receivedAt,
      status: 'STORED',
      attempts: 1,
      nextAttemptAt: receivedAt,
      itemId: id,
    });
    await db.insert(wlzIndicatieItem).values({
      id,
      wlzIndicatieId,
      zorgkantoorOrganizationId: zorgkantoorOrg,
      clientId: deterministicUuid(NS, `client:${item.client}`),
      trajectoryId: deterministicUuid(NS, `trajectory:wlz:${item.client}`),
      besluitnummer: item.besluitnummer,
      afgiftedatum: ingangsdatum,
      ingangsdatum,
      einddatum: null,
      zorgprofiel: item.zorgprofiel,
      leveringsvorm: item.leveringsvorm,
      receivedAt,
      // The default of IWLZ_CONTACT_DAYS.
      contactBy: addWorkingDays(amsterdamDate(receivedAt), 5),
    });
  }
}

/** Clients of the demo OCO per gemeente and half year: Amsterdam and two neighbours, enough to publish each part. */
const OCO_CLIENTS: { gemeenteCode: string; year: number; half: 1 | 2; count: number }[] = [
  { gemeenteCode: 'GM0363', year: 2025, half: 2, count: 15 },
  { gemeenteCode: 'GM0384', year: 2025, half: 2, count: 12 },
  { gemeenteCode: 'GM0362', year: 2025, half: 2, count: 12 },
  { gemeenteCode: 'GM0363', year: 2026, half: 1, count: 12 },
  { gemeenteCode: 'GM0384', year: 2026, half: 1, count: 9 },
  { gemeenteCode: 'GM0362', year: 2026, half: 1, count: 9 },
];

/**
 * The half-year report's demo: the first OCO supports clients in Amsterdam (GM0363), Diemen (GM0384) and Amstelveen
 * (GM0362), with trajectories in 2025-H2 and 2026-H1 (some closed with outcomes), and gemeente Amsterdam commissions it
 * (CONTRACT, GM0363, from 2025). So `demo-beleid-oco` can start and submit its report and `demo-beleid-amsterdam` reads
 * the Amsterdam part. The clients have no BSN and no contact details.
 */
async function loadDemoReportData(db: Db, gemeenteOrg: string, ocoOrg: string): Promise<void> {
  const clients: (typeof client.$inferInsert)[] = [];
  const trajectories: (typeof trajectory.$inferInsert)[] = [];
  let n = 0;
  for (const group of OCO_CLIENTS) {
    for (let i = 0; i < group.count; i++, n++) {
      const id = deterministicUuid(NS, `oco-client:${n}`);
      const [prefix, family] = DEMO_FAMILY_NAMES[(n + 3) % DEMO_FAMILY_NAMES.length] ?? [null, 'Demohuis'];
      clients.push({
        id,
        givenName: DEMO_GIVEN_NAMES[(n + 5) % DEMO_GIVEN_NAMES.length] ?? 'Anna',
        namePrefix: prefix,
        familyName: family,
        dateOfBirth: `${1940 + ((n * 11) % 60)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`,
        gemeenteCode: group.gemeenteCode,
        registeredByOrganizationId: ocoOrg,
      });
      // All of a group open in the half year's first month, so no month, quarter or gemeente part is a remainder of 1–4
      // that the joint suppression would have to withhold.
      const opened = new Date(Date.UTC(group.year, group.half === 1 ? 0 : 6, 2 + ((i * 7) % 25), 9));
      const closed = i % 3 === 0;
      const lifeDomains: LifeDomain[] = i % 2 ? ['FINANCIEN_EN_SCHULDEN', 'WONEN'] : ['WELZIJN_EN_SOCIAAL_NETWERK', 'ZORG_EN_ONDERSTEUNING'];
      trajectories.push({
        id: deterministicUuid(NS, `oco-trajectory:${n}`),
        clientId: id,
        organizationId: ocoOrg,
        counsellor: { userId: 'demo-co-oco', name: 'Ellen Bakker', formality: 'FORMAL' },
        legalDomain: i % 4 === 3 ? 'WLZ' : 'WMO_MAATWERKVOORZIENING',
        journeyPhase: 'BEFORE_INDICATION',
        hulpvraag: 'Ik zoek onafhankelijke hulp bij mijn aanvraag.',
        lifeDomains,
        targetGroups: i % 2 ? ['ALLEENSTAANDE_OUDEREN'] : ['WEINIG_SOCIAAL_NETWERK'],
        supportForms: ['INFORMATIE_EN_ADVIES', 'PERSOONLIJK_PLAN'],
        goals: [],
        plan: null,
        wlz: null,
        status: closed ? 'CLOSED' : 'OPEN',
        openedAt: opened,
        closedAt: closed ? addDays(opened, 45) : null,
        closeReason: closed ? 'GOALS_REACHED' : null,
        outcomes: closed
          ? {
              selfReliance: lifeDomains.map((d, k) => ({ lifeDomain: d, start: 1 + ((i + k) % 3), end: 3 + ((i + k) % 3) })),
              ownNetworkUsed: i % 2 === 0,
              satisfaction: 7 + (i % 3),
            }
          : null,
      });
    }
  }
  await insertChunked(clients, (c) => db.insert(client).values(c));
  await insertChunked(trajectories, (c) => db.insert(trajectory).values(c));
  await db.insert(commission).values({
    id: deterministicUuid(NS, 'commission:amsterdam-oco'),
    commissionerOrganizationId: gemeenteOrg,
    commissionerType: 'GEMEENTE',
    providerOrganizationId: ocoOrg,
    kind: 'CONTRACT',
    gemeenteCodes: ['GM0363'],
    validFrom: '2025-01-01',
    createdAt: at('2025-01-01T09:00:00Z'),
    createdBy: 'demo-beleid-amsterdam',
  });
}
