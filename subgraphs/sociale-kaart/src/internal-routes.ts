import { lightCapacityContract, organizationContactsContract, organizationFactsContract, serviceFactsContract, serviceSummariesContract } from '@hub/contracts';
import { ORGANIZATION_TYPES, type OrganizationType } from '@hub/domain';
import type { Db } from '@hub/db';
import { internalRoute, internalRoutes as serveInternal, type RouteHandler } from '@hub/service-kit';
import { findOrganizationsByIds, findServicesByIds } from './db/queries.ts';
import { updateServiceIfVersion } from './db/writes.ts';

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
    // Name and registered address: notifications asks when it sends a single-use link, and keeps neither.
    internalRoute(organizationContactsContract, async ({ organizationIds }) => {
      const rows = organizationIds.length ? await findOrganizationsByIds(db, [...new Set(organizationIds)]) : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return {
        contacts: organizationIds.map((organizationId) => {
          const row = byId.get(organizationId);
          return row ? { organizationId, exists: true, name: row.name, email: row.email ?? null } : { organizationId, exists: false, name: null, email: null };
        }),
      };
    }),
    // The names a single-use link's page and e-mail show: the service's and its organisation's.
    internalRoute(serviceSummariesContract, async ({ serviceIds }) => {
      const services = serviceIds.length ? await findServicesByIds(db, [...new Set(serviceIds)]) : [];
      const organizations = services.length ? await findOrganizationsByIds(db, [...new Set(services.map((s) => s.organizationId))]) : [];
      const serviceById = new Map(services.map((s) => [s.id, s]));
      const orgName = new Map(organizations.map((o) => [o.id, o.name]));
      return {
        services: serviceIds.map((serviceId) => {
          const s = serviceById.get(serviceId);
          return s
            ? { serviceId, exists: true, name: s.name, organizationId: s.organizationId, organizationName: orgName.get(s.organizationId) ?? null }
            : { serviceId, exists: false, name: null, organizationId: null, organizationName: null };
        }),
      };
    }),
    // A capacity report through a single-use link: as updateCapacity, for the organisation the link was sent to.
    internalRoute(lightCapacityContract, async ({ linkId, serviceId, organizationId, status, expectedWaitDays }) => {
      const [current] = await findServicesByIds(db, [serviceId]);
      if (!current || current.organizationId !== organizationId) return { outcome: 'REFUSED' as const };
      const updated = await updateServiceIfVersion(db, current.id, current.version, {
        capacityStatus: status,
        // A link reports status and waiting time only; counts it does not report are cleared, not left stale.
        capacityAvailable: null,
        capacityMaximum: null,
        capacityUnit: null,
        capacityWaitDays: expectedWaitDays ?? null,
        capacityUpdatedAt: new Date(),
        capacityReportedBy: `light-link:${linkId}`,
      });
      return { outcome: updated ? ('DONE' as const) : ('REFUSED' as const) };
    }),
  ]);
}

/** The stored type as a code of the hub's list; a value outside it (never written by this subgraph) reads as OTHER. */
const organizationType = (stored: string): OrganizationType => ORGANIZATION_TYPES.find((t) => t === stored) ?? 'OTHER';
