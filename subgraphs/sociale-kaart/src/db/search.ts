import { and, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '@hub/db';
import { location, searchWord, service, serviceLocation } from './schema.ts';
import type { CursorPosition } from '@hub/service-kit';
import type { ParsedQuery } from '../directory/text-rank.ts';

interface SearchPoint {
  latitude: number;
  longitude: number;
  maxDistanceKm: number;
}

/** A validated search: every value here has passed the boundary checks. */
export interface ServiceSearch {
  words: string[];
  /**
   * The tsquery source for `words`, widened with typo neighbours (see {@link searchTextQuery}); undefined without
   * words. Resolved once per request, so the search statements carry it as one parameter the planner can estimate.
   */
  textQuery: string | undefined;
  /**
   * `textQuery` as PostgreSQL parsed it, for the in-memory search: null when it holds no lexeme (only stop words),
   * undefined without words or when it uses operators the in-memory search leaves to SQL.
   */
  parsedQuery?: ParsedQuery | null | undefined;
  gemeenteCode?: string | undefined;
  zorgkantoorregioCode?: string | undefined;
  legalDomains?: string[] | undefined;
  lifeDomains?: string[] | undefined;
  targetGroups?: string[] | undefined;
  supportForms?: string[] | undefined;
  wlzSectors?: string[] | undefined;
  leveringsvormen?: string[] | undefined;
  /** COD163 codes. */
  zorgprofielen?: string[] | undefined;
  /** Only services whose fresh capacity report gives at most this many days of waiting. */
  maxWaitingDays?: number | undefined;
  formality?: string | undefined;
  independentOnly?: boolean | undefined;
  hasCapacityNow?: boolean | undefined;
  languages?: string[] | undefined;
  near?: SearchPoint | undefined;
  includeInactive?: boolean | undefined;
  /** Anonymous callers: confidential locations take no part in distances. */
  includeConfidentialLocations: boolean;
  capacityStaleDays: number;
}

export type SearchSort = 'RELEVANCE' | 'DISTANCE' | 'NAME' | 'WAITING_TIME';

export interface SearchHit {
  id: string;
  score: number | null;
  distanceKm: number | null;
  /** The sort value written into the cursor. */
  key: string;
}

const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/** Minimum trigram similarity for a vocabulary word to count as the intended word. */
const TYPO_SIMILARITY = 0.4;

/**
 * The tsquery source of a search: every word (AND) as its Dutch stem with prefix matching ('schulden' → schuld:*,
 * which also matches schuldhulpverlening), OR-ed with close vocabulary words for typos. One statement for all
 * words; the result is passed to to_tsquery('dutch', …), which stems each term and drops stop words. The words
 * and the vocabulary hold letters and digits only (searchWords, refreshSearchWords), so nothing here is tsquery syntax.
 */
export async function searchTextQuery(db: Db, words: readonly string[]): Promise<string | undefined> {
  if (words.length === 0) return undefined;
  const rows = rowsOf<{ word: string; neighbour: string }>(
    await db.execute(sql`select q.word, w.${sql.identifier(searchWord.word.name)} as neighbour
      from unnest(${sql.param([...words])}::text[]) as q(word)
      join ${searchWord} w on w.${sql.identifier(searchWord.word.name)} % q.word and similarity(w.${sql.identifier(searchWord.word.name)}, q.word) >= ${TYPO_SIMILARITY}`),
  );
  const safe = (w: string) => /^[\p{L}\p{N}]+$/u.test(w);
  return words
    .map((word) => {
      const alternatives = [word, ...rows.filter((r) => r.word === word && r.neighbour !== word).map((r) => r.neighbour)].filter(safe);
      return `(${[...new Set(alternatives)].map((a) => `${a}:*`).join(' | ')})`;
    })
    .join(' & ');
}

const tsQuery = (s: ServiceSearch): SQL | undefined => (s.textQuery ? sql`to_tsquery('dutch', ${s.textQuery})` : undefined);

function capacityNow(staleDays: number): SQL {
  return sql`case when ${service.capacityStatus} is null or ${service.capacityUpdatedAt} < now() - make_interval(days => ${staleDays}) then 'UNKNOWN' else ${service.capacityStatus} end`;
}

/**
 * Whether the capacity report's waiting time can be relied on: reported within CAPACITY_STALE_DAYS (an older one is
 * as unknown as the capacity status itself), and not NO_CAPACITY (full, without a waiting list: no waiting time can
 * be promised, whatever number came with it).
 */
function waitDaysKnown(staleDays: number): SQL {
  return sql`${service.capacityUpdatedAt} >= now() - make_interval(days => ${staleDays}) and ${service.capacityStatus} <> 'NO_CAPACITY'`;
}

/** The expected waiting time of a fresh capacity report, null when it is not known (see {@link waitDaysKnown}). */
function freshWaitDays(staleDays: number): SQL {
  return sql`case when ${waitDaysKnown(staleDays)} then ${service.capacityWaitDays} end`;
}

/** Sort key of WAITING_TIME: services without a fresh waiting time after every reported one (at most 3650 days). */
export const NO_WAIT_DAYS_KEY = 99999;

const haversineKm = (point: SearchPoint) => sql`6371.0 * 2 * asin(sqrt(
      power(sin(radians(${location.latitude} - ${point.latitude}) / 2), 2)
      + cos(radians(${point.latitude})) * cos(radians(${location.latitude}))
      * power(sin(radians(${location.longitude} - ${point.longitude}) / 2), 2)))`;

/** Locations near the point: a bounding box the (latitude, longitude) index can serve, then the exact distance. */
function nearLocations(point: SearchPoint, includeConfidential: boolean): SQL {
  const latDelta = point.maxDistanceKm / 111.0;
  const lonDelta = point.maxDistanceKm / (111.0 * Math.max(0.2, Math.cos((point.latitude * Math.PI) / 180)));
  return sql`${location.active}
      ${includeConfidential ? sql`` : sql`and not ${location.confidential}`}
      and ${location.latitude} between ${point.latitude - latDelta} and ${point.latitude + latDelta}
      and ${location.longitude} between ${point.longitude - lonDelta} and ${point.longitude + lonDelta}
      and ${haversineKm(point)} <= ${point.maxDistanceKm}`;
}

/** Great-circle distance in km from the point to the nearest qualifying location of the service. */
function distanceExpr(point: SearchPoint, includeConfidential: boolean): SQL {
  return sql`(select min(${haversineKm(point)})
    from ${serviceLocation} join ${location} on ${location.id} = ${serviceLocation.locationId}
    where ${serviceLocation.serviceId} = ${service.id} and ${nearLocations(point, includeConfidential)})`;
}

/** Uncorrelated, so it runs once per statement rather than once per service. */
function withinDistance(point: SearchPoint, includeConfidential: boolean): SQL {
  return sql`${service.id} in (select ${serviceLocation.serviceId}
    from ${serviceLocation} join ${location} on ${location.id} = ${serviceLocation.locationId}
    where ${nearLocations(point, includeConfidential)})`;
}

function conditions(s: ServiceSearch): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  c.push(s.includeInactive ? undefined : sql`${service.status} in ('ACTIVE', 'TEMPORARILY_CLOSED')`);
  const tq = tsQuery(s);
  // Within a gemeente or region the area indexes find at most a few thousand services, while PostgreSQL estimates
  // prefix text matches badly (49 rows for 'wonen met zorg', which matches 10,046 services nationwide) and would
  // fetch every text match in the country before filtering on the area: 70 ms instead of 10. `IS TRUE` keeps the
  // text test off the index there, so the area decides the plan; without an area the text index leads.
  if (tq) c.push(s.gemeenteCode || s.zorgkantoorregioCode ? sql`(${service.searchVector} @@ ${tq}) is true` : sql`${service.searchVector} @@ ${tq}`);
  if (s.gemeenteCode) c.push(sql`(${service.areaScope} = 'NATIONAL' or ${service.servedGemeenten} @> ${textArray([s.gemeenteCode])})`);
  if (s.zorgkantoorregioCode) c.push(sql`(${service.areaScope} = 'NATIONAL' or ${service.servedRegions} @> ${textArray([s.zorgkantoorregioCode])})`);
  if (s.legalDomains?.length) c.push(sql`${service.legalDomains} && ${textArray(s.legalDomains)}`);
  if (s.lifeDomains?.length) c.push(sql`${service.lifeDomains} && ${textArray(s.lifeDomains)}`);
  if (s.targetGroups?.length) c.push(sql`${service.targetGroups} && ${textArray(s.targetGroups)}`);
  if (s.supportForms?.length) c.push(sql`${service.supportForms} && ${textArray(s.supportForms)}`);
  if (s.wlzSectors?.length) c.push(sql`${service.wlzSectors} && ${textArray(s.wlzSectors)}`);
  if (s.leveringsvormen?.length) c.push(sql`${service.leveringsvormen} && ${textArray(s.leveringsvormen)}`);
  if (s.zorgprofielen?.length) c.push(sql`${service.zorgprofielen} && ${textArray(s.zorgprofielen)}`);
  if (s.maxWaitingDays !== undefined) c.push(sql`${service.capacityWaitDays} <= ${s.maxWaitingDays} and ${waitDaysKnown(s.capacityStaleDays)}`);
  if (s.languages?.length) c.push(sql`${service.languages} && ${textArray(s.languages)}`);
  if (s.formality) c.push(sql`${service.formality} = ${s.formality}`);
  if (s.independentOnly) c.push(sql`${service.independent}`);
  if (s.hasCapacityNow) c.push(sql`${capacityNow(s.capacityStaleDays)} = 'HAS_CAPACITY'`);
  if (s.near) c.push(withinDistance(s.near, s.includeConfidentialLocations));
  return and(...c);
}

