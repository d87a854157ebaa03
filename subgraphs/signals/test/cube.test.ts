import { describe, expect, it } from 'vitest';
import { groupCube, publishCubes, publishedMonths, totalOf, type Dimension, type Group, type RawMonthCell } from '../src/cube.ts';
import { makePeriod, type Period } from '../src/periods.ts';
import { seededRandom } from '@hub/domain';

const Q3 = makePeriod('QUARTER', 2025, 3);
const MONTHS = [7, 8, 9].map((m) => makePeriod('MONTH', 2025, m));

const CATEGORIES = ['NO_CAPACITY', 'WAITING_TIME', 'NO_FITTING_OFFER', 'OTHER'];
const LEGAL = ['WLZ', 'WMO_MAATWERKVOORZIENING', null];
const TARGET = ['OUDEREN', 'VERSTANDELIJKE_BEPERKING', null];

/** Random sparse data: many small cells and some large ones, the case suppression is for. */
function randomData(seed: number, scope = 'ZK22'): RawMonthCell[] {
  const rand = seededRandom(seed);
  const rows: RawMonthCell[] = [];
  for (const month of ['2025-07', '2025-08', '2025-09'])
    for (const category of CATEGORIES)
      for (const legalDomain of LEGAL)
        for (const targetGroup of TARGET) {
          const r = rand();
          const signals = r < 0.35 ? 0 : r < 0.75 ? 1 + Math.floor(rand() * 4) : 5 + Math.floor(rand() * 12);
          if (signals > 0) rows.push({ scope, month, category, legalDomain, targetGroup, signals, clients: signals + Math.floor(rand() * 3) });
        }
  return rows;
}

/** Raw truth of a group, for the adversary's check. */
function rawOf(rows: RawMonthCell[], months: string[], match: Partial<Group>, dims: readonly Dimension[]): number {
  return rows
    .filter(
      (r) =>
        months.includes(r.month) &&
        (!dims.includes('CATEGORY') || r.category === match.category) &&
        (!dims.includes('LEGAL_DOMAIN') || r.legalDomain === match.legalDomain) &&
        (!dims.includes('TARGET_GROUP') || r.targetGroup === match.targetGroup),
    )
    .reduce((s, r) => s + r.signals, 0);
}

const GROUPINGS: Dimension[][] = [
  [],
  ['CATEGORY'],
  ['LEGAL_DOMAIN'],
  ['TARGET_GROUP'],
  ['CATEGORY', 'LEGAL_DOMAIN'],
  ['CATEGORY', 'TARGET_GROUP'],
  ['LEGAL_DOMAIN', 'TARGET_GROUP'],
  ['CATEGORY', 'LEGAL_DOMAIN', 'TARGET_GROUP'],
];

/** Pairs (coarse, fine) where every fine row lies inside one coarse row: the adversary subtracts along them. */
const NESTED: [Dimension[], Dimension[]][] = GROUPINGS.flatMap((coarse) =>
  GROUPINGS.filter((fine) => fine.length > coarse.length && coarse.every((d) => fine.includes(d))).map((fine) => [coarse, fine] as [Dimension[], Dimension[]]),
);

const inside = (fine: Group, coarse: Group, dims: readonly Dimension[]) =>
  dims.every((d) =>
    d === 'CATEGORY' ? fine.category === coarse.category : d === 'LEGAL_DOMAIN' ? fine.legalDomain === coarse.legalDomain : fine.targetGroup === coarse.targetGroup,
  );

interface Recovery {
  truth: number;
  guess: number;
}

/**
 * The adversary: for a visible coarse row (e.g. a region total, or one category), subtract the visible fine rows
 * inside it (from the same query or another one); when exactly one fine row inside is hidden, the difference is
 * its value. Returns every hidden row it "recovers", with the truth.
 */
function subtractionAttack(
  publish: (dims: Dimension[]) => Group[],
  truthOf: (g: Group, dims: Dimension[]) => number,
): Recovery[] {
  const recovered: Recovery[] = [];
  for (const [coarseDims, fineDims] of NESTED) {
    const fine = publish(fineDims);
    for (const parent of publish(coarseDims)) {
      if (parent.signals === null) continue;
      const children = fine.filter((f) => inside(f, parent, coarseDims));
      const hidden = children.filter((c) => c.signals === null);
      const visibleSum = children.reduce((s, c) => s + (c.signals ?? 0), 0);
      if (hidden.length === 1 && hidden[0]) {
        const truth = truthOf(hidden[0], fineDims);
        recovered.push({ truth, guess: parent.signals - visibleSum });
      }
    }
  }
  return recovered;
}

/** A naive publisher, for contrast: raw marginals per grouping, each cell under 5 blanked on its own. */
function naivePublish(rows: RawMonthCell[], months: string[], dims: Dimension[]): Group[] {
  const all = publishCubes(rows, 'QUARTER', [Q3], 1).get(`ZK22\u0001${Q3.key}`);
  void months;
  return groupCube(all, dims).map((g) => (g.signals !== null && g.signals < 5 ? { ...g, signals: null, withheld: true } : g));
}

