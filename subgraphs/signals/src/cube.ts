import { enclosingQuarter, quarterKeyOfMonth, type Granularity, type Period } from './periods.ts';

/**
 * Statistical disclosure control for the aggregations (the rule is explained in docs/signals.md).
 *
 * Everything the hub publishes about counts comes from one fixed cube per (scope, period): its cells are the finest
 * combination category × legal domain × target group. A cell is published when it holds at least THRESHOLD
 * signals and withheld otherwise. Every coarser number (a row by category, a region total, a CSV line) is the sum
 * of the published cells it covers, never of the raw data. So any sum or difference of published numbers — within
 * one query or across queries with other groupings — is again a sum of published cells and says nothing about a
 * withheld one.
 *
 * Months and quarters overlap, so they are linked: a month cell is published only when its quarter cell is, and
 * the part of a published quarter cell not covered by published month cells (which anyone can compute) must be 0
 * or at least THRESHOLD; if it is not, the smallest published month cells of that quarter cell are withheld too
 * (complementary suppression) until it is.
 */

export const THRESHOLD = 5;

export const DIMENSIONS = ['CATEGORY', 'LEGAL_DOMAIN', 'TARGET_GROUP'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Raw counts of one finest cell in one month of one scope (a region or gemeente code), straight from SQL. */
export interface RawMonthCell {
  scope: string;
  month: string;
  category: string;
  legalDomain: string | null;
  targetGroup: string | null;
  signals: number;
  clients: number;
}

export interface CellCoordinates {
  category: string;
  legalDomain: string | null;
  targetGroup: string | null;
}

export interface CountedCell extends CellCoordinates {
  signals: number;
  clients: number;
}

/** The published cube of one scope and period: published cells with counts, withheld cells without. */
export interface PublishedCube {
  scope: string;
  period: string;
  published: CountedCell[];
  withheld: CellCoordinates[];
}

export const cellKey = (c: CellCoordinates) => `${c.category}\u0001${c.legalDomain ?? ''}\u0001${c.targetGroup ?? ''}`;
export const cubeKey = (scope: string, period: string) => `${scope}\u0001${period}`;

interface MonthCounts {
  month: string;
  signals: number;
  clients: number;
}

interface QuarterCell {
  coordinates: CellCoordinates;
  signals: number;
  clients: number;
  months: MonthCounts[];
}

/**
 * Publishes the cubes of the requested periods. `raw` must cover every month of every quarter the periods fall in
 * (the month rule needs the whole quarter); other rows are ignored.
 */
export function publishCubes(raw: RawMonthCell[], granularity: Granularity, periods: Period[], threshold = THRESHOLD): Map<string, PublishedCube> {
  const quarters = new Map<string, Map<string, QuarterCell>>();
  for (const r of raw) {
    const qKey = cubeKey(r.scope, quarterKeyOfMonth(r.month));
    let cells = quarters.get(qKey);
    if (!cells) quarters.set(qKey, (cells = new Map()));
    const key = cellKey(r);
    let cell = cells.get(key);
    if (!cell) {
      cell = { coordinates: { category: r.category, legalDomain: r.legalDomain, targetGroup: r.targetGroup }, signals: 0, clients: 0, months: [] };
      cells.set(key, cell);
    }
    cell.signals += r.signals;
    cell.clients += r.clients;
    const month = cell.months.find((m) => m.month === r.month);
    if (month) {
      month.signals += r.signals;
      month.clients += r.clients;
    } else {
      cell.months.push({ month: r.month, signals: r.signals, clients: r.clients });
    }
  }

  const wanted = new Set(periods.map((p) => p.key));
  const quarterOf = new Map(periods.map((p) => [p.key, enclosingQuarter(p).key]));
  const scopes = new Set(raw.map((r) => r.scope));
  const cubes = new Map<string, PublishedCube>();
  const cubeFor = (scope: string, period: string): PublishedCube => {
    const key = cubeKey(scope, period);
    let cube = cubes.get(key);
    if (!cube) cubes.set(key, (cube = { scope, period, published: [], withheld: [] }));
    return cube;
  };

  for (const scope of scopes) {
    for (const period of wanted) {
      const cells = quarters.get(cubeKey(scope, quarterOf.get(period) ?? ''));
      if (!cells) continue;
      for (const cell of cells.values()) {
        if (granularity === 'QUARTER') {
          const cube = cubeFor(scope, period);
          if (cell.signals >= threshold) cube.published.push({ ...cell.coordinates, signals: cell.signals, clients: cell.clients });
          else cube.withheld.push(cell.coordinates);
          continue;
        }
        const month = cell.months.find((m) => m.month === period);
        if (!month || month.signals === 0) continue;
        const cube = cubeFor(scope, period);
        if (publishedMonths(cell, threshold).has(period)) cube.published.push({ ...cell.coordinates, signals: month.signals, clients: month.clients });
        else cube.withheld.push(cell.coordinates);
      }
    }
  }
  return cubes;
}

/**
 * The months of one quarter cell that may be published: each at least the threshold, the quarter cell itself
 * published, and the unpublished remainder of the quarter 0 or at least the threshold.
 */
export function publishedMonths(cell: { signals: number; months: MonthCounts[] }, threshold = THRESHOLD): Set<string> {
  if (cell.signals < threshold) return new Set();
  // Deterministic order: smallest first, then by month, so the same data always gives the same pattern.
  const candidates = cell.months
    .filter((m) => m.signals >= threshold)
    .sort((a, b) => a.signals - b.signals || a.month.localeCompare(b.month));
  let remainder = cell.signals - candidates.reduce((sum, m) => sum + m.signals, 0);
  while (remainder > 0 && remainder < threshold) {
    const smallest = candidates.shift();
    if (!smallest) break;
    remainder += smallest.signals;
  }
  return new Set(candidates.map((m) => m.month));
}

export interface Group extends Partial<CellCoordinates> {
  key: string;
  /** Sum of the published cells in the group; null when every non-empty cell of the group is withheld. */
  signals: number | null;
  clients: number | null;
  /** At least one non-empty cell of the group is withheld, so `signals` is a lower bound. */
  withheld: boolean;
}

const groupKeyOf = (c: CellCoordinates, dims: readonly Dimension[]) =>
  dims.map((d) => (d === 'CATEGORY' ? c.category : d === 'LEGAL_DOMAIN' ? c.legalDomain ?? '' : c.targetGroup ?? '')).join('\u0001');

/** Rows of a grouping, computed from the published cells only; ordered by group key. */
export function groupCube(cube: PublishedCube | undefined, dims: readonly Dimension[]): Group[] {
  const groups = new Map<string, Group>();
  const groupOf = (c: CellCoordinates): Group => {
    const key = groupKeyOf(c, dims);
    let g = groups.get(key);
    if (!g) {
      g = { key, signals: null, clients: null, withheld: false };
      if (dims.includes('CATEGORY')) g.category = c.category;
      if (dims.includes('LEGAL_DOMAIN')) g.legalDomain = c.legalDomain;
      if (dims.includes('TARGET_GROUP')) g.targetGroup = c.targetGroup;
      groups.set(key, g);
    }
    return g;
  };
  for (const c of cube?.published ?? []) {
    const g = groupOf(c);
    g.signals = (g.signals ?? 0) + c.signals;
    g.clients = (g.clients ?? 0) + c.clients;
  }
  for (const c of cube?.withheld ?? []) groupOf(c).withheld = true;
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The whole cube as one group (the scope's total for the period). */
export function totalOf(cube: PublishedCube | undefined): Group {
  return groupCube(cube, [])[0] ?? { key: '', signals: 0, clients: 0, withheld: false };
}
