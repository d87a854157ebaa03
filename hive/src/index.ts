import { join } from 'node:path';
import { loadConfig, SUBGRAPH_NAMES } from '@hub/config';
import { readFileSync } from 'node:fs';
import { createTokenVerifier, ensureDevIssuer } from '@hub/identity';
import { createLogger } from '@hub/service-kit';
import { createHiveGateway } from './server.ts';

/**
 * `npm run start:hive`: Hive Gateway with the hub's policies, as a standalone process beside the subgraphs (which
 * `npm start` or docker-compose run). Reads the hub's configuration (.env.example), listens on HIVE_GATEWAY_PORT.
 */
const config = loadConfig();
const logger = createLogger('hive-gateway', config.logLevel);
// Hive's own logger reads LOG_LEVEL too and refuses the hub's "silent" and "fatal"; it gets its level from the
// hub's setting instead (server.ts), once the configuration has been read.
delete process.env.LOG_LEVEL;

const subgraphs = SUBGRAPH_NAMES.map((name) => {
  const { url, secret } = config.subgraphs[name];
  if (!secret) {
    logger.fatal(`The secret for subgraph ${name} must be set for a standalone gateway (see .env.example).`);
    process.exit(1);
  }
  return { name, url, secret };
});

// Without AUTH_ISSUERS the development issuer's key, as the hub's own gateway reads it (development only).
const devIssuer = config.issuers ? undefined : await ensureDevIssuer(join(config.dataDir, 'keys'), config.devIssuer, config.audience);
const issuers = config.issuers ?? (devIssuer ? [devIssuer.config] : []);

const gateway = await createHiveGateway({
  config,
  logger,
  verifyToken: await createTokenVerifier(issuers, config.audience, { maxLifetimeSeconds: config.tokenMaxLifetimeSeconds }),
  subgraphs,
  supergraphSdl: readFileSync(new URL('../../gateway/supergraph.graphql', import.meta.url), 'utf8'),
});
const running = await gateway.start(config.hiveGatewayPort, config.host);
// One line on stdout with the bound address, also when logs are silenced (tests start it on port 0).
process.stdout.write(`${JSON.stringify({ msg: 'hive gateway listening', url: running.url })}\n`);

const shutdown = async () => {
  await gateway.stop();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
