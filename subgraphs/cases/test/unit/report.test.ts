import { describe, expect, it } from 'vitest';
import { seededRandom } from '@hub/domain';
import { childPeriods, makeReportPeriod, previousReportPeriod, requireEndedReportPeriod, type ReportPeriod } from '@hub/service-kit';
import type { TrajectoryRow } from '../../src/db/queries.ts';
import { buildSupportReport, DisclosureSystem, SUPPRESSION_THRESHOLD, supportReportCsv } from '../../src/report.ts';

/** One figure decided on its own (no groups): the rule over the grid alone. */
function singleSeries(unitsOf: (p: ReportPeriod) => ReadonlySet<string>) {
  const system = new DisclosureSystem();
  const cell = system.cell('x', unitsOf);
  return { count: (p: ReportPeriod) => system.count(cell, p) };
}

const YEAR = 2025;
const year = makeReportPeriod('YEAR', YEAR, 1);
/** Every grid period of the year, children before their parents. */
const grid: ReportPeriod[] = [
  ...Array.from({ length: 12 }, (_, i) => makeReportPeriod('MONTH', YEAR, i + 1)),
  ...[1, 2, 3, 4].map((q) => makeReportPeriod('QUARTER', YEAR, q)),
  ...[1, 2].map((h) => makeReportPeriod('HALF_YEAR', YEAR, h)),
  year,
];
const monthOf = (p: ReportPeriod) => grid.filter((m) => m.kind === 'MONTH' && m.from >= p.from && m.to <= p.to);

