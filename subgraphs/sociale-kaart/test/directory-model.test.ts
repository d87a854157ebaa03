import { rowsOf, sql } from '@hub/db';
import { dataOf, startTestHub, type TestHub } from '@hub/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countServiceFacets, effectiveSearchSort, type SearchSort, type ServiceSearch, searchServiceIds, searchTextQuery } from '../src/db/search.ts';
import { DirectoryModel } from '../src/directory/model.ts';
import { socialeKaartModule } from '../src/server.ts';
import { facetsInMemory, searchInMemory } from '../src/directory/search.ts';
import { matches, rankCd, roundedScore } from '../src/directory/text-rank.ts';
import { searchWords } from '../src/text.ts';

/**
 * The in-memory directory against the SQL it replaces, on the demo set: for many searches (texts with typos, stop
 * words and prefixes; every filter; every sort; several pages by cursor) the page of ids, the scores, the cursor keys,
 * the total and every facet must be equal to what the SQL search gives on the same rows. And it stays exact: a write
 * through the API, and one made straight in the database by another connection, is seen by the next request.
 */

let hub: TestHub;
let model: DirectoryModel;
beforeAll(async () => {
  hub = await startTestHub({ seedDemo: true, demoScale: 0.3, env: { REFERRAL_RELAY_INTERVAL_MS: '0' } });
  model = new DirectoryModel(hub.database.db);
  await model.ensureFresh();
}, 120_000);
afterAll(async () => {
  await hub?.stop();
});

const TEXTS: (string | null)[] = [
  null,
  'schulden',
  'schuldn', // typo
  'mantelzorg',
  'dagbesteding',
  'cliëntondersteuning',
  'wonen met zorg',
  'eenzaam',
  'de het een', // stop words only
  'jeugd gezin',
  'wijkteam amsterdam',
  'verpleeghuis dementie',
  'xyzzyq', // nothing
  'hulp',
  'budget schuld hulp',
];
const GEMEENTEN = ['GM0363', 'GM0599', 'GM0344', 'GM0014', 'GM0080', undefined];

async function buildSearch(text: string | null, extra: Partial<ServiceSearch>): Promise<ServiceSearch> {
  const words = searchWords(text ?? '');
  const { textQuery, query } = await model.textQuery(words.join(' '), () => searchTextQuery(hub.database.db, words));
  return { words, textQuery, parsedQuery: query, includeConfidentialLocations: false, capacityStaleDays: 30, ...extra };
}

async function compare(s: ServiceSearch, sort: SearchSort, pages = 3, first = 7): Promise<number> {
  const effective = effectiveSearchSort(s, sort);
  let after: { key: string; id: string } | undefined;
  let compared = 0;
  for (let page = 0; page < pages; page++) {
    const viaSql = await searchServiceIds(hub.database.db, s, effective, first, after);
    const inMemory = searchInMemory(model, s, s.parsedQuery, effective, first, after);
    expect(inMemory, `in-memory search served ${JSON.stringify({ words: s.words, sort: effective })}`).toBeDefined();
    expect(inMemory?.total).toBe(viaSql.total);
    expect(inMemory?.hits).toEqual(viaSql.hits);
    compared++;
    const last = viaSql.hits[first - 1];
    if (!last || viaSql.hits.length <= first) break;
    after = { key: last.key, id: last.id };
  }
  expect(facetsInMemory(model, s, s.parsedQuery)).toEqual(await countServiceFacets(hub.database.db, s));
  return compared;
}

