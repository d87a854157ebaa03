import { join } from 'node:path';
import { loadConfig } from '@hub/config';
import { openDatabase } from '@hub/db';
import { createTokenVerifier, ensureDevIssuer } from '@hub/identity';
import { createLogger } from '@hub/service-kit';
import { createServer } from './server.ts';

// Standalone process (docker-compose / production): migrations and seeding are the migrate job's work.
const config = loadConfig();
const logger = createLogger('sociale-kaart', config.logLevel);
const secret = config.subgraphs['sociale-kaart'].secret;
if (!secret) {
  logger.fatal('SUBGRAPH_SECRET_SOCIALE_KAART is not set; a standalone subgraph needs the secret the gateway sends.');
  process.exit(1);
}
const issuers = config.issuers ?? [(await ensureDevIssuer(join(config.dataDir, 'keys'), config.devIssuer, config.audience)).config];
const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: join(config.dataDir, 'pglite'),
  inMemory: config.pgliteInMemory,
  poolSize: config.databasePoolSize,
});
const host = await createServer({ database, config, logger, secret, verifyToken: await createTokenVerifier(issuers, config.audience) });
await host.start(config.subgraphs['sociale-kaart'].port, config.host);

const shutdown = async () => {
  await host.stop();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
