import type { HubConfig } from '@hub/config';
import { type Db, rowsOf, sql } from '@hub/db';
import type { Logger } from './logger.ts';

/**
 * Retention: each subgraph names what it removes (or clears) after its term, as tasks; the kit runs them in batches,
 * logs one line per task with the count (never a row's content) and one line for the run. Several replicas may run
 * it at once: every batch claims its rows with `FOR UPDATE SKIP LOCKED`, so two runs never take the same row and a
 * second run finds nothing left. Terms come from the configuration (RETENTION_*), the date from `asOf`, so a test
 * moves time forward by passing a later date.
 */
export interface RetentionTask {
  /** `schema.table` and what happens, e.g. `cases.trajectory` (for the log line). */
  table: string;
  /** `deleted` or `cleared` (free text emptied, the row kept). */
  effect: 'deleted' | 'cleared';
  /** Removes at most `batchSize` rows past their term as of `asOf`; returns how many. */
  batch(db: Db, asOf: Date, batchSize: number): Promise<number>;
}

/**
 * A task that deletes, per batch, at most `batchSize` rows of `table` whose ids `candidates` selects as of `asOf` (a
 * `select <alias>.id from …` without limit). The candidates are locked with SKIP LOCKED; `lockOf` names the alias to
 * lock when the select joins other tables.
 */
export function deleteExpired(table: string, candidates: (asOf: Date) => ReturnType<typeof sql>, options: { lockOf?: string } = {}): RetentionTask {
  const lock = options.lockOf ? sql.raw(`for update of ${options.lockOf} skip locked`) : sql.raw('for update skip locked');
  return {
    table,
    effect: 'deleted',
    batch: async (db, asOf, batchSize) =>
      rowsOf(await db.execute(sql`delete from ${sql.raw(table)} where id in (${candidates(asOf)} limit ${batchSize} ${lock}) returning 1`)).length,
  };
}

/**
 * A task that calls an owner's purge function `fn(before timestamptz, batch int) returns int` (the tables whose runtime
 * role may not delete: the access log, a referral's timeline); the function enforces its own floor.
 */
export function purgeByOwnerFunction(table: string, fn: string, before: (asOf: Date) => Date): RetentionTask {
  return {
    table,
    effect: 'deleted',
    batch: async (db, asOf, batchSize) => {
      const [row] = rowsOf<{ removed: number }>(
        await db.execute(sql`select ${sql.raw(fn)}(${before(asOf).toISOString()}::timestamptz, ${batchSize}) as removed`),
      );
      return Number(row?.removed ?? 0);
    },
  };
}

export interface RetentionRunResult {
  asOf: string;
  /** Rows per task, keyed `schema.table`. */
  counts: Record<string, number>;
}

/** At most this many batches per task in one run, so a huge backlog cannot hold a run for hours; the next run goes on. */
const MAX_BATCHES = 1000;

/** Runs every task until it has nothing left (or MAX_BATCHES), as of `asOf`. */
export async function runRetention(options: {
  subgraph: string;
  db: Db;
  tasks: readonly RetentionTask[];
  config: HubConfig;
  logger?: Logger | undefined;
  asOf?: Date | undefined;
}): Promise<RetentionRunResult> {
  const asOf = options.asOf ?? new Date();
  const batchSize = options.config.retention.batchSize;
  const counts: Record<string, number> = {};
  const started = performance.now();
  for (const task of options.tasks) {
    let total = 0;
    for (let n = 0; n < MAX_BATCHES; n += 1) {
      const removed = await task.batch(options.db, asOf, batchSize);
      total += removed;
      if (removed < batchSize) break;
    }
    counts[task.table] = (counts[task.table] ?? 0) + total;
    options.logger?.info({ retention: { table: task.table, effect: task.effect, rows: total } }, 'retention purge');
  }
  options.logger?.info(
    { retention: { subgraph: options.subgraph, asOf: asOf.toISOString(), tables: options.tasks.length, ms: Math.round(performance.now() - started) } },
    'retention run finished',
  );
  return { asOf: asOf.toISOString(), counts };
}

/** `asOf` minus whole years / months / days, in UTC (a term in days of 24 hours would drift with leap years). */
export function termBefore(asOf: Date, term: { years?: number; months?: number; days?: number }): Date {
  const d = new Date(asOf.getTime());
  if (term.years) d.setUTCFullYear(d.getUTCFullYear() - term.years);
  if (term.months) d.setUTCMonth(d.getUTCMonth() - term.months);
  if (term.days) d.setUTCDate(d.getUTCDate() - term.days);
  return d;
}

/**
 * The daily purge beside a subgraph's server: first run a minute after start (so a fleet restart does not purge at
 * once), then every RETENTION_PURGE_INTERVAL_HOURS; 0 runs none. A failed run is logged and tried at the next interval.
 */
export function createRetentionJob(options: { subgraph: string; db: Db; tasks: readonly RetentionTask[]; config: HubConfig; logger: Logger }) {
  const intervalMs = options.config.retention.purgeIntervalHours * 3_600_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const run = () => {
    running = runRetention(options)
      .catch((error: unknown) => {
        options.logger.error(
          { err: { type: error instanceof Error ? error.name : 'unknown', code: (error as { code?: string }).code } },
          'retention run failed',
        );
      })
      .finally(() => {
        running = undefined;
        if (!stopped) schedule(intervalMs);
      });
  };
  const schedule = (ms: number) => {
    timer = setTimeout(run, ms);
    timer.unref();
  };
  return {
    start() {
      if (intervalMs <= 0 || options.tasks.length === 0) return;
      stopped = false;
      schedule(Math.min(60_000, intervalMs));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
