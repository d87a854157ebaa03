import { z } from 'zod';
import type { Db } from '@hub/db';
import { isUuid } from '@hub/domain';
import { HttpError, readBody, REQUEST_ID_PATTERN, sendJson, TRACE_ID_PATTERN, type RouteHandler } from '@hub/service-kit';
import { CONSENT_CATEGORIES, decideConsent, type Decision } from './consent/decide.ts';
import { appendAccessLog, findClientsByIds, findConsentsByClientIds, findTrajectoriesByClientIds, findTrajectoriesByIds } from './db/queries.ts';

/**
 * Subgraph-to-subgraph endpoints (contracts 1–4 of the hub, numbered in README.md). Bodies carry ids and codes only. Every answer is
 * computed from the database at the time of the call: nothing is cached, so a revocation counts at once.
 */

const MAX_ITEMS = 1000;
const uuid = z.string().refine(isUuid, 'must be a UUID').transform((s) => s.toLowerCase());
const code = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'must be a code');

const consentChecksSchema = z.object({
  checks: z
    .array(
      z.object({
        clientId: uuid,
        organizationId: uuid,
        category: z.enum(CONSENT_CATEGORIES),
        purpose: code,
        consentId: uuid.optional(),
        // Optional: the organisation that holds the data asked for (e.g. the sender of a referral). Only a consent
        // it recorded counts; without it, a consent recorded by any owning organisation of the client does.
        holderOrganizationId: uuid.optional(),
        // Optional beyond the contract: lets a consent to an organisation type in a region match.
        organizationType: code.optional(),
        gemeenteCode: z.string().regex(/^GM\d{4}$/).optional(),
        zorgkantoorregio: z.string().regex(/^ZK\d{2}$/).optional(),
      }),
    )
    .max(MAX_ITEMS),
});

const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time');
const shortText = (max: number) => z.string().min(1).max(max);

const accessLogSchema = z.object({
  entries: z
    .array(
      z.object({
        eventId: uuid,
        occurredAt: isoDateTime,
        action: z.enum(['CREATE', 'READ', 'UPDATE', 'DELETE', 'SEARCH', 'EXPORT']),
        outcome: z.enum(['GRANTED', 'REFUSED']),
        outcomeReason: shortText(200).optional(),
        userId: shortText(200),
        userName: shortText(200).optional(),
        organizationId: uuid,
        role: shortText(200),
        onBehalfOf: shortText(200).optional(),
        clientId: uuid,
        dataCategories: z.array(shortText(50)).max(20),
        authorizationGround: shortText(500),
        consentId: uuid.optional(),
        // The sending subgraph's own ids (received from the gateway), in the shape the hub generates them.
        requestId: z.string().regex(REQUEST_ID_PATTERN, 'must be a request id'),
        traceId: z.string().regex(TRACE_ID_PATTERN, 'must be a trace id (32 hex digits)'),
        accessPoint: shortText(200),
        sourceSubgraph: shortText(50),
      }),
    )
    .max(MAX_ITEMS),
});

const clientFactsSchema = z.object({ clientIds: z.array(uuid).max(MAX_ITEMS) });
const trajectoryFactsSchema = z.object({ trajectoryIds: z.array(uuid).max(MAX_ITEMS) });

async function readJson<T>(req: Parameters<RouteHandler>[0], schema: z.ZodType<T>, limit: number): Promise<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readBody(req, limit));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, 'BAD_USER_INPUT', `Invalid ${(issue?.path ?? []).join('.') || 'body'}: ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}

/** Age band on a given day, from a YYYY-MM-DD date of birth. */
function ageBand(dateOfBirth: string, today: Date): '0-17' | '18-26' | '27-64' | '65-79' | '80+' {
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

async function consentDecisions(db: Db, checks: z.infer<typeof consentChecksSchema>['checks'], now: Date): Promise<Decision[]> {
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
  return async (req, res, url) => {
    if (req.method !== 'POST') return false;
    switch (url.pathname) {
      case '/internal/consent-decisions': {
        const body = await readJson(req, consentChecksSchema, maxBodyBytes);
        sendJson(res, 200, { decisions: await consentDecisions(db, body.checks, new Date()) });
        return true;
      }
      case '/internal/access-log': {
        const body = await readJson(req, accessLogSchema, maxBodyBytes);
        const accepted = await appendAccessLog(
          db,
          body.entries.map((e) => ({
            ...e,
            occurredAt: new Date(e.occurredAt),
            outcomeReason: e.outcomeReason ?? null,
            userName: e.userName ?? null,
            onBehalfOf: e.onBehalfOf ?? null,
            consentId: e.consentId ?? null,
            external: true,
          })),
        );
        sendJson(res, 200, { accepted, duplicates: body.entries.length - accepted });
        return true;
      }
      case '/internal/client-facts': {
        const body = await readJson(req, clientFactsSchema, maxBodyBytes);
        const ids = [...new Set(body.clientIds)];
        const clients = ids.length ? await findClientsByIds(db, ids) : [];
        const today = new Date();
        sendJson(res, 200, {
          facts: body.clientIds.map((clientId) => {
            const c = clients.find((x) => x.id === clientId);
            return c
              ? { clientId, exists: true, gemeenteCode: c.gemeenteCode, ageBand: ageBand(c.dateOfBirth, today) }
              : { clientId, exists: false, gemeenteCode: null, ageBand: null };
          }),
        });
        return true;
      }
      case '/internal/trajectory-facts': {
        const body = await readJson(req, trajectoryFactsSchema, maxBodyBytes);
        const ids = [...new Set(body.trajectoryIds)];
        const rows = ids.length ? await findTrajectoriesByIds(db, ids) : [];
        sendJson(res, 200, {
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
                }
              : { trajectoryId, exists: false, clientId: null, organizationId: null, legalDomain: null, wlzSector: null, status: null };
          }),
        });
        return true;
      }
      default:
        return false;
    }
  };
}
