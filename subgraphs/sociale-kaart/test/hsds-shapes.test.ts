import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@hub/db';
import { startTestHub, type TestHub } from '@hub/testing';
import { location, organization, service, serviceLocation } from '../src/db/schema.ts';
import { ImportInputError, importHsds, type ImportReport } from '../src/hsds/importer.ts';
import { type HsdsJson as Json, hsdsService } from './builders.ts';
import { startEmptySocialeKaart } from './hsds-copy.ts';

/**
 * HSDS's three entry shapes: a service, an organization with nested services, a service_at_location with nested
 * service and location. Each is imported in every container form (one record, an array, a page with `contents`, NDJSON,
 * mixed), exported again lossless (export → import into an empty database → export gives the same document) and valid
 * against the Open Referral schemas; records of any other type are refused by type, per record.
 *
 * Data nobody in this project wrote: the specification's own `examples/service_full.json` (reference/hsds-3.0, copied
 * unchanged with its source and licence in SOURCES.md). Its organization and its service_at_location are cut out of it
 * into the other two shapes, unchanged.
 */

const REFERENCE = new URL('./reference/hsds-3.0/', import.meta.url);
const readJson = (path: string): Json => JSON.parse(readFileSync(new URL(path, REFERENCE), 'utf8')) as Json;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
let schemas: Record<'service' | 'organization' | 'serviceAtLocation', ValidateFunction>;
function expectValid(validate: ValidateFunction, value: unknown, label: string) {
  const ok = validate(value);
  expect(ok, `${label}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`).toBe(true);
}

/** The example service, and the other two shapes made of its parts (nothing added, nothing changed). */
function exampleShapes() {
  const example = readJson('examples/service_full.json');
  const { organization: org, ...serviceWithoutOrganization } = example;
  const organizationRecord: Json = { ...(org as Json), services: [serviceWithoutOrganization] };
  const { service_at_locations: links, ...serviceWithoutLinks } = example;
  const salRecord: Json = { ...((links as Json[])[0] as Json), service: serviceWithoutLinks };
  return { example, organizationRecord, salRecord };
}

let hub: TestHub;
beforeAll(async () => {
  schemas = {
    service: ajv.compile(readJson('schema/service.json')),
    organization: ajv.compile(readJson('schema/organization.json')),
    serviceAtLocation: ajv.compile(readJson('schema/service_at_location.json')),
  };
  hub = await startTestHub();
}, 180_000);
afterAll(async () => {
  await hub?.stop();
});

const importInto = (database: Database, text: string, extra: { maxRecords?: number; maxBytes?: number } = {}) =>
  importHsds(database.db, text, { verifiedBy: 'shapes', ...extra });
const ndjson = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n');

async function getJson(url: string): Promise<Json> {
  const res = await fetch(url);
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(200);
  return JSON.parse(text) as Json;
}

async function exists(database: Database, table: typeof service | typeof organization | typeof location, id: unknown) {
  const rows = await database.db
    .select({ id: table.id })
    .from(table)
    .where(sql`${table.id} = ${String(id)}::uuid`);
  return rows.length === 1;
}

/** The three documents of one shape's round trip, fetched from a sociale kaart's own origin. */
const documentPath = {
  service: (id: string) => `/hsds/services/${id}`,
  organization: (id: string) => `/hsds/organizations/${id}?full_service=true`,
  service_at_location: (id: string) => `/hsds/service_at_locations/${id}`,
} as const;

