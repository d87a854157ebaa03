import { organizationFactsContract } from '@hub/contracts';
import { anyUuid, type Db } from '@hub/db';
import { internalRoute, internalRoutes, type RouteHandler } from '@hub/service-kit';
import { organization } from './db/schema.ts';

/** The subgraph-to-subgraph endpoints of the sociale kaart (contracts in @hub/contracts): public directory facts only. */
export function createInternalRoutes(db: Db, maxBodyBytes: number): RouteHandler {
  return internalRoutes(maxBodyBytes, [
    internalRoute(organizationFactsContract, async (body) => {
      const ids = [...new Set(body.organizationIds)];
      const rows = ids.length ? await db.select({ id: organization.id, type: organization.type }).from(organization).where(anyUuid(organization.id, ids)) : [];
      return {
        facts: body.organizationIds.map((organizationId) => {
          const row = rows.find((r) => r.id === organizationId);
          return { organizationId, exists: Boolean(row), type: row?.type ?? null };
        }),
      };
    }),
  ]);
}
