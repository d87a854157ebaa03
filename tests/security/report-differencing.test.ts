import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@hub/db';
import { amsterdamDate } from '@hub/domain';
import { startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';
import { buildOrg, CLOSE_TRAJECTORY, closeInput, dataOf, openTrajectory, registerClient, type TestOrg } from '../../subgraphs/cases/test/builders.ts';

/**
 * An organisation member who may read the support report tries to recover what the report withholds: by asking for
 * overlapping or millisecond periods, and by subtracting published figures of nested grid periods (quarter − months,
 * half year − quarters, year − half years and any mix). The data are built so that one month holds a single closed
 * trajectory with a satisfaction score, and another month three satisfaction responses.
 */

let hub: TestHub;
let org: TestOrg;
let readerToken: string;
// A second organisation whose one month has parts (legal domains, target groups, own network) of 1 next to 6.
let partsOrg: TestOrg;
// A provider with clients in three gemeenten; Amsterdam has 2 people in February (and 1 in June).
let splitOrg: TestOrg;
// A gemeente whose Wmo meldingen carry the wijsplicht: one month with a single pointed resident, one with 1 declined.
let wijsplichtOrg: TestOrg;
// A whole calendar year that has ended in every time zone.
const YEAR = new Date().getUTCFullYear() - 1;
const LONE_SCORE = 2;

type Count = { value: number | null; suppressed: boolean; display: string };
type Average = { value: number | null; suppressed: boolean; display: string };
interface Report {
  period: { key: string; from: string; to: string };
  peopleSupported: Count;
  trajectoriesClosed: Count;
  satisfactionResponses: Count;
  averageSatisfaction: Average;
  ownNetworkUsed: Count;
  byLegalDomain: { key: string; count: Count }[];
  byTargetGroup: { key: string; count: Count }[];
}

const REPORT = /* GraphQL */ `
  query Report($org: ID!, $period: ReportPeriodInput!) {
    supportReport(organizationId: $org, period: $period) {
      period { key from to }
      peopleSupported { value suppressed display }
      trajectoriesClosed { value suppressed display }
      satisfactionResponses { value suppressed display }
      averageSatisfaction { value suppressed display }
      ownNetworkUsed { value suppressed display }
      byLegalDomain { key count { value suppressed display } }
      byTargetGroup { key count { value suppressed display } }
    }
  }
`;

type Via = 'gateway' | 'cases subgraph';
const VIAS: Via[] = ['gateway', 'cases subgraph'];

function ask(via: Via, variables: Record<string, unknown>, query = REPORT, token?: string): Promise<GraphQLResult<{ supportReport: Report }>> {
  const bearer = token ?? readerToken;
  if (via === 'gateway') return hub.graphql<{ supportReport: Report }>(query, variables, { token: bearer });
  return hub.directSubgraphRequest<{ supportReport: Report }>('cases', query, { secret: hub.subgraphSecrets.cases, token: bearer, variables });
}

interface Shape {
  legalDomain?: string;
  targetGroups?: string[];
  ownNetworkUsed?: boolean;
  gemeenteCode?: string;
}

/** Closed trajectories opened and closed in one month of YEAR, one client each; `scores[i]` null means no score. */
async function closeInMonth(month: number, scores: (number | null)[], shapeOf: (i: number) => Shape = () => ({}), owner: TestOrg = org) {
  const token = await owner.token();
  for (const [i, satisfaction] of scores.entries()) {
    const { legalDomain = 'WMO_MAATWERKVOORZIENING', targetGroups = ['OUDEREN'], ownNetworkUsed = true, gemeenteCode } = shapeOf(i);
    const c = await registerClient(hub, token, gemeenteCode ? { gemeenteCode } : {});
    const t = await openTrajectory(hub, token, c.id, { legalDomain, targetGroups });
    dataOf(
      await hub.graphql(CLOSE_TRAJECTORY, { input: { id: t.id, expectedVersion: t.version, ...closeInput({ satisfaction, ownNetworkUsed }) } }, { token }),
    );
    // Trajectories open and close "now"; the report is about a past year, so move them there (midday, mid-month).
    const opened = new Date(Date.UTC(YEAR, month - 1, 10 + i, 12));
    const closed = new Date(opened.getTime() + 3_600_000);
    await hub.database.db.execute(
      sql`update cases.trajectory set opened_at = ${opened.toISOString()}::timestamptz, closed_at = ${closed.toISOString()}::timestamptz where id = ${t.id}::uuid`,
    );
  }
}

interface GridPeriod {
  key: string;
  input: { kind: string; year: number; number?: number };
  children: string[];
}

/** Every grid period of YEAR with its direct sub-periods. */
function gridOf(year: number): GridPeriod[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  const months = Array.from({ length: 12 }, (_, i) => ({ key: `${year}-${pad(i + 1)}`, input: { kind: 'MONTH', year, number: i + 1 }, children: [] }));
  const quarters = [1, 2, 3, 4].map((q) => ({
    key: `${year}-Q${q}`,
    input: { kind: 'QUARTER', year, number: q },
    children: [0, 1, 2].map((m) => `${year}-${pad((q - 1) * 3 + m + 1)}`),
  }));
  const halves = [1, 2].map((h) => ({
    key: `${year}-H${h}`,
    input: { kind: 'HALF_YEAR', year, number: h },
    children: [`${year}-Q${h * 2 - 1}`, `${year}-Q${h * 2}`],
  }));
  return [...months, ...quarters, ...halves, { key: String(year), input: { kind: 'YEAR', year }, children: [`${year}-H1`, `${year}-H2`] }];
}

const GRID = gridOf(YEAR);
const gridByKey = new Map(GRID.map((g) => [g.key, g]));

async function reportsVia(via: Via): Promise<Map<string, Report>> {
  const out = new Map<string, Report>();
  for (const g of GRID) {
    const res = await ask(via, { org: org.id, period: g.input });
    const report = dataOf(res).supportReport;
    expect(report.period.key).toBe(g.key);
    out.set(g.key, report);
  }
  return out;
}

/**
 * What an attacker gets by subtracting from a published figure the published figures of its sub-periods, at any
 * depth and in any mix: the figure minus its largest published parts. For counts that add up over time (closures and,
 * with these data, people) that is exactly what the published figures reveal about the withheld sub-periods.
 */
function remainder(key: string, value: (key: string) => number | null): number {
  const covered = (k: string): number =>
    (gridByKey.get(k)?.children ?? []).reduce((sum, child) => {
      const v = value(child);
      return sum + (v === null ? covered(child) : v);
    }, 0);
  return (value(key) ?? 0) - covered(key);
}

const revealsFewerThanFive = (n: number) => n > 0 && n < 5;

const SPLIT_GEMEENTEN = ['GM0153', 'GM0164', 'GM0363'] as const;

/**
 * Wmo meldingen of the gemeente pointed to independent cliëntondersteuning on a day of one month of YEAR, one client
 * each; `outcomes[i]` is the resident's answer. Recorded through the API, then moved to that day of YEAR.
 */
async function pointInMonth(month: number, outcomes: ('ACCEPTED' | 'DECLINED' | 'UNDECIDED')[]) {
  const token = await wijsplichtOrg.token(['TOEGANG']);
  for (const [i, outcome] of outcomes.entries()) {
    const c = await registerClient(hub, token);
    const t = await openTrajectory(hub, token, c.id, { legalDomain: 'WMO_MAATWERKVOORZIENING' });
    const today = amsterdamDate(new Date());
    const res = await hub.graphql(
      `mutation W($input: RecordWijsplichtInput!) { recordWijsplicht(input: $input) { trajectory { id } } }`,
      { input: { id: t.id, expectedVersion: t.version, pointedOn: today, outcome } },
      { token },
    );
    dataOf(res);
    const day = new Date(Date.UTC(YEAR, month - 1, 10 + i, 12));
    await hub.database.db.execute(
      sql`update cases.trajectory set opened_at = ${day.toISOString()}::timestamptz,
            wijsplicht = jsonb_set(wijsplicht, '{pointedOn}', to_jsonb(${day.toISOString().slice(0, 10)}::text))
          where id = ${t.id}::uuid`,
    );
  }
}

beforeAll(async () => {
  hub = await startTestHub();
  org = await buildOrg(hub, 'OCO');
  readerToken = await org.token(['BEHEERDER']);
  await closeInMonth(1, [6, 7, 8, 9, 10]);
  await closeInMonth(2, [LONE_SCORE]);
  await closeInMonth(4, [8, 8, 8, null, null, null]);
  await closeInMonth(5, [7, 7, 7, 7, 7, 7]);
  await closeInMonth(6, [9, 9, 9, 9, 9, 9]);
  for (const month of [7, 8, 9]) await closeInMonth(month, [8, 8, 8, 8, 8]);
  partsOrg = await buildOrg(hub, 'OCO');
  await closeInMonth(
    3,
    [7, 7, 7, 7, 7, 7, 7],
    (i) => (i < 6 ? {} : { legalDomain: 'WLZ', targetGroups: ['OUDEREN', 'MANTELZORGERS'], ownNetworkUsed: false }),
    partsOrg,
  );
  splitOrg = await buildOrg(hub, 'OCO');
  const split =
    (gemeenteCode: string, wlzFrom = 99) =>
    (i: number): Shape => ({
      gemeenteCode,
      legalDomain: i >= wlzFrom ? 'WLZ' : 'WMO_MAATWERKVOORZIENING',
      targetGroups: i % 2 ? ['OUDEREN'] : ['OUDEREN', 'MANTELZORGERS'],
      ownNetworkUsed: i % 3 !== 0,
    });
  for (const month of [1, 2, 3, 4, 5, 6]) await closeInMonth(month, [7, 8, 7, 8, 7, 8], split(SPLIT_GEMEENTEN[0], 5), splitOrg);
  for (const [month, n] of [
    [1, 5],
    [2, 7],
    [3, 5],
    [5, 6],
  ] as const)
    await closeInMonth(
      month,
      Array.from({ length: n }, () => 8),
      split(SPLIT_GEMEENTEN[1], 4),
      splitOrg,
    );
  await closeInMonth(2, [6, 9], split(SPLIT_GEMEENTEN[2], 1), splitOrg);
  await closeInMonth(4, [8, 8, 8, 8, 8], split(SPLIT_GEMEENTEN[2]), splitOrg);
  await closeInMonth(6, [8], split(SPLIT_GEMEENTEN[2]), splitOrg);
  wijsplichtOrg = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
  await pointInMonth(1, ['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
  await pointInMonth(2, ['ACCEPTED']);
  await pointInMonth(3, ['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'DECLINED']);
  for (const month of [7, 8, 9]) await pointInMonth(month, ['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'UNDECIDED', 'DECLINED']);
}, 180_000);

afterAll(async () => {
  await hub?.stop();
});

describe.each(VIAS)('support report differencing (%s)', (via) => {
  it('refuses free from/to periods, millisecond periods and periods off the grid with BAD_USER_INPUT', async () => {
    const start = Date.UTC(YEAR, 1, 1);
    const attempts: unknown[] = [
      // Two overlapping periods a millisecond apart used to isolate the one trajectory closed in that millisecond.
      { from: new Date(start).toISOString(), to: new Date(start + 28 * 86_400_000).toISOString() },
      { from: new Date(start).toISOString(), to: new Date(start + 28 * 86_400_000 + 1).toISOString() },
      { kind: 'MONTH', year: YEAR, number: 13 },
      { kind: 'MONTH', year: YEAR },
      { kind: 'QUARTER', year: YEAR, number: 0 },
      { kind: 'HALF_YEAR', year: YEAR, number: 3 },
      { kind: 'YEAR', year: YEAR, number: 2 },
      { kind: 'WEEK', year: YEAR, number: 5 },
      { kind: 'MONTH', year: 1999, number: 12 },
    ];
    for (const period of attempts) {
      const res = await ask(via, { org: org.id, period });
      expect(res.body.data?.supportReport ?? null, JSON.stringify(period)).toBeNull();
      expect(res.body.errors?.[0]?.extensions?.code, JSON.stringify(period)).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses the running period: its figures change with every trajectory opened or closed', async () => {
    const token = await org.token();
    await openTrajectory(hub, token, (await registerClient(hub, token)).id);
    const now = new Date();
    for (const period of [
      { kind: 'MONTH', year: now.getUTCFullYear(), number: now.getUTCMonth() + 1 },
      { kind: 'YEAR', year: now.getUTCFullYear() },
      { kind: 'YEAR', year: now.getUTCFullYear() + 1 },
    ]) {
      const res = await ask(via, { org: org.id, period });
      expect(res.body.data?.supportReport ?? null).toBeNull();
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    }
  });

  it('publishes no figures whose difference over nested grid periods reveals a withheld cell', async () => {
    const reports = await reportsVia(via);
    const get = (key: string) => {
      const r = reports.get(key);
      if (!r) throw new Error(`no report for ${key}`);
      return r;
    };
    const series: [string, (r: Report) => Count | undefined][] = [
      ['peopleSupported', (r) => r.peopleSupported],
      ['trajectoriesClosed', (r) => r.trajectoriesClosed],
      ['satisfactionResponses', (r) => r.satisfactionResponses],
      ['ownNetworkUsed', (r) => r.ownNetworkUsed],
      ['byLegalDomain WMO_MAATWERKVOORZIENING', (r) => r.byLegalDomain.find((i) => i.key === 'WMO_MAATWERKVOORZIENING')?.count],
      ['byTargetGroup OUDEREN', (r) => r.byTargetGroup.find((i) => i.key === 'OUDEREN')?.count],
    ];
    for (const [name, pick] of series) {
      const value = (key: string) => {
        const c = pick(get(key));
        if (!c) return 0;
        // A withheld figure carries no number and one marker for every reason.
        if (c.suppressed) expect([c.value, c.display]).toEqual([null, 'withheld']);
        else expect(c.display).toBe(String(c.value));
        return c.suppressed ? null : c.value;
      };
      // The month with a single trajectory is withheld, the rich months are published.
      expect(value(`${YEAR}-02`), name).toBeNull();
      expect(value(`${YEAR}-01`), name).toBe(5);
      expect(value(`${YEAR}-03`), name).toBe(0);
      expect(value(`${YEAR}-Q3`), name).toBe(15);
      for (const g of GRID) {
        if (value(g.key) === null) continue;
        // Each period against its parts one level down: quarter − months, half year − quarters, year − half years.
        const published = g.children.map(value).filter((v): v is number => v !== null);
        if (published.length < g.children.length) {
          expect(revealsFewerThanFive((value(g.key) ?? 0) - published.reduce((a, b) => a + b, 0)), `${name}: ${g.key} − published parts`).toBe(false);
        }
        // Any mix of levels (year − H2 − Q2 − January − March, ...).
        expect(revealsFewerThanFive(remainder(g.key, value)), `${name}: ${g.key} − all published sub-periods`).toBe(false);
      }
    }
    // The quarter holding the single trajectory is withheld although it holds 6: Q1 − January would be that one client.
    expect(get(`${YEAR}-Q1`).trajectoriesClosed).toEqual({ value: null, suppressed: true, display: 'withheld' });
    expect(get(`${YEAR}-Q2`).trajectoriesClosed.value).toBe(18);
    expect(get(`${YEAR}-H2`).trajectoriesClosed.value).toBe(15);
  });

  it('withholds averages over 1–4 clients, and those an attacker could isolate by subtraction', async () => {
    const reports = await reportsVia(via);
    const avg = (key: string) => reports.get(key)?.averageSatisfaction;
    const n = (key: string) => reports.get(key)?.satisfactionResponses;
    // One response (February) and three (April): withheld, with the same marker as the counts.
    expect(avg(`${YEAR}-02`)).toEqual({ value: null, suppressed: true, display: 'withheld' });
    expect(avg(`${YEAR}-04`)).toEqual({ value: null, suppressed: true, display: 'withheld' });
    expect(n(`${YEAR}-04`)).toEqual({ value: null, suppressed: true, display: 'withheld' });
    // Published where five or more responses stand behind them.
    expect(avg(`${YEAR}-01`)).toEqual({ value: 8, suppressed: false, display: '8' });
    expect(avg(`${YEAR}-Q3`)?.value).toBe(8);
    // No published average of a period minus the published averages of its parts isolates fewer than 5 responses.
    for (const g of GRID) {
      const whole = avg(g.key)?.value;
      const wholeN = n(g.key)?.value;
      if (whole == null || wholeN == null) continue;
      // An average and its count give the sum of the scores; sums of published parts subtract from the whole's.
      const parts = g.children.flatMap((c) => {
        const a = avg(c)?.value;
        const cn = n(c)?.value;
        return a == null || cn == null ? [] : [cn];
      });
      const restN = wholeN - parts.reduce((s, p) => s + p, 0);
      expect(revealsFewerThanFive(restN), `${g.key}: responses not covered by published parts`).toBe(false);
    }
    // The quarter with the lone score: its average over six would give that score away against January's.
    expect(avg(`${YEAR}-Q1`)).toEqual({ value: null, suppressed: true, display: 'withheld' });
  });

  it('publishes no wijsplicht count (pointed, accepted) that subtraction over periods or of each other reveals', async () => {
    const WIJSPLICHT = /* GraphQL */ `
      query Wijsplicht($org: ID!, $period: ReportPeriodInput!) {
        supportReport(organizationId: $org, period: $period) {
          period { key }
          wijsplichtPointed { value suppressed display }
          wijsplichtAccepted { value suppressed display }
        }
      }
    `;
    const token = await wijsplichtOrg.token(['BEHEERDER']);
    const reports = new Map<string, { wijsplichtPointed: Count; wijsplichtAccepted: Count }>();
    for (const g of GRID) {
      const r = dataOf(
        await hub.graphql<{ supportReport: { period: { key: string }; wijsplichtPointed: Count; wijsplichtAccepted: Count } }>(
          WIJSPLICHT,
          { org: wijsplichtOrg.id, period: g.input },
          { token },
        ),
      ).supportReport;
      if (via === 'cases subgraph') {
        const direct = await ask(via, { org: wijsplichtOrg.id, period: g.input }, WIJSPLICHT, token);
        expect(direct.body.data?.supportReport).toEqual(r);
      }
      reports.set(g.key, r);
    }
    const pick = (key: string, which: 'wijsplichtPointed' | 'wijsplichtAccepted') => {
      const c = reports.get(key)?.[which];
      if (!c) throw new Error(`no report for ${key}`);
      if (c.suppressed) expect([c.value, c.display]).toEqual([null, 'withheld']);
      return c.suppressed ? null : c.value;
    };
    // January: 5 pointed, all accepted; February: a single resident; March: 6 pointed of whom 1 declined, so the 5
    // accepted would give the one who declined away.
    expect([pick(`${YEAR}-01`, 'wijsplichtPointed'), pick(`${YEAR}-01`, 'wijsplichtAccepted')]).toEqual([5, 5]);
    expect([pick(`${YEAR}-02`, 'wijsplichtPointed'), pick(`${YEAR}-02`, 'wijsplichtAccepted')]).toEqual([null, null]);
    expect([pick(`${YEAR}-03`, 'wijsplichtPointed'), pick(`${YEAR}-03`, 'wijsplichtAccepted')]).toEqual([6, null]);
    expect(pick(`${YEAR}-Q3`, 'wijsplichtPointed')).toBe(15);
    // Q1 holds 12 but would give February's one resident away against January and March.
    expect(pick(`${YEAR}-Q1`, 'wijsplichtPointed')).toBeNull();
    for (const which of ['wijsplichtPointed', 'wijsplichtAccepted'] as const) {
      const value = (key: string) => pick(key, which);
      for (const g of GRID) {
        if (value(g.key) === null) continue;
        expect(revealsFewerThanFive(remainder(g.key, value)), `${which}: ${g.key} − all published sub-periods`).toBe(false);
      }
    }
    // Within one period: pointed − accepted (those who declined or did not decide) is never 1–4 when both are shown.
    for (const g of GRID) {
      const pointed = pick(g.key, 'wijsplichtPointed');
      const accepted = pick(g.key, 'wijsplichtAccepted');
      if (pointed !== null && accepted !== null) expect(revealsFewerThanFive(pointed - accepted), `${g.key}: pointed − accepted`).toBe(false);
    }
  });

  it('publishes no whole whose published parts leave 1–4 people or trajectories in one period', async () => {
    const r = dataOf(
      await ask(via, { org: partsOrg.id, period: { kind: 'MONTH', year: YEAR, number: 3 } }, REPORT, await partsOrg.token(['BEHEERDER'])),
    ).supportReport;
    // Seven clients, one of them in WLZ and without their own network: the total is published.
    expect(r.peopleSupported.value).toBe(7);
    expect(r.trajectoriesClosed.value).toBe(7);
    const rest = (whole: Count, parts: Count[]) => (whole.value ?? 0) - parts.reduce((sum, p) => sum + (p.value ?? 0), 0);
    // Total − WMO would be the one WLZ client; closed − used would be the one who did not use their network.
    expect(
      revealsFewerThanFive(
        rest(
          r.peopleSupported,
          r.byLegalDomain.map((i) => i.count),
        ),
      ),
      JSON.stringify(r.byLegalDomain),
    ).toBe(false);
    expect(revealsFewerThanFive(rest(r.trajectoriesClosed, [r.ownNetworkUsed])), JSON.stringify(r.ownNetworkUsed)).toBe(false);
    expect(r.byLegalDomain.every((i) => i.count.suppressed)).toBe(true);
    expect(r.ownNetworkUsed).toEqual({ value: null, suppressed: true, display: 'withheld' });
    // Target groups overlap (the WLZ client has two), so OUDEREN covers everyone and may be shown.
    expect(r.byTargetGroup.find((i) => i.key === 'OUDEREN')?.count.value).toBe(7);
  });
});

const SPLIT_REPORT = /* GraphQL */ `
  query SplitReport($org: ID!, $period: ReportPeriodInput!, $gemeenteCode: String) {
    supportReport(organizationId: $org, period: $period, gemeenteCode: $gemeenteCode) {
      period { key }
      peopleSupported { value suppressed display }
      trajectoriesClosed { value suppressed display }
      satisfactionResponses { value suppressed display }
      averageSatisfaction { value suppressed display }
      ownNetworkUsed { value suppressed display }
      ownNetworkNotUsed { value suppressed display }
      byLegalDomain { key count { value suppressed display } }
      byTargetGroup { key count { value suppressed display } }
    }
  }
`;

interface SplitReport extends Report {
  ownNetworkNotUsed: Count;
}

describe.each(VIAS)('support report split per gemeente, differencing (%s)', (via) => {
  /** Every grid period of YEAR, for the whole ("*") and each gemeente: what an organisation member can read. */
  async function readAll(token: string) {
    const out = new Map<string, SplitReport>();
    for (const g of GRID) {
      for (const scope of ['*', ...SPLIT_GEMEENTEN]) {
        const variables = { org: splitOrg.id, period: g.input, gemeenteCode: scope === '*' ? null : scope };
        const res = await ask(via, variables, SPLIT_REPORT, token);
        const report = (dataOf(res) as unknown as { supportReport: SplitReport }).supportReport;
        expect(report.period.key).toBe(g.key);
        out.set(`${scope}|${g.key}`, report);
      }
    }
    return out;
  }

  it('lets no difference of the total, the gemeente parts, the periods or the breakdown keys yield 1–4', async () => {
    const token = await splitOrg.token(['BEHEERDER']);
    const reports = await readAll(token);
    const figures: [string, (r: SplitReport) => Count | null][] = [
      ['people', (r) => r.peopleSupported],
      ['closed', (r) => r.trajectoriesClosed],
      ['satisfaction', (r) => r.satisfactionResponses],
      ['used', (r) => r.ownNetworkUsed],
      ['notUsed', (r) => r.ownNetworkNotUsed],
      ...['WMO_MAATWERKVOORZIENING', 'WLZ'].map((k): [string, (r: SplitReport) => Count | null] => [
        `legal:${k}`,
        (r) => r.byLegalDomain.find((i) => i.key === k)?.count ?? null,
      ]),
      ...['OUDEREN', 'MANTELZORGERS'].map((k): [string, (r: SplitReport) => Count | null] => [
        `target:${k}`,
        (r) => r.byTargetGroup.find((i) => i.key === k)?.count ?? null,
      ]),
    ];
    // What the attacker knows: every published cell (scope, figure, period); a key not listed is 0.
    const known = new Map<string, number>();
    const cells: string[] = [];
    for (const [key, r] of reports) {
      const [scope, period] = key.split('|');
      for (const [figure, pick] of figures) {
        const c = pick(r);
        const id = `${scope}|${figure}|${period}`;
        cells.push(id);
        if (c?.suppressed) expect([c.value, c.display], id).toEqual([null, 'withheld']);
        const value = c === null ? 0 : c.value;
        if (value !== null) known.set(id, value);
      }
    }
    // The month with 2 Amsterdam clients is withheld, in every figure that counts them.
    expect(known.has(`GM0363|people|${YEAR}-02`)).toBe(false);
    expect(known.has(`GM0363|closed|${YEAR}-02`)).toBe(false);
    // Per gemeente on its own, the total of February (15) minus Enschede (6) and Hengelo (7) would be those 2: one of
    // the three is withheld as well.
    expect([`*|people|${YEAR}-02`, `GM0153|people|${YEAR}-02`, `GM0164|people|${YEAR}-02`].every((id) => known.has(id))).toBe(false);
    // The identities the attacker subtracts with: total = Σ gemeenten; period = Σ sub-periods (every client here is
    // supported within one month); people = Σ legal domains (one trajectory per client); closed = used + not used.
    const identities: [string, string[]][] = [];
    for (const g of GRID) {
      for (const [figure] of figures) identities.push([`*|${figure}|${g.key}`, SPLIT_GEMEENTEN.map((gm) => `${gm}|${figure}|${g.key}`)]);
      for (const scope of ['*', ...SPLIT_GEMEENTEN]) {
        if (g.children.length)
          for (const [figure] of figures) identities.push([`${scope}|${figure}|${g.key}`, g.children.map((c) => `${scope}|${figure}|${c}`)]);
        identities.push([`${scope}|people|${g.key}`, [`${scope}|legal:WMO_MAATWERKVOORZIENING|${g.key}`, `${scope}|legal:WLZ|${g.key}`]]);
        identities.push([`${scope}|closed|${g.key}`, [`${scope}|used|${g.key}`, `${scope}|notUsed|${g.key}`]]);
      }
    }
    // Every single subtraction (a whole minus all its published parts, or a part as whole minus the other parts), and
    // then again with what those gave, until nothing new comes out.
    const derived: string[] = [];
    let progress = true;
    while (progress) {
      progress = false;
      for (const [whole, parts] of identities) {
        const members = [whole, ...parts];
        const unknown = members.filter((m) => !known.has(m));
        if (known.has(whole)) {
          const rest = (known.get(whole) ?? 0) - parts.reduce((sum, p) => sum + (known.get(p) ?? 0), 0);
          expect(revealsFewerThanFive(rest), `${whole} − published parts = ${rest}`).toBe(false);
        }
        const [only] = unknown;
        if (unknown.length !== 1 || !only) continue;
        const sumParts = parts.reduce((sum, p) => sum + (p === only ? 0 : (known.get(p) ?? 0)), 0);
        const value = only === whole ? sumParts : (known.get(whole) ?? 0) - sumParts;
        expect(revealsFewerThanFive(value), `${only} recovered as ${value}`).toBe(false);
        known.set(only, value);
        derived.push(only);
        progress = true;
      }
    }
    // Not everything is withheld: the report still says something about Amsterdam over the half year and the year.
    expect(cells.filter((c) => known.has(c)).length).toBeGreaterThan(cells.length / 2);
  });

  it('gives the same total with and without asking for the parts, a report of zeros for a gemeente without clients, and refuses codes that are no gemeente', async () => {
    const token = await splitOrg.token(['BEHEERDER']);
    const half = { kind: 'HALF_YEAR', year: YEAR, number: 1 };
    const total = dataOf(await ask(via, { org: splitOrg.id, period: half }, SPLIT_REPORT, token)).supportReport;
    const again = dataOf(await ask(via, { org: splitOrg.id, period: half, gemeenteCode: null }, SPLIT_REPORT, token)).supportReport;
    expect(again).toEqual(total);
    const utrecht = (
      dataOf(await ask(via, { org: splitOrg.id, period: half, gemeenteCode: 'GM0344' }, SPLIT_REPORT, token)) as unknown as {
        supportReport: SplitReport;
      }
    ).supportReport;
    expect(utrecht.peopleSupported).toEqual({ value: 0, suppressed: false, display: '0' });
    expect(utrecht.byLegalDomain).toEqual([]);
    for (const gemeenteCode of ['GM9999', 'ONBEKEND', 'gm0363', '', 'GM0363; drop']) {
      const res = await ask(via, { org: splitOrg.id, period: half, gemeenteCode }, SPLIT_REPORT, token);
      expect(res.body.data?.supportReport ?? null, gemeenteCode).toBeNull();
      expect(res.body.errors?.[0]?.extensions, gemeenteCode).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gemeenteCode' });
    }
    // A member of another organisation reads no part of it.
    const outsider = await org.token(['BEHEERDER']);
    const res = await ask(via, { org: splitOrg.id, period: half, gemeenteCode: 'GM0363' }, SPLIT_REPORT, outsider);
    expect(res.body.data?.supportReport ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
