import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Db } from '@hub/db';
import { isUuid } from '@hub/domain';
import { HttpError, readBody, sendJson, type RouteHandler } from '@hub/service-kit';
import { countBlockingByTrajectory, findReferralsByIds } from './db/queries.ts';
import { OPEN_SENT_STATUSES } from './transitions.ts';

const openHandoversBody = z.object({
  trajectoryIds: z.array(z.string().refine(isUuid, 'must be a UUID')).max(1000),
});

const handoverFactsBody = z.object({
  referralIds: z.array(z.string().refine(isUuid, 'must be a UUID')).max(1000),
});

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  if (req.method !== 'POST') throw new HttpError(405, 'BAD_REQUEST', 'Use POST.');
  try {
    return JSON.parse(await readBody(req, limit));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
}

/**
 * Contract 5: how many referrals sent from each trajectory still block closing it (sent, neither completed nor
 * in another final state, not released). The cases subgraph asks before it closes a trajectory.
 */
async function openHandovers(db: Db, req: IncomingMessage, res: ServerResponse, limit: number): Promise<void> {
  const parsed = openHandoversBody.safeParse(await readJson(req, limit));
  if (!parsed.success) throw new HttpError(400, 'BAD_USER_INPUT', 'Body must be {"trajectoryIds":[uuid, ...]} (at most 1000).');
  const ids = parsed.data.trajectoryIds.map((id) => id.toLowerCase());
  const counts = ids.length ? await countBlockingByTrajectory(db, ids, OPEN_SENT_STATUSES) : [];
  const byId = new Map(counts.map((c) => [c.trajectoryId, c.blocking]));
  sendJson(res, 200, { results: parsed.data.trajectoryIds.map((id) => ({ trajectoryId: id, blocking: byId.get(id.toLowerCase()) ?? 0 })) });
}

/**
 * Contract 7: the facts of referrals the cases subgraph needs before it lets the receiver of a warm handover open its
 * own trajectory for the client (ids, status and the consent the referral relies on; no personal data).
 */
async function handoverFacts(db: Db, req: IncomingMessage, res: ServerResponse, limit: number): Promise<void> {
  const parsed = handoverFactsBody.safeParse(await readJson(req, limit));
  if (!parsed.success) throw new HttpError(400, 'BAD_USER_INPUT', 'Body must be {"referralIds":[uuid, ...]} (at most 1000).');
  const ids = [...new Set(parsed.data.referralIds.map((id) => id.toLowerCase()))];
  const rows = ids.length ? await findReferralsByIds(db, ids) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  sendJson(res, 200, {
    facts: parsed.data.referralIds.map((id) => {
      const r = byId.get(id.toLowerCase());
      return r
        ? { referralId: id, exists: true, clientId: r.clientId, fromOrganizationId: r.fromOrganizationId, toOrganizationId: r.toOrganizationId, status: r.status, consentId: r.consentId }
        : { referralId: id, exists: false, clientId: null, fromOrganizationId: null, toOrganizationId: null, status: null, consentId: null };
    }),
  });
}

export function internalRoutes(db: Db, limit: number): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname === '/internal/open-handovers') {
      await openHandovers(db, req, res, limit);
      return true;
    }
    if (url.pathname === '/internal/handover-facts') {
      await handoverFacts(db, req, res, limit);
      return true;
    }
    return false;
  };
}
