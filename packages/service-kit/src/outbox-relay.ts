import { claimOutboxRows, deferOutboxRows, markOutboxRowsDelivered, type Db, type OutboxTable } from '@hub/db';
import type { Logger } from './logger.ts';

/**
 * The relay of a transactional outbox (@hub/db `outboxColumns`): a loop that runs rounds one after another, never two
 * at once in a process (PGlite has one session), and `deliverOutboxTopic`, the step that claims due rows of one topic,
 * hands them to the receiver and marks them delivered, or defers them with exponential backoff. Delivery is at least
 * once: receivers are idempotent on the event id.
 */

export interface OutboxRelay<TRound> {
  /** One full round now; `now` lets tests move the clock past backoff delays and deadlines. */
  runOnce(options?: { now?: Date }): Promise<TRound>;
  /** Asks the loop for a round soon (after a change), without waiting for it. */
  kick(): void;
  start(): void;
  stop(): Promise<void>;
}

/** Retry n waits base × 2^(n−1) seconds, at most max seconds. */
export interface RetrySchedule {
  baseSeconds: number;
  maxSeconds: number;
}

export function backoffSeconds(retry: RetrySchedule, failedAttempts: number): number {
  return Math.min(retry.maxSeconds, retry.baseSeconds * 2 ** Math.max(0, failedAttempts - 1));
}

/** A loop of rounds every `intervalMs` (0: no loop; tests call runOnce). */
export function createOutboxRelay<TRound>(deps: { intervalMs: number; logger: Logger; round: (now: Date) => Promise<TRound> }): OutboxRelay<TRound> {
  const { intervalMs, logger } = deps;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let kicked = false;

  const runOnce = (options: { now?: Date } = {}): Promise<TRound> => {
    const next = chain.then(() => deps.round(options.now ?? new Date()));
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
        .catch((error: unknown) => logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'outbox relay round failed'))
        .finally(() => schedule(intervalMs));
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
      if (running || intervalMs === 0) return;
      running = true;
      schedule(intervalMs);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await chain;
    },
  };
}

/**
 * Delivers one batch of due rows of `topic` with `send`; returns how many were delivered. A failure defers the whole
 * batch by the backoff of its most-tried row and is logged with the error's class only (never a body or message).
 */
export async function deliverOutboxTopic<TPayload>(args: {
  db: Db;
  table: OutboxTable;
  topic: string;
  now: Date;
  send: (payloads: TPayload[]) => Promise<unknown>;
  retry: RetrySchedule;
  logger: Logger;
  batch?: number;
  leaseSeconds?: number;
}): Promise<number> {
  const { db, table, topic, now, retry, logger } = args;
  const leaseUntil = new Date(now.getTime() + (args.leaseSeconds ?? 120) * 1000);
  const claimed = await claimOutboxRows<TPayload>(db, table, { topic, now, leaseUntil, batch: args.batch ?? 100 });
  if (claimed.length === 0) return 0;
  const ids = claimed.map((c) => c.id);
  try {
    await args.send(claimed.map((c) => c.payload));
    await markOutboxRowsDelivered(db, table, ids, now);
    return claimed.length;
  } catch (error) {
    const attempts = Math.max(...claimed.map((c) => c.attempts));
    const name = error instanceof Error ? error.name : 'error';
    await deferOutboxRows(db, table, ids, new Date(now.getTime() + backoffSeconds(retry, attempts) * 1000), name);
    logger.warn({ topic, events: ids.length, err: name }, 'outbox delivery failed');
    return 0;
  }
}

/** Several pieces of background work (a subgraph's relays) started and stopped together. */
export function allBackground(...works: { start(): void; stop(): Promise<void> }[]) {
  return {
    start: () => {
      for (const w of works) w.start();
    },
    stop: async () => {
      await Promise.all(works.map((w) => w.stop()));
    },
  };
}
