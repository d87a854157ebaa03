import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { SUBGRAPH_NAMES, type HubConfig, type IssuerConfig, type SubgraphName } from '@hub/config';
import type { Database } from '@hub/db';
import { createGateway, readSupergraph, type SubgraphEndpoint } from '@hub/gateway';
import { createTokenVerifier, ensureDevIssuer, type DevIssuer } from '@hub/identity';
import { createLogger, type SubgraphModule } from '@hub/service-kit';
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
  /** Stops the gateway, then the subgraphs, then closes the database when the hub opened it. Safe to call twice. */
  stop(): Promise<void>;
}

const isSubgraphName = (name: string): name is SubgraphName => (SUBGRAPH_NAMES as readonly string[]).includes(name);

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

/**
 * Runs the whole hub in this process: database (migrated and seeded), every subgraph, the gateway.
 * What `npm start` and the tests use; docker-compose runs the same pieces as separate processes.
 */
export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const started = performance.now();
  const { config } = options;
  const modules = SUBGRAPH_MODULES;
  checkModules(modules);
  const loggerFor = (service: string) => createLogger(service, config.logLevel, options.logDestination);
  const logger = loggerFor('hub');

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
    const verifyToken = await createTokenVerifier(trusted, config.audience);
    const internalSecret = secretOrGenerated(config.internalSecret, 'INTERNAL_API_SECRET', config);

    // Filled in as each subgraph binds (ports may be 0); complete before the gateway accepts a request.
    const peerUrls: Record<string, string> = {};
    const endpoints: SubgraphEndpoint[] = [];
    for (const module of modules) {
      if (!isSubgraphName(module.name)) throw new Error(`Module ${module.name} is not in SUBGRAPH_NAMES.`);
      const settings = config.subgraphs[module.name];
      const secret = secretOrGenerated(settings.secret, `The secret of subgraph ${module.name}`, config);
      const host = await module.createServer({
        database,
        config,
        logger: loggerFor(module.name),
        verifyToken,
        secret,
        internalSecret,
        peerUrls,
      });
      undo.push(() => host.stop());
      const running = await host.start(settings.port, config.host);
      peerUrls[module.name] = new URL(running.url).origin;
      endpoints.push({ name: module.name, url: running.url, secret });
    }

    const gateway = await createGateway({
      config,
      logger: loggerFor('gateway'),
      verifyToken,
      subgraphs: endpoints,
      supergraphSdl: readSupergraph(),
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
      stop: () => (stopping ??= unwind()),
    };
  } catch (error) {
    await unwind();
    throw error;
  }
}
