import { describe, expect, it } from 'vitest';
import { seededRandom } from '@hub/domain';
import {
  cellKey,
  cubeKey,
  groupCube,
  isSafe,
  publishableParts,
  publishQuarter,
  Tally,
  totalOf,
  type CellCoordinates,
  type Dimension,
  type FrozenQuarter,
  type Group,
  type PublishedCube,
  type SignalFact,
} from '../../src/cube.ts';
import { makePeriod } from '../../src/periods.ts';

const Q3 = makePeriod('QUARTER', 2025, 3);
const MONTHS = ['2025-07', '2025-08', '2025-09'];
const REGION = 'ZK22';
const GEMEENTEN = ['GM0153', 'GM0164', 'GM0141'];

const CATEGORIES = ['NO_CAPACITY', 'WAITING_TIME', 'NO_FITTING_OFFER', 'OTHER'];
const LEGAL = ['WLZ', 'WMO_MAATWERKVOORZIENING', null];
const TARGET = ['OUDEREN', 'VERSTANDELIJKE_BEPERKING', null];
const REPORTERS = ['org-a', 'org-b', 'org-c', 'org-d', 'org-e', 'org-f'];

const fact = (f: Partial<SignalFact> & CellCoordinates): SignalFact => ({
  gemeente: GEMEENTEN[0] ?? null,
  month: '2025-07',
  contributor: 'org-a',
  clients: 1,
  waitDays: null,
  serviceId: null,
  organizationId: null,
  ...f,
});
const many = (n: number, f: Partial<SignalFact> & CellCoordinates) => Array.from({ length: n }, () => fact(f));

/** Random sparse data of one region and quarter: many small cells and some large ones, over gemeenten and months. */
function randomFacts(seed: number): SignalFact[] {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const facts: SignalFact[] = [];
  for (const month of MONTHS)
    for (const category of CATEGORIES)
      for (const legalDomain of LEGAL)
        for (const targetGroup of TARGET)
          for (const gemeente of [...GEMEENTEN, null]) {
            const r = rand();
            const n = r < 0.55 ? 0 : r < 0.85 ? 1 + Math.floor(rand() * 3) : 3 + Math.floor(rand() * 8);
            // Few reporters per cell, so one organisation often holds much of a cell; about 1 in 6 from the gap feed.
            const local = [pick(REPORTERS), pick(REPORTERS)];
            for (let i = 0; i < n; i++) {
              facts.push(
                fact({
                  gemeente,
                  month,
                  category,
                  legalDomain,
                  targetGroup,
                  contributor: rand() < 0.16 ? null : pick(local),
                  clients: 1 + (rand() < 0.2 ? 1 : 0),
                  waitDays: Math.floor(rand() * 100),
                }),
              );
            }
          }
  return facts;
}

const GROUPINGS: Dimension[][] = [
  [],
  ['CATEGORY'],
  ['LEGAL_DOMAIN'],
  ['TARGET_GROUP'],
  ['CATEGORY', 'LEGAL_DOMAIN'],
  ['CATEGORY', 'TARGET_GROUP'],
  ['LEGAL_DOMAIN', 'TARGET_GROUP'],
  ['CATEGORY', 'LEGAL_DOMAIN', 'TARGET_GROUP'],
];

const inRow = (c: CellCoordinates, row: Group, dims: readonly Dimension[]) =>
  dims.every((d) =>
    d === 'CATEGORY' ? c.category === row.category : d === 'LEGAL_DOMAIN' ? c.legalDomain === row.legalDomain : c.targetGroup === row.targetGroup,
  );

/**
 * The adversary with known contributions: organisation `reader` knows every signal it reported and, at worst, every
 * gap event. `unknownTo` answers, for the published cells of one cube inside a row, how many signals it does NOT know.
 */
