import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { OutboxSettings } from '@hub/config';
import {
  notificationEventsContract,
  type NotificationAudience,
  type NotificationEvent,
  type NotificationItemType,
  type NotificationKind,
} from '@hub/contracts';
import type { Db } from '@hub/db';
import { amsterdamDate } from '@hub/domain';
import { callInternal, createOutboxRelay, deliverOutboxTopic, type Logger, type OutboxRelay } from '@hub/service-kit';
import type { ConsentRow } from './db/queries.ts';
import { accessLog, outbox, wlzIndicatieEvent, wlzIndicatieItem } from './db/schema.ts';

/**
 * Notification events for people that the cases subgraph produces (see @hub/contracts for who is told), written to its
 * outbox in the same transaction as the change, and the relay that delivers them to the notifications subgraph and
 * sweeps the Wlz worklist for items past their contact deadline. Ids, codes and dates only.
 */

export const NOTIFICATION_TOPIC = 'NOTIFICATION';

export function notificationEvent(
  kind: NotificationKind,
  item: { type: NotificationItemType; id: string },
  audience: NotificationAudience,
  at: Date,
  facts: { actorOrganizationId?: string | null; dueDate?: string | null } = {},
): NotificationEvent {
  return {
    eventId: randomUUID(),
    occurredAt: at.toISOString(),
    kind,
    item,
    audience,
    actorOrganizationId: facts.actorOrganizationId ?? null,
    dueDate: facts.dueDate ?? null,
  };
}

/** Writes events to the outbox; call it with the transaction handle of the change they report. */
export async function insertNotificationEvents(db: Db, events: readonly NotificationEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(outbox).values(events.map((e) => ({ id: e.eventId, topic: NOTIFICATION_TOPIC, payload: e, createdAt: new Date(e.occurredAt) })));
}

/** The most organisations one event names (the contract's limit). */
const MAX_AUDIENCE = 50;

/**
 * CONSENT_REVOKED: the organisations whose view the consent covered. The organisation it names, and for a consent
 * addressed by type and region the organisations that read the client's data under it (the access log says which);
 * not the organisation that recorded it (its own data) nor the one that revoked it. No event when nobody is left.
 */
export async function consentRevokedEvents(db: Db, c: ConsentRow, at: Date, actorOrganizationId: string | null): Promise<NotificationEvent[]> {
  const used = await db
    .selectDistinct({ organizationId: accessLog.organizationId })
    .from(accessLog)
    .where(sql`${accessLog.clientId} = ${c.clientId} and ${accessLog.consentId} = ${c.id}`)
    .limit(MAX_AUDIENCE + 2);
  const organizationIds = [...new Set([c.receivingOrganizationId, ...used.map((u) => u.organizationId)])]
    .filter((id): id is string => id !== null && id !== c.recordedByOrganizationId && id !== actorOrganizationId)
    .slice(0, MAX_AUDIENCE);
  if (organizationIds.length === 0) return [];
  return [notificationEvent('CONSENT_REVOKED', { type: 'CLIENT', id: c.clientId }, { organizationIds }, at, { actorOrganizationId })];
}

/** BREAK_GLASS_OPENED: the privacy officers and beheerders of the organisations that own the client's record. */
export function breakGlassOpenedEvent(clientId: string, owners: readonly string[], openerOrganizationId: string, at: Date): NotificationEvent[] {
  const organizationIds = [...new Set(owners)].slice(0, MAX_AUDIENCE);
  if (organizationIds.length === 0) return [];
  return [
    notificationEvent('BREAK_GLASS_OPENED', { type: 'CLIENT', id: clientId }, { organizationIds, roles: ['PRIVACY_OFFICER', 'BEHEERDER'] }, at, {
      actorOrganizationId: openerOrganizationId,
    }),
  ];
}

/** WORKLIST_ITEM: a new Wlz indicatie on the zorgkantoor's worklist, for its zorgbemiddelaars, with the contact deadline. */
export const worklistItemEvent = (item: { id: string; zorgkantoorOrganizationId: string; contactBy: string }, at: Date): NotificationEvent =>
  notificationEvent(
    'WORKLIST_ITEM',
    { type: 'WLZ_INDICATIE', id: item.id },
    { organizationIds: [item.zorgkantoorOrganizationId], roles: ['ZORGBEMIDDELAAR'] },
    at,
    {
      dueDate: item.contactBy,
    },
  );

