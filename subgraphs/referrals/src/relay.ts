import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ReferralSettings } from '@hub/config';
import { rowsOf, type Db } from '@hub/db';
import type { Logger } from '@hub/service-kit';
import { amsterdamDate, daysBetween } from './deadlines.ts';
import { insertOutbox, insertTimelineEvents, type NewOutboxRow, type NewTimelineRow, type ReferralRow } from './db/queries.ts';
import { outbox, referral, webhookAttempt, webhookDelivery, webhookEndpoint } from './db/schema.ts';
import { accessLogEntryOf, gapEventOf, gapEventRow, notificationRow, type OutboxPayload } from './events.ts';
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

const CLAIM_LEASE_SECONDS = 120;
const BATCH = 100;
const SEQUENCE_LOCK = 727_301;

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
      const respond = await tx
        .update(referral)
        .set({ respondOverdueAt: now })
        .where(sql`${referral.status} = 'REQUESTED' and ${referral.respondBy} < ${today}::date and ${referral.respondOverdueAt} is null`)
        .returning();
      const start = await tx
        .update(referral)
        .set({ startOverdueAt: now })
        .where(sql`${referral.status} = 'ACCEPTED' and ${referral.startBy} < ${today}::date and ${referral.startOverdueAt} is null`)
        .returning();
      const flagged: ReferralRow[] = [...respond, ...start];
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

  /** Gives committed notifications their polling position (in commit-visible order) and creates their webhook deliveries. */
  async function sequence(now: Date): Promise<number> {
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEQUENCE_LOCK})`);
      const sequenced = rowsOf<{ id: string }>(
        await tx.execute(sql`with next as (
            select id, row_number() over (order by seq) + coalesce((select max(position) from ${outbox}), 0) as pos
            from ${outbox} where topic = 'REFERRAL' and position is null order by seq limit 500)
          update ${outbox} o set position = next.pos from next where o.id = next.id returning o.id`),
      );
      if (sequenced.length === 0) return 0;
      await tx.execute(sql`insert into ${webhookDelivery} (id, endpoint_id, event_id, status, attempts, next_attempt_at, created_at)
        select gen_random_uuid(), e.id, o.id, 'PENDING', 0, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        from ${outbox} o join ${webhookEndpoint} e on e.organization_id = any(o.audience) and e.active
        where o.id = any(${sql.param(sequenced.map((s) => s.id))}::uuid[])
        on conflict do nothing`);
      return sequenced.length;
    });
  }

  /** Claims due outbox rows of one topic for delivery to a peer; the lease keeps other relays off them meanwhile. */
  async function claimOutbox(topic: 'ACCESS_LOG' | 'GAP', now: Date) {
    return rowsOf<{ id: string; payload: OutboxPayload; attempts: number }>(
      await db.execute(sql`update ${outbox} o set next_attempt_at = ${addSeconds(now, CLAIM_LEASE_SECONDS).toISOString()}::timestamptz,
          attempts = o.attempts + 1
        where o.id in (select id from ${outbox} where topic = ${topic} and delivered_at is null
          and next_attempt_at <= ${now.toISOString()}::timestamptz order by seq limit ${BATCH} for update skip locked)
        returning o.id, o.payload, o.attempts`),
    );
  }

  async function deliverToPeer(topic: 'ACCESS_LOG' | 'GAP', now: Date): Promise<number> {
    if (topic === 'ACCESS_LOG' ? !peers.hasCases() : !peers.hasSignals()) return 0;
    const claimed = await claimOutbox(topic, now);
    if (claimed.length === 0) return 0;
    const ids = claimed.map((c) => c.id);
    try {
      // Both peers are idempotent on eventId, so a batch that was delivered but not marked is harmless to resend.
      if (topic === 'ACCESS_LOG') await peers.writeAccessLog(claimed.map((c) => accessLogEntryOf(c.payload)));
      else await peers.deliverGapEvents(claimed.map((c) => gapEventOf(c.payload)));
      await db.execute(sql`update ${outbox} set delivered_at = ${now.toISOString()}::timestamptz, last_error = null
        where id = any(${sql.param(ids)}::uuid[])`);
      return claimed.length;
    } catch (error) {
      const attempts = Math.max(...claimed.map((c) => c.attempts));
      const next = addSeconds(now, retryDelaySeconds(settings, attempts));
      await db.execute(sql`update ${outbox} set next_attempt_at = ${next.toISOString()}::timestamptz,
        last_error = ${error instanceof Error ? error.name : 'error'} where id = any(${sql.param(ids)}::uuid[])`);
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
    const giveUp = refused || (!accepted && number >= settings.webhookMaxAttempts);
    await db.transaction(async (tx) => {
      await tx.insert(webhookAttempt).values({
        id: randomUUID(),
        deliveryId: d.id,
        number,
        attemptedAt: now,
        statusCode,
        accepted,
        error,
        durationMs: Math.round(performance.now() - started),
      });
      await tx.execute(sql`update ${webhookDelivery} set attempts = ${number},
        status = ${accepted ? 'DELIVERED' : giveUp ? 'FAILED' : 'PENDING'},
        delivered_at = ${accepted ? now.toISOString() : null}::timestamptz,
        next_attempt_at = ${addSeconds(now, accepted || giveUp ? 0 : retryDelaySeconds(settings, number)).toISOString()}::timestamptz
        where id = ${d.id}::uuid`);
    });
    return accepted;
  }

  async function deliverWebhooks(now: Date): Promise<{ attempts: number; delivered: number }> {
    const claimed = rowsOf<{
      id: string;
      endpoint_id: string;
      attempts: number;
      url: string;
      secret: string;
      event_id: string;
      payload: Record<string, unknown>;
    }>(
      await db.execute(sql`with due as (
          select d.id from ${webhookDelivery} d where d.status = 'PENDING' and d.next_attempt_at <= ${now.toISOString()}::timestamptz
          order by d.next_attempt_at limit ${BATCH} for update skip locked)
        update ${webhookDelivery} d set next_attempt_at = ${addSeconds(now, CLAIM_LEASE_SECONDS).toISOString()}::timestamptz
        from due, ${webhookEndpoint} e, ${outbox} o
        where d.id = due.id and e.id = d.endpoint_id and o.id = d.event_id
        returning d.id, d.endpoint_id, d.attempts, e.url, e.secret, d.event_id, o.payload`),
    );
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
    const sequenced = await sequence(now);
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
