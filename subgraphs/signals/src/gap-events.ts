import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@hub/db';
import { isUuid, LEGAL_DOMAINS, LIFE_DOMAINS, TARGET_GROUPS, WLZ_SECTORS } from '@hub/domain';
import { HttpError, readBody, sendJson, type RouteHandler } from '@hub/service-kit';
import { findRegionsOfGemeenten, type NewSignal } from './db/queries.ts';
import { insertGapSignals } from './db/writes.ts';

/**
 * Contract 6: the referrals subgraph delivers de-identified gap events (at least once, in any order). Each event
 * becomes exactly one signal: the unique gap_event_id makes a redelivery a no-op, and order does not matter because
 * no event depends on another.
 */

const MAX_EVENTS = 1000;
const uuid = z.string().refine(isUuid, 'must be a UUID').transform((s) => s.toLowerCase());

/** Codes outside the hub's lists are dropped to null rather than refusing the batch, so one odd value cannot block the feed. */
const codeIn = (list: readonly string[]) =>
  z
    .string()
    .nullish()
    .transform((v) => (v && list.includes(v) ? v : null));

const gapEventsSchema = z.object({
  events: z
    .array(
      z.object({
        eventId: uuid,
        occurredAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time'),
        kind: z.enum(['REJECTED', 'OVERDUE']),
        reason: z.enum(['NO_CAPACITY', 'WAITLIST', 'NO_FITTING_OFFER', 'OUT_OF_AREA', 'OVERDUE']),
        zorgkantoorregioCode: z.string().regex(/^ZK\d{2}$/).nullish(),
        gemeenteCode: z.string().regex(/^GM\d{4}$/).nullish(),
        legalDomain: codeIn(LEGAL_DOMAINS),
        wlzSector: codeIn(WLZ_SECTORS),
        targetGroup: codeIn(TARGET_GROUPS),
        lifeDomain: codeIn(LIFE_DOMAINS),
        serviceId: uuid.nullish(),
        organizationId: uuid.nullish(),
        waitDays: z.number().int().min(0).max(3650).nullish(),
      }),
    )
    .max(MAX_EVENTS),
});
export type GapEvent = z.infer<typeof gapEventsSchema>['events'][number];

/** The signal category a gap reason stands for (docs/signals.md explains the choices). */
export const CATEGORY_OF_GAP_REASON: Record<GapEvent['reason'], string> = {
  NO_CAPACITY: 'NO_CAPACITY',
  WAITLIST: 'WAITING_TIME',
  NO_FITTING_OFFER: 'NO_FITTING_OFFER',
  OUT_OF_AREA: 'ACCESSIBILITY',
  OVERDUE: 'WAITING_TIME',
};

const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in the Netherlands of an instant: a rejection at 23:30 UTC on 30 June counts for 1 July. */
export const dutchDateOf = (iso: string) => amsterdamDate.format(new Date(iso));

async function acceptGapEvents(db: Db, events: GapEvent[]): Promise<{ accepted: number; duplicates: number }> {
  const unique = [...new Map(events.map((e) => [e.eventId, e])).values()];
  const gemeenten = [...new Set(unique.map((e) => e.gemeenteCode).filter((c): c is string => Boolean(c)))];
  const regionOf = new Map(
    gemeenten.length > 0 ? (await findRegionsOfGemeenten(db, gemeenten)).map((r) => [r.gemeenteCode, r.zorgkantoorregioCode]) : [],
  );
  const rows: NewSignal[] = unique.map((e) => ({
    id: randomUUID(),
    source: 'GAP_EVENT',
    gapEventId: e.eventId,
    gapKind: e.kind,
    gapReason: e.reason,
    category: CATEGORY_OF_GAP_REASON[e.reason],
    targetGroup: e.targetGroup,
    legalDomain: e.legalDomain,
    wlzSector: e.wlzSector,
    lifeDomain: e.lifeDomain,
    serviceId: e.serviceId ?? null,
    organizationId: e.organizationId ?? null,
    // Our reference mapping wins over the event's region: the gemeente is the more precise fact.
    gemeenteCode: e.gemeenteCode && regionOf.has(e.gemeenteCode) ? e.gemeenteCode : null,
    zorgkantoorregioCode: (e.gemeenteCode ? regionOf.get(e.gemeenteCode) : undefined) ?? e.zorgkantoorregioCode ?? null,
    observedOn: dutchDateOf(e.occurredAt),
    waitDays: e.waitDays ?? null,
    clientCount: 1,
    description: null,
  }));
  const accepted = await insertGapSignals(db, rows);
  return { accepted, duplicates: events.length - accepted };
}

export function gapEventRoutes(db: Db, maxBodyBytes: number): RouteHandler {
  return async (req, res, url, scope) => {
    if (url.pathname !== '/internal/gap-events') return false;
    if (req.method !== 'POST') throw new HttpError(405, 'BAD_REQUEST', 'Use POST.');
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, maxBodyBytes));
    } catch (e) {
      if (e instanceof HttpError) throw e;
      throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    }
    const parsed = gapEventsSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, 'BAD_USER_INPUT', `Invalid ${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? 'invalid'}.`);
    }
    const result = await acceptGapEvents(db, parsed.data.events);
    scope.logger.info({ events: parsed.data.events.length, ...result }, 'gap events received');
    sendJson(res, 200, result);
    return true;
  };
}
