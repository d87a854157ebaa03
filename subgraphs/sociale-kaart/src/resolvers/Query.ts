import { badInput, invalidInput } from '@hub/errors';
import { connectionFromRows, type CursorPosition, decodeCursor, encodeCursor, pageSize } from '@hub/service-kit';
import { facetsInMemory, searchInMemory } from '../directory/search.ts';
import { countServiceFacets, effectiveSearchSort, type SearchSort, searchServiceIds, searchTextQuery, type ServiceSearch } from '../db/search.ts';
import { listGemeenten, listOrganizations, listRegions } from '../db/queries.ts';
import type { Context } from '../context.ts';
import { maySeeConfidential } from '../context.ts';
import { findPostcodeArea, hasPostcodeAreas, pc4Of } from '../postcodes.ts';
import { searchWords } from '../text.ts';
import { GEMEENTE_CODE_PATTERN, isLanguageCode, isZorgprofielCode, ZORGKANTOORREGIO_CODE_PATTERN, ZORGPROFIELEN } from '@hub/domain';
import { MAX_SEARCH_TEXT, MAX_WAIT_DAYS, nearSchema, parseInput, requireUuid } from '../validation.ts';
import type { PageInfo, QueryResolvers, QuerySearchServicesArgs, ServiceConnectionResolvers } from '../generated/resolvers-types.ts';
import type { ServiceRow } from '../db/queries.ts';

/**
 * A page of search results as the resolvers pass it on: the facets cost one extra statement, so they are counted
 * only when the facets field is asked for.
 */
export interface ServiceConnectionParent {
  edges: { cursor: string; node: ServiceRow; distanceKm: number | null; score: number | null }[];
  totalCount: number;
  pageInfo: PageInfo;
  countFacets: () => ReturnType<typeof countServiceFacets>;
}

const NUMERIC_KEY = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;

/**
 * The one search-specific part of its cursors: the keyset key is the sort value of the order the search is served
 * in, a number for RELEVANCE (the score) and DISTANCE (km) and a name for NAME, and the database compares it as that.
 * A cursor of another order (a name where a number belongs) would otherwise reach the database as a bad number, so
 * it is refused here as not a cursor of this search.
 */
function searchCursor(after: string, sort: SearchSort): CursorPosition {
  const position = decodeCursor(after);
  if (sort !== 'NAME' && !NUMERIC_KEY.test(position.key)) {
    throw badInput('after', 'after is not a cursor of this search (it belongs to another sort order); start again from the first page.');
  }
  return position;
}

async function requireGemeente(ctx: Context, code: string, field: string) {
  if (!GEMEENTE_CODE_PATTERN.test(code)) throw badInput(field, `${field} must be a gemeentecode such as GM0363.`);
  const g = await ctx.loaders.gemeente.load(code);
  if (!g) throw badInput(field, `Unknown gemeente ${code}.`);
  return g;
}

/**
 * The centroid of a resident's PC4 area. The postcode is location data of a resident: the error neither repeats it
 * nor is it logged; the field code lets a client say it in its own words.
 */
async function requirePostcodeArea(ctx: Context, postcode: string) {
  const pc4 = pc4Of(postcode);
  const area = pc4 ? await findPostcodeArea(ctx.db, pc4) : undefined;
  if (area) return area;
  const loaded = await hasPostcodeAreas(ctx.db);
  throw invalidInput([
    {
      path: 'filter.near.postcode',
      code: 'UNKNOWN_POSTCODE',
      message: loaded
        ? 'No postcode area is known for this postcode; check the 4 digits.'
        : 'Searching from a postcode is not available: no postcode areas are loaded (see postcodeSearchAvailable).',
    },
  ]);
}

