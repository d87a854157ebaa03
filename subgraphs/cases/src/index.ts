import { join } from 'node:path';
import { loadConfig, subgraphBaseUrls } from '@hub/config';
import { openDatabase } from '@hub/db';
import { createTokenVerifier, ensureDevIssuer } from '@hub/identity';
import { createLogger } from '@hub/service-kit';
import { createServer } from './server.ts';

// Standalone process (docker-compose / production): migrations and seeding are the migrate job's work.
const config = loadConfig();
const logger = createLogger('cases', config.logLevel);
const secret = config.subgraphs['cases'].secret;
if (!secret || !config.internalSecret) {
  logger.fatal('SUBGRAPH_SECRET_CASES and INTERNAL_API_SECRET must be set for a standalone subgraph.');
  process.exit(1);
}
const internalSecret = config.internalSecret;
const issuers = config.issuers ?? [(await ensureDevIssuer(join(config.dataDir, 'keys'), config.devIssuer, config.audience)).config];
const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: join(config.dataDir, 'pglite'),
  inMemory: config.pgliteInMemory,
  poolSize: config.databasePoolSize,
});
const host = await createServer({
  database,
  config,
  logger,
  secret,
  internalSecret,
  peerUrls: subgraphBaseUrls(config),
  verifyToken: await createTokenVerifier(issuers, config.audience),
});
await host.start(config.subgraphs['cases'].port, config.host);

const shutdown = async () => {
  await host.stop();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
