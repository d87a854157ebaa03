import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { OutboxSettings } from '@hub/config';
import { notificationEventsContract, type NotificationEvent } from '@hub/contracts';
import type { Db } from '@hub/db';
import { callInternal, createOutboxRelay, deliverOutboxTopic, type Logger, type OutboxRelay } from '@hub/service-kit';
import { knelpuntSignal, outbox, signal } from './db/schema.ts';

/**
 * Notification events for people that the signals subgraph produces: SIGNAL_FEEDBACK when the overlegtafel gives
 * feedback on a knelpunt, and ZORGINKOOP_OUTCOME when the zorgkantoor records the outcome of zorginkoop, for the
 * reporters of its signals; KNELPUNT_REOPENED for the table (src/learning-loop.ts). Written to the outbox in the
 * change's transaction and delivered to the notifications subgraph by the relay. Ids only: never a text.
 */

export const NOTIFICATION_TOPIC = 'NOTIFICATION';
const MAX_AUDIENCE = 50;

/**
 * The SIGNAL_FEEDBACK (or ZORGINKOOP_OUTCOME) events of one feedback (or outcome): the organisation of each reporter of a signal in the knelpunt, narrowed to
 * the reporting persons where the signals record them. Organisations whose reporters are all known get one event naming
 * those persons; organisations with a signal of an unrecorded reporter are told as a whole, in a second event. Signals
 * derived from gap events have no reporter and tell nobody.
 */
export async function signalFeedbackEvents(
  db: Db,
  knelpuntId: string,
  byOrganizationId: string,
  at: Date,
  kind: 'SIGNAL_FEEDBACK' | 'ZORGINKOOP_OUTCOME' = 'SIGNAL_FEEDBACK',
): Promise<NotificationEvent[]> {
  const reporters = await db
    .selectDistinct({ organizationId: signal.reporterOrganizationId, subject: signal.reporterSubject })
    .from(signal)
    .innerJoin(knelpuntSignal, sql`${knelpuntSignal.signalId} = ${signal.id}`)
    .where(sql`${knelpuntSignal.knelpuntId} = ${knelpuntId} and ${signal.reporterOrganizationId} is not null`);
  const subjectsOf = new Map<string, Set<string> | null>();
  for (const r of reporters) {
    if (!r.organizationId) continue;
    const known = subjectsOf.get(r.organizationId);
    if (r.subject === null || known === null) subjectsOf.set(r.organizationId, null);
    else subjectsOf.set(r.organizationId, (known ?? new Set()).add(r.subject));
  }
  const named = [...subjectsOf].filter((e): e is [string, Set<string>] => e[1] !== null);
  const whole = [...subjectsOf].filter(([, s]) => s === null).map(([org]) => org);
  const event = (organizationIds: string[], subjects?: string[]): NotificationEvent => ({
    eventId: randomUUID(),
    occurredAt: at.toISOString(),
    kind,
    item: { type: 'KNELPUNT', id: knelpuntId },
    audience: { organizationIds: organizationIds.slice(0, MAX_AUDIENCE), ...(subjects ? { subjects: subjects.slice(0, MAX_AUDIENCE) } : {}) },
    actorOrganizationId: byOrganizationId,
    dueDate: null,
  });
  const events: NotificationEvent[] = [];
  if (named.length > 0) {
    events.push(
      event(
        named.map(([org]) => org),
        named.flatMap(([, s]) => [...s]),
      ),
    );
  }
  if (whole.length > 0) events.push(event(whole));
  return events;
}

/** Writes events to the outbox; call it with the transaction handle of the change they report. */
export async function insertNotificationEvents(db: Db, events: readonly NotificationEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(outbox).values(events.map((e) => ({ id: e.eventId, topic: NOTIFICATION_TOPIC, payload: e, createdAt: new Date(e.occurredAt) })));
}

/** The signals relay: delivers waiting notification events to the notifications subgraph, retrying with backoff. */
export function createNotificationRelay(deps: {
  db: Db;
  settings: OutboxSettings;
  peerUrls: Record<string, string>;
  internalSecret: string;
  timeoutMs: number;
  logger: Logger;
}): OutboxRelay<{ delivered: number }> {
  const { db, settings, logger } = deps;
  return createOutboxRelay({
    intervalMs: settings.relayIntervalMs,
    logger,
    async round(now) {
      const base = deps.peerUrls.notifications;
      if (!base) return { delivered: 0 };
      const delivered = await deliverOutboxTopic<NotificationEvent>({
        db,
        table: outbox,
        topic: NOTIFICATION_TOPIC,
        now,
        retry: { baseSeconds: settings.retryBaseSeconds, maxSeconds: settings.retryMaxSeconds },
        logger,
        send: (events) => callInternal(base, notificationEventsContract, { events }, { secret: deps.internalSecret, timeoutMs: deps.timeoutMs }),
      });
      return { delivered };
    },
  });
}
