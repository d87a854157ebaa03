import { amsterdamDate } from '@hub/domain';
import type { TrajectoryRow } from './db/queries.ts';
import { childPeriods, type ReportPeriod } from '@hub/service-kit';

/**
 * Statistical disclosure control for the support report (the rule and its limits are explained in docs/cases.md).
 *
 * Every figure is a "series" over the period grid: for each period the set of units it counts (clients for the
 * people counts, trajectories for the closures and their outcomes). A figure is published when it is 0 or at least
 * THRESHOLD, and the part of it not covered by published figures of its sub-periods (months in a quarter, quarters
 * and months in a half year, ...) is 0 or at least THRESHOLD too; otherwise it is withheld. So a quarter minus its
 * published months, a year minus its published quarters and months, or any mix of them, never isolates fewer than
 * THRESHOLD units. The rule runs bottom-up: a sub-period is decided before the period holding it and never revisited,
 * so a figure published once stays published when the enclosing period ends later (a published month is never
 * withheld afterwards to protect its quarter: the quarter is withheld instead).
 *
 * Within one period, the keys of a breakdown are parts of the people supported, and "own network used" and "not used"
 * are parts of the trajectories closed: the whole minus its published parts is 0 or at least THRESHOLD too, withholding
 * the smallest parts as well when needed (PartsOfWhole).
 *
 * Averages are shown only when the count of units they average over is published and at least THRESHOLD: the
 * differencing that a published count allows then only ever yields a sum over THRESHOLD or more units.
 */
export const SUPPRESSION_THRESHOLD = 5;

/** What a withheld figure shows; the same for every reason, so the marker itself says nothing about the value. */
const WITHHELD = 'withheld';

export interface ReportCount {
  value: number | null;
  suppressed: boolean;
  display: string;
}

interface ReportAverage {
  value: number | null;
  suppressed: boolean;
  display: string;
}

interface BreakdownItem {
  key: string;
  count: ReportCount;
  previous: ReportCount;
}

interface SelfRelianceItem {
  lifeDomain: string;
  trajectories: ReportCount;
  averageStart: ReportAverage;
  averageEnd: ReportAverage;
  averageChange: ReportAverage;
}

export interface SupportReportData {
  organizationId: string;
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  peopleSupported: ReportCount;
  peopleSupportedPrevious: ReportCount;
  peopleSupportedChange: number | null;
  trajectoriesClosed: ReportCount;
  byTargetGroup: BreakdownItem[];
  bySupportForm: BreakdownItem[];
  byLegalDomain: BreakdownItem[];
  byLifeDomain: BreakdownItem[];
  selfReliance: SelfRelianceItem[];
  ownNetworkUsed: ReportCount;
  ownNetworkNotUsed: ReportCount;
  satisfactionResponses: ReportCount;
  averageSatisfaction: ReportAverage;
  wijsplichtPointed: ReportCount;
  wijsplichtAccepted: ReportCount;
}

interface Decision {
  units: ReadonlySet<string>;
  published: boolean;
  /** Units of this period that published figures of its sub-periods already show. */
  covered: ReadonlySet<string>;
}

const isSafe = (n: number, threshold: number) => n === 0 || n >= threshold;

/** One figure over the period grid, decided with the linked rule; decisions are memoised per period. */
export class LinkedSeries {
  private readonly decisions = new Map<string, Decision>();
  /** Set when this series is one of the parts of a whole (a key of a breakdown); the parts are decided together. */
  partOf: { settle(p: ReportPeriod): void } | null = null;

  constructor(
    private readonly unitsOf: (p: ReportPeriod) => ReadonlySet<string>,
    readonly threshold = SUPPRESSION_THRESHOLD,
  ) {}

  decide(p: ReportPeriod): Decision {
    const known = this.decisions.get(p.key);
    if (known) return known;
    if (this.partOf) this.partOf.settle(p);
    else this.decisions.set(p.key, this.overTime(p));
    const decided = this.decisions.get(p.key);
    if (!decided) throw new Error(`no decision for ${p.key}`);
    return decided;
  }

