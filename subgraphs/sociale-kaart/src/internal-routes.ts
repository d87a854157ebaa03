import { serviceFactsContract } from '@hub/contracts';
import type { Db } from '@hub/db';
import { internalRoute, internalRoutes as serveInternal, type RouteHandler } from '@hub/service-kit';
import { findServicesByIds } from './db/queries.ts';

/** The subgraph-to-subgraph endpoints the sociale kaart serves; their shapes are declared once in @hub/contracts. */
export function internalRoutes(db: Db, limit: number): RouteHandler {
  return serveInternal(limit, [
    // Whose a service is: referrals checks a referral's service and whether it belongs to the sender's organisation.
    internalRoute(serviceFactsContract, async ({ serviceIds }) => {
      const ids = [...new Set(serviceIds)];
      const rows = ids.length ? await findServicesByIds(db, ids) : [];
      const byId = new Map(rows.map((r) => [r.id, r.organizationId]));
      return {
        facts: serviceIds.map((serviceId) => {
          const organizationId = byId.get(serviceId);
          return organizationId ? { serviceId, exists: true, organizationId } : { serviceId, exists: false, organizationId: null };
        }),
      };
    }),
  ]);
}
