import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { LEGACY_KEY_ID, SUBGRAPH_NAMES, type HubConfig, type IssuerConfig } from '@hub/config';
import { openDatabase, type Database } from '@hub/db';
import { createGateway, readSupergraph, type SubgraphEndpoint } from '@hub/gateway';
import { createTokenVerifier, ensureDevIssuer, type DevIssuer } from '@hub/identity';
import { createHubMetrics, createLogger, flushTraces, startTracing, type HubMetrics, type SubgraphHost, type SubgraphModule } from '@hub/service-kit';
import { migrateAndSeed, openHubDatabase } from './database.ts';
import { SUBGRAPH_MODULES } from './modules.ts';

export interface StartHubOptions {
  config: HubConfig;
  /**
   * Where every service (hub, gateway, each subgraph) writes its JSON log lines; stdout by default.
   * A destination rather than a logger: each service gets its own `service` field, and pino would
   * repeat that key on a child of a shared logger.
   */
  logDestination?: DestinationStream | undefined;
  /** An already opened database, owned by the caller (it stays open after `stop`). */
  database?: Database | undefined;
  /** An issuer to trust besides the configured ones (tests pass an ephemeral one); replaces the dev issuer. */
  issuer?: DevIssuer | undefined;
}

export interface RunningHub {
  gatewayUrl: string;
  /** GraphQL URL of each subgraph, by name, as bound (ports may have been 0). */
  subgraphUrls: Record<string, string>;
  /** The secret each subgraph accepts, by name: configured, or generated for this process in development. */
  subgraphSecrets: Record<string, string>;
  /** The secret of the subgraph-to-subgraph /internal/* endpoints. */
  internalSecret: string;
  database: Database;
  /** The issuer whose key this process holds (the development issuer or the one passed in); undefined with only configured issuers. */
  issuer: DevIssuer | undefined;
  config: HubConfig;
  /** The hub's metrics registry: every service's series, with a `service` label (served at the gateway's /metrics). */
  metrics: HubMetrics;
  /** Sends the spans finished so far to the OTLP endpoint (nothing when tracing is off). */
  flushTraces(): Promise<void>;
  /** Stops the gateway, then the subgraphs, then closes the database when the hub opened it. Safe to call twice. */
  stop(): Promise<void>;
  /** Stops one subgraph (fault tests: the gateway then answers without its part). Safe to call twice. */
  stopSubgraph(name: string): Promise<void>;
  /** Starts a stopped subgraph again, on the same port, with a fresh server (no restart of the others). */
  startSubgraph(name: string): Promise<void>;
}

/** A module list that drifted from SUBGRAPH_NAMES would compose one graph and serve another. */
function checkModules(modules: SubgraphModule[]): void {
  const names = modules.map((m) => m.name);
  if (names.join(',') !== SUBGRAPH_NAMES.join(',')) {
    throw new Error(`SUBGRAPH_MODULES (${names.join(', ')}) must list SUBGRAPH_NAMES (${SUBGRAPH_NAMES.join(', ')}) in the same order.`);
  }
}

/** Development and tests run without configured secrets; production configuration refuses to load without them. */
function secretOrGenerated(value: string | undefined, what: string, config: HubConfig): string {
  if (value) return value;
  if (config.production) throw new Error(`${what} must be configured in production.`);
  return randomBytes(32).toString('base64url');
}

async function resolveIssuers(config: HubConfig, issuer: DevIssuer | undefined): Promise<{ trusted: IssuerConfig[]; held: DevIssuer | undefined }> {
  const configured = config.issuers ?? [];
  if (issuer) return { trusted: [...configured.filter((i) => i.issuer !== issuer.issuer), issuer.config], held: issuer };
  if (configured.length > 0) return { trusted: configured, held: undefined };
  if (config.production) throw new Error('AUTH_ISSUERS must be configured in production.');
  // The key pair lives in the ignored data folder and survives restarts, so printed tokens keep working.
  const dev = await ensureDevIssuer(join(config.dataDir, 'keys'), config.devIssuer, config.audience);
  return { trusted: [dev.config], held: dev };
}