  /** The rule over the grid alone: 0 or at least the threshold, and so is the part not shown by sub-periods. */
  overTime(p: ReportPeriod): Decision {
    const covered = new Set<string>();
    for (const child of childPeriods(p)) {
      const d = this.decide(child);
      for (const u of d.published ? d.units : d.covered) covered.add(u);
    }
    const units = this.unitsOf(p);
    let remainder = 0;
    for (const u of units) if (!covered.has(u)) remainder++;
    return { units, covered, published: isSafe(units.size, this.threshold) && isSafe(remainder, this.threshold) };
  }

  record(p: ReportPeriod, decision: Decision): void {
    this.decisions.set(p.key, decision);
  }

  count(p: ReportPeriod): ReportCount {
    const d = this.decide(p);
    return d.published ? { value: d.units.size, suppressed: false, display: String(d.units.size) } : { value: null, suppressed: true, display: WITHHELD };
  }

  /** Whether an average over this series' units may be shown: the count is published and at least the threshold. */
  allowsAverage(p: ReportPeriod): boolean {
    const d = this.decide(p);
    return d.published && d.units.size >= this.threshold;
  }
}

/**
 * A whole and its parts in one period: the people supported and their target groups, or the closed trajectories and
 * whether the own network was used. The whole minus its published parts is 0 or at least the threshold; when it would
 * be 1–4, the smallest published parts are withheld too (complementary suppression; smallest first, then by key, so
 * the same data always give the same pattern). Parts and whole are figures of the same period, so this decision is
 * also fixed once the period has ended.
 */
class PartsOfWhole {
  private readonly settled = new Set<string>();

  constructor(
    private readonly wholeOf: (p: ReportPeriod) => ReadonlySet<string>,
    private readonly parts: readonly LinkedSeries[],
  ) {}

  settle(p: ReportPeriod): void {
    if (this.settled.has(p.key)) return;
    this.settled.add(p.key);
    const decided = this.parts.map((part) => {
      const decision = part.overTime(p);
      part.record(p, decision);
      return { part, decision };
    });
    const whole = this.wholeOf(p);
    const threshold = this.parts[0]?.threshold ?? SUPPRESSION_THRESHOLD;
    const uncovered = () => {
      const shown = new Set<string>();
      for (const { decision } of decided) if (decision.published) for (const u of decision.units) shown.add(u);
      let n = 0;
      for (const u of whole) if (!shown.has(u)) n++;
      return n;
    };
    // Smallest first; ties keep the order the parts were given in (breakdown keys sorted), so the pattern is stable.
    const candidates = decided.filter((d) => d.decision.published && d.decision.units.size > 0).sort((a, b) => a.decision.units.size - b.decision.units.size);
    while (!isSafe(uncovered(), threshold)) {
      const smallest = candidates.shift();
      if (!smallest) break;
      smallest.decision = { ...smallest.decision, published: false };
      smallest.part.record(p, smallest.decision);
    }
  }
}