describe('the in-memory directory gives what the SQL search gives', () => {
  it('matches and ranks every service as PostgreSQL does (@@ and round(ts_rank_cd(...)::numeric, 6))', async () => {
    let checked = 0;
    for (const text of TEXTS) {
      const s = await buildSearch(text, {});
      if (!s.textQuery) continue;
      const rows = rowsOf<{ id: string; score: string }>(
        await hub.database.db.execute(
          sql`select id, round(ts_rank_cd(search_vector, to_tsquery('dutch', ${s.textQuery}))::numeric, 6)::text as score
            from sociale_kaart.service where search_vector @@ to_tsquery('dutch', ${s.textQuery})`,
        ),
      );
      const expected = new Map(rows.map((r) => [r.id, r.score]));
      const actual = new Map<string, string>();
      for (const e of model.all) {
        if (s.parsedQuery && matches(e.vector, s.parsedQuery)) actual.set(e.id, roundedScore(rankCd(e.vector, s.parsedQuery)));
      }
      expect(actual.size, text ?? '').toBe(expected.size);
      for (const [id, score] of expected) expect(actual.get(id), `${text}: ${id}`).toBe(score);
      checked += expected.size;
    }
    // The demo set must make this comparison worth something.
    expect(checked).toBeGreaterThan(500);
  });

  it('pages, totals, cursors and facets are equal for every text, area, filter and sort', async () => {
    let pages = 0;
    for (const text of TEXTS) {
      for (const gemeenteCode of GEMEENTEN) {
        const s = await buildSearch(text, { gemeenteCode });
        for (const sort of ['RELEVANCE', 'NAME', 'WAITING_TIME'] as SearchSort[]) pages += await compare(s, sort);
      }
    }
    const filters: Partial<ServiceSearch>[] = [
      { zorgkantoorregioCode: 'ZK22' },
      { legalDomains: ['WMO_ALGEMENE_VOORZIENING'] },
      { lifeDomains: ['FINANCIEN_EN_SCHULDEN', 'WONEN'] },
      { targetGroups: ['OUDEREN'] },
      { supportForms: ['INFORMATIE_EN_ADVIES'] },
      { formality: 'INFORMAL' },
      { independentOnly: true },
      { hasCapacityNow: true },
      { maxWaitingDays: 14 },
      { languages: ['en', 'tr'] },
      { wlzSectors: ['VV'] },
      { includeInactive: true },
      { gemeenteCode: 'GM0363', legalDomains: ['WLZ'], hasCapacityNow: true },
    ];
    for (const f of filters) {
      for (const text of [null, 'zorg', 'schulden']) {
        const s = await buildSearch(text, f);
        for (const sort of ['RELEVANCE', 'NAME', 'WAITING_TIME'] as SearchSort[]) pages += await compare(s, sort, 2, 11);
      }
    }
    expect(pages).toBeGreaterThan(300);
  }, 120_000);

  it('leaves a distance search to SQL', async () => {
    const s = await buildSearch('zorg', { near: { latitude: 52.37, longitude: 4.89, maxDistanceKm: 10 } });
    expect(searchInMemory(model, s, s.parsedQuery, 'DISTANCE', 5, undefined)).toBeUndefined();
    expect(facetsInMemory(model, s, s.parsedQuery)).toBeUndefined();
  });
});

const SEARCH = /* GraphQL */ `
  query Search($text: String, $filter: ServiceSearchFilter) {
    searchServices(text: $text, filter: $filter, first: 50) {
      totalCount
      edges { node { id name capacity { status } organization { name } locations { nodes { name } } } }
      facets { capacity { value count } }
    }
  }
`;
interface Found {
  totalCount: number;
  edges: { node: { id: string; name: string; capacity: { status: string }; organization: { name: string }; locations: { nodes: { name: string }[] } } }[];
  facets: { capacity: { value: string; count: number }[] };
}

