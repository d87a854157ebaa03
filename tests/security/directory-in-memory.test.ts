import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@hub/db';
import { buildOrganization, dataOf, startTestHub, type TestHub } from '@hub/testing';

/**
 * The sociale kaart answers from a directory it keeps in memory per process (subgraphs/sociale-kaart/src/directory).
 * A copy that lags behind the database, or that remembers what one caller was shown, would be a leak: a shelter
 * address made confidential a moment ago must not be shown to the next anonymous caller, a closed service must not be
 * found, and nothing a professional saw may reach an anonymous caller. Attacked through the gateway and straight at
 * the subgraph (with the gateway's secret, as a caller inside the network would), right after each change. That the
 * runtime role cannot rewrite the change log is in database-roles.test.ts.
 */

let hub: TestHub;
let professional: string;
let locationId: string;
let serviceId: string;

const SEARCH = `query($text: String, $filter: ServiceSearchFilter) {
  searchServices(text: $text, filter: $filter, first: 50) {
    totalCount
    edges { node { id name locations { totalCount nodes { id name address } } organization { locations { totalCount nodes { id } } } } }
  }
}`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Location { id name address } ... on Service { id name locations { totalCount nodes { id } } } } }`;

beforeAll(async () => {
  hub = await startTestHub({ env: { REFERRAL_RELAY_INTERVAL_MS: '0' } });
  professional = await hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: 'GM0599' });
  const org = await buildOrganization(hub);
  locationId = '6f1d2c3b-4a59-4e87-9a0b-1c2d3e4f5a6b';
  serviceId = '7a2e3d4c-5b6a-4f98-8b1c-2d3e4f5a6b7c';
  // An ordinary location and service, written straight in the database (as an import or an operator would).
  await hub.database.db.execute(sql`insert into sociale_kaart.location (id, organization_id, name, address, gemeente_code, latitude, longitude)
    values (${locationId}::uuid, ${org.id}::uuid, 'Opvang Aan De Gracht', 'Gracht 12', 'GM0599', 51.92, 4.48)`);
  await hub.database.db.execute(sql`insert into sociale_kaart.service (id, organization_id, name, area_scope, served_gemeenten, search_text)
    values (${serviceId}::uuid, ${org.id}::uuid, 'Nachtopvang Kolibrie', 'GEMEENTEN', '{GM0599}', 'nachtopvang kolibrie opvang')`);
  await hub.database.db.execute(sql`insert into sociale_kaart.service_location (service_id, location_id) values (${serviceId}::uuid, ${locationId}::uuid)`);
}, 120_000);
afterAll(async () => {
  await hub?.stop();
});

const throughGateway = async (token?: string) =>
  JSON.stringify((await hub.graphql(SEARCH, { text: 'kolibrie', filter: { gemeenteCode: 'GM0599' } }, { token })).body);
const straightAtSubgraph = async (token?: string) =>
  JSON.stringify(
    (
      await hub.directSubgraphRequest('sociale-kaart', SEARCH, {
        secret: hub.subgraphSecrets['sociale-kaart'],
        token,
        variables: { text: 'kolibrie', filter: { gemeenteCode: 'GM0599' } },
      })
    ).body,
  );
const entities = async (token?: string) =>
  JSON.stringify(
    (
      await hub.directSubgraphRequest('sociale-kaart', ENTITIES, {
        secret: hub.subgraphSecrets['sociale-kaart'],
        token,
        variables: {
          r: [
            { __typename: 'Location', id: locationId },
            { __typename: 'Service', id: serviceId },
          ],
        },
      })
    ).body,
  );

describe('the in-memory directory never shows what the database no longer allows', () => {
  it('hides an address from anonymous callers at the first request after it was made confidential', async () => {
    // Everyone sees the ordinary address first (the directory in every process now holds it as public).
    expect(await throughGateway()).toContain('Gracht 12');
    expect(await straightAtSubgraph()).toContain('Gracht 12');
    expect(await entities()).toContain('Gracht 12');

    await hub.database.db.execute(sql`update sociale_kaart.location set confidential = true where id = ${locationId}::uuid`);

    // The very next requests: not shown, not counted, not resolvable by id.
    for (const body of [await throughGateway(), await straightAtSubgraph(), await entities()]) {
      expect(body).not.toContain('Gracht 12');
      expect(body).not.toContain(locationId);
    }
    const anonymous = dataOf<{ searchServices: { edges: { node: { locations: { totalCount: number } } }[] } }>(
      await hub.graphql(SEARCH, { text: 'kolibrie', filter: { gemeenteCode: 'GM0599' } }),
    );
    expect(anonymous.searchServices.edges[0]?.node.locations.totalCount).toBe(0);
    // A signed-in professional still sees it, and what they were shown does not carry over to the next anonymous caller.
    expect(await throughGateway(professional)).toContain('Gracht 12');
    expect(await throughGateway()).not.toContain('Gracht 12');
    expect(await straightAtSubgraph()).not.toContain('Gracht 12');
  });

  it('stops finding a service at the first request after it was closed, and finds it again when reopened', async () => {
    expect(await throughGateway()).toContain(serviceId);
    await hub.database.db.execute(sql`update sociale_kaart.service set status = 'DEFUNCT' where id = ${serviceId}::uuid`);
    for (const body of [await throughGateway(), await straightAtSubgraph(), await throughGateway(professional)]) {
      expect(body).not.toContain(serviceId);
      expect(body).toContain('"totalCount":0');
    }
    await hub.database.db.execute(sql`update sociale_kaart.service set status = 'ACTIVE' where id = ${serviceId}::uuid`);
    expect(await throughGateway()).toContain(serviceId);
  });

  it('forgets a deleted location and link at the first request', async () => {
    await hub.database.db.execute(sql`delete from sociale_kaart.service_location where location_id = ${locationId}::uuid`);
    await hub.database.db.execute(sql`delete from sociale_kaart.location where id = ${locationId}::uuid`);
    for (const token of [undefined, professional]) {
      expect(await throughGateway(token)).not.toContain(locationId);
      expect(await entities(token)).not.toContain(locationId);
    }
  });
});
