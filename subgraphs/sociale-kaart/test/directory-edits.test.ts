import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@hub/db';
import { dataOf, startTestHub, type TestHub } from '@hub/testing';
import { LANGUAGE_CODES } from '@hub/domain';
import { MAX_OPENING_HOURS } from '../src/validation.ts';
import { buildOrganization, serviceInput } from './builders.ts';

/**
 * Directory edits by an organisation's BEHEERDER, authorisation, bad input and the
 * derived read rules (stale capacity, confidential locations), through the gateway.
 */

let hub: TestHub;
beforeAll(async () => {
  // Statement counts below must see this file's reads only: no referrals relay polling in the background, and no
  // response cache answering a repeated read without the sociale kaart.
  hub = await startTestHub({ env: { REFERRAL_RELAY_INTERVAL_MS: '0', DIRECTORY_CACHE_SECONDS: '0' } });
});
afterAll(async () => {
  await hub?.stop();
});

const CREATE = /* GraphQL */ `
  mutation Create($input: ServiceInput!) {
    createService(input: $input) { service { id name version status capacity { status } organization { id } } }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $v: Int!, $input: ServiceInput!) {
    updateService(input: { id: $id, expectedVersion: $v, service: $input }) { service { id name description version } }
  }
`;
const CAPACITY = /* GraphQL */ `
  mutation Cap($id: ID!, $v: Int!, $input: CapacityInput!) {
    updateCapacity(input: { serviceId: $id, expectedVersion: $v, capacity: $input }) { service { id version capacity { status reportedStatus stale available } } }
  }
`;
const CREATE_LOCATION = /* GraphQL */ `
  mutation Loc($input: LocationInput!) { createLocation(input: $input) { location { id name confidential version } } }
`;

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[] };

/** `count` different opening-hours rows: two periods on each day, then evenings. */
const openingHours = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    i < 14
      ? { weekday: Math.floor(i / 2) + 1, opensAt: i % 2 ? '13:00' : '09:00', closesAt: i % 2 ? '17:00' : '12:00' }
      : { weekday: (i % 7) + 1, opensAt: '18:00', closesAt: '20:00' },
  );

async function beheerderOf(orgId: string) {
  return hub.tokenFor({ organizationId: orgId, organizationType: 'OCO', roles: ['BEHEERDER'] });
}

async function countServices(): Promise<number> {
  const r = await hub.database.db.execute(sql`select count(*)::int as n from sociale_kaart.service`);
  return Number(rowsOf<{ n: number }>(r)[0]?.n ?? -1);
}

function firstError(body: Body) {
  return body.errors?.[0]?.extensions ?? {};
}

async function createService(token: string, overrides: Record<string, unknown> = {}) {
  const res = await hub.graphql(CREATE, { input: serviceInput(overrides) }, { token });
  const body = res.body as Body;
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return dataOf<{ createService: { service: { id: string; name: string; version: number } } }>(res).createService.service;
}

