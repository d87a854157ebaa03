import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@hub/testing';
import { location, organization, service, serviceLocation } from '../src/db/schema.ts';
import { ImportInputError, importHsds, MAX_MUTATION_IMPORT_RECORDS } from '../src/hsds/importer.ts';
import { MAX_OPENING_HOURS, MAX_ORGANIZATION_PHONES } from '../src/validation.ts';
import { type HsdsJson as Json, hsdsService } from './builders.ts';

/**
 * The HSDS importer: what it accepts, what it refuses (with a reason, writing nothing for that record),
 * gemeente derivation, searchability, the importHsds mutation for a BEHEERDER, and the CLI.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.stop();
});

async function serviceRow(id: string) {
  const [row] = await hub.database.db.select().from(service).where(sql`${service.id} = ${id}::uuid`);
  return row;
}

const counts = async () => {
  const [row] = await hub.database.db
    .select({
      services: sql<string>`(select count(*) from ${service})`,
      organizations: sql<string>`(select count(*) from ${organization})`,
      locations: sql<string>`(select count(*) from ${location})`,
      links: sql<string>`(select count(*) from ${serviceLocation})`,
    })
    .from(sql`(select 1) as one`);
  return { services: Number(row?.services), organizations: Number(row?.organizations), locations: Number(row?.locations), links: Number(row?.links) };
};

const importText = (text: string) => importHsds(hub.database.db, text, { verifiedBy: 'test' });

describe('HSDS import', () => {
  it('imports a service with its organisation and location, searchable at once, and re-imports as an update', async () => {
    const record = hsdsService();
    const report = await importText(JSON.stringify(record));
    expect(report).toMatchObject({ records: 1, created: 1, updated: 0, organizations: { created: 1 }, locations: { created: 1 }, rejected: [] });
    const row = await serviceRow(String(record.id));
    expect(row).toMatchObject({
      legalDomains: ['WMO_ALGEMENE_VOORZIENING'],
      lifeDomains: ['FINANCIEN_EN_SCHULDEN'],
      areaScope: 'GEMEENTEN',
      servedGemeenten: ['GM0363'],
      version: 1,
    });
    const [loc] = await hub.database.db
      .select()
      .from(location)
      .where(sql`${location.organizationId} = ${String(record.organization_id)}::uuid`);
    expect(loc).toMatchObject({ gemeenteCode: 'GM0363', postalCode: '1011 AB' });

    const word = String(record.name).split(' ')[1] ?? '';
    const search = await hub.graphql<{ searchServices: { edges: { node: { id: string } }[] } }>(
      'query($t: String) { searchServices(text: $t, filter: { gemeenteCode: "GM0363" }) { edges { node { id } } } }',
      { t: word },
    );
    expect(search.body.data?.searchServices.edges.map((e) => e.node.id)).toEqual([record.id]);

    const before = await counts();
    const again = await importText(JSON.stringify({ ...record, name: `${String(record.name)} (nieuw)` }));
    expect(again).toMatchObject({ created: 0, updated: 1, organizations: { created: 0, updated: 1 }, locations: { created: 0, updated: 1 }, rejected: [] });
    expect(await counts()).toEqual(before);
    expect(await serviceRow(String(record.id))).toMatchObject({ name: `${String(record.name)} (nieuw)`, version: 2 });
  });

  it('derives gemeente codes from the city, from coordinates, and a service area from the locations', async () => {
    const byCity = hsdsService({ service_areas: [] });
    const sal = (byCity.service_at_locations as Json[])[0] as Json;
    const cityLocation = sal.location as Json;
    (cityLocation.addresses as Json[])[0] = { ...((cityLocation.addresses as Json[])[0] as Json), city: 'Utrecht' };
    const byPoint = hsdsService({ service_areas: [] });
    const pointSal = (byPoint.service_at_locations as Json[])[0] as Json;
    pointSal.location = { id: randomUUID(), location_type: 'physical', name: 'Zonder adres', latitude: 53.2194, longitude: 6.5665 };
    const report = await importText([byCity, byPoint].map((r) => JSON.stringify(r)).join('\n'));
    expect(report.rejected).toEqual([]);
    expect(report.warnings.map((w) => w.message).join(' ')).toContain('derived from the locations');
    expect(await serviceRow(String(byCity.id))).toMatchObject({ servedGemeenten: ['GM0344'], servedRegions: ['ZK23'] });
    expect(await serviceRow(String(byPoint.id))).toMatchObject({ servedGemeenten: ['GM0014'] });
  });

  it('rejects bad records with a reason, writes nothing for them, and still imports the good ones', async () => {
    const good = hsdsService();
    const wrongType = hsdsService({ name: 42 });
    const missingStatus = hsdsService();
    delete missingStatus.status;
    const unknownCode = hsdsService({
      attributes: [
        { id: randomUUID(), taxonomy_term: { id: randomUUID(), code: 'WMO_2030', name: 'x', description: 'x', taxonomy: 'HSDS-NL Financieringsdomein' } },
      ],
    });
    const unknownTerm = hsdsService({ attributes: [{ id: randomUUID(), taxonomy_term_id: randomUUID() }] });
    const badId = hsdsService({ id: 'service-1' });
    const noOrganization = hsdsService({ organization: undefined, organization_id: randomUUID() });
    const unknownGemeente = hsdsService({ service_areas: [{ id: randomUUID(), extent: 'GM9999', extent_type: 'text' }] });
    const records = [good, wrongType, missingStatus, unknownCode, unknownTerm, badId, noOrganization, unknownGemeente];
    const before = await counts();
    const report = await importText(JSON.stringify(records));
    expect(report.created).toBe(1);
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.record, r.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(reasons[2]).toContain('service.name: must be a string');
    expect(reasons[3]).toContain('service.status: required field is missing');
    expect(reasons[4]).toContain('unknown term "WMO_2030" in taxonomy HSDS-NL Financieringsdomein');
    expect(reasons[5]).toContain('unknown taxonomy term');
    expect(reasons[6]).toContain('must be a valid uuid');
    expect(reasons[7]).toContain('is not in the hub; include the organization object');
    expect(reasons[8]).toContain('unknown gemeente GM9999');
    // Only the good record and its organisation and location were written.
    expect(await counts()).toEqual({
      services: before.services + 1,
      organizations: before.organizations + 1,
      locations: before.locations + 1,
      links: before.links + 1,
    });
    for (const bad of records.slice(1)) {
      if (typeof bad.id === 'string' && /^[0-9a-f-]{36}$/.test(bad.id)) expect(await serviceRow(bad.id)).toBeUndefined();
    }
  });

  it('keeps the stated bounds: an organisation with more phones or a service with more opening periods is rejected and writes nothing', async () => {
    const phones = (n: number) => Array.from({ length: n }, (_, i) => ({ id: randomUUID(), number: `020-555 00 ${String(i).padStart(2, '0')}` }));
    const withPhones = (n: number): Json => {
      const record = hsdsService();
      return { ...record, organization: { ...(record.organization as Json), phones: phones(n) } };
    };
    const weekly = (periods: [string, string][]) =>
      periods.map(([opens, closes]) => ({ id: randomUUID(), freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: opens, closes_at: closes }));
    const twoADay = hsdsService({
      schedules: weekly([
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ]),
    });
    const threeADay = hsdsService({
      schedules: weekly([
        ['09:00', '12:00'],
        ['13:00', '17:00'],
        ['19:00', '21:00'],
      ]),
    });
    const records = [withPhones(MAX_ORGANIZATION_PHONES), withPhones(MAX_ORGANIZATION_PHONES + 1), twoADay, threeADay];
    const before = await counts();
    const report = await importText(records.map((r) => JSON.stringify(r)).join('\n'));
    expect(report.rejected.map((r) => [r.record, r.reason])).toEqual([
      [2, `service.organization.phones: ${MAX_ORGANIZATION_PHONES + 1} phone numbers; an organisation has at most ${MAX_ORGANIZATION_PHONES}.`],
      [4, `service.schedules: 21 weekly opening periods; a service has at most ${MAX_OPENING_HOURS} (e.g. two on each day).`],
    ]);
    expect(await counts()).toEqual({
      services: before.services + 2,
      organizations: before.organizations + 2,
      locations: before.locations + 2,
      links: before.links + 2,
    });
    const rejectedOrganization = await hub.database.db
      .select()
      .from(organization)
      .where(sql`${organization.id} = ${String(records[1]?.organization_id)}::uuid`);
    expect(rejectedOrganization).toEqual([]);
    expect(await serviceRow(String(threeADay.id))).toBeUndefined();
    expect((await serviceRow(String(twoADay.id)))?.openingHours).toHaveLength(MAX_OPENING_HOURS);
  });

  it('stores the accepted language codes, each once, and keeps the others for the export', async () => {
    const languages = ['nl', 'so', 'NL', 'xx', 'srn', 'pap'].map((code) => ({ id: randomUUID(), name: code, code }));
    const record = hsdsService({ languages });
    const report = await importText(JSON.stringify(record));
    expect(report.rejected).toEqual([]);
    const row = await serviceRow(String(record.id));
    expect(row?.languages).toEqual(['nl', 'so', 'pap']);
    // Codes outside the list stay in the residue, so the feed gives the source's languages back as they came.
    const residue = new Map(row?.hsds?.fields ?? []);
    expect((JSON.parse(residue.get('languages') ?? '[]') as { code: string }[]).map((l) => l.code)).toEqual(['nl', 'so', 'NL', 'xx', 'srn', 'pap']);
  });

  it('warns at most twice about a record: once for all its locations without a usable point, once for its service area', async () => {
    const record = hsdsService({ service_areas: [] });
    const badPoint = () => ({ id: randomUUID(), location: { id: randomUUID(), location_type: 'physical', name: 'Nergens', latitude: 200, longitude: 200 } });
    record.service_at_locations = [badPoint(), badPoint(), badPoint()];
    const report = await importText(JSON.stringify(record));
    expect(report.rejected).toEqual([]);
    expect(report.warnings).toHaveLength(2);
    expect(report.warnings[0]?.message).toMatch(
      /^service\.service_at_locations\[0\]\.location, service\.service_at_locations\[1\]\.location, service\.service_at_locations\[2\]\.location: latitude\/longitude are not a WGS84 point/,
    );
    expect(report.warnings[1]?.message).toContain('no service area could be derived');
  });

  it('refuses input that is not JSON, not HSDS, or larger than the limit, writing nothing', async () => {
    const before = await counts();
    await expect(importText('this is not json')).rejects.toThrow(/not valid JSON/);
    await expect(importText('42')).rejects.toThrow(/not an HSDS record/);
    await expect(importText('')).rejects.toThrow(/empty/);
    const big = JSON.stringify([hsdsService({ description: 'x'.repeat(50 * 1024 * 1024) })]);
    await expect(importText(big)).rejects.toThrow(ImportInputError);
    await expect(importText(big)).rejects.toThrow(/the import limit is 20000000 bytes/);
    const oneBadLine = [JSON.stringify(hsdsService()), '{"id": oops', JSON.stringify(hsdsService())].join('\n');
    const report = await importText(oneBadLine);
    expect(report).toMatchObject({ records: 3, created: 2 });
    expect(report.rejected).toEqual([{ record: 2, id: null, reason: expect.stringContaining('line 2 is not valid JSON') }]);
    expect((await counts()).services).toBe(before.services + 2);
  });

  it('importHsds lets a BEHEERDER import into their own organisation only', async () => {
    const own = hsdsService();
    const orgId = String(own.organization_id);
    const token = await hub.tokenFor({ organizationId: orgId, organizationType: 'OCO', roles: ['BEHEERDER'] });
    const foreign = hsdsService();
    const foreignLocation = hsdsService({}, orgId);
    ((foreignLocation.service_at_locations as Json[])[0] as Json).location = {
      ...(((foreignLocation.service_at_locations as Json[])[0] as Json).location as Json),
      organization_id: randomUUID(),
    };
    const mutation =
      'mutation($d: String!) { importHsds(input: { data: $d }) { records created updated organizations { created } rejected { record id reason } warnings { message } } }';
    const res = await hub.graphql<{ importHsds: Json }>(mutation, { d: [own, foreign, foreignLocation].map((r) => JSON.stringify(r)).join('\n') }, { token });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.importHsds).toMatchObject({ records: 3, created: 1, organizations: { created: 1 } });
    const rejected = res.body.data?.importHsds.rejected as { record: number; reason: string }[];
    expect(rejected.map((r) => r.record)).toEqual([2, 3]);
    expect(hub.config.hsdsImportMaxBytes).toBe(20_000_000);
    expect(rejected[0]?.reason).toContain('belongs to another organisation');
    expect(rejected[1]?.reason).toContain('belongs to another organisation');
    expect(await serviceRow(String(own.id))).toMatchObject({ organizationId: orgId, verifiedBy: null });
    expect(await serviceRow(String(foreign.id))).toBeUndefined();

    // One record more than the mutation takes (bad NDJSON lines count too): refused whole, nothing written.
    const before = await counts();
    const tooMany = [...Array.from({ length: MAX_MUTATION_IMPORT_RECORDS }, () => JSON.stringify(hsdsService({}, orgId))), '{"id": oops'].join('\n');
    const refused = await hub.graphql(mutation, { d: tooMany }, { token });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.data' });
    expect(refused.body.errors?.[0]?.message).toContain(
      `${MAX_MUTATION_IMPORT_RECORDS + 1} records; an import through the API takes at most ${MAX_MUTATION_IMPORT_RECORDS}`,
    );
    expect(await counts()).toEqual(before);

    const notJson = await hub.graphql(mutation, { d: 'nope' }, { token });
    expect(notJson.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.data' });
    const anonymous = await hub.graphql(mutation, { d: JSON.stringify(hsdsService()) });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const toegang = await hub.tokenFor({ organizationId: orgId, organizationType: 'OCO', roles: ['TOEGANG'] });
    const forbidden = await hub.graphql(mutation, { d: JSON.stringify(hsdsService({}, orgId)) }, { token: toegang });
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('runs as `npm run hsds:import -- <file>` with a report, and refuses a file over the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hsds-import-'));
    try {
      const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
      const file = join(dir, 'services.ndjson');
      const record = hsdsService();
      writeFileSync(file, `${JSON.stringify(record)}\n${JSON.stringify(hsdsService({ status: 'open' }))}\n`);
      // Always an embedded database in a temporary folder, whatever DATABASE_URL the test run has.
      const { DATABASE_URL: _server, ...env } = process.env;
      const run = (path: string) =>
        promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/hsds-import.ts', path], {
          cwd: repositoryRoot,
          env: { ...env, DATA_DIR: join(dir, 'data'), PGLITE_IN_MEMORY: 'false', LOG_LEVEL: 'silent', HSDS_IMPORT_MAX_BYTES: '1000000' },
        }).then(
          (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
          (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
        );
      const ok = await run(file);
      expect(ok.code, ok.stderr).toBe(2);
      const report = JSON.parse(ok.stdout) as Json;
      expect(report).toMatchObject({ records: 2, created: 1, rejected: [{ record: 2, reason: expect.stringContaining('service.status: must be one of') }] });
      const big = join(dir, 'big.json');
      writeFileSync(big, 'x'.repeat(2_000_000));
      const refused = await run(big);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('the import limit is 1000000 bytes');
      expect(refused.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
