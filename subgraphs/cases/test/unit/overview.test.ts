import { describe, expect, it } from 'vitest';
import { makeReportPeriod, previousReportPeriod, type ReportPeriod } from '@hub/service-kit';
import type { TrajectoryWithGemeenteRow } from '../../src/db/queries.ts';
import { buildSupportOverviewDemand, dominated } from '../../src/overview.ts';

const YEAR = 2025;
const H2 = makeReportPeriod('HALF_YEAR', YEAR, 2);
const Q3 = makeReportPeriod('QUARTER', YEAR, 3);
const Q4 = makeReportPeriod('QUARTER', YEAR, 4);
const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const ORG_C = '00000000-0000-4000-8000-00000000000c';
const GM_X = 'GM0153';
const GM_Y = 'GM0164';
const GM_Z = 'GM0141';

let seq = 0;
/** One client with one trajectory opened (and closed an hour later) on day `day` of `month` of YEAR. */
function trajectory(month: number, over: Partial<TrajectoryWithGemeenteRow> = {}): TrajectoryWithGemeenteRow {
  seq++;
  const opened = new Date(Date.UTC(YEAR, month - 1, 10, 12));
  return {
    id: `t-${seq}`,
    clientId: `c-${seq}`,
    organizationId: ORG_A,
    counsellor: { userId: null, name: 'X', formality: 'FORMAL' },
    legalDomain: 'WMO_MAATWERKVOORZIENING',
    journeyPhase: 'BEFORE_INDICATION',
    hulpvraag: '',
    lifeDomains: [],
    targetGroups: [],
    supportForms: [],
    goals: [],
    plan: null,
    wlz: null,
    wijsplicht: null,
    status: 'CLOSED',
    openedAt: opened,
    closedAt: new Date(opened.getTime() + 3_600_000),
    closeReason: null,
    outcomes: null,
    version: 1,
    createdAt: opened,
    updatedAt: opened,
    gemeenteCode: GM_X,
    ...over,
  };
}
const many = (n: number, month: number, over: Partial<TrajectoryWithGemeenteRow> = {}) => Array.from({ length: n }, () => trajectory(month, over));
const demand = (period: ReportPeriod, gemeenten: string[], rows: TrajectoryWithGemeenteRow[], asRegion = gemeenten.length > 1) =>
  buildSupportOverviewDemand(period, previousReportPeriod(period), gemeenten, rows, asRegion);

