import DataLoader from 'dataloader';
import type { Db } from '@hub/db';
import { CARE_ROLES } from '@hub/domain';
import type { Caller, Principal } from '@hub/identity';
import { byKey, groupBy, requireRole, type RequestMeta, type SubgraphContext } from '@hub/service-kit';
import * as q from './db/queries.ts';
import type { AccessLogLine, ClientFacts, ConsentCheck, ConsentDecision, TrajectoryFacts } from '@hub/contracts';
import type { PeerClient } from './peers.ts';
import type { Relay } from './relay.ts';

const consentKey = (c: ConsentCheck) => `${c.clientId}|${c.organizationId}|${c.category}|${c.purpose}|${c.consentId ?? ''}|${c.holderOrganizationId ?? ''}`;

/** One client's referrals, at most `first` of them. */
interface ClientReferralsKey {
  clientId: string;
  first: number;
}

/**
 * Fresh loaders per request: batching within the request, nothing cached across requests. The consent loader
 * matters most: all consent questions of one request go to the cases subgraph in one call, and the next request
 * asks again, so a revocation counts at once.
 */
function createLoaders(db: Db, peers: PeerClient, meta: RequestMeta, caller: Caller) {
  return {
    referral: new DataLoader<string, q.ReferralRow | null>(async (ids) => byKey(ids, await q.findReferralsByIds(db, ids), (r) => r.id)),
    /**
     * Client.referrals for every client of the request in one statement: the caller's organisation's referrals per
     * client, as many as the largest `first` asked for, each key cut to its own `first`.
     */
    referralsByClient: new DataLoader<ClientReferralsKey, q.ReferralRow[], string>(
      async (keys) => {
        if (caller.kind !== 'user') return keys.map(() => []);
        const clientIds = [...new Set(keys.map((k) => k.clientId))];
        const rows = await q.findReferralsByClientIds(db, clientIds, caller.organizationId, Math.max(...keys.map((k) => k.first)));
        const grouped = groupBy(clientIds, rows, (r) => r.clientId);
        const perClient = new Map(clientIds.map((id, i) => [id, grouped[i] ?? []]));
        return keys.map((k) => (perClient.get(k.clientId) ?? []).slice(0, k.first));
      },
      { cacheKeyFn: (k) => `${k.clientId}|${k.first}` },
    ),
    timeline: new DataLoader<string, q.TimelineRow[]>(async (ids) => groupBy(ids, await q.findTimelinesByReferralIds(db, ids), (r) => r.referralId)),
    consent: new DataLoader<ConsentCheck, ConsentDecision, string>((checks) => peers.consentDecisions(checks, meta), {
      cacheKeyFn: consentKey,
    }),
    clientFacts: new DataLoader<string, ClientFacts | null>(async (ids) => byKey(ids, await peers.clientFacts(ids, meta), (f) => f.clientId)),
    trajectoryFacts: new DataLoader<string, TrajectoryFacts | null>(async (ids) => byKey(ids, await peers.trajectoryFacts(ids, meta), (f) => f.trajectoryId)),
    /**
     * Read access-log lines: every gated field resolved in one tick goes to the cases subgraph in one call, and the
     * field is only returned once its line was accepted (no read without a log line). One line per referral, field
     * group and outcome; the eventId makes a retry harmless.
     */
    accessLog: new DataLoader<AccessLogLine, true, string>(
      async (entries) => {
        await peers.writeAccessLog(entries, meta);
        return entries.map(() => true as const);
      },
      { cacheKeyFn: (e) => `${e.clientId}|${e.accessPoint}|${e.outcome}` },
    ),
    deliveriesByEndpoint: new DataLoader<string, q.WebhookDeliveryRow[]>(async (ids) =>
      groupBy(ids, await q.findRecentDeliveries(db, ids, 20), (r) => r.endpointId),
    ),
    attemptsByDelivery: new DataLoader<string, q.WebhookAttemptRow[]>(async (ids) =>
      groupBy(ids, await q.findAttemptsByDeliveryIds(db, ids), (r) => r.deliveryId),
    ),
  };
}
type Loaders = ReturnType<typeof createLoaders>;

export interface Context extends SubgraphContext {
  loaders: Loaders;
  peers: PeerClient;
  relay: Relay;
  /** The clock of this request (one value per request, so all deadlines of a request agree). */
  now: Date;
}

export function createContext(base: SubgraphContext, peers: PeerClient, relay: Relay): Context {
  return { ...base, peers, relay, now: new Date(), loaders: createLoaders(base.db, peers, base.meta, base.caller) };
}

/** The care roles work on referrals: toegangsteams, cliëntondersteuners and zorgbemiddelaars. */
export const requireReferralWorker = (ctx: Context): Principal =>
  requireRole(ctx, CARE_ROLES, 'Only toegang, cliëntondersteuners and zorgbemiddelaars work on referrals.');

/** Webhook endpoints are integration settings of an organisation: its BEHEERDER manages them. */
export const requireBeheerder = (ctx: Context): Principal => requireRole(ctx, ['BEHEERDER'], 'Only a BEHEERDER of the organisation manages its webhooks.');

/** Polling is for referral workers and for the BEHEERDER who runs the organisation's integration. */
export const requirePoller = (ctx: Context): Principal => requireRole(ctx, [...CARE_ROLES, 'BEHEERDER'], 'Your role may not read referral events.');