function scoreExpr(s: ServiceSearch): SQL {
  const tq = tsQuery(s);
  if (!tq) return sql`null::numeric`;
  return sql`round(ts_rank_cd(${service.searchVector}, ${tq})::numeric, 6)`;
}

/** The order a search is served in: RELEVANCE without words to rank by is name order. */
export const effectiveSearchSort = (s: ServiceSearch, sort: SearchSort): SearchSort => (sort === 'RELEVANCE' && !s.textQuery ? 'NAME' : sort);

/**
 * One page of matching service ids, in one statement whatever the page size: `first + 1` hits (the extra one only
 * tells that there is a next page), and the total as a window count over the filtered set, taken before the keyset
 * condition is applied. The cursor's key is the sort value of the effective sort: a number for RELEVANCE (the score)
 * and DISTANCE, the name for NAME.
 */
export async function searchServiceIds(
  db: Db,
  s: ServiceSearch,
  sort: SearchSort,
  first: number,
  after: CursorPosition | undefined,
): Promise<{ hits: SearchHit[]; total: number }> {
  const score = scoreExpr(s);
  const distance = s.near ? distanceExpr(s.near, s.includeConfidentialLocations) : sql`null::double precision`;
  const effectiveSort = effectiveSearchSort(s, sort);
  // The relevance key is the score column itself (read back below), so the rank is computed once per row.
  const waitKey = sql`coalesce(${freshWaitDays(s.capacityStaleDays)}, ${NO_WAIT_DAYS_KEY})`;
  const sortKey =
    effectiveSort === 'RELEVANCE'
      ? sql`null::text`
      : effectiveSort === 'DISTANCE'
        ? sql`round((${distance})::numeric, 6)::text`
        : effectiveSort === 'WAITING_TIME'
          ? sql`${waitKey}::text`
          : sql`${service.name}`;
  const matched = db
    .select({
      id: service.id,
      name: service.name,
      score: sql<string | null>`${score}`.as('score'),
      distance: sql<number | null>`${distance}`.as('distance'),
      sortKey: sql<string>`${sortKey}`.as('sort_key'),
      waitKey: sql<number>`${effectiveSort === 'WAITING_TIME' ? waitKey : sql`null::integer`}`.as('wait_key'),
      total: sql<string>`count(*) over ()`.as('total'),
    })
    .from(service)
    .where(conditions(s))
    .as('matched');

  let keyset: SQL | undefined;
  let order: SQL;
  if (effectiveSort === 'RELEVANCE') {
    order = sql`${matched.score} desc, ${matched.id} asc`;
    if (after) keyset = sql`(${matched.score} < ${after.key}::numeric or (${matched.score} = ${after.key}::numeric and ${matched.id} > ${after.id}::uuid))`;
  } else if (effectiveSort === 'DISTANCE') {
    order = sql`${matched.distance} asc, ${matched.id} asc`;
    if (after)
      keyset = sql`(round(${matched.distance}::numeric, 6) > ${after.key}::numeric or (round(${matched.distance}::numeric, 6) = ${after.key}::numeric and ${matched.id} > ${after.id}::uuid))`;
  } else if (effectiveSort === 'WAITING_TIME') {
    order = sql`${matched.waitKey} asc, ${matched.id} asc`;
    if (after) keyset = sql`(${matched.waitKey}, ${matched.id}) > (${after.key}::integer, ${after.id}::uuid)`;
  } else {
    order = sql`${matched.name} asc, ${matched.id} asc`;
    if (after) keyset = sql`(${matched.name}, ${matched.id}) > (${after.key}, ${after.id}::uuid)`;
  }
  const rows = await db
    .select()
    .from(matched)
    .where(keyset)
    .orderBy(order)
    .limit(first + 1);
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && after) {
    const [c] = await db.select({ n: sql<string>`count(*)` }).from(service).where(conditions(s));
    total = Number(c?.n ?? 0);
  }
  return {
    hits: rows.map((r) => ({
      id: r.id,
      score: r.score === null ? null : Number(r.score),
      distanceKm: r.distance === null ? null : Math.round(Number(r.distance) * 1000) / 1000,
      key: effectiveSort === 'RELEVANCE' ? String(r.score) : r.sortKey,
    })),
    total,
  };
}

