import type { CursorPosition } from '@hub/service-kit';
import { type FacetDimension, NO_WAIT_DAYS_KEY, type SearchHit, type SearchSort, type ServiceSearch } from '../db/search.ts';
import type { DirectoryModel, ServiceEntry } from './model.ts';
import { matchesMask, operandMask, type ParsedQuery, rankCd, scoreOf } from './text-rank.ts';

/**
 * The search of db/search.ts over the in-memory directory (./model.ts): the same conditions, the same order, the
 * same cursors and the same exact facet counts, without a statement. `test/directory-model.test.ts` runs both over
 * the same data and compares every page and facet. A search this module does not handle (a distance search, a
 * cursor whose name is no longer in the directory, a query PostgreSQL parsed into operators other than & and |)
 * returns undefined and is served by SQL as before.
 */

const DAY_MS = 86_400_000;

interface Matched {
  entry: ServiceEntry;
  score: string | null;
  scoreValue: number;
  waitKey: number;
}

/** capacityNow() of db/search.ts, with SQL's null logic (an unknown report date keeps the reported status). */
function capacityNow(s: ServiceEntry, staleBefore: number): string {
  if (s.capacityStatus === null) return 'UNKNOWN';
  if (s.capacityUpdatedAt !== null && s.capacityUpdatedAt < staleBefore) return 'UNKNOWN';
  return s.capacityStatus;
}

/** waitDaysKnown() of db/search.ts: a fresh report that is not NO_CAPACITY. */
const waitDaysKnown = (s: ServiceEntry, staleBefore: number) =>
  s.capacityUpdatedAt !== null && s.capacityUpdatedAt >= staleBefore && s.capacityStatus !== null && s.capacityStatus !== 'NO_CAPACITY';

/** The services a search looks at: those of its gemeente or region (national ones included), or all. */
function candidates(model: DirectoryModel, s: ServiceSearch): readonly ServiceEntry[] {
  if (s.gemeenteCode) return model.byGemeente.get(s.gemeenteCode) ?? model.national;
  if (s.zorgkantoorregioCode) return model.byRegion.get(s.zorgkantoorregioCode) ?? model.national;
  return model.all;
}

type ArrayOf = (e: ServiceEntry) => readonly string[];

/** The array filters a search sets (`column && wanted`), so a service is tested only against those. */
function arrayFilters(s: ServiceSearch): [ArrayOf, readonly string[]][] {
  const all: [ArrayOf, readonly string[] | undefined][] = [
    [(e) => e.legalDomains, s.legalDomains],
    [(e) => e.lifeDomains, s.lifeDomains],
    [(e) => e.targetGroups, s.targetGroups],
    [(e) => e.supportForms, s.supportForms],
    [(e) => e.wlzSectors, s.wlzSectors],
    [(e) => e.leveringsvormen, s.leveringsvormen],
    [(e) => e.zorgprofielen, s.zorgprofielen],
    [(e) => e.languages, s.languages],
  ];
  return all.filter((f): f is [ArrayOf, readonly string[]] => Boolean(f[1]?.length));
}

/** A request's search is filtered once for its page and its facets. */
const filtered = new WeakMap<ServiceSearch, Matched[] | undefined>();

function filter(model: DirectoryModel, s: ServiceSearch, query: ParsedQuery | null | undefined): Matched[] | undefined {
  if (!filtered.has(s)) filtered.set(s, filterOnce(model, s, query));
  return filtered.get(s);
}

/** The filtered set of a search, with each service's score and waiting-time key; undefined when SQL must serve it. */
function filterOnce(model: DirectoryModel, s: ServiceSearch, query: ParsedQuery | null | undefined): Matched[] | undefined {
  if (s.near) return undefined;
  if (s.textQuery !== undefined && query === undefined) return undefined;
  if (query === null) return [];
  const staleBefore = Date.now() - s.capacityStaleDays * DAY_MS;
  const out: Matched[] = [];
  // The area indexes hold exactly the services of the gemeente (or region) and the national ones; with both a
  // gemeente and a region, the region is checked per service.
  const checkRegion = Boolean(s.gemeenteCode && s.zorgkantoorregioCode);
  const mask = query ? operandMask(model, query) : undefined;
  if (query && !mask) return undefined; // more than 31 operands
  const filters = arrayFilters(s);
  const list = candidates(model, s);
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as ServiceEntry;
    if (!s.includeInactive && e.status !== 'ACTIVE' && e.status !== 'TEMPORARILY_CLOSED') continue;
    if (checkRegion && !e.national && !e.servedRegions.includes(s.zorgkantoorregioCode as string)) continue;
    if (filters.length && !filters.every(([of, wanted]) => of(e).some((v) => wanted.includes(v)))) continue;
    if (s.maxWaitingDays !== undefined && !(e.capacityWaitDays !== null && e.capacityWaitDays <= s.maxWaitingDays && waitDaysKnown(e, staleBefore))) continue;
    if (s.formality && e.formality !== s.formality) continue;
    if (s.independentOnly && !e.independent) continue;
    if (s.hasCapacityNow && capacityNow(e, staleBefore) !== 'HAS_CAPACITY') continue;
    if (query && mask && !matchesMask(e.vector, query, mask)) continue;
    let score: string | null = null;
    let scoreValue = 0;
    if (query) {
      const rank = rankCd(e.vector, query, mask);
      if (Number.isNaN(rank)) return undefined;
      const rounded = scoreOf(rank);
      score = rounded.text;
      scoreValue = rounded.value;
    }
    const wait = waitDaysKnown(e, staleBefore) ? e.capacityWaitDays : null;
    out.push({ entry: e, score, scoreValue, waitKey: wait ?? NO_WAIT_DAYS_KEY });
  }
  return out;
}

