import { randomUUID } from 'node:crypto';
import { gapEventsContract, type ParsedGapEvent } from '@hub/contracts';
import type { SignalsSettings } from '@hub/config';
import type { Db } from '@hub/db';
import { amsterdamDate } from '@hub/domain';
import { internalRoute, internalRoutes, type RouteHandler } from '@hub/service-kit';
import { findRegionsOfGemeenten, type NewSignal } from './db/queries.ts';
import { insertGapSignals } from './db/writes.ts';
import { linkFollowUps } from './learning-loop.ts';

/**
 * The referrals subgraph delivers de-identified gap events (at least once, in any order; the shape is declared in
 * @hub/contracts). Each event becomes exactly one signal: the unique gap_event_id makes a redelivery a no-op, and
 * order does not matter because no event depends on another.
 */

type GapEvent = ParsedGapEvent;

/** The signal category a gap reason stands for (docs/signals.md explains the choices). */
export const CATEGORY_OF_GAP_REASON: Record<GapEvent['reason'], string> = {
  NO_CAPACITY: 'NO_CAPACITY',
  // No budget: the offer exists but its money (a provider's omzetplafond, a gemeente's budget) has run out, which to
  // zorginkoop is purchased capacity that falls short. The signal keeps gapReason NO_FUNDS, so the two stay apart.
  NO_FUNDS: 'NO_CAPACITY',
  WAITLIST: 'WAITING_TIME',
  NO_FITTING_OFFER: 'NO_FITTING_OFFER',
  // Retired (no longer produced): kept for events written before.
  OUT_OF_AREA: 'ACCESSIBILITY',
  OVERDUE: 'WAITING_TIME',
};

/** The calendar date in the Netherlands of an instant: a rejection at 23:30 UTC on 30 June counts for 1 July. */
export const dutchDateOf = (iso: string) => amsterdamDate(new Date(iso));

async function acceptGapEvents(db: Db, events: GapEvent[], settings: SignalsSettings): Promise<{ accepted: number; duplicates: number }> {
  const unique = [...new Map(events.map((e) => [e.eventId, e])).values()];
  const gemeenten = [...new Set(unique.map((e) => e.gemeenteCode).filter((c): c is string => Boolean(c)))];
  const regionOf = new Map(gemeenten.length > 0 ? (await findRegionsOfGemeenten(db, gemeenten)).map((r) => [r.gemeenteCode, r.zorgkantoorregioCode]) : []);
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
  // The follow-up links (and a reopening they cause) are stored in the signals' transaction.
  const accepted = await db.transaction(async (tx) => {
    const ids = await insertGapSignals(tx, rows);
    await linkFollowUps(tx, ids, settings);
    return ids.length;
  });
  return { accepted, duplicates: events.length - accepted };
}

export function gapEventRoutes(db: Db, maxBodyBytes: number, settings: SignalsSettings): RouteHandler {
  return internalRoutes(maxBodyBytes, [
    internalRoute(gapEventsContract, async ({ events }, scope) => {
      const result = await acceptGapEvents(db, events, settings);
      scope.logger.info({ events: events.length, ...result }, 'gap events received');
      return result;
    }),
  ]);
}
