import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@hub/db';
import { dataOf, startTestHub, type TestHub } from '@hub/testing';
import { ZORGPROFIELEN } from '@hub/domain';
import { importHsds } from '../src/hsds/importer.ts';
import { termByCode } from '../src/hsds/taxonomies.ts';
import { buildOrganization, serviceInput } from './builders.ts';

/**
 * Wlz services in the sociale kaart: the leveringsvormen (iWlz COD578) and zorgprofielen (COD163) a service delivers
 * and its waiting time, as a BEHEERDER sets them, as search filters, facets and sort order, and through the HSDS feed.
 * The directory holds only what this file creates, so every expected result is known exactly.
 */

let hub: TestHub;
let token: string;
beforeAll(async () => {
  // Statement counts below must see this file's reads only, and no response cache may answer a repeated search.
  hub = await startTestHub({ env: { REFERRAL_RELAY_INTERVAL_MS: '0', DIRECTORY_CACHE_SECONDS: '0' } });
  const org = await buildOrganization(hub.database.db, { type: 'ZORGAANBIEDER' });
  token = await hub.tokenFor({ organizationId: org.id, organizationType: 'ZORGAANBIEDER', roles: ['BEHEERDER'] });
  await createFixtures();
});
afterAll(async () => {
  await hub?.stop();
});

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const SERVICE_FIELDS = 'id name version leveringsvormen zorgprofielen { code name label sector group expired } capacity { expectedWaitDays stale }';
const CREATE = `mutation($input: ServiceInput!) { createService(input: $input) { service { ${SERVICE_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateServiceInput!) { updateService(input: $input) { service { ${SERVICE_FIELDS} } } }`;
const CAPACITY = `mutation($input: UpdateCapacityInput!) { updateCapacity(input: $input) { service { version } } }`;
const SEARCH = /* GraphQL */ `
  query($filter: ServiceSearchFilter, $sort: ServiceSort, $first: Int, $after: String) {
    searchServices(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name leveringsvormen zorgprofielen { code } capacity { expectedWaitDays } } }
    }
  }
`;
const FACETS = /* GraphQL */ `
  query($filter: ServiceSearchFilter) {
    searchServices(filter: $filter, first: 1) { totalCount facets { leveringsvormen { value count } zorgprofielen { value count } } }
  }
`;

interface ServiceView {
  id: string;
  name: string;
  version: number;
  leveringsvormen: string[];
  zorgprofielen: { code: string; name: string; label: string; sector: string; group: string; expired: boolean }[];
  capacity: { expectedWaitDays: number | null; stale: boolean };
}
interface SearchResult {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; name: string; leveringsvormen: string[]; zorgprofielen: { code: string }[]; capacity: { expectedWaitDays: number | null } } }[];
}

/** The services of this file by a short key; each test reads them, none changes them (except the last ones, on copies). */
const fixtures: Record<string, ServiceView> = {};

async function create(name: string, fields: Record<string, unknown>, waitDays?: number): Promise<ServiceView> {
  const res = await hub.graphql(CREATE, { input: serviceInput({ name, legalDomains: ['WLZ'], ...fields }) }, { token });
  const created = dataOf<{ createService: { service: ServiceView } }>(res).createService.service;
  if (waitDays === undefined) return created;
  const cap = await hub.graphql(
    CAPACITY,
    { input: { serviceId: created.id, expectedVersion: created.version, capacity: { status: 'WAITLIST', expectedWaitDays: waitDays } } },
    { token },
  );
  expect((cap.body as Body).errors).toBeUndefined();
  return { ...created, version: created.version + 1, capacity: { expectedWaitDays: waitDays, stale: false } };
}

