import { amsterdamDate } from '@hub/domain';
import type { ReportPeriod } from '@hub/service-kit';
import { LinkedSeries, linkParts } from './linked-series.ts';
import { type ReportCount, SUPPRESSION_THRESHOLD } from './report.ts';
import type { TrajectoryWithGemeenteRow } from './db/queries.ts';

/**
 * The demand side of the combined view of a gemeente or zorgkantoorregio (SupportOverview; docs/support-overview.md),
 * suppressed with the report's linked rule (LinkedSeries of linked-series.ts) and two more:
 *
 * - Area: a region's figure is a whole of which its gemeenten's figures are parts. Each gemeente is decided on its own
 *   data only (so it is the same whether the gemeente or its region is asked for); the region's figure is published
 *   only when it, and the part of it shown neither by its published gemeenten nor by its published sub-periods, is 0
 *   or at least 5. So the region minus its published gemeenten (in any period mix) never singles out 1–4 units.
 * - Dominance: a figure (and its unshown remainder) is withheld when all but 1–4 of its units come from one
 *   organisation: a reader who is that organisation would otherwise learn the few of the others.
 */

type Decision = ReturnType<LinkedSeries['decide']>;

const isSafe = (n: number, threshold: number) => n === 0 || n >= threshold;

/** Units of a figure in a period, each with the organisations it comes from. */
export type OwnedUnits = ReadonlyMap<string, ReadonlySet<string>>;

/** Whether some organisation holds all but 1–4 of `units` (only units of other organisations are hidden from it). */
export function dominated(units: Iterable<string>, owners: OwnedUnits, threshold = SUPPRESSION_THRESHOLD): boolean {
  const list = [...units];
  const orgs = new Set<string>();
  for (const u of list) for (const o of owners.get(u) ?? []) orgs.add(o);
  for (const org of orgs) {
    let others = 0;
    for (const u of list) if (!owners.get(u)?.has(org)) others++;
    if (!isSafe(others, threshold)) return true;
  }
  return false;
}

/**
 * A LinkedSeries over the period grid and over an area: its sub-areas (the gemeenten of a region, decided first) cover
 * units of the same period just as its sub-periods do, and the dominance rule applies to the figure and its remainder.
 */
export class AreaSeries extends LinkedSeries {
  constructor(
    private readonly ownedUnitsOf: (p: ReportPeriod) => OwnedUnits,
    private readonly subAreas: readonly AreaSeries[] = [],
    threshold = SUPPRESSION_THRESHOLD,
  ) {
    super((p) => new Set(ownedUnitsOf(p).keys()), threshold);
  }

  override overTime(p: ReportPeriod): Decision {
    const overGrid = super.overTime(p);
    const covered = new Set(overGrid.covered);
    for (const sub of this.subAreas) {
      const d = sub.decide(p);
      for (const u of d.published ? d.units : d.covered) covered.add(u);
    }
    const owners = this.ownedUnitsOf(p);
    const remainder = [...overGrid.units].filter((u) => !covered.has(u));
    const published =
      isSafe(overGrid.units.size, this.threshold) &&
      isSafe(remainder.length, this.threshold) &&
      !dominated(overGrid.units, owners, this.threshold) &&
      !dominated(remainder, owners, this.threshold);
    return { units: overGrid.units, covered, published };
  }
}

interface BreakdownItem {
  key: string;
  count: ReportCount;
  previous: ReportCount;
}

export interface SupportOverviewDemandData {
  trajectoriesOpened: ReportCount;
  trajectoriesOpenedPrevious: ReportCount;
  peopleSupported: ReportCount;
  peopleSupportedPrevious: ReportCount;
  byLegalDomain: BreakdownItem[];
  wijsplichtPointed: ReportCount;
  wijsplichtAccepted: ReportCount;
}

const memo = <T>(compute: (p: ReportPeriod) => T) => {
  const cache = new Map<string, T>();
  return (p: ReportPeriod): T => {
    const known = cache.get(p.key);
    if (known !== undefined) return known;
    const value = compute(p);
    cache.set(p.key, value);
    return value;
  };
};

const owned = <T>(rows: readonly T[], unit: (t: T) => string, org: (t: T) => string): OwnedUnits => {
  const map = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = map.get(unit(r)) ?? new Set<string>();
    set.add(org(r));
    map.set(unit(r), set);
  }
  return map;
};

/** The series of one area (a gemeente, or a region over the series of its gemeenten). */
interface AreaFigures {
  opened: AreaSeries;
  people: AreaSeries;
  pointed: AreaSeries;
  accepted: AreaSeries;
  legalDomains: Map<string, AreaSeries>;
}

