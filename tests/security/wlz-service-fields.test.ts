import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startTestHub, type TestHub } from '@hub/testing';
import { buildOrganization, serviceInput } from '../../subgraphs/sociale-kaart/test/builders.ts';

/**
 * The Wlz fields of a service (leveringsvormen, zorgprofielen) decide which klantadviseur searches find a provider,
 * so only the provider's own BEHEERDER may set them. A hostile caller tries another organisation's service, another
 * role, no token, the subgraph without the gateway, and codes named like object properties; each is refused and
 * the service keeps its values.
 */

let hub: TestHub;
let ownerToken: string;
let serviceId: string;
let version: number;
beforeAll(async () => {
  hub = await startTestHub({ env: { DIRECTORY_CACHE_SECONDS: '0' } });
  const owner = await buildOrganization(hub.database.db, { type: 'ZORGAANBIEDER' });
  ownerToken = await hub.tokenFor({ organizationId: owner.id, organizationType: 'ZORGAANBIEDER', roles: ['BEHEERDER'] });
  const res = await hub.graphql(
    `mutation($input: ServiceInput!) { createService(input: $input) { service { id version } } }`,
    { input: serviceInput({ name: 'Wlz-aanbieder', legalDomains: ['WLZ'], leveringsvormen: ['VERBLIJF'], zorgprofielen: ['754'] }) },
    { token: ownerToken },
  );
  const created = dataOf<{ createService: { service: { id: string; version: number } } }>(res).createService.service;
  serviceId = created.id;
  version = created.version;
});
afterAll(async () => {
  await hub?.stop();
});

const UPDATE = `mutation($input: UpdateServiceInput!) { updateService(input: $input) { service { id leveringsvormen } } }`;
const change = () => ({ input: { id: serviceId, expectedVersion: version, service: { leveringsvormen: ['VPT'], zorgprofielen: ['800'] } } });
type Body = { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };

async function expectUnchanged() {
  const res = await hub.graphql(`query($id: ID!) { service(id: $id) { version leveringsvormen zorgprofielen { code } } }`, { id: serviceId });
  expect(dataOf<{ service: unknown }>(res).service).toEqual({ version, leveringsvormen: ['VERBLIJF'], zorgprofielen: [{ code: '754' }] });
}

describe('who may set the Wlz fields of a service', () => {
  it("refuses a BEHEERDER of another organisation (FORBIDDEN) and keeps the service's values", async () => {
    const other = await buildOrganization(hub.database.db, { type: 'ZORGAANBIEDER' });
    const token = await hub.tokenFor({ organizationId: other.id, organizationType: 'ZORGAANBIEDER', roles: ['BEHEERDER'] });
    const res = await hub.graphql(UPDATE, change(), { token });
    expect((res.body as Body).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await expectUnchanged();
  });

  it('refuses a zorgbemiddelaar of the same organisation and an anonymous caller', async () => {
    const res = await hub.graphql(`query($id: ID!) { service(id: $id) { organization { id } } }`, { id: serviceId });
    const orgId = dataOf<{ service: { organization: { id: string } } }>(res).service.organization.id;
    const bemiddelaar = await hub.tokenFor({ organizationId: orgId, organizationType: 'ZORGAANBIEDER', roles: ['ZORGBEMIDDELAAR'] });
    expect(((await hub.graphql(UPDATE, change(), { token: bemiddelaar })).body as Body).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(((await hub.graphql(UPDATE, change())).body as Body).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await expectUnchanged();
  });

  it("refuses the owner's own token sent straight to the subgraph without the gateway's secret", async () => {
    const res = await hub.directSubgraphRequest('sociale-kaart', UPDATE, { token: ownerToken, variables: change() });
    expect(res.status).not.toBe(200);
    await expectUnchanged();
    const wrong = await hub.directSubgraphRequest('sociale-kaart', UPDATE, { token: ownerToken, secret: 'not-the-secret', variables: change() });
    expect(wrong.status).not.toBe(200);
    await expectUnchanged();
  });

  it('treats codes named like object properties as unknown codes, in a change and in a search', async () => {
    for (const code of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const res = await hub.graphql(UPDATE, { input: { id: serviceId, expectedVersion: version, service: { zorgprofielen: [code] } } }, { token: ownerToken });
      expect((res.body as Body).errors?.[0]?.extensions, code).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.service.zorgprofielen.0' });
      const search = await hub.graphql(`query($f: ServiceSearchFilter) { searchServices(filter: $f) { totalCount } }`, { f: { zorgprofielen: [code] } });
      expect((search.body as Body).errors?.[0]?.extensions, code).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.zorgprofielen' });
    }
    await expectUnchanged();
  });
});
