import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { context, createContextKey, SpanKind, SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';
import postgres from 'postgres';

/** A drizzle handle on either driver; a transaction handle has the same type. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The server URL it was opened with (PostgreSQL only): the migrate step opens owner connections to the same database. */
  url?: string | undefined;
  /** SQL statements issued through this handle since it was opened (tests and benchmarks read it). */
  stats: { statements: number };
  /** What the driver is doing now and has done: the metrics read it (pool use, statement time). */
  activity: DatabaseActivity;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; without it the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; omitted or `inMemory` for a throw-away database. */
  dataDir?: string | undefined;
  inMemory?: boolean | undefined;
  /**
   * PGlite in memory only: start from this data directory (a tarball of {@link emptyPgliteDataDir}) instead of running
   * initdb, which takes seconds per instance. Tests open many throw-away databases.
   */
  fromDataDir?: Blob | undefined;
  poolSize?: number | undefined;
  /**
   * PostgreSQL only: a role every connection acts as from its start (the `role` setting in the start-up packet, so a
   * reconnect keeps it): the migrate step's owner connections. The URL's user must be a member of it (or a superuser).
   */
  role?: string | undefined;
}

/**
 * The driver's work as the metrics see it. `poolSize` is the most statements that can run at once (postgres.js: the
 * pool's connections; PGlite: its one session); `inFlight` above it means statements wait for a connection.
 */
export interface DatabaseActivity {
  driver: 'pglite' | 'postgres';
  poolSize: number;
  inFlight: number;
  /** Statements finished (successfully or not) and the seconds they took together. */
  completed: number;
  seconds: number;
  failed: number;
}

/**
 * The tracer of the service whose work is running, put into the OpenTelemetry context by its request span. Statements
 * run under it get a span of their own; without one (no tracing, start-up, background loops) they get none.
 */
export const STATEMENT_TRACER = createContextKey('hub.statement-tracer');