function figuresOf(rows: readonly TrajectoryWithGemeenteRow[], legalDomainKeys: readonly string[], subAreas: readonly AreaFigures[]): AreaFigures {
  const openIn = memo((p) => rows.filter((t) => t.openedAt.getTime() < p.to.getTime() && (!t.closedAt || t.closedAt.getTime() >= p.from.getTime())));
  const openedIn = memo((p) => rows.filter((t) => t.openedAt.getTime() >= p.from.getTime() && t.openedAt.getTime() < p.to.getTime()));
  const pointedIn = memo((p) => {
    const from = amsterdamDate(p.from);
    const to = amsterdamDate(p.to);
    return rows.filter((t) => t.wijsplicht && t.wijsplicht.pointedOn >= from && t.wijsplicht.pointedOn < to);
  });
  const byTrajectory = (list: readonly TrajectoryWithGemeenteRow[]) =>
    owned(
      list,
      (t) => t.id,
      (t) => t.organizationId,
    );
  const byClient = (list: readonly TrajectoryWithGemeenteRow[]) =>
    owned(
      list,
      (t) => t.clientId,
      (t) => t.organizationId,
    );
  const peopleOf = memo((p) => byClient(openIn(p)));
  const opened = new AreaSeries(
    (p) => byTrajectory(openedIn(p)),
    subAreas.map((s) => s.opened),
  );
  const people = new AreaSeries(
    peopleOf,
    subAreas.map((s) => s.people),
  );
  const pointed = new AreaSeries(
    (p) => byTrajectory(pointedIn(p)),
    subAreas.map((s) => s.pointed),
  );
  const accepted = new AreaSeries(
    (p) => byTrajectory(pointedIn(p).filter((t) => t.wijsplicht?.outcome === 'ACCEPTED')),
    subAreas.map((s) => s.accepted),
  );
  linkParts((p) => new Set(pointedIn(p).map((t) => t.id)), [accepted]);
  const legalDomains = new Map(
    legalDomainKeys.map((key) => [
      key,
      new AreaSeries(
        (p) => byClient(openIn(p).filter((t) => t.legalDomain === key)),
        subAreas.flatMap((s) => s.legalDomains.get(key) ?? []),
      ),
    ]),
  );
  linkParts((p) => new Set(peopleOf(p).keys()), [...legalDomains.values()]);
  return { opened, people, pointed, accepted, legalDomains };
}

/**
 * The demand of an area over `period` and `previousPeriod`. `rows` must hold every trajectory whose client lives in
 * one of `gemeenten` and that was open at some moment from the start of `previousPeriod` to the end of `period`;
 * `asRegion` decides the figures as a region over those gemeenten (each gemeente decided on its own rows first).
 */
export function buildSupportOverviewDemand(
  period: ReportPeriod,
  previousPeriod: ReportPeriod,
  gemeenten: readonly string[],
  rows: readonly TrajectoryWithGemeenteRow[],
  asRegion: boolean,
): SupportOverviewDemandData {
  // Every legal domain in the rows, so a period's decision never depends on which period was asked for.
  const legalDomainKeys = [...new Set(rows.map((t) => t.legalDomain))].sort();
  const inArea = new Set(gemeenten);
  const areaRows = rows.filter((t) => t.gemeenteCode !== null && inArea.has(t.gemeenteCode));
  const subAreas = asRegion
    ? gemeenten.map((g) =>
        figuresOf(
          areaRows.filter((t) => t.gemeenteCode === g),
          legalDomainKeys,
          [],
        ),
      )
    : [];
  const f = figuresOf(areaRows, legalDomainKeys, subAreas);
  const openIn = (p: ReportPeriod) =>
    areaRows.filter((t) => t.openedAt.getTime() < p.to.getTime() && (!t.closedAt || t.closedAt.getTime() >= p.from.getTime()));
  const listed = new Set([...openIn(period), ...openIn(previousPeriod)].map((t) => t.legalDomain));
  return {
    trajectoriesOpened: f.opened.count(period),
    trajectoriesOpenedPrevious: f.opened.count(previousPeriod),
    peopleSupported: f.people.count(period),
    peopleSupportedPrevious: f.people.count(previousPeriod),
    byLegalDomain: legalDomainKeys
      .filter((key) => listed.has(key))
      .flatMap((key) => {
        const s = f.legalDomains.get(key);
        return s ? [{ key, count: s.count(period), previous: s.count(previousPeriod) }] : [];
      }),
    wijsplichtPointed: f.pointed.count(period),
    wijsplichtAccepted: f.accepted.count(period),
  };
}
