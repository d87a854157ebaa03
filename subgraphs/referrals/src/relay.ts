import { randomUUID } from 'node:crypto';
import type { ReferralSettings } from '@hub/config';
import type { Db } from '@hub/db';
import {
  backoffSeconds,
  createOutboxRelay,
  deliverOutboxTopic,
  type DeliveryFailure,
  type Logger,
  type OutboxRelay,
  type ServiceMetrics,
} from '@hub/service-kit';
import { addWorkingDays, amsterdamDate, daysBetween } from './deadlines.ts';
import {
  claimDueDeliveries,
  flagDueSoonReferrals,
  flagOverdueReferrals,
  insertOutbox,
  markEscalated,
  recordWebhookAttempt,
  sequenceNotifications,
  type PeerTopic,
} from './db/outbox.ts';
import type { NewOutboxRow, NewTimelineRow } from './db/queries.ts';
import { outbox } from './db/schema.ts';
import { insertTimelineEvents } from './db/writes.ts';
import { type OutboxPayload, accessLogEntryOf, gapEventOf, gapEventRow, notificationEventOf, notificationRow } from './events.ts';
import { handoverDueSoon, handoverEscalated, handoverOverdue } from './notification-events.ts';
import type { PeerClient } from './peers.ts';
import { postWebhook } from './webhook-post.ts';
import { DELIVERY_ID_HEADER, EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook-signature.ts';
import { checkWebhookTarget, loggableOrigin, resolveWithSystemDns, type HostResolver } from './webhook-target.ts';

/**
 * The relay: one loop per process that (1) flags overdue referrals and emits their gap events and notification events
 * (overdue, and once per referral an escalation), and flags referrals whose answer is due soon, (2) gives committed
 * notifications their polling position and fans them out to webhook endpoints, (3) delivers access-log lines to the
 * cases subgraph, gap events to the signals subgraph and notification events to the notifications subgraph, (4)
 * delivers webhooks with retries and exponential backoff.
 * Several processes may run it at once: batches are claimed with row locks (SKIP LOCKED) or an advisory lock.
 */

interface RelayRound {
  overdue: number;
  dueSoon: number;
  sequenced: number;
  peerDelivered: number;
  webhookAttempts: number;
  webhookDelivered: number;
}

export type Relay = OutboxRelay<RelayRound>;

/** Seconds to wait after the n-th failed attempt: base × 2^(n−1), at most max. */
export function retryDelaySeconds(settings: ReferralSettings, failedAttempts: number): number {
  return backoffSeconds({ baseSeconds: settings.webhookRetryBaseSeconds, maxSeconds: settings.webhookRetryMaxSeconds }, failedAttempts);
}

/**
 * The most attempts one delivery ever gets, so its delivery log (WebhookDelivery.attempts) is complete and bounded: the
 * retry schedule stops at WEBHOOK_MAX_ATTEMPTS (at most 50) and redeliverWebhook refuses a delivery that reached this.
 */
export const MAX_DELIVERY_ATTEMPTS = 100;

const CLAIM_LEASE_SECONDS = 120;
const BATCH = 100;

/** The metrics label of a failed attempt's error text (refused / dns / http_status / timeout / network). */
function webhookFailureReason(error: string, refused: boolean): DeliveryFailure {
  if (refused) return 'refused';
  if (error === 'dns error') return 'dns';
  if (error === 'timeout') return 'timeout';
  if (error.startsWith('HTTP ')) return 'http_status';
  return 'network';
}

export function createRelay(deps: {
  db: Db;
  settings: ReferralSettings;
  peers: PeerClient;
  logger: Logger;
  /** How webhook hosts are resolved right before each delivery (system DNS; tests pass their own answers). */
  resolveHost?: HostResolver;
  /** Counts failed webhook attempts (hub_webhook_delivery_failures_total). */
  metrics?: ServiceMetrics | undefined;
}): Relay {
  const { db, settings, peers, logger, metrics } = deps;
  const resolveHost = deps.resolveHost ?? resolveWithSystemDns;
  const webhookRules = { allowHttp: settings.webhookAllowHttp, allowedPrivateRanges: settings.webhookAllowedPrivateRanges };

  const addSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

  async function flagOverdue(now: Date): Promise<number> {
    const today = amsterdamDate(now);
    return db.transaction(async (tx) => {
      const flagged = await flagOverdueReferrals(tx, today, now);
      const escalated = await markEscalated(
        tx,
        flagged.map((r) => r.id),
        now,
      );
      const rows: NewOutboxRow[] = [];
      const events: NewTimelineRow[] = [];
      for (const r of flagged) {
        const deadline = r.status === 'REQUESTED' ? 'RESPOND_BY' : 'START_BY';
        const deadlineDate = r.status === 'REQUESTED' ? r.respondBy : r.startBy;
        const timeline = { referralId: r.id, occurredAt: now, fromStatus: r.status, toStatus: r.status, reasonCode: deadline, version: r.version };
        events.push({ id: randomUUID(), action: 'OVERDUE', ...timeline });
        rows.push(notificationRow(r, 'OVERDUE', r.status, now));
        const waitDays = r.sentAt ? daysBetween(amsterdamDate(r.sentAt), today) : null;
        rows.push(gapEventRow(r, 'OVERDUE', 'OVERDUE', waitDays, null, now));
        rows.push(handoverOverdue(r, deadlineDate, now));
        if (escalated.has(r.id)) {
          events.push({ id: randomUUID(), action: 'ESCALATED', ...timeline });
          rows.push(handoverEscalated(r, deadlineDate, now));
        }
      }
      await insertTimelineEvents(tx, events);
      await insertOutbox(tx, rows);
      return flagged.length;
    });
  }

  /** REQUESTED referrals whose respond-by date is at most `dueSoonWorkingDays` working days away: told once. */
  async function flagDueSoon(now: Date): Promise<number> {
    const today = amsterdamDate(now);
    return db.transaction(async (tx) => {
      const flagged = await flagDueSoonReferrals(tx, today, addWorkingDays(today, settings.dueSoonWorkingDays), now);
      await insertOutbox(
        tx,
        flagged.map((r) => handoverDueSoon(r, now)),
      );
      return flagged.length;
    });
  }

  const peerAvailable: Record<PeerTopic, () => boolean> = {
    ACCESS_LOG: () => peers.hasCases(),
    GAP: () => peers.hasSignals(),
    NOTIFICATION: () => peers.hasNotifications(),
  };

  async function deliverToPeer(topic: PeerTopic, now: Date): Promise<number> {
    if (!peerAvailable[topic]()) return 0;
    // Every peer is idempotent on eventId, so a batch that was delivered but not marked is harmless to resend.
    return deliverOutboxTopic<OutboxPayload>({
      db,
      table: outbox,
      topic,
      now,
      batch: BATCH,
      leaseSeconds: CLAIM_LEASE_SECONDS,
      retry: { baseSeconds: settings.webhookRetryBaseSeconds, maxSeconds: settings.webhookRetryMaxSeconds },
      logger,
      send: (payloads) => {
        if (topic === 'ACCESS_LOG') return peers.writeAccessLog(payloads.map(accessLogEntryOf));
        if (topic === 'GAP') return peers.deliverGapEvents(payloads.map(gapEventOf));
        return peers.deliverNotificationEvents(payloads.map(notificationEventOf));
      },
    });
  }

  async function attemptWebhook(
    d: { id: string; endpointId: string; attempts: number; url: string; secret: string; eventId: string; payload: Record<string, unknown> },
    now: Date,
  ): Promise<boolean> {
    const body = JSON.stringify(d.payload);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    // A refusal is a matter of configuration (the URL, its DNS or the allow-list), not a passing fault: retrying on
    // the backoff schedule would not change it, so the delivery fails at once and a BEHEERDER redelivers it later.
    let refused = false;
    // Checked again at every attempt, the name resolved now: the URL may predate these rules, the allow-list may have
    // been narrowed, and the name may resolve elsewhere than it did at registration.
    const target = await checkWebhookTarget(d.url, webhookRules, resolveHost, settings.webhookTimeoutMs);
    if (!target.ok && target.reason === 'unresolvable host') {
      error = 'dns error';
    } else if (!target.ok) {
      refused = true;
      error = `refused: ${target.reason}`;
      logger.warn({ deliveryId: d.id, endpointId: d.endpointId, origin: loggableOrigin(d.url), reason: target.reason }, 'webhook delivery refused');
    } else {
      try {
        statusCode = await postWebhook(
          target,
          {
            'content-type': 'application/json',
            'user-agent': 'clientondersteuning-hub-webhooks/1',
            [SIGNATURE_HEADER]: signWebhook(d.secret, body, new Date()),
            [EVENT_ID_HEADER]: d.eventId,
            [DELIVERY_ID_HEADER]: d.id,
          },
          body,
          settings.webhookTimeoutMs,
        );
        if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
      } catch (e) {
        error = e instanceof Error && e.name === 'AbortError' ? 'timeout' : 'network error';
      }
    }
    const accepted = error === null;
    const number = d.attempts + 1;
    const giveUp = refused || (!accepted && number >= Math.min(settings.webhookMaxAttempts, MAX_DELIVERY_ATTEMPTS));
    if (error !== null) metrics?.countWebhookFailure(webhookFailureReason(error, refused), giveUp);
    await recordWebhookAttempt(
      db,
      {
        id: randomUUID(),
        deliveryId: d.id,
        number,
        attemptedAt: now,
        statusCode,
        accepted,
        error,
        durationMs: Math.round(performance.now() - started),
      },
      {
        status: accepted ? 'DELIVERED' : giveUp ? 'FAILED' : 'PENDING',
        deliveredAt: accepted ? now : null,
        nextAttemptAt: addSeconds(now, accepted || giveUp ? 0 : retryDelaySeconds(settings, number)),
      },
    );
    return accepted;
  }

  async function deliverWebhooks(now: Date): Promise<{ attempts: number; delivered: number }> {
    const claimed = await claimDueDeliveries(db, now, addSeconds(now, CLAIM_LEASE_SECONDS), BATCH);
    let delivered = 0;
    // A few endpoints at a time: one slow receiver must not hold up the others for long.
    for (let i = 0; i < claimed.length; i += 8) {
      const results = await Promise.all(claimed.slice(i, i + 8).map((c) => attemptWebhook({ ...c, endpointId: c.endpoint_id, eventId: c.event_id }, now)));
      delivered += results.filter(Boolean).length;
    }
    return { attempts: claimed.length, delivered };
  }

  async function round(now: Date): Promise<RelayRound> {
    const overdue = await flagOverdue(now);
    const dueSoon = await flagDueSoon(now);
    const sequenced = await sequenceNotifications(db, now);
    let peerDelivered = 0;
    for (const topic of ['ACCESS_LOG', 'GAP', 'NOTIFICATION'] as const) peerDelivered += await deliverToPeer(topic, now);
    const webhooks = await deliverWebhooks(now);
    return { overdue, dueSoon, sequenced, peerDelivered, webhookAttempts: webhooks.attempts, webhookDelivered: webhooks.delivered };
  }

  // The loop (rounds never overlap in one process: PGlite has one session) is the shared outbox relay's.
  return createOutboxRelay({ intervalMs: settings.relayIntervalMs, logger, round });
}
