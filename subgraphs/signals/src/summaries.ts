import type { Db } from '@hub/db';
import {
  cubeKey,
  groupCube,
  publishQuarter,
  totalOf,
  type Dimension,
  type FrozenQuarter,
  type Group,
  type PublishedCube,
  type RankedCount,
  type SignalFact,
} from './cube.ts';
import { findFrozenQuarters, findSignalFacts, insertFrozenQuarters, type ScopeKind } from './db/queries.ts';
import { enclosingQuarter, makePeriod, periodsBetween, quarterKeyOfMonth, shiftPeriod, type Granularity, type Period } from './periods.ts';
/** One aggregation request: the scopes are batched per spec, so every region of a query shares its statements. */
export interface SummarySpec {
  kind: ScopeKind;
  granularity: Granularity;
  from: Period;
  to: Period;
  groupBy: Dimension[];
}

export const specKey = (s: SummarySpec) => JSON.stringify([s.kind, s.granularity, s.from.key, s.to.key, [...s.groupBy].sort()]);

interface SummaryRow extends Group {
  previousSignals: number | null;
  previousWithheld: boolean;
  change: number | null;
}

export interface Summary {
  kind: ScopeKind;
  scope: string;
  period: Period;
  granularity: Granularity;
  groupBy: Dimension[];
  total: SummaryRow;
  cells: SummaryRow[];
  cube: PublishedCube | undefined;
  medianWaitDays: number | null;
  services: RankedCount[];
  organizations: RankedCount[];
}

function withTrend(current: Group[], previous: Group[]): SummaryRow[] {
  const before = new Map(previous.map((g) => [g.key, g]));
  const rows: SummaryRow[] = current.map((g) => {
    const p = before.get(g.key);
    before.delete(g.key);
    return trendRow(g, p);
  });
  // A group with signals last period and none now: its current count is exactly 0, nothing is hidden.
  for (const p of before.values()) rows.push(trendRow({ ...p, signals: 0, clients: 0, withheld: false }, p));
  return rows.sort((a, b) => a.key.localeCompare(b.key));
}

function trendRow(g: Group, p: Group | undefined): SummaryRow {
  const previousSignals = p ? p.signals : 0;
  return {
    ...g,
    previousSignals,
    previousWithheld: p?.withheld ?? false,
    change: g.signals !== null && previousSignals !== null ? g.signals - previousSignals : null,
  };
}

/** The three month keys of a quarter. */
const monthsOf = (quarter: Period) =>
  periodsBetween(makePeriod('MONTH', quarter.year, quarter.index * 3 - 2), makePeriod('MONTH', quarter.year, quarter.index * 3)).map((m) => m.key);

/**
 * The publications of the given regions and (closed) quarters. A quarter published before is read as it was stored;
 * one asked for the first time is published from the signals now and stored, so it never changes afterwards. At most
 * four statements whatever the number of regions or quarters: read, signals, store, and — only when a concurrent
 * request stored some first — read those again, so everybody sees the same figures.
 */
async function publishedQuarters(db: Db, regions: readonly string[], quarters: readonly Period[]): Promise<FrozenQuarter[]> {
  if (regions.length === 0 || quarters.length === 0) return [];
  const stored = await findFrozenQuarters(db, { regions, quarters: quarters.map((q) => q.key) });
  const have = new Set(stored.map((d) => cubeKey(d.region, d.quarter)));
  const missing = regions.flatMap((region) => quarters.filter((q) => !have.has(cubeKey(region, q.key))).map((quarter) => ({ region, quarter })));
  if (missing.length === 0) return stored;

  const from = missing.reduce((min, u) => (u.quarter.startsOn < min ? u.quarter.startsOn : min), '9999-12-31');
  const before = missing.reduce((max, u) => (u.quarter.endsBefore > max ? u.quarter.endsBefore : max), '0000-01-01');
  const facts = await findSignalFacts(db, { regions: [...new Set(missing.map((u) => u.region))], from, before });
  const byUnit = new Map<string, SignalFact[]>();
  for (const { region, ...fact } of facts) {
    const key = cubeKey(region, quarterKeyOfMonth(fact.month));
    const list = byUnit.get(key);
    if (list) list.push(fact);
    else byUnit.set(key, [fact]);
  }
  // Stored in key order, so two requests publishing overlapping sets lock the rows in the same order (no deadlock).
  const docs = missing
    .map((u) => publishQuarter(u.region, u.quarter, monthsOf(u.quarter), byUnit.get(cubeKey(u.region, u.quarter.key)) ?? []))
    .sort((a, b) => cubeKey(a.region, a.quarter).localeCompare(cubeKey(b.region, b.quarter)));
  const inserted = new Set((await insertFrozenQuarters(db, docs)).map((r) => cubeKey(r.region, r.quarter)));
  const ours = docs.filter((d) => inserted.has(cubeKey(d.region, d.quarter)));
  const lost = docs.filter((d) => !inserted.has(cubeKey(d.region, d.quarter)));
  if (lost.length === 0) return [...stored, ...ours];
  const lostKeys = new Set(lost.map((d) => cubeKey(d.region, d.quarter)));
  const theirs = (
    await findFrozenQuarters(db, { regions: [...new Set(lost.map((d) => d.region))], quarters: [...new Set(lost.map((d) => d.quarter))] })
  ).filter((d) => lostKeys.has(cubeKey(d.region, d.quarter)));
  return [...stored, ...ours, ...theirs];
}

