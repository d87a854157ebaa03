import type { Period } from './periods.ts';

/**
 * Statistical disclosure control for the aggregations (the rule is explained in docs/signals.md).
 *
 * Figures are published per region and closed quarter, all at once, and stored (frozen): the region's quarter cube,
 * its three month cubes and the quarter cubes of its gemeenten. A cube's cells are the finest combination
 * category × legal domain × target group. Every coarser number (a row by category, a total, a CSV line) is the sum
 * of the published cells it covers, never of the raw data, so any sum or difference of published numbers within
 * one cube is again a sum of published cells.
 *
 * A cell is published only when it is safe (`isSafe`): at least THRESHOLD signals that no single organisation can
 * know of. A reader who subtracts what it reported itself, and every gap event (whose referral sender is not
 * recorded, so the sender may know it), is still left with THRESHOLD or more, or with exactly 0 when one
 * organisation reported the whole cell.
 *
 * Cubes that overlap are linked: a month cell or a gemeente cell is published only when the region's quarter cell
 * is, and the part of that quarter cell not covered by the published month cells (or gemeente cells) — which anyone
 * holding both can compute — must be 0 or safe too; if it is not, the smallest published parts are withheld as
 * well (complementary suppression) until it is.
 */

const THRESHOLD = 5;

export const DIMENSIONS = ['CATEGORY', 'LEGAL_DOMAIN', 'TARGET_GROUP'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * One signal of a region, as far as publication needs it. `contributor` is the reporting organisation of a reported
 * signal ('' when unknown), and null for a gap event.
 */
export interface SignalFact {
  gemeente: string | null;
  month: string;
  category: string;
  legalDomain: string | null;
  targetGroup: string | null;
  contributor: string | null;
  clients: number;
  waitDays: number | null;
  serviceId: string | null;
  organizationId: string | null;
}

export interface CellCoordinates {
  category: string;
  legalDomain: string | null;
  targetGroup: string | null;
}

interface CountedCell extends CellCoordinates {
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

export interface RankedCount {
  id: string;
  signals: number;
}

/** Everything published for one region and closed quarter; stored as it is on first publication. */
export interface FrozenQuarter {
  region: string;
  quarter: string;
  /** The region's quarter cube, its month cubes, and the quarter cube of every gemeente of the region with signals. */
  cubes: PublishedCube[];
  /** Median wait per scope and period, only where the signals giving a wait are safe to describe. */
  medians: { scope: string; period: string; median: number }[];
  /** NO_CAPACITY rankings of the region's quarter (not of months or gemeenten: those would subtract from it). */
  services: RankedCount[];
  organizations: RankedCount[];
}

export const cellKey = (c: CellCoordinates) => `${c.category}\u0001${c.legalDomain ?? ''}\u0001${c.targetGroup ?? ''}`;
export const cubeKey = (scope: string, period: string) => `${scope}\u0001${period}`;

/** Signals and clients of a set of signals, with who could know how many of them. */
export class Tally {
  signals = 0;
  clients = 0;
  /** Gap events: the referral's sender is not recorded, so any reader may know any of them. */
  feed = 0;
  readonly byReporter = new Map<string, number>();

  add(contributor: string | null, signals: number, clients: number): this {
    this.signals += signals;
    this.clients += clients;
    if (contributor === null) this.feed += signals;
    else this.byReporter.set(contributor, (this.byReporter.get(contributor) ?? 0) + signals);
    return this;
  }

  plus(other: Tally, sign: 1 | -1 = 1): Tally {
    const t = new Tally();
    t.signals = this.signals + sign * other.signals;
    t.clients = this.clients + sign * other.clients;
    t.feed = this.feed + sign * other.feed;
    for (const [k, n] of this.byReporter) t.byReporter.set(k, n);
    for (const [k, n] of other.byReporter) t.byReporter.set(k, (t.byReporter.get(k) ?? 0) + sign * n);
    return t;
  }

  largestReporter(): number {
    let max = 0;
    for (const n of this.byReporter.values()) if (n > max) max = n;
    return max;
  }
}

/**
 * Safe to publish: at least `threshold` signals, and what stays unknown to any single reader — the signals minus
 * every gap event minus the largest reporter's own — is at least `threshold`, or exactly 0 because one
 * organisation reported them all (that organisation then learns only that nobody else did).
 */
export function isSafe(t: Tally, threshold = THRESHOLD): boolean {
  if (t.signals < threshold) return false;
  const unknownToAnyOne = t.signals - t.feed - t.largestReporter();
  return unknownToAnyOne >= threshold || (t.feed === 0 && unknownToAnyOne === 0);
}

/** A remainder anyone can compute is fine when it is 0 or safe. */
const isSafeRemainder = (t: Tally, threshold: number) => t.signals === 0 || isSafe(t, threshold);

/**
 * The parts of a published whole (months of a quarter cell, gemeenten of a region cell) that may be published:
 * each safe, and the whole minus the published parts 0 or safe. Deterministic: the smallest parts are withheld
 * first, then by key, so the same data always gives the same pattern.
 */
export function publishableParts(whole: Tally, parts: Map<string, Tally>, threshold = THRESHOLD): Set<string> {
  if (!isSafe(whole, threshold)) return new Set();
  const candidates = [...parts].filter(([, t]) => isSafe(t, threshold)).sort(([ka, a], [kb, b]) => a.signals - b.signals || ka.localeCompare(kb));
  let rest = candidates.reduce((r, [, t]) => r.plus(t, -1), whole);
  while (!isSafeRemainder(rest, threshold)) {
    const smallest = candidates.shift();
    if (!smallest) break;
    rest = rest.plus(smallest[1]);
  }
  return new Set(candidates.map(([k]) => k));
}

interface CellFacts {
  coordinates: CellCoordinates;
  quarter: Tally;
  months: Map<string, Tally>;
  gemeenten: Map<string, Tally>;
}

const tallyIn = (map: Map<string, Tally>, key: string) => {
  let t = map.get(key);
  if (!t) {
    t = new Tally();
    map.set(key, t);
  }
  return t;
};

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  // As percentile_cont(0.5): the mean of the two middle values for an even count.
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function rankingOf(facts: SignalFact[], idOf: (f: SignalFact) => string | null, whole: Tally, threshold: number): RankedCount[] {
  const byId = new Map<string, Tally>();
  for (const f of facts) {
    const id = idOf(f);
    if (id) tallyIn(byId, id).add(f.contributor, 1, f.clients);
  }
  const listed = publishableParts(whole, byId, threshold);
  return [...listed].map((id) => ({ id, signals: byId.get(id)?.signals ?? 0 })).sort((a, b) => b.signals - a.signals || a.id.localeCompare(b.id));
}

/** Publishes every figure of one region and closed quarter from its signals (`facts` must be exactly those). */
export function publishQuarter(region: string, quarter: Period, months: readonly string[], facts: SignalFact[], threshold = THRESHOLD): FrozenQuarter {
  const cells = new Map<string, CellFacts>();
  for (const f of facts) {
    const key = cellKey(f);
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        coordinates: { category: f.category, legalDomain: f.legalDomain, targetGroup: f.targetGroup },
        quarter: new Tally(),
        months: new Map(),
        gemeenten: new Map(),
      };
      cells.set(key, cell);
    }
    cell.quarter.add(f.contributor, 1, f.clients);
    tallyIn(cell.months, f.month).add(f.contributor, 1, f.clients);
    if (f.gemeente) tallyIn(cell.gemeenten, f.gemeente).add(f.contributor, 1, f.clients);
  }

  const cubes = new Map<string, PublishedCube>();
  const cubeOf = (scope: string, period: string) => {
    const key = cubeKey(scope, period);
    let cube = cubes.get(key);
    if (!cube) {
      cube = { scope, period, published: [], withheld: [] };
      cubes.set(key, cube);
    }
    return cube;
  };
  const place = (scope: string, period: string, cell: CellFacts, t: Tally, published: boolean) => {
    const cube = cubeOf(scope, period);
    if (published) cube.published.push({ ...cell.coordinates, signals: t.signals, clients: t.clients });
    else cube.withheld.push(cell.coordinates);
  };

  cubeOf(region, quarter.key);
  for (const m of months) cubeOf(region, m);
  const publishedNoCapacity = new Set<string>();
  let noCapacityWhole = new Tally();
  for (const [key, cell] of [...cells].sort(([a], [b]) => a.localeCompare(b))) {
    const published = isSafe(cell.quarter, threshold);
    place(region, quarter.key, cell, cell.quarter, published);
    if (published && cell.coordinates.category === 'NO_CAPACITY') {
      publishedNoCapacity.add(key);
      noCapacityWhole = noCapacityWhole.plus(cell.quarter);
    }
    const monthsShown = publishableParts(cell.quarter, cell.months, threshold);
    for (const [month, t] of cell.months) place(region, month, cell, t, monthsShown.has(month));
    const gemeentenShown = publishableParts(cell.quarter, cell.gemeenten, threshold);
    for (const [gemeente, t] of cell.gemeenten) place(gemeente, quarter.key, cell, t, gemeentenShown.has(gemeente));
  }

  const medians: FrozenQuarter['medians'] = [];
  const waits = new Map<string, { scope: string; period: string; values: number[]; tally: Tally }>();
  const addWait = (scope: string, period: string, f: SignalFact, wait: number) => {
    const key = cubeKey(scope, period);
    let w = waits.get(key);
    if (!w) {
      w = { scope, period, values: [], tally: new Tally() };
      waits.set(key, w);
    }
    w.values.push(wait);
    w.tally.add(f.contributor, 1, f.clients);
  };
  for (const f of facts) {
    if (f.waitDays === null) continue;
    addWait(region, quarter.key, f, f.waitDays);
    addWait(region, f.month, f, f.waitDays);
    if (f.gemeente) addWait(f.gemeente, quarter.key, f, f.waitDays);
  }
  for (const w of [...waits.values()].sort((a, b) => cubeKey(a.scope, a.period).localeCompare(cubeKey(b.scope, b.period)))) {
    if (isSafe(w.tally, threshold)) medians.push({ scope: w.scope, period: w.period, median: medianOf(w.values) });
  }

  // Rankings count only signals in published cells; an entry is listed only when safe, and the published NO_CAPACITY
  // signals not in a listed entry (NO_CAPACITY row minus the list) must be 0 or safe as well.
  const ranked = facts.filter((f) => f.category === 'NO_CAPACITY' && publishedNoCapacity.has(cellKey(f)));
  return {
    region,
    quarter: quarter.key,
    cubes: [...cubes.values()].sort((a, b) => cubeKey(a.scope, a.period).localeCompare(cubeKey(b.scope, b.period))),
    medians,
    services: rankingOf(ranked, (f) => f.serviceId, noCapacityWhole, threshold),
    organizations: rankingOf(ranked, (f) => f.organizationId, noCapacityWhole, threshold),
  };
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
  dims.map((d) => (d === 'CATEGORY' ? c.category : d === 'LEGAL_DOMAIN' ? (c.legalDomain ?? '') : (c.targetGroup ?? ''))).join('\u0001');

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