/** Makes `parts` the parts of the whole `wholeOf` (see PartsOfWhole). */
export function linkParts(wholeOf: (p: ReportPeriod) => ReadonlySet<string>, parts: readonly LinkedSeries[]): void {
  const group = new PartsOfWhole(wholeOf, parts);
  for (const part of parts) part.partOf = group;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function reportAverage(values: number[], allowed: boolean): ReportAverage {
  if (values.length === 0) return { value: null, suppressed: false, display: '' };
  if (!allowed) return { value: null, suppressed: true, display: WITHHELD };
  const value = round2(values.reduce((a, b) => a + b, 0) / values.length);
  return { value, suppressed: false, display: String(value) };
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

const ids = <T>(rows: readonly T[], of: (t: T) => string) => new Set(rows.map(of));

/**
 * The support report (SupportReport in schema.graphql) of one grid period and the previous period of the same kind. `rows` must hold every trajectory
 * of the organisation open at some moment from the start of `previousPeriod` to the end of `period` (the linked rule
 * reads every sub-period of both). People are counted per period over the trajectories open at some moment in it;
 * outcomes come from the trajectories closed within it.
 */
export function buildSupportReport(
  organizationId: string,
  period: ReportPeriod,
  previousPeriod: ReportPeriod,
  rows: readonly TrajectoryRow[],
): SupportReportData {
  const openIn = memo((p) => rows.filter((t) => t.openedAt.getTime() < p.to.getTime() && (!t.closedAt || t.closedAt.getTime() >= p.from.getTime())));
  const closedIn = memo((p) =>
    rows.filter((t) => t.status === 'CLOSED' && t.closedAt && t.closedAt.getTime() >= p.from.getTime() && t.closedAt.getTime() < p.to.getTime()),
  );
  const withOutcomes = memo((p) => closedIn(p).filter((t) => t.outcomes));

  const people = new LinkedSeries((p) => ids(openIn(p), (t) => t.clientId));
  const closed = new LinkedSeries((p) => ids(closedIn(p), (t) => t.id));
  const networkUsed = new LinkedSeries((p) =>
    ids(
      withOutcomes(p).filter((t) => t.outcomes?.ownNetworkUsed),
      (t) => t.id,
    ),
  );
  const networkNotUsed = new LinkedSeries((p) =>
    ids(
      withOutcomes(p).filter((t) => !t.outcomes?.ownNetworkUsed),
      (t) => t.id,
    ),
  );
  // Every closure has outcomes, so used + not used = closed: one of them must not be the other's complement.
  linkParts((p) => ids(closedIn(p), (t) => t.id), [networkUsed, networkNotUsed]);
  // Wijsplicht: meldingen whose resident was pointed to independent support on a day of the period (Amsterdam calendar).
  // The day lies between opening and closing, so every such trajectory is among the rows. Accepted is a part of
  // pointed: pointed minus accepted (the declined and undecided) must not single anyone out either.
  const pointedIn = memo((p) => {
    const from = amsterdamDate(p.from);
    const to = amsterdamDate(p.to);
    return rows.filter((t) => t.wijsplicht && t.wijsplicht.pointedOn >= from && t.wijsplicht.pointedOn < to);
  });
  const pointed = new LinkedSeries((p) => ids(pointedIn(p), (t) => t.id));
  const accepted = new LinkedSeries((p) =>
    ids(
      pointedIn(p).filter((t) => t.wijsplicht?.outcome === 'ACCEPTED'),
      (t) => t.id,
    ),
  );
  linkParts((p) => ids(pointedIn(p), (t) => t.id), [accepted]);
  const satisfied = memo((p) => withOutcomes(p).filter((t) => t.outcomes?.satisfaction != null));
  const satisfaction = new LinkedSeries((p) => ids(satisfied(p), (t) => t.id));

  /**
   * Distinct clients per key (a person with two Wlz trajectories counts once under WLZ). The keys are parts of the
   * people supported: with one trajectory per client the legal domains add up to the total exactly.
   */
  const breakdown = (keysOf: (t: TrajectoryRow) => readonly string[]): BreakdownItem[] => {
    const perKey = memo((p) => {
      const sets = new Map<string, Set<string>>();
      for (const t of openIn(p)) {
        for (const key of keysOf(t)) {
          const set = sets.get(key) ?? new Set<string>();
          set.add(t.clientId);
          sets.set(key, set);
        }
      }
      return sets;
    });
    // Every key in the rows, so a period's decision never depends on which period was asked for.
    const allKeys = [...new Set(rows.flatMap((t) => keysOf(t)))].sort();
    const series = new Map(allKeys.map((key) => [key, new LinkedSeries((p) => perKey(p).get(key) ?? new Set())]));
    linkParts((p) => ids(openIn(p), (t) => t.clientId), [...series.values()]);
    const listed = [...new Set([...perKey(period).keys(), ...perKey(previousPeriod).keys()])].sort();
    return listed.flatMap((key) => {
      const s = series.get(key);
      return s ? [{ key, count: s.count(period), previous: s.count(previousPeriod) }] : [];
    });
  };

  const scoresOn = (lifeDomain: string) =>
    memo((p) => withOutcomes(p).flatMap((t) => (t.outcomes?.selfReliance ?? []).filter((s) => s.lifeDomain === lifeDomain).map((s) => ({ id: t.id, ...s }))));
  const domains = [...new Set(withOutcomes(period).flatMap((t) => (t.outcomes?.selfReliance ?? []).map((s) => s.lifeDomain)))].sort();
  const selfReliance = domains.map((lifeDomain) => {
    const scores = scoresOn(lifeDomain);
    const series = new LinkedSeries((p) => ids(scores(p), (s) => s.id));
    const now = scores(period);
    const allowed = series.allowsAverage(period);
    return {
      lifeDomain,
      trajectories: series.count(period),
      averageStart: reportAverage(
        now.map((s) => s.start),
        allowed,
      ),
      averageEnd: reportAverage(
        now.map((s) => s.end),
        allowed,
      ),
      averageChange: reportAverage(
        now.map((s) => s.end - s.start),
        allowed,
      ),
    };
  });

  const peopleCount = people.count(period);
  const previousCount = people.count(previousPeriod);
  return {
    organizationId,
    period,
    previousPeriod,
    peopleSupported: peopleCount,
    peopleSupportedPrevious: previousCount,
    peopleSupportedChange: peopleCount.value === null || previousCount.value === null ? null : peopleCount.value - previousCount.value,
    trajectoriesClosed: closed.count(period),
    byTargetGroup: breakdown((t) => t.targetGroups),
    bySupportForm: breakdown((t) => t.supportForms),
    byLegalDomain: breakdown((t) => [t.legalDomain]),
    byLifeDomain: breakdown((t) => t.lifeDomains),
    selfReliance,
    ownNetworkUsed: networkUsed.count(period),
    ownNetworkNotUsed: networkNotUsed.count(period),
    satisfactionResponses: satisfaction.count(period),
    averageSatisfaction: reportAverage(
      satisfied(period).flatMap((t) => (t.outcomes?.satisfaction == null ? [] : [t.outcomes.satisfaction])),
      satisfaction.allowsAverage(period),
    ),
    wijsplichtPointed: pointed.count(period),
    wijsplichtAccepted: accepted.count(period),
  };
}

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const shown = (n: number | null) => (n === null ? '' : String(n));

/** The same report as CSV: section,key,value,previous; withheld figures appear as "withheld", absent averages empty. */
export function supportReportCsv(r: SupportReportData): string {
  const lines: string[][] = [['section', 'key', 'value', 'previous']];
  lines.push(['period', 'key', r.period.key, r.previousPeriod.key]);
  lines.push(['period', 'from', r.period.from.toISOString(), r.previousPeriod.from.toISOString()]);
  lines.push(['period', 'to', r.period.to.toISOString(), r.previousPeriod.to.toISOString()]);
  lines.push(['total', 'peopleSupported', r.peopleSupported.display, r.peopleSupportedPrevious.display]);
  lines.push(['total', 'peopleSupportedChange', shown(r.peopleSupportedChange), '']);
  lines.push(['total', 'trajectoriesClosed', r.trajectoriesClosed.display, '']);
  const sections: [string, BreakdownItem[]][] = [
    ['targetGroup', r.byTargetGroup],
    ['supportForm', r.bySupportForm],
    ['legalDomain', r.byLegalDomain],
    ['lifeDomain', r.byLifeDomain],
  ];
  for (const [section, items] of sections) for (const i of items) lines.push([section, i.key, i.count.display, i.previous.display]);
  for (const s of r.selfReliance) {
    lines.push(['selfReliance.trajectories', s.lifeDomain, s.trajectories.display, '']);
    lines.push(['selfReliance.averageStart', s.lifeDomain, s.averageStart.display, '']);
    lines.push(['selfReliance.averageEnd', s.lifeDomain, s.averageEnd.display, '']);
    lines.push(['selfReliance.averageChange', s.lifeDomain, s.averageChange.display, '']);
  }
  lines.push(['ownNetwork', 'used', r.ownNetworkUsed.display, '']);
  lines.push(['ownNetwork', 'notUsed', r.ownNetworkNotUsed.display, '']);
  lines.push(['satisfaction', 'responses', r.satisfactionResponses.display, '']);
  lines.push(['satisfaction', 'average', r.averageSatisfaction.display, '']);
  lines.push(['wijsplicht', 'pointed', r.wijsplichtPointed.display, '']);
  lines.push(['wijsplicht', 'accepted', r.wijsplichtAccepted.display, '']);
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\n')}\n`;
}
