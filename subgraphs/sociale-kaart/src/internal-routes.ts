import { organizationFactsContract, serviceFactsContract } from '@hub/contracts';
import { ORGANIZATION_TYPES, type OrganizationType } from '@hub/domain';
import type { Db } from '@hub/db';
import { internalRoute, internalRoutes as serveInternal, type RouteHandler } from '@hub/service-kit';
import { findOrganizationsByIds, findServicesByIds } from './db/queries.ts';

/** The subgraph-to-subgraph endpoints the sociale kaart serves; their shapes are declared once in @hub/contracts. */
export function internalRoutes(db: Db, limit: number): RouteHandler {
  return serveInternal(limit, [
    // Whether an organisation is in the directory and its type: signals asks before it addresses a consultation.
    internalRoute(organizationFactsContract, async ({ organizationIds }) => {
      const rows = organizationIds.length ? await findOrganizationsByIds(db, [...new Set(organizationIds)]) : [];
      const byId = new Map(rows.map((r) => [r.id, organizationType(r.type)]));
      return {
        facts: organizationIds.map((organizationId) => {
          const type = byId.get(organizationId);
          return { organizationId, exists: type !== undefined, type: type ?? null };
        }),
      };
    }),
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

/** The stored type as a code of the hub's list; a value outside it (never written by this subgraph) reads as OTHER. */
const organizationType = (stored: string): OrganizationType => ORGANIZATION_TYPES.find((t) => t === stored) ?? 'OTHER';