async function createFixtures() {
  fixtures.thuis = await create('Wlz thuis A', { leveringsvormen: ['MPT', 'VPT', 'VPT'], zorgprofielen: ['755', '754'] }, 10);
  fixtures.verblijf = await create('Wlz verblijf B', { leveringsvormen: ['VERBLIJF'], zorgprofielen: ['754'] }, 60);
  fixtures.vg = await create('Wlz VG C', { leveringsvormen: ['VPT'], zorgprofielen: ['800'] }, 5);
  fixtures.pgb = await create('Wlz pgb D', { leveringsvormen: ['PGB'] });
  fixtures.stale = await create('Wlz oud bericht E', { leveringsvormen: ['VPT'], zorgprofielen: ['754'] }, 3);
  fixtures.full = await create('Wlz vol G', { leveringsvormen: ['VERBLIJF'], serviceArea: { scope: 'GEMEENTEN', gemeenteCodes: ['GM0344'] } });
  await hub.graphql(
    CAPACITY,
    { input: { serviceId: fixtures.full.id, expectedVersion: fixtures.full.version, capacity: { status: 'NO_CAPACITY', expectedWaitDays: 0 } } },
    { token },
  );
  fixtures.other = await create(
    'Geen Wlz F',
    { legalDomains: ['WMO_ALGEMENE_VOORZIENING'], serviceArea: { scope: 'GEMEENTEN', gemeenteCodes: ['GM0344'] } },
    1,
  );
  // A report older than CAPACITY_STALE_DAYS (14 by default): its waiting time is as unknown as its status.
  await hub.database.db.execute(sql`update sociale_kaart.service set capacity_updated_at = now() - interval '30 days' where id = ${fixtures.stale?.id}`);
}

const id = (key: string) => fixtures[key]?.id ?? '';

async function search(variables: Record<string, unknown>): Promise<SearchResult> {
  const res = await hub.graphql(SEARCH, { first: 100, ...variables });
  expect((res.body as Body).errors, JSON.stringify((res.body as Body).errors)).toBeUndefined();
  return dataOf<{ searchServices: SearchResult }>(res).searchServices;
}
const idsOf = (r: SearchResult) => r.edges.map((e) => e.node.id).sort();
const expectIds = (r: SearchResult, keys: string[]) => {
  expect(idsOf(r)).toEqual(keys.map(id).sort());
  expect(r.totalCount).toBe(keys.length);
};

async function countServices(): Promise<number> {
  const r = await hub.database.db.execute(sql`select count(*)::int as n from sociale_kaart.service`);
  return Number(rowsOf<{ n: number }>(r)[0]?.n ?? -1);
}

