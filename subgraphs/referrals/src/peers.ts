import {
  accessLogContract,
  clientFactsContract,
  consentDecisionsContract,
  gapEventsContract,
  notificationEventsContract,
  serviceFactsContract,
  trajectoryFactsContract,
  type AccessLogLine,
  type ClientFacts,
  type ConsentCheck,
  type ConsentDecision,
  type GapEvent,
  type NotificationEvent,
  type ServiceFacts,
  type TrajectoryFacts,
} from '@hub/contracts';
import { callInternal, type InternalContract, type RequestMeta } from '@hub/service-kit';
import type { z } from 'zod';

/**
 * The cross-subgraph contracts this subgraph calls (consent decisions, access log, client and trajectory facts of
 * cases; service facts of the sociale kaart; gap events of signals; notification events of notifications), declared once in @hub/contracts. Bodies carry ids and codes only. Every call fails
 * closed: an unreachable peer, or an answer outside the contract, means no consent and no change.
 */

class PeerUnavailableError extends Error {
  override name = 'PeerUnavailableError';
}

export interface PeerClient {
  consentDecisions(checks: readonly ConsentCheck[], meta?: RequestMeta): Promise<ConsentDecision[]>;
  writeAccessLog(entries: readonly AccessLogLine[], meta?: RequestMeta): Promise<{ accepted: number; duplicates: number }>;
  clientFacts(clientIds: readonly string[], meta?: RequestMeta): Promise<ClientFacts[]>;
  trajectoryFacts(trajectoryIds: readonly string[], meta?: RequestMeta): Promise<TrajectoryFacts[]>;
  /** Whose each service is (the sociale kaart); unknown ids come back with exists false. */
  serviceFacts(serviceIds: readonly string[], meta?: RequestMeta): Promise<ServiceFacts[]>;
  /** False when no signals subgraph runs: gap events then wait in the outbox. */
  hasSignals(): boolean;
  hasCases(): boolean;
  deliverGapEvents(events: readonly GapEvent[], meta?: RequestMeta): Promise<{ accepted: number; duplicates: number }>;
  /** False when no notifications subgraph runs: notification events then wait in the outbox. */
  hasNotifications(): boolean;
  deliverNotificationEvents(events: readonly NotificationEvent[], meta?: RequestMeta): Promise<{ accepted: number; duplicates: number }>;
}

export function createPeerClient(peerUrls: Record<string, string>, secret: string, timeoutMs: number): PeerClient {
  const call = async <TRequest extends z.ZodType, TResponse extends z.ZodType>(
    peer: string,
    contract: InternalContract<TRequest, TResponse>,
    body: z.input<TRequest>,
    meta?: RequestMeta,
  ): Promise<z.output<TResponse>> => {
    const base = peerUrls[peer];
    if (!base) throw new PeerUnavailableError(`The ${peer} subgraph is not configured.`);
    return callInternal(base, contract, body, { secret, meta, timeoutMs });
  };
  return {
    async consentDecisions(checks, meta) {
      const res = await call('cases', consentDecisionsContract, { checks: [...checks] }, meta);
      if (res.decisions.length !== checks.length) {
        throw new PeerUnavailableError('The consent service answered with the wrong number of decisions.');
      }
      return res.decisions;
    },
    writeAccessLog: (entries, meta) => call('cases', accessLogContract, { entries: [...entries] }, meta),
    async clientFacts(clientIds, meta) {
      const res = await call('cases', clientFactsContract, { clientIds: [...clientIds] }, meta);
      return res.facts;
    },
    async trajectoryFacts(trajectoryIds, meta) {
      const res = await call('cases', trajectoryFactsContract, { trajectoryIds: [...trajectoryIds] }, meta);
      return res.facts;
    },
    async serviceFacts(serviceIds, meta) {
      const res = await call('sociale-kaart', serviceFactsContract, { serviceIds: [...serviceIds] }, meta);
      return res.facts;
    },
    hasSignals: () => Boolean(peerUrls.signals),
    hasCases: () => Boolean(peerUrls.cases),
    deliverGapEvents: (events, meta) => call('signals', gapEventsContract, { events: [...events] }, meta),
    hasNotifications: () => Boolean(peerUrls.notifications),
    deliverNotificationEvents: (events, meta) => call('notifications', notificationEventsContract, { events: [...events] }, meta),
  };
}
