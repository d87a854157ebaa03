import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GEMEENTE_CODE_PATTERN, isUuid } from '@hub/domain';
import { ErrorCode } from '@hub/errors';
import type { Db } from '@hub/db';
import type { RouteHandler } from '@hub/service-kit';
import type { OrganizationRow, ServiceRow } from '../db/queries.ts';
import { searchWords } from '../text.ts';
import {
  derivedServiceAtLocationId,
  exportLocation,
  exportServiceAtLocationFull,
  exportOrganization,
  exportOrganizationList,
  exportServiceFull,
  exportServiceList,
  exportServiceMinimal,
  nativeServiceAtLocation,
  referenceIndex,
} from './export.ts';
import { buildOpenApi } from './openapi.ts';
import * as q from './queries.ts';
import { applyResidue, type HsdsObject } from './residue.ts';
import { findTaxonomy, findTerm, listTaxonomies, taxonomyObject, termId, termObject, type TermRef } from './taxonomies.ts';

/**
 * The HSDS 3.0 read API under /hsds/: anonymous, public data only. Confidential and inactive locations are
 * left out everywhere (also from a service's service_at_locations and an organisation's locations).
 * Errors are problem details (RFC 9457) naming the parameter.
 */

export const HSDS_PREFIX = '/hsds';
const HSDS_VERSION = '3.0';
const DEFAULT_PER_PAGE = 50;
const MAX_PER_PAGE = 100;
/** NDJSON streams everything in pages of this size: bounded memory, a fixed number of statements per page. */
const STREAM_PAGE = 500;
const MAX_PROXIMITY_METRES = 500_000;

/** A refused HSDS request, as RFC 9457 problem details; its code is from the registry in packages/errors. */
class HsdsHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

const badParameter = (parameter: string, message: string) => new HsdsHttpError(400, ErrorCode.BAD_USER_INPUT, message, parameter);
const notFound = (what: string, id: string) => new HsdsHttpError(404, ErrorCode.NOT_FOUND, `No ${what} with id ${id}.`, 'id');

function sendProblem(res: ServerResponse, e: HsdsHttpError): void {
  const body = JSON.stringify({
    type: 'about:blank',
    title: e.status === 404 ? 'Not Found' : e.status === 405 ? 'Method Not Allowed' : 'Bad Request',
    status: e.status,
    detail: e.message,
    code: e.code,
    ...(e.parameter ? { parameter: e.parameter } : {}),
  });
  res.writeHead(e.status, { 'content-type': 'application/problem+json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendBody(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'access-control-allow-origin': '*',
  });
  res.end(text);
}

/** Query parameters, checked one by one; every failure names its parameter. */
class Params {
  constructor(private readonly search: URLSearchParams) {}

  private raw(name: string): string | undefined {
    const all = this.search.getAll(name);
    if (all.length > 1) throw badParameter(name, `${name} may be given once.`);
    const v = all[0];
    return v === undefined || v === '' ? undefined : v;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) throw badParameter(name, `${name} must be an integer from ${min} to ${max}.`);
    return n;
  }

  bool(name: string): boolean {
    const v = this.raw(name);
    if (v === undefined) return false;
    if (v !== 'true' && v !== 'false') throw badParameter(name, `${name} must be true or false.`);
    return v === 'true';
  }

  format(): 'json' | 'ndjson' {
    const v = this.raw('format') ?? 'json';
    if (v !== 'json' && v !== 'ndjson') throw badParameter('format', 'format must be json or ndjson.');
    return v;
  }

  words(): string[] {
    const v = this.raw('search') ?? '';
    if (v.length > 200) throw badParameter('search', 'search may be at most 200 characters.');
    return searchWords(v);
  }

  uuid(name: string): string | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (!isUuid(v)) throw badParameter(name, `${name} must be a UUID.`);
    return v.toLowerCase();
  }

  term(): TermRef | undefined {
    const id = this.uuid('taxonomy_term_id');
    if (id === undefined) return undefined;
    const ref = findTerm(id);
    if (!ref) throw badParameter('taxonomy_term_id', 'taxonomy_term_id is not a term of the HSDS-NL taxonomies (see /hsds/taxonomy_terms).');
    return ref;
  }

  taxonomy() {
    const id = this.uuid('taxonomy_id');
    if (id === undefined) return undefined;
    const t = findTaxonomy(id);
    if (!t) throw badParameter('taxonomy_id', 'taxonomy_id is not an HSDS-NL taxonomy (see /hsds/taxonomies).');
    return t;
  }

  date(name: string): Date | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    const d = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(v) ? new Date(v) : new Date(Number.NaN);
    if (Number.isNaN(d.getTime())) throw badParameter(name, `${name} must be an ISO 8601 date or date-time, e.g. 2025-01-31T12:00:00Z.`);
    return d;
  }

  gemeente(): string | undefined {
    const v = this.raw('gemeente');
    if (v === undefined) return undefined;
    if (!GEMEENTE_CODE_PATTERN.test(v) || !referenceIndex().gemeenten.has(v))
      throw badParameter('gemeente', 'gemeente must be the CBS code of a gemeente, e.g. GM0363.');
    return v;
  }

  proximity(): number | undefined {
    const v = this.raw('proximity');
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0 || n > MAX_PROXIMITY_METRES)
      throw badParameter('proximity', `proximity must be a distance in metres, more than 0 and at most ${MAX_PROXIMITY_METRES}.`);
    return n;
  }

  unsupported(name: string, hint: string): void {
    if (this.raw(name) !== undefined) throw badParameter(name, `${name} is not supported: ${hint}`);
  }
}

