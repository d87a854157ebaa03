import { randomUUID } from 'node:crypto';
import type { Principal } from '@hub/identity';
import type { RequestMeta } from '@hub/service-kit';
import type { NewOutboxRow, ReferralRow } from './db/queries.ts';
import type { AccessLogEntry, GapEvent } from './peers.ts';
import { eventType, type ReferralAction, type ReferralStatus } from './transitions.ts';

/**
 * The outbox rows a change writes in its own transaction. A notification carries ids and status only; a gap event
 * carries codes only (no client id); an access-log line carries the client's internal id for the cases subgraph,
 * never a name, BSN or text.
 */

/** What an outbox row carries: a notification (REFERRAL), a gap event (GAP) or an access-log line (ACCESS_LOG). */
export type OutboxPayload = ReferralNotificationPayload | GapEvent | AccessLogEntry;

/** The payload of a row read by its topic; another kind there is a broken invariant, so the read fails loudly. */
export function notificationOf(payload: OutboxPayload): ReferralNotificationPayload {
  if ('referralId' in payload) return payload;
  throw new Error('An outbox row of topic REFERRAL holds no notification.');
}

export function gapEventOf(payload: OutboxPayload): GapEvent {
  if ('reason' in payload) return payload;
  throw new Error('An outbox row of topic GAP holds no gap event.');
}

export function accessLogEntryOf(payload: OutboxPayload): AccessLogEntry {
  if ('accessPoint' in payload) return payload;
  throw new Error('An outbox row of topic ACCESS_LOG holds no access-log line.');
}

/** The notification body, exactly as polled and as POSTed to webhooks. */
export interface ReferralNotificationPayload {
  id: string;
  type: string;
  occurredAt: string;
  referralId: string;
  status: ReferralStatus;
  previousStatus: ReferralStatus | null;
  version: number;
  fromOrganizationId: string;
  toOrganizationId: string;
}

export function notificationRow(r: ReferralRow, action: ReferralAction, previousStatus: string | null, at: Date): NewOutboxRow {
  const id = randomUUID();
  const payload: ReferralNotificationPayload = {
    id,
    type: eventType(action, r.status as ReferralStatus),
    occurredAt: at.toISOString(),
    referralId: r.id,
    status: r.status as ReferralStatus,
    previousStatus: previousStatus as ReferralStatus | null,
    version: r.version,
    fromOrganizationId: r.fromOrganizationId,
    toOrganizationId: r.toOrganizationId,
  };
  // The receiver learns of a referral only once it has been sent; drafts stay with the sender.
  const audience = r.sentAt ? [r.fromOrganizationId, r.toOrganizationId] : [r.fromOrganizationId];
  return { id, topic: 'REFERRAL', audience, payload, createdAt: at };
}

export function gapEventRow(
  r: ReferralRow,
  kind: GapEvent['kind'],
  reason: GapEvent['reason'],
  waitDays: number | null,
  zorgkantoorregioCode: string | null,
  at: Date,
): NewOutboxRow {
  const eventId = randomUUID();
  const event: GapEvent = {
    eventId,
    occurredAt: at.toISOString(),
    kind,
    reason,
    zorgkantoorregioCode: zorgkantoorregioCode ?? r.zorgkantoorregioCode,
    gemeenteCode: r.gemeenteCode,
    legalDomain: r.legalDomain,
    wlzSector: r.wlzSector,
    targetGroup: r.targetGroup,
    lifeDomain: r.lifeDomain,
    serviceId: r.serviceId,
    organizationId: r.toOrganizationId,
    waitDays,
  };
  return { id: eventId, topic: 'GAP', payload: event, createdAt: at };
}

/** The role written into access-log lines: the caller's role that lets them work on referrals. */
function workingRole(p: Principal): string {
  return p.roles.find((r) => r === 'CLIENTONDERSTEUNER' || r === 'TOEGANG' || r === 'ZORGBEMIDDELAAR') ?? p.roles[0] ?? 'UNKNOWN';
}

export interface AccessLogFacts {
  action: AccessLogEntry['action'];
  outcome: AccessLogEntry['outcome'];
  outcomeReason?: string | undefined;
  clientId: string;
  dataCategories: string[];
  authorizationGround: string;
  consentId?: string | null | undefined;
  accessPoint: string;
}

export function accessLogEntry(p: Principal, meta: RequestMeta, facts: AccessLogFacts, at: Date): AccessLogEntry {
  return {
    eventId: randomUUID(),
    occurredAt: at.toISOString(),
    action: facts.action,
    outcome: facts.outcome,
    ...(facts.outcomeReason ? { outcomeReason: facts.outcomeReason } : {}),
    userId: p.subject,
    ...(p.name ? { userName: p.name } : {}),
    organizationId: p.organizationId,
    role: workingRole(p),
    clientId: facts.clientId,
    dataCategories: facts.dataCategories,
    authorizationGround: facts.authorizationGround,
    ...(facts.consentId ? { consentId: facts.consentId } : {}),
    requestId: meta.requestId,
    traceId: meta.traceId,
    accessPoint: facts.accessPoint,
    sourceSubgraph: 'referrals',
  };
}

/** An access-log line for a change, delivered to the cases subgraph by the relay (idempotent on eventId). */
export function accessLogRow(entry: AccessLogEntry, at: Date): NewOutboxRow {
  return { id: entry.eventId, topic: 'ACCESS_LOG', payload: entry, createdAt: at };
}
