import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { createSubgraphHost, type SubgraphDeps, type SubgraphHost } from '@hub/service-kit';
import { directoryCacheHints } from './cache-hints.ts';
import { createContext } from './context.ts';
import { createHsdsRoutes } from './hsds/routes.ts';
import { resolvers } from './resolvers/index.ts';

export const schemaPath = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** Builds the sociale kaart subgraph; `start(port)` binds it (port 0 in tests). */
export function createServer(deps: SubgraphDeps): Promise<SubgraphHost> {
  const typeDefs = parse(readFileSync(schemaPath, 'utf8'));
  return createSubgraphHost({
    name: 'sociale-kaart',
    typeDefs,
    resolvers,
    secret: deps.secret,
    verifyToken: deps.verifyToken,
    logger: deps.logger,
    production: deps.config.production,
    maxBodyBytes: deps.config.maxRequestBodyBytes,
    shutdownDrainMs: deps.config.shutdownDrainMs,
    ready: () => deps.database.ping(),
    createContext: (scope) => createContext(deps.database.db, deps.config, scope),
    internalSecret: deps.internalSecret,
    // The HSDS open-data feed (/hsds/*): anonymous, public data only, confidential locations left out.
    publicRoutes: createHsdsRoutes(deps.database.db, { capacityStaleDays: deps.config.capacityStaleDays }),
    plugins: [directoryCacheHints(deps.config.directoryCacheSeconds)],
  });
}