describe('support overview demand: suppression', () => {
  it('shows 0 and 5 or more, withholds 1–4', () => {
    const rows = [...many(5, 7), ...many(3, 1)];
    const d = demand(H2, [GM_X], rows);
    expect(d.trajectoriesOpened).toEqual({ value: 5, suppressed: false, display: '5' });
    expect(d.peopleSupported.value).toBe(5);
    // H1 holds 3: withheld.
    expect(d.trajectoriesOpenedPrevious).toEqual({ value: null, suppressed: true, display: 'withheld' });
    expect(demand(H2, [GM_X], []).trajectoriesOpened).toEqual({ value: 0, suppressed: false, display: '0' });
  });

  it('links a half year to its quarters: H2 minus a published Q3 is never 1–4', () => {
    const rows = [...many(6, 7), ...many(2, 11)];
    expect(demand(Q3, [GM_X], rows).trajectoriesOpened.value).toBe(6);
    // Q4 holds 2 (withheld); H2 = 8 would reveal Q4 = 8 − 6.
    expect(demand(Q4, [GM_X], rows).trajectoriesOpened.suppressed).toBe(true);
    expect(demand(H2, [GM_X], rows).trajectoriesOpened.suppressed).toBe(true);
  });

  it('withholds a count when all but 1–4 of it comes from one organisation', () => {
    const rows = [...many(10, 8, { organizationId: ORG_A }), ...many(2, 8, { organizationId: ORG_B })];
    const d = demand(H2, [GM_X], rows);
    // 12 is no small count, but organisation A would learn that B supported 2.
    expect(d.trajectoriesOpened.suppressed).toBe(true);
    expect(d.peopleSupported.suppressed).toBe(true);
    const spread = [...many(10, 8, { organizationId: ORG_A }), ...many(5, 8, { organizationId: ORG_B })];
    expect(demand(H2, [GM_X], spread).trajectoriesOpened.value).toBe(15);
    // A single organisation knows everything it is shown: nothing of others to learn.
    expect(demand(H2, [GM_X], many(7, 8, { organizationId: ORG_C })).trajectoriesOpened.value).toBe(7);
  });

  it('dominance looks at every organisation involved', () => {
    const owners = new Map([
      ['u1', new Set([ORG_A])],
      ['u2', new Set([ORG_A, ORG_B])],
      ['u3', new Set([ORG_B])],
    ]);
    expect(dominated(['u1', 'u2', 'u3'], owners)).toBe(true);
    expect(dominated([], owners)).toBe(false);
  });

  it('decides a region over its gemeenten: the region minus its published gemeenten is never 1–4', () => {
    // Two organisations in each gemeente, so dominance does not decide.
    const x = [...many(5, 8, { gemeenteCode: GM_X, organizationId: ORG_A }), ...many(5, 8, { gemeenteCode: GM_X, organizationId: ORG_B })];
    const y = [...many(5, 8, { gemeenteCode: GM_Y, organizationId: ORG_A }), ...many(5, 8, { gemeenteCode: GM_Y, organizationId: ORG_B })];
    const z = many(2, 8, { gemeenteCode: GM_Z, organizationId: ORG_C });
    const rows = [...x, ...y, ...z];
    expect(demand(H2, [GM_X], rows, false).trajectoriesOpened.value).toBe(10);
    expect(demand(H2, [GM_Y], rows, false).trajectoriesOpened.value).toBe(10);
    expect(demand(H2, [GM_Z], rows, false).trajectoriesOpened.suppressed).toBe(true);
    // 22 would reveal Z = 22 − 10 − 10 = 2.
    const region = demand(H2, [GM_X, GM_Y, GM_Z], rows, true);
    expect(region.trajectoriesOpened.suppressed).toBe(true);
    // Without the small gemeente the region is published.
    expect(demand(H2, [GM_X, GM_Y], [...x, ...y], true).trajectoriesOpened.value).toBe(20);
  });

  it('a gemeente is decided the same whether asked alone or as part of a region', () => {
    const rows = [...many(6, 7, { gemeenteCode: GM_X, organizationId: ORG_A }), ...many(6, 7, { gemeenteCode: GM_X, organizationId: ORG_B })];
    expect(demand(Q3, [GM_X], rows).trajectoriesOpened.value).toBe(12);
    const other = many(3, 7, { gemeenteCode: GM_Y, organizationId: ORG_C });
    expect(demand(Q3, [GM_X], [...rows, ...other], false).trajectoriesOpened.value).toBe(12);
  });

  it('counts people per legal domain as parts of the people supported, with the previous period', () => {
    const rows = [
      ...many(6, 8, { legalDomain: 'WLZ', organizationId: ORG_A }),
      ...many(6, 8, { legalDomain: 'WMO_MAATWERKVOORZIENING', organizationId: ORG_B }),
      ...many(1, 8, { legalDomain: 'JEUGDWET', organizationId: ORG_C }),
      ...many(5, 3, { legalDomain: 'WLZ', organizationId: ORG_A }),
      ...many(5, 3, { legalDomain: 'WLZ', organizationId: ORG_B }),
    ];
    const d = demand(H2, [GM_X], rows);
    const byKey = Object.fromEntries(d.byLegalDomain.map((i) => [i.key, i]));
    expect(byKey.JEUGDWET?.count.suppressed).toBe(true);
    // People 13 minus the published parts must not be 1: a second part is withheld too.
    const shown = d.byLegalDomain.filter((i) => !i.count.suppressed).reduce((s, i) => s + (i.count.value ?? 0), 0);
    const total = d.peopleSupported.value ?? 0;
    expect(total === 0 || total - shown === 0 || total - shown >= 5 || d.peopleSupported.suppressed).toBe(true);
    expect(byKey.WLZ?.previous.value).toBe(10);
  });
});
