import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startTestHub, type TestHub } from '@hub/testing';

/**
 * The toegangsteam search through the gateway, in-process, on the deterministic demo set
 * (a reduced scale: every gemeente and region, fewer care providers).
 */

let hub: TestHub;
beforeAll(async () => {
  // No background relay rounds: the statement counts below must see this file's requests only.
  hub = await startTestHub({ seedDemo: true, demoScale: 0.1, env: { REFERRAL_RELAY_INTERVAL_MS: '0' } });
});
afterAll(async () => {
  await hub?.stop();
});

interface Edge {
  cursor: string;
  distanceKm: number | null;
  score: number | null;
  node: {
    id: string;
    name: string;
    legalDomains: string[];
    lifeDomains: string[];
    targetGroups: string[];
    supportForms: string[];
    wlzSectors: string[];
    languages: string[];
    formality: string;
    independent: boolean;
    capacity: { status: string };
    serviceArea: { scope: string; gemeenten: { code: string }[]; zorgkantoorregios: { code: string }[] };
  };
}
interface Facet {
  value: string;
  count: number;
}
interface SearchResult {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Edge[];
  facets: Record<string, Facet[]>;
}

const SEARCH = /* GraphQL */ `
  query Search($text: String, $filter: ServiceSearchFilter, $sort: ServiceSort, $first: Int, $after: String) {
    searchServices(text: $text, filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        distanceKm
        score
        node {
          id name legalDomains lifeDomains targetGroups supportForms wlzSectors languages formality independent
          capacity { status }
          serviceArea { scope gemeenten { code } zorgkantoorregios { code } }
        }
      }
      facets {
        legalDomains { value count } lifeDomains { value count } targetGroups { value count }
        supportForms { value count } wlzSectors { value count } formality { value count }
        independent { value count } capacity { value count } languages { value count }
      }
    }
  }
`;

async function search(variables: Record<string, unknown>, token?: string): Promise<SearchResult> {
  const res = await hub.graphql(SEARCH, variables, { token });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return (res.body.data as { searchServices: SearchResult }).searchServices;
}

const names = (r: SearchResult) => r.edges.map((e) => e.node.name);

