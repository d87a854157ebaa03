import { ConfigError, loadConfig, loadEnvFile, type HubConfig } from '@hub/config';
import { migrateAndSeed, openHubDatabase } from '@hub/hub';
import { createLogger } from '@hub/service-kit';

/**
 * The one-shot migrate-and-seed job (the `migrate` service in docker-compose): applies every subgraph's
 * migrations, loads reference data and, when configured and empty, demo data; then exits. The subgraphs
 * start only after it has completed successfully.
 */
let config: HubConfig;
try {
  // Settings from .env when run by hand (npm run migrate); the real environment wins over the file.
  loadEnvFile();
  config = loadConfig();
} catch (error) {
  // A refused configuration (e.g. SEED_DEMO=true in production) stops the job before the database is touched.
  if (!(error instanceof ConfigError)) throw error;
  createLogger('migrate', 'info').fatal({ err: { type: error.name, message: error.message } }, 'configuration refused');
  process.exit(1);
}
const logger = createLogger('migrate', config.logLevel);
const started = performance.now();
const database = await openHubDatabase(config);
try {
  await migrateAndSeed(database, { config, logger });
  logger.info({ ms: Math.round(performance.now() - started), database: database.kind }, 'database migrated and seeded');
} catch (error) {
  logger.fatal({ err: error instanceof Error ? { type: error.name, message: error.message } : 'unknown' }, 'migration failed');
  process.exitCode = 1;
} finally {
  await database.close();
}