describe('importing the three entry shapes (the HSDS 3.0 example)', () => {
  it('imports an organization record with its nested service, keeping the organisation’s own fields, and serves both back unchanged', async () => {
    const copy = await startEmptySocialeKaart(hub.config);
    try {
      const { organizationRecord, example } = exampleShapes();
      const report = await importInto(copy.database, JSON.stringify(organizationRecord));
      expect(report).toMatchObject({ records: 1, created: 1, updated: 0, organizations: { created: 1, updated: 0 }, rejected: [] });
      const served = await getJson(`${copy.origin}${documentPath.organization(String(organizationRecord.id))}`);
      expectValid(schemas.organization, served, 'organization');
      expect(served).toEqual(organizationRecord);
      // The same data is the example service again, organisation nested.
      const asService = await getJson(`${copy.origin}/hsds/services/${String(example.id)}`);
      expect(asService).toEqual(example);
    } finally {
      await copy.stop();
    }
  });

  it('imports a service_at_location record as its service at that location, and serves it back unchanged', async () => {
    const copy = await startEmptySocialeKaart(hub.config);
    try {
      const { salRecord, example } = exampleShapes();
      const report = await importInto(copy.database, JSON.stringify(salRecord));
      expect(report).toMatchObject({ records: 1, created: 1, organizations: { created: 1 }, rejected: [] });
      const served = await getJson(`${copy.origin}${documentPath.service_at_location(String(salRecord.id))}`);
      expectValid(schemas.serviceAtLocation, served, 'service_at_location');
      expect(served).toEqual(salRecord);
      expect(await getJson(`${copy.origin}/hsds/services/${String(example.id)}`)).toEqual(example);
    } finally {
      await copy.stop();
    }
  });

  it('takes every container form and mixes shapes: an array, a page with contents (with and without record_type), NDJSON', async () => {
    const copy = await startEmptySocialeKaart(hub.config);
    try {
      const orgId = randomUUID();
      const asService = hsdsService();
      const { organization: nestedOrg, ...plain } = hsdsService({}, orgId);
      const asOrganization = { ...(nestedOrg as Json), services: [plain, (({ organization: _o, ...s }) => s)(hsdsService({}, orgId))] };
      const { service_at_locations: links, ...salService } = hsdsService();
      const asSal = { ...((links as Json[])[0] as Json), service: salService };
      const check = (report: ImportReport, services: number) => expect(report).toMatchObject({ created: services, updated: 0, rejected: [] });
      check(await importInto(copy.database, JSON.stringify([asService, asOrganization, asSal])), 4);
      for (const record of [asService, ...(asOrganization.services as Json[]), salService]) expect(await exists(copy.database, service, record.id)).toBe(true);
      // Again, as an update, in the other containers.
      expect(await importInto(copy.database, JSON.stringify({ total_items: 3, contents: [asSal, asOrganization, asService] }))).toMatchObject({ updated: 4 });
      expect(await importInto(copy.database, ndjson([asOrganization, asService, asSal]))).toMatchObject({ records: 3, updated: 4, rejected: [] });
      expect(await importInto(copy.database, JSON.stringify({ record_type: 'organization', contents: [asOrganization] }))).toMatchObject({ updated: 2 });
      for (const single of [asService, asOrganization, asSal]) expect(await importInto(copy.database, JSON.stringify(single))).toMatchObject({ rejected: [] });
      // The hint decides for records whose fields say nothing (read as organizations, the field errors are an organization's);
      // a record whose fields evidently say otherwise is not imported as the page says.
      const bare = { id: randomUUID(), name: 'Zonder velden' };
      const hinted = await importInto(copy.database, JSON.stringify({ record_type: 'organization', contents: [bare, asService] }));
      expect(hinted.rejected).toEqual([
        { record: 1, id: bare.id, reason: expect.stringContaining('organization.description: required field is missing') },
        { record: 2, id: asService.id, reason: "the page's record_type is organization, but the record's fields are those of a service." },
      ]);
      expect(await exists(copy.database, organization, asService.id)).toBe(false);
      const unhinted = await importInto(copy.database, JSON.stringify([bare]));
      expect(unhinted.rejected[0]?.reason).toContain('service.status: required field is missing');
      await expect(importInto(copy.database, JSON.stringify({ record_type: 'location', contents: [] }))).rejects.toThrow(
        /record_type "location" is not supported/,
      );
    } finally {
      await copy.stop();
    }
  });

  it('imports an organization record without services as the organisation and its locations alone', async () => {
    const { organization: org } = hsdsService();
    const locationId = randomUUID();
    const record: Json = { ...(org as Json), locations: [{ id: locationId, location_type: 'physical', name: 'Loket' }], services: [] };
    const report = await importInto(hub.database, JSON.stringify(record));
    expect(report).toMatchObject({ records: 1, created: 0, updated: 0, organizations: { created: 1 }, locations: { created: 1 }, rejected: [] });
    expect(await exists(hub.database, organization, record.id)).toBe(true);
    expect(await exists(hub.database, location, locationId)).toBe(true);
  });

  it('rejects an organization record whole when one nested service is bad, naming it, and imports the next record', async () => {
    const orgId = randomUUID();
    const good = hsdsService({}, orgId);
    const bad = hsdsService({ status: 'open' }, orgId);
    const record = { ...(good.organization as Json), services: [good, bad] };
    const next = hsdsService();
    const report = await importInto(hub.database, ndjson([record, next]));
    expect(report).toMatchObject({ records: 2, created: 1 });
    expect(report.rejected).toEqual([{ record: 1, id: orgId, reason: expect.stringContaining('organization.services[1].status: must be one of') }]);
    expect(await exists(hub.database, service, good.id)).toBe(false);
    expect(await exists(hub.database, organization, orgId)).toBe(false);
    expect(await exists(hub.database, service, next.id)).toBe(true);

    const foreignNested = { ...(good.organization as Json), services: [{ ...good, organization_id: randomUUID() }] };
    const twice = { ...(good.organization as Json), services: [good, good] };
    const again = await importInto(hub.database, ndjson([foreignNested, twice]));
    expect(again.rejected.map((r) => [r.record, r.reason])).toEqual([
      [1, 'organization.services[0].organization_id is not organization.id: a service nested in an organization belongs to it.'],
      [2, `organization.services[1].id ${String(good.id)}: the organization lists this service twice.`],
    ]);
  });

  it('a service_at_location record updates its own link and keeps the service’s other links', async () => {
    const record = hsdsService();
    const second = { id: randomUUID(), location: { id: randomUUID(), location_type: 'physical', name: 'Tweede loket' } };
    record.service_at_locations = [...(record.service_at_locations as Json[]), second];
    expect(await importInto(hub.database, JSON.stringify(record))).toMatchObject({ created: 1, rejected: [] });
    const { service_at_locations: _l, ...serviceFields } = record;
    const sal = { ...second, description: 'Alleen op afspraak', service: serviceFields };
    expect(await importInto(hub.database, JSON.stringify(sal))).toMatchObject({ created: 0, updated: 1, rejected: [] });
    const links = await hub.database.db
      .select({ hsdsId: serviceLocation.hsdsId, hsds: serviceLocation.hsds })
      .from(serviceLocation)
      .where(sql`${serviceLocation.serviceId} = ${String(record.id)}::uuid`);
    expect(links.map((l) => l.hsdsId).sort()).toEqual([((record.service_at_locations as Json[])[0] as Json).id, second.id].sort());
    const served = await getJson(hub.gatewayPath(`/hsds/service_at_locations/${second.id}`));
    expect(served).toMatchObject({ id: second.id, description: 'Alleen op afspraak', location: { id: second.location.id }, service: { id: record.id } });
    expect(served.service).not.toHaveProperty('service_at_locations');
  });

  it('refuses records of any other type by type, per record, without their data, and imports the others', async () => {
    const name = 'Jan de Vries';
    const bareLocation = { id: randomUUID(), location_type: 'physical', name, addresses: [{ id: randomUUID(), address_1: 'Geheimstraat 7' }] };
    const taxonomy = { id: randomUUID(), name: 'Eigen lijst', description: 'x', uri: 'https://example.org/lijst', version: '1' };
    const phone = { id: randomUUID(), number: '06-12345678' };
    const contact = { id: randomUUID(), name, title: 'Consulent' };
    const salWithoutService = { id: randomUUID(), location: { id: randomUUID(), location_type: 'physical', name } };
    const fine = hsdsService();
    const report = await importInto(hub.database, ndjson([bareLocation, taxonomy, fine, phone, contact, salWithoutService, 'a string']));
    expect(report).toMatchObject({ records: 7, created: 1 });
    const byRecord = new Map(report.rejected.map((r) => [r.record, r]));
    for (const [record, type, id] of [
      [1, 'location', bareLocation.id],
      [2, 'taxonomy', taxonomy.id],
      [4, 'phone', phone.id],
      [5, 'contact', contact.id],
    ] as const) {
      expect(byRecord.get(record)).toEqual({
        record,
        id,
        code: 'UNSUPPORTED_RECORD_TYPE',
        recordType: type,
        reason: `record type ${type} is not supported: the importer takes service, organization (with nested services), service_at_location (with nested service and location) and taxonomy_term records.`,
      });
    }
    expect(byRecord.get(6)?.reason).toContain('service_at_location.service: required field is missing');
    expect(byRecord.get(7)?.reason).toContain('service: must be an object');
    const reasons = JSON.stringify(report.rejected);
    for (const personal of [name, 'Geheimstraat', '06-12345678']) expect(reasons).not.toContain(personal);
    expect(await exists(hub.database, location, bareLocation.id)).toBe(false);
    expect(await exists(hub.database, service, fine.id)).toBe(true);
  });

  it('keeps the limits: input bytes, record size, and the mutation counts nested services', async () => {
    const orgId = randomUUID();
    const services = Array.from({ length: 3 }, () => hsdsService({}, orgId));
    const record = { ...(services[0]?.organization as Json), services };
    await expect(importInto(hub.database, JSON.stringify(record), { maxRecords: 2 })).rejects.toThrow(
      /holds 3 services \(nested ones counted\); an import through the API takes at most 2/,
    );
    await expect(importInto(hub.database, JSON.stringify(record), { maxBytes: 1000 })).rejects.toThrow(ImportInputError);
    expect(await exists(hub.database, organization, orgId)).toBe(false);
    const huge = { ...record, description: 'x'.repeat(1_100_000) };
    const report = await importInto(hub.database, JSON.stringify(huge), { maxBytes: 5_000_000 });
    expect(report.rejected).toEqual([{ record: 1, id: orgId, reason: 'the record is larger than 1000000 bytes.' }]);
  });
});

