import { join } from 'node:path';
import { ConfigError, type HubConfig } from '@hub/config';
import { openDatabase, prepareDatabase, type Database } from '@hub/db';
import type { Logger, SubgraphModule } from '@hub/service-kit';
import { SUBGRAPH_MODULES } from './modules.ts';

/** The configured database: the PostgreSQL server when DATABASE_URL is set, else PGlite under DATA_DIR (or in memory). */
export function openHubDatabase(config: HubConfig): Promise<Database> {
  return openDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'pglite'),
    inMemory: config.pgliteInMemory,
    poolSize: config.databasePoolSize,
  });
}

/**
 * Brings the database up to date: shared extensions, every subgraph's migrations, then every subgraph's
 * reference data and (when configured and empty) demo data. Idempotent, so it runs on every start.
 */
export async function migrateAndSeed(
  database: Database,
  options: { config: HubConfig; logger?: Logger | undefined; modules?: SubgraphModule[] | undefined },
): Promise<void> {
  const modules = options.modules ?? SUBGRAPH_MODULES;
  const { config, logger } = options;
  // loadConfig already refuses this; a configuration object assembled in code must not slip fictional data in either.
  if (config.production && config.seedDemo) {
    throw new ConfigError('Demo data never loads in production (NODE_ENV=production): set SEED_DEMO=false.');
  }
  await prepareDatabase(database);
  for (const module of modules) {
    const started = performance.now();
    await module.migrate(database);
    logger?.info({ subgraph: module.name, ms: Math.round(performance.now() - started) }, 'migrations applied');
  }
  for (const module of modules) {
    const started = performance.now();
    await module.seed(database, { demo: config.seedDemo, scale: config.demoScale, config });
    logger?.info({ subgraph: module.name, demo: config.seedDemo, ms: Math.round(performance.now() - started) }, 'data seeded');
  }
}
