import { randomUUID } from 'node:crypto';
import type { NotificationAudience, NotificationEvent, NotificationKind } from '@hub/contracts';
import type { Role } from '@hub/domain';
import type { NewOutboxRow, ReferralRow } from './db/queries.ts';

/**
 * Notification events for people (topic NOTIFICATION), delivered by the relay to the notifications subgraph: ids,
 * codes and dates only. Who is told follows @hub/contracts: a new handover the receiver's professionals, an answer the
 * sending person, overdue both organisations, an escalation the receiver's coordinators.
 */

/** The receiver's professionals who take up a handover, and its beheerder (who may see an inbox nobody answers). */
export const HANDOVER_RECEIVER_ROLES: Role[] = ['TOEGANG', 'CLIENTONDERSTEUNER', 'ZORGBEMIDDELAAR', 'BEHEERDER'];

export function handoverEvent(
  r: ReferralRow,
  kind: NotificationKind,
  audience: NotificationAudience,
  at: Date,
  facts: { actorOrganizationId?: string | null; dueDate?: string | null } = {},
): NotificationEvent {
  return {
    eventId: randomUUID(),
    occurredAt: at.toISOString(),
    kind,
    item: { type: 'REFERRAL', id: r.id },
    audience,
    actorOrganizationId: facts.actorOrganizationId ?? null,
    dueDate: facts.dueDate ?? null,
  };
}

export function notificationEventRow(event: NotificationEvent, at: Date): NewOutboxRow {
  return { id: event.eventId, topic: 'NOTIFICATION', payload: event, createdAt: at };
}

const receiver = (r: ReferralRow): NotificationAudience => ({ organizationIds: [r.toOrganizationId], roles: HANDOVER_RECEIVER_ROLES });

/** A referral was sent: the receiving organisation is told, with the respond-by date. */
export const handoverReceived = (r: ReferralRow, at: Date): NewOutboxRow =>
  notificationEventRow(handoverEvent(r, 'HANDOVER_RECEIVED', receiver(r), at, { actorOrganizationId: r.fromOrganizationId, dueDate: r.respondBy }), at);

/** The receiver answered: the person who sent it (the referral records who) is told. */
export const handoverAnswered = (r: ReferralRow, kind: 'HANDOVER_ACCEPTED' | 'HANDOVER_REJECTED', at: Date): NewOutboxRow =>
  notificationEventRow(
    handoverEvent(r, kind, { organizationIds: [r.fromOrganizationId], subjects: [r.fromUserId] }, at, { actorOrganizationId: r.toOrganizationId }),
    at,
  );

export const handoverDueSoon = (r: ReferralRow, at: Date): NewOutboxRow =>
  notificationEventRow(handoverEvent(r, 'HANDOVER_DUE_SOON', receiver(r), at, { actorOrganizationId: r.fromOrganizationId, dueDate: r.respondBy }), at);

/** Overdue on `deadline` (the respond-by or start-by date): receiver and sender. */
export function handoverOverdue(r: ReferralRow, deadline: string | null, at: Date): NewOutboxRow {
  const organizationIds = [...new Set([r.toOrganizationId, r.fromOrganizationId])];
  return notificationEventRow(handoverEvent(r, 'HANDOVER_OVERDUE', { organizationIds }, at, { dueDate: deadline }), at);
}

/** Once per referral, to the receiver's coordinators. */
export const handoverEscalated = (r: ReferralRow, deadline: string | null, at: Date): NewOutboxRow =>
  notificationEventRow(handoverEvent(r, 'HANDOVER_ESCALATED', { organizationIds: [r.toOrganizationId], coordinators: true }, at, { dueDate: deadline }), at);
