import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { requireBsnKeys } from '@hub/config';
import { createSubgraphHost, type SubgraphDeps, type SubgraphHost } from '@hub/service-kit';
import { accessLogPlugin } from './access-log.ts';
import { createBsnCipher } from './bsn-crypto.ts';
import { createContext, type Context } from './context.ts';
import { createInternalRoutes } from './internal-routes.ts';
import { buildResolvers } from './resolvers/index.ts';

export const schemaPath = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** Builds the cases subgraph; `start(port)` binds it (port 0 in tests). */
export function createServer(deps: SubgraphDeps): Promise<SubgraphHost> {
  requireBsnKeys(deps.config);
  const typeDefs = parse(readFileSync(schemaPath, 'utf8'));
  const services = {
    bsn: createBsnCipher(deps.config.bsnEncryptionKey, deps.config.bsnHashKey),
    internalSecret: deps.internalSecret,
    peerUrls: deps.peerUrls,
  };
  return createSubgraphHost<Context>({
    name: 'cases',
    typeDefs,
    resolvers: buildResolvers(typeDefs),
    secret: deps.secret,
    verifyToken: deps.verifyToken,
    logger: deps.logger,
    production: deps.config.production,
    maxBodyBytes: deps.config.maxRequestBodyBytes,
    shutdownDrainMs: deps.config.shutdownDrainMs,
    ready: () => deps.database.ping(),
    createContext: (scope) => createContext(deps.database.db, deps.config, services, scope),
    internalRoutes: createInternalRoutes(deps.database.db, deps.config.maxRequestBodyBytes),
    internalSecret: deps.internalSecret,
    plugins: [accessLogPlugin],
  });
}
