import DataLoader from 'dataloader';
import type { Db } from '@hub/db';
import { CARE_ROLES } from '@hub/domain';
import type { Caller, Principal } from '@hub/identity';
import { byKey, groupBy, requireRole, type CursorPosition, type RequestMeta, type SubgraphContext } from '@hub/service-kit';
import * as q from './db/queries.ts';
import type { AccessLogLine, ClientFacts, ConsentCheck, ConsentDecision, ServiceFacts, TrajectoryFacts } from '@hub/contracts';
import type { PeerClient } from './peers.ts';
import type { Relay } from './relay.ts';

const consentKey = (c: ConsentCheck) => `${c.clientId}|${c.organizationId}|${c.category}|${c.purpose}|${c.consentId ?? ''}|${c.holderOrganizationId ?? ''}`;

/** One page of a parent's child list: the parent, the page size and the position after which the page starts. */
export interface ChildPageKey {
  parentId: string;
  first: number;
  after: CursorPosition | null;
}

const positionKey = (after: CursorPosition | null) => (after ? `${after.key}|${after.id}` : '');
const childPageKey = (k: ChildPageKey) => `${k.parentId}|${k.first}|${positionKey(k.after)}`;

/**
 * Keyset pages of a child list for every parent of the request: one statement per distinct `after` (a list of parents
 * asks each for its first page, so one statement), fetching for each parent `first + 1` rows of the largest `first`
 * asked (the extra row tells that there is a next page). Each key gets its own parent's rows, cut to its own `first + 1`.
 */
function childPages<T>(
  fetch: (parentIds: string[], limit: number, after: CursorPosition | undefined) => Promise<q.KeyedRow<T>[]>,
  parentOf: (row: T) => string,
) {
  return new DataLoader<ChildPageKey, q.KeyedRow<T>[], string>(
    async (keys) => {
      const groups = new Map<string, ChildPageKey[]>();
      for (const k of keys) groups.set(positionKey(k.after), [...(groups.get(positionKey(k.after)) ?? []), k]);
      const pages = new Map<string, q.KeyedRow<T>[]>();
      for (const group of groups.values()) {
        const parentIds = [...new Set(group.map((k) => k.parentId))];
        const rows = await fetch(parentIds, Math.max(...group.map((k) => k.first)) + 1, group[0]?.after ?? undefined);
        const grouped = groupBy(parentIds, rows, (r) => parentOf(r.row));
        const byParent = new Map(parentIds.map((id, i) => [id, grouped[i] ?? []]));
        for (const k of group) pages.set(childPageKey(k), (byParent.get(k.parentId) ?? []).slice(0, k.first + 1));
      }
      return keys.map((k) => pages.get(childPageKey(k)) ?? []);
    },
    { cacheKeyFn: childPageKey },
  );
}

/**
 * Fresh loaders per request: batching within the request, nothing cached across requests. The consent loader
 * matters most: all consent questions of one request go to the cases subgraph in one call, and the next request
 * asks again, so a revocation counts at once.
 */
function createLoaders(db: Db, peers: PeerClient, meta: RequestMeta, caller: Caller) {
  return {
    referral: new DataLoader<string, q.ReferralRow | null>(async (ids) => byKey(ids, await q.findReferralsByIds(db, ids), (r) => r.id)),
    /** Client.referrals for every client of the request: the referrals the caller's organisation is a party to. */
    referralsByClient: childPages<q.ReferralRow>(
      async (clientIds, limit, after) => (caller.kind === 'user' ? q.findReferralsByClientIds(db, clientIds, caller.organizationId, limit, after) : []),
      (r) => r.clientId,
    ),
    timeline: new DataLoader<string, q.TimelineRow[]>(async (ids) => groupBy(ids, await q.findTimelinesByReferralIds(db, ids), (r) => r.referralId)),
    consent: new DataLoader<ConsentCheck, ConsentDecision, string>((checks) => peers.consentDecisions(checks, meta), {
      cacheKeyFn: consentKey,
    }),
    clientFacts: new DataLoader<string, ClientFacts | null>(async (ids) => byKey(ids, await peers.clientFacts(ids, meta), (f) => f.clientId)),
    trajectoryFacts: new DataLoader<string, TrajectoryFacts | null>(async (ids) => byKey(ids, await peers.trajectoryFacts(ids, meta), (f) => f.trajectoryId)),
    serviceFacts: new DataLoader<string, ServiceFacts | null>(async (ids) => byKey(ids, await peers.serviceFacts(ids, meta), (f) => f.serviceId)),
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
    deliveriesByEndpoint: childPages<q.WebhookDeliveryRow>(
      (endpointIds, limit, after) => q.findDeliveriesByEndpointIds(db, endpointIds, limit, after),
      (r) => r.endpointId,
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
