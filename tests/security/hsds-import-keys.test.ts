import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@hub/testing';
import { organization, service } from '../../subgraphs/sociale-kaart/src/db/schema.ts';
import { importHsds, type ImportReport } from '../../subgraphs/sociale-kaart/src/hsds/importer.ts';
import { type HsdsJson as Json, hsdsService } from '../../subgraphs/sociale-kaart/test/builders.ts';

/**
 * HSDS records come from outside (a file, a URL, a BEHEERDER's mutation). Every key in them is data: a key named
 * like a property every JavaScript object has (`constructor`, `toString`, `__proto__`, `hasOwnProperty`, …) must not
 * be looked up on the prototype, and a record nested absurdly deep is refused on its own. Either way the other
 * records of the same import still import.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.stop();
});

const ndjson = (records: Json[]) => records.map((r) => JSON.stringify(r)).join('\n');
const importText = (text: string) => importHsds(hub.database.db, text, { verifiedBy: 'test' });
async function serviceExists(id: unknown): Promise<boolean> {
  const rows = await hub.database.db
    .select({ id: service.id })
    .from(service)
    .where(sql`${service.id} = ${String(id)}::uuid`);
  return rows.length === 1;
}
async function organizationExists(id: unknown): Promise<boolean> {
  const rows = await hub.database.db
    .select({ id: organization.id })
    .from(organization)
    .where(sql`${organization.id} = ${String(id)}::uuid`);
  return rows.length === 1;
}

/** JSON text with keys spelled out, so `__proto__` is an own key as JSON.parse makes it (an object literal would not). */
function withRawKeys(record: Json, path: 'top' | 'organization' | 'location' | 'address' | 'attribute', keys: string): string {
  const text = JSON.stringify(record);
  const anchor = {
    top: `{"id":"${String(record.id)}"`,
    organization: `"organization":{`,
    location: `"location":{`,
    address: `"addresses":[{`,
    attribute: `"attributes":[{`,
  }[path];
  expect(text).toContain(anchor);
  return path === 'top' ? text.replace(anchor, `{${keys},"id":"${String(record.id)}"`) : text.replace(anchor, `${anchor}${keys},`);
}

const PROTOTYPE_KEYS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

describe('HSDS import: keys named like object properties', () => {
  it.each(['top', 'organization', 'location', 'address', 'attribute'] as const)(
    'imports constructor / toString / __proto__ keys at the %s level as data, gives them back in the feed, and imports the rest',
    async (level) => {
      const keys = PROTOTYPE_KEYS.map((k, i) => `"${k}":${i % 2 ? '"x"' : '{"polluted":true}'}`).join(',');
      const hostile = hsdsService();
      const fine = hsdsService();
      const text = [withRawKeys(hostile, level, keys), JSON.stringify(fine)].join('\n');
      let report: ImportReport | undefined;
      let failure: unknown;
      try {
        report = await importText(text);
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeUndefined();
      expect(report?.records).toBe(2);
      expect(await serviceExists(fine.id)).toBe(true);
      // The hostile record is imported, or refused with a reason of its own; never does it take the import down.
      expect(report?.rejected).toEqual([]);
      expect(await serviceExists(hostile.id)).toBe(true);
      expect(({} as Json).polluted).toBeUndefined();
      // The keys were data: the open HSDS feed gives them back as they came, __proto__ included.
      const exported = await fetch(hub.gatewayPath(`/hsds/services/${String(hostile.id)}`));
      expect(exported.status).toBe(200);
      const feed = await exported.text();
      for (const [i, key] of PROTOTYPE_KEYS.entries()) expect(feed).toContain(`"${key}":${i % 2 ? '"x"' : '{"polluted":true}'}`);
    },
  );

  it('imports services whose text fields are named and valued like prototype properties', async () => {
    const records = [hsdsService({ name: 'constructor' }), hsdsService({ name: '__proto__' }), hsdsService({ name: 'toString' })];
    const report = await importText(ndjson(records));
    expect(report).toMatchObject({ records: 3, created: 3, rejected: [] });
    for (const r of records) expect(await serviceExists(r.id)).toBe(true);
  });
});

describe('HSDS import: nesting', () => {
  it('refuses a 10,000-deep nested record with a clear reason and imports the others', async () => {
    const before = hsdsService();
    const deep = hsdsService();
    const after = hsdsService();
    const depth = 10_000;
    const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const deepText = JSON.stringify(deep).replace('"status":"active"', `"status":"active","x_extra":${nested}`);
    const report = await importText([JSON.stringify(before), deepText, JSON.stringify(after)].join('\n'));
    expect(report.records).toBe(3);
    expect(report.rejected).toEqual([{ record: 2, id: String(deep.id), reason: expect.stringMatching(/nested .*deep/) }]);
    expect(await serviceExists(before.id)).toBe(true);
    expect(await serviceExists(after.id)).toBe(true);
    expect(await serviceExists(deep.id)).toBe(false);
    expect(await organizationExists(deep.organization_id)).toBe(false);
  });

  it('refuses a 10,000-deep array nested in an attribute the same way', async () => {
    const deep = hsdsService();
    const fine = hsdsService();
    const nested = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const deepText = JSON.stringify(deep).replace('"attributes":[', `"attributes":[{"id":"${randomUUID()}","value":${nested}},`);
    const report = await importText([deepText, JSON.stringify(fine)].join('\n'));
    expect(report.rejected).toEqual([{ record: 1, id: String(deep.id), reason: expect.stringMatching(/nested .*deep/) }]);
    expect(await serviceExists(fine.id)).toBe(true);
  });

  it('still imports a record nested to the depth HSDS itself uses', async () => {
    const record = hsdsService();
    const report = await importText(JSON.stringify(record));
    expect(report).toMatchObject({ created: 1, rejected: [] });
  });
});

describe('HSDS import through the gateway (importHsds by a BEHEERDER)', () => {
  it('answers per record for prototype-named keys and a 10,000-deep record, and imports the rest', async () => {
    const organizationId = randomUUID();
    const token = await hub.tokenFor({ organizationId, organizationType: 'OCO', roles: ['BEHEERDER'] });
    const hostile = hsdsService({}, organizationId);
    const deep = hsdsService({}, organizationId);
    const fine = hsdsService({}, organizationId);
    const nested = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const data = [
      withRawKeys(hostile, 'top', '"__proto__":{"polluted":true},"constructor":"x","toString":{"a":1}'),
      JSON.stringify(deep).replace('"status":"active"', `"status":"active","x_extra":${nested}`),
      JSON.stringify(fine),
    ].join('\n');
    const mutation = 'mutation($d: String!) { importHsds(input: { data: $d }) { records created rejected { record id reason } } }';
    const res = await hub.graphql<{ importHsds: { records: number; created: number; rejected: { record: number; id: string; reason: string }[] } }>(
      mutation,
      { d: data },
      { token },
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.importHsds).toEqual({
      records: 3,
      created: 2,
      rejected: [{ record: 2, id: String(deep.id), reason: expect.stringMatching(/nested more than \d+ levels deep/) }],
    });
    expect(await serviceExists(hostile.id)).toBe(true);
    expect(await serviceExists(fine.id)).toBe(true);
    expect(await serviceExists(deep.id)).toBe(false);
  });
});
