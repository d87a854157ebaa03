import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApolloServerPlugin } from '@apollo/server';
import { parse, type DocumentNode } from 'graphql';
import { postgresSchemaOf, type HubConfig, type SubgraphName } from '@hub/config';
import { migrateSchema, type Database, type Db } from '@hub/db';
import { applyConsentGate, gatedFieldsOf, type ConsentGate } from './consent-gate.ts';
import type { SeedOptions, SubgraphDeps, SubgraphModule } from './module.ts';
import { allBackground } from './outbox-relay.ts';
import { createRetentionJob, runRetention, type RetentionTask } from './retention.ts';
import { createSubgraphHost, type RequestScope, type RouteHandler, type SubgraphResolvers } from './subgraph-host.ts';

/**
 * The part of every subgraph's request context that the kit builds: the caller, the request's ids and logger, the
 * database and the configuration. A subgraph's `Context` extends it with its loaders and what else it needs.
 */
export interface SubgraphContext extends RequestScope {
  db: Db;
  config: HubConfig;
}

/** Work that runs beside a subgraph's server (the referrals outbox relay): started once it listens, stopped before it closes. */
export interface BackgroundWork {
  start(): void;
  stop(): Promise<void>;
}

/** What a subgraph builds once per server from its dependencies: the per-request context and its own HTTP parts. */
export interface SubgraphSetup<TContext extends SubgraphContext> {
  /** The request context: the kit's part, extended with fresh loaders and the subgraph's services. */
  context: (base: SubgraphContext) => TContext;
  /** Subgraph-to-subgraph endpoints under /internal/ (the contracts of @hub/contracts), behind the internal secret. */
  internalRoutes?: RouteHandler | undefined;
  /** Endpoints under /internal/ behind the gateway's secret (not the internal one): the gateway authenticated the caller. */
  gatewayRoutes?: RouteHandler | undefined;
  /** Routes beside /graphql that need no gateway secret: public, read-only, anonymous data only. */
  publicRoutes?: RouteHandler | undefined;
  plugins?: ApolloServerPlugin<TContext>[] | undefined;
  background?: BackgroundWork | undefined;
}

/** What differs between subgraphs; everything else (hosting, schema, migrations, stand-alone start) is the same. */
export interface SubgraphDefinition<TContext extends SubgraphContext, TSubject extends { purpose: string }, C extends string> {
  /** Its entry in SUBGRAPHS (@hub/config), which gives its port, URL, secret and Postgres schema. */
  name: SubgraphName;
  /** The subgraph's folder, holding schema.graphql and migrations/: `new URL('../', import.meta.url)` from src/. */
  folder: URL;
  /** The resolver map, checked against the generated types of schema.graphql (`satisfies Resolvers`). */
  resolvers: SubgraphResolvers;
  /** How this subgraph decides and logs consent-gated reads; required when its SDL marks a field `@consentGated`. */
  consentGate?: ConsentGate<TContext, TSubject, C> | undefined;
  /** Loads reference data (always) and demo data (when asked and the tables are empty); nothing when omitted. */
  seed?: ((database: Database, options: SeedOptions) => Promise<void>) | undefined;
  /** Tables the runtime database role may only read and append to (no UPDATE, DELETE or TRUNCATE grant). */
  appendOnlyTables?: readonly string[] | undefined;
  /** What the daily purge removes after its term (docs/operations.md, "Retention"); nothing when omitted. */
  retention?: ((config: HubConfig) => RetentionTask[]) | undefined;
  setup: (deps: SubgraphDeps) => SubgraphSetup<TContext>;
}

/**
 * A subgraph's wiring from its definition: the module that start-up, the migrate job, composition and the stand-alone
 * process use. The schema is read and parsed when a server is built, so importing a subgraph has no side effects; a
 * `@consentGated` field without a gate stops the server from being built.
 */
export function defineSubgraph<TContext extends SubgraphContext, TSubject extends { purpose: string } = { purpose: string }, C extends string = string>(
  definition: SubgraphDefinition<TContext, TSubject, C>,
): SubgraphModule {
  const schemaPath = fileURLToPath(new URL('schema.graphql', definition.folder));
  const migrations = fileURLToPath(new URL('migrations', definition.folder));
  return {
    name: definition.name,
    schemaPath,
    migrate: (database) => migrateSchema(database, { folder: migrations, schema: postgresSchemaOf(definition.name) }),
    seed: (database, options) => definition.seed?.(database, options) ?? Promise.resolve(),
    appendOnlyTables: definition.appendOnlyTables ?? [],
    purge: (database, options) => runRetention({ subgraph: definition.name, db: database.db, tasks: definition.retention?.(options.config) ?? [], ...options }),
    async createServer(deps) {
      const typeDefs = parse(readFileSync(schemaPath, 'utf8'));
      const gate = definition.consentGate;
      const resolvers = gate ? applyConsentGate(typeDefs, definition.resolvers, gate) : ungatedResolvers(definition.name, typeDefs, definition.resolvers);
      const setup = definition.setup(deps);
      const metrics = deps.metrics?.forService(definition.name);
      const host = await createSubgraphHost<TContext>({
        name: definition.name,
        typeDefs,
        resolvers,
        secret: deps.secret,
        verifyToken: deps.verifyToken,
        logger: deps.logger,
        production: deps.config.production,
        maxBodyBytes: deps.config.maxRequestBodyBytes,
        shutdownDrainMs: deps.config.shutdownDrainMs,
        ready: () => deps.database.ping(),
        createContext: (scope) => setup.context({ ...scope, db: deps.database.db, config: deps.config }),
        publicRoutes: setup.publicRoutes,
        internalRoutes: setup.internalRoutes,
        gatewayRoutes: setup.gatewayRoutes,
        internalSecret: deps.internalSecret,
        plugins: setup.plugins,
        metrics,
        metricsToken: deps.config.metrics.token,
        renderMetrics: deps.metrics?.render,
      });
      const tasks = definition.retention?.(deps.config) ?? [];
      const retention =
        tasks.length > 0 ? createRetentionJob({ subgraph: definition.name, db: deps.database.db, tasks, config: deps.config, logger: deps.logger }) : undefined;
      const background = setup.background && retention ? allBackground(setup.background, retention) : (setup.background ?? retention);
      let unwatch: (() => void) | undefined;
      return {
        ...host,
        async start(port, hostName) {
          const running = await host.start(port, hostName);
          unwatch ??= metrics?.watchDatabase(deps.database, postgresSchemaOf(definition.name));
          background?.start();
          return running;
        },
        async stop() {
          unwatch?.();
          unwatch = undefined;
          await background?.stop();
          await host.stop();
        },
      };
    },
  };
}

/** Without a gate, a `@consentGated` field would answer unchecked: a subgraph whose SDL gates a field must bring one. */
function ungatedResolvers(name: string, typeDefs: DocumentNode, resolvers: SubgraphResolvers): SubgraphResolvers {
  const gated = gatedFieldsOf(typeDefs).map((g) => `${g.typeName}.${g.fieldName}`);
  if (gated.length > 0) throw new Error(`${name}: @consentGated on ${gated.join(', ')} needs a consentGate in the subgraph's definition`);
  return resolvers;
}
