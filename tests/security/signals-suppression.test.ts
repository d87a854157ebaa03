import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { startTestHub, type TestHub } from '@hub/testing';
import { periodOfDate, shiftPeriod } from '../../subgraphs/signals/src/periods.ts';
import { readGemeenteRegions } from '../../subgraphs/signals/src/reference-data.ts';
import { addDays, today } from '../../subgraphs/signals/src/validation.ts';
import { dataOf, errorCodes, insertSignals, party, times, type Party } from '../../subgraphs/signals/test/builders.ts';

/**
 * Item 6: the signal aggregations must not give away a withheld cell to a reader who (a) adds signals of its own and
 * subtracts them, (b) subtracts the published gemeente figures from the region's, or combines periods. The readers
 * here are the ones who see figures but not the raw signals: the region's zorgkantoor (its klantadviseurs report
 * signals too) and the gemeenten, each reading its own gemeente.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.stop();
});

const gemeentenOf = (region: string) =>
  readGemeenteRegions()
    .filter((g) => g.zorgkantoorregioCode === region)
    .map((g) => g.gemeenteCode);

/** A closed quarter that signals may still be reported for (at most two years back). */
const closedQuarter = () => shiftPeriod(periodOfDate('QUARTER', today()), -2);

const SUMMARY = /* GraphQL */ `
  query Summary($input: SignalSummaryInput!) {
    signalSummary(input: $input) {
      period
      total { signals withheld }
      cells { category legalDomain targetGroup signals withheld }
    }
  }
`;
interface SummaryData {
  period: string;
  total: { signals: number | null; withheld: boolean };
  cells: { category: string; legalDomain: string | null; targetGroup: string | null; signals: number | null; withheld: boolean }[];
}
const summary = (who: Party, input: Record<string, unknown>) => hub.graphql<{ signalSummary: SummaryData[] }>(SUMMARY, { input }, { token: who.token });

const REPORT = /* GraphQL */ `
  mutation Report($input: ReportSignalInput!) {
    reportSignal(input: $input) { signal { id } }
  }
`;
const report = async (who: Party, input: Record<string, unknown>) => dataOf(await hub.graphql(REPORT, { input }, { token: who.token }));

/** The region's zorgkantoor: reads the region's figures (not the raw signals), and its klantadviseurs report signals. */
const zorgkantoor = (region: string) => party(hub, { organizationType: 'ZORGKANTOOR', roles: ['ZORGBEMIDDELAAR'], zorgkantoorregio: region });
const gemeente = (code: string) => party(hub, { organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: code });

/** `n` signals of one cell, each from another organisation. */
const fromOthers = (n: number, row: Parameters<typeof times>[1]) => times(n, row).map((r) => ({ ...r, reporterOrganizationId: randomUUID() }));

const cell = { category: 'NOT_ELIGIBLE', legalDomain: 'WMO_MAATWERKVOORZIENING', targetGroup: 'MANTELZORGERS' } as const;
const rowOf = (s: SummaryData | undefined) =>
  s?.cells.find((c) => c.category === cell.category && c.legalDomain === cell.legalDomain && c.targetGroup === cell.targetGroup);

