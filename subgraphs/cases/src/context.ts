import DataLoader from 'dataloader';
import type { Db } from '@hub/db';
import { byKey, groupBy, type SubgraphContext } from '@hub/service-kit';
import { AccessLogBuffer } from './access-log.ts';
import type { BsnCipher } from './bsn-crypto.ts';
import * as q from './db/queries.ts';
import * as hy from './half-year-reports/queries.ts';
import { findWlzItemsByIds, type WlzIndicatieItemRow } from './iwlz/queries.ts';

/**
 * Fresh loaders per request: batching within the request, nothing cached across requests — so a consent that is
 * revoked counts from the very next request.
 */
function createLoaders(db: Db) {
  const loaders = {
    /**
     * A client read for a view: the client, its trajectories, consents and break-glass openings in one statement, put
     * into the loaders below, so the visibility check and every consent decision of the request need no statement of
     * their own. Only the read paths use it; a change reads what it needs through the single loaders.
     */
    clientRecord: new DataLoader<string, q.ClientRow | null>(async (ids) => {
      const records = byKey(ids, await q.findClientRecords(db, ids), (r) => r.client.id);
      return ids.map((id, i) => {
        const record = records[i] ?? null;
        loaders.client.prime(id, record?.client ?? null);
        loaders.trajectoriesByClient.prime(id, record?.trajectories ?? []);
        loaders.consentsByClient.prime(id, record?.consents ?? []);
        loaders.breakGlassByClient.prime(id, record?.breakGlass ?? []);
        return record?.client ?? null;
      });
    }),
    client: new DataLoader<string, q.ClientRow | null>(async (ids) => byKey(ids, await q.findClientsByIds(db, ids), (r) => r.id)),
    trajectory: new DataLoader<string, q.TrajectoryRow | null>(async (ids) => byKey(ids, await q.findTrajectoriesByIds(db, ids), (r) => r.id)),
    trajectoriesByClient: new DataLoader<string, q.TrajectoryRow[]>(async (ids) =>
      groupBy(ids, await q.findTrajectoriesByClientIds(db, ids), (r) => r.clientId),
    ),
    consentsByClient: new DataLoader<string, q.ConsentRow[]>(async (ids) => groupBy(ids, await q.findConsentsByClientIds(db, ids), (r) => r.clientId)),
    consent: new DataLoader<string, q.ConsentRow | null>(async (ids) => byKey(ids, await q.findConsentsByIds(db, ids), (r) => r.id)),
    breakGlassByClient: new DataLoader<string, q.BreakGlassRow[]>(async (ids) => groupBy(ids, await q.findBreakGlassByClientIds(db, ids), (r) => r.clientId)),
    wlzItem: new DataLoader<string, WlzIndicatieItemRow | null>(async (ids) => byKey(ids, await findWlzItemsByIds(db, ids), (r) => r.id)),
    reportAcknowledgements: new DataLoader<string, hy.AcknowledgementRow[]>(async (ids) =>
      groupBy(ids, await hy.findAcknowledgementsByReportIds(db, ids), (r) => r.reportId),
    ),
    latestMeasurement: new DataLoader<string, hy.SatisfactionMeasurementRow | null>(async (ids) =>
      byKey(ids, await hy.findLatestMeasurements(db, ids), (r) => r.organizationId),
    ),
    contactMomentsByTrajectory: new DataLoader<string, q.ContactMomentRow[]>(async (ids) =>
      groupBy(ids, await q.findContactMomentsByTrajectoryIds(db, ids), (r) => r.trajectoryId),
    ),
  };
  return loaders;
}
type Loaders = ReturnType<typeof createLoaders>;

/** What the resolvers need besides the loaders: the BSN cipher and how to reach the other subgraphs. */
export interface CasesServices {
  bsn: BsnCipher;
  internalSecret: string;
  peerUrls: Record<string, string>;
}

export interface Context extends SubgraphContext {
  loaders: Loaders;
  services: CasesServices;
  accessLog: AccessLogBuffer;
  /** The moment consent validity is judged against, fixed for the whole request. */
  now: Date;
}

export function createContext(base: SubgraphContext, services: CasesServices): Context {
  return { ...base, services, loaders: createLoaders(base.db), accessLog: new AccessLogBuffer(), now: new Date() };
}
