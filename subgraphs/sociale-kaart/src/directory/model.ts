import { anyUuid, type Db, rowsOf } from '@hub/db';
import { asc, sql } from 'drizzle-orm';
import type { GemeenteRow, LocationRow, OrganizationRow, RegionRow } from '../db/queries.ts';
import { directoryChange, gemeente, location, organization, service, serviceLocation, zorgkantoorregio } from '../db/schema.ts';
import { Lexicon, type ParsedQuery, type ParsedVector, parseTsQuery, parseTsVector, pooledInt32 } from './text-rank.ts';

/**
 * The public directory held in memory by each sociale-kaart process: what a search filters, counts and sorts on for
 * every service (not the whole service row: descriptions, contact details and HSDS residue stay in the database and
 * are read for the page only), and the organisations, locations, gemeenten and regions in full.
 *
 * Freshness is exact, not eventual: every write to a directory table records the changed key in
 * `sociale_kaart.directory_change` (triggers, migration 0008), writers take one transaction-scoped advisory lock so
 * sequence order is commit order, and each request first reads the newest sequence number (one index-only statement,
 * shared by the requests that arrive while one is in flight) and applies what changed since the model's own. A
 * request therefore sees every write committed before it started, in this process or any other, as the SQL search
 * did. Personal data is never here: the directory is public (confidential shelter addresses are held as they are in
 * the table and filtered per caller, as before).
 */

export interface ServiceEntry {
  id: string;
  organizationId: string;
  name: string;
  status: string;
  national: boolean;
  servedGemeenten: string[];
  servedRegions: string[];
  legalDomains: string[];
  lifeDomains: string[];
  targetGroups: string[];
  supportForms: string[];
  wlzSectors: string[];
  leveringsvormen: string[];
  zorgprofielen: string[];
  languages: string[];
  formality: string;
  independent: boolean;
  capacityStatus: string | null;
  capacityUpdatedAt: number | null;
  capacityWaitDays: number | null;
  vector: ParsedVector;
  /** Facet value numbers (see {@link DirectoryModel.facetValues}) of every dimension but capacity, one per array element. */
  facetIds: Int32Array;
  /** Position in `order by name, id` under the database's collation (the NAME sort and its cursors). */
  nameRank: number;
}

/** More changes than this since the model's sequence number: load everything again instead of row by row. */
const FULL_RELOAD_AFTER = 2_000;
/** Services read per statement when the whole directory is loaded. */
const LOAD_PAGE = 2_000;
/** Distinct query texts whose parsed tsquery is kept (they depend only on the words and the vocabulary). */
const TEXT_CACHE_SIZE = 1_000;

/**
 * Arrays of codes are shared by content: most services have one of a few hundred combinations (the same area, the
 * same domains), so 31,165 services hold a few thousand arrays instead of 300,000.
 */
const sharedArrays = new Map<string, string[]>();
const internAll = (values: readonly string[]): string[] => {
  const key = values.join('\u0000');
  let shared = sharedArrays.get(key);
  if (!shared) {
    shared = Object.freeze([...values]) as string[];
    sharedArrays.set(key, shared);
  }
  return shared;
};

const serviceColumns = {
  id: service.id,
  organizationId: service.organizationId,
  name: service.name,
  status: service.status,
  areaScope: service.areaScope,
  servedGemeenten: service.servedGemeenten,
  servedRegions: service.servedRegions,
  legalDomains: service.legalDomains,
  lifeDomains: service.lifeDomains,
  targetGroups: service.targetGroups,
  supportForms: service.supportForms,
  wlzSectors: service.wlzSectors,
  leveringsvormen: service.leveringsvormen,
  zorgprofielen: service.zorgprofielen,
  languages: service.languages,
  formality: service.formality,
  independent: service.independent,
  capacityStatus: service.capacityStatus,
  capacityUpdatedAt: service.capacityUpdatedAt,
  capacityWaitDays: service.capacityWaitDays,
  vector: sql<string>`coalesce(${service.searchVector}::text, '')`,
};

