import { loadConfig } from '@hub/config';
import { migrateAndSeed, openHubDatabase } from '@hub/hub';
import { createLogger } from '@hub/service-kit';

/**
 * The one-shot migrate-and-seed job (the `migrate` service in docker-compose): applies every subgraph's
 * migrations, loads reference data and, when configured and empty, demo data; then exits. The subgraphs
 * start only after it has completed successfully.
 */
const config = loadConfig();
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
