import { amsterdamDate } from '@hub/domain';
import type { TrajectoryRow } from './db/queries.ts';
import { childPeriods, type ReportPeriod } from '@hub/service-kit';

/**
 * Statistical disclosure control for the support report (the rule and its limits are explained in docs/cases.md).
 *
 * Every figure is a "cell series" over the period grid: for each period the set of units it counts (clients for the
 * people counts, trajectories for the closures and their outcomes). All figures of one report (the whole organisation
 * and, when split, every gemeente part) form one DisclosureSystem and are decided together, period by period,
 * bottom-up over the grid:
 *
 * 1. A count of 1–4 is withheld.
 * 2. Over the grid: the units of a period not shown by known figures of its sub-periods are 0 or at least THRESHOLD,
 *    and do not all lie in one withheld sub-period (else the period minus its other sub-periods would give that one
 *    away). A sub-period is decided before the period holding it and never revisited, so a figure published once stays
 *    published.
 * 3. Groups (a whole and its parts in one period: the gemeente parts of the total of a figure; the keys of a breakdown
 *    of the people of one scope; own network used/not used of the closures; wijsplicht accepted of pointed): the units
 *    of the whole not shown by its known parts are 0 or at least THRESHOLD.
 * 4. "Known" is published or derivable: a withheld cell is derivable when it is the only unknown member of a group
 *    whose parts add up to the whole exactly (or, for a period, when all its sub-periods are known and add up to it).
 *    A derivable cell counts as shown in rules 2 and 3 and must meet rules 1 and 2 itself.
 *
 * Rules 3 and 4 are settled to a fixpoint per period: withholding only grows, and the cell withheld next is always the
 * smallest published part of the first group that fails (smallest count first, then by id), so the same rows always
 * give the same pattern.
 *
 * Averages are shown only when the count of units they average over is published and at least THRESHOLD.
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

export interface BreakdownItem {
  key: string;
  count: ReportCount;
  previous: ReportCount;
}

export interface SelfRelianceItem {
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

type UnitsOf = (p: ReportPeriod) => ReadonlySet<string>;

/** One figure of one scope over the period grid. */
export interface Cell {
  readonly id: string;
}

interface CellState {
  readonly id: string;
  readonly unitsOf: UnitsOf;
  readonly decisions: Map<string, Decision>;
}

interface Decision {
  units: ReadonlySet<string>;
  /** Units of this period that known figures of its sub-periods already show. */
  covered: ReadonlySet<string>;
  published: boolean;
  /** Withheld, but derivable from published figures (see rule 4); never 1–4. */
  derived: boolean;
  /** The sub-periods are all known and add up to this period exactly: withholding this cell hides nothing. */
  timeExact: boolean;
  /** Rules 1 and 2 hold: known, this figure would not give anything away over the grid. */
  overTimeSafe: boolean;
}

interface Group {
  readonly whole: CellState;
  readonly parts: readonly CellState[];
}

const isSmall = (n: number, threshold: number) => n > 0 && n < threshold;

/**
 * The cells of one report and the groups that tie them together, decided jointly per period (see the rules above).
 * Register every cell and group before the first count is read: a period is settled once, over all cells.
 */
export class DisclosureSystem {
  private readonly cells: CellState[] = [];
  private readonly groups: Group[] = [];
  private readonly byId = new Map<string, CellState>();
  private readonly settled = new Set<string>();

  constructor(readonly threshold = SUPPRESSION_THRESHOLD) {}

  cell(id: string, unitsOf: UnitsOf): Cell {
    if (this.settled.size > 0) throw new Error('cells must be registered before the first period is settled');
    if (this.byId.has(id)) throw new Error(`duplicate cell ${id}`);
    const state: CellState = { id, unitsOf: memo(unitsOf), decisions: new Map() };
    this.cells.push(state);
    this.byId.set(id, state);
    return { id };
  }

  /** Ties `parts` to `whole` in every period: the whole minus its known parts is 0 or at least the threshold. */
  group(whole: Cell, parts: readonly Cell[]): void {
    if (this.settled.size > 0) throw new Error('groups must be registered before the first period is settled');
    if (parts.length === 0) return;
    this.groups.push({ whole: this.state(whole), parts: parts.map((p) => this.state(p)) });
  }

  decide(cell: Cell, p: ReportPeriod): Decision {
    this.settle(p);
    const d = this.state(cell).decisions.get(p.key);
    if (!d) throw new Error(`no decision for ${cell.id} in ${p.key}`);
    return d;
  }