function knowledge(facts: SignalFact[]) {
  // scope × period × cell → reported signals per organisation (gap events left out: the reader may know them all).
  const index = new Map<string, Map<string, number>>();
  const add = (scope: string, period: string, f: SignalFact) => {
    if (f.contributor === null) return;
    const key = `${cubeKey(scope, period)}\u0002${cellKey(f)}`;
    let byOrg = index.get(key);
    if (!byOrg) {
      byOrg = new Map();
      index.set(key, byOrg);
    }
    byOrg.set(f.contributor, (byOrg.get(f.contributor) ?? 0) + 1);
  };
  for (const f of facts) {
    add(REGION, Q3.key, f);
    add(REGION, f.month, f);
    if (f.gemeente) add(f.gemeente, Q3.key, f);
  }
  return (reader: string, cube: PublishedCube | undefined, row: Group, dims: readonly Dimension[]) => {
    let n = 0;
    for (const c of cube?.published ?? []) {
      if (!inRow(c, row, dims)) continue;
      for (const [org, count] of index.get(`${cubeKey(cube?.scope ?? '', cube?.period ?? '')}\u0002${cellKey(c)}`) ?? []) if (org !== reader) n += count;
    }
    return n;
  };
}

const safeForReader = (n: number) => n === 0 || n >= 5;

/**
 * Runs every attack a reader of the region's and gemeenten's figures can make on one publication: each published
 * row minus what the reader knows; the quarter row minus the published month rows inside it; the region row minus
 * the published gemeente rows inside it — each left with what the reader does not know. Returns the breaches: a
 * remainder of 1–4 signals the reader did not contribute.
 */
function attack(doc: FrozenQuarter, facts: SignalFact[]): string[] {
  const cubes = new Map(doc.cubes.map((c) => [cubeKey(c.scope, c.period), c]));
  const quarter = cubes.get(cubeKey(REGION, Q3.key));
  const unknownTo = knowledge(facts);
  const breaches: string[] = [];
  for (const reader of REPORTERS) {
    for (const dims of GROUPINGS) {
      for (const row of groupCube(quarter, dims)) {
        if (row.signals === null) continue;
        const whole = unknownTo(reader, quarter, row, dims);
        if (!safeForReader(whole)) breaches.push(`${reader}: row ${row.key} by ${dims.join('×')} leaves ${whole}`);
        // The quarter's row minus the published month rows: what the reader does not know of the withheld months.
        const monthsKnown = MONTHS.reduce((s, m) => s + unknownTo(reader, cubes.get(cubeKey(REGION, m)), row, dims), 0);
        if (!safeForReader(whole - monthsKnown)) breaches.push(`${reader}: months of ${row.key} by ${dims.join('×')} leave ${whole - monthsKnown}`);
        // The region's row minus the published gemeente rows.
        const gemeentenKnown = GEMEENTEN.reduce((s, g) => s + unknownTo(reader, cubes.get(cubeKey(g, Q3.key)), row, dims), 0);
        if (!safeForReader(whole - gemeentenKnown)) breaches.push(`${reader}: gemeenten of ${row.key} by ${dims.join('×')} leave ${whole - gemeentenKnown}`);
      }
    }
  }
  return breaches;
}

/**
 * For contrast, the rule before: a cell of 5 or more is published whoever reported it (all signals counted as if from
 * one organisation), and each gemeente's cube is suppressed on its own, not linked to the region's.
 */
function countOnlyPublication(facts: SignalFact[]): FrozenQuarter {
  const anonymous = facts.map((f) => ({ ...f, contributor: '' }));
  const region = publishQuarter(REGION, Q3, MONTHS, anonymous);
  const gemeenteCubes = GEMEENTEN.flatMap((g) =>
    publishQuarter(
      g,
      Q3,
      [],
      anonymous.filter((f) => f.gemeente === g).map((f) => ({ ...f, gemeente: null })),
    ).cubes.filter((c) => c.period === Q3.key),
  );
  return { ...region, cubes: [...region.cubes.filter((c) => c.scope === REGION), ...gemeenteCubes] };
}