describe('directory edits', () => {
  it('lets a BEHEERDER create and update a service of their own organisation, bumping the version', async () => {
    const org = await buildOrganization(hub.database.db);
    const token = await beheerderOf(org.id);
    const created = await createService(token, { name: 'Steunpunt Mantelzorg Test' });
    expect(created.version).toBe(1);
    const res = await hub.graphql(UPDATE, { id: created.id, v: 1, input: { description: 'Nieuwe omschrijving' } }, { token });
    const updated = dataOf<{ updateService: { service: { name: string; description: string; version: number } } }>(res).updateService.service;
    expect(updated).toMatchObject({ name: 'Steunpunt Mantelzorg Test', description: 'Nieuwe omschrijving', version: 2 });
  });

  it('pages Organization.services by name, serving a first above 100 at 100, in the same statements for any page size', async () => {
    const orgs = [await buildOrganization(hub.database.db), await buildOrganization(hub.database.db)];
    const names = Array.from({ length: 23 }, (_, i) => `Dienst ${String(i).padStart(2, '0')}`);
    for (const org of orgs) {
      const token = await beheerderOf(org.id);
      for (const name of [...names].reverse()) await createService(token, { name });
    }
    type Page = { totalCount: number; nodes: { name: string }[]; edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const q = `query($a: ID!, $b: ID!, $first: Int, $after: String) {
      a: organization(id: $a) { services(first: $first, after: $after) { totalCount nodes { name } edges { cursor } pageInfo { hasNextPage endCursor } } }
      b: organization(id: $b) { services(first: $first) { totalCount nodes { name } edges { cursor } pageInfo { hasNextPage endCursor } } }
    }`;
    const read = async (first: number, after: string | null = null) => {
      const before = hub.database.stats.statements;
      const res = await hub.graphql(q, { a: orgs[0]?.id, b: orgs[1]?.id, first, after });
      const statements = hub.database.stats.statements - before;
      const body = res.body as Body;
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      const data = body.data as { a: { services: Page }; b: { services: Page } };
      return { a: data.a.services, b: data.b.services, statements };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (const size of [10, 10, 3]) {
      const page = await read(10, after);
      expect(page.a.totalCount).toBe(23);
      expect(page.a.nodes).toHaveLength(size);
      seen.push(...page.a.nodes.map((n) => n.name));
      expect(page.a.pageInfo.hasNextPage).toBe(seen.length < 23);
      after = page.a.pageInfo.endCursor;
    }
    expect(seen).toEqual(names);
    const capped = await read(1000);
    expect(capped.a.nodes.map((n) => n.name)).toEqual(names);
    expect(capped.b.nodes).toHaveLength(23);
    await read(3); // warm the gateway's plan cache
    expect((await read(2)).statements).toBe(capped.statements);
    const zero = await hub.graphql(q, { a: orgs[0]?.id, b: orgs[1]?.id, first: 0 });
    expect(firstError(zero.body as Body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('pages the locations of organisations and services and the services at a location by name, in the same statements for any page size', async () => {
    const org = await buildOrganization(hub.database.db);
    const token = await beheerderOf(org.id);
    const names = Array.from({ length: 7 }, (_, i) => `Locatie ${i}`);
    const locationIds: string[] = [];
    for (const name of [...names].reverse()) {
      const res = await hub.graphql(CREATE_LOCATION, { input: { name, gemeenteCode: 'GM0363' } }, { token });
      locationIds.push(dataOf<{ createLocation: { location: { id: string } } }>(res).createLocation.location.id);
    }
    const services = [];
    for (const name of ['Dienst B', 'Dienst A', 'Dienst C']) services.push(await createService(token, { name, locationIds }));
    type Page = { totalCount: number; nodes: { name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const q = `query($org: ID!, $first: Int, $after: String) { organization(id: $org) {
      locations(first: $first, after: $after) { totalCount nodes { name } pageInfo { hasNextPage endCursor } }
      services { nodes { name locations(first: $first) { totalCount nodes { name services(first: $first) { totalCount nodes { name } } } } } }
    } }`;
    const read = async (first: number, after: string | null = null) => {
      const before = hub.database.stats.statements;
      // Straight to the subgraph: the nesting is what is measured here, not what the gateway's limits allow.
      const res = await hub.directSubgraphRequest('sociale-kaart', q, {
        secret: hub.subgraphSecrets['sociale-kaart'],
        variables: { org: org.id, first, after },
      });
      const statements = hub.database.stats.statements - before;
      type Data = { organization: { locations: Page; services: { nodes: { name: string; locations: Page & { nodes: { services: Page }[] } }[] } } };
      return { data: dataOf<Data>(res).organization, statements };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (const size of [3, 3, 1]) {
      const { data } = await read(3, after);
      expect(data.locations.totalCount).toBe(7);
      expect(data.locations.nodes).toHaveLength(size);
      seen.push(...data.locations.nodes.map((n) => n.name));
      expect(data.locations.pageInfo.hasNextPage).toBe(seen.length < 7);
      after = data.locations.pageInfo.endCursor;
    }
    expect(seen).toEqual(names);
    const large = await read(100);
    for (const service of large.data.services.nodes) {
      expect(service.locations.totalCount).toBe(7);
      expect(service.locations.nodes.map((l) => l.name)).toEqual(names);
      for (const l of service.locations.nodes) expect(l.services.nodes.map((x) => x.name)).toEqual(['Dienst A', 'Dienst B', 'Dienst C']);
    }
    // One statement per list for all parents at once, whatever the page size: 3 services × 7 locations × 3 services
    // of each cost what 3 × 2 × 2 cost.
    expect((await read(2)).statements).toBe(large.statements);
  });

  it('makes a new service findable at once, by stem and by typo', async () => {
    const org = await buildOrganization(hub.database.db);
    const token = await beheerderOf(org.id);
    await createService(token, {
      name: 'Budgetcoaching Zeeuwse Vlinder',
      description: 'Hulp bij schulden en administratie.',
      serviceArea: { scope: 'GEMEENTEN', gemeenteCodes: ['GM0687'] },
    });
    const q = `query($t: String) { searchServices(text: $t, filter: { gemeenteCode: "GM0687" }) { edges { node { name } } } }`;
    for (const text of ['budgetcoach', 'schulden', 'budgetcoahcing vlinder']) {
      const res = await hub.graphql(q, { t: text });
      const edges = dataOf<{ searchServices: { edges: { node: { name: string } }[] } }>(res).searchServices.edges;
      expect(
        edges.map((e) => e.node.name),
        text,
      ).toContain('Budgetcoaching Zeeuwse Vlinder');
    }
  });

  it('answers CONFLICT to a stale expectedVersion and keeps the newer change', async () => {
    const org = await buildOrganization(hub.database.db);
    const token = await beheerderOf(org.id);
    const created = await createService(token);
    await hub.graphql(UPDATE, { id: created.id, v: 1, input: { name: 'Eerste wijziging' } }, { token });
    const stale = await hub.graphql(UPDATE, { id: created.id, v: 1, input: { name: 'Tweede wijziging' } }, { token });
    expect(firstError(stale.body as Body).code).toBe('CONFLICT');
    const read = await hub.graphql(`query($id: ID!) { service(id: $id) { name version } }`, { id: created.id });
    expect((read.body as Body).data?.service).toEqual({ name: 'Eerste wijziging', version: 2 });
  });

  it("refuses a BEHEERDER editing another organisation's service (FORBIDDEN) and changes nothing", async () => {
    const owner = await buildOrganization(hub.database.db);
    const other = await buildOrganization(hub.database.db);
    const created = await createService(await beheerderOf(owner.id), { name: 'Van de eigenaar' });
    const res = await hub.graphql(UPDATE, { id: created.id, v: 1, input: { name: 'Gekaapt' } }, { token: await beheerderOf(other.id) });
    expect(firstError(res.body as Body).code).toBe('FORBIDDEN');
    const read = await hub.graphql(`query($id: ID!) { service(id: $id) { name version } }`, { id: created.id });
    expect((read.body as Body).data?.service).toEqual({ name: 'Van de eigenaar', version: 1 });
  });

  it('refuses other roles of the same organisation (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    const org = await buildOrganization(hub.database.db);
    const before = await countServices();
    const co = await hub.tokenFor({ organizationId: org.id, organizationType: 'OCO', roles: ['CLIENTONDERSTEUNER'] });
    const asCo = await hub.graphql(CREATE, { input: serviceInput() }, { token: co });
    expect(firstError(asCo.body as Body).code).toBe('FORBIDDEN');
    const anonymous = await hub.graphql(CREATE, { input: serviceInput() });
    expect(firstError(anonymous.body as Body).code).toBe('UNAUTHENTICATED');
    expect(await countServices()).toBe(before);
  });

  it('reads capacity older than the configured days as UNKNOWN, and leaves it out of hasCapacityNow', async () => {
    const org = await buildOrganization(hub.database.db);
    const token = await beheerderOf(org.id);
    const created = await createService(token, { name: 'Dagbesteding Capaciteitstest', serviceArea: { scope: 'GEMEENTEN', gemeenteCodes: ['GM0344'] } });
    const fresh = await hub.graphql(CAPACITY, { id: created.id, v: 1, input: { status: 'HAS_CAPACITY', available: 2, maximum: 10 } }, { token });
    expect(dataOf<{ updateCapacity: { service: { capacity: unknown } } }>(fresh).updateCapacity.service.capacity).toMatchObject({
      status: 'HAS_CAPACITY',
      stale: false,
      available: 2,
    });
    const q = `{ searchServices(filter: { gemeenteCode: "GM0344", hasCapacityNow: true }) { edges { node { id } } } }`;
    const withCapacity = await hub.graphql(q, {});
    expect(JSON.stringify(withCapacity.body)).toContain(created.id);

    await hub.database.db.execute(sql`update sociale_kaart.service set capacity_updated_at = now() - interval '30 days' where id = ${created.id}`);
    const read = await hub.graphql(`query($id: ID!) { service(id: $id) { capacity { status reportedStatus stale } } }`, { id: created.id });
    expect((read.body as Body).data?.service).toEqual({ capacity: { status: 'UNKNOWN', reportedStatus: 'HAS_CAPACITY', stale: true } });
    const afterStale = await hub.graphql(q, {});
    expect(JSON.stringify(afterStale.body)).not.toContain(created.id);
  });

  it('hides confidential locations from anonymous callers, in every way of reaching them', async () => {
    const org = await buildOrganization(hub.database.db);
    const token = await beheerderOf(org.id);
    const locRes = await hub.graphql(
      CREATE_LOCATION,
      { input: { name: 'Opvang Geheim Adres', gemeenteCode: 'GM0599', latitude: 51.92, longitude: 4.48, confidential: true } },
      { token },
    );
    const loc = dataOf<{ createLocation: { location: { id: string } } }>(locRes).createLocation.location;
    const created = await createService(token, {
      name: 'Crisisopvang Vertrouwelijk',
      serviceArea: { scope: 'GEMEENTEN', gemeenteCodes: ['GM0599'] },
      locationIds: [loc.id],
    });

    const byService = `query($id: ID!) { service(id: $id) {
      locations { totalCount nodes { id name } edges { cursor } pageInfo { endCursor } }
      organization { locations { totalCount nodes { id } } } } }`;
    const anon = await hub.graphql(byService, { id: created.id });
    // Not counted either: a totalCount or a cursor would tell that a confidential address exists.
    expect((anon.body as Body).data?.service).toEqual({
      locations: { totalCount: 0, nodes: [], edges: [], pageInfo: { endCursor: null } },
      organization: { locations: { totalCount: 0, nodes: [] } },
    });
    const professional = await hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'] });
    const pro = await hub.graphql(byService, { id: created.id }, { token: professional });
    const proService = (pro.body as Body).data?.service as { locations: { totalCount: number; nodes: { id: string }[]; pageInfo: { endCursor: string } } };
    expect(proService.locations).toMatchObject({ totalCount: 1, nodes: [{ id: loc.id }] });
    // A professional's cursor naming the confidential location tells an anonymous caller nothing but that it is no cursor of the list.
    const after = `query($id: ID!, $after: String) { service(id: $id) { locations(after: $after) { nodes { id } } } }`;
    const replayed = await hub.graphql(after, { id: created.id, after: proService.locations.pageInfo.endCursor });
    expect(firstError(replayed.body as Body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(JSON.stringify(replayed.body)).not.toContain(loc.id);
    const atLocation = await hub.graphql(
      `query($id: ID!) { location(id: $id) { services { totalCount nodes { id } } } }`,
      { id: loc.id },
      { token: professional },
    );
    expect((atLocation.body as Body).data?.location).toEqual({ services: { totalCount: 1, nodes: [{ id: created.id }] } });

    const direct = await hub.graphql(`query($id: ID!) { location(id: $id) { id } }`, { id: loc.id });
    expect((direct.body as Body).data?.location).toBeNull();

    // A distance search must not reveal where the confidential address is.
    const near = `{ searchServices(filter: { near: { latitude: 51.92, longitude: 4.48, maxDistanceKm: 1 } }) { edges { node { id } } } }`;
    expect(JSON.stringify((await hub.graphql(near, {})).body)).not.toContain(created.id);
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  const SERVICE = `query($id: ID!) { service(id: $id) { id } }`;
  const SEARCH = `query($text: String, $filter: ServiceSearchFilter, $first: Int) { searchServices(text: $text, filter: $filter, first: $first) { totalCount edges { node { id } } } }`;

  it('malformed ids', async () => {
    const res = await hub.graphql(SERVICE, { id: "1' or '1'='1" });
    expect(res.status).toBe(200);
    expect(firstError(res.body as Body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('unknown gemeente codes and malformed ones', async () => {
    for (const code of ['GM9999', 'Amsterdam']) {
      const res = await hub.graphql(SEARCH, { filter: { gemeenteCode: code } });
      expect(firstError(res.body as Body), code).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.gemeenteCode' });
    }
  });

  it('negative and zero distances', async () => {
    for (const km of [-5, 0]) {
      const res = await hub.graphql(SEARCH, { filter: { near: { gemeenteCode: 'GM0363', maxDistanceKm: km } } });
      expect(firstError(res.body as Body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.near.maxDistanceKm' });
    }
  });

  it('caps huge page sizes at 100 and refuses non-positive ones', async () => {
    const org = await buildOrganization(hub.database.db);
    const token = await beheerderOf(org.id);
    for (let i = 0; i < 3; i++) await createService(token, { serviceArea: { scope: 'NATIONAL' } });
    const huge = await hub.graphql(SEARCH, { first: 1_000_000 });
    const page = (huge.body as Body).data?.searchServices as { totalCount: number; edges: unknown[] };
    expect(page.edges.length).toBeLessThanOrEqual(100);
    expect(page.edges.length).toBe(Math.min(100, page.totalCount));
    const negative = await hub.graphql(SEARCH, { first: -1 });
    expect(firstError(negative.body as Body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('invalid enum values are refused before anything runs', async () => {
    const res = await hub.graphql(SEARCH, { filter: { legalDomains: ['WET_OP_DE_MAAN'] } });
    expect(res.status).toBe(400);
    expect(firstError(res.body as Body).code).toBe('BAD_USER_INPUT');
  });

  it('a 10,000-character search text', async () => {
    const res = await hub.graphql(SEARCH, { text: 'a'.repeat(10_000) });
    expect(firstError(res.body as Body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });

  it('invalid service input names the field and writes nothing', async () => {
    const org = await buildOrganization(hub.database.db);
    const token = await beheerderOf(org.id);
    const before = await countServices();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x'.repeat(10_000) }, 'input.name'],
      [{ name: '   ' }, 'input.name'],
      [{ minimumAge: 70, maximumAge: 18 }, 'input.maximumAge'],
      [{ serviceArea: { scope: 'GEMEENTEN', gemeenteCodes: ['GM9999'] } }, 'input.serviceArea.gemeenteCodes'],
      [{ serviceArea: { scope: 'REGIONAL', zorgkantoorregioCodes: ['ZK05'] } }, 'input.serviceArea.zorgkantoorregioCodes'],
      [{ openingHours: [{ weekday: 1, opensAt: '17:00', closesAt: '09:00' }] }, 'input.openingHours.0.closesAt'],
      [{ contact: { email: 'geen-adres' } }, 'input.contact.email'],
      [{ cost: { type: 'AMOUNT' } }, 'input.cost.amount'],
      [{ languages: ['Nederlands'] }, 'input.languages.0'],
      [{ languages: ['nl', 'xx'] }, 'input.languages.1'],
      [{ languages: Array.from({ length: LANGUAGE_CODES.length + 1 }, (_, i) => LANGUAGE_CODES[i % LANGUAGE_CODES.length]) }, 'input.languages'],
      [{ openingHours: openingHours(MAX_OPENING_HOURS + 1) }, 'input.openingHours'],
      [{ locationIds: ['8d0e7a4c-2b1f-5c3d-9e8f-0a1b2c3d4e5f'] }, 'input.locationIds'],
    ];
    for (const [overrides, field] of cases) {
      const res = await hub.graphql(CREATE, { input: serviceInput(overrides) }, { token });
      expect(res.status, field).toBe(200);
      expect(firstError(res.body as Body), field).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(JSON.stringify(res.body)).not.toMatch(/stack|at \w+ \(/);
    }
    expect(await countServices()).toBe(before);
  });

  it(`takes ${MAX_OPENING_HOURS} opening-hours rows and each language code once, on create and on update; one row more changes nothing`, async () => {
    const org = await buildOrganization(hub.database.db);
    const token = await beheerderOf(org.id);
    const created = await createService(token, { openingHours: openingHours(MAX_OPENING_HOURS), languages: ['nl', 'pap', 'dse', 'nl'] });
    const read = `query($id: ID!) { service(id: $id) { version languages openingHours { weekday } } }`;
    const stored = dataOf<{ service: { version: number; languages: string[]; openingHours: unknown[] } }>(await hub.graphql(read, { id: created.id })).service;
    expect(stored).toMatchObject({ version: 1, languages: ['nl', 'pap', 'dse'] });
    expect(stored.openingHours).toHaveLength(MAX_OPENING_HOURS);
    const tooMany = await hub.graphql(UPDATE, { id: created.id, v: 1, input: { openingHours: openingHours(MAX_OPENING_HOURS + 1) } }, { token });
    expect(firstError(tooMany.body as Body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.service.openingHours' });
    expect(dataOf(await hub.graphql(read, { id: created.id }))).toEqual({ service: stored });
  });

  it('invalid service input lists every invalid field at once, through the gateway and at the subgraph', async () => {
    const org = await buildOrganization(hub.database.db);
    const token = await beheerderOf(org.id);
    const before = await countServices();
    const input = serviceInput({ name: '   ', contact: { email: 'geen-adres' }, languages: ['nl', 'Nederlands'], minimumAge: -4 });
    const expected = ['input.name', 'input.minimumAge', 'input.languages.1', 'input.contact.email'];
    const viaGateway = await hub.graphql(CREATE, { input }, { token });
    const direct = await hub.directSubgraphRequest('sociale-kaart', CREATE, { secret: hub.subgraphSecrets['sociale-kaart'], token, variables: { input } });
    for (const res of [viaGateway, direct]) {
      const errors = (res.body as Body).errors ?? [];
      expect(errors).toHaveLength(1);
      const extensions = errors[0]?.extensions ?? {};
      const fields = extensions.fields as { path: string; code: string; message: string }[];
      expect(fields.map((f) => f.path).sort()).toEqual([...expected].sort());
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: fields[0]?.path });
      for (const f of fields) {
        expect(f.code).toMatch(/^[A-Z_]+$/);
        expect(f.message).toContain(f.path);
        // The message names the field, never the value given.
        expect(f.message).not.toContain('geen-adres');
      }
    }
    expect(await countServices()).toBe(before);
  });

  it('invalid capacity and location input', async () => {
    const org = await buildOrganization(hub.database.db);
    const token = await beheerderOf(org.id);
    const created = await createService(token);
    const cap = await hub.graphql(CAPACITY, { id: created.id, v: 1, input: { status: 'HAS_CAPACITY', available: 20, maximum: 10 } }, { token });
    expect(firstError(cap.body as Body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.capacity.available' });
    const loc = await hub.graphql(CREATE_LOCATION, { input: { name: 'Buiten NL', latitude: 40.4, longitude: -3.7 } }, { token });
    expect(firstError(loc.body as Body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.latitude' });
    const read = await hub.graphql(`query($id: ID!) { service(id: $id) { version capacity { reportedStatus } } }`, { id: created.id });
    expect((read.body as Body).data?.service).toEqual({ version: 1, capacity: { reportedStatus: null } });
  });
});
