import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@hub/testing';
import { location, organization, service, serviceLocation } from '../../subgraphs/sociale-kaart/src/db/schema.ts';
import { derivedServiceAtLocationId } from '../../subgraphs/sociale-kaart/src/hsds/export.ts';
import { importHsds } from '../../subgraphs/sociale-kaart/src/hsds/importer.ts';
import { type HsdsJson as Json, hsdsService } from '../../subgraphs/sociale-kaart/test/builders.ts';

/**
 * The importer's other entry shapes are other ways in: an organization record carries services, a service_at_location
 * record carries a service and a location. None may let an importer take over what belongs to another organisation —
 * not through the importHsds mutation of a BEHEERDER (through the gateway), and not in a command-line import either.
 * And `/hsds/service_at_locations/{id}` serves public data only: a link at a confidential location is not found.
 */

let hub: TestHub;
/** Organisation B, in the hub before the attacks: one service at one location. */
let victim: Json;
let victimLocationId: string;
let victimSalId: string;

beforeAll(async () => {
  hub = await startTestHub();
  victim = hsdsService();
  const sal = (victim.service_at_locations as Json[])[0] as Json;
  victimLocationId = String((sal.location as Json).id);
  victimSalId = String(sal.id);
  const report = await importHsds(hub.database.db, JSON.stringify(victim), { verifiedBy: 'setup' });
  expect(report.rejected).toEqual([]);
}, 120_000);
afterAll(async () => {
  await hub?.stop();
});

async function victimState() {
  const [s] = await hub.database.db
    .select({ name: service.name, organizationId: service.organizationId, version: service.version })
    .from(service)
    .where(sql`${service.id} = ${String(victim.id)}::uuid`);
  const [o] = await hub.database.db
    .select({ name: organization.name, version: organization.version })
    .from(organization)
    .where(sql`${organization.id} = ${String(victim.organization_id)}::uuid`);
  const [l] = await hub.database.db
    .select({ name: location.name, organizationId: location.organizationId, version: location.version })
    .from(location)
    .where(sql`${location.id} = ${victimLocationId}::uuid`);
  const links = await hub.database.db
    .select({ serviceId: serviceLocation.serviceId, hsdsId: serviceLocation.hsdsId })
    .from(serviceLocation)
    .where(sql`${serviceLocation.locationId} = ${victimLocationId}::uuid`);
  return { s, o, l, links };
}

const withoutOrganization = ({ organization: _o, ...rest }: Json): Json => rest;
const withoutLinks = ({ service_at_locations: _l, ...rest }: Json): Json => rest;

