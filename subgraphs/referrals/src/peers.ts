import { callInternal, type RequestMeta } from '@hub/service-kit';

/**
 * The cross-subgraph contracts this subgraph calls (1–4 of cases, 6 of signals; numbered in README.md).
 * Bodies carry ids and codes only. Every call fails closed: an unreachable peer means no consent and no change.
 */

type ConsentCategory = 'HANDOVER' | 'IDENTITY' | 'CONTACT' | 'QUESTION' | 'PLAN' | 'NETWORK' | 'CONTACT_MOMENTS';
type ConsentPurpose = 'WARM_HANDOVER' | 'INTEGRATED_SUPPORT';

export interface ConsentCheck {
  clientId: string;
  organizationId: string;
  category: ConsentCategory;
  purpose: ConsentPurpose;
  consentId?: string | undefined;
  /** The organisation whose data is asked for (the referral's sender): only a consent it recorded counts. */
  holderOrganizationId?: string | undefined;
}

export interface ConsentDecision {
  permit: boolean;
  consentId: string | null;
  reason: 'OWN_ORGANIZATION' | 'CONSENT' | 'NO_CONSENT' | 'EXPIRED' | 'REVOKED' | 'OTHER_PURPOSE' | 'UNKNOWN_CLIENT';
}

export interface AccessLogEntry {
  eventId: string;
  occurredAt: string;
  action: 'CREATE' | 'READ' | 'UPDATE' | 'DELETE' | 'SEARCH' | 'EXPORT';
  outcome: 'GRANTED' | 'REFUSED';
  outcomeReason?: string | undefined;
  userId: string;
  userName?: string | undefined;
  organizationId: string;
  role: string;
  onBehalfOf?: string | undefined;
  clientId: string;
  dataCategories: string[];
  authorizationGround: string;
  consentId?: string | undefined;
  requestId: string;
  traceId: string;
  accessPoint: string;
  sourceSubgraph: string;
}

export interface ClientFacts {
  clientId: string;
  exists: boolean;
  gemeenteCode: string | null;
  ageBand: '0-17' | '18-26' | '27-64' | '65-79' | '80+' | null;
}

export interface TrajectoryFacts {
  trajectoryId: string;
  exists: boolean;
  clientId: string | null;
  organizationId: string | null;
  legalDomain: string | null;
  wlzSector: string | null;
  status: 'OPEN' | 'CLOSED' | null;
}

export interface GapEvent {
  eventId: string;
  occurredAt: string;
  kind: 'REJECTED' | 'OVERDUE';
  reason: 'NO_CAPACITY' | 'WAITLIST' | 'NO_FITTING_OFFER' | 'OUT_OF_AREA' | 'OVERDUE';
  zorgkantoorregioCode: string | null;
  gemeenteCode: string | null;
  legalDomain: string | null;
  wlzSector: string | null;
  targetGroup: string | null;
  lifeDomain: string | null;
  serviceId: string | null;
  organizationId: string | null;
  waitDays: number | null;
}

class PeerUnavailableError extends Error {
  override name = 'PeerUnavailableError';
}

export interface PeerClient {
  consentDecisions(checks: readonly ConsentCheck[], meta?: RequestMeta): Promise<ConsentDecision[]>;
  writeAccessLog(entries: readonly AccessLogEntry[], meta?: RequestMeta): Promise<{ accepted: number; duplicates: number }>;
  clientFacts(clientIds: readonly string[], meta?: RequestMeta): Promise<ClientFacts[]>;
  trajectoryFacts(trajectoryIds: readonly string[], meta?: RequestMeta): Promise<TrajectoryFacts[]>;
  /** False when no signals subgraph runs: gap events then wait in the outbox. */
  hasSignals(): boolean;
  hasCases(): boolean;
  deliverGapEvents(events: readonly GapEvent[], meta?: RequestMeta): Promise<{ accepted: number; duplicates: number }>;
}

export function createPeerClient(peerUrls: Record<string, string>, secret: string, timeoutMs: number): PeerClient {
  const call = async <T>(peer: string, path: string, body: unknown, meta?: RequestMeta): Promise<T> => {
    const base = peerUrls[peer];
    if (!base) throw new PeerUnavailableError(`The ${peer} subgraph is not configured.`);
    return callInternal<T>(base, path, body, { secret, meta, timeoutMs });
  };
  return {
    async consentDecisions(checks, meta) {
      const res = await call<{ decisions: ConsentDecision[] }>('cases', '/internal/consent-decisions', { checks }, meta);
      if (!Array.isArray(res.decisions) || res.decisions.length !== checks.length) {
        throw new PeerUnavailableError('The consent service answered with the wrong number of decisions.');
      }
      return res.decisions;
    },
    writeAccessLog: (entries, meta) => call('cases', '/internal/access-log', { entries }, meta),
    async clientFacts(clientIds, meta) {
      const res = await call<{ facts: ClientFacts[] }>('cases', '/internal/client-facts', { clientIds }, meta);
      return res.facts;
    },
    async trajectoryFacts(trajectoryIds, meta) {
      const res = await call<{ facts: TrajectoryFacts[] }>('cases', '/internal/trajectory-facts', { trajectoryIds }, meta);
      return res.facts;
    },
    hasSignals: () => Boolean(peerUrls.signals),
    hasCases: () => Boolean(peerUrls.cases),
    deliverGapEvents: (events, meta) => call('signals', '/internal/gap-events', { events }, meta),
  };
}