describe('search for toegangsteams', () => {
  it('gives signed-in professionals the same public results', async () => {
    const token = await hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: 'GM0363' });
    const anonymous = await search({ filter: { gemeenteCode: 'GM0363' }, first: 100 });
    const signedIn = await search({ filter: { gemeenteCode: 'GM0363' }, first: 100 }, token);
    expect(signedIn.totalCount).toBe(anonymous.totalCount);
    expect(names(signedIn)).toEqual(names(anonymous));
  });

  describe('each filter narrows the result to matching services', () => {
    const base = { gemeenteCode: 'GM0363' };
    let all: SearchResult;
    beforeAll(async () => {
      all = await search({ filter: base, first: 100 });
    });

    const cases: [string, Record<string, unknown>, (e: Edge) => boolean][] = [
      ['legalDomains', { legalDomains: ['WLZ'] }, (e) => e.node.legalDomains.includes('WLZ')],
      ['lifeDomains', { lifeDomains: ['FINANCIEN_EN_SCHULDEN'] }, (e) => e.node.lifeDomains.includes('FINANCIEN_EN_SCHULDEN')],
      ['targetGroups', { targetGroups: ['MANTELZORGERS'] }, (e) => e.node.targetGroups.includes('MANTELZORGERS')],
      ['supportForms', { supportForms: ['HERINDICATIE'] }, (e) => e.node.supportForms.includes('HERINDICATIE')],
      ['wlzSectors', { wlzSectors: ['GGZ'] }, (e) => e.node.wlzSectors.includes('GGZ')],
      ['formality', { formality: 'INFORMAL' }, (e) => e.node.formality === 'INFORMAL'],
      ['independentOnly', { independentOnly: true }, (e) => e.node.independent],
      ['hasCapacityNow', { hasCapacityNow: true }, (e) => e.node.capacity.status === 'HAS_CAPACITY'],
      ['languages', { languages: ['tr'] }, (e) => e.node.languages.includes('tr')],
    ];
    for (const [name, filter, holds] of cases) {
      it(name, async () => {
        const r = await search({ filter: { ...base, ...filter }, first: 100 });
        expect(r.totalCount).toBeGreaterThan(0);
        expect(r.totalCount).toBeLessThan(all.totalCount);
        expect(r.edges.every(holds)).toBe(true);
        // Nothing that matches was dropped: the unfiltered set has exactly as many matching services.
        expect(all.edges.filter(holds)).toHaveLength(r.totalCount);
      });
    }

    it('gemeenteCode keeps services serving that gemeente (or the whole country)', async () => {
      const r = await search({ filter: { gemeenteCode: 'GM0153' }, first: 100 });
      expect(r.totalCount).toBeGreaterThan(0);
      for (const e of r.edges) {
        const serves = e.node.serviceArea.scope === 'NATIONAL' || e.node.serviceArea.gemeenten.some((g) => g.code === 'GM0153');
        expect(serves, e.node.name).toBe(true);
      }
    });

    it('zorgkantoorregioCode keeps services serving part of that region', async () => {
      const r = await search({ filter: { zorgkantoorregioCode: 'ZK22' }, first: 100 });
      expect(r.totalCount).toBeGreaterThan(0);
      for (const e of r.edges) {
        const serves = e.node.serviceArea.scope === 'NATIONAL' || e.node.serviceArea.zorgkantoorregios.some((z) => z.code === 'ZK22');
        expect(serves, e.node.name).toBe(true);
      }
    });

    it('filters combine with AND', async () => {
      const r = await search({ filter: { ...base, legalDomains: ['WLZ'], independentOnly: true }, first: 100 });
      expect(r.totalCount).toBeGreaterThan(0);
      expect(r.edges.every((e) => e.node.independent && e.node.legalDomains.includes('WLZ'))).toBe(true);
      const wlz = await search({ filter: { ...base, legalDomains: ['WLZ'] }, first: 100 });
      expect(r.totalCount).toBeLessThan(wlz.totalCount);
    });
  });

  it('pages through results without gaps or duplicates, in the same order as one big page', async () => {
    const filter = { gemeenteCode: 'GM0363' };
    const whole = await search({ filter, first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: SearchResult = await search({ filter, first: 7, after });
      expect(page.totalCount).toBe(whole.totalCount);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.edges.map((e) => e.node.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('pages stably under relevance sorting with text', async () => {
    const whole = await search({ text: 'ondersteuning', filter: { zorgkantoorregioCode: 'ZK02' }, first: 100 });
    expect(whole.totalCount).toBeGreaterThan(5);
    const first = await search({ text: 'ondersteuning', filter: { zorgkantoorregioCode: 'ZK02' }, first: 3 });
    const rest = await search({ text: 'ondersteuning', filter: { zorgkantoorregioCode: 'ZK02' }, first: 100, after: first.pageInfo.endCursor });
    expect([...first.edges, ...rest.edges].map((e) => e.node.id)).toEqual(whole.edges.map((e) => e.node.id));
    const scores = whole.edges.map((e) => e.score ?? 0);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('refuses a cursor of another sort order (a name where a score or a distance belongs) with BAD_USER_INPUT', async () => {
    const byName = await search({ filter: { zorgkantoorregioCode: 'ZK02' }, sort: 'NAME', first: 1 });
    const after = byName.pageInfo.endCursor;
    const near = { gemeenteCode: 'GM0363', maxDistanceKm: 20 };
    for (const variables of [
      { text: 'ondersteuning', filter: { zorgkantoorregioCode: 'ZK02' }, sort: 'RELEVANCE', after },
      { filter: { near }, sort: 'DISTANCE', after },
    ]) {
      const res = await hub.graphql(SEARCH, variables);
      expect(res.body.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    // Without text, RELEVANCE is name order, so the name cursor fits.
    const untexted = await search({ filter: { zorgkantoorregioCode: 'ZK02' }, sort: 'RELEVANCE', first: 1, after });
    expect(untexted.edges[0]?.node.name.localeCompare(byName.edges[0]?.node.name ?? '')).toBeGreaterThanOrEqual(0);
  });

  it('filters by the accepted language codes only: another code is BAD_USER_INPUT', async () => {
    for (const code of ['xx', 'NL', 'nld']) {
      const res = await hub.graphql(SEARCH, { filter: { languages: [code] } });
      expect(res.body.errors?.[0]?.extensions, code).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.languages' });
    }
  });

  it('facet counts add up to the total and match filtering by the value', async () => {
    const r = await search({ filter: { zorgkantoorregioCode: 'ZK22' }, first: 1 });
    const sum = (f: Facet[] | undefined) => (f ?? []).reduce((s, x) => s + x.count, 0);
    expect(sum(r.facets.formality)).toBe(r.totalCount);
    expect(sum(r.facets.independent)).toBe(r.totalCount);
    expect(sum(r.facets.capacity)).toBe(r.totalCount);
    const wlz = r.facets.legalDomains?.find((f) => f.value === 'WLZ');
    expect(wlz?.count).toBeGreaterThan(0);
    const filtered = await search({ filter: { zorgkantoorregioCode: 'ZK22', legalDomains: ['WLZ'] }, first: 1 });
    expect(filtered.totalCount).toBe(wlz?.count);
  });

  describe('Dutch text', () => {
    it("stems: 'schulden' finds schuldhulpverlening", async () => {
      const r = await search({ text: 'schulden', filter: { gemeenteCode: 'GM0363' }, first: 20 });
      expect(names(r)).toContain('Schuldhulpverlening Amsterdam');
    });

    it("tolerates a missing accent: 'clientondersteuning' finds Cliëntondersteuning", async () => {
      const r = await search({ text: 'clientondersteuning', filter: { gemeenteCode: 'GM0363' }, first: 50 });
      expect(names(r)).toContain('Cliëntondersteuning Amsterdam');
    });

    it('tolerates typos', async () => {
      for (const typo of ['schuldhulpverleneing', 'mantelzrog', 'clientondersteunign']) {
        const r = await search({ text: typo, filter: { gemeenteCode: 'GM0363' }, first: 50 });
        expect(r.totalCount, typo).toBeGreaterThan(0);
      }
      const r = await search({ text: 'schuldhulpverleneing', filter: { gemeenteCode: 'GM0363' }, first: 5 });
      expect(names(r)).toContain('Schuldhulpverlening Amsterdam');
    });

    it('finds nothing for words that are nowhere in the directory', async () => {
      const r = await search({ text: 'xylofoonreparatie', first: 5 });
      expect(r.totalCount).toBe(0);
      expect(r.edges).toEqual([]);
    });
  });

  it('filters and sorts by distance from a gemeente centroid', async () => {
    const r = await search({ filter: { near: { gemeenteCode: 'GM0363', maxDistanceKm: 5 } }, sort: 'DISTANCE', first: 100 });
    expect(r.totalCount).toBeGreaterThan(0);
    const distances = r.edges.map((e) => e.distanceKm ?? Number.POSITIVE_INFINITY);
    expect(distances.every((d) => d <= 5)).toBe(true);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    const wider = await search({ filter: { near: { gemeenteCode: 'GM0363', maxDistanceKm: 40 } }, first: 1 });
    expect(wider.totalCount).toBeGreaterThan(r.totalCount);
    // Groningen is ~150 km away: none of its own services is within 40 km of Amsterdam.
    const groningen = await search({ text: 'wijkteam groningen', filter: { near: { gemeenteCode: 'GM0363', maxDistanceKm: 40 } }, first: 5 });
    expect(names(groningen)).not.toContain('Wijkteam Groningen');
  });

  it('filters by distance from a latitude/longitude', async () => {
    // Enschede station, roughly.
    const r = await search({ filter: { near: { latitude: 52.2225, longitude: 6.8897, maxDistanceKm: 8 } }, sort: 'DISTANCE', first: 20 });
    expect(names(r)).toContain('Wijkteam Enschede');
  });

  it('resolves _entities with mixed keys in the order asked, batched, with null for unknown ids', async () => {
    const found = await search({ text: 'wijkteam', filter: { gemeenteCode: 'GM0363' }, first: 1 });
    const serviceId = found.edges[0]?.node.id;
    const org = await hub.graphql(`query($id: ID!) { service(id: $id) { organization { id } } }`, { id: serviceId });
    const orgId = (org.body.data as { service: { organization: { id: string } } }).service.organization.id;
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      __typename ... on Service { id name } ... on Gemeente { code name } ... on Organization { id name } ... on Zorgkantoorregio { code name } } }`;
    const representations = [
      { __typename: 'Gemeente', code: 'GM0153' },
      { __typename: 'Service', id: serviceId },
      { __typename: 'Service', id: '8d0e7a4c-2b1f-5c3d-9e8f-0a1b2c3d4e5f' },
      { __typename: 'Organization', id: orgId },
      { __typename: 'Zorgkantoorregio', code: 'ZK22' },
      { __typename: 'Gemeente', code: 'GM0363' },
    ];
    const before = hub.database.stats.statements;
    const res = await hub.directSubgraphRequest('sociale-kaart', query, { secret: hub.subgraphSecrets['sociale-kaart'], variables: { r: representations } });
    const statements = hub.database.stats.statements - before;
    expect(res.body.errors).toBeUndefined();
    const entities = (res.body.data as { _entities: (Record<string, string> | null)[] })._entities;
    expect(entities).toEqual([
      { __typename: 'Gemeente', code: 'GM0153', name: 'Enschede' },
      { __typename: 'Service', id: serviceId, name: 'Wijkteam Amsterdam' },
      null,
      { __typename: 'Organization', id: orgId, name: 'Gemeente Amsterdam' },
      { __typename: 'Zorgkantoorregio', code: 'ZK22', name: 'Twente' },
      { __typename: 'Gemeente', code: 'GM0363', name: 'Amsterdam' },
    ]);
    // One batched lookup per entity type (gemeente, service, organisation, region), not one per representation.
    expect(statements).toBeLessThanOrEqual(4);
  });

  it('issues the same number of SQL statements for first: 5 and first: 50', async () => {
    const count = async (first: number) => {
      const before = hub.database.stats.statements;
      const r = await search({ filter: { zorgkantoorregioCode: 'ZK22' }, first });
      expect(r.edges).toHaveLength(first);
      return hub.database.stats.statements - before;
    };
    await count(5); // warm the plan cache of the gateway
    // The fewest of three runs each: the counter is the whole hub's, and on a loaded machine the tail of an earlier
    // request (a log line written after its answer) can land in one window. A count that grows with the page size
    // grows in every run, so the minimum still shows it.
    const fewest = async (first: number) => Math.min(await count(first), await count(first), await count(first));
    const small = await fewest(5);
    const large = await fewest(50);
    expect(large).toBe(small);
  });

  it("pages each result's locations from one statement for the whole page, whatever the page sizes", async () => {
    const query = `query($first: Int, $locations: Int) { searchServices(filter: { zorgkantoorregioCode: "ZK22" }, first: $first) {
      edges { node { id locations(first: $locations) { totalCount nodes { name } pageInfo { hasNextPage } } } } } }`;
    const count = async (first: number, locations: number) => {
      const before = hub.database.stats.statements;
      const res = await hub.graphql<{ searchServices: { edges: { node: { locations: { totalCount: number; nodes: unknown[] } } }[] } }>(query, {
        first,
        locations,
      });
      const statements = hub.database.stats.statements - before;
      const edges = dataOf(res).searchServices.edges;
      expect(edges).toHaveLength(first);
      expect(edges.some((e) => e.node.locations.totalCount > 0)).toBe(true);
      for (const e of edges) expect(e.node.locations.nodes.length).toBe(Math.min(locations, e.node.locations.totalCount));
      return statements;
    };
    await count(5, 1); // warm the plan cache of the gateway
    const small = await count(5, 1);
    expect(await count(50, 20)).toBe(small);
  });
});
