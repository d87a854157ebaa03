import { randomUUID } from 'node:crypto';
import { buildAccessLogLine, type AccessLogCategory, type AccessLogLine, type AccessRequest, type GapEvent, type NotificationEvent } from '@hub/contracts';
import type { Principal } from '@hub/identity';
import type { NewOutboxRow, ReferralRow } from './db/queries.ts';
import { eventType, MUTATION_OF_ACTION, TRANSITION_ACTIONS, type ReferralAction, type ReferralStatus } from './transitions.ts';

/**
 * The outbox rows a change writes in its own transaction. A notification carries ids and status only; a gap event
 * carries codes only (no client id); an access-log line carries the client's internal id for the cases subgraph,
 * never a name, BSN or text.
 */

/**
 * What an outbox row carries: a notification for organisations' systems (REFERRAL), a gap event (GAP), an access-log
 * line (ACCESS_LOG) or a notification event for people (NOTIFICATION, see notification-events.ts).
 */
export type OutboxPayload = ReferralNotificationPayload | GapEvent | AccessLogLine | NotificationEvent;

/** The payload of a row read by its topic; another kind there is a broken invariant, so the read fails loudly. */
export function notificationOf(payload: OutboxPayload): ReferralNotificationPayload {
  if ('referralId' in payload) return payload;
  throw new Error('An outbox row of topic REFERRAL holds no notification.');
}

export function notificationEventOf(payload: OutboxPayload): NotificationEvent {
  if ('audience' in payload) return payload;
  throw new Error('An outbox row of topic NOTIFICATION holds no notification event.');
}

export function gapEventOf(payload: OutboxPayload): GapEvent {
  if ('reason' in payload) return payload;
  throw new Error('An outbox row of topic GAP holds no gap event.');
}

export function accessLogEntryOf(payload: OutboxPayload): AccessLogLine {
  if ('accessPoint' in payload) return { ...payload, accessPoint: upgradeAccessPoint(payload.accessPoint) };
  throw new Error('An outbox row of topic ACCESS_LOG holds no access-log line.');
}

/**
 * Lines written before the one access-point encoding (`referrals:<Type.field>`, `referrals:<ACTION>`) may still wait in
 * the outbox at an upgrade; cases refuses that shape, so it is rewritten on the way out rather than retried for ever.
 */
export function upgradeAccessPoint(accessPoint: string): string {
  const legacy = /^referrals:([^:]+)$/.exec(accessPoint)?.[1];
  if (legacy === undefined) return accessPoint;
  const action = TRANSITION_ACTIONS.find((a) => a === legacy);
  if (action) return `referrals:-:Mutation.${MUTATION_OF_ACTION[action]}`;
  const parts = legacy.split('.');
  const [type, field] = parts.slice(-2);
  if (parts.length >= 2 && type && field && /^[_A-Za-z]\w*$/.test(type) && /^[_A-Za-z]\w*$/.test(field)) {
    return `referrals:-:${type.charAt(0).toUpperCase()}${type.slice(1)}.${field}`;
  }
  return 'referrals:-:-';
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
  const audience = r.sentAt && r.toOrganizationId !== r.fromOrganizationId ? [r.fromOrganizationId, r.toOrganizationId] : [r.fromOrganizationId];
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

export interface AccessLogFacts {
  /** The GraphQL coordinate (`Type.field`) whose resolver read or changed the data. */
  field: string;
  action: AccessLogLine['action'];
  outcome: AccessLogLine['outcome'];
  outcomeReason?: string | undefined;
  clientId: string;
  dataCategories: AccessLogCategory[];
  authorizationGround: string;
  consentId?: string | null | undefined;
}

/** A line of the client's access log, built the one way every line of the hub is (@hub/contracts). */
export function accessLogEntry(p: Principal, request: AccessRequest, facts: AccessLogFacts, at: Date): AccessLogLine {
  const { field, ...rest } = facts;
  return buildAccessLogLine(p, request, { ...rest, subgraph: 'referrals', fields: [field], at });
}

/** An access-log line for a change, delivered to the cases subgraph by the relay (idempotent on eventId). */
export function accessLogRow(entry: AccessLogLine, at: Date): NewOutboxRow {
  return { id: entry.eventId, topic: 'ACCESS_LOG', payload: entry, createdAt: at };
}