/**
 * Computes the summaries of every scope for one spec from the publications of the regions involved (a gemeente's
 * figures are published with its region's). `regionOf` maps each scope to its region.
 */
export async function computeSummaries(
  db: Db,
  spec: SummarySpec,
  scopes: readonly string[],
  regionOf: ReadonlyMap<string, string>,
): Promise<Map<string, Summary[]>> {
  const previous = shiftPeriod(spec.from, -1);
  const quarters = [
    ...new Map(
      periodsBetween(previous, spec.to)
        .map((p) => enclosingQuarter(p))
        .map((q) => [q.key, q]),
    ).values(),
  ];
  const regions = [...new Set(scopes.map((s) => regionOf.get(s)).filter((r): r is string => r !== undefined))];
  const docs = await publishedQuarters(db, regions, quarters);

  const cubes = new Map<string, PublishedCube>();
  const medians = new Map<string, number>();
  const rankings = new Map<string, Pick<FrozenQuarter, 'services' | 'organizations'>>();
  for (const doc of docs) {
    for (const cube of doc.cubes) cubes.set(cubeKey(cube.scope, cube.period), cube);
    for (const m of doc.medians) medians.set(cubeKey(m.scope, m.period), m.median);
    rankings.set(cubeKey(doc.region, doc.quarter), doc);
  }

  const result = new Map<string, Summary[]>();
  for (const scope of scopes) {
    const list: Summary[] = [];
    for (const period of periodsBetween(spec.from, spec.to)) {
      const key = cubeKey(scope, period.key);
      const cube = cubes.get(key);
      const before = cubes.get(cubeKey(scope, shiftPeriod(period, -1).key));
      const total = withTrend([totalOf(cube)], [totalOf(before)])[0] ?? trendRow(totalOf(cube), totalOf(before));
      // Rankings exist for a region's quarter only: a month's or a gemeente's could be subtracted from it.
      const ranking = spec.kind === 'REGION' && spec.granularity === 'QUARTER' ? rankings.get(key) : undefined;
      list.push({
        kind: spec.kind,
        scope,
        period,
        granularity: spec.granularity,
        groupBy: spec.groupBy,
        total,
        cells: spec.groupBy.length === 0 ? [] : withTrend(groupCube(cube, spec.groupBy), groupCube(before, spec.groupBy)),
        cube,
        medianWaitDays: medians.get(key) ?? null,
        services: ranking?.services ?? [],
        organizations: ranking?.organizations ?? [],
      });
    }
    result.set(scope, list);
  }
  return result;
}

export function topNoCapacity(summary: Summary, what: 'services' | 'organizations', limit: number): RankedCount[] {
  return summary[what].slice(0, limit);
}

const csvField = (v: string | number | boolean | null | undefined) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV of the published rows (or the totals when not grouped): the same numbers the GraphQL fields show. */
export function summariesToCsv(summaries: Summary[]): string {
  const header = ['scope', 'period', 'category', 'legal_domain', 'target_group', 'signals', 'clients', 'withheld', 'previous_signals', 'change'];
  const lines = [header.join(',')];
  for (const s of summaries) {
    for (const row of s.groupBy.length === 0 ? [s.total] : s.cells) {
      lines.push(
        [s.scope, s.period.key, row.category, row.legalDomain, row.targetGroup, row.signals, row.clients, row.withheld, row.previousSignals, row.change]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
