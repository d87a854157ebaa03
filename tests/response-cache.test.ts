import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { DEMO_PROFESSIONALS, deterministicUuid } from '@hub/domain';
import { startTestHub, type TestHub } from '@hub/testing';

/**
 * Response caching at the gateway: only answers whose every part carried a cache hint are kept, and only the sociale
 * kaart sends hints (public directory data). Anonymous callers share public answers; a signed-in professional's
 * answer (which may show confidential shelter addresses) is private to that user. Personal data is never cached, and
 * a directory mutation through the gateway drops what it kept.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ seedDemo: true, demoScale: 0.02, captureLogs: true, env: { DIRECTORY_CACHE_SECONDS: '30' } });
});
afterAll(async () => {
  await hub?.stop();
});

/** GraphQL requests the named subgraph has answered so far (its own request log lines). */
const subgraphRequests = (name: string) => hub.logs.filter((l) => l.service === name && l.msg === 'request' && l.path === '/graphql').length;

const SHELTER_SEARCH = /* GraphQL */ `
  query Shelter($gemeente: String!) {
    searchServices(text: "opvang", filter: { gemeenteCode: $gemeente }, first: 5) {
      totalCount
      edges { node { id name capacity { status } locations { nodes { name confidential } } } }
    }
  }
`;

type Search = {
  searchServices: {
    totalCount: number;
    edges: { node: { id: string; name: string; capacity: { status: string } | null; locations: { nodes: { name: string; confidential: boolean }[] } } }[];
  };
};

const principal = (label: string) => {
  const p = DEMO_PROFESSIONALS.find((d) => d.label.startsWith(label));
  if (!p) throw new Error(`no demo principal ${label}`);
  return p;
};

describe('gateway response cache', () => {
  it('serves a repeated anonymous directory search from the cache, with a public cache hint', async () => {
    const first = await hub.graphql<Search>(SHELTER_SEARCH, { gemeente: 'GM0363' });
    expect(first.body.errors).toBeUndefined();
    expect(first.headers.get('cache-control')).toBe('max-age=30, public');
    const before = subgraphRequests('sociale-kaart');
    const second = await hub.graphql<Search>(SHELTER_SEARCH, { gemeente: 'GM0363' });
    expect(subgraphRequests('sociale-kaart')).toBe(before);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('age')).not.toBeNull();
    // Other variables are another answer.
    await hub.graphql<Search>(SHELTER_SEARCH, { gemeente: 'GM0599' });
    expect(subgraphRequests('sociale-kaart')).toBe(before + 1);
  });

  it('keeps a professional’s answer private to that user, and never serves it to an anonymous caller', async () => {
    const anonymous = await hub.graphql<Search>(SHELTER_SEARCH, { gemeente: 'GM0344' });
    const anonymousLocations = anonymous.body.data?.searchServices.edges.flatMap((e) => e.node.locations.nodes) ?? [];
    expect(anonymousLocations.some((l) => l.confidential)).toBe(false);

    const toegang = principal('toegangsteam');
    const tokenA = await hub.tokenFor({ ...toegang, subject: 'cache-user-a' });
    const tokenB = await hub.tokenFor({ ...toegang, subject: 'cache-user-b' });
    let before = subgraphRequests('sociale-kaart');
    const asA = await hub.graphql<Search>(SHELTER_SEARCH, { gemeente: 'GM0344' }, { token: tokenA });
    expect(subgraphRequests('sociale-kaart')).toBe(before + 1);
    expect(asA.headers.get('cache-control')).toBe('max-age=30, private');
    expect(asA.body.data?.searchServices.edges.flatMap((e) => e.node.locations.nodes).some((l) => l.confidential)).toBe(true);

    before = subgraphRequests('sociale-kaart');
    const againA = await hub.graphql<Search>(SHELTER_SEARCH, { gemeente: 'GM0344' }, { token: tokenA });
    expect(subgraphRequests('sociale-kaart')).toBe(before);
    expect(againA.body).toEqual(asA.body);
    await hub.graphql<Search>(SHELTER_SEARCH, { gemeente: 'GM0344' }, { token: tokenB });
    expect(subgraphRequests('sociale-kaart')).toBe(before + 1);

    const anonymousAgain = await hub.graphql<Search>(SHELTER_SEARCH, { gemeente: 'GM0344' });
    expect(anonymousAgain.body).toEqual(anonymous.body);
  });

  it('never caches personal data, nor an operation that touches another subgraph', async () => {
    const co = principal('cliëntondersteuner gemeente Amsterdam');
    const token = await hub.tokenFor(co);
    const clientId = deterministicUuid('hub-demo-cases', 'client:0');
    const query = `query Client($id: ID!) { client(id: $id) { id name { familyName } trajectories { nodes { id organization { name } } } } }`;
    const first = await hub.graphql(query, { id: clientId }, { token });
    expect(first.body.errors).toBeUndefined();
    expect(first.headers.get('cache-control')).toBe('no-store');
    const before = subgraphRequests('cases');
    await hub.graphql(query, { id: clientId }, { token });
    expect(subgraphRequests('cases')).toBe(before + 1);

    // A directory root field next to a signals one: the signals answer carries no hint, so nothing is kept.
    const mixed = `{ gemeente(code: "GM0363") { name } mySignals(first: 1) { nodes { id } } }`;
    const mixedFirst = await hub.graphql(mixed, {}, { token });
    expect(mixedFirst.body.errors).toBeUndefined();
    expect(mixedFirst.headers.get('cache-control')).toBe('no-store');
    const signalsBefore = subgraphRequests('signals');
    await hub.graphql(mixed, {}, { token });
    expect(subgraphRequests('signals')).toBe(signalsBefore + 1);
  });

  it('does not cache a mixed operation whose signals part was shared with another operation in flight', async () => {
    const token = await hub.tokenFor({ ...principal('overlegtafel'), subject: 'concurrent-mixed' });
    // Two anonymous operations whose plans make the same signals call (the region's open knelpunten) after different
    // sociale kaart calls: an operation can lead its own directory call and share the other's signals call.
    const bare = `{ zorgkantoorregio(code: "ZK22") { openKnelpunten { nodes { id } } } }`;
    const named = `{ zorgkantoorregio(code: "ZK22") { name population openKnelpunten { nodes { id } } } }`;
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => hub.graphql(i % 2 ? named : bare, {}, { token })));
    for (const answer of answers) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    const before = subgraphRequests('signals');
    await hub.graphql(named, {}, { token });
    expect(subgraphRequests('signals')).toBe(before + 1);
  });

  it('drops cached answers when a directory mutation passes through the gateway', async () => {
    const beheerder = principal('beheerder');
    const token = await hub.tokenFor(beheerder);
    const own = `query Own($org: ID!) { organization(id: $org) { services(first: 100) { nodes { id version capacity { status } } } } }`;
    const read = await hub.graphql<{ organization: { services: { nodes: { id: string; version: number; capacity: { status: string } | null }[] } } }>(own, {
      org: beheerder.organizationId,
    });
    const target = read.body.data?.organization.services.nodes[0];
    if (!target) throw new Error('the demo OCO has no services');
    const next = target.capacity?.status === 'WAITLIST' ? 'HAS_CAPACITY' : 'WAITLIST';

    const update = await hub.graphql(
      `mutation Cap($id: ID!, $v: Int!, $input: CapacityInput!) { updateCapacity(input: { serviceId: $id, expectedVersion: $v, capacity: $input }) { service { id } } }`,
      {
        id: target.id,
        v: target.version,
        input: { status: next, available: next === 'HAS_CAPACITY' ? 1 : 0, maximum: 10, expectedWaitDays: next === 'WAITLIST' ? 30 : 0 },
      },
      { token },
    );
    expect(update.body.errors).toBeUndefined();
    const after = await hub.graphql<{ organization: { services: { nodes: { id: string; capacity: { status: string } | null }[] } } }>(own, {
      org: beheerder.organizationId,
    });
    expect(after.body.data?.organization.services.nodes.find((s) => s.id === target.id)?.capacity?.status).toBe(next);
  });
});

