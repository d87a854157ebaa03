import type { HubConfig, SubgraphName } from '@hub/config';
import type { Database } from '@hub/db';
import type { TokenVerifier } from '@hub/identity';
import type { Logger } from './logger.ts';
import type { RetentionRunResult } from './retention.ts';
import type { HubMetrics } from './metrics.ts';
import type { SubgraphHost } from './subgraph-host.ts';

/** What every subgraph needs to run: injected, never read from globals. */
export interface SubgraphDeps {
  database: Database;
  config: HubConfig;
  logger: Logger;
  verifyToken: TokenVerifier;
  /** The gateway secret this subgraph accepts. */
  secret: string;
  /** Secret for subgraph-to-subgraph calls on /internal/* (header x-hub-internal-secret). */
  internalSecret: string;
  /** Base URLs (no path) of the other subgraphs, by name, for internal calls. */
  peerUrls: Record<string, string>;
  /** The metrics registry of the running hub (or of this stand-alone service); none: nothing is recorded. */
  metrics?: HubMetrics | undefined;
}

export interface SeedOptions {
  /** Load demo data (only when the subgraph's tables are empty). */
  demo: boolean;
  /** Demo size factor; 1 is the default national demo set. */
  scale: number;
  /** The hub configuration, for seeds that need configured keys (e.g. demo BSNs encrypted under BSN_ENCRYPTION_KEY). */
  config?: HubConfig | undefined;
}

/** The same shape for every subgraph, so start-up, tests and the migrate job treat them alike (built by `defineSubgraph`). */
export interface SubgraphModule {
  name: SubgraphName;
  /** Absolute path of the subgraph's schema.graphql. */
  schemaPath: string;
  /** Applies this subgraph's migrations. */
  migrate(database: Database): Promise<void>;
  /** Loads reference data (always) and demo data (when asked and empty). */
  seed(database: Database, options: SeedOptions): Promise<void>;
  /** Tables its runtime database role may only read and append to. */
  appendOnlyTables: readonly string[];
  /** One retention run now (or as of `asOf`): what the daily job does; returns the rows per table. */
  purge(database: Database, options: { config: HubConfig; logger?: Logger | undefined; asOf?: Date | undefined }): Promise<RetentionRunResult>;
  createServer(deps: SubgraphDeps): Promise<SubgraphHost>;
}
