import type { TrajectoryRow } from './db/queries.ts';

/** Counts from 1 to 4 are suppressed so no person can be singled out; 0 singles nobody out and is shown. */
export const SUPPRESSION_THRESHOLD = 5;

export interface ReportCount {
  value: number | null;
  suppressed: boolean;
  display: string;
}

export function reportCount(n: number): ReportCount {
  const suppressed = n > 0 && n < SUPPRESSION_THRESHOLD;
  return { value: suppressed ? null : n, suppressed, display: suppressed ? `<${SUPPRESSION_THRESHOLD}` : String(n) };
}

export interface BreakdownItem {
  key: string;
  count: ReportCount;
  previous: ReportCount;
}

export interface SupportReportData {
  organizationId: string;
  period: { from: Date; to: Date };
  previousPeriod: { from: Date; to: Date };
  peopleSupported: ReportCount;
  peopleSupportedPrevious: ReportCount;
  peopleSupportedChange: number | null;
  trajectoriesClosed: ReportCount;
  byTargetGroup: BreakdownItem[];
  bySupportForm: BreakdownItem[];
  byLegalDomain: BreakdownItem[];
  byLifeDomain: BreakdownItem[];
  selfReliance: { lifeDomain: string; trajectories: ReportCount; averageStart: number | null; averageEnd: number | null; averageChange: number | null }[];
  ownNetworkUsed: ReportCount;
  ownNetworkNotUsed: ReportCount;
  satisfactionResponses: ReportCount;
  averageSatisfaction: number | null;
}

/** Distinct clients per key (a person with two Wlz trajectories counts once under WLZ). */
function peoplePerKey(rows: TrajectoryRow[], keysOf: (t: TrajectoryRow) => readonly string[]): Map<string, number> {
  const sets = new Map<string, Set<string>>();
  for (const t of rows) {
    for (const key of keysOf(t)) {
      const set = sets.get(key) ?? new Set<string>();
      set.add(t.clientId);
      sets.set(key, set);
    }
  }
  return new Map([...sets].map(([k, s]) => [k, s.size]));
}

function breakdown(current: TrajectoryRow[], previous: TrajectoryRow[], keysOf: (t: TrajectoryRow) => readonly string[]): BreakdownItem[] {
  const now = peoplePerKey(current, keysOf);
  const before = peoplePerKey(previous, keysOf);
  const keys = [...new Set([...now.keys(), ...before.keys()])].sort();
  return keys.map((key) => ({ key, count: reportCount(now.get(key) ?? 0), previous: reportCount(before.get(key) ?? 0) }));
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const average = (values: number[]) => (values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null);

/**
 * The seed-002 report from the trajectories open at some moment in each period. Outcomes come from trajectories
 * closed within the period. Averages over fewer than 5 trajectories are withheld like the counts.
 */
export function buildSupportReport(
  organizationId: string,
  period: { from: Date; to: Date },
  previousPeriod: { from: Date; to: Date },
  current: TrajectoryRow[],
  previous: TrajectoryRow[],
): SupportReportData {
  const people = new Set(current.map((t) => t.clientId)).size;
  const peoplePrevious = new Set(previous.map((t) => t.clientId)).size;
  const peopleCount = reportCount(people);
  const previousCount = reportCount(peoplePrevious);
  const closed = current.filter(
    (t) => t.status === 'CLOSED' && t.closedAt && t.closedAt.getTime() >= period.from.getTime() && t.closedAt.getTime() < period.to.getTime(),
  );
  const withOutcomes = closed.flatMap((t) => (t.outcomes ? [t.outcomes] : []));
  const domains = [...new Set(withOutcomes.flatMap((o) => o.selfReliance.map((s) => s.lifeDomain)))].sort();
  const selfReliance = domains.map((lifeDomain) => {
    const scores = withOutcomes.flatMap((o) => o.selfReliance.filter((s) => s.lifeDomain === lifeDomain));
    const enough = scores.length >= SUPPRESSION_THRESHOLD;
    const start = average(scores.map((s) => s.start));
    const end = average(scores.map((s) => s.end));
    return {
      lifeDomain,
      trajectories: reportCount(scores.length),
      averageStart: enough ? start : null,
      averageEnd: enough ? end : null,
      averageChange: enough ? average(scores.map((s) => s.end - s.start)) : null,
    };
  });
  const satisfaction = withOutcomes.flatMap((o) => (o.satisfaction == null ? [] : [o.satisfaction]));
  return {
    organizationId,
    period,
    previousPeriod,
    peopleSupported: peopleCount,
    peopleSupportedPrevious: previousCount,
    peopleSupportedChange: peopleCount.suppressed || previousCount.suppressed ? null : people - peoplePrevious,
    trajectoriesClosed: reportCount(closed.length),
    byTargetGroup: breakdown(current, previous, (t) => t.targetGroups),
    bySupportForm: breakdown(current, previous, (t) => t.supportForms),
    byLegalDomain: breakdown(current, previous, (t) => [t.legalDomain]),
    byLifeDomain: breakdown(current, previous, (t) => t.lifeDomains),
    selfReliance,
    ownNetworkUsed: reportCount(withOutcomes.filter((o) => o.ownNetworkUsed).length),
    ownNetworkNotUsed: reportCount(withOutcomes.filter((o) => !o.ownNetworkUsed).length),
    satisfactionResponses: reportCount(satisfaction.length),
    averageSatisfaction: satisfaction.length >= SUPPRESSION_THRESHOLD ? average(satisfaction) : null,
  };
}

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const shown = (n: number | null) => (n === null ? '' : String(n));

/** The same report as CSV: section,key,value,previous; suppressed counts appear as <5, withheld averages empty. */
export function supportReportCsv(r: SupportReportData): string {
  const lines: string[][] = [['section', 'key', 'value', 'previous']];
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
    lines.push(['selfReliance.averageStart', s.lifeDomain, shown(s.averageStart), '']);
    lines.push(['selfReliance.averageEnd', s.lifeDomain, shown(s.averageEnd), '']);
    lines.push(['selfReliance.averageChange', s.lifeDomain, shown(s.averageChange), '']);
  }
  lines.push(['ownNetwork', 'used', r.ownNetworkUsed.display, '']);
  lines.push(['ownNetwork', 'notUsed', r.ownNetworkNotUsed.display, '']);
  lines.push(['satisfaction', 'responses', r.satisfactionResponses.display, '']);
  lines.push(['satisfaction', 'average', shown(r.averageSatisfaction), '']);
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\n')}\n`;
}