describe('a BEHEERDER declares what Wlz care a service delivers', () => {
  it('stores leveringsvormen once each in COD578 order, and zorgprofielen as COD163 codes with their official names', () => {
    expect(fixtures.thuis?.leveringsvormen).toEqual(['VPT', 'MPT']);
    expect(fixtures.thuis?.zorgprofielen).toEqual([
      {
        code: '754',
        name: '5VV',
        label: 'Beschermd wonen met intensieve dementiezorg',
        sector: 'VV',
        group: 'VV',
        expired: false,
      },
      { code: '755', name: '6VV', label: 'Beschermd wonen met intensieve verzorging en verpleging', sector: 'VV', group: 'VV', expired: false },
    ]);
    expect(fixtures.vg?.zorgprofielen.map((z) => [z.name, z.sector, z.group])).toEqual([['1VG', 'GZ', 'VG']]);
  });

  it('changes them with updateService and keeps them when an update leaves them out', async () => {
    const made = await create('Wlz wijzigen', { leveringsvormen: ['VERBLIJF'], zorgprofielen: ['780'] });
    const changed = await hub.graphql(
      UPDATE,
      { input: { id: made.id, expectedVersion: made.version, service: { leveringsvormen: ['DEELTIJDVERBLIJF', 'VERKEERDE_BED'], zorgprofielen: ['888'] } } },
      { token },
    );
    const after = dataOf<{ updateService: { service: ServiceView } }>(changed).updateService.service;
    expect(after.leveringsvormen).toEqual(['DEELTIJDVERBLIJF', 'VERKEERDE_BED']);
    expect(after.zorgprofielen.map((z) => [z.code, z.name, z.group])).toEqual([['888', '5GGZ W', 'GGZ-W']]);
    const renamed = await hub.graphql(UPDATE, { input: { id: made.id, expectedVersion: after.version, service: { name: 'Wlz gewijzigd' } } }, { token });
    const kept = dataOf<{ updateService: { service: ServiceView } }>(renamed).updateService.service;
    expect(kept.leveringsvormen).toEqual(['DEELTIJDVERBLIJF', 'VERKEERDE_BED']);
    expect(kept.zorgprofielen.map((z) => z.code)).toEqual(['888']);
    // Out of the way of the searches below.
    await hub.graphql(
      `mutation($input: DeactivateServiceInput!) { deactivateService(input: $input) { service { id } } }`,
      {
        input: { id: made.id, expectedVersion: kept.version, status: 'DEFUNCT' },
      },
      { token },
    );
  });

  it('refuses an unknown zorgprofiel code with BAD_USER_INPUT on the field, writing nothing, on create and on update', async () => {
    const before = await countServices();
    for (const code of ['999', '753 ', '5VV', '761', '190']) {
      const res = await hub.graphql(CREATE, { input: serviceInput({ name: 'Wlz fout', zorgprofielen: ['754', code] }) }, { token });
      const body = res.body as Body;
      expect(body.errors?.[0]?.extensions, code).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.zorgprofielen.1' });
      expect(body.errors?.[0]?.message, code).toMatch(/COD163/);
    }
    expect(await countServices()).toBe(before);

    const thuis = fixtures.thuis as ServiceView;
    const res = await hub.graphql(
      UPDATE,
      { input: { id: thuis.id, expectedVersion: thuis.version, service: { leveringsvormen: ['PGB'], zorgprofielen: ['123'] } } },
      { token },
    );
    expect((res.body as Body).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.service.zorgprofielen.0' });
    const read = await hub.graphql(`query($id: ID!) { service(id: $id) { ${SERVICE_FIELDS} } }`, { id: thuis.id });
    const unchanged = dataOf<{ service: ServiceView }>(read).service;
    expect(unchanged.version).toBe(thuis.version);
    expect(unchanged.leveringsvormen).toEqual(['VPT', 'MPT']);
    expect(unchanged.zorgprofielen.map((z) => z.code)).toEqual(['754', '755']);
  });

  it('refuses a leveringsvorm that is not a Leveringsvorm value before anything runs', async () => {
    const before = await countServices();
    const res = await hub.graphql(CREATE, { input: serviceInput({ leveringsvormen: ['5'] }) }, { token });
    expect((res.body as Body).errors?.length).toBeGreaterThan(0);
    expect((res.body as Body).data ?? null).toBeNull();
    expect(await countServices()).toBe(before);
  });

  it('lists the zorgprofielen of COD163 the hub knows, for anyone', async () => {
    const res = await hub.graphql(`{ zorgprofielen { code name label sector expired } }`, {});
    const list = dataOf<{ zorgprofielen: { code: string; name: string; label: string; sector: string; expired: boolean }[] }>(res).zorgprofielen;
    expect(list).toHaveLength(ZORGPROFIELEN.length);
    expect(list.find((z) => z.code === '754')).toEqual({
      code: '754',
      name: '5VV',
      label: 'Beschermd wonen met intensieve dementiezorg',
      sector: 'VV',
      expired: false,
    });
    expect(list.find((z) => z.code === '759')?.expired).toBe(true);
    expect(list.map((z) => z.code)).toEqual([...list.map((z) => z.code)].sort());
  });
});

describe('search on leveringsvorm, zorgprofiel and waiting time', () => {
  const area = { gemeenteCode: 'GM0363' };

  it('leveringsvormen: any of the listed values (OR)', async () => {
    expectIds(await search({ filter: { ...area, leveringsvormen: ['VPT'] } }), ['thuis', 'vg', 'stale']);
    expectIds(await search({ filter: { ...area, leveringsvormen: ['VERBLIJF', 'PGB'] } }), ['verblijf', 'pgb']);
  });

  it('zorgprofielen: any of the listed codes (OR)', async () => {
    expectIds(await search({ filter: { ...area, zorgprofielen: ['754'] } }), ['thuis', 'verblijf', 'stale']);
    expectIds(await search({ filter: { ...area, zorgprofielen: ['755', '800'] } }), ['thuis', 'vg']);
  });

  it('maxWaitingDays: a fresh reported waiting time of at most that many days; stale, unreported and full (NO_CAPACITY) ones are left out', async () => {
    expectIds(await search({ filter: { ...area, maxWaitingDays: 10 } }), ['thuis', 'vg']);
    expectIds(await search({ filter: { ...area, maxWaitingDays: 9 } }), ['vg']);
    expectIds(await search({ filter: { maxWaitingDays: 0 } }), []);
    expectIds(await search({ filter: { maxWaitingDays: 3650 } }), ['thuis', 'verblijf', 'vg', 'other']);
  });

  it('combines with AND across filters: a 5VV indicatie with VPT in Amsterdam, within 30 days', async () => {
    expectIds(await search({ filter: { ...area, zorgprofielen: ['754'], leveringsvormen: ['VPT'] } }), ['thuis', 'stale']);
    expectIds(await search({ filter: { ...area, zorgprofielen: ['754'], leveringsvormen: ['VPT'], maxWaitingDays: 30 } }), ['thuis']);
    expectIds(await search({ filter: { gemeenteCode: 'GM0344', zorgprofielen: ['754'] } }), []);
  });

  it('sorts by waiting time, shortest first and unknown last, and pages that order without gaps', async () => {
    const whole = await search({ filter: area, sort: 'WAITING_TIME' });
    const order = whole.edges.map((e) => e.node.id);
    expect(order.slice(0, 3)).toEqual([id('vg'), id('thuis'), id('verblijf')]);
    // The stale report and the unreported one follow, in id order.
    expect(order.slice(3)).toEqual([id('pgb'), id('stale')].sort());
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: SearchResult = await search({ filter: area, sort: 'WAITING_TIME', first: 2, after });
      expect(page.totalCount).toBe(whole.totalCount);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(order);
  });

  it('counts leveringsvormen and zorgprofielen as facets, each count equal to filtering on that value', async () => {
    const res = await hub.graphql(FACETS, { filter: area });
    const { totalCount, facets } = dataOf<{
      searchServices: {
        totalCount: number;
        facets: { leveringsvormen: { value: string; count: number }[]; zorgprofielen: { value: string; count: number }[] };
      };
    }>(res).searchServices;
    expect(totalCount).toBe(5);
    expect(facets.leveringsvormen).toEqual([
      { value: 'VPT', count: 3 },
      { value: 'MPT', count: 1 },
      { value: 'PGB', count: 1 },
      { value: 'VERBLIJF', count: 1 },
    ]);
    expect(facets.zorgprofielen).toEqual([
      { value: '754', count: 3 },
      { value: '755', count: 1 },
      { value: '800', count: 1 },
    ]);
    for (const f of facets.leveringsvormen) expect((await search({ filter: { ...area, leveringsvormen: [f.value] } })).totalCount, f.value).toBe(f.count);
    for (const f of facets.zorgprofielen) expect((await search({ filter: { ...area, zorgprofielen: [f.value] } })).totalCount, f.value).toBe(f.count);
    // Facets of a filtered result count within that result.
    const vpt = dataOf<{ searchServices: { facets: { zorgprofielen: { value: string; count: number }[] } } }>(
      await hub.graphql(FACETS, { filter: { ...area, leveringsvormen: ['VPT'] } }),
    ).searchServices.facets.zorgprofielen;
    expect(vpt).toEqual([
      { value: '754', count: 2 },
      { value: '755', count: 1 },
      { value: '800', count: 1 },
    ]);
  });

  it('refuses unknown zorgprofiel codes and waiting times out of range with BAD_USER_INPUT on the filter field', async () => {
    for (const [filter, field] of [
      [{ zorgprofielen: ['754', '7540'] }, 'filter.zorgprofielen'],
      [{ zorgprofielen: ['VV5'] }, 'filter.zorgprofielen'],
      [{ maxWaitingDays: -1 }, 'filter.maxWaitingDays'],
      [{ maxWaitingDays: 3651 }, 'filter.maxWaitingDays'],
    ] as const) {
      const res = await hub.graphql(SEARCH, { filter });
      expect((res.body as Body).errors?.[0]?.extensions, JSON.stringify(filter)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('takes as many SQL statements with the Wlz filters, facets and zorgprofielen as without, for any page size', async () => {
    const query = /* GraphQL */ `
      query($filter: ServiceSearchFilter, $sort: ServiceSort, $first: Int) {
        searchServices(filter: $filter, sort: $sort, first: $first) {
          totalCount
          edges { node { id leveringsvormen zorgprofielen { code label } } }
          facets { leveringsvormen { value count } zorgprofielen { value count } legalDomains { value count } }
        }
      }
    `;
    const count = async (variables: Record<string, unknown>) => {
      const before = hub.database.stats.statements;
      const res = await hub.graphql(query, variables);
      expect((res.body as Body).errors).toBeUndefined();
      return hub.database.stats.statements - before;
    };
    await count({ filter: area, first: 1 }); // warm the gateway's plan cache
    const plain = await count({ filter: area, first: 1 });
    expect(await count({ filter: { ...area, leveringsvormen: ['VPT'], zorgprofielen: ['754'], maxWaitingDays: 30 }, first: 1 })).toBe(plain);
    expect(await count({ filter: area, sort: 'WAITING_TIME', first: 5 })).toBe(plain);
  });

  it('uses the GIN indexes for a zorgprofiel and leveringsvorm search across the country', async () => {
    // The planner only takes an index when it pays off, so make it not pay to scan: the plan must be able to use them.
    await hub.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = rowsOf<Record<string, string>>(
        await tx.execute(
          sql`explain select id from sociale_kaart.service where zorgprofielen && array['754']::text[] and leveringsvormen && array['VPT']::text[]`,
        ),
      )
        .map((r) => Object.values(r).join(' '))
        .join('\n');
      expect(plan).toMatch(/service_(zorgprofielen|leveringsvormen)_idx/);
    });
  });
});

describe('HSDS feed', () => {
  const base = () => new URL(hub.subgraphUrls['sociale-kaart'] ?? '').origin;
  type Attribute = { id: string; taxonomy_term_id?: string; taxonomy_term: { code: string; name: string; taxonomy: string } };

  it('exports leveringsvormen and zorgprofielen as terms of the taxonomies iWlz COD578 and iWlz COD163, with the iWlz codes', async () => {
    const res = await fetch(`${base()}/hsds/services/${id('thuis')}`);
    expect(res.status).toBe(200);
    const exported = (await res.json()) as { attributes: Attribute[]; wait_time?: string };
    const terms = (taxonomy: string) => exported.attributes.filter((a) => a.taxonomy_term.taxonomy === taxonomy).map((a) => a.taxonomy_term.code);
    expect(terms('iWlz COD578')).toEqual(['5', '7']);
    expect(terms('iWlz COD163')).toEqual(['754', '755']);
    expect(exported.attributes.find((a) => a.taxonomy_term.code === '754')?.taxonomy_term.name).toBe('5VV: Beschermd wonen met intensieve dementiezorg');
    expect(exported.wait_time).toBe('10 dagen');
  });

  it('reads them back on import (round trip) and filters the feed on a COD163 term', async () => {
    const exported = (await (await fetch(`${base()}/hsds/services/${id('verblijf')}`)).json()) as Record<string, unknown>;
    // The same service under a new id, as another directory would publish it.
    const copyId = '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const copy = { ...exported, id: copyId, service_at_locations: [] };
    const report = await importHsds(hub.database.db, JSON.stringify(copy), { verifiedBy: 'test' });
    expect(report.rejected).toEqual([]);
    expect(report.created).toBe(1);
    const read = await hub.graphql(`query($id: ID!) { service(id: $id) { ${SERVICE_FIELDS} } }`, { id: copyId });
    const imported = dataOf<{ service: ServiceView }>(read).service;
    expect(imported.leveringsvormen).toEqual(['VERBLIJF']);
    expect(imported.zorgprofielen.map((z) => z.code)).toEqual(['754']);
    expect(imported.capacity.expectedWaitDays).toBe(60);
    const again = (await (await fetch(`${base()}/hsds/services/${copyId}`)).json()) as { attributes: Attribute[] };
    const codes = (a: Attribute[]) => a.map((x) => `${x.taxonomy_term.taxonomy}:${x.taxonomy_term.code}`).sort();
    expect(codes(again.attributes)).toEqual(codes(exported.attributes as Attribute[]));

    const term754 = termByCode('iwlz-cod163', '754');
    const byTerm = (await (await fetch(`${base()}/hsds/services?taxonomy_term_id=${term754?.id}&per_page=100`)).json()) as { contents: { id: string }[] };
    expect(byTerm.contents.map((s) => s.id).sort()).toEqual([id('thuis'), id('verblijf'), id('stale'), copyId].sort());
    const term5 = termByCode('iwlz-cod578', '5');
    const byVpt = (await (await fetch(`${base()}/hsds/services?taxonomy_term_id=${term5?.id}&per_page=100`)).json()) as { contents: { id: string }[] };
    expect(byVpt.contents.map((s) => s.id).sort()).toEqual([id('thuis'), id('vg'), id('stale')].sort());
  });

  it('refuses an unknown COD163 term on import and writes nothing for the record', async () => {
    const exported = (await (await fetch(`${base()}/hsds/services/${id('vg')}`)).json()) as { attributes: Attribute[] } & Record<string, unknown>;
    const copyId = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const attributes = exported.attributes.map((a) =>
      a.taxonomy_term.taxonomy === 'iWlz COD163'
        ? { id: a.id, taxonomy_term: { ...a.taxonomy_term, id: '8b1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', code: '801' } }
        : a,
    );
    const before = await countServices();
    const report = await importHsds(hub.database.db, JSON.stringify({ ...exported, id: copyId, attributes, service_at_locations: [] }), { verifiedBy: 'test' });
    expect(report.created).toBe(0);
    expect(report.rejected[0]?.reason).toMatch(/unknown term "801" in taxonomy iWlz COD163/);
    expect(await countServices()).toBe(before);
  });
});
