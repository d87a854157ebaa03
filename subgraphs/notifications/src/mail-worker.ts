import nodemailer, { type Transporter } from 'nodemailer';
import type { NotificationSettings } from '@hub/config';
import type { NotificationKind } from '@hub/contracts';
import type { Db } from '@hub/db';
import { amsterdamDate } from '@hub/domain';
import { backoffSeconds, createOutboxRelay, type Logger, type OutboxRelay, type ServiceMetrics } from '@hub/service-kit';
import {
  claimDueMessages,
  createDigests,
  findDigestContents,
  findImmediateContents,
  markMessageFailed,
  markMessageSent,
  type ClaimedMessage,
} from './db/queries.ts';
import { digestMail, immediateMail } from './email-text.ts';
import type { LightLinkDeps } from './light-links/deps.ts';
import { renderLinkMessage } from './light-links/messages.ts';
import { consolePathOf } from './paths.ts';

/**
 * The e-mail worker: one loop per process that (1) makes the daily digests once the digest hour has passed, and
 * (2) sends due PENDING messages over SMTP. Several processes may run it at once: messages are claimed with row locks
 * (SKIP LOCKED) and a lease, so none is sent by two at the same time, and one whose process died is sent after the
 * lease. A failure is retried with exponential backoff; only its class is kept (never the server's text, which may
 * hold an address). Each message is sent on its own, so one failing never holds up the others.
 */

export interface MailRound {
  digests: number;
  attempted: number;
  sent: number;
  failed: number;
}

/** The e-mail loop: the shared relay loop (one round at a time; `runOnce({ now })` lets tests move the clock). */
export type MailWorker = OutboxRelay<MailRound>;

const CLAIM_LEASE_SECONDS = 120;
const BATCH = 50;
const PARALLEL = 8;
const MAX_BATCHES_PER_ROUND = 20;
/** A LINK message whose rendering threw: retried like a failed send. */
const RENDER_FAILED = Symbol('render failed');

/** Seconds to wait after the n-th failed attempt: base × 2^(n−1), at most max. */
export function mailRetryDelaySeconds(settings: NotificationSettings, failedAttempts: number): number {
  return backoffSeconds({ baseSeconds: settings.retryBaseSeconds, maxSeconds: settings.retryMaxSeconds }, failedAttempts);
}

const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' });

/** The hour of the day (0 to 23) in the Netherlands at an instant. */
export function amsterdamHour(at: Date): number {
  return Number(hourFormat.format(at));
}

/** The domain of the From address: Message-IDs are `<message id@domain>`, so a receiver can tell a resend. */
function domainOf(mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return /@([A-Za-z0-9.-]+)\s*$/.exec(address)?.[1] ?? 'hub.localhost';
}

/** The class of a failed send, for last_error and the logs: nodemailer's code and the SMTP reply code, no text. */
function errorClass(error: unknown): { label: string; permanent: boolean } {
  const e = error as { code?: unknown; responseCode?: unknown } | null;
  const code = typeof e?.code === 'string' && /^[A-Z_]{2,30}$/.test(e.code) ? e.code : 'ERROR';
  const reply = typeof e?.responseCode === 'number' ? e.responseCode : undefined;
  // A 5xx reply refuses the message itself (an unknown mailbox, a policy): sending it again gives the same answer.
  return { label: reply ? `${code} ${reply}` : code, permanent: reply !== undefined && reply >= 500 && reply < 600 };
}

interface Outgoing {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
}