describe('item 6: signals suppression', () => {
  it('(a) insertion: five own signals added to a withheld cell do not publish it, through the gateway or at the subgraph', async () => {
    const region = 'ZK03';
    const [g] = gemeentenOf(region);
    const quarter = closedQuarter();
    // Two signals of another organisation: a withheld cell.
    await insertSignals(hub, fromOthers(2, { ...cell, gemeenteCode: g, zorgkantoorregioCode: region, observedOn: addDays(quarter.startsOn, 3) }));
    const reader = await zorgkantoor(region);
    // The attacker reports five of its own into the same cell, before the quarter is first read.
    for (let i = 0; i < 5; i++) await report(reader, { ...cell, gemeenteCode: g, observedOn: addDays(quarter.startsOn, 10 + i) });

    const input = { zorgkantoorregioCodes: [region], granularity: 'QUARTER', from: quarter.key, groupBy: ['CATEGORY', 'LEGAL_DOMAIN', 'TARGET_GROUP'] };
    const [viaGateway] = dataOf(await summary(reader, input)).signalSummary;
    // 7 minus its own 5 would be the other organisation's 2: nothing of the cell is shown.
    expect(rowOf(viaGateway)).toMatchObject({ signals: null, withheld: true });
    expect(viaGateway?.total).toEqual({ signals: null, withheld: true });

    const direct = await hub.directSubgraphRequest<{ signalSummary: SummaryData[] }>('signals', SUMMARY, {
      secret: hub.subgraphSecrets.signals,
      token: reader.token,
      variables: { input },
    });
    expect(rowOf(dataOf(direct).signalSummary[0])).toMatchObject({ signals: null, withheld: true });

    // The months of the quarter show no count either (the month with the signals is withheld, the others are empty).
    const months = dataOf(
      await summary(reader, { ...input, granularity: 'MONTH', from: quarter.startsOn.slice(0, 7), to: quarter.endsOn.slice(0, 7) }),
    ).signalSummary;
    expect(months.map((m) => m.total.signals ?? 0)).toEqual([0, 0, 0]);
    expect(months[0]?.total).toEqual({ signals: null, withheld: true });
  });

  it('(a) a published quarter is frozen: late signals added afterwards do not change a figure', async () => {
    const region = 'ZK04';
    const [g] = gemeentenOf(region);
    const quarter = closedQuarter();
    await insertSignals(hub, fromOthers(7, { ...cell, gemeenteCode: g, zorgkantoorregioCode: region, observedOn: addDays(quarter.startsOn, 40) }));
    const reader = await zorgkantoor(region);
    const input = { zorgkantoorregioCodes: [region], granularity: 'QUARTER', from: quarter.key, groupBy: ['CATEGORY'] };
    const first = dataOf(await summary(reader, input)).signalSummary[0];
    expect(first?.total).toEqual({ signals: 7, withheld: false });

    // Late signals for the closed quarter: the reader's own, and a cell of another organisation that was empty.
    for (let i = 0; i < 5; i++) await report(reader, { ...cell, gemeenteCode: g, observedOn: addDays(quarter.startsOn, 41) });
    await insertSignals(
      hub,
      fromOthers(3, { ...cell, category: 'QUALITY', gemeenteCode: g, zorgkantoorregioCode: region, observedOn: addDays(quarter.startsOn, 41) }),
    );
    const again = dataOf(await summary(reader, input)).signalSummary[0];
    expect(again).toEqual(first);
    // The gemeente's figures come from the same publication.
    const byGemeente = dataOf(await summary(await gemeente(g ?? ''), { gemeenteCode: g, granularity: 'QUARTER', from: quarter.key })).signalSummary[0];
    expect(byGemeente?.total).toEqual({ signals: 7, withheld: false });
  });

  it('(a) concurrent first readers of a quarter all get the one stored publication', async () => {
    const region = 'ZK09';
    const [g] = gemeentenOf(region);
    const quarter = closedQuarter();
    await insertSignals(hub, fromOthers(9, { ...cell, gemeenteCode: g, zorgkantoorregioCode: region, observedOn: addDays(quarter.startsOn, 50) }));
    const reader = await zorgkantoor(region);
    const input = {
      zorgkantoorregioCodes: [region],
      granularity: 'MONTH',
      from: quarter.startsOn.slice(0, 7),
      to: quarter.endsOn.slice(0, 7),
      groupBy: ['CATEGORY'],
    };
    const answers = await Promise.all(Array.from({ length: 4 }, () => summary(reader, input)));
    const first = dataOf(answers[0] ?? (await summary(reader, input))).signalSummary;
    for (const a of answers) expect(dataOf(a).signalSummary).toEqual(first);
    const stored = await hub.database.db.execute(
      sql`select count(*)::int as n from signals.published_quarter where zorgkantoorregio_code = ${region} and quarter = ${quarter.key}`,
    );
    expect(rowsOf<{ n: number }>(stored)[0]?.n).toBe(1);
  });

  it('(a) the open quarter is not published at all: BAD_USER_INPUT, for the quarter and its months', async () => {
    const reader = await zorgkantoor('ZK05');
    const open = periodOfDate('QUARTER', today());
    const result = await summary(reader, { zorgkantoorregioCodes: ['ZK05'], granularity: 'QUARTER', from: open.key });
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
    expect(result.body.data?.signalSummary ?? null).toBeNull();
    const month = await summary(reader, { zorgkantoorregioCodes: ['ZK05'], granularity: 'MONTH', from: periodOfDate('MONTH', today()).key });
    expect(errorCodes(month)).toEqual(['BAD_USER_INPUT']);
  });

  it('(b) region minus its gemeenten never yields a withheld gemeente cell', async () => {
    const region = 'ZK06';
    const [g1 = '', g2 = '', g3 = ''] = gemeentenOf(region);
    const quarter = closedQuarter();
    const at = { ...cell, zorgkantoorregioCode: region, observedOn: addDays(quarter.startsOn, 20) };
    // 6 + 7 in two gemeenten (each published on its own), 2 in a third: region 15 − 6 − 7 would give the 2.
    await insertSignals(hub, [
      ...fromOthers(6, { ...at, gemeenteCode: g1 }),
      ...fromOthers(7, { ...at, gemeenteCode: g2 }),
      ...fromOthers(2, { ...at, gemeenteCode: g3 }),
    ]);

    const regionFigures = dataOf(await summary(await zorgkantoor(region), { zorgkantoorregioCodes: [region], granularity: 'QUARTER', from: quarter.key }))
      .signalSummary[0];
    expect(regionFigures?.total).toEqual({ signals: 15, withheld: false });
    // Every gemeente of the region reads its own figures; together they know all the gemeente figures there are.
    let published = 0;
    for (const code of gemeentenOf(region)) {
      const own = dataOf(await summary(await gemeente(code), { gemeenteCode: code, granularity: 'QUARTER', from: quarter.key })).signalSummary[0];
      published += own?.total.signals ?? 0;
    }
    const remainder = (regionFigures?.total.signals ?? 0) - published;
    expect(remainder === 0 || remainder >= 5, `region − gemeenten = ${remainder}`).toBe(true);
    // The larger gemeente stays visible: the rule withholds as little as it can.
    expect(published).toBe(7);

    // Straight at the subgraph, the same figures.
    const direct = await hub.directSubgraphRequest<{ signalSummary: SummaryData[] }>('signals', SUMMARY, {
      secret: hub.subgraphSecrets.signals,
      token: (await gemeente(g1)).token,
      variables: { input: { gemeenteCode: g1, granularity: 'QUARTER', from: quarter.key } },
    });
    expect(dataOf(direct).signalSummary[0]?.total).toEqual({ signals: null, withheld: true });
  });

  it('(b) gemeente figures come per quarter only: months per gemeente are refused', async () => {
    const [g = ''] = gemeentenOf('ZK06');
    const month = shiftPeriod(periodOfDate('MONTH', today()), -6);
    const result = await summary(await gemeente(g), { gemeenteCode: g, granularity: 'MONTH', from: month.key });
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.granularity' });
  });

  it('periods: months against their quarter leave nothing small once the reader subtracts its own signals', async () => {
    const region = 'ZK07';
    const [g] = gemeentenOf(region);
    const quarter = closedQuarter();
    const reader = await zorgkantoor(region);
    const first = { ...cell, gemeenteCode: g, zorgkantoorregioCode: region, observedOn: addDays(quarter.startsOn, 5) };
    const second = { ...first, observedOn: addDays(quarter.startsOn, 35) };
    // First month: 6 of other organisations. Second month: 2 of another organisation and 3 of the reader.
    await insertSignals(hub, [...fromOthers(6, first), ...times(2, { ...second, reporterOrganizationId: randomUUID() })]);
    for (let i = 0; i < 3; i++) await report(reader, { ...cell, gemeenteCode: g, observedOn: second.observedOn });

    const q = dataOf(await summary(reader, { zorgkantoorregioCodes: [region], granularity: 'QUARTER', from: quarter.key })).signalSummary[0];
    const months = dataOf(
      await summary(reader, { zorgkantoorregioCodes: [region], granularity: 'MONTH', from: quarter.startsOn.slice(0, 7), to: quarter.endsOn.slice(0, 7) }),
    ).signalSummary;
    const own = (period: string) => (period === second.observedOn.slice(0, 7) || period === quarter.key ? 3 : 0);
    // Every number the reader can compute, minus what it reported itself: a month, and the quarter minus the months.
    const derived = months.filter((m) => m.total.signals !== null).map((m) => (m.total.signals ?? 0) - own(m.period));
    const shownMonths = months.filter((m) => m.total.signals !== null);
    if (q?.total.signals !== null && q?.total.signals !== undefined) {
      const rest = q.total.signals - shownMonths.reduce((s, m) => s + (m.total.signals ?? 0), 0);
      const ownInRest = 3 - shownMonths.reduce((s, m) => s + own(m.period), 0);
      derived.push(rest - ownInRest);
    }
    for (const n of derived) expect(n === 0 || n >= 5, `a figure minus the reader's own signals is ${n}`).toBe(true);
    // And the quarter itself is published (11, of which 8 the reader did not report).
    expect(q?.total).toEqual({ signals: 11, withheld: false });
  });
});