describe('round trips of each shape: export → import into an empty database → export', () => {
  /** Records in the hub: the specification's example (much kept as residue) and the hub's own kind (all native). */
  let sources: { label: string; service: string; organization: string; serviceAtLocation: string }[] = [];
  beforeAll(async () => {
    const { example } = exampleShapes();
    const native = hsdsService();
    const report = await importInto(hub.database, ndjson([example, native]));
    expect(report.rejected).toEqual([]);
    const linkOf = (r: Json) => String(((r.service_at_locations as Json[])[0] as Json).id);
    sources = [
      { label: 'the example', service: String(example.id), organization: String((example.organization as Json).id), serviceAtLocation: linkOf(example) },
      { label: 'a native record', service: String(native.id), organization: String(native.organization_id), serviceAtLocation: linkOf(native) },
    ];
  }, 60_000);

  for (const shape of ['service', 'organization', 'service_at_location'] as const) {
    it(`is lossless for the ${shape} shape, through the gateway's pass-through, and valid against the HSDS schema`, async () => {
      const validate = { service: schemas.service, organization: schemas.organization, service_at_location: schemas.serviceAtLocation }[shape];
      // One empty sociale kaart per shape: each source's document is all it holds of that source.
      const copy = await startEmptySocialeKaart(hub.config);
      try {
        for (const source of sources) {
          const id = { service: source.service, organization: source.organization, service_at_location: source.serviceAtLocation }[shape];
          const first = await getJson(hub.gatewayPath(documentPath[shape](id)));
          expectValid(validate, first, `${shape} of ${source.label}`);
          const report = await importInto(copy.database, JSON.stringify(first));
          expect(report, source.label).toMatchObject({ records: 1, rejected: [] });
          const second = await getJson(`${copy.origin}${documentPath[shape](id)}`);
          expectValid(validate, second, `${shape} of ${source.label}, after the round trip`);
          expect(second, source.label).toEqual(first);
          expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        }
      } finally {
        await copy.stop();
      }
    }, 120_000);
  }
});
