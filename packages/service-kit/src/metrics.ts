import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { rowsOf, sql, type Database } from '@hub/db';

/**
 * Prometheus metrics of the hub. One registry per running hub (the one process of `npm start` and the tests, or one
 * stand-alone service), and every series carries a `service` label (gateway, cases, ...): the services of one process
 * share the registry without colliding, and a stand-alone service's series look exactly like the in-process ones.
 *
 * Labels only hold values from bounded sets the hub chooses: an operation name from the known list (else `other`, or
 * `anonymous` without a name), an error code of the shape the hub's codes have, a route, a status, a subgraph name.
 * Never a variable, a token, an id, a BSN or free text.
 */

const OPERATION_DEFINITION = /^(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]{0,63})\b/;
const ERROR_CODE_SHAPE = /^[A-Z][A-Z0-9_]{0,47}$/;

/**
 * Operation names from a persisted-documents manifest (the console's, from its codegen: METRICS_OPERATION_MANIFEST);
 * none when it cannot be read (an image without the console's sources), and then only METRICS_OPERATION_NAMES count.
 */
export function manifestOperationNames(manifest: string): string[] {
  try {
    const documents = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    return Object.values(documents).flatMap((d) => {
      const name = typeof d === 'string' ? OPERATION_DEFINITION.exec(d)?.[1] : undefined;
      return name ? [name] : [];
    });
  } catch {
    return [];
  }
}

/** The label of an operation name: itself when known, `anonymous` without one, `other` for any name a caller made up. */
export type OperationLabel = (name: string | null | undefined) => string;

export function operationLabeller(known: Iterable<string>): OperationLabel {
  const names = new Set(known);
  return (name) => (name === undefined || name === null || name === '' ? 'anonymous' : names.has(name) ? name : 'other');
}

/** An `extensions.code` as a label: the hub's codes and Apollo's have this shape; anything else is `OTHER`. */
export function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && ERROR_CODE_SHAPE.test(code) ? code : 'OTHER';
}

/** The gateway's and subgraphs' fixed routes; every other path (the console's files) is one label. */
export function routeLabel(pathname: string): string {
  if (pathname === '/graphql' || pathname === '/metrics' || pathname === '/health' || pathname === '/ready') return pathname;
  for (const prefix of ['/internal', '/hsds', '/downloads', '/iwlz']) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return prefix;
  }
  return 'other';
}

/** Why an outgoing webhook or e-mail was not delivered, as a label. */
export type DeliveryFailure = 'refused' | 'dns' | 'http_status' | 'timeout' | 'network' | 'render' | 'no_address' | 'link_unavailable' | 'smtp';

interface WatchedDatabase {
  service: string;
  database: Database;
  /** The service's Postgres schema, when it has an `outbox` table to watch. */
  schema: string | undefined;
}

export interface HubMetricsOptions {
  /** Operation names labelled by name (METRICS_OPERATION_NAMES); see also `manifest`. */
  operationNames?: readonly string[] | undefined;
  /** A persisted-documents manifest whose operations are labelled by name (METRICS_OPERATION_MANIFEST). */
  manifest?: string | undefined;
  /**
   * Also the Node.js process metrics (CPU, memory, event loop, GC) under their usual names (process_*, nodejs_*), with
   * this `service` label: `hub` for the in-process hub, else the service's name. Set when `/metrics` is served.
   */
  processLabel?: string | undefined;
}

/** What one service records; every call adds its own `service` label. */
export interface ServiceMetrics {
  readonly service: string;
  /** A GraphQL operation answered: its duration and the error codes of its answer. */
  observeOperation(operationName: string | null | undefined, seconds: number, errorCodes: readonly unknown[]): void;
  /** An HTTP answer of the service (health and readiness probes are not counted). */
  countResponse(pathname: string, status: number): void;
  countSubgraphUnavailable(subgraph: string, reason: string): void;
  countWebhookFailure(reason: DeliveryFailure, gaveUp: boolean): void;
  countEmailFailure(reason: DeliveryFailure, gaveUp: boolean): void;
  /** Reports the database's pool use, and the service's outbox backlog when its schema has an `outbox` table. */
  watchDatabase(database: Database, schema?: string): () => void;
  /** An Apollo Server plugin recording every operation; `nameOf` says which operation name the request carries. */
  operationPlugin<TContext extends BaseContext>(
    nameOf: (context: TContext, requestName: string | undefined) => string | undefined,
  ): ApolloServerPlugin<TContext>;
}

