import { describe, expect, it } from 'vitest';
import { seededRandom } from '@hub/domain';
import { childPeriods, makeReportPeriod, previousReportPeriod, type ReportPeriod } from '@hub/service-kit';
import type { TrajectoryWithGemeenteRow } from '../../src/db/queries.ts';
import type { ReportCount, SupportReportData } from '../../src/report.ts';
import { buildReportSnapshot, snapshotFromJson, snapshotToJson, UNKNOWN_GEMEENTE } from '../../src/reports/split.ts';

const ORG = '20000000-0000-4000-8000-000000000000';
const YEAR = 2025;
const GRID: ReportPeriod[] = [
  ...Array.from({ length: 12 }, (_, i) => makeReportPeriod('MONTH', YEAR, i + 1)),
  ...[1, 2, 3, 4].map((q) => makeReportPeriod('QUARTER', YEAR, q)),
  ...[1, 2].map((h) => makeReportPeriod('HALF_YEAR', YEAR, h)),
  makeReportPeriod('YEAR', YEAR, 1),
];
const H1 = makeReportPeriod('HALF_YEAR', YEAR, 1);
const small = (n: number) => n > 0 && n < 5;
const uuid = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${String(i).padStart(12, '0')}`;

let serial = 0;
/** A client supported within one month: opened on day `day` and closed an hour later, so every figure adds up over time. */
function closedInMonth(
  month: number,
  gemeenteCode: string | null,
  shape: { legalDomain?: string; ownNetworkUsed?: boolean; satisfaction?: number | null; targetGroups?: string[] } = {},
  day = 10,
): TrajectoryWithGemeenteRow {
  serial++;
  const openedAt = new Date(Date.UTC(YEAR, month - 1, day, 12));
  const closedAt = new Date(openedAt.getTime() + 3_600_000);
  return {
    id: uuid('00000000', serial),
    clientId: uuid('10000000', serial),
    organizationId: ORG,
    counsellor: { userId: null, name: 'Ondersteuner', formality: 'FORMAL' },
    legalDomain: shape.legalDomain ?? 'WMO_MAATWERKVOORZIENING',
    journeyPhase: 'BEFORE_INDICATION',
    hulpvraag: 'Hulpvraag',
    lifeDomains: [],
    targetGroups: shape.targetGroups ?? [],
    supportForms: [],
    goals: [],
    plan: null,
    wlz: null,
    wijsplicht: null,
    status: 'CLOSED',
    openedAt,
    closedAt,
    closeReason: null,
    outcomes: { selfReliance: [], ownNetworkUsed: shape.ownNetworkUsed ?? true, satisfaction: shape.satisfaction ?? null },
    version: 1,
    createdAt: openedAt,
    updatedAt: closedAt,
    gemeenteCode,
  } as TrajectoryWithGemeenteRow;
}

/** What the database returns for a request about `p`: every trajectory open from the start of the previous period on. */
const windowOf = (rows: readonly TrajectoryWithGemeenteRow[], p: ReportPeriod) => {
  const from = previousReportPeriod(p).from.getTime();
  return rows.filter((t) => t.openedAt.getTime() < p.to.getTime() && (!t.closedAt || t.closedAt.getTime() >= from));
};
const snapshotOf = (rows: readonly TrajectoryWithGemeenteRow[], p: ReportPeriod) => buildReportSnapshot(ORG, p, previousReportPeriod(p), windowOf(rows, p));

const LEGAL = ['WLZ', 'WMO_MAATWERKVOORZIENING'];
const GEMEENTEN = ['GM0153', 'GM0164', 'GM0363', UNKNOWN_GEMEENTE];

/** Sparse random data: per month and gemeente 0, 1–4 or 5–10 clients, the case suppression is for. */
function randomRows(seed: number, gemeenten = GEMEENTEN): TrajectoryWithGemeenteRow[] {
  const rand = seededRandom(seed);
  const rows: TrajectoryWithGemeenteRow[] = [];
  for (let month = 1; month <= 6; month++) {
    for (const g of gemeenten) {
      const r = rand();
      const n = r < 0.35 ? 0 : r < 0.7 ? 1 + Math.floor(rand() * 4) : 5 + Math.floor(rand() * 6);
      for (let i = 0; i < n; i++) {
        rows.push(
          closedInMonth(month, g === UNKNOWN_GEMEENTE ? null : g, { legalDomain: LEGAL[Math.floor(rand() * 2)], ownNetworkUsed: rand() < 0.6 }, 1 + (i % 27)),
        );
      }
    }
  }
  return rows;
}

/** Every figure the brute force follows, per scope ("*" the whole, else a gemeente part) and period. */
const FIGURES: [string, (r: SupportReportData) => ReportCount | null][] = [
  ['people', (r) => r.peopleSupported],
  ['closed', (r) => r.trajectoriesClosed],
  ['used', (r) => r.ownNetworkUsed],
  ['notUsed', (r) => r.ownNetworkNotUsed],
  ...LEGAL.map((key): [string, (r: SupportReportData) => ReportCount | null] => [
    `legal:${key}`,
    (r) => r.byLegalDomain.find((i) => i.key === key)?.count ?? null,
  ]),
];

interface Cell {
  id: string;
  /** The true value (for the test's eyes only). */
  truth: number;
  published: number | null;
}

/**
 * What the identities give away: repeatedly, an identity with a single withheld cell determines it from the published
 * (and already determined) cells, which may open the next identity. Returns the determined withheld cells with their
 * values (the attacker's chain of subtractions).
 */
function determined(cells: Cell[], identities: Map<string, number>[]): { id: string; value: number }[] {
  const known = new Map<string, number>();
  for (const c of cells) if (c.published !== null) known.set(c.id, c.published);
  const ids = new Set(cells.map((c) => c.id));
  const out: { id: string; value: number }[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (const identity of identities) {
      const unknown = [...identity.keys()].filter((id) => ids.has(id) && !known.has(id));
      const [only] = unknown;
      if (unknown.length !== 1 || !only) continue;
      // Σ coeff · cell = 0: the one unknown is minus the rest over its own coefficient.
      let rest = 0;
      for (const [id, coeff] of identity) if (id !== only && ids.has(id)) rest += coeff * (known.get(id) ?? 0);
      const value = -rest / (identity.get(only) ?? 1);
      known.set(only, value);
      out.push({ id: only, value });
      progress = true;
    }
  }
  return out;
}

/** Reads every cell of every grid period the way an attacker would (one request per period), with the identities. */
function attack(rows: TrajectoryWithGemeenteRow[]) {
  const cells: Cell[] = [];
  const scopes = ['*', ...GEMEENTEN];
  for (const p of GRID) {
    const snap = snapshotOf(rows, p);
    for (const scope of scopes) {
      const report = scope === '*' ? snap.total : snap.gemeenten[scope];
      for (const [figure, pick] of FIGURES) {
        const c = report ? pick(report) : null;
        const truthRows = rows.filter(
          (t) => (scope === '*' || (t.gemeenteCode ?? UNKNOWN_GEMEENTE) === scope) && t.closedAt && t.closedAt >= p.from && t.closedAt < p.to,
        );
        const truth =
          figure === 'used'
            ? truthRows.filter((t) => t.outcomes?.ownNetworkUsed).length
            : figure === 'notUsed'
              ? truthRows.filter((t) => !t.outcomes?.ownNetworkUsed).length
              : figure.startsWith('legal:')
                ? truthRows.filter((t) => `legal:${t.legalDomain}` === figure).length
                : truthRows.length;
        // No part for a gemeente without clients in the window, no key without clients: both a published zero.
        const published = c ? c.value : 0;
        if (published !== null) expect(published, `${scope} ${figure} ${p.key}`).toBe(truth);
        if (small(truth)) expect(published, `${scope} ${figure} ${p.key}`).toBeNull();
        cells.push({ id: `${scope}|${figure}|${p.key}`, truth, published });
      }
    }
  }
  const identities: Map<string, number>[] = [];
  const sum = (whole: string, parts: string[]) => {
    const m = new Map<string, number>([[whole, 1]]);
    for (const part of parts) m.set(part, (m.get(part) ?? 0) - 1);
    identities.push(m);
  };
  for (const p of GRID) {
    // The whole is the sum of the gemeente parts.
    for (const [figure] of FIGURES)
      sum(
        `*|${figure}|${p.key}`,
        GEMEENTEN.map((g) => `${g}|${figure}|${p.key}`),
      );
    for (const scope of scopes) {
      // A period is the sum of its sub-periods (each client here is supported within one month).
      for (const [figure] of FIGURES)
        if (childPeriods(p).length)
          sum(
            `${scope}|${figure}|${p.key}`,
            childPeriods(p).map((c) => `${scope}|${figure}|${c.key}`),
          );
      // The legal domains are parts of the people; used and not used of the closures; closures are the people.
      sum(
        `${scope}|people|${p.key}`,
        LEGAL.map((k) => `${scope}|legal:${k}|${p.key}`),
      );
      sum(`${scope}|closed|${p.key}`, [`${scope}|used|${p.key}`, `${scope}|notUsed|${p.key}`]);
    }
  }
  return { cells, identities };
}

describe('report split per gemeente', () => {
  it('keeps the parts adding up to the whole, with a part for clients of unknown gemeente, and is deterministic', () => {
    const rows = randomRows(7);
    const snap = snapshotOf(rows, H1);
    expect(Object.keys(snap.gemeenten)).toEqual([...GEMEENTEN].sort());
    // Shuffled rows give the same snapshot, and the stored form revives to the same value.
    const shuffled = [...rows].reverse();
    expect(buildReportSnapshot(ORG, H1, previousReportPeriod(H1), windowOf(shuffled, H1))).toEqual(snap);
    expect(snapshotFromJson(snapshotToJson(snap))).toEqual(snap);
    // Published parts never exceed the whole, and when all are published they add up to it.
    const parts = Object.values(snap.gemeenten).map((r) => r.peopleSupported.value);
    if (parts.every((v) => v !== null) && snap.total.peopleSupported.value !== null) {
      expect(parts.reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(snap.total.peopleSupported.value);
    }
  });

  it('withholds a gemeente of 1–4 people and enough else that total − Σ other parts gives nothing away', () => {
    // H1: 20 clients in GM0153, 12 in GM0164, 3 in GM0363; the total alone (35) would give GM0363's 3 away.
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => closedInMonth(1 + (i % 6), 'GM0153')),
      ...Array.from({ length: 12 }, (_, i) => closedInMonth(1 + (i % 6), 'GM0164')),
      ...Array.from({ length: 3 }, () => closedInMonth(2, 'GM0363')),
    ];
    const snap = snapshotOf(rows, H1);
    const people = (g: string) => snap.gemeenten[g]?.peopleSupported.value ?? null;
    expect(people('GM0363')).toBeNull();
    const total = snap.total.peopleSupported.value;
    const known = ['GM0153', 'GM0164'].map(people);
    if (total !== null && known.every((v) => v !== null)) {
      expect(small(total - known.reduce<number>((a, b) => a + (b ?? 0), 0))).toBe(false);
    }
    // The withheld part is marked the same as any withheld figure.
    expect(snap.gemeenten.GM0363?.peopleSupported).toEqual({ value: null, suppressed: true, display: 'withheld' });
  });

  // Seeds in batches, so no single test keeps the worker busy for long.
  it.each([1, 6, 11, 16])(
    'leaves no withheld cell determined to 1–4 by the identities of the grid, the parts and the keys (brute force from seed %i)',
    (first) => {
      let withheldCells = 0;
      let determinedCells = 0;
      for (let seed = first; seed < first + 5; seed++) {
        serial = 0;
        const { cells, identities } = attack(randomRows(seed));
        withheldCells += cells.filter((c) => c.published === null).length;
        const found = determined(cells, identities);
        determinedCells += found.length;
        for (const { id, value } of found) {
          // The solver must agree with the truth: it is the attack, not a guess.
          expect(value, id).toBe(cells.find((c) => c.id === id)?.truth);
          expect(small(value), `seed ${seed}: ${id} is determined to ${value}`).toBe(false);
        }
      }
      // The data exercise the rule: many cells are withheld, and some withheld ones are derivable (but never to 1–4).
      expect(withheldCells).toBeGreaterThan(50);
      expect(determinedCells).toBeGreaterThan(0);
    },
  );

  it('finds the leak when the parts are suppressed on their own (the brute force can fail)', () => {
    // Per-part suppression: GM0363's 3 withheld, the total of 35 and the others published.
    const cells: Cell[] = [
      { id: 'total', truth: 35, published: 35 },
      { id: 'a', truth: 20, published: 20 },
      { id: 'b', truth: 12, published: 12 },
      { id: 'c', truth: 3, published: null },
    ];
    expect(
      determined(cells, [
        new Map([
          ['total', 1],
          ['a', -1],
          ['b', -1],
          ['c', -1],
        ]),
      ]),
    ).toEqual([{ id: 'c', value: 3 }]);
  });
});