describe('HSDS import of organization and service_at_location records: other organisations stay untouched', () => {
  it('through the gateway, a BEHEERDER cannot overwrite another organisation or its services with any shape', async () => {
    const ownOrgId = randomUUID();
    const token = await hub.tokenFor({ organizationId: ownOrgId, organizationType: 'OCO', roles: ['BEHEERDER'] });
    const ownService = hsdsService({}, ownOrgId);
    const ownOrg = ownService.organization as Json;
    const victimOrg = victim.organization as Json;
    const hijacked = { ...withoutOrganization(victim), name: 'Overgenomen' };
    const records: Json[] = [
      // 1. Organisation B itself, renamed, with its service renamed.
      { ...victimOrg, name: 'Overgenomen', services: [hijacked] },
      // 2. The own organisation, listing B's service (its id) as its own.
      { ...ownOrg, services: [{ ...hijacked, organization_id: ownOrgId }] },
      // 3. The own organisation, with a nested service that says it is B's.
      { ...ownOrg, services: [{ ...withoutOrganization(hsdsService({}, ownOrgId)), organization_id: String(victim.organization_id) }] },
      // 4. A service_at_location whose service is B's.
      { id: randomUUID(), location_id: victimLocationId, service: withoutLinks(hijacked) },
      // 5. A service_at_location of an own service at B's location.
      { id: randomUUID(), location_id: victimLocationId, service: { ...withoutLinks(ownService), organization: ownOrg } },
      // 6. A service_at_location taking over B's link id for an own service.
      {
        id: victimSalId,
        location: { id: randomUUID(), location_type: 'physical', name: 'Eigen loket' },
        service: { ...withoutLinks(ownService), organization: ownOrg },
      },
      // 7. The own organisation, claiming B's location as its own.
      { ...ownOrg, locations: [{ id: victimLocationId, location_type: 'physical', name: 'Overgenomen' }], services: [] },
      // 8. Organisation B alone, without services.
      { ...victimOrg, services: [] },
      // 9. And the own organisation with its own service is imported.
      { ...ownOrg, services: [withoutOrganization(ownService)] },
    ];
    const before = await victimState();
    const mutation = 'mutation($d: String!) { importHsds(input: { data: $d }) { records created updated rejected { record id reason } } }';
    const res = await hub.graphql<{ importHsds: { records: number; created: number; rejected: { record: number; reason: string }[] } }>(
      mutation,
      { d: records.map((r) => JSON.stringify(r)).join('\n') },
      { token },
    );
    expect(res.body.errors).toBeUndefined();
    const result = res.body.data?.importHsds;
    expect(result?.records).toBe(9);
    expect(result?.created).toBe(1);
    const reasons = new Map(result?.rejected.map((r) => [r.record, r.reason]));
    expect([...reasons.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(reasons.get(1)).toContain('belongs to another organisation; you can import into your own organisation only');
    expect(reasons.get(2)).toContain('a service with this id belongs to another organisation in the hub');
    expect(reasons.get(3)).toContain('organization.services[0].organization_id is not organization.id');
    expect(reasons.get(4)).toContain('belongs to another organisation; you can import into your own organisation only');
    expect(reasons.get(5)).toContain('service_at_location: the location belongs to another organisation');
    expect(reasons.get(6)).toContain(`service_at_location.id ${victimSalId} is already the id of another service_at_location`);
    expect(reasons.get(7)).toContain('belongs to another organisation in the hub');
    expect(reasons.get(8)).toContain('the organization belongs to another organisation');
    expect(await victimState()).toEqual(before);
    expect(before.s?.name).not.toBe('Overgenomen');
    const [imported] = await hub.database.db
      .select({ organizationId: service.organizationId })
      .from(service)
      .where(sql`${service.id} = ${String(ownService.id)}::uuid`);
    expect(imported?.organizationId).toBe(ownOrgId);
  });

  it('a command-line import (no organisation of its own) cannot move a service or a location to another organisation either', async () => {
    const otherOrgId = randomUUID();
    const other = hsdsService({}, otherOrgId);
    const records: Json[] = [
      { ...(other.organization as Json), services: [{ ...withoutOrganization(victim), organization_id: otherOrgId, name: 'Overgenomen' }] },
      // B's location, nested as if it were the service's organisation's own (renamed).
      { id: randomUUID(), location: { id: victimLocationId, location_type: 'physical', name: 'Overgenomen' }, service: withoutLinks(other) },
      { ...(other.organization as Json), locations: [{ id: victimLocationId, location_type: 'physical', name: 'Overgenomen' }], services: [] },
    ];
    const before = await victimState();
    const report = await importHsds(hub.database.db, records.map((r) => JSON.stringify(r)).join('\n'), { verifiedBy: 'cli' });
    expect(report.rejected.map((r) => r.record)).toEqual([1, 2, 3]);
    expect(report.rejected[0]?.reason).toContain('a service with this id belongs to another organisation in the hub');
    expect(report.rejected[1]?.reason).toContain('belongs to another organisation in the hub');
    expect(report.rejected[2]?.reason).toContain('belongs to another organisation in the hub');
    expect(await victimState()).toEqual(before);
  });
});

describe('HSDS import of other record types through the gateway', () => {
  it('answers a typed rejection per record, naming its position, id and type and none of its data', async () => {
    const orgId = randomUUID();
    const token = await hub.tokenFor({ organizationId: orgId, organizationType: 'OCO', roles: ['BEHEERDER'] });
    const name = 'Petra Bakker';
    const bareLocation = {
      id: randomUUID(),
      organization_id: orgId,
      location_type: 'physical',
      name,
      addresses: [{ id: randomUUID(), address_1: 'Verborgen 1' }],
    };
    const own = hsdsService({}, orgId);
    const mutation = 'mutation($d: String!) { importHsds(input: { data: $d }) { records created rejected { record id reason code recordType } } }';
    const res = await hub.graphql<{ importHsds: Json }>(mutation, { d: [JSON.stringify(own), JSON.stringify(bareLocation)].join('\n') }, { token });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.importHsds).toEqual({
      records: 2,
      created: 1,
      rejected: [
        {
          record: 2,
          id: bareLocation.id,
          code: 'UNSUPPORTED_RECORD_TYPE',
          recordType: 'location',
          reason: expect.stringMatching(/^record type location is not supported: /),
        },
      ],
    });
    expect(JSON.stringify(res.body)).not.toContain(name);
    expect(JSON.stringify(res.body)).not.toContain('Verborgen');
    const [written] = await hub.database.db.select({ id: location.id }).from(location).where(sql`${location.id} = ${bareLocation.id}::uuid`);
    expect(written).toBeUndefined();
  });
});

describe('/hsds/service_at_locations/{id}: public data only', () => {
  it('serves a link by its imported id and by its derived id, and neither once the location is confidential', async () => {
    const record = hsdsService();
    const sal = (record.service_at_locations as Json[])[0] as Json;
    const secretAddress = 'Schuiladres 13';
    ((sal.location as Json).addresses as Json[])[0] = { ...(((sal.location as Json).addresses as Json[])[0] as Json), address_1: secretAddress };
    expect((await importHsds(hub.database.db, JSON.stringify(record), { verifiedBy: 'test' })).rejected).toEqual([]);
    const locationId = String((sal.location as Json).id);
    // A second link, made in the hub (no imported id): the feed derives its id from the pair.
    const otherService = hsdsService({}, String(record.organization_id));
    otherService.service_at_locations = [];
    expect((await importHsds(hub.database.db, JSON.stringify(otherService), { verifiedBy: 'test' })).rejected).toEqual([]);
    await hub.database.db.insert(serviceLocation).values({ serviceId: String(otherService.id), locationId });
    const derivedId = derivedServiceAtLocationId(String(otherService.id), locationId);

    for (const id of [String(sal.id), derivedId]) {
      const res = await fetch(hub.gatewayPath(`/hsds/service_at_locations/${id}`));
      expect(res.status).toBe(200);
      const body = (await res.json()) as Json;
      expect(body).toMatchObject({ id, location: { id: locationId } });
      expect(JSON.stringify(body)).toContain(secretAddress);
    }

    await hub.database.db.update(location).set({ confidential: true }).where(sql`${location.id} = ${locationId}::uuid`);
    for (const id of [String(sal.id), derivedId]) {
      for (const url of [
        hub.gatewayPath(`/hsds/service_at_locations/${id}`),
        `${new URL(hub.subgraphUrls['sociale-kaart'] ?? '').origin}/hsds/service_at_locations/${id}`,
      ]) {
        const res = await fetch(url);
        const text = await res.text();
        expect(res.status, url).toBe(404);
        expect(text).not.toContain(secretAddress);
        expect(JSON.parse(text)).toMatchObject({ status: 404, code: 'NOT_FOUND', parameter: 'id' });
      }
    }
    // Nor does the service carry it elsewhere in the feed.
    const full = await (await fetch(hub.gatewayPath(`/hsds/services/${String(record.id)}`))).text();
    expect(full).not.toContain(secretAddress);
  });

  it('answers hostile ids and methods with 400, 404 and 405', async () => {
    const cases: [string, RequestInit | undefined, number][] = [
      ['/hsds/service_at_locations/not-a-uuid', undefined, 400],
      ["/hsds/service_at_locations/1' or '1'='1", undefined, 400],
      [`/hsds/service_at_locations/${randomUUID()}`, undefined, 404],
      [`/hsds/service_at_locations/${randomUUID()}/location`, undefined, 404],
      [`/hsds/service_at_locations/${victimSalId}`, { method: 'POST', body: '{}' }, 405],
      [`/hsds/service_at_locations/${victimSalId}`, { method: 'DELETE' }, 405],
    ];
    for (const [path, init, status] of cases) {
      const res = await fetch(hub.gatewayPath(path), init);
      expect(res.status, path).toBe(status);
    }
    expect((await fetch(hub.gatewayPath(`/hsds/service_at_locations/${victimSalId}`))).status).toBe(200);
  });
});