  count(cell: Cell, p: ReportPeriod): ReportCount {
    const d = this.decide(cell, p);
    return d.published ? { value: d.units.size, suppressed: false, display: String(d.units.size) } : { value: null, suppressed: true, display: WITHHELD };
  }

  /** Whether an average over this cell's units may be shown: the count is published and at least the threshold. */
  allowsAverage(cell: Cell, p: ReportPeriod): boolean {
    const d = this.decide(cell, p);
    return d.published && d.units.size >= this.threshold;
  }

  private state(cell: Cell): CellState {
    const s = this.byId.get(cell.id);
    if (!s) throw new Error(`unknown cell ${cell.id}`);
    return s;
  }

  private settle(p: ReportPeriod): void {
    if (this.settled.has(p.key)) return;
    const children = childPeriods(p);
    for (const child of children) this.settle(child);
    const t = this.threshold;
    const known = (d: Decision) => d.published || d.derived;
    // Rules 1 and 2, per cell over the grid.
    const decisions = new Map<CellState, Decision>();
    for (const cell of this.cells) {
      const units = cell.unitsOf(p);
      const covered = new Set<string>();
      let childSizes = 0;
      let allChildrenKnown = true;
      const hidden: ReadonlySet<string>[] = [];
      for (const child of children) {
        const d = cell.decisions.get(child.key);
        if (!d) throw new Error(`no decision for ${cell.id} in ${child.key}`);
        childSizes += d.units.size;
        if (known(d)) for (const u of d.units) covered.add(u);
        else {
          allChildrenKnown = false;
          for (const u of d.covered) covered.add(u);
          hidden.push(d.units);
        }
      }
      const uncovered = [...units].filter((u) => !covered.has(u));
      // All uncovered units in one withheld sub-period: this period minus the others would give that one away.
      const oneHidden = uncovered.length > 0 && hidden.filter((h) => uncovered.some((u) => h.has(u))).length === 1;
      const overTimeSafe = !isSmall(units.size, t) && !isSmall(uncovered.length, t) && !oneHidden;
      const timeExact = children.length > 0 && allChildrenKnown && uncovered.length === 0 && childSizes === units.size;
      decisions.set(cell, { units, covered, published: overTimeSafe, derived: false, timeExact, overTimeSafe });
    }
    const get = (c: CellState) => decisions.get(c) as Decision;
    const sizeOf = (c: CellState) => get(c).units.size;
    const order = (a: CellState, b: CellState) => sizeOf(a) - sizeOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const exact = this.groups.map((g) => {
      const whole = get(g.whole).units;
      let sum = 0;
      const union = new Set<string>();
      for (const part of g.parts) {
        sum += sizeOf(part);
        for (const u of get(part).units) union.add(u);
      }
      return sum === whole.size && union.size === whole.size && [...union].every((u) => whole.has(u));
    });
    const forced = new Set<Group>();

    /** Rule 4: which withheld cells are derivable, and through which group ('time': from the sub-periods). */
    const closure = (): Map<CellState, Group | 'time'> => {
      const via = new Map<CellState, Group | 'time'>();
      for (const cell of this.cells) {
        const d = get(cell);
        d.derived = false;
        if (!d.published && d.timeExact) via.set(cell, 'time');
      }
      const isKnown = (c: CellState) => get(c).published || via.has(c);
      let changed = true;
      while (changed) {
        changed = false;
        this.groups.forEach((g, i) => {
          if (!exact[i]) return;
          const unknown = g.parts.filter((part) => !isKnown(part));
          const [only] = unknown;
          if (isKnown(g.whole) && unknown.length === 1 && only) {
            via.set(only, g);
            changed = true;
          } else if (!isKnown(g.whole) && unknown.length === 0) {
            via.set(g.whole, g);
            changed = true;
          }
        });
      }
      for (const cell of via.keys()) get(cell).derived = true;
      return via;
    };

    const withhold = (c: CellState) => {
      get(c).published = false;
    };
    /**
     * Withholds a published member of the group `c` is derived through, so `c` is no longer derivable that way; when
     * every other member is itself derived, breaks one of those derivations instead.
     */
    const breakDerivation = (c: CellState, via: Map<CellState, Group | 'time'>, seen = new Set<CellState>()): boolean => {
      const g = via.get(c);
      if (!g || g === 'time' || seen.has(c)) return false;
      seen.add(c);
      const members = [...[...g.parts].sort(order), g.whole].filter((m) => m !== c);
      const [first] = members.filter((m) => get(m).published && !get(m).timeExact && sizeOf(m) > 0);
      if (first) {
        withhold(first);
        return true;
      }
      return members.some((m) => via.has(m) && breakDerivation(m, via, seen));
    };

    /**
     * One pass: first every derivable cell that breaks rules 1–2, then every group in order, each fixed by withholding
     * one more cell. Returns whether anything changed (then derivability is worked out again and another pass runs).
     */
    const step = (): boolean => {
      const via = closure();
      const isKnown = (c: CellState) => get(c).published || via.has(c);
      let changed = false;
      // A derivable cell must pass rules 1 and 2 as if it were published.
      for (const cell of [...via.keys()].sort(order)) if (!get(cell).overTimeSafe && breakDerivation(cell, via)) changed = true;
      if (changed) return true;
      for (const [i, g] of this.groups.entries()) {
        if (forced.has(g) && !isKnown(g.whole)) continue;
        const isShown = (part: CellState) => get(part).published || (via.has(part) && via.get(part) !== g);
        let rest = sizeOf(g.whole);
        if (exact[i]) {
          // Disjoint parts that make up the whole: counting is enough.
          for (const part of g.parts) if (isShown(part)) rest -= sizeOf(part);
        } else {
          const shown = new Set<string>();
          for (const part of g.parts) if (isShown(part)) for (const u of get(part).units) shown.add(u);
          rest = 0;
          for (const u of get(g.whole).units) if (!shown.has(u)) rest++;
        }
        if (!isSmall(rest, t)) continue;
        const [smallest] = g.parts.filter((part) => get(part).published && !get(part).timeExact && sizeOf(part) > 0).sort(order);
        const whole = get(g.whole);
        if (smallest) withhold(smallest);
        else if (
          g.parts
            .filter((q) => via.has(q) && via.get(q) !== g)
            .sort(order)
            .some((part) => breakDerivation(part, via))
        ) {
          // A part this group counted as shown is no longer derivable.
        } else if (whole.published && !whole.timeExact) {
          withhold(g.whole);
          forced.add(g);
        } else if (!(via.has(g.whole) && breakDerivation(g.whole, via))) {
          // Nothing left to withhold (every member is known from sub-periods that are already decided).
          forced.add(g);
          continue;
        }
        changed = true;
      }
      return changed;
    };
    while (step()) {}
    closure();
    for (const cell of this.cells) cell.decisions.set(p.key, get(cell));
    this.settled.add(p.key);
  }
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

const round2 = (n: number) => Math.round(n * 100) / 100;

function reportAverage(values: number[], allowed: boolean): ReportAverage {
  if (values.length === 0) return { value: null, suppressed: false, display: '' };
  if (!allowed) return { value: null, suppressed: true, display: WITHHELD };
  const value = round2(values.reduce((a, b) => a + b, 0) / values.length);
  return { value, suppressed: false, display: String(value) };
}

const ids = <T>(rows: readonly T[], of: (t: T) => string) => new Set(rows.map(of));

const BREAKDOWNS = {
  targetGroup: (t: TrajectoryRow): readonly string[] => t.targetGroups,
  supportForm: (t: TrajectoryRow): readonly string[] => t.supportForms,
  legalDomain: (t: TrajectoryRow): readonly string[] => [t.legalDomain],
  lifeDomain: (t: TrajectoryRow): readonly string[] => t.lifeDomains,
} as const;
type BreakdownName = keyof typeof BREAKDOWNS;

/** The simple figures of a report, each a cell per scope; the gemeente parts of each add up to the total's. */
const SIMPLE_FIGURES = ['people', 'closed', 'networkUsed', 'networkNotUsed', 'satisfaction', 'pointed', 'accepted'] as const;
type SimpleFigure = (typeof SIMPLE_FIGURES)[number];

/** The units of every figure of one scope (the rows of the organisation, or of one gemeente part). */
function unitsOfScope(rows: readonly TrajectoryRow[]) {
  const openIn = memo((p) => rows.filter((t) => t.openedAt.getTime() < p.to.getTime() && (!t.closedAt || t.closedAt.getTime() >= p.from.getTime())));
  const closedIn = memo((p) =>
    rows.filter((t) => t.status === 'CLOSED' && t.closedAt && t.closedAt.getTime() >= p.from.getTime() && t.closedAt.getTime() < p.to.getTime()),
  );
  const withOutcomes = memo((p) => closedIn(p).filter((t) => t.outcomes));
  // Wijsplicht: meldingen whose resident was pointed to independent support on a day of the period (Amsterdam
  // calendar). The day lies between opening and closing, so every such trajectory is among the rows.
  const pointedIn = memo((p) => {
    const from = amsterdamDate(p.from);
    const to = amsterdamDate(p.to);
    return rows.filter((t) => t.wijsplicht && t.wijsplicht.pointedOn >= from && t.wijsplicht.pointedOn < to);
  });
  const satisfied = memo((p) => withOutcomes(p).filter((t) => t.outcomes?.satisfaction != null));
  const simple: Record<SimpleFigure, UnitsOf> = {
    people: (p) => ids(openIn(p), (t) => t.clientId),
    closed: (p) => ids(closedIn(p), (t) => t.id),
    networkUsed: (p) =>
      ids(
        withOutcomes(p).filter((t) => t.outcomes?.ownNetworkUsed),
        (t) => t.id,
      ),
    networkNotUsed: (p) =>
      ids(
        withOutcomes(p).filter((t) => !t.outcomes?.ownNetworkUsed),
        (t) => t.id,
      ),
    satisfaction: (p) => ids(satisfied(p), (t) => t.id),
    pointed: (p) => ids(pointedIn(p), (t) => t.id),
    accepted: (p) =>
      ids(
        pointedIn(p).filter((t) => t.wijsplicht?.outcome === 'ACCEPTED'),
        (t) => t.id,
      ),
  };
  /** Distinct clients per key (a person with two Wlz trajectories counts once under WLZ). */
  const perKey = (name: BreakdownName) =>
    memo((p) => {
      const sets = new Map<string, Set<string>>();
      for (const t of openIn(p)) {
        for (const key of BREAKDOWNS[name](t)) {
          const set = sets.get(key) ?? new Set<string>();
          set.add(t.clientId);
          sets.set(key, set);
        }
      }
      return sets;
    });
  const keyed = Object.fromEntries((Object.keys(BREAKDOWNS) as BreakdownName[]).map((name) => [name, perKey(name)])) as Record<
    BreakdownName,
    (p: ReportPeriod) => Map<string, Set<string>>
  >;
  const scoresOn = memo((p) => {
    const out = new Map<string, { id: string; start: number; end: number }[]>();
    for (const t of withOutcomes(p)) {
      for (const s of t.outcomes?.selfReliance ?? []) out.set(s.lifeDomain, [...(out.get(s.lifeDomain) ?? []), { id: t.id, start: s.start, end: s.end }]);
    }
    return out;
  });
  return { simple, keyed, scoresOn, satisfied };
}

/**
 * The support report of the whole organisation and, when `scopeOf` is given, of each part it returns a key for (the
 * gemeente the client lives in), decided as one DisclosureSystem. `rows` must hold every trajectory of the
 * organisation open at some moment from the start of `previousPeriod`'s year to the end of `period` (the linked rule
 * reads every sub-period of both). People are counted per period over the trajectories open at some moment in it;
 * outcomes come from the trajectories closed within it.
 */
export function buildSplitSupportReports<R extends TrajectoryRow>(
  organizationId: string,
  period: ReportPeriod,
  previousPeriod: ReportPeriod,
  rows: readonly R[],
  scopeOf: ((row: R) => string) | null,
): { total: SupportReportData; parts: Map<string, SupportReportData> } {
  const system = new DisclosureSystem();
  const partRows = new Map<string, R[]>();
  if (scopeOf) {
    for (const row of rows) {
      const key = scopeOf(row);
      const list = partRows.get(key) ?? [];
      list.push(row);
      partRows.set(key, list);
    }
  }
  const partKeys = [...partRows.keys()].sort();
  const allKeys = Object.fromEntries(
    (Object.keys(BREAKDOWNS) as BreakdownName[]).map((name) => [name, [...new Set(rows.flatMap((t) => BREAKDOWNS[name](t)))].sort()]),
  ) as Record<BreakdownName, string[]>;
  const domains = [...new Set(rows.flatMap((t) => (t.outcomes?.selfReliance ?? []).map((s) => s.lifeDomain)))].sort();

  // One set of cells per scope: "*" is the whole organisation, then each part. Every key in the rows gets a cell in
  // every scope, so a period's decision never depends on which period or part was asked for.
  const scopes = [{ key: '*', rows: rows as readonly R[] }, ...partKeys.map((key) => ({ key, rows: partRows.get(key) ?? [] }))].map((scope) => {
    const units = unitsOfScope(scope.rows);
    const cell = (figure: string, unitsOf: UnitsOf) => system.cell(`${scope.key}/${figure}`, unitsOf);
    const simple = Object.fromEntries(SIMPLE_FIGURES.map((f) => [f, cell(f, units.simple[f])])) as Record<SimpleFigure, Cell>;
    const keyed = Object.fromEntries(
      (Object.keys(BREAKDOWNS) as BreakdownName[]).map((name) => [
        name,
        new Map(allKeys[name].map((key) => [key, cell(`${name}:${key}`, (p) => units.keyed[name](p).get(key) ?? new Set())])),
      ]),
    ) as Record<BreakdownName, Map<string, Cell>>;
    const selfReliance = new Map(domains.map((d) => [d, cell(`selfReliance:${d}`, (p) => ids(units.scoresOn(p).get(d) ?? [], (s) => s.id))]));
    // Parts of a whole within the scope.
    for (const name of Object.keys(BREAKDOWNS) as BreakdownName[]) system.group(simple.people, [...keyed[name].values()]);
    system.group(simple.closed, [simple.networkUsed, simple.networkNotUsed]);
    system.group(simple.pointed, [simple.accepted]);
    return { key: scope.key, units, simple, keyed, selfReliance };
  });
  // Every figure of the whole is the sum of the same figure over the parts.
  const [whole, ...parts] = scopes;
  if (!whole) throw new Error('no scope');
  if (parts.length > 0) {
    for (const f of SIMPLE_FIGURES)
      system.group(
        whole.simple[f],
        parts.map((s) => s.simple[f]),
      );
    for (const name of Object.keys(BREAKDOWNS) as BreakdownName[]) {
      for (const [key, cell] of whole.keyed[name])
        system.group(
          cell,
          parts.flatMap((s) => s.keyed[name].get(key) ?? []),
        );
    }
    for (const [d, cell] of whole.selfReliance)
      system.group(
        cell,
        parts.flatMap((s) => s.selfReliance.get(d) ?? []),
      );
  }

  const reportOf = (scope: (typeof scopes)[number]): SupportReportData => {
    const breakdown = (name: BreakdownName): BreakdownItem[] => {
      const listed = [...new Set([...scope.units.keyed[name](period).keys(), ...scope.units.keyed[name](previousPeriod).keys()])].sort();
      return listed.flatMap((key) => {
        const c = scope.keyed[name].get(key);
        return c ? [{ key, count: system.count(c, period), previous: system.count(c, previousPeriod) }] : [];
      });
    };
    const scores = scope.units.scoresOn(period);
    const selfReliance = [...scores.keys()].sort().flatMap((lifeDomain) => {
      const c = scope.selfReliance.get(lifeDomain);
      if (!c) return [];
      const now = scores.get(lifeDomain) ?? [];
      const allowed = system.allowsAverage(c, period);
      return [
        {
          lifeDomain,
          trajectories: system.count(c, period),
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
        },
      ];
    });
    const peopleCount = system.count(scope.simple.people, period);
    const previousCount = system.count(scope.simple.people, previousPeriod);
    return {
      organizationId,
      period,
      previousPeriod,
      peopleSupported: peopleCount,
      peopleSupportedPrevious: previousCount,
      peopleSupportedChange: peopleCount.value === null || previousCount.value === null ? null : peopleCount.value - previousCount.value,
      trajectoriesClosed: system.count(scope.simple.closed, period),
      byTargetGroup: breakdown('targetGroup'),
      bySupportForm: breakdown('supportForm'),
      byLegalDomain: breakdown('legalDomain'),
      byLifeDomain: breakdown('lifeDomain'),
      selfReliance,
      ownNetworkUsed: system.count(scope.simple.networkUsed, period),
      ownNetworkNotUsed: system.count(scope.simple.networkNotUsed, period),
      satisfactionResponses: system.count(scope.simple.satisfaction, period),
      averageSatisfaction: reportAverage(
        scope.units.satisfied(period).flatMap((t) => (t.outcomes?.satisfaction == null ? [] : [t.outcomes.satisfaction])),
        system.allowsAverage(scope.simple.satisfaction, period),
      ),
      wijsplichtPointed: system.count(scope.simple.pointed, period),
      wijsplichtAccepted: system.count(scope.simple.accepted, period),
    };
  };
  return { total: reportOf(whole), parts: new Map(parts.map((s) => [s.key, reportOf(s)])) };
}

/**
 * The support report (SupportReport in schema.graphql) of the whole organisation, not split: one grid period and the
 * previous period of the same kind. See buildSplitSupportReports for what `rows` must hold.
 */
export function buildSupportReport(
  organizationId: string,
  period: ReportPeriod,
  previousPeriod: ReportPeriod,
  rows: readonly TrajectoryRow[],
): SupportReportData {
  return buildSplitSupportReports(organizationId, period, previousPeriod, rows, null).total;
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