const byId = (a: Matched, b: Matched) => (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0);

/**
 * searchServiceIds of db/search.ts. `sort` is already the effective sort (RELEVANCE only with words). Undefined when
 * SQL must serve the search.
 */
export function searchInMemory(
  model: DirectoryModel,
  s: ServiceSearch,
  query: ParsedQuery | null | undefined,
  sort: SearchSort,
  first: number,
  after: CursorPosition | undefined,
): { hits: SearchHit[]; total: number } | undefined {
  if (sort === 'DISTANCE') return undefined;
  const matched = filter(model, s, query);
  if (!matched) return undefined;
  let page = [...matched];
  if (sort === 'RELEVANCE') {
    if (after) {
      const key = Number(after.key);
      page = matched.filter((m) => m.scoreValue < key || (m.scoreValue === key && m.entry.id > after.id));
    }
    page.sort((a, b) => b.scoreValue - a.scoreValue || byId(a, b));
  } else if (sort === 'WAITING_TIME') {
    if (after) {
      const key = Number.parseInt(after.key, 10);
      if (!Number.isFinite(key)) return undefined;
      page = matched.filter((m) => m.waitKey > key || (m.waitKey === key && m.entry.id > after.id));
    }
    page.sort((a, b) => a.waitKey - b.waitKey || byId(a, b));
  } else {
    if (after) {
      // (name, id) > (key, id) under the database's collation: known only through the rank of the cursor's own row.
      const anchor = model.services.get(after.id);
      if (!anchor || anchor.name !== after.key) return undefined;
      page = matched.filter((m) => m.entry.nameRank > anchor.nameRank);
    }
    page.sort((a, b) => a.entry.nameRank - b.entry.nameRank);
  }
  const hits = page.slice(0, first + 1).map((m) => ({
    id: m.entry.id,
    score: m.score === null ? null : m.scoreValue,
    distanceKm: null,
    key: sort === 'RELEVANCE' ? String(m.score) : sort === 'WAITING_TIME' ? String(m.waitKey) : m.entry.name,
  }));
  return { hits, total: matched.length };
}

/** countServiceFacets of db/search.ts: exact counts per value over the whole filtered set, in the same order. */
export function facetsInMemory(
  model: DirectoryModel,
  s: ServiceSearch,
  query: ParsedQuery | null | undefined,
): Record<FacetDimension, { value: string; count: number }[]> | undefined {
  const matched = filter(model, s, query);
  if (!matched) return undefined;
  const staleBefore = Date.now() - s.capacityStaleDays * DAY_MS;
  // Every (dimension, value) but capacity has a number in the model, and each service lists its numbers.
  const tally = new Int32Array(model.facetValues.length);
  const capacity = new Map<string, number>();
  for (const { entry } of matched) {
    const ids = entry.facetIds;
    for (let i = 0; i < ids.length; i++) tally[ids[i] as number] = (tally[ids[i] as number] as number) + 1;
    const now = capacityNow(entry, staleBefore);
    capacity.set(now, (capacity.get(now) ?? 0) + 1);
  }
  const counts = new Map<FacetDimension, Map<string, number>>([['capacity', capacity]]);
  for (let id = 0; id < tally.length; id++) {
    const n = tally[id] as number;
    if (n === 0) continue;
    const [dim, value] = model.facetValues[id] as [FacetDimension, string];
    let m = counts.get(dim);
    if (!m) {
      m = new Map();
      counts.set(dim, m);
    }
    m.set(value, n);
  }
  const rank = (v: string) => model.valueRank.get(v) ?? Number.MAX_SAFE_INTEGER;
  const ordered = (dim: FacetDimension) =>
    [...(counts.get(dim) ?? new Map<string, number>()).entries()]
      .sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1))
      .map(([value, count]) => ({ value, count }));
  return {
    legalDomains: ordered('legalDomains'),
    lifeDomains: ordered('lifeDomains'),
    targetGroups: ordered('targetGroups'),
    supportForms: ordered('supportForms'),
    wlzSectors: ordered('wlzSectors'),
    leveringsvormen: ordered('leveringsvormen'),
    zorgprofielen: ordered('zorgprofielen'),
    formality: ordered('formality'),
    independent: ordered('independent'),
    capacity: ordered('capacity'),
    languages: ordered('languages'),
  };
}
