import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@hub/db';
import { startTestHub, type TestHub } from '@hub/testing';
import { location, organization, service, serviceLocation } from '../src/db/schema.ts';
import { refreshSearchWords } from '../src/db/writes.ts';
import { generateDemoData } from '../src/demo-data.ts';
import { importHsds } from '../src/hsds/importer.ts';
import { jsonEqual } from '../src/hsds/residue.ts';
import { termByCode } from '../src/hsds/taxonomies.ts';
import { startEmptySocialeKaart } from './hsds-copy.ts';
import { readReferenceData } from '../src/reference-data.ts';

/**
 * The HSDS 3.0 feed against the Open Referral schemas, the example payloads and a round trip of the demo
 * data (export → import into an empty database → export again). Schemas are compiled once for the file.
 */

// The Open Referral HSDS 3.0 schemas and examples, copied unchanged with their source and licence (reference/hsds-3.0/SOURCES.md).
const REFERENCE = new URL('./reference/hsds-3.0/', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, REFERENCE), 'utf8'));
type Json = Record<string, unknown>;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
let schemas: Record<
  'service' | 'organization' | 'serviceAtLocation' | 'serviceList' | 'organizationList' | 'serviceAtLocationList' | 'taxonomy' | 'taxonomyTerm' | 'page',
  ValidateFunction
>;

function expectValid(validate: ValidateFunction, value: unknown, label: string) {
  const ok = validate(value);
  expect(ok, `${label}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`).toBe(true);
}

let hub: TestHub;
let base: string;

async function get(url: string) {
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as Json };
}

/** Every page of a list endpoint, each page checked against the page object and its items against the list schema. */
async function allPages(origin: string, path: string, itemSchema: ValidateFunction | undefined, perPage = 100): Promise<Json[]> {
  const items: Json[] = [];
  for (let page = 1; ; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await get(`${origin}${path}${sep}page=${page}&per_page=${perPage}`);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const body = res.json();
    expectValid(schemas.page, body, `${path} page ${page}`);
    const contents = body.contents as Json[];
    if (itemSchema) {
      contents.forEach((c, i) => {
        expectValid(itemSchema, c, `${path} page ${page} item ${i}`);
      });
    }
    items.push(...contents);
    if (body.last_page) {
      expect(items).toHaveLength(body.total_items as number);
      return items;
    }
  }
}

beforeAll(async () => {
  const service = readJson('schema/service.json') as Json & { properties: Record<string, Json> };
  const attribute = (service.properties.attributes as { items: { properties: Record<string, Json> } }).items;
  const taxonomyTerm = attribute.properties.taxonomy_term as Json & { properties: Record<string, Json> };
  const openapi = readJson('schema/openapi.json') as { components: { schemas: { Page: Json } } };
  schemas = {
    service: ajv.compile(service),
    organization: ajv.compile(readJson('schema/organization.json') as Json),
    serviceAtLocation: ajv.compile(readJson('schema/service_at_location.json') as Json),
    serviceList: ajv.compile(readJson('schema/service_list.json') as Json),
    organizationList: ajv.compile(readJson('schema/organization_list.json') as Json),
    serviceAtLocationList: ajv.compile(readJson('schema/service_at_location_list.json') as Json),
    taxonomyTerm: ajv.compile(taxonomyTerm),
    taxonomy: ajv.compile(taxonomyTerm.properties.taxonomy_detail as Json),
    // The HSDS Page object of the reference API description; this API always sends every field of it.
    page: ajv.compile({
      ...openapi.components.schemas.Page,
      required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
    }),
  };
  // Logs captured: each request's log line carries the number of SQL statements it issued.
  hub = await startTestHub({ captureLogs: true });
  await seedDemoSubset(hub.database, ['ZK02', 'ZK22']);
  base = new URL(hub.subgraphUrls['sociale-kaart'] ?? '').origin;
}, 180_000);

afterAll(async () => {
  await hub?.stop();
});

/**
 * The demo generator's own output, cut to two zorgkantoorregio's and the national services: every kind of
 * organisation, service and location (a confidential shelter included), a tenth of the rows of the full set.
 */