function pageObject(total: number, page: number, perPage: number, contents: unknown[]) {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** Organisations, service links and organisation locations for a set of services: three statements. */
async function loadFull(db: Db, services: ServiceRow[]) {
  const orgIds = [...new Set(services.map((s) => s.organizationId))];
  const [orgs, links, orgLocations] = await Promise.all([
    q.findOrganizations(db, orgIds),
    q.findServiceLinks(
      db,
      services.map((s) => s.id),
    ),
    q.findPublicLocations(db, orgIds),
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return (s: ServiceRow) =>
    exportServiceFull(
      s,
      orgById.get(s.organizationId),
      orgLocations.filter((l) => l.organizationId === s.organizationId),
      links.filter((l) => l.serviceId === s.id),
    );
}

async function renderServices(db: Db, rows: ServiceRow[], form: 'minimal' | 'list' | 'full'): Promise<HsdsObject[]> {
  if (form === 'minimal') return rows.map(exportServiceMinimal);
  if (form === 'full') return rows.map(await loadFull(db, rows));
  const orgs = new Map((await q.findOrganizations(db, [...new Set(rows.map((s) => s.organizationId))])).map((o) => [o.id, o]));
  return rows.map((s) => exportServiceList(s, orgs.get(s.organizationId)));
}

async function streamNdjson(res: ServerResponse, fetchPage: (page: number) => Promise<{ items: unknown[]; more: boolean }>): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'access-control-allow-origin': '*' });
  for (let page = 1; ; page++) {
    const { items, more } = await fetchPage(page);
    const chunk = items.map((i) => `${JSON.stringify(i)}\n`).join('');
    if (chunk && !res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    if (!more) break;
  }
  res.end();
}

function baseUrl(req: IncomingMessage): string {
  const header = (name: string) => {
    const v = req.headers[name];
    return (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();
  };
  const host = header('x-forwarded-host') ?? header('host') ?? 'localhost';
  const proto = header('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${/^[A-Za-z0-9.\-:[\]]+$/.test(host) ? host : 'localhost'}`;
}

const PROFILE_FILE = new URL('../../../../docs/hsds-nl-profile.md', import.meta.url);

export interface HsdsRouteOptions {
  capacityStaleDays: number;
}

export function createHsdsRoutes(db: Db, options: HsdsRouteOptions): RouteHandler {
  const serviceFilter = (p: Params): q.ServiceFilter => ({
    words: p.words(),
    term: p.term(),
    taxonomy: p.taxonomy(),
    organizationId: p.uuid('organization_id'),
    modifiedAfter: p.date('modified_after'),
    capacityStaleDays: options.capacityStaleDays,
  });

  async function services(res: ServerResponse, p: Params) {
    const filter = serviceFilter(p);
    const form = p.bool('minimal') ? 'minimal' : p.bool('full') ? 'full' : 'list';
    const format = p.format();
    const page = p.int('page', 1, 1, 1_000_000);
    const perPage = p.int('per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
    if (format === 'ndjson') {
      return streamNdjson(res, async (n) => {
        const { rows, total } = await q.pageServices(db, filter, n, STREAM_PAGE);
        return { items: await renderServices(db, rows, form), more: n * STREAM_PAGE < total };
      });
    }
    const { rows, total } = await q.pageServices(db, filter, page, perPage);
    sendBody(res, pageObject(total, page, perPage, await renderServices(db, rows, form)));
  }

  async function organizationPage(res: ServerResponse, p: Params) {
    const words = p.words();
    const full = p.bool('full');
    const format = p.format();
    const page = p.int('page', 1, 1, 1_000_000);
    const perPage = p.int('per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
    const render = async (rows: OrganizationRow[]) => {
      if (!full) return rows.map(exportOrganizationList);
      const ids = rows.map((o) => o.id);
      const [locations, ownServices] = await Promise.all([q.findPublicLocations(db, ids), q.findServicesOfOrganizations(db, ids)]);
      return rows.map((o) => ({
        ...exportOrganization(
          o,
          locations.filter((l) => l.organizationId === o.id),
        ),
        services: ownServices.filter((s) => s.organizationId === o.id).map((s) => exportServiceList(s, undefined)),
      }));
    };
    if (format === 'ndjson') {
      return streamNdjson(res, async (n) => {
        const { rows, total } = await q.pageOrganizations(db, words, n, STREAM_PAGE);
        return { items: await render(rows), more: n * STREAM_PAGE < total };
      });
    }
    const { rows, total } = await q.pageOrganizations(db, words, page, perPage);
    sendBody(res, pageObject(total, page, perPage, await render(rows)));
  }

  async function organizationById(res: ServerResponse, id: string, p: Params) {
    const fullService = p.bool('full_service');
    const [org] = await q.findOrganizations(db, [id]);
    if (!org) throw notFound('organization', id);
    const [locations, ownServices] = await Promise.all([q.findPublicLocations(db, [id]), q.findServicesOfOrganizations(db, [id])]);
    let serviceObjects: HsdsObject[];
    if (fullService) {
      const render = await loadFull(db, ownServices);
      // Nested inside their organisation, services leave out the organisation itself.
      serviceObjects = ownServices.map((s) => {
        const { organization: _o, ...rest } = render(s);
        return rest;
      });
    } else {
      serviceObjects = ownServices.map((s) => exportServiceList(s, undefined));
    }
    sendBody(res, { ...exportOrganization(org, locations), services: serviceObjects });
  }

  async function serviceAtLocations(res: ServerResponse, p: Params) {
    const filter = serviceFilter(p);
    p.unsupported('postcode', 'the reference data holds no postcode areas; use gemeente (a CBS code) with proximity.');
    const gemeenteCode = p.gemeente();
    const metres = p.proximity();
    if (metres !== undefined && !gemeenteCode) throw badParameter('proximity', 'proximity needs gemeente: it is measured from the centroid of that gemeente.');
    const g = gemeenteCode ? referenceIndex().gemeenten.get(gemeenteCode) : undefined;
    const place: q.PlaceFilter = {
      gemeenteCode,
      proximity: g && metres !== undefined ? { latitude: g.latitude, longitude: g.longitude, metres } : undefined,
    };
    const full = p.bool('full');
    const format = p.format();
    const page = p.int('page', 1, 1, 1_000_000);
    const perPage = p.int('per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
    const render = async (rows: q.ServiceAtLocationRow[]) => {
      const fullServices = full
        ? await loadFull(
            db,
            rows.map((r) => r.service),
          )
        : undefined;
      return rows.map((r) => ({
        ...applyResidue(
          nativeServiceAtLocation({ serviceId: r.link.serviceId, hsdsId: r.link.hsdsId, location: r.location }),
          r.link.hsds,
          full ? undefined : (_k, v) => !Array.isArray(v),
        ),
        location: full ? exportLocation(r.location) : withoutArrays(exportLocation(r.location)),
        service: fullServices ? fullServices(r.service) : exportServiceList(r.service, undefined),
      }));
    };
    if (format === 'ndjson') {
      return streamNdjson(res, async (n) => {
        const { rows, total } = await q.pageServiceAtLocations(db, filter, place, n, STREAM_PAGE);
        return { items: await render(rows), more: n * STREAM_PAGE < total };
      });
    }
    const { rows, total } = await q.pageServiceAtLocations(db, filter, place, page, perPage);
    sendBody(res, pageObject(total, page, perPage, await render(rows)));
  }

  function taxonomies(res: ServerResponse, p: Params) {
    const words = p.words();
    const page = p.int('page', 1, 1, 1_000_000);
    const perPage = p.int('per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
    p.format();
    const all = listTaxonomies().filter((t) => words.every((w) => searchWords(`${t.name} ${t.description}`).some((x) => x.includes(w))));
    sendBody(res, pageObject(all.length, page, perPage, all.slice((page - 1) * perPage, page * perPage).map(taxonomyObject)));
  }

  async function taxonomyTerms(res: ServerResponse, p: Params) {
    const words = p.words();
    const taxonomyIdParam = p.uuid('taxonomy_id');
    const page = p.int('page', 1, 1, 1_000_000);
    const perPage = p.int('per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
    p.format();
    p.bool('top_only');
    const parentId = p.uuid('parent_id');
    const nlTaxonomy = taxonomyIdParam ? findTaxonomy(taxonomyIdParam) : undefined;
    // The HSDS-NL lists are flat (no term has a parent); imported terms of other vocabularies follow them.
    const nl: HsdsObject[] =
      parentId || (taxonomyIdParam && !nlTaxonomy)
        ? []
        : (nlTaxonomy ? [nlTaxonomy] : listTaxonomies()).flatMap((t) => t.terms.map((term) => termObject({ taxonomy: t, term, id: termId(t.key, term.code) })));
    const external: HsdsObject[] = nlTaxonomy
      ? []
      : (await q.listExternalTerms(db, taxonomyIdParam)).map((t) => JSON.parse(t.term) as HsdsObject).filter((t) => !parentId || t.parent_id === parentId);
    const text = (t: HsdsObject) => [t.code, t.name, t.description].filter((x) => typeof x === 'string').join(' ');
    const all = [...nl, ...external].filter((t) => words.every((w) => searchWords(text(t)).some((x) => x.includes(w))));
    sendBody(res, pageObject(all.length, page, perPage, all.slice((page - 1) * perPage, page * perPage)));
  }

  return async (req, res, url) => {
    if (url.pathname !== HSDS_PREFIX && !url.pathname.startsWith(`${HSDS_PREFIX}/`)) return false;
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HsdsHttpError(405, ErrorCode.BAD_REQUEST, 'The HSDS API is read-only: use GET.');
      const p = new Params(url.searchParams);
      const path = url.pathname.slice(HSDS_PREFIX.length).replace(/\/+$/, '');
      const segments = path.split('/').filter(Boolean);
      const [collection, id, ...rest] = segments;
      if (rest.length) throw new HsdsHttpError(404, ErrorCode.NOT_FOUND, 'No such HSDS endpoint.');
      const requireId = (value: string) => {
        if (!isUuid(value)) throw badParameter('id', 'id must be a UUID.');
        return value.toLowerCase();
      };
      if (collection === undefined) {
        const base = baseUrl(req);
        sendBody(res, { version: HSDS_VERSION, profile: `${base}${HSDS_PREFIX}/profile`, openapi_url: `${base}${HSDS_PREFIX}/openapi.json` });
      } else if (collection === 'openapi.json' && id === undefined) {
        sendBody(res, buildOpenApi(baseUrl(req)));
      } else if (collection === 'profile' && id === undefined) {
        if (!existsSync(PROFILE_FILE)) throw new HsdsHttpError(404, ErrorCode.NOT_FOUND, 'The profile document is not part of this installation.');
        const text = readFileSync(PROFILE_FILE, 'utf8');
        res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      } else if (collection === 'services') {
        if (id === undefined) await services(res, p);
        else {
          const row = await q.findServiceForFeed(db, requireId(id));
          if (!row) throw notFound('service', id);
          const [one] = await renderServices(db, [row], 'full');
          sendBody(res, one);
        }
      } else if (collection === 'organizations') {
        if (id === undefined) await organizationPage(res, p);
        else await organizationById(res, requireId(id), p);
      } else if (collection === 'service_at_locations') {
        if (id === undefined) await serviceAtLocations(res, p);
        else {
          // Public locations only, like every other endpoint: a link at a confidential or inactive location is not found.
          const row = await q.findServiceAtLocation(db, requireId(id), derivedServiceAtLocationId);
          if (!row) throw notFound('service_at_location', id);
          const render = await loadFull(db, [row.service]);
          sendBody(res, exportServiceAtLocationFull({ ...row.link, location: row.location }, render(row.service)));
        }
      } else if (collection === 'taxonomies') {
        if (id === undefined) taxonomies(res, p);
        else {
          const t = findTaxonomy(requireId(id));
          if (!t) throw notFound('taxonomy', id);
          sendBody(res, taxonomyObject(t));
        }
      } else if (collection === 'taxonomy_terms') {
        if (id === undefined) await taxonomyTerms(res, p);
        else {
          const ref = findTerm(requireId(id));
          const external = ref ? undefined : await q.findExternalTerm(db, requireId(id));
          if (!ref && !external) throw notFound('taxonomy_term', id);
          sendBody(res, ref ? termObject(ref) : (JSON.parse(external ?? '{}') as unknown));
        }
      } else {
        throw new HsdsHttpError(404, ErrorCode.NOT_FOUND, 'No such HSDS endpoint.');
      }
    } catch (e) {
      if (!(e instanceof HsdsHttpError)) throw e;
      if (res.headersSent) res.end();
      else sendProblem(res, e);
    }
    return true;
  };
}

function withoutArrays(o: HsdsObject): HsdsObject {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => !Array.isArray(v)));
}