describe('report periods', () => {
  it('are whole calendar periods in Amsterdam time that nest into a tree', () => {
    expect(makeReportPeriod('MONTH', 2026, 1)).toMatchObject({ key: '2026-01', from: new Date('2025-12-31T23:00:00Z'), to: new Date('2026-01-31T23:00:00Z') });
    // Summer time: UTC+2 from the last Sunday of March to the last Sunday of October.
    expect(makeReportPeriod('QUARTER', 2026, 3)).toMatchObject({
      key: '2026-Q3',
      from: new Date('2026-06-30T22:00:00Z'),
      to: new Date('2026-09-30T22:00:00Z'),
    });
    expect(makeReportPeriod('HALF_YEAR', 2026, 2)).toMatchObject({
      key: '2026-H2',
      from: new Date('2026-06-30T22:00:00Z'),
      to: new Date('2026-12-31T23:00:00Z'),
    });
    expect(makeReportPeriod('YEAR', 2026, 1)).toMatchObject({ key: '2026', from: new Date('2025-12-31T23:00:00Z'), to: new Date('2026-12-31T23:00:00Z') });
    for (const p of grid) {
      const children = childPeriods(p);
      if (p.kind === 'MONTH') expect(children).toEqual([]);
      else {
        expect(children[0]?.from).toEqual(p.from);
        expect(children[children.length - 1]?.to).toEqual(p.to);
        for (let i = 1; i < children.length; i++) expect(children[i]?.from).toEqual(children[i - 1]?.to);
      }
    }
  });

  it('compare with the previous period of the same kind', () => {
    expect(previousReportPeriod(makeReportPeriod('MONTH', 2026, 1)).key).toBe('2025-12');
    expect(previousReportPeriod(makeReportPeriod('QUARTER', 2026, 1)).key).toBe('2025-Q4');
    expect(previousReportPeriod(makeReportPeriod('QUARTER', 2026, 3)).key).toBe('2026-Q2');
    expect(previousReportPeriod(makeReportPeriod('HALF_YEAR', 2026, 1)).key).toBe('2025-H2');
    expect(previousReportPeriod(makeReportPeriod('YEAR', 2026, 1)).key).toBe('2025');
  });

  it('are refused off the grid or before they have ended, with the offending field', () => {
    const now = new Date('2026-05-15T10:00:00Z');
    const field = (input: unknown) => {
      try {
        requireEndedReportPeriod(input, now);
        return 'accepted';
      } catch (e) {
        return (e as { extensions?: { code?: string; field?: string } }).extensions;
      }
    };
    expect(field({ kind: 'MONTH', year: 2026, number: 4 })).toBe('accepted');
    expect(field({ kind: 'YEAR', year: 2025 })).toBe('accepted');
    expect(field({ kind: 'MONTH', year: 2026, number: 5 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(field({ kind: 'QUARTER', year: 2026, number: 2 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(field({ kind: 'MONTH', year: 2026, number: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.number' });
    expect(field({ kind: 'QUARTER', year: 2025 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.number' });
    expect(field({ kind: 'YEAR', year: 2025, number: 2 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.number' });
    expect(field({ kind: 'MONTH', year: 2025.5, number: 1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.year' });
    expect(field({ from: '2025-01-01T00:00:00Z', to: '2025-01-01T00:00:00.001Z' })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

/** Random sparse data: per month 0, 1–4 or 5–16 units, the case suppression is for. */
function randomMonths(seed: number): string[][] {
  const rand = seededRandom(seed);
  return Array.from({ length: 12 }, (_, m) => {
    const r = rand();
    const n = r < 0.3 ? 0 : r < 0.65 ? 1 + Math.floor(rand() * 4) : 5 + Math.floor(rand() * 12);
    return Array.from({ length: n }, (_, i) => `${m}-${i}`);
  });
}

/** Units that add up over time (each closure falls in one month). */
const additive = (months: string[][]) => (p: ReportPeriod) => new Set(monthOf(p).flatMap((m) => months[m.number - 1] ?? []));

/** What the adversary computes: a published figure minus its largest published sub-periods, at any depth. */
function adversaryRemainder(p: ReportPeriod, value: (p: ReportPeriod) => number | null): number {
  const covered = (q: ReportPeriod): number => childPeriods(q).reduce((sum, c) => sum + (value(c) ?? covered(c)), 0);
  return (value(p) ?? 0) - covered(p);
}

const small = (n: number) => n > 0 && n < SUPPRESSION_THRESHOLD;

describe('linked suppression over the period grid', () => {
  it('leaves no published figure minus published sub-periods at 1–4, for 300 random years (naive suppression leaks)', () => {
    let naiveLeaks = 0;
    let withheldBecauseOfParts = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const months = randomMonths(seed);
      const unitsOf = additive(months);
      const series = singleSeries(unitsOf);
      const value = (p: ReportPeriod) => series.count(p).value;
      const naive = (p: ReportPeriod) => (small(unitsOf(p).size) ? null : unitsOf(p).size);
      for (const p of grid) {
        const size = unitsOf(p).size;
        const c = series.count(p);
        // Never a number for 1–4, never a wrong number.
        if (c.value !== null) expect(c.value).toBe(size);
        if (small(size)) expect(c.value).toBeNull();
        if (c.value === null && !small(size)) withheldBecauseOfParts++;
        if (value(p) !== null) expect(small(adversaryRemainder(p, value)), `seed ${seed}, ${p.key}`).toBe(false);
        if (naive(p) !== null && small(adversaryRemainder(p, naive))) naiveLeaks++;
      }
    }
    // The test data exercise both rules, and the attack works on per-period suppression alone.
    expect(withheldBecauseOfParts).toBeGreaterThan(0);
    expect(naiveLeaks).toBeGreaterThan(0);
  });

  it('decides a month the same whether or not its quarter and year were asked for (published figures stay published)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const unitsOf = additive(randomMonths(seed));
      const afterYear = singleSeries(unitsOf);
      afterYear.count(year);
      for (const p of grid) expect(singleSeries(unitsOf).count(p)).toEqual(afterYear.count(p));
    }
  });

  it('leaves at most 0 or 5+ people of a published period outside its published sub-periods when people span months', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = seededRandom(seed);
      // Each client is supported from one month to a later one.
      const spans = Array.from({ length: Math.floor(rand() * 40) }, (_, i) => {
        const start = 1 + Math.floor(rand() * 12);
        return { id: `c${i}`, start, end: Math.min(12, start + Math.floor(rand() * rand() * 6)) };
      });
      const unitsOf = (p: ReportPeriod) => {
        const ms = monthOf(p).map((m) => m.number);
        return new Set(spans.filter((s) => s.start <= Math.max(...ms) && s.end >= Math.min(...ms)).map((s) => s.id));
      };
      const series = singleSeries(unitsOf);
      const shown = (p: ReportPeriod): Set<string> =>
        new Set(childPeriods(p).flatMap((c) => (series.count(c).value !== null ? [...unitsOf(c)] : [...shown(c)])));
      for (const p of grid) {
        if (series.count(p).value === null) continue;
        const covered = shown(p);
        expect(small([...unitsOf(p)].filter((u) => !covered.has(u)).length), `seed ${seed}, ${p.key}`).toBe(false);
      }
    }
  });

  it('keeps the whole minus its published parts at 0 or 5+ in every period, and each part linked over time', () => {
    const keys = ['A', 'B', 'C', 'D'];
    let partsWithheldForTheWhole = 0;
    for (let seed = 1; seed <= 200; seed++) {
      // Each unit (a closure) falls in one month and one key: the parts add up to the whole exactly.
      const perKey = keys.map((_, k) => randomMonths(seed * 10 + k).map((units) => units.map((u) => `${k}:${u}`)));
      const whole = (p: ReportPeriod) => new Set(perKey.flatMap((months) => [...additive(months)(p)]));
      const system = new DisclosureSystem();
      const totalCell = system.cell('whole', whole);
      const partCells = perKey.map((months, k) => system.cell(`part ${k}`, additive(months)));
      system.group(totalCell, partCells);
      const parts = partCells.map((c) => ({ count: (p: ReportPeriod) => system.count(c, p) }));
      const total = { count: (p: ReportPeriod) => system.count(totalCell, p) };
      for (const p of grid) {
        const shown = parts.map((s) => s.count(p).value);
        const rest = whole(p).size - shown.reduce<number>((sum, v) => sum + (v ?? 0), 0);
        // A whole of 1–4 is withheld itself, so its rest is unknown; a whole that is known (published, or derivable
        // from its sub-periods) must leave a rest that singles nobody out.
        const wholeKnown = total.count(p).value !== null || system.decide(totalCell, p).derived;
        if (small(whole(p).size)) expect(shown.every((v) => !v)).toBe(true);
        else if (wholeKnown) expect(small(rest), `seed ${seed}, ${p.key}`).toBe(false);
        parts.forEach((s, k) => {
          if (s.count(p).value === null && !small(additive(perKey[k] ?? [])(p).size)) partsWithheldForTheWhole++;
          if (s.count(p).value !== null) expect(small(adversaryRemainder(p, (q) => s.count(q).value))).toBe(false);
        });
        if (total.count(p).value !== null) expect(small(adversaryRemainder(p, (q) => total.count(q).value))).toBe(false);
      }
    }
    expect(partsWithheldForTheWhole).toBeGreaterThan(0);
  });
});

describe('wijsplicht counts', () => {
  /** An open Wmo melding opened on `opened`, pointed to independent support on the Amsterdam day `pointedOn`. */
  const melding = (i: number, pointedOn: string, outcome: 'ACCEPTED' | 'DECLINED' | 'UNDECIDED'): TrajectoryRow => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    clientId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    organizationId: '20000000-0000-4000-8000-000000000000',
    counsellor: { userId: null, name: 'Toegang', formality: 'FORMAL' },
    legalDomain: 'WMO_MAATWERKVOORZIENING',
    journeyPhase: 'BEFORE_INDICATION',
    hulpvraag: 'Melding',
    lifeDomains: [],
    targetGroups: [],
    supportForms: [],
    goals: [],
    plan: null,
    wlz: null,
    wijsplicht: { pointedOn, pointedByUserId: 'toegang', pointedByName: null, outcome, note: null, recordedAt: '2025-01-01T00:00:00.000Z' },
    status: 'OPEN',
    openedAt: new Date('2025-01-02T09:00:00Z'),
    closedAt: null,
    closeReason: null,
    outcomes: null,
    version: 1,
    createdAt: new Date('2025-01-02T09:00:00Z'),
    updatedAt: new Date('2025-01-02T09:00:00Z'),
  });

  it('count a melding in the Amsterdam calendar month of its day, and withhold accepted when the rest would be 1–4', () => {
    const march = makeReportPeriod('MONTH', YEAR, 3);
    const april = makeReportPeriod('MONTH', YEAR, 4);
    // 31 March is still March in Amsterdam although the month ends at 22:00 UTC that day (summer time).
    const rows = [
      ...[1, 2, 3, 4, 5].map((i) => melding(i, '2025-03-31', 'ACCEPTED')),
      melding(6, '2025-03-01', 'DECLINED'),
      ...[7, 8, 9, 10, 11].map((i) => melding(i, '2025-04-01', 'ACCEPTED')),
    ];
    const inMarch = buildSupportReport('20000000-0000-4000-8000-000000000000', march, previousReportPeriod(march), rows);
    expect(inMarch.wijsplichtPointed).toEqual({ value: 6, suppressed: false, display: '6' });
    // 6 pointed − 5 accepted would give the one resident who declined away.
    expect(inMarch.wijsplichtAccepted).toEqual({ value: null, suppressed: true, display: 'withheld' });
    const inApril = buildSupportReport('20000000-0000-4000-8000-000000000000', april, previousReportPeriod(april), rows);
    expect([inApril.wijsplichtPointed.value, inApril.wijsplichtAccepted.value]).toEqual([5, 5]);
    expect(supportReportCsv(inApril)).toContain('wijsplicht,accepted,5,');
  });
});
