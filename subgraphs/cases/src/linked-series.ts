import { childPeriods, type ReportPeriod } from '@hub/service-kit';
import { type ReportCount, SUPPRESSION_THRESHOLD } from './report.ts';

/**
 * The linked rule over the period grid for one figure, with complementary suppression of parts of a whole: the
 * building block of the combined view of an area (overview.ts), which adds its area and dominance rules on top. The
 * half-year reports of a provider decide all their figures together in the DisclosureSystem of report.ts instead.
 *
 * A figure is published when it is 0 or at least THRESHOLD, and the part of it not covered by published figures of its
 * sub-periods (months in a quarter, quarters and months in a half year, ...) is 0 or at least THRESHOLD too. The rule
 * runs bottom-up: a sub-period is decided before the period holding it and never revisited.
 */

/** What a withheld figure shows; the same for every reason. */
const WITHHELD = 'withheld';

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