describe('the in-memory directory is never behind the database', () => {
  const find = async (text: string, gemeenteCode = 'GM0363') =>
    dataOf<{ searchServices: Found }>(await hub.graphql(SEARCH, { text, filter: { gemeenteCode } })).searchServices;

  it('sees a write made straight in the database by another connection at the next request', async () => {
    const before = await find('mantelzorg');
    const target = before.edges[0]?.node;
    expect(target).toBeDefined();
    if (!target) return;
    // Renamed, its organisation renamed and its capacity reported, outside the API (as a migration or an operator would).
    await hub.database.db.execute(
      sql`update sociale_kaart.service set name = 'Mantelzorg Maatje Testnaam', capacity_status = 'HAS_CAPACITY', capacity_updated_at = now() where id = ${target.id}::uuid`,
    );
    await hub.database.db.execute(
      sql`update sociale_kaart.organization set name = 'Organisatie Testnaam' where id = (select organization_id from sociale_kaart.service where id = ${target.id}::uuid)`,
    );
    const after = await find('mantelzorg');
    const node = after.edges.find((e) => e.node.id === target.id)?.node;
    expect(node?.name).toBe('Mantelzorg Maatje Testnaam');
    expect(node?.capacity.status).toBe('HAS_CAPACITY');
    expect(node?.organization.name).toBe('Organisatie Testnaam');
    // And the facet counts moved with it.
    const count = (r: Found, v: string) => r.facets.capacity.find((c) => c.value === v)?.count ?? 0;
    if (target.capacity.status !== 'HAS_CAPACITY') expect(count(after, 'HAS_CAPACITY')).toBe(count(before, 'HAS_CAPACITY') + 1);
  });

  it('drops a service that is closed, and finds a new word at once', async () => {
    const before = await find('zorg');
    expect(before.totalCount).toBeGreaterThan(3);
    const victim = before.edges[1]?.node;
    expect(victim).toBeDefined();
    if (!victim) return;
    await hub.database.db.execute(sql`update sociale_kaart.service set status = 'CLOSED' where id = ${victim.id}::uuid`);
    const after = await find('zorg');
    expect(after.totalCount).toBe(before.totalCount - 1);
    expect(after.edges.some((e) => e.node.id === victim.id)).toBe(false);

    const other = before.edges[2]?.node;
    if (!other) return;
    await hub.database.db.execute(sql`update sociale_kaart.service set search_text = search_text || ' zwaluwstaartverbinding' where id = ${other.id}::uuid`);
    const found = await find('zwaluwstaartverbinding');
    expect(found.edges.map((e) => e.node.id)).toEqual([other.id]);
  });

  it('keeps its place when old entries of the change log are purged, and loads everything when it was behind them', async () => {
    const db = hub.database.db;
    const ids = rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from sociale_kaart.service where status = 'ACTIVE' order by id limit 2`)).map(
      (r) => r.id,
    );
    const [first, second] = ids;
    if (!first || !second) throw new Error('the demo set has fewer than two active services');
    // `behind` last looked before both changes, `current` between them.
    const behind = new DirectoryModel(db);
    await behind.ensureFresh();
    await db.execute(sql`update sociale_kaart.service set name = 'Eerste na de opschoning' where id = ${first}::uuid`);
    const current = new DirectoryModel(db);
    await current.ensureFresh();
    await db.execute(sql`update sociale_kaart.service set name = 'Tweede na de opschoning' where id = ${second}::uuid`);
    // The whole log is two days old; the purge (as the daily retention job runs it) removes all of it but the newest entry.
    await db.execute(sql`update sociale_kaart.directory_change set changed_at = changed_at - interval '2 days'`);
    const purged = await socialeKaartModule.purge(hub.database, { config: hub.config });
    expect(purged.counts['sociale_kaart.directory_change']).toBeGreaterThan(0);
    const left = rowsOf<{ n: number; floor: string }>(
      await db.execute(sql`select count(*)::int as n, min(seq)::text as floor from sociale_kaart.directory_change`),
    );
    expect(left[0]?.n).toBe(1);
    expect(BigInt(left[0]?.floor ?? '0')).toBeGreaterThan(behind.version + 1n);

    // The first change's entry is gone: `behind` cannot catch up entry by entry and loads everything again.
    await behind.ensureFresh();
    expect(behind.services.get(first)?.name).toBe('Eerste na de opschoning');
    expect(behind.services.get(second)?.name).toBe('Tweede na de opschoning');
    // `current` needs only the entry that is left.
    await current.ensureFresh();
    expect(current.services.get(second)?.name).toBe('Tweede na de opschoning');
    expect(current.version).toBe(behind.version);

    // Entries of the last hour stay, whatever date the purge is given: only the old one goes.
    await db.execute(sql`update sociale_kaart.service set name = 'Derde na de opschoning' where id = ${first}::uuid`);
    const again = await socialeKaartModule.purge(hub.database, { config: hub.config, asOf: new Date(Date.now() + 10 * 24 * 3600 * 1000) });
    expect(again.counts['sociale_kaart.directory_change']).toBe(1);
    const young = rowsOf<{ n: number; lo: string; hi: string }>(
      await db.execute(sql`select count(*)::int as n, min(key) as lo, max(key) as hi from sociale_kaart.directory_change`),
    );
    expect(young[0]).toEqual({ n: 1, lo: first, hi: first });
    await current.ensureFresh();
    expect(current.services.get(first)?.name).toBe('Derde na de opschoning');
  });

  it("lists a service's locations in the new order after one is renamed, and keeps the order after another edit", async () => {
    const db = hub.database.db;
    const [pick] = rowsOf<{ service_id: string }>(
      await db.execute(sql`select sl.service_id::text as service_id from sociale_kaart.service_location sl
        join sociale_kaart.location l on l.id = sl.location_id and l.active
        group by sl.service_id having count(*) >= 2 order by sl.service_id limit 1`),
    );
    if (!pick) throw new Error('the demo set has no service with two active locations');
    const sqlOrder = async () =>
      rowsOf<{ id: string }>(
        await db.execute(sql`select l.id::text as id from sociale_kaart.service_location sl join sociale_kaart.location l on l.id = sl.location_id
          where sl.service_id = ${pick.service_id}::uuid and l.active order by l.name, l.id`),
      ).map((r) => r.id);
    const watcher = new DirectoryModel(db);
    await watcher.ensureFresh();
    const before = await sqlOrder();
    expect(watcher.activeLocationsOf(pick.service_id).map((l) => l.id)).toEqual(before);
    const last = before[before.length - 1] ?? '';
    await db.execute(sql`update sociale_kaart.location set name = 'AAA eerste locatie' where id = ${last}::uuid`);
    await watcher.ensureFresh();
    const renamed = await sqlOrder();
    expect(renamed[0]).toBe(last);
    expect(watcher.activeLocationsOf(pick.service_id).map((l) => l.id)).toEqual(renamed);
    // An edit that keeps the name leaves the order as it is.
    await db.execute(sql`update sociale_kaart.location set description = 'Andere beschrijving' where id = ${last}::uuid`);
    await watcher.ensureFresh();
    expect(watcher.activeLocationsOf(pick.service_id).map((l) => l.id)).toEqual(await sqlOrder());
  });

  it('reloads everything after the change log was reset', async () => {
    const fresh = new DirectoryModel(hub.database.db);
    await fresh.ensureFresh();
    const size = fresh.services.size;
    expect(size).toBeGreaterThan(100);
    // A database restored from an older copy: the log is behind the model.
    fresh.version += 1_000_000n;
    await fresh.ensureFresh();
    expect(fresh.version).toBeLessThan(1_000_000n);
    expect(fresh.services.size).toBe(size);
  });
});
