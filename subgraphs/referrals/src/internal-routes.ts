import type { HubConfig } from '@hub/config';
import { clientHandoversContract, handoverFactsContract, lightAnswerContract, lightReferralContract, openHandoversContract } from '@hub/contracts';
import type { Db } from '@hub/db';
import { internalRoute, internalRoutes as serveInternal, type RouteHandler } from '@hub/service-kit';
import { countBlockingByTrajectory, findReferralsByIds, findReferralsOfClient } from './db/queries.ts';
import { answerByLink, lightReferralOf } from './light-answer.ts';
import type { Relay } from './relay.ts';
import { OPEN_SENT_STATUSES } from './transitions.ts';

/** The subgraph-to-subgraph endpoints referrals serves; their shapes are declared once in @hub/contracts. */
export function internalRoutes(db: Db, limit: number, deps: { config: HubConfig; relay: Pick<Relay, 'kick'> }): RouteHandler {
  return serveInternal(limit, [
    // What the page of a single-use answer link needs (notifications asks; it shows no client data).
    internalRoute(lightReferralContract, async ({ referralId }) => {
      const [row] = await findReferralsByIds(db, [referralId]);
      return { referral: row ? lightReferralOf(row) : null };
    }),
    // An answer through a single-use link: the receiving organisation's accept or reject, the link named as actor.
    internalRoute(lightAnswerContract, async (answer, scope) => {
      const done = await answerByLink(db, deps.config, scope.meta, answer, new Date());
      if (done) deps.relay.kick();
      return { outcome: done ? ('DONE' as const) : ('REFUSED' as const) };
    }),
    // How many referrals sent from each trajectory still block closing it: cases asks before it closes one.
    internalRoute(openHandoversContract, async ({ trajectoryIds }) => {
      const counts = trajectoryIds.length ? await countBlockingByTrajectory(db, [...new Set(trajectoryIds)], OPEN_SENT_STATUSES) : [];
      const byId = new Map(counts.map((c) => [c.trajectoryId, c.blocking]));
      return { results: trajectoryIds.map((trajectoryId) => ({ trajectoryId, blocking: byId.get(trajectoryId) ?? 0 })) };
    }),
    // A client's handovers in progress: cases shows them in the client's own view (mySupport).
    internalRoute(clientHandoversContract, async ({ clientId }) => {
      const rows = await findReferralsOfClient(db, clientId, OPEN_SENT_STATUSES);
      return {
        handovers: rows.map((r) => ({
          referralId: r.id,
          kind: r.kind,
          status: r.status,
          fromOrganizationId: r.fromOrganizationId,
          toOrganizationId: r.toOrganizationId,
          sentAt: r.sentAt?.toISOString() ?? null,
          respondBy: r.respondBy,
          jointMeetingPlannedAt: r.meetingPlannedAt?.toISOString() ?? null,
          statusChangedAt: r.statusChangedAt.toISOString(),
        })),
      };
    }),
    // The facts cases needs before it lets the receiver of a warm handover open its own trajectory for the client.
    internalRoute(handoverFactsContract, async ({ referralIds }) => {
      const ids = [...new Set(referralIds)];
      const rows = ids.length ? await findReferralsByIds(db, ids) : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return {
        facts: referralIds.map((referralId) => {
          const r = byId.get(referralId);
          return r
            ? {
                referralId,
                exists: true,
                clientId: r.clientId,
                fromOrganizationId: r.fromOrganizationId,
                toOrganizationId: r.toOrganizationId,
                status: r.status,
                consentId: r.consentId,
                continuingCounsellor: r.continuingCounsellor,
              }
            : {
                referralId,
                exists: false,
                clientId: null,
                fromOrganizationId: null,
                toOrganizationId: null,
                status: null,
                consentId: null,
                continuingCounsellor: null,
              };
        }),
      };
    }),
  ]);
}