describe('suppression: the published quarter', () => {
  const cell = { category: 'NO_CAPACITY', legalDomain: 'WLZ', targetGroup: 'OUDEREN' };

  it('publishes totals equal to the raw counts when every cell is safe', () => {
    const facts = [
      ...REPORTERS.map((contributor) => fact({ ...cell, contributor, clients: 2 })),
      ...REPORTERS.map((contributor) => fact({ ...cell, contributor, month: '2025-08' })),
      ...REPORTERS.map((contributor) => fact({ ...cell, category: 'WAITING_TIME', contributor, month: '2025-09' })),
    ];
    const doc = publishQuarter(REGION, Q3, MONTHS, facts);
    const quarter = doc.cubes.find((c) => c.scope === REGION && c.period === Q3.key);
    expect(totalOf(quarter)).toMatchObject({ signals: 18, clients: 24, withheld: false });
    expect(groupCube(quarter, ['CATEGORY']).map((g) => [g.category, g.signals])).toEqual([
      ['NO_CAPACITY', 12],
      ['WAITING_TIME', 6],
    ]);
  });

  it('a cell is safe only when 5 signals stay unknown to every single organisation, or one organisation reported it all', () => {
    const tally = (entries: [string | null, number][]) => entries.reduce((t, [who, n]) => t.add(who, n, n), new Tally());
    expect(
      isSafe(
        tally([
          ['a', 1],
          ['b', 1],
          ['c', 1],
          ['d', 1],
          ['e', 1],
          ['f', 1],
        ]),
      ),
    ).toBe(true);
    expect(
      isSafe(
        tally([
          ['a', 1],
          ['b', 1],
          ['c', 1],
          ['d', 1],
          ['e', 1],
        ]),
      ),
    ).toBe(false); // e's view: 4 others
    expect(
      isSafe(
        tally([
          ['reader', 5],
          ['a', 2],
        ]),
      ),
    ).toBe(false); // the insertion attack: 7, of which 2 not the reader's
    expect(isSafe(tally([['a', 7]]))).toBe(true); // only a learns only that nobody else reported
    expect(
      isSafe(
        tally([
          ['a', 7],
          [null, 1],
        ]),
      ),
    ).toBe(false); // a gap event may be known to its referral's sender
    expect(
      isSafe(
        tally([
          ['a', 2],
          ['b', 2],
          ['c', 2],
          ['d', 2],
          ['e', 2],
          [null, 3],
        ]),
      ),
    ).toBe(true);
  });

  it('(item 6a) insertion: five signals of the reader added to a withheld cell do not publish it', () => {
    const others = many(2, { ...cell, contributor: 'org-a' });
    const inserted = many(5, { ...cell, contributor: 'reader', month: '2025-08' });
    const doc = publishQuarter(REGION, Q3, MONTHS, [...others, ...inserted]);
    for (const cube of doc.cubes) expect(cube.published, `${cube.scope} ${cube.period}`).toEqual([]);
    // Under the count-only rule the cell showed 7, and 7 − 5 = the 2 signals of the others.
    const before = countOnlyPublication([...others, ...inserted]).cubes.find((c) => c.scope === REGION && c.period === Q3.key);
    expect(before?.published.map((c) => c.signals)).toEqual([7]);
  });

  it('(item 6b) region minus gemeenten: a lone withheld gemeente cell is protected by withholding another', () => {
    // Enschede 8, Hengelo 7, Almelo 2 (all from different organisations): the region's 17 minus 8 and 7 would give 2.
    const facts = [
      ...REPORTERS.concat(['org-g', 'org-h']).map((contributor) => fact({ ...cell, gemeente: 'GM0153', contributor })),
      ...REPORTERS.concat(['org-i']).map((contributor) => fact({ ...cell, gemeente: 'GM0164', contributor: `${contributor}-2` })),
      ...many(1, { ...cell, gemeente: 'GM0141', contributor: 'org-x' }),
      ...many(1, { ...cell, gemeente: 'GM0141', contributor: 'org-y' }),
    ];
    const doc = publishQuarter(REGION, Q3, MONTHS, facts);
    const shown = (scope: string) => doc.cubes.find((c) => c.scope === scope && c.period === Q3.key)?.published.map((c) => c.signals) ?? [];
    expect(shown(REGION)).toEqual([17]);
    // Hengelo (the smaller published one) is withheld too: 17 − 8 = 9 covers two gemeenten.
    expect([shown('GM0153'), shown('GM0164'), shown('GM0141')]).toEqual([[8], [], []]);
    const before = countOnlyPublication(facts);
    const shownBefore = (scope: string) => before.cubes.find((c) => c.scope === scope && c.period === Q3.key)?.published.map((c) => c.signals) ?? [];
    expect(17 - (shownBefore('GM0153')[0] ?? 0) - (shownBefore('GM0164')[0] ?? 0)).toBe(2);
  });

  it('the count-only, unlinked rule falls to the attacks (so the adversary below can fail)', () => {
    let breaches = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const facts = randomFacts(seed);
      breaches += attack(countOnlyPublication(facts), facts).length;
    }
    expect(breaches).toBeGreaterThan(20);
  });

  it('resists every attack: known contributions, region − gemeenten, quarter − months, any grouping (200 random regions)', () => {
    let published = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const facts = randomFacts(seed);
      const doc = publishQuarter(REGION, Q3, MONTHS, facts);
      expect(attack(doc, facts), `seed ${seed}`).toEqual([]);
      published += doc.cubes.reduce((s, c) => s + c.published.length, 0);
    }
    // The rule still publishes: many cells across the region, its months and its gemeenten.
    expect(published).toBeGreaterThan(500);
  });

  it('withholds a month complementarily when the rest of its quarter would be small', () => {
    const t = (n: number, from = 'x') => Array.from({ length: n }, (_, i) => i).reduce((s, i) => s.add(`${from}${i}`, 1, 1), new Tally());
    // Six signals of six organisations: safe (any one of them is left with 5 it did not report).
    const whole = t(6, 'a').plus(t(6, 'b')).plus(t(2, 'c'));
    // Publishing both 6s would reveal the 2: one 6 goes too (the earliest of the smallest), leaving 8.
    expect([
      ...publishableParts(
        whole,
        new Map([
          ['2025-07', t(6, 'a')],
          ['2025-08', t(6, 'b')],
          ['2025-09', t(2, 'c')],
        ]),
      ),
    ]).toEqual(['2025-08']);
    // One month holding the whole quarter: nothing to protect.
    expect([...publishableParts(t(6), new Map([['2025-07', t(6)]]))]).toEqual(['2025-07']);
    // A whole that is not safe publishes no part.
    expect(publishableParts(t(4), new Map([['2025-07', t(4)]])).size).toBe(0);
  });

  it('ranks only safe services, and the median only over safe sets', () => {
    const service = '00000000-0000-4000-8000-000000000001';
    const facts = [
      ...REPORTERS.concat(['org-g', 'org-h', 'org-i', 'org-j']).map((contributor, i) => fact({ ...cell, contributor, serviceId: service, waitDays: i * 10 })),
      ...many(5, { ...cell, contributor: 'reader', serviceId: '00000000-0000-4000-8000-000000000002' }),
    ];
    const doc = publishQuarter(REGION, Q3, MONTHS, facts);
    expect(doc.services).toEqual([
      { id: service, signals: 10 },
      { id: '00000000-0000-4000-8000-000000000002', signals: 5 },
    ]);
    // With 3 of them, the second is not listed, and neither is the first: the NO_CAPACITY row minus it would be 3.
    const fewer = publishQuarter(REGION, Q3, MONTHS, facts.slice(0, 13));
    expect(fewer.services).toEqual([]);
    expect(doc.medians.find((m) => m.scope === REGION && m.period === Q3.key)?.median).toBe(45);
  });
});
