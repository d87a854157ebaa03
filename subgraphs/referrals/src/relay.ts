import { randomUUID } from 'node:crypto';
import type { ReferralSettings } from '@hub/config';
import type { Db } from '@hub/db';
import type { Logger } from '@hub/service-kit';
import { amsterdamDate, daysBetween } from './deadlines.ts';
import {
  claimDueDeliveries,
  claimOutbox,
  deferOutbox,
  flagOverdueReferrals,
  insertOutbox,
  markOutboxDelivered,
  recordWebhookAttempt,
  sequenceNotifications,
} from './db/outbox.ts';
import type { NewOutboxRow, NewTimelineRow } from './db/queries.ts';
import { insertTimelineEvents } from './db/writes.ts';
import { accessLogEntryOf, gapEventOf, gapEventRow, notificationRow } from './events.ts';
import type { PeerClient } from './peers.ts';
import { postWebhook } from './webhook-post.ts';
import { DELIVERY_ID_HEADER, EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook-signature.ts';
import { checkWebhookTarget, loggableOrigin, resolveWithSystemDns, type HostResolver } from './webhook-target.ts';

/**
 * The relay: one loop per process that (1) flags overdue referrals and emits their gap events, (2) gives committed
 * notifications their polling position and fans them out to webhook endpoints, (3) delivers access-log lines to the
 * cases subgraph and gap events to the signals subgraph, (4) delivers webhooks with retries and exponential backoff.
 * Several processes may run it at once: batches are claimed with row locks (SKIP LOCKED) or an advisory lock.
 */

interface RelayRound {
  overdue: number;
  sequenced: number;
  peerDelivered: number;
  webhookAttempts: number;
  webhookDelivered: number;
}

export interface Relay {
  /** One full round now; `now` lets tests move the clock forward past backoff delays and deadlines. */
  runOnce(options?: { now?: Date }): Promise<RelayRound>;
  /** Asks the loop for a round soon (after a change), without waiting for it. */
  kick(): void;
  start(): void;
  stop(): Promise<void>;
}

/** Seconds to wait after the n-th failed attempt: base × 2^(n−1), at most max. */
export function retryDelaySeconds(settings: ReferralSettings, failedAttempts: number): number {
  return Math.min(settings.webhookRetryMaxSeconds, settings.webhookRetryBaseSeconds * 2 ** Math.max(0, failedAttempts - 1));
}

/**
 * The most attempts one delivery ever gets, so its delivery log (WebhookDelivery.attempts) is complete and bounded: the
 * retry schedule stops at WEBHOOK_MAX_ATTEMPTS (at most 50) and redeliverWebhook refuses a delivery that reached this.
 */
export const MAX_DELIVERY_ATTEMPTS = 100;

const CLAIM_LEASE_SECONDS = 120;
const BATCH = 100;

export function createRelay(deps: {
  db: Db;
  settings: ReferralSettings;
  peers: PeerClient;
  logger: Logger;
  /** How webhook hosts are resolved right before each delivery (system DNS; tests pass their own answers). */
  resolveHost?: HostResolver;
}): Relay {
  const { db, settings, peers, logger } = deps;
  const resolveHost = deps.resolveHost ?? resolveWithSystemDns;
  const webhookRules = { allowHttp: settings.webhookAllowHttp, allowedPrivateRanges: settings.webhookAllowedPrivateRanges };
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let kicked = false;

  const addSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

  async function flagOverdue(now: Date): Promise<number> {
    const today = amsterdamDate(now);
    return db.transaction(async (tx) => {
      const flagged = await flagOverdueReferrals(tx, today, now);
      const rows: NewOutboxRow[] = [];
      const events: NewTimelineRow[] = [];
      for (const r of flagged) {
        const deadline = r.status === 'REQUESTED' ? 'RESPOND_BY' : 'START_BY';
        events.push({
          id: randomUUID(),
          referralId: r.id,
          occurredAt: now,
          action: 'OVERDUE',
          fromStatus: r.status,
          toStatus: r.status,
          reasonCode: deadline,
          version: r.version,
        });
        rows.push(notificationRow(r, 'OVERDUE', r.status, now));
        const waitDays = r.sentAt ? daysBetween(amsterdamDate(r.sentAt), today) : null;
        rows.push(gapEventRow(r, 'OVERDUE', 'OVERDUE', waitDays, null, now));
      }
      await insertTimelineEvents(tx, events);
      await insertOutbox(tx, rows);
      return flagged.length;
    });
  }

  async function deliverToPeer(topic: 'ACCESS_LOG' | 'GAP', now: Date): Promise<number> {
    if (topic === 'ACCESS_LOG' ? !peers.hasCases() : !peers.hasSignals()) return 0;
    const claimed = await claimOutbox(db, topic, now, addSeconds(now, CLAIM_LEASE_SECONDS), BATCH);
    if (claimed.length === 0) return 0;
    const ids = claimed.map((c) => c.id);
    try {
      // Both peers are idempotent on eventId, so a batch that was delivered but not marked is harmless to resend.
      if (topic === 'ACCESS_LOG') await peers.writeAccessLog(claimed.map((c) => accessLogEntryOf(c.payload)));
      else await peers.deliverGapEvents(claimed.map((c) => gapEventOf(c.payload)));
      await markOutboxDelivered(db, ids, now);
      return claimed.length;
    } catch (error) {
      const attempts = Math.max(...claimed.map((c) => c.attempts));
      const next = addSeconds(now, retryDelaySeconds(settings, attempts));
      await deferOutbox(db, ids, next, error instanceof Error ? error.name : 'error');
      logger.warn({ topic, events: ids.length, err: error instanceof Error ? error.name : 'unknown' }, 'outbox delivery to peer failed');
      return 0;
    }
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
    const sequenced = await sequenceNotifications(db, now);
    const peerDelivered = (await deliverToPeer('ACCESS_LOG', now)) + (await deliverToPeer('GAP', now));
    const webhooks = await deliverWebhooks(now);
    return { overdue, sequenced, peerDelivered, webhookAttempts: webhooks.attempts, webhookDelivered: webhooks.delivered };
  }

  const runOnce = (options: { now?: Date } = {}): Promise<RelayRound> => {
    // Rounds in one process never overlap: PGlite has one session, and it keeps the logs readable.
    const next = chain.then(() => round(options.now ?? new Date()));
    chain = next.catch(() => undefined);
    return next;
  };

  const schedule = (ms: number) => {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      kicked = false;
      runOnce()
        .catch((error: unknown) => logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'relay round failed'))
        .finally(() => schedule(settings.relayIntervalMs));
    }, ms);
    timer.unref();
  };

  return {
    runOnce,
    kick() {
      if (!running || kicked) return;
      kicked = true;
      schedule(0);
    },
    start() {
      if (running || settings.relayIntervalMs === 0) return;
      running = true;
      schedule(settings.relayIntervalMs);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await chain;
    },
  };
}
