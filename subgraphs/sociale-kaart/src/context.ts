import DataLoader from 'dataloader';
import type { Db } from '@hub/db';
import { byKey, groupBy, type SubgraphContext } from '@hub/service-kit';
import * as q from './db/queries.ts';

/** Fresh loaders per request: batching within the request, nothing cached across requests. */
function createLoaders(db: Db) {
  return {
    service: new DataLoader<string, q.ServiceRow | null>(async (ids) => byKey(ids, await q.findServicesByIds(db, ids), (r) => r.id)),
    organization: new DataLoader<string, q.OrganizationRow | null>(async (ids) => byKey(ids, await q.findOrganizationsByIds(db, ids), (r) => r.id)),
    location: new DataLoader<string, q.LocationRow | null>(async (ids) => byKey(ids, await q.findLocationsByIds(db, ids), (r) => r.id)),
    gemeente: new DataLoader<string, q.GemeenteRow | null>(async (codes) => byKey(codes, await q.findGemeentenByCodes(db, codes), (r) => r.code)),
    region: new DataLoader<string, q.RegionRow | null>(async (codes) => byKey(codes, await q.findRegionsByCodes(db, codes), (r) => r.code)),
    gemeentenByRegion: new DataLoader<string, q.GemeenteRow[]>(async (codes) =>
      groupBy(
        codes,
        await q.findGemeentenByRegions(db, codes),
        (r) => r.zorgkantoorregioCode,
        (r) => r,
      ),
    ),
    locationsByService: new DataLoader<string, q.LocationRow[]>(async (ids) =>
      groupBy(
        ids,
        await q.findLocationsByServiceIds(db, ids),
        (r) => r.serviceId,
        (r) => r.location,
      ),
    ),
    servicesByLocation: new DataLoader<string, q.ServiceRow[]>(async (ids) =>
      groupBy(
        ids,
        await q.findServicesByLocationIds(db, ids),
        (r) => r.locationId,
        (r) => r.service,
      ),
    ),
    activeServicesByOrganization: new DataLoader<string, q.ServiceRow[]>(async (ids) =>
      groupBy(
        ids,
        await q.findServicesByOrganizationIds(db, ids, false),
        (r) => r.organizationId,
        (r) => r,
      ),
    ),
    allServicesByOrganization: new DataLoader<string, q.ServiceRow[]>(async (ids) =>
      groupBy(
        ids,
        await q.findServicesByOrganizationIds(db, ids, true),
        (r) => r.organizationId,
        (r) => r,
      ),
    ),
    locationsByOrganization: new DataLoader<string, q.LocationRow[]>(async (ids) =>
      groupBy(
        ids,
        await q.findLocationsByOrganizationIds(db, ids),
        (r) => r.organizationId,
        (r) => r,
      ),
    ),
  };
}
type Loaders = ReturnType<typeof createLoaders>;

export interface Context extends SubgraphContext {
  loaders: Loaders;
}

export function createContext(base: SubgraphContext): Context {
  return { ...base, loaders: createLoaders(base.db) };
}

/** Confidential locations are for signed-in professionals only. */
export const maySeeConfidential = (ctx: Context) => ctx.caller.kind === 'user';