async function seedDemoSubset(database: Database, regionCodes: string[]) {
  const data = generateDemoData(0.05);
  const services = data.services.filter((s) => s.areaScope === 'NATIONAL' || (s.servedRegions ?? []).some((r) => regionCodes.includes(r)));
  const orgIds = new Set(services.map((s) => s.organizationId));
  const locations = data.locations.filter((l) => orgIds.has(l.organizationId));
  const serviceIds = new Set(services.map((s) => s.id));
  const locationIds = new Set(locations.map((l) => l.id));
  await database.db.transaction(async (tx) => {
    await tx.insert(organization).values(data.organizations.filter((o) => orgIds.has(o.id)));
    await tx.insert(location).values(locations);
    await tx.insert(service).values(services);
    await tx.insert(serviceLocation).values(data.links.filter((l) => serviceIds.has(l.serviceId) && locationIds.has(l.locationId)));
    await refreshSearchWords(tx);
  });
}

describe('HSDS feed on the demo data', () => {
  let fullExport: Json[] = [];
  let exported: Promise<Json[]> | undefined;
  /** The whole fully nested export, fetched once; any test may run first (or alone). */
  const exportAll = async () => {
    exported ??= allPages(base, '/hsds/services?full=true', undefined);
    fullExport = await exported;
  };
  beforeAll(exportAll);

  it('describes itself at /hsds/', async () => {
    const res = await get(`${base}/hsds/`);
    expect(res.status).toBe(200);
    const body = res.json();
    expect(body.version).toBe('3.0');
    expect(String(body.openapi_url)).toMatch(/\/hsds\/openapi\.json$/);
    const openapi = await get(String(body.openapi_url));
    expect(openapi.json().openapi).toBe('3.1.0');
    const profile = await get(String(body.profile));
    expect(profile.status).toBe(200);
    expect(profile.text).toContain('HSDS-NL');
  });

  it('exports every service fully nested, each valid against service.json', async () => {
    fullExport.forEach((s, i) => {
      expectValid(schemas.service, s, `service ${i}`);
    });
    const [count] = await hub.database.db.select({ n: sql<string>`count(*)` }).from(service);
    expect(fullExport.length).toBe(Number(count?.n));
    expect(fullExport.length).toBeGreaterThan(100);
    const wlz = fullExport.find((s) => String(s.name).startsWith('Wlz-cliëntondersteuning'));
    const terms = (wlz?.attributes as Json[] | undefined)?.map((a) => (a.taxonomy_term as Json).code);
    expect(terms).toEqual(expect.arrayContaining(['WLZ', 'ZORG_EN_ONDERSTEUNING', 'HERINDICATIE', 'VV']));
    const withCapacity = fullExport.find((s) => Array.isArray(s.capacities) && s.capacities.length > 0);
    expect((withCapacity?.capacities as Json[] | undefined)?.[0]).toMatchObject({ available: expect.any(Number), updated: expect.any(String) });
  });

  it('lists services, minimal services and organisations against the *_list schemas', async () => {
    const list = await allPages(base, '/hsds/services', schemas.serviceList);
    expect(list.map((s) => s.id)).toEqual(fullExport.map((s) => s.id));
    expect(list.every((s) => !('attributes' in s) && typeof s.organization === 'object')).toBe(true);
    const minimal = await allPages(base, '/hsds/services?minimal=true', schemas.serviceList, 100);
    expect(Object.keys(minimal[0] ?? {}).sort()).toEqual(['id', 'last_modified', 'name', 'status']);
    const organizations = await allPages(base, '/hsds/organizations', schemas.organizationList);
    expect(organizations.length).toBe(new Set(fullExport.map((s) => s.organization_id)).size);
  });

  it('serves organisations and service_at_locations valid against their schemas', async () => {
    const orgId = String(fullExport[0]?.organization_id);
    const org = await get(`${base}/hsds/organizations/${orgId}`);
    expect(org.status).toBe(200);
    expectValid(schemas.organization, org.json(), 'organization');
    expect((org.json().services as Json[]).some((s) => s.id === fullExport[0]?.id)).toBe(true);
    const fullServices = await get(`${base}/hsds/organizations/${orgId}?full_service=true`);
    expectValid(schemas.organization, fullServices.json(), 'organization with full services');
    const fullOrgs = await allPages(base, '/hsds/organizations?full=true', schemas.organization, 100);
    expect(fullOrgs.length).toBeGreaterThan(0);
    const one = await get(`${base}/hsds/services/${String(fullExport[0]?.id)}`);
    expect(jsonEqual(one.json(), fullExport[0])).toBe(true);
    const sal = await allPages(base, '/hsds/service_at_locations?gemeente=GM0363', schemas.serviceAtLocationList);
    expect(sal.length).toBeGreaterThan(0);
    const fullSal = await get(`${base}/hsds/service_at_locations?gemeente=GM0363&full=true&per_page=5`);
    (fullSal.json().contents as Json[]).forEach((c, i) => {
      expectValid(schemas.serviceAtLocation, c, `full service_at_location ${i}`);
    });
  });

  it('finds service_at_locations by gemeente and by distance from its centroid, nearest first', async () => {
    const inAmsterdam = await allPages(base, '/hsds/service_at_locations?gemeente=GM0363', undefined);
    const amsterdamTerm = termByCode('gemeente', 'GM0363')?.id;
    for (const item of inAmsterdam) {
      const full = await get(`${base}/hsds/services/${String(item.service_id)}`);
      const loc = (full.json().service_at_locations as Json[]).find((s) => s.location_id === item.location_id)?.location as Json;
      expect((loc.attributes as Json[]).map((a) => a.taxonomy_term_id)).toContain(amsterdamTerm);
    }
    const near = await allPages(base, '/hsds/service_at_locations?gemeente=GM0363&proximity=20000', schemas.serviceAtLocationList, 10);
    expect(near.length).toBeGreaterThan(inAmsterdam.length);
    const amsterdam = readReferenceData().gemeenten.find((g) => g.code === 'GM0363');
    const [centroidLat, centroidLon] = [Number(amsterdam?.latitude), Number(amsterdam?.longitude)];
    const km = (l: Json) => {
      const rad = Math.PI / 180;
      const lat = Number(l.latitude);
      const lon = Number(l.longitude);
      const a =
        Math.sin(((lat - centroidLat) * rad) / 2) ** 2 + Math.cos(lat * rad) * Math.cos(centroidLat * rad) * Math.sin(((lon - centroidLon) * rad) / 2) ** 2;
      return 6371 * 2 * Math.asin(Math.sqrt(a));
    };
    const distances = near.map((n) => km(n.location as Json));
    expect(Math.max(...distances)).toBeLessThanOrEqual(20.001);
    expect(distances.every((d, i) => i === 0 || d >= (distances[i - 1] ?? 0) - 0.001)).toBe(true);
  });

  it('never shows a confidential location, in any endpoint or form', async () => {
    const confidential = await hub.database.db.select({ id: location.id, name: location.name }).from(location).where(sql`${location.confidential}`);
    expect(confidential.length).toBeGreaterThan(0);
    const texts = [
      JSON.stringify(fullExport),
      (await get(`${base}/hsds/services?format=ndjson&full=true`)).text,
      (await get(`${base}/hsds/organizations?format=ndjson&full=true`)).text,
      (await get(`${base}/hsds/service_at_locations?format=ndjson&full=true`)).text,
    ];
    for (const text of texts) {
      expect(text.length).toBeGreaterThan(1000);
      for (const c of confidential) expect(text).not.toContain(c.id);
    }
    const shelter = fullExport.find((s) => String(s.name).startsWith('Maatschappelijke opvang'));
    expect(shelter?.service_at_locations).toEqual([]);
  });

  it('streams NDJSON without paging and filters by term, organisation, date and search', async () => {
    const nd = await get(`${base}/hsds/services?format=ndjson`);
    expect(nd.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = nd.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Json);
    expect(lines.map((l) => l.id)).toEqual(fullExport.map((s) => s.id));
    lines.slice(0, 50).forEach((l, i) => {
      expectValid(schemas.serviceList, l, `ndjson line ${i}`);
    });

    const wlz = termByCode('financieringsdomein', 'WLZ');
    const byTerm = await allPages(base, `/hsds/services?full=true&taxonomy_term_id=${wlz?.id}`, undefined);
    expect(byTerm.length).toBe(fullExport.filter((s) => (s.attributes as Json[]).some((a) => a.taxonomy_term_id === wlz?.id)).length);
    expect(byTerm.length).toBeGreaterThan(0);

    const orgId = String(fullExport[0]?.organization_id);
    const byOrg = await allPages(base, `/hsds/services?organization_id=${orgId}`, schemas.serviceList);
    expect(byOrg.map((s) => s.id).sort()).toEqual(
      fullExport
        .filter((s) => s.organization_id === orgId)
        .map((s) => s.id)
        .sort(),
    );

    const future = await get(`${base}/hsds/services?modified_after=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`);
    expect(future.json()).toMatchObject({ total_items: 0, empty: true, contents: [] });

    const search = await get(`${base}/hsds/services?search=schulden&per_page=100`);
    const names = (search.json().contents as Json[]).map((s) => String(s.name));
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((n) => n.startsWith('Schuldhulpverlening'))).toBe(true);
  });

  it('serves the HSDS-NL taxonomies and terms', async () => {
    const taxonomies = await allPages(base, '/hsds/taxonomies', schemas.taxonomy);
    expect(taxonomies.map((t) => t.name)).toEqual(
      expect.arrayContaining(['HSDS-NL Financieringsdomein', 'HSDS-NL Leefgebied', 'HSDS-NL Doelgroep', 'iWlz COD578', 'iWlz COD163']),
    );
    const terms = await allPages(base, '/hsds/taxonomy_terms', schemas.taxonomyTerm);
    expect(terms.length).toBeGreaterThan(342 + 31);
    expect(terms.map((t) => t.term_uri)).toContain('https://identifier.overheid.nl/tooi/id/gemeente/gm0363');
    const leefgebied = taxonomies.find((t) => t.name === 'HSDS-NL Leefgebied');
    const lifeTerms = await allPages(base, `/hsds/taxonomy_terms?taxonomy_id=${String(leefgebied?.id)}`, schemas.taxonomyTerm);
    expect(lifeTerms.map((t) => t.code)).toContain('FINANCIEN_EN_SCHULDEN');
    const one = await get(`${base}/hsds/taxonomy_terms/${String(lifeTerms[0]?.id)}`);
    expectValid(schemas.taxonomyTerm, one.json(), 'one term');
  });

  it('answers unknown ids with 404 and bad parameters with 400 naming the parameter', async () => {
    const cases: [string, number, string | undefined][] = [
      [`/hsds/services/${randomUUID()}`, 404, 'id'],
      [`/hsds/organizations/${randomUUID()}`, 404, 'id'],
      [`/hsds/taxonomy_terms/${randomUUID()}`, 404, 'id'],
      ['/hsds/services/not-a-uuid', 400, 'id'],
      ['/hsds/services?per_page=0', 400, 'per_page'],
      ['/hsds/services?page=x', 400, 'page'],
      ['/hsds/services?format=xml', 400, 'format'],
      ['/hsds/services?full=yes', 400, 'full'],
      ['/hsds/services?modified_after=yesterday', 400, 'modified_after'],
      [`/hsds/services?taxonomy_term_id=${randomUUID()}`, 400, 'taxonomy_term_id'],
      ['/hsds/services?organization_id=42', 400, 'organization_id'],
      ['/hsds/service_at_locations?proximity=1000', 400, 'proximity'],
      ['/hsds/service_at_locations?gemeente=GM9999', 400, 'gemeente'],
      ['/hsds/service_at_locations?gemeente=GM0363&proximity=-5', 400, 'proximity'],
      ['/hsds/service_at_locations?postcode=1011AB', 400, 'postcode'],
      ['/hsds/nothing-here', 404, undefined],
    ];
    for (const [path, status, parameter] of cases) {
      const res = await get(`${base}${path}`);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
      const body = res.json();
      expect(body, path).toMatchObject({ status, code: status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT' });
      if (parameter) expect(body.parameter, path).toBe(parameter);
    }
    const post = await fetch(`${base}/hsds/services`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
  });

  it('takes the same number of statements for a page of 5 and a page of 50 fully nested services', async () => {
    // Counted per request by the host (other subgraphs' background work shares the database counter).
    const statements = async (path: string) => {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      const requestId = res.headers.get('x-request-id') ?? '';
      expect(requestId).not.toBe('');
      await res.text();
      const line = hub.logs.find((l) => l.reqId === requestId && l.msg === 'request');
      expect(line, `log line of ${path}`).toBeDefined();
      return Number(line?.statements);
    };
    const small = await statements('/hsds/services?full=true&per_page=5');
    const large = await statements('/hsds/services?full=true&per_page=50');
    expect(large).toBe(small);
    expect(await statements('/hsds/service_at_locations?full=true&per_page=50')).toBe(await statements('/hsds/service_at_locations?full=true&per_page=5'));
    expect(await statements('/hsds/organizations?full=true&per_page=50')).toBe(await statements('/hsds/organizations?full=true&per_page=5'));
  });

  it("is served through the gateway: status and body pass through, and the sociale kaart logs the gateway's request id", async () => {
    const viaGateway = await fetch(hub.gatewayPath('/hsds/services?per_page=3&full=true'), { headers: { 'x-request-id': `hsds-${randomUUID()}` } });
    expect(viaGateway.status).toBe(200);
    const requestId = viaGateway.headers.get('x-request-id') ?? '';
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await viaGateway.json()).toEqual((await get(`${base}/hsds/services?per_page=3&full=true`)).json());
    // The pass-through carries the gateway's secret for the sociale kaart, so it logs the gateway's id as its own.
    expect(hub.logs.some((l) => l.service === 'sociale-kaart' && l.reqId === requestId && l.path === '/hsds/services')).toBe(true);
    const meta = (await get(hub.gatewayPath('/hsds/'))).json();
    expect(String(meta.openapi_url).startsWith(new URL(hub.gatewayPath('/')).origin)).toBe(true);
    const nd = await get(hub.gatewayPath('/hsds/services?format=ndjson'));
    expect(nd.headers.get('content-type')).toContain('application/x-ndjson');
    expect(nd.text.trim().split('\n')).toHaveLength(fullExport.length);
    const missing = await get(hub.gatewayPath(`/hsds/services/${randomUUID()}`));
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', parameter: 'id' });
    const post = await fetch(hub.gatewayPath('/hsds/services'), { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
  });

  describe('round trip and example payloads', () => {
    let copy: Awaited<ReturnType<typeof startEmptySocialeKaart>>;
    beforeAll(async () => {
      copy = await startEmptySocialeKaart(hub.config);
    }, 120_000);
    afterAll(async () => {
      await copy?.stop();
    });

    it('imports the full export into an empty database and exports it again identically', async () => {
      const ndjson = fullExport.map((s) => JSON.stringify(s)).join('\n');
      const report = await importHsds(copy.database.db, ndjson, { verifiedBy: 'round-trip', maxBytes: 45_000_000 });
      expect(report.rejected).toEqual([]);
      expect(report.created).toBe(fullExport.length);
      const again = await allPages(copy.origin, '/hsds/services?full=true', undefined);
      expect(JSON.stringify(again)).toBe(JSON.stringify(fullExport));
      const organizations = async (origin: string) => JSON.stringify(await allPages(origin, '/hsds/organizations?full=true', undefined));
      expect(await organizations(copy.origin)).toBe(await organizations(base));
      const places = async (origin: string) => JSON.stringify(await allPages(origin, '/hsds/service_at_locations?gemeente=GM0153&proximity=50000', undefined));
      expect(await places(copy.origin)).toBe(await places(base));
      // Honest round trip: the demo data maps to native columns entirely; nothing was kept aside as residue.
      const residues = await copy.database.db.execute(sql`select
        (select count(*) from sociale_kaart.service where hsds is not null) as services,
        (select count(*) from sociale_kaart.organization where hsds is not null) as organizations,
        (select count(*) from sociale_kaart.location where hsds is not null) as locations,
        (select count(*) from sociale_kaart.service_location where hsds is not null) as links`);
      const counts = (Array.isArray(residues) ? residues[0] : (residues as { rows: unknown[] }).rows[0]) as Record<string, unknown>;
      expect(Object.values(counts).map(Number)).toEqual([0, 0, 0, 0]);
      // And the native columns match the source database's, service by service.
      // Milliseconds: HSDS date-times carry them, PostgreSQL keeps microseconds (which postgres.js returns as text).
      const columns = sql`id, organization_id, name, description, status, legal_domains, life_domains, target_groups, support_forms,
        wlz_sectors, leveringsvormen, zorgprofielen, languages, formality, independent, eligibility, minimum_age, maximum_age, cost_type, cost_amount,
        cost_description, application_process, opening_hours, area_scope, served_gemeenten, served_regions, capacity_status,
        capacity_available, capacity_maximum, capacity_unit, capacity_wait_days, date_trunc('milliseconds', capacity_updated_at) as capacity_updated_at, search_text,
        (contact->>'phone') as phone, (contact->>'email') as email, (contact->>'url') as url, coalesce((contact->>'walkIn')::boolean, false) as walk_in,
        last_verified_at::date as verified_on, date_trunc('milliseconds', updated_at) as updated_at`;
      const rows = async (db: Database) => {
        const r = await db.db.execute(sql`select ${columns} from sociale_kaart.service order by id`);
        return JSON.stringify(Array.isArray(r) ? r : (r as { rows: unknown[] }).rows);
      };
      expect(await rows(copy.database)).toBe(await rows(hub.database));
    });

    it('is idempotent: importing the same export again updates and never duplicates', async () => {
      const ndjson = fullExport.map((s) => JSON.stringify(s)).join('\n');
      const report = await importHsds(copy.database.db, ndjson, { verifiedBy: 'round-trip', maxBytes: 45_000_000 });
      expect(report).toMatchObject({ created: 0, updated: fullExport.length, rejected: [] });
      const [count] = await copy.database.db.select({ n: sql<string>`count(*)` }).from(service);
      expect(Number(count?.n)).toBe(fullExport.length);
      const again = await allPages(copy.origin, '/hsds/services?full=true', undefined);
      expect(JSON.stringify(again)).toBe(JSON.stringify(fullExport));
    });

    it('imports the service_full example without loss and exports it valid', async () => {
      const example = readJson('examples/service_full.json') as Json;
      const report = await importHsds(copy.database.db, JSON.stringify(example), { verifiedBy: 'example' });
      expect(report.rejected).toEqual([]);
      expect(report.created).toBe(1);
      const exported = (await get(`${copy.origin}/hsds/services/${String(example.id)}`)).json();
      expectValid(schemas.service, exported, 'exported example');
      expect(exported).toEqual(example);
      const org = (await get(`${copy.origin}/hsds/organizations/${String((example.organization as Json).id)}`)).json();
      expectValid(schemas.organization, org, 'exported example organization');
      const { services: _s, ...orgWithoutServices } = org;
      expect(orgWithoutServices).toEqual(example.organization);
    });

    it('imports the service_list example page without loss and lists it valid', async () => {
      const example = readJson('examples/service_list.json') as Json;
      const report = await importHsds(copy.database.db, JSON.stringify(example), { verifiedBy: 'example' });
      expect(report.rejected).toEqual([]);
      const item = (example.contents as Json[])[0] as Json;
      const list = (await get(`${copy.origin}/hsds/services?organization_id=${String((item.organization as Json).id)}`)).json();
      const exported = (list.contents as Json[]).find((s) => s.id === item.id);
      expectValid(schemas.serviceList, exported, 'exported list item');
      expect(exported).toEqual(item);
    });

    it('imports the taxonomy_term_list example and serves the terms again', async () => {
      const example = readJson('examples/taxonomy_term_list.json') as Json;
      const report = await importHsds(copy.database.db, JSON.stringify(example), { verifiedBy: 'example' });
      expect(report).toMatchObject({ rejected: [], taxonomyTerms: { created: 1, updated: 0 } });
      const term = (example.contents as Json[])[0] as Json;
      const served = (await get(`${copy.origin}/hsds/taxonomy_terms/${String(term.id)}`)).json();
      expectValid(schemas.taxonomyTerm, served, 'served term');
      expect(served).toEqual(term);
      const page = await allPages(copy.origin, `/hsds/taxonomy_terms?taxonomy_id=${String((term.taxonomy_detail as Json).id)}`, schemas.taxonomyTerm);
      expect(page).toEqual([term]);
    });
  });
});