/** Who records the hub's own entries in an indicatie's event log (the overdue sweep). */
export const HUB_ACTOR = 'hub';

/**
 * Flags the worklist items that passed their contact deadline (contactBy before `today`, Europe/Amsterdam) uncontacted
 * and were not flagged yet, and in the same transaction writes for each WORKLIST_OVERDUE (the zorgkantoor's
 * zorgbemiddelaars), WORKLIST_ESCALATED (its coordinators) and both in the indicatie's event log. The flag makes it once.
 */
export async function flagOverdueWorklistItems(db: Db, now: Date): Promise<number> {
  const today = amsterdamDate(now);
  return db.transaction(async (tx) => {
    const flagged = await tx
      .update(wlzIndicatieItem)
      .set({ contactOverdueAt: now })
      .where(sql`${wlzIndicatieItem.contactedAt} is null and ${wlzIndicatieItem.contactOverdueAt} is null and ${wlzIndicatieItem.contactBy} < ${today}::date`)
      .returning();
    if (flagged.length === 0) return 0;
    const events: NotificationEvent[] = [];
    const log: (typeof wlzIndicatieEvent.$inferInsert)[] = [];
    for (const item of flagged) {
      const ref = { type: 'WLZ_INDICATIE' as const, id: item.id };
      const org = item.zorgkantoorOrganizationId;
      events.push(notificationEvent('WORKLIST_OVERDUE', ref, { organizationIds: [org], roles: ['ZORGBEMIDDELAAR'] }, now, { dueDate: item.contactBy }));
      events.push(notificationEvent('WORKLIST_ESCALATED', ref, { organizationIds: [org], coordinators: true }, now, { dueDate: item.contactBy }));
      for (const action of ['OVERDUE', 'ESCALATED']) {
        log.push({ id: randomUUID(), itemId: item.id, occurredAt: now, action, userId: HUB_ACTOR, version: item.version });
      }
    }
    await tx.insert(wlzIndicatieEvent).values(log);
    await insertNotificationEvents(tx, events);
    return flagged.length;
  });
}

export interface CasesRelayRound {
  worklistOverdue: number;
  /** SATISFACTION_MEASUREMENT_DUE reminders written this round. */
  satisfactionReminders: number;
  delivered: number;
}

/**
 * The cases relay: each round sweeps the worklist for overdue items and writes the satisfaction-measurement reminders
 * that came due (`remindSatisfaction`, with the round's `now`), then delivers waiting notification events to the
 * notifications subgraph (they wait while none is configured), retrying with backoff.
 */
export function createNotificationRelay(deps: {
  db: Db;
  settings: OutboxSettings;
  peerUrls: Record<string, string>;
  internalSecret: string;
  timeoutMs: number;
  logger: Logger;
  /** Writes the reminders due at `now` (half-year-reports/service.ts); none when omitted. */
  remindSatisfaction?: (now: Date) => Promise<number>;
}): OutboxRelay<CasesRelayRound> {
  const { db, settings, logger } = deps;
  return createOutboxRelay({
    intervalMs: settings.relayIntervalMs,
    logger,
    async round(now) {
      const worklistOverdue = await flagOverdueWorklistItems(db, now);
      const satisfactionReminders = deps.remindSatisfaction ? await deps.remindSatisfaction(now) : 0;
      const base = deps.peerUrls.notifications;
      const delivered = base
        ? await deliverOutboxTopic<NotificationEvent>({
            db,
            table: outbox,
            topic: NOTIFICATION_TOPIC,
            now,
            retry: { baseSeconds: settings.retryBaseSeconds, maxSeconds: settings.retryMaxSeconds },
            logger,
            send: (events) => callInternal(base, notificationEventsContract, { events }, { secret: deps.internalSecret, timeoutMs: deps.timeoutMs }),
          })
        : 0;
      return { worklistOverdue, satisfactionReminders, delivered };
    },
  });
}
