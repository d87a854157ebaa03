import type { Db } from '@hub/db';
import { cubeKey, groupCube, publishCubes, totalOf, THRESHOLD, type Dimension, type Group, type PublishedCube } from './cube.ts';
import { findMedianWaitDays, findNoCapacityCounts, findRawMonthCells, type ScopeKind } from './db/queries.ts';
import { enclosingQuarter, periodsBetween, quarterKeyOfMonth, shiftPeriod, type Granularity, type Period } from './periods.ts';

/** One aggregation request: the scopes are batched per spec, so every region of a query shares its statements. */
export interface SummarySpec {
  kind: ScopeKind;
  granularity: Granularity;
  from: Period;
  to: Period;
  groupBy: Dimension[];
}

export const specKey = (s: SummarySpec) => JSON.stringify([s.kind, s.granularity, s.from.key, s.to.key, [...s.groupBy].sort()]);

export interface SummaryRow extends Group {
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
  batch: SummaryBatch;
  cube: PublishedCube | undefined;
}

export interface RankedCount {
  id: string;
  signals: number;
}

/**
 * The statements of one spec over all its scopes, each run at most once and only when a field needs it:
 * counts (always), median wait, NO_CAPACITY rankings. Three statements at most, whatever the number of regions
 * or periods.
 */
export interface SummaryBatch {
  medians(): Promise<Map<string, { median: number; n: number }>>;
  noCapacity(): Promise<Map<string, { services: RankedCount[]; organizations: RankedCount[] }>>;
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

function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= fn());
}

function rank(counts: Map<string, number>): RankedCount[] {
  return [...counts]
    .filter(([, n]) => n >= THRESHOLD)
    .map(([id, signals]) => ({ id, signals }))
    .sort((a, b) => b.signals - a.signals || a.id.localeCompare(b.id));
}

/** Computes the summaries of every scope for one spec: one counting statement, in-memory publication. */
export async function computeSummaries(db: Db, spec: SummarySpec, scopes: readonly string[]): Promise<Map<string, Summary[]>> {
  const previous = shiftPeriod(spec.from, -1);
  const periods = periodsBetween(previous, spec.to);
  // The month rule needs whole quarters, so the range is widened to quarter bounds.
  const range = { from: enclosingQuarter(previous).startsOn, before: enclosingQuarter(spec.to).endsBefore };
  const params = { kind: spec.kind, scopes, ...range };
  const raw = await findRawMonthCells(db, params);
  const cubes = publishCubes(raw, spec.granularity, periods);

  const batch: SummaryBatch = {
    medians: memo(async () => {
      const rows = await findMedianWaitDays(db, { ...params, granularity: spec.granularity });
      return new Map(rows.map((r) => [cubeKey(r.scope, r.period), { median: r.median, n: r.n }]));
    }),
    noCapacity: memo(async () => {
      const rows = await findNoCapacityCounts(db, params);
      const perCube = new Map<string, { services: Map<string, number>; organizations: Map<string, number> }>();
      const publishedKeys = new Map<string, Set<string>>();
      for (const [key, cube] of cubes) {
        publishedKeys.set(key, new Set(cube.published.filter((c) => c.category === 'NO_CAPACITY').map((c) => `${c.legalDomain ?? ''}\u0001${c.targetGroup ?? ''}`)));
      }
      for (const r of rows) {
        const period = spec.granularity === 'MONTH' ? r.month : quarterKeyOfMonth(r.month);
        const key = cubeKey(r.scope, period);
        // Only signals in published cells count, so a ranking never says anything about a withheld cell.
        if (!publishedKeys.get(key)?.has(`${r.legalDomain ?? ''}\u0001${r.targetGroup ?? ''}`)) continue;
        let entry = perCube.get(key);
        if (!entry) perCube.set(key, (entry = { services: new Map(), organizations: new Map() }));
        if (r.serviceId) entry.services.set(r.serviceId, (entry.services.get(r.serviceId) ?? 0) + r.signals);
        if (r.organizationId) entry.organizations.set(r.organizationId, (entry.organizations.get(r.organizationId) ?? 0) + r.signals);
      }
      return new Map([...perCube].map(([key, e]) => [key, { services: rank(e.services), organizations: rank(e.organizations) }]));
    }),
  };

  const result = new Map<string, Summary[]>();
  for (const scope of scopes) {
    const list: Summary[] = [];
    for (const period of periodsBetween(spec.from, spec.to)) {
      const cube = cubes.get(cubeKey(scope, period.key));
      const before = cubes.get(cubeKey(scope, shiftPeriod(period, -1).key));
      const [total] = withTrend([totalOf(cube)], [totalOf(before)]);
      list.push({
        kind: spec.kind,
        scope,
        period,
        granularity: spec.granularity,
        groupBy: spec.groupBy,
        total: total ?? trendRow(totalOf(cube), totalOf(before)),
        cells: spec.groupBy.length === 0 ? [] : withTrend(groupCube(cube, spec.groupBy), groupCube(before, spec.groupBy)),
        batch,
        cube,
      });
    }
    result.set(scope, list);
  }
  return result;
}

export async function medianWaitDaysOf(summary: Summary): Promise<number | null> {
  const m = (await summary.batch.medians()).get(cubeKey(summary.scope, summary.period.key));
  return m && m.n >= THRESHOLD ? m.median : null;
}

export async function topNoCapacity(summary: Summary, what: 'services' | 'organizations', limit: number): Promise<RankedCount[]> {
  const entry = (await summary.batch.noCapacity()).get(cubeKey(summary.scope, summary.period.key));
  return (entry?.[what] ?? []).slice(0, limit);
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
