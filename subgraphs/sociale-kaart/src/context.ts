import DataLoader from 'dataloader';
import type { Db } from '@hub/db';
import { byKey, groupBy, type SubgraphContext } from '@hub/service-kit';
import * as q from './db/queries.ts';
import { type DirectoryModel, directoryModel } from './directory/model.ts';

/**
 * Fresh loaders per request: batching within the request, nothing cached across requests. Organisations,
 * locations, gemeenten and regions come from the in-memory directory, brought up to date once per request.
 */
function createLoaders(db: Db, directory: () => Promise<DirectoryModel>) {
  /** A loader answered from the directory in memory: `read` gives one key's value. */
  const fromDirectory = <V>(read: (model: DirectoryModel, key: string) => V) =>
    new DataLoader<string, V>(async (keys) => {
      const model = await directory();
      return keys.map((key) => read(model, key));
    });
  return {
    service: new DataLoader<string, q.ServiceRow | null>(async (ids) => byKey(ids, await q.findServicesByIds(db, ids), (r) => r.id)),
    organization: fromDirectory<q.OrganizationRow | null>((model, id) => model.organizations.get(id) ?? null),
    location: fromDirectory<q.LocationRow | null>((model, id) => model.locations.get(id) ?? null),
    gemeente: fromDirectory<q.GemeenteRow | null>((model, code) => model.gemeenten.get(code) ?? null),
    region: fromDirectory<q.RegionRow | null>((model, code) => model.regions.get(code) ?? null),
    gemeentenByRegion: new DataLoader<string, q.GemeenteRow[]>(async (codes) =>
      groupBy(
        codes,
        await q.findGemeentenByRegions(db, codes),
        (r) => r.zorgkantoorregioCode,
        (r) => r,
      ),
    ),
    locationsByService: fromDirectory<q.LocationRow[]>((model, id) => model.activeLocationsOf(id)),
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
  /** The in-memory directory, brought up to date with the database once per request (on first use). */
  directory: () => Promise<DirectoryModel>;
  /** After a write in this request: the next use of the directory checks the database again. */
  directoryWritten: () => void;
}

export function createContext(base: SubgraphContext): Context {
  const model = directoryModel(base.db);
  let fresh: Promise<DirectoryModel> | undefined;
  const directory = () => (fresh ??= model.ensureFresh().then(() => model));
  const directoryWritten = () => {
    fresh = undefined;
  };
  return { ...base, directory, directoryWritten, loaders: createLoaders(base.db, directory) };
}

/** Confidential locations are for signed-in professionals only. */
export const maySeeConfidential = (ctx: Context) => ctx.caller.kind === 'user';
