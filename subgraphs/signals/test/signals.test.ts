import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { overlegtafelMember } from '../src/db/schema.ts';
import { overlegtafelIdOf } from '../src/reference-data.ts';
import { startTestHub, type TestHub } from '@hub/testing';
import { periodOfDate } from '../src/periods.ts';
import { readGemeenteRegions } from '../src/reference-data.ts';
import { today as dutchToday } from '../src/validation.ts';
import {
  chair,
  dataOf,
  errorCodes,
  gapEvent,
  insertKnelpunt,
  insertMeetings,
  insertSignals,
  party,
  postGapEvents,
  professional,
  statementsPerSubgraph,
  times,
  type Party,
} from './builders.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ captureLogs: true });
});
afterAll(async () => {
  await hub?.stop();
});

/** Gemeenten of a region, from the same reference file the subgraph loads. */
const gemeentenOf = (region: string) =>
  readGemeenteRegions()
    .filter((g) => g.zorgkantoorregioCode === region)
    .map((g) => g.gemeenteCode);

async function countRows(where: ReturnType<typeof sql>): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await hub.database.db.execute(sql`select count(*)::int as n from signals.signal where ${where}`));
  return Number(row?.n ?? 0);
}

const SUMMARY = /* GraphQL */ `
  query Summary($input: SignalSummaryInput!) {
    signalSummary(input: $input) {
      zorgkantoorregio { code }
      gemeente { code }
      period
      startsOn
      endsOn
      total { signals clients withheld previousSignals change }
      cells { category legalDomain targetGroup signals clients withheld previousSignals previousWithheld change }
      medianWaitDays
      topNoCapacityServices(limit: 3) { service { id } signals }
      topNoCapacityOrganizations(limit: 3) { organization { id } signals }
    }
  }
`;

interface Cell {
  category: string | null;
  legalDomain: string | null;
  targetGroup: string | null;
  signals: number | null;
  clients: number | null;
  withheld: boolean;
  previousSignals: number | null;
  previousWithheld: boolean;
  change: number | null;
}
interface SummaryData {
  zorgkantoorregio: { code: string } | null;
  gemeente: { code: string } | null;
  period: string;
  startsOn: string;
  endsOn: string;
  total: Cell;
  cells: Cell[];
  medianWaitDays: number | null;
  topNoCapacityServices: { service: { id: string }; signals: number }[];
  topNoCapacityOrganizations: { organization: { id: string }; signals: number }[];
}

async function summary(token: string, input: Record<string, unknown>) {
  return hub.graphql<{ signalSummary: SummaryData[] }>(SUMMARY, { input }, { token });
}

describe('gap events from referrals (contract 6)', () => {
  it('become exactly one signal each, also when delivered twice, concurrently or out of order', async () => {
    const a = gapEvent({ occurredAt: '2025-08-01T09:00:00.000Z' });
    const b = gapEvent({ occurredAt: '2025-08-02T09:00:00.000Z', reason: 'WAITLIST' });
    const c = gapEvent({ occurredAt: '2025-08-03T09:00:00.000Z', kind: 'OVERDUE', reason: 'OVERDUE' });
    const ids = [a, b, c].map((e) => e.eventId);
    const ofTheseEvents = sql`gap_event_id = any(${sql.param(ids)}::uuid[])`;

    // The newest first, then the older two, then everything again, then twice at once.
    expect((await postGapEvents(hub, { events: [c] })).body).toEqual({ accepted: 1, duplicates: 0 });
    expect((await postGapEvents(hub, { events: [b, a] })).body).toEqual({ accepted: 2, duplicates: 0 });
    expect((await postGapEvents(hub, { events: [a, b, c] })).body).toEqual({ accepted: 0, duplicates: 3 });
    const both = await Promise.all([postGapEvents(hub, { events: [a, b, c] }), postGapEvents(hub, { events: [c, b, a] })]);
    expect(both.map((r) => r.body.accepted)).toEqual([0, 0]);
    // A duplicate inside one batch counts once.
    const d = gapEvent();
    expect((await postGapEvents(hub, { events: [d, d] })).body).toEqual({ accepted: 1, duplicates: 1 });

    expect(await countRows(ofTheseEvents)).toBe(3);
    const rows = rowsOf<{
      gap_event_id: string;
      category: string;
      zorgkantoorregio_code: string;
      source: string;
      reporter_organization_id: string | null;
      description: string | null;
    }>(await hub.database.db.execute(sql`select * from signals.signal where ${ofTheseEvents}`));
    const byEvent = new Map(rows.map((r) => [r.gap_event_id, r]));
    expect(byEvent.get(a.eventId)).toMatchObject({
      category: 'NO_CAPACITY',
      zorgkantoorregio_code: 'ZK22',
      source: 'GAP_EVENT',
      reporter_organization_id: null,
      description: null,
    });
    expect(byEvent.get(b.eventId)?.category).toBe('WAITING_TIME');
    expect(byEvent.get(c.eventId)?.category).toBe('WAITING_TIME');
  });

  it('takes the region from its own gemeente mapping, and the Dutch calendar date', async () => {
    const e = gapEvent({ gemeenteCode: 'GM0363', zorgkantoorregioCode: 'ZK22', occurredAt: '2025-06-30T23:30:00.000Z', reason: 'OUT_OF_AREA' });
    await postGapEvents(hub, { events: [e] });
    const [row] = rowsOf<{ zorgkantoorregio_code: string; observed_on: unknown; category: string }>(
      await hub.database.db.execute(
        sql`select zorgkantoorregio_code, observed_on::text as observed_on, category from signals.signal where gap_event_id = ${e.eventId}::uuid`,
      ),
    );
    expect(row).toEqual({ zorgkantoorregio_code: 'ZK02', observed_on: '2025-07-01', category: 'ACCESSIBILITY' });
  });

  it('refuses a call without the internal secret, and a malformed batch as a whole', async () => {
    const e = gapEvent();
    expect((await postGapEvents(hub, { events: [e] }, null)).status).toBe(401);
    expect((await postGapEvents(hub, { events: [e] }, 'wrong-secret')).status).toBe(401);
    const bad = await postGapEvents(hub, { events: [e, { ...gapEvent(), eventId: 'not-a-uuid' }] });
    expect(bad.status).toBe(400);
    expect(await countRows(sql`gap_event_id = ${e.eventId}::uuid`)).toBe(0);
  });
});

const REPORT = /* GraphQL */ `
  mutation Report($input: ReportSignalInput!) {
    reportSignal(input: $input) { signal { id category zorgkantoorregio { code } gemeente { code } clientCount description reporterOrganization { id } } }
  }
`;

