import cluster from 'node:cluster';
import { join } from 'node:path';
import { disableApolloTelemetry, loadConfig, SUBGRAPH_NAMES } from '@hub/config';
import { createTokenVerifier, ensureDevIssuer } from '@hub/identity';
import { createHubMetrics, createLogger, flushTraces, startTracing } from '@hub/service-kit';
import { batchedLogDestination } from './log-destination.ts';
import { createGateway, readSupergraph, type SubgraphEndpoint } from './server.ts';

// Standalone gateway process (docker-compose / production). `npm start` runs it in-process through @hub/hub.
disableApolloTelemetry();
const config = loadConfig();
// One write per turn of the event loop for all the lines of that turn (log-destination.ts).
const logger = createLogger('gateway', config.logLevel, batchedLogDestination());

const subgraphs: SubgraphEndpoint[] = [];
for (const name of SUBGRAPH_NAMES) {
  const { url, secret } = config.subgraphs[name];
  if (!secret) {
    logger.fatal(`The secret for subgraph ${name} must be set for a standalone gateway (see .env.example).`);
    process.exit(1);
  }
  subgraphs.push({ name, url, secret });
}

// The development key pair is written once, before any worker reads it.
const devIssuer = config.issuers ? undefined : await ensureDevIssuer(join(config.dataDir, 'keys'), config.devIssuer, config.audience);
const issuers = config.issuers ?? (devIssuer ? [devIssuer.config] : []);

if (config.gatewayWorkers > 1 && cluster.isPrimary) {
  // Workers share the port; a worker that dies is replaced, and a signal to the primary stops them all.
  let stopping = false;
  for (let i = 0; i < config.gatewayWorkers; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    logger.error({ worker: worker.id, code }, 'gateway worker exited; starting another');
    cluster.fork();
  });
  const shutdown = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    // Each worker drains its requests in flight first (SHUTDOWN_DRAIN_MS); this is the backstop.
    setTimeout(() => process.exit(0), config.shutdownDrainMs + 5_000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} else {
  const metrics = createHubMetrics({
    operationNames: config.metrics.operationNames,
    manifest: config.metrics.operationManifest,
    processLabel: config.metrics.token ? 'gateway' : undefined,
  });
  startTracing(config.tracing, 'gateway', metrics.operationLabel);
  const gateway = await createGateway({
    config,
    metrics,
    logger,
    verifyToken: await createTokenVerifier(issuers, config.audience, { maxLifetimeSeconds: config.tokenMaxLifetimeSeconds }),
    subgraphs,
    supergraphSdl: readSupergraph(),
    devIssuer,
  });
  await gateway.start(config.gatewayPort, config.host);

  const shutdown = async () => {
    await gateway.stop();
    await flushTraces();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
