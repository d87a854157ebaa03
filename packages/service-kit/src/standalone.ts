import { join } from 'node:path';
import { loadConfig, subgraphBaseUrls, subgraphEnvKey } from '@hub/config';
import { openDatabase } from '@hub/db';
import { createTokenVerifier, ensureDevIssuer } from '@hub/identity';
import { createLogger } from './logger.ts';
import { createHubMetrics } from './metrics.ts';
import { flushTraces, startTracing } from './tracing.ts';
import type { SubgraphModule } from './module.ts';

/**
 * Runs one subgraph as its own process (docker-compose, production): its own secret and the internal secret
 * are required, migrations and seeding are the migrate job's work. SIGINT / SIGTERM stop it cleanly.
 */
export async function runStandaloneSubgraph(module: SubgraphModule): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(module.name, config.logLevel);
  const settings = config.subgraphs[module.name];
  const secretName = `SUBGRAPH_SECRET_${subgraphEnvKey(module.name)}`;
  if (!settings.secret || !config.internalSecret) {
    logger.fatal(`${secretName} and INTERNAL_API_SECRET must be set for a standalone subgraph.`);
    process.exit(1);
  }
  const metrics = createHubMetrics({
    operationNames: config.metrics.operationNames,
    manifest: config.metrics.operationManifest,
    processLabel: config.metrics.token ? module.name : undefined,
  });
  startTracing(config.tracing, module.name, metrics.operationLabel);
  const issuers = config.issuers ?? [(await ensureDevIssuer(join(config.dataDir, 'keys'), config.devIssuer, config.audience)).config];
  // The subgraph's own login role when <NAME>_DATABASE_URL is set (docs/operations.md, "Database roles").
  const database = await openDatabase({
    url: settings.databaseUrl,
    dataDir: join(config.dataDir, 'pglite'),
    inMemory: config.pgliteInMemory,
    poolSize: config.databasePoolSize,
  });
  const host = await module.createServer({
    database,
    config,
    logger,
    secret: settings.secret,
    internalSecret: config.internalSecret,
    peerUrls: subgraphBaseUrls(config),
    metrics,
    verifyToken: await createTokenVerifier(issuers, config.audience, { maxLifetimeSeconds: config.tokenMaxLifetimeSeconds }),
  });
  await host.start(settings.port, config.host);
  const shutdown = async () => {
    await host.stop();
    await flushTraces();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