describe('identical concurrent queries (response cache off, so every request reaches the data sources)', () => {
  let plain: TestHub;
  beforeAll(async () => {
    plain = await startTestHub({ seedDemo: true, demoScale: 0.02, captureLogs: true });
  });
  afterAll(async () => {
    await plain?.stop();
  });
  const requestsTo = (name: string) => plain.logs.filter((l) => l.service === name && l.msg === 'request' && l.path === '/graphql').length;

  it('share one sociale kaart call, but every client read reaches cases and is logged', async () => {
    const token = await plain.tokenFor({ ...principal('toegangsteam'), subject: 'dedup-user' });
    const query = `query Region($code: String!) { zorgkantoorregio(code: $code) { code name gemeenten { code } } }`;
    let before = requestsTo('sociale-kaart');
    const answers = await Promise.all(Array.from({ length: 20 }, () => plain.graphql(query, { code: 'ZK22' }, { token })));
    for (const answer of answers) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body).toEqual(answers[0]?.body);
    }
    expect(requestsTo('sociale-kaart') - before).toBeLessThan(20);

    const co = await plain.tokenFor(principal('cliëntondersteuner gemeente Amsterdam'));
    const clientId = deterministicUuid('hub-demo-cases', 'client:2');
    const clientQuery = `query Client($id: ID!) { client(id: $id) { id name { familyName } } }`;
    const logLines = async () =>
      rowsOf<{ n: number }>(await plain.database.db.execute(sql`select count(*)::int as n from cases.access_log where client_id = ${clientId}::uuid`))[0]?.n ??
      -1;
    before = requestsTo('cases');
    const linesBefore = await logLines();
    const reads = await Promise.all(Array.from({ length: 20 }, () => plain.graphql(clientQuery, { id: clientId }, { token: co })));
    for (const read of reads) expect(read.body.errors).toBeUndefined();
    expect(requestsTo('cases') - before).toBe(20);
    expect((await logLines()) - linesBefore).toBe(20);
  });
});