describe('suppression: the published cube', () => {
  it('publishes totals equal to the raw counts when no cell is small', () => {
    const rows: RawMonthCell[] = [
      { scope: 'ZK22', month: '2025-07', category: 'NO_CAPACITY', legalDomain: 'WLZ', targetGroup: 'OUDEREN', signals: 6, clients: 9 },
      { scope: 'ZK22', month: '2025-08', category: 'NO_CAPACITY', legalDomain: 'WLZ', targetGroup: 'OUDEREN', signals: 5, clients: 5 },
      { scope: 'ZK22', month: '2025-08', category: 'WAITING_TIME', legalDomain: null, targetGroup: 'OUDEREN', signals: 7, clients: 7 },
    ];
    const cube = publishCubes(rows, 'QUARTER', [Q3]).get(`ZK22\u0001${Q3.key}`);
    expect(totalOf(cube)).toMatchObject({ signals: 18, clients: 21, withheld: false });
    expect(groupCube(cube, ['CATEGORY']).map((g) => [g.category, g.signals])).toEqual([
      ['NO_CAPACITY', 11],
      ['WAITING_TIME', 7],
    ]);
  });

  it('withholds cells under 5 and leaves them out of every total', () => {
    const rows: RawMonthCell[] = [
      { scope: 'ZK22', month: '2025-07', category: 'NO_CAPACITY', legalDomain: 'WLZ', targetGroup: 'OUDEREN', signals: 9, clients: 9 },
      { scope: 'ZK22', month: '2025-07', category: 'NO_CAPACITY', legalDomain: 'WLZ', targetGroup: 'VERSTANDELIJKE_BEPERKING', signals: 2, clients: 2 },
      { scope: 'ZK22', month: '2025-07', category: 'QUALITY', legalDomain: 'WLZ', targetGroup: 'OUDEREN', signals: 4, clients: 4 },
    ];
    const cube = publishCubes(rows, 'QUARTER', [Q3]).get(`ZK22\u0001${Q3.key}`);
    expect(totalOf(cube)).toMatchObject({ signals: 9, withheld: true });
    const byCategory = groupCube(cube, ['CATEGORY']);
    expect(byCategory).toEqual([
      expect.objectContaining({ category: 'NO_CAPACITY', signals: 9, withheld: true }),
      expect.objectContaining({ category: 'QUALITY', signals: null, withheld: true }),
    ]);
  });

  it('the naive publisher falls to the subtraction attack (so the adversary below can fail)', () => {
    let broken = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const rows = randomData(seed);
      const months = ['2025-07', '2025-08', '2025-09'];
      const recovered = subtractionAttack(
        (dims) => naivePublish(rows, months, dims),
        (g, dims) => rawOf(rows, months, g, dims),
      );
      broken += recovered.filter((r) => r.truth > 0 && r.truth < 5 && r.guess === r.truth).length;
    }
    expect(broken).toBeGreaterThan(0);
  });

  it('resists the subtraction attack within one query and across two overlapping queries (200 random regions)', () => {
    let attempts = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rows = randomData(seed);
      const months = ['2025-07', '2025-08', '2025-09'];
      const cube = publishCubes(rows, 'QUARTER', [Q3]).get(`ZK22\u0001${Q3.key}`);
      const recovered = subtractionAttack(
        (dims) => groupCube(cube, dims),
        (g, dims) => rawOf(rows, months, g, dims),
      );
      attempts += recovered.length;
      for (const r of recovered) {
        // Every published number is a sum of published cells, so the difference is always exactly 0:
        // the adversary learns nothing about the hidden row, whose true value (1–4, or more) stays unknown.
        expect(r.guess).toBe(0);
        expect(r.truth).toBeGreaterThan(0);
      }
    }
    expect(attempts).toBeGreaterThan(100);
  });

  it('links months to quarters: the part of a quarter not covered by published months is 0 or at least 5', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rows = randomData(seed);
      const quarter = publishCubes(rows, 'QUARTER', [Q3]).get(`ZK22\u0001${Q3.key}`);
      const months = publishCubes(rows, 'MONTH', MONTHS);
      for (const dims of GROUPINGS) {
        for (const q of groupCube(quarter, dims)) {
          if (q.signals === null) continue;
          const covered = MONTHS.flatMap((m: Period) => groupCube(months.get(`ZK22\u0001${m.key}`), dims))
            .filter((g) => g.signals !== null && inside(g, q, dims))
            .reduce((s, g) => s + (g.signals ?? 0), 0);
          const remainder = q.signals - covered;
          expect(remainder === 0 || remainder >= 5, `remainder ${remainder} for ${q.key} by ${dims.join('×')}`).toBe(true);
        }
      }
    }
  });

  it('withholds a month complementarily when the rest of its quarter would be small', () => {
    // Quarter 5 + 5 + 2 = 12: publishing both 5s would reveal the 2; one 5 goes too (remainder 7).
    expect([...publishedMonths({ signals: 12, months: [{ month: '2025-07', signals: 5, clients: 5 }, { month: '2025-08', signals: 5, clients: 5 }, { month: '2025-09', signals: 2, clients: 2 }] })]).toEqual([
      '2025-08',
    ]);
    // 6 + 0 + 0: the month is the whole quarter, nothing to protect.
    expect([...publishedMonths({ signals: 6, months: [{ month: '2025-07', signals: 6, clients: 6 }] })]).toEqual(['2025-07']);
    // A quarter under 5 publishes no month.
    expect(publishedMonths({ signals: 4, months: [{ month: '2025-07', signals: 4, clients: 4 }] }).size).toBe(0);
  });
});