describe('reporting a signal', () => {
  const base = { category: 'NO_FITTING_OFFER', gemeenteCode: 'GM0014', observedOn: '2025-09-01', clientCount: 2 };
  const today = new Date().toISOString().slice(0, 10);

  it('stores a signal with its region derived from the gemeente', async () => {
    const oco = await professional(hub);
    const { reportSignal } = dataOf(
      await hub.graphql<{ reportSignal: { signal: Record<string, unknown> } }>(
        REPORT,
        { input: { ...base, observedOn: today, description: 'wachttijd 13 weken, 3 cliënten' } },
        { token: oco.token },
      ),
    );
    expect(reportSignal.signal).toMatchObject({
      category: 'NO_FITTING_OFFER',
      zorgkantoorregio: { code: 'ZK09' },
      gemeente: { code: 'GM0014' },
      clientCount: 2,
      reporterOrganization: { id: oco.organizationId },
    });
  });

  it.each([
    ['a BSN with dots', 'client 123.456.782 wacht'],
    ['an obfuscated e-mail', 'mail naam [at] domein [dot] nl'],
    ['a phone number', 'bel +31 6 1234 5678'],
    ['a postcode with house number', 'woont op Stationsstraat 12, 1234 AB'],
    ['a date of birth', 'geboren 12-3-56'],
  ])('refuses a description with %s, stores nothing and never repeats the text', async (_what, description) => {
    const oco = await professional(hub);
    const result = await hub.graphql(REPORT, { input: { ...base, description } }, { token: oco.token });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    const error = result.body.errors?.[0];
    expect(error?.extensions?.field).toBe('input.description');
    expect(JSON.stringify(result.body)).not.toContain(description);
    expect(await countRows(sql`reporter_organization_id = ${oco.organizationId}::uuid`)).toBe(0);
  });

  it('checks the rest of the input and the role', async () => {
    const oco = await professional(hub);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, gemeenteCode: 'GM9999' }, 'input.gemeenteCode'],
      [{ ...base, gemeenteCode: 'GM0014', zorgkantoorregioCode: 'ZK22' }, 'input.zorgkantoorregioCode'],
      [{ ...base, gemeenteCode: null }, 'input.gemeenteCode'],
      [{ ...base, observedOn: '2999-01-01' }, 'input.observedOn'],
      [{ ...base, clientCount: 0 }, 'input.clientCount'],
    ];
    for (const [input, field] of cases) {
      const r = await hub.graphql(REPORT, { input }, { token: oco.token });
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const privacyOfficer = await party(hub, { organizationType: 'GEMEENTE', roles: ['PRIVACY_OFFICER'], gemeenteCode: 'GM0014' });
    expect(errorCodes(await hub.graphql(REPORT, { input: base }, { token: privacyOfficer.token }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.graphql(REPORT, { input: base }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('aggregations', () => {
  it('publish totals equal to the raw counts when every cell has 5 or more', async () => {
    const region = 'ZK10';
    const [g1, g2] = gemeentenOf(region);
    await insertSignals(hub, [
      ...times(7, {
        category: 'NO_CAPACITY',
        legalDomain: 'WLZ',
        targetGroup: 'OUDEREN',
        gemeenteCode: g1,
        zorgkantoorregioCode: region,
        observedOn: '2025-07-10',
        clientCount: 2,
      }),
      ...times(5, {
        category: 'WAITING_TIME',
        legalDomain: 'WLZ',
        targetGroup: 'OUDEREN',
        gemeenteCode: g2,
        zorgkantoorregioCode: region,
        observedOn: '2025-09-30',
        waitDays: 70,
      }),
      ...times(6, {
        category: 'NO_CAPACITY',
        legalDomain: 'WLZ',
        targetGroup: 'OUDEREN',
        gemeenteCode: g1,
        zorgkantoorregioCode: region,
        observedOn: '2025-05-02',
      }),
    ]);
    const boss = await chair(hub, region);
    const [q3] = dataOf(
      await summary(boss.token, { zorgkantoorregioCodes: [region], granularity: 'QUARTER', from: '2025-Q3', groupBy: ['CATEGORY'] }),
    ).signalSummary;
    const raw = await countRows(sql`zorgkantoorregio_code = ${region} and observed_on between '2025-07-01' and '2025-09-30'`);
    expect(raw).toBe(12);
    expect(q3).toMatchObject({ zorgkantoorregio: { code: region }, period: '2025-Q3', startsOn: '2025-07-01', endsOn: '2025-09-30' });
    expect(q3?.total).toMatchObject({ signals: raw, clients: 19, withheld: false, previousSignals: 6, change: 6 });
    expect(q3?.cells.map((c) => [c.category, c.signals, c.previousSignals, c.change])).toEqual([
      ['NO_CAPACITY', 7, 6, 1],
      ['WAITING_TIME', 5, 0, 5],
    ]);
    expect(q3?.medianWaitDays).toBe(70);
  });

  it('withhold small cells, and no subtraction within one query or across two overlapping ones reveals them', async () => {
    const region = 'ZK11';
    const [g] = gemeentenOf(region);
    const at = { gemeenteCode: g, zorgkantoorregioCode: region, observedOn: '2025-08-10' };
    await insertSignals(hub, [
      ...times(9, { ...at, category: 'NO_CAPACITY', legalDomain: 'WLZ', targetGroup: 'OUDEREN' }),
      ...times(3, { ...at, category: 'NO_CAPACITY', legalDomain: 'WMO_MAATWERKVOORZIENING', targetGroup: 'OUDEREN' }),
      ...times(6, { ...at, category: 'WAITING_TIME', legalDomain: 'WLZ', targetGroup: 'OUDEREN' }),
      ...times(2, { ...at, category: 'QUALITY', legalDomain: 'WLZ', targetGroup: 'OUDEREN' }),
    ]);
    const boss = await chair(hub, region);
    const input = { zorgkantoorregioCodes: [region], granularity: 'QUARTER', from: '2025-Q3' };
    const byCategory = dataOf(await summary(boss.token, { ...input, groupBy: ['CATEGORY'] })).signalSummary[0];
    const byBoth = dataOf(await summary(boss.token, { ...input, groupBy: ['CATEGORY', 'LEGAL_DOMAIN'] })).signalSummary[0];
    if (!byCategory || !byBoth) throw new Error('no summary');

    // The total is the sum of published cells (9 + 6), flagged as incomplete; the raw 20 is never shown.
    expect(byCategory.total).toMatchObject({ signals: 15, withheld: true });
    const cat = (c: string) => byCategory.cells.find((x) => x.category === c);
    expect(cat('NO_CAPACITY')).toMatchObject({ signals: 9, withheld: true });
    expect(cat('WAITING_TIME')).toMatchObject({ signals: 6, withheld: false });
    expect(cat('QUALITY')).toMatchObject({ signals: null, withheld: true });
    const cell = (c: string, l: string) => byBoth.cells.find((x) => x.category === c && x.legalDomain === l);
    expect(cell('NO_CAPACITY', 'WMO_MAATWERKVOORZIENING')).toMatchObject({ signals: null, withheld: true });

    // The adversary: total − visible categories (one query), and category − visible legal domains (two queries).
    const visibleCategories = byCategory.cells.reduce((s, c) => s + (c.signals ?? 0), 0);
    expect((byCategory.total.signals ?? 0) - visibleCategories).toBe(0);
    const noCapacityVisible = byBoth.cells.filter((c) => c.category === 'NO_CAPACITY').reduce((s, c) => s + (c.signals ?? 0), 0);
    expect((cat('NO_CAPACITY')?.signals ?? 0) - noCapacityVisible).toBe(0);
    for (const hidden of [2, 3]) {
      expect(JSON.stringify([byCategory, byBoth])).not.toMatch(new RegExp(`"signals":${hidden}[,}]`));
    }

    // The CSV export carries exactly the same numbers.
    const csv = dataOf(
      await hub.graphql<{ signalSummaryCsv: string }>(
        `query($input: SignalSummaryInput!) { signalSummaryCsv(input: $input) }`,
        { input: { ...input, groupBy: ['CATEGORY'] } },
        { token: boss.token },
      ),
    ).signalSummaryCsv;
    expect(csv.trim().split('\n')).toEqual([
      'scope,period,category,legal_domain,target_group,signals,clients,withheld,previous_signals,change',
      'ZK11,2025-Q3,NO_CAPACITY,,,9,9,true,0,9',
      'ZK11,2025-Q3,QUALITY,,,,,true,0,',
      'ZK11,2025-Q3,WAITING_TIME,,,6,6,false,0,6',
    ]);
  });

  it('links months to their quarter so month − quarter subtraction reveals nothing', async () => {
    const region = 'ZK12';
    const [g] = gemeentenOf(region);
    const cellOf = { gemeenteCode: g, zorgkantoorregioCode: region, category: 'NO_CAPACITY', legalDomain: 'WLZ', targetGroup: 'OUDEREN' };
    // Quarter 5 + 5 + 2 = 12: publishing both 5s would let anyone compute the 2 in September.
    await insertSignals(hub, [
      ...times(5, { ...cellOf, observedOn: '2025-07-05' }),
      ...times(5, { ...cellOf, observedOn: '2025-08-05' }),
      ...times(2, { ...cellOf, observedOn: '2025-09-05' }),
    ]);
    const boss = await chair(hub, region);
    const quarter = dataOf(await summary(boss.token, { zorgkantoorregioCodes: [region], granularity: 'QUARTER', from: '2025-Q3' })).signalSummary[0];
    const months = dataOf(await summary(boss.token, { zorgkantoorregioCodes: [region], granularity: 'MONTH', from: '2025-07', to: '2025-09' })).signalSummary;
    expect(quarter?.total.signals).toBe(12);
    expect(months.map((m) => [m.period, m.total.signals])).toEqual([
      ['2025-07', null],
      ['2025-08', 5],
      ['2025-09', null],
    ]);
    const remainder = (quarter?.total.signals ?? 0) - months.reduce((s, m) => s + (m.total.signals ?? 0), 0);
    expect(remainder === 0 || remainder >= 5).toBe(true);
  });

  it('ranks services and organisations with NO_CAPACITY (at least 5 each) and gives the median wait', async () => {
    const region = 'ZK13';
    const [g] = gemeentenOf(region);
    const busy = randomUUID();
    const provider = randomUUID();
    const quiet = randomUUID();
    const at = { gemeenteCode: g, zorgkantoorregioCode: region, observedOn: '2025-08-10', category: 'NO_CAPACITY', legalDomain: 'WLZ', targetGroup: 'OUDEREN' };
    // Every signal from another organisation, so each set of 6 or more leaves 5 unknown to any one of them.
    const rows = [
      ...times(6, { ...at, serviceId: busy, organizationId: provider, waitDays: 10 }),
      ...times(2, { ...at, serviceId: quiet, organizationId: provider, waitDays: 90 }),
      ...times(6, at),
    ].map((r) => ({ ...r, reporterOrganizationId: randomUUID() }));
    await insertSignals(hub, rows);
    const boss = await chair(hub, region);
    const [s] = dataOf(await summary(boss.token, { zorgkantoorregioCodes: [region], granularity: 'QUARTER', from: '2025-Q3' })).signalSummary;
    // The quiet service (2) is not listed; the NO_CAPACITY row minus the busy one leaves 8, not a small number.
    expect(s?.topNoCapacityServices).toEqual([{ service: { id: busy }, signals: 6 }]);
    expect(s?.topNoCapacityOrganizations).toEqual([{ organization: { id: provider }, signals: 8 }]);
    expect(s?.medianWaitDays).toBe(10);
  });

  it('validate periods and scope', async () => {
    const boss = await chair(hub, 'ZK14');
    const bad: [Record<string, unknown>, string][] = [
      [{ zorgkantoorregioCodes: ['ZK14'], granularity: 'QUARTER', from: '2025-07' }, 'input.from'],
      [{ zorgkantoorregioCodes: ['ZK14'], granularity: 'MONTH', from: '2020-01', to: '2025-01' }, 'input.to'],
      [{ zorgkantoorregioCodes: ['ZK14'], granularity: 'MONTH', from: '2025-05', to: '2025-01' }, 'input.to'],
      [{ granularity: 'QUARTER', from: '2025-Q3' }, 'input.zorgkantoorregioCodes'],
      [{ zorgkantoorregioCodes: ['Twente'], granularity: 'QUARTER', from: '2025-Q3' }, 'input.zorgkantoorregioCodes.0'],
      // The current quarter (and its months) is not published before it has ended.
      [{ zorgkantoorregioCodes: ['ZK14'], granularity: 'QUARTER', from: periodOfDate('QUARTER', dutchToday()).key }, 'input.to'],
      [{ zorgkantoorregioCodes: ['ZK14'], granularity: 'MONTH', from: periodOfDate('MONTH', dutchToday()).key }, 'input.to'],
      // Figures per gemeente exist per quarter only.
      [{ gemeenteCode: gemeentenOf('ZK14')[0], granularity: 'MONTH', from: '2025-07' }, 'input.granularity'],
    ];
    for (const [input, field] of bad) {
      expect((await summary(boss.token, input)).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('visibility', () => {
  const region = 'ZK16';
  const input = { zorgkantoorregioCodes: [region], granularity: 'QUARTER', from: '2025-Q3' };
  let member: Party;
  let reporter: Party;
  let signalId: string;

  beforeAll(async () => {
    const [g] = gemeentenOf(region);
    reporter = await professional(hub);
    [signalId = ''] = await insertSignals(hub, [
      { gemeenteCode: g, zorgkantoorregioCode: region, reporterOrganizationId: reporter.organizationId, description: 'geen plek' },
      ...times(5, { gemeenteCode: g, zorgkantoorregioCode: region, legalDomain: 'WLZ' }),
    ]);
    member = await party(hub, { organizationType: 'OCO', roles: ['OVERLEGTAFEL'] });
    const boss = await chair(hub, region);
    dataOf(
      await hub.graphql(
        `mutation($r: String!, $o: ID!) { addOverlegtafelMember(input: { zorgkantoorregioCode: $r, organizationId: $o }) { overlegtafel { id } } }`,
        { r: region, o: member.organizationId },
        { token: boss.token },
      ),
    );
  });

  it.each([
    ['an overlegtafel member of the region', true, async () => member],
    [
      'the zorgkantoor of the region (no OVERLEGTAFEL role)',
      true,
      () => party(hub, { organizationType: 'ZORGKANTOOR', roles: ['ZORGBEMIDDELAAR'], zorgkantoorregio: region }),
    ],
    ['the zorgkantoor of another region', false, () => party(hub, { organizationType: 'ZORGKANTOOR', roles: ['OVERLEGTAFEL'], zorgkantoorregio: 'ZK17' })],
    ['an OVERLEGTAFEL role outside the table', false, () => party(hub, { organizationType: 'OCO', roles: ['OVERLEGTAFEL'] })],
    ['a gemeente in the region', false, () => party(hub, { organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: gemeentenOf(region)[0] })],
    ['the reporting organisation', false, async () => reporter],
  ] as const)('region aggregates: %s (allowed: %s)', async (_who, allowed, who) => {
    const p = await who();
    const r = await summary(p.token, input);
    if (allowed) expect(dataOf(r).signalSummary[0]?.total.signals).toBe(5);
    else expect(errorCodes(r)).toEqual(['FORBIDDEN']);
  });

  it('gemeenten see their own gemeente only; anonymous callers nothing', async () => {
    const [own = '', other = ''] = gemeentenOf(region);
    const gemeente = await party(hub, { organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: own });
    const mine = dataOf(await summary(gemeente.token, { gemeenteCode: own, granularity: 'QUARTER', from: '2025-Q3' })).signalSummary[0];
    expect(mine).toMatchObject({ gemeente: { code: own }, zorgkantoorregio: null, total: { signals: 5 } });
    expect(errorCodes(await summary(gemeente.token, { gemeenteCode: other, granularity: 'QUARTER', from: '2025-Q3' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.graphql(SUMMARY, { input }))).toEqual(['UNAUTHENTICATED']);
  });

  it('Zorgkantoorregio.signalSummary and openKnelpunten are null with FORBIDDEN for others, the rest still arrives', async () => {
    const outsider = await party(hub, { organizationType: 'OCO', roles: ['OVERLEGTAFEL'] });
    const q = `{ zorgkantoorregio(code: "${region}") { code name openKnelpunten { nodes { id } } signalSummary(granularity: QUARTER, from: "2025-Q3") { total { signals } } } }`;
    const refused = await hub.graphql<{ zorgkantoorregio: Record<string, unknown> }>(q, undefined, { token: outsider.token });
    expect(refused.body.data?.zorgkantoorregio).toMatchObject({ code: region, openKnelpunten: null, signalSummary: null });
    expect(refused.body.errors?.map((e) => [e.extensions?.code, e.path?.join('.')]).sort()).toEqual([
      ['FORBIDDEN', 'zorgkantoorregio.openKnelpunten'],
      ['FORBIDDEN', 'zorgkantoorregio.signalSummary'],
    ]);
    const allowed = dataOf(await hub.graphql<{ zorgkantoorregio: { signalSummary: { total: { signals: number } }[] } }>(q, undefined, { token: member.token }));
    expect(allowed.zorgkantoorregio.signalSummary[0]?.total.signals).toBe(5);
  });

  it('a signal is readable by its reporter and by members, not by others; raw signals are for members only', async () => {
    const q = `query($id: ID!) { signal(id: $id) { id description } }`;
    expect(dataOf(await hub.graphql<{ signal: unknown }>(q, { id: signalId }, { token: reporter.token })).signal).toMatchObject({ id: signalId });
    expect(dataOf(await hub.graphql<{ signal: unknown }>(q, { id: signalId }, { token: member.token })).signal).toMatchObject({ id: signalId });
    const other = await professional(hub);
    expect(dataOf(await hub.graphql<{ signal: unknown }>(q, { id: signalId }, { token: other.token })).signal).toBeNull();
    const raw = `{ overlegtafel(zorgkantoorregioCode: "${region}") { name signals(from: "2025-07-01", to: "2025-09-30") { nodes { id } } } }`;
    expect(
      dataOf(await hub.graphql<{ overlegtafel: { signals: { nodes: unknown[] } } }>(raw, undefined, { token: member.token })).overlegtafel.signals.nodes,
    ).toHaveLength(6);
    const zorgkantoor = await party(hub, { organizationType: 'ZORGKANTOOR', roles: ['ZORGBEMIDDELAAR'], zorgkantoorregio: region });
    const refused = await hub.graphql(raw, undefined, { token: zorgkantoor.token });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  });
});

describe('signal lists are pages', () => {
  type Page = { nodes: { id: string }[]; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  const MINE = `query($first: Int, $after: String) { mySignals(first: $first, after: $after) { nodes { id } edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;

  /** Follows endCursor until the last page; returns every id in page order and the page sizes. */
  async function walk(read: (after: string | null) => Promise<Page>) {
    const ids: string[] = [];
    const sizes: number[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const page: Page = await read(after);
      ids.push(...page.nodes.map((n) => n.id));
      sizes.push(page.nodes.length);
      expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) return { ids, sizes };
      after = page.pageInfo.endCursor;
    }
    throw new Error('more pages than expected');
  }

  it('mySignals reaches every older signal by cursor, newest first, and serves a first above 100 at 100', async () => {
    const reporter = await professional(hub);
    // Same created_at for many rows: the cursor must still neither skip nor repeat one.
    const createdAt = new Date('2026-03-01T10:00:00.123456Z');
    const ids = await insertSignals(hub, [
      ...times(130, { reporterOrganizationId: reporter.organizationId, gemeenteCode: gemeentenOf('ZK26')[0], zorgkantoorregioCode: 'ZK26', createdAt }),
      ...times(3, { reporterOrganizationId: reporter.organizationId, gemeenteCode: gemeentenOf('ZK26')[0], zorgkantoorregioCode: 'ZK26' }),
    ]);
    const big = await walk(async (after) => dataOf(await hub.graphql<{ mySignals: Page }>(MINE, { first: 500, after }, { token: reporter.token })).mySignals);
    expect(big.sizes).toEqual([100, 33]);
    expect([...big.ids].sort()).toEqual([...ids].sort());
    const small = await walk(async (after) => dataOf(await hub.graphql<{ mySignals: Page }>(MINE, { first: 40, after }, { token: reporter.token })).mySignals);
    expect(small.ids).toEqual(big.ids);
    // The three reported later come first.
    expect(new Set(big.ids.slice(0, 3))).toEqual(new Set(ids.slice(130)));

    const zero = await hub.graphql(MINE, { first: 0 }, { token: reporter.token });
    expect(zero.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await hub.graphql(
      MINE,
      { after: Buffer.from(JSON.stringify(['not a time', randomUUID()])).toString('base64url') },
      { token: reporter.token },
    );
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('Overlegtafel.signals pages through every signal of the period, beyond the old cut at 500', async () => {
    const region = 'ZK25';
    const [g] = gemeentenOf(region);
    const ids = await insertSignals(hub, times(520, { gemeenteCode: g, zorgkantoorregioCode: region, observedOn: '2025-05-10' }));
    const member = await party(hub, { organizationType: 'OCO', roles: ['OVERLEGTAFEL'] });
    const boss = await chair(hub, region);
    dataOf(
      await hub.graphql(
        `mutation($r: String!, $o: ID!) { addOverlegtafelMember(input: { zorgkantoorregioCode: $r, organizationId: $o }) { overlegtafel { id } } }`,
        { r: region, o: member.organizationId },
        { token: boss.token },
      ),
    );
    const q = `query($r: String!, $after: String) { overlegtafel(zorgkantoorregioCode: $r) { signals(from: "2025-05-01", to: "2025-05-31", first: 1000, after: $after) { nodes { id } edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`;
    const all = await walk(
      async (after) => dataOf(await hub.graphql<{ overlegtafel: { signals: Page } }>(q, { r: region, after }, { token: member.token })).overlegtafel.signals,
    );
    expect(all.sizes).toEqual([100, 100, 100, 100, 100, 20]);
    expect([...all.ids].sort()).toEqual([...ids].sort());
  });
});

describe('statements per aggregation query', () => {
  it('do not grow with the number of regions or periods returned', async () => {
    const regions = ['ZK18', 'ZK19', 'ZK20', 'ZK21'];
    for (const region of regions) {
      const [g] = gemeentenOf(region);
      await insertSignals(hub, [
        ...times(6, { gemeenteCode: g, zorgkantoorregioCode: region, observedOn: '2025-02-10', serviceId: randomUUID(), waitDays: 5 }),
        ...times(6, { gemeenteCode: g, zorgkantoorregioCode: region, observedOn: '2025-05-10', waitDays: 9 }),
      ]);
    }
    // One member of all four tables.
    const member = await party(hub, { organizationType: 'OCO', roles: ['OVERLEGTAFEL'] });
    for (const region of regions) {
      const boss = await chair(hub, region);
      dataOf(
        await hub.graphql(
          `mutation($r: String!, $o: ID!) { addOverlegtafelMember(input: { zorgkantoorregioCode: $r, organizationId: $o }) { overlegtafel { id } } }`,
          { r: region, o: member.organizationId },
          { token: boss.token },
        ),
      );
    }
    const statementsFor = async (query: string, variables?: Record<string, unknown>) => {
      const r = await hub.graphql<Record<string, unknown>>(query, variables, { token: member.token });
      // The gateway's own request id, which every subgraph it called logs.
      const requestId = r.headers.get('x-request-id') ?? '';
      expect(requestId).not.toBe('');
      return { perSubgraph: await statementsPerSubgraph(hub, requestId), body: r.body };
    };
    const small = await statementsFor(SUMMARY, { input: { zorgkantoorregioCodes: ['ZK18'], granularity: 'QUARTER', from: '2025-Q1', groupBy: ['CATEGORY'] } });
    const large = await statementsFor(SUMMARY, {
      input: { zorgkantoorregioCodes: regions, granularity: 'MONTH', from: '2025-01', to: '2025-08', groupBy: ['CATEGORY', 'LEGAL_DOMAIN'] },
    });
    expect(large.body.errors).toBeUndefined();
    expect((large.body.data?.signalSummary as unknown[] | undefined)?.length).toBe(32);
    // First publication: membership (1), the stored quarters (1), the signals of the quarters not yet published (1),
    // storing them (1). Median and rankings come with the publication.
    expect(small.perSubgraph).toEqual({ signals: 4 });
    expect(large.perSubgraph).toEqual(small.perSubgraph);
    // Published before: membership and the stored quarters only.
    expect(
      (await statementsFor(SUMMARY, { input: { zorgkantoorregioCodes: regions, granularity: 'MONTH', from: '2025-01', to: '2025-08' } })).perSubgraph,
    ).toEqual({ signals: 2 });

    // Through the entity: all 31 regions in one _entities call, still one batch.
    const viaEntity = await statementsFor(
      `{ zorgkantoorregios { code signalSummary(granularity: QUARTER, from: "2025-Q1", to: "2025-Q4") { period total { signals } medianWaitDays } } }`,
    );
    const regionsOut = (viaEntity.body.data?.zorgkantoorregios ?? []) as { code: string; signalSummary: unknown[] | null }[];
    // Only the four regions of the member are readable; the others are null with FORBIDDEN.
    expect(regionsOut.filter((z) => z.signalSummary !== null).map((z) => z.code)).toEqual(regions);
    expect(regionsOut).toHaveLength(31);
    // Membership (1), stored quarters (1), signals (1) and storing (1) of 2025-Q4, new for the 4 regions.
    expect(viaEntity.perSubgraph.signals).toBe(4);
  });
});

describe('_entities', () => {
  it('resolves Zorgkantoorregio representations in order, mixed regions and repeats', async () => {
    const boss = await chair(hub, 'ZK22');
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Zorgkantoorregio { code openKnelpunten { totalCount nodes { id } } } } }`;
    const r = await hub.directSubgraphRequest<{ _entities: { code: string; openKnelpunten: { totalCount: number } | null }[] }>('signals', q, {
      secret: hub.subgraphSecrets.signals,
      token: boss.token,
      variables: {
        r: [
          { __typename: 'Zorgkantoorregio', code: 'ZK22' },
          { __typename: 'Zorgkantoorregio', code: 'ZK02' },
          { __typename: 'Zorgkantoorregio', code: 'ZK22' },
        ],
      },
    });
    expect(r.body.data?._entities.map((e) => e.code)).toEqual(['ZK22', 'ZK02', 'ZK22']);
    expect(r.body.data?._entities.map((e) => e.openKnelpunten === null)).toEqual([false, true, false]);
    const noSecret = await hub.directSubgraphRequest('signals', q, { token: boss.token, variables: { r: [] } });
    expect(noSecret.status).toBe(401);
  });
});

const KNELPUNT_FIELDS = 'id status version signalCount decisions { nodes { text } } actions { nodes { description } } feedback { nodes { text } }';

describe('knelpunten', () => {
  const region = 'ZK23';
  let boss: Party;
  let signalIds: string[];

  beforeAll(async () => {
    boss = await chair(hub, region);
    const [g] = gemeentenOf(region);
    signalIds = await insertSignals(hub, times(4, { gemeenteCode: g, zorgkantoorregioCode: region }));
  });

  const create = (token: string, ids: string[]) =>
    hub.graphql<{ createKnelpunt: { knelpunt: { id: string; status: string; version: number } } }>(
      `mutation($input: CreateKnelpuntInput!) { createKnelpunt(input: $input) { knelpunt { ${KNELPUNT_FIELDS} } } }`,
      { input: { zorgkantoorregioCode: region, title: 'Geen plek', signalIds: ids } },
      { token },
    );
  const transition = (token: string, knelpuntId: string, to: string, expectedVersion: number) =>
    hub.graphql<{ transitionKnelpunt: { knelpunt: { status: string; version: number } } }>(
      `mutation($input: TransitionKnelpuntInput!) { transitionKnelpunt(input: $input) { knelpunt { status version } } }`,
      { input: { knelpuntId, to, expectedVersion, ...(to === 'RESOLVED' ? { resolutionNote: 'Extra plekken ingekocht.' } : {}) } },
      { token },
    );

  it('follow the transition table, with CONFLICT on a stale version', async () => {
    const k = dataOf(await create(boss.token, signalIds.slice(0, 2))).createKnelpunt.knelpunt;
    expect(k).toMatchObject({ status: 'NEW', version: 1 });
    expect(errorCodes(await transition(boss.token, k.id, 'ACTION', 1))).toEqual(['INVALID_TRANSITION']);
    expect(errorCodes(await transition(boss.token, k.id, 'RESOLVED', 1))).toEqual(['INVALID_TRANSITION']);
    expect(dataOf(await transition(boss.token, k.id, 'ON_AGENDA', 1)).transitionKnelpunt.knelpunt).toEqual({ status: 'ON_AGENDA', version: 2 });
    expect(errorCodes(await transition(boss.token, k.id, 'ACTION', 1))).toEqual(['CONFLICT']);
    // ACTION needs an action with an owner and a due date first.
    expect(errorCodes(await transition(boss.token, k.id, 'ACTION', 2))).toEqual(['INVALID_TRANSITION']);
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    dataOf(
      await hub.graphql(
        `mutation($input: AddActionInput!) { addKnelpuntAction(input: $input) { action { id } } }`,
        { input: { knelpuntId: k.id, description: 'Extra plekken inkopen', ownerOrganizationId: boss.organizationId, dueOn: due } },
        { token: boss.token },
      ),
    );
    expect(dataOf(await transition(boss.token, k.id, 'ACTION', 2)).transitionKnelpunt.knelpunt.status).toBe('ACTION');
    expect(dataOf(await transition(boss.token, k.id, 'RESOLVED', 3)).transitionKnelpunt.knelpunt.status).toBe('RESOLVED');
    expect(errorCodes(await transition(boss.token, k.id, 'ON_AGENDA', 4))).toEqual(['INVALID_TRANSITION']);
    const late = await hub.graphql(
      `mutation($input: AddActionInput!) { addKnelpuntAction(input: $input) { action { id } } }`,
      { input: { knelpuntId: k.id, description: 'Te laat', ownerOrganizationId: boss.organizationId, dueOn: due } },
      { token: boss.token },
    );
    expect(errorCodes(late)).toEqual(['INVALID_TRANSITION']);
    const history = dataOf(
      await hub.graphql<{ knelpunt: { history: { totalCount: number; nodes: { from: string; to: string }[] } } }>(
        `query($id: ID!) { knelpunt(id: $id) { history { totalCount nodes { from to } } } }`,
        { id: k.id },
        { token: boss.token },
      ),
    );
    expect(history.knelpunt.history.nodes.map((h) => `${h.from}>${h.to}`)).toEqual(['NEW>ON_AGENDA', 'ON_AGENDA>ACTION', 'ACTION>RESOLVED']);
    expect(history.knelpunt.history.totalCount).toBe(3);
  });

  it('of two concurrent transitions with the same version exactly one succeeds', async () => {
    const k = dataOf(await create(boss.token, [signalIds[2] ?? ''])).createKnelpunt.knelpunt;
    const results = await Promise.all([transition(boss.token, k.id, 'ON_AGENDA', 1), transition(boss.token, k.id, 'ON_AGENDA', 1)]);
    expect(results.map((r) => (r.body.errors ? r.body.errors[0]?.extensions?.code : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
  });

  it('group a signal only once, only from the region, only by members', async () => {
    const taken = await create(boss.token, [signalIds[0] ?? '']);
    expect(taken.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.signalIds' });
    const [elsewhere = ''] = await insertSignals(hub, [{ gemeenteCode: 'GM0153', zorgkantoorregioCode: 'ZK22' }]);
    expect(errorCodes(await create(boss.token, [elsewhere]))).toEqual(['BAD_USER_INPUT']);
    const outsider = await party(hub, { organizationType: 'OCO', roles: ['OVERLEGTAFEL'] });
    expect(errorCodes(await create(outsider.token, [signalIds[3] ?? '']))).toEqual(['FORBIDDEN']);
    const guarded = await hub.graphql(
      `mutation($input: CreateKnelpuntInput!) { createKnelpunt(input: $input) { knelpunt { id } } }`,
      { input: { zorgkantoorregioCode: region, title: 'Bel 06-12345678', signalIds: [signalIds[3]] } },
      { token: boss.token },
    );
    expect(guarded.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    // Nothing half-written: the signal is still free to group.
    expect(dataOf(await create(boss.token, [signalIds[3] ?? ''])).createKnelpunt.knelpunt.status).toBe('NEW');
  });

  it('only the region zorgkantoor with OVERLEGTAFEL manages members', async () => {
    const m = `mutation($r: String!, $o: ID!) { addOverlegtafelMember(input: { zorgkantoorregioCode: $r, organizationId: $o }) { overlegtafel { members { id } } } }`;
    const member = await party(hub, { organizationType: 'GEMEENTE', roles: ['OVERLEGTAFEL'], gemeenteCode: gemeentenOf(region)[0] });
    expect(errorCodes(await hub.graphql(m, { r: region, o: randomUUID() }, { token: member.token }))).toEqual(['FORBIDDEN']);
    const added = dataOf(
      await hub.graphql<{ addOverlegtafelMember: { overlegtafel: { members: { id: string }[] } } }>(
        m,
        { r: region, o: member.organizationId },
        { token: boss.token },
      ),
    );
    expect(added.addOverlegtafelMember.overlegtafel.members.map((x) => x.id)).toContain(member.organizationId);
  });
});

describe('the lists of a knelpunt and of an overlegtafel are pages', () => {
  type Page<T> = {
    totalCount: number;
    nodes: T[];
    edges: { cursor: string; node: T }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
  const PAGE = 'totalCount edges { cursor } pageInfo { hasNextPage hasPreviousPage endCursor }';

  /** Follows endCursor to the last page: every item in page order, the page sizes, and the totalCount of each page. */
  async function walk<T>(read: (after: string | null) => Promise<Page<T>>) {
    const items: T[] = [];
    const sizes: number[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const page: Page<T> = await read(after);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.edges).toHaveLength(page.nodes.length);
      items.push(...page.nodes);
      sizes.push(page.nodes.length);
      totals.add(page.totalCount);
      if (!page.pageInfo.hasNextPage) return { items, sizes, totals: [...totals] };
      after = page.pageInfo.endCursor;
    }
    throw new Error('more pages than expected');
  }

  const numbered = (title: string, what: string, n: number) => Array.from({ length: n }, (_, i) => `${title} ${what} ${String(i).padStart(2, '0')}`);

  it("decisions, actions, feedback, history and signals of a knelpunt: each item once, in the list's order, with totalCount", async () => {
    const region = 'ZK27';
    const boss = await chair(hub, region);
    const k = await insertKnelpunt(hub, region, { title: 'Wachtlijst', n: 25, gemeenteCode: gemeentenOf(region)[0] });
    const lists = {
      decisions: ['text', numbered('Wachtlijst', 'decision', 25)],
      actions: ['description', numbered('Wachtlijst', 'action', 25)],
      feedback: ['text', numbered('Wachtlijst', 'feedback', 25)],
      signals: ['id', k.signalIds],
    } as const;
    for (const [field, [key, expected]] of Object.entries(lists)) {
      const q = `query($id: ID!, $after: String) { knelpunt(id: $id) { ${field}(first: 10, after: $after) { ${PAGE} nodes { ${key} } } } }`;
      const all = await walk(
        async (after) =>
          dataOf(await hub.graphql<{ knelpunt: Record<string, Page<Record<string, string>>> }>(q, { id: k.id, after }, { token: boss.token })).knelpunt[
            field
          ] as Page<Record<string, string>>,
      );
      expect(all.sizes, field).toEqual([10, 10, 5]);
      expect(all.totals, field).toEqual([25]);
      expect(
        all.items.map((item) => item[key]),
        field,
      ).toEqual(expected);
    }
    const history = await walk(
      async (after) =>
        dataOf(
          await hub.graphql<{ knelpunt: { history: Page<{ at: string }> } }>(
            `query($id: ID!, $after: String) { knelpunt(id: $id) { history(first: 20, after: $after) { ${PAGE} nodes { at } } } }`,
            { id: k.id, after },
            { token: boss.token },
          ),
        ).knelpunt.history,
    );
    expect(history.sizes).toEqual([20, 5]);
    const moments = history.items.map((h) => h.at);
    expect(moments).toEqual([...moments].sort());
    expect(new Set(moments).size).toBe(25);

    // Below 1 is refused; a cursor of another list is not one of this list.
    const decisions = `query($id: ID!, $first: Int, $after: String) { knelpunt(id: $id) { decisions(first: $first, after: $after) { nodes { text } } } }`;
    const zero = await hub.graphql(decisions, { id: k.id, first: 0 }, { token: boss.token });
    expect(zero.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const other = await insertKnelpunt(hub, region, { title: 'Ander', n: 2 });
    const [foreign] = dataOf(
      await hub.graphql<{ knelpunt: { decisions: { edges: { cursor: string }[] } } }>(
        `query($id: ID!) { knelpunt(id: $id) { decisions(first: 1) { edges { cursor } } } }`,
        { id: other.id },
        { token: boss.token },
      ),
    ).knelpunt.decisions.edges;
    const crossed = await hub.graphql(decisions, { id: k.id, after: foreign?.cursor }, { token: boss.token });
    expect(crossed.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it("the table's knelpunten and meetings and the region's open knelpunten page newest first", async () => {
    const region = 'ZK28';
    const boss = await chair(hub, region);
    const day = (d: number) => new Date(Date.UTC(2025, 5, d));
    const oldest = await insertKnelpunt(hub, region, { title: 'Oudste', n: 0, createdAt: day(1) });
    const resolved = await insertKnelpunt(hub, region, { title: 'Opgelost', n: 0, createdAt: day(2), status: 'RESOLVED' });
    const newest = await insertKnelpunt(hub, region, { title: 'Nieuwste', n: 0, createdAt: day(3), status: 'NEW' });
    await insertMeetings(hub, region, 'Overleg', 12);

    const knelpunten = await walk(
      async (after) =>
        dataOf(
          await hub.graphql<{ overlegtafel: { knelpunten: Page<{ id: string }> } }>(
            `query($r: String!, $after: String) { overlegtafel(zorgkantoorregioCode: $r) { knelpunten(first: 2, after: $after) { ${PAGE} nodes { id } } } }`,
            { r: region, after },
            { token: boss.token },
          ),
        ).overlegtafel.knelpunten,
    );
    expect(knelpunten.items.map((x) => x.id)).toEqual([newest.id, resolved.id, oldest.id]);
    expect(knelpunten.sizes).toEqual([2, 1]);
    expect(knelpunten.totals).toEqual([3]);

    const filtered = dataOf(
      await hub.graphql<{ overlegtafel: { knelpunten: Page<{ id: string }> }; zorgkantoorregio: { openKnelpunten: Page<{ id: string }> } }>(
        `query($r: String!) {
          overlegtafel(zorgkantoorregioCode: $r) { knelpunten(status: [RESOLVED, NOT_RESOLVABLE]) { ${PAGE} nodes { id } } }
          zorgkantoorregio(code: $r) { openKnelpunten(first: 1) { ${PAGE} nodes { id } } }
        }`,
        { r: region },
        { token: boss.token },
      ),
    );
    expect(filtered.overlegtafel.knelpunten).toMatchObject({ totalCount: 1, nodes: [{ id: resolved.id }] });
    expect(filtered.zorgkantoorregio.openKnelpunten).toMatchObject({ totalCount: 2, nodes: [{ id: newest.id }], pageInfo: { hasNextPage: true } });

    const meetings = await walk(
      async (after) =>
        dataOf(
          await hub.graphql<{ overlegtafel: { meetings: Page<{ title: string }> } }>(
            `query($r: String!, $after: String) { overlegtafel(zorgkantoorregioCode: $r) { meetings(first: 5, after: $after) { ${PAGE} nodes { title } } } }`,
            { r: region, after },
            { token: boss.token },
          ),
        ).overlegtafel.meetings,
    );
    expect(meetings.sizes).toEqual([5, 5, 2]);
    expect(meetings.items.map((m) => m.title)).toEqual(Array.from({ length: 12 }, (_, i) => `Overleg ${String(11 - i).padStart(2, '0')}`));
    expect(meetings.totals).toEqual([12]);
  });

  it('cost a fixed number of statements, whatever the number of knelpunten and the lengths of their lists', async () => {
    const KNELPUNTEN = `query($r: String!) {
      overlegtafel(zorgkantoorregioCode: $r) {
        meetings(first: 3) { totalCount nodes { title } }
        knelpunten(first: 100) {
          totalCount
          nodes {
            title signalCount meeting { title }
            signals(first: 3) { totalCount nodes { id } }
            decisions(first: 3) { totalCount nodes { text } }
            actions(first: 3) { totalCount nodes { description } }
            feedback(first: 3) { totalCount nodes { text } }
            history(first: 3) { totalCount nodes { from to } }
          }
        }
      }
      zorgkantoorregio(code: $r) { openKnelpunten(first: 100) { totalCount nodes { title decisions(first: 1) { totalCount } } } }
    }`;
    const statementsFor = async (region: string) => {
      const boss = await chair(hub, region);
      const r = await hub.graphql<{ overlegtafel: { knelpunten: { totalCount: number } } }>(KNELPUNTEN, { r: region }, { token: boss.token });
      const requestId = r.headers.get('x-request-id') ?? '';
      expect(requestId).not.toBe('');
      return { knelpunten: dataOf(r).overlegtafel.knelpunten.totalCount, perSubgraph: await statementsPerSubgraph(hub, requestId) };
    };
    await insertKnelpunt(hub, 'ZK29', { title: 'Een', n: 1 });
    await insertMeetings(hub, 'ZK29', 'Overleg', 1);
    for (const title of ['Een', 'Twee', 'Drie', 'Vier']) await insertKnelpunt(hub, 'ZK30', { title, n: 8 });
    await insertMeetings(hub, 'ZK30', 'Overleg', 9);
    const small = await statementsFor('ZK29');
    const large = await statementsFor('ZK30');
    expect([small.knelpunten, large.knelpunten]).toEqual([1, 4]);
    // One statement per list for all knelpunten at once, the same for 1 knelpunt as for 4 with longer lists. The
    // overlegtafel query: the table, its meetings, its knelpunten, the tables of the knelpunten (for signalCount),
    // their signals, decisions, actions, feedback and history (9). The region entity, a request of its own: the table,
    // its knelpunten and their decisions (3).
    expect(large.perSubgraph).toEqual(small.perSubgraph);
    expect(small.perSubgraph.signals).toBe(12);
  });
});

describe('overlegtafel members', () => {
  const MEMBERS = `mutation($r: String!, $o: ID!) { addOverlegtafelMember(input: { zorgkantoorregioCode: $r, organizationId: $o }) { overlegtafel { members { id } } } }`;
  const countMembers = async (region: string) => {
    const [row] = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from signals.overlegtafel_member where overlegtafel_id = ${overlegtafelIdOf(region)}`),
    );
    return Number(row?.n ?? 0);
  };

  it('a table holds at most 100: the 101st is refused with BAD_USER_INPUT and changes nothing; re-adding a member still works', async () => {
    const region = 'ZK31';
    const boss = await chair(hub, region);
    const existing = Array.from({ length: 99 }, () => randomUUID());
    await hub.database.db.insert(overlegtafelMember).values(existing.map((organizationId) => ({ overlegtafelId: overlegtafelIdOf(region), organizationId })));

    const hundredth = randomUUID();
    const added = dataOf(
      await hub.graphql<{ addOverlegtafelMember: { overlegtafel: { members: { id: string }[] } } }>(
        MEMBERS,
        { r: region, o: hundredth },
        { token: boss.token },
      ),
    );
    expect(added.addOverlegtafelMember.overlegtafel.members).toHaveLength(100);
    expect(added.addOverlegtafelMember.overlegtafel.members.at(-1)).toEqual({ id: hundredth });

    const refused = await hub.graphql(MEMBERS, { r: region, o: randomUUID() }, { token: boss.token });
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.organizationId',
      fields: [{ path: 'input.organizationId', code: 'INVALID' }],
    });
    expect(await countMembers(region)).toBe(100);

    // Idempotent at the limit: a member added again is no new member.
    expect(dataOf(await hub.graphql<{ addOverlegtafelMember: unknown }>(MEMBERS, { r: region, o: existing[0] }, { token: boss.token }))).toBeTruthy();
    expect(await countMembers(region)).toBe(100);

    // With one place free, of two concurrent additions exactly one gets it.
    dataOf(
      await hub.graphql(
        `mutation($r: String!, $o: ID!) { removeOverlegtafelMember(input: { zorgkantoorregioCode: $r, organizationId: $o }) { overlegtafel { id } } }`,
        { r: region, o: hundredth },
        { token: boss.token },
      ),
    );
    const results = await Promise.all([randomUUID(), randomUUID()].map((o) => hub.graphql(MEMBERS, { r: region, o }, { token: boss.token })));
    expect(results.map((r) => (r.body.errors ? r.body.errors[0]?.extensions?.code : 'OK')).sort()).toEqual(['BAD_USER_INPUT', 'OK']);
    expect(await countMembers(region)).toBe(100);
  });
});