async function buildSearch(ctx: Context, args: QuerySearchServicesArgs): Promise<ServiceSearch> {
  const text = args.text ?? '';
  if (text.length > MAX_SEARCH_TEXT) throw badInput('text', `text must be at most ${MAX_SEARCH_TEXT} characters.`);
  const f = args.filter ?? {};
  if (f.gemeenteCode) await requireGemeente(ctx, f.gemeenteCode, 'filter.gemeenteCode');
  if (f.zorgkantoorregioCode) {
    if (!ZORGKANTOORREGIO_CODE_PATTERN.test(f.zorgkantoorregioCode)) throw badInput('filter.zorgkantoorregioCode', 'Use a code such as ZK22.');
    if (!(await ctx.loaders.region.load(f.zorgkantoorregioCode)))
      throw badInput('filter.zorgkantoorregioCode', `Unknown zorgkantoorregio ${f.zorgkantoorregioCode}.`);
  }
  for (const lang of f.languages ?? []) {
    if (!isLanguageCode(lang))
      throw badInput('filter.languages', 'filter.languages must hold language codes such as nl, en, tr (ISO 639-1, or pap, nds, dse).');
  }
  for (const code of f.zorgprofielen ?? []) {
    if (!isZorgprofielCode(code))
      throw badInput('filter.zorgprofielen', 'filter.zorgprofielen must hold zorgprofiel codes of iWlz COD163 such as 754 (see zorgprofielen).');
  }
  if (f.maxWaitingDays != null && (f.maxWaitingDays < 0 || f.maxWaitingDays > MAX_WAIT_DAYS))
    throw badInput('filter.maxWaitingDays', `filter.maxWaitingDays must be 0 to ${MAX_WAIT_DAYS} days.`);
  let near: ServiceSearch['near'];
  if (f.near) {
    const n = parseInput(nearSchema, f.near, 'filter.near');
    if (n.gemeenteCode) {
      const g = await requireGemeente(ctx, n.gemeenteCode, 'filter.near.gemeenteCode');
      near = { latitude: g.latitude, longitude: g.longitude, maxDistanceKm: n.maxDistanceKm };
    } else if (n.postcode) {
      const area = await requirePostcodeArea(ctx, n.postcode);
      near = { latitude: area.latitude, longitude: area.longitude, maxDistanceKm: n.maxDistanceKm };
    } else {
      near = { latitude: n.latitude ?? 0, longitude: n.longitude ?? 0, maxDistanceKm: n.maxDistanceKm };
    }
  }
  const words = searchWords(text);
  // The words' tsquery depends only on them and the vocabulary: the directory keeps it per text until that changes.
  const model = await ctx.directory();
  const { textQuery, query } = await model.textQuery(words.join(' '), () => searchTextQuery(ctx.db, words));
  return {
    words,
    textQuery,
    parsedQuery: query,
    gemeenteCode: f.gemeenteCode ?? undefined,
    zorgkantoorregioCode: f.zorgkantoorregioCode ?? undefined,
    legalDomains: f.legalDomains ?? undefined,
    lifeDomains: f.lifeDomains ?? undefined,
    targetGroups: f.targetGroups ?? undefined,
    supportForms: f.supportForms ?? undefined,
    wlzSectors: f.wlzSectors ?? undefined,
    leveringsvormen: f.leveringsvormen ?? undefined,
    zorgprofielen: f.zorgprofielen ?? undefined,
    maxWaitingDays: f.maxWaitingDays ?? undefined,
    formality: f.formality ?? undefined,
    independentOnly: f.independentOnly ?? undefined,
    hasCapacityNow: f.hasCapacityNow ?? undefined,
    languages: f.languages ?? undefined,
    near,
    includeInactive: f.includeInactive ?? undefined,
    includeConfidentialLocations: maySeeConfidential(ctx),
    capacityStaleDays: ctx.config.capacityStaleDays,
  };
}

export const Query: QueryResolvers = {
  async searchServices(_, args, ctx) {
    const first = pageSize(args.first);
    const sort = args.sort ?? 'RELEVANCE';
    const search = await buildSearch(ctx, args);
    if (sort === 'DISTANCE' && !search.near) throw badInput('sort', 'Sorting by DISTANCE needs filter.near.');
    const effectiveSort = effectiveSearchSort(search, sort);
    const after = args.after ? searchCursor(args.after, effectiveSort) : undefined;
    // The in-memory directory serves every search it can (all but distance searches, see directory/search.ts);
    // SQL serves the rest, with the same results.
    const model = await ctx.directory();
    const { hits, total } =
      searchInMemory(model, search, search.parsedQuery, effectiveSort, first, after) ?? (await searchServiceIds(ctx.db, search, effectiveSort, first, after));
    const page = connectionFromRows(hits, first, (hit) => encodeCursor(hit.key, hit.id), Boolean(after));
    const services = await ctx.loaders.service.loadMany(page.nodes.map((hit) => hit.id));
    const edges = page.edges.flatMap(({ cursor, node: hit }, i) => {
      const node = services[i];
      if (!node || node instanceof Error) return [];
      return [{ cursor, node, distanceKm: hit.distanceKm, score: hit.score }];
    });
    let facets: ReturnType<typeof countServiceFacets> | undefined;
    return {
      edges,
      totalCount: total,
      pageInfo: page.pageInfo,
      countFacets: () => {
        if (!facets) {
          const inMemory = facetsInMemory(model, search, search.parsedQuery);
          facets = inMemory ? Promise.resolve(inMemory) : countServiceFacets(ctx.db, search);
        }
        return facets;
      },
    };
  },
  service: (_, args, ctx) => ctx.loaders.service.load(requireUuid(args.id, 'id')),
  organization: (_, args, ctx) => ctx.loaders.organization.load(requireUuid(args.id, 'id')),
  async organizations(_, args, ctx) {
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after) : undefined;
    const { rows, total } = await listOrganizations(ctx.db, {
      type: args.type ?? undefined,
      first,
      after: after ? { name: after.key, id: after.id } : undefined,
    });
    const page = connectionFromRows(rows, first, (o) => encodeCursor(o.name, o.id), Boolean(after));
    for (const o of page.nodes) ctx.loaders.organization.prime(o.id, o);
    return { nodes: page.nodes, pageInfo: page.pageInfo, totalCount: total };
  },
  async location(_, args, ctx) {
    const loc = await ctx.loaders.location.load(requireUuid(args.id, 'id'));
    return loc && (!loc.confidential || maySeeConfidential(ctx)) ? loc : null;
  },
  gemeente: (_, args, ctx) => {
    if (!GEMEENTE_CODE_PATTERN.test(args.code)) throw badInput('code', 'code must be a gemeentecode such as GM0363.');
    return ctx.loaders.gemeente.load(args.code);
  },
  gemeenten: (_, __, ctx) => listGemeenten(ctx.db),
  zorgkantoorregio: (_, args, ctx) => {
    if (!ZORGKANTOORREGIO_CODE_PATTERN.test(args.code)) throw badInput('code', 'code must be a zorgkantoorregio code such as ZK22.');
    return ctx.loaders.region.load(args.code);
  },
  zorgkantoorregios: (_, __, ctx) => listRegions(ctx.db),
  postcodeSearchAvailable: (_, __, ctx) => hasPostcodeAreas(ctx.db),
  zorgprofielen: () => [...ZORGPROFIELEN],
};

export const ServiceConnection: ServiceConnectionResolvers = {
  facets: (c) => c.countFacets(),
};
