import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { createSubgraphHost, type SubgraphDeps, type SubgraphHost } from '@hub/service-kit';
import { createContext } from './context.ts';
import { gapEventRoutes } from './gap-events.ts';
import { resolvers } from './resolvers/index.ts';

export const schemaPath = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** Builds the signals subgraph; `start(port)` binds it (port 0 in tests). */
export function createServer(deps: SubgraphDeps): Promise<SubgraphHost> {
  const typeDefs = parse(readFileSync(schemaPath, 'utf8'));
  return createSubgraphHost({
    name: 'signals',
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
    internalRoutes: gapEventRoutes(deps.database.db, deps.config.maxRequestBodyBytes),
    internalSecret: deps.internalSecret,
  });
}