export function createMailWorker(deps: {
  db: Db;
  settings: NotificationSettings;
  lightLinks: LightLinkDeps;
  logger: Logger;
  /** Counts e-mails not sent (hub_email_failures_total). */
  metrics?: ServiceMetrics | undefined;
  /** How long a claim holds a message (default 120 s); tests shorten it. */
  leaseSeconds?: number | undefined;
}): MailWorker {
  const { db, settings, lightLinks, logger, metrics } = deps;
  const leaseSeconds = deps.leaseSeconds ?? CLAIM_LEASE_SECONDS;
  const transport: Transporter | undefined = settings.smtpUrl
    ? nodemailer.createTransport({ url: settings.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
    : undefined;
  const domain = domainOf(settings.mailFrom);

  const addSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

  /** What each claimed message says and where it goes; null for one that cannot be made (a LINK no longer valid). */
  async function render(claimed: ClaimedMessage[], now: Date): Promise<Map<string, Outgoing | null | typeof RENDER_FAILED>> {
    const out = new Map<string, Outgoing | null | typeof RENDER_FAILED>();
    const ids = (type: ClaimedMessage['type']) => claimed.filter((m) => m.type === type).map((m) => m.id);
    for (const row of await findImmediateContents(db, ids('IMMEDIATE'))) {
      out.set(row.messageId, row.email ? { to: row.email, ...immediateMail(row.kind, settings.consoleUrl, consolePathOf(row.itemType, row.itemId)) } : null);
    }
    const digests = new Map<string, { email: string | null; counts: Map<NotificationKind, number> }>();
    for (const row of await findDigestContents(db, ids('DIGEST'))) {
      const digest = digests.get(row.messageId) ?? { email: row.email, counts: new Map() };
      digest.counts.set(row.kind, row.n);
      digests.set(row.messageId, digest);
    }
    for (const [id, digest] of digests) out.set(id, digest.email ? { to: digest.email, ...digestMail(digest.counts, settings.consoleUrl) } : null);
    for (const m of claimed) {
      const linkId = m.light_link_id;
      if (m.type !== 'LINK' || !linkId) continue;
      try {
        // Not inside a transaction: rendering asks the sociale kaart and referrals, which share PGlite's one session. Its
        // one write (the fresh token's hash) commits on its own before the e-mail leaves.
        out.set(m.id, await renderLinkMessage(db, linkId, now, lightLinks));
      } catch (error) {
        out.set(m.id, RENDER_FAILED);
        logger.warn({ messageId: m.id, err: error instanceof Error ? error.name : 'unknown' }, 'link e-mail could not be made');
      }
    }
    return out;
  }

  async function attempt(message: ClaimedMessage, outgoing: Outgoing | null | typeof RENDER_FAILED, sender: Transporter, now: Date): Promise<boolean> {
    if (outgoing === RENDER_FAILED) {
      await failOrRetry(message, 'RENDER_ERROR', false, now);
      return false;
    }
    if (!outgoing) {
      // Nothing to send: the link expired or was revoked, or the recipient's address is gone.
      await markMessageFailed(db, message.id, { giveUp: true, nextAttemptAt: now, error: message.type === 'LINK' ? 'link unavailable' : 'no address' });
      metrics?.countEmailFailure(message.type === 'LINK' ? 'link_unavailable' : 'no_address', true);
      return false;
    }
    try {
      await sender.sendMail({
        from: settings.mailFrom,
        to: outgoing.to,
        subject: outgoing.subject,
        text: outgoing.text,
        ...(outgoing.html ? { html: outgoing.html } : {}),
        messageId: `<${message.id}@${domain}>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      await markMessageSent(db, message.id, now);
      return true;
    } catch (error) {
      const { label, permanent } = errorClass(error);
      await failOrRetry(message, label, permanent, now);
      return false;
    }
  }

  async function failOrRetry(message: ClaimedMessage, label: string, permanent: boolean, now: Date): Promise<void> {
    const number = message.attempts + 1;
    const giveUp = permanent || number >= settings.maxAttempts;
    await markMessageFailed(db, message.id, { giveUp, nextAttemptAt: addSeconds(now, giveUp ? 0 : mailRetryDelaySeconds(settings, number)), error: label });
    logger.warn({ messageId: message.id, type: message.type, attempt: number, err: label, giveUp }, 'e-mail not sent');
    metrics?.countEmailFailure(label === 'RENDER_ERROR' ? 'render' : 'smtp', giveUp);
  }

  /**
   * Every claim of a round leases its messages until the round's `now` plus the lease. Once half of that has passed in
   * real time (whatever clock the round was given), no further send of the round starts: the rest stay leased and are
   * claimed again after the lease, here or by another process. So a slow SMTP server never lets another process claim
   * a message this one is still sending (each send is bounded by the transport's timeouts, well under half the lease).
   */
  async function send(now: Date, startedAt: number): Promise<{ attempted: number; sent: number; failed: number }> {
    const leaseHalfGone = () => performance.now() - startedAt > (leaseSeconds * 1000) / 2;
    let attempted = 0;
    let sent = 0;
    if (!transport) return { attempted, sent, failed: 0 };
    // Batch after batch until the due ones are done (a claimed message is leased, so it is not claimed twice), with a
    // bound so one round never runs for ever.
    for (let batch = 0; batch < MAX_BATCHES_PER_ROUND && !leaseHalfGone(); batch++) {
      const claimed = await claimDueMessages(db, now, addSeconds(now, leaseSeconds), BATCH);
      const contents = await render(claimed, now);
      let tried = 0;
      for (; tried < claimed.length; tried += PARALLEL) {
        if (leaseHalfGone()) break;
        const results = await Promise.all(claimed.slice(tried, tried + PARALLEL).map((m) => attempt(m, contents.get(m.id) ?? null, transport, now)));
        sent += results.filter(Boolean).length;
      }
      attempted += Math.min(tried, claimed.length);
      if (tried < claimed.length) {
        logger.warn({ left: claimed.length - tried }, 'e-mail round stopped halfway through its lease; the rest are sent after it');
        break;
      }
      if (claimed.length < BATCH) break;
    }
    return { attempted, sent, failed: attempted - sent };
  }

  async function round(now: Date): Promise<MailRound> {
    const startedAt = performance.now();
    const digests = amsterdamHour(now) >= settings.digestHour ? await createDigests(db, amsterdamDate(now), now) : 0;
    return { digests, ...(await send(now, startedAt)) };
  }

  const loop = createOutboxRelay({ intervalMs: settings.mailIntervalMs, logger, round });
  return {
    ...loop,
    async stop() {
      await loop.stop();
      transport?.close();
    },
  };
}