/** `select`, `insert`, ... : the span's name, from the statement's first word only. */
function statementKind(text: string): string {
  const word = /^\s*\(?\s*([A-Za-z]+)/.exec(text)?.[1]?.toLowerCase();
  return word && word.length <= 12 ? word : 'statement';
}

/**
 * Runs one statement, counting it in `activity`, and under a service's tracer in a span of its own. The span holds the
 * statement's SQL text only: drizzle sends every value as a parameter, and parameters are never recorded.
 */
function observeStatement<T>(activity: DatabaseActivity, text: string, run: () => Promise<T>): Promise<T> {
  const tracer = context.active().getValue(STATEMENT_TRACER) as Tracer | undefined;
  const started = performance.now();
  activity.inFlight++;
  const finish = (ok: boolean, span: Span | undefined) => {
    activity.inFlight--;
    activity.completed++;
    if (!ok) activity.failed++;
    activity.seconds += (performance.now() - started) / 1000;
    span?.end();
  };
  const observed = (span?: Span): Promise<T> =>
    run().then(
      (result) => {
        finish(true, span);
        return result;
      },
      (error: unknown) => {
        // The error's class only: a driver message can quote a value.
        span?.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
        finish(false, span);
        throw error;
      },
    );
  if (!tracer) return observed();
  const attributes = { 'db.system': 'postgresql', 'db.statement': text };
  return tracer.startActiveSpan(`db.${statementKind(text)}`, { kind: SpanKind.CLIENT, attributes }, observed);
}

type PendingQuery = ReturnType<Sql['unsafe']>;

/**
 * A postgres.js query runs when it is awaited (`then`), after drizzle may have asked for `.values()`: the view keeps
 * those calls on the query and measures from the first `then` to its answer.
 */
function observedQuery(query: PendingQuery, text: string, activity: DatabaseActivity): PendingQuery {
  let settled: Promise<unknown> | undefined;
  const run = () => (settled ??= observeStatement(activity, text, () => new Promise((resolve, reject) => query.then(resolve, reject))));
  const view: PendingQuery = new Proxy(query, {
    get(target, property) {
      if (property === 'then') return (onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown) => run().then(onFulfilled, onRejected);
      if (property === 'catch') return (onRejected?: (e: unknown) => unknown) => run().catch(onRejected);
      if (property === 'finally') return (onFinally?: () => void) => run().finally(onFinally);
      if (property === 'values' || property === 'raw') {
        return () => {
          target[property]();
          return view;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return view;
}

/** The PGlite client (or a transaction of it) with every statement observed like postgres.js's. */
function observedPglite<T extends Pick<PGliteInterface, 'query' | 'exec'>>(client: T, activity: DatabaseActivity): T {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'query') {
        return (text: string, ...rest: unknown[]) =>
          observeStatement(activity, text, () => (target.query as (...a: unknown[]) => Promise<unknown>)(text, ...rest));
      }
      if (property === 'exec') {
        return (text: string, ...rest: unknown[]) =>
          observeStatement(activity, text, () => (target.exec as (...a: unknown[]) => Promise<unknown>)(text, ...rest));
      }
      if (property === 'transaction') {
        const transaction = Reflect.get(target, property, target) as (fn: (tx: unknown) => Promise<unknown>) => Promise<unknown>;
        return (fn: (tx: T) => Promise<unknown>) => transaction.call(target, (tx) => fn(observedPglite(tx as T, activity)));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const statementScope = new AsyncLocalStorage<{ statements: number }>();

/** Counts the statements issued inside `fn` (per request, for logs and benchmarks). */
export function countStatements<T>(counter: { statements: number }, fn: () => T): T {
  return statementScope.run(counter, fn);
}

function countingLogger(stats: { statements: number }): Logger {
  return {
    logQuery() {
      stats.statements++;
      const scope = statementScope.getStore();
      if (scope) scope.statements++;
    },
  };
}

type Sql = postgres.Sql;
type UnsafeArgs = Parameters<Sql['unsafe']>;

/**
 * drizzle sends every statement unnamed (`prepare: false`), so PostgreSQL parses and plans it again on every
 * execution: a few milliseconds for the search and aggregation statements. This view of the client sends them as
 * named prepared statements instead (postgres.js keeps them per connection, keyed by text and types), inside
 * transactions too. Statement texts come from code with `= ANY($1)` parameters, so their number stays bounded.
 */
function withPreparedStatements(client: Sql, activity: DatabaseActivity): Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: UnsafeArgs[0], parameters?: UnsafeArgs[1], options?: UnsafeArgs[2]) =>
          observedQuery(target.unsafe(query, parameters, { ...options, prepare: true }), query, activity);
      }
      if (property === 'begin' || property === 'savepoint') {
        const original = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) =>
          original.apply(
            target,
            args.map((arg) => (typeof arg === 'function' ? (inner: Sql) => (arg as (c: Sql) => unknown)(withPreparedStatements(inner, activity)) : arg)),
          );
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** Opens the database. Nothing connects at import time; the caller owns the handle and closes it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const stats = { statements: 0 };
  const logger = countingLogger(stats);
  if (options.url) {
    const poolSize = options.poolSize ?? 10;
    const activity: DatabaseActivity = { driver: 'postgres', poolSize, inFlight: 0, completed: 0, seconds: 0, failed: 0 };
    const client = postgres(options.url, {
      max: poolSize,
      onnotice: () => {},
      // Reconnects transparently after a server restart; a statement in flight fails and is reported.
      idle_timeout: 60,
      connect_timeout: 10,
      ...(options.role ? { connection: { role: options.role } } : {}),
    });
    const db = drizzlePostgres({ client: withPreparedStatements(client, activity), logger }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      url: options.url,
      stats,
      activity,
      async ping() {
        try {
          await client`select 1`;
          return true;
        } catch {
          return false;
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  let dataDir: string | undefined;
  if (!options.inMemory && options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    dataDir = options.dataDir;
  }
  const fromDataDir = options.inMemory ? options.fromDataDir : undefined;
  const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(fromDataDir ? { loadDataDir: fromDataDir } : {}), extensions: { pg_trgm } });
  const activity: DatabaseActivity = { driver: 'pglite', poolSize: 1, inFlight: 0, completed: 0, seconds: 0, failed: 0 };
  const db = drizzlePglite({ client: observedPglite(client, activity), logger }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    stats,
    activity,
    async ping() {
      try {
        await client.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
}

/** A fresh PGlite data directory as initdb leaves it, as a tarball to open throw-away databases from (`fromDataDir`). */
export async function emptyPgliteDataDir(): Promise<Blob> {
  const client = await PGlite.create({ extensions: { pg_trgm } });
  try {
    return await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
}

/** Names the installed PGlite build (its entry module's path, size and time), for files made with one build only. */
export async function pgliteBuild(): Promise<string> {
  const main = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const { size, mtimeMs } = await stat(main);
  return createHash('sha256').update(`${main}:${size}:${mtimeMs}`).digest('hex').slice(0, 16);
}

/** Extensions every subgraph may rely on; created once before any migration. */
export async function prepareDatabase(database: Database): Promise<void> {
  await database.db.execute(sql`create extension if not exists pg_trgm`);
}

/** Applies one subgraph's committed migrations, tracked in that subgraph's own Postgres schema. */
export async function migrateSchema(database: Database, options: { folder: string; schema: string }): Promise<void> {
  const config = {
    migrationsFolder: options.folder,
    // One bookkeeping table per subgraph in a shared schema, so a subgraph's own migration can create its schema.
    migrationsSchema: 'drizzle',
    migrationsTable: `${options.schema}_migrations`,
  };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as Parameters<typeof migratePglite>[0], config);
  } else {
    await migratePostgres(database.db as unknown as Parameters<typeof migratePostgres>[0], config);
  }
}

/** Rows of a raw `execute` on either driver (postgres.js returns an array, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}

/**
 * `column = any($1::uuid[])`: a batch lookup with one array parameter, however many keys (an `IN` list of thousands
 * of parameters would hit Postgres' 65,535-parameter limit).
 */
export const anyUuid = (column: AnyColumn | SQL, ids: readonly string[]): SQL => sql`${column} = any(${sql.param([...ids])}::uuid[])`;

/** `column = any($1::text[])`: the same for codes and other text keys. */
export const anyText = (column: AnyColumn | SQL, values: readonly string[]): SQL => sql`${column} = any(${sql.param([...values])}::text[])`;

/**
 * A query built once per database handle and kept: for the statements every request of a hot path runs. drizzle builds
 * a statement's text from its query builder on every execution (a wide select or an insert of twenty columns costs more
 * CPU than the round trip); a prepared drizzle query (`.prepare(name)` with `sql.placeholder` for the values) is built
 * once. The driver still sends it as a named prepared statement, and every execution is counted like any other.
 */
export function builtOnce<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}

export { sql };
export * from './outbox.ts';
export * from './outbox-table.ts';
export * from './roles.ts';