export interface HubMetrics {
  readonly registry: Registry;
  readonly operationLabel: OperationLabel;
  forService(service: string): ServiceMetrics;
  /** The exposition text (Prometheus text format 0.0.4). */
  render(): Promise<string>;
}

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createHubMetrics(options: HubMetricsOptions = {}): HubMetrics {
  const registry = new Registry();
  const operationLabel = operationLabeller([...(options.manifest ? manifestOperationNames(options.manifest) : []), ...(options.operationNames ?? [])]);
  if (options.processLabel) collectDefaultMetrics({ register: registry, labels: { service: options.processLabel } });
  const watched = new Set<WatchedDatabase>();

  const operations = new Counter({
    name: 'hub_graphql_operations_total',
    help: 'GraphQL operations answered, by service and operation name (known names only; else other / anonymous).',
    labelNames: ['service', 'operation'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'hub_graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its answer, by service and operation name.',
    labelNames: ['service', 'operation'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'hub_graphql_errors_total',
    help: 'Errors in GraphQL answers, by service, operation name and extensions.code.',
    labelNames: ['service', 'operation', 'code'],
    registers: [registry],
  });
  const responses = new Counter({
    name: 'hub_http_responses_total',
    help: 'HTTP answers, by service, route and status code (health and readiness probes not counted).',
    labelNames: ['service', 'route', 'status'],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'hub_rate_limited_total',
    help: 'Requests the gateway refused with 429 (rate limit), by route.',
    labelNames: ['service', 'route'],
    registers: [registry],
  });
  const unavailable = new Counter({
    name: 'hub_subgraph_unavailable_total',
    help: 'Subgraph calls of the gateway that got no answer (SUBGRAPH_UNAVAILABLE), by subgraph and reason.',
    labelNames: ['service', 'subgraph', 'reason'],
    registers: [registry],
  });
  const webhookFailures = new Counter({
    name: 'hub_webhook_delivery_failures_total',
    help: 'Webhook delivery attempts that failed, by reason; gave_up="true" when the delivery is now FAILED.',
    labelNames: ['service', 'reason', 'gave_up'],
    registers: [registry],
  });
  const emailFailures = new Counter({
    name: 'hub_email_failures_total',
    help: 'E-mails that could not be sent, by reason; gave_up="true" when no further attempt follows.',
    labelNames: ['service', 'reason', 'gave_up'],
    registers: [registry],
  });

  // Read at scrape time from the databases being watched.
  const watchedEntries = () => [...watched];
  const distinctDatabases = () => {
    const seen = new Map<Database, string[]>();
    for (const w of watched) seen.set(w.database, [...(seen.get(w.database) ?? []), w.service]);
    return seen;
  };
  const databaseLabels = (services: string[]) => ({ service: services.length === 1 ? (services[0] ?? 'hub') : 'hub' });
  new Gauge({
    name: 'hub_db_pool_size',
    help: 'Statements the database handle can run at once: postgres.js pool connections (DATABASE_POOL_SIZE), or 1 for PGlite.',
    labelNames: ['service', 'driver'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [database, services] of distinctDatabases())
        this.set({ ...databaseLabels(services), driver: database.activity.driver }, database.activity.poolSize);
    },
  });
  new Gauge({
    name: 'hub_db_statements_in_flight',
    help: 'Statements running or waiting for a connection now; above hub_db_pool_size they queue for the pool.',
    labelNames: ['service', 'driver'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [database, services] of distinctDatabases())
        this.set({ ...databaseLabels(services), driver: database.activity.driver }, database.activity.inFlight);
    },
  });
  new Counter({
    name: 'hub_db_statements_total',
    help: 'Statements finished since the database handle was opened (outcome="error" for failed ones, also counted in all).',
    labelNames: ['service', 'driver', 'outcome'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [database, services] of distinctDatabases()) {
        const labels = { ...databaseLabels(services), driver: database.activity.driver };
        this.inc({ ...labels, outcome: 'all' }, database.activity.completed);
        this.inc({ ...labels, outcome: 'error' }, database.activity.failed);
      }
    },
  });
  new Counter({
    name: 'hub_db_statement_seconds_total',
    help: 'Seconds spent in statements (from sending to the answer, waiting for a connection included).',
    labelNames: ['service', 'driver'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [database, services] of distinctDatabases())
        this.inc({ ...databaseLabels(services), driver: database.activity.driver }, database.activity.seconds);
    },
  });

  // The registry reads its metrics side by side, so both outbox gauges wait for one shared reading per scrape.
  const backlog = new Map<WatchedDatabase, { pending: number; oldestSeconds: number }>();
  let reading: Promise<void> | undefined;
  const readBacklogs = () =>
    (reading ??= Promise.all(
      watchedEntries()
        .filter((w) => w.schema)
        .map(async (w) => {
          const found = await readBacklog(w).catch(() => undefined);
          if (found) backlog.set(w, found);
          else backlog.delete(w);
        }),
    ).then(
      () => {
        reading = undefined;
      },
      () => {
        reading = undefined;
      },
    ));
  new Gauge({
    name: 'hub_outbox_pending',
    help: "Rows of a service's transactional outbox not yet delivered.",
    labelNames: ['service'],
    registers: [registry],
    async collect() {
      await readBacklogs();
      this.reset();
      for (const [w, b] of backlog) this.set({ service: w.service }, b.pending);
    },
  });
  new Gauge({
    name: 'hub_outbox_oldest_pending_age_seconds',
    help: "Age of the oldest undelivered row of a service's outbox (0 when none waits).",
    labelNames: ['service'],
    registers: [registry],
    async collect() {
      await readBacklogs();
      this.reset();
      for (const [w, b] of backlog) this.set({ service: w.service }, b.oldestSeconds);
    },
  });

  const forService = (service: string): ServiceMetrics => ({
    service,
    observeOperation(operationName, seconds, errorCodes) {
      const operation = operationLabel(operationName);
      operations.inc({ service, operation });
      duration.observe({ service, operation }, seconds);
      for (const code of errorCodes) errors.inc({ service, operation, code: errorCodeLabel(code) });
    },
    countResponse(pathname, status) {
      const route = routeLabel(pathname);
      if (route === '/health' || route === '/ready') return;
      responses.inc({ service, route, status: String(status) });
      if (status === 429) rateLimited.inc({ service, route });
    },
    countSubgraphUnavailable(subgraph, reason) {
      unavailable.inc({ service, subgraph, reason: errorCodeLabel(reason) });
    },
    countWebhookFailure(reason, gaveUp) {
      webhookFailures.inc({ service, reason, gave_up: String(gaveUp) });
    },
    countEmailFailure(reason, gaveUp) {
      emailFailures.inc({ service, reason, gave_up: String(gaveUp) });
    },
    watchDatabase(database, schema) {
      const entry: WatchedDatabase = { service, database, schema };
      watched.add(entry);
      return () => {
        watched.delete(entry);
        backlog.delete(entry);
      };
    },
    operationPlugin<TContext extends BaseContext>(
      nameOf: (context: TContext, requestName: string | undefined) => string | undefined,
    ): ApolloServerPlugin<TContext> {
      return {
        async requestDidStart(start) {
          const started = performance.now();
          return {
            async willSendResponse({ contextValue, request, response, operationName }) {
              const codes = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []).map((e) => e.extensions?.code) : [];
              const name = nameOf(contextValue, operationName ?? request.operationName ?? start.request.operationName);
              forService(service).observeOperation(name, (performance.now() - started) / 1000, codes);
            },
          };
        },
      };
    },
  });

  return {
    registry,
    operationLabel,
    forService,
    render: () => registry.metrics(),
  };
}

/** Undelivered rows of the service's outbox table, if its schema has one (checked at every scrape: cheap, and migrations may add one). */
async function readBacklog(w: WatchedDatabase): Promise<{ pending: number; oldestSeconds: number } | undefined> {
  const schema = w.schema ?? '';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) return undefined;
  const exists = rowsOf<{ present: boolean }>(await w.database.db.execute(sql`select to_regclass(${`${schema}.outbox`}) is not null as present`))[0];
  if (!exists?.present) return undefined;
  const row = rowsOf<{ pending: number | string; oldest: number | string | null }>(
    await w.database.db.execute(
      sql`select count(*)::int as pending, extract(epoch from now() - min(created_at))::float8 as oldest from ${sql.identifier(schema)}.outbox where delivered_at is null`,
    ),
  )[0];
  return { pending: Number(row?.pending ?? 0), oldestSeconds: Math.max(0, Number(row?.oldest ?? 0)) };
}

/** The bearer token check of `/metrics`: constant time, and no answer to tell a near miss from a far one. */
export function metricsTokenMatches(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  const given = Buffer.from(match?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
