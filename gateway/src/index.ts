import { join } from 'node:path';
import { disableApolloTelemetry, loadConfig, SUBGRAPH_NAMES } from '@hub/config';
import { createTokenVerifier, ensureDevIssuer } from '@hub/identity';
import { createLogger } from '@hub/service-kit';
import { createGateway, readSupergraph, type SubgraphEndpoint } from './server.ts';

// Standalone gateway process (docker-compose / production). `npm start` runs it in-process through @hub/hub.
disableApolloTelemetry();
const config = loadConfig();
const logger = createLogger('gateway', config.logLevel);

const subgraphs: SubgraphEndpoint[] = [];
for (const name of SUBGRAPH_NAMES) {
  const { url, secret } = config.subgraphs[name];
  if (!secret) {
    logger.fatal(`The secret for subgraph ${name} must be set for a standalone gateway (see .env.example).`);
    process.exit(1);
  }
  subgraphs.push({ name, url, secret });
}

const issuers = config.issuers ?? [(await ensureDevIssuer(join(config.dataDir, 'keys'), config.devIssuer, config.audience)).config];
const gateway = await createGateway({
  config,
  logger,
  verifyToken: await createTokenVerifier(issuers, config.audience),
  subgraphs,
  supergraphSdl: readSupergraph(),
});
await gateway.start(config.gatewayPort, config.host);

const shutdown = async () => {
  await gateway.stop();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