export class DirectoryModel {
  readonly lexicon = new Lexicon();
  version = -1n;
  services = new Map<string, ServiceEntry>();
  organizations = new Map<string, OrganizationRow>();
  locations = new Map<string, LocationRow>();
  /** Position of each location in `order by name, id` (locations of a service are listed in that order). */
  locationRank = new Map<string, number>();
  /** Location ids per service id (every link; active and confidential are decided per read). */
  links = new Map<string, string[]>();
  gemeenten = new Map<string, GemeenteRow>();
  regions = new Map<string, RegionRow>();
  /** Service entries serving a gemeente (listed or through its region) followed by the national ones, by code. */
  byGemeente = new Map<string, ServiceEntry[]>();
  byRegion = new Map<string, ServiceEntry[]>();
  national: ServiceEntry[] = [];
  all: ServiceEntry[] = [];
  /** (dimension, value) of each facet value number; numbers are never reused while the process runs. */
  facetValues: [string, string][] = [];
  private readonly facetIds = new Map<string, number>();
  /** Collation order of every facet value seen (ties in a facet's count are broken by value, as SQL does). */
  valueRank = new Map<string, number>();
  private readonly textQueries = new Map<string, { textQuery: string | undefined; query: ParsedQuery | null | undefined }>();

  private inFlight: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly db: Db) {}

  /**
   * Makes the model as new as the database was when this call was made. Calls that arrive while a check runs share
   * the next one (it starts after they arrived, so it sees what they must see); one statement per check when nothing
   * changed.
   */
  ensureFresh(): Promise<void> {
    if (!this.inFlight) {
      this.inFlight = this.refresh().finally(() => {
        this.inFlight = undefined;
      });
      return this.inFlight;
    }
    this.queued ??= this.inFlight
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.ensureFresh();
      });
    return this.queued;
  }

  private async refresh(): Promise<void> {
    if (this.version < 0n) return this.loadAll();
    const [row] = rowsOf<{ seq: string | null }>(await this.db.execute(sql`select max(${directoryChange.seq})::text as seq from ${directoryChange}`));
    const newest = BigInt(row?.seq ?? '0');
    if (newest === this.version) return;
    if (newest < this.version) return this.loadAll(); // the change log was reset (a restored or recreated database)
    // The oldest entry left comes with the changes, in the same statement (one snapshot): old entries are purged
    // (src/retention.ts), and when the first entry after this process's position is gone, so may be changes it never
    // saw. It then loads everything (also after a rolled-back write left a gap in the numbers there: rare, and safe).
    const read = rowsOf<{ floor: string | null; seq: string | null; kind: string | null; key: string | null }>(
      await this.db.execute(
        sql`select f.floor, c.n::text as seq, c.kind, c.key
          from (select min(${directoryChange.seq})::text as floor from ${directoryChange}) f
          left join lateral (
            select ${directoryChange.seq} as n, ${directoryChange.kind} as kind, ${directoryChange.key} as key from ${directoryChange}
            where ${directoryChange.seq} > ${String(this.version)}::bigint and ${directoryChange.seq} <= ${String(newest)}::bigint
            order by ${directoryChange.seq} limit ${FULL_RELOAD_AFTER + 1}
          ) c on true
          order by c.n`,
      ),
    );
    const floor = read[0]?.floor;
    if (floor === undefined || floor === null || BigInt(floor) > this.version + 1n) return this.loadAll();
    const changes = read.filter((c): c is { floor: string; seq: string; kind: string; key: string } => c.seq !== null);
    if (changes.length > FULL_RELOAD_AFTER || changes.some((c) => c.kind === 'all' || c.kind === 'reference')) return this.loadAll();
    const ids = (kind: string) => [...new Set(changes.filter((c) => c.kind === kind).map((c) => c.key))];
    const lexemes = this.lexicon.words.length;
    await this.apply(ids('service'), ids('organization'), ids('location'), ids('link'));
    // A parsed query knows the lexemes its prefixes matched when it was parsed: new lexemes make it stale.
    if (changes.some((c) => c.kind === 'vocabulary') || this.lexicon.words.length !== lexemes) this.textQueries.clear();
    this.version = newest;
  }

  /** Everything, in one read-only snapshot, with the change-log position it corresponds to. */
  private async loadAll(): Promise<void> {
    const loaded = await this.db.transaction(
      async (tx) => {
        const [row] = rowsOf<{ seq: string | null }>(await tx.execute(sql`select max(${directoryChange.seq})::text as seq from ${directoryChange}`));
        // In pages, so a national directory never sits in memory twice over as rows and entries.
        const services: ServiceEntry[] = [];
        for (let last = '00000000-0000-0000-0000-000000000000'; ; ) {
          const page = await tx.select(serviceColumns).from(service).where(sql`${service.id} > ${last}::uuid`).orderBy(asc(service.id)).limit(LOAD_PAGE);
          for (const row of page) services.push(this.entry(row));
          const end = page[page.length - 1];
          if (!end || page.length < LOAD_PAGE) break;
          last = end.id;
        }
        const serviceOrder = await tx.select({ id: service.id }).from(service).orderBy(asc(service.name), asc(service.id));
        const organizations = await tx.select().from(organization);
        const locations = await tx.select().from(location).orderBy(asc(location.name), asc(location.id));
        const links = await tx.select({ serviceId: serviceLocation.serviceId, locationId: serviceLocation.locationId }).from(serviceLocation);
        const gemeenten = await tx.select().from(gemeente);
        const regions = await tx.select().from(zorgkantoorregio);
        return { seq: BigInt(row?.seq ?? '0'), services, serviceOrder, organizations, locations, links, gemeenten, regions };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    this.services = new Map(loaded.services.map((s) => [s.id, s]));
    loaded.serviceOrder.forEach((s, i) => {
      const e = this.services.get(s.id);
      if (e) e.nameRank = i;
    });
    this.organizations = new Map(loaded.organizations.map((o) => [o.id, o]));
    this.locations = new Map(loaded.locations.map((l) => [l.id, l]));
    this.locationRank = new Map(loaded.locations.map((l, i) => [l.id, i]));
    this.links = new Map();
    for (const l of loaded.links) this.addLink(l);
    this.gemeenten = new Map(loaded.gemeenten.map((g) => [g.code, g]));
    this.regions = new Map(loaded.regions.map((r) => [r.code, r]));
    this.textQueries.clear();
    await this.rebuildIndexes();
    this.version = loaded.seq;
  }

  /** Applies changed rows by key; anything a row depends on for its order is read again. */
  private async apply(serviceIds: string[], organizationIds: string[], locationIds: string[], linkServiceIds: string[]): Promise<void> {
    let reindex = false;
    if (serviceIds.length) {
      const rows = await this.db.select(serviceColumns).from(service).where(anyUuid(service.id, serviceIds));
      const fresh = new Map(rows.map((r) => [r.id, this.entry(r)]));
      // A capacity report or an edited description changes neither the order by name nor the areas: the entry is
      // swapped in place. A new, removed or renamed service, or one that moved area, is placed again.
      let reorder = false;
      const swapped: [ServiceEntry, ServiceEntry][] = [];
      for (const id of serviceIds) {
        const old = this.services.get(id);
        const next = fresh.get(id);
        if (next) this.services.set(id, next);
        else this.services.delete(id);
        if (!old || !next) {
          reorder = true;
          reindex = true;
          continue;
        }
        if (old.name === next.name) next.nameRank = old.nameRank;
        else reorder = true;
        // A national service sits in every area's list: it is placed again.
        if (
          old.national ||
          next.national ||
          old.servedGemeenten !== next.servedGemeenten ||
          old.servedRegions !== next.servedRegions ||
          !this.knowsValuesOf(next)
        ) {
          reindex = true;
        } else swapped.push([old, next]);
      }
      if (reorder) {
        const order = await this.db.select({ id: service.id }).from(service).orderBy(asc(service.name), asc(service.id));
        order.forEach((s, i) => {
          const e = this.services.get(s.id);
          if (e) e.nameRank = i;
        });
      }
      if (!reindex) {
        for (const [old, next] of swapped) {
          for (const list of [this.all, ...old.servedGemeenten.map((g) => this.byGemeente.get(g)), ...old.servedRegions.map((r) => this.byRegion.get(r))]) {
            const at = list ? list.indexOf(old) : -1;
            if (list && at >= 0) list[at] = next;
          }
        }
      }
    }
    if (organizationIds.length) {
      const rows = await this.db.select().from(organization).where(anyUuid(organization.id, organizationIds));
      for (const id of organizationIds) this.organizations.delete(id);
      for (const r of rows) this.organizations.set(r.id, r);
    }
    if (locationIds.length) {
      const rows = await this.db.select().from(location).where(anyUuid(location.id, locationIds));
      // As for services: the order by name is read again only for a new, removed or renamed location.
      const fresh = new Map(rows.map((r) => [r.id, r]));
      const reorder = locationIds.some((id) => this.locations.get(id)?.name !== fresh.get(id)?.name);
      for (const id of locationIds) this.locations.delete(id);
      for (const r of rows) this.locations.set(r.id, r);
      if (reorder) {
        const order = await this.db.select({ id: location.id }).from(location).orderBy(asc(location.name), asc(location.id));
        this.locationRank = new Map(order.map((l, i) => [l.id, i]));
      }
    }
    if (linkServiceIds.length) {
      const rows = await this.db
        .select({ serviceId: serviceLocation.serviceId, locationId: serviceLocation.locationId })
        .from(serviceLocation)
        .where(anyUuid(serviceLocation.serviceId, linkServiceIds));
      for (const id of linkServiceIds) this.links.delete(id);
      for (const r of rows) this.addLink(r);
    }
    if (reindex) await this.rebuildIndexes();
  }

  private addLink(link: { serviceId: string; locationId: string }): void {
    const list = this.links.get(link.serviceId);
    if (list) list.push(link.locationId);
    else this.links.set(link.serviceId, [link.locationId]);
  }

  /** Whether the collation order of every facet value of an entry is known (else the indexes are rebuilt). */
  private knowsValuesOf(e: ServiceEntry): boolean {
    const lists = [e.legalDomains, e.lifeDomains, e.targetGroups, e.supportForms, e.wlzSectors, e.leveringsvormen, e.zorgprofielen, e.languages];
    return (
      lists.every((l) => l.every((v) => this.valueRank.has(v))) &&
      this.valueRank.has(e.formality) &&
      (!e.capacityStatus || this.valueRank.has(e.capacityStatus))
    );
  }

  private entry(s: Awaited<ReturnType<typeof selectServiceType>>[number]): ServiceEntry {
    return {
      id: s.id,
      organizationId: s.organizationId,
      name: s.name,
      status: s.status,
      national: s.areaScope === 'NATIONAL',
      servedGemeenten: internAll(s.servedGemeenten),
      servedRegions: internAll(s.servedRegions),
      legalDomains: internAll(s.legalDomains),
      lifeDomains: internAll(s.lifeDomains),
      targetGroups: internAll(s.targetGroups),
      supportForms: internAll(s.supportForms),
      wlzSectors: internAll(s.wlzSectors),
      leveringsvormen: internAll(s.leveringsvormen),
      zorgprofielen: internAll(s.zorgprofielen),
      languages: internAll(s.languages),
      formality: s.formality,
      independent: s.independent,
      capacityStatus: s.capacityStatus,
      capacityUpdatedAt: s.capacityUpdatedAt ? s.capacityUpdatedAt.getTime() : null,
      capacityWaitDays: s.capacityWaitDays,
      vector: parseTsVector(s.vector, this.lexicon),
      facetIds: pooledInt32([
        ...s.legalDomains.map((v) => this.facetId('legalDomains', v)),
        ...s.lifeDomains.map((v) => this.facetId('lifeDomains', v)),
        ...s.targetGroups.map((v) => this.facetId('targetGroups', v)),
        ...s.supportForms.map((v) => this.facetId('supportForms', v)),
        ...s.wlzSectors.map((v) => this.facetId('wlzSectors', v)),
        ...s.leveringsvormen.map((v) => this.facetId('leveringsvormen', v)),
        ...s.zorgprofielen.map((v) => this.facetId('zorgprofielen', v)),
        ...s.languages.map((v) => this.facetId('languages', v)),
        this.facetId('formality', s.formality),
        this.facetId('independent', s.independent ? 'true' : 'false'),
      ]),
      nameRank: 0,
    };
  }

  private facetId(dimension: string, value: string): number {
    const key = `${dimension}\u0000${value}`;
    let id = this.facetIds.get(key);
    if (id === undefined) {
      id = this.facetValues.length;
      this.facetValues.push([dimension, value]);
      this.facetIds.set(key, id);
    }
    return id;
  }

  /** The area indexes, in id order (the order ties are broken in), and the collation order of facet values. */
  private async rebuildIndexes(): Promise<void> {
    const all = [...this.services.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.all = all;
    this.national = all.filter((s) => s.national);
    const byGemeente = new Map<string, ServiceEntry[]>();
    const byRegion = new Map<string, ServiceEntry[]>();
    const values = new Set<string>();
    for (const s of all) {
      if (!s.national) {
        for (const g of s.servedGemeenten) {
          const list = byGemeente.get(g);
          if (list) list.push(s);
          else byGemeente.set(g, [s]);
        }
        for (const r of s.servedRegions) {
          const list = byRegion.get(r);
          if (list) list.push(s);
          else byRegion.set(r, [s]);
        }
      }
      for (const list of [s.legalDomains, s.lifeDomains, s.targetGroups, s.supportForms, s.wlzSectors, s.leveringsvormen, s.zorgprofielen, s.languages]) {
        for (const v of list) values.add(v);
      }
      values.add(s.formality);
    }
    // National services belong to every area's list, so a search walks one array.
    for (const list of [...byGemeente.values(), ...byRegion.values()]) list.push(...this.national);
    this.byGemeente = byGemeente;
    this.byRegion = byRegion;
    for (const v of ['true', 'false', 'HAS_CAPACITY', 'LIMITED_CAPACITY', 'NO_CAPACITY', 'WAITING_LIST', 'UNKNOWN']) values.add(v);
    for (const s of all) if (s.capacityStatus) values.add(s.capacityStatus);
    const unknown = [...values].filter((v) => !this.valueRank.has(v));
    if (unknown.length) {
      const ordered = rowsOf<{ v: string }>(await this.db.execute(sql`select v from unnest(${sql.param([...values])}::text[]) as t(v) order by v`));
      this.valueRank = new Map(ordered.map((r, i) => [r.v, i]));
    }
  }

  /** The tsquery of a search's text, parsed, cached per text until the vocabulary changes. */
  async textQuery(key: string, make: () => Promise<string | undefined>): Promise<{ textQuery: string | undefined; query: ParsedQuery | null | undefined }> {
    const cached = this.textQueries.get(key);
    if (cached) {
      // keep it among the most recent
      this.textQueries.delete(key);
      this.textQueries.set(key, cached);
      return cached;
    }
    const textQuery = await make();
    let query: ParsedQuery | null | undefined;
    if (textQuery !== undefined) {
      const [row] = rowsOf<{ q: string }>(await this.db.execute(sql`select to_tsquery('dutch', ${textQuery})::text as q`));
      query = parseTsQuery(row?.q ?? '', this.lexicon);
    }
    const value = { textQuery, query };
    this.textQueries.set(key, value);
    if (this.textQueries.size > TEXT_CACHE_SIZE) {
      const oldest = this.textQueries.keys().next().value;
      if (oldest !== undefined) this.textQueries.delete(oldest);
    }
    return value;
  }

  /** Active locations of a service in (name, id) order, as the SQL loader returned them. */
  activeLocationsOf(serviceId: string): LocationRow[] {
    const ids = this.links.get(serviceId);
    if (!ids) return [];
    const out: LocationRow[] = [];
    for (const id of ids) {
      const l = this.locations.get(id);
      if (l?.active) out.push(l);
    }
    return out.sort((a, b) => (this.locationRank.get(a.id) ?? 0) - (this.locationRank.get(b.id) ?? 0));
  }
}

/** Only for the row type of {@link serviceColumns}. */
function selectServiceType(db: Db) {
  return db.select(serviceColumns).from(service);
}

const models = new WeakMap<Db, DirectoryModel>();

/** The model of a database handle (one per subgraph process and database). */
export function directoryModel(db: Db): DirectoryModel {
  let model = models.get(db);
  if (!model) {
    model = new DirectoryModel(db);
    models.set(db, model);
  }
  return model;
}
