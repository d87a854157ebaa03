import { join } from 'node:path';
import { ConfigError, postgresSchemaOf, type HubConfig, type SubgraphName } from '@hub/config';
import { asOwner, grantRuntimeRole, openDatabase, prepareDatabase, provisionRoles, type Database, type SubgraphRoleSpec } from '@hub/db';
import type { Logger, SubgraphModule } from '@hub/service-kit';
import { SUBGRAPH_MODULES } from './modules.ts';

/**
 * The configured database: the PostgreSQL server when DATABASE_URL is set, else PGlite under DATA_DIR (or in memory).
 * With `subgraph`, that subgraph's own connection (`<NAME>_DATABASE_URL`, its runtime role), else the same.
 */
export function openHubDatabase(config: HubConfig, subgraph?: SubgraphName): Promise<Database> {
  return openDatabase({
    url: subgraph ? config.subgraphs[subgraph].databaseUrl : config.databaseUrl,
    dataDir: join(config.dataDir, 'pglite'),
    inMemory: config.pgliteInMemory,
    poolSize: config.databasePoolSize,
  });
}

/** The role specification of each module (schema, append-only tables, the runtime role's password). */
export function roleSpecsOf(config: HubConfig, modules: SubgraphModule[] = SUBGRAPH_MODULES): SubgraphRoleSpec[] {
  return modules.map((m) => ({
    schema: postgresSchemaOf(m.name),
    appendOnlyTables: m.appendOnlyTables,
    password: config.subgraphs[m.name].databasePassword,
  }));
}

/**
 * Brings the database up to date: shared extensions, every subgraph's migrations, then every subgraph's
 * reference data and (when configured and empty) demo data. Idempotent, so it runs on every start.
 *
 * With DATABASE_ROLES=provision on a PostgreSQL server, `database` is the administrator's: the roles are created
 * first, each subgraph's migrations and seed run as its owner role, and its runtime role is granted what it needs
 * after the migrations (packages/db/src/roles.ts). PGlite has one user and migrates as before.
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
  const adminUrl = config.databaseRoles.provision && database.kind === 'postgres' ? database.url : undefined;
  const prefix = config.databaseRoles.prefix;
  const specs = roleSpecsOf(config, modules);
  if (adminUrl) {
    await provisionRoles(adminUrl, prefix, specs);
    logger?.info({ prefix, subgraphs: specs.length }, 'database roles provisioned');
  }
  // As the subgraph's owner when roles are provisioned, else on the handle given.
  const asModuleOwner = <T>(module: SubgraphModule, fn: (db: Database) => Promise<T>) =>
    adminUrl ? asOwner(adminUrl, prefix, postgresSchemaOf(module.name), fn) : fn(database);
  for (const module of modules) {
    const started = performance.now();
    await asModuleOwner(module, (db) => module.migrate(db));
    logger?.info({ subgraph: module.name, ms: Math.round(performance.now() - started) }, 'migrations applied');
  }
  if (adminUrl) {
    for (const spec of specs) await grantRuntimeRole(adminUrl, prefix, spec);
    logger?.info({ prefix }, 'runtime roles granted');
  }
  for (const module of modules) {
    const started = performance.now();
    await asModuleOwner(module, (db) => module.seed(db, { demo: config.seedDemo, scale: config.demoScale, config }));
    logger?.info({ subgraph: module.name, demo: config.seedDemo, ms: Math.round(performance.now() - started) }, 'data seeded');
  }
}
