import {
  accessLogContract,
  clientFactsContract,
  consentDecisionsContract,
  trajectoryFactsContract,
  type AgeBand,
  type ConsentDecision,
  type ParsedConsentCheck,
} from '@hub/contracts';
import type { Db } from '@hub/db';
import { internalRoute, internalRoutes, type RouteHandler } from '@hub/service-kit';
import { accessLogRowOf } from './access-log.ts';
import { decideConsent } from './consent/decide.ts';
import { appendAccessLog, findClientsByIds, findConsentsByClientIds, findTrajectoriesByClientIds, findTrajectoriesByIds } from './db/queries.ts';

/**
 * The subgraph-to-subgraph endpoints cases serves; their shapes are declared once in @hub/contracts. Bodies carry ids
 * and codes only. Every answer is computed from the database at the time of the call: nothing is cached, so a
 * revocation counts at once.
 */

/** Age band on a given day, from a YYYY-MM-DD date of birth. */
function ageBand(dateOfBirth: string, today: Date): AgeBand {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  let age = today.getUTCFullYear() - (y ?? 0);
  const beforeBirthday = today.getUTCMonth() + 1 < (m ?? 1) || (today.getUTCMonth() + 1 === m && today.getUTCDate() < (d ?? 1));
  if (beforeBirthday) age -= 1;
  if (age < 18) return '0-17';
  if (age < 27) return '18-26';
  if (age < 65) return '27-64';
  if (age < 80) return '65-79';
  return '80+';
}

async function consentDecisions(db: Db, checks: readonly ParsedConsentCheck[], now: Date): Promise<ConsentDecision[]> {
  const clientIds = [...new Set(checks.map((c) => c.clientId))];
  if (clientIds.length === 0) return [];
  const [clients, trajectories, consents] = await Promise.all([
    findClientsByIds(db, clientIds),
    findTrajectoriesByClientIds(db, clientIds),
    findConsentsByClientIds(db, clientIds),
  ]);
  return checks.map((check) => {
    const client = clients.find((c) => c.id === check.clientId);
    if (!client) return { permit: false, consentId: null, reason: 'UNKNOWN_CLIENT' };
    const owners = new Set([client.registeredByOrganizationId, ...trajectories.filter((t) => t.clientId === check.clientId).map((t) => t.organizationId)]);
    return decideConsent({
      own: owners.has(check.organizationId),
      holders: check.holderOrganizationId ? [check.holderOrganizationId] : [...owners],
      consents: consents.filter((c) => c.clientId === check.clientId),
      requester: {
        organizationId: check.organizationId,
        organizationType: check.organizationType,
        gemeenteCode: check.gemeenteCode,
        zorgkantoorregio: check.zorgkantoorregio,
      },
      category: check.category,
      purpose: check.purpose,
      now,
      consentId: check.consentId,
    });
  });
}

export function createInternalRoutes(db: Db, maxBodyBytes: number): RouteHandler {
  return internalRoutes(maxBodyBytes, [
    internalRoute(consentDecisionsContract, async (body) => ({ decisions: await consentDecisions(db, body.checks, new Date()) })),
    internalRoute(accessLogContract, async (body) => {
      const accepted = await appendAccessLog(
        db,
        body.entries.map((line) => accessLogRowOf(line, true)),
      );
      return { accepted, duplicates: body.entries.length - accepted };
    }),
    internalRoute(clientFactsContract, async (body) => {
      const ids = [...new Set(body.clientIds)];
      const clients = ids.length ? await findClientsByIds(db, ids) : [];
      const today = new Date();
      return {
        facts: body.clientIds.map((clientId) => {
          const c = clients.find((x) => x.id === clientId);
          return c
            ? { clientId, exists: true, gemeenteCode: c.gemeenteCode, ageBand: ageBand(c.dateOfBirth, today) }
            : { clientId, exists: false, gemeenteCode: null, ageBand: null };
        }),
      };
    }),
    internalRoute(trajectoryFactsContract, async (body) => {
      const ids = [...new Set(body.trajectoryIds)];
      const rows = ids.length ? await findTrajectoriesByIds(db, ids) : [];
      return {
        facts: body.trajectoryIds.map((trajectoryId) => {
          const t = rows.find((x) => x.id === trajectoryId);
          return t
            ? {
                trajectoryId,
                exists: true,
                clientId: t.clientId,
                organizationId: t.organizationId,
                legalDomain: t.legalDomain,
                wlzSector: t.wlz?.sector ?? null,
                status: t.status,
                counsellor: {
                  userId: t.counsellor.userId,
                  name: t.counsellor.name,
                  workPhone: t.counsellor.workPhone ?? null,
                  workEmail: t.counsellor.workEmail ?? null,
                  availability: t.counsellor.availability ?? null,
                  formality: t.counsellor.formality,
                },
              }
            : { trajectoryId, exists: false, clientId: null, organizationId: null, legalDomain: null, wlzSector: null, status: null, counsellor: null };
        }),
      };
    }),
  ]);
}