export type FacetDimension =
  | 'legalDomains'
  | 'lifeDomains'
  | 'targetGroups'
  | 'supportForms'
  | 'wlzSectors'
  | 'leveringsvormen'
  | 'zorgprofielen'
  | 'formality'
  | 'independent'
  | 'capacity'
  | 'languages';

/** Counts per value of every facet dimension over the whole filtered set, in one statement. */
export async function countServiceFacets(db: Db, s: ServiceSearch): Promise<Record<FacetDimension, { value: string; count: number }[]>> {
  const where = conditions(s) ?? sql`true`;
  const arrayFacet = (dim: FacetDimension, column: string) =>
    sql`select ${dim}::text as dim, v::text as value, count(*) as n from m, unnest(m.${sql.raw(column)}) as v group by v`;
  const scalarFacet = (dim: FacetDimension, column: string) =>
    sql`select ${dim}::text as dim, m.${sql.raw(column)}::text as value, count(*) as n from m group by 2`;
  const arms = sql.join(
    [
      arrayFacet('legalDomains', 'legal_domains'),
      arrayFacet('lifeDomains', 'life_domains'),
      arrayFacet('targetGroups', 'target_groups'),
      arrayFacet('supportForms', 'support_forms'),
      arrayFacet('wlzSectors', 'wlz_sectors'),
      arrayFacet('leveringsvormen', 'leveringsvormen'),
      arrayFacet('zorgprofielen', 'zorgprofielen'),
      arrayFacet('languages', 'languages'),
      scalarFacet('formality', 'formality'),
      scalarFacet('independent', 'independent'),
      scalarFacet('capacity', 'capacity_now'),
    ],
    sql` union all `,
  );
  // The filtered set is computed once and shared by every facet.
  const query = sql`with m as materialized (
      select ${service.legalDomains}, ${service.lifeDomains}, ${service.targetGroups}, ${service.supportForms},
        ${service.wlzSectors}, ${service.leveringsvormen}, ${service.zorgprofielen}, ${service.languages}, ${service.formality}, ${service.independent},
        ${capacityNow(s.capacityStaleDays)} as capacity_now
      from ${service} where ${where})
    ${arms}`;
  const result = await db.execute(sql`${query} order by 1, 3 desc, 2`);
  const rows = rowsOf<{ dim: FacetDimension; value: string; n: string | number }>(result);
  const out: Record<FacetDimension, { value: string; count: number }[]> = {
    legalDomains: [],
    lifeDomains: [],
    targetGroups: [],
    supportForms: [],
    wlzSectors: [],
    leveringsvormen: [],
    zorgprofielen: [],
    formality: [],
    independent: [],
    capacity: [],
    languages: [],
  };
  for (const r of rows) out[r.dim].push({ value: r.value, count: Number(r.n) });
  return out;
}

/**
 * The filter and the relevance score of a search as SQL, for other listings over the same services (the HSDS
 * feed pages by number rather than by cursor). Same conditions, so both find the same services.
 */
export function serviceSearchSql(s: ServiceSearch): { where: SQL | undefined; score: SQL } {
  return { where: conditions(s), score: scoreExpr(s) };
}