/** A development key kept in the ignored data folder, so it survives restarts like the data it protects. */
function persistentDevKey(keyDir: string, name: string): Buffer {
  const path = join(keyDir, name);
  if (!existsSync(path)) {
    mkdirSync(keyDir, { recursive: true });
    writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
}

/**
 * Without BSN keys in the environment, development would encrypt with a key that dies with the process and
 * the persisted demo BSNs could not be read after a restart; keep development keys next to the data instead.
 */
export function withDevBsnKeys(config: HubConfig, ownsDatabase: boolean): HubConfig {
  if (config.production || config.bsnKeysConfigured || !ownsDatabase || (config.pgliteInMemory && !config.databaseUrl)) return config;
  const keyDir = join(config.dataDir, 'keys');
  return {
    ...config,
    bsnEncryptionKeys: { currentId: LEGACY_KEY_ID, keys: [{ id: LEGACY_KEY_ID, material: persistentDevKey(keyDir, 'bsn-encryption.key') }] },
    bsnHashKeys: { currentId: LEGACY_KEY_ID, keys: [{ id: LEGACY_KEY_ID, material: persistentDevKey(keyDir, 'bsn-hash.key') }] },
    bsnKeysConfigured: true,
  };
}

/**
 * Runs the whole hub in this process: database (migrated and seeded), every subgraph, the gateway.
 * What `npm start` and the tests use; docker-compose runs the same pieces as separate processes.
 */
export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const started = performance.now();
  const config = withDevBsnKeys(options.config, !options.database);
  const modules = SUBGRAPH_MODULES;
  checkModules(modules);
  const loggerFor = (service: string) => createLogger(service, config.logLevel, options.logDestination);
  const logger = loggerFor('hub');
  // One registry for the process, each series labelled with its service; the gateway's tracer provider is the global one.
  const metrics = createHubMetrics({
    operationNames: config.metrics.operationNames,
    manifest: config.metrics.operationManifest,
    processLabel: config.metrics.token ? 'hub' : undefined,
  });
  startTracing(config.tracing, 'gateway', metrics.operationLabel);

  // Undo steps, run last-first, so a failure half-way through start-up leaves nothing running.
  const undo: Array<() => Promise<void>> = [];
  const unwind = async () => {
    for (let step = undo.pop(); step; step = undo.pop()) await step();
  };

  try {
    const database = options.database ?? (await openHubDatabase(config));
    if (!options.database) undo.push(() => database.close());
    await migrateAndSeed(database, { config, logger, modules });

    const { trusted, held } = await resolveIssuers(config, options.issuer);
    const verifyToken = await createTokenVerifier(trusted, config.audience, { maxLifetimeSeconds: config.tokenMaxLifetimeSeconds });
    const internalSecret = secretOrGenerated(config.internalSecret, 'INTERNAL_API_SECRET', config);

    // Filled in as each subgraph binds (ports may be 0); complete before the gateway accepts a request.
    const peerUrls: Record<string, string> = {};
    const endpoints: SubgraphEndpoint[] = [];
    // The host serving each subgraph now (undefined while stopped), and how to make a new one on the same port.
    const hosts = new Map<string, { host: SubgraphHost | undefined; port: number; create: () => Promise<SubgraphHost> }>();
    for (const module of modules) {
      const settings = config.subgraphs[module.name];
      const secret = secretOrGenerated(settings.secret, `The secret of subgraph ${module.name}`, config);
      // A subgraph with its own database URL (its runtime role) gets its own pool; the others share the hub's handle.
      let own: Database | undefined;
      if (database.kind === 'postgres' && settings.databaseUrl && settings.databaseUrl !== config.databaseUrl && settings.databaseUrl !== database.url) {
        const opened = await openDatabase({ url: settings.databaseUrl, poolSize: config.databasePoolSize });
        undo.push(() => opened.close());
        own = opened;
      }
      const subgraphDatabase = own ?? database;
      const create = () =>
        module.createServer({
          database: subgraphDatabase,
          config,
          logger: loggerFor(module.name),
          verifyToken,
          secret,
          internalSecret,
          peerUrls,
          metrics,
        });
      const first = await create();
      const entry: { host: SubgraphHost | undefined; port: number; create: () => Promise<SubgraphHost> } = { host: first, port: settings.port, create };
      hosts.set(module.name, entry);
      undo.push(async () => {
        await entry.host?.stop();
        entry.host = undefined;
      });
      const running = await first.start(settings.port, config.host);
      entry.port = running.port;
      peerUrls[module.name] = new URL(running.url).origin;
      endpoints.push({ name: module.name, url: running.url, secret });
    }
    const hostEntry = (name: string) => {
      const entry = hosts.get(name);
      if (!entry) throw new Error(`No subgraph named ${name}; the hub runs ${[...hosts.keys()].join(', ')}.`);
      return entry;
    };

    const gateway = await createGateway({
      config,
      logger: loggerFor('gateway'),
      verifyToken,
      subgraphs: endpoints,
      supergraphSdl: readSupergraph(),
      devIssuer: config.production ? undefined : held,
      metrics,
    });
    undo.push(() => gateway.stop());
    const running = await gateway.start(config.gatewayPort, config.host);
    logger.info({ ms: Math.round(performance.now() - started), gatewayUrl: running.url }, 'hub ready');

    let stopping: Promise<void> | undefined;
    return {
      gatewayUrl: running.url,
      subgraphUrls: Object.fromEntries(endpoints.map((e) => [e.name, e.url])),
      subgraphSecrets: Object.fromEntries(endpoints.map((e) => [e.name, e.secret])),
      internalSecret,
      database,
      issuer: held,
      config,
      metrics,
      flushTraces,
      stop: () => (stopping ??= unwind()),
      async stopSubgraph(name) {
        const entry = hostEntry(name);
        const host = entry.host;
        entry.host = undefined;
        await host?.stop();
      },
      async startSubgraph(name) {
        const entry = hostEntry(name);
        if (entry.host) return;
        const host = await entry.create();
        await host.start(entry.port, config.host);
        entry.host = host;
      },
    };
  } catch (error) {
    await unwind();
    throw error;
  }
}
